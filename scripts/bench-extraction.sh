#!/usr/bin/env bash
# Side-by-side main-text extraction benchmark: trafilatura (Python, from PyPI,
# in a throwaway virtualenv under /tmp) and crosscheck (plus the Rust peers
# rs-trafilatura and dom_smoothie) on the same 181 pages of Zyte's
# article-extraction-benchmark, scored with the benchmark's own metric.
#
#   scripts/bench-extraction.sh [DATASET_DIR]
#
# DATASET_DIR defaults to ../shared/data/article-extraction-benchmark. Every
# tool runs on one thread over the same decoded pages; the time counted is
# the extraction call only (not reading, gunzip or decoding).
set -euo pipefail
cd "$(dirname "$0")/.."
DATASET=$(realpath "${1:-../shared/data/article-extraction-benchmark}")
if [[ ! -f "$DATASET/ground-truth.json" ]]; then
    echo "skipping: $DATASET/ground-truth.json not found" >&2
    exit 0
fi
WORK=$(mktemp -d /tmp/crosscheck-bench-extraction.XXXXXX)
trap 'rm -rf "$WORK"' EXIT

echo "== installing trafilatura into a throwaway virtualenv ($WORK/venv)" >&2
python3 -m venv "$WORK/venv"
"$WORK/venv/bin/pip" install --quiet --disable-pip-version-check trafilatura lxml_html_clean
TRAF_VERSION=$("$WORK/venv/bin/python" -c 'import trafilatura; print(trafilatura.__version__)')

echo "== trafilatura $TRAF_VERSION" >&2
"$WORK/venv/bin/python" - "$DATASET" "$WORK/trafilatura.json" > "$WORK/trafilatura.secs" <<'PY'
import gzip, json, re, sys, time
from pathlib import Path
import trafilatura

dataset, out = Path(sys.argv[1]), Path(sys.argv[2])
truth = json.loads((dataset / "ground-truth.json").read_text(encoding="utf-8"))

def decode(raw: bytes) -> str:
    # Same rule as crosscheck_extract::decode_html: BOM, valid UTF-8,
    # declared charset, else Windows-1252.
    for bom, enc in ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if raw.startswith(bom):
            return raw[len(bom):].decode(enc, "replace")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    m = re.search(rb"charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", raw[:4096])
    enc = m.group(1).decode() if m else "cp1252"
    if enc.lower() in ("utf-8", "utf8"):
        enc = "cp1252"
    try:
        return raw.decode(enc, "replace")
    except LookupError:
        return raw.decode("cp1252", "replace")

pages = []
for key in sorted(truth):
    pages.append((key, decode(gzip.open(dataset / "html" / f"{key}.html.gz").read())))
for _, html in pages[:3]:  # warm-up, untimed
    trafilatura.extract(html)
pred, elapsed = {}, 0.0
for key, html in pages:
    t0 = time.perf_counter()
    text = trafilatura.extract(html) or ""
    elapsed += time.perf_counter() - t0
    pred[key] = {"articleBody": text}
out.write_text(json.dumps(pred), encoding="utf-8")
print(f"{elapsed:.6f}")
PY
SECS=$(cat "$WORK/trafilatura.secs")

echo "== crosscheck and Rust peers (release build)" >&2
# CROSSCHECK_BENCH_BIN: a prebuilt bench_extraction example to use instead.
if [[ -n "${CROSSCHECK_BENCH_BIN:-}" ]]; then
    BENCH=("$CROSSCHECK_BENCH_BIN")
else
    BENCH=(cargo run --quiet --release -p crosscheck-extract --example bench_extraction --)
fi
"${BENCH[@]}" \
    --dataset "$DATASET" \
    --engines crosscheck,crosscheck-text-only,rs-trafilatura,dom_smoothie \
    --score "trafilatura-$TRAF_VERSION=$WORK/trafilatura.json:$SECS"
