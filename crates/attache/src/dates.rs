//! Temporal expressions resolved against the publication date, and event dates.
//!
//! Owner: the diplomatic-system stage. (Skeleton: to be completed.)

use crate::doc::Doc;

/// Resolves dates: reads `sentences`, `meta.published`, `events`; fills `timexes`, `events[].date`.
pub fn resolve(doc: &mut Doc) {
    if let Some(p) = doc.meta.published {
        let d = p.format("%Y-%m-%d").to_string();
        for e in &mut doc.events {
            e.date.get_or_insert_with(|| d.clone());
        }
    }
}
