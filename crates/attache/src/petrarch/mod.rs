//! PETRARCH/TABARI compatibility: readers for their actor, agent, discard and
//! verb dictionaries (PETRARCH-2 `CAMEO.2.0.txt` and the older PETRARCH-1
//! pattern format), a coder that applies them to raw text, and `validate`.
//!
//! Owner: the PETRARCH compatibility stage. (Skeleton: to be completed.)

use crate::doc::Doc;
use std::path::Path;

/// Dictionaries loaded from a `--dict` folder.
#[derive(Debug, Default)]
pub struct Dictionaries {}

impl Dictionaries {
    /// Loads every dictionary in `dir`, recognising each file's kind by its name.
    /// Bad lines are skipped and returned as diagnostics, never fatal.
    pub fn load(_dir: &Path) -> crate::Result<(Dictionaries, Vec<String>)> {
        Ok((Dictionaries {}, Vec::new()))
    }
}

/// Codes events with PETRARCH dictionaries: reads `sentences`, `tokens`;
/// adds to `entities`, `mentions`, `events`.
pub fn code(_doc: &mut Doc, _dicts: &Dictionaries) {}
