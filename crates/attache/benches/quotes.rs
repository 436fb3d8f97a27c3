//! Throughput of the quotation stage alone, on one core.
//!
//! Run with `cargo bench -p attache --bench quotes`. The documents (examples and,
//! when present, `../shared/articles`) are cleaned, segmented and run through
//! the actor stage once; each timed round clones them (not timed) and runs
//! `quotes::attribute`, checking the number of quotations found.

use attache::doc::Doc;
use attache::input::RawArticle;
use attache::{actors, clean, quotes, segment};
use std::hint::black_box;
use std::path::PathBuf;

mod common;
use common::txt_files;
use std::time::{Duration, Instant};

const TARGET_SENTENCES: usize = 100_000;
const ROUNDS: usize = 3;

fn main() {
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut files = txt_files(&manifest.join("../../examples"));
    files.extend(txt_files(&manifest.join("../../../shared/articles")));
    let lexicon = match actors::ActorLexicon::builtin() {
        Ok(l) => l,
        Err(e) => {
            println!("actor lexicon failed to build: {e}");
            return;
        }
    };
    let mut base: Vec<Doc> = Vec::new();
    for p in &files {
        let Ok(text) = std::fs::read_to_string(p) else {
            continue;
        };
        let mut d = clean::clean(RawArticle::plain(p.display().to_string(), text));
        segment::segment(&mut d);
        actors::recognise(&mut d, &lexicon);
        base.push(d);
    }
    let per_copy: usize = base.iter().map(|d| d.sentences.len()).sum();
    if per_copy == 0 {
        println!("no articles found; nothing to measure");
        return;
    }
    let copies = TARGET_SENTENCES.div_ceil(per_copy);
    let expected: usize = base
        .iter()
        .map(|d| {
            let mut d = d.clone();
            quotes::attribute(&mut d);
            d.quotes.len()
        })
        .sum::<usize>()
        * copies;
    let sentences = per_copy * copies;
    let mut best = Duration::MAX;
    for _ in 0..ROUNDS {
        let mut docs: Vec<Doc> = (0..copies).flat_map(|_| base.iter().cloned()).collect();
        let start = Instant::now();
        let mut found = 0;
        for d in docs.iter_mut() {
            quotes::attribute(black_box(d));
            found += d.quotes.len();
        }
        let took = start.elapsed();
        assert_eq!(found, expected, "quotation count changed between runs");
        best = best.min(took);
    }
    println!(
        "quotes::attribute: {sentences} sentences in {:.3}s (best of {ROUNDS}) = {:.0} sentences/s, {expected} quotations",
        best.as_secs_f64(),
        sentences as f64 / best.as_secs_f64()
    );
}
