//! Routes, handlers and middleware.

use std::sync::Arc;
use std::time::Duration;

use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{DefaultBodyLimit, Path, Query, Request, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post, MethodRouter};
use axum::{Json, Router};
use crosscheck_ingest::{normalize_published, Batch, Ingestor};
use crosscheck_model::Skipped;
use crosscheck_store::{Page, SearchFilters, Store};
use serde::Deserialize;
use serde_json::{json, Value};
use tower_http::timeout::TimeoutLayer;

use crate::queue::IngestQueue;

/// Every route of the server except the page's static files, as
/// `(method, OpenAPI path)`. The router is built from this table and the
/// OpenAPI document must list exactly these operations (tested).
pub const ROUTES: &[(&str, &str)] = &[
    ("GET", "/healthz"),
    ("GET", "/api/openapi.json"),
    ("POST", "/api/articles"),
    ("GET", "/api/articles/{id}"),
    ("GET", "/api/stories"),
    ("GET", "/api/stories/{id}"),
    ("GET", "/api/stories/{id}/articles"),
    ("GET", "/api/search"),
];

/// Shared state of the handlers.
#[derive(Clone)]
pub(crate) struct AppState {
    pub(crate) store: Arc<Store>,
    pub(crate) queue: IngestQueue,
    pub(crate) token: Option<Arc<str>>,
    pub(crate) max_body_bytes: usize,
    pub(crate) request_timeout: Duration,
    /// The threads that run reads (see [`blocking`]).
    pub(crate) reads: crate::reads::ReadPool,
}

/// The policy sent with every response: scripts, styles and requests only
/// to this server, no inline script or style, no plugins, no framing.
pub(crate) const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; \
     img-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'self'; \
     frame-ancestors 'none'";

fn method_router(method: &str, path: &str) -> MethodRouter<AppState> {
    match (method, path) {
        ("GET", "/healthz") => get(healthz),
        ("GET", "/api/openapi.json") => get(openapi),
        ("POST", "/api/articles") => post(post_articles),
        ("GET", "/api/articles/{id}") => get(get_article),
        ("GET", "/api/stories") => get(list_stories),
        ("GET", "/api/stories/{id}") => get(get_story),
        ("GET", "/api/stories/{id}/articles") => get(story_articles),
        ("GET", "/api/search") => get(search),
        _ => unreachable!("route {method} {path} has no handler"),
    }
}

/// The axum path for an OpenAPI path (article ids may contain `/`).
fn axum_path(path: &str) -> &str {
    match path {
        "/api/articles/{id}" => "/api/articles/{*id}",
        p => p,
    }
}

pub(crate) fn router(state: AppState) -> Router {
    let mut api = Router::new();
    for &(method, path) in ROUTES {
        api = api.route(axum_path(path), method_router(method, path));
    }
    let timeout = state.request_timeout;
    let limit = state.max_body_bytes;
    api.route("/", get(page))
        .route("/static/app.js", get(app_js))
        .route("/static/app.css", get(app_css))
        .fallback(not_found)
        .layer(middleware::from_fn_with_state(state.clone(), require_token))
        .layer(DefaultBodyLimit::max(limit))
        .layer(TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            timeout,
        ))
        .layer(middleware::from_fn(security_headers))
        .with_state(state)
}

/// A JSON error response: `{"error": message}`.
pub(crate) fn error(status: StatusCode, message: impl Into<String>) -> Response {
    (status, Json(json!({ "error": message.into() }))).into_response()
}

async fn security_headers(req: Request, next: Next) -> Response {
    let is_api = req.uri().path().starts_with("/api/") || req.uri().path() == "/healthz";
    let mut res = next.run(req).await;
    let h = res.headers_mut();
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CSP),
    );
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    if is_api {
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    res
}

/// Writes (anything but GET/HEAD) need the bearer token when one is set.
async fn require_token(State(st): State<AppState>, req: Request, next: Next) -> Response {
    let write = !matches!(req.method().as_str(), "GET" | "HEAD");
    if let (true, Some(token)) = (write, st.token.as_deref()) {
        let given = req
            .headers()
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .unwrap_or("");
        if !constant_time_eq(given.as_bytes(), token.as_bytes()) {
            let mut res = error(
                StatusCode::UNAUTHORIZED,
                "this endpoint needs `Authorization: Bearer <token>` with the server's token",
            );
            res.headers_mut().insert(
                header::WWW_AUTHENTICATE,
                HeaderValue::from_static("Bearer realm=\"crosscheck\""),
            );
            return res;
        }
    }
    next.run(req).await
}

/// Equality that takes the same time wherever the inputs differ.
fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    let mut diff = a.len() ^ b.len();
    for i in 0..a.len().max(b.len()) {
        let x = a.get(i).copied().unwrap_or(0);
        let y = b.get(i).copied().unwrap_or(0);
        diff |= usize::from(x ^ y);
    }
    diff == 0
}

async fn not_found() -> Response {
    error(StatusCode::NOT_FOUND, "no such page or endpoint")
}

fn static_file(content_type: &'static str, body: &'static str) -> Response {
    (
        [
            (header::CONTENT_TYPE, content_type),
            (header::CACHE_CONTROL, "no-cache"),
        ],
        body,
    )
        .into_response()
}

async fn page() -> Response {
    static_file("text/html; charset=utf-8", crate::INDEX_HTML)
}

async fn app_js() -> Response {
    static_file("text/javascript; charset=utf-8", crate::APP_JS)
}

async fn app_css() -> Response {
    static_file("text/css; charset=utf-8", crate::APP_CSS)
}

async fn openapi() -> Response {
    (
        [(header::CONTENT_TYPE, "application/json")],
        crate::OPENAPI_JSON,
    )
        .into_response()
}

/// Run a store call on one of the read threads (see `reads.rs`); store
/// errors become 500s (invalid arguments 400s).
async fn blocking<T: Send + 'static>(
    st: &AppState,
    f: impl FnOnce() -> crosscheck_store::Result<T> + Send + 'static,
) -> Result<T, Response> {
    match st.reads.run(f).await {
        Ok(Ok(v)) => Ok(v),
        Ok(Err(crosscheck_store::Error::Invalid(m))) => Err(error(StatusCode::BAD_REQUEST, m)),
        Ok(Err(e)) => Err(error(StatusCode::INTERNAL_SERVER_ERROR, e.to_string())),
        Err(_) => Err(error(
            StatusCode::INTERNAL_SERVER_ERROR,
            "the read failed (its thread stopped)",
        )),
    }
}

async fn healthz(State(st): State<AppState>) -> Response {
    let store = st.store.clone();
    match blocking(&st, move || store.stats()).await {
        Ok(s) => Json(json!({"status": "ok", "articles": s.articles, "stories": s.stories}))
            .into_response(),
        Err(r) => r,
    }
}

#[derive(Deserialize)]
struct PageQuery {
    page: Option<String>,
    per_page: Option<String>,
}

fn number(name: &str, v: Option<&str>, default: usize) -> Result<usize, Box<Response>> {
    match v {
        None | Some("") => Ok(default),
        Some(s) => s.parse().map_err(|_| {
            Box::new(error(
                StatusCode::BAD_REQUEST,
                format!("`{name}` must be a positive whole number, not {s:?}"),
            ))
        }),
    }
}

async fn list_stories(State(st): State<AppState>, Query(q): Query<PageQuery>) -> Response {
    let page = match (
        number("page", q.page.as_deref(), 1),
        number("per_page", q.per_page.as_deref(), 20),
    ) {
        (Ok(page), Ok(per_page)) => Page { page, per_page },
        (Err(r), _) | (_, Err(r)) => return *r,
    };
    let store = st.store.clone();
    match blocking(&st, move || store.stories(page)).await {
        Ok(p) => Json(p).into_response(),
        Err(r) => r,
    }
}

/// Response header of `GET /api/stories/{id}`: `true` while articles that
/// joined the story are not yet in its brief and facts (it is being
/// rebuilt), `false` otherwise.
pub const STALE_HEADER: &str = "x-crosscheck-stale";

async fn get_story(State(st): State<AppState>, Path(id): Path<String>) -> Response {
    let store = st.store.clone();
    let id2 = id.clone();
    match blocking(&st, move || store.story_json_state(&id2)).await {
        Ok(Some((j, stale))) => (
            [
                (header::CONTENT_TYPE, "application/json"),
                (
                    header::HeaderName::from_static(STALE_HEADER),
                    if stale { "true" } else { "false" },
                ),
            ],
            j,
        )
            .into_response(),
        Ok(None) => error(StatusCode::NOT_FOUND, format!("no story {id:?}")),
        Err(r) => r,
    }
}

async fn story_articles(State(st): State<AppState>, Path(id): Path<String>) -> Response {
    let store = st.store.clone();
    let id2 = id.clone();
    match blocking(&st, move || store.story_articles(&id2)).await {
        Ok(Some(list)) => Json(list).into_response(),
        Ok(None) => error(StatusCode::NOT_FOUND, format!("no story {id:?}")),
        Err(r) => r,
    }
}

async fn get_article(State(st): State<AppState>, Path(id): Path<String>) -> Response {
    let store = st.store.clone();
    let id2 = id.clone();
    match blocking(&st, move || store.article(&id2)).await {
        Ok(Some(a)) => Json(a).into_response(),
        Ok(None) => error(StatusCode::NOT_FOUND, format!("no article {id:?}")),
        Err(r) => r,
    }
}

#[derive(Deserialize)]
struct SearchQuery {
    q: Option<String>,
    source: Option<String>,
    from: Option<String>,
    to: Option<String>,
    limit: Option<String>,
}

async fn search(State(st): State<AppState>, Query(q): Query<SearchQuery>) -> Response {
    let limit = match number("limit", q.limit.as_deref(), 20) {
        Ok(n) => n,
        Err(r) => return *r,
    };
    let nonempty = |s: Option<String>| s.filter(|s| !s.trim().is_empty());
    let filters = SearchFilters {
        source: nonempty(q.source),
        from: nonempty(q.from),
        to: nonempty(q.to),
        limit: Some(limit),
    };
    let query = q.q.unwrap_or_default();
    let store = st.store.clone();
    match blocking(&st, move || store.search(&query, &filters)).await {
        Ok(r) => Json(r).into_response(),
        Err(r) => r,
    }
}

/// Optional metadata for a raw text or HTML body.
#[derive(Deserialize, Default)]
struct RawQuery {
    id: Option<String>,
    title: Option<String>,
    source: Option<String>,
    url: Option<String>,
    published: Option<String>,
}

async fn post_articles(
    State(st): State<AppState>,
    Query(meta): Query<RawQuery>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    let body = match body {
        Ok(b) => b,
        Err(rej) if rej.status() == StatusCode::PAYLOAD_TOO_LARGE => {
            return error(
                StatusCode::PAYLOAD_TOO_LARGE,
                format!(
                    "request body is larger than the limit of {} bytes; nothing was stored \
                     (send fewer articles per request)",
                    st.max_body_bytes
                ),
            )
        }
        Err(rej) => return error(rej.status(), format!("cannot read the request body: {rej}")),
    };
    let batch = match parse_body(&headers, &meta, &body, st.max_body_bytes) {
        Ok(b) => b,
        Err(r) => return *r,
    };
    // The parsed batch holds what is needed: free the raw body now rather
    // than while the request waits for its commit.
    let bytes = body.len();
    drop(body);
    let rx = match st.queue.submit(batch, bytes).await {
        Ok(rx) => rx,
        Err(_) => {
            let mut r = error(
                StatusCode::SERVICE_UNAVAILABLE,
                "the ingest queue is full; nothing was stored, retry shortly",
            );
            r.headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from_static("1"));
            return r;
        }
    };
    match rx.await {
        Ok(Ok(summary)) => Json(summary).into_response(),
        Ok(Err(e)) => error(
            StatusCode::INTERNAL_SERVER_ERROR,
            format!("nothing was stored: {e}"),
        ),
        Err(_) => error(StatusCode::INTERNAL_SERVER_ERROR, "the writer stopped"),
    }
}

/// The media type of a request, lower-cased, without parameters.
fn media_type(headers: &HeaderMap) -> String {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("application/json")
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase()
}

/// Turn a request body into a batch of raw articles, or a 4xx response.
/// Structural problems with any record reject the whole request.
fn parse_body(
    headers: &HeaderMap,
    meta: &RawQuery,
    body: &[u8],
    limit: usize,
) -> Result<Batch, Box<Response>> {
    let ingestor = Ingestor::new().max_file_bytes(limit as u64);
    let mt = media_type(headers);
    let batch = match mt.as_str() {
        "application/json" | "" => {
            let value: Value = serde_json::from_slice(body).map_err(|e| {
                Box::new(error(
                    StatusCode::BAD_REQUEST,
                    format!("malformed JSON: {e}; nothing was stored"),
                ))
            })?;
            let items = match value {
                Value::Array(items) => items,
                obj @ Value::Object(_) => vec![obj],
                other => {
                    return Err(Box::new(error(
                        StatusCode::UNPROCESSABLE_ENTITY,
                        format!(
                            "expected an article object or an array of them, found {}",
                            json_kind(&other)
                        ),
                    )))
                }
            };
            if items.is_empty() {
                return Err(Box::new(error(
                    StatusCode::UNPROCESSABLE_ENTITY,
                    "the array holds no articles",
                )));
            }
            let mut lines = String::new();
            for (i, item) in items.iter().enumerate() {
                if !item.is_object() {
                    return Err(Box::new(error(
                        StatusCode::UNPROCESSABLE_ENTITY,
                        format!(
                            "article [{i}] is {}, not an object; nothing was stored",
                            json_kind(item)
                        ),
                    )));
                }
                lines.push_str(&item.to_string());
                lines.push('\n');
            }
            relabel(
                ingestor.read_bytes("request.jsonl", lines.as_bytes()),
                "article [",
                true,
            )
        }
        "application/x-ndjson" | "application/jsonl" | "application/x-jsonlines" => {
            relabel(ingestor.read_bytes("request.jsonl", body), "line ", false)
        }
        "text/plain" | "text/html" => {
            let ext = if mt == "text/html" { "html" } else { "txt" };
            let id = match meta.id.as_deref().map(str::trim) {
                Some(id) if !id.is_empty() => id.to_owned(),
                _ => format!("post-{:016x}", xxhash_rust::xxh3::xxh3_64(body)),
            };
            if id.len() > 512 || id.chars().any(char::is_control) {
                return Err(Box::new(error(
                    StatusCode::UNPROCESSABLE_ENTITY,
                    "`id` must be at most 512 characters, without control characters",
                )));
            }
            let mut batch = ingestor.read_bytes(&format!("{id}.{ext}"), body);
            for a in &mut batch.articles {
                a.id = id.clone();
                a.origin = "request body".into();
                if meta.title.is_some() {
                    a.title = meta.title.clone();
                }
                if meta.source.is_some() {
                    a.source = meta.source.clone();
                }
                if meta.url.is_some() {
                    a.url = meta.url.clone();
                }
                if let Some(p) = &meta.published {
                    a.published = Some(normalize_published(p).ok_or_else(|| {
                        Box::new(error(
                            StatusCode::UNPROCESSABLE_ENTITY,
                            format!("`published` is not a date this server reads: {p:?}"),
                        ))
                    })?);
                }
            }
            for s in &mut batch.skipped {
                s.path = "request body".into();
            }
            batch
        }
        other => {
            return Err(Box::new(error(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                format!(
                    "unsupported Content-Type {other:?}: send application/json (an article \
                     object or an array), application/x-ndjson, text/plain or text/html"
                ),
            )))
        }
    };
    if !batch.skipped.is_empty() {
        let reasons: Vec<String> = batch
            .skipped
            .iter()
            .map(|s| format!("{}: {}", s.path, s.reason))
            .collect();
        return Err(Box::new(
            (
            StatusCode::UNPROCESSABLE_ENTITY,
            Json(json!({
                "error": format!("{} article(s) could not be read; nothing was stored", reasons.len()),
                "details": reasons,
            })),
        )
            .into_response(),
        ));
    }
    Ok(batch)
}

/// Rename `request.jsonl:N` origins and `line N:` reasons after the
/// request's own numbering (`article [N-1]` for an array).
fn relabel(mut batch: Batch, label: &str, zero_based: bool) -> Batch {
    let name = |n: usize| {
        if zero_based {
            format!("{label}{}]", n.saturating_sub(1))
        } else {
            format!("{label}{n}")
        }
    };
    let fix = |origin: &str| -> String {
        origin
            .strip_prefix("request.jsonl:")
            .and_then(|n| n.parse::<usize>().ok())
            .map(name)
            .unwrap_or_else(|| "request".into())
    };
    for a in &mut batch.articles {
        a.origin = fix(&a.origin);
    }
    batch.skipped = batch
        .skipped
        .into_iter()
        .map(|s| {
            let reason = match s.reason.split_once(": ") {
                Some((head, rest)) if head.starts_with("line ") => rest.to_owned(),
                _ => s.reason.clone(),
            };
            Skipped::new(fix(&s.path), reason)
        })
        .collect();
    batch
}

fn json_kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}
