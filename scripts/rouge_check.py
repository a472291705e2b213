#!/usr/bin/env python3
"""Compare crosscheck's ROUGE with rouge-score on the same pairs (run by
scripts/rouge-check.sh).

Reads the JSON Lines of `crosscheck eval summarization --dump FILE`: every
English task's summaries (crosscheck, lead) and references, with the scores
crates/eval/src/rouge.rs gave each (summary, reference) pair. Scores every
pair again with rouge-score (use_stemmer=True) and fails if any precision,
recall or F1 of ROUGE-1, -2, -L or -Lsum differs by more than 0.1 points.
"""

import json
import sys

from rouge_score import rouge_scorer

TOLERANCE = 0.1  # points (x100)
KEYS = ("rouge1", "rouge2", "rougeL", "rougeLsum")


def main():
    scorer = rouge_scorer.RougeScorer(list(KEYS), use_stemmer=True)
    pairs, worst, failures = 0, (0.0, None), []
    for path in sys.argv[1:]:
        with open(path, encoding="utf-8") as f:
            for line in f:
                task = json.loads(line)
                if not task["english"]:
                    continue  # Unicode tokenisation is crosscheck's own extension
                for system, text in task["summaries"].items():
                    for i, ref in enumerate(task["references"]):
                        ours = task["rouge"][system][i]
                        theirs = scorer.score(ref, text)
                        pairs += 1
                        for k in KEYS:
                            t = theirs[k]
                            for name, a, b in zip(
                                ("P", "R", "F"),
                                ours[k],
                                (t.precision, t.recall, t.fmeasure),
                            ):
                                d = 100 * abs(a - b)
                                where = f"{task['set']} {task['id']} {system} ref {i} {k} {name}"
                                if d > worst[0]:
                                    worst = (d, where)
                                if d > TOLERANCE:
                                    failures.append(f"{where}: crosscheck {100*a:.3f}, rouge-score {100*b:.3f}")
    print(f"{pairs} (summary, reference) pairs, 4 ROUGE variants x P/R/F each")
    print(f"largest difference: {worst[0]:.4f} points ({worst[1]})")
    if failures:
        print(f"{len(failures)} value(s) differ by more than {TOLERANCE} points:")
        for f in failures[:20]:
            print("  " + f)
        sys.exit(1)
    print(f"all within {TOLERANCE} points of rouge-score")


if __name__ == "__main__":
    main()
