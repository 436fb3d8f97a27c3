//! The entity tagger: greedy, left to right, an averaged perceptron
//! ([`linear`]) over BILUO labels (begin, inside, last, unit-length, outside)
//! of the 18 OntoNotes types, decoded under the BILUO constraints so the
//! output is always well formed; the output is IOB.
//!
//! Features of word i: its form and lower-cased form, shape, suffix and
//! flags, the run of title-case words it is in; the words and shapes next to
//! it; the fine tags of the five words around it (predicted by the tagger at
//! run time, the teacher's in training); the label given to the word before;
//! and a
//! gazetteer of attache's own actor lexicon (`data/actors/*.tsv`: countries,
//! their adjectives, peoples, capitals and seats, cities, organisations and
//! regions), matched leftmost-longest over the words, which tells the model
//! what kind of known name (if any) a word is part of. The gazetteer is
//! stored in the model file, so a model keeps the names it was trained with.
//!
//! Training follows the model's own labels (greedy, as at run time) and
//! learns from a dynamic oracle: where the labels so far already lost an
//! entity, the target is the best label still reachable, not the teacher's.
//! Frequent words that are never part of an entity when none is open before
//! them are labelled O from a dictionary without scoring.

use super::conllu::Sentence;
use super::eval::Counts;
use super::linear::{self, feat, feat2, mix, Frozen, IdMap, Reader, Trainer, Writer};
use super::tagger::{flag, word_infos, words_of, Rng, Tagger, WordInfo, WordScratch};
use super::{EntType, Iob, ModelError, Tag, TrainOptions};
use std::cell::RefCell;
use std::fmt;

const MAGIC: &[u8; 4] = b"ATNE";
const VERSION: u32 = 1;
const MODEL: &str = "entities";

// ---------------------------------------------------------------------------
// Labels: 0 is O, then B, I, L, U of each type in `EntType` order.

const B: usize = 0;
const I: usize = 1;
const L: usize = 2;
const U: usize = 3;

fn n_types() -> usize {
    EntType::ALL.len() - 1
}

fn class(kind: EntType, part: usize) -> usize {
    1 + (kind as usize - 1) * 4 + part
}

/// (type, part) of a class; `None` for O.
fn unclass(c: usize) -> Option<(EntType, usize)> {
    if c == 0 {
        return None;
    }
    let k = EntType::from_id(((c - 1) / 4 + 1) as u8)?;
    Some((k, (c - 1) % 4))
}

fn class_names() -> Vec<String> {
    let mut v = vec!["O".to_string()];
    for k in &EntType::ALL[1..] {
        for p in ["B", "I", "L", "U"] {
            v.push(format!("{p}-{}", k.as_str()));
        }
    }
    v
}

fn parse_class(s: &str) -> Option<usize> {
    if s == "O" {
        return Some(0);
    }
    let (p, k) = s.split_once('-')?;
    let part = ["B", "I", "L", "U"].iter().position(|x| *x == p)?;
    let kind = EntType::parse(k).filter(|k| *k != EntType::None)?;
    Some(class(kind, part))
}

/// May class `c` follow class `prev` (`None`: sentence start), `last` being
/// true for the last word?
#[cfg(test)]
fn allowed(prev: Option<usize>, c: usize, last: bool) -> bool {
    let open = prev.and_then(unclass).filter(|(_, p)| *p == B || *p == I);
    match (open, unclass(c)) {
        (Some((k, _)), Some((k2, p))) => k == k2 && (p == I || p == L) && (p == L || !last),
        (Some(_), None) => false,
        (None, None) => true,
        (None, Some((_, p))) => p == U || (p == B && !last),
    }
}

/// The best class allowed after `prev` (see [`allowed`]), by `scores` in
/// our class order (`i32::MIN`: a class the model does not have).
fn best_allowed<T: PartialOrd + Copy>(scores: &[T], prev: Option<usize>, last: bool) -> usize {
    if let Some((k, p)) = prev.and_then(unclass) {
        if p == B || p == I {
            let (i, l) = (class(k, I), class(k, L));
            return if !last && scores[i] > scores[l] { i } else { l };
        }
    }
    let mut best = 0;
    for t in 0..n_types() {
        let b = 1 + t * 4 + B;
        let u = 1 + t * 4 + U;
        if !last && scores[b] > scores[best] {
            best = b;
        }
        if scores[u] > scores[best] {
            best = u;
        }
    }
    best
}

/// The dynamic oracle of greedy BILUO decoding: given our label before this
/// word (`prev`, its entity starting at `pred_start` if open) and the
/// teacher's label `gold` (its entity starting at `gold_start`), the label
/// that loses no more entities than are already lost. An entity of ours that
/// no longer matches the teacher's is closed at once; a teacher's entity
/// whose start we missed is left out.
fn oracle(prev: Option<usize>, pred_start: usize, gold: usize, gold_start: usize) -> usize {
    let open = prev.and_then(unclass).filter(|(_, p)| *p == B || *p == I);
    let g = unclass(gold);
    match (open, g) {
        (Some((k, _)), Some((gk, gp)))
            if gk == k && (gp == I || gp == L) && pred_start == gold_start =>
        {
            gold
        }
        (Some((k, _)), _) => class(k, L),
        (None, Some((_, gp))) if gp == I || gp == L => 0,
        (None, _) => gold,
    }
}

/// BILUO classes of IOB tags (an I without an open entity of its type
/// starts one).
fn to_biluo(iob: &[(Iob, EntType)]) -> Vec<usize> {
    let n = iob.len();
    let mut out = vec![0; n];
    let mut i = 0;
    while i < n {
        let (t, k) = iob[i];
        if t == Iob::O || k == EntType::None {
            i += 1;
            continue;
        }
        let start = i;
        i += 1;
        while i < n && iob[i].0 == Iob::I && iob[i].1 == k {
            i += 1;
        }
        if i - start == 1 {
            out[start] = class(k, U);
        } else {
            out[start] = class(k, B);
            for o in &mut out[start + 1..i - 1] {
                *o = class(k, I);
            }
            out[i - 1] = class(k, L);
        }
    }
    out
}

fn to_iob(c: usize) -> (Iob, EntType) {
    match unclass(c) {
        None => (Iob::O, EntType::None),
        Some((k, p)) if p == B || p == U => (Iob::B, k),
        Some((k, _)) => (Iob::I, k),
    }
}

// ---------------------------------------------------------------------------
// The gazetteer

/// Kinds of gazetteer names.
mod gaz {
    pub const COUNTRY: u8 = 1;
    pub const ADJECTIVE: u8 = 2;
    pub const PEOPLE: u8 = 3;
    pub const CAPITAL: u8 = 4;
    pub const SEAT: u8 = 5;
    pub const CITY: u8 = 6;
    pub const ORG: u8 = 7;
    pub const GROUP: u8 = 8;
    pub const PLACE: u8 = 9;
}

const COUNTRIES: &str = include_str!("../../../../data/actors/countries.tsv");
const ORGANISATIONS: &str = include_str!("../../../../data/actors/organisations.tsv");
const CITIES: &str = include_str!("../../../../data/actors/cities.tsv");

/// Names as word sequences: hash of the sequence → kind, and hash of the
/// first word → longest length.
#[derive(Clone, Debug, Default)]
struct Gazetteer {
    names: IdMap<u8>,
    first: IdMap<u8>,
}

fn seq_hash(words: &[WordInfo]) -> u64 {
    let mut h = 0x6a09_e667_f3bc_c908u64;
    for w in words {
        h = mix(h ^ w.form).wrapping_add(0x9E37_79B9);
    }
    h
}

impl Gazetteer {
    /// The built-in lexicon's names.
    fn builtin() -> Gazetteer {
        let mut g = Gazetteer::default();
        let mut scratch = WordScratch::default();
        let cols = |src: &'static str| {
            src.lines()
                .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
                .map(|l| l.split('\t').collect::<Vec<_>>())
        };
        let mut add = |g: &mut Gazetteer, names: &str, kind: u8| {
            for body in names.split(';') {
                for name in body.split('|') {
                    let name = name.trim();
                    let name = name.split('@').next().unwrap_or("");
                    let name = name.strip_prefix("the ").unwrap_or(name);
                    if name == "-" || !name.chars().any(char::is_uppercase) {
                        continue;
                    }
                    let words: Vec<WordInfo> = crate::segment::tokens(name)
                        .iter()
                        .map(|(w, _)| WordInfo::new(w, &mut scratch))
                        .collect();
                    if words.is_empty() || words.len() > 8 {
                        continue;
                    }
                    g.names.entry(seq_hash(&words)).or_insert(kind);
                    let f = g.first.entry(words[0].form).or_insert(0);
                    *f = (*f).max(words.len() as u8);
                }
            }
        };
        for c in cols(COUNTRIES) {
            let get = |i: usize| c.get(i).copied().unwrap_or("-");
            add(&mut g, get(1), gaz::COUNTRY);
            add(&mut g, get(4), gaz::CAPITAL);
            add(&mut g, get(5), gaz::SEAT);
            add(&mut g, get(2), gaz::ADJECTIVE);
            add(&mut g, get(3), gaz::PEOPLE);
        }
        for c in cols(CITIES) {
            add(&mut g, c.get(1).copied().unwrap_or("-"), gaz::CITY);
        }
        for c in cols(ORGANISATIONS) {
            let kind = match c.get(1).copied() {
                Some("group") => gaz::GROUP,
                Some("place") => gaz::PLACE,
                _ => gaz::ORG,
            };
            add(&mut g, c.get(2).copied().unwrap_or("-"), kind);
        }
        g
    }

    /// Per word (index `i + 2` of `words`, which has two pads each side):
    /// 0, or the kind of the name it is part of times 4 plus its place in the
    /// name (B, I, L, U).
    fn mark(&self, words: &[WordInfo], out: &mut Vec<u8>) {
        let n = words.len().saturating_sub(4);
        out.clear();
        out.resize(n, 0);
        let mut i = 0;
        while i < n {
            let Some(&max) = self.first.get(&words[i + 2].form) else {
                i += 1;
                continue;
            };
            let mut found = None;
            for len in (1..=max as usize).rev() {
                if i + len > n {
                    continue;
                }
                if let Some(&k) = self.names.get(&seq_hash(&words[i + 2..i + 2 + len])) {
                    found = Some((len, k));
                    break;
                }
            }
            match found {
                Some((len, k)) => {
                    for j in 0..len {
                        let part = if len == 1 {
                            U
                        } else if j == 0 {
                            B
                        } else if j == len - 1 {
                            L
                        } else {
                            I
                        };
                        out[i + j] = k * 4 + part as u8;
                    }
                    i += len;
                }
                None => i += 1,
            }
        }
    }

    fn write(&self, w: &mut Writer) {
        let mut names: Vec<(u64, u8)> = self.names.iter().map(|(k, v)| (*k, *v)).collect();
        names.sort_unstable();
        w.u32(names.len() as u32);
        for (k, v) in names {
            w.u64(k);
            w.u8(v);
        }
        let mut first: Vec<(u64, u8)> = self.first.iter().map(|(k, v)| (*k, *v)).collect();
        first.sort_unstable();
        w.u32(first.len() as u32);
        for (k, v) in first {
            w.u64(k);
            w.u8(v);
        }
    }

    fn read(r: &mut Reader<'_>) -> Result<Gazetteer, ModelError> {
        let mut g = Gazetteer::default();
        for which in 0..2 {
            let n = r.u32()? as usize;
            r.need(n.saturating_mul(9))?;
            let map = if which == 0 {
                &mut g.names
            } else {
                &mut g.first
            };
            map.reserve(n);
            for _ in 0..n {
                let k = r.u64()?;
                let v = r.u8()?;
                if (which == 0 && !(1..=gaz::PLACE).contains(&v))
                    || (which == 1 && !(1..=8).contains(&v))
                {
                    return Err(r.error(format!("gazetteer value {v}")));
                }
                map.insert(k, v);
            }
        }
        Ok(g)
    }
}

// ---------------------------------------------------------------------------
// Features

const START: u64 = 0xffff;

struct Context<'a> {
    words: &'a [WordInfo],
    tags: &'a [Tag],
    gaz: &'a [u8],
}

impl Context<'_> {
    fn tag(&self, i: isize) -> u64 {
        if i < 0 {
            return 0xfffe;
        }
        self.tags.get(i as usize).map_or(0xfffd, |t| *t as u64)
    }
    fn gaz(&self, i: isize) -> u64 {
        if i < 0 {
            return 0xfe;
        }
        self.gaz.get(i as usize).map_or(0xfd, |g| u64::from(*g))
    }
}

fn features(cx: &Context<'_>, i: usize, p1: u64, out: &mut Vec<u64>) {
    out.clear();
    let w = cx.words;
    let c = &w[i + 2];
    let (wm1, wp1, wp2) = (&w[i + 1], &w[i + 3], &w[i + 4]);
    let ii = i as isize;
    let (t, tm1, tp1) = (cx.tag(ii), cx.tag(ii - 1), cx.tag(ii + 1));
    let g = cx.gaz(ii);
    let first = u64::from(i == 0);
    // The run of title-case words this one is in: its length (up to 5) and
    // the word's place in it (up to 3).
    let title = |j: usize| w[j].flags & flag::TITLE != 0;
    let (run, run_last, run_after, run_before) = if title(i + 2) {
        let (mut a, mut b) = (i + 2, i + 2);
        while a > 2 && title(a - 1) {
            a -= 1;
        }
        while b + 3 < w.len() && title(b + 1) {
            b += 1;
        }
        (
            ((b - a + 1).min(5) as u64) << 2 | (i + 2 - a).min(3) as u64,
            w[b].lower,
            w[b + 1].lower,
            w[a - 1].lower,
        )
    } else {
        (0, 0, 0, 0)
    };
    let caps = u64::from(c.flags & (flag::TITLE | flag::ALL_CAPS | flag::DIGIT));
    out.extend_from_slice(&[
        feat(100, 0),
        feat(101, c.form),
        feat(102, c.lower),
        feat(103, c.shape),
        feat(104, c.suffix[2]),
        feat2(105, caps, first),
        feat(106, wm1.lower),
        feat(107, wp1.lower),
        feat(108, wp2.lower),
        feat(109, wm1.form),
        feat(110, wp1.form),
        feat2(111, wm1.shape, c.shape),
        feat2(112, c.shape, wp1.shape),
        feat2(113, wm1.lower, c.shape),
        feat2(114, c.shape, wp1.lower),
        feat2(115, wm1.lower, c.lower),
        feat2(116, c.lower, wp1.lower),
        feat(117, t),
        feat2(118, tm1, t),
        feat2(119, t, tp1),
        feat2(120, cx.tag(ii - 2), tm1),
        feat2(121, tp1, cx.tag(ii + 2)),
        feat(122, p1),
        feat2(123, p1, c.lower),
        feat(124, g),
        feat2(125, g, cx.gaz(ii + 1)),
        feat(126, run),
        feat(127, run_last),
        feat(128, run_after),
        feat(129, run_before),
    ]);
}

// ---------------------------------------------------------------------------
// The model

/// The entity tagger.
#[derive(Clone, Debug)]
pub struct EntityTagger {
    model: Frozen,
    /// Our class id of each model class.
    classes: Vec<usize>,
    /// True when those are 0, 1, 2, … (every class, in our order).
    identity: bool,
    gazetteer: Gazetteer,
    /// Forms (hashes) that are outside every entity whenever no entity is
    /// open before them, in training (at least [`OUTSIDE_MIN_COUNT`] times,
    /// [`OUTSIDE_MIN_SHARE`] of them): labelled O without scoring.
    outside: IdMap<()>,
}

/// Minimum count of a word in [`EntityTagger`]'s outside dictionary.
pub const OUTSIDE_MIN_COUNT: u32 = 20;
/// Minimum share of those occurrences that must be outside an entity.
pub const OUTSIDE_MIN_SHARE: f64 = 0.995;

fn is_open(prev: Option<usize>) -> bool {
    matches!(prev.and_then(unclass), Some((_, p)) if p == B || p == I)
}

#[derive(Default)]
struct Scratch {
    words: WordScratch,
    infos: Vec<WordInfo>,
    gaz: Vec<u8>,
    feats: Vec<u64>,
    scores: Vec<i32>,
    ours: Vec<i32>,
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
}

fn gold_tags(s: &Sentence) -> Vec<Tag> {
    s.tags.iter().map(|t| t.unwrap_or_default()).collect()
}

impl EntityTagger {
    /// Trains on the complete sentences of `train` (others are skipped), with
    /// the teacher's fine tags as the tag features.
    pub fn train(
        train: &[Sentence],
        opts: &TrainOptions,
        log: &mut dyn FnMut(&str),
    ) -> EntityTagger {
        let sents: Vec<&Sentence> = train
            .iter()
            .filter(|s| s.is_complete() && !s.is_empty())
            .collect();
        let gold: Vec<Vec<usize>> = sents
            .iter()
            .map(|s| {
                let iob: Vec<(Iob, EntType)> =
                    s.ner.iter().map(|x| x.unwrap_or_default()).collect();
                to_biluo(&iob)
            })
            .collect();
        let gazetteer = Gazetteer::builtin();
        let mut counts: IdMap<(u32, u32)> = IdMap::default();
        for (s, g) in sents.iter().zip(&gold) {
            for (i, w) in s.forms.iter().enumerate() {
                if i > 0 && is_open(Some(g[i - 1])) {
                    continue;
                }
                let e = counts.entry(linear::hash_bytes(w.as_bytes())).or_default();
                e.0 += 1;
                e.1 += u32::from(g[i] == 0);
            }
        }
        let outside: IdMap<()> = counts
            .iter()
            .filter(|(_, (n, o))| {
                *n >= OUTSIDE_MIN_COUNT && f64::from(*o) >= OUTSIDE_MIN_SHARE * f64::from(*n)
            })
            .map(|(k, _)| (*k, ()))
            .collect();
        log(&format!(
            "entities: {} outside-dictionary words",
            outside.len()
        ));
        log(&format!(
            "entities: {} sentences, {} entities, {} gazetteer names",
            sents.len(),
            gold.iter()
                .flatten()
                .filter(|c| matches!(unclass(**c), Some((_, p)) if p == B || p == U))
                .count(),
            gazetteer.names.len()
        ));
        let names = class_names();
        let n = names.len();
        let mut trainer = Trainer::new(names);
        let mut rng = Rng::new(opts.seed ^ 0xe7);
        let mut order: Vec<usize> = (0..sents.len()).collect();
        let mut scratch = WordScratch::default();
        let (mut infos, mut gz, mut feats) = (Vec::new(), Vec::new(), Vec::new());
        let mut scores = vec![0f32; n];
        for epoch in 0..opts.epochs {
            trainer.set_counting(epoch == 0);
            rng.shuffle(&mut order);
            let (mut right, mut total) = (0usize, 0usize);
            for &si in &order {
                let s = sents[si];
                let words = words_of(s);
                let tags = gold_tags(s);
                word_infos(&words, &mut scratch, &mut infos);
                gazetteer.mark(&infos, &mut gz);
                let cx = Context {
                    words: &infos,
                    tags: &tags,
                    gaz: &gz,
                };
                let (mut prev, mut p1) = (None, START);
                let gs = &gold[si];
                let (mut pred_start, mut gold_start) = (0, 0);
                for (i, &g) in gs.iter().enumerate() {
                    let last = i + 1 == words.len();
                    if matches!(unclass(g), Some((_, p)) if p == B || p == U) {
                        gold_start = i;
                    }
                    // The dynamic oracle: the best label reachable from our own
                    // labels so far (the teacher's, while they agree).
                    let g = oracle(prev, pred_start, g, gold_start);
                    let guess = if !is_open(prev) && outside.contains_key(&infos[i + 2].form) {
                        0
                    } else {
                        features(&cx, i, p1, &mut feats);
                        trainer.score(&feats, &mut scores);
                        let guess = best_allowed(&scores, prev, last);
                        trainer.update(&feats, g, guess, 1.0);
                        guess
                    };
                    if matches!(unclass(guess), Some((_, p)) if p == B || p == U) {
                        pred_start = i;
                    }
                    right += usize::from(guess == g);
                    total += 1;
                    prev = Some(guess);
                    p1 = guess as u64;
                }
            }
            log(&format!(
                "entities: epoch {}: {:.2}% of training words right, {} features",
                epoch + 1,
                100.0 * right as f64 / total.max(1) as f64,
                trainer.n_features()
            ));
        }
        let model = trainer.freeze(opts.min_count);
        log(&format!(
            "entities: kept {} features, {} weights",
            model.n_features(),
            model.n_weights()
        ));
        EntityTagger {
            classes: (0..n).collect(),
            identity: true,
            model,
            gazetteer,
            outside,
        }
    }

    /// One IOB tag and type per word, given the words' fine tags (a missing
    /// tag counts as unknown).
    pub fn tag(&self, words: &[&str], tags: &[Tag], out: &mut Vec<(Iob, EntType)>) {
        SCRATCH.with(|s| {
            let mut s = s.borrow_mut();
            let s = &mut *s;
            word_infos(words, &mut s.words, &mut s.infos);
            let infos = std::mem::take(&mut s.infos);
            self.run(&infos, tags, s, out);
            s.infos = infos;
        });
    }

    /// Like [`EntityTagger::tag`], over word infos made by [`word_infos`]
    /// (shared with [`Tagger::tag_infos`]).
    pub fn tag_infos(&self, infos: &[WordInfo], tags: &[Tag], out: &mut Vec<(Iob, EntType)>) {
        SCRATCH.with(|s| {
            let mut s = s.borrow_mut();
            self.run(infos, tags, &mut s, out);
        });
    }

    fn run(
        &self,
        infos: &[WordInfo],
        tags: &[Tag],
        s: &mut Scratch,
        out: &mut Vec<(Iob, EntType)>,
    ) {
        out.clear();
        let n = infos.len().saturating_sub(4);
        s.scores.resize(self.model.n_classes(), 0);
        s.ours.clear();
        s.ours.resize(1 + 4 * n_types(), i32::MIN);
        self.gazetteer.mark(infos, &mut s.gaz);
        let cx = Context {
            words: infos,
            tags,
            gaz: &s.gaz,
        };
        let (mut prev, mut p1) = (None, START);
        for i in 0..n {
            let last = i + 1 == n;
            let c = if !is_open(prev) && self.outside.contains_key(&infos[i + 2].form) {
                0
            } else {
                features(&cx, i, p1, &mut s.feats);
                self.model.score(&s.feats, &mut s.scores);
                if self.identity {
                    best_allowed(&s.scores, prev, last)
                } else {
                    s.ours.iter_mut().for_each(|x| *x = i32::MIN);
                    for (m, &c) in self.classes.iter().enumerate() {
                        s.ours[c] = s.scores[m];
                    }
                    best_allowed(&s.ours, prev, last)
                }
            };
            out.push(to_iob(c));
            prev = Some(c);
            p1 = c as u64;
        }
    }

    /// The linear model.
    pub fn model(&self) -> &Frozen {
        &self.model
    }

    /// The model file.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut w = Writer::with_header(MAGIC, VERSION);
        self.model.write(&mut w);
        self.gazetteer.write(&mut w);
        let mut outside: Vec<u64> = self.outside.keys().copied().collect();
        outside.sort_unstable();
        w.u32(outside.len() as u32);
        for k in outside {
            w.u64(k);
        }
        w.buf
    }

    /// Reads a model file written by [`EntityTagger::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<EntityTagger, ModelError> {
        let mut r = Reader::new(MODEL, bytes);
        r.header(MAGIC, VERSION)?;
        let model = Frozen::read(&mut r)?;
        let classes = linear::map_classes(MODEL, model.classes(), parse_class)?;
        if !classes.contains(&0) {
            return Err(r.error("no O class".into()));
        }
        let gazetteer = Gazetteer::read(&mut r)?;
        let n = r.u32()? as usize;
        r.need(n.saturating_mul(8))?;
        let mut outside = IdMap::default();
        outside.reserve(n);
        for _ in 0..n {
            outside.insert(r.u64()?, ());
        }
        r.finish()?;
        let identity =
            classes.len() == 1 + 4 * n_types() && classes.iter().enumerate().all(|(i, c)| i == *c);
        Ok(EntityTagger {
            model,
            classes,
            identity,
            gazetteer,
            outside,
        })
    }
}

// ---------------------------------------------------------------------------
// Evaluation

/// Entity agreement with the teacher: exact span and type.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct EntityScores {
    /// Sentences scored.
    pub sentences: usize,
    /// Words scored.
    pub words: usize,
    /// Every type together.
    pub all: Counts,
    /// By type, in [`EntType`] order (index 0, `None`, unused).
    pub by_type: Vec<Counts>,
    /// Words whose IOB tag and type are the teacher's.
    pub words_right: usize,
}

impl EntityScores {
    /// The counts of one type.
    pub fn of(&self, kind: EntType) -> Counts {
        self.by_type.get(kind as usize).copied().unwrap_or_default()
    }
}

impl fmt::Display for EntityScores {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{} sentences, {} words, {:.2}% word tags right",
            self.sentences,
            self.words,
            100.0 * self.words_right as f64 / self.words.max(1) as f64
        )?;
        writeln!(
            f,
            "{:<12} {:>6} {:>6} {:>7} {:>7} {:>7}",
            "type", "gold", "found", "P", "R", "F1"
        )?;
        let row = |f: &mut fmt::Formatter<'_>, name: &str, c: &Counts| {
            writeln!(
                f,
                "{:<12} {:>6} {:>6} {:>7.3} {:>7.3} {:>7.3}",
                name,
                c.gold,
                c.predicted,
                c.precision(),
                c.recall(),
                c.f1()
            )
        };
        let mut kinds: Vec<EntType> = EntType::ALL[1..]
            .iter()
            .copied()
            .filter(|k| self.of(*k).gold + self.of(*k).predicted > 0)
            .collect();
        kinds.sort_by_key(|k| std::cmp::Reverse(self.of(*k).gold));
        for k in kinds {
            row(f, k.as_str(), &self.of(k))?;
        }
        row(f, "all", &self.all)
    }
}

/// The entity spans of IOB tags: (start, end, type).
fn spans(tags: &[(Iob, EntType)]) -> Vec<(usize, usize, EntType)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < tags.len() {
        let (t, k) = tags[i];
        if t == Iob::O || k == EntType::None {
            i += 1;
            continue;
        }
        let start = i;
        i += 1;
        while i < tags.len() && tags[i].0 == Iob::I && tags[i].1 == k {
            i += 1;
        }
        out.push((start, i, k));
    }
    out
}

/// Scores the entity tagger against the complete sentences of `gold`, with
/// the fine tags of `tagger` (or the teacher's, if `None`).
pub fn evaluate_entities(
    ner: &EntityTagger,
    tagger: Option<&Tagger>,
    gold: &[Sentence],
) -> EntityScores {
    let mut sc = EntityScores {
        by_type: vec![Counts::default(); EntType::ALL.len()],
        ..EntityScores::default()
    };
    let (mut tagged, mut tags, mut out) = (Vec::new(), Vec::new(), Vec::new());
    for s in gold.iter().filter(|s| s.is_complete() && !s.is_empty()) {
        let words = words_of(s);
        match tagger {
            Some(t) => {
                t.tag(&words, &mut tagged);
                tags.clear();
                tags.extend(tagged.iter().map(|(t, _)| *t));
            }
            None => tags = gold_tags(s),
        }
        ner.tag(&words, &tags, &mut out);
        let g: Vec<(Iob, EntType)> = s.ner.iter().map(|x| x.unwrap_or_default()).collect();
        sc.sentences += 1;
        sc.words += words.len();
        sc.words_right += g.iter().zip(&out).filter(|(a, b)| a == b).count();
        let gs = spans(&g);
        let ps = spans(&out);
        for &(_, _, k) in &gs {
            sc.all.gold += 1;
            sc.by_type[k as usize].gold += 1;
        }
        for p in &ps {
            sc.all.predicted += 1;
            sc.by_type[p.2 as usize].predicted += 1;
            if gs.contains(p) {
                sc.all.correct += 1;
                sc.by_type[p.2 as usize].correct += 1;
            }
        }
    }
    sc
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::conllu;

    fn toy() -> Vec<Sentence> {
        let raw = [
            "Russia/NNP/B-GPE expelled/VBD/O two/CD/B-CARDINAL diplomats/NNS/O ./././O",
            "The/DT/O United/NNP/B-ORG Nations/NNP/I-ORG met/VBD/O on/IN/O Monday/NNP/B-DATE ./././O",
            "Sergei/NNP/B-PERSON Lavrov/NNP/I-PERSON visited/VBD/O New/NNP/B-GPE York/NNP/I-GPE ./././O",
            "Russian/JJ/B-NORP officials/NNS/O left/VBD/O ./././O",
            "NATO/NNP/B-ORG said/VBD/O nothing/NN/O ./././O",
        ];
        let mut text = String::new();
        for (n, s) in raw.iter().enumerate() {
            text.push_str(&format!("# sent_id = e{n}\n"));
            for (i, tok) in s.split(' ').enumerate() {
                let parts: Vec<&str> = tok.rsplitn(3, '/').collect();
                let (ner, tag, form) = (parts[0], parts[1], parts[2]);
                let head = if i == 0 { 0 } else { 1 };
                let dep = if i == 0 { "ROOT" } else { "dep" };
                text.push_str(&format!(
                    "{}\t{form}\t{form}\tX\t{tag}\t_\t{head}\t{dep}\t_\tNER={ner}\n",
                    i + 1
                ));
            }
            text.push('\n');
        }
        conllu::read(&text).unwrap()
    }

    #[test]
    fn biluo_round_trip_and_constraints() {
        let iob = [
            (Iob::B, EntType::Org),
            (Iob::I, EntType::Org),
            (Iob::O, EntType::None),
            (Iob::B, EntType::Gpe),
            (Iob::I, EntType::Person),
        ];
        let b = to_biluo(&iob);
        assert_eq!(
            b,
            [
                class(EntType::Org, B),
                class(EntType::Org, L),
                0,
                class(EntType::Gpe, U),
                class(EntType::Person, U)
            ]
        );
        let back: Vec<_> = b.iter().map(|c| to_iob(*c)).collect();
        assert_eq!(back[4], (Iob::B, EntType::Person));
        assert!(!allowed(Some(class(EntType::Org, B)), 0, false));
        assert!(allowed(
            Some(class(EntType::Org, B)),
            class(EntType::Org, L),
            true
        ));
        assert!(!allowed(
            Some(class(EntType::Org, B)),
            class(EntType::Org, I),
            true
        ));
        assert!(!allowed(None, class(EntType::Org, B), true));
        assert!(!allowed(None, class(EntType::Org, I), false));
        for (i, n) in class_names().iter().enumerate() {
            assert_eq!(parse_class(n), Some(i));
        }
        // The decoder picks only allowed classes, the best of them.
        let n = class_names().len();
        let mut x = 7u64;
        for _ in 0..500 {
            let scores: Vec<i32> = (0..n)
                .map(|_| {
                    x = linear::mix(x);
                    (x % 1000) as i32 - 500
                })
                .collect();
            let prev = (x % (n as u64 + 1)) as usize;
            let prev = (prev < n).then_some(prev);
            for last in [false, true] {
                let c = best_allowed(&scores, prev, last);
                assert!(allowed(prev, c, last));
                for d in 0..n {
                    if allowed(prev, d, last) {
                        assert!(scores[d] <= scores[c]);
                    }
                }
            }
        }
    }

    #[test]
    fn gazetteer_marks_names() {
        let g = Gazetteer::builtin();
        let mut s = WordScratch::default();
        let mut infos = Vec::new();
        word_infos(
            &["the", "United", "Nations", "and", "Russia"],
            &mut s,
            &mut infos,
        );
        let mut out = Vec::new();
        g.mark(&infos, &mut out);
        assert_eq!(out[0], 0);
        assert_eq!(out[1] >> 2, gaz::ORG);
        assert_eq!(out[2] >> 2, gaz::ORG);
        assert_eq!(out[4], gaz::COUNTRY * 4 + U as u8);
    }

    #[test]
    fn learns_a_few_sentences_and_round_trips() {
        let data = toy();
        let opts = TrainOptions {
            epochs: 20,
            seed: 3,
            min_count: 1,
        };
        let ner = EntityTagger::train(&data, &opts, &mut |_| {});
        let sc = evaluate_entities(&ner, None, &data);
        assert_eq!(sc.all.correct, sc.all.gold, "{sc}");
        assert_eq!(sc.all.predicted, sc.all.gold, "{sc}");
        let bytes = ner.to_bytes();
        let again = EntityTagger::from_bytes(&bytes).unwrap();
        assert_eq!(again.to_bytes(), bytes);
        assert_eq!(evaluate_entities(&again, None, &data), sc);
        let (mut scratch, mut infos, mut a, mut b) =
            (WordScratch::default(), Vec::new(), Vec::new(), Vec::new());
        for s in &data {
            let words = words_of(s);
            word_infos(&words, &mut scratch, &mut infos);
            ner.tag(&words, &gold_tags(s), &mut a);
            ner.tag_infos(&infos, &gold_tags(s), &mut b);
            assert_eq!(a, b);
        }
        for n in [0, 5, bytes.len() / 3, bytes.len() - 1] {
            assert!(EntityTagger::from_bytes(&bytes[..n]).is_err());
        }
        let mut x = 5u64;
        for _ in 0..300 {
            x = linear::mix(x);
            let mut b = bytes.clone();
            let i = (x as usize) % b.len();
            b[i] ^= (x >> 40) as u8 | 1;
            if let Ok(t) = EntityTagger::from_bytes(&b) {
                t.tag(&words_of(&data[0]), &gold_tags(&data[0]), &mut a);
            }
        }
        let mut out = Vec::new();
        ner.tag(&[], &[], &mut out);
        assert!(out.is_empty());
        // Fewer tags than words: the rest count as unknown.
        ner.tag(&["Russia", "and", "NATO", "😀", ""], &[Tag::Nnp], &mut out);
        assert_eq!(out.len(), 5);
        let long: Vec<String> = (0..1000).map(|i| format!("W{i}")).collect();
        let long: Vec<&str> = long.iter().map(String::as_str).collect();
        ner.tag(&long, &[], &mut out);
        assert_eq!(out.len(), 1000);
        // Well formed: every I continues an entity of its type.
        for w in out.windows(2) {
            if w[1].0 == Iob::I {
                assert_ne!(w[0].0, Iob::O);
                assert_eq!(w[0].1, w[1].1);
            }
        }
    }
}
