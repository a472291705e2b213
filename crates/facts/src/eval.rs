//! Evaluation of attribution against PolNeAR (Newell, Margolin & Ruths,
//! LREC 2018): brat standoff annotations of Source, Cue and Content spans in
//! political news. The data is read from disk, never bundled.

use std::fmt;
use std::fs;
use std::path::{Path, PathBuf};

/// Precision, recall and F1 of one span type under one matching rule.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Prf {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

impl Prf {
    fn from_counts(pred_hit: usize, pred: usize, gold_hit: usize, gold: usize) -> Prf {
        let p = if pred == 0 {
            0.0
        } else {
            pred_hit as f64 / pred as f64
        };
        let r = if gold == 0 {
            0.0
        } else {
            gold_hit as f64 / gold as f64
        };
        let f1 = if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        };
        Prf {
            precision: p,
            recall: r,
            f1,
        }
    }
}

/// Scores of one span type: exact match and overlap.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct SpanScores {
    /// Predicted and gold spans with identical boundaries (whitespace and
    /// final punctuation trimmed on both).
    pub exact: Prf,
    /// A predicted span counts as correct if it overlaps a gold span of the
    /// type; a gold span counts as found if a predicted span overlaps it.
    pub overlap: Prf,
    pub gold: usize,
    pub predicted: usize,
}

/// Attribution scores on a PolNeAR split.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AttributionScores {
    /// Split evaluated ("dev").
    pub split: String,
    pub documents: usize,
    pub source: SpanScores,
    pub cue: SpanScores,
    pub content: SpanScores,
}

impl fmt::Display for AttributionScores {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "PolNeAR {} split, {} documents",
            self.split, self.documents
        )?;
        writeln!(
            f,
            "| span | gold | predicted | exact P | exact R | exact F1 | overlap P | overlap R | overlap F1 |"
        )?;
        writeln!(f, "|---|---:|---:|---:|---:|---:|---:|---:|---:|")?;
        for (name, s) in [
            ("source", &self.source),
            ("cue", &self.cue),
            ("content", &self.content),
        ] {
            writeln!(
                f,
                "| {name} | {} | {} | {:.3} | {:.3} | {:.3} | {:.3} | {:.3} | {:.3} |",
                s.gold,
                s.predicted,
                s.exact.precision,
                s.exact.recall,
                s.exact.f1,
                s.overlap.precision,
                s.overlap.recall,
                s.overlap.f1
            )?;
        }
        Ok(())
    }
}

/// Gold spans of one document, as byte ranges.
#[derive(Debug, Default)]
struct Gold {
    source: Vec<(usize, usize)>,
    cue: Vec<(usize, usize)>,
    content: Vec<(usize, usize)>,
}

/// The folder holding `train/`, `dev/` and `test/`: `dir/data` or `dir`.
fn split_dir(dataset_dir: &Path, split: &str) -> Option<PathBuf> {
    [
        dataset_dir.join("data").join(split),
        dataset_dir.join(split),
    ]
    .into_iter()
    .find(|p| p.join("text").is_dir())
}

/// Byte offset of each character offset (and of the end).
fn char_to_byte(text: &str) -> Vec<usize> {
    let mut v: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
    v.push(text.len());
    v
}

fn parse_ann(ann: &str, map: &[usize]) -> Gold {
    let mut g = Gold::default();
    for line in ann.lines() {
        let mut parts = line.splitn(3, '\t');
        let (Some(id), Some(meta)) = (parts.next(), parts.next()) else {
            continue;
        };
        if !id.starts_with('T') {
            continue;
        }
        let mut meta_parts = meta.splitn(2, ' ');
        let kind = meta_parts.next().unwrap_or("");
        let ranges = meta_parts.next().unwrap_or("");
        // Discontinuous spans ("10 20;25 30") are scored by their hull.
        let nums: Vec<usize> = ranges
            .split([' ', ';'])
            .filter_map(|x| x.parse().ok())
            .collect();
        let (Some(&s), Some(&e)) = (nums.iter().min(), nums.iter().max()) else {
            continue;
        };
        let (Some(&bs), Some(&be)) = (map.get(s), map.get(e)) else {
            continue;
        };
        match kind {
            "Source" => g.source.push((bs, be)),
            "Cue" => g.cue.push((bs, be)),
            "Content" => g.content.push((bs, be)),
            _ => {}
        }
    }
    g
}

/// Gold spans of one document read from its brat standoff annotation, as
/// byte ranges into `text`: `(sources, cues, contents)`. For training.
pub type GoldSpans = (
    Vec<(usize, usize)>,
    Vec<(usize, usize)>,
    Vec<(usize, usize)>,
);

/// The gold Source, Cue and Content spans of `ann` over `text`.
pub fn gold_spans(text: &str, ann: &str) -> GoldSpans {
    let g = parse_ann(ann, &char_to_byte(text));
    (g.source, g.cue, g.content)
}

/// One gold attribution (a brat event): its source, cue and content spans
/// as byte ranges (hulls), each if annotated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GoldAttribution {
    pub source: Option<(usize, usize)>,
    pub cue: Option<(usize, usize)>,
    pub content: Option<(usize, usize)>,
}

/// The attributions of a brat annotation `ann` over `text`.
pub fn gold_attributions(text: &str, ann: &str) -> Vec<GoldAttribution> {
    let map = char_to_byte(text);
    let mut spans: std::collections::HashMap<&str, (usize, usize)> = Default::default();
    let mut events = Vec::new();
    for line in ann.lines() {
        let mut parts = line.splitn(3, '\t');
        let (Some(id), Some(meta)) = (parts.next(), parts.next()) else {
            continue;
        };
        if id.starts_with('T') {
            let nums: Vec<usize> = meta
                .split([' ', ';'])
                .skip(1)
                .filter_map(|x| x.parse().ok())
                .collect();
            if let (Some(&s), Some(&e)) = (nums.iter().min(), nums.iter().max()) {
                if let (Some(&bs), Some(&be)) = (map.get(s), map.get(e)) {
                    spans.insert(id, (bs, be));
                }
            }
        } else if id.starts_with('E') {
            events.push(meta);
        }
    }
    events
        .into_iter()
        .map(|meta| {
            let mut a = GoldAttribution {
                source: None,
                cue: None,
                content: None,
            };
            for arg in meta.split(' ') {
                let Some((role, t)) = arg.split_once(':') else {
                    continue;
                };
                let r = spans.get(t).copied();
                match role.trim_end_matches(char::is_numeric) {
                    "Source" => a.source = r,
                    "Cue" => a.cue = r,
                    "Content" => a.content = r,
                    _ => {}
                }
            }
            a
        })
        .collect()
}

/// A span with whitespace, quote marks and final punctuation trimmed, as
/// the scores compare spans.
pub fn trimmed(text: &str, span: (usize, usize)) -> (usize, usize) {
    trim(text, span)
}

/// The `(text file, annotation files)` pairs of a PolNeAR split, sorted by
/// name; `None` when the split is absent.
pub fn split_files(dataset_dir: &Path, split: &str) -> Option<Vec<(PathBuf, Vec<PathBuf>)>> {
    let dir = split_dir(dataset_dir, split)?;
    let mut texts: Vec<PathBuf> = fs::read_dir(dir.join("text"))
        .ok()?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    texts.sort();
    let mut anns: Vec<PathBuf> = fs::read_dir(dir.join("attributions"))
        .ok()?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "ann"))
        .collect();
    anns.sort();
    Some(
        texts
            .into_iter()
            .filter_map(|t| {
                let stem = t.file_stem()?.to_string_lossy().to_string();
                let mine: Vec<PathBuf> = anns
                    .iter()
                    .filter(|a| {
                        a.file_stem()
                            .is_some_and(|s| s.to_string_lossy().starts_with(&format!("{stem}_")))
                    })
                    .cloned()
                    .collect();
                (!mine.is_empty()).then_some((t, mine))
            })
            .collect(),
    )
}

/// Trim whitespace, quotes and final punctuation so that exact matching
/// does not hinge on whether a closing period is inside the span.
fn trim(text: &str, (s, e): (usize, usize)) -> (usize, usize) {
    let Some(slice) = text.get(s..e) else {
        return (s, e);
    };
    let junk = |c: char| c.is_whitespace() || ".,;:\"“”'‘’".contains(c);
    let lead = slice.len() - slice.trim_start_matches(junk).len();
    let t = slice.trim_start_matches(junk).trim_end_matches(junk);
    (s + lead, s + lead + t.len())
}

#[derive(Default)]
struct Tally {
    pred_exact: usize,
    gold_exact: usize,
    pred_overlap: usize,
    gold_overlap: usize,
    pred: usize,
    gold: usize,
}

impl Tally {
    fn add(&mut self, text: &str, pred: &[(usize, usize)], gold: &[(usize, usize)]) {
        let mut pred: Vec<_> = pred.iter().map(|&p| trim(text, p)).collect();
        pred.sort();
        pred.dedup();
        let mut gold: Vec<_> = gold.iter().map(|&g| trim(text, g)).collect();
        gold.sort();
        gold.dedup();
        let overlaps = |a: (usize, usize), b: (usize, usize)| a.0 < b.1 && b.0 < a.1;
        self.pred += pred.len();
        self.gold += gold.len();
        self.pred_exact += pred.iter().filter(|p| gold.contains(p)).count();
        self.gold_exact += gold.iter().filter(|g| pred.contains(g)).count();
        self.pred_overlap += pred
            .iter()
            .filter(|&&p| gold.iter().any(|&g| overlaps(p, g)))
            .count();
        self.gold_overlap += gold
            .iter()
            .filter(|&&g| pred.iter().any(|&p| overlaps(p, g)))
            .count();
    }
    fn scores(&self) -> SpanScores {
        SpanScores {
            exact: Prf::from_counts(self.pred_exact, self.pred, self.gold_exact, self.gold),
            overlap: Prf::from_counts(self.pred_overlap, self.pred, self.gold_overlap, self.gold),
            gold: self.gold,
            predicted: self.pred,
        }
    }
}

/// PolNeAR marks one content span per attribution, from the first to the
/// last quoted sentence, while [`crate::find_statements`] reports a quotation
/// that runs on into following sentences as one statement per sentence
/// (with an empty cue). Fold those continuations into the statement they
/// continue, so that each attribution is scored once, by its hull.
/// The statements of a text as scored: [`crate::find_statements`] with
/// quotation continuations merged.
pub fn merged_statements(text: &str) -> Vec<crate::Statement> {
    merge_continuations(crate::find_statements(text))
}

/// [`merged_statements`] with a given tagger model (`None`: the rules
/// alone), for error analysis.
pub fn merged_statements_with(
    model: Option<&crate::tagger::Model>,
    text: &str,
) -> Vec<crate::Statement> {
    merge_continuations(crate::find_statements_with(model, text))
}

fn merge_continuations(statements: Vec<crate::Statement>) -> Vec<crate::Statement> {
    let mut out: Vec<crate::Statement> = Vec::with_capacity(statements.len());
    for s in statements {
        if let Some(prev) = out.last_mut() {
            if s.cue.is_empty() && s.speaker == prev.speaker && prev.content.end <= s.content.start
            {
                prev.content.end = s.content.end;
                continue;
            }
        }
        out.push(s);
    }
    out
}

/// Score attribution on the PolNeAR **dev** split under `dataset_dir`
/// (the folder with `data/dev/text` and `data/dev/attributions`, or with
/// `dev/` directly). Returns `None` when the data is absent.
pub fn attribution(dataset_dir: &Path) -> Option<AttributionScores> {
    attribution_split(dataset_dir, "dev")
}

/// Score attribution on any PolNeAR split ("train" for tuning, "dev" to report).
/// Documents annotated twice are scored against their first annotation (by file name).
pub fn attribution_split(dataset_dir: &Path, split: &str) -> Option<AttributionScores> {
    let files = split_files(dataset_dir, split)?;
    Some(score_files(split, &files, crate::tagger::bundled()))
}

/// Score the statements found with `model` (`None`: the rules alone) on
/// the given `(text, annotations)` files, each against its first
/// annotation. `label` names the set in the table.
pub fn score_files(
    label: &str,
    files: &[(PathBuf, Vec<PathBuf>)],
    model: Option<&crate::tagger::Model>,
) -> AttributionScores {
    score_with(label, files, |text, _| {
        crate::attribution::find_statements_with(model, text)
    })
}

/// The ceiling of the tagger's design on the given files: the statements
/// decoded from the **gold** labels (BIO labels of the annotation, as the
/// trainer builds them), scored like [`score_files`].
pub fn score_gold_labels(label: &str, files: &[(PathBuf, Vec<PathBuf>)]) -> AttributionScores {
    score_with(label, files, |text, ann| {
        let (s, c, n) = gold_spans(text, ann);
        crate::attribution::statements_from_labels(text, |toks| {
            crate::tagger::gold_labels(toks, &s, &c, &n)
        })
    })
}

/// Agreement between annotators: on the documents annotated twice, the
/// second annotation scored as if it were predictions against the first
/// (the human ceiling of the measure).
pub fn score_agreement(label: &str, files: &[(PathBuf, Vec<PathBuf>)]) -> AttributionScores {
    let (mut ts, mut tc, mut tn) = (Tally::default(), Tally::default(), Tally::default());
    let mut documents = 0;
    for (path, anns) in files {
        let [first, second, ..] = anns.as_slice() else {
            continue;
        };
        let (Ok(text), Ok(a), Ok(b)) = (
            fs::read_to_string(path),
            fs::read_to_string(first),
            fs::read_to_string(second),
        ) else {
            continue;
        };
        let map = char_to_byte(&text);
        let (gold, other) = (parse_ann(&a, &map), parse_ann(&b, &map));
        ts.add(&text, &other.source, &gold.source);
        tc.add(&text, &other.cue, &gold.cue);
        tn.add(&text, &other.content, &gold.content);
        documents += 1;
    }
    AttributionScores {
        split: label.to_string(),
        documents,
        source: ts.scores(),
        cue: tc.scores(),
        content: tn.scores(),
    }
}

fn score_with(
    label: &str,
    files: &[(PathBuf, Vec<PathBuf>)],
    find: impl Fn(&str, &str) -> Vec<crate::Statement>,
) -> AttributionScores {
    let (mut ts, mut tc, mut tn) = (Tally::default(), Tally::default(), Tally::default());
    let mut documents = 0;
    for (path, anns) in files {
        let Some(ann_path) = anns.first() else {
            continue;
        };
        let (Ok(text), Ok(ann)) = (fs::read_to_string(path), fs::read_to_string(ann_path)) else {
            continue;
        };
        let map = char_to_byte(&text);
        let gold = parse_ann(&ann, &map);
        let statements = merge_continuations(find(&text, &ann));
        let ps: Vec<(usize, usize)> = statements
            .iter()
            .filter_map(|s| s.speaker.map(|sp| (sp.start, sp.end)))
            .collect();
        let pc: Vec<(usize, usize)> = statements
            .iter()
            .filter(|s| !s.cue.is_empty())
            .map(|s| (s.cue.start, s.cue.end))
            .collect();
        let pn: Vec<(usize, usize)> = statements
            .iter()
            .map(|s| (s.content.start, s.content.end))
            .collect();
        ts.add(&text, &ps, &gold.source);
        tc.add(&text, &pc, &gold.cue);
        tn.add(&text, &pn, &gold.content);
        documents += 1;
    }
    AttributionScores {
        split: label.to_string(),
        documents,
        source: ts.scores(),
        cue: tc.scores(),
        content: tn.scores(),
    }
}
