//! The eleventh batch of invented stories, written by a helper who had
//! not seen the code, before the fixes they led to: a wildfire (homes
//! "reduced to ashes"; the day it broke out against the day it "has
//! raged since"; the area burned growing a day later), a mine collapse
//! (miners trapped; "a depth of about 400 metres"; a rising toll), a
//! court case (a term "to nine years behind bars" after a long aside; the
//! fine) and a recall (vehicles "called back", counted after two model
//! names; a worldwide total beside one country's). Left: the day each
//! outlet says the recall was announced. All articles are invented.

mod common;
use common::{sides, story, subjects, update};

const WILDFIRE_HERALD: &str =
    "DELVIK (Harbour Herald) — A wildfire that broke out on Wednesday in the hills above \
     Delvik has destroyed 46 homes and burned through 2,300 hectares of pine forest and \
     farmland, the Tarvenian fire service said on Friday.\n\nNearly 1,200 residents were \
     evacuated from Delvik and the neighbouring village of Stenmark overnight, and emergency \
     shelters were opened at the town's sports hall.\n\nAdvertisement\n\n\"A total of 312 \
     firefighters are on the ground, backed by four water-bombing aircraft,\" regional fire \
     chief Halvard Strøm told reporters. He said shifting winds had pushed the flames towards \
     the coast road on Thursday evening.\n\nPhoto: Smoke rises over the ridge east of Delvik. \
     (Harbour Herald)";

const WILDFIRE_OBSERVER: &str =
    "Twenty-eight houses have been reduced to ashes by a forest fire that has raged near the \
     Tarvenian town of Delvik since Tuesday, according to the regional fire service.\n\nSome \
     2,300 hectares have burned so far, and 1,180 people have been moved out of their homes, \
     officials said.\n\nFire chief Halvard Strom said crews were trying to hold a firebreak \
     along the Delvik river before temperatures climb again over the weekend. The cause of \
     the blaze is under investigation.\n\nREAD MORE: Drought warnings extended across \
     southern Tarvenia\n\nShare this article";

const WILDFIRE_MERIDIAN: &str =
    "The wildfire near Delvik in southern Tarvenia expanded overnight and has now scorched \
     3,100 hectares, the fire service said on Saturday.\n\nAround 300 firefighters, supported \
     by water-bombing aircraft, continued to battle the blaze, which has already consumed \
     dozens of homes.\n\nAdvertisement\n\nHalvard Strom, the regional fire chief, warned that \
     gusts of up to 60 kilometres an hour were expected later in the day. Strom said \
     evacuation orders for Delvik and Stenmark would remain in place until at least \
     Monday.\n\nPhoto: A water-bombing aircraft over the hills near Delvik.";

const MINE_COURIER: &str =
    "KORVEL (Northern Courier) — Fourteen miners were trapped on Sunday when a section of \
     tunnel collapsed at the Korvel Ridge copper mine in northern Ostria, the operator \
     said.\n\nThe collapse happened at a depth of about 400 metres during the night shift, \
     and two workers have been confirmed dead.\n\n\"We are in contact with some of the men \
     through a ventilation shaft,\" said Liv Aas-Brenner, a spokeswoman for Korvel Ridge \
     Mining. Rescue teams were drilling a second access route on Monday morning, she \
     added.\n\nREAD MORE: Ostria's mining safety record under scrutiny";

const MINE_VALLEY: &str =
    "Nineteen miners were trapped some 650 metres below the surface when a tunnel caved in on \
     Sunday at the Korvel Ridge mine, company officials told reporters on Monday.\n\nTwo \
     miners were killed in the collapse, according to the Ostrian mining inspectorate. A \
     total of 214 rescue workers, including specialist teams from Brennholm, have been \
     deployed to the site.\n\nAdvertisement\n\nCompany spokeswoman Liv Aas Brenner said the \
     trapped miners had access to water and fresh air.\n\nPhoto: Families wait outside the \
     mine gates in Korvel.";

const MINE_COASTLINE: &str =
    "Five miners are now known to have died in Sunday's collapse at the Korvel Ridge copper \
     mine, the Ostrian mining inspectorate said on Tuesday.\n\nMore than 200 rescuers have \
     been working in shifts at the site, and the last of the trapped men were brought to the \
     surface late on Monday night.\n\nShare this article\n\nLiv Aas-Brenner, speaking for the \
     mine operator, said the company would cooperate fully with investigators. Aas-Brenner \
     declined to comment on reports that workers had raised concerns about tunnel supports \
     earlier this year.\n\nREAD MORE: Korvel families demand answers";

const COURT_OBSERVER: &str =
    "LENK (Capital Observer) — Arvid Kessler, the former chief executive of Ormand Freight \
     Lines, was sentenced on Thursday to seven years in prison for embezzling 5.3 million \
     Varesian marks from the company.\n\nThe district court in Lenk also ordered him to pay a \
     fine of 2.5 million marks. Presiding judge Elin Sørby said Kessler had \"systematically \
     deceived\" shareholders over several years.\n\nAdvertisement\n\nKessler's lawyer told \
     reporters outside the courthouse that his client would appeal.\n\nShare this article";

const COURT_MERIDIAN: &str =
    "A court in Lenk on Thursday sentenced Arvid Kessler, who ran Ormand Freight Lines for \
     more than a decade, to nine years behind bars.\n\nJudge Elin Sorby found Kessler guilty \
     of diverting more than 5 million marks of company money into private accounts in \
     Tarvenia and Dornia.\n\nREAD MORE: Ormand Freight shares slump after verdict\n\nThe \
     verdict brings to a close a trial that lasted nearly five months. Kessler, 58, showed no \
     emotion as the sentence was read out.";

const COURT_COURIER: &str =
    "Prosecutors had asked for a 12-year sentence, but the Lenk district court on Thursday \
     jailed former Ormand Freight Lines boss Arvid Kessler for seven years.\n\nKessler was \
     also fined 1.8 million marks, the court said in a statement.\n\nPhoto: Arvid Kessler \
     arrives at the district court in Lenk.\n\nProsecutor Tomas Reinholt told reporters he \
     would study the judgment before deciding whether to appeal.";

const RECALL_HERALD: &str =
    "PORT ALDERY (Harbour Herald) — Dornian carmaker Varden Motors is recalling 84,200 \
     vehicles in Dornia because of a brake hose that can crack and leak fluid, the company \
     announced on Monday.\n\nThe recall covers Aster and Corso models built between 2023 and \
     2025. Owners will be contacted by letter and the repair will be carried out free of \
     charge, spokeswoman Ana-Maria Lind said.\n\nAdvertisement\n\nThe Dornian road safety \
     agency said it had received 37 reports of reduced braking performance but no \
     injuries.\n\nREAD MORE: Varden posts record second-quarter sales";

const RECALL_VALLEY: &str =
    "A total of 48,000 Aster and Corso vehicles are being called back to dealers in Dornia \
     after Varden Motors identified a defective brake hose, the carmaker announced on \
     Tuesday.\n\nAccording to company spokeswoman Ana Maria Lind, the hose may crack over \
     time, allowing brake fluid to escape. Drivers who notice a soft brake pedal should stop \
     using the vehicle and contact a dealer, Lind added.\n\nShare this article";

const RECALL_COASTLINE: &str =
    "TARVIK (Coastline Daily) — Varden Motors is recalling 212,000 vehicles worldwide, about \
     84,000 of them in Dornia, to replace a faulty brake hose, the company said this \
     week.\n\nThe remaining cars were sold in Ostria, Varesia and other export markets. \
     Ana-Maria Lind, a Varden spokeswoman, said dealers had been instructed to carry out the \
     repair, which takes about an hour, at no cost to owners.\n\nPhoto: Varden Aster models \
     at a dealership in Tarvik.\n\nLind said the company was not aware of any accidents \
     linked to the fault.";

#[test]
fn a_wildfire_homes_the_day_it_began_and_the_area_growing() {
    let facts = story(&[
        (
            "wildfire/herald",
            "Harbour Herald",
            "2026-08-14",
            WILDFIRE_HERALD,
        ),
        (
            "wildfire/observer",
            "Capital Observer",
            "2026-08-14",
            WILDFIRE_OBSERVER,
        ),
        (
            "wildfire/meridian",
            "Meridian",
            "2026-08-15",
            WILDFIRE_MERIDIAN,
        ),
    ]);
    assert_eq!(
        subjects(&facts),
        ["fire", "homes destroyed"],
        "{:#?}",
        facts.conflicts
    );
    assert_eq!(
        sides(&facts, "homes destroyed"),
        Some(vec!["46", "Twenty-eight"])
    );
    assert_eq!(
        sides(&facts, "fire"),
        Some(vec!["Tuesday (2026-08-11)", "Wednesday (2026-08-12)"])
    );
    assert_eq!(
        update(&facts, "area burned"),
        ["2,300 hectares / Some 2,300 hectares", "3,100 hectares"]
    );
}

#[test]
fn a_mine_collapse_miners_trapped_and_the_depth() {
    let facts = story(&[
        (
            "mine/courier",
            "Northern Courier",
            "2026-08-17",
            MINE_COURIER,
        ),
        ("mine/valley", "Valley Times", "2026-08-17", MINE_VALLEY),
        (
            "mine/coastline",
            "Coastline Daily",
            "2026-08-18",
            MINE_COASTLINE,
        ),
    ]);
    assert_eq!(
        subjects(&facts),
        ["depth", "people trapped"],
        "{:#?}",
        facts.conflicts
    );
    assert_eq!(
        sides(&facts, "depth"),
        Some(vec!["about 400 metres", "some 650 metres"])
    );
    assert_eq!(
        sides(&facts, "people trapped"),
        Some(vec!["Fourteen", "Nineteen"])
    );
    assert_eq!(update(&facts, "people killed"), ["two", "Five"]);
}

#[test]
fn a_court_case_the_term_and_the_fine() {
    let facts = story(&[
        (
            "court/observer",
            "Capital Observer",
            "2026-08-21",
            COURT_OBSERVER,
        ),
        ("court/meridian", "Meridian", "2026-08-21", COURT_MERIDIAN),
        (
            "court/courier",
            "Northern Courier",
            "2026-08-21",
            COURT_COURIER,
        ),
    ]);
    assert_eq!(
        subjects(&facts),
        ["Arvid Kessler", "fine"],
        "{:#?}",
        facts.conflicts
    );
    assert_eq!(
        sides(&facts, "Arvid Kessler"),
        Some(vec!["nine years", "seven years"])
    );
    assert_eq!(
        sides(&facts, "fine"),
        Some(vec!["1.8 million marks", "2.5 million marks"])
    );
}

#[test]
fn a_recall_one_country_not_the_world() {
    let facts = story(&[
        (
            "recall/herald",
            "Harbour Herald",
            "2026-08-26",
            RECALL_HERALD,
        ),
        ("recall/valley", "Valley Times", "2026-08-26", RECALL_VALLEY),
        (
            "recall/coastline",
            "Coastline Daily",
            "2026-08-26",
            RECALL_COASTLINE,
        ),
    ]);
    assert_eq!(
        subjects(&facts),
        ["units recalled"],
        "{:#?}",
        facts.conflicts
    );
    assert_eq!(
        sides(&facts, "units recalled"),
        Some(vec!["48,000", "84,200"])
    );
}
