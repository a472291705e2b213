//! Feeds and web archives, generated in the test. All article text here is
//! invented.

use crosscheck_ingest::{Batch, Ingestor};
use crosscheck_model::Body;
use std::fs;
use std::io::Write;
use std::path::Path;
use tempfile::TempDir;

fn write(dir: &Path, rel: &str, bytes: &[u8]) {
    fs::write(dir.join(rel), bytes).unwrap();
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    enc.write_all(bytes).unwrap();
    enc.finish().unwrap()
}

fn html_of(batch: &Batch, id: &str) -> String {
    let a = batch
        .articles
        .iter()
        .find(|a| a.id == id)
        .unwrap_or_else(|| panic!("no article {id}: {:#?}", batch.articles));
    match &a.body {
        Body::Html(t) => t.clone(),
        Body::Text(t) => panic!("expected HTML, got text {t}"),
    }
}

const RSS: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel>
  <title>Valley Gazette</title>
  <link>https://gazette.example/</link>
  <description>Local news</description>
  <item>
    <title>Ferry service resumes after storm</title>
    <link>https://gazette.example/2031/02/03/ferry</link>
    <pubDate>Mon, 03 Feb 2031 08:30:00 GMT</pubDate>
    <description>Short teaser.</description>
    <content:encoded><![CDATA[<p>The island ferry sailed again on Monday after a three-day pause.</p>]]></content:encoded>
  </item>
  <item>
    <title>Library extends opening hours</title>
    <link>https://gazette.example/library</link>
    <description>&lt;p&gt;The town library will open until nine on weekdays.&lt;/p&gt;</description>
  </item>
  <item>
    <title>Empty item</title>
    <link>https://gazette.example/empty</link>
  </item>
</channel>
</rss>"#;

const ATOM: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Harbour Notes</title>
  <id>urn:example:harbour</id>
  <updated>2031-05-01T10:00:00Z</updated>
  <entry>
    <title>New crane arrives</title>
    <id>urn:example:harbour:1</id>
    <link href="https://harbour.example/crane"/>
    <published>2031-05-01T09:00:00+02:00</published>
    <updated>2031-05-01T10:00:00Z</updated>
    <content type="html">&lt;p&gt;A forty-metre crane was unloaded at berth six.&lt;/p&gt;</content>
  </entry>
</feed>"#;

#[test]
fn rss_and_atom_items_become_articles() {
    let dir = TempDir::new().unwrap();
    write(dir.path(), "gazette.rss", RSS.as_bytes());
    write(dir.path(), "harbour.atom", ATOM.as_bytes());
    write(dir.path(), "packed.xml.gz", &gzip(ATOM.as_bytes()));
    let b = Ingestor::new().read_paths(&[dir.path()]);
    let ferry = b.articles.iter().find(|a| a.id == "gazette/1").unwrap();
    assert_eq!(ferry.source.as_deref(), Some("Valley Gazette"));
    assert_eq!(
        ferry.title.as_deref(),
        Some("Ferry service resumes after storm")
    );
    assert_eq!(
        ferry.url.as_deref(),
        Some("https://gazette.example/2031/02/03/ferry")
    );
    assert_eq!(ferry.published.as_deref(), Some("2031-02-03T08:30:00Z"));
    assert!(html_of(&b, "gazette/1").contains("ferry sailed again"));
    // Summary when there is no full content.
    assert!(html_of(&b, "gazette/2").contains("open until nine"));
    // An item with neither is skipped with a reason.
    let empty = b
        .skipped
        .iter()
        .find(|s| s.path.ends_with("gazette.rss#item3"))
        .unwrap();
    assert!(empty.reason.contains("no content or summary"));
    let crane = b.articles.iter().find(|a| a.id == "harbour/1").unwrap();
    assert_eq!(crane.published.as_deref(), Some("2031-05-01T07:00:00Z"));
    assert_eq!(crane.url.as_deref(), Some("https://harbour.example/crane"));
    assert!(html_of(&b, "packed/1").contains("forty-metre crane"));
}

#[test]
fn bad_feeds_are_skipped() {
    let dir = TempDir::new().unwrap();
    write(
        dir.path(),
        "broken.rss",
        b"<rss><channel><item><title>Unclosed",
    );
    write(
        dir.path(),
        "notfeed.xml",
        b"<?xml version=\"1.0\"?><config><a>1</a></config>",
    );
    write(dir.path(), "binary.atom", &[0u8, 159, 146, 150, 0, 1, 2]);
    write(dir.path(), "bad.rss.gz", b"\x1f\x8b\x08\x00broken");
    let nested = format!("<rss><channel>{}</channel></rss>", "<x>".repeat(50_000));
    write(dir.path(), "deep.rss", nested.as_bytes());
    let b = Ingestor::new().read_paths(&[dir.path()]);
    assert!(b.articles.is_empty(), "{:#?}", b.articles);
    for name in [
        "broken.rss",
        "notfeed.xml",
        "binary.atom",
        "bad.rss.gz",
        "deep.rss",
    ] {
        assert!(
            b.skipped.iter().any(|s| s.path.ends_with(name)),
            "{name}: {:#?}",
            b.skipped
        );
    }
}

/// One WARC record with the given type, headers and block.
fn record(kind: &str, uri: &str, block: &[u8]) -> Vec<u8> {
    let mut r = format!(
        "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:{:08x}-0000-0000-0000-000000000000>\r\nWARC-Date: 2031-03-01T12:00:00Z\r\nWARC-Target-URI: {uri}\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n",
        block.len() * 7 + uri.len(),
        block.len()
    )
    .into_bytes();
    r.extend_from_slice(block);
    r.extend_from_slice(b"\r\n\r\n");
    r
}

fn http(headers: &str, body: &[u8]) -> Vec<u8> {
    let mut r = format!("HTTP/1.1 200 OK\r\n{headers}\r\n").into_bytes();
    r.extend_from_slice(body);
    r
}

const PAGE: &str = "<html><head><title>Dam inspection</title></head><body><p>Engineers finished the dam inspection on Tuesday.</p></body></html>";

fn sample_warc() -> Vec<u8> {
    let mut w = Vec::new();
    w.extend(record("warcinfo", "urn:x", b"software: test\r\n"));
    w.extend(record(
        "request",
        "https://river.example/dam",
        b"GET /dam HTTP/1.1\r\n\r\n",
    ));
    w.extend(record(
        "response",
        "https://river.example/dam",
        &http(
            "Content-Type: text/html; charset=utf-8\r\n",
            PAGE.as_bytes(),
        ),
    ));
    w.extend(record(
        "response",
        "https://river.example/logo.png",
        &http("Content-Type: image/png\r\n", b"\x89PNG...."),
    ));
    // Chunked and gzip-encoded, Latin-1 declared in the header.
    let latin = b"<html><body><p>Caf\xe9 reopens by the weir.</p></body></html>";
    let gz = gzip(latin);
    let mut chunked = format!("{:x}\r\n", gz.len()).into_bytes();
    chunked.extend_from_slice(&gz);
    chunked.extend_from_slice(b"\r\n0\r\n\r\n");
    w.extend(record(
        "response",
        "http://www.river.example/cafe/",
        &http(
            "Content-Type: text/html; charset=iso-8859-1\r\nTransfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n",
            &chunked,
        ),
    ));
    w.extend(record(
        "response",
        "https://river.example/missing",
        b"HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\n\r\n<p>gone</p>",
    ));
    w
}

#[test]
fn warc_responses_become_articles() {
    let dir = TempDir::new().unwrap();
    let w = sample_warc();
    write(dir.path(), "crawl.warc", &w);
    // Multi-member gzip, one member per record, as crawlers write them.
    let mut members = Vec::new();
    for chunk in w
        .split_inclusive(|&b| b == b'\n')
        .collect::<Vec<_>>()
        .chunks(7)
    {
        members.extend(gzip(&chunk.concat()));
    }
    write(dir.path(), "crawl2.warc.gz", &members);
    let b = Ingestor::new().read_paths(&[dir.path().join("crawl.warc")]);
    let dam = b
        .articles
        .iter()
        .find(|a| a.id == "river.example/dam")
        .unwrap();
    assert_eq!(dam.url.as_deref(), Some("https://river.example/dam"));
    assert!(html_of(&b, "river.example/dam").contains("dam inspection on Tuesday"));
    assert!(html_of(&b, "river.example/cafe").contains("Café reopens"));
    assert_eq!(b.articles.len(), 2, "{:#?}", b.articles);
    assert!(b
        .skipped
        .iter()
        .any(|s| s.path.ends_with("logo.png") && s.reason.contains("not HTML")));
    assert!(b
        .skipped
        .iter()
        .any(|s| s.path.ends_with("missing") && s.reason.contains("404")));
    let b2 = Ingestor::new().read_paths(&[dir.path().join("crawl2.warc.gz")]);
    assert_eq!(b2.articles.len(), 2, "{:#?}", b2.skipped);
}

#[test]
fn bad_warcs_are_reported() {
    let dir = TempDir::new().unwrap();
    let w = sample_warc();
    // Truncated in the middle of the third record.
    write(dir.path(), "cut.warc", &w[..w.len() * 2 / 3]);
    write(
        dir.path(),
        "garbage.warc",
        b"this is not a web archive at all\n",
    );
    write(
        dir.path(),
        "bad.warc.gz",
        b"\x1f\x8b\x08\x00\x00\x00broken gzip",
    );
    write(dir.path(), "notgz.warc.gz", b"WARC/1.0\r\n");
    write(
        dir.path(),
        "badheader.warc",
        b"WARC/1.0\r\nContent-Length: 99999999999999999999999\r\n\r\nabc\r\n\r\n",
    );
    let huge = record(
        "response",
        "https://river.example/big",
        &http("Content-Type: text/html\r\n", &vec![b'a'; 4096]),
    );
    write(dir.path(), "big.warc", &huge);
    let b = Ingestor::new()
        .max_file_bytes(1024)
        .read_paths(&[dir.path()]);
    for name in [
        "cut.warc",
        "garbage.warc",
        "bad.warc.gz",
        "notgz.warc.gz",
        "badheader.warc",
    ] {
        assert!(
            b.skipped.iter().any(|s| s.path.contains(name)),
            "{name}: {:#?}",
            b.skipped
        );
    }
    assert!(b
        .skipped
        .iter()
        .any(|s| s.path.contains("big.warc") && s.reason.contains("too large")));
    // The records before the cut are read, and the cut is reported.
    assert!(b.articles.iter().any(|a| a.id == "river.example/dam"));
    assert!(b
        .skipped
        .iter()
        .any(|s| s.path.contains("cut.warc") && s.reason.contains("truncated")));
    // Cut anywhere: never a panic, always either articles or a reason.
    for cut in (0..w.len()).step_by(37) {
        let b = Ingestor::new().read_paths(&[{
            let p = dir.path().join("c.warc");
            fs::write(&p, &w[..cut]).unwrap();
            p
        }]);
        let complete = cut >= w.len();
        assert!(
            complete || !b.skipped.is_empty(),
            "cut at {cut}: nothing reported"
        );
    }
}

/// A tiny deterministic generator for mutation tests.
struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// Flip, insert, delete and duplicate bytes of `seed`.
fn mutate(seed: &[u8], rng: &mut XorShift) -> Vec<u8> {
    let mut v = seed.to_vec();
    for _ in 0..1 + rng.below(8) {
        let at = rng.below(v.len() + 1);
        match rng.below(4) {
            0 if at < v.len() => v[at] = rng.next() as u8,
            1 => {
                let alphabet = b"<>\r\n\0&;:0";
                v.insert(at, alphabet[rng.below(alphabet.len())]);
            }
            2 if at < v.len() => {
                let end = (at + rng.below(64)).min(v.len());
                v.drain(at..end);
            }
            _ => {
                let end = (at + rng.below(256)).min(v.len());
                let piece = v[at..end].to_vec();
                let to = rng.below(v.len() + 1);
                v.splice(to..to, piece);
            }
        }
    }
    v
}

/// Smoke fuzzing on stable Rust: mutated feeds and WARCs (plain and gzip)
/// always end in articles or skips. `CROSSCHECK_FUZZ_ITERS` runs longer.
#[test]
fn mutated_feeds_and_warcs_never_panic() {
    let iters: usize = std::env::var("CROSSCHECK_FUZZ_ITERS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(300);
    let warc = sample_warc();
    let seeds: [(&str, Vec<u8>); 4] = [
        ("f.rss", RSS.as_bytes().to_vec()),
        ("f.atom", ATOM.as_bytes().to_vec()),
        ("f.warc", warc.clone()),
        ("f.warc.gz", gzip(&warc)),
    ];
    let ingest = Ingestor::new().max_file_bytes(1 << 20);
    let mut rng = XorShift(0x9E37_79B9_7F4A_7C15);
    for i in 0..iters {
        let (name, seed) = &seeds[i % seeds.len()];
        let data = mutate(seed, &mut rng);
        let b = ingest.read_bytes(name, &data);
        assert!(
            !b.articles.is_empty() || !b.skipped.is_empty(),
            "{name} iteration {i}: nothing reported"
        );
    }
}

#[test]
fn non_utf8_target_uri_skips_only_that_record() {
    let mut w = record(
        "response",
        "https://river.example/caf\u{e9}",
        &http("Content-Type: text/html\r\n", PAGE.as_bytes()),
    );
    // Make the URI's "é" a lone Latin-1 byte.
    let at = w.windows(2).position(|p| p == "é".as_bytes()).unwrap();
    w.splice(at..at + 2, [0xe9]);
    w.extend(record(
        "response",
        "https://river.example/dam",
        &http("Content-Type: text/html\r\n", PAGE.as_bytes()),
    ));
    let b = Ingestor::new().read_bytes("x.warc", &w);
    assert_eq!(b.articles.len(), 1, "{:#?}", b.skipped);
    assert!(b.skipped.iter().any(|s| s.reason.contains("not UTF-8")));
}
