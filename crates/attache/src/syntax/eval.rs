//! Agreement of the syntax layer with reference (silver) CoNLL-U: tag and UPOS
//! accuracy, lemma agreement, unlabelled and labelled attachment (punctuation
//! excluded), root accuracy, per-relation label recall and entity span F1
//! (exact span and type). `attache syntax-eval` prints it; CI floors read its JSON.

use super::conllu::Sentence;
use super::{Dep, EntType, Iob, TokenSyntax, Upos};
use std::collections::BTreeMap;
use std::fmt;

/// Counts for one relation or entity type.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Reference items.
    pub gold: usize,
    /// Predicted items.
    pub predicted: usize,
    /// Items both agree on.
    pub correct: usize,
}

impl Counts {
    /// Precision (1.0 when nothing was predicted).
    pub fn precision(&self) -> f64 {
        ratio(self.correct, self.predicted)
    }
    /// Recall (1.0 when there was nothing to find).
    pub fn recall(&self) -> f64 {
        ratio(self.correct, self.gold)
    }
    /// Harmonic mean of precision and recall.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        1.0
    } else {
        a as f64 / b as f64
    }
}

/// Agreement over a set of sentences.
#[derive(Clone, Debug, Default)]
pub struct Scores {
    /// Sentences compared (complete reference analyses only).
    pub sentences: usize,
    /// Words compared.
    pub words: usize,
    /// Words whose fine tag agrees.
    pub tag_correct: usize,
    /// Words whose UPOS agrees.
    pub upos_correct: usize,
    /// Words with a reference lemma, and those whose lemma agrees.
    pub lemma_total: usize,
    /// See `lemma_total`.
    pub lemma_correct: usize,
    /// Non-punctuation words (the attachment denominator).
    pub attach_total: usize,
    /// Non-punctuation words with the right head.
    pub unlabelled: usize,
    /// Non-punctuation words with the right head and relation.
    pub labelled: usize,
    /// Sentences whose root agrees.
    pub root_correct: usize,
    /// Per reference relation: gold count, and correct (right head and label).
    pub per_relation: BTreeMap<&'static str, Counts>,
    /// Entity spans over every type.
    pub entities: Counts,
    /// Entity spans per type.
    pub per_entity: BTreeMap<&'static str, Counts>,
}

impl Scores {
    /// Fine tag accuracy.
    pub fn tag_accuracy(&self) -> f64 {
        ratio(self.tag_correct, self.words)
    }
    /// UPOS accuracy.
    pub fn upos_accuracy(&self) -> f64 {
        ratio(self.upos_correct, self.words)
    }
    /// Lemma agreement.
    pub fn lemma_accuracy(&self) -> f64 {
        ratio(self.lemma_correct, self.lemma_total)
    }
    /// Unlabelled attachment score, punctuation excluded.
    pub fn uas(&self) -> f64 {
        ratio(self.unlabelled, self.attach_total)
    }
    /// Labelled attachment score, punctuation excluded.
    pub fn las(&self) -> f64 {
        ratio(self.labelled, self.attach_total)
    }

    /// The summary as one JSON object (for CI floors).
    pub fn to_json(&self) -> serde_json::Value {
        serde_json::json!({
            "sentences": self.sentences,
            "words": self.words,
            "tag_accuracy": round(self.tag_accuracy()),
            "upos_accuracy": round(self.upos_accuracy()),
            "lemma_accuracy": round(self.lemma_accuracy()),
            "uas": round(self.uas()),
            "las": round(self.las()),
            "root_accuracy": round(ratio(self.root_correct, self.sentences)),
            "entity_precision": round(self.entities.precision()),
            "entity_recall": round(self.entities.recall()),
            "entity_f1": round(self.entities.f1()),
        })
    }
}

fn round(x: f64) -> f64 {
    (x * 10000.0).round() / 10000.0
}

/// Entity spans (start, end, type) of an IOB sequence; an `I` after `O` or
/// after another type opens a new span.
fn spans(tags: impl Iterator<Item = (Iob, EntType)>) -> Vec<(usize, usize, EntType)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, EntType)> = None;
    let mut n = 0;
    for (i, (iob, kind)) in tags.enumerate() {
        n = i + 1;
        let continues = iob == Iob::I && open.is_some_and(|(_, k)| k == kind);
        if !continues {
            if let Some((s, k)) = open.take() {
                out.push((s, i, k));
            }
            if iob != Iob::O && kind != EntType::None {
                open = Some((i, kind));
            }
        }
    }
    if let Some((s, k)) = open {
        out.push((s, n, k));
    }
    out
}

/// Compares `analyse` (one sentence's words in, one `TokenSyntax` per word out,
/// heads 0-based within the sentence) with the reference sentences.
pub fn evaluate(
    reference: &[Sentence],
    mut analyse: impl FnMut(&[&str], &mut Vec<TokenSyntax>),
) -> Scores {
    let mut sc = Scores::default();
    let mut out = Vec::new();
    for s in reference
        .iter()
        .filter(|s| s.is_complete() && !s.is_empty())
    {
        let words: Vec<&str> = s.forms.iter().map(String::as_str).collect();
        analyse(&words, &mut out);
        if out.len() != words.len() {
            continue;
        }
        sc.sentences += 1;
        let mut root_ok = false;
        for (i, p) in out.iter().enumerate() {
            sc.words += 1;
            let tag = s.tags[i].unwrap_or_default();
            let upos = s.upos[i].unwrap_or_default();
            sc.tag_correct += usize::from(p.tag == tag);
            sc.upos_correct += usize::from(p.upos == upos);
            if let Some(l) = &s.lemmas[i] {
                sc.lemma_total += 1;
                sc.lemma_correct += usize::from(p.lemma.apply(words[i]) == l.as_str());
            }
            // reference head: 0 = root, else 1-based
            let gold_head = match s.heads[i].unwrap_or(0) {
                0 => i,
                h => h as usize - 1,
            };
            let gold_dep = s.deps[i].unwrap_or_default();
            let head_ok = p.head as usize == gold_head;
            let label_ok = head_ok && p.dep == gold_dep;
            if gold_dep == Dep::Root {
                root_ok = head_ok;
            }
            if upos != Upos::Punct {
                sc.attach_total += 1;
                sc.unlabelled += usize::from(head_ok);
                sc.labelled += usize::from(label_ok);
            }
            let c = sc.per_relation.entry(gold_dep.as_str()).or_default();
            c.gold += 1;
            c.correct += usize::from(label_ok);
            sc.per_relation.entry(p.dep.as_str()).or_default().predicted += 1;
        }
        sc.root_correct += usize::from(root_ok);
        let gold = spans(s.ner.iter().map(|t| t.unwrap_or_default()));
        let pred = spans(out.iter().map(|t| (t.iob, t.ent)));
        for g in &gold {
            sc.entities.gold += 1;
            sc.per_entity.entry(g.2.as_str()).or_default().gold += 1;
        }
        for p in &pred {
            sc.entities.predicted += 1;
            let c = sc.per_entity.entry(p.2.as_str()).or_default();
            c.predicted += 1;
            if gold.contains(p) {
                sc.entities.correct += 1;
                c.correct += 1;
            }
        }
    }
    sc
}

impl fmt::Display for Scores {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "sentences {}  words {}", self.sentences, self.words)?;
        writeln!(f, "fine tag   {:6.2}%", 100.0 * self.tag_accuracy())?;
        writeln!(f, "UPOS       {:6.2}%", 100.0 * self.upos_accuracy())?;
        writeln!(f, "lemma      {:6.2}%", 100.0 * self.lemma_accuracy())?;
        writeln!(
            f,
            "UAS        {:6.2}%  (punctuation excluded)",
            100.0 * self.uas()
        )?;
        writeln!(f, "LAS        {:6.2}%", 100.0 * self.las())?;
        writeln!(
            f,
            "root       {:6.2}%",
            100.0 * ratio(self.root_correct, self.sentences)
        )?;
        writeln!(
            f,
            "entities   P {:.3}  R {:.3}  F1 {:.3}  (gold {}, predicted {})",
            self.entities.precision(),
            self.entities.recall(),
            self.entities.f1(),
            self.entities.gold,
            self.entities.predicted
        )?;
        writeln!(f, "\nrelation      gold   recall  precision")?;
        let mut rels: Vec<_> = self
            .per_relation
            .iter()
            .filter(|(_, c)| c.gold > 0)
            .collect();
        rels.sort_by_key(|(_, c)| std::cmp::Reverse(c.gold));
        for (name, c) in rels {
            writeln!(
                f,
                "{:12} {:6}   {:6.2}%  {:6.2}%",
                name,
                c.gold,
                100.0 * c.recall(),
                100.0 * c.precision()
            )?;
        }
        writeln!(f, "\nentity type   gold  predicted     P      R     F1")?;
        let mut ents: Vec<_> = self.per_entity.iter().collect();
        ents.sort_by_key(|(_, c)| std::cmp::Reverse(c.gold));
        for (name, c) in ents {
            writeln!(
                f,
                "{:12} {:6} {:9}  {:.3}  {:.3}  {:.3}",
                name,
                c.gold,
                c.predicted,
                c.precision(),
                c.recall(),
                c.f1()
            )?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::{conllu, Tag};

    const REF: &str = "1\tRussia\tRussia\tPROPN\tNNP\t_\t2\tnsubj\t_\tNER=B-GPE\n\
                       2\texpelled\texpel\tVERB\tVBD\t_\t0\tROOT\t_\tNER=O\n\
                       3\tCzech\tczech\tADJ\tJJ\t_\t4\tamod\t_\tNER=B-NORP\n\
                       4\tdiplomats\tdiplomat\tNOUN\tNNS\t_\t2\tdobj\t_\tNER=O\n\
                       5\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\tNER=O\n";

    fn tok(tag: Tag, upos: Upos, head: u32, dep: Dep, iob: Iob, ent: EntType) -> TokenSyntax {
        TokenSyntax {
            tag,
            upos,
            head,
            dep,
            iob,
            ent,
            ..Default::default()
        }
    }

    #[test]
    fn scores_agreement() {
        let reference = conllu::read(REF).unwrap();
        let sc = evaluate(&reference, |_words, out| {
            out.clear();
            out.push(tok(
                Tag::Nnp,
                Upos::Propn,
                1,
                Dep::Nsubj,
                Iob::B,
                EntType::Gpe,
            ));
            out.push(tok(
                Tag::Vbd,
                Upos::Verb,
                1,
                Dep::Root,
                Iob::O,
                EntType::None,
            ));
            // wrong head, right label; entity missed
            out.push(tok(Tag::Jj, Upos::Adj, 1, Dep::Amod, Iob::O, EntType::None));
            // right head, wrong label
            out.push(tok(
                Tag::Nns,
                Upos::Noun,
                1,
                Dep::Attr,
                Iob::O,
                EntType::None,
            ));
            // punctuation: wrong head but excluded from attachment
            out.push(tok(
                Tag::Period,
                Upos::Punct,
                0,
                Dep::Punct,
                Iob::O,
                EntType::None,
            ));
        });
        assert_eq!(sc.sentences, 1);
        assert_eq!(sc.attach_total, 4);
        assert_eq!(sc.unlabelled, 3);
        assert_eq!(sc.labelled, 2);
        assert_eq!(sc.root_correct, 1);
        assert_eq!(sc.upos_correct, 5);
        assert_eq!(
            sc.entities,
            Counts {
                gold: 2,
                predicted: 1,
                correct: 1
            }
        );
        assert_eq!(
            sc.per_relation["dobj"],
            Counts {
                gold: 1,
                predicted: 0,
                correct: 0
            }
        );
        assert!(sc.to_string().contains("UAS"));
    }

    #[test]
    fn iob_spans() {
        use EntType::*;
        let s = spans(
            [
                (Iob::B, Org),
                (Iob::I, Org),
                (Iob::I, Gpe),
                (Iob::O, None),
                (Iob::I, Person),
            ]
            .into_iter(),
        );
        assert_eq!(s, vec![(0, 2, Org), (2, 3, Gpe), (4, 5, Person)]);
    }
}
