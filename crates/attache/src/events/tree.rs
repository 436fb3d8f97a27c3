//! The dependency tree of one sentence, as the event coder reads it: heads,
//! relations and children in sentence-local indices (the coder's word indices),
//! and the walks that find a trigger's grammatical arguments.
//!
//! Source of a verb: its `nsubj` (through relative pronouns to the noun the
//! clause modifies); a verb without one inherits it up the chain that shares
//! a subject: `xcomp` ("decided to cut"), `conj` ("recalled … and expelled"),
//! `advcl` participles ("…, accusing Russia"), `pcomp` ("by expelling"); a
//! participle modifying a noun (`acl`) takes that noun, as subject (-ing) or
//! object (-ed). A passive's subject (`nsubjpass`) is its target and the
//! `agent` ("by") phrase its source. Objects: `dobj`, `dative`, then
//! prepositional phrases (`prep` → `pobj`). Noun triggers: the possessor,
//! a demonym or name compound ("US sanctions"), the by-phrase as source; the
//! of/against/on/to/with phrase as target; a noun that is a verb's object
//! ("imposed sanctions") takes that verb's subject.

use crate::doc::Doc;
use crate::syntax::{Dep, Tag};

/// One sentence's tree in local indices.
pub(crate) struct Tree {
    /// Head of each word (the root is its own head).
    pub head: Vec<usize>,
    /// Relation of each word to its head.
    pub dep: Vec<Dep>,
    /// Fine tag of each word.
    pub tag: Vec<Tag>,
    /// Children of word `i`: `kids[start[i]..start[i + 1]]`, in word order.
    start: Vec<usize>,
    kids: Vec<usize>,
}

impl Tree {
    /// The tree of sentence `si`, when the syntax stage ran.
    pub fn of(doc: &Doc, si: usize) -> Option<Tree> {
        if !doc.has_syntax() {
            return None;
        }
        let range = doc.sentences[si].tokens;
        let syn = doc.syntax.get(range.start..range.end)?;
        let n = syn.len();
        let head: Vec<usize> = syn
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let h = (t.head as usize).wrapping_sub(range.start);
                if h < n {
                    h
                } else {
                    i
                }
            })
            .collect();
        let mut count = vec![0usize; n + 1];
        for (i, &h) in head.iter().enumerate() {
            if h != i {
                count[h + 1] += 1;
            }
        }
        for i in 0..n {
            count[i + 1] += count[i];
        }
        let start = count.clone();
        let mut fill = count;
        let mut kids = vec![0usize; start[n]];
        for (i, &h) in head.iter().enumerate() {
            if h != i {
                kids[fill[h]] = i;
                fill[h] += 1;
            }
        }
        Some(Tree {
            head,
            dep: syn.iter().map(|t| t.dep).collect(),
            tag: syn.iter().map(|t| t.tag).collect(),
            start,
            kids,
        })
    }

    /// The children of `i`, in word order.
    pub fn children(&self, i: usize) -> &[usize] {
        &self.kids[self.start[i]..self.start[i + 1]]
    }

    /// The first child of `i` with relation `dep`.
    pub fn child(&self, i: usize, dep: Dep) -> Option<usize> {
        self.children(i)
            .iter()
            .copied()
            .find(|&c| self.dep[c] == dep)
    }

    /// Whether `i` is the root of the sentence.
    pub fn is_root(&self, i: usize) -> bool {
        self.head[i] == i
    }

    /// `i` and the words coordinated with it (`conj` children, recursively),
    /// in word order.
    pub fn conjuncts(&self, i: usize) -> Vec<usize> {
        let mut out = vec![i];
        let mut k = 0;
        while k < out.len() {
            let x = out[k];
            out.extend(
                self.children(x)
                    .iter()
                    .copied()
                    .filter(|&c| self.dep[c] == Dep::Conj),
            );
            k += 1;
        }
        out.sort_unstable();
        out
    }

    /// Whether verb `i` is passive (a passive subject or auxiliary).
    pub fn passive(&self, i: usize) -> bool {
        self.children(i)
            .iter()
            .any(|&c| matches!(self.dep[c], Dep::Nsubjpass | Dep::Auxpass))
    }

    /// The object of the preposition `p` (its `pobj`), if any.
    pub fn pobj(&self, p: usize) -> Option<usize> {
        self.child(p, Dep::Pobj)
    }
}

/// Where a verb's subject comes from when it has none of its own: the word whose
/// subject it shares, or the noun its participle modifies.
pub(crate) enum Inherit {
    /// Take the subject of this verb.
    SubjectOf(usize),
    /// This noun is the subject (an active participle or relative clause).
    Noun(usize),
    /// This noun is the object (a passive participle: "diplomats expelled by …").
    Object(usize),
    /// No subject in the sentence.
    None,
}

/// Where verb `t`, which has no subject of its own, takes one from.
pub(crate) fn inherit(tree: &Tree, t: usize) -> Inherit {
    if tree.is_root(t) {
        return Inherit::None;
    }
    let h = tree.head[t];
    match tree.dep[t] {
        Dep::Xcomp | Dep::Conj | Dep::Advcl => Inherit::SubjectOf(h),
        Dep::Pcomp => {
            // "by expelling": prep → its head (a verb, or a noun: "the decision of …")
            let g = tree.head[h];
            if g != h {
                Inherit::SubjectOf(g)
            } else {
                Inherit::None
            }
        }
        Dep::Relcl => Inherit::Noun(h),
        Dep::Acl => match tree.tag[t] {
            Tag::Vbn => Inherit::Object(h),
            Tag::Vbg => Inherit::Noun(h),
            _ => Inherit::SubjectOf(h),
        },
        _ => Inherit::None,
    }
}
