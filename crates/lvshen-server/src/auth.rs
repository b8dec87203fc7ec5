//! Sessions, roles, CSRF and login throttling.
//!
//! A session is a random token in an HttpOnly, SameSite=Strict cookie; the database keeps
//! only its hash. Every request that changes something must carry the session's CSRF token
//! (header `X-CSRF-Token`, or the `_csrf` field of a form). Five failed logins for a name or
//! from an address within 15 minutes lock further attempts for that window.

use std::net::SocketAddr;

use axum::extract::{ConnectInfo, FromRequestParts, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::{Form, Json};
use lvshen_store::{Role, User};
use serde::Deserialize;

use crate::error::{ApiJson, AppError};
use crate::{AppState, db};

pub const COOKIE: &str = "lvshen_session";
const MAX_FAILURES: i64 = 5;
const LOCK_MINUTES: i64 = 15;

/// The logged-in user of a request.
#[derive(Debug, Clone)]
pub struct Session {
    pub user: User,
    pub csrf: String,
    pub token: String,
}

impl Session {
    /// Refuses unless the user has one of the roles.
    pub fn require(&self, roles: &[Role]) -> Result<(), AppError> {
        if roles.contains(&self.user.role) {
            Ok(())
        } else {
            Err(AppError::forbidden())
        }
    }
}

fn cookie_token(headers: &HeaderMap) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|kv| kv.trim().split_once('='))
        .find(|(k, _)| *k == COOKIE)
        .map(|(_, v)| v.to_owned())
        .filter(|v| !v.is_empty())
}

/// The session for a page handler: without one, the browser is sent to the login page.
#[derive(Debug, Clone)]
pub struct PageSession(pub Session);

impl FromRequestParts<AppState> for PageSession {
    type Rejection = crate::error::PageError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        <Session as FromRequestParts<AppState>>::from_request_parts(parts, state)
            .await
            .map(PageSession)
            .map_err(crate::error::PageError)
    }
}

/// The client's address (for login throttling); `local` when unknown (tests).
#[derive(Debug, Clone)]
pub struct ClientAddr(pub String);

impl<S: Send + Sync> FromRequestParts<S> for ClientAddr {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        Ok(ClientAddr(
            parts
                .extensions
                .get::<ConnectInfo<SocketAddr>>()
                .map_or_else(|| "local".to_owned(), |c| c.0.ip().to_string()),
        ))
    }
}

impl axum::extract::OptionalFromRequestParts<AppState> for Session {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Option<Self>, Self::Rejection> {
        Ok(
            <Session as FromRequestParts<AppState>>::from_request_parts(parts, state)
                .await
                .ok(),
        )
    }
}

impl FromRequestParts<AppState> for Session {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, AppError> {
        let token = cookie_token(&parts.headers).ok_or_else(AppError::unauthorized)?;
        let lookup = token.clone();
        let (user, csrf) = db(state, move |s| s.session(&lookup))
            .await?
            .ok_or_else(AppError::unauthorized)?;
        // Anything but a read must prove it comes from our pages.
        if !matches!(parts.method, Method::GET | Method::HEAD | Method::OPTIONS) {
            let sent = parts
                .headers
                .get("x-csrf-token")
                .and_then(|v| v.to_str().ok());
            if sent != Some(csrf.as_str()) && !form_csrf_ok(parts, &csrf) {
                return Err(AppError::new(
                    StatusCode::FORBIDDEN,
                    "csrf",
                    "请求缺少有效的 CSRF 令牌，请刷新页面后重试",
                ));
            }
        }
        Ok(Session { user, csrf, token })
    }
}

/// Forms carry `_csrf` in the query string of their action (`?_csrf=…`), which the form
/// handlers set; the body is not read here.
fn form_csrf_ok(parts: &Parts, csrf: &str) -> bool {
    parts
        .uri
        .query()
        .into_iter()
        .flat_map(|q| q.split('&'))
        .filter_map(|kv| kv.split_once('='))
        .any(|(k, v)| k == "_csrf" && v == csrf)
}

fn session_cookie(state: &AppState, token: &str, max_age: i64) -> HeaderValue {
    let secure = if state.secure_cookies { "; Secure" } else { "" };
    HeaderValue::from_str(&format!(
        "{COOKIE}={token}; Path=/; HttpOnly; SameSite=Strict; Max-Age={max_age}{secure}"
    ))
    .unwrap_or_else(|_| HeaderValue::from_static("lvshen_session=; Path=/; Max-Age=0"))
}

#[derive(Debug, Deserialize)]
pub struct LoginForm {
    pub name: String,
    pub password: String,
}

/// Checks the password with throttling; returns the new session token.
async fn login(
    state: &AppState,
    form: LoginForm,
    addr: String,
) -> Result<(User, String), AppError> {
    let name = form.name.trim().to_owned();
    if name.is_empty() || form.password.is_empty() {
        return Err(AppError::bad_request("请输入用户名和密码"));
    }
    let (n, a) = (name.clone(), addr.clone());
    let failures = db(state, move |s| s.recent_failures(&n, &a, LOCK_MINUTES)).await?;
    if failures >= MAX_FAILURES {
        return Err(AppError::new(
            StatusCode::TOO_MANY_REQUESTS,
            "throttled",
            format!("登录失败次数过多，请 {LOCK_MINUTES} 分钟后再试"),
        ));
    }
    let (n, p) = (name.clone(), form.password);
    let user = db(state, move |s| s.verify_password(&n, &p)).await?;
    let Some(user) = user else {
        db(state, move |s| s.record_failure(&name, &addr)).await?;
        return Err(AppError::new(
            StatusCode::UNAUTHORIZED,
            "bad_credentials",
            "用户名或密码错误",
        ));
    };
    let u = user.clone();
    let (token, _csrf) = db(state, move |s| s.create_session(&u)).await?;
    Ok((user, token))
}

/// `POST /login` (the form).
pub async fn form_login(
    State(state): State<AppState>,
    ClientAddr(addr): ClientAddr,
    Form(form): Form<LoginForm>,
) -> Response {
    match login(&state, form, addr).await {
        Ok((_, token)) => {
            let mut response = Redirect::to("/").into_response();
            response.headers_mut().insert(
                header::SET_COOKIE,
                session_cookie(&state, &token, lvshen_store::SESSION_HOURS * 3600),
            );
            response
        }
        Err(e) => {
            let status = e.status;
            (
                status,
                axum::response::Html(crate::pages::login_page(Some(&e.message))),
            )
                .into_response()
        }
    }
}

/// `POST /api/login` (JSON): `{name, password}` → `{user, csrf}` and the cookie.
pub async fn api_login(
    State(state): State<AppState>,
    ClientAddr(addr): ClientAddr,
    ApiJson(form): ApiJson<LoginForm>,
) -> Result<Response, AppError> {
    let (user, token) = login(&state, form, addr).await?;
    let lookup = token.clone();
    let csrf = db(&state, move |s| s.session(&lookup))
        .await?
        .map(|(_, c)| c)
        .unwrap_or_default();
    let mut response = Json(serde_json::json!({ "user": user, "csrf": csrf })).into_response();
    response.headers_mut().insert(
        header::SET_COOKIE,
        session_cookie(&state, &token, lvshen_store::SESSION_HOURS * 3600),
    );
    Ok(response)
}

async fn logout(state: &AppState, session: Session) -> Result<Response, AppError> {
    let token = session.token.clone();
    db(state, move |s| s.delete_session(&token)).await?;
    let mut response = Redirect::to("/login").into_response();
    response
        .headers_mut()
        .insert(header::SET_COOKIE, session_cookie(state, "", 0));
    Ok(response)
}

/// `POST /logout?_csrf=…` (the form in the header).
pub async fn form_logout(
    State(state): State<AppState>,
    session: Session,
) -> Result<Response, AppError> {
    logout(&state, session).await
}

/// `POST /api/logout`.
pub async fn api_logout(
    State(state): State<AppState>,
    session: Session,
) -> Result<Response, AppError> {
    logout(&state, session).await
}
