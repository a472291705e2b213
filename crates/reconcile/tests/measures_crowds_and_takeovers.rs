//! Figures written in two units, crowds counted by two sides, strikes and
//! takeovers: planted conflicts that must be found, and agreeing figures
//! that must not conflict. All articles are invented.

mod common;
use common::{invented, run};

fn subjects(facts: &crosscheck_reconcile::StoryFacts) -> Vec<String> {
    facts
        .conflicts
        .iter()
        .map(|c| format!("{} ({})", c.subject, c.attribute))
        .collect()
}

fn fire(second_area: &str, second_day: &str) -> crosscheck_reconcile::StoryFacts {
    let docs = [
        invented(
            "meridian/fire",
            "Meridian Press",
            "2026-09-15",
            "A wildfire near Korvel has burned 12,000 hectares since it broke out on Saturday, \
             fire officials said. Winds of up to 90 km/h fanned the flames.",
        ),
        invented(
            "observer/fire",
            "Capital Observer",
            "2026-09-15",
            &format!(
                "The blaze, which broke out on {second_day}, has scorched {second_area} of \
                 forest. Gusts of 56 mph drove the flames. Five people died in the fire on \
                 Monday."
            ),
        ),
    ];
    run(&docs, &[])
}

#[test]
fn an_area_in_acres_agrees_with_the_same_area_in_hectares() {
    let facts = fire("about 30,000 acres", "Saturday");
    assert!(facts.conflicts.is_empty(), "{:#?}", facts.conflicts);
    // One figure, stated by both outlets.
    assert!(
        facts
            .claims
            .iter()
            .any(|c| c.subject.as_deref() == Some("area burned") && c.independent_sources == 2),
        "{:#?}",
        facts.claims
    );
}

#[test]
fn a_different_area_and_start_day_of_a_fire_conflict() {
    let facts = fire("120,000 hectares", "Friday");
    let found = subjects(&facts);
    assert!(
        found.contains(&"area burned (area)".to_string()),
        "{found:?}"
    );
    assert!(found.contains(&"fire (date)".to_string()), "{found:?}");
    // "died in the fire on Monday": a fire burns for days, and only
    // "broke out" dates its start.
    let day = facts
        .conflicts
        .iter()
        .find(|c| c.subject == "fire")
        .unwrap();
    assert_eq!(day.sides.len(), 2, "{day:#?}");
}

fn storm(landfall: &str, wind: &str) -> crosscheck_reconcile::StoryFacts {
    let docs = [
        invented(
            "meridian/storm",
            "Meridian Press",
            "2026-11-02",
            "Storm Kestrel made landfall near Port Aldery on Thursday night with winds of 185 \
             km/h, the weather office said. About 200,000 homes lost power.",
        ),
        invented(
            "observer/storm",
            "Capital Observer",
            "2026-11-03",
            &format!(
                "Storm Kestrel came ashore near Port Aldery on {landfall} night, packing winds \
                 of {wind}. The storm killed 17 people, police said."
            ),
        ),
        invented(
            "lantern/storm",
            "Evening Lantern",
            "2026-11-04",
            "Winds eased to 60 km/h on Tuesday as Storm Kestrel moved inland.",
        ),
    ];
    run(&docs, &[])
}

#[test]
fn the_landfall_day_and_wind_conflict_but_a_wind_inland_does_not() {
    let facts = storm("Wednesday", "150 km/h");
    let found = subjects(&facts);
    assert!(found.contains(&"landfall (date)".to_string()), "{found:?}");
    let wind = facts
        .conflicts
        .iter()
        .find(|c| c.subject == "wind speed at landfall")
        .unwrap_or_else(|| panic!("{found:?}"));
    // The storm's wind two days later inland is no side.
    assert_eq!(wind.sides.len(), 2, "{wind:#?}");
}

#[test]
fn a_wind_in_mph_agrees_with_the_same_wind_in_km_h() {
    let facts = storm("Thursday", "up to 115 mph");
    assert!(facts.conflicts.is_empty(), "{:#?}", facts.conflicts);
}

#[test]
fn police_and_organisers_give_two_crowds() {
    let docs = [
        invented(
            "meridian/protest",
            "Meridian Press",
            "2026-05-10",
            "Organisers said 100,000 people took part, while police estimated the crowd at \
             20,000.",
        ),
        invented(
            "lantern/protest",
            "Evening Lantern",
            "2026-05-11",
            "About 20,000 people marched in Brellow on Saturday, police said. Only members \
             can vote; 9,200 members are eligible to take part.",
        ),
    ];
    let facts = run(&docs, &[]);
    let crowd = facts
        .conflicts
        .iter()
        .find(|c| c.subject == "crowd")
        .unwrap_or_else(|| panic!("{:#?}", facts.conflicts));
    let values: Vec<&str> = crowd.sides.iter().map(|s| s.value.as_str()).collect();
    // "20,000" and "About 20,000" are one side, each written as stated.
    assert_eq!(values, ["100,000", "20,000 / About 20,000"], "{crowd:#?}");
    // Each side says who gives it: the dispute is between organisers and
    // police, not between the two outlets.
    let speakers: Vec<&[String]> = crowd.sides.iter().map(|s| s.speakers.as_slice()).collect();
    assert_eq!(
        speakers,
        [&["Organisers".to_string()][..], &["police".to_string()][..]],
        "{crowd:#?}"
    );
    assert_eq!(crowd.sides[1].citations.len(), 2, "{crowd:#?}");
    // Those who may take part are no crowd.
    assert!(!values.iter().any(|v| v.contains("9,200")), "{values:?}");
    // The police said the smaller figure.
    assert!(
        facts
            .statements
            .iter()
            .any(|s| s.speaker == "police" && s.content.contains("20,000")),
        "{:#?}",
        facts.statements
    );
}

#[test]
fn strikers_counted_the_same_day_conflict_and_a_missile_strike_is_no_strike() {
    let docs = [
        invented(
            "meridian/strike",
            "Meridian Press",
            "2026-03-05",
            "Some 8,000 rail workers walked off the job on Tuesday, the union said.",
        ),
        invented(
            "observer/strike",
            "Capital Observer",
            "2026-03-05",
            "Nearly 18,000 railway workers went on strike on Tuesday. A missile strike on \
             Monday killed 40 soldiers elsewhere.",
        ),
    ];
    let facts = run(&docs, &[]);
    let found = subjects(&facts);
    assert!(
        found.contains(&"workers on strike (count)".to_string()),
        "{found:?}"
    );
    assert!(
        !facts
            .claims
            .iter()
            .any(|c| c.subject.as_deref() == Some("workers on strike")
                && c.value.as_deref() == Some("40")),
        "{:#?}",
        facts.claims
    );
}

fn takeover(price: &str, per_share: &str) -> crosscheck_reconcile::StoryFacts {
    let docs = [
        invented(
            "meridian/deal",
            "Meridian Press",
            "2026-10-05",
            "Brennholm Foods has agreed to buy Istava Dairy for 2.4 billion euros ($2.6 \
             billion), the companies said. Brennholm will pay 31 euros a share in cash.",
        ),
        invented(
            "lantern/deal",
            "Evening Lantern",
            "2026-10-06",
            &format!(
                "Brennholm Foods said it would buy Istava Dairy for {price}. Shareholders of \
                 Istava will receive {per_share} per share. Net profit was 2 euros a share."
            ),
        ),
    ];
    run(&docs, &[])
}

#[test]
fn a_takeover_price_and_price_per_share_that_differ_conflict() {
    let facts = takeover("4.2 billion euros", "€13");
    let found = subjects(&facts);
    assert!(
        found.contains(&"Istava Dairy (price)".to_string()),
        "{found:?}"
    );
    assert!(
        found.contains(&"Istava Dairy (price per share)".to_string()),
        "{found:?}"
    );
    // The price in dollars is no side: two currencies are not compared.
    let price = facts
        .conflicts
        .iter()
        .find(|c| c.attribute == "price")
        .unwrap();
    assert_eq!(price.sides.len(), 2, "{price:#?}");
}

#[test]
fn the_same_takeover_terms_in_another_currency_symbol_agree() {
    let facts = takeover("€2.4bn", "31 euros");
    assert!(facts.conflicts.is_empty(), "{:#?}", facts.conflicts);
}
