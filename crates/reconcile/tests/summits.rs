//! Summit dates on invented stories written for these tests (invented
//! people and events; the countries are real, since the facts stage knows
//! countries from a compiled-in list): a leader's visit and a dated summit
//! of the same two countries that disagree on the month are one planted
//! conflict; near-misses must not be flagged — the same pair's summit in
//! another year, a minister's (not a leader's) visit, a summit marked as
//! another one, a summit named for a body, a visit to a third country.

mod common;
use common::{invented, run};
use crosscheck_facts::Extractor;
use crosscheck_model::{Article, Document};
use crosscheck_reconcile::{Reconciler, StoryFacts};
use crosscheck_text::Analyzer;

fn summit_conflicts(s: &StoryFacts) -> Vec<(String, Vec<String>)> {
    s.conflicts
        .iter()
        .filter(|k| k.subject.starts_with("summit of"))
        .map(|k| {
            (
                k.subject.clone(),
                k.sides.iter().map(|x| x.value.clone()).collect(),
            )
        })
        .collect()
}

fn summit_facts(s: &StoryFacts) -> Vec<(String, String)> {
    s.claims
        .iter()
        .filter_map(|c| {
            let subject = c.subject.as_deref()?;
            subject
                .starts_with("summit of")
                .then(|| (subject.to_string(), c.value.clone().unwrap_or_default()))
        })
        .collect()
}

/// Story S (invented): Chile's president visits Norway and the two sign a
/// fisheries pact. One outlet dates the visit in August, another puts the
/// summit in July: one planted conflict. Around it, near-misses.
fn story_s() -> Vec<Document> {
    vec![
        invented(
            "s1",
            "Harbour Times",
            "2026-09-10T08:00:00Z",
            "Chilean President Marta Olave visited Norway on 14 August, the first such trip in a \
             decade. Olave and Norwegian Prime Minister Eirik Dahl signed a fisheries pact in \
             Oslo, officials said.\n\n\
             Norwegian Prime Minister Eirik Dahl had visited Chile in November 2025, when the talks \
             began. Chilean Foreign Minister Pablo Reyes visited Oslo in June to prepare the pact.",
        ),
        invented(
            "s2",
            "Coastal Wire",
            "2026-09-11T09:00:00Z",
            "The fisheries pact was agreed at the July summit of Norway and Chile, officials said. \
             The two leaders agreed to hold a second summit in November. \
             Chile and Norway will also send ministers to the G20 summit in October.",
        ),
        invented(
            "s3",
            "Southern Ledger",
            "2026-09-11T11:00:00Z",
            "Olave flew on to Denmark. Chilean President Marta Olave visited Denmark on 20 \
             August, her office said.",
        ),
    ]
}

#[test]
fn a_visit_and_a_summit_of_one_pair_dated_in_two_months_conflict() {
    let docs = story_s();
    let s = run(&docs, &[]);
    let k = summit_conflicts(&s);
    assert_eq!(k.len(), 1, "{k:?}\nfacts: {:?}", summit_facts(&s));
    let (subject, sides) = &k[0];
    assert_eq!(subject, "summit of Chile and Norway");
    assert_eq!(sides.len(), 2, "{sides:?}");
    assert!(
        sides.iter().any(|v| v.starts_with("14 August")),
        "{sides:?}"
    );
    assert!(sides.iter().any(|v| v.starts_with("July")), "{sides:?}");
}

#[test]
fn summits_of_other_years_pairs_and_people_are_facts_not_conflicts() {
    let s = run(&story_s(), &[]);
    let facts = summit_facts(&s);
    // Dahl's visit to Chile in November 2025 is the pair's summit of another
    // year (ten months before: recent enough to be compared at all);
    // Olave's visit to Denmark is another pair's.
    assert!(
        facts
            .iter()
            .any(|(k, v)| k == "summit of Chile and Norway" && v == "November 2025"),
        "{facts:?}"
    );
    assert!(
        facts
            .iter()
            .any(|(k, v)| k == "summit of Chile and Denmark" && v.starts_with("20 August")),
        "{facts:?}"
    );
    // A foreign minister's visit, a summit marked as another one, and a
    // summit named for a body are no summit facts at all.
    for (k, v) in &facts {
        assert!(v != "June" && v != "November" && v != "October", "{k}: {v}");
    }
}

#[test]
fn the_same_pair_s_summit_earlier_in_the_same_year_conflicts() {
    // Dahl's visit moved into the year of the others: one summit of the
    // pair dated three ways. (In November 2025, as story S has it, only
    // the rule that summits in different years are different events keeps
    // it out: the first test fails without that rule.)
    let mut docs = story_s();
    docs[0] = invented(
        "s1",
        "Harbour Times",
        "2026-09-10T08:00:00Z",
        "Chilean President Marta Olave visited Norway on 14 August, the first such trip in a \
         decade. Norwegian Prime Minister Eirik Dahl had visited Chile in March, when the talks \
         began.",
    );
    let s = run(&docs, &[]);
    let k = summit_conflicts(&s);
    assert_eq!(k.len(), 1, "{k:?}");
    assert_eq!(k[0].1.len(), 3, "{k:?}");
}

/// Without a publication date, months stay as written ("July"); a month
/// still contradicts another month, whatever the year. Here one article
/// contradicts itself.
#[test]
fn an_article_without_a_date_contradicting_itself() {
    let text = "The pact follows the June summit of Chile and Norway, the embassy said. \
                In July, Chilean President Marta Olave had visited Norway and Dahl had visited \
                Chile last year.";
    let doc = Analyzer::english().analyse(Article {
        id: "u1".into(),
        source: Some("Undated Post".into()),
        title: None,
        url: None,
        published: None,
        text: text.into(),
        removed: vec![],
    });
    let facts = vec![Extractor::new().extract(&doc)];
    let s = Reconciler::new().reconcile(&[&doc], &facts, &[]);
    let k = summit_conflicts(&s);
    assert_eq!(k.len(), 1, "{k:?}");
    let mut sides = k[0].1.clone();
    sides.sort();
    assert_eq!(sides, ["July", "June"]);
    let cited: Vec<&str> = s.conflicts[0]
        .sides
        .iter()
        .flat_map(|x| &x.citations)
        .map(|c| c.article.as_str())
        .collect();
    assert_eq!(cited, ["u1", "u1"]);
}
