//! Quotations and speakers: direct quotations and reported statements, each
//! with its speaker linked to an entity.
//!
//! Reads `text`, `paragraphs`, `sentences`, `entities`, `mentions`; fills `quotes`
//! (in text order). The event stage finds the statement holding a trigger with
//! [`quote_at`].
//!
//! How it works, per paragraph:
//! 1. [`marks`] pairs quotation marks (curly, straight, single, guillemets;
//!    apostrophes told apart by what flanks them); outermost pairs are candidate
//!    direct quotations. Short embedded ones (one to three words, "called it
//!    “absurd”"), titles ("“War and Peace”") and names ("the so-called “…”")
//!    are not statements and are left out. A direct quotation's span is its
//!    content without the marks.
//! 2. Each direct quotation is attributed from the words right after it
//!    (`“…,” he said` / `“…,” said X, a Y`), else right before it (`X said: “…”`,
//!    `X vowed to “…”`, `X was more blunt: “…”`), else it continues the speaker
//!    of the statement before it. A quotation split around its attribution
//!    becomes two quotes with one speaker; a paragraph that is only quotation
//!    continues the previous speaker; a quotation running over paragraphs (no
//!    closing mark, the next paragraph reopening) becomes one quote per
//!    paragraph, all with its speaker.
//! 3. Reported speech is found from the speech and cognition verbs of
//!    `data/speech_verbs.txt` in the frames `X said (that) CLAUSE`,
//!    `X said on Monday (that) CLAUSE`, `CLAUSE, X said`, `CLAUSE, said X`,
//!    `according to X, CLAUSE`, `X told Y (that) CLAUSE`,
//!    `X quoted Y as saying CLAUSE`, `…, saying CLAUSE`, `X accused Y of CLAUSE`;
//!    the span is the reported clause only (it ends before `; `, `, while`, a
//!    participial tail or a second reporting verb).
//! 4. [`speaker`] resolves the speaker phrase to an entity through the actor
//!    stage's mentions: names and surnames; pronouns to the most salient
//!    compatible referent (a speaker of this paragraph, a person mentioned in it,
//!    a speaker of the previous one, then the actor stage's reading); "the
//!    official" to an earlier speaker so described; offices and spokespeople to
//!    their organisation; uncoded ministries and officials to the state of their
//!    sentence. With no entity, the phrase itself is the speaker's name.

pub mod lexicon;
pub mod marks;
pub mod phrase;
pub mod scan;
pub mod speaker;
mod words;

#[cfg(test)]
mod testdoc;
#[cfg(test)]
mod tests;

use crate::doc::{Doc, Quote, QuoteKind, Span, Speaker};
use lexicon::{Form, Frame, SpeechLexicon, VerbForm};
use marks::Marked;
use phrase::{is_in, lower_at};
use scan::{lower, Tok, TokKind};
use speaker::{Prior, Resolver};
use std::fmt::Write;
use std::sync::OnceLock;
use words::class::{
    ADVERBIAL, AFTER_OBJECT, AS_SAYING, AUXILIARIES, BARE_NOT_CONTENT, BE, COLON_VERBS,
    DETERMINERS, DOC_NOUNS, NAMING, NOT_PARTICIPIAL, ORG_HEADS, PRONOUNS, ROLE_WORDS, SPOKES_HEADS,
    TIME_UNITS, VERB_PREPOSITIONS,
};

/// The built-in speech-verb lexicon, compiled once per process.
pub fn builtin_lexicon() -> &'static SpeechLexicon {
    static LEX: OnceLock<SpeechLexicon> = OnceLock::new();
    LEX.get_or_init(|| SpeechLexicon::builtin().unwrap_or_default())
}

/// Finds statements with the built-in lexicon: reads `text`, `paragraphs`,
/// `sentences`, `entities`, `mentions`; fills `quotes` (in text order).
pub fn attribute(doc: &mut Doc) {
    attribute_with(doc, builtin_lexicon());
}

/// The index of the statement whose span holds byte `offset` (the innermost one
/// when statements nest), for the event stage's `events[].quote`.
pub fn quote_at(doc: &Doc, offset: usize) -> Option<usize> {
    doc.quotes
        .iter()
        .enumerate()
        .filter(|(_, q)| q.span.start <= offset && offset < q.span.end)
        .min_by_key(|(_, q)| q.span.len())
        .map(|(i, _)| i)
}

/// Writes the quotations section of the text report, grouped by speaker.
pub fn report(doc: &Doc, out: &mut String) {
    if doc.quotes.is_empty() {
        return;
    }
    let _ = writeln!(out, "\nQuotations");
    let mut groups: Vec<(String, Vec<usize>)> = Vec::new();
    for (i, q) in doc.quotes.iter().enumerate() {
        let who = match (&q.speaker.name, &q.speaker.code) {
            (Some(n), Some(c)) => format!("{n} [{c}]"),
            (Some(n), None) => n.clone(),
            (None, Some(c)) => format!("[{c}]"),
            (None, None) => "(speaker unknown)".to_string(),
        };
        match groups.iter_mut().find(|(w, _)| *w == who) {
            Some((_, v)) => v.push(i),
            None => groups.push((who, vec![i])),
        }
    }
    for (who, idx) in groups {
        let _ = writeln!(out, "  {who}");
        for i in idx {
            let q = &doc.quotes[i];
            let text = doc
                .slice(q.span)
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            match q.kind {
                QuoteKind::Direct => {
                    let _ = writeln!(out, "    direct   “{text}”");
                }
                QuoteKind::Indirect => {
                    let _ = writeln!(out, "    reported {text}");
                }
            }
        }
    }
}

/// How a statement's speaker is to be found.
#[derive(Clone, Debug, PartialEq)]
enum Who {
    /// A speaker phrase in the text.
    Phrase(Span),
    /// The previous statement's speaker (same paragraph, or the previous one
    /// when the paragraph is only quotation).
    Inherit,
    /// Continues a quotation from the previous paragraph.
    Continue,
    /// Nothing names one.
    Unknown,
}

#[derive(Clone, Debug)]
struct Cand {
    span: Span,
    kind: QuoteKind,
    cue: Option<Span>,
    who: Who,
    para: usize,
    /// Direct quotation left open at the end of its paragraph.
    open_end: bool,
    /// The paragraph holds nothing but quotation.
    quote_only: bool,
}

struct Para {
    span: Span,
    toks: Vec<Tok>,
    /// Token ranges of clause units.
    units: Vec<(usize, usize)>,
}

/// Finds statements with a given lexicon (see [`attribute`]).
pub fn attribute_with(doc: &mut Doc, lex: &SpeechLexicon) {
    let spans: Vec<Span> = if doc.paragraphs.is_empty() {
        vec![Span::new(0, doc.text.len())]
    } else {
        doc.paragraphs.iter().map(|p| p.span).collect()
    };
    let text = doc.text.as_str();
    let paras: Vec<Para> = spans
        .iter()
        .map(|&span| {
            let toks = scan::tokenize(text, span.start, span.end);
            let ends = scan::unit_ends(text, &toks);
            let mut units = Vec::new();
            let mut lo = 0;
            for e in ends {
                units.push((lo, e));
                lo = e;
            }
            Para { span, toks, units }
        })
        .collect();
    // direct quotations first: their contents are excluded from everything else
    let mut direct: Vec<Vec<(Marked, bool)>> = Vec::new();
    for p in &paras {
        let found = marks::find(text, p.span, &p.toks);
        let flagged = found
            .into_iter()
            .map(|m| (m.clone(), is_statement(text, p, &m, lex)))
            .collect();
        direct.push(flagged);
    }
    let excluded: Vec<Span> = direct
        .iter()
        .flatten()
        .filter(|(_, s)| *s)
        .map(|(m, _)| m.content)
        .collect();
    let resolver = Resolver::new(doc, &excluded);
    let mut priors: Vec<Prior> = Vec::new();
    let mut results: Vec<(Cand, Speaker)> = Vec::new();
    for (pi, p) in paras.iter().enumerate() {
        let statements: Vec<&Marked> = direct[pi]
            .iter()
            .filter(|(_, s)| *s)
            .map(|(m, _)| m)
            .collect();
        let quote_only = !statements.is_empty()
            && p.toks.iter().all(|t| {
                !t.is_word()
                    || statements
                        .iter()
                        .any(|m| m.content.contains(Span::new(t.start, t.end)))
            });
        let mut cands = Vec::new();
        // (the results are in paragraph order: only the last paragraph's are looked at)
        let prev_open_end = results
            .iter()
            .rev()
            .take_while(|(c, _)| c.para + 1 >= pi)
            .find(|(c, _)| c.kind == QuoteKind::Direct && c.para + 1 == pi)
            .is_some_and(|(c, _)| c.open_end);
        for (k, m) in statements.iter().enumerate() {
            let prev_close = if k > 0 {
                statements[k - 1].close.map(|c| c.end)
            } else {
                None
            };
            let next_open = statements.get(k + 1).map(|n| n.open.start);
            let continues = k == 0 && prev_open_end && m.open.start == p.span.start;
            let (who, cue) = if let Some((who, cue)) = after_attribution(text, lex, p, m, next_open)
            {
                (who, Some(cue))
            } else if let Some((who, cue)) = before_attribution(text, lex, p, m, prev_close) {
                (who, Some(cue))
            } else if continues {
                (Who::Continue, None)
            } else if k == 0 && pi > 0 && p.span.start == m.open.start {
                // a quotation opening the paragraph after "X said:"
                match lead_in(text, lex, &paras[pi - 1]) {
                    Some((who, cue)) => (who, Some(cue)),
                    None => (Who::Inherit, None),
                }
            } else {
                (Who::Inherit, None)
            };
            cands.push(Cand {
                span: m.content,
                kind: QuoteKind::Direct,
                cue,
                who,
                para: pi,
                open_end: m.close.is_none(),
                quote_only,
            });
        }
        let direct_spans: Vec<Span> = statements.iter().map(|m| m.content).collect();
        for &(lo, hi) in &p.units {
            reported(text, lex, p, lo, hi, &direct_spans, pi, &mut cands);
        }
        cands.sort_by_key(|c| (c.span.start, c.span.end));
        for c in cands {
            let speaker = match &c.who {
                Who::Phrase(ph) => resolver.resolve(*ph, &priors),
                Who::Inherit => {
                    let s = inherit(&results, &c);
                    if s == Speaker::default() {
                        resolver.lead_in_actor(c.span.start)
                    } else {
                        s
                    }
                }
                Who::Continue => results
                    .iter()
                    .rev()
                    .find(|(r, _)| r.para < c.para && r.kind == QuoteKind::Direct && r.open_end)
                    .map(|(_, s)| s.clone())
                    .unwrap_or_default(),
                Who::Unknown => Speaker::default(),
            };
            let at = match &c.who {
                Who::Phrase(ph) => ph.start,
                _ => c.span.start,
            };
            if speaker != Speaker::default() {
                priors.push(Prior {
                    at,
                    paragraph: pi,
                    speaker: speaker.clone(),
                });
            }
            results.push((c, speaker));
        }
    }
    // a quotation running over paragraphs whose attribution comes late
    for i in (1..results.len()).rev() {
        let (ci, si) = (&results[i].0, &results[i].1);
        if ci.kind == QuoteKind::Direct && si.name.is_some() {
            let speaker = si.clone();
            let para = ci.para;
            if let Some(j) = (0..i)
                .rev()
                .find(|&j| results[j].0.kind == QuoteKind::Direct)
            {
                let (cj, sj) = &results[j];
                if cj.open_end && cj.para + 1 == para && sj.name.is_none() {
                    results[j].1 = speaker;
                }
            }
        }
    }
    // “…” Smith added that ...: a quotation with no speaker of its own takes the
    // speaker of the statement right after it in the same paragraph
    for i in (0..results.len().saturating_sub(1)).rev() {
        let (next_para, next_named) = (results[i + 1].0.para, results[i + 1].0.who != Who::Inherit);
        if results[i].0.kind == QuoteKind::Direct
            && results[i].1.name.is_none()
            && next_para == results[i].0.para
            && next_named
            && results[i + 1].1.name.is_some()
        {
            results[i].1 = results[i + 1].1.clone();
        }
    }
    results.sort_by_key(|(c, _)| (c.span.start, c.span.end));
    let mut quotes = Vec::with_capacity(results.len());
    for (c, speaker) in results {
        let first = doc
            .sentences
            .partition_point(|s| s.span.end <= c.span.start);
        let sentences = (first..doc.sentences.len())
            .take_while(|&i| doc.sentences[i].span.start < c.span.end)
            .filter(|&i| doc.sentences[i].span.overlaps(c.span))
            .collect();
        quotes.push(Quote {
            span: c.span,
            kind: c.kind,
            speaker,
            cue: c.cue,
            sentences,
        });
    }
    doc.quotes = quotes;
    crate::actors::link_first_person(doc);
}

/// The speaker of the statement before this one in its paragraph; for a
/// paragraph of nothing but quotation, of the last statement before it.
fn inherit(results: &[(Cand, Speaker)], c: &Cand) -> Speaker {
    let same = results
        .iter()
        .rev()
        .take_while(|(r, _)| r.para == c.para)
        .find(|(r, s)| r.span.start < c.span.start && s.name.is_some());
    if let Some((_, s)) = same {
        return s.clone();
    }
    if c.quote_only {
        if let Some((_, s)) = results
            .iter()
            .rev()
            .take_while(|(r, _)| r.para + 2 >= c.para)
            .find(|(r, _)| r.para < c.para)
        {
            return s.clone();
        }
    }
    Speaker::default()
}

/// The token index range of a span.
fn tok_range(toks: &[Tok], span: Span) -> (usize, usize) {
    let a = toks.partition_point(|t| t.start < span.start);
    let b = toks.partition_point(|t| t.end <= span.end);
    (a, b.max(a))
}

fn unit_of(p: &Para, ti: usize) -> (usize, usize) {
    p.units
        .iter()
        .copied()
        .find(|&(lo, hi)| lo <= ti && ti < hi)
        .unwrap_or((0, p.toks.len()))
}

/// Is a quotation a statement (rather than a scare quote or a title)?
fn is_statement(text: &str, p: &Para, m: &Marked, lex: &SpeechLexicon) -> bool {
    let (a, b) = tok_range(&p.toks, m.content);
    let words: Vec<&Tok> = p.toks[a..b].iter().filter(|t| t.is_word()).collect();
    if words.is_empty() {
        return false;
    }
    let oi = p.toks.partition_point(|t| t.start < m.open.start);
    let (ulo, _) = unit_of(p, oi);
    let at_start = oi == ulo
        || (oi > 0 && matches!(p.toks[oi - 1].kind, TokKind::Punct(':' | ',' | '\u{2014}')));
    let has_punct = p.toks[a..b].iter().any(|t| {
        matches!(
            t.kind,
            TokKind::Punct(',' | '.' | '!' | '?' | ';' | ':' | '\u{2026}')
        )
    });
    // a name, not words someone said: the so-called “…”, dubbed “…”, known as “…”
    let naming = (oi.saturating_sub(2)..oi).any(|k| {
        is_in(NAMING, &lower_at(text, &p.toks, k))
            || (lower_at(text, &p.toks, k) == "as"
                && k > 0
                && matches!(lower_at(text, &p.toks, k - 1).as_str(), "known" | "billed"))
    });
    if naming && !has_punct && words.len() <= 8 {
        return false;
    }
    if words.len() >= 4 {
        // a title: every long word capitalised, no punctuation, in running text
        let title = !at_start
            && !has_punct
            && words.iter().all(|t| {
                let w = t.text(text);
                w.len() <= 3 || phrase::is_capitalised(w)
            });
        return !title;
    }
    let ends_punct = b > a
        && matches!(
            p.toks[b - 1].kind,
            TokKind::Punct(',' | '.' | '!' | '?' | '\u{2026}')
        );
    at_start && (ends_punct || after_attribution(text, lex, p, m, None).is_some())
}

/// The first speech-verb form of a word, with the token after it (past a particle).
fn verb_at<'l>(
    text: &str,
    lex: &'l SpeechLexicon,
    toks: &[Tok],
    i: usize,
) -> Option<(&'l VerbForm, usize)> {
    let t = toks.get(i)?;
    if !t.is_word() {
        return None;
    }
    let lw = lower(t.text(text));
    lex.lookup(&lw).iter().find_map(|f| match &f.particle {
        None => Some((f, i + 1)),
        Some(part) => (toks
            .get(i + 1)
            .is_some_and(|n| n.is_word() && lower(n.text(text)) == *part))
        .then_some((f, i + 2)),
    })
}

fn span_of(toks: &[Tok], a: usize, b: usize) -> Span {
    Span::new(toks[a].start, toks[b - 1].end)
}

fn tok_span(t: &Tok) -> Span {
    Span::new(t.start, t.end)
}

/// `“…,” he said` / `“…,” said X` / `“…,” according to X`.
fn after_attribution(
    text: &str,
    lex: &SpeechLexicon,
    p: &Para,
    m: &Marked,
    next_open: Option<usize>,
) -> Option<(Who, Span)> {
    let close = m.close?;
    let toks = &p.toks;
    let ci = toks.partition_point(|t| t.start < close.end);
    let (_, mut uhi) = unit_of(p, ci.saturating_sub(1));
    if uhi == ci && ci < toks.len() {
        // “… !” Smith shouted. — the unit split after the mark; a short next unit may attribute it
        let (nlo, nhi) = unit_of(p, ci);
        if nlo == ci && nhi - nlo <= 12 {
            uhi = nhi;
        }
    }
    let hi = next_open.map_or(uhi, |o| uhi.min(toks.partition_point(|t| t.start < o)));
    let mut k = ci;
    while k < hi
        && matches!(
            toks[k].kind,
            TokKind::Punct(',' | '\u{2014}' | '\u{2013}' | '-')
        )
    {
        k += 1;
    }
    if k >= hi || !toks[k].is_word() {
        return None;
    }
    if lower_at(text, toks, k) == "according" && lower_at(text, toks, k + 1) == "to" {
        let (a, b) = phrase::np_after(text, toks, k + 1, hi)?;
        return Some((Who::Phrase(span_of(toks, a, b)), span_of(toks, k, k + 2)));
    }
    for v in k..hi.min(k + 24) {
        let t = toks[v];
        if !(t.is_word()
            || t.is_punct(',')
            || t.is_punct('.')
            || t.is_punct('\'')
            || t.is_punct('-'))
        {
            return None;
        }
        let Some((f, vend)) = verb_at(text, lex, toks, v) else {
            continue;
        };
        if !f
            .forms
            .iter()
            .any(|x| matches!(x, Form::Past | Form::Third | Form::Base))
        {
            continue;
        }
        if v == k {
            let (a, b) = phrase::np_after(text, toks, vend - 1, hi)?;
            return Some((Who::Phrase(span_of(toks, a, b)), span_of(toks, v, vend)));
        }
        // a verb inside a relative clause ("the minister, who told parliament ..., said")
        // has no subject of its own here: look on for the main verb
        match phrase::subject_before(text, toks, k, v) {
            Some((a, b))
                if !(b == a + 1 && matches!(lower_at(text, toks, a).as_str(), "who" | "which")) =>
            {
                return Some((Who::Phrase(span_of(toks, a, b)), span_of(toks, v, vend)));
            }
            _ => continue,
        }
    }
    None
}

/// `X said: “…”`, `X vowed to “…”`, `according to X, “…”`, `X quoted Y as saying “…”`.
fn before_attribution(
    text: &str,
    lex: &SpeechLexicon,
    p: &Para,
    m: &Marked,
    prev_close: Option<usize>,
) -> Option<(Who, Span)> {
    let toks = &p.toks;
    let oi = toks.partition_point(|t| t.start < m.open.start);
    let (mut lo, _) = unit_of(p, oi);
    if let Some(pc) = prev_close {
        lo = lo.max(toks.partition_point(|t| t.start < pc));
    }
    if let Some(found) = clause_cue(text, lex, toks, lo, oi, 40) {
        return Some(found);
    }
    // "His counterpart, Lena Brandt, was more blunt: “…”": the subject of the clause
    // the colon ends
    if oi > lo + 1 && toks[oi - 1].is_punct(':') {
        let verb = (lo..oi - 1)
            .find(|&k| toks[k].is_word() && is_in(COLON_VERBS, &lower_at(text, toks, k)))?;
        let (a, b) = phrase::subject_before(text, toks, lo, verb)?;
        return Some((Who::Phrase(span_of(toks, a, b)), tok_span(&toks[oi - 1])));
    }
    None
}

/// The last speech verb in `toks[lo..hi]` (at most `gap` tokens before `hi`) and its speaker.
fn clause_cue(
    text: &str,
    lex: &SpeechLexicon,
    toks: &[Tok],
    lo: usize,
    hi: usize,
    gap: usize,
) -> Option<(Who, Span)> {
    for v in (lo..hi).rev() {
        if hi - v > gap {
            return None;
        }
        if matches!(toks[v].kind, TokKind::Mark(_)) {
            return None;
        }
        if lower_at(text, toks, v) == "according" && lower_at(text, toks, v + 1) == "to" {
            let (a, b) = phrase::np_after(text, toks, v + 1, hi)?;
            return Some((Who::Phrase(span_of(toks, a, b)), span_of(toks, v, v + 2)));
        }
        let Some((f, vend)) = verb_at(text, lex, toks, v) else {
            continue;
        };
        let frame = lex.lemma(f).frame;
        let prevw = prev_word(text, toks, lo, v);
        if prevw
            .as_deref()
            .is_some_and(|w| is_in(DETERMINERS, w) || w.ends_with("'s"))
        {
            continue;
        }
        let passive =
            prevw.as_deref().is_some_and(|w| is_in(BE, w)) && f.forms.contains(&Form::Participle);
        let cue = span_of(toks, v, vend);
        if f.forms == [Form::Ing] && prevw.as_deref() == Some("as") {
            continue; // "quoted X as saying": the quoting verb is further back
        }
        if frame == Frame::Quote {
            if passive {
                // subject_before skips the be-form of the passive
                let (a, b) = phrase::subject_before(text, toks, lo, v)?;
                return Some((Who::Phrase(span_of(toks, a, b)), cue));
            }
            let as_at = (vend..hi.min(vend + 10)).find(|&i| lower_at(text, toks, i) == "as")?;
            if as_at > vend {
                return Some((Who::Phrase(span_of(toks, vend, as_at)), cue));
            }
            return None;
        }
        if passive {
            continue;
        }
        if f.forms == [Form::Ing] && v > lo && toks[v - 1].is_punct(',') {
            return initial_np(text, toks, lo, v)
                .map(|(a, b)| (Who::Phrase(span_of(toks, a, b)), cue));
        }
        let (a, b) = phrase::subject_before(text, toks, lo, v)?;
        return Some((Who::Phrase(span_of(toks, a, b)), cue));
    }
    None
}

/// A paragraph ending "X said:" introduces the quotation of the next paragraph.
fn lead_in(text: &str, lex: &SpeechLexicon, p: &Para) -> Option<(Who, Span)> {
    let last = p.toks.last()?;
    if !last.is_punct(':') {
        return None;
    }
    let n = p.toks.len() - 1;
    let (lo, _) = unit_of(p, n);
    clause_cue(text, lex, &p.toks, lo, n, 12)
}

/// The word before token `v` (past -ly adverbs), lower case.
fn prev_word(text: &str, toks: &[Tok], lo: usize, v: usize) -> Option<String> {
    let mut j = v;
    while j > lo {
        let t = toks[j - 1];
        if !t.is_word() {
            return None;
        }
        let lw = lower(t.text(text));
        if phrase::is_ly_adverb(t.text(text)) {
            j -= 1;
            continue;
        }
        return Some(lw);
    }
    None
}

/// The noun phrase a clause opens with ("The ministry" in "The ministry issued a
/// statement, saying ..."): a run of capitalised words, or a determiner and its noun.
fn initial_np(text: &str, toks: &[Tok], lo: usize, hi: usize) -> Option<(usize, usize)> {
    let mut a = lo;
    while a < hi && !toks[a].is_word() {
        a += 1;
    }
    let mut b = a;
    while b < hi
        && toks[b].is_word()
        && (phrase::is_capitalised(toks[b].text(text)) || toks[b].text(text).contains('.'))
    {
        b += 1;
    }
    if b < hi
        && b > a
        && b == a + 1
        && is_in(DETERMINERS, &lower_at(text, toks, a))
        && toks[b].is_word()
    {
        b += 1;
    }
    (b > a).then_some((a, b))
}

/// For "a statement from the ministry", the range of "the ministry".
fn source_in(text: &str, toks: &[Tok], a: usize, b: usize) -> (usize, usize) {
    if let Some(pi) =
        (a..b).find(|&i| matches!(lower_at(text, toks, i).as_str(), "from" | "by" | "of"))
    {
        let head_is_doc = (a..pi)
            .rev()
            .find(|&i| toks[i].is_word())
            .is_some_and(|i| is_in(DOC_NOUNS, &lower_at(text, toks, i)));
        if head_is_doc && pi + 1 < b {
            return (pi + 1, b);
        }
    }
    (a, b)
}

/// Content span of tokens `[a, b)`: trailing punctuation and marks dropped.
fn content(text: &str, toks: &[Tok], a: usize, mut b: usize) -> Option<Span> {
    let mut a = a;
    while a < b
        && matches!(
            toks[a].kind,
            TokKind::Punct(',' | ':' | '\u{2014}' | '\u{2013}')
        )
    {
        a += 1;
    }
    // a dateline: "BRUSSELS (Reuters) - ", "KYIV — "
    if toks
        .get(a)
        .is_some_and(|t| t.is_word() && is_dateline_word(t.text(text)))
    {
        let mut k = a;
        let mut paren = false;
        while k < b && k < a + 12 {
            let t = toks[k];
            match t.kind {
                TokKind::Punct('(') => paren = true,
                TokKind::Punct(')') => paren = false,
                TokKind::Punct('-' | '\u{2014}' | '\u{2013}') if !paren => {
                    a = k + 1;
                    break;
                }
                TokKind::Punct(',' | '.') => {}
                TokKind::Word if paren || is_dateline_word(t.text(text)) => {}
                _ => break,
            }
            k += 1;
        }
    }
    let full = b;
    while b > a && !toks[b - 1].is_word() && !matches!(toks[b - 1].kind, TokKind::Punct(')' | ']'))
    {
        b -= 1;
    }
    if b <= a {
        return None;
    }
    // keep the closing mark of a quotation the clause ends with (called it “baseless”)
    let marks = toks[a..b]
        .iter()
        .filter(|t| matches!(t.kind, TokKind::Mark(_)))
        .count();
    if !marks.is_multiple_of(2) {
        if let Some(m) = (b..full).find(|&k| matches!(toks[k].kind, TokKind::Mark(_))) {
            b = m + 1;
        }
    }
    Some(span_of(toks, a, b))
}

/// A word of a dateline: upper case ("BRUSSELS", "U.S").
fn is_dateline_word(w: &str) -> bool {
    w.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !w.chars().any(char::is_lowercase)
}

/// Number of words of `span` outside direct quotations.
fn own_words(toks: &[Tok], span: Span, direct: &[Span]) -> usize {
    toks.iter()
        .filter(|t| {
            t.is_word()
                && span.contains(tok_span(t))
                && !direct.iter().any(|d| d.contains(tok_span(t)))
        })
        .count()
}

/// Is the rest of the clause after a verb a tail (nothing, or an adverbial)
/// rather than reported content?
fn is_tail(text: &str, toks: &[Tok], k: usize, hi: usize, frame: Frame) -> bool {
    let mut k = k;
    if matches!(frame, Frame::ObjBare | Frame::ObjThat)
        && k < hi
        && toks[k].is_word()
        && lower_at(text, toks, k) != "that"
    {
        // "told reporters." / "told the newspaper."
        if is_in(DETERMINERS, &lower_at(text, toks, k)) {
            k += 1;
        }
        if k < hi && toks[k].is_word() {
            k += 1;
        }
    }
    if k >= hi {
        return true;
    }
    match toks[k].kind {
        TokKind::Punct('.' | '!' | '?' | ',' | ';') => true,
        TokKind::Word if is_in(ADVERBIAL, &lower_at(text, toks, k)) => {
            let mut n = 0;
            for t in &toks[k..hi] {
                if t.is_punct(',') || t.is_punct('.') || t.is_punct(';') {
                    return true;
                }
                if t.is_word() {
                    if lower(t.text(text)) == "that" {
                        return false;
                    }
                    n += 1;
                    if n > 8 {
                        return false;
                    }
                }
            }
            true
        }
        _ => false,
    }
}

/// Where the reported clause starts after a verb ending at `vend`, if it has one.
fn clause_start(text: &str, toks: &[Tok], vend: usize, hi: usize, frame: Frame) -> Option<usize> {
    let mut k = vend;
    if k >= hi {
        return None;
    }
    let word = |i: usize| lower_at(text, toks, i);
    let find_that = |from: usize, max: usize| {
        let mut n = 0;
        for (i, t) in toks.iter().enumerate().take(hi).skip(from) {
            match t.kind {
                TokKind::Word => {
                    if lower(t.text(text)) == "that" {
                        return Some(i + 1);
                    }
                    n += 1;
                    if n > max {
                        return None;
                    }
                }
                TokKind::Punct('.' | ';' | '!' | '?') | TokKind::Mark(_) => return None,
                _ => {}
            }
        }
        None
    };
    if toks[k].is_punct(':') {
        return Some(k + 1);
    }
    if toks[k].is_punct(',') && k + 1 < hi && is_in(ADVERBIAL, &word(k + 1)) {
        k += 1;
    }
    if !toks[k].is_word() {
        return None;
    }
    if word(k) == "that" {
        return Some(k + 1);
    }
    if matches!(frame, Frame::ObjBare | Frame::ObjThat) {
        if let Some(s) = find_that(k, 6) {
            return Some(s);
        }
        if frame == Frame::ObjThat {
            return None;
        }
        // skip the addressee: a determiner and one word, or a run of capitalised words
        let mut j = k;
        if is_in(DETERMINERS, &word(j)) {
            j += 1;
            if j < hi && toks[j].is_word() {
                j += 1;
            }
        } else if phrase::is_capitalised(toks[j].text(text)) {
            while j < hi && toks[j].is_word() && phrase::is_capitalised(toks[j].text(text)) {
                j += 1;
            }
        } else {
            j += 1;
        }
        // "told a meeting of the Security Council (on Friday) that ..."
        while j < hi && word(j) == "of" {
            j += 1;
            if is_in(DETERMINERS, &word(j)) {
                j += 1;
            }
            let run = j;
            while j < hi && toks[j].is_word() && phrase::is_capitalised(toks[j].text(text)) {
                j += 1;
            }
            if j == run && j < hi && toks[j].is_word() {
                j += 1;
            }
        }
        if word(j) == "that" {
            return Some(j + 1);
        }
        if j < hi && is_in(AFTER_OBJECT, &word(j)) {
            if let Some(s) = find_that(j, 10) {
                return Some(s);
            }
            // "told reporters in Vilnius she ...", "told reporters on Monday the ..."
            let t = skip_time(text, toks, j, hi);
            j = if t > j {
                t
            } else {
                skip_place(text, toks, j, hi)
            };
            if j == k || j >= hi || !toks[j].is_word() || is_in(ADVERBIAL, &word(j)) {
                return None;
            }
        }
        return (j < hi && toks[j].is_word()).then_some(j);
    }
    if is_in(ADVERBIAL, &word(k)) {
        if let Some(s) = find_that(k, 15) {
            return Some(s);
        }
        if frame != Frame::Bare {
            return None;
        }
        // "said at least 12 people ...", "said on Monday the talks ..."
        if word(k) == "at" && matches!(word(k + 1).as_str(), "least" | "most") {
            return Some(k);
        }
        let j = skip_time(text, toks, k, hi);
        return (j > k && j < hi && toks[j].is_word() && !is_in(ADVERBIAL, &word(j))).then_some(j);
    }
    if frame == Frame::Bare {
        if is_in(BARE_NOT_CONTENT, &word(k)) && (k + 1 >= hi || !toks[k + 1].is_word()) {
            return None;
        }
        if word(k) == "to" {
            return None;
        }
        // "said of the atmosphere ...": a preposition, not a clause
        if is_in(VERB_PREPOSITIONS, &word(k)) {
            return find_that(k, 12);
        }
        return Some(k);
    }
    None
}

/// Does the inverted subject ending at token `b` end where one should (the clause
/// end, punctuation or an adverbial)? "…, said the suspension of X to …" is not one.
fn ends_inverted_np(text: &str, toks: &[Tok], b: usize, hi: usize) -> bool {
    if b >= hi {
        return true;
    }
    match toks[b].kind {
        TokKind::Punct(c) => matches!(
            c,
            ',' | '.' | ';' | '!' | '?' | ':' | '(' | '\u{2014}' | '\u{2013}'
        ),
        TokKind::Word => phrase::ends_inverted_subject(&lower(toks[b].text(text))),
        TokKind::Mark(_) => true,
    }
}

/// Skips a time adverbial ("on Monday", "late on Sunday", "last week", "this
/// month", "yesterday"); returns the token after it, or `k` when there is none.
fn skip_time(text: &str, toks: &[Tok], k: usize, hi: usize) -> usize {
    let w = |i: usize| {
        if i < hi {
            lower_at(text, toks, i)
        } else {
            String::new()
        }
    };
    let mut j = k;
    if matches!(w(j).as_str(), "late" | "early" | "earlier" | "later") {
        j += 1;
    }
    // a day or month name, or a day word ("today", "tonight")
    let day = |x: &str| {
        crate::calendar::weekday_index(x).is_some()
            || crate::calendar::full_month(x).is_some()
            || matches!(x, "today" | "yesterday" | "tonight")
    };
    if matches!(w(j).as_str(), "on" | "in") && day(&w(j + 1)) {
        j += 2;
    } else if day(&w(j)) {
        j += 1;
    } else if matches!(w(j).as_str(), "last" | "this" | "next") && is_in(TIME_UNITS, &w(j + 1)) {
        j += 2;
    } else {
        return k;
    }
    // "on Monday morning", "on October 5"
    if is_in(TIME_UNITS, &w(j)) {
        j += 1;
    }
    while j < hi
        && toks[j].kind == TokKind::Word
        && toks[j].text(text).chars().all(|c| c.is_ascii_digit())
    {
        j += 1;
    }
    j
}

/// Skips a place ("in Vilnius", "at the United Nations"): a preposition and a run
/// of capitalised words; returns the token after it, or `k` when there is none.
fn skip_place(text: &str, toks: &[Tok], k: usize, hi: usize) -> usize {
    if !matches!(lower_at(text, toks, k).as_str(), "in" | "at" | "from") {
        return k;
    }
    let mut j = k + 1;
    if lower_at(text, toks, j) == "the" {
        j += 1;
    }
    let start = j;
    while j < hi && toks[j].is_word() && phrase::is_capitalised(toks[j].text(text)) {
        j += 1;
    }
    if j == start {
        k
    } else {
        j
    }
}

/// For a verb coordinated with an earlier reporting verb of the same clause unit
/// ("... and has accused"), the earlier statement's speaker.
/// Whether the noun phrase `a..b` can name someone who speaks: a name, or a
/// head that is an office, a role or a source ("officials", "the ministry").
fn speakerlike(text: &str, toks: &[Tok], a: usize, b: usize) -> bool {
    let Some(head) = toks[a..b].iter().rev().find(|t| t.is_word()) else {
        return false;
    };
    let w = head.text(text);
    let lw = lower(w);
    phrase::is_capitalised(w)
        || is_in(ORG_HEADS, &lw)
        || is_in(SPOKES_HEADS, &lw)
        || is_in(ROLE_WORDS, &lw)
}

fn coordinated(
    text: &str,
    toks: &[Tok],
    lo: usize,
    v: usize,
    pi: usize,
    out: &[Cand],
) -> Option<Who> {
    let j = phrase::skip_preverb(text, toks, lo, v);
    let mut j = j;
    while j > lo && is_in(AUXILIARIES, &lower_at(text, toks, j - 1)) {
        j -= 1;
    }
    if j == lo || !matches!(lower_at(text, toks, j - 1).as_str(), "and" | "but") {
        return None;
    }
    out.iter()
        .rev()
        .find(|c| {
            c.para == pi
                && c.cue
                    .is_some_and(|cu| cu.start >= toks[lo].start && cu.start < toks[v].start)
        })
        .map(|c| c.who.clone())
        .or_else(|| initial_np(text, toks, lo, v).map(|(a, b)| Who::Phrase(span_of(toks, a, b))))
}

/// Reported speech in the clause unit `toks[lo..hi]` of paragraph `p`.
#[allow(clippy::too_many_arguments)]
fn reported(
    text: &str,
    lex: &SpeechLexicon,
    p: &Para,
    lo: usize,
    hi: usize,
    direct: &[Span],
    pi: usize,
    out: &mut Vec<Cand>,
) {
    let toks = &p.toks;
    let mut taken: Vec<Span> = Vec::new();
    let inside = |s: Span, taken: &[Span]| direct.iter().chain(taken.iter()).any(|d| d.contains(s));
    let push =
        |out: &mut Vec<Cand>, taken: &mut Vec<Span>, span: Option<Span>, who: Who, cue: Span| {
            let Some(span) = span else { return };
            // a clause already reported by someone else ("X said Y, reports AP") keeps that speaker
            // an accusation may be one word ("accused them of espionage")
            let accusation = lex
                .lookup(&lower(&text[cue.start..cue.end]))
                .iter()
                .any(|f| lex.lemma(f).frame == Frame::Accuse);
            let min = if accusation { 1 } else { 3 };
            if own_words(toks, span, direct) < min || taken.iter().any(|t| t.overlaps(span)) {
                return;
            }
            taken.push(span);
            out.push(Cand {
                span,
                kind: QuoteKind::Indirect,
                cue: Some(cue),
                who,
                para: pi,
                open_end: false,
                quote_only: false,
            });
        };
    let mut i = lo;
    while i < hi {
        let t = toks[i];
        i += 1;
        let v = i - 1;
        if !t.is_word() || inside(tok_span(&t), &taken) {
            continue;
        }
        let lw = lower(t.text(text));
        if lw == "according" && lower_at(text, toks, v + 1) == "to" {
            let Some((a, b)) = phrase::np_after(text, toks, v + 1, hi) else {
                continue;
            };
            let (sa, sb) = source_in(text, toks, a, b);
            let who = Who::Phrase(span_of(toks, sa, sb));
            let cue = span_of(toks, v, v + 2);
            if v > lo && toks[v - 1].is_punct(',') {
                push(out, &mut taken, content(text, toks, lo, v - 1), who, cue);
            } else if b < hi && toks[b].is_punct(',') {
                push(out, &mut taken, content(text, toks, b + 1, hi), who, cue);
            }
            continue;
        }
        let Some((f, vend)) = verb_at(text, lex, toks, v) else {
            continue;
        };
        let lemma = lex.lemma(f);
        let prevw = prev_word(text, toks, lo, v);
        let pw = prevw.as_deref().unwrap_or("");
        if is_in(DETERMINERS, pw)
            || pw.ends_with("'s")
            || matches!(pw, "not" | "never" | "no")
            || pw.ends_with("n't")
        {
            continue;
        }
        let passive = is_in(BE, pw) && f.forms.contains(&Form::Participle);
        let cue = span_of(toks, v, vend);
        let finite_only = f
            .forms
            .iter()
            .all(|x| matches!(x, Form::Base | Form::Third));
        if finite_only {
            if !pw.is_empty() && verb_at(text, lex, toks, v - 1).is_some() {
                continue;
            }
            // "protests", "reports", "claims" are nouns as often as verbs: outside the
            // say/tell/think family, a present tense needs a name or pronoun before it
            if !matches!(lemma.frame, Frame::Bare | Frame::ObjBare) {
                let before = (v > lo).then(|| toks[v - 1]).filter(Tok::is_word);
                let subjectlike = before.is_some_and(|b| {
                    let w = b.text(text);
                    phrase::is_capitalised(w) || is_in(PRONOUNS, &lower(w))
                });
                if !subjectlike {
                    continue;
                }
            }
            if f.forms.contains(&Form::Base) && !f.forms.contains(&Form::Third) {
                let plural = is_in(PRONOUNS, pw) && !matches!(pw, "he" | "she" | "it")
                    || (pw.ends_with('s') && !pw.ends_with("ss") && pw.len() > 2);
                if !plural {
                    continue;
                }
            }
        }
        if lemma.frame == Frame::Accuse {
            // "X accused Y of CHARGE"; a participle ("..., accusing Y of CHARGE",
            // "blaming Y for ...") gives the reason for an act, not a statement
            if passive || pw == "to" || f.forms == [Form::Ing] {
                continue;
            }
            let Some(of) = (vend..hi.min(vend + 8))
                .find(|&k| matches!(lower_at(text, toks, k).as_str(), "of" | "for"))
            else {
                continue;
            };
            let who = if let Some(who) = coordinated(text, toks, lo, v, pi, out) {
                Some(who)
            } else if f.forms == [Form::Ing] && v > lo && toks[v - 1].is_punct(',') {
                initial_np(text, toks, lo, v).map(|(a, b)| Who::Phrase(span_of(toks, a, b)))
            } else {
                phrase::subject_before(text, toks, lo, v)
                    .map(|(a, b)| Who::Phrase(span_of(toks, a, b)))
            };
            if let Some(who) = who {
                let end = clause_end(text, lex, toks, of + 1, hi);
                push(out, &mut taken, content(text, toks, of + 1, end), who, cue);
            }
            continue;
        }
        if lemma.frame == Frame::Quote {
            // "X quoted Y as saying (that) CLAUSE", "CLAUSE, X quoted Y as saying", "CLAUSE, citing Y"
            if f.forms == [Form::Ing] && v > lo && toks[v - 1].is_punct(',') {
                // "citing officials" names a source; "citing a surge in
                // infections" a reason, which speaks no words
                let source = phrase::np_after(text, toks, vend - 1, hi)
                    .filter(|&(a, b)| speakerlike(text, toks, a, b));
                if let Some((a, b)) = source {
                    push(
                        out,
                        &mut taken,
                        content(text, toks, lo, v - 1),
                        Who::Phrase(span_of(toks, a, b)),
                        cue,
                    );
                }
                continue;
            }
            let Some(as_at) = (vend..hi.min(vend + 10)).find(|&k| lower_at(text, toks, k) == "as")
            else {
                continue;
            };
            if !is_in(AS_SAYING, &lower_at(text, toks, as_at + 1)) {
                continue;
            }
            let who = if passive {
                match phrase::subject_before(text, toks, lo, v) {
                    Some((a, b)) => Who::Phrase(span_of(toks, a, b)),
                    None => continue,
                }
            } else if as_at > vend {
                let (a, b) = source_in(text, toks, vend, as_at);
                Who::Phrase(span_of(toks, a, b))
            } else {
                continue;
            };
            let after = as_at + 2;
            if let Some(s) = clause_start(text, toks, after, hi, Frame::Bare) {
                push(out, &mut taken, content(text, toks, s, hi), who, cue);
            } else if !passive {
                // the clause came first: "CLAUSE, the agency quoted Y as saying."
                let j = phrase::skip_preverb(text, toks, lo, v);
                if let Some((a, _)) = phrase::subject_before(text, toks, lo, v) {
                    if a > lo && toks[a - 1].is_punct(',') && j > a {
                        push(out, &mut taken, content(text, toks, lo, a - 1), who, cue);
                    }
                }
            }
            continue;
        }
        if passive || pw == "to" {
            continue;
        }
        if f.forms == [Form::Ing] {
            // ", saying (that) CLAUSE": the speaker is the clause's subject
            if v > lo && toks[v - 1].is_punct(',') {
                if let Some(s) = clause_start(text, toks, vend, hi, lemma.frame) {
                    let subj = out
                        .iter()
                        .rev()
                        .find(|c| {
                            c.para == pi
                                && c.cue.is_some_and(|cu| {
                                    cu.start >= toks[lo].start && cu.start < t.start
                                })
                        })
                        .map(|c| c.who.clone());
                    let np_lo = (lo..v)
                        .rev()
                        .find(|&k| matches!(toks[k].kind, TokKind::Mark(_)))
                        .map_or(lo, |k| k + 1);
                    let who = subj.or_else(|| {
                        initial_np(text, toks, np_lo, v)
                            .map(|(a, b)| Who::Phrase(span_of(toks, a, b)))
                    });
                    push(
                        out,
                        &mut taken,
                        content(text, toks, s, hi),
                        who.unwrap_or(Who::Unknown),
                        cue,
                    );
                }
            }
            continue;
        }
        // "CLAUSE, said X"
        if v > lo
            && toks[v - 1].is_punct(',')
            && toks
                .get(vend)
                .is_some_and(|n| n.is_word() && lower(n.text(text)) != "that")
            && !appositive_subject(text, toks, lo, v)
        {
            if let Some((a, b)) = phrase::np_after(text, toks, vend - 1, hi) {
                let clause = content(text, toks, lo, v - 1);
                if !is_in(ADVERBIAL, &lower_at(text, toks, a))
                    && ends_inverted_np(text, toks, b, hi)
                    && !(a..b).any(|k| is_in(AUXILIARIES, &lower_at(text, toks, k)))
                    && clause.is_some_and(|c| own_words(toks, c, direct) >= 3)
                {
                    push(
                        out,
                        &mut taken,
                        clause,
                        Who::Phrase(span_of(toks, a, b)),
                        cue,
                    );
                    continue;
                }
            }
        }
        // "X denied that ... and has accused Y of ...": the subject of the first verb
        if let Some(who) = coordinated(text, toks, lo, v, pi, out) {
            if let Some(s) = clause_start(text, toks, vend, hi, lemma.frame) {
                let end = clause_end(text, lex, toks, s, hi);
                push(out, &mut taken, content(text, toks, s, end), who, cue);
            }
            continue;
        }
        let Some((a, b)) = phrase::subject_before(text, toks, lo, v) else {
            continue;
        };
        let who = Who::Phrase(span_of(toks, a, b));
        // "CLAUSE, X said (on Monday)." / "CLAUSE, the agency said, citing Y."
        if a > lo && toks[a - 1].is_punct(',') && is_tail(text, toks, vend, hi, lemma.frame) {
            let cited = (vend..hi)
                .find(|&k| {
                    toks[k - 1].is_punct(',')
                        && matches!(lower_at(text, toks, k).as_str(), "citing" | "quoting")
                })
                .and_then(|k| phrase::np_after(text, toks, k, hi));
            let who = match cited {
                Some((ca, cb)) => Who::Phrase(span_of(toks, ca, cb)),
                None => who,
            };
            push(out, &mut taken, content(text, toks, lo, a - 1), who, cue);
            continue;
        }
        // "X said (that) CLAUSE"
        if let Some(s) = clause_start(text, toks, vend, hi, lemma.frame) {
            if s < hi && matches!(toks[s].kind, TokKind::Mark(_)) {
                continue;
            }
            let end = clause_end(text, lex, toks, s, hi);
            let span = content(text, toks, s, end).map(|c| close_quotes(toks, c, direct));
            push(out, &mut taken, span, who, cue);
        }
    }
}

/// "Jane Doe, the secretary, said ...": a short subject and an appositive before the verb.
fn appositive_subject(text: &str, toks: &[Tok], lo: usize, v: usize) -> bool {
    let commas = toks[lo..v].iter().filter(|t| t.is_punct(',')).count();
    if commas < 2 {
        return false;
    }
    match phrase::subject_before(text, toks, lo, v) {
        Some((a, b)) => b - a <= 5 && !(a..b).any(|k| is_in(AUXILIARIES, &lower_at(text, toks, k))),
        None => false,
    }
}

/// Where a reported clause starting at `s` ends: the unit end, or before "; ",
/// ", while ...", or ", but/and X said ..." (a second statement).
fn clause_end(text: &str, lex: &SpeechLexicon, toks: &[Tok], s: usize, hi: usize) -> usize {
    for k in s..hi {
        if toks[k].is_punct(';') {
            return k;
        }
        // "... was rigged and has accused the West of ...": a second reporting verb
        if k > s && matches!(lower_at(text, toks, k).as_str(), "and" | "but") {
            let mut j = k + 1;
            while j < hi.min(k + 4)
                && (is_in(AUXILIARIES, &lower_at(text, toks, j))
                    || phrase::is_ly_adverb(toks[j].text(text)))
            {
                j += 1;
            }
            if verb_at(text, lex, toks, j).is_some_and(|(f, _)| {
                f.forms
                    .iter()
                    .any(|x| matches!(x, Form::Past | Form::Third))
            }) {
                return k;
            }
        }
        if toks[k].is_punct(',') {
            // ", said" closes an appositive the clause was part of
            if verb_at(text, lex, toks, k + 1).is_some_and(|(f, _)| {
                f.forms
                    .iter()
                    .any(|x| matches!(x, Form::Past | Form::Third))
            }) {
                return k;
            }
            let next = lower_at(text, toks, k + 1);
            if matches!(next.as_str(), "while" | "whereas") {
                return k;
            }
            // ", calling the reports baseless" belongs to the reporting clause
            if next.ends_with("ing")
                && next.len() > 5
                && !is_in(NOT_PARTICIPIAL, &next)
                && toks
                    .get(k + 1)
                    .is_some_and(|n| !phrase::is_capitalised(n.text(text)))
            {
                return k;
            }
            if matches!(next.as_str(), "but" | "and" | "although" | "though")
                && (k + 2..hi.min(k + 9)).any(|j| {
                    verb_at(text, lex, toks, j).is_some_and(|(f, _)| {
                        f.forms
                            .iter()
                            .any(|x| matches!(x, Form::Past | Form::Third))
                    })
                })
            {
                return k;
            }
        }
    }
    hi
}

/// Extends a reported clause that ends inside a direct quotation to its closing mark.
fn close_quotes(toks: &[Tok], c: Span, direct: &[Span]) -> Span {
    for d in direct {
        if d.start > c.start && d.start < c.end && c.end <= d.end {
            let i = toks.partition_point(|t| t.start < d.end);
            if let Some(m) = toks.get(i).filter(|t| matches!(t.kind, TokKind::Mark(_))) {
                return Span::new(c.start, m.end);
            }
        }
    }
    c
}
