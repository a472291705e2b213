//! Figures about a person and a court case: an age written after a name
//! ("Arvid Kessler, 61,"), a prison term, a fine. Outlets that give one
//! person different ages, or one case different fines, conflict; the
//! same term from three outlets is one corroborated fact; a passer-by's
//! age one outlet gives is no fact of the story.

mod common;
use common::{invented, run};

fn court_case(age_two: &str, fine_two: &str) -> crosscheck_reconcile::StoryFacts {
    let docs = [
        invented(
            "aldery-courier/kessler",
            "Port Aldery Courier",
            "2026-11-03",
            "A court on Monday sentenced Arvid Kessler, 61, the former head of the harbour \
             authority, to 12 years in prison for taking bribes. He was also fined 2 million \
             crowns. Prosecutors had sought 15 years. \"It is a fair verdict,\" said Lena \
             Brask, 34, a dock worker. Two aides, Senna Voss and Tarvo Lind, were sentenced to \
             five years each. In the 1990s Arvid Kessler had spent two years in prison.",
        ),
        invented(
            "northgate-ledger/kessler",
            "Northgate Ledger",
            "2026-11-03",
            &format!(
                "Arvid Kessler, {age_two}, who ran the harbour authority for a decade, was \
                 sentenced to 12 years in jail on Monday, the court said. The court also \
                 ordered him to pay a fine of {fine_two} crowns."
            ),
        ),
        invented(
            "evening-lantern/kessler",
            "Evening Lantern",
            "2026-11-04",
            "The former harbour chief, Arvid Kessler, was jailed for 12 years on Monday. \
             Kessler, 61, denied wrongdoing throughout the trial.",
        ),
    ];
    run(&docs, &[])
}

#[test]
fn different_ages_and_fines_conflict() {
    let facts = court_case("63", "20 million");
    let conflict = |subject: &str| {
        facts
            .conflicts
            .iter()
            .find(|c| c.subject == subject)
            .unwrap_or_else(|| panic!("no conflict on {subject}: {:#?}", facts.conflicts))
    };
    let age = conflict("Arvid Kessler");
    assert_eq!(age.attribute, "age");
    let values: Vec<&str> = age.sides.iter().map(|s| s.value.as_str()).collect();
    assert!(values.contains(&"61") && values.contains(&"63"), "{age:#?}");
    assert_eq!(conflict("fine").sides.len(), 2);
    // The sentence giving 63 is no second source for the one giving 61.
    assert!(
        !facts.claims.iter().any(|c| c.value.is_none()
            && c.independent_sources >= 2
            && c.text.contains(", 61,")
            && c.citations
                .iter()
                .any(|x| x.article.starts_with("northgate"))),
        "{:#?}",
        facts.claims
    );
}

#[test]
fn the_same_age_term_and_fine_agree() {
    let facts = court_case("61", "2 million");
    assert!(facts.conflicts.is_empty(), "{:#?}", facts.conflicts);
    let claim = |subject: &str| {
        facts
            .claims
            .iter()
            .find(|c| c.subject.as_deref() == Some(subject))
            .unwrap_or_else(|| panic!("no claim on {subject}: {:#?}", facts.claims))
    };
    let term = claim("prison term of Arvid Kessler");
    assert_eq!(
        (term.value.as_deref(), term.independent_sources),
        (Some("12 years"), 3)
    );
    assert_eq!(claim("age of Arvid Kessler").independent_sources, 3);
    // One outlet's passer-by: no fact; the prosecutors' demand and time
    // served long ago: no term given; a term two people share: no one's
    // own.
    assert!(
        !facts.claims.iter().any(|c| c
            .subject
            .as_deref()
            .is_some_and(|s| s.contains("Lena Brask") || s.contains("Tarvo Lind"))
            || matches!(c.value.as_deref(), Some("15 years" | "two years")) && c.subject.is_some()),
        "{:#?}",
        facts.claims
    );
}

/// One union leader in three spellings ("Jürgen Vöss", "Juergen Voess",
/// "Jurgen Voss"), his age given as "Name, 52," and as "the 55-year-old
/// leader".
fn union_leader(third_published: &str, third_age: &str) -> crosscheck_reconcile::StoryFacts {
    let docs = [
        invented(
            "meridian/strike",
            "Meridian Press",
            "2026-03-05",
            "Rail workers walked off the job across Tarvenia on Tuesday. Union leader Jürgen \
             Vöss, 52, said the strike would last until wages rose by 9%.",
        ),
        invented(
            "observer/strike",
            "Capital Observer",
            "2026-03-05",
            "Railway workers went on strike on Tuesday, union leader Juergen Voess said. \
             Voess, 52, told reporters the union wanted a 9% pay rise.",
        ),
        invented(
            "lantern/strike",
            "Evening Lantern",
            third_published,
            &format!(
                "The rail strike entered its third day. Jurgen Voss, the {third_age}-year-old \
                 leader of the railway workers' union, said the union would not accept less."
            ),
        ),
    ];
    run(&docs, &[])
}

#[test]
fn ages_of_one_person_spelt_three_ways_are_compared() {
    let facts = union_leader("2026-03-06", "55");
    let age = facts
        .conflicts
        .iter()
        .find(|c| c.attribute == "age")
        .unwrap_or_else(|| panic!("no age conflict: {:#?}", facts.conflicts));
    let values: Vec<&str> = age.sides.iter().map(|s| s.value.as_str()).collect();
    assert_eq!(values.len(), 2, "{age:#?}");
    assert!(values.contains(&"52") && values.contains(&"55"), "{age:#?}");
    // The same age in all three spellings is one fact of three outlets.
    let facts = union_leader("2026-03-06", "52");
    assert!(
        !facts.conflicts.iter().any(|c| c.attribute == "age"),
        "{:#?}",
        facts.conflicts
    );
    assert!(
        facts
            .claims
            .iter()
            .any(|c| c.value.as_deref() == Some("52") && c.independent_sources == 3),
        "{:#?}",
        facts.claims
    );
}

#[test]
fn a_year_older_in_a_later_report_is_no_conflict() {
    // Reported a year on, 53 is his age then; 55 is not.
    let facts = union_leader("2027-03-06", "53");
    assert!(
        !facts.conflicts.iter().any(|c| c.attribute == "age"),
        "{:#?}",
        facts.conflicts
    );
    let facts = union_leader("2027-03-06", "55");
    assert!(
        facts.conflicts.iter().any(|c| c.attribute == "age"),
        "{:#?}",
        facts.conflicts
    );
}

#[test]
fn a_first_name_alone_is_not_taken_for_a_relative_of_that_name() {
    let docs = [
        invented(
            "meridian/family",
            "Meridian Press",
            "2026-04-02",
            "Police questioned his wife, Mira Holm Varesk, 22, on Monday. His cousins Mira, \
             17, and Ana, 14, were at home.",
        ),
        invented(
            "observer/family",
            "Capital Observer",
            "2026-04-02",
            "Police questioned his wife, Mira Holm Varesk, 22, and his sister on Monday. \
             Mira Holm Varesk said the search had frightened the children.",
        ),
    ];
    let facts = run(&docs, &[]);
    assert!(
        !facts.conflicts.iter().any(|c| c.attribute == "age"),
        "{:#?}",
        facts.conflicts
    );
}
