//! Reader for PETRARCH verb dictionaries, in both formats:
//! the PETRARCH-1/TABARI one (`PETR.Validate.verbs.txt`) and PETRARCH-2's
//! `CAMEO.2.0.txt`. Both share one grammar:
//!
//! ```text
//! &CURRENCY                  a synonym set (synset), members on `+` lines;
//! +SWISS FRANCS              a member may be a phrase or another `&SET`
//! --- BREAK [1717] ---       a block: name and default code
//! BREAK {BROKE BROKEN}       verbs of the block; `{…}` irregular forms,
//! +BREAK_DOWN {+BROKE_DOWN}  `+` marks the verb word in a multi-word verb,
//! DOWNPLAY [014]             a verb may have its own default code
//! - * TREATY [161]           patterns: words before `*` precede the verb,
//! - + * IN $ [075]           words after follow it; `$` source, `+` target,
//! - % * [030:030]            `%` compound actor, `^` skip a phrase,
//! - * (TO BORDER) [154]      `&SET` any member; `_` joins words that must be
//!                            adjacent, a blank lets others come between;
//!                            `{…}` is a group of adjacent words, `( )` only groups
//! ```
//! Codes: `[064]`; `[042:043]` an event and its reverse (target to source);
//! `[:173]` only the reverse; `[---]` no event. Regular verb forms (-S, -ED,
//! -ING, with doubled consonants) are generated; patterns are tried longest
//! first, in file order among equals.

use super::dictfile::{brackets, lines, phrase_words, Diagnostics};
use std::collections::HashMap;

/// What an actor element of a pattern binds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// `$`: the source.
    Source,
    /// `+`: the target.
    Target,
    /// `%`: a compound actor (before the verb: sources; after: targets).
    Compound,
    /// `^`: a phrase to skip.
    Skip,
}

/// One element of a pattern.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Elem {
    /// The verb itself (`*`).
    Verb,
    /// A word, matched exactly (upper case).
    Word(String),
    /// A synonym set, by name without `&`.
    Synset(String),
    /// An actor phrase.
    Actor(Role),
}

/// The event code(s) a verb or pattern gives.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EventCode {
    /// Code of the event source → target.
    pub forward: Option<String>,
    /// Code of the paired event target → source (`[042:043]`).
    pub reverse: Option<String>,
}

impl EventCode {
    /// True for `[---]`: no event.
    pub fn is_null(&self) -> bool {
        self.forward.is_none() && self.reverse.is_none()
    }
}

/// A pattern of a verb block.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pattern {
    /// Elements in text order, exactly one of them [`Elem::Verb`].
    pub elems: Vec<Elem>,
    /// `closed[i]`: elements `i` and `i + 1` must be adjacent.
    pub closed: Vec<bool>,
    /// The code it gives.
    pub code: EventCode,
    /// Line in the file, for messages.
    pub line: usize,
}

impl Pattern {
    /// Index of the verb in `elems`.
    pub fn verb_index(&self) -> usize {
        self.elems
            .iter()
            .position(|e| *e == Elem::Verb)
            .unwrap_or(0)
    }
}

/// A verb block: verbs sharing a default code and patterns.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Block {
    /// The block's name.
    pub name: String,
    /// The default code (`None` when the header has none).
    pub default: EventCode,
    /// Patterns, longest first.
    pub patterns: Vec<Pattern>,
}

/// How a verb form was made.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FormKind {
    /// As written in the dictionary.
    Base,
    /// Third person -S.
    Third,
    /// Regular past / participle -ED.
    Past,
    /// -ING.
    Ing,
    /// An irregular form listed in braces.
    Irregular,
    /// An irregular past form from the English table ([`irregular_forms`]).
    Derived,
}

impl FormKind {
    /// Preference among forms of equal length: forms written in the
    /// dictionary first, then regular inflections, then table forms.
    pub fn rank(self) -> u8 {
        match self {
            FormKind::Base | FormKind::Irregular => 2,
            FormKind::Third | FormKind::Past | FormKind::Ing => 1,
            FormKind::Derived => 0,
        }
    }
}

/// Common English irregular verbs: base, past, past participle.
const IRREGULAR: &[[&str; 3]] = &[
    ["ARISE", "AROSE", "ARISEN"],
    ["BEAR", "BORE", "BORNE"],
    ["BEAT", "BEAT", "BEATEN"],
    ["BECOME", "BECAME", "BECOME"],
    ["BEGIN", "BEGAN", "BEGUN"],
    ["BEND", "BENT", "BENT"],
    ["BIND", "BOUND", "BOUND"],
    ["BITE", "BIT", "BITTEN"],
    ["BLOW", "BLEW", "BLOWN"],
    ["BREAK", "BROKE", "BROKEN"],
    ["BRING", "BROUGHT", "BROUGHT"],
    ["BUILD", "BUILT", "BUILT"],
    ["BURN", "BURNT", "BURNT"],
    ["BUY", "BOUGHT", "BOUGHT"],
    ["CATCH", "CAUGHT", "CAUGHT"],
    ["CHOOSE", "CHOSE", "CHOSEN"],
    ["COME", "CAME", "COME"],
    ["DEAL", "DEALT", "DEALT"],
    ["DIG", "DUG", "DUG"],
    ["DRAW", "DREW", "DRAWN"],
    ["DRIVE", "DROVE", "DRIVEN"],
    ["EAT", "ATE", "EATEN"],
    ["FALL", "FELL", "FALLEN"],
    ["FEED", "FED", "FED"],
    ["FEEL", "FELT", "FELT"],
    ["FIGHT", "FOUGHT", "FOUGHT"],
    ["FIND", "FOUND", "FOUND"],
    ["FLEE", "FLED", "FLED"],
    ["FLY", "FLEW", "FLOWN"],
    ["FORBID", "FORBADE", "FORBIDDEN"],
    ["FORGIVE", "FORGAVE", "FORGIVEN"],
    ["FREEZE", "FROZE", "FROZEN"],
    ["GET", "GOT", "GOTTEN"],
    ["GIVE", "GAVE", "GIVEN"],
    ["GO", "WENT", "GONE"],
    ["GROW", "GREW", "GROWN"],
    ["HANG", "HUNG", "HUNG"],
    ["HEAR", "HEARD", "HEARD"],
    ["HIDE", "HID", "HIDDEN"],
    ["HOLD", "HELD", "HELD"],
    ["KEEP", "KEPT", "KEPT"],
    ["KNOW", "KNEW", "KNOWN"],
    ["LAY", "LAID", "LAID"],
    ["LEAD", "LED", "LED"],
    ["LEAVE", "LEFT", "LEFT"],
    ["LEND", "LENT", "LENT"],
    ["LOSE", "LOST", "LOST"],
    ["MAKE", "MADE", "MADE"],
    ["MEAN", "MEANT", "MEANT"],
    ["MEET", "MET", "MET"],
    ["OVERCOME", "OVERCAME", "OVERCOME"],
    ["OVERTHROW", "OVERTHREW", "OVERTHROWN"],
    ["PAY", "PAID", "PAID"],
    ["RIDE", "RODE", "RIDDEN"],
    ["RISE", "ROSE", "RISEN"],
    ["RUN", "RAN", "RUN"],
    ["SAY", "SAID", "SAID"],
    ["SEE", "SAW", "SEEN"],
    ["SEEK", "SOUGHT", "SOUGHT"],
    ["SELL", "SOLD", "SOLD"],
    ["SEND", "SENT", "SENT"],
    ["SHAKE", "SHOOK", "SHAKEN"],
    ["SHOOT", "SHOT", "SHOT"],
    ["SHOW", "SHOWED", "SHOWN"],
    ["SINK", "SANK", "SUNK"],
    ["SLAY", "SLEW", "SLAIN"],
    ["SPEAK", "SPOKE", "SPOKEN"],
    ["SPEND", "SPENT", "SPENT"],
    ["STAND", "STOOD", "STOOD"],
    ["STEAL", "STOLE", "STOLEN"],
    ["STRIKE", "STRUCK", "STRUCK"],
    ["SWEAR", "SWORE", "SWORN"],
    ["SWEEP", "SWEPT", "SWEPT"],
    ["TAKE", "TOOK", "TAKEN"],
    ["TEACH", "TAUGHT", "TAUGHT"],
    ["TEAR", "TORE", "TORN"],
    ["TELL", "TOLD", "TOLD"],
    ["THINK", "THOUGHT", "THOUGHT"],
    ["THROW", "THREW", "THROWN"],
    ["UNDERSTAND", "UNDERSTOOD", "UNDERSTOOD"],
    ["UNDERTAKE", "UNDERTOOK", "UNDERTAKEN"],
    ["UPHOLD", "UPHELD", "UPHELD"],
    ["WAGE", "WAGED", "WAGED"],
    ["WEAR", "WORE", "WORN"],
    ["WIN", "WON", "WON"],
    ["WITHDRAW", "WITHDREW", "WITHDRAWN"],
    ["WITHHOLD", "WITHHELD", "WITHHELD"],
    ["WRITE", "WROTE", "WRITTEN"],
];

/// Irregular past and participle of an upper-case verb, when it has them.
pub fn irregular_forms(verb: &str) -> Vec<&'static str> {
    IRREGULAR
        .iter()
        .filter(|f| f[0] == verb)
        .flat_map(|f| [f[1], f[2]])
        .filter(|f| *f != verb)
        .collect()
}

/// One surface form of a (possibly multi-word) verb.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VerbForm {
    /// Words that must come right before the verb word.
    pub before: Vec<String>,
    /// Words that must come right after it.
    pub after: Vec<String>,
    /// Index into [`VerbDict::blocks`].
    pub block: u32,
    /// The verb's own code, overriding the block default.
    pub code: Option<EventCode>,
    /// How the form was made.
    pub kind: FormKind,
}

/// The verbs, patterns and synsets of one or more verb files.
#[derive(Debug, Default)]
pub struct VerbDict {
    /// Blocks in file order.
    pub blocks: Vec<Block>,
    /// Synset name (upper case, no `&`) → member phrases.
    pub synsets: HashMap<String, Vec<Vec<String>>>,
    /// Verb word form → the verbs it can be.
    pub forms: HashMap<String, Vec<VerbForm>>,
}

/// Parses a code such as `064`, `174K`, `042:043`, `:173` or `---`.
pub fn parse_event_code(s: &str) -> Result<EventCode, String> {
    let side = |x: &str| -> Result<Option<String>, String> {
        let x = x.trim();
        if x.is_empty() || x == "---" {
            return Ok(None);
        }
        let digits = x.bytes().take_while(u8::is_ascii_digit).count();
        let rest = &x[digits..];
        if (2..=4).contains(&digits)
            && rest.len() <= 1
            && rest.bytes().all(|b| b.is_ascii_alphabetic())
        {
            Ok(Some(x.to_string()))
        } else {
            Err(format!("bad event code [{s}]"))
        }
    };
    match s.split_once(':') {
        Some((a, b)) => Ok(EventCode {
            forward: side(a)?,
            reverse: side(b)?,
        }),
        None => Ok(EventCode {
            forward: side(s)?,
            reverse: None,
        }),
    }
}

/// Regular forms of an upper-case verb: base, -S, -ED, -ING (and doubled-
/// consonant variants such as STOPPED, SPURRING).
pub fn inflections(v: &str) -> Vec<(String, FormKind)> {
    let mut out = vec![(v.to_string(), FormKind::Base)];
    let b = v.as_bytes();
    let n = b.len();
    if n < 2 || !b.iter().all(u8::is_ascii_alphabetic) {
        return out;
    }
    let vowel = |c: u8| b"AEIOU".contains(&c);
    let (last, prev) = (b[n - 1], b[n - 2]);
    let stem1 = &v[..n - 1];
    let third = if v.ends_with('S')
        || v.ends_with('X')
        || v.ends_with('Z')
        || v.ends_with("CH")
        || v.ends_with("SH")
        || v.ends_with('O')
    {
        format!("{v}ES")
    } else if last == b'Y' && !vowel(prev) {
        format!("{stem1}IES")
    } else {
        format!("{v}S")
    };
    out.push((third, FormKind::Third));
    let past = if last == b'E' {
        format!("{v}D")
    } else if last == b'Y' && !vowel(prev) {
        format!("{stem1}IED")
    } else {
        format!("{v}ED")
    };
    out.push((past, FormKind::Past));
    let ing = if v.ends_with("IE") {
        format!("{}YING", &v[..n - 2])
    } else if last == b'E' && prev != b'E' {
        format!("{stem1}ING")
    } else {
        format!("{v}ING")
    };
    out.push((ing, FormKind::Ing));
    if n >= 3 && !vowel(last) && vowel(prev) && !vowel(b[n - 3]) && !b"WXY".contains(&last) {
        let c = last as char;
        out.push((format!("{v}{c}ED"), FormKind::Past));
        out.push((format!("{v}{c}ING"), FormKind::Ing));
    }
    out
}

/// Splits a verb phrase (`KLM_NOP_+RST`, `+BREAK_DOWN`, `LASH OUT`) into
/// (words before, verb, words after).
fn split_verb_phrase(phrase: &str) -> Option<(Vec<String>, String, Vec<String>)> {
    let raw: Vec<&str> = phrase
        .split(|c: char| c == '_' || c.is_whitespace())
        .filter(|w| !w.is_empty())
        .collect();
    if raw.is_empty() {
        return None;
    }
    let vi = raw.iter().position(|w| w.starts_with('+')).unwrap_or(0);
    let words: Vec<String> = raw
        .iter()
        .map(|w| w.trim_start_matches('+').to_uppercase())
        .collect();
    if words[vi].is_empty() {
        return None;
    }
    Some((
        words[..vi].to_vec(),
        words[vi].clone(),
        words[vi + 1..].to_vec(),
    ))
}

/// Parses the element part of a pattern line (between `-` and `[`).
pub fn parse_pattern(body: &str) -> Result<(Vec<Elem>, Vec<bool>), String> {
    // `{A B}` groups adjacent words; `( )` only groups.
    let mut norm = String::with_capacity(body.len());
    let mut in_brace = false;
    let chars: Vec<char> = body.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        match c {
            '{' => in_brace = true,
            '}' => in_brace = false,
            '(' | ')' => norm.push(' '),
            // `*` is an element of its own even when glued to a word ("*SCEPTICAL").
            '*' => {
                let glued = |x: Option<&char>| x.is_some_and(|x| !(x.is_whitespace() || *x == '_'));
                if glued(i.checked_sub(1).and_then(|p| chars.get(p))) {
                    norm.push(' ');
                }
                norm.push('*');
                if glued(chars.get(i + 1)) {
                    norm.push(' ');
                }
            }
            c if c.is_whitespace() && in_brace => norm.push('_'),
            c => norm.push(c),
        }
    }
    let mut elems = Vec::new();
    let mut closed = Vec::new();
    let mut cur = String::new();
    let mut sep_closed: Option<bool> = None;
    let flush = |cur: &mut String,
                 elems: &mut Vec<Elem>,
                 closed: &mut Vec<bool>,
                 sep: &mut Option<bool>| {
        if cur.is_empty() {
            return;
        }
        if !elems.is_empty() {
            closed.push(sep.unwrap_or(false));
        }
        *sep = None;
        let w = std::mem::take(cur);
        elems.push(match w.as_str() {
            "*" => Elem::Verb,
            "$" => Elem::Actor(Role::Source),
            "+" => Elem::Actor(Role::Target),
            "%" => Elem::Actor(Role::Compound),
            "^" => Elem::Actor(Role::Skip),
            _ => match w.strip_prefix('&') {
                Some(name) => Elem::Synset(name.to_uppercase()),
                None => Elem::Word(w.to_uppercase()),
            },
        });
    };
    for c in norm.chars() {
        if c == '_' || c.is_whitespace() {
            flush(&mut cur, &mut elems, &mut closed, &mut sep_closed);
            if !elems.is_empty() {
                let this = c == '_';
                sep_closed = Some(sep_closed.map_or(this, |s| s && this));
            }
        } else {
            cur.push(c);
        }
    }
    flush(&mut cur, &mut elems, &mut closed, &mut sep_closed);
    match elems.iter().filter(|e| **e == Elem::Verb).count() {
        1 => Ok((elems, closed)),
        0 => Err("pattern without *".into()),
        _ => Err("pattern with more than one *".into()),
    }
}

impl VerbDict {
    /// Reads one verb file (either format) into the dictionary.
    pub fn read(&mut self, text: &str, diags: &mut Diagnostics<'_>) {
        let mut synset: Option<String> = None;
        let mut block: Option<usize> = None;
        let first_new_block = self.blocks.len();
        for (no, line) in lines(text) {
            let t = line.trim();
            if let Some(rest) = t.strip_prefix("---") {
                synset = None;
                let rest = rest.trim_end_matches('-').trim();
                let (name, parts) = match brackets(rest) {
                    Ok(x) => x,
                    Err(e) => {
                        diags.push(no, e);
                        (rest, Vec::new())
                    }
                };
                let default = match parts.first().map(|c| parse_event_code(c)) {
                    Some(Ok(c)) => c,
                    Some(Err(e)) => {
                        diags.push(no, e);
                        EventCode::default()
                    }
                    None => {
                        diags.push(no, "verb block without a code");
                        EventCode::default()
                    }
                };
                self.blocks.push(Block {
                    name: name.trim().to_string(),
                    default,
                    patterns: Vec::new(),
                });
                block = Some(self.blocks.len() - 1);
            } else if let Some(name) = t.strip_prefix('&') {
                let name = name
                    .split_whitespace()
                    .next()
                    .unwrap_or("")
                    .trim_end_matches('_')
                    .to_uppercase();
                if name.is_empty() {
                    diags.push(no, "synset without a name");
                    continue;
                }
                self.synsets.entry(name.clone()).or_default();
                synset = Some(name);
            } else if let (Some(member), Some(name)) = (t.strip_prefix('+'), &synset) {
                let words = phrase_words(member);
                if words.is_empty() {
                    diags.push(no, "empty synset member");
                } else if let Some(s) = self.synsets.get_mut(name) {
                    s.push(words);
                }
            } else if let Some(body) = t.strip_prefix('-') {
                synset = None;
                let Some(b) = block else {
                    diags.push(no, "pattern outside a verb block");
                    continue;
                };
                let (head, parts) = match brackets(body) {
                    Ok(x) => x,
                    Err(e) => {
                        diags.push(no, e);
                        continue;
                    }
                };
                let Some(code) = parts.first() else {
                    diags.push(no, "pattern without a code");
                    continue;
                };
                let code = match parse_event_code(code) {
                    Ok(c) => c,
                    Err(e) => {
                        diags.push(no, e);
                        continue;
                    }
                };
                match parse_pattern(head) {
                    Ok((elems, closed)) => self.blocks[b].patterns.push(Pattern {
                        elems,
                        closed,
                        code,
                        line: no,
                    }),
                    Err(e) => diags.push(no, e),
                }
            } else {
                synset = None;
                let Some(b) = block else {
                    diags.push(no, "verb outside a verb block");
                    continue;
                };
                self.read_verb_line(t, b, no, diags);
            }
        }
        for b in &mut self.blocks[first_new_block..] {
            b.patterns.sort_by_key(|p| std::cmp::Reverse(p.elems.len()));
        }
    }

    fn read_verb_line(&mut self, t: &str, block: usize, no: usize, diags: &mut Diagnostics<'_>) {
        let (head, parts) = match brackets(t) {
            Ok(x) => x,
            Err(e) => {
                diags.push(no, e);
                return;
            }
        };
        let code = match parts.first().map(|c| parse_event_code(c)) {
            None => None,
            Some(Ok(c)) => Some(c),
            Some(Err(e)) => {
                diags.push(no, e);
                return;
            }
        };
        let (phrase, forms) = match head.find('{') {
            Some(p) => {
                let Some(close) = head[p..].find('}') else {
                    diags.push(no, "unclosed brace");
                    return;
                };
                (&head[..p], Some(&head[p + 1..p + close]))
            }
            None => (head, None),
        };
        let Some((before, verb, after)) = split_verb_phrase(phrase) else {
            diags.push(no, "empty verb");
            return;
        };
        let mut add = |word: String, before: &[String], after: &[String], kind: FormKind| {
            self.forms.entry(word).or_default().push(VerbForm {
                before: before.to_vec(),
                after: after.to_vec(),
                block: block as u32,
                code: code.clone(),
                kind,
            });
        };
        let generated = match forms {
            Some(list) if list.trim().is_empty() => vec![(verb.clone(), FormKind::Base)],
            _ => inflections(&verb),
        };
        let listed: Vec<String> = forms
            .unwrap_or("")
            .split_whitespace()
            .filter_map(split_verb_phrase)
            .map(|(_, v, _)| v)
            .collect();
        let derived: Vec<&str> = match forms {
            Some(list) if list.trim().is_empty() => Vec::new(),
            _ => irregular_forms(&verb),
        };
        let mut derived: Vec<&str> = derived
            .into_iter()
            .filter(|w| !listed.iter().any(|l| l == w))
            .collect();
        derived.dedup();
        for (w, kind) in generated {
            add(w, &before, &after, kind);
        }
        for w in derived {
            add(w.to_string(), &before, &after, FormKind::Derived);
        }
        for f in forms.unwrap_or("").split_whitespace() {
            match split_verb_phrase(f) {
                Some((b, v, a)) => add(v, &b, &a, FormKind::Irregular),
                None => diags.push(no, format!("bad verb form {f:?}")),
            }
        }
    }

    /// Members of a synset (nested sets are expanded up to a small depth).
    pub fn synset_members(&self, name: &str) -> Vec<&[String]> {
        let mut out = Vec::new();
        self.collect_members(name, 0, &mut out);
        out
    }

    fn collect_members<'a>(&'a self, name: &str, depth: usize, out: &mut Vec<&'a [String]>) {
        if depth > 8 {
            return;
        }
        for m in self.synsets.get(name).map(Vec::as_slice).unwrap_or(&[]) {
            match m.as_slice() {
                [one] if one.starts_with('&') => self.collect_members(
                    one.trim_start_matches('&').trim_end_matches('_'),
                    depth + 1,
                    out,
                ),
                _ => out.push(m),
            }
        }
    }

    /// Number of patterns in all blocks.
    pub fn pattern_count(&self) -> usize {
        self.blocks.iter().map(|b| b.patterns.len()).sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn read(text: &str) -> (VerbDict, Vec<super::super::dictfile::Diagnostic>) {
        let mut list = Vec::new();
        let mut d = VerbDict::default();
        d.read(text, &mut Diagnostics::new(Path::new("v"), &mut list));
        (d, list)
    }

    #[test]
    fn codes() {
        type Case<'a> = (&'a str, Option<(Option<&'a str>, Option<&'a str>)>);
        let cases: &[Case] = &[
            ("064", Some((Some("064"), None))),
            ("042:043", Some((Some("042"), Some("043")))),
            (":173", Some((None, Some("173")))),
            ("---", Some((None, None))),
            ("174K", Some((Some("174K"), None))),
            ("025?", None),
            ("+++", None),
            ("abc", None),
        ];
        for (s, want) in cases {
            let got = parse_event_code(s).ok().map(|c| (c.forward, c.reverse));
            let want = want.map(|(a, b)| (a.map(String::from), b.map(String::from)));
            assert_eq!(got, want, "{s}");
        }
    }

    #[test]
    fn forms() {
        let cases: &[(&str, &[&str])] = &[
            ("DEPLORE", &["DEPLORE", "DEPLORES", "DEPLORED", "DEPLORING"]),
            ("DENY", &["DENY", "DENIES", "DENIED", "DENYING"]),
            (
                "STOP",
                &["STOP", "STOPS", "STOPED", "STOPING", "STOPPED", "STOPPING"],
            ),
            ("CLASH", &["CLASH", "CLASHES", "CLASHED", "CLASHING"]),
            ("FREE", &["FREE", "FREES", "FREED", "FREEING"]),
        ];
        for (v, want) in cases {
            let got: Vec<String> = inflections(v).into_iter().map(|(w, _)| w).collect();
            assert_eq!(got, *want);
        }
    }

    #[test]
    fn irregular_table() {
        assert_eq!(irregular_forms("WITHDRAW"), vec!["WITHDREW", "WITHDRAWN"]);
        assert_eq!(irregular_forms("MEET"), vec!["MET", "MET"]);
        assert!(irregular_forms("CONDEMN").is_empty());
    }

    #[test]
    fn patterns() {
        let (elems, closed) = parse_pattern(" + KNOWN_ * IN_ $ ").unwrap();
        assert_eq!(
            elems,
            vec![
                Elem::Actor(Role::Target),
                Elem::Word("KNOWN".into()),
                Elem::Verb,
                Elem::Word("IN".into()),
                Elem::Actor(Role::Source)
            ]
        );
        assert_eq!(closed, vec![false, false, false, false]);
        let (elems, closed) = parse_pattern("MOST_CERTAINLY_&NEG_EVER * OVER").unwrap();
        assert_eq!(elems[2], Elem::Synset("NEG".into()));
        assert_eq!(closed, vec![true, true, true, false, false]);
        let (elems, closed) = parse_pattern("* (TO {BANNED PARTIES}) $").unwrap();
        assert_eq!(elems.len(), 5);
        assert_eq!(closed, vec![false, false, true, false]);
        assert!(parse_pattern("NO VERB").is_err());
        assert_eq!(parse_pattern("*SCEPTICAL").unwrap().0.len(), 2);
        assert_eq!(parse_pattern("FAILED_TO_*").unwrap().1, vec![true, true]);
        assert!(parse_pattern("* A *").is_err());
    }

    #[test]
    fn reads_both_formats() {
        let text = "&CUR_\n+SWISS FRANCS\n+&OTHER\n&OTHER\n+YEN\n\
            --- BREAK [1717] ---\nBREAK {BROKE BROKEN}\n+BREAK_DOWN {+BROKE_DOWN}\nSNAP [014]\n\
            - * TREATY [161]\n- + KNOWN_ * IN_ $ [076]\n- * &CUR [025?]\n\
            ---  ASK   [---]  ---\n+ASK_FOR {} [020]\n- * (FOR HELP) [020] # ASK\n";
        let (d, diags) = read(text);
        assert_eq!(diags.len(), 1, "{diags:?}");
        assert_eq!(d.blocks.len(), 2);
        assert_eq!(d.blocks[0].patterns[0].line, 11);
        assert_eq!(d.pattern_count(), 3);
        assert_eq!(d.synset_members("CUR").len(), 2);
        let broke: Vec<_> = d.forms["BROKE"].iter().map(|f| f.after.clone()).collect();
        assert_eq!(broke, vec![Vec::<String>::new(), vec!["DOWN".to_string()]]);
        assert_eq!(
            d.forms["SNAPPED"][0]
                .code
                .as_ref()
                .and_then(|c| c.forward.clone()),
            Some("014".into())
        );
        assert!(d.forms.contains_key("ASK"));
        assert!(!d.forms.contains_key("ASKED"));
    }
}
