//! First person inside direct quotations: "I", "me", "my" in a quotation
//! refer to its speaker; "we", "us", "our" to the speaker's side (the state a
//! national official speaks for, else the speaker). Runs after the quotes
//! stage, which is the one that knows who said each quotation.

use crate::doc::{Doc, Entity, EntityKind, Mention, MentionKind, QuoteKind, Span};
use crate::index::Overlaps;
use std::collections::{BTreeMap, HashMap};
use std::ops::Bound;

/// Singular or plural first person.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Person {
    Singular,
    Plural,
}

/// The first-person pronoun a word is, if any. "I" only in capitals; "US"
/// is the United States, so plural "us" only in lower case or "Us".
fn first_person(word: &str) -> Option<Person> {
    let base = word.split(['\'', '’']).next().unwrap_or(word);
    match base {
        "I" => Some(Person::Singular),
        "US" => None,
        _ => {
            let l = base.to_lowercase();
            if super::words::is_first_singular(&l) {
                Some(Person::Singular)
            } else if super::words::is_first_plural(&l) {
                Some(Person::Plural)
            } else {
                None
            }
        }
    }
}

/// Words of `text[start..end]`: letters with inner apostrophes, as byte spans
/// of the part before any apostrophe ("I" in "I'm").
fn words(text: &str, start: usize, end: usize) -> Vec<(Span, Person)> {
    let Some(s) = text.get(start..end) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut i = 0;
    let b = s.as_bytes();
    while i < s.len() {
        let Some(c) = s[i..].chars().next() else {
            break;
        };
        if !c.is_alphabetic() {
            i += c.len_utf8();
            continue;
        }
        let w0 = i;
        let mut j = i;
        while j < s.len() {
            let Some(c) = s[j..].chars().next() else {
                break;
            };
            let inner_apos = (c == '\'' || c == '’')
                && s[j + c.len_utf8()..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphabetic);
            if c.is_alphabetic() || inner_apos {
                j += c.len_utf8();
            } else {
                break;
            }
        }
        let word = &s[w0..j];
        let prev_ok = w0 == 0 || !b[w0 - 1].is_ascii_alphanumeric();
        if let (true, Some(p)) = (prev_ok, first_person(word)) {
            let stem = word.find(['\'', '’']).unwrap_or(word.len());
            out.push((Span::new(start + w0, start + w0 + stem), p));
        }
        i = j.max(i + 1);
    }
    out
}

/// Links first-person pronouns inside direct quotations to the quotation's
/// speaker: reads `quotes`, `entities`, `mentions`, `sentences`; adds or
/// re-points pronoun mentions (keeping `mentions` in text order and without
/// overlaps). Quotations without a known speaker entity are left alone, as
/// are words already covered by a non-pronoun mention.
pub fn link_first_person(doc: &mut Doc) {
    let direct: Vec<(Span, usize)> = doc
        .quotes
        .iter()
        .filter(|q| q.kind == QuoteKind::Direct)
        .filter_map(|q| Some((q.span, q.speaker.entity?)))
        .filter(|(_, e)| *e < doc.entities.len())
        .collect();
    if direct.is_empty() {
        return;
    }
    let sides = Sides::new(&doc.entities);
    let within = Overlaps::new(direct.iter().map(|d| d.0));
    // Mentions whose starts and ends both keep text order (what the actor
    // stage writes) take the new pronouns in a side list merged in at the
    // end, which gives the order inserting each one in place gives, without
    // moving the whole list for each; otherwise each is inserted in place.
    let sorted = doc
        .mentions
        .windows(2)
        .all(|m| m[0].span.start <= m[1].span.start && m[0].span.end <= m[1].span.end);
    let mut added: BTreeMap<usize, Mention> = BTreeMap::new();
    for &(span, speaker) in &direct {
        let side = sides.side_of(&doc.entities, speaker);
        for (w, p) in words(&doc.text, span.start, span.end) {
            // A quotation inside this one has its own speaker.
            let inner = within.all(w).any(|k| {
                let s = direct[k].0;
                s != span && s.len() < span.len() && s.start <= w.start && w.end <= s.end
            });
            if inner {
                continue;
            }
            let target = match p {
                Person::Singular => speaker,
                Person::Plural => side,
            };
            let sentence = || {
                doc.sentences
                    .partition_point(|s| s.span.end <= w.start)
                    .min(doc.sentences.len().saturating_sub(1))
            };
            let new = |sentence| Mention {
                entity: target,
                span: w,
                sentence,
                kind: MentionKind::Pronoun,
            };
            if !sorted {
                let at = doc.mentions.partition_point(|m| m.span.end <= w.start);
                match doc.mentions.get_mut(at) {
                    Some(m) if m.span.overlaps(w) => repoint(m, w, target),
                    _ => {
                        let m = new(sentence());
                        doc.mentions.insert(at, m);
                    }
                }
                continue;
            }
            // The first mention ending after w.start, among the old ones and
            // the added ones (keyed by their end; an added one overlaps none).
            let at = doc.mentions.partition_point(|m| m.span.end <= w.start);
            let a = added
                .range((Bound::Excluded(w.start), Bound::Unbounded))
                .next()
                .map(|(&k, _)| k);
            let first_added = match (doc.mentions.get(at), a) {
                (Some(o), Some(k)) => added[&k].span.end <= o.span.start,
                (None, Some(_)) => true,
                _ => false,
            };
            let m = if first_added {
                a.and_then(|k| added.get_mut(&k))
            } else {
                doc.mentions.get_mut(at)
            };
            match m {
                Some(m) if m.span.overlaps(w) => repoint(m, w, target),
                _ => {
                    let m = new(sentence());
                    added.insert(w.end, m);
                }
            }
        }
    }
    if !added.is_empty() {
        let old = std::mem::take(&mut doc.mentions);
        let mut out = Vec::with_capacity(old.len() + added.len());
        let mut added = added.into_values().peekable();
        for o in old {
            while let Some(a) = added.next_if(|a| o.span.end > a.span.start) {
                out.push(a);
            }
            out.push(o);
        }
        out.extend(added);
        doc.mentions = out;
    }
}

/// A pronoun mention at exactly `w` now stands for `target`.
fn repoint(m: &mut Mention, w: Span, target: usize) {
    if m.span == w && m.kind == MentionKind::Pronoun {
        m.entity = target;
    }
}

/// The side a speaker's "we" stands for: the state a national official or
/// body of the state's own sectors is coded with (RUSGOV, RUSMIL speak for
/// Russia); else the organisation coded as the speaker is (a NATO or Taliban
/// spokesman speaks for NATO or the Taliban); else the speaker itself.
/// `Sides` finds that entity by its code, not by a scan of the entities.
struct Sides {
    /// The first state entity with each code.
    states: HashMap<String, usize>,
    /// The organisation and group entities with each code, in order.
    bodies: HashMap<String, Vec<usize>>,
}

impl Sides {
    fn new(entities: &[Entity]) -> Sides {
        let mut states = HashMap::new();
        let mut bodies: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, e) in entities.iter().enumerate() {
            let Some(code) = &e.code else { continue };
            match e.kind {
                EntityKind::State => {
                    states.entry(code.clone()).or_insert(i);
                }
                EntityKind::Organization | EntityKind::Group => {
                    bodies.entry(code.clone()).or_default().push(i);
                }
                _ => {}
            }
        }
        Sides { states, bodies }
    }

    fn side_of(&self, entities: &[Entity], speaker: usize) -> usize {
        let e = &entities[speaker];
        if !matches!(e.kind, EntityKind::Person | EntityKind::Organization) {
            return speaker;
        }
        let Some(code) = &e.code else {
            return speaker;
        };
        let iso = e.country.as_deref().unwrap_or("-");
        let sector = code.strip_prefix(iso).unwrap_or("-");
        if super::words::is_state_sector(sector) {
            self.states.get(iso).map_or(speaker, |&i| entities[i].id)
        } else {
            // A spokesman's "we" is the body coded as he is ("a NATO
            // spokeswoman": NATO; "a Taliban spokesman": the Taliban).
            self.bodies
                .get(code.as_str())
                .and_then(|b| b.iter().map(|&i| entities[i].id).find(|&id| id != speaker))
                .unwrap_or(speaker)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_person_words() {
        let cases: &[(&str, &[&str])] = &[
            ("I said we would go", &["I", "we"]),
            ("I'm sure our team won", &["I", "our"]),
            ("the US told us", &["us"]),
            ("It is mine and my own", &["mine", "my"]),
            ("Iran and Myanmar met", &[]),
            ("we’ll see", &["we"]),
        ];
        for (text, want) in cases {
            let got: Vec<&str> = words(text, 0, text.len())
                .iter()
                .map(|(s, _)| &text[s.start..s.end])
                .collect();
            assert_eq!(&got, want, "in {text:?}");
        }
    }
}
