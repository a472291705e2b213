//! Tolls for different places are different counts, not a conflict; the
//! same place with different tolls on the same day still is.

mod common;
use common::{invented, run};

#[test]
fn tolls_of_different_places_do_not_conflict() {
    let docs = [
        invented(
            "valden-post/storm",
            "Valden Post",
            "2026-09-02",
            "Typhoon Tessel killed at least 40 people in Ormand province on Tuesday, \
             officials said.",
        ),
        invented(
            "lakeside-wire/storm",
            "Lakeside Wire",
            "2026-09-02",
            "The storm killed 12 people in Varn, the regional governor said on Tuesday.",
        ),
    ];
    let facts = run(&docs, &[]);
    assert!(facts.conflicts.is_empty(), "{:#?}", facts.conflicts);
}

#[test]
fn the_same_place_with_different_tolls_conflicts() {
    let docs = [
        invented(
            "valden-post/storm",
            "Valden Post",
            "2026-09-02",
            "Typhoon Tessel killed 40 people in Ormand province on Tuesday, officials said.",
        ),
        invented(
            "lakeside-wire/storm",
            "Lakeside Wire",
            "2026-09-02",
            "The storm killed 400 people in Ormand province, the regional governor said on \
             Tuesday.",
        ),
    ];
    let facts = run(&docs, &[]);
    assert_eq!(facts.conflicts.len(), 1, "{:#?}", facts.conflicts);
}

/// Figures from a sentence dated in an earlier year are history, and a
/// poll's margin of error is not a rate: neither conflicts with the story's
/// figures.
#[test]
fn history_and_poll_margins_do_not_conflict() {
    let docs = [
        invented(
            "valden-post/vote",
            "Valden Post",
            "2026-10-20",
            "The central bank raised its main interest rate by two percentage points on \
             Monday. After the election of 1996, the Unity party held 75 seats.",
        ),
        invented(
            "lakeside-wire/vote",
            "Lakeside Wire",
            "2026-10-20",
            "The bank lifted its main interest rate by two percentage points on Monday. The \
             poll had a margin of error of plus or minus three percentage points. The Unity \
             party holds 41 seats, officials said on Monday.",
        ),
    ];
    let facts = run(&docs, &[]);
    assert!(facts.conflicts.is_empty(), "{:#?}", facts.conflicts);
}

/// A sentence that goes on about an event the sentence before dated in an
/// earlier year ("… in March 2019. The blast, which killed 30, …") is
/// history too; in a new paragraph, the same words are the story's own
/// figure and conflict.
#[test]
fn a_sentence_about_an_earlier_year_s_event_is_history() {
    let story = |between: &str| {
        [
            invented(
                "valden-post/ferry",
                "Valden Post",
                "2026-10-20",
                "An explosion on the Kestrel ferry killed 12 people on Monday, officials \
                 said.",
            ),
            invented(
                "lakeside-wire/ferry",
                "Lakeside Wire",
                "2026-10-20",
                &format!(
                    "An explosion on the Kestrel ferry killed 12 people on Monday. Inspectors \
                     have watched the fleet since an explosion aboard the Tarvik ferry in \
                     March 2019.{between}The explosion, which killed 30 people, led to new \
                     rules."
                ),
            ),
        ]
    };
    let facts = run(&story(" "), &[]);
    assert!(facts.conflicts.is_empty(), "{:#?}", facts.conflicts);
    let facts = run(&story("\n\n"), &[]);
    assert_eq!(facts.conflicts.len(), 1, "{:#?}", facts.conflicts);
}

/// Two invented reports of one day by two outlets.
fn two_reports(first: &str, second: &str) -> [crosscheck_model::Document; 2] {
    [
        invented("valden-post/depot", "Valden Post", "2026-08-14", first),
        invented("lakeside-wire/depot", "Lakeside Wire", "2026-08-14", second),
    ]
}

/// A toll in a sentence that names no place is for the place the sentence
/// before names or means ("here": the dateline's town); against a toll
/// named for another town it is no conflict. The same two tolls with no
/// place to tell them apart still conflict.
#[test]
fn a_toll_takes_the_place_of_the_sentence_before_and_here_is_the_dateline() {
    let located = two_reports(
        "PORT ALDERY, Varesia — The depot stayed closed on Friday.\n\nInspectors said \
         that a faulty valve had caused the blast here.\n\nIt set off the fire, which \
         killed 6 workers.",
        "The second blast in Tarvik killed more than 40 workers.",
    );
    let facts = run(&located, &[]);
    assert!(facts.conflicts.is_empty(), "{:#?}", facts.conflicts);
    let unlocated = two_reports(
        "The depot stayed closed on Friday.\n\nInspectors said that a faulty valve had \
         caused the blast.\n\nIt set off the fire, which killed 6 workers.",
        "The second blast killed more than 40 workers.",
    );
    let facts = run(&unlocated, &[]);
    assert_eq!(facts.conflicts.len(), 1, "{:#?}", facts.conflicts);
}

/// A toll of several attacks and a smaller toll of one attack need not
/// agree (one may be part of the other); two totals of the attacks that
/// differ do conflict.
#[test]
fn one_attack_s_toll_is_no_conflict_with_the_attacks_total() {
    let part = two_reports(
        "The explosions at the two depots killed 31 workers.",
        "The blast at the east depot killed 6 workers.",
    );
    let facts = run(&part, &[]);
    assert!(facts.conflicts.is_empty(), "{:#?}", facts.conflicts);
    let totals = two_reports(
        "The explosions at the two depots killed 31 workers.",
        "The explosions at the depots killed more than 40 workers.",
    );
    let facts = run(&totals, &[]);
    assert_eq!(facts.conflicts.len(), 1, "{:#?}", facts.conflicts);
}
