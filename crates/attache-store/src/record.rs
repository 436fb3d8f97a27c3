//! What goes into the store for one article: the raw article (for
//! `--reprocess`), its content hash, and the analysed [`Doc`].

use attache::doc::Metadata;
use attache::input::{Format, RawArticle};
use attache::Doc;
use chrono::NaiveDate;
use serde_json::{json, Value};
use sha2::{Digest, Sha256};

/// An analysed article ready to be stored.
#[derive(Clone, Debug)]
pub struct NewArticle {
    /// [`content_hash`] of the raw article.
    pub hash: String,
    /// Where it was read from ("a.txt", "feed.jsonl:3").
    pub origin: String,
    /// `plain` or `html`.
    pub format: &'static str,
    /// The content as read.
    pub raw: String,
    /// Metadata known before cleaning, as JSON (see [`raw_from_stored`]).
    pub raw_meta: String,
    /// The analysis.
    pub doc: Doc,
    /// Version of the engine that analysed it.
    pub engine_version: String,
}

impl NewArticle {
    /// Pairs a raw article with its analysis by the current engine.
    pub fn new(raw: &RawArticle, doc: Doc) -> NewArticle {
        NewArticle {
            hash: content_hash(raw),
            origin: raw.origin.clone(),
            format: format_name(raw.format),
            raw: raw.content.clone(),
            raw_meta: meta_to_json(&raw.meta).to_string(),
            doc,
            engine_version: attache::ENGINE_VERSION.to_string(),
        }
    }
}

/// A stored article's raw form, to analyse it again.
#[derive(Clone, Debug, PartialEq)]
pub struct StoredRaw {
    /// Store id.
    pub id: i64,
    /// Where it was read from.
    pub origin: String,
    /// `plain` or `html`.
    pub format: String,
    /// The content as read.
    pub raw: String,
    /// Metadata known before cleaning, as JSON.
    pub raw_meta: String,
}

/// The key of an article: SHA-256 (hex) over its format, the publication
/// date known before cleaning and its content. The origin is left out, so the
/// same article read from two places is stored once.
pub fn content_hash(raw: &RawArticle) -> String {
    let mut h = Sha256::new();
    h.update(format_name(raw.format).as_bytes());
    h.update([0]);
    if let Some(p) = raw.meta.published {
        h.update(p.format("%Y-%m-%d").to_string().as_bytes());
    }
    h.update([0]);
    h.update(raw.content.as_bytes());
    hex(&h.finalize())
}

/// Rebuilds the raw article of a stored one, to analyse it again.
pub fn raw_from_stored(s: &StoredRaw) -> RawArticle {
    let meta: Value = serde_json::from_str(&s.raw_meta).unwrap_or(Value::Null);
    let text = |k: &str| meta.get(k).and_then(Value::as_str).map(str::to_string);
    let list = |k: &str| -> Vec<String> {
        meta.get(k)
            .and_then(Value::as_array)
            .map(|a| {
                a.iter()
                    .filter_map(|v| v.as_str().map(str::to_string))
                    .collect()
            })
            .unwrap_or_default()
    };
    RawArticle {
        origin: s.origin.clone(),
        meta: Metadata {
            id: text("id"),
            url: text("url"),
            outlet: text("outlet"),
            headline: text("headline"),
            byline: text("byline"),
            authors: list("authors"),
            place: text("place"),
            email: text("email"),
            published: text("published")
                .and_then(|d| NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok()),
            sections: list("sections"),
        },
        format: if s.format == "html" {
            Format::Html
        } else {
            Format::Plain
        },
        content: s.raw.clone(),
        warnings: Vec::new(),
    }
}

fn meta_to_json(m: &Metadata) -> Value {
    json!({
        "id": m.id, "url": m.url, "outlet": m.outlet, "headline": m.headline,
        "byline": m.byline, "authors": m.authors, "place": m.place, "email": m.email,
        "published": m.published.map(|d| d.format("%Y-%m-%d").to_string()),
        "sections": m.sections,
    })
}

fn format_name(f: Format) -> &'static str {
    match f {
        Format::Html => "html",
        _ => "plain",
    }
}

pub(crate) fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The snake_case name serde gives a unit enum variant.
pub(crate) fn enum_name<T: serde::Serialize>(v: &T) -> String {
    match serde_json::to_value(v) {
        Ok(Value::String(s)) => s,
        _ => String::new(),
    }
}

/// The day an event or channel change is placed on: its own date when it
/// names a day, else the article's publication date.
pub(crate) fn effective_day(date: Option<&str>, published: Option<NaiveDate>) -> Option<String> {
    if let Some(d) = date {
        if NaiveDate::parse_from_str(d, "%Y-%m-%d").is_ok() {
            return Some(d.to_string());
        }
    }
    published.map(|p| p.format("%Y-%m-%d").to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hash_ignores_origin_but_not_content_or_date() {
        let a = RawArticle::plain("a.txt", "Kenya recalled its envoy.");
        let b = RawArticle::plain("b.txt", "Kenya recalled its envoy.");
        let c = RawArticle::plain("a.txt", "Kenya recalled its ambassador.");
        let mut d = a.clone();
        d.meta.published = NaiveDate::from_ymd_opt(2024, 1, 2);
        assert_eq!(content_hash(&a), content_hash(&b));
        assert_ne!(content_hash(&a), content_hash(&c));
        assert_ne!(content_hash(&a), content_hash(&d));
        assert_eq!(content_hash(&a).len(), 64);
    }

    #[test]
    fn raw_round_trips_through_storage() {
        let mut raw = RawArticle::plain("feed.jsonl:2", "Text.");
        raw.meta.outlet = Some("Example Wire".into());
        raw.meta.published = NaiveDate::from_ymd_opt(2026, 3, 5);
        raw.meta.sections = vec!["World".into()];
        let n = NewArticle::new(&raw, Doc::default());
        let s = StoredRaw {
            id: 1,
            origin: n.origin,
            format: n.format.into(),
            raw: n.raw,
            raw_meta: n.raw_meta,
        };
        assert_eq!(raw_from_stored(&s), raw);
    }

    #[test]
    fn effective_day_table() {
        let p = NaiveDate::from_ymd_opt(2021, 10, 19);
        for (date, published, want) in [
            (Some("2021-10-18"), p, Some("2021-10-18")),
            (Some("2021-10"), p, Some("2021-10-19")),
            (Some("2021"), None, None),
            (None, p, Some("2021-10-19")),
            (None, None, None),
        ] {
            assert_eq!(effective_day(date, published).as_deref(), want, "{date:?}");
        }
    }
}
