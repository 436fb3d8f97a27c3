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
    Ok(vec![Ok(RawArticle::plain(
        path.display().to_string(),
        content,
    ))])
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
