//! The dependency parser: greedy arc-eager transitions ([`super::transition`])
//! scored by an averaged perceptron over hashed sparse features
//! ([`super::linear`]), in the teacher's scheme (45 relations, one labelled
//! transition per relation and direction).
//!
//! Why arc-eager: it is the teacher's own system, so its trees are the ones
//! this system builds most naturally; right dependents attach as soon as they
//! are seen, which lets the features see a head's right children while later
//! words are decided; and its dynamic oracle (Goldberg & Nivre 2012) is exact
//! for projective trees (the tests check it exhaustively), which training
//! with exploration needs. The root sits at the end of the buffer (Ballesteros
//! & Nivre 2013), so the root word is chosen last, with the whole sentence seen.
//!
//! Training: every pass over the sentences (shuffled, seeded) follows the
//! dynamic oracle: at each state the best-scoring zero-cost action is the
//! target; after the first `explore_from` passes the parser follows its own
//! prediction with probability `explore_p` even when it is wrong (Goldberg &
//! Nivre 2013), so it learns to recover from its own mistakes. Non-projective
//! training trees are made projective by lifting (see
//! [`super::transition::projectivize`]).
//!
//! Training tags: the parser meets our tagger's tags at run time, so
//! [`Parser::train`] trains on jackknifed tagger tags ([`jackknife_tags`]);
//! on the teacher's tags it loses about half a point when run on ours.
//!
//! Features: 26 templates ([`templates::DEFAULT`]) from Zhang & Nivre's (2011)
//! rich non-local set, chosen for speed: words and tags of the stack top and
//! the first buffer words, word/tag pairs across them, tag triples with the
//! stack top's head and outermost children and the buffer front's leftmost
//! child, distance, valency, relations already attached. The full set
//! ([`templates::ALL`]) is about twice as slow for at most half a point; a
//! model stores which templates it uses. Per-token hashes are computed once
//! per sentence.
//!
//! Speed: scoring is bound by memory latency, so the weights are laid out for
//! it (see [`Frozen`], the table the taggers share): 8-byte fingerprinted
//! slots, rows met often stored dense and added with SIMD, the slots and rows of all of a state's features read
//! in straight loops so their cache misses overlap; the scores of templates
//! over buffer words only are kept while the buffer does not move; the best
//! action is sought only among valid ones. At run time nothing is allocated
//! per transition; buffers are kept per thread and reused.
//!
//! Labels: one labelled transition per relation (92 classes) rather than
//! unlabelled transitions and a label classifier per arc: measured, a model
//! with the relations collapsed was only 13% faster before any labeller ran,
//! and 0.5–0.7 points worse in attachment.

use super::conllu::Sentence;
use super::linear::{feat, feat2, feat3, hash_str, Frozen, Reader, Trainer, Writer};
use super::tagger::Tagger;
use super::transition::{
    gold_heads, projectivize, Action, Move, Node, State, EMPTY, NONE, N_ACTIONS, N_LABELS,
};
use super::{Dep, ModelError, Tag, TrainOptions};
use std::cell::RefCell;
use std::fmt;

const MAGIC: &[u8; 4] = b"ATPR";
const VERSION: u32 = 1;
/// Version of the feature templates and transition system (2: with the end
/// move of [`State::end_attach`]): a model trained with others is refused.
const FEATURES: u32 = 2;

/// Settings of the parser's training beyond [`TrainOptions`].
#[derive(Clone, Debug)]
pub struct ParserOptions {
    /// Passes after which the parser starts following its own predictions.
    pub explore_from: usize,
    /// Probability of following the prediction once exploring.
    pub explore_p: f64,
    /// Which feature templates to use (bit `t` for template `t`; see [`templates`]).
    pub templates: u128,
    /// Features seen fewer times are dropped when the model is frozen
    /// (`None`: [`TrainOptions::min_count`], which the jackknifed taggers
    /// use in any case).
    pub min_count: Option<u32>,
    /// Weights smaller than this many quantised units are dropped when the
    /// model is frozen (see [`Trainer::freeze_pruned`]).
    pub min_weight: i16,
}

/// Feature template sets (bit `t` for template `t` of `extract`).
pub mod templates {
    /// Every template (75: Zhang & Nivre's set less a few, and two lexical
    /// attachment pairs): about twice as slow as [`DEFAULT`] for at most
    /// half a point.
    pub const ALL: u128 = (1u128 << 75) - 1;
    /// The 26 templates the parser uses: words and tags of s0, n0, n1 and
    /// tags of n2; the pairs s0·n0 (word/tag combinations); tag triples over
    /// s0, n0, n1, n2, s0's head and outermost children, n0's leftmost child;
    /// s0·n0 tags with distance; s0's left valency; the relations of s0, of
    /// s0's rightmost child, of n0's leftmost child; n0's set of left relations.
    pub const DEFAULT: u128 = of(&[
        0, 1, 2, 3, 4, 5, 6, 7, 8, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 32, 36, 41, 47, 50,
        72,
    ]);
    /// A set from template ids.
    pub const fn of(ids: &[u32]) -> u128 {
        let mut m = 0u128;
        let mut i = 0;
        while i < ids.len() {
            m |= 1u128 << ids[i];
            i += 1;
        }
        m
    }
}

impl Default for ParserOptions {
    fn default() -> Self {
        ParserOptions {
            explore_from: 1,
            explore_p: 0.9,
            templates: templates::DEFAULT,
            min_count: None,
            min_weight: 1,
        }
    }
}

/// A trained parser.
#[derive(Clone)]
pub struct Parser {
    /// The weights, laid out for scoring.
    model: Frozen,
    /// The action of each model class.
    actions: Vec<Action>,
    /// Feature templates in use.
    templates: u128,
}

impl fmt::Debug for Parser {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Parser")
            .field("features", &self.model.n_features())
            .field("weights", &self.model.n_weights())
            .field("templates", &format_args!("{:#x}", self.templates))
            .finish()
    }
}

/// Per-token values the features use: word and tag hashes.
#[derive(Clone, Copy, Debug, Default)]
struct Tok {
    w: u64,
    p: u64,
}

/// Reusable buffers of one parse.
#[derive(Default)]
struct Scratch {
    state: State,
    toks: Vec<Tok>,
    feats: Vec<u64>,
    scores: Scores,
    buffer_scores: Scores,
    /// Scores of the stack-top templates, by token (kept while it is on the stack).
    top_scores: Vec<Scores>,
    top_known: Vec<bool>,
    root_scores: Vec<i64>,
    norm: String,
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
}

/// Value of a missing token's tag, the root's tag, a missing label.
const P_ROOT: u64 = 200;
const P_NONE: u64 = 201;
const L_NONE: u64 = 99;

fn word_hash(w: &str, norm: &mut String) -> u64 {
    norm.clear();
    for c in w.chars() {
        if c.is_ascii_digit() {
            norm.push('0');
        } else if c.is_ascii() {
            norm.push(c.to_ascii_lowercase());
        } else {
            norm.extend(c.to_lowercase());
        }
    }
    hash_str(norm)
}

/// Fills `toks`: one entry per word, then the root, then "no token".
fn prepare(words: &[&str], tags: &[Tag], toks: &mut Vec<Tok>, norm: &mut String) {
    toks.clear();
    for (i, w) in words.iter().enumerate() {
        let p = tags.get(i).copied().unwrap_or(Tag::Xx) as u64;
        toks.push(Tok {
            w: word_hash(w, norm),
            p,
        });
    }
    toks.push(Tok {
        w: hash_str("\u{1}ROOT"),
        p: P_ROOT,
    });
    toks.push(Tok {
        w: hash_str("\u{1}NONE"),
        p: P_NONE,
    });
}

#[inline]
fn bucket_distance(d: u32) -> u64 {
    match d {
        0..=4 => u64::from(d),
        5..=6 => 5,
        7..=10 => 6,
        _ => 7,
    }
}

/// [`extract`] for the parts of the default templates the parser scores
/// apart ([`BUFFER_ONLY`], [`TOP_ONLY`], the rest): with the templates known
/// when compiling, only their values are computed and nothing is tested per
/// template. Any other mask goes to [`extract`] as it is.
#[inline]
fn extract_part(st: &State, toks: &[Tok], mask: u128, out: &mut Vec<u64>) {
    const REST: u128 = templates::DEFAULT & !BUFFER_ONLY & !TOP_ONLY;
    const BUFFER: u128 = templates::DEFAULT & BUFFER_ONLY;
    const TOP: u128 = templates::DEFAULT & TOP_ONLY;
    match mask {
        REST => extract_const::<REST>(st, toks, out),
        BUFFER => extract_const::<BUFFER>(st, toks, out),
        TOP => extract_const::<TOP>(st, toks, out),
        _ => extract(st, toks, mask, out),
    }
}

/// [`extract`] with the templates `M`, known when compiling.
#[inline(never)]
fn extract_const<const M: u128>(st: &State, toks: &[Tok], out: &mut Vec<u64>) {
    extract(st, toks, M, out);
}

/// The features of a state, appended to `out`.
#[inline(always)]
fn extract(st: &State, toks: &[Tok], mask: u128, out: &mut Vec<u64>) {
    let on = |t: u32| mask & (1u128 << t) != 0;
    let n = st.n;
    let none = n as usize + 1;
    let ix = |t: u32| if t == NONE { none } else { t as usize };
    let node = |t: u32| -> &Node {
        if t == NONE || t >= n {
            &EMPTY
        } else {
            &st.nodes[t as usize]
        }
    };
    let lab = |t: u32| -> u64 {
        if t == NONE || t >= n {
            L_NONE
        } else {
            let nd = &st.nodes[t as usize];
            if nd.head == NONE {
                L_NONE
            } else {
                nd.label as u64
            }
        }
    };
    let s0 = st.s0();
    let n0 = st.buf(0);
    let n1 = st.buf(1);
    let n2 = st.buf(2);
    let s0n = node(s0);
    let n0n = node(n0);
    let s0h = if s0n.head == n { NONE } else { s0n.head };
    let s0h2 = if s0h == NONE { NONE } else { node(s0h).head };
    let (s0l, s0r, s0l2, s0r2) = (s0n.l1, s0n.r1, s0n.l2, s0n.r2);
    let (n0l, n0l2) = (n0n.l1, n0n.l2);
    let t = |i: u32| toks[ix(i)];

    let (ts0, tn0, tn1, tn2) = (t(s0), t(n0), t(n1), t(n2));
    let (ts0h, ts0h2) = (t(s0h), t(s0h2));
    let (ts0l, ts0r, ts0l2, ts0r2) = (t(s0l), t(s0r), t(s0l2), t(s0r2));
    let (tn0l, tn0l2) = (t(n0l), t(n0l2));
    let s0wp = feat2(0, ts0.w, ts0.p);
    let n0wp = feat2(0, tn0.w, tn0.p);
    let n1wp = feat2(0, tn1.w, tn1.p);

    if on(0) {
        out.push(feat(0, 0));
    }
    // Single words.
    if on(1) {
        out.push(feat(1, ts0.w));
    }
    if on(2) {
        out.push(feat(2, ts0.p));
    }
    if on(3) {
        out.push(feat(3, s0wp));
    }
    if on(4) {
        out.push(feat(4, tn0.w));
    }
    if on(5) {
        out.push(feat(5, tn0.p));
    }
    if on(6) {
        out.push(feat(6, n0wp));
    }
    if on(7) {
        out.push(feat(7, tn1.w));
    }
    if on(8) {
        out.push(feat(8, tn1.p));
    }
    if on(9) {
        out.push(feat(9, n1wp));
    }
    if on(10) {
        out.push(feat(10, tn2.w));
    }
    if on(11) {
        out.push(feat(11, tn2.p));
    }
    // Pairs.
    if on(13) {
        out.push(feat2(13, s0wp, n0wp));
    }
    if on(14) {
        out.push(feat2(14, s0wp, tn0.w));
    }
    if on(15) {
        out.push(feat2(15, ts0.w, n0wp));
    }
    if on(16) {
        out.push(feat2(16, s0wp, tn0.p));
    }
    if on(17) {
        out.push(feat2(17, ts0.p, n0wp));
    }
    if on(18) {
        out.push(feat2(18, ts0.w, tn0.w));
    }
    if on(19) {
        out.push(feat2(19, ts0.p, tn0.p));
    }
    if on(20) {
        out.push(feat2(20, tn0.p, tn1.p));
    }
    // Triples of tags.
    if on(21) {
        out.push(feat3(21, tn0.p, tn1.p, tn2.p));
    }
    if on(22) {
        out.push(feat3(22, ts0.p, tn0.p, tn1.p));
    }
    if on(23) {
        out.push(feat3(23, ts0h.p, ts0.p, tn0.p));
    }
    if on(24) {
        out.push(feat3(24, ts0.p, ts0l.p, tn0.p));
    }
    if on(25) {
        out.push(feat3(25, ts0.p, ts0r.p, tn0.p));
    }
    if on(26) {
        out.push(feat3(26, ts0.p, tn0.p, tn0l.p));
    }
    // Distance.
    let d = if s0 == NONE || n0 == NONE {
        8
    } else if n0 == n {
        9
    } else {
        bucket_distance(n0 - s0)
    };
    if on(27) {
        out.push(feat2(27, ts0.w, d));
    }
    if on(28) {
        out.push(feat2(28, ts0.p, d));
    }
    if on(29) {
        out.push(feat2(29, tn0.w, d));
    }
    if on(30) {
        out.push(feat2(30, tn0.p, d));
    }
    if on(31) {
        out.push(feat3(31, ts0.w, tn0.w, d));
    }
    if on(32) {
        out.push(feat3(32, ts0.p, tn0.p, d));
    }
    // Valency.
    let (vl, vr, nvl) = (
        u64::from(s0n.nl.min(7)),
        u64::from(s0n.nr.min(7)),
        u64::from(n0n.nl.min(7)),
    );
    if on(33) {
        out.push(feat2(33, ts0.w, vr));
    }
    if on(34) {
        out.push(feat2(34, ts0.p, vr));
    }
    if on(35) {
        out.push(feat2(35, ts0.w, vl));
    }
    if on(36) {
        out.push(feat2(36, ts0.p, vl));
    }
    if on(37) {
        out.push(feat2(37, tn0.w, nvl));
    }
    if on(38) {
        out.push(feat2(38, tn0.p, nvl));
    }
    // Head and children of s0, children of n0.
    if on(39) {
        out.push(feat(39, ts0h.w));
    }
    if on(40) {
        out.push(feat(40, ts0h.p));
    }
    if on(41) {
        out.push(feat(41, lab(s0)));
    }
    if on(42) {
        out.push(feat(42, ts0l.w));
    }
    if on(43) {
        out.push(feat(43, ts0l.p));
    }
    if on(44) {
        out.push(feat(44, lab(s0l)));
    }
    if on(45) {
        out.push(feat(45, ts0r.w));
    }
    if on(46) {
        out.push(feat(46, ts0r.p));
    }
    if on(47) {
        out.push(feat(47, lab(s0r)));
    }
    if on(48) {
        out.push(feat(48, tn0l.w));
    }
    if on(49) {
        out.push(feat(49, tn0l.p));
    }
    if on(50) {
        out.push(feat(50, lab(n0l)));
    }
    // Second order.
    if on(51) {
        out.push(feat(51, ts0h2.w));
    }
    if on(52) {
        out.push(feat(52, ts0h2.p));
    }
    if on(53) {
        out.push(feat(53, lab(s0h)));
    }
    if on(54) {
        out.push(feat(54, ts0l2.w));
    }
    if on(55) {
        out.push(feat(55, ts0l2.p));
    }
    if on(56) {
        out.push(feat(56, lab(s0l2)));
    }
    if on(57) {
        out.push(feat(57, ts0r2.w));
    }
    if on(58) {
        out.push(feat(58, ts0r2.p));
    }
    if on(59) {
        out.push(feat(59, lab(s0r2)));
    }
    if on(60) {
        out.push(feat(60, tn0l2.w));
    }
    if on(61) {
        out.push(feat(61, tn0l2.p));
    }
    if on(62) {
        out.push(feat(62, lab(n0l2)));
    }
    if on(63) {
        out.push(feat3(63, ts0.p, ts0l.p, ts0l2.p));
    }
    if on(64) {
        out.push(feat3(64, ts0.p, ts0r.p, ts0r2.p));
    }
    if on(65) {
        out.push(feat3(65, ts0.p, ts0h.p, ts0h2.p));
    }
    if on(66) {
        out.push(feat3(66, tn0.p, tn0l.p, tn0l2.p));
    }
    // Relation sets.
    if on(67) {
        out.push(feat2(67, ts0.w, s0n.rset));
    }
    if on(68) {
        out.push(feat2(68, ts0.p, s0n.rset));
    }
    if on(69) {
        out.push(feat2(69, ts0.w, s0n.lset));
    }
    if on(70) {
        out.push(feat2(70, ts0.p, s0n.lset));
    }
    if on(71) {
        out.push(feat2(71, tn0.w, n0n.lset));
    }
    if on(72) {
        out.push(feat2(72, tn0.p, n0n.lset));
    }
    // Lexical attachment: s0's head word with n0's word (a verb and a
    // preposition), and s0's head and s0 tags with n0's word.
    if on(73) {
        out.push(feat2(73, ts0h.w, tn0.w));
    }
    if on(74) {
        out.push(feat3(74, ts0h.p, ts0.p, tn0.w));
    }
}

/// Scores of one state, one per class (action id).
#[derive(Clone, Copy)]
struct Scores([i32; N_ACTIONS]);

impl Default for Scores {
    fn default() -> Self {
        Scores([0; N_ACTIONS])
    }
}

/// Class ids of the arcs to and from the root.
const L_ROOT: usize = 2 + Dep::Root as usize;
const R_ROOT: usize = 2 + N_LABELS + Dep::Root as usize;

/// Templates over the buffer's words only (not their children).
const BUFFER_ONLY: u128 = templates::of(&[4, 5, 6, 7, 8, 9, 10, 11, 20, 21]);

/// The bias, and templates over the stack top's word and tag, its left
/// valency and its relation: none of them changes while the word is on the
/// stack (its left children attach while it heads the buffer, and its head
/// only when it is pushed or popped).
const TOP_ONLY: u128 = templates::of(&[0, 1, 2, 3, 35, 36, 41]);

/// One training sentence, prepared once.
struct Example {
    toks: Vec<Tok>,
    /// Gold heads, projective, `n` for the root.
    heads: Vec<u32>,
    labels: Vec<Dep>,
}

/// Counts of what training did with its sentences.
#[derive(Clone, Debug, Default)]
pub struct TrainReport {
    /// Sentences used.
    pub used: usize,
    /// Skipped: analysis incomplete.
    pub incomplete: usize,
    /// Skipped: heads not a tree (cycle, several roots).
    pub not_tree: usize,
    /// Used after lifting: sentences that were not projective.
    pub non_projective: usize,
    /// Arcs lifted in them.
    pub lifted_arcs: usize,
}

/// The tags to train or evaluate the parser with.
#[derive(Clone, Copy)]
pub enum TagSource<'a> {
    /// The sentences' own (silver or gold) tags.
    Gold,
    /// Tags given per sentence (from a tagger, jackknifed for training).
    Given(&'a [Vec<Tag>]),
    /// Tags from a function (a tagger) over the words.
    With(&'a dyn Fn(&[&str], &mut Vec<Tag>)),
}

impl TagSource<'_> {
    fn tags(&self, i: usize, s: &Sentence, out: &mut Vec<Tag>) {
        out.clear();
        match self {
            TagSource::Gold => out.extend(s.tags.iter().map(|t| t.unwrap_or(Tag::Xx))),
            TagSource::Given(all) => {
                if let Some(t) = all.get(i) {
                    out.extend_from_slice(t);
                }
            }
            TagSource::With(f) => {
                let words: Vec<&str> = s.forms.iter().map(String::as_str).collect();
                f(&words, out);
            }
        }
        out.resize(s.len(), Tag::Xx);
    }
}

/// Folds of the jackknife [`Parser::train`] tags its training text with.
pub const JACKKNIFE_FOLDS: usize = 4;

/// Tags every sentence of `train` with a [`Tagger`] trained on the other
/// folds (sentence `i` is in fold `i % folds`); with fewer than two folds, or
/// too few sentences, the sentences' own tags. Taggers train with `opts`
/// (at most 10 passes). One tag vector per sentence, as long as the sentence.
pub fn jackknife_tags(
    train: &[Sentence],
    folds: usize,
    opts: &TrainOptions,
    log: &mut dyn FnMut(&str),
) -> Vec<Vec<Tag>> {
    let own = |s: &Sentence| -> Vec<Tag> { s.tags.iter().map(|t| t.unwrap_or(Tag::Xx)).collect() };
    let mut out: Vec<Vec<Tag>> = train.iter().map(own).collect();
    if folds < 2 || train.len() < 2 * folds {
        return out;
    }
    let t_opts = TrainOptions {
        epochs: opts.epochs.min(10),
        ..opts.clone()
    };
    let mut buf = Vec::new();
    let (mut right, mut all) = (0usize, 0usize);
    for k in 0..folds {
        let rest: Vec<Sentence> = train
            .iter()
            .enumerate()
            .filter(|(i, _)| i % folds != k)
            .map(|(_, s)| s.clone())
            .collect();
        let tagger = Tagger::train(&rest, &t_opts, &mut |_| {});
        for (i, s) in train.iter().enumerate().filter(|(i, _)| i % folds == k) {
            let words: Vec<&str> = s.forms.iter().map(String::as_str).collect();
            tagger.tag(&words, &mut buf);
            out[i] = buf.iter().map(|p| p.0).collect();
            for (g, p) in s.tags.iter().zip(&out[i]) {
                all += 1;
                right += usize::from(*g == Some(*p));
            }
        }
    }
    log(&format!(
        "parser: training text tagged by {folds} jackknifed taggers ({:.2}% of tags as the teacher's)",
        100.0 * right as f64 / all.max(1) as f64
    ));
    out
}

/// A small deterministic generator (xorshift*) for shuffling and exploring.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn chance(&mut self, p: f64) -> bool {
        ((self.next() >> 11) as f64 / (1u64 << 53) as f64) < p
    }
}

/// Heads of a CoNLL-U sentence as the oracle wants them (`n` for the root)
/// and its labels, if complete.
fn sentence_tree(s: &Sentence) -> Option<(Vec<u32>, Vec<Dep>)> {
    let n = s.len() as u32;
    let mut heads = Vec::with_capacity(s.len());
    let mut labels = Vec::with_capacity(s.len());
    for i in 0..s.len() {
        let h = s.heads[i]?;
        let d = s.deps[i]?;
        heads.push(if h == 0 { n } else { h - 1 });
        labels.push(d);
    }
    Some((heads, labels))
}

impl Parser {
    /// Trains on the sentences' own tags with default [`ParserOptions`].
    ///
    /// The parser meets our tagger's tags at run time, not the teacher's, so
    /// it trains on tags our tagger predicts: jackknifed (each of
    /// [`JACKKNIFE_FOLDS`] folds tagged by a tagger trained on the others,
    /// see [`jackknife_tags`]). That is worth about half a point of
    /// attachment over training on the teacher's tags.
    pub fn train(train: &[Sentence], opts: &TrainOptions, log: &mut dyn FnMut(&str)) -> Parser {
        Parser::train_options(train, opts, &ParserOptions::default(), log)
    }

    /// [`Parser::train`] with other [`ParserOptions`] (the jackknifed
    /// taggers train with `opts`).
    pub fn train_options(
        train: &[Sentence],
        opts: &TrainOptions,
        popts: &ParserOptions,
        log: &mut dyn FnMut(&str),
    ) -> Parser {
        let tags = jackknife_tags(train, JACKKNIFE_FOLDS, opts, log);
        Parser::train_with(train, TagSource::Given(&tags), opts, popts, log).0
    }

    /// Trains with the given tags (predicted tags make the parser ready for
    /// a tagger's mistakes) and options; also returns what was done with the
    /// sentences.
    pub fn train_with(
        train: &[Sentence],
        tags: TagSource<'_>,
        opts: &TrainOptions,
        popts: &ParserOptions,
        log: &mut dyn FnMut(&str),
    ) -> (Parser, TrainReport) {
        let (trainer, report) = Parser::train_weights(train, tags, opts, popts, log);
        let parser = Parser::from_trainer(
            &trainer,
            popts.min_count.unwrap_or(opts.min_count),
            popts.min_weight,
            popts.templates,
        );
        log(&format!(
            "parser: frozen: {} features, {} weights",
            parser.model.n_features(),
            parser.model.n_weights()
        ));
        (parser, report)
    }

    /// The parser of trained weights, frozen with these settings (see
    /// [`Trainer::freeze_pruned`]) over these templates.
    pub fn from_trainer(
        trainer: &Trainer,
        min_count: u32,
        min_weight: i16,
        templates: u128,
    ) -> Parser {
        Parser::from_model(trainer.freeze_pruned(min_count, min_weight), templates)
            .expect("own model")
    }

    /// The training of [`Parser::train_with`], before freezing.
    pub fn train_weights(
        train: &[Sentence],
        tags: TagSource<'_>,
        opts: &TrainOptions,
        popts: &ParserOptions,
        log: &mut dyn FnMut(&str),
    ) -> (Trainer, TrainReport) {
        let mut report = TrainReport::default();
        let mut examples = Vec::new();
        let mut norm = String::new();
        let mut tag_buf = Vec::new();
        for (i, s) in train.iter().enumerate() {
            if s.is_empty() {
                continue;
            }
            if !s.is_complete() {
                report.incomplete += 1;
                continue;
            }
            let Some((heads, mut labels)) = sentence_tree(s) else {
                report.incomplete += 1;
                continue;
            };
            let Some(mut heads) = gold_heads(&heads) else {
                report.not_tree += 1;
                continue;
            };
            let n = heads.len() as u32;
            for (h, l) in heads.iter().zip(labels.iter_mut()) {
                if *h == n {
                    *l = Dep::Root;
                } else if *l == Dep::Root {
                    *l = Dep::Dep;
                }
            }
            let lifted = projectivize(&mut heads);
            if lifted > 0 {
                report.non_projective += 1;
                report.lifted_arcs += lifted;
            }
            tags.tags(i, s, &mut tag_buf);
            let words: Vec<&str> = s.forms.iter().map(String::as_str).collect();
            let mut toks = Vec::new();
            prepare(&words, &tag_buf, &mut toks, &mut norm);
            examples.push(Example {
                toks,
                heads,
                labels,
            });
        }
        report.used = examples.len();
        log(&format!(
            "parser: {} sentences ({} incomplete and {} not trees skipped; {} non-projective, {} arcs lifted)",
            report.used, report.incomplete, report.not_tree, report.non_projective, report.lifted_arcs
        ));

        let names: Vec<String> = (0..N_ACTIONS).map(|i| Action::from_id(i).name()).collect();
        let mut trainer = Trainer::new(names);
        let actions: Vec<Action> = (0..N_ACTIONS).map(Action::from_id).collect();
        let mut rng = Rng(opts.seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
        let mut order: Vec<usize> = (0..examples.len()).collect();
        let mut state = State {
            end_attach: true,
            ..State::default()
        };
        let mut feats = Vec::with_capacity(96);
        let mut scores = vec![0f32; N_ACTIONS];
        let mut costs = [0u32; N_ACTIONS];
        for epoch in 0..opts.epochs {
            for i in (1..order.len()).rev() {
                let j = rng.below(i + 1);
                order.swap(i, j);
            }
            let explore = epoch >= popts.explore_from;
            let (mut steps, mut errors) = (0usize, 0usize);
            for &k in &order {
                let ex = &examples[k];
                state.reset(ex.heads.len());
                while !state.is_terminal() {
                    feats.clear();
                    extract(&state, &ex.toks, popts.templates, &mut feats);
                    trainer.score(&feats, &mut scores);
                    let mc = state.costs(&ex.heads);
                    let mut gold = usize::MAX;
                    let mut pred = usize::MAX;
                    for (c, &a) in actions.iter().enumerate() {
                        let cost = state.action_cost(a, &mc, &ex.heads, &ex.labels);
                        costs[c] = cost;
                        if cost == u32::MAX {
                            continue;
                        }
                        if pred == usize::MAX || scores[c] > scores[pred] {
                            pred = c;
                        }
                        if cost == 0 && (gold == usize::MAX || scores[c] > scores[gold]) {
                            gold = c;
                        }
                    }
                    if pred == usize::MAX {
                        break; // cannot happen: some move is always valid
                    }
                    if gold == usize::MAX {
                        // Only for a tree the oracle cannot reach; follow the model.
                        gold = pred;
                    }
                    steps += 1;
                    if costs[pred] > 0 {
                        errors += 1;
                        trainer.update(&feats, gold, pred, 1.0);
                    } else {
                        trainer.tick();
                    }
                    let follow_pred = costs[pred] == 0 || (explore && rng.chance(popts.explore_p));
                    let next = if follow_pred { pred } else { gold };
                    state.apply(actions[next]);
                }
            }
            log(&format!(
                "parser: pass {}/{}: {} transitions, {:.2}% wrong, {} features",
                epoch + 1,
                opts.epochs,
                steps,
                100.0 * errors as f64 / steps.max(1) as f64,
                trainer.n_features()
            ));
        }
        (trainer, report)
    }

    /// A parser over a model whose classes are the parser's actions.
    fn from_model(model: Frozen, templates: u128) -> Result<Parser, ModelError> {
        let mut actions = Vec::with_capacity(model.n_classes());
        for c in model.classes() {
            match Action::parse(c) {
                Some(a) => actions.push(a),
                None => {
                    return Err(ModelError {
                        model: "parser",
                        reason: format!("unknown action {c:?}"),
                    })
                }
            }
        }
        // The parser scores classes by action id (see `parse_in`).
        if actions.len() != N_ACTIONS || actions.iter().enumerate().any(|(i, a)| a.id() != i) {
            return Err(ModelError {
                model: "parser",
                reason: "classes are not the parser's actions in order".into(),
            });
        }
        Ok(Parser {
            model,
            actions,
            templates,
        })
    }

    /// The model as bytes (see [`Parser::from_bytes`]).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut w = Writer::with_header(MAGIC, VERSION);
        w.u32(FEATURES);
        w.u64(self.templates as u64);
        w.u64((self.templates >> 64) as u64);
        self.model.write(&mut w);
        w.buf
    }

    /// Reads a model written by [`Parser::to_bytes`]; bad bytes are an error.
    pub fn from_bytes(bytes: &[u8]) -> Result<Parser, ModelError> {
        let mut r = Reader::new("parser", bytes);
        r.header(MAGIC, VERSION)?;
        let f = r.u32()?;
        if f != FEATURES {
            return Err(r.error(format!("feature set {f}, this build has {FEATURES}")));
        }
        let lo = r.u64()?;
        let hi = r.u64()?;
        let templates = u128::from(lo) | (u128::from(hi) << 64);
        if templates & !templates::ALL != 0 || templates == 0 {
            return Err(r.error(format!("feature templates {templates:#x}")));
        }
        // The rest is the weights as `Frozen::write` wrote them.
        let model = Frozen::read(&mut r)?;
        r.finish()?;
        Parser::from_model(model, templates)
    }

    /// Bytes the model takes in memory: (slots, sparse rows, dense rows).
    pub fn memory_bytes(&self) -> (usize, usize, usize) {
        self.model.layout_bytes()
    }

    /// Number of features and of weights kept.
    pub fn size(&self) -> (usize, usize) {
        (self.model.n_features(), self.model.n_weights())
    }

    /// One (head, relation) per word; head is the 0-based index of the head
    /// word within the sentence, the root's head is its own index and its
    /// relation `Dep::Root`. Always a tree. Missing tags count as `XX`.
    pub fn parse(&self, words: &[&str], tags: &[Tag], out: &mut Vec<(u32, Dep)>) {
        SCRATCH.with(|s| match s.try_borrow_mut() {
            Ok(mut s) => self.parse_in(&mut s, words, tags, out),
            Err(_) => self.parse_in(&mut Scratch::default(), words, tags, out),
        });
    }

    fn parse_in(&self, sc: &mut Scratch, words: &[&str], tags: &[Tag], out: &mut Vec<(u32, Dep)>) {
        out.clear();
        if words.is_empty() {
            return;
        }
        let Scratch {
            state,
            toks,
            feats,
            scores,
            buffer_scores,
            top_scores,
            top_known,
            root_scores,
            norm,
        } = sc;
        prepare(words, tags, toks, norm);
        state.end_attach = true;
        state.reset(words.len());
        root_scores.clear();
        root_scores.resize(words.len(), i64::MIN);
        // Templates over the buffer's words only change when the buffer
        // does (shift, right arc): their scores are kept between transitions.
        let mut buffer_at = u32::MAX;
        let buffer_mask = self.templates & BUFFER_ONLY;
        // Templates over the stack top and what it has from before it was
        // pushed (its left children, its relation) do not change while it is
        // on the stack: their scores are kept per token.
        let top_mask = self.templates & TOP_ONLY;
        let rest_mask = self.templates & !BUFFER_ONLY & !TOP_ONLY;
        top_known.clear();
        top_known.resize(words.len() + 2, false);
        top_scores.resize(words.len() + 2, Scores::default());
        while !state.is_terminal() {
            // With one move possible (shift with an empty stack, reduce at
            // the end of a headed top) there is nothing to score.
            let valid = state.valid_moves();
            match valid {
                [true, false, false, false] => {
                    state.apply(self.actions[0]);
                    continue;
                }
                [false, true, false, false] => {
                    state.apply(self.actions[1]);
                    continue;
                }
                _ => {}
            }
            // The features whose scores are not kept, then those of a new
            // buffer front and of a new stack top: scored in one pass.
            let s0 = state.s0();
            let top = if s0 == NONE {
                words.len() + 1
            } else {
                s0 as usize
            };
            feats.clear();
            extract_part(state, toks, rest_mask, feats);
            let rest_end = feats.len();
            let new_buffer = state.b != buffer_at;
            if new_buffer {
                buffer_at = state.b;
                extract_part(state, toks, buffer_mask, feats);
            }
            let buffer_end = feats.len();
            let new_top = !top_known[top];
            if new_top {
                top_known[top] = true;
                extract_part(state, toks, top_mask, feats);
            }
            let top_scores_now = &mut top_scores[top];
            match (new_buffer, new_top) {
                (false, false) => self.model.score_array(feats, &mut scores.0),
                (true, false) => self.model.score_groups(
                    feats,
                    [rest_end, buffer_end],
                    [&mut scores.0, &mut buffer_scores.0],
                ),
                (false, true) => self.model.score_groups(
                    feats,
                    [rest_end, feats.len()],
                    [&mut scores.0, &mut top_scores_now.0],
                ),
                (true, true) => self.model.score_groups(
                    feats,
                    [rest_end, buffer_end, feats.len()],
                    [&mut scores.0, &mut buffer_scores.0, &mut top_scores_now.0],
                ),
            }
            for ((s, b), t) in scores
                .0
                .iter_mut()
                .zip(buffer_scores.0.iter())
                .zip(top_scores[top].0.iter())
            {
                *s += *b + *t;
            }
            let sc = &scores.0;
            let root_front = state.b >= state.n;
            let mut best = usize::MAX;
            let mut consider = |c: usize| {
                if best == usize::MAX || sc[c] > sc[best] {
                    best = c;
                }
            };
            if valid[0] {
                consider(0);
            }
            if valid[1] {
                consider(1);
            }
            if valid[2] {
                if root_front {
                    consider(L_ROOT);
                } else {
                    (2..2 + N_LABELS)
                        .filter(|&c| c != L_ROOT)
                        .for_each(&mut consider);
                }
            }
            if valid[3] {
                (2 + N_LABELS..N_ACTIONS)
                    .filter(|&c| c != R_ROOT)
                    .for_each(&mut consider);
            }
            if best == usize::MAX {
                break; // cannot happen; finish() still makes a tree
            }
            let a = self.actions[best];
            if root_front && a.mv == Move::Left {
                if let Some(slot) = root_scores.get_mut(state.s0() as usize) {
                    *slot = i64::from(scores.0[L_ROOT]);
                }
            }
            state.apply(a);
        }
        state.finish(
            |i| root_scores.get(i as usize).copied().unwrap_or(i64::MIN),
            out,
        );
    }
}

/// Accuracy of one relation (by its gold label).
#[derive(Clone, Copy, Debug, Default)]
pub struct RelationScore {
    /// The relation.
    pub dep: Dep,
    /// Words with this gold relation (punctuation excluded).
    pub count: usize,
    /// Of them, with the right head.
    pub head: usize,
    /// With the right relation.
    pub label: usize,
    /// With both.
    pub both: usize,
}

/// Agreement of a parser with reference parses. Words whose gold relation is
/// `punct` are not scored (as spaCy's scorer does).
#[derive(Clone, Debug, Default)]
pub struct ParseScores {
    /// Sentences scored.
    pub sentences: usize,
    /// Words scored.
    pub words: usize,
    /// Words with the right head.
    pub head: usize,
    /// Words with the right head and relation.
    pub both: usize,
    /// Words with the right relation.
    pub label: usize,
    /// Sentences whose root is the right word.
    pub root: usize,
    /// Sentences with every scored word right (head and relation).
    pub exact: usize,
    /// Per gold relation, most frequent first.
    pub relations: Vec<RelationScore>,
}

impl ParseScores {
    /// Unlabelled attachment score.
    pub fn uas(&self) -> f64 {
        ratio(self.head, self.words)
    }
    /// Labelled attachment score.
    pub fn las(&self) -> f64 {
        ratio(self.both, self.words)
    }
    /// Label accuracy.
    pub fn label_accuracy(&self) -> f64 {
        ratio(self.label, self.words)
    }
    /// Root accuracy (per sentence).
    pub fn root_accuracy(&self) -> f64 {
        ratio(self.root, self.sentences)
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

impl fmt::Display for ParseScores {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{} sentences, {} words (punct excluded): UAS {:.2}%  LAS {:.2}%  label {:.2}%  root {:.2}%  exact {:.2}%",
            self.sentences,
            self.words,
            100.0 * self.uas(),
            100.0 * self.las(),
            100.0 * self.label_accuracy(),
            100.0 * self.root_accuracy(),
            100.0 * ratio(self.exact, self.sentences)
        )?;
        writeln!(
            f,
            "{:<10} {:>7} {:>7} {:>7} {:>7}",
            "relation", "count", "head%", "label%", "both%"
        )?;
        for r in &self.relations {
            writeln!(
                f,
                "{:<10} {:>7} {:>7.1} {:>7.1} {:>7.1}",
                r.dep.as_str(),
                r.count,
                100.0 * ratio(r.head, r.count),
                100.0 * ratio(r.label, r.count),
                100.0 * ratio(r.both, r.count)
            )?;
        }
        Ok(())
    }
}

/// Parses every complete sentence with `tags` and scores it against the
/// sentence's own heads and relations.
pub fn evaluate_parser(
    parser: &Parser,
    sentences: &[Sentence],
    tags: TagSource<'_>,
) -> ParseScores {
    let mut sc = ParseScores::default();
    let mut rel = vec![RelationScore::default(); Dep::ALL.len()];
    let mut tag_buf = Vec::new();
    let mut out = Vec::new();
    for (i, s) in sentences.iter().enumerate() {
        if s.is_empty() || !s.is_complete() {
            continue;
        }
        let Some((heads, labels)) = sentence_tree(s) else {
            continue;
        };
        tags.tags(i, s, &mut tag_buf);
        let words: Vec<&str> = s.forms.iter().map(String::as_str).collect();
        parser.parse(&words, &tag_buf, &mut out);
        let n = s.len() as u32;
        sc.sentences += 1;
        let mut exact = true;
        for (w, (&gh, &gl)) in heads.iter().zip(&labels).enumerate() {
            let (ph, pl) = out[w];
            let gold_root = gh == n;
            if gold_root && ph == w as u32 {
                sc.root += 1;
            }
            if gl == Dep::Punct {
                continue;
            }
            let head_ok = if gold_root { ph == w as u32 } else { ph == gh };
            let gl = if gold_root { Dep::Root } else { gl };
            let label_ok = pl == gl;
            sc.words += 1;
            let r = &mut rel[gl as usize];
            r.dep = gl;
            r.count += 1;
            if head_ok {
                sc.head += 1;
                r.head += 1;
            }
            if label_ok {
                sc.label += 1;
                r.label += 1;
            }
            if head_ok && label_ok {
                sc.both += 1;
                r.both += 1;
            } else {
                exact = false;
            }
        }
        if exact {
            sc.exact += 1;
        }
    }
    rel.retain(|r| r.count > 0);
    rel.sort_by(|a, b| b.count.cmp(&a.count).then(a.dep.cmp(&b.dep)));
    sc.relations = rel;
    sc
}

#[cfg(test)]
mod tests {
    use super::super::conllu;
    use super::super::transition::is_tree;
    use super::*;

    const SAMPLE: &str = "\
1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\tNER=O
2\tminister\tminister\tNOUN\tNN\t_\t3\tnsubj\t_\tNER=O
3\tmet\tmeet\tVERB\tVBD\t_\t0\tROOT\t_\tNER=O
4\this\this\tPRON\tPRP$\t_\t5\tposs\t_\tNER=O
5\tcounterpart\tcounterpart\tNOUN\tNN\t_\t3\tdobj\t_\tNER=O
6\tin\tin\tADP\tIN\t_\t3\tprep\t_\tNER=O
7\tParis\tParis\tPROPN\tNNP\t_\t6\tpobj\t_\tNER=B-GPE
8\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\tNER=O

1\tTalks\ttalk\tNOUN\tNNS\t_\t2\tnsubj\t_\tNER=O
2\tresumed\tresume\tVERB\tVBD\t_\t0\tROOT\t_\tNER=O
3\ton\ton\tADP\tIN\t_\t2\tprep\t_\tNER=O
4\tMonday\tMonday\tPROPN\tNNP\t_\t3\tpobj\t_\tNER=B-DATE
5\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\tNER=O

1\tThe\tthe\tDET\tDT\t_\t3\tdet\t_\tNER=O
2\tfinal\tfinal\tADJ\tJJ\t_\t3\tamod\t_\tNER=O
3\tagreement\tagreement\tNOUN\tNN\t_\t6\tnsubjpass\t_\tNER=O
4\twas\tbe\tAUX\tVBD\t_\t6\tauxpass\t_\tNER=O
5\tnot\tnot\tPART\tRB\t_\t6\tneg\t_\tNER=O
6\tsigned\tsign\tVERB\tVBN\t_\t0\tROOT\t_\tNER=O
7\tby\tby\tADP\tIN\t_\t6\tagent\t_\tNER=O
8\tthe\tthe\tDET\tDT\t_\t9\tdet\t_\tNER=O
9\tenvoys\tenvoy\tNOUN\tNNS\t_\t7\tpobj\t_\tNER=O
10\t,\t,\tPUNCT\t,\t_\t9\tpunct\t_\tNER=O
11\twho\twho\tPRON\tWP\t_\t12\tnsubj\t_\tNER=O
12\tleft\tleave\tVERB\tVBD\t_\t9\trelcl\t_\tNER=O
13\t.\t.\tPUNCT\t.\t_\t6\tpunct\t_\tNER=O

";

    fn sample() -> Vec<Sentence> {
        conllu::read(SAMPLE).unwrap()
    }

    fn trained() -> Parser {
        let opts = TrainOptions {
            epochs: 15,
            seed: 7,
            min_count: 1,
        };
        Parser::train(&sample(), &opts, &mut |_| {})
    }

    #[test]
    fn learns_its_training_sentences() {
        let p = trained();
        let scores = evaluate_parser(&p, &sample(), TagSource::Gold);
        assert_eq!(scores.sentences, 3);
        assert_eq!(scores.las(), 1.0, "{scores}");
        assert_eq!(scores.root_accuracy(), 1.0);
        let table = scores.to_string();
        assert!(table.contains("nsubj"), "{table}");
    }

    #[test]
    fn bytes_round_trip() {
        let p = trained();
        let bytes = p.to_bytes();
        let q = Parser::from_bytes(&bytes).unwrap();
        let s = sample();
        for sent in &s {
            let words: Vec<&str> = sent.forms.iter().map(String::as_str).collect();
            let tags: Vec<Tag> = sent.tags.iter().map(|t| t.unwrap()).collect();
            let (mut a, mut b) = (Vec::new(), Vec::new());
            p.parse(&words, &tags, &mut a);
            q.parse(&words, &tags, &mut b);
            assert_eq!(a, b);
        }
        assert!(Parser::from_bytes(&bytes[..bytes.len() - 1]).is_err());
        assert!(Parser::from_bytes(b"ATPRxxxx").is_err());
        assert!(Parser::from_bytes(&[]).is_err());
        let mut other = bytes.clone();
        other[8] ^= 0xff; // feature-set version
        assert!(Parser::from_bytes(&other)
            .unwrap_err()
            .reason
            .contains("feature set"));
    }

    #[test]
    fn corrupt_bytes_never_panic() {
        let bytes = trained().to_bytes();
        let mut x = 0x9e37_79b9_7f4a_7c15u64;
        for _ in 0..3000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let mut b = bytes.clone();
            let i = (x as usize) % b.len();
            b[i] ^= (x >> 40) as u8 | 1;
            if let Ok(p) = Parser::from_bytes(&b) {
                let mut out = Vec::new();
                p.parse(
                    &["A", "test", "."],
                    &[Tag::Dt, Tag::Nn, Tag::Period],
                    &mut out,
                );
                assert!(is_tree(&out));
            }
        }
        for n in 0..bytes.len().min(200) {
            assert!(Parser::from_bytes(&bytes[..n]).is_err());
        }
    }

    #[test]
    fn always_a_tree_on_odd_input() {
        let p = trained();
        let mut out = vec![(9, Dep::Acl)];
        p.parse(&[], &[], &mut out);
        assert!(out.is_empty());
        p.parse(&["Hi"], &[Tag::Uh], &mut out);
        assert_eq!(out, vec![(0, Dep::Root)]);
        // Tags missing or too many; odd Unicode; a very long sentence.
        p.parse(&["🙂", "Ωmega", "", "\u{0}"], &[Tag::Nn], &mut out);
        assert_eq!(out.len(), 4);
        assert!(is_tree(&out));
        let long: Vec<String> = (0..1000).map(|i| format!("w{}", i % 37)).collect();
        let words: Vec<&str> = long.iter().map(String::as_str).collect();
        let tags: Vec<Tag> = (0..1000).map(|i| Tag::ALL[i % Tag::ALL.len()]).collect();
        p.parse(&words, &tags, &mut out);
        assert_eq!(out.len(), 1000);
        assert!(is_tree(&out));
        assert_eq!(out.iter().filter(|o| o.1 == Dep::Root).count(), 1);
    }

    #[test]
    fn jackknife_tags_every_sentence() {
        let mut s = sample();
        for _ in 0..3 {
            s.extend(sample());
        }
        let opts = TrainOptions {
            epochs: 3,
            seed: 1,
            min_count: 1,
        };
        let tags = jackknife_tags(&s, 4, &opts, &mut |_| {});
        assert_eq!(tags.len(), s.len());
        for (t, sent) in tags.iter().zip(&s) {
            assert_eq!(t.len(), sent.len());
        }
        // Each sentence occurs in other folds too, so its tags are learned.
        let right = tags
            .iter()
            .zip(&s)
            .flat_map(|(t, sent)| t.iter().zip(&sent.tags))
            .filter(|(p, g)| Some(**p) == **g)
            .count();
        assert!(right * 10 > s.iter().map(Sentence::len).sum::<usize>() * 9);
        // Too few sentences: their own tags.
        let own = jackknife_tags(&s[..3], 4, &opts, &mut |_| {});
        assert_eq!(own[0][0], Tag::Dt);
        let p = Parser::train(&s, &opts, &mut |_| {});
        let scores = evaluate_parser(&p, &s, TagSource::Given(&tags));
        assert!(scores.uas() > 0.9, "{scores}");
    }

    #[test]
    fn debug_is_short() {
        let text = format!("{:?}", trained());
        assert!(text.starts_with("Parser {") && text.len() < 200, "{text}");
    }

    #[test]
    fn training_is_deterministic() {
        let a = trained().to_bytes();
        let b = trained().to_bytes();
        assert_eq!(a, b);
    }

    #[test]
    fn skips_incomplete_and_lifts_non_projective() {
        let mut s = sample();
        // Make the first sentence non-projective: "in" ← "minister" crosses "met".
        s[0].heads[5] = Some(2);
        let mut broken = s[1].clone();
        broken.heads[0] = None;
        s.push(broken);
        let mut cyclic = s[1].clone();
        cyclic.heads[1] = Some(1);
        s.push(cyclic);
        let opts = TrainOptions {
            epochs: 2,
            seed: 1,
            min_count: 1,
        };
        let (_, report) = Parser::train_with(
            &s,
            TagSource::Gold,
            &opts,
            &ParserOptions::default(),
            &mut |_| {},
        );
        assert_eq!(report.used, 3);
        assert_eq!(report.incomplete, 1);
        assert_eq!(report.not_tree, 1);
        assert_eq!(report.non_projective, 1);
    }
}
