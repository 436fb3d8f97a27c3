//! `attache train` and `attache syntax-eval`: the syntax models from CoNLL-U.

use anyhow::Context;
use attache::syntax::parser::{Parser, ParserOptions};
use attache::syntax::{conllu, eval, ner::EntityTagger, tagger::Tagger};
use attache::syntax::{Models, TrainOptions};
use clap::{Args, ValueEnum};
use std::path::{Path, PathBuf};
use std::time::Instant;

/// Which model to train.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ModelKind {
    /// The fine-tag + UPOS tagger.
    Tagger,
    /// The dependency parser.
    Parser,
    /// The entity tagger.
    Entities,
}

/// Flags of `attache train`.
#[derive(Args, Debug)]
pub struct TrainArgs {
    /// CoNLL-U files with complete analyses (silver parses from `tools/silver`).
    #[arg(required = true)]
    train: Vec<PathBuf>,
    /// Folder the models are written to (`tagger.bin`, `parser.bin`, `entities.bin`).
    #[arg(long, default_value = "data/models")]
    out: PathBuf,
    /// A CoNLL-U file to report agreement on after training (never trained on).
    #[arg(long)]
    dev: Vec<PathBuf>,
    /// Train only these models (default: all three).
    #[arg(long, value_enum, value_delimiter = ',')]
    only: Vec<ModelKind>,
    /// Passes over the training data.
    #[arg(long, default_value_t = TrainOptions::default().epochs)]
    epochs: usize,
    /// Seed of the shuffle between passes.
    #[arg(long, default_value_t = TrainOptions::default().seed)]
    seed: u64,
    /// Features seen fewer times are dropped from the written model.
    #[arg(long, default_value_t = TrainOptions::default().min_count)]
    min_count: u32,
    /// `--min-count` for the tagger alone (and the parser's jackknifed taggers).
    #[arg(long)]
    tagger_min_count: Option<u32>,
    /// `--min-count` for the parser alone.
    #[arg(long)]
    parser_min_count: Option<u32>,
    /// `--min-count` for the entity tagger alone.
    #[arg(long)]
    entities_min_count: Option<u32>,
    /// Parser weights smaller than this many units (of 32,767 for the
    /// largest) are dropped from the written model.
    #[arg(long, default_value_t = 1)]
    parser_min_weight: i16,
}

/// Flags of `attache syntax-eval`.
#[derive(Args, Debug)]
pub struct EvalArgs {
    /// Reference CoNLL-U files (silver parses of text never trained on).
    #[arg(required = true)]
    files: Vec<PathBuf>,
    /// Read the models from this folder instead of the built-in ones.
    #[arg(long)]
    models: Option<PathBuf>,
    /// Print one JSON summary line instead of the table.
    #[arg(long)]
    json: bool,
}

/// Reads CoNLL-U files; errors name the file and line.
fn read_all(files: &[PathBuf]) -> anyhow::Result<Vec<conllu::Sentence>> {
    let mut out = Vec::new();
    for f in files {
        let text = std::fs::read_to_string(f)
            .with_context(|| format!("could not read {}", f.display()))?;
        let sents = conllu::read(&text).map_err(|e| anyhow::anyhow!("{}: {e}", f.display()))?;
        out.extend(sents);
    }
    Ok(out)
}

fn write(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    std::fs::write(path, bytes).with_context(|| format!("could not write {}", path.display()))?;
    eprintln!(
        "wrote {} ({:.1} MB)",
        path.display(),
        bytes.len() as f64 / 1e6
    );
    Ok(())
}

/// Runs `attache train`.
pub fn train(args: TrainArgs) -> anyhow::Result<u8> {
    let sents = read_all(&args.train)?;
    let complete = sents.iter().filter(|s| s.is_complete()).count();
    eprintln!(
        "{} sentences read, {complete} with complete analyses",
        sents.len()
    );
    if complete == 0 {
        anyhow::bail!("no sentence with a complete analysis to learn from");
    }
    std::fs::create_dir_all(&args.out)
        .with_context(|| format!("could not create {}", args.out.display()))?;
    let opts = TrainOptions {
        epochs: args.epochs,
        seed: args.seed,
        min_count: args.min_count,
    };
    let with_count = |c: Option<u32>| TrainOptions {
        min_count: c.unwrap_or(args.min_count),
        ..opts.clone()
    };
    let tagger_opts = with_count(args.tagger_min_count);
    let entities_opts = with_count(args.entities_min_count);
    let parser_opts = ParserOptions {
        min_count: Some(args.parser_min_count.unwrap_or(args.min_count)),
        min_weight: args.parser_min_weight,
        ..ParserOptions::default()
    };
    let wants = |k| args.only.is_empty() || args.only.contains(&k);
    let mut log = |m: &str| eprintln!("  {m}");
    if wants(ModelKind::Tagger) {
        let t0 = Instant::now();
        eprintln!("training the tagger");
        let m = Tagger::train(&sents, &tagger_opts, &mut log);
        eprintln!("  {:.1} s", t0.elapsed().as_secs_f64());
        write(&args.out.join("tagger.bin"), &m.to_bytes())?;
    }
    if wants(ModelKind::Parser) {
        let t0 = Instant::now();
        eprintln!("training the parser");
        let m = Parser::train_options(&sents, &tagger_opts, &parser_opts, &mut log);
        eprintln!("  {:.1} s", t0.elapsed().as_secs_f64());
        write(&args.out.join("parser.bin"), &m.to_bytes())?;
    }
    if wants(ModelKind::Entities) {
        let t0 = Instant::now();
        eprintln!("training the entity tagger");
        let m = EntityTagger::train(&sents, &entities_opts, &mut log);
        eprintln!("  {:.1} s", t0.elapsed().as_secs_f64());
        write(&args.out.join("entities.bin"), &m.to_bytes())?;
    }
    if !args.dev.is_empty() {
        let models = Models::from_dir(&args.out)?;
        let dev = read_all(&args.dev)?;
        println!(
            "{}",
            eval::evaluate(&dev, |w, out| models.analyse_words(w, out))
        );
    }
    Ok(0)
}

/// Runs `attache syntax-eval`.
pub fn evaluate(args: EvalArgs) -> anyhow::Result<u8> {
    let owned;
    let models = match &args.models {
        Some(dir) => {
            owned = Models::from_dir(dir)?;
            &owned
        }
        None => Models::builtin().map_err(|e| anyhow::anyhow!("{e}"))?,
    };
    let reference = read_all(&args.files)?;
    let t0 = Instant::now();
    let scores = eval::evaluate(&reference, |w, out| models.analyse_words(w, out));
    let secs = t0.elapsed().as_secs_f64();
    if args.json {
        let mut v = scores.to_json();
        v["seconds"] = serde_json::json!((secs * 1000.0).round() / 1000.0);
        println!("{v}");
    } else {
        print!("{scores}");
        println!(
            "\n{:.2} s ({:.0} sentences/s, all three models, one thread)",
            secs,
            scores.sentences as f64 / secs
        );
    }
    Ok(0)
}
