//! The PostgreSQL back end (the synchronous `postgres` client). Statements
//! are prepared once per connection and cached.

use crate::sql::{Conn, Dialect, Row, V};
use crate::Result;
use bytes::BytesMut;
use postgres::types::{to_sql_checked, IsNull, ToSql, Type};
use postgres::{Client, NoTls, Statement};
use std::collections::HashMap;
use std::error::Error;

/// One PostgreSQL connection.
pub(crate) struct PgConn {
    client: Client,
    statements: HashMap<String, Statement>,
}

impl PgConn {
    /// Connects to `url` (`postgres://user@host/db`).
    pub fn connect(url: &str) -> Result<PgConn> {
        let mut client = Client::connect(url, NoTls)?;
        client.batch_execute("SET client_min_messages = warning")?;
        Ok(PgConn {
            client,
            statements: HashMap::new(),
        })
    }

    fn statement(&mut self, sql: &str) -> Result<Statement> {
        if let Some(st) = self.statements.get(sql) {
            return Ok(st.clone());
        }
        let st = self.client.prepare(&placeholders(sql))?;
        if self.statements.len() > 256 {
            self.statements.clear();
        }
        self.statements.insert(sql.to_string(), st.clone());
        Ok(st)
    }
}

/// `?` placeholders to PostgreSQL's `$1, $2, …` (no `?` appears in our SQL otherwise).
fn placeholders(sql: &str) -> String {
    let mut out = String::with_capacity(sql.len() + 16);
    let mut n = 0;
    let mut in_string = false;
    for c in sql.chars() {
        if c == '\'' {
            in_string = !in_string;
        }
        if c == '?' && !in_string {
            n += 1;
            out.push('$');
            out.push_str(&n.to_string());
        } else {
            out.push(c);
        }
    }
    out
}

impl ToSql for V {
    fn to_sql(
        &self,
        ty: &Type,
        out: &mut BytesMut,
    ) -> Result<IsNull, Box<dyn Error + Sync + Send>> {
        match self {
            V::Null => Ok(IsNull::Yes),
            V::Int(i) => match *ty {
                Type::INT4 => i32::try_from(*i)?.to_sql(ty, out),
                Type::INT2 => i16::try_from(*i)?.to_sql(ty, out),
                Type::FLOAT8 => (*i as f64).to_sql(ty, out),
                Type::TEXT | Type::VARCHAR => i.to_string().to_sql(ty, out),
                _ => i.to_sql(ty, out),
            },
            V::Real(f) => match *ty {
                Type::FLOAT4 => (*f as f32).to_sql(ty, out),
                _ => f.to_sql(ty, out),
            },
            V::Text(t) => t.to_sql(ty, out),
        }
    }

    fn accepts(_: &Type) -> bool {
        true
    }

    to_sql_checked!();
}

fn value(row: &postgres::Row, i: usize) -> Result<V, postgres::Error> {
    let ty = row.columns()[i].type_().clone();
    Ok(match ty {
        Type::INT8 => row.try_get::<_, Option<i64>>(i)?.map_or(V::Null, V::Int),
        Type::INT4 => row
            .try_get::<_, Option<i32>>(i)?
            .map_or(V::Null, |v| V::Int(v.into())),
        Type::INT2 => row
            .try_get::<_, Option<i16>>(i)?
            .map_or(V::Null, |v| V::Int(v.into())),
        Type::FLOAT8 => row.try_get::<_, Option<f64>>(i)?.map_or(V::Null, V::Real),
        Type::FLOAT4 => row
            .try_get::<_, Option<f32>>(i)?
            .map_or(V::Null, |v| V::Real(v.into())),
        Type::BOOL => row
            .try_get::<_, Option<bool>>(i)?
            .map_or(V::Null, |v| V::Int(v.into())),
        Type::VOID => V::Null,
        _ => row
            .try_get::<_, Option<String>>(i)?
            .map_or(V::Null, V::Text),
    })
}

impl Conn for PgConn {
    fn dialect(&self) -> Dialect {
        Dialect::Postgres
    }

    fn batch(&mut self, sql: &str) -> Result<()> {
        Ok(self.client.batch_execute(sql)?)
    }

    fn exec(&mut self, sql: &str, params: &[V]) -> Result<u64> {
        let st = self.statement(sql)?;
        let p: Vec<&(dyn ToSql + Sync)> = params.iter().map(|v| v as &(dyn ToSql + Sync)).collect();
        Ok(self.client.execute(&st, &p)?)
    }

    fn query(&mut self, sql: &str, params: &[V]) -> Result<Vec<Row>> {
        let st = self.statement(sql)?;
        let p: Vec<&(dyn ToSql + Sync)> = params.iter().map(|v| v as &(dyn ToSql + Sync)).collect();
        let rows = self.client.query(&st, &p)?;
        let mut out = Vec::with_capacity(rows.len());
        for r in &rows {
            let vals = (0..r.len())
                .map(|i| value(r, i))
                .collect::<Result<Vec<_>, _>>()?;
            out.push(Row(vals));
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::placeholders;

    #[test]
    fn placeholders_numbered_outside_strings() {
        for (sql, want) in [
            ("a = ? AND b = ?", "a = $1 AND b = $2"),
            (
                "x LIKE ? ESCAPE '\\' OR y = '?'",
                "x LIKE $1 ESCAPE '\\' OR y = '?'",
            ),
            ("none", "none"),
        ] {
            assert_eq!(placeholders(sql), want, "{sql}");
        }
    }
}
