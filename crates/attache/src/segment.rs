//! Segmentation: sentences and tokens with byte offsets.
//!
//! Owner: the text-reading stage. (Skeleton: to be completed.)

use crate::doc::{Doc, Sentence, Span, Token, TokenKind};

/// Splits paragraphs into sentences and tokens: reads `text`, `paragraphs`;
/// fills `sentences`, `tokens`.
pub fn segment(doc: &mut Doc) {
    let mut sentences = Vec::new();
    for (pi, p) in doc.paragraphs.iter().enumerate() {
        let text = &doc.text[p.span.start..p.span.end];
        let mut start = 0;
        for (i, c) in text.char_indices() {
            if c == '.' && text[i + 1..].starts_with(' ') {
                sentences.push((pi, Span::new(p.span.start + start, p.span.start + i + 1)));
                start = i + 2;
            }
        }
        if start < text.len() {
            sentences.push((pi, Span::new(p.span.start + start, p.span.end)));
        }
    }
    for (si, (pi, span)) in sentences.into_iter().enumerate() {
        let first = doc.tokens.len();
        let s = &doc.text[span.start..span.end];
        let mut tok_start: Option<usize> = None;
        for (i, c) in s.char_indices().chain(std::iter::once((s.len(), ' '))) {
            if c.is_alphanumeric() {
                tok_start.get_or_insert(i);
                continue;
            }
            if let Some(b) = tok_start.take() {
                doc.tokens.push(Token {
                    span: Span::new(span.start + b, span.start + i),
                    kind: TokenKind::Word,
                    sentence: si,
                });
            }
            if !c.is_whitespace() && i < s.len() {
                doc.tokens.push(Token {
                    span: Span::new(span.start + i, span.start + i + c.len_utf8()),
                    kind: TokenKind::Punct,
                    sentence: si,
                });
            }
        }
        doc.sentences.push(Sentence {
            span,
            paragraph: pi,
            tokens: Span::new(first, doc.tokens.len()),
        });
    }
}
