//! The store written once over a minimal connection trait ([`Conn`]) that
//! each back end implements. SQL here is the common subset of SQLite and
//! PostgreSQL (`?` placeholders, rewritten to `$n` for PostgreSQL); the few
//! differences (full-text search, locking) branch on [`Dialect`].

use crate::merge::{self, MergeInput};
use crate::record::{effective_day, enum_name};
use crate::*;
use attache::events::cameo;
use std::collections::BTreeSet;

/// Which SQL dialect a connection speaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Dialect {
    Sqlite,
    Postgres,
}

/// A value bound to or read from a statement.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum V {
    Null,
    Int(i64),
    Real(f64),
    Text(String),
}

impl From<i64> for V {
    fn from(v: i64) -> V {
        V::Int(v)
    }
}
impl From<usize> for V {
    fn from(v: usize) -> V {
        V::Int(v as i64)
    }
}
impl From<f64> for V {
    fn from(v: f64) -> V {
        V::Real(v)
    }
}
impl From<&str> for V {
    fn from(v: &str) -> V {
        V::Text(v.to_string())
    }
}
impl From<String> for V {
    fn from(v: String) -> V {
        V::Text(v)
    }
}
impl From<&String> for V {
    fn from(v: &String) -> V {
        V::Text(v.clone())
    }
}
impl<T: Into<V>> From<Option<T>> for V {
    fn from(v: Option<T>) -> V {
        v.map_or(V::Null, Into::into)
    }
}

/// A result row.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Row(pub Vec<V>);

impl Row {
    fn get(&self, i: usize) -> Result<&V> {
        self.0.get(i).ok_or_else(|| corrupt(i, "missing column"))
    }
    pub fn int(&self, i: usize) -> Result<i64> {
        self.opt_int(i)?
            .ok_or_else(|| corrupt(i, "unexpected null"))
    }
    pub fn opt_int(&self, i: usize) -> Result<Option<i64>> {
        match self.get(i)? {
            V::Null => Ok(None),
            V::Int(v) => Ok(Some(*v)),
            V::Real(v) => Ok(Some(*v as i64)),
            V::Text(t) => t
                .parse()
                .map(Some)
                .map_err(|_| corrupt(i, "not an integer")),
        }
    }
    pub fn opt_real(&self, i: usize) -> Result<Option<f64>> {
        match self.get(i)? {
            V::Null => Ok(None),
            V::Int(v) => Ok(Some(*v as f64)),
            V::Real(v) => Ok(Some(*v)),
            V::Text(t) => t.parse().map(Some).map_err(|_| corrupt(i, "not a number")),
        }
    }
    pub fn text(&self, i: usize) -> Result<String> {
        self.opt_text(i)?
            .ok_or_else(|| corrupt(i, "unexpected null"))
    }
    pub fn opt_text(&self, i: usize) -> Result<Option<String>> {
        match self.get(i)? {
            V::Null => Ok(None),
            V::Int(v) => Ok(Some(v.to_string())),
            V::Real(v) => Ok(Some(v.to_string())),
            V::Text(t) => Ok(Some(t.clone())),
        }
    }
    /// Text where '' stands for "none" (actor codes of event mentions).
    fn code(&self, i: usize) -> Result<Option<String>> {
        Ok(self.opt_text(i)?.filter(|s| !s.is_empty()))
    }
}

fn corrupt(i: usize, reason: &str) -> StoreError {
    StoreError::Corrupt {
        column: format!("#{i}"),
        reason: reason.into(),
    }
}

/// What a back end provides: statements with `?` placeholders.
pub(crate) trait Conn: Send {
    fn dialect(&self) -> Dialect;
    /// Runs several statements without parameters.
    fn batch(&mut self, sql: &str) -> Result<()>;
    /// Runs one statement; returns the rows changed.
    fn exec(&mut self, sql: &str, params: &[V]) -> Result<u64>;
    /// Runs one query.
    fn query(&mut self, sql: &str, params: &[V]) -> Result<Vec<Row>>;
}

/// The one implementation of [`Store`], over any [`Conn`].
pub(crate) struct SqlStore<C: Conn> {
    conn: C,
}

type Key = (String, String, String);

/// `WHERE` clauses and their parameters, built from filters.
#[derive(Default)]
struct Where {
    clauses: Vec<String>,
    params: Vec<V>,
}

impl Where {
    fn add(&mut self, clause: &str, params: impl IntoIterator<Item = V>) {
        self.clauses.push(clause.to_string());
        self.params.extend(params);
    }
    fn sql(&self) -> String {
        if self.clauses.is_empty() {
            String::new()
        } else {
            format!(" WHERE {}", self.clauses.join(" AND "))
        }
    }
    /// Code prefix on either of two columns.
    fn either(&mut self, a: &str, b: &str, code: &str) {
        let p = prefix(code);
        self.add(
            &format!("({a} LIKE ? ESCAPE '\\' OR {b} LIKE ? ESCAPE '\\')"),
            [p.clone(), p],
        );
    }
    /// A dyad on two columns, in either direction.
    fn dyad(&mut self, a: &str, b: &str, (x, y): &(String, String)) {
        let (px, py) = (prefix(x), prefix(y));
        self.add(
            &format!(
                "(({a} LIKE ? ESCAPE '\\' AND {b} LIKE ? ESCAPE '\\') OR ({a} LIKE ? ESCAPE '\\' AND {b} LIKE ? ESCAPE '\\'))"
            ),
            [px.clone(), py.clone(), py, px],
        );
    }
    fn dates(&mut self, first: &str, last: &str, from: Option<NaiveDate>, to: Option<NaiveDate>) {
        if let Some(f) = from {
            self.add(&format!("{last} >= ?"), [day(f)]);
        }
        if let Some(t) = to {
            self.add(&format!("{first} <= ?"), [day(t)]);
        }
    }
}

fn day(d: NaiveDate) -> V {
    V::Text(d.format("%Y-%m-%d").to_string())
}

/// A LIKE pattern matching values that start with `code` (upper-cased).
fn prefix(code: &str) -> V {
    let mut p = String::new();
    for c in code.trim().to_uppercase().chars() {
        if matches!(c, '%' | '_' | '\\') {
            p.push('\\');
        }
        p.push(c);
    }
    p.push('%');
    V::Text(p)
}

/// The words of a search, as an FTS5 query (each word quoted: no operators).
fn fts5_query(q: &str) -> String {
    words(q)
        .iter()
        .map(|w| format!("\"{w}\""))
        .collect::<Vec<_>>()
        .join(" ")
}

fn words(q: &str) -> Vec<String> {
    q.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

fn limit(page: Page) -> [V; 2] {
    [
        V::Int(page.limit.min(i64::MAX as u64) as i64),
        V::Int(page.offset.min(i64::MAX as u64) as i64),
    ]
}

const EVENT_COLS: &str = "id, first_day, last_day, source, target, cameo, root, quad_class, \
     goldstein, plover, label, num_mentions, num_articles, num_sources, source_url";

fn event_row(r: &Row) -> Result<EventRow> {
    Ok(EventRow {
        id: r.int(0)?,
        date: r.opt_text(1)?,
        last_date: r.opt_text(2)?,
        source: r.code(3)?,
        target: r.code(4)?,
        cameo: r.text(5)?,
        root: r.text(6)?,
        quad_class: r.opt_int(7)?,
        goldstein: r.opt_real(8)?,
        plover: r.opt_text(9)?,
        label: r.opt_text(10)?,
        num_mentions: r.int(11)?,
        num_articles: r.int(12)?,
        num_sources: r.int(13)?,
        source_url: r.opt_text(14)?,
    })
}

const MENTION_COLS: &str = "m.id, m.article_id, m.idx, m.sentence, m.source, m.target, m.cameo, \
     m.root, m.quad_class, m.goldstein, m.plover, m.status, m.date, m.day, m.trigger_start, \
     m.trigger_end, m.trigger_text, m.quote_idx, a.outlet, coalesce(a.url, a.origin), \
     m.target_inferred";

fn mention_row(r: &Row) -> Result<EventMentionRow> {
    Ok(EventMentionRow {
        id: r.int(0)?,
        article_id: r.int(1)?,
        index: r.int(2)?,
        sentence: r.int(3)?,
        source: r.code(4)?,
        target: r.code(5)?,
        cameo: r.text(6)?,
        root: r.text(7)?,
        quad_class: r.opt_int(8)?,
        goldstein: r.opt_real(9)?,
        plover: r.opt_text(10)?,
        status: r.text(11)?,
        date: r.opt_text(12)?,
        day: r.opt_text(13)?,
        trigger_start: r.int(14)?,
        trigger_end: r.int(15)?,
        trigger: r.text(16)?,
        quote: r.opt_int(17)?,
        outlet: r.opt_text(18)?,
        url: r.opt_text(19)?,
        target_inferred: r.int(20)? != 0,
    })
}

const QUOTE_COLS: &str = "q.id, q.article_id, q.idx, q.start_byte, q.end_byte, q.text, q.kind, \
     q.speaker_name, q.speaker_code, q.day, a.outlet";

fn quote_row(r: &Row) -> Result<QuoteRow> {
    Ok(QuoteRow {
        id: r.int(0)?,
        article_id: r.int(1)?,
        index: r.int(2)?,
        start: r.int(3)?,
        end: r.int(4)?,
        text: r.text(5)?,
        kind: r.text(6)?,
        speaker_name: r.opt_text(7)?,
        speaker_code: r.opt_text(8)?,
        date: r.opt_text(9)?,
        outlet: r.opt_text(10)?,
    })
}

const CHANNEL_COLS: &str =
    "id, article_id, holder, host, name, kind, change, date, day, sentence, location, status";

fn channel_row(r: &Row) -> Result<ChannelRow> {
    Ok(ChannelRow {
        id: r.int(0)?,
        article_id: r.int(1)?,
        holder: r.opt_text(2)?,
        host: r.opt_text(3)?,
        name: r.text(4)?,
        kind: r.text(5)?,
        change: r.text(6)?,
        date: r.opt_text(7)?,
        day: r.opt_text(8)?,
        sentence: r.int(9)?,
        location: r.opt_text(10)?,
        status: r.text(11)?,
    })
}

const ARTICLE_COLS: &str =
    "id, hash, origin, ext_id, url, outlet, headline, published, engine_version";

fn article_row(r: &Row) -> Result<ArticleSummary> {
    Ok(ArticleSummary {
        id: r.int(0)?,
        hash: r.text(1)?,
        origin: r.text(2)?,
        ext_id: r.opt_text(3)?,
        url: r.opt_text(4)?,
        outlet: r.opt_text(5)?,
        headline: r.opt_text(6)?,
        published: r.opt_text(7)?,
        engine_version: r.text(8)?,
    })
}

fn span_text(doc: &Doc, s: attache::Span) -> String {
    doc.text.get(s.start..s.end).unwrap_or("").to_string()
}

impl<C: Conn> SqlStore<C> {
    /// Wraps a connection, applying pending migrations.
    pub fn new(mut conn: C) -> Result<SqlStore<C>> {
        crate::migrate::apply(&mut conn, crate::migrate::LATEST)?;
        Ok(SqlStore { conn })
    }

    /// Runs `f` in a transaction: committed when it returns `Ok`, rolled back otherwise.
    fn in_tx<T>(&mut self, f: impl FnOnce(&mut Self) -> Result<T>) -> Result<T> {
        self.conn.batch("BEGIN")?;
        if self.conn.dialect() == Dialect::Postgres {
            // One writer at a time re-merges events; readers are never blocked.
            self.conn.query("SELECT pg_advisory_xact_lock(7071)", &[])?;
        }
        match f(self) {
            Ok(v) => {
                self.conn.batch("COMMIT")?;
                Ok(v)
            }
            Err(e) => {
                let _ = self.conn.batch("ROLLBACK");
                Err(e)
            }
        }
    }

    /// Writes every layer of `doc` for article `id`; returns the event keys touched.
    fn insert_layers(&mut self, id: i64, doc: &Doc, keys: &mut BTreeSet<Key>) -> Result<()> {
        let c = &mut self.conn;
        let published = doc.meta.published;
        for (i, s) in doc.sentences.iter().enumerate() {
            c.exec(
                "INSERT INTO sentences (article_id, idx, start_byte, end_byte, paragraph) VALUES (?, ?, ?, ?, ?)",
                &[id.into(), i.into(), s.span.start.into(), s.span.end.into(), s.paragraph.into()],
            )?;
        }
        for (i, e) in doc.entities.iter().enumerate() {
            c.exec(
                "INSERT INTO entities (article_id, idx, name, code, kind, roles, country) VALUES (?, ?, ?, ?, ?, ?, ?)",
                &[
                    id.into(),
                    i.into(),
                    (&e.name).into(),
                    e.code.clone().into(),
                    enum_name(&e.kind).into(),
                    serde_json::to_string(&e.roles).unwrap_or_else(|_| "[]".into()).into(),
                    e.country.clone().into(),
                ],
            )?;
        }
        for (i, m) in doc.mentions.iter().enumerate() {
            c.exec(
                "INSERT INTO mentions (article_id, idx, entity, start_byte, end_byte, sentence, kind) VALUES (?, ?, ?, ?, ?, ?, ?)",
                &[
                    id.into(),
                    i.into(),
                    m.entity.into(),
                    m.span.start.into(),
                    m.span.end.into(),
                    m.sentence.into(),
                    enum_name(&m.kind).into(),
                ],
            )?;
        }
        let pub_day = published.map(day).unwrap_or(V::Null);
        for (i, q) in doc.quotes.iter().enumerate() {
            let text = span_text(doc, q.span);
            let rows = c.query(
                "INSERT INTO quotes (article_id, idx, start_byte, end_byte, text, kind, speaker_name, \
                 speaker_code, speaker_entity, cue_start, cue_end, day) \
                 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                &[
                    id.into(),
                    i.into(),
                    q.span.start.into(),
                    q.span.end.into(),
                    (&text).into(),
                    enum_name(&q.kind).into(),
                    q.speaker.name.clone().into(),
                    q.speaker.code.clone().into(),
                    q.speaker.entity.into(),
                    q.cue.map(|s| s.start).into(),
                    q.cue.map(|s| s.end).into(),
                    pub_day.clone(),
                ],
            )?;
            if c.dialect() == Dialect::Sqlite {
                let qid = rows
                    .first()
                    .ok_or_else(|| corrupt(0, "no quote id"))?
                    .int(0)?;
                c.exec(
                    "INSERT INTO quotes_fts (rowid, text, speaker) VALUES (?, ?, ?)",
                    &[
                        qid.into(),
                        text.into(),
                        q.speaker.name.clone().unwrap_or_default().into(),
                    ],
                )?;
            }
        }
        for (i, e) in doc.events.iter().enumerate() {
            let info = cameo::lookup(&e.cameo);
            let root = e.cameo.get(..2).unwrap_or(&e.cameo).to_string();
            let source = e.source.clone().unwrap_or_default();
            let target = e.target.clone().unwrap_or_default();
            keys.insert((source.clone(), target.clone(), root.clone()));
            c.exec(
                "INSERT INTO event_mentions (article_id, idx, sentence, source, target, source_entity, \
                 target_entity, cameo, root, quad_class, goldstein, plover, label, status, date, day, \
                 trigger_start, trigger_end, trigger_text, quote_idx, location, target_inferred) \
                 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                &[
                    id.into(),
                    i.into(),
                    e.sentence.into(),
                    source.into(),
                    target.into(),
                    e.source_entity.into(),
                    e.target_entity.into(),
                    (&e.cameo).into(),
                    root.into(),
                    info.map(|i| i64::from(i.quad_class))
                        .or_else(|| cameo::quad_class(&e.cameo).map(i64::from))
                        .into(),
                    info.map(|i| f64::from(i.goldstein)).into(),
                    info.map(|i| i.plover).into(),
                    info.map(|i| i.label).into(),
                    enum_name(&e.status).into(),
                    e.date.clone().into(),
                    effective_day(e.date.as_deref(), published).into(),
                    e.trigger.start.into(),
                    e.trigger.end.into(),
                    span_text(doc, e.trigger).into(),
                    e.quote.into(),
                    e.location.clone().into(),
                    i64::from(e.target_inferred).into(),
                ],
            )?;
        }
        for (i, ch) in doc.channels.iter().enumerate() {
            c.exec(
                "INSERT INTO channels (article_id, idx, holder, host, name, kind, change, date, day, \
                 sentence, location, hosted_at, established, status) \
                 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                &[
                    id.into(),
                    i.into(),
                    ch.holder.clone().into(),
                    ch.host.clone().into(),
                    (&ch.name).into(),
                    (&ch.kind).into(),
                    enum_name(&ch.change).into(),
                    ch.date.clone().into(),
                    effective_day(ch.date.as_deref(), published).into(),
                    ch.sentence.into(),
                    ch.location.clone().into(),
                    ch.hosted_at.clone().into(),
                    ch.established.clone().into(),
                    enum_name(&ch.status).into(),
                ],
            )?;
        }
        for (i, k) in doc.conflicts.iter().enumerate() {
            let claims: Vec<serde_json::Value> = k
                .claims
                .iter()
                .map(|cl| {
                    serde_json::json!({
                        "speaker": cl.speaker, "code": cl.code, "sentence": cl.sentence,
                        "start": cl.span.start, "end": cl.span.end,
                        "text": span_text(doc, cl.span), "quote": cl.quote,
                    })
                })
                .collect();
            c.exec(
                "INSERT INTO conflicts (article_id, idx, topic, claims) VALUES (?, ?, ?, ?)",
                &[
                    id.into(),
                    i.into(),
                    (&k.topic).into(),
                    serde_json::Value::Array(claims).to_string().into(),
                ],
            )?;
        }
        Ok(())
    }

    /// Recomputes the merged events of each key from all its mentions.
    fn remerge(&mut self, keys: &BTreeSet<Key>) -> Result<()> {
        for key in keys {
            let kp: [V; 3] = [(&key.0).into(), (&key.1).into(), (&key.2).into()];
            let rows = self.conn.query(
                "SELECT m.day, m.article_id, a.hash, m.idx, a.outlet, m.cameo, coalesce(a.url, a.origin) \
                 FROM event_mentions m JOIN articles a ON a.id = m.article_id \
                 WHERE m.source = ? AND m.target = ? AND m.root = ?",
                &kp,
            )?;
            let mut input = Vec::with_capacity(rows.len());
            for r in &rows {
                input.push(MergeInput {
                    day: r
                        .opt_text(0)?
                        .and_then(|d| NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok()),
                    article_id: r.int(1)?,
                    article_hash: r.text(2)?,
                    index: r.int(3)?,
                    outlet: r.opt_text(4)?,
                    cameo: r.text(5)?,
                    url: r.opt_text(6)?,
                });
            }
            self.conn.exec(
                "DELETE FROM events WHERE source = ? AND target = ? AND root = ?",
                &kp,
            )?;
            for e in merge::merge_key((&key.0, &key.1, &key.2), &input) {
                let info = cameo::lookup(&e.cameo);
                self.conn.exec(
                    "INSERT INTO events (id, source, target, root, cameo, quad_class, goldstein, plover, \
                     label, first_day, last_day, undated_article, num_mentions, num_articles, \
                     num_sources, source_url) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    &[
                        e.id.into(),
                        kp[0].clone(),
                        kp[1].clone(),
                        kp[2].clone(),
                        (&e.cameo).into(),
                        info.map(|i| i64::from(i.quad_class))
                            .or_else(|| cameo::quad_class(&e.cameo).map(i64::from))
                            .into(),
                        info.map(|i| f64::from(i.goldstein)).into(),
                        info.map(|i| i.plover).into(),
                        info.map(|i| i.label).into(),
                        e.first_day.map(day).unwrap_or(V::Null),
                        e.last_day.map(day).unwrap_or(V::Null),
                        e.undated_article.into(),
                        e.num_mentions.into(),
                        e.num_articles.into(),
                        e.num_sources.into(),
                        e.source_url.into(),
                    ],
                )?;
            }
        }
        Ok(())
    }

    fn delete_layers(&mut self, id: i64, keys: &mut BTreeSet<Key>) -> Result<()> {
        for r in self.conn.query(
            "SELECT DISTINCT source, target, root FROM event_mentions WHERE article_id = ?",
            &[id.into()],
        )? {
            keys.insert((r.text(0)?, r.text(1)?, r.text(2)?));
        }
        if self.conn.dialect() == Dialect::Sqlite {
            self.conn.exec(
                "DELETE FROM quotes_fts WHERE rowid IN (SELECT id FROM quotes WHERE article_id = ?)",
                &[id.into()],
            )?;
            self.conn
                .exec("DELETE FROM articles_fts WHERE rowid = ?", &[id.into()])?;
        }
        for table in [
            "sentences",
            "entities",
            "mentions",
            "quotes",
            "event_mentions",
            "channels",
            "conflicts",
        ] {
            self.conn.exec(
                &format!("DELETE FROM {table} WHERE article_id = ?"),
                &[id.into()],
            )?;
        }
        Ok(())
    }

    fn index_article_text(&mut self, id: i64, doc: &Doc) -> Result<()> {
        if self.conn.dialect() == Dialect::Sqlite {
            self.conn.exec(
                "INSERT INTO articles_fts (rowid, headline, text) VALUES (?, ?, ?)",
                &[
                    id.into(),
                    doc.meta.headline.clone().unwrap_or_default().into(),
                    (&doc.text).into(),
                ],
            )?;
        }
        Ok(())
    }

    fn mention_query(&mut self, w: Where, page: Page) -> Result<Vec<EventMentionRow>> {
        let sql = format!(
            "SELECT {MENTION_COLS} FROM event_mentions m JOIN articles a ON a.id = m.article_id{} \
             ORDER BY m.day IS NULL, m.day, m.id LIMIT ? OFFSET ?",
            w.sql()
        );
        let mut p = w.params;
        p.extend(limit(page));
        self.conn.query(&sql, &p)?.iter().map(mention_row).collect()
    }

    fn event_where(filter: &EventFilter, alias: &str) -> Where {
        let col = |c: &str| format!("{alias}{c}");
        let mut w = Where::default();
        if let Some(a) = &filter.actor {
            w.either(&col("source"), &col("target"), a);
        }
        if let Some(d) = &filter.dyad {
            w.dyad(&col("source"), &col("target"), d);
        }
        if let Some(c) = &filter.code {
            w.add(&format!("{} LIKE ? ESCAPE '\\'", col("cameo")), [prefix(c)]);
        }
        w
    }
}

impl<C: Conn> Store for SqlStore<C> {
    fn backend(&self) -> &'static str {
        match self.conn.dialect() {
            Dialect::Sqlite => "sqlite",
            Dialect::Postgres => "postgres",
        }
    }

    fn known_hashes(&mut self, hashes: &[String]) -> Result<HashSet<String>> {
        let mut known = HashSet::new();
        for chunk in hashes.chunks(500) {
            let marks = vec!["?"; chunk.len()].join(", ");
            let params: Vec<V> = chunk.iter().map(V::from).collect();
            for r in self.conn.query(
                &format!("SELECT hash FROM articles WHERE hash IN ({marks})"),
                &params,
            )? {
                known.insert(r.text(0)?);
            }
        }
        Ok(known)
    }

    fn article_id(&mut self, hash: &str) -> Result<Option<i64>> {
        let rows = self
            .conn
            .query("SELECT id FROM articles WHERE hash = ?", &[hash.into()])?;
        rows.first().map(|r| r.int(0)).transpose()
    }

    fn insert_batch(&mut self, articles: &[NewArticle]) -> Result<BatchOutcome> {
        self.in_tx(|s| {
            let mut out = BatchOutcome::default();
            let mut keys = BTreeSet::new();
            let now = chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string();
            for a in articles {
                let m = &a.doc.meta;
                let rows = s.conn.query(
                    "INSERT INTO articles (hash, origin, ext_id, url, outlet, headline, byline, published, \
                     format, raw, raw_meta, text, engine_version, ingested_at) \
                     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) \
                     ON CONFLICT (hash) DO NOTHING RETURNING id",
                    &[
                        (&a.hash).into(),
                        (&a.origin).into(),
                        m.id.clone().into(),
                        m.url.clone().into(),
                        m.outlet.clone().into(),
                        m.headline.clone().into(),
                        m.byline.clone().into(),
                        m.published.map(day).unwrap_or(V::Null),
                        a.format.into(),
                        (&a.raw).into(),
                        (&a.raw_meta).into(),
                        (&a.doc.text).into(),
                        (&a.engine_version).into(),
                        (&now).into(),
                    ],
                )?;
                let Some(row) = rows.first() else {
                    out.skipped += 1;
                    continue;
                };
                let id = row.int(0)?;
                s.index_article_text(id, &a.doc)?;
                s.insert_layers(id, &a.doc, &mut keys)?;
                out.inserted += 1;
            }
            s.remerge(&keys)?;
            Ok(out)
        })
    }

    fn stale_articles(&mut self, engine_version: &str, max: u64) -> Result<Vec<StoredRaw>> {
        let rows = self.conn.query(
            "SELECT id, origin, format, raw, raw_meta FROM articles WHERE engine_version <> ? ORDER BY id LIMIT ?",
            &[engine_version.into(), V::Int(max.min(i64::MAX as u64) as i64)],
        )?;
        rows.iter()
            .map(|r| {
                Ok(StoredRaw {
                    id: r.int(0)?,
                    origin: r.text(1)?,
                    format: r.text(2)?,
                    raw: r.text(3)?,
                    raw_meta: r.text(4)?,
                })
            })
            .collect()
    }

    fn replace_analysis(&mut self, docs: &[(i64, Doc)], engine_version: &str) -> Result<()> {
        self.in_tx(|s| {
            let mut keys = BTreeSet::new();
            for (id, doc) in docs {
                s.delete_layers(*id, &mut keys)?;
                let m = &doc.meta;
                s.conn.exec(
                    "UPDATE articles SET ext_id = ?, url = ?, outlet = ?, headline = ?, byline = ?, \
                     published = ?, text = ?, engine_version = ? WHERE id = ?",
                    &[
                        m.id.clone().into(),
                        m.url.clone().into(),
                        m.outlet.clone().into(),
                        m.headline.clone().into(),
                        m.byline.clone().into(),
                        m.published.map(day).unwrap_or(V::Null),
                        (&doc.text).into(),
                        engine_version.into(),
                        (*id).into(),
                    ],
                )?;
                s.index_article_text(*id, doc)?;
                s.insert_layers(*id, doc, &mut keys)?;
            }
            s.remerge(&keys)
        })
    }

    fn counts(&mut self) -> Result<Counts> {
        let rows = self.conn.query(
            "SELECT (SELECT COUNT(*) FROM articles), (SELECT COUNT(*) FROM sentences), \
             (SELECT COUNT(*) FROM entities), (SELECT COUNT(*) FROM mentions), \
             (SELECT COUNT(*) FROM quotes), (SELECT COUNT(*) FROM event_mentions), \
             (SELECT COUNT(*) FROM events), (SELECT COUNT(*) FROM channels), \
             (SELECT COUNT(*) FROM conflicts)",
            &[],
        )?;
        let r = rows.first().ok_or_else(|| corrupt(0, "no counts"))?;
        let n = |i| r.int(i).map(|v| v.max(0) as u64);
        Ok(Counts {
            articles: n(0)?,
            sentences: n(1)?,
            entities: n(2)?,
            mentions: n(3)?,
            quotes: n(4)?,
            event_mentions: n(5)?,
            events: n(6)?,
            channels: n(7)?,
            conflicts: n(8)?,
        })
    }

    fn search_articles(&mut self, query: Option<&str>, page: Page) -> Result<Vec<ArticleSummary>> {
        let mut w = Where::default();
        if let Some(q) = query.filter(|q| !words(q).is_empty()) {
            match self.conn.dialect() {
                Dialect::Sqlite => w.add(
                    "id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)",
                    [fts5_query(q).into()],
                ),
                Dialect::Postgres => w.add(
                    "tsv @@ plainto_tsquery('simple', ?)",
                    [words(q).join(" ").into()],
                ),
            }
        }
        let sql = format!(
            "SELECT {ARTICLE_COLS} FROM articles{} ORDER BY published IS NULL, published DESC, id DESC LIMIT ? OFFSET ?",
            w.sql()
        );
        let mut p = w.params;
        p.extend(limit(page));
        self.conn.query(&sql, &p)?.iter().map(article_row).collect()
    }

    fn article(&mut self, id: i64) -> Result<Option<ArticleView>> {
        let rows = self.conn.query(
            &format!("SELECT {ARTICLE_COLS}, byline, text FROM articles WHERE id = ?"),
            &[id.into()],
        )?;
        let Some(r) = rows.first() else {
            return Ok(None);
        };
        let article = article_row(r)?;
        let (byline, text) = (r.opt_text(9)?, r.text(10)?);
        let idp = [V::Int(id)];
        let sentences = self
            .conn
            .query(
                "SELECT idx, start_byte, end_byte, paragraph FROM sentences WHERE article_id = ? ORDER BY idx",
                &idp,
            )?
            .iter()
            .map(|r| {
                Ok(SentenceRow {
                    index: r.int(0)?,
                    start: r.int(1)?,
                    end: r.int(2)?,
                    paragraph: r.int(3)?,
                })
            })
            .collect::<Result<_>>()?;
        let entities = self
            .conn
            .query(
                "SELECT idx, name, code, kind, roles, country FROM entities WHERE article_id = ? ORDER BY idx",
                &idp,
            )?
            .iter()
            .map(|r| {
                Ok(EntityRow {
                    id: r.int(0)?,
                    name: r.text(1)?,
                    code: r.opt_text(2)?,
                    kind: r.text(3)?,
                    roles: serde_json::from_str(&r.text(4)?).unwrap_or_default(),
                    country: r.opt_text(5)?,
                })
            })
            .collect::<Result<_>>()?;
        let mentions = self
            .conn
            .query(
                "SELECT entity, start_byte, end_byte, sentence, kind FROM mentions WHERE article_id = ? ORDER BY idx",
                &idp,
            )?
            .iter()
            .map(|r| {
                Ok(MentionRow {
                    entity: r.int(0)?,
                    start: r.int(1)?,
                    end: r.int(2)?,
                    sentence: r.int(3)?,
                    kind: r.text(4)?,
                })
            })
            .collect::<Result<_>>()?;
        let quotes = self
            .conn
            .query(
                &format!("SELECT {QUOTE_COLS} FROM quotes q JOIN articles a ON a.id = q.article_id WHERE q.article_id = ? ORDER BY q.idx"),
                &idp,
            )?
            .iter()
            .map(quote_row)
            .collect::<Result<_>>()?;
        let mut w = Where::default();
        w.add("m.article_id = ?", idp.clone());
        let events = self.mention_query(w, Page::all())?;
        let channels = self
            .conn
            .query(
                &format!("SELECT {CHANNEL_COLS} FROM channels WHERE article_id = ? ORDER BY idx"),
                &idp,
            )?
            .iter()
            .map(channel_row)
            .collect::<Result<_>>()?;
        let conflicts = self
            .conn
            .query(
                "SELECT topic, claims FROM conflicts WHERE article_id = ? ORDER BY idx",
                &idp,
            )?
            .iter()
            .map(|r| {
                Ok(ConflictRow {
                    topic: r.text(0)?,
                    claims: serde_json::from_str(&r.text(1)?).unwrap_or_default(),
                })
            })
            .collect::<Result<_>>()?;
        Ok(Some(ArticleView {
            article,
            byline,
            text,
            sentences,
            entities,
            mentions,
            quotes,
            events,
            channels,
            conflicts,
        }))
    }

    fn events(&mut self, filter: &EventFilter, page: Page) -> Result<Vec<EventRow>> {
        let mut w = Self::event_where(filter, "");
        w.dates("first_day", "last_day", filter.from, filter.to);
        let sql = format!(
            "SELECT {EVENT_COLS} FROM events{} ORDER BY first_day IS NULL, first_day, id LIMIT ? OFFSET ?",
            w.sql()
        );
        let mut p = w.params;
        p.extend(limit(page));
        self.conn.query(&sql, &p)?.iter().map(event_row).collect()
    }

    fn event(&mut self, id: i64) -> Result<Option<(EventRow, Vec<EventMentionRow>)>> {
        let rows = self.conn.query(
            &format!("SELECT {EVENT_COLS}, undated_article FROM events WHERE id = ?"),
            &[id.into()],
        )?;
        let Some(r) = rows.first() else {
            return Ok(None);
        };
        let e = event_row(r)?;
        let mut w = Where::default();
        w.add(
            "m.source = ? AND m.target = ? AND m.root = ?",
            [
                e.source.clone().unwrap_or_default().into(),
                e.target.clone().unwrap_or_default().into(),
                (&e.root).into(),
            ],
        );
        match (r.opt_int(15)?, &e.date, &e.last_date) {
            (Some(article), _, _) => w.add("m.day IS NULL AND m.article_id = ?", [article.into()]),
            (None, Some(first), Some(last)) => {
                w.add("m.day >= ? AND m.day <= ?", [first.into(), last.into()])
            }
            _ => w.add("1 = 0", []),
        }
        let mentions = self.mention_query(w, Page::all())?;
        Ok(Some((e, mentions)))
    }

    fn event_mentions(&mut self, filter: &EventFilter, page: Page) -> Result<Vec<EventMentionRow>> {
        let mut w = Self::event_where(filter, "m.");
        w.dates("m.day", "m.day", filter.from, filter.to);
        self.mention_query(w, page)
    }

    fn quotes(&mut self, filter: &QuoteFilter, page: Page) -> Result<Vec<QuoteRow>> {
        let mut w = Where::default();
        if let Some(a) = &filter.actor {
            w.add("q.speaker_code LIKE ? ESCAPE '\\'", [prefix(a)]);
        }
        if let Some(s) = &filter.speaker {
            w.add(
                "lower(q.speaker_name) LIKE ? ESCAPE '\\'",
                [V::Text(format!(
                    "%{}%",
                    s.to_lowercase()
                        .replace('\\', "\\\\")
                        .replace('%', "\\%")
                        .replace('_', "\\_")
                ))],
            );
        }
        if let Some(t) = filter.text.as_deref().filter(|t| !words(t).is_empty()) {
            match self.conn.dialect() {
                Dialect::Sqlite => w.add(
                    "q.id IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?)",
                    [fts5_query(t).into()],
                ),
                Dialect::Postgres => w.add(
                    "q.tsv @@ plainto_tsquery('simple', ?)",
                    [words(t).join(" ").into()],
                ),
            }
        }
        w.dates("q.day", "q.day", filter.from, filter.to);
        let sql = format!(
            "SELECT {QUOTE_COLS} FROM quotes q JOIN articles a ON a.id = q.article_id{} \
             ORDER BY q.day IS NULL, q.day, q.id LIMIT ? OFFSET ?",
            w.sql()
        );
        let mut p = w.params;
        p.extend(limit(page));
        self.conn.query(&sql, &p)?.iter().map(quote_row).collect()
    }

    fn channels(&mut self, filter: &ChannelFilter, page: Page) -> Result<Vec<ChannelRow>> {
        let mut w = Where::default();
        if let Some(a) = &filter.actor {
            w.either("holder", "host", a);
        }
        if let Some(d) = &filter.dyad {
            w.dyad("holder", "host", d);
        }
        w.dates("day", "day", filter.from, filter.to);
        let sql = format!(
            "SELECT {CHANNEL_COLS} FROM channels{} ORDER BY day IS NULL, day, id LIMIT ? OFFSET ?",
            w.sql()
        );
        let mut p = w.params;
        p.extend(limit(page));
        self.conn.query(&sql, &p)?.iter().map(channel_row).collect()
    }

    fn timeline(&mut self, filter: &EventFilter) -> Result<Vec<TimelineRow>> {
        let mut w = Self::event_where(filter, "");
        w.add("first_day IS NOT NULL", []);
        w.dates("first_day", "last_day", filter.from, filter.to);
        let sql = format!(
            "SELECT substr(first_day, 1, 7) AS period, root, COUNT(*), CAST(SUM(num_mentions) AS BIGINT) \
             FROM events{} GROUP BY substr(first_day, 1, 7), root ORDER BY period, root",
            w.sql()
        );
        self.conn
            .query(&sql, &w.params)?
            .iter()
            .map(|r| {
                Ok(TimelineRow {
                    period: r.text(0)?,
                    root: r.text(1)?,
                    events: r.int(2)?,
                    mentions: r.int(3)?,
                })
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefix_escapes_like_wildcards() {
        for (code, want) in [
            ("rus", "RUS%"),
            ("A_B", "A\\_B%"),
            ("5%", "5\\%%"),
            (" usa ", "USA%"),
        ] {
            assert_eq!(prefix(code), V::Text(want.into()), "{code}");
        }
    }

    #[test]
    fn fts5_query_quotes_every_word() {
        for (q, want) in [
            ("embassy closed", "\"embassy\" \"closed\""),
            ("\"NEAR(a b)\" OR -x", "\"near\" \"a\" \"b\" \"or\" \"x\""),
            ("", ""),
        ] {
            assert_eq!(fts5_query(q), want, "{q}");
        }
    }
}
