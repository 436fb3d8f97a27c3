//! Trains the tagger and the entity tagger on silver CoNLL-U and prints their
//! scores, sizes and speeds: a loop for working on the models (the CLI's
//! `attache train` / `attache syntax-eval` are the supported way).
//!
//!     cargo run --release -p attache --example syntax_models -- DIR [EPOCHS] [OUT]
//!
//! DIR holds train.conllu, shared.conllu (both trained on), heldout.conllu and
//! gold.conllu (scored, never trained on). OUT, if given, is a directory the
//! model files are written to. With LOAD=DIR the models are read from DIR
//! instead of trained; MODELS=tagger skips the entity tagger.

use attache::syntax::conllu::{self, Sentence};
use attache::syntax::ner::{evaluate_entities, EntityTagger};
use attache::syntax::tagger::{evaluate_tagger, word_infos, words_of, Tagger, WordScratch};
use attache::syntax::{Tag, TrainOptions};
use std::time::Instant;

fn load(path: &str) -> Vec<Sentence> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    conllu::read(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let dir = args.get(1).map(String::as_str).unwrap_or("target/silver");
    let epochs: usize = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(10);
    let out_dir = args.get(3);
    let which = std::env::var("MODELS").unwrap_or_else(|_| "tagger,ner".into());
    let mut train = load(&format!("{dir}/train.conllu"));
    train.extend(load(&format!("{dir}/shared.conllu")));
    // FRACTION=0.5: train on the first half only (learning curves).
    if let Some(f) = std::env::var("FRACTION")
        .ok()
        .and_then(|f| f.parse::<f64>().ok())
    {
        let n = (train.len() as f64 * f) as usize;
        train.truncate(n);
    }
    let heldout = load(&format!("{dir}/heldout.conllu"));
    let gold = load(&format!("{dir}/gold.conllu"));
    let mut opts = TrainOptions {
        epochs,
        ..TrainOptions::default()
    };
    if let Some(m) = std::env::var("MIN_COUNT").ok().and_then(|m| m.parse().ok()) {
        opts.min_count = m;
    }
    if let Some(m) = std::env::var("SEED").ok().and_then(|m| m.parse().ok()) {
        opts.seed = m;
    }
    let mut log = |s: &str| eprintln!("{s}");

    // LOAD=DIR: read tagger.bin / entities.bin from DIR instead of training.
    let load_dir = std::env::var("LOAD").ok();
    let t = Instant::now();
    let bytes = match &load_dir {
        Some(d) => std::fs::read(format!("{d}/tagger.bin")).unwrap(),
        None => Tagger::train(&train, &opts, &mut log).to_bytes(),
    };
    let train_secs = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let tagger = Tagger::from_bytes(&bytes).expect("reads its own bytes");
    let load_ms = t.elapsed().as_secs_f64() * 1000.0;
    println!(
        "tagger: trained in {train_secs:.1}s; {} bytes, loads in {load_ms:.1} ms",
        bytes.len()
    );
    println!("== tagger, heldout\n{}", evaluate_tagger(&tagger, &heldout));
    println!("== tagger, gold\n{}", evaluate_tagger(&tagger, &gold));
    speed("tagger", &heldout, |w, _| {
        let mut out = Vec::new();
        tagger.tag(w, &mut out);
        out.len()
    });
    if let Some(d) = out_dir {
        std::fs::create_dir_all(d).unwrap();
        std::fs::write(format!("{d}/tagger.bin"), &bytes).unwrap();
    }

    if which.contains("ner") {
        let t = Instant::now();
        let bytes = match &load_dir {
            Some(d) => std::fs::read(format!("{d}/entities.bin")).unwrap(),
            None => EntityTagger::train(&train, &opts, &mut log).to_bytes(),
        };
        let train_secs = t.elapsed().as_secs_f64();
        let t = Instant::now();
        let ner = EntityTagger::from_bytes(&bytes).expect("reads its own bytes");
        let load_ms = t.elapsed().as_secs_f64() * 1000.0;
        println!(
            "entities: trained in {train_secs:.1}s; {} bytes, loads in {load_ms:.1} ms",
            bytes.len()
        );
        println!(
            "== entities, heldout (teacher's tags)\n{}",
            evaluate_entities(&ner, None, &heldout)
        );
        println!(
            "== entities, heldout (our tags)\n{}",
            evaluate_entities(&ner, Some(&tagger), &heldout)
        );
        println!(
            "== entities, gold (our tags)\n{}",
            evaluate_entities(&ner, Some(&tagger), &gold)
        );
        speed("entities", &heldout, |w, tags| {
            let mut out = Vec::new();
            ner.tag(w, tags, &mut out);
            out.len()
        });
        let mut scratch = WordScratch::default();
        let (mut infos, mut tagged, mut tags, mut ents) =
            (Vec::new(), Vec::new(), Vec::new(), Vec::new());
        speed("tagger + entities, shared word infos", &heldout, |w, _| {
            word_infos(w, &mut scratch, &mut infos);
            tagger.tag_infos(&infos, &mut tagged);
            tags.clear();
            tags.extend(tagged.iter().map(|t| t.0));
            ner.tag_infos(&infos, &tags, &mut ents);
            ents.len()
        });
        if let Some(d) = out_dir {
            std::fs::write(format!("{d}/entities.bin"), &bytes).unwrap();
        }
        // PRED=FILE: the held-out words with the teacher's and our entity tags.
        if let Ok(path) = std::env::var("PRED") {
            let mut text = String::new();
            let (mut tagged, mut out) = (Vec::new(), Vec::new());
            for s in heldout.iter().filter(|s| s.is_complete()) {
                let w = words_of(s);
                tagger.tag(&w, &mut tagged);
                let tags: Vec<Tag> = tagged.iter().map(|t| t.0).collect();
                ner.tag(&w, &tags, &mut out);
                for (i, word) in w.iter().enumerate() {
                    let g = s.ner[i].unwrap_or_default();
                    text.push_str(&format!(
                        "{word}\t{}\t{:?}-{}\t{:?}-{}\t{}\t{}\t{}\n",
                        tags[i],
                        g.0,
                        g.1,
                        out[i].0,
                        out[i].1,
                        tagged[i].1,
                        s.tags[i].unwrap_or_default(),
                        s.upos[i].unwrap_or_default()
                    ));
                }
                text.push('\n');
            }
            std::fs::write(path, text).unwrap();
        }
    }
}

/// Words and sentences per second of `f` over `sents`, repeated for ~2 s.
fn speed(name: &str, sents: &[Sentence], mut f: impl FnMut(&[&str], &[Tag]) -> usize) {
    let words: Vec<Vec<&str>> = sents.iter().map(words_of).collect();
    let tags: Vec<Vec<Tag>> = sents
        .iter()
        .map(|s| s.tags.iter().map(|t| t.unwrap_or_default()).collect())
        .collect();
    let t = Instant::now();
    let (mut n_words, mut n_sents, mut rounds) = (0usize, 0usize, 0);
    while rounds < 3 || t.elapsed().as_secs_f64() < 2.0 {
        for (w, tg) in words.iter().zip(&tags) {
            n_words += f(w, tg);
            n_sents += 1;
        }
        rounds += 1;
    }
    let secs = t.elapsed().as_secs_f64();
    println!(
        "{name}: {:.0} words/s, {:.0} sentences/s ({:.1} us per sentence)",
        n_words as f64 / secs,
        n_sents as f64 / secs,
        1e6 * secs / n_sents as f64
    );
}
