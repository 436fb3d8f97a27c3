//! Loading the Phoenix dictionaries and coding with them (std::time only).
//!
//!     cargo bench -p attache --bench petrarch_load
//!
//! Needs ../shared/petrarch beside the repository (or the worktrees folder).

use attache::petrarch::Dictionaries;
use std::path::PathBuf;
use std::time::{Duration, Instant};

fn shared() -> Option<PathBuf> {
    let base = env!("CARGO_MANIFEST_DIR");
    [
        format!("{base}/../../../shared/petrarch"),
        format!("{base}/../../../../shared/petrarch"),
    ]
    .into_iter()
    .map(PathBuf::from)
    .find(|p| p.is_dir())
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn main() {
    let Some(dir) = shared() else {
        println!("skipped: no shared/petrarch folder");
        return;
    };
    let phoenix = dir.join("phoenix");
    let mut loads = Vec::new();
    let mut dicts = None;
    for _ in 0..7 {
        let t = Instant::now();
        let (d, diags) = Dictionaries::load(&phoenix).expect("phoenix loads");
        loads.push(t.elapsed());
        assert!(d.actors.names.len() > 30_000 && diags.len() < 50);
        dicts = Some(d);
    }
    let Some(d) = dicts else { return };
    println!(
        "phoenix load: median {:?}, min {:?} ({} actor names, {} agent phrases, {} verb patterns)",
        median(loads.clone()),
        loads.iter().min().copied().unwrap_or_default(),
        d.actors.names.len(),
        d.agents.phrases.len(),
        d.verbs.pattern_count()
    );
    // Coding speed on PETRARCH's GigaWord sample sentences (text only).
    let xml = std::fs::read_to_string(dir.join("GigaWord.sample.PETR.xml")).unwrap_or_default();
    let (records, _) = attache::petrarch::validate::parse(&xml);
    let texts: Vec<&str> = records
        .iter()
        .map(|r| r.text.as_str())
        .filter(|t| !t.is_empty())
        .collect();
    if texts.is_empty() {
        return;
    }
    let rounds = 50;
    let t = Instant::now();
    let mut events = 0;
    for _ in 0..rounds {
        for s in &texts {
            events += d.code_text(s, None).len();
        }
    }
    let el = t.elapsed();
    assert!(events > 0);
    println!(
        "coding: {} sentences in {:?}: {:.0} sentences/s ({} events per round)",
        texts.len() * rounds,
        el,
        (texts.len() * rounds) as f64 / el.as_secs_f64(),
        events / rounds
    );
}
