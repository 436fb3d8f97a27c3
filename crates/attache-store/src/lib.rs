//! attache's store: one narrow trait, [`Store`], with two back ends — SQLite
//! (embedded default, `attache.db`, FTS5 full-text search) and PostgreSQL
//! (`postgres://…`, for shared deployments). The domain never sees SQL.
//!
//! - Articles are keyed by a content hash ([`content_hash`]): storing the same
//!   article twice changes nothing.
//! - Each article and all of its layers go in within one transaction, batched
//!   ([`Store::insert_batch`]), so an ingest killed at any moment loses at most
//!   the uncommitted batch and a re-run finishes the job without doubling.
//! - Event mentions from different articles are merged into real-world events
//!   by the rule in [`merge`] (same dyad, same root code, dates chained within
//!   [`merge::WINDOW_DAYS`] days).
//! - Migrations are append-only numbered SQL files embedded in the binary and
//!   applied on open.
//!
//! ```
//! use attache_store::{open, EventFilter, Page};
//! let dir = tempfile::tempdir().unwrap();
//! let url = format!("sqlite:{}", dir.path().join("a.db").display());
//! let mut store = open(&url).unwrap();
//! assert_eq!(store.counts().unwrap().articles, 0);
//! assert!(store.events(&EventFilter::default(), Page::first(10)).unwrap().is_empty());
//! ```

pub mod export;
pub mod merge;
mod migrate;
mod postgres;
mod record;
mod sql;
mod sqlite;

use attache::Doc;
use chrono::NaiveDate;
use serde::Serialize;
use std::collections::HashSet;

pub use record::{content_hash, raw_from_stored, NewArticle, StoredRaw};

/// Result with the store's [`StoreError`].
pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// Errors from the store.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum StoreError {
    /// The `--db` URL is not one we know.
    #[error("unsupported database url {0}: use sqlite:PATH or postgres://")]
    BadUrl(String),
    /// The SQLite back end failed.
    #[error("sqlite: {0}")]
    Sqlite(#[from] rusqlite::Error),
    /// The PostgreSQL back end failed.
    #[error("postgres: {0}")]
    Postgres(#[from] ::postgres::Error),
    /// A migration could not be applied.
    #[error("migration {version} ({name}): {reason}")]
    Migration {
        /// Its number.
        version: i64,
        /// Its file name.
        name: &'static str,
        /// Why.
        reason: String,
    },
    /// The database was written by a newer attache than this one.
    #[error("database schema version {found} is newer than this attache knows ({known})")]
    TooNew {
        /// Version found in the database.
        found: i64,
        /// Latest version this build knows.
        known: i64,
    },
    /// A value read back from the database was not what the schema promises.
    #[error("unexpected value in column {column}: {reason}")]
    Corrupt {
        /// The column.
        column: String,
        /// Why.
        reason: String,
    },
    /// Writing an export file failed.
    #[error("export to {path}: {reason}")]
    Export {
        /// The output file.
        path: String,
        /// Why.
        reason: String,
    },
}

/// Opens (creating if needed) the store at `url` and applies pending
/// migrations: `sqlite:PATH`, a bare path, or `postgres://…`.
pub fn open(url: &str) -> Result<Box<dyn Store>> {
    if url.starts_with("postgres://") || url.starts_with("postgresql://") {
        Ok(Box::new(sql::SqlStore::new(postgres::PgConn::connect(
            url,
        )?)?))
    } else if let Some(path) = url.strip_prefix("sqlite:") {
        let path = path.strip_prefix("//").unwrap_or(path);
        Ok(Box::new(sql::SqlStore::new(sqlite::LiteConn::open(path)?)?))
    } else if url.contains("://") || url.is_empty() {
        Err(StoreError::BadUrl(url.to_string()))
    } else {
        Ok(Box::new(sql::SqlStore::new(sqlite::LiteConn::open(url)?)?))
    }
}

/// A window of results: skip `offset`, return at most `limit`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Page {
    /// Rows to skip.
    pub offset: u64,
    /// Rows to return at most.
    pub limit: u64,
}

impl Page {
    /// The first `limit` rows.
    pub fn first(limit: u64) -> Page {
        Page { offset: 0, limit }
    }
    /// Every row.
    pub fn all() -> Page {
        Page {
            offset: 0,
            limit: i64::MAX as u64,
        }
    }
}

/// Which events (or event mentions) to return. Codes match by prefix
/// (`RUS` matches `RUSGOV`; code `19` matches `190`–`196`); a dyad matches
/// in both directions; dates are inclusive.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct EventFilter {
    /// Source or target actor code prefix.
    pub actor: Option<String>,
    /// Two actor code prefixes, either one the source and the other the target.
    pub dyad: Option<(String, String)>,
    /// CAMEO event code prefix (a root such as `19`, or a full code).
    pub code: Option<String>,
    /// First day.
    pub from: Option<NaiveDate>,
    /// Last day.
    pub to: Option<NaiveDate>,
}

/// Which quotations to return.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct QuoteFilter {
    /// Speaker actor code prefix.
    pub actor: Option<String>,
    /// Words in the speaker's name (case-insensitive substring).
    pub speaker: Option<String>,
    /// Full-text search over the quotation text.
    pub text: Option<String>,
    /// First day (publication date of the article).
    pub from: Option<NaiveDate>,
    /// Last day.
    pub to: Option<NaiveDate>,
}

/// Which channel changes to return.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ChannelFilter {
    /// Holder or host code prefix.
    pub actor: Option<String>,
    /// Holder and host code prefixes, in either order.
    pub dyad: Option<(String, String)>,
    /// First day.
    pub from: Option<NaiveDate>,
    /// Last day.
    pub to: Option<NaiveDate>,
}

/// How many rows each table holds.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    /// Articles.
    pub articles: u64,
    /// Sentences.
    pub sentences: u64,
    /// Entities.
    pub entities: u64,
    /// Mentions of entities.
    pub mentions: u64,
    /// Quotations.
    pub quotes: u64,
    /// Event mentions (one per coded sentence).
    pub event_mentions: u64,
    /// Merged real-world events.
    pub events: u64,
    /// Channel changes.
    pub channels: u64,
    /// Conflicts.
    pub conflicts: u64,
}

/// An article as listed by a search.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ArticleSummary {
    /// Store id.
    pub id: i64,
    /// Content hash.
    pub hash: String,
    /// File or feed line it came from.
    pub origin: String,
    /// The feed's id.
    pub ext_id: Option<String>,
    /// URL.
    pub url: Option<String>,
    /// Outlet.
    pub outlet: Option<String>,
    /// Headline.
    pub headline: Option<String>,
    /// Publication date.
    pub published: Option<String>,
    /// Engine version that analysed it.
    pub engine_version: String,
}

/// A sentence of a stored article.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SentenceRow {
    /// Index in the article.
    pub index: i64,
    /// First byte.
    pub start: i64,
    /// One past the last byte.
    pub end: i64,
    /// Paragraph index.
    pub paragraph: i64,
}

/// An entity of a stored article.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct EntityRow {
    /// Index in the article.
    pub id: i64,
    /// Canonical name.
    pub name: String,
    /// CAMEO actor code.
    pub code: Option<String>,
    /// state, organization, person, group or place.
    pub kind: String,
    /// Roles.
    pub roles: Vec<String>,
    /// ISO country code.
    pub country: Option<String>,
}

/// A mention of an entity in a stored article.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MentionRow {
    /// Entity index.
    pub entity: i64,
    /// First byte.
    pub start: i64,
    /// One past the last byte.
    pub end: i64,
    /// Sentence index.
    pub sentence: i64,
    /// name, nominal, pronoun, demonym or metonym.
    pub kind: String,
}

/// A quotation.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct QuoteRow {
    /// Store id.
    pub id: i64,
    /// Article id.
    pub article_id: i64,
    /// Index in the article.
    pub index: i64,
    /// First byte in the article text.
    pub start: i64,
    /// One past the last byte.
    pub end: i64,
    /// The words.
    pub text: String,
    /// direct or indirect.
    pub kind: String,
    /// Speaker name.
    pub speaker_name: Option<String>,
    /// Speaker actor code.
    pub speaker_code: Option<String>,
    /// Publication date of the article.
    pub date: Option<String>,
    /// Outlet of the article.
    pub outlet: Option<String>,
}

/// One event as coded in one sentence of one article.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct EventMentionRow {
    /// Store id.
    pub id: i64,
    /// Article id.
    pub article_id: i64,
    /// Index in the article.
    pub index: i64,
    /// Sentence index.
    pub sentence: i64,
    /// Source actor code.
    pub source: Option<String>,
    /// Target actor code.
    pub target: Option<String>,
    /// Full CAMEO code.
    pub cameo: String,
    /// Root code.
    pub root: String,
    /// Quad class.
    pub quad_class: Option<i64>,
    /// Goldstein value.
    pub goldstein: Option<f64>,
    /// PLOVER category.
    pub plover: Option<String>,
    /// asserted, intended, proposed, reported, negated or hypothetical.
    pub status: String,
    /// Date as resolved in the text.
    pub date: Option<String>,
    /// Day used for merging.
    pub day: Option<String>,
    /// Trigger's first byte.
    pub trigger_start: i64,
    /// Trigger's end byte.
    pub trigger_end: i64,
    /// Trigger text.
    pub trigger: String,
    /// Index of the quotation it is asserted in.
    pub quote: Option<i64>,
    /// Outlet of the article.
    pub outlet: Option<String>,
    /// URL (or origin) of the article.
    pub url: Option<String>,
    /// The target is the other side of the article's dyad, not named in the sentence.
    pub target_inferred: bool,
}

/// A real-world event: event mentions merged across articles.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct EventRow {
    /// Store id, derived from the first mention (stable across runs).
    pub id: i64,
    /// First day it was reported for.
    pub date: Option<String>,
    /// Last day.
    pub last_date: Option<String>,
    /// Source actor code.
    pub source: Option<String>,
    /// Target actor code.
    pub target: Option<String>,
    /// The most frequent full CAMEO code among its mentions.
    pub cameo: String,
    /// Root code.
    pub root: String,
    /// Quad class.
    pub quad_class: Option<i64>,
    /// Goldstein value.
    pub goldstein: Option<f64>,
    /// PLOVER category.
    pub plover: Option<String>,
    /// Label of the CAMEO code.
    pub label: Option<String>,
    /// Mentions (GDELT NumMentions).
    pub num_mentions: i64,
    /// Distinct articles (GDELT NumArticles).
    pub num_articles: i64,
    /// Distinct outlets (GDELT NumSources).
    pub num_sources: i64,
    /// URL or origin of the first article.
    pub source_url: Option<String>,
}

/// A channel change.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ChannelRow {
    /// Store id.
    pub id: i64,
    /// Article id.
    pub article_id: i64,
    /// Holder actor code.
    pub holder: Option<String>,
    /// Host actor code.
    pub host: Option<String>,
    /// Readable name.
    pub name: String,
    /// Kind of channel.
    pub kind: String,
    /// What happened.
    pub change: String,
    /// Date as resolved in the text.
    pub date: Option<String>,
    /// Day used for ordering (the date, else the publication date).
    pub day: Option<String>,
    /// Evidence sentence.
    pub sentence: i64,
    /// City.
    pub location: Option<String>,
    /// How sure the text is ("asserted", "intended", "hypothetical", …): only
    /// asserted changes move the channel's state.
    pub status: String,
}

/// A conflict between claims in a stored article.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ConflictRow {
    /// What the claims are about.
    pub topic: String,
    /// The claims, as JSON objects.
    pub claims: serde_json::Value,
}

/// Events of one period and root code.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct TimelineRow {
    /// `YYYY-MM`.
    pub period: String,
    /// CAMEO root code.
    pub root: String,
    /// Merged events.
    pub events: i64,
    /// Event mentions.
    pub mentions: i64,
}

/// A stored article with every layer.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ArticleView {
    /// The article.
    pub article: ArticleSummary,
    /// The byline.
    pub byline: Option<String>,
    /// The cleaned text all offsets point into.
    pub text: String,
    /// Sentences.
    pub sentences: Vec<SentenceRow>,
    /// Entities.
    pub entities: Vec<EntityRow>,
    /// Mentions.
    pub mentions: Vec<MentionRow>,
    /// Quotations.
    pub quotes: Vec<QuoteRow>,
    /// Event mentions.
    pub events: Vec<EventMentionRow>,
    /// Channel changes.
    pub channels: Vec<ChannelRow>,
    /// Conflicts.
    pub conflicts: Vec<ConflictRow>,
}

/// What [`Store::insert_batch`] did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct BatchOutcome {
    /// Articles stored.
    pub inserted: usize,
    /// Articles already present (same content hash), left as they were.
    pub skipped: usize,
}

/// The store: everything attache's front ends need, and nothing about SQL.
pub trait Store: Send {
    /// `sqlite` or `postgres`.
    fn backend(&self) -> &'static str;
    /// Which of these content hashes are already stored.
    fn known_hashes(&mut self, hashes: &[String]) -> Result<HashSet<String>>;
    /// The id of the article with this content hash.
    fn article_id(&mut self, hash: &str) -> Result<Option<i64>>;
    /// Stores analysed articles with every layer, in one transaction, and
    /// re-merges the events they touch. Articles whose hash is already stored
    /// are skipped.
    fn insert_batch(&mut self, articles: &[NewArticle]) -> Result<BatchOutcome>;
    /// Articles analysed by another engine version than `engine_version`
    /// (at most `limit`), with what is needed to analyse them again.
    fn stale_articles(&mut self, engine_version: &str, limit: u64) -> Result<Vec<StoredRaw>>;
    /// Replaces the analysis of stored articles (by id) in one transaction.
    fn replace_analysis(&mut self, docs: &[(i64, Doc)], engine_version: &str) -> Result<()>;
    /// Row counts.
    fn counts(&mut self) -> Result<Counts>;
    /// Articles matching the words of `query` (all of them), or every article
    /// when `None`; newest first.
    fn search_articles(&mut self, query: Option<&str>, page: Page) -> Result<Vec<ArticleSummary>>;
    /// One article with every layer.
    fn article(&mut self, id: i64) -> Result<Option<ArticleView>>;
    /// Merged events, oldest first.
    fn events(&mut self, filter: &EventFilter, page: Page) -> Result<Vec<EventRow>>;
    /// One merged event and the mentions it was merged from.
    fn event(&mut self, id: i64) -> Result<Option<(EventRow, Vec<EventMentionRow>)>>;
    /// Event mentions, oldest first.
    fn event_mentions(&mut self, filter: &EventFilter, page: Page) -> Result<Vec<EventMentionRow>>;
    /// Quotations, oldest first.
    fn quotes(&mut self, filter: &QuoteFilter, page: Page) -> Result<Vec<QuoteRow>>;
    /// Channel changes, oldest first.
    fn channels(&mut self, filter: &ChannelFilter, page: Page) -> Result<Vec<ChannelRow>>;
    /// Merged events per month and root code, oldest first.
    fn timeline(&mut self, filter: &EventFilter) -> Result<Vec<TimelineRow>>;
}

/// The state of each channel of a dyad as of a day: for every channel
/// (holder, host, kind) the latest asserted change on or before `as_of` (or
/// the latest of all when `None`); intended, hypothetical, reported and
/// negated changes move nothing. `changes` must be oldest first.
pub fn channel_state_at(changes: &[ChannelRow], as_of: Option<NaiveDate>) -> Vec<ChannelRow> {
    let limit = as_of.map(|d| d.format("%Y-%m-%d").to_string());
    let mut state: Vec<ChannelRow> = Vec::new();
    for c in changes.iter().filter(|c| c.status == "asserted") {
        if let (Some(limit), Some(day)) = (&limit, &c.day) {
            if day > limit {
                continue;
            }
        }
        let same = |s: &ChannelRow| s.holder == c.holder && s.host == c.host && s.kind == c.kind;
        match state.iter_mut().find(|s| same(s)) {
            Some(s) => *s = c.clone(),
            None => state.push(c.clone()),
        }
    }
    state
}
