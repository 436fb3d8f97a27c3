//! The `attache` binary: parses flags, builds a validated configuration and
//! calls the library. All the work happens in the `attache` crates.

mod read;
mod store;
mod syntax;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

/// attache: reads international-affairs news into sourced, structured records.
#[derive(Parser, Debug)]
#[command(name = "attache", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Analyse articles (plain text, HTML, or a .jsonl feed; `-` is stdin) and print the result.
    ///
    /// Inputs: plain-text files (an outlet line, headline, byline and
    /// section/date line at the top are read as metadata; aggregator
    /// boilerplate is dropped), HTML pages (.html/.htm, or content starting
    /// with a tag), JSON Lines feeds (.jsonl, or content starting with `{`):
    /// one {"id","url","outlet","published","title","text"} object per line,
    /// only "text" required, read line by line. `-` reads stdin and sniffs
    /// which of the three it is.
    ///
    /// Bad input: a missing file, a directory, an empty file or a binary file
    /// (NUL bytes) is an error; invalid UTF-8 is decoded lossily (bad bytes
    /// become U+FFFD) with a warning giving the byte offset of the first bad
    /// sequence; one plain or HTML article may be at most 32 MiB, one feed
    /// line at most 32 MiB; a malformed feed line is an error naming its line
    /// number, and the other lines are still analysed.
    ///
    /// Exit status: 0 when every input was analysed; 1 when any input or feed
    /// line failed (each named on stderr, the others still processed); 2 on a
    /// usage error.
    Read(read::ReadArgs),
    /// Code a PETRARCH-format validation file from its <Text> alone.
    Validate(read::ValidateArgs),
    /// Analyse files, folders and feeds into the store (idempotent, resumable).
    Ingest(store::IngestArgs),
    /// List events, mentions, quotes, channels, a timeline or articles from the store.
    Query(store::QueryArgs),
    /// Write the store's events (or quotes, channels, mentions) as JSON Lines, CSV or Parquet.
    Export(store::ExportArgs),
    /// Serve the HTTP JSON API and the web page over the store.
    Serve(store::ServeArgs),
    /// Train the syntax models (tagger, parser, entity tagger) from CoNLL-U silver parses.
    Train(syntax::TrainArgs),
    /// Agreement of the syntax models with reference CoNLL-U: tags, attachment, entities.
    SyntaxEval(syntax::EvalArgs),
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    match run(cli) {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            if is_broken_pipe(&e) {
                return ExitCode::SUCCESS;
            }
            eprintln!("attache: error: {e:#}");
            ExitCode::from(1)
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<u8> {
    match cli.command {
        Command::Read(args) => read::run(args),
        Command::Validate(args) => read::validate(args),
        Command::Ingest(args) => store::ingest(args),
        Command::Query(args) => store::query(args),
        Command::Export(args) => store::export(args),
        Command::Serve(args) => store::serve(args),
        Command::Train(args) => syntax::train(args),
        Command::SyntaxEval(args) => syntax::evaluate(args),
    }
}

/// True when writing failed because the reader of our output went away
/// (`attache read … | head`): that is success, not an error.
fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
