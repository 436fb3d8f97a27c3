//! The closed word classes of the event coder (`data/coder_words.txt`, format
//! in its header): function words and the small verb classes the shallow rules
//! and the tree walks read. One lookup gives a word's classes as a bit mask.

use super::lexicon::WordMap;
use std::sync::OnceLock;

const BUILTIN: &str = include_str!("../../../../data/coder_words.txt");

/// The classes, in bit order; every one must be in the data file.
pub(super) const NAMES: [&str; 25] = [
    "determiners",
    "prepositions",
    "locative",
    "place_prepositions",
    "target_prepositions",
    "adverbs",
    "negations",
    "modals_hypo",
    "future",
    "be",
    "have_do",
    "clause_stop",
    "region_stop",
    "parenthetical",
    "pronouns_speaker",
    "pronouns_object",
    "appeal",
    "reporting",
    "agentive",
    "control",
    "control_adjectives",
    "denial",
    "rejection",
    "accusations",
    "dyad_nouns",
];

/// Bit of each class in [`Words::mask`], in [`NAMES`] order.
pub(super) mod class {
    pub const DETERMINERS: u32 = 1 << 0;
    pub const PREPOSITIONS: u32 = 1 << 1;
    pub const LOCATIVE: u32 = 1 << 2;
    pub const PLACE_PREPOSITIONS: u32 = 1 << 3;
    pub const TARGET_PREPOSITIONS: u32 = 1 << 4;
    pub const ADVERBS: u32 = 1 << 5;
    pub const NEGATIONS: u32 = 1 << 6;
    pub const MODALS_HYPO: u32 = 1 << 7;
    pub const FUTURE: u32 = 1 << 8;
    pub const BE: u32 = 1 << 9;
    pub const HAVE_DO: u32 = 1 << 10;
    pub const CLAUSE_STOP: u32 = 1 << 11;
    pub const REGION_STOP: u32 = 1 << 12;
    pub const PARENTHETICAL: u32 = 1 << 13;
    pub const PRONOUNS_SPEAKER: u32 = 1 << 14;
    pub const PRONOUNS_OBJECT: u32 = 1 << 15;
    pub const ACCUSATIONS: u32 = 1 << 23;
    pub const DYAD_NOUNS: u32 = 1 << 24;
}

/// The word classes, compiled.
pub(super) struct Words {
    mask: WordMap<u32>,
    /// The words of each class as written in the file, in [`NAMES`] order.
    lists: Vec<Vec<&'static str>>,
}

impl Words {
    /// Parses the classes; returns the names of classes the text lacks.
    fn parse(text: &'static str) -> (Words, Vec<&'static str>) {
        let mut lists: Vec<Vec<&'static str>> = vec![Vec::new(); NAMES.len()];
        let mut seen = vec![false; NAMES.len()];
        let mut current: Option<usize> = None;
        for line in text.lines() {
            let line = line.split('#').next().unwrap_or("").trim();
            if line.is_empty() {
                continue;
            }
            if let Some(head) = line.strip_prefix("==") {
                let name = head.split_whitespace().next().unwrap_or("");
                current = NAMES.iter().position(|n| *n == name);
                if let Some(c) = current {
                    seen[c] = true;
                }
                continue;
            }
            if let Some(c) = current {
                lists[c].extend(line.split_whitespace());
            }
        }
        let mut mask = WordMap::default();
        for (c, list) in lists.iter().enumerate() {
            for w in list {
                *mask.entry((*w).to_string()).or_insert(0) |= 1 << c;
            }
        }
        let missing = NAMES
            .iter()
            .zip(&seen)
            .filter(|(_, s)| !**s)
            .map(|(n, _)| *n)
            .collect();
        (Words { mask, lists }, missing)
    }

    /// Whether `w` (lower-cased) is in a class of `bits`.
    #[inline]
    pub fn is(&self, w: &str, bits: u32) -> bool {
        self.mask.get(w).is_some_and(|m| m & bits != 0)
    }

    /// The word of class `bits` equal to `w`, as a `'static` string.
    pub fn find(&self, w: &str, bits: u32) -> Option<&'static str> {
        let c = bits.trailing_zeros() as usize;
        self.lists.get(c)?.iter().copied().find(|x| *x == w)
    }

    /// The words of a class, by name.
    pub fn list(&self, name: &str) -> &[&'static str] {
        NAMES
            .iter()
            .position(|n| *n == name)
            .map_or(&[], |c| self.lists[c].as_slice())
    }
}

/// The built-in classes, compiled once.
pub(super) fn words() -> &'static Words {
    static W: OnceLock<Words> = OnceLock::new();
    W.get_or_init(|| Words::parse(BUILTIN).0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_has_every_class() {
        let (w, missing) = Words::parse(BUILTIN);
        assert!(missing.is_empty(), "classes missing: {missing:?}");
        for name in NAMES {
            assert!(!w.list(name).is_empty(), "class {name} is empty");
        }
        assert!(w.is("the", class::DETERMINERS));
        assert!(w.is(";", class::CLAUSE_STOP));
        assert!(w.is(",", class::REGION_STOP));
        assert!(!w.is("expel", class::PREPOSITIONS));
        assert_eq!(w.find("against", class::PREPOSITIONS), Some("against"));
        assert!(w.list("reporting").contains(&"say"));
        assert!(w.list("control").contains(&"threaten"));
    }

    #[test]
    fn comments_and_unknown_classes_are_skipped() {
        let (w, missing) = Words::parse("== be  x\nis are # was\n== nosuch\nfoo\n");
        assert!(w.is("is", class::BE) && w.is("are", class::BE));
        assert!(!w.is("was", class::BE) && !w.is("foo", class::BE));
        assert!(missing.contains(&"determiners"));
    }
}
