#!/usr/bin/env bash
# Run the cargo-fuzz targets of crates/extract/fuzz (html, feed, warc) one
# after the other, each for a fixed time, on one core.
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]
#
# SECONDS defaults to 300 per target; TARGETs default to "html feed warc".
# Environment:
#   FUZZ_TARGET_DIR  cargo target dir for the fuzz build (default
#                    /tmp/crosscheck-fuzz-target, kept apart from the main one
#                    because the fuzz build uses nightly and sanitizer flags)
#   FUZZ_RSS_MB      libFuzzer -rss_limit_mb (default 2048)
#   FUZZ_TIMEOUT     libFuzzer -timeout per input, seconds (default 10)
#
# Installs cargo-fuzz (crates.io) if it is missing; needs a nightly toolchain.
# The seed corpus is written by this script (small synthetic inputs, no real
# pages) into crates/extract/fuzz/corpus/TARGET, which is git-ignored, as are
# the crash artifacts in crates/extract/fuzz/artifacts/TARGET. A summary line
# per target (runs, exec/s, cov, ft, crashes) is printed at the end; the exit
# status is non-zero if any target found a crash, timeout or OOM.
set -euo pipefail
cd "$(dirname "$0")/../crates/extract/fuzz"

SECS=${1:-300}
shift || true
TARGETS=("$@")
if [[ ${#TARGETS[@]} -eq 0 ]]; then
    TARGETS=(html feed warc sniff)
fi
export CARGO_TARGET_DIR=${FUZZ_TARGET_DIR:-/tmp/crosscheck-fuzz-target}
RSS=${FUZZ_RSS_MB:-2048}
TIMEOUT=${FUZZ_TIMEOUT:-10}

if ! cargo fuzz --version >/dev/null 2>&1; then
    echo "== installing cargo-fuzz" >&2
    cargo install cargo-fuzz
fi
if ! rustup run nightly rustc --version >/dev/null 2>&1; then
    echo "cargo-fuzz needs a nightly toolchain: rustup toolchain install nightly" >&2
    exit 2
fi

# --- seed corpus -----------------------------------------------------------
# Small hand-written inputs that reach the interesting code quickly: they
# exist only to give libFuzzer a start (it mutates them), so they cover the
# shapes each reader handles (article markup, boilerplate, charsets, RSS and
# Atom, WARC records plain, chunked and gzip-encoded) rather than real pages.
seed() { # seed TARGET NAME < content
    mkdir -p "corpus/$1"
    cat >"corpus/$1/seed-$2"
}

seed html article <<'EOF'
<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Council votes on budget - Example News</title>
<meta property="og:title" content="Council votes on budget"><meta name="author" content="A. Writer">
<meta property="article:published_time" content="2024-03-05T10:00:00Z">
<script type="application/ld+json">{"@type":"NewsArticle","headline":"Council votes on budget","datePublished":"2024-03-05","author":{"name":"A. Writer"}}</script>
<style>p{color:red}</style></head><body><nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<header class="site-header"><div class="share">Share on Facebook</div></header>
<article><h1>Council votes on budget</h1><p class="byline">By A. Writer, March 5, 2024</p>
<figure><img src="a.jpg"><figcaption>The council chamber. (AP Photo/Someone)</figcaption></figure>
<p>The city council voted 7-2 on Tuesday to approve a budget of $1.2 billion, the mayor said.</p>
<p>Opponents said the plan cut too deeply into <b>library</b> and <i>park</i> funding &amp; services.</p>
<blockquote>"We did what we could," the mayor said.</blockquote><ul><li>Item one</li><li>Item two</li></ul>
<table><tr><td>Yes</td><td>7</td></tr><tr><td>No</td><td>2</td></tr></table>
<p>Read more: <a href="/x">Related story</a></p><div class="newsletter">Sign up for our newsletter</div></article>
<aside class="related"><h2>Related</h2><ul><li><a href="/y">Other</a></li></ul></aside>
<footer>&copy; 2024 Example News. All rights reserved.</footer><!-- comment --></body></html>
EOF
seed html fragments <<'EOF'
<div id="main-content"><div class="story-body"><p>First paragraph of text with a <a href="#">link</a>.<br>Second line
<pre>  code   block  </pre><p>Caf&eacute; &#233; &#x1F600; &bogus; <noscript>enable js</noscript><p>Unclosed <span>tags<div>
<template><p>hidden</p></template><svg><text>svg</text></svg><math><mi>x</mi></math><iframe src="x"></iframe>
<h2>Sub heading</h2><p>Photo: Someone/Getty Images</p><p>Copyright 2024</p></div>
EOF
printf '<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"></head><body><p>Caf\xe9 na\xefve \x93quoted\x94</p></body></html>' | seed html latin1
printf '\xff\xfe<\x00p\x00>\x00h\x00i\x00<\x00/\x00p\x00>\x00' | seed html utf16
printf '\xef\xbb\xbf<p>bom</p><frameset><frame></frameset><table><p>x</table>' | seed html bom

seed feed rss2 <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Example Feed</title><link>https://example.test/</link><description>d</description>
<item><title>First &amp; item</title><link>https://example.test/a</link><guid>a1</guid>
<pubDate>Tue, 05 Mar 2024 10:00:00 +0000</pubDate><dc:creator>A. Writer</dc:creator>
<description>&lt;p&gt;Summary&lt;/p&gt;</description><content:encoded><![CDATA[<p>Full <b>text</b>.</p>]]></content:encoded></item>
<item><title>Empty</title><link>https://example.test/b</link></item>
</channel></rss>
EOF
seed feed atom <<'EOF'
<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title type="text">Atom Example</title><id>urn:x</id>
<updated>2024-03-05T10:00:00Z</updated>
<entry><title>Entry one</title><id>urn:1</id><link href="https://example.test/1"/><updated>2024-03-05T10:00:00Z</updated>
<published>2024-03-04T09:00:00+01:00</published><summary>Short</summary><content type="html">&lt;p&gt;Body&lt;/p&gt;</content></entry>
<entry><title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">X</div></title><id>urn:2</id><updated>bad date</updated></entry>
</feed>
EOF
seed feed rss1 <<'EOF'
<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
<channel rdf:about="https://example.test/"><title>RDF</title><link>https://example.test/</link></channel>
<item rdf:about="https://example.test/1"><title>One</title><link>https://example.test/1</link><description>Text</description></item></rdf:RDF>
EOF
seed feed json <<'EOF'
{"version":"https://jsonfeed.org/version/1.1","title":"JSON","items":[{"id":"1","url":"https://example.test/1","content_html":"<p>Hi</p>","date_published":"2024-03-05T10:00:00Z"},{"id":"2","summary":"s"}]}
EOF

# Files named without an extension: newswire <DOC> collections (one and
# several records, entities, typesetting codes, dates in three forms), a
# Reuters record, and other formats told by their first bytes.
seed sniff trec <<'EOF2'
<DOC>
<DOCNO> XYZ19981017.0001 </DOCNO>
<DOCTYPE> NEWS STORY </DOCTYPE>
<DATE_TIME> 10/17/1998 05:50:00 </DATE_TIME>
<BODY>
<HEADLINE> Ferry back &AMP; running </HEADLINE>
<TEXT>
<P>
   LOWMARSH (AP) _ The ferry
resumed service &QL; on Monday.
</P>
<P>
``It is good,'' he said. &Cx1f; &#233;
</P>
<ANNOTATION> (STORY CAN END HERE. OPTIONAL MATERIAL FOLLOWS.) </ANNOTATION>
</TEXT>
</BODY>
</DOC>
<DOC>
<DOCNO> AP880212-0002 </DOCNO>
<DATE> 880212 </DATE>
<TEXT>
	A second story, graf 3 pvs
</TEXT>
</DOC>
<DOC>
<TEXT></TEXT>
EOF2
seed sniff reuters <<'EOF2'
<!DOCTYPE lewis SYSTEM "lewis.dtd">
<REUTERS NEWID="1"><DATE>26-FEB-1987 15:01:01.79</DATE><TEXT><TITLE>MILL OUTPUT UP</TITLE><BODY>Output rose 5 pct, the company said.
 Reuter
&#3;</BODY></TEXT></REUTERS>
EOF2
printf '{"id": "a1", "text": "The mill reopened."}\n{"id": 2}\n' | seed sniff jsonl
printf 'Plain text without a name.\n' | seed sniff text

# WARC records: Content-Length must match the block, so compute it.
warc_record() { # warc_record TYPE URI BLOCK-FILE
    local len
    len=$(wc -c <"$3")
    printf 'WARC/1.0\r\nWARC-Type: %s\r\nWARC-Record-ID: <urn:uuid:%08d-0000-0000-0000-000000000000>\r\nWARC-Date: 2024-03-05T10:00:00Z\r\n' "$1" "$RANDOM"
    if [[ -n "$2" ]]; then printf 'WARC-Target-URI: %s\r\n' "$2"; fi
    printf 'Content-Type: application/http; msgtype=response\r\nContent-Length: %d\r\n\r\n' "$len"
    cat "$3"
    printf '\r\n\r\n'
}
TMP=$(mktemp -d /tmp/crosscheck-fuzz-seed.XXXXXX)
trap 'rm -rf "$TMP"' EXIT
printf 'software: fuzz\r\n' >"$TMP/info"
printf 'HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<html><body><article><p>Hello from a WARC record, with enough words to count.</p></article></body></html>' >"$TMP/plain"
printf 'HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n5\r\n<p>Hi\r\n6\r\n there\r\n0\r\n\r\n' >"$TMP/chunked"
printf '<html><body><p>Compressed body</p></body></html>' | gzip -9c >"$TMP/gz-body"
{ printf 'HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n\r\n'; cat "$TMP/gz-body"; } >"$TMP/gzipped"
printf 'HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\n\r\n<p>missing</p>' >"$TMP/notfound"
printf 'HTTP/1.0 200 OK\n\n<!doctype html><p>No content type</p>' >"$TMP/bare"
{
    warc_record warcinfo "" "$TMP/info"
    warc_record request "https://example.test/a" "$TMP/info"
    warc_record response "https://www.example.test/a/" "$TMP/plain"
    warc_record response "https://example.test/b?x=1#f" "$TMP/chunked"
} | seed warc multi
{
    warc_record response "https://example.test/c" "$TMP/gzipped"
    warc_record response "https://example.test/d" "$TMP/notfound"
    warc_record response "" "$TMP/bare"
} | seed warc encodings
# The warc target also reads every input as .warc.gz: one gzip member per record.
{
    warc_record response "https://example.test/e" "$TMP/plain" | gzip -9c
    warc_record metadata "https://example.test/e" "$TMP/info" | gzip -9c
} | seed warc gz

# --- build and run ---------------------------------------------------------
echo "== building fuzz targets (${TARGETS[*]}) into $CARGO_TARGET_DIR" >&2
cargo +nightly fuzz build >&2
LOGDIR=$(mktemp -d /tmp/crosscheck-fuzz-logs.XXXXXX)
STATUS=0
SUMMARY=()
for t in "${TARGETS[@]}"; do
    mkdir -p "artifacts/$t"
    before=$(find "artifacts/$t" -type f | wc -l)
    echo "== fuzzing $t for ${SECS}s (log: $LOGDIR/$t.log)" >&2
    set +e
    cargo +nightly fuzz run "$t" "corpus/$t" -- \
        -max_total_time="$SECS" -rss_limit_mb="$RSS" -timeout="$TIMEOUT" \
        -print_final_stats=1 >"$LOGDIR/$t.log" 2>&1
    rc=$?
    set -e
    after=$(find "artifacts/$t" -type f | wc -l)
    # The last libFuzzer status line ("#N DONE/pulse cov: C ft: F ... exec/s: E")
    # and the final stats carry the figures.
    last=$(grep -E '^#[0-9]+' "$LOGDIR/$t.log" | tail -n 1 || true)
    runs=$(grep -oE 'stat::number_of_executed_units: *[0-9]+' "$LOGDIR/$t.log" | grep -oE '[0-9]+$' || true)
    eps=$(grep -oE 'stat::average_exec_per_sec: *[0-9]+' "$LOGDIR/$t.log" | grep -oE '[0-9]+$' || true)
    cov=$(grep -oE 'cov: [0-9]+' <<<"$last" | grep -oE '[0-9]+' || true)
    ft=$(grep -oE 'ft: [0-9]+' <<<"$last" | grep -oE '[0-9]+' || true)
    corp=$(find "corpus/$t" -type f | wc -l)
    new=$((after - before))
    SUMMARY+=("$t: runs ${runs:-?}, exec/s ${eps:-?}, cov ${cov:-?}, ft ${ft:-?}, corpus $corp files, new artifacts $new, exit $rc")
    if [[ $rc -ne 0 || $new -gt 0 ]]; then
        STATUS=1
        grep -E 'ERROR: libFuzzer|panicked at|SUMMARY|Test unit written' "$LOGDIR/$t.log" | head -n 8 >&2 || true
    fi
done
echo "== summary (logs in $LOGDIR)"
printf '%s\n' "${SUMMARY[@]}"
exit $STATUS
