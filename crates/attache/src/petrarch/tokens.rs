//! Word tokens in the dictionaries' terms: upper case, possessive `'S` and
//! `N'T` split off as in the Penn Treebank (`won't` → `WO` `N'T`), internal
//! hyphens and abbreviation periods kept (`AL-QAEDA`, `U.S.`, `ANTI-`), `_`
//! treated as a blank. Offsets are byte spans into the analysed text.

use crate::doc::Span;

/// A token of a sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tok {
    /// Upper-case form used for matching.
    pub norm: String,
    /// Bytes in the document text.
    pub span: Span,
    /// True for words and numbers; false for punctuation.
    pub word: bool,
    /// True when the word starts with a capital letter and is not written
    /// all in capitals (a headline's "BOMBED" is not a name).
    pub capital: bool,
}

fn is_apos(c: char) -> bool {
    c == '\'' || c == '’' || c == '‘'
}

/// Tokenises `text`, which starts at byte `base` of the document.
pub fn tokenize(text: &str, base: usize) -> Vec<Tok> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let n = chars.len();
    let at = |i: usize| chars.get(i).map(|&(_, c)| c);
    let off = |i: usize| chars.get(i).map_or(text.len(), |&(o, _)| o);
    let mut out = Vec::new();
    let mut i = 0;
    while i < n {
        let c = chars[i].1;
        if c.is_whitespace() || c == '_' {
            i += 1;
            continue;
        }
        if !c.is_alphanumeric() {
            // Punctuation: runs of the same char (`--`, `...`) are one token.
            let mut j = i + 1;
            while j < n && at(j) == Some(c) && c != '\'' {
                j += 1;
            }
            let s = &text[off(i)..off(j)];
            out.push(Tok {
                norm: s.replace(['’', '‘'], "'"),
                span: Span::new(base + off(i), base + off(j)),
                word: false,
                capital: false,
            });
            i = j;
            continue;
        }
        // A word: letters/digits with inner hyphens, periods and apostrophes.
        let mut j = i + 1;
        while j < n {
            let d = chars[j].1;
            if d.is_alphanumeric() {
                j += 1;
            } else if ((d == '-' || d == '.' || d == '&')
                && at(j + 1).is_some_and(char::is_alphanumeric))
                || (d == ','
                    && chars[j - 1].1.is_ascii_digit()
                    && at(j + 1).is_some_and(|c| c.is_ascii_digit()))
            {
                j += 2;
            } else if is_apos(d) && at(j + 1).is_some_and(char::is_alphabetic) {
                // Stop before 's / n't so they become tokens of their own.
                let rest: String = chars[j + 1..]
                    .iter()
                    .take(3)
                    .map(|&(_, c)| c.to_ascii_uppercase())
                    .collect();
                let word_end = !rest.chars().nth(1).is_some_and(char::is_alphanumeric);
                if rest.starts_with('S') && word_end {
                    break;
                }
                if rest.starts_with('T') && word_end && j > i && matches!(chars[j - 1].1, 'n' | 'N')
                {
                    j -= 1;
                    break;
                }
                j += 2;
            } else {
                break;
            }
        }
        // Abbreviations keep their final period: "U.S.", "K.U.", "W.".
        let mut end = j;
        let word = &text[off(i)..off(j)];
        if at(j) == Some('.') {
            let letters = word.chars().filter(|c| c.is_alphabetic()).count();
            let single = letters == 1 && word.chars().next().is_some_and(char::is_uppercase);
            if word.contains('.') || single {
                end = j + 1;
            }
        }
        // A trailing hyphen before a blank ("anti- Gondor") stays on the word.
        if at(j) == Some('-') && at(j + 1).is_some_and(char::is_whitespace) {
            end = j + 1;
        }
        let s = &text[off(i)..off(end)];
        out.push(Tok {
            norm: s.to_uppercase(),
            span: Span::new(base + off(i), base + off(end)),
            word: true,
            capital: c.is_uppercase() && s.chars().skip(1).any(char::is_lowercase)
                || c.is_uppercase() && s.chars().filter(|c| c.is_alphabetic()).count() == 1,
        });
        i = end;
        // Clitics: 's, ', n't.
        if i < n && is_apos(chars[i].1) {
            let up: String = chars[i + 1..]
                .iter()
                .take(2)
                .map(|&(_, c)| c.to_ascii_uppercase())
                .collect();
            let len =
                if up.starts_with('S') && !up.chars().nth(1).is_some_and(char::is_alphanumeric) {
                    2
                } else {
                    1
                };
            let s = &text[off(i)..off(i + len)];
            out.push(Tok {
                norm: s.to_uppercase().replace(['’', '‘'], "'"),
                span: Span::new(base + off(i), base + off(i + len)),
                word: true,
                capital: false,
            });
            i += len;
        } else if i + 2 < n
            && matches!(chars[i].1, 'n' | 'N')
            && is_apos(chars[i + 1].1)
            && matches!(chars[i + 2].1, 't' | 'T')
        {
            out.push(Tok {
                norm: "N'T".into(),
                span: Span::new(base + off(i), base + off(i + 3)),
                word: true,
                capital: false,
            });
            i += 3;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norms(s: &str) -> Vec<String> {
        tokenize(s, 0).into_iter().map(|t| t.norm).collect()
    }

    #[test]
    fn table() {
        let cases: &[(&str, &[&str])] = &[
            ("Arnor's envoy", &["ARNOR", "'S", "ENVOY"]),
            ("It won't, can't", &["IT", "WO", "N'T", ",", "CA", "N'T"]),
            ("isn't", &["IS", "N'T"]),
            ("The K.U. team.", &["THE", "K.U.", "TEAM", "."]),
            ("George W. Bush", &["GEORGE", "W.", "BUSH"]),
            (
                "an anti- Gondor parade",
                &["AN", "ANTI-", "GONDOR", "PARADE"],
            ),
            (
                "Al-Qaeda and Dol_Amroth",
                &["AL-QAEDA", "AND", "DOL", "AMROTH"],
            ),
            ("nations’ boundary", &["NATIONS", "'", "BOUNDARY"]),
            ("coal-- the", &["COAL", "--", "THE"]),
            ("50,000 tonnes, then", &["50,000", "TONNES", ",", "THEN"]),
            ("O'Brien said", &["O'BRIEN", "SAID"]),
        ];
        for (s, want) in cases {
            assert_eq!(norms(s), *want, "{s}");
        }
    }

    #[test]
    fn spans_slice_the_text() {
        let text = "Gondor’s “envoy” didn't go — really.";
        for t in tokenize(text, 0) {
            let s = &text[t.span.start..t.span.end];
            assert_eq!(s.to_uppercase().replace('’', "'"), t.norm);
        }
    }
}
