//! Storage for the web application: one SQLite file (WAL, the default) or a PostgreSQL
//! database shared by several `lvshen serve` instances, migrated on open.
//!
//! Users and organisations, sessions, filings with every saved version, check reports,
//! reviewer decisions on findings, review opinions, conversations, and an append-only audit
//! log (triggers refuse UPDATE and DELETE on it). Every method is one transaction written
//! once against `db::Sql`; the two engines differ only in their migrations and in the few
//! expressions `db::Dialect` gives (time stamps, byte length, row locks).
//!
//! The store is synchronous; the server calls it from blocking threads. SQLite: one
//! connection behind a mutex (it serialises writers anyway). PostgreSQL: a few pooled
//! connections; reads that precede a write lock their row (`FOR UPDATE`) so that two
//! instances cannot interleave a save and a submission, and login reservations lock the
//! failure table so that the throttle counts hold across instances.

mod copy;
mod db;
mod schema;

pub use copy::{TableCopy, TableSummary};

use std::path::Path;
use std::sync::Mutex;

use db::{Dialect, PgPool, PgTx, Sql, SqliteTx, Val};

use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use base64::Engine as _;
use rusqlite::Connection;
use serde::Serialize;
use sha2::{Digest, Sha256};

/// Errors of the store, in Chinese for the user where they reach one.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("数据库错误：{0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("数据库错误：{0}")]
    Postgres(#[from] postgres::Error),
    #[error("数据库 {path} 无法打开或连接：{message}")]
    Open { path: String, message: String },
    #[error("{0}")]
    Invalid(String),
    #[error("不存在：{0}")]
    NotFound(String),
    /// A write refused because of what is already there (a name taken, a newer version); the
    /// message says what, in full.
    #[error("{0}")]
    Conflict(String),
}

pub type Result<T> = std::result::Result<T, StoreError>;

impl StoreError {
    /// A unique or primary-key constraint refused the write.
    fn is_unique_violation(&self) -> bool {
        match self {
            StoreError::Sqlite(rusqlite::Error::SqliteFailure(e, _)) => {
                e.code == rusqlite::ErrorCode::ConstraintViolation
            }
            StoreError::Postgres(e) => {
                e.code() == Some(&postgres::error::SqlState::UNIQUE_VIOLATION)
            }
            _ => false,
        }
    }
}

/// What a user may do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// A dyeing company or its EIA consultancy: its organisation's filings only.
    Applicant,
    /// Bureau reviewer: submitted filings, decisions, opinions.
    Reviewer,
    /// Bureau staff: the Q&A agent.
    Staff,
    /// Accounts.
    Admin,
}

impl Role {
    pub fn code(self) -> &'static str {
        match self {
            Role::Applicant => "applicant",
            Role::Reviewer => "reviewer",
            Role::Staff => "staff",
            Role::Admin => "admin",
        }
    }

    pub fn label_zh(self) -> &'static str {
        match self {
            Role::Applicant => "申报单位",
            Role::Reviewer => "审查人员",
            Role::Staff => "工作人员",
            Role::Admin => "管理员",
        }
    }

    pub fn parse(text: &str) -> Option<Role> {
        Some(match text.trim() {
            "applicant" | "申报单位" => Role::Applicant,
            "reviewer" | "审查人员" => Role::Reviewer,
            "staff" | "工作人员" => Role::Staff,
            "admin" | "管理员" => Role::Admin,
            _ => return None,
        })
    }
}

/// A user.
#[derive(Debug, Clone, Serialize)]
pub struct User {
    pub id: i64,
    pub name: String,
    pub role: Role,
    /// The organisation (applicants).
    pub org: Option<String>,
}

/// Status of a filing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FilingStatus {
    Draft,
    Submitted,
    Reviewed,
}

impl FilingStatus {
    pub fn code(self) -> &'static str {
        match self {
            FilingStatus::Draft => "draft",
            FilingStatus::Submitted => "submitted",
            FilingStatus::Reviewed => "reviewed",
        }
    }

    pub fn label_zh(self) -> &'static str {
        match self {
            FilingStatus::Draft => "草稿",
            FilingStatus::Submitted => "已提交",
            FilingStatus::Reviewed => "已审查",
        }
    }

    fn parse(text: &str) -> FilingStatus {
        match text {
            "submitted" => FilingStatus::Submitted,
            "reviewed" => FilingStatus::Reviewed,
            _ => FilingStatus::Draft,
        }
    }
}

/// A filing's summary row.
#[derive(Debug, Clone, Serialize)]
pub struct FilingRow {
    pub id: i64,
    pub org: String,
    pub owner: String,
    pub title: String,
    pub district: String,
    pub status: FilingStatus,
    pub version: i64,
    pub errors: i64,
    pub warnings: i64,
    pub updated_at: String,
    pub submitted_at: Option<String>,
}

/// One saved version of a filing.
#[derive(Debug, Clone, Serialize)]
pub struct FilingVersion {
    pub filing_id: i64,
    pub version: i64,
    /// The filing as the applicant saved it (JSON text; may be invalid while a draft).
    pub body: String,
    pub author: String,
    pub created_at: String,
}

/// An EIA document uploaded on a filing.
#[derive(Debug, Clone, Serialize)]
pub struct FilingDocument {
    pub id: i64,
    pub filing_id: i64,
    /// The filing version that was latest when it was uploaded.
    pub version: i64,
    pub name: String,
    /// `docx` or `pdf`.
    pub kind: String,
    pub sha256: String,
    pub bytes: i64,
    pub uploader: String,
    pub created_at: String,
    /// The intake report (JSON).
    #[serde(skip)]
    pub intake: String,
}

impl FilingDocument {
    /// From `id, filing_id, version, name, kind, sha256, bytes, uploader, created_at, intake`.
    fn from_row(r: &db::Row) -> Result<Self> {
        Ok(FilingDocument {
            id: r.int(0)?,
            filing_id: r.int(1)?,
            version: r.int(2)?,
            name: r.text(3)?,
            kind: r.text(4)?,
            sha256: r.text(5)?,
            bytes: r.int(6)?,
            uploader: r.text(7)?,
            created_at: r.text(8)?,
            intake: r.text(9)?,
        })
    }
}

/// A reviewer's decision on one finding.
#[derive(Debug, Clone, Serialize)]
pub struct Decision {
    pub filing_id: i64,
    pub version: i64,
    /// `rule_id|field`: identifies a finding across re-checks of the same version.
    pub finding_key: String,
    pub rule_id: String,
    pub accepted: bool,
    pub comment: String,
    pub reviewer: String,
    pub created_at: String,
}

/// Acceptance counts of one rule.
#[derive(Debug, Clone, Serialize)]
pub struct RuleStats {
    pub rule_id: String,
    pub accepted: i64,
    pub dismissed: i64,
}

/// A chat message.
#[derive(Debug, Clone, Serialize)]
pub struct Message {
    pub id: i64,
    pub role: String,
    pub text: String,
    /// JSON array of citations (assistant messages).
    pub citations: String,
    pub created_at: String,
}

/// An audit entry.
#[derive(Debug, Clone, Serialize)]
pub struct AuditEntry {
    pub id: i64,
    pub at: String,
    pub user: Option<String>,
    pub action: String,
    pub object: String,
    pub detail: String,
}

/// An account name as stored: NFKC-normalised (ａｄｍｉｎ → admin), 1–64 characters, letters
/// (any script), digits and `._-` only — no spaces, control or format characters, so no
/// look-alikes in the user list or the audit log (red-team problem 16).
pub fn account_name(name: &str) -> Result<String> {
    use unicode_normalization::UnicodeNormalization;
    let name: String = name.trim().nfkc().collect();
    let n = name.chars().count();
    if n == 0 || n > 64 {
        return Err(StoreError::Invalid("用户名应为 1～64 个字符".into()));
    }
    if !name
        .chars()
        .all(|c| c.is_alphanumeric() || matches!(c, '.' | '_' | '-'))
    {
        return Err(StoreError::Invalid(
            "用户名只能包含字母、数字和 . _ -（不能有空格、换行或不可见字符）".into(),
        ));
    }
    Ok(name)
}

/// A password an account may have: 8–128 characters, not only spaces, at least two of
/// letters, digits and other characters, not the account name itself.
pub fn check_password(password: &str, name: &str) -> Result<()> {
    let n = password.chars().count();
    if !(8..=128).contains(&n) {
        return Err(StoreError::Invalid("密码应为 8～128 个字符".into()));
    }
    if password.trim().is_empty() {
        return Err(StoreError::Invalid("密码不能全为空格".into()));
    }
    let letters = password.chars().any(char::is_alphabetic);
    let digits = password.chars().any(|c| c.is_ascii_digit());
    let others = password.chars().any(|c| !c.is_alphanumeric());
    if [letters, digits, others].iter().filter(|x| **x).count() < 2 {
        return Err(StoreError::Invalid(
            "密码须包含字母、数字、符号中的至少两类".into(),
        ));
    }
    if !name.is_empty() && password.eq_ignore_ascii_case(name) {
        return Err(StoreError::Invalid("密码不能与用户名相同".into()));
    }
    Ok(())
}

/// An argon2 hash of a password, with a fresh salt.
fn hash_password(password: &str) -> Result<String> {
    let salt_bytes: [u8; 16] = {
        use rand::RngCore;
        let mut b = [0u8; 16];
        rand::rng().fill_bytes(&mut b);
        b
    };
    let salt = SaltString::encode_b64(&salt_bytes)
        .map_err(|e| StoreError::Invalid(format!("密码无法处理：{e}")))?;
    Ok(Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map_err(|e| StoreError::Invalid(format!("密码无法处理：{e}")))?
        .to_string())
}

/// The id of an account by name.
fn user_id(db: &mut dyn Sql, name: &str) -> Result<i64> {
    db.row(
        "SELECT id FROM users WHERE name = ?1",
        &[name.trim().into()],
    )?
    .map(|r| r.int(0))
    .transpose()?
    .ok_or_else(|| StoreError::NotFound(format!("用户 {}", name.trim())))
}

/// Versions one filing may have (every save is a version).
pub const MAX_VERSIONS_PER_FILING: i64 = 200;
/// Bytes of filing text one organisation may store, all versions together.
pub const MAX_ORG_BYTES: i64 = 512 * 1024 * 1024;

/// Refuses a save that would pass the organisation's storage or the filing's version cap
/// (red-team problem 10).
fn check_quota(db: &mut dyn Sql, org_id: i64, filing: Option<i64>, body: &str) -> Result<()> {
    if let Some(id) = filing {
        let versions = db
            .one(
                "SELECT COUNT(*) FROM filing_versions WHERE filing_id = ?1",
                &[id.into()],
            )?
            .int(0)?;
        if versions >= MAX_VERSIONS_PER_FILING {
            return Err(StoreError::Invalid(format!(
                "本填报已保存 {versions} 个版本，达到上限 {MAX_VERSIONS_PER_FILING}；请新建填报"
            )));
        }
    }
    let sql = format!(
        "SELECT CAST(COALESCE(SUM({}), 0) AS BIGINT) FROM filing_versions v
         JOIN filings f ON f.id = v.filing_id WHERE f.org_id = ?1",
        db.dialect().octets("v.body")
    );
    let used = db.one(&sql, &[org_id.into()])?.int(0)?;
    if used + body.len() as i64 > MAX_ORG_BYTES {
        return Err(StoreError::Invalid(format!(
            "本单位的填报已占用 {} MiB，达到存储上限 {} MiB；请联系管理员",
            used / 1_048_576,
            MAX_ORG_BYTES / 1_048_576
        )));
    }
    Ok(())
}

/// The longest user name kept in the failure table and the audit log.
pub const MAX_LOGGED_NAME: usize = 64;

fn bounded(name: &str) -> String {
    name.trim().chars().take(MAX_LOGGED_NAME).collect()
}

/// How many failed logins a window allows, per (name, address) pair, per name from any
/// address, and per address for any name.
#[derive(Debug, Clone, Copy)]
pub struct LoginLimits {
    pub minutes: i64,
    pub pair: i64,
    pub name: i64,
    pub addr: i64,
}

/// Why a login attempt was refused before its password was checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Throttle {
    /// Too many failures of this name from this address.
    Pair,
    /// Too many failures of this name from all addresses (an administrator can clear it).
    Name,
    /// Too many failures from this address for any names.
    Address,
}

/// The outcome of [`Store::reserve_login`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LoginGate {
    /// Go ahead; the id of the reservation.
    Open(i64),
    Throttled(Throttle),
}

/// The store: one SQLite file, or a PostgreSQL database.
#[derive(Debug)]
pub struct Store {
    backend: Backend,
}

#[derive(Debug)]
enum Backend {
    Sqlite(Mutex<Connection>),
    Postgres(PgPool),
}

/// Session lifetime.
pub const SESSION_HOURS: i64 = 12;

/// The largest document `put_document` keeps.
pub const MAX_DOCUMENT_BYTES: usize = 64 * 1024 * 1024;

fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// SHA-256 of a token, base64url: what is stored instead of the token.
pub fn token_hash(token: &str) -> String {
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(Sha256::digest(token.as_bytes()))
}

/// A random token (32 bytes, base64url).
pub fn random_token() -> String {
    use rand::RngCore;
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

impl Store {
    /// Opens (creating and migrating) the SQLite database file.
    pub fn open(path: &Path) -> Result<Store> {
        if let Some(dir) = path.parent()
            && !dir.as_os_str().is_empty()
        {
            std::fs::create_dir_all(dir).map_err(|e| StoreError::Open {
                path: path.display().to_string(),
                message: e.to_string(),
            })?;
        }
        let conn = Connection::open(path).map_err(|e| StoreError::Open {
            path: path.display().to_string(),
            message: e.to_string(),
        })?;
        Self::init_sqlite(conn)
    }

    /// An in-memory SQLite store (tests).
    pub fn in_memory() -> Result<Store> {
        Self::init_sqlite(Connection::open_in_memory()?)
    }

    /// Connects to a PostgreSQL database (`postgres://user:password@host:port/db`) and
    /// migrates it. Several instances may share it; migrations take an advisory lock.
    pub fn connect_postgres(url: &str) -> Result<Store> {
        let store = Store {
            backend: Backend::Postgres(PgPool::new(url)),
        };
        store.tx(|db| {
            // One instance migrates at a time; the others wait, then find nothing to do.
            db.exec("SELECT pg_advisory_xact_lock(7011)", &[])?;
            schema::migrate(db)
        })?;
        Ok(store)
    }

    /// Opens a store by URL: `postgres://…` / `postgresql://…`, `sqlite:PATH`, or a bare path.
    pub fn open_url(url: &str) -> Result<Store> {
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Self::connect_postgres(url)
        } else {
            let path = url
                .strip_prefix("sqlite://")
                .or_else(|| url.strip_prefix("sqlite:"));
            Self::open(Path::new(path.unwrap_or(url)))
        }
    }

    fn init_sqlite(conn: Connection) -> Result<Store> {
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        // WAL: readers do not block the writer; NORMAL sync is durable across process
        // crashes (a committed transaction survives a kill -9), the usual WAL setting.
        let _: String = conn.query_row("PRAGMA journal_mode=WAL", [], |r| r.get(0))?;
        conn.execute_batch("PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;")?;
        let store = Store {
            backend: Backend::Sqlite(Mutex::new(conn)),
        };
        store.tx(schema::migrate)?;
        Ok(store)
    }

    /// Which engine: `sqlite` or `postgres`, and where (password removed).
    pub fn describe(&self) -> String {
        match &self.backend {
            Backend::Sqlite(conn) => {
                let conn = conn.lock().unwrap_or_else(|p| p.into_inner());
                format!("sqlite:{}", conn.path().unwrap_or(":memory:"))
            }
            Backend::Postgres(pool) => db::redact(&pool.url),
        }
    }

    /// Runs `f` in one transaction: committed when it returns `Ok`, rolled back otherwise.
    fn tx<T>(&self, f: impl FnOnce(&mut dyn Sql) -> Result<T>) -> Result<T> {
        match &self.backend {
            Backend::Sqlite(conn) => {
                // A panic while holding the lock cannot leave SQLite inconsistent (the
                // transaction rolls back on drop), so a poisoned lock is still usable.
                let mut conn = conn.lock().unwrap_or_else(|p| p.into_inner());
                let tx = conn.transaction()?;
                let out = f(&mut SqliteTx(&tx))?;
                tx.commit()?;
                Ok(out)
            }
            Backend::Postgres(pool) => {
                let mut lease = pool.lease()?;
                let mut tx = lease.client().transaction()?;
                let out = f(&mut PgTx(&mut tx))?;
                tx.commit()?;
                Ok(out)
            }
        }
    }

    /// The schema version.
    pub fn schema_version(&self) -> Result<i64> {
        self.tx(|db| {
            db.one("SELECT MAX(version) FROM schema_migrations", &[])?
                .int(0)
        })
    }

    // ---- users ---------------------------------------------------------------------

    /// Adds a user; `org` is required for applicants.
    pub fn add_user(
        &self,
        name: &str,
        password: &str,
        role: Role,
        org: Option<&str>,
    ) -> Result<User> {
        let name = account_name(name)?;
        let name = name.as_str();
        check_password(password, name)?;
        let org = org.map(str::trim).filter(|o| !o.is_empty());
        if role == Role::Applicant && org.is_none() {
            return Err(StoreError::Invalid(
                "申报单位用户须指定所属单位（--org）".into(),
            ));
        }
        let hash = hash_password(password)?;
        let added = self.tx(|db| {
            let org_id = match org {
                Some(o) => {
                    db.exec(
                        "INSERT INTO orgs(name) VALUES (?1) ON CONFLICT(name) DO NOTHING",
                        &[o.into()],
                    )?;
                    Some(
                        db.one("SELECT id FROM orgs WHERE name = ?1", &[o.into()])?
                            .int(0)?,
                    )
                }
                None => None,
            };
            let exists = db
                .row("SELECT id FROM users WHERE name = ?1", &[name.into()])?
                .is_some();
            if exists {
                return Err(StoreError::Conflict(format!("用户 {name} 已存在")));
            }
            let sql = format!(
                "INSERT INTO users(name, password_hash, role, org_id, created_at)
                 VALUES (?1, ?2, ?3, ?4, {}) RETURNING id",
                db.dialect().now()
            );
            let id = db
                .one(
                    &sql,
                    &[
                        name.into(),
                        hash.as_str().into(),
                        role.code().into(),
                        org_id.into(),
                    ],
                )?
                .int(0)?;
            audit(
                db,
                None,
                "user.add",
                &format!("user:{id}"),
                &format!("{name} {}", role.code()),
            )?;
            Ok(id)
        });
        let id = match added {
            Err(e) if e.is_unique_violation() => {
                return Err(StoreError::Conflict(format!("用户 {name} 已存在")));
            }
            other => other?,
        };
        Ok(User {
            id,
            name: name.to_owned(),
            role,
            org: org.map(str::to_owned),
        })
    }

    /// Checks a password. `None` for an unknown user or a wrong password (same cost).
    pub fn verify_password(&self, name: &str, password: &str) -> Result<Option<User>> {
        let row = self.tx(|db| {
            db.row(
                "SELECT u.id, u.name, u.role, o.name, u.password_hash FROM users u
                 LEFT JOIN orgs o ON o.id = u.org_id WHERE u.name = ?1 AND u.disabled = 0",
                &[name.trim().into()],
            )?
            .map(|r| {
                Ok((
                    r.int(0)?,
                    r.text(1)?,
                    r.text(2)?,
                    r.opt_text(3)?,
                    r.text(4)?,
                ))
            })
            .transpose()
        })?;
        // Verify against a real hash of a random password when the user does not exist, so
        // that an unknown name costs the same time as a wrong password.
        static DUMMY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
        let dummy = DUMMY.get_or_init(|| {
            SaltString::encode_b64(b"lvshen-dummy-salt")
                .ok()
                .and_then(|salt| {
                    Argon2::default()
                        .hash_password(random_token().as_bytes(), &salt)
                        .ok()
                        .map(|h| h.to_string())
                })
                .unwrap_or_default()
        });
        let hash_text = row.as_ref().map_or(dummy.as_str(), |r| r.4.as_str());
        let ok = PasswordHash::new(hash_text).ok().is_some_and(|h| {
            Argon2::default()
                .verify_password(password.as_bytes(), &h)
                .is_ok()
        });
        Ok(match row {
            Some((id, name, role, org, _)) if ok => Some(User {
                id,
                name,
                role: Role::parse(&role).unwrap_or(Role::Staff),
                org,
            }),
            _ => None,
        })
    }

    /// Disables or re-enables an account; disabling ends its sessions (red-team problem 7).
    pub fn set_disabled(&self, actor: Option<&User>, name: &str, disabled: bool) -> Result<()> {
        self.tx(|db| {
            let id = user_id(db, name)?;
            db.exec(
                "UPDATE users SET disabled = ?2 WHERE id = ?1",
                &[id.into(), disabled.into()],
            )?;
            if disabled {
                db.exec("DELETE FROM sessions WHERE user_id = ?1", &[id.into()])?;
            }
            let action = if disabled {
                "user.disable"
            } else {
                "user.enable"
            };
            audit(db, actor.map(|u| u.id), action, &format!("user:{name}"), "")
        })
    }

    /// Sets a new password (checked like a new account's) and ends the account's sessions.
    pub fn set_password(&self, actor: Option<&User>, name: &str, password: &str) -> Result<()> {
        check_password(password, name)?;
        let hash = hash_password(password)?;
        self.tx(|db| {
            let id = user_id(db, name)?;
            db.exec(
                "UPDATE users SET password_hash = ?2 WHERE id = ?1",
                &[id.into(), hash.as_str().into()],
            )?;
            db.exec("DELETE FROM sessions WHERE user_id = ?1", &[id.into()])?;
            audit(
                db,
                actor.map(|u| u.id),
                "user.password",
                &format!("user:{name}"),
                "",
            )
        })
    }

    /// Ends every session of an account. Returns how many.
    pub fn end_sessions(&self, actor: Option<&User>, name: &str) -> Result<usize> {
        self.tx(|db| {
            let id = user_id(db, name)?;
            let n = db.exec("DELETE FROM sessions WHERE user_id = ?1", &[id.into()])?;
            audit(
                db,
                actor.map(|u| u.id),
                "user.sessions_ended",
                &format!("user:{name}"),
                "",
            )?;
            Ok(n as usize)
        })
    }

    /// Deletes expired sessions and login failures older than a day. Returns how many rows.
    pub fn purge_expired(&self) -> Result<usize> {
        self.tx(|db| {
            let d = db.dialect();
            let sessions = db.exec(
                &format!("DELETE FROM sessions WHERE expires_at <= {}", d.now()),
                &[],
            )?;
            let failures = db.exec(
                &format!("DELETE FROM login_failures WHERE at <= {}", d.ts("-1 day")),
                &[],
            )?;
            Ok((sessions + failures) as usize)
        })
    }

    /// Every user.
    pub fn users(&self) -> Result<Vec<User>> {
        self.tx(|db| {
            db.rows(
                "SELECT u.id, u.name, u.role, o.name FROM users u LEFT JOIN orgs o ON o.id = u.org_id ORDER BY u.id",
                &[],
            )?
            .iter()
            .map(|r| {
                Ok(User {
                    id: r.int(0)?,
                    name: r.text(1)?,
                    role: Role::parse(&r.text(2)?).unwrap_or(Role::Staff),
                    org: r.opt_text(3)?,
                })
            })
            .collect()
        })
    }

    // ---- login throttling ------------------------------------------------------------

    /// Reserves a login attempt before the password is checked: counts the recent failures
    /// of this name from this address, of this name from anywhere and from this address for
    /// any name, refuses past `limits`, and otherwise records the attempt as a failure in the
    /// same transaction — under the store's one connection (SQLite) or a lock on the failure
    /// table (PostgreSQL, so that several instances count together). Concurrent attempts
    /// therefore cannot all see a count of zero (red-team problem 2).
    /// [`Store::login_succeeded`] removes the reservation (and the pair's earlier failures); a
    /// wrong password keeps it.
    pub fn reserve_login(&self, name: &str, addr: &str, limits: LoginLimits) -> Result<LoginGate> {
        let name = bounded(name);
        let minutes = limits.minutes.clamp(1, 7 * 24 * 60);
        self.tx(|db| {
            let d = db.dialect();
            if d == Dialect::Postgres {
                db.exec(
                    "LOCK TABLE login_failures IN SHARE ROW EXCLUSIVE MODE",
                    &[],
                )?;
            }
            let since = format!("at > {}", d.ts(&format!("-{minutes} minutes")));
            let pair = db
                .one(
                    &format!(
                        "SELECT COUNT(*) FROM login_failures WHERE name = ?1 AND addr = ?2 AND {since}"
                    ),
                    &[name.as_str().into(), addr.into()],
                )?
                .int(0)?;
            if pair >= limits.pair {
                return Ok(LoginGate::Throttled(Throttle::Pair));
            }
            let by_name = db
                .one(
                    &format!("SELECT COUNT(*) FROM login_failures WHERE name = ?1 AND {since}"),
                    &[name.as_str().into()],
                )?
                .int(0)?;
            if by_name >= limits.name {
                return Ok(LoginGate::Throttled(Throttle::Name));
            }
            let by_addr = db
                .one(
                    &format!("SELECT COUNT(*) FROM login_failures WHERE addr = ?1 AND {since}"),
                    &[addr.into()],
                )?
                .int(0)?;
            if by_addr >= limits.addr {
                return Ok(LoginGate::Throttled(Throttle::Address));
            }
            let id = db
                .one(
                    &format!(
                        "INSERT INTO login_failures(name, addr, at) VALUES (?1, ?2, {}) RETURNING id",
                        d.now()
                    ),
                    &[name.as_str().into(), addr.into()],
                )?
                .int(0)?;
            Ok(LoginGate::Open(id))
        })
    }

    /// A reserved attempt succeeded: its reservation and the earlier failures of this name
    /// from this address are cleared.
    pub fn login_succeeded(&self, reservation: i64, name: &str, addr: &str) -> Result<()> {
        self.tx(|db| {
            db.exec(
                "DELETE FROM login_failures WHERE id = ?1",
                &[reservation.into()],
            )?;
            db.exec(
                "DELETE FROM login_failures WHERE name = ?1 AND addr = ?2",
                &[bounded(name).into(), addr.into()],
            )?;
            Ok(())
        })
    }

    /// A reserved attempt failed: the reservation stays as the failure; the audit log says so.
    pub fn login_failed(&self, name: &str, addr: &str) -> Result<()> {
        self.tx(|db| {
            audit(
                db,
                None,
                "login.failed",
                &format!("user:{}", bounded(name)),
                addr,
            )
        })
    }

    /// Clears every recorded failure of a name (an administrator unlocking an account that
    /// someone kept locked with wrong passwords). Returns how many were cleared.
    pub fn clear_login_failures(&self, name: &str) -> Result<usize> {
        self.tx(|db| {
            let n = db.exec(
                "DELETE FROM login_failures WHERE name = ?1",
                &[bounded(name).into()],
            )?;
            audit(
                db,
                None,
                "login.unlock",
                &format!("user:{}", bounded(name)),
                "",
            )?;
            Ok(n as usize)
        })
    }

    // ---- sessions --------------------------------------------------------------------

    /// A new session: `(token, csrf token)`. The token is stored hashed. Sessions live in the
    /// database, so any instance serves them.
    pub fn create_session(&self, user: &User) -> Result<(String, String)> {
        let token = random_token();
        let csrf = random_token();
        self.tx(|db| {
            let d = db.dialect();
            db.exec(
                &format!(
                    "INSERT INTO sessions(token_hash, user_id, csrf, created_at, expires_at)
                     VALUES (?1, ?2, ?3, {}, {})",
                    d.now(),
                    d.ts(&format!("+{SESSION_HOURS} hours"))
                ),
                &[
                    token_hash(&token).into(),
                    user.id.into(),
                    csrf.as_str().into(),
                ],
            )?;
            audit(db, Some(user.id), "login", &format!("user:{}", user.id), "")
        })?;
        Ok((token, csrf))
    }

    /// The user and CSRF token of a live session.
    pub fn session(&self, token: &str) -> Result<Option<(User, String)>> {
        self.tx(|db| {
            let sql = format!(
                "SELECT u.id, u.name, u.role, o.name, s.csrf FROM sessions s
                 JOIN users u ON u.id = s.user_id LEFT JOIN orgs o ON o.id = u.org_id
                 WHERE s.token_hash = ?1 AND s.expires_at > {} AND u.disabled = 0",
                db.dialect().now()
            );
            db.row(&sql, &[token_hash(token).into()])?
                .map(|r| {
                    Ok((
                        User {
                            id: r.int(0)?,
                            name: r.text(1)?,
                            role: Role::parse(&r.text(2)?).unwrap_or(Role::Staff),
                            org: r.opt_text(3)?,
                        },
                        r.text(4)?,
                    ))
                })
                .transpose()
        })
    }

    /// Ends a session.
    pub fn delete_session(&self, token: &str) -> Result<()> {
        self.tx(|db| {
            db.exec(
                "DELETE FROM sessions WHERE token_hash = ?1",
                &[token_hash(token).into()],
            )?;
            Ok(())
        })
    }

    // ---- filings ---------------------------------------------------------------------

    /// A new draft filing with its first version.
    pub fn create_filing(
        &self,
        user: &User,
        title: &str,
        district: &str,
        body: &str,
    ) -> Result<i64> {
        let org = user
            .org
            .as_deref()
            .ok_or_else(|| StoreError::Invalid("只有属于申报单位的用户可以创建填报".into()))?;
        self.tx(|db| {
            let org_id = db
                .one("SELECT id FROM orgs WHERE name = ?1", &[org.into()])?
                .int(0)?;
            check_quota(db, org_id, None, body)?;
            let now = db.dialect().now();
            let id = db
                .one(
                    &format!(
                        "INSERT INTO filings(org_id, owner_id, title, district, status, created_at, updated_at)
                         VALUES (?1, ?2, ?3, ?4, 'draft', {now}, {now}) RETURNING id"
                    ),
                    &[org_id.into(), user.id.into(), title.into(), district.into()],
                )?
                .int(0)?;
            insert_version(db, id, 1, body, user.id)?;
            audit(db, Some(user.id), "filing.create", &format!("filing:{id}"), title)?;
            Ok(id)
        })
    }

    /// Saves a new version (drafts only).
    pub fn save_version(
        &self,
        user: &User,
        id: i64,
        title: &str,
        district: &str,
        body: &str,
    ) -> Result<i64> {
        self.save_version_on(user, id, None, title, district, body)
    }

    /// Saves a new version on top of `base` (the version the editor started from): when
    /// another save has landed since, nothing is written and the conflict names the current
    /// version (optimistic concurrency, so two instances or two tabs never lose a version
    /// silently). `None` saves on top of whatever is latest.
    pub fn save_version_on(
        &self,
        user: &User,
        id: i64,
        base: Option<i64>,
        title: &str,
        district: &str,
        body: &str,
    ) -> Result<i64> {
        self.tx(|db| {
            let d = db.dialect();
            // The row lock serialises saves and submissions of this filing across instances.
            let row = db
                .row(
                    &format!(
                        "SELECT status, org_id FROM filings WHERE id = ?1{}",
                        d.for_update()
                    ),
                    &[id.into()],
                )?
                .ok_or_else(|| StoreError::NotFound(format!("填报 {id}")))?;
            if row.text(0)? != "draft" {
                return Err(StoreError::Invalid("已提交的填报不能再修改".into()));
            }
            let org_id = row.int(1)?;
            let latest = db
                .one(
                    "SELECT COALESCE(MAX(version), 0) FROM filing_versions WHERE filing_id = ?1",
                    &[id.into()],
                )?
                .int(0)?;
            if let Some(base) = base
                && base != latest
            {
                return Err(StoreError::Conflict(format!(
                    "填报已被他人保存为第 {latest} 版（你编辑的是第 {base} 版），请刷新后在最新版本上修改"
                )));
            }
            check_quota(db, org_id, Some(id), body)?;
            let version = latest + 1;
            insert_version(db, id, version, body, user.id)?;
            db.exec(
                &format!(
                    "UPDATE filings SET title = ?2, district = ?3, updated_at = {} WHERE id = ?1",
                    d.now()
                ),
                &[id.into(), title.into(), district.into()],
            )?;
            audit(
                db,
                Some(user.id),
                "filing.save",
                &format!("filing:{id}"),
                &format!("version {version}"),
            )?;
            Ok(version)
        })
    }

    /// Stores the check report of a version (the latest report per version wins).
    pub fn save_report(
        &self,
        id: i64,
        version: i64,
        report_json: &str,
        errors: i64,
        warnings: i64,
    ) -> Result<()> {
        self.tx(|db| {
            let sql = format!(
                "INSERT INTO reports(filing_id, version, report, errors, warnings, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, {})
                 ON CONFLICT(filing_id, version) DO UPDATE SET report = excluded.report,
                 errors = excluded.errors, warnings = excluded.warnings, created_at = excluded.created_at",
                db.dialect().now()
            );
            db.exec(
                &sql,
                &[
                    id.into(),
                    version.into(),
                    report_json.into(),
                    errors.into(),
                    warnings.into(),
                ],
            )?;
            Ok(())
        })
    }

    /// The stored report of a version.
    pub fn report(&self, id: i64, version: i64) -> Result<Option<String>> {
        self.tx(|db| {
            db.row(
                "SELECT report FROM reports WHERE filing_id = ?1 AND version = ?2",
                &[id.into(), version.into()],
            )?
            .map(|r| r.text(0))
            .transpose()
        })
    }

    /// Submits a draft to the bureau.
    pub fn submit(&self, user: &User, id: i64, checked_version: i64) -> Result<()> {
        self.tx(|db| {
            let d = db.dialect();
            // Lock the filing first (PostgreSQL): a save in flight on another instance
            // commits before this reads the latest version.
            db.row(
                &format!("SELECT id FROM filings WHERE id = ?1{}", d.for_update()),
                &[id.into()],
            )?;
            // Compare-and-set on the version that was checked: a save that lands between the
            // check and this update makes a newer version, and the submission is refused.
            let now = d.now();
            let changed = db.exec(
                &format!(
                    "UPDATE filings SET status = 'submitted', submitted_version = ?2,
                            submitted_at = {now}, updated_at = {now}
                     WHERE id = ?1 AND status = 'draft'
                       AND (SELECT MAX(version) FROM filing_versions WHERE filing_id = ?1) = ?2"
                ),
                &[id.into(), checked_version.into()],
            )?;
            if changed == 0 {
                let r = db
                    .row(
                        "SELECT f.status, (SELECT MAX(version) FROM filing_versions WHERE filing_id = f.id)
                         FROM filings f WHERE f.id = ?1",
                        &[id.into()],
                    )?
                    .ok_or_else(|| StoreError::NotFound(format!("填报 {id}")))?;
                let (status, latest) = (r.text(0)?, r.opt_int(1)?.unwrap_or(0));
                return Err(if status != "draft" {
                    StoreError::Invalid("只有草稿可以提交".into())
                } else {
                    StoreError::Conflict(format!(
                        "填报在检查后已被修改（当前为第 {latest} 版，检查的是第 {checked_version} 版），请查看最新版本的检查结果后再提交"
                    ))
                });
            }
            audit(
                db,
                Some(user.id),
                "filing.submit",
                &format!("filing:{id}"),
                &format!("version {checked_version}"),
            )
        })
    }

    /// A reviewer returns a submitted filing to its applicant as a draft, with the reason.
    pub fn return_filing(&self, user: &User, id: i64, reason: &str) -> Result<()> {
        self.tx(|db| {
            let changed = db.exec(
                &format!(
                    "UPDATE filings SET status = 'draft', submitted_version = NULL, updated_at = {}
                     WHERE id = ?1 AND status = 'submitted'",
                    db.dialect().now()
                ),
                &[id.into()],
            )?;
            if changed == 0 {
                return Err(StoreError::Invalid(
                    "只有已提交、尚未审结的填报可以退回".into(),
                ));
            }
            let reason: String = reason.chars().take(2000).collect();
            audit(
                db,
                Some(user.id),
                "filing.return",
                &format!("filing:{id}"),
                &reason,
            )
        })
    }

    /// Marks a submitted filing reviewed.
    pub fn mark_reviewed(&self, user: &User, id: i64) -> Result<()> {
        self.tx(|db| {
            db.exec(
                &format!(
                    "UPDATE filings SET status = 'reviewed', updated_at = {} WHERE id = ?1 AND status = 'submitted'",
                    db.dialect().now()
                ),
                &[id.into()],
            )?;
            audit(
                db,
                Some(user.id),
                "filing.reviewed",
                &format!("filing:{id}"),
                "",
            )
        })
    }

    fn filing_rows(&self, filter: &str, args: &[Val]) -> Result<Vec<FilingRow>> {
        let sql = format!(
            "SELECT f.id, o.name, u.name, f.title, f.district, f.status,
                    (SELECT MAX(version) FROM filing_versions v WHERE v.filing_id = f.id) AS version,
                    COALESCE(r.errors, -1), COALESCE(r.warnings, -1), f.updated_at, f.submitted_at
             FROM filings f JOIN orgs o ON o.id = f.org_id JOIN users u ON u.id = f.owner_id
             LEFT JOIN reports r ON r.filing_id = f.id AND r.version =
                 (SELECT MAX(version) FROM filing_versions v WHERE v.filing_id = f.id)
             WHERE {filter} ORDER BY f.updated_at DESC, f.id DESC"
        );
        self.tx(|db| {
            db.rows(&sql, args)?
                .iter()
                .map(|r| {
                    Ok(FilingRow {
                        id: r.int(0)?,
                        org: r.text(1)?,
                        owner: r.text(2)?,
                        title: r.text(3)?,
                        district: r.text(4)?,
                        status: FilingStatus::parse(&r.text(5)?),
                        version: r.opt_int(6)?.unwrap_or(0),
                        errors: r.int(7)?,
                        warnings: r.int(8)?,
                        updated_at: r.text(9)?,
                        submitted_at: r.opt_text(10)?,
                    })
                })
                .collect()
        })
    }

    /// The filings of an organisation.
    pub fn filings_of_org(&self, org: &str) -> Result<Vec<FilingRow>> {
        self.filing_rows("o.name = ?1", &[org.into()])
    }

    /// Filings submitted to the bureau (and reviewed ones).
    pub fn submitted_filings(&self) -> Result<Vec<FilingRow>> {
        self.filing_rows("f.status IN ('submitted', 'reviewed')", &[])
    }

    /// One filing's row.
    pub fn filing(&self, id: i64) -> Result<Option<FilingRow>> {
        Ok(self
            .filing_rows("f.id = ?1", &[id.into()])?
            .into_iter()
            .next())
    }

    /// The latest version of a filing.
    pub fn latest_version(&self, id: i64) -> Result<Option<FilingVersion>> {
        self.tx(|db| {
            db.row(
                "SELECT v.filing_id, v.version, v.body, u.name, v.created_at FROM filing_versions v
                 JOIN users u ON u.id = v.author_id WHERE v.filing_id = ?1 ORDER BY v.version DESC LIMIT 1",
                &[id.into()],
            )?
            .map(|r| {
                Ok(FilingVersion {
                    filing_id: r.int(0)?,
                    version: r.int(1)?,
                    body: r.text(2)?,
                    author: r.text(3)?,
                    created_at: r.text(4)?,
                })
            })
            .transpose()
        })
    }

    /// How many versions a filing has.
    pub fn version_count(&self, id: i64) -> Result<i64> {
        self.tx(|db| {
            db.one(
                "SELECT COUNT(*) FROM filing_versions WHERE filing_id = ?1",
                &[id.into()],
            )?
            .int(0)
        })
    }

    // ---- review ----------------------------------------------------------------------

    /// Records a decision (a later decision on the same finding replaces the earlier one;
    /// both stay in the audit log).
    pub fn decide(&self, user: &User, d: &Decision) -> Result<()> {
        self.tx(|db| {
            let sql = format!(
                "INSERT INTO decisions(filing_id, version, finding_key, rule_id, accepted, comment, reviewer_id, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, {})
                 ON CONFLICT(filing_id, version, finding_key) DO UPDATE SET accepted = excluded.accepted,
                 comment = excluded.comment, reviewer_id = excluded.reviewer_id, created_at = excluded.created_at",
                db.dialect().now()
            );
            db.exec(
                &sql,
                &[
                    d.filing_id.into(),
                    d.version.into(),
                    d.finding_key.as_str().into(),
                    d.rule_id.as_str().into(),
                    d.accepted.into(),
                    d.comment.as_str().into(),
                    user.id.into(),
                ],
            )?;
            audit(
                db,
                Some(user.id),
                if d.accepted {
                    "finding.accept"
                } else {
                    "finding.dismiss"
                },
                &format!("filing:{}", d.filing_id),
                &format!("{} {}", d.finding_key, d.comment),
            )
        })
    }

    /// Decisions on a version.
    pub fn decisions(&self, id: i64, version: i64) -> Result<Vec<Decision>> {
        self.tx(|db| {
            db.rows(
                "SELECT d.filing_id, d.version, d.finding_key, d.rule_id, d.accepted, d.comment, u.name, d.created_at
                 FROM decisions d JOIN users u ON u.id = d.reviewer_id WHERE d.filing_id = ?1 AND d.version = ?2 ORDER BY d.id",
                &[id.into(), version.into()],
            )?
            .iter()
            .map(|r| {
                Ok(Decision {
                    filing_id: r.int(0)?,
                    version: r.int(1)?,
                    finding_key: r.text(2)?,
                    rule_id: r.text(3)?,
                    accepted: r.boolean(4)?,
                    comment: r.text(5)?,
                    reviewer: r.text(6)?,
                    created_at: r.text(7)?,
                })
            })
            .collect()
        })
    }

    /// How often each rule's flags were accepted or dismissed.
    pub fn rule_stats(&self) -> Result<Vec<RuleStats>> {
        self.tx(|db| {
            db.rows(
                "SELECT rule_id, CAST(SUM(accepted) AS BIGINT), CAST(SUM(1 - accepted) AS BIGINT)
                 FROM decisions GROUP BY rule_id ORDER BY rule_id",
                &[],
            )?
            .iter()
            .map(|r| {
                Ok(RuleStats {
                    rule_id: r.text(0)?,
                    accepted: r.int(1)?,
                    dismissed: r.int(2)?,
                })
            })
            .collect()
        })
    }

    /// Saves a review opinion draft (each save is kept).
    pub fn save_opinion(&self, user: &User, id: i64, text: &str, method: &str) -> Result<()> {
        self.tx(|db| {
            db.exec(
                &format!(
                    "INSERT INTO opinions(filing_id, text, method, author_id, created_at) VALUES (?1, ?2, ?3, ?4, {})",
                    db.dialect().now()
                ),
                &[id.into(), text.into(), method.into(), user.id.into()],
            )?;
            audit(
                db,
                Some(user.id),
                "opinion.save",
                &format!("filing:{id}"),
                method,
            )
        })
    }

    /// The latest opinion of a filing: `(text, method)`.
    pub fn opinion(&self, id: i64) -> Result<Option<(String, String)>> {
        self.tx(|db| {
            db.row(
                "SELECT text, method FROM opinions WHERE filing_id = ?1 ORDER BY id DESC LIMIT 1",
                &[id.into()],
            )?
            .map(|r| Ok((r.text(0)?, r.text(1)?)))
            .transpose()
        })
    }

    // ---- conversations ---------------------------------------------------------------

    /// A user's conversation (created on first use).
    pub fn conversation(&self, user: &User) -> Result<i64> {
        self.tx(|db| {
            if let Some(r) = db.row(
                "SELECT id FROM conversations WHERE user_id = ?1 ORDER BY id DESC LIMIT 1",
                &[user.id.into()],
            )? {
                return r.int(0);
            }
            db.one(
                &format!(
                    "INSERT INTO conversations(user_id, created_at) VALUES (?1, {}) RETURNING id",
                    db.dialect().now()
                ),
                &[user.id.into()],
            )?
            .int(0)
        })
    }

    /// Appends a message.
    pub fn add_message(
        &self,
        conversation: i64,
        role: &str,
        text: &str,
        citations: &str,
    ) -> Result<i64> {
        self.tx(|db| {
            db.one(
                &format!(
                    "INSERT INTO messages(conversation_id, role, text, citations, created_at)
                     VALUES (?1, ?2, ?3, ?4, {}) RETURNING id",
                    db.dialect().now()
                ),
                &[
                    conversation.into(),
                    role.into(),
                    text.into(),
                    citations.into(),
                ],
            )?
            .int(0)
        })
    }

    /// The messages of a conversation, oldest first.
    pub fn messages(&self, conversation: i64) -> Result<Vec<Message>> {
        self.tx(|db| {
            db.rows(
                "SELECT id, role, text, citations, created_at FROM messages WHERE conversation_id = ?1 ORDER BY id",
                &[conversation.into()],
            )?
            .iter()
            .map(|r| {
                Ok(Message {
                    id: r.int(0)?,
                    role: r.text(1)?,
                    text: r.text(2)?,
                    citations: r.text(3)?,
                    created_at: r.text(4)?,
                })
            })
            .collect()
        })
    }

    // ---- shared knowledge-base documents ----------------------------------------------

    /// Stores a document every instance should index (its bytes, base64 in a text column so
    /// both engines hold it the same way). Returns whether it was new or changed.
    pub fn put_document(&self, doc_id: &str, bytes: &[u8]) -> Result<bool> {
        if bytes.len() > MAX_DOCUMENT_BYTES {
            return Err(StoreError::Invalid(format!(
                "文件 {doc_id} 有 {} MiB，超过共享文档上限 {} MiB",
                bytes.len() / 1_048_576,
                MAX_DOCUMENT_BYTES / 1_048_576
            )));
        }
        let sha = sha256_hex(bytes);
        let content = base64::engine::general_purpose::STANDARD.encode(bytes);
        self.tx(|db| {
            let same = db
                .row("SELECT sha256 FROM documents WHERE doc_id = ?1", &[doc_id.into()])?
                .map(|r| r.text(0))
                .transpose()?
                .is_some_and(|old| old == sha);
            if same {
                return Ok(false);
            }
            let sql = format!(
                "INSERT INTO documents(doc_id, sha256, bytes, content, added_at) VALUES (?1, ?2, ?3, ?4, {})
                 ON CONFLICT(doc_id) DO UPDATE SET sha256 = excluded.sha256, bytes = excluded.bytes,
                 content = excluded.content, added_at = excluded.added_at",
                db.dialect().now()
            );
            db.exec(
                &sql,
                &[
                    doc_id.into(),
                    sha.as_str().into(),
                    (bytes.len() as i64).into(),
                    content.as_str().into(),
                ],
            )?;
            audit(db, None, "document.put", &format!("document:{doc_id}"), &sha)?;
            Ok(true)
        })
    }

    /// The shared documents: `(doc_id, sha256 of the bytes)`.
    pub fn documents(&self) -> Result<Vec<(String, String)>> {
        self.tx(|db| {
            db.rows("SELECT doc_id, sha256 FROM documents ORDER BY doc_id", &[])?
                .iter()
                .map(|r| Ok((r.text(0)?, r.text(1)?)))
                .collect()
        })
    }

    /// The bytes of a shared document.
    pub fn document(&self, doc_id: &str) -> Result<Option<Vec<u8>>> {
        let content = self.tx(|db| {
            db.row(
                "SELECT content FROM documents WHERE doc_id = ?1",
                &[doc_id.into()],
            )?
            .map(|r| r.text(0))
            .transpose()
        })?;
        content
            .map(|c| {
                base64::engine::general_purpose::STANDARD
                    .decode(c)
                    .map_err(|e| StoreError::Invalid(format!("共享文档 {doc_id} 已损坏：{e}")))
            })
            .transpose()
    }

    // ---- EIA documents uploaded on a filing ------------------------------------------

    /// Stores an uploaded EIA document with its intake report, blocks and library entry,
    /// against the filing's latest version. Returns the document id.
    #[allow(clippy::too_many_arguments)]
    pub fn add_filing_document(
        &self,
        user: &User,
        filing_id: i64,
        name: &str,
        kind: &str,
        bytes: &[u8],
        intake_json: &str,
        blocks_json: &str,
        library_json: &str,
    ) -> Result<i64> {
        if bytes.len() > MAX_DOCUMENT_BYTES {
            return Err(StoreError::Invalid(format!(
                "文件 {name} 有 {} MiB，超过上限 {} MiB",
                bytes.len() / 1_048_576,
                MAX_DOCUMENT_BYTES / 1_048_576
            )));
        }
        let sha = sha256_hex(bytes);
        let content = base64::engine::general_purpose::STANDARD.encode(bytes);
        self.tx(|db| {
            let version = db
                .one(
                    "SELECT COALESCE(MAX(version), 0) FROM filing_versions WHERE filing_id = ?1",
                    &[filing_id.into()],
                )?
                .int(0)?;
            let sql = format!(
                "INSERT INTO filing_documents(filing_id, version, name, kind, sha256, bytes, content, intake, blocks, library, uploader_id, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, {}) RETURNING id",
                db.dialect().now()
            );
            let id = db
                .one(
                    &sql,
                    &[
                        filing_id.into(),
                        version.into(),
                        name.into(),
                        kind.into(),
                        sha.as_str().into(),
                        (bytes.len() as i64).into(),
                        content.as_str().into(),
                        intake_json.into(),
                        blocks_json.into(),
                        library_json.into(),
                        user.id.into(),
                    ],
                )?
                .int(0)?;
            audit(
                db,
                Some(user.id),
                "document.upload",
                &format!("filing:{filing_id}"),
                &format!("{name} {sha}"),
            )?;
            Ok(id)
        })
    }

    /// The documents uploaded on a filing, newest first (without their bytes and blocks).
    pub fn filing_documents(&self, filing_id: i64) -> Result<Vec<FilingDocument>> {
        self.tx(|db| {
            db.rows(
                "SELECT d.id, d.filing_id, d.version, d.name, d.kind, d.sha256, d.bytes, u.name, d.created_at, d.intake
                 FROM filing_documents d JOIN users u ON u.id = d.uploader_id
                 WHERE d.filing_id = ?1 ORDER BY d.id DESC",
                &[filing_id.into()],
            )?
            .iter()
            .map(FilingDocument::from_row)
            .collect()
        })
    }

    /// One uploaded document with its blocks (JSON) and its bytes.
    pub fn filing_document(
        &self,
        filing_id: i64,
        doc_id: i64,
    ) -> Result<Option<(FilingDocument, String, Vec<u8>)>> {
        let row = self.tx(|db| {
            db.row(
                "SELECT d.id, d.filing_id, d.version, d.name, d.kind, d.sha256, d.bytes, u.name, d.created_at, d.intake, d.blocks, d.content
                 FROM filing_documents d JOIN users u ON u.id = d.uploader_id
                 WHERE d.filing_id = ?1 AND d.id = ?2",
                &[filing_id.into(), doc_id.into()],
            )?
            .map(|r| {
                Ok((FilingDocument::from_row(&r)?, r.text(10)?, r.text(11)?))
            })
            .transpose()
        })?;
        row.map(|(d, blocks, content)| {
            let bytes = base64::engine::general_purpose::STANDARD
                .decode(content)
                .map_err(|e| StoreError::Invalid(format!("文件 {} 已损坏：{e}", d.name)))?;
            Ok((d, blocks, bytes))
        })
        .transpose()
    }

    /// The library entries (JSON) of the latest document of every other filing, for the
    /// copy check.
    pub fn library_entries(&self, except_filing: i64) -> Result<Vec<String>> {
        self.tx(|db| {
            db.rows(
                "SELECT d.library FROM filing_documents d
                 WHERE d.filing_id <> ?1 AND d.id = (SELECT MAX(e.id) FROM filing_documents e WHERE e.filing_id = d.filing_id)
                 ORDER BY d.id",
                &[except_filing.into()],
            )?
            .iter()
            .map(|r| r.text(0))
            .collect()
        })
    }

    // ---- audit -----------------------------------------------------------------------

    /// Appends to the audit log.
    pub fn audit(
        &self,
        user: Option<&User>,
        action: &str,
        object: &str,
        detail: &str,
    ) -> Result<()> {
        self.tx(|db| audit(db, user.map(|u| u.id), action, object, detail))
    }

    /// The latest audit entries.
    pub fn audit_log(&self, limit: i64) -> Result<Vec<AuditEntry>> {
        self.tx(|db| {
            db.rows(
                "SELECT a.id, a.at, u.name, a.action, a.object, a.detail FROM audit_log a
                 LEFT JOIN users u ON u.id = a.user_id ORDER BY a.id DESC LIMIT ?1",
                &[limit.into()],
            )?
            .iter()
            .map(|r| {
                Ok(AuditEntry {
                    id: r.int(0)?,
                    at: r.text(1)?,
                    user: r.opt_text(2)?,
                    action: r.text(3)?,
                    object: r.text(4)?,
                    detail: r.text(5)?,
                })
            })
            .collect()
        })
    }
}

fn insert_version(db: &mut dyn Sql, id: i64, version: i64, body: &str, author: i64) -> Result<()> {
    db.exec(
        &format!(
            "INSERT INTO filing_versions(filing_id, version, body, author_id, created_at) VALUES (?1, ?2, ?3, ?4, {})",
            db.dialect().now()
        ),
        &[id.into(), version.into(), body.into(), author.into()],
    )?;
    Ok(())
}

fn audit(
    db: &mut dyn Sql,
    user: Option<i64>,
    action: &str,
    object: &str,
    detail: &str,
) -> Result<()> {
    db.exec(
        &format!(
            "INSERT INTO audit_log(at, user_id, action, object, detail) VALUES ({}, ?1, ?2, ?3, ?4)",
            db.dialect().now()
        ),
        &[user.into(), action.into(), object.into(), detail.into()],
    )?;
    Ok(())
}
