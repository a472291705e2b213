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

NAME=bench-summarizers
. scripts/summarization-dumps.sh
"$WORK/venv/bin/python" scripts/bench_summarizers.py "${dumps[@]}"
