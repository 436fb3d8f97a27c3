//! Append-only numbered migrations, embedded in the binary and applied on
//! open. Each back end has its own SQL files with the same numbers.

use crate::sql::{Conn, Dialect, V};
use crate::{Result, StoreError};

/// One migration: its number, file name and SQL for each back end.
struct Migration {
    version: i64,
    name: &'static str,
    sqlite: &'static str,
    postgres: &'static str,
}

macro_rules! migration {
    ($v:expr, $name:literal) => {
        Migration {
            version: $v,
            name: $name,
            sqlite: include_str!(concat!("../migrations/sqlite/", $name)),
            postgres: include_str!(concat!("../migrations/postgres/", $name)),
        }
    };
}

const MIGRATIONS: &[Migration] = &[
    migration!(1, "0001_init.sql"),
    migration!(2, "0002_fts.sql"),
    migration!(3, "0003_target_inferred.sql"),
    migration!(4, "0004_channel_status.sql"),
];

/// The latest schema version this build knows.
pub(crate) const LATEST: i64 = MIGRATIONS.len() as i64;

/// Brings the schema up to `target` (at most [`LATEST`]), each migration in
/// its own transaction; refuses a database newer than this build.
pub(crate) fn apply(conn: &mut impl Conn, target: i64) -> Result<()> {
    conn.batch(
        "CREATE TABLE IF NOT EXISTS schema_migrations (version BIGINT PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)",
    )?;
    let pg = conn.dialect() == Dialect::Postgres;
    if pg {
        // Two processes opening a fresh database at once: one migrates, the other waits.
        conn.query("SELECT pg_advisory_lock(7070)", &[])?;
    }
    let result = apply_locked(conn, target);
    if pg {
        conn.query("SELECT pg_advisory_unlock(7070)", &[])?;
    }
    result
}

fn apply_locked(conn: &mut impl Conn, target: i64) -> Result<()> {
    let current = conn
        .query("SELECT MAX(version) FROM schema_migrations", &[])?
        .first()
        .map(|r| r.opt_int(0))
        .transpose()?
        .flatten()
        .unwrap_or(0);
    if current > LATEST {
        return Err(StoreError::TooNew {
            found: current,
            known: LATEST,
        });
    }
    for m in MIGRATIONS
        .iter()
        .filter(|m| m.version > current && m.version <= target)
    {
        let sql = match conn.dialect() {
            Dialect::Sqlite => m.sqlite,
            Dialect::Postgres => m.postgres,
        };
        let fail = |e: StoreError| StoreError::Migration {
            version: m.version,
            name: m.name,
            reason: e.to_string(),
        };
        conn.batch("BEGIN").map_err(fail)?;
        let done = conn.batch(sql).and_then(|_| {
            conn.exec(
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
                &[
                    V::Int(m.version),
                    m.name.into(),
                    chrono::Utc::now().to_rfc3339().into(),
                ],
            )
        });
        match done {
            Ok(_) => conn.batch("COMMIT").map_err(fail)?,
            Err(e) => {
                let _ = conn.batch("ROLLBACK");
                return Err(fail(e));
            }
        }
    }
    Ok(())
}

/// The schema version of a database.
#[cfg(test)]
pub(crate) fn version(conn: &mut impl Conn) -> Result<i64> {
    Ok(conn
        .query("SELECT MAX(version) FROM schema_migrations", &[])?
        .first()
        .map(|r| r.opt_int(0))
        .transpose()?
        .flatten()
        .unwrap_or(0))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sql::SqlStore;
    use crate::sqlite::LiteConn;
    use crate::Store;

    /// A database made by every earlier schema version opens, migrates and
    /// keeps its data (and, for FTS, back-fills the index).
    #[test]
    fn every_earlier_version_upgrades() {
        for from in 0..LATEST {
            let dir = tempfile::tempdir().unwrap();
            let path = dir.path().join("old.db");
            let path = path.to_str().unwrap();
            {
                let mut c = LiteConn::open(path).unwrap();
                apply(&mut c, from).unwrap();
                assert_eq!(version(&mut c).unwrap(), from);
                if from >= 1 {
                    c.exec(
                        "INSERT INTO articles (hash, origin, format, raw, raw_meta, text, engine_version, ingested_at) \
                         VALUES ('h1', 'old.txt', 'plain', 'Old text about an embassy.', '{}', 'Old text about an embassy.', '0.0.0', 'then')",
                        &[],
                    )
                    .unwrap();
                }
                if from >= 2 {
                    // from 0002 on, the store indexes what it inserts
                    c.exec(
                        "INSERT INTO articles_fts (rowid, headline, text) SELECT id, '', text FROM articles",
                        &[],
                    )
                    .unwrap();
                }
            }
            let mut c = LiteConn::open(path).unwrap();
            apply(&mut c, LATEST).unwrap();
            assert_eq!(version(&mut c).unwrap(), LATEST);
            let mut store = SqlStore::new(c).unwrap();
            let found = store
                .search_articles(Some("embassy"), crate::Page::first(5))
                .unwrap();
            assert_eq!(found.len(), usize::from(from >= 1), "from version {from}");
        }
    }

    #[test]
    fn newer_database_is_refused() {
        let mut c = LiteConn::memory().unwrap();
        apply(&mut c, LATEST).unwrap();
        c.exec(
            "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, 'future', 'x')",
            &[V::Int(LATEST + 1)],
        )
        .unwrap();
        assert!(matches!(
            apply(&mut c, LATEST),
            Err(StoreError::TooNew { .. })
        ));
    }
}
