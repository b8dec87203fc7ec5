//! JSON handlers under `/api`. Thin: authorise, call a service or the store, answer.
//!
//! Authorisation, one rule per resource: an applicant sees and changes only its own
//! organisation's filings (any other id answers 404, so existence is not revealed);
//! reviewers see submitted filings and decide on them; staff use the Q&A agent; admins
//! manage accounts. Every denial is tested in `tests/authz.rs`.

use axum::Json;
use axum::extract::{Query, State};
use lvshen_store::{Decision, FilingRow, FilingStatus, Role};
use serde::Deserialize;
use serde_json::{Value, json};

use crate::auth::Session;
use crate::error::{ApiJson, AppError, Id};
use crate::service::{self, Checked};
use crate::{AppState, db};

type ApiResult = Result<Json<Value>, AppError>;

/// `GET /api/me`.
pub async fn me(session: Session) -> ApiResult {
    Ok(Json(json!({ "user": session.user, "csrf": session.csrf })))
}

/// A filing body: the filing itself (an object) or its text (JSON/TOML/YAML).
fn body_text(body: &Value) -> Result<String, AppError> {
    let too_large = |n: usize| {
        AppError::new(
            axum::http::StatusCode::PAYLOAD_TOO_LARGE,
            "too_large",
            format!(
                "填报过大：{:.1} MiB，上限为 {} MiB，未保存",
                n as f64 / 1_048_576.0,
                lvshen_filing::MAX_INPUT_BYTES / 1_048_576
            ),
        )
    };
    match body.get("body") {
        // A body the parser would refuse for its size is not stored either (red-team 10).
        Some(Value::String(text)) if text.len() > lvshen_filing::MAX_INPUT_BYTES => {
            Err(too_large(text.len()))
        }
        Some(Value::String(text)) => Ok(text.clone()),
        Some(v @ Value::Object(_)) => {
            // Measured compact first (what the client sent, about), then pretty-printed for
            // reading only when that still fits (red-team 13: no 4× inflation).
            let compact = serde_json::to_string(v).map_err(AppError::internal)?;
            if compact.len() > lvshen_filing::MAX_INPUT_BYTES {
                return Err(too_large(compact.len()));
            }
            let pretty = serde_json::to_string_pretty(v).map_err(AppError::internal)?;
            Ok(if pretty.len() <= lvshen_filing::MAX_INPUT_BYTES {
                pretty
            } else {
                compact
            })
        }
        _ => Err(AppError::bad_request(
            "请求体应为 {\"body\": 填报对象或填报文本}",
        )),
    }
}

/// Checks running at once: the cores; more wait up to 30 s, then get 503 (red-team 13).
fn checks() -> &'static tokio::sync::Semaphore {
    static CHECKS: std::sync::OnceLock<tokio::sync::Semaphore> = std::sync::OnceLock::new();
    CHECKS.get_or_init(|| {
        tokio::sync::Semaphore::new(std::thread::available_parallelism().map_or(2, |n| n.get()))
    })
}

async fn run_check(state: &AppState, text: String) -> Result<Checked, AppError> {
    let permit = tokio::time::timeout(std::time::Duration::from_secs(30), checks().acquire())
        .await
        .ok()
        .and_then(Result::ok)
        .ok_or_else(|| {
            AppError::new(
                axum::http::StatusCode::SERVICE_UNAVAILABLE,
                "busy",
                "服务器繁忙（审查任务排队已满），请稍后再试",
            )
        })?;
    let st = state.clone();
    let checked = tokio::task::spawn_blocking(move || service::check(&st, &text))
        .await
        .map_err(AppError::internal);
    drop(permit);
    checked
}

/// `POST /api/check`: a stateless pre-check of a filing body → issues, report, siting.
pub async fn check(
    State(state): State<AppState>,
    _session: Session,
    ApiJson(body): ApiJson<Value>,
) -> ApiResult {
    let text = body_text(&body)?;
    let checked = run_check(&state, text).await?;
    Ok(Json(
        serde_json::to_value(&checked).map_err(AppError::internal)?,
    ))
}

/// `POST /api/validate`: parse problems only (inline validation of the form).
pub async fn validate(
    State(state): State<AppState>,
    _session: Session,
    ApiJson(body): ApiJson<Value>,
) -> ApiResult {
    let text = body_text(&body)?;
    let checked = run_check(&state, text).await?;
    let (errors, warnings) = checked.counts();
    Ok(Json(
        json!({ "issues": checked.issues, "readable": checked.report.is_some(),
                    "errors": errors, "warnings": warnings }),
    ))
}

/// The filing row if the session may see it; 404 otherwise.
pub(crate) async fn visible_filing(
    state: &AppState,
    session: &Session,
    id: i64,
) -> Result<FilingRow, AppError> {
    let row = db(state, move |s| s.filing(id))
        .await?
        .ok_or_else(|| AppError::not_found("填报"))?;
    let ok = match session.user.role {
        Role::Applicant => session.user.org.as_deref() == Some(row.org.as_str()),
        Role::Reviewer | Role::Admin => row.status != FilingStatus::Draft,
        Role::Staff => false,
    };
    if ok {
        Ok(row)
    } else {
        Err(AppError::not_found("填报"))
    }
}

/// The filing the session may see and its latest version (404 otherwise).
pub(crate) async fn visible_latest(
    state: &AppState,
    session: &Session,
    id: i64,
) -> Result<(FilingRow, lvshen_store::FilingVersion), AppError> {
    let row = visible_filing(state, session, id).await?;
    let version = db(state, move |s| s.latest_version(id))
        .await?
        .ok_or_else(|| AppError::not_found("填报版本"))?;
    Ok((row, version))
}

/// `GET /api/filings`: an applicant's own organisation's; a reviewer's queue.
pub async fn list_filings(State(state): State<AppState>, session: Session) -> ApiResult {
    let rows = match session.user.role {
        Role::Applicant => {
            let org = session.user.org.clone().unwrap_or_default();
            db(&state, move |s| s.filings_of_org(&org)).await?
        }
        Role::Reviewer | Role::Admin => db(&state, |s| s.submitted_filings()).await?,
        Role::Staff => return Err(AppError::forbidden()),
    };
    Ok(Json(json!({ "filings": rows })))
}

/// `POST /api/filings` (applicants): `{body}` → a new draft, checked.
pub async fn create_filing(
    State(state): State<AppState>,
    session: Session,
    ApiJson(body): ApiJson<Value>,
) -> ApiResult {
    session.require(&[Role::Applicant])?;
    let text = body_text(&body)?;
    let checked = run_check(&state, text.clone()).await?;
    let (title, district) = (checked.title(), checked.district());
    let user = session.user.clone();
    let id = db(&state, move |s| {
        s.create_filing(&user, &title, &district, &text)
    })
    .await?;
    store_report(&state, id, 1, &checked).await?;
    Ok(Json(json!({ "id": id, "version": 1, "checked": checked })))
}

async fn store_report(
    state: &AppState,
    id: i64,
    version: i64,
    checked: &Checked,
) -> Result<(), AppError> {
    if let Some(report) = &checked.report {
        let text = serde_json::to_string(report).map_err(AppError::internal)?;
        let (errors, warnings) = checked.counts();
        db(state, move |s| {
            s.save_report(id, version, &text, errors, warnings)
        })
        .await?;
    }
    Ok(())
}

/// `GET /api/filings/{id}`: the row, the latest body, its check and decisions.
pub async fn get_filing(State(state): State<AppState>, session: Session, Id(id): Id) -> ApiResult {
    let (row, version) = visible_latest(&state, &session, id).await?;
    let checked = run_check(&state, version.body.clone()).await?;
    let v = version.version;
    let decisions = db(&state, move |s| s.decisions(id, v)).await?;
    // Policy (red-team 9): reviewers' decisions are internal while the review is open.
    // Applicants see none until the filing is reviewed, and then only which findings were
    // accepted — never the reviewer's comment or name.
    let decisions = if session.user.role == Role::Applicant {
        if row.status == FilingStatus::Reviewed {
            decisions
                .iter()
                .map(|d| json!({ "finding_key": d.finding_key, "accepted": d.accepted }))
                .collect::<Vec<_>>()
        } else {
            Vec::new()
        }
    } else {
        decisions
            .iter()
            .map(|d| serde_json::to_value(d).unwrap_or(Value::Null))
            .collect()
    };
    // The account's organisation against the declared 建设单位 (red-team problem 8): an EIA
    // consultancy may file for a dyeing company, so this is shown, not refused.
    let applicant_mismatch = checked
        .filing
        .as_ref()
        .map(|f| f.project.applicant.as_str())
        .filter(|a| !service::same_org(a, &row.org))
        .map(|a| json!({ "declared_applicant": a, "account_org": row.org }));
    Ok(Json(json!({
        "filing": row,
        "version": version,
        "checked": checked,
        "decisions": decisions,
        "applicant_mismatch": applicant_mismatch,
    })))
}

/// A store conflict on a filing's version (a newer save landed) is a 409 `version_changed`.
fn version_changed(e: AppError) -> AppError {
    if e.code == "conflict" {
        AppError::new(
            axum::http::StatusCode::CONFLICT,
            "version_changed",
            e.message,
        )
    } else {
        e
    }
}

/// `PUT /api/filings/{id}` (the owner's organisation, drafts): a new version, checked.
pub async fn save_filing(
    State(state): State<AppState>,
    session: Session,
    Id(id): Id,
    ApiJson(body): ApiJson<Value>,
) -> ApiResult {
    session.require(&[Role::Applicant])?;
    visible_filing(&state, &session, id).await?;
    let text = body_text(&body)?;
    let checked = run_check(&state, text.clone()).await?;
    let (title, district) = (checked.title(), checked.district());
    // Optimistic concurrency: `base_version` is the version the editor started from; a save
    // that landed since (another tab, another instance) makes this one a 409 that names the
    // current version, and nothing is written.
    let base = body.get("base_version").and_then(Value::as_i64);
    let user = session.user.clone();
    let version = db(&state, move |s| {
        s.save_version_on(&user, id, base, &title, &district, &text)
    })
    .await
    .map_err(version_changed)?;
    store_report(&state, id, version, &checked).await?;
    Ok(Json(
        json!({ "id": id, "version": version, "checked": checked }),
    ))
}

/// `POST /api/filings/{id}/submit` (the owner's organisation): to the bureau. A body that
/// cannot be read is refused; findings do not block submission (the bureau decides).
pub async fn submit_filing(
    State(state): State<AppState>,
    session: Session,
    Id(id): Id,
) -> ApiResult {
    session.require(&[Role::Applicant])?;
    let (_, version) = visible_latest(&state, &session, id).await?;
    let checked_version = version.version;
    let checked = run_check(&state, version.body).await?;
    if checked.report.is_none() {
        return Err(AppError::bad_request(format!(
            "填报无法读取，不能提交：{}",
            checked
                .issues
                .iter()
                .take(3)
                .map(|i| format!("{}：{}", i.path, i.message))
                .collect::<Vec<_>>()
                .join("；")
        )));
    }
    let user = session.user.clone();
    // Pinned to the version just checked: a save in between makes the submission fail (409).
    db(&state, move |s| s.submit(&user, id, checked_version))
        .await
        .map_err(version_changed)?;
    Ok(Json(
        json!({ "id": id, "status": "submitted", "version": checked_version }),
    ))
}

#[derive(Debug, Deserialize)]
pub struct ReturnBody {
    #[serde(default)]
    pub reason: String,
}

/// `POST /api/review/{id}/return` (reviewers): send a submitted filing back to its applicant
/// as a draft, with the reason (in the audit log).
pub async fn return_filing(
    State(state): State<AppState>,
    session: Session,
    Id(id): Id,
    ApiJson(body): ApiJson<ReturnBody>,
) -> ApiResult {
    session.require(&[Role::Reviewer])?;
    visible_filing(&state, &session, id).await?;
    let user = session.user.clone();
    db(&state, move |s| s.return_filing(&user, id, &body.reason)).await?;
    Ok(Json(json!({ "id": id, "status": "draft" })))
}

#[derive(Debug, Deserialize)]
pub struct QueueQuery {
    pub status: Option<String>,
    pub district: Option<String>,
}

/// `GET /api/review/queue?status=&district=` (reviewers).
pub async fn review_queue(
    State(state): State<AppState>,
    session: Session,
    Query(q): Query<QueueQuery>,
) -> ApiResult {
    session.require(&[Role::Reviewer, Role::Admin])?;
    let rows = filter_queue(db(&state, |s| s.submitted_filings()).await?, &q);
    Ok(Json(json!({ "filings": rows })))
}

pub(crate) fn filter_queue(rows: Vec<FilingRow>, q: &QueueQuery) -> Vec<FilingRow> {
    rows.into_iter()
        .filter(|r| {
            q.status
                .as_deref()
                .is_none_or(|s| s.is_empty() || r.status.code() == s)
        })
        .filter(|r| {
            q.district
                .as_deref()
                .is_none_or(|d| d.is_empty() || r.district.contains(d))
        })
        .collect()
}

/// `GET /api/review/stats`: per rule, how often its flags were accepted or dismissed.
pub async fn review_stats(State(state): State<AppState>, session: Session) -> ApiResult {
    session.require(&[Role::Reviewer, Role::Admin])?;
    let stats = db(&state, |s| s.rule_stats()).await?;
    Ok(Json(json!({ "rules": stats })))
}

#[derive(Debug, Deserialize)]
pub struct DecisionBody {
    pub finding_key: String,
    pub accepted: bool,
    #[serde(default)]
    pub comment: String,
}

/// `POST /api/review/{id}/decisions` (reviewers): accept or dismiss one finding.
pub async fn decide(
    State(state): State<AppState>,
    session: Session,
    Id(id): Id,
    ApiJson(body): ApiJson<DecisionBody>,
) -> ApiResult {
    session.require(&[Role::Reviewer])?;
    let (_, version) = visible_latest(&state, &session, id).await?;
    let checked = run_check(&state, version.body).await?;
    let finding = checked
        .report
        .as_ref()
        .and_then(|r| {
            r.findings
                .iter()
                .find(|f| service::finding_key(f) == body.finding_key)
        })
        .ok_or_else(|| {
            AppError::bad_request(format!("没有这一项审查发现：{}", body.finding_key))
        })?;
    if body.comment.chars().count() > 2000 {
        return Err(AppError::bad_request("意见说明不超过 2000 字"));
    }
    let decision = Decision {
        filing_id: id,
        version: version.version,
        finding_key: body.finding_key.clone(),
        rule_id: finding.rule_id.to_owned(),
        accepted: body.accepted,
        comment: body.comment.trim().to_owned(),
        reviewer: session.user.name.clone(),
        created_at: String::new(),
    };
    let user = session.user.clone();
    db(&state, move |s| s.decide(&user, &decision)).await?;
    Ok(Json(json!({ "ok": true })))
}

/// `POST /api/review/{id}/opinion` (reviewers): a draft from the accepted findings.
pub async fn draft_opinion(
    State(state): State<AppState>,
    session: Session,
    Id(id): Id,
) -> ApiResult {
    session.require(&[Role::Reviewer])?;
    let (row, version) = visible_latest(&state, &session, id).await?;
    let account_org = row.org.clone();
    let v = version.version;
    let decisions = db(&state, move |s| s.decisions(id, v)).await?;
    let st = state.clone();
    let (text, method) = tokio::task::spawn_blocking(move || {
        let checked = service::check(&st, &version.body);
        let (Some(filing), Some(report)) = (&checked.filing, &checked.report) else {
            return Err(AppError::bad_request("填报无法读取，不能起草意见"));
        };
        let accepted: Vec<&lvshen_filing::Finding> = report
            .findings
            .iter()
            .filter(|f| {
                decisions
                    .iter()
                    .any(|d| d.accepted && d.finding_key == service::finding_key(f))
            })
            .collect();
        let precedents = service::precedents(&st, filing);
        // The overall paragraph by the model, when it is available; checked sentence by
        // sentence, and left out when nothing passes. It goes into its own slot of the
        // template, never by searching the text (which holds the applicant's strings).
        let mut method = "facts";
        let mut paragraph = None;
        if let Ok(llm) = st.llm.get() {
            let as_of = lvshen_rules::Date::parse(&report.as_of).unwrap_or_else(service::today_china);
            let facts = service::opinion_facts(as_of, filing, &accepted, checked.siting.as_ref(), &precedents);
            let cancel = std::sync::atomic::AtomicBool::new(false);
            match lvshen_agent::opinion::draft_paragraph(&facts, &st.layers().place_names(), &llm, &cancel) {
                Ok(Some(p)) => {
                    method = "model";
                    for d in &p.dropped {
                        tracing::info!(sentence = %d.sentence, reason = %d.reason, "opinion sentence dropped");
                    }
                    paragraph = Some(p.text);
                }
                Ok(None) => {}
                Err(e) => tracing::warn!(error = %e, "opinion paragraph not drafted"),
            }
        }
        let text = service::draft_opinion(
            filing,
            report,
            &accepted,
            checked.siting.as_ref(),
            &precedents,
            paragraph.as_deref(),
            Some(&account_org),
        );
        Ok((text, method))
    })
    .await
    .map_err(AppError::internal)??;
    Ok(Json(json!({ "text": text, "method": method })))
}

#[derive(Debug, Deserialize)]
pub struct OpinionBody {
    pub text: String,
}

/// `PUT /api/review/{id}/opinion` (reviewers): save the edited opinion.
pub async fn save_opinion(
    State(state): State<AppState>,
    session: Session,
    Id(id): Id,
    ApiJson(body): ApiJson<OpinionBody>,
) -> ApiResult {
    session.require(&[Role::Reviewer])?;
    visible_filing(&state, &session, id).await?;
    if body.text.trim().is_empty() || body.text.chars().count() > 20_000 {
        return Err(AppError::bad_request("意见应为 1～20000 字"));
    }
    let user = session.user.clone();
    db(&state, move |s| {
        s.save_opinion(&user, id, &body.text, "edited")?;
        s.mark_reviewed(&user, id)
    })
    .await?;
    Ok(Json(json!({ "ok": true })))
}

/// `GET /api/review/{id}/permit` (reviewers): a draft permit application from the EIA data.
pub async fn permit_draft(
    State(state): State<AppState>,
    session: Session,
    Id(id): Id,
) -> ApiResult {
    session.require(&[Role::Reviewer])?;
    let (_, version) = visible_latest(&state, &session, id).await?;
    let checked = run_check(&state, version.body).await?;
    let filing = checked
        .filing
        .as_ref()
        .ok_or_else(|| AppError::bad_request("填报无法读取"))?;
    Ok(Json(service::permit_draft(&state, filing)))
}

#[derive(Debug, Deserialize)]
pub struct ClauseQuery {
    pub doc: String,
    pub clause: String,
}

/// `GET /api/clause?doc=&clause=`: the text of a cited clause (any logged-in user).
pub async fn clause(
    State(state): State<AppState>,
    _session: Session,
    Query(q): Query<ClauseQuery>,
) -> ApiResult {
    let st = state.clone();
    let (doc, clause) = (q.doc.clone(), q.clause.clone());
    let hit = tokio::task::spawn_blocking(move || service::clause_text(&st, &doc, &clause))
        .await
        .map_err(AppError::internal)?;
    match hit {
        Some(h) => Ok(Json(
            json!({ "doc": h.doc, "clause": h.clause, "text": h.text, "source": h.source }),
        )),
        None => Err(AppError::not_found(&format!(
            "知识库中《{}》{}的条文",
            q.doc, q.clause
        ))),
    }
}

#[derive(Debug, Deserialize)]
pub struct NewUser {
    pub name: String,
    pub password: String,
    pub role: String,
    pub org: Option<String>,
}

/// `GET /api/admin/users` (admins).
pub async fn users(State(state): State<AppState>, session: Session) -> ApiResult {
    session.require(&[Role::Admin])?;
    Ok(Json(json!({ "users": db(&state, |s| s.users()).await? })))
}

/// `POST /api/admin/users` (admins).
pub async fn add_user(
    State(state): State<AppState>,
    session: Session,
    ApiJson(body): ApiJson<NewUser>,
) -> ApiResult {
    session.require(&[Role::Admin])?;
    let role = Role::parse(&body.role)
        .ok_or_else(|| AppError::bad_request("角色应为 applicant / reviewer / staff / admin"))?;
    // Hashing costs argon2's memory too: bounded like logins.
    let _permit = crate::auth::password_permit().await?;
    let user = crate::db_password(&state, move |s| {
        s.add_user(&body.name, &body.password, role, body.org.as_deref())
    })
    .await?;
    Ok(Json(json!({ "user": user })))
}

/// `GET /api/admin/audit` (admins): the latest 200 audit entries.
pub async fn audit(State(state): State<AppState>, session: Session) -> ApiResult {
    session.require(&[Role::Admin])?;
    Ok(Json(
        json!({ "entries": db(&state, |s| s.audit_log(200)).await? }),
    ))
}

/// `GET /api/openapi.json`.
pub async fn openapi_json() -> Json<Value> {
    Json(crate::openapi::openapi())
}

#[derive(Debug, Deserialize)]
pub struct AccountAction {
    /// The new password, for `reset-password`.
    #[serde(default)]
    pub password: Option<String>,
}

/// `POST /api/admin/users/{name}/{action}` (admins): `disable`, `enable`, `reset-password`
/// (body `{password}`), `end-sessions`, `unlock` (red-team problem 7).
pub async fn admin_user_action(
    State(state): State<AppState>,
    session: Session,
    axum::extract::Path((name, action)): axum::extract::Path<(String, String)>,
    ApiJson(body): ApiJson<AccountAction>,
) -> ApiResult {
    session.require(&[Role::Admin])?;
    if action == "disable" && name == session.user.name {
        return Err(AppError::bad_request("不能停用自己的账号"));
    }
    let actor = session.user.clone();
    let n = name.clone();
    match action.as_str() {
        "disable" => db(&state, move |s| s.set_disabled(Some(&actor), &n, true)).await?,
        "enable" => db(&state, move |s| s.set_disabled(Some(&actor), &n, false)).await?,
        "reset-password" => {
            let password = body
                .password
                .ok_or_else(|| AppError::bad_request("请提供新密码 password"))?;
            let _permit = crate::auth::password_permit().await?;
            crate::db_password(&state, move |s| s.set_password(Some(&actor), &n, &password)).await?
        }
        "end-sessions" => {
            db(&state, move |s| s.end_sessions(Some(&actor), &n)).await?;
        }
        "unlock" => {
            db(&state, move |s| s.clear_login_failures(&n)).await?;
        }
        other => {
            return Err(AppError::bad_request(format!(
                "未知操作“{other}”，可用：disable、enable、reset-password、end-sessions、unlock"
            )));
        }
    }
    Ok(Json(json!({ "user": name, "done": action })))
}

#[derive(Debug, Deserialize)]
pub struct PasswordChange {
    pub old_password: String,
    pub new_password: String,
}

/// `POST /api/account/password` (any signed-in user): change one's own password; every
/// session of the account ends, this one included.
pub async fn change_password(
    State(state): State<AppState>,
    session: Session,
    ApiJson(body): ApiJson<PasswordChange>,
) -> ApiResult {
    if body.old_password.len() > 1024 || body.new_password.len() > 1024 {
        return Err(AppError::bad_request("密码过长"));
    }
    let _permit = crate::auth::password_permit().await?;
    let name = session.user.name.clone();
    let (n, old) = (name.clone(), body.old_password);
    let ok = crate::db_password(&state, move |s| s.verify_password(&n, &old)).await?;
    if ok.is_none() {
        return Err(AppError::new(
            axum::http::StatusCode::FORBIDDEN,
            "bad_credentials",
            "原密码错误",
        ));
    }
    let actor = session.user.clone();
    crate::db_password(&state, move |s| {
        s.set_password(Some(&actor), &name, &body.new_password)
    })
    .await?;
    Ok(Json(json!({ "changed": true, "relogin": true })))
}
