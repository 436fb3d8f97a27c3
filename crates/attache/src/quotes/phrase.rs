//! Noun phrases around a speech verb: the subject before it ("Oana Lungescu, a
//! NATO spokeswoman, said"), the inverted subject after it ("said the NATO press
//! office"), and the word classes the attribution rules need.

use super::scan::{lower, Tok, TokKind};
use super::words::class::{
    AFTER_STOP, CLAUSE_WORDS, COORDINATORS, LY_NOT_ADVERBS, PREVERB, SEGMENT_OPENERS,
};

/// True when `lower` may follow an inverted subject ("said Lavrov *on* Monday"):
/// the subject ends before it.
pub(crate) fn ends_inverted_subject(lower: &str) -> bool {
    is_in(AFTER_STOP, lower)
}

/// True when `lower` ends a speaker phrase being read after the verb: the words
/// that may follow an inverted subject, plus the conjunctions and particles
/// that start the reported content ("and", "that", "to", "ahead").
fn ends_speaker_phrase(lower: &str) -> bool {
    ends_inverted_subject(lower) || matches!(lower, "ahead" | "and" | "that" | "to")
}

/// True when the word (lower-cased by the caller, the classes are lower-case)
/// is in a class of `class` (`quotes/words.rs`, `data/quote_words.txt`).
pub fn is_in(class: u64, word: &str) -> bool {
    super::words::words().is(word, class)
}

/// An -ly adverb ("firmly", "repeatedly"), as written (a capitalised word never is one).
pub fn is_ly_adverb(word: &str) -> bool {
    word.len() > 4
        && word.ends_with("ly")
        && word.chars().all(|c| c.is_ascii_lowercase())
        && !is_in(LY_NOT_ADVERBS, word)
}

/// True when a word starts with a capital letter.
pub fn is_capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// Index of the first token of the words before `v` that are auxiliaries,
/// adverbs or "to" (walking back from the verb).
pub fn skip_preverb(text: &str, toks: &[Tok], lo: usize, v: usize) -> usize {
    let mut j = v;
    while j > lo && toks[j - 1].is_word() {
        let lw = lower(toks[j - 1].text(text));
        if is_in(PREVERB, &lw) || is_ly_adverb(toks[j - 1].text(text)) {
            j -= 1;
        } else {
            break;
        }
    }
    j
}

/// The subject noun phrase of the verb at `v`, looking back no further than `lo`:
/// a token range `[a, b)`. Handles an appositive between subject and verb.
pub fn subject_before(text: &str, toks: &[Tok], lo: usize, v: usize) -> Option<(usize, usize)> {
    let j = skip_preverb(text, toks, lo, v);
    if j <= lo {
        return None;
    }
    if toks[j - 1].is_punct(',') {
        // NP , APPOSITIVE , verb: the subject is the first segment that is not an adverbial
        let mut segs: Vec<(usize, usize)> = Vec::new();
        // a quotation or ", while/but/and ..." starts a new clause: look only after it
        let mut start = lo;
        for k in lo..j - 1 {
            let t = toks[k];
            if matches!(t.kind, TokKind::Mark(_)) || t.is_punct(';') {
                start = k + 1;
            } else if t.is_punct(',') && is_in(COORDINATORS, &lower_at(text, toks, k + 1)) {
                start = k + 2;
            }
        }
        let lo = start;
        let mut s = lo;
        for (k, t) in toks.iter().enumerate().take(j - 1).skip(lo) {
            if t.is_punct(',') || matches!(t.kind, TokKind::Mark(_)) {
                if k > s {
                    segs.push((s, k));
                }
                s = k + 1;
            }
        }
        if j - 1 > s {
            segs.push((s, j - 1));
        }
        let first = segs.iter().copied().find(|&(a, b)| {
            let w = lower(toks[a].text(text));
            let words_ok = toks[a..b].iter().all(Tok::is_word) || b - a > 1;
            !is_in(SEGMENT_OPENERS, &w) && !is_in(CLAUSE_WORDS, &w) && words_ok && toks[a].is_word()
        });
        // "A ministry spokesman, Carlos Trentino, said": the name, not the description
        if let Some((a, b)) = first {
            // the description's own words (before "for"/"of"/"at") are lower case
            let own_end = (a + 1..b)
                .find(|&k| {
                    matches!(
                        lower_at(text, toks, k).as_str(),
                        "for" | "of" | "at" | "to" | "in"
                    )
                })
                .unwrap_or(b);
            let described = toks[a + 1..own_end]
                .iter()
                .all(|t| t.is_word() && !is_capitalised(t.text(text)) || t.is_punct('-'));
            let next = segs.iter().copied().find(|&(na, _)| na > b);
            if let Some((na, nb)) = next {
                let named = nb - na <= 4
                    && toks[na..nb]
                        .iter()
                        .all(|t| t.is_word() && is_capitalised(t.text(text)));
                if described && named && b - a >= 2 {
                    return Some((na, nb));
                }
            }
        }
        return first
            .map(|(a, b)| trim_np(text, toks, a, b))
            .filter(|(a, b)| b > a);
    }
    let mut i = j;
    while i > lo {
        let t = toks[i - 1];
        if !t.is_word() {
            if t.is_punct('\'') || t.is_punct('-') || t.is_punct('.') || t.is_punct('&') {
                i -= 1;
                continue;
            }
            break;
        }
        let lw = lower(t.text(text));
        if is_in(CLAUSE_WORDS, &lw) {
            break;
        }
        if lw == "and" && i >= 2 && toks[i - 2].is_punct(',') {
            break;
        }
        i -= 1;
    }
    // "X, who said": the relative pronoun stands for X
    if i + 1 == j
        && i > lo
        && toks[i - 1].is_punct(',')
        && matches!(lower_at(text, toks, i).as_str(), "who" | "which")
    {
        return subject_before(text, toks, lo, i - 1);
    }
    let (mut a, b) = trim_np(text, toks, i, j);
    while a < b && matches!(lower_at(text, toks, a).as_str(), "and" | "but" | "or") {
        a += 1;
    }
    (b > a).then_some((a, b))
}

/// Drops a leading participle ("prompting Russia") and keeps at most the last
/// twelve tokens.
fn trim_np(text: &str, toks: &[Tok], mut a: usize, b: usize) -> (usize, usize) {
    while a + 1 < b && toks[a].is_word() {
        let lw = lower(toks[a].text(text));
        if (lw.ends_with("ing") && !is_capitalised(toks[a].text(text)))
            || is_in(SEGMENT_OPENERS, &lw)
                && b - a > 1
                && toks[a + 1].is_word()
                && !is_capitalised(toks[a].text(text))
                && lw != "for"
        {
            a += 1;
        } else {
            break;
        }
    }
    if b > a + 12 {
        a = b - 12;
    }
    (a, b)
}

/// The inverted subject after a verb at `v` ("said the NATO press office, ..."):
/// a token range `[a, b)`, ending at punctuation, a mark or an adverbial.
pub fn np_after(text: &str, toks: &[Tok], v: usize, hi: usize) -> Option<(usize, usize)> {
    let a = v + 1;
    let mut b = a;
    while b < hi {
        let t = toks[b];
        if !t.is_word() {
            if t.is_punct('\'')
                || t.is_punct('-')
                || t.is_punct('&')
                || (t.is_punct('.')
                    && b > a
                    && toks[b - 1].end == t.start
                    && super::scan::is_abbreviation(toks[b - 1].text(text))
                    && b + 1 < hi
                    && toks[b + 1].is_word())
            {
                b += 1;
                continue;
            }
            break;
        }
        let lw = lower(t.text(text));
        if b > a && ends_speaker_phrase(&lw) {
            break;
        }
        b += 1;
        if b - a > 10 {
            break;
        }
    }
    (b > a).then_some((a, b))
}

/// The lower-case word at token `i`, or "" when there is none.
pub fn lower_at(text: &str, toks: &[Tok], i: usize) -> String {
    match toks.get(i) {
        Some(t) if t.is_word() => lower(t.text(text)),
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::super::scan::tokenize;
    use super::*;

    fn np(s: &str, verb: &str, after: bool) -> String {
        let toks = tokenize(s, 0, s.len());
        let v = toks
            .iter()
            .position(|t| t.text(s) == verb)
            .expect("verb present");
        let r = if after {
            np_after(s, &toks, v, toks.len())
        } else {
            subject_before(s, &toks, 0, v)
        };
        match r {
            Some((a, b)) => s[toks[a].start..toks[b - 1].end].to_string(),
            None => String::new(),
        }
    }

    #[test]
    fn subjects() {
        let cases: &[(&str, &str, &str)] = &[
            ("Lavrov said Russia will act.", "said", "Lavrov"),
            (
                "Russian Foreign Minister Sergey Lavrov said so.",
                "said",
                "Russian Foreign Minister Sergey Lavrov",
            ),
            (
                "Oana Lungescu, a NATO spokeswoman, said the talks failed.",
                "said",
                "Oana Lungescu",
            ),
            (
                "On Monday, the minister, who was in Paris, said it.",
                "said",
                "the minister",
            ),
            (
                "In case of need, Lavrov said NATO could call.",
                "said",
                "Lavrov",
            ),
            (
                "However, Russian state agency Tass reported late on Monday that it was.",
                "reported",
                "Russian state agency Tass",
            ),
            (
                "The minister has repeatedly said it.",
                "said",
                "The minister",
            ),
            (
                "Prague expelled them, prompting Russia to vow revenge.",
                "vow",
                "Russia",
            ),
            (
                "The deal is off, and the ministry said so.",
                "said",
                "the ministry",
            ),
            (
                "Ministers met, but the president later told reporters it failed.",
                "told",
                "the president",
            ),
            ("said it.", "said", ""),
        ];
        for (s, verb, want) in cases {
            assert_eq!(np(s, verb, false), *want, "{s}");
        }
    }

    #[test]
    fn inverted_subjects() {
        let cases: &[(&str, &str, &str)] = &[
            (
                "It will go, said Russian Foreign Minister Sergey Lavrov on Monday.",
                "said",
                "Russian Foreign Minister Sergey Lavrov",
            ),
            (
                "It will go, said the NATO press office.",
                "said",
                "the NATO press office",
            ),
            (
                "It will go, said Lungescu, a spokeswoman.",
                "said",
                "Lungescu",
            ),
            (
                "It will go, said a senior U.S. official in Washington.",
                "said",
                "a senior U.S. official",
            ),
            (
                "It will go, said the head of the agency.",
                "said",
                "the head of the agency",
            ),
        ];
        for (s, verb, want) in cases {
            assert_eq!(np(s, verb, true), *want, "{s}");
        }
    }
}
