//! `attache validate`: codes the records of a PETRARCH validation file from
//! their `<Text>` alone (never `<Parse>`) and compares each record's events,
//! as a set of (source, target, code), with its `<EventCoding>` elements.
//! The XML is read tolerantly: comments, attributes in either quote style and
//! blanks around `=`; a malformed record is reported with its line number.

use crate::input::RawArticle;
use crate::pipeline::Engine;
use std::collections::BTreeSet;
use std::fmt::Write as _;

/// One expected or found event.
pub type Triple = (String, String, String);

/// A record of a validation file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Record {
    /// `id` attribute.
    pub id: String,
    /// Line of the `<Sentence` tag.
    pub line: usize,
    /// `date` attribute, as `YYYYMMDD`.
    pub date: Option<String>,
    /// The text to code.
    pub text: String,
    /// Expected events (`noevents` gives none).
    pub expected: BTreeSet<Triple>,
    /// The record expects an error (discard, bad input) and is skipped.
    pub error: Option<String>,
}

/// How one record fared.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Found exactly the expected events.
    Passed,
    /// Found different events.
    Failed {
        /// What was found.
        got: BTreeSet<Triple>,
    },
    /// Expects an error marker; not scored.
    Skipped,
}

/// The result of validating a file.
#[derive(Clone, Debug, Default)]
pub struct Report {
    /// Records with their outcome.
    pub records: Vec<(Record, Outcome)>,
    /// Malformed records: `line N: reason`.
    pub problems: Vec<String>,
}

impl Report {
    /// Number of records passed.
    pub fn passed(&self) -> usize {
        self.records
            .iter()
            .filter(|(_, o)| *o == Outcome::Passed)
            .count()
    }

    /// Number of records failed.
    pub fn failed(&self) -> usize {
        self.records
            .iter()
            .filter(|(_, o)| matches!(o, Outcome::Failed { .. }))
            .count()
    }

    /// The per-record lines and the final `N passed, N failed` line.
    pub fn render(&self) -> String {
        let mut s = String::new();
        let show = |set: &BTreeSet<Triple>| {
            let v: Vec<String> = set.iter().map(|(a, b, c)| format!("{a}-{b}-{c}")).collect();
            if v.is_empty() {
                "none".to_string()
            } else {
                v.join(" ")
            }
        };
        for p in &self.problems {
            let _ = writeln!(s, "MALFORMED {p}");
        }
        for (r, o) in &self.records {
            let _ = match o {
                Outcome::Passed => {
                    writeln!(s, "PASS {} (line {}): {}", r.id, r.line, show(&r.expected))
                }
                Outcome::Skipped => writeln!(
                    s,
                    "SKIP {} (line {}): expects {}",
                    r.id,
                    r.line,
                    r.error.as_deref().unwrap_or("an error")
                ),
                Outcome::Failed { got } => writeln!(
                    s,
                    "FAIL {} (line {}): expected {} got {}",
                    r.id,
                    r.line,
                    show(&r.expected),
                    show(got)
                ),
            };
        }
        let _ = writeln!(s, "{} passed, {} failed", self.passed(), self.failed());
        s
    }
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

/// Attributes of a tag body: `a="x" b = 'y'`.
pub fn attributes(tag: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let b = tag.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if !(b[i].is_ascii_alphanumeric() || b[i] == b'_') {
            i += 1;
            continue;
        }
        let ns = i;
        while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'_' || b[i] == b'-') {
            i += 1;
        }
        let name = &tag[ns..i];
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        if i >= b.len() || b[i] != b'=' {
            continue;
        }
        i += 1;
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        if i >= b.len() || !(b[i] == b'"' || b[i] == b'\'') {
            continue;
        }
        let q = b[i];
        let vs = i + 1;
        let Some(len) = b[vs..].iter().position(|&c| c == q) else {
            break;
        };
        out.push((name.to_string(), unescape(&tag[vs..vs + len])));
        i = vs + len + 1;
    }
    out
}

fn strip_comments(xml: &str) -> String {
    // Replace comments by blanks of the same shape so line numbers stay right.
    let mut out = String::with_capacity(xml.len());
    let mut rest = xml;
    while let Some(p) = rest.find("<!--") {
        out.push_str(&rest[..p]);
        let after = &rest[p..];
        let end = after.find("-->").map_or(after.len(), |e| e + 3);
        out.extend(
            after[..end]
                .chars()
                .map(|c| if c == '\n' { '\n' } else { ' ' }),
        );
        rest = &after[end..];
    }
    out.push_str(rest);
    out
}

/// Reads the records of a validation file; malformed ones become problems.
pub fn parse(xml: &str) -> (Vec<Record>, Vec<String>) {
    let xml = strip_comments(xml);
    let line_of = |off: usize| xml[..off].bytes().filter(|&b| b == b'\n').count() + 1;
    let mut records = Vec::new();
    let mut problems = Vec::new();
    let mut pos = 0;
    while let Some(p) = xml[pos..].find("<Sentence") {
        let start = pos + p;
        let after_name = start + "<Sentence".len();
        if xml[after_name..].starts_with('s') {
            pos = after_name;
            continue;
        }
        let line = line_of(start);
        let Some(gt) = xml[after_name..].find('>') else {
            problems.push(format!("line {line}: unclosed <Sentence> tag"));
            break;
        };
        let tag = &xml[after_name..after_name + gt];
        let body_start = after_name + gt + 1;
        let next_open = xml[body_start..].find("<Sentence ").map(|x| body_start + x);
        let close = xml[body_start..]
            .find("</Sentence>")
            .map(|x| body_start + x);
        let body_end = match (close, next_open) {
            (Some(c), Some(n)) if n < c => {
                problems.push(format!("line {line}: <Sentence> without </Sentence>"));
                pos = n;
                continue;
            }
            (Some(c), _) => c,
            (None, _) => {
                problems.push(format!("line {line}: <Sentence> without </Sentence>"));
                break;
            }
        };
        pos = body_end + "</Sentence>".len();
        let body = &xml[body_start..body_end];
        let attrs = attributes(tag);
        let get = |k: &str| attrs.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone());
        let id = get("id").unwrap_or_else(|| format!("line-{line}"));
        let text = match (body.find("<Text>"), body.find("</Text>")) {
            (Some(a), Some(b)) if a < b => unescape(&body[a + 6..b])
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" "),
            _ => {
                problems.push(format!("line {line}: record {id} has no <Text>"));
                continue;
            }
        };
        let mut expected = BTreeSet::new();
        let mut error = None;
        let mut rest = body;
        while let Some(q) = rest.find("<EventCoding") {
            let tail = &rest[q + "<EventCoding".len()..];
            let end = tail.find('>').unwrap_or(tail.len());
            let a = attributes(&tail[..end]);
            let g = |k: &str| a.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone());
            if let Some(e) = g("error") {
                error = Some(e);
            } else if let Some(code) = g("eventcode") {
                expected.insert((
                    g("sourcecode").unwrap_or_default(),
                    g("targetcode").unwrap_or_default(),
                    code,
                ));
            } else if g("noevents").is_none() {
                problems.push(format!(
                    "line {}: record {id} has an EventCoding without eventcode",
                    line_of(body_start) + body[..body.len() - rest.len() + q].matches('\n').count()
                ));
            }
            rest = &tail[end..];
        }
        records.push(Record {
            id,
            line,
            date: get("date"),
            text,
            expected,
            error,
        });
    }
    (records, problems)
}

/// Codes every record of `xml` with `engine` and compares with the expected events.
pub fn run(xml: &str, engine: &Engine) -> Report {
    let (records, problems) = parse(xml);
    let mut report = Report {
        records: Vec::new(),
        problems,
    };
    for r in records {
        if r.error.is_some() {
            report.records.push((r, Outcome::Skipped));
            continue;
        }
        let mut raw = RawArticle::plain(r.id.clone(), r.text.clone());
        raw.meta.id = Some(r.id.clone());
        raw.meta.published = r
            .date
            .as_deref()
            .and_then(|d| chrono::NaiveDate::parse_from_str(d.trim(), "%Y%m%d").ok());
        let doc = engine.analyse(raw);
        let got: BTreeSet<Triple> = doc
            .events
            .iter()
            .map(|e| {
                (
                    e.source.clone().unwrap_or_default(),
                    e.target.clone().unwrap_or_default(),
                    e.cameo.clone(),
                )
            })
            .collect();
        let outcome = if got == r.expected {
            Outcome::Passed
        } else {
            Outcome::Failed { got }
        };
        report.records.push((r, outcome));
    }
    report
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_tolerantly() {
        let xml = "<Validation><!-- <Sentence id=\"x\"> -->\n<Sentences>\n\
            <Sentence date = \"19950101\" id ='A-1' category=\"X\">\n<!-- c -->\n\
            <EventCoding sourcecode=\"ARN\" targetcode='GON' eventcode=\"064\"></EventCoding>\n\
            <Text>\nArnor &amp; friends\n met.\n</Text>\n<Parse>(ROOT)</Parse>\n</Sentence>\n\
            <Sentence id=\"B\"><EventCoding noevents=\"True\"></EventCoding></Sentence>\n\
            <Sentence id=\"C\"><EventCoding error=\"storydiscard\"></EventCoding><Text>x</Text></Sentence>\n\
            <Sentence id=\"D\"><Text>y</Text>\n</Sentences>";
        let (recs, problems) = parse(xml);
        assert_eq!(recs.len(), 2, "{recs:?}");
        assert_eq!(recs[0].id, "A-1");
        assert_eq!(recs[0].line, 3);
        assert_eq!(recs[0].date.as_deref(), Some("19950101"));
        assert_eq!(recs[0].text, "Arnor & friends met.");
        assert!(recs[0]
            .expected
            .contains(&("ARN".into(), "GON".into(), "064".into())));
        assert_eq!(recs[1].error.as_deref(), Some("storydiscard"));
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(problems[0].starts_with("line 12:"), "{problems:?}");
        assert!(problems[1].starts_with("line 14:"), "{problems:?}");
    }

    #[test]
    fn summary_line() {
        let r = Report::default();
        assert_eq!(r.render(), "0 passed, 0 failed\n");
    }
}
