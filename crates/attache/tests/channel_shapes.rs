//! Diplomatic channel changes across sentence shapes: a table of sentences and
//! short articles written for this test (`tests/data/channel_shapes.tsv`), run
//! through the FULL default pipeline, scored in aggregate (issue 13).
//!
//! This is a development target, not a regression suite: many cases fail
//! today. The test prints per shape the share of expected changes found, the
//! share of no-change checks that hold and the emitted changes no item asked
//! for, and the first misses of every shape; it asserts only aggregate floors
//! (set a little under what the code reaches; raise them as the engine
//! improves), zero panics, and the table's own health (size, cases per shape,
//! valid codes, changes and kinds).
//!
//! Table format: one case per line, `shape<TAB>text<TAB>expected`; blank lines
//! and lines starting with `#` are comments. `text` is one article (`\n` in it
//! is a paragraph break). `expected` is a `;`-separated list of items:
//!
//! - `c[HOLDER>HOST]=CHANGE[:KIND]`: a change of this kind (a name of
//!   `channels::change_name`: closed, suspended, reopened, established,
//!   staff_expelled, accreditation_revoked, ambassador_recalled,
//!   fallback_designated) with this holder and host is emitted; when KIND is
//!   given (`embassy`, `ambassador`, `relations`, `accredited staff` …, the
//!   kinds of data/channels.txt) the change's channel is of that kind.
//! - `noc[HOLDER>HOST]=CHANGE`: no such change is emitted (`*` for HOLDER,
//!   HOST or CHANGE stands for any; `*` also stands for any holder or host
//!   in a `c[…]` item);
//! - `noc`: no change at all is emitted.
//!
//! Codes follow ../shared/gold/README.md ("Channels"): cutting relations is a
//! `closed` change held by the state that cuts, hosted by the other; an
//! evacuated embassy is `closed`; a downgrade to chargé d'affaires shows
//! through the envoys (`ambassador_recalled`); an ambassador appointed after a
//! break is `reopened`; firmly announced future changes ("will recall") are
//! changes, threats and denials are not (a change the engine keeps with
//! status `hypothetical`, `proposed` or `negated` counts as none). Code matching is the one of
//! `event_shapes.rs`: the expected bare state `RUS` matches `RUS` and
//! `RUSGOV`, a sectored code is strict.
//!
//! `CHANNEL_SHAPES_MISSES=0 cargo test -p attache --test channel_shapes -- --nocapture`
//! prints every missed case (a number N prints N per shape; the default is 4).

#[macro_use]
mod common;

use attache::channels::change_name;
use attache::doc::EventStatus;
use attache::doc::{ChannelChange, Doc};
use common::{
    bracketed, check_floors, check_shapes, code_matches, known_bases, pct, ratio, run_table, Case,
    Report, Scored,
};

/// The shapes of the table (each must have at least [`MIN_PER_SHAPE`] cases).
const SHAPES: &[&str] = &[
    "severed",
    "suspended",
    "restored",
    "embassy_closed",
    "embassy_reopened",
    "recalled",
    "expelled",
    "ranks",
    "downgrade",
    "appointed",
    "reciprocal",
    "coordination",
    "pronoun_holder",
    "passive",
    "reported",
    "future",
    "negative",
    "cross_sentence",
];

const MIN_CASES: usize = 100;
const MIN_PER_SHAPE: usize = 5;

const CHANGES: &[&str] = &[
    "established",
    "suspended",
    "closed",
    "reopened",
    "staff_expelled",
    "accreditation_revoked",
    "ambassador_recalled",
    "fallback_designated",
];

/// The channel kinds of data/channels.txt.
const CHANNEL_KINDS: &[&str] = &[
    "permanent mission",
    "embassy",
    "consulate",
    "liaison mission",
    "information office",
    "military representative",
    "interests section",
    "ambassador",
    "envoy",
    "accredited staff",
    "relations",
    "hotline",
];

#[derive(Clone, Debug)]
enum Item {
    /// This change is emitted.
    Change {
        holder: String,
        host: String,
        change: String,
        kind: Option<String>,
    },
    /// No change matching the pattern (`*` = any) is emitted.
    NoChange {
        holder: String,
        host: String,
        change: String,
    },
    /// No change at all is emitted.
    NoneAtAll,
}

impl std::fmt::Display for Item {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Item::Change {
                holder,
                host,
                change,
                kind,
            } => {
                write!(f, "c[{holder}>{host}]={change}")?;
                if let Some(k) = kind {
                    write!(f, ":{k}")?;
                }
                Ok(())
            }
            Item::NoChange {
                holder,
                host,
                change,
            } => write!(f, "noc[{holder}>{host}]={change}"),
            Item::NoneAtAll => write!(f, "noc"),
        }
    }
}

fn dyad(inside: &str, s: &str, line: usize) -> (String, String) {
    let (h, o) = inside
        .split_once('>')
        .unwrap_or_else(|| panic!("line {line}: `{s}` wants [HOLDER>HOST]"));
    (h.trim().to_string(), o.trim().to_string())
}

fn parse_item(s: &str, line: usize) -> Item {
    if s == "noc" {
        return Item::NoneAtAll;
    }
    if let Some((inside, rest)) = bracketed(s, "noc", line) {
        let (holder, host) = dyad(inside, s, line);
        let change = rest.strip_prefix('=').unwrap_or("*").trim().to_string();
        return Item::NoChange {
            holder,
            host,
            change,
        };
    }
    if let Some((inside, rest)) = bracketed(s, "c", line) {
        let (holder, host) = dyad(inside, s, line);
        let spec = rest
            .strip_prefix('=')
            .unwrap_or_else(|| panic!("line {line}: `{s}` wants c[...]=CHANGE"))
            .trim();
        let (change, kind) = match spec.split_once(':') {
            Some((c, k)) => (c.trim().to_string(), Some(k.trim().to_string())),
            None => (spec.to_string(), None),
        };
        return Item::Change {
            holder,
            host,
            change,
            kind,
        };
    }
    panic!("line {line}: `{s}` is not c[...]=, noc[...] or noc");
}

fn load_cases() -> Vec<Case<Item>> {
    common::load_cases("channel_shapes.tsv", parse_item)
}

fn side_matches(want: &str, got: Option<&str>) -> bool {
    want == "*" || code_matches(want, got)
}

/// The emitted change fits the (holder, host, change) pattern.
fn fits(c: &ChannelChange, holder: &str, host: &str, change: &str) -> bool {
    side_matches(holder, c.holder.as_deref())
        && side_matches(host, c.host.as_deref())
        && (change == "*" || change == change_name(c.change))
}

fn show(c: &ChannelChange) -> String {
    format!(
        "{}>{} {} ({})",
        c.holder.as_deref().unwrap_or("-"),
        c.host.as_deref().unwrap_or("-"),
        change_name(c.change),
        c.kind
    )
}

/// Whether the item holds on the document, and the emitted changes that
/// satisfy a `c[…]` item (so they are not counted as extras).
fn check(doc: &Doc, item: &Item) -> (bool, Vec<usize>) {
    match item {
        Item::Change {
            holder,
            host,
            change,
            kind,
        } => {
            let hits: Vec<usize> = doc
                .channels
                .iter()
                .enumerate()
                .filter(|(_, c)| {
                    fits(c, holder, host, change) && kind.as_deref().is_none_or(|k| k == c.kind)
                })
                .map(|(i, _)| i)
                .collect();
            (!hits.is_empty(), hits)
        }
        Item::NoChange {
            holder,
            host,
            change,
        } => (
            !doc.channels.iter().any(|c| fits(c, holder, host, change)),
            Vec::new(),
        ),
        Item::NoneAtAll => (doc.channels.is_empty(), Vec::new()),
    }
}

tally!(Tally {
    cases,
    exact,
    c,
    c_ok,
    noc,
    noc_ok,
    emitted,
    extra
});

impl Tally {
    fn line(&self, name: &str) -> String {
        format!(
            "{name:<18} {:>5} {} {:>5} {} {:>5} {} {:>7} {:>5}",
            self.cases,
            pct(self.exact, self.cases),
            self.c,
            pct(self.c_ok, self.c),
            self.noc,
            pct(self.noc_ok, self.noc),
            self.emitted,
            self.extra,
        )
    }
}

const HEADER: &str = "                   cases  exact change  found   nocs     ok emitted extra";

#[test]
fn channel_shapes_table() {
    let cases = load_cases();
    let bases = known_bases();

    // The table's own health.
    check_shapes(&cases, SHAPES, MIN_CASES, MIN_PER_SHAPE);
    for c in &cases {
        for it in &c.items {
            let (sides, change, kind) = match it {
                Item::Change {
                    holder,
                    host,
                    change,
                    kind,
                } => ([holder, host], change, kind.as_deref()),
                Item::NoChange {
                    holder,
                    host,
                    change,
                } => ([holder, host], change, None),
                Item::NoneAtAll => continue,
            };
            for code in sides {
                assert!(
                    code == "*" || common::valid_code(code, &bases),
                    "line {}: `{code}` is not a lexicon state/organisation code + sectors",
                    c.line
                );
            }
            assert!(
                CHANGES.contains(&change.as_str())
                    || (change == "*" && matches!(it, Item::NoChange { .. })),
                "line {}: bad change {change}",
                c.line
            );
            if let Some(k) = kind {
                assert!(CHANNEL_KINDS.contains(&k), "line {}: bad kind {k}", c.line);
            }
        }
    }

    let report = Report {
        title: "channel shapes",
        header: HEADER,
        misses_var: "CHANNEL_SHAPES_MISSES",
        got_sep: "; ",
    };
    let overall = run_table(&cases, &report, |doc, c| {
        // The changes the engine records as done or announced: hypothetical
        // ones (threats, conditions) are kept with their status but are no
        // change, as the coding manual counts them.
        let mut kept = doc.clone();
        kept.channels.retain(|c| {
            matches!(
                c.status,
                EventStatus::Asserted | EventStatus::Intended | EventStatus::Reported
            )
        });
        let doc = &kept;
        let mut t = Tally {
            cases: 1,
            emitted: doc.channels.len(),
            ..Tally::default()
        };
        let mut failed = Vec::new();
        let mut wanted = vec![false; doc.channels.len()];
        for it in &c.items {
            let (ok, hits) = check(doc, it);
            for h in hits {
                wanted[h] = true;
            }
            if matches!(it, Item::Change { .. }) {
                t.c += 1;
                t.c_ok += usize::from(ok);
            } else {
                t.noc += 1;
                t.noc_ok += usize::from(ok);
            }
            if !ok {
                failed.push(format!("      want {it}"));
            }
        }
        // An emitted change no `c[…]` item asked for is an extra (it may be
        // right: the items are not exhaustive on every case).
        t.extra = wanted.iter().filter(|w| !**w).count();
        t.exact = usize::from(failed.is_empty());
        let got = if failed.is_empty() {
            Vec::new()
        } else {
            doc.channels.iter().map(show).collect()
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
            ("changes found", ratio(overall.c_ok, overall.c), FLOOR_FOUND),
            (
                "no-change checks",
                ratio(overall.noc_ok, overall.noc),
                FLOOR_NOC,
            ),
            (
                "exact cases",
                ratio(overall.exact, overall.cases),
                FLOOR_EXACT,
            ),
        ],
        &format!("{} emitted, {} extra", overall.emitted, overall.extra),
    );
}

// Measured 2026-12-03 on 115 cases (117 change items, 12 no-change items),
// engine of commit 3088cf2: changes found 0.692, no-change checks 0.583, exact
// cases 0.661; 91 changes emitted, 10 of them asked for by no item. No panics.
// Measured 2026-12-03 after the status and appointment work: exact 85.2%,
// changes found 84.5% (93/110), no-change checks 94.4% (17/18). Weakest:
// cross_sentence (a holder named only in an earlier sentence: "The foreign
// ministry recalled the ambassador"), appointments without a told gap or an
// earlier break, and holders that are regional groups ("the Gulf states").
const FLOOR_FOUND: f64 = 0.81;
const FLOOR_NOC: f64 = 0.85;
const FLOOR_EXACT: f64 = 0.82;
