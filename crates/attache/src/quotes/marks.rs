//! Pairs quotation marks within a paragraph: curly and straight double quotes,
//! single quotes (as outer or inner quotes), guillemets. Apostrophes are told apart
//! from single quotes by what flanks them. Only outermost pairs become quotations;
//! inner pairs are quotes within the quotation.

use super::scan::{Tok, TokKind};
use crate::doc::Span;

/// A family of marks that pair with each other.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Family {
    /// “ ” „ "
    Double,
    /// ‘ ’ '
    Single,
    /// « »
    Guillemet,
    /// ‹ ›
    SingleGuillemet,
}

/// An outermost quotation found in a paragraph.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Marked {
    /// The opening mark.
    pub open: Span,
    /// The closing mark; `None` when the quotation runs to the end of the paragraph.
    pub close: Option<Span>,
    /// The quoted content, without the marks, trimmed of spaces.
    pub content: Span,
    /// Which family of marks.
    pub family: Family,
}

fn family(c: char) -> Option<Family> {
    Some(match c {
        '"' | '\u{201C}' | '\u{201D}' | '\u{201E}' => Family::Double,
        '\'' | '\u{2018}' | '\u{2019}' => Family::Single,
        '\u{00AB}' | '\u{00BB}' => Family::Guillemet,
        '\u{2039}' | '\u{203A}' => Family::SingleGuillemet,
        _ => return None,
    })
}

fn is_opening_punct(c: char) -> bool {
    matches!(
        c,
        '(' | '[' | '{' | '\u{2014}' | '\u{2013}' | '-' | '/' | ':'
    )
}

fn is_closing_punct(c: char) -> bool {
    matches!(
        c,
        '.' | ','
            | ';'
            | ':'
            | '!'
            | '?'
            | ')'
            | ']'
            | '}'
            | '\u{2014}'
            | '\u{2013}'
            | '-'
            | '/'
            | '\u{2026}'
    )
}

/// Finds the outermost quotations in `text[para]`, given the paragraph's tokens.
pub fn find(text: &str, para: Span, toks: &[Tok]) -> Vec<Marked> {
    // (family, mark span) of open marks; index 0 is the outermost
    let mut stack: Vec<(Family, Span)> = Vec::new();
    let mut out = Vec::new();
    let marks: Vec<(usize, char)> = toks
        .iter()
        .enumerate()
        .filter_map(|(i, t)| {
            if let TokKind::Mark(c) = t.kind {
                Some((i, c))
            } else {
                None
            }
        })
        .collect();
    for (k, &(ti, c)) in marks.iter().enumerate() {
        let Some(fam) = family(c) else { continue };
        let t = toks[ti];
        let prev = text[para.start..t.start].chars().next_back();
        let next = text[t.end..para.end].chars().next();
        let left = next.is_some_and(|n| !n.is_whitespace())
            && prev.is_none_or(|p| p.is_whitespace() || is_opening_punct(p) || family(p).is_some());
        let right = prev.is_some_and(|p| !p.is_whitespace())
            && next.is_none_or(|n| n.is_whitespace() || is_closing_punct(n) || family(n).is_some());
        let (can_open, can_close) = match c {
            '\u{201C}' | '\u{201E}' | '\u{2018}' | '\u{00AB}' | '\u{2039}' => {
                (left || !right, right && !left)
            }
            '\u{201D}' | '\u{00BB}' | '\u{203A}' => (left && !right, right || !left),
            '\u{2019}' => (false, right),
            _ => (left, right), // straight quotes
        };
        let open_at = stack.iter().rposition(|(f, _)| *f == fam);
        let mut closes = can_close && open_at.is_some();
        // a possessive "s’ " inside an open single quotation, when a later closer exists
        if closes && fam == Family::Single && prev.is_some_and(|p| p == 's' || p == 'S') {
            let after = text[t.end..para.end].trim_start();
            let lower_next = after.chars().next().is_some_and(char::is_lowercase);
            let later = marks[k + 1..].iter().any(|&(tj, cj)| {
                family(cj) == Some(Family::Single)
                    && text[toks[tj].end..para.end]
                        .chars()
                        .next()
                        .is_none_or(|n| n.is_whitespace() || is_closing_punct(n))
            });
            if lower_next && later {
                closes = false;
            }
        }
        if closes {
            if let Some(at) = open_at {
                let (f, open) = stack[at];
                stack.truncate(at);
                if at == 0 {
                    out.push(marked(text, open, Some(t_span(&t)), f));
                }
            }
        } else if can_open {
            stack.push((fam, t_span(&t)));
        } else if c == '"' && !can_open && !can_close {
            // a straight quote between two words: toggle
            match open_at {
                Some(at) => {
                    let (f, open) = stack[at];
                    stack.truncate(at);
                    if at == 0 {
                        out.push(marked(text, open, Some(t_span(&t)), f));
                    }
                }
                None => stack.push((fam, t_span(&t))),
            }
        }
    }
    // an outer quotation left open runs to the end of the paragraph
    if let Some(&(f, open)) = stack.first() {
        // a lone opening single mark is too weak a signal ('90s, rock 'n' roll)
        if f != Family::Single || open.start == para.start {
            let m = Marked {
                open,
                close: None,
                content: trim(text, open.end, para.end),
                family: f,
            };
            if !m.content.is_empty() {
                out.push(m);
            }
        }
    }
    out.retain(|m| !m.content.is_empty());
    out
}

fn t_span(t: &Tok) -> Span {
    Span::new(t.start, t.end)
}

fn marked(text: &str, open: Span, close: Option<Span>, family: Family) -> Marked {
    let end = close.map_or(open.end, |c| c.start);
    Marked {
        open,
        close,
        content: trim(text, open.end, end),
        family,
    }
}

/// The span `start..end` with surrounding whitespace removed.
pub fn trim(text: &str, start: usize, end: usize) -> Span {
    let s = &text[start..end];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if lead + trail >= s.len() {
        return Span::new(start, start);
    }
    Span::new(start + lead, end - trail)
}

#[cfg(test)]
mod tests {
    use super::super::scan::tokenize;
    use super::*;

    fn contents(s: &str) -> Vec<(String, bool)> {
        let toks = tokenize(s, 0, s.len());
        find(s, Span::new(0, s.len()), &toks)
            .into_iter()
            .map(|m| {
                (
                    s[m.content.start..m.content.end].to_string(),
                    m.close.is_some(),
                )
            })
            .collect()
    }

    #[test]
    fn pairs() {
        let cases: &[(&str, &[(&str, bool)])] = &[
            ("“We will win,” he said.", &[("We will win,", true)]),
            ("\"We will win,\" he said.", &[("We will win,", true)]),
            (
                "'We will win,' a senior official said.",
                &[("We will win,", true)],
            ),
            ("‘We will win,’ he said.", &[("We will win,", true)]),
            ("«Nous gagnerons», a-t-il dit.", &[("Nous gagnerons", true)]),
            (
                "“He told me ‘never again’ twice,” she said.",
                &[("He told me ‘never again’ twice,", true)],
            ),
            (
                "'He said \"never\" twice,' she said.",
                &[("He said \"never\" twice,", true)],
            ),
            ("“One,” he said. “Two.”", &[("One,", true), ("Two.", true)]),
            (
                "“The alliance’s policy is clear,” she said.",
                &[("The alliance’s policy is clear,", true)],
            ),
            ("The ministers’ meeting was short.", &[]),
            ("It was a hit in the ’90s and beyond.", &[]),
            (
                "“This runs on into the next paragraph",
                &[("This runs on into the next paragraph", false)],
            ),
            (
                "'The protesters' demands are fair,' he said.",
                &[("The protesters' demands are fair,", true)],
            ),
            (
                "Moscow called it “absurd” and a “provocation”.",
                &[("absurd", true), ("provocation", true)],
            ),
            (
                "„Wir schaffen das“, sagte sie.",
                &[("Wir schaffen das", true)],
            ),
            ("He said: \"We are ready\".", &[("We are ready", true)]),
            ("Don't say 'never', he said.", &[("never", true)]),
        ];
        for (s, want) in cases {
            let got = contents(s);
            let want: Vec<(String, bool)> = want.iter().map(|(a, b)| (a.to_string(), *b)).collect();
            assert_eq!(got, want, "{s}");
        }
    }
}
