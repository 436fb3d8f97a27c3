//! Segmentation: sentences and tokens with byte offsets, for news English.
//!
//! Reads `text` and `paragraphs`; fills `sentences` and `tokens`. Section
//! headings are not paragraphs, so they never become sentences.
//!
//! # Tokens
//!
//! - [`TokenKind::Word`](crate::doc::TokenKind::Word): letters and digits with inner hyphens ("so-called",
//!   "COVID-19") and inner apostrophes ("don't", "O'Brien"); chains of single
//!   letters with periods keep their periods ("U.S.", "a.m.", "J.R.R.", and
//!   "a.m" written without the last one); a capital initial keeps its period
//!   ("V." in "Sergey V. Lavrov"); listed abbreviations keep their period
//!   ("Mr.", "Gen.", "Jan.", "Inc."); e-mail addresses and URLs are one word.
//! - **The possessive "’s" / "'s" is a token of its own** (`Russia` + `’s`,
//!   kind `Word`), so that names match on token boundaries; other apostrophes
//!   stay inside the word ("don't" is one token).
//! - [`TokenKind::Number`](crate::doc::TokenKind::Number): digits with inner `.` `,` `:` `/` ("3.5", "1,200",
//!   "11:30") and an attached suffix ("4.5bn", "1990s", "11th").
//! - [`TokenKind::Quote`](crate::doc::TokenKind::Quote): every quotation mark, one per token.
//! - [`TokenKind::Punct`](crate::doc::TokenKind::Punct): punctuation; runs of periods ("...") or of `?`/`!`
//!   are one token.
//! - [`TokenKind::Symbol`](crate::doc::TokenKind::Symbol): anything else ("$", "%", "©", emoji).
//!
//! # Sentences
//!
//! A sentence ends at `.`, `?`, `!` or an ellipsis, together with the closing
//! quotation marks and brackets written right after it, when what follows
//! starts a sentence:
//! - a lower-case word never starts one (`“…?” she asked.`, `…future,” he said.`);
//! - after a title ("Mr.", "Gen.", "Lt. Col.", "Sen.", "vs.", "e.g.") there is no
//!   break; after other abbreviations, letter chains and initials ("Inc.",
//!   "Jan.", "No.", "U.S.", "a.m.", "V.") a break is made only before a typical
//!   sentence opener ("The", "He", "However", …) or a quotation;
//! - after a closing quotation mark, a name and a speech verb continue the
//!   sentence (`“…!” Smith said.`);
//! - sentences may end inside a quotation (`“One. Two,” he said.` is two
//!   sentences). Quotation state (which marks are open) is tracked to tell
//!   opening from closing straight quotes and apostrophes, and is reset at
//!   each paragraph end, so a multi-paragraph quotation that leaves its mark
//!   open does not affect the next paragraph.
//!
//! Sentence spans start at their first token and end at their last, so they
//! never begin or end with whitespace.

mod sentence;
mod token;

use crate::doc::{Doc, Sentence, Span, Token};
pub(crate) use token::RawToken;

/// Splits paragraphs into sentences and tokens: reads `text`, `paragraphs`;
/// fills `sentences`, `tokens` (replacing any there were).
pub fn segment(doc: &mut Doc) {
    doc.sentences.clear();
    doc.tokens.clear();
    let mut raw: Vec<RawToken> = Vec::with_capacity(256);
    for (pi, p) in doc.paragraphs.iter().enumerate() {
        let Some(ptext) = doc.text.get(p.span.start..p.span.end) else {
            continue;
        };
        raw.clear();
        token::tokenize(ptext, p.span.start, &mut raw);
        for (a, b) in sentence::split(&doc.text, &raw) {
            let si = doc.sentences.len();
            let first = doc.tokens.len();
            doc.tokens.extend(raw[a..b].iter().map(|t| Token {
                span: t.span,
                kind: t.kind,
                sentence: si,
            }));
            doc.sentences.push(Sentence {
                span: Span::new(raw[a].span.start, raw[b - 1].span.end),
                paragraph: pi,
                tokens: Span::new(first, doc.tokens.len()),
            });
        }
    }
}

/// True for every quotation mark: straight, curly, low-9, guillemets.
pub fn is_quote(c: char) -> bool {
    token::is_quote_char(c)
}

/// Splits one piece of text into sentences (as one paragraph): the sentence
/// strings, for tests and tools.
pub fn split_sentences(text: &str) -> Vec<&str> {
    let mut raw = Vec::new();
    token::tokenize(text, 0, &mut raw);
    sentence::split(text, &raw)
        .into_iter()
        .map(|(a, b)| &text[raw[a].span.start..raw[b - 1].span.end])
        .collect()
}

/// Tokenizes one piece of text: the token strings and kinds, for tests and tools.
pub fn tokens(text: &str) -> Vec<(&str, crate::doc::TokenKind)> {
    let mut raw = Vec::new();
    token::tokenize(text, 0, &mut raw);
    raw.iter()
        .map(|t| (&text[t.span.start..t.span.end], t.kind))
        .collect()
}

#[cfg(test)]
mod tests;
