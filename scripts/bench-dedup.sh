#!/usr/bin/env bash
# MinHash signature throughput, crosscheck vs datasketch (PyPI), on the same
# Reuters-21578 bodies in one run: 128 permutations, word 5-shingles, one core.
# The two alternate for ROUNDS rounds (default 3), so both see the same load
# on a shared machine; prints each round, then the best and range of each
# and the ratio of the bests.
# Usage: scripts/bench-dedup.sh [REUTERS_DIR]
#   ROUNDS=5 scripts/bench-dedup.sh
#   DATASKETCH_VENV=DIR scripts/bench-dedup.sh   # reuse (or create) this venv
#                                                 # instead of a throwaway one
set -euo pipefail
cd "$(dirname "$0")/.."
data="${1:-../shared/data/reuters21578}"
rounds="${ROUNDS:-3}"
tmp="$(mktemp -d /tmp/crosscheck-dedup-bench.XXXXXX)"
trap 'rm -rf "$tmp"' EXIT
venv="${DATASKETCH_VENV:-$tmp/venv}"
if ! "$venv/bin/python" -c 'import datasketch' 2>/dev/null; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet datasketch
fi
cargo build --release --quiet -p crosscheck-cli
cat >"$tmp/datasketch_bench.py" <<'PY'
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
print(f"{size / 1e6 / secs}")
PY
theirs=()
ours=()
for round in $(seq "$rounds"); do
    t="$("$venv/bin/python" "$tmp/datasketch_bench.py" "$data")"
    out="$(target/release/crosscheck bench dedup --dataset "$data" --seconds 3)"
    o="$(echo "$out" | sed -n 's/^throughput: \([0-9.]*\) MB\/s.*/\1/p')"
    [ "$round" = 1 ] && echo "$out" | sed -n 's/^MinHash/crosscheck: MinHash/p'
    echo "round $round: datasketch $(printf '%.2f' "$t") MB/s (first 3000 bodies), crosscheck $o MB/s"
    theirs+=("$t")
    ours+=("$o")
done
python3 - "${theirs[*]}" "${ours[*]}" <<'PY'
import sys
theirs = [float(x) for x in sys.argv[1].split()]
ours = [float(x) for x in sys.argv[2].split()]
print(f"datasketch: best {max(theirs):.2f} MB/s, range {min(theirs):.2f}-{max(theirs):.2f}")
print(f"crosscheck: best {max(ours):.1f} MB/s, range {min(ours):.1f}-{max(ours):.1f}")
ratios = [o / t for o, t in zip(ours, theirs)]
print(f"ratio of bests: {max(ours) / max(theirs):.0f}x (per round {min(ratios):.0f}x-{max(ratios):.0f}x)")
PY
