//! Quotations and speakers: direct quotations and reported statements, each
//! with its speaker linked to an entity.
//!
//! Owner: the quotation stage. (Skeleton: to be completed.)

use crate::doc::Doc;

/// Finds statements: reads `sentences`, `tokens`, `entities`, `mentions`; fills `quotes`.
pub fn attribute(_doc: &mut Doc) {}

/// Writes the quotations section of the text report, grouped by speaker.
pub fn report(_doc: &Doc, _out: &mut String) {}
