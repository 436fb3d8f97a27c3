//! Speed of the syntax layer: loading the three models, and tagger + parser +
//! entity tagger over the sentences of our corpus, on one core.
//!
//! Run with `cargo bench -p attache --bench syntax`. The text is `examples/*.txt`
//! and the first files of `data/corpus/` (our own), segmented once; the timed
//! loop runs only the syntax stage and checks a result (the number of roots).
//! Times are the benchmark thread's CPU time (`/proc/thread-self/schedstat`),
//! wall-clock time where that is not available.

use attache::input::RawArticle;
use attache::syntax::{self, Dep, Models};
use attache::{clean, segment};
use std::hint::black_box;
use std::path::PathBuf;

mod common;
use common::{txt_files_below, Clock};

const ROUNDS: usize = 3;
const MAX_SENTENCES: usize = 20_000;

fn main() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let clock = Clock::start();
    let models = Models::load_builtin().expect("the built-in models load");
    println!(
        "load: {:.1} ms (three models, parsed from the embedded bytes)",
        clock.secs() * 1e3
    );

    let mut paths = Vec::new();
    txt_files_below(&root.join("examples"), &mut paths);
    txt_files_below(&root.join("data/corpus"), &mut paths);
    let mut docs = Vec::new();
    let mut sentences = 0;
    for p in paths {
        let Ok(text) = std::fs::read_to_string(&p) else {
            continue;
        };
        for article in text.split("\n%%%\n") {
            let mut doc = clean::clean(RawArticle::plain("bench", article));
            segment::segment(&mut doc);
            sentences += doc.sentences.len();
            docs.push(doc);
            if sentences >= MAX_SENTENCES {
                break;
            }
        }
        if sentences >= MAX_SENTENCES {
            break;
        }
    }
    let words: usize = docs.iter().map(|d| d.tokens.len()).sum();
    println!(
        "text: {sentences} sentences, {words} tokens ({:.1} tokens per sentence)",
        words as f64 / sentences.max(1) as f64
    );
    for round in 1..=ROUNDS {
        let clock = Clock::start();
        let mut roots = 0;
        for doc in docs.iter_mut() {
            syntax::analyse(doc, &models);
            roots += doc.syntax.iter().filter(|t| t.dep == Dep::Root).count();
        }
        let secs = clock.secs();
        assert_eq!(black_box(roots), sentences, "one root per sentence");
        println!(
            "round {round}: tagger + parser + entities {:.0} sentences/s, {:.0} tokens/s on one core ({:.1} us per sentence)",
            sentences as f64 / secs,
            words as f64 / secs,
            secs * 1e6 / sentences as f64
        );
    }

    // Each model alone, on the same sentences (words and tags prepared untimed).
    let sents: Vec<Vec<&str>> = docs
        .iter()
        .flat_map(|d| {
            d.sentences.iter().map(move |s| {
                d.tokens[s.tokens.start..s.tokens.end]
                    .iter()
                    .map(|t| &d.text[t.span.start..t.span.end])
                    .collect()
            })
        })
        .collect();
    let tags: Vec<Vec<attache::syntax::Tag>> = docs
        .iter()
        .flat_map(|d| {
            d.sentences.iter().map(move |s| {
                d.syntax[s.tokens.start..s.tokens.end]
                    .iter()
                    .map(|t| t.tag)
                    .collect()
            })
        })
        .collect();
    let (mut tagged, mut arcs, mut ents) = (Vec::new(), Vec::new(), Vec::new());
    let clock = Clock::start();
    let mut n = 0;
    for w in &sents {
        models.tagger.tag(w, &mut tagged);
        n += black_box(&tagged).len();
    }
    let t_tag = clock.secs();
    let clock = Clock::start();
    for (w, t) in sents.iter().zip(&tags) {
        models.parser.parse(w, t, &mut arcs);
        n += black_box(&arcs).len();
    }
    let t_parse = clock.secs();
    let clock = Clock::start();
    for (w, t) in sents.iter().zip(&tags) {
        models.entities.tag(w, t, &mut ents);
        n += black_box(&ents).len();
    }
    let t_ent = clock.secs();
    assert_eq!(n, 3 * words);
    let rate = |t: f64| sentences as f64 / t;
    println!(
        "alone: tagger {:.0}, parser {:.0}, entities {:.0} sentences/s",
        rate(t_tag),
        rate(t_parse),
        rate(t_ent)
    );
}
