//! End-to-end ingest tests over files generated in a temporary folder.
//! All article text here is invented.

use crosscheck_ingest::{Batch, Ingestor};
use crosscheck_model::{Body, Skipped};
use std::fs::{self, File};
use std::io::Write;
use std::path::Path;
use tempfile::TempDir;

fn write(dir: &Path, rel: &str, bytes: &[u8]) {
    let p = dir.join(rel);
    fs::create_dir_all(p.parent().unwrap()).unwrap();
    fs::write(p, bytes).unwrap();
}

fn reason_for<'a>(batch: &'a Batch, path_suffix: &str) -> &'a str {
    let hit = batch
        .skipped
        .iter()
        .find(|s| s.path.ends_with(path_suffix))
        .unwrap_or_else(|| panic!("no skip for {path_suffix}: {:#?}", batch.skipped));
    &hit.reason
}

fn text_of(batch: &Batch, id: &str) -> String {
    let a = batch
        .articles
        .iter()
        .find(|a| a.id == id)
        .unwrap_or_else(|| panic!("no article {id}: {:#?}", batch.articles));
    match &a.body {
        Body::Text(t) | Body::Html(t) => t.clone(),
    }
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    enc.write_all(bytes).unwrap();
    enc.finish().unwrap()
}

#[test]
fn folder_walk_is_sorted_and_skips_hidden_and_unsupported() {
    let dir = TempDir::new().unwrap();
    let d = dir.path();
    write(d, "b.txt", b"The bridge reopened on Monday.");
    write(d, "a.txt", b"A river barge ran aground near the lock.");
    write(d, "sub/c.htm", b"<p>The mayor cut the ribbon.</p>");
    write(d, ".hidden.txt", b"Hidden notes.");
    write(d, ".git/config.txt", b"Hidden folder.");
    write(d, "notes.pdf", b"%PDF-1.4");
    let batch = Ingestor::new().read_paths(&[d]);
    let ids: Vec<_> = batch.articles.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["a", "b", "sub/c"]);
    assert!(matches!(batch.articles[2].body, Body::Html(_)));
    assert_eq!(batch.skipped.len(), 1);
    assert_eq!(
        reason_for(&batch, "notes.pdf"),
        "unsupported file type .pdf"
    );
    assert_eq!(
        batch.articles[0].origin,
        d.join("a.txt").display().to_string()
    );
}

#[test]
fn file_named_directly_uses_its_stem_and_paths_keep_their_order() {
    let dir = TempDir::new().unwrap();
    let d = dir.path();
    write(d, "z/late.txt", b"Second path given.");
    write(d, "first.TXT", b"First path given.");
    let batch = Ingestor::new().read_paths(&[d.join("first.TXT"), d.join("z")]);
    let ids: Vec<_> = batch.articles.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["first", "late"]);
}

#[test]
fn bad_files_are_skipped_with_reasons() {
    let dir = TempDir::new().unwrap();
    let d = dir.path();
    write(d, "empty.txt", b"");
    write(d, "blank.txt", b"  \n\t\r\n ");
    write(d, "nul.txt", b"abc\0def");
    let controls: Vec<u8> = (0..200u8)
        .map(|i| if i % 4 == 0 { 0x02 } else { b'x' })
        .collect();
    write(d, "controls.txt", &controls);
    write(d, "packed.txt", &gzip(b"Compressed story."));
    let mut mixed = "Déjà vu at the fair. ".as_bytes().to_vec();
    mixed.extend_from_slice(b"caf\xe9");
    write(d, "mixed.txt", &mixed);
    write(d, "ok.txt", b"The fair opened on time.");
    let missing = d.join("missing.txt");
    let batch = Ingestor::new().read_paths(&[d.to_path_buf(), missing]);
    assert_eq!(batch.articles.len(), 1);
    assert_eq!(reason_for(&batch, "empty.txt"), "empty file");
    assert_eq!(reason_for(&batch, "blank.txt"), "no text");
    assert_eq!(reason_for(&batch, "nul.txt"), "binary content, not text");
    assert_eq!(
        reason_for(&batch, "controls.txt"),
        "binary content, not text"
    );
    assert!(reason_for(&batch, "packed.txt").starts_with("gzip-compressed; decompress first"));
    assert_eq!(
        reason_for(&batch, "mixed.txt"),
        "invalid UTF-8 at byte 26 (mixed encodings)"
    );
    let r = reason_for(&batch, "missing.txt");
    assert!(r.starts_with("cannot read: "), "{r}");
}

#[test]
fn size_limit_is_checked_before_reading() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("huge.txt");
    // A sparse 50 MB file: if it were read, its NUL bytes would be reported
    // as binary content instead.
    File::create(&path)
        .unwrap()
        .set_len(50 * 1024 * 1024)
        .unwrap();
    let batch = Ingestor::new().read_paths(&[&path]);
    assert!(batch.articles.is_empty());
    assert_eq!(
        batch.skipped,
        vec![Skipped::new(
            path.display().to_string(),
            "file too large: 52428800 bytes (limit 16777216); raise --max-file-size"
        )]
    );
    // The limit is configurable.
    let small = Ingestor::new()
        .max_file_bytes(10)
        .read_bytes("a.txt", b"eleven byte");
    assert!(small.skipped[0]
        .reason
        .starts_with("file too large: 11 bytes (limit 10)"));
}

#[test]
fn encodings() {
    let ing = Ingestor::new();
    let latin1 = ing.read_bytes("l.txt", b"Le caf\xe9 du port a ferm\xe9.\r\nFin.");
    assert_eq!(text_of(&latin1, "l"), "Le café du port a fermé.\nFin.");

    let mut bom = vec![0xEF, 0xBB, 0xBF];
    bom.extend_from_slice("Grüße aus Kiel.".as_bytes());
    assert_eq!(
        text_of(&ing.read_bytes("b.txt", &bom), "b"),
        "Grüße aus Kiel."
    );

    let story = "Le théâtre rouvre — enfin.";
    let mut le = vec![0xFF, 0xFE];
    let mut be = vec![0xFE, 0xFF];
    for u in story.encode_utf16() {
        le.extend_from_slice(&u.to_le_bytes());
        be.extend_from_slice(&u.to_be_bytes());
    }
    assert_eq!(text_of(&ing.read_bytes("le.txt", &le), "le"), story);
    assert_eq!(text_of(&ing.read_bytes("be.txt", &be), "be"), story);

    let html = b"<html><head><meta charset=\"windows-1251\"></head><body><p>\xcc\xee\xf1\xea\xe2\xe0</p></body></html>";
    let batch = ing.read_bytes("page.html", html);
    assert!(text_of(&batch, "page").contains("<p>Москва</p>"));
}

#[test]
fn jsonl_with_bad_lines_goes_on() {
    let data = concat!(
        r#"{"id": "a1", "text": "The ferry to Norrholm was cancelled.", "title": "Ferry cancelled", "source": "Island Times", "url": "https://example.org/a1", "published": "2024-05-02T07:30:00+02:00"}"#,
        "\n",
        "\n",
        "{\"id\": \"a2\", \"text\": \"unterminated\n",
        "[1, 2, 3]\n",
        r#"{"text": "no id"}"#,
        "\n",
        r#"{"id": "a3", "title": "no body"}"#,
        "\n",
        r#"{"id": "a4", "text": "   "}"#,
        "\n",
        r#"{"id": 5, "html": "<p>Numbered.</p>", "published": "2024-05-02", "views": 12}"#,
        "\r\n",
        r#"{"id": "a1", "text": "A second a1."}"#,
        "\n",
        r#"{"id": "a6", "text": "Last line without newline.", "published": "whenever"}"#,
    );
    let batch = Ingestor::new().read_bytes("feed.jsonl", data.as_bytes());
    let ids: Vec<_> = batch.articles.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["a1", "5", "a6"]);
    let a1 = &batch.articles[0];
    assert_eq!(a1.origin, "feed.jsonl:1");
    assert_eq!(a1.title.as_deref(), Some("Ferry cancelled"));
    assert_eq!(a1.source.as_deref(), Some("Island Times"));
    assert_eq!(a1.url.as_deref(), Some("https://example.org/a1"));
    assert_eq!(a1.published.as_deref(), Some("2024-05-02T07:30:00+02:00"));
    assert_eq!(batch.articles[1].published.as_deref(), Some("2024-05-02"));
    assert!(matches!(batch.articles[1].body, Body::Html(_)));
    assert_eq!(batch.articles[2].published, None);

    let paths: Vec<_> = batch.skipped.iter().map(|s| s.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "feed.jsonl:3",
            "feed.jsonl:4",
            "feed.jsonl:5",
            "feed.jsonl:6",
            "feed.jsonl:7",
            "feed.jsonl:9"
        ]
    );
    assert!(batch.skipped[0].reason.starts_with("line 3: invalid JSON"));
    assert!(batch.skipped[1]
        .reason
        .starts_with("line 4: not a JSON object"));
    assert_eq!(batch.skipped[2].reason, "line 5: no \"id\" field");
    assert_eq!(
        batch.skipped[3].reason,
        "line 6: no \"text\" or \"html\" field (id a3)"
    );
    assert_eq!(batch.skipped[4].reason, "line 7: empty \"text\" (id a4)");
    assert_eq!(
        batch.skipped[5].reason,
        "duplicate id a1 (first seen in feed.jsonl:1)"
    );
}

#[test]
fn jsonl_record_limit_applies_per_line() {
    let mut data = String::new();
    data.push_str(r#"{"id": "short", "text": "Brief."}"#);
    data.push('\n');
    data.push_str(&format!(
        r#"{{"id": "long", "text": "{}"}}"#,
        "word ".repeat(100)
    ));
    data.push('\n');
    data.push_str(r#"{"id": "after", "text": "Still read."}"#);
    let batch = Ingestor::new()
        .max_file_bytes(100)
        .read_bytes("f.ndjson", data.as_bytes());
    let ids: Vec<_> = batch.articles.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["short", "after"]);
    assert_eq!(batch.skipped.len(), 1);
    assert!(batch.skipped[0]
        .reason
        .starts_with("line 2: record too large: 526 bytes (limit 100)"));
}

#[test]
fn jsonl_file_level_problems() {
    let ing = Ingestor::new();
    let only_blank = ing.read_bytes("x.jsonl", b"\n\n  \n");
    assert_eq!(
        only_blank.skipped[0].reason,
        "no records (only blank lines)"
    );
    let binary = ing.read_bytes("x.jsonl", b"{\"id\":1}\0\0");
    assert_eq!(binary.skipped[0].reason, "binary content, not text");
    let mut bom = vec![0xEF, 0xBB, 0xBF];
    bom.extend_from_slice(br#"{"id": "b", "text": "Byte order mark first."}"#);
    assert_eq!(ing.read_bytes("x.jsonl", &bom).articles[0].id, "b");
}

#[test]
fn gzip_files_are_decompressed() {
    let dir = TempDir::new().unwrap();
    let d = dir.path();
    write(
        d,
        "story.txt.gz",
        &gzip(b"The harbour crane collapsed overnight."),
    );
    let feed = gzip(b"{\"id\": \"g1\", \"text\": \"Gzipped line one.\"}\n{\"id\": \"g2\", \"text\": \"Two.\"}\n");
    write(d, "feed.jsonl.gz", &feed);
    let mut broken = gzip("Sentence after sentence. ".repeat(200).as_bytes());
    broken.truncate(broken.len() / 2);
    write(d, "broken.txt.gz", &broken);
    write(d, "fake.txt.gz", b"plain text, not gzip");
    let mut broken_feed = gzip(
        "{\"id\": \"x\", \"text\": \"Line.\"}\n"
            .repeat(50)
            .as_bytes(),
    );
    broken_feed.truncate(broken_feed.len() - 10);
    write(d, "cut.jsonl.gz", &broken_feed);
    let batch = Ingestor::new().read_paths(&[d]);
    assert_eq!(
        text_of(&batch, "story"),
        "The harbour crane collapsed overnight."
    );
    assert_eq!(text_of(&batch, "g2"), "Two.");
    assert_eq!(reason_for(&batch, "broken.txt.gz"), "truncated gzip");
    assert_eq!(
        reason_for(&batch, "fake.txt.gz"),
        "not gzip data despite the .gz extension"
    );
    assert!(reason_for(&batch, "cut.jsonl.gz").starts_with("truncated gzip after line"));
}

#[test]
fn duplicate_ids_across_files() {
    let dir = TempDir::new().unwrap();
    let d = dir.path();
    write(d, "same.html", b"<p>Html copy.</p>");
    write(d, "same.txt", b"Text copy.");
    let batch = Ingestor::new().read_paths(&[d]);
    assert_eq!(batch.articles.len(), 1);
    let first = d.join("same.html").display().to_string();
    assert_eq!(
        reason_for(&batch, "same.txt"),
        format!("duplicate id same (first seen in {first})")
    );
}

#[cfg(unix)]
#[test]
fn symlink_loops_are_not_followed() {
    let dir = TempDir::new().unwrap();
    let d = dir.path();
    write(d, "inner/a.txt", b"A short report about a kite festival.");
    std::os::unix::fs::symlink(d.join("inner"), d.join("inner/loop")).unwrap();
    let batch = Ingestor::new().read_paths(&[d]);
    assert_eq!(batch.articles.len(), 1);
    assert_eq!(reason_for(&batch, "loop"), "symlink loop (not followed)");
}

#[test]
fn reuters_sgml_in_memory() {
    let sgml = b"<!DOCTYPE lewis SYSTEM \"lewis.dtd\">\n\
<REUTERS TOPICS=\"NO\" NEWID=\"7\">\n<DATE>11-MAR-1987 10:20:30.40</DATE>\n\
<TEXT>&#2;\n<TITLE>KITE MAKER &lt;KTM> LIFTS DIVIDEND</TITLE>\n\
<BODY>Kite Makers Corp said its board lifted the\nquarterly dividend to 10 cts.\n Reuter\n&#3;</BODY></TEXT>\n</REUTERS>\n\
<REUTERS TOPICS=\"NO\" NEWID=\"8\">\n<TEXT TYPE=\"BRIEF\"><TITLE>KITE MAKER UPDATE</TITLE>\n&#3;</TEXT>\n</REUTERS>\n";
    let batch = Ingestor::new().read_bytes("reut-demo.sgm", sgml);
    assert_eq!(batch.articles.len(), 1);
    let a = &batch.articles[0];
    assert_eq!(a.id, "reut-demo/7");
    assert_eq!(a.origin, "reut-demo.sgm#7");
    assert_eq!(a.source.as_deref(), Some("Reuters"));
    assert_eq!(a.title.as_deref(), Some("KITE MAKER <KTM> LIFTS DIVIDEND"));
    assert_eq!(a.published.as_deref(), Some("1987-03-11T10:20:30"));
    assert_eq!(
        a.body,
        Body::Text(
            "Kite Makers Corp said its board lifted the quarterly dividend to 10 cts.".into()
        )
    );
    assert_eq!(
        batch.skipped,
        vec![Skipped::new(
            "reut-demo.sgm#8",
            "no <BODY> in Reuters record"
        )]
    );
}

#[test]
fn real_reuters_file_if_present() {
    let dir = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/data/reuters21578"
    );
    let file = Path::new(dir).join("reut2-000.sgm");
    if !file.exists() {
        eprintln!("skipping: {} is absent", file.display());
        return;
    }
    let batch = Ingestor::new().read_paths(&[&file]);
    assert_eq!(batch.articles.len() + batch.skipped.len(), 1000);
    assert!(batch.articles.len() > 900, "{}", batch.articles.len());
    assert!(batch
        .skipped
        .iter()
        .all(|s| s.reason == "no <BODY> in Reuters record"));
    let first = &batch.articles[0];
    assert_eq!(first.id, "reut2-000/1");
    assert_eq!(first.source.as_deref(), Some("Reuters"));
    assert!(first.title.as_deref().is_some_and(|t| t.len() > 5));
    let published = first.published.as_deref().unwrap();
    assert!(published.starts_with("1987-"), "{published}");
    for a in &batch.articles {
        let Body::Text(t) = &a.body else {
            panic!("Reuters bodies are text")
        };
        assert!(!t.trim_end().ends_with("Reuter"), "{}", a.id);
        assert!(!t.contains("&#"), "{}", a.id);
    }
}
