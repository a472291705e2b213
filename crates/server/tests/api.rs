//! The HTTP API, driven in-process with tower's `oneshot`.

use std::collections::BTreeSet;
use std::sync::Arc;

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use axum::Router;
use crosscheck_ingest::{Batch, Ingestor};
use crosscheck_server::{app, ServerConfig, OPENAPI_JSON, ROUTES};
use crosscheck_store::Store;
use http_body_util::BodyExt;
use serde_json::{json, Value};
use tower::ServiceExt;

struct Fixture {
    _dir: tempfile::TempDir,
    store: Arc<Store>,
    app: Router,
}

fn fixture_with(config: ServerConfig) -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let store = Arc::new(Store::open(dir.path().join("api.db")).unwrap());
    let app = app(store.clone(), &config);
    Fixture {
        _dir: dir,
        store,
        app,
    }
}

fn fixture() -> Fixture {
    fixture_with(ServerConfig::default())
}

fn demo_batch() -> Batch {
    let ing = Ingestor::new();
    let mut batch = Batch::default();
    for (name, bytes) in crosscheck::demo::files() {
        batch.articles.extend(ing.read_bytes(name, bytes).articles);
    }
    batch
}

fn with_demo() -> Fixture {
    let f = fixture();
    f.store.ingest(demo_batch()).unwrap();
    f
}

async fn send(app: &Router, req: Request<Body>) -> (StatusCode, axum::http::HeaderMap, Vec<u8>) {
    let res = app.clone().oneshot(req).await.unwrap();
    let status = res.status();
    let headers = res.headers().clone();
    let body = res.into_body().collect().await.unwrap().to_bytes().to_vec();
    (status, headers, body)
}

async fn get(app: &Router, uri: &str) -> (StatusCode, Value) {
    let (s, _, b) = send(app, Request::get(uri).body(Body::empty()).unwrap()).await;
    (s, serde_json::from_slice(&b).unwrap_or(Value::Null))
}

async fn post(app: &Router, uri: &str, ctype: &str, body: impl Into<Body>) -> (StatusCode, Value) {
    let req = Request::post(uri)
        .header(header::CONTENT_TYPE, ctype)
        .body(body.into())
        .unwrap();
    let (s, _, b) = send(app, req).await;
    (s, serde_json::from_slice(&b).unwrap_or(Value::Null))
}

const TEXT: &str = "Dock workers at the Velmar container terminal walked out on Tuesday in a dispute over night-shift pay. The union said 420 members joined the strike and that talks would resume on Friday.";

#[tokio::test]
async fn post_one_array_jsonl_and_raw_bodies() {
    let f = fixture();
    let one = json!({"id": "one", "text": TEXT, "source": "Coast Post", "published": "2031-02-01"});
    let (s, v) = post(&f.app, "/api/articles", "application/json", one.to_string()).await;
    assert_eq!(s, StatusCode::OK, "{v}");
    assert_eq!(v["stored"], json!(["one"]));
    assert_eq!(v["stories"].as_array().unwrap().len(), 1);

    let arr = json!([
        {"id": "two", "html": format!("<html><body><article><p>{TEXT}</p></article></body></html>"), "source": "Inland Times"},
        {"id": 3, "text": "A new library opened in Osterfeld on Saturday with twelve thousand books and a garden for readers."}
    ]);
    let (s, v) = post(
        &f.app,
        "/api/articles",
        "application/json; charset=utf-8",
        arr.to_string(),
    )
    .await;
    assert_eq!(s, StatusCode::OK, "{v}");
    assert_eq!(v["stored"], json!(["two", "3"]));

    let lines = format!(
        "{}\n{}\n",
        json!({"id": "four", "text": "Farmers near Dunbri reported a poor harvest after weeks without rain, the district office said on Monday."}),
        json!({"id": "one", "text": TEXT, "source": "Coast Post", "published": "2031-02-01"})
    );
    let (s, v) = post(&f.app, "/api/articles", "application/x-ndjson", lines).await;
    assert_eq!(s, StatusCode::OK, "{v}");
    assert_eq!(v["stored"], json!(["four"]));
    assert_eq!(v["unchanged"], json!(["one"]));

    let (s, v) = post(
        &f.app,
        "/api/articles?id=raw-1&source=Hill%20Radio&published=2031-02-02",
        "text/plain",
        TEXT.replace("Tuesday", "Wednesday"),
    )
    .await;
    assert_eq!(s, StatusCode::OK, "{v}");
    assert_eq!(v["stored"], json!(["raw-1"]));
    let (s, a) = get(&f.app, "/api/articles/raw-1").await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(a["source"], "Hill Radio");
    assert_eq!(a["published"], "2031-02-02");

    let html = "<html><head><title>Night ferry cancelled</title></head><body><article><p>The night ferry between Kalis and Torwick was cancelled on Sunday after a storm damaged the pier, the harbour office said.</p></article></body></html>";
    let (s, v) = post(&f.app, "/api/articles", "text/html", html).await;
    assert_eq!(s, StatusCode::OK, "{v}");
    let id = v["stored"][0].as_str().unwrap().to_owned();
    assert!(id.starts_with("post-"));
    // The same raw body again is the same article.
    let (_, v) = post(&f.app, "/api/articles", "text/html", html).await;
    assert_eq!(v["unchanged"], json!([id]));
    assert_eq!(f.store.stats().unwrap().articles, 6);
}

#[tokio::test]
async fn malformed_or_invalid_bodies_are_4xx_and_change_nothing() {
    let f = fixture();
    let cases: Vec<(&str, String, StatusCode, &str)> = vec![
        (
            "application/json",
            r#"{"id": "x", "text": "#.into(),
            StatusCode::BAD_REQUEST,
            "malformed JSON",
        ),
        (
            "application/json",
            "".into(),
            StatusCode::BAD_REQUEST,
            "malformed JSON",
        ),
        (
            "application/json",
            "42".into(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "found a number",
        ),
        (
            "application/json",
            "[]".into(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "no articles",
        ),
        (
            "application/json",
            json!([{"id": "ok", "text": TEXT}, "nope"]).to_string(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "article [1]",
        ),
        (
            "application/json",
            json!([{"id": "ok", "text": TEXT}, {"text": TEXT}]).to_string(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "could not be read",
        ),
        (
            "application/json",
            json!({"id": "ok", "text": 5}).to_string(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "could not be read",
        ),
        (
            "application/xml",
            "<a/>".into(),
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported Content-Type",
        ),
    ];
    for (ctype, body, status, needle) in cases {
        let (s, v) = post(&f.app, "/api/articles", ctype, body.clone()).await;
        assert_eq!(s, status, "{body}: {v}");
        let msg = v.to_string();
        assert!(msg.contains(needle), "{body}: {msg}");
    }
    // The one with a missing id names the record.
    let (_, v) = post(
        &f.app,
        "/api/articles",
        "application/json",
        json!([{"id": "ok", "text": TEXT}, {"text": TEXT}]).to_string(),
    )
    .await;
    assert_eq!(
        v["details"][0].as_str().unwrap().split(':').next(),
        Some("article [1]"),
        "{v}"
    );
    assert_eq!(f.store.stats().unwrap().articles, 0);
}

#[tokio::test]
async fn oversized_bodies_are_413_and_change_nothing() {
    let f = fixture_with(ServerConfig {
        max_body_bytes: 4096,
        ..ServerConfig::default()
    });
    let big = json!({"id": "big", "text": TEXT.repeat(40)}).to_string();
    assert!(big.len() > 4096);
    let (s, v) = post(&f.app, "/api/articles", "application/json", big).await;
    assert_eq!(s, StatusCode::PAYLOAD_TOO_LARGE, "{v}");
    assert!(
        v["error"].as_str().unwrap().contains("limit of 4096 bytes"),
        "{v}"
    );
    // Without a Content-Length (streamed) too.
    let stream = futures_like_stream(TEXT.repeat(40));
    let (s, v) = post(&f.app, "/api/articles", "text/plain", stream).await;
    assert_eq!(s, StatusCode::PAYLOAD_TOO_LARGE, "{v}");
    assert_eq!(f.store.stats().unwrap().articles, 0);
    let small = json!({"id": "small", "text": TEXT}).to_string();
    assert_eq!(
        post(&f.app, "/api/articles", "application/json", small)
            .await
            .0,
        StatusCode::OK
    );
}

/// A body without a known length.
fn futures_like_stream(s: String) -> Body {
    let chunks: Vec<Result<axum::body::Bytes, std::io::Error>> = s
        .into_bytes()
        .chunks(512)
        .map(|c| Ok(axum::body::Bytes::copy_from_slice(c)))
        .collect();
    Body::from_stream(futures_util::stream::iter(chunks))
}

#[tokio::test]
async fn stories_are_paged_newest_first() {
    let f = with_demo();
    let (s, p1) = get(&f.app, "/api/stories?per_page=2").await;
    assert_eq!(s, StatusCode::OK);
    let total = p1["total"].as_u64().unwrap();
    assert!(total >= 3, "{p1}");
    assert_eq!(p1["stories"].as_array().unwrap().len(), 2);
    let (_, p2) = get(&f.app, "/api/stories?page=2&per_page=2").await;
    assert_ne!(p1["stories"][0]["id"], p2["stories"][0]["id"]);
    let (_, all) = get(&f.app, "/api/stories?per_page=200").await;
    assert_eq!(all["stories"].as_array().unwrap().len() as u64, total);
    // A new story goes to the top.
    let body = json!({"id": "fresh", "text": "The night ferry between Kalis and Torwick was cancelled on Sunday after a storm damaged the pier, the harbour office said. Repairs will take two weeks."});
    let (_, v) = post(
        &f.app,
        "/api/articles",
        "application/json",
        body.to_string(),
    )
    .await;
    let (_, top) = get(&f.app, "/api/stories?per_page=1").await;
    assert_eq!(top["stories"][0]["id"], v["stories"][0]);
    for bad in [
        "/api/stories?page=0",
        "/api/stories?per_page=1000",
        "/api/stories?page=x",
    ] {
        let (s, v) = get(&f.app, bad).await;
        assert_eq!(s, StatusCode::BAD_REQUEST, "{bad}");
        assert!(v["error"].is_string());
    }
}

#[tokio::test]
async fn story_objects_match_the_json_contract() {
    let f = with_demo();
    let schema_text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../docs/report.schema.json"
    ))
    .unwrap();
    let schema: Value = serde_json::from_str(&schema_text).unwrap();
    let story_schema = json!({"$ref": "#/$defs/story", "$defs": schema["$defs"]});
    let validator = jsonschema::validator_for(&story_schema).unwrap();
    let (_, all) = get(&f.app, "/api/stories?per_page=200").await;
    for s in all["stories"].as_array().unwrap() {
        let id = s["id"].as_str().unwrap();
        let (status, story) = get(&f.app, &format!("/api/stories/{id}")).await;
        assert_eq!(status, StatusCode::OK);
        let errors: Vec<String> = validator
            .iter_errors(&story)
            .map(|e| e.to_string())
            .collect();
        assert!(errors.is_empty(), "{id}: {errors:?}");
        assert_eq!(
            story["articles"].as_array().unwrap().len() as u64,
            s["articles"].as_u64().unwrap()
        );
        // Citations point into the cited article's text.
        for b in story["brief"].as_array().unwrap() {
            for c in b["citations"].as_array().unwrap() {
                let aid = c["article"].as_str().unwrap();
                let (st, a) = get(
                    &f.app,
                    &format!("/api/articles/{}", aid.replace('/', "%2F")),
                )
                .await;
                assert_eq!(st, StatusCode::OK, "{aid}");
                let text = a["text"].as_str().unwrap();
                let span = &text
                    [c["start"].as_u64().unwrap() as usize..c["end"].as_u64().unwrap() as usize];
                let fold = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
                assert_eq!(fold(span), fold(b["text"].as_str().unwrap()));
            }
        }
        let (st, metas) = get(&f.app, &format!("/api/stories/{id}/articles")).await;
        assert_eq!(st, StatusCode::OK);
        assert_eq!(
            metas.as_array().unwrap().len(),
            story["articles"].as_array().unwrap().len()
        );
    }
    for missing in [
        "/api/stories/story-9999",
        "/api/stories/nope",
        "/api/stories/story-1x/articles",
    ] {
        let (s, v) = get(&f.app, missing).await;
        assert_eq!(s, StatusCode::NOT_FOUND, "{missing}");
        assert!(v["error"].is_string());
    }
}

#[tokio::test]
async fn articles_with_slashes_in_their_ids() {
    let f = with_demo();
    for uri in [
        "/api/articles/meridian/plant-blast",
        "/api/articles/meridian%2Fplant-blast",
    ] {
        let (s, a) = get(&f.app, uri).await;
        assert_eq!(s, StatusCode::OK, "{uri}");
        assert_eq!(a["id"], "meridian/plant-blast");
        assert_eq!(a["copies"], json!(["harbour-herald/plant-blast-reprint"]));
    }
    assert_eq!(
        get(&f.app, "/api/articles/nope").await.0,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn search_and_health() {
    let f = with_demo();
    let (s, r) = get(&f.app, "/api/search?q=explosion").await;
    assert_eq!(s, StatusCode::OK, "{r}");
    let hits = r["articles"].as_array().unwrap();
    assert!(!hits.is_empty(), "{r}");
    let source = hits[0]["source"].clone();
    if let Some(src) = source.as_str() {
        let (_, r2) = get(
            &f.app,
            &format!("/api/search?q=explosion&source={}", src.replace(' ', "%20")),
        )
        .await;
        assert!(r2["articles"]
            .as_array()
            .unwrap()
            .iter()
            .all(|h| h["source"] == source));
    }
    let (s, v) = get(&f.app, "/api/search?q=explosion&from=someday").await;
    assert_eq!(s, StatusCode::BAD_REQUEST, "{v}");
    let (s, v) = get(&f.app, "/api/search?q=explosion&from=2099-01-01").await;
    assert_eq!(s, StatusCode::OK);
    assert!(v["articles"].as_array().unwrap().is_empty());
    let (s, h) = get(&f.app, "/healthz").await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(h["status"], "ok");
    assert!(h["articles"].as_u64().unwrap() >= 14);
}

#[tokio::test]
async fn writes_need_the_token_when_one_is_set() {
    let f = fixture_with(ServerConfig {
        token: Some("let-me-in".into()),
        ..ServerConfig::default()
    });
    let body = json!({"id": "t", "text": TEXT}).to_string();
    let req = |auth: Option<&str>| {
        let mut r = Request::post("/api/articles").header(header::CONTENT_TYPE, "application/json");
        if let Some(a) = auth {
            r = r.header(header::AUTHORIZATION, a);
        }
        r.body(Body::from(body.clone())).unwrap()
    };
    for bad in [
        None,
        Some("Bearer wrong"),
        Some("let-me-in"),
        Some("Bearer let-me-i"),
    ] {
        let (s, h, b) = send(&f.app, req(bad)).await;
        assert_eq!(s, StatusCode::UNAUTHORIZED, "{bad:?}");
        assert!(h.contains_key(header::WWW_AUTHENTICATE));
        assert!(String::from_utf8_lossy(&b).contains("Bearer"));
    }
    assert_eq!(f.store.stats().unwrap().articles, 0);
    let (s, _, _) = send(&f.app, req(Some("Bearer let-me-in"))).await;
    assert_eq!(s, StatusCode::OK);
    // Reads stay open.
    assert_eq!(get(&f.app, "/api/stories").await.0, StatusCode::OK);
    assert_eq!(get(&f.app, "/api/articles/t").await.0, StatusCode::OK);
}

#[test]
fn non_loopback_addresses_need_a_token() {
    let public = ServerConfig {
        addr: "0.0.0.0:8080".parse().unwrap(),
        ..ServerConfig::default()
    };
    assert!(crosscheck_server::validate(&public).is_err());
    assert!(crosscheck_server::validate(&ServerConfig {
        token: Some("x".into()),
        ..public
    })
    .is_ok());
    assert!(crosscheck_server::validate(&ServerConfig::default()).is_ok());
}

/// The `(METHOD, path)` operations of the OpenAPI document.
fn documented() -> BTreeSet<(String, String)> {
    let doc: Value = serde_json::from_str(OPENAPI_JSON).unwrap();
    let mut out = BTreeSet::new();
    for (path, ops) in doc["paths"].as_object().unwrap() {
        for method in ops.as_object().unwrap().keys() {
            out.insert((method.to_uppercase(), path.clone()));
        }
    }
    out
}

#[tokio::test]
async fn openapi_document_matches_the_router() {
    let routes: BTreeSet<(String, String)> = ROUTES
        .iter()
        .map(|(m, p)| (m.to_string(), p.to_string()))
        .collect();
    assert_eq!(documented(), routes);
    let f = with_demo();
    let (s, served) = get(&f.app, "/api/openapi.json").await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(served, serde_json::from_str::<Value>(OPENAPI_JSON).unwrap());
    // Every documented operation is routed (not 404/405 for a real id).
    for (method, path) in &routes {
        let uri = path
            .replace("/api/articles/{id}", "/api/articles/meridian/plant-blast")
            .replace("{id}", "story-1");
        let req = Request::builder()
            .method(method.as_str())
            .uri(&uri)
            .header(header::CONTENT_TYPE, "application/json")
            .body(Body::from(
                json!({"id": "route-check", "text": TEXT}).to_string(),
            ))
            .unwrap();
        let (s, _, b) = send(&f.app, req).await;
        assert!(
            s.is_success(),
            "{method} {uri}: {s} {}",
            String::from_utf8_lossy(&b)
        );
    }
    // An undocumented path is not routed.
    assert_eq!(get(&f.app, "/api/nothing").await.0, StatusCode::NOT_FOUND);
}

/// Required properties of an OpenAPI component schema.
fn required(name: &str) -> Vec<String> {
    let doc: Value = serde_json::from_str(OPENAPI_JSON).unwrap();
    doc["components"]["schemas"][name]["required"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap().to_owned())
        .collect()
}

fn assert_shape(name: &str, v: &Value) {
    let obj = v
        .as_object()
        .unwrap_or_else(|| panic!("{name}: not an object: {v}"));
    let want: BTreeSet<String> = required(name).into_iter().collect();
    let have: BTreeSet<String> = obj.keys().cloned().collect();
    // Every required property is present, and nothing undocumented is sent.
    let doc: Value = serde_json::from_str(OPENAPI_JSON).unwrap();
    let props: BTreeSet<String> = doc["components"]["schemas"][name]["properties"]
        .as_object()
        .unwrap()
        .keys()
        .cloned()
        .collect();
    assert!(
        want.is_subset(&have),
        "{name}: missing {:?}",
        want.difference(&have).collect::<Vec<_>>()
    );
    assert!(
        have.is_subset(&props),
        "{name}: undocumented {:?}",
        have.difference(&props).collect::<Vec<_>>()
    );
}

#[tokio::test]
async fn responses_have_the_documented_shapes() {
    let f = with_demo();
    assert_shape("Health", &get(&f.app, "/healthz").await.1);
    let page = get(&f.app, "/api/stories").await.1;
    assert_shape("StoryPage", &page);
    assert_shape("StorySummary", &page["stories"][0]);
    let id = page["stories"][0]["id"].as_str().unwrap().to_owned();
    assert_shape("Story", &get(&f.app, &format!("/api/stories/{id}")).await.1);
    assert_shape(
        "ArticleMeta",
        &get(&f.app, &format!("/api/stories/{id}/articles")).await.1[0],
    );
    assert_shape(
        "StoredArticle",
        &get(&f.app, "/api/articles/meridian/plant-blast").await.1,
    );
    assert_shape(
        "SearchResults",
        &get(&f.app, "/api/search?q=explosion").await.1,
    );
    let (_, v) = post(
        &f.app,
        "/api/articles",
        "application/json",
        json!({"id": "s", "text": TEXT}).to_string(),
    )
    .await;
    assert_shape("IngestSummary", &v);
    assert_shape("Error", &get(&f.app, "/api/stories/story-999").await.1);
}

#[tokio::test]
async fn page_is_static_and_locked_down() {
    let f = fixture();
    for uri in ["/", "/static/app.js", "/static/app.css", "/api/stories"] {
        let (s, h, _) = send(&f.app, Request::get(uri).body(Body::empty()).unwrap()).await;
        assert_eq!(s, StatusCode::OK, "{uri}");
        let csp = h[header::CONTENT_SECURITY_POLICY].to_str().unwrap();
        assert!(
            csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"),
            "{csp}"
        );
        assert_eq!(h[header::X_CONTENT_TYPE_OPTIONS], "nosniff");
    }
}

#[tokio::test]
async fn posted_stories_are_rebuilt_between_commits() {
    let f = fixture();
    let articles: Vec<Value> = demo_batch()
        .articles
        .iter()
        .map(|a| {
            let mut v = json!({"id": a.id, "source": a.source, "published": a.published});
            match &a.body {
                crosscheck_model::Body::Text(t) => v["text"] = json!(t),
                crosscheck_model::Body::Html(h) => v["html"] = json!(h),
            }
            v
        })
        .collect();
    let (s, v) = post(
        &f.app,
        "/api/articles",
        "application/json",
        Value::Array(articles).to_string(),
    )
    .await;
    assert_eq!(s, StatusCode::OK, "{v}");
    let story = v["stories"][0].as_str().unwrap().to_owned();
    // Served at once (stale or not, depending on the rebuild thread's progress).
    let uri = format!("/api/stories/{story}");
    let (s, h, _) = send(&f.app, Request::get(&uri).body(Body::empty()).unwrap()).await;
    assert_eq!(s, StatusCode::OK);
    assert!(["true", "false"].contains(&h[crosscheck_server::STALE_HEADER].to_str().unwrap()));
    // The rebuild thread rebuilds every dirty story.
    let start = std::time::Instant::now();
    while f.store.dirty_stories().unwrap() > 0 {
        assert!(start.elapsed() < std::time::Duration::from_secs(60));
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    let (s, h, b) = send(&f.app, Request::get(&uri).body(Body::empty()).unwrap()).await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(h[crosscheck_server::STALE_HEADER], "false");
    let served: Value = serde_json::from_slice(&b).unwrap();
    assert!(!served["brief"].as_array().unwrap().is_empty());
    assert_eq!(f.store.check().unwrap(), Vec::<String>::new());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn concurrent_posts_and_background_rebuilds_leave_a_consistent_store() {
    // Requests are prepared concurrently and committed by the writer while
    // the rebuild thread builds stories from snapshots; once it has caught
    // up, every story is current and the database passes its own check.
    let f = fixture();
    let articles: Vec<Value> = demo_batch()
        .articles
        .iter()
        .map(|a| {
            let mut v = json!({"id": a.id, "source": a.source, "published": a.published});
            match &a.body {
                crosscheck_model::Body::Text(t) => v["text"] = json!(t),
                crosscheck_model::Body::Html(h) => v["html"] = json!(h),
            }
            v
        })
        .collect();
    let n = articles.len();
    let mut tasks = Vec::new();
    for chunk in articles.chunks(2) {
        let (app, body) = (f.app.clone(), Value::Array(chunk.to_vec()).to_string());
        tasks.push(tokio::spawn(async move {
            post(&app, "/api/articles", "application/json", body).await
        }));
    }
    let mut stored = BTreeSet::new();
    for t in tasks {
        let (s, v) = t.await.unwrap();
        assert_eq!(s, StatusCode::OK, "{v}");
        for id in v["stored"].as_array().unwrap() {
            assert!(stored.insert(id.as_str().unwrap().to_owned()), "{id} twice");
        }
    }
    assert_eq!(stored.len(), n);
    let start = std::time::Instant::now();
    while f.store.dirty_stories().unwrap() > 0 {
        assert!(start.elapsed() < std::time::Duration::from_secs(60));
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    let (s, v) = get(&f.app, "/api/stories?per_page=200").await;
    assert_eq!(s, StatusCode::OK);
    let mut members = 0;
    for story in v["stories"].as_array().unwrap() {
        let uri = format!("/api/stories/{}", story["id"].as_str().unwrap());
        let (s, h, b) = send(&f.app, Request::get(&uri).body(Body::empty()).unwrap()).await;
        assert_eq!(s, StatusCode::OK);
        assert_eq!(h[crosscheck_server::STALE_HEADER], "false");
        let built: Value = serde_json::from_slice(&b).unwrap();
        assert_eq!(
            built["articles"].as_array().unwrap().len(),
            story["articles"]
        );
        members += built["articles"].as_array().unwrap().len();
    }
    assert_eq!(members, n);
    assert_eq!(f.store.check().unwrap(), Vec::<String>::new());
}
