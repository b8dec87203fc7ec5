//! Staff chat: the Q&A agent, streamed as server-sent events.
//!
//! Events: `status` (`{"state":"queued","ahead":N}` when the model is busy, then
//! `{"state":"running"}`), `text` (verified answer text as it is produced), `done` (the
//! answer with its citations), `error` (`{"code","message"}`, e.g. 模型正忙 when the queue is
//! full). The generation runs on a blocking thread; if the client goes away, the stream is
//! dropped and the generation is cancelled.

use std::convert::Infallible;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use axum::Json;
use axum::extract::State;
use axum::response::sse::{Event, KeepAlive, Sse};
use lvshen_agent::{Agent, AgentError, MAX_QUESTION_CHARS, Turn};
use lvshen_store::Role;
use serde::Deserialize;
use serde_json::json;
use tokio::sync::mpsc;
use tokio_stream::Stream;
use tokio_stream::wrappers::ReceiverStream;

use crate::auth::Session;
use crate::error::{ApiJson, AppError};
use crate::{AppState, db};

#[derive(Debug, Deserialize)]
pub struct ChatBody {
    pub question: String,
}

/// Sets the flag when dropped: the client went away.
struct CancelOnDrop(Arc<AtomicBool>);

impl Drop for CancelOnDrop {
    fn drop(&mut self) {
        self.0.store(true, Ordering::Relaxed);
    }
}

fn event(name: &str, data: serde_json::Value) -> Result<Event, Infallible> {
    Ok(Event::default().event(name).data(data.to_string()))
}

/// `POST /api/chat` (staff, reviewers, admins).
pub async fn chat(
    State(state): State<AppState>,
    session: Session,
    ApiJson(body): ApiJson<ChatBody>,
) -> Result<Sse<impl Stream<Item = Result<Event, Infallible>>>, AppError> {
    session.require(&[Role::Staff, Role::Reviewer, Role::Admin])?;
    let question = body.question.trim().to_owned();
    if question.is_empty() {
        return Err(AppError::bad_request("请输入问题"));
    }
    let chars = question.chars().count();
    if chars > MAX_QUESTION_CHARS {
        return Err(AppError::bad_request(format!(
            "问题过长：{chars} 个字符，上限 {MAX_QUESTION_CHARS}"
        )));
    }
    let user = session.user.clone();
    let q = question.clone();
    let (conversation, history) = db(&state, move |s| {
        let c = s.conversation(&user)?;
        let messages = s.messages(c)?;
        s.add_message(c, "user", &q, "[]")?;
        Ok((c, messages))
    })
    .await?;
    // The last few exchanges, for follow-up questions.
    let mut turns: Vec<Turn> = Vec::new();
    let mut pending: Option<String> = None;
    for m in history {
        match m.role.as_str() {
            "user" => pending = Some(m.text),
            _ => {
                if let Some(q) = pending.take() {
                    turns.push(Turn {
                        question: q,
                        answer: m.text,
                    });
                }
            }
        }
    }
    let turns: Vec<Turn> = turns.into_iter().rev().take(3).rev().collect();

    let (tx, rx) = mpsc::channel::<Result<Event, Infallible>>(64);
    let cancel = Arc::new(AtomicBool::new(false));
    let guard = CancelOnDrop(cancel.clone());
    let st = state.clone();
    tokio::task::spawn_blocking(move || {
        let send = |name: &str, data: serde_json::Value| {
            let _ = tx.blocking_send(event(name, data));
        };
        let llm = st.llm.get().ok();
        if let Some(llm) = &llm {
            let ahead = llm.in_flight();
            if ahead > 0 {
                send("status", json!({ "state": "queued", "ahead": ahead }));
            }
        }
        send("status", json!({ "state": "running" }));
        let mut agent = Agent::new(&st.index, llm.as_deref());
        agent.options.as_of = Some(crate::service::today_china());
        let result = agent.ask(&question, &turns, None, &cancel, &mut |piece| {
            send("text", json!({ "text": piece }));
        });
        match result {
            Ok(answer) => {
                let citations =
                    serde_json::to_string(&answer.citations).unwrap_or_else(|_| "[]".into());
                let _ = st
                    .store
                    .add_message(conversation, "assistant", &answer.answer, &citations);
                send(
                    "done",
                    json!({
                        "answer": answer.answer,
                        "citations": answer.citations,
                        "closest": answer.closest,
                        "refused": answer.refused,
                        "method": answer.method,
                        "seconds": answer.seconds,
                    }),
                );
            }
            Err(e) => {
                let code = match &e {
                    AgentError::Llm(lvshen_llm::LlmError::Busy { .. }) => "busy",
                    AgentError::Llm(lvshen_llm::LlmError::Cancelled) => "cancelled",
                    AgentError::EmptyQuestion | AgentError::TooLong { .. } => "bad_request",
                    _ => "internal",
                };
                if code == "internal" {
                    tracing::error!(error = %e, "chat failed");
                }
                let message = if code == "internal" {
                    "回答生成失败，请稍后重试".to_owned()
                } else {
                    e.to_string()
                };
                send("error", json!({ "code": code, "message": message }));
            }
        }
    });
    let stream = ReceiverStream::new(rx);
    // The guard lives as long as the response stream.
    let stream = tokio_stream::StreamExt::map(stream, move |e| {
        let _ = &guard;
        e
    });
    Ok(Sse::new(stream).keep_alive(KeepAlive::default()))
}

/// `GET /api/chat/history`: the user's conversation.
pub async fn history(
    State(state): State<AppState>,
    session: Session,
) -> Result<Json<serde_json::Value>, AppError> {
    session.require(&[Role::Staff, Role::Reviewer, Role::Admin])?;
    let messages = own_messages(&state, &session).await?;
    Ok(Json(json!({ "messages": messages })))
}

/// The messages of the session user's conversation (the API and the chat page show them).
pub(crate) async fn own_messages(
    state: &AppState,
    session: &Session,
) -> Result<Vec<lvshen_store::Message>, AppError> {
    let user = session.user.clone();
    db(state, move |s| {
        let c = s.conversation(&user)?;
        s.messages(c)
    })
    .await
}
