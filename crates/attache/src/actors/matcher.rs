//! Turns one sentence into a list of units: lexicon matches, unknown
//! capitalised name sequences and plain words, each with its byte span.

use super::lexicon::{ActorLexicon, RoleKind, Sense};
use super::words;
use crate::doc::Span;

/// What a unit is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum UnitKind {
    /// A lexicon match.
    Lex(Sense),
    /// A capitalised name not in the lexicon ("Sergey Lavrov", "Information Office").
    Name {
        /// Only accepted when it names an entity already known (sentence-initial
        /// single words such as "Restoration").
        weak: bool,
    },
    /// Any other word.
    Word,
}

/// A word-level piece of a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Unit {
    /// Bytes of the unit without a possessive ending.
    pub span: Span,
    /// Lexicon match, unknown name or word.
    pub kind: UnitKind,
    /// Followed by a possessive ending ("’s", "'s", or a bare apostrophe after s).
    pub poss: bool,
    /// End including the possessive ending.
    pub ext_end: usize,
    /// Followed directly by a hyphen and a word ("Russian-backed").
    pub hyphen: bool,
}

impl Unit {
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.span.start..self.span.end]
    }
    pub fn sense(&self) -> Option<Sense> {
        match self.kind {
            UnitKind::Lex(s) => Some(s),
            _ => None,
        }
    }
    pub fn is_word(&self) -> bool {
        self.kind == UnitKind::Word
    }
}

fn possessive(text: &str, end: usize, word: &str) -> usize {
    let rest = &text[end..];
    for p in ["’s", "'s"] {
        if let Some(after) = rest.strip_prefix(p) {
            if !after.chars().next().is_some_and(char::is_alphanumeric) {
                return end + p.len();
            }
        }
    }
    if word.ends_with('s') {
        for p in ["’", "'"] {
            if let Some(after) = rest.strip_prefix(p) {
                if !after.chars().next().is_some_and(char::is_alphanumeric) {
                    return end + p.len();
                }
            }
        }
    }
    end
}

/// End of the word starting at `start`: letters and digits, joined by inner
/// apostrophes and hyphens when a letter follows, but never across a
/// possessive "’s".
fn word_end(text: &str, start: usize) -> usize {
    let b = text.as_bytes();
    let mut i = start;
    loop {
        let Some(c) = text[i..].chars().next() else {
            return i;
        };
        if c.is_alphanumeric() {
            i += c.len_utf8();
            continue;
        }
        if matches!(c, '\'' | '’' | '-') {
            let after = i + c.len_utf8();
            let mut next = text[after..].chars();
            let n1 = next.next();
            if n1.is_some_and(char::is_alphanumeric) {
                // Stop before a possessive "'s" that ends the word.
                if c != '-'
                    && matches!(n1, Some('s'))
                    && !next.next().is_some_and(char::is_alphanumeric)
                {
                    return i;
                }
                i = after;
                continue;
            }
        }
        let _ = b;
        return i;
    }
}

/// Splits sentence `sent` of `text` into units. `from` is the first byte not
/// already covered by a lexicon match of an earlier sentence.
pub(crate) fn units(text: &str, sent: Span, from: usize, lex: &ActorLexicon) -> Vec<Unit> {
    let mut out = Vec::new();
    let mut pos = sent.start.max(from);
    let end = sent.end;
    while pos < end {
        let Some(c) = text[pos..].chars().next() else {
            break;
        };
        let prev_alnum = text[..pos]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric);
        if !c.is_alphanumeric() || prev_alnum {
            pos += c.len_utf8();
            continue;
        }
        let (span, kind) = match lex.match_at(text, pos) {
            Some(m) => (m.span, UnitKind::Lex(m.sense)),
            None => (Span::new(pos, word_end(text, pos)), UnitKind::Word),
        };
        let w = &text[span.start..span.end];
        let ext_end = possessive(text, span.end, w);
        let hyphen = ext_end == span.end && {
            let mut r = text[span.end..].chars();
            r.next() == Some('-') && r.next().is_some_and(char::is_alphanumeric)
        };
        out.push(Unit {
            span,
            kind,
            poss: ext_end > span.end,
            ext_end,
            hyphen,
        });
        pos = ext_end.max(span.end);
        if hyphen {
            // Skip the hyphenated suffix ("-backed", "-led"): it is part of the compound.
            pos += 1;
            let e = word_end(text, pos);
            out.push(Unit {
                span: Span::new(pos, e),
                kind: UnitKind::Word,
                poss: false,
                ext_end: e,
                hyphen: false,
            });
            pos = e;
        }
    }
    group_names(text, sent, &mut out, lex);
    // Organisation head nouns refer back only after "the"/"this"/"that"
    // ("the bloc"); elsewhere they are plain words ("political bureau").
    for u in &mut out {
        if let UnitKind::Lex(Sense::Anaphor(_)) = u.kind {
            let before = text[..u.span.start].trim_end();
            let w = before
                .rsplit(|c: char| !c.is_alphanumeric())
                .next()
                .unwrap_or("");
            if !words::is_anaphor_det(w) {
                u.kind = UnitKind::Word;
            }
        }
    }
    out
}

fn starts_upper(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_uppercase)
}

/// True when unit `u` can be part of a capitalised name run.
fn cap_unit(text: &str, u: &Unit, lex: &ActorLexicon) -> bool {
    let t = u.text(text);
    let t = t.strip_prefix("the ").unwrap_or(t);
    match u.kind {
        UnitKind::Word => {
            (starts_upper(t)
                && !words::is_non_name_cap(t)
                && !t.chars().all(|c| c.is_ascii_digit()))
                || words::is_particle_name(t)
        }

        UnitKind::Lex(Sense::Role { role, .. }) => {
            starts_upper(t) && lex.roles[role].kind != RoleKind::Title
        }
        UnitKind::Lex(Sense::Anaphor(_)) => false,
        UnitKind::Lex(_) => starts_upper(t),
        UnitKind::Name { .. } => true,
    }
}

fn is_unknown(text: &str, u: &Unit) -> bool {
    u.is_word() && (starts_upper(u.text(text)) || words::is_particle_name(u.text(text)))
}

fn is_org_head_unit(text: &str, u: &Unit, lex: &ActorLexicon) -> bool {
    match u.kind {
        UnitKind::Lex(Sense::Role { role, .. }) => matches!(
            lex.roles[role].kind,
            RoleKind::Org | RoleKind::Subunit | RoleKind::Place
        ),
        UnitKind::Word => {
            let w = u.text(text);
            words::org_head(w).is_some() || words::is_place_head(w)
        }
        _ => false,
    }
}

/// Replaces runs of capitalised words that include words unknown to the
/// lexicon with one `Name` unit.
fn group_names(text: &str, sent: Span, units: &mut Vec<Unit>, lex: &ActorLexicon) {
    let n = units.len();
    // A title-case line (a headline) says nothing about which words are names.
    // Signs: function words written with a capital after the first word
    // ("Halts Its Mission At NATO"), or nearly every word capitalised.
    let words_n = units.len();
    let caps = units.iter().filter(|u| starts_upper(u.text(text))).count();
    let cap_function_words = units
        .iter()
        .skip(1)
        .filter(|u| u.is_word() && words::is_title_function_word(u.text(text)))
        .count();
    if words_n >= 4
        && ((cap_function_words > 0 && caps * 10 >= words_n * 6)
            || (words_n >= 6 && caps * 10 >= words_n * 9))
    {
        return;
    }
    let mut out: Vec<Unit> = Vec::with_capacity(n);
    let gap = |a: &Unit, b: &Unit| &text[a.ext_end.min(b.span.start)..b.span.start];
    let mut i = 0;
    while i < n {
        if !cap_unit(text, &units[i], lex) {
            out.push(units[i]);
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < n {
            let prev = &units[j - 1];
            if prev.poss || prev.hyphen {
                break;
            }
            let g = gap(prev, &units[j]);
            // A month or modal after a first name is a surname ("Theresa May").
            let surname_like = g == " "
                && units[j].is_word()
                && is_unknown(text, prev)
                && !words::is_stop_cap(prev.text(text))
                && words::is_surname_month(units[j].text(text));
            if surname_like {
                j += 1;
                continue;
            }
            // Function words end a run ("Mission At NATO" in a title-case line).
            if units[j].is_word() && words::is_stop_cap(units[j].text(text)) {
                break;
            }
            if g == " " && cap_unit(text, &units[j], lex) {
                j += 1;
                continue;
            }
            // A lower-case connector inside a name ("Ministry of Emergency Situations").
            if g == " "
                && units[j].is_word()
                && words::is_name_connector(units[j].text(text))
                && j + 1 < n
                && gap(&units[j], &units[j + 1]) == " "
                && is_unknown(text, &units[j + 1])
            {
                j += 2;
                continue;
            }
            // An initial ("George W. Bush").
            if g == ". "
                && prev.is_word()
                && prev.text(text).chars().count() == 1
                && starts_upper(prev.text(text))
                && cap_unit(text, &units[j], lex)
            {
                j += 1;
                continue;
            }
            break;
        }
        // Leading function words capitalised at the start of a sentence ("In", "The").
        let mut s0 = i;
        while s0 < j && units[s0].is_word() && words::is_stop_cap(units[s0].text(text)) {
            out.push(units[s0]);
            s0 += 1;
        }
        let last = j - 1;
        let org_named = is_org_head_unit(text, &units[last], lex);
        let unknown_at = |x: usize| {
            is_unknown(text, &units[x]) && (org_named || !words::is_skip_mod(units[x].text(text)))
        };
        // A person's name after a title ends the run: "Foreign Affairs Cabinet
        // Secretary Musalia Mudavadi" names "Musalia Mudavadi".
        let after_lex = (s0..j)
            .rev()
            .find(|&x| matches!(units[x].kind, UnitKind::Lex(Sense::Role { .. })));
        let tail_start = match after_lex {
            Some(x) if !org_named => x + 1,
            _ => s0,
        };
        let Some(k) = (tail_start..j)
            .find(|&x| unknown_at(x))
            .or_else(|| (s0..j).find(|&x| unknown_at(x)))
        else {
            out.extend_from_slice(&units[s0..j]);
            i = j;
            continue;
        };
        let mut s = k;
        // Capitalised modifiers directly before the name belong to it ("New York").
        while s > s0
            && units[s - 1].is_word()
            && starts_upper(units[s - 1].text(text))
            && words::is_skip_mod(units[s - 1].text(text))
        {
            s -= 1;
        }
        loop {
            if s == s0 {
                break;
            }
            let p = &units[s - 1];
            match p.kind {
                UnitKind::Lex(
                    Sense::CountryName(_) | Sense::Capital(_) | Sense::Seat(_) | Sense::City(_),
                ) => s -= 1,
                UnitKind::Lex(Sense::Role { .. }) if org_named => s -= 1,
                UnitKind::Word
                    if words::is_name_connector(p.text(text))
                        && s - 1 > s0
                        && is_org_head_unit(text, &units[s - 2], lex) =>
                {
                    s -= 2
                }
                UnitKind::Word if words::is_skip_mod(p.text(text)) && org_named => s -= 1,
                _ => break,
            }
        }
        out.extend_from_slice(&units[s0..s]);
        let first_in_sentence = text[sent.start..units[s].span.start]
            .chars()
            .all(|c| !c.is_alphanumeric());
        let single = s == last;
        let next_word = units.get(j).filter(|u| u.is_word()).map(|u| u.text(text));
        let follows_ok = next_word.is_some_and(words::is_speech_or_aux)
            || units
                .get(j)
                .is_some_and(|u| gap(&units[last], u).starts_with(','));
        let weak =
            single && (first_in_sentence || words::is_skip_mod(units[s].text(text))) && !follows_ok;
        out.push(Unit {
            span: Span::new(units[s].span.start, units[last].span.end),
            kind: UnitKind::Name { weak },
            poss: units[last].poss,
            ext_end: units[last].ext_end,
            hyphen: units[last].hyphen,
        });
        i = j;
    }
    *units = out;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<String> {
        let lex = ActorLexicon::builtin().expect("lexicon");
        units(text, Span::new(0, text.len()), 0, &lex)
            .iter()
            .filter(|u| matches!(u.kind, UnitKind::Name { weak: false }))
            .map(|u| u.text(text).to_string())
            .collect()
    }

    #[test]
    fn name_runs() {
        for (text, want) in [
            (
                "Russian Foreign Minister Sergey Lavrov said so.",
                vec!["Sergey Lavrov"],
            ),
            (
                "Foreign Affairs Cabinet Secretary Musalia Mudavadi spoke.",
                vec!["Musalia Mudavadi"],
            ),
            (
                "The NATO Information Office and Military Liaison Mission closed.",
                vec!["Information Office"],
            ),
            (
                "He met Jordan Peterson in Old Harbour.",
                vec!["Jordan Peterson", "Old Harbour"],
            ),
            (
                "Ministers met in the White House Rose Garden.",
                vec!["the White House Rose Garden"],
            ),
            (
                "The Ministry of Emergency Situations said so.",
                vec!["Ministry of Emergency Situations"],
            ),
            ("Khalil al-Hayya told Al Jazeera.", vec!["Khalil al-Hayya"]),
            (
                "British Prime Minister Theresa May spoke.",
                vec!["Theresa May"],
            ),
            ("George W. Bush met him.", vec!["George W. Bush"]),
            ("Russia Halts Its Mission At NATO", vec![]),
            ("In May the talks resumed.", vec![]),
        ] {
            assert_eq!(names(text), want, "{text}");
        }
    }

    #[test]
    fn possessives_and_hyphens() {
        let lex = ActorLexicon::builtin().expect("lexicon");
        let t = "Russia’s envoy and the U.S.-led coalition";
        let u = units(t, Span::new(0, t.len()), 0, &lex);
        assert!(u[0].poss && u[0].text(t) == "Russia");
        let us = u.iter().find(|x| x.text(t) == "U.S.").expect("U.S.");
        assert!(us.hyphen);
    }
}
