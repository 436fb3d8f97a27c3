//! attache's HTTP JSON API and web page over the store.
//!
//! [`router`] builds the whole application from a store and [`Settings`];
//! [`run`] serves it. The API lives under `/api` (described by
//! `/api/openapi.json`); the web page is `/` (search), `/article/{id}` (an
//! article with actors, quotations and event triggers highlighted) and
//! `/dyad?a=A&b=B` (a dyad's channels and a timeline of its events).
//!
//! - Binds to `127.0.0.1:8080` by default; request bodies are limited
//!   ([`Settings::max_body_bytes`]); lists are paginated (`page`, `per_page`).
//! - Write endpoints need `Authorization: Bearer TOKEN`; without a configured
//!   token they are refused.
//! - Every piece of article text is HTML-escaped: articles are untrusted input.
//! - Store errors become HTTP status codes in one place ([`ApiError`]).
//!
//! ```no_run
//! let store = attache_store::open("sqlite:attache.db").unwrap();
//! let settings = attache_server::Settings::default();
//! let addr = "127.0.0.1:8080".parse().unwrap();
//! attache_server::run(store, settings, addr, |a| println!("listening on {a}")).unwrap();
//! ```

mod api;
mod pages;

use attache::Engine;
use attache_store::Store;
use axum::extract::DefaultBodyLimit;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use std::net::SocketAddr;
use std::sync::{Arc, Mutex, OnceLock};

/// How the server behaves.
#[derive(Clone, Debug)]
pub struct Settings {
    /// Token that write endpoints require; `None` refuses every write.
    pub token: Option<String>,
    /// Largest request body accepted, in bytes.
    pub max_body_bytes: usize,
    /// Largest `per_page` accepted.
    pub max_per_page: u64,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            token: None,
            max_body_bytes: 1 << 20,
            max_per_page: 500,
        }
    }
}

/// Shared by every handler.
pub(crate) struct AppState {
    store: Mutex<Box<dyn Store>>,
    settings: Settings,
    engine: OnceLock<Result<Engine, String>>,
}

impl AppState {
    /// Runs `f` on the store on a blocking thread.
    pub(crate) async fn with_store<T: Send + 'static>(
        self: &Arc<Self>,
        f: impl FnOnce(&mut dyn Store) -> Result<T, ApiError> + Send + 'static,
    ) -> Result<T, ApiError> {
        let st = self.clone();
        tokio::task::spawn_blocking(move || {
            let mut guard = st
                .store
                .lock()
                .map_err(|_| ApiError::Internal("the store lock is poisoned".into()))?;
            f(guard.as_mut())
        })
        .await
        .map_err(|e| ApiError::Internal(format!("worker failed: {e}")))?
    }

    /// The analysis engine, built on first use.
    pub(crate) fn engine(&self) -> Result<&Engine, ApiError> {
        self.engine
            .get_or_init(|| Engine::builder().build().map_err(|e| e.to_string()))
            .as_ref()
            .map_err(|e| ApiError::Internal(format!("could not load the lexicons: {e}")))
    }
}

/// Every way a request can fail, and its status code.
#[derive(Debug)]
pub enum ApiError {
    /// 400: a parameter is malformed.
    BadRequest(String),
    /// 401: a write without the right token.
    Unauthorized,
    /// 403: writes are disabled (no token configured).
    WritesDisabled,
    /// 404: no such thing.
    NotFound(String),
    /// 500: the store or the server failed.
    Internal(String),
}

impl From<attache_store::StoreError> for ApiError {
    fn from(e: attache_store::StoreError) -> ApiError {
        ApiError::Internal(format!("store: {e}"))
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let (status, msg) = match self {
            ApiError::BadRequest(m) => (StatusCode::BAD_REQUEST, m),
            ApiError::Unauthorized => (
                StatusCode::UNAUTHORIZED,
                "this endpoint needs the header Authorization: Bearer TOKEN".into(),
            ),
            ApiError::WritesDisabled => (
                StatusCode::FORBIDDEN,
                "writes are disabled: start the server with a token".into(),
            ),
            ApiError::NotFound(m) => (StatusCode::NOT_FOUND, m),
            ApiError::Internal(m) => (StatusCode::INTERNAL_SERVER_ERROR, m),
        };
        (status, Json(serde_json::json!({ "error": msg }))).into_response()
    }
}

/// The whole application: API, OpenAPI description and web page.
pub fn router(store: Box<dyn Store>, settings: Settings) -> Router {
    let max_body = settings.max_body_bytes;
    let state = Arc::new(AppState {
        store: Mutex::new(store),
        settings,
        engine: OnceLock::new(),
    });
    Router::new()
        .route("/", get(pages::search))
        .route("/article/{id}", get(pages::article))
        .route("/dyad", get(pages::dyad))
        .merge(api::routes())
        .layer(DefaultBodyLimit::max(max_body))
        .with_state(state)
}

/// Serves the application on `addr` until the process is stopped; calls
/// `ready` with the bound address (useful with port 0).
pub fn run(
    store: Box<dyn Store>,
    settings: Settings,
    addr: SocketAddr,
    ready: impl FnOnce(SocketAddr),
) -> std::io::Result<()> {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    rt.block_on(async move {
        let listener = tokio::net::TcpListener::bind(addr).await?;
        ready(listener.local_addr()?);
        axum::serve(listener, router(store, settings))
            .with_graceful_shutdown(async {
                let _ = tokio::signal::ctrl_c().await;
            })
            .await
    })
}
