//! A test helper: builds a [`Doc`] from plain text with hand-made entities and
//! mentions, so speaker linking is tested without the actor stage.

use super::scan::{tokenize, unit_ends};
use crate::doc::{
    Doc, Entity, EntityKind, Gender, Mention, MentionKind, Paragraph, Sentence, Span,
};

/// (name, kind, code, gender, surfaces).
type EntitySpec = (
    String,
    EntityKind,
    Option<String>,
    Option<Gender>,
    Vec<String>,
);

/// Builds a test document.
pub struct DocBuilder {
    text: String,
    /// (name, kind, code, gender, surfaces) where a surface may be prefixed with
    /// "~" (demonym), "@" (nominal) or "!" (pronoun).
    entities: Vec<EntitySpec>,
}

/// Starts a test document; paragraphs are separated by blank lines.
pub fn doc(text: &str) -> DocBuilder {
    DocBuilder {
        text: text.to_string(),
        entities: Vec::new(),
    }
}

impl DocBuilder {
    /// Adds an entity mentioned by each of `surfaces` wherever they occur as whole words.
    pub fn entity(
        mut self,
        name: &str,
        kind: EntityKind,
        code: &str,
        gender: Option<Gender>,
        surfaces: &[&str],
    ) -> Self {
        let code = (!code.is_empty()).then(|| code.to_string());
        self.entities.push((
            name.into(),
            kind,
            code,
            gender,
            surfaces.iter().map(|s| s.to_string()).collect(),
        ));
        self
    }

    /// The built document: paragraphs, sentences (clause units), entities, mentions.
    pub fn build(self) -> Doc {
        let mut doc = Doc {
            text: self.text.clone(),
            ..Doc::default()
        };
        let mut pos = 0;
        for part in self.text.split("\n\n") {
            let lead = part.len() - part.trim_start().len();
            let span = Span::new(pos + lead, pos + part.trim_end().len());
            if span.end > span.start {
                doc.paragraphs.push(Paragraph {
                    span,
                    section: None,
                    headline: false,
                });
            }
            pos += part.len() + 2;
        }
        for (pi, p) in doc.paragraphs.clone().iter().enumerate() {
            let toks = tokenize(&doc.text, p.span.start, p.span.end);
            let mut lo = 0;
            for e in unit_ends(&doc.text, &toks) {
                if e > lo {
                    doc.sentences.push(Sentence {
                        span: Span::new(toks[lo].start, toks[e - 1].end),
                        paragraph: pi,
                        tokens: Span::new(0, 0),
                    });
                }
                lo = e;
            }
        }
        let mut surfaces: Vec<(String, usize, MentionKind)> = Vec::new();
        for (id, (name, kind, code, gender, sf)) in self.entities.into_iter().enumerate() {
            doc.entities.push(Entity {
                id,
                name,
                code,
                kind,
                roles: Vec::new(),
                gender,
                country: None,
            });
            for s in sf {
                let (mk, s) = match s.chars().next() {
                    Some('~') => (MentionKind::Demonym, s[1..].to_string()),
                    Some('@') => (MentionKind::Nominal, s[1..].to_string()),
                    Some('!') => (MentionKind::Pronoun, s[1..].to_string()),
                    _ => (MentionKind::Name, s),
                };
                surfaces.push((s, id, mk));
            }
        }
        surfaces.sort_by_key(|(s, _, _)| std::cmp::Reverse(s.len()));
        let text = doc.text.clone();
        for (s, id, mk) in surfaces {
            for (at, _) in text.match_indices(s.as_str()) {
                let end = at + s.len();
                let before = text[..at].chars().next_back();
                let after = text[end..].chars().next();
                if before.is_some_and(char::is_alphanumeric)
                    || after.is_some_and(char::is_alphanumeric)
                {
                    continue;
                }
                let span = Span::new(at, end);
                if doc.mentions.iter().any(|m| m.span.overlaps(span)) {
                    continue;
                }
                let sentence = doc.sentence_at(at).unwrap_or(0);
                doc.mentions.push(Mention {
                    entity: id,
                    span,
                    sentence,
                    kind: mk,
                });
            }
        }
        doc.mentions.sort_by_key(|m| m.span.start);
        doc
    }
}
