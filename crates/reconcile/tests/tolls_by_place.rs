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
