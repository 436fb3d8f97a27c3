//! `attache ingest`, `attache query`, `attache export` and `attache serve`:
//! the commands over the store.

use anyhow::Context;
use attache::input::{self, RawArticle};
use attache::{Doc, Engine};
use attache_store::export::{self, Table};
use attache_store::{
    channel_state_at, ChannelFilter, EventFilter, NewArticle, Page, QuoteFilter, Store,
};
use clap::{Args, ValueEnum};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;
use std::collections::HashSet;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

/// The store used when `--db` is not given.
pub const DEFAULT_DB: &str = "sqlite:attache.db";

fn parse_date(s: &str) -> Result<chrono::NaiveDate, String> {
    chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map_err(|e| format!("{s:?} is not a date in the form YYYY-MM-DD ({e})"))
}

fn parse_dyad(s: &str) -> Result<(String, String), String> {
    match s.split_once(',') {
        Some((a, b)) if !a.trim().is_empty() && !b.trim().is_empty() => {
            Ok((a.trim().to_uppercase(), b.trim().to_uppercase()))
        }
        _ => Err(format!("{s:?} is not a dyad: give two actor codes as A,B")),
    }
}

fn open_store(url: &str) -> anyhow::Result<Box<dyn Store>> {
    attache_store::open(url).with_context(|| format!("could not open the store {url}"))
}

// ---------------------------------------------------------------- ingest

/// Flags of `attache ingest`.
#[derive(Args, Debug)]
pub struct IngestArgs {
    /// Files and folders (searched recursively) of articles: plain text, HTML,
    /// JSON Lines feeds (.jsonl), gzip'd feeds (.jsonl.gz); `-` reads stdin.
    #[arg(required_unless_present = "reprocess")]
    paths: Vec<PathBuf>,
    /// The store: sqlite:PATH or postgres://…
    #[arg(long, default_value = DEFAULT_DB)]
    db: String,
    /// Publication date (YYYY-MM-DD) for articles that do not give one.
    #[arg(long, value_parser = parse_date)]
    published: Option<chrono::NaiveDate>,
    /// Also analyse again every stored article analysed by another engine version.
    #[arg(long)]
    reprocess: bool,
    /// Articles per transaction.
    #[arg(long, default_value_t = 128, value_parser = clap::value_parser!(u64).range(1..=100_000))]
    batch: u64,
    /// Never draw a progress bar.
    #[arg(long, short)]
    quiet: bool,
}

/// File extensions taken from folders (files named on the command line are always read).
const ARTICLE_EXTENSIONS: &[&str] = &[
    "txt", "text", "html", "htm", "xhtml", "jsonl", "ndjson", "gz",
];

/// Every article file under `path`, in a stable (sorted) order.
fn walk(path: &Path, out: &mut Vec<PathBuf>, errors: &mut Vec<String>) {
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) => {
            errors.push(format!("{}: {e}", path.display()));
            return;
        }
    };
    if !meta.is_dir() {
        out.push(path.to_path_buf());
        return;
    }
    let entries = match std::fs::read_dir(path) {
        Ok(r) => r,
        Err(e) => {
            errors.push(format!("{}: {e}", path.display()));
            return;
        }
    };
    let mut children: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    children.sort();
    for child in children {
        let name = child.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if name.starts_with('.') {
            continue;
        }
        if child.is_dir() {
            walk(&child, out, errors);
        } else {
            let ext = child
                .extension()
                .and_then(|e| e.to_str())
                .unwrap_or("")
                .to_lowercase();
            if ARTICLE_EXTENSIONS.contains(&ext.as_str()) {
                out.push(child);
            }
        }
    }
}

/// Reads the articles of one file (gzip'd files are decompressed as they are read).
fn read_file(path: &Path) -> attache::Result<input::Articles> {
    if path.as_os_str() == "-" {
        return input::read_stream("-", std::io::stdin().lock());
    }
    let is_gz = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("gz"));
    if !is_gz {
        return input::read_path(path);
    }
    let file = std::fs::File::open(path).map_err(|e| attache::Error::Io {
        path: path.to_path_buf(),
        source: e,
    })?;
    input::read_stream(
        &path.display().to_string(),
        flate2::read::MultiGzDecoder::new(file),
    )
}

/// The outcome of one ingest run.
#[derive(Default, Debug)]
struct Tally {
    inserted: usize,
    present: usize,
    failed: usize,
    reprocessed: usize,
}

/// Analyses an article, turning a panic in any stage into an error message.
fn analyse(engine: &Engine, raw: RawArticle) -> Result<Doc, String> {
    if raw.content.trim().is_empty() {
        return Err("the article has no text".into());
    }
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| engine.analyse(raw))).map_err(|p| {
        let msg = p
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| p.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown cause".into());
        format!("analysis failed: {msg}")
    })
}

/// What the writer thread hands back: the store, articles inserted, articles already there.
type Written = anyhow::Result<(Box<dyn Store>, usize, usize)>;

/// The thread that stores analysed batches while the next batch is analysed.
struct Writer {
    tx: Option<std::sync::mpsc::SyncSender<Vec<NewArticle>>>,
    handle: Option<std::thread::JoinHandle<Written>>,
}

impl Writer {
    fn start(mut store: Box<dyn Store>, progress: ProgressBar) -> Writer {
        // At most two batches wait: memory stays bounded.
        let (tx, rx) = std::sync::mpsc::sync_channel::<Vec<NewArticle>>(2);
        let handle = std::thread::spawn(move || {
            let (mut inserted, mut skipped) = (0, 0);
            for batch in rx {
                let out = store
                    .insert_batch(&batch)
                    .context("could not store a batch of articles")?;
                inserted += out.inserted;
                skipped += out.skipped;
                progress.inc(batch.len() as u64);
            }
            Ok((store, inserted, skipped))
        });
        Writer {
            tx: Some(tx),
            handle: Some(handle),
        }
    }

    /// Queues a batch; false when the writer has stopped (its error comes from [`Writer::finish`]).
    fn send(&self, batch: Vec<NewArticle>) -> bool {
        self.tx.as_ref().is_some_and(|tx| tx.send(batch).is_ok())
    }

    /// Waits for every queued batch; returns the store and the totals.
    fn finish(&mut self) -> Written {
        self.tx = None;
        match self.handle.take() {
            Some(h) => h
                .join()
                .map_err(|_| anyhow::anyhow!("the store writer panicked"))?,
            None => anyhow::bail!("the store writer already finished"),
        }
    }
}

struct Ingest<'a> {
    engine: &'a Engine,
    /// Reads which articles are already stored (a second connection).
    store: Box<dyn Store>,
    writer: Writer,
    progress: ProgressBar,
    tally: Tally,
    pending: Vec<RawArticle>,
    batch: usize,
}

impl Ingest<'_> {
    fn report(&mut self, msg: &str) {
        self.tally.failed += 1;
        self.progress.suspend(|| eprintln!("attache: {msg}"));
    }

    fn push(&mut self, raw: RawArticle) -> anyhow::Result<()> {
        self.pending.push(raw);
        if self.pending.len() >= self.batch {
            self.flush()?;
        }
        Ok(())
    }

    /// Analyses the pending articles not yet stored, in parallel, and stores
    /// them in one transaction.
    fn flush(&mut self) -> anyhow::Result<()> {
        let mut pending = std::mem::take(&mut self.pending);
        let hashes: Vec<String> = pending.iter().map(attache_store::content_hash).collect();
        let known = self.store.known_hashes(&hashes)?;
        let mut seen = HashSet::new();
        let mut todo = Vec::new();
        for (raw, hash) in pending.drain(..).zip(hashes) {
            if known.contains(&hash) || !seen.insert(hash) {
                self.tally.present += 1;
                self.progress.inc(1);
            } else {
                todo.push(raw);
            }
        }
        let engine = self.engine;
        let results: Vec<(String, Result<NewArticle, String>)> = todo
            .into_par_iter()
            .map(|raw| {
                let origin = raw.origin.clone();
                let out = analyse(engine, raw.clone()).map(|doc| NewArticle::new(&raw, doc));
                (origin, out)
            })
            .collect();
        let mut good = Vec::with_capacity(results.len());
        for (origin, r) in results {
            match r {
                Ok(a) => good.push(a),
                Err(reason) => self.report(&format!("{origin}: {reason}")),
            }
        }
        if !good.is_empty() && !self.writer.send(good) {
            // The writer stopped on an error: finish() reports it.
            self.writer.finish()?;
            anyhow::bail!("the store writer stopped");
        }
        Ok(())
    }

    fn reprocess(&mut self) -> anyhow::Result<()> {
        let version = attache::ENGINE_VERSION;
        let mut failed: HashSet<i64> = HashSet::new();
        loop {
            let stale = self
                .store
                .stale_articles(version, self.batch as u64 + failed.len() as u64)?;
            let stale: Vec<_> = stale
                .into_iter()
                .filter(|s| !failed.contains(&s.id))
                .collect();
            if stale.is_empty() {
                return Ok(());
            }
            let engine = self.engine;
            let results: Vec<_> = stale
                .par_iter()
                .map(|s| {
                    (
                        s.id,
                        s.origin.clone(),
                        analyse(engine, attache_store::raw_from_stored(s)),
                    )
                })
                .collect();
            let mut docs = Vec::new();
            for (id, origin, r) in results {
                match r {
                    Ok(doc) => docs.push((id, doc)),
                    Err(reason) => {
                        failed.insert(id);
                        self.report(&format!("{origin}: {reason}"));
                    }
                }
            }
            self.tally.reprocessed += docs.len();
            self.store.replace_analysis(&docs, version)?;
            self.progress.inc(docs.len() as u64);
        }
    }
}

/// Runs `attache ingest`; returns the exit code.
pub fn ingest(args: IngestArgs) -> anyhow::Result<u8> {
    let engine = Engine::builder()
        .build()
        .context("could not load the lexicons")?;
    for d in &engine.diagnostics {
        eprintln!("attache: warning: {d}");
    }
    let store = open_store(&args.db)?;
    let reader = open_store(&args.db)?;

    let mut files = Vec::new();
    let mut errors = Vec::new();
    for p in &args.paths {
        if p.as_os_str() == "-" {
            files.push(p.clone());
        } else {
            walk(p, &mut files, &mut errors);
        }
    }
    let progress = if args.quiet || !std::io::stderr().is_terminal() {
        ProgressBar::hidden()
    } else {
        let bar = ProgressBar::new_spinner();
        bar.set_draw_target(ProgressDrawTarget::stderr_with_hz(8));
        bar.set_style(
            ProgressStyle::with_template(
                "{spinner} {elapsed_precise}  file {msg}  {pos} articles ({per_sec})",
            )
            .unwrap_or_else(|_| ProgressStyle::default_spinner()),
        );
        bar.enable_steady_tick(std::time::Duration::from_millis(125));
        bar
    };
    let mut run = Ingest {
        engine: &engine,
        store: reader,
        writer: Writer::start(store, progress.clone()),
        progress: progress.clone(),
        tally: Tally::default(),
        pending: Vec::new(),
        batch: args.batch as usize,
    };
    for e in errors {
        run.report(&e);
    }
    for (i, file) in files.iter().enumerate() {
        progress.set_message(format!("{}/{}", i + 1, files.len()));
        let articles = match read_file(file) {
            Ok(a) => a,
            Err(e) => {
                run.report(&e.to_string());
                continue;
            }
        };
        for a in articles {
            match a {
                Ok(mut raw) => {
                    if raw.meta.published.is_none() {
                        raw.meta.published = args.published;
                    }
                    run.push(raw)?;
                }
                Err(e) => run.report(&e.to_string()),
            }
        }
    }
    run.flush()?;
    let (store, inserted, skipped) = run.writer.finish()?;
    run.store = store;
    run.tally.inserted += inserted;
    run.tally.present += skipped;
    if args.reprocess {
        run.reprocess()?;
    }
    progress.finish_and_clear();

    let t = &run.tally;
    let c = run.store.counts()?;
    let stale = run.store.stale_articles(attache::ENGINE_VERSION, 1)?.len();
    let mut out = std::io::stdout().lock();
    writeln!(
        out,
        "ingested {} new article(s) into {} ({} already there{}{})",
        t.inserted,
        args.db,
        t.present,
        if t.failed > 0 {
            format!(", {} failed", t.failed)
        } else {
            String::new()
        },
        if t.reprocessed > 0 {
            format!(", {} re-analysed", t.reprocessed)
        } else {
            String::new()
        },
    )?;
    writeln!(
        out,
        "the store holds {} articles, {} events ({} mentions), {} quotations, {} channel changes",
        c.articles, c.events, c.event_mentions, c.quotes, c.channels
    )?;
    if stale > 0 {
        writeln!(
            out,
            "some articles were analysed by another engine version: run again with --reprocess"
        )?;
    }
    let db = if args.db == DEFAULT_DB {
        String::new()
    } else {
        format!(" --db {}", args.db)
    };
    writeln!(out, "look: attache query events{db}   |   attache serve{db}  (then open http://127.0.0.1:8080/)")?;
    Ok(if t.failed > 0 { 1 } else { 0 })
}

// ---------------------------------------------------------------- query

/// What `attache query` lists.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum QueryWhat {
    /// Merged events (one per real-world event, with mention and source counts).
    Events,
    /// Event mentions: each coded sentence.
    Mentions,
    /// Quotations.
    Quotes,
    /// Channel changes; with --as-of, the state of each channel on that day.
    Channels,
    /// Events per month and root code.
    Timeline,
    /// Articles (full-text search with --text).
    Articles,
}

/// Output format of `query`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum QueryFormat {
    /// A table a person reads.
    Text,
    /// One JSON object per line.
    Json,
    /// CSV with a header line.
    Csv,
}

/// Flags of `attache query`.
#[derive(Args, Debug)]
pub struct QueryArgs {
    /// What to list.
    #[arg(value_enum)]
    what: QueryWhat,
    /// The store: sqlite:PATH or postgres://…
    #[arg(long, default_value = DEFAULT_DB)]
    db: String,
    /// Actor code prefix, as source or target (speaker for quotes, holder or host for channels).
    #[arg(long)]
    actor: Option<String>,
    /// Two actor code prefixes A,B, in either direction.
    #[arg(long, value_parser = parse_dyad)]
    dyad: Option<(String, String)>,
    /// CAMEO event code prefix (a root such as 19, or a full code).
    #[arg(long)]
    code: Option<String>,
    /// First day (YYYY-MM-DD).
    #[arg(long, value_parser = parse_date)]
    from: Option<chrono::NaiveDate>,
    /// Last day (YYYY-MM-DD).
    #[arg(long, value_parser = parse_date)]
    to: Option<chrono::NaiveDate>,
    /// Channels: the state of each channel on this day.
    #[arg(long, value_parser = parse_date)]
    as_of: Option<chrono::NaiveDate>,
    /// Quotes: words in the speaker's name.
    #[arg(long)]
    speaker: Option<String>,
    /// Quotes and articles: words in the text.
    #[arg(long)]
    text: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = QueryFormat::Text)]
    format: QueryFormat,
    /// At most this many rows.
    #[arg(long, default_value_t = 1000)]
    limit: u64,
    /// Skip this many rows.
    #[arg(long, default_value_t = 0)]
    offset: u64,
}

/// Rows as JSON objects plus the columns a person sees.
struct Listing {
    columns: &'static [&'static str],
    rows: Vec<(serde_json::Value, Vec<String>)>,
}

fn opt(s: &Option<String>) -> String {
    s.clone().unwrap_or_else(|| "-".into())
}

fn listing<T: serde::Serialize>(
    columns: &'static [&'static str],
    rows: Vec<T>,
    cells: impl Fn(&T) -> Vec<String>,
) -> anyhow::Result<Listing> {
    let rows = rows
        .iter()
        .map(|r| Ok((serde_json::to_value(r)?, cells(r))))
        .collect::<anyhow::Result<_>>()?;
    Ok(Listing { columns, rows })
}

/// Runs `attache query`; returns the exit code.
pub fn query(args: QueryArgs) -> anyhow::Result<u8> {
    let mut store = open_store(&args.db)?;
    let page = Page {
        offset: args.offset,
        limit: args.limit,
    };
    let ef = EventFilter {
        actor: args.actor.clone(),
        dyad: args.dyad.clone(),
        code: args.code.clone(),
        from: args.from,
        to: args.to,
    };
    let l = match args.what {
        QueryWhat::Events => listing(
            &[
                "date",
                "source",
                "target",
                "cameo",
                "label",
                "mentions",
                "sources",
                "first source",
            ],
            store.events(&ef, page)?,
            |e| {
                vec![
                    opt(&e.date),
                    opt(&e.source),
                    opt(&e.target),
                    e.cameo.clone(),
                    opt(&e.label),
                    e.num_mentions.to_string(),
                    e.num_sources.to_string(),
                    opt(&e.source_url),
                ]
            },
        )?,
        QueryWhat::Mentions => listing(
            &[
                "day", "source", "target", "cameo", "status", "trigger", "outlet", "article",
            ],
            store.event_mentions(&ef, page)?,
            |m| {
                vec![
                    opt(&m.day),
                    opt(&m.source),
                    opt(&m.target),
                    m.cameo.clone(),
                    m.status.clone(),
                    m.trigger.clone(),
                    opt(&m.outlet),
                    opt(&m.url),
                ]
            },
        )?,
        QueryWhat::Quotes => listing(
            &["date", "speaker", "code", "kind", "quotation"],
            store.quotes(
                &QuoteFilter {
                    actor: args.actor.clone(),
                    speaker: args.speaker.clone(),
                    text: args.text.clone(),
                    from: args.from,
                    to: args.to,
                },
                page,
            )?,
            |q| {
                vec![
                    opt(&q.date),
                    opt(&q.speaker_name),
                    opt(&q.speaker_code),
                    q.kind.clone(),
                    q.text.clone(),
                ]
            },
        )?,
        QueryWhat::Channels => {
            let cf = ChannelFilter {
                actor: args.actor.clone(),
                dyad: args.dyad.clone(),
                from: args.from,
                to: args.to,
            };
            let rows = if args.as_of.is_some() {
                let all = store.channels(&cf, Page::all())?;
                let state = channel_state_at(&all, args.as_of);
                state
                    .into_iter()
                    .skip(page.offset as usize)
                    .take(page.limit as usize)
                    .collect()
            } else {
                store.channels(&cf, page)?
            };
            listing(
                &["day", "holder", "host", "channel", "change", "article"],
                rows,
                |c| {
                    vec![
                        opt(&c.day),
                        opt(&c.holder),
                        opt(&c.host),
                        c.name.clone(),
                        c.change.clone(),
                        c.article_id.to_string(),
                    ]
                },
            )?
        }
        QueryWhat::Timeline => listing(
            &["month", "root", "events", "mentions"],
            store.timeline(&ef)?,
            |t| {
                vec![
                    t.period.clone(),
                    t.root.clone(),
                    t.events.to_string(),
                    t.mentions.to_string(),
                ]
            },
        )?,
        QueryWhat::Articles => listing(
            &["id", "published", "outlet", "headline", "origin"],
            store.search_articles(args.text.as_deref(), page)?,
            |a| {
                vec![
                    a.id.to_string(),
                    opt(&a.published),
                    opt(&a.outlet),
                    opt(&a.headline),
                    a.origin.clone(),
                ]
            },
        )?,
    };
    print_listing(&l, args.format)?;
    Ok(0)
}

fn print_listing(l: &Listing, format: QueryFormat) -> anyhow::Result<()> {
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    match format {
        QueryFormat::Json => {
            for (json, _) in &l.rows {
                serde_json::to_writer(&mut out, json)?;
                writeln!(out)?;
            }
        }
        QueryFormat::Csv => {
            let mut w = csv_writer(&mut out);
            w.write_record(l.columns)?;
            for (_, cells) in &l.rows {
                w.write_record(cells)?;
            }
            w.flush()?;
        }
        QueryFormat::Text => {
            if l.rows.is_empty() {
                writeln!(out, "(nothing found)")?;
            } else {
                write_table(&mut out, l.columns, l.rows.iter().map(|r| &r.1))?;
            }
        }
    }
    out.flush()?;
    Ok(())
}

fn csv_writer<W: Write>(w: W) -> CsvWriter<W> {
    CsvWriter { w }
}

/// A minimal CSV writer (RFC 4180 quoting).
struct CsvWriter<W: Write> {
    w: W,
}

impl<W: Write> CsvWriter<W> {
    fn write_record<S: AsRef<str>>(
        &mut self,
        cells: impl IntoIterator<Item = S>,
    ) -> std::io::Result<()> {
        let mut first = true;
        for c in cells {
            if !first {
                self.w.write_all(b",")?;
            }
            first = false;
            let c = c.as_ref();
            if c.contains([',', '"', '\n', '\r']) {
                write!(self.w, "\"{}\"", c.replace('"', "\"\""))?;
            } else {
                self.w.write_all(c.as_bytes())?;
            }
        }
        self.w.write_all(b"\n")
    }
    fn flush(&mut self) -> std::io::Result<()> {
        self.w.flush()
    }
}

/// Columns padded to their widest cell (in characters); long cells cut at 60.
fn write_table<'a>(
    out: &mut impl Write,
    columns: &[&str],
    rows: impl Iterator<Item = &'a Vec<String>> + Clone,
) -> std::io::Result<()> {
    let cut = |s: &str| -> String {
        let one_line = s.replace(['\n', '\r', '\t'], " ");
        if one_line.chars().count() > 60 {
            one_line.chars().take(59).chain(['…']).collect()
        } else {
            one_line
        }
    };
    let mut widths: Vec<usize> = columns.iter().map(|c| c.chars().count()).collect();
    for r in rows.clone() {
        for (i, c) in r.iter().enumerate() {
            if let Some(w) = widths.get_mut(i) {
                *w = (*w).max(cut(c).chars().count());
            }
        }
    }
    let line = |out: &mut dyn Write, cells: Vec<String>| -> std::io::Result<()> {
        let padded: Vec<String> = cells
            .iter()
            .zip(&widths)
            .map(|(c, w)| format!("{c}{}", " ".repeat(w.saturating_sub(c.chars().count()))))
            .collect();
        writeln!(out, "{}", padded.join("  ").trim_end())
    };
    line(out, columns.iter().map(|c| c.to_string()).collect())?;
    line(out, widths.iter().map(|w| "-".repeat(*w)).collect())?;
    for r in rows {
        line(out, r.iter().map(|c| cut(c)).collect())?;
    }
    Ok(())
}

// ---------------------------------------------------------------- export

/// File format of `export`.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum ExportFormat {
    /// One JSON object per line.
    Jsonl,
    /// CSV (events in a GDELT-2.0-like column layout).
    Csv,
    /// Apache Parquet.
    Parquet,
}

/// Flags of `attache export`.
#[derive(Args, Debug)]
pub struct ExportArgs {
    /// File format.
    #[arg(long, value_enum)]
    format: ExportFormat,
    /// Output file.
    #[arg(long)]
    output: PathBuf,
    /// The store: sqlite:PATH or postgres://…
    #[arg(long, default_value = DEFAULT_DB)]
    db: String,
    /// Export quotations instead of events.
    #[arg(long, group = "table")]
    quotes: bool,
    /// Export channel changes instead of events.
    #[arg(long, group = "table")]
    channels: bool,
    /// Export event mentions (one row per coded sentence) instead of merged events.
    #[arg(long, group = "table")]
    mentions: bool,
}

/// Runs `attache export`; returns the exit code.
pub fn export(args: ExportArgs) -> anyhow::Result<u8> {
    let mut store = open_store(&args.db)?;
    let table = if args.quotes {
        Table::Quotes
    } else if args.channels {
        Table::Channels
    } else if args.mentions {
        Table::Mentions
    } else {
        Table::Events
    };
    let format = match args.format {
        ExportFormat::Jsonl => export::Format::Jsonl,
        ExportFormat::Csv => export::Format::Csv,
        ExportFormat::Parquet => export::Format::Parquet,
    };
    let n = export::export(store.as_mut(), table, format, &args.output)?;
    eprintln!("attache: wrote {n} rows to {}", args.output.display());
    Ok(0)
}

// ---------------------------------------------------------------- serve

/// Flags of `attache serve`.
#[derive(Args, Debug)]
pub struct ServeArgs {
    /// The store: sqlite:PATH or postgres://…
    #[arg(long, default_value = DEFAULT_DB)]
    db: String,
    /// Address to listen on.
    #[arg(long, default_value = "127.0.0.1:8080")]
    addr: std::net::SocketAddr,
    /// Token required (as `Authorization: Bearer TOKEN`) by write endpoints;
    /// default: the ATTACHE_TOKEN environment variable. Without one, writes are refused.
    #[arg(long)]
    token: Option<String>,
}

/// Runs `attache serve` until interrupted.
pub fn serve(args: ServeArgs) -> anyhow::Result<u8> {
    let store = open_store(&args.db)?;
    let token = args
        .token
        .or_else(|| std::env::var("ATTACHE_TOKEN").ok())
        .filter(|t| !t.is_empty());
    let settings = attache_server::Settings {
        token,
        ..attache_server::Settings::default()
    };
    attache_server::run(store, settings, args.addr, |addr| {
        eprintln!(
            "attache: serving {} on http://{addr}/ (Ctrl-C to stop)",
            args.db
        );
    })
    .context("the server stopped")?;
    Ok(0)
}
