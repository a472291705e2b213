//! The sixth batch of invented stories, written before the fix it led to:
//! an earthquake (its magnitude and how far from the town; an
//! aftershock's magnitude and the rising toll beside them), a carmaker's
//! job cuts (two figures; a plant's staff and the company's beside them)
//! and a march (the crowd by organisers and by police; arrests on one
//! day). Each story's conflicts are listed in full. All articles are
//! invented.

mod common;
use common::{sides, story, subjects, update};

#[test]
fn earthquake_magnitude_and_distance() {
    let facts = story(&[
        (
            "q-herald",
            "Harbour Herald",
            "2026-04-12",
            "A magnitude 6.4 earthquake struck 25 km north of Lenk at 3:12 a.m. on Saturday, \
             killing at least 9 people, the seismology institute said. The quake was felt as \
             far away as Varn.\n\nAdvertisement",
        ),
        (
            "q-observer",
            "Capital Observer",
            "2026-04-12",
            "The 6.1-magnitude quake hit 25 kilometres north of Lenk early on Saturday. \
             Rescuers pulled 14 people alive from the rubble.\n\nNine people were killed and \
             120 injured, officials said.",
        ),
        (
            "q-meridian",
            "Meridian",
            "2026-04-13",
            "The death toll from Saturday's earthquake near Lenk rose to 17 on Sunday. More \
             than 300 aftershocks have followed, the strongest of magnitude 4.8.\n\nThe quake \
             struck 52 km north of Lenk at 3:12 a.m.",
        ),
    ]);
    assert_eq!(
        subjects(&facts),
        ["distance from Lenk", "earthquake"],
        "{:#?}",
        facts.conflicts
    );
    assert_eq!(sides(&facts, "earthquake"), Some(vec!["6.1", "6.4"]));
    assert_eq!(
        sides(&facts, "distance from Lenk"),
        Some(vec!["25 km", "52 km"])
    );
    assert_eq!(update(&facts, "people killed"), ["Nine / at least 9", "17"]);
}

#[test]
fn carmaker_job_cuts_and_the_day_they_were_announced() {
    let facts = story(&[
        (
            "j-herald",
            "Harbour Herald",
            "2026-09-03",
            "Kestrel Motors will cut 1,800 jobs, about 12% of its workforce, the carmaker said \
             on Wednesday. The cuts will fall mostly at its Varn plant, which employs 4,200 \
             people.",
        ),
        (
            "j-observer",
            "Capital Observer",
            "2026-09-03",
            "Carmaker Kestrel Motors said it would eliminate 2,400 jobs by the end of next \
             year. Chief executive Mira Holm said the company had 15,000 employees.\n\n\
             Share on Facebook",
        ),
        (
            "j-meridian",
            "Meridian",
            "2026-09-04",
            "Kestrel said on Wednesday it would cut 1,800 positions. Unions called a strike \
             for Friday.",
        ),
    ]);
    assert_eq!(subjects(&facts), ["jobs cut"], "{:#?}", facts.conflicts);
    assert_eq!(sides(&facts, "jobs cut"), Some(vec!["1,800", "2,400"]));
    // "… will cut 1,800 jobs, the carmaker said on Wednesday": the day of
    // the saying, the Wednesday before.
    let announced: Vec<&str> = facts
        .timeline
        .iter()
        .filter(|e| e.text.contains("1,800"))
        .map(|e| e.date.as_str())
        .collect();
    assert_eq!(
        announced,
        ["2026-09-02", "2026-09-02"],
        "{:#?}",
        facts.timeline
    );
}

#[test]
fn march_crowd_and_arrests() {
    let facts = story(&[
        (
            "m-herald",
            "Harbour Herald",
            "2026-02-15",
            "About 40,000 people marched through Brennholm on Saturday against the pension \
             reform, organisers said. Police put the crowd at 12,000 and arrested 23 people.",
        ),
        (
            "m-observer",
            "Capital Observer",
            "2026-02-15",
            "Police said 12,000 people joined the march in Brennholm on Saturday. Officers \
             detained 32 protesters after clashes near parliament.",
        ),
        (
            "m-meridian",
            "Meridian",
            "2026-02-16",
            "Tens of thousands protested in Brennholm on Saturday. Police arrested 23 people, \
             and 9 officers were hurt.",
        ),
    ]);
    assert_eq!(
        subjects(&facts),
        ["crowd", "people arrested"],
        "{:#?}",
        facts.conflicts
    );
    assert_eq!(sides(&facts, "crowd"), Some(vec!["12,000", "About 40,000"]));
    assert_eq!(sides(&facts, "people arrested"), Some(vec!["23", "32"]));
}
