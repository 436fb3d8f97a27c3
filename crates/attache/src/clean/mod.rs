//! Cleaning: turns a [`RawArticle`] into a [`Doc`] with its body text,
//! metadata, paragraphs and section headings; boilerplate never reaches the text.
//!
//! Reads: the raw content and metadata. Fills: `text`, `meta`, `paragraphs`,
//! `sections`, and `diagnostics` (reading warnings, dropped lines).
//!
//! Each format has an extractor that finds the metadata and the body's blocks
//! (paragraph or heading candidates): [`plain`] reads the layout newspapers
//! and aggregators use in plain text (outlet line, headline, byline,
//! section/date line), [`html`] reads a page's meta tags, JSON-LD and the
//! article's container. Then one assembler, shared by both, normalises
//! whitespace, drops boilerplate and decides which short lines are section
//! headings:
//!
//! - **Boilerplate**: a block is dropped when it matches a short, documented
//!   list of aggregator and page furniture lines ([`BOILERPLATE_PREFIXES`],
//!   [`BOILERPLATE_LINES`]) — "Newspapers in English", "Share this article",
//!   "Copyright …", "Follow us …" — and has at most 15 words; and short lines
//!   without sentence punctuation that trail the last paragraph (link lists,
//!   orphaned headings) are dropped with a warning.
//! - **Section headings**: a block of at most 12 words that does not end in
//!   sentence punctuation and is followed by a paragraph. Headings are part of
//!   the text (a line of their own) but are not paragraphs, so they are never
//!   sentences.
//!
//! The text is the paragraphs and headings joined by a blank line (`"\n\n"`),
//! each with its inner whitespace collapsed to single spaces; invisible
//! characters (zero-width spaces, soft hyphens, control characters) are removed.

pub mod html;
pub mod plain;

use crate::doc::{Doc, Paragraph, Section, Span};
use crate::input::{Format, RawArticle};

/// Lines starting with one of these (ignoring case, as whole words) are
/// boilerplate when they have at most 15 words and, except for copyright
/// notices, do not end with a period (which would make them a sentence).
pub const BOILERPLATE_PREFIXES: &[&str] = &[
    "newspapers in",
    "newspapers from",
    "share this",
    "share on",
    "share via",
    "subscribe",
    "sign up for",
    "sign up to",
    "copyright",
    "©",
    "(c)",
    "all rights reserved",
    "follow us",
    "follow the",
    "read more",
    "read also",
    "also read",
    "related:",
    "related articles",
    "related stories",
    "related news",
    "recommended for you",
    "you may also like",
    "more from",
    "advertisement",
    "click here",
    "download the",
    "printed from",
    "print this",
    "email this",
    "get the latest",
    "join our",
    "reporting by",
    "additional reporting",
    "editing by",
    "writing by",
    "compiled by",
    "(reporting by",
    "this article was originally",
    "this story has been",
    "we use cookies",
    "cookie policy",
    "privacy policy",
    "terms of use",
    "terms of service",
    "back to top",
    "skip to",
    "tags:",
    "topics:",
    "filed under",
    "photo:",
    "(photo",
    "file photo",
    "image:",
    "picture:",
    "video:",
    "watch:",
    "listen:",
    "caption:",
];

/// Whole lines (ignoring case) that are page furniture: share buttons and the like.
pub const BOILERPLATE_LINES: &[&str] = &[
    "share", "tweet", "email", "e-mail", "print", "facebook", "twitter", "x", "whatsapp",
    "linkedin", "telegram", "reddit", "comments", "comment", "menu", "search", "home", "close",
    "more", "next", "previous", "top", "ad",
];

/// True when a line is boilerplate by the documented pattern lists.
pub fn is_boilerplate(line: &str) -> bool {
    let line = line.trim();
    // At most 15 words: a cheap length test first.
    if line.len() > 240 {
        return false;
    }
    // The first bytes in ASCII lower case (the patterns are at most 40 bytes).
    let mut buf = [0u8; 40];
    let n = line.len().min(buf.len());
    buf[..n].copy_from_slice(&line.as_bytes()[..n]);
    buf.make_ascii_lowercase();
    let head = &buf[..n];
    let whole = if line.len() <= 12 {
        let bare = line.trim_end_matches([':', '.']).to_ascii_lowercase();
        BOILERPLATE_LINES.contains(&bare.as_str())
    } else {
        false
    };
    let prefixed = || {
        BOILERPLATE_PREFIXES.iter().any(|p| {
            let p = p.as_bytes();
            head.starts_with(p)
                && !(p.last().is_some_and(u8::is_ascii_alphanumeric)
                    && line
                        .as_bytes()
                        .get(p.len())
                        .is_some_and(u8::is_ascii_alphanumeric))
        })
    };
    if !(whole || prefixed()) || line.split_whitespace().count() > 15 {
        return false;
    }
    // A line ending in a period is a sentence unless it is a copyright notice.
    let notice = ["copyright", "©", "(c)"]
        .iter()
        .any(|p| head.starts_with(p.as_bytes()))
        || line.to_lowercase().contains("all rights reserved");
    whole || !line.ends_with('.') || notice
}

/// What an extractor says a block is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum BlockKind {
    /// Decide by the heading rule.
    Auto,
    /// Marked up as a heading (HTML `<h2>`…`<h6>`): a heading when a paragraph follows.
    Heading,
    /// The article's headline: always the first paragraph, never a section heading.
    Headline,
}

/// A paragraph or heading candidate, before whitespace normalisation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Block {
    pub text: String,
    pub kind: BlockKind,
}

impl Block {
    pub(crate) fn auto(text: impl Into<String>) -> Block {
        Block {
            text: text.into(),
            kind: BlockKind::Auto,
        }
    }
}

/// Cleans an article: reads the raw content; fills `text`, `meta`,
/// `paragraphs`, `sections` and `diagnostics` (an error diagnostic when no
/// article text was found).
pub fn clean(raw: RawArticle) -> Doc {
    let RawArticle {
        meta,
        format,
        content,
        warnings,
        ..
    } = raw;
    let mut doc = Doc {
        meta,
        ..Doc::default()
    };
    let mut warnings = warnings;
    let blocks = match format {
        Format::Plain => plain::extract(&content, &mut doc.meta),
        Format::Html => html::extract(&content, &mut doc.meta),
    };
    let mut blocks = blocks;
    // The headline is the article's first sentence: it reports the news as
    // the lead does and is coded like it (the extractors took it out of the
    // body as metadata).
    if let Some(h) = doc.meta.headline.as_deref().map(normalise_space) {
        if !h.is_empty() && blocks.first().map(|b| normalise_space(&b.text)) != Some(h.clone()) {
            blocks.insert(
                0,
                Block {
                    text: h,
                    kind: BlockKind::Headline,
                },
            );
        }
    }
    assemble(&mut doc, blocks, &mut warnings);
    for w in warnings {
        doc.warn(w);
    }
    if doc.paragraphs.iter().all(|p| p.headline) {
        doc.diagnostics.push(crate::doc::Diagnostic {
            severity: crate::doc::Severity::Error,
            message: "no article text found".into(),
        });
    }
    doc
}

/// Collapses whitespace runs to one space and removes invisible characters.
pub(crate) fn normalise_space(s: &str) -> String {
    if is_normal_space(s) {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut pending_space = false;
    for c in s.chars() {
        if c.is_whitespace() {
            pending_space = !out.is_empty();
            continue;
        }
        if matches!(
            c,
            '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}'
        ) || c.is_control()
        {
            continue;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        out.push(c);
    }
    out
}

/// True when `s` has no leading, trailing or double spaces, no other
/// whitespace and no invisible or control characters (so normalising would
/// not change it). Decides on bytes, conservatively.
fn is_normal_space(s: &str) -> bool {
    let b = s.as_bytes();
    if b.first() == Some(&b' ') || b.last() == Some(&b' ') || s.contains("  ") {
        return false;
    }
    // Eight bytes at a time: words with no control, DEL or non-ASCII byte are
    // fine; the others are checked byte by byte.
    const LO: u64 = 0x0101_0101_0101_0101;
    const HI: u64 = 0x8080_8080_8080_8080;
    let mut i = 0;
    while i < b.len() {
        if let Some(c) = b.get(i..i + 8) {
            let w = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
            let below_space = w.wrapping_sub(LO * 0x20) & !w & HI;
            let x = w ^ (LO * 0x7F);
            let del = x.wrapping_sub(LO) & !x & HI;
            if (w & HI) | below_space | del == 0 {
                i += 8;
                continue;
            }
        }
        let end = (i + 8).min(b.len());
        while i < end {
            if is_abnormal_byte(b, i) {
                return false;
            }
            i += 1;
        }
    }
    true
}

/// True when the byte at `i` is whitespace other than a single space, a
/// control character, or starts an invisible or unusual space character.
fn is_abnormal_byte(b: &[u8], i: usize) -> bool {
    let c = b[i];
    if c < 0x80 {
        return c < 0x20 || c == 0x7F;
    }
    let (b1, b2) = (
        b.get(i + 1).copied().unwrap_or(0),
        b.get(i + 2).copied().unwrap_or(0),
    );
    match c {
        // U+0080..U+009F controls, U+00A0 no-break space, U+00AD soft hyphen.
        0xC2 => b1 <= 0xA0 || b1 == 0xAD,
        // U+1680 ogham space.
        0xE1 => b1 == 0x9A && b2 == 0x80,
        // U+2000..U+200D spaces and zero-width, U+2028/2029, U+202F, U+205F, U+2060.
        0xE2 => {
            (b1 == 0x80 && (b2 <= 0x8D || matches!(b2, 0xA8 | 0xA9 | 0xAF)))
                || (b1 == 0x81 && matches!(b2, 0x9F | 0xA0))
        }
        // U+3000 ideographic space.
        0xE3 => b1 == 0x80 && b2 == 0x80,
        // U+FEFF byte-order mark.
        0xEF => b1 == 0xBB && b2 == 0xBF,
        _ => false,
    }
}

/// Word count.
pub(crate) fn words(s: &str) -> usize {
    s.split_whitespace().count()
}

/// True when the line ends like a sentence (or a quotation) rather than a title.
pub(crate) fn ends_like_sentence(s: &str) -> bool {
    s.trim_end().ends_with([
        '.', '!', '?', '…', ',', ';', ':', '"', '”', '’', '\'', '»', ')',
    ])
}

/// True when the line ends a sentence: `.`, `!`, `?` or an ellipsis,
/// possibly followed by closing quotation marks or brackets.
pub(crate) fn ends_sentence(s: &str) -> bool {
    s.trim_end()
        .trim_end_matches(['"', '”', '’', '\'', '»', ')', ']'])
        .ends_with(['.', '!', '?', '…'])
}

/// A short line without sentence punctuation: a heading, headline or link.
pub(crate) fn is_heading_like(s: &str) -> bool {
    let first = s.chars().next();
    !s.is_empty()
        && s.len() <= 120
        && !ends_like_sentence(s)
        && words(s) <= 12
        && first.is_some_and(|c| c.is_uppercase() || c.is_numeric())
        && s.chars().any(char::is_alphabetic)
}

/// Turns blocks into the text, paragraphs and sections of `doc`.
pub(crate) fn assemble(doc: &mut Doc, blocks: Vec<Block>, warnings: &mut Vec<String>) {
    let mut blocks: Vec<Block> = blocks
        .into_iter()
        .map(|b| Block {
            text: if is_normal_space(&b.text) {
                b.text
            } else {
                normalise_space(&b.text)
            },
            kind: b.kind,
        })
        .filter(|b| !b.text.is_empty() && !is_boilerplate(&b.text))
        .collect();
    // Short title-like lines after the last paragraph: orphaned headings,
    // link lists, aggregator furniture the pattern list does not know.
    while let Some(last) = blocks.last() {
        let body_blocks = blocks
            .iter()
            .filter(|b| b.kind != BlockKind::Headline)
            .count();
        if last.kind == BlockKind::Headline
            || !(last.kind == BlockKind::Heading || is_heading_like(&last.text))
            || body_blocks == 1
        {
            break;
        }
        if let Some(b) = blocks.pop() {
            warnings.push(format!("dropped trailing line {:?}", b.text));
        }
    }
    let mut text = String::with_capacity(blocks.iter().map(|b| b.text.len() + 2).sum());
    let n = blocks.len();
    for (i, b) in blocks.iter().enumerate() {
        let next_is_paragraph = blocks
            .get(i + 1)
            .is_some_and(|nb| nb.kind == BlockKind::Auto && !is_heading_like(&nb.text));
        let heading = next_is_paragraph
            && b.kind != BlockKind::Headline
            && (b.kind == BlockKind::Heading || is_heading_like(&b.text))
            && i + 1 < n;
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        let start = text.len();
        text.push_str(&b.text);
        let span = Span::new(start, text.len());
        if heading {
            doc.sections.push(Section {
                heading: span,
                first_paragraph: doc.paragraphs.len(),
            });
        } else {
            doc.paragraphs.push(Paragraph {
                span,
                section: doc.sections.len().checked_sub(1),
                headline: b.kind == BlockKind::Headline,
            });
        }
    }
    doc.text = text;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boilerplate_table() {
        let cases = [
            ("Newspapers in English", true),
            ("Newspapers from Hong Kong", true),
            ("Share this article", true),
            ("Copyright 2026 Harbour Gazette. All rights reserved.", true),
            ("© 2026 Example Wire", true),
            ("Follow us on Twitter", true),
            ("Subscribe to our newsletter", true),
            ("Reporting by Jane Roe; Editing by John Doe", true),
            ("Facebook", true),
            ("Photo: Jane Roe / Example Wire", true),
            ("(Photo/Agencies)", true),
            ("Photographs of the meeting were released on Monday.", false),
            (
                "Subscribers to the service complained about the outage on Monday.",
                false,
            ),
            ("Copyrighted material was seized.", false),
            ("Peru plans to end its trade talks with Chile.", false),
            ("Share prices fell sharply in Moscow.", false),
            (
                "More than 20 diplomats were expelled from the country on Sunday after the talks.",
                false,
            ),
        ];
        for (line, want) in cases {
            assert_eq!(is_boilerplate(line), want, "{line:?}");
        }
    }

    #[test]
    fn normalise_space_table() {
        let cases = [
            ("  a  b\t\nc ", "a b c"),
            ("a\u{00A0}b", "a b"),
            ("zero\u{200B}width", "zerowidth"),
            ("soft\u{00AD}hyphen", "softhyphen"),
            ("bell\u{7}", "bell"),
            ("", ""),
            ("“Quoted” – dash…", "“Quoted” – dash…"),
            ("a\u{2009}b\u{3000}c\u{FEFF}d", "a b cd"),
            ("x\u{0085}y", "x y"),
            ("ok text", "ok text"),
            (
                "long ascii text before a tab\there",
                "long ascii text before a tab here",
            ),
            (
                "long ascii text before two  spaces",
                "long ascii text before two spaces",
            ),
            (
                "long “quoted” text before a nbsp\u{00A0}here",
                "long “quoted” text before a nbsp here",
            ),
            (
                "long ascii text before a del\u{7F}!",
                "long ascii text before a del!",
            ),
        ];
        for (input, want) in cases {
            assert_eq!(normalise_space(input), want, "{input:?}");
        }
    }

    #[test]
    fn headings_need_a_following_paragraph() {
        let mut doc = Doc::default();
        let blocks = [
            "First paragraph ends here.",
            "A heading",
            "Second paragraph.",
            "Trailing link",
        ]
        .into_iter()
        .map(Block::auto)
        .collect();
        let mut warnings = Vec::new();
        assemble(&mut doc, blocks, &mut warnings);
        assert_eq!(
            doc.text,
            "First paragraph ends here.\n\nA heading\n\nSecond paragraph."
        );
        assert_eq!(doc.sections.len(), 1);
        assert_eq!(doc.slice(doc.sections[0].heading), "A heading");
        assert_eq!(doc.sections[0].first_paragraph, 1);
        assert_eq!(doc.paragraphs.len(), 2);
        assert_eq!(doc.paragraphs[1].section, Some(0));
        assert_eq!(warnings, ["dropped trailing line \"Trailing link\""]);
    }
}
