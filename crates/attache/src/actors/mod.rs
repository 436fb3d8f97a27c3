//! Actors: recognises states, organisations, people, groups and places, codes
//! them with CAMEO actor codes and links later mentions (surnames, titles,
//! pronouns, organisation anaphora) to the entity first introduced.
//!
//! Reads `text`, `sentences`; fills `entities` and `mentions`. **Mentions are
//! in text order and never overlap**: in "Russian Foreign Minister Sergey
//! Lavrov" the modifier "Russian" (a `Demonym` mention of Russia) and the head
//! "Foreign Minister Sergey Lavrov" (a `Name` mention of the person) are two
//! adjacent mentions. Words are found by scanning the sentence text itself
//! (letters, digits, inner apostrophes and hyphens), so the stage does not
//! depend on how the segmenter splits "U.S." or "Russia’s" into tokens.
//!
//! How it works, per sentence:
//! 1. [`lexicon`]: the built-in lexicon (`data/actors/*.tsv`) is compiled once
//!    into an anchored leftmost-longest aho-corasick automaton; it is tried at
//!    every word start, and a match counts only on a word boundary and when its
//!    capitals agree with the lexicon's ("Chad" the state, not "chad").
//! 2. `matcher`: words the lexicon does not know that form capitalised runs
//!    become candidate names ("Sergey Lavrov", "Military Liaison Mission").
//! 3. `compose`: adjacent units form noun phrases (determiner, owners, roles,
//!    name); a phrase's code is its owner's code plus its role's sector
//!    ("Russian" + "foreign minister" = RUSGOV; "NATO" + "spokeswoman" =
//!    IGOWSTNAT); "of"-phrases give an owner ("the foreign minister of Belgium").
//! 4. `coref`: appositives ("X, a NATO spokeswoman") and reverse appositives
//!    ("the chief of the U.S. mission, X") describe the name next to them;
//!    surnames, definite role nouns ("the minister"), organisation head nouns
//!    ("the alliance") and pronouns link back to earlier entities.
//!
//! Mention kinds: `Demonym` mentions are modifiers ("Russian" in "Russian
//! troops"); they never make their state the actor of the phrase. A capital
//! after a place preposition ("in Moscow") is a `Place` entity; otherwise it
//! is a `Metonym` mention of its state ("Moscow said").
//!
//! Generality rules worth knowing: a nationality directly before a national
//! armed group or party of another country names its branch there
//! ("Pakistani Taliban" = PAKREB); a state's diplomat to an international
//! body is the state's ("the Russian NATO envoy" = RUSGOV) while its other
//! staff serve the body; coordinated owners of a plural role make one group
//! each ("French and German officials" = FRAGOV + DEUGOV); a state-sector
//! role with no stated owner ("the foreign ministry") takes its country from
//! a place right after it or from the country leading the nearby context,
//! and stays uncoded when countries compete equally.
//!
//! After the quotes stage, [`link_first_person`] links "I"/"my" inside a
//! direct quotation to its speaker and "we"/"our" to the speaker's side.

mod compose;
mod coref;
mod first_person;
pub mod lexicon;
mod matcher;
pub(crate) mod words;

pub use first_person::link_first_person;
pub use lexicon::ActorLexicon;

use crate::doc::Doc;

/// Recognises and codes actors: reads `sentences`, `tokens`; fills `entities`, `mentions`.
pub fn recognise(doc: &mut Doc, lexicon: &ActorLexicon) {
    let (entities, mentions) = {
        let mut r = coref::Resolver::new(doc, lexicon);
        r.run(doc);
        (r.entities, r.mentions)
    };
    doc.entities = entities;
    doc.mentions = mentions;
}

/// Writes the entities section of the text report: code, kind, name, roles,
/// gender, country and the number of mentions.
pub fn report(doc: &Doc, out: &mut String) {
    use std::fmt::Write;
    if doc.entities.is_empty() {
        return;
    }
    let mut counts = vec![0usize; doc.entities.len()];
    for m in &doc.mentions {
        if let Some(c) = counts.get_mut(m.entity) {
            *c += 1;
        }
    }
    let _ = writeln!(out, "\nEntities");
    for e in &doc.entities {
        let kind = format!("{:?}", e.kind).to_lowercase();
        let mut extra = String::new();
        if !e.roles.is_empty() {
            let _ = write!(extra, " roles: {}", e.roles.join(", "));
        }
        if let Some(g) = e.gender {
            let _ = write!(extra, " ({})", format!("{g:?}").to_lowercase());
        }
        if let (Some(c), None) = (&e.country, &e.code) {
            let _ = write!(extra, " in {c}");
        }
        let _ = writeln!(
            out,
            "  {:>3} {:<12} {:<12} {:<40} {:>2}x{}",
            e.id,
            e.code.as_deref().unwrap_or("-"),
            kind,
            e.name,
            counts[e.id],
            extra
        );
    }
}

#[cfg(test)]
mod tests;
