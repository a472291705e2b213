# Sourced by scripts/bench-summarizers.sh and scripts/rouge-check.sh: runs
# `crosscheck eval summarization --dump` on every data set present (DUC 2003,
# MultiLing 2011 English, the seed story) and fills the array `dumps` with
# the JSON Lines files written under "$WORK". Needs DATA, SEEDS, WORK and
# NAME (for the error message) to be set.
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
    echo "$NAME: no data set found under $DATA or $SEEDS" >&2
    exit 1
fi
