//! Tests on the invented demo corpus (`demo/`, see `demo/MANIFEST.md`) and
//! on short invented sentences.

use crosscheck_model::{Article, Document};
use crosscheck_text::Analyzer;

use super::*;
use crate::demo_docs::demo_docs;

/// A one-paragraph document of invented text.
pub(crate) fn doc(id: &str, published: Option<&str>, text: &str) -> Document {
    let article = Article {
        id: id.into(),
        source: None,
        title: None,
        url: None,
        published: published.map(str::to_string),
        text: text.into(),
        removed: vec![],
    };
    Analyzer::english().analyse(article)
}

/// Every span the extractor reports on the demo corpus slices its text.
#[test]
fn demo_spans_are_valid() {
    let ex = Extractor::new();
    for d in demo_docs() {
        let f = ex.extract(&d);
        println!(
            "=== {} published {:?} {:?}",
            f.article, f.published, f.published_at
        );
        for m in &f.mentions {
            println!(
                "  M {:?} {:?} title={:?} defines={:?}",
                m.text, m.kind, m.title, m.defines
            );
        }
        for s in &f.statements {
            let t = &d.article.text;
            println!(
                "  S speaker={:?} ({:?}) cue={:?} direct={} content={:?}",
                s.speaker.map(|x| x.slice(t)),
                s.speaker_name,
                s.cue.slice(t),
                s.direct,
                s.content.slice(t)
            );
        }
        for q in &f.quantities {
            println!(
                "  Q {:?} v={} {:?} {:?} noun={:?} part={} inc={} hedged={}",
                q.text, q.value, q.unit, q.approx, q.noun, q.partitive, q.increment, q.hedged
            );
        }
        for dm in &f.dates {
            println!(
                "  D {:?} -> {} rel={} hedged={}",
                dm.text, dm.value, dm.relative, dm.hedged
            );
        }
        for c in &f.claims {
            println!(
                "  C [{:?} · {}] = {:?} ({}) concept={:?} speaker={:?} hedged={}",
                c.subject,
                c.attribute,
                c.value_text,
                c.value.key(),
                c.concept,
                c.speaker,
                c.hedged
            );
        }
    }
}

fn claim<'a>(f: &'a ArticleFacts, subject: &str) -> &'a ArticleClaim {
    f.claims
        .iter()
        .find(|c| c.subject.as_deref() == Some(subject))
        .unwrap_or_else(|| panic!("no claim about {subject}: {:#?}", f.claims))
}

#[test]
fn figures_with_hedges_units_and_scales() {
    let d = doc(
        "x",
        Some("2026-03-09"),
        "The bank raised its main rate by half a percentage point to 3.25 percent. \
         More than 5 million households have variable loans. At least 30 people were killed \
         and 112 injured. The plan will cost $2.4 billion.",
    );
    let f = Extractor::new().extract(&d);
    let rise = claim(&f, "interest rate");
    assert_eq!(rise.value.key(), "percentage points:0.5");
    assert_eq!(rise.value_text, "half a percentage point");
    let q = f
        .quantities
        .iter()
        .find(|q| q.text == "More than 5 million")
        .unwrap();
    assert_eq!((q.value, q.approx), (5e6, Approx::MoreThan));
    assert_eq!(claim(&f, "people killed").value.key(), "count:>=30");
    assert_eq!(claim(&f, "people injured").value.key(), "count:112");
    let money = f
        .quantities
        .iter()
        .find(|q| q.text == "$2.4 billion")
        .unwrap();
    assert_eq!(money.unit, Unit::Money("dollar".into()));
    // Every span points at its text.
    for q in &f.quantities {
        assert_eq!(q.span.slice(&d.article.text), q.text);
    }
}

#[test]
fn basis_points_equal_percentage_points() {
    let a = Extractor::new().extract(&doc("a", None, "It cut rates by 50 basis points."));
    let b = Extractor::new().extract(&doc("b", None, "It cut rates by 0.5 percentage points."));
    assert_eq!(a.claims[0].value.key(), b.claims[0].value.key());
}

#[test]
fn relative_dates_resolve_against_publication_or_stay_relative() {
    let text =
        "The vote was held on Monday. Talks resume next week and a deal is expected on Friday. \
                The ballot will take place in six weeks. The plant opened in 1998.";
    let f = Extractor::new().extract(&doc("x", Some("2026-03-11"), text));
    let got: Vec<(String, String)> = f
        .dates
        .iter()
        .map(|d| (d.text.clone(), d.value.to_string()))
        .collect();
    let want = [
        ("Monday", "2026-03-09"),
        ("next week", "week of 2026-03-16"),
        ("Friday", "2026-03-13"),
        ("in six weeks", "2026-04-22"),
        ("1998", "1998"),
    ];
    for (t, v) in want {
        assert!(
            got.contains(&(t.to_string(), v.to_string())),
            "{t}: {got:?}"
        );
    }
    let f = Extractor::new().extract(&doc("x", None, "The vote was held on Monday."));
    assert_eq!(f.dates[0].value, DateValue::Relative("monday".into()));
    assert!(f.dates[0].relative);
}

#[test]
fn publication_date_from_removed_byline() {
    let docs = demo_docs();
    let d = docs
        .iter()
        .find(|d| d.article.id == "meridian/plant-blast")
        .unwrap();
    let f = Extractor::new().extract(d);
    assert_eq!(f.published_at.as_deref(), Some("2026-03-03T09:14"));
}

#[test]
fn entities_titles_and_acronyms() {
    let text = "Hanmori Foreign Minister Pyon Sol-hwa met officials of the National Process \
                Safety Board (NPSB) in Staromir. Pyon said the NPSB would report soon.";
    let f = Extractor::new().extract(&doc("x", None, text));
    let pyon = f
        .mentions
        .iter()
        .find(|m| m.text == "Pyon Sol-hwa")
        .unwrap();
    assert_eq!(pyon.kind, EntityKind::Person);
    assert_eq!(pyon.title.as_deref(), Some("Hanmori Foreign Minister"));
    let board = f
        .mentions
        .iter()
        .find(|m| m.text == "National Process Safety Board")
        .unwrap();
    assert_eq!(board.kind, EntityKind::Organization);
    assert_eq!(board.defines.as_deref(), Some("NPSB"));
}

#[test]
fn attribution_direct_indirect_and_pronouns() {
    let text = "Mayor Corin Ashdown said buses had been sent. \u{201c}We are ready,\u{201d} she told reporters. \
                The fire had been contained, according to the fire service.";
    let d = doc("x", None, text);
    let f = Extractor::new().extract(&d);
    let t = &d.article.text;
    assert_eq!(f.statements.len(), 3, "{:#?}", f.statements);
    let s0 = &f.statements[0];
    assert_eq!(s0.speaker_name.as_deref(), Some("Corin Ashdown"));
    assert_eq!(s0.cue.slice(t), "said");
    assert_eq!(s0.content.slice(t), "buses had been sent");
    assert!(!s0.direct);
    let s1 = &f.statements[1];
    assert_eq!(s1.speaker_name.as_deref(), Some("Corin Ashdown"));
    assert!(s1.direct);
    let s2 = &f.statements[2];
    assert_eq!(s2.cue.slice(t), "according to");
    assert_eq!(s2.speaker.unwrap().slice(t), "the fire service");
    assert_eq!(s2.content.slice(t), "The fire had been contained");
}

/// The speaker of "…, said Mira K. Holm of Tarvik, whose son, Arlo W.
/// Holm, died …" is Mira K. Holm, and so is the quotation running on
/// after it.
#[test]
fn a_person_in_the_speaker_s_relative_clause_is_not_the_speaker() {
    let text = "\"You can write it all out at night,\" said Mira K. Holm of Tarvik, Ga., whose \
                son, Arlo W. Holm, died on the sinking of the Kestrel ferry in June, 2004. \
                \"Sailors talk more freely when they are not in one room together.\"";
    let d = doc("x", None, text);
    let f = Extractor::new().extract(&d);
    let names: Vec<Option<&str>> = f
        .statements
        .iter()
        .map(|s| s.speaker_name.as_deref())
        .collect();
    assert!(!names.is_empty(), "{:#?}", f.statements);
    assert!(
        names.len() == 2 && names.iter().all(|n| *n == Some("Mira K. Holm")),
        "{names:?}"
    );
}

#[test]
fn an_acronym_must_fit_its_expansion() {
    use crate::entities::fits_expansion;
    for (a, e) in [
        ("CBV", "Central Bank of Varesia"),
        ("NPSB", "National Process Safety Board"),
        ("KCNA", "Korean Central News Agency"),
        ("U.N.", "United Nations"),
        ("DPRK", "Democratic People's Republic of Korea"),
    ] {
        assert!(fits_expansion(a, e), "{a} / {e}");
    }
    for (a, e) in [
        ("AP", "South Korea"),
        ("NIS", "Seoul"),
        ("BA", "Harbour Authority"),
    ] {
        assert!(!fits_expansion(a, e), "{a} / {e}");
    }
    // A dateline's agency after the place is not the place's acronym.
    let text =
        "LINDHAVEN, Varesia (AP) — The Central Bank of Varesia (CBV) raised rates on Monday.";
    let f = Extractor::new().extract(&doc("x", None, text));
    assert!(
        f.mentions
            .iter()
            .all(|m| m.defines.as_deref() != Some("AP")),
        "{:#?}",
        f.mentions
    );
    assert!(f
        .mentions
        .iter()
        .any(|m| m.defines.as_deref() == Some("CBV")));
}

#[test]
fn entity_boundaries_initialisms_particles_possessives_and_directions() {
    let text = "The U.S. envoy met European Commission President Ursula von der Leyen in Brussels. \
                Russia's Vladivostok hosted the talks, and South Korea's National Intelligence \
                Service said Western leaders and the North were watching. Russians were told nothing.";
    let f = Extractor::new().extract(&doc("x", None, text));
    let names: Vec<&str> = f.mentions.iter().map(|m| m.text.as_str()).collect();
    for want in [
        "U.S.",
        "Ursula von der Leyen",
        "Russia",
        "Vladivostok",
        "South Korea",
        "National Intelligence Service",
    ] {
        assert!(names.contains(&want), "{want:?} missing from {names:?}");
    }
    for unwanted in ["U", "S", "Ursula", "Leyen", "Western", "North", "Russians"] {
        assert!(!names.contains(&unwanted), "{unwanted:?} in {names:?}");
    }
    assert!(names.iter().all(|n| !n.contains("'s")), "{names:?}");
    let vdl = f
        .mentions
        .iter()
        .find(|m| m.text == "Ursula von der Leyen")
        .unwrap();
    assert_eq!(vdl.kind, EntityKind::Person);
}

#[test]
fn place_adjectives_and_two_bodies_joined_by_and_are_not_one_name() {
    let text = "The Tibetan capital was quiet, Tibetan officials said. Kashmiri leaders met \
                Crimean envoys in Tarvik. Halvard Greenholm spoke. Greenholm said Tibet Telecom \
                would help. \
                The Harbour Board and Senate disagreed, but the Varn Savings Bank and Trust \
                Company and the Fire and Rescue Service did not.";
    let f = Extractor::new().extract(&doc("x", None, text));
    let names: Vec<&str> = f.mentions.iter().map(|m| m.text.as_str()).collect();
    // An adjective of a listed place, before a noun, names nothing.
    for unwanted in ["Tibetan", "Kashmiri", "Crimean"] {
        assert!(!names.contains(&unwanted), "{unwanted:?} in {names:?}");
    }
    // A surname that only opens like a place ("Greenland") is a name.
    assert!(names.contains(&"Greenholm"), "{names:?}");
    // Two bodies, the second named by one word, are two names; a body
    // whose own name holds "and" is one.
    for want in [
        "Tibet Telecom",
        "Harbour Board",
        "Senate",
        "Varn Savings Bank and Trust Company",
        "Fire and Rescue Service",
    ] {
        assert!(names.contains(&want), "{want:?} missing from {names:?}");
    }
    assert!(names.iter().all(|n| !n.contains("Board and")), "{names:?}");
}

#[test]
fn common_words_the_pronoun_i_and_party_labels_are_not_names() {
    let text = "Mira Holm of Crew Rights Watch Varn spoke on crew rights. Crew rights groups \
                met in Tarvik. Arlo Young spoke to young workers. Later, Young said more would \
                come. Young said so again. \"It is the Charter I'm worried about, and the Senate \
                I trust,\" Holm said. Under the Varn Convention on Piracy, piracy cases go to \
                the Office of Charts and Soundings, which keeps soundings. Envoys \
                of Hanmor and Drevania agreed. The Republican Congress met, and the \
                Democratic Party objected. Democrat Halvard Strom and the Republican National \
                Committee agreed.";
    let f = Extractor::new().extract(&doc("x", None, text));
    let names: Vec<&str> = f.mentions.iter().map(|m| m.text.as_str()).collect();
    assert!(!names.contains(&"Crew"), "{names:?}");
    assert!(names.contains(&"Crew Rights Watch Varn"), "{names:?}");
    // "I" names no one and ends the name before it.
    for want in ["Charter", "Senate"] {
        assert!(names.contains(&want), "{want:?} missing from {names:?}");
    }
    assert!(names.iter().all(|n| !n.contains('I')), "{names:?}");
    // A common noun split off a longer title is no name, nor a party's
    // label before a person's name; the names are.
    for unwanted in [
        "Piracy",
        "Soundings",
        "Republican Congress",
        "Republican",
        "Democrat Halvard Strom",
    ] {
        assert!(!names.contains(&unwanted), "{unwanted:?} in {names:?}");
    }
    for want in [
        "Varn Convention",
        "Hanmor",
        "Drevania",
        "Congress",
        "Democratic Party",
        "Halvard Strom",
        "Republican National Committee",
    ] {
        assert!(names.contains(&want), "{want:?} missing from {names:?}");
    }
    // "Young" stands alone mid-sentence: a name, even beside "young".
    assert_eq!(
        names.iter().filter(|n| **n == "Young").count(),
        2,
        "{names:?}"
    );
}

#[test]
fn a_plural_title_after_a_name_is_not_part_of_it() {
    // The source lost a full stop: "… Kang Min-jae Legislators who …".
    let text = "The agency may have discussed more troops, according to Kang Min-jae \
                Legislators who attended the meeting. The Council of Ministers met on Friday.";
    let f = Extractor::new().extract(&doc("x", None, text));
    let names: Vec<&str> = f.mentions.iter().map(|m| m.text.as_str()).collect();
    assert!(names.contains(&"Kang Min-jae"), "{names:?}");
    assert!(
        names.iter().all(|n| !n.contains("Legislators")),
        "{names:?}"
    );
    assert!(names.contains(&"Council of Ministers"), "{names:?}");
}

#[test]
fn figures_that_only_refer_make_no_count_claim() {
    let text = "Officials from the two countries met on Friday. Its two largest ports were shut. \
                Two members of the panel voted against. Most of the roughly 3,000 people evacuated \
                were back home by noon.";
    let f = Extractor::new().extract(&doc("x", None, text));
    let counted: Vec<(&str, &str)> = f
        .claims
        .iter()
        .filter_map(|c| Some((c.subject.as_deref()?, c.value_text.as_str())))
        .collect();
    // "the two countries" and "Its two largest ports" count nothing.
    assert!(!counted.iter().any(|(_, v)| *v == "two"), "{counted:?}");
    assert!(counted.contains(&("members", "Two")), "{counted:?}");
    assert!(
        counted.iter().any(|(_, v)| *v == "roughly 3,000"),
        "{counted:?}"
    );
}

#[test]
fn calendar_words_are_capitalised_for_display() {
    assert_eq!(
        calendar_case("last monday"),
        "Last Monday".replacen('L', "l", 1)
    );
    assert_eq!(calendar_case("march"), "March");
    assert_eq!(calendar_case("may"), "May");
    assert_eq!(calendar_case("last week"), "last week");
    assert_eq!(calendar_case("2026-03-09"), "2026-03-09");
}

/// Numbers inside names and hyphenated sizes are not counts; figures at the
/// start of a sentence and dates are unaffected.
#[test]
fn names_with_numbers_and_hyphenated_sizes_make_no_counts() {
    let d = doc(
        "n",
        Some("2026-06-04"),
        "The update ships with Korvel 95 and the Tarrant 370 ferry, and a 30-year-old \
         Halvard 640 lent by the port. Nearly 300 people \
         queued on June 5. A 10-foot wall and a two-day visit were planned for the \
         55-year-old mayor, who met 12 residents. A 17-year-old was among those killed.",
    );
    let f = Extractor::new().extract(&d);
    let figures: Vec<&str> = f.quantities.iter().map(|q| q.text.as_str()).collect();
    assert!(
        !figures
            .iter()
            .any(|q| *q == "95" || *q == "370" || *q == "640"),
        "{figures:?}"
    );
    assert!(figures.iter().any(|q| q.contains("300")), "{figures:?}");
    let subjects: Vec<(&str, &str)> = f
        .claims
        .iter()
        .filter_map(|c| Some((c.subject.as_deref()?, c.value_text.as_str())))
        .collect();
    for size in ["foot", "day", "year-old"] {
        assert!(!subjects.iter().any(|(s, _)| *s == size), "{subjects:?}");
    }
    assert!(
        !subjects.iter().any(|(_, v)| v.contains("-year-old")),
        "{subjects:?}"
    );
    assert!(subjects.contains(&("residents", "12")), "{subjects:?}");
}

/// Newswire habits: abbreviated titles, month abbreviations, year ranges,
/// ages before a time word, counts on top of others, breakdowns of a total,
/// and a figure after "the" next to an event word.
#[test]
fn newswire_titles_ranges_and_referring_figures() {
    let d = doc(
        "w",
        Some("1998-10-20"),
        "Gen. Arvo Talmadge, who turns 83 next month, was detained on Oct. 16 over his \
         1973-90 rule. The court sent the names of 78 other people to Ormand. The two \
         leading candidates criticized the arrest. The storm killed 40 people. The deaths \
         included six drownings. Seventeen others died in Varn, and another 12 people were \
         injured there. The 40 workers of former firms joined. The storm left southern \
         Ormand Friday. Along Varn's coast, Typhoon Tessel weakened. Prime Minister Ilse \
         May spoke. The ferry left at 10 a.m. GMT for the Great Lakes. Off Varn, the \
         Ormandians Lio Sarto and Pell Arn were held by the United Nations. The ruin dates \
         from 300 B.C. and was found off Varn. The bombing of flight 103 over Varn was \
         recalled.",
    );
    let f = Extractor::new().extract(&d);
    let names: Vec<&str> = f.mentions.iter().map(|m| m.text.as_str()).collect();
    assert!(names.contains(&"Arvo Talmadge"), "{names:?}");
    assert!(
        !names.iter().any(|n| *n == "Gen" || *n == "Oct"),
        "{names:?}"
    );
    assert!(
        names.contains(&"Ormand") && !names.contains(&"Ormand Friday"),
        "{names:?}"
    );
    assert!(!names.iter().any(|n| n.starts_with("Along")), "{names:?}");
    // A surname that is also a month stays a name.
    assert!(names.contains(&"Ilse May"), "{names:?}");
    assert!(!names.contains(&"GMT"), "{names:?}");
    for bad in ["Off Varn", "B.C", "B.C.", "Ormandians Lio Sarto"] {
        assert!(!names.contains(&bad), "{bad}: {names:?}");
    }
    assert!(names.contains(&"Lio Sarto"), "{names:?}");
    let un = f
        .mentions
        .iter()
        .find(|m| m.text == "United Nations")
        .unwrap();
    assert_eq!(un.kind, EntityKind::Organization);
    let lakes = f.mentions.iter().find(|m| m.text == "Great Lakes").unwrap();
    assert_eq!(lakes.kind, EntityKind::Place);
    let storm = f
        .mentions
        .iter()
        .find(|m| m.text == "Typhoon Tessel")
        .unwrap();
    assert_eq!(storm.kind, EntityKind::Other);
    let talmadge = f
        .mentions
        .iter()
        .find(|m| m.text == "Arvo Talmadge")
        .unwrap();
    assert_eq!(talmadge.title.as_deref(), Some("Gen"));
    let claims: Vec<(Option<&str>, &str)> = f
        .claims
        .iter()
        .map(|c| (c.subject.as_deref(), c.value_text.as_str()))
        .collect();
    // "78 other people" counts on top of others: a part, not a total.
    assert!(!claims.iter().any(|(_, v)| *v == "78"), "{claims:?}");
    assert!(
        claims.contains(&(Some("people killed"), "40")),
        "{claims:?}"
    );
    for part in ["six", "Seventeen", "12", "103"] {
        assert!(
            !claims.iter().any(|(_, v)| *v == part),
            "{part}: {claims:?}"
        );
    }
    for (subject, value) in &claims {
        assert!(*value != "1973-90" && *value != "83", "{claims:?}");
        assert!(!subject.is_some_and(|s| s.contains("arrest")), "{claims:?}");
    }
}

/// A figure told after a reporting cue is that speaker's, also past where
/// the tagged content stops ("…, which carries …") and inside a nested
/// statement that names nobody ("… were expected to sign …").
#[test]
fn figures_after_a_reporting_cue_are_the_speakers() {
    let d = doc(
        "x",
        Some("2026-03-09"),
        "Club chairman Halvard Strom said Tannery Lane, which holds 14,500 people and has been \
         the club's home since 1911, could no longer be brought up to modern standards. \
         Ashdown's office said the ministers were expected to sign the agreement on Thursday, \
         after a final round of talks on customs checks.",
    );
    let f = Extractor::new().extract(&d);
    let speakers: Vec<(Option<&str>, Option<&str>)> = f
        .claims
        .iter()
        .map(|c| (c.subject.as_deref(), c.speaker.as_deref()))
        .collect();
    assert!(
        speakers.contains(&(Some("Tannery Lane"), Some("Halvard Strom"))),
        "{speakers:?}"
    );
    assert!(
        speakers.contains(&(Some("signing"), Some("Ashdown's office"))),
        "{speakers:?}"
    );
    // An attribution set inside the sentence, around a nested cue that
    // names nobody.
    let d = doc(
        "y",
        Some("2026-03-09"),
        "The advertisement, said Mira Holm, the director of the Varn trust, is intended to \
         show that 3,000 residents lost their homes.",
    );
    let f = Extractor::new().extract(&d);
    assert!(
        f.claims
            .iter()
            .any(|c| c.value_text == "3,000" && c.speaker.as_deref() == Some("Mira Holm")),
        "{:#?}",
        f.claims
    );
}

/// Newswire figures that are not what their words first suggest: a poll
/// lead in points is no interest rate, kidnap victims are not a death
/// toll, and a year after a possessive dates its sentence.
#[test]
fn poll_leads_kidnap_victims_and_possessive_years() {
    let d = doc(
        "x",
        Some("2026-10-07"),
        "Halvard Strom trailed Mira Holm by 22 percentage points in the Tribune's poll. \
         An estimated 100 kidnap victims are still being held in Ormand. \
         The Unity party had 68 seats after Jonas Ekvall's 1996 landslide. \
         The bank raised its main rate by half a percentage point.",
    );
    let f = Extractor::new().extract(&d);
    let rates: Vec<&str> = f
        .claims
        .iter()
        .filter(|c| c.subject.as_deref() == Some("interest rate"))
        .map(|c| c.value_text.as_str())
        .collect();
    assert_eq!(rates, ["half a percentage point"], "{:#?}", f.claims);
    assert!(
        !f.claims.iter().any(|c| c.concept == Some("killed")),
        "{:#?}",
        f.claims
    );
    assert!(
        f.dates
            .iter()
            .any(|d| d.text == "1996" && d.value == DateValue::Year(1996)),
        "{:#?}",
        f.dates
    );
}

/// Each claim of `f` as (concept, subject, value as written).
fn concept_subject_value(f: &ArticleFacts) -> Vec<(Option<&str>, Option<&str>, &str)> {
    f.claims
        .iter()
        .map(|c| (c.concept, c.subject.as_deref(), c.value_text.as_str()))
        .collect()
}

#[test]
fn hyphenated_figures_holders_and_workforces() {
    let d = doc(
        "x",
        Some("2026-03-09"),
        "Kelmark Rovers want a new 28,000-seat stadium. The club's nine-member board met on \
         Monday. The 4.2 million households that hold variable-rate loans will pay more. \
         Tarvik Lane, which holds 14,500 people, will close. In the Senate, the Unity party \
         holds 55 seats. The plant employs about 600 people. The resort earns 14 billion a \
         year and employs thousands.",
    );
    let f = Extractor::new().extract(&d);
    let shown = concept_subject_value(&f);
    // The figure's own noun is the concept's trigger; its value is the figure.
    assert!(
        shown.contains(&(Some("capacity"), Some("stadium"), "28,000")),
        "{shown:?}"
    );
    assert!(
        shown.contains(&(Some("capacity"), Some("Tarvik Lane"), "14,500")),
        "{shown:?}"
    );
    assert!(
        shown.contains(&(Some("employees"), Some("employees"), "about 600")),
        "{shown:?}"
    );
    // A hyphenated figure without a concept counts nothing; households that
    // hold loans and a party that holds seats are no capacity; a sum earned
    // before "employs" is no workforce.
    for (concept, _, value) in &shown {
        assert_ne!(*value, "nine-member", "{shown:?}");
        if *value == "4.2 million" || *value == "55" {
            assert_ne!(*concept, Some("capacity"), "{shown:?}");
        }
        if value.contains("14 billion") {
            assert_ne!(*concept, Some("employees"), "{shown:?}");
        }
    }
}

#[test]
fn ages_shares_and_verbs_after_figures_count_nothing() {
    let d = doc(
        "x",
        Some("2026-03-09"),
        "Most of the victims were between the ages of 13 and 17. The dancers, aged 15 to 19, \
         had packed the hall. One in three voters backed Strom. Of the 40 injured, 12 remain \
         in hospital. Nine people were killed.",
    );
    let f = Extractor::new().extract(&d);
    let values: Vec<&str> = f.claims.iter().map(|c| c.value_text.as_str()).collect();
    for v in ["13", "17", "15", "19", "three"] {
        assert!(!values.contains(&v), "{v}: {:#?}", f.claims);
    }
    // "Of the 40 injured, 12 remain in hospital": 12 are no count of the
    // injured, but of those still in hospital.
    let twelve: Vec<Option<&str>> = f
        .claims
        .iter()
        .filter(|c| c.value_text == "12")
        .map(|c| c.concept)
        .collect();
    assert_eq!(twelve, [Some("in_hospital")], "{:#?}", f.claims);
    // The sentence's real counts stay.
    assert!(values.contains(&"Nine"), "{:#?}", f.claims);
    assert!(values.contains(&"40"), "{:#?}", f.claims);
}

#[test]
fn wire_figures_read_with_their_nouns_units_and_rates() {
    let d = doc(
        "x",
        Some("1998-10-09"),
        "Police detained more than two dozen members. Ostria agreed to hand over two suspects. \
         Two political analysts said Strom had lost ground. The fund paid dlrs 75,000 to each \
         family. Varn is the group's No. 1 enemy. Its two largest housebuilders fell. The \
         economy will grow at a rate of 2.8 percent. The unemployment rate stood at 6.1 percent. \
         The central bank raised its main rate to 4 percent. The board approved a rise in its \
         rate to 4.5 percent.",
    );
    let f = Extractor::new().extract(&d);
    let shown = concept_subject_value(&f);
    let has = |value: &str| shown.iter().find(|(_, _, v)| *v == value);
    // "two dozen" is 24, a bound, the arrest count.
    let dozen = f
        .quantities
        .iter()
        .find(|q| q.text == "more than two dozen")
        .unwrap_or_else(|| panic!("{:#?}", f.quantities));
    assert_eq!(dozen.value, 24.0);
    // "hand over" is no hedge.
    assert!(
        f.quantities
            .iter()
            .any(|q| q.text == "two" && q.noun.as_deref() == Some("suspects")),
        "{:#?}",
        f.quantities
    );
    // The noun after a describing word.
    assert_eq!(has("Two").map(|x| x.1), Some(Some("analysts")), "{shown:?}");
    // A wire copy's dollars are money.
    assert!(
        f.quantities
            .iter()
            .any(|q| q.text == "dlrs 75,000" && q.unit == Unit::Money("dollar".into())),
        "{:#?}",
        f.quantities
    );
    // A rank, a superlative's things, a rate of growth or of unemployment:
    // none of these is a count or an interest rate.
    assert!(has("1").is_none(), "{shown:?}");
    assert!(
        !shown.iter().any(|(_, s, _)| *s == Some("housebuilders")),
        "{shown:?}"
    );
    for v in ["2.8 percent", "6.1 percent"] {
        assert!(
            has(v).is_none_or(|(c, _, _)| !c.is_some_and(|c| c.starts_with("rate_"))),
            "{v}: {shown:?}"
        );
    }
    for v in ["4 percent", "4.5 percent"] {
        assert_eq!(
            has(v).and_then(|x| x.0),
            Some("rate_level"),
            "{v}: {shown:?}"
        );
    }
}

#[test]
fn clock_times_asides_and_polls_are_read_for_what_they_are() {
    let d = doc(
        "x",
        Some("1998-10-09"),
        "The plane landed at 8:30 a.m. (0630 gmt). The committee's plan, which the full \
         Senate may vote on, would cost $5.1 billion. In a poll conducted in the third week of \
         October of 1992, Strom led by four points.",
    );
    let f = Extractor::new().extract(&d);
    assert!(
        !f.quantities.iter().any(|q| q.text.contains("0630")),
        "{:#?}",
        f.quantities
    );
    let cost = f
        .claims
        .iter()
        .find(|c| c.concept == Some("cost"))
        .unwrap_or_else(|| panic!("{:#?}", f.claims));
    assert_eq!(cost.subject.as_deref(), Some("plan"), "{cost:#?}");
    // A poll is no vote, and its month is of the year written.
    assert!(
        !f.claims.iter().any(|c| c.concept == Some("vote_date")),
        "{:#?}",
        f.claims
    );
    assert!(
        f.dates.iter().any(|d| d.value.to_string() == "1992-10"),
        "{:#?}",
        f.dates
    );
}

#[test]
fn a_date_after_a_second_predicate_is_not_the_first_ones() {
    let d = doc(
        "x",
        Some("2026-03-09"),
        "The envoy arrived in Varn and will visit Tarvik on Wednesday. The minister \
         arrived in Ostria and Tarvenia on Monday.",
    );
    let f = Extractor::new().extract(&d);
    let arrivals: Vec<&str> = f
        .claims
        .iter()
        .filter(|c| c.concept == Some("arrival_date"))
        .map(|c| c.value_text.as_str())
        .collect();
    assert_eq!(arrivals, ["Monday (2026-03-09)"], "{:#?}", f.claims);
}

#[test]
fn a_statement_inside_another_is_part_of_its_content() {
    let d = doc(
        "x",
        Some("2026-03-09"),
        "At a closed hearing, Ostria's National Security Service believes the two \
         countries will discuss the deployment of more patrol boats and what Varn may get \
         in return. The news came hours after the Ostrian Defence Ministry said Tarvenia had \
         sent about 4,000 troops to Varn, who are expected to arrive at the front within \
         “the next few weeks.",
    );
    let f = Extractor::new().extract(&d);
    // A cue without a source right after a content goes on with it.
    let said = f
        .statements
        .iter()
        .find(|s| s.speaker_name.as_deref() == Some("Ostrian Defence Ministry"))
        .unwrap_or_else(|| panic!("{:#?}", f.statements));
    assert!(
        said.content
            .slice(&d.article.text)
            .ends_with("the next few weeks"),
        "{:?}",
        said.content.slice(&d.article.text)
    );
    let believes = f
        .statements
        .iter()
        .find(|s| s.cue.slice(&d.article.text) == "believes")
        .unwrap_or_else(|| panic!("{:#?}", f.statements));
    assert!(
        believes
            .content
            .slice(&d.article.text)
            .starts_with("the two countries will discuss"),
        "{:?}",
        believes.content.slice(&d.article.text)
    );
}

#[test]
fn titles_and_party_tags_stay_in_the_speaker_and_quotes_go_on() {
    let d = doc(
        "x",
        Some("2026-03-09"),
        "The vote was delayed. “We will not wait forever,” said Ms. Mira Holm, who chairs \
         the committee. “The bridge is safe.” Rep. Jonas Ekvall, D-N.J., said the money would \
         come. Smoke rose over the quay. \"When the second blast came, there were not that \
         many people nearby,\" said witness Halvard Strom. \"That was a miracle from heaven.\"",
    );
    let f = Extractor::new().extract(&d);
    let said = |content: &str| {
        f.statements
            .iter()
            .find(|s| s.content.slice(&d.article.text) == content)
            .unwrap_or_else(|| panic!("no {content:?}: {:#?}", f.statements))
    };
    // Not "Ms" (a title's full stop is no sentence end), and the content
    // stops at the quotation.
    assert_eq!(
        said("We will not wait forever").speaker_name.as_deref(),
        Some("Mira Holm")
    );
    // The next sentence's quotation goes on with it.
    assert_eq!(
        said("The bridge is safe").speaker_name.as_deref(),
        Some("Mira Holm")
    );
    // The source is no part of the content, and a quotation its source
    // and cue close may go on in the next sentence.
    let strom = Some("Halvard Strom");
    let blast = "When the second blast came, there were not that many people nearby";
    assert_eq!(said(blast).speaker_name.as_deref(), strom);
    assert_eq!(
        said("That was a miracle from heaven")
            .speaker_name
            .as_deref(),
        strom
    );
    // "R-N.Y." / "D-N.J." does not end the sentence.
    assert_eq!(
        said("the money would come").speaker_name.as_deref(),
        Some("Jonas Ekvall")
    );
}

#[test]
fn a_poll_opening_the_sentence_is_its_source() {
    let d = doc(
        "x",
        Some("2026-03-09"),
        "In a Harbour Times poll released Monday, Mira Holm led Jonas Ekvall 48 percent to \
         41 percent. In the afternoon, the candidates met voters in Varn.",
    );
    let f = Extractor::new().extract(&d);
    let polls: Vec<(&str, &str)> = f
        .statements
        .iter()
        .filter(|s| s.cue.slice(&d.article.text) == "In")
        .map(|s| {
            (
                s.speaker.map_or("", |sp| sp.slice(&d.article.text)),
                s.content.slice(&d.article.text),
            )
        })
        .collect();
    assert_eq!(
        polls,
        [(
            "a Harbour Times poll released Monday",
            "Mira Holm led Jonas Ekvall 48 percent to 41 percent"
        )]
    );
}

/// The kind of the first mention written `name`.
fn kind_of(f: &ArticleFacts, name: &str) -> EntityKind {
    f.mentions
        .iter()
        .find(|m| m.text == name)
        .map(|m| m.kind)
        .unwrap_or_else(|| panic!("no {name}: {:#?}", f.mentions))
}

/// "The House" beside the Senate is a legislature's chamber.
#[test]
fn the_house_of_a_legislature_is_a_body() {
    let chamber = Extractor::new().extract(&doc(
        "x",
        None,
        "The bill passed the House on Monday, and the Senate will vote on it next week.",
    ));
    assert_eq!(kind_of(&chamber, "House"), EntityKind::Organization);
    let other = Extractor::new().extract(&doc(
        "y",
        None,
        "The guests stayed at the House on the hill for a week.",
    ));
    assert_ne!(kind_of(&other, "House"), EntityKind::Organization);
}

/// "Tarvik, Calif.": an abbreviated American state after a town is a place;
/// "Mass" alone is not.
#[test]
fn an_abbreviated_state_after_its_town_is_a_place() {
    let f = Extractor::new().extract(&doc(
        "x",
        None,
        "The firm moved from Tarvik, Calif., to Port Aldery, Conn. Later, Mass was held.",
    ));
    assert_eq!(kind_of(&f, "Calif"), EntityKind::Place);
    assert_eq!(kind_of(&f, "Conn"), EntityKind::Place);
    assert_ne!(kind_of(&f, "Mass"), EntityKind::Place);
}

/// A department after "of the" belongs to the title or the body before
/// it; "St." opens a place's name; a listed place ending in an
/// organisation word is a place; "the Prentiss administration" is a
/// leader's.
#[test]
fn departments_abbreviated_saints_listed_places_and_administrations() {
    let f = Extractor::new().extract(&doc(
        "x",
        None,
        "Secretary of the Interior Mira Holm flew to St. Aldric and the West Bank on \
         Monday. The Department of the Interior said the Prentiss administration agreed.",
    ));
    let holm = f.mentions.iter().find(|m| m.text == "Mira Holm");
    assert_eq!(
        holm.and_then(|m| m.title.as_deref()),
        Some("Secretary of the Interior"),
        "{:#?}",
        f.mentions
    );
    assert_eq!(kind_of(&f, "Mira Holm"), EntityKind::Person);
    assert_eq!(
        kind_of(&f, "Department of the Interior"),
        EntityKind::Organization
    );
    assert_eq!(kind_of(&f, "St. Aldric"), EntityKind::Place);
    assert_eq!(kind_of(&f, "West Bank"), EntityKind::Place);
    assert_eq!(kind_of(&f, "Prentiss"), EntityKind::Person);
}

/// "Kestrelair Flight 26" names the airline; a faith's or a people's
/// adjective opens no person's name ("the Orthodox Tarvelin"), though
/// "Christian" may be a given name; "Rio" opens a place's name.
#[test]
fn airlines_by_their_flights_faiths_and_rivers() {
    let f = Extractor::new().extract(&doc(
        "x",
        None,
        "Kestrelair Flight 26 left Tarvik on Monday. Christian Holm said the Orthodox \
         Tarvelin had begun. The Rio Varno flooded.",
    ));
    assert_eq!(kind_of(&f, "Kestrelair"), EntityKind::Organization);
    assert!(
        !f.mentions.iter().any(|m| m.text.contains("Flight")),
        "{:#?}",
        f.mentions
    );
    assert_ne!(kind_of(&f, "Orthodox Tarvelin"), EntityKind::Person);
    assert_eq!(kind_of(&f, "Christian Holm"), EntityKind::Person);
    assert_eq!(kind_of(&f, "Rio Varno"), EntityKind::Place);
}

#[test]
fn initials_stay_in_names_and_name_words_tell_bodies_and_events() {
    let d = doc(
        "x",
        Some("2026-03-09"),
        "Maj. Jonas L. Ekvall of the Tarvik Space Laboratory said U.S officials and J. Mira \
         Holm of the Varn Information Center would attend the Harbour Games under the Ferry \
         Safety Act. The Ostrian Embassy recalled the Coast War.",
    );
    let f = Extractor::new().extract(&d);
    let kind = |name: &str| kind_of(&f, name);
    assert_eq!(kind("Jonas L. Ekvall"), EntityKind::Person);
    assert_eq!(kind("J. Mira Holm"), EntityKind::Person);
    assert_eq!(kind("Tarvik Space Laboratory"), EntityKind::Organization);
    assert_eq!(kind("Varn Information Center"), EntityKind::Organization);
    assert_eq!(kind("Harbour Games"), EntityKind::Other);
    assert_eq!(kind("Ferry Safety Act"), EntityKind::Other);
    assert_eq!(kind("Ostrian Embassy"), EntityKind::Organization);
    assert_eq!(kind("Coast War"), EntityKind::Other);
    // "U.S officials" (its last full stop missing): no name runs on from a
    // full stop with no space after it.
    assert!(
        !f.mentions.iter().any(|m| m.text.starts_with("U.S")),
        "{:#?}",
        f.mentions
    );
    let st = f
        .statements
        .iter()
        .find(|s| s.cue.slice(&d.article.text) == "said")
        .unwrap_or_else(|| panic!("{:#?}", f.statements));
    assert_eq!(st.speaker_name.as_deref(), Some("Jonas L. Ekvall"));
}

#[test]
fn a_dateline_names_a_place() {
    let f = Extractor::new().extract(&doc(
        "x",
        Some("2026-03-09"),
        "MARA VELDEN, Ostria (AP) — The ferry left Tarvik on Monday.",
    ));
    assert_eq!(kind_of(&f, "MARA VELDEN"), EntityKind::Place);
    // A heading in capitals with a dash alone is no dateline's place.
    let f = Extractor::new().extract(&doc(
        "x",
        Some("2026-03-09"),
        "MARA VELDEN — The ferry left Tarvik on Monday.",
    ));
    assert_ne!(kind_of(&f, "MARA VELDEN"), EntityKind::Place);
}

#[test]
fn a_seat_of_government_speaks_for_its_government() {
    let d = doc(
        "x",
        Some("2026-03-09"),
        "White House spokeswoman Mira Holm said the Kremlin had not replied. \
         A Pentagon official and the Tarvik office of Downing Street declined to comment.",
    );
    let f = Extractor::new().extract(&d);
    let kind = |name: &str| kind_of(&f, name);
    for name in ["White House", "Kremlin", "Pentagon", "Downing Street"] {
        assert_eq!(kind(name), EntityKind::Organization, "{name}");
    }
    assert_eq!(kind("Mira Holm"), EntityKind::Person);
}

#[test]
fn a_name_described_as_a_news_outlet_is_an_organisation() {
    let d = doc(
        "x",
        Some("2026-03-09"),
        "Ostria's Brennholm news agency reported the talks. The Tarvik-based newspaper \
         Kestrelpost disagreed, and the Varesian daily Morgenlicht said nothing.",
    );
    let f = Extractor::new().extract(&d);
    let kind = |name: &str| kind_of(&f, name);
    assert_eq!(kind("Brennholm"), EntityKind::Organization);
    // Adjectives before such a word are no outlets.
    assert!(
        !f.mentions.iter().any(|m| m.kind == EntityKind::Organization
            && (m.text.ends_with("-based") || m.text == "Varesian")),
        "{:#?}",
        f.mentions
    );
}

#[test]
fn who_a_relative_clause_describes_speaks_and_someones_office_is_no_body() {
    let d = doc(
        "x",
        Some("2026-03-09"),
        "The Tarvik Harbour Board met on Monday. Kestrel Resins, which makes coatings for the \
         paint industry, said it was working with the fire service. Flags will fly at \
         half-mast until Friday, the mayor’s office said.",
    );
    let f = Extractor::new().extract(&d);
    let by = |content: &str| {
        f.statements
            .iter()
            .find(|s| s.content.slice(&d.article.text).starts_with(content))
            .and_then(|s| s.speaker_name.as_deref())
            .unwrap_or_else(|| panic!("no {content:?}: {:#?}", f.statements))
    };
    assert_eq!(by("it was working"), "Kestrel Resins");
    // Not the latest organisation of the article (the harbour board).
    assert_eq!(by("Flags will fly"), "the mayor’s office");
}

/// The resolved speaker names of `f`'s statements.
fn speaker_names(f: &ArticleFacts) -> Vec<&str> {
    f.statements
        .iter()
        .filter_map(|s| s.speaker_name.as_deref())
        .collect()
}

#[test]
fn speakers_named_after_a_preposition_are_not_the_speaker() {
    let d = doc(
        "x",
        Some("2026-03-09"),
        "The Russian embassy in Ostria said the visit would last two days. An aide to Mira \
         Holm said the talks had gone well. Speaking to Halvard Strom and Foreign Minister Jonas \
         Ekvall, President Ilse Varga urged closer ties. The United States on Monday said it \
         would send observers.",
    );
    let f = Extractor::new().extract(&d);
    let names = speaker_names(&f);
    assert!(!names.contains(&"Ostria"), "{names:?}");
    assert!(!names.contains(&"Mira Holm"), "{names:?}");
    assert!(names.contains(&"Ilse Varga"), "{names:?}");
    assert!(names.contains(&"United States"), "{names:?}");
}

#[test]
fn names_joined_by_and_speak_together() {
    let d = doc(
        "x",
        Some("2026-03-09"),
        "Observers gathered in Varn on Monday. Both Ostria and Tarvenia have denied that \
         their patrols crossed the river. Officials said talks would resume. Mira Holm, Jonas \
         Ekvall and Ilse Varga said the border would stay open. After first denying the \
         reports, Ostria and Tarvenia have taken a vaguer stance, claiming that the patrols \
         kept to their waters. Jonas Ekvall lived in Ostria and Tarvenia, his sister said.",
    );
    let f = Extractor::new().extract(&d);
    let names = speaker_names(&f);
    assert!(names.contains(&"Ostria and Tarvenia"), "{names:?}");
    assert!(!names.contains(&"Tarvenia"), "{names:?}");
    let claiming = f
        .statements
        .iter()
        .find(|s| {
            s.content
                .slice(&d.article.text)
                .contains("kept to their waters")
        })
        .expect("statement found");
    assert_eq!(
        claiming.speaker_name.as_deref(),
        Some("Ostria and Tarvenia"),
        "{names:?}"
    );
    assert!(
        names.contains(&"Mira Holm, Jonas Ekvall and Ilse Varga"),
        "{names:?}"
    );
}

#[test]
fn the_agency_is_the_body_just_spoken_of() {
    // "The agency" after a service has been speaking is that service, not
    // the news agency named at the start.
    let d = doc(
        "x",
        Some("2026-03-09"),
        "Strom left for Varn on Monday, the Ostrian News Agency reported.          Ostria's National Security Service told lawmakers that two generals were at the          front. The agency said the talks would last three days.",
    );
    let f = Extractor::new().extract(&d);
    let said = f
        .statements
        .iter()
        .find(|s| s.content.slice(&d.article.text).contains("three days"))
        .expect("statement found");
    assert!(
        said.speaker_name
            .as_deref()
            .is_some_and(|n| n.ends_with("National Security Service")),
        "{:?}",
        speaker_names(&f)
    );
}

#[test]
fn descriptions_of_named_organisations_are_resolved() {
    let d = doc(
        "x",
        Some("2026-03-09"),
        "The Ostrian Intelligence Service briefed lawmakers on Monday. Ostria's spy agency \
         said two generals were at the front. The Tarvik Fire and Rescue Service sent 40 crews. \
         The city's fire service said the blaze was out. The city's health service said nine \
         people were treated.",
    );
    let f = Extractor::new().extract(&d);
    let names = speaker_names(&f);
    assert!(names.contains(&"Ostrian Intelligence Service"), "{names:?}");
    assert!(
        names.contains(&"Tarvik Fire and Rescue Service"),
        "{names:?}"
    );
    // A description no organisation of the article fits stays as written.
    assert!(
        names.iter().any(|n| n.contains("health service")),
        "{names:?}"
    );
}

#[test]
fn unresolved_months_contradict_other_months_whatever_the_year() {
    use crate::DateValue::{Day as D, Month, Relative, Year};
    let july = Relative("july".into());
    assert_eq!(july.month_named(), Some(7));
    assert_eq!(Relative("early july".into()).month_named(), Some(7));
    assert_eq!(Relative("19 june".into()).month_named(), Some(6));
    assert_eq!(Relative("last monday".into()).month_named(), None);
    assert_eq!(Relative("last year".into()).month_named(), None);
    assert!(!july.compatible(&Month {
        year: 2024,
        month: 6
    }));
    assert!(july.compatible(&Month {
        year: 2023,
        month: 7
    }));
    assert!(!july.compatible(&D(crate::Day::new(2024, 6, 19).unwrap())));
    assert!(july.compatible(&Year(2024)));
    assert!(!july.compatible(&Relative("june".into())));
    assert!(july.compatible(&Relative("last july".into())));
    // Expressions that name no month keep their old reading.
    assert!(!Relative("monday".into()).compatible(&Relative("tuesday".into())));
    assert!(Relative("monday".into()).compatible(&Month {
        year: 2024,
        month: 6
    }));
}

#[test]
fn countries_modifiers_groups_and_events_are_not_people() {
    let d = doc(
        "x",
        Some("2026-03-09"),
        "Envoys from Sri Lanka met Mira O'Dell and Mira Drevanian in Saudi Arabia. The \
         Tarvik-based Harlow Vane Securities and the Ostrian-run port of Varn closed. \
         Britons Jonas Ekvall and Lio Sarto flew on Kestrel Flight 12 before Varn Day. \
         Underdog Norway won the Tarvik Prize. Harbour Democrats and Ostrian Muslims met \
         Muslim leaders along the strip of Arab cafes.",
    );
    let f = Extractor::new().extract(&d);
    let kind = |name: &str| kind_of(&f, name);
    assert_eq!(kind("Sri Lanka"), EntityKind::Place);
    assert_eq!(kind("Saudi Arabia"), EntityKind::Place);
    assert_eq!(kind("Mira O'Dell"), EntityKind::Person);
    assert_eq!(kind("Mira Drevanian"), EntityKind::Person);
    assert_eq!(kind("Harlow Vane Securities"), EntityKind::Organization);
    assert_eq!(kind("Jonas Ekvall"), EntityKind::Person);
    assert_eq!(kind("Kestrel"), EntityKind::Organization);
    assert_eq!(kind("Varn Day"), EntityKind::Other);
    assert_eq!(kind("Underdog Norway"), EntityKind::Other);
    assert_eq!(kind("Tarvik Prize"), EntityKind::Other);
    assert_eq!(kind("Harbour Democrats"), EntityKind::Other);
    assert_eq!(kind("Ostrian Muslims"), EntityKind::Other);
    // The name a modifier is made from is the name; a people or a faith
    // made a modifier or an adjective names no one.
    assert!(f.mentions.iter().any(|m| m.text == "Tarvik"));
    for m in &f.mentions {
        assert!(
            !m.text.contains("-based")
                && !m.text.contains("Ostrian-run")
                && !m.text.starts_with("Britons")
                && m.text != "Ostrian"
                && m.text != "Muslim"
                && m.text != "Arab",
            "{:#?}",
            f.mentions
        );
    }
}

#[test]
fn letters_numerals_and_company_words_tell_names_apart() {
    let d = doc(
        "x",
        Some("2026-03-09"),
        "Tarvik International said the Harbour War II memorial would open. Its plan abides by \
         International law. Group K meets in the Varn Hotel. A man named Mira H., 47, \
         was found there.",
    );
    let f = Extractor::new().extract(&d);
    let kind = |name: &str| kind_of(&f, name);
    assert_eq!(kind("Tarvik International"), EntityKind::Organization);
    assert_eq!(kind("Harbour War II"), EntityKind::Other);
    assert_eq!(kind("Varn Hotel"), EntityKind::Place);
    assert_ne!(kind("Group K"), EntityKind::Person);
    assert_eq!(kind("Mira H"), EntityKind::Person);
    assert!(
        f.mentions
            .iter()
            .all(|m| m.text != "International" || m.kind != EntityKind::Organization),
        "{:#?}",
        f.mentions
    );
}

#[test]
fn four_word_names_and_their_look_alikes() {
    let d = doc(
        "x",
        Some("2026-03-09"),
        "Mira Anika Sol Varga met the Varn Harbour Support Unit at Tarvik Air Force Base.",
    );
    let f = Extractor::new().extract(&d);
    let kind = |name: &str| kind_of(&f, name);
    assert_eq!(kind("Mira Anika Sol Varga"), EntityKind::Person);
    assert_eq!(kind("Varn Harbour Support Unit"), EntityKind::Organization);
    assert_eq!(kind("Tarvik Air Force Base"), EntityKind::Place);
}

#[test]
fn a_name_before_an_event_is_no_person() {
    let d = doc(
        "x",
        Some("2026-03-09"),
        "Families of the Ostel Brand bombing met Mira Holm.",
    );
    let f = Extractor::new().extract(&d);
    assert_ne!(kind_of(&f, "Ostel Brand"), EntityKind::Person);
    assert_eq!(kind_of(&f, "Mira Holm"), EntityKind::Person);
}

#[test]
fn titles_of_departments_are_titles() {
    let d = doc(
        "x",
        Some("2026-03-09"),
        "Secretary of State Mira Holm said the Ostrian Minister of Defence would resign. \
         Chief of Staff Jonas Ekvall agreed. Travellers reached Princess Varn Airport.",
    );
    let f = Extractor::new().extract(&d);
    let holm = f.mentions.iter().find(|m| m.text == "Mira Holm");
    assert_eq!(
        holm.and_then(|m| m.title.as_deref()),
        Some("Secretary of State"),
        "{:#?}",
        f.mentions
    );
    assert_eq!(kind_of(&f, "Jonas Ekvall"), EntityKind::Person);
    assert_eq!(kind_of(&f, "Princess Varn Airport"), EntityKind::Place);
    for m in &f.mentions {
        assert!(
            !["State", "Defence", "Staff"]
                .iter()
                .any(|w| m.text.starts_with(w)),
            "{:#?}",
            f.mentions
        );
    }
}

#[test]
fn names_of_things_open_with_their_own_words() {
    let d = doc(
        "x",
        Some("2026-03-09"),
        "Operation Lantern began as Swedish Eagle planes flew. Mira Holm watched.",
    );
    let f = Extractor::new().extract(&d);
    assert_ne!(kind_of(&f, "Operation Lantern"), EntityKind::Person);
    assert_ne!(kind_of(&f, "Swedish Eagle"), EntityKind::Person);
    assert_eq!(kind_of(&f, "Mira Holm"), EntityKind::Person);
}

#[test]
fn an_office_without_a_name_names_no_one() {
    let d = doc(
        "x",
        Some("2026-03-09"),
        "The Home Secretary met the Ostrian Ambassador and Norway's Foreign Minister. \
         The Prime Minister left. John Varn and Mira Dean stayed.",
    );
    let f = Extractor::new().extract(&d);
    for m in &f.mentions {
        assert!(
            ![
                "Home Secretary",
                "Ostrian Ambassador",
                "Prime Minister",
                "Foreign Minister"
            ]
            .iter()
            .any(|t| m.text.contains(t)),
            "{:#?}",
            f.mentions
        );
    }
    assert_eq!(kind_of(&f, "Norway"), EntityKind::Place);
    assert_eq!(kind_of(&f, "Mira Dean"), EntityKind::Person);
}

/// The claims of `f` that count people, as (concept, value as written).
fn people_counts(f: &ArticleFacts) -> Vec<(Option<&str>, &str)> {
    f.claims
        .iter()
        .filter(|c| {
            c.subject
                .as_deref()
                .is_some_and(|s| s.starts_with("people"))
        })
        .map(|c| (c.concept, c.value_text.as_str()))
        .collect()
}

/// A figure counting places, vehicles or spans of time is no toll and no
/// count of arrests, however near such a word stands; a figure of people
/// in the same sentence still is.
#[test]
fn figures_of_things_count_no_people() {
    let d = doc(
        "x",
        Some("2026-10-30"),
        "Officials said the injured came from 12 countries. \
         Mira Holm and Jonas Ekvall were arrested in raids in three towns. \
         The flood in Varn killed 9 people in two hours.",
    );
    let f = Extractor::new().extract(&d);
    let people = people_counts(&f);
    assert_eq!(people, [(Some("killed"), "9")], "{:#?}", f.claims);
}

/// "As voters prepare to vote on Sunday", written on a Thursday, is the
/// coming Sunday; and "next week", written that Thursday, holds that Sunday
/// for a reporter who counts weeks from Sunday, but no later than the
/// Sunday after.
#[test]
fn preparing_looks_ahead_and_a_week_holds_its_sunday() {
    let f = Extractor::new().extract(&doc(
        "x",
        Some("2026-10-01"),
        "As Ostrians prepare to vote on Sunday, polls favour Mira Holm. \
         Most Ostrians who will vote next week live in towns.",
    ));
    let got: Vec<(String, String)> = f
        .dates
        .iter()
        .map(|d| (d.text.clone(), d.value.to_string()))
        .collect();
    assert_eq!(
        got,
        [
            ("Sunday".to_string(), "2026-10-04".to_string()),
            ("next week".to_string(), "week of 2026-10-05".to_string())
        ]
    );
    let (sunday, week) = (&f.dates[0].value, &f.dates[1].value);
    assert!(sunday.compatible(week) && week.compatible(sunday));
    let day = |s: &str| DateValue::Day(crate::date::Day::parse_iso(s).unwrap());
    assert!(!week.compatible(&day("2026-10-03")));
    assert!(week.compatible(&day("2026-10-11")));
    assert!(!week.compatible(&day("2026-10-12")));
}

/// A legislator's party-and-state tag is no name: what the legislator
/// said is credited to the legislator, and the sentence the tag closes
/// ends there.
#[test]
fn party_and_state_tags_name_no_one() {
    let d = doc(
        "x",
        Some("2026-10-08"),
        "\"The vote will pass,\" said Rep. Mira Holm, R-N.Y. Sen. Jonas Ekvall, \
         D-Calif., said he agreed.",
    );
    let f = Extractor::new().extract(&d);
    let names: Vec<&str> = f.mentions.iter().map(|m| m.text.as_str()).collect();
    assert_eq!(names, ["Mira Holm", "Jonas Ekvall"], "{:#?}", f.mentions);
    let speakers: Vec<Option<&str>> = f
        .statements
        .iter()
        .map(|s| s.speaker_name.as_deref())
        .collect();
    assert_eq!(
        speakers,
        [Some("Mira Holm"), Some("Jonas Ekvall")],
        "{:#?}",
        f.statements
    );
}

/// Words that look like cues but report nothing ("Port Said", a cold
/// that "claims lives", "the figure reported was", "the morning blast"), a stray quotation mark
/// before "said Name", and a body described by a relative clause after
/// its town and state.
#[test]
fn cues_in_disguise_and_speakers_behind_punctuation() {
    let d = doc(
        "x",
        Some("2026-11-17"),
        "Ships left Port Said in Ostria on Monday. \
         The fever claims hundreds of lives in Tarvik each year. \
         The largest figure reported was 40 boats in Tarvik. \
         The morning blast in Varn killed more than 20 people. \
         Critics blast the plan. \
         \"Everyone began to run `toward the gate,\"' said Jonas Ekvall, a ferry pilot. \
         The Harlow Vane Institute in Tarvik, Mass., which is a registry of tide \
         records, said that gauges showed a rise of two metres.",
    );
    let f = Extractor::new().extract(&d);
    let text = &d.article.text;
    let got: Vec<(Option<&str>, &str)> = f
        .statements
        .iter()
        .map(|s| (s.speaker_name.as_deref(), s.cue.slice(text)))
        .collect();
    assert_eq!(
        got,
        [
            (Some("Critics"), "blast"),
            (Some("Jonas Ekvall"), "said"),
            (Some("Harlow Vane Institute"), "said")
        ],
        "{:#?}",
        f.statements
    );
}

/// A figure after "and" is not counted by the verb of the clause before
/// it (here free, "30 of the passengers" being a part, not a count), and
/// age bounds count no one.
#[test]
fn tolls_stay_in_their_clause_and_age_bounds_count_no_one() {
    let f = Extractor::new().extract(&doc(
        "x",
        Some("2026-10-30"),
        "About 30 of the passengers died and more than 80 were seriously injured. \
         The dead, as young as 9 and none older than 70, had boarded the Varn ferry.",
    ));
    let people = people_counts(&f);
    assert_eq!(
        people,
        [(Some("injured"), "more than 80")],
        "{:#?}",
        f.claims
    );
}

/// "He" after a named speaker is that speaker, even when a name read as a
/// person's (here a ferry's) stands between; a body that spoke last does
/// not take the pronoun from the person named before it.
#[test]
fn he_is_the_speaker_just_named() {
    let speakers = |text: &str| -> Vec<String> {
        let f = Extractor::new().extract(&doc("x", Some("2026-10-16"), text));
        f.statements
            .iter()
            .map(|s| s.speaker_name.clone().unwrap_or_default())
            .collect()
    };
    let got = speakers(
        "Special Agent Tomas Varga spoke in Tarvik. The second boat was a Harlow Vane, \
         a small ferry built in Ostria. It had been \"seen near the pier,\" Varga said. \
         He did not say who had sailed it.",
    );
    assert_eq!(got.last().map(String::as_str), Some("Varga"), "{got:?}");
    let got = speakers(
        "Mayor Mira Holm opened the bridge in Tarvik. Kestrel Corp. said the plant would \
         close. He said the town would recover.",
    );
    assert_eq!(got, ["Kestrel Corp.", "Mira Holm"]);
    // "Surname of the body" names the surname's bearer, who then takes
    // the "he" that follows.
    let got = speakers(
        "Mayor Mira Holm opened the bridge in Tarvik. \"We expect power back by Friday,\" \
         said Varga of the Tarvik Tourism Board. But, he added, it may take longer in the hills.",
    );
    assert_eq!(got, ["Varga", "Varga"]);
}

/// A quotation before its speaker is what was said, not the scene the
/// clause after the cue sets.
#[test]
fn a_quotation_is_not_run_on_into_the_scene_after_its_speaker() {
    let d = doc(
        "x",
        Some("2026-10-30"),
        "\"We ran for the doors,\" Tarvik port spokesman Jonas Ekvall said, with smoke \
         filling the hall behind him.",
    );
    let f = Extractor::new().extract(&d);
    let got: Vec<&str> = f
        .statements
        .iter()
        .map(|s| s.content.slice(&d.article.text))
        .collect();
    assert_eq!(got, ["We ran for the doors"], "{:#?}", f.statements);
}

#[test]
fn one_word_datelines_ships_and_shipping_lines() {
    let f = Extractor::new().extract(&doc(
        "x",
        None,
        "BRELLOW — The Morrow Star sank near the harbour, and the Varn Lake Lines ferry Orla \
         Wend stayed in port. The ferry had left Brellow at noon.\n\nUPDATE — Divers found the \
         wreck.",
    ));
    assert_eq!(kind_of(&f, "BRELLOW"), EntityKind::Place);
    assert_ne!(kind_of(&f, "Morrow Star"), EntityKind::Person);
    assert_eq!(kind_of(&f, "Varn Lake Lines"), EntityKind::Organization);
    // A heading in capitals before a dash is no place when the article
    // never writes it as a name.
    assert!(
        f.mentions
            .iter()
            .all(|m| m.text != "UPDATE" || m.kind != EntityKind::Place),
        "{:#?}",
        f.mentions
    );
    // Some wires write the dateline's dash as an underscore.
    let f = Extractor::new().extract(&doc(
        "x",
        None,
        "KORVELHAVN, Tarvenia _ Among the ruins stands a theatre.",
    ));
    assert_eq!(kind_of(&f, "KORVELHAVN"), EntityKind::Place);
    // An epithet after "the" still opens a person's name.
    let f = Extractor::new().extract(&doc(
        "x",
        None,
        "Pilgrims honour the Prophet Elias Tarvo at the shrine.",
    ));
    assert_eq!(kind_of(&f, "Prophet Elias Tarvo"), EntityKind::Person);
}

/// What a source and cue closing the sentence said is the whole clause
/// before them, commas and all; after a dateline, and also when they told
/// someone ("told reporters").
#[test]
fn a_clause_before_its_closing_source_is_said_whole() {
    let d = doc(
        "x",
        Some("2026-05-12"),
        "TARVIK — A passenger ferry capsized on Lake Varn on Monday evening, killing at least \
         nine people, the Tarvenian Coast Guard said. The vessel, the Morrow Star, was carrying \
         about 230 passengers when it overturned near Port Aldery, coast guard spokeswoman Ilse \
         Maartens told reporters.",
    );
    let f = Extractor::new().extract(&d);
    let content_of = |cue: &str| {
        f.statements
            .iter()
            .find(|s| s.cue.slice(&d.article.text) == cue)
            .unwrap_or_else(|| panic!("{:#?}", f.statements))
            .content
            .slice(&d.article.text)
    };
    assert_eq!(
        content_of("said"),
        "A passenger ferry capsized on Lake Varn on Monday evening, killing at least nine people"
    );
    assert_eq!(
        content_of("told"),
        "The vessel, the Morrow Star, was carrying about 230 passengers when it overturned near \
         Port Aldery"
    );
}

/// "in May" is the month, not a modal hedging the figure before it; a
/// person is no thing that costs; a title holding "of" is the speaker's
/// own; a dateline's region is a place and never part of what was said.
#[test]
fn months_costs_titles_with_of_and_dateline_regions() {
    let d = doc(
        "x",
        Some("2026-06-02"),
        "KORVEL, Tarvenia (Meridian Press) — Unemployment rose to 7.9 percent in May, \
         according to figures released on Tuesday by the statistics office. Minister of \
         Finance Ana Lind said a support package costing 2 billion crowns would be announced \
         in July. The jobless rate may reach 8 percent.",
    );
    let f = Extractor::new().extract(&d);
    let rate = f
        .quantities
        .iter()
        .find(|q| q.text == "7.9 percent")
        .unwrap_or_else(|| panic!("{:#?}", f.quantities));
    assert!(!rate.hedged);
    let forecast = f.quantities.iter().find(|q| q.text == "8 percent").unwrap();
    assert!(forecast.hedged);
    let cost = f
        .claims
        .iter()
        .find(|c| c.attribute == "amount")
        .unwrap_or_else(|| panic!("{:#?}", f.claims));
    assert_eq!(cost.subject.as_deref(), Some("package"));
    assert!(
        f.statements
            .iter()
            .any(|s| s.speaker_name.as_deref() == Some("Ana Lind")),
        "{:#?}",
        f.statements
    );
    assert_eq!(kind_of(&f, "Tarvenia"), EntityKind::Place);
    // "according to" with a source longer than a candidate reaches.
    let according = f
        .statements
        .iter()
        .find(|s| s.cue.slice(&d.article.text) == "according to")
        .unwrap_or_else(|| panic!("{:#?}", f.statements));
    assert_eq!(
        according.speaker.map(|s| s.slice(&d.article.text)),
        Some("figures released on Tuesday by the statistics office")
    );
    for s in &f.statements {
        assert!(
            !s.content.slice(&d.article.text).contains("KORVEL"),
            "{:?}",
            s.content.slice(&d.article.text)
        );
    }
}

/// A description resolves to a body of the kind it names: "the ministry"
/// to the Ministry of Finance named earlier, not to the office named
/// since; "the finance ministry" to no unrelated body; "the labour
/// department" to no labour organisation. A person after a title that
/// follows "of" is not the speaker ("chief of President …").
#[test]
fn descriptions_name_bodies_of_their_kind() {
    let d = doc(
        "x",
        Some("2026-06-02"),
        "The Ministry of Finance said the rise was temporary. The Korvel Statistics Office \
         said jobs were lost. The ministry said it would help. The International Labour \
         Organisation said strikes fell. The labour department said strikes rose. \
         Tarvo Lind, chief of President Mira Holm's cabinet, said the talks would go on.",
    );
    let f = Extractor::new().extract(&d);
    let speaker = |content: &str| {
        f.statements
            .iter()
            .find(|s| s.content.slice(&d.article.text).starts_with(content))
            .unwrap_or_else(|| panic!("{:#?}", f.statements))
            .speaker_name
            .clone()
    };
    assert_eq!(
        speaker("it would help").as_deref(),
        Some("Ministry of Finance")
    );
    assert_ne!(
        speaker("strikes rose").as_deref(),
        Some("International Labour Organisation")
    );
    assert_eq!(speaker("the talks").as_deref(), Some("Tarvo Lind"));
    let d = doc(
        "x",
        Some("2026-06-02"),
        "The Korvel Statistics Office said jobs were lost. The finance ministry blamed the \
         closures.",
    );
    let f = Extractor::new().extract(&d);
    let blamed = f
        .statements
        .iter()
        .find(|s| s.cue.slice(&d.article.text) == "blamed")
        .unwrap_or_else(|| panic!("{:#?}", f.statements));
    assert_ne!(
        blamed.speaker_name.as_deref(),
        Some("Korvel Statistics Office")
    );
}

/// A titled person's or a country-shaped owner's body is named apart from
/// its owner ("Prime Minister Jose Varga's Unity Party"); a founder's name
/// stays in the body's ("St Brennan's General Hospital").
#[test]
fn owners_of_parties_and_founders_of_hospitals() {
    let f = Extractor::new().extract(&doc(
        "x",
        None,
        "Ostrian Prime Minister Jose Varga's Unity Party topped the vote in Ostria. \
         Ostria's Green Front came second. St Brennan's General Hospital treated the injured.",
    ));
    let names: Vec<&str> = f.mentions.iter().map(|m| m.text.as_str()).collect();
    assert!(names.contains(&"Jose Varga"), "{names:?}");
    assert_eq!(kind_of(&f, "Jose Varga"), EntityKind::Person);
    assert_eq!(kind_of(&f, "Unity Party"), EntityKind::Organization);
    assert_eq!(kind_of(&f, "Green Front"), EntityKind::Organization);
    assert!(
        names.contains(&"St Brennan's General Hospital"),
        "{names:?}"
    );
}

/// Turnout is a rate of its own, its earlier level ("up from 54 percent")
/// apart; an election called in July is not held in July; "estimated
/// that … will" projects a figure; and what was said before a source and
/// a cue with its time is not the aside after them (the source being the
/// name before its bracketed acronym).
#[test]
fn turnout_called_elections_projections_and_asides_after_a_time() {
    let d = doc(
        "x",
        Some("2026-09-14"),
        "Turnout was 61 percent, up from 54 percent in 2022. Varga called the election in \
         July. A daily estimated that 15 million people will vote, a turnout of 39 percent. \
         Ostria's Unity Party won Sunday's snap parliamentary election with 41.3% of the \
         vote, the Central Election Commission (CEC) said early on Monday, but fell short of \
         a majority in the 200-seat Assembly.",
    );
    let f = Extractor::new().extract(&d);
    let turnout: Vec<(&str, &str, bool)> = f
        .claims
        .iter()
        .filter(|c| c.subject.as_deref() == Some("turnout"))
        .map(|c| (c.attribute.as_str(), c.value_text.as_str(), c.hedged))
        .collect();
    assert_eq!(
        turnout,
        [
            ("rate", "61 percent", false),
            ("previous level", "54 percent", false),
            ("rate", "39 percent", true)
        ]
    );
    assert!(
        !f.claims.iter().any(|c| c.attribute == "date"),
        "{:#?}",
        f.claims
    );
    let said = f
        .statements
        .iter()
        .find(|s| s.cue.slice(&d.article.text) == "said")
        .unwrap_or_else(|| panic!("{:#?}", f.statements));
    assert_eq!(
        said.content.slice(&d.article.text),
        "Ostria's Unity Party won Sunday's snap parliamentary election with 41.3% of the vote"
    );
    // The name before the bracketed acronym is the source.
    assert_eq!(
        said.speaker_name.as_deref(),
        Some("Central Election Commission")
    );
}

/// A sinking fund is no sinking, and shares that sank are no wreck: their
/// dates date no incident. A ferry that capsized on Sunday is one.
#[test]
fn sinking_funds_are_no_incidents() {
    let f = Extractor::new().extract(&doc(
        "x",
        Some("2026-05-12"),
        "The company will redeem its sinking fund debentures of 1998 on May 14. Its shares \
         sank on Monday. The ferry capsized on Sunday.",
    ));
    let dated: Vec<&str> = f
        .claims
        .iter()
        .filter(|c| c.attribute == "date")
        .map(|c| c.value_text.as_str())
        .collect();
    assert_eq!(dated, ["Sunday (2026-05-10)"], "{:#?}", f.claims);
}

/// A reporting verb after a figure is no counted noun ("of whom 812
/// said they would strike").
#[test]
fn a_reporting_verb_is_no_counted_noun() {
    let f = Extractor::new().extract(&doc(
        "x",
        None,
        "The survey asked 930 dock workers, of whom 812 said they would strike.",
    ));
    let q = f
        .quantities
        .iter()
        .find(|q| q.text == "812")
        .unwrap_or_else(|| panic!("{:#?}", f.quantities));
    assert_eq!(q.noun, None);
}

#[test]
fn measures_in_other_units_are_converted_and_say_so() {
    let d = doc(
        "units",
        Some("2026-11-03"),
        "Gusts of 56 mph hit the coast. The fire scorched about 30,000 acres. \
         The 1,200 square kilometres reserve lies 12 miles away. Winds reached 150 km/h. \
         It ran 69 kilometers.",
    );
    let f = Extractor::new().extract(&d);
    let q = |t: &str| {
        f.quantities
            .iter()
            .find(|q| q.text == t)
            .unwrap_or_else(|| panic!("{t}: {:#?}", f.quantities))
    };
    assert_eq!(q("56 mph").unit, Unit::Measure("km/h".into()));
    assert!((q("56 mph").value - 90.12).abs() < 0.01);
    assert!((q("about 30,000 acres").value - 12_140.58).abs() < 0.01);
    assert_eq!(q("1,200 square kilometres").value, 120_000.0);
    assert_eq!(q("150 km/h").unit, Unit::Measure("km/h".into()));
    assert!((q("12 miles").value - 19.31).abs() < 0.01);
    let shown: Vec<&str> = f.claims.iter().map(|c| c.value_text.as_str()).collect();
    assert!(shown.contains(&"56 mph (about 90 km/h)"), "{shown:?}");
    assert!(
        shown.contains(&"about 30,000 acres (about 12,000 hectares)"),
        "{shown:?}"
    );
    // Written in the unit compared: no note.
    assert!(shown.contains(&"69 kilometers"), "{shown:?}");
}

/// An age is read beside a name in three forms: "Name, 52,", "Name, the
/// 55-year-old leader" and "40-year-old Name"; an "N-year-old" elsewhere
/// in the sentence is nobody's age.
#[test]
fn ages_written_as_year_old_belong_to_the_name_beside_them() {
    let d = doc(
        "ages",
        Some("2026-03-05"),
        "Union leader Jurgen Voss, 52, spoke first. Tarvo Lind, the 55-year-old head of the \
         port, said the talks had failed. The rescuers found 40-year-old Mira Holm alive. \
         Ana Lind said a 12-year-old boy was missing.",
    );
    let f = Extractor::new().extract(&d);
    let mut ages: Vec<(String, String)> = f
        .claims
        .iter()
        .filter(|c| c.concept == Some("age"))
        .map(|c| (c.subject.clone().unwrap_or_default(), c.value_text.clone()))
        .collect();
    ages.sort();
    let want = [
        ("Jurgen Voss", "52"),
        ("Mira Holm", "40"),
        ("Tarvo Lind", "55"),
    ];
    let want: Vec<(String, String)> = want
        .iter()
        .map(|(s, v)| (s.to_string(), v.to_string()))
        .collect();
    assert_eq!(ages, want);
}

/// A sentence adverb before the speaker with no comma ("Earlier police
/// said") is not part of who spoke.
#[test]
fn an_opening_adverb_is_not_the_speaker() {
    let d = doc(
        "adverb",
        None,
        "Earlier police said 32 people had died of cold in Varn. Meanwhile officials said \
         the roads were closed.",
    );
    let f = Extractor::new().extract(&d);
    let speakers: Vec<&str> = f
        .statements
        .iter()
        .filter_map(|s| s.speaker.map(|sp| sp.slice(&d.article.text)))
        .collect();
    assert_eq!(speakers, ["police", "officials"], "{:#?}", f.statements);
}

/// Whom a speaker told is not what was said: "told reporters the union
/// wanted …" says "the union wanted …", "told him to leave" says "to
/// leave".
#[test]
fn the_addressee_of_told_is_not_the_content() {
    let d = doc(
        "told",
        None,
        "Voess told reporters the union wanted a 9% pay rise. Ana Lind told the Varn Courier \
         on Monday she would resign. Holm told reporters Strom had lied. Lind told him to \
         leave the room. Strom told journalists in Port Aldery he had heard the report. Holm \
         told the Korvel news agency that talks would resume.",
    );
    let f = Extractor::new().extract(&d);
    let contents: Vec<&str> = f
        .statements
        .iter()
        .map(|s| s.content.slice(&d.article.text))
        .collect();
    assert_eq!(
        contents,
        [
            "the union wanted a 9% pay rise",
            "she would resign",
            "Strom had lied",
            "to leave the room",
            "he had heard the report",
            "that talks would resume"
        ],
        "{:#?}",
        f.statements
    );
}

/// A company named by its trade ("Brennholm Foods", "Istava Dairy") is an
/// organisation, not a person with a first and last name.
#[test]
fn companies_named_by_their_trade_are_organisations() {
    let d = doc(
        "trade",
        None,
        "Brennholm Foods has agreed to buy Istava Dairy, the companies said. Korvel Mining \
         and Tarvik Logistics were also bidders, said Mira Holm.",
    );
    let f = Extractor::new().extract(&d);
    let kind = |name: &str| {
        f.mentions
            .iter()
            .find(|m| m.text == name)
            .map(|m| m.kind)
            .unwrap_or_else(|| panic!("no {name}: {:#?}", f.mentions))
    };
    for company in [
        "Brennholm Foods",
        "Istava Dairy",
        "Korvel Mining",
        "Tarvik Logistics",
    ] {
        assert_eq!(kind(company), EntityKind::Organization, "{company}");
    }
    assert_eq!(kind("Mira Holm"), EntityKind::Person);
}

/// The claims of `f` of the given concepts, as (concept, value as
/// written), sorted.
fn concept_values<'a>(f: &'a ArticleFacts, ids: &[&str]) -> Vec<(&'a str, &'a str)> {
    let mut got: Vec<(&str, &str)> = f
        .claims
        .iter()
        .filter_map(|c| {
            Some((
                c.concept.filter(|id| ids.contains(id))?,
                c.value_text.as_str(),
            ))
        })
        .collect();
    got.sort_unstable();
    got
}

/// A date is an event's when it says when the event happened: not a
/// year naming a thing ("the 2027 budget"), nor a bound ("until", "by",
/// "effective"), unless a negation makes the bound the day ("not signed
/// until 9 October"; "far from Monday's blast" names the event by its
/// day). A bill passed in a month or a year is history the story
/// recalls: a vote is dated by its day, near the verb and not in a
/// relative clause or an "of" phrase after it.
#[test]
fn a_year_before_a_noun_and_a_bound_date_no_event() {
    let d = doc(
        "a",
        Some("2026-11-26"),
        "Parliament approved the 2027 budget on Thursday. Shareholders will vote at the \
         2027 general meeting. The law was passed by parliament effective 1 July. The \
         deal with Varn was signed on Monday. Lawmakers extended a bill until June 30. \
         The loan to Lenk was not signed until 9 October. Parliament passed a \
         farm bill last year, and the senate approved it in March. Traders far from \
         Monday's blast kept their stalls open. Lawmakers adopted a rule that lapses on \
         Friday. The bill was passed in the wake of the Monday protests.",
    );
    let f = Extractor::new().extract(&d);
    assert_eq!(
        concept_values(
            &f,
            &["passage_date", "vote_date", "signing_date", "incident_date"]
        ),
        vec![
            ("incident_date", "Monday (2026-11-23)"),
            ("passage_date", "Thursday (2026-11-26)"),
            ("signing_date", "9 October"),
            ("signing_date", "Monday (2026-11-23)"),
        ]
    );
}

/// The year a thing opened or was founded belongs to the thing named
/// right before the verb; a pronoun, a name after a preposition, an
/// object between the verb and the year, or "established" without a
/// comma or an auxiliary names nothing.
#[test]
fn an_opening_or_founding_year_is_the_things_before_the_verb() {
    let d = doc(
        "a",
        Some("2026-04-16"),
        "The plant, which opened in 1978, employs 640 people. Brennholm Foods was founded \
         in 1921. The closure of the bakery, which opened in 1990, was announced. It opened \
         in 1985. A deal with Istava established in 1992 ends. Police opened an inquiry in \
         2019. Ties between the two clubs were established in 1960. Rules established last \
         year remain. The negotiators opened talks last August. The rules established last \
         year remain. Later they opened in 1999.",
    );
    let f = Extractor::new().extract(&d);
    let got: Vec<(&str, &str)> = f
        .claims
        .iter()
        .filter(|c| c.concept == Some("origin_date"))
        .map(|c| (c.subject.as_deref().unwrap_or(""), c.value_text.as_str()))
        .collect();
    assert_eq!(
        got,
        vec![
            ("plant opened", "1978"),
            ("Brennholm Foods founded", "1921"),
            ("bakery opened", "1990"),
        ]
    );
}

/// People aboard are people, survivors are named so or survived, seats
/// won are not a majority or a change, and things recalled are counted
/// things.
#[test]
fn aboard_survivors_seats_and_recalls_count_only_their_own() {
    let d = doc(
        "guards",
        Some("2026-08-14"),
        "The barge was carrying 40 containers. The ferry was carrying 120 passengers. \
         Ana Lind, who survived \
         the crash with two friends, said the pilot was hurt. Of those aboard, 98 survived. \
         The poll gave the Unity party a majority of 30 seats; it gained nine seats and now \
         holds 81 seats. Korvel Motors is recalling 2,000 vans with 1,300-cc engines.",
    );
    let f = Extractor::new().extract(&d);
    assert_eq!(
        concept_values(&f, &["aboard", "survivors", "seats_won", "recalled"]),
        [
            ("aboard", "120"),
            ("recalled", "2,000"),
            ("seats_won", "81"),
            ("survivors", "98")
        ],
        "{:#?}",
        f.claims
    );
}

/// People rescued are people ("rescued two lenders" is not), votes in favour
/// follow "by", a share of the workforce names the workforce, and a wire
/// abbreviation after a figure ("10 mln") counts no one trapped ("44
/// others" are on top of a count, no count themselves).
#[test]
fn rescues_votes_workforce_shares_and_wire_abbreviations_count_only_their_own() {
    let d = doc(
        "rescues",
        Some("2026-03-11"),
        "Divers rescued 14 fishermen. The central bank rescued two lenders. The bill was \
         approved by 98 votes to 52; the party approved 40 votes of confidence. Istava will \
         cut 300 jobs, or 12% of its workforce, and cut prices 5% of the time. A mine \
         fire that trapped 44 others for a day caused an estimated 10 mln Ostrian dlrs in damage.",
    );
    let f = Extractor::new().extract(&d);
    assert_eq!(
        concept_values(
            &f,
            &[
                "rescued",
                "votes_for",
                "workforce_share",
                "trapped",
                "jobs_cut"
            ]
        ),
        [
            ("jobs_cut", "300"),
            ("rescued", "14"),
            ("votes_for", "98"),
            ("workforce_share", "12%")
        ],
        "{:#?}",
        f.claims
    );
}

/// A whole another figure is a part of counts no one the event touched
/// ("cut about 1,200 of a total 9,000 jobs": not 9,000 jobs cut), but a
/// figure after an "of" that names no whole is the event's ("the toll from
/// ten days of flooding to at least 58").
#[test]
fn a_whole_is_no_count_but_a_toll_after_of_is() {
    let d = doc(
        "wholes",
        Some("2026-02-05"),
        "Krell Steel said it will cut about 1,200 of a total 9,000 jobs. Three more bodies \
         were recovered, raising the toll from ten days of flooding to at least 58.",
    );
    let f = Extractor::new().extract(&d);
    assert_eq!(
        concept_values(&f, &["jobs_cut", "killed"]),
        [("killed", "at least 58")],
        "{:#?}",
        f.claims
    );
}

/// "August that year" takes the year the sentence named before ("in May
/// 2004"), and is left out when the sentence named none; "May" before a
/// year is the month, and the verb otherwise.
#[test]
fn a_month_of_that_year_and_may_before_a_year() {
    let d = doc(
        "a",
        Some("2026-10-05"),
        "The dam was finished in May 2004, and the flood came in August that year. The \
         levee broke on 3 June of the same year. The bridge may open in spring.",
    );
    let f = Extractor::new().extract(&d);
    let dates: Vec<(&str, String)> = f
        .dates
        .iter()
        .map(|d| (d.text.as_str(), d.value.to_string()))
        .collect();
    assert_eq!(
        dates,
        vec![
            ("May 2004", "2004-05".to_string()),
            ("August that year", "2004-08".to_string()),
        ]
    );
}

/// A toll's new level far after "toll" is the toll's; a trigger in a
/// clause of its own after the figure ("after two of the injured died")
/// is that clause's; and an aside with a figure between commas describes
/// the thing before it ("The bridge, 310 metres long, was opened").
#[test]
fn a_far_toll_level_a_later_clause_and_an_aside() {
    let text = "The death toll from the collapse of the Tarve bridge in Brellow rose to eight \
                on Wednesday after two of the injured died in hospital, the fire service said. \
                The bridge, 310 metres long, was opened in 1978. The plant, which employs 400 \
                people, opened in 1987.";
    let f = Extractor::new().extract(&doc("x", Some("2026-10-15"), text));
    let claims: Vec<(&str, &str)> = f
        .claims
        .iter()
        .filter_map(|c| Some((c.subject.as_deref()?, c.value_text.as_str())))
        .collect();
    assert!(claims.contains(&("people killed", "eight")), "{claims:?}");
    assert!(
        !claims.iter().any(|(s, _)| *s == "people injured"),
        "{claims:?}"
    );
    assert!(claims.contains(&("bridge opened", "1978")), "{claims:?}");
    assert!(claims.contains(&("plant opened", "1987")), "{claims:?}");
    // What the fire service said is the whole clause before it, however
    // short the tagger cut it.
    let said: Vec<&str> = f.statements.iter().map(|s| s.content.slice(text)).collect();
    assert!(
        said.iter()
            .any(|c| c.starts_with("The death toll") && c.ends_with("died in hospital")),
        "{said:?}"
    );
}

/// A trade opening a sentence describes the company named after it; an
/// adjective that could be one ("Firm") is left to the other rules.
#[test]
fn a_trade_opening_a_sentence_is_no_part_of_the_name() {
    let text = "Carmaker Kestrel Motors said it would cut 2,400 jobs. Retailer Brennholm Foods \
                will close 12 stores. Chipmaker Varn Silicon was not affected.";
    let f = Extractor::new().extract(&doc("x", None, text));
    let names: Vec<&str> = f.mentions.iter().map(|m| m.text.as_str()).collect();
    assert_eq!(
        names,
        ["Kestrel Motors", "Brennholm Foods", "Varn Silicon"],
        "{names:?}"
    );
}

/// "took place", "happened" and "occurred" are an event's own predicate:
/// the date after them is the event's. A prisoner exchange is dated in a
/// report about prisoners, even in a sentence that does not name them; a
/// stock exchange is no exchange of anyone.
#[test]
fn an_event_that_took_place_and_an_exchange_of_prisoners() {
    let claims = |text: &str| -> Vec<(String, String)> {
        Extractor::new()
            .extract(&doc("x", Some("2026-08-03"), text))
            .claims
            .iter()
            .filter_map(|c| Some((c.subject.clone()?, c.value_text.clone())))
            .collect()
    };
    let swap = claims(
        "Families of the prisoners gathered on Sunday. The exchange took place on Friday, \
         according to the defence ministry. The blast happened on Thursday.",
    );
    assert!(
        swap.contains(&("prisoner exchange".into(), "Friday (2026-07-31)".into())),
        "{swap:?}"
    );
    assert!(
        swap.contains(&("incident".into(), "Thursday (2026-07-30)".into())),
        "{swap:?}"
    );
    // A dam bursts; a bubble of frustration is no incident.
    let bubble = claims("The bubble of frustration against the plan burst on Friday.");
    assert!(!bubble.iter().any(|(s, _)| s == "incident"), "{bubble:?}");
    let market = claims("Kestrel shares fell. Trading on the exchange on Friday was thin.");
    assert!(
        !market.iter().any(|(s, _)| s == "prisoner exchange"),
        "{market:?}"
    );
}

/// A name between a figure and its plural noun describes the noun ("3.2
/// million Kestrel Telecom customers"); a month there makes a date, and a
/// currency a sum, not a count. (Dates are read before figures.)
#[test]
fn a_counted_noun_after_a_name() {
    let text = "About 3.2 million Kestrel Telecom customers were affected. The talks moved \
                to 5 June deadlines. The fine was 20 Ostrian crowns.";
    let f = Extractor::new().extract(&doc("x", None, text));
    let nouns: Vec<(&str, Option<&str>)> = f
        .quantities
        .iter()
        .map(|q| (q.text.as_str(), q.noun.as_deref()))
        .collect();
    assert!(
        nouns.contains(&("About 3.2 million", Some("customers"))),
        "{nouns:?}"
    );
    assert!(
        !nouns
            .iter()
            .any(|(_, n)| matches!(n, Some("deadlines" | "crowns"))),
        "{nouns:?}"
    );
}

#[test]
fn a_vote_tally_is_the_votes_in_favour() {
    let text = "The board voted 5-2 to raise the rate. The rise passed in a 4–3 vote. The \
                council voted 9 to 4 against the plan. The court ruled in a seven-to-two \
                decision. Prices rose 5 to 7 percent in 1973-90. A forty-two vote margin.";
    let f = Extractor::new().extract(&doc("x", None, text));
    let tallies: Vec<(&str, f64, Option<f64>)> = f
        .quantities
        .iter()
        .filter(|q| q.against.is_some())
        .map(|q| (q.text.as_str(), q.value, q.against))
        .collect();
    assert_eq!(
        tallies,
        [
            ("5-2", 5.0, Some(2.0)),
            ("4–3", 4.0, Some(3.0)),
            ("9 to 4", 4.0, Some(9.0)),
            ("seven-to-two", 7.0, Some(2.0)),
        ]
    );
    let votes: Vec<(&str, bool)> = f
        .claims
        .iter()
        .filter(|c| c.concept == Some("votes_for"))
        .map(|c| (c.value_text.as_str(), c.hedged))
        .collect();
    assert_eq!(
        votes,
        [
            ("5-2", false),
            ("4–3", false),
            ("9 to 4", false),
            ("seven-to-two", false)
        ]
    );
}

#[test]
fn strikers_of_a_body_and_a_collective_noun() {
    let text = "The union said 2,100 of its members walked out. About 1,200 cabin crew went \
                on strike at Kestrel Air. Members of local 417 voted to strike. Nine of the \
                injured were children. It reflects a 12 pct staff cut.";
    let f = Extractor::new().extract(&doc("x", None, text));
    let strikers: Vec<&str> = f
        .claims
        .iter()
        .filter(|c| c.concept == Some("strikers"))
        .map(|c| c.value_text.as_str())
        .collect();
    assert_eq!(strikers, ["2,100", "About 1,200"], "{:#?}", f.claims);
    let nouns: Vec<(&str, Option<&str>, bool)> = f
        .quantities
        .iter()
        .map(|q| (q.text.as_str(), q.noun.as_deref(), q.partitive))
        .collect();
    assert!(nouns.contains(&("Nine", None, true)), "{nouns:?}");
    assert!(nouns.contains(&("12", Some("pct"), false)), "{nouns:?}");
    assert!(!nouns.iter().any(|(t, _, _)| *t == "417"), "{nouns:?}");
}

#[test]
fn just_over_a_figure_and_no_more_than_one() {
    let text = "The yes side took just over 52 percent. No more than 40 people were hurt. \
                Just under 400 homes lost power. More than 5 million households pay more.";
    let f = Extractor::new().extract(&doc("x", None, text));
    let read: Vec<(&str, Approx, (f64, f64))> = f
        .quantities
        .iter()
        .map(|q| (q.text.as_str(), q.approx, q.interval()))
        .collect();
    assert_eq!(
        read,
        [
            ("just over 52 percent", Approx::JustOver, (52.0, 53.0)),
            ("No more than 40", Approx::AtMost, (f64::NEG_INFINITY, 40.0)),
            ("Just under 400", Approx::JustUnder, (300.0, 400.0)),
            (
                "More than 5 million",
                Approx::MoreThan,
                (5e6, f64::INFINITY)
            ),
        ]
    );
    // Each phrase comes before any shorter one it ends with.
    for (k, (words, _)) in crate::lexicon::APPROX_PREFIXES.iter().enumerate() {
        for (shorter, _) in &crate::lexicon::APPROX_PREFIXES[..k] {
            assert!(!words.ends_with(shorter), "{words:?} after {shorter:?}");
        }
    }
}

#[test]
fn a_ship_and_the_outlet_of_a_dateline_are_no_people() {
    let text = "STENHAVN (Meridian) — The passenger ferry Aldery Star, run by Norrsund Line, \
                struck the breakwater, spokesman Jonas Ekdal said.";
    let f = Extractor::new().extract(&doc("x", None, text));
    let kinds: Vec<(&str, EntityKind)> = f
        .mentions
        .iter()
        .map(|m| (m.text.as_str(), m.kind))
        .collect();
    for (name, kind) in [
        ("Meridian", EntityKind::Organization),
        ("Aldery Star", EntityKind::Other),
        ("Norrsund Line", EntityKind::Organization),
        ("Jonas Ekdal", EntityKind::Person),
    ] {
        assert!(kinds.contains(&(name, kind)), "{name}: {kinds:?}");
    }
}

#[test]
fn the_outlet_of_a_dateline_wins_no_votes() {
    let text = "STENHAVN (Valley Times) — Supporters of the plan won Sunday's election with \
                55.1 percent of the vote against 44.9 percent for the other side.";
    let f = Extractor::new().extract(&doc("x", None, text));
    let shares: Vec<(Option<&str>, &str)> = f
        .claims
        .iter()
        .filter(|c| c.concept == Some("vote_share"))
        .map(|c| (c.subject.as_deref(), c.value_text.as_str()))
        .collect();
    assert_eq!(
        shares,
        [
            (Some("share of the vote"), "55.1 percent"),
            (Some("share of the vote"), "44.9 percent")
        ]
    );
}

#[test]
fn a_fire_that_has_raged_since_a_day_began_then() {
    let text = "A forest fire has raged near Delvik since Tuesday. The fire raged on Friday as \
                crews fought it.";
    let f = Extractor::new().extract(&doc("x", Some("2026-08-14"), text));
    let starts: Vec<&str> = f
        .claims
        .iter()
        .filter(|c| c.concept == Some("fire_date"))
        .map(|c| c.value_text.as_str())
        .collect();
    assert_eq!(starts, ["Tuesday (2026-08-11)"], "{:#?}", f.claims);
}

#[test]
fn a_clause_after_when_and_the_injured_who_died() {
    let text = "Twelve people were hurt when 300 fans rushed the gates. Two injured passengers \
                died in hospital on Friday.";
    let f = Extractor::new().extract(&doc("x", Some("2026-09-25"), text));
    let injured: Vec<&str> = f
        .claims
        .iter()
        .filter(|c| c.concept == Some("injured"))
        .map(|c| c.value_text.as_str())
        .collect();
    assert_eq!(injured, ["Twelve"], "{:#?}", f.claims);
}

#[test]
fn a_profit_of_the_group_is_the_leads_company() {
    let profits = |text: &str| -> Vec<(Option<String>, String)> {
        Extractor::new()
            .extract(&doc("x", Some("2026-09-24"), text))
            .claims
            .into_iter()
            .filter(|c| c.concept == Some("profit"))
            .map(|c| (c.subject, c.value_text))
            .collect()
    };
    assert_eq!(
        profits(
            "KORVEL (Meridian) — Aldery Shipping Group will cut 350 jobs. Net profit for the \
             year ended June 30 came in at 341 million crowns, the group said. Last year's \
             profit of 298 million crowns included a one-off gain, the company said."
        ),
        [(
            Some("Aldery Shipping Group profit".to_string()),
            "341 million crowns".to_string()
        )]
    );
    // No company in the lead (a ticker is none): a profit of no company
    // is no claim.
    for lead in [
        "Shares rose on Thursday.",
        "<KEST.ST> shares rose on Thursday.",
    ] {
        assert!(
            profits(&format!(
                "{lead} Net profit came in at 341 million crowns, the group said."
            ))
            .is_empty(),
            "{lead}"
        );
    }
}
