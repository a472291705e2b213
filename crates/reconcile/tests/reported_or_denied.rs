//! "Reported or denied": one outlet states what another's source denies
//! (a ransom paid, troops across a border). Refusals, rejected plans,
//! denials of names alone and one outlet's own reports are no such
//! conflict. All articles are invented.

mod common;
use common::{invented, run, two_outlets};
use crosscheck_reconcile::StoryFacts;

/// Two outlets' reports of one day.
fn two(first: &str, second: &str) -> StoryFacts {
    two_outlets(("2026-06-02", first), ("2026-06-02", second))
}

fn denied(facts: &StoryFacts) -> Vec<(&str, Vec<&str>, Vec<&str>)> {
    facts
        .conflicts
        .iter()
        .filter(|c| c.attribute == "reported or denied")
        .map(|c| {
            let side = |v: &str| {
                c.sides
                    .iter()
                    .find(|s| s.value == v)
                    .map(|s| s.speakers.iter().map(String::as_str).collect())
                    .unwrap_or_default()
            };
            (c.subject.as_str(), side("reported"), side("denied"))
        })
        .collect()
}

const PAID: &str = "Two Ostrian engineers kidnapped in Varn were freed on Monday. The Ostrian \
                    government paid a ransom of 2 million crowns for their release, a security \
                    source told the newspaper.";

#[test]
fn a_ransom_reported_paid_and_denied() {
    let facts = two(
        PAID,
        "The Ostrian government on Tuesday denied paying a ransom for the release of two \
         engineers kidnapped in Varn.",
    );
    assert_eq!(
        denied(&facts),
        [(
            "paying a ransom",
            vec!["a security source"],
            vec!["the Ostrian government"]
        )],
        "{:#?}",
        facts.conflicts
    );
}

#[test]
fn troops_reported_across_a_border_against_rejected_claims() {
    let facts = two(
        "Ostrian troops crossed the border into Tarvenia on Sunday, witnesses said.",
        "Ostria has rejected claims that its troops crossed the border.",
    );
    assert_eq!(denied(&facts).len(), 1, "{:#?}", facts.conflicts);
    // The words far apart in one sentence state something else.
    let facts = two(
        "Ostrian troops were seen near the village of Lenk on Sunday, while far to the south \
         a goods train crossed the old railway bridge at the border, witnesses said.",
        "Ostria has rejected claims that its troops crossed the border.",
    );
    assert!(denied(&facts).is_empty(), "{:#?}", facts.conflicts);
}

#[test]
fn a_refusal_a_rejected_plan_and_names_alone_are_no_denials() {
    // "refused to pay a ransom" agrees with the denial.
    let facts = two(
        "The government has refused to pay a ransom in past kidnappings, officials said.",
        "The Ostrian government denied paying a ransom for the engineers.",
    );
    assert!(denied(&facts).is_empty(), "{:#?}", facts.conflicts);
    // A plan rejected is no fact denied.
    let facts = two(
        "Brennholm Foods is closing the bakery plant in Port Aldery, the company said.",
        "The union rejected closing the bakery plant.",
    );
    assert!(denied(&facts).is_empty(), "{:#?}", facts.conflicts);
    // Names alone: any sentence naming both would "state" it.
    let facts = two(
        "Arvid Kessler met officials in Varn on Monday, the ministry said.",
        "His office denied that Kessler was in Varn.",
    );
    assert!(denied(&facts).is_empty(), "{:#?}", facts.conflicts);
}

#[test]
fn one_outlets_report_and_the_denial_it_carries_are_no_conflict() {
    let docs = [invented(
        "herald/a",
        "Harbour Herald",
        "2026-06-02",
        &format!(
            "{PAID} The Ostrian government denied paying a ransom for the release of the \
             engineers."
        ),
    )];
    let facts = run(&docs, &[]);
    assert!(denied(&facts).is_empty(), "{:#?}", facts.conflicts);
}
