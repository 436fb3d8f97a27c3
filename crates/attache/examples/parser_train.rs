//! Trains the dependency parser on silver CoNLL-U and prints its scores and speed.
//!
//! cargo run --release -p attache --example parser_train -- \
//!     --train target/silver/train.conllu --train target/silver/shared.conllu \
//!     --eval heldout=target/silver/heldout.conllu --eval gold=target/silver/gold.conllu \
//!     [--epochs 12] [--min-count 2] [--explore-from 1] [--explore-p 0.9] [--out parser.bin]
//!     [--min-weight 1] [--prune 2:1,3:40,...] [--tags-cache FILE]
//!
//! `--prune` freezes the one trained model at each `min_count:min_weight` and
//! scores each (`--out` then gets a `.MC-MW` suffix); `--tags-cache` keeps the
//! jackknifed training tags in a file between runs.

use attache::syntax::conllu::{self, Sentence};
use attache::syntax::parser::{evaluate_parser, jackknife_tags, Parser, ParserOptions, TagSource};
use attache::syntax::tagger::Tagger;
use attache::syntax::{Tag, TrainOptions};
use std::time::Instant;

fn read(path: &str) -> Vec<Sentence> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    conllu::read(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn main() {
    let mut train = Vec::new();
    let mut evals: Vec<(String, Vec<Sentence>)> = Vec::new();
    let mut opts = TrainOptions {
        epochs: 12,
        seed: 1,
        min_count: 2,
    };
    let mut popts = ParserOptions::default();
    let mut out = None;
    let mut load = None;
    let mut jackknife = 0usize;
    let mut unlabelled = false;
    let mut tagger_path: Option<String> = None;
    let mut prunes: Vec<(u32, i16)> = Vec::new();
    let mut tags_cache: Option<String> = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut v = || args.next().expect("value");
        match a.as_str() {
            "--train" => train.extend(read(&v())),
            "--eval" => {
                let s = v();
                let (name, path) = s.split_once('=').unwrap_or(("eval", &s));
                evals.push((name.to_string(), read(path)));
            }
            "--epochs" => opts.epochs = v().parse().unwrap(),
            "--min-count" => opts.min_count = v().parse().unwrap(),
            "--seed" => opts.seed = v().parse().unwrap(),
            "--explore-from" => popts.explore_from = v().parse().unwrap(),
            "--explore-p" => popts.explore_p = v().parse().unwrap(),
            "--templates" => {
                let ids: Vec<u32> = v().split(',').map(|t| t.trim().parse().unwrap()).collect();
                popts.templates = attache::syntax::parser::templates::of(&ids);
            }
            "--drop" => {
                for t in v().split(',') {
                    popts.templates &= !(1u128 << t.trim().parse::<u32>().unwrap());
                }
            }
            "--unlabelled" => unlabelled = true,
            "--jackknife" => jackknife = v().parse().unwrap(),
            "--tagger" => tagger_path = Some(v()),
            "--out" => out = Some(v()),
            "--min-weight" => popts.min_weight = v().parse().unwrap(),
            "--prune" => {
                for p in v().split(',') {
                    let (c, w) = p.split_once(':').expect("MC:MW");
                    prunes.push((c.parse().unwrap(), w.parse().unwrap()));
                }
            }
            "--tags-cache" => tags_cache = Some(v()),
            "--load" => load = Some(v()),
            _ => panic!("unknown argument {a}"),
        }
    }
    if unlabelled {
        // Measures an unlabelled model: every relation but ROOT and punct becomes `dep`.
        for s in train
            .iter_mut()
            .chain(evals.iter_mut().flat_map(|e| e.1.iter_mut()))
        {
            for d in s.deps.iter_mut().flatten() {
                if *d != attache::syntax::Dep::Root && *d != attache::syntax::Dep::Punct {
                    *d = attache::syntax::Dep::Dep;
                }
            }
        }
    }
    let t_opts = TrainOptions {
        epochs: 10,
        ..TrainOptions::default()
    };
    let tag_all = |tagger: &Tagger, sents: &[Sentence]| -> Vec<Vec<Tag>> {
        let mut out = Vec::new();
        sents
            .iter()
            .map(|s| {
                let words: Vec<&str> = s.forms.iter().map(String::as_str).collect();
                tagger.tag(&words, &mut out);
                out.iter().map(|p| p.0).collect()
            })
            .collect()
    };
    // The tagger the parser meets at run time (trained on all training text).
    let tagger = if let Some(path) = &tagger_path {
        if std::path::Path::new(path).exists() {
            Some(Tagger::from_bytes(&std::fs::read(path).unwrap()).unwrap())
        } else {
            let t = Instant::now();
            let tg = Tagger::train(&train, &t_opts, &mut |_| {});
            std::fs::write(path, tg.to_bytes()).unwrap();
            eprintln!("tagger trained in {:.1} s", t.elapsed().as_secs_f64());
            Some(tg)
        }
    } else {
        None
    };
    let parsers: Vec<(String, Parser)> = if let Some(path) = load {
        let t = Instant::now();
        let bytes = std::fs::read(&path).unwrap();
        let p = Parser::from_bytes(&bytes).unwrap();
        eprintln!("loaded {path} in {:.1} ms", t.elapsed().as_secs_f64() * 1e3);
        vec![(String::new(), p)]
    } else {
        // Jackknifed tags: each fold tagged by a tagger trained on the others.
        let t = Instant::now();
        let cached: Option<Vec<Vec<Tag>>> = tags_cache.as_ref().and_then(|p| {
            let text = std::fs::read_to_string(p).ok()?;
            let tags: Vec<Vec<Tag>> = text
                .lines()
                .map(|l| {
                    l.split(' ')
                        .filter(|x| !x.is_empty())
                        .map(|x| Tag::parse(x).unwrap())
                        .collect()
                })
                .collect();
            (tags.len() == train.len()).then_some(tags)
        });
        let jk = if let Some(c) = cached {
            eprintln!("jackknifed tags from the cache");
            c
        } else if jackknife > 1 {
            let jk = jackknife_tags(&train, jackknife, &opts, &mut |m| eprintln!("{m}"));
            eprintln!("jackknife: {:.1} s", t.elapsed().as_secs_f64());
            if let Some(p) = &tags_cache {
                let text: String = jk
                    .iter()
                    .map(|s| {
                        let mut l = s.iter().map(|t| t.as_str()).collect::<Vec<_>>().join(" ");
                        l.push('\n');
                        l
                    })
                    .collect();
                std::fs::write(p, text).unwrap();
            }
            jk
        } else {
            Vec::new()
        };
        let source = if jk.is_empty() {
            TagSource::Gold
        } else {
            TagSource::Given(&jk)
        };
        let t = Instant::now();
        let (trainer, _) = Parser::train_weights(&train, source, &opts, &popts, &mut |m| {
            eprintln!("[{:>6.1}s] {m}", t.elapsed().as_secs_f64())
        });
        eprintln!("trained in {:.1} s", t.elapsed().as_secs_f64());
        if prunes.is_empty() {
            prunes.push((opts.min_count, popts.min_weight));
        }
        prunes
            .iter()
            .map(|&(c, w)| {
                (
                    format!(".{c}-{w}"),
                    Parser::from_trainer(&trainer, c, w, popts.templates),
                )
            })
            .collect()
    };
    for (suffix, parser) in &parsers {
        eprintln!("==== {suffix}");
        let bytes = parser.to_bytes();
        let (nf, nw) = parser.size();
        eprintln!(
            "model: {nf} features, {nw} weights, {:.2} MB",
            bytes.len() as f64 / 1e6
        );
        let (slots, sparse, dense) = parser.memory_bytes();
        eprintln!(
            "in memory: slots {:.2} MB, sparse rows {:.2} MB, dense rows {:.2} MB",
            slots as f64 / 1e6,
            sparse as f64 / 1e6,
            dense as f64 / 1e6
        );
        if let Some(path) = &out {
            let path = if parsers.len() > 1 {
                format!("{path}{suffix}")
            } else {
                path.clone()
            };
            std::fs::write(&path, &bytes).unwrap();
        }
        for (name, sents) in &evals {
            let scores = evaluate_parser(parser, sents, TagSource::Gold);
            println!("== {name} (silver tags)\n{scores}");
            if let Some(tg) = &tagger {
                let tags = tag_all(tg, sents);
                let (mut right, mut all) = (0usize, 0usize);
                for (s, t) in sents.iter().zip(&tags) {
                    for (g, p) in s.tags.iter().zip(t) {
                        all += 1;
                        right += usize::from(*g == Some(*p));
                    }
                }
                let scores = evaluate_parser(parser, sents, TagSource::Given(&tags));
                println!(
                    "== {name} (our tagger's tags, tag accuracy {:.2}%)\n{scores}",
                    100.0 * right as f64 / all.max(1) as f64
                );
            }
            // Speed: parse every sentence, repeated to at least ~2 s.
            let data: Vec<(Vec<&str>, Vec<Tag>)> = sents
                .iter()
                .filter(|s| s.is_complete())
                .map(|s| {
                    (
                        s.forms.iter().map(String::as_str).collect(),
                        s.tags.iter().map(|t| t.unwrap_or(Tag::Xx)).collect(),
                    )
                })
                .collect();
            if data.is_empty() {
                continue;
            }
            let words: usize = data.iter().map(|d| d.0.len()).sum();
            let mut buf = Vec::new();
            let mut reps = 0usize;
            let t = Instant::now();
            // PARSER_BENCH_REPS fixes the repetitions (for `perf stat`).
            let fixed: Option<usize> = std::env::var("PARSER_BENCH_REPS")
                .ok()
                .and_then(|v| v.parse().ok());
            while fixed.map_or(t.elapsed().as_secs_f64() < 2.0, |n| reps < n) {
                for (w, tg) in &data {
                    parser.parse(w, tg, &mut buf);
                }
                reps += 1;
            }
            let secs = t.elapsed().as_secs_f64();
            let sents_n = (data.len() * reps) as f64;
            println!(
            "speed on {name}: {:.0} sentences/s, {:.0} words/s, {:.1} us/sentence (mean {:.1} words)\n",
            sents_n / secs,
            (words * reps) as f64 / secs,
            1e6 * secs / sents_n,
            words as f64 / data.len() as f64
        );
        }
    }
}
