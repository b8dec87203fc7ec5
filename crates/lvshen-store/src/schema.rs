//! Migrations: numbered, applied in order, each in a transaction, recorded in
//! `schema_migrations`. Never edit a released migration; add the next one.

use crate::Result;
use crate::db::{Dialect, Sql};

/// SQLite.
const SQLITE: &[(i64, &str)] = &[
    (
        1,
        r#"
CREATE TABLE orgs (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE
);
CREATE TABLE users (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    password_hash TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('applicant', 'reviewer', 'staff', 'admin')),
    org_id INTEGER REFERENCES orgs(id),
    disabled INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL
);
CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users(id),
    csrf TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
);
CREATE TABLE login_failures (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    addr TEXT NOT NULL,
    at TEXT NOT NULL
);
CREATE INDEX login_failures_at ON login_failures(at);
CREATE TABLE filings (
    id INTEGER PRIMARY KEY,
    org_id INTEGER NOT NULL REFERENCES orgs(id),
    owner_id INTEGER NOT NULL REFERENCES users(id),
    title TEXT NOT NULL,
    district TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL CHECK (status IN ('draft', 'submitted', 'reviewed')),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    submitted_at TEXT
);
CREATE INDEX filings_org ON filings(org_id);
CREATE INDEX filings_status ON filings(status);
CREATE TABLE filing_versions (
    id INTEGER PRIMARY KEY,
    filing_id INTEGER NOT NULL REFERENCES filings(id),
    version INTEGER NOT NULL,
    body TEXT NOT NULL,
    author_id INTEGER NOT NULL REFERENCES users(id),
    created_at TEXT NOT NULL,
    UNIQUE (filing_id, version)
);
CREATE TABLE reports (
    id INTEGER PRIMARY KEY,
    filing_id INTEGER NOT NULL REFERENCES filings(id),
    version INTEGER NOT NULL,
    report TEXT NOT NULL,
    errors INTEGER NOT NULL,
    warnings INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    UNIQUE (filing_id, version)
);
CREATE TABLE decisions (
    id INTEGER PRIMARY KEY,
    filing_id INTEGER NOT NULL REFERENCES filings(id),
    version INTEGER NOT NULL,
    finding_key TEXT NOT NULL,
    rule_id TEXT NOT NULL,
    accepted INTEGER NOT NULL CHECK (accepted IN (0, 1)),
    comment TEXT NOT NULL DEFAULT '',
    reviewer_id INTEGER NOT NULL REFERENCES users(id),
    created_at TEXT NOT NULL,
    UNIQUE (filing_id, version, finding_key)
);
CREATE TABLE opinions (
    id INTEGER PRIMARY KEY,
    filing_id INTEGER NOT NULL REFERENCES filings(id),
    text TEXT NOT NULL,
    method TEXT NOT NULL,
    author_id INTEGER NOT NULL REFERENCES users(id),
    created_at TEXT NOT NULL
);
CREATE TABLE conversations (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users(id),
    created_at TEXT NOT NULL
);
CREATE TABLE messages (
    id INTEGER PRIMARY KEY,
    conversation_id INTEGER NOT NULL REFERENCES conversations(id),
    role TEXT NOT NULL CHECK (role IN ('user', 'assistant')),
    text TEXT NOT NULL,
    citations TEXT NOT NULL DEFAULT '[]',
    created_at TEXT NOT NULL
);
CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    user_id INTEGER REFERENCES users(id),
    action TEXT NOT NULL,
    object TEXT NOT NULL,
    detail TEXT NOT NULL DEFAULT ''
);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
"#,
    ),
    (
        2,
        // The version that was checked when the filing was submitted (red-team problem 6).
        "ALTER TABLE filings ADD COLUMN submitted_version INTEGER;",
    ),
    (
        3,
        // Knowledge-base documents shared by every instance (`lvshen ingest --shared`).
        "CREATE TABLE documents (
            id INTEGER PRIMARY KEY,
            doc_id TEXT NOT NULL UNIQUE,
            sha256 TEXT NOT NULL,
            bytes INTEGER NOT NULL,
            content TEXT NOT NULL,
            added_at TEXT NOT NULL
        );",
    ),
    (
        4,
        // EIA documents (DOCX/PDF) uploaded on a filing, with the intake report, the
        // document's blocks (for the reviewer's view) and its library entry (copy check).
        "CREATE TABLE filing_documents (
            id INTEGER PRIMARY KEY,
            filing_id INTEGER NOT NULL REFERENCES filings(id),
            version INTEGER NOT NULL,
            name TEXT NOT NULL,
            kind TEXT NOT NULL,
            sha256 TEXT NOT NULL,
            bytes INTEGER NOT NULL,
            content TEXT NOT NULL,
            intake TEXT NOT NULL,
            blocks TEXT NOT NULL,
            library TEXT NOT NULL,
            uploader_id INTEGER NOT NULL REFERENCES users(id),
            created_at TEXT NOT NULL
        );
        CREATE INDEX filing_documents_filing ON filing_documents(filing_id);",
    ),
];

/// PostgreSQL: the same tables, columns and constraints; integers are BIGINT (what the store
/// binds), ids are identity columns (so `lvshen store copy` can keep them), time stamps stay
/// ISO-8601 text as in SQLite so both compare and print the same way.
const POSTGRES: &[(i64, &str)] = &[
    (
        1,
        r#"
CREATE TABLE orgs (
    id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    name TEXT NOT NULL UNIQUE
);
CREATE TABLE users (
    id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    password_hash TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('applicant', 'reviewer', 'staff', 'admin')),
    org_id BIGINT REFERENCES orgs(id),
    disabled BIGINT NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL
);
CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users(id),
    csrf TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
);
CREATE TABLE login_failures (
    id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    name TEXT NOT NULL,
    addr TEXT NOT NULL,
    at TEXT NOT NULL
);
CREATE INDEX login_failures_at ON login_failures(at);
CREATE TABLE filings (
    id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    org_id BIGINT NOT NULL REFERENCES orgs(id),
    owner_id BIGINT NOT NULL REFERENCES users(id),
    title TEXT NOT NULL,
    district TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL CHECK (status IN ('draft', 'submitted', 'reviewed')),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    submitted_at TEXT
);
CREATE INDEX filings_org ON filings(org_id);
CREATE INDEX filings_status ON filings(status);
CREATE TABLE filing_versions (
    id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    filing_id BIGINT NOT NULL REFERENCES filings(id),
    version BIGINT NOT NULL,
    body TEXT NOT NULL,
    author_id BIGINT NOT NULL REFERENCES users(id),
    created_at TEXT NOT NULL,
    UNIQUE (filing_id, version)
);
CREATE TABLE reports (
    id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    filing_id BIGINT NOT NULL REFERENCES filings(id),
    version BIGINT NOT NULL,
    report TEXT NOT NULL,
    errors BIGINT NOT NULL,
    warnings BIGINT NOT NULL,
    created_at TEXT NOT NULL,
    UNIQUE (filing_id, version)
);
CREATE TABLE decisions (
    id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    filing_id BIGINT NOT NULL REFERENCES filings(id),
    version BIGINT NOT NULL,
    finding_key TEXT NOT NULL,
    rule_id TEXT NOT NULL,
    accepted BIGINT NOT NULL CHECK (accepted IN (0, 1)),
    comment TEXT NOT NULL DEFAULT '',
    reviewer_id BIGINT NOT NULL REFERENCES users(id),
    created_at TEXT NOT NULL,
    UNIQUE (filing_id, version, finding_key)
);
CREATE TABLE opinions (
    id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    filing_id BIGINT NOT NULL REFERENCES filings(id),
    text TEXT NOT NULL,
    method TEXT NOT NULL,
    author_id BIGINT NOT NULL REFERENCES users(id),
    created_at TEXT NOT NULL
);
CREATE TABLE conversations (
    id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users(id),
    created_at TEXT NOT NULL
);
CREATE TABLE messages (
    id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    conversation_id BIGINT NOT NULL REFERENCES conversations(id),
    role TEXT NOT NULL CHECK (role IN ('user', 'assistant')),
    text TEXT NOT NULL,
    citations TEXT NOT NULL DEFAULT '[]',
    created_at TEXT NOT NULL
);
CREATE TABLE audit_log (
    id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    at TEXT NOT NULL,
    user_id BIGINT REFERENCES users(id),
    action TEXT NOT NULL,
    object TEXT NOT NULL,
    detail TEXT NOT NULL DEFAULT ''
);
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN RAISE EXCEPTION 'audit log is append-only'; END $$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
"#,
    ),
    (
        2,
        // The version that was checked when the filing was submitted (red-team problem 6).
        "ALTER TABLE filings ADD COLUMN submitted_version BIGINT;",
    ),
    (
        3,
        "CREATE TABLE documents (
            id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
            doc_id TEXT NOT NULL UNIQUE,
            sha256 TEXT NOT NULL,
            bytes BIGINT NOT NULL,
            content TEXT NOT NULL,
            added_at TEXT NOT NULL
        );",
    ),
    (
        4,
        "CREATE TABLE filing_documents (
            id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
            filing_id BIGINT NOT NULL REFERENCES filings(id),
            version BIGINT NOT NULL,
            name TEXT NOT NULL,
            kind TEXT NOT NULL,
            sha256 TEXT NOT NULL,
            bytes BIGINT NOT NULL,
            content TEXT NOT NULL,
            intake TEXT NOT NULL,
            blocks TEXT NOT NULL,
            library TEXT NOT NULL,
            uploader_id BIGINT NOT NULL REFERENCES users(id),
            created_at TEXT NOT NULL
        );
        CREATE INDEX filing_documents_filing ON filing_documents(filing_id);",
    ),
];

/// Applies the migrations not yet applied, in the transaction the store opened.
pub(crate) fn migrate(db: &mut dyn Sql) -> Result<()> {
    debug_assert_eq!(SQLITE.len(), POSTGRES.len());
    let migrations = match db.dialect() {
        Dialect::Sqlite => SQLITE,
        Dialect::Postgres => POSTGRES,
    };
    db.batch(
        "CREATE TABLE IF NOT EXISTS schema_migrations (version BIGINT PRIMARY KEY, applied_at TEXT NOT NULL)",
    )?;
    let current = db
        .one(
            "SELECT COALESCE(MAX(version), 0) FROM schema_migrations",
            &[],
        )?
        .int(0)?;
    for (version, sql) in migrations.iter().filter(|(v, _)| *v > current) {
        db.batch(sql)?;
        let now = db.dialect().now();
        db.exec(
            &format!("INSERT INTO schema_migrations(version, applied_at) VALUES (?1, {now})"),
            &[(*version).into()],
        )?;
    }
    Ok(())
}
