//! Argument shapes for the event coder: a table of sentences written for this
//! test (`tests/data/event_shapes.tsv`), run through the FULL default pipeline
//! (actor stage, syntax, quotes, events), scored in aggregate.
//!
//! This is a development target, not a regression suite: many cases fail
//! today. The test prints precision and recall per shape and per CAMEO root,
//! and the first misses of every shape, and asserts only aggregate floors (set
//! a little under what the code reaches; raise them as the coder improves),
//! zero panics, and the table's own health (size, coverage of every root,
//! valid codes and statuses).
//!
//! Table format: one case per line, `shape<TAB>text<TAB>expected`; blank lines
//! and lines starting with `#` are comments. `text` is one article (`\n` in it
//! is a paragraph break). `expected` is `none` or a `;`-separated set of
//! `SOURCE>TARGET:CODE[:status]`, `-` for a missing source or target, status
//! one of the serialised `EventStatus` values (asserted, intended, proposed,
//! reported, negated, hypothetical).
//!
//! Matching rules (an emitted event matches an expected one when all hold):
//! - CAMEO code: identical (a second, lenient figure compares roots only);
//! - actors: identical codes, or — when the expected code is the bare state
//!   or organisation — the emitted code is the expected code followed only by
//!   sector codes (`RUS` matches `RUSGOV`, `IGOWSTNAT` matches `IGOWSTNATMIL`,
//!   but `RUSGOV` does not match `RUS`, and `-` matches only a missing actor);
//! - status: compared only when the expected entry names one.
//!
//! Emitted events are deduplicated on (source, target, code, status) within a
//! case; each expected entry consumes at most one emitted event. An emitted
//! event left unmatched is a false positive (every event emitted on a `none`
//! case is one). Precision = matched / emitted, recall = matched / expected;
//! "exact" is the share of cases whose emitted set equals the expected set.
//!
//! `EVENT_SHAPES_MISSES=0 cargo test -p attache --test event_shapes -- --nocapture`
//! prints every miss (a number N prints N per shape; the default is 4).

#[allow(unused_macros)]
#[macro_use]
mod common;

use attache::input::RawArticle;
use std::collections::{BTreeMap, HashSet};
use std::panic::{catch_unwind, AssertUnwindSafe};

/// Phoenix/CAMEO sector codes that may follow the state or organisation part.
const SECTORS: &[&str] = &[
    "GOV", "MIL", "REB", "OPP", "COP", "JUD", "LEG", "MED", "BUS", "CVL", "ELI", "REF", "INS",
    "SPY", "UAF", "HLH", "EDU", "LAB", "AGR", "ENV", "HRI", "IGO", "NGO", "CRM", "MOD", "RAD",
    "PTY", "SEP", "IMG", "SET", "DEV", "MNC",
];

const STATUSES: &[&str] = &[
    "asserted",
    "intended",
    "proposed",
    "reported",
    "negated",
    "hypothetical",
];

use attache::events::status_name;

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct Ev {
    source: String,
    target: String,
    code: String,
    status: Option<String>,
}

impl std::fmt::Display for Ev {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}>{}:{}", self.source, self.target, self.code)?;
        if let Some(s) = &self.status {
            write!(f, ":{s}")?;
        }
        Ok(())
    }
}

struct Case {
    line: usize,
    shape: String,
    text: String,
    expected: Vec<Ev>,
}

fn parse_ev(s: &str, line: usize) -> Ev {
    let (actors, rest) = s
        .split_once(':')
        .unwrap_or_else(|| panic!("line {line}: `{s}` has no code"));
    let (source, target) = actors
        .split_once('>')
        .unwrap_or_else(|| panic!("line {line}: `{s}` has no SOURCE>TARGET"));
    let (code, status) = match rest.split_once(':') {
        Some((c, st)) => (c, Some(st.to_string())),
        None => (rest, None),
    };
    Ev {
        source: source.trim().to_string(),
        target: target.trim().to_string(),
        code: code.trim().to_string(),
        status,
    }
}

fn load_cases() -> Vec<Case> {
    common::load_rows("event_shapes.tsv")
        .into_iter()
        .map(|r| {
            let expected = if r.expected.trim() == "none" {
                Vec::new()
            } else {
                r.expected
                    .split(';')
                    .map(|e| parse_ev(e.trim(), r.line))
                    .collect()
            };
            Case {
                line: r.line,
                shape: r.shape,
                text: r.text,
                expected,
            }
        })
        .collect()
}

fn known_codes() -> HashSet<String> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/cameo_codes.tsv");
    std::fs::read_to_string(path)
        .expect("read data/cameo_codes.tsv")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| l.split('\t').next().map(str::to_string))
        .collect()
}

/// `expected` names the same actor as `got` (see the module docs).
fn actor_matches(expected: &str, got: &str) -> bool {
    if expected == got {
        return true;
    }
    if expected == "-" || got == "-" {
        return false;
    }
    let Some(mut rest) = got.strip_prefix(expected) else {
        return false;
    };
    if rest.is_empty() {
        return true;
    }
    while !rest.is_empty() {
        match SECTORS.iter().find(|s| rest.starts_with(**s)) {
            Some(s) => rest = &rest[s.len()..],
            None => return false,
        }
    }
    true
}

fn event_matches(expected: &Ev, got: &Ev, root_only: bool) -> bool {
    let code_ok = if root_only {
        root(&expected.code) == root(&got.code)
    } else {
        expected.code == got.code
    };
    code_ok
        && actor_matches(&expected.source, &got.source)
        && actor_matches(&expected.target, &got.target)
        && expected
            .status
            .as_ref()
            .is_none_or(|s| Some(s) == got.status.as_ref())
}

fn root(code: &str) -> &str {
    &code[..2.min(code.len())]
}

/// Greedy one-to-one matching: for each expected entry, the index of the
/// emitted event it consumed.
fn align(expected: &[Ev], got: &[Ev], root_only: bool) -> Vec<Option<usize>> {
    let mut used = vec![false; got.len()];
    expected
        .iter()
        .map(|e| {
            let j = (0..got.len()).find(|&j| !used[j] && event_matches(e, &got[j], root_only))?;
            used[j] = true;
            Some(j)
        })
        .collect()
}

#[derive(Default, Clone, Copy)]
struct Tally {
    cases: usize,
    exact: usize,
    expected: usize,
    emitted: usize,
    matched: usize,
}

impl Tally {
    fn p(&self) -> f64 {
        ratio(self.matched, self.emitted)
    }
    fn r(&self) -> f64 {
        ratio(self.matched, self.expected)
    }
    fn line(&self, name: &str) -> String {
        format!(
            "{name:<22} {:>5} {:>6.1}% {:>6} {:>6} {:>6.1}% {:>6.1}%",
            self.cases,
            100.0 * ratio(self.exact, self.cases),
            self.expected,
            self.emitted,
            100.0 * self.p(),
            100.0 * self.r()
        )
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        1.0
    } else {
        a as f64 / b as f64
    }
}

const HEADER: &str = "                       cases  exact    exp    got      P      R";

#[test]
fn event_shapes_table() {
    let cases = load_cases();
    let codes = known_codes();

    // The table's own health.
    let mut per_root_cases: BTreeMap<String, usize> = BTreeMap::new();
    for c in &cases {
        let mut roots: Vec<&str> = c.expected.iter().map(|e| root(&e.code)).collect();
        roots.sort();
        roots.dedup();
        for r in roots {
            *per_root_cases.entry(r.to_string()).or_default() += 1;
        }
        for e in &c.expected {
            assert!(
                codes.contains(&e.code),
                "line {}: unknown CAMEO code {}",
                c.line,
                e.code
            );
            if let Some(s) = &e.status {
                assert!(
                    STATUSES.contains(&s.as_str()),
                    "line {}: bad status {s}",
                    c.line
                );
            }
        }
    }

    let engine = attache::Engine::builder().build().expect("engine");
    let mut panics = Vec::new();
    let mut overall = Tally::default();
    let mut lenient = Tally::default();
    let mut shapes: BTreeMap<String, Tally> = BTreeMap::new();
    let mut roots: BTreeMap<String, Tally> = BTreeMap::new();
    let mut misses: BTreeMap<String, Vec<String>> = BTreeMap::new();

    for c in &cases {
        let text = c.text.clone();
        let result = catch_unwind(AssertUnwindSafe(|| {
            engine.analyse(RawArticle::plain("shape", text))
        }));
        let doc = match result {
            Ok(doc) => doc,
            Err(_) => {
                panics.push(format!("line {}: {}", c.line, c.text));
                continue;
            }
        };
        let mut got: Vec<Ev> = Vec::new();
        for e in &doc.events {
            let ev = Ev {
                source: e.source.clone().unwrap_or_else(|| "-".into()),
                target: e.target.clone().unwrap_or_else(|| "-".into()),
                code: e.cameo.clone(),
                status: Some(status_name(e.status).to_string()),
            };
            if !got.contains(&ev) {
                got.push(ev);
            }
        }

        let strict = align(&c.expected, &got, false);
        let loose = align(&c.expected, &got, true);
        let n_strict = strict.iter().flatten().count();
        let exact = n_strict == c.expected.len() && got.len() == c.expected.len();

        let shape = shapes.entry(c.shape.clone()).or_default();
        for t in [&mut overall, shape] {
            t.cases += 1;
            t.exact += usize::from(exact);
            t.expected += c.expected.len();
            t.emitted += got.len();
            t.matched += n_strict;
        }
        lenient.cases += 1;
        lenient.expected += c.expected.len();
        lenient.emitted += got.len();
        lenient.matched += loose.iter().flatten().count();
        let n_loose_exact = loose.iter().flatten().count();
        lenient.exact +=
            usize::from(n_loose_exact == c.expected.len() && got.len() == c.expected.len());

        // Per root: recall by the expected code's root, precision by the
        // emitted code's root.
        let mut case_roots: HashSet<String> = HashSet::new();
        for (e, m) in c.expected.iter().zip(&strict) {
            let t = roots.entry(root(&e.code).to_string()).or_default();
            t.expected += 1;
            t.matched += usize::from(m.is_some());
            case_roots.insert(root(&e.code).to_string());
        }
        for g in &got {
            roots.entry(root(&g.code).to_string()).or_default().emitted += 1;
        }
        for r in case_roots {
            let t = roots.entry(r).or_default();
            t.cases += 1;
            t.exact += usize::from(exact);
        }

        if !exact {
            let consumed: HashSet<usize> = strict.iter().flatten().copied().collect();
            let missing: Vec<String> = c
                .expected
                .iter()
                .zip(&strict)
                .filter(|(_, m)| m.is_none())
                .map(|(e, _)| e.to_string())
                .collect();
            let extra: Vec<String> = got
                .iter()
                .enumerate()
                .filter(|(j, _)| !consumed.contains(j))
                .map(|(_, g)| g.to_string())
                .collect();
            misses.entry(c.shape.clone()).or_default().push(format!(
                "  line {}: {}\n      missing: {}\n      extra:   {}",
                c.line,
                c.text.replace('\n', " / "),
                if missing.is_empty() {
                    "-".into()
                } else {
                    missing.join("; ")
                },
                if extra.is_empty() {
                    "-".into()
                } else {
                    extra.join("; ")
                },
            ));
        }
    }

    println!("\n== event shapes: per shape ==\n{HEADER}");
    for (name, t) in &shapes {
        println!("{}", t.line(name));
    }
    println!("{}", overall.line("ALL (exact code)"));
    println!("{}", lenient.line("ALL (root only)"));
    println!(
        "\n== per CAMEO root (recall by expected root, precision by emitted root) ==\n{HEADER}"
    );
    for (name, t) in &roots {
        println!("{}", t.line(name));
    }
    // EVENT_SHAPES_MISSES=N shows N misses per shape (default 4; 0 = all).
    let shown = match std::env::var("EVENT_SHAPES_MISSES")
        .ok()
        .and_then(|v| v.parse().ok())
    {
        Some(0) => usize::MAX,
        Some(n) => n,
        None => 4,
    };
    println!("\n== first misses per shape ==");
    for (name, list) in &misses {
        println!(
            "[{name}] {} of {} cases missed",
            list.len(),
            shapes[name].cases
        );
        for m in list.iter().take(shown) {
            println!("{m}");
        }
    }

    println!(
        "\n{} cases; cases per expected root: {per_root_cases:?}",
        cases.len()
    );
    assert!(
        cases.len() >= 400,
        "{} cases; keep at least 400",
        cases.len()
    );
    for r in 1..=20 {
        let r = format!("{r:02}");
        let n = per_root_cases.get(&r).copied().unwrap_or(0);
        assert!(n >= 10, "root {r} has {n} cases; keep at least 10");
    }
    assert!(
        panics.is_empty(),
        "the pipeline panicked on:\n{}",
        panics.join("\n")
    );

    // Floors: a little under the figures measured on this table (see the
    // report printed above; `cargo test -p attache --test event_shapes --
    // --nocapture`). Raise them when the coder improves; never lower them to
    // hide a regression.
    let (p, r, x) = (
        overall.p(),
        overall.r(),
        ratio(overall.exact, overall.cases),
    );
    assert!(p >= FLOOR_P, "precision {p:.3} fell under {FLOOR_P}");
    assert!(r >= FLOOR_R, "recall {r:.3} fell under {FLOOR_R}");
    assert!(
        x >= FLOOR_EXACT,
        "exact-case rate {x:.3} fell under {FLOOR_EXACT}"
    );
}

// Measured on 529 cases (619 expected events) with the pattern coder of
// commit 3696227: 521 emitted, 355 matched; precision 0.681, recall 0.574,
// exact cases 0.582 (root-only codes: P 0.762, R 0.641). No panics.
// With the retrained syntax models, arguments from the dependency tree and the
// article dyad: 537 emitted, precision 0.687, recall 0.596, exact 0.578 (root
// only: P 0.775, R 0.672).
// With the broader lexicon and denials from the tree: 543 emitted, P 0.696,
// R 0.611, exact 0.611 (root only: P 0.792, R 0.695).
// 2026-12-03, 550 cases (644 expected): converse visits, dyad phrases, mutual fights,
// agentless diplomatic passives, status from the tree: 584 emitted, P 0.717, R 0.651,
// exact 0.642 (root only: P 0.802, R 0.726).
const FLOOR_P: f64 = 0.69;
const FLOOR_R: f64 = 0.62;
const FLOOR_EXACT: f64 = 0.61;
