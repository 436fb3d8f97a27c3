//! Event coding: who did what to whom, with CAMEO codes, their PLOVER
//! category, Goldstein value and quad class, a trigger, a status and a date.
//!
//! # How events are coded
//! - **Lexicon** (`data/verbs.txt`, [`lexicon`]): verb, noun and adjective
//!   triggers with particles and ordered noun conditions that decide the code
//!   ("halt … mission" → 161, "accuse … of … spying" → 1125). The longest
//!   matching pattern wins; words a pattern consumed cannot trigger again.
//! - **Verb group** ([`coder`]): auxiliaries, modals, negation and a governing
//!   verb before "to" ("plans to", "threatened to", "refused to").
//! - **Source**: the nearest actor mention left of the verb group inside its
//!   clause, skipping mentions inside prepositional phrases and parentheticals
//!   ("…, I guess, …"); a relative pronoun takes its antecedent; a participle
//!   after a comma takes the main clause's subject; a verb coordinated with an
//!   earlier verb ("… and threaten us") takes that verb's subject. Coordinated
//!   subjects ("Russia and China") give one event each.
//! - **Target**: the first actor mention after the trigger in its clause that
//!   is not the source (a same-country mention only when nothing else is there);
//!   `@from` patterns use the from-phrase, `@obj` ones the direct object. Passive
//!   voice swaps: the subject is the target and the by-phrase (if any) the source.
//!   When the clause names no target, the nearest actor of another country in the
//!   sentence (and the same statement) is taken.
//! - **Reciprocal** patterns (`@recip`: meet, sign, reach an agreement) code both
//!   directions.
//! - **Reported speech**: a statement's content is coded as the act of its own
//!   subject ("Lavrov said Russia will halt …" codes Russia halting); the saying
//!   itself is not coded as 010. Events inside a quotation carry its index.
//!   When a speaker reports a hostile statement (roots 10–13) of another country
//!   against the speaker's own side, the event coded is the speaker criticising
//!   its author (111).
//! - **Evaluations** (`@speaker`): "X has stepped over a line", "X's aggressive
//!   actions": the speaker is the source, X the target.
//! - **Status** ([`status`]): negated > governed (refuse → negated, propose →
//!   proposed, plan/vow/agree → intended) > hypothetical (could, may, if) >
//!   intended (will, would in reported speech) > reported (inside a statement by
//!   another country) > asserted. An intended cooperative act (roots 04–08) is
//!   coded as its 03x intent ("will meet" → 036); a threatened conflictual act as
//!   its 13x threat; a refused cooperative act as its 12x rejection.
//! - **Dates** are left to `dates::resolve`, which runs after this stage.

pub mod cameo;
pub mod coder;
pub mod forms;
pub mod lexicon;
pub mod status;

use crate::doc::{Doc, EventStatus};
pub use lexicon::VerbLexicon;
use std::fmt::Write;

/// Codes events: reads `sentences`, `tokens`, `mentions`, `entities`, `quotes`; fills `events`.
pub fn code(doc: &mut Doc, verbs: &VerbLexicon) {
    let mut events = Vec::new();
    for si in 0..doc.sentences.len() {
        coder::code_sentence(doc, verbs, si, &mut events);
    }
    doc.events.extend(events);
}

/// The status as the contract writes it.
pub fn status_name(s: EventStatus) -> &'static str {
    match s {
        EventStatus::Asserted => "asserted",
        EventStatus::Intended => "intended",
        EventStatus::Proposed => "proposed",
        EventStatus::Reported => "reported",
        EventStatus::Negated => "negated",
        EventStatus::Hypothetical => "hypothetical",
    }
}

/// Writes the events section of the text report: each event as
/// `SOURCE —code name→ TARGET (status, date)` followed by its sentence.
pub fn report(doc: &Doc, out: &mut String) {
    if doc.events.is_empty() {
        return;
    }
    let _ = writeln!(out, "\nEvents");
    for e in &doc.events {
        let label = cameo::lookup(&e.cameo).map_or("", |i| i.label);
        let _ = writeln!(
            out,
            "  {} —{} {}→ {} ({}, {})",
            e.source.as_deref().unwrap_or("?"),
            e.cameo,
            label,
            e.target.as_deref().unwrap_or("?"),
            status_name(e.status),
            e.date.as_deref().unwrap_or("undated"),
        );
        if e.sentence < doc.sentences.len() {
            let _ = writeln!(out, "      {}", doc.sentence_text(e.sentence));
        }
    }
}
