//! The two SQL engines behind one small interface: SQLite (one file, the default) and
//! PostgreSQL (several `lvshen serve` instances on one database). Statements are written
//! once with `?N` placeholders and the few dialect differences asked of [`Dialect`]; values
//! travel as [`Val`] so that NULLs keep their type (PostgreSQL needs it).

use std::sync::{Mutex, MutexGuard};

use crate::{Result, StoreError};

/// A parameter or a cell.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) enum Val {
    Int(i64),
    Text(String),
    NullInt,
    NullText,
}

impl From<i64> for Val {
    fn from(v: i64) -> Self {
        Val::Int(v)
    }
}
impl From<bool> for Val {
    fn from(v: bool) -> Self {
        Val::Int(i64::from(v))
    }
}
impl From<&str> for Val {
    fn from(v: &str) -> Self {
        Val::Text(v.to_owned())
    }
}
impl From<String> for Val {
    fn from(v: String) -> Self {
        Val::Text(v)
    }
}
impl From<&String> for Val {
    fn from(v: &String) -> Self {
        Val::Text(v.clone())
    }
}
impl From<Option<i64>> for Val {
    fn from(v: Option<i64>) -> Self {
        v.map_or(Val::NullInt, Val::Int)
    }
}
impl From<Option<&str>> for Val {
    fn from(v: Option<&str>) -> Self {
        v.map_or(Val::NullText, |s| Val::Text(s.to_owned()))
    }
}

/// One result row.
#[derive(Debug, Clone)]
pub(crate) struct Row(pub(crate) Vec<Val>);

impl Row {
    fn cell(&self, i: usize) -> Result<&Val> {
        self.0
            .get(i)
            .ok_or_else(|| StoreError::Invalid(format!("结果缺少第 {i} 列")))
    }
    pub(crate) fn int(&self, i: usize) -> Result<i64> {
        match self.cell(i)? {
            Val::Int(v) => Ok(*v),
            other => Err(StoreError::Invalid(format!(
                "第 {i} 列应为整数，实际为 {other:?}"
            ))),
        }
    }
    pub(crate) fn opt_int(&self, i: usize) -> Result<Option<i64>> {
        match self.cell(i)? {
            Val::Int(v) => Ok(Some(*v)),
            Val::NullInt | Val::NullText => Ok(None),
            other => Err(StoreError::Invalid(format!(
                "第 {i} 列应为整数，实际为 {other:?}"
            ))),
        }
    }
    pub(crate) fn text(&self, i: usize) -> Result<String> {
        match self.cell(i)? {
            Val::Text(v) => Ok(v.clone()),
            other => Err(StoreError::Invalid(format!(
                "第 {i} 列应为文本，实际为 {other:?}"
            ))),
        }
    }
    pub(crate) fn opt_text(&self, i: usize) -> Result<Option<String>> {
        match self.cell(i)? {
            Val::Text(v) => Ok(Some(v.clone())),
            Val::NullInt | Val::NullText => Ok(None),
            other => Err(StoreError::Invalid(format!(
                "第 {i} 列应为文本，实际为 {other:?}"
            ))),
        }
    }
    pub(crate) fn boolean(&self, i: usize) -> Result<bool> {
        Ok(self.int(i)? != 0)
    }
}

/// Which SQL the engine speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Dialect {
    Sqlite,
    Postgres,
}

impl Dialect {
    /// The current UTC time as `YYYY-MM-DDTHH:MM:SSZ` text, shifted by a modifier such as
    /// `-15 minutes` or `+12 hours` (both engines read that form).
    pub(crate) fn ts(self, modifier: &str) -> String {
        debug_assert!(
            modifier.is_empty()
                || modifier
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || " +-".contains(c)),
            "modifier is a literal"
        );
        match (self, modifier.is_empty()) {
            (Dialect::Sqlite, true) => "strftime('%Y-%m-%dT%H:%M:%SZ','now')".into(),
            (Dialect::Sqlite, false) => {
                format!("strftime('%Y-%m-%dT%H:%M:%SZ','now','{modifier}')")
            }
            (Dialect::Postgres, true) => {
                "to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')".into()
            }
            (Dialect::Postgres, false) => format!(
                "to_char((now() AT TIME ZONE 'UTC') + INTERVAL '{modifier}', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')"
            ),
        }
    }

    /// Now.
    pub(crate) fn now(self) -> String {
        self.ts("")
    }

    /// Bytes of a text expression.
    pub(crate) fn octets(self, expr: &str) -> String {
        match self {
            Dialect::Sqlite => format!("LENGTH(CAST({expr} AS BLOB))"),
            Dialect::Postgres => format!("octet_length({expr})"),
        }
    }

    /// Row lock for a read that precedes a write in the same transaction. SQLite's writes are
    /// serialised by the store's one connection; PostgreSQL needs the lock across instances.
    pub(crate) fn for_update(self) -> &'static str {
        match self {
            Dialect::Sqlite => "",
            Dialect::Postgres => " FOR UPDATE",
        }
    }
}

/// The statements a store method runs, inside one transaction.
pub(crate) trait Sql {
    fn dialect(&self) -> Dialect;
    /// Runs a statement; the number of rows changed.
    fn exec(&mut self, sql: &str, args: &[Val]) -> Result<u64>;
    /// Runs a query.
    fn rows(&mut self, sql: &str, args: &[Val]) -> Result<Vec<Row>>;
    /// Runs several statements without parameters (migrations).
    fn batch(&mut self, sql: &str) -> Result<()>;

    /// The first row, if any.
    fn row(&mut self, sql: &str, args: &[Val]) -> Result<Option<Row>> {
        Ok(self.rows(sql, args)?.into_iter().next())
    }
    /// The first row, which must exist.
    fn one(&mut self, sql: &str, args: &[Val]) -> Result<Row> {
        self.row(sql, args)?
            .ok_or_else(|| StoreError::Invalid("查询没有结果".into()))
    }
}

// ---- SQLite ---------------------------------------------------------------------------

pub(crate) struct SqliteTx<'a>(pub(crate) &'a rusqlite::Transaction<'a>);

fn to_sqlite(v: &Val) -> rusqlite::types::Value {
    match v {
        Val::Int(i) => rusqlite::types::Value::Integer(*i),
        Val::Text(t) => rusqlite::types::Value::Text(t.clone()),
        Val::NullInt | Val::NullText => rusqlite::types::Value::Null,
    }
}

impl Sql for SqliteTx<'_> {
    fn dialect(&self) -> Dialect {
        Dialect::Sqlite
    }
    fn exec(&mut self, sql: &str, args: &[Val]) -> Result<u64> {
        let params: Vec<rusqlite::types::Value> = args.iter().map(to_sqlite).collect();
        Ok(self.0.execute(sql, rusqlite::params_from_iter(params))? as u64)
    }
    fn rows(&mut self, sql: &str, args: &[Val]) -> Result<Vec<Row>> {
        let params: Vec<rusqlite::types::Value> = args.iter().map(to_sqlite).collect();
        let mut stmt = self.0.prepare(sql)?;
        let n = stmt.column_count();
        let rows = stmt
            .query_map(rusqlite::params_from_iter(params), |r| {
                let mut cells = Vec::with_capacity(n);
                for i in 0..n {
                    cells.push(match r.get_ref(i)? {
                        rusqlite::types::ValueRef::Integer(v) => Val::Int(v),
                        rusqlite::types::ValueRef::Text(t) => {
                            Val::Text(String::from_utf8_lossy(t).into_owned())
                        }
                        rusqlite::types::ValueRef::Null => Val::NullText,
                        rusqlite::types::ValueRef::Real(f) => Val::Int(f as i64),
                        rusqlite::types::ValueRef::Blob(b) => {
                            Val::Text(String::from_utf8_lossy(b).into_owned())
                        }
                    });
                }
                Ok(Row(cells))
            })?
            .collect::<std::result::Result<Vec<_>, _>>()?;
        Ok(rows)
    }
    fn batch(&mut self, sql: &str) -> Result<()> {
        Ok(self.0.execute_batch(sql)?)
    }
}

// ---- PostgreSQL -----------------------------------------------------------------------

pub(crate) struct PgTx<'a, 'b>(pub(crate) &'a mut postgres::Transaction<'b>);

/// `?N` → `$N` (the statements have no `?` inside string literals).
pub(crate) fn pg_placeholders(sql: &str) -> String {
    let mut out = String::with_capacity(sql.len());
    let mut chars = sql.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '?' && chars.peek().is_some_and(char::is_ascii_digit) {
            out.push('$');
        } else {
            out.push(c);
        }
    }
    out
}

fn pg_params(args: &[Val]) -> Vec<Box<dyn postgres::types::ToSql + Sync>> {
    args.iter()
        .map(|v| -> Box<dyn postgres::types::ToSql + Sync> {
            match v {
                Val::Int(i) => Box::new(*i),
                Val::Text(t) => Box::new(t.clone()),
                Val::NullInt => Box::new(None::<i64>),
                Val::NullText => Box::new(None::<String>),
            }
        })
        .collect()
}

fn pg_cell(row: &postgres::Row, i: usize) -> Result<Val> {
    use postgres::types::Type;
    let ty = row.columns()[i].type_().clone();
    let v = if ty == Type::INT8 {
        row.try_get::<_, Option<i64>>(i)?
            .map_or(Val::NullInt, Val::Int)
    } else if ty == Type::INT4 {
        row.try_get::<_, Option<i32>>(i)?
            .map_or(Val::NullInt, |v| Val::Int(i64::from(v)))
    } else if ty == Type::INT2 {
        row.try_get::<_, Option<i16>>(i)?
            .map_or(Val::NullInt, |v| Val::Int(i64::from(v)))
    } else if ty == Type::BOOL {
        row.try_get::<_, Option<bool>>(i)?
            .map_or(Val::NullInt, |v| Val::Int(i64::from(v)))
    } else {
        row.try_get::<_, Option<String>>(i)?
            .map_or(Val::NullText, Val::Text)
    };
    Ok(v)
}

impl Sql for PgTx<'_, '_> {
    fn dialect(&self) -> Dialect {
        Dialect::Postgres
    }
    fn exec(&mut self, sql: &str, args: &[Val]) -> Result<u64> {
        let params = pg_params(args);
        let refs: Vec<&(dyn postgres::types::ToSql + Sync)> =
            params.iter().map(|p| p.as_ref()).collect();
        Ok(self.0.execute(pg_placeholders(sql).as_str(), &refs)?)
    }
    fn rows(&mut self, sql: &str, args: &[Val]) -> Result<Vec<Row>> {
        let params = pg_params(args);
        let refs: Vec<&(dyn postgres::types::ToSql + Sync)> =
            params.iter().map(|p| p.as_ref()).collect();
        let rows = self.0.query(pg_placeholders(sql).as_str(), &refs)?;
        rows.iter()
            .map(|r| {
                (0..r.len())
                    .map(|i| pg_cell(r, i))
                    .collect::<Result<Vec<_>>>()
                    .map(Row)
            })
            .collect()
    }
    fn batch(&mut self, sql: &str) -> Result<()> {
        Ok(self.0.batch_execute(sql)?)
    }
}

/// A handful of PostgreSQL connections, reused; a broken one is dropped and replaced. At most
/// [`MAX_OPEN`] are open at once per instance: a caller beyond that waits for one to come back
/// (so a burst of requests cannot exhaust the server's `max_connections`).
pub(crate) struct PgPool {
    pub(crate) url: String,
    idle: Mutex<Vec<postgres::Client>>,
    /// Connections handed out and not yet given back.
    busy: Mutex<usize>,
    freed: std::sync::Condvar,
}

impl std::fmt::Debug for PgPool {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PgPool")
            .field("url", &redact(&self.url))
            .finish()
    }
}

/// The URL without its password, for messages and logs.
pub(crate) fn redact(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme), Some(at)) if at > scheme => {
            let userinfo = &url[scheme + 3..at];
            let user = userinfo.split(':').next().unwrap_or("");
            format!("{}{user}{}", &url[..scheme + 3], &url[at..])
        }
        _ => url.to_owned(),
    }
}

impl Drop for PgPool {
    /// A `postgres::Client` closes itself by blocking on its own runtime, which panics on a
    /// thread that drives async tasks (a store dropped at the end of an async function): the
    /// idle connections are closed on a thread of their own.
    fn drop(&mut self) {
        let clients = std::mem::take(&mut *self.idle());
        if !clients.is_empty() {
            let _ = std::thread::spawn(move || drop(clients)).join();
        }
    }
}

/// A pooled connection, given back on drop.
pub(crate) struct Lease<'a> {
    pool: &'a PgPool,
    client: Option<postgres::Client>,
}

impl Lease<'_> {
    pub(crate) fn client(&mut self) -> &mut postgres::Client {
        self.client
            .as_mut()
            .expect("a lease holds its client until dropped")
    }
}

impl Drop for Lease<'_> {
    fn drop(&mut self) {
        if let Some(client) = self.client.take() {
            self.pool.give_back(client);
        }
    }
}

/// Connections kept idle at most.
const MAX_IDLE: usize = 8;
/// Connections open at most per instance.
pub(crate) const MAX_OPEN: usize = 32;

impl PgPool {
    pub(crate) fn new(url: &str) -> PgPool {
        PgPool {
            url: url.to_owned(),
            idle: Mutex::new(Vec::new()),
            busy: Mutex::new(0),
            freed: std::sync::Condvar::new(),
        }
    }

    fn idle(&self) -> MutexGuard<'_, Vec<postgres::Client>> {
        self.idle.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// A connection: an idle one, or a new one while fewer than [`MAX_OPEN`] are out; else
    /// waits. Every `take` that succeeds must be followed by `give_back`.
    fn take(&self) -> Result<postgres::Client> {
        {
            let mut busy = self.busy.lock().unwrap_or_else(|p| p.into_inner());
            while *busy >= MAX_OPEN {
                busy = self.freed.wait(busy).unwrap_or_else(|p| p.into_inner());
            }
            *busy += 1;
        }
        while let Some(client) = self.idle().pop() {
            if !client.is_closed() {
                return Ok(client);
            }
        }
        postgres::Client::connect(&self.url, postgres::NoTls).map_err(|e| {
            self.release();
            // The cause (refused, unknown host, authentication) is in the source chain.
            let mut message = e.to_string();
            let mut source = std::error::Error::source(&e);
            while let Some(cause) = source {
                message.push_str(&format!("：{cause}"));
                source = cause.source();
            }
            StoreError::Open {
                path: redact(&self.url),
                message,
            }
        })
    }

    /// A connection that goes back to the pool when dropped (also on a panic).
    pub(crate) fn lease(&self) -> Result<Lease<'_>> {
        Ok(Lease {
            pool: self,
            client: Some(self.take()?),
        })
    }

    fn release(&self) {
        let mut busy = self.busy.lock().unwrap_or_else(|p| p.into_inner());
        *busy = busy.saturating_sub(1);
        self.freed.notify_one();
    }

    fn give_back(&self, client: postgres::Client) {
        if !client.is_closed() {
            let mut idle = self.idle();
            if idle.len() < MAX_IDLE {
                idle.push(client);
            }
        }
        self.release();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_and_redaction() {
        assert_eq!(
            pg_placeholders("SELECT ?1, ?12 WHERE a = '?'"),
            "SELECT $1, $12 WHERE a = '?'"
        );
        assert_eq!(
            redact("postgres://lvshen:secret@db:5432/lvshen"),
            "postgres://lvshen@db:5432/lvshen"
        );
        assert_eq!(redact("postgres://db/lvshen"), "postgres://db/lvshen");
    }
}
