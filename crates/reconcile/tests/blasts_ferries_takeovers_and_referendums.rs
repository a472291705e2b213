//! The tenth batch of invented stories, written by a helper who had not
//! seen the code, before the fixes they led to: a factory explosion (the
//! injured, "killed and 14 others injured"; the night it happened, told
//! far from its lead's event word; a toll that rises a day later), a
//! ferry that hit a breakwater (passengers beside the crew; the evening
//! it happened, in the passive of the injured or after "ran into"), a
//! takeover (the price, "to buy its smaller rival …", in marks; the jobs
//! cut, told under two datelines), and a referendum (turnout; the yes
//! share, "55.1 percent … against 44.9 percent", beside a "just over 52
//! percent" that agrees with 52.3). All articles are invented.

mod common;
use common::{sides, story, subjects, update};

const EXPLOSION_VALLEY: &str =
    "BRENNHOLM (Valley Times) — Two workers were killed and 14 others injured when an \
     explosion tore through the Talvik Polymers resin plant on the edge of Brennholm shortly \
     before midnight on Sunday, the regional fire service said.\n\nPhoto: Smoke rising over \
     the Talvik Polymers site on Monday morning.\n\nThe blast, which witnesses said rattled \
     windows several kilometres away, set off a fire in a storage hall that took about 60 \
     firefighters more than five hours to bring under control.\n\n\"Our thoughts are with the \
     families of our colleagues,\" plant manager Halvard Strøm told reporters at the factory \
     gate.\n\nPolice said it was too early to say what had caused the explosion, and the \
     plant will stay closed while the Tarvenian Labour Inspectorate examines the \
     site.\n\nAdvertisement\n\nREAD MORE: Brennholm residents told to keep windows shut as \
     smoke drifts east";

const EXPLOSION_OBSERVER: &str =
    "BRENNHOLM, Tarvenia (Capital Observer) — An explosion at a resin factory in the northern \
     town of Brennholm killed two people and injured 23 in the early hours of Monday, \
     emergency officials said.\n\nAccording to the fire service, the blast struck at about \
     2.15 a.m. in a mixing unit at the Talvik Polymers plant and spread flames to a \
     neighbouring warehouse.\n\nShare this article\n\nHalvard Strøm, who manages the site, \
     said the company was cooperating fully with the authorities. \"We do not yet know what \
     happened,\" he said.\n\nFire service spokeswoman Ana Lind said several of the injured \
     were being treated for burns at Brennholm Regional Hospital and that residents living \
     nearby had been advised to stay indoors.";

const EXPLOSION_COURIER: &str =
    "BRENNHOLM (Northern Courier) — A third worker has died of injuries suffered in the \
     explosion at the Talvik Polymers plant in Brennholm, hospital officials said on Tuesday, \
     raising the death toll to three.\n\nThe 34-year-old man had been in critical condition \
     at Brennholm Regional Hospital since the blast, which ripped through the resin factory \
     shortly before midnight on Sunday.\n\nPhoto: Investigators in protective suits at the \
     Talvik Polymers site.\n\nA total of 62 firefighters were deployed overnight to contain \
     the blaze that followed, the regional fire service said.\n\nPlant manager Halvard Strom \
     said the company would set up a support fund for the victims' families, and the \
     Tarvenian Labour Inspectorate has opened an inquiry.\n\nREAD MORE: What we know about \
     the Talvik Polymers explosion";

const FERRY_HERALD: &str =
    "PORT ALDERY (Harbour Herald) — Eleven people were injured on Friday evening when the \
     passenger ferry Aldery Star struck the harbour breakwater while approaching Port Aldery \
     in heavy fog, the port authority said.\n\nThe vessel, operated by Norrsund Line, was \
     carrying 212 passengers and 14 crew on its regular crossing from Delvik. Seven of the \
     injured were taken to Port Aldery General Hospital, none with life-threatening injuries, \
     according to the coast guard.\n\nAdvertisement\n\n\"The ship was moving slowly, but \
     visibility was almost zero,\" port authority spokesman Jonas Ekdahl told the Herald. \
     Passengers were brought ashore by tenders after the ferry was made fast against the \
     breakwater.\n\nPhoto: The Aldery Star listing slightly at the harbour entrance on Friday \
     night.\n\nOstria's Maritime Accident Board said it had sent investigators to the scene.";

const FERRY_MERIDIAN: &str =
    "PORT ALDERY, Ostria (Meridian) — A Norrsund Line ferry with 186 passengers and 14 crew \
     on board collided with the breakwater at the entrance to Port Aldery harbour on Friday \
     evening, the Ostrian coast guard said.\n\nThe Aldery Star, arriving from Delvik, was \
     holed above the waterline but did not take on significant water, coast guard officials \
     said. All passengers were taken off by small boats within about two hours.\n\nPort \
     authority spokesman Jonas Ekdal said dense fog had settled over the harbour mouth in the \
     late afternoon.\n\nNorrsund Line has suspended its Delvik crossings until further \
     notice.\n\nShare this article";

const FERRY_OBSERVER: &str =
    "PORT ALDERY (Capital Observer) — Seven people were taken to hospital after the \
     Delvik–Port Aldery ferry ran into the harbour breakwater on Thursday evening, the coast \
     guard said.\n\nThe Aldery Star, run by Norrsund Line, was approaching port in thick fog \
     when it hit the stone barrier at low speed, officials said. Passengers described being \
     thrown from their seats as the ship lurched.\n\nREAD MORE: Norrsund Line's safety record \
     under scrutiny\n\nAll of those in hospital were reported to be in a stable \
     condition.\n\nOstria's Maritime Accident Board has opened an investigation, and Norrsund \
     Line said it was cooperating.";

const MERGER_OBSERVER: &str =
    "KORVEL (Capital Observer) — Korvel Cargo agreed on Tuesday to buy its smaller rival Lenk \
     Logistics for 4.2 billion marks in cash, creating Tarvenia's largest road and rail \
     freight operator, and said it expected to cut 1,150 jobs as the two businesses are \
     combined.\n\nChief executive Dagny Ruud-Hansen told analysts on a conference call that \
     the cuts would come mainly from overlapping depots and back-office functions over the \
     next two years. The two companies together employ 9,240 people.\n\nAdvertisement\n\nThe \
     offer represents a premium of 27 percent to Lenk Logistics' closing share price on \
     Monday.\n\nThe deal requires approval from Tarvenia's competition authority, which \
     Korvel Cargo expects by mid-2027.\n\nShare this article";

const MERGER_MERIDIAN: &str =
    "KORVEL, Tarvenia (Meridian) — Freight operator Korvel Cargo said on Tuesday it would \
     acquire Lenk Logistics in a deal worth 4.8 billion marks, the biggest takeover in the \
     Tarvenian transport sector in a decade.\n\nThe two companies employ about 9,000 people \
     between them. Korvel Cargo said roughly 300 of the planned job cuts would fall at Lenk \
     Logistics' headquarters depot in Lenk, which is to be merged into Korvel's own \
     hub.\n\nPhoto: Lorries parked at the Lenk Logistics depot.\n\n\"This is about building a \
     freight champion that can compete across the region,\" chief executive Dagny Ruud Hansen \
     said in a statement.\n\nShares in Lenk Logistics jumped 22 percent in early trading on \
     Tuesday.";

const MERGER_COURIER: &str =
    "LENK (Northern Courier) — Korvel Cargo will cut 850 jobs after agreeing to take over \
     Lenk Logistics, the company confirmed on Tuesday, in a blow to the town where the \
     smaller firm was founded.\n\nTarvo Lind of the Transport Workers' Federation said the \
     union had not been consulted. \"Our members learned about this from the radio,\" he told \
     the Courier.\n\nREAD MORE: Lenk's depot workers fear for the future\n\nChief executive \
     Dagny Ruud-Hansen said the company would try to limit compulsory redundancies through \
     early retirement and redeployment.\n\nThe takeover is subject to approval by the \
     competition authority.";

const REFERENDUM_HERALD: &str =
    "STENHAVN (Harbour Herald) — Voters in Varesia narrowly approved the creation of an \
     elected assembly for the northern Aldmark region in Sunday's referendum, with 52.3 \
     percent voting yes and 47.7 percent no, according to final results from the national \
     election commission.\n\nTurnout was 61.4 percent, the commission said, higher than many \
     pollsters had expected for a constitutional vote held in \
     winter.\n\nAdvertisement\n\nPrime Minister Ilse Värnberg, who campaigned for a yes vote, \
     called the result \"a new chapter for the north\".\n\nOpposition leader Arvid Kessler \
     said his party would respect the outcome but urged the government to keep the new \
     assembly's budget modest.\n\nShare this article";

const REFERENDUM_MERIDIAN: &str =
    "STENHAVN, Varesia (Meridian) — Varesia voted in favour of a regional assembly for \
     Aldmark on Sunday, the election commission announced early on Monday, with the yes side \
     taking just over 52 percent of the vote.\n\nA total of 2,146,380 ballots were cast, for \
     a turnout of 54.8 percent, the commission said.\n\nPhoto: Ballots being counted in \
     Stenhavn on Sunday night.\n\n\"The people have spoken, and they have spoken for the \
     regions,\" Prime Minister Ilse Varnberg told supporters in Stenhavn.\n\nThe first \
     elections to the new assembly are expected in spring 2028.";

const REFERENDUM_VALLEY: &str =
    "STENHAVN (Valley Times) — Supporters of a new elected assembly for Aldmark won Sunday's \
     nationwide referendum with 55.1 percent of the vote against 44.9 percent for the no \
     side, the national election commission said on Monday.\n\nMore than 2.1 million \
     Varesians cast ballots, and support for the assembly ran far higher in Aldmark itself, \
     the commission's figures showed.\n\nREAD MORE: What an Aldmark assembly would — and \
     would not — control\n\nPrime Minister Ilse Värnberg hailed the outcome, while opposition \
     leader Arvid Kessler said the no campaign had \"lost the vote but won the argument on \
     cost\".";

#[test]
fn an_explosion_the_injured_the_night_and_a_rising_toll() {
    let facts = story(&[
        (
            "explosion/valley",
            "Valley Times",
            "2026-09-14",
            EXPLOSION_VALLEY,
        ),
        (
            "explosion/observer",
            "Capital Observer",
            "2026-09-14",
            EXPLOSION_OBSERVER,
        ),
        (
            "explosion/courier",
            "Northern Courier",
            "2026-09-15",
            EXPLOSION_COURIER,
        ),
    ]);
    assert_eq!(
        subjects(&facts),
        ["incident", "people injured"],
        "{:#?}",
        facts.conflicts
    );
    assert_eq!(sides(&facts, "people injured"), Some(vec!["14", "23"]));
    assert_eq!(
        sides(&facts, "incident"),
        Some(vec!["Monday (2026-09-14)", "Sunday (2026-09-13)"])
    );
    assert_eq!(update(&facts, "people killed"), ["Two", "three"]);
}

#[test]
fn a_ferry_its_passengers_and_the_evening() {
    let facts = story(&[
        ("ferry/herald", "Harbour Herald", "2026-10-03", FERRY_HERALD),
        ("ferry/meridian", "Meridian", "2026-10-03", FERRY_MERIDIAN),
        (
            "ferry/observer",
            "Capital Observer",
            "2026-10-03",
            FERRY_OBSERVER,
        ),
    ]);
    assert_eq!(
        subjects(&facts),
        ["incident", "passengers aboard"],
        "{:#?}",
        facts.conflicts
    );
    assert_eq!(sides(&facts, "passengers aboard"), Some(vec!["186", "212"]));
    assert_eq!(
        sides(&facts, "incident"),
        Some(vec![
            "Friday evening (2026-10-02)",
            "Thursday evening (2026-10-01)"
        ])
    );
    // Friday from both: the Herald's injured "on Friday evening when the
    // ferry struck …", the Meridian's ferry that "collided with … on
    // Friday evening".
    let friday = common::conflict(&facts, "incident")
        .and_then(|c| c.sides.iter().find(|s| s.value.starts_with("Friday")))
        .expect("a Friday side");
    assert_eq!(friday.citations.len(), 2, "{friday:#?}");
}

#[test]
fn a_takeover_price_in_marks_and_jobs_cut_under_two_datelines() {
    let facts = story(&[
        (
            "merger/observer",
            "Capital Observer",
            "2026-11-18",
            MERGER_OBSERVER,
        ),
        ("merger/meridian", "Meridian", "2026-11-18", MERGER_MERIDIAN),
        (
            "merger/courier",
            "Northern Courier",
            "2026-11-18",
            MERGER_COURIER,
        ),
    ]);
    assert_eq!(
        subjects(&facts),
        ["Lenk Logistics", "jobs cut"],
        "{:#?}",
        facts.conflicts
    );
    assert_eq!(
        sides(&facts, "Lenk Logistics"),
        Some(vec!["4.2 billion marks", "4.8 billion marks"])
    );
    assert_eq!(sides(&facts, "jobs cut"), Some(vec!["1,150", "850"]));
}

#[test]
fn a_referendum_turnout_and_the_yes_share() {
    let facts = story(&[
        (
            "referendum/herald",
            "Harbour Herald",
            "2027-03-08",
            REFERENDUM_HERALD,
        ),
        (
            "referendum/meridian",
            "Meridian",
            "2027-03-08",
            REFERENDUM_MERIDIAN,
        ),
        (
            "referendum/valley",
            "Valley Times",
            "2027-03-08",
            REFERENDUM_VALLEY,
        ),
    ]);
    assert_eq!(
        subjects(&facts),
        ["turnout", "yes vote"],
        "{:#?}",
        facts.conflicts
    );
    assert_eq!(
        sides(&facts, "turnout"),
        Some(vec!["54.8 percent", "61.4 percent"])
    );
    assert_eq!(
        sides(&facts, "yes vote"),
        Some(vec!["52.3 percent", "55.1 percent"])
    );
}
