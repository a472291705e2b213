//! Who said what: speech with a known speaker, one entry per statement
//! however many outlets report it, counted as independent sources the way
//! claims are; beliefs and accusations of the named, unresolved owners
//! ("its engineers") and pronouns are left out.

mod common;
use common::{invented, run};

use crosscheck_model::Document;

#[test]
fn one_quotation_reported_by_two_outlets_is_one_statement() {
    let docs: Vec<Document> = vec![
        invented(
            "valden-post/bridge",
            "Valden Post",
            "2026-04-07",
            "Mayor Ilse Varga said on Tuesday: “We will rebuild the Osk bridge by spring.” Police \
             said the river road would stay closed until Friday. The Varn Transport Agency has \
             been accused of ignoring warnings about the bridge. Its engineers said they had \
             raised the alarm twice.",
        ),
        invented(
            "lakeside-wire/bridge",
            "Lakeside Wire",
            "2026-04-07",
            "Hundreds told to leave homes by the river. “We will rebuild the Osk bridge by \
             spring,” Varga told reporters at the town hall. She added that the cost of the work \
             was not yet known.",
        ),
        invented(
            "valden-post/bridge-update",
            "Valden Post",
            "2026-04-08",
            "Ilse Varga repeated on Wednesday: “We will rebuild the Osk bridge by spring.”",
        ),
    ];
    let facts = run(&docs, &[]);
    let said = &facts.statements;
    let rebuild: Vec<_> = said
        .iter()
        .filter(|s| s.content.contains("rebuild the Osk bridge"))
        .collect();
    assert_eq!(rebuild.len(), 1, "{said:#?}");
    let rebuild = rebuild[0];
    assert_eq!(rebuild.speaker, "Ilse Varga", "{rebuild:#?}");
    assert!(rebuild.direct, "{rebuild:#?}");
    // Three articles, two outlets.
    assert_eq!(rebuild.citations.len(), 3, "{rebuild:#?}");
    assert_eq!(rebuild.independent_sources, 2, "{rebuild:#?}");
    // Listed first: the most widely reported.
    assert_eq!(said[0], *rebuild);
    // Each citation is the content in its article.
    for c in &rebuild.citations {
        let doc = docs.iter().find(|d| d.article.id == c.article).unwrap();
        let cited = &doc.article.text[c.start..c.end];
        assert!(
            cited.contains("rebuild the Osk bridge by spring"),
            "{cited:?}"
        );
    }

    // A pronoun resolved to the speaker named before it.
    let cost = said
        .iter()
        .find(|s| s.content.contains("cost of the work"))
        .unwrap_or_else(|| panic!("{said:#?}"));
    assert_eq!(cost.speaker, "Ilse Varga");
    assert!(!cost.direct);
    // A described speaker is kept as written.
    assert!(
        said.iter()
            .any(|s| s.speaker == "Police" && s.content.contains("river road")),
        "{said:#?}"
    );
    // The accused does not speak, nor do those told to leave; "its
    // engineers" is nobody the reader knows.
    assert!(
        !said.iter().any(|s| s.speaker.contains("Transport Agency")
            || s.speaker.to_lowercase().starts_with("its")
            || s.content.contains("leave homes")),
        "{said:#?}"
    );
}

#[test]
fn excerpts_of_one_remark_are_one_statement_unless_their_figures_differ() {
    let docs: Vec<Document> = vec![
        invented(
            "valden-post/floods",
            "Valden Post",
            "2026-04-07",
            "Governor Arlo Prentiss said the flood barriers along the Osk river had held for \
             three days and would be raised again. Officials said two people hit by falling \
             trees had died in Tarvik.",
        ),
        invented(
            "lakeside-wire/floods",
            "Lakeside Wire",
            "2026-04-07",
            "Prentiss said the flood barriers along the Osk river had held for three days. \
             Officials said three people hit by falling trees had died in Tarvik.",
        ),
    ];
    let facts = run(&docs, &[]);
    let said = &facts.statements;
    let barriers: Vec<_> = said
        .iter()
        .filter(|s| s.content.contains("flood barriers"))
        .collect();
    assert_eq!(barriers.len(), 1, "{said:#?}");
    assert_eq!(barriers[0].independent_sources, 2, "{said:#?}");
    let trees: Vec<_> = said
        .iter()
        .filter(|s| s.content.contains("falling trees"))
        .collect();
    assert_eq!(trees.len(), 2, "{said:#?}");
}

#[test]
fn a_description_one_article_leaves_is_the_organisation_another_names() {
    let docs: Vec<Document> = vec![
        invented(
            "valden-post/spies",
            "Valden Post",
            "2026-04-07",
            "Ostria's spy service said two generals had reached the front line.",
        ),
        invented(
            "lakeside-wire/spies",
            "Lakeside Wire",
            "2026-04-07",
            "The Ostrian Intelligence Service told lawmakers that the generals had been seen near \
             the border.",
        ),
    ];
    let facts = run(&docs, &[]);
    let generals = facts
        .statements
        .iter()
        .find(|s| s.content.contains("reached the front line"))
        .unwrap_or_else(|| panic!("{:#?}", facts.statements));
    assert_eq!(generals.speaker, "Ostrian Intelligence Service");
}

#[test]
fn a_bare_description_is_the_body_the_article_just_quoted() {
    let docs: Vec<Document> = vec![invented(
        "valden-post/envoy",
        "Valden Post",
        "2026-04-07",
        "The Ostrian embassy in Varn said the envoy had left for Tarvik on Monday. Crowds \
         gathered at the airport. The embassy said the talks would last two days.",
    )];
    let facts = run(&docs, &[]);
    let talks = facts
        .statements
        .iter()
        .find(|s| s.content.contains("would last two days"))
        .unwrap_or_else(|| panic!("{:#?}", facts.statements));
    assert_eq!(talks.speaker, "the Ostrian embassy in Varn");
}

/// A source the tagger cut short to a function word ("The", "both") or to
/// a possessor ("The council's") names no one: its statement is left out,
/// not credited to "The".
#[test]
fn a_function_word_or_a_possessor_is_no_speaker() {
    use crosscheck_facts::{ArticleFacts, Extractor};
    use crosscheck_model::Span;
    use crosscheck_reconcile::Reconciler;
    let text = "The council's members said the bridge would reopen in May. Both of the \
                engineers said the cables had been replaced. The harbour board said the quay \
                would stay shut.";
    let docs = [invented(
        "valden-post/bridge",
        "Valden Post",
        "2026-04-07",
        text,
    )];
    let mut facts: Vec<ArticleFacts> = docs.iter().map(|d| Extractor::new().extract(d)).collect();
    // Cut each statement's source to its first word or its possessor, as
    // the tagger sometimes does.
    let mut cut = 0;
    for st in &mut facts[0].statements {
        let Some(sp) = st.speaker else { continue };
        let written = sp.slice(text);
        let short = if let Some(i) = written.find("'s") {
            i + 2
        } else {
            written.find(' ').unwrap_or(written.len())
        };
        if written.starts_with("The harbour") {
            continue;
        }
        st.speaker = Some(Span::new(sp.start, sp.start + short));
        st.speaker_name = None;
        cut += 1;
    }
    assert_eq!(cut, 2, "{:#?}", facts[0].statements);
    let refs: Vec<_> = docs.iter().collect();
    let story = Reconciler::new().reconcile(&refs, &facts, &[]);
    let speakers: Vec<&str> = story
        .statements
        .iter()
        .map(|s| s.speaker.as_str())
        .collect();
    assert_eq!(speakers, ["the harbour board"], "{:#?}", story.statements);
}

#[test]
fn a_statement_reported_second_hand_is_one_entry_with_whom_it_came_through() {
    let docs: Vec<Document> = vec![invented(
        "valden-post/briefing",
        "Valden Post",
        "2026-04-07",
        "The Ostrian Intelligence Service briefed lawmakers behind closed doors on Monday. \
         Ostria's spy service said Strom may be involved in talks about sending more troops to \
         Varn, according to Lena Holm, a lawmaker who attended the meeting. The spy service \
         also said the two sides had trouble understanding each other, Holm said. The Ankara \
         council accuses Varn of aiding the smugglers, a charge Varn denies. \"We will not \
         give in,\" Mayor Ilse Varga said.",
    )];
    let facts = run(&docs, &[]);
    let said = &facts.statements;
    for (words, via) in [
        ("sending more troops", "Lena Holm"),
        ("trouble understanding", "Lena Holm"),
    ] {
        let found: Vec<_> = said.iter().filter(|s| s.content.contains(words)).collect();
        // One entry, the service's, through the lawmaker: not a second one
        // crediting the lawmaker with the service's words.
        assert_eq!(found.len(), 1, "{words}: {said:#?}");
        assert_eq!(
            found[0].speaker, "Ostrian Intelligence Service",
            "{said:#?}"
        );
        assert_eq!(found[0].via.as_deref(), Some(via), "{said:#?}");
    }
    // A denial answers an accusation; it does not pass it on. And a
    // statement reported first hand has no `via`.
    assert!(
        said.iter().all(|s| s.via.as_deref() != Some("Varn")),
        "{said:#?}"
    );
    let varga = said
        .iter()
        .find(|s| s.speaker == "Ilse Varga")
        .expect("Varga's quotation");
    assert_eq!(varga.via, None);
}

/// "he" resolved, in its article, to a name the story shows to be a
/// company ("Harlow Vane Ltd" in another outlet): the statement is left
/// out rather than credited to the company.
#[test]
fn he_is_no_company() {
    let docs: Vec<Document> = vec![
        invented(
            "valden-post/plant",
            "Valden Post",
            "2026-04-07",
            "Harlow Vane Ltd said on Monday it would close its Tarvik plant in June.",
        ),
        invented(
            "lakeside-wire/plant",
            "Lakeside Wire",
            "2026-04-07",
            "Harlow Vane announced the closure of the Tarvik plant on Monday. “We had no choice \
             after the flood,” he said.",
        ),
    ];
    let facts = run(&docs, &[]);
    let vane = facts
        .entities
        .iter()
        .find(|e| e.name.starts_with("Harlow Vane"))
        .unwrap_or_else(|| panic!("{:#?}", facts.entities));
    assert_eq!(vane.kind, "organization", "{vane:#?}");
    assert!(
        !facts
            .statements
            .iter()
            .any(|s| s.content.contains("no choice")),
        "{:#?}",
        facts.statements
    );
}

/// A description is shown as it reads inside a sentence, whatever its
/// place: "The harbour master said" opens a sentence, so its speaker is
/// "the harbour master"; "Police said" is "police" as another article
/// writes it. A description no article writes in lower case keeps its
/// capital ("Divers").
#[test]
fn descriptions_read_as_inside_a_sentence() {
    let docs: Vec<Document> = vec![
        invented(
            "valden-post/ferry",
            "Valden Post",
            "2026-04-07",
            "Police said the ferry had been towed to Port Aldery on Monday. The harbour \
             master said the quay would reopen on Friday. Divers said the hull had a long crack.",
        ),
        invented(
            "tarvik-times/ferry",
            "Tarvik Times",
            "2026-04-07",
            "The ferry was towed to Port Aldery overnight, police said. Its owner, Mira Holm, \
             said the ship had been inspected in March.",
        ),
    ];
    let facts = run(&docs, &[]);
    assert_eq!(speaker_of(&facts, "ferry had been towed"), "police");
    assert_eq!(
        speaker_of(&facts, "quay would reopen"),
        "the harbour master"
    );
    assert_eq!(speaker_of(&facts, "long crack"), "Divers");
}

/// A claim's speaker reads as who said what names them: a description in
/// lower case ("The coastguard's officers" → "the coastguard's
/// officers"), and a lone function word (a source cut short to "The") is
/// no speaker.
#[test]
fn claim_speakers_read_as_inside_a_sentence() {
    use crosscheck_facts::{ArticleFacts, Extractor};
    use crosscheck_reconcile::Reconciler;
    let docs = [invented(
        "valden-post/rescue",
        "Valden Post",
        "2026-04-07",
        "The coastguard believes 14 passengers were rescued on Monday. Divers said 3 crew \
         members were still missing.",
    )];
    let mut facts: Vec<ArticleFacts> = docs.iter().map(|d| Extractor::new().extract(d)).collect();
    // As the facts stage may write them: a description as it opens its
    // sentence (one who said what does not list), and a source cut short.
    let mut cut = 0;
    for c in &mut facts[0].claims {
        match c.value_text.as_str() {
            "14" => c.speaker = Some("The coastguard's officers".into()),
            "3" => c.speaker = Some("The".into()),
            _ => continue,
        }
        cut += 1;
    }
    assert_eq!(cut, 2, "{:#?}", facts[0].claims);
    let refs: Vec<_> = docs.iter().collect();
    let story = Reconciler::new().reconcile(&refs, &facts, &[]);
    let speaker = |value: &str| {
        story
            .claims
            .iter()
            .find(|c| c.value.as_deref() == Some(value))
            .unwrap_or_else(|| panic!("{value}: {:#?}", story.claims))
            .speaker
            .clone()
    };
    assert_eq!(speaker("14").as_deref(), Some("the coastguard's officers"));
    assert_eq!(speaker("3"), None);
}

/// Finding, showing and knowing report what was said with a clause ("the
/// inquiry found that …"), not with an object ("found a crack"); charging
/// with a claim ("charged the vote was rigged"), not with a charge
/// ("charged … with fraud"); and "two reports" is a count, not a cue.
#[test]
fn what_was_found_or_charged_is_said_only_with_a_clause() {
    let docs: Vec<Document> = vec![invented(
        "valden-post/barrier",
        "Valden Post",
        "2026-04-07",
        "The inquiry found that the flood barrier had failed at the north gate. Divers \
         found a long crack in the north gate's lower hinge. Union leaders charged the \
         repairs had been delayed for two years. Prosecutors charged Halvard Strom with \
         fraud over the repair contract. The camera showed the gate swinging open at dawn. \
         The engineers filed two reports to the ministry about the hinge in March.",
    )];
    let facts = run(&docs, &[]);
    let listed = |words: &str| facts.statements.iter().any(|s| s.content.contains(words));
    assert!(listed("barrier had failed"), "{:#?}", facts.statements);
    assert!(
        listed("repairs had been delayed"),
        "{:#?}",
        facts.statements
    );
    for not_said in [
        "long crack",
        "with fraud",
        "swinging open",
        "to the ministry",
    ] {
        assert!(!listed(not_said), "{not_said}: {:#?}", facts.statements);
    }
}

/// The speaker of the statement whose content holds `words`.
fn speaker_of(facts: &crosscheck_reconcile::StoryFacts, words: &str) -> String {
    facts
        .statements
        .iter()
        .find(|s| s.content.contains(words))
        .unwrap_or_else(|| panic!("{words}: {:#?}", facts.statements))
        .speaker
        .clone()
}

#[test]
fn he_goes_on_about_the_speaker_before_not_whom_they_named() {
    let docs: Vec<Document> = vec![invented(
        "valden-post/port-deal",
        "Valden Post",
        "2026-05-12",
        "Halvard Strom, a lawyer for the dockers, said the harbour board had let Arlo Prentiss \
         sign the lease alone. “The lease was never legal,” he said. Strom also accused Arlo \
         Prentiss of hiding the fees. Prentiss, who ran the port for a decade, denied it, \
         though he said the fees had been high.",
    )];
    let facts = run(&docs, &[]);
    let by = |words: &str| speaker_of(&facts, words);
    // The person named inside Strom's statement is not who "he" is.
    assert_eq!(by("never legal"), "Halvard Strom");
    // Unless the sentence of "he" opens with that person.
    assert_eq!(by("fees had been high"), "Arlo Prentiss");
}

#[test]
fn a_figure_s_speaker_is_named_as_who_said_what_names_it() {
    let docs: Vec<Document> = vec![invented(
        "valden-post/ferry-route",
        "Valden Post",
        "2026-05-14",
        "The Ostrian embassy in Varn said on Monday that the new ferry would sail in June. \
         “The ferry will carry 300 passengers a day from Tarvik,” said the embassy in a \
         radio message.",
    )];
    let facts = run(&docs, &[]);
    let quote = facts
        .statements
        .iter()
        .find(|s| s.content.contains("300 passengers"))
        .unwrap_or_else(|| panic!("{:#?}", facts.statements));
    let figure = facts
        .claims
        .iter()
        .find(|c| c.value.as_deref().is_some_and(|v| v.contains("300")))
        .unwrap_or_else(|| panic!("{:#?}", facts.claims));
    // The channel is no part of the speaker, and the bare description is
    // the body the statement list resolved it to.
    assert!(quote.speaker.contains("Ostrian embassy"), "{quote:#?}");
    assert_eq!(figure.speaker.as_deref(), Some(quote.speaker.as_str()));

    // Another speaker's statement in the sentence is not the figure's.
    let docs: Vec<Document> = vec![invented(
        "lakeside-wire/ferry-route",
        "Lakeside Wire",
        "2026-05-14",
        "The Ostrian embassy in Varn said on Monday that the new ferry would sail in June. \
         While Mira Holm said the port was not ready, the embassy said the ferry would carry \
         450 cars a day.",
    )];
    let facts = run(&docs, &[]);
    let figure = facts
        .claims
        .iter()
        .find(|c| c.value.as_deref().is_some_and(|v| v.contains("450")))
        .unwrap_or_else(|| panic!("{:#?}", facts.claims));
    let speaker = figure.speaker.as_deref().unwrap_or("");
    assert!(speaker.contains("embassy"), "{figure:#?}");
}

#[test]
fn she_goes_on_after_her_name_s_sentence_and_through_a_running_quotation() {
    let docs: Vec<Document> = vec![invented(
        "valden-post/ferry-charges",
        "Valden Post",
        "2026-05-15",
        "TARVIK (AP) — Prosecutor Mira Holm said Osama bin Varsi was charged with sinking \
         the ferry. \
         Pointing to the 40 people lost, she added, \"The whole harbour mourns with their \
         families.\"\n\n\"This saddens the union,\" Halvard Strom said. \"Mr. de Brill had \
         every chance, and we reject the charge that the union is against him.\n\n\"But \
         the ruling will be obeyed,\" he said in a statement.",
    )];
    let facts = run(&docs, &[]);
    let by = |words: &str| speaker_of(&facts, words);
    // The speaker goes on, not the one her statement named.
    assert_eq!(by("harbour mourns"), "Mira Holm");
    // The quotation ran on through the sentence naming de Brill.
    assert_eq!(by("ruling will be obeyed"), "Halvard Strom");
}

/// A speaker inside a relative clause is the clause's subject ("Varn,
/// who port officials say left on Monday" → "port officials"), and the
/// occasion of a remark is not its speaker ("Prentiss during his weekly
/// radio show"). (A relative clause about someone the source leaves
/// out, "who voted in Tarvik", is tested in the crate's unit tests.)
#[test]
fn a_relative_pronoun_or_an_occasion_is_no_part_of_the_speaker() {
    let docs = [invented(
        "valden-post/ferry",
        "Valden Post",
        "2026-04-07",
        "The ferry was towed by Arlo Prentiss, who port officials say had sailed it for years. \
         The ship belongs to Halvard Strom, whom the authorities believe was the owner of the \
         fleet. Prentiss during his weekly radio show said the quay would reopen in \
         March.",
    )];
    let facts = run(&docs, &[]);
    assert_eq!(speaker_of(&facts, "sailed it for years"), "port officials");
    assert_eq!(speaker_of(&facts, "owner of the fleet"), "the authorities");
    assert_eq!(speaker_of(&facts, "quay would reopen"), "Prentiss");
    assert!(
        facts
            .statements
            .iter()
            .all(|s| !s.speaker.starts_with("who ")),
        "{:#?}",
        facts.statements
    );
}

/// One speaker written with and without "the" reads one way in the list:
/// as the story writes it most, "the" on a tie (here one of each is
/// read).
#[test]
fn a_speaker_with_and_without_the_reads_one_way() {
    let docs = [invented(
        "valden-post/visit",
        "Valden Post",
        "2026-04-07",
        "The ferry talks will start on Monday, Ostrian embassy in Varn said in a notice. Later \
         the Ostrian embassy in Varn said that Mira Holm would lead the talks on fishing \
         rights.",
    )];
    let facts = run(&docs, &[]);
    let speakers: std::collections::BTreeSet<&str> = facts
        .statements
        .iter()
        .filter(|s| s.speaker.contains("embassy"))
        .map(|s| s.speaker.as_str())
        .collect();
    assert_eq!(
        speakers.into_iter().collect::<Vec<_>>(),
        ["the Ostrian embassy in Varn"],
        "{:#?}",
        facts.statements
    );
}
