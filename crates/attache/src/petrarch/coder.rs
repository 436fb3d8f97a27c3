//! Codes events from raw sentences with PETRARCH dictionaries, using a shallow
//! analysis of our own instead of a parse tree:
//!
//! 1. **Phrases.** Actor and agent phrases are matched leftmost-longest on
//!    word tokens; verbs are looked up by form, and a verb form right after a
//!    determiner (possibly with modifiers between: "a brief private visit")
//!    or a bare base form right after a singular name ("Russian state
//!    agency") is taken as a noun, unless it is a past form; modals, capitalised
//!    words (outside all-capital headlines) and words inside actor or agent
//!    phrases are never verbs. Irregular past forms come from an English table.
//! 2. **Noun-phrase chunks** are the runs of tokens between punctuation,
//!    conjunctions, prepositions, auxiliaries, clause words and verbs (tokens
//!    inside an actor or agent phrase never split a chunk). A chunk's code is
//!    its first actor's code (for the article's date) with its agents added:
//!    `~X` after, `X~` before, skipping sector codes already present; a chunk
//!    with agents but no actor is `---` plus the agents.
//! 3. **Compounds.** Chunks joined by `,` / `and` / `or` form one group (a
//!    comma list must end in `and`/`or`); an uncoded or agent-only chunk
//!    followed by `of`/`in`/`from` and a coded group takes that group's
//!    actors ("lawmakers in Fornost and Gondor" → FORLEG, GONLEG).
//! 4. **Clauses.** A final comma clause with a reporting verb (", officials
//!    said") is left out. After a verb has produced events, later verbs are
//!    its complements and are not coded, unless joined by `and`/`but`/`or`
//!    (they share its subject) or finite with a subject of their own right
//!    before them ("Lavrov said Russia will halt …": Russia is the source).
//!    A verb's target is not looked for past a later verb that a clause word
//!    or comma introduces ("… met after rebels attacked X": X is not a target).
//! 5. **Source and target.** Patterns are tried longest first; `$`, `+`, `%`
//!    bind actors where they match. Otherwise the source is the first coded
//!    group before the verb (outside a fronted prepositional phrase) and the
//!    target the first coded group after it; a passive verb with `by X` takes X as source and the subject as target.
//!    A compound source without a target gives events among its members.
//!    Events need both a source and a target, and never code an actor with itself.

use super::actors::ActorDict;
use super::agents::Agent;
use super::discards::Scope;
use super::tokens::{tokenize, Tok};
use super::verbs::{Elem, EventCode, FormKind, Pattern, Role, VerbForm};
use super::Dictionaries;
use crate::doc::{Doc, Entity, EntityKind, Event, EventStatus, Mention, MentionKind, Span};
use chrono::NaiveDate;

const DETERMINERS: &[&str] = &[
    "A", "AN", "THE", "ITS", "HIS", "HER", "THEIR", "OUR", "MY", "YOUR", "THIS", "THESE", "THOSE",
    "EACH", "EVERY", "ANOTHER", "'S", "'",
];
const AUXILIARIES: &[&str] = &[
    "IS", "ARE", "AM", "WAS", "WERE", "BE", "BEEN", "BEING", "HAS", "HAVE", "HAD", "WILL", "WOULD",
    "SHALL", "SHOULD", "CAN", "COULD", "MAY", "MIGHT", "MUST", "DO", "DOES", "DID", "NOT", "N'T",
    "TO", "WO", "CA",
];
/// Irregular past tenses and participles (English morphology), so that a
/// dictionary verb listed in such a form ("SAID", "MET") reads as a past form.
const IRREGULAR_PAST: &[&str] = &[
    "SAID",
    "LEFT",
    "MET",
    "HELD",
    "MADE",
    "PAID",
    "FOUGHT",
    "SANK",
    "SHOT",
    "BEGAN",
    "BEGUN",
    "WON",
    "LENT",
    "FOUND",
    "TOLD",
    "SENT",
    "KEPT",
    "GAVE",
    "GIVEN",
    "TOOK",
    "TAKEN",
    "BROKE",
    "BROKEN",
    "BROUGHT",
    "SOUGHT",
    "STRUCK",
    "STOOD",
    "WENT",
    "GONE",
    "CAME",
    "SAW",
    "SEEN",
    "THREW",
    "THROWN",
    "WROTE",
    "WRITTEN",
    "BOUGHT",
    "CAUGHT",
    "TAUGHT",
    "FLED",
    "LED",
    "SPOKE",
    "SPOKEN",
    "CHOSE",
    "CHOSEN",
    "DREW",
    "DRAWN",
    "DROVE",
    "DRIVEN",
    "FELL",
    "FALLEN",
    "FELT",
    "FORGAVE",
    "FORGIVEN",
    "FROZE",
    "FROZEN",
    "GREW",
    "GROWN",
    "HID",
    "HIDDEN",
    "HUNG",
    "KNEW",
    "KNOWN",
    "LAID",
    "LOST",
    "MEANT",
    "RAN",
    "ROSE",
    "RISEN",
    "SHOOK",
    "SHAKEN",
    "SLEW",
    "SLAIN",
    "STOLE",
    "STOLEN",
    "SWORE",
    "SWORN",
    "TORE",
    "TORN",
    "WORE",
    "WORN",
    "BEAT",
    "BEATEN",
    "BIT",
    "BITTEN",
    "BOUND",
    "BUILT",
    "DEALT",
    "DUG",
    "FED",
    "FLEW",
    "FLOWN",
    "FORBADE",
    "FORBIDDEN",
    "FOUGHT",
    "HEARD",
    "SOLD",
    "SHOWN",
    "SPENT",
    "SPUN",
    "STUCK",
    "SWEPT",
    "UNDERSTOOD",
    "UNDERTOOK",
    "UNDERTAKEN",
    "UPHELD",
    "WITHDREW",
    "WITHDRAWN",
    "WITHHELD",
    "OVERCAME",
    "OVERTHREW",
    "OVERTHROWN",
    "OVERRAN",
    "OVERRUN",
    "SEIZED",
];
const MODALS: &[&str] = &[
    "WILL", "WOULD", "SHALL", "SHOULD", "CAN", "COULD", "MAY", "MIGHT", "MUST",
];
const BE: &[&str] = &["IS", "ARE", "AM", "WAS", "WERE", "BE", "BEEN", "BEING"];
const CONJUNCTIONS: &[&str] = &["AND", "OR", "BUT", "NOR"];
const PREPOSITIONS: &[&str] = &[
    "OF", "IN", "FROM", "WITH", "FOR", "ON", "AT", "BY", "BETWEEN", "AGAINST", "ABOUT", "INTO",
    "OVER", "AFTER", "BEFORE", "DURING", "SINCE", "UNTIL", "NEAR", "TOWARD", "TOWARDS", "ALONG",
    "AMONG", "THROUGH", "UNDER", "WITHOUT", "WITHIN", "ACROSS", "BEHIND", "BEYOND", "AROUND",
    "UPON", "VIA", "THAN", "ONTO", "DESPITE",
];
const CLAUSE_WORDS: &[&str] = &[
    "THAT", "WHO", "WHOM", "WHOSE", "WHICH", "WHERE", "WHEN", "WHILE", "IF", "BECAUSE", "ALTHOUGH",
    "THOUGH", "AS", "WHETHER", "HE", "SHE", "IT", "THEY", "WE", "I", "YOU",
];
const SUBORDINATORS: &[&str] = &[
    "THAT", "WHO", "WHOM", "WHICH", "WHERE", "WHEN", "WHILE", "IF", "BECAUSE", "ALTHOUGH",
    "THOUGH", "AFTER", "BEFORE", "SINCE", "UNTIL", "WHETHER", "UNLESS", ",",
];
const REPORTING: &[&str] = &[
    "SAID",
    "SAYS",
    "SAY",
    "REPORTED",
    "REPORTS",
    "TOLD",
    "ADDED",
    "NOTED",
    "ANNOUNCED",
    "STATED",
    "CLAIMED",
    "DECLARED",
    "WROTE",
    "INSISTED",
    "EXPLAINED",
    "ACCORDING",
];
const MERGE_PREPOSITIONS: &[&str] = &["OF", "IN", "FROM"];
/// Upper bound on pattern-matching steps per pattern (keeps odd inputs fast).
const STEP_LIMIT: usize = 20_000;

fn is_in(list: &[&str], w: &str) -> bool {
    list.contains(&w)
}

/// A matched actor or agent phrase.
#[derive(Clone, Debug)]
enum Phrase<'d> {
    Actor(Vec<String>),
    Agent(&'d Agent),
}

#[derive(Clone, Debug)]
struct Chunk {
    start: usize,
    end: usize,
    /// Coded actors of the chunk (agents applied); empty when uncoded.
    codes: Vec<String>,
    /// Agents of a chunk without an actor, to pass on through `of`/`in`/`from`.
    loose_agents: Vec<Agent>,
}

#[derive(Clone, Debug)]
struct Group {
    start: usize,
    end: usize,
    codes: Vec<String>,
}

#[derive(Clone, Debug)]
struct VerbHit<'d> {
    start: usize,
    end: usize,
    head: usize,
    form: &'d VerbForm,
}

/// A coded event: source, target, code, trigger, status.
pub type Coded = (String, String, String, Span, EventStatus);

#[derive(Clone, Debug, Default)]
struct Binding {
    source: Option<(Vec<String>, bool)>,
    target: Option<(Vec<String>, bool)>,
}

/// Joins agent codes onto an actor code, skipping 3-letter sector codes the
/// code already has ("USAGOV" + "GOV" stays "USAGOV").
pub fn apply_agents(actor: &str, agents: &[&Agent]) -> String {
    let mut parts: Vec<String> = chunks3(actor);
    let mut prefix = Vec::new();
    for a in agents {
        for c in chunks3(&a.code) {
            if parts.contains(&c) || prefix.contains(&c) {
                continue;
            }
            if a.prefix {
                prefix.push(c);
            } else {
                parts.push(c);
            }
        }
    }
    prefix.extend(parts);
    prefix.concat()
}

fn chunks3(code: &str) -> Vec<String> {
    let chars: Vec<char> = code.chars().collect();
    chars.chunks(3).map(|c| c.iter().collect()).collect()
}

struct Sentence<'a, 'd> {
    dicts: &'d Dictionaries,
    toks: &'a [Tok],
    norms: Vec<&'a str>,
    phrase_at: Vec<Option<usize>>,
    actor_tok: Vec<bool>,
    eli: Agent,
    /// Actor phrases (token range) with the codes of their chunk.
    actor_spans: Vec<(usize, usize, Vec<String>)>,
    chunks: Vec<Chunk>,
    chunk_of: Vec<Option<usize>>,
    groups: Vec<Group>,
    hits: Vec<VerbHit<'d>>,
}

impl<'a, 'd> Sentence<'a, 'd> {
    fn new(dicts: &'d Dictionaries, toks: &'a [Tok], date: Option<NaiveDate>) -> Self {
        let norms: Vec<&str> = toks.iter().map(|t| t.norm.as_str()).collect();
        let mut s = Sentence {
            dicts,
            toks,
            norms,
            phrase_at: vec![None; toks.len()],
            actor_tok: vec![false; toks.len()],
            eli: Agent {
                code: "ELI".into(),
                prefix: false,
            },
            actor_spans: Vec::new(),
            chunks: Vec::new(),
            chunk_of: vec![None; toks.len()],
            groups: Vec::new(),
            hits: Vec::new(),
        };
        let phrases = s.find_phrases(date);
        s.find_verbs();
        s.build_chunks(&phrases);
        s.build_groups();
        s
    }

    fn find_phrases(&mut self, date: Option<NaiveDate>) -> Vec<(usize, usize, Phrase<'d>)> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < self.toks.len() {
            if !self.toks[i].word {
                i += 1;
                continue;
            }
            let actor = self.dicts.actors.match_at(&self.norms, i);
            let agent = self.dicts.agents.match_at(&self.norms, i);
            let (len, p) = match (actor, agent) {
                (Some((n, a)), Some((m, _))) if n >= m => {
                    (n, Phrase::Actor(a.codes_on(date).to_vec()))
                }
                (_, Some((m, g))) => (m, Phrase::Agent(g)),
                (Some((n, a)), None) => (n, Phrase::Actor(a.codes_on(date).to_vec())),
                (None, None) => {
                    i += 1;
                    continue;
                }
            };
            for k in i..i + len {
                self.phrase_at[k] = Some(out.len());
                self.actor_tok[k] = matches!(p, Phrase::Actor(_));
            }
            out.push((i, i + len, p));
            i += len;
        }
        out
    }

    fn verb_form_at(&self, i: usize) -> Option<(usize, usize, &'d VerbForm)> {
        let t = &self.toks[i];
        if !t.word || self.phrase_at[i].is_some() || t.capital || is_in(MODALS, &t.norm) {
            return None;
        }
        let forms = self.dicts.verbs.forms.get(t.norm.as_str())?;
        let mut best: Option<(usize, usize, &VerbForm)> = None;
        for f in forms {
            let b = f.before.len();
            let a = f.after.len();
            if b > i || i + 1 + a > self.toks.len() {
                continue;
            }
            let before_ok = f
                .before
                .iter()
                .zip(&self.norms[i - b..i])
                .all(|(x, y)| x == y);
            let after_ok = f
                .after
                .iter()
                .zip(&self.norms[i + 1..i + 1 + a])
                .all(|(x, y)| x == y);
            let better = best.is_none_or(|(s, e, g): (usize, usize, &VerbForm)| {
                (e - s, g.kind.rank()) < (1 + a + b, f.kind.rank())
            });
            if before_ok && after_ok && better {
                best = Some((i - b, i + 1 + a, f));
            }
        }
        best
    }

    fn find_verbs(&mut self) {
        let mut i = 0;
        while i < self.toks.len() {
            if let Some((start, end, form)) = self.verb_form_at(i) {
                if !self.is_nominal(start, i, form.kind) {
                    self.hits.push(VerbHit {
                        start,
                        end,
                        head: i,
                        form,
                    });
                    i = end;
                    continue;
                }
            }
            i += 1;
        }
    }

    /// True when a verb form at `start` reads as a noun.
    fn is_nominal(&self, start: usize, head: usize, kind: FormKind) -> bool {
        let Some(prev) = start.checked_sub(1) else {
            return false;
        };
        let p = self.norms[prev];
        if is_in(DETERMINERS, p) {
            return true;
        }
        if matches!(
            kind,
            FormKind::Past | FormKind::Irregular | FormKind::Derived
        ) || self.norms[head].ends_with("ED")
            || is_in(IRREGULAR_PAST, self.norms[head])
        {
            return false;
        }
        // Right after a role noun ("the Gondor government said") it is the verb.
        if self.phrase_at[prev].is_some() && !self.actor_tok[prev] {
            return false;
        }
        // A bare base form after a singular name is a noun ("Russian state
        // agency"), unless the name ends a compound ("X and Y agree").
        if kind == FormKind::Base && self.actor_tok[prev] && !self.norms[prev].ends_with('S') {
            let mut k = prev;
            while let Some(p) = k.checked_sub(1) {
                let w = self.norms[p];
                if w == "AND" || w == "OR" {
                    return false;
                }
                if !self.toks[p].word
                    || is_in(PREPOSITIONS, w)
                    || is_in(AUXILIARIES, w)
                    || is_in(CLAUSE_WORDS, w)
                {
                    break;
                }
                k = p;
            }
            return true;
        }
        let mut k = prev;
        for _ in 0..4 {
            let w = self.norms[k];
            let t = &self.toks[k];
            if is_in(DETERMINERS, w) {
                // "the Central African Republic agree": a determiner and a
                // whole actor name before the form make it the subject's verb.
                let whole_actor = k + 1 < start
                    && self.actor_tok[k + 1]
                    && (k + 1..start).all(|x| self.phrase_at[x] == self.phrase_at[k + 1])
                    && self.phrase_at[k].is_none_or(|p| Some(p) != self.phrase_at[k + 1]);
                return !whole_actor;
            }
            if !t.word
                || is_in(AUXILIARIES, w)
                || is_in(PREPOSITIONS, w)
                || is_in(CONJUNCTIONS, w)
                || is_in(CLAUSE_WORDS, w)
            {
                return false;
            }
            if w.starts_with(|c: char| c.is_ascii_digit()) {
                return true;
            }
            if self.phrase_at[k].is_none() && self.dicts.verbs.forms.contains_key(w) && !t.capital {
                return false;
            }
            match k.checked_sub(1) {
                Some(x) => k = x,
                None => return false,
            }
        }
        false
    }

    fn is_boundary(&self, i: usize) -> bool {
        if self.phrase_at[i].is_some() {
            return false;
        }
        let t = &self.toks[i];
        let w = t.norm.as_str();
        !t.word
            || is_in(CONJUNCTIONS, w)
            || is_in(PREPOSITIONS, w)
            || is_in(AUXILIARIES, w)
            || is_in(CLAUSE_WORDS, w)
            || self.hits.iter().any(|h| h.start <= i && i < h.end)
    }

    fn build_chunks(&mut self, phrases: &[(usize, usize, Phrase<'d>)]) {
        let n = self.toks.len();
        let mut i = 0;
        while i < n {
            if self.is_boundary(i) {
                i += 1;
                continue;
            }
            let start = i;
            while i < n && !self.is_boundary(i) {
                i += 1;
            }
            let inside: Vec<&(usize, usize, Phrase)> = phrases
                .iter()
                .filter(|(s, e, _)| *s >= start && *e <= i)
                .collect();
            let mut agents: Vec<&Agent> = inside
                .iter()
                .filter_map(|(_, _, p)| match p {
                    Phrase::Agent(a) => Some(*a),
                    Phrase::Actor(_) => None,
                })
                .collect();
            // TABARI's FORMER conversion: a former office-holder is an elite (ELI).
            if !agents.is_empty() && (start..i).any(|k| self.norms[k] == "FORMER") {
                agents = vec![&self.eli];
            }
            let actor = inside.iter().find_map(|(a, b, p)| match p {
                Phrase::Actor(c) if !c.is_empty() => Some((c.clone(), *a, *b)),
                _ => None,
            });
            let actor = actor.map(|(c, a, b)| {
                self.actor_spans
                    .push((a, b, c.iter().map(|x| apply_agents(x, &agents)).collect()));
                c
            });
            let (codes, loose) = match actor {
                Some(list) => (
                    list.iter()
                        .map(|c| apply_agents(c, &agents))
                        .filter(|c| c != "---")
                        .collect(),
                    Vec::new(),
                ),
                None if !agents.is_empty() => (
                    vec![apply_agents("---", &agents)],
                    agents.iter().map(|a| (*a).clone()).collect(),
                ),
                None => (Vec::new(), Vec::new()),
            };
            for k in start..i {
                self.chunk_of[k] = Some(self.chunks.len());
            }
            self.chunks.push(Chunk {
                start,
                end: i,
                codes,
                loose_agents: loose,
            });
        }
    }

    fn build_groups(&mut self) {
        // Lists of chunks joined by `,` / `and` / `or`.
        let mut lists: Vec<Vec<usize>> = Vec::new();
        let mut c = 0;
        while c < self.chunks.len() {
            let mut members = vec![c];
            let mut used_and = false;
            let mut used_comma = false;
            let mut k = c;
            while k + 1 < self.chunks.len() && !used_and {
                let sep: Vec<&str> =
                    self.norms[self.chunks[k].end..self.chunks[k + 1].start].to_vec();
                match sep.as_slice() {
                    [","] => used_comma = true,
                    ["AND" | "OR"] | [",", "AND" | "OR"] => used_and = true,
                    _ => break,
                }
                members.push(k + 1);
                k += 1;
            }
            if used_comma && !used_and {
                members.truncate(1);
            }
            c = members.last().map_or(c, |&l| l) + 1;
            lists.push(members);
        }
        // Agent-only or uncoded last member + of/in/from + a coded list.
        let mut groups: Vec<Group> = Vec::new();
        let mut l = 0;
        while l < lists.len() {
            let mut codes: Vec<String> = Vec::new();
            let members = &lists[l];
            let first = self.chunks[members[0]].start;
            let mut end = self.chunks[*members.last().unwrap_or(&members[0])].end;
            for &m in &members[..members.len() - 1] {
                codes.extend(self.chunks[m].codes.iter().cloned());
            }
            let mut last = members[members.len() - 1];
            let mut pending: Vec<Agent> = Vec::new();
            let mut next = l + 1;
            loop {
                let ch = &self.chunks[last];
                let weak = ch.codes.is_empty() || !ch.loose_agents.is_empty();
                let follows = next < lists.len()
                    && self.chunks[lists[next][0]].start == ch.end + 1
                    && is_in(MERGE_PREPOSITIONS, self.norms[ch.end]);
                let coded_next = follows
                    && lists[next]
                        .iter()
                        .any(|&m| !self.chunks[m].codes.is_empty());
                if weak && coded_next {
                    pending.extend(ch.loose_agents.iter().cloned());
                    let nm = &lists[next];
                    for &m in &nm[..nm.len() - 1] {
                        codes.extend(self.with_agents(m, &pending));
                    }
                    last = nm[nm.len() - 1];
                    end = self.chunks[last].end;
                    next += 1;
                } else {
                    codes.extend(self.with_agents(last, &pending));
                    break;
                }
            }
            let mut dedup: Vec<String> = Vec::new();
            for c in codes {
                if !dedup.contains(&c) {
                    dedup.push(c);
                }
            }
            groups.push(Group {
                start: first,
                end,
                codes: dedup,
            });
            l = next;
        }
        self.groups = groups;
    }

    fn with_agents(&self, chunk: usize, agents: &[Agent]) -> Vec<String> {
        let ch = &self.chunks[chunk];
        if agents.is_empty() {
            return ch.codes.clone();
        }
        let refs: Vec<&Agent> = agents.iter().chain(ch.loose_agents.iter()).collect();
        ch.codes
            .iter()
            .map(|c| {
                let base = if ch.loose_agents.is_empty() {
                    c.as_str()
                } else {
                    "---"
                };
                apply_agents(base, &refs)
            })
            .collect()
    }

    fn coded_group_ending_at(&self, e: usize) -> Option<&Group> {
        self.groups
            .iter()
            .find(|g| g.end == e && !g.codes.is_empty())
    }

    fn coded_group_starting_at(&self, s: usize) -> Option<&Group> {
        self.groups
            .iter()
            .find(|g| g.start == s && !g.codes.is_empty())
    }

    /// Where elem `k` of `p` can end when matching backwards from `end`.
    fn match_back(
        &self,
        p: &Pattern,
        k: usize,
        end: usize,
        lo: usize,
        bind: &mut Binding,
        steps: &mut usize,
    ) -> bool {
        *steps += 1;
        if *steps > STEP_LIMIT {
            return false;
        }
        let closed = p.closed.get(k).copied().unwrap_or(false);
        let mut e = end;
        loop {
            for start in self.elem_ending_at(&p.elems[k], e, lo) {
                let saved = bind.clone();
                self.bind(&p.elems[k], start, e, true, bind);
                let ok = match k.checked_sub(1) {
                    None => true,
                    Some(prev) => self.match_back(p, prev, start, lo, bind, steps),
                };
                if ok {
                    return true;
                }
                *bind = saved;
            }
            // The infinitive marker between a closed word and the verb is
            // transparent: `KNOWN_ *` matches "known to break".
            let to_verb = closed
                && e == end
                && p.elems.get(k + 1) == Some(&Elem::Verb)
                && e > lo
                && self.norms[e - 1] == "TO"
                && p.elems[k] != Elem::Word("TO".into());
            if (closed && !to_verb) || e <= lo {
                return false;
            }
            e -= 1;
        }
    }

    fn match_fwd(
        &self,
        p: &Pattern,
        k: usize,
        start: usize,
        hi: usize,
        bind: &mut Binding,
        steps: &mut usize,
    ) -> bool {
        if k >= p.elems.len() {
            return true;
        }
        *steps += 1;
        if *steps > STEP_LIMIT {
            return false;
        }
        let closed = p.closed.get(k - 1).copied().unwrap_or(false);
        let mut s = start;
        while s < hi {
            for end in self.elem_starting_at(&p.elems[k], s, hi) {
                let saved = bind.clone();
                self.bind(&p.elems[k], s, end, false, bind);
                if self.match_fwd(p, k + 1, end, hi, bind, steps) {
                    return true;
                }
                *bind = saved;
            }
            if closed {
                return false;
            }
            s += 1;
        }
        false
    }

    fn words_match(&self, words: &[String], s: usize) -> bool {
        s + words.len() <= self.norms.len()
            && words.iter().zip(&self.norms[s..]).all(|(a, b)| a == b)
    }

    fn elem_ending_at(&self, el: &Elem, e: usize, lo: usize) -> Vec<usize> {
        if e <= lo {
            return Vec::new();
        }
        match el {
            Elem::Verb => Vec::new(),
            Elem::Word(w) => (self.norms[e - 1] == w.as_str())
                .then_some(e - 1)
                .into_iter()
                .collect(),
            Elem::Synset(name) => self
                .dicts
                .verbs
                .synset_members(name)
                .into_iter()
                .filter(|m| m.len() <= e - lo && self.words_match(m, e - m.len()))
                .map(|m| e - m.len())
                .collect(),
            Elem::Actor(Role::Skip) => self.chunk_of[e - 1]
                .map(|c| self.chunks[c].start.max(lo))
                .into_iter()
                .collect(),
            Elem::Actor(role) => self
                .coded_group_ending_at(e)
                .filter(|g| g.start >= lo && (*role != Role::Compound || g.codes.len() >= 2))
                .map(|g| g.start)
                .into_iter()
                .collect(),
        }
    }

    fn elem_starting_at(&self, el: &Elem, s: usize, hi: usize) -> Vec<usize> {
        if s >= hi {
            return Vec::new();
        }
        match el {
            Elem::Verb => Vec::new(),
            Elem::Word(w) => (self.norms[s] == w.as_str())
                .then_some(s + 1)
                .into_iter()
                .collect(),
            Elem::Synset(name) => self
                .dicts
                .verbs
                .synset_members(name)
                .into_iter()
                .filter(|m| s + m.len() <= hi && self.words_match(m, s))
                .map(|m| s + m.len())
                .collect(),
            Elem::Actor(Role::Skip) => self.chunk_of[s]
                .map(|c| self.chunks[c].end.min(hi))
                .into_iter()
                .collect(),
            Elem::Actor(role) => self
                .coded_group_starting_at(s)
                .filter(|g| g.end <= hi && (*role != Role::Compound || g.codes.len() >= 2))
                .map(|g| g.end)
                .into_iter()
                .collect(),
        }
    }

    fn bind(&self, el: &Elem, s: usize, e: usize, lower: bool, bind: &mut Binding) {
        let codes = || {
            if lower {
                self.coded_group_ending_at(e)
                    .map(|g| g.codes.clone())
                    .unwrap_or_default()
            } else {
                self.coded_group_starting_at(s)
                    .map(|g| g.codes.clone())
                    .unwrap_or_default()
            }
        };
        match el {
            Elem::Actor(Role::Source) => bind.source = Some((codes(), lower)),
            Elem::Actor(Role::Target) => bind.target = Some((codes(), lower)),
            Elem::Actor(Role::Compound) if lower => bind.source = Some((codes(), lower)),
            Elem::Actor(Role::Compound) => bind.target = Some((codes(), lower)),
            _ => {}
        }
    }

    fn match_pattern(&self, p: &Pattern, hit: &VerbHit, hi: usize) -> Option<Binding> {
        let v = p.verb_index();
        let mut bind = Binding::default();
        let mut steps = 0;
        let lower_ok = match v.checked_sub(1) {
            None => true,
            Some(k) => self.match_back(p, k, hit.start, 0, &mut bind, &mut steps),
        };
        if !lower_ok {
            return None;
        }
        if v + 1 < p.elems.len() && !self.match_fwd(p, v + 1, hit.end, hi, &mut bind, &mut steps) {
            return None;
        }
        Some(bind)
    }

    /// End of the part of the sentence to code: before a final reporting clause.
    fn region_end(&self) -> usize {
        let n = self.toks.len();
        let Some(c) = self.norms.iter().rposition(|w| *w == ",") else {
            return n;
        };
        let reporting = self.norms[c + 1..].iter().any(|w| is_in(REPORTING, w));
        let verb_before = self.hits.iter().any(|h| h.end <= c);
        if reporting && verb_before {
            c
        } else {
            n
        }
    }

    /// Where the verb's own clause ends: at the next verb that a clause word
    /// ("after", "that", "when", …) or a comma introduces, else at `hi`.
    fn clause_limit(&self, idx: usize, hi: usize) -> usize {
        let end = self.hits[idx].end;
        for next in &self.hits[idx + 1..] {
            if next.start >= hi {
                break;
            }
            let between = &self.norms[end..next.start];
            if between.iter().any(|w| is_in(SUBORDINATORS, w)) {
                return next.start;
            }
        }
        hi
    }

    /// The first coded group before the verb that is not inside a fronted
    /// prepositional phrase ("In Minas Tirith, the envoy met …"); failing
    /// that, the first coded group before it.
    fn subject(&self, hit: &VerbHit) -> Vec<String> {
        let before = || {
            self.groups
                .iter()
                .filter(|g| g.end <= hit.start && !g.codes.is_empty())
        };
        let free = before().find(|g| g.start == 0 || !is_in(PREPOSITIONS, self.norms[g.start - 1]));
        free.or_else(|| before().next())
            .map(|g| g.codes.clone())
            .unwrap_or_default()
    }

    /// For a verb after one already coded: a finite verb whose own subject
    /// stands right before its auxiliaries ("Lavrov said Russia will halt …")
    /// starts a clause of its own; that subject. Infinitives, participles and
    /// verbs without a subject of their own are complements (`None`).
    fn own_subject(&self, hit: &VerbHit, after: usize) -> Option<Vec<String>> {
        const FINITE: &[&str] = &[
            "IS", "ARE", "AM", "WAS", "WERE", "HAS", "HAVE", "HAD", "WILL", "WOULD", "SHALL",
            "SHOULD", "CAN", "COULD", "MAY", "MIGHT", "MUST", "DO", "DOES", "DID", "WO", "CA",
        ];
        let mut k = hit.start;
        let mut finite = false;
        while let Some(p) = k.checked_sub(1) {
            let w = self.norms[p];
            if w == "TO" {
                return None;
            }
            if is_in(AUXILIARIES, w) || w.ends_with("LY") || w == "NEVER" || w == "ALSO" {
                finite |= is_in(FINITE, w);
                k = p;
                continue;
            }
            break;
        }
        if k == hit.start && hit.form.kind == FormKind::Ing || k < hit.start && !finite {
            return None;
        }
        self.groups
            .iter()
            .find(|g| g.end == k && g.start >= after && !g.codes.is_empty())
            .map(|g| g.codes.clone())
    }

    /// Status from the verb group: negated, hypothetical or intended.
    fn status(&self, hit: &VerbHit) -> EventStatus {
        let mut status = EventStatus::Asserted;
        let mut k = hit.start;
        while let Some(p) = k.checked_sub(1) {
            let w = self.norms[p];
            match w {
                "NOT" | "N'T" | "NEVER" => return EventStatus::Negated,
                "COULD" | "MAY" | "MIGHT" | "WOULD" if status == EventStatus::Asserted => {
                    status = EventStatus::Hypothetical
                }
                "WILL" | "SHALL" | "WO" if status == EventStatus::Asserted => {
                    status = EventStatus::Intended
                }
                "TO" => {
                    const INTENT: &[&str] = &[
                        "ABOUT", "PLANS", "PLAN", "PLANNED", "PLANNING", "INTENDS", "INTEND",
                        "INTENDED", "WANTS", "WANT", "AIMS", "VOWED", "VOWS", "PROMISED",
                        "PROMISES", "GOING", "SET", "READY", "PREPARED",
                    ];
                    let before = p.checked_sub(1).map(|b| self.norms[b]);
                    if status == EventStatus::Asserted && before.is_some_and(|b| is_in(INTENT, b)) {
                        status = EventStatus::Intended;
                    }
                    break;
                }
                _ if is_in(AUXILIARIES, w) || w.ends_with("LY") || w == "ABOUT" || w == "EVER" => {}
                _ => break,
            }
            k = p;
        }
        status
    }

    fn is_coordinated(&self, hit: &VerbHit) -> bool {
        let mut k = hit.start;
        while let Some(p) = k.checked_sub(1) {
            let w = self.norms[p];
            if is_in(CONJUNCTIONS, w) && w != "NOR" {
                return true;
            }
            if w.ends_with("LY") || is_in(AUXILIARIES, w) || w == "ALSO" || w == "THEN" {
                k = p;
                continue;
            }
            return false;
        }
        false
    }

    fn is_passive(&self, hit: &VerbHit) -> bool {
        let w = self.norms[hit.head];
        let participle = matches!(
            hit.form.kind,
            FormKind::Past | FormKind::Irregular | FormKind::Derived
        ) || w.ends_with("ED")
            || w.ends_with("EN")
            || is_in(IRREGULAR_PAST, w);
        if !participle {
            return false;
        }
        let mut k = hit.start;
        for _ in 0..3 {
            let Some(p) = k.checked_sub(1) else {
                return false;
            };
            let w = self.norms[p];
            if is_in(BE, w) {
                return true;
            }
            if !(w.ends_with("LY") || w == "NOT" || w == "N'T" || w == "ALSO") {
                return false;
            }
            k = p;
        }
        false
    }

    fn by_agent(&self, hit: &VerbHit, hi: usize) -> Option<Vec<String>> {
        let mut k = hit.end;
        while k + 1 < hi {
            let w = self.norms[k];
            if w == "," || w == ";" {
                return None;
            }
            if w == "BY" {
                return self.coded_group_starting_at(k + 1).map(|g| g.codes.clone());
            }
            k += 1;
        }
        None
    }

    fn code(&self) -> Vec<Coded> {
        let hi = self.region_end();
        let mut out: Vec<Coded> = Vec::new();
        let mut coded = false;
        let mut last_subject: Option<Vec<String>> = None;
        let mut coded_end = 0;
        for (idx, hit) in self.hits.iter().enumerate() {
            if hit.start >= hi {
                break;
            }
            let hi = self.clause_limit(idx, hi);
            let coordinated = self.is_coordinated(hit);
            // A later finite verb with a subject of its own starts its own clause.
            let own = if idx > 0 && !coordinated {
                self.own_subject(hit, coded_end)
            } else {
                None
            };
            if coded && !coordinated && own.is_none() {
                continue;
            }
            let Some(block) = self.dicts.verbs.blocks.get(hit.form.block as usize) else {
                continue;
            };
            let matched = block
                .patterns
                .iter()
                .find_map(|p| self.match_pattern(p, hit, hi).map(|b| (p.code.clone(), b)));
            let (code, bind): (EventCode, Binding) = match matched {
                Some(x) => x,
                None => (
                    hit.form
                        .code
                        .clone()
                        .unwrap_or_else(|| block.default.clone()),
                    Binding::default(),
                ),
            };
            if code.is_null() {
                continue;
            }
            let subject: Vec<String> = match (own, &last_subject, coordinated) {
                (Some(s), _, _) => s,
                (None, Some(s), true) => s.clone(),
                _ => self.subject(hit),
            };
            let object: Vec<String> = self
                .groups
                .iter()
                .find(|g| g.start >= hit.end && g.start < hi && !g.codes.is_empty())
                .map(|g| g.codes.clone())
                .unwrap_or_default();
            let unbound = bind.source.is_none() && bind.target.is_none();
            let (sources, targets) = if unbound && self.is_passive(hit) {
                match self.by_agent(hit, hi) {
                    Some(by) => (by, subject.clone()),
                    None => (subject.clone(), object),
                }
            } else {
                let src = match (&bind.source, &bind.target) {
                    (Some((s, _)), _) => s.clone(),
                    (None, Some((_, true))) => Vec::new(),
                    (None, _) => subject.clone(),
                };
                let tgt = match (&bind.target, &bind.source) {
                    (Some((t, _)), _) => t.clone(),
                    (None, Some((_, false))) => subject.clone(),
                    (None, _) => object,
                };
                (src, tgt)
            };
            let before = out.len();
            let status = self.status(hit);
            let push = |s: &str, t: &str, c: &Option<String>, out: &mut Vec<Coded>| {
                if let Some(c) = c {
                    let ev = (
                        s.to_string(),
                        t.to_string(),
                        c.clone(),
                        Span::new(
                            self.toks[hit.start].span.start,
                            self.toks[hit.end - 1].span.end,
                        ),
                        status,
                    );
                    if s != t
                        && !out
                            .iter()
                            .any(|o| o.0 == ev.0 && o.1 == ev.1 && o.2 == ev.2)
                    {
                        out.push(ev);
                    }
                }
            };
            if !targets.is_empty() {
                for s in &sources {
                    for t in &targets {
                        push(s, t, &code.forward, &mut out);
                        push(t, s, &code.reverse, &mut out);
                    }
                }
            } else if sources.len() >= 2 {
                for s in &sources {
                    for t in &sources {
                        push(s, t, &code.forward, &mut out);
                        push(t, s, &code.reverse, &mut out);
                    }
                }
            }
            if out.len() > before {
                coded = true;
                coded_end = hit.end;
                last_subject = Some(if sources.is_empty() { subject } else { sources });
            }
        }
        out
    }
}

/// The coded events of one sentence's tokens.
pub fn code_tokens(dicts: &Dictionaries, toks: &[Tok], date: Option<NaiveDate>) -> Vec<Coded> {
    if toks.is_empty() || dicts.verbs.blocks.is_empty() {
        return Vec::new();
    }
    Sentence::new(dicts, toks, date).code()
}

/// Codes `doc` with `dicts`: reads `text`, `sentences`, `meta.published`;
/// adds to `events`.
pub fn code(doc: &mut Doc, dicts: &Dictionaries) {
    let date = doc.meta.published;
    let spans: Vec<Span> = if doc.sentences.is_empty() {
        vec![Span::new(0, doc.text.len())]
    } else {
        doc.sentences.iter().map(|s| s.span).collect()
    };
    let sentences: Vec<Vec<Tok>> = spans
        .iter()
        .map(|s| tokenize(&doc.text[s.start..s.end], s.start))
        .collect();
    let discards: Vec<Option<Scope>> = sentences
        .iter()
        .map(|t| {
            dicts
                .discards
                .find(&t.iter().map(|x| x.norm.as_str()).collect::<Vec<_>>())
        })
        .collect();
    if discards.contains(&Some(Scope::Story)) {
        doc.warn("petrarch: the article matches a story discard phrase; no events coded");
        return;
    }
    for (si, toks) in sentences.iter().enumerate() {
        if discards[si].is_some() {
            continue;
        }
        if toks.is_empty() {
            continue;
        }
        let sentence = Sentence::new(dicts, toks, date);
        let si_doc = si.min(doc.sentences.len().saturating_sub(1));
        for (a, b, codes) in &sentence.actor_spans {
            let span = Span::new(toks[*a].span.start, toks[b - 1].span.end);
            add_actor_mention(doc, span, si_doc, codes);
        }
        let events = if dicts.verbs.blocks.is_empty() {
            Vec::new()
        } else {
            sentence.code()
        };
        for (s, t, c, trigger, status) in events {
            let entity_of = |code: &str| {
                doc.mentions
                    .iter()
                    .find(|m| {
                        m.sentence == si_doc && doc.entities[m.entity].code.as_deref() == Some(code)
                    })
                    .map(|m| m.entity)
            };
            let (source_entity, target_entity) = (entity_of(&s), entity_of(&t));
            doc.events.push(Event {
                sentence: si_doc,
                source: Some(s),
                target: Some(t),
                source_entity,
                target_entity,
                cameo: c,
                trigger,
                status,
                date: date.map(|d| d.format("%Y-%m-%d").to_string()),
                quote: None,
                location: None,
                target_inferred: false,
            });
        }
    }
}

/// Adds an entity (or reuses one with the same name and code) and a mention
/// for a dictionary actor, unless another stage already has a mention there.
fn add_actor_mention(doc: &mut Doc, span: Span, sentence: usize, codes: &[String]) {
    if doc.mentions.iter().any(|m| m.span.overlaps(span)) {
        return;
    }
    let name = doc.slice(span).to_string();
    let code = codes.first().cloned();
    let entity = match doc
        .entities
        .iter()
        .position(|e| e.name == name && e.code == code)
    {
        Some(i) => i,
        None => {
            let kind = match code.as_deref() {
                Some(c) if c.len() == 3 && !c.starts_with("---") => EntityKind::State,
                Some(c)
                    if ["IGO", "NGO", "NGM", "MNC", "IMG"]
                        .iter()
                        .any(|p| c.starts_with(p)) =>
                {
                    EntityKind::Organization
                }
                _ => EntityKind::Group,
            };
            let id = doc.entities.len();
            doc.entities.push(Entity {
                id,
                name,
                code,
                kind,
                roles: Vec::new(),
                gender: None,
                country: codes
                    .first()
                    .filter(|c| c.len() >= 3)
                    .map(|c| c[..3].to_string()),
            });
            id
        }
    };
    let at = doc.mentions.partition_point(|m| m.span.start < span.start);
    doc.mentions.insert(
        at,
        Mention {
            entity,
            span,
            sentence,
            kind: MentionKind::Name,
        },
    );
}

/// Unused by the coder but handy for callers: the actor codes of a phrase.
pub fn actor_codes(
    actors: &ActorDict,
    words: &[&str],
    date: Option<NaiveDate>,
) -> Option<Vec<String>> {
    actors
        .match_at(words, 0)
        .filter(|(n, _)| *n == words.len())
        .map(|(_, a)| a.codes_on(date).to_vec())
}
