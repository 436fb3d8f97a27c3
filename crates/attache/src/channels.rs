//! Channels: the lines of diplomatic contact between actors (missions,
//! embassies, consulates, liaison and information offices, ambassadors,
//! envoys, accredited staff, hotlines, fallback contacts) and their changes.
//!
//! ## Model
//! A channel has a **holder** (whose mission, embassy, office or envoy it is),
//! a **host** (where it sits or to whom it is accredited; for a fallback
//! contact, the counterpart it serves), a kind (from `data/channels.txt`), a
//! location, where it is hosted ("hosted at the Belgian embassy"), when it
//! was established, and its changes with dates and evidence sentences.
//!
//! ## How a change is recognised
//! A trigger word from the lexicon (halt, close, reopen, expel, strip … of
//! accreditation, recall, liaise via, maintain contact with, ordered … to
//! leave, persona non grata) takes a channel noun phrase as object ("close
//! the liaison mission"), as the object of a nominalisation ("suspension of
//! Russia's mission"), or as subject ("the embassy was closed", "an envoy may
//! maintain contact"). Coordinated phrases share the trigger ("the liaison
//! mission … and information bureau in Moscow"). Relative clauses (", which
//! was established in 2002 and hosted at …") are read for `established` and
//! `hosted_at`, never for changes.
//!
//! ## How holder and host are found
//! - holder: the actor modifying the channel noun ("Russian mission
//!   members", "NATO Information Office", "the bloc's liaison mission"), a
//!   possessive pronoun (its/their: the agent), "of X"/"from X", or "on X's
//!   behalf";
//! - host: "to X"/"at X" after the noun, else the country of "in PLACE",
//!   else the agent of the trigger when it is not the holder (who expels,
//!   strips, closes), else the other actor of the clause;
//! - for a fallback contact the host is the counterpart ("with the Russian
//!   side", or the one who "could liaise via" it);
//! - a plural channel with no holder between two actors ("the United States
//!   and Cuba agreed to reopen embassies") is a change in both directions.
//!
//! The agent is the subject-like actor mention nearest before the trigger in
//! its clause (one followed by a verb, not one after a preposition or
//! transitive verb), else "by X" after it, else the source of an event the
//! events stage coded on that sentence.
//!
//! ## State
//! [`channel_state_at`] folds a channel's changes up to a date into its state
//! (open, suspended, closed, reduced, ambassador recalled, fallback), and
//! [`report`] prints it per dyad as of publication.

use crate::dates;
use crate::doc::EventStatus;
use crate::doc::{ChannelChange, ChannelChangeKind, Doc, EntityKind, Span};
use crate::events::status::{control_class, decide, Control, Cues};
use crate::events::tree::Tree;
use crate::index::Index;
use crate::places::Gazetteer;
use crate::syntax::{Dep, Tag, Upos};
use chrono::NaiveDate;
use std::collections::HashMap;
use std::fmt::Write;
use std::sync::OnceLock;

const LEXICON: &str = include_str!("../../../data/channels.txt");

/// The compiled channel lexicon.
#[derive(Debug, Default)]
pub struct ChannelLexicon {
    /// first word → (phrase words, kind), longest first.
    nouns: HashMap<String, Vec<(Vec<String>, String)>>,
    /// first word → (form words, change), longest first.
    triggers: HashMap<String, Vec<(Vec<String>, ChannelChangeKind)>>,
    cues: HashMap<String, Vec<String>>,
}

fn change_of(name: &str) -> Option<ChannelChangeKind> {
    use ChannelChangeKind::*;
    Some(match name {
        "established" => Established,
        "suspended" => Suspended,
        "closed" => Closed,
        "reopened" => Reopened,
        "staff_expelled" => StaffExpelled,
        "accreditation_revoked" => AccreditationRevoked,
        "ambassador_recalled" => AmbassadorRecalled,
        "fallback_designated" => FallbackDesignated,
        _ => return None,
    })
}

/// The contract name of a change ("staff_expelled").
pub fn change_name(c: ChannelChangeKind) -> &'static str {
    use ChannelChangeKind::*;
    match c {
        Established => "established",
        Suspended => "suspended",
        Closed => "closed",
        Reopened => "reopened",
        StaffExpelled => "staff_expelled",
        AccreditationRevoked => "accreditation_revoked",
        AmbassadorRecalled => "ambassador_recalled",
        FallbackDesignated => "fallback_designated",
    }
}

impl ChannelLexicon {
    /// The built-in lexicon (`data/channels.txt`), compiled once per process.
    pub fn builtin() -> &'static ChannelLexicon {
        static L: OnceLock<ChannelLexicon> = OnceLock::new();
        L.get_or_init(|| ChannelLexicon::parse(LEXICON).0)
    }

    /// Reads a lexicon in the `data/channels.txt` format; bad lines are
    /// skipped and described (line number and reason).
    pub fn parse(text: &str) -> (ChannelLexicon, Vec<String>) {
        let mut lex = ChannelLexicon::default();
        let mut diags = Vec::new();
        for (i, line) in text.lines().enumerate() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').collect();
            if cols.len() != 3 {
                diags.push(format!(
                    "channels lexicon line {}: expected 3 tab-separated columns",
                    i + 1
                ));
                continue;
            }
            let items = cols[2].split('|').map(|p| {
                p.split_whitespace()
                    .map(|w| w.to_lowercase())
                    .collect::<Vec<_>>()
            });
            match cols[0] {
                "channel" => {
                    for words in items.filter(|w| !w.is_empty()) {
                        // the plural of the head noun ("information centres")
                        let mut plural = words.clone();
                        if let Some(last) = plural.last_mut() {
                            *last = plural_of(last);
                        }
                        for w in [words, plural] {
                            let list = lex.nouns.entry(w[0].clone()).or_default();
                            if !list.iter().any(|(x, _)| *x == w) {
                                list.push((w, cols[1].to_string()));
                            }
                        }
                    }
                }
                "change" => {
                    let Some(c) = change_of(cols[1]) else {
                        diags.push(format!(
                            "channels lexicon line {}: unknown change {:?}",
                            i + 1,
                            cols[1]
                        ));
                        continue;
                    };
                    for words in items.filter(|w| !w.is_empty()) {
                        // "maintain+" → "maintain/maintains/maintained/maintaining"
                        let words: Vec<String> = words
                            .iter()
                            .map(|w| match w.strip_suffix('+').filter(|l| !l.is_empty()) {
                                Some(l) => crate::conflicts::inflections(l).join("/"),
                                None => w.clone(),
                            })
                            .collect();
                        for first in words[0].split('/') {
                            lex.triggers
                                .entry(first.to_string())
                                .or_default()
                                .push((words.clone(), c));
                        }
                    }
                }
                "cue" => {
                    lex.cues
                        .entry(cols[1].to_string())
                        .or_default()
                        .extend(items.map(|w| w.join(" ")));
                }
                other => diags.push(format!(
                    "channels lexicon line {}: unknown entry type {other:?}",
                    i + 1
                )),
            }
        }
        for v in lex.nouns.values_mut() {
            v.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
        }
        for v in lex.triggers.values_mut() {
            v.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
        }
        (lex, diags)
    }

    fn cue(&self, name: &str, word: &str) -> bool {
        self.cues
            .get(name)
            .is_some_and(|v| v.iter().any(|w| w == word))
    }
}

/// The regular plural of a noun ("embassy" → "embassies", "attaché" →
/// "attachés"); words already plural ("talks", "affaires") are kept.
fn plural_of(n: &str) -> String {
    if n.ends_with('s') && !n.ends_with("ss") || n.contains('\'') || n.contains('’') {
        return n.to_string();
    }
    match n.strip_suffix('y') {
        Some(stem) if !stem.ends_with(['a', 'e', 'o', 'u']) => format!("{stem}ies"),
        _ if n.ends_with("ss") || n.ends_with("sh") || n.ends_with("ch") || n.ends_with('x') => {
            format!("{n}es")
        }
        _ => format!("{n}s"),
    }
}

/// A word or punctuation mark of a sentence.
#[derive(Debug, Clone)]
struct Tok {
    span: Span,
    lower: String,
    text: String,
    /// Index into doc.mentions covering this token.
    mention: Option<usize>,
    /// Inside a relative clause.
    rel: bool,
    /// The syntax layer's word class of the token that starts here, when
    /// the document has one.
    upos: Option<Upos>,
    /// That token: an index into the sentence's words (the tree's indices).
    word: Option<usize>,
}

fn tokenize(doc: &Doc, ix: &Index, si: usize) -> Vec<Tok> {
    let s = doc.sentences[si].span;
    let text = &doc.text[s.start..s.end];
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut last_end = 0;
    let push = |out: &mut Vec<Tok>, a: usize, b: usize| {
        let t = &text[a..b];
        out.push(Tok {
            span: Span::new(s.start + a, s.start + b),
            lower: t.to_lowercase().replace('’', "'"),
            text: t.to_string(),
            mention: None,
            rel: false,
            upos: None,
            word: None,
        });
    };
    for (i, c) in text.char_indices() {
        let inner = matches!(c, '.' | '-' | '\'' | '’') && start.is_some();
        if c.is_alphanumeric() || inner {
            if start.is_none() {
                start = Some(i);
            }
            last_end = i + c.len_utf8();
            continue;
        }
        if let Some(a) = start.take() {
            // keep a final period of an abbreviation ("U.S.") only if inner periods exist
            let w = &text[a..last_end];
            let b = if w.ends_with('.') && !w[..w.len() - 1].contains('.') {
                last_end - 1
            } else {
                last_end
            };
            push(&mut out, a, b);
        }
        if !c.is_whitespace() {
            push(&mut out, i, i + c.len_utf8());
        }
    }
    if let Some(a) = start {
        let w = &text[a..last_end];
        let b = if w.ends_with('.') && !w[..w.len() - 1].contains('.') {
            last_end - 1
        } else {
            last_end
        };
        push(&mut out, a, b);
    }
    for mi in ix.mention_spans.all(s) {
        let m = &doc.mentions[mi];
        for t in out.iter_mut() {
            if t.span.overlaps(m.span) && t.mention.is_none() {
                t.mention = Some(mi);
            }
        }
    }
    if doc.has_syntax() {
        let range = doc.sentences[si].tokens;
        let mut k = range.start;
        for t in out.iter_mut() {
            while k < range.end && doc.tokens[k].span.end <= t.span.start {
                k += 1;
            }
            if k < range.end && doc.tokens[k].span.start == t.span.start {
                t.upos = Some(doc.syntax[k].upos);
                t.word = Some(k - range.start);
            }
        }
    }
    // Relative clauses: ", which|who|where …" up to the next comma.
    let mut i = 0;
    while i + 1 < out.len() {
        if out[i].text == "," && matches!(out[i + 1].lower.as_str(), "which" | "who" | "where") {
            let mut j = i + 1;
            while j < out.len() && out[j].text != "," && out[j].text != ";" {
                out[j].rel = true;
                j += 1;
            }
            i = j;
        } else {
            i += 1;
        }
    }
    out
}

const DETS: &[&str] = &[
    "the",
    "a",
    "an",
    "its",
    "their",
    "his",
    "her",
    "our",
    "your",
    "this",
    "that",
    "these",
    "those",
    "all",
    "some",
    "both",
    "several",
    "remaining",
    "other",
    "affected",
    "new",
    "former",
    "diplomatic",
    "permanent",
    "military",
    "temporary",
    "entire",
    "whole",
    "main",
    "own",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "dozens",
    "of",
    "top",
    "senior",
    "chief",
    "acting",
    "interim",
    "de",
    "facto",
    "respective",
    "further",
    "more",
];

/// A determiner, quantifier or adjective before a channel noun: a word of
/// [`DETS`], a hyphenated modifier ("so-called", "long-standing") or a
/// lower-case word with an adjective ending ("western", "regional",
/// "diplomatic", "consular").
fn is_det(w: &str) -> bool {
    const ENDINGS: &[&str] = &["al", "ic", "ern", "ous"];
    DETS.contains(&w)
        || w.len() > 4
            && w.chars().all(|c| c.is_lowercase() || c == '-')
            && (w.contains('-') && !w.starts_with('-') && !w.ends_with('-')
                || ENDINGS.iter().any(|e| w.ends_with(e)))
}

const POSSESSIVE_PRONOUNS: &[&str] = &["its", "their", "his", "her", "our"];

const AUX: &[&str] = &[
    "was",
    "were",
    "is",
    "are",
    "be",
    "been",
    "being",
    "has",
    "have",
    "had",
    "will",
    "would",
    "could",
    "can",
    "may",
    "might",
    "must",
    "should",
    "shall",
    "to",
    "also",
    "still",
    "now",
    "temporarily",
    "immediately",
    "not",
    "formally",
    "officially",
    "then",
    "later",
    "soon",
    "reportedly",
    "all",
    "effectively",
    "just",
    "finally",
    "already",
    "eventually",
];

const PREPS: &[&str] = &[
    "with", "to", "of", "from", "against", "in", "at", "by", "on", "for", "into", "over", "toward",
    "towards", "via", "through", "between", "among", "about", "after", "before", "under",
];

const SPEECH: &[&str] = &[
    "said",
    "says",
    "told",
    "announced",
    "stated",
    "added",
    "declared",
    "warned",
    "insisted",
    "confirmed",
    "noted",
    "reported",
    "claimed",
    "argued",
    "explained",
    "believes",
    "thinks",
];

fn is_verbish(t: &Tok) -> bool {
    if t.mention.is_some() {
        return false;
    }
    // The tagger's verbs ("would expel Cambodia's envoy": "expel" is no
    // modifier of the envoy, whatever its ending).
    if t.upos == Some(Upos::Verb) {
        return true;
    }
    let w = t.lower.as_str();
    if AUX.contains(&w) && !matches!(w, "to" | "also" | "still" | "now" | "all" | "not") {
        return true;
    }
    if SPEECH.contains(&w) {
        return true;
    }
    let lowercase = t.text.chars().next().is_some_and(|c| c.is_lowercase());
    lowercase && w.len() > 4 && (w.ends_with("ed") || w.ends_with("ing")) && !is_det(w)
}

/// A channel noun phrase.
#[derive(Debug, Clone)]
struct Np {
    kind: String,
    /// tokens [left, noun_end) make up the phrase before attachments.
    left: usize,
    noun_start: usize,
    noun_end: usize,
    /// one past the last token of its attachments ("to NATO", "in Moscow").
    right: usize,
    holder: Option<usize>,
    pronoun: bool,
    from_actor: Option<usize>,
    host: Option<usize>,
    location: Option<(String, String)>,
    plural: bool,
    /// The possessive is "their" (two or more holders).
    plural_pronoun: bool,
}

/// Mention index → actor code (entity code, or its country). A diplomatic
/// post ("the Thai embassy", coded THAGOV) stands for its state.
fn code_of(doc: &Doc, mi: usize) -> Option<String> {
    let e = doc.entities.get(doc.mentions.get(mi)?.entity)?;
    let code = e.code.clone().or_else(|| e.country.clone())?;
    if is_post(doc, mi) && code.len() > 3 && code.is_char_boundary(3) {
        return Some(code[..3].to_string());
    }
    Some(code)
}

/// A channel's holder or host is a state or an organisation: a state's
/// government, forces or legislature acting ("KHMGOV") stand for the state.
fn party(code: String) -> String {
    const ORGANS: &[&str] = &["GOV", "MIL", "LEG", "JUD", "SPY", "ELI"];
    match code.get(3..6) {
        Some(organ) if code.len() == 6 && ORGANS.contains(&organ) && !code.starts_with("IGO") => {
            code[..3].to_string()
        }
        _ => code,
    }
}

/// A mention of an embassy, consulate or mission (a place with a state's code).
fn is_post(doc: &Doc, mi: usize) -> bool {
    doc.mentions
        .get(mi)
        .and_then(|m| doc.entities.get(m.entity))
        .is_some_and(|e| {
            matches!(e.kind, EntityKind::Place | EntityKind::Organization)
                && crate::actors::words::is_diplomatic_role(&e.name.to_lowercase())
        })
}

fn is_place(doc: &Doc, mi: usize) -> bool {
    doc.mentions
        .get(mi)
        .and_then(|m| doc.entities.get(m.entity))
        .is_some_and(|e| e.kind == EntityKind::Place)
}

/// Nouns that describe an organisation already named ("the bloc's").
const ORG_DESCRIPTORS: &[&str] = &[
    "bloc",
    "alliance",
    "organization",
    "organisation",
    "union",
    "coalition",
    "body",
    "grouping",
    "agency",
];

/// The organisation (IGO first) mentioned last before `offset`.
fn last_organisation(doc: &Doc, offset: usize) -> Option<usize> {
    let org = |m: &crate::doc::Mention| {
        doc.entities
            .get(m.entity)
            .is_some_and(|e| e.kind == EntityKind::Organization && e.code.is_some())
    };
    let igo = |m: &crate::doc::Mention| {
        doc.entities
            .get(m.entity)
            .and_then(|e| e.code.as_deref())
            .is_some_and(|c| c.starts_with("IGO"))
    };
    let before = || {
        doc.mentions
            .iter()
            .enumerate()
            .filter(|(_, m)| m.span.end <= offset)
            .rev()
    };
    before()
        .find(|(_, m)| org(m) && igo(m))
        .or_else(|| before().find(|(_, m)| org(m)))
        .map(|(i, _)| i)
}

fn find_nps(doc: &Doc, toks: &[Tok], lex: &ChannelLexicon) -> Vec<Np> {
    let mut out: Vec<Np> = Vec::new();
    let gaz = Gazetteer::builtin();
    let mut i = 0;
    while i < toks.len() {
        let Some(cands) = lex.nouns.get(&toks[i].lower) else {
            i += 1;
            continue;
        };
        let hit = cands.iter().find(|(words, _)| {
            words.len() <= toks.len() - i
                && words
                    .iter()
                    .enumerate()
                    .all(|(k, w)| toks[i + k].lower == *w)
        });
        let Some((words, kind)) = hit else {
            i += 1;
            continue;
        };
        let noun_start = i;
        let noun_end = i + words.len();
        // Left extent.
        let mut left = noun_start;
        let mut holder = None;
        let mut pronoun = false;
        while left > 0 && noun_start - left < 7 {
            let t = &toks[left - 1];
            let w = t.lower.as_str();
            let cap = t.text.chars().next().is_some_and(|c| c.is_uppercase());
            let ok = t.mention.is_some()
                || is_det(w)
                || t.text.chars().all(|c| c.is_ascii_digit())
                || (cap && left - 1 > 0)
                || w.ends_with("'s")
                || w == "'s"
                || w == "'"
                || w == "member"
                || (w.len() > 3
                    && !is_verbish(t)
                    && toks.get(left).is_some_and(|n| n.lower.ends_with("'s")));
            if !ok || t.rel {
                break;
            }
            // "of" only inside "… of its": stop at a bare "of".
            if w == "of" {
                break;
            }
            left -= 1;
        }
        let mut plural_pronoun = false;
        for t in &toks[left..noun_start] {
            // A possessive pronoun stands for the agent of the clause (the
            // actor stage's own resolution may reach across sentences).
            if POSSESSIVE_PRONOUNS.contains(&t.lower.as_str()) {
                if holder.is_none() {
                    pronoun = true;
                    plural_pronoun = t.lower == "their";
                }
                continue;
            }
            if let Some(mi) = t.mention {
                if !is_place(doc, mi) || holder.is_none() {
                    holder = Some(mi);
                    pronoun = false;
                }
            }
        }
        // A mention covering the noun itself ("NATO Information Office"
        // recognised as one name) is the holder.
        if holder.is_none() && !pronoun {
            if let Some(mi) = toks[noun_start].mention {
                holder = Some(mi);
            }
        }
        // "the bloc's liaison mission" when the actor stage left the
        // description unlinked: the organisation mentioned last before it.
        if holder.is_none() && !pronoun {
            let descriptor = toks[left..noun_start].iter().any(|t| {
                t.lower
                    .strip_suffix("'s")
                    .is_some_and(|w| ORG_DESCRIPTORS.contains(&w))
            });
            if descriptor {
                holder = last_organisation(doc, toks[noun_start].span.start);
            }
        }
        // Right attachments.
        let mut j = noun_end;
        let mut host = None;
        let mut from_actor = None;
        let mut location = None;
        let mut right = noun_end;
        while j < toks.len() && j < noun_end + 10 {
            let w = toks[j].lower.as_str();
            if toks[j].rel {
                j += 1;
                continue;
            }
            if matches!(w, "to" | "at" | "in" | "of" | "from" | "with" | "for") {
                // the first mention within 4 tokens
                let mut k = j + 1;
                let mut found = None;
                while k < toks.len() && k <= j + 4 {
                    if let Some(mi) = toks[k].mention {
                        // a place the actor stage could not code ("in Eretria
                        // capital Asmara", misspelt): the next one says where
                        let uncoded = doc
                            .entities
                            .get(doc.mentions[mi].entity)
                            .is_some_and(|e| e.code.is_none() && e.country.is_none());
                        if !uncoded {
                            found = Some(mi);
                            break;
                        }
                    }
                    let lower_word = toks[k]
                        .text
                        .chars()
                        .next()
                        .is_some_and(|c| c.is_lowercase())
                        && !is_det(toks[k].lower.as_str())
                        && !matches!(
                            toks[k].lower.as_str(),
                            "member" | "state" | "states" | "side" | "headquarters" | "capital"
                        );
                    if matches!(toks[k].text.as_str(), "," | ";" | ".") || lower_word {
                        break;
                    }
                    k += 1;
                }
                // Places from the gazetteer when the actor stage gave none.
                if w == "in" || w == "at" || w == "from" {
                    let rest_start = toks[j].span.end;
                    let rest_end = toks
                        .get((j + 5).min(toks.len() - 1))
                        .map(|t| t.span.end)
                        .unwrap_or(rest_start);
                    let phrase = format!(
                        "{} {}",
                        toks[j].text,
                        doc.text.get(rest_start..rest_end).unwrap_or("").trim()
                    );
                    if let Some((s, e, p)) = gaz.locations(&phrase).into_iter().next() {
                        if location.is_none() && s <= toks[j].text.len() + 5 {
                            location = Some((phrase[s..e].to_string(), p.country.clone()));
                            right = right.max(j + 1 + phrase[s..e].split_whitespace().count());
                        }
                    }
                }
                // "in the Cuban embassy", "of the Thai embassy": a post of
                // the state named just before its noun is the holder's post
                let mut post_end = None;
                if let Some(mi) = found {
                    let mut e = k + 1;
                    while e < toks.len() && toks[e].mention == Some(mi) {
                        e += 1;
                    }
                    let post_noun = |t: &Tok| {
                        lex.nouns.get(&t.lower).is_some_and(|c| {
                            c.iter().any(|(ws, kind)| {
                                ws.len() == 1
                                    && matches!(
                                        kind.as_str(),
                                        "embassy" | "consulate" | "permanent mission"
                                    )
                            })
                        })
                    };
                    if is_post(doc, mi) {
                        post_end = Some(e);
                    } else if toks.get(e).is_some_and(post_noun) {
                        post_end = Some(e + 1);
                    } else if let Some(p) = toks.get(e).and_then(|t| t.mention) {
                        if is_post(doc, p) {
                            let mut f = e;
                            while f < toks.len() && toks[f].mention == Some(p) {
                                f += 1;
                            }
                            post_end = Some(f);
                        }
                    }
                }
                if let (Some(mi), Some(pe)) = (found, post_end) {
                    if matches!(w, "in" | "at" | "of") {
                        if holder.is_none() {
                            holder = Some(mi);
                        }
                        right = right.max(pe);
                        j = pe;
                        continue;
                    }
                }
                if let Some(mi) = found {
                    match w {
                        "to" | "at" | "with" | "for" => {
                            let igo = code_of(doc, mi).is_some_and(|c| c.starts_with("IGO"));
                            // "its envoy to Canberra": the capital's state
                            let to_place = w == "to" && is_place(doc, mi);
                            if host.is_none() && (igo || !is_place(doc, mi) || to_place) {
                                host = Some(mi);
                            }
                        }
                        "in" => {
                            if location.is_none() {
                                let e = &doc.entities[doc.mentions[mi].entity];
                                if let Some(c) = e.country.clone().or(e.code.clone()) {
                                    location =
                                        Some((doc.slice(doc.mentions[mi].span).to_string(), c));
                                }
                            }
                        }
                        "of" => {
                            if holder.is_none() {
                                holder = Some(mi);
                            }
                        }
                        _ => {
                            if from_actor.is_none() {
                                from_actor = Some(mi);
                            }
                        }
                    }
                    right = right.max(k + 1);
                    j = k + 1;
                    continue;
                }
                j += 1;
                continue;
            }
            if toks[j].mention.is_some()
                || is_det(w)
                || matches!(w, "headquarters" | "member" | "state" | "side")
                || toks[j]
                    .text
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_uppercase())
            {
                j += 1;
                continue;
            }
            break;
        }
        let last = words.last().map(String::as_str).unwrap_or("");
        let plural = last.ends_with('s') && !last.ends_with("ss") && last != "affaires";
        out.push(Np {
            kind: kind.clone(),
            left,
            noun_start,
            noun_end,
            right: right.max(j.min(toks.len())).max(noun_end),
            holder,
            pronoun,
            from_actor,
            host,
            location,
            plural,
            plural_pronoun,
        });
        i = noun_end;
    }
    out
}

/// A trigger occurrence.
#[derive(Debug, Clone, Copy)]
struct Trigger {
    start: usize,
    end: usize,
    change: ChannelChangeKind,
    /// Search for the channel before the trigger only ("to leave", "persona non grata").
    backward_only: bool,
}

/// The end of trigger pattern `p` matched at token `i`: each element is a
/// word, alternatives "a/b", or "*" (up to three modifiers: "urgent",
/// "regular", "a", "the").
fn match_trigger(p: &[String], toks: &[Tok], i: usize) -> Option<usize> {
    let Some(first) = p.first() else {
        return Some(i);
    };
    if first == "*" {
        return (0..=3).find_map(|g| {
            if g > 0
                && !toks
                    .get(i + g - 1)
                    .is_some_and(|t| crate::conflicts::is_modifier(&t.lower) && t.mention.is_none())
            {
                return Some(None);
            }
            match_trigger(&p[1..], toks, i + g).map(Some)
        })?;
    }
    let t = toks.get(i)?;
    if first.split('/').any(|a| a == t.lower) {
        match_trigger(&p[1..], toks, i + 1)
    } else {
        None
    }
}

fn find_triggers(toks: &[Tok], lex: &ChannelLexicon) -> Vec<Trigger> {
    use ChannelChangeKind::*;
    let mut out = Vec::new();
    let mut i = 0;
    let clause_has = |i: usize, name: &str| {
        let lo = i.saturating_sub(10);
        let hi = (i + 12).min(toks.len());
        toks[lo..hi].iter().any(|t| lex.cue(name, &t.lower))
    };
    while i < toks.len() {
        if toks[i].rel {
            i += 1;
            continue;
        }
        // "ordered … to leave", "given 48 hours to leave", "must leave the
        // country", "has to leave by Friday"
        let obliged = |k: usize| {
            let w = |d: usize| k.checked_sub(d).map_or("", |j| toks[j].lower.as_str());
            lex.cue("obliged", w(1))
                || lex.cue("obliged", w(2)) && matches!(w(1), "now" | "also" | "all" | "then")
                || w(1) == "to" && matches!(w(2), "has" | "have" | "had" | "needs" | "need")
        };
        if toks[i].lower == "leave"
            && i > 0
            && (toks[i - 1].lower == "to"
                && toks[i.saturating_sub(14)..i]
                    .iter()
                    .any(|t| lex.cue("order", &t.lower))
                || obliged(i))
        {
            out.push(Trigger {
                start: i,
                end: i + 1,
                change: StaffExpelled,
                backward_only: true,
            });
            i += 1;
            continue;
        }
        // "ordered 18 diplomats out (of the country)"
        if toks[i].lower.starts_with("order")
            && win(toks, i + 1, i + 9)
                .iter()
                .take_while(|t| !matches!(t.text.as_str(), "," | ";"))
                .any(|t| t.lower == "out")
        {
            out.push(Trigger {
                start: i,
                end: i + 1,
                change: StaffExpelled,
                backward_only: false,
            });
            i += 1;
            continue;
        }
        // "downgraded … to chargé d'affaires", "lowered relations to the level
        // of chargé d'affaires": the envoys show the downgrade (a recall)
        if lex.cue("downgrade", &toks[i].lower)
            && win(toks, i + 1, i + 16)
                .iter()
                .take_while(|t| !matches!(t.text.as_str(), ";" | "."))
                .any(|t| t.lower.ends_with("d'affaires"))
        {
            out.push(Trigger {
                start: i,
                end: i + 1,
                change: AmbassadorRecalled,
                backward_only: false,
            });
            i += 1;
            continue;
        }
        let Some(cands) = lex.triggers.get(&toks[i].lower) else {
            i += 1;
            continue;
        };
        let matching: Vec<(usize, ChannelChangeKind)> = cands
            .iter()
            .filter_map(|(words, c)| match_trigger(words, toks, i).map(|e| (e - i, *c)))
            .collect();
        let Some(longest) = matching.iter().map(|m| m.0).max() else {
            i += 1;
            continue;
        };
        let kinds: Vec<ChannelChangeKind> = matching
            .iter()
            .filter(|m| m.0 == longest)
            .map(|m| m.1)
            .collect();
        let change = if kinds.contains(&AccreditationRevoked) && clause_has(i, "accreditation") {
            Some(AccreditationRevoked)
        } else {
            kinds
                .iter()
                .copied()
                .find(|c| !matches!(c, AccreditationRevoked))
        };
        if let Some(change) = change {
            let pnp = toks[i].lower == "persona";
            out.push(Trigger {
                start: i,
                end: i + longest,
                change,
                backward_only: pnp,
            });
        }
        i += longest;
    }
    out
}

/// The sentence the tokens come from.
fn toks_sentence(doc: &Doc, toks: &[Tok]) -> usize {
    toks.first()
        .and_then(|t| doc.sentence_at(t.span.start))
        .unwrap_or(usize::MAX)
}

/// Tokens `a..b`, clamped to the sentence.
fn win(toks: &[Tok], a: usize, b: usize) -> &[Tok] {
    let b = b.min(toks.len());
    &toks[a.min(b)..b]
}

fn blocks(t: &Tok) -> bool {
    matches!(
        t.text.as_str(),
        "," | ";" | ":" | "“" | "”" | "\"" | "(" | ")"
    ) || matches!(
        t.lower.as_str(),
        "that" | "which" | "who" | "by" | "because" | "while" | "but" | "after" | "as"
    ) || is_verbish(t)
}

/// Lower-case words that follow an actor name without being its verb.
const NOT_VERBS: &[&str] = &[
    "and",
    "or",
    "nor",
    "side",
    "member",
    "state",
    "states",
    "officials",
    "diplomats",
    "embassy",
    "mission",
    "ambassador",
    "envoy",
    "consulate",
    "government",
    "authorities",
    "headquarters",
    "forces",
    "troops",
    "leaders",
    "leader",
    "ministry",
    "president",
    "minister",
    "press",
    "office",
    "spokesman",
    "spokeswoman",
    "agency",
    "counterpart",
    "counterparts",
    "allies",
];

fn subject_score(toks: &[Tok], k: usize, trig: usize) -> u8 {
    let next = toks.get(k + 1);
    // "ordered X to shut down …": X is the subject of the infinitive.
    if next.is_some_and(|n| n.lower == "to") && trig > k + 1 && trig <= k + 3 {
        return 3;
    }
    let prev = if k > 0 { toks.get(k - 1) } else { None };
    let followed_by_verb = next.is_some_and(|n| {
        is_verbish(n)
            || matches!(
                n.lower.as_str(),
                "will"
                    | "would"
                    | "could"
                    | "can"
                    | "may"
                    | "has"
                    | "had"
                    | "have"
                    | "on"
                    | "is"
                    | "was"
                    | "also"
                    | "plans"
                    | "says"
                    | "expels"
                    | "closes"
            )
            || (n.text.chars().next().is_some_and(|c| c.is_lowercase())
                && n.lower.chars().all(|c| c.is_alphabetic())
                && !PREPS.contains(&n.lower.as_str())
                && !is_det(n.lower.as_str())
                && !NOT_VERBS.contains(&n.lower.as_str()))
    });
    if followed_by_verb {
        return 2;
    }
    let object = prev.is_some_and(|p| {
        PREPS.contains(&p.lower.as_str())
            || (is_verbish(p) && !SPEECH.contains(&p.lower.as_str()))
            || (p.lower == "the" && k >= 2 && PREPS.contains(&toks[k - 2].lower.as_str()))
    });
    if object {
        0
    } else {
        1
    }
}

/// The actor mention doing the act of the trigger.
fn agent(
    doc: &Doc,
    toks: &[Tok],
    trig: &Trigger,
    exclude: &[(usize, usize)],
    si: usize,
) -> Option<usize> {
    let excluded = |k: usize| exclude.iter().any(|&(a, b)| k >= a && k < b);
    // Clause start: the last ';' before the trigger.
    let start = toks[..trig.start]
        .iter()
        .rposition(|t| t.text == ";")
        .map(|p| p + 1)
        .unwrap_or(0);
    let mut best: Option<(u8, usize, usize)> = None; // (score, position, mention)
    let mut k = trig.start;
    let mut last_mention = None;
    while k > start {
        k -= 1;
        let t = &toks[k];
        if t.rel || excluded(k) {
            continue;
        }
        let Some(mi) = t.mention else { continue };
        if last_mention == Some(mi) {
            continue;
        }
        last_mention = Some(mi);
        if is_place(doc, mi) && toks.get(k.wrapping_sub(1)).is_some_and(|p| p.lower == "in") {
            continue;
        }
        // the end token of the mention
        let mut end = k;
        while end + 1 < toks.len() && toks[end + 1].mention == Some(mi) {
            end += 1;
        }
        let mut first = k;
        while first > 0 && toks[first - 1].mention == Some(mi) {
            first -= 1;
        }
        let score = subject_score(toks, end, trig.start).min(if first < k {
            subject_score(toks, end, trig.start)
        } else {
            2
        });
        let prev_obj = first > 0 && subject_score(toks, end, trig.start) < 2 && {
            let p = &toks[first - 1];
            PREPS.contains(&p.lower.as_str())
                || (is_verbish(p) && !SPEECH.contains(&p.lower.as_str()))
        };
        let score = if prev_obj { 0 } else { score };
        if best.is_none_or(|b| score > b.0) {
            best = Some((score, k, mi));
        }
        k = first;
    }
    if let Some((s, _, mi)) = best {
        if s > 0 {
            return Some(mi);
        }
    }
    // "by X" after the trigger.
    for k in trig.end..toks.len().min(trig.end + 8) {
        if toks[k].lower == "by" {
            if let Some(mi) = win(toks, k + 1, k + 4).iter().find_map(|t| t.mention) {
                return Some(mi);
            }
        }
    }
    // An event the events stage coded on this sentence.
    let _ = si;
    best.map(|b| b.2)
}

fn event_source(doc: &Doc, ix: &Index, si: usize, at: Span) -> Option<String> {
    ix.events_in(doc, si)
        .filter(|e| e.sentence == si && e.source.is_some())
        .min_by_key(|e| e.trigger.start.abs_diff(at.start))
        .and_then(|e| e.source.clone())
}

/// Tracks channel changes: reads `sentences`, `mentions`, `entities`,
/// `events`, `timexes`, `quotes`; fills `channels`.
pub fn track(doc: &mut Doc) {
    let lex = ChannelLexicon::builtin();
    let ix = Index::new(doc);
    let statement = dates::statement_dates_with(doc, &ix);
    let mut found: Vec<ChannelChange> = Vec::new();
    let mut appointed: Vec<(String, String, usize, bool)> = Vec::new();
    for si in 0..doc.sentences.len() {
        let toks = tokenize(doc, &ix, si);
        let triggers = find_triggers(&toks, lex);
        let tree = Tree::of(doc, si);
        if let Some(tr) = tree.as_ref() {
            appointed.extend(appointments(doc, &ix, tr, si, &toks, lex));
        }
        if triggers.is_empty() {
            reciprocate(doc, &statement, &toks, si, lex, &mut found);
            continue;
        }
        let nps = find_nps(doc, &toks, lex);
        for (ti, trig) in triggers.iter().enumerate() {
            let next_trigger = triggers.get(ti + 1).map(|t| t.start).unwrap_or(toks.len());
            let chosen = attach(&toks, &nps, trig, next_trigger, lex);
            if chosen.is_empty() {
                continue;
            }
            let extents: Vec<(usize, usize)> = chosen
                .iter()
                .map(|&n| (nps[n].left, nps[n].right))
                .collect();
            let parts = included_parts(doc, &toks, &nps, chosen.last().map(|&n| &nps[n]));
            // A decision announced with its own date ("will halt its mission by
            // early next month") is scheduled: asserted, pending until the day.
            // A fallback is a channel that could be used, whatever the mood.
            let status = match change_status(doc, lex, tree.as_ref(), &toks, trig, si) {
                EventStatus::Intended if date_for(doc, &ix, si, &toks, trig).is_some() => {
                    EventStatus::Asserted
                }
                _ if trig.change == ChannelChangeKind::FallbackDesignated => EventStatus::Asserted,
                s => s,
            };
            let ag = tree
                .as_ref()
                .and_then(|tr| tree_agent(doc, &ix, tr, si, &toks, trig))
                .or_else(|| agent(doc, &toks, trig, &extents, si));
            let ag_code = ag
                .and_then(|m| code_of(doc, m))
                .or_else(|| event_source(doc, &ix, si, toks[trig.start].span));
            // Coordinated phrases share holder and location.
            let mut shared_holder: Option<(Option<usize>, bool)> = None;
            let shared_location = chosen.iter().rev().find_map(|&n| nps[n].location.clone());
            for &n in &chosen {
                let np = &nps[n];
                let (holder_m, pronoun) = if np.holder.is_some() || np.pronoun {
                    (np.holder, np.pronoun)
                } else {
                    shared_holder.unwrap_or((None, false))
                };
                shared_holder.get_or_insert((holder_m, pronoun));
                let location = np.location.clone().or(shared_location.clone());
                let changes = resolve_parties(
                    doc,
                    &ix,
                    &toks,
                    trig,
                    np,
                    holder_m,
                    pronoun,
                    ag,
                    ag_code.clone(),
                    &location,
                    &extents,
                );
                for (holder, host) in changes {
                    let (holder, host) = (party(holder), party(host));
                    let date = date_for(doc, &ix, si, &toks, trig)
                        .or_else(|| statement.get(si).cloned().flatten());
                    let (hosted_at, established) = rel_attributes(doc, &toks, np);
                    // evacuated staff: their post is what closes
                    let kind = if is_evacuation(&toks, trig)
                        && matches!(
                            np.kind.as_str(),
                            "accredited staff" | "ambassador" | "envoy"
                        ) {
                        "embassy".to_string()
                    } else {
                        np.kind.clone()
                    };
                    let np_text = doc
                        .text
                        .get(toks[np.left].span.start..toks[np.noun_end - 1].span.end)
                        .unwrap_or("")
                        .to_string();
                    if status == EventStatus::Negated {
                        continue;
                    }
                    found.push(ChannelChange {
                        status,
                        name: format!(
                            "{}{}",
                            channel_name(doc, &holder, &host, &kind, &location, &np_text),
                            parts
                        ),
                        holder: Some(holder),
                        host: Some(host),
                        kind,
                        change: trig.change,
                        date,
                        sentence: si,
                        location: location.as_ref().map(|l| l.0.clone()),
                        hosted_at,
                        established,
                    });
                }
            }
        }
        reciprocate(doc, &statement, &toks, si, lex, &mut found);
    }
    // An envoy appointed to a state the article reports a break with (or a
    // reopening, or a recall) fills the post again: `reopened` (the coding
    // manual's convention). Other appointments change no channel.
    let pair = |c: &ChannelChange, a: &str, b: &str| {
        let p3 = |x: &Option<String>| x.as_deref().and_then(|x| x.get(..3)).map(str::to_string);
        let (h, g) = (p3(&c.holder), p3(&c.host));
        let (a, b) = (
            a.get(..3).map(str::to_string),
            b.get(..3).map(str::to_string),
        );
        (h == a && g == b) || (h == b && g == a)
    };
    for (holder, host, si, gap) in appointed {
        let after_break = gap
            || found.iter().any(|c| {
                pair(c, &holder, &host)
                    && !matches!(c.change, ChannelChangeKind::FallbackDesignated)
            });
        if after_break {
            found.push(ChannelChange {
                name: channel_name(doc, &holder, &host, "ambassador", &None, ""),
                holder: Some(holder),
                host: Some(host),
                kind: "ambassador".to_string(),
                change: ChannelChangeKind::Reopened,
                status: EventStatus::Asserted,
                date: statement.get(si).cloned().flatten(),
                sentence: si,
                location: None,
                hosted_at: None,
                established: None,
            });
        }
    }
    doc.channels = dedupe(found);
}

/// "Ethiopia has appointed X as ambassador to Eritrea", "Washington named
/// Jane Doe its ambassador to Havana": (holder, host, sentence, whether the
/// sentence tells of a gap before) of every envoy named, from the tree (the verb's subject holds the post; the "to"
/// phrase of the envoy noun, or of the verb, is the host).
fn appointments(
    doc: &Doc,
    ix: &Index,
    tr: &Tree,
    si: usize,
    toks: &[Tok],
    lex: &ChannelLexicon,
) -> Vec<(String, String, usize, bool)> {
    let range = doc.sentences[si].tokens;
    let lower = |w: usize| doc.slice(doc.tokens[range.start + w].span).to_lowercase();
    let code = |w: usize| {
        let span = doc.tokens.get(range.start + w)?.span;
        ix.mention_at(span).and_then(|m| code_of(doc, m)).map(party)
    };
    let envoy = |w: usize| {
        lex.nouns.get(&lower(w)).is_some_and(|c| {
            c.iter()
                .any(|(ws, k)| ws.len() == 1 && matches!(k.as_str(), "ambassador" | "envoy"))
        })
    };
    let to_of = |w: usize| {
        tr.children(w)
            .iter()
            .copied()
            .find(|&c| tr.dep[c] == Dep::Prep && lower(c) == "to")
            .and_then(|p| tr.pobj(p))
            .and_then(code)
    };
    let mut out = Vec::new();
    for t in toks.iter() {
        let Some(v) = t.word else { continue };
        if !lex.cue("appoint", &t.lower) || tr.passive(v) {
            continue;
        }
        // the envoy noun: "as ambassador", or a second object ("named X its ambassador")
        let noun = tr
            .children(v)
            .iter()
            .copied()
            .find_map(|c| match tr.dep[c] {
                Dep::Prep if lower(c) == "as" => tr.pobj(c).filter(|&n| envoy(n)),
                Dep::Dobj | Dep::Oprd | Dep::Attr if envoy(c) => Some(c),
                _ => None,
            });
        let Some(n) = noun else { continue };
        let Some(holder) = tr.child(v, Dep::Nsubj).and_then(code) else {
            continue;
        };
        let Some(host) = to_of(n).or_else(|| to_of(v)) else {
            continue;
        };
        if holder.get(..3) != host.get(..3) {
            out.push((holder, host, si, resumption(toks, lex)));
        }
    }
    out
}

/// Whether a sentence says a post is filled after a gap: "its first
/// ambassador since the rift", "for the first time in twelve years", "after
/// months away", "ending a year without one", "again".
fn resumption(toks: &[Tok], lex: &ChannelLexicon) -> bool {
    let has = |w: &str| toks.iter().any(|t| t.lower == w);
    let span_words = ["years", "months", "decades", "year", "decade"];
    toks.iter().any(|t| lex.cue("resumption", &t.lower))
        || has("first") && (has("since") || has("time"))
        || toks.iter().enumerate().any(|(k, t)| {
            t.lower == "after"
                && win(toks, k + 1, k + 4)
                    .iter()
                    .any(|u| span_words.contains(&u.lower.as_str()))
        })
}

/// The actor doing the act of the trigger, from the dependency tree: the
/// verb's subject; a passive's by-phrase; else up the chain of verbs that
/// share it ("decided to cut", "recalled … and expelled", "by expelling"), an
/// infinitive taking the object of its governor first ("prompted the minister
/// to announce"), and an agentless passive reported by a speech verb taking
/// the speaker ("announced that ties would be severed"). `None` when the tree
/// names no actor (the window rules decide).
fn tree_agent(
    doc: &Doc,
    ix: &Index,
    tr: &Tree,
    si: usize,
    toks: &[Tok],
    trig: &Trigger,
) -> Option<usize> {
    let range = doc.sentences[si].tokens;
    let mention = |w: usize| {
        let span = doc.tokens.get(range.start + w)?.span;
        ix.mention_at(span)
    };
    let t = toks[trig.start].word?;
    if !matches!(
        tr.tag[t],
        Tag::Vb | Tag::Vbd | Tag::Vbg | Tag::Vbn | Tag::Vbp | Tag::Vbz
    ) {
        return None;
    }
    let passive = tr.passive(t);
    let mut cur = t;
    for _ in 0..6 {
        if let Some(s) = tr.child(cur, Dep::Nsubj) {
            if tr.dep[cur] == Dep::Relcl && matches!(tr.tag[s], Tag::Wdt | Tag::Wp) {
                return mention(tr.head[cur]);
            }
            return mention(s);
        }
        if cur == t && passive {
            if let Some(by) = tr.child(cur, Dep::Agent) {
                return tr.pobj(by).and_then(mention);
            }
        } else if cur != t {
            if let Some(s) = tr.child(cur, Dep::Nsubjpass) {
                return mention(s);
            }
        }
        if tr.is_root(cur) {
            return None;
        }
        let h = tr.head[cur];
        match tr.dep[cur] {
            Dep::Xcomp => {
                if let Some(o) = tr.child(h, Dep::Dobj) {
                    return mention(o);
                }
                cur = h;
            }
            Dep::Conj | Dep::Advcl => cur = h,
            Dep::Ccomp if passive => cur = h,
            Dep::Pcomp => cur = tr.head[h],
            _ => return None,
        }
    }
    None
}

/// "…, with Cambodia following suit", "Moscow responded in kind": the party
/// named does to the other what was just done to it (or what it just
/// suffered): the last change of the two sentences before (or this one)
/// between it and another party, mirrored.
fn reciprocate(
    doc: &Doc,
    statement: &[Option<String>],
    toks: &[Tok],
    si: usize,
    lex: &ChannelLexicon,
    found: &mut Vec<ChannelChange>,
) {
    let Some(cue) = (0..toks.len()).find(|&k| {
        let w = |d: usize| toks.get(k + d).map_or("", |t| t.lower.as_str());
        (w(0).starts_with("follow") && w(1) == "suit")
            || (lex.cue("reciprocate", w(0)) && w(1) != "to")
            || (w(1) == "in" && w(2) == "kind" && w(0).starts_with("respond"))
    }) else {
        return;
    };
    // The actor just before the cue ("Cambodia later followed suit").
    let Some(code) = toks[cue.saturating_sub(4)..cue]
        .iter()
        .rev()
        .find_map(|t| t.mention.and_then(|m| code_of(doc, m)))
        .map(party)
    else {
        return;
    };
    let same = |c: &Option<String>| c.as_deref().and_then(|c| c.get(..3)) == code.get(..3);
    let Some(last) = found
        .iter()
        .rev()
        .take_while(|c| c.sentence + 2 >= si)
        .find(|c| same(&c.holder) || same(&c.host))
        .cloned()
    else {
        return;
    };
    let (Some(holder), Some(host)) = (last.host.clone(), last.holder.clone()) else {
        return;
    };
    let date = statement.get(si).cloned().flatten().or(last.date.clone());
    found.push(ChannelChange {
        name: channel_name(doc, &holder, &host, &last.kind, &None, ""),
        holder: Some(holder),
        host: Some(host),
        date,
        sentence: si,
        location: None,
        hosted_at: None,
        established: None,
        ..last
    });
}

/// ", including its military representative" after the last phrase: the
/// parts of the channel the change covers, as a name suffix.
fn included_parts(doc: &Doc, toks: &[Tok], nps: &[Np], last: Option<&Np>) -> String {
    let Some(last) = last else {
        return String::new();
    };
    let start = last.right.max(last.noun_end);
    // the next ", including" within a few words, in the same clause
    let Some(k) = (start..toks.len().min(start + 9))
        .take_while(|&k| !matches!(toks[k].text.as_str(), ";" | "."))
        .find(|&k| {
            k > 0
                && toks[k - 1].text == ","
                && matches!(toks[k].lower.as_str(), "including" | "along" | "together")
        })
    else {
        return String::new();
    };
    let cue = match toks.get(k).map(|t| t.lower.as_str()) {
        Some("including") => 1,
        Some("along" | "together") if toks.get(k + 1).is_some_and(|t| t.lower == "with") => 2,
        _ => return String::new(),
    };
    let from = k + cue;
    nps.iter()
        .find(|n| n.left >= from && n.left <= from + 2)
        .and_then(|n| {
            let s = toks.get(n.left)?.span.start;
            let e = toks.get(n.noun_end.checked_sub(1)?)?.span.end;
            doc.text.get(s..e).map(|t| format!(", including {t}"))
        })
        .unwrap_or_default()
}

/// How sure the text is of the change at `trig`: the verb group and the
/// verbs governing it in the tree ("will close" intended, "could expel"
/// hypothetical, "threatened to expel" and "plans to reopen" by the governing
/// verb, "did not recall" negated; "would" inside reported speech is a
/// reported future); without a tree, the words just before the trigger. An
/// order to leave ("must leave", "was told to leave") is the expulsion done.
fn change_status(
    doc: &Doc,
    lex: &ChannelLexicon,
    tree: Option<&Tree>,
    toks: &[Tok],
    trig: &Trigger,
    si: usize,
) -> EventStatus {
    let order = trig.backward_only && toks[trig.start].lower == "leave";
    let mut c = Cues::default();
    let modal = |c: &mut Cues, w: &str| match w {
        "will" | "shall" | "'ll" => c.future = true,
        "would" => c.would = true,
        "could" | "may" | "might" | "should" | "must" => c.hypothetical = true,
        "not" | "n't" | "never" => c.negated = true,
        _ => {}
    };
    match (tree, toks[trig.start].word) {
        (Some(tr), Some(t)) => {
            let range = doc.sentences[si].tokens;
            let word = |k: usize| doc.slice(doc.tokens[range.start + k].span).to_lowercase();
            let mut x = t;
            // a noun trigger ("announced the closure") takes its verb's group
            if matches!(tr.tag[x], Tag::Nn | Tag::Nns)
                && matches!(tr.dep[x], Dep::Dobj | Dep::Nsubjpass)
            {
                x = tr.head[x];
            }
            for _ in 0..5 {
                for &k in tr.children(x) {
                    match tr.dep[k] {
                        Dep::Neg => c.negated = true,
                        Dep::Aux => modal(&mut c, &word(k)),
                        Dep::Mark
                            if tr.dep[x] == Dep::Advcl
                                && matches!(word(k).as_str(), "if" | "unless") =>
                        {
                            c.hypothetical = true
                        }
                        _ => {}
                    }
                }
                if tr.is_root(x) {
                    break;
                }
                let h = tr.head[x];
                match tr.dep[x] {
                    Dep::Xcomp if !lex.cue("denial", &doc.lemma(range.start + h)) => {
                        if c.control.is_none() {
                            c.control = control_class(&doc.lemma(range.start + h));
                        }
                        x = h;
                    }
                    Dep::Conj => x = h,
                    Dep::Ccomp | Dep::Xcomp if lex.cue("denial", &doc.lemma(range.start + h)) => {
                        // "denied that it would close", "refused to recall"
                        c.negated = true;
                        break;
                    }
                    Dep::Ccomp => {
                        c.in_reported_speech = true;
                        break;
                    }
                    Dep::Pcomp => {
                        // "has no intention of closing", "plans for reopening"
                        let noun = tr.head[h];
                        if noun != h {
                            if tr.children(noun).iter().any(|&k| word(k) == "no") {
                                c.negated = true;
                            }
                            if c.control.is_none() {
                                c.control =
                                    control_class(&doc.lemma(range.start + noun)).or_else(|| {
                                        lex.cue("intention", &word(noun)).then_some(Control::Intend)
                                    });
                            }
                        }
                        break;
                    }
                    _ => break,
                }
            }
        }
        _ => {
            for k in (trig.start.saturating_sub(3)..trig.start).rev() {
                let w = toks[k].lower.as_str();
                if w == "to" && k > 0 && c.control.is_none() {
                    c.control = control_class(toks[k - 1].lower.trim_end_matches(['s', 'd']));
                }
                modal(&mut c, w);
            }
        }
    }
    if order {
        c.hypothetical = false;
        c.would = false;
        c.future = false;
        if c.control == Some(Control::Other) {
            c.control = None;
        }
    }
    // a threat is not the act
    if c.control == Some(Control::Threaten) && !c.negated {
        return EventStatus::Hypothetical;
    }
    decide(&c)
}

/// An evacuation ("evacuated its embassy", "diplomats were evacuated"):
/// the post closes, whoever is named.
fn is_evacuation(toks: &[Tok], trig: &Trigger) -> bool {
    toks.get(trig.start)
        .is_some_and(|t| t.lower.starts_with("evacuat"))
}

/// "reduce the size of the embassy": a cut in its staff.
fn is_size_cut(toks: &[Tok], trig: &Trigger) -> bool {
    win(toks, trig.start, trig.end)
        .iter()
        .any(|t| t.lower == "size")
}

/// The channel phrases a trigger acts on.
fn attach(
    toks: &[Tok],
    nps: &[Np],
    trig: &Trigger,
    next_trigger: usize,
    lex: &ChannelLexicon,
) -> Vec<usize> {
    use ChannelChangeKind::*;
    let mut chosen = Vec::new();
    // "stopped short of severing relations", "without closing the embassy": not done
    let before = |k: usize| {
        trig.start
            .checked_sub(k)
            .and_then(|i| toks.get(i))
            .map_or("", |t| t.lower.as_str())
    };
    if before(1) == "without" || (before(2) == "short" && before(1) == "of") {
        return chosen;
    }
    let staff_only = matches!(trig.change, StaffExpelled | AccreditationRevoked);
    let (evacuation, size_cut) = (is_evacuation(toks, trig), is_size_cut(toks, trig));
    let kind_ok = |np: &Np| match trig.change {
        // "cut the size of the Russian embassy": its staff
        StaffExpelled if size_cut => matches!(
            np.kind.as_str(),
            "embassy" | "consulate" | "permanent mission" | "accredited staff"
        ),
        StaffExpelled | AccreditationRevoked => {
            matches!(
                np.kind.as_str(),
                "accredited staff" | "ambassador" | "envoy" | "military representative"
            )
        }
        // "diplomats were evacuated": the post closes
        Closed if evacuation => np.kind != "relations",
        AmbassadorRecalled => matches!(
            np.kind.as_str(),
            "ambassador" | "envoy" | "accredited staff"
        ),
        FallbackDesignated => !matches!(np.kind.as_str(), "accredited staff") || np.plural,
        Reopened => !matches!(np.kind.as_str(), "accredited staff" | "relations"),
        // relations as a whole are a channel only when cut or suspended (the
        // coding manual's convention: severing relations closes the dyad's channel)
        // (a downgrade shows through the envoys: the manual's convention)
        Closed | Suspended => {
            let downgrade = toks
                .get(trig.start)
                .is_some_and(|t| lex.cue("downgrade", &t.lower));
            match np.kind.as_str() {
                "accredited staff" | "ambassador" | "envoy" => false,
                "relations" => !downgrade,
                _ => true,
            }
        }
        _ => !matches!(
            np.kind.as_str(),
            "accredited staff" | "ambassador" | "envoy" | "relations"
        ),
    };
    if !trig.backward_only {
        // Forward: the first phrase after the trigger with nothing blocking in between.
        let mut cursor = trig.end;
        for (n, np) in nps.iter().enumerate() {
            if np.left < cursor
                || np.noun_start >= next_trigger.max(trig.end)
                    && chosen.is_empty()
                    && np.left >= next_trigger
            {
                continue;
            }
            if toks[np.noun_start].rel {
                continue;
            }
            let gap: Vec<&Tok> = toks[cursor..np.left].iter().filter(|t| !t.rel).collect();
            let ok = if chosen.is_empty() {
                gap.len() <= 5 && !gap.iter().any(|t| blocks(t))
            } else {
                // coordination: ", and" / "and" / "," between the phrases
                gap.len() <= 4
                    && gap
                        .iter()
                        .all(|t| matches!(t.lower.as_str(), "and" | "," | "or") || is_det(&t.lower))
            };
            if !ok {
                break;
            }
            if kind_ok(np) {
                chosen.push(n);
            } else if !chosen.is_empty() || staff_only {
                break;
            }
            cursor = np.right.max(np.noun_end);
        }
    }
    if chosen.is_empty() {
        // Backward: the subject or passive object before the trigger.
        let max_gap = if trig.backward_only { 10 } else { 6 };
        for (n, np) in nps.iter().enumerate().rev() {
            if np.noun_end > trig.start || toks[np.noun_start].rel {
                continue;
            }
            // "the counsellor at the Somali embassy": the embassy is an
            // attachment of the counsellor, who is the phrase acted on.
            let inside = nps[..n]
                .iter()
                .any(|m| np.left >= m.noun_end && np.noun_end <= m.right);
            if inside {
                continue;
            }
            let gap: Vec<&Tok> = toks[np.right.max(np.noun_end).min(trig.start)..trig.start]
                .iter()
                .filter(|t| !t.rel)
                .collect();
            let base_form = {
                let w = toks[trig.start].lower.as_str();
                !(w.ends_with('s') || w.ends_with("ed") || w.ends_with('d') || w.ends_with("ing"))
            };
            if gap.is_empty() && base_form && !trig.backward_only {
                break;
            }
            // "ties severed five decades ago": a participle after the noun tells
            // the relations' past, not a change the article reports
            if gap.is_empty() && np.kind == "relations" {
                break;
            }
            let ok = gap.len() <= max_gap
                && gap.iter().all(|t| {
                    AUX.contains(&t.lower.as_str())
                        || is_det(t.lower.as_str())
                        || lex.cue("accreditation", &t.lower)
                        || (trig.backward_only && !matches!(t.text.as_str(), ";"))
                        || t.text.chars().all(|c| c.is_ascii_digit())
                        || matches!(
                            t.lower.as_str(),
                            "hours" | "days" | "weeks" | "just" | "over" | "within"
                        )
                        || t.lower.len() > 4 && t.lower.ends_with("ly")
                });
            if ok && kind_ok(np) {
                chosen.push(n);
            }
            break;
        }
    }
    if chosen.is_empty() {
        // "reopens its embassy … after it was closed down": the pronoun
        // subject stands for the last channel phrase before it
        let mut p = trig.start;
        while p > 0 && AUX.contains(&toks[p - 1].lower.as_str()) {
            p -= 1;
        }
        let pronoun = p
            .checked_sub(1)
            .map(|q| toks[q].lower.as_str())
            .filter(|w| matches!(*w, "it" | "they"));
        if let Some(w) = pronoun {
            if let Some(n) = nps
                .iter()
                .rposition(|np| np.noun_end < p && !toks[np.noun_start].rel)
            {
                if kind_ok(&nps[n]) && nps[n].plural == (w == "they") {
                    chosen.push(n);
                }
            }
        }
    }
    chosen
}

#[allow(clippy::too_many_arguments)]
fn resolve_parties(
    doc: &Doc,
    ix: &Index,
    toks: &[Tok],
    trig: &Trigger,
    np: &Np,
    holder_m: Option<usize>,
    pronoun: bool,
    ag: Option<usize>,
    ag_code: Option<String>,
    location: &Option<(String, String)>,
    extents: &[(usize, usize)],
) -> Vec<(String, String)> {
    use ChannelChangeKind::*;
    let code = |m: Option<usize>| m.and_then(|m| code_of(doc, m));
    let same = |a: &Option<String>, b: &Option<String>| match (a, b) {
        (Some(a), Some(b)) => a.get(..3) == b.get(..3),
        _ => false,
    };
    // "on X's behalf" / "on behalf of X"
    let behalf_descriptor = toks.iter().position(|t| t.lower == "behalf").and_then(|b| {
        let d = win(toks, b.saturating_sub(3), b).iter().rev().find(|t| {
            t.lower
                .strip_suffix("'s")
                .is_some_and(|w| ORG_DESCRIPTORS.contains(&w))
        })?;
        if d.mention.is_some() {
            return None;
        }
        last_organisation(doc, d.span.start)
    });
    let behalf = toks.iter().position(|t| t.lower == "behalf").and_then(|b| {
        if toks.get(b + 1).is_some_and(|t| t.lower == "of") {
            win(toks, b + 2, b + 5).iter().find_map(|t| t.mention)
        } else {
            toks.get(b.saturating_sub(4)..b)?
                .iter()
                .rev()
                .find_map(|t| t.mention)
        }
    });
    // Every actor of the sentence outside the phrase, in order of distance to the phrase.
    let mut others: Vec<(usize, String)> = toks
        .iter()
        .enumerate()
        .filter(|(k, t)| {
            !t.rel && !extents.iter().any(|&(a, b)| *k >= a && *k < b) && t.mention.is_some()
        })
        .filter_map(|(k, t)| code(t.mention).map(|c| (k.abs_diff(np.noun_start), c)))
        .collect();
    others.sort_by_key(|o| o.0);
    let other_than = |x: &Option<String>| -> Option<String> {
        others
            .iter()
            .map(|o| o.1.clone())
            .find(|c| !same(&Some(c.clone()), x))
    };
    // Bilateral: "A and B agreed to reopen (their) embassies".
    if np.plural
        && holder_m.is_none()
        && (!pronoun || np.plural_pronoun)
        && matches!(trig.change, Reopened | Established | Closed | Suspended)
    {
        let mut subjects: Vec<String> = Vec::new();
        for (k, t) in toks[..trig.start].iter().enumerate() {
            if t.rel || extents.iter().any(|&(a, b)| k >= a && k < b) {
                continue;
            }
            if let Some(c) = code(t.mention) {
                if !subjects.iter().any(|s| s.get(..3) == c.get(..3)) {
                    subjects.push(c);
                }
            }
        }
        if subjects.len() >= 2 {
            let (a, b) = (subjects[0].clone(), subjects[1].clone());
            return vec![(a.clone(), b.clone()), (b, a)];
        }
    }
    let mut holder = code(holder_m).or_else(|| if pronoun { ag_code.clone() } else { None });
    if trig.change == FallbackDesignated {
        if let Some(b) = code(behalf).or_else(|| code(behalf_descriptor)) {
            holder = Some(b);
        }
    }
    if holder.is_none() && trig.change != AmbassadorRecalled {
        holder = code(np.from_actor);
    }
    // a state recalls only its own envoys: the recaller holds the post
    if holder.is_none() && trig.change == AmbassadorRecalled {
        holder = ag_code.clone();
    }
    let loc_host = location.as_ref().map(|l| l.1.clone());
    let mut host = match trig.change {
        FallbackDesignated => {
            // "maintain contact with X" → X; else the one who liaises via it.
            let with = (trig.end..toks.len().min(trig.end + 6))
                .find(|&k| toks[k].lower == "with")
                .and_then(|k| win(toks, k + 1, k + 5).iter().find_map(|t| t.mention));
            code(with).or_else(|| ag_code.clone().filter(|a| !same(&Some(a.clone()), &holder)))
        }
        AmbassadorRecalled => code(np.host)
            .or_else(|| code(np.from_actor))
            .or(loc_host.clone()),
        _ => code(np.host).or(loc_host.clone()),
    };
    if host.is_none() && !same(&ag_code, &holder) {
        host = ag_code.clone();
    }
    if holder.is_none() {
        // Bilateral: "A and B agreed to reopen embassies".
        if np.plural && matches!(trig.change, Reopened | Established | Closed | Suspended) {
            let mut states: Vec<String> = Vec::new();
            for (_, c) in others.iter() {
                if !states
                    .iter()
                    .any(|s| same(&Some(s.clone()), &Some(c.clone())))
                {
                    states.push(c.clone());
                }
            }
            if states.len() >= 2 && host.is_none()
                || (states.len() >= 2 && ag.is_some() && same(&host, &ag_code))
            {
                let (a, b) = (states[0].clone(), states[1].clone());
                return vec![(a.clone(), b.clone()), (b, a)];
            }
        }
        holder = match trig.change {
            AmbassadorRecalled => ag_code.clone(),
            _ => other_than(&host),
        };
    }
    // The events stage's coding of this act: who did it (the host, for an
    // expulsion or closure of someone else's channel) to whom (the holder).
    if holder.is_none() || host.is_none() {
        let at = toks[trig.start].span;
        let si = toks_sentence(doc, toks);
        let ev = ix
            .events_in(doc, si)
            .filter(|e| e.sentence == si)
            .filter(|e| e.cameo.starts_with("16") || e.cameo.starts_with("17"))
            .min_by_key(|e| e.trigger.start.abs_diff(at.start));
        if let Some(e) = ev {
            if matches!(
                trig.change,
                StaffExpelled | AccreditationRevoked | Closed | Suspended
            ) {
                if holder.is_none() && !same(&e.target, &host) {
                    holder = e.target.clone();
                }
                if host.is_none() && !same(&e.source, &holder) {
                    host = e.source.clone();
                }
            }
        }
    }
    if host.is_none() {
        host = other_than(&holder);
    }
    let _ = ag;
    match (holder, host) {
        (Some(a), Some(b)) if !same(&Some(a.clone()), &Some(b.clone())) => vec![(a, b)],
        _ => Vec::new(),
    }
}

/// The date of the change: the time expression nearest the trigger in its
/// sentence, outside relative clauses.
fn date_for(doc: &Doc, ix: &Index, si: usize, toks: &[Tok], trig: &Trigger) -> Option<String> {
    let at = toks[trig.start].span;
    let rel_spans: Vec<Span> = toks.iter().filter(|t| t.rel).map(|t| t.span).collect();
    ix.timexes_in(doc, si)
        .filter(|t| t.sentence == si && t.value.is_some())
        .filter(|t| !rel_spans.iter().any(|r| r.overlaps(t.span)))
        .filter(|t| dates::can_date(doc, at, t))
        .min_by_key(|t| {
            let (a, b) = if t.span.end <= at.start {
                (t.span.end, at.start)
            } else {
                (at.end.min(t.span.start), t.span.start)
            };
            let breaks = doc
                .text
                .get(a..b)
                .unwrap_or("")
                .chars()
                .filter(|c| matches!(c, ',' | ';' | '“' | '”' | '"'))
                .count();
            (breaks, b.saturating_sub(a))
        })
        .and_then(|t| t.value.clone())
}

/// `hosted_at` and `established` from a relative clause right after the phrase.
fn rel_attributes(doc: &Doc, toks: &[Tok], np: &Np) -> (Option<String>, Option<String>) {
    let mut k = np.noun_end;
    while k < toks.len() && !toks[k].rel && k < np.noun_end + 6 {
        k += 1;
    }
    if k >= toks.len() || !toks[k].rel {
        return (None, None);
    }
    let start = k;
    let mut end = k;
    while end < toks.len() && toks[end].rel {
        end += 1;
    }
    let mut hosted = None;
    let mut established = None;
    for i in start..end {
        let w = toks[i].lower.as_str();
        if matches!(w, "hosted" | "housed" | "based" | "located") {
            let from = i + 2;
            if from < end && matches!(toks[i + 1].lower.as_str(), "at" | "in" | "by") {
                let stop = (from..end)
                    .find(|&j| matches!(toks[j].lower.as_str(), "and" | "," | "which"))
                    .unwrap_or(end);
                if stop > from {
                    let s = toks[from].span.start;
                    let e = toks[stop - 1].span.end;
                    let mut text = doc.text[s..e].to_string();
                    for d in ["the ", "a "] {
                        if let Some(r) = text.strip_prefix(d) {
                            text = r.to_string();
                        }
                    }
                    hosted = Some(text);
                }
            }
        }
        if matches!(w, "established" | "founded" | "opened" | "set" | "created") {
            let s = toks[i].span.start;
            let e = toks[end - 1].span.end;
            established = doc
                .timexes
                .iter()
                .find(|t| t.span.start >= s && t.span.end <= e && t.value.is_some())
                .and_then(|t| t.value.clone());
        }
    }
    (hosted, established)
}

/// A readable name for an actor code: a state or organisation with that code
/// named by a proper name in the text, else any such entity, else the code.
fn entity_name(doc: &Doc, code: &str) -> String {
    let candidates = || {
        doc.entities
            .iter()
            .filter(move |e| e.code.as_deref() == Some(code))
            .filter(|e| matches!(e.kind, EntityKind::State | EntityKind::Organization))
    };
    let named = candidates().find(|e| {
        doc.mentions
            .iter()
            .any(|m| m.entity == e.id && m.kind == crate::doc::MentionKind::Name)
    });
    named
        .or_else(|| candidates().next())
        .map(|e| e.name.clone())
        .unwrap_or_else(|| code.to_string())
}

fn channel_name(
    doc: &Doc,
    holder: &str,
    host: &str,
    kind: &str,
    location: &Option<(String, String)>,
    np_text: &str,
) -> String {
    let h = entity_name(doc, holder);
    let g = entity_name(doc, host);
    let place = match location {
        Some((l, _)) => format!(" in {l}"),
        None => String::new(),
    };
    if np_text.is_empty() {
        format!("{h} {kind} to {g}{place}")
    } else {
        format!("{h} {kind} to {g}{place} (“{np_text}”)")
    }
}

/// One change per channel and change: repeated reports of the same change
/// (and an "opened" that repeats a "reopened") are folded into the first; a
/// later report that the opening is a reopening makes it one.
fn dedupe(found: Vec<ChannelChange>) -> Vec<ChannelChange> {
    use ChannelChangeKind::*;
    let mut out: Vec<ChannelChange> = Vec::new();
    for c in found {
        let norm = |k: ChannelChangeKind| if k == Established { Reopened } else { k };
        let p3 = |x: &Option<String>| x.as_deref().map(|s| s.get(..3).unwrap_or(s).to_string());
        let dup = out.iter_mut().find(|o| {
            p3(&o.holder) == p3(&c.holder)
                && p3(&o.host) == p3(&c.host)
                && o.kind == c.kind
                && norm(o.change) == norm(c.change)
        });
        match dup {
            Some(o) => {
                if c.change == Reopened {
                    o.change = Reopened;
                }
                // announced, then done: the change is asserted
                if c.status == EventStatus::Asserted {
                    o.status = EventStatus::Asserted;
                }
                if o.date.is_none() {
                    o.date = c.date.clone();
                }
                if o.location.is_none() {
                    o.location = c.location.clone();
                }
                if o.hosted_at.is_none() {
                    o.hosted_at = c.hosted_at.clone();
                }
                if o.established.is_none() {
                    o.established = c.established.clone();
                }
            }
            None => out.push(c),
        }
    }
    out
}

/// The state of a channel as of a date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChannelStatus {
    /// Working (established or reopened).
    Open,
    /// Work halted.
    Suspended,
    /// Shut down.
    Closed,
    /// Working with fewer staff (expelled or stripped of accreditation).
    Reduced,
    /// Without its ambassador or envoy.
    AmbassadorRecalled,
    /// Designated as a fallback contact.
    Fallback,
}

impl ChannelStatus {
    /// A lower-case label.
    pub fn label(self) -> &'static str {
        match self {
            ChannelStatus::Open => "open",
            ChannelStatus::Suspended => "suspended",
            ChannelStatus::Closed => "closed",
            ChannelStatus::Reduced => "reduced",
            ChannelStatus::AmbassadorRecalled => "ambassador recalled",
            ChannelStatus::Fallback => "fallback contact",
        }
    }
}

/// One channel's state as of a date, derived from its changes.
#[derive(Clone, Debug, PartialEq)]
pub struct ChannelState {
    /// Readable name of the channel.
    pub name: String,
    /// Its kind.
    pub kind: String,
    /// Holder actor code.
    pub holder: String,
    /// Host or counterpart actor code.
    pub host: String,
    /// State as of the date.
    pub status: ChannelStatus,
    /// Date of the change that set the state, when known.
    pub since: Option<String>,
    /// Sentence index of that change.
    pub evidence: usize,
    /// Changes dated after the date (announced, not yet in effect).
    pub pending: Vec<(ChannelChangeKind, Option<String>)>,
}

fn first_day(value: &str) -> Option<NaiveDate> {
    let v = value.split('/').next().unwrap_or(value);
    let parts: Vec<&str> = v.split('-').collect();
    let y = parts.first()?.parse().ok()?;
    let m = parts.get(1).and_then(|m| m.parse().ok()).unwrap_or(1);
    let d = parts.get(2).and_then(|d| d.parse().ok()).unwrap_or(1);
    NaiveDate::from_ymd_opt(y, m, d)
}

fn status_after(c: ChannelChangeKind) -> ChannelStatus {
    use ChannelChangeKind::*;
    match c {
        Established | Reopened => ChannelStatus::Open,
        Suspended => ChannelStatus::Suspended,
        Closed => ChannelStatus::Closed,
        StaffExpelled | AccreditationRevoked => ChannelStatus::Reduced,
        AmbassadorRecalled => ChannelStatus::AmbassadorRecalled,
        FallbackDesignated => ChannelStatus::Fallback,
    }
}

/// The state of every channel between the two actors of `dyad` (either
/// direction; codes match by their first three letters) as of `date`: each
/// channel's changes dated on or before `date` (or undated) are applied in
/// order of date, then of sentence; later ones are listed as pending.
pub fn channel_state_at(
    changes: &[ChannelChange],
    dyad: (&str, &str),
    date: NaiveDate,
) -> Vec<ChannelState> {
    let p3 = |s: &str| s.get(..3).unwrap_or(s).to_string();
    let (a, b) = (p3(dyad.0), p3(dyad.1));
    let mut groups: Vec<(String, String, String, Vec<&ChannelChange>)> = Vec::new();
    // intended, hypothetical, reported and negated changes move nothing
    for c in changes.iter().filter(|c| c.status == EventStatus::Asserted) {
        let (Some(h), Some(g)) = (&c.holder, &c.host) else {
            continue;
        };
        let (h3, g3) = (p3(h), p3(g));
        if !((h3 == a && g3 == b) || (h3 == b && g3 == a)) {
            continue;
        }
        match groups
            .iter_mut()
            .find(|x| p3(&x.0) == h3 && p3(&x.1) == g3 && x.2 == c.kind)
        {
            Some(x) => x.3.push(c),
            None => groups.push((h.clone(), g.clone(), c.kind.clone(), vec![c])),
        }
    }
    let mut out = Vec::new();
    for (holder, host, kind, mut cs) in groups {
        cs.sort_by_key(|c| (c.date.as_deref().and_then(first_day), c.sentence));
        let mut state: Option<ChannelState> = None;
        let mut pending = Vec::new();
        for c in &cs {
            let effective = c
                .date
                .as_deref()
                .and_then(first_day)
                .is_none_or(|d| d <= date);
            if !effective {
                pending.push((c.change, c.date.clone()));
                continue;
            }
            state = Some(ChannelState {
                name: c.name.clone(),
                kind: kind.clone(),
                holder: holder.clone(),
                host: host.clone(),
                status: status_after(c.change),
                since: c.date.clone(),
                evidence: c.sentence,
                pending: Vec::new(),
            });
        }
        let mut s = state.unwrap_or_else(|| ChannelState {
            name: cs[0].name.clone(),
            kind: kind.clone(),
            holder: holder.clone(),
            host: host.clone(),
            status: ChannelStatus::Open,
            since: None,
            evidence: cs[0].sentence,
            pending: Vec::new(),
        });
        s.pending = pending;
        out.push(s);
    }
    out
}

/// Writes the channels and relations section of the text report: every
/// change, then per dyad a table of channel states as of publication (or
/// the latest dated change) with the fallback contacts listed.
pub fn report(doc: &Doc, out: &mut String) {
    if doc.channels.is_empty() {
        return;
    }
    let _ = writeln!(out, "\nChannels");
    for c in &doc.channels {
        let _ = writeln!(
            out,
            "  {:<22} {} → {}  {}  [{}]{}{}  (sentence {})",
            change_name(c.change),
            c.holder.as_deref().unwrap_or("?"),
            c.host.as_deref().unwrap_or("?"),
            c.name,
            c.date.as_deref().unwrap_or("undated"),
            c.hosted_at
                .as_deref()
                .map(|h| format!(" hosted at {h}"))
                .unwrap_or_default(),
            c.established
                .as_deref()
                .map(|h| format!(" established {h}"))
                .unwrap_or_default(),
            c.sentence + 1
        );
    }
    let as_of = doc.meta.published.or_else(|| {
        doc.channels
            .iter()
            .filter_map(|c| c.date.as_deref().and_then(first_day))
            .max()
    });
    let Some(as_of) = as_of else { return };
    let mut dyads: Vec<(String, String)> = Vec::new();
    for c in &doc.channels {
        if let (Some(h), Some(g)) = (&c.holder, &c.host) {
            let (a, b) = if h[..3.min(h.len())] <= g[..3.min(g.len())] {
                (h.clone(), g.clone())
            } else {
                (g.clone(), h.clone())
            };
            if !dyads.iter().any(|d| {
                d.0[..3.min(d.0.len())] == a[..3.min(a.len())]
                    && d.1[..3.min(d.1.len())] == b[..3.min(b.len())]
            }) {
                dyads.push((a, b));
            }
        }
    }
    for (a, b) in dyads {
        let states = channel_state_at(&doc.channels, (&a, &b), as_of);
        let _ = writeln!(out, "\nRelations {a} – {b} as of {as_of}");
        let _ = writeln!(
            out,
            "  {:<24} {:<22} {:<20} {:<10} evidence",
            "channel", "holder → host", "status", "since"
        );
        for s in states
            .iter()
            .filter(|s| s.status != ChannelStatus::Fallback)
        {
            let ev = doc
                .sentences
                .get(s.evidence)
                .map(|x| doc.slice(x.span))
                .unwrap_or("");
            let ev: String = ev.chars().take(70).collect();
            let mut status = s.status.label().to_string();
            for (c, d) in &s.pending {
                status.push_str(&format!(
                    "; {} from {}",
                    change_name(*c),
                    d.as_deref().unwrap_or("?")
                ));
            }
            let _ = writeln!(
                out,
                "  {:<24} {:<22} {:<20} {:<10} {}",
                s.kind,
                format!("{} → {}", s.holder, s.host),
                status,
                s.since.as_deref().unwrap_or("-"),
                ev
            );
        }
        let fallbacks: Vec<&ChannelState> = states
            .iter()
            .filter(|s| s.status == ChannelStatus::Fallback)
            .collect();
        if !fallbacks.is_empty() {
            let _ = writeln!(out, "  fallback contacts:");
            for s in fallbacks {
                let _ = writeln!(
                    out,
                    "    {} ({} → {}), since {}",
                    s.name,
                    s.holder,
                    s.host,
                    s.since.as_deref().unwrap_or("-")
                );
            }
        }
    }
}
