#!/usr/bin/env bash
# MinHash signature throughput, crosscheck vs datasketch (PyPI), on the same
# Reuters-21578 bodies in one run: 128 permutations, word 5-shingles, one core.
# Usage: scripts/bench-dedup.sh [REUTERS_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
data="${1:-../shared/data/reuters21578}"
venv="$(mktemp -d /tmp/crosscheck-dedup-bench.XXXXXX)/venv"
python3 -m venv "$venv"
"$venv/bin/pip" install --quiet datasketch
cargo build --release --quiet -p crosscheck-cli
"$venv/bin/python" - "$data" <<'PY'
import glob, html, re, sys, time
from datasketch import MinHash
bodies = []
for path in sorted(glob.glob(sys.argv[1] + "/*.sgm")):
    raw = open(path, encoding="latin-1").read()
    bodies += [html.unescape(b) for b in re.findall(r"<BODY>(.*?)</BODY>", raw, re.S)]
word = re.compile(r"[^\W_]+")
def sign(text):
    words = [w.lower() for w in word.findall(text.replace("'", ""))]
    m = MinHash(num_perm=128)
    m.update_batch([" ".join(words[i:i + 5]).encode() for i in range(max(1, len(words) - 4))])
    return m
sample = bodies[:3000]
size = sum(len(b.encode()) for b in sample)
start = time.perf_counter()
for b in sample:
    sign(b)
secs = time.perf_counter() - start
print(f"datasketch: {len(sample)} documents, {size / 1e6:.2f} MB in {secs:.2f} s: {size / 1e6 / secs:.2f} MB/s")
open("/tmp/datasketch-mbps", "w").write(f"{size / 1e6 / secs}")
PY
out="$(target/release/crosscheck bench dedup --dataset "$data" --seconds 3)"
echo "$out"
ours="$(echo "$out" | sed -n 's/^throughput: \([0-9.]*\) MB\/s.*/\1/p')"
theirs="$(cat /tmp/datasketch-mbps)"
python3 -c "print(f'crosscheck {float(\"$ours\"):.1f} MB/s vs datasketch {float(\"$theirs\"):.2f} MB/s: {float(\"$ours\") / float(\"$theirs\"):.0f}x')"
