//! Throughput of the event stage alone and of the whole pipeline, in sentences
//! per second on one core.
//!
//! Run with `cargo bench -p attache --bench events`. The corpus is the
//! articles under `../shared/articles` and `../shared/gold/articles` (skipped
//! with a message when absent). Plain `std::time`, best of three rounds; each
//! timed loop checks its result (events and sentences counted) so nothing is
//! optimised away.

use attache::events::{self, VerbLexicon};
use attache::input::RawArticle;
use attache::{Doc, Engine};
use std::hint::black_box;
use std::path::PathBuf;
use std::time::{Duration, Instant};

const ROUNDS: usize = 3;
const BUDGET: Duration = Duration::from_secs(3);

fn main() {
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let shared = [
        manifest.join("../../../shared"),
        manifest.join("../../../../shared"),
    ]
    .into_iter()
    .find(|p| p.is_dir())
    .unwrap_or_default();
    let mut files = Vec::new();
    for dir in ["articles", "gold/articles"] {
        if let Ok(rd) = std::fs::read_dir(shared.join(dir)) {
            files.extend(
                rd.flatten()
                    .map(|e| e.path())
                    .filter(|p| p.extension().is_some_and(|e| e == "txt")),
            );
        }
    }
    files.sort();
    let texts: Vec<(String, String)> = files
        .iter()
        .filter_map(|p| {
            Some((
                p.file_name()?.to_string_lossy().into_owned(),
                std::fs::read_to_string(p).ok()?,
            ))
        })
        .collect();
    if texts.is_empty() {
        println!("../shared/articles is absent: nothing to measure");
        return;
    }
    let engine = match Engine::builder().build() {
        Ok(e) => e,
        Err(e) => {
            println!("engine: {e}");
            return;
        }
    };
    let lexicon = match VerbLexicon::builtin() {
        Ok(l) => l,
        Err(e) => {
            println!("lexicon: {e}");
            return;
        }
    };
    let analysed: Vec<Doc> = texts
        .iter()
        .map(|(n, t)| engine.analyse(RawArticle::plain(n.clone(), t.clone())))
        .collect();
    let sentences: usize = analysed.iter().map(|d| d.sentences.len()).sum();
    let expected_events: usize = analysed.iter().map(|d| d.events.len()).sum();
    println!(
        "corpus: {} articles, {} sentences, {} events",
        texts.len(),
        sentences,
        expected_events
    );

    // the event stage alone, on documents analysed up to it
    let mut prepared: Vec<Doc> = analysed.clone();
    for d in &mut prepared {
        d.events.clear();
        d.channels.clear();
        d.conflicts.clear();
    }
    let mut best = f64::MAX;
    for _ in 0..ROUNDS {
        let start = Instant::now();
        let mut n_sent = 0usize;
        while start.elapsed() < BUDGET {
            for d in &prepared {
                let mut doc = d.clone();
                events::code(&mut doc, &lexicon);
                assert!(doc.events.len() <= expected_events + 1_000);
                n_sent += black_box(&doc).sentences.len();
            }
        }
        best = best.min(start.elapsed().as_secs_f64() / n_sent as f64);
    }
    println!(
        "event stage:    {:>10.0} sentences/s (includes a Doc clone per article)",
        1.0 / best
    );

    // the whole pipeline
    let mut best = f64::MAX;
    for _ in 0..ROUNDS {
        let start = Instant::now();
        let mut n_sent = 0usize;
        let mut n_events = 0usize;
        while start.elapsed() < BUDGET {
            for (n, t) in &texts {
                let doc = engine.analyse(RawArticle::plain(n.clone(), t.clone()));
                n_sent += doc.sentences.len();
                n_events += doc.events.len();
            }
        }
        assert!(n_events > 0 || expected_events == 0);
        best = best.min(start.elapsed().as_secs_f64() / n_sent as f64);
    }
    println!("whole pipeline: {:>10.0} sentences/s", 1.0 / best);
}
