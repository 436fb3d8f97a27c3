//! A [`Doc`] from inline markup, for tests and examples of the later stages
//! (dates, channels, conflicts) without running the actor and quotation
//! stages.
//!
//! Markup:
//! - `{Russia|RUS}` is a mention of an entity with code `RUS`; mentions with
//!   the same code and name share an entity. A third field sets the kind:
//!   `{Lavrov|RUSGOV|person}`, `{Moscow|RUS|metonym}`, `{Russian|RUS|demonym}`,
//!   `{the alliance|IGOWSTNAT|nominal}`, `{it|CUB|pronoun}`; add `s` to mark the
//!   speaker of the sentence's statement: `{Lavrov|RUSGOV|person,s}`.
//! - `[[…]]` is a statement: direct when its text starts with a quotation
//!   mark, otherwise indirect; its speaker is the sentence's `s` mention.
//! - Sentences end at `.`, `?` or `!` followed by a space (or at `||`, which
//!   also starts a new paragraph).
//!
//! ```
//! let doc = attache::markup::doc("{Russia|RUS} expelled two {Czech|CZE|demonym} diplomats on Sunday.", Some("2021-04-18"));
//! assert_eq!(doc.mentions.len(), 2);
//! assert_eq!(doc.sentences.len(), 1);
//! ```

use crate::doc::{
    Doc, Entity, EntityKind, Mention, MentionKind, Paragraph, Quote, QuoteKind, Sentence, Span,
    Speaker,
};
use chrono::NaiveDate;

struct PendingMention {
    span: Span,
    code: String,
    name: String,
    kind: MentionKind,
    ekind: EntityKind,
    speaker: bool,
}

/// Builds a document from markup (see the module docs). `published` is `YYYY-MM-DD`.
pub fn doc(markup: &str, published: Option<&str>) -> Doc {
    let mut text = String::new();
    let mut mentions: Vec<PendingMention> = Vec::new();
    let mut quotes: Vec<(Span, bool)> = Vec::new();
    let mut para_breaks: Vec<usize> = Vec::new();
    let mut quote_start: Option<usize> = None;
    let mut rest = markup;
    while !rest.is_empty() {
        if let Some(r) = rest.strip_prefix("[[") {
            quote_start = Some(text.len());
            rest = r;
        } else if let Some(r) = rest.strip_prefix("]]") {
            if let Some(s) = quote_start.take() {
                let span = Span::new(s, text.len());
                let direct = text[s..].starts_with(['"', '“']);
                quotes.push((span, direct));
            }
            rest = r;
        } else if let Some(r) = rest.strip_prefix("||") {
            para_breaks.push(text.len());
            rest = r.trim_start();
            if !text.ends_with(' ') && !text.is_empty() {
                text.push(' ');
            }
        } else if rest.starts_with('{') {
            let close = rest.find('}').unwrap_or(rest.len());
            let inner = &rest[1..close];
            let mut parts = inner.split('|');
            let name = parts.next().unwrap_or("").to_string();
            let code = parts.next().unwrap_or("").to_string();
            let flags = parts.next().unwrap_or("");
            let mut kind = MentionKind::Name;
            let mut ekind = EntityKind::State;
            let mut speaker = false;
            for f in flags.split(',') {
                match f {
                    "person" => ekind = EntityKind::Person,
                    "org" => ekind = EntityKind::Organization,
                    "place" => ekind = EntityKind::Place,
                    "group" => ekind = EntityKind::Group,
                    "metonym" => kind = MentionKind::Metonym,
                    "demonym" => kind = MentionKind::Demonym,
                    "nominal" => kind = MentionKind::Nominal,
                    "pronoun" => kind = MentionKind::Pronoun,
                    "s" => speaker = true,
                    _ => {}
                }
            }
            if code.starts_with("IGO") && ekind == EntityKind::State {
                ekind = EntityKind::Organization;
            }
            let start = text.len();
            text.push_str(&name);
            mentions.push(PendingMention {
                span: Span::new(start, text.len()),
                code,
                name,
                kind,
                ekind,
                speaker,
            });
            rest = rest.get(close + 1..).unwrap_or("");
        } else {
            let c = rest.chars().next().unwrap_or(' ');
            text.push(c);
            rest = &rest[c.len_utf8()..];
        }
    }
    let mut d = Doc {
        text,
        ..Doc::default()
    };
    d.meta.published = published.and_then(|p| NaiveDate::parse_from_str(p, "%Y-%m-%d").ok());
    // Paragraphs and sentences.
    let mut bounds = vec![0];
    bounds.extend(para_breaks.iter().copied());
    bounds.push(d.text.len());
    for w in bounds.windows(2) {
        let (a, b) = (w[0], w[1]);
        let pi = d.paragraphs.len();
        d.paragraphs.push(Paragraph {
            span: Span::new(a, b),
            section: None,
            headline: false,
        });
        let body = &d.text[a..b];
        let mut start = 0;
        let bytes = body.as_bytes();
        let mut sents = Vec::new();
        for (i, c) in body.char_indices() {
            if matches!(c, '.' | '?' | '!')
                && (i + 1 == body.len() || bytes.get(i + 1) == Some(&b' '))
            {
                // Not an abbreviation like "U.S." or "Oct.": the word before is longer than 3 letters or ends a quote.
                let word_start = body[..i].rfind(' ').map(|x| x + 1).unwrap_or(0);
                let word = &body[word_start..i];
                if word.contains('.')
                    || (word.len() <= 3 && word.chars().next().is_some_and(|c| c.is_uppercase()))
                {
                    continue;
                }
                sents.push((start, i + 1));
                start = i + 1;
                while start < body.len() && bytes[start] == b' ' {
                    start += 1;
                }
            }
        }
        if !body[start..].trim().is_empty() {
            sents.push((start, body.trim_end().len()));
        }
        for (s, e) in sents {
            d.sentences.push(Sentence {
                span: Span::new(a + s, a + e),
                paragraph: pi,
                tokens: Span::new(0, 0),
            });
        }
    }
    // Entities and mentions.
    for m in &mentions {
        let existing = d
            .entities
            .iter()
            .position(|e| e.code.as_deref() == Some(m.code.as_str()) && e.kind == m.ekind);
        let id = match existing {
            Some(i) => i,
            None => {
                let id = d.entities.len();
                d.entities.push(Entity {
                    id,
                    name: m.name.clone(),
                    code: (!m.code.is_empty()).then(|| m.code.clone()),
                    kind: m.ekind,
                    roles: Vec::new(),
                    gender: None,
                    country: m.code.get(..3).map(str::to_string),
                });
                id
            }
        };
        if m.ekind == EntityKind::Person && d.entities[id].name.len() < m.name.len() {
            d.entities[id].name = m.name.clone();
        }
        let sentence = d.sentence_at(m.span.start).unwrap_or(0);
        d.mentions.push(Mention {
            entity: id,
            span: m.span,
            sentence,
            kind: m.kind,
        });
    }
    // Statements.
    for (span, direct) in quotes {
        let si = d.sentence_at(span.start).unwrap_or(0);
        let last = d
            .sentence_at(span.end.saturating_sub(1))
            .unwrap_or(si)
            .max(si);
        // the speaker mark in the sentences the statement overlaps, or the one after it
        let spk = mentions
            .iter()
            .zip(d.mentions.iter())
            .find(|(p, m)| p.speaker && m.sentence >= si && m.sentence <= last)
            .map(|(p, m)| Speaker {
                name: Some(d.entities[m.entity].name.clone()).filter(|_| !p.name.is_empty()),
                code: Some(p.code.clone()),
                entity: Some(m.entity),
            })
            .unwrap_or_default();
        let sentences = (0..d.sentences.len())
            .filter(|&i| d.sentences[i].span.overlaps(span))
            .collect();
        d.quotes.push(Quote {
            span,
            kind: if direct {
                QuoteKind::Direct
            } else {
                QuoteKind::Indirect
            },
            speaker: spk,
            cue: None,
            sentences,
        });
    }
    d
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builds_mentions_sentences_quotes() {
        let d = doc(
            "{Lavrov|RUSGOV|person,s} said [[{Russia|RUS} notified {NATO|IGOWSTNAT} in advance]]. || The U.S. embassy in Oct. closed.",
            Some("2021-10-20"),
        );
        assert_eq!(d.sentences.len(), 2, "{:?}", d.sentences);
        assert_eq!(d.paragraphs.len(), 2);
        assert_eq!(d.mentions.len(), 3);
        assert_eq!(d.slice(d.mentions[2].span), "NATO");
        assert_eq!(d.quotes.len(), 1);
        assert_eq!(d.slice(d.quotes[0].span), "Russia notified NATO in advance");
        assert_eq!(d.quotes[0].speaker.code.as_deref(), Some("RUSGOV"));
        assert_eq!(d.entities[2].kind, EntityKind::Organization);
    }
}
