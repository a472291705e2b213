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

/// Two outlets' sentences about one trip are not one fact when they date
/// different events: an arrival on Wednesday is not a departure on Monday
/// (the report's own day, "… said on Tuesday", does not count). The same
/// sentences on the same weekday still corroborate each other.
#[test]
fn sentences_dating_events_on_different_weekdays_do_not_corroborate() {
    let docs = |second_day: &str| {
        [
            invented(
                "valden-post/visit",
                "Valden Post",
                "2026-10-27",
                "Hanmor's Foreign Minister Pyon Sol-hwa arrived in Drevania and will visit \
                 Staromir on Wednesday, according to Drevanian state-run media.",
            ),
            invented(
                "lakeside-wire/visit",
                "Lakeside Wire",
                "2026-10-27",
                &format!(
                    "Hanmor's Foreign Minister Pyon Sol-hwa left for Staromir on an official \
                     visit on {second_day}, Hanmor's state-run news agency said on Tuesday."
                ),
            ),
        ]
    };
    let corroborated = |day: &str| {
        run(&docs(day), &[])
            .claims
            .iter()
            .any(|c| c.independent_sources >= 2 && c.text.contains("Pyon Sol-hwa"))
    };
    assert!(!corroborated("Monday"));
    assert!(corroborated("Wednesday"));
}

/// A capsizing or a derailment dated on two different weekdays conflicts
/// like a blast does; the day of what someone said about the event, or of
/// what someone else did afterwards, is not the event's.
#[test]
fn a_capsizing_on_two_weekdays_conflicts_but_not_the_day_it_was_spoken_of() {
    let ferry = |id: &str, outlet: &str, text: &str| invented(id, outlet, "2026-05-13", text);
    let monday = || {
        ferry(
            "tarvik-times/ferry",
            "Tarvik Times",
            "A passenger ferry capsized on Lake Varn on Monday evening, the coast guard said.",
        )
    };
    let facts = run(
        &[
            monday(),
            ferry(
                "capital-observer/ferry",
                "Capital Observer",
                "The ferry that capsized on Lake Varn on Sunday had failed an inspection in \
                 March.",
            ),
        ],
        &[],
    );
    assert!(
        facts
            .conflicts
            .iter()
            .any(|c| c.attribute == "date" && c.sides.len() == 2),
        "{:#?}",
        facts.conflicts
    );

    let facts = run(
        &[
            monday(),
            ferry(
                "capital-observer/ferry",
                "Capital Observer",
                "The mother of a deckhand who died in the capsizing of the Varn ferry said \
                 Tuesday she was proud of him.",
            ),
            ferry(
                "evening-lantern/ferry",
                "Evening Lantern",
                "Families of those lost in the capsizing of the Morrow Star collected their \
                 compensation on Wednesday.",
            ),
        ],
        &[],
    );
    assert!(
        !facts.conflicts.iter().any(|c| c.attribute == "date"),
        "{:#?}",
        facts.conflicts
    );
}
