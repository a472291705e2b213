//! A mine collapse (miners trapped, how deep, how many rescued), a storm
//! (homes without power, where and when it reached land), a drug seizure
//! (its weight in tonnes or kilograms, its street value), a derailment (the
//! train's speed, the carriages that left the track), job cuts (how many,
//! what share of the workforce, when the plant opened) and a parliamentary
//! vote (votes in favour, the day the budget passed, its spending on a
//! field): planted conflicts that must be found, and agreeing or unrelated
//! figures that must not conflict. All articles are invented.

mod common;
use common::{conflict, sides, two_outlets, update, values};
use crosscheck_reconcile::StoryFacts;

const MINE: &str = "Rescuers in northern Tarvenia were racing on Tuesday to reach 23 miners \
                    trapped 400 metres underground after a tunnel collapsed at the Delvik coal \
                    mine, the governor said.";

#[test]
fn miners_trapped_and_how_deep_conflict_on_one_day() {
    let facts = two_outlets(
        ("2026-03-10", MINE),
        (
            "2026-03-10",
            "Thirty-two miners remained trapped on Tuesday evening, 600 metres below the \
             surface, after a tunnel collapse at the Delvik mine, Korvel Mining said.",
        ),
    );
    assert_eq!(
        sides(&facts, "people trapped"),
        Some(vec!["23", "Thirty-two"]),
        "{:#?}",
        facts.conflicts
    );
    assert_eq!(
        sides(&facts, "depth"),
        Some(vec!["400 metres", "600 metres"]),
        "{:#?}",
        facts.conflicts
    );
}

#[test]
fn fewer_trapped_a_day_later_is_an_update_and_a_total_is_no_side() {
    let facts = two_outlets(
        ("2026-03-10", MINE),
        (
            "2026-03-11",
            "Fifteen miners were still trapped at the Delvik mine on Wednesday, 400 metres \
             below ground, Korvel Mining said. A total of 41 miners had been trapped by the \
             collapse.",
        ),
    );
    assert!(facts.conflicts.is_empty(), "{:#?}", facts.conflicts);
    assert_eq!(update(&facts, "people trapped"), ["23", "Fifteen"]);
}

#[test]
fn more_rescued_later_is_an_update_and_a_further_count_is_no_total() {
    let facts = two_outlets(
        (
            "2026-03-10",
            "Rescue teams have freed 11 miners so far at the Delvik mine, officials said.",
        ),
        (
            "2026-03-11",
            "Korvel Mining said 19 miners had been rescued from the Delvik mine. A further 6 \
             miners were rescued overnight.",
        ),
    );
    assert!(facts.conflicts.is_empty(), "{:#?}", facts.conflicts);
    assert_eq!(update(&facts, "people rescued"), ["11", "19"]);
}

#[test]
fn homes_without_power_conflict_but_customers_lost_are_no_outage() {
    let facts = two_outlets(
        (
            "2026-09-21",
            "Storm Orla left 200,000 homes without power on Sunday, the weather office said.",
        ),
        (
            "2026-09-21",
            "About 20,000 households were without electricity on Sunday night, Istava Power \
             said. The utility has lost 3,000 customers to rivals.",
        ),
    );
    assert_eq!(
        sides(&facts, "homes without power"),
        Some(vec!["200,000", "About 20,000"]),
        "{:#?}",
        facts.conflicts
    );
}

#[test]
fn a_storm_that_hit_the_coast_reached_land_then_but_a_coast_guard_does_not() {
    let facts = two_outlets(
        (
            "2026-09-21",
            "Storm Orla made landfall near Port Aldery on Sunday, the weather office said.",
        ),
        (
            "2026-09-22",
            "Storm Orla hit the coast near Port Aldery on Saturday night, police said.",
        ),
    );
    assert!(
        conflict(&facts, "landfall").is_some(),
        "{:#?}",
        facts.conflicts
    );
    let facts = two_outlets(
        (
            "2026-09-21",
            "Storm Orla made landfall near Port Aldery on Sunday, the weather office said.",
        ),
        (
            "2026-09-22",
            "Coast guard boats were out on Saturday, police said.",
        ),
    );
    assert!(facts.conflicts.is_empty(), "{:#?}", facts.conflicts);
}

fn seizure(second: &str) -> StoryFacts {
    two_outlets(
        (
            "2026-05-06",
            "Customs officers seized 1.2 tonnes of cocaine hidden in bananas at Port Aldery, \
             the ministry said. The drugs have a street value of about 40 million euros.",
        ),
        ("2026-05-06", second),
    )
}

#[test]
fn a_seizure_in_tonnes_or_kilograms_and_its_street_value() {
    let facts = seizure(
        "Customs officers found 1,200 kilograms of cocaine at Port Aldery, Ana Lind said. \
         The cocaine was worth about 40 million euros.",
    );
    assert!(facts.conflicts.is_empty(), "{:#?}", facts.conflicts);
    // 1,200 kilograms is the other outlet's 1.2 tonnes.
    let weight = facts
        .claims
        .iter()
        .find(|c| c.subject.as_deref() == Some("drugs seized"))
        .expect("a seizure's weight");
    assert_eq!(weight.independent_sources, 2, "{weight:#?}");
    let facts = seizure(
        "Police seized 2.1 tonnes of cocaine at Port Aldery, Ana Lind said. The haul is \
         worth 400 million euros on the street.",
    );
    assert_eq!(
        sides(&facts, "drugs seized"),
        Some(vec!["1.2 tonnes", "2.1 tonnes"]),
        "{:#?}",
        facts.conflicts
    );
    assert_eq!(
        sides(&facts, "street value of the drugs"),
        Some(vec!["400 million euros", "about 40 million euros"]),
        "{:#?}",
        facts.conflicts
    );
    // Without drugs in the sentence, tonnes found are no seizure.
    let facts = seizure("Geologists found 2.1 tonnes of copper ore near Port Aldery.");
    assert!(facts.conflicts.is_empty(), "{:#?}", facts.conflicts);
}

#[test]
fn a_trains_speed_conflicts_but_the_lines_limit_is_no_side() {
    let facts = two_outlets(
        (
            "2026-07-14",
            "The train was travelling at 120 km/h when six carriages left the track near \
             Varn, investigators said.",
        ),
        (
            "2026-07-14",
            "The train was going at 210 km/h on a curve near Varn, a union official said.",
        ),
    );
    assert_eq!(
        sides(&facts, "speed"),
        Some(vec!["120 km/h", "210 km/h"]),
        "{:#?}",
        facts.conflicts
    );
    let facts = two_outlets(
        (
            "2026-07-14",
            "The train was travelling at 120 km/h when six carriages left the track near \
             Varn, investigators said.",
        ),
        (
            "2026-07-15",
            "The train was travelling at about 120 km/h, under the 160 km/h limit, near \
             Varn, the rail operator said.",
        ),
    );
    assert!(facts.conflicts.is_empty(), "{:#?}", facts.conflicts);
}

#[test]
fn carriages_that_left_the_track_conflict_but_passengers_are_no_carriages() {
    let facts = two_outlets(
        (
            "2026-07-14",
            "Six carriages of the express left the track near Varn on Monday, \
             investigators said.",
        ),
        (
            "2026-07-14",
            "Nine carriages derailed near Varn on Monday. The train came off the rails \
             with 352 passengers on board.",
        ),
    );
    assert_eq!(
        sides(&facts, "carriages derailed"),
        Some(vec!["Nine", "Six"]),
        "{:#?}",
        facts.conflicts
    );
    // The same count in other words agrees; cars that "jumped" anything
    // but the track derailed nothing.
    for second in [
        "Six coaches came off the tracks near Varn.",
        "Four cars jumped the queue at the crossing near Varn.",
    ] {
        let facts = two_outlets(
            (
                "2026-07-14",
                "Six carriages of the express left the track near Varn on Monday.",
            ),
            ("2026-07-15", second),
        );
        assert!(
            conflict(&facts, "carriages derailed").is_none(),
            "{second}: {:#?}",
            facts.conflicts
        );
    }
}

fn cuts(second: &str) -> StoryFacts {
    two_outlets(
        (
            "2026-04-16",
            "Brennholm Foods will cut 1,500 jobs, about 12% of its workforce, the company \
             said on Thursday.",
        ),
        ("2026-04-16", second),
    )
}

#[test]
fn jobs_cut_and_their_share_of_the_workforce_conflict() {
    let facts = cuts(
        "Brennholm Foods said on Thursday it would shed 5,000 jobs, or 21 percent of its \
         staff.",
    );
    assert_eq!(
        sides(&facts, "jobs cut"),
        Some(vec!["1,500", "5,000"]),
        "{:#?}",
        facts.conflicts
    );
    let share = facts
        .conflicts
        .iter()
        .find(|c| c.attribute == "share of the workforce")
        .expect("a share conflict");
    assert_eq!(values(share), ["21 percent", "about 12%"]);
}

#[test]
fn a_temporary_layoff_the_staff_left_and_the_whole_workforce_are_no_cuts() {
    let facts = cuts(
        "Brennholm Foods temporarily laid off 900 workers for two weeks. It cut its staff to \
         610 employees from 1,900. It said it will cut about 1,500 of a total 12,000 jobs.",
    );
    assert!(facts.conflicts.is_empty(), "{:#?}", facts.conflicts);
}

#[test]
fn votes_in_favour_of_a_budget_conflict() {
    let first = (
        "2026-11-26",
        "Tarvenia's parliament approved the budget on Thursday by 98 votes to 52, Speaker \
         Arvid Kessler said.",
    );
    let facts = two_outlets(
        first,
        (
            "2026-11-26",
            "Lawmakers passed the budget on Thursday by 89 votes to 52.",
        ),
    );
    assert_eq!(
        sides(&facts, "votes in favour"),
        Some(vec!["89", "98"]),
        "{:#?}",
        facts.conflicts
    );
    let facts = two_outlets(
        first,
        ("2026-11-27", "The budget was approved by 98 votes to 52."),
    );
    assert!(facts.conflicts.is_empty(), "{:#?}", facts.conflicts);
}

#[test]
fn a_plants_opening_year_conflicts_but_its_founding_and_a_new_plant_are_other_facts() {
    let facts = two_outlets(
        (
            "2026-04-16",
            "Brennholm Foods will close its bakery in Port Aldery. The plant, which opened \
             in 1978, employs 640 people.",
        ),
        (
            "2026-04-17",
            "Unions vowed to fight the closure. The plant opened in 1987, union leader Tarvo \
             Lind said.",
        ),
    );
    assert_eq!(
        sides(&facts, "plant opened"),
        Some(vec!["1978", "1987"]),
        "{:#?}",
        facts.conflicts
    );
    let facts = two_outlets(
        (
            "2026-04-16",
            "The plant, which opened in 1978, employs 640 people.",
        ),
        (
            "2026-04-17",
            "Brennholm Foods, founded in 1921, will close the plant. It opened in 1987 \
             as a warehouse. The company's new plant opened in 2025.",
        ),
    );
    assert!(facts.conflicts.is_empty(), "{:#?}", facts.conflicts);
}

#[test]
fn a_budgets_spending_on_one_field_conflicts_but_other_fields_and_firms_do_not() {
    let facts = two_outlets(
        (
            "2026-11-26",
            "The budget raises defence spending to 4.2 billion crowns.",
        ),
        (
            "2026-11-26",
            "Defence spending will rise to 2.4 billion crowns, finance minister Mira Holm \
             said.",
        ),
    );
    assert_eq!(
        sides(&facts, "defence spending"),
        Some(vec!["2.4 billion crowns", "4.2 billion crowns"]),
        "{:#?}",
        facts.conflicts
    );
    for second in [
        "Health spending will rise to 2.4 billion crowns, Mira Holm said.",
        "Kestrel Steel will cut its capital spending to 2.4 billion crowns.",
        "Defence spending on new ships will rise to 2.4 billion crowns.",
    ] {
        let facts = two_outlets(
            (
                "2026-11-26",
                "The budget raises defence spending to 4.2 billion crowns.",
            ),
            ("2026-11-26", second),
        );
        assert!(
            facts.conflicts.is_empty(),
            "{second}: {:#?}",
            facts.conflicts
        );
    }
}

#[test]
fn a_budget_passed_on_another_day_conflicts_but_a_committees_vote_does_not() {
    let facts = two_outlets(
        (
            "2026-11-26",
            "Tarvenia's parliament approved the 2027 budget on Thursday by 98 votes to 52.",
        ),
        (
            "2026-11-27",
            "The opposition criticised the budget that parliament passed on Wednesday.",
        ),
    );
    assert_eq!(
        sides(&facts, "vote"),
        Some(vec!["Thursday (2026-11-26)", "Wednesday (2026-11-25)"]),
        "{:#?}",
        facts.conflicts
    );
    // The verb's object may stand between it and the day.
    let facts = two_outlets(
        (
            "2026-06-10",
            "Ostria's parliament passed the health reform bill on Tuesday.",
        ),
        (
            "2026-06-10",
            "Lawmakers approved the health reform bill on Monday, with 112 in favour.",
        ),
    );
    assert_eq!(
        sides(&facts, "vote"),
        Some(vec!["Monday (2026-06-08)", "Tuesday (2026-06-09)"]),
        "{:#?}",
        facts.conflicts
    );
    // A committee's vote is a step of its own, whenever it is reported.
    let facts = two_outlets(
        (
            "2026-06-10",
            "Ostria's parliament passed the health reform bill on Tuesday.",
        ),
        (
            "2026-06-11",
            "Doctors were divided over the reform. A health committee approved the bill on \
             May 28.",
        ),
    );
    assert!(facts.conflicts.is_empty(), "{:#?}", facts.conflicts);
    // A committee passes a bill before the chamber does: a day after every
    // report of the first step is the next step.
    let facts = two_outlets(
        (
            "2026-03-11",
            "A parliamentary committee approved the bill on Tuesday by 14 votes to 5.",
        ),
        ("2026-03-28", "The senate passed the bill on Friday."),
    );
    assert!(facts.conflicts.is_empty(), "{:#?}", facts.conflicts);
    // Only lawmaking is passed on a day: a board's approval is no vote of
    // the budget.
    let facts = two_outlets(
        (
            "2026-11-26",
            "Tarvenia's parliament approved the budget on Thursday.",
        ),
        ("2026-11-27", "The board approved the merger on Wednesday."),
    );
    assert!(facts.conflicts.is_empty(), "{:#?}", facts.conflicts);
}

#[test]
fn a_date_of_origin_leaves_a_figure_in_the_present() {
    let plant = |second: &str| {
        two_outlets(
            (
                "2026-04-16",
                "The bakery, which opened in 1978, employs 640 people, Brennholm Foods said.",
            ),
            ("2026-04-16", second),
        )
    };
    let facts = plant("The Port Aldery bakery employs 460 workers, the union said.");
    assert_eq!(
        sides(&facts, "employees"),
        Some(vec!["460", "640"]),
        "{:#?}",
        facts.conflicts
    );
    // A figure of an earlier year is still history.
    let facts = plant("In 1996 the Port Aldery bakery employed 460 workers, the union said.");
    assert!(facts.conflicts.is_empty(), "{:#?}", facts.conflicts);
}
