//! A toll's parts, the newly counted, other storms' tolls, tolls of several
//! places and things that are no toll: none of them conflicts with the
//! toll. Each test also shows the conflict its near-miss does make, so the
//! rule under test is what keeps it away. All articles are invented.

mod common;
use common::{conflict, sides, story, two_outlets, update};

#[test]
fn groups_named_side_by_side_are_parts_of_the_toll() {
    let facts = two_outlets(
        (
            "2026-05-04",
            "A roadside bomb killed four guards and a driver outside Varn on Sunday.",
        ),
        (
            "2026-05-04",
            "Five people died in the bombing outside Varn on Sunday, the army said.",
        ),
    );
    assert!(facts.conflicts.is_empty(), "{:#?}", facts.conflicts);
    let facts = two_outlets(
        (
            "2026-05-04",
            "The collapse killed 17 miners and 5 rescuers at the Varn pit on Sunday.",
        ),
        (
            "2026-05-04",
            "Twenty-two people died at the Varn pit on Sunday, and two engineers and one \
             off-duty nurse were hurt.",
        ),
    );
    assert!(facts.conflicts.is_empty(), "{:#?}", facts.conflicts);
    // One group alone is the toll.
    let facts = two_outlets(
        (
            "2026-05-04",
            "A roadside bomb killed four guards outside Varn on Sunday.",
        ),
        (
            "2026-05-04",
            "Five people died in the bombing outside Varn on Sunday, the army said.",
        ),
    );
    assert_eq!(
        sides(&facts, "people killed"),
        Some(vec!["Five", "four"]),
        "{:#?}",
        facts.conflicts
    );
}

#[test]
fn the_newly_counted_beside_the_tolls_new_level_are_no_toll() {
    let facts = two_outlets(
        (
            "2026-03-15",
            "Six victims were pulled from the rubble of the Lenk market on Sunday, \
             taking the death toll to 57, the mayor said. The victims included four \
             pilgrims, three guides caught under a wall and a bus driver.",
        ),
        (
            "2026-03-16",
            "The death toll from the collapse of the Lenk market climbed to 59 on Monday, \
             after two women died in hospital.",
        ),
    );
    assert!(facts.conflicts.is_empty(), "{:#?}", facts.conflicts);
    assert_eq!(
        update(&facts, "people killed"),
        ["57", "59"],
        "{:#?}",
        facts.updates
    );
    // Another place's toll after the level is a toll.
    let facts = two_outlets(
        (
            "2026-03-16",
            "The toll in Brellow rose to 11 and the toll in Lenk rose to 64, and some 30 \
             people died in Varn, officials said.",
        ),
        ("2026-03-16", "In Varn, 8 people died, police said."),
    );
    let mut tolls: Vec<&str> = facts
        .claims
        .iter()
        .filter(|c| c.subject.as_deref() == Some("people killed"))
        .filter_map(|c| c.value.as_deref())
        .collect();
    tolls.sort_unstable();
    assert_eq!(tolls, ["11", "64", "8", "some 30"], "{:#?}", facts.claims);
}

#[test]
fn another_storms_toll_is_not_this_storms() {
    let facts = story(&[
        (
            "herald/lenka",
            "Harbour Herald",
            "2026-10-24",
            "Typhoon Lenka killed at least 37 people in Ostria on Friday. Typhoon Lenka then \
             turned north.\n\nTyphoon Orin, a month earlier, left 19 dead in Ostria.\n\n\
             The worst storm in memory came ashore in September 1962.\n\n\
             That typhoon killed 1,480 people in Ostria.",
        ),
        (
            "observer/lenka",
            "Capital Observer",
            "2026-10-24",
            "Typhoon Lenka killed 37 people in Ostria on Friday, officials said.",
        ),
    ]);
    assert!(facts.conflicts.is_empty(), "{:#?}", facts.conflicts);
    // Named as this story's storm, the same toll conflicts.
    let facts = story(&[
        (
            "herald/lenka",
            "Harbour Herald",
            "2026-10-24",
            "Typhoon Lenka killed at least 37 people in Ostria on Friday. Typhoon Lenka then \
             turned north.\n\nTyphoon Orin left 19 dead in Tarvenia.",
        ),
        (
            "observer/lenka",
            "Capital Observer",
            "2026-10-24",
            "Typhoon Lenka killed 19 people in Ostria on Friday, officials said.",
        ),
    ]);
    assert_eq!(
        sides(&facts, "people killed"),
        Some(vec!["19", "at least 37"]),
        "{:#?}",
        facts.conflicts
    );
}

#[test]
fn the_storm_of_the_first_sentences_is_the_storys() {
    let facts = story(&[
        (
            "herald/orin",
            "Harbour Herald",
            "2026-10-24",
            "Typhoon Orin killed 26 people in Ostria on Monday. It was no match for Typhoon \
             Lenka, which struck in 2011. Typhoon Lenka flattened the coast. Lenka is still \
             remembered.",
        ),
        (
            "observer/orin",
            "Capital Observer",
            "2026-10-24",
            "Typhoon Orin killed 260 people in Ostria on Monday, officials said.",
        ),
    ]);
    assert_eq!(
        sides(&facts, "people killed"),
        Some(vec!["26", "260"]),
        "{:#?}",
        facts.conflicts
    );
}

#[test]
fn a_month_of_that_year_is_the_year_named_before() {
    let facts = two_outlets(
        (
            "2026-10-05",
            "The dam was finished in May 2004, and a mudslide killed 3,900 people in Lenk in \
             August that year.",
        ),
        (
            "2026-10-05",
            "The mudslide killed 23 people in Lenk on Sunday, officials said.",
        ),
    );
    assert!(facts.conflicts.is_empty(), "{:#?}", facts.conflicts);
    let dated: Vec<&str> = facts.timeline.iter().map(|e| e.date.as_str()).collect();
    assert!(dated.contains(&"2004-08"), "{:#?}", facts.timeline);
    assert!(!dated.contains(&"2026-08"), "{:#?}", facts.timeline);
}

#[test]
fn a_toll_naming_no_place_is_not_compared_with_one_place_of_several() {
    let facts = story(&[
        (
            "herald/cold",
            "Harbour Herald",
            "2026-12-07",
            "In Ostria, 18 people have died of the frost, officials said. In Tarvenia, at \
             least 9 people died in crashes on icy roads.",
        ),
        (
            "observer/cold",
            "Capital Observer",
            "2026-12-07",
            "Snowploughs freed dozens of stranded lorries, but four drivers froze to death \
             in their cabs.",
        ),
    ]);
    assert!(
        conflict(&facts, "people killed").is_none(),
        "{:#?}",
        facts.conflicts
    );
    // With one place named, the figure naming none is its toll.
    let facts = story(&[
        (
            "herald/cold",
            "Harbour Herald",
            "2026-12-07",
            "In Ostria, 18 people have died of the frost, officials said.",
        ),
        (
            "observer/cold",
            "Capital Observer",
            "2026-12-07",
            "Snowploughs freed dozens of stranded lorries, but four drivers froze to death \
             in their cabs.",
        ),
    ]);
    assert_eq!(
        sides(&facts, "people killed"),
        Some(vec!["18", "four"]),
        "{:#?}",
        facts.conflicts
    );
}

#[test]
fn graves_livestock_raffles_survivors_and_the_identified_are_no_toll() {
    let facts = two_outlets(
        (
            "2026-10-25",
            "Typhoon Lenka killed 33 people in Ostria. The dead will be laid to rest in three \
             mass graves near the harbour. The storm also drowned about 9,000 head of sheep. \
             So far only 11 bodies have been identified.",
        ),
        (
            "2026-10-25",
            "The lottery board will hold four special raffles to help the victims of the \
             typhoon. Some 8,000 Ostrian typhoon victims still sleep in tents. Typhoon \
             Lenka killed 33 people.",
        ),
    );
    assert!(facts.conflicts.is_empty(), "{:#?}", facts.conflicts);
    // A count of the dead that is one does conflict.
    let facts = two_outlets(
        (
            "2026-10-25",
            "Typhoon Lenka killed 33 people in Ostria. Divers recovered 11 bodies off Ostria \
             by Sunday night.",
        ),
        ("2026-10-25", "Typhoon Lenka killed 33 people."),
    );
    assert_eq!(
        sides(&facts, "people killed"),
        Some(vec!["11", "33"]),
        "{:#?}",
        facts.conflicts
    );
}

#[test]
fn a_list_ends_at_a_verb_and_a_noun_of_the_dead_counts_them_all() {
    let facts = two_outlets(
        (
            "2026-08-08",
            "Twin truck bombs killed 138 people, including 9 Tarvenians, and wounded some \
             700 people. The worst toll, 310 dead and 9,000 without shelter, was in Varn.",
        ),
        (
            "2026-08-08",
            "The bombs wounded 250 people, police said. Sixty people died in Varn.",
        ),
    );
    assert_eq!(
        sides(&facts, "people injured"),
        Some(vec!["250", "some 700"]),
        "{:#?}",
        facts.conflicts
    );
    assert_eq!(
        sides(&facts, "people killed"),
        Some(vec!["138", "310", "Sixty"]),
        "{:#?}",
        facts.conflicts
    );
}
