//! Export of the store's tables as files other tools load: JSON Lines, CSV
//! and Parquet (snappy-compressed, for DuckDB, Spark or pandas).
//!
//! **The events layout** (CSV and Parquet) follows GDELT 2.0's event table,
//! so GDELT scripts load it with few changes: the columns GDELT has keep their
//! GDELT names and order, those attache cannot fill (actor names, geography,
//! tone, `DATEADDED`) are left out, and attache's own columns come last:
//!
//! | column | meaning |
//! |---|---|
//! | `GLOBALEVENTID` | merged event id (stable across runs) |
//! | `SQLDATE`, `MonthYear`, `Year`, `FractionDate` | first day, as GDELT writes it (`20211018`, `202110`, `2021`, `2021.7945`) |
//! | `Actor1Code`, `Actor1CountryCode` | source actor code, its first three letters |
//! | `Actor2Code`, `Actor2CountryCode` | target actor code, its first three letters |
//! | `IsRootEvent` | always 1 (events come from coded sentences) |
//! | `EventCode`, `EventBaseCode`, `EventRootCode` | CAMEO code, its first three and two digits |
//! | `QuadClass`, `GoldsteinScale` | from the CAMEO table |
//! | `NumMentions`, `NumSources`, `NumArticles` | as GDELT counts them (see [`crate::merge`]) |
//! | `SOURCEURL` | url (or file) of the first article |
//! | `LastDate` | last day the event was reported for (`YYYY-MM-DD`) |
//! | `PloverCode`, `EventLabel` | PLOVER category and CAMEO label |
//!
//! JSON Lines writes the store's own rows ([`EventRow`] and friends) one per line.

use crate::*;
use chrono::Datelike;
use parquet::basic::Compression;
use parquet::data_type::{ByteArray, ByteArrayType, DoubleType, Int64Type};
use parquet::file::properties::WriterProperties;
use parquet::file::writer::SerializedFileWriter;
use parquet::schema::parser::parse_message_type;
use std::io::Write;
use std::path::Path;
use std::sync::Arc;

/// Which table to export.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Table {
    /// Merged events (GDELT-like layout).
    Events,
    /// Event mentions: one row per coded sentence.
    Mentions,
    /// Quotations.
    Quotes,
    /// Channel changes.
    Channels,
}

/// File format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// One JSON object per line.
    Jsonl,
    /// CSV with a header line.
    Csv,
    /// Apache Parquet.
    Parquet,
}

/// The type of a column.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// 64-bit integer.
    Int,
    /// 64-bit float.
    Real,
    /// UTF-8 text.
    Text,
}

/// One cell.
#[derive(Clone, Debug, PartialEq)]
enum Cell {
    Int(Option<i64>),
    Real(Option<f64>),
    Text(Option<String>),
}

impl Cell {
    fn csv(&self) -> String {
        match self {
            Cell::Int(v) => v.map(|v| v.to_string()).unwrap_or_default(),
            Cell::Real(v) => v.map(|v| v.to_string()).unwrap_or_default(),
            Cell::Text(v) => v.clone().unwrap_or_default(),
        }
    }
}

/// The columns of a table in the CSV and Parquet layouts.
pub fn columns(table: Table) -> &'static [(&'static str, Kind)] {
    use Kind::*;
    match table {
        Table::Events => &[
            ("GLOBALEVENTID", Int),
            ("SQLDATE", Int),
            ("MonthYear", Int),
            ("Year", Int),
            ("FractionDate", Real),
            ("Actor1Code", Text),
            ("Actor1CountryCode", Text),
            ("Actor2Code", Text),
            ("Actor2CountryCode", Text),
            ("IsRootEvent", Int),
            ("EventCode", Text),
            ("EventBaseCode", Text),
            ("EventRootCode", Text),
            ("QuadClass", Int),
            ("GoldsteinScale", Real),
            ("NumMentions", Int),
            ("NumSources", Int),
            ("NumArticles", Int),
            ("SOURCEURL", Text),
            ("LastDate", Text),
            ("PloverCode", Text),
            ("EventLabel", Text),
        ],
        Table::Mentions => &[
            ("id", Int),
            ("article_id", Int),
            ("index", Int),
            ("sentence", Int),
            ("source", Text),
            ("target", Text),
            ("cameo", Text),
            ("root", Text),
            ("quad_class", Int),
            ("goldstein", Real),
            ("plover", Text),
            ("status", Text),
            ("date", Text),
            ("day", Text),
            ("trigger", Text),
            ("outlet", Text),
            ("url", Text),
            ("target_inferred", Int),
        ],
        Table::Quotes => &[
            ("id", Int),
            ("article_id", Int),
            ("index", Int),
            ("date", Text),
            ("kind", Text),
            ("speaker_name", Text),
            ("speaker_code", Text),
            ("text", Text),
            ("outlet", Text),
        ],
        Table::Channels => &[
            ("id", Int),
            ("article_id", Int),
            ("holder", Text),
            ("host", Text),
            ("name", Text),
            ("kind", Text),
            ("change", Text),
            ("date", Text),
            ("day", Text),
            ("sentence", Int),
            ("location", Text),
            ("status", Text),
        ],
    }
}

fn t(v: &Option<String>) -> Cell {
    Cell::Text(v.clone())
}

fn event_cells(e: &EventRow) -> Vec<Cell> {
    let day = e
        .date
        .as_deref()
        .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
    let country =
        |c: &Option<String>| Cell::Text(c.as_ref().and_then(|c| c.get(..3)).map(str::to_string));
    vec![
        Cell::Int(Some(e.id)),
        Cell::Int(day.map(|d| {
            i64::from(d.year()) * 10000 + i64::from(d.month()) * 100 + i64::from(d.day())
        })),
        Cell::Int(day.map(|d| i64::from(d.year()) * 100 + i64::from(d.month()))),
        Cell::Int(day.map(|d| i64::from(d.year()))),
        Cell::Real(day.map(|d| {
            let f = f64::from(d.year()) + f64::from(d.ordinal()) / 365.0;
            (f * 10000.0).round() / 10000.0
        })),
        t(&e.source),
        country(&e.source),
        t(&e.target),
        country(&e.target),
        Cell::Int(Some(1)),
        Cell::Text(Some(e.cameo.clone())),
        Cell::Text(Some(e.cameo.get(..3).unwrap_or(&e.cameo).to_string())),
        Cell::Text(Some(e.root.clone())),
        Cell::Int(e.quad_class),
        Cell::Real(e.goldstein),
        Cell::Int(Some(e.num_mentions)),
        Cell::Int(Some(e.num_sources)),
        Cell::Int(Some(e.num_articles)),
        t(&e.source_url),
        t(&e.last_date),
        t(&e.plover),
        t(&e.label),
    ]
}

fn mention_cells(m: &EventMentionRow) -> Vec<Cell> {
    vec![
        Cell::Int(Some(m.id)),
        Cell::Int(Some(m.article_id)),
        Cell::Int(Some(m.index)),
        Cell::Int(Some(m.sentence)),
        t(&m.source),
        t(&m.target),
        Cell::Text(Some(m.cameo.clone())),
        Cell::Text(Some(m.root.clone())),
        Cell::Int(m.quad_class),
        Cell::Real(m.goldstein),
        t(&m.plover),
        Cell::Text(Some(m.status.clone())),
        t(&m.date),
        t(&m.day),
        Cell::Text(Some(m.trigger.clone())),
        t(&m.outlet),
        t(&m.url),
        Cell::Int(Some(i64::from(m.target_inferred))),
    ]
}

fn quote_cells(q: &QuoteRow) -> Vec<Cell> {
    vec![
        Cell::Int(Some(q.id)),
        Cell::Int(Some(q.article_id)),
        Cell::Int(Some(q.index)),
        t(&q.date),
        Cell::Text(Some(q.kind.clone())),
        t(&q.speaker_name),
        t(&q.speaker_code),
        Cell::Text(Some(q.text.clone())),
        t(&q.outlet),
    ]
}

fn channel_cells(c: &ChannelRow) -> Vec<Cell> {
    vec![
        Cell::Int(Some(c.id)),
        Cell::Int(Some(c.article_id)),
        t(&c.holder),
        t(&c.host),
        Cell::Text(Some(c.name.clone())),
        Cell::Text(Some(c.kind.clone())),
        Cell::Text(Some(c.change.clone())),
        t(&c.date),
        t(&c.day),
        Cell::Int(Some(c.sentence)),
        t(&c.location),
        Cell::Text(Some(c.status.clone())),
    ]
}

/// One page of a table: JSON objects and cells.
fn page_of(
    store: &mut dyn Store,
    table: Table,
    page: Page,
) -> Result<Vec<(serde_json::Value, Vec<Cell>)>> {
    fn pair<T: Serialize>(
        rows: Vec<T>,
        cells: fn(&T) -> Vec<Cell>,
    ) -> Vec<(serde_json::Value, Vec<Cell>)> {
        rows.iter()
            .map(|r| (serde_json::to_value(r).unwrap_or_default(), cells(r)))
            .collect()
    }
    Ok(match table {
        Table::Events => pair(store.events(&EventFilter::default(), page)?, event_cells),
        Table::Mentions => pair(
            store.event_mentions(&EventFilter::default(), page)?,
            mention_cells,
        ),
        Table::Quotes => pair(store.quotes(&QuoteFilter::default(), page)?, quote_cells),
        Table::Channels => pair(
            store.channels(&ChannelFilter::default(), page)?,
            channel_cells,
        ),
    })
}

const PAGE: u64 = 10_000;

/// Writes a whole table to `path`; returns the rows written.
pub fn export(store: &mut dyn Store, table: Table, format: Format, path: &Path) -> Result<u64> {
    let fail = |reason: String| StoreError::Export {
        path: path.display().to_string(),
        reason,
    };
    let file = std::fs::File::create(path).map_err(|e| fail(e.to_string()))?;
    let cols = columns(table);
    let mut rows = 0u64;
    match format {
        Format::Jsonl => {
            let mut out = std::io::BufWriter::new(file);
            loop {
                let batch = page_of(
                    store,
                    table,
                    Page {
                        offset: rows,
                        limit: PAGE,
                    },
                )?;
                for (json, _) in &batch {
                    serde_json::to_writer(&mut out, json).map_err(|e| fail(e.to_string()))?;
                    out.write_all(b"\n").map_err(|e| fail(e.to_string()))?;
                }
                rows += batch.len() as u64;
                if (batch.len() as u64) < PAGE {
                    break;
                }
            }
            out.flush().map_err(|e| fail(e.to_string()))?;
        }
        Format::Csv => {
            let mut csv = csv::Writer::from_writer(std::io::BufWriter::new(file));
            csv.write_record(cols.iter().map(|c| c.0))
                .map_err(|e| fail(e.to_string()))?;
            loop {
                let batch = page_of(
                    store,
                    table,
                    Page {
                        offset: rows,
                        limit: PAGE,
                    },
                )?;
                for (_, cells) in &batch {
                    csv.write_record(cells.iter().map(Cell::csv))
                        .map_err(|e| fail(e.to_string()))?;
                }
                rows += batch.len() as u64;
                if (batch.len() as u64) < PAGE {
                    break;
                }
            }
            csv.flush().map_err(|e| fail(e.to_string()))?;
        }
        Format::Parquet => {
            let fields: Vec<String> = cols
                .iter()
                .map(|(name, kind)| match kind {
                    Kind::Int => format!("OPTIONAL INT64 {name};"),
                    Kind::Real => format!("OPTIONAL DOUBLE {name};"),
                    Kind::Text => format!("OPTIONAL BYTE_ARRAY {name} (UTF8);"),
                })
                .collect();
            let schema = parse_message_type(&format!("message attache {{ {} }}", fields.join(" ")))
                .map_err(|e| fail(e.to_string()))?;
            let props = WriterProperties::builder()
                .set_compression(Compression::SNAPPY)
                .build();
            let mut w = SerializedFileWriter::new(file, Arc::new(schema), Arc::new(props))
                .map_err(|e| fail(e.to_string()))?;
            loop {
                let batch = page_of(
                    store,
                    table,
                    Page {
                        offset: rows,
                        limit: PAGE,
                    },
                )?;
                if !batch.is_empty() {
                    write_row_group(&mut w, &batch).map_err(|e| fail(e.to_string()))?;
                }
                rows += batch.len() as u64;
                if (batch.len() as u64) < PAGE {
                    break;
                }
            }
            w.close().map_err(|e| fail(e.to_string()))?;
        }
    }
    Ok(rows)
}

fn write_row_group(
    w: &mut SerializedFileWriter<std::fs::File>,
    batch: &[(serde_json::Value, Vec<Cell>)],
) -> parquet::errors::Result<()> {
    let mut rg = w.next_row_group()?;
    let mut i = 0;
    while let Some(mut col) = rg.next_column()? {
        let cells = batch.iter().map(|(_, c)| c.get(i));
        let defs: Vec<i16> = cells
            .clone()
            .map(|c| match c {
                Some(Cell::Int(Some(_)) | Cell::Real(Some(_)) | Cell::Text(Some(_))) => 1,
                _ => 0,
            })
            .collect();
        match batch.first().and_then(|(_, c)| c.get(i)) {
            Some(Cell::Int(_)) => {
                let v: Vec<i64> = cells
                    .filter_map(|c| match c {
                        Some(Cell::Int(v)) => *v,
                        _ => None,
                    })
                    .collect();
                col.typed::<Int64Type>()
                    .write_batch(&v, Some(&defs), None)?;
            }
            Some(Cell::Real(_)) => {
                let v: Vec<f64> = cells
                    .filter_map(|c| match c {
                        Some(Cell::Real(v)) => *v,
                        _ => None,
                    })
                    .collect();
                col.typed::<DoubleType>()
                    .write_batch(&v, Some(&defs), None)?;
            }
            _ => {
                let v: Vec<ByteArray> = cells
                    .filter_map(|c| match c {
                        Some(Cell::Text(Some(s))) => Some(ByteArray::from(s.as_str())),
                        _ => None,
                    })
                    .collect();
                col.typed::<ByteArrayType>()
                    .write_batch(&v, Some(&defs), None)?;
            }
        }
        col.close()?;
        i += 1;
    }
    rg.close()?;
    Ok(())
}
