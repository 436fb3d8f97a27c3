//! Conflicting claims across sentence shapes: a table of short articles
//! written for this test (`tests/data/conflict_shapes.tsv`), run through the
//! FULL default pipeline, scored in aggregate (issue 13).
//!
//! This is a development target, not a regression suite: many cases fail
//! today. The test prints per shape the share of expected conflicts found
//! with both sides, the share found at all, the share of no-conflict checks
//! that hold and the emitted conflicts no item asked for, and the first misses
//! of every shape; it asserts only aggregate floors (set a little under what
//! the code reaches; raise them as the engine improves), zero panics, and the
//! table's own health (size, cases per shape, valid codes).
//!
//! Table format: one case per line, `shape<TAB>text<TAB>expected`; blank lines
//! and lines starting with `#` are comments. `text` is one article (`\n` in it
//! is a paragraph break). `expected` is a `;`-separated list of items:
//!
//! - `k[SIDE|SIDE]`: one emitted conflict has a claim by each side (two
//!   different claims). SIDE is `Name`, `Name@CODE` or `@CODE`: `Name` is a
//!   word sequence the claim's speaker name must contain (a surname, "NATO",
//!   "the ministry"; word by word, case-insensitive), `CODE` the claim's
//!   speaker code (a bare state `IND` also matches `INDGOV`, a sectored code is
//!   strict); both must hold when both are given.
//! - `nok[SIDE|SIDE]`: no emitted conflict has claims by both sides;
//! - `nok`: no conflict at all.
//!
//! Only explicit opposing assertions by two named sides are conflicts
//! (../shared/gold/README.md, "Claims in conflict"): none where one side is
//! silent, agrees, or the same speaker repeats or qualifies itself.
//!
//! Conflicts across two articles cannot be expressed here: the engine reads
//! one article into one `Doc` and `doc.conflicts` only pairs claims of that
//! document (there is no cross-document claim store yet). The
//! `cross_paragraph` shape keeps the two sides in separate paragraphs — the
//! closest one article gets to two reports.
//!
//! `CONFLICT_SHAPES_MISSES=0 cargo test -p attache --test conflict_shapes -- --nocapture`
//! prints every missed case (a number N prints N per shape; the default is 4).

#[macro_use]
mod common;

use attache::doc::{Claim, Conflict, Doc};
use common::{
    bracketed, check_floors, check_shapes, code_matches, known_bases, name_matches, pct, ratio,
    run_table, short, valid_code, Case, Report, Scored,
};

/// The shapes of the table (each must have at least [`MIN_PER_SHAPE`] cases).
const SHAPES: &[&str] = &[
    "notification",
    "accusation",
    "casualties",
    "legality",
    "responsibility",
    "recall",
    "sovereignty",
    "ceasefire",
    "withdrawal",
    "dialogue",
    "agreement",
    "cross_paragraph",
    "neg_agree",
    "neg_silent",
    "neg_same",
];

const MIN_CASES: usize = 70;
const MIN_PER_SHAPE: usize = 4;

#[derive(Clone, Debug)]
struct Side {
    name: Option<String>,
    code: Option<String>,
}

impl std::fmt::Display for Side {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.name.as_deref().unwrap_or(""))?;
        if let Some(c) = &self.code {
            write!(f, "@{c}")?;
        }
        Ok(())
    }
}

#[derive(Clone, Debug)]
enum Item {
    /// A conflict has a claim by each side.
    Conflict(Side, Side),
    /// No conflict has claims by both sides.
    NoConflict(Side, Side),
    /// No conflict at all.
    NoneAtAll,
}

impl std::fmt::Display for Item {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Item::Conflict(a, b) => write!(f, "k[{a}|{b}]"),
            Item::NoConflict(a, b) => write!(f, "nok[{a}|{b}]"),
            Item::NoneAtAll => write!(f, "nok"),
        }
    }
}

fn parse_side(s: &str, item: &str, line: usize) -> Side {
    let (name, code) = match s.split_once('@') {
        Some((n, c)) => (n.trim(), Some(c.trim().to_string())),
        None => (s.trim(), None),
    };
    let name = (!name.is_empty()).then(|| name.to_string());
    assert!(
        name.is_some() || code.is_some(),
        "line {line}: `{item}` has an empty side"
    );
    Side { name, code }
}

fn parse_pair(inside: &str, item: &str, line: usize) -> (Side, Side) {
    let (a, b) = inside
        .split_once('|')
        .unwrap_or_else(|| panic!("line {line}: `{item}` wants [SIDE|SIDE]"));
    (parse_side(a, item, line), parse_side(b, item, line))
}

fn parse_item(s: &str, line: usize) -> Item {
    if s == "nok" {
        return Item::NoneAtAll;
    }
    if let Some((inside, rest)) = bracketed(s, "nok", line) {
        assert!(
            rest.trim().is_empty(),
            "line {line}: `{s}`: nothing after ]"
        );
        let (a, b) = parse_pair(inside, s, line);
        return Item::NoConflict(a, b);
    }
    if let Some((inside, rest)) = bracketed(s, "k", line) {
        assert!(
            rest.trim().is_empty(),
            "line {line}: `{s}`: nothing after ]"
        );
        let (a, b) = parse_pair(inside, s, line);
        return Item::Conflict(a, b);
    }
    panic!("line {line}: `{s}` is not k[...], nok[...] or nok");
}

fn load_cases() -> Vec<Case<Item>> {
    common::load_cases("conflict_shapes.tsv", parse_item)
}

fn side_fits(side: &Side, c: &Claim) -> bool {
    side.name
        .as_deref()
        .is_none_or(|n| name_matches(n, c.speaker.as_deref()))
        && side
            .code
            .as_deref()
            .is_none_or(|w| code_matches(w, c.code.as_deref()))
}

/// The conflict has two different claims, one by each side.
fn pairs(k: &Conflict, a: &Side, b: &Side) -> bool {
    k.claims.iter().enumerate().any(|(i, x)| {
        side_fits(a, x)
            && k.claims
                .iter()
                .enumerate()
                .any(|(j, y)| i != j && side_fits(b, y))
    })
}

fn show(doc: &Doc, k: &Conflict) -> String {
    let claims: Vec<String> = k
        .claims
        .iter()
        .map(|c| {
            format!(
                "{:?} {} `{}`",
                c.speaker.as_deref().unwrap_or("-"),
                c.code.as_deref().unwrap_or("-"),
                short(&doc.text[c.span.start..c.span.end])
            )
        })
        .collect();
    format!("[{}] {}", k.topic, claims.join(" vs "))
}

tally!(Tally {
    cases,
    exact,
    k,
    k_ok,
    k_any,
    nok,
    nok_ok,
    emitted,
    extra
});

impl Tally {
    fn line(&self, name: &str) -> String {
        format!(
            "{name:<18} {:>5} {} {:>5} {} {} {:>5} {} {:>7} {:>5}",
            self.cases,
            pct(self.exact, self.cases),
            self.k,
            pct(self.k_any, self.k),
            pct(self.k_ok, self.k),
            self.nok,
            pct(self.nok_ok, self.nok),
            self.emitted,
            self.extra,
        )
    }
}

const HEADER: &str =
    "                   cases  exact confl    any  sides   noks     ok emitted extra";

#[test]
fn conflict_shapes_table() {
    let cases = load_cases();
    let bases = known_bases();

    // The table's own health.
    check_shapes(&cases, SHAPES, MIN_CASES, MIN_PER_SHAPE);
    for c in &cases {
        for it in &c.items {
            let (Item::Conflict(a, b) | Item::NoConflict(a, b)) = it else {
                continue;
            };
            for code in [&a.code, &b.code].into_iter().flatten() {
                assert!(
                    valid_code(code, &bases),
                    "line {}: `{code}` is not a lexicon state/organisation code + sectors",
                    c.line
                );
            }
        }
    }

    let report = Report {
        title: "conflict shapes",
        header: HEADER,
        misses_var: "CONFLICT_SHAPES_MISSES",
        got_sep: "\n            ",
    };
    let overall = run_table(&cases, &report, |doc, c| {
        let mut t = Tally {
            cases: 1,
            emitted: doc.conflicts.len(),
            ..Tally::default()
        };
        let mut failed = Vec::new();
        let mut wanted = vec![false; doc.conflicts.len()];
        for it in &c.items {
            let ok = match it {
                Item::Conflict(a, b) => {
                    let mut hit = false;
                    for (i, k) in doc.conflicts.iter().enumerate() {
                        if pairs(k, a, b) {
                            wanted[i] = true;
                            hit = true;
                        }
                    }
                    t.k += 1;
                    t.k_ok += usize::from(hit);
                    t.k_any += usize::from(!doc.conflicts.is_empty());
                    hit
                }
                Item::NoConflict(a, b) => {
                    let ok = !doc.conflicts.iter().any(|k| pairs(k, a, b));
                    t.nok += 1;
                    t.nok_ok += usize::from(ok);
                    ok
                }
                Item::NoneAtAll => {
                    let ok = doc.conflicts.is_empty();
                    t.nok += 1;
                    t.nok_ok += usize::from(ok);
                    ok
                }
            };
            if !ok {
                failed.push(format!("      want {it}"));
            }
        }
        // An emitted conflict no `k[…]` item asked for is an extra.
        t.extra = wanted.iter().filter(|w| !**w).count();
        t.exact = usize::from(failed.is_empty());
        let got = if failed.is_empty() {
            Vec::new()
        } else {
            doc.conflicts.iter().map(|k| show(doc, k)).collect()
        };
        Scored {
            tally: t,
            failed,
            got,
        }
    });

    // Floors: a little under the figures measured on this table (see the
    // report printed above). Raise them when the engine improves; never lower
    // them to hide a regression.
    check_floors(
        &[
            (
                "conflicts found with both sides",
                ratio(overall.k_ok, overall.k),
                FLOOR_FOUND,
            ),
            (
                "no-conflict checks",
                ratio(overall.nok_ok, overall.nok),
                FLOOR_NOK,
            ),
            (
                "exact cases",
                ratio(overall.exact, overall.cases),
                FLOOR_EXACT,
            ),
        ],
        &format!(
            "some conflict at all {:.3}, {} emitted, {} extra",
            ratio(overall.k_any, overall.k),
            overall.emitted,
            overall.extra
        ),
    );
}

// Measured 2026-12-03 on 87 cases (64 conflict items, 23 no-conflict items):
// at commit 3088cf2 found 0.594, no-conflict 1.000, exact 0.701; with the
// legality, civilian-harm and recall families: found 0.781, no-conflict
// 1.000, exact 0.816 (50 conflicts emitted, 2 asked for by no item). No panics.
// Sovereignty has no family yet (its claims differ in the object, "belong to
// Argentina" / "are British", not in polarity). Within the families: "denied
// firing", "rejected the claims as fabricated", "no warning had ever
// reached", "no official communication arrived", "nobody told us" are missed.
const FLOOR_FOUND: f64 = 0.75;
const FLOOR_NOK: f64 = 0.95;
const FLOOR_EXACT: f64 = 0.79;
