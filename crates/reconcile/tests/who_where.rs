//! "Who said it" and "where" conflicts on invented stories written for
//! these tests (no real article text): each story plants the conflicts it
//! expects and near-misses that must not be flagged — a speaker's name
//! written three ways, a generic or institutional speaker beside a named
//! one, a spokesman speaking for a ministry, places nested in one another,
//! a second event somewhere else, and the same name spelled with and
//! without diacritics. The tests assert exactly the planted conflicts.

mod common;
use common::{invented, run};
use crosscheck_model::{Citation, Conflict, Document};
use crosscheck_reconcile::StoryFacts;

fn articles(cs: &[Citation]) -> Vec<&str> {
    let mut v: Vec<&str> = cs.iter().map(|c| c.article.as_str()).collect();
    v.sort();
    v.dedup();
    v
}

fn show(s: &StoryFacts) -> String {
    s.conflicts
        .iter()
        .map(|k| {
            format!(
                "{} · {}: {:?}\n",
                k.subject,
                k.attribute,
                k.sides
                    .iter()
                    .map(|x| (&x.value, articles(&x.citations)))
                    .collect::<Vec<_>>()
            )
        })
        .collect()
}

fn with_attribute<'a>(s: &'a StoryFacts, attribute: &str) -> Vec<&'a Conflict> {
    s.conflicts
        .iter()
        .filter(|k| k.attribute == attribute)
        .collect()
}

/// The side with this value, its articles.
fn side<'a>(k: &'a Conflict, value: &str) -> Vec<&'a str> {
    articles(
        &k.sides
            .iter()
            .find(|x| x.value == value)
            .unwrap_or_else(|| panic!("no side {value} in {k:?}"))
            .citations,
    )
}

/// Every citation of a conflict side holds a whole sentence of its article.
fn check_citations(docs: &[Document], s: &StoryFacts) {
    for k in &s.conflicts {
        for x in &k.sides {
            assert!(!x.citations.is_empty(), "{k:?}");
            for c in &x.citations {
                let d = docs.iter().find(|d| d.article.id == c.article).unwrap();
                assert!(
                    d.sentences
                        .iter()
                        .any(|s| s.span.start == c.start && s.span.end == c.end),
                    "{c:?} is not a sentence"
                );
            }
        }
    }
}

/// Story G (invented): a bridge in the river town of Halden collapses. Two
/// outlets give the same quotation to the mayor (written "Mayor Ilse Varga"
/// and "Varga"), a third to her deputy: one planted speaker conflict.
/// Generic speakers ("city officials") take no side; a different quotation
/// by the deputy is not a conflict.
fn story_g() -> Vec<Document> {
    vec![
        invented(
            "g1",
            "River Post",
            "2026-04-07T08:00:00Z",
            "The old stone bridge over the Lenne collapsed on Monday night after a week of heavy rain. \
             Nobody was on the bridge when it fell, police said.\n\n\
             “We will rebuild the bridge by spring,” Mayor Ilse Varga said on Tuesday. \
             “The ferry will run every hour until then,” said deputy mayor Tomas Brenn.",
        ),
        invented(
            "g2",
            "Valley Echo",
            "2026-04-07T10:00:00Z",
            "The stone bridge over the Lenne fell into the river on Monday night. \
             “We will rebuild the bridge by spring,” deputy mayor Tomas Brenn told reporters. \
             City officials said the ferry would run every hour.",
        ),
        invented(
            "g3",
            "Lowland Daily",
            "2026-04-07T12:00:00Z",
            "Rain brought down the old bridge over the Lenne on Monday night. \
             “We will rebuild the bridge by spring,” Varga said, standing by the broken pier. \
             “We will rebuild the bridge by spring,” city officials said in a statement.",
        ),
    ]
}

#[test]
fn story_g_quotation_given_to_two_people() {
    let docs = story_g();
    let s = run(&docs, &[]);
    check_citations(&docs, &s);
    let k = with_attribute(&s, "speaker");
    assert_eq!(k.len(), 1, "{}", show(&s));
    let k = k[0];
    assert!(
        k.subject.contains("We will rebuild the bridge by spring"),
        "{k:?}"
    );
    assert_eq!(k.sides.len(), 2, "{k:?}");
    assert_eq!(side(k, "Ilse Varga"), ["g1", "g3"]);
    assert_eq!(side(k, "Tomas Brenn"), ["g2"]);
    assert_eq!(s.conflicts.len(), 1, "{}", show(&s));
}

/// Story G': the quotation reported in indirect speech and given to the
/// deputy is the same statement (a conflict); two reports in indirect
/// speech naming different people are not compared.
#[test]
fn story_g_reported_speech_against_a_quotation() {
    let mut docs = story_g();
    docs.truncate(1);
    docs.push(invented(
        "g4",
        "Hill Courier",
        "2026-04-07T13:00:00Z",
        "Deputy mayor Tomas Brenn said the city would rebuild the bridge by spring.",
    ));
    let s = run(&docs, &[]);
    let k = with_attribute(&s, "speaker");
    assert_eq!(k.len(), 1, "{}", show(&s));
    assert_eq!(side(k[0], "Ilse Varga"), ["g1"]);
    assert_eq!(side(k[0], "Tomas Brenn"), ["g4"]);

    docs[0] = invented(
        "g1",
        "River Post",
        "2026-04-07T08:00:00Z",
        "Mayor Ilse Varga said the city would rebuild the bridge by spring.",
    );
    let s = run(&docs, &[]);
    assert!(with_attribute(&s, "speaker").is_empty(), "{}", show(&s));
}

/// Story H (invented): a water scare in Halden. The same words come from
/// "Mayor Varga", "Ilse Varga", "officials", "the Health Ministry" and
/// "Health Ministry spokesman Piet Olan"; the mayor's name loses a
/// diacritic in one outlet; a second quotation is repeated by the deputy
/// ("echoed"). None of these is a conflict.
fn story_h() -> Vec<Document> {
    vec![
        invented(
            "h1",
            "River Post",
            "2026-04-09T08:00:00Z",
            "“The tap water in Halden is safe to drink again,” said Mayor Ilse Várga on Thursday. \
             The Health Ministry said tests had found no trace of the chemical in the reservoir.",
        ),
        invented(
            "h2",
            "Valley Echo",
            "2026-04-09T09:00:00Z",
            "“The tap water in Halden is safe to drink again,” Ilse Varga told a news conference. \
             “Tests found no trace of the chemical in the reservoir,” Health Ministry spokesman Piet Olan said.",
        ),
        invented(
            "h3",
            "Lowland Daily",
            "2026-04-09T10:00:00Z",
            "“The tap water in Halden is safe to drink again,” officials said on Thursday. \
             “Tests found no trace of the chemical in the reservoir,” the Health Ministry said. \
             Deputy mayor Tomas Brenn echoed her: “The tap water in Halden is safe to drink again.”",
        ),
    ]
}

#[test]
fn story_h_speaker_variants_and_generic_speakers_are_not_conflicts() {
    let docs = story_h();
    let s = run(&docs, &[]);
    check_citations(&docs, &s);
    assert!(s.conflicts.is_empty(), "{}", show(&s));
}

/// Story I (invented): a warehouse fire. Two outlets place it in Dornfeld,
/// one in Altbruck, and nothing in the story puts Dornfeld inside Altbruck:
/// one planted place conflict. Firefighters sent *from* Altbruck and a
/// press conference held *in* Altbruck are not where the fire was.
fn story_i() -> Vec<Document> {
    vec![
        invented(
            "i1",
            "Eastmark Courier",
            "2026-08-12T07:00:00Z",
            "The fire broke out at the Kessel warehouse in Dornfeld shortly after midnight, \
             the regional fire service said. Crews from Altbruck helped to bring it under control.",
        ),
        invented(
            "i2",
            "Northern Wire",
            "2026-08-12T09:00:00Z",
            "A fire destroyed the Kessel warehouse in Dornfeld overnight. \
             The owner told a press conference in Altbruck that nobody had been inside.",
        ),
        invented(
            "i3",
            "Plain Gazette",
            "2026-08-12T11:00:00Z",
            "The fire broke out at the Kessel warehouse in Altbruck shortly after midnight, \
             firefighters said.",
        ),
    ]
}

#[test]
fn story_i_fire_placed_in_two_towns() {
    let docs = story_i();
    let s = run(&docs, &[]);
    check_citations(&docs, &s);
    assert_eq!(s.conflicts.len(), 1, "{}", show(&s));
    let k = &s.conflicts[0];
    assert_eq!(
        (k.subject.as_str(), k.attribute.as_str()),
        ("fire", "place")
    );
    assert_eq!(k.sides.len(), 2, "{k:?}");
    assert_eq!(side(k, "Dornfeld"), ["i1", "i2"]);
    assert_eq!(side(k, "Altbruck"), ["i3"]);
    // Each side cites the sentence that names its place.
    for x in &k.sides {
        for c in &x.citations {
            let d = docs.iter().find(|d| d.article.id == c.article).unwrap();
            assert!(d.article.text[c.start..c.end].contains(&x.value));
        }
    }
}

/// Story J (invented): the same fire, but one article says Dornfeld is a
/// suburb of Altbruck, so "in Dornfeld" and "in Altbruck" agree; the
/// suburb's name is also written "Dörnfeld"; a separate, earlier fire in
/// Lissen and a crash on the way to Marrow are other events. No conflict.
fn story_j() -> Vec<Document> {
    vec![
        invented(
            "j1",
            "Eastmark Courier",
            "2026-08-12T07:00:00Z",
            "The fire broke out at the Kessel warehouse in Dornfeld, a suburb of Altbruck, shortly after midnight. \
             A separate fire in Lissen destroyed a barn last month.",
        ),
        invented(
            "j2",
            "Northern Wire",
            "2026-08-12T09:00:00Z",
            "The fire broke out at the Kessel warehouse in Altbruck shortly after midnight, \
             firefighters said. A fire engine crashed near Marrow on its way to the scene.",
        ),
        invented(
            "j3",
            "Plain Gazette",
            "2026-08-12T11:00:00Z",
            "The fire at the Kessel warehouse in Dörnfeld burned for six hours. \
             Residents of Altbruck were told to keep their windows shut.",
        ),
    ]
}

#[test]
fn story_j_nested_places_and_other_events_are_not_conflicts() {
    let docs = story_j();
    let s = run(&docs, &[]);
    check_citations(&docs, &s);
    assert!(s.conflicts.is_empty(), "{}", show(&s));
}

/// Story K (invented): a train derailment with everything at once. Planted:
/// the crash is placed near Osterby by two outlets and near Kalmstad by a
/// third (place), the rail operator's quotation is given to two different
/// people (speaker), and the injured are 41 in one report and 14 in a later
/// one (count: a falling count of injured is not an update). Not conflicts: the toll rising from "at least 3" to 5, "about
/// 200 passengers" against "210 passengers", and the operator's chief
/// written "Mira Holm" and "Holm".
fn story_k() -> Vec<Document> {
    vec![
        invented(
            "k1",
            "Rail Journal",
            "2026-09-02T08:00:00Z",
            "A passenger train derailed near Osterby on Tuesday morning, killing at least 3 people. \
             Fourteen people were injured. The train was carrying about 200 passengers.\n\n\
             “The track had been inspected only last week,” said Mira Holm, chief executive of Nordbahn.",
        ),
        invented(
            "k2",
            "Coast Herald",
            "2026-09-03T08:00:00Z",
            "The passenger train derailed near Osterby on Tuesday morning. The death toll rose to 5, \
             police said on Wednesday. The train carried 210 passengers and 14 people were injured.\n\n\
             “The track had been inspected only last week,” Holm told the Coast Herald.",
        ),
        invented(
            "k3",
            "Inland Times",
            "2026-09-02T12:00:00Z",
            "The passenger train derailed near Kalmstad on Tuesday morning. \
             Forty-one people were injured, hospital staff said.\n\n\
             “The track had been inspected only last week,” said Nordbahn safety director Jonas Ekvall.",
        ),
    ]
}

#[test]
fn story_k_place_speaker_and_count_conflicts() {
    let docs = story_k();
    let s = run(&docs, &[]);
    check_citations(&docs, &s);
    assert_eq!(s.conflicts.len(), 3, "{}", show(&s));
    let place = with_attribute(&s, "place");
    assert_eq!(place.len(), 1, "{}", show(&s));
    assert_eq!(place[0].subject, "crash");
    assert_eq!(side(place[0], "Osterby"), ["k1", "k2"]);
    assert_eq!(side(place[0], "Kalmstad"), ["k3"]);
    let speaker = with_attribute(&s, "speaker");
    assert_eq!(speaker.len(), 1, "{}", show(&s));
    assert_eq!(side(speaker[0], "Mira Holm"), ["k1", "k2"]);
    assert_eq!(side(speaker[0], "Jonas Ekvall"), ["k3"]);
    let injured = s
        .conflicts
        .iter()
        .find(|k| k.subject == "people injured")
        .unwrap_or_else(|| panic!("{}", show(&s)));
    assert_eq!(injured.sides.len(), 2);
    assert!(s.updates.iter().any(|u| u.subject == "people killed"));
}

/// Story L (invented): one article contradicts itself on where an explosion
/// happened (an internal inconsistency), while a second report names a town
/// and its district consistently ("the Sennhof district of Altbruck"). Planted:
/// one place conflict, both sides cited in the same article.
fn story_l() -> Vec<Document> {
    vec![
        invented(
            "l1",
            "Eastmark Courier",
            "2026-10-01T08:00:00Z",
            "An explosion at the Vollrath paint factory in Sennhof injured two workers on Wednesday. \
             Investigators said the explosion at the Vollrath paint factory in Brisach was caused by a gas leak.",
        ),
        invented(
            "l2",
            "Northern Wire",
            "2026-10-01T09:00:00Z",
            "The explosion happened at the Vollrath paint factory in the Sennhof district of Altbruck. \
             The blast at the Vollrath factory in Altbruck shattered windows across the street.",
        ),
    ]
}

#[test]
fn story_l_internal_inconsistency_on_place() {
    let docs = story_l();
    let s = run(&docs, &[]);
    check_citations(&docs, &s);
    assert_eq!(s.conflicts.len(), 1, "{}", show(&s));
    let k = &s.conflicts[0];
    assert_eq!(
        (k.subject.as_str(), k.attribute.as_str()),
        ("explosion", "place")
    );
    assert_eq!(side(k, "Brisach"), ["l1"]);
    assert!(side(k, "Sennhof").contains(&"l1"), "{k:?}");
}

/// Controls: the near-misses of stories H and J are spared by their rule,
/// not by chance. Without the sentence making Dornfeld a suburb of
/// Altbruck, story J has its place conflict; with the quotation of story H
/// given to someone else by name, story H has its speaker conflict.
#[test]
fn controls_the_near_misses_fail_without_their_reason() {
    let mut docs = story_j();
    docs[0] = invented(
        "j1",
        "Eastmark Courier",
        "2026-08-12T07:00:00Z",
        "The fire broke out at the Kessel warehouse in Dornfeld shortly after midnight.",
    );
    let s = run(&docs, &[]);
    assert_eq!(s.conflicts.len(), 1, "{}", show(&s));
    assert_eq!(side(&s.conflicts[0], "Dornfeld"), ["j1", "j3"]);
    assert_eq!(side(&s.conflicts[0], "Altbruck"), ["j2"]);

    let mut docs = story_h();
    docs[1] = invented(
        "h2",
        "Valley Echo",
        "2026-04-09T09:00:00Z",
        "“The tap water in Halden is safe to drink again,” Karl Dremmel told a news conference.",
    );
    let s = run(&docs, &[]);
    assert_eq!(s.conflicts.len(), 1, "{}", show(&s));
    assert_eq!(s.conflicts[0].attribute, "speaker");
    assert_eq!(side(&s.conflicts[0], "Karl Dremmel"), ["h2"]);
    assert_eq!(side(&s.conflicts[0], "Ilse Várga"), ["h1"]);
}
