//! The seventh batch of invented stories, written before the fixes they
//! led to: a bridge collapse (vehicles in the river; the year it opened;
//! a toll that rises while the injured die), a prisoner exchange (how
//! many a side; the day) and a data breach (customers whose data was
//! taken, beside the company's standing total); then the eighth, below. Counts of a plain noun that no concept
//! reads ("11 vehicles", "48 prisoners") conflict when two outlets give
//! them on one day. All articles are invented.

mod common;
use common::{sides, story, subjects, two_outlets, update};

const BRIDGE_HERALD: &str = "BRELLOW (Harbour Herald) — A road bridge over the Tarve river in \
     Brellow collapsed during the morning rush hour on Tuesday, sending 11 vehicles into the \
     water and killing at least six people, the regional fire service said.\n\nAdvertisement\n\n\
     Rescuers pulled 23 people from the river, 9 of them with serious injuries. The 310-metre \
     bridge opened in 1974 and was last inspected in March, the transport ministry said.";

#[test]
fn bridge_vehicles_opening_year_and_a_rising_toll() {
    let facts = story(&[
        ("b-herald", "Harbour Herald", "2026-10-14", BRIDGE_HERALD),
        (
            "b-observer",
            "Capital Observer",
            "2026-10-14",
            "Six people died when the Tarve bridge in Brellow gave way on Tuesday morning, \
             officials said. Some 14 vehicles plunged into the river.\n\nThe bridge, 310 \
             metres long, was opened in 1978. Transport Minister Ana Lind said an inquiry \
             would report within six weeks.\n\nPhoto: Divers search the river on Tuesday.",
        ),
        (
            "b-meridian",
            "Meridian",
            "2026-10-15",
            "The death toll from the collapse of the Tarve bridge in Brellow rose to eight on \
             Wednesday after two of the injured died in hospital, the fire service said.\n\n\
             Eleven vehicles fell into the river when the bridge gave way on Tuesday, the \
             service said.",
        ),
    ]);
    assert_eq!(
        subjects(&facts),
        ["bridge opened", "vehicles"],
        "{:#?}",
        facts.conflicts
    );
    assert_eq!(sides(&facts, "vehicles"), Some(vec!["11", "Some 14"]));
    assert_eq!(sides(&facts, "bridge opened"), Some(vec!["1974", "1978"]));
    assert_eq!(
        update(&facts, "people killed"),
        ["Six / at least six", "eight"]
    );
}

#[test]
fn a_count_of_another_day_is_no_conflict() {
    // The Meridian's eleven vehicles, a day later, against the Observer's
    // 14 alone: a later figure may be a change.
    let facts = story(&[
        (
            "b-observer",
            "Capital Observer",
            "2026-10-14",
            "Six people died when the Tarve bridge in Brellow gave way on Tuesday morning. \
             Some 14 vehicles plunged into the river.",
        ),
        (
            "b-meridian",
            "Meridian",
            "2026-10-15",
            "Eleven vehicles fell into the river when the bridge gave way on Tuesday, the \
             fire service said.",
        ),
    ]);
    assert!(subjects(&facts).is_empty(), "{:#?}", facts.conflicts);
}

#[test]
fn people_are_counted_in_too_many_ways_to_conflict() {
    // Those rescued and those at a vigil: "people" says too little of
    // what is counted.
    let facts = two_outlets(
        (
            "2026-10-14",
            "Rescuers pulled 23 people from the river in Brellow on Tuesday.",
        ),
        (
            "2026-10-14",
            "About 200 people gathered for a vigil by the river on Tuesday evening.",
        ),
    );
    assert!(subjects(&facts).is_empty(), "{:#?}", facts.conflicts);
}

#[test]
fn prisoners_exchanged_a_side() {
    let herald = "Ostria and Tarvenia exchanged 48 prisoners each on Saturday at a border \
                  crossing near Korvel, in the largest swap since the ceasefire, the Ostrian \
                  foreign ministry said.\n\nForeign Minister Halvard Strom said talks on a \
                  second exchange would begin in September.";
    let facts = story(&[
        ("x-herald", "Harbour Herald", "2026-08-02", herald),
        (
            "x-observer",
            "Capital Observer",
            "2026-08-02",
            "Tarvenia and Ostria swapped 84 prisoners each on Saturday at the Korvel \
             crossing, Tarvenian officials said.\n\nclose",
        ),
        (
            "x-meridian",
            "Meridian",
            "2026-08-03",
            "Families of those still held gathered in the Tarvenian capital on Sunday, a day \
             after the swap of prisoners near Korvel.\n\nThe exchange took place on Friday, \
             according to the Tarvenian defence ministry.",
        ),
    ]);
    assert_eq!(
        subjects(&facts),
        ["prisoner exchange", "prisoners"],
        "{:#?}",
        facts.conflicts
    );
    assert_eq!(sides(&facts, "prisoners"), Some(vec!["48", "84"]));
    assert_eq!(
        sides(&facts, "prisoner exchange"),
        Some(vec!["Friday (2026-07-31)", "Saturday (2026-08-01)"])
    );

    // An outlet that counts prisoners two ways (those freed, those still
    // held) says nothing certain of either: no conflict.
    let facts = two_outlets(
        ("2026-08-02", herald),
        (
            "2026-08-02",
            "Tarvenia and Ostria swapped 84 prisoners each on Saturday at the Korvel \
             crossing. Another 300 prisoners remain in Ostrian camps, officials said.",
        ),
    );
    assert!(subjects(&facts).is_empty(), "{:#?}", facts.conflicts);
}

#[test]
fn customers_whose_data_was_taken_not_the_standing_total() {
    let facts = two_outlets(
        (
            "2026-03-10",
            "Kestrel Telecom said on Tuesday that hackers had stolen the personal data of 2.3 \
             million customers, including names, addresses and dates of birth.",
        ),
        (
            "2026-03-10",
            "The personal details of about 3.2 million Kestrel Telecom customers were taken \
             in a cyberattack, the company said on Tuesday. Kestrel has 4.1 million \
             customers in all.",
        ),
    );
    assert_eq!(subjects(&facts), ["customers"], "{:#?}", facts.conflicts);
    assert_eq!(
        sides(&facts, "customers"),
        Some(vec!["2.3 million", "about 3.2 million"])
    );
}

// The eighth batch, written after the seventh's fixes: a teachers'
// strike (how many walked out; the pay rise offered, beside the union's
// demand), stolen paintings and containers lost overboard (beside the
// ship's load).

#[test]
fn teachers_on_strike_and_the_rise_offered_not_the_one_demanded() {
    let facts = two_outlets(
        (
            "2026-02-18",
            "About 12,000 teachers walked out across Tarvenia on Tuesday in a dispute over \
             pay, the Tarvenian Teachers' Union said, closing more than 400 schools.\n\nThe \
             union is demanding a pay rise of 8%, while the education ministry has offered \
             4.5%.",
        ),
        (
            "2026-02-18",
            "Some 21,000 teachers went on strike on Tuesday, union officials said. The \
             ministry's offer of a 5.4% rise was rejected last week.",
        ),
    );
    assert_eq!(
        subjects(&facts),
        ["pay rise offered", "teachers on strike"],
        "{:#?}",
        facts.conflicts
    );
    assert_eq!(
        sides(&facts, "pay rise offered"),
        Some(vec!["4.5%", "5.4%"])
    );
    let offered = facts
        .conflicts
        .iter()
        .find(|c| c.subject == "pay rise offered")
        .expect("a conflict");
    let speakers: Vec<&str> = offered
        .sides
        .iter()
        .flat_map(|s| s.speakers.iter().map(String::as_str))
        .collect();
    assert!(speakers.contains(&"the ministry"), "{speakers:?}");
}

#[test]
fn paintings_stolen_and_containers_lost_not_the_load() {
    let facts = two_outlets(
        (
            "2026-05-25",
            "Thieves broke into the National Gallery in Istava early on Sunday and stole \
             seven paintings, police said.",
        ),
        (
            "2026-05-25",
            "Five paintings were stolen from Istava's National Gallery overnight into Sunday, \
             the police said.",
        ),
    );
    assert_eq!(sides(&facts, "paintings"), Some(vec!["Five", "seven"]));

    // What they are worth, given in the sentence after the theft's.
    let facts = two_outlets(
        (
            "2026-05-25",
            "Thieves broke into the National Gallery in Istava early on Sunday and stole \
             seven paintings, police said.\n\nThe paintings are worth about 30 million \
             euros, according to the gallery's director, Tarvo Lind.",
        ),
        (
            "2026-05-25",
            "Five paintings were stolen from Istava's National Gallery overnight into \
             Sunday. Gallery director Tarvo Lind put their value at 3 million euros.",
        ),
    );
    assert_eq!(
        sides(&facts, "value of what was stolen"),
        Some(vec!["3 million euros", "about 30 million euros"])
    );
    // Offences named in a list are no theft that took place: the loans
    // are worth what they are worth.
    let facts = two_outlets(
        (
            "2026-05-25",
            "Breaches of discipline include bribery, theft and false accounting. Loans worth \
             4 billion crowns were arranged this year, Ana Lind said.",
        ),
        (
            "2026-05-25",
            "Fraud, robbery and theft were all on the rise. Loans worth 9 billion crowns were \
             arranged this year, the ministry said.",
        ),
    );
    assert!(subjects(&facts).is_empty(), "{:#?}", facts.conflicts);

    let facts = two_outlets(
        (
            "2026-01-12",
            "The container ship Morrow Star lost 40 containers overboard in a storm off \
             Delvik on Sunday, the coast guard said. The ship was carrying about 4,000 \
             containers.",
        ),
        (
            "2026-01-12",
            "Some 400 containers fell from the Morrow Star off Delvik during Sunday's storm, \
             the coast guard said.",
        ),
    );
    assert_eq!(subjects(&facts), ["containers"], "{:#?}", facts.conflicts);
    assert_eq!(sides(&facts, "containers"), Some(vec!["40", "Some 400"]));
}

// The ninth batch, written after the eighth's fixes: a dam that burst
// (villages flooded, people driven from their homes, the day; a toll
// found by rescuers "on Tuesday"), a cabin crew strike (flights
// cancelled) and a bank siege (hostages).

#[test]
fn a_dam_burst_villages_evacuees_and_the_day() {
    let facts = story(&[
        (
            "d-herald",
            "Harbour Herald",
            "2026-06-09",
            "LENK (Harbour Herald) — An earthen dam above the village of Lenk burst on \
             Monday after days of heavy rain, flooding 12 villages and forcing about 3,000 \
             people from their homes, regional officials said.\n\nTwo people were killed.",
        ),
        (
            "d-observer",
            "Capital Observer",
            "2026-06-09",
            "The Lenk dam gave way on Sunday night, officials said, sending water through 21 \
             villages. Around 13,000 residents were evacuated.\n\nAt least two people died.",
        ),
        (
            "d-meridian",
            "Meridian",
            "2026-06-10",
            "Rescuers on Tuesday found the bodies of three more people after the dam burst \
             near Lenk, bringing the death toll to five.",
        ),
    ]);
    assert_eq!(
        subjects(&facts),
        ["incident", "people evacuated", "villages"],
        "{:#?}",
        facts.conflicts
    );
    assert_eq!(
        sides(&facts, "incident"),
        Some(vec!["Monday (2026-06-08)", "Sunday night (2026-06-07)"])
    );
    assert_eq!(
        sides(&facts, "people evacuated"),
        Some(vec!["Around 13,000", "about 3,000"])
    );
    assert_eq!(
        update(&facts, "people killed"),
        ["Two / At least two", "five"]
    );
    // The toll of five is no day's word.
    let five = facts
        .updates
        .iter()
        .find(|u| u.subject == "people killed")
        .and_then(|u| u.values.last())
        .expect("an update");
    assert!(five.speakers.is_empty(), "{:?}", five.speakers);
}

#[test]
fn flights_cancelled_are_no_strikers() {
    let facts = two_outlets(
        (
            "2026-07-21",
            "Kestrel Air cancelled 340 flights on Tuesday as cabin crew walked out over pay, \
             affecting about 45,000 passengers, the airline said.",
        ),
        (
            "2026-07-21",
            "Kestrel Air scrapped 430 flights on Tuesday because of a cabin crew strike, the \
             carrier said. About 45,000 travellers were affected.",
        ),
    );
    assert_eq!(subjects(&facts), ["flights"], "{:#?}", facts.conflicts);
    assert_eq!(sides(&facts, "flights"), Some(vec!["340", "430"]));
}

// The two the seventh and ninth batches missed: a board's vote written as
// a tally, and strikers counted as "of its members" by one outlet and as
// a collective noun ("cabin crew") by the other.

#[test]
fn a_vote_tally_against_another() {
    let facts = two_outlets(
        (
            "2026-04-16",
            "The Bank of Tarvenia's board voted 5-2 on Thursday to raise its main rate to 4.5 \
             percent, the bank said.",
        ),
        (
            "2026-04-16",
            "Tarvenia's central bank raised its main rate to 4.5 percent on Thursday in a 4–3 \
             vote of its board.",
        ),
    );
    assert_eq!(
        subjects(&facts),
        ["votes in favour"],
        "{:#?}",
        facts.conflicts
    );
    assert_eq!(sides(&facts, "votes in favour"), Some(vec!["4–3", "5-2"]));
    // The same tally written out agrees.
    let facts = two_outlets(
        (
            "2026-04-16",
            "The Bank of Tarvenia's board voted 5-2 on Thursday to raise its main rate.",
        ),
        (
            "2026-04-16",
            "Tarvenia's central bank board approved the rise by five votes to two on Thursday.",
        ),
    );
    assert!(subjects(&facts).is_empty(), "{:#?}", facts.conflicts);
    // Two votes of a chamber: of other sizes, or on other days.
    for (day, tally) in [("2026-04-16", "41-12"), ("2026-04-17", "4-3")] {
        let facts = two_outlets(
            (
                "2026-04-16",
                "The Bank of Tarvenia's board voted 5-2 on Thursday to raise its main rate.",
            ),
            (
                day,
                &format!("Tarvenia's parliament voted {tally} to back the central bank's rise."),
            ),
        );
        assert!(
            subjects(&facts).is_empty(),
            "{tally}: {:#?}",
            facts.conflicts
        );
    }
}

#[test]
fn members_on_strike_against_cabin_crew() {
    let facts = two_outlets(
        (
            "2026-07-21",
            "The cabin crew union said 2,100 of its members walked out at Kestrel Air on \
             Tuesday.",
        ),
        (
            "2026-07-21",
            "About 1,200 cabin crew went on strike at Kestrel Air on Tuesday, the airline said.",
        ),
    );
    assert_eq!(
        subjects(&facts),
        ["workers on strike"],
        "{:#?}",
        facts.conflicts
    );
    assert_eq!(
        sides(&facts, "workers on strike"),
        Some(vec!["2,100", "About 1,200"])
    );
}
