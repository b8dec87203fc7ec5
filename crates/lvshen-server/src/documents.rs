//! EIA documents (DOCX/PDF 报告表/报告书) uploaded on a filing: the upload (size limit,
//! type told by content, read in a worker subprocess), the intake (sourced draft, document
//! checks, copy check against the other filings' documents, comparison with the filing's
//! latest version), stored with the filing; the list, the report, the original file and a
//! page where every document finding links to the page (PDF) or table row (DOCX) it points at.

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use lvshen_intake::copy::LibraryReport;
use lvshen_intake::{Block, Document, FileKind, Intake, Options};
use lvshen_report::escape;
use lvshen_store::{FilingDocument, FilingStatus, Role};
use serde::Deserialize;
use serde_json::{Value, json};

use crate::api::visible_filing;
use crate::auth::{PageSession, Session};
use crate::error::{AppError, PageError};
use crate::{AppState, db};

/// Largest document accepted by the upload route.
pub const MAX_UPLOAD_BYTES: usize = 40 * 1024 * 1024;

/// How documents are read and what the checks know.
#[derive(Debug)]
pub struct IntakeConfig {
    /// Reads documents in a worker subprocess (time and memory limits) when set; in this
    /// process, panics caught, otherwise (the app tests, which have no `lvshen` binary).
    pub worker: Option<lvshen_intake::worker::Worker>,
    pub knowledge: lvshen_intake::checks::Knowledge,
    /// Documents read at the same time (one per core of the target machine); others wait.
    pub slots: tokio::sync::Semaphore,
}

impl Default for IntakeConfig {
    fn default() -> Self {
        IntakeConfig {
            worker: None,
            knowledge: lvshen_intake::checks::Knowledge::default(),
            slots: tokio::sync::Semaphore::new(2),
        }
    }
}

#[derive(Debug, Deserialize)]
pub struct UploadQuery {
    name: Option<String>,
}

fn clean_name(name: Option<&str>, kind: FileKind) -> String {
    let ext = match kind {
        FileKind::Docx => "docx",
        FileKind::Pdf => "pdf",
    };
    let base: String = name
        .unwrap_or("")
        .rsplit(['/', '\\'])
        .next()
        .unwrap_or("")
        .chars()
        .filter(|c| !c.is_control() && !matches!(c, '<' | '>' | '"' | '\''))
        .take(120)
        .collect();
    let base = base.trim();
    if base.is_empty() {
        format!("环评文件.{ext}")
    } else {
        base.to_owned()
    }
}

/// Reads and checks a document (blocking: call on a blocking thread).
fn read_and_check(
    state: &AppState,
    name: &str,
    bytes: &[u8],
    library: &[LibraryReport],
    filing: Option<&Value>,
) -> Result<(Document, Intake), AppError> {
    let unreadable = |e: lvshen_intake::IntakeError| {
        AppError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "document_unreadable",
            format!("文件无法读取：{e}"),
        )
    };
    let doc = match &state.intake.worker {
        Some(worker) => {
            let dir = std::env::temp_dir().join(format!(
                "lvshen-upload-{}-{}",
                std::process::id(),
                lvshen_intake::content_id(bytes)
            ));
            std::fs::create_dir_all(&dir).map_err(AppError::internal)?;
            let path = dir.join("document");
            std::fs::write(&path, bytes).map_err(AppError::internal)?;
            let result = lvshen_intake::worker::read_in_worker(worker, &path);
            let _ = std::fs::remove_dir_all(&dir);
            result.map_err(unreadable)?
        }
        None => lvshen_intake::read_bytes(name, bytes).map_err(unreadable)?,
    };
    let mut doc = doc;
    doc.file = name.to_owned();
    let intake = lvshen_intake::analyze(
        &doc,
        Options {
            knowledge: &state.intake.knowledge,
            library,
            filing,
            as_of: crate::service::today_china(),
        },
    );
    Ok((doc, intake))
}

fn summary(d: &FilingDocument, intake: &Value) -> Value {
    json!({
        "id": d.id,
        "name": d.name,
        "kind": d.kind,
        "bytes": d.bytes,
        "version": d.version,
        "uploader": d.uploader,
        "created_at": d.created_at,
        "format": intake.get("format"),
        "summary": intake.get("summary"),
    })
}

/// `POST /api/filings/{id}/documents?name=报告表.docx` (body: the file) — applicants on
/// their own filings, reviewers on submitted ones.
pub async fn upload(
    State(state): State<AppState>,
    session: Session,
    Path(id): Path<i64>,
    Query(q): Query<UploadQuery>,
    body: Bytes,
) -> Result<(StatusCode, Json<Value>), AppError> {
    session.require(&[Role::Applicant, Role::Reviewer, Role::Admin])?;
    let row = visible_filing(&state, &session, id).await?;
    if session.user.role == Role::Applicant && row.status == FilingStatus::Reviewed {
        return Err(AppError::new(
            StatusCode::CONFLICT,
            "filing_closed",
            "该填报已审查完毕，不能再上传文件",
        ));
    }
    if body.is_empty() {
        return Err(AppError::bad_request("上传的文件是空的"));
    }
    if body.len() > MAX_UPLOAD_BYTES {
        return Err(AppError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            "too_large",
            format!(
                "文件 {:.1} MB，超过上限 {} MB",
                body.len() as f64 / 1_048_576.0,
                MAX_UPLOAD_BYTES >> 20
            ),
        ));
    }
    let kind = lvshen_intake::sniff(&body).map_err(|e| {
        AppError::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_type",
            e.to_string(),
        )
    })?;
    let name = clean_name(q.name.as_deref(), kind);
    let (library, version) = db(&state, move |s| {
        Ok((s.library_entries(id)?, s.latest_version(id)?))
    })
    .await?;
    let library: Vec<LibraryReport> = library
        .iter()
        .filter_map(|l| serde_json::from_str(l).ok())
        .collect();
    let filing: Option<Value> = version.and_then(|v| serde_json::from_str(&v.body).ok());
    let st = state.clone();
    let bytes = body.to_vec();
    let _slot = state
        .intake
        .slots
        .acquire()
        .await
        .map_err(AppError::internal)?;
    let started = std::time::Instant::now();
    let (name2, bytes2) = (name.clone(), bytes.clone());
    let (doc, intake) = tokio::task::spawn_blocking(move || {
        read_and_check(&st, &name2, &bytes2, &library, filing.as_ref())
    })
    .await
    .map_err(AppError::internal)??;
    let intake_json = serde_json::to_string(&intake).map_err(AppError::internal)?;
    let blocks_json = serde_json::to_string(&doc.blocks).map_err(AppError::internal)?;
    let entry = intake.library_entry(
        &format!("filing:{id}"),
        &format!("{}（填报 {id}）", row.title),
    );
    let library_json = serde_json::to_string(&entry).map_err(AppError::internal)?;
    let user = session.user.clone();
    let kind_code = match kind {
        FileKind::Docx => "docx",
        FileKind::Pdf => "pdf",
    };
    let n = name.clone();
    let doc_id = db(&state, move |s| {
        s.add_filing_document(
            &user,
            id,
            &n,
            kind_code,
            &bytes,
            &intake_json,
            &blocks_json,
            &library_json,
        )
    })
    .await?;
    tracing::info!(
        filing = id,
        document = doc_id,
        name = %name,
        format = ?intake.format,
        findings = intake.findings.len(),
        millis = started.elapsed().as_millis() as u64,
        "document uploaded"
    );
    Ok((
        StatusCode::CREATED,
        Json(json!({
            "id": doc_id,
            "name": name,
            "format": intake.format,
            "format_label": intake.format_label,
            "summary": intake.summary,
            "findings": intake.findings,
            "url": format!("/filings/{id}/documents/{doc_id}"),
        })),
    ))
}

/// `GET /api/filings/{id}/documents`.
pub async fn list(
    State(state): State<AppState>,
    session: Session,
    Path(id): Path<i64>,
) -> Result<Json<Value>, AppError> {
    session.require(&[Role::Applicant, Role::Reviewer, Role::Admin])?;
    visible_filing(&state, &session, id).await?;
    let docs = db(&state, move |s| s.filing_documents(id)).await?;
    let items: Vec<Value> = docs
        .iter()
        .map(|d| {
            let intake: Value = serde_json::from_str(&d.intake).unwrap_or(Value::Null);
            summary(d, &intake)
        })
        .collect();
    Ok(Json(json!({ "documents": items })))
}

/// `GET /api/filings/{id}/documents/{doc}`: the whole intake report.
pub async fn get(
    State(state): State<AppState>,
    session: Session,
    Path((id, doc)): Path<(i64, i64)>,
) -> Result<Json<Value>, AppError> {
    session.require(&[Role::Applicant, Role::Reviewer, Role::Admin])?;
    visible_filing(&state, &session, id).await?;
    let (d, _, _) = db(&state, move |s| s.filing_document(id, doc))
        .await?
        .ok_or_else(|| AppError::not_found("文件"))?;
    let intake: Value = serde_json::from_str(&d.intake).map_err(AppError::internal)?;
    Ok(Json(
        json!({ "document": summary(&d, &intake), "intake": intake }),
    ))
}

/// `GET /filings/{id}/documents/{doc}/file`: the original file.
pub async fn file(
    State(state): State<AppState>,
    PageSession(session): PageSession,
    Path((id, doc)): Path<(i64, i64)>,
) -> Result<Response, PageError> {
    session.require(&[Role::Applicant, Role::Reviewer, Role::Admin])?;
    visible_filing(&state, &session, id).await?;
    let (d, _, bytes) = db(&state, move |s| s.filing_document(id, doc))
        .await?
        .ok_or_else(|| AppError::not_found("文件"))?;
    let mime = if d.kind == "pdf" {
        "application/pdf"
    } else {
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    };
    let mut response = bytes.into_response();
    let h = response.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(mime));
    // PDF opens in the browser (so that #page=N works); DOCX downloads.
    let disposition = if d.kind == "pdf" {
        "inline"
    } else {
        "attachment"
    };
    let ascii: String = d
        .name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '.' {
                c
            } else {
                '_'
            }
        })
        .collect();
    if let Ok(v) = HeaderValue::from_str(&format!("{disposition}; filename=\"{ascii}\"")) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    Ok(response)
}

/// The link of a place in the document: the PDF page, or the anchor of a DOCX table row or
/// paragraph in the text shown below the findings.
fn place_link(id: i64, doc: &FilingDocument, loc: &Value) -> String {
    let page = loc.get("page").and_then(Value::as_u64);
    let table = loc.get("table").and_then(Value::as_u64);
    let row = loc.get("row").and_then(Value::as_u64);
    let paragraph = loc.get("paragraph").and_then(Value::as_u64);
    if doc.kind == "pdf"
        && let Some(p) = page
    {
        return format!("/filings/{id}/documents/{}/file#page={p}", doc.id);
    }
    match (table, row, paragraph) {
        (Some(t), Some(r), _) => format!("#t{t}r{r}"),
        (Some(t), None, _) => format!("#t{t}"),
        (None, _, Some(p)) => format!("#p{p}"),
        _ => String::new(),
    }
}

fn label(loc: &Value) -> String {
    let loc: lvshen_intake::Loc = serde_json::from_value(loc.clone()).unwrap_or_default();
    loc.label_zh()
}

/// The findings of one intake as an HTML list, each place a link.
pub fn findings_html(id: i64, doc: &FilingDocument, intake: &Value) -> String {
    let findings = intake
        .get("findings")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    let s = intake.get("summary").cloned().unwrap_or(Value::Null);
    let mut html = format!(
        "<div class=\"summary\"><span class=\"err\">错误 {}</span><span class=\"warn\">警告 {}</span><span class=\"info\">提示 {}</span><span class=\"muted\">{} · 提取填报字段 {} 个 · 查重比对 {} 份</span></div>",
        s.get("errors").and_then(Value::as_u64).unwrap_or(0),
        s.get("warnings").and_then(Value::as_u64).unwrap_or(0),
        s.get("infos").and_then(Value::as_u64).unwrap_or(0),
        escape(
            intake
                .get("format_label")
                .and_then(Value::as_str)
                .unwrap_or("")
        ),
        s.get("fields").and_then(Value::as_u64).unwrap_or(0),
        s.get("library_reports")
            .and_then(Value::as_u64)
            .unwrap_or(0),
    );
    if findings.is_empty() {
        html.push_str("<p class=\"muted\">文件检查未发现问题。</p>");
        return html;
    }
    html.push_str("<ul class=\"findings doc-findings\">");
    for f in &findings {
        let sev = f.get("severity").and_then(Value::as_str).unwrap_or("info");
        let sev_zh = match sev {
            "error" => "错误",
            "warning" => "警告",
            _ => "提示",
        };
        let mut places = String::new();
        let mut all = vec![f.get("location").cloned().unwrap_or(Value::Null)];
        all.extend(
            f.get("also")
                .and_then(Value::as_array)
                .cloned()
                .unwrap_or_default(),
        );
        for (k, loc) in all.iter().enumerate() {
            let link = place_link(id, doc, loc);
            let section = loc
                .get("section")
                .and_then(Value::as_str)
                .map(|s| format!("【{}】", escape(s)))
                .unwrap_or_default();
            let text = format!("{section}{}", escape(&label(loc)));
            let quote = loc.get("quote").and_then(Value::as_str).unwrap_or("");
            places.push_str(&format!(
                "<div class=\"loc\">{}{}{}</div>{}",
                if k > 0 { "另见：" } else { "" },
                if link.is_empty() || text.is_empty() {
                    text.clone()
                } else {
                    format!(
                        "<a href=\"{}\">{}</a>",
                        escape(&link),
                        if text.is_empty() {
                            "位置".into()
                        } else {
                            text.clone()
                        }
                    )
                },
                "",
                if quote.is_empty() {
                    String::new()
                } else {
                    format!("<blockquote>{}</blockquote>", escape(quote))
                }
            ));
        }
        let cites: Vec<String> = f
            .get("citations")
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default()
            .iter()
            .map(|c| {
                format!(
                    "{} {}",
                    c.get("doc").and_then(Value::as_str).unwrap_or(""),
                    c.get("clause").and_then(Value::as_str).unwrap_or("")
                )
            })
            .collect();
        html.push_str(&format!(
            "<li class=\"{sev}\"><div class=\"sev\">{sev_zh}</div><div class=\"body\"><p>{}</p>{places}<p class=\"meta\"><code>{}</code></p><p class=\"cites\">依据：{}</p></div></li>",
            escape(f.get("message").and_then(Value::as_str).unwrap_or("")),
            escape(f.get("rule_id").and_then(Value::as_str).unwrap_or("")),
            escape(&cites.join("；"))
        ));
    }
    html.push_str("</ul>");
    html
}

/// The upload form and the list of documents, for the filing and review pages.
pub fn panel_html(id: i64, docs: &[FilingDocument], can_upload: bool) -> String {
    let mut html = format!(
        "<section class=\"card\" id=\"documents\" data-id=\"{id}\"><h2>环评文件（报告表/报告书）</h2>"
    );
    if can_upload {
        html.push_str(&format!(
            "<p class=\"muted\">上传 DOCX 或带文字层的 PDF（不超过 {} MB）：系统识别格式与章节，提取带出处的填报字段，检查附表算术、前后不一致、标准编号、已废止依据、他项目名称和章节雷同，并与本填报逐字段比对。</p>\
             <div class=\"actions\"><input type=\"file\" id=\"document-file\" accept=\".docx,.pdf,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document\">\
             <button type=\"button\" class=\"primary\" id=\"document-upload\">上传并检查</button><span id=\"document-status\" class=\"muted\" role=\"status\"></span></div>",
            MAX_UPLOAD_BYTES >> 20
        ));
    }
    if docs.is_empty() {
        html.push_str("<p class=\"muted\">尚未上传环评文件。</p>");
    } else {
        html.push_str("<table class=\"list\"><thead><tr><th>文件</th><th>格式</th><th>检查结果</th><th>上传</th></tr></thead><tbody>");
        for d in docs {
            let intake: Value = serde_json::from_str(&d.intake).unwrap_or(Value::Null);
            let s = intake.get("summary").cloned().unwrap_or(Value::Null);
            html.push_str(&format!(
                "<tr><td><a href=\"/filings/{id}/documents/{}\">{}</a></td><td>{}</td><td>错误 {} · 警告 {} · 提示 {}</td><td>{} · {}（第 {} 版时）</td></tr>",
                d.id,
                escape(&d.name),
                escape(intake.get("format").and_then(Value::as_str).unwrap_or("")),
                s.get("errors").and_then(Value::as_u64).unwrap_or(0),
                s.get("warnings").and_then(Value::as_u64).unwrap_or(0),
                s.get("infos").and_then(Value::as_u64).unwrap_or(0),
                escape(&d.uploader),
                escape(&d.created_at),
                d.version
            ));
        }
        html.push_str("</tbody></table>");
    }
    html.push_str("</section>");
    html
}

/// The latest document's findings, for the review page (beside the rule findings).
pub fn latest_findings_html(id: i64, docs: &[FilingDocument]) -> String {
    let Some(d) = docs.first() else {
        return String::new();
    };
    let intake: Value = serde_json::from_str(&d.intake).unwrap_or(Value::Null);
    format!(
        "<section class=\"card\" id=\"document-findings\"><h2>环评文件检查：<a href=\"/filings/{id}/documents/{}\">{}</a></h2>{}</section>",
        d.id,
        escape(&d.name),
        findings_html(id, d, &intake)
    )
}

fn blocks_html(blocks: &[Block]) -> String {
    let mut html = String::from("<div class=\"doc-text\">");
    for b in blocks {
        match b {
            Block::Paragraph(p) => {
                let anchor = p
                    .loc
                    .paragraph
                    .map(|n| format!(" id=\"p{n}\""))
                    .unwrap_or_default();
                html.push_str(&format!("<p{anchor}>{}</p>", escape(&p.text)));
            }
            Block::Table(t) => {
                html.push_str(&format!(
                    "<table class=\"doc-table\" id=\"t{}\"><caption>表{}</caption>",
                    t.index, t.index
                ));
                for (r, row) in t.rows.iter().enumerate() {
                    html.push_str(&format!("<tr id=\"t{}r{}\">", t.index, r + 1));
                    for c in row.iter().filter(|c| !c.spanned) {
                        html.push_str(&format!("<td>{}</td>", escape(&c.text)));
                    }
                    html.push_str("</tr>");
                }
                html.push_str("</table>");
            }
        }
    }
    html.push_str("</div>");
    html
}

/// `GET /filings/{id}/documents/{doc}`: the findings with links, the extracted fields with
/// their places, and the document's text (tables kept) as read.
pub async fn page(
    State(state): State<AppState>,
    PageSession(session): PageSession,
    Path((id, doc)): Path<(i64, i64)>,
) -> Result<Html<String>, PageError> {
    session.require(&[Role::Applicant, Role::Reviewer, Role::Admin])?;
    let row = visible_filing(&state, &session, id).await?;
    let (d, blocks, _) = db(&state, move |s| s.filing_document(id, doc))
        .await?
        .ok_or_else(|| AppError::not_found("文件"))?;
    let intake: Value = serde_json::from_str(&d.intake).map_err(AppError::internal)?;
    let blocks: Vec<Block> = serde_json::from_str(&blocks).unwrap_or_default();
    let back = if session.user.role == Role::Applicant {
        format!("/filings/{id}")
    } else {
        format!("/review/{id}")
    };
    let mut body = format!(
        "<div class=\"toolbar\"><h1>{}</h1></div><p class=\"muted\">填报：<a href=\"{back}\">{}</a> · {} · {} 于 {} 上传 · <a href=\"/filings/{id}/documents/{}/file\">原文件</a></p><p class=\"muted\">判断依据：{}</p>",
        escape(&d.name),
        escape(&row.title),
        escape(
            intake
                .get("format_label")
                .and_then(Value::as_str)
                .unwrap_or("")
        ),
        escape(&d.uploader),
        escape(&d.created_at),
        d.id,
        escape(
            intake
                .get("format_evidence")
                .and_then(Value::as_str)
                .unwrap_or("")
        )
    );
    body.push_str("<section class=\"card\"><h2>文件检查</h2>");
    body.push_str(&findings_html(id, &d, &intake));
    body.push_str("</section><section class=\"card\"><h2>提取的填报字段（带出处）</h2><table class=\"list\"><thead><tr><th>字段</th><th>值</th><th>出处</th><th>原文</th></tr></thead><tbody>");
    if let (Some(prov), Some(filing)) = (
        intake.get("provenance").and_then(Value::as_object),
        intake.get("filing"),
    ) {
        for (field, p) in prov {
            let value = lvshen_intake::extract::get_path(filing, field)
                .map(|v| match v {
                    Value::String(s) => s.clone(),
                    other => other.to_string(),
                })
                .unwrap_or_default();
            let link = place_link(id, &d, p);
            body.push_str(&format!(
                "<tr><td><code>{}</code></td><td>{}</td><td><a href=\"{}\">{}{}</a></td><td>{}</td></tr>",
                escape(field),
                escape(&value),
                escape(&link),
                p.get("section").and_then(Value::as_str).map(|s| format!("【{}】", escape(s))).unwrap_or_default(),
                escape(&label(p)),
                escape(p.get("text").and_then(Value::as_str).unwrap_or(""))
            ));
        }
    }
    body.push_str("</tbody></table></section>");
    if !blocks.is_empty() {
        body.push_str("<section class=\"card\"><h2>读取的原文（表格按单元格还原）</h2>");
        body.push_str(&blocks_html(&blocks));
        body.push_str("</section>");
    }
    Ok(Html(crate::pages::layout(Some(&session), &d.name, &body)))
}
