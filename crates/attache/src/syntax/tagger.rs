//! The part-of-speech tagger: greedy, left to right, an averaged perceptron
//! ([`linear`]) over the joint label (fine tag, UPOS), since the teacher's
//! UPOS is not a function of its tag ("that" is DET, PRON or SCONJ as IN/DT/
//! WDT; "have" is AUX or VERB by its relation).
//!
//! Features of word i: its lower-cased form, prefixes 1-3 and suffixes 1-4,
//! shape ("Xxxx", "dd", "X.X."), capitalisation with whether it starts the
//! sentence, hyphen and digit flags; the labels already given to the two words
//! before; the words around it (two each side) and the suffixes of its
//! neighbours. Words seen often in training with one label (at least
//! [`DICT_MIN_COUNT`] times, [`DICT_MIN_SHARE`] of them with that label) are
//! labelled from a dictionary without scoring: fast, and as good.
//!
//! [`WordInfo`] (hashes of a word's form, affixes and shape) is shared with
//! the entity tagger.

use super::conllu::Sentence;
use super::lemma;
use super::linear::{
    self, argmax, feat, feat2, feat3, hash_bytes, Frozen, IdMap, Reader, Trainer, Writer,
};
use super::{ModelError, Tag, TrainOptions, Upos};
use std::cell::RefCell;
use std::fmt;

/// Minimum number of times a word must be seen to enter the tag dictionary.
pub const DICT_MIN_COUNT: u32 = 20;
/// Minimum share of its occurrences the word's commonest label must have.
pub const DICT_MIN_SHARE: f64 = 0.995;

const MAGIC: &[u8; 4] = b"ATGR";
const VERSION: u32 = 1;
const MODEL: &str = "tagger";

// ---------------------------------------------------------------------------
// Words

/// Flags of a word's form.
pub mod flag {
    /// Has an upper-case letter.
    pub const UPPER: u8 = 1;
    /// Starts with an upper-case letter.
    pub const TITLE: u8 = 2;
    /// Every letter is upper case (and it has two or more).
    pub const ALL_CAPS: u8 = 4;
    /// Has a digit.
    pub const DIGIT: u8 = 8;
    /// Has a hyphen.
    pub const HYPHEN: u8 = 16;
    /// Has a letter.
    pub const ALPHA: u8 = 32;
}

/// Hashes of one word's form, computed once per word and shared by the
/// tagger's and the entity tagger's features.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct WordInfo {
    /// The form as written.
    pub form: u64,
    /// The lower-cased form.
    pub lower: u64,
    /// Lower-cased prefixes of 1, 2 and 3 characters.
    pub prefix: [u64; 3],
    /// Lower-cased suffixes of 1, 2, 3 and 4 characters.
    pub suffix: [u64; 4],
    /// The shape: letters as X/x, digits as d, other characters kept, runs
    /// of one kind cut at four.
    pub shape: u64,
    /// [`flag`] bits.
    pub flags: u8,
}

/// A scratch string for lower-casing.
#[derive(Default, Debug)]
pub struct WordScratch {
    lower: String,
    shape: String,
}

/// Longest word [`WordInfo::new`] reads byte by byte when it is ASCII.
const ASCII_MAX: usize = 64;

impl WordInfo {
    /// The hashes of one word.
    pub fn new(word: &str, scratch: &mut WordScratch) -> WordInfo {
        if word.len() <= ASCII_MAX && word.is_ascii() {
            WordInfo::ascii(word.as_bytes())
        } else {
            WordInfo::any(word, scratch)
        }
    }

    /// [`WordInfo::new`] of an ASCII word of at most [`ASCII_MAX`] bytes, in
    /// one pass over its bytes (for ASCII the character classes below are
    /// the Unicode ones: letters, upper case, digits).
    fn ascii(word: &[u8]) -> WordInfo {
        let mut lower = [0u8; ASCII_MAX];
        let mut shape = [0u8; ASCII_MAX];
        let mut shape_len = 0;
        let (mut flags, mut letters, mut uppers) = (0u8, 0usize, 0usize);
        let (mut last, mut run) = (0u8, 0usize);
        for (i, &c) in word.iter().enumerate() {
            let k = if c.is_ascii_alphabetic() {
                letters += 1;
                flags |= flag::ALPHA;
                if c.is_ascii_uppercase() {
                    uppers += 1;
                    flags |= flag::UPPER;
                    if i == 0 {
                        flags |= flag::TITLE;
                    }
                    b'X'
                } else {
                    b'x'
                }
            } else if c.is_ascii_digit() {
                flags |= flag::DIGIT;
                b'd'
            } else {
                if c == b'-' {
                    flags |= flag::HYPHEN;
                }
                c
            };
            lower[i] = c.to_ascii_lowercase();
            if k == last {
                run += 1;
            } else {
                run = 1;
                last = k;
            }
            if run <= 4 {
                shape[shape_len] = k;
                shape_len += 1;
            }
        }
        if letters >= 2 && uppers == letters {
            flags |= flag::ALL_CAPS;
        }
        let n = word.len();
        let lower = &lower[..n];
        let mut prefix = [0u64; 3];
        for (k, p) in prefix.iter_mut().enumerate() {
            *p = hash_bytes(&lower[..(k + 1).min(n)]);
        }
        let mut suffix = [0u64; 4];
        for (k, s) in suffix.iter_mut().enumerate() {
            *s = hash_bytes(&lower[n - (k + 1).min(n)..]);
        }
        WordInfo {
            form: hash_bytes(word),
            lower: hash_bytes(lower),
            prefix,
            suffix,
            shape: hash_bytes(&shape[..shape_len]),
            flags,
        }
    }

    /// [`WordInfo::new`] of any word.
    fn any(word: &str, scratch: &mut WordScratch) -> WordInfo {
        let lower = &mut scratch.lower;
        lower.clear();
        let mut flags = 0u8;
        let mut letters = 0usize;
        let mut uppers = 0usize;
        for (i, c) in word.chars().enumerate() {
            if c.is_alphabetic() {
                letters += 1;
                flags |= flag::ALPHA;
            }
            if c.is_uppercase() {
                uppers += 1;
                flags |= flag::UPPER;
                if i == 0 {
                    flags |= flag::TITLE;
                }
            }
            if c.is_ascii_digit() || c.is_numeric() {
                flags |= flag::DIGIT;
            }
            if c == '-' || c == '‐' || c == '–' {
                flags |= flag::HYPHEN;
            }
            if c.is_ascii() {
                lower.push(c.to_ascii_lowercase());
            } else {
                lower.extend(c.to_lowercase());
            }
        }
        if letters >= 2 && uppers == letters {
            flags |= flag::ALL_CAPS;
        }
        let lower: &str = lower;
        let mut prefix = [0u64; 3];
        let mut ends = lower.char_indices().map(|(i, c)| i + c.len_utf8());
        for p in prefix.iter_mut() {
            let end = ends.next().unwrap_or(lower.len());
            *p = hash_bytes(&lower.as_bytes()[..end]);
        }
        let mut suffix = [0u64; 4];
        let mut starts = lower.char_indices().rev().map(|(i, _)| i);
        for s in suffix.iter_mut() {
            let start = starts.next().unwrap_or(0);
            *s = hash_bytes(&lower.as_bytes()[start..]);
        }
        let shape = &mut scratch.shape;
        shape.clear();
        let mut last = '\0';
        let mut run = 0;
        for c in word.chars() {
            let k = if c.is_alphabetic() {
                if c.is_uppercase() {
                    'X'
                } else {
                    'x'
                }
            } else if c.is_numeric() {
                'd'
            } else {
                c
            };
            if k == last {
                run += 1;
            } else {
                run = 1;
                last = k;
            }
            if run <= 4 {
                shape.push(k);
            }
        }
        WordInfo {
            form: hash_bytes(word.as_bytes()),
            lower: hash_bytes(lower.as_bytes()),
            prefix,
            suffix,
            shape: hash_bytes(shape.as_bytes()),
            flags,
        }
    }

    /// The word outside the sentence (before its start or after its end).
    pub const PAD: WordInfo = WordInfo {
        form: 0x5a5a_5a5a,
        lower: 0x5a5a_5a5a,
        prefix: [0x5a5a_5a5a; 3],
        suffix: [0x5a5a_5a5a; 4],
        shape: 0x5a5a_5a5a,
        flags: 0,
    };
}

/// The word infos of a sentence, with two pads each side (index `i + 2` is
/// word `i`).
pub fn word_infos(words: &[&str], scratch: &mut WordScratch, out: &mut Vec<WordInfo>) {
    out.clear();
    out.push(WordInfo::PAD);
    out.push(WordInfo::PAD);
    for w in words {
        out.push(WordInfo::new(w, scratch));
    }
    out.push(WordInfo::PAD);
    out.push(WordInfo::PAD);
}

// ---------------------------------------------------------------------------
// Features

/// Label id of "before the sentence" in the history features.
const START: u64 = 0xffff;

fn features(w: &[WordInfo], i: usize, p1: u64, p2: u64, out: &mut Vec<u64>) {
    out.clear();
    let c = &w[i + 2];
    let (wm1, wm2, wp1, wp2) = (&w[i + 1], &w[i], &w[i + 3], &w[i + 4]);
    let first = u64::from(i == 0);
    out.extend_from_slice(&[
        feat(0, 0),
        feat(1, c.lower),
        feat(2, c.prefix[0]),
        feat(3, c.prefix[1]),
        feat(4, c.prefix[2]),
        feat(5, c.suffix[0]),
        feat(6, c.suffix[1]),
        feat(7, c.suffix[2]),
        feat(8, c.suffix[3]),
        feat(9, c.shape),
        feat2(10, u64::from(c.flags), first),
        feat(11, p1),
        feat2(12, p1, p2),
        feat2(13, p1, c.lower),
        feat(14, wm1.lower),
        feat(15, wm2.lower),
        feat(16, wp1.lower),
        feat(17, wp2.lower),
        feat(18, wm1.suffix[2]),
        feat(19, wp1.suffix[2]),
        feat2(20, c.lower, wp1.lower),
        feat3(21, p1, c.suffix[2], first),
    ]);
}

// ---------------------------------------------------------------------------
// The model

/// The tagger: a frozen linear model over the joint labels and a dictionary of
/// unambiguous frequent words.
#[derive(Clone, Debug)]
pub struct Tagger {
    model: Frozen,
    /// The joint label of each class.
    labels: Vec<(Tag, Upos)>,
    /// Exact form hash → class.
    dict: IdMap<u16>,
}

#[derive(Default)]
struct Scratch {
    words: WordScratch,
    infos: Vec<WordInfo>,
    feats: Vec<u64>,
    scores: Vec<i32>,
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
}

fn label_name(tag: Tag, upos: Upos) -> String {
    format!("{}|{}", tag.as_str(), upos.as_str())
}

fn parse_label(s: &str) -> Option<(Tag, Upos)> {
    let (t, u) = s.rsplit_once('|')?;
    Some((Tag::parse(t)?, Upos::parse(u)?))
}

/// A small deterministic generator for shuffling.
pub(crate) struct Rng(u64);

impl Rng {
    pub(crate) fn new(seed: u64) -> Rng {
        Rng(linear::mix(seed ^ 0x5851_f42d_4c95_7f2d))
    }
    pub(crate) fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        linear::mix(self.0)
    }
    /// Fisher-Yates shuffle.
    pub(crate) fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            v.swap(i, j);
        }
    }
}

/// The words of a sentence as `&str`s.
pub fn words_of(s: &Sentence) -> Vec<&str> {
    s.forms.iter().map(String::as_str).collect()
}

impl Tagger {
    /// Trains on the complete sentences of `train` (others are skipped).
    pub fn train(train: &[Sentence], opts: &TrainOptions, log: &mut dyn FnMut(&str)) -> Tagger {
        let sents: Vec<&Sentence> = train
            .iter()
            .filter(|s| s.is_complete() && !s.is_empty())
            .collect();
        // Labels, in a fixed order.
        let mut label_ids: std::collections::BTreeMap<(Tag, Upos), usize> = Default::default();
        for s in &sents {
            for (t, u) in s.tags.iter().zip(&s.upos) {
                let key = (t.unwrap_or_default(), u.unwrap_or_default());
                *label_ids.entry(key).or_default() += 1;
            }
        }
        let labels: Vec<(Tag, Upos)> = label_ids.keys().copied().collect();
        for (i, l) in labels.iter().enumerate() {
            label_ids.insert(*l, i);
        }
        let gold: Vec<Vec<u16>> = sents
            .iter()
            .map(|s| {
                s.tags
                    .iter()
                    .zip(&s.upos)
                    .map(|(t, u)| label_ids[&(t.unwrap_or_default(), u.unwrap_or_default())] as u16)
                    .collect()
            })
            .collect();
        // The dictionary.
        let mut counts: IdMap<(u32, IdMap<u32>)> = IdMap::default();
        for (s, g) in sents.iter().zip(&gold) {
            for (w, &l) in s.forms.iter().zip(g) {
                let e = counts.entry(hash_bytes(w.as_bytes())).or_default();
                e.0 += 1;
                *e.1.entry(u64::from(l)).or_default() += 1;
            }
        }
        let mut dict: IdMap<u16> = IdMap::default();
        for (k, (n, by)) in &counts {
            if *n < DICT_MIN_COUNT {
                continue;
            }
            let (best, m) = by
                .iter()
                .max_by_key(|(l, m)| (**m, std::cmp::Reverse(**l)))
                .expect("seen");
            if f64::from(*m) >= DICT_MIN_SHARE * f64::from(*n) {
                dict.insert(*k, *best as u16);
            }
        }
        log(&format!(
            "tagger: {} sentences, {} words, {} labels, {} dictionary words",
            sents.len(),
            gold.iter().map(Vec::len).sum::<usize>(),
            labels.len(),
            dict.len()
        ));
        let names = labels.iter().map(|(t, u)| label_name(*t, *u)).collect();
        let mut trainer = Trainer::new(names);
        let mut rng = Rng::new(opts.seed);
        let mut order: Vec<usize> = (0..sents.len()).collect();
        let mut scratch = WordScratch::default();
        let mut infos = Vec::new();
        let mut feats = Vec::new();
        let mut scores = vec![0f32; labels.len()];
        for epoch in 0..opts.epochs {
            trainer.set_counting(epoch == 0);
            rng.shuffle(&mut order);
            let (mut right, mut total) = (0usize, 0usize);
            for &si in &order {
                let s = sents[si];
                let words = words_of(s);
                word_infos(&words, &mut scratch, &mut infos);
                let (mut p1, mut p2) = (START, START);
                for i in 0..words.len() {
                    let g = gold[si][i] as usize;
                    let guess = match dict.get(&infos[i + 2].form) {
                        Some(&l) => l as usize,
                        None => {
                            features(&infos, i, p1, p2, &mut feats);
                            trainer.score(&feats, &mut scores);
                            let guess = argmax(&scores);
                            trainer.update(&feats, g, guess, 1.0);
                            guess
                        }
                    };
                    right += usize::from(guess == g);
                    total += 1;
                    p2 = p1;
                    p1 = guess as u64;
                }
            }
            log(&format!(
                "tagger: epoch {}: {:.2}% of training words right, {} features",
                epoch + 1,
                100.0 * right as f64 / total.max(1) as f64,
                trainer.n_features()
            ));
        }
        let model = trainer.freeze(opts.min_count);
        log(&format!(
            "tagger: kept {} features, {} weights",
            model.n_features(),
            model.n_weights()
        ));
        Tagger {
            model,
            labels,
            dict,
        }
    }

    /// One (fine tag, UPOS) per word, predicted jointly.
    pub fn tag(&self, words: &[&str], out: &mut Vec<(Tag, Upos)>) {
        SCRATCH.with(|s| {
            let mut s = s.borrow_mut();
            let s = &mut *s;
            word_infos(words, &mut s.words, &mut s.infos);
            self.run(&s.infos, &mut s.feats, &mut s.scores, out);
        });
    }

    /// Like [`Tagger::tag`], over word infos made by [`word_infos`] (which
    /// the entity tagger can then share: see `EntityTagger::tag_infos`).
    pub fn tag_infos(&self, infos: &[WordInfo], out: &mut Vec<(Tag, Upos)>) {
        SCRATCH.with(|s| {
            let mut s = s.borrow_mut();
            let s = &mut *s;
            self.run(infos, &mut s.feats, &mut s.scores, out);
        });
    }

    fn run(
        &self,
        infos: &[WordInfo],
        feats: &mut Vec<u64>,
        scores: &mut Vec<i32>,
        out: &mut Vec<(Tag, Upos)>,
    ) {
        out.clear();
        scores.resize(self.labels.len(), 0);
        let n = infos.len().saturating_sub(4);
        let (mut p1, mut p2) = (START, START);
        for i in 0..n {
            let l = match self.dict.get(&infos[i + 2].form) {
                Some(&l) => l as usize,
                None => {
                    features(infos, i, p1, p2, feats);
                    self.model.score(feats, scores);
                    argmax(scores)
                }
            };
            out.push(self.labels[l]);
            p2 = p1;
            p1 = l as u64;
        }
    }

    /// Number of joint labels.
    pub fn n_labels(&self) -> usize {
        self.labels.len()
    }

    /// Number of dictionary words.
    pub fn n_dict(&self) -> usize {
        self.dict.len()
    }

    /// The linear model.
    pub fn model(&self) -> &Frozen {
        &self.model
    }

    /// The model file.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut w = Writer::with_header(MAGIC, VERSION);
        self.model.write(&mut w);
        let mut dict: Vec<(u64, u16)> = self.dict.iter().map(|(k, v)| (*k, *v)).collect();
        dict.sort_unstable();
        w.u32(dict.len() as u32);
        for (k, v) in dict {
            w.u64(k);
            w.u16(v);
        }
        w.buf
    }

    /// Reads a model file written by [`Tagger::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<Tagger, ModelError> {
        let mut r = Reader::new(MODEL, bytes);
        r.header(MAGIC, VERSION)?;
        let model = Frozen::read(&mut r)?;
        let labels = linear::map_classes(MODEL, model.classes(), parse_label)?;
        let n = r.u32()? as usize;
        r.need(n.saturating_mul(10))?;
        let mut dict = IdMap::default();
        dict.reserve(n);
        for _ in 0..n {
            let k = r.u64()?;
            let v = r.u16()?;
            if v as usize >= labels.len() {
                return Err(r.error(format!("dictionary label {v} of {}", labels.len())));
            }
            dict.insert(k, v);
        }
        r.finish()?;
        Ok(Tagger {
            model,
            labels,
            dict,
        })
    }
}

// ---------------------------------------------------------------------------
// Evaluation

/// Agreement of the tagger (and the lemmatiser over its tags) with the
/// teacher on some sentences.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TagScores {
    /// Sentences scored.
    pub sentences: usize,
    /// Words scored.
    pub words: usize,
    /// Words whose fine tag is the teacher's.
    pub tag_right: usize,
    /// Words whose UPOS is the teacher's.
    pub upos_right: usize,
    /// Words whose fine tag and UPOS are both the teacher's.
    pub joint_right: usize,
    /// Words with a lemma in the data.
    pub lemma_words: usize,
    /// Words whose lemma (over the predicted tags) is the teacher's.
    pub lemma_right: usize,
    /// Words whose lemma over the teacher's own tags is the teacher's.
    pub lemma_gold_tags_right: usize,
    /// Words not in the training data's dictionary, and those right (tag).
    pub unknown_words: usize,
    /// Of [`TagScores::unknown_words`], those whose tag is right.
    pub unknown_tag_right: usize,
}

fn pct(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        100.0 * a as f64 / b as f64
    }
}

impl TagScores {
    /// Fine-tag accuracy, percent.
    pub fn tag_accuracy(&self) -> f64 {
        pct(self.tag_right, self.words)
    }
    /// UPOS accuracy, percent.
    pub fn upos_accuracy(&self) -> f64 {
        pct(self.upos_right, self.words)
    }
    /// Lemma agreement over the predicted tags, percent.
    pub fn lemma_agreement(&self) -> f64 {
        pct(self.lemma_right, self.lemma_words)
    }
}

impl fmt::Display for TagScores {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "{:<28} {:>8}", "sentences", self.sentences)?;
        writeln!(f, "{:<28} {:>8}", "words", self.words)?;
        writeln!(f, "{:<28} {:>7.2}%", "fine tag", self.tag_accuracy())?;
        writeln!(f, "{:<28} {:>7.2}%", "UPOS", self.upos_accuracy())?;
        writeln!(
            f,
            "{:<28} {:>7.2}%",
            "tag and UPOS",
            pct(self.joint_right, self.words)
        )?;
        writeln!(
            f,
            "{:<28} {:>7.2}%",
            "fine tag, unseen words",
            pct(self.unknown_tag_right, self.unknown_words)
        )?;
        writeln!(f, "{:<28} {:>7.2}%", "lemma", self.lemma_agreement())?;
        write!(
            f,
            "{:<28} {:>7.2}%",
            "lemma over teacher's tags",
            pct(self.lemma_gold_tags_right, self.lemma_words)
        )
    }
}

/// Scores the tagger and the lemmatiser against the complete sentences of
/// `gold` (the teacher's analyses).
pub fn evaluate_tagger(tagger: &Tagger, gold: &[Sentence]) -> TagScores {
    let mut sc = TagScores::default();
    let mut out = Vec::new();
    let mut scratch = WordScratch::default();
    for s in gold.iter().filter(|s| s.is_complete() && !s.is_empty()) {
        let words = words_of(s);
        tagger.tag(&words, &mut out);
        sc.sentences += 1;
        for (i, &(t, u)) in out.iter().enumerate() {
            let (gt, gu) = (s.tags[i].unwrap_or_default(), s.upos[i].unwrap_or_default());
            sc.words += 1;
            sc.tag_right += usize::from(t == gt);
            sc.upos_right += usize::from(u == gu);
            sc.joint_right += usize::from(t == gt && u == gu);
            let info = WordInfo::new(words[i], &mut scratch);
            if !tagger.model.contains(feat(1, info.lower)) && !tagger.dict.contains_key(&info.form)
            {
                sc.unknown_words += 1;
                sc.unknown_tag_right += usize::from(t == gt);
            }
            if let Some(gl) = &s.lemmas[i] {
                sc.lemma_words += 1;
                let ours = lemma::lemma_with_upos(words[i], t, u).apply(words[i]);
                sc.lemma_right += usize::from(ours == gl.as_str());
                let theirs = lemma::lemma_with_upos(words[i], gt, gu).apply(words[i]);
                sc.lemma_gold_tags_right += usize::from(theirs == gl.as_str());
            }
        }
    }
    sc
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::conllu;

    /// A few sentences in CoNLL-U with tags only (heads and NER filled in).
    pub(crate) fn toy() -> Vec<Sentence> {
        let raw = [
            "Russia/NNP/PROPN expelled/VBD/VERB two/CD/NUM diplomats/NNS/NOUN ./././PUNCT",
            "The/DT/DET talks/NNS/NOUN ended/VBD/VERB ./././PUNCT",
            "She/PRP/PRON talks/VBZ/VERB to/IN/ADP the/DT/DET press/NN/NOUN ./././PUNCT",
            "He/PRP/PRON said/VBD/VERB that/IN/SCONJ talks/NNS/NOUN failed/VBD/VERB ./././PUNCT",
            "That/DT/PRON is/VBZ/AUX true/JJ/ADJ ./././PUNCT",
            "They/PRP/PRON want/VBP/VERB to/TO/PART talk/VB/VERB ./././PUNCT",
        ];
        let mut text = String::new();
        for (n, s) in raw.iter().enumerate() {
            text.push_str(&format!("# sent_id = t{n}\n"));
            for (i, tok) in s.split(' ').enumerate() {
                let parts: Vec<&str> = tok.rsplitn(3, '/').collect();
                let (upos, tag, form) = (parts[0], parts[1], parts[2]);
                let head = if i == 0 { 0 } else { 1 };
                let dep = if i == 0 { "ROOT" } else { "dep" };
                text.push_str(&format!(
                    "{}\t{}\t{}\t{}\t{}\t_\t{}\t{}\t_\tNER=O\n",
                    i + 1,
                    form,
                    form.to_lowercase(),
                    upos,
                    tag,
                    head,
                    dep
                ));
            }
            text.push('\n');
        }
        conllu::read(&text).unwrap()
    }

    #[test]
    fn learns_a_few_sentences_and_round_trips() {
        let data = toy();
        let opts = TrainOptions {
            epochs: 20,
            seed: 3,
            min_count: 1,
        };
        let mut log = |_: &str| {};
        let tagger = Tagger::train(&data, &opts, &mut log);
        let sc = evaluate_tagger(&tagger, &data);
        assert_eq!(sc.tag_right, sc.words, "{sc}");
        assert_eq!(sc.upos_right, sc.words, "{sc}");
        let bytes = tagger.to_bytes();
        let again = Tagger::from_bytes(&bytes).unwrap();
        assert_eq!(again.to_bytes(), bytes);
        let mut a = Vec::new();
        let mut b = Vec::new();
        let mut scratch = WordScratch::default();
        let mut infos = Vec::new();
        for s in &data {
            tagger.tag(&words_of(s), &mut a);
            again.tag(&words_of(s), &mut b);
            assert_eq!(a, b);
            word_infos(&words_of(s), &mut scratch, &mut infos);
            again.tag_infos(&infos, &mut b);
            assert_eq!(a, b);
        }
        // Same seed, same model.
        let twice = Tagger::train(&data, &opts, &mut log);
        assert_eq!(twice.to_bytes(), bytes);
        // Corrupt files are errors, not panics.
        for n in [0, 3, 8, bytes.len() / 2, bytes.len() - 1] {
            assert!(Tagger::from_bytes(&bytes[..n]).is_err());
        }
        let mut extra = bytes.clone();
        extra.push(0);
        assert!(Tagger::from_bytes(&extra).is_err());
        // Flipped bytes: an error or a model that still tags, never a panic.
        let mut x = 99u64;
        for _ in 0..300 {
            x = linear::mix(x);
            let mut b = bytes.clone();
            let i = (x as usize) % b.len();
            b[i] ^= (x >> 40) as u8 | 1;
            if let Ok(t) = Tagger::from_bytes(&b) {
                t.tag(&words_of(&data[0]), &mut a);
            }
        }
    }

    #[test]
    fn odd_inputs() {
        let tagger = Tagger::train(&toy(), &TrainOptions::default(), &mut |_| {});
        let mut out = Vec::new();
        tagger.tag(&[], &mut out);
        assert!(out.is_empty());
        let long: Vec<String> = (0..1000).map(|i| format!("w{i}")).collect();
        let long: Vec<&str> = long.iter().map(String::as_str).collect();
        tagger.tag(&long, &mut out);
        assert_eq!(out.len(), 1000);
        tagger.tag(
            &["", "İstanbul", "😀", "\u{301}", "a-b-c", "1,000.5"],
            &mut out,
        );
        assert_eq!(out.len(), 6);
    }

    #[test]
    fn word_info() {
        let mut s = WordScratch::default();
        let a = WordInfo::new("Talks", &mut s);
        let b = WordInfo::new("talks", &mut s);
        assert_eq!(a.lower, b.lower);
        assert_ne!(a.form, b.form);
        assert_eq!(a.suffix, b.suffix);
        assert_ne!(a.shape, b.shape);
        assert_eq!(a.flags & flag::TITLE, flag::TITLE);
        let c = WordInfo::new("U.S.", &mut s);
        assert_eq!(c.flags & flag::ALL_CAPS, flag::ALL_CAPS);
        let d = WordInfo::new("1990s", &mut s);
        assert_ne!(d.flags & flag::DIGIT, 0);
        assert_eq!(WordInfo::new("", &mut s).flags, 0);
    }

    #[test]
    fn ascii_words_hash_as_any_word() {
        let mut s = WordScratch::default();
        let mut words: Vec<String> = [
            "",
            "a",
            "A",
            "Talks",
            "U.S.",
            "1990s",
            "--",
            "co-operate",
            "McDONALD'S",
            "aaaaaaab",
            "XXXXXXxxxxxx",
            "$4.5bn",
            "12,000",
            "e-mail",
            "Ab",
            "AB",
            "A1",
            "x",
            ".",
            "...",
        ]
        .iter()
        .map(|w| w.to_string())
        .collect();
        let mut x = 7u64;
        for len in 0..80 {
            let w: String = (0..len)
                .map(|_| {
                    x = linear::mix(x);
                    (b' ' + (x % 95) as u8) as char
                })
                .collect();
            words.push(w);
        }
        for w in &words {
            let any = WordInfo::any(w, &mut s);
            assert_eq!(WordInfo::new(w, &mut s), any, "{w:?}");
            if w.len() <= ASCII_MAX {
                assert_eq!(WordInfo::ascii(w.as_bytes()), any, "{w:?}");
            }
        }
    }
}
