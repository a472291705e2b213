//! Entities as newswire writes them: a company with and without its legal
//! form, named far more often after "from"/"to" than with "Corp."; a
//! possessive that joins two names ("Kestrel's Lumen") or belongs to one
//! ("St Oda's Hospital"); a sentence adverb before a name.

mod common;
use common::{invented, run};

#[test]
fn companies_possessives_and_sentence_adverbs() {
    let docs = [
        invented(
            "valden-post/kestrel-suit",
            "Valden Post",
            "1999-02-03",
            "ORMAND CITY (AP) — Kestrel Systems Corp. was sued on Tuesday by the state of Ormand. Buyers said \
             they had been pushed away from Kestrel for years. A memo sent to Kestrel in \
             March described the plan. Officials said Kestrel's Lumen browser was the \
             target. Maybe Halvard Strom knew, said one lawyer.",
        ),
        invented(
            "lakeside-wire/kestrel",
            "Lakeside Wire",
            "1999-02-03",
            "The state's lawyers, led by Arlo Prentiss, want money from Kestrel. Prentiss \
             spoke for an hour. Halvard Strom, the founder of \
             Kestrel Systems, was treated at St Oda's Hospital after the hearing. Letters \
             from Kestrel were read in court.",
        ),
    ];
    let facts = run(&docs, &[]);
    let entity = |name: &str| {
        facts
            .entities
            .iter()
            .find(|e| e.name == name || e.variants.iter().any(|v| v == name))
            .unwrap_or_else(|| panic!("no entity {name}: {:#?}", facts.entities))
    };
    let kestrel = entity("Kestrel Systems Corp");
    assert_eq!(kestrel.kind, "organization", "{kestrel:?}");
    for v in ["Kestrel", "Kestrel Systems"] {
        assert!(kestrel.variants.iter().any(|x| x == v), "{kestrel:?}");
    }
    assert_eq!(entity("Lumen").kind, "other");
    assert!(
        !facts.entities.iter().any(|e| e.name.contains("Kestrel's")),
        "{:#?}",
        facts.entities
    );
    assert_eq!(entity("St Oda's Hospital").name, "St Oda's Hospital");
    // A dateline's wire in brackets is not the initials of a person.
    assert!(
        !entity("Arlo Prentiss").variants.iter().any(|v| v == "AP"),
        "{:#?}",
        facts.entities
    );
    let strom = entity("Halvard Strom");
    assert_eq!(strom.name, "Halvard Strom");
    assert!(
        !facts.entities.iter().any(|e| e.name.starts_with("Maybe")),
        "{:#?}",
        facts.entities
    );
}
