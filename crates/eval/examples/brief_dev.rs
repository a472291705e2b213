use std::time::Instant;
use crosscheck::Pipeline;
use crosscheck::model::Document;
use crosscheck_eval::datasets::duc;
use crosscheck_eval::rouge::{truncate_words, Rouge, Scores};
use crosscheck_text::Analyzer;
fn main() {
    let path = crosscheck_eval::default_dataset("duc2003");
    let t = Instant::now();
    let clusters = duc::load(&path).unwrap();
    let pipeline = Pipeline::default();
    let an = Analyzer::english();
    let dd = crosscheck_dedup::Deduplicator::new();
    let fx = crosscheck::facts::Extractor::new();
    let rc = crosscheck::reconcile::Reconciler::new();
    let mut tb = 0.0; let mut tr = 0.0;
    let rouge = Rouge::default();
    let words: usize = std::env::var("W").ok().and_then(|w| w.parse().ok()).unwrap_or(100);
    let mut ev = vec![]; let mut tr_ = vec![];
    let show = std::env::var("SHOW").ok();
    for c in &clusters {
        let mut docs: Vec<Document> = c.docs.iter().cloned().filter_map(|r| pipeline.prepare(r).ok()).map(|a| an.analyse(a)).collect();
        docs.sort_by(|a, b| a.article.published.cmp(&b.article.published).then(a.article.id.cmp(&b.article.id)));
        let dups = dd.find(&docs);
        let refs: Vec<&Document> = docs.iter().collect();
        let t1 = Instant::now();
        let facts: Vec<_> = docs.iter().map(|d| fx.extract(d)).collect();
        let checked = if std::env::var("NORC").is_ok() { Default::default() } else { rc.reconcile(&refs, &facts, &dups) };
        tr += t1.elapsed().as_secs_f64();
        let t2 = Instant::now();
        let b = crosscheck_brief::Briefer::new().max_words(std::env::var("BW").ok().and_then(|w| w.parse().ok()).unwrap_or(words + words / 3)).max_sentences(usize::MAX).brief_with(&refs, &dups, crosscheck_brief::Evidence { claims: &checked.claims, conflicts: &checked.conflicts, entities: &checked.entities });
        tb += t2.elapsed().as_secs_f64();
        let text = b.sentences.iter().map(|s| s.text.as_str()).collect::<Vec<_>>().join("\n");
        if show.as_deref() == Some(c.id.as_str()) { for e in &checked.entities { println!("ENT {} {:?} {:?}", e.name, e.variants, e.articles.len()); } for cl in &checked.claims { println!("CLAIM {} {} {:?}", cl.independent_sources, cl.text, cl.value); } println!("{text}\n"); for r in &c.references { println!("REF: {r}\n"); } }
        if std::env::var("JUNK").is_ok() { for l in text.lines() { if l.contains('&') || l.contains("NYT") || l.to_lowercase().contains("optional") || l.contains("graf") { println!("JUNK {}: {l}", c.id); } } }
        if std::env::var("ALL").is_ok() { println!("== {}\n{text}", c.id); }
        let s = rouge.score_mean(&c.references, &truncate_words(&text, words));
        if c.is_event() { ev.push(s) } else { tr_.push(s) }
    }
    let e = Scores::mean(&ev); let r = Scores::mean(&tr_);
    println!("event R1 {:.2} R2 {:.2} | trec R1 {:.2} R2 {:.2} | brief {:.3}s reconcile {:.2}s total {:.2}s",
        100.0*e.rouge1.recall, 100.0*e.rouge2.recall, 100.0*r.rouge1.recall, 100.0*r.rouge2.recall, tb, tr, t.elapsed().as_secs_f64());
}
