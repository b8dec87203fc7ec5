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
            StoreError::Conflict(message) => {
                AppError::new(StatusCode::CONFLICT, "conflict", message)
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

/// `Json<T>` whose rejections are our JSON errors, in Chinese (wrong content type, bad
/// syntax, a field of the wrong type — with serde's path and reason).
#[derive(Debug)]
pub struct ApiJson<T>(pub T);

impl<S, T> axum::extract::FromRequest<S> for ApiJson<T>
where
    T: serde::de::DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = AppError;

    async fn from_request(req: axum::extract::Request, state: &S) -> Result<Self, AppError> {
        use axum::extract::rejection::JsonRejection;
        match axum::Json::<T>::from_request(req, state).await {
            Ok(axum::Json(v)) => Ok(ApiJson(v)),
            Err(JsonRejection::MissingJsonContentType(_)) => Err(AppError::new(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "content_type",
                "请求体应为 JSON（Content-Type: application/json）",
            )),
            Err(JsonRejection::JsonSyntaxError(e)) => Err(AppError::bad_request(format!(
                "请求体不是有效的 JSON：{}",
                e.body_text()
            ))),
            Err(JsonRejection::JsonDataError(e)) => Err(AppError::bad_request(format!(
                "请求体字段有误：{}",
                e.body_text()
            ))),
            Err(JsonRejection::BytesRejection(_)) => Err(AppError::new(
                StatusCode::PAYLOAD_TOO_LARGE,
                "too_large",
                format!(
                    "请求体过大或无法读取（上限 {} MB）",
                    crate::MAX_BODY_BYTES / 1024 / 1024
                ),
            )),
            Err(other) => Err(AppError::bad_request(format!(
                "请求体有误：{}",
                other.body_text()
            ))),
        }
    }
}

/// A numeric `{id}` path segment; anything else is a 404 in our format.
#[derive(Debug, Clone, Copy)]
pub struct Id(pub i64);

impl<S: Send + Sync> axum::extract::FromRequestParts<S> for Id {
    type Rejection = AppError;

    async fn from_request_parts(
        parts: &mut axum::http::request::Parts,
        state: &S,
    ) -> Result<Self, AppError> {
        match axum::extract::Path::<i64>::from_request_parts(parts, state).await {
            Ok(axum::extract::Path(id)) if id > 0 => Ok(Id(id)),
            _ => Err(AppError::not_found("该编号的记录")),
        }
    }
}

/// A page's `{id}`: a 404 page.
#[derive(Debug, Clone, Copy)]
pub struct PageId(pub i64);

impl<S: Send + Sync> axum::extract::FromRequestParts<S> for PageId {
    type Rejection = PageError;

    async fn from_request_parts(
        parts: &mut axum::http::request::Parts,
        state: &S,
    ) -> Result<Self, PageError> {
        Id::from_request_parts(parts, state)
            .await
            .map(|Id(id)| PageId(id))
            .map_err(PageError)
    }
}
