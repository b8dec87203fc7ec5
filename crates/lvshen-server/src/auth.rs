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
const LOCK_MINUTES: i64 = 15;

/// Login throttling (red-team problems 2 and 4). Guessing is slowed per (name, address): five
/// failures lock that pair for 15 minutes, so five typos behind a NAT lock only that name from
/// there, and junk names lock nobody else. A name is also capped across all addresses (50 in 15
/// minutes: slows a distributed guess; an administrator clears it with `lvshen user unlock`),
/// and an address across all names (100: slows a spray from one place without locking a NAT's
/// ordinary users). A success clears the pair's failures. Every attempt is reserved before its
/// password is checked, so a concurrent burst cannot be checked more often than the limit.
pub const LOGIN_LIMITS: lvshen_store::LoginLimits = lvshen_store::LoginLimits {
    minutes: LOCK_MINUTES,
    pair: 5,
    name: 50,
    addr: 100,
};

/// Longest name and password a login accepts (longer ones are refused before the store).
const MAX_NAME_CHARS: usize = 64;
const MAX_PASSWORD_BYTES: usize = 1024;

/// Password checks (argon2, 19 MiB each) running at once: twice the cores. More wait up to
/// [`PASSWORD_WAIT`], then get 503 (red-team problem 3).
fn password_checks() -> &'static tokio::sync::Semaphore {
    static CHECKS: std::sync::OnceLock<tokio::sync::Semaphore> = std::sync::OnceLock::new();
    CHECKS.get_or_init(|| {
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
        tokio::sync::Semaphore::new(2 * cores)
    })
}
const PASSWORD_WAIT: std::time::Duration = std::time::Duration::from_secs(10);

/// A permit to run one password hash or check.
pub(crate) async fn password_permit() -> Result<tokio::sync::SemaphorePermit<'static>, AppError> {
    match tokio::time::timeout(PASSWORD_WAIT, password_checks().acquire()).await {
        Ok(Ok(permit)) => Ok(permit),
        _ => Err(AppError::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "busy",
            "服务器繁忙，请稍后再试",
        )),
    }
}

/// A login POST from another site (login CSRF, red-team problem 14): the `Origin` header,
/// when a browser sends one, must name this host.
fn cross_site(headers: &HeaderMap) -> bool {
    let Some(origin) = headers.get(header::ORIGIN).and_then(|v| v.to_str().ok()) else {
        return false;
    };
    let host = headers
        .get(header::HOST)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    let origin_host = origin
        .split_once("://")
        .map_or(origin, |(_, rest)| rest)
        .trim_end_matches('/');
    origin == "null" || host.is_empty() || !origin_host.eq_ignore_ascii_case(host)
}

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
    headers: &HeaderMap,
) -> Result<(User, String), AppError> {
    if cross_site(headers) {
        return Err(AppError::new(
            StatusCode::FORBIDDEN,
            "cross_site",
            "登录请求来自其他网站，已拒绝",
        ));
    }
    let name = form.name.trim().to_owned();
    if name.is_empty() || form.password.is_empty() {
        return Err(AppError::bad_request("请输入用户名和密码"));
    }
    if name.chars().count() > MAX_NAME_CHARS || form.password.len() > MAX_PASSWORD_BYTES {
        return Err(AppError::bad_request(format!(
            "用户名不超过 {MAX_NAME_CHARS} 个字符，密码不超过 {MAX_PASSWORD_BYTES} 字节"
        )));
    }
    let (n, a) = (name.clone(), addr.clone());
    let gate = db(state, move |s| s.reserve_login(&n, &a, LOGIN_LIMITS)).await?;
    let reservation = match gate {
        lvshen_store::LoginGate::Open(id) => id,
        lvshen_store::LoginGate::Throttled(why) => {
            let message = match why {
                lvshen_store::Throttle::Pair => {
                    format!("该账号在本地址登录失败次数过多，请 {LOCK_MINUTES} 分钟后再试")
                }
                lvshen_store::Throttle::Name => format!(
                    "该账号近期登录失败次数过多，已暂停登录 {LOCK_MINUTES} 分钟；如需立即恢复，请联系管理员（lvshen user unlock）"
                ),
                lvshen_store::Throttle::Address => {
                    format!("本地址登录失败次数过多，请 {LOCK_MINUTES} 分钟后再试")
                }
            };
            return Err(AppError::new(
                StatusCode::TOO_MANY_REQUESTS,
                "throttled",
                message,
            ));
        }
    };
    let permit = password_permit().await?;
    let (n, p) = (name.clone(), form.password);
    let user = crate::db_password(state, move |s| s.verify_password(&n, &p)).await?;
    drop(permit);
    let Some(user) = user else {
        db(state, move |s| s.login_failed(&name, &addr)).await?;
        return Err(AppError::new(
            StatusCode::UNAUTHORIZED,
            "bad_credentials",
            "用户名或密码错误",
        ));
    };
    db(state, move |s| s.login_succeeded(reservation, &name, &addr)).await?;
    let u = user.clone();
    let (token, _csrf) = db(state, move |s| s.create_session(&u)).await?;
    Ok((user, token))
}

/// `POST /login` (the form).
pub async fn form_login(
    State(state): State<AppState>,
    ClientAddr(addr): ClientAddr,
    headers: HeaderMap,
    Form(form): Form<LoginForm>,
) -> Response {
    match login(&state, form, addr, &headers).await {
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
    headers: HeaderMap,
    ApiJson(form): ApiJson<LoginForm>,
) -> Result<Response, AppError> {
    let (user, token) = login(&state, form, addr, &headers).await?;
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
