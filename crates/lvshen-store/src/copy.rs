//! Moving a bureau's data between engines without loss (`lvshen store copy`): every table, in
//! the order its foreign keys need, row by row with its ids; then per-table counts and
//! checksums of source and target, which must be equal.

use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::db::{Dialect, Row, Sql, Val};
use crate::{Result, Store, StoreError};

/// A column and whether it holds integers (`true`) or text.
type Column = (&'static str, bool);

/// The tables, parents first; the first column is the key the copy pages by.
const TABLES: &[(&str, &[Column])] = &[
    ("orgs", &[("id", true), ("name", false)]),
    (
        "users",
        &[
            ("id", true),
            ("name", false),
            ("password_hash", false),
            ("role", false),
            ("org_id", true),
            ("disabled", true),
            ("created_at", false),
        ],
    ),
    (
        "sessions",
        &[
            ("token_hash", false),
            ("user_id", true),
            ("csrf", false),
            ("created_at", false),
            ("expires_at", false),
        ],
    ),
    (
        "login_failures",
        &[
            ("id", true),
            ("name", false),
            ("addr", false),
            ("at", false),
        ],
    ),
    (
        "filings",
        &[
            ("id", true),
            ("org_id", true),
            ("owner_id", true),
            ("title", false),
            ("district", false),
            ("status", false),
            ("created_at", false),
            ("updated_at", false),
            ("submitted_at", false),
            ("submitted_version", true),
        ],
    ),
    (
        "filing_versions",
        &[
            ("id", true),
            ("filing_id", true),
            ("version", true),
            ("body", false),
            ("author_id", true),
            ("created_at", false),
        ],
    ),
    (
        "reports",
        &[
            ("id", true),
            ("filing_id", true),
            ("version", true),
            ("report", false),
            ("errors", true),
            ("warnings", true),
            ("created_at", false),
        ],
    ),
    (
        "decisions",
        &[
            ("id", true),
            ("filing_id", true),
            ("version", true),
            ("finding_key", false),
            ("rule_id", false),
            ("accepted", true),
            ("comment", false),
            ("reviewer_id", true),
            ("created_at", false),
        ],
    ),
    (
        "opinions",
        &[
            ("id", true),
            ("filing_id", true),
            ("text", false),
            ("method", false),
            ("author_id", true),
            ("created_at", false),
        ],
    ),
    (
        "conversations",
        &[("id", true), ("user_id", true), ("created_at", false)],
    ),
    (
        "messages",
        &[
            ("id", true),
            ("conversation_id", true),
            ("role", false),
            ("text", false),
            ("citations", false),
            ("created_at", false),
        ],
    ),
    (
        "documents",
        &[
            ("id", true),
            ("doc_id", false),
            ("sha256", false),
            ("bytes", true),
            ("content", false),
            ("added_at", false),
        ],
    ),
    (
        "filing_documents",
        &[
            ("id", true),
            ("filing_id", true),
            ("version", true),
            ("name", false),
            ("kind", false),
            ("sha256", false),
            ("bytes", true),
            ("content", false),
            ("intake", false),
            ("blocks", false),
            ("library", false),
            ("uploader_id", true),
            ("created_at", false),
        ],
    ),
    (
        "audit_log",
        &[
            ("id", true),
            ("at", false),
            ("user_id", true),
            ("action", false),
            ("object", false),
            ("detail", false),
        ],
    ),
];

/// Rows read and written per transaction.
const PAGE: i64 = 500;

/// One table's row count and checksum.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TableSummary {
    pub table: &'static str,
    pub rows: i64,
    /// SHA-256 over every row in key order (hex, first 16 digits).
    pub checksum: String,
}

/// One table after a copy.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TableCopy {
    pub table: &'static str,
    pub source_rows: i64,
    pub target_rows: i64,
    pub source_checksum: String,
    pub target_checksum: String,
}

impl TableCopy {
    pub fn matches(&self) -> bool {
        self.source_rows == self.target_rows && self.source_checksum == self.target_checksum
    }
}

fn typed(v: Val, integer: bool) -> Val {
    match (v, integer) {
        (Val::NullInt | Val::NullText, true) => Val::NullInt,
        (Val::NullInt | Val::NullText, false) => Val::NullText,
        (v, _) => v,
    }
}

fn page(db: &mut dyn Sql, table: &str, cols: &[Column], after: &Val) -> Result<Vec<Row>> {
    let names: Vec<&str> = cols.iter().map(|c| c.0).collect();
    let key = cols[0].0;
    db.rows(
        &format!(
            "SELECT {} FROM {table} WHERE {key} > ?1 ORDER BY {key} LIMIT {PAGE}",
            names.join(", ")
        ),
        std::slice::from_ref(after),
    )
}

fn first_key(cols: &[Column]) -> Val {
    if cols[0].1 {
        Val::Int(i64::MIN)
    } else {
        Val::Text(String::new())
    }
}

fn hash_row(hasher: &mut Sha256, row: &Row) {
    for cell in &row.0 {
        match cell {
            Val::Int(i) => hasher.update(format!("I{i};")),
            Val::Text(t) => {
                hasher.update(format!("T{}:", t.len()));
                hasher.update(t.as_bytes());
            }
            Val::NullInt | Val::NullText => hasher.update("N;"),
        }
    }
    hasher.update("\n");
}

impl Store {
    /// Row counts and checksums of every table.
    pub fn summary(&self) -> Result<Vec<TableSummary>> {
        TABLES
            .iter()
            .map(|(table, cols)| {
                let mut hasher = Sha256::new();
                let mut rows = 0i64;
                let mut after = first_key(cols);
                loop {
                    let chunk = self.tx(|db| page(db, table, cols, &after))?;
                    for row in &chunk {
                        hash_row(&mut hasher, row);
                    }
                    rows += chunk.len() as i64;
                    match chunk.last() {
                        Some(last) if chunk.len() as i64 == PAGE => {
                            after = last.0[0].clone();
                        }
                        _ => break,
                    }
                }
                let digest = hasher.finalize();
                let checksum: String = digest.iter().take(8).map(|b| format!("{b:02x}")).collect();
                Ok(TableSummary {
                    table,
                    rows,
                    checksum,
                })
            })
            .collect()
    }

    /// Copies every row into `target`, which must be freshly migrated and empty; then compares
    /// the two tables by tables. `progress` hears each table and its rows so far.
    pub fn copy_into(
        &self,
        target: &Store,
        mut progress: impl FnMut(&str, i64),
    ) -> Result<Vec<TableCopy>> {
        let busy = target.tx(|db| {
            let mut busy = Vec::new();
            for (table, _) in TABLES {
                let n = db
                    .one(&format!("SELECT COUNT(*) FROM {table}"), &[])?
                    .int(0)?;
                if n > 0 {
                    busy.push(format!("{table}（{n} 行）"));
                }
            }
            Ok(busy)
        })?;
        if !busy.is_empty() {
            return Err(StoreError::Invalid(format!(
                "目标数据库不是空的：{}；请使用新建的空数据库",
                busy.join("、")
            )));
        }
        for (table, cols) in TABLES {
            let names: Vec<&str> = cols.iter().map(|c| c.0).collect();
            let marks: Vec<String> = (1..=cols.len()).map(|i| format!("?{i}")).collect();
            let insert = format!(
                "INSERT INTO {table}({}) VALUES ({})",
                names.join(", "),
                marks.join(", ")
            );
            let mut after = first_key(cols);
            let mut copied = 0i64;
            loop {
                let chunk = self.tx(|db| page(db, table, cols, &after))?;
                if chunk.is_empty() {
                    break;
                }
                target.tx(|db| {
                    for row in &chunk {
                        let args: Vec<Val> = row
                            .0
                            .iter()
                            .zip(cols.iter())
                            .map(|(v, c)| typed(v.clone(), c.1))
                            .collect();
                        db.exec(&insert, &args)?;
                    }
                    Ok(())
                })?;
                copied += chunk.len() as i64;
                progress(table, copied);
                let full = chunk.len() as i64 == PAGE;
                after = chunk.last().map(|r| r.0[0].clone()).unwrap_or(after);
                if !full {
                    break;
                }
            }
            // Identity columns continue after the copied ids.
            if cols[0].0 == "id" {
                target.tx(|db| {
                    if db.dialect() == Dialect::Postgres {
                        db.rows(
                            &format!(
                                "SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT COALESCE(MAX(id), 0) + 1 FROM {table}), false)"
                            ),
                            &[],
                        )?;
                    }
                    Ok(())
                })?;
            }
        }
        let source = self.summary()?;
        let copied = target.summary()?;
        Ok(source
            .into_iter()
            .zip(copied)
            .map(|(s, t)| TableCopy {
                table: s.table,
                source_rows: s.rows,
                target_rows: t.rows,
                source_checksum: s.checksum,
                target_checksum: t.checksum,
            })
            .collect())
    }
}
