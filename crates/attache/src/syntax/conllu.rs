//! CoNLL-U, the format the syntax models learn from and `attache read --format
//! conllu` writes: one block per sentence, ten tab-separated columns per token
//! (ID FORM LEMMA UPOS XPOS FEATS HEAD DEPREL DEPS MISC), the entity tag in MISC
//! as `NER=B-ORG` / `NER=O`, and `SpaceAfter=No` where no space follows.
//! Without a syntax layer the analysis columns are `_`, which is what the
//! silver script (`tools/silver`) fills in.

use super::{Dep, EntType, Iob, Tag, Upos};
use crate::doc::Doc;
use std::fmt::Write as _;

/// Writes every sentence of `doc` as CoNLL-U. `id` names the document in the
/// `# sent_id` comments (`id-1`, `id-2`, …).
pub fn write_doc(doc: &Doc, id: &str, out: &mut String) {
    let syntax = doc.has_syntax();
    for (n, sentence) in doc.sentences.iter().enumerate() {
        let text = doc.slice(sentence.span);
        let _ = writeln!(out, "# sent_id = {}-{}", id, n + 1);
        out.push_str("# text = ");
        for c in text.chars() {
            out.push(if c == '\n' || c == '\r' || c == '\t' {
                ' '
            } else {
                c
            });
        }
        out.push('\n');
        let range = sentence.tokens;
        for i in range.start..range.end {
            let token = &doc.tokens[i];
            let form = clean_field(doc.slice(token.span));
            let space_after = doc
                .tokens
                .get(i + 1)
                .is_none_or(|next| next.span.start > token.span.end);
            let _ = write!(out, "{}\t{}\t", i - range.start + 1, form);
            if syntax {
                let s = doc.syntax[i];
                let head = if s.head as usize == i || s.dep == Dep::Root {
                    0
                } else {
                    s.head as usize - range.start + 1
                };
                let lemma = doc.lemma(i);
                let ner = match s.iob {
                    Iob::O => "O".to_string(),
                    Iob::B => format!("B-{}", s.ent),
                    Iob::I => format!("I-{}", s.ent),
                };
                let _ = write!(
                    out,
                    "{}\t{}\t{}\t_\t{}\t{}\t_\tNER={}",
                    clean_field(&lemma),
                    s.upos,
                    s.tag,
                    head,
                    s.dep,
                    ner
                );
            } else {
                out.push_str("_\t_\t_\t_\t_\t_\t_\tNER=_");
            }
            if !space_after {
                out.push_str("|SpaceAfter=No");
            }
            out.push('\n');
        }
        out.push('\n');
    }
}

/// A form or lemma as a CoNLL-U field: no tabs, no spaces, never empty.
fn clean_field(s: &str) -> Cow<'_, str> {
    if s.is_empty() {
        return Cow::Borrowed("_");
    }
    if s.contains(|c: char| c.is_whitespace()) {
        Cow::Owned(
            s.chars()
                .map(|c| if c.is_whitespace() { '_' } else { c })
                .collect(),
        )
    } else {
        Cow::Borrowed(s)
    }
}

use std::borrow::Cow;

/// One sentence read from CoNLL-U. Vectors are parallel, one entry per word;
/// analysis columns that were `_` are `None`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Sentence {
    /// The `# sent_id` comment, if any.
    pub id: String,
    /// Word forms.
    pub forms: Vec<String>,
    /// Lemmas.
    pub lemmas: Vec<Option<String>>,
    /// Universal POS tags.
    pub upos: Vec<Option<Upos>>,
    /// Fine tags.
    pub tags: Vec<Option<Tag>>,
    /// Heads: 0 for the root, else the 1-based index of the head word.
    pub heads: Vec<Option<u32>>,
    /// Relations.
    pub deps: Vec<Option<Dep>>,
    /// Entity tags.
    pub ner: Vec<Option<(Iob, EntType)>>,
    /// Whether a space follows each word.
    pub space_after: Vec<bool>,
}

impl Sentence {
    /// True when every word has a tag, a head, a relation and an entity tag.
    pub fn is_complete(&self) -> bool {
        self.tags.iter().all(Option::is_some)
            && self.upos.iter().all(Option::is_some)
            && self.heads.iter().all(Option::is_some)
            && self.deps.iter().all(Option::is_some)
            && self.ner.iter().all(Option::is_some)
    }

    /// Number of words.
    pub fn len(&self) -> usize {
        self.forms.len()
    }

    /// True for a sentence with no words.
    pub fn is_empty(&self) -> bool {
        self.forms.is_empty()
    }
}

/// A CoNLL-U line that could not be read.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("line {line}: {reason}")]
pub struct ReadError {
    /// 1-based line number.
    pub line: usize,
    /// What is wrong.
    pub reason: String,
}

/// Reads CoNLL-U text. Multi-word token lines (`1-2`) and empty nodes (`1.1`)
/// are skipped; the words are kept. Fails on the first malformed line, naming it.
pub fn read(text: &str) -> Result<Vec<Sentence>, ReadError> {
    let mut out = Vec::new();
    let mut cur = Sentence::default();
    for (n, line) in text.lines().enumerate() {
        let lineno = n + 1;
        let err = |reason: String| ReadError {
            line: lineno,
            reason,
        };
        let line = line.trim_end_matches('\r');
        if line.is_empty() {
            if !cur.forms.is_empty() {
                out.push(std::mem::take(&mut cur));
            } else {
                cur = Sentence::default();
            }
            continue;
        }
        if let Some(comment) = line.strip_prefix('#') {
            if let Some(id) = comment.trim_start().strip_prefix("sent_id") {
                cur.id = id.trim_start().trim_start_matches('=').trim().to_string();
            }
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() != 10 {
            return Err(err(format!(
                "expected 10 tab-separated columns, found {}",
                cols.len()
            )));
        }
        if cols[0].contains('-') || cols[0].contains('.') {
            continue;
        }
        let id: usize = cols[0]
            .parse()
            .map_err(|_| err(format!("word id {:?} is not a number", cols[0])))?;
        if id != cur.forms.len() + 1 {
            return Err(err(format!(
                "word id {id} out of order (expected {})",
                cur.forms.len() + 1
            )));
        }
        cur.forms.push(cols[1].to_string());
        cur.lemmas.push(opt(cols[2]).map(str::to_string));
        cur.upos.push(match opt(cols[3]) {
            None => None,
            Some(u) => Some(Upos::parse(u).ok_or_else(|| err(format!("unknown UPOS tag {u:?}")))?),
        });
        cur.tags.push(match opt(cols[4]) {
            None => None,
            Some(t) => Some(Tag::parse(t).ok_or_else(|| err(format!("unknown fine tag {t:?}")))?),
        });
        cur.heads.push(match opt(cols[6]) {
            None => None,
            Some(h) => Some(
                h.parse()
                    .map_err(|_| err(format!("head {h:?} is not a number")))?,
            ),
        });
        cur.deps.push(match opt(cols[7]) {
            None => None,
            Some(d) => Some(Dep::parse(d).ok_or_else(|| err(format!("unknown relation {d:?}")))?),
        });
        let mut ner = None;
        let mut space_after = true;
        for item in cols[9].split('|') {
            if item == "SpaceAfter=No" {
                space_after = false;
            } else if let Some(tag) = item.strip_prefix("NER=") {
                ner = parse_ner(tag).map_err(err)?;
            }
        }
        cur.ner.push(ner);
        cur.space_after.push(space_after);
    }
    if !cur.forms.is_empty() {
        out.push(cur);
    }
    for s in &out {
        let n = s.forms.len() as u32;
        if let Some(bad) = s.heads.iter().flatten().find(|&&h| h > n) {
            return Err(ReadError {
                line: 0,
                reason: format!("sentence {:?}: head {bad} beyond its {n} words", s.id),
            });
        }
    }
    Ok(out)
}

/// A column that may be `_` (unknown).
fn opt(s: &str) -> Option<&str> {
    if s == "_" {
        None
    } else {
        Some(s)
    }
}

/// `O`, `B-ORG`, `I-GPE`; `_` is unknown.
fn parse_ner(tag: &str) -> Result<Option<(Iob, EntType)>, String> {
    if tag == "_" {
        return Ok(None);
    }
    if tag == "O" {
        return Ok(Some((Iob::O, EntType::None)));
    }
    let (iob, kind) = match tag.split_once('-') {
        Some(("B", k)) => (Iob::B, k),
        Some(("I", k)) => (Iob::I, k),
        _ => return Err(format!("entity tag {tag:?} is not O, B-TYPE or I-TYPE")),
    };
    let kind = EntType::parse(kind)
        .filter(|k| *k != EntType::None)
        .ok_or_else(|| format!("unknown entity type in {tag:?}"))?;
    Ok(Some((iob, kind)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::RawArticle;

    #[test]
    fn writes_tokens_without_syntax() {
        let mut doc = crate::clean::clean(RawArticle::plain(
            "t",
            "Russia expelled two diplomats. They left.",
        ));
        crate::segment::segment(&mut doc);
        let mut out = String::new();
        write_doc(&doc, "t", &mut out);
        let sents = read(&out).unwrap();
        assert_eq!(sents.len(), 2);
        assert_eq!(sents[0].id, "t-1");
        assert_eq!(
            sents[0].forms,
            ["Russia", "expelled", "two", "diplomats", "."]
        );
        assert_eq!(sents[0].space_after, [true, true, true, false, true]);
        assert!(!sents[0].is_complete());
        assert_eq!(sents[1].heads, [None, None, None]);
    }

    #[test]
    fn reads_a_parse() {
        let text = "# sent_id = a\n1\tRussia\tRussia\tPROPN\tNNP\t_\t2\tnsubj\t_\tNER=B-GPE\n\
                    2\texpelled\texpel\tVERB\tVBD\t_\t0\tROOT\t_\tNER=O|SpaceAfter=No\n\
                    3\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\tNER=O\n";
        let s = &read(text).unwrap()[0];
        assert!(s.is_complete());
        assert_eq!(s.tags[1], Some(Tag::Vbd));
        assert_eq!(s.heads, [Some(2), Some(0), Some(2)]);
        assert_eq!(s.deps[0], Some(Dep::Nsubj));
        assert_eq!(s.ner[0], Some((Iob::B, EntType::Gpe)));
        assert_eq!(s.space_after, [true, false, true]);
    }

    #[test]
    fn names_the_bad_line() {
        let text = "1\tRussia\t_\t_\t_\t_\t_\t_\t_\t_\n2\tx\t_\tNOPE\t_\t_\t_\t_\t_\t_\n";
        let e = read(text).unwrap_err();
        assert_eq!(e.line, 2);
        assert!(e.reason.contains("NOPE"), "{e}");
        let e = read("1\tonly three\tcols\n").unwrap_err();
        assert_eq!(e.line, 1);
        let e = read("1\ta\t_\t_\t_\t_\t9\t_\t_\t_\n").unwrap_err();
        assert!(e.reason.contains("beyond"), "{e}");
    }
}
