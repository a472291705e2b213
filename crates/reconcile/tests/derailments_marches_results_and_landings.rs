//! The twelfth batch of invented stories, written by a helper who had
//! not seen the code, before the fixes they led to: a derailment
//! (passengers aboard; the train's speed; a toll that "has risen to six
//! after two injured passengers died"), a march (arrests, beside the nine
//! "detained … had been charged" a day later; the police's crowd figure),
//! a company's results (its job cuts beside its headcount) and an
//! emergency landing (passengers beside the crew; the evening it
//! happened; nine hurt "when 148 passengers … were evacuated"); the
//! results' net profit, which one outlet gives of "the group" named only
//! in its lead. Left: the dividend. All articles are invented.

mod common;
use common::{sides, story, subjects, update};

const DERAILMENT_HERALD: &str =
    "BRENNHOLM (Harbour Herald) — Four people were killed and at least 37 injured when a \
     passenger train derailed near Brennholm in northern Tarvenia late on Wednesday, the rail \
     operator said.\n\nThe regional service from Delvik to Port Aldery was carrying 212 \
     passengers when five of its seven carriages left the tracks on a curve about three \
     kilometres south of the town.\n\nData from the locomotive's event recorder showed the \
     train was travelling at 118 km/h at the moment it derailed, according to Tarvenian State \
     Railways.\n\nAdvertisement\n\n\"We are working with investigators to understand every \
     second of what happened,\" the operator's chief executive, Halvard Strøm, told reporters \
     at the scene.\n\nRescue crews worked through the night to free passengers trapped in the \
     overturned carriages.\n\nREAD MORE: Brennholm line was due for upgrade, council papers \
     show";

const DERAILMENT_OBSERVER: &str =
    "Four people died on Wednesday night after a regional train came off the rails outside \
     Brennholm, Tarvenian State Railways said on Thursday.\n\nAccording to the operator, 241 \
     passengers were on board the Delvik–Port Aldery service. Thirty-seven people were \
     injured, several of them seriously.\n\nThe train had been going at 86 kilometres per \
     hour as it entered the bend, above the 80 km/h limit in force on that stretch, the \
     company said, citing preliminary recorder data.\n\nPhoto: Emergency workers beside an \
     overturned carriage near Brennholm. (Capital Observer)\n\nRailways chief Halvard Strom \
     said the driver, who survived with minor injuries, was cooperating fully with the \
     inquiry.\n\nShare this article";

const DERAILMENT_COURIER: &str =
    "DELVIK (Northern Courier) — The number of people killed in Wednesday's train derailment \
     near Brennholm has risen to six after two injured passengers died in hospital overnight, \
     health officials said on Friday.\n\nMore than 200 passengers were travelling on the \
     regional service when it derailed on a curve south of the town.\n\nStrøm, who heads \
     Tarvenian State Railways, said the line would stay closed for at least a week while the \
     wreckage is removed and the track inspected.\n\nAdvertisement\n\nTarvenia's transport \
     ministry has ordered an independent investigation. Several of the injured remain in a \
     serious condition, doctors at Delvik General Hospital said.";

const PROTEST_OBSERVER: &str =
    "KORVEL (Capital Observer) — Tens of thousands of people marched through central Korvel \
     on Saturday to protest against the government's plan to raise the retirement age to \
     68.\n\nPolice put the crowd at 18,000, while organisers from the Ostrian Workers' \
     Alliance claimed that 58,500 people had taken part.\n\nPolice arrested 14 people after \
     scuffles broke out near the parliament building in the late afternoon, a police \
     spokesman said.\n\nAdvertisement\n\n\"The government cannot pretend it did not hear us \
     today,\" alliance leader Ana Lind-Ekberg told the crowd on Republic Square.\n\nREAD \
     MORE: What the pension bill would mean for you";

const PROTEST_MERIDIAN: &str =
    "Some 31,000 people took part in a march against pension reform in Korvel on Saturday, \
     according to police estimates.\n\nThe protest, called by the Ostrian Workers' Alliance, \
     was largely peaceful, but clashes with riot officers near parliament ended in 23 \
     arrests, police said.\n\nPhoto: Protesters carry banners along Harbour Avenue in \
     Korvel.\n\nAlliance leader Ana Lind Ekberg said further strikes would be announced next \
     week if the bill was not withdrawn. The government, Lind Ekberg told reporters, had \
     \"run out of excuses\".\n\nThe government said it remained committed to the reform and \
     urged unions to return to talks.";

const PROTEST_VALLEY: &str =
    "Ostrian unions promised on Sunday to step up their campaign against pension reform, a \
     day after nearly 60,000 people marched through the capital Korvel, according to \
     organisers.\n\nProsecutors said nine people detained during Saturday's clashes near \
     parliament had been charged with public order offences.\n\nLind-Ekberg, who leads the \
     Ostrian Workers' Alliance, said a national day of strikes would be held in \
     October.\n\nShare this article\n\nLabour minister Petra Vass said the government was \
     open to talks but would not abandon the bill.";

const RESULTS_HERALD: &str =
    "PORT ALDERY (Harbour Herald) — Aldery Shipping Group reported on Thursday a net profit \
     of 412 million crowns for the financial year to June 30, lifted by higher freight rates \
     on its northern routes.\n\nRevenue rose to 5.3 billion crowns, the company said, and the \
     board proposed a dividend of 4.20 crowns per share.\n\nDespite the stronger results, the \
     group will cut 352 positions, mostly at its Port Aldery container terminal, as it \
     automates cargo handling.\n\n\"We have to prepare for a tougher market,\" chief \
     executive Jonas Ekvall said in a statement.\n\nAdvertisement\n\nAldery shares rose 3.1% \
     in early trading in Port Aldery.";

const RESULTS_OBSERVER: &str =
    "Aldery Shipping Group will shed about 350 jobs, the Varesian company announced on \
     Thursday, as it published annual figures showing revenue of more than 5 billion \
     crowns.\n\nNet profit for the year ended June 30 came in at 341 million crowns, the \
     group said.\n\nCEO J. Ekvall told analysts on a conference call that most of the cuts \
     would come through automation at the company's main terminal.\n\nPhoto: Cranes at the \
     Aldery container terminal in Port Aldery.\n\nThe group employs some 6,100 people in \
     Varesia and abroad.";

const RESULTS_MERIDIAN: &str =
    "Aldery Shipping Group raised its dividend to 2.40 crowns a share on Thursday after net \
     profit climbed to 412 million crowns in its latest financial year, up from 298 million \
     crowns a year earlier.\n\nSales reached 5.3 billion crowns. The company, which has \
     around 6,100 employees, also confirmed plans to reduce its workforce by 352.\n\nREAD \
     MORE: Varesian ports brace for slower trade\n\nChief executive Jonas Ekvall said the \
     group expected freight volumes to stabilise next year. Ekvall declined to comment on \
     possible acquisitions.";

const LANDING_COASTLINE: &str =
    "TARVIK (Coastline Daily) — A Dornair passenger jet made an emergency landing at Tarvik \
     airport on Tuesday evening after one of its engines failed shortly after take-off, the \
     airline said.\n\nFlight DN417 from Lenk to Stenhavn was carrying 164 passengers and six \
     crew. It touched down safely at 19:42 local time.\n\nNine people were treated for minor \
     injuries sustained during the evacuation via emergency slides, according to airport \
     officials.\n\nAdvertisement\n\nPassengers praised the captain, Arvid Keßler, for calmly \
     keeping them informed throughout the descent.\n\nREAD MORE: Dornair fleet under scrutiny \
     after second incident this year";

const LANDING_COURIER: &str =
    "Nine passengers were hurt when 148 passengers and six crew members were evacuated from a \
     Dornair aircraft that made an emergency landing in Tarvik on Wednesday evening.\n\nThe \
     plane, bound for Stenhavn from Lenk, landed at around 7.40 pm after the crew reported a \
     fault in its left engine, Dornia's civil aviation authority said.\n\nCaptain Arvid \
     Kessler declared an emergency about 20 minutes into the flight, the authority \
     said.\n\nPhoto: Emergency vehicles surround the Dornair aircraft on the runway at \
     Tarvik.\n\nThe airline said it was arranging a replacement flight for stranded \
     passengers.";

const LANDING_HERALD: &str =
    "STENHAVN (Harbour Herald) — Twelve people were injured during the evacuation of a \
     Dornair flight that made an emergency landing at Tarvik earlier this week, the airline \
     said on Friday, revising its earlier figure of nine.\n\nThree more passengers sought \
     medical treatment after arriving in Stenhavn, a Dornair spokeswoman said.\n\nMore than \
     150 people were on board the Lenk–Stenhavn service.\n\nShare this article\n\nDornia's \
     civil aviation authority has opened an investigation into the engine failure, and \
     Captain Kessler will be interviewed by investigators next week.";

#[test]
fn a_derailment_passengers_speed_and_a_rising_toll() {
    let facts = story(&[
        (
            "derailment/herald",
            "Harbour Herald",
            "2026-09-24",
            DERAILMENT_HERALD,
        ),
        (
            "derailment/observer",
            "Capital Observer",
            "2026-09-24",
            DERAILMENT_OBSERVER,
        ),
        (
            "derailment/courier",
            "Northern Courier",
            "2026-09-25",
            DERAILMENT_COURIER,
        ),
    ]);
    assert_eq!(
        subjects(&facts),
        ["people aboard", "speed"],
        "{:#?}",
        facts.conflicts
    );
    assert_eq!(sides(&facts, "people aboard"), Some(vec!["212", "241"]));
    assert_eq!(
        sides(&facts, "speed"),
        Some(vec!["118 km/h", "86 kilometres per hour"])
    );
    assert_eq!(update(&facts, "people killed"), ["Four", "six"]);
}

#[test]
fn a_march_its_arrests_and_the_police_count() {
    let facts = story(&[
        (
            "protest/observer",
            "Capital Observer",
            "2026-09-26",
            PROTEST_OBSERVER,
        ),
        (
            "protest/meridian",
            "Meridian",
            "2026-09-26",
            PROTEST_MERIDIAN,
        ),
        (
            "protest/valley",
            "Valley Times",
            "2026-09-27",
            PROTEST_VALLEY,
        ),
    ]);
    assert_eq!(
        subjects(&facts),
        ["crowd", "people arrested"],
        "{:#?}",
        facts.conflicts
    );
    assert_eq!(sides(&facts, "people arrested"), Some(vec!["14", "23"]));
    // The police's two figures, and the organisers' own beside them.
    assert_eq!(
        sides(&facts, "crowd"),
        Some(vec!["18,000", "Some 31,000", "nearly 60,000"])
    );
}

#[test]
fn a_companys_results_its_profit_and_cut_jobs_are_no_headcount() {
    let facts = story(&[
        (
            "results/herald",
            "Harbour Herald",
            "2026-09-24",
            RESULTS_HERALD,
        ),
        (
            "results/observer",
            "Capital Observer",
            "2026-09-24",
            RESULTS_OBSERVER,
        ),
        (
            "results/meridian",
            "Meridian",
            "2026-09-24",
            RESULTS_MERIDIAN,
        ),
    ]);
    assert_eq!(
        subjects(&facts),
        ["Aldery Shipping Group profit"],
        "{:#?}",
        facts.conflicts
    );
    assert_eq!(
        sides(&facts, "Aldery Shipping Group profit"),
        Some(vec!["341 million crowns", "412 million crowns"])
    );
}

#[test]
fn an_emergency_landing_passengers_and_the_evening() {
    let facts = story(&[
        (
            "landing/coastline",
            "Coastline Daily",
            "2026-09-24",
            LANDING_COASTLINE,
        ),
        (
            "landing/courier",
            "Northern Courier",
            "2026-09-24",
            LANDING_COURIER,
        ),
        (
            "landing/herald",
            "Harbour Herald",
            "2026-09-25",
            LANDING_HERALD,
        ),
    ]);
    assert_eq!(
        subjects(&facts),
        ["incident", "passengers aboard"],
        "{:#?}",
        facts.conflicts
    );
    assert_eq!(sides(&facts, "passengers aboard"), Some(vec!["148", "164"]));
    assert_eq!(
        sides(&facts, "incident"),
        Some(vec![
            "Tuesday evening (2026-09-22)",
            "Wednesday evening (2026-09-23)"
        ])
    );
    assert_eq!(update(&facts, "people injured"), ["Nine", "Twelve"]);
}
