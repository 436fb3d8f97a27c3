//! PETRARCH/TABARI compatibility: readers for their actor, agent, discard and
//! verb dictionaries (PETRARCH-2 `CAMEO.2.0.txt` and the older PETRARCH-1
//! pattern format), a coder that applies them to raw text (no parse trees),
//! and `validate` for PETRARCH's XML validation files.
//!
//! ```
//! use attache::petrarch::Dictionaries;
//! let mut d = Dictionaries::default();
//! let mut diags = Vec::new();
//! d.read_actors("t.actors", "WIDGETLAND [WGT]\nGADGETIA [GDG]\n", &mut diags);
//! d.read_verbs("t.verbs", "--- CONDEMN [122] ---\nCONDEMN\n", &mut diags);
//! let events = d.code_text("Widgetland condemned Gadgetia.", None);
//! assert_eq!(events, vec![("WGT".to_string(), "GDG".to_string(), "122".to_string())]);
//! ```

pub mod actors;
pub mod agents;
pub mod coder;
pub mod dictfile;
pub mod discards;
pub mod phrases;
pub mod tokens;
pub mod validate;
pub mod verbs;

pub use dictfile::Diagnostic;

use crate::doc::Doc;
use crate::error::Error;
use chrono::NaiveDate;
use dictfile::Diagnostics;
use std::path::Path;

/// The kind of a dictionary file, recognised by its name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DictKind {
    /// `*verbs*` or `CAMEO*`.
    Verbs,
    /// `*actors*`.
    Actors,
    /// `*agents*`.
    Agents,
    /// `*discards*`.
    Discards,
    /// `*Issue*` (issue coding; recognised, not used for events).
    Issues,
}

impl DictKind {
    /// The kind of a file from its name, if it is a dictionary.
    pub fn of(name: &str) -> Option<DictKind> {
        let n = name.to_lowercase();
        if n.contains("verbs") || n.starts_with("cameo") {
            Some(DictKind::Verbs)
        } else if n.contains("actors") {
            Some(DictKind::Actors)
        } else if n.contains("agents") {
            Some(DictKind::Agents)
        } else if n.contains("discards") {
            Some(DictKind::Discards)
        } else if n.contains("issue") {
            Some(DictKind::Issues)
        } else {
            None
        }
    }
}

/// Dictionaries loaded from a `--dict` folder.
#[derive(Debug, Default)]
pub struct Dictionaries {
    /// Actors with their (dated) codes.
    pub actors: actors::ActorDict,
    /// Agents (sector roles).
    pub agents: agents::AgentDict,
    /// Sentence and story discards.
    pub discards: discards::Discards,
    /// Verbs, patterns and synsets.
    pub verbs: verbs::VerbDict,
}

impl Dictionaries {
    /// Loads every dictionary in `dir`, recognising each file's kind by its name.
    /// Bad lines are skipped and returned as diagnostics (`file:line: reason`),
    /// never fatal; only an unreadable folder is an error.
    pub fn load(dir: &Path) -> crate::Result<(Dictionaries, Vec<String>)> {
        let io = |e| Error::Io {
            path: dir.to_path_buf(),
            source: e,
        };
        let mut files: Vec<_> = std::fs::read_dir(dir)
            .map_err(io)?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.is_file())
            .collect();
        files.sort();
        let mut d = Dictionaries::default();
        let mut diags = Vec::new();
        for path in files {
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let Some(kind) = DictKind::of(&name) else {
                continue;
            };
            if kind == DictKind::Issues {
                continue;
            }
            let bytes = match std::fs::read(&path) {
                Ok(b) => b,
                Err(e) => {
                    diags.push(Diagnostic {
                        file: path.clone(),
                        line: 0,
                        reason: format!("could not read: {e}"),
                    });
                    continue;
                }
            };
            let text = String::from_utf8_lossy(&bytes);
            d.read(kind, &path, &text, &mut diags);
        }
        if d.verbs.blocks.is_empty() && d.actors.actors.is_empty() {
            diags.push(Diagnostic {
                file: dir.to_path_buf(),
                line: 0,
                reason: "no verb or actor dictionary found".into(),
            });
        }
        Ok((d, diags.iter().map(ToString::to_string).collect()))
    }

    /// Reads one dictionary text of the given kind.
    pub fn read(&mut self, kind: DictKind, path: &Path, text: &str, diags: &mut Vec<Diagnostic>) {
        let mut dg = Diagnostics::new(path, diags);
        match kind {
            DictKind::Verbs => self.verbs.read(text, &mut dg),
            DictKind::Actors => self.actors.read(text, &mut dg),
            DictKind::Agents => self.agents.read(text, &mut dg),
            DictKind::Discards => self.discards.read(text, &mut dg),
            DictKind::Issues => {}
        }
    }

    /// Reads an actor dictionary text.
    pub fn read_actors(&mut self, name: &str, text: &str, diags: &mut Vec<Diagnostic>) {
        self.read(DictKind::Actors, Path::new(name), text, diags);
    }

    /// Reads an agent dictionary text.
    pub fn read_agents(&mut self, name: &str, text: &str, diags: &mut Vec<Diagnostic>) {
        self.read(DictKind::Agents, Path::new(name), text, diags);
    }

    /// Reads a verb dictionary text (either format).
    pub fn read_verbs(&mut self, name: &str, text: &str, diags: &mut Vec<Diagnostic>) {
        self.read(DictKind::Verbs, Path::new(name), text, diags);
    }

    /// Reads a discard list text.
    pub fn read_discards(&mut self, name: &str, text: &str, diags: &mut Vec<Diagnostic>) {
        self.read(DictKind::Discards, Path::new(name), text, diags);
    }

    /// Codes one sentence of plain text: `(source, target, code)` triples.
    pub fn code_text(
        &self,
        sentence: &str,
        date: Option<NaiveDate>,
    ) -> Vec<(String, String, String)> {
        let toks = tokens::tokenize(sentence, 0);
        coder::code_tokens(self, &toks, date)
            .into_iter()
            .map(|(s, t, c, _, _)| (s, t, c))
            .collect()
    }
}

/// Codes events with PETRARCH dictionaries: reads `text`, `sentences`,
/// `meta.published`; adds to `events`.
pub fn code(doc: &mut Doc, dicts: &Dictionaries) {
    coder::code(doc, dicts)
}
