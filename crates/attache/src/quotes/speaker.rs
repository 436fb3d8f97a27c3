//! Speaker resolution: turns the speaker phrase of a statement into a
//! [`Speaker`] linked to an entity — names and surnames through the actor stage's
//! mentions, pronouns to the most recent compatible speaker or person, offices and
//! spokespeople to their organisation, and the phrase itself when no entity fits.

use super::phrase::is_in;
use super::scan::{lower, tokenize};
use super::words::class::{
    APPOSITIVE_OPENERS, HEAD_PREPOSITIONS, ORG_HEADS, ROLE_WORDS, SPOKES_HEADS, SPOKES_OF_ORG,
    STATE_OFFICES,
};
use crate::doc::{Doc, EntityKind, Gender, Mention, MentionKind, Span, Speaker};

/// A statement already attributed, as pronoun resolution sees it.
#[derive(Clone, Debug)]
pub struct Prior {
    /// Where its speaker phrase (or the statement, when there is none) starts.
    pub at: usize,
    /// Its paragraph.
    pub paragraph: usize,
    /// Its speaker.
    pub speaker: Speaker,
}

/// CAMEO sector added to a bare state code for a head word ("Czech police" → CZECOP).
fn sector_for(head: &str) -> Option<&'static str> {
    Some(match head {
        "ministry" | "minister" | "government" | "official" | "officials" | "spokesman"
        | "spokeswoman" | "spokesperson" | "president" | "premier" | "chancellor" | "cabinet"
        | "authorities" | "administration" | "embassy" | "diplomat" | "diplomats"
        | "ambassador" | "envoy" | "department" | "office" | "kremlin" => "GOV",
        "police" | "policemen" => "COP",
        "army" | "military" | "troops" | "forces" | "soldiers" | "navy" | "commander"
        | "commanders" => "MIL",
        "parliament" | "lawmakers" | "legislators" | "senator" | "senators" | "lawmaker"
        | "legislature" | "senate" => "LEG",
        "court" | "judge" | "judges" | "prosecutor" | "prosecutors" => "JUD",
        "media" | "television" | "newspaper" | "broadcaster" | "tv" => "MED",
        "rebels" | "insurgents" | "militants" => "REB",
        "protesters" | "demonstrators" | "residents" | "citizens" | "people" => "CVL",
        _ => return None,
    })
}

/// Resolves a speaker from its phrase.
pub struct Resolver<'a> {
    doc: &'a Doc,
    /// Spans (direct quotation contents) whose mentions are never speakers.
    excluded: &'a [Span],
}

impl<'a> Resolver<'a> {
    /// A resolver over a document; mentions inside `excluded` spans are ignored.
    pub fn new(doc: &'a Doc, excluded: &'a [Span]) -> Resolver<'a> {
        Resolver { doc, excluded }
    }

    /// The actor a quotation with no attribution continues from: the first
    /// person (else organisation, else state) named before `at` in its
    /// sentence, or else in the sentence before it — "Kenya's interior minister,
    /// Grace Mutua, spoke at the funeral. “These officers gave everything.”",
    /// "President X on the result: “…”".
    pub fn lead_in_actor(&self, at: usize) -> Speaker {
        let doc = self.doc;
        let Some(si) = doc
            .sentences
            .iter()
            .position(|s| s.span.start <= at && at < s.span.end.max(s.span.start + 1))
        else {
            return Speaker::default();
        };
        for s in [Some(si), si.checked_sub(1)].into_iter().flatten() {
            let sent = doc.sentences[s].span;
            let upto = if s == si { at } else { sent.end };
            let mut best: Option<(u8, usize, usize)> = None; // (rank, start, entity)
            for m in self.mentions_in(Span::new(sent.start, upto)) {
                if m.span.end > upto || self.excluded(m.span) || m.entity >= doc.entities.len() {
                    continue;
                }
                let rank = match (doc.entities[m.entity].kind, m.kind) {
                    (_, MentionKind::Pronoun | MentionKind::Demonym) => continue,
                    (EntityKind::Person, _) => 0,
                    (EntityKind::Organization, _) => 1,
                    (EntityKind::State, _) => 2,
                    _ => continue,
                };
                if best.is_none_or(|b| (rank, m.span.start) < (b.0, b.1)) {
                    best = Some((rank, m.span.start, m.entity));
                }
            }
            if let Some((_, _, e)) = best {
                return speaker_of(doc, e);
            }
        }
        Speaker::default()
    }

    fn excluded(&self, s: Span) -> bool {
        // the excluded spans are in text order and do not overlap
        let i = self.excluded.partition_point(|e| e.end < s.end);
        self.excluded.get(i).is_some_and(|e| e.contains(s))
    }

    fn mentions_in(&self, span: Span) -> impl Iterator<Item = &'a Mention> + '_ {
        let doc = self.doc;
        // mentions are in order of their start; nested ones may start a little earlier
        let i = doc
            .mentions
            .partition_point(|m| m.span.start + 200 < span.start);
        doc.mentions[i..]
            .iter()
            .take_while(move |m| m.span.start < span.end)
            .filter(move |m| m.span.overlaps(span))
    }

    /// The speaker a phrase names; `priors` are the statements attributed so far.
    pub fn resolve(&self, phrase: Span, priors: &[Prior]) -> Speaker {
        let text = &self.doc.text[phrase.start..phrase.end];
        let toks = tokenize(&self.doc.text, phrase.start, phrase.end);
        let words: Vec<String> = toks
            .iter()
            .filter(|t| t.is_word())
            .map(|t| lower(t.text(&self.doc.text)))
            .collect();
        if words.len() == 1 && is_in(super::words::class::PRONOUNS, &words[0]) {
            return self.resolve_pronoun(phrase, &words[0], priors);
        }
        // the head: the last word before a preposition
        let core_end = toks
            .iter()
            .position(|t| t.is_word() && is_in(HEAD_PREPOSITIONS, &lower(t.text(&self.doc.text))))
            .unwrap_or(toks.len());
        let head_tok = toks[..core_end].iter().rev().find(|t| t.is_word());
        let head = head_tok
            .map(|t| lower(t.text(&self.doc.text)))
            .unwrap_or_default();
        let head_span = head_tok.map(|t| Span::new(t.start, t.end));
        let best = self
            .mentions_in(phrase)
            .filter(|m| m.entity < self.doc.entities.len())
            .min_by_key(|m| (rank(self.doc, m), m.span.start));
        let name_from_phrase = clean_name(text);
        // "the official said" after "a senior defense official told Reuters": the
        // same speaker, when the actor stage has nothing better for the phrase
        let definite = text.starts_with("the ") || text.starts_with("The ");
        let weak = best.is_none_or(|m| {
            m.kind == MentionKind::Nominal && self.doc.entities[m.entity].code.is_none()
        });
        if definite && weak && !head.is_empty() {
            if let Some(p) = self.prior_with_head(phrase.start, &head, priors) {
                return p.speaker.clone();
            }
        }
        if let Some(m) = best {
            let e = &self.doc.entities[m.entity];
            if m.kind == MentionKind::Pronoun {
                return speaker_of(self.doc, m.entity);
            }
            let covers_head = head_span.is_some_and(|h| m.span.contains(h));
            let name = if e.kind == EntityKind::Person || covers_head {
                e.name.clone()
            } else {
                name_from_phrase
            };
            let mut code = e.code.clone();
            if !covers_head && e.kind != EntityKind::Person {
                if let (Some(c), Some(sec)) = (&code, sector_for(&head)) {
                    if c.len() == 3 {
                        code = Some(format!("{c}{sec}"));
                    }
                }
            }
            if covers_head {
                code = voice_code(e, code);
            }
            // a person the actor stage could not code: the organisation of their
            // appositive ("Tomas Halder, a spokesman for the ministry"), or the state
            // of the sentence when their title is a government one
            if code.is_none() && e.kind == EntityKind::Person {
                code = self.person_code(phrase, e);
            }
            // "the foreign ministry" known but uncoded: the country from the context
            if code.is_none() && e.kind != EntityKind::Person {
                if let Some(ctx) = self
                    .context_org(phrase.start, &head)
                    .filter(|&c| c != m.entity)
                {
                    let ce = &self.doc.entities[ctx];
                    code = match (entity_code(ce), sector_for(&head)) {
                        (Some(c), Some(sec)) if c.len() == 3 && is_statelike(ce) => {
                            Some(format!("{c}{sec}"))
                        }
                        (c, _) => c,
                    };
                }
            }
            return Speaker {
                name: Some(name),
                code,
                entity: Some(m.entity),
            };
        }
        // no entity in the phrase: an office or spokesperson speaks for the organisation in context
        if is_in(SPOKES_HEADS, &head) {
            if let Some(eid) = self.context_org(phrase.start, &head) {
                let e = &self.doc.entities[eid];
                let bare = name_from_phrase
                    .trim_start_matches("a ")
                    .trim_start_matches("an ")
                    .to_string();
                let name = if e.name.to_lowercase().ends_with(&head) {
                    e.name.clone()
                } else if is_statelike(e) {
                    bare
                } else {
                    format!("{} {}", e.name, bare)
                };
                let mut code = entity_code(e);
                if let (Some(c), Some(sec)) = (&code, sector_for(&head)) {
                    if c.len() == 3 && is_statelike(e) {
                        code = Some(format!("{c}{sec}"));
                    }
                }
                return Speaker {
                    name: Some(name),
                    code,
                    entity: Some(eid),
                };
            }
        }
        Speaker {
            name: (!name_from_phrase.is_empty()).then_some(name_from_phrase),
            code: None,
            entity: None,
        }
    }

    /// The latest speaker of the last two paragraphs whose name or role ends in
    /// `head` ("official" → "senior defense official").
    fn prior_with_head<'p>(
        &self,
        before: usize,
        head: &str,
        priors: &'p [Prior],
    ) -> Option<&'p Prior> {
        let doc = self.doc;
        let para = doc.paragraphs.partition_point(|p| p.span.end < before);
        let ends_in = |s: &str| {
            s.split_whitespace()
                .last()
                .is_some_and(|w| lower(w) == head)
        };
        priors
            .iter()
            .rev()
            .take_while(|p| p.paragraph + 2 >= para)
            .filter(|p| p.at < before)
            .find(|p| {
                p.speaker.name.as_deref().is_some_and(ends_in)
                    || p.speaker
                        .entity
                        .and_then(|e| doc.entities.get(e))
                        .is_some_and(|e| e.roles.iter().any(|r| ends_in(r)))
            })
    }

    /// A code for an uncoded person from their appositive or, for a government
    /// title, from the state the sentence is about.
    fn person_code(&self, phrase: Span, e: &crate::doc::Entity) -> Option<String> {
        let doc = self.doc;
        let text = doc.text.as_str();
        let sent = doc.sentence_at(phrase.start).map(|i| doc.sentences[i].span);
        let (s_lo, s_hi) = sent.map_or((phrase.start, phrase.end), |s| (s.start, s.end));
        // the appositive after ("X, a spokesman for Y,") or before ("A spokesman for Y, X,")
        let after = text[phrase.end..s_hi.max(phrase.end)].trim_start();
        // an appositive after the name is a description: "a/the ..." or a title
        let after_window = after
            .strip_prefix(',')
            .filter(|r| {
                r.split_whitespace().next().is_some_and(|w| {
                    is_in(APPOSITIVE_OPENERS, w) || w.chars().next().is_some_and(char::is_uppercase)
                })
            })
            .map(|rest| {
                let start = s_hi - rest.len();
                let end = rest.find(',').map_or(s_hi, |i| start + i);
                Span::new(start, end)
            });
        let before_window = {
            let before = text[s_lo..phrase.start.max(s_lo)].trim_end();
            before.strip_suffix(',').map(|body| {
                let start = body.rfind(',').map_or(s_lo, |i| s_lo + i + 1);
                Span::new(start, s_lo + body.len())
            })
        };
        let org_code = |w: Span| {
            self.mentions_in(w)
                .filter(|m| m.entity < doc.entities.len())
                .map(|m| &doc.entities[m.entity])
                .find(|o| {
                    matches!(o.kind, EntityKind::Organization | EntityKind::State)
                        && o.code.is_some()
                })
                .and_then(|o| match (&o.code, o.kind) {
                    (Some(c), EntityKind::State) if c.len() == 3 => Some(format!("{c}GOV")),
                    (c, _) => c.clone(),
                })
        };
        if let Some(c) = after_window
            .and_then(org_code)
            .or_else(|| before_window.and_then(org_code))
        {
            return Some(c);
        }
        let titled = e
            .roles
            .iter()
            .chain(std::iter::once(
                &doc.text[phrase.start..phrase.end].to_string(),
            ))
            .any(|r| r.split_whitespace().any(|w| is_in(ROLE_WORDS, &lower(w))));
        if !titled {
            return None;
        }
        let state = self.context_org(phrase.start, "government")?;
        entity_code(&doc.entities[state])
            .filter(|c| c.len() == 3)
            .map(|c| format!("{c}GOV"))
    }

    /// The organisation a bare "the ministry" or "a spokeswoman" stands for: the most
    /// recent entity whose name ends in the head word, else the most recent
    /// organisation or state.
    fn context_org(&self, before: usize, head: &str) -> Option<usize> {
        let doc = self.doc;
        let end = doc.mentions.partition_point(|m| m.span.start < before);
        // the context is this paragraph and the one before
        let para = doc.paragraphs.partition_point(|p| p.span.end < before);
        let from = doc
            .paragraphs
            .get(para.saturating_sub(1))
            .map_or(0, |p| p.span.start);
        let candidates = || {
            doc.mentions[..end]
                .iter()
                .rev()
                .take_while(move |m| m.span.start >= from)
                .filter(|m| !self.excluded(m.span) && m.entity < doc.entities.len())
        };
        let by_head = candidates().find(|m| {
            let e = &doc.entities[m.entity];
            e.kind != EntityKind::Person && e.name.to_lowercase().rsplit(' ').next() == Some(head)
        });
        if let Some(m) = by_head {
            return Some(m.entity);
        }
        // a government office without a country: the state the sentence is about
        if is_in(STATE_OFFICES, head) {
            let sent_start = doc
                .sentence_at(before)
                .map_or(before, |i| doc.sentences[i].span.start);
            let first = doc.mentions[..end]
                .iter()
                .filter(|m| m.span.start >= sent_start && !self.excluded(m.span))
                .find(|m| {
                    m.entity < doc.entities.len()
                        && is_statelike(&doc.entities[m.entity])
                        && m.kind != MentionKind::Demonym
                });
            let found = first.or_else(|| {
                candidates().find(|m| doc.entities[m.entity].kind == EntityKind::State)
            });
            return found.map(|m| m.entity);
        }
        if !is_in(SPOKES_OF_ORG, head) {
            return None;
        }
        candidates()
            .find(|m| {
                matches!(
                    doc.entities[m.entity].kind,
                    EntityKind::Organization | EntityKind::State
                ) && m.kind != MentionKind::Demonym
            })
            .map(|m| m.entity)
    }

    /// Resolves a pronoun, most salient referent first: a compatible speaker of
    /// this paragraph; the actor stage's reading when its entity is mentioned in
    /// this paragraph; a compatible person or group mentioned earlier in this
    /// paragraph; a compatible speaker of the previous paragraph ("he said" after
    /// "X said ..." — discourse salience beats recency); the actor stage's reading;
    /// a compatible speaker or mention of the last two paragraphs.
    pub fn resolve_pronoun(&self, at: Span, pronoun: &str, priors: &[Prior]) -> Speaker {
        let doc = self.doc;
        let para = doc.paragraphs.partition_point(|p| p.span.end < at.start);
        let para_start = |back: usize| {
            doc.paragraphs
                .get(para.saturating_sub(back))
                .map_or(0, |p| p.span.start)
        };
        let compatible_speaker = |s: &Speaker| match s.entity.and_then(|e| doc.entities.get(e)) {
            Some(e) => entity_fits(e.kind, e.gender, pronoun),
            None => name_fits(s.name.as_deref().unwrap_or(""), pronoun),
        };
        let recent = |back: usize| {
            priors
                .iter()
                .rev()
                .take_while(move |p| p.paragraph + back >= para)
                .find(|p| p.at < at.start && compatible_speaker(&p.speaker))
        };
        let end = doc.mentions.partition_point(|m| m.span.start < at.start);
        let mentioned_since = |from: usize| {
            doc.mentions[..end]
                .iter()
                .rev()
                .take_while(move |m| m.span.start >= from)
                .filter(|m| m.entity < doc.entities.len() && !self.excluded(m.span))
        };
        let fits = |m: &&Mention| {
            m.kind != MentionKind::Demonym
                && m.kind != MentionKind::Pronoun
                && entity_fits(
                    doc.entities[m.entity].kind,
                    doc.entities[m.entity].gender,
                    pronoun,
                )
        };
        if let Some(p) = recent(0) {
            return p.speaker.clone();
        }
        let linked = self
            .mentions_in(at)
            .find(|m| m.entity < doc.entities.len())
            .map(|m| m.entity);
        if let Some(e) = linked {
            if mentioned_since(para_start(0))
                .any(|m| m.entity == e && m.kind != MentionKind::Pronoun)
            {
                return speaker_of(doc, e);
            }
        }
        // the subject-most (first) compatible mention of this paragraph
        if let Some(m) = mentioned_since(para_start(0)).filter(fits).last() {
            return speaker_of(doc, m.entity);
        }
        if let Some(p) = recent(1) {
            return p.speaker.clone();
        }
        if let Some(e) = linked {
            return speaker_of(doc, e);
        }
        if let Some(p) = recent(2) {
            return p.speaker.clone();
        }
        if let Some(m) = mentioned_since(para_start(2)).find(fits) {
            return speaker_of(doc, m.entity);
        }
        if let Some(p) = priors
            .iter()
            .rev()
            .take_while(|p| p.paragraph + 6 >= para)
            .find(|p| p.at < at.start && compatible_speaker(&p.speaker))
        {
            return p.speaker.clone();
        }
        Speaker::default()
    }
}

/// A state, or a place inside a known country ("In Moscow, the ministry said").
fn is_statelike(e: &crate::doc::Entity) -> bool {
    e.kind == EntityKind::State || (e.kind == EntityKind::Place && e.country.is_some())
}

/// The actor code of an entity; for a place, its country's.
fn entity_code(e: &crate::doc::Entity) -> Option<String> {
    match e.kind {
        EntityKind::Place => e.country.clone(),
        _ => e.code.clone(),
    }
}

fn rank(doc: &Doc, m: &Mention) -> u8 {
    let e = &doc.entities[m.entity];
    match (e.kind, m.kind) {
        (_, MentionKind::Pronoun) => 0,
        (EntityKind::Person, _) => 1,
        (_, MentionKind::Demonym) => 5,
        (EntityKind::Organization | EntityKind::Group, _) => 2,
        (EntityKind::State, _) => 3,
        (EntityKind::Place, _) => 4,
    }
}

/// The speaker for an entity.
pub fn speaker_of(doc: &Doc, entity: usize) -> Speaker {
    match doc.entities.get(entity) {
        Some(e) => Speaker {
            name: Some(e.name.clone()),
            code: voice_code(e, e.code.clone()),
            entity: Some(entity),
        },
        None => Speaker::default(),
    }
}

/// The code of an entity as a speaker: a state speaks through its government
/// ("Cambodia said in a statement" is KHMGOV); anyone else as coded.
fn voice_code(e: &crate::doc::Entity, code: Option<String>) -> Option<String> {
    match code {
        Some(c) if e.kind == EntityKind::State && c.len() == 3 => Some(format!("{c}GOV")),
        c => c,
    }
}

fn entity_fits(kind: EntityKind, gender: Option<Gender>, pronoun: &str) -> bool {
    match pronoun {
        "he" => kind == EntityKind::Person && gender != Some(Gender::Female),
        "she" => kind == EntityKind::Person && gender != Some(Gender::Male),
        "they" | "we" => matches!(
            kind,
            EntityKind::Group | EntityKind::Organization | EntityKind::State
        ),
        "it" => matches!(kind, EntityKind::Organization | EntityKind::State),
        _ => false,
    }
}

fn name_fits(name: &str, pronoun: &str) -> bool {
    let head = name
        .split_whitespace()
        .last()
        .map(lower)
        .unwrap_or_default();
    let org = is_in(ORG_HEADS, &head);
    let plural = name.split_whitespace().last().is_some_and(|w| {
        w.ends_with('s') && !w.ends_with("ss") && w.chars().all(|c| c.is_ascii_lowercase())
    });
    match pronoun {
        "he" | "she" => !name.is_empty() && !org && !plural,
        "they" | "we" => org || plural,
        "it" => org,
        _ => false,
    }
}

/// A speaker name from a phrase: without a leading "the", spaces collapsed.
pub fn clean_name(text: &str) -> String {
    let t = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut t = t.trim_matches(|c: char| c == ',' || c == '.' || c.is_whitespace());
    for article in ["the ", "The ", "a ", "A ", "an ", "An "] {
        if let Some(rest) = t.strip_prefix(article) {
            t = rest;
            break;
        }
    }
    t.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_from_phrases() {
        let cases = [
            ("the NATO press office", "NATO press office"),
            ("The ministry", "ministry"),
            ("a senior U.S. official", "senior U.S. official"),
            ("  protesters ", "protesters"),
        ];
        for (p, want) in cases {
            assert_eq!(clean_name(p), want);
        }
    }

    #[test]
    fn pronoun_fit_by_name() {
        let cases = [
            ("Jane Doe", "she", true),
            ("NATO press office", "she", false),
            ("U.S. officials", "they", true),
            ("U.S. officials", "he", false),
            ("the ministry", "it", true),
            ("Kremlin spokesman Dmitry Orlov", "he", true),
            ("", "he", false),
        ];
        for (name, p, want) in cases {
            assert_eq!(name_fits(name, p), want, "{name} {p}");
        }
    }
}
