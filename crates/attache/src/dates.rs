//! Temporal expressions resolved against the publication date, and event dates.
//!
//! [`find_timexes`] recognises time expressions in one piece of text and
//! resolves them against an anchor (the publication date, and for "two months
//! later" the last date the text mentioned). [`resolve`] runs it over every
//! sentence and dates the events.
//!
//! ## What is recognised
//! explicit dates ("October 16, 2014", "16 October 2014", "Oct. 16",
//! "2021-10-18", "April 19"), months ("in April", "April 2015", "early
//! October"), years ("in 2002", "the 2014 blast"), decades ("the 1990s"),
//! weekdays ("on Monday", "late on Monday", "last Friday", "next Tuesday"),
//! today / tonight / yesterday / tomorrow / last night, periods ("this month",
//! "last week", "next year", "early next month", "earlier this year", "by the
//! end of the year"), offsets ("two days ago", "two months later") and ranges
//! ("March 3-5", "from 2014 to 2016", "between 2001 and 2003").
//!
//! ## How a bare weekday or month is placed
//! A weekday is the most recent such day on or before publication, unless the
//! clause speaks of the future ("will meet on Wednesday", "is due to", "plans
//! to"), then it is the next such day on or after publication. "last Monday" is
//! strictly before, "next Monday" strictly after. A month or day without a
//! year takes the year that puts it nearest to publication, or, when the tense
//! is clear, the latest year not after (past) or the earliest not before
//! (future) publication. Without a publication date, expressions that need it
//! are kept with `value: None`.
//!
//! ## How events are dated (the rule, following the gold annotations' `when`)
//! 1. a time expression in the event's sentence: the one nearest the trigger,
//!    preferring one in the same clause. It must belong to the trigger's own
//!    clause (not across a coordinated verb group: in "has recalled its
//!    envoy and will suspend … from next week" "next week" is the
//!    suspension's) and agree in tense (a future time never dates a past or
//!    perfect act), see [`can_date`];
//! 2. otherwise the date of the statement that reports it: a reporting
//!    sentence ("Lavrov said on Monday …") dates what the speaker announced,
//!    and later statements by the same speaker, or unattributed sentences that
//!    continue a dated statement, inherit that date;
//! 3. otherwise none: the publication date is not used as a fallback.

use crate::doc::{Doc, EventStatus, Precision, QuoteKind, Span, Timex};
use crate::index::Index;
use chrono::{Datelike, Duration, Months, NaiveDate, Weekday};
use regex::Regex;
use std::collections::HashMap;
use std::sync::OnceLock;

/// A time expression found in a piece of text, with offsets relative to it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FoundTimex {
    /// Bytes of the expression, relative to the text searched.
    pub span: Span,
    /// First day covered, when resolved.
    pub start: Option<NaiveDate>,
    /// Last day covered (inclusive), when resolved.
    pub end: Option<NaiveDate>,
    /// Day, month, year or interval.
    pub precision: Precision,
    /// Normalised value, `None` when unresolved.
    pub value: Option<String>,
}

/// A resolution: first day, last day, precision, value.
type Resolved = (
    Option<NaiveDate>,
    Option<NaiveDate>,
    Precision,
    Option<String>,
);

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Tense {
    Past,
    Future,
    Unknown,
}

const MONTH: &str = r"(January|February|March|April|May|June|July|August|September|October|November|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept\.?|Sep\.?|Oct\.?|Nov\.?|Dec\.?)";
const WEEKDAY: &str = r"(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)";
const NUM: &str = r"(\d{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty)";

struct Patterns {
    iso: Regex,
    mdy: Regex,
    dmy: Regex,
    month_year: Regex,
    year_range: Regex,
    decade: Regex,
    year: Regex,
    weekday: Regex,
    rel_day: Regex,
    period: Regex,
    offset: Regex,
}

fn patterns() -> &'static Patterns {
    static P: OnceLock<Patterns> = OnceLock::new();
    P.get_or_init(|| {
        let re = |s: String| Regex::new(&s).expect("built-in date pattern compiles");
        Patterns {
            iso: re(r"(?-u:\b)(\d{4})-(\d{2})-(\d{2})(?-u:\b)".into()),
            mdy: re(format!(
                r"(?-u:\b)(?:(?i:from)\s+)?{MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?(?-u:\b)(?:\s*(?:-|–|(?i:to|until|through|and))\s*(?:{MONTH}\s+)?(\d{{1,2}})(?:st|nd|rd|th)?(?-u:\b))?(?:,?\s+(\d{{4}})(?-u:\b))?"
            )),
            dmy: re(format!(
                r"(?-u:\b)(\d{{1,2}})(?:st|nd|rd|th)?(?:\s*(?:-|–|(?i:to|and))\s*(\d{{1,2}})(?:st|nd|rd|th)?)?\s+(?:of\s+)?{MONTH}(?:,?\s+(\d{{4}})(?-u:\b))?"
            )),
            month_year: re(format!(
                r"(?:(?-u:\b)((?i:early|mid|late|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of|last|next|this|in|since|by|until|from|through|during|before|after|of))[\s-]+)?(?-u:\b){MONTH}(?:,?\s+(\d{{4}}))?(?-u:\b)"
            )),
            year_range: re(r"(?-u:\b)(?:(?i:from|between)\s+)?(1[89]\d\d|20\d\d)\s*(?:-|–|(?i:to|and|until|through))\s*(1[89]\d\d|20\d\d)(?-u:\b)".into()),
            decade: re(r"(?-u:\b)(?i:the\s+)?(1[89]\d0|20\d0)s(?-u:\b)".into()),
            year: re(r"(?-u:\b)((?i:in|since|by|until|till|from|before|after|during|of|early|late|mid|end\s+of|the|through|around|year))[\s-]+(1[89]\d\d|20\d\d)(?-u:\b)(?:[^\d]|$)".into()),
            weekday: re(format!(
                r"(?-u:\b)(?:((?i:late|early))\s+)?(?:((?i:on|last|next|this|from|by|until|since|coming))\s+)?(?:((?i:last|next|this|coming))\s+)?{WEEKDAY}(?:\s+((?i:morning|afternoon|evening|night)))?(?-u:\b)"
            )),
            rel_day: re(r"(?-u:\b)(?i:(the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|today|tonight|yesterday|tomorrow|last\s+night|this\s+morning|this\s+evening|this\s+afternoon))(?-u:\b)".into()),
            period: re(r"(?-u:\b)(?i:(?:(early|earlier|late|later|mid|(?:by\s+)?the\s+end\s+of|(?:by\s+)?end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of)[\s-]+)?(this|last|next|the\s+past|the\s+coming|the\s+previous|the\s+current|the)\s+(week|weekend|month|year))(?-u:\b)".into()),
            offset: re(format!(r"(?-u:\b)(?i:{NUM}\s+(day|week|month|year)s?\s+(ago|earlier|later|afterwards))(?-u:\b)")),
        }
    })
}

use crate::calendar::month_number;

fn weekday_of(s: &str) -> Option<Weekday> {
    let i = crate::calendar::weekday_index(s)?;
    Weekday::try_from(i as u8).ok()
}

fn number_word(s: &str) -> Option<i64> {
    if let Ok(n) = s.parse::<i64>() {
        return Some(n);
    }
    Some(match s.to_ascii_lowercase().as_str() {
        "a" | "an" | "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "fifteen" => 15,
        "twenty" => 20,
        "thirty" => 30,
        _ => return None,
    })
}

fn last_day_of_month(y: i32, m: u32) -> Option<NaiveDate> {
    let first = NaiveDate::from_ymd_opt(y, m, 1)?;
    first.checked_add_months(Months::new(1))?.pred_opt()
}

fn day(d: NaiveDate) -> Resolved {
    (
        Some(d),
        Some(d),
        Precision::Day,
        Some(d.format("%Y-%m-%d").to_string()),
    )
}

fn month(y: i32, m: u32) -> Resolved {
    match (NaiveDate::from_ymd_opt(y, m, 1), last_day_of_month(y, m)) {
        (Some(a), Some(b)) => (
            Some(a),
            Some(b),
            Precision::Month,
            Some(format!("{y:04}-{m:02}")),
        ),
        _ => unresolved(Precision::Month),
    }
}

fn year(y: i32) -> Resolved {
    (
        NaiveDate::from_ymd_opt(y, 1, 1),
        NaiveDate::from_ymd_opt(y, 12, 31),
        Precision::Year,
        Some(format!("{y:04}")),
    )
}

fn interval(a: NaiveDate, b: NaiveDate, value: String) -> Resolved {
    (Some(a), Some(b), Precision::Interval, Some(value))
}

fn unresolved(p: Precision) -> Resolved {
    (None, None, p, None)
}

/// Narrows a month to its early (1-10), middle (11-20) or late (21-end) part,
/// keeping the month as the value.
fn month_part(r: Resolved, part: &str) -> Resolved {
    let (Some(a), Some(b), p, v) = r else {
        return r;
    };
    let (s, e) = match part {
        "early" => (a, a.with_day(10).unwrap_or(b)),
        "mid" | "middle" => (a.with_day(11).unwrap_or(a), a.with_day(20).unwrap_or(b)),
        "late" | "end" => (a.with_day(21).unwrap_or(a), b),
        "beginning" | "start" => (a, a.with_day(10).unwrap_or(b)),
        _ => (a, b),
    };
    (Some(s), Some(e), p, v)
}

/// The year for a month/day without one, placed relative to publication.
fn place_year(pubd: NaiveDate, m: u32, d: Option<u32>, tense: Tense) -> Option<i32> {
    let py = pubd.year();
    let cands: Vec<(i32, NaiveDate, NaiveDate)> = [py - 1, py, py + 1]
        .into_iter()
        .filter_map(|y| {
            let first = NaiveDate::from_ymd_opt(y, m, d.unwrap_or(1))?;
            let last = match d {
                Some(_) => first,
                None => last_day_of_month(y, m)?,
            };
            Some((y, first, last))
        })
        .collect();
    let pick = match tense {
        Tense::Past => cands.iter().filter(|c| c.1 <= pubd).max_by_key(|c| c.1),
        Tense::Future => cands.iter().filter(|c| c.2 >= pubd).min_by_key(|c| c.1),
        Tense::Unknown => cands.iter().min_by_key(|c| {
            if c.1 <= pubd && pubd <= c.2 {
                0
            } else {
                (c.1 - pubd)
                    .num_days()
                    .abs()
                    .min((c.2 - pubd).num_days().abs())
            }
        }),
    };
    pick.map(|c| c.0)
}

const FUTURE_WORDS: &[&str] = &[
    "will",
    "shall",
    "would",
    "'ll",
    "due",
    "scheduled",
    "expected",
    "set",
    "plans",
    "plan",
    "planned",
    "planning",
    "going",
    "upcoming",
    "coming",
    "intends",
    "aims",
    "hopes",
];

const PAST_WORDS: &[&str] = &[
    "said", "says", "told", "was", "were", "had", "has", "have", "did", "met", "took", "held",
    "made", "came", "went", "began", "left", "gave", "spoke", "sent", "won", "lost", "fell",
    "rose",
];

fn classify_word(w: &str) -> Tense {
    let w = w
        .trim_matches(|c: char| !c.is_alphanumeric() && c != '\'')
        .to_ascii_lowercase();
    let w = w.replace('’', "'");
    if FUTURE_WORDS.contains(&w.as_str()) || w.ends_with("'ll") {
        Tense::Future
    } else if PAST_WORDS.contains(&w.as_str()) || (w.len() > 4 && w.ends_with("ed")) {
        Tense::Past
    } else {
        Tense::Unknown
    }
}

fn is_auxiliary(w: &str) -> bool {
    matches!(
        w.to_ascii_lowercase().as_str(),
        "be" | "been"
            | "being"
            | "is"
            | "are"
            | "was"
            | "were"
            | "has"
            | "have"
            | "had"
            | "get"
            | "gets"
            | "got"
    )
}

/// The tense of the clause a time expression at `at` belongs to: the nearest
/// tense marker before it in the clause, or, failing that, just after it.
fn clause_tense(text: &str, at: usize, end: usize) -> Tense {
    // Relative clauses before the expression are not its clause.
    let mut kept = String::with_capacity(at);
    let mut from = 0;
    for r in relative_clauses(text, Span::new(0, text.len())) {
        if r.end <= at {
            kept.push_str(&text[from..r.start.saturating_sub(2).max(from)]);
            from = (r.end + 1).min(at);
        }
    }
    kept.push_str(&text[from..at]);
    let before = kept.as_str();
    let clause_start = before
        .char_indices()
        .rev()
        .find(|(_, c)| matches!(c, ';' | ':' | '“' | '"'))
        .map(|(i, c)| i + c.len_utf8())
        .unwrap_or(0);
    let words: Vec<&str> = before[clause_start..].split_whitespace().collect();
    for (i, w) in words.iter().enumerate().rev().take(12) {
        let mut t = classify_word(w);
        if t == Tense::Past && w.ends_with("ed") && i > 0 && is_auxiliary(words[i - 1]) {
            // A participle after an auxiliary: the auxiliary decides ("will be unveiled").
            t = Tense::Unknown;
        }
        if t != Tense::Unknown {
            return t;
        }
        if w.ends_with(',') {
            // A comma closes an earlier clause: "On Monday, he said ..." is handled below.
            break;
        }
    }
    let after = &text[end.min(text.len())..];
    let stop = after.find([';', '.']).unwrap_or(after.len());
    for w in after[..stop].split_whitespace().take(8) {
        let t = classify_word(w);
        if t != Tense::Unknown {
            return t;
        }
    }
    Tense::Unknown
}

fn weekday_date(pubd: NaiveDate, wd: Weekday, rel: &str, tense: Tense) -> NaiveDate {
    let pd = pubd.weekday().num_days_from_monday() as i64;
    let wdn = wd.num_days_from_monday() as i64;
    let back = (pd - wdn).rem_euclid(7);
    let fwd = (wdn - pd).rem_euclid(7);
    match rel {
        "last" => pubd - Duration::days(if back == 0 { 7 } else { back }),
        "next" | "coming" => pubd + Duration::days(if fwd == 0 { 7 } else { fwd }),
        "this" => {
            if tense == Tense::Past {
                pubd - Duration::days(back)
            } else {
                pubd + Duration::days(fwd)
            }
        }
        _ => {
            if tense == Tense::Future {
                pubd + Duration::days(fwd)
            } else {
                pubd - Duration::days(back)
            }
        }
    }
}

fn shift_months(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    if n >= 0 {
        d.checked_add_months(Months::new(n as u32))
    } else {
        d.checked_sub_months(Months::new((-n) as u32))
    }
}

fn unit_offset(base: NaiveDate, n: i64, unit: &str) -> Option<Resolved> {
    Some(match unit {
        "day" => day(base.checked_add_signed(Duration::days(n))?),
        "week" => day(base.checked_add_signed(Duration::days(7 * n))?),
        "month" => {
            let d = shift_months(base, n)?;
            month(d.year(), d.month())
        }
        _ => year(base.year() + n as i32),
    })
}

fn week_of(d: NaiveDate) -> Resolved {
    let monday = d - Duration::days(d.weekday().num_days_from_monday() as i64);
    let iso = d.iso_week();
    interval(
        monday,
        monday + Duration::days(6),
        format!("{:04}-W{:02}", iso.year(), iso.week()),
    )
}

fn weekend_of(d: NaiveDate) -> Resolved {
    let sat = d + Duration::days((5 - d.weekday().num_days_from_monday() as i64).rem_euclid(7));
    let iso = sat.iso_week();
    interval(
        sat,
        sat + Duration::days(1),
        format!("{:04}-W{:02}-WE", iso.year(), iso.week()),
    )
}

/// Resolves a period expression ("early next month", "by the end of the year").
fn period(
    pubd: NaiveDate,
    modifier: &str,
    det: &str,
    unit: &str,
    tense: Tense,
) -> Option<Resolved> {
    let det = det.split_whitespace().last().unwrap_or(det);
    let step: i64 = match det {
        "last" | "past" | "previous" => -1,
        "next" | "coming" => 1,
        _ => 0,
    };
    let modifier = modifier.split_whitespace().collect::<Vec<_>>();
    let part = modifier
        .iter()
        .find(|w| {
            matches!(
                **w,
                "early"
                    | "earlier"
                    | "late"
                    | "later"
                    | "mid"
                    | "end"
                    | "beginning"
                    | "start"
                    | "middle"
            )
        })
        .copied()
        .unwrap_or("");
    Some(match unit {
        "week" => week_of(pubd.checked_add_signed(Duration::days(7 * step))?),
        "weekend" => {
            let base = match (step, tense) {
                (-1, _) | (0, Tense::Past) => pubd - Duration::days(7),
                (1, _) => pubd + Duration::days(7),
                _ => pubd,
            };
            if step == -1 || (step == 0 && tense == Tense::Past) {
                // the weekend before publication
                let back = (pubd.weekday().num_days_from_monday() as i64 + 1).rem_euclid(7);
                let sun = pubd - Duration::days(if back == 0 { 7 } else { back });
                let sat = sun - Duration::days(1);
                let iso = sat.iso_week();
                interval(sat, sun, format!("{:04}-W{:02}-WE", iso.year(), iso.week()))
            } else {
                weekend_of(base)
            }
        }
        "month" => {
            let d = shift_months(pubd.with_day(1)?, step)?;
            let r = month(d.year(), d.month());
            match part {
                "earlier" => (r.0, Some(pubd), r.2, r.3),
                "later" => (Some(pubd), r.1, r.2, r.3),
                "" => r,
                p => month_part(r, p),
            }
        }
        _ => {
            let y = pubd.year() + step as i32;
            match part {
                "end" | "late" => {
                    let r = month(y, 12);
                    if part == "late" {
                        (
                            NaiveDate::from_ymd_opt(y, 9, 1),
                            r.1,
                            Precision::Year,
                            Some(format!("{y:04}")),
                        )
                    } else {
                        r
                    }
                }
                "early" | "beginning" | "start" => (
                    NaiveDate::from_ymd_opt(y, 1, 1),
                    NaiveDate::from_ymd_opt(y, 4, 30),
                    Precision::Year,
                    Some(format!("{y:04}")),
                ),
                "earlier" => (
                    NaiveDate::from_ymd_opt(y, 1, 1),
                    Some(pubd),
                    Precision::Year,
                    Some(format!("{y:04}")),
                ),
                "later" => (
                    Some(pubd),
                    NaiveDate::from_ymd_opt(y, 12, 31),
                    Precision::Year,
                    Some(format!("{y:04}")),
                ),
                _ => year(y),
            }
        }
    })
}

/// Finds and resolves the time expressions in `text`. `published` anchors
/// relative expressions; `anchor` (the last date mentioned before `text`)
/// anchors "two months later". Spans are relative to `text`.
pub fn find_timexes(
    text: &str,
    published: Option<NaiveDate>,
    anchor: Option<NaiveDate>,
) -> Vec<FoundTimex> {
    let p = patterns();
    let mut out: Vec<FoundTimex> = Vec::new();
    let push = |out: &mut Vec<FoundTimex>, s: usize, e: usize, r: Resolved| {
        if out.iter().any(|t| t.span.start < e && s < t.span.end) {
            return;
        }
        out.push(FoundTimex {
            span: Span::new(s, e),
            start: r.0,
            end: r.1,
            precision: r.2,
            value: r.3,
        });
    };
    let num = |s: &str| s.parse::<u32>().ok();
    // Explicit ISO dates.
    for c in p.iso.captures_iter(text) {
        let m = c.get(0).map(|m| (m.start(), m.end())).unwrap_or_default();
        let r = match (c[1].parse::<i32>(), num(&c[2]), num(&c[3])) {
            (Ok(y), Some(mo), Some(d)) => NaiveDate::from_ymd_opt(y, mo, d)
                .map(day)
                .unwrap_or(unresolved(Precision::Day)),
            _ => unresolved(Precision::Day),
        };
        push(&mut out, m.0, m.1, r);
    }
    // Month day[, year] and ranges "March 3-5".
    for c in p.mdy.captures_iter(text) {
        let whole = c.get(0).map(|m| (m.start(), m.end())).unwrap_or_default();
        let Some(m1) = month_number(&c[1]) else {
            continue;
        };
        let Some(d1) = num(&c[2]) else { continue };
        let tense = clause_tense(text, whole.0, whole.1);
        let y = match c.get(5).and_then(|y| y.as_str().parse::<i32>().ok()) {
            Some(y) => Some(y),
            None => published.and_then(|pd| place_year(pd, m1, Some(d1), tense)),
        };
        let m2 = c
            .get(3)
            .and_then(|m| month_number(m.as_str()))
            .unwrap_or(m1);
        let d2 = c.get(4).and_then(|d| num(d.as_str()));
        let r = match (y, d2) {
            (Some(y), None) => NaiveDate::from_ymd_opt(y, m1, d1)
                .map(day)
                .unwrap_or(unresolved(Precision::Day)),
            (Some(y), Some(d2)) => match (
                NaiveDate::from_ymd_opt(y, m1, d1),
                NaiveDate::from_ymd_opt(y, m2, d2),
            ) {
                (Some(a), Some(b)) if a <= b => interval(
                    a,
                    b,
                    format!("{}/{}", a.format("%Y-%m-%d"), b.format("%Y-%m-%d")),
                ),
                _ => unresolved(Precision::Interval),
            },
            (None, None) => unresolved(Precision::Day),
            (None, Some(_)) => unresolved(Precision::Interval),
        };
        push(&mut out, whole.0, whole.1, r);
    }
    // Day Month [Year] ("16 October 2014", "3-5 March").
    for c in p.dmy.captures_iter(text) {
        let whole = c.get(0).map(|m| (m.start(), m.end())).unwrap_or_default();
        let (Some(d1), Some(m1)) = (num(&c[1]), month_number(&c[3])) else {
            continue;
        };
        let tense = clause_tense(text, whole.0, whole.1);
        let y = match c.get(4).and_then(|y| y.as_str().parse::<i32>().ok()) {
            Some(y) => Some(y),
            None => published.and_then(|pd| place_year(pd, m1, Some(d1), tense)),
        };
        let d2 = c.get(2).and_then(|d| num(d.as_str()));
        let r = match (y, d2) {
            (Some(y), None) => NaiveDate::from_ymd_opt(y, m1, d1)
                .map(day)
                .unwrap_or(unresolved(Precision::Day)),
            (Some(y), Some(d2)) => match (
                NaiveDate::from_ymd_opt(y, m1, d1),
                NaiveDate::from_ymd_opt(y, m1, d2),
            ) {
                (Some(a), Some(b)) if a <= b => interval(
                    a,
                    b,
                    format!("{}/{}", a.format("%Y-%m-%d"), b.format("%Y-%m-%d")),
                ),
                _ => unresolved(Precision::Interval),
            },
            _ => unresolved(Precision::Day),
        };
        push(&mut out, whole.0, whole.1, r);
    }
    // Year ranges and decades.
    for c in p.year_range.captures_iter(text) {
        let whole = c.get(0).map(|m| (m.start(), m.end())).unwrap_or_default();
        if let (Ok(a), Ok(b)) = (c[1].parse::<i32>(), c[2].parse::<i32>()) {
            if a < b {
                let r = match (
                    NaiveDate::from_ymd_opt(a, 1, 1),
                    NaiveDate::from_ymd_opt(b, 12, 31),
                ) {
                    (Some(s), Some(e)) => interval(s, e, format!("{a:04}/{b:04}")),
                    _ => unresolved(Precision::Interval),
                };
                push(&mut out, whole.0, whole.1, r);
            }
        }
    }
    for c in p.decade.captures_iter(text) {
        let whole = c.get(0).map(|m| (m.start(), m.end())).unwrap_or_default();
        if let Ok(a) = c[1].parse::<i32>() {
            let r = match (
                NaiveDate::from_ymd_opt(a, 1, 1),
                NaiveDate::from_ymd_opt(a + 9, 12, 31),
            ) {
                (Some(s), Some(e)) => interval(s, e, format!("{a:04}/{:04}", a + 9)),
                _ => unresolved(Precision::Interval),
            };
            push(&mut out, whole.0, whole.1, r);
        }
    }
    // Months, with or without a year.
    for c in p.month_year.captures_iter(text) {
        let whole = c.get(0).map(|m| (m.start(), m.end())).unwrap_or_default();
        let word = &c[2];
        let Some(m) = month_number(word) else {
            continue;
        };
        let lead = c
            .get(1)
            .map(|m| m.as_str().to_ascii_lowercase())
            .unwrap_or_default();
        let yr = c.get(3).and_then(|y| y.as_str().parse::<i32>().ok());
        // A bare capitalised month needs a preposition or a year, and "May"
        // or abbreviations need one too: "may" is mostly a verb.
        if lead.is_empty() && yr.is_none() {
            continue;
        }
        let tense = match lead.as_str() {
            "last" | "since" => Tense::Past,
            "next" | "until" => Tense::Future,
            _ => clause_tense(text, whole.0, whole.1),
        };
        let y = yr.or_else(|| {
            published.and_then(|pd| match lead.as_str() {
                "last" => Some(if m < pd.month() {
                    pd.year()
                } else {
                    pd.year() - 1
                }),
                "next" => Some(if m > pd.month() {
                    pd.year()
                } else {
                    pd.year() + 1
                }),
                "this" => Some(pd.year()),
                _ => place_year(pd, m, None, tense),
            })
        });
        let r = match y {
            Some(y) => month(y, m),
            None => unresolved(Precision::Month),
        };
        let part = lead.split_whitespace().find(|w| {
            matches!(
                *w,
                "early" | "mid" | "late" | "end" | "beginning" | "start" | "middle"
            )
        });
        let r = match part {
            Some(p) => month_part(r, p),
            None => r,
        };
        // Keep only the expression itself, not a plain preposition before it.
        let s = match lead.as_str() {
            "in" | "since" | "by" | "until" | "from" | "through" | "during" | "before"
            | "after" | "of" => c.get(2).map(|m| m.start()).unwrap_or(whole.0),
            _ => whole.0,
        };
        push(&mut out, s, whole.1, r);
    }
    // Years.
    for c in p.year.captures_iter(text) {
        let Some(g) = c.get(2) else { continue };
        let lead = c
            .get(1)
            .map(|m| m.as_str().to_ascii_lowercase())
            .unwrap_or_default();
        let Ok(y) = g.as_str().parse::<i32>() else {
            continue;
        };
        let s = if matches!(lead.as_str(), "early" | "late" | "mid") {
            c.get(1).map(|m| m.start()).unwrap_or(g.start())
        } else {
            g.start()
        };
        push(&mut out, s, g.end(), year(y));
    }
    // Days relative to publication.
    for c in p.rel_day.captures_iter(text) {
        let whole = c.get(0).map(|m| (m.start(), m.end())).unwrap_or_default();
        let w = c[1].to_ascii_lowercase();
        let w = w.split_whitespace().collect::<Vec<_>>().join(" ");
        let delta = match w.as_str() {
            "the day before yesterday" => -2,
            "yesterday" | "last night" => -1,
            "tomorrow" => 1,
            "the day after tomorrow" => 2,
            _ => 0,
        };
        let r = match published.and_then(|pd| pd.checked_add_signed(Duration::days(delta))) {
            Some(d) => day(d),
            None => unresolved(Precision::Day),
        };
        push(&mut out, whole.0, whole.1, r);
    }
    // Weekdays.
    for c in p.weekday.captures_iter(text) {
        let whole = c.get(0).map(|m| (m.start(), m.end())).unwrap_or_default();
        let Some(wd) = weekday_of(&c[4]) else {
            continue;
        };
        let rel = c
            .get(3)
            .or(c.get(2))
            .map(|m| m.as_str().to_ascii_lowercase())
            .unwrap_or_default();
        let tense = match rel.as_str() {
            "until" | "by" => Tense::Future,
            "since" => Tense::Past,
            _ => clause_tense(text, whole.0, whole.1),
        };
        let r = match published {
            Some(pd) => day(weekday_date(pd, wd, &rel, tense)),
            None => unresolved(Precision::Day),
        };
        let s = match c.get(1) {
            Some(m) => m.start(),
            None => match rel.as_str() {
                "last" | "next" | "this" | "coming" => {
                    c.get(3).or(c.get(2)).map(|m| m.start()).unwrap_or(whole.0)
                }
                _ => c.get(4).map(|m| m.start()).unwrap_or(whole.0),
            },
        };
        push(&mut out, s, whole.1, r);
    }
    // Periods: this/last/next week/month/year.
    for c in p.period.captures_iter(text) {
        let whole = c.get(0).map(|m| (m.start(), m.end())).unwrap_or_default();
        let modifier = c
            .get(1)
            .map(|m| m.as_str().to_ascii_lowercase())
            .unwrap_or_default();
        let det = c[2].to_ascii_lowercase();
        let unit = c[3].to_ascii_lowercase();
        // "the year" alone is only a date with a modifier ("the end of the year").
        if det == "the" && modifier.is_empty() {
            continue;
        }
        let tense = clause_tense(text, whole.0, whole.1);
        let r = published
            .and_then(|pd| period(pd, &modifier, &det, &unit, tense))
            .unwrap_or(unresolved(if unit == "year" {
                Precision::Year
            } else if unit == "month" {
                Precision::Month
            } else {
                Precision::Interval
            }));
        let s = if modifier.starts_with("by ") {
            whole.0 + 3
        } else {
            whole.0
        };
        push(&mut out, s, whole.1, r);
    }
    // Offsets: "two days ago", "two months later".
    for c in p.offset.captures_iter(text) {
        let whole = c.get(0).map(|m| (m.start(), m.end())).unwrap_or_default();
        let Some(n) = number_word(&c[1]) else {
            continue;
        };
        let unit = c[2].to_ascii_lowercase();
        let dir = c[3].to_ascii_lowercase();
        let (base, sign) = match dir.as_str() {
            "ago" => (published, -1),
            "earlier" => (anchor, -1),
            _ => (anchor, 1),
        };
        let r = base
            .and_then(|b| unit_offset(b, sign * n, &unit))
            .unwrap_or(unresolved(match unit.as_str() {
                "month" => Precision::Month,
                "year" => Precision::Year,
                _ => Precision::Day,
            }));
        push(&mut out, whole.0, whole.1, r);
    }
    out.sort_by_key(|t| t.span.start);
    out
}

/// Resolves dates: reads `sentences`, `meta.published`, `quotes`, `events`;
/// fills `timexes`, `events[].date` (see the module docs for the rule) and,
/// through [`crate::places::locate_events`], `events[].location`.
pub fn resolve(doc: &mut Doc) {
    let published = doc.meta.published;
    let mut anchor: Option<NaiveDate> = None;
    let mut timexes = Vec::new();
    for (si, s) in doc.sentences.iter().enumerate() {
        let text = &doc.text[s.span.start..s.span.end];
        for t in find_timexes(text, published, anchor) {
            if t.precision == Precision::Day || t.precision == Precision::Month {
                if let Some(a) = t.start {
                    // Only explicit dates anchor "later": relative ones are already anchored.
                    let explicit = text[t.span.start..t.span.end]
                        .chars()
                        .any(|c| c.is_ascii_digit());
                    if explicit {
                        anchor = Some(a);
                    }
                }
            }
            timexes.push(Timex {
                span: Span::new(s.span.start + t.span.start, s.span.start + t.span.end),
                sentence: si,
                start: t.start,
                end: t.end,
                precision: t.precision,
                value: t.value,
            });
        }
    }
    doc.timexes = timexes;
    let ix = Index::new(doc);
    let statement = statement_dates_with(doc, &ix);
    let mut dates = Vec::with_capacity(doc.events.len());
    for e in &doc.events {
        let stated = statement.get(e.sentence).cloned().flatten();
        // An announced act is dated by its announcement ("Lavrov said on
        // Monday Russia will halt … by early next month": Monday).
        let announced = matches!(e.status, EventStatus::Intended | EventStatus::Proposed)
            .then(|| stated.clone())
            .flatten();
        let d = e
            .date
            .clone()
            .or(announced)
            .or_else(|| nearest_date(doc, e.sentence, e.trigger, ix.timexes_in(doc, e.sentence)))
            .or(stated);
        dates.push(d);
    }
    for (e, d) in doc.events.iter_mut().zip(dates) {
        e.date = d;
    }
    // Where: the place the event's sentence names (the dates set above change
    // no layer the index covers).
    crate::places::locate_events_with(doc, &ix);
}

/// The value of the time expression in sentence `sentence` nearest `at`,
/// preferring one in the same clause (no comma, semicolon or quotation mark
/// in between).
pub fn date_near(doc: &Doc, sentence: usize, at: Span) -> Option<String> {
    nearest_date(
        doc,
        sentence,
        at,
        doc.timexes.iter().filter(|t| t.sentence == sentence),
    )
}

/// [`date_near`] among `timexes`, the time expressions of sentence `sentence`
/// in layer order.
fn nearest_date<'d>(
    doc: &'d Doc,
    sentence: usize,
    at: Span,
    timexes: impl Iterator<Item = &'d Timex>,
) -> Option<String> {
    let rel = doc
        .sentences
        .get(sentence)
        .map(|s| relative_clauses(&doc.text, s.span))
        .unwrap_or_default();
    timexes
        .filter(|t| t.sentence == sentence && t.value.is_some())
        // not inside a relative clause the trigger is outside of
        .filter(|t| !rel.iter().any(|r| r.contains(t.span) && !r.contains(at)))
        .filter(|t| can_date(doc, at, t))
        .min_by_key(|t| {
            let (a, b) = if t.span.end <= at.start {
                (t.span.end, at.start)
            } else {
                (at.end.min(t.span.start), t.span.start)
            };
            let between = doc.text.get(a..b).unwrap_or("");
            let breaks = between
                .chars()
                .filter(|c| matches!(c, ',' | ';' | '“' | '”' | '"' | '('))
                .count();
            (breaks, b.saturating_sub(a))
        })
        .and_then(|t| t.value.clone())
}

/// Words that start a new verb group after a coordinating conjunction
/// ("… and will suspend", "… but has not", "… and then").
fn starts_verb_group(w: &str, time_first: bool) -> bool {
    let aux = matches!(
        w,
        "will"
            | "would"
            | "shall"
            | "should"
            | "could"
            | "can"
            | "may"
            | "might"
            | "must"
            | "is"
            | "are"
            | "was"
            | "were"
            | "has"
            | "have"
            | "had"
            | "plans"
            | "intends"
    );
    // A bare past verb ("… last month and expelled") opens a new clause for
    // a time before it; a time after two coordinated past verbs ("recalled
    // its envoy and expelled two diplomats on Monday") dates both.
    aux || time_first
        && (matches!(w, "then" | "also" | "later") || w.len() > 4 && w.ends_with("ed"))
}

/// Irregular past forms of verbs that name diplomatic and political acts.
const IRREGULAR_PAST: &[&str] = &[
    "withdrew", "broke", "cut", "shut", "left", "sent", "met", "held", "took", "made", "gave",
    "struck", "froze", "began", "sought", "told",
];

/// Whether the act whose trigger is at `at` is in a past or perfect verb
/// group ("has recalled", "expelled", "was closed"), not a future or
/// infinitive one ("will be closed", "to recall").
fn past_act(text: &str, sentence: Span, at: Span) -> bool {
    let head = text
        .get(at.start..at.end)
        .and_then(|t| t.split_whitespace().last())
        .unwrap_or("")
        .to_lowercase();
    let past = head.len() > 4 && head.ends_with("ed") || IRREGULAR_PAST.contains(&head.as_str());
    if !past {
        return false;
    }
    let before = text.get(sentence.start..at.start).unwrap_or("");
    !before
        .split_whitespace()
        .rev()
        .take(3)
        .take_while(|w| !w.ends_with([',', ';', ':']))
        .any(|w| {
            let w = w.to_lowercase();
            FUTURE_WORDS.contains(&w.as_str())
                || w.ends_with("'ll")
                || matches!(
                    w.as_str(),
                    "to" | "be"
                        | "being"
                        | "is"
                        | "are"
                        | "am"
                        | "can"
                        | "could"
                        | "may"
                        | "might"
                        | "must"
                        | "should"
                )
        })
}

/// Whether time expression `t` can date the act whose trigger is at `at`:
/// it belongs to the trigger's own clause (no coordinated verb group such as
/// "… and will suspend" between them), and a future time ("next week") does
/// not date a past or perfect act ("has recalled").
pub fn can_date(doc: &Doc, at: Span, t: &Timex) -> bool {
    let Some(sentence) = doc.sentences.get(t.sentence).map(|s| s.span) else {
        return false;
    };
    let (a, b) = if t.span.end <= at.start {
        (t.span.end, at.start)
    } else {
        (at.end.min(t.span.start), t.span.start)
    };
    // When the time comes first, the trigger itself may open the coordinated
    // verb group ("last month and expelled").
    let time_first = t.span.end <= at.start;
    let b = if time_first { at.end } else { b };
    let between: Vec<String> = doc
        .text
        .get(a..b)
        .unwrap_or("")
        .split_whitespace()
        .map(|w| w.to_lowercase())
        .collect();
    let coordinated = between.windows(2).any(|p| {
        let conj = p[0].trim_start_matches(',');
        matches!(conj, "and" | "but" | "or" | "while") && starts_verb_group(&p[1], time_first)
    }) || between
        .windows(2)
        .any(|p| p[0].ends_with(',') && matches!(p[1].as_str(), "and" | "but" | "while"));
    if coordinated {
        return false;
    }
    let future = match (doc.meta.published, t.start) {
        (Some(p), Some(s)) => s > p,
        _ => {
            let x = doc
                .text
                .get(t.span.start..t.span.end)
                .unwrap_or("")
                .to_lowercase();
            ["next", "tomorrow", "coming", "upcoming"]
                .iter()
                .any(|k| x.contains(k))
        }
    };
    !(future && past_act(&doc.text, sentence, at))
}

/// Relative clauses of a sentence: from ", which" / ", who" / ", where" to
/// the next comma or the end.
pub fn relative_clauses(text: &str, sentence: Span) -> Vec<Span> {
    let s = &text[sentence.start..sentence.end];
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(i) = s[from..].find(", wh") {
        let start = from + i + 2;
        let rest = &s[start..];
        if rest.starts_with("which ") || rest.starts_with("who ") || rest.starts_with("where ") {
            let end = rest.find([',', ';']).map(|e| start + e).unwrap_or(s.len());
            out.push(Span::new(sentence.start + start, sentence.start + end));
            from = end;
        } else {
            from = start;
        }
    }
    out
}

const SPEECH_CUES: &[&str] = &[
    "said",
    "says",
    "told",
    "announced",
    "reported",
    "stated",
    "added",
    "declared",
    "warned",
    "insisted",
    "confirmed",
    "denied",
    "according",
];

/// The date of the statement each sentence reports, when known: a time
/// expression next to the speech cue ("said on Monday", "on Monday said",
/// "reported late on Monday"), inherited by later statements of the same
/// speaker and by unattributed sentences that follow a dated statement.
pub fn statement_dates(doc: &Doc) -> Vec<Option<String>> {
    statement_dates_with(doc, &Index::new(doc))
}

/// [`statement_dates`] with the document's [`Index`].
pub fn statement_dates_with(doc: &Doc, ix: &Index) -> Vec<Option<String>> {
    let n = doc.sentences.len();
    let mut out: Vec<Option<String>> = vec![None; n];
    // The date each speaker was last given one.
    let mut by_speaker: HashMap<String, String> = HashMap::new();
    let mut last: Option<String> = None;
    for si in 0..n {
        let s = doc.sentences[si].span;
        let text = &doc.text[s.start..s.end];
        let cue = find_cue(text);
        let speaker = speaker_key(doc, ix, si, text, cue);
        let own = cue.and_then(|(cs, ce)| {
            ix.timexes_in(doc, si)
                .filter(|t| t.sentence == si && t.value.is_some())
                .filter(|t| {
                    let ts = t.span.start - s.start;
                    let te = t.span.end - s.start;
                    // right after the cue (within the reporting clause) or just before it
                    (ts >= ce && !text[ce..ts].contains(" that ") && ts - ce <= 80)
                        || (te <= cs && cs - te <= 25)
                })
                .filter(|t| {
                    let tense = clause_tense(text, t.span.start - s.start, t.span.end - s.start);
                    tense != Tense::Future
                })
                .map(|t| t.value.clone())
                .next()
                .flatten()
        });
        let date = match (&own, cue, &speaker) {
            (Some(d), _, _) => Some(d.clone()),
            (None, Some(_), Some(k)) => by_speaker.get(k).cloned(),
            (None, Some(_), None) => None,
            // No cue: a sentence continuing the statement before it.
            (None, None, _) => {
                if let Some(e) = quote_speaker(doc, ix, si) {
                    by_speaker.get(&format!("#{e}")).cloned()
                } else if text.contains('“') || text.contains('"') {
                    last.clone()
                } else if si > 0 && out[si - 1].is_some() && continues(text) {
                    out[si - 1].clone()
                } else {
                    None
                }
            }
        };
        if let (Some(d), Some(k)) = (&date, &speaker) {
            if own.is_some() {
                by_speaker.insert(k.clone(), d.clone());
            }
        }
        if cue.is_some() {
            last = date.clone();
        }
        out[si] = date;
    }
    out
}

/// A sentence that carries on a reported statement: an actor with a future
/// or modal verb and no speech cue of its own ("Russia will also close …").
fn continues(text: &str) -> bool {
    text.split_whitespace()
        .take(6)
        .any(|w| matches!(classify_word(w), Tense::Future))
}

fn find_cue(text: &str) -> Option<(usize, usize)> {
    let mut pos = 0;
    for w in text.split_inclusive(|c: char| c.is_whitespace()) {
        let t = w.trim_end();
        let core = t.trim_matches(|c: char| !c.is_alphanumeric());
        if SPEECH_CUES.contains(&core.to_ascii_lowercase().as_str()) {
            let off = t.find(core).unwrap_or(0);
            return Some((pos + off, pos + off + core.len()));
        }
        pos += w.len();
    }
    None
}

/// Who speaks in sentence `si`: the quotation stage's speaker entity, else the
/// capitalised word next to the cue ("Lavrov said", "said … Sergey Lavrov").
fn speaker_key(
    doc: &Doc,
    ix: &Index,
    si: usize,
    text: &str,
    cue: Option<(usize, usize)>,
) -> Option<String> {
    if let Some(e) = quote_speaker(doc, ix, si) {
        return Some(format!("#{e}"));
    }
    let (cs, ce) = cue?;
    // A mention next to the cue: just before it, or in the few words after it.
    let s = doc.sentences[si].span.start;
    let near = ix
        .mentions_in(doc, si)
        .filter(|m| m.sentence == si && m.span.start >= s && m.span.end <= s + text.len())
        .filter(|m| {
            doc.entities
                .get(m.entity)
                .is_some_and(|e| e.kind == crate::doc::EntityKind::Person)
        })
        .filter(|m| {
            let (a, b) = (
                m.span.start - s.min(m.span.start),
                m.span.end - s.min(m.span.end),
            );
            (b <= cs && cs - b <= 3 && !text[b..cs].contains(','))
                || (a >= ce && a - ce <= 50 && !text[ce..a].contains([',', '“', '"']))
        })
        .min_by_key(|m| {
            let a = m.span.start - s.min(m.span.start);
            if a < cs {
                0
            } else {
                a - ce
            }
        });
    if let Some(m) = near {
        return Some(format!("#{}", m.entity));
    }
    let before = text[..cs].split_whitespace().last();
    let cap = |w: &str| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        w.chars().next().is_some_and(|c| c.is_uppercase()) && w.len() > 1
    };
    if let Some(w) = before.filter(|w| cap(w) && !w.ends_with([',', '”', '"'])) {
        return Some(w.trim_matches(|c: char| !c.is_alphanumeric()).to_string());
    }
    // "said Russian Foreign Minister Sergey Lavrov on Monday": the last word
    // of the capitalised run after the cue.
    let mut lastcap = None;
    for w in text[ce..].split_whitespace().take(8) {
        if cap(w) {
            lastcap = Some(w.trim_matches(|c: char| !c.is_alphanumeric()).to_string());
            if w.ends_with(',') {
                break;
            }
        } else if lastcap.is_some() {
            break;
        }
    }
    lastcap
}

fn quote_speaker(doc: &Doc, ix: &Index, si: usize) -> Option<usize> {
    ix.quotes_in(doc, si)
        .filter(|q| q.sentences.contains(&si))
        .find(|q| q.kind == QuoteKind::Indirect || q.kind == QuoteKind::Direct)
        .and_then(|q| q.speaker.entity)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("test date")
    }

    /// (text, published, expected [(matched text, value)]).
    fn check(text: &str, published: Option<&str>, anchor: Option<&str>, want: &[(&str, &str)]) {
        let got = find_timexes(text, published.map(d), anchor.map(d));
        let got: Vec<(String, String)> = got
            .iter()
            .map(|t| {
                (
                    text[t.span.start..t.span.end].to_string(),
                    t.value.clone().unwrap_or_else(|| "null".into()),
                )
            })
            .collect();
        let want: Vec<(String, String)> = want
            .iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect();
        assert_eq!(got, want, "for {text:?}");
    }

    macro_rules! cases {
        ($($name:ident: $text:expr, $pubd:expr => [$(($m:expr, $v:expr)),*];)*) => {
            $(#[test] fn $name() { check($text, $pubd, None, &[$(($m, $v)),*]); })*
        };
    }

    const P: Option<&str> = Some("2021-10-20"); // a Wednesday

    cases! {
        weekday_past: "Lavrov said on Monday that talks were over.", P => [("Monday", "2021-10-18")];
        weekday_late: "Tass reported late on Monday that nothing had arrived.", P => [("late on Monday", "2021-10-18")];
        weekday_future: "The ministers will meet on Friday in Geneva.", P => [("Friday", "2021-10-22")];
        weekday_same_day_past: "The vote took place on Wednesday.", P => [("Wednesday", "2021-10-20")];
        weekday_same_day_future: "The deal will be unveiled on Wednesday.", P => [("Wednesday", "2021-10-20")];
        weekday_last: "The envoy arrived last Friday.", P => [("last Friday", "2021-10-15")];
        weekday_next: "Talks resume next Monday.", P => [("next Monday", "2021-10-25")];
        weekday_next_same: "The summit opens next Wednesday.", P => [("next Wednesday", "2021-10-27")];
        weekday_morning: "Protesters gathered on Sunday morning outside the embassy.", P => [("Sunday morning", "2021-10-17")];
        weekday_would: "The official said he would travel to Havana on Thursday.", P => [("Thursday", "2021-10-21")];
        weekday_sentence_initial: "On Tuesday, the embassy was closed.", P => [("Tuesday", "2021-10-19")];
        weekday_plans: "Seoul plans to reopen its consulate on Saturday.", P => [("Saturday", "2021-10-23")];
        weekday_possessive: "Monday's decision surprised diplomats.", P => [("Monday", "2021-10-18")];
        weekday_unresolved: "Lavrov said on Monday that talks were over.", None => [("Monday", "null")];
        today: "The ministry said today that it regrets the move.", P => [("today", "2021-10-20")];
        yesterday: "The ambassador was summoned yesterday.", P => [("yesterday", "2021-10-19")];
        tomorrow: "We will formally announce tomorrow that ties are restored.", P => [("tomorrow", "2021-10-21")];
        last_night: "A missile struck the city last night.", P => [("last night", "2021-10-19")];
        day_before_yesterday: "He left the day before yesterday.", P => [("the day before yesterday", "2021-10-18")];
        this_month: "NATO stripped eight members of their accreditation this month.", P => [("this month", "2021-10")];
        last_month: "The consulate closed last month.", P => [("last month", "2021-09")];
        next_month: "The embassy will reopen next month.", P => [("next month", "2021-11")];
        early_next_month: "Russia will halt its office by early next month.", P => [("early next month", "2021-11")];
        late_last_month: "Talks collapsed late last month.", P => [("late last month", "2021-09")];
        earlier_this_month: "The envoy was recalled earlier this month.", P => [("earlier this month", "2021-10")];
        this_week: "The delegation arrives this week.", P => [("this week", "2021-W42")];
        last_week: "Two diplomats were expelled last week.", P => [("last week", "2021-W41")];
        next_week: "Talks continue next week.", P => [("next week", "2021-W43")];
        this_year: "Trade fell sharply this year.", P => [("this year", "2021")];
        last_year: "The mission was opened last year.", P => [("last year", "2020")];
        next_year: "Elections are due next year.", P => [("next year", "2022")];
        end_of_year: "Troops will leave by the end of the year.", P => [("the end of the year", "2021-12")];
        later_this_year: "A summit is expected later this year.", P => [("later this year", "2021")];
        earlier_this_year: "Sanctions were imposed earlier this year.", P => [("earlier this year", "2021")];
        past_week: "Fighting intensified over the past week.", P => [("the past week", "2021-W41")];
        in_year: "The liaison mission was established in 2002.", P => [("2002", "2002")];
        since_year: "Relations have been frozen since 2014.", P => [("2014", "2014")];
        the_year_adj: "The 2014 blast killed two people.", P => [("2014", "2014")];
        early_year: "The treaty lapsed in early 2019.", P => [("early 2019", "2019")];
        in_month_past: "The leaders met in Panama in April.", Some("2015-07-01") => [("April", "2015-04")];
        in_month_future: "The envoy will visit in December.", P => [("December", "2021-12")];
        in_month_future_wrap: "The talks will resume in February.", P => [("February", "2022-02")];
        in_month_past_wrap: "He was arrested in November.", P => [("November", "2020-11")];
        month_year: "The embassy closed in March 2020.", P => [("March 2020", "2020-03")];
        early_month: "The vote is set for early December.", P => [("early December", "2021-12")];
        mid_month: "Fighting resumed in mid-August.", P => [("mid-August", "2021-08")];
        last_month_name: "The ministers met last April.", P => [("last April", "2021-04")];
        mdy_full: "The October 16, 2014, blast set off stored ammunition.", P => [("October 16, 2014", "2014-10-16")];
        dmy_full: "The blast of 16 October 2014 killed two people.", P => [("16 October 2014", "2014-10-16")];
        abbrev_no_year: "The statement was issued on Oct. 16.", P => [("Oct. 16", "2021-10-16")];
        iso: "The filing is dated 2021-10-18.", P => [("2021-10-18", "2021-10-18")];
        md_future_near: "Ministers prepare to meet on April 19 to discuss the blast.", Some("2021-04-18") => [("April 19", "2021-04-19")];
        md_past_wrap: "The attack occurred on December 30.", Some("2021-01-05") => [("December 30", "2020-12-30")];
        md_no_pub: "The summit opens on April 19.", None => [("April 19", "null")];
        md_ordinal: "Talks opened on March 3rd, 2020.", P => [("March 3rd, 2020", "2020-03-03")];
        md_range: "The forum runs from March 3 to 5, 2022.", P => [("from March 3 to 5, 2022", "2022-03-03/2022-03-05")];
        md_dash_range: "The summit is on June 10-12, 2022.", P => [("June 10-12, 2022", "2022-06-10/2022-06-12")];
        dmy_range: "Talks were held on 3-5 March 2020.", P => [("3-5 March 2020", "2020-03-03/2020-03-05")];
        year_range: "He served as envoy from 2014 to 2016.", P => [("from 2014 to 2016", "2014/2016")];
        year_between: "Ties were cut between 2001 and 2003.", P => [("between 2001 and 2003", "2001/2003")];
        decade: "The two states clashed in the 1990s.", P => [("the 1990s", "1990/1999")];
        ago_days: "The consulate was attacked two days ago.", P => [("two days ago", "2021-10-18")];
        ago_months: "Relations soured three months ago.", P => [("three months ago", "2021-07")];
        ago_years: "The embassy closed five years ago.", P => [("five years ago", "2016")];
        may_modal: "An envoy may still maintain urgent contact with the Russian side.", P => [];
        may_month: "The elections were held in May.", P => [("May", "2021-05")];
        march_verb_capital: "Veterans march on the capital.", P => [];
        two_dates: "Prague had on Saturday ordered out 18 diplomats, prompting Russia to vow on Sunday to respond.", Some("2021-04-18") => [("Saturday", "2021-04-17"), ("Sunday", "2021-04-18")];
        weekday_and_timeofday_unresolved: "The ministers spoke late on Friday.", None => [("late on Friday", "null")];
        no_dates: "Peru plans to end its trade talks with Chile.", P => [];
        number_not_year: "Police detained 2500 protesters.", P => [];
        this_weekend: "Protests are planned this weekend.", P => [("this weekend", "2021-W42-WE")];
        end_of_month: "The office shuts at the end of the month.", P => [("the end of the month", "2021-10")];
    }

    #[test]
    fn later_uses_anchor() {
        check(
            "Two months later, another blast occurred at the site.",
            P,
            Some("2014-10-16"),
            &[("Two months later", "2014-12")],
        );
        check(
            "A week later the embassy reopened.",
            P,
            Some("2021-03-01"),
            &[("A week later", "2021-03-08")],
        );
        check(
            "Two months later, it closed.",
            P,
            None,
            &[("Two months later", "null")],
        );
    }

    #[test]
    fn early_next_month_interval() {
        let t = find_timexes("by early next month", Some(d("2021-10-20")), None);
        assert_eq!(t.len(), 1);
        assert_eq!(t[0].start, Some(d("2021-11-01")));
        assert_eq!(t[0].end, Some(d("2021-11-10")));
        assert_eq!(t[0].precision, Precision::Month);
    }

    #[test]
    fn anchor_follows_document_in_resolve() {
        let text =
            "The October 16, 2014, blast killed two. Two months later, another blast occurred.";
        let mut doc = Doc {
            text: text.into(),
            ..Doc::default()
        };
        doc.meta.published = Some(d("2021-04-18"));
        doc.sentences.push(crate::doc::Sentence {
            span: Span::new(0, 39),
            paragraph: 0,
            tokens: Span::new(0, 0),
        });
        doc.sentences.push(crate::doc::Sentence {
            span: Span::new(40, text.len()),
            paragraph: 0,
            tokens: Span::new(0, 0),
        });
        resolve(&mut doc);
        let vals: Vec<_> = doc.timexes.iter().map(|t| t.value.clone()).collect();
        assert_eq!(
            vals,
            vec![Some("2014-10-16".into()), Some("2014-12".into())]
        );
    }
}
