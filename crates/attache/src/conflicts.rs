//! Conflicting claims: statements by different speakers about one matter that
//! contradict each other.
//!
//! Owner: the diplomatic-system stage. (Skeleton: to be completed.)

use crate::doc::Doc;

/// Detects conflicts: reads `quotes`, `events`, `mentions`; fills `conflicts`.
pub fn detect(_doc: &mut Doc) {}

/// Writes the conflicts section of the text report.
pub fn report(_doc: &Doc, _out: &mut String) {}
