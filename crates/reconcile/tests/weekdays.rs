//! A weekday read in two different weeks because the reports were
//! published a week apart is the same day named, not a conflict; a weekday
//! against a written date, or two different weekdays, still conflicts.

mod common;
use common::{invented, run};

#[test]
fn the_same_weekday_read_a_week_apart_is_no_conflict() {
    let docs = [
        // A Thursday preview: no future marker, so "Friday" is read as the
        // Friday before.
        invented(
            "valden-post/ballot",
            "Valden Post",
            "2026-10-22",
            "Fearing a low turnout in the key vote Friday, clerics urged Ormand's voters to \
             take part.",
        ),
        invented(
            "lakeside-wire/ballot",
            "Lakeside Wire",
            "2026-10-24",
            "Turnout in Friday's vote in Ormand was the lowest in 20 years, officials said.",
        ),
        invented(
            "harbour-times/ballot",
            "Harbour Times",
            "2026-10-25",
            "Ormand's clerics blamed the weather for the low turnout in Friday's vote.",
        ),
    ];
    let facts = run(&docs, &[]);
    assert!(
        !facts.conflicts.iter().any(|c| c.attribute == "date"),
        "{:#?}",
        facts.conflicts
    );
}

#[test]
fn a_weekday_against_another_weekday_still_conflicts() {
    let docs = [
        invented(
            "valden-post/ballot",
            "Valden Post",
            "2026-10-24",
            "Turnout in Thursday's vote in Ormand was the lowest in 20 years, officials said.",
        ),
        invented(
            "lakeside-wire/ballot",
            "Lakeside Wire",
            "2026-10-24",
            "Turnout in Friday's vote in Ormand was the lowest in 20 years, officials said.",
        ),
    ];
    let facts = run(&docs, &[]);
    assert!(
        facts.conflicts.iter().any(|c| c.attribute == "date"),
        "{:#?}",
        facts.conflicts
    );
}
