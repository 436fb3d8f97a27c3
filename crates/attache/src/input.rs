//! Reading articles: plain-text files, HTML files, JSON Lines feeds and stdin,
//! into [`RawArticle`]s that [`crate::clean`] turns into a [`crate::Doc`].
//!
//! # Formats
//!
//! - A **JSON Lines feed** (extension `.jsonl`, `.ndjson` or `.jsonlines`, or
//!   content starting with `{`): one article per line, `{"id", "url",
//!   "outlet", "published", "title", "text"}`, only `text` required.
//!   `published` is `YYYY-MM-DD` or an RFC 3339 timestamp; `id` becomes the
//!   article's id (`FILE:LINE` when absent). Feeds are read **streaming**, one
//!   line at a time, so they may be of any size; a bad line is an error
//!   naming the file and line number and the other lines are still read.
//! - An **HTML page** (extension `.html`, `.htm`, `.xhtml`, or content
//!   starting with a tag such as `<!DOCTYPE html>`, `<html>`, `<body>`).
//! - Anything else is **plain text**.
//!
//! `-` is stdin, sniffed the same way.
//!
//! # Bad input
//!
//! - A missing file, a directory, an **empty** (or whitespace-only) file: an error.
//! - A **binary** file (a NUL byte anywhere; UTF-16 with a byte-order mark
//!   is decoded instead): refused with the offset of the first NUL byte.
//! - **Invalid UTF-8**: decoded lossily (each bad sequence becomes U+FFFD) and
//!   a warning gives the byte offset of the first bad sequence; the article
//!   is still analysed.
//! - **Size**: one plain-text or HTML article may be at most
//!   [`MAX_ARTICLE_BYTES`] (32 MiB), checked from the file's metadata before
//!   reading; one feed line at most [`MAX_FEED_LINE_BYTES`] (longer lines are
//!   skipped with an error, memory stays bounded).

use crate::doc::Metadata;
use crate::error::{Error, Result};
use chrono::NaiveDate;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

/// The largest plain-text or HTML article read (32 MiB).
pub const MAX_ARTICLE_BYTES: u64 = 32 * 1024 * 1024;

/// The longest line of a JSON Lines feed read (32 MiB).
pub const MAX_FEED_LINE_BYTES: usize = 32 * 1024 * 1024;

/// Bytes looked at to tell a feed from HTML from plain text.
const SNIFF_BYTES: usize = 8 * 1024;

/// How an article's content is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Plain text, possibly with a newspaper layout (outlet, headline, byline lines).
    Plain,
    /// An HTML page.
    Html,
}

/// An article as read, before cleaning.
#[derive(Clone, Debug, PartialEq)]
pub struct RawArticle {
    /// Where it came from, for messages ("a.txt", "feed.jsonl:3", "-").
    pub origin: String,
    /// Metadata known before cleaning (from a feed or the command line).
    pub meta: Metadata,
    /// Plain text or HTML.
    pub format: Format,
    /// The content.
    pub content: String,
    /// Warnings from reading (lossy decoding and the like).
    pub warnings: Vec<String>,
}

impl RawArticle {
    /// A plain-text article.
    pub fn plain(origin: impl Into<String>, content: impl Into<String>) -> RawArticle {
        RawArticle {
            origin: origin.into(),
            meta: Metadata::default(),
            format: Format::Plain,
            content: content.into(),
            warnings: Vec::new(),
        }
    }

    /// An HTML article.
    pub fn html(origin: impl Into<String>, content: impl Into<String>) -> RawArticle {
        RawArticle {
            format: Format::Html,
            ..RawArticle::plain(origin, content)
        }
    }
}

/// What a file or stream holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// One plain-text article.
    Plain,
    /// One HTML page.
    Html,
    /// A JSON Lines feed of articles.
    Feed,
}

/// The kind a file extension says, if it says one.
pub fn kind_from_extension(path: &Path) -> Option<Kind> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    match ext.as_str() {
        "jsonl" | "ndjson" | "jsonlines" => Some(Kind::Feed),
        "html" | "htm" | "xhtml" => Some(Kind::Html),
        _ => None,
    }
}

/// Tells a feed from HTML from plain text by the first bytes.
pub fn sniff(head: &[u8]) -> Kind {
    let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    let start = head
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(head.len());
    let head = &head[start..];
    match head.first() {
        Some(b'{') => Kind::Feed,
        Some(b'<') => {
            let prefix =
                String::from_utf8_lossy(&head[..head.len().min(1024)]).to_ascii_lowercase();
            let html = [
                "<!doctype html",
                "<html",
                "<head",
                "<body",
                "<article",
                "<meta",
                "<title",
                "<div",
                "<p>",
                "<p ",
                "<!--",
            ]
            .iter()
            .any(|t| prefix.contains(t));
            if html {
                Kind::Html
            } else {
                Kind::Plain
            }
        }
        _ => Kind::Plain,
    }
}

/// The articles of one input, read lazily: one for a plain or HTML file,
/// one per line for a feed. Each item is an article or the error of one feed line.
pub struct Articles {
    source: Source,
}

enum Source {
    One(Option<Box<RawArticle>>),
    Feed(Box<Feed>),
}

struct Feed {
    name: String,
    path: PathBuf,
    reader: Box<dyn BufRead>,
    line: usize,
    buf: Vec<u8>,
    done: bool,
}

impl std::fmt::Debug for Articles {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.source {
            Source::One(a) => f.debug_tuple("Articles::One").field(a).finish(),
            Source::Feed(feed) => f.debug_tuple("Articles::Feed").field(&feed.name).finish(),
        }
    }
}

impl Articles {
    fn one(article: RawArticle) -> Articles {
        Articles {
            source: Source::One(Some(Box::new(article))),
        }
    }

    fn feed(name: &str, reader: Box<dyn BufRead>) -> Articles {
        Articles {
            source: Source::Feed(Box::new(Feed {
                name: name.to_string(),
                path: PathBuf::from(name),
                reader,
                line: 0,
                buf: Vec::new(),
                done: false,
            })),
        }
    }
}

impl Iterator for Articles {
    type Item = Result<RawArticle>;

    fn next(&mut self) -> Option<Self::Item> {
        match &mut self.source {
            Source::One(a) => a.take().map(|a| Ok(*a)),
            Source::Feed(feed) => feed.next_article(),
        }
    }
}

/// How reading one line ended.
enum LineEnd {
    Line,
    Eof,
    TooLong,
}

/// Reads one line into `buf` (without the newline), keeping at most `limit`
/// bytes; the rest of a longer line is consumed and dropped.
fn read_line_limited(
    reader: &mut dyn BufRead,
    buf: &mut Vec<u8>,
    limit: usize,
) -> std::io::Result<LineEnd> {
    let mut too_long = false;
    loop {
        let available = match reader.fill_buf() {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if available.is_empty() {
            return Ok(if too_long {
                LineEnd::TooLong
            } else if buf.is_empty() {
                LineEnd::Eof
            } else {
                LineEnd::Line
            });
        }
        let (chunk, found) = match available.iter().position(|&b| b == b'\n') {
            Some(i) => (&available[..i], Some(i)),
            None => (available, None),
        };
        if !too_long {
            if buf.len() + chunk.len() > limit {
                too_long = true;
                buf.clear();
            } else {
                buf.extend_from_slice(chunk);
            }
        }
        let used = found.map_or(chunk.len(), |i| i + 1);
        reader.consume(used);
        if found.is_some() {
            return Ok(if too_long {
                LineEnd::TooLong
            } else {
                LineEnd::Line
            });
        }
    }
}

impl Feed {
    fn line_error(&self, reason: impl Into<String>) -> Error {
        Error::Line {
            path: self.path.clone(),
            line: self.line,
            reason: reason.into(),
        }
    }

    fn next_article(&mut self) -> Option<Result<RawArticle>> {
        loop {
            if self.done {
                return None;
            }
            self.buf.clear();
            self.line += 1;
            match read_line_limited(&mut *self.reader, &mut self.buf, MAX_FEED_LINE_BYTES) {
                Err(e) => {
                    self.done = true;
                    return Some(Err(
                        self.line_error(format!("read error: {}", io_reason(&e)))
                    ));
                }
                Ok(LineEnd::Eof) => {
                    self.done = true;
                    return None;
                }
                Ok(LineEnd::TooLong) => {
                    return Some(Err(self.line_error(format!(
                        "line longer than {} MiB, skipped",
                        MAX_FEED_LINE_BYTES >> 20
                    ))))
                }
                Ok(LineEnd::Line) => {}
            }
            let mut bytes = &self.buf[..];
            if self.line == 1 {
                bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
            }
            if bytes.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            return Some(self.parse_line(bytes));
        }
    }

    fn parse_line(&self, bytes: &[u8]) -> Result<RawArticle> {
        if let Some(pos) = bytes.iter().position(|&b| b == 0) {
            return Err(self.line_error(format!("binary data (NUL byte at column {})", pos + 1)));
        }
        let mut warnings = Vec::new();
        let text = match std::str::from_utf8(bytes) {
            Ok(s) => std::borrow::Cow::Borrowed(s),
            Err(e) => {
                warnings.push(format!(
                    "line {}: invalid utf-8 at byte {} of the line, decoded lossily",
                    self.line,
                    e.valid_up_to()
                ));
                String::from_utf8_lossy(bytes)
            }
        };
        let record: FeedRecord = serde_json::from_str(&text)
            .map_err(|e| self.line_error(format!("malformed json: {e}")))?;
        let content = record
            .text
            .ok_or_else(|| self.line_error("missing \"text\""))?;
        if content.trim().is_empty() {
            return Err(self.line_error("empty \"text\""));
        }
        let origin = format!("{}:{}", self.name, self.line);
        let published = match record
            .published
            .as_deref()
            .map(str::trim)
            .filter(|p| !p.is_empty())
        {
            Some(p) => {
                let d = parse_published(p);
                if d.is_none() {
                    warnings.push(format!(
                        "line {}: \"published\" {p:?} is not YYYY-MM-DD or RFC 3339, ignored",
                        self.line
                    ));
                }
                d
            }
            None => None,
        };
        let id = match record.id {
            Some(serde_json::Value::String(s)) => Some(s),
            Some(serde_json::Value::Null) | None => None,
            Some(v) => Some(v.to_string()),
        };
        let format = if sniff(content.as_bytes()) == Kind::Html {
            Format::Html
        } else {
            Format::Plain
        };
        Ok(RawArticle {
            meta: Metadata {
                id: id.or_else(|| Some(origin.clone())),
                url: record.url,
                outlet: record.outlet.filter(|o| !o.trim().is_empty()),
                headline: record.title.filter(|t| !t.trim().is_empty()),
                published,
                ..Metadata::default()
            },
            origin,
            format,
            content,
            warnings,
        })
    }
}

/// One line of a feed.
#[derive(serde::Deserialize)]
struct FeedRecord {
    id: Option<serde_json::Value>,
    url: Option<String>,
    outlet: Option<String>,
    published: Option<String>,
    title: Option<String>,
    text: Option<String>,
}

/// Parses a publication date: `YYYY-MM-DD`, an RFC 3339 timestamp, or an
/// ISO date and time without a zone (`2021-10-19T08:30:00`, `2021-10-19 08:30`).
pub fn parse_published(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    if let Ok(d) = NaiveDate::parse_from_str(s, "%Y-%m-%d") {
        return Some(d);
    }
    if let Ok(t) = chrono::DateTime::parse_from_rfc3339(s) {
        return Some(t.date_naive());
    }
    for f in [
        "%Y-%m-%dT%H:%M:%S%.f",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%d %H:%M",
    ] {
        if let Ok(t) = chrono::NaiveDateTime::parse_from_str(s, f) {
            return Some(t.date());
        }
    }
    // "2021-10-19T08:30:00+0300" and the like: the date part when the rest is a time.
    let (date, rest) = (s.get(..10)?, s.get(10..)?);
    if rest.starts_with(['T', ' ']) && rest[1..].starts_with(|c: char| c.is_ascii_digit()) {
        return NaiveDate::parse_from_str(date, "%Y-%m-%d").ok();
    }
    None
}

/// A lower-case reason for an I/O error.
fn io_reason(e: &std::io::Error) -> String {
    use std::io::ErrorKind::*;
    match e.kind() {
        NotFound => "no such file".into(),
        PermissionDenied => "permission denied".into(),
        _ => {
            let s = e.to_string();
            let mut cs = s.chars();
            cs.next()
                .map(|c| c.to_lowercase().collect::<String>() + cs.as_str())
                .unwrap_or(s)
        }
    }
}

fn read_error(path: &Path, reason: impl Into<String>) -> Error {
    Error::Read {
        path: path.to_path_buf(),
        reason: reason.into(),
    }
}

/// Reads up to `n` bytes (fewer only at the end of input).
fn read_head(reader: &mut dyn Read, n: usize) -> std::io::Result<Vec<u8>> {
    let mut head = Vec::with_capacity(n);
    reader.take(n as u64).read_to_end(&mut head)?;
    Ok(head)
}

/// Reads a file (plain text, HTML or a JSON Lines feed). The error means the
/// file as a whole could not be read; the iterator's errors are bad lines of
/// a feed, the good ones still returned.
pub fn read_path(path: &Path) -> Result<Articles> {
    let md = std::fs::metadata(path).map_err(|e| read_error(path, io_reason(&e)))?;
    if md.is_dir() {
        return Err(read_error(path, "is a directory, not a file"));
    }
    // Pipes and devices (`<(cmd)`, /dev/stdin) report no size: they are read
    // like stdin, with the same limits.
    if md.is_file() && md.len() == 0 {
        return Err(read_error(path, "empty file"));
    }
    let kind_ext = kind_from_extension(path);
    if md.is_file() && kind_ext != Some(Kind::Feed) && md.len() > MAX_ARTICLE_BYTES {
        // Sniff first: a feed without the extension may be larger.
        let mut f = std::fs::File::open(path).map_err(|e| read_error(path, io_reason(&e)))?;
        let head = read_head(&mut f, SNIFF_BYTES).map_err(|e| read_error(path, io_reason(&e)))?;
        if sniff(&head) != Kind::Feed {
            return Err(read_error(
                path,
                format!(
                    "file too large: {} bytes, the limit for one article is {} MiB (split it, or give a .jsonl feed)",
                    md.len(),
                    MAX_ARTICLE_BYTES >> 20
                ),
            ));
        }
    }
    let name = path.display().to_string();
    let file = std::fs::File::open(path).map_err(|e| read_error(path, io_reason(&e)))?;
    let mut articles = read_reader(&name, Box::new(file), kind_ext, path)?;
    if let Source::One(Some(a)) = &mut articles.source {
        if a.meta.id.is_none() {
            a.meta.id = path.file_name().map(|f| f.to_string_lossy().into_owned());
        }
    }
    Ok(articles)
}

/// Reads articles from a reader (stdin): the format is sniffed from the content.
pub fn read_stream(name: &str, reader: impl Read + 'static) -> Result<Articles> {
    read_reader(name, Box::new(reader), None, Path::new(name))
}

fn read_reader(
    name: &str,
    mut reader: Box<dyn Read>,
    kind: Option<Kind>,
    path: &Path,
) -> Result<Articles> {
    let head = read_head(&mut reader, SNIFF_BYTES).map_err(|e| read_error(path, io_reason(&e)))?;
    if head.is_empty() {
        return Err(read_error(
            path,
            if name == "-" {
                "empty input"
            } else {
                "empty file"
            },
        ));
    }
    let kind = kind.unwrap_or_else(|| sniff(&head));
    if kind == Kind::Feed {
        let chained = std::io::Cursor::new(head).chain(reader);
        return Ok(Articles::feed(
            name,
            Box::new(BufReader::with_capacity(64 * 1024, chained)),
        ));
    }
    let mut bytes = head;
    reader
        .take(MAX_ARTICLE_BYTES + 1 - bytes.len() as u64)
        .read_to_end(&mut bytes)
        .map_err(|e| read_error(path, io_reason(&e)))?;
    if bytes.len() as u64 > MAX_ARTICLE_BYTES {
        return Err(read_error(
            path,
            format!(
                "input too large: more than {} MiB for one article (split it, or give a .jsonl feed)",
                MAX_ARTICLE_BYTES >> 20
            ),
        ));
    }
    let format = if kind == Kind::Html {
        Format::Html
    } else {
        Format::Plain
    };
    article_from_bytes(name, bytes, format)
        .map(Articles::one)
        .map_err(|reason| read_error(path, reason))
}

/// Decodes one article's bytes; the error is the reason it was refused.
pub fn article_from_bytes(
    origin: &str,
    bytes: Vec<u8>,
    format: Format,
) -> Result<RawArticle, String> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(if bytes.is_empty() {
            "empty file".into()
        } else {
            "empty file (only whitespace)".into()
        });
    }
    let mut warnings = Vec::new();
    let content = if let Some(s) = decode_utf16(&bytes) {
        s
    } else {
        if let Some(pos) = bytes.iter().position(|&b| b == 0) {
            return Err(format!("binary file (NUL byte at offset {pos}), not text"));
        }
        match String::from_utf8(bytes) {
            Ok(s) => s,
            Err(e) => {
                let at = e.utf8_error().valid_up_to();
                warnings.push(format!(
                    "invalid utf-8 at byte {at}, decoded lossily (bad sequences replaced with U+FFFD)"
                ));
                String::from_utf8_lossy(e.as_bytes()).into_owned()
            }
        }
    };
    Ok(RawArticle {
        origin: origin.to_string(),
        meta: Metadata::default(),
        format,
        content,
        warnings,
    })
}

/// UTF-16 text with a byte-order mark, decoded; `None` for anything else.
fn decode_utf16(bytes: &[u8]) -> Option<String> {
    let le = match bytes {
        [0xFF, 0xFE, ..] => true,
        [0xFE, 0xFF, ..] => false,
        _ => return None,
    };
    let units = bytes[2..].chunks_exact(2).map(|c| {
        if le {
            u16::from_le_bytes([c[0], c[1]])
        } else {
            u16::from_be_bytes([c[0], c[1]])
        }
    });
    Some(
        char::decode_utf16(units)
            .map(|r| r.unwrap_or(char::REPLACEMENT_CHARACTER))
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn feed(s: &'static str) -> Vec<Result<RawArticle>> {
        read_stream("feed.jsonl", s.as_bytes())
            .map(|a| a.collect())
            .unwrap_or_default()
    }

    #[test]
    fn sniff_table() {
        let cases: &[(&[u8], Kind)] = &[
            (b"{\"text\": \"a\"}\n", Kind::Feed),
            (b"  \n{\"text\": \"a\"}", Kind::Feed),
            (b"<!DOCTYPE html><html>", Kind::Html),
            (b"<html lang=en>", Kind::Html),
            (b"\xEF\xBB\xBF<p>Hello</p>", Kind::Html),
            (b"China Daily\n\nRussia", Kind::Plain),
            (b"<Reuters> said", Kind::Plain),
            (b"", Kind::Plain),
        ];
        for (head, want) in cases {
            assert_eq!(sniff(head), *want, "{:?}", String::from_utf8_lossy(head));
        }
    }

    #[test]
    fn published_table() {
        let d = NaiveDate::from_ymd_opt(2021, 10, 19);
        for s in [
            "2021-10-19",
            "2021-10-19T08:30:00+03:00",
            "2021-10-19T08:30:00Z",
            "2021-10-19T08:30:00",
            "2021-10-19 08:30",
            "2021-10-19T08:30:00+0300",
        ] {
            assert_eq!(parse_published(s), d, "{s:?}");
        }
        for s in ["19/10/2021", "yesterday", "2021-13-01", ""] {
            assert_eq!(parse_published(s), None, "{s:?}");
        }
    }

    #[test]
    fn feed_lines() {
        let items = feed("{\"id\":\"a\",\"published\":\"2021-10-19\",\"title\":\"T\",\"outlet\":\"O\",\"text\":\"One.\"}\n\n{not json}\n{\"id\":7,\"text\":\"Two.\"}\n{\"title\":\"no text\"}\n{\"text\":\"Three.\",\"published\":\"soon\"}\r\n");
        assert_eq!(items.len(), 5);
        let a = items[0].as_ref().expect("first line");
        assert_eq!(a.meta.id.as_deref(), Some("a"));
        assert_eq!(a.meta.published, NaiveDate::from_ymd_opt(2021, 10, 19));
        assert_eq!(a.meta.headline.as_deref(), Some("T"));
        assert_eq!(a.meta.outlet.as_deref(), Some("O"));
        assert!(items[1]
            .as_ref()
            .is_err_and(|e| e.to_string().starts_with("feed.jsonl:3: malformed json")));
        assert_eq!(
            items[2]
                .as_ref()
                .ok()
                .and_then(|a| a.meta.id.clone())
                .as_deref(),
            Some("7")
        );
        assert!(items[3]
            .as_ref()
            .is_err_and(|e| e.to_string() == "feed.jsonl:5: missing \"text\""));
        let last = items[4].as_ref().expect("last line");
        assert_eq!(last.meta.id.as_deref(), Some("feed.jsonl:6"));
        assert_eq!(last.meta.published, None);
        assert_eq!(last.warnings.len(), 1);
    }

    #[test]
    fn long_feed_line_is_skipped_with_bounded_memory() {
        let mut r = std::io::Cursor::new(b"short\nverylongline\nok\n".to_vec());
        let mut buf = Vec::new();
        assert!(matches!(
            read_line_limited(&mut r, &mut buf, 8),
            Ok(LineEnd::Line)
        ));
        assert_eq!(buf, b"short");
        buf.clear();
        assert!(matches!(
            read_line_limited(&mut r, &mut buf, 8),
            Ok(LineEnd::TooLong)
        ));
        buf.clear();
        assert!(matches!(
            read_line_limited(&mut r, &mut buf, 8),
            Ok(LineEnd::Line)
        ));
        assert_eq!(buf, b"ok");
        buf.clear();
        assert!(matches!(
            read_line_limited(&mut r, &mut buf, 8),
            Ok(LineEnd::Eof)
        ));
    }

    #[test]
    fn bytes_table() {
        let ok = |b: &[u8]| article_from_bytes("x", b.to_vec(), Format::Plain);
        assert_eq!(ok(b"").err().as_deref(), Some("empty file"));
        assert_eq!(
            ok(b" \n\t").err().as_deref(),
            Some("empty file (only whitespace)")
        );
        assert_eq!(
            ok(b"ab\0c").err().as_deref(),
            Some("binary file (NUL byte at offset 2), not text")
        );
        let lossy = ok(b"caf\xE9 ok").expect("lossy");
        assert_eq!(lossy.content, "caf\u{FFFD} ok");
        assert_eq!(lossy.warnings.len(), 1);
        assert!(lossy.warnings[0].contains("byte 3"));
        let utf16 = ok(b"\xFF\xFEH\0i\0").expect("utf-16");
        assert_eq!(utf16.content, "Hi");
    }
}
