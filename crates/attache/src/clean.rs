//! Cleaning: turns a [`RawArticle`] into a [`Doc`] with its body text,
//! metadata, paragraphs and section headings; boilerplate never reaches the text.
//!
//! Owner: the text-reading stage. (Skeleton: to be completed.)

use crate::doc::{Doc, Paragraph, Span};
use crate::input::RawArticle;

/// Cleans an article: reads: the raw content; fills: `text`, `meta`, `paragraphs`, `sections`.
pub fn clean(raw: RawArticle) -> Doc {
    let mut doc = Doc {
        meta: raw.meta,
        ..Doc::default()
    };
    let mut text = String::new();
    for para in raw
        .content
        .split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        let start = text.len();
        text.push_str(para);
        doc.paragraphs.push(Paragraph {
            span: Span::new(start, text.len()),
            section: None,
        });
    }
    doc.text = text;
    for w in raw.warnings {
        doc.warn(w);
    }
    doc
}
