//! The tokenizer: one pass over a paragraph, no allocation besides the output.

use crate::doc::{Span, TokenKind};

/// A token before it is assigned to a sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct RawToken {
    pub span: Span,
    pub kind: TokenKind,
}

/// How an abbreviation with a period behaves at a possible sentence end.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Abbrev {
    /// Always followed by more of the same sentence: titles before names
    /// ("Mr.", "Gen.", "Lt."), "vs.", "v.", "e.g.", "i.e.".
    Never,
    /// Usually inside a sentence ("Jan. 5", "No. 3", "Apple Inc. shares",
    /// "U.S. officials"), but may end one: it ends the sentence only when the
    /// next word is a typical sentence opener ("The", "He", "However").
    Starter,
}

/// The class of a word that takes its period with it, or `None` for words that
/// do not. `word` is the word without the period.
pub(crate) fn abbrev_class(word: &str) -> Option<Abbrev> {
    use Abbrev::*;
    Some(match word {
        // Titles and ranks: they precede names.
        "Mr" | "Mrs" | "Ms" | "Mx" | "Messrs" | "Dr" | "Prof" | "Gen" | "Lt" | "Col" | "Maj"
        | "Capt" | "Cmdr" | "Cdr" | "Adm" | "Brig" | "Sgt" | "Cpl" | "Pvt" | "Sen" | "Sens"
        | "Rep" | "Reps" | "Gov" | "Govs" | "Pres" | "Amb" | "Rev" | "Hon" | "Fr" | "Supt"
        | "Insp" | "Det" | "Atty" | "Gens" | "St" | "Ste" | "Mt" | "Ft" => Never,
        "vs" | "v" | "cf" | "viz" | "approx" | "ca" => Never,
        // Months (May is a full word), numbering, company forms, the rest.
        "Jan" | "Feb" | "Mar" | "Apr" | "Jun" | "Jul" | "Aug" | "Sep" | "Sept" | "Oct" | "Nov"
        | "Dec" => Starter,
        "No" | "Nos" | "Nr" | "Inc" | "Corp" | "Co" | "Ltd" | "Plc" | "Bros" | "Jr" | "Sr"
        | "etc" | "al" | "Dept" | "Govt" | "Ave" | "Blvd" | "Rd" | "Fig" | "fig" | "Vol"
        | "vol" | "pp" | "est" | "Calif" | "Fla" | "Mass" | "Ariz" | "Conn" | "Tenn" | "Mich"
        | "Minn" | "Okla" | "Penn" | "Ph" => Starter,
        _ => return None,
    })
}

/// True for every quotation mark: straight, curly, low-9, guillemets, backtick.
pub(crate) fn is_quote_char(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '`'
            | '“'
            | '”'
            | '„'
            | '‟'
            | '‘'
            | '’'
            | '‚'
            | '‛'
            | '«'
            | '»'
            | '‹'
            | '›'
    )
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

/// Combining marks continue a word (decomposed accents).
fn is_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_mark(c)
}

fn is_punct(c: char) -> bool {
    matches!(
        c,
        '!' | ','
            | '-'
            | '.'
            | '/'
            | ':'
            | ';'
            | '?'
            | '('
            | ')'
            | '['
            | ']'
            | '{'
            | '}'
            | '*'
            | '_'
            | '\\'
            | '…'
            | '–'
            | '—'
            | '‐'
            | '‑'
            | '‒'
            | '―'
            | '·'
            | '•'
            | '¡'
            | '¿'
            | '§'
            | '¶'
            | '†'
            | '‡'
            | '′'
            | '″'
            | '（'
            | '）'
            | '、'
            | '。'
            | '，'
            | '：'
            | '；'
            | '！'
            | '？'
            | '〈'
            | '〉'
            | '《'
            | '》'
            | '【'
            | '】'
            | '⁄'
    )
}

#[inline]
fn char_at(s: &str, i: usize) -> Option<char> {
    s.get(i..).and_then(|r| r.chars().next())
}

/// Tokenizes `text` (a paragraph at byte `base` of the document) into `out`.
pub(crate) fn tokenize(text: &str, base: usize, out: &mut Vec<RawToken>) {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        // ASCII whitespace fast path.
        if b == b' ' || b == b'\n' || b == b'\t' || b == b'\r' {
            i += 1;
            continue;
        }
        let c = match char_at(text, i) {
            Some(c) => c,
            None => break,
        };
        if c.is_whitespace() {
            i += c.len_utf8();
            continue;
        }
        let (end, kind) = if is_apostrophe(c)
            && out
                .last()
                .is_some_and(|t| t.span.end == base + i && t.kind == TokenKind::Word)
            && matches!(char_at(text, i + c.len_utf8()), Some('s' | 'S'))
            && !char_at(text, i + c.len_utf8() + 1).is_some_and(is_word_char)
        {
            // The possessive "’s" after a word: a word token of its own.
            (i + c.len_utf8() + 1, TokenKind::Word)
        } else if c.is_alphabetic() {
            (scan_word(text, i), TokenKind::Word)
        } else if c.is_numeric() {
            (scan_number(text, i), TokenKind::Number)
        } else if is_quote_char(c) {
            (i + c.len_utf8(), TokenKind::Quote)
        } else if c == '.' || c == '?' || c == '!' || c == '-' {
            // Runs: "...", "?!", "--".
            let mut j = i + 1;
            while j < bytes.len()
                && (bytes[j] == b
                    || (b != b'.' && b != b'-' && (bytes[j] == b'?' || bytes[j] == b'!')))
            {
                j += 1;
            }
            (j, TokenKind::Punct)
        } else if is_punct(c) {
            (i + c.len_utf8(), TokenKind::Punct)
        } else {
            (i + c.len_utf8(), TokenKind::Symbol)
        };
        out.push(RawToken {
            span: Span::new(base + i, base + end),
            kind,
        });
        i = end;
    }
}

/// Length of an initial or a chain of single letters with periods starting at
/// `i` ("V.", "U.S.", "a.m.", "J.R.R.", "a.m" without the last period), or 0.
fn scan_letter_chain(text: &str, i: usize) -> usize {
    let mut j = i;
    let mut letters = 0;
    let mut last_dot = false;
    loop {
        let c = match char_at(text, j) {
            Some(c) if c.is_alphabetic() => c,
            _ => break,
        };
        let k = j + c.len_utf8();
        match char_at(text, k) {
            Some('.') => {
                letters += 1;
                j = k + 1;
                last_dot = true;
            }
            next => {
                if letters >= 1
                    && !next.is_some_and(is_word_char)
                    && !next.is_some_and(is_apostrophe)
                {
                    letters += 1;
                    j = k;
                    last_dot = false;
                }
                break;
            }
        }
    }
    if letters >= 2 {
        j - i
    } else if letters == 1 && last_dot && char_at(text, i).is_some_and(char::is_uppercase) {
        // A single capital initial with its period ("V.").
        j - i
    } else {
        0
    }
}

/// Scans a word from `i` (an alphabetic char); returns its end.
fn scan_word(text: &str, i: usize) -> usize {
    let chain = scan_letter_chain(text, i);
    if chain > 0 {
        return i + chain;
    }
    let bytes = text.as_bytes();
    let mut j = i;
    loop {
        // The run of word characters.
        while j < bytes.len() {
            if bytes[j].is_ascii_alphanumeric() {
                j += 1;
                continue;
            }
            if bytes[j] < 0x80 {
                break;
            }
            match char_at(text, j) {
                Some(c) if is_word_char(c) => j += c.len_utf8(),
                _ => break,
            }
        }
        let Some(c) = char_at(text, j) else { break };
        let after = j + c.len_utf8();
        let next = char_at(text, after);
        match c {
            // Inner hyphen: "Russia-Ukraine", "so-called", "COVID-19".
            '-' | '‐' | '‑' if next.is_some_and(is_word_char) => j = after,
            // Inner apostrophe: "don't", "O'Brien"; the possessive "'s" is a
            // token of its own.
            '\'' | '’' if next.is_some_and(char::is_alphabetic) => {
                let is_possessive = matches!(next, Some('s' | 'S'))
                    && !char_at(text, after + 1).is_some_and(is_word_char);
                if is_possessive {
                    break;
                }
                j = after;
            }
            // Domain names: "chinadaily.com.cn".
            '.' if next.is_some_and(|n| n.is_ascii_lowercase())
                && char_at(text, j.saturating_sub(1))
                    .is_some_and(|p| p.is_ascii_alphanumeric()) =>
            {
                j = after
            }
            // E-mail addresses: "name@example.org".
            '@' if next.is_some_and(|n| n.is_ascii_alphanumeric()) => {
                j = scan_address(text, after);
                return j;
            }
            // URLs: "https://example.org/a".
            ':' if text[j..].starts_with("://")
                && matches!(&text[i..j], "http" | "https" | "ftp") =>
            {
                return scan_address(text, after);
            }
            '.' => {
                // "Mr." keeps its period; so does any listed abbreviation.
                if abbrev_class(&text[i..j]).is_some() {
                    return j + 1;
                }
                break;
            }
            _ => break,
        }
    }
    j
}

/// Scans the rest of an address (e-mail or URL) up to whitespace, leaving out
/// trailing punctuation.
fn scan_address(text: &str, from: usize) -> usize {
    let rest = &text[from..];
    let len = rest.find(char::is_whitespace).unwrap_or(rest.len());
    let chunk = rest[..len].trim_end_matches(|c: char| !(c.is_alphanumeric() || c == '/'));
    from + chunk.len()
}

/// Scans a number from `i`: digits with inner separators ("1,200", "3.5",
/// "11:30", "10/19/2021") and an attached suffix ("4.5bn", "1990s", "11th").
fn scan_number(text: &str, i: usize) -> usize {
    let bytes = text.as_bytes();
    let mut j = i;
    loop {
        while j < bytes.len() && (bytes[j].is_ascii_digit()) {
            j += 1;
        }
        if j < bytes.len()
            && matches!(bytes[j], b'.' | b',' | b':' | b'/')
            && j + 1 < bytes.len()
            && bytes[j + 1].is_ascii_digit()
        {
            j += 1;
            continue;
        }
        break;
    }
    // Non-ASCII digits and letters attached to the number ("4.5bn", "COVID-19" tails).
    loop {
        match char_at(text, j) {
            Some(c) if is_word_char(c) => j += c.len_utf8(),
            Some(h @ ('-' | '‐' | '‑'))
                if char_at(text, j + h.len_utf8()).is_some_and(is_word_char) =>
            {
                j += h.len_utf8()
            }
            _ => break,
        }
    }
    j
}
