//! Ingest: turn paths (files or folders) into [`RawArticle`]s, and every input
//! that cannot be read into a [`Skipped`] entry naming the file and the reason.
//!
//! Ingest is the pipeline's only contact with the file system. It decides
//! what each file *is* (by extension), decodes its bytes to text, reads the
//! metadata the format carries, and hands on an uncleaned [`Body`]. It never
//! fails as a whole: a bad file, or a bad line of a JSON Lines file, becomes
//! one [`Skipped`] entry and the batch goes on.
//!
//! Formats, chosen by extension (case-insensitive, optionally followed by
//! `.gz` for gzip-compressed files, which are decompressed on the fly), or
//! by content for files whose name has no extension or a numeric one (the
//! newswire collections name files by document number: `NYT19981018.0102`):
//!
//! | extension | articles | body |
//! |---|---|---|
//! | `.txt` | one per file | [`Body::Text`] |
//! | `.html`, `.htm` | one per file | [`Body::Html`] |
//! | `.jsonl`, `.ndjson` | one per line: `id`, `text` or `html`, optional `title`, `source`, `url`, `published` | either |
//! | `.sgm`, `.sgml` | one per Reuters-21578 `<REUTERS>` record with a `<BODY>`, or one per `<DOC>` record (below) | [`Body::Text`] |
//! | none, or numeric | by content: a `<DOC>` collection (TREC, TIPSTER, TDT, DUC: id = `DOCNO`, outlet from its letters, date, headline, `<TEXT>`), a Reuters file, HTML, a feed, WARC or JSON Lines; anything else (binary, or plain text, which could be a README) is skipped with the reason | as for the format found |
//! | `.rss`, `.atom`, `.xml` | one per feed item (RSS 2.0/1.0/0.9x, Atom, via feed-rs): id `file/n`, link, date and feed title kept | [`Body::Html`] (content, else summary) |
//! | `.warc` | one per `response` record with an HTML payload: id from the target URI, which is kept as `url` | [`Body::Html`] |
//!
//! Feed and WARC problems are reported per item (an item without content, a
//! record that is not HTML or too large) where possible; a file that cannot
//! be parsed at all is one [`Skipped`] entry. For WARC files the size limit
//! applies to each record, not the file.
//!
//! Text files may be UTF-8 (with or without a byte-order mark), UTF-16 with
//! a byte-order mark, or a legacy 8-bit encoding (Windows-1252/Latin-1 by
//! default). Publication dates are normalised by [`normalize_published`].

mod date;
mod decode;
mod feed;
mod jsonl;
mod reuters;
mod sgml;
mod trec;
mod warc;

pub use date::normalize_published;

use crosscheck_model::{Body, RawArticle, Skipped};
use flate2::read::MultiGzDecoder;
use std::collections::HashMap;
use std::fs::{self, File};
use std::io::{self, BufRead, BufReader, Read};
use std::path::Path;
use walkdir::WalkDir;

/// What one ingest run produced.
#[derive(Debug, Default, Clone)]
pub struct Batch {
    /// Articles in a deterministic order: by the order of the paths given,
    /// then by relative path inside a folder, then by record order in a file.
    pub articles: Vec<RawArticle>,
    /// Inputs (files, JSON Lines records, Reuters records) that were not read,
    /// each with a human-readable reason.
    pub skipped: Vec<Skipped>,
}

/// Reads articles from files; configure with the builder methods.
#[derive(Debug, Clone)]
pub struct Ingestor {
    max_file_bytes: u64,
}

impl Default for Ingestor {
    fn default() -> Self {
        Ingestor {
            max_file_bytes: 16 * 1024 * 1024,
        }
    }
}

/// The kind of content a file holds, from its extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Text,
    Html,
    JsonLines,
    Reuters,
    /// `<DOC>` records of the TREC/TDT/DUC newswire collections.
    Trec,
    Feed,
    Warc,
    /// SGML: Reuters-21578 or a `<DOC>` collection, told apart by content.
    Sgml,
    /// No usable extension: told by content ([`sniff`]).
    Unknown,
}

/// What a file name says about the file.
struct Kind {
    format: Format,
    gzip: bool,
    /// The name (or relative path) without its extension(s): the article id.
    id: String,
}

/// Where a file's bytes come from.
enum Source<'a> {
    File(&'a Path),
    Bytes(&'a [u8]),
}

impl Source<'_> {
    fn open(&self) -> io::Result<Box<dyn Read + '_>> {
        Ok(match self {
            Source::File(p) => Box::new(File::open(p)?),
            Source::Bytes(b) => Box::new(*b),
        })
    }
}

/// Collects articles and skips during one run, and enforces id uniqueness.
struct Run {
    batch: Batch,
    /// id → origin of the article that first used it.
    seen: HashMap<String, String>,
}

impl Run {
    fn new() -> Self {
        Run {
            batch: Batch::default(),
            seen: HashMap::new(),
        }
    }

    fn skip(&mut self, path: impl Into<String>, reason: impl Into<String>) {
        self.batch.skipped.push(Skipped::new(path, reason));
    }

    fn push(&mut self, article: RawArticle) {
        if let Some(first) = self.seen.get(&article.id) {
            let reason = format!("duplicate id {} (first seen in {first})", article.id);
            self.batch
                .skipped
                .push(Skipped::new(article.origin, reason));
            return;
        }
        self.seen.insert(article.id.clone(), article.origin.clone());
        self.batch.articles.push(article);
    }
}

impl Ingestor {
    /// An ingestor with the default limits (16 MiB per file or record).
    pub fn new() -> Self {
        Self::default()
    }

    /// Largest single-article file accepted (bytes). For JSON Lines the
    /// limit applies to each record (line) instead of the whole file.
    pub fn max_file_bytes(mut self, n: u64) -> Self {
        self.max_file_bytes = n;
        self
    }

    /// Read every file and folder (recursively) in `paths`.
    ///
    /// Folders are walked in file-name order; hidden entries (names starting
    /// with `.`) are ignored, symbolic links are followed but loops are
    /// reported and not entered. Ids of files inside a folder are their
    /// path relative to that folder, without extension; a file named
    /// directly gets its file stem.
    pub fn read_paths<P: AsRef<Path>>(&self, paths: &[P]) -> Batch {
        let mut run = Run::new();
        for path in paths {
            let path = path.as_ref();
            let display = path.display().to_string();
            match fs::metadata(path) {
                Err(e) => run.skip(display, format!("cannot read: {e}")),
                Ok(meta) if meta.is_dir() => self.walk(path, &mut run),
                Ok(meta) if meta.is_file() => {
                    let name = path
                        .file_name()
                        .map(|n| n.to_string_lossy().into_owned())
                        .unwrap_or_else(|| display.clone());
                    self.read_one(&name, &display, Source::File(path), meta.len(), &mut run);
                }
                Ok(_) => run.skip(display, "not a regular file"),
            }
        }
        run.batch
    }

    /// Read one in-memory file as if it were at `name` (a relative path
    /// whose extension picks the format); ids derive from `name`.
    pub fn read_bytes(&self, name: &str, bytes: &[u8]) -> Batch {
        let mut run = Run::new();
        let rel = name.replace('\\', "/");
        self.read_one(
            &rel,
            name,
            Source::Bytes(bytes),
            bytes.len() as u64,
            &mut run,
        );
        run.batch
    }

    fn walk(&self, root: &Path, run: &mut Run) {
        let walker = WalkDir::new(root)
            .follow_links(true)
            .sort_by_file_name()
            .min_depth(1)
            .into_iter()
            .filter_entry(|e| !e.file_name().to_string_lossy().starts_with('.'));
        for entry in walker {
            let entry = match entry {
                Ok(e) => e,
                Err(e) => {
                    let at = e
                        .path()
                        .map(|p| p.display().to_string())
                        .unwrap_or_else(|| root.display().to_string());
                    if e.loop_ancestor().is_some() {
                        run.skip(at, "symlink loop (not followed)");
                    } else {
                        let reason = match e.io_error() {
                            Some(io) => format!("cannot read: {io}"),
                            None => format!("cannot read: {e}"),
                        };
                        run.skip(at, reason);
                    }
                    continue;
                }
            };
            let path = entry.path();
            let display = path.display().to_string();
            let file_type = entry.file_type();
            if file_type.is_dir() {
                continue;
            }
            if !file_type.is_file() {
                run.skip(display, "not a regular file");
                continue;
            }
            let rel = path
                .strip_prefix(root)
                .unwrap_or(path)
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect::<Vec<_>>()
                .join("/");
            match entry.metadata() {
                Ok(meta) => self.read_one(&rel, &display, Source::File(path), meta.len(), run),
                Err(e) => run.skip(display, format!("cannot read: {e}")),
            }
        }
    }

    /// Read one file. `rel` is its relative path (for the id and format),
    /// `display` names it in origins and skips, `size` is its size on disk.
    fn read_one(&self, rel: &str, display: &str, src: Source<'_>, size: u64, run: &mut Run) {
        let kind = match kind_of(rel) {
            Ok(k) => k,
            Err(reason) => return run.skip(display, reason),
        };
        if size == 0 {
            return run.skip(display, "empty file");
        }
        let limit = self.max_file_bytes;
        if kind.format == Format::JsonLines {
            return self.read_jsonl(&kind, display, &src, run);
        }
        if kind.format == Format::Warc {
            return self.read_warc(&kind, display, &src, run);
        }
        // Checked against the size on disk before anything is read.
        if size > limit {
            return run.skip(display, too_large(size, limit));
        }
        let bytes = match read_limited(&src, kind.gzip, limit) {
            Ok(b) => b,
            Err(reason) => return run.skip(display, reason),
        };
        if bytes.is_empty() {
            return run.skip(display, "empty file");
        }
        let mut kind = kind;
        if matches!(kind.format, Format::Unknown | Format::Sgml) {
            match sniff(&bytes, kind.format) {
                Ok(found) => kind.format = found,
                Err(reason) => return run.skip(display, reason),
            }
            match kind.format {
                Format::JsonLines => {
                    return self.read_jsonl(&kind, display, &Source::Bytes(&bytes), run)
                }
                Format::Warc => return self.read_warc(&kind, display, &Source::Bytes(&bytes), run),
                _ => {}
            }
        }
        match kind.format {
            Format::Text | Format::Html => {
                let declared = (kind.format == Format::Html)
                    .then(|| decode::html_declared_charset(&bytes))
                    .flatten();
                let text = match decode::decode_text(&bytes, declared.as_deref()) {
                    Ok(t) => decode::normalise_newlines(t),
                    Err(reason) => return run.skip(display, reason),
                };
                if text.trim().is_empty() {
                    return run.skip(display, "no text");
                }
                let body = if kind.format == Format::Html {
                    Body::Html(text)
                } else {
                    Body::Text(text)
                };
                run.push(RawArticle {
                    id: kind.id,
                    origin: display.to_owned(),
                    source: None,
                    title: None,
                    url: None,
                    published: None,
                    body,
                });
            }
            Format::Reuters => {
                let text = match decode::decode_text(&bytes, None) {
                    Ok(t) => t,
                    Err(reason) => return run.skip(display, reason),
                };
                read_reuters(&text, &kind.id, display, run);
            }
            Format::Trec => {
                let text = match decode::decode_text(&bytes, None) {
                    Ok(t) => t,
                    Err(reason) => return run.skip(display, reason),
                };
                read_trec(&text, &kind.id, display, run);
            }
            Format::Feed => {
                // A panic in a third-party parser must not end the batch.
                let parsed = std::panic::catch_unwind(|| feed::read(&bytes, &kind.id, display))
                    .unwrap_or_else(|_| Err("feed parser failed on this file".into()));
                match parsed {
                    Ok(items) => {
                        for a in items.articles {
                            run.push(a);
                        }
                        run.batch.skipped.extend(items.skipped);
                    }
                    Err(reason) => run.skip(display, reason),
                }
            }
            Format::JsonLines | Format::Warc | Format::Sgml | Format::Unknown => {
                unreachable!("handled above")
            }
        }
    }

    fn read_warc(&self, kind: &Kind, display: &str, src: &Source<'_>, run: &mut Run) {
        let raw = match src.open() {
            Ok(r) => r,
            Err(e) => return run.skip(display, format!("cannot read: {e}")),
        };
        let mut raw = BufReader::with_capacity(64 * 1024, raw);
        let gzip = match raw.fill_buf() {
            Ok([]) => return run.skip(display, "empty file"),
            Ok(head) => decode::is_gzip(head),
            Err(e) => return run.skip(display, format!("cannot read: {e}")),
        };
        if kind.gzip && !gzip {
            return run.skip(display, "not gzip data despite the .gz extension");
        }
        let inner: Box<dyn Read + '_> = if gzip {
            Box::new(MultiGzDecoder::new(raw))
        } else {
            Box::new(raw)
        };
        let reader = BufReader::with_capacity(256 * 1024, inner);
        let limit = self.max_file_bytes;
        let items = warc::read(reader, display, limit);
        let found = items.articles.len();
        for a in items.articles {
            run.push(a);
        }
        run.batch.skipped.extend(items.skipped);
        if items.records == 0 {
            run.skip(display, "no WARC records found");
        } else if found == 0
            && !run
                .batch
                .skipped
                .iter()
                .any(|s| s.path.starts_with(display))
        {
            run.skip(display, "no HTML response records");
        }
    }

    fn read_jsonl(&self, kind: &Kind, display: &str, src: &Source<'_>, run: &mut Run) {
        let raw = match src.open() {
            Ok(r) => r,
            Err(e) => return run.skip(display, format!("cannot read: {e}")),
        };
        let inner: Box<dyn Read + '_> = if kind.gzip {
            let mut raw = BufReader::new(raw);
            match raw.fill_buf() {
                Ok(head) if !decode::is_gzip(head) => {
                    return run.skip(display, "not gzip data despite the .gz extension")
                }
                Ok(_) => {}
                Err(e) => return run.skip(display, format!("cannot read: {e}")),
            }
            Box::new(MultiGzDecoder::new(raw))
        } else {
            raw
        };
        let mut reader = BufReader::with_capacity(64 * 1024, inner);
        match reader.fill_buf() {
            Ok(head) => {
                if head.is_empty() {
                    return run.skip(display, "empty file");
                }
                if decode::is_gzip(head) {
                    return run.skip(
                        display,
                        "gzip-compressed; decompress first (or name the file .jsonl.gz)",
                    );
                }
                if head.starts_with(&[0xFF, 0xFE]) || head.starts_with(&[0xFE, 0xFF]) {
                    return run.skip(
                        display,
                        "UTF-16 JSON Lines are not supported; convert to UTF-8",
                    );
                }
                if head.contains(&0) {
                    return run.skip(display, "binary content, not text");
                }
                if head.starts_with(&[0xEF, 0xBB, 0xBF]) {
                    reader.consume(3);
                }
            }
            Err(e) => return run.skip(display, read_error(&e, kind.gzip)),
        }
        let limit = usize::try_from(self.max_file_bytes).unwrap_or(usize::MAX);
        let mut buf = Vec::new();
        let mut n = 0usize;
        let mut records = 0usize;
        loop {
            let len = match jsonl::next_line(&mut reader, &mut buf, limit) {
                Ok(Some(len)) => len,
                Ok(None) => break,
                Err(e) => {
                    let reason = format!("{} after line {n}", read_error(&e, kind.gzip));
                    run.skip(display, reason);
                    break;
                }
            };
            n += 1;
            let line = buf.trim_ascii();
            if line.is_empty() && len <= limit {
                continue;
            }
            records += 1;
            let origin = format!("{display}:{n}");
            if len > limit {
                let reason = format!(
                    "line {n}: record too large: {len} bytes (limit {limit}); raise --max-file-size"
                );
                run.skip(origin, reason);
                continue;
            }
            match jsonl::parse_line(line, n, origin.clone()) {
                jsonl::Line::Article(a) => run.push(a),
                jsonl::Line::Bad(reason) => run.skip(origin, reason),
            }
        }
        if records == 0 && n > 0 {
            run.skip(display, "no records (only blank lines)");
        }
    }
}

/// Classify a relative path by its extension(s).
fn kind_of(rel: &str) -> Result<Kind, String> {
    let (dir, name) = match rel.rfind('/') {
        Some(i) => (&rel[..=i], &rel[i + 1..]),
        None => ("", rel),
    };
    let (mut stem, mut ext) = split_ext(name);
    let mut gzip = false;
    if ext.as_deref() == Some("gz") {
        gzip = true;
        (stem, ext) = split_ext(stem);
    }
    let format = match ext.as_deref() {
        Some("txt") => Format::Text,
        Some("html" | "htm") => Format::Html,
        Some("jsonl" | "ndjson") => Format::JsonLines,
        Some("sgm" | "sgml") => Format::Sgml,
        Some("rss" | "atom" | "xml") => Format::Feed,
        Some("warc") => Format::Warc,
        // A document number, not a file type: the whole name is the id.
        Some(digits) if !gzip && digits.bytes().all(|b| b.is_ascii_digit()) => {
            return Ok(Kind {
                format: Format::Unknown,
                gzip,
                id: format!("{dir}{name}"),
            })
        }
        Some(other) => {
            let shown = if gzip {
                format!(".{other}.gz")
            } else {
                format!(".{other}")
            };
            return Err(format!("unsupported file type {shown}"));
        }
        None if gzip => return Err("unsupported file type .gz (no inner extension)".into()),
        None => Format::Unknown,
    };
    Ok(Kind {
        format,
        gzip,
        id: format!("{dir}{stem}"),
    })
}

/// Split `name` into stem and lower-cased extension. A leading dot does not
/// start an extension (`.profile` has none).
fn split_ext(name: &str) -> (&str, Option<String>) {
    match name.rfind('.') {
        Some(i) if i > 0 && i + 1 < name.len() => {
            (&name[..i], Some(name[i + 1..].to_ascii_lowercase()))
        }
        _ => (name, None),
    }
}

fn too_large(size: u64, limit: u64) -> String {
    format!("file too large: {size} bytes (limit {limit}); raise --max-file-size")
}

/// Describe a read error; for gzip streams an early end is "truncated gzip".
fn read_error(e: &io::Error, gzip: bool) -> String {
    if gzip {
        match e.kind() {
            io::ErrorKind::UnexpectedEof => return "truncated gzip".into(),
            io::ErrorKind::InvalidInput | io::ErrorKind::InvalidData => {
                return format!("invalid gzip data: {e}")
            }
            _ => {}
        }
    }
    format!("cannot read: {e}")
}

/// Read a whole single-article file, decompressing `.gz`, refusing more
/// than `limit` bytes of content.
fn read_limited(src: &Source<'_>, gzip: bool, limit: u64) -> Result<Vec<u8>, String> {
    let raw = src.open().map_err(|e| format!("cannot read: {e}"))?;
    let mut bytes = Vec::new();
    if gzip {
        let mut raw = BufReader::new(raw);
        let head = raw.fill_buf().map_err(|e| format!("cannot read: {e}"))?;
        if !decode::is_gzip(head) {
            return Err("not gzip data despite the .gz extension".into());
        }
        MultiGzDecoder::new(raw)
            .take(limit.saturating_add(1))
            .read_to_end(&mut bytes)
            .map_err(|e| read_error(&e, true))?;
        if bytes.len() as u64 > limit {
            return Err(format!(
                "file too large: over {limit} bytes after decompression (limit {limit}); raise --max-file-size"
            ));
        }
    } else {
        raw.take(limit.saturating_add(1))
            .read_to_end(&mut bytes)
            .map_err(|e| format!("cannot read: {e}"))?;
        // The file grew after its size was checked.
        if bytes.len() as u64 > limit {
            return Err(too_large(bytes.len() as u64, limit));
        }
    }
    Ok(bytes)
}

/// What the bytes of a file named without a usable extension hold (or,
/// for `.sgm`/`.sgml`, which SGML collection). Only the start of the file is
/// looked at, except to decode it.
fn sniff(bytes: &[u8], named: Format) -> Result<Format, String> {
    let unnamed = if named == Format::Unknown {
        " (file name without a known extension)"
    } else {
        ""
    };
    if decode::is_gzip(bytes) {
        return Err(format!(
            "gzip-compressed{unnamed}; decompress first, or name it with its format and .gz"
        ));
    }
    if decode::looks_binary(bytes)
        && !bytes.starts_with(&[0xFF, 0xFE])
        && !bytes.starts_with(&[0xFE, 0xFF])
    {
        return Err(format!("binary content, not text{unnamed}"));
    }
    let head_len = bytes.len().min(4096);
    let head = String::from_utf8_lossy(&bytes[..head_len]);
    let head = head.trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n']);
    if named == Format::Sgml {
        return Ok(if trec::looks_like(head) {
            Format::Trec
        } else {
            Format::Reuters
        });
    }
    let lower = sgml::prefix(head, 1024).to_ascii_lowercase();
    Ok(if trec::looks_like(head) {
        Format::Trec
    } else if head.starts_with("<!DOCTYPE lewis") || head.starts_with("<REUTERS") {
        Format::Reuters
    } else if head.starts_with("WARC/") {
        Format::Warc
    } else if ["<rss", "<feed", "<rdf:rdf"]
        .iter()
        .any(|t| lower.starts_with(t) || (lower.starts_with("<?xml") && lower.contains(t)))
    {
        Format::Feed
    } else if ["<!doctype html", "<html", "<head", "<body", "<!--"]
        .iter()
        .any(|t| lower.starts_with(t))
    {
        Format::Html
    } else if head.starts_with('{') {
        Format::JsonLines
    } else {
        // A README or LICENSE beside the articles is text too: plain text is
        // read only when the name says so.
        return Err(
            "plain text in a file without a known extension (not read: name article text files .txt)"
                .into(),
        );
    })
}

fn read_trec(text: &str, file_id: &str, display: &str, run: &mut Run) {
    let records = trec::scan(text);
    if records.is_empty() {
        return run.skip(display, "no <DOC> records found");
    }
    // DOCNOs are unique across a collection: they are the ids, beside the
    // file (a file named by its DOCNO gets exactly that id).
    let dir = file_id.rfind('/').map_or("", |i| &file_id[..=i]);
    let several = records.len() > 1;
    for (n, rec) in records.into_iter().enumerate() {
        match rec {
            Ok(r) => {
                let (id, origin) = match &r.docno {
                    Some(docno) => (
                        format!("{dir}{docno}"),
                        if several {
                            format!("{display}#{docno}")
                        } else {
                            display.to_owned()
                        },
                    ),
                    None => (
                        format!("{file_id}/{}", n + 1),
                        format!("{display}#{}", n + 1),
                    ),
                };
                run.push(RawArticle {
                    id,
                    origin,
                    source: r.source,
                    title: r.title,
                    url: None,
                    published: r.published,
                    body: Body::Text(r.text),
                })
            }
            Err(refused) => run.skip(format!("{display}#{}", refused.label), refused.reason),
        }
    }
}

fn read_reuters(text: &str, file_id: &str, display: &str, run: &mut Run) {
    let records = reuters::scan(text);
    if records.is_empty() {
        return run.skip(display, "no <REUTERS> records found");
    }
    for rec in records {
        match rec {
            Ok(r) => run.push(RawArticle {
                id: format!("{file_id}/{}", r.newid),
                origin: format!("{display}#{}", r.newid),
                source: Some("Reuters".into()),
                title: r.title,
                url: None,
                published: r.published,
                body: Body::Text(r.text),
            }),
            Err(refused) => run.skip(format!("{display}#{}", refused.label), refused.reason),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds() {
        let k = kind_of("a/b/Story.TXT").unwrap();
        assert_eq!(
            (k.format, k.gzip, k.id.as_str()),
            (Format::Text, false, "a/b/Story")
        );
        let k = kind_of("feed.ndjson.gz").unwrap();
        assert_eq!(
            (k.format, k.gzip, k.id.as_str()),
            (Format::JsonLines, true, "feed")
        );
        assert_eq!(
            kind_of("x.pdf").err().unwrap(),
            "unsupported file type .pdf"
        );
        assert_eq!(
            kind_of("x.tar.gz").err().unwrap(),
            "unsupported file type .tar.gz"
        );
        // No extension, or a document number: told by content.
        let k = kind_of("d31/NYT19981018.0102").unwrap();
        assert_eq!(
            (k.format, k.id.as_str()),
            (Format::Unknown, "d31/NYT19981018.0102")
        );
        assert_eq!(kind_of("README").unwrap().format, Format::Unknown);
        assert_eq!(kind_of("d.x/.txt").unwrap().format, Format::Unknown);
        assert_eq!(
            kind_of("x.0102.gz").err().unwrap(),
            "unsupported file type .0102.gz"
        );
    }

    #[test]
    fn files_without_an_extension_are_told_by_content() {
        let ing = Ingestor::new();
        let doc = "<DOC>\n<DOCNO> XYZ19990304.0007 </DOCNO>\n<DATE_TIME> 1999-03-04 09:15 </DATE_TIME>\n<TEXT>\n\t The Orvell dam was opened on\nThursday.\n</TEXT>\n</DOC>\n";
        let b = ing.read_bytes("d7/XYZ19990304.0007", doc.as_bytes());
        assert!(b.skipped.is_empty(), "{:?}", b.skipped);
        let a = &b.articles[0];
        assert_eq!(a.id, "d7/XYZ19990304.0007");
        assert_eq!(a.published.as_deref(), Some("1999-03-04T09:15:00"));
        assert_eq!(a.source.as_deref(), Some("XYZ"));
        assert!(matches!(&a.body, Body::Text(t) if t == "The Orvell dam was opened on Thursday."));
        // A whole collection in one file: one article per <DOC>.
        let two = format!("{doc}{}", doc.replace("0007", "0008"));
        let b = ing.read_bytes("coll/xyz990304", two.as_bytes());
        let ids: Vec<&str> = b.articles.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["coll/XYZ19990304.0007", "coll/XYZ19990304.0008"]);
        assert_eq!(b.articles[1].origin, "coll/xyz990304#XYZ19990304.0008");
        // The same records in an .sgml file.
        assert_eq!(ing.read_bytes("c.sgml", two.as_bytes()).articles.len(), 2);
        // Found by fuzzing: a multi-byte character across the sniffed prefix.
        let long = format!("<!DOCTYPE html>{}\u{e9}", "x".repeat(1008));
        assert!(ing.read_bytes("page2", long.as_bytes()).skipped.is_empty());
        // Other formats by their first bytes.
        let html = ing.read_bytes(
            "page",
            b"<!DOCTYPE html><html><body><p>Hello there.</p></body></html>",
        );
        assert!(matches!(html.articles[0].body, Body::Html(_)));
        let jsonl = ing.read_bytes(
            "export",
            b"{\"id\": \"a1\", \"text\": \"The mill reopened.\"}\n",
        );
        assert_eq!(jsonl.articles[0].id, "a1");
        // Plain text, binary and compressed data are skipped, with the reason.
        for (name, bytes, reason) in [
            ("README", &b"Run make to build."[..], "plain text"),
            ("blob", &b"\x00\x01\x02binary"[..], "binary content"),
            ("x.0001", &b"\x1f\x8b\x08\x00rest"[..], "gzip-compressed"),
        ] {
            let b = ing.read_bytes(name, bytes);
            assert!(b.articles.is_empty(), "{name}");
            assert!(
                b.skipped[0].reason.contains(reason),
                "{name}: {:?}",
                b.skipped
            );
        }
    }
}
