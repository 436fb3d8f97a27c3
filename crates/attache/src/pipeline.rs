//! The pipeline: the one place that states the order of the stages.
//!
//! clean → segment → syntax → actors → quotes → events → dates → channels → conflicts

use crate::doc::Doc;
use crate::input::RawArticle;
use crate::{actors, channels, clean, conflicts, dates, events, petrarch, quotes, segment, syntax};
use std::path::PathBuf;

/// Builds an [`Engine`]: which lexicons to load.
#[derive(Debug, Clone)]
pub struct EngineBuilder {
    builtin: bool,
    dict_dirs: Vec<PathBuf>,
}

impl Default for EngineBuilder {
    fn default() -> Self {
        EngineBuilder {
            builtin: true,
            dict_dirs: Vec::new(),
        }
    }
}

impl EngineBuilder {
    /// Use the built-in lexicons (default: yes).
    pub fn builtin(mut self, yes: bool) -> Self {
        self.builtin = yes;
        self
    }

    /// Add PETRARCH/TABARI dictionaries from a folder.
    pub fn dict_dir(mut self, dir: impl Into<PathBuf>) -> Self {
        self.dict_dirs.push(dir.into());
        self
    }

    /// Compiles the lexicons. Dictionary lines that could not be read are
    /// returned in [`Engine::diagnostics`].
    pub fn build(self) -> crate::Result<Engine> {
        let mut diagnostics = Vec::new();
        let (actors, verbs) = if self.builtin {
            (
                actors::ActorLexicon::builtin()?,
                events::VerbLexicon::builtin()?,
            )
        } else {
            Default::default()
        };
        let mut dicts = Vec::new();
        for dir in &self.dict_dirs {
            let (d, diags) = petrarch::Dictionaries::load(dir)?;
            diagnostics.extend(diags);
            dicts.push(d);
        }
        Ok(Engine {
            builtin: self.builtin,
            actors,
            verbs,
            dicts,
            diagnostics,
        })
    }
}

/// The compiled lexicons and the stages that use them. Cheap to share across
/// threads; build once, analyse many articles.
#[derive(Debug)]
pub struct Engine {
    builtin: bool,
    actors: actors::ActorLexicon,
    verbs: events::VerbLexicon,
    dicts: Vec<petrarch::Dictionaries>,
    /// Messages about dictionary lines that were skipped.
    pub diagnostics: Vec<String>,
}

impl Engine {
    /// A builder with the built-in lexicons and no extra dictionaries.
    pub fn builder() -> EngineBuilder {
        EngineBuilder::default()
    }

    /// Runs every stage on one article.
    pub fn analyse(&self, raw: RawArticle) -> Doc {
        let mut doc = clean::clean(raw);
        segment::segment(&mut doc);
        self.analyse_segmented(&mut doc);
        doc
    }

    /// Runs the stages after segmentation on an already segmented document.
    pub fn analyse_segmented(&self, doc: &mut Doc) {
        if self.builtin {
            if let Ok(models) = syntax::Models::builtin() {
                syntax::analyse(doc, models);
            }
            actors::recognise(doc, &self.actors);
            quotes::attribute(doc);
            events::code(doc, &self.verbs);
        }
        for d in &self.dicts {
            petrarch::code(doc, d);
        }
        dates::resolve(doc);
        channels::track(doc);
        conflicts::detect(doc);
    }
}
