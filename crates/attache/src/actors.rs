//! Actors: recognises states, organisations, people, groups and places, codes
//! them with CAMEO actor codes and links later mentions (surnames, titles,
//! pronouns, organisation anaphora) to the entity first introduced.
//!
//! Owner: the actor stage. (Skeleton: to be completed.)

use crate::doc::Doc;

/// The compiled built-in actor lexicon (countries, organisations, roles).
#[derive(Debug, Default)]
pub struct ActorLexicon {}

impl ActorLexicon {
    /// Compiles the built-in lexicon shipped under `data/`.
    pub fn builtin() -> crate::Result<ActorLexicon> {
        Ok(ActorLexicon {})
    }
}

/// Recognises and codes actors: reads `sentences`, `tokens`; fills `entities`, `mentions`.
pub fn recognise(_doc: &mut Doc, _lexicon: &ActorLexicon) {}

/// Writes the entities section of the text report.
pub fn report(doc: &Doc, out: &mut String) {
    use std::fmt::Write;
    if doc.entities.is_empty() {
        return;
    }
    let _ = writeln!(out, "\nEntities");
    for e in &doc.entities {
        let _ = writeln!(
            out,
            "  {:<28} {:<12} {:?}",
            e.name,
            e.code.as_deref().unwrap_or("-"),
            e.kind
        );
    }
}
