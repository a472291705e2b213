#!/usr/bin/env bash
# Side-by-side check of crosscheck's ROUGE (crates/eval/src/rouge.rs) against
# the reference implementation rouge-score (PyPI) on the same summary /
# reference pairs: crosscheck's and the lead baseline's summaries of DUC 2003
# (120 clusters x 4 references), MultiLing 2011 English and the seed story.
# Fails if any ROUGE-1/2/L/Lsum precision, recall or F1 differs by more
# than 0.1 points.
#
#   scripts/rouge-check.sh            # data from ../shared/data, ../shared/seeds
#
# rouge-score is installed in a throwaway virtualenv under /tmp (removed on exit).
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=${DATA:-../shared/data}
SEEDS=${SEEDS:-../shared/seeds}

WORK=$(mktemp -d /tmp/crosscheck-rouge.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
python3 -m venv "$WORK/venv"
"$WORK/venv/bin/pip" install --quiet --disable-pip-version-check "rouge-score==0.1.2"

NAME=rouge-check
. scripts/summarization-dumps.sh
"$WORK/venv/bin/python" scripts/rouge_check.py "${dumps[@]}"
