//! Closed word classes read from a data file (`data/*_words.txt`): a line
//! `== NAME  description` starts a class, its words follow separated by
//! spaces, `#` starts a comment. The text is compiled once into one map from
//! word to a bit mask of its classes; the classes are named in a `NAMES`
//! array whose order gives the bits. Each stage has its own file and names,
//! declared with `word_classes!`.

use crate::events::lexicon::WordMap;

/// Compiled word classes.
pub(crate) struct WordClasses {
    names: &'static [&'static str],
    mask: WordMap<u64>,
    /// The words of each class as written in the file, in `names` order.
    lists: Vec<Vec<&'static str>>,
}

impl WordClasses {
    /// Parses the classes of `text` named in `names` (at most 64); returns
    /// the names of classes the text lacks. Unknown classes are skipped.
    pub(crate) fn parse(
        text: &'static str,
        names: &'static [&'static str],
    ) -> (WordClasses, Vec<&'static str>) {
        assert!(names.len() <= 64, "at most 64 word classes");
        let mut lists: Vec<Vec<&'static str>> = vec![Vec::new(); names.len()];
        let mut seen = vec![false; names.len()];
        let mut current: Option<usize> = None;
        for line in text.lines() {
            let line = line.split('#').next().unwrap_or("").trim();
            if line.is_empty() {
                continue;
            }
            if let Some(head) = line.strip_prefix("==") {
                let name = head.split_whitespace().next().unwrap_or("");
                current = names.iter().position(|n| *n == name);
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
        let missing = names
            .iter()
            .zip(&seen)
            .filter(|(_, s)| !**s)
            .map(|(n, _)| *n)
            .collect();
        (WordClasses { names, mask, lists }, missing)
    }

    /// Parses `text`, which must have every class of `names`.
    pub(crate) fn builtin(text: &'static str, names: &'static [&'static str]) -> WordClasses {
        Self::parse(text, names).0
    }

    /// Whether `w` (as written: callers lower-case it when the class is
    /// lower-case) is in a class of `bits`.
    #[inline]
    pub(crate) fn is(&self, w: &str, bits: u64) -> bool {
        self.mask.get(w).is_some_and(|m| m & bits != 0)
    }

    /// The classes of `w` (as written), as a bit mask.
    #[inline]
    pub(crate) fn mask(&self, w: &str) -> u64 {
        self.mask.get(w).copied().unwrap_or(0)
    }

    /// The words of class `bits` (one bit), as written in the file.
    pub(crate) fn members(&self, bits: u64) -> &[&'static str] {
        let c = bits.trailing_zeros() as usize;
        self.lists.get(c).map_or(&[], Vec::as_slice)
    }

    /// The word of class `bits` equal to `w`, as a `'static` string.
    pub(crate) fn find(&self, w: &str, bits: u64) -> Option<&'static str> {
        self.members(bits).iter().copied().find(|x| *x == w)
    }

    /// The words of a class, by name.
    pub(crate) fn list(&self, name: &str) -> &[&'static str] {
        self.names
            .iter()
            .position(|n| *n == name)
            .map_or(&[], |c| self.lists[c].as_slice())
    }

    /// The names of the classes this text lacks or leaves empty.
    #[cfg(test)]
    pub(crate) fn missing_or_empty(
        text: &'static str,
        names: &'static [&'static str],
    ) -> Vec<&'static str> {
        let (w, mut missing) = Self::parse(text, names);
        missing.extend(names.iter().filter(|n| w.list(n).is_empty()));
        missing
    }
}

/// Declares the word classes of a data file: `NAMES` (the class names in bit
/// order), a module `class` with one bit constant a class, `words()`, the
/// classes compiled once from the file, and a test that the file has every
/// class and none is empty.
///
/// ```ignore
/// word_classes!("../../../../data/x_words.txt", { DETERMINERS = "determiners", BE = "be" });
/// ```
macro_rules! word_classes {
    ($file:literal, { $($konst:ident = $name:literal),* $(,)? }) => {
        /// The data file, compiled in.
        pub(crate) const BUILTIN: &str = include_str!($file);

        /// The classes, in bit order; every one must be in the data file.
        pub(crate) const NAMES: &[&str] = &[$($name),*];

        /// Bit of each class, in [`NAMES`] order.
        #[allow(dead_code)]
        pub(crate) mod class {
            $crate::wordclass::word_classes!(@bits 0; $($konst)*);
        }

        /// The built-in classes, compiled once.
        pub(crate) fn words() -> &'static $crate::wordclass::WordClasses {
            static W: std::sync::OnceLock<$crate::wordclass::WordClasses> =
                std::sync::OnceLock::new();
            W.get_or_init(|| $crate::wordclass::WordClasses::builtin(BUILTIN, NAMES))
        }

        #[cfg(test)]
        #[test]
        fn builtin_has_every_class() {
            let missing = $crate::wordclass::WordClasses::missing_or_empty(BUILTIN, NAMES);
            assert!(missing.is_empty(), "classes missing or empty: {missing:?}");
        }
    };
    (@bits $n:expr; $k:ident $($rest:ident)*) => {
        pub const $k: u64 = 1 << ($n);
        $crate::wordclass::word_classes!(@bits $n + 1; $($rest)*);
    };
    (@bits $n:expr;) => {};
}
pub(crate) use word_classes;

#[cfg(test)]
mod tests {
    use super::*;

    const NAMES: &[&str] = &["be", "have"];

    #[test]
    fn comments_and_unknown_classes_are_skipped() {
        let (w, missing) = WordClasses::parse("== be  x\nis are # was\n== nosuch\nfoo\n", NAMES);
        assert!(w.is("is", 1) && w.is("are", 1));
        assert!(!w.is("was", 1) && !w.is("foo", 1));
        assert_eq!(missing, vec!["have"]);
        assert_eq!(w.find("are", 1), Some("are"));
        assert!(w.list("have").is_empty());
        assert_eq!(
            WordClasses::missing_or_empty("== be\nis\n== have\n", NAMES),
            vec!["have"]
        );
    }
}
