//! Conflicting claims: statements by different speakers about one matter that
//! contradict each other.
//!
//! ## Statements
//! Every statement (a quotation of the quotation stage, or, for sentences it
//! left without one, "X said (that) …" / "“…,” said X" found here, or a
//! rebuttal such as "an accusation Moscow has called “absurd”" or "Iran
//! denied involvement") is read into a [`Statement`]: speaker, predicate
//! family, polarity and arguments (subject and object actors, and the event
//! noun the claim is about).
//!
//! The families and their patterns are in `data/claims.txt`. A pattern is
//! compositional: a predicate head (a verb lemma in any form, `receive+`),
//! up to four modifiers (`*`: "any", "no", "formal", "prior") and a noun of a
//! class (`{communication}`: note, notice, warning, message …). Each family
//! has assertive patterns ("notify+", "open to * {dialogue}"), patterns that
//! say the opposite without a negation ("refuse+ to talk") and converse
//! patterns that state the predicate from the other argument ("receive+ *
//! {communication}": subject = recipient, "from X"/"by X" = sender). A
//! negation in the verb group before the head ("has not", "never", "has yet
//! to", "without") or inside the match ("received no notice") flips the
//! polarity. "we"/"our" stand for the speaker.
//!
//! ## Conflicts
//! Two statements conflict when they are in the same family, have opposite
//! polarity, come from different speakers and their arguments agree (each
//! argument both give is the same actor, by the first three letters of the
//! code). A rebuttal of an accusation about an event ("the explosion")
//! conflicts with other speakers' statements about an event of that kind
//! from another country. Connected pairs form one [`Conflict`].

use crate::doc::{Claim, Conflict, Doc, EntityKind, Mention, MentionKind, QuoteKind, Span};
use crate::index::Index;
use std::collections::HashMap;
use std::fmt::Write;
use std::sync::OnceLock;

const LEXICON: &str = include_str!("../../../data/claims.txt");

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Role {
    Assert,
    Deny,
    Converse,
}

/// One element of a claim pattern (see `data/claims.txt`).
#[derive(Clone, Debug, PartialEq, Eq)]
enum Pe {
    /// One of these words.
    Word(Vec<String>),
    /// A member of a word class (a list of the lexicon), plural allowed.
    Class(String),
    /// Up to [`MAX_GAP`] modifiers: determiners, quantifiers, adjectives, adverbs.
    Gap,
}

/// The most modifier words a `*` in a pattern spans.
const MAX_GAP: usize = 4;

/// A compiled pattern: elements, family, role.
type Pattern = (Vec<Pe>, String, Role);

/// The compiled claim lexicon.
#[derive(Debug, Default)]
pub struct ClaimLexicon {
    /// first word → patterns that can start with it, longest first.
    phrases: HashMap<String, Vec<Pattern>>,
    lists: HashMap<String, Vec<String>>,
}

/// Irregular verb forms: lemma → its forms.
const IRREGULAR: &[(&str, &[&str])] = &[
    (
        "be",
        &["be", "is", "are", "am", "was", "were", "been", "being"],
    ),
    ("have", &["have", "has", "had", "having"]),
    ("get", &["get", "gets", "got", "gotten", "getting"]),
    ("give", &["give", "gives", "gave", "given", "giving"]),
    ("send", &["send", "sends", "sent", "sending"]),
    ("tell", &["tell", "tells", "told", "telling"]),
    ("strike", &["strike", "strikes", "struck", "striking"]),
    ("shut", &["shut", "shuts", "shutting"]),
    ("hold", &["hold", "holds", "held", "holding"]),
    ("seek", &["seek", "seeks", "sought", "seeking"]),
    ("break", &["break", "breaks", "broke", "broken", "breaking"]),
];

/// The forms of a verb lemma: irregular ones from [`IRREGULAR`], else the
/// regular -s, -ed and -ing forms.
pub(crate) fn inflections(lemma: &str) -> Vec<String> {
    if let Some((_, forms)) = IRREGULAR.iter().find(|(l, _)| *l == lemma) {
        return forms.iter().map(|f| f.to_string()).collect();
    }
    let stem_e = lemma.strip_suffix('e');
    let cons_y = lemma
        .strip_suffix('y')
        .filter(|s| !s.ends_with(['a', 'e', 'o', 'u']));
    let third = match cons_y {
        Some(s) => format!("{s}ies"),
        None if lemma.ends_with(['s', 'x', 'o'])
            || lemma.ends_with("sh")
            || lemma.ends_with("ch") =>
        {
            format!("{lemma}es")
        }
        None => format!("{lemma}s"),
    };
    let past = match (stem_e, cons_y) {
        (Some(_), _) => format!("{lemma}d"),
        (_, Some(s)) => format!("{s}ied"),
        _ => format!("{lemma}ed"),
    };
    let ing = match stem_e {
        Some(s) if !lemma.ends_with("ee") => format!("{s}ing"),
        _ => format!("{lemma}ing"),
    };
    vec![lemma.to_string(), third, past, ing]
}

fn parse_element(tok: &str) -> Pe {
    if tok == "*" {
        Pe::Gap
    } else if let Some(c) = tok.strip_prefix('{').and_then(|t| t.strip_suffix('}')) {
        Pe::Class(c.to_string())
    } else if let Some(l) = tok.strip_suffix('+').filter(|l| !l.is_empty()) {
        Pe::Word(inflections(l))
    } else {
        Pe::Word(tok.split('/').map(str::to_string).collect())
    }
}

/// Plural forms of a noun ("talks", "negotiations", "notices", "warnings").
fn noun_forms(n: &str) -> [String; 2] {
    let pl = if n.ends_with('s') || n.ends_with("sh") || n.ends_with("ch") {
        format!("{n}es")
    } else {
        format!("{n}s")
    };
    [n.to_string(), pl]
}

/// Words that cannot be a modifier inside a `*` gap: prepositions,
/// conjunctions, relative words and punctuation.
pub(crate) fn is_modifier(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_alphanumeric)
        && !matches!(
            w,
            "from"
                | "of"
                | "for"
                | "to"
                | "in"
                | "on"
                | "with"
                | "by"
                | "about"
                | "at"
                | "and"
                | "or"
                | "but"
                | "that"
                | "which"
                | "who"
                | "said"
                | "says"
                | "as"
                | "than"
                | "into"
                | "over"
                | "after"
                | "before"
                | "if"
                | "because"
        )
}

impl ClaimLexicon {
    /// The built-in lexicon (`data/claims.txt`), compiled once per process.
    pub fn builtin() -> &'static ClaimLexicon {
        static L: OnceLock<ClaimLexicon> = OnceLock::new();
        L.get_or_init(|| ClaimLexicon::parse(LEXICON).0)
    }

    /// Reads a lexicon in the `data/claims.txt` format; bad lines are skipped
    /// and described.
    pub fn parse(text: &str) -> (ClaimLexicon, Vec<String>) {
        let mut lex = ClaimLexicon::default();
        let mut diags = Vec::new();
        let mut patterns: Vec<(usize, Pattern)> = Vec::new();
        for (i, line) in text.lines().enumerate() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').collect();
            if cols.len() != 3 {
                diags.push(format!(
                    "claims lexicon line {}: expected 3 tab-separated columns",
                    i + 1
                ));
                continue;
            }
            let items: Vec<Vec<String>> = cols[2]
                .split('|')
                .map(|p| p.split_whitespace().map(|w| w.to_lowercase()).collect())
                .filter(|w: &Vec<String>| !w.is_empty())
                .collect();
            let role = match cols[1] {
                "assert" => Some(Role::Assert),
                "deny" => Some(Role::Deny),
                "converse" => Some(Role::Converse),
                "-" => None,
                other => {
                    diags.push(format!(
                        "claims lexicon line {}: unknown role {other:?}",
                        i + 1
                    ));
                    continue;
                }
            };
            match role {
                Some(r) => {
                    for w in items {
                        let p: Vec<Pe> = w.iter().map(|t| parse_element(t)).collect();
                        patterns.push((i + 1, (p, cols[0].to_string(), r)));
                    }
                }
                None => lex
                    .lists
                    .entry(cols[0].to_string())
                    .or_default()
                    .extend(items.into_iter().map(|w| w.join(" "))),
            }
        }
        for (line, p) in patterns {
            let keys: Vec<String> = match p.0.first() {
                Some(Pe::Word(alts)) => alts.clone(),
                Some(Pe::Class(c)) => match lex.lists.get(c) {
                    Some(members) => members
                        .iter()
                        .flat_map(|m| {
                            let mut ws: Vec<&str> = m.split_whitespace().collect();
                            if ws.len() > 1 {
                                vec![ws.remove(0).to_string()]
                            } else {
                                noun_forms(m).to_vec()
                            }
                        })
                        .collect(),
                    None => {
                        diags.push(format!("claims lexicon line {line}: unknown class {c:?}"));
                        continue;
                    }
                },
                _ => {
                    diags.push(format!(
                        "claims lexicon line {line}: a pattern must start with a word or class"
                    ));
                    continue;
                }
            };
            for k in keys {
                lex.phrases.entry(k).or_default().push(p.clone());
            }
        }
        for v in lex.phrases.values_mut() {
            v.sort_by_key(|(w, _, _)| std::cmp::Reverse(w.len()));
        }
        (lex, diags)
    }

    fn is(&self, list: &str, word: &str) -> bool {
        self.lists
            .get(list)
            .is_some_and(|v| v.iter().any(|w| w == word))
    }

    /// The end (exclusive word index) of pattern `p` matched at word `i`.
    fn match_at(&self, p: &[Pe], ws: &[W], i: usize) -> Option<usize> {
        let Some(first) = p.first() else {
            return Some(i);
        };
        let rest = &p[1..];
        match first {
            Pe::Word(alts) => {
                let w = ws.get(i)?;
                alts.contains(&w.lower)
                    .then(|| self.match_at(rest, ws, i + 1))
                    .flatten()
            }
            Pe::Class(c) => self.lists.get(c)?.iter().find_map(|m| {
                let parts: Vec<&str> = m.split_whitespace().collect();
                let n = parts.len();
                let ok = parts.iter().enumerate().all(|(k, part)| {
                    ws.get(i + k).is_some_and(|w| {
                        w.lower == *part || k + 1 == n && noun_forms(part).contains(&w.lower)
                    })
                });
                ok.then(|| self.match_at(rest, ws, i + n)).flatten()
            }),
            Pe::Gap => (0..=MAX_GAP).find_map(|g| {
                if g > 0 && !ws.get(i + g - 1).is_some_and(|w| is_modifier(&w.lower)) {
                    return Some(None);
                }
                self.match_at(rest, ws, i + g).map(Some)
            })?,
        }
    }
}

/// A statement read into speaker, predicate, polarity and arguments.
#[derive(Clone, Debug, PartialEq)]
pub struct Statement {
    /// Speaker name.
    pub speaker: Option<String>,
    /// Speaker actor code.
    pub code: Option<String>,
    /// Speaker entity.
    pub entity: Option<usize>,
    /// Sentence index.
    pub sentence: usize,
    /// The claim's bytes (the statement's content).
    pub span: Span,
    /// Index into `doc.quotes`, when it comes from a quotation.
    pub quote: Option<usize>,
    /// Predicate family ("notify", "dialogue", "involve").
    pub family: String,
    /// True when asserted, false when denied.
    pub polarity: bool,
    /// The family's subject (sender, attacker, the one open to dialogue).
    pub subject: Option<String>,
    /// The family's object (recipient, target).
    pub object: Option<String>,
    /// The event noun the claim is about ("explosion"), when any.
    pub event: Option<String>,
}

#[derive(Debug, Clone)]
struct W {
    span: Span,
    lower: String,
}

fn words(doc: &Indexed, span: Span) -> Vec<W> {
    let text = doc.text.get(span.start..span.end).unwrap_or("");
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut end = 0;
    for (i, c) in text.char_indices() {
        if c.is_alphanumeric() || (matches!(c, '\'' | '’' | '-') && start.is_some()) {
            start.get_or_insert(i);
            end = i + c.len_utf8();
            continue;
        }
        if let Some(s) = start.take() {
            push_word(&mut out, text, span.start, s, end);
        }
        if matches!(c, ',' | ';' | ':' | '“' | '”' | '"' | '.') {
            out.push(W {
                span: Span::new(span.start + i, span.start + i + c.len_utf8()),
                lower: c.to_string(),
            });
        }
    }
    if let Some(s) = start {
        push_word(&mut out, text, span.start, s, end);
    }
    out
}

fn push_word(out: &mut Vec<W>, text: &str, base: usize, s: usize, e: usize) {
    let t = &text[s..e];
    let w = t.to_lowercase().replace('’', "'");
    // "haven't" → "have" + "n't"
    let tail = ["n't", "n’t"]
        .into_iter()
        .find(|x| t.ends_with(x) && t.len() > x.len());
    match tail {
        Some(x) => {
            let cut = e - x.len();
            out.push(W {
                span: Span::new(base + s, base + cut),
                lower: text[s..cut].to_lowercase(),
            });
            out.push(W {
                span: Span::new(base + cut, base + e),
                lower: "n't".into(),
            });
        }
        None => out.push(W {
            span: Span::new(base + s, base + e),
            lower: w,
        }),
    }
}

fn is_boundary(w: &str) -> bool {
    matches!(
        w,
        "," | ";" | ":" | "." | "but" | "while" | "however" | "although" | "whereas" | "if"
    )
}

fn code_at(doc: &Indexed, span: Span) -> Option<(String, MentionKind)> {
    doc.mention_at(span).and_then(|m| {
        let e = doc.entities.get(m.entity)?;
        e.code
            .clone()
            .or_else(|| e.country.clone())
            .map(|c| (c, m.kind))
    })
}

/// The actor a word stands for: a mention, or "we"/"our"/"us"/"i" for the speaker.
fn actor_of(doc: &Indexed, w: &W, speaker: &Option<String>) -> Option<String> {
    if matches!(w.lower.as_str(), "we" | "our" | "us" | "i" | "my") {
        return speaker.clone();
    }
    code_at(doc, w.span).map(|c| c.0)
}

/// Reads the family phrases of a content span into statements.
fn analyse(
    doc: &Indexed,
    lex: &ClaimLexicon,
    content: Span,
    base: &Statement,
    out: &mut Vec<Statement>,
) {
    let ws = words(doc, content);
    let event = ws
        .iter()
        .find(|w| lex.is("event", &w.lower))
        .map(|w| w.lower.trim_end_matches('s').to_string());
    let mut i = 0;
    while i < ws.len() {
        let Some(cands) = lex.phrases.get(&ws[i].lower) else {
            i += 1;
            continue;
        };
        let hit = cands
            .iter()
            .find_map(|(p, fam, role)| lex.match_at(p, &ws, i).map(|e| (e, fam, role)));
        let Some((end, family, role)) = hit else {
            i += 1;
            continue;
        };
        let len = end - i;
        // A passive ("was not informed by X", "was attacked by X") is the converse.
        let passive = *role == Role::Assert
            && len == 1
            && ws[i].lower.ends_with("ed")
            && ws[i.saturating_sub(3)..i].iter().any(|w| {
                matches!(
                    w.lower.as_str(),
                    "was" | "were" | "been" | "be" | "is" | "are" | "being"
                )
            });
        let role = if passive { &Role::Converse } else { role };
        let clause_start = ws[..i]
            .iter()
            .rposition(|w| is_boundary(&w.lower))
            .map(|x| x + 1)
            .unwrap_or(0);
        // Negation: in the verb group before the head ("has not", "never",
        // "has yet to", "without"), or inside the match ("received no notice",
        // "was never told").
        let negated = verb_group_negated(lex, &ws, clause_start, i)
            || ws[i..end]
                .iter()
                .enumerate()
                .any(|(k, w)| is_negation(lex, &ws, i + k, w))
                && *role != Role::Deny;
        let mut polarity = !negated;
        if *role == Role::Deny {
            polarity = negated;
        }
        // Subject: the nearest actor before the phrase in its clause (or the
        // previous clause when the clause has none: "it has not received").
        let subj_word = ws[..i]
            .iter()
            .rev()
            .take_while(|w| !matches!(w.lower.as_str(), ";" | "."))
            .find_map(|w| {
                actor_of(doc, w, &base.code).or_else(|| pronoun_actor(doc, &ws, w, &base.code))
            });
        let after: Vec<&W> = ws[end..]
            .iter()
            .take_while(|w| !is_boundary(&w.lower))
            .take(8)
            .collect();
        let obj_word = after.iter().find_map(|w| actor_of(doc, w, &base.code));
        let from = after
            .iter()
            .position(|w| w.lower == "from" || w.lower == "by")
            .and_then(|k| {
                after[k + 1..]
                    .iter()
                    .find_map(|w| actor_of(doc, w, &base.code))
            });
        let (subject, object) = match role {
            Role::Converse => (from, subj_word),
            _ => (subj_word, obj_word),
        };
        let span = Span::new(
            ws[clause_start].span.start.min(ws[i].span.start),
            ws[(i + len + after.len()).min(ws.len()) - 1].span.end,
        );
        out.push(Statement {
            family: family.clone(),
            polarity,
            subject,
            object,
            event: event.clone(),
            span,
            ..base.clone()
        });
        i += len;
    }
}

/// Whether word `k` negates: a negation cue, or "yet" in "yet to".
fn is_negation(lex: &ClaimLexicon, ws: &[W], k: usize, w: &W) -> bool {
    lex.is("negation", &w.lower)
        || w.lower == "yet" && ws.get(k + 1).is_some_and(|n| n.lower == "to")
}

/// Whether the verb group that ends before word `head` is negated: walks
/// back over auxiliaries, modals, "to", adverbs and negations.
fn verb_group_negated(lex: &ClaimLexicon, ws: &[W], clause_start: usize, head: usize) -> bool {
    let mut k = head;
    while k > clause_start {
        let w = &ws[k - 1];
        if is_negation(lex, ws, k - 1, w) {
            return true;
        }
        let aux = matches!(
            w.lower.as_str(),
            "be" | "is"
                | "are"
                | "am"
                | "was"
                | "were"
                | "been"
                | "being"
                | "has"
                | "have"
                | "had"
                | "do"
                | "does"
                | "did"
                | "will"
                | "would"
                | "shall"
                | "should"
                | "can"
                | "could"
                | "may"
                | "might"
                | "must"
                | "to"
                | "still"
                | "also"
                | "ever"
                | "just"
                | "already"
                | "so"
                | "far"
                | "even"
                | "remain"
                | "remains"
                | "remained"
        ) || w.lower.len() > 4 && w.lower.ends_with("ly");
        if !aux {
            return false;
        }
        k -= 1;
    }
    false
}

/// "it"/"they" inside a statement: the nearest actor mentioned before it in the content.
fn pronoun_actor(doc: &Indexed, ws: &[W], w: &W, speaker: &Option<String>) -> Option<String> {
    if !matches!(w.lower.as_str(), "it" | "they" | "its") {
        return None;
    }
    // the nearest organisation or state before it, not a person and not a possessive
    ws.iter()
        .rev()
        .filter(|x| x.span.end <= w.span.start && !x.lower.ends_with("'s"))
        .find_map(|x| {
            let m = doc.mention_at(x.span)?;
            let e = doc.entities.get(m.entity)?;
            if e.kind == EntityKind::Person {
                return None;
            }
            e.code.clone().or_else(|| e.country.clone())
        })
        .or_else(|| speaker.clone())
}

/// Speech verbs that deny what they report.
const DENIAL_CUES: &[&str] = &[
    "denied",
    "denies",
    "deny",
    "rejected",
    "dismissed",
    "refuted",
];

const CUES: &[&str] = &[
    "denied",
    "denies",
    "said",
    "says",
    "told",
    "stated",
    "added",
    "reported",
    "insisted",
    "claimed",
    "announced",
    "noted",
    "argued",
    "declared",
    "maintained",
    "confirmed",
];

/// Every statement of the document (see the module docs).
pub fn statements(doc: &Doc) -> Vec<Statement> {
    statements_in(&Indexed::new(doc))
}

/// A document with its [`Index`]: the stage looks mentions up by offset and
/// quotes by sentence.
struct Indexed<'a> {
    doc: &'a Doc,
    ix: Index,
}

impl<'a> Indexed<'a> {
    fn new(doc: &'a Doc) -> Indexed<'a> {
        Indexed {
            doc,
            ix: Index::new(doc),
        }
    }

    /// The first mention overlapping `span`.
    fn mention_at(&self, span: Span) -> Option<&'a Mention> {
        self.ix.mention_at(span).map(|i| &self.doc.mentions[i])
    }
}

impl std::ops::Deref for Indexed<'_> {
    type Target = Doc;
    fn deref(&self) -> &Doc {
        self.doc
    }
}

fn statements_in(doc: &Indexed) -> Vec<Statement> {
    let lex = ClaimLexicon::builtin();
    let mut out = Vec::new();
    let mut covered = vec![false; doc.sentences.len()];
    for (qi, q) in doc.quotes.iter().enumerate() {
        let code = q.speaker.code.clone().or_else(|| {
            q.speaker
                .entity
                .and_then(|e| doc.entities.get(e))
                .and_then(|e| e.code.clone())
        });
        let name = q.speaker.name.clone().or_else(|| {
            q.speaker
                .entity
                .and_then(|e| doc.entities.get(e))
                .map(|e| e.name.clone())
        });
        for &s in &q.sentences {
            if let Some(c) = covered.get_mut(s) {
                *c = true;
            }
        }
        let base = Statement {
            speaker: name,
            code,
            entity: q.speaker.entity,
            sentence: q.sentences.first().copied().unwrap_or(0),
            span: q.span,
            quote: Some(qi),
            family: String::new(),
            polarity: true,
            subject: None,
            object: None,
            event: None,
        };
        let before = out.len();
        analyse(doc, lex, q.span, &base, &mut out);
        // "X denied that …": the content is what X says did not happen.
        let denial = q
            .cue
            .is_some_and(|c| DENIAL_CUES.contains(&doc.slice(c).to_lowercase().as_str()))
            || q.kind == QuoteKind::Indirect
                && doc.text[..q.span.start]
                    .split_whitespace()
                    .rev()
                    .take(3)
                    .any(|w| DENIAL_CUES.contains(&w.to_lowercase().as_str()));
        if denial {
            for st in &mut out[before..] {
                st.polarity = !st.polarity;
            }
        }
    }
    // Sentences the quotation stage left: "X said (that) …", "“…,” said X",
    // and quotations continuing the previous speaker.
    let mut last_speaker: Option<(Option<String>, Option<String>, Option<usize>)> = None;
    for (si, &is_covered) in covered.iter().enumerate() {
        let span = doc.sentences[si].span;
        if !is_covered {
            let ws = words(doc, span);
            if let Some(ci) = ws.iter().position(|w| CUES.contains(&w.lower.as_str())) {
                let speaker = speaker_at(doc, &ws, ci);
                if let Some(((name, code, entity), after)) = speaker.clone() {
                    // content: after the cue and a speaker that follows it (skipping "that"),
                    // unless the sentence opens with a quotation
                    let opens_quote = ws
                        .first()
                        .is_some_and(|w| matches!(w.lower.as_str(), "“" | "\""));
                    let content = if opens_quote && ci > 0 {
                        Span::new(span.start, ws[ci].span.start)
                    } else {
                        let mut k = after.map(|a| a + 1).unwrap_or(ci + 1);
                        while k < ws.len()
                            && matches!(
                                ws[k].lower.as_str(),
                                "on" | "late"
                                    | "early"
                                    | "monday"
                                    | "tuesday"
                                    | "wednesday"
                                    | "thursday"
                                    | "friday"
                                    | "saturday"
                                    | "sunday"
                                    | "yesterday"
                                    | "today"
                                    | ","
                            )
                        {
                            k += 1;
                        }
                        if k < ws.len() && ws[k].lower == "that" {
                            k += 1;
                        }
                        Span::new(
                            ws.get(k).map(|w| w.span.start).unwrap_or(span.end),
                            span.end,
                        )
                    };
                    let base = Statement {
                        speaker: name.clone(),
                        code: code.clone(),
                        entity,
                        sentence: si,
                        span: content,
                        quote: None,
                        family: String::new(),
                        polarity: true,
                        subject: None,
                        object: None,
                        event: None,
                    };
                    let before = out.len();
                    analyse(doc, lex, content, &base, &mut out);
                    if DENIAL_CUES.contains(&ws[ci].lower.as_str()) {
                        for st in &mut out[before..] {
                            st.polarity = !st.polarity;
                        }
                    }
                    last_speaker = Some((name, code, entity));
                }
            } else if ws
                .first()
                .is_some_and(|w| matches!(w.lower.as_str(), "“" | "\""))
            {
                if let Some((name, code, entity)) = last_speaker.clone() {
                    let base = Statement {
                        speaker: name,
                        code,
                        entity,
                        sentence: si,
                        span,
                        quote: None,
                        family: String::new(),
                        polarity: true,
                        subject: None,
                        object: None,
                        event: None,
                    };
                    analyse(doc, lex, span, &base, &mut out);
                }
            }
        }
        rebuttals(doc, lex, si, &mut out);
    }
    out
}

/// The speaker of a cue at word `ci`: the actor just before it ("Lavrov
/// said") or the one after it ("said the NATO press office").
fn speaker_near(
    doc: &Indexed,
    ws: &[W],
    ci: usize,
) -> Option<(Option<String>, Option<String>, Option<usize>)> {
    speaker_at(doc, ws, ci).map(|x| x.0)
}

/// A speaker (name, code, entity).
type SpeakerInfo = (Option<String>, Option<String>, Option<usize>);

/// The speaker of a cue and, when it follows the cue, the index of its last word.
fn speaker_at(doc: &Indexed, ws: &[W], ci: usize) -> Option<(SpeakerInfo, Option<usize>)> {
    let from_mention = |w: &W| {
        doc.mention_at(w.span).and_then(|m| {
            let e = doc.entities.get(m.entity)?;
            Some((
                Some(e.name.clone()),
                e.code.clone().or(e.country.clone()),
                Some(m.entity),
            ))
        })
    };
    let before = ws[..ci]
        .iter()
        .rev()
        .take(4)
        .take_while(|w| !matches!(w.lower.as_str(), "," | "”" | "\"" | "that"))
        .find_map(from_mention);
    if let Some(b) = before {
        return Some((b, None));
    }
    let (k, found) = ws[ci + 1..]
        .iter()
        .enumerate()
        .take(8)
        .find_map(|(k, w)| from_mention(w).map(|f| (k, f)))?;
    // the last word of that mention
    let mut last = ci + 1 + k;
    while last + 1 < ws.len() && from_mention(&ws[last + 1]).is_some_and(|f| f.2 == found.2) {
        last += 1;
    }
    Some((found, Some(last)))
}

/// "an accusation Moscow has called “absurd”", "Iran denied involvement",
/// "Moscow rejected the allegations": a denial statement by the rebutting actor.
fn rebuttals(doc: &Indexed, lex: &ClaimLexicon, si: usize, out: &mut Vec<Statement>) {
    let span = doc.sentences[si].span;
    let ws = words(doc, span);
    for (k, w) in ws.iter().enumerate() {
        if !lex.is("rebuttal", &w.lower) {
            continue;
        }
        // The rebutting actor: the nearest mention before the rebuttal word in its clause.
        let lo = k.saturating_sub(6);
        let Some((ri, (code, _))) = ws[lo..k]
            .iter()
            .enumerate()
            .rev()
            .take_while(|(_, x)| !matches!(x.lower.as_str(), ";" | "."))
            .find_map(|(j, x)| code_at(doc, x.span).map(|c| (lo + j, c)))
        else {
            continue;
        };
        // An accusation or involvement nearby, about an event.
        let window = &ws[k.saturating_sub(12)..(k + 8).min(ws.len())];
        let about = window.iter().any(|x| {
            lex.is("accusation", &x.lower)
                || matches!(
                    x.lower.as_str(),
                    "involvement" | "involved" | "responsibility" | "alleged"
                )
        });
        if !about {
            continue;
        }
        let event = ws
            .iter()
            .find(|x| lex.is("event", &x.lower))
            .map(|x| x.lower.trim_end_matches('s').to_string());
        // The accused: a possessive actor before "alleged"/"involvement" ("Russia's alleged involvement").
        let accused = window
            .iter()
            .position(|x| {
                matches!(
                    x.lower.as_str(),
                    "alleged" | "involvement" | "responsibility"
                )
            })
            .and_then(|p| {
                window[..p]
                    .iter()
                    .rev()
                    .take(3)
                    .find_map(|x| code_at(doc, x.span).map(|c| c.0))
            })
            .or_else(|| Some(code.clone()));
        let m = doc.mention_at(ws[ri].span);
        let entity = m.map(|m| m.entity);
        let name = entity
            .and_then(|e| doc.entities.get(e))
            .map(|e| e.name.clone());
        let start = ws[k.saturating_sub(12)].span.start.min(ws[ri].span.start);
        let end = ws[(k + 3).min(ws.len() - 1)].span.end;
        out.push(Statement {
            speaker: name,
            code: Some(code),
            entity,
            sentence: si,
            span: Span::new(start, end),
            quote: None,
            family: "involve".into(),
            polarity: false,
            subject: accused,
            object: None,
            event,
        });
        break;
    }
}

fn same(a: &Option<String>, b: &Option<String>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => a.get(..3) == b.get(..3),
        _ => true,
    }
}

/// Families whose two arguments play the same part ("A agreed with B").
const SYMMETRIC: &[&str] = &["agree"];

fn different_speakers(a: &Statement, b: &Statement) -> bool {
    match (a.entity, b.entity) {
        (Some(x), Some(y)) if x == y => return false,
        _ => {}
    }
    match (&a.code, &b.code) {
        (Some(x), Some(y)) if x == y => {
            a.speaker.is_some() && b.speaker.is_some() && a.speaker != b.speaker
        }
        (Some(_), Some(_)) => true,
        _ => a.speaker.is_some() && b.speaker.is_some() && a.speaker != b.speaker,
    }
}

fn country(s: &Statement) -> Option<&str> {
    s.code.as_deref().and_then(|c| c.get(..3))
}

fn contradict(a: &Statement, b: &Statement) -> bool {
    if !different_speakers(a, b) {
        return false;
    }
    if a.family == b.family && a.polarity != b.polarity {
        if SYMMETRIC.contains(&a.family.as_str()) {
            let set = |x: &Statement| -> Vec<String> {
                [&x.subject, &x.object]
                    .into_iter()
                    .flatten()
                    .filter_map(|c| c.get(..3).map(str::to_string))
                    .collect()
            };
            let (sa, sb) = (set(a), set(b));
            return sa.is_empty() || sb.is_empty() || sa.iter().any(|c| sb.contains(c));
        }
        return same(&a.subject, &b.subject) && same(&a.object, &b.object);
    }
    // A rebuttal of involvement in an event against another country's claim about such an event.
    let (den, other) = if a.family == "involve" && !a.polarity {
        (a, b)
    } else if b.family == "involve" && !b.polarity {
        (b, a)
    } else {
        return false;
    };
    other.polarity
        && den.event.is_some()
        && other.event.is_some()
        && country(den) != country(other)
        && country(other).is_some()
}

/// Detects conflicts: reads `quotes`, `mentions`, `entities`, `sentences`;
/// fills `conflicts`.
pub fn detect(doc: &mut Doc) {
    let ixd = Indexed::new(doc);
    let mut conflicts = conflicts_in(&ixd);
    for c in mutual_accusations(&ixd) {
        let p3 = |x: &Option<String>| x.as_deref().and_then(|x| x.get(..3)).map(str::to_string);
        let covered = conflicts.iter().any(|k| {
            c.claims
                .iter()
                .all(|a| k.claims.iter().any(|b| p3(&b.code) == p3(&a.code)))
        });
        if !covered {
            conflicts.push(c);
        }
    }
    doc.conflicts = conflicts;
}

/// "India and Pakistan accuse each other of violating the ceasefire", "both
/// sides traded accusations over the shelling": each side asserts what the
/// other denies, so the sentence is a conflict of two claims, one per side.
/// The sides are the two actors named before the cue, else ("both
/// countries", "the two sides", "each side") the two states the article is
/// most about.
fn mutual_accusations(doc: &Indexed) -> Vec<Conflict> {
    let lex = ClaimLexicon::builtin();
    let mut out = Vec::new();
    let mut dyad: Option<Option<[(String, String); 2]>> = None;
    for si in 0..doc.sentences.len() {
        let toks = words(doc, doc.sentences[si].span);
        let w = |k: usize| toks.get(k).map_or("", |t| t.lower.as_str());
        let Some(cue) = (0..toks.len()).find(|&k| {
            (lex.is("reproach", w(k))
                && matches!((w(k + 1), w(k + 2)), ("each", "other") | ("one", "another")))
                || (lex.is("trade", w(k))
                    && (lex.is("accusation", w(k + 1))
                        || w(k + 1) == "blame"
                        || lex.is("accusation", w(k + 2))))
        }) else {
            continue;
        };
        let before = toks[cue].span.start;
        // the actors named before the cue
        let mut sides: Vec<(String, String)> = Vec::new();
        for m in doc.ix.mentions_in(doc, si) {
            if m.span.end > before {
                continue;
            }
            let e = &doc.entities[m.entity];
            if !matches!(
                e.kind,
                EntityKind::State | EntityKind::Organization | EntityKind::Group
            ) {
                continue;
            }
            let Some(code) = e.code.clone() else { continue };
            if !sides.iter().any(|s| s.1.get(..3) == code.get(..3)) {
                sides.push((e.name.clone(), code));
            }
        }
        if sides.len() < 2 {
            let collective = (0..cue)
                .any(|k| matches!(w(k), "both" | "two" | "each") && lex.is("sides", w(k + 1)));
            if !collective {
                continue;
            }
            let pair = dyad.get_or_insert_with(|| article_dyad(doc)).clone();
            let Some(pair) = pair else { continue };
            sides = pair.to_vec();
        }
        // what it is about: the rest of the sentence after "of"/"for"/"over"
        let about = (cue + 1..toks.len())
            .find(|&k| matches!(w(k), "of" | "for" | "over" | "about"))
            .map(|k| k + 1)
            .unwrap_or(cue + 1);
        let end = toks
            .iter()
            .rposition(|t| t.lower.chars().any(char::is_alphanumeric))
            .unwrap_or(0);
        let topic = match (toks.get(about), toks.get(end)) {
            (Some(a), Some(b)) if a.span.start < b.span.end => {
                format!(
                    "who is to blame for {}",
                    doc.slice(Span::new(a.span.start, b.span.end))
                )
            }
            _ => "who is to blame".to_string(),
        };
        let span = doc.sentences[si].span;
        out.push(Conflict {
            topic,
            claims: sides[..2]
                .iter()
                .map(|(name, code)| Claim {
                    speaker: Some(name.clone()),
                    code: Some(code.clone()),
                    sentence: si,
                    span,
                    quote: None,
                })
                .collect(),
        });
    }
    out
}

/// The two states the article names most (each at least twice), by code.
fn article_dyad(doc: &Indexed) -> Option<[(String, String); 2]> {
    let mut counts: HashMap<String, (usize, String)> = HashMap::new();
    for m in &doc.mentions {
        let e = &doc.entities[m.entity];
        let code = match e.kind {
            EntityKind::State => e.code.clone(),
            _ => e.country.clone(),
        };
        let Some(code) = code.and_then(|c| c.get(..3).map(str::to_string)) else {
            continue;
        };
        let entry = counts.entry(code).or_insert((0, String::new()));
        entry.0 += 1;
        if e.kind == EntityKind::State && entry.1.is_empty() {
            entry.1 = e.name.clone();
        }
    }
    let mut v: Vec<(String, (usize, String))> =
        counts.into_iter().filter(|(_, (n, _))| *n >= 2).collect();
    v.sort_by(|a, b| b.1 .0.cmp(&a.1 .0).then(a.0.cmp(&b.0)));
    let name = |(code, (_, name)): &(String, (usize, String))| {
        let n = if name.is_empty() {
            code.clone()
        } else {
            name.clone()
        };
        (n, code.clone())
    };
    match v.as_slice() {
        [a, b, ..] => Some([name(a), name(b)]),
        _ => None,
    }
}

fn conflicts_in(doc: &Indexed) -> Vec<Conflict> {
    let st = statements_in(doc);
    // Event-noun statements without a family: positive claims about an event
    // ("This was an attack on ammunition"), which a rebuttal may contradict.
    let mut all = st;
    let extra = event_claims(doc, &all);
    all.extend(extra);
    let n = all.len();
    let mut parent: Vec<usize> = (0..n).collect();
    fn find(p: &mut [usize], x: usize) -> usize {
        let mut r = x;
        while p[r] != r {
            r = p[r];
        }
        p[x] = r;
        r
    }
    let mut linked = vec![false; n];
    // The groups depend only on which pairs contradict, so only the pairs
    // `contradict` can accept are tried: same family and opposite polarity,
    // or an involvement rebuttal against a positive claim about an event.
    let mut by_family: HashMap<&str, [Vec<usize>; 2]> = HashMap::new();
    for (i, s) in all.iter().enumerate() {
        by_family.entry(s.family.as_str()).or_default()[s.polarity as usize].push(i);
    }
    let rebuttals: Vec<usize> = (0..n)
        .filter(|&i| all[i].family == "involve" && !all[i].polarity)
        .collect();
    let claims: Vec<usize> = if rebuttals.is_empty() {
        Vec::new()
    } else {
        (0..n).filter(|&i| all[i].polarity).collect()
    };
    // The indices after `i` in an ascending list.
    let after = |list: &[usize], i: usize| -> Vec<usize> {
        list[list.partition_point(|&j| j <= i)..].to_vec()
    };
    for i in 0..n {
        let s = &all[i];
        let mut cands = after(&by_family[s.family.as_str()][!s.polarity as usize], i);
        if s.family == "involve" && !s.polarity {
            cands.extend(after(&claims, i));
        }
        if s.polarity {
            cands.extend(after(&rebuttals, i));
        }
        cands.sort_unstable();
        cands.dedup();
        for j in cands {
            if contradict(&all[i], &all[j]) {
                let (a, b) = (find(&mut parent, i), find(&mut parent, j));
                parent[a] = b;
                linked[i] = true;
                linked[j] = true;
            }
        }
    }
    let mut groups: Vec<(usize, Vec<usize>)> = Vec::new();
    for (i, &is_linked) in linked.iter().enumerate() {
        if !is_linked {
            continue;
        }
        let r = find(&mut parent, i);
        match groups.iter_mut().find(|g| g.0 == r) {
            Some(g) => g.1.push(i),
            None => groups.push((r, vec![i])),
        }
    }
    groups
        .into_iter()
        .map(|(_, members)| {
            let first = &all[members[0]];
            let topic = topic_of(
                doc,
                first,
                &members.iter().map(|&m| &all[m]).collect::<Vec<_>>(),
            );
            let mut claims: Vec<Claim> = Vec::new();
            for &m in &members {
                let s = &all[m];
                if claims
                    .iter()
                    .any(|c| c.sentence == s.sentence && c.speaker == s.speaker)
                {
                    continue;
                }
                claims.push(Claim {
                    speaker: s.speaker.clone(),
                    code: s.code.clone(),
                    sentence: s.sentence,
                    span: s.span,
                    quote: s.quote,
                });
            }
            Conflict { topic, claims }
        })
        .collect()
}

fn event_claims(doc: &Indexed, st: &[Statement]) -> Vec<Statement> {
    let lex = ClaimLexicon::builtin();
    if !st.iter().any(|s| s.family == "involve" && !s.polarity) {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut seen: std::collections::HashSet<Span> = st.iter().map(|s| s.span).collect();
    for (qi, q) in doc.quotes.iter().enumerate() {
        let ws = words(doc, q.span);
        if let Some(ev) = ws.iter().find(|w| lex.is("event", &w.lower)) {
            if !seen.insert(q.span) {
                continue;
            }
            let code = q.speaker.code.clone().or_else(|| {
                q.speaker
                    .entity
                    .and_then(|e| doc.entities.get(e))
                    .and_then(|e| e.code.clone())
            });
            out.push(Statement {
                speaker: q.speaker.name.clone(),
                code,
                entity: q.speaker.entity,
                sentence: q.sentences.first().copied().unwrap_or(0),
                span: q.span,
                quote: Some(qi),
                family: "event".into(),
                polarity: true,
                subject: None,
                object: None,
                event: Some(ev.lower.trim_end_matches('s').to_string()),
            });
        }
    }
    {
        for si in 0..doc.sentences.len() {
            if doc.ix.quotes.any(si) {
                continue;
            }
            let span = doc.sentences[si].span;
            let ws = words(doc, span);
            let Some(ci) = ws.iter().position(|w| CUES.contains(&w.lower.as_str())) else {
                continue;
            };
            let Some(ev) = ws.iter().find(|w| lex.is("event", &w.lower)) else {
                continue;
            };
            if let Some((name, code, entity)) = speaker_near(doc, &ws, ci) {
                out.push(Statement {
                    speaker: name,
                    code,
                    entity,
                    sentence: si,
                    span,
                    quote: None,
                    family: "event".into(),
                    polarity: true,
                    subject: None,
                    object: None,
                    event: Some(ev.lower.trim_end_matches('s').to_string()),
                });
            }
        }
    }
    out
}

fn topic_of(doc: &Indexed, s: &Statement, all: &[&Statement]) -> String {
    let name = |c: &Option<String>| {
        c.clone().map(|c| {
            doc.entities
                .iter()
                .find(|e| e.code.as_deref() == Some(c.as_str()))
                .map(|e| e.name.clone())
                .unwrap_or(c)
        })
    };
    // A rebuttal of involvement names the matter; else the first family.
    let fam = if all.iter().any(|x| x.family == "involve" && !x.polarity) {
        "involve"
    } else {
        all.iter()
            .find(|x| x.family != "event")
            .map(|x| x.family.as_str())
            .unwrap_or(s.family.as_str())
    };
    let subj = all
        .iter()
        .filter(|x| x.family == fam)
        .find_map(|x| x.subject.clone());
    let obj = all.iter().find_map(|x| x.object.clone());
    let ev = all
        .iter()
        .filter(|x| x.family == fam)
        .find_map(|x| x.event.clone())
        .or_else(|| all.iter().find_map(|x| x.event.clone()));
    match fam {
        "notify" => format!(
            "whether {} notified {}",
            name(&subj).unwrap_or_else(|| "one side".into()),
            name(&obj).unwrap_or_else(|| "the other".into())
        ),
        "dialogue" => format!(
            "whether {} is open to dialogue",
            name(&subj).unwrap_or_else(|| "one side".into())
        ),
        "agree" => "whether an agreement was reached".into(),
        "attack" => format!(
            "whether {} attacked{}",
            name(&subj).unwrap_or_else(|| "anyone".into()),
            name(&obj).map(|o| format!(" {o}")).unwrap_or_default()
        ),
        "involve" => format!(
            "whether {} was involved in the {}",
            name(&subj).unwrap_or_else(|| "the accused".into()),
            ev.unwrap_or_else(|| "events".into())
        ),
        "withdraw" => format!(
            "whether {} withdrew",
            name(&subj).unwrap_or_else(|| "the forces".into())
        ),
        "ceasefire" => format!(
            "whether {} violated the ceasefire",
            name(&subj).unwrap_or_else(|| "one side".into())
        ),
        "incursion" => format!(
            "whether {} entered {} territory",
            name(&subj).unwrap_or_else(|| "foreign forces".into()),
            name(&obj)
                .map(|o| format!("{o}'s"))
                .unwrap_or_else(|| "the other side's".into())
        ),
        other => format!("{other}: contradicting statements"),
    }
}

/// Writes the conflicts section of the text report.
pub fn report(doc: &Doc, out: &mut String) {
    if doc.conflicts.is_empty() {
        return;
    }
    let _ = writeln!(out, "\nConflicting claims");
    for c in &doc.conflicts {
        let _ = writeln!(out, "  {}", c.topic);
        for cl in &c.claims {
            let text: String = doc.slice(cl.span).chars().take(100).collect();
            let _ = writeln!(
                out,
                "    - {} ({}), sentence {}: {}",
                cl.speaker.as_deref().unwrap_or("?"),
                cl.code.as_deref().unwrap_or("-"),
                cl.sentence + 1,
                text
            );
        }
    }
}

#[cfg(test)]
mod pattern_tests {
    use super::*;

    #[test]
    fn inflections_table() {
        for (lemma, want) in [
            ("receive", "receive receives received receiving"),
            ("notify", "notify notifies notified notifying"),
            ("reach", "reach reaches reached reaching"),
            ("agree", "agree agrees agreed agreeing"),
            ("get", "get gets got gotten getting"),
        ] {
            assert_eq!(inflections(lemma).join(" "), want, "{lemma}");
        }
    }

    #[test]
    fn patterns_match_variants() {
        for (text, family, polarity) in [
            ("it had not received any formal note", "notify", false),
            ("they received no written notices", "notify", false),
            ("Chile has yet to get a warning", "notify", false),
            ("we were informed", "notify", true),
            ("it is interested in genuine joint work", "dialogue", true),
            ("it is not open to direct talks", "dialogue", false),
            ("the sides reached a broad agreement", "agree", true),
        ] {
            let doc = crate::markup::doc(&format!("{{Oslo|NOR|metonym,s}} said [[{text}]]."), None);
            let st = statements(&doc);
            assert!(
                st.iter()
                    .any(|s| s.family == family && s.polarity == polarity),
                "{text}: {st:?}"
            );
        }
        for text in [
            "it received praise for its note",
            "it was open about the talks",
        ] {
            let doc = crate::markup::doc(&format!("{{Oslo|NOR|metonym,s}} said [[{text}]]."), None);
            assert!(statements(&doc).is_empty(), "{text}");
        }
    }
}
