//! The plain-text layout newspapers and aggregators use.
//!
//! At the top, in any order, up to eight lines of:
//! - a **section/date line**: parts separated by `|` ("World|politics|July 1,
//!   2015 / 01:35 PM"), or a short line that is a date ("Published: 19
//!   October 2021"): dates set the publication date when none was given,
//!   other parts are section labels;
//! - a **byline**: `By NAME`, `- By NAME in PLACE email`, `By NAME and NAME,
//!   Reuters`; names must be capitalised words, so a sentence such as "By the
//!   end of the week …" is not a byline;
//! - an **outlet line** and a **headline**: short lines without final
//!   sentence punctuation followed by a byline, a date line or the body. One
//!   such line is the headline; two are the outlet (if it looks like a name:
//!   at most five capitalised words) and the headline. A first line that reads
//!   like a sentence is body text, so an article without a header loses
//!   nothing.
//!
//! The body: blocks are separated by blank lines. Inside a block, line breaks
//! are wraps (joined with a space) when most lines of the document's blocks
//! end mid-sentence; otherwise every line is a paragraph of its own (text with
//! single-newline paragraphs), except that a line continuing in lower case is
//! joined to the previous one. A wire dateline opening the body ("MOSCOW
//! (Reuters) - ") sets the place and is removed.

use super::{ends_sentence, normalise_space, words, Block};
use crate::doc::Metadata;
use chrono::NaiveDate;
use std::borrow::Cow;

/// Extracts metadata into `meta` and returns the body's blocks.
pub(crate) fn extract(content: &str, meta: &mut Metadata) -> Vec<Block> {
    let content: Cow<str> = if content.contains('\r') {
        Cow::Owned(content.replace("\r\n", "\n").replace('\r', "\n"))
    } else {
        Cow::Borrowed(content)
    };
    let content = content.trim_start_matches('\u{FEFF}');
    let lines: Vec<&str> = content.split('\n').map(str::trim).collect();
    let body_start = parse_header(&lines, meta);
    let mut blocks = body_blocks(&lines[body_start..]);
    if let Some(first) = blocks.first_mut() {
        if let Some((place, rest)) = strip_dateline(&first.text) {
            if meta.place.is_none() {
                meta.place = Some(place);
            }
            first.text = rest;
        }
    }
    blocks
}

/// Reads the header lines into `meta`; returns the index of the first body line.
fn parse_header(lines: &[&str], meta: &mut Metadata) -> usize {
    let nb: Vec<usize> = (0..lines.len()).filter(|&i| !lines[i].is_empty()).collect();
    let given_headline = meta.headline.clone();
    let mut headline_done = false;
    let mut p = 0;
    let mut body = nb.first().copied().unwrap_or(lines.len());
    // Header lines are metadata only when something follows them.
    while p + 1 < nb.len() && p < 8 {
        let line = lines[nb[p]];
        let consumed = if let Some(b) = parse_byline(line).filter(|_| meta.byline.is_none()) {
            meta.byline = Some(b.text);
            meta.authors = b.authors;
            if meta.place.is_none() {
                meta.place = b.place;
            }
            if meta.email.is_none() {
                meta.email = b.email;
            }
            1
        } else if let Some((sections, date)) = parse_meta_line(line) {
            meta.sections.extend(sections);
            if meta.published.is_none() {
                meta.published = date;
            }
            1
        } else if same_text(Some(line), given_headline.as_deref())
            || same_text(Some(line), meta.outlet.as_deref())
        {
            1
        } else if headline_done || given_headline.is_some() {
            0
        } else {
            // A run of title-like lines followed by something else.
            let k = (p..nb.len().min(p + 3))
                .take_while(|&q| is_title_like(lines[nb[q]]))
                .count();
            // What follows must not continue the last line (a hard wrap).
            let follows = nb
                .get(p + k)
                .is_some_and(|&q| !lines[q].starts_with(|c: char| c.is_lowercase()));
            if (k == 1 || k == 2) && follows {
                headline_done = true;
                if k == 2 && meta.outlet.is_none() && is_outlet_like(line) {
                    meta.outlet = Some(normalise_space(line));
                    meta.headline = Some(normalise_space(lines[nb[p + 1]]));
                    2
                } else {
                    meta.headline = Some(normalise_space(line));
                    1
                }
            } else {
                0
            }
        };
        if consumed == 0 {
            break;
        }
        p += consumed;
        body = nb.get(p).copied().unwrap_or(lines.len());
    }
    body
}

fn same_text(a: Option<&str>, b: Option<&str>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => normalise_space(a).eq_ignore_ascii_case(&normalise_space(b)),
        _ => false,
    }
}

/// A headline or outlet candidate: short, no final sentence punctuation, not a
/// byline or date line.
fn is_title_like(line: &str) -> bool {
    let first = line.chars().next();
    words(line) <= 20
        && line.len() <= 200
        && !line.trim_end().ends_with(['.', ',', ';', ':'])
        && !line.ends_with(".”")
        && first.is_some_and(|c| c.is_uppercase() || c.is_numeric() || crate::segment::is_quote(c))
        && parse_byline(line).is_none()
        && parse_meta_line(line).is_none()
}

/// An outlet name: at most five words, each capitalised (or a connective), no
/// sentence punctuation.
fn is_outlet_like(line: &str) -> bool {
    let w: Vec<&str> = line.split_whitespace().collect();
    !w.is_empty()
        && w.len() <= 5
        && line.len() <= 40
        && !line.contains([',', ';', ':', '!', '?', '"', '“', '”', '‘', '’'])
        && w.iter().all(|x| {
            x.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_numeric())
                || matches!(
                    *x,
                    "of" | "the" | "and" | "de" | "la" | "le" | "al" | "for" | "&"
                )
        })
}

/// A parsed byline.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Byline {
    /// The byline as printed, without a leading dash or the e-mail address.
    pub text: String,
    /// The authors named.
    pub authors: Vec<String>,
    /// The place ("in Moscow").
    pub place: Option<String>,
    /// An e-mail address.
    pub email: Option<String>,
    /// A news agency or affiliation after the names ("Reuters").
    pub agency: Option<String>,
}

/// News agencies that follow author names in bylines ("By A and B, Reuters").
const AGENCIES: &[&str] = &[
    "Reuters",
    "AP",
    "Associated Press",
    "The Associated Press",
    "AFP",
    "Agence France-Presse",
    "Bloomberg",
    "Xinhua",
    "TASS",
    "Tass",
    "RIA Novosti",
    "Interfax",
    "dpa",
    "DPA",
    "UPI",
    "Kyodo",
    "Yonhap",
    "ANSA",
    "EFE",
    "PTI",
    "IANS",
    "Anadolu",
    "ANI",
];

/// Words that make a byline part an affiliation, not a name.
fn is_affiliation(part: &str) -> bool {
    let lower = part.to_lowercase();
    AGENCIES.contains(&part)
        || [
            "correspondent",
            "editor",
            "writer",
            "reporter",
            "staff",
            "bureau",
            "chief",
            "news",
            "agency",
            "contributor",
        ]
        .iter()
        .any(|w| lower.split_whitespace().any(|x| x.starts_with(w)))
}

fn is_name(s: &str) -> bool {
    let w: Vec<&str> = s.split_whitespace().collect();
    !w.is_empty()
        && w.len() <= 5
        && w.iter().all(|x| {
            let c = x.chars().next();
            (c.is_some_and(char::is_uppercase) && !x.chars().any(|c| c.is_numeric()))
                || matches!(
                    *x,
                    "de" | "van"
                        | "von"
                        | "bin"
                        | "al"
                        | "da"
                        | "di"
                        | "le"
                        | "la"
                        | "du"
                        | "del"
                        | "der"
                        | "ter"
                        | "ibn"
                        | "dos"
                )
        })
}

/// Parses a byline: `By NAME`, `- By NAME in PLACE email`, `By A and B, Reuters`.
pub fn parse_byline(line: &str) -> Option<Byline> {
    let s = line.trim_start_matches(['-', '–', '—', '•', '*', ' ', '\t']);
    let rest = s
        .strip_prefix("By ")
        .or_else(|| s.strip_prefix("BY "))
        .or_else(|| s.strip_prefix("by "))?;
    if words(rest) > 16 || rest.ends_with(['.', '!', '?']) && !rest.contains('@') {
        return None;
    }
    let mut email = None;
    let mut kept = Vec::new();
    for w in rest.split_whitespace() {
        let bare =
            w.trim_matches(|c: char| matches!(c, '<' | '>' | '(' | ')' | '[' | ']' | ',' | ';'));
        if email.is_none() && bare.contains('@') && bare.contains('.') {
            email = Some(bare.trim_end_matches('.').to_string());
        } else {
            kept.push(w);
        }
    }
    let rest = kept.join(" ");
    let rest = rest.trim().trim_end_matches([',', ';', '|', '-']).trim();
    let (names, agency_bar) = match rest.split_once('|') {
        Some((a, b)) => (a.trim(), Some(b.trim().to_string())),
        None => (rest, None),
    };
    // "NAME in PLACE": the last " in ".
    let (names, place) = match names.rfind(" in ") {
        Some(i) if is_name(&names[i + 4..]) => {
            (&names[..i], Some(names[i + 4..].trim().to_string()))
        }
        _ => (names, None),
    };
    let mut authors = Vec::new();
    let mut agency = agency_bar;
    for (pi, part) in names
        .split(',')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .enumerate()
    {
        if pi > 0 && is_affiliation(part) {
            agency.get_or_insert_with(|| part.to_string());
            continue;
        }
        for name in part
            .split(" and ")
            .flat_map(|x| x.split(" & "))
            .map(str::trim)
        {
            let name = name.strip_prefix("and ").unwrap_or(name).trim();
            if name.is_empty() {
                continue;
            }
            if !is_name(name) {
                return None;
            }
            authors.push(name.to_string());
        }
    }
    if authors.is_empty() {
        return None;
    }
    let text = normalise_space(&format!(
        "{} {}",
        &s[..2],
        s[3..]
            .split_whitespace()
            .filter(|w| !w.contains('@'))
            .collect::<Vec<_>>()
            .join(" ")
    ));
    Some(Byline {
        text,
        authors,
        place,
        email,
        agency,
    })
}

/// A section/date line: `World|politics|July 1, 2015 / 01:35 PM`, or a
/// short line that is a date. Returns the section labels and the date.
pub(crate) fn parse_meta_line(line: &str) -> Option<(Vec<String>, Option<NaiveDate>)> {
    if line.contains('|') {
        let parts: Vec<&str> = line
            .split('|')
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .collect();
        if parts.len() < 2 || parts.iter().any(|p| words(p) > 6 || p.ends_with('.')) {
            return None;
        }
        let mut sections = Vec::new();
        let mut date = None;
        for p in parts {
            match parse_date_loose(p) {
                Some(d) if date.is_none() => date = Some(d),
                Some(_) => {}
                None => sections.push(p.to_string()),
            }
        }
        return Some((sections, date));
    }
    if words(line) > 10 || line.len() > 60 || line.ends_with('.') {
        return None;
    }
    let date = parse_date_loose(line)?;
    let other = line
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| w.len() > 2 && month_number(w).is_none())
        .count();
    (other <= 3).then(|| (Vec::new(), Some(date)))
}

use crate::calendar::month_number;

/// Parses a date written in any common way: ISO (`2021-10-19`, RFC 3339),
/// `July 1, 2015`, `1 July 2015`, `Oct. 19 2021`, with other words around.
pub fn parse_date_loose(s: &str) -> Option<NaiveDate> {
    if let Some(d) = crate::input::parse_published(s.trim()) {
        return Some(d);
    }
    // ISO date inside the line.
    let b = s.as_bytes();
    for i in 0..b.len().saturating_sub(9) {
        if b[i].is_ascii_digit() && (i == 0 || !b[i - 1].is_ascii_digit()) {
            if let Some(d) = s
                .get(i..i + 10)
                .and_then(|x| NaiveDate::parse_from_str(x, "%Y-%m-%d").ok())
            {
                return Some(d);
            }
        }
    }
    let toks: Vec<&str> = s
        .split(|c: char| !c.is_alphanumeric() && c != '.')
        .map(|t| t.trim_matches('.'))
        .filter(|t| !t.is_empty())
        .collect();
    let m = toks.iter().position(|t| {
        month_number(t).is_some() && t.chars().next().is_some_and(char::is_uppercase)
    })?;
    let month = month_number(toks[m])?;
    let num = |t: &str, lo: u32, hi: u32| t.parse::<u32>().ok().filter(|n| (lo..=hi).contains(n));
    let day_of = |t: &str| {
        let t = t.trim_end_matches(|c: char| c.is_alphabetic());
        num(t, 1, 31)
    };
    let (day, year_from) = if let Some(d) = toks.get(m + 1).and_then(|t| day_of(t)) {
        (d, m + 2)
    } else if let Some(d) = m
        .checked_sub(1)
        .and_then(|i| toks.get(i))
        .and_then(|t| day_of(t))
    {
        (d, m + 1)
    } else {
        return None;
    };
    let year = toks.get(year_from).and_then(|t| num(t, 1900, 2100))? as i32;
    NaiveDate::from_ymd_opt(year, month, day)
}

/// Groups body lines into blocks.
fn body_blocks(lines: &[&str]) -> Vec<Block> {
    // Blank-line separated groups of lines.
    let groups: Vec<&[&str]> = lines
        .split(|l| l.is_empty())
        .filter(|g| !g.is_empty())
        .collect();
    let (mut inner, mut ended) = (0usize, 0usize);
    for g in &groups {
        for l in &g[..g.len() - 1] {
            inner += 1;
            if ends_sentence(l) || super::is_heading_like(l) {
                ended += 1;
            }
        }
    }
    let wrapped = inner > 0 && ended * 2 < inner;
    let mut blocks = Vec::new();
    for g in groups {
        if wrapped {
            blocks.push(Block::auto(g.join(" ")));
            continue;
        }
        let mut cur = String::new();
        for l in g {
            let continues = !cur.is_empty()
                && !ends_sentence(&cur)
                && l.chars().next().is_some_and(char::is_lowercase);
            if !cur.is_empty() && !continues {
                blocks.push(Block::auto(std::mem::take(&mut cur)));
            }
            if !cur.is_empty() {
                cur.push(' ');
            }
            cur.push_str(l);
        }
        if !cur.is_empty() {
            blocks.push(Block::auto(cur));
        }
    }
    blocks
}

/// A wire dateline at the start of the body: `MOSCOW (Reuters) - `,
/// `Moscow, Oct. 19 (Xinhua) -- `. Returns the place and the rest.
fn strip_dateline(text: &str) -> Option<(String, String)> {
    let open = text.find(" (").filter(|&i| i <= 48)?;
    let close = open + text[open..].find(')')?;
    let agency = &text[open + 2..close];
    if agency.is_empty()
        || agency.len() > 30
        || !agency.chars().next().is_some_and(char::is_uppercase)
    {
        return None;
    }
    let after = text[close + 1..].trim_start();
    let rest = ["--", "-", "–", "—"]
        .iter()
        .find_map(|d| after.strip_prefix(d))?
        .trim_start();
    if rest.is_empty() {
        return None;
    }
    let head = &text[..open];
    let place = head.split(',').next().unwrap_or(head).trim();
    if place.is_empty()
        || words(place) > 4
        || !place
            .split_whitespace()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase))
    {
        return None;
    }
    let place = if place.chars().any(char::is_lowercase) {
        place.to_string()
    } else {
        // MOSCOW -> Moscow, NEW YORK -> New York.
        place
            .split_whitespace()
            .map(|w| {
                let mut cs = w.chars();
                cs.next()
                    .map(|c| c.to_string() + &cs.as_str().to_lowercase())
                    .unwrap_or_default()
            })
            .collect::<Vec<_>>()
            .join(" ")
    };
    Some((place, rest.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn byline_table() {
        // (line, authors, place, email, agency)
        type Case<'a> = (
            &'a str,
            &'a [&'a str],
            Option<&'a str>,
            Option<&'a str>,
            Option<&'a str>,
        );
        let cases: &[Case] = &[
            (
                "- By ANNA KOWALSKI in Strelsau anna@example.org",
                &["ANNA KOWALSKI"],
                Some("Strelsau"),
                Some("anna@example.org"),
                None,
            ),
            ("By Jane Roe", &["Jane Roe"], None, None, None),
            (
                "By Jane Roe and John Doe, Reuters",
                &["Jane Roe", "John Doe"],
                None,
                None,
                Some("Reuters"),
            ),
            (
                "BY MARIA DE LA CRUZ",
                &["MARIA DE LA CRUZ"],
                None,
                None,
                None,
            ),
            (
                "By Jane Roe, John Doe and Ali Khan",
                &["Jane Roe", "John Doe", "Ali Khan"],
                None,
                None,
                None,
            ),
            (
                "By Jane Roe, Diplomatic Correspondent",
                &["Jane Roe"],
                None,
                None,
                Some("Diplomatic Correspondent"),
            ),
            ("By Jane Roe | AP", &["Jane Roe"], None, None, Some("AP")),
        ];
        for (line, authors, place, email, agency) in cases {
            let b = parse_byline(line).unwrap_or_else(|| panic!("no byline in {line:?}"));
            assert_eq!(b.authors, authors.to_vec(), "{line:?}");
            assert_eq!(b.place.as_deref(), *place, "{line:?}");
            assert_eq!(b.email.as_deref(), *email, "{line:?}");
            assert_eq!(b.agency.as_deref(), *agency, "{line:?}");
        }
        for not in [
            "By the end of the week, Russia had left.",
            "By then the talks were over",
            "Bystanders fled",
            "By 2030 the mission will close",
        ] {
            assert_eq!(parse_byline(not), None, "{not:?}");
        }
    }

    #[test]
    fn date_table() {
        let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d);
        let cases = [
            ("July 1, 2015 / 01:35 PM", d(2015, 7, 1)),
            ("1 July 2015", d(2015, 7, 1)),
            ("Oct. 19, 2021", d(2021, 10, 19)),
            ("Published: 2021-10-19 10:00", d(2021, 10, 19)),
            ("2021-10-19T08:30:00+03:00", d(2021, 10, 19)),
            ("Sept 3rd 2020", d(2020, 9, 3)),
            ("May 2020", None),
            ("The talks in May were long", None),
        ];
        for (s, want) in cases {
            assert_eq!(parse_date_loose(s), want, "{s:?}");
        }
    }

    #[test]
    fn meta_line_table() {
        let (sections, date) =
            parse_meta_line("World|politics|July 1, 2015 / 01:35 PM").unwrap_or_default();
        assert_eq!(sections, ["World", "politics"]);
        assert_eq!(date, NaiveDate::from_ymd_opt(2015, 7, 1));
        assert!(parse_meta_line("Updated: 19 October 2021").is_some());
        assert!(parse_meta_line("Talks resumed on July 1, 2015 after a long break.").is_none());
        assert!(parse_meta_line("Russia | NATO").is_some());
        assert!(
            parse_meta_line("A sentence with a pipe | that goes on and on and on and on.")
                .is_none()
        );
    }

    #[test]
    fn dateline_table() {
        let cases = [
            (
                "MOSCOW (Reuters) - Russia said.",
                Some(("Moscow", "Russia said.")),
            ),
            (
                "NEW YORK, Oct. 19 (Xinhua) -- The talks.",
                Some(("New York", "The talks.")),
            ),
            (
                "Moscow (AP) — Talks began.",
                Some(("Moscow", "Talks began.")),
            ),
            ("NATO (the alliance) said it would meet.", None),
            (
                "Russia on Sunday expelled 20 Czech diplomats (and more) - says.",
                None,
            ),
        ];
        for (s, want) in cases {
            let got = strip_dateline(s);
            assert_eq!(
                got.as_ref().map(|(a, b)| (a.as_str(), b.as_str())),
                want,
                "{s:?}"
            );
        }
    }

    fn layout(text: &str) -> (Metadata, Vec<String>) {
        let mut meta = Metadata::default();
        let blocks = extract(text, &mut meta);
        (meta, blocks.into_iter().map(|b| b.text).collect())
    }

    #[test]
    fn layouts() {
        // Outlet, headline, byline, body.
        let (m, b) = layout("Harbour Gazette\n\nTalks collapse in Strelsau\n\n- By A. B. Writer in Strelsau ab@example.org\n\nThe talks collapsed on Monday.\n\nBoth sides left.\n");
        assert_eq!(m.outlet.as_deref(), Some("Harbour Gazette"));
        assert_eq!(m.headline.as_deref(), Some("Talks collapse in Strelsau"));
        assert_eq!(m.authors, ["A. B. Writer"]);
        assert_eq!(b, ["The talks collapsed on Monday.", "Both sides left."]);
        // Section/date line, then headline on the next line, then body.
        let (m, b) = layout("World|politics|July 1, 2015 / 01:35 PM\nTwo states agree to open embassies\n\nThe two states agreed.\n");
        assert_eq!(m.sections, ["World", "politics"]);
        assert_eq!(m.published, NaiveDate::from_ymd_opt(2015, 7, 1));
        assert_eq!(
            m.headline.as_deref(),
            Some("Two states agree to open embassies")
        );
        assert_eq!(m.outlet, None);
        assert_eq!(b, ["The two states agreed."]);
        // No header at all: the first line is body.
        let (m, b) = layout(
            "Russia on Sunday expelled 20 diplomats, the ministry said.\n\nPrague protested.\n",
        );
        assert_eq!((m.outlet, m.headline), (None, None));
        assert_eq!(
            b,
            [
                "Russia on Sunday expelled 20 diplomats, the ministry said.",
                "Prague protested."
            ]
        );
        // A single line without a period and nothing after it is body, not a headline.
        let (m, b) = layout("Talks collapse in Strelsau");
        assert_eq!(m.headline, None);
        assert_eq!(b, ["Talks collapse in Strelsau"]);
        // Nor is a lone line that reads like a byline or a date line.
        let (m, b) = layout("BY GONDOR TROOPS ARNOR WAS ATTACKED");
        assert_eq!(m.byline, None);
        assert_eq!(b, ["BY GONDOR TROOPS ARNOR WAS ATTACKED"]);
        // Windows line endings and single-newline paragraphs.
        let (m, b) = layout("Envoys recalled\r\nBy Jane Roe\r\nThe envoy left on Monday.\r\nThe embassy closed.\r\nFallback contacts\r\nThe Swiss embassy will help.\r\n");
        assert_eq!(m.headline.as_deref(), Some("Envoys recalled"));
        assert_eq!(m.authors, ["Jane Roe"]);
        assert_eq!(
            b,
            [
                "The envoy left on Monday.",
                "The embassy closed.",
                "Fallback contacts",
                "The Swiss embassy will help."
            ]
        );
        // Hard-wrapped paragraphs are joined.
        let (_, b) = layout("The envoy left on Monday after the\nministry ordered him out of the\ncountry.\n\nThe embassy closed.\n");
        assert_eq!(
            b,
            [
                "The envoy left on Monday after the ministry ordered him out of the country.",
                "The embassy closed."
            ]
        );
        // A wire dateline.
        let (m, b) = layout("PRAGUE (Reuters) - The Czech Republic expelled two diplomats.\n");
        assert_eq!(m.place.as_deref(), Some("Prague"));
        assert_eq!(b, ["The Czech Republic expelled two diplomats."]);
    }
}
