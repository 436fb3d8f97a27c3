//! Channels: the lines of diplomatic contact between actors (missions,
//! embassies, liaison offices, envoys, fallback contacts) and their changes.
//!
//! Owner: the diplomatic-system stage. (Skeleton: to be completed.)

use crate::doc::Doc;

/// Tracks channel changes: reads `sentences`, `mentions`, `events`, `timexes`, `quotes`; fills `channels`.
pub fn track(_doc: &mut Doc) {}

/// Writes the channels and relations section of the text report.
pub fn report(_doc: &Doc, _out: &mut String) {}
