//! A flood (homes destroyed), a heatwave (the temperature reached, written
//! "41C", "44C", "105F" or "41 degrees Celsius") and a hostage siege
//! (hostages freed): planted conflicts that must be found, and agreeing
//! figures that must not conflict. All articles are invented.

mod common;
use common::{invented, run, sides};

fn flood(second: &str) -> crosscheck_reconcile::StoryFacts {
    let docs = [
        invented(
            "meridian/flood",
            "Meridian Press",
            "2026-07-20",
            "Floods in northern Tarvenia have destroyed 1,200 homes and damaged 5,000 more, the \
             interior ministry said on Monday. At least 9 people were killed.",
        ),
        invented(
            "observer/flood",
            "Capital Observer",
            "2026-07-20",
            &format!(
                "The floods destroyed {second} houses across northern Tarvenia, officials said."
            ),
        ),
    ];
    run(&docs, &[])
}

#[test]
fn homes_destroyed_conflict_unless_they_agree() {
    let facts = flood("2,100");
    assert_eq!(
        sides(&facts, "homes destroyed"),
        Some(vec!["1,200", "2,100"]),
        "{:#?}",
        facts.conflicts
    );
    // "damaged 5,000 more" is no side; the same count in other words agrees.
    let facts = flood("about 1,200");
    assert!(facts.conflicts.is_empty(), "{:#?}", facts.conflicts);
}

fn heat(second: &str) -> crosscheck_reconcile::StoryFacts {
    let docs = [
        invented(
            "meridian/heat",
            "Meridian Press",
            "2026-07-02",
            "Temperatures in Brellow reached 41C on Tuesday, the weather office said. \
             Temperatures were four degrees C above normal across the region.",
        ),
        invented(
            "observer/heat",
            "Capital Observer",
            "2026-07-02",
            &format!("The mercury hit {second} in Brellow on Tuesday, the weather office said."),
        ),
    ];
    run(&docs, &[])
}

#[test]
fn temperatures_in_any_unit_are_compared_in_celsius() {
    let facts = heat("44C");
    assert_eq!(
        sides(&facts, "temperature"),
        Some(vec!["41C", "44C"]),
        "{:#?}",
        facts.conflicts
    );
    for same in ["41 degrees Celsius", "105F"] {
        let facts = heat(same);
        assert!(facts.conflicts.is_empty(), "{same}: {:#?}", facts.conflicts);
    }
}

#[test]
fn hostages_freed_conflict() {
    let docs = [
        invented(
            "meridian/hostage",
            "Meridian Press",
            "2026-05-12",
            "Gunmen released 14 hostages on Monday after holding them for 11 days in a hotel in \
             Port Aldery, police said.",
        ),
        invented(
            "observer/hostage",
            "Capital Observer",
            "2026-05-12",
            "Twenty hostages were freed on Monday after an eight-day siege at a Port Aldery \
             hotel.",
        ),
    ];
    let facts = run(&docs, &[]);
    assert_eq!(
        sides(&facts, "hostages freed"),
        Some(vec!["14", "Twenty"]),
        "{:#?}",
        facts.conflicts
    );
}

#[test]
fn hostages_taken_are_not_hostages_freed() {
    let docs = [
        invented(
            "meridian/siege",
            "Meridian Press",
            "2026-05-03",
            "Gunmen seized 30 hostages at a hotel in Port Aldery on Friday, police said.",
        ),
        invented(
            "observer/siege",
            "Capital Observer",
            "2026-05-03",
            "Police said 12 hostages were freed from the Port Aldery hotel on Friday.",
        ),
    ];
    let facts = run(&docs, &[]);
    assert!(facts.conflicts.is_empty(), "{:#?}", facts.conflicts);
}

#[test]
fn a_rivers_level_conflicts_but_a_walls_height_is_no_level() {
    let docs = [
        invented(
            "meridian/river",
            "Meridian Press",
            "2026-07-20",
            "The river Varn rose to 6.2 metres on Sunday, its highest level in 40 years. A \
             flood wall 3 m high held in Brellow.",
        ),
        invented(
            "observer/river",
            "Capital Observer",
            "2026-07-20",
            "The Varn peaked at 8.1 metres on Sunday, officials said.",
        ),
    ];
    let facts = run(&docs, &[]);
    assert_eq!(
        sides(&facts, "water level"),
        Some(vec!["6.2 metres", "8.1 metres"]),
        "{:#?}",
        facts.conflicts
    );
    // "3 m high" is three metres, not a count of three million "high".
    assert!(
        !facts
            .claims
            .iter()
            .any(|c| c.subject.as_deref() == Some("high")),
        "{:#?}",
        facts.claims
    );
}

fn siege(second: &str) -> crosscheck_reconcile::StoryFacts {
    let docs = [
        invented(
            "meridian/siege-length",
            "Meridian Press",
            "2026-05-12",
            "Gunmen freed the last guests on Monday after holding them for 11 days in a hotel \
             in Port Aldery, police said.",
        ),
        invented(
            "observer/siege-length",
            "Capital Observer",
            "2026-05-12",
            &format!("The last guests walked out on Monday, ending {second} siege at a Port Aldery hotel."),
        ),
    ];
    run(&docs, &[])
}

#[test]
fn a_sieges_length_in_days_conflicts_unless_it_agrees() {
    let facts = siege("an eight-day");
    assert_eq!(
        sides(&facts, "siege"),
        Some(vec!["11 days", "eight-day"]),
        "{:#?}",
        facts.conflicts
    );
    // "an 11-day siege" is eleven days.
    let facts = siege("an 11-day");
    assert!(facts.conflicts.is_empty(), "{:#?}", facts.conflicts);
}

#[test]
fn hostages_held_conflict_but_the_remaining_ones_freed_are_no_total() {
    let docs = [
        invented(
            "meridian/bank",
            "Meridian Press",
            "2026-01-20",
            "Gunmen took 12 people hostage in a bank in central Varn on Monday, police said. \
             Police said four hostages had been freed by the evening. Some 80 people \
             held a vigil outside the bank.",
        ),
        invented(
            "observer/bank",
            "Capital Observer",
            "2026-01-21",
            "Police stormed the bank in central Varn on Tuesday, freeing the remaining eight \
             hostages. All 21 hostages held in the bank were safe, police chief Jurgen Voss \
             said.",
        ),
    ];
    let facts = run(&docs, &[]);
    assert_eq!(
        sides(&facts, "hostages held"),
        Some(vec!["12", "21"]),
        "{:#?}",
        facts.conflicts
    );
    assert_eq!(facts.conflicts.len(), 1, "{:#?}", facts.conflicts);
}
