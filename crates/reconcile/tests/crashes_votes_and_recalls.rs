//! A plane crash (people aboard, survivors), an election (a candidate's
//! share of the vote, a party's seats, turnout) and a product recall:
//! planted conflicts that must be found, and agreeing or unrelated
//! figures that must not conflict. All articles are invented.

mod common;
use common::{conflict, invented, run, values};

fn crash(aboard: &str, survived: &str) -> crosscheck_reconcile::StoryFacts {
    let docs = [
        invented(
            "meridian/crash",
            "Meridian Press",
            "2026-08-14",
            "A passenger plane crashed on landing at Port Aldery airport on Thursday, killing \
             12 people, officials said. The Kestrel Air jet was carrying 148 passengers and six \
             crew. Rescuers pulled 130 survivors from the wreckage.",
        ),
        invented(
            "observer/crash",
            "Capital Observer",
            "2026-08-14",
            &format!(
                "Twelve people died when a Kestrel Air flight crashed at Port Aldery on \
                 Thursday. The aircraft had {aboard} people on board, the airline said."
            ),
        ),
        invented(
            "lantern/crash",
            "Evening Lantern",
            "2026-08-15",
            &format!(
                "The Kestrel Air plane that crashed at Port Aldery on Thursday was carrying 154 \
                 people, airline spokeswoman Ana Lind said. Of those, {survived} survived."
            ),
        ),
    ];
    run(&docs, &[])
}

#[test]
fn people_aboard_and_survivors_conflict() {
    let facts = crash("184", "142");
    let aboard = conflict(&facts, "people aboard").expect("people aboard");
    // "148 passengers and six crew" are parts of who was aboard, no side.
    assert_eq!(values(aboard), ["154", "184"], "{aboard:#?}");
    let survivors = conflict(&facts, "survivors").expect("survivors");
    assert_eq!(values(survivors), ["130", "142"], "{survivors:#?}");
}

#[test]
fn the_same_people_aboard_and_survivors_agree() {
    let facts = crash("154", "130");
    assert!(facts.conflicts.is_empty(), "{:#?}", facts.conflicts);
}

fn election(share: &str, seats: &str) -> crosscheck_reconcile::StoryFacts {
    let docs = [
        invented(
            "meridian/vote",
            "Meridian Press",
            "2026-10-05",
            "Mira Holm won Sunday's presidential election in Ostria with 54% of the vote, the \
             electoral commission said. Turnout was 67%.",
        ),
        invented(
            "observer/vote",
            "Capital Observer",
            "2026-10-05",
            &format!(
                "Ostria's electoral commission said Mira Holm had won {share} of the vote in \
                 Sunday's election. Her rival Arvid Kessler won 41% of the vote. Turnout was \
                 about 67%."
            ),
        ),
        invented(
            "lantern/vote",
            "Evening Lantern",
            "2026-10-06",
            "Holm's Unity party also won 88 of the 150 seats in parliament, the commission \
             said.",
        ),
        invented(
            "ledger/vote",
            "Northgate Ledger",
            "2026-10-06",
            &format!(
                "Mira Holm's Unity party won {seats} seats in the 150-seat parliament, the \
                 commission said on Monday."
            ),
        ),
    ];
    run(&docs, &[])
}

#[test]
fn a_candidates_share_and_a_partys_seats_conflict() {
    let facts = election("45%", "98");
    let share = conflict(&facts, "Mira Holm").expect("share of the vote");
    assert_eq!(share.attribute, "share of the vote");
    assert_eq!(values(share), ["45%", "54%"], "{share:#?}");
    // The commission gives both figures: "won" is Holm's act, not her word.
    for side in &share.sides {
        assert!(
            side.speakers.iter().all(|s| s.contains("commission")),
            "{side:#?}"
        );
    }
    let seats = conflict(&facts, "Unity").expect("seats won");
    assert_eq!(values(seats), ["88", "98"], "{seats:#?}");
    // Her rival's share is his own, and "about 67%" is 67%.
    assert_eq!(facts.conflicts.len(), 2, "{:#?}", facts.conflicts);
}

#[test]
fn the_same_share_and_seats_agree() {
    let facts = election("54%", "88");
    assert!(facts.conflicts.is_empty(), "{:#?}", facts.conflicts);
}

#[test]
fn about_a_percentage_allows_its_last_digit_only() {
    let docs = [
        invented(
            "meridian/turnout",
            "Meridian Press",
            "2026-10-05",
            "Turnout in Sunday's election in Ostria was about 67%, the commission said.",
        ),
        invented(
            "observer/turnout",
            "Capital Observer",
            "2026-10-05",
            "Turnout in Sunday's election in Ostria was 61%, the commission said.",
        ),
    ];
    let facts = run(&docs, &[]);
    let turnout = conflict(&facts, "turnout").expect("turnout");
    assert_eq!(values(turnout), ["61%", "about 67%"], "{turnout:#?}");
}

fn recall(second: &str) -> crosscheck_reconcile::StoryFacts {
    let docs = [
        invented(
            "meridian/recall",
            "Meridian Press",
            "2026-02-10",
            "Korvel Motors is recalling 340,000 cars in Tarvenia because of a faulty brake \
             sensor, the company said on Tuesday. The defect has been linked to 14 crashes.",
        ),
        invented(
            "observer/recall",
            "Capital Observer",
            "2026-02-10",
            &format!(
                "Korvel Motors said it would recall {second} vehicles over a brake sensor \
                 fault. The defect had been linked to 14 accidents."
            ),
        ),
    ];
    run(&docs, &[])
}

#[test]
fn a_recall_of_other_size_conflicts() {
    let facts = recall("about 430,000");
    let recalled = conflict(&facts, "units recalled").expect("units recalled");
    assert_eq!(
        values(recalled),
        ["340,000", "about 430,000"],
        "{recalled:#?}"
    );
    let facts = recall("about 340,000");
    assert!(facts.conflicts.is_empty(), "{:#?}", facts.conflicts);
}

fn blast(second: &str) -> crosscheck_reconcile::StoryFacts {
    let docs = [
        invented(
            "meridian/blast",
            "Meridian Press",
            "2026-04-03",
            "An explosion at a chemical plant in Korvel killed four workers at 6:40 a.m. on \
             Thursday, the company said.",
        ),
        invented(
            "observer/blast",
            "Capital Observer",
            "2026-04-03",
            &format!(
                "Four workers died in a blast at the chemical plant in Korvel at {second} on \
                 Thursday, the company said."
            ),
        ),
    ];
    run(&docs, &[])
}

#[test]
fn the_time_of_an_incident_conflicts_unless_it_agrees() {
    let facts = blast("about 9:15 a.m.");
    let time = conflict(&facts, "incident").expect("time of day");
    assert_eq!(time.attribute, "time of day");
    assert_eq!(values(time), ["6:40 a.m.", "9:15 a.m."], "{time:#?}");
    // The two sentences differ in their time: neither corroborates the other.
    assert!(
        !facts
            .claims
            .iter()
            .any(|c| c.value.is_none() && c.independent_sources > 1),
        "{:#?}",
        facts.claims
    );
    // "about 6:45" is the same time, rounded; a time in GMT is not read.
    for same in ["about 6:45 a.m.", "4:40 a.m. GMT"] {
        let facts = blast(same);
        assert!(facts.conflicts.is_empty(), "{same}: {:#?}", facts.conflicts);
    }
}
