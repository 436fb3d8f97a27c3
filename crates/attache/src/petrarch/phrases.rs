//! An index of multi-word phrases for leftmost-longest matching on upper-case
//! word tokens: one hash lookup on the first word, then the candidates for
//! that word, longest first.

use std::collections::HashMap;

/// A phrase (its words) with its value.
type Entry<T> = (Box<[Box<str>]>, T);

/// Phrases with a value each, matched on whole upper-case words.
#[derive(Debug)]
pub struct PhraseIndex<T> {
    by_first: HashMap<Box<str>, Vec<Entry<T>>>,
    len: usize,
}

impl<T> Default for PhraseIndex<T> {
    fn default() -> Self {
        PhraseIndex {
            by_first: HashMap::new(),
            len: 0,
        }
    }
}

impl<T> PhraseIndex<T> {
    /// Adds a phrase (upper-case words). Empty phrases are ignored.
    pub fn insert(&mut self, words: &[String], value: T) {
        let Some(first) = words.first() else { return };
        let phrase: Box<[Box<str>]> = words.iter().map(|w| w.as_str().into()).collect();
        let list = self.by_first.entry(first.as_str().into()).or_default();
        // Keep each list sorted longest first; stable for equal lengths.
        let pos = list.partition_point(|(p, _)| p.len() >= phrase.len());
        list.insert(pos, (phrase, value));
        self.len += 1;
    }

    /// Number of phrases.
    pub fn len(&self) -> usize {
        self.len
    }

    /// True when there are no phrases.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The longest phrase starting at `tokens[i]`: `(number of words, value)`.
    pub fn longest_at<S: AsRef<str>>(&self, tokens: &[S], i: usize) -> Option<(usize, &T)> {
        let first = tokens.get(i)?.as_ref();
        let list = self.by_first.get(first)?;
        list.iter().find_map(|(p, v)| {
            let end = i + p.len();
            (end <= tokens.len()
                && p.iter()
                    .zip(&tokens[i..end])
                    .all(|(a, b)| **a == *b.as_ref()))
            .then_some((p.len(), v))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn w(s: &str) -> Vec<String> {
        s.split(' ').map(String::from).collect()
    }

    #[test]
    fn longest_first() {
        let mut ix = PhraseIndex::default();
        ix.insert(&w("NEW"), 1);
        ix.insert(&w("NEW ZEALAND"), 2);
        ix.insert(&w("NEW YORK CITY"), 3);
        let toks = w("IN NEW ZEALAND NEW YORK");
        assert_eq!(ix.longest_at(&toks, 1), Some((2, &2)));
        assert_eq!(ix.longest_at(&toks, 3), Some((1, &1)));
        assert_eq!(ix.longest_at(&toks, 0), None);
        assert_eq!(ix.len(), 3);
    }
}
