//! ROUGE (Lin 2004), computed the way the reference Python package
//! `rouge-score` computes it, so figures are comparable with published ones.
//!
//! Tokenisation: lower-case, every run of characters other than `a-z0-9`
//! becomes a space, tokens longer than three characters are Porter-stemmed
//! when stemming is on. ROUGE-N counts clipped n-gram overlap; ROUGE-L uses
//! the longest common subsequence of the whole texts; ROUGE-Lsum treats each
//! line as a sentence and uses the union LCS of each reference sentence with
//! all candidate sentences. `scripts/rouge-check.sh` compares this module with
//! `rouge-score` on the same summaries.
//!
//! Written here rather than taken from a crate: the ROUGE crate that matches
//! `rouge-score` pins exact versions of ICU and unicode crates that conflict
//! with the rest of the workspace, and the metric is small. The stemmer is
//! NLTK's Porter variant ([`crate::porter`]), which rouge-score uses; the
//! original 1980 algorithm stems about 2% of news words differently.

use ahash::AHashMap;

/// Precision, recall and F-measure of one ROUGE variant.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Score {
    pub precision: f64,
    pub recall: f64,
    pub fmeasure: f64,
}

impl Score {
    fn new(precision: f64, recall: f64) -> Self {
        let fmeasure = if precision + recall > 0.0 {
            2.0 * precision * recall / (precision + recall)
        } else {
            0.0
        };
        Score {
            precision,
            recall,
            fmeasure,
        }
    }

    /// The mean of several scores (component-wise).
    pub fn mean(scores: &[Score]) -> Score {
        if scores.is_empty() {
            return Score::default();
        }
        let n = scores.len() as f64;
        Score {
            precision: scores.iter().map(|s| s.precision).sum::<f64>() / n,
            recall: scores.iter().map(|s| s.recall).sum::<f64>() / n,
            fmeasure: scores.iter().map(|s| s.fmeasure).sum::<f64>() / n,
        }
    }
}

/// ROUGE-1, -2, -L and -Lsum of one candidate against one reference.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Scores {
    pub rouge1: Score,
    pub rouge2: Score,
    pub rouge_l: Score,
    pub rouge_lsum: Score,
}

impl Scores {
    /// Component-wise mean.
    pub fn mean(all: &[Scores]) -> Scores {
        let pick = |f: fn(&Scores) -> Score| Score::mean(&all.iter().map(f).collect::<Vec<_>>());
        Scores {
            rouge1: pick(|s| s.rouge1),
            rouge2: pick(|s| s.rouge2),
            rouge_l: pick(|s| s.rouge_l),
            rouge_lsum: pick(|s| s.rouge_lsum),
        }
    }
}

/// Scores texts; `stem` turns Porter stemming on (as `use_stemmer=True`);
/// `unicode` tokenizes into Unicode words (UAX #29), lower-cased, instead of
/// rouge-score's `a-z0-9` runs — for languages outside the Latin alphabet,
/// which rouge-score's tokenizer would reduce to nothing.
#[derive(Debug, Clone, Copy)]
pub struct Rouge {
    pub stem: bool,
    pub unicode: bool,
}

impl Default for Rouge {
    fn default() -> Self {
        Rouge {
            stem: true,
            unicode: false,
        }
    }
}

impl Rouge {
    /// Unicode words, lower-cased, unstemmed (any language).
    pub fn unicode() -> Self {
        Rouge {
            stem: false,
            unicode: true,
        }
    }

    /// `rouge-score`'s default tokenizer (or Unicode words, see [`Rouge`]).
    pub fn tokenize(&self, text: &str) -> Vec<String> {
        if self.unicode {
            return crosscheck_text::words(text)
                .into_iter()
                .map(|(_, w)| w.to_lowercase())
                .collect();
        }
        let lower = text.to_lowercase();
        let mut tokens = Vec::new();
        let mut cur = String::new();
        for c in lower.chars() {
            if c.is_ascii_lowercase() || c.is_ascii_digit() {
                cur.push(c);
            } else if !cur.is_empty() {
                tokens.push(std::mem::take(&mut cur));
            }
        }
        if !cur.is_empty() {
            tokens.push(cur);
        }
        if self.stem {
            for t in tokens.iter_mut() {
                if t.len() > 3 {
                    *t = crate::porter::stem(t);
                }
            }
        }
        tokens
    }

    /// All four variants of `candidate` against `reference`. Lines are
    /// sentences for ROUGE-Lsum.
    pub fn score(&self, reference: &str, candidate: &str) -> Scores {
        let r = self.tokenize(reference);
        let c = self.tokenize(candidate);
        let rs: Vec<Vec<String>> = reference
            .lines()
            .map(|l| self.tokenize(l))
            .filter(|t| !t.is_empty())
            .collect();
        let cs: Vec<Vec<String>> = candidate
            .lines()
            .map(|l| self.tokenize(l))
            .filter(|t| !t.is_empty())
            .collect();
        Scores {
            rouge1: rouge_n(&r, &c, 1),
            rouge2: rouge_n(&r, &c, 2),
            rouge_l: rouge_l(&r, &c),
            rouge_lsum: rouge_lsum(&rs, &cs),
        }
    }

    /// Scores against several references: the mean over references (the
    /// DUC convention for multi-reference ROUGE).
    pub fn score_mean(&self, references: &[String], candidate: &str) -> Scores {
        let all: Vec<Scores> = references
            .iter()
            .map(|r| self.score(r, candidate))
            .collect();
        Scores::mean(&all)
    }
}

/// The first `n` words of `text` (whitespace-separated), keeping line breaks
/// between the lines that survive: the word-count cut-off of DUC evaluations.
pub fn truncate_words(text: &str, n: usize) -> String {
    let mut left = n;
    let mut lines = Vec::new();
    for line in text.lines() {
        if left == 0 {
            break;
        }
        let words: Vec<&str> = line.split_whitespace().take(left).collect();
        left -= words.len();
        if !words.is_empty() {
            lines.push(words.join(" "));
        }
    }
    lines.join("\n")
}

fn ngrams(tokens: &[String], n: usize) -> AHashMap<&[String], usize> {
    let mut m = AHashMap::new();
    if tokens.len() >= n {
        for w in tokens.windows(n) {
            *m.entry(w).or_insert(0) += 1;
        }
    }
    m
}

/// ROUGE-N with clipped counts.
pub fn rouge_n(reference: &[String], candidate: &[String], n: usize) -> Score {
    let r = ngrams(reference, n);
    let c = ngrams(candidate, n);
    let overlap: usize = c
        .iter()
        .map(|(g, &k)| k.min(r.get(g).copied().unwrap_or(0)))
        .sum();
    let (rt, ct) = (r.values().sum::<usize>(), c.values().sum::<usize>());
    let p = if ct > 0 {
        overlap as f64 / ct as f64
    } else {
        0.0
    };
    let rec = if rt > 0 {
        overlap as f64 / rt as f64
    } else {
        0.0
    };
    Score::new(p, rec)
}

fn lcs_table(a: &[String], b: &[String]) -> Vec<Vec<u32>> {
    let mut t = vec![vec![0u32; b.len() + 1]; a.len() + 1];
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            t[i][j] = if a[i - 1] == b[j - 1] {
                t[i - 1][j - 1] + 1
            } else {
                t[i - 1][j].max(t[i][j - 1])
            };
        }
    }
    t
}

/// ROUGE-L over whole texts.
pub fn rouge_l(reference: &[String], candidate: &[String]) -> Score {
    if reference.is_empty() || candidate.is_empty() {
        return Score::default();
    }
    let lcs = lcs_table(reference, candidate)[reference.len()][candidate.len()] as f64;
    Score::new(lcs / candidate.len() as f64, lcs / reference.len() as f64)
}

/// Indices into `a` of one LCS of `a` and `b`, chosen as `rouge-score`'s
/// backtracking chooses it (prefer moving in `b` on ties... see below).
fn lcs_indices(a: &[String], b: &[String]) -> Vec<usize> {
    let t = lcs_table(a, b);
    let (mut i, mut j) = (a.len(), b.len());
    let mut out = Vec::new();
    while i > 0 && j > 0 {
        if a[i - 1] == b[j - 1] {
            out.push(i - 1);
            i -= 1;
            j -= 1;
        } else if t[i][j - 1] > t[i - 1][j] {
            j -= 1;
        } else {
            i -= 1;
        }
    }
    out.reverse();
    out
}

/// Summary-level ROUGE-L: union LCS of each reference sentence with every
/// candidate sentence, hits clipped by token counts.
pub fn rouge_lsum(reference: &[Vec<String>], candidate: &[Vec<String>]) -> Score {
    let rt: usize = reference.iter().map(Vec::len).sum();
    let ct: usize = candidate.iter().map(Vec::len).sum();
    if rt == 0 || ct == 0 {
        return Score::default();
    }
    let mut count_r: AHashMap<&str, i64> = AHashMap::new();
    let mut count_c: AHashMap<&str, i64> = AHashMap::new();
    for t in reference.iter().flatten() {
        *count_r.entry(t).or_default() += 1;
    }
    for t in candidate.iter().flatten() {
        *count_c.entry(t).or_default() += 1;
    }
    let mut hits = 0usize;
    for r in reference {
        let mut union: Vec<usize> = candidate.iter().flat_map(|c| lcs_indices(r, c)).collect();
        union.sort_unstable();
        union.dedup();
        for i in union {
            let t = r[i].as_str();
            let (cc, cr) = (
                count_c.get(t).copied().unwrap_or(0),
                count_r.get(t).copied().unwrap_or(0),
            );
            if cc > 0 && cr > 0 {
                hits += 1;
                *count_c.get_mut(t).unwrap() -= 1;
                *count_r.get_mut(t).unwrap() -= 1;
            }
        }
    }
    Score::new(hits as f64 / ct as f64, hits as f64 / rt as f64)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<String> {
        Rouge {
            stem: false,
            unicode: false,
        }
        .tokenize(s)
    }

    #[test]
    fn unicode_tokens_keep_non_latin_words() {
        let t = Rouge::unicode().tokenize("Ο Πρωθυπουργός είπε, नमस्ते दुनिया");
        assert_eq!(t, ["ο", "πρωθυπουργός", "είπε", "नमस्ते", "दुनिया"]);
    }

    #[test]
    fn tokenizer_matches_rouge_score_conventions() {
        assert_eq!(
            toks("The U.S. fleet's 3.25% rise!"),
            ["the", "u", "s", "fleet", "s", "3", "25", "rise"]
        );
        let stemmed = Rouge::default().tokenize("running ferries were cancelled");
        assert_eq!(stemmed, ["run", "ferri", "were", "cancel"]);
    }

    #[test]
    fn rouge_n_clips_counts() {
        let s = rouge_n(&toks("the cat the cat"), &toks("the the the"), 1);
        assert!((s.precision - 2.0 / 3.0).abs() < 1e-12);
        assert!((s.recall - 0.5).abs() < 1e-12);
        let s = rouge_n(&toks("a b c d"), &toks("a b x c d"), 2);
        assert!((s.precision - 0.5).abs() < 1e-12 && (s.recall - 2.0 / 3.0).abs() < 1e-12);
    }

    #[test]
    fn rouge_l_and_lsum() {
        let s = rouge_l(
            &toks("police killed the gunman"),
            &toks("police kill the gunman"),
        );
        assert!((s.fmeasure - 0.75).abs() < 1e-12);
        // The Lin (2004) summary-level example: r = w1..w5, c1 = w1 w2 w6 w7 w8,
        // c2 = w1 w3 w8 w9 w5 → union LCS w1 w2 w3 w5, recall 4/5.
        let r = vec![toks("w1 w2 w3 w4 w5")];
        let c = vec![toks("w1 w2 w6 w7 w8"), toks("w1 w3 w8 w9 w5")];
        let s = rouge_lsum(&r, &c);
        assert!((s.recall - 0.8).abs() < 1e-12, "{s:?}");
        assert!((s.precision - 0.4).abs() < 1e-12, "{s:?}");
    }

    #[test]
    fn truncation_keeps_lines() {
        assert_eq!(
            truncate_words("one two\nthree four five\nsix", 4),
            "one two\nthree four"
        );
    }
}
