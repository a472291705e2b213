//! One figure written different ways by different outlets ("some 5.3
//! million" / "more than 5 million"; "an estimated 185 million crowns" for
//! the new stadium / "185 million crowns" for the new ground) is one
//! corroborated fact; figures that only look alike (two different lower
//! bounds, a bound and the number it excludes) stay apart, and a figure
//! every outlet gives as an expectation says so.

mod common;
use common::{invented, run};

use crosscheck_model::Claim;

fn with_subject<'a>(claims: &'a [Claim], subject: &str) -> Vec<&'a Claim> {
    claims
        .iter()
        .filter(|c| c.subject.as_deref() == Some(subject))
        .collect()
}

#[test]
fn one_figure_written_three_ways_is_one_fact() {
    let docs = [
        invented(
            "valden-post/loans",
            "Valden Post",
            "2026-05-04",
            "Some 4.2 million households in Ostria repay variable-rate loans, the statistics \
             office said on Monday.",
        ),
        invented(
            "lakeside-wire/loans",
            "Lakeside Wire",
            "2026-05-04",
            "More than 4 million households will feel the rise within weeks, lenders said on \
             Monday.",
        ),
        invented(
            "harbour-herald/loans",
            "Harbour Herald",
            "2026-05-05",
            "The 4.2 million households that hold variable-rate loans will pay more from June, \
             the Harbour Herald was told.",
        ),
    ];
    let facts = run(&docs, &[]);
    let households = with_subject(&facts.claims, "households");
    assert_eq!(households.len(), 1, "{:#?}", facts.claims);
    assert_eq!(households[0].independent_sources, 3);
    // Shown as its most precise statement.
    assert_eq!(households[0].value.as_deref(), Some("4.2 million"));
    // "households that hold" counts households; it is no capacity.
    assert!(
        facts
            .claims
            .iter()
            .all(|c| !c.subject.as_deref().unwrap_or("").starts_with("capacity")),
        "{:#?}",
        facts.claims
    );
}

#[test]
fn a_stadium_s_capacity_and_cost_in_other_words() {
    let docs = [
        invented(
            "valden-post/stadium",
            "Valden Post",
            "2026-05-04",
            "Kelmark Rovers will ask members to approve a move to a new 28,000-seat stadium. \
             The new stadium, on railway land at Osk Road, would cost an estimated 140 million \
             crowns. The club's nine-member board backed the plan.",
        ),
        invented(
            "lakeside-wire/stadium",
            "Lakeside Wire",
            "2026-05-05",
            "The new ground would hold 28,000 people. The club puts the cost of the new ground \
             at 140 million crowns.",
        ),
    ];
    let facts = run(&docs, &[]);
    let capacity = with_subject(&facts.claims, "capacity of the stadium");
    assert_eq!(capacity.len(), 1, "{:#?}", facts.claims);
    assert_eq!(capacity[0].independent_sources, 2);
    assert_eq!(capacity[0].value.as_deref(), Some("28,000"));
    let cost = with_subject(&facts.claims, "cost of the stadium");
    assert_eq!(cost.len(), 1, "{:#?}", facts.claims);
    assert_eq!(cost[0].independent_sources, 2);
    assert_eq!(cost[0].value.as_deref(), Some("140 million crowns"));
    // "a nine-member board" describes the board; it counts nothing.
    assert!(
        facts
            .claims
            .iter()
            .all(|c| c.value.as_deref() != Some("nine-member")),
        "{:#?}",
        facts.claims
    );
}

#[test]
fn bounds_and_neighbours_that_disagree_stay_apart() {
    let docs = [
        invented(
            "valden-post/quake-1",
            "Valden Post",
            "2026-05-04",
            "At least 74 people were killed in the earthquake, officials said. Police said more \
             than two people had been arrested for looting.",
        ),
        invented(
            "lakeside-wire/quake-1",
            "Lakeside Wire",
            "2026-05-04",
            "At least 82 people were killed in the earthquake, officials said. Police said two \
             people had been arrested for looting.",
        ),
        invented(
            "harbour-herald/quake-2",
            "Harbour Herald",
            "2026-05-05",
            "More than 150 people were killed in the earthquake, the government said.",
        ),
        invented(
            "evening-lantern/quake-2",
            "Evening Lantern",
            "2026-05-06",
            "The earthquake killed 151 people, the government said.",
        ),
        invented(
            "northgate-ledger/quake-2",
            "Northgate Ledger",
            "2026-05-07",
            "The earthquake killed 156 people, the government said.",
        ),
    ];
    let facts = run(&docs, &[]);
    let killed = with_subject(&facts.claims, "people killed");
    let values: Vec<&str> = killed.iter().filter_map(|c| c.value.as_deref()).collect();
    // Two lower bounds are two reports.
    assert!(values.contains(&"At least 74"), "{values:?}");
    assert!(values.contains(&"At least 82"), "{values:?}");
    // "More than 150" agrees with 151 and with 156, which disagree: it joins
    // one of them, never both.
    for c in &killed {
        let v = c.value.as_deref().unwrap_or("");
        assert!(c.citations.len() <= 2, "{v}: {c:#?}");
    }
    assert!(
        values.contains(&"151") && values.contains(&"156"),
        "{values:?}"
    );
    // "more than two" excludes two.
    let arrested = with_subject(&facts.claims, "people arrested");
    assert_eq!(arrested.len(), 2, "{arrested:#?}");
}

#[test]
fn a_figure_every_outlet_expects_says_so() {
    let docs = [
        invented(
            "valden-post/rate",
            "Valden Post",
            "2026-05-04",
            "The Bank of Ostria raised its main rate by half a percentage point on Monday. Most \
             analysts had expected a quarter-point rise.",
        ),
        invented(
            "lakeside-wire/rate",
            "Lakeside Wire",
            "2026-05-04",
            "The Bank of Ostria lifted its main rate by half a percentage point on Monday. Two \
             members of the committee preferred a quarter-point rise.",
        ),
    ];
    let facts = run(&docs, &[]);
    let shown: Vec<(&str, &str)> = facts
        .claims
        .iter()
        .filter_map(|c| Some((c.subject.as_deref()?, c.value.as_deref()?)))
        .collect();
    assert!(
        shown.contains(&("interest rate change", "half a percentage point")),
        "{shown:?}"
    );
    assert!(
        shown.contains(&(
            "interest rate change (expected or proposed)",
            "quarter-point"
        )),
        "{shown:?}"
    );
}

#[test]
fn a_fact_s_speaker_is_that_of_the_sentence_shown() {
    let docs = [
        invented(
            "valden-post/march",
            "Valden Post",
            "2026-05-04",
            "About 5,000 people marched through Tarvik on Saturday, the city police said.",
        ),
        invented(
            "lakeside-wire/march",
            "Lakeside Wire",
            "2026-05-04",
            "Mira Holm, who watched from a balcony, said about 5,000 people had marched past.",
        ),
    ];
    let facts = run(&docs, &[]);
    // Counted as a crowd: marchers.
    let people = with_subject(&facts.claims, "crowd");
    assert_eq!(people.len(), 1, "{:#?}", facts.claims);
    assert_eq!(people[0].independent_sources, 2);
    assert!(people[0].text.contains("marched through"), "{people:#?}");
    assert_eq!(
        people[0].speaker.as_deref(),
        Some("the city police"),
        "{people:#?}"
    );
}

/// Two outlets' sentences alike in their words but not in their figures
/// are not one fact stated twice: "some 40" taken to hospital is no second
/// source for "about 400" injured. With the same figure they are.
#[test]
fn alike_sentences_with_different_figures_do_not_corroborate() {
    let docs = |figure: &str| {
        [
            invented(
                "tarvik-times/ferry",
                "Tarvik Times",
                "2026-05-12",
                "Some 40 people were taken to hospital, the coast guard said.",
            ),
            invented(
                "evening-lantern/ferry",
                "Evening Lantern",
                "2026-05-12",
                &format!("About {figure} people were taken to hospital, hospital officials said."),
            ),
        ]
    };
    let corroborated = |figure: &str| {
        run(&docs(figure), &[])
            .claims
            .iter()
            .any(|c| c.independent_sources >= 2 && c.text.contains("hospital"))
    };
    assert!(!corroborated("400"));
    assert!(corroborated("40"));
}

/// One figure in common does not make two sentences one fact when their
/// other figures of the same kind differ: a rate that rose "to 7.9 percent
/// from 6.8 percent" is not one that rose "to 7.2 percent from 6.8
/// percent" (and the two rates conflict).
#[test]
fn a_shared_figure_does_not_make_different_rates_one_fact() {
    let docs = |rate: &str| {
        [
            invented(
                "tarvik-times/jobs",
                "Tarvik Times",
                "2026-06-02",
                "Unemployment in Tarvenia rose to 7.9 percent in May from 6.8 percent in April, \
                 the statistics office said.",
            ),
            invented(
                "evening-lantern/jobs",
                "Evening Lantern",
                "2026-06-02",
                &format!(
                    "Unemployment in Tarvenia rose to {rate} percent in May from 6.8 percent in \
                     April, the statistics office said."
                ),
            ),
        ]
    };
    let corroborated = |rate: &str| {
        run(&docs(rate), &[]).claims.iter().any(|c| {
            // A sentence stated twice (not the 6.8 percent both give).
            c.value.is_none() && c.independent_sources >= 2 && c.text.starts_with("Unemployment")
        })
    };
    assert!(!corroborated("7.2"));
    assert!(corroborated("7.9"));
    let facts = run(&docs("7.2"), &[]);
    assert!(
        facts
            .conflicts
            .iter()
            .any(|c| c.subject == "unemployment" && c.sides.len() == 2),
        "{:#?}",
        facts.conflicts
    );
}
