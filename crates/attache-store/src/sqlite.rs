//! The SQLite back end (rusqlite, bundled SQLite with FTS5).

use crate::sql::{Conn, Dialect, Row, V};
use crate::Result;
use rusqlite::types::{Value, ValueRef};

/// One SQLite connection.
pub(crate) struct LiteConn {
    conn: rusqlite::Connection,
}

impl LiteConn {
    /// Opens (creating) the database file at `path`.
    pub fn open(path: &str) -> Result<LiteConn> {
        let conn = rusqlite::Connection::open(path)?;
        LiteConn::setup(conn)
    }

    /// An in-memory database (tests).
    #[cfg(test)]
    pub fn memory() -> Result<LiteConn> {
        LiteConn::setup(rusqlite::Connection::open_in_memory()?)
    }

    fn setup(conn: rusqlite::Connection) -> Result<LiteConn> {
        conn.busy_timeout(std::time::Duration::from_secs(30))?;
        // WAL: readers (the server) never block the writer (ingest); a killed
        // process loses only its uncommitted transaction.
        conn.query_row("PRAGMA journal_mode = WAL", [], |_| Ok(()))?;
        conn.execute_batch("PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;")?;
        conn.set_prepared_statement_cache_capacity(64);
        Ok(LiteConn { conn })
    }
}

fn to_sql(v: &V) -> Value {
    match v {
        V::Null => Value::Null,
        V::Int(i) => Value::Integer(*i),
        V::Real(f) => Value::Real(*f),
        V::Text(t) => Value::Text(t.clone()),
    }
}

impl Conn for LiteConn {
    fn dialect(&self) -> Dialect {
        Dialect::Sqlite
    }

    fn batch(&mut self, sql: &str) -> Result<()> {
        Ok(self.conn.execute_batch(sql)?)
    }

    fn exec(&mut self, sql: &str, params: &[V]) -> Result<u64> {
        let mut st = self.conn.prepare_cached(sql)?;
        let n = st.execute(rusqlite::params_from_iter(params.iter().map(to_sql)))?;
        Ok(n as u64)
    }

    fn query(&mut self, sql: &str, params: &[V]) -> Result<Vec<Row>> {
        let mut st = self.conn.prepare_cached(sql)?;
        let n = st.column_count();
        let mut rows = st.query(rusqlite::params_from_iter(params.iter().map(to_sql)))?;
        let mut out = Vec::new();
        while let Some(r) = rows.next()? {
            let mut vals = Vec::with_capacity(n);
            for i in 0..n {
                vals.push(match r.get_ref(i)? {
                    ValueRef::Null => V::Null,
                    ValueRef::Integer(v) => V::Int(v),
                    ValueRef::Real(v) => V::Real(v),
                    ValueRef::Text(t) | ValueRef::Blob(t) => {
                        V::Text(String::from_utf8_lossy(t).into_owned())
                    }
                });
            }
            out.push(Row(vals));
        }
        Ok(out)
    }
}
