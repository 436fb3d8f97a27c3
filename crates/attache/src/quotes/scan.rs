//! A light scanner over paragraph text for the quotation stage: words,
//! punctuation and quotation marks with byte offsets, and clause units (sentence
//! ends that know common abbreviations). It is independent of the segmenter so the
//! attribution rules see the same units whatever the sentence splitter does.

/// What a scanned token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokKind {
    /// Letters or digits, with inner apostrophes, hyphens, periods, ampersands.
    Word,
    /// A punctuation character.
    Punct(char),
    /// A quotation mark (one that is not an inner apostrophe).
    Mark(char),
}

/// A scanned token: byte offsets into the document text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Tok {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// Its kind.
    pub kind: TokKind,
}

impl Tok {
    /// The token's text.
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }
    /// True for words.
    pub fn is_word(&self) -> bool {
        self.kind == TokKind::Word
    }
    /// True for the punctuation character `c`.
    pub fn is_punct(&self, c: char) -> bool {
        self.kind == TokKind::Punct(c)
    }
}

/// Any character used as a quotation mark.
pub fn is_quote_char(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '\u{201C}'
            | '\u{201D}'
            | '\u{201E}'
            | '\u{2018}'
            | '\u{2019}'
            | '\u{00AB}'
            | '\u{00BB}'
            | '\u{2039}'
            | '\u{203A}'
    )
}

fn is_word_inner(c: char) -> bool {
    matches!(
        c,
        '\'' | '\u{2019}' | '-' | '.' | '&' | '\u{2010}' | '\u{2011}'
    )
}

/// Scans `text[from..to]` into tokens with absolute offsets.
pub fn tokenize(text: &str, from: usize, to: usize) -> Vec<Tok> {
    let s = &text[from..to];
    let mut out = Vec::new();
    let mut it = s.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if c.is_alphanumeric() {
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = it.peek() {
                if d.is_alphanumeric() {
                    end = j + d.len_utf8();
                    it.next();
                } else if is_word_inner(d) {
                    // inner only when a letter or digit follows
                    let after = s[j + d.len_utf8()..].chars().next();
                    if after.is_some_and(char::is_alphanumeric) {
                        end = j + d.len_utf8();
                        it.next();
                    } else {
                        break;
                    }
                } else {
                    break;
                }
            }
            out.push(Tok {
                start: from + i,
                end: from + end,
                kind: TokKind::Word,
            });
        } else if c.is_whitespace() {
            continue;
        } else {
            let kind = if is_quote_char(c) {
                TokKind::Mark(c)
            } else {
                TokKind::Punct(c)
            };
            out.push(Tok {
                start: from + i,
                end: from + i + c.len_utf8(),
                kind,
            });
        }
    }
    out
}

/// True when a word followed by "." is an abbreviation, not a sentence end.
pub fn is_abbreviation(word: &str) -> bool {
    let w = word.trim_end_matches('.');
    if w.contains('.') {
        return true; // U.S, U.N, a.m
    }
    if w.chars().count() == 1 && w.chars().all(char::is_uppercase) {
        return true;
    }
    let lower = w.to_lowercase();
    super::phrase::is_in(super::words::class::ABBREVIATIONS, &lower)
}

/// Indices (into `toks`) one past the end of each clause unit: a unit ends after
/// ".", "!" or "?" (and any closing marks right after it) when the next token starts
/// a new sentence (capital letter, digit or an opening mark).
pub fn unit_ends(text: &str, toks: &[Tok]) -> Vec<usize> {
    let mut ends = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let t = toks[i];
        let terminal = matches!(t.kind, TokKind::Punct('.' | '!' | '?'));
        if terminal {
            let abbrev = t.is_punct('.')
                && i > 0
                && toks[i - 1].is_word()
                && toks[i - 1].end == t.start
                && is_abbreviation(toks[i - 1].text(text));
            let mut j = i + 1;
            while j < toks.len()
                && matches!(toks[j].kind, TokKind::Mark(_))
                && toks[j].start == toks[j - 1].end
            {
                j += 1;
            }
            let next_starts = match toks.get(j) {
                None => true,
                Some(n) => match n.kind {
                    TokKind::Word => n
                        .text(text)
                        .chars()
                        .next()
                        .is_some_and(|c| c.is_uppercase() || c.is_numeric()),
                    TokKind::Mark(_) => true,
                    TokKind::Punct(c) => matches!(c, '(' | '[' | '-' | '\u{2014}'),
                },
            };
            // an abbreviation ends a sentence only before a clear new start (pronoun or mark)
            let abbrev_end = abbrev
                && toks.get(j).is_some_and(|n| {
                    matches!(n.kind, TokKind::Mark(_))
                        || matches!(
                            n.text(text),
                            "The" | "He" | "She" | "They" | "It" | "We" | "I" | "But" | "However"
                        )
                });
            if next_starts && (!abbrev || abbrev_end) {
                ends.push(j);
                i = j;
                continue;
            }
        }
        i += 1;
    }
    if ends.last() != Some(&toks.len()) && !toks.is_empty() {
        ends.push(toks.len());
    }
    ends
}

/// Lower-cases ASCII and maps curly apostrophes to straight ones.
pub fn lower(word: &str) -> String {
    word.chars()
        .map(|c| if c == '\u{2019}' { '\'' } else { c })
        .flat_map(char::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<String> {
        tokenize(s, 0, s.len())
            .iter()
            .map(|t| t.text(s).to_string())
            .collect()
    }

    #[test]
    fn tokens() {
        let cases: &[(&str, &[&str])] = &[
            (
                "U.S. officials said.",
                &["U.S", ".", "officials", "said", "."],
            ),
            (
                "“NATO’s policy,” she said",
                &["“", "NATO’s", "policy", ",", "”", "she", "said"],
            ),
            (
                "'We will,' he said",
                &["'", "We", "will", ",", "'", "he", "said"],
            ),
            (
                "de-escalation 1,200 people",
                &["de-escalation", "1", ",", "200", "people"],
            ),
            (
                "«Non», a-t-il dit",
                &["«", "Non", "»", ",", "a-t-il", "dit"],
            ),
            ("the members’ rights", &["the", "members", "’", "rights"]),
        ];
        for (s, want) in cases {
            assert_eq!(words(s), *want, "{s}");
        }
    }

    #[test]
    fn units() {
        let cases: &[(&str, usize)] = &[
            ("He left. She stayed.", 2),
            ("A senior U.S. official said so. Then he left.", 2),
            ("Mr. Smith said so.", 1),
            ("“We will win.” He left.", 2),
            ("“We will win,” he said. “Never.”", 2),
            ("It rose 3.5 percent. Prices fell.", 2),
            ("No end here", 1),
            ("Is it? Yes! Fine.", 3),
        ];
        for (s, n) in cases {
            let toks = tokenize(s, 0, s.len());
            assert_eq!(unit_ends(s, &toks).len(), *n, "{s}");
        }
    }
}
