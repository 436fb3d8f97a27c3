//! Throughput of cleaning + segmentation and of the whole pipeline, on one core.
//!
//! Run with `cargo bench -p attache`. The corpus (at least 20 MB) repeats
//! `examples/*.txt` and, when present, `../shared/articles/*.txt`. Plain
//! `std::time`, no benchmark framework: each timed loop checks a result (the
//! sentence count) so nothing is optimised away.
//!
//! Times are the benchmark thread's CPU time (from
//! `/proc/thread-self/schedstat` on Linux), so that figures stay per core on a
//! busy machine; elsewhere, wall-clock time.

use attache::input::RawArticle;
use attache::{clean, segment, Engine};
use std::hint::black_box;
use std::path::PathBuf;
use std::time::Duration;

mod common;
use common::{clock_kind, txt_files, Clock};

const CORPUS_BYTES: usize = 20 * 1024 * 1024;
const ROUNDS: usize = 3;
const PIPELINE_BUDGET: Duration = Duration::from_secs(20);

fn main() {
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut files = txt_files(&manifest.join("../../examples"));
    let shared = [
        manifest.join("../../../shared/articles"),
        manifest.join("../../../../shared/articles"),
    ]
    .into_iter()
    .find(|p| p.is_dir());
    match &shared {
        Some(dir) => files.extend(txt_files(dir)),
        None => println!("shared/articles is absent: the corpus repeats examples/*.txt only"),
    }
    let texts: Vec<(String, String)> = files
        .iter()
        .filter_map(|p| {
            Some((
                p.file_name()?.to_string_lossy().into_owned(),
                std::fs::read_to_string(p).ok()?,
            ))
        })
        .collect();
    println!("timing: {}", clock_kind());
    if texts.is_empty() {
        println!("no articles found; nothing to measure");
        return;
    }
    let mut corpus = Vec::new();
    let mut bytes = 0;
    while bytes < CORPUS_BYTES {
        for (name, text) in &texts {
            bytes += text.len();
            corpus.push(RawArticle::plain(name.clone(), text.clone()));
        }
    }
    println!(
        "corpus: {} articles from {} files, {:.1} MB",
        corpus.len(),
        texts.len(),
        bytes as f64 / 1e6
    );

    // Expected sentence count, computed once outside the timed loops.
    let expected: usize = texts
        .iter()
        .map(|(n, t)| {
            let mut d = clean::clean(RawArticle::plain(n.clone(), t.clone()));
            segment::segment(&mut d);
            d.sentences.len()
        })
        .sum::<usize>()
        * (corpus.len() / texts.len());

    // clean + segment (the clone of the input is not timed); best of three
    // runs, since the machine may be shared.
    let mut best = f64::MAX;
    let mut sentences = 0;
    for _ in 0..ROUNDS {
        let inputs = corpus.clone();
        let start = Clock::start();
        sentences = 0;
        for raw in inputs {
            let mut doc = clean::clean(raw);
            segment::segment(&mut doc);
            sentences += black_box(&doc).sentences.len();
        }
        best = best.min(start.secs());
        assert_eq!(sentences, expected, "clean+segment sentence count");
    }
    let t = best;
    println!(
        "clean+segment: {:.1} MB/s, {:.0} sentences/s, {:.0} articles/s ({} sentences in {:.2} s, best of {ROUNDS})",
        bytes as f64 / 1e6 / t,
        sentences as f64 / t,
        corpus.len() as f64 / t,
        sentences,
        t
    );

    // Cleaning alone and segmentation alone.
    let inputs = corpus.clone();
    let start = Clock::start();
    let docs: Vec<_> = inputs.into_iter().map(clean::clean).collect();
    let t_clean = start.secs();
    let mut docs = black_box(docs);
    let start = Clock::start();
    let mut seg_sentences = 0;
    for d in &mut docs {
        segment::segment(d);
        seg_sentences += d.sentences.len();
    }
    let t_seg = start.secs();
    assert_eq!(seg_sentences, expected, "segment sentence count");
    println!(
        "  clean alone: {:.1} MB/s; segment alone: {:.1} MB/s",
        bytes as f64 / 1e6 / t_clean,
        bytes as f64 / 1e6 / t_seg
    );
    drop(docs);

    // The whole pipeline, within a time budget.
    let engine = match Engine::builder().build() {
        Ok(e) => e,
        Err(e) => {
            println!("engine could not be built: {e}");
            return;
        }
    };
    let start = Clock::start();
    let (mut articles, mut sentences, mut events) = (0usize, 0usize, 0usize);
    for raw in corpus {
        let doc = engine.analyse(raw);
        sentences += doc.sentences.len();
        events += black_box(&doc).events.len();
        articles += 1;
        if start.wall.elapsed() > PIPELINE_BUDGET {
            break;
        }
    }
    let t = start.secs();
    assert!(sentences > 0);
    println!(
        "full pipeline: {:.0} sentences/s, {:.0} articles/s ({} articles, {} sentences, {} events in {:.2} s)",
        sentences as f64 / t,
        articles as f64 / t,
        articles,
        sentences,
        events,
        t
    );
}
