//! Entities as newswire writes them: a company with and without its legal
//! form, named far more often after "from"/"to" than with "Corp."; a
//! possessive that joins two names ("Kestrel's Lumen") or belongs to one
//! ("St Oda's Hospital"); a sentence adverb before a name; Arabic names with
//! and without their article, and a people written before names; surnames
//! with their particle; datelines in capitals; storms, parties and bodies
//! told by their description; a preposition governing the noun after a
//! name; airlines' short names; initials with full stops; middle names and
//! familiar first names.

mod common;
use common::{invented, run};
use crosscheck_model::Entity;
use crosscheck_reconcile::StoryFacts;

/// The entity with this name or variant.
fn entity<'a>(facts: &'a StoryFacts, name: &str) -> &'a Entity {
    facts
        .entities
        .iter()
        .find(|e| e.name == name || e.variants.iter().any(|v| v == name))
        .unwrap_or_else(|| panic!("no entity {name}: {:#?}", facts.entities))
}

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
    let entity = |name: &str| entity(&facts, name);
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

#[test]
fn places_told_by_the_words_around_them_and_names_told_by_more_use() {
    let docs = [
        invented(
            "valden-post/corridor",
            "Valden Post",
            "2026-03-11",
            "Vellmark's foreign minister, Pyon Sol-hwa, arrived on Wednesday. The ferry will link \
             the port of Tarvik with the Oskel peninsula. Pyon met traders at the docks. \
             Supporters of Kelmark Rovers will vote in June.",
        ),
        invented(
            "lakeside-wire/corridor",
            "Lakeside Wire",
            "2026-03-11",
            "Foreign Minister Byeon Sol-hwa flew in from Vellmark. Pyon said the talks went well. \
             Ferries to the Dutch islands were cancelled. Halvard Strom's government fell in May.",
        ),
    ];
    let facts = run(&docs, &[]);
    let entity = |name: &str| {
        facts
            .entities
            .iter()
            .find(|e| e.variants.iter().any(|v| v == name))
            .unwrap_or_else(|| panic!("no entity {name}: {:#?}", facts.entities))
    };
    for place in ["Vellmark", "Tarvik", "Oskel"] {
        assert_eq!(entity(place).kind, "place", "{:#?}", entity(place));
    }
    // A demonym before a place word names no place; a person's government
    // does not make the person a country.
    assert!(
        !facts
            .entities
            .iter()
            .any(|e| e.kind == "place" && e.variants.iter().any(|v| v == "Dutch")),
        "{:#?}",
        facts.entities
    );
    assert_eq!(entity("Halvard Strom").kind, "person");
    // "Supporters of …" opening a sentence is a common noun.
    assert!(
        !facts.entities.iter().any(|e| e.name == "Supporters"),
        "{:#?}",
        facts.entities
    );
    // Both spellings are one person, named by the one the articles go on
    // using ("Pyon").
    let pyon = entity("Byeon Sol-hwa");
    assert_eq!(pyon.name, "Pyon Sol-hwa", "{pyon:#?}");
}

/// A country under its official name, acronym and adjective is the
/// country, named by its common name; its capital stays a city; a body
/// named after a country is not the country.
#[test]
fn countries_under_other_names() {
    let docs = [
        invented(
            "harbour-times/pact",
            "Harbour Times",
            "2026-09-10",
            "Officials of the Russian Federation met delegates from the Democratic People's \
             Republic of Korea in Kazan. Russia and North Korea signed a grain deal, the \
             DPRK said. Moscow welcomed it.",
        ),
        invented(
            "coastal-wire/pact",
            "Coastal Wire",
            "2026-09-10",
            "Russian officials said the deal would last five years. The Port Authority of \
             Norway said grain ships would call at Bergen. Norway was not a party.",
        ),
    ];
    let facts = run(&docs, &[]);
    let entity = |name: &str| entity(&facts, name);
    let russia = entity("Russian Federation");
    assert_eq!(russia.name, "Russia", "{russia:?}");
    let korea = entity("Democratic People's Republic of Korea");
    assert_eq!(korea.name, "North Korea", "{korea:?}");
    assert!(korea.variants.iter().any(|v| v == "DPRK"), "{korea:?}");
    assert_eq!(entity("Moscow").name, "Moscow");
    let port = entity("Port Authority of Norway");
    assert!(!port.variants.iter().any(|v| v == "Norway"), "{port:?}");
    assert_eq!(entity("Norway").name, "Norway");
}

/// A body named bare ("the Security Council") after one outlet named it
/// with its organisation ("U.N. Security Council") is that body, and is
/// called by the qualified name. A ministry qualified by one country
/// stays apart from a bare one in another article, which may be the other
/// country's.
#[test]
fn bodies_named_with_and_without_their_organisation() {
    let docs = [
        invented(
            "harbour-times/strait",
            "Harbour Times",
            "2026-09-10",
            "The U.N. Security Council met on Tuesday over the Varn Strait collision. \
             Ostria's envoy told the Security Council that two patrol boats were lost. \
             The Norwegian Defense Ministry said 14 sailors were missing.",
        ),
        invented(
            "coastal-wire/strait",
            "Coastal Wire",
            "2026-09-10",
            "Tarvenia asked the Security Council for an inquiry into the collision. The \
             Defense Ministry in Copenhagen said its frigate had not fired.",
        ),
    ];
    let facts = run(&docs, &[]);
    let council = entity(&facts, "Security Council");
    assert_eq!(council.name, "U.N. Security Council", "{council:?}");
    assert_eq!(council.articles.len(), 2, "{council:?}");
    let ministry = entity(&facts, "Norwegian Defense Ministry");
    assert!(
        !ministry.variants.iter().any(|v| v == "Defense Ministry"),
        "{ministry:?}"
    );
}

/// An ordinary word capitalised once ("abides by International law",
/// "Obviously" opening a quoted sentence) is no entity when the story also
/// writes it in lower case; a name used once is kept.
#[test]
fn ordinary_words_capitalised_once_are_no_entities() {
    let docs = [
        invented(
            "harbour-times/patrols",
            "Harbour Times",
            "2026-09-10",
            "On Monday the envoy said the patrols abide by International law, and a \
             fisherman named Halvard Brennholm saw them leave Varn.",
        ),
        invented(
            "coastal-wire/patrols",
            "Coastal Wire",
            "2026-09-10",
            "Tarvenia says the patrols break international law and must stop.",
        ),
    ];
    let facts = run(&docs, &[]);
    let names: Vec<&str> = facts.entities.iter().map(|e| e.name.as_str()).collect();
    assert!(!names.contains(&"International"), "{names:?}");
    assert!(names.contains(&"Varn"), "{names:?}");
}

/// A listed place is no short form of a body or region named after it: Oslo
/// stays apart from the Oslo Tribune, Africa from North Africa.
#[test]
fn a_place_is_no_short_form_of_a_name_it_begins() {
    let docs = [
        invented(
            "oslo-tribune/ferries",
            "Oslo Tribune",
            "2026-09-10",
            "The Oslo Tribune reported that ferries from North Africa were held. In Oslo, \
             officials said the ferries would sail on Monday.",
        ),
        invented(
            "coastal-wire/ferries",
            "Coastal Wire",
            "2026-09-10",
            "Ferries between Oslo and Africa were held for a day, the Oslo Tribune said.",
        ),
    ];
    let facts = run(&docs, &[]);
    let tribune = entity(&facts, "Oslo Tribune");
    assert_eq!(tribune.kind, "organization", "{tribune:?}");
    assert!(!tribune.variants.iter().any(|v| v == "Oslo"), "{tribune:?}");
    assert_eq!(entity(&facts, "Oslo").name, "Oslo");
    assert_eq!(entity(&facts, "Oslo").kind, "place");
    let north = entity(&facts, "North Africa");
    assert!(!north.variants.iter().any(|v| v == "Africa"), "{north:?}");
}

/// A surname's guess from the word before it ("sent to Brennholm") counts
/// less than the whole name's: a man named three times in full and four
/// times after "to" stays a person.
#[test]
fn a_surname_after_to_does_not_make_a_man_a_place() {
    let docs = [
        invented(
            "harbour-times/fines",
            "Harbour Times",
            "2026-09-10",
            "Halvard Brennholm owns the ferry. Letters were sent to Brennholm on Monday. \
             Fines went to Brennholm. Halvard Brennholm paid them.",
        ),
        invented(
            "coastal-wire/fines",
            "Coastal Wire",
            "2026-09-10",
            "Halvard Brennholm denied the claim. Papers went to Brennholm and a copy went to \
             Brennholm too.",
        ),
    ];
    let facts = run(&docs, &[]);
    let man = entity(&facts, "Halvard Brennholm");
    assert!(man.variants.iter().any(|v| v == "Brennholm"), "{man:?}");
    assert_eq!(man.kind, "person", "{man:?}");
}

#[test]
fn arabic_articles_and_peoples_before_names() {
    let docs = [
        invented(
            "valden-post/ferry-trial",
            "Valden Post",
            "2026-04-02",
            "Prosecutors accused Libyans Halim Tarek Nadir al-Varsi and Omar Dorrah of \
             sinking the ferry. Libyans marched in Tarvik on Friday. The court later heard \
             al-Varsi for an hour, and Ahmed el-Sayed spoke for the port.",
        ),
        invented(
            "lakeside-wire/ferry-trial",
            "Lakeside Wire",
            "2026-04-02",
            "Halim Tarek Nadir Varsi denied the charge in Libya. Varsi's lawyer, Mira Holm, \
             said the ferry was overloaded.",
        ),
    ];
    let facts = run(&docs, &[]);
    let varsi = entity(&facts, "Halim Tarek Nadir al-Varsi");
    assert_eq!(varsi.kind, "person", "{varsi:?}");
    // The name with and without its article, and its last word with and
    // without it, are one person.
    for v in ["Halim Tarek Nadir Varsi", "al-Varsi", "Varsi"] {
        assert!(varsi.variants.iter().any(|x| x == v), "{v}: {varsi:?}");
    }
    // The people before the names is no part of them, and is the
    // country's.
    assert!(
        !facts
            .entities
            .iter()
            .any(|e| e.name.starts_with("Libyans ")),
        "{:#?}",
        facts.entities
    );
    let libya = entity(&facts, "Libyans");
    assert_eq!(libya.name, "Libya", "{libya:?}");
    let sayed = entity(&facts, "Ahmed el-Sayed");
    assert_eq!(sayed.kind, "person", "{sayed:?}");
}

#[test]
fn surnames_written_with_their_particle() {
    let docs = [
        invented(
            "valden-post/ferry-owner",
            "Valden Post",
            "2026-04-03",
            "Officials said bin Varsi owned the ferry. Police in Tarvik said bin Varsi \
             had left the country. President K.R. de Holm met the families on Friday. Later de \
             Holm said nothing.",
        ),
        invented(
            "lakeside-wire/ferry-owner",
            "Lakeside Wire",
            "2026-04-03",
            "Osama bin Varsi denied owning the ferry. De Holm promised an inquiry. Bin Varsi's \
             lawyers said he would help it.",
        ),
    ];
    let facts = run(&docs, &[]);
    // The surname with its particle, in either case, is a short form of the
    // full name, which names the entity.
    let varsi = entity(&facts, "bin Varsi");
    assert_eq!(varsi.name, "Osama bin Varsi", "{varsi:?}");
    assert!(varsi.variants.iter().any(|v| v == "Bin Varsi"), "{varsi:?}");
    // (The full name opens a sentence: it keeps its given name.)
    assert!(!varsi.variants.iter().any(|v| v == "Varsi"), "{varsi:?}");
    let holm = entity(&facts, "de Holm");
    assert_eq!(holm.name, "K.R. de Holm", "{holm:?}");
    assert!(holm.variants.iter().any(|v| v == "De Holm"), "{holm:?}");
    assert!(
        !facts
            .entities
            .iter()
            .any(|e| e.name == "Varsi" || e.name == "Holm"),
        "{:#?}",
        facts.entities
    );
}

#[test]
fn a_dateline_in_capitals_is_no_short_form_of_a_newspaper() {
    let docs = [invented(
        "valden-post/inquiry",
        "Valden Post",
        "2026-04-03",
        "WASHINGTON (AP) — Investigators found the ferry's logbook on Friday, the Washington \
         Post reported. The Washington Post said the pages were wet.",
    )];
    let facts = run(&docs, &[]);
    let post = entity(&facts, "Washington Post");
    assert!(!post.variants.iter().any(|v| v == "WASHINGTON"), "{post:?}");
    assert_eq!(post.kind, "organization", "{post:?}");
}

#[test]
fn a_storm_is_no_place_it_was_written_after_in() {
    let docs = [invented(
        "valden-post/typhoon",
        "Valden Post",
        "2026-09-14",
        "Typhoon Orla hit the coast of Tarvenia on Monday. Winds from Orla tore roofs off \
         in Port Aldery, and ferries stayed in port until Orla moved north. Damage in Orla's \
         path was still being counted.",
    )];
    let facts = run(&docs, &[]);
    let orla = entity(&facts, "Typhoon Orla");
    assert!(orla.variants.iter().any(|v| v == "Orla"), "{orla:?}");
    assert_eq!(orla.kind, "other", "{orla:?}");
}

#[test]
fn a_party_s_members_are_no_place_and_its_adjective_no_name() {
    let docs = [invented(
        "valden-post/ferry-vote",
        "Valden Post",
        "2026-09-15",
        "The ferry bill was a gift to Democrats, said Mira Holm. The bill passed after Democratic \
         senators backed it on Monday. Muslim leaders in Tarvik welcomed the vote, and Republicans said \
         they would try again in March.",
    )];
    let facts = run(&docs, &[]);
    assert_eq!(entity(&facts, "Democrats").kind, "organization");
    assert_eq!(entity(&facts, "Republicans").kind, "organization");
    for adjective in ["Democratic", "Muslim"] {
        assert!(
            !facts.entities.iter().any(|e| e.name == adjective),
            "{adjective}: {:#?}",
            facts.entities
        );
    }
}

#[test]
fn a_name_its_description_calls_a_group_is_a_body() {
    let docs = [invented(
        "valden-post/ferry-claim",
        "Valden Post",
        "2026-09-16",
        "The militant group Korvath claimed the attack on the ferry, the daily Ostbladet \
         reported. A man from Korvath was arrested in Tarvik. Police said an activist from \
         Korvath had planned it.",
    )];
    let facts = run(&docs, &[]);
    assert_eq!(entity(&facts, "Korvath").kind, "organization");
    assert_eq!(entity(&facts, "Ostbladet").kind, "organization");
}

#[test]
fn a_name_before_the_noun_a_preposition_governs_is_no_place() {
    let docs = [invented(
        "valden-post/browser",
        "Valden Post",
        "2026-09-17",
        "Kestrel led in Lumenet software for years. Rivals had invested heavily in Lumenet \
         browsers. Prosecutors in Varnholt said on Friday the case would go on. A ferry \
         sank near Tessaly on Monday. Crews from Orsund helped.",
    )];
    let facts = run(&docs, &[]);
    assert_eq!(entity(&facts, "Lumenet").kind, "other");
    // Before a verb or a function word, the preposition is still the name's.
    assert_eq!(entity(&facts, "Varnholt").kind, "place");
    assert_eq!(entity(&facts, "Tessaly").kind, "place");
    assert_eq!(entity(&facts, "Orsund").kind, "place");
}

#[test]
fn an_airline_by_its_short_name_and_beside_a_joint_name() {
    let docs = [
        invented(
            "valden-post/airline-deal",
            "Valden Post",
            "2026-09-18",
            "Kestrel Pacific Airways said on Monday it would buy a stake in Ostrian \
             Airlines. Talks between Kestrel Pacific and Varn Airlines broke down in June.",
        ),
        invented(
            "lakeside-wire/airline-deal",
            "Lakeside Wire",
            "2026-09-18",
            "Kestrel Pacific will pay $200 million. A spokeswoman for Kestrel said the \
             offer was final, and the Ostrian carrier agreed.",
        ),
    ];
    let facts = run(&docs, &[]);
    let kestrel = entity(&facts, "Kestrel Pacific Airways");
    assert_eq!(kestrel.kind, "organization", "{kestrel:?}");
    // The short name, and its first word though a joint name also opens
    // with it.
    for v in ["Kestrel Pacific", "Kestrel"] {
        assert!(kestrel.variants.iter().any(|x| x == v), "{v}: {kestrel:?}");
    }
    // A one-word rest is no short name: "Ostrian" is an adjective.
    assert!(
        !kestrel.variants.iter().any(|x| x.starts_with("Ostrian")),
        "{kestrel:?}"
    );
    assert_eq!(entity(&facts, "Ostrian Airlines").name, "Ostrian Airlines");
}

#[test]
fn a_place_written_only_in_a_dateline_is_named_as_a_sentence_writes_it() {
    let docs = [
        invented(
            "valden-post/harbour",
            "Valden Post",
            "2026-09-19",
            "RIO DE JANEIRO (AP) — The Kestrel Line ferry docked on Friday, a U.S. official said.",
        ),
        invented(
            "lakeside-wire/harbour",
            "Lakeside Wire",
            "2026-09-19",
            "TORONTO — Mira Holm flew home on Friday.",
        ),
        invented(
            "harbour-times/harbour",
            "Harbour Times",
            "2026-09-19",
            "PORT-AU-PRINCE (AP) — The Kestrel Line ferry left on Saturday.",
        ),
    ];
    let facts = run(&docs, &[]);
    let rio = entity(&facts, "RIO DE JANEIRO");
    assert_eq!(rio.name, "Rio de Janeiro", "{rio:?}");
    assert_eq!(entity(&facts, "TORONTO").name, "Toronto");
    assert_eq!(entity(&facts, "PORT-AU-PRINCE").name, "Port-au-Prince");
    // Initials stay as written.
    assert_eq!(entity(&facts, "U.S.").name, "U.S.");
}

#[test]
fn initials_with_full_stops_and_a_name_written_twice() {
    let docs = [
        invented(
            "valden-post/ferry-envoy",
            "Valden Post",
            "2026-09-20",
            "The United Nations sent an envoy to Tarvik on Monday. The U.N. Security Council \
             will meet on Friday, and the U.N. envoy said talks would go on. Mayor Mira \
             Holm Holm welcomed the envoy.",
        ),
        invented(
            "lakeside-wire/ferry-envoy",
            "Lakeside Wire",
            "2026-09-20",
            "Mayor Mira Holm met the envoy. Holm said the ferry would sail, and the U.N. \
             promised help. Holm thanked the U.N. for its work. Ferries from Albany, N.Y., \
             and Troy, N.Y., will join the fleet, New York officials said.",
        ),
    ];
    let facts = run(&docs, &[]);
    // "U.N." shortens the United Nations by its initials, not the council
    // whose first word it is.
    let un = entity(&facts, "United Nations");
    assert!(un.variants.iter().any(|v| v == "U.N."), "{un:?}");
    assert!(
        !entity(&facts, "U.N. Security Council")
            .variants
            .iter()
            .any(|v| v == "U.N."),
        "{:#?}",
        facts.entities
    );
    // Initials of a place are the place.
    let new_york = entity(&facts, "N.Y.");
    assert_eq!(
        (new_york.name.as_str(), new_york.kind.as_str()),
        ("New York", "place")
    );
    // A name written twice by a slip does not make the surname ambiguous.
    let holm = entity(&facts, "Mira Holm");
    assert!(holm.variants.iter().any(|v| v == "Holm"), "{holm:?}");
}

/// A person named with and without middle names, or by a familiar form of
/// the first name, is one person, and a short form then names them when no
/// one else bears it. Another person of the same surname stays apart.
#[test]
fn middle_names_and_familiar_first_names() {
    let docs = [
        invented(
            "valden-post/quay",
            "Valden Post",
            "2026-04-07",
            "Halvard Eirik Strom, the harbour master, said the quay had been closed since \
             Monday. Bob Tarvik, the mayor, said the ferry would return on Friday. Mira \
             Strom, his sister, said the harbour office would stay open. Chris Varn, a \
             diver, said the water was cold.",
        ),
        invented(
            "lakeside-wire/quay",
            "Lakeside Wire",
            "2026-04-07",
            "Halvard Strom said divers had found a crack in the hull. Robert Tarvik said the \
             town would pay for the repairs. Strom said the inspection would take a week, and \
             Tarvik said the quay would reopen in May. Christopher Varn led the divers.",
        ),
    ];
    let facts = run(&docs, &[]);
    let strom = entity(&facts, "Halvard Strom");
    // ("Strom" alone is either of two Stroms: it stays apart.)
    assert!(
        strom.variants.iter().any(|x| x == "Halvard Eirik Strom"),
        "{strom:#?}"
    );
    let tarvik = entity(&facts, "Robert Tarvik");
    for v in ["Bob Tarvik", "Tarvik"] {
        assert!(tarvik.variants.iter().any(|x| x == v), "{v}: {tarvik:#?}");
    }
    let varn = entity(&facts, "Christopher Varn");
    assert!(varn.variants.iter().any(|x| x == "Chris Varn"), "{varn:#?}");
    let sister = entity(&facts, "Mira Strom");
    assert_ne!(sister.name, strom.name, "{:#?}", facts.entities);
}

/// A surname two people of the story share goes, in each article, with the
/// one that article wrote out before using it alone; an article that uses
/// it alone first (a person it takes as known) keeps it apart.
#[test]
fn a_shared_surname_goes_with_the_name_its_article_wrote_out() {
    let docs = [
        invented(
            "valden-post/lind",
            "Valden Post",
            "1999-02-03",
            "Tarvo Lind opened the new harbour on Tuesday. Lind said the quay would \
             take ferries by spring.",
        ),
        invented(
            "lakeside-wire/lind",
            "Lakeside Wire",
            "1999-02-03",
            "Ana Lind, who chairs the ferry board, watched the opening. Lind said fares \
             would not rise.",
        ),
        invented(
            "harbour-daily/lind",
            "Harbour Daily",
            "1999-02-03",
            "President Lind arrived late with his wife, Ana Lind. Lind spoke of the storm \
             that had delayed the work.",
        ),
    ];
    let facts = run(&docs, &[]);
    let named = |name: &str| {
        facts
            .entities
            .iter()
            .find(|e| e.name == name)
            .unwrap_or_else(|| panic!("no entity {name}: {:#?}", facts.entities))
    };
    let tarvo = named("Tarvo Lind");
    assert!(tarvo.variants.iter().any(|v| v == "Lind"), "{tarvo:?}");
    assert_eq!(tarvo.articles, ["valden-post/lind"], "{tarvo:?}");
    let ana = named("Ana Lind");
    assert!(ana.variants.iter().any(|v| v == "Lind"), "{ana:?}");
    assert!(
        !ana.articles.iter().any(|a| a == "valden-post/lind"),
        "{ana:?}"
    );
    let lind = named("Lind");
    assert_eq!(lind.articles, ["harbour-daily/lind"], "{lind:?}");
    assert_eq!(lind.mentions, 2, "{lind:?}");
}

/// A thing named by its maker and a code ("Kestrel KX-9") is not the full
/// name of the maker alone ("Kestrel"); the code alone ("KX-9") is its
/// short form.
#[test]
fn a_maker_is_no_short_form_of_its_model() {
    let docs = [invented(
        "valden-post/kestrel",
        "Valden Post",
        "1999-02-03",
        "The Kestrel KX-9 landed safely at Port Aldery on Tuesday. Kestrel said the \
         KX-9 had flown since 1994, and Kestrel engineers were on board.",
    )];
    let facts = run(&docs, &[]);
    let model = entity(&facts, "Kestrel KX-9");
    assert!(model.variants.iter().any(|v| v == "KX-9"), "{model:?}");
    assert!(!model.variants.iter().any(|v| v == "Kestrel"), "{model:?}");
    let maker = facts.entities.iter().find(|e| e.name == "Kestrel");
    assert!(
        maker.is_some_and(|e| e.mentions == 2),
        "{:#?}",
        facts.entities
    );
}
