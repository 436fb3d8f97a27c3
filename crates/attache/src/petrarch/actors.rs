//! Reader for PETRARCH/TABARI actor dictionaries.
//!
//! ```text
//! GOLLUM                    a root phrase (words joined by `_` or blanks)
//! +SMEAGOL                  a synonym of the root
//!     [HOB < 950601]        codes, each optionally restricted to dates:
//!     [HOBGOV 19950601 - 19990815]   `<D`, `>D` or `D-D` (YYYYMMDD or YYMMDD)
//!     [HOBREB > 990816]
//! LORIEN [ELR/GAL]          `/` gives several actors at once
//! ```
//! A root line without codes joins the next group of names; codes may follow
//! on the root line or on their own (indented) lines. The article's date picks
//! the first dated code whose range contains it, otherwise the undated one;
//! `<D` is before D, `>D` from D on, `A-B` from A up to (not including) B, as
//! in PETRARCH, so that consecutive ranges partition time.

use super::dictfile::{brackets, lines, phrase_words, Diagnostics};
use super::phrases::PhraseIndex;
use chrono::NaiveDate;

/// When a code applies.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Validity {
    /// Always (the default code).
    Always,
    /// Strictly before the date.
    Before(NaiveDate),
    /// On or after the date.
    After(NaiveDate),
    /// From the first date (included) to the second (excluded), so that
    /// adjacent ranges `[A a-b] [B b-c]` never overlap.
    Between(NaiveDate, NaiveDate),
}

impl Validity {
    /// True when the restriction holds on `date`.
    pub fn holds(&self, date: NaiveDate) -> bool {
        match *self {
            Validity::Always => true,
            Validity::Before(d) => date < d,
            Validity::After(d) => date >= d,
            Validity::Between(a, b) => a <= date && date < b,
        }
    }
}

/// One code line: one or more actor codes and when they apply.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DatedCode {
    /// Actor codes (`ELR/GAL` gives two).
    pub codes: Vec<String>,
    /// When they apply.
    pub validity: Validity,
}

/// An actor: its names share one list of codes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Actor {
    /// The root phrase as written.
    pub name: String,
    /// Codes in dictionary order.
    pub codes: Vec<DatedCode>,
}

impl Actor {
    /// The codes that apply on `date` (the undated ones without a date or
    /// when no dated code covers it).
    pub fn codes_on(&self, date: Option<NaiveDate>) -> &[String] {
        if let Some(d) = date {
            if let Some(c) = self
                .codes
                .iter()
                .find(|c| c.validity != Validity::Always && c.validity.holds(d))
            {
                return &c.codes;
            }
        }
        self.codes
            .iter()
            .find(|c| c.validity == Validity::Always)
            .map(|c| c.codes.as_slice())
            .unwrap_or(&[])
    }
}

/// The actors of one or more actor files.
#[derive(Debug, Default)]
pub struct ActorDict {
    /// Every actor.
    pub actors: Vec<Actor>,
    /// Names (roots and synonyms) → index into `actors`.
    pub names: PhraseIndex<u32>,
}

/// Parses a date as `YYYYMMDD` or `YYMMDD` (years up to 30 are 20xx).
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    if !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let (y, rest) = match s.len() {
        8 => (s[..4].parse::<i32>().ok()?, &s[4..]),
        6 => {
            let yy = s[..2].parse::<i32>().ok()?;
            (if yy <= 30 { 2000 + yy } else { 1900 + yy }, &s[2..])
        }
        _ => return None,
    };
    let m = rest[..2].parse().ok()?;
    let d = rest[2..].parse().ok()?;
    NaiveDate::from_ymd_opt(y, m, d)
}

/// Parses the inside of one code bracket: `HOBGOV 19950601 - 19990815`.
pub fn parse_code(inner: &str) -> Result<DatedCode, String> {
    let inner = inner.trim();
    let (code, rest) = match inner.find(|c: char| c.is_whitespace() || c == '<' || c == '>') {
        Some(p) => (&inner[..p], inner[p..].trim()),
        None => (inner, ""),
    };
    let codes: Vec<String> = code
        .split('/')
        .filter(|c| !c.is_empty())
        .map(|c| c.to_uppercase())
        .collect();
    if codes.is_empty() {
        return Err(format!("empty actor code in [{inner}]"));
    }
    let bad = || format!("bad date restriction {rest:?} in [{inner}]");
    let validity = if rest.is_empty() {
        Validity::Always
    } else if let Some(d) = rest.strip_prefix('<') {
        Validity::Before(parse_date(d.trim()).ok_or_else(bad)?)
    } else if let Some(d) = rest.strip_prefix('>') {
        Validity::After(parse_date(d.trim()).ok_or_else(bad)?)
    } else if let Some((a, b)) = rest.split_once('-') {
        let a = parse_date(a.trim()).ok_or_else(bad)?;
        let b = parse_date(b.trim()).ok_or_else(bad)?;
        Validity::Between(a, b)
    } else {
        return Err(bad());
    };
    Ok(DatedCode { codes, validity })
}

impl ActorDict {
    /// Reads one actor file into the dictionary.
    pub fn read(&mut self, text: &str, diags: &mut Diagnostics<'_>) {
        let mut group: Vec<(usize, Vec<String>)> = Vec::new();
        let mut codes: Vec<DatedCode> = Vec::new();
        let mut root_name = String::new();
        for (no, line) in lines(text) {
            let trimmed = line.trim_start();
            let (head, parts) = match brackets(trimmed) {
                Ok(x) => x,
                Err(e) => {
                    diags.push(no, e);
                    continue;
                }
            };
            let is_code_line = trimmed.starts_with('[');
            let is_synonym = trimmed.starts_with('+');
            if !is_code_line && !is_synonym && !codes.is_empty() {
                self.flush(&mut group, &mut codes, &root_name, diags);
            }
            if !is_code_line {
                let phrase = head.trim().trim_start_matches('+');
                let words = phrase_words(phrase);
                if words.is_empty() {
                    diags.push(no, "empty actor name");
                } else {
                    if group.is_empty() {
                        root_name = phrase.trim().to_string();
                    }
                    group.push((no, words));
                }
            }
            for p in parts {
                match parse_code(p) {
                    Ok(c) => codes.push(c),
                    Err(e) => diags.push(no, e),
                }
            }
            if is_code_line && group.is_empty() {
                diags.push(no, "actor codes without a name");
                codes.clear();
            }
        }
        self.flush(&mut group, &mut codes, &root_name, diags);
    }

    fn flush(
        &mut self,
        group: &mut Vec<(usize, Vec<String>)>,
        codes: &mut Vec<DatedCode>,
        name: &str,
        diags: &mut Diagnostics<'_>,
    ) {
        if group.is_empty() {
            return;
        }
        if codes.is_empty() {
            for (no, w) in group.iter() {
                diags.push(*no, format!("actor {} has no code", w.join("_")));
            }
            group.clear();
            return;
        }
        let id = self.actors.len() as u32;
        self.actors.push(Actor {
            name: name.to_string(),
            codes: std::mem::take(codes),
        });
        for (_, words) in group.drain(..) {
            self.names.insert(&words, id);
        }
    }

    /// The longest actor name at `tokens[i]`: `(words, actor)`.
    pub fn match_at<S: AsRef<str>>(&self, tokens: &[S], i: usize) -> Option<(usize, &Actor)> {
        self.names
            .longest_at(tokens, i)
            .and_then(|(n, &id)| self.actors.get(id as usize).map(|a| (n, a)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn read(text: &str) -> (ActorDict, Vec<super::super::dictfile::Diagnostic>) {
        let mut list = Vec::new();
        let mut d = ActorDict::default();
        d.read(
            text,
            &mut Diagnostics::new(Path::new("t.actors"), &mut list),
        );
        (d, list)
    }

    fn date(s: &str) -> Option<NaiveDate> {
        parse_date(s)
    }

    #[test]
    fn dated_codes_and_synonyms() {
        let (d, diags) = read(
            "WIDGETLAND [WGT]\n+WIDGETIAN\nFOO_BAR # x\n+FB\n\t[FBA < 950601]\n\t[FBB 19950601 - 19990815]\n\t[FBC > 990816]\nPAIR [AAA/BBB]\n",
        );
        assert!(diags.is_empty(), "{diags:?}");
        let toks = ["FB", "WIDGETIAN", "FOO", "BAR", "PAIR"];
        let cases: &[(usize, Option<&str>, &[&str])] = &[
            (0, Some("19950101"), &["FBA"]),
            (0, Some("19970101"), &["FBB"]),
            (0, Some("19950601"), &["FBB"]),
            (0, Some("19990815"), &[]),
            (0, Some("19990816"), &["FBC"]),
            (2, Some("20010101"), &["FBC"]),
            (1, None, &["WGT"]),
            (4, None, &["AAA", "BBB"]),
        ];
        for (i, day, want) in cases {
            let (_, a) = d.match_at(&toks, *i).unwrap();
            assert_eq!(a.codes_on(day.and_then(date)), *want, "token {i}");
        }
        // No dated code covers the date and there is no default: no code.
        assert!(d.match_at(&toks, 0).unwrap().1.codes_on(None).is_empty());
    }

    #[test]
    fn root_without_code_joins_next_group() {
        let (d, _) = read("XX_ [X1]\nYY_\nZZ_\n+WW\n  [Z1]\n");
        let toks = ["YY", "ZZ", "WW", "XX"];
        for i in 0..3 {
            assert_eq!(d.match_at(&toks, i).unwrap().1.codes_on(None), ["Z1"]);
        }
        assert_eq!(d.match_at(&toks, 3).unwrap().1.codes_on(None), ["X1"]);
    }

    #[test]
    fn bad_lines_are_reported_and_skipped() {
        let (d, diags) = read("GOOD [G]\nBAD [B 2004017-20061201]\nOPEN [X\nLONELY\n");
        assert!(d.match_at(&["GOOD"], 0).is_some());
        let mut lines: Vec<usize> = diags.iter().map(|d| d.line).collect();
        lines.dedup();
        lines.sort();
        lines.dedup();
        assert_eq!(lines, vec![2, 3, 4]);
    }

    #[test]
    fn dates() {
        let cases = [
            ("950601", Some((1995, 6, 1))),
            ("011221", Some((2001, 12, 21))),
            ("20100109", Some((2010, 1, 9))),
            ("2004017", None),
            ("19991340", None),
        ];
        for (s, want) in cases {
            let got = parse_date(s);
            assert_eq!(
                got,
                want.and_then(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d)),
                "{s}"
            );
        }
    }
}
