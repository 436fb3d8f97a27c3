//! Lemmas by rule, in the teacher's scheme: a word's lemma from its form, its
//! fine tag and its UPOS, with no model.
//!
//! 1. A few closed-class words have fixed lemmas by tag: pronouns ("me" → "I",
//!    "them" → "they"), the forms of "be", "have" and "do" ("was" → "be"),
//!    "n't" → "not", "'d" (MD) → "would".
//! 2. Base forms are the lower-cased word: singular nouns (NN, NNP as a common
//!    noun), infinitives and present verbs (VB, VBP), positive adjectives (JJ).
//! 3. Inflected nouns, verbs and adjectives and every adverb go through the
//!    WordNet "morphy" scheme: suffix rules in a fixed order ("-ies" → "-y",
//!    "-ed" → "-e" or "", …) whose forms are kept if WordNet knows them as base
//!    forms (the last rule's first: "hoped" → "hop", as the teacher has it) or
//!    are not alphabetic, and WordNet's exception lists in front ("went" →
//!    "go", "children" → "child"); with no such form the first rule's form. The word
//!    lists are `data/lemma/wordnet.tsv`, generated from WordNet 3.0 by
//!    `tools/gen_lemma.py` (which explains why a 23,000-word list suffices).
//! 4. Proper nouns keep their form and case; curly quotes become straight
//!    ones; every other word is its lower-cased form.
//!
//! A [`Lemma`] is a rule over the token's own text (strip some bytes, append
//! a static string), so nothing is allocated per token once the word lists
//! are loaded (on first use, a few milliseconds).

use super::{Lemma, Tag, Upos};
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

const DATA: &str = include_str!("../../../../data/lemma/wordnet.tsv");

/// Parts of speech with rules: noun, verb, adjective, adverb.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Pos {
    N = 0,
    V = 1,
    A = 2,
    R = 3,
}

const NOUN_RULES: &[(&str, &str)] = &[
    ("s", ""),
    ("ses", "s"),
    ("ves", "f"),
    ("xes", "x"),
    ("zes", "z"),
    ("ches", "ch"),
    ("shes", "sh"),
    ("men", "man"),
    ("ies", "y"),
];
const VERB_RULES: &[(&str, &str)] = &[
    ("s", ""),
    ("ies", "y"),
    ("es", "e"),
    ("es", ""),
    ("ed", "e"),
    ("ed", ""),
    ("ing", "e"),
    ("ing", ""),
];
const ADJ_RULES: &[(&str, &str)] = &[("er", ""), ("est", ""), ("er", "e"), ("est", "e")];
const ADV_RULES: &[(&str, &str)] = &[("", "")];
const PUNCT_RULES: &[(&str, &str)] = &[("“", "\""), ("”", "\""), ("‘", "'"), ("’", "'")];

struct Tables {
    /// Known base forms that matter, by [`Pos`].
    index: [HashSet<&'static str>; 4],
    /// Exception lemmas (in list order), by [`Pos`].
    exc: [HashMap<&'static str, Vec<&'static str>>; 4],
}

fn tables() -> &'static Tables {
    static T: OnceLock<Tables> = OnceLock::new();
    T.get_or_init(|| {
        let mut t = Tables {
            index: Default::default(),
            exc: Default::default(),
        };
        for line in DATA.lines() {
            if line.starts_with('#') || line.is_empty() {
                continue;
            }
            let mut cols = line.split('\t');
            let pos = match cols.next() {
                Some("n") => Pos::N,
                Some("v") => Pos::V,
                Some("a") => Pos::A,
                Some("r") => Pos::R,
                _ => continue,
            } as usize;
            let Some(word) = cols.next() else { continue };
            match cols.next() {
                None => {
                    t.index[pos].insert(word);
                }
                Some(lemmas) => {
                    t.exc[pos].insert(word, lemmas.split(' ').collect());
                }
            }
        }
        t
    })
}

/// Loads the word lists now rather than on the first lemma.
pub fn warm_up() {
    tables();
}

/// The UPOS the teacher gives a fine tag by default (its tag map).
pub fn default_upos(tag: Tag) -> Upos {
    use Tag::*;
    match tag {
        Sp => Upos::Space,
        Period | Comma | Lrb | Rrb | OpenQuote | CloseQuote | Colon | Hyph | Nfp => Upos::Punct,
        Dollar | Sym => Upos::Sym,
        Afx | Jj | Jjr | Jjs => Upos::Adj,
        Cc => Upos::Cconj,
        Cd => Upos::Num,
        Dt | Pdt | Wdt | WpS => Upos::Det,
        Ex | Prp | PrpS | Wp => Upos::Pron,
        Fw | Ls | Add | Xx => Upos::X,
        In | Rp => Upos::Adp,
        Md => Upos::Aux,
        Nn | Nns => Upos::Noun,
        Nnp | Nnps => Upos::Propn,
        Pos | To => Upos::Part,
        Rb | Rbr | Rbs => Upos::Adv,
        Uh => Upos::Intj,
        Vb | Vbd | Vbg | Vbn | Vbp | Vbz => Upos::Verb,
        Wrb => Upos::Sconj,
    }
}

/// The lemma of a word with this fine tag, its UPOS taken to be the tag's
/// default ([`default_upos`]); see [`lemma_with_upos`].
pub fn lemma(word: &str, tag: Tag) -> Lemma {
    lemma_with_upos(word, tag, default_upos(tag))
}

const LOWER: Lemma = Lemma {
    strip: 0,
    append: "",
    keep_case: false,
};
const AS_IS: Lemma = Lemma {
    strip: 0,
    append: "",
    keep_case: true,
};

/// The lemma of a word with this fine tag and UPOS (the teacher's lemma
/// depends on both: "having" as AUX keeps its form, as VERB it is "have").
pub fn lemma_with_upos(word: &str, tag: Tag, upos: Upos) -> Lemma {
    if let Some(l) = fixed(word, tag) {
        return whole(word, l);
    }
    // Base forms by the tag's morphology.
    let base = match tag {
        Tag::Nn | Tag::Nnp => upos == Upos::Noun,
        Tag::Vbp => upos == Upos::Verb,
        Tag::Vb | Tag::Jj => true,
        _ => false,
    };
    if base {
        return LOWER;
    }
    let (rules, pos) = match upos {
        Upos::Noun => (NOUN_RULES, Some(Pos::N)),
        Upos::Verb => (VERB_RULES, Some(Pos::V)),
        Upos::Adj => (ADJ_RULES, Some(Pos::A)),
        Upos::Adv => (ADV_RULES, Some(Pos::R)),
        Upos::Punct => (PUNCT_RULES, None),
        Upos::Propn => return AS_IS,
        _ => return LOWER,
    };
    morphy(word, rules, pos)
}

/// The morphy scheme (module doc, step 3) over the lower-cased word.
fn morphy(word: &str, rules: &'static [(&'static str, &'static str)], pos: Option<Pos>) -> Lemma {
    let lower = lowercase(word);
    let lower: &str = &lower;
    let t = pos.map(|_| tables());
    let known = |form: &str| -> bool {
        match (t, pos) {
            (Some(t), Some(p)) => t.index[p as usize].contains(form),
            _ => false,
        }
    };
    // Candidate forms as (strip, append) over `lower`, in rule order.
    let mut forms: Vec<Lemma> = Vec::new();
    let mut oov: Option<Lemma> = None;
    let mut buf = String::new();
    for &(old, new) in rules {
        if !lower.ends_with(old) {
            continue;
        }
        let stem = &lower[..lower.len() - old.len()];
        if stem.is_empty() && new.is_empty() {
            continue;
        }
        buf.clear();
        buf.push_str(stem);
        buf.push_str(new);
        let cand = Lemma {
            strip: clamp_strip(old.len()),
            append: new,
            keep_case: false,
        };
        if known(&buf) {
            // Known forms go in front: the last rule's comes first.
            forms.retain(|f| !same(lower, f, &buf));
            forms.insert(0, cand);
        } else if !buf.chars().all(char::is_alphabetic) {
            if !forms.iter().any(|f| same(lower, f, &buf)) {
                forms.push(cand);
            }
        } else if oov.is_none() {
            oov = Some(cand);
        }
    }
    if let (Some(t), Some(p)) = (t, pos) {
        if let Some(lemmas) = t.exc[p as usize].get(lower) {
            for &l in lemmas {
                if !forms.iter().any(|f| same(lower, f, l)) {
                    forms.insert(0, relative(lower, l));
                }
            }
        }
    }
    match forms.first().copied().or(oov) {
        Some(l) if l.strip as usize <= lower.len() => l,
        Some(_) => LOWER,
        // No rule matched: the form itself, case kept.
        None => AS_IS,
    }
}

/// True when candidate `f` applied to `lower` gives `text`.
fn same(lower: &str, f: &Lemma, text: &str) -> bool {
    let cut = lower.len().saturating_sub(f.strip as usize);
    lower.is_char_boundary(cut)
        && text.len() == cut + f.append.len()
        && text.starts_with(&lower[..cut])
        && text.ends_with(f.append)
}

/// The rule turning `lower` into `lemma` (a static string).
fn relative(lower: &str, lemma: &'static str) -> Lemma {
    let mut prefix = lower
        .bytes()
        .zip(lemma.bytes())
        .take_while(|(a, b)| a == b)
        .count();
    while !lower.is_char_boundary(prefix) || !lemma.is_char_boundary(prefix) {
        prefix -= 1;
    }
    let strip = lower.len() - prefix;
    if strip > u8::MAX as usize {
        return whole(lower, lemma);
    }
    Lemma {
        strip: strip as u8,
        append: &lemma[prefix..],
        keep_case: false,
    }
}

/// The rule replacing the whole word by `lemma` (or the lower-cased word when
/// it is too long to strip).
fn whole(word: &str, lemma: &'static str) -> Lemma {
    let n = word.len();
    if n > u8::MAX as usize {
        return LOWER;
    }
    Lemma {
        strip: n as u8,
        append: lemma,
        keep_case: true,
    }
}

fn clamp_strip(n: usize) -> u8 {
    n.min(u8::MAX as usize) as u8
}

/// The word lower-cased the way [`Lemma::apply`] does it.
fn lowercase(word: &str) -> std::borrow::Cow<'_, str> {
    if word.chars().any(char::is_uppercase) {
        std::borrow::Cow::Owned(word.to_lowercase())
    } else {
        std::borrow::Cow::Borrowed(word)
    }
}

/// Lemmas fixed by tag and lower-cased word (step 1 of the module doc).
fn fixed(word: &str, tag: Tag) -> Option<&'static str> {
    if word.len() > 12 {
        return None;
    }
    let mut b = [0u8; 12];
    for (d, s) in b.iter_mut().zip(word.bytes()) {
        *d = s.to_ascii_lowercase();
    }
    let w = std::str::from_utf8(&b[..word.len()]).ok()?;
    use Tag::*;
    Some(match (tag, w) {
        (Md, "'d") => "would",
        (Prp, "i" | "me") => "I",
        (Prp, "him") => "he",
        (Prp, "her") => "she",
        (Prp, "us") => "we",
        (Prp, "'s") => "us",
        (Prp, "them") => "they",
        (
            Prp,
            "you" | "he" | "she" | "it" | "we" | "they" | "mine" | "his" | "hers" | "its" | "ours"
            | "yours" | "theirs" | "myself" | "yourself" | "himself" | "herself" | "itself"
            | "themself" | "ourselves" | "yourselves" | "themselves",
        ) => return Some(static_lower(w)),
        (PrpS, "my" | "your" | "his" | "her" | "its" | "our" | "their") => {
            return Some(static_lower(w))
        }
        (Rb, "not" | "n't" | "nt") => "not",
        (Rb, _) if w == "n’t" => "not",
        (Vbn, "been") | (Vbg, "being") => "be",
        (Vbz, "is" | "'s") | (Vbp, "are" | "'re" | "am" | "'m") | (Vbd, "was" | "were") => "be",
        (Vbz, "has") | (Vbp, "have" | "'ve") | (Vbd | Vbn, "had") => "have",
        (Vbz, "does") | (Vbd, "did") => "do",
        _ => return None,
    })
}

/// A static copy of one of the closed-class words `fixed` knows.
fn static_lower(w: &str) -> &'static str {
    const WORDS: &[&str] = &[
        "you",
        "he",
        "she",
        "it",
        "we",
        "they",
        "mine",
        "his",
        "hers",
        "its",
        "ours",
        "yours",
        "theirs",
        "myself",
        "yourself",
        "himself",
        "herself",
        "itself",
        "themself",
        "ourselves",
        "yourselves",
        "themselves",
        "my",
        "your",
        "her",
        "our",
        "their",
    ];
    WORDS.iter().find(|x| **x == w).copied().unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lem(word: &str, tag: Tag) -> String {
        lemma(word, tag).apply(word).into_owned()
    }

    #[test]
    fn regular_and_irregular() {
        assert_eq!(lem("went", Tag::Vbd), "go");
        assert_eq!(lem("Went", Tag::Vbd), "go");
        assert_eq!(lem("talks", Tag::Vbz), "talk");
        assert_eq!(lem("talks", Tag::Nns), "talk");
        assert_eq!(lem("countries", Tag::Nns), "country");
        assert_eq!(lem("wanted", Tag::Vbd), "want");
        assert_eq!(lem("hoped", Tag::Vbd), "hop");
        assert_eq!(lem("used", Tag::Vbd), "use");
        assert_eq!(lem("swinging", Tag::Vbg), "swing");
        assert_eq!(lem("making", Tag::Vbg), "make");
        assert_eq!(lem("running", Tag::Vbg), "run");
        assert_eq!(lem("stopped", Tag::Vbn), "stop");
        assert_eq!(lem("children", Tag::Nns), "child");
        assert_eq!(lem("women", Tag::Nns), "woman");
        assert_eq!(lem("larger", Tag::Jjr), "large");
        assert_eq!(lem("bigger", Tag::Jjr), "big");
        assert_eq!(lem("taller", Tag::Jjr), "tall");
        assert_eq!(lem("said", Tag::Vbd), "say");
        // The scheme's quirks, as the teacher has them: an exception lemma
        // goes in front ("taxes" → "taxis", "bases" → "basis"); a hyphenated
        // form is never checked ("re-elected" → "re-electe"); with no rule the
        // form keeps its case ("People").
        assert_eq!(lem("taxes", Tag::Nns), "taxis");
        assert_eq!(lem("bases", Tag::Nns), "basis");
        assert_eq!(lem("re-elected", Tag::Vbn), "re-electe");
        assert_eq!(lem("People", Tag::Nns), "People");
        assert_eq!(lem("watches", Tag::Vbz), "watch");
    }

    #[test]
    fn closed_class_and_case() {
        assert_eq!(lem("Russia", Tag::Nnp), "Russia");
        assert_eq!(lem("Americans", Tag::Nnps), "Americans");
        assert_eq!(lem("The", Tag::Dt), "the");
        assert_eq!(lem("me", Tag::Prp), "I");
        assert_eq!(lem("I", Tag::Prp), "I");
        assert_eq!(lem("Them", Tag::Prp), "they");
        assert_eq!(lem("her", Tag::PrpS), "her");
        assert_eq!(lem("her", Tag::Prp), "she");
        assert_eq!(lem("was", Tag::Vbd), "be");
        assert_eq!(lem("'s", Tag::Vbz), "be");
        assert_eq!(lem("n't", Tag::Rb), "not");
        assert_eq!(lem("has", Tag::Vbz), "have");
        assert_eq!(lem("Talks", Tag::Nn), "talks");
        assert_eq!(lem("“", Tag::OpenQuote), "\"");
        assert_eq!(lem("’", Tag::CloseQuote), "'");
        assert_eq!(lem(".", Tag::Period), ".");
        assert_eq!(lem("better", Tag::Rbr), "well");
        assert_eq!(lem("earlier", Tag::Rbr), "early");
        // A UPOS other than the tag's default changes the rules.
        assert_eq!(
            lemma_with_upos("having", Tag::Vbg, Upos::Aux).apply("having"),
            "having"
        );
        assert_eq!(
            lemma_with_upos("having", Tag::Vbg, Upos::Verb).apply("having"),
            "have"
        );
    }

    #[test]
    fn odd_inputs_do_not_panic() {
        let long = "x".repeat(400) + "ies";
        for w in [
            "",
            "s",
            "ed",
            "ing",
            "’s",
            "é",
            "ÉTATS",
            "İstanbul",
            "a\u{301}s",
            &long,
        ] {
            for t in Tag::ALL {
                for u in Upos::ALL {
                    let l = lemma_with_upos(w, *t, *u);
                    let _ = l.apply(w);
                }
            }
        }
    }
}
