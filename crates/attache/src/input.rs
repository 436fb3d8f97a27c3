//! Reading articles: plain-text files, HTML files, JSON Lines feeds and stdin,
//! into [`RawArticle`]s that [`crate::clean`] turns into a [`crate::Doc`].
//!
//! Owner: the text-reading stage. (Skeleton: to be completed.)

use crate::doc::Metadata;
use crate::error::{Error, Result};
use std::path::Path;

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
}

/// Reads a file (plain text, HTML or `.jsonl` feed). The outer error means the
/// file as a whole could not be read; inner errors are bad records of a feed,
/// the good ones still returned.
pub fn read_path(path: &Path) -> Result<Vec<Result<RawArticle>>> {
    let content = std::fs::read_to_string(path).map_err(|e| Error::Io {
        path: path.to_path_buf(),
        source: e,
    })?;
    if path.extension().is_some_and(|e| e == "jsonl") {
        return Ok(read_jsonl(&path.display().to_string(), &content));
    }
    Ok(vec![Ok(RawArticle::plain(
        path.display().to_string(),
        content,
    ))])
}

/// Reads a JSON Lines feed: one `{"id", "url", "outlet", "published", "title", "text"}`
/// object per line (only `text` is required); a bad line is an error of its own.
pub fn read_jsonl(name: &str, content: &str) -> Vec<Result<RawArticle>> {
    let mut out = Vec::new();
    for (i, line) in content.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let bad = |reason: String| Error::Line {
            path: name.into(),
            line: i + 1,
            reason,
        };
        let v: serde_json::Value = match serde_json::from_str(line) {
            Ok(v) => v,
            Err(e) => {
                out.push(Err(bad(format!("not a JSON object: {e}"))));
                continue;
            }
        };
        let field = |k: &str| v.get(k).and_then(|x| x.as_str()).map(String::from);
        let Some(text) = field("text") else {
            out.push(Err(bad("no \"text\" field".into())));
            continue;
        };
        let mut a = RawArticle::plain(format!("{name}:{}", i + 1), text);
        a.meta.id = field("id");
        a.meta.url = field("url");
        a.meta.outlet = field("outlet");
        a.meta.headline = field("title");
        a.meta.published =
            field("published").and_then(|d| chrono::NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok());
        out.push(Ok(a));
    }
    out
}

/// Reads articles from a reader (stdin): the format is sniffed from the content.
pub fn read_stream(name: &str, mut reader: impl std::io::Read) -> Result<Vec<Result<RawArticle>>> {
    let mut content = String::new();
    reader
        .read_to_string(&mut content)
        .map_err(|e| Error::Read {
            path: name.into(),
            reason: e.to_string(),
        })?;
    Ok(vec![Ok(RawArticle::plain(name, content))])
}
