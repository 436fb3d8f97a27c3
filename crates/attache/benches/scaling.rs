//! Cost against article length: time per sentence and peak memory of the
//! whole pipeline (`Engine::analyse`) on one article of about 1 KB, 10 KB,
//! 100 KB, 1 MB and 10 MB. Every stage should be linear in the article's
//! length, so the time per sentence should stay flat as the article grows.
//!
//! Run with `cargo bench -p attache --bench scaling` (the table), or
//! `cargo bench -p attache --bench scaling -- --check` (two sizes in one run,
//! 100 KB and 2 MB; fails when the time per sentence of the larger is 1.6×
//! that of the smaller or more; a peak memory above 10× the input is
//! reported). `-- --sizes 10k,1m` picks the sizes. CI runs the same
//! time comparison on the release binary (`.ci/scaling.py`), with no bench
//! build.
//!
//! The articles are our own committed texts (`data/corpus/**/*.txt`, then
//! `examples/*.txt`) laid end to end, in order, as one article, repeated when
//! the size asks for more than there is; a size below one file is cut at a
//! paragraph end. Times are the thread's CPU time (see `common`), the best of
//! a few runs for the small sizes. Memory is the peak of the bytes allocated
//! while the article is analysed, counted by this benchmark's global
//! allocator (the input text is allocated before counting starts).

use attache::input::RawArticle;
use attache::Engine;
use std::alloc::{GlobalAlloc, Layout, System};
use std::hint::black_box;
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};

mod common;
use common::{clock_kind, txt_files, txt_files_below, Clock};

/// The system allocator, counting the bytes in use and their peak.
struct Counting;

static IN_USE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

fn add(n: usize) {
    let now = IN_USE.fetch_add(n, Ordering::Relaxed) + n;
    PEAK.fetch_max(now, Ordering::Relaxed);
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, l: Layout) -> *mut u8 {
        let p = System.alloc(l);
        if !p.is_null() {
            add(l.size());
        }
        p
    }
    unsafe fn alloc_zeroed(&self, l: Layout) -> *mut u8 {
        let p = System.alloc_zeroed(l);
        if !p.is_null() {
            add(l.size());
        }
        p
    }
    unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
        System.dealloc(p, l);
        IN_USE.fetch_sub(l.size(), Ordering::Relaxed);
    }
    unsafe fn realloc(&self, p: *mut u8, l: Layout, new: usize) -> *mut u8 {
        let q = System.realloc(p, l, new);
        if !q.is_null() {
            IN_USE.fetch_sub(l.size(), Ordering::Relaxed);
            add(new);
        }
        q
    }
}

#[global_allocator]
static ALLOC: Counting = Counting;

/// The CI check's sizes and limits.
const CHECK_SIZES: [usize; 2] = [100_000, 2_000_000];
const CHECK_MAX_RATIO: f64 = 1.6;
/// Issue 16's target for peak memory against the input (reported, not checked:
/// the document model alone is about 20× its text).
const MEMORY_TARGET: f64 = 10.0;

/// Small articles are analysed again until this much CPU time has passed.
const MIN_SECS: f64 = 0.5;

fn parse_size(s: &str) -> Option<usize> {
    let s = s.trim().to_ascii_lowercase();
    let (num, mul) = if let Some(n) = s.strip_suffix("mb").or_else(|| s.strip_suffix('m')) {
        (n, 1_000_000)
    } else if let Some(n) = s.strip_suffix("kb").or_else(|| s.strip_suffix('k')) {
        (n, 1_000)
    } else {
        (s.as_str(), 1)
    };
    Some((num.parse::<f64>().ok()? * mul as f64) as usize)
}

/// One article of about `size` bytes from the committed texts laid end to end.
fn article(texts: &[String], size: usize) -> String {
    let mut out = String::with_capacity(size + 64 * 1024);
    'fill: loop {
        for t in texts {
            if out.len() + t.len() <= size || out.is_empty() && t.len() <= size {
                out.push_str(t.trim_end());
                out.push_str("\n\n");
                if out.len() >= size {
                    break 'fill;
                }
                continue;
            }
            // The rest of `size` from this file's first paragraphs (at least one).
            let mut end = 0;
            for (i, _) in t.match_indices("\n\n") {
                if out.len() + i > size && end > 0 {
                    break;
                }
                end = i;
            }
            if end == 0 {
                end = t.len();
            }
            out.push_str(t[..end].trim_end());
            out.push_str("\n\n");
            break 'fill;
        }
    }
    out
}

struct Row {
    bytes: usize,
    sentences: usize,
    runs: usize,
    secs: f64,
    peak: usize,
    /// Bytes the finished `Doc` holds.
    doc: usize,
}

impl Row {
    fn per_sentence_us(&self) -> f64 {
        self.secs / self.sentences.max(1) as f64 * 1e6
    }
    fn memory_factor(&self) -> f64 {
        self.peak as f64 / self.bytes as f64
    }
}

fn measure(engine: &Engine, text: &str) -> Row {
    let mut best = f64::MAX;
    let mut spent = 0.0;
    let mut runs = 0;
    let mut sentences = 0;
    let mut peak = 0;
    let mut held = 0;
    while runs == 0 || spent < MIN_SECS && runs < 1000 {
        let raw = RawArticle::plain("scaling.txt", text.to_string());
        let base = IN_USE.load(Ordering::Relaxed);
        PEAK.store(base, Ordering::Relaxed);
        let clock = Clock::start();
        let doc = engine.analyse(raw);
        let t = clock.secs();
        peak = peak.max(PEAK.load(Ordering::Relaxed).saturating_sub(base));
        held = IN_USE.load(Ordering::Relaxed).saturating_sub(base);
        sentences = black_box(&doc).sentences.len();
        drop(doc);
        best = best.min(t);
        spent += t;
        runs += 1;
    }
    Row {
        bytes: text.len(),
        sentences,
        runs,
        secs: best,
        peak,
        doc: held,
    }
}

fn human(bytes: usize) -> String {
    if bytes >= 1_000_000 {
        format!("{:.1} MB", bytes as f64 / 1e6)
    } else if bytes >= 1_000 {
        format!("{:.1} KB", bytes as f64 / 1e3)
    } else {
        format!("{bytes} B")
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let check = args.iter().any(|a| a == "--check");
    let sizes: Vec<usize> = match args.iter().position(|a| a == "--sizes") {
        Some(i) => args
            .get(i + 1)
            .map(|s| s.split(',').filter_map(parse_size).collect())
            .unwrap_or_default(),
        None if check => CHECK_SIZES.to_vec(),
        None => vec![1_000, 10_000, 100_000, 1_000_000, 10_000_000],
    };
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut files = Vec::new();
    txt_files_below(&root.join("data/corpus"), &mut files);
    files.extend(txt_files(&root.join("examples")));
    let texts: Vec<String> = files
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .filter(|t| !t.trim().is_empty())
        .collect();
    if texts.is_empty() || sizes.is_empty() {
        println!("no texts under data/corpus or examples, or no sizes: nothing to measure");
        std::process::exit(if check { 1 } else { 0 });
    }
    let engine = match Engine::builder().build() {
        Ok(e) => e,
        Err(e) => {
            println!("engine could not be built: {e}");
            std::process::exit(1);
        }
    };
    // Warm up: the lexicons and models compile on first use.
    black_box(engine.analyse(RawArticle::plain("warm.txt", texts[0].clone())));
    println!(
        "timing: {}; {} texts from data/corpus and examples",
        clock_kind(),
        texts.len()
    );
    println!(
        "{:>9} {:>9} {:>5} {:>10} {:>13} {:>13} {:>12} {:>14} {:>10}",
        "size",
        "sentences",
        "runs",
        "time (s)",
        "µs/sentence",
        "sentences/s",
        "peak memory",
        "(× input)",
        "Doc holds"
    );
    let mut rows = Vec::new();
    for &size in &sizes {
        let text = article(&texts, size);
        let row = measure(&engine, &text);
        println!(
            "{:>9} {:>9} {:>5} {:>10.3} {:>13.1} {:>13.0} {:>12} {:>14} {:>10}",
            human(row.bytes),
            row.sentences,
            row.runs,
            row.secs,
            row.per_sentence_us(),
            row.sentences as f64 / row.secs,
            human(row.peak),
            format!("{:.1}×", row.memory_factor()),
            human(row.doc)
        );
        rows.push(row);
    }
    if rows.len() >= 2 {
        let (first, last) = (&rows[0], &rows[rows.len() - 1]);
        let ratio = last.per_sentence_us() / first.per_sentence_us();
        println!(
            "time per sentence at {} / at {}: {ratio:.2}×",
            human(last.bytes),
            human(first.bytes)
        );
        if check {
            let mut failed = false;
            if ratio >= CHECK_MAX_RATIO {
                println!("FAIL: cost grows faster than the article (ratio {ratio:.2} ≥ {CHECK_MAX_RATIO})");
                failed = true;
            }
            for r in &rows {
                if r.memory_factor() > MEMORY_TARGET {
                    println!(
                        "note: peak memory {} is {:.1}× the {} input (target {MEMORY_TARGET}×; not checked)",
                        human(r.peak),
                        r.memory_factor(),
                        human(r.bytes)
                    );
                }
            }
            if failed {
                std::process::exit(1);
            }
            println!("ok: time per sentence within {CHECK_MAX_RATIO}× from the small to the large article");
        }
    }
}
