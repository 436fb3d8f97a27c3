//! Speakers and actors across an article: a table of sentences and short
//! articles written for this test (`tests/data/speaker_shapes.tsv`), run
//! through the FULL default pipeline, scored in aggregate (issue 12).
//!
//! This is a development target, not a regression suite: many cases fail
//! today. The test prints speaker accuracy, actor-code accuracy and the
//! negative checks per shape, and the first misses of every shape, and asserts
//! only aggregate floors (set a little under what the code reaches; raise them
//! as the engine improves), zero panics, and the table's own health (size,
//! cases per shape, valid codes and kinds, every snippet present in the text).
//!
//! Table format: one case per line, `shape<TAB>text<TAB>expected`; blank lines
//! and lines starting with `#` are comments. `text` is one article (`\n` in it
//! is a paragraph break). `expected` is a `;`-separated list of items:
//!
//! - `q[SNIPPET]=SPEAKER`: the quotation (direct or indirect) holding SNIPPET
//!   has this speaker. SPEAKER is `Name`, `Name@CODE` or `@CODE`: `Name` is
//!   a word sequence the speaker's name must contain (a surname for a person:
//!   "Reyes", "López Obrador", "Xi"; compared word by word, case-insensitive),
//!   `CODE` the speaker's actor code. Both must hold when both are given.
//!   The quotation is the smallest emitted one whose span holds SNIPPET, else
//!   the first one overlapping it; none is a miss ("no quote").
//! - `m[SURFACE]=CODE[:kind]` (or `m[SURFACE#N]=…` for the N-th occurrence):
//!   the mention at SURFACE (found at word boundaries in the cleaned text)
//!   belongs to an entity with this code and, when given, this kind (`state`,
//!   `organization`, `person`, `group`, `place`). The mention is the one whose
//!   span is SURFACE, else the smallest one holding it, else the longest one
//!   inside it; none is a miss ("no mention").
//! - `noq[SNIPPET]`: no statement comes from SNIPPET — no emitted quotation
//!   starts inside it and none has its cue there ("…, accusing Manila of …",
//!   "…, citing safety concerns", "blaming the rains"). The check for
//!   "accusing", "citing" and "blaming" never making a speaker.
//!
//! Code matching is the one of `event_shapes.rs`: identical codes, or — when
//! the expected code is a bare state, organisation or region — the emitted code
//! is the expected one followed only by sector codes (`SAU` matches `SAUGOV`;
//! `SAUGOV` does not match `SAU`). Codes follow ../shared/gold/README.md:
//! ministries, spokespeople, leaders, embassies and diplomats are their
//! state's GOV; a state named as the speaker of a statement is its GOV;
//! police COP, protesters OPP, residents CVL, a state news agency GOVMED.
//!
//! `SPEAKER_SHAPES_MISSES=0 cargo test -p attache --test speaker_shapes -- --nocapture`
//! prints every missed case (a number N prints N per shape; the default is 4).

#[macro_use]
mod common;

use attache::doc::{Doc, EntityKind, Span};
use common::{
    analyse, assert_no_panics, bracketed, check_shapes, code_matches, find_nth, known_bases,
    name_matches, pct, print_report, ratio, short, valid_code, Case, ShapeTally,
};
use std::collections::BTreeMap;

/// The shapes of the table (each must have at least [`MIN_PER_SHAPE`] cases).
const SHAPES: &[&str] = &[
    "context_role",
    "place_group",
    "salient_state",
    "institution",
    "name_variant",
    "title_alone",
    "org_kind",
    "region_group",
    "no_verb",
    "outer_inner",
    "unnamed_source",
    "accuse_cite",
    "state_speaker",
];

const MIN_CASES: usize = 170;
const MIN_PER_SHAPE: usize = 8;

const KINDS: &[&str] = &["state", "organization", "person", "group", "place"];

#[derive(Clone, Debug)]
enum Item {
    /// The quotation holding the snippet has this speaker.
    Quote {
        snippet: String,
        name: Option<String>,
        code: Option<String>,
    },
    /// The mention at the surface has this code (and kind).
    Mention {
        surface: String,
        nth: usize,
        code: String,
        kind: Option<String>,
    },
    /// No statement comes from the snippet.
    NoQuote { snippet: String },
}

impl std::fmt::Display for Item {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Item::Quote {
                snippet,
                name,
                code,
            } => write!(
                f,
                "q[{snippet}]={}@{}",
                name.as_deref().unwrap_or(""),
                code.as_deref().unwrap_or("")
            ),
            Item::Mention {
                surface,
                nth,
                code,
                kind,
            } => {
                write!(f, "m[{surface}")?;
                if *nth > 1 {
                    write!(f, "#{nth}")?;
                }
                write!(f, "]={code}")?;
                if let Some(k) = kind {
                    write!(f, ":{k}")?;
                }
                Ok(())
            }
            Item::NoQuote { snippet } => write!(f, "noq[{snippet}]"),
        }
    }
}

fn parse_item(s: &str, line: usize) -> Item {
    if let Some((snippet, rest)) = bracketed(s, "noq", line) {
        assert!(
            rest.trim().is_empty(),
            "line {line}: `{s}`: noq takes nothing after ]"
        );
        return Item::NoQuote {
            snippet: snippet.to_string(),
        };
    }
    if let Some((snippet, rest)) = bracketed(s, "q", line) {
        let spec = rest
            .strip_prefix('=')
            .unwrap_or_else(|| panic!("line {line}: `{s}` wants q[...]=SPEAKER"))
            .trim();
        let (name, code) = match spec.split_once('@') {
            Some((n, c)) => (n.trim(), Some(c.trim().to_string())),
            None => (spec, None),
        };
        let name = (!name.is_empty()).then(|| name.to_string());
        assert!(
            name.is_some() || code.is_some(),
            "line {line}: `{s}` names no speaker"
        );
        return Item::Quote {
            snippet: snippet.to_string(),
            name,
            code,
        };
    }
    if let Some((surface, rest)) = bracketed(s, "m", line) {
        let spec = rest
            .strip_prefix('=')
            .unwrap_or_else(|| panic!("line {line}: `{s}` wants m[...]=CODE"))
            .trim();
        let (code, kind) = match spec.split_once(':') {
            Some((c, k)) => (c.trim().to_string(), Some(k.trim().to_string())),
            None => (spec.to_string(), None),
        };
        let (surface, nth) = match surface.rsplit_once('#') {
            Some((sf, n)) if n.parse::<usize>().is_ok() => (sf, n.parse().unwrap()),
            _ => (surface, 1),
        };
        return Item::Mention {
            surface: surface.to_string(),
            nth,
            code,
            kind,
        };
    }
    panic!("line {line}: `{s}` is not q[...]=, m[...]= or noq[...]");
}

fn load_cases() -> Vec<Case<Item>> {
    common::load_cases("speaker_shapes.tsv", parse_item)
}

fn kind_name(k: EntityKind) -> &'static str {
    match k {
        EntityKind::State => "state",
        EntityKind::Organization => "organization",
        EntityKind::Person => "person",
        EntityKind::Group => "group",
        EntityKind::Place => "place",
    }
}

fn slice(doc: &Doc, s: Span) -> &str {
    &doc.text[s.start..s.end]
}

/// One checked item: passed, and what was found (for the miss report).
struct Checked {
    ok: bool,
    got: String,
}

fn check_item(doc: &Doc, item: &Item) -> Result<Checked, String> {
    match item {
        Item::Quote {
            snippet,
            name,
            code,
        } => {
            let at = find_nth(&doc.text, snippet, 1)
                .ok_or_else(|| format!("snippet `{snippet}` not in the cleaned text"))?;
            let holding = doc
                .quotes
                .iter()
                .filter(|q| q.span.contains(at))
                .min_by_key(|q| q.span.len());
            let quote = holding.or_else(|| doc.quotes.iter().find(|q| q.span.overlaps(at)));
            let Some(q) = quote else {
                return Ok(Checked {
                    ok: false,
                    got: "no quote".into(),
                });
            };
            let n = q.speaker.name.as_deref();
            let c = q.speaker.code.as_deref();
            let ok = name.as_deref().is_none_or(|w| name_matches(w, n))
                && code.as_deref().is_none_or(|w| code_matches(w, c));
            Ok(Checked {
                ok,
                got: format!(
                    "speaker {:?} {} of {:?} `{}`",
                    n.unwrap_or("-"),
                    c.unwrap_or("-"),
                    q.kind,
                    short(slice(doc, q.span))
                ),
            })
        }
        Item::Mention {
            surface,
            nth,
            code,
            kind,
        } => {
            let at = find_nth(&doc.text, surface, *nth)
                .ok_or_else(|| format!("surface `{surface}` #{nth} not in the cleaned text"))?;
            let exact = doc.mentions.iter().find(|m| m.span == at);
            let holding = || {
                doc.mentions
                    .iter()
                    .filter(|m| m.span.contains(at))
                    .min_by_key(|m| m.span.len())
            };
            let inside = || {
                doc.mentions
                    .iter()
                    .filter(|m| at.contains(m.span))
                    .max_by_key(|m| m.span.len())
            };
            let Some(m) = exact.or_else(holding).or_else(inside) else {
                return Ok(Checked {
                    ok: false,
                    got: "no mention".into(),
                });
            };
            let e = &doc.entities[m.entity];
            let k = kind_name(e.kind);
            let ok =
                code_matches(code, e.code.as_deref()) && kind.as_deref().is_none_or(|w| w == k);
            Ok(Checked {
                ok,
                got: format!(
                    "`{}` -> {:?} {} {k}",
                    slice(doc, m.span),
                    e.name,
                    e.code.as_deref().unwrap_or("-")
                ),
            })
        }
        Item::NoQuote { snippet } => {
            let at = find_nth(&doc.text, snippet, 1)
                .ok_or_else(|| format!("snippet `{snippet}` not in the cleaned text"))?;
            let bad: Vec<String> = doc
                .quotes
                .iter()
                .filter(|q| {
                    (at.start <= q.span.start && q.span.start < at.end)
                        || q.cue.is_some_and(|c| c.overlaps(at))
                })
                .map(|q| {
                    format!(
                        "{:?} `{}` by {:?}",
                        q.kind,
                        short(slice(doc, q.span)),
                        q.speaker.name.as_deref().unwrap_or("-")
                    )
                })
                .collect();
            Ok(Checked {
                ok: bad.is_empty(),
                got: if bad.is_empty() {
                    "no statement".into()
                } else {
                    bad.join(" | ")
                },
            })
        }
    }
}

tally!(Tally {
    cases,
    exact,
    q,
    q_ok,
    q_found,
    m,
    m_ok,
    noq,
    noq_ok
});

impl Tally {
    fn line(&self, name: &str) -> String {
        format!(
            "{name:<18} {:>5} {} {:>5} {} {} {:>5} {} {:>5} {}",
            self.cases,
            pct(self.exact, self.cases),
            self.q,
            pct(self.q_found, self.q),
            pct(self.q_ok, self.q),
            self.m,
            pct(self.m_ok, self.m),
            self.noq,
            pct(self.noq_ok, self.noq),
        )
    }
}

const HEADER: &str =
    "                   cases  exact quotes  found speakr actors   code   noqs     ok";

#[test]
fn speaker_shapes_table() {
    let cases = load_cases();
    let bases = known_bases();

    // The table's own health.
    check_shapes(&cases, SHAPES, MIN_CASES, MIN_PER_SHAPE);
    for c in &cases {
        for it in &c.items {
            let (code, kind) = match it {
                Item::Quote { code, .. } => (code.as_deref(), None),
                Item::Mention { code, kind, .. } => (Some(code.as_str()), kind.as_deref()),
                Item::NoQuote { .. } => (None, None),
            };
            if let Some(code) = code {
                assert!(
                    valid_code(code, &bases),
                    "line {}: `{code}` is not a lexicon state/organisation/region code + sectors",
                    c.line
                );
            }
            if let Some(kind) = kind {
                assert!(KINDS.contains(&kind), "line {}: bad kind {kind}", c.line);
            }
        }
    }

    let engine = attache::Engine::builder().build().expect("engine");
    let mut panics = Vec::new();
    let mut table_errors = Vec::new();
    let mut overall = Tally::default();
    let mut shapes: BTreeMap<String, Tally> = BTreeMap::new();
    let mut misses: BTreeMap<String, Vec<String>> = BTreeMap::new();

    for c in &cases {
        let Some(doc) = analyse(&engine, &c.text) else {
            panics.push(format!("line {}: {}", c.line, c.text));
            continue;
        };
        let mut t = Tally {
            cases: 1,
            ..Tally::default()
        };
        let mut failed = Vec::new();
        for it in &c.items {
            let checked = match check_item(&doc, it) {
                Ok(ch) => ch,
                Err(e) => {
                    table_errors.push(format!("line {}: {e}", c.line));
                    continue;
                }
            };
            match it {
                Item::Quote { .. } => {
                    t.q += 1;
                    t.q_found += usize::from(checked.got != "no quote");
                    t.q_ok += usize::from(checked.ok);
                }
                Item::Mention { .. } => {
                    t.m += 1;
                    t.m_ok += usize::from(checked.ok);
                }
                Item::NoQuote { .. } => {
                    t.noq += 1;
                    t.noq_ok += usize::from(checked.ok);
                }
            }
            if !checked.ok {
                failed.push(format!("      want {it}\n        got {}", checked.got));
            }
        }
        t.exact = usize::from(failed.is_empty());
        overall.add(&t);
        shapes.entry(c.shape.clone()).or_default().add(&t);
        if !failed.is_empty() {
            let quotes: Vec<String> = doc
                .quotes
                .iter()
                .map(|q| {
                    format!(
                        "{:?} `{}` <- {:?} {}",
                        q.kind,
                        short(slice(&doc, q.span)),
                        q.speaker.name.as_deref().unwrap_or("-"),
                        q.speaker.code.as_deref().unwrap_or("-")
                    )
                })
                .collect();
            misses.entry(c.shape.clone()).or_default().push(format!(
                "  line {}: {}\n{}\n      quotes: {}",
                c.line,
                c.text.replace('\n', " / "),
                failed.join("\n"),
                if quotes.is_empty() {
                    "-".into()
                } else {
                    quotes.join("\n              ")
                }
            ));
        }
    }

    print_report(
        "speaker shapes",
        HEADER,
        &shapes,
        &overall,
        &misses,
        "SPEAKER_SHAPES_MISSES",
    );
    assert_no_panics(&panics);

    // Floors: a little under the figures measured on this table (see the
    // report printed above). Raise them when the engine improves; never lower
    // them to hide a regression.
    let speaker = ratio(overall.q_ok, overall.q);
    let actor = ratio(overall.m_ok, overall.m);
    let negative = ratio(overall.noq_ok, overall.noq);
    let exact = ratio(overall.exact, overall.cases);
    println!(
        "\nspeaker accuracy {speaker:.3}, actor-code accuracy {actor:.3}, \
         no-statement checks {negative:.3}, exact cases {exact:.3}"
    );
    assert!(
        speaker >= FLOOR_SPEAKER,
        "speaker accuracy {speaker:.3} fell under {FLOOR_SPEAKER}"
    );
    assert!(
        actor >= FLOOR_ACTOR,
        "actor-code accuracy {actor:.3} fell under {FLOOR_ACTOR}"
    );
    assert!(
        negative >= FLOOR_NOQ,
        "no-statement checks {negative:.3} fell under {FLOOR_NOQ}"
    );
    assert!(
        exact >= FLOOR_EXACT,
        "exact-case rate {exact:.3} fell under {FLOOR_EXACT}"
    );
}

// Measured 2026-12-03 on 189 cases (179 quotation items, 94 mention items, 12
// no-statement items). With the engine of commit 7d13366: speaker accuracy
// 0.480, actor-code accuracy 0.340, no-statement checks 0.083, exact 0.370.
// After the issue-12 work of that day: speaker 0.726, actor codes 0.543,
// no-statement 0.750, exact 0.656. No panics. Weakest now: org_kind
// (airlines, fronts and movements uncoded; state news agencies MED, not
// GOVMED), region_group ("African countries" not a mention), place_group
// (protesters and police take no country from their place), unnamed_source.
const FLOOR_SPEAKER: f64 = 0.70;
const FLOOR_ACTOR: f64 = 0.52;
const FLOOR_NOQ: f64 = 0.70;
const FLOOR_EXACT: f64 = 0.63;
