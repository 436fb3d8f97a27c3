//! Shared bits of the shape-table runners (`speaker_shapes`, `channel_shapes`,
//! `conflict_shapes`): reading a `shape<TAB>text<TAB>expected` table, actor
//! code validity and matching, word-boundary search, short printing and the
//! misses-per-shape setting.
//!
//! Every test binary compiles this module on its own and uses part of it.
#![allow(dead_code)]

/// `tally!(Tally { cases, exact, … })` declares a `Tally` struct of `usize`
/// counts (`Default`, `Clone`, `Copy`) that is a [`ShapeTally`]: `add` sums
/// the fields, `cases` reads the `cases` field, `row` calls the struct's own
/// `fn line(&self, name: &str) -> String`.
macro_rules! tally {
    ($name:ident { $($field:ident),* $(,)? }) => {
        #[derive(Default, Clone, Copy)]
        struct $name {
            $($field: usize,)*
        }

        impl common::ShapeTally for $name {
            fn add(&mut self, t: &Self) {
                $(self.$field += t.$field;)*
            }

            fn row(&self, name: &str) -> String {
                self.line(name)
            }

            fn cases(&self) -> usize {
                self.cases
            }
        }
    };
}

use attache::doc::{Doc, Span};
use attache::input::RawArticle;
use std::collections::{BTreeMap, HashSet};
use std::panic::{catch_unwind, AssertUnwindSafe};

/// Phoenix/CAMEO sector codes that may follow the state or organisation part.
pub const SECTORS: &[&str] = &[
    "GOV", "MIL", "REB", "OPP", "COP", "JUD", "LEG", "MED", "BUS", "CVL", "ELI", "REF", "INS",
    "SPY", "UAF", "HLH", "EDU", "LAB", "AGR", "ENV", "HRI", "IGO", "NGO", "CRM", "MOD", "RAD",
    "PTY", "SEP", "IMG", "SET", "DEV", "MNC", "REL",
];

/// CAMEO region codes (organisations.tsv lists them too; kept here so a table
/// code such as `AFR` is valid even where the lexicon spells it otherwise).
pub const REGIONS: &[&str] = &[
    "WST", "EUR", "AFR", "ASA", "MEA", "LAM", "SAM", "NMR", "CAS", "CAU", "BLK", "SEA", "SAS",
    "WAF", "EAF", "SAF", "NAF", "CRB", "SCN", "EEU", "PGS", "ARB",
];

/// One row of a shape table: its line number, shape, article text (`\n`
/// turned into a paragraph break) and the raw expected column.
pub struct Row {
    pub line: usize,
    pub shape: String,
    pub text: String,
    pub expected: String,
}

/// The rows of `tests/data/<file>`; blank lines and `#` lines are comments.
pub fn load_rows(file: &str) -> Vec<Row> {
    let path = format!("{}/tests/data/{file}", env!("CARGO_MANIFEST_DIR"));
    let table = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("read {path}: {e}"));
    let mut rows = Vec::new();
    for (i, raw) in table.lines().enumerate() {
        let line = i + 1;
        if raw.trim().is_empty() || raw.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = raw.split('\t').collect();
        assert_eq!(cols.len(), 3, "line {line}: want 3 TAB-separated columns");
        rows.push(Row {
            line,
            shape: cols[0].trim().to_string(),
            text: cols[1].replace("\\n", "\n"),
            expected: cols[2].to_string(),
        });
    }
    rows
}

/// Splits `tag[inside]rest` into (`inside`, `rest`).
pub fn bracketed<'a>(s: &'a str, tag: &str, line: usize) -> Option<(&'a str, &'a str)> {
    let rest = s.strip_prefix(tag)?.strip_prefix('[')?;
    let close = rest
        .find(']')
        .unwrap_or_else(|| panic!("line {line}: `{s}` has no closing ]"));
    Some((&rest[..close], &rest[close + 1..]))
}

/// Runs the full default pipeline on one article; `None` when it panicked.
pub fn analyse(engine: &attache::Engine, text: &str) -> Option<Doc> {
    let text = text.to_string();
    catch_unwind(AssertUnwindSafe(|| {
        engine.analyse(RawArticle::plain("shape", text))
    }))
    .ok()
}

/// State and organisation codes of the built-in lexicon, plus the regions.
pub fn known_bases() -> HashSet<String> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/actors/");
    let mut out: HashSet<String> = REGIONS.iter().map(|s| s.to_string()).collect();
    for file in ["countries.tsv", "organisations.tsv"] {
        let text = std::fs::read_to_string(format!("{dir}{file}")).expect("read actor lexicon");
        for l in text.lines() {
            if l.starts_with('#') || l.trim().is_empty() {
                continue;
            }
            if let Some(code) = l.split('\t').next() {
                out.insert(code.trim().to_string());
            }
        }
    }
    out
}

/// `code` is a known base followed only by sector codes.
pub fn valid_code(code: &str, bases: &HashSet<String>) -> bool {
    (3..=code.len())
        .rev()
        .any(|n| code.is_char_boundary(n) && bases.contains(&code[..n]) && only_sectors(&code[n..]))
}

pub fn only_sectors(mut rest: &str) -> bool {
    while !rest.is_empty() {
        match SECTORS.iter().find(|s| rest.starts_with(**s)) {
            Some(s) => rest = &rest[s.len()..],
            None => return false,
        }
    }
    true
}

/// `expected` names the same actor as `got`: identical codes, or — when the
/// expected code is a bare state, organisation or region — the emitted code
/// is the expected one followed only by sector codes (`SAU` matches
/// `SAUGOV`; `SAUGOV` does not match `SAU`).
pub fn code_matches(expected: &str, got: Option<&str>) -> bool {
    let Some(got) = got else { return false };
    if expected == got {
        return true;
    }
    let bare = !SECTORS
        .iter()
        .any(|s| expected.len() >= 3 + s.len() && expected.ends_with(s));
    bare && got.strip_prefix(expected).is_some_and(only_sectors)
}

fn name_words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// The name `got` holds the expected words as a contiguous run
/// (case-insensitive, word by word).
pub fn name_matches(expected: &str, got: Option<&str>) -> bool {
    let want = name_words(expected);
    let have = name_words(got.unwrap_or(""));
    !want.is_empty() && have.windows(want.len()).any(|w| w == want.as_slice())
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// Byte span of the `nth` (1-based) occurrence of `needle` in `text` at word
/// boundaries.
pub fn find_nth(text: &str, needle: &str, nth: usize) -> Option<Span> {
    let mut seen = 0;
    for (i, _) in text.match_indices(needle) {
        let end = i + needle.len();
        let before_ok = text[..i]
            .chars()
            .next_back()
            .is_none_or(|c| !is_word_char(c))
            || !needle.chars().next().is_some_and(is_word_char);
        let after_ok = text[end..].chars().next().is_none_or(|c| !is_word_char(c))
            || !needle.chars().next_back().is_some_and(is_word_char);
        if before_ok && after_ok {
            seen += 1;
            if seen == nth {
                return Some(Span::new(i, end));
            }
        }
    }
    None
}

/// `s` on one line, cut at 60 characters.
pub fn short(s: &str) -> String {
    let s = s.replace('\n', " / ");
    if s.chars().count() > 60 {
        format!("{}…", s.chars().take(60).collect::<String>())
    } else {
        s
    }
}

pub fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        1.0
    } else {
        a as f64 / b as f64
    }
}

/// A percentage column, `-` when there is nothing to count.
pub fn pct(a: usize, b: usize) -> String {
    if b == 0 {
        "     -".to_string()
    } else {
        format!("{:>5.1}%", 100.0 * ratio(a, b))
    }
}

/// How many misses per shape to print: the env var's number (0 = all), else 4.
pub fn misses_shown(var: &str) -> usize {
    match std::env::var(var).ok().and_then(|v| v.parse().ok()) {
        Some(0) => usize::MAX,
        Some(n) => n,
        None => 4,
    }
}

/// One case of a shape table with its parsed expected items.
pub struct Case<I> {
    pub line: usize,
    pub shape: String,
    pub text: String,
    pub items: Vec<I>,
}

/// The cases of `tests/data/<file>`, the expected column split on `;` and
/// each item read by `parse(item, line)`; every case needs one item.
pub fn load_cases<I>(file: &str, parse: impl Fn(&str, usize) -> I) -> Vec<Case<I>> {
    load_rows(file)
        .into_iter()
        .map(|r| {
            let items: Vec<I> = r
                .expected
                .split(';')
                .filter(|e| !e.trim().is_empty())
                .map(|e| parse(e.trim(), r.line))
                .collect();
            assert!(!items.is_empty(), "line {}: no expected items", r.line);
            Case {
                line: r.line,
                shape: r.shape,
                text: r.text,
                items,
            }
        })
        .collect()
}

/// The table's size health: every case has a known shape, the table has at
/// least `min_cases` cases and every shape at least `min_per_shape`.
pub fn check_shapes<I>(cases: &[Case<I>], shapes: &[&str], min_cases: usize, min_per_shape: usize) {
    let mut per_shape: BTreeMap<&str, usize> = BTreeMap::new();
    for c in cases {
        assert!(
            shapes.contains(&c.shape.as_str()),
            "line {}: unknown shape {}",
            c.line,
            c.shape
        );
        *per_shape.entry(c.shape.as_str()).or_default() += 1;
    }
    println!("\n{} cases; cases per shape: {per_shape:?}", cases.len());
    assert!(
        cases.len() >= min_cases,
        "{} cases; keep at least {min_cases}",
        cases.len()
    );
    for s in shapes {
        let n = per_shape.get(s).copied().unwrap_or(0);
        assert!(
            n >= min_per_shape,
            "shape {s} has {n} cases; keep at least {min_per_shape}"
        );
    }
}

/// One missed case for the report: its line, text, failed items and what the
/// engine produced (`-` for nothing), the latter joined by `sep`.
pub fn miss_entry<I>(case: &Case<I>, failed: &[String], got: &[String], sep: &str) -> String {
    format!(
        "  line {}: {}\n{}\n        got {}",
        case.line,
        case.text.replace('\n', " / "),
        failed.join("\n"),
        if got.is_empty() {
            "-".into()
        } else {
            got.join(sep)
        }
    )
}

/// The counts of one shape (or of the whole table) in a report.
pub trait ShapeTally: Default {
    /// Adds another tally's counts.
    fn add(&mut self, other: &Self);
    /// The report line of this tally, named `name`.
    fn row(&self, name: &str) -> String;
    /// How many cases it counts.
    fn cases(&self) -> usize;
}

/// Prints the per-shape table (`header` above the rows) and then the first
/// misses of every shape (as many as `var` says).
pub fn print_report<T: ShapeTally>(
    title: &str,
    header: &str,
    shapes: &BTreeMap<String, T>,
    overall: &T,
    misses: &BTreeMap<String, Vec<String>>,
    var: &str,
) {
    println!("\n== {title}: per shape ==\n{header}");
    for (name, t) in shapes {
        println!("{}", t.row(name));
    }
    println!("{}", overall.row("ALL"));
    let shown = misses_shown(var);
    println!("\n== first misses per shape ==");
    for (name, list) in misses {
        println!(
            "[{name}] {} of {} cases missed",
            list.len(),
            shapes[name].cases()
        );
        for m in list.iter().take(shown) {
            println!("{m}");
        }
    }
}

pub fn assert_no_panics(panics: &[String]) {
    assert!(
        panics.is_empty(),
        "the pipeline panicked on:\n{}",
        panics.join("\n")
    );
}

/// Prints the aggregate figures `(name, value, floor)` and `extra` on one
/// line, then asserts every value is at least its floor.
pub fn check_floors(figures: &[(&str, f64, f64)], extra: &str) {
    let shown: Vec<String> = figures
        .iter()
        .map(|(what, value, _)| format!("{what} {value:.3}"))
        .collect();
    println!("\n{}, {extra}", shown.join(", "));
    for (what, value, floor) in figures {
        assert!(value >= floor, "{what} {value:.3} fell under {floor}");
    }
}

/// How a table's report is titled and printed.
pub struct Report<'a> {
    /// "channel shapes".
    pub title: &'a str,
    /// The column names above the per-shape lines.
    pub header: &'a str,
    /// The env var with the number of misses per shape to print.
    pub misses_var: &'a str,
    /// What joins the items of a miss's `got` list.
    pub got_sep: &'a str,
}

/// What scoring one case gives: its counts, the failed items and what the
/// engine produced (printed when something failed).
pub struct Scored<T> {
    pub tally: T,
    pub failed: Vec<String>,
    pub got: Vec<String>,
}

/// Runs every case through the full default pipeline, scores it with
/// `score`, prints the report and the misses, asserts zero panics and
/// returns the whole table's tally.
pub fn run_table<I, T: ShapeTally>(
    cases: &[Case<I>],
    report: &Report,
    mut score: impl FnMut(&Doc, &Case<I>) -> Scored<T>,
) -> T {
    let engine = attache::Engine::builder().build().expect("engine");
    let mut panics = Vec::new();
    let mut overall = T::default();
    let mut shapes: BTreeMap<String, T> = BTreeMap::new();
    let mut misses: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for c in cases {
        let Some(doc) = analyse(&engine, &c.text) else {
            panics.push(format!("line {}: {}", c.line, c.text));
            continue;
        };
        let scored = score(&doc, c);
        overall.add(&scored.tally);
        shapes
            .entry(c.shape.clone())
            .or_default()
            .add(&scored.tally);
        if !scored.failed.is_empty() {
            misses.entry(c.shape.clone()).or_default().push(miss_entry(
                c,
                &scored.failed,
                &scored.got,
                report.got_sep,
            ));
        }
    }
    print_report(
        report.title,
        report.header,
        &shapes,
        &overall,
        &misses,
        report.misses_var,
    );
    assert_no_panics(&panics);
    overall
}
