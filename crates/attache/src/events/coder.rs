//! The event coder: a shallow analysis of each sentence (verb groups with
//! auxiliaries, negation and governing verbs; noun-phrase chunks around actor
//! mentions; clause boundaries; passives; coordination; reported speech) that
//! finds the source and target of every lexicon trigger. See DESIGN notes in
//! `events/mod.rs`.

use super::cameo;
use super::lexicon::{form, Pattern, TriggerKind, VerbLexicon, WordMap, GAP};
use super::status::{self, Control, Cues};
use super::tree::{self, Inherit, Tree};
use super::words::{class, words};
use crate::doc::{Doc, EntityKind, Event, EventStatus, MentionKind, QuoteKind, Span, TokenKind};
use crate::index::Index;
use crate::syntax::{Dep, Tag};
use std::sync::OnceLock;

/// True when `w` is a determiner or possessive that opens a noun phrase.
fn is_determiners(w: &str) -> bool {
    words().is(w, class::DETERMINERS)
}

/// True when `w` is a preposition.
fn is_prepositions(w: &str) -> bool {
    words().is(w, class::PREPOSITIONS)
}

/// True when `w` is a preposition of place or direction.
fn is_locative(w: &str) -> bool {
    words().is(w, class::LOCATIVE)
}

/// True when `w` is an adverb or particle that may sit inside a verb group.
fn is_adverbs(w: &str) -> bool {
    words().is(w, class::ADVERBS)
}

/// True when `w` is a negation.
fn is_negations(w: &str) -> bool {
    words().is(w, class::NEGATIONS)
}

/// True when `w` is a modal of possibility.
fn is_modals_hypo(w: &str) -> bool {
    words().is(w, class::MODALS_HYPO)
}

/// True when `w` is a future auxiliary.
fn is_future(w: &str) -> bool {
    words().is(w, class::FUTURE)
}

/// True when `w` is a form of "be" (or "get") that makes a passive.
fn is_be(w: &str) -> bool {
    words().is(w, class::BE)
}

/// True when `w` is a form of "have" or "do".
fn is_have_do(w: &str) -> bool {
    words().is(w, class::HAVE_DO)
}

/// True when `w` is a word that opens a new clause.
fn is_clause_stop(w: &str) -> bool {
    words().is(w, class::CLAUSE_STOP)
}

/// True when `w` is a word that ends the region a trigger looks in.
fn is_region_stop(w: &str) -> bool {
    words().is(w, class::REGION_STOP)
}

/// True when `w` is a verb of a parenthetical ("I guess", "he said").
fn is_parenthetical(w: &str) -> bool {
    words().is(w, class::PARENTHETICAL)
}

/// True when `w` is a first-person pronoun.
fn is_pronouns_speaker(w: &str) -> bool {
    words().is(w, class::PRONOUNS_SPEAKER)
}

/// True when `w` is a plural head that can stand for both sides of a dyad.
fn is_dyad_nouns(w: &str) -> bool {
    words().is(w, class::DYAD_NOUNS)
}

/// True when `w` is an object pronoun.
fn is_pronouns_object(w: &str) -> bool {
    words().is(w, class::PRONOUNS_OBJECT)
}

struct Tables {
    control: WordMap<(Control, u8)>,
    reporting: WordMap<u8>,
    /// Forms of verbs whose object noun is the subject's own act ("prepare sanctions").
    agentive: WordMap<u8>,
    /// Forms of verbs that deny an act ("denied firing").
    denial: WordMap<u8>,
    /// Forms of verbs that reject an accusation ("rejected claims that …").
    rejection: WordMap<u8>,
    /// Forms of verbs whose passive is the envoys' own side's act ("were recalled").
    own_side: WordMap<u8>,
}

/// The five forms of a verb lemma with their form bits.
fn forms_of_one(lemma: &str) -> [(String, u8); 5] {
    let f = super::forms::inflect(lemma);
    [
        (f.base, form::BASE),
        (f.third, form::THIRD),
        (f.past, form::PAST),
        (f.participle, form::PART),
        (f.gerund, form::GERUND),
    ]
}

fn tables() -> &'static Tables {
    static T: OnceLock<Tables> = OnceLock::new();
    T.get_or_init(|| {
        // every form of each lemma of a class, with its form bits
        let forms_of = |name: &str| {
            let mut map: WordMap<u8> = WordMap::default();
            for lemma in words().list(name) {
                for (w, b) in forms_of_one(lemma) {
                    *map.entry(w).or_insert(0) |= b;
                }
            }
            map
        };
        let mut control: WordMap<(Control, u8)> = WordMap::default();
        for lemma in words().list("control") {
            let class = status::control_class(lemma).unwrap_or(Control::Other);
            for (w, b) in forms_of_one(lemma) {
                let e = control.entry(w).or_insert((class, 0));
                e.1 |= b;
            }
        }
        for &w in words().list("control_adjectives") {
            let class = status::control_class(w).unwrap_or(Control::Intend);
            control.entry(w.to_string()).or_insert((class, form::PART));
        }
        let reporting = forms_of("reporting");
        let agentive = forms_of("agentive");
        let denial = forms_of("denial");
        let rejection = forms_of("rejection");
        let own_side = forms_of("own_side");
        Tables {
            control,
            reporting,
            agentive,
            denial,
            rejection,
            own_side,
        }
    })
}

/// An actor mention inside the sentence, as token indices of the view.
#[derive(Clone, Debug)]
struct Cand {
    first: usize,
    last: usize,
    entity: Option<usize>,
    code: String,
    place: bool,
    pp: Option<&'static str>,
    pronoun: bool,
    demonym: bool,
    /// The other side of a dyad phrase ("the two countries", "both sides"):
    /// the phrase stands for both sides of the article's dyad.
    pair: Option<usize>,
}

impl Cand {
    fn country(&self) -> &str {
        country(&self.code)
    }
}

/// One sentence prepared for coding.
struct View {
    words: Vec<String>,
    spans: Vec<Span>,
    cand_at: Vec<Option<usize>>,
    cands: Vec<Cand>,
    quote_of: Vec<Option<usize>>,
    /// `next_stop[i]`: the first region boundary at or after `i` (see [`View::region_end`]).
    next_stop: Vec<usize>,
    /// Fine tags from the syntax layer, one per word (empty without one).
    tags: Vec<Tag>,
    /// The dependency tree, when the syntax stage ran.
    tree: Option<Tree>,
    /// The two sides the article is about.
    dyad: Option<Dyad>,
    /// Every mention of the sentence with a country (states, places, national
    /// actors, nested ones included): first word, country code, entity.
    nations: Vec<(usize, String, usize)>,
    /// Words inside any actor mention, coded or not.
    mentioned: Vec<bool>,
}

fn normalise(doc: &Doc, si: usize) -> (Vec<String>, Vec<Span>) {
    let toks = doc.sentence_tokens(si);
    let mut words: Vec<String> = Vec::with_capacity(toks.len());
    let mut spans = Vec::with_capacity(toks.len());
    for t in toks {
        let raw = doc.slice(t.span);
        let w = match t.kind {
            TokenKind::Quote if raw == "'" || raw == "’" => "'".to_string(),
            TokenKind::Quote => "\"".to_string(),
            _ if raw.is_ascii() => raw.to_ascii_lowercase(),
            _ => raw.replace('’', "'").to_lowercase(),
        };
        words.push(w);
        spans.push(t.span);
    }
    // split clitics the tokenizer may have kept or separated: "'s", "n't"
    for i in 0..words.len() {
        if words[i] == "'" && i + 1 < words.len() && i > 0 {
            let next = words[i + 1].clone();
            if next == "s" {
                words[i + 1] = "'s".into();
                words[i].clear();
            } else if next == "t" && words[i - 1].ends_with('n') {
                words[i + 1] = "not".into();
                words[i].clear();
                let prev = words[i - 1].clone();
                words[i - 1] = match prev.as_str() {
                    "won" => "will".into(),
                    "can" => "can".into(),
                    p => p[..p.len() - 1].to_string(),
                };
            }
        }
    }
    // rejoin hyphenated words a tokenizer split ("de - escalation" written "de-escalation")
    for i in 1..words.len().saturating_sub(1) {
        if words[i] == "-"
            && spans[i - 1].end == spans[i].start
            && spans[i].end == spans[i + 1].start
        {
            let joined = format!("{}-{}", words[i - 1], words[i + 1]);
            words[i - 1] = joined;
            words[i].clear();
            words[i + 1].clear();
        }
    }
    for w in words.iter_mut() {
        if w.len() > 3 && w.ends_with("n't") {
            // "didn't" kept whole: the negation is found by `is_neg`
        } else if w.len() > 2 && w.ends_with("'s") && w != "'s" {
            // "russia's" kept whole: the possessive is seen by `possessive_after`
        }
    }
    (words, spans)
}

fn is_neg(w: &str) -> bool {
    is_negations(w) || w.ends_with("n't")
}

impl View {
    fn build(doc: &Doc, ix: &Index, si: usize, lex: &VerbLexicon, dyad: Option<&Dyad>) -> View {
        let (words, spans) = normalise(doc, si);
        let n = words.len();
        let mut quote_of = vec![None; n];
        let sentence_span = doc.sentences[si].span;
        for qi in ix.quote_spans.all(sentence_span) {
            let q = &doc.quotes[qi];
            for (i, s) in spans.iter().enumerate() {
                if q.span.contains(*s) {
                    quote_of[i] = Some(qi);
                }
            }
        }
        let mut cands: Vec<Cand> = Vec::new();
        let tok_index = |off: usize| spans.partition_point(|s| s.end <= off);
        let nations: Vec<(usize, String, usize)> = ix
            .mentions_in(doc, si)
            .filter_map(|m| {
                let e = doc.entities.get(m.entity)?;
                let c = e.country.clone().or_else(|| {
                    e.code
                        .as_deref()
                        .filter(|c| !c.starts_with("IGO") && !c.starts_with("NGO"))
                        .map(|c| country(c).to_string())
                })?;
                Some((tok_index(m.span.start), c, m.entity))
            })
            .filter(|(i, _, _)| *i < n)
            .collect();
        let mut mentioned = vec![false; n];
        for m in ix.mentions_in(doc, si) {
            for (i, s) in spans.iter().enumerate() {
                if m.span.start <= s.start && s.end <= m.span.end {
                    mentioned[i] = true;
                }
            }
        }
        for m in ix.mentions_in(doc, si) {
            let Some(ent) = doc.entities.get(m.entity) else {
                continue;
            };
            let Some(code) = ent.code.clone() else {
                continue;
            };
            let first = tok_index(m.span.start);
            if first >= n {
                continue;
            }
            let mut last = first;
            while last + 1 < n && spans[last + 1].start < m.span.end {
                last += 1;
            }
            cands.push(Cand {
                first,
                last,
                entity: Some(m.entity),
                code,
                place: ent.kind == EntityKind::Place && m.kind != MentionKind::Metonym,
                pp: None,
                pronoun: m.kind == MentionKind::Pronoun,
                demonym: m.kind == MentionKind::Demonym,
                pair: None,
            });
        }
        // first-person pronouns inside a direct quotation stand for its speaker
        for i in 0..n {
            if !is_pronouns_speaker(words[i].as_str())
                || cands.iter().any(|c| c.first <= i && i <= c.last)
            {
                continue;
            }
            let Some(qi) = quote_of[i] else { continue };
            let q = &doc.quotes[qi];
            if q.kind != QuoteKind::Direct {
                continue;
            }
            if let Some(code) = q.speaker.code.clone() {
                cands.push(Cand {
                    first: i,
                    last: i,
                    entity: q.speaker.entity,
                    code,
                    place: false,
                    pp: None,
                    pronoun: true,
                    demonym: false,
                    pair: None,
                });
            }
        }
        cands.sort_by_key(|c| (c.first, c.last));
        cands.dedup_by(|b, a| b.first <= a.last);
        // "the two countries", "both sides": the article's dyad, both sides at once
        if let Some(d) = dyad {
            for i in 0..n {
                // a modifier ("the normalisation of the two nations", "civilians
                // from both sides") names no participant
                let modifier = i > 0 && matches!(words[i - 1].as_str(), "of" | "from")
                    || i > 1
                        && words[i - 1] == "the"
                        && matches!(words[i - 2].as_str(), "of" | "from");
                if !matches!(words[i].as_str(), "two" | "both") || mentioned[i] || modifier {
                    continue;
                }
                let head = (i + 1..n.min(i + 3))
                    .find(|&j| is_dyad_nouns(words[j].as_str()))
                    .filter(|&j| (i + 1..j).all(|k| !mentioned[k] && words[k] != "of"));
                let Some(j) = head else { continue };
                if cands.iter().any(|c| c.first <= j && i <= c.last) {
                    continue;
                }
                let a = cands.len();
                for (k, (code, entity)) in d.iter().enumerate() {
                    cands.push(Cand {
                        first: i,
                        last: j,
                        entity: Some(*entity),
                        code: code.clone(),
                        place: false,
                        pp: None,
                        pronoun: false,
                        demonym: false,
                        pair: Some(if k == 0 { a + 1 } else { a }),
                    });
                }
            }
        }
        let mut cand_at = vec![None; n];
        for (ci, c) in cands.iter().enumerate() {
            if c.pair.is_some_and(|b| b < ci) {
                continue; // the second side of a dyad phrase is reached through the first
            }
            for slot in cand_at.iter_mut().take(c.last + 1).skip(c.first) {
                *slot = Some(ci);
            }
        }
        let tags = if doc.has_syntax() {
            let range = doc.sentences[si].tokens;
            doc.syntax[range.start..range.end]
                .iter()
                .map(|t| t.tag)
                .collect()
        } else {
            Vec::new()
        };
        let mut v = View {
            words,
            spans,
            cand_at,
            cands,
            quote_of,
            next_stop: Vec::new(),
            tags,
            tree: Tree::of(doc, si),
            mentioned,
            dyad: dyad.cloned(),
            nations,
        };
        for ci in 0..v.cands.len() {
            let first = v.cands[ci].first;
            // nominative pronouns are never objects of a preposition
            if !matches!(v.w(first), "we" | "i" | "they" | "he" | "she") {
                v.cands[ci].pp = v.preposition_before(first);
            }
        }
        let mut next_stop = vec![n; n + 1];
        for j in (0..n).rev() {
            next_stop[j] = if v.is_region_stop(j, lex) {
                j
            } else {
                next_stop[j + 1]
            };
        }
        v.next_stop = next_stop;
        v
    }

    fn w(&self, i: usize) -> &str {
        &self.words[i]
    }

    /// The preposition governing a noun phrase starting at `i`, if any.
    fn preposition_before(&self, i: usize) -> Option<&'static str> {
        let mut j = i;
        let mut steps = 0;
        while j > 0 && steps < 4 {
            j -= 1;
            let w = self.w(j);
            if w.is_empty() {
                continue;
            }
            if let Some(p) = words().find(w, class::PREPOSITIONS) {
                return Some(p);
            }
            let inner = is_determiners(w)
                || w.chars().all(|c| c.is_ascii_digit() || c == ',')
                || (self.cand_at[j].is_none()
                    && w.chars().all(|c| c.is_alphabetic() || c == '-')
                    && !is_boundary(w)
                    && !self.is_verbish(w)
                    && !w.ends_with("ly"));
            if !inner && self.cand_at[j].is_none() {
                return None;
            }
            if self.cand_at[j].is_some() && !self.possessive_after(self.cand_at[j].unwrap_or(0)) {
                return None;
            }
            steps += 1;
        }
        None
    }

    fn is_verbish(&self, w: &str) -> bool {
        let t = tables();
        t.control.contains_key(w)
            || t.reporting.contains_key(w)
            || is_be(w)
            || is_have_do(w)
            || is_future(w)
            || is_modals_hypo(w)
            || w == "would"
    }

    fn possessive_after(&self, ci: usize) -> bool {
        let c = &self.cands[ci];
        let lw = self.w(c.last);
        if lw.ends_with("'s") || matches!(lw, "its" | "their" | "his" | "her" | "our" | "my") {
            return true;
        }
        self.next(c.last).is_some_and(|j| self.w(j) == "'s")
    }

    fn next(&self, i: usize) -> Option<usize> {
        (i + 1..self.words.len()).find(|&j| !self.words[j].is_empty())
    }

    fn prev(&self, i: usize) -> Option<usize> {
        (0..i).rev().find(|&j| !self.words[j].is_empty())
    }

    /// Nominal context: the word at `i` follows a determiner or possessor.
    /// First token of the clause containing `i` (after the last `;`, `:`, quote or subordinator).
    fn clause_start(&self, i: usize) -> usize {
        let mut j = i;
        while let Some(p) = self.prev(j) {
            let w = self.w(p);
            if matches!(w, ";" | ":" | "\"" | ",") || is_clause_stop(w) {
                return p + 1;
            }
            j = p;
        }
        0
    }

    /// First comma, semicolon, colon or sentence end after `i`.
    fn comma_end(&self, i: usize) -> usize {
        (i + 1..self.words.len())
            .find(|&j| matches!(self.w(j), "," | ";" | ":"))
            .unwrap_or(self.words.len())
    }

    /// The tagger's noun/verb decision for word `i`: `Some(true)` for a noun,
    /// `Some(false)` for a finite or base verb, `None` when there is no syntax
    /// layer or the tag leaves it open (participles, gerunds, adjectives).
    fn tagged_nominal(&self, i: usize) -> Option<bool> {
        match self.tags.get(i)? {
            Tag::Nn | Tag::Nns | Tag::Nnp | Tag::Nnps => Some(true),
            Tag::Vb | Tag::Vbd | Tag::Vbp | Tag::Vbz => Some(false),
            _ => None,
        }
    }

    fn nominal_context(&self, i: usize) -> bool {
        if let Some(nominal) = self.tagged_nominal(i) {
            return nominal;
        }
        // "in cross-border shelling", "the new sanctions": a modifier after a determiner or preposition
        if let Some(p) = self.prev(i) {
            let w = self.w(p);
            if self.cand_at[p].is_none()
                && !self.is_verbish(w)
                && w.chars().all(|c| c.is_alphabetic() || c == '-')
                && (w.contains('-') || w.ends_with("al") || w.ends_with("ive") || w.ends_with("ic"))
                && self.prev(p).is_some_and(|q| {
                    let x = self.w(q);
                    is_determiners(x) || (x != "to" && is_prepositions(x))
                })
            {
                return true;
            }
        }
        match self.prev(i) {
            Some(p) => {
                let w = self.w(p);
                is_determiners(w)
                    || w.ends_with("'s")
                    || (w != "to" && is_prepositions(w))
                    || (self.cand_at[p].is_some() && !self.is_subject_like(p))
            }
            None => false,
        }
    }

    fn is_subject_like(&self, p: usize) -> bool {
        // a mention directly before a verb is its subject unless it is a demonym modifier
        let Some(ci) = self.cand_at[p] else {
            return false;
        };
        let c = &self.cands[ci];
        !self.words[c.last].ends_with("'s") && !self.possessive_after(ci) && !c.demonym
    }

    /// End (exclusive) of the region after `i` where conditions and targets are sought.
    fn region_end(&self, i: usize, _lex: &VerbLexicon) -> usize {
        self.next_stop
            .get(i + 1)
            .copied()
            .unwrap_or(self.words.len())
    }

    /// True when token `j` ends a region: a clause boundary, a finite reporting
    /// verb, or "and"/"or" before a verb ("expelled diplomats and closed …").
    fn is_region_stop(&self, j: usize, lex: &VerbLexicon) -> bool {
        if self.cand_at[j].is_some() {
            return false;
        }
        let w = self.w(j);
        if matches!(w, "and" | "or")
            && self.next(j).is_some_and(|q| {
                self.cand_at[q].is_none()
                    && (lex
                        .verb_form(self.w(q))
                        .is_some_and(|b| b & (form::PAST | form::THIRD | form::GERUND) != 0)
                        || tables().control.contains_key(self.w(q)))
                    && !self.nominal_context(q)
            })
        {
            return true;
        }
        is_region_stop(w)
            || tables()
                .reporting
                .get(w)
                .is_some_and(|b| b & (form::PAST | form::THIRD) != 0)
    }
}

/// Verbs of appeal whose object's infinitive is the content of the appeal.
fn is_appeal_verb(w: &str) -> bool {
    words().list("appeal").iter().any(|l| {
        w == *l || (w.starts_with(l) && matches!(&w[l.len()..], "s" | "ed" | "d" | "ing" | "es"))
    })
}

/// Prepositions that place rather than involve ("in Panama", "at the embassy").
fn is_place_preposition(pp: &str) -> bool {
    words().is(pp, class::PLACE_PREPOSITIONS)
}

fn is_boundary(w: &str) -> bool {
    is_clause_stop(w) || w == "," || w == "\"" || w == "and" || w == "or"
}

/// How a pattern match ranks: elements, words matched, code length, a specific
/// (not "not specified") code, then the nearest condition.
type Rank = (usize, usize, usize, bool, std::cmp::Reverse<usize>);

/// A matched trigger.
struct Match {
    pat: u32,
    trigger: usize,
    end: usize,
    bits: u8,
    negated_between: bool,
}

/// True when the word at `i` follows a form of "be" (adverbs and negation aside), or a
/// possessive "'s" that names the evaluated actor ("Russia's aggressive actions").
fn predicative(v: &View, i: usize) -> bool {
    let mut q = v.prev(i);
    while let Some(k) = q {
        let w = v.w(k);
        if is_adverbs(w) {
            q = v.prev(k);
        } else {
            return is_be(w) || w == "'s" || w == "’s";
        }
    }
    false
}

fn match_at(lex: &VerbLexicon, v: &View, words: &[&str], i: usize) -> Option<Match> {
    let word = v.w(i);
    let candidates = lex.candidates(word);
    if candidates.is_empty() {
        return None;
    }
    let mut best: Option<(Rank, Match)> = None;
    // What depends on the word alone, not on the pattern: once per word.
    let prev = v.prev(i);
    // after a verb, a word in -s is its object noun ("preparing sanctions")
    let after_verb = prev.is_some_and(|q| {
        let w = v.w(q);
        v.cand_at[q].is_none()
            && (lex.verb_form(w).is_some() || tables().control.contains_key(w))
            && !is_be(w)
            && !is_have_do(w)
    });
    let third_only = lex.verb_form(word) == Some(form::THIRD);
    let after_manner = prev.is_some_and(|q| {
        matches!(
            v.w(q),
            "by" | "after" | "before" | "without" | "through" | "upon" | "while"
        )
    });
    let tagged = v.tagged_nominal(i);
    let mut context: Option<bool> = None;
    for &(pi, bits) in candidates {
        let p = &lex.patterns[pi as usize];
        // "respond by expelling diplomats": a gerund clause after a preposition of manner or time
        let gerund_clause = bits & form::GERUND != 0 && after_manner;
        let nominal = match tagged {
            Some(tagged) => tagged,
            None => {
                !gerund_clause
                    && (*context.get_or_insert_with(|| v.nominal_context(i))
                        || (after_verb && third_only))
            }
        };
        match p.kind {
            TriggerKind::Verb if nominal && !p.lemmas.iter().any(|l| l == "be") => continue,
            TriggerKind::Noun if !nominal && lex.verb_form(word).is_some() => continue,
            // an evaluation adjective is predicative ("the move is illegal"); an attributive one
            // ("illegal aliens", "what it called reckless attacks") evaluates a noun, not an actor
            TriggerKind::Adjective if p.flags.speaker && !predicative(v, i) => continue,
            _ => {}
        }
        // particles: adjacent, allowing adverbs and negation between
        let mut pos = i;
        let mut ok = true;
        let mut neg = false;
        let mut words_matched = 0usize;
        for el in &p.particles {
            let mut j = pos + 1;
            while j < v.words.len() && (v.words[j].is_empty() || is_adverbs(v.w(j))) {
                neg |= is_neg(v.w(j));
                j += 1;
            }
            match el.match_at(words, j) {
                Some(len) => {
                    pos = j + len - 1;
                    words_matched += len;
                }
                None => {
                    ok = false;
                    break;
                }
            }
        }
        if !ok {
            continue;
        }
        let limit = v.region_end(pos, lex);
        // passive ("diplomats were expelled"): the conditions may stand in the subject before
        let passive =
            bits & form::PART != 0 && prev.is_some_and(|q| is_be(v.w(q)) || is_adverbs(v.w(q)));
        if passive && !p.conds.is_empty() {
            let from = v.clause_start(i).max(i.saturating_sub(GAP));
            let mut at = from;
            let mut all = true;
            let mut wm = 0;
            for el in &p.conds {
                match (at..i).find_map(|j| el.match_at(words, j).map(|len| (j + len, len))) {
                    Some((e, len)) => {
                        at = e;
                        wm += len;
                    }
                    None => {
                        all = false;
                        break;
                    }
                }
            }
            if all {
                let spec = (
                    p.specificity(),
                    words_matched + wm,
                    p.code.len(),
                    !p.code.ends_with('0'),
                    std::cmp::Reverse(pos),
                );
                if best
                    .as_ref()
                    .is_none_or(|(s, m)| spec > *s || (spec == *s && pi < m.pat))
                {
                    best = Some((
                        spec,
                        Match {
                            pat: pi,
                            trigger: i,
                            end: pos,
                            bits,
                            negated_between: neg,
                        },
                    ));
                }
                continue;
            }
        }
        for el in &p.conds {
            let stop = limit.min(pos + 1 + GAP);
            match (pos + 1..stop).find_map(|j| el.match_at(words, j).map(|len| (j + len - 1, len)))
            {
                Some((e, len)) => {
                    pos = e;
                    words_matched += len;
                }
                None => {
                    ok = false;
                    break;
                }
            }
        }
        if !ok {
            continue;
        }
        // more elements, then more words matched, then the more specific code, then file order
        let spec = (
            p.specificity(),
            words_matched,
            p.code.len(),
            !p.code.ends_with('0'),
            std::cmp::Reverse(pos),
        );
        if best
            .as_ref()
            .is_none_or(|(s, m)| spec > *s || (spec == *s && pi < m.pat))
        {
            best = Some((
                spec,
                Match {
                    pat: pi,
                    trigger: i,
                    end: pos,
                    bits,
                    negated_between: neg,
                },
            ));
        }
    }
    best.map(|(_, m)| m)
}

/// The verb group of a verbal trigger.
#[derive(Debug, Default)]
struct VerbGroup {
    start: usize,
    cues: Cues,
    passive: bool,
    infinitive_unresolved: bool,
}

fn verb_group(v: &View, t: usize, bits: u8) -> VerbGroup {
    let tb = tables();
    let mut g = VerbGroup {
        start: t,
        ..VerbGroup::default()
    };
    let mut i = t;
    let mut be_seen = false;
    while let Some(j) = v.prev(i) {
        let w = v.w(j);
        if is_neg(w) {
            g.cues.negated = true;
        } else if is_adverbs(w)
            || (w.ends_with("ly") && v.cand_at[j].is_none() && w.len() > 4)
            || w == "\""
        {
        } else if bits & form::GERUND != 0
            && j + 1 == i
            && matches!(
                w,
                "considering" | "considers" | "considered" | "consider" | "weighing" | "mulling"
            )
        {
            // "is considering sending aid": only a possibility
            g.cues.control = Some(Control::Try);
        } else if bits & form::GERUND != 0
            && w == "out"
            && v.prev(j)
                .is_some_and(|q| matches!(v.w(q), "rule" | "rules" | "ruled" | "ruling"))
        {
            // "has ruled out providing weapons": a refusal
            g.cues.control = Some(Control::Refuse);
            if let Some(q) = v.prev(j) {
                g.start = q;
                i = q;
                continue;
            }
        } else if is_future(w) {
            g.cues.future = true;
        } else if w == "would" {
            g.cues.would = true;
        } else if is_modals_hypo(w) {
            g.cues.hypothetical = true;
        } else if is_be(w) {
            be_seen = true;
        } else if is_have_do(w) {
        } else if w == "to" {
            // governing verb within four words to the left ("plans to", "vowed on Sunday to")
            let mut k = j;
            let mut found = None;
            for _ in 0..4 {
                let Some(p) = v.prev(k) else { break };
                if v.cand_at[p].is_some() {
                    break;
                }
                if let Some(&(c, _)) = tb.control.get(v.w(p)) {
                    // an object-control verb with its object between ("allow journalists to
                    // visit") does not give the infinitive its subject
                    let object_between = p + 1 < j
                        && matches!(
                            v.w(p),
                            "allow"
                                | "allows"
                                | "allowed"
                                | "allowing"
                                | "force"
                                | "forces"
                                | "forced"
                                | "forcing"
                                | "urge"
                                | "urges"
                                | "urged"
                                | "urging"
                                | "ask"
                                | "asks"
                                | "asked"
                                | "asking"
                                | "prompt"
                                | "prompts"
                                | "prompted"
                                | "prompting"
                        );
                    if !object_between {
                        found = Some((p, c));
                    }
                    break;
                }
                k = p;
            }
            match found {
                Some((p, c)) => {
                    if g.cues.control.is_none() {
                        g.cues.control = Some(c);
                    }
                    i = p;
                    g.start = p;
                    continue;
                }
                None => {
                    g.infinitive_unresolved = true;
                    g.start = j;
                    break;
                }
            }
        } else {
            break;
        }
        g.start = j;
        i = j;
    }
    if be_seen && bits & form::PART != 0 {
        g.passive = true;
    }
    if !be_seen && bits & form::PART != 0 && bits & form::PAST == 0 {
        g.passive = v.next(t).is_some_and(|n| v.w(n) == "by");
    }
    if !g.passive
        && bits & (form::PAST | form::PART) != 0
        && v.prev(g.start)
            .is_some_and(|p| v.cand_at[p].is_none() && !is_boundary(v.w(p)))
    {
        // reduced relative "diplomats expelled by Prague"
        g.passive = v.next(t).is_some_and(|n| v.w(n) == "by")
            && v.prev(g.start).is_some_and(|p| v.w(p) != "'s");
    }
    g
}

/// Candidates (with coordinated ones) forming the subject of the verb group at `start`.
fn find_subject(
    v: &View,
    lex: &VerbLexicon,
    start: usize,
    gerund: bool,
    depth: u8,
) -> (Vec<usize>, bool) {
    let mut j = start;
    let mut pp_fallback: Option<usize> = None;
    // verb-phrase coordination: "... accusing Russia and threaten us"
    if depth < 3 {
        if let Some(p) = v.prev(start) {
            if matches!(v.w(p), "and" | "or") {
                let mine = lex.verb_form(v.w(start)).unwrap_or(0)
                    | tables().control.get(v.w(start)).map_or(0, |x| x.1);
                let mut k = p;
                let mut steps = 0;
                while let Some(q) = v.prev(k) {
                    steps += 1;
                    if steps > 20 || matches!(v.w(q), ";" | ":") {
                        break;
                    }
                    let bits = lex.verb_form(v.w(q)).unwrap_or(0)
                        | tables().control.get(v.w(q)).map_or(0, |x| x.1);
                    let compatible = (bits & mine & (form::GERUND | form::PAST | form::PART) != 0)
                        || (bits & (form::BASE | form::THIRD) != 0
                            && mine & (form::BASE | form::THIRD) != 0);
                    if bits != 0 && compatible && !v.nominal_context(q) && v.cand_at[q].is_none() {
                        let g = verb_group(v, q, bits);
                        let (s, weak) =
                            find_subject(v, lex, g.start, bits & form::GERUND != 0, depth + 1);
                        if !s.is_empty() {
                            return (s, weak);
                        }
                        break;
                    }
                    k = q;
                }
            }
        }
    }
    // participial clause after a comma: the subject of the main clause
    if gerund {
        if let Some(p) = v.prev(start) {
            if v.w(p) == "," {
                let mut k = p;
                let mut first = None;
                while let Some(q) = v.prev(k) {
                    if matches!(v.w(q), ";" | ":" | "\"") || tables().reporting.contains_key(v.w(q))
                    {
                        break;
                    }
                    if let Some(ci) = v.cand_at[q] {
                        if v.cands[ci].pp.is_none() && !v.cands[ci].place {
                            first = Some(ci);
                        }
                    }
                    k = q;
                }
                // the main subject opens its clause ("NATO stripped …, accusing …");
                // "The blast in the Czech region …, killing two" has no actor subject
                if let Some(ci) = first.filter(|&ci| v.cands[ci].first <= k + 3) {
                    return (coordinated(v, ci), false);
                }
                return (Vec::new(), false);
            }
        }
    }
    while let Some(p) = v.prev(j) {
        let w = v.w(p);
        if let Some(ci) = v.cand_at[p] {
            let c = &v.cands[ci];
            // "with the United States hitting Moscow": a with-phrase right before a gerund is its subject
            let with_gerund = gerund && c.pp == Some("with") && v.next(c.last) == Some(start);
            if !c.place && (c.pp.is_none() || with_gerund) {
                return (coordinated(v, ci), false);
            }
            if pp_fallback.is_none() && !c.place {
                pp_fallback = Some(ci);
            }
            j = c.first;
            continue;
        }
        if matches!(w, "it" | "they" | "he" | "she") && pp_fallback.is_none() {
            // an unresolved pronoun subject: the subject of the sentence's earlier clause
            let ante = (0..p).rev().filter_map(|q| v.cand_at[q]).find(|&ci| {
                let c = &v.cands[ci];
                !c.place && c.pp.is_none() && !c.demonym && !v.possessive_after(ci) && !c.pronoun
            });
            if let Some(ci) = ante {
                return (vec![ci], false);
            }
            break;
        }
        if is_clause_stop(w) {
            if matches!(w, "which" | "who") || (w == "that" && pp_fallback.is_none()) {
                // relative clause: the antecedent is the subject
                let mut k = p;
                let mut steps = 0;
                while let Some(q) = v.prev(k) {
                    steps += 1;
                    if steps > 3 {
                        break;
                    }
                    if let Some(ci) = v.cand_at[q] {
                        if w != "that" || steps == 1 {
                            return (coordinated(v, ci), false);
                        }
                    }
                    if v.w(q) != "," {
                        break;
                    }
                    k = q;
                }
            }
            break;
        }
        if w == "\"" && v.prev(p).is_none() {
            break;
        }
        if let Some(b) = tables().reporting.get(w) {
            if b & (form::PAST | form::THIRD | form::BASE) != 0 {
                break;
            }
        }
        if w == "," {
            // parenthetical "…, I guess, …" or "…, he said, …"
            let mut k = p;
            let mut skip_to = None;
            for _ in 0..4 {
                let Some(q) = v.prev(k) else { break };
                if v.w(q) == "," {
                    let inner = (q + 1..p).any(|x| is_parenthetical(v.w(x)));
                    if inner {
                        skip_to = Some(q);
                    }
                    break;
                }
                k = q;
            }
            if let Some(q) = skip_to {
                j = q;
                continue;
            }
            // apposition right before the verb: "Iran, Syria's main ally, condemned …"
            if v.next(p) == Some(start) {
                let mut k = p;
                let mut saw_verb = false;
                for _ in 0..14 {
                    let Some(q) = v.prev(k) else { break };
                    let wq = v.w(q);
                    if matches!(wq, "which" | "who") {
                        // "China, which has not condemned …, called for …": the antecedent
                        let ante = v.prev(q).filter(|&h| v.w(h) == ",").and_then(|h| v.prev(h));
                        if let Some(ci) = ante.and_then(|h| v.cand_at[h]) {
                            if !v.cands[ci].place && !v.cands[ci].pronoun {
                                return (coordinated(v, ci), false);
                            }
                        }
                        break;
                    }
                    if is_clause_stop(wq) || matches!(wq, "\"" | ";" | ":") {
                        break;
                    }
                    let verbish = v.cand_at[q].is_none()
                        && (v.is_verbish(wq)
                            || lex
                                .verb_form(wq)
                                .is_some_and(|b| b & (form::PAST | form::THIRD) != 0));
                    saw_verb |= verbish;
                    if wq == "," && !saw_verb {
                        let head = v.prev(q).and_then(|h| v.cand_at[h]);
                        if let Some(ci) = head {
                            let c = &v.cands[ci];
                            if !c.place && c.pp.is_none() && !c.pronoun {
                                return (coordinated(v, ci), false);
                            }
                        }
                        break;
                    }
                    if wq == "," {
                        break;
                    }
                    k = q;
                }
            }
        }
        j = p;
    }
    match pp_fallback {
        Some(ci) => (coordinated(v, ci), true),
        None => (Vec::new(), false),
    }
}

/// A candidate and the ones coordinated with it ("the United States and Cuba").
fn coordinated(v: &View, ci: usize) -> Vec<usize> {
    if let Some(b) = v.cands[ci].pair {
        return vec![ci.min(b), ci.max(b)];
    }
    if v.cands[ci].pronoun {
        return vec![ci];
    }
    let joinable = |x: usize| !v.cands[x].place && !v.cands[x].pronoun && !v.possessive_after(x);
    // the chain of mentions around `ci` linked by "and" or commas: (mention, linked by "and")
    let mut left: Vec<(usize, bool)> = Vec::new();
    let mut cur = ci;
    while let Some(p) = v.prev(v.cands[cur].first) {
        let w = v.w(p);
        if !matches!(w, "and" | ",") {
            break;
        }
        match v.prev(p).and_then(|q| v.cand_at[q]) {
            Some(prev) if prev != cur && joinable(prev) => {
                left.push((prev, w == "and"));
                cur = prev;
            }
            _ => break,
        }
    }
    let mut right: Vec<(usize, bool)> = Vec::new();
    let mut cur = ci;
    while let Some(nx) = v.next(v.cands[cur].last) {
        let w = v.w(nx);
        if !matches!(w, "and" | ",") {
            break;
        }
        match v.next(nx).and_then(|q| v.cand_at[q]) {
            Some(next)
                if next != cur && joinable(next) && v.cands[next].first > v.cands[cur].last =>
            {
                right.push((next, w == "and"));
                cur = next;
            }
            _ => break,
        }
    }
    // a list needs an "and": "A, B and C"; "Iran, Syria's ally," is an apposition
    let has_and = left.iter().chain(&right).any(|&(_, and)| and);
    if !has_and || v.possessive_after(ci) {
        return vec![ci];
    }
    // cut a trailing comma link after the last "and" ("A and B, C said")
    if let Some(last_and) = right.iter().rposition(|&(_, and)| and) {
        right.truncate(last_and + 1);
    } else {
        right.clear();
    }
    let mut out: Vec<usize> = left.iter().rev().map(|&(x, _)| x).collect();
    out.push(ci);
    out.extend(right.iter().map(|&(x, _)| x));
    out
}

/// The first acceptable candidate in `from..to` and those coordinated with it.
fn find_object(
    v: &View,
    from: usize,
    to: usize,
    source_countries: &[&str],
    source_entities: &[Option<usize>],
    p: &Pattern,
) -> Vec<usize> {
    let mut fallback_same = None;
    for j in from..to.min(v.words.len()) {
        let Some(ci) = v.cand_at[j] else { continue };
        if v.cands[ci].first != j {
            continue;
        }
        let c = &v.cands[ci];
        if c.place && c.pp.is_some_and(is_locative) {
            continue;
        }
        if c.place && c.pp.is_some() {
            continue;
        }
        if p.flags.from && c.pp != Some("from") {
            continue;
        }
        if p.flags.obj && !(c.pp.is_none() || c.pp == Some("with")) {
            continue;
        }
        if p.flags.obj && j > from + 5 {
            break;
        }
        if source_entities.contains(&c.entity) && c.entity.is_some() {
            continue;
        }
        if source_countries.contains(&c.country()) {
            // "its diplomatic mission": the source's own body is not a target
            let own = (c.first.saturating_sub(3)..c.first)
                .any(|q| matches!(v.w(q), "its" | "their" | "his" | "her" | "our" | "own"));
            if fallback_same.is_none() && !c.pronoun && !own {
                fallback_same = Some(ci);
            }
            continue;
        }
        if c.pp == Some("by") {
            continue;
        }
        return coordinated(v, ci)
            .into_iter()
            .filter(|&x| !source_countries.contains(&v.cands[x].country()))
            .collect();
    }
    fallback_same.map(|c| vec![c]).unwrap_or_default()
}

/// The speaker of the statement a token belongs to: (quote index, candidate-like code, entity).
fn statement_speaker(
    doc: &Doc,
    v: &View,
    lex: &VerbLexicon,
    t: usize,
) -> Option<(Option<usize>, String, Option<usize>)> {
    if let Some(qi) = v.quote_of[t] {
        let q = &doc.quotes[qi];
        if let Some(code) = q.speaker.code.clone() {
            return Some((Some(qi), code, q.speaker.entity));
        }
        return None;
    }
    // reporting verb in the sentence: "X said (that) …" or "…, said X"
    let rep = (0..v.words.len()).find(|&i| {
        tables()
            .reporting
            .get(v.w(i))
            .is_some_and(|b| b & (form::PAST | form::THIRD) != 0)
            && v.cand_at[i].is_none()
    })?;
    if rep == t {
        return None;
    }
    let (subj, _) = find_subject(v, lex, rep, false, 3);
    let ci = match subj.first() {
        Some(&ci) if v.cands[ci].last < rep => Some(ci),
        _ => (rep + 1..(rep + 6).min(v.words.len())).find_map(|j| v.cand_at[j]),
    }?;
    let c = &v.cands[ci];
    Some((None, c.code.clone(), c.entity))
}

/// The part of an actor code that says whose side it is: the state (`RUS` of
/// `RUSGOV`) or, for international and non-governmental organisations, the
/// whole organisation code (`IGOWSTNAT`).
pub fn country(code: &str) -> &str {
    let org = ["IGO", "NGO", "IMG", "MNC", "INT"]
        .iter()
        .any(|p| code.starts_with(p));
    if org {
        code.get(..9).unwrap_or(code)
    } else {
        code.get(..3).unwrap_or(code)
    }
}

/// Codes the events of one sentence.
/// The two sides an article is about (see [`super::article_dyad`]): code and entity.
pub(super) type Dyad = [(String, usize); 2];

pub(super) fn code_sentence(
    doc: &Doc,
    ix: &Index,
    lex: &VerbLexicon,
    si: usize,
    dyad: Option<&Dyad>,
    out: &mut Vec<Event>,
) {
    let v = View::build(doc, ix, si, lex, dyad);
    if v.cands.is_empty() {
        return;
    }
    let n = v.words.len();
    // 1. triggers
    let words: Vec<&str> = v.words.iter().map(String::as_str).collect();
    let mut matches: Vec<Match> = Vec::new();
    let mut covered_until = 0usize;
    let mut covered_from = usize::MAX;
    for i in 0..n {
        if v.words[i].is_empty() || v.cand_at[i].is_some() {
            continue;
        }
        if covered_from <= i && i <= covered_until {
            continue;
        }
        if let Some(m) = match_at(lex, &v, &words, i) {
            if m.end > i {
                covered_from = i + 1;
                covered_until = m.end;
                // the rest of the noun phrase the last condition ends ("humanitarian aid")
                let mut k = m.end;
                for _ in 0..3 {
                    let Some(q) = v.next(k) else { break };
                    let w = v.w(q);
                    let plain = w.chars().all(|c| c.is_alphabetic() || c == '-')
                        && !is_prepositions(w)
                        && !is_determiners(w)
                        && !is_boundary(w)
                        && !is_be(w)
                        && !is_have_do(w)
                        && !is_future(w)
                        && !is_modals_hypo(w)
                        && v.cand_at[q].is_none();
                    if !plain {
                        break;
                    }
                    covered_until = q;
                    k = q;
                }
            }
            matches.push(m);
        }
    }
    let mut events: Vec<Event> = Vec::new();
    for m in &matches {
        let p = &lex.patterns[m.pat as usize];
        let t = m.trigger;
        let trigger_span = v.spans[t];
        let code = p.code.clone();
        let verbal = p.kind == TriggerKind::Verb;
        let g = if verbal {
            verb_group(&v, t, m.bits)
        } else {
            VerbGroup {
                start: t,
                ..VerbGroup::default()
            }
        };
        let passive = g.passive
            || (verbal
                && v.tree.as_ref().is_some_and(|tr| {
                    tr.passive(t) || matches!(tree::inherit(tr, t), Inherit::Object(_))
                }));
        let mut cues = g.cues;
        // from the tree when there is one: the trigger's own negation and
        // auxiliaries and those of the verbs governing it ("did not decide to
        // expel", "will try to meet"); the verb group's reading where the tree
        // names no governing verb
        if verbal {
            if let Some(tc) = v.tree.as_ref().map(|tr| v.tree_cues(tr, t)) {
                cues.negated = tc.negated;
                cues.future = tc.future;
                cues.would = tc.would;
                cues.hypothetical = tc.hypothetical;
                cues.control = tc.control.or(g.cues.control);
            }
        }
        cues.negated |= m.negated_between;
        // a gerund clause ("might respond by expelling …") shares its main verb's modality
        if verbal && m.bits & form::GERUND != 0 {
            if let Some(prep) = v
                .prev(t)
                .filter(|&q| matches!(v.w(q), "by" | "through" | "without"))
            {
                if let Some(main) = v.prev(prep).filter(|&q| v.cand_at[q].is_none()) {
                    let bits = lex.verb_form(v.w(main)).unwrap_or(form::BASE);
                    let mg = verb_group(&v, main, bits);
                    cues.hypothetical |= mg.cues.hypothetical;
                    cues.would |= mg.cues.would;
                    cues.future |= mg.cues.future;
                    cues.negated |= mg.cues.negated;
                }
            }
        }
        if !verbal {
            cues.negated |= v.prev(t).is_some_and(|q| v.w(q) == "no");
        }
        if p.flags.neg {
            if !cues.negated {
                continue;
            }
            cues.negated = false;
        }
        // hypothetical clause: "if" earlier in the clause
        let mut k = g.start;
        while let Some(q) = v.prev(k) {
            let w = v.w(q);
            if matches!(w, "if" | "unless" | "whether") {
                cues.hypothetical = true;
                break;
            }
            if matches!(w, ";" | ":" | "then") {
                break;
            }
            k = q;
        }
        // a partner pattern (`@obj`: call, visit, welcome, receive …) whose direct
        // object is a thing, not an actor, is another sense ("called the move
        // deplorable", "welcomed the decision", "received a letter")
        if verbal && p.flags.obj && !passive {
            if let Some(tr) = &v.tree {
                if let Some(d) = tr.child(t, Dep::Dobj) {
                    let named = |x: usize| v.mentioned[x] || v.cand_at[x].is_some();
                    let actor = named(d)
                        || matches!(tr.tag[d], Tag::Prp)
                        || tr.children(d).iter().any(|&c| {
                            matches!(tr.dep[c], Dep::Compound | Dep::Poss | Dep::Appos) && named(c)
                        });
                    if !actor {
                        continue;
                    }
                }
            }
        }
        let speaker = statement_speaker(doc, &v, lex, t);
        cues.in_reported_speech = speaker.is_some();
        let quote = v.quote_of[t];

        // 2. source and target
        let region_end = v.region_end(t.max(m.end.min(t + 3)), lex);
        let mut weak_source = false;
        let (sources, targets): (Vec<Actor>, Vec<Actor>) = if p.flags.speaker {
            // evaluation: the speaker evaluates the subject / possessor
            let evaluated: Vec<usize> = if verbal {
                find_subject(&v, lex, g.start, false, 0).0
            } else {
                let poss = v
                    .prev(t)
                    .and_then(|q| if v.w(q) == "'s" { v.prev(q) } else { Some(q) })
                    .and_then(|q| v.cand_at[q])
                    .filter(|&ci| v.possessive_after(ci) || !v.cands[ci].place);
                match poss {
                    Some(ci) => vec![ci],
                    None if p.kind == TriggerKind::Adjective => {
                        // predicative: the copula's subject, or the actor owning it
                        // ("Ankara's move was correct", "the Ugandan decision was wise")
                        let from_tree = v.tree.as_ref().and_then(|tr| {
                            let mut a = t;
                            while tr.dep[a] == Dep::Conj && !tr.is_root(a) {
                                a = tr.head[a];
                            }
                            let h = if matches!(tr.dep[a], Dep::Acomp | Dep::Attr) {
                                tr.head[a]
                            } else {
                                a
                            };
                            let s = tr.child(h, Dep::Nsubj)?;
                            let cs = v.np_cands(tr, s);
                            if cs.is_empty() {
                                v.tree_noun_source(tr, s, 1)
                            } else {
                                Some(cs)
                            }
                        });
                        if let Some(cs) = from_tree {
                            cs
                        } else {
                            // otherwise ("… are timely and correct decisions"): the first actor of the clause
                            let from = v.clause_start(t);
                            (from..t)
                                .filter_map(|q| v.cand_at[q])
                                .find(|&ci| !v.cands[ci].place)
                                .into_iter()
                                .collect()
                        }
                    }
                    None => Vec::new(),
                }
            };
            // "this provocation" refers to a known act; "any further aggression" to none
            if !verbal
                && evaluated.is_empty()
                && p.kind == TriggerKind::Noun
                && !v.prev(t).is_some_and(|q| {
                    matches!(v.w(q), "this" | "that" | "the" | "such" | "these" | "those")
                })
            {
                continue;
            }
            let src = match &speaker {
                Some((_, code, ent)) => vec![(code.clone(), *ent)],
                None if !verbal => {
                    let (s, _) = find_subject(&v, lex, t, false, 0);
                    s.into_iter()
                        .filter(|ci| !evaluated.contains(ci))
                        .map(|ci| (v.cands[ci].code.clone(), v.cands[ci].entity))
                        .collect()
                }
                None => Vec::new(),
            };
            (
                src,
                evaluated
                    .iter()
                    .map(|&ci| (v.cands[ci].code.clone(), v.cands[ci].entity))
                    .collect(),
            )
        } else if verbal && !passive {
            let from_tree = match &v.tree {
                Some(tr) => {
                    if v.tree_appeal_content(tr, t) {
                        continue;
                    }
                    v.tree_subject(tr, t, 0)
                }
                _ => None,
            };
            let (subj, weak) = if let Some(s) = from_tree {
                (s, false)
            } else if g.infinitive_unresolved {
                // "prompting Russia to vow": the noun phrase right before "to"; a noun
                // complement ("calls from Western capitals to pressure …") has none
                match v.prev(g.start).and_then(|q| v.cand_at[q]) {
                    Some(ci) if !v.cands[ci].place => {
                        // "asked Russia to cooperate": the content of an appeal is no event
                        let before = v.prev(v.cands[ci].first).and_then(|q| {
                            if matches!(v.w(q), "on" | "upon") {
                                v.prev(q)
                            } else {
                                Some(q)
                            }
                        });
                        if before.is_some_and(|q| is_appeal_verb(v.w(q))) {
                            continue;
                        }
                        (coordinated(&v, ci), v.cands[ci].pp.is_some())
                    }
                    _ => (Vec::new(), false),
                }
            } else {
                find_subject(
                    &v,
                    lex,
                    g.start,
                    m.bits & form::GERUND != 0 && m.bits & form::BASE == 0,
                    0,
                )
            };
            weak_source = weak;
            let sc: Vec<&str> = subj.iter().map(|&ci| v.cands[ci].country()).collect();
            let se: Vec<Option<usize>> = subj.iter().map(|&ci| v.cands[ci].entity).collect();
            let mut obj = match &v.tree {
                Some(tr) => pick_target(&v, v.tree_objects(tr, t, p, true), &sc, &se),
                _ => Vec::new(),
            };
            if obj.is_empty() {
                obj = find_object(&v, t + 1, region_end, &sc, &se, p);
            }
            let obj = if obj.is_empty() {
                pronoun_object(&v, t + 1, region_end, &sc)
            } else {
                obj
            };
            (to_codes(&v, &subj), to_codes(&v, &obj))
        } else if verbal {
            // passive: the subject is the target, the by-phrase the source
            let tree_args = match &v.tree {
                Some(tr) => {
                    let target = match tr.child(t, Dep::Nsubjpass) {
                        Some(s) => Some(v.np_cands(tr, s)),
                        None => match tree::inherit(tr, t) {
                            Inherit::Object(h) => Some(v.np_cands(tr, h)),
                            _ => v.tree_subject(tr, t, 0),
                        },
                    };
                    let source: Vec<usize> = tr
                        .child(t, Dep::Agent)
                        .and_then(|a| tr.pobj(a))
                        .map(|o| v.np_cands(tr, o))
                        .unwrap_or_default();
                    target.map(|tg| (source, tg))
                }
                _ => None,
            };
            if let Some((by, subj)) = tree_args {
                (to_codes(&v, &by), to_codes(&v, &subj))
            } else {
                let (subj, _) = find_subject(&v, lex, g.start, false, 0);
                let by: Vec<usize> = (t + 1..region_end)
                    .filter_map(|j| v.cand_at[j])
                    .filter(|&ci| v.cands[ci].pp == Some("by"))
                    .take(1)
                    .flat_map(|ci| coordinated(&v, ci))
                    .collect();
                (to_codes(&v, &by), to_codes(&v, &subj))
            }
        } else {
            // noun trigger: possessor or by-phrase is the source; of/against/to/with/on phrase the target
            let by: Option<usize> = (t + 1..region_end.min(t + 7))
                .filter_map(|j| v.cand_at[j])
                .find(|&ci| v.cands[ci].pp == Some("by"));
            let near: Option<usize> = {
                let mut k = t;
                let mut found = None;
                for step in 0..5 {
                    let Some(q) = v.prev(k) else { break };
                    let w = v.w(q);
                    if (is_boundary(w) && w != "and")
                        || (v.cand_at[q].is_none()
                            && (v.is_verbish(w)
                                || lex
                                    .verb_form(w)
                                    .is_some_and(|b| b & (form::PAST | form::THIRD) != 0)))
                    {
                        break;
                    }
                    if let Some(ci) = v.cand_at[q] {
                        let c = &v.cands[ci];
                        if !c.place && (step == 0 || v.possessive_after(ci) || c.demonym) {
                            found = Some(ci);
                        }
                        break;
                    }
                    k = q;
                }
                found
            };
            let tree_src = match &v.tree {
                Some(tr) => v.tree_noun_source(tr, t, 0),
                _ => None,
            };
            let mut src: Vec<usize> = match tree_src {
                Some(s) => s,
                None => by.or(near).into_iter().collect(),
            };
            if src.is_empty() {
                // the object of a verb ("is preparing new sanctions"): that verb's subject
                let mut k = t;
                for _ in 0..4 {
                    let Some(q) = v.prev(k) else { break };
                    let w = v.w(q);
                    if v.cand_at[q].is_some() || is_boundary(w) || is_prepositions(w) {
                        break;
                    }
                    let control = tables().control.get(w);
                    if lex.verb_form(w).is_some() || control.is_some() || v.is_verbish(w) {
                        let Some(&bits) = tables().agentive.get(w) else {
                            break;
                        };
                        let vg = verb_group(&v, q, bits);
                        if !vg.passive {
                            src = find_subject(&v, lex, vg.start, false, 0).0;
                            cues.negated |= vg.cues.negated;
                            cues.future |= vg.cues.future;
                            cues.hypothetical |= vg.cues.hypothetical;
                            cues.would |= vg.cues.would;
                            cues.control = vg.cues.control.or(control.map(|c| c.0));
                        }
                        break;
                    }
                    k = q;
                }
            }
            let sc: Vec<&str> = src.iter().map(|&ci| v.cands[ci].country()).collect();
            let se: Vec<Option<usize>> = src.iter().map(|&ci| v.cands[ci].entity).collect();
            let mut obj: Vec<usize> = match &v.tree {
                Some(tr) => pick_target(&v, v.tree_objects(tr, t, p, false), &sc, &se),
                _ => Vec::new(),
            };
            if obj.is_empty() {
                obj = find_object(&v, t + 1, region_end, &sc, &se, p)
                    .into_iter()
                    .filter(|&ci| Some(ci) != by)
                    .collect();
            }
            (to_codes(&v, &src), to_codes(&v, &obj))
        };
        // a denied act is the denier's denial (016), aimed where the act was
        let denier = v.tree.as_ref().and_then(|tr| {
            let d = v.tree_denial(tr, t)?;
            Some(v.tree_subject(tr, d, 0).unwrap_or_default())
        });
        let (sources, mut code) = match denier {
            Some(d) if !d.is_empty() => {
                cues = Cues::default();
                (to_codes(&v, &d), "016".to_string())
            }
            _ => (sources, code),
        };
        if sources.is_empty() && !(verbal && passive) {
            continue;
        }
        // an agentless passive of a diplomatic act ("two diplomats were expelled
        // from Poland", "the ambassador to Russia was summoned"): the other country
        // of the sentence, else of the article's dyad, acts on them; a recall or an
        // evacuation ("Saudi diplomats were evacuated from Tehran") is their own
        // side's act towards that country
        let (sources, targets) = if sources.is_empty()
            && verbal
            && passive
            && (code.starts_with("16") || code == "114")
            && !targets.is_empty()
        {
            let tc: Vec<String> = targets
                .iter()
                .map(|(c, _)| country(c).to_string())
                .collect();
            let other = v
                .nations
                .iter()
                .filter(|(_, c, _)| !tc.iter().any(|x| x == c))
                .min_by_key(|(i, _, _)| i.abs_diff(t))
                .map(|(_, c, e)| (c.clone(), Some(*e)))
                .or_else(|| {
                    let d = v.dyad.as_ref()?;
                    let side = tc.first()?;
                    if &d[0].0 == side {
                        Some((d[1].0.clone(), Some(d[1].1)))
                    } else if &d[1].0 == side {
                        Some((d[0].0.clone(), Some(d[0].1)))
                    } else {
                        None
                    }
                });
            let own_side = tables().own_side.contains_key(v.w(t));
            match other {
                Some(o) if own_side => (targets, vec![o]),
                Some(o) => (vec![o], targets),
                None => (sources, targets),
            }
        } else {
            (sources, targets)
        };
        // fallback target: the nearest other actor of the sentence
        let mut targets = targets;
        // apposition ("the chief of the U.S. mission, Jeffrey DeLaurentis") is one actor
        let mut sources = sources;
        let mut seen_codes: Vec<String> = Vec::new();
        sources.retain(|(c, _)| {
            let fresh = !seen_codes.contains(c);
            seen_codes.push(c.clone());
            fresh
        });
        let reciprocal_group = p.flags.recip && {
            let mut cs: Vec<&str> = sources.iter().map(|(c, _)| country(c)).collect();
            cs.dedup();
            cs.len() >= 2
        };
        if targets.is_empty() && !sources.is_empty() && !weak_source && !reciprocal_group {
            let sc: Vec<&str> = sources.iter().map(|(c, _)| country(c)).collect();
            let eligible = |c: &&Cand| {
                // a possessor inside the subject ("Iran, Syria's main ally, condemned") is no target
                let subject_possessor = c.last < t
                    && v.cand_at[c.first].is_some_and(|ci| v.possessive_after(ci))
                    && !(c.last + 1..t).any(|q| is_clause_stop(v.w(q)) || v.w(q) == "\"");
                // inside a relative clause that closes before the trigger ("…, which … Israel, urged")
                let in_relative = c.last < t
                    && (c.last + 1..t).any(|q| v.w(q) == ",")
                    && (0..c.first)
                        .rev()
                        .map(|q| v.w(q))
                        .take_while(|w| *w != ",")
                        .any(|w| matches!(w, "which" | "who" | "whose" | "whom"));
                !subject_possessor
                    && !in_relative
                    && !c.place
                    && !sc.contains(&c.country())
                    && (c.entity.is_none() || !sources.iter().any(|s| s.1 == c.entity))
                    && (!p.flags.obj || !c.pp.is_some_and(is_place_preposition))
            };
            let distance = |c: &&Cand| {
                if c.first > t {
                    c.first - t
                } else {
                    t.saturating_sub(c.last)
                }
            };
            // a consultation's partner is never a possessor and stays inside the clause
            let obj_window = (v.clause_start(t), v.comma_end(t));
            let best = v
                .cands
                .iter()
                .filter(eligible)
                .filter(|c| {
                    !p.flags.obj
                        || (obj_window.0 <= c.first
                            && c.last < obj_window.1
                            && !v.possessive_after(v.cand_at[c.first].unwrap_or(0)))
                })
                .filter(|c| v.quote_of[c.first] == quote)
                .min_by_key(distance)
                .or_else(|| {
                    if p.flags.obj {
                        None
                    } else {
                        v.cands.iter().filter(eligible).min_by_key(distance)
                    }
                });
            if let Some(c) = best {
                targets.push((c.code.clone(), c.entity));
            }
        }
        // status and code adjustments from the governing verb
        let reported = speaker
            .as_ref()
            .is_some_and(|(_, sp, _)| sources.iter().all(|(c, _)| country(c) != country(sp)));
        cues.reported = reported;
        let mut status = status::decide(&cues);
        if !cues.negated
            && p.lemmas
                .iter()
                .any(|l| matches!(l.as_str(), "propose" | "suggest" | "offer"))
        {
            status = EventStatus::Proposed;
        }
        // "is not ready / willing / interested / open to talk": a negated
        // intent predicate is a refusal, not a negated intent
        let refused_intent = cues.negated
            && code.starts_with("03")
            && p.lemmas.iter().any(|l| l == "be")
            && status::refusal_code(&code).is_some();
        if refused_intent {
            if let Some(c) = status::refusal_code(&code) {
                code = c.to_string();
            }
            cues.negated = false;
            status = status::decide(&cues);
        }
        match cues.control {
            Some(Control::Threaten) | Some(Control::Promise) => {
                if let Some(c) = status::threat_code(&code) {
                    code = c.to_string();
                } else if let Some(c) = status::intent_code(&code) {
                    code = c.to_string();
                }
            }
            Some(Control::Refuse) => {
                if let Some(c) = status::refusal_code(&code) {
                    code = c.to_string();
                }
            }
            _ => {
                if matches!(status, EventStatus::Intended | EventStatus::Proposed) {
                    if let Some(c) = status::intent_code(&code) {
                        code = c.to_string();
                    }
                }
            }
        }
        let status = if matches!(cues.control, Some(Control::Threaten | Control::Refuse))
            && code != p.code
            && !cues.negated
        {
            EventStatus::Asserted
        } else {
            status
        };
        let mut pairs: Vec<(Actor, Option<Actor>)> = Vec::new();
        // "India and Pakistan agreed to observe a ceasefire": a cooperative act of a
        // coordinated subject without a target is mutual
        let cooperative = matches!(code.get(..2), Some("03" | "04" | "05" | "06" | "07" | "08"));
        let mutual = reciprocal_group
            || (cooperative && {
                let mut cs: Vec<&str> = sources.iter().map(|(c, _)| country(c)).collect();
                cs.dedup();
                cs.len() >= 2
            });
        if targets.is_empty() {
            if mutual {
                for a in &sources {
                    for b in &sources {
                        if a.0 != b.0 {
                            pairs.push((a.clone(), Some(b.clone())));
                        }
                    }
                }
            } else if sources.is_empty() {
                continue;
            } else {
                for a in &sources {
                    pairs.push((a.clone(), None));
                }
            }
        } else if sources.is_empty() {
            for b in &targets {
                pairs.push(((String::new(), None), Some(b.clone())));
            }
        } else {
            for a in &sources {
                for b in &targets {
                    pairs.push((a.clone(), Some(b.clone())));
                    if p.flags.recip {
                        pairs.push((b.clone(), Some(a.clone())));
                    }
                }
            }
        }
        // a side of a dyad phrase does not act on its own country
        let dyad_side = |a: &Actor| {
            v.cands
                .iter()
                .any(|c| c.pair.is_some() && c.entity.is_some() && c.entity == a.1)
        };
        pairs.retain(|(a, b)| {
            b.as_ref()
                .is_none_or(|b| !(country(&a.0) == country(&b.0) && (dyad_side(a) || dyad_side(b))))
        });
        for (src, tgt) in pairs {
            let mut tgt = tgt;
            let code = code.clone();
            if let Some(b) = &tgt {
                if b.1.is_some() && b.1 == src.1 {
                    tgt = None;
                }
            }
            events.push(Event {
                sentence: si,
                source: (!src.0.is_empty()).then(|| src.0.clone()),
                target: tgt.as_ref().map(|b| b.0.clone()),
                source_entity: src.1,
                target_entity: tgt.as_ref().and_then(|b| b.1),
                cameo: code,
                trigger: trigger_span,
                status,
                date: None,
                quote,
                location: None,
                target_inferred: false,
            });
        }
    }
    // 3. de-duplicate (sentence, source, target, code)
    let mut seen = std::collections::HashSet::new();
    for e in events {
        if cameo::lookup(&e.cameo).is_none() {
            continue;
        }
        if seen.insert((e.source.clone(), e.target.clone(), e.cameo.clone())) {
            out.push(e);
        }
    }
}

/// An actor as coded: its code and entity.
type Actor = (String, Option<usize>);

fn to_codes(v: &View, cs: &[usize]) -> Vec<Actor> {
    cs.iter()
        .map(|&ci| (v.cands[ci].code.clone(), v.cands[ci].entity))
        .collect()
}

/// An object pronoun ("accusing them") without a mention: the nearest earlier
/// actor of another country than the source.
fn pronoun_object(v: &View, from: usize, to: usize, sc: &[&str]) -> Vec<usize> {
    let Some(j) = (from..to.min(from + 1)).find(|&j| is_pronouns_object(v.w(j))) else {
        return Vec::new();
    };
    v.cands
        .iter()
        .enumerate()
        .filter(|(_, c)| c.last < j && !c.place && !sc.contains(&c.country()))
        .map(|(i, _)| i)
        .next_back()
        .into_iter()
        .collect()
}

// ---------------------------------------------------------------------------
// Arguments from the dependency tree (see `tree.rs` for the walks' rules).

/// Prepositions whose object can be an event's target.
fn is_target_preposition(w: &str) -> bool {
    words().is(w, class::TARGET_PREPOSITIONS)
}

impl View {
    /// The actor of the noun phrase headed by word `h`: the mention covering the
    /// head, else its possessor, apposition, name compound or demonym, else the
    /// object of its of/at/from phrase ("the first secretary of the Thai embassy").
    fn np_cand(&self, tr: &Tree, h: usize, depth: u8) -> Option<usize> {
        if let Some(ci) = self.cand_at[h] {
            return Some(ci);
        }
        if depth > 3 {
            return None;
        }
        let mut best: Option<(u8, usize)> = None;
        for &c in tr.children(h) {
            let (rank, ci) = match tr.dep[c] {
                Dep::Poss => (0, self.np_cand(tr, c, depth + 1)),
                Dep::Appos => (1, self.np_cand(tr, c, depth + 1)),
                Dep::Compound | Dep::Nmod => (2, self.cand_at[c]),
                Dep::Amod => (3, self.cand_at[c]),
                _ => continue,
            };
            if let Some(ci) = ci {
                if best.is_none_or(|(r, _)| rank < r) {
                    best = Some((rank, ci));
                }
            }
        }
        if let Some((_, ci)) = best {
            return Some(ci);
        }
        tr.children(h)
            .iter()
            .filter(|&&c| tr.dep[c] == Dep::Prep && matches!(self.w(c), "of" | "at" | "from"))
            .filter_map(|&c| tr.pobj(c))
            .find_map(|o| self.np_cand(tr, o, depth + 1))
    }

    /// The actors of the noun phrase headed by `h` and those coordinated with it.
    fn np_cands(&self, tr: &Tree, h: usize) -> Vec<usize> {
        let mut out: Vec<usize> = Vec::new();
        for x in tr.conjuncts(h) {
            if let Some(ci) = self.np_cand(tr, x, 0) {
                for c in std::iter::once(ci).chain(self.cands[ci].pair) {
                    if !out.contains(&c) {
                        out.push(c);
                    }
                }
            }
        }
        out
    }

    /// The source of a noun trigger or event noun `h`: its possessor, demonym or
    /// name compound ("Ankara's decision", "the Russian expulsion", "US
    /// sanctions"), its by-phrase, else the subject of the verb it is the object
    /// of ("imposed sanctions").
    fn tree_noun_source(&self, tr: &Tree, h: usize, depth: u8) -> Option<Vec<usize>> {
        for &c in tr.children(h) {
            match tr.dep[c] {
                Dep::Poss | Dep::Compound | Dep::Amod | Dep::Nmod => {
                    if let Some(ci) = self.np_cand(tr, c, 1) {
                        if !self.cands[ci].place || tr.dep[c] == Dep::Poss {
                            return Some(vec![ci]);
                        }
                    } else if tr.dep[c] == Dep::Poss && !matches!(tr.tag[c], Tag::Prp | Tag::PrpS) {
                        // "the protesters' attack": an owner that is no actor; the
                        // verb's subject is not the agent
                        return Some(Vec::new());
                    }
                }
                Dep::Prep if self.w(c) == "by" => {
                    if let Some(o) = tr.pobj(c) {
                        let cs = self.np_cands(tr, o);
                        if !cs.is_empty() {
                            return Some(cs);
                        }
                    }
                }
                _ => {}
            }
        }
        if depth < 4 && matches!(tr.dep[h], Dep::Dobj | Dep::Attr) {
            let verb = tr.head[h];
            if verb != h && !tr.passive(verb) {
                return self.tree_subject(tr, verb, depth + 1);
            }
        }
        None
    }

    /// The source of verb `t` from the tree: `Some(actors)` when the tree names a
    /// subject (empty when that subject is no actor), `None` when it has none.
    fn tree_subject(&self, tr: &Tree, t: usize, depth: u8) -> Option<Vec<usize>> {
        let mut cur = t;
        for _ in 0..6 {
            if let Some(s) = tr.child(cur, Dep::Nsubj) {
                if matches!(self.w(s), "which" | "who" | "that") && tr.dep[cur] == Dep::Relcl {
                    return Some(self.np_cands(tr, tr.head[cur]));
                }
                let cs = self.np_cands(tr, s);
                // a pronoun the actor stage left unresolved: the shallow rules decide
                if cs.is_empty() && tr.tag[s] == Tag::Prp {
                    return None;
                }
                return Some(cs);
            }
            if cur != t {
                // "was ordered to leave": the passive subject is the controller
                if let Some(s) = tr.child(cur, Dep::Nsubjpass) {
                    return Some(self.np_cands(tr, s));
                }
            }
            match tree::inherit(tr, cur) {
                Inherit::SubjectOf(h) => {
                    if matches!(tr.tag[h], Tag::Nn | Tag::Nns | Tag::Nnp | Tag::Nnps) {
                        return self.tree_noun_source(tr, h, depth + 1);
                    }
                    cur = h;
                }
                Inherit::Noun(h) => return Some(self.np_cands(tr, h)),
                Inherit::Object(_) | Inherit::None => return None,
            }
        }
        None
    }

    /// Status cues of verb `t` from the tree: `neg` and `aux` children of `t`
    /// and of each verb it is the `xcomp` of (whose lemma gives the control
    /// class), and an `advcl` opened by "if"/"unless".
    fn tree_cues(&self, tr: &Tree, t: usize) -> Cues {
        let tb = tables();
        let mut c = Cues::default();
        let mut x = t;
        for _ in 0..4 {
            for &k in tr.children(x) {
                let w = self.w(k);
                match tr.dep[k] {
                    Dep::Neg => c.negated = true,
                    Dep::Aux if is_future(w) => c.future = true,
                    Dep::Aux if w == "would" => c.would = true,
                    Dep::Aux if is_modals_hypo(w) => c.hypothetical = true,
                    Dep::Mark if tr.dep[x] == Dep::Advcl && matches!(w, "if" | "unless") => {
                        c.hypothetical = true
                    }
                    _ => {}
                }
            }
            if tr.dep[x] != Dep::Xcomp || tr.is_root(x) {
                break;
            }
            let h = tr.head[x];
            if c.control.is_none() {
                c.control = tb.control.get(self.w(h)).map(|&(ctl, _)| ctl);
            }
            x = h;
        }
        c
    }

    /// Whether verb `t` is the content of an appeal ("asked Russia to cooperate",
    /// "urged Iran to release"): the appeal is the event, not its content.
    fn tree_appeal_content(&self, tr: &Tree, t: usize) -> bool {
        let mut cur = t;
        for _ in 0..3 {
            if !matches!(tr.dep[cur], Dep::Xcomp | Dep::Ccomp) || tr.is_root(cur) {
                return false;
            }
            let h = tr.head[cur];
            if is_appeal_verb(self.w(h)) {
                return true;
            }
            cur = h;
        }
        false
    }

    /// The verb that denies the act of trigger `t`, if any: "Hamas denied firing
    /// rockets", "the Kremlin denied that troops had crossed", "rejected claims
    /// that it had hacked …". The denial is the event (016), not the act.
    fn tree_denial(&self, tr: &Tree, t: usize) -> Option<usize> {
        let mut cur = t;
        for _ in 0..4 {
            if tr.is_root(cur)
                || !matches!(
                    tr.dep[cur],
                    Dep::Xcomp
                        | Dep::Ccomp
                        | Dep::Dobj
                        | Dep::Pcomp
                        | Dep::Pobj
                        | Dep::Prep
                        | Dep::Acl
                )
            {
                return None;
            }
            let h = tr.head[cur];
            if tables().denial.contains_key(self.w(h)) {
                return Some(h);
            }
            if tables().rejection.contains_key(self.w(h))
                && tr.dep[cur] == Dep::Dobj
                && words().is(self.w(cur), class::ACCUSATIONS)
            {
                return Some(h);
            }
            cur = h;
        }
        None
    }

    /// Candidate targets of trigger `t` from the tree, in order of preference:
    /// direct object and dative, then the trigger's prepositional phrases, then
    /// those of its object ("cut ties with B").
    fn tree_objects(&self, tr: &Tree, t: usize, p: &Pattern, verbal: bool) -> Vec<Vec<usize>> {
        let mut heads: Vec<(u8, usize, Option<&str>)> = Vec::new();
        let mut objects = Vec::new();
        for &c in tr.children(t) {
            match tr.dep[c] {
                Dep::Dobj | Dep::Dative if verbal => {
                    heads.push((0, c, None));
                    objects.push(c);
                }
                Dep::Prep | Dep::Dative if is_target_preposition(self.w(c)) => {
                    if let Some(o) = tr.pobj(c) {
                        heads.push((1, o, Some(self.w(c))));
                    }
                }
                _ => {}
            }
        }
        for d in objects {
            for &c in tr.children(d) {
                if tr.dep[c] == Dep::Prep && is_target_preposition(self.w(c)) && self.w(c) != "of" {
                    if let Some(o) = tr.pobj(c) {
                        heads.push((2, o, Some(self.w(c))));
                    }
                }
            }
        }
        heads.sort_by_key(|h| (h.0, h.1));
        heads
            .into_iter()
            .filter(|&(_, _, prep)| !p.flags.from || prep == Some("from"))
            .filter(|&(_, _, prep)| !p.flags.obj || prep.is_none() || prep == Some("with"))
            .map(|(_, h, _)| self.np_cands(tr, h))
            .filter(|cs| !cs.is_empty())
            .collect()
    }
}

/// The first target list that is not the source's own side.
fn pick_target(
    v: &View,
    lists: Vec<Vec<usize>>,
    source_countries: &[&str],
    source_entities: &[Option<usize>],
) -> Vec<usize> {
    for cs in lists {
        let keep: Vec<usize> = cs
            .into_iter()
            .filter(|&ci| {
                let c = &v.cands[ci];
                let placed = c.place && c.pp.is_some();
                let own = c.entity.is_some() && source_entities.contains(&c.entity);
                !placed && !own && !source_countries.contains(&c.country())
            })
            .collect();
        if !keep.is_empty() {
            return keep;
        }
    }
    Vec::new()
}
