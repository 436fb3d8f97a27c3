//! The syntax layer: for every token a fine (Penn) tag and a Universal POS tag,
//! a lemma, a head and a dependency relation, and an entity tag (IOB over the
//! OntoNotes types), in the teacher's scheme (spaCy's English; see [`labels`]).
//!
//! Reads: [`Doc::sentences`], [`Doc::tokens`]. Fills: [`Doc::syntax`], one
//! [`TokenSyntax`] per token, parallel to `Doc::tokens` (empty when the stage
//! did not run). Heads are indices into `Doc::tokens` within the same sentence;
//! the root of a sentence is its own head. No text is copied: a lemma is a rule
//! over the token's own text (see [`Lemma`]).
//!
//! Models are ours, learned from silver parses of our corpus (`tools/silver`,
//! `attache train`); `conllu` reads and writes the CoNLL-U files they learn from.

pub mod conllu;
pub mod eval;
pub mod labels;
pub mod lemma;
pub mod linear;
pub mod ner;
pub mod parser;
pub mod tagger;
pub mod transition;

pub use labels::{Dep, EntType, Tag, Upos};

use crate::doc::{Doc, Span};
use serde::Serialize;
use std::borrow::Cow;

/// Inside/outside/beginning of an entity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default, Serialize)]
pub enum Iob {
    /// Outside every entity.
    #[default]
    O,
    /// The first token of an entity.
    B,
    /// A later token of an entity.
    I,
}

/// A lemma as a rule over the token's own text: take the form (lower-cased
/// unless `keep_case`), drop its last `strip` bytes, append `append`.
/// "went" → strip 4, append "go"; "talks" → strip 1; "Russia" → keep case.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize)]
pub struct Lemma {
    /// Bytes to drop from the end of the form.
    pub strip: u8,
    /// Text to append after stripping (from a static table).
    pub append: &'static str,
    /// Keep the form's case (proper nouns).
    pub keep_case: bool,
}

impl Lemma {
    /// Applies the rule to a token's text.
    pub fn apply<'a>(&self, form: &'a str) -> Cow<'a, str> {
        let base: Cow<'a, str> = if self.keep_case || !form.chars().any(char::is_uppercase) {
            Cow::Borrowed(form)
        } else {
            Cow::Owned(form.to_lowercase())
        };
        if self.strip == 0 && self.append.is_empty() {
            return base;
        }
        let mut cut = base.len().saturating_sub(self.strip as usize);
        while cut > 0 && !base.is_char_boundary(cut) {
            cut -= 1;
        }
        let mut s = String::with_capacity(cut + self.append.len());
        s.push_str(&base[..cut]);
        s.push_str(self.append);
        Cow::Owned(s)
    }
}

/// The syntax of one token.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize)]
pub struct TokenSyntax {
    /// Fine tag (Penn Treebank / OntoNotes).
    pub tag: Tag,
    /// Universal POS tag.
    pub upos: Upos,
    /// Index into [`Doc::tokens`] of the head; the sentence root is its own head.
    pub head: u32,
    /// Relation to the head (`ROOT` for the root).
    pub dep: Dep,
    /// Entity tag position.
    pub iob: Iob,
    /// Entity type (`EntType::None` when `iob` is `O`).
    pub ent: EntType,
    /// The lemma rule.
    pub lemma: Lemma,
}

/// A named entity found by the entity tagger: a token range and its type.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NamedEntity {
    /// Range of indices into [`Doc::tokens`].
    pub tokens: Span,
    /// Bytes of the entity.
    pub span: Span,
    /// Its type.
    pub kind: EntType,
}

impl Doc {
    /// True when the syntax stage filled [`Doc::syntax`].
    pub fn has_syntax(&self) -> bool {
        !self.syntax.is_empty() && self.syntax.len() == self.tokens.len()
    }

    /// The lemma of token `i` (its text when there is no syntax layer).
    pub fn lemma(&self, i: usize) -> Cow<'_, str> {
        let form = self.slice(self.tokens[i].span);
        match self.syntax.get(i) {
            Some(s) => s.lemma.apply(form),
            None => Cow::Borrowed(form),
        }
    }

    /// The named entities of sentence `s`, in order (empty without syntax).
    pub fn named_entities_in(&self, s: usize) -> Vec<NamedEntity> {
        let mut out = Vec::new();
        if !self.has_syntax() {
            return out;
        }
        let range = self.sentences[s].tokens;
        let mut i = range.start;
        while i < range.end {
            let t = self.syntax[i];
            if t.iob == Iob::O || t.ent == EntType::None {
                i += 1;
                continue;
            }
            let start = i;
            i += 1;
            while i < range.end && self.syntax[i].iob == Iob::I && self.syntax[i].ent == t.ent {
                i += 1;
            }
            out.push(NamedEntity {
                tokens: Span::new(start, i),
                span: Span::new(self.tokens[start].span.start, self.tokens[i - 1].span.end),
                kind: t.ent,
            });
        }
        out
    }

    /// Indices of the dependents of token `head`, in order.
    pub fn dependents(&self, head: usize) -> impl Iterator<Item = usize> + '_ {
        let range = if self.has_syntax() {
            let s = self.tokens[head].sentence;
            self.sentences[s].tokens
        } else {
            Span::new(0, 0)
        };
        (range.start..range.end).filter(move |&i| i != head && self.syntax[i].head as usize == head)
    }
}

/// Settings of a training run, shared by the three models.
#[derive(Clone, Debug)]
pub struct TrainOptions {
    /// Passes over the training sentences.
    pub epochs: usize,
    /// Seed of the shuffling between passes (runs are reproducible).
    pub seed: u64,
    /// Features seen fewer times than this in training are dropped from the
    /// frozen model (keeps it compact).
    pub min_count: u32,
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions {
            epochs: 10,
            seed: 1,
            min_count: 2,
        }
    }
}

/// A model file that could not be read.
#[derive(Debug, thiserror::Error)]
#[error("{model} model: {reason}")]
pub struct ModelError {
    /// Which model ("tagger", "parser", "entities").
    pub model: &'static str,
    /// What is wrong with the bytes.
    pub reason: String,
}

/// The three models the stage runs: tagger, dependency parser, entity tagger.
#[derive(Debug)]
pub struct Models {
    /// Fine tag + UPOS tagger.
    pub tagger: tagger::Tagger,
    /// Dependency parser.
    pub parser: parser::Parser,
    /// Entity tagger.
    pub entities: ner::EntityTagger,
}

static TAGGER_BYTES: &[u8] = include_bytes!("../../../../data/models/tagger.bin");
static PARSER_BYTES: &[u8] = include_bytes!("../../../../data/models/parser.bin");
static ENTITIES_BYTES: &[u8] = include_bytes!("../../../../data/models/entities.bin");

impl Models {
    /// The committed models (`data/models/`, compiled into the binary), read
    /// once per process.
    pub fn builtin() -> Result<&'static Models, &'static ModelError> {
        static MODELS: std::sync::OnceLock<Result<Models, ModelError>> = std::sync::OnceLock::new();
        MODELS.get_or_init(Models::load_builtin).as_ref()
    }

    /// Parses the committed models afresh (what [`Models::builtin`] does once).
    pub fn load_builtin() -> Result<Models, ModelError> {
        Models::from_bytes(TAGGER_BYTES, PARSER_BYTES, ENTITIES_BYTES)
    }

    /// Models from their serialised bytes.
    pub fn from_bytes(tagger: &[u8], parser: &[u8], entities: &[u8]) -> Result<Models, ModelError> {
        Ok(Models {
            tagger: tagger::Tagger::from_bytes(tagger)?,
            parser: parser::Parser::from_bytes(parser)?,
            entities: ner::EntityTagger::from_bytes(entities)?,
        })
    }

    /// Models read from a folder holding `tagger.bin`, `parser.bin` and `entities.bin`.
    pub fn from_dir(dir: &std::path::Path) -> Result<Models, ModelError> {
        let read = |model: &'static str, file: &str| {
            std::fs::read(dir.join(file)).map_err(|e| ModelError {
                model,
                reason: format!("could not read {}: {e}", dir.join(file).display()),
            })
        };
        Models::from_bytes(
            &read("tagger", "tagger.bin")?,
            &read("parser", "parser.bin")?,
            &read("entities", "entities.bin")?,
        )
    }

    /// Analyses one sentence given as words: tags, lemmas, heads (0-based within
    /// the sentence, the root its own head) and entity tags.
    ///
    /// The word hashes are computed once and shared by the tagger and the
    /// entity tagger; the intermediate buffers are kept per thread.
    pub fn analyse_words(&self, words: &[&str], out: &mut Vec<TokenSyntax>) {
        thread_local! {
            static SCRATCH: std::cell::RefCell<AnalyseScratch> =
                std::cell::RefCell::new(AnalyseScratch::default());
        }
        SCRATCH.with(|s| match s.try_borrow_mut() {
            Ok(mut s) => self.analyse_in(&mut s, words, out),
            Err(_) => self.analyse_in(&mut AnalyseScratch::default(), words, out),
        });
    }

    fn analyse_in(&self, s: &mut AnalyseScratch, words: &[&str], out: &mut Vec<TokenSyntax>) {
        let AnalyseScratch {
            words: scratch,
            infos,
            tagged,
            tags,
            arcs,
            ents,
        } = s;
        tagger::word_infos(words, scratch, infos);
        self.tagger.tag_infos(infos, tagged);
        tags.clear();
        tags.extend(tagged.iter().map(|t| t.0));
        self.parser.parse(words, tags, arcs);
        self.entities.tag_infos(infos, tags, ents);
        out.clear();
        out.reserve(words.len());
        for (i, w) in words.iter().enumerate() {
            let (tag, upos) = tagged[i];
            let (head, dep) = arcs.get(i).copied().unwrap_or((i as u32, Dep::Root));
            let (iob, ent) = ents.get(i).copied().unwrap_or_default();
            out.push(TokenSyntax {
                tag,
                upos,
                head,
                dep,
                iob,
                ent,
                lemma: lemma::lemma_with_upos(w, tag, upos),
            });
        }
    }
}

/// Buffers of [`Models::analyse_words`], reused between sentences.
#[derive(Default)]
struct AnalyseScratch {
    words: tagger::WordScratch,
    infos: Vec<tagger::WordInfo>,
    tagged: Vec<(Tag, Upos)>,
    tags: Vec<Tag>,
    arcs: Vec<(u32, Dep)>,
    ents: Vec<(Iob, EntType)>,
}

/// The syntax stage: reads `sentences` and `tokens`, fills `syntax` (one entry
/// per token; heads as indices into `Doc::tokens`).
pub fn analyse(doc: &mut Doc, models: &Models) {
    let mut syntax = Vec::with_capacity(doc.tokens.len());
    let mut words: Vec<&str> = Vec::new();
    let mut sent = Vec::new();
    for s in &doc.sentences {
        let range = s.tokens;
        words.clear();
        words.extend(
            doc.tokens[range.start..range.end]
                .iter()
                .map(|t| &doc.text[t.span.start..t.span.end]),
        );
        models.analyse_words(&words, &mut sent);
        for t in &mut sent {
            t.head += range.start as u32;
        }
        syntax.extend_from_slice(&sent);
    }
    doc.syntax = syntax;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_models_write_back_their_bytes() {
        let m = Models::load_builtin().unwrap();
        assert!(m.tagger.to_bytes() == TAGGER_BYTES, "tagger");
        assert!(m.parser.to_bytes() == PARSER_BYTES, "parser");
        assert!(m.entities.to_bytes() == ENTITIES_BYTES, "entities");
    }

    #[test]
    fn lemma_rules() {
        let went = Lemma {
            strip: 4,
            append: "go",
            keep_case: false,
        };
        assert_eq!(went.apply("Went"), "go");
        let plural = Lemma {
            strip: 1,
            append: "",
            keep_case: false,
        };
        assert_eq!(plural.apply("talks"), "talk");
        let name = Lemma {
            strip: 0,
            append: "",
            keep_case: true,
        };
        assert_eq!(name.apply("Russia"), "Russia");
        assert_eq!(Lemma::default().apply("The"), "the");
        // Never splits a character.
        let odd = Lemma {
            strip: 1,
            append: "",
            keep_case: false,
        };
        assert_eq!(odd.apply("café"), "caf");
    }
}
