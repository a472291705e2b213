//! An earthquake's magnitude and the aid pledged for it are facts outlets
//! state and contradict: 6.4 against 6.1, 50 million against 500 million.
//! An aftershock's magnitude is another tremor's. Aid from named givers
//! is each giver's own; "PM" is a title; a person's
//! office is not the person; a description names the institute another
//! report names in full.

mod common;
use common::{invented, run};

fn quake(magnitude: &str, aid: &str) -> crosscheck_reconcile::StoryFacts {
    let docs = [
        invented(
            "meridian/quake",
            "Meridian Press",
            "2026-08-10",
            "A magnitude 6.4 earthquake struck northern Tarvenia early on Monday, the Tarvenian \
             Seismological Institute said. Prime Minister Halvard Strøm promised 50 million \
             crowns in emergency aid. The Ostrian government pledged 5 million crowns in aid.",
        ),
        invented(
            "capital-observer/quake",
            "Capital Observer",
            "2026-08-10",
            &format!(
                "The magnitude {magnitude} tremor struck near Brellow shortly before 4 a.m., the \
                 seismological institute said. PM Strom pledged {aid} crowns in aid."
            ),
        ),
        invented(
            "evening-lantern/quake",
            "Evening Lantern",
            "2026-08-11",
            "The government has pledged 50 million crowns in emergency aid, according to Prime \
             Minister Halvard Strøm's office. The Korvel government pledged 8 million crowns in \
             aid. A magnitude 5.2 aftershock shook Brellow on Tuesday.",
        ),
    ];
    run(&docs, &[])
}

#[test]
fn magnitudes_and_pledges_that_differ_conflict() {
    let facts = quake("6.1", "500 million");
    let subjects: Vec<&str> = facts.conflicts.iter().map(|c| c.subject.as_str()).collect();
    assert!(subjects.contains(&"earthquake"), "{:#?}", facts.conflicts);
    let aid = facts
        .conflicts
        .iter()
        .find(|c| c.subject == "aid")
        .unwrap_or_else(|| panic!("{:#?}", facts.conflicts));
    // Two named governments' pledges are theirs alone.
    assert_eq!(aid.sides.len(), 2, "{aid:#?}");
}

#[test]
fn the_same_magnitude_and_pledge_agree_and_speakers_are_read_right() {
    let facts = quake("6.4", "50 million");
    assert!(facts.conflicts.is_empty(), "{:#?}", facts.conflicts);
    // "PM Strom" is Halvard Strøm, not a person named "PM Strom".
    assert!(
        facts
            .entities
            .iter()
            .any(|e| e.name == "Halvard Strøm" && e.variants.iter().any(|v| v == "Strom")),
        "{:#?}",
        facts.entities
    );
    assert!(
        !facts.entities.iter().any(|e| e.name.starts_with("PM")),
        "{:#?}",
        facts.entities
    );
    let speaker_of = |content: &str| {
        facts
            .statements
            .iter()
            .find(|s| s.content.starts_with(content))
            .unwrap_or_else(|| panic!("{:#?}", facts.statements))
            .speaker
            .clone()
    };
    assert_eq!(
        speaker_of("The government has pledged"),
        "Prime Minister Halvard Strøm's office"
    );
    assert_eq!(
        speaker_of("The magnitude"),
        "Tarvenian Seismological Institute"
    );
}
