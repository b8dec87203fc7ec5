//! The web application (`lvshen serve`): applicants, reviewers and staff in one axum server.
//!
//! Handlers are thin: they authenticate, authorise, and call the services (`service.rs`)
//! which use the store (SQLite), the review engine, the siting layers, the knowledge base and
//! the model. Pages are rendered on the server (`pages.rs`) with a little inline JavaScript;
//! every page's data is also JSON under `/api/…`, described by `/api/openapi.json`.

mod api;
mod auth;
pub use auth::LOGIN_LIMITS;
mod chat;
pub mod documents;
mod error;
mod openapi;
pub mod pages;
mod service;

use std::net::SocketAddr;
use std::sync::{Arc, OnceLock};
use std::time::Duration;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::routing::{get, post};
use lvshen_llm::LlmService;
use lvshen_rules::Engine;
use lvshen_search::SearchIndex;
use lvshen_siting::{Layers, Options};
use lvshen_store::Store;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::TraceLayer;

pub use error::AppError;
pub use openapi::openapi;

/// Largest request body: a filing is at most 10 MiB (the parser's own limit) plus slack.
pub const MAX_BODY_BYTES: usize = 11 * 1024 * 1024;

/// The model, opened on first need (fetching it may take minutes; the server starts at once).
pub struct LazyLlm {
    open: Box<dyn Fn() -> Result<LlmService, String> + Send + Sync>,
    cell: OnceLock<Result<Arc<LlmService>, String>>,
}

impl std::fmt::Debug for LazyLlm {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LazyLlm")
            .field("opened", &self.cell.get().is_some())
            .finish()
    }
}

impl LazyLlm {
    pub fn new(open: impl Fn() -> Result<LlmService, String> + Send + Sync + 'static) -> Self {
        LazyLlm {
            open: Box::new(open),
            cell: OnceLock::new(),
        }
    }

    /// No model: answers are extracted passages, drafts are written from facts.
    pub fn none() -> Self {
        Self::new(|| Err("未配置模型".into()))
    }

    /// An already opened model.
    pub fn ready(service: Arc<LlmService>) -> Self {
        let lazy = Self::none();
        let _ = lazy.cell.set(Ok(service));
        lazy
    }

    /// The model, opening it the first time (blocking: call from a blocking thread).
    pub fn get(&self) -> Result<Arc<LlmService>, String> {
        self.cell
            .get_or_init(|| (self.open)().map(Arc::new))
            .clone()
    }

    /// The model if it is already open.
    pub fn peek(&self) -> Option<Arc<LlmService>> {
        self.cell.get().and_then(|r| r.as_ref().ok().cloned())
    }
}

/// Everything the handlers share.
#[derive(Clone)]
pub struct AppState {
    pub store: Arc<Store>,
    pub engine: Arc<Engine>,
    pub layers: Arc<dyn AsRef<Layers> + Send + Sync>,
    pub siting: Options,
    pub index: Arc<SearchIndex>,
    pub llm: Arc<LazyLlm>,
    /// Cookies get `Secure` when the server is behind HTTPS.
    pub secure_cookies: bool,
    /// Reading and checking uploaded EIA documents.
    pub intake: Arc<documents::IntakeConfig>,
}

impl std::fmt::Debug for AppState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AppState").finish_non_exhaustive()
    }
}

impl AppState {
    pub fn layers(&self) -> &Layers {
        (*self.layers).as_ref()
    }
}

/// Security headers on every response (red-team problem 15): a CSP without inline scripts,
/// no framing, no MIME sniffing, same-origin referrers, and no caching of pages and JSON
/// (they carry the CSRF token and filing data); static assets may be cached.
async fn security_headers(
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    use axum::http::{HeaderValue, header};
    let asset = request.uri().path().starts_with("/assets/");
    let mut response = next.run(request).await;
    let h = response.headers_mut();
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(
            "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
        ),
    );
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("same-origin"),
    );
    if !asset && !h.contains_key(header::CACHE_CONTROL) {
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    response
}

/// Runs a store call on a blocking thread.
pub(crate) async fn db<T: Send + 'static>(
    state: &AppState,
    f: impl FnOnce(&Store) -> Result<T, lvshen_store::StoreError> + Send + 'static,
) -> Result<T, AppError> {
    let store = state.store.clone();
    tokio::task::spawn_blocking(move || f(&store))
        .await
        .map_err(AppError::internal)?
        .map_err(AppError::from)
}

type PasswordJob = Box<dyn FnOnce() + Send>;

/// The threads that hash and check passwords (argon2, 19 MiB each). A fixed handful, so the
/// allocator keeps at most that many arenas with argon2's blocks in them: on tokio's blocking
/// pool every burst of logins spread the blocks over new threads and their arenas, and the
/// memory stayed (red-team problem 3: 1.9 GB after 100 concurrent failed logins).
fn password_threads() -> &'static std::sync::Mutex<std::sync::mpsc::Sender<PasswordJob>> {
    static POOL: OnceLock<std::sync::Mutex<std::sync::mpsc::Sender<PasswordJob>>> = OnceLock::new();
    POOL.get_or_init(|| {
        let (tx, rx) = std::sync::mpsc::channel::<PasswordJob>();
        let rx = Arc::new(std::sync::Mutex::new(rx));
        let threads = std::thread::available_parallelism().map_or(2, |n| n.get());
        for i in 0..threads {
            let rx = rx.clone();
            let spawned = std::thread::Builder::new()
                .name(format!("lvshen-password-{i}"))
                .spawn(move || {
                    loop {
                        let job = match rx.lock() {
                            Ok(rx) => rx.recv(),
                            Err(p) => p.into_inner().recv(),
                        };
                        match job {
                            Ok(job) => job(),
                            Err(_) => break,
                        }
                    }
                });
            if let Err(e) = spawned {
                tracing::error!(error = %e, "password thread not started");
            }
        }
        std::sync::Mutex::new(tx)
    })
}

/// Runs a store call that hashes or checks a password on the password threads.
pub(crate) async fn db_password<T: Send + 'static>(
    state: &AppState,
    f: impl FnOnce(&Store) -> Result<T, lvshen_store::StoreError> + Send + 'static,
) -> Result<T, AppError> {
    let store = state.store.clone();
    let (tx, rx) = tokio::sync::oneshot::channel();
    let job: PasswordJob = Box::new(move || {
        let _ = tx.send(f(&store));
    });
    password_threads()
        .lock()
        .map_err(|_| AppError::internal("password threads unavailable"))?
        .send(job)
        .map_err(AppError::internal)?;
    rx.await
        .map_err(AppError::internal)?
        .map_err(AppError::from)
}

/// The application's routes.
pub fn router(state: AppState) -> Router {
    let api = Router::new()
        .route("/me", get(api::me))
        .route("/login", post(auth::api_login))
        .route("/logout", post(auth::api_logout))
        .route("/check", post(api::check))
        .route("/validate", post(api::validate))
        .route("/filings", get(api::list_filings).post(api::create_filing))
        .route("/filings/{id}", get(api::get_filing).put(api::save_filing))
        .route("/filings/{id}/submit", post(api::submit_filing))
        .route("/review/queue", get(api::review_queue))
        .route("/review/stats", get(api::review_stats))
        .route("/review/{id}/decisions", post(api::decide))
        .route("/review/{id}/return", post(api::return_filing))
        .route("/admin/users/{name}/{action}", post(api::admin_user_action))
        .route("/account/password", post(api::change_password))
        .route(
            "/review/{id}/opinion",
            post(api::draft_opinion).put(api::save_opinion),
        )
        .route("/review/{id}/permit", get(api::permit_draft))
        .route("/clause", get(api::clause))
        .route("/chat", post(chat::chat))
        .route("/chat/history", get(chat::history))
        .route("/admin/users", get(api::users).post(api::add_user))
        .route("/admin/audit", get(api::audit))
        .route("/openapi.json", get(api::openapi_json));
    Router::new()
        .route("/", get(pages::home))
        .route("/login", get(pages::login).post(auth::form_login))
        .route("/logout", post(auth::form_logout))
        .route("/filings", get(pages::filings))
        .route("/filings/new", get(pages::new_filing))
        .route("/filings/{id}", get(pages::filing))
        .route("/filings/{id}/edit", get(pages::edit_filing))
        .route("/filings/{id}/report.html", get(pages::report_html))
        .route("/review", get(pages::queue))
        .route("/review/stats", get(pages::stats))
        .route("/review/{id}", get(pages::review))
        .route("/chat", get(pages::chat))
        .route("/admin", get(pages::admin))
        .route("/assets/app.css", get(pages::css))
        .route("/assets/app.js", get(pages::js))
        .route("/filings/{id}/documents/{doc}", get(documents::page))
        .route("/filings/{id}/documents/{doc}/file", get(documents::file))
        .nest("/api", api)
        .layer(DefaultBodyLimit::disable())
        .layer(RequestBodyLimitLayer::new(MAX_BODY_BYTES))
        // Documents are larger than any other body: their own limit (added after the
        // general one, so that it is the only one on this route).
        .route(
            "/api/filings/{id}/documents",
            post(documents::upload)
                .get(documents::list)
                .layer(RequestBodyLimitLayer::new(
                    documents::MAX_UPLOAD_BYTES + 64 * 1024,
                )),
        )
        .route("/api/filings/{id}/documents/{doc}", get(documents::get))
        .layer(axum::middleware::from_fn(security_headers))
        .layer(TraceLayer::new_for_http())
        .with_state(state)
}

/// Serves until Ctrl-C or SIGTERM, letting requests in flight finish.
pub async fn serve(addr: SocketAddr, state: AppState) -> std::io::Result<()> {
    let state_for_purge = state.store.clone();
    // Chat streams can run for minutes; everything else gets a timeout.
    let app = router(state).layer(TimeoutLayer::with_status_code(
        axum::http::StatusCode::REQUEST_TIMEOUT,
        Duration::from_secs(600),
    ));
    let listener = tokio::net::TcpListener::bind(addr).await?;
    tracing::info!(%addr, "listening");
    // Expired sessions and day-old login failures are purged hourly (red-team problem 7).
    let purge_state = state_for_purge;
    tokio::spawn(async move {
        let mut every = tokio::time::interval(Duration::from_secs(3600));
        loop {
            every.tick().await;
            let store = purge_state.clone();
            match tokio::task::spawn_blocking(move || store.purge_expired()).await {
                Ok(Ok(n)) => tracing::info!(rows = n, "expired sessions and failures purged"),
                Ok(Err(e)) => tracing::warn!(error = %e, "purge failed"),
                Err(e) => tracing::warn!(error = %e, "purge task failed"),
            }
        }
    });
    serve_connections(listener, app).await
}

/// Open connections at most; more are closed at once (red-team problem 12).
const MAX_CONNECTIONS: usize = 2048;
/// A request's line and headers must arrive within this time (slow-loris clients).
const HEADER_READ_TIMEOUT: Duration = Duration::from_secs(20);
/// A request body must arrive within this time.
const BODY_READ_TIMEOUT: Duration = Duration::from_secs(60);

/// The accept loop: hyper with a timer (so the header-read timeout is enforced), a body-read
/// timeout, a connection cap, the client address as `ConnectInfo`, and a graceful shutdown
/// that lets requests in flight finish (at most 30 s).
async fn serve_connections(listener: tokio::net::TcpListener, app: Router) -> std::io::Result<()> {
    use hyper_util::rt::{TokioIo, TokioTimer};
    use hyper_util::service::TowerToHyperService;
    let app = app.layer(tower_http::timeout::RequestBodyTimeoutLayer::new(
        BODY_READ_TIMEOUT,
    ));
    let graceful = hyper_util::server::graceful::GracefulShutdown::new();
    let slots = Arc::new(tokio::sync::Semaphore::new(MAX_CONNECTIONS));
    let mut shutdown = std::pin::pin!(shutdown_signal());
    loop {
        let (stream, remote) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(pair) => pair,
                Err(e) => {
                    // Out of file descriptors and the like: wait a moment, keep serving.
                    tracing::warn!(error = %e, "accept failed");
                    tokio::time::sleep(Duration::from_millis(100)).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let Ok(slot) = slots.clone().try_acquire_owned() else {
            tracing::warn!(%remote, "connection refused: too many open connections");
            drop(stream);
            continue;
        };
        let service = TowerToHyperService::new(
            app.clone()
                .layer(axum::Extension(axum::extract::ConnectInfo(remote))),
        );
        // HTTP/1.1 only (the app is served on plain HTTP or behind a proxy): hyper with a
        // timer, so that its header-read timeout is enforced.
        let conn = hyper::server::conn::http1::Builder::new()
            .timer(TokioTimer::new())
            .header_read_timeout(HEADER_READ_TIMEOUT)
            .serve_connection(TokioIo::new(stream), service);
        let conn = graceful.watch(conn);
        tokio::spawn(async move {
            if let Err(e) = conn.await {
                tracing::debug!(error = %e, "connection ended with an error");
            }
            drop(slot);
        });
    }
    tracing::info!("shutting down: finishing requests in flight");
    tokio::select! {
        () = graceful.shutdown() => {}
        () = tokio::time::sleep(Duration::from_secs(30)) => {
            tracing::warn!("requests still running after 30 s; stopping anyway");
        }
    }
    Ok(())
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        if let Ok(mut s) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        {
            s.recv().await;
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = term => {},
    }
    tracing::info!("shutting down");
}
