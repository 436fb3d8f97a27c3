//! Reader for PETRARCH discard lists: phrases that mark a sentence (or, with a
//! leading `+`, a whole story) as not to be coded ("BASEBALL", "+TYPHOON").

use super::dictfile::{lines, phrase_words, Diagnostics};
use super::phrases::PhraseIndex;

/// What a discard phrase throws away.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// The sentence it occurs in.
    Sentence,
    /// The whole article.
    Story,
}

/// Discard phrases.
#[derive(Debug, Default)]
pub struct Discards {
    /// Phrase → scope.
    pub phrases: PhraseIndex<Scope>,
}

impl Discards {
    /// Reads one discard file.
    pub fn read(&mut self, text: &str, diags: &mut Diagnostics<'_>) {
        for (no, line) in lines(text) {
            let line = line.trim();
            let (scope, phrase) = match line.strip_prefix('+') {
                Some(p) => (Scope::Story, p),
                None => (Scope::Sentence, line),
            };
            let words = phrase_words(phrase);
            if words.is_empty() {
                diags.push(no, "empty discard phrase");
                continue;
            }
            self.phrases.insert(&words, scope);
        }
    }

    /// The widest discard found in `tokens`, if any.
    pub fn find<S: AsRef<str>>(&self, tokens: &[S]) -> Option<Scope> {
        let mut found = None;
        for i in 0..tokens.len() {
            match self.phrases.longest_at(tokens, i) {
                Some((_, Scope::Story)) => return Some(Scope::Story),
                Some((_, Scope::Sentence)) => found = Some(Scope::Sentence),
                None => {}
            }
        }
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    #[test]
    fn scopes() {
        let mut list = Vec::new();
        let mut d = Discards::default();
        d.read(
            "MONTHS LATER\n+TYPHOON # x\nBASEBALL\n",
            &mut Diagnostics::new(Path::new("d"), &mut list),
        );
        let cases: &[(&[&str], Option<Scope>)] = &[
            (&["A", "TYPHOON", "HIT"], Some(Scope::Story)),
            (&["BASEBALL", "TYPHOON"], Some(Scope::Story)),
            (&["MONTHS", "LATER"], Some(Scope::Sentence)),
            (&["MONTHS", "AGO"], None),
        ];
        for (toks, want) in cases {
            assert_eq!(d.find(toks), *want, "{toks:?}");
        }
    }
}
