//! An outbreak (people fallen ill, still in hospital, the first case's
//! date), an earthquake's clock time, a fire's start, a pay offer in a
//! strike and the strikers however they are named, and how figures that changed are listed: planted conflicts that
//! must be found, and agreeing or unrelated figures that must not conflict.
//! All articles are invented.

mod common;
use common::{conflict, invented, run, sides, two_outlets, update};

#[test]
fn an_outbreaks_sick_patients_and_first_case_conflict() {
    let facts = two_outlets(
        (
            "2026-09-02",
            "A cholera outbreak in Port Aldery has killed nine people and sickened 140, the \
             health ministry said. The first case was reported on August 21. About 40 people \
             are in hospital.",
        ),
        (
            "2026-09-02",
            "Nine people have died of cholera in Port Aldery, where 410 people have fallen ill \
             since the first case on August 12. Some 400 people are in hospital.",
        ),
    );
    assert_eq!(sides(&facts, "people fallen ill"), Some(vec!["140", "410"]));
    assert_eq!(
        sides(&facts, "people in hospital"),
        Some(vec!["About 40", "Some 400"])
    );
    assert!(
        conflict(&facts, "first case").is_some(),
        "{:#?}",
        facts.conflicts
    );
}

#[test]
fn the_ill_the_discharged_and_cases_of_other_things_are_no_outbreak_counts() {
    let facts = two_outlets(
        (
            "2026-09-02",
            "A cholera outbreak in Port Aldery has sickened 140 people. About 40 people are in \
             hospital. The first case was reported on August 21.",
        ),
        (
            "2026-09-02",
            "Police are investigating 410 cases of fraud at Port Aldery. Some 400 people were \
             released from hospital. Some 12 cholera patients are critically ill. The court \
             case over the water company began on August 5.",
        ),
    );
    assert!(facts.conflicts.is_empty(), "{:#?}", facts.conflicts);
}

#[test]
fn a_quakes_clock_time_conflicts() {
    let facts = two_outlets(
        (
            "2026-02-14",
            "The magnitude 6.8 quake struck eastern Istava at about 4:10 a.m. on Friday.",
        ),
        (
            "2026-02-15",
            "The quake struck eastern Istava at 5:10 a.m. on Friday, officials said.",
        ),
    );
    assert_eq!(
        sides(&facts, "incident"),
        Some(vec!["4:10 a.m.", "5:10 a.m."]),
        "{:#?}",
        facts.conflicts
    );
}

#[test]
fn a_fire_that_started_on_another_day_conflicts() {
    let facts = two_outlets(
        (
            "2026-08-03",
            "A wildfire that broke out on Saturday near Brellow has burned 4,500 hectares.",
        ),
        (
            "2026-08-03",
            "The fire near Brellow, which started on Friday evening, has scorched about 11,000 \
             acres.",
        ),
    );
    assert!(conflict(&facts, "fire").is_some(), "{:#?}", facts.conflicts);
    // A start that is not a fire's dates no fire.
    let facts = two_outlets(
        (
            "2026-08-03",
            "A wildfire that broke out on Saturday near Brellow has burned 4,500 hectares.",
        ),
        (
            "2026-08-03",
            "Talks on the Brellow bypass started on Friday, the council said.",
        ),
    );
    assert!(facts.conflicts.is_empty(), "{:#?}", facts.conflicts);
}

#[test]
fn a_pay_offer_conflicts_but_a_stake_offered_is_none() {
    let facts = two_outlets(
        (
            "2026-10-05",
            "Port operator Kestrel Terminals said it had offered a 4% rise to the dockers.",
        ),
        (
            "2026-10-05",
            "Kestrel Terminals said it had offered a 6% pay rise. It also offered a 9% stake \
             to a buyer.",
        ),
    );
    assert_eq!(
        sides(&facts, "pay rise offered"),
        Some(vec!["4%", "6%"]),
        "{:#?}",
        facts.conflicts
    );
}

#[test]
fn dockers_and_dock_workers_are_one_group_of_strikers_but_seamen_another() {
    let facts = two_outlets(
        (
            "2026-10-05",
            "About 3,500 dock workers walked off the job at Port Aldery on Monday.",
        ),
        (
            "2026-10-05",
            "Some 5,300 dockers went on strike at Port Aldery on Monday.",
        ),
    );
    assert_eq!(
        sides(&facts, "workers on strike"),
        Some(vec!["About 3,500", "Some 5,300"]),
        "{:#?}",
        facts.conflicts
    );
    let facts = two_outlets(
        (
            "2026-10-05",
            "About 3,500 dockers walked off the job at Port Aldery on Monday.",
        ),
        (
            "2026-10-05",
            "Some 5,300 seafarers went on strike at Port Aldery on Monday, joined by \
             3,500 dock workers.",
        ),
    );
    assert!(facts.conflicts.is_empty(), "{:#?}", facts.conflicts);
    // Seafarers are seamen.
    let facts = two_outlets(
        (
            "2026-10-05",
            "Some 5,300 seafarers went on strike at Port Aldery on Monday.",
        ),
        (
            "2026-10-05",
            "About 900 seamen walked out at Port Aldery on Monday.",
        ),
    );
    assert_eq!(
        sides(&facts, "seamen on strike"),
        Some(vec!["About 900", "Some 5,300"]),
        "{:#?}",
        facts.conflicts
    );
}

#[test]
fn figures_that_changed_leave_out_one_figure_written_twice_and_run_in_order() {
    let facts = two_outlets(
        (
            "2026-10-05",
            "About 3,500 dock workers walked off the job at Port Aldery on Monday. The quake \
             killed at least 31 people, officials said.",
        ),
        (
            "2026-10-05",
            "The strike by 3,500 dock workers at Port Aldery went on. At least 48 people \
             were killed by the quake, the ministry said.",
        ),
    );
    assert!(
        !facts
            .updates
            .iter()
            .any(|u| u.subject == "workers on strike"),
        "{:#?}",
        facts.updates
    );
    assert_eq!(
        update(&facts, "people killed"),
        ["at least 31", "At least 48"]
    );
}

#[test]
fn one_figure_written_in_two_units_is_one_step_of_a_change() {
    let docs = [
        invented(
            "herald/a",
            "Harbour Herald",
            "2026-08-03",
            "A wildfire near Brellow has burned 4,500 hectares, the fire service said.",
        ),
        invented(
            "observer/b",
            "Capital Observer",
            "2026-08-03",
            "The fire near Brellow has scorched about 11,000 acres, the fire service said.",
        ),
        invented(
            "lantern/c",
            "Evening Lantern",
            "2026-08-04",
            "Firefighters contained the wildfire near Brellow after it had burned 6,000 \
             hectares.",
        ),
    ];
    let facts = run(&docs, &[]);
    assert_eq!(
        update(&facts, "area burned"),
        [
            "4,500 hectares / about 11,000 acres (about 4,500 hectares)",
            "6,000 hectares"
        ]
    );
}
