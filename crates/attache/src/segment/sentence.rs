//! The sentence splitter: decides, over the tokens of one paragraph, where
//! sentences end.

use super::token::{abbrev_class, Abbrev, RawToken};
use crate::doc::TokenKind;

/// Words that typically open a sentence. After an abbreviation that may end a
/// sentence ("Inc.", "U.S.", "Jan.", an initial), a sentence break is made only
/// when one of these follows.
fn is_sentence_opener(w: &str) -> bool {
    matches!(
        w,
        "The"
            | "A"
            | "An"
            | "He"
            | "She"
            | "It"
            | "They"
            | "We"
            | "I"
            | "You"
            | "This"
            | "That"
            | "These"
            | "Those"
            | "There"
            | "Here"
            | "His"
            | "Her"
            | "Its"
            | "Their"
            | "Our"
            | "My"
            | "In"
            | "On"
            | "At"
            | "But"
            | "And"
            | "Or"
            | "So"
            | "Yet"
            | "If"
            | "When"
            | "While"
            | "After"
            | "Before"
            | "Since"
            | "As"
            | "However"
            | "Meanwhile"
            | "Also"
            | "Still"
            | "Then"
            | "Now"
            | "Earlier"
            | "Later"
            | "Last"
            | "According"
            | "Some"
            | "Many"
            | "Most"
            | "Both"
            | "Each"
            | "Another"
            | "Not"
            | "What"
            | "Why"
            | "How"
            | "Who"
            | "Where"
            | "Under"
            | "During"
            | "Despite"
            | "Although"
            | "Though"
            | "For"
            | "From"
            | "With"
            | "Without"
            | "Nor"
            | "Such"
            | "Once"
            | "Only"
            | "Even"
            | "Yes"
            | "Officials"
            | "Asked"
            | "Speaking"
    )
}

/// Speech verbs that follow a quotation and its speaker ("…!” Smith said.").
fn is_speech_verb(w: &str) -> bool {
    matches!(
        w,
        "said"
            | "says"
            | "asked"
            | "asks"
            | "added"
            | "adds"
            | "told"
            | "tells"
            | "replied"
            | "wrote"
            | "writes"
            | "stated"
            | "insisted"
            | "warned"
            | "declared"
            | "explained"
            | "noted"
            | "continued"
            | "shouted"
            | "exclaimed"
            | "quipped"
            | "argued"
            | "concluded"
    )
}

/// Which quotation marks are open in the paragraph so far.
#[derive(Default)]
struct QuoteState {
    double: bool,
    single: bool,
    guillemet: u8,
}

/// Whether a quotation mark token opens or closes a quotation (or is an apostrophe).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum QuoteRole {
    Open,
    Close,
    Apostrophe,
}

impl QuoteState {
    /// Classifies the quote token `q` (with `before`/`after` the chars around
    /// it) and updates the state.
    fn step(&mut self, q: char, before: Option<char>, after: Option<char>) -> QuoteRole {
        let space_before =
            before.is_none_or(|c| c.is_whitespace() || matches!(c, '(' | '[' | '—' | '–'));
        let space_after = after.is_none_or(|c| c.is_whitespace() || is_closing_punct(c));
        match q {
            '“' | '„' | '‟' => {
                self.double = true;
                QuoteRole::Open
            }
            '”' => {
                if space_before && !space_after && !self.double {
                    // A right quote used as an opener (some typesetting).
                    self.double = true;
                    return QuoteRole::Open;
                }
                self.double = false;
                QuoteRole::Close
            }
            '"' | '`' => {
                let open = if space_before != space_after {
                    space_before
                } else {
                    !self.double
                };
                self.double = open;
                if open {
                    QuoteRole::Open
                } else {
                    QuoteRole::Close
                }
            }
            '‘' | '‚' | '‛' => {
                self.single = true;
                QuoteRole::Open
            }
            '\'' | '’' => {
                let inner = before.is_some_and(char::is_alphanumeric)
                    && after.is_some_and(char::is_alphanumeric);
                if inner {
                    QuoteRole::Apostrophe
                } else if space_before && !space_after {
                    self.single = true;
                    QuoteRole::Open
                } else if self.single {
                    self.single = false;
                    QuoteRole::Close
                } else {
                    // "the diplomats' families": a plural possessive.
                    QuoteRole::Apostrophe
                }
            }
            '«' | '‹' => {
                self.guillemet = self.guillemet.saturating_add(1);
                QuoteRole::Open
            }
            '»' | '›' => {
                if self.guillemet == 0 && space_before && !space_after {
                    return QuoteRole::Open;
                }
                self.guillemet = self.guillemet.saturating_sub(1);
                QuoteRole::Close
            }
            _ => QuoteRole::Apostrophe,
        }
    }
}

fn is_closing_punct(c: char) -> bool {
    matches!(
        c,
        '.' | ',' | ';' | ':' | '!' | '?' | ')' | ']' | '…' | '—' | '–' | '-'
    )
}

fn is_terminal_punct(s: &str) -> bool {
    s.starts_with(['.', '?', '!', '…', '。', '！', '？'])
}

fn first_char(s: &str) -> Option<char> {
    s.chars().next()
}

/// Splits the tokens of one paragraph into sentences; returns half-open
/// ranges of token indices (relative to `toks`). `text` is the whole document
/// text the token spans point into.
pub(crate) fn split(text: &str, toks: &[RawToken]) -> Vec<(usize, usize)> {
    let n = toks.len();
    let mut out = Vec::new();
    if n == 0 {
        return out;
    }
    // Role of every quote token (open/close/apostrophe); the state resets with
    // each paragraph, so a quotation left open at a paragraph's end (a
    // multi-paragraph quotation) does not leak into the next.
    let mut state = QuoteState::default();
    let roles: Vec<QuoteRole> = toks
        .iter()
        .map(|t| {
            if t.kind != TokenKind::Quote {
                return QuoteRole::Apostrophe;
            }
            let q = first_char(&text[t.span.start..t.span.end]).unwrap_or('"');
            let before = text[..t.span.start].chars().next_back();
            let after = text[t.span.end..].chars().next();
            state.step(q, before, after)
        })
        .collect();

    let tok = |i: usize| &text[toks[i].span.start..toks[i].span.end];
    let mut start = 0;
    let mut has_content = false;
    let mut only_number = true;
    let mut i = 0;
    while i < n {
        let t = toks[i];
        let s = tok(i);
        let terminal_word = t.kind == TokenKind::Word && s.len() > 1 && s.ends_with('.');
        let terminal = (t.kind == TokenKind::Punct && is_terminal_punct(s)) || terminal_word;
        if matches!(t.kind, TokenKind::Word | TokenKind::Number) {
            has_content = true;
            if t.kind == TokenKind::Word {
                only_number = false;
            }
        }
        // "1." opening a numbered item stays with what follows.
        if !terminal || !has_content || (only_number && !terminal_word) {
            i += 1;
            continue;
        }
        // Absorb what closes with the sentence: more terminal punctuation,
        // closing quotation marks and brackets written right after it.
        let mut j = i + 1;
        let mut closed_quote = false;
        while j < n && toks[j].span.start == toks[j - 1].span.end {
            let sj = tok(j);
            let closes = match toks[j].kind {
                TokenKind::Quote => roles[j] == QuoteRole::Close,
                TokenKind::Punct => matches!(sj, ")" | "]" | "}" | "）") || is_terminal_punct(sj),
                _ => false,
            };
            if !closes {
                break;
            }
            closed_quote |= toks[j].kind == TokenKind::Quote;
            j += 1;
        }
        if j >= n {
            break;
        }
        if ends_sentence(text, toks, &roles, i, j, closed_quote) {
            out.push((start, j));
            start = j;
            has_content = false;
            only_number = true;
        }
        i = j;
    }
    if start < n {
        out.push((start, n));
    }
    out
}

/// Decides whether a sentence ends after token `j - 1`, the terminal being
/// token `i` (tokens `i+1..j` are closers absorbed after it).
fn ends_sentence(
    text: &str,
    toks: &[RawToken],
    roles: &[QuoteRole],
    i: usize,
    j: usize,
    closed_quote: bool,
) -> bool {
    let tok = |k: usize| &text[toks[k].span.start..toks[k].span.end];
    let next = toks[j];
    // The next word, past opening quotes and brackets.
    let mut k = j;
    while k < toks.len()
        && (toks[k].kind == TokenKind::Quote && roles[k] == QuoteRole::Open
            || matches!(tok(k), "(" | "["))
    {
        k += 1;
    }
    let opener_first = k > j;
    let Some(word_idx) = (k < toks.len()).then_some(k) else {
        return true;
    };
    let w = tok(word_idx);
    let wc = first_char(w).unwrap_or(' ');
    match next.kind {
        // "U.S., Russia", "Inc.)": punctuation goes on with the sentence,
        // except an opening bracket or a dash-led new item.
        TokenKind::Punct if !opener_first => return false,
        TokenKind::Quote if roles[j] != QuoteRole::Open => return false,
        _ => {}
    }
    if wc.is_lowercase() {
        return false;
    }
    let s = tok(i);
    if toks[i].kind == TokenKind::Word {
        // An abbreviation, an initial or a letter chain with its period.
        let bare = &s[..s.len() - 1];
        let class = if bare.contains('.') || bare.chars().count() == 1 {
            if matches!(bare, "e.g" | "i.e" | "v") {
                Abbrev::Never
            } else {
                Abbrev::Starter
            }
        } else {
            abbrev_class(bare).unwrap_or(Abbrev::Starter)
        };
        return match class {
            Abbrev::Never => false,
            Abbrev::Starter => (opener_first && wc.is_uppercase()) || is_sentence_opener(w),
        };
    }
    // "p. 5", "art. 51", "ch. 3": a short lower-case abbreviation before a number.
    if s == "." && next.kind == TokenKind::Number && i > 0 {
        let prev = toks[i - 1];
        let pw = tok(i - 1);
        if prev.kind == TokenKind::Word
            && prev.span.end == toks[i].span.start
            && pw.len() <= 4
            && pw.starts_with(|c: char| c.is_lowercase())
        {
            return false;
        }
    }
    // "…!” Smith said." / "…?” the minister asked.": the speaker follows.
    if closed_quote && speech_follows(text, toks, word_idx, s == ".") {
        return false;
    }
    true
}

/// True when one to three capitalised words and then a speech verb start at
/// `k`. After a period (`“…line.” Smith said.`, non-standard punctuation) the
/// attribution must end right after the verb, so that `“…” Russia said on
/// Monday it would …` still starts a new sentence.
fn speech_follows(text: &str, toks: &[RawToken], k: usize, after_period: bool) -> bool {
    for (names, (i, t)) in toks.iter().enumerate().skip(k).take(4).enumerate() {
        let w = &text[t.span.start..t.span.end];
        if t.kind != TokenKind::Word {
            return false;
        }
        if names > 0 && is_speech_verb(w) {
            if !after_period {
                return true;
            }
            return toks
                .get(i + 1)
                .is_none_or(|n| matches!(&text[n.span.start..n.span.end], "." | ","));
        }
        if !first_char(w).is_some_and(char::is_uppercase) || is_sentence_opener(w) {
            return false;
        }
    }
    false
}
