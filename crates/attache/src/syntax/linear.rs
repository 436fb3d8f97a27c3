//! The linear-model core shared by the tagger, the entity tagger and the
//! parser: hashed sparse features, an averaged perceptron to train them, a
//! frozen quantised form to run them, and the binary format they are stored in.
//!
//! Features are `u64` hashes of a template id and its values ([`feat`],
//! [`feat2`], [`feat3`], with strings hashed by [`hash_str`]); the hash is
//! defined here, not by the standard library, so a stored model keeps its
//! meaning across Rust versions and platforms. `0` is never a feature.
//!
//! Training ([`Trainer`]): an averaged perceptron over `n` classes with lazy
//! averaging (each weight keeps the time of its last change and a running
//! total), weights kept sparse per feature (most features only ever meet a few
//! classes). Freezing ([`Trainer::freeze`]) averages, drops features seen fewer
//! than `min_count` times, quantises every weight to `i16` with one scale per
//! model, and lays the rows out for scoring behind an open-addressing table
//! (see [`Frozen`]): rows with weights for many classes dense, added with
//! SIMD, the others sparse; the three models all score with it.
//!
//! The binary form ([`Frozen::write`], [`Frozen::read`]) is little-endian,
//! starts with the class names (so a model maps its classes to the fixed label
//! enums at load, refusing unknown ones), and is read with bounds checks: bad
//! bytes give a [`ModelError`], never a panic or a huge allocation.

use super::ModelError;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

// ---------------------------------------------------------------------------
// Hashing

const K0: u64 = 0x9E37_79B9_7F4A_7C15;
const K1: u64 = 0xBF58_476D_1CE4_E5B9;
const K2: u64 = 0x94D0_49BB_1331_11EB;

/// The splitmix64 finaliser: a fast, well-mixing bijection on `u64`.
#[inline]
pub fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(K1);
    z = (z ^ (z >> 27)).wrapping_mul(K2);
    z ^ (z >> 31)
}

/// A stable 64-bit hash of bytes (8 bytes at a time).
#[inline]
pub fn hash_bytes(b: &[u8]) -> u64 {
    let mut h = K0 ^ (b.len() as u64).wrapping_mul(K1);
    let mut chunks = b.chunks_exact(8);
    for c in &mut chunks {
        let v = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
        h = (h ^ v).wrapping_mul(K2).rotate_left(29);
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut buf = [0u8; 8];
        buf[..rest.len()].copy_from_slice(rest);
        h = (h ^ u64::from_le_bytes(buf))
            .wrapping_mul(K2)
            .rotate_left(29);
    }
    mix(h)
}

/// A stable 64-bit hash of a string.
#[inline]
pub fn hash_str(s: &str) -> u64 {
    hash_bytes(s.as_bytes())
}

/// Never 0 (0 marks an empty slot).
#[inline]
fn nonzero(h: u64) -> u64 {
    if h == 0 {
        1
    } else {
        h
    }
}

/// The feature of template `t` with one value (a hash or a small id).
#[inline]
pub fn feat(t: u32, a: u64) -> u64 {
    nonzero(mix(a ^ mix(u64::from(t).wrapping_add(K0))))
}

/// The feature of template `t` with two values.
#[inline]
pub fn feat2(t: u32, a: u64, b: u64) -> u64 {
    feat(t, a.wrapping_mul(K1) ^ mix(b.wrapping_add(K2)))
}

/// The feature of template `t` with three values.
#[inline]
pub fn feat3(t: u32, a: u64, b: u64, c: u64) -> u64 {
    feat2(t, a, mix(b.wrapping_mul(K2) ^ c.wrapping_add(K0)))
}

/// A hasher for keys that are already good hashes (feature ids).
#[derive(Default, Clone, Copy)]
pub struct IdHasher(u64);

impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        self.0 = hash_bytes(bytes) ^ self.0.rotate_left(7);
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n ^ self.0.rotate_left(7);
    }
}

/// A `HashMap` keyed by feature hashes.
pub type IdMap<V> = HashMap<u64, V, BuildHasherDefault<IdHasher>>;

// ---------------------------------------------------------------------------
// Training

/// One trained weight of one feature.
#[derive(Clone, Copy, Debug)]
struct Cell {
    class: u16,
    w: f32,
    /// Sum of the weight over time up to `stamp`.
    total: f64,
    stamp: u64,
}

#[derive(Clone, Debug, Default)]
struct Row {
    count: u32,
    cells: Vec<Cell>,
}

/// An averaged perceptron being trained.
#[derive(Clone, Debug)]
pub struct Trainer {
    classes: Vec<String>,
    rows: IdMap<Row>,
    /// Number of updates (examples) so far.
    time: u64,
    /// Whether [`Trainer::update`] counts the features it sees.
    counting: bool,
}

impl Trainer {
    /// A trainer over these classes (their names go into the frozen model).
    pub fn new(classes: Vec<String>) -> Trainer {
        assert!(
            !classes.is_empty() && classes.len() <= u16::MAX as usize,
            "a linear model needs 1..=65535 classes"
        );
        Trainer {
            classes,
            rows: IdMap::default(),
            time: 0,
            counting: true,
        }
    }

    /// Number of classes.
    pub fn n_classes(&self) -> usize {
        self.classes.len()
    }

    /// Number of distinct features met so far.
    pub fn n_features(&self) -> usize {
        self.rows.len()
    }

    /// Current (not averaged) scores of the features, written into `scores`.
    pub fn score(&self, feats: &[u64], scores: &mut [f32]) {
        scores.iter_mut().for_each(|s| *s = 0.0);
        for f in feats {
            if let Some(row) = self.rows.get(f) {
                for c in &row.cells {
                    if let Some(s) = scores.get_mut(c.class as usize) {
                        *s += c.w;
                    }
                }
            }
        }
    }

    /// Whether [`Trainer::update`] counts features (on by default). Turn it
    /// off after the first pass, so that `min_count` counts the examples a
    /// feature occurs in, not those times the passes.
    pub fn set_counting(&mut self, on: bool) {
        self.counting = on;
    }

    /// One training example: counts its features, and when `guess` is not
    /// `gold` moves `amount` of weight from `guess` to `gold` on every feature.
    pub fn update(&mut self, feats: &[u64], gold: usize, guess: usize, amount: f32) {
        self.time += 1;
        let now = self.time;
        for &f in feats {
            if !self.counting && gold == guess {
                continue;
            }
            let row = self.rows.entry(f).or_default();
            if self.counting {
                row.count = row.count.saturating_add(1);
            }
            if gold != guess {
                touch(row, gold, amount, now);
                touch(row, guess, -amount, now);
            }
        }
    }

    /// Counts the features of an example without changing any weight (for
    /// an example the model already gets right in a pass that does not call
    /// [`Trainer::update`]).
    pub fn tick(&mut self) {
        self.time += 1;
    }

    /// The averaged model, quantised: features seen fewer than `min_count`
    /// times are dropped, and so are weights that round to 0.
    pub fn freeze(&self, min_count: u32) -> Frozen {
        self.freeze_pruned(min_count, 1)
    }

    /// Like [`Trainer::freeze`], also dropping the weights smaller than
    /// `min_weight` quantised units (1 keeps every non-zero weight; the
    /// largest weight of the model is 32767 units).
    pub fn freeze_pruned(&self, min_count: u32, min_weight: i16) -> Frozen {
        let min_weight = min_weight.max(1);
        let now = self.time.max(1) as f64;
        let mut keys: Vec<u64> = self
            .rows
            .iter()
            .filter(|(_, r)| r.count >= min_count && !r.cells.is_empty())
            .map(|(k, _)| *k)
            .collect();
        keys.sort_unstable();
        let avg = |c: &Cell| -> f32 {
            ((c.total + (self.time - c.stamp) as f64 * f64::from(c.w)) / now) as f32
        };
        let mut max = 0f32;
        for k in &keys {
            for c in &self.rows[k].cells {
                max = max.max(avg(c).abs());
            }
        }
        let scale = if max > 0.0 { max / 32767.0 } else { 1.0 };
        let mut rows: Vec<(u64, Vec<(u16, i16)>)> = Vec::with_capacity(keys.len());
        for k in keys {
            let mut cells = self.rows[&k].cells.clone();
            cells.sort_unstable_by_key(|c| c.class);
            let row: Vec<(u16, i16)> = cells
                .iter()
                .map(|c| {
                    (
                        c.class,
                        (avg(c) / scale).round().clamp(-32767.0, 32767.0) as i16,
                    )
                })
                .filter(|&(_, q)| q.unsigned_abs() >= min_weight.unsigned_abs())
                .collect();
            if !row.is_empty() {
                rows.push((k, row));
            }
        }
        let mut b = Builder::new(self.classes.clone(), scale, rows.len());
        for (k, row) in &rows {
            b.push(*k, row);
        }
        b.finish().expect("a trained model fits the table")
    }
}

fn touch(row: &mut Row, class: usize, delta: f32, now: u64) {
    let class = class as u16;
    let cell = match row.cells.iter().position(|c| c.class == class) {
        Some(i) => &mut row.cells[i],
        None => {
            row.cells.push(Cell {
                class,
                w: 0.0,
                total: 0.0,
                stamp: now,
            });
            row.cells.last_mut().expect("just pushed")
        }
    };
    cell.total += (now - cell.stamp) as f64 * f64::from(cell.w);
    cell.stamp = now;
    cell.w += delta;
}

/// Index of the best score (the first on ties); 0 for an empty slice.
pub fn argmax<T: PartialOrd + Copy>(scores: &[T]) -> usize {
    let mut best = 0;
    for (i, s) in scores.iter().enumerate().skip(1) {
        if *s > scores[best] {
            best = i;
        }
    }
    best
}

/// Index of the best score among the classes `ok` allows; `None` if none is.
pub fn argmax_where<T: PartialOrd + Copy>(
    scores: &[T],
    mut ok: impl FnMut(usize) -> bool,
) -> Option<usize> {
    let mut best: Option<usize> = None;
    for (i, s) in scores.iter().enumerate() {
        if ok(i) && best.is_none_or(|b| *s > scores[b]) {
            best = Some(i);
        }
    }
    best
}

// ---------------------------------------------------------------------------
// The frozen model

/// A slot's reference to a dense row: this bit, and the row's index. A
/// sparse row's reference is its length (`len << LEN_SHIFT`) and its start
/// in 2-byte units (the low [`LEN_SHIFT`] bits).
const DENSE_BIT: u32 = 1 << 31;

/// Where a sparse row's length starts in its reference.
const LEN_SHIFT: u32 = 23;

/// Largest start of a sparse row, in 2-byte units.
const OFFSET_MASK: u32 = (1 << LEN_SHIFT) - 1;

/// A row is stored dense when it has a weight for at least one class in
/// this many (and always past [`SPARSE_MAX`] weights).
const DENSE_SHARE: usize = 4;

/// Longest sparse row.
const SPARSE_MAX: usize = 255;

/// Features scored in one batch (their memory reads overlap).
const BATCH: usize = 32;

/// Asks for the cache lines of a row ahead of their use.
#[inline]
fn prefetch(row: &[i16]) {
    #[cfg(target_arch = "x86_64")]
    for line in row.chunks(32) {
        // SAFETY: a prefetch reads nothing and faults on no address.
        unsafe {
            std::arch::x86_64::_mm_prefetch(line.as_ptr().cast(), std::arch::x86_64::_MM_HINT_T0);
        }
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = row;
}

/// Asks for the cache lines of a sparse row ahead of its use: those of its
/// first byte (in `weights`) and of its last (in `classes`, right after);
/// a row spans at most two lines but for the longest.
#[inline]
fn prefetch_ends(weights: &[u8], classes: &[u8]) {
    #[cfg(target_arch = "x86_64")]
    if let (Some(first), Some(last)) = (weights.first(), classes.last()) {
        // SAFETY: a prefetch reads nothing and faults on no address.
        unsafe {
            std::arch::x86_64::_mm_prefetch(
                (first as *const u8).cast(),
                std::arch::x86_64::_MM_HINT_T0,
            );
            std::arch::x86_64::_mm_prefetch(
                (last as *const u8).cast(),
                std::arch::x86_64::_MM_HINT_T0,
            );
        }
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = (weights, classes);
}

#[inline]
fn fingerprint(key: u64) -> u32 {
    ((key >> 32) as u32) | 1
}

/// A trained model, averaged and quantised, laid out for scoring: the one
/// weight table of the tagger, the entity tagger and the parser.
///
/// Scoring is bound by memory latency, so the layout is made for it: the
/// fewer bytes the rows met take, the more of them stay in the core's cache.
/// Slots are 8 bytes (`fingerprint << 32 | reference`, 0 empty; the
/// fingerprint is the high 32 bits of the feature's hash, the low 32 bits
/// pick the first slot by a multiply, so the table need not be a power of
/// two) in an open-addressing table at most 2/3 full. Rows with a weight for
/// many classes (at least one in four: tag, suffix and bias features, the
/// ones met most often) are dense `i16` rows, one weight per class, added
/// with SIMD; the others are sparse: their `i16` weights then their classes
/// (one byte each up to 256 classes), 3 bytes a weight, with no header (the
/// slot's reference holds the row's length and start). The slots of all the
/// features of one call are loaded in one straight loop, then every row is
/// prefetched in another before any is added, so that the cache misses
/// overlap instead of queueing. A false match of two 32-bit fingerprints
/// (about one lookup in 4·10⁹) only adds some other feature's weights.
#[derive(Clone, Debug)]
pub struct Frozen {
    classes: Vec<String>,
    /// Real weight of one quantised unit.
    scale: f32,
    slots: Vec<u64>,
    /// Number of slots (not a power of two: see [`Frozen::home`]).
    cap: usize,
    /// Sparse rows, each its weights (`i16`, little-endian) then their
    /// classes (one byte each, two past 256 classes), starting on an even
    /// byte; the slot holds its length.
    sparse: Vec<u8>,
    /// Classes take two bytes in a sparse row (more than 256 classes).
    wide: bool,
    /// Dense rows, `stride` weights each (the first `classes.len()` used).
    dense: Vec<i16>,
    /// Where the first dense row starts in `dense`: on a 64-byte boundary
    /// (a row of 96 classes is then exactly three cache lines).
    dense_base: usize,
    stride: usize,
    /// Every feature and its row's reference, by key (for writing).
    keys: Vec<(u64, u32)>,
    n_weights: usize,
}

/// Lays out a [`Frozen`] model from its rows, given in ascending key order.
struct Builder {
    model: Frozen,
    /// (home slot, slot) of every feature.
    placed: Vec<(u32, u64)>,
    too_large: bool,
}

impl Builder {
    fn new(classes: Vec<String>, scale: f32, n_rows: usize) -> Builder {
        // Load factor at most 2/3 (the table size is not rounded to a
        // power of two: the home slot is found by a multiply, not a mask).
        let cap = (n_rows + n_rows / 2 + 1).max(16);
        let stride = classes.len().div_ceil(8) * 8;
        let wide = classes.len() > 256;
        Builder {
            model: Frozen {
                classes,
                scale,
                slots: vec![0; cap],
                cap,
                sparse: Vec::new(),
                wide,
                dense: Vec::new(),
                dense_base: 0,
                stride,
                keys: Vec::with_capacity(n_rows),
                n_weights: 0,
            },
            placed: Vec::with_capacity(n_rows),
            too_large: false,
        }
    }

    /// One feature's row: classes ascending and in range, weights non-zero.
    fn push(&mut self, key: u64, row: &[(u16, i16)]) {
        let m = &mut self.model;
        let n = m.classes.len();
        let reference = if row.len() * DENSE_SHARE >= n || row.len() > SPARSE_MAX {
            let at = m.dense.len() / m.stride;
            m.dense.resize(m.dense.len() + m.stride, 0);
            let dense = &mut m.dense[at * m.stride..];
            for &(c, w) in row {
                dense[c as usize] = w;
            }
            at as u32 | DENSE_BIT
        } else {
            if m.sparse.len() % 2 == 1 {
                m.sparse.push(0);
            }
            let at = m.sparse.len() / 2;
            for &(_, w) in row {
                m.sparse.extend_from_slice(&w.to_le_bytes());
            }
            for &(c, _) in row {
                if m.wide {
                    m.sparse.extend_from_slice(&c.to_le_bytes());
                } else {
                    m.sparse.push(c as u8);
                }
            }
            if at > OFFSET_MASK as usize {
                self.too_large = true;
            }
            ((row.len() as u32) << LEN_SHIFT) | (at as u32 & OFFSET_MASK)
        };
        if m.dense.len() / m.stride.max(1) > DENSE_BIT as usize {
            self.too_large = true;
        }
        m.n_weights += row.len();
        m.keys.push((key, reference));
        let slot = (u64::from(fingerprint(key)) << 32) | u64::from(reference);
        self.placed.push((m.home(key) as u32, slot));
    }

    /// The model; `Err` when it is too large for 32-bit references.
    fn finish(mut self) -> Result<Frozen, &'static str> {
        if self.too_large {
            return Err("model too large");
        }
        let m = &mut self.model;
        // The dense rows moved to start on a cache line.
        let mut dense = Vec::with_capacity(m.dense.len() + 32);
        let misalign = (dense.as_ptr() as usize % 64) / 2;
        m.dense_base = (32 - misalign) % 32;
        dense.resize(m.dense_base, 0);
        dense.extend_from_slice(&m.dense);
        m.dense = dense;
        // Slots filled in the order of their home index: sequential writes.
        self.placed.sort_unstable_by_key(|p| p.0);
        for &(home, slot) in &self.placed {
            let mut i = home as usize;
            while m.slots[i] != 0 {
                i = m.next(i);
            }
            m.slots[i] = slot;
        }
        Ok(self.model)
    }
}

impl Frozen {
    /// Class names, in id order.
    pub fn classes(&self) -> &[String] {
        &self.classes
    }

    /// Number of classes.
    pub fn n_classes(&self) -> usize {
        self.classes.len()
    }

    /// Number of features kept.
    pub fn n_features(&self) -> usize {
        self.keys.len()
    }

    /// Number of non-zero weights kept.
    pub fn n_weights(&self) -> usize {
        self.n_weights
    }

    /// Bytes the model takes in memory (its table and rows).
    pub fn memory_bytes(&self) -> usize {
        let (slots, sparse, dense) = self.layout_bytes();
        slots + sparse + dense + self.keys.len() * 16
    }

    /// Bytes of the slots, the sparse rows and the dense rows.
    pub fn layout_bytes(&self) -> (usize, usize, usize) {
        (
            self.slots.len() * 8,
            self.sparse.len(),
            self.dense.len() * 2,
        )
    }

    /// Real weight of one unit of the integer scores.
    pub fn scale(&self) -> f32 {
        self.scale
    }

    /// The first slot to look at for a feature: its hash's low 32 bits
    /// scaled to the table (a multiply and a shift, for any table size).
    #[inline]
    fn home(&self, key: u64) -> usize {
        ((u64::from(key as u32) * self.cap as u64) >> 32) as usize
    }

    /// The slot after slot `i` (the first after the last).
    #[inline]
    fn next(&self, i: usize) -> usize {
        if i + 1 >= self.cap {
            0
        } else {
            i + 1
        }
    }

    /// The weights and classes of a sparse row (`len` weights, then `len`
    /// classes of [`Frozen::wide`]'s width), or empty slices if out of range.
    #[inline]
    fn sparse_row(&self, reference: u32) -> (&[u8], &[u8]) {
        let len = (reference >> LEN_SHIFT) as usize;
        let at = (reference & OFFSET_MASK) as usize * 2;
        let class_bytes = if self.wide { 2 } else { 1 };
        match self.sparse.get(at..at + len * (2 + class_bytes)) {
            Some(row) => row.split_at(2 * len),
            None => (&[], &[]),
        }
    }

    /// The reference of the feature's row, its first slot being `s`.
    #[inline]
    fn probe(&self, key: u64, mut s: u64) -> Option<u32> {
        let fp = fingerprint(key);
        let mut i = self.home(key);
        loop {
            if s == 0 {
                return None;
            }
            if (s >> 32) as u32 == fp {
                return Some(s as u32);
            }
            i = self.next(i);
            s = self.slots[i];
        }
    }

    /// True when the model has weights for this feature.
    pub fn contains(&self, key: u64) -> bool {
        self.probe(key, self.slots[self.home(key)]).is_some()
    }

    /// The row of a reference, as (class, weight) pairs in class order.
    fn row(&self, reference: u32) -> impl Iterator<Item = (u16, i16)> + '_ {
        let (dense, (weights, classes)) = if reference & DENSE_BIT != 0 {
            let at = self.dense_base + (reference & !DENSE_BIT) as usize * self.stride;
            let row = self.dense.get(at..at + self.classes.len()).unwrap_or(&[]);
            (row, (&[][..], &[][..]))
        } else {
            (&[][..], self.sparse_row(reference))
        };
        let dense = dense
            .iter()
            .enumerate()
            .filter(|(_, &w)| w != 0)
            .map(|(c, &w)| (c as u16, w));
        let class_bytes = if self.wide { 2 } else { 1 };
        let sparse = weights
            .chunks_exact(2)
            .zip(classes.chunks_exact(class_bytes))
            .map(|(w, c)| {
                let class = if c.len() == 2 {
                    u16::from_le_bytes([c[0], c[1]])
                } else {
                    u16::from(c[0])
                };
                (class, i16::from_le_bytes([w[0], w[1]]))
            });
        dense.chain(sparse)
    }

    /// Scores of the features (integer units of [`Frozen::scale`]) written
    /// into `scores`, which should have [`Frozen::n_classes`] entries (extra
    /// entries are set to 0, missing ones are not scored).
    #[inline]
    pub fn score(&self, feats: &[u64], scores: &mut [i32]) {
        scores.iter_mut().for_each(|s| *s = 0);
        self.add_scores(feats, scores);
    }

    /// Like [`Frozen::score`] but adds to `scores`.
    pub fn add_scores(&self, feats: &[u64], scores: &mut [i32]) {
        self.add::<0>(feats, scores);
    }

    /// Like [`Frozen::score`] into an array, faster when `N` is the number
    /// of classes (the row width is then known when compiling).
    pub fn score_array<const N: usize>(&self, feats: &[u64], scores: &mut [i32; N]) {
        scores.fill(0);
        if N == self.classes.len() {
            self.add::<N>(feats, scores);
        } else {
            self.add::<0>(feats, scores);
        }
    }

    /// Scores of several groups of features in one pass (their memory reads
    /// overlap): `feats[..ends[0]]` into `outs[0]`, `feats[ends[0]..ends[1]]`
    /// into `outs[1]`, and so on; features past the last end are not scored.
    /// Each of `outs` is set to 0 first.
    pub fn score_groups<const N: usize, const M: usize>(
        &self,
        feats: &[u64],
        ends: [usize; M],
        outs: [&mut [i32; N]; M],
    ) {
        let mut outs = outs.map(|o| {
            o.fill(0);
            &mut o[..]
        });
        let total = ends.iter().copied().max().unwrap_or(0).min(feats.len());
        let feats = &feats[..total];
        if N == self.classes.len() {
            self.add_to::<N, M>(feats, &ends, &mut outs);
        } else {
            self.add_to::<0, M>(feats, &ends, &mut outs);
        }
    }

    /// Adds the rows of `feats` to `scores`; `N`, when not 0, is the number
    /// of classes and the length of `scores`.
    #[inline]
    fn add<const N: usize>(&self, feats: &[u64], scores: &mut [i32]) {
        self.add_to::<N, 1>(feats, &[usize::MAX], &mut [scores]);
    }

    /// Adds the rows of `feats` to `outs`: feature `i` to the first group
    /// whose end is past `i` (see [`Frozen::score_groups`]); `N`, when not 0,
    /// is the number of classes and the length of every output.
    #[inline]
    fn add_to<const N: usize, const M: usize>(
        &self,
        feats: &[u64],
        ends: &[usize; M],
        outs: &mut [&mut [i32]; M],
    ) {
        #[cfg(target_arch = "x86_64")]
        if std::arch::is_x86_feature_detected!("avx2") {
            // SAFETY: the CPU has AVX2 (just checked).
            unsafe { self.add_to_avx2::<N, M>(feats, ends, outs) };
            return;
        }
        self.add_to_any::<N, M>(feats, ends, outs);
    }

    /// [`Frozen::add_to`] compiled for AVX2 (the dense rows are added 8
    /// classes at a time instead of 4).
    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx2")]
    fn add_to_avx2<const N: usize, const M: usize>(
        &self,
        feats: &[u64],
        ends: &[usize; M],
        outs: &mut [&mut [i32]; M],
    ) {
        self.add_to_any::<N, M>(feats, ends, outs);
    }

    /// The body of [`Frozen::add_to`], for any CPU.
    #[inline(always)]
    fn add_to_any<const N: usize, const M: usize>(
        &self,
        feats: &[u64],
        ends: &[usize; M],
        outs: &mut [&mut [i32]; M],
    ) {
        let n = if N == 0 { self.classes.len() } else { N };
        for (c, chunk) in feats.chunks(BATCH).enumerate() {
            // Every first slot, loaded before any is looked at.
            let mut first = [0u64; BATCH];
            for (f, s) in chunk.iter().zip(first.iter_mut()) {
                *s = self.slots[self.home(*f)];
            }
            let mut refs = [0u32; BATCH];
            let mut group = [0u8; BATCH];
            let mut found = 0;
            for (i, (&f, &s)) in chunk.iter().zip(&first).enumerate() {
                if let Some(r) = self.probe(f, s) {
                    refs[found] = r;
                    if M > 1 {
                        let at = c * BATCH + i;
                        group[found] = ends.iter().take_while(|&&e| e <= at).count() as u8;
                    }
                    found += 1;
                }
            }
            let refs = &refs[..found];
            // Every row is asked for before any is added, so that their
            // cache misses overlap too.
            for &r in refs.iter() {
                if r & DENSE_BIT == 0 {
                    let (weights, classes) = self.sparse_row(r);
                    prefetch_ends(weights, classes);
                } else {
                    let at = self.dense_base + (r & !DENSE_BIT) as usize * self.stride;
                    if let Some(row) = self.dense.get(at..at + n) {
                        prefetch(row);
                    }
                }
            }
            for (j, &r) in refs.iter().enumerate() {
                let g = if M > 1 { group[j] as usize } else { 0 };
                let Some(scores) = outs.get_mut(g) else {
                    continue;
                };
                let scores = if N == 0 {
                    &mut scores[..]
                } else {
                    &mut scores[..N]
                };
                if r & DENSE_BIT != 0 {
                    let at = self.dense_base + (r & !DENSE_BIT) as usize * self.stride;
                    if let Some(row) = self.dense.get(at..at + n) {
                        for (s, &w) in scores.iter_mut().zip(row) {
                            *s += i32::from(w);
                        }
                    }
                } else {
                    let (weights, classes) = self.sparse_row(r);
                    if self.wide {
                        for (w, c) in weights.chunks_exact(2).zip(classes.chunks_exact(2)) {
                            let c = usize::from(u16::from_le_bytes([c[0], c[1]]));
                            if let Some(s) = scores.get_mut(c) {
                                *s += i32::from(i16::from_le_bytes([w[0], w[1]]));
                            }
                        }
                    } else {
                        for (w, &c) in weights.chunks_exact(2).zip(classes) {
                            if let Some(s) = scores.get_mut(usize::from(c)) {
                                *s += i32::from(i16::from_le_bytes([w[0], w[1]]));
                            }
                        }
                    }
                }
            }
        }
    }

    /// Writes the model (see the module doc for the format's properties).
    pub fn write(&self, w: &mut Writer) {
        w.u32(self.classes.len() as u32);
        for c in &self.classes {
            w.str(c);
        }
        w.f32(self.scale);
        w.u32(self.keys.len() as u32);
        w.u32(self.n_weights as u32);
        let wide = self.classes.len() > 256;
        let mut prev = 0u64;
        for &(key, reference) in &self.keys {
            w.varint(key - prev);
            prev = key;
            w.varint(self.row(reference).count() as u64);
            for (class, weight) in self.row(reference) {
                if wide {
                    w.u16(class);
                } else {
                    w.u8(class as u8);
                }
                w.i16(weight);
            }
        }
    }

    /// Reads a model written by [`Frozen::write`].
    pub fn read(r: &mut Reader<'_>) -> Result<Frozen, ModelError> {
        let header = FrozenHeader::read(r, u16::MAX as usize)?;
        let mut b = Builder::new(header.classes.clone(), header.scale, header.n_rows);
        header.read_rows(r, |key, row| {
            b.push(key, row);
            Ok(())
        })?;
        b.finish().map_err(|e| r.error(e.into()))
    }
}

/// The head of a model in [`Frozen::write`]'s form, read by [`Frozen::read`]
/// (and by tools that look at a model's rows), with [`FrozenHeader::read_rows`]
/// for the rows.
pub struct FrozenHeader {
    /// Class names, in class-index order.
    pub classes: Vec<String>,
    /// Weight units: a stored `i16` times `scale` is the weight.
    pub scale: f32,
    /// Feature rows that follow.
    pub n_rows: usize,
    /// Weights in all the rows.
    pub n_entries: usize,
}

impl FrozenHeader {
    /// Reads the class names, scale and counts, refusing more than
    /// `max_classes` classes and counts the remaining bytes cannot hold.
    pub fn read(r: &mut Reader<'_>, max_classes: usize) -> Result<FrozenHeader, ModelError> {
        let n_classes = r.u32()? as usize;
        if n_classes == 0 || n_classes > max_classes.min(u16::MAX as usize) {
            return Err(r.error(format!("{n_classes} classes")));
        }
        r.need(n_classes.saturating_mul(2))?;
        let mut classes = Vec::with_capacity(n_classes);
        for _ in 0..n_classes {
            classes.push(r.str()?.to_string());
        }
        let scale = r.f32()?;
        if !scale.is_finite() || scale <= 0.0 {
            return Err(r.error(format!("weight scale {scale}")));
        }
        let header = FrozenHeader {
            classes,
            scale,
            n_rows: r.u32()? as usize,
            n_entries: r.u32()? as usize,
        };
        // Every row takes at least 2 bytes and every entry its bytes.
        r.need(header.n_rows.saturating_mul(2))?;
        r.need(header.n_entries.saturating_mul(header.entry_bytes()))?;
        Ok(header)
    }

    /// Class indices take two bytes past 256 classes, one below.
    fn wide(&self) -> bool {
        self.classes.len() > 256
    }

    /// Bytes of one stored weight (class index and `i16`).
    pub fn entry_bytes(&self) -> usize {
        if self.wide() {
            4
        } else {
            3
        }
    }

    /// Reads the rows in key order, giving each (feature key, its (class,
    /// weight) pairs) to `each`; checks that keys ascend, that rows and
    /// classes are in range, that a row's classes ascend and its weights are
    /// not 0 (as [`Trainer::freeze`] writes them), and that the weights add up
    /// to the header's count.
    pub fn read_rows(
        &self,
        r: &mut Reader<'_>,
        mut each: impl FnMut(u64, &[(u16, i16)]) -> Result<(), ModelError>,
    ) -> Result<(), ModelError> {
        let n_classes = self.classes.len();
        let wide = self.wide();
        let mut row: Vec<(u16, i16)> = Vec::with_capacity(n_classes);
        let (mut key, mut total) = (0u64, 0usize);
        for i in 0..self.n_rows {
            let delta = r.varint()?;
            key = match key.checked_add(delta) {
                Some(k) if k != 0 && (delta != 0 || i == 0) => k,
                _ => return Err(r.error("feature keys out of order".into())),
            };
            let len = r.varint()?;
            if len == 0 || len > n_classes as u64 || (total as u64) + len > self.n_entries as u64 {
                return Err(r.error(format!("feature row of {len} weights")));
            }
            row.clear();
            for _ in 0..len {
                let class = if wide { r.u16()? } else { u16::from(r.u8()?) };
                if class as usize >= n_classes {
                    return Err(r.error(format!("class {class} of {n_classes}")));
                }
                if row.last().is_some_and(|&(c, _)| c >= class) {
                    return Err(r.error("classes of a row out of order".into()));
                }
                let weight = r.i16()?;
                if weight == 0 {
                    return Err(r.error("a weight of 0".into()));
                }
                row.push((class, weight));
            }
            total += row.len();
            each(key, &row)?;
        }
        if total != self.n_entries {
            return Err(r.error(format!("{total} weights, header says {}", self.n_entries)));
        }
        Ok(())
    }
}

/// Maps a model's class names to labels, refusing a name `parse` does not know.
pub fn map_classes<T>(
    model: &'static str,
    classes: &[String],
    mut parse: impl FnMut(&str) -> Option<T>,
) -> Result<Vec<T>, ModelError> {
    classes
        .iter()
        .map(|c| {
            parse(c).ok_or_else(|| ModelError {
                model,
                reason: format!("unknown label {c:?}"),
            })
        })
        .collect()
}

// ---------------------------------------------------------------------------
// Bytes

/// Little-endian writer of model files.
#[derive(Debug, Default)]
pub struct Writer {
    /// The bytes so far.
    pub buf: Vec<u8>,
}

impl Writer {
    /// A file starting with a 4-byte magic and a version.
    pub fn with_header(magic: &[u8; 4], version: u32) -> Writer {
        let mut w = Writer::default();
        w.buf.extend_from_slice(magic);
        w.u32(version);
        w
    }
    /// One byte.
    pub fn u8(&mut self, v: u8) {
        self.buf.push(v);
    }
    /// A `u16`.
    pub fn u16(&mut self, v: u16) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }
    /// An `i16`.
    pub fn i16(&mut self, v: i16) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }
    /// A `u32`.
    pub fn u32(&mut self, v: u32) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }
    /// A `u64`.
    pub fn u64(&mut self, v: u64) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }
    /// An `f32`.
    pub fn f32(&mut self, v: f32) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }
    /// An unsigned LEB128 integer.
    pub fn varint(&mut self, mut v: u64) {
        loop {
            let b = (v & 0x7f) as u8;
            v >>= 7;
            if v == 0 {
                self.buf.push(b);
                return;
            }
            self.buf.push(b | 0x80);
        }
    }
    /// A string: its length (u16) and UTF-8 bytes (cut at 65535 bytes).
    pub fn str(&mut self, s: &str) {
        let mut end = s.len().min(u16::MAX as usize);
        while !s.is_char_boundary(end) {
            end -= 1;
        }
        self.u16(end as u16);
        self.buf.extend_from_slice(&s.as_bytes()[..end]);
    }
}

/// Bounds-checked little-endian reader of model files.
#[derive(Debug)]
pub struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
    model: &'static str,
}

impl<'a> Reader<'a> {
    /// A reader of `bytes`, naming `model` in its errors.
    pub fn new(model: &'static str, bytes: &'a [u8]) -> Reader<'a> {
        Reader {
            bytes,
            pos: 0,
            model,
        }
    }

    /// Reads and checks a header written by [`Writer::with_header`].
    pub fn header(&mut self, magic: &[u8; 4], version: u32) -> Result<(), ModelError> {
        let m = self.take(4)?;
        if m != magic {
            return Err(self.error(format!(
                "not a {} model file (magic {:?})",
                self.model,
                String::from_utf8_lossy(m)
            )));
        }
        let v = self.u32()?;
        if v != version {
            return Err(self.error(format!("format version {v}, this build reads {version}")));
        }
        Ok(())
    }

    /// An error at the current position.
    pub fn error(&self, reason: String) -> ModelError {
        ModelError {
            model: self.model,
            reason: format!("{reason} (at byte {})", self.pos),
        }
    }

    /// Fails unless `n` more bytes are there.
    pub fn need(&self, n: usize) -> Result<(), ModelError> {
        if self.bytes.len() - self.pos < n {
            Err(self.error(format!(
                "truncated: {n} bytes needed, {} left",
                self.bytes.len() - self.pos
            )))
        } else {
            Ok(())
        }
    }

    /// The next `n` bytes.
    pub fn take(&mut self, n: usize) -> Result<&'a [u8], ModelError> {
        self.need(n)?;
        let s = &self.bytes[self.pos..self.pos + n];
        self.pos += n;
        Ok(s)
    }

    fn array<const N: usize>(&mut self) -> Result<[u8; N], ModelError> {
        let s = self.take(N)?;
        let mut a = [0u8; N];
        a.copy_from_slice(s);
        Ok(a)
    }
    /// One byte.
    pub fn u8(&mut self) -> Result<u8, ModelError> {
        Ok(self.array::<1>()?[0])
    }
    /// A `u16`.
    pub fn u16(&mut self) -> Result<u16, ModelError> {
        Ok(u16::from_le_bytes(self.array()?))
    }
    /// An `i16`.
    pub fn i16(&mut self) -> Result<i16, ModelError> {
        Ok(i16::from_le_bytes(self.array()?))
    }
    /// A `u32`.
    pub fn u32(&mut self) -> Result<u32, ModelError> {
        Ok(u32::from_le_bytes(self.array()?))
    }
    /// A `u64`.
    pub fn u64(&mut self) -> Result<u64, ModelError> {
        Ok(u64::from_le_bytes(self.array()?))
    }
    /// An `f32`.
    pub fn f32(&mut self) -> Result<f32, ModelError> {
        Ok(f32::from_le_bytes(self.array()?))
    }
    /// An unsigned LEB128 integer (at most 10 bytes).
    pub fn varint(&mut self) -> Result<u64, ModelError> {
        let mut v = 0u64;
        for i in 0..10 {
            let b = self.u8()?;
            let bits = u64::from(b & 0x7f);
            if i == 9 && bits > 1 {
                return Err(self.error("varint overflow".into()));
            }
            v |= bits << (7 * i);
            if b & 0x80 == 0 {
                return Ok(v);
            }
        }
        Err(self.error("varint too long".into()))
    }
    /// A string written by [`Writer::str`].
    pub fn str(&mut self) -> Result<&'a str, ModelError> {
        let n = self.u16()? as usize;
        let b = self.take(n)?;
        std::str::from_utf8(b).map_err(|_| self.error("label is not UTF-8".into()))
    }
    /// True when every byte was read.
    pub fn at_end(&self) -> bool {
        self.pos == self.bytes.len()
    }
    /// Fails unless every byte was read.
    pub fn finish(&self) -> Result<(), ModelError> {
        if self.at_end() {
            Ok(())
        } else {
            Err(self.error(format!(
                "{} bytes after the end",
                self.bytes.len() - self.pos
            )))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn classes(n: usize) -> Vec<String> {
        (0..n).map(|i| format!("c{i}")).collect()
    }

    /// A tiny problem: the class is given by one of two cue words, plus noise.
    fn toy() -> Vec<(Vec<u64>, usize)> {
        let mut out = Vec::new();
        for i in 0..60u64 {
            let class = (i % 3) as usize;
            let cue = feat(1, hash_str(["red", "green", "blue"][class]));
            let noise = feat(2, i % 7);
            out.push((vec![feat(0, 0), cue, noise], class));
        }
        out
    }

    #[test]
    fn hashes_are_stable() {
        // These values are stored in model files: they must never change.
        assert_eq!(hash_str(""), hash_bytes(b""));
        assert_ne!(hash_str("a"), hash_str("b"));
        assert_ne!(feat(1, 5), feat(2, 5));
        assert_ne!(feat2(1, 2, 3), feat2(1, 3, 2));
        assert_eq!(hash_str("Russia"), 0x21c9_2894_e578_e743);
        assert_eq!(feat2(3, 4, 5), feat2(3, 4, 5));
    }

    #[test]
    fn learns_and_round_trips() {
        let mut t = Trainer::new(classes(3));
        let data = toy();
        let mut scores = vec![0f32; 3];
        for _ in 0..5 {
            for (f, gold) in &data {
                t.score(f, &mut scores);
                let guess = argmax(&scores);
                t.update(f, *gold, guess, 1.0);
            }
        }
        let m = t.freeze(1);
        let mut s = vec![0i32; 3];
        for (f, gold) in &data {
            m.score(f, &mut s);
            assert_eq!(argmax(&s), *gold);
        }
        let mut w = Writer::with_header(b"TEST", 1);
        m.write(&mut w);
        let mut r = Reader::new("test", &w.buf);
        r.header(b"TEST", 1).unwrap();
        let m2 = Frozen::read(&mut r).unwrap();
        r.finish().unwrap();
        assert_eq!(m2.classes(), m.classes());
        assert_eq!(m2.n_weights(), m.n_weights());
        for (f, _) in &data {
            let mut a = vec![0i32; 3];
            let mut b = vec![0i32; 3];
            m.score(f, &mut a);
            m2.score(f, &mut b);
            assert_eq!(a, b);
        }
        // min_count drops the rare noise features but keeps the cues.
        let pruned = t.freeze(60);
        assert!(pruned.n_features() < m.n_features());
        assert!(pruned.contains(feat(1, hash_str("red"))));
    }

    #[test]
    fn corrupt_bytes_are_errors() {
        let mut t = Trainer::new(classes(3));
        for (f, gold) in toy() {
            t.update(&f, gold, (gold + 1) % 3, 1.0);
        }
        let m = t.freeze(1);
        let mut w = Writer::with_header(b"TEST", 1);
        m.write(&mut w);
        let bytes = w.buf;
        let read = |b: &[u8]| -> Result<Frozen, ModelError> {
            let mut r = Reader::new("test", b);
            r.header(b"TEST", 1)?;
            let m = Frozen::read(&mut r)?;
            r.finish()?;
            Ok(m)
        };
        assert!(read(&bytes).is_ok());
        for n in 0..bytes.len() {
            assert!(read(&bytes[..n]).is_err(), "truncated at {n}");
        }
        // Flipped bytes: an error or a model, never a panic.
        let mut x = 0x1234_5678u64;
        for _ in 0..2000 {
            x = mix(x);
            let mut b = bytes.clone();
            let i = (x as usize) % b.len();
            b[i] ^= (x >> 32) as u8 | 1;
            let _ = read(&b);
        }
        let mut bad = bytes.clone();
        bad[0] = b'X';
        assert!(read(&bad).unwrap_err().reason.contains("magic"));
        // A huge count is refused before anything is allocated.
        let mut w = Writer::with_header(b"TEST", 1);
        w.u32(u32::MAX);
        assert!(read(&w.buf).is_err());
    }

    /// A model of `n` classes with rows of every length from 1 to `n`
    /// (dense and sparse), random classes and weights; and its rows.
    fn random_model(n: usize, rows: usize, seed: u64) -> (Frozen, IdMap<Vec<(u16, i16)>>) {
        let mut x = seed;
        let mut next = move || {
            x = mix(x.wrapping_add(K0));
            x
        };
        let mut keys: Vec<u64> = (0..rows).map(|_| next() | 1).collect();
        keys.sort_unstable();
        keys.dedup();
        let mut b = Builder::new(classes(n), 0.5, keys.len());
        let mut all = IdMap::default();
        for (i, &k) in keys.iter().enumerate() {
            let len = 1 + (i % n);
            let mut cls: Vec<u16> = (0..n as u16).collect();
            for j in (1..cls.len()).rev() {
                cls.swap(j, (next() % (j as u64 + 1)) as usize);
            }
            cls.truncate(len);
            cls.sort_unstable();
            let row: Vec<(u16, i16)> = cls
                .iter()
                .map(|&c| (c, ((next() % 65_535) as i32 - 32_767).max(1) as i16))
                .collect();
            b.push(k, &row);
            all.insert(k, row);
        }
        (b.finish().unwrap(), all)
    }

    #[test]
    fn scores_are_the_sum_of_the_rows() {
        for (n, rows) in [(3, 50), (67, 3000), (92, 3000), (300, 400)] {
            let (m, all) = random_model(n, rows, n as u64);
            let (_, sparse, dense) = m.layout_bytes();
            // Few classes: every row dense.
            assert!(dense > 0 && (sparse > 0) == (n > 4), "{n} classes");
            let keys: Vec<u64> = all.keys().copied().collect();
            let mut x = 99u64;
            for round in 0..300 {
                x = mix(x);
                // Features in the model and not, some twice, up to three batches.
                let feats: Vec<u64> = (0..(x % 90) as usize)
                    .map(|i| {
                        let y = mix(x ^ i as u64);
                        if y & 3 == 0 {
                            y | 1
                        } else {
                            keys[(y >> 8) as usize % keys.len()]
                        }
                    })
                    .collect();
                let mut naive = vec![0i32; n];
                for f in &feats {
                    for &(c, w) in all.get(f).map_or(&[][..], |r| &r[..]) {
                        naive[c as usize] += i32::from(w);
                    }
                }
                let mut got = vec![7i32; n];
                m.score(&feats, &mut got);
                assert_eq!(got, naive, "{n} classes, round {round}");
                // A shorter or longer buffer: what fits is scored, the rest is 0.
                let mut short = vec![0i32; n / 2];
                m.score(&feats, &mut short);
                assert_eq!(short, naive[..n / 2]);
                let mut long = vec![5i32; n + 9];
                m.score(&feats, &mut long);
                assert_eq!(long[..n], naive[..]);
                assert!(long[n..].iter().all(|&s| s == 0));
                // Arrays: of the model's width, and of another.
                if n == 92 {
                    let mut a = [3i32; 92];
                    m.score_array(&feats, &mut a);
                    assert_eq!(a[..], naive[..]);
                }
                let mut b = [3i32; 2];
                m.score_array(&feats, &mut b);
                assert_eq!(b[..], naive[..2]);
            }
            for k in keys.iter().take(100) {
                assert!(m.contains(*k));
            }
            assert_eq!(m.n_features(), all.len());
            assert_eq!(m.n_weights(), all.values().map(Vec::len).sum::<usize>());
        }
    }

    #[test]
    fn writes_back_the_bytes_it_read() {
        for n in [5, 73, 300] {
            let (m, _) = random_model(n, 700, 3);
            let mut w = Writer::default();
            m.write(&mut w);
            let mut r = Reader::new("test", &w.buf);
            let m2 = Frozen::read(&mut r).unwrap();
            r.finish().unwrap();
            let mut w2 = Writer::default();
            m2.write(&mut w2);
            assert_eq!(w.buf, w2.buf);
        }
    }

    #[test]
    fn rows_out_of_order_or_with_zero_weights_are_errors() {
        let row = |w: &mut Writer, cells: &[(u8, i16)]| {
            w.u32(4);
            for c in ["a", "b", "c", "d"] {
                w.str(c);
            }
            w.f32(1.0);
            w.u32(1);
            w.u32(cells.len() as u32);
            w.varint(5);
            w.varint(cells.len() as u64);
            for &(c, x) in cells {
                w.u8(c);
                w.i16(x);
            }
        };
        let read = |cells: &[(u8, i16)]| {
            let mut w = Writer::default();
            row(&mut w, cells);
            let mut r = Reader::new("test", &w.buf);
            Frozen::read(&mut r).map(|_| ())
        };
        assert!(read(&[(0, 3), (2, -1)]).is_ok());
        assert!(read(&[(2, 3), (0, -1)])
            .unwrap_err()
            .reason
            .contains("order"));
        assert!(read(&[(1, 3), (1, -1)])
            .unwrap_err()
            .reason
            .contains("order"));
        assert!(read(&[(1, 0)]).unwrap_err().reason.contains("weight of 0"));
    }

    #[test]
    fn maps_class_names() {
        let names = vec!["NN".to_string(), "VB".to_string()];
        let tags = map_classes("t", &names, super::super::Tag::parse).unwrap();
        assert_eq!(tags, [super::super::Tag::Nn, super::super::Tag::Vb]);
        let bad = vec!["NOPE".to_string()];
        assert!(map_classes("t", &bad, super::super::Tag::parse).is_err());
    }
}
