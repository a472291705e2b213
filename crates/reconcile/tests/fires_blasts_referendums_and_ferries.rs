//! The fifth batch of invented stories, written before the fixes they
//! led to: a wildfire (a start day in dispute; hectares and acres that
//! agree; a chief's name spelt two ways), a chemical plant blast (the
//! injured, the plant's opening year; the toll rising with the newly dead
//! counted apart), a referendum (the yes share and the turnout; figures
//! rounded to the point agree) and a ferry sinking (people aboard, the
//! day, how far off the coast; the missing falling a day later). Each
//! story's conflicts are listed in full: every planted one is found and no
//! other. All articles are invented.

mod common;
use common::{sides, story, subjects, update};

#[test]
fn wildfire_start_day() {
    let facts = story(&[
        (
            "f-herald",
            "Harbour Herald",
            "2026-07-14",
            "A wildfire in the Korvel Hills has burned 12,000 hectares since it broke out on \
             Saturday, forcing 3,400 people from their homes, the fire service said.\n\n\
             One firefighter died when his truck overturned.\n\nAdvertisement\n\n\
             The blaze, fanned by gusts of 70 km/h, was 40% contained on Monday evening, said \
             fire chief Ana Lind.",
        ),
        (
            "f-observer",
            "Capital Observer",
            "2026-07-14",
            "Firefighters battled a blaze that has scorched 30,000 acres of forest in the \
             Korvel Hills. About 3,500 residents have been evacuated.\n\nFire chief Anna Lind \
             said the fire, which started on Sunday, was 40 percent contained.\n\n\
             READ MORE: Heatwave grips the south",
        ),
        (
            "f-meridian",
            "Meridian",
            "2026-07-15",
            "The Korvel Hills fire has now burned 15,000 hectares and was 55% contained on \
             Tuesday, the fire service said. Two firefighters have died since the fire broke \
             out on Saturday.",
        ),
    ]);
    assert_eq!(subjects(&facts), ["fire"], "{:#?}", facts.conflicts);
    assert_eq!(
        sides(&facts, "fire"),
        Some(vec!["Saturday (2026-07-11)", "Sunday (2026-07-12)"])
    );
    assert_eq!(
        update(&facts, "area burned"),
        [
            "12,000 hectares / 30,000 acres (about 12,000 hectares)",
            "15,000 hectares"
        ]
    );
    assert!(
        facts
            .entities
            .iter()
            .any(|e| e.variants.iter().any(|v| v == "Ana Lind")
                && e.variants.iter().any(|v| v == "Anna Lind")),
        "{:#?}",
        facts.entities
    );
}

#[test]
fn plant_blast_injured_and_opening_year() {
    let facts = story(&[
        (
            "b-herald",
            "Harbour Herald",
            "2026-03-03",
            "An explosion tore through the Brellow Chemicals plant in Port Aldery on Tuesday, \
             killing four workers and injuring 27, the company said.\n\nThe plant, which opened \
             in 1987, employs about 900 people.\n\n\u{201c}We are devastated,\u{201d} said chief \
             executive Tarvo Lind.",
        ),
        (
            "b-observer",
            "Capital Observer",
            "2026-03-03",
            "Four people were killed and 72 injured in a blast at a chemicals factory in Port \
             Aldery on Tuesday, police said. The factory, opened in 1978, makes fertiliser.\n\n\
             Chief executive Tarvo Lind said: \u{201c}We are devastated.\u{201d}\n\nShare this article",
        ),
        (
            "b-meridian",
            "Meridian",
            "2026-03-04",
            "The death toll from Tuesday's explosion at the Brellow Chemicals plant rose to six \
             on Wednesday after two injured workers died in hospital, the company said.\n\n\
             \u{201c}We are devastated,\u{201d} said Mira Holm, the plant manager.",
        ),
    ]);
    // (A line of three words credited to two people is no speaker
    // conflict: short lines are said by many.)
    assert_eq!(
        subjects(&facts),
        ["people injured", "plant opened"],
        "{:#?}",
        facts.conflicts
    );
    assert_eq!(sides(&facts, "people injured"), Some(vec!["27", "72"]));
    assert_eq!(sides(&facts, "plant opened"), Some(vec!["1978", "1987"]));
    assert_eq!(update(&facts, "people killed"), ["four", "six"]);
}

#[test]
fn referendum_yes_share_and_turnout() {
    let facts = story(&[
        (
            "v-herald",
            "Harbour Herald",
            "2026-05-18",
            "Voters in Tarvenia approved the new constitution in Sunday's referendum, with \
             61.4% voting in favour, the election commission said. In the referendum, \
             38.6% of ballots were against. Turnout was 48%.",
        ),
        (
            "v-observer",
            "Capital Observer",
            "2026-05-18",
            "Tarvenians backed a new constitution by 64.1 percent on Sunday, according to \
             official results. Turnout stood at 48.2 percent.\n\nOpposition leader Arvid \
             Kessler said the vote was rigged.",
        ),
        (
            "v-meridian",
            "Meridian",
            "2026-05-19",
            "The new constitution won 61 percent of the vote in Sunday's referendum, on a \
             turnout of 38 percent, the commission said on Monday.",
        ),
    ]);
    assert_eq!(
        subjects(&facts),
        ["turnout", "yes vote"],
        "{:#?}",
        facts.conflicts
    );
    assert_eq!(
        sides(&facts, "yes vote"),
        Some(vec!["61.4% / 61 percent", "64.1 percent"])
    );
    assert_eq!(
        sides(&facts, "turnout"),
        Some(vec!["38 percent", "48.2 percent / 48%"])
    );
}

#[test]
fn ferry_aboard_day_and_distance_off_the_coast() {
    let facts = story(&[
        (
            "r-herald",
            "Harbour Herald",
            "2026-08-21",
            "A ferry carrying 212 passengers capsized off the island of Istava on Thursday. \
             Coast guards rescued 180 people; 25 are still missing, officials said.\n\n\
             The ferry sank 3 km off the coast of Istava.",
        ),
        (
            "r-observer",
            "Capital Observer",
            "2026-08-21",
            "Rescuers pulled 180 survivors from the water after a ferry with 221 people on \
             board sank near Istava on Thursday. At least seven people died.\n\nclose",
        ),
        (
            "r-meridian",
            "Meridian",
            "2026-08-22",
            "Divers recovered 14 bodies on Friday from the ferry that capsized off Istava on \
             Wednesday, and 11 people remain missing. The ferry sank 30 km off the coast of \
             Istava, the coast guard said.",
        ),
    ]);
    assert_eq!(
        subjects(&facts),
        ["distance from Istava", "incident", "people aboard"],
        "{:#?}",
        facts.conflicts
    );
    assert_eq!(sides(&facts, "people aboard"), Some(vec!["212", "221"]));
    assert_eq!(
        sides(&facts, "incident"),
        Some(vec!["Thursday (2026-08-20)", "Wednesday (2026-08-19)"])
    );
    assert_eq!(
        sides(&facts, "distance from Istava"),
        Some(vec!["3 km", "30 km"])
    );
    assert_eq!(update(&facts, "people missing"), ["25", "11"]);
    assert_eq!(update(&facts, "people killed"), ["At least seven", "14"]);
}
