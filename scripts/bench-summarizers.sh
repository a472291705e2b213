#!/usr/bin/env bash
# Side-by-side summarisation benchmark: crosscheck beside sumy's LexRank,
# TextRank, Luhn and LSA, the lead baseline and a greedy ROUGE-2 oracle, on
# the same inputs at the same length, all scored by rouge-score (PyPI).
#
#   scripts/bench-summarizers.sh            # DUC 2003 (100 words), MultiLing
#                                           # English (250), the seed story
#   DATA=/path/to/data SEEDS=/path/to/seeds scripts/bench-summarizers.sh
#
# sumy and rouge-score are installed in a throwaway virtualenv under /tmp
# (removed on exit). No NLTK data is downloaded: scripts/bench_summarizers.py
# hands sumy a small regex sentence tokenizer.
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=${DATA:-../shared/data}
SEEDS=${SEEDS:-../shared/seeds}

WORK=$(mktemp -d /tmp/crosscheck-bench.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
python3 -m venv "$WORK/venv"
"$WORK/venv/bin/pip" install --quiet --disable-pip-version-check \
    "sumy==0.11.0" "rouge-score==0.1.2" "numpy<3"

cargo build --release --quiet -p crosscheck-cli
BIN=target/release/crosscheck
dumps=()
if [ -d "$DATA/duc2003" ]; then
    "$BIN" eval summarization --dataset "$DATA/duc2003" --dump "$WORK/duc.jsonl" >/dev/null
    dumps+=("$WORK/duc.jsonl")
fi
if [ -d "$DATA/multiling2011" ]; then
    "$BIN" eval summarization --dataset "$DATA/multiling2011" --language english \
        --dump "$WORK/multiling.jsonl" >/dev/null
    dumps+=("$WORK/multiling.jsonl")
fi
if [ -d "$SEEDS" ]; then
    "$BIN" eval summarization --dataset "$SEEDS" --dump "$WORK/seeds.jsonl" >/dev/null
    dumps+=("$WORK/seeds.jsonl")
fi
if [ ${#dumps[@]} -eq 0 ]; then
    echo "bench-summarizers: no data set found under $DATA or $SEEDS" >&2
    exit 1
fi
"$WORK/venv/bin/python" scripts/bench_summarizers.py "${dumps[@]}"
