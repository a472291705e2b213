//! A flood (people driven from their homes, the drowned), a plane crash
//! (a toll written as a part of those aboard) and a company's results (its
//! profit for a quarter): planted conflicts that must be found, and other
//! companies' figures, forecasts, revenue and results tables that must not
//! conflict. All articles are invented.

mod common;
use common::{conflict, sides, two_outlets, update};

#[test]
fn people_forced_from_their_homes_are_evacuated_and_the_drowned_are_killed() {
    let facts = two_outlets(
        (
            "2026-10-19",
            "Floods along the river Varn forced 12,000 people from their homes on Sunday, \
             and two people drowned, rescue services said.",
        ),
        (
            "2026-10-19",
            "About 21,000 people fled their homes as the river Varn burst its banks on \
             Sunday. Four people drowned.",
        ),
    );
    assert_eq!(
        sides(&facts, "people evacuated"),
        Some(vec!["12,000", "About 21,000"]),
        "{:#?}",
        facts.conflicts
    );
    assert_eq!(
        sides(&facts, "people killed"),
        Some(vec!["Four", "two"]),
        "{:#?}",
        facts.conflicts
    );
    // Forced to do something else, or fled from somewhere else: no one
    // left home.
    let facts = two_outlets(
        (
            "2026-10-19",
            "Floods along the river Varn forced 12,000 people from their homes on Sunday.",
        ),
        (
            "2026-10-19",
            "The flood forced 300 shops to close in Lenk, and 40 looters fled the scene.",
        ),
    );
    assert!(
        conflict(&facts, "people evacuated").is_none(),
        "{:#?}",
        facts.conflicts
    );
}

#[test]
fn a_toll_written_as_a_part_of_those_aboard_is_a_toll() {
    let facts = two_outlets(
        (
            "2026-02-09",
            "Nineteen people were killed when a plane with 86 people on board crashed near \
             Istava on Sunday.",
        ),
        (
            "2026-02-10",
            "Investigators found the recorders of the plane that crashed near Istava on \
             Sunday, killing 23 of the 86 people on board.",
        ),
    );
    assert!(facts.conflicts.is_empty(), "{:#?}", facts.conflicts);
    assert_eq!(
        update(&facts, "people killed"),
        ["Nineteen", "23"],
        "{:#?}",
        facts.updates
    );
    // "them" may be the toll itself: a part of it is no other toll.
    let facts = two_outlets(
        (
            "2026-02-09",
            "Gunmen have killed 52 police officers in the capital this year.",
        ),
        (
            "2026-02-09",
            "A rebel group claimed it had killed 22 of them.",
        ),
    );
    assert!(facts.conflicts.is_empty(), "{:#?}", facts.conflicts);
}

fn results(second: &str) -> crosscheck_reconcile::StoryFacts {
    two_outlets(
        (
            "2026-05-04",
            "Delvik Holdings said on Monday its net profit rose 18% to 412 million crowns in \
             the first quarter, on revenue of 2.1 billion crowns.",
        ),
        ("2026-05-04", second),
    )
}

#[test]
fn a_companys_profit_for_a_quarter_conflicts() {
    let facts = results(
        "Delvik Holdings posted a first-quarter net profit of 421 million crowns, up 18%, on \
         revenue of 2.1 billion crowns, the company said on Monday.",
    );
    assert_eq!(
        sides(&facts, "Delvik Holdings quarterly profit"),
        Some(vec!["412 million crowns", "421 million crowns"]),
        "{:#?}",
        facts.conflicts
    );
    // A wire's ticker symbol after the name is not the company's name.
    let facts = results(
        "Delvik Holdings <DLVK.O> posted a first-quarter net profit of 421 million crowns.",
    );
    assert_eq!(
        sides(&facts, "Delvik Holdings quarterly profit"),
        Some(vec!["412 million crowns", "421 million crowns"]),
        "{:#?}",
        facts.conflicts
    );
}

#[test]
fn other_companies_forecasts_years_and_results_tables_are_no_sides() {
    for second in [
        // Another company's profit.
        "Its rival Kestrel Group reported a first-quarter profit of 95 million crowns.",
        // A forecast.
        "The analysts' consensus for Delvik Holdings was a quarterly profit of 380 million \
         crowns.",
        // The year's profit.
        "Delvik Holdings made a profit of 1.6 billion crowns last year.",
        // A results table's line, per share and against a year before.
        "Delvik Holdings first quarter: shr profit 3.10 crowns vs 2.60 crowns.",
        // Revenue, not profit.
        "Delvik Holdings said its quarterly profit rose, on sales of 390 million crowns.",
        // The year before's profit, given as the comparison.
        "Delvik Holdings posted a quarterly loss after a profit of 390 million crowns a \
         year earlier.",
        // A sum far from the word "profit".
        "Delvik Holdings swung to a profit in the quarter and paid 250 million crowns in \
         dividends.",
    ] {
        let facts = results(second);
        assert!(
            facts.conflicts.is_empty(),
            "{second}: {:#?}",
            facts.conflicts
        );
    }
}

#[test]
fn a_profit_of_no_named_company_is_compared_with_nothing() {
    for (first, second) in [
        (
            "Net profit rose to 412 million crowns in the quarter.",
            "It posted a net profit of 95 million crowns in the quarter.",
        ),
        // A place is no company.
        (
            "In Port Aldery, net profit rose to 390 million crowns.",
            "In Port Aldery, net profit rose to 412 million crowns.",
        ),
    ] {
        let facts = two_outlets(("2026-05-04", first), ("2026-05-04", second));
        assert!(
            facts.conflicts.is_empty(),
            "{second}: {:#?}",
            facts.conflicts
        );
    }
}

#[test]
fn a_crash_sites_distance_from_one_place() {
    // (The jet's first year dates the jet: the sentence is no history.)
    let facts = two_outlets(
        (
            "2026-02-09",
            "The jet, which entered service in 2009, came down in a field 6 km from the \
             runway.",
        ),
        (
            "2026-02-09",
            "The jet came down 60 km from Istava airport on Sunday, a witness said.",
        ),
    );
    assert_eq!(
        sides(&facts, "distance from the airport"),
        Some(vec!["6 km", "60 km"]),
        "{:#?}",
        facts.conflicts
    );
    // Each against "came down 30 km from Lenk": a zone around a place, a
    // plant shut down, a place described before the event word, another
    // place, the same distance told two ways.
    for other in [
        "After the jet crashed, villages within 5 km of Lenk were cleared.",
        "Officials shut down a refinery 9 km from Lenk.",
        "A pumping station 14 km from Lenk was near the crash site.",
        "The jet came down 12 km from Varn on Sunday.",
        "It crashed about 30 km from Lenk.",
    ] {
        let facts = two_outlets(
            ("2026-02-09", "The jet came down 30 km from Lenk on Sunday."),
            ("2026-02-09", other),
        );
        assert!(
            facts.conflicts.is_empty(),
            "{other}: {:#?}",
            facts.conflicts
        );
    }
}
