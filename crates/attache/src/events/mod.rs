//! Event coding: who did what to whom, with CAMEO codes, their PLOVER
//! category, Goldstein value and quad class, a trigger, a status and a date.
//!
//! Owner: the event stage. (Skeleton: to be completed.)

pub mod cameo;

use crate::doc::Doc;

/// The compiled built-in verb lexicon.
#[derive(Debug, Default)]
pub struct VerbLexicon {}

impl VerbLexicon {
    /// Compiles the built-in verb lexicon shipped under `data/`.
    pub fn builtin() -> crate::Result<VerbLexicon> {
        Ok(VerbLexicon {})
    }
}

/// Codes events: reads `sentences`, `tokens`, `mentions`, `entities`, `quotes`; fills `events`.
pub fn code(_doc: &mut Doc, _verbs: &VerbLexicon) {}

/// Writes the events section of the text report.
pub fn report(_doc: &Doc, _out: &mut String) {}
