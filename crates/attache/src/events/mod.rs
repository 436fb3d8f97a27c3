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
//! - **Arguments from the dependency tree** (`tree.rs`, when the syntax stage
//!   ran): the source of a verb is its `nsubj` (a relative pronoun stands for
//!   the noun its clause modifies), else the subject it shares up an `xcomp`,
//!   `conj`, `advcl` or `pcomp` chain ("decided to cut", "recalled … and
//!   expelled", "…, accusing", "by expelling"), else the noun its participle
//!   modifies; a passive's `nsubjpass` is the target and its `agent` phrase the
//!   source. A noun trigger's source is its possessor, demonym or name compound
//!   ("Ankara's decision", "US sanctions") or its by-phrase, else the subject of
//!   the verb it is the object of ("imposed sanctions"). Targets: the direct
//!   object or dative, then the trigger's prepositional objects (with, against,
//!   to, on, from, over, …), then those of its object ("cut ties with B"). The
//!   actor of an argument is the mention covering its head word, else the head's
//!   possessor, apposition, compound or demonym, else its of/at/from object
//!   ("the first secretary of the Thai embassy"); coordinated heads give one
//!   actor each. The content of an appeal ("urged Iran to release") is not an
//!   event.
//! - **Denials**: an act governed by a denial ("Hamas denied firing rockets",
//!   "denied that its troops had crossed", "rejected claims that …") is coded
//!   as the denier's 016 towards the act's target, never as the act.
//! - **Partner senses**: a pattern flagged `@obj` (call, visit, welcome,
//!   receive …) does not apply when the tree's direct object is a thing rather
//!   than an actor ("called the move deplorable", "welcomed the decision").
//! - **Shallow fallback** (no tree, or the tree finds no argument, or an
//!   unresolved pronoun): the nearest actor mention left of the verb group
//!   inside its clause, skipping prepositional phrases and parentheticals, and
//!   the first actor mention after the trigger in its clause that is not the
//!   source; `@from` patterns use the from-phrase, `@obj` ones the direct object.
//!   When the clause names no target, the nearest actor of another country in
//!   the sentence (and the same statement) is taken.
//! - **Article dyad** ([`article_dyad`]): an event of one of the two sides the
//!   article is about (the two most-mentioned countries or organisations, the
//!   lead counting double) that still has no target takes the other side, and
//!   says so (`target_inferred`); statements (01x) never do.
//! - **Reciprocal** patterns (`@recip`: meet, sign, reach an agreement) code both
//!   directions.
//! - **Reported speech**: a statement's content is coded as the act of its own
//!   subject ("Lavrov said Russia will halt …" codes Russia halting); the saying
//!   itself is not coded as 010. Events inside a quotation carry its index. A
//!   hostile act the speaker reports ("they keep accusing us") is coded as the
//!   act of its author, with the status `reported`.
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
pub(crate) mod tree;
mod words;

use crate::doc::{Doc, EventStatus};
pub use lexicon::VerbLexicon;
use std::fmt::Write;

/// Codes events: reads `sentences`, `tokens`, `mentions`, `entities`, `quotes`; fills `events`.
pub fn code(doc: &mut Doc, verbs: &VerbLexicon) {
    let mut events = Vec::new();
    let dyad = article_dyad(doc);
    let ix = crate::index::Index::new(doc);
    for si in 0..doc.sentences.len() {
        coder::code_sentence(doc, &ix, verbs, si, dyad.as_ref(), &mut events);
    }
    infer_targets(doc, &mut events);
    // an actor does not visit, meet or host itself: such a dyad is a misread
    // argument (a domestic meeting has distinct codes: USAGOV 040 USAOPP)
    events.retain(|e| !(e.source.is_some() && e.source == e.target && e.cameo.starts_with("04")));
    add_converses(&mut events);
    doc.events.extend(events);
}

/// A visit is also its hosting (042 ⇄ 043, [`cameo::converse`]): each gets the
/// other direction unless the sentence already has it.
fn add_converses(events: &mut Vec<crate::doc::Event>) {
    let side = |x: &Option<String>| x.as_deref().map(|c| coder::country(c).to_string());
    let mut extra: Vec<crate::doc::Event> = Vec::new();
    // Only events of the same sentence can match: when the events are in
    // sentence order (as the coder writes them), those are a run found by
    // binary search, in `events` and in `extra` alike.
    let sorted = events.windows(2).all(|w| w[0].sentence <= w[1].sentence);
    let run = |list: &[crate::doc::Event], s: usize| -> std::ops::Range<usize> {
        if sorted {
            list.partition_point(|o| o.sentence < s)..list.partition_point(|o| o.sentence <= s)
        } else {
            0..list.len()
        }
    };
    for e in events.iter() {
        let (Some(code), Some(_), Some(_)) = (cameo::converse(&e.cameo), &e.source, &e.target)
        else {
            continue;
        };
        let present = events[run(events, e.sentence)]
            .iter()
            .chain(extra[run(&extra, e.sentence)].iter())
            .any(|o: &crate::doc::Event| {
                o.sentence == e.sentence
                    && o.cameo == code
                    && side(&o.source) == side(&e.target)
                    && side(&o.target) == side(&e.source)
            });
        if present {
            continue;
        }
        let mut c = e.clone();
        std::mem::swap(&mut c.source, &mut c.target);
        std::mem::swap(&mut c.source_entity, &mut c.target_entity);
        c.cameo = code.to_string();
        extra.push(c);
    }
    events.extend(extra);
}

/// The two sides an article is about: the two countries (or organisations) most
/// mentioned, the lead counting double, when the second is mentioned at least twice.
pub fn article_dyad(doc: &Doc) -> Option<coder::Dyad> {
    let mut weight: Vec<(String, usize, usize)> = Vec::new();
    for m in &doc.mentions {
        let Some(e) = doc.entities.get(m.entity) else {
            continue;
        };
        let Some(code) = e.code.as_deref() else {
            continue;
        };
        let side = coder::country(code).to_string();
        let w = if m.sentence < 2 { 2 } else { 1 };
        match weight.iter_mut().find(|x| x.0 == side) {
            Some(x) => x.1 += w,
            None => {
                // the entity that stands for the side itself (the state, the organisation)
                let state = doc
                    .entities
                    .iter()
                    .position(|x| x.code.as_deref() == Some(side.as_str()))
                    .unwrap_or(m.entity);
                weight.push((side, w, state));
            }
        }
    }
    weight.sort_by_key(|x| std::cmp::Reverse(x.1));
    if weight.len() < 2 || weight[1].1 < 3 {
        return None;
    }
    Some([
        (weight[0].0.clone(), weight[0].2),
        (weight[1].0.clone(), weight[1].2),
    ])
}

/// An event of one side of the article's dyad with no target in its sentence takes
/// the other side as its target.
fn infer_targets(doc: &Doc, events: &mut [crate::doc::Event]) {
    let Some(dyad) = article_dyad(doc) else {
        return;
    };
    for e in events.iter_mut() {
        if e.target.is_some() {
            continue;
        }
        let Some(src) = e.source.as_deref() else {
            continue;
        };
        let side = coder::country(src);
        let other = if side == dyad[0].0 {
            &dyad[1]
        } else if side == dyad[1].0 {
            &dyad[0]
        } else {
            continue;
        };
        if e.cameo.starts_with("01") {
            continue;
        }
        e.target = Some(other.0.clone());
        e.target_entity = Some(other.1);
        e.target_inferred = true;
    }
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
            "  {} —{} {}→ {}{} ({}, {})",
            e.source.as_deref().unwrap_or("?"),
            e.cameo,
            label,
            e.target.as_deref().unwrap_or("?"),
            if e.target_inferred {
                " [target from the article's dyad]"
            } else {
                ""
            },
            status_name(e.status),
            e.date.as_deref().unwrap_or("undated"),
        );
        if e.sentence < doc.sentences.len() {
            let _ = writeln!(out, "      {}", doc.sentence_text(e.sentence));
        }
    }
}
