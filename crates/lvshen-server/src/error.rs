//! One error type for every handler: a status, a stable code and a Chinese message, as
//! `{"error":{"code":…,"message":…}}` for the API and as a page for the browser. Internal
//! details (SQL, paths) are logged, never sent.

use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use lvshen_store::StoreError;

/// An error a handler returns.
#[derive(Debug)]
pub struct AppError {
    pub status: StatusCode,
    pub code: &'static str,
    pub message: String,
}

impl AppError {
    pub fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> Self {
        AppError {
            status,
            code,
            message: message.into(),
        }
    }

    pub fn bad_request(message: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, "bad_request", message)
    }

    pub fn unauthorized() -> Self {
        Self::new(StatusCode::UNAUTHORIZED, "unauthorized", "请先登录")
    }

    pub fn forbidden() -> Self {
        Self::new(StatusCode::FORBIDDEN, "forbidden", "当前账号无权执行此操作")
    }

    /// Also what a user gets for another organisation's filing: its existence is not revealed.
    pub fn not_found(what: &str) -> Self {
        Self::new(StatusCode::NOT_FOUND, "not_found", format!("{what}不存在"))
    }

    pub fn internal(detail: impl std::fmt::Display) -> Self {
        tracing::error!(%detail, "internal error");
        Self::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "internal",
            "服务器内部错误，请稍后重试；如持续出现请联系管理员",
        )
    }
}

impl From<StoreError> for AppError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::NotFound(what) => AppError::not_found(&what),
            StoreError::Invalid(m) => AppError::bad_request(m),
            StoreError::Conflict(what) => {
                AppError::new(StatusCode::CONFLICT, "conflict", format!("{what}已存在"))
            }
            other => AppError::internal(other),
        }
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let body = serde_json::json!({ "error": { "code": self.code, "message": self.message } });
        (self.status, axum::Json(body)).into_response()
    }
}

/// The same error for a page: a login redirect, or a short Chinese page.
#[derive(Debug)]
pub struct PageError(pub AppError);

impl From<AppError> for PageError {
    fn from(e: AppError) -> Self {
        PageError(e)
    }
}

impl From<StoreError> for PageError {
    fn from(e: StoreError) -> Self {
        PageError(e.into())
    }
}

impl IntoResponse for PageError {
    fn into_response(self) -> Response {
        if self.0.status == StatusCode::UNAUTHORIZED {
            return Redirect::to("/login").into_response();
        }
        let body = crate::pages::layout(
            None,
            "出错了",
            &format!(
                "<section class=\"card\"><h1>{}</h1><p>{}</p><p><a href=\"/\">返回首页</a></p></section>",
                self.0.status.as_u16(),
                lvshen_report::escape(&self.0.message)
            ),
        );
        (self.0.status, Html(body)).into_response()
    }
}
