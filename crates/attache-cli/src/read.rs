//! `attache read` and `attache validate`.

use anyhow::Context;
use attache::doc::Severity;
use attache::input::{self, RawArticle};
use attache::{output, report, Engine};
use clap::{Args, ValueEnum};
use std::io::Write;
use std::path::PathBuf;

/// Output format of `read`.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum ReadFormat {
    /// A report a person reads.
    Text,
    /// One JSON object per article (JSON Lines), as in CONTRACT.md.
    Json,
    /// The tokens and their syntax as CoNLL-U, one block per sentence.
    Conllu,
}

/// Flags of `attache read`.
#[derive(Args, Debug)]
pub struct ReadArgs {
    /// Files to analyse: plain text, HTML or a .jsonl feed; `-` reads stdin.
    #[arg(required = true)]
    files: Vec<PathBuf>,
    /// Publication date (YYYY-MM-DD): anchors relative dates such as "on Monday".
    #[arg(long, value_parser = parse_date)]
    published: Option<chrono::NaiveDate>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ReadFormat::Text)]
    format: ReadFormat,
    /// Add PETRARCH/TABARI dictionaries (verbs, actors, agents, discards) from this folder.
    #[arg(long)]
    dict: Vec<PathBuf>,
    /// Leave the built-in lexicons out.
    #[arg(long)]
    no_builtin: bool,
}

/// Flags of `attache validate`.
#[derive(Args, Debug)]
pub struct ValidateArgs {
    /// A PETRARCH validation file.
    file: PathBuf,
    /// Dictionary folder.
    #[arg(long)]
    dict: PathBuf,
}

fn parse_date(s: &str) -> Result<chrono::NaiveDate, String> {
    chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map_err(|e| format!("{s:?} is not a date in the form YYYY-MM-DD ({e})"))
}

fn build_engine(dicts: &[PathBuf], no_builtin: bool) -> anyhow::Result<Engine> {
    let mut b = Engine::builder().builtin(!no_builtin);
    for d in dicts {
        b = b.dict_dir(d);
    }
    let engine = b.build().context("could not load the lexicons")?;
    for d in &engine.diagnostics {
        eprintln!("attache: warning: {d}");
    }
    Ok(engine)
}

/// Runs `attache read`; returns the exit code: 0 when every input was read
/// and analysed, 1 when any input (or feed line) failed or had no article
/// text. Each failure is
/// named on stderr and the other inputs are still processed.
pub fn run(args: ReadArgs) -> anyhow::Result<u8> {
    let engine = build_engine(&args.dict, args.no_builtin)?;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut failed = false;
    for path in &args.files {
        let read = if path.as_os_str() == "-" {
            input::read_stream("-", std::io::stdin().lock())
        } else {
            input::read_path(path)
        };
        let articles = match read {
            Ok(a) => a,
            Err(e) => {
                eprintln!("attache: error: {e}");
                failed = true;
                continue;
            }
        };
        for article in articles {
            match article {
                Ok(raw) => {
                    if !emit(&engine, raw, &args, &mut out)? {
                        failed = true;
                    }
                }
                Err(e) => {
                    eprintln!("attache: error: {e}");
                    failed = true;
                }
            }
        }
        // Show each file's output as soon as it is done.
        out.flush()?;
    }
    out.flush()?;
    Ok(if failed { 1 } else { 0 })
}

fn emit(
    engine: &Engine,
    mut raw: RawArticle,
    args: &ReadArgs,
    out: &mut impl Write,
) -> anyhow::Result<bool> {
    if let Some(p) = args.published {
        raw.meta.published.get_or_insert(p);
    }
    let origin = raw.origin.clone();
    let doc = engine.analyse(raw);
    let mut ok = true;
    for d in &doc.diagnostics {
        match d.severity {
            Severity::Warning => eprintln!("attache: warning: {origin}: {}", d.message),
            Severity::Error => {
                eprintln!("attache: error: {origin}: {}", d.message);
                ok = false;
            }
        }
    }
    if !ok {
        return Ok(false);
    }
    match args.format {
        ReadFormat::Json => {
            serde_json::to_writer(&mut *out, &output::to_json(&doc))?;
            writeln!(out)?;
        }
        ReadFormat::Text => {
            writeln!(out, "{}", report::to_text(&doc))?;
        }
        ReadFormat::Conllu => {
            let mut block = String::new();
            let id: String = origin
                .chars()
                .map(|c| if c.is_whitespace() { '_' } else { c })
                .collect();
            attache::syntax::conllu::write_doc(&doc, &id, &mut block);
            out.write_all(block.as_bytes())?;
        }
    }
    Ok(true)
}

/// Runs `attache validate`; returns the exit code.
pub fn validate(args: ValidateArgs) -> anyhow::Result<u8> {
    let engine = build_engine(std::slice::from_ref(&args.dict), true)?;
    let bytes = std::fs::read(&args.file)
        .with_context(|| format!("could not read {}", args.file.display()))?;
    let report = attache::petrarch::validate::run(&String::from_utf8_lossy(&bytes), &engine);
    let mut out = std::io::stdout().lock();
    out.write_all(report.render().as_bytes())?;
    out.flush()?;
    Ok(if report.problems.is_empty() { 0 } else { 1 })
}
