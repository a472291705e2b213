#!/usr/bin/env python3
"""Side-by-side summarisation benchmark (run by scripts/bench-summarizers.sh).

Reads the JSON Lines written by `crosscheck eval summarization --dump FILE`
(one task a line: input documents, references, crosscheck's and the lead
baseline's summaries, the word cut-off), runs sumy's LexRank, TextRank, Luhn
and LSA and a greedy ROUGE-2 oracle on the same documents, cuts every summary
at the same word count and scores all of them with rouge-score (stemmed,
mean over references). Prints one Markdown table.

No NLTK data is downloaded: sentences are split by the small regex tokenizer
below (passed to sumy), words are runs of letters and digits, stemming is
sumy's Snowball stemmer (which needs no data).
"""

import json
import re
import sys
import time
from collections import Counter, OrderedDict

from rouge_score import rouge_scorer
from sumy.nlp.stemmers import Stemmer
from sumy.parsers.plaintext import PlaintextParser
from sumy.summarizers.lex_rank import LexRankSummarizer
from sumy.summarizers.lsa import LsaSummarizer
from sumy.summarizers.luhn import LuhnSummarizer
from sumy.summarizers.text_rank import TextRankSummarizer
from sumy.utils import get_stop_words

ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "prof", "gen", "gov", "sen", "rep", "st", "lt",
    "col", "sgt", "capt", "jr", "sr", "inc", "corp", "co", "ltd", "no", "vs",
    "jan", "feb", "mar", "apr", "aug", "sep", "sept", "oct", "nov", "dec",
    "u.s", "u.n", "u.k", "calif", "fla", "ariz", "mass", "wash", "mich",
}
BOUNDARY = re.compile(r"(?<=[.!?])[\"'”’)\]]*\s+(?=[\"“'‘(\[]?[A-Z0-9])")
WORD = re.compile(r"[A-Za-z0-9]+(?:['’][A-Za-z]+)?")


class RegexTokenizer:
    """Sentence and word tokenizer for sumy that needs no NLTK data."""

    language = "english"

    def to_sentences(self, paragraph):
        text = " ".join(paragraph.split())
        if not text:
            return ()
        out, start = [], 0
        for m in BOUNDARY.finditer(text):
            before = text[start:m.start()].rstrip("\"'”’)]")
            last = before.rsplit(None, 1)[-1] if before.split() else ""
            word = last.rstrip(".").lower()
            if word in ABBREVIATIONS or (len(word) == 1 and word.isalpha()):
                continue  # "Gen. Pinochet", "J. Smith"
            out.append(text[start:m.end()].strip())
            start = m.end()
        out.append(text[start:].strip())
        return tuple(s for s in out if s)

    def to_words(self, sentence):
        return tuple(WORD.findall(sentence))


TOKENIZER = RegexTokenizer()


def words(text):
    return len(text.split())


def truncate(text, n):
    """The first n words, keeping line breaks (as the Rust side does)."""
    left, lines = n, []
    for line in text.splitlines():
        if left == 0:
            break
        ws = line.split()[:left]
        left -= len(ws)
        if ws:
            lines.append(" ".join(ws))
    return "\n".join(lines)


def document_text(task):
    return "\n\n".join(d["text"] for d in sorted(task["docs"], key=lambda d: d["id"]))


def sumy_summary(summarizer, parser, n_words):
    """Fewest top-rated sentences (in document order) reaching n_words.

    Starts from an estimate (n_words over the mean sentence length) and
    steps up or down, so each summarizer runs two or three times per task.
    """
    sentences = parser.document.sentences
    total = len(sentences)
    mean = max(1.0, sum(words(str(s)) for s in sentences) / max(1, total))
    cache = {}

    def run(k):
        if k not in cache:
            cache[k] = "\n".join(str(s) for s in summarizer(parser.document, k))
        return cache[k]

    k = min(total, max(1, round(n_words / mean)))
    while words(run(k)) < n_words and k < total:
        k += 1
    while k > 1 and words(run(k - 1)) >= n_words:
        k -= 1
    return run(k)


def oracle(task, scorer_tokenize):
    """Greedy oracle: add the sentence that most raises the mean ROUGE-2
    recall (ties: ROUGE-1) against the references, until the cut-off."""
    parser = PlaintextParser.from_string(document_text(task), TOKENIZER)
    sentences = [str(s) for s in parser.document.sentences]
    toks = [scorer_tokenize(s) for s in sentences]
    refs = []
    for r in task["references"]:
        t = scorer_tokenize(r)
        refs.append((Counter(t), Counter(zip(t, t[1:]))))

    def value(tokens):
        uni, bi = Counter(tokens), Counter(zip(tokens, tokens[1:]))
        r1 = sum(sum((uni & ru).values()) / max(1, sum(ru.values())) for ru, _ in refs)
        r2 = sum(sum((bi & rb).values()) / max(1, sum(rb.values())) for _, rb in refs)
        return (r2, r1)

    chosen, current, best_val = [], [], (0.0, 0.0)
    while words(" ".join(sentences[i] for i in chosen)) < task["words"]:
        best = None
        for i, t in enumerate(toks):
            if i in chosen or len(t) < 5:
                continue
            v = value(current + t)
            if best is None or v > best[0]:
                best = (v, i)
        if best is None or best[0] <= best_val:
            break
        best_val = best[0]
        chosen.append(best[1])
        current = current + toks[best[1]]
    return "\n".join(sentences[i] for i in chosen)


def main():
    tasks = []
    for path in sys.argv[1:]:
        with open(path, encoding="utf-8") as f:
            tasks += [json.loads(line) for line in f]
    tasks = [t for t in tasks if t["english"]]
    scorer = rouge_scorer.RougeScorer(
        ["rouge1", "rouge2", "rougeL", "rougeLsum"], use_stemmer=True
    )
    tokenize = scorer._tokenizer.tokenize  # rouge-score's own tokenizer + stemmer
    stemmer = Stemmer("english")
    stop = get_stop_words("english")
    peers = OrderedDict()
    for name, cls in [
        ("LexRank (sumy)", LexRankSummarizer),
        ("TextRank (sumy)", TextRankSummarizer),
        ("Luhn (sumy)", LuhnSummarizer),
        ("LSA (sumy)", LsaSummarizer),
    ]:
        s = cls(stemmer)
        s.stop_words = stop
        peers[name] = s

    table = OrderedDict()  # (set, system) -> list of score dicts
    seconds = Counter()
    for task in tasks:
        n = task["words"]
        summaries = OrderedDict()
        summaries["crosscheck"] = task["summaries"]["crosscheck"]
        parser = PlaintextParser.from_string(document_text(task), TOKENIZER)
        for name, summarizer in peers.items():
            t0 = time.perf_counter()
            summaries[name] = sumy_summary(summarizer, parser, n)
            seconds[name] += time.perf_counter() - t0
        summaries["lead"] = task["summaries"]["lead"]
        summaries["greedy oracle"] = oracle(task, tokenize)
        for system, text in summaries.items():
            cut = truncate(text, n)
            per_ref = [scorer.score(r, cut) for r in task["references"]]
            mean = {
                k: tuple(
                    sum(getattr(s[k], f) for s in per_ref) / len(per_ref)
                    for f in ("precision", "recall", "fmeasure")
                )
                for k in ("rouge1", "rouge2", "rougeL", "rougeLsum")
            }
            table.setdefault((task["set"], system), []).append(mean)

    words_by_set = OrderedDict()
    for t in tasks:
        words_by_set.setdefault(t["set"], t["words"])
    print("ROUGE x100 (rouge-score, stemmed, mean over references), summaries cut at the")
    print("word count shown; recall (R) and F1 (F)\n")
    print("| set | words | system | tasks | R-1 R | R-2 R | R-L R | R-1 F | R-2 F | R-L F | R-Lsum F |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for (set_name, system), rows in table.items():
        def m(k, i):
            return 100 * sum(r[k][i] for r in rows) / len(rows)
        print(
            f"| {set_name} | {words_by_set[set_name]} | {system} | {len(rows)} | "
            f"{m('rouge1', 1):.2f} | {m('rouge2', 1):.2f} | {m('rougeL', 1):.2f} | "
            f"{m('rouge1', 2):.2f} | {m('rouge2', 2):.2f} | {m('rougeL', 2):.2f} | "
            f"{m('rougeLsum', 2):.2f} |"
        )
    print()
    for name, s in seconds.items():
        print(f"{name}: {1000 * s / max(1, len(tasks)):.1f} ms per task (mean; includes the 2-3 runs needed to reach the length)")


if __name__ == "__main__":
    main()
