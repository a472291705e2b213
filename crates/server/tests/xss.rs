//! Untrusted article text never becomes markup: the API returns it as JSON
//! strings, the page is static and inserts text with `textContent` only, and
//! the Content-Security-Policy forbids inline script. (The browser test,
//! `scripts/browser-test.sh`, proves in Chromium that no payload runs.)

use std::sync::Arc;

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use crosscheck_server::xss::{hostile_article, HOSTILE_ID};
use crosscheck_server::{app, ServerConfig};
use crosscheck_store::Store;
use http_body_util::BodyExt;
use serde_json::Value;
use tower::ServiceExt;

async fn call(
    app: &axum::Router,
    req: Request<Body>,
) -> (StatusCode, axum::http::HeaderMap, String) {
    let res = app.clone().oneshot(req).await.unwrap();
    let (s, h) = (res.status(), res.headers().clone());
    let b = res.into_body().collect().await.unwrap().to_bytes();
    (s, h, String::from_utf8(b.to_vec()).unwrap())
}

#[tokio::test]
async fn hostile_article_is_data_never_markup() {
    let dir = tempfile::tempdir().unwrap();
    let store = Arc::new(Store::open(dir.path().join("x.db")).unwrap());
    let app = app(store.clone(), &ServerConfig::default());
    let (s, _, body) = call(
        &app,
        Request::post("/api/articles")
            .header(header::CONTENT_TYPE, "application/json")
            .body(Body::from(hostile_article().to_string()))
            .unwrap(),
    )
    .await;
    assert_eq!(s, StatusCode::OK, "{body}");

    // The payloads are stored verbatim (nothing to sanitise away) ...
    let stored = store.article(HOSTILE_ID).unwrap().expect("stored");
    for p in ["<script>", "<iframe", "onerror=", "onload="] {
        assert!(
            stored.article.text.contains(p),
            "cleaning removed {p}; the test would prove nothing"
        );
    }
    // ... and come back only as JSON strings, never as HTML.
    let uri = format!("/api/articles/{}", urlencode(HOSTILE_ID));
    let (s, h, body) = call(&app, Request::get(&uri).body(Body::empty()).unwrap()).await;
    assert_eq!(s, StatusCode::OK, "{body}");
    assert_eq!(h[header::CONTENT_TYPE], "application/json");
    assert_eq!(h[header::X_CONTENT_TYPE_OPTIONS], "nosniff");
    let v: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(v["text"].as_str().unwrap(), stored.article.text);
    let story = v["story"].as_str().unwrap().to_owned();
    let (_, h, body) = call(
        &app,
        Request::get(format!("/api/stories/{story}"))
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(h[header::CONTENT_TYPE], "application/json");
    assert!(serde_json::from_str::<Value>(&body).is_ok());

    // The page is static: no stored text is ever in the HTML.
    let (_, h, html) = call(&app, Request::get("/").body(Body::empty()).unwrap()).await;
    for p in ["__xss", "Kalis", "onerror"] {
        assert!(!html.contains(p));
    }
    let csp = h[header::CONTENT_SECURITY_POLICY].to_str().unwrap();
    assert!(csp.contains("script-src 'self'") && csp.contains("default-src 'none'"));
    assert!(!csp.contains("unsafe-inline") && !csp.contains("unsafe-eval"));
    // No inline script or handler in the page itself (the CSP would block it).
    assert_eq!(
        html.matches("<script").count(),
        html.matches("<script src=").count()
    );
    assert!(!html.contains("javascript:"));

    // The script never turns strings into markup.
    let (_, _, js) = call(
        &app,
        Request::get("/static/app.js").body(Body::empty()).unwrap(),
    )
    .await;
    for sink in [
        "innerHTML",
        "outerHTML",
        "insertAdjacentHTML",
        "document.write",
        "eval(",
        "new Function",
        "srcdoc",
    ] {
        assert!(!js.contains(sink), "app.js uses {sink}");
    }
    assert!(js.contains("textContent"));
}

fn urlencode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}
