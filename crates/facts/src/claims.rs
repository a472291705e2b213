//! Atomic claims: a figure or date tied to what it measures.
//!
//! A figure means little alone: "43" is a claim only once we know it counts
//! the injured. The measure comes from a *concept*: a small, hand-written
//! list of the things news reports count, rate and date (deaths, injuries,
//! interest rates, the date of a vote ...) with the words that signal them.
//! A figure takes the nearest trigger word of a fitting concept in its
//! clause; figures without one become claims about their counted noun
//! ("5.3 million households"), which are corroborated but never called
//! conflicting — only recognised concepts are compared that strictly.

use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::sync::OnceLock;

use crosscheck_model::Span;

use crate::lexicon::is_hedge;
use crate::tagger::PreHashed;
use crate::token::{Lower, TokKind, Token};
use crate::{
    ArticleClaim, ClaimValue, DateMention, DateValue, EntityKind, Mention, Quantity, Statement,
    Unit,
};

/// What a concept's values are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConceptKind {
    /// A count of people or things.
    Count,
    /// A percentage.
    Percent,
    /// A change in percentage points.
    PointChange,
    /// An amount of money.
    Money,
    /// A date.
    Date,
    /// A measure in the named base unit ("hectare", "km/h"; figures in
    /// other units of the same measure are converted to it).
    Measure(&'static str),
}

/// A measured thing news reports state and contradict.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Concept {
    /// Stable identifier ("injured").
    pub id: &'static str,
    /// The claim's subject ("people injured").
    pub subject: &'static str,
    /// The claim's attribute ("count").
    pub attribute: &'static str,
    pub kind: ConceptKind,
    /// Lower-case words signalling the concept.
    pub triggers: &'static [&'static str],
    /// Counts that only grow as a story develops (deaths, injuries,
    /// arrests): a later, larger figure is an update, not a conflict.
    pub monotone: bool,
    /// Values belong to a named thing in the sentence ("the new stadium
    /// holds 32,000", "Tannery Lane holds 14,500"): compared only when the
    /// subjects match.
    pub per_subject: bool,
    /// For percentages: the preposition before the figure that this concept
    /// requires ("to 3.25 percent" is the new level, "from 2.75 percent" the
    /// old one); empty for any.
    pub prepositions: &'static [&'static str],
    /// Events that recur about once a year for the same subject (summits
    /// of one pair of countries): dates in two different years are two
    /// events, not a conflict, and the subject names its places.
    pub recurs_yearly: bool,
    /// Values belong to the named giver or owner before the figure when
    /// there is one ("the Ostrian government pledged 5 million crowns in
    /// aid"), else to the story as a whole ("the government has pledged
    /// 50 million crowns in aid"): figures of two named givers are not
    /// compared, figures of no named giver are.
    pub named_or_whole: bool,
    /// The counted nouns a figure of the concept must have, when any are
    /// given: people aboard are counted as people ("carrying 154
    /// passengers", not a bond "carrying a 9 pct coupon"), homes
    /// destroyed as homes, hostages freed as hostages.
    pub nouns: &'static [&'static str],
    /// Counts that only fall as a story develops (people still trapped,
    /// homes still without power): a later, smaller figure is an update.
    pub falls: bool,
    /// Words one of which the sentence must hold for its figures to be the
    /// concept's, when any are given: a haul "found" or "worth" a sum is a
    /// drug seizure's only in a sentence about drugs.
    pub context: &'static [&'static str],
    /// Words that, anywhere in the sentence, make its figures another
    /// thing than the concept's: workers "temporarily laid off" for a week
    /// lose no jobs.
    pub not_with: &'static [&'static str],
    /// The whole a percentage must be a part of, when any is given: "12%
    /// of its workforce" (the figure is followed by "of", a determiner and
    /// one of these words).
    pub whole: &'static [&'static str],
    /// Words right before a figure that make it another figure than the
    /// concept's: "cut its staff to 610" gives the staff left, not the
    /// jobs cut.
    pub not_after: &'static [&'static str],
    /// Figures of a decision announced, which is stated in the future ("will
    /// cut 1,500 jobs", "would recall 430,000 vehicles") and is no forecast
    /// for it: only words that put the decision itself in doubt ("could",
    /// "talks", "considering") hedge them.
    pub decided: bool,
    /// Dates of an event a story goes through several times (a bill is
    /// passed by a committee, then by each chamber): a date later than
    /// every report of another could know is the next step, not a
    /// conflict with it.
    pub in_steps: bool,
    /// Counts that move either way as a story develops (people missing:
    /// more reported, then found): figures reported at two different times
    /// are an update; only figures of one time can conflict.
    pub drifts: bool,
    /// Where the [`Concept::context`] words are looked for.
    pub context_reach: Reach,
}

/// Where a concept's context words are looked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reach {
    /// In the figure's sentence.
    Sentence,
    /// In the sentence or the text just before it, up to the previous
    /// sentence: "Five paintings were stolen. The director put their value
    /// at 3 million euros."
    Before,
    /// Anywhere in the article: "The exchange took place on Friday" is a
    /// prisoner exchange's date in a report about prisoners.
    Article,
}

#[allow(clippy::too_many_arguments)]
const fn c(
    id: &'static str,
    subject: &'static str,
    attribute: &'static str,
    kind: ConceptKind,
    triggers: &'static [&'static str],
    monotone: bool,
    per_subject: bool,
    prepositions: &'static [&'static str],
) -> Concept {
    Concept {
        id,
        subject,
        attribute,
        kind,
        triggers,
        monotone,
        per_subject,
        prepositions,
        recurs_yearly: false,
        named_or_whole: false,
        nouns: &[],
        falls: false,
        context: &[],
        not_with: &[],
        whole: &[],
        not_after: &[],
        decided: false,
        in_steps: false,
        drifts: false,
        context_reach: Reach::Sentence,
    }
}

/// The concepts, in priority order for ties.
pub const CONCEPTS: &[Concept] = {
    use ConceptKind::*;
    &[
        c(
            "killed",
            "people killed",
            "count",
            Count,
            &[
                "killed",
                "killing",
                "kill",
                "kills",
                "dead",
                "died",
                "die",
                "dies",
                "deaths",
                "death",
                "bodies",
                "victims",
                "fatalities",
                "perished",
                "drowned",
                "toll",
                "fatally",
            ],
            true,
            false,
            &[],
        ),
        c(
            "injured",
            "people injured",
            "count",
            Count,
            &[
                "injured",
                "injuring",
                "injuries",
                "injures",
                "wounded",
                "wounding",
                "hurt",
                "casualties",
            ],
            true,
            false,
            &[],
        ),
        Concept {
            drifts: true,
            ..c(
                "missing",
                "people missing",
                "count",
                Count,
                &["missing", "unaccounted"],
                false,
                false,
                &[],
            )
        },
        c(
            "arrested",
            "people arrested",
            "count",
            Count,
            &["arrested", "arrests", "detained", "detentions", "arrest"],
            true,
            false,
            &[],
        ),
        c(
            "evacuated",
            "people evacuated",
            "count",
            Count,
            &[
                "evacuated",
                "evacuate",
                "evacuation",
                "evacuees",
                "displaced",
                "evacuating",
                "forced",
                "forcing",
                "fled",
            ],
            false,
            false,
            &[],
        ),
        // The temperature a heatwave or cold snap reached; as it builds, a
        // later, higher figure is an update.
        c(
            "temperature",
            "temperature",
            "°C",
            Measure("°C"),
            &[
                "temperature",
                "temperatures",
                "mercury",
                "reached",
                "hit",
                "recorded",
                "peaked",
                "record",
                "soared",
                "climbed",
            ],
            true,
            false,
            &[],
        ),
        // How high a river or flood water rose.
        c(
            "water_level",
            "water level",
            "metres",
            Measure("m"),
            &[
                "river",
                "water",
                "waters",
                "crest",
                "crested",
                "floodwaters",
                "peaked",
                "level",
            ],
            false,
            false,
            &[],
        ),
        // Homes a disaster destroyed: the count grows as reports come in.
        Concept {
            nouns: &["homes", "houses", "buildings", "dwellings"],
            ..c(
                "homes_destroyed",
                "homes destroyed",
                "count",
                Count,
                &[
                    "destroyed",
                    "reduced",
                    "razed",
                    "flattened",
                    "levelled",
                    "leveled",
                    "demolished",
                ],
                true,
                false,
                &[],
            )
        },
        // How long a siege, stand-off or captivity lasted, in days
        // ("held them for 11 days", "an eight-day siege").
        c(
            "siege_length",
            "siege",
            "length",
            Measure("day"),
            &[
                "siege",
                "standoff",
                "stand-off",
                "captivity",
                "held",
                "holding",
            ],
            false,
            false,
            &[],
        ),
        // Hostages taken or held ("took 12 people hostage", "21 hostages
        // held in a bank"), counted as people.
        // Kidnappings are not read: a story tells of several groups taken
        // ("three engineers were kidnapped", "90 people have been
        // kidnapped in the region this year").
        Concept {
            nouns: &[
                "hostages",
                "people",
                "captives",
                "passengers",
                "tourists",
                "workers",
                "employees",
                "children",
                "students",
                "customers",
                "staff",
            ],
            ..c(
                "hostages_held",
                "hostages held",
                "count",
                Count,
                &["hostage", "held", "holding"],
                false,
                false,
                &[],
            )
        },
        // Hostages set free.
        Concept {
            nouns: &["hostages", "captives"],
            ..c(
                "hostages_freed",
                "hostages freed",
                "count",
                Count,
                &["released", "freed", "rescued", "releasing", "freeing"],
                false,
                false,
                &[],
            )
        },
        // Cars, devices or goods a maker calls back.
        Concept {
            decided: true,
            ..c(
                "recalled",
                "units recalled",
                "count",
                Count,
                &["recall", "recalls", "recalling", "recalled", "called"],
                false,
                false,
                &[],
            )
        },
        // Who was aboard a plane, ship or train, and who survived it.
        Concept {
            nouns: &[
                "people",
                "persons",
                "passengers",
                "migrants",
                "pilgrims",
                "tourists",
                "refugees",
                "children",
            ],
            ..c(
                "aboard",
                "people aboard",
                "count",
                Count,
                &["aboard", "board", "onboard", "carrying"],
                false,
                false,
                &[],
            )
        },
        c(
            "survivors",
            "survivors",
            "count",
            Count,
            &["survivors", "survived"],
            false,
            false,
            &[],
        ),
        // People taken ill in an outbreak ([`OUTBREAK_WORDS`]): more as it
        // spreads.
        Concept {
            context: OUTBREAK_WORDS,
            ..c(
                "fallen_ill",
                "people fallen ill",
                "count",
                Count,
                &["sickened", "ill", "infected", "infections", "cases"],
                true,
                false,
                &[],
            )
        },
        // People still in hospital ("are in hospital", "remain
        // hospitalised"; see `trigger_holds`): fewer as they go home.
        Concept {
            falls: true,
            ..c(
                "in_hospital",
                "people in hospital",
                "count",
                Count,
                &["hospital", "hospitalised", "hospitalized"],
                false,
                false,
                &[],
            )
        },
        // People trapped in a mine, a collapsed building or a cave: the
        // count falls as rescuers free them. "A total of 41 were trapped"
        // counts everyone ever trapped, not those still underground.
        Concept {
            falls: true,
            not_with: &["total"],
            ..c(
                "trapped",
                "people trapped",
                "count",
                Count,
                &["trapped", "entombed"],
                false,
                false,
                &[],
            )
        },
        // People brought out alive: more as rescuers reach them. Counted
        // as people ("rescued two lenders", "freed 60 crates" are not).
        Concept {
            nouns: &[
                "people",
                "persons",
                "miners",
                "workers",
                "passengers",
                "survivors",
                "children",
                "crew",
                "fishermen",
                "sailors",
                "climbers",
                "hikers",
                "migrants",
                "residents",
                "villagers",
                "tourists",
                "students",
                "men",
                "women",
            ],
            ..c(
                "rescued",
                "people rescued",
                "count",
                Count,
                &["rescued", "freed", "rescuing", "freeing"],
                true,
                false,
                &[],
            )
        },
        // How far below ground a mine's collapse or a trapped crew lies
        // ("trapped 400 metres underground"). "A depth of 1,800 metres"
        // may be a well's or the sea's: only "underground" and "below
        // ground" (see `trigger_holds`) are read.
        c(
            "depth",
            "depth",
            "metres",
            Measure("m"),
            &["underground", "below", "beneath", "depth"],
            false,
            false,
            &[],
        ),
        // Homes or customers left without power: the count falls as power
        // comes back.
        Concept {
            falls: true,
            nouns: &[
                "homes",
                "households",
                "customers",
                "people",
                "residents",
                "properties",
                "businesses",
                "consumers",
                "users",
            ],
            ..c(
                "without_power",
                "homes without power",
                "count",
                Count,
                &[
                    "without",
                    "lost",
                    "lose",
                    "losing",
                    "outage",
                    "outages",
                    "blackout",
                    "blackouts",
                ],
                false,
                false,
                &[],
            )
        },
        // The weight of drugs seized, and what they would fetch: read only
        // in a sentence about drugs ([`DRUG_WORDS`]).
        Concept {
            context: DRUG_WORDS,
            ..c(
                "seized",
                "drugs seized",
                "weight",
                Measure("tonne"),
                &[
                    "seized",
                    "seize",
                    "seizing",
                    "seizure",
                    "haul",
                    "confiscated",
                    "intercepted",
                    "impounded",
                    "found",
                    "discovered",
                ],
                false,
                false,
                &[],
            )
        },
        Concept {
            context: DRUG_WORDS,
            ..c(
                "street_value",
                "street value of the drugs",
                "amount",
                Money,
                &["street", "worth", "valued", "value"],
                false,
                false,
                &[],
            )
        },
        // What stolen goods are worth, in a report about a theft (the
        // sentence giving the value seldom names the theft again: "The
        // director put their value at 3 million euros").
        Concept {
            context: THEFT_WORDS,
            context_reach: Reach::Before,
            ..c(
                "stolen_value",
                "value of what was stolen",
                "amount",
                Money,
                &["worth", "valued", "value"],
                false,
                false,
                &[],
            )
        },
        // How fast a train, bus, car or plane was going when it crashed:
        // read only in a sentence naming one ([`VEHICLE_WORDS`]).
        Concept {
            context: VEHICLE_WORDS,
            ..c(
                "speed",
                "speed",
                "km/h",
                Measure("km/h"),
                &[
                    "travelling",
                    "traveling",
                    "going",
                    "speeding",
                    "speed",
                    "moving",
                    "running",
                ],
                false,
                false,
                &[],
            )
        },
        // How many carriages or wagons of a train left the track: one
        // figure of a derailment, which does not change as the story goes
        // on ("left the rails", "came off the tracks": see `trigger_holds`).
        Concept {
            nouns: &["carriages", "carriage", "cars", "wagons", "coaches"],
            ..c(
                "derailed",
                "carriages derailed",
                "count",
                Count,
                &["derailed", "derailing", "left", "jumped", "came"],
                false,
                false,
                &[],
            )
        },
        // What a budget spends on a public field ("raises defence spending
        // to 4.2 billion crowns"): the new level, after "to"; each field's
        // spending apart, and only named public fields (see `spending_of`).
        c(
            "spending",
            "spending",
            "amount",
            Money,
            &["spending"],
            false,
            false,
            &["to"],
        ),
        // The pay rise an employer offers striking or bargaining workers.
        Concept {
            context: &[
                "pay", "wage", "wages", "salary", "salaries", "rise", "raise", "increase",
            ],
            ..c(
                "pay_offer",
                "pay rise offered",
                "rate",
                Percent,
                &["offered", "offer", "offering", "offers"],
                false,
                false,
                &[],
            )
        },
        // Jobs a company or a government cuts: a decision announced in
        // the future tense.
        Concept {
            decided: true,
            not_with: TEMPORARY_WORDS,
            not_after: &["to", "from"],
            nouns: &[
                "jobs",
                "posts",
                "positions",
                "roles",
                "workers",
                "employees",
                "staff",
                "people",
            ],
            ..c(
                "jobs_cut",
                "jobs cut",
                "count",
                Count,
                CUT_VERBS,
                false,
                false,
                &[],
            )
        },
        // The cut's share of the workforce ("1,500 jobs, about 12% of its
        // workforce").
        Concept {
            decided: true,
            whole: &["workforce", "staff", "employees", "workers", "jobs"],
            ..c(
                "workforce_share",
                "jobs cut",
                "share of the workforce",
                Percent,
                CUT_VERBS,
                false,
                false,
                &[],
            )
        },
        // How many members voted for a bill or a budget ("approved by 98
        // votes to 52").
        Concept {
            nouns: &["votes"],
            ..c(
                "votes_for",
                "votes in favour",
                "count",
                Count,
                &[
                    "passed",
                    "approved",
                    "adopted",
                    "backed",
                    "ratified",
                    "endorsed",
                    "passing",
                    "approving",
                ],
                false,
                false,
                &["by"],
            )
        },
        // Workers on strike: more join as a strike goes on.
        c(
            "strikers",
            "workers on strike",
            "count",
            Count,
            &[
                "strike", "striking", "strikers", "walked", "walkout", "stoppage",
            ],
            true,
            false,
            &[],
        ),
        // The size of a march or rally: police and organisers often give
        // two figures, each a side of the conflict.
        c(
            "crowd",
            "crowd",
            "size",
            Count,
            &[
                "marched",
                "march",
                "marchers",
                "protesters",
                "protestors",
                "demonstrators",
                "protested",
                "crowd",
                "crowds",
                "demonstration",
                "part",
            ],
            false,
            false,
            &[],
        ),
        c(
            "capacity",
            "capacity",
            "count",
            Count,
            &["seat", "capacity", "seater", "hold", "holds"],
            false,
            true,
            &[],
        ),
        // A workforce reduced "by 352" loses 352; it does not count them.
        Concept {
            not_after: &["by"],
            ..c(
                "employees",
                "employees",
                "count",
                Count,
                &["employs", "employ", "employing", "employed", "workforce"],
                false,
                false,
                &[],
            )
        },
        c(
            "delegation",
            "delegation",
            "size",
            Count,
            &["delegation"],
            false,
            false,
            &[],
        ),
        c(
            "rate_change",
            "interest rate",
            "change",
            PointChange,
            &[
                "rate", "rates", "raised", "raise", "rise", "increase", "hike", "cut", "lowered",
                "move", "up", "lifted", "lifts", "raises",
            ],
            false,
            false,
            &[],
        ),
        c(
            "rate_previous",
            "interest rate",
            "previous level",
            Percent,
            &["rate", "rates"],
            false,
            false,
            &["from"],
        ),
        c(
            "rate_level",
            "interest rate",
            "level",
            Percent,
            &["rate", "rates"],
            false,
            false,
            &["to", "at", "of"],
        ),
        c(
            "inflation_target",
            "inflation target",
            "level",
            Percent,
            &["target", "aims", "aim", "targets"],
            false,
            false,
            &[],
        ),
        c(
            "inflation",
            "inflation",
            "rate",
            Percent,
            &["inflation", "prices", "cpi"],
            false,
            false,
            &[],
        ),
        c(
            "unemployment",
            "unemployment",
            "rate",
            Percent,
            &["unemployment", "jobless"],
            false,
            false,
            &[],
        ),
        // "Turnout was 61 percent, up from 54 percent": the earlier
        // vote's.
        c(
            "turnout_previous",
            "turnout",
            "previous level",
            Percent,
            &["turnout"],
            false,
            false,
            &["from"],
        ),
        c(
            "turnout",
            "turnout",
            "rate",
            Percent,
            &["turnout"],
            false,
            false,
            &[],
        ),
        // The share of a referendum's voters who said yes ("approved the
        // constitution with 61.4% in favour", "backed it by 64.1
        // percent", "the amendment won 61 percent of the vote"); before
        // the share of the vote, which it takes in a referendum. Not the
        // share against ("38.6% of ballots were against", see `build`).
        Concept {
            context: &[
                "referendum",
                "referendums",
                "plebiscite",
                "constitution",
                "constitutional",
                "amendment",
            ],
            not_with: &["poll", "polls", "survey", "surveyed"],
            ..c(
                "referendum_yes",
                "yes vote",
                "share",
                Percent,
                &[
                    "favour", "favor", "yes", "backed", "approved", "approve", "won", "vote",
                    "votes", "ballots",
                ],
                false,
                false,
                &[],
            )
        },
        // A candidate's or party's share of the vote, and seats won: each
        // named contestant's own figure.
        c(
            "vote_share",
            "share of the vote",
            "share of the vote",
            Percent,
            &["vote", "votes", "ballots"],
            false,
            true,
            &[],
        ),
        c(
            "seats_won",
            "seats",
            "seats won",
            Count,
            &["seats"],
            false,
            true,
            &[],
        ),
        c(
            "growth",
            "economic growth",
            "rate",
            Percent,
            &["growth", "gdp", "economy", "grew"],
            false,
            false,
            &[],
        ),
        c(
            "magnitude",
            "earthquake",
            "magnitude",
            Count,
            &["magnitude", "richter"],
            false,
            false,
            &[],
        ),
        Concept {
            named_or_whole: true,
            ..c(
                "aid",
                "aid",
                "amount",
                Money,
                &["aid", "relief"],
                false,
                false,
                &[],
            )
        },
        // A company's profit for a period: each company's and each
        // period's apart (see `profit_of`); the old figure ("from 350
        // million") and the change ("by 60 million") are other figures,
        // analysts' forecasts are no report of it, and a profit per share
        // or a results table's line ("Shr profit 31 cts vs 1.12 dlrs")
        // gives two years' figures side by side.
        Concept {
            not_after: &["from", "by"],
            not_with: &[
                "expected",
                "forecast",
                "forecasts",
                "estimate",
                "estimates",
                "analysts",
                "consensus",
                "vs",
                "shr",
                "share",
                "cts",
            ],
            ..c(
                "profit",
                "profit",
                "amount",
                Money,
                &["profit", "profits"],
                false,
                false,
                &[],
            )
        },
        c(
            "fine",
            "fine",
            "amount",
            Money,
            &["fined", "fine", "fines", "penalty"],
            false,
            false,
            &[],
        ),
        // Found by `incident_times`: the clock time of an explosion or a
        // crash, in minutes after midnight.
        c(
            "incident_time",
            "incident",
            "time of day",
            Measure("time of day"),
            &[],
            false,
            false,
            &[],
        ),
        // Found by `ages` and `prison_term_of`, not by trigger words: the
        // subject is the person ("Arvid Kessler, 61,"; "sentenced … to
        // 12 years").
        c("age", "age", "age", Count, &[], false, true, &[]),
        c(
            "prison_term",
            "prison term",
            "length",
            Count,
            &[],
            false,
            true,
            &[],
        ),
        // The price of a takeover, read only in a sentence about one
        // ([`DEAL_WORDS`]), of the company bought ([`deal_target`]). Not
        // monotone: a raised offer is shown with both sides' citations.
        Concept {
            decided: true,
            ..c(
                "deal_value",
                "takeover",
                "price",
                Money,
                &[
                    "buy",
                    "buys",
                    "buying",
                    "bought",
                    "acquire",
                    "acquires",
                    "acquired",
                    "acquiring",
                    "purchase",
                    "takeover",
                    "deal",
                    "acquisition",
                    "bid",
                    "offer",
                    "values",
                    "valued",
                    "worth",
                ],
                false,
                true,
                &[],
            )
        },
        // The price a takeover pays for each share ("31 euros a share").
        Concept {
            decided: true,
            ..c(
                "share_price",
                "takeover",
                "price per share",
                Money,
                &["share"],
                false,
                true,
                &[],
            )
        },
        // The land a fire burned: it only grows.
        c(
            "area_burned",
            "area burned",
            "area",
            Measure("hectare"),
            &[
                "burned",
                "burnt",
                "scorched",
                "charred",
                "blackened",
                "consumed",
                "razed",
                "fire",
                "fires",
                "blaze",
                "wildfire",
                "wildfires",
                "bushfire",
            ],
            true,
            false,
            &[],
        ),
        // A storm's wind: compared only at landfall (see
        // `LANDFALL_WORDS`); elsewhere a storm's winds change by the hour.
        c(
            "wind_speed",
            "wind speed at landfall",
            "speed",
            Measure("km/h"),
            &["winds", "wind", "gusts", "gust", "gusting"],
            false,
            false,
            &[],
        ),
        c(
            "cost",
            "cost",
            "amount",
            Money,
            &["cost", "costs", "costing", "price", "budget", "worth"],
            false,
            true,
            &[],
        ),
        Concept {
            in_steps: true,
            ..c(
                "vote_date",
                "vote",
                "date",
                Date,
                &[
                    "vote",
                    "votes",
                    "ballot",
                    "referendum",
                    "election",
                    "voting",
                ],
                false,
                false,
                &[],
            )
        },
        // When a parliament or a council passed a bill or a budget: the
        // vote's date, written with the verb of its outcome ("approved the
        // budget on Thursday", "the budget that parliament passed on
        // Wednesday"). Read only in a sentence about lawmaking
        // ([`LAWMAKING_WORDS`]): boards approve deals, and time passes.
        Concept {
            context: LAWMAKING_WORDS,
            in_steps: true,
            ..c(
                "passage_date",
                "vote",
                "date",
                Date,
                &["passed", "approved", "adopted", "ratified"],
                false,
                false,
                &[],
            )
        },
        c(
            "signing_date",
            "signing",
            "date",
            Date,
            &["sign", "signed", "signing", "signs"],
            false,
            false,
            &[],
        ),
        // When a plant, a stadium or a company first opened or was
        // founded: a year of the thing's history that reports restate (and
        // misstate), so the subject is the thing itself (see `what_began`).
        // Not when it was built, which may be years before it opened.
        c(
            "origin_date",
            "origin",
            "year",
            Date,
            &["opened", "founded", "established", "inaugurated"],
            false,
            false,
            &[],
        ),
        c(
            "arrival_date",
            "arrival",
            "date",
            Date,
            &["arrived", "arrival", "arrives", "landed", "lands"],
            false,
            false,
            &[],
        ),
        // Found by `crate::meetings`, not by trigger words: the subject
        // names the two countries ("summit of Chile and Norway").
        Concept {
            recurs_yearly: true,
            ..c(
                crate::meetings::CONCEPT,
                "summit",
                "date",
                Date,
                &[],
                false,
                false,
                &[],
            )
        },
        c(
            "landfall_date",
            "landfall",
            "date",
            Date,
            &["landfall", "ashore", "coast", "coastline"],
            false,
            false,
            &[],
        ),
        // When a fire "broke out", in a sentence about one (see
        // `trigger_holds`), or has "raged since" a day. The fire's noun
        // alone dates no start: a fire burns for days ("five died in the
        // fire on Monday").
        c(
            "fire_date",
            "fire",
            "date",
            Date,
            &[
                "broke", "started", "began", "erupted", "ignited", "raged", "raging",
            ],
            false,
            false,
            &[],
        ),
        // How far from a place an event happened ("came down 6 km from the
        // runway", "the epicentre was 70 km south of Lenk"): compared only
        // for one place (see `distance_from`). Not a zone drawn around
        // it ("within 5 km of the plant").
        Concept {
            not_after: &["within", "radius"],
            ..c(
                "site_distance",
                "distance",
                "distance",
                Measure("km"),
                &[
                    "crashed",
                    "crash",
                    "down",
                    "struck",
                    "epicentre",
                    "epicenter",
                    "centred",
                    "centered",
                    "sank",
                    "capsized",
                    "derailed",
                    "exploded",
                ],
                false,
                false,
                &[],
            )
        },
        // When an outbreak's first case was found (see `trigger_holds`).
        c(
            "first_case_date",
            "first case",
            "date",
            Date,
            &["case"],
            false,
            false,
            &[],
        ),
        // The day prisoners (or captives, detainees, hostages) were
        // exchanged: in a report about them, "the exchange" alone is
        // theirs; "exchange" elsewhere is a market's or a currency's.
        Concept {
            context: &[
                "prisoners",
                "prisoner",
                "captives",
                "detainees",
                "hostages",
                "pows",
            ],
            context_reach: Reach::Article,
            ..c(
                "exchange_date",
                "prisoner exchange",
                "date",
                Date,
                &["exchange", "exchanged", "swap", "swapped"],
                false,
                false,
                &[],
            )
        },
        c(
            "incident_date",
            "incident",
            "date",
            Date,
            &[
                "explosion",
                "blast",
                "attack",
                "crash",
                "earthquake",
                "quake",
                "collision",
                "shooting",
                "crashed",
                "exploded",
                "bombing",
                "capsized",
                "capsizing",
                "derailed",
                "derailment",
                "stampede",
                "burst",
                "way",
                "collided",
                "ran",
                "landing",
                "killed",
                "injured",
                "wounded",
            ],
            false,
            false,
            &[],
        ),
    ]
};

/// The concept under which figures of a plain counted noun ("11
/// vehicles"), which no concept's triggers read, are compared by the
/// reconcile stage under rules of its own. Not in [`CONCEPTS`]: no claim
/// carries it.
pub const PLAIN_COUNT: Concept = c(
    "plain_count",
    "",
    "count",
    ConceptKind::Count,
    &[],
    false,
    false,
    &[],
);

/// The concept with this id.
pub fn concept(id: &str) -> Option<&'static Concept> {
    CONCEPTS.iter().find(|c| c.id == id)
}

/// Largest distance, in words, between a figure and its trigger.
const WINDOW: usize = 9;

/// Largest distance between "toll" and its new level ("the toll from …
/// rose to eight").
const TOLL_WINDOW: usize = 15;

/// Words right before a toll's new level: "rose to 57", "reached 48",
/// "past 120".
const TOLL_LEVEL_BEFORE: &[&str] = &[
    "to", "at", "reached", "past", "hit", "topped", "passed", "exceeded",
];

/// Words of polls and races: a change of points near them is a lead or a
/// swing, not an interest rate (unless a rate is named too).
const POLL_WORDS: &[&str] = &[
    "poll",
    "polls",
    "polling",
    "survey",
    "voters",
    "lead",
    "leads",
    "led",
    "trailed",
    "trails",
    "trailing",
    "lagged",
    "behind",
    "ahead",
    "support",
    "approval",
    "race",
    "candidate",
];

/// Words that make a "rate" another rate than a central bank's or a
/// lender's: "the unemployment rate", "the rate of inflation".
const OTHER_RATES: &[&str] = &[
    "growth",
    "unemployment",
    "jobless",
    "inflation",
    "tax",
    "exchange",
    "turnout",
    "birth",
    "death",
    "mortality",
    "literacy",
    "poverty",
    "crime",
    "vacancy",
    "participation",
    "approval",
    "success",
    "survival",
    "occupancy",
    "response",
    "savings",
    "error",
    "infection",
    "homicide",
    "suicide",
    "divorce",
    "expansion",
    "increase",
];

/// Whether the "rate" word at `k` of `words` may be an interest rate: not
/// one named by [`OTHER_RATES`] before it or after "of", and not the pace
/// of a verb of growth ("grew at an annual rate of 2 percent"; "a rise in
/// its rate to 3.25 percent" is the bank's).
fn interest_rate_word(words: &[(usize, &str)], k: usize) -> bool {
    let at = |j: usize| words.get(j).map_or("", |(_, w)| w);
    let before = k.checked_sub(1).map_or("", at);
    let of_what = if at(k + 1) == "of" { at(k + 2) } else { "" };
    let at_a_rate = (1..=3).any(|d| k.checked_sub(d).is_some_and(|j| at(j) == "at"));
    let pace = at_a_rate
        && (2..=5).any(|d| {
            k.checked_sub(d).is_some_and(|j| {
                matches!(
                    at(j),
                    "grow"
                        | "grew"
                        | "grows"
                        | "growing"
                        | "expand"
                        | "expanded"
                        | "expanding"
                        | "rose"
                        | "rise"
                        | "rising"
                        | "fell"
                        | "fall"
                        | "falling"
                        | "shrink"
                        | "shrank"
                        | "contracted"
                )
            })
        });
    !OTHER_RATES.contains(&before) && !OTHER_RATES.contains(&of_what) && !pace
}

/// Nouns before "victims" that name harm other than death.
const NOT_DEATH_VICTIMS: &[&str] = &[
    "kidnap",
    "kidnapping",
    "kidnapped",
    "abduction",
    "hostage",
    "fraud",
    "scam",
    "abuse",
    "trafficking",
    "theft",
    "hacking",
    "assault",
    "rape",
    "crime",
];

/// Concepts that count people (a toll, the injured, arrests): their
/// figure counts people, or nothing written after it.
const PEOPLE_COUNTS: &[&str] = &[
    "aboard",
    "in_hospital",
    "trapped",
    "rescued",
    "survivors",
    "killed",
    "injured",
    "missing",
    "arrested",
    "evacuated",
    "strikers",
    "crowd",
];

/// Words of a takeover: a price is a deal's only in a sentence with one
/// (or with a name bought, [`BUYING_WORDS`]).
const DEAL_WORDS: &[&str] = &[
    "acquire",
    "acquires",
    "acquired",
    "acquiring",
    "acquisition",
    "takeover",
    "merger",
];

/// Verbs of buying or valuing, which make a takeover of what they name
/// ("to buy Istava Dairy", "values Istava at").
const BUYING_WORDS: &[&str] = &[
    "buy",
    "buys",
    "buying",
    "bought",
    "purchase",
    "purchased",
    "purchasing",
    "values",
    "valued",
    "valuing",
];

/// Words that put a takeover itself in doubt: its price is then a
/// possibility, not a term agreed.
const TENTATIVE_DEAL_WORDS: &[&str] = &[
    "could",
    "might",
    "may",
    "talks",
    "considering",
    "weighing",
    "mulling",
    "exploring",
    "possible",
    "potential",
    "reportedly",
    "rumoured",
    "rumored",
    "approach",
    "if",
];

/// Words of paying for shares ("will pay 31 euros a share in cash",
/// "shareholders will receive €13 per share").
const PAYING_WORDS: &[&str] = &[
    "pay", "pays", "paying", "paid", "receive", "receives", "cash", "premium", "offered",
];

/// Words of a company's results: a figure "a share" near them is earnings
/// or a dividend, not a takeover's price.
const RESULTS_WORDS: &[&str] = &[
    "earnings",
    "earned",
    "profit",
    "profits",
    "loss",
    "losses",
    "dividend",
    "dividends",
    "net",
    "income",
    "revenue",
    "revenues",
    "sales",
    "eps",
];

/// Words saying a storm reached land: its wind then is one figure of one
/// moment, which outlets state and contradict.
const LANDFALL_WORDS: &[&str] = &["landfall", "ashore", "coast", "coastline"];

/// Words of drugs: a haul "found" or "worth" a sum is a seizure of drugs
/// only in a sentence with one.
const DRUG_WORDS: &[&str] = &[
    "drugs",
    "drug",
    "cocaine",
    "heroin",
    "cannabis",
    "marijuana",
    "methamphetamine",
    "meth",
    "amphetamines",
    "fentanyl",
    "narcotics",
    "haul",
    "hashish",
    "opium",
    "ecstasy",
];

/// Verbs and nouns of cutting jobs ("cut", "shed", "axed", "layoffs").
const CUT_VERBS: &[&str] = &[
    "cut",
    "cuts",
    "cutting",
    "shed",
    "sheds",
    "shedding",
    "slash",
    "slashes",
    "slashing",
    "slashed",
    "eliminate",
    "eliminates",
    "eliminating",
    "eliminated",
    "axe",
    "axes",
    "axing",
    "axed",
    "layoffs",
    "redundancies",
    "lay",
    "laying",
    "laid",
];

/// Words of a layoff for a while: workers "temporarily laid off" or laid
/// off "for one week" lose no jobs.
const TEMPORARY_WORDS: &[&str] = &[
    "temporary",
    "temporarily",
    "furlough",
    "furloughed",
    "furloughs",
    "week",
    "weeks",
    "idle",
    "idled",
];

/// Words of an outbreak of disease: a count of cases or of the sick is an
/// outbreak's only in a sentence with one.
const OUTBREAK_WORDS: &[&str] = &[
    "outbreak",
    "epidemic",
    "cholera",
    "measles",
    "virus",
    "flu",
    "influenza",
    "disease",
    "infection",
    "infections",
    "poisoning",
    "illness",
    "sickened",
    "ebola",
    "typhoid",
    "dengue",
];

/// The company a figure at token `qs` is of: the last name of an
/// organisation before it in its sentence ("Delvik Holdings posted a
/// profit of …"). Not a place or a person, nor a wire's ticker symbol
/// ("<DLVK.O>", a name run on into a full stop and a letter) or a label
/// ("NOTE:").
fn company_of(toks: &[Token<'_>], qs: usize, mentions: &[Mention]) -> Option<String> {
    let (from, to) = (toks.first()?.start, toks[qs].start);
    let tagged = |m: &Mention| {
        let at = toks.iter().position(|t| t.start == m.span.end);
        at.is_some_and(|k| {
            toks[k].text == ":"
                || (toks[k].text == "."
                    && toks
                        .get(k + 1)
                        .is_some_and(|t| t.start == toks[k].end && t.kind == TokKind::Word))
        })
    };
    mentions
        .iter()
        .rfind(|m| {
            m.span.start >= from
                && m.span.end <= to
                && m.kind == EntityKind::Organization
                && !tagged(m)
        })
        .map(|m| crate::fold::strip_possessive(&m.text).to_string())
}

/// Whether "profit" is written close to the figure: at most four words
/// before it ("net profit rose 18% to 412 million crowns") or one after
/// ("a 64 million crown net profit"). Farther off, the figure is another
/// sum of the sentence ("lost 30 million crowns on sales of 900 million").
/// A profit given as the comparison ("a loss this year after a profit of
/// 2 million", "against a profit of …") is an earlier period's.
fn profit_near(toks: &[Token<'_>], words: &[(usize, &str)], (qs, qe): (usize, usize)) -> bool {
    words.iter().enumerate().any(|(k, (ti, w))| {
        matches!(*w, "profit" | "profits")
            // "last year's first quarter profit of 1.71 billion": an
            // earlier period's.
            && !words[k.saturating_sub(4)..k]
                .iter()
                .any(|(_, b)| matches!(*b, "last" | "previous" | "prior" | "year-ago"))
            // ("after net profit climbed to 412 million" is this period's.)
            && !(words.get(k + 1).is_some_and(|(_, n)| *n == "of")
                && words[k.saturating_sub(3)..k]
                    .iter()
                    .any(|(_, b)| matches!(*b, "after" | "against" | "versus" | "compared" | "from")))
            && if *ti < qs {
                // "Net profit for the year ended June 30 came in at 341
                // million crowns": farther, up to a verb of its level, in
                // one clause.
                let level = qs > 0
                    && !boundary_between(toks, *ti, qs)
                    && matches!(
                        toks[qs - 1].text,
                        "at" | "to" | "was" | "reached" | "totalled" | "totaled"
                    );
                let d = word_distance(toks, *ti + 1, qs);
                d <= 4 || (level && d <= 10)
            } else {
                *ti >= qe && word_distance(toks, qe, *ti) <= 1
            }
    })
}

/// Whose profit for which period a figure is: its company (see
/// [`company_of`]), and the quarter or half year when the sentence names one
/// ("Delvik Holdings quarterly profit"), so that a quarter's profit is not
/// compared with a year's, nor one company's with another's.
fn profit_of(company: &str, words: &[(usize, &str)]) -> String {
    let has = |list: &[&str]| words.iter().any(|(_, w)| list.contains(w));
    let period = if has(&[
        "quarter",
        "quarterly",
        "first-quarter",
        "second-quarter",
        "third-quarter",
        "fourth-quarter",
    ]) {
        "quarterly "
    } else if has(&["half", "half-year", "half-yearly", "semester"]) {
        "half-year "
    } else {
        ""
    };
    format!("{company} {period}profit")
}

/// Which public spending a figure at token `qs` is ("defence spending",
/// "health spending"): the field named right before the nearest "spending"
/// before the figure. A company's capital spending, spending on a named
/// thing ("spending on home construction") and spending of no named field
/// are left out: one story often gives several of those, of several
/// companies or series, and they are seldom one figure misstated.
/// Hand-written: which fields a government budget spends on is news
/// usage.
fn spending_of(words: &[(usize, &str)], qs: usize) -> Option<String> {
    const FIELDS: &[&str] = &[
        "defence",
        "defense",
        "military",
        "health",
        "education",
        "welfare",
        "social",
        "pension",
        "pensions",
        "police",
        "transport",
        "housing",
    ];
    let at = words
        .iter()
        .rposition(|(ti, w)| *ti < qs && *w == "spending")?;
    if words
        .get(at + 1)
        .is_some_and(|(_, w)| matches!(*w, "on" | "for"))
    {
        return None;
    }
    let (_, field) = words[at.checked_sub(1)?];
    FIELDS.contains(&field).then(|| format!("{field} spending"))
}

/// One name for each group of strikers however a report writes it: a
/// trade's workers are "workers" as "dock workers" are (whose counted noun
/// is "workers"), so "3,500 dock workers" and "5,300 dockers" are one
/// group's figures. Hand-written: which words name one trade's workers is
/// news usage, not spelling.
fn strike_group(noun: &str) -> &str {
    match noun {
        // A union's members, a carrier's crew: its workers.
        "dockers" | "dockworkers" | "longshoremen" | "stevedores" | "employees" | "staff"
        | "members" | "crew" => "workers",
        "seafarers" | "sailors" => "seamen",
        n if n.ends_with("workers") => "workers",
        n => n,
    }
}

/// Words of lawmaking: a date of something "passed" or "approved" is a
/// vote's only in a sentence with one.
const LAWMAKING_WORDS: &[&str] = &[
    "parliament",
    "parliamentary",
    "lawmakers",
    "legislators",
    "legislature",
    "senate",
    "congress",
    "assembly",
    "deputies",
    "mps",
    "councillors",
    "budget",
    "bill",
    "legislation",
    "motion",
    "amendment",
];

/// Words of vehicles: a speed is one's only in a sentence with one.
const VEHICLE_WORDS: &[&str] = &[
    "train",
    "trains",
    "bus",
    "coach",
    "car",
    "lorry",
    "truck",
    "tram",
    "plane",
    "aircraft",
    "jet",
    "ferry",
    "ship",
    "vessel",
    "boat",
    "locomotive",
    "driver",
    "vehicle",
    "motorcycle",
];

/// Words of a fire, for "broke out" to date one.
const FIRE_WORDS: &[&str] = &[
    "fire",
    "fires",
    "blaze",
    "wildfire",
    "wildfires",
    "bushfire",
    "flames",
];

/// Counted nouns that are never people: a figure counting them is no count
/// of the dead, injured or arrested however near such a word stands ("the
/// injured came from 12 countries", "arrested in raids in three towns",
/// "the flood killed 9 in two hours").
const NOT_PEOPLE: &[&str] = &[
    "nationalities",
    "nationality",
    "countries",
    "country",
    "nations",
    "cities",
    "city",
    "towns",
    "villages",
    "provinces",
    "province",
    "states",
    "districts",
    "regions",
    "neighbourhoods",
    "neighborhoods",
    "streets",
    "buildings",
    "houses",
    "homes",
    "floors",
    "rooms",
    "vehicles",
    "cars",
    "trucks",
    "buses",
    "planes",
    "aircraft",
    "ships",
    "boats",
    "trains",
    "bombs",
    "blasts",
    "explosions",
    "attacks",
    "raids",
    "incidents",
    "times",
    "hours",
    "days",
    "weeks",
    "months",
    "years",
    "decades",
    "minutes",
    "miles",
    "kilometres",
    "kilometers",
    "languages",
    "sites",
    "places",
    "locations",
    "cases",
    "graves",
    "flights",
    "routes",
    "schools",
    "stores",
    "shops",
    "branches",
    "factories",
    "offices",
    "containers",
    "paintings",
    // "9,000 head of sheep".
    "head",
    "livestock",
    "cattle",
    "animals",
    // The wire's abbreviations after a figure it does not read as a sum:
    // "10 mln dlrs", "12 pct".
    "mln",
    "bln",
    "dlrs",
    "pct",
];

/// Word tokens as (token index, lower-case text without a possessive).
fn word_positions<'a>(toks: &[Token<'_>], low: &Lower<'a>) -> Vec<(usize, &'a str)> {
    toks.iter()
        .enumerate()
        .filter(|(_, t)| t.kind == TokKind::Word)
        .map(|(i, _)| (i, low.bare[i]))
        .collect()
}

/// A set of concepts, one bit for each index in [`CONCEPTS`].
type ConceptSet = u128;

/// The concepts whose [`Concept::triggers`] hold `word`, as bits of their
/// index in [`CONCEPTS`] (a hashed table: the claims of a sentence ask
/// this of each of its words for each figure and concept).
fn concepts_triggered(word: &str) -> ConceptSet {
    const _: () = assert!(
        CONCEPTS.len() <= ConceptSet::BITS as usize,
        "one bit per concept"
    );
    type Table = HashMap<&'static str, ConceptSet, BuildHasherDefault<PreHashed>>;
    static TABLE: OnceLock<Table> = OnceLock::new();
    let table = TABLE.get_or_init(|| {
        let mut m = Table::default();
        for (ci, c) in CONCEPTS.iter().enumerate() {
            for &t in c.triggers {
                *m.entry(t).or_insert(0) |= 1 << ci;
            }
        }
        m
    });
    table.get(word).copied().unwrap_or(0)
}

/// Token index range of a span.
fn tok_range(toks: &[Token<'_>], span: Span) -> (usize, usize) {
    let s = toks.iter().position(|t| t.start >= span.start).unwrap_or(0);
    let e = toks
        .iter()
        .rposition(|t| t.end <= span.end)
        .map_or(s + 1, |e| e + 1);
    (s, e.max(s + 1))
}

/// Words between token indices `a..b` (exclusive), counting only words.
fn word_distance(toks: &[Token<'_>], a: usize, b: usize) -> usize {
    let (a, b) = if a <= b { (a, b) } else { (b, a) };
    toks[a..b]
        .iter()
        .filter(|t| t.kind != TokKind::Punct)
        .count()
}

/// Whether a clause boundary lies between token indices (a comma, semicolon,
/// colon, dash or parenthesis).
fn boundary_between(toks: &[Token<'_>], a: usize, b: usize) -> bool {
    let (a, b) = if a <= b { (a, b) } else { (b, a) };
    toks[a..b].iter().any(|t| {
        t.kind == TokKind::Punct && matches!(t.text, "," | ";" | ":" | "—" | "–" | "(" | ")")
    })
}

/// Whether "and" starts a second predicate between tokens `a` and `b`
/// ("arrived in Varn and will visit Tarvik on Wednesday": Wednesday is
/// the visit's, not the arrival's). A verb after "and" is an auxiliary or
/// modal, "then"/"later", or a past form in "-ed"; "arrived in Varn and
/// Tarvik on Monday" joins two places of one arrival.
fn second_predicate_between(toks: &[Token<'_>], a: usize, b: usize) -> bool {
    const PREDICATE_STARTS: &[&str] = &[
        "will", "would", "is", "was", "are", "were", "has", "had", "have", "plans", "planned",
        "then", "later", "could", "may", "might", "should", "can", "expects", "intends",
    ];
    (a + 1..b.saturating_sub(1)).any(|k| {
        toks[k].text.eq_ignore_ascii_case("and")
            && toks.get(k + 1).is_some_and(|t| {
                t.kind == TokKind::Word
                    && !t.is_capitalised()
                    && (PREDICATE_STARTS
                        .iter()
                        .any(|w| t.text.eq_ignore_ascii_case(w))
                        || t.text.ends_with("ed"))
                    // "killed two and injured 23": one event's doing.
                    && !HARM_PREDICATES.contains(&t.text)
            })
    })
}

/// A capitalised word naming who gives, in the clause before token `qs`
/// when no name does ("The Ostrian government pledged 5 million crowns"):
/// not the sentence's first word, nor a title, nor a person's name (a
/// leader pledges for the story's own government).
fn giver_adjective(toks: &[Token<'_>], qs: usize, mentions: &[Mention]) -> Option<String> {
    // A person's name or the title before it ("Prime Minister Halvard
    // Strøm").
    let in_person = |t: &Token<'_>| {
        mentions.iter().any(|m| {
            let title = m.title.as_ref().map_or(0, |t| t.len() + 1);
            m.kind == EntityKind::Person
                && m.span.start.saturating_sub(title) <= t.start
                && t.end <= m.span.end
        })
    };
    let clause = toks[..qs]
        .iter()
        .rposition(|t| t.kind == TokKind::Punct && matches!(t.text, "," | ";" | ":" | "—"))
        .map_or(0, |p| p + 1);
    (clause.max(1)..qs)
        .rev()
        .find(|&k| {
            toks[k].kind == TokKind::Word
                && toks[k].is_capitalised()
                && !crate::lexicon::TITLES.contains(&toks[k].text.to_lowercase().as_str())
                && !in_person(&toks[k])
        })
        .map(|k| toks[k].text.to_string())
}

/// Words that put a term of years in prison.
const PRISON_WORDS: &[&str] = &[
    "sentenced",
    "jailed",
    "jail",
    "prison",
    "imprisonment",
    "imprisoned",
    // "nine years behind bars"
    "bars",
];

/// The person a term of years or months in prison is given to, if the
/// figure is one: a prison word within [`WINDOW`] words of it in the same
/// clause, and the last person named before it in the sentence ("A court
/// sentenced Arvid Kessler, 61, … to 12 years in prison"; "Arvid Kessler
/// … was jailed for 12 years"). Without a person named ("Prosecutors had
/// sought 15 years") there is no one to compare it for.
fn prison_term_of(
    toks: &[Token<'_>],
    words: &[(usize, &str)],
    q: &Quantity,
    (qs, qe): (usize, usize),
    mentions: &[Mention],
) -> Option<String> {
    if !matches!(&q.unit, Unit::Measure(u) if u == "year" || u == "month") {
        return None;
    }
    let near = words.iter().any(|(ti, w)| {
        PRISON_WORDS.contains(w)
            && if *ti >= qe {
                word_distance(toks, qe, *ti) <= WINDOW && !boundary_between(toks, qe, *ti)
            } else {
                word_distance(toks, *ti + 1, qs) <= WINDOW
            }
    });
    // Time served ("had spent two years in prison") or a term the law
    // allows ("faces a maximum of 20 years") is no term given.
    let not_given = words.iter().any(|(ti, w)| {
        *ti < qs
            && word_distance(toks, *ti + 1, qs) <= WINDOW
            && matches!(
                *w,
                "spent" | "served" | "serving" | "faces" | "face" | "facing" | "maximum" | "up"
            )
    });
    if !near || not_given {
        return None;
    }
    let at = toks[qs].start;
    let people: Vec<&Mention> = mentions
        .iter()
        .filter(|m| m.kind == EntityKind::Person && m.span.end <= at)
        .collect();
    let (last, before) = people.split_last()?;
    // Several people named together ("Senna Voss, Arlo Prentiss and Mira
    // Holm were sentenced to between five and seven years") share the
    // figure: no one term is theirs.
    let joined = before.last().is_some_and(|p| {
        toks.iter()
            .filter(|t| t.start >= p.span.end && t.end <= last.span.start)
            .all(|t| t.is_punct(',') || t.text == "and")
    });
    (!joined).then(|| crate::fold::strip_possessive(&last.text).to_string())
}

/// The claims about a person (ages, prison terms) under the person's
/// full name as the article writes it: "Kessler, 61," after "Arvid
/// Kessler" is Arvid Kessler's age, so that outlets that write the name
/// differently compare the same person's.
pub(crate) fn full_names_of_people(claims: &mut [ArticleClaim], mentions: &[Mention]) {
    for c in claims
        .iter_mut()
        .filter(|c| matches!(c.concept, Some("age" | "prison_term")))
    {
        let Some(short) = c.subject.as_deref().filter(|s| !s.contains(' ')) else {
            continue;
        };
        let full = mentions.iter().find(|m| {
            m.kind == EntityKind::Person
                && m.text.contains(' ')
                && crate::fold::strip_possessive(&m.text)
                    .rsplit(' ')
                    .next()
                    .is_some_and(|last| last == short)
        });
        if let Some(m) = full {
            c.subject = Some(crate::fold::strip_possessive(&m.text).to_string());
        }
    }
}

/// Ages given beside a person's name: "Arvid Kessler, 61, the former head
/// …", "Kessler, 61, denied …" (a number of one to three digits between
/// commas, or before a full stop or bracket, right after the name),
/// "Kessler, the 61-year-old former head, …" (an "N-year-old" opening an
/// apposition) and "61-year-old Arvid Kessler" (right before the name): a
/// claim of the person's age each, up to 120.
fn ages(
    text: &str,
    sentence_span: Span,
    toks: &[Token<'_>],
    mentions: &[Mention],
    speaker_for: &dyn Fn(Span) -> Option<String>,
    out: &mut Vec<ArticleClaim>,
) {
    // The age an "N-year-old" token gives, and the span of its digits.
    let year_old = |t: &Token<'_>| -> Option<(u32, Span)> {
        let digits = t.text.strip_suffix("-year-old")?;
        let ok = t.kind == TokKind::Number
            && digits.len() <= 3
            && digits.bytes().all(|b| b.is_ascii_digit());
        let age = digits.parse().ok().filter(|_| ok)?;
        Some((age, Span::new(t.start, t.start + digits.len())))
    };
    for m in mentions.iter().filter(|m| m.kind == EntityKind::Person) {
        let Some(k) = toks.iter().position(|t| t.start >= m.span.end) else {
            continue;
        };
        let before = toks[..k]
            .iter()
            .rposition(|t| t.end <= m.span.start)
            .map(|b| &toks[b])
            .filter(|t| t.end + 1 == m.span.start || t.end == m.span.start);
        let after = |i: usize| toks.get(k + i);
        let age = if let Some(found) = before.and_then(year_old) {
            found
        } else {
            // The name may end in a possessive the mention leaves out.
            if toks[k].start != m.span.end || !toks[k].is_punct(',') {
                continue;
            }
            let Some(n) = after(1) else { continue };
            let article = matches!(n.text, "the" | "a" | "an");
            let closes =
                after(2).is_some_and(|t| t.is_punct(',') || t.is_punct('.') || t.is_punct(')'));
            if let Some(found) = after(if article { 2 } else { 1 }).and_then(year_old) {
                found
            } else if n.kind == TokKind::Number
                && n.text.len() <= 3
                && n.text.bytes().all(|b| b.is_ascii_digit())
                && closes
            {
                let Ok(age) = n.text.parse::<u32>() else {
                    continue;
                };
                (age, Span::new(n.start, n.end))
            } else {
                continue;
            }
        };
        let (age, value_span) = age;
        if !(1..=120).contains(&age) {
            continue;
        }
        out.push(ArticleClaim {
            sentence: m.sentence,
            span: sentence_span,
            value_span,
            subject: Some(crate::fold::strip_possessive(&m.text).to_string()),
            attribute: "age".to_string(),
            concept: Some("age"),
            value: ClaimValue::Number {
                value: f64::from(age),
                precision: 0.0,
                approx: crate::Approx::Exact,
                unit: Unit::Count,
            },
            value_text: value_span.slice(text).to_string(),
            speaker: speaker_for(value_span),
            hedged: false,
            text: crosscheck_text::fold_whitespace(&text[sentence_span.start..sentence_span.end]),
        });
    }
}

/// The clock times of an incident ("An explosion … at 6:40 a.m.", "the
/// blast at about 9:15 a.m."): in a sentence naming an explosion, crash,
/// attack or the like (the incident date's words), each time written with
/// "a.m." or "p.m." is a claim of the time of day, in minutes after
/// midnight. An exact time allows 5 minutes either way (reports round),
/// one after "about" or "around" a quarter of an hour. Times written in
/// GMT or another zone are not read: they would meet local ones.
fn incident_times(
    text: &str,
    (sentence, sentence_span): (usize, Span),
    toks: &[Token<'_>],
    low: &Lower<'_>,
    speaker_for: &dyn Fn(Span) -> Option<String>,
    out: &mut Vec<ArticleClaim>,
) {
    let at = |k: usize| low.words.get(k).copied().unwrap_or("");
    // Most sentences tell no time: a cheap look for "a.m."/"pm" after a
    // number before the incident words are looked up.
    if !(0..toks.len()).any(|i| crate::when::meridiem(toks, &low.words, i).is_some()) {
        return;
    }
    let Some(incident) = concept("incident_date") else {
        return;
    };
    if !low.words.iter().any(|w| incident.triggers.contains(w)) {
        return;
    }
    for (i, t) in toks.iter().enumerate() {
        let Some((pm, end)) = crate::when::meridiem(toks, &low.words, i) else {
            continue;
        };
        let clock = t
            .text
            .strip_suffix("am")
            .or_else(|| t.text.strip_suffix("pm"))
            .unwrap_or(t.text);
        if matches!(
            at(end),
            "gmt" | "utc" | "est" | "edt" | "pst" | "pdt" | "cet" | "bst"
        ) {
            continue;
        }
        let (h, m) = clock.split_once(':').unwrap_or((clock, "0"));
        let (Ok(h), Ok(m)) = (h.parse::<u32>(), m.parse::<u32>()) else {
            continue;
        };
        if !(1..=12).contains(&h) || m > 59 {
            continue;
        }
        let minutes = (h % 12 + if pm { 12 } else { 0 }) * 60 + m;
        let about = i > 0 && matches!(at(i - 1), "about" | "around" | "approximately" | "roughly");
        let value_span = Span::new(t.start, toks[(end - 1).min(toks.len() - 1)].end);
        out.push(ArticleClaim {
            sentence,
            span: sentence_span,
            value_span,
            subject: Some(incident.subject.to_string()),
            attribute: "time of day".to_string(),
            concept: Some("incident_time"),
            value: ClaimValue::Number {
                value: f64::from(minutes),
                precision: if about { 15.0 } else { 5.0 },
                approx: crate::Approx::Exact,
                unit: Unit::Measure("time of day".to_string()),
            },
            value_text: value_span.slice(text).to_string(),
            speaker: speaker_for(value_span),
            hedged: false,
            text: crosscheck_text::fold_whitespace(&text[sentence_span.start..sentence_span.end]),
        });
    }
}

/// Verbs that date an act on an event rather than the event: an
/// election "called in July" is held later.
const ACTS_ON_EVENTS: &[&str] = &[
    "called",
    "calls",
    "call",
    "announced",
    "announces",
    "ordered",
    "orders",
];

/// Whether the event word `words[at]` is the object of an act on it
/// ("called the election in July", "called a snap election in July"):
/// the date after it is the act's.
fn acted_on(words: &[(usize, &str)], at: usize) -> bool {
    words[at.saturating_sub(3)..at]
        .iter()
        .any(|(_, w)| ACTS_ON_EVENTS.contains(w))
}

/// A measure's text as written, with its value in the unit it is
/// compared in when it was written in another ("about 30,000 acres (about
/// 12,100 hectares)"), so that a reader sees why two figures agree or not.
fn with_converted_value(q: &Quantity) -> String {
    let Unit::Measure(base) = &q.unit else {
        return q.text.clone();
    };
    let written = q.text.to_lowercase();
    let converted = ["mile", "acre", "mph", "square", "sq "]
        .iter()
        .any(|u| written.contains(u));
    if !converted || !matches!(base.as_str(), "km" | "km/h" | "hectare") {
        return q.text.clone();
    }
    // Two significant digits: the figure was rounded in its own unit.
    let v = q.value.abs();
    let step = 10f64.powi((v.max(1.0).log10().floor() as i32 - 1).max(0));
    let rounded = ((q.value / step).round() * step) as i64;
    let unit = match base.as_str() {
        "hectare" if rounded != 1 => "hectares",
        u => u,
    };
    format!("{} (about {} {unit})", q.text, group_thousands(rounded))
}

/// 12100 → "12,100".
fn group_thousands(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::from(if n < 0 { "-" } else { "" });
    for (k, c) in digits.chars().enumerate() {
        if k > 0 && (digits.len() - k) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// What an event does to people and buildings, as its own predicate ("an
/// explosion tore through the plant", "killed two and injured 23"): a date
/// after them is the event's.
const HARM_PREDICATES: &[&str] = &[
    "killed",
    "killing",
    "injured",
    "injuring",
    "wounded",
    "wounding",
    "destroyed",
    "damaged",
    "gutted",
    "tore",
    "ripped",
    "rocked",
];

/// Verbs of change and motion without an "-ed" past, which put a date
/// after them with themselves rather than with an event noun before ("the
/// death toll from the wildfire rose to five on Tuesday"). Verbs of
/// beginning are left out: "the strike that began on Tuesday" dates the
/// strike.
const IRREGULAR_VERBS: &[&str] = &[
    "rose", "rises", "fell", "falls", "grew", "grows", "spread", "spreads", "swept", "sweeps",
    "struck", "strikes", "took", "takes", "came", "comes", "went", "goes", "left", "leaves",
    "drew", "draws", "shook", "shakes", "sank", "sinks", "stood", "stands",
];

/// Event words that are verbs themselves ("exploded", "signs"): the date
/// goes with them.
fn verb_trigger(trigger: &str) -> bool {
    trigger.ends_with("ed") || matches!(trigger, "sign" | "signs" | "lands")
}

/// Whether a verb of its own stands between the event word `words[at]`
/// and a date at token `ds`, so that the date is that verb's:
/// - a reporting word not in the passive ("the capsizing of the ferry, a
///   deckhand's mother said Tuesday"; but "the first case was reported on
///   August 21" dates the case);
/// - after an event noun, a past form following a noun ("relatives of
///   those killed in the capsizing of the ferry collected their
///   compensation on Wednesday").
///
/// A past form after an article, a preposition or an adverb describes what
/// follows ("the blast in the crowded market on Friday"); one right after
/// the noun describes the noun ("the vote scheduled for Sunday"); one after
/// an auxiliary is the event's own verb ("once the ballot is counted on
/// Sunday").
fn verb_between(words: &[(usize, &str)], at: usize, ds: usize) -> bool {
    const NOT_BEFORE_A_VERB: &[&str] = &[
        "the", "a", "an", "its", "their", "his", "her", "of", "in", "on", "at", "for", "with",
        "by", "is", "was", "are", "were", "be", "been", "being", "has", "had", "have",
    ];
    let noun = !verb_trigger(words[at].1);
    // `words[at + 1 + n]` is the n-th word between, `words[at + n]` the
    // one before it.
    words[at + 1..]
        .iter()
        .take_while(|(k, _)| *k < ds)
        .enumerate()
        .any(|(n, &(_, w))| {
            let before = words[at + n].1;
            // "the first case was reported on August 21": a passive is
            // the event's own verb, even a reporting one.
            let passive = matches!(before, "was" | "were" | "is" | "are" | "been");
            // "The exchange took place on Friday", "the blast happened
            // on Tuesday": the event's own predicate.
            // So is what the event did: "An explosion … killed two
            // people … on Monday".
            let happened = matches!(w, "happened" | "occurred")
                || (w == "took" && words.get(at + 2 + n).is_some_and(|(_, x)| *x == "place"))
                || (noun && HARM_PREDICATES.contains(&w));
            if happened {
                return false;
            }
            (crate::is_reporting_word(w) && !passive)
                || ACTS_ON_EVENTS.contains(&w)
                || (noun && n > 0 && IRREGULAR_VERBS.contains(&w))
                || (noun
                    && n > 0
                    && w.len() > 4
                    && w.ends_with("ed")
                    && w != "started"
                    && !NOT_BEFORE_A_VERB.contains(&before)
                    && !before.ends_with("ly"))
        })
}

/// The company a takeover sentence buys: the name right after a verb of
/// buying ("to buy Istava Dairy", "values Istava at") or after "of",
/// "for" or "with" following a takeover word ("the takeover of Istava",
/// "a bid for Istava", "a merger with Istava").
fn deal_target(
    toks: &[Token<'_>],
    words: &[(usize, &str)],
    mentions: &[Mention],
) -> Option<String> {
    let name_at = |ti: usize| {
        mentions
            .iter()
            .find(|m| m.span.start == toks[ti].start)
            .map(|m| crate::fold::strip_possessive(&m.text).to_string())
    };
    for (k, &(_, w)) in words.iter().enumerate() {
        let next = words.get(k + 1);
        if BUYING_WORDS.contains(&w)
            || matches!(w, "acquire" | "acquires" | "acquired" | "acquiring")
        {
            if let Some(name) = bought_name(toks, words, k).and_then(name_at) {
                return Some(name);
            }
        }
        let linked = matches!(
            w,
            "takeover" | "acquisition" | "merger" | "bid" | "offer" | "purchase"
        ) && next.is_some_and(|(_, p)| matches!(*p, "of" | "for" | "with"));
        if linked {
            if let Some(name) = words.get(k + 2).and_then(|&(ti, _)| name_at(ti)) {
                return Some(name);
            }
        }
    }
    None
}

/// The token of the capitalised word that names what the verb of buying
/// `words[k]` buys: right after it ("to buy Istava Dairy"), or past a
/// short description in lower case ("to buy its smaller rival Lenk
/// Logistics").
fn bought_name(toks: &[Token<'_>], words: &[(usize, &str)], k: usize) -> Option<usize> {
    let &(next, det) = words.get(k + 1)?;
    if toks[next].is_capitalised() {
        return Some(next);
    }
    if !matches!(det, "its" | "their" | "the") {
        return None;
    }
    words[k + 2..]
        .iter()
        .take(4)
        .map(|&(ti, _)| ti)
        .find(|&ti| toks[ti].is_capitalised())
}

/// Profits of an article whose sentence names no company but "the group"
/// or "the company" (their subject opens with a space, see `build`) are
/// the profit of the first organisation the article's lead names, not the
/// outlet of its dateline nor a ticker ("<KEST.ST>"); with none, they are
/// dropped (a profit of no company is compared with nothing).
pub(crate) fn profits_of_article(claims: &mut Vec<ArticleClaim>, text: &str, mentions: &[Mention]) {
    let unnamed = |c: &ArticleClaim| {
        c.concept == Some("profit") && c.subject.as_deref().is_some_and(|s| s.starts_with(' '))
    };
    if !claims.iter().any(unnamed) {
        return;
    }
    let lead = mentions
        .iter()
        .find(|m| {
            let before = &text[..m.span.start];
            let in_ticker = before
                .rfind('<')
                .is_some_and(|i| !before[i..].contains('>'));
            m.sentence == 0
                && m.kind == EntityKind::Organization
                && !before.trim_end().ends_with('(')
                && !in_ticker
        })
        .map(|m| crate::fold::strip_possessive(&m.text).to_string());
    match lead {
        Some(company) => {
            for c in claims.iter_mut().filter(|c| unnamed(c)) {
                c.subject = c.subject.take().map(|s| format!("{company}{s}"));
            }
        }
        None => claims.retain(|c| !unnamed(c)),
    }
}

/// Takeover prices of an article that name no company are the price of
/// the one company its other takeover figures name ("Brennholm will pay
/// 31 euros a share" after "… agreed to buy Istava Dairy …"); a short
/// form ("Istava") is that company too.
pub(crate) fn deal_targets_of_article(claims: &mut [ArticleClaim]) {
    let is_deal = |c: &ArticleClaim| matches!(c.concept, Some("deal_value" | "share_price"));
    let unnamed = |c: &ArticleClaim| c.subject.as_deref() == Some("takeover");
    let mut names: Vec<String> = Vec::new();
    for c in claims.iter().filter(|c| is_deal(c) && !unnamed(c)) {
        if let Some(n) = &c.subject {
            if !names.contains(n) {
                names.push(n.clone());
            }
        }
    }
    // A name that opens a longer one is its short form.
    let full = |n: &str| -> String {
        names
            .iter()
            .find(|m| m.len() > n.len() && m.starts_with(n) && m[n.len()..].starts_with(' '))
            .cloned()
            .unwrap_or_else(|| n.to_string())
    };
    let mut distinct: Vec<String> = names.iter().map(|n| full(n)).collect();
    distinct.sort();
    distinct.dedup();
    for c in claims.iter_mut().filter(|c| is_deal(c)) {
        if unnamed(c) {
            if let [only] = distinct.as_slice() {
                c.subject = Some(only.clone());
            }
        } else if let Some(n) = &c.subject {
            c.subject = Some(full(n));
        }
    }
}

/// Whether the figure ending before token `qe` opens a range of ages
/// ("13 to 18 year olds", "between 20 and 30 years old").
fn age_range(low: &Lower<'_>, qe: usize) -> bool {
    let at = |k: usize| low.words.get(k).copied().unwrap_or("");
    matches!(at(qe), "to" | "and" | "-")
        && at(qe + 1).starts_with(|c: char| c.is_ascii_digit())
        && (at(qe + 1).ends_with("-year-old")
            || matches!(at(qe + 2), "year" | "years" | "year-olds"))
}

/// Whether the trigger word `k` of `words` means the event its concepts
/// are about where it stands: the month "March" is no march, "broke"
/// dates a fire only as "broke out" in a sentence about one, "walked" is
/// a strike's only as "walked off" or "walked out", and an air or missile
/// strike is no strike of workers.
fn trigger_holds(toks: &[Token<'_>], words: &[(usize, &str)], k: usize) -> bool {
    let (ti, w) = words[k];
    let before = k.checked_sub(1).map_or("", |j| words[j].1);
    let after = words.get(k + 1).map_or("", |(_, w)| w);
    match w {
        "march" => !toks[ti].is_capitalised(),
        "broke" => after == "out" && words.iter().any(|(_, w)| FIRE_WORDS.contains(w)),
        // "the fire, which started on Friday": a start in a sentence about
        // a fire, the fire's.
        // ("has raged since Tuesday": see the dates' loop in `build`.)
        "started" | "began" | "erupted" | "ignited" | "raged" | "raging" => {
            words.iter().any(|(_, w)| FIRE_WORDS.contains(w))
        }
        // "the first case was reported on August 21": an outbreak's start.
        "case" => before == "first",
        // "fallen ill", "fell ill"; not "Ill." (Illinois), nor "critically
        // ill" (some of those who fell ill).
        "ill" => {
            !toks[ti].is_capitalised()
                && matches!(
                    before,
                    "fallen" | "fell" | "falling" | "became" | "become" | "taken"
                )
        }
        // Still in hospital: "are in hospital", "remain hospitalised"; not
        // "released from hospital", nor all who "were hospitalised".
        "hospital" => before == "in",
        "hospitalised" | "hospitalized" => {
            matches!(
                before,
                "remain" | "remained" | "remains" | "still" | "are" | "is"
            )
        }
        "walked" => matches!(after, "off" | "out"),
        // A ship that "ran aground" or "ran into the breakwater".
        "ran" => matches!(after, "aground" | "into"),
        // A plane's "emergency landing" (not a landing as planned).
        "landing" => matches!(before, "emergency" | "crash" | "forced"),
        // Vehicles "called back to dealers": recalled.
        "called" => after == "back",
        // Houses "reduced to ashes" or "to rubble": destroyed.
        "reduced" => {
            after == "to"
                && words
                    .get(k + 2)
                    .is_some_and(|(_, w)| matches!(*w, "ashes" | "rubble"))
        }
        // "at a depth of about 400 metres" in a sentence about a mine or
        // a tunnel (not a well's or the sea's).
        "depth" => words.iter().any(|(_, w)| {
            matches!(
                *w,
                "mine" | "miners" | "mining" | "tunnel" | "shaft" | "collapse" | "collapsed"
            )
        }),
        // A dam or a bridge "gave way"; a dam, a levee or a main "burst"
        // (not a bubble of frustration).
        "way" => matches!(before, "gave" | "give" | "gives" | "giving"),
        "burst" => words[k.saturating_sub(7)..k].iter().any(|(_, w)| {
            matches!(
                *w,
                "dam"
                    | "dyke"
                    | "dike"
                    | "levee"
                    | "embankment"
                    | "pipe"
                    | "pipeline"
                    | "main"
                    | "reservoir"
                    | "tank"
            )
        }),
        // An aircraft "came down"; not a plant "shut down".
        "down" => matches!(
            before,
            "came" | "come" | "comes" | "coming" | "went" | "gone" | "brought" | "shot"
        ),
        // Driven from home: "forced 12,000 people from their homes",
        // "fled their homes"; not "forced to resign", nor who "fled the
        // scene".
        "forced" | "forcing" | "fled" => {
            let reach = if w == "fled" { 3 } else { 7 };
            let ahead = |x: &str| words[k + 1..].iter().take(reach).any(|(_, w)| *w == x);
            ahead("homes") && (w == "fled" || ahead("from"))
        }
        // "left the track", "jumped the rails", "came off the tracks".
        "left" | "jumped" | "came" => {
            let next = |n: usize| words.get(k + n).map_or("", |(_, w)| *w);
            let at = if w == "came" && after == "off" { 2 } else { 1 };
            next(at) == "the" && matches!(next(at + 1), "track" | "tracks" | "rails" | "line")
        }
        // "on board", not "the board approved".
        "board" => before == "on",
        // "took part"; not "part of", nor who may "take part".
        "part" => matches!(before, "took" | "taking"),
        // "without power", "lost electricity"; not "lost 3,000 customers".
        "without" | "lost" | "lose" | "losing" => matches!(after, "power" | "electricity"),
        // "laid off 300 workers".
        "lay" | "laying" | "laid" => after == "off",
        // "600 metres below the surface", "below ground"; not "below
        // the record".
        "below" | "beneath" => match after {
            "ground" | "surface" | "sea" => true,
            "the" => words
                .get(k + 2)
                .is_some_and(|(_, w)| matches!(*w, "surface" | "ground" | "seabed")),
            _ => false,
        },
        // A storm that "hit the coast" or "struck the coastline" reached
        // land there.
        "coast" | "coastline" => {
            before == "the"
                && k >= 2
                && matches!(
                    words[k - 2].1,
                    "hit"
                        | "hits"
                        | "struck"
                        | "strikes"
                        | "reached"
                        | "battered"
                        | "lashed"
                        | "pounded"
                        | "slammed"
                )
        }
        // (A word of war in a name is none: "Kestrel Air".)
        "strike" | "strikes" | "striking" | "strikers" | "stoppage" | "walkout" => !words
            .iter()
            .any(|&(tj, w)| MILITARY_WORDS.contains(&w) && (tj == 0 || !toks[tj].is_capitalised())),
        _ => true,
    }
}

/// Words of war and weather: a "strike" near them is an attack or a
/// lightning bolt, not workers stopping work.
const MILITARY_WORDS: &[&str] = &[
    "air",
    "airstrike",
    "airstrikes",
    "missile",
    "missiles",
    "drone",
    "drones",
    "bomb",
    "bombs",
    "rocket",
    "rockets",
    "artillery",
    "military",
    "troops",
    "army",
    "forces",
    "warplanes",
    "jets",
    "lightning",
    "nuclear",
    "pre-emptive",
    "preemptive",
    "retaliatory",
];

/// Whether figure `q` can be a value of concept `c`: its unit is the
/// concept's kind, and its counted noun one the concept asks for, if any.
fn concept_fits(c: &Concept, q: &Quantity) -> bool {
    let counted = c.nouns.is_empty() || q.noun.as_deref().is_some_and(|n| c.nouns.contains(&n));
    let unit = matches!(
        (c.kind, &q.unit),
        (ConceptKind::Count, Unit::Count)
            | (ConceptKind::Percent, Unit::Percent)
            | (ConceptKind::PointChange, Unit::PercentagePoints)
            | (ConceptKind::Money, Unit::Money(_))
    ) || matches!(
        (c.kind, &q.unit),
        (ConceptKind::Measure(base), Unit::Measure(u)) if base == u
    );
    counted && unit
}

/// Units of size, age and duration: written in a hyphenated figure before a
/// noun ("10-foot", "55-year-old", "two-day") they measure that noun.
const SIZE_NOUNS: &[&str] = &[
    "foot",
    "feet",
    "inch",
    "yard",
    "mile",
    "metre",
    "meter",
    "kilometre",
    "kilometer",
    "km",
    "acre",
    "hectare",
    "pound",
    "ounce",
    "ton",
    "tonne",
    "gallon",
    "litre",
    "liter",
    "degree",
    "year",
    "year-old",
    "month",
    "month-old",
    "week",
    "week-old",
    "day",
    "day-old",
    "hour",
    "minute",
    "second",
    "storey",
    "story",
    "page",
    "mph",
];

/// Whether the figure starting at token `qs` is an age: right after "aged"
/// or "age(s) (of|between)", the second of two ages ("ages of 13 and 17",
/// "aged 13 to 18"), or a bound ("as young as 9", "older than 70").
fn after_age_words(toks: &[Token<'_>], qs: usize) -> bool {
    let words: Vec<String> = toks[..qs]
        .iter()
        .rev()
        .filter(|t| t.kind == TokKind::Word || t.kind == TokKind::Number)
        .take(4)
        .map(|t| t.text.to_lowercase())
        .collect();
    let age = |w: &str| matches!(w, "aged" | "age" | "ages");
    // "as young as 9", "as old as 90", "none older than 70".
    let bound = |w: &str| matches!(w, "young" | "old" | "younger" | "older");
    match words.as_slice() {
        [w, ..] if age(w) => true,
        [link, w, ..] if matches!(link.as_str(), "as" | "than") && bound(w) => true,
        [link, w, ..] if matches!(link.as_str(), "of" | "between") && age(w) => true,
        [link, _, w, ..] if matches!(link.as_str(), "to" | "and") && age(w) => true,
        [link, _, of, w, ..]
            if matches!(link.as_str(), "to" | "and")
                && matches!(of.as_str(), "of" | "between")
                && age(w) =>
        {
            true
        }
        _ => false,
    }
}

/// Whether the figure starting at token `qs` is the second term of a ratio
/// ("one in three voters", "1 in 5 households").
fn in_a_ratio(toks: &[Token<'_>], qs: usize) -> bool {
    qs >= 2
        && toks[qs - 1].text.eq_ignore_ascii_case("in")
        && (toks[qs - 2].kind == TokKind::Number
            || crate::lexicon::NUMBER_WORDS
                .iter()
                .any(|(w, _)| toks[qs - 2].text.eq_ignore_ascii_case(w)))
}

/// Words of a theft that took place (not the crime's names, "theft",
/// "robbery", which lists of offences hold).
const THEFT_WORDS: &[&str] = &[
    "stolen", "stole", "thieves", "heist", "robbers", "burglars", "looted",
];

/// Words opening a clause of its own inside a sentence ("… after two of
/// the injured died"), whose triggers count that clause's figures.
const SUBORDINATORS: &[&str] = &[
    "after", "before", "when", "as", "because", "while", "since", "until",
];

/// Triggers that are verbs a figure must follow to be the concept's: the
/// figure is what is held, not who holds.
const VERB_BEFORE_FIGURE: &[&str] = &["hold", "holds"];

/// What a venue's capacity counts when it "holds" a figure.
const HELD: &[&str] = &[
    "people",
    "spectators",
    "fans",
    "supporters",
    "visitors",
    "guests",
];

/// The noun of a figure written as one hyphenated word with it
/// ("32,000-seat", "nine-member"), lower case.
fn compound_noun(q: &Quantity) -> Option<&str> {
    let noun = q.noun.as_deref()?;
    let head = q.text.strip_suffix(noun)?.strip_suffix('-')?;
    (q.unit == Unit::Count && !head.is_empty() && !head.ends_with(char::is_whitespace))
        .then_some(noun)
}

/// Whether a figure is a hyphenated size, age or duration ("10-foot",
/// "55-year-old", "two-day").
fn hyphenated_size(q: &Quantity) -> bool {
    q.unit == Unit::Count
        && q.text.contains('-')
        && q.noun.as_deref().is_some_and(|n| SIZE_NOUNS.contains(&n))
}

/// Determiners before a figure that refer to things already known ("the two
/// countries", "its three plants") rather than report how many there are.
const REFERRING: &[&str] = &[
    "the", "its", "their", "these", "those", "both", "his", "her", "our", "your", "my",
];

/// A bare figure after a determiner ("the two candidates", "its three
/// plants") picks out things already known: it reports no count of its own
/// noun, nor of an event word further on; only an event noun right after
/// it ("the 17 victims") restates a figure. A hedged one still counts ("the
/// roughly 3,000 people").
fn referring_figure(toks: &[Token<'_>], q: &Quantity, start: usize) -> bool {
    q.unit == Unit::Count
        && !q.text.contains(char::is_whitespace)
        && start
            .checked_sub(1)
            .is_some_and(|p| REFERRING.contains(&toks[p].text.to_lowercase().as_str()))
}

/// Build the claims of one sentence.
#[allow(clippy::too_many_arguments)]
pub fn build(
    text: &str,
    sentence_span: Span,
    sentence: usize,
    toks: &[Token<'_>],
    low: &Lower<'_>,
    quantities: &[Quantity],
    dates: &[DateMention],
    statements: &[Statement],
    mentions: &[Mention],
    out: &mut Vec<ArticleClaim>,
) {
    // Ages are read off names and commas; other claims are made of figures
    // and dates only: a sentence with neither (most of them) needs none of
    // the work after the ages.
    if toks.is_empty() {
        return;
    }
    let speaker_for = |span: Span| speaker_of(text, statements, sentence_span, span);
    ages(text, sentence_span, toks, mentions, &speaker_for, out);
    incident_times(
        text,
        (sentence, sentence_span),
        toks,
        low,
        &speaker_for,
        out,
    );
    if quantities.is_empty() && dates.is_empty() {
        return;
    }
    let words = word_positions(toks, low);
    let triggers: Vec<ConceptSet> = words.iter().map(|(_, w)| concepts_triggered(w)).collect();
    let folded = crosscheck_text::fold_whitespace(&text[sentence_span.start..sentence_span.end]);
    let q_ranges: Vec<(usize, usize)> =
        quantities.iter().map(|q| tok_range(toks, q.span)).collect();

    // "aged 13 to 18", "between the ages of 13 and 17": ages count no one;
    // "one in three voters": a share, not a count.
    let not_a_count: Vec<bool> = quantities
        .iter()
        .zip(&q_ranges)
        .map(|(q, &(qs, qe))| {
            q.unit == Unit::Count
                && (after_age_words(toks, qs) || in_a_ratio(toks, qs) || age_range(low, qe))
        })
        .collect();

    let has_word = |list: &[&str]| words.iter().any(|(_, w)| list.contains(w));
    // Context words beyond the sentence, for concepts that reach further
    // (the previous sentence: the 300 bytes before this one, cut at a
    // character boundary).
    let context_beyond = |c: &Concept| {
        let within = match c.context_reach {
            Reach::Sentence => return false,
            Reach::Before => {
                let from = (sentence_span.start.saturating_sub(300)..=sentence_span.start)
                    .find(|&b| text.is_char_boundary(b))
                    .unwrap_or(sentence_span.start);
                &text[from..sentence_span.start]
            }
            Reach::Article => text,
        };
        c.context
            .iter()
            .any(|w| crate::entities::written_in_lower_case(within, w))
    };
    // A takeover is named ("takeover", "acquired"), or a verb of buying
    // has a name for its object ("agreed to buy Istava Dairy"): victims
    // who "would purchase houses" make no deal.
    let deal_sentence = has_word(DEAL_WORDS)
        || words
            .iter()
            .enumerate()
            .any(|(k, (_, w))| BUYING_WORDS.contains(w) && bought_name(toks, &words, k).is_some());
    let results_sentence = has_word(RESULTS_WORDS);
    // "Net profit … came in at 341 million crowns, the group said": the
    // company the article is about, named elsewhere.
    // (Asked only of a profit's figures.)
    let names_the_company = || {
        toks.windows(2).any(|w| {
            matches!(w[0].text, "the" | "its" | "The" | "Its")
                && matches!(w[1].text, "group" | "company" | "firm")
        })
    };
    // "54% of the vote", "88 of the 150 seats": a contestant's part of
    // the whole, the figure of its share or seats.
    let low_at = |k: usize| low.words.get(k).copied().unwrap_or("");
    let share_of_whole: Vec<bool> = q_ranges
        .iter()
        .map(|&(_, qe)| {
            low_at(qe) == "of"
                && low_at(qe + 1) == "the"
                && (matches!(low_at(qe + 2), "vote" | "votes" | "ballots" | "seats")
                    || (toks.get(qe + 2).is_some_and(|t| t.kind == TokKind::Number)
                        && low_at(qe + 3) == "seats"))
        })
        .collect();
    // "killing 23 of the 86 people on board": a part right after a verb
    // of harm, of a whole written as a figure, is what the verb did; the
    // whole is another count (not so "two of the 17 killed", whose event
    // word follows the whole, nor "killed 22 of them", which may be a part
    // of a toll given before).
    let acted_on_part: Vec<bool> = q_ranges
        .iter()
        .map(|&(qs, qe)| {
            qs > 0
                && matches!(
                    low_at(qs - 1),
                    "killing" | "killed" | "injuring" | "injured" | "wounding" | "wounded"
                )
                && low_at(qe) == "of"
                && matches!(low_at(qe + 1), "the" | "its" | "their")
                && toks.get(qe + 2).is_some_and(|t| t.kind == TokKind::Number)
        })
        .collect();
    // "12% of its workforce": the whole a percentage is a part of, for
    // the concepts that name one ([`Concept::whole`]); empty for none.
    let whole_of: Vec<&str> = quantities
        .iter()
        .zip(&q_ranges)
        .map(|(q, &(_, qe))| {
            let named = q.unit == Unit::Percent
                && low_at(qe) == "of"
                && matches!(low_at(qe + 1), "its" | "the" | "their");
            if named {
                low_at(qe + 2)
            } else {
                ""
            }
        })
        .collect();
    let pays_for_shares = deal_sentence || has_word(PAYING_WORDS);
    // "31 euros a share", "€13 per share".
    let per_share: Vec<bool> = q_ranges
        .iter()
        .map(|&(_, qe)| {
            let at = |k: usize| low.words.get(k).copied().unwrap_or("");
            matches!(at(qe), "a" | "per") && matches!(at(qe + 1), "share" | "shares")
        })
        .collect();

    // Candidate (quantity, concept, distance, right-side) pairs.
    let mut pairs: Vec<(usize, bool, usize, usize, usize)> = Vec::new(); // (dist, right?, q, concept, trigger tok)
    for (qi, q) in quantities.iter().enumerate() {
        if (q.partitive && !share_of_whole[qi] && whole_of[qi].is_empty() && !acted_on_part[qi])
            || q.increment
        {
            continue;
        }
        let (qs, qe) = q_ranges[qi];
        // "a margin of error of plus or minus three points": a poll's
        // precision, not a figure of the story.
        if (1..=6).any(|k| {
            qs.checked_sub(k).is_some_and(|j| {
                ["error", "minus"]
                    .iter()
                    .any(|w| toks[j].text.eq_ignore_ascii_case(w))
            })
        }) {
            continue;
        }
        if not_a_count[qi] {
            continue;
        }
        // "the 160 km/h limit", "a limit of 50 people": what is allowed,
        // not what happened.
        let limit = |w: &str| matches!(w, "limit" | "limits" | "cap");
        if (0..2).any(|k| limit(low_at(qe + k)))
            || (qs >= 2 && low_at(qs - 1) == "of" && limit(low_at(qs - 2)))
        {
            continue;
        }
        // "the 17 victims" restates a toll; "the two leading candidates
        // criticised the arrest" says nothing of how many were arrested.
        let referring = referring_figure(toks, q, qs);
        // "a 17-year-old was among the dead": an age or size measures the
        // noun after it and counts no one; "an eight-day siege" measures
        // the siege.
        if hyphenated_size(q) {
            let siege = matches!(q.noun.as_deref(), Some("day"))
                && matches!(low_at(qe), "siege" | "standoff" | "stand-off" | "captivity");
            if let Some(ci) = CONCEPTS
                .iter()
                .position(|c| c.id == "siege_length")
                .filter(|_| siege)
            {
                pairs.push((0, true, qi, ci, qe));
            }
            continue;
        }
        let prep = if qs > 0 { low.words[qs - 1] } else { "" };
        // "cut about 1,200 of a total 9,000 jobs": a whole another figure
        // is a part of (see the triggers below). An "of" after the part
        // ("1,200 of", "412 employees of"), then only words that point at
        // the whole ("a total", "its remaining"): not "the toll from ten
        // days of flooding to at least 58".
        let whole_figure = q_ranges.iter().any(|&(_, pe)| {
            let Some(between) = low.words.get(pe..qs) else {
                return false;
            };
            let of = between.iter().position(|w| *w == "of");
            of.is_some_and(|at| {
                between[at + 1..].iter().all(|w| {
                    matches!(
                        *w,
                        "the" | "its" | "their" | "a" | "an" | "total" | "remaining" | "estimated"
                    )
                })
            })
        });
        let counts_things = q.noun.as_deref().is_some_and(|n| NOT_PEOPLE.contains(&n));
        // A vote's tally ("voted 5-2") is the votes in favour, whatever
        // verb names the vote; passengers counted beside the crew ("148
        // passengers and six crew members were evacuated") are who was
        // aboard, whatever verb follows.
        let fixed = if q.against.is_some() {
            Some("votes_for")
        } else if q.noun.as_deref() == Some("passengers") && crew_breakdown(low_at, qs, qe) {
            Some("aboard")
        } else {
            None
        };
        if let Some(id) = fixed {
            if let Some(ci) = CONCEPTS.iter().position(|c| c.id == id) {
                pairs.push((0, true, qi, ci, qs));
            }
            continue;
        }
        for (ci, c) in CONCEPTS.iter().enumerate() {
            if !concept_fits(c, q) || c.kind == ConceptKind::Date {
                continue;
            }
            if counts_things && PEOPLE_COUNTS.contains(&c.id) {
                continue;
            }
            if (!c.context.is_empty() && !has_word(c.context) && !context_beyond(c))
                || has_word(c.not_with)
                || c.not_after.contains(&prep)
            {
                continue;
            }
            // Spending of no public field is no budget's (see `spending_of`).
            if c.id == "spending" && spending_of(&words, qs).is_none() {
                continue;
            }
            if c.id == "site_distance" && distance_from(toks, low, qe).is_none() {
                continue;
            }
            // (Not "55.1 percent against 44.9 percent": two shares set
            // side by side.)
            if c.id == "referendum_yes"
                && (qe..qe + 5)
                    .take_while(|&k| !matches!(low_at(k), "," | ";" | "and" | "but"))
                    .any(|k| {
                        matches!(low_at(k), "against" | "opposed" | "no")
                            && !toks.get(k + 1).is_some_and(|t| t.kind == TokKind::Number)
                    })
            {
                continue;
            }
            // "a profit of 421 million crowns on revenue of 2.1 billion":
            // a sum named by another word of accounts is that one's. And a
            // profit is some company's: one whose company the sentence does
            // not name is compared with nothing.
            if c.id == "profit"
                && (low.words[qs.saturating_sub(2)..qs]
                    .iter()
                    .any(|w| matches!(*w, "revenue" | "revenues" | "sales" | "turnover"))
                    || (company_of(toks, qs, mentions).is_none() && !names_the_company())
                    || !profit_near(toks, &words, q_ranges[qi]))
            {
                continue;
            }
            // "12% of its workforce": the part of the whole the concept
            // names.
            let whole = !c.whole.is_empty();
            if whole && !c.whole.contains(&whole_of[qi]) {
                continue;
            }
            // A share of the vote or of the seats is only a contestant's;
            // "the 150 seats" after "of" are all of them.
            let contest = matches!(c.id, "vote_share" | "seats_won" | "referendum_yes");
            let part_acted_on = acted_on_part[qi] && c.triggers.contains(&low_at(qs - 1));
            if q.partitive && !contest && !whole && !part_acted_on {
                continue;
            }
            if c.id == "seats_won" && qs >= 2 && low_at(qs - 1) == "the" && low_at(qs - 2) == "of" {
                continue;
            }
            // "only 11 bodies have been identified": those named so far,
            // not the toll.
            if c.id == "killed" && (qe..qe + 4).any(|k| low_at(k) == "identified") {
                continue;
            }
            // "after two injured passengers died": some of the injured
            // who died, not a count of the injured.
            if c.id == "injured"
                && matches!(low_at(qe), "injured" | "wounded")
                && (qe + 1..qe + 4).any(|k| matches!(low_at(k), "died" | "succumbed"))
            {
                continue;
            }
            // "nine people detained during the clashes had been charged":
            // those charged (or freed) among the detained, no count of
            // the arrests.
            if c.id == "arrested"
                && q.noun.is_some()
                && matches!(low_at(qe + 1), "detained" | "arrested" | "held")
                && (qe + 2..low.words.len()).any(|k| {
                    matches!(
                        low_at(k),
                        "charged" | "released" | "freed" | "convicted" | "indicted"
                    )
                })
            {
                continue;
            }
            // Survivors are named so ("130 survivors"), or survived ("142
            // survived"): "the lone survivor of a massacre in which 13
            // were shot" counts the dead.
            if c.id == "survivors" {
                let named = q.noun.as_deref() == Some("survivors");
                let after_noun = if q.noun.is_some() { qe + 1 } else { qe };
                let survived = matches!(low_at(after_noun), "survived" | "survive");
                if !named && !survived {
                    continue;
                }
            }
            // A temperature above or below another ("four degrees C above
            // normal") is a difference, not a reading.
            if c.id == "temperature"
                && matches!(
                    low_at(qe),
                    "above" | "below" | "higher" | "lower" | "warmer" | "colder" | "cooler"
                )
            {
                continue;
            }
            // Things recalled are counted things ("340,000 cars", "20
            // lots"), not the recalls themselves nor an engine's size.
            if c.id == "recalled"
                && (compound_noun(q).is_some()
                    || !q.noun.as_deref().is_some_and(|n| {
                        n.chars().all(|ch| ch.is_ascii_alphabetic())
                            && !matches!(n, "recalls" | "recall" | "to" | "of")
                    }))
            {
                continue;
            }
            // Seats won are seats ("won 88 seats", "88 of the 150
            // seats"), not a majority of seats or a change ("gained nine
            // seats").
            if c.id == "seats_won" {
                let seats = share_of_whole[qi] || q.noun.as_deref() == Some("seats");
                let before = |k: usize| qs.checked_sub(k).map_or("", low_at);
                let change = matches!(
                    before(1),
                    "gained" | "lost" | "added" | "gaining" | "losing" | "gain" | "lose"
                );
                let majority = before(1) == "of" && before(2) == "majority";
                if !seats || change || majority {
                    continue;
                }
            }
            // A takeover's price: the whole price in a sentence about a
            // takeover, the price of one share right before "a share".
            if c.id == "deal_value" && (per_share[qi] || !deal_sentence) {
                continue;
            }
            if c.id == "share_price" && !(per_share[qi] && pays_for_shares && !results_sentence) {
                continue;
            }
            if c.id == "cost" && deal_sentence {
                continue;
            }
            // A company is sold for millions: "58 dlrs" alone is a price per
            // share written without "a share".
            if c.id == "deal_value" && q.value < 1e6 {
                continue;
            }
            // A crowd, or workers on strike, are tens at least, counted in
            // whole people ("110 pct on strike" counts no one).
            if matches!(c.id, "crowd" | "strikers")
                && (q.value < 10.0
                    || q.value.fract() != 0.0
                    || q.noun
                        .as_deref()
                        .is_some_and(|n| matches!(n, "pct" | "percent")))
            {
                continue;
            }
            if c.kind == ConceptKind::PointChange {
                // A change of points is a rate's only with a rate or a
                // move of one near it: "trailed Mira Holm by 10
                // percentage points" in a poll is a lead, not a rate.
                let near = |ti: usize| {
                    let d = if ti >= qe {
                        word_distance(toks, qe, ti)
                    } else {
                        word_distance(toks, ti + 1, qs)
                    };
                    d <= WINDOW
                };
                let has = |list: &[&str]| words.iter().any(|(ti, w)| list.contains(w) && near(*ti));
                let poll = has(POLL_WORDS) && !has(&["rate", "rates"]);
                if has(c.triggers) && !poll {
                    pairs.push((0, false, qi, ci, qs));
                }
                continue;
            }
            if !c.prepositions.is_empty() && !c.prepositions.contains(&prep) {
                continue;
            }
            // The trigger is the noun of a hyphenated figure ("a new
            // 32,000-seat stadium"): the figure is the concept's.
            if compound_noun(q).is_some_and(|n| c.triggers.contains(&n)) {
                pairs.push((0, true, qi, ci, qs));
                continue;
            }
            for (k, (ti, w)) in words.iter().enumerate() {
                if triggers[k] & (1 << ci) == 0 || !trigger_holds(toks, &words, k) {
                    continue;
                }
                // "the unemployment rate", "a rate of growth", "grow at a
                // rate of 2.8 percent": a rate, but no interest rate.
                if c.id.starts_with("rate_") && !interest_rate_word(&words, k) {
                    continue;
                }
                // "a 5.5 aftershock", "earthquakes of force six": another
                // tremor's magnitude, or none in particular.
                if c.id == "magnitude"
                    && words.iter().any(|(_, w)| {
                        matches!(
                            *w,
                            "aftershock" | "aftershocks" | "earthquakes" | "quakes" | "tremors"
                        )
                    })
                {
                    continue;
                }
                // "21 hostages held in a bank"; not "80 people held a
                // vigil", nor workers who "held a rally".
                if c.id == "hostages_held"
                    && matches!(*w, "held" | "holding")
                    && !(k > 0 && matches!(words[k - 1].1, "hostages" | "captives"))
                {
                    continue;
                }
                // "kidnap victims", "fraud victims": victims of something
                // other than a death.
                if *w == "victims" && k > 0 && NOT_DEATH_VICTIMS.contains(&words[k - 1].1) {
                    continue;
                }
                let right = *ti >= qe;
                // "rose to 11 and the toll in Lenk rose to 64": a toll after
                // "and" is another clause's; so is any trigger after a
                // contrast ("a pay rise of 8%, while the ministry has
                // offered 4.5%").
                if right
                    && words[..k]
                        .iter()
                        .rev()
                        .take_while(|(tj, _)| *tj >= qe)
                        .any(|(_, x)| {
                            matches!(*x, "but" | "while" | "whereas")
                                || (*x == "and" && *w == "toll")
                        })
                {
                    continue;
                }
                // The event comes first: "crashed 6 km from the runway"; not
                // "a station 20 km from Lenk, near the epicentre".
                if right && c.id == "site_distance" {
                    continue;
                }
                // "the 5.3 million households that hold mortgages": a
                // figure before a verb trigger counts those who do it; a
                // capacity follows its verb ("Tannery Lane holds 14,500").
                // And it counts people or nothing named: "Republicans hold
                // 55 seats" is no capacity.
                if VERB_BEFORE_FIGURE.contains(w)
                    && (right || q.noun.as_deref().is_some_and(|n| !HELD.contains(&n)))
                {
                    continue;
                }
                // "employs about 600 people": the workforce follows its
                // verb ("earns 14 billion a year and employs …" is no count
                // of staff).
                if right && c.id == "employees" {
                    continue;
                }
                if !right && *ti >= qs {
                    // The trigger is inside the figure ("32,000-seat").
                    if q.noun.as_deref().is_some_and(|n| c.triggers.contains(&n)) {
                        pairs.push((0, true, qi, ci, *ti));
                    }
                    continue;
                }
                let d = if right {
                    word_distance(toks, qe, *ti)
                } else {
                    word_distance(toks, *ti + 1, qs)
                };
                // A toll's new level may come a long way after the word:
                // "The death toll from the collapse of the bridge in
                // Brellow rose to eight", with no figure or comma between.
                let toll_level = !right
                    && *w == "toll"
                    && d <= TOLL_WINDOW
                    && qs > 0
                    && TOLL_LEVEL_BEFORE.contains(&low.words[qs - 1])
                    && !q_ranges.iter().any(|&(s, _)| s > *ti && s < qs)
                    && !boundary_between(toks, *ti, qs);
                if (d > WINDOW && !toll_level) || (referring && !(right && d == 0)) {
                    continue;
                }
                // A noun of the dead counts the figure right before it
                // ("38 victims", "19 flood victims"), not one further off
                // ("four raffles to help the victims", "8,000 storm victims
                // on the islands still sleep in tents").
                if right && d > 1 && matches!(*w, "victims" | "bodies" | "deaths" | "fatalities") {
                    continue;
                }
                // A trigger in a clause of its own after the figure counts
                // that clause's figure: "rose to eight on Wednesday after
                // two of the injured died" counts no injured with eight.
                if right
                    && words[..k]
                        .iter()
                        .rev()
                        .take_while(|(tj, _)| *tj >= qe)
                        .any(|(_, w)| SUBORDINATORS.contains(w))
                    && q_ranges.iter().any(|&(s, _)| s >= qe && s < *ti)
                {
                    continue;
                }
                // Nor does a trigger before a subordinate clause count a
                // figure inside it with a figure of its own before:
                // "Nine passengers were hurt when 148 passengers and six
                // crew were evacuated" counts no 148 hurt.
                if !right
                    && words[k + 1..]
                        .iter()
                        .take_while(|(tj, _)| *tj < qs)
                        .any(|(_, w)| matches!(*w, "when" | "after" | "because" | "while"))
                    && q_ranges.iter().any(|&(_, e)| e <= *ti)
                {
                    continue;
                }
                // Counts do not reach across a clause boundary to a
                // trigger that is far away.
                if c.kind == ConceptKind::Count && d > 3 && boundary_between(toks, *ti, qs) {
                    continue;
                }
                // "cut about 1,200 of a total 9,000 jobs": the verb acts
                // on the part, the whole counts no one it touched ("two of
                // the 17 killed" does: the event word follows the whole).
                if c.kind == ConceptKind::Count && !right && whole_figure {
                    continue;
                }
                // Nor back over "and" to the verb of the clause before:
                // "About 30 died and more than 80 were injured" counts
                // the injured with 80.
                if c.kind == ConceptKind::Count
                    && !right
                    && words[k + 1..]
                        .iter()
                        .take_while(|(tj, _)| *tj < qs)
                        .any(|(_, w)| matches!(*w, "and" | "but" | "while" | "whereas"))
                {
                    continue;
                }
                pairs.push((d, right, qi, ci, *ti));
            }
        }
    }
    // Greedy: closest pairs first, right-hand triggers ("430 were injured")
    // before left ones at equal distance, but a verb right before the
    // figure first of all ("detained 32 protesters" counts arrests, not a
    // crowd); a count trigger serves one figure.
    // (Right before: "Of the 40 injured, 12 remain in hospital" is no verb
    // on the 12.)
    let acts_on = |right: bool, qi: usize, ti: usize| {
        !right
            && ti + 1 == q_ranges[qi].0
            && low
                .words
                .get(ti)
                .is_some_and(|w| w.ends_with("ed") || w.ends_with("ing"))
    };
    pairs.sort_by_key(|&(d, right, qi, ci, ti)| (d, !acts_on(right, qi, ti), !right, qi, ci));
    let mut concept_of: Vec<Option<usize>> = vec![None; quantities.len()];
    let mut used_triggers: Vec<usize> = Vec::new();
    for (_, _, qi, ci, ti) in pairs {
        if concept_of[qi].is_some() {
            continue;
        }
        let count = CONCEPTS[ci].kind == ConceptKind::Count;
        if count && used_triggers.contains(&ti) {
            continue;
        }
        concept_of[qi] = Some(ci);
        if count {
            used_triggers.push(ti);
        }
    }
    for qi in parts_of_a_count(low, quantities, &q_ranges, &concept_of) {
        concept_of[qi] = None;
    }

    for (qi, q) in quantities.iter().enumerate() {
        let term_of = || prison_term_of(toks, &words, q, q_ranges[qi], mentions);
        let (concept, term_subject) = match concept_of[qi] {
            Some(ci) => (Some(&CONCEPTS[ci]), None),
            None => match term_of() {
                Some(person) => (self::concept("prison_term"), Some(person)),
                None => (None, None),
            },
        };
        // A storm's wind away from its landfall changes by the hour: a
        // figure to corroborate, not to contradict.
        let wind_elsewhere =
            concept.is_some_and(|c| c.id == "wind_speed") && !has_word(LANDFALL_WORDS);
        let concept = concept.filter(|_| !wind_elsewhere);
        let (subject, attribute) = match concept {
            None if wind_elsewhere => (Some("wind speed".to_string()), "speed".to_string()),
            Some(c) if term_subject.is_some() => (term_subject, c.attribute.to_string()),
            Some(c) if c.named_or_whole => (
                local_subject(toks, &words, q_ranges[qi], mentions)
                    .or_else(|| giver_adjective(toks, q_ranges[qi].0, mentions))
                    .or_else(|| Some(c.subject.to_string())),
                c.attribute.to_string(),
            ),
            Some(c) if matches!(c.id, "deal_value" | "share_price") => (
                deal_target(toks, &words, mentions).or_else(|| Some(c.subject.to_string())),
                c.attribute.to_string(),
            ),
            Some(c) if matches!(c.id, "vote_share" | "seats_won") => (
                contestant(toks, q_ranges[qi].0, mentions).or_else(|| Some(c.subject.to_string())),
                c.attribute.to_string(),
            ),
            Some(c) if c.per_subject => {
                let subj = local_subject(toks, &words, q_ranges[qi], mentions);
                (
                    subj.or_else(|| Some(c.subject.to_string())),
                    c.attribute.to_string(),
                )
            }
            // "8,000 rail workers", "40,000 seamen": each group on strike
            // is counted apart, under one name for each group however it is
            // written ("dockers", "dock workers").
            // A profit of "the group" is filled in by
            // `profits_of_article` (an empty company here).
            Some(c) if c.id == "profit" => (
                company_of(toks, q_ranges[qi].0, mentions)
                    .or_else(|| names_the_company().then(String::new))
                    .map(|company| profit_of(&company, &words)),
                c.attribute.to_string(),
            ),
            Some(c) if c.id == "site_distance" => (
                distance_from(toks, low, q_ranges[qi].1)
                    .map(|place| format!("distance from {place}")),
                c.attribute.to_string(),
            ),
            Some(c) if c.id == "spending" => (
                spending_of(&words, q_ranges[qi].0).or_else(|| Some(c.subject.to_string())),
                c.attribute.to_string(),
            ),
            // "148 passengers and six crew": two parts of who was aboard,
            // neither the whole; the passengers are compared as such.
            Some(c)
                if c.id == "aboard" && crew_breakdown(low_at, q_ranges[qi].0, q_ranges[qi].1) =>
            {
                (
                    Some("passengers aboard".to_string()),
                    c.attribute.to_string(),
                )
            }
            Some(c) if c.id == "strikers" => (
                Some(match q.noun.as_deref().map(strike_group) {
                    Some(n) if !n.starts_with("strik") && n != "workers" => {
                        format!("{n} on strike")
                    }
                    _ => c.subject.to_string(),
                }),
                c.attribute.to_string(),
            ),
            Some(c) => (Some(c.subject.to_string()), c.attribute.to_string()),
            None => {
                if q.partitive || q.increment || not_a_count[qi] {
                    continue;
                }
                match (&q.unit, &q.noun) {
                    (Unit::Count, None) => continue,
                    // "the two countries", "its two largest housebuilders":
                    // a bare figure after a determiner, or before a
                    // superlative, picks out things already known; it
                    // reports no count ("the roughly 3,000 people" does).
                    (Unit::Count, Some(n))
                        if n.ends_with("est")
                            || matches!(n.as_str(), "most" | "least")
                            || referring_figure(toks, q, q_ranges[qi].0) =>
                    {
                        continue
                    }
                    // "a 10-foot wall", "the 55-year-old president", "a
                    // two-day visit": a hyphenated size, age or duration
                    // describes the noun after it; it counts nothing.
                    (Unit::Count, Some(_)) if hyphenated_size(q) => continue,
                    // "a nine-member committee", "a three-judge panel": a
                    // hyphenated figure describes the noun after it.
                    (Unit::Count, Some(_)) if compound_noun(q).is_some() => continue,
                    (Unit::Count, Some(n)) => (Some(n.clone()), "count".to_string()),
                    (Unit::Percent, _) => (None, "percent".to_string()),
                    (Unit::PercentagePoints, _) => (None, "change".to_string()),
                    (Unit::Money(_), n) => (n.clone(), "amount".to_string()),
                    (Unit::Measure(u), n) => (n.clone(), u.clone()),
                }
            }
        };
        // "212,000 vehicles worldwide, about 84,000 of them in Dornia": a
        // figure of the whole world is another figure than one country's.
        let (_, qe) = q_ranges[qi];
        let after_noun = qe + usize::from(q.noun.is_some());
        let worldwide = (after_noun..after_noun + 2).any(|k| {
            matches!(low_at(k), "worldwide" | "globally")
                || (low_at(k) == "around" && low_at(k + 2) == "world")
        });
        let subject = match subject {
            Some(s) if worldwide && concept.is_some() => Some(format!("{s} worldwide")),
            other => other,
        };
        out.push(ArticleClaim {
            sentence: q.sentence,
            span: sentence_span,
            value_span: q.span,
            subject,
            attribute,
            concept: concept.map(|c| c.id),
            value: ClaimValue::Number {
                value: q.value,
                precision: q.precision,
                approx: q.approx,
                // "an eight-day siege": eight days.
                unit: match concept {
                    Some(c) if c.id == "siege_length" => Unit::Measure("day".to_string()),
                    _ => q.unit.clone(),
                },
            },
            value_text: match (concept, compound_noun(q)) {
                (Some(c), _) if c.id == "siege_length" => q.text.clone(),
                // "32,000-seat" states a capacity of 32,000.
                (Some(_), Some(n)) => q.text[..q.text.len() - n.len() - 1].to_string(),
                _ => with_converted_value(q),
            },
            speaker: speaker_for(q.span),
            // "said it would buy Istava for 4.2 billion euros": the price
            // agreed, not a forecast, unless the deal is itself in doubt.
            // "said it would recall 430,000 vehicles": the recall decided.
            hedged: if concept.is_some_and(|c| c.decided) {
                has_word(TENTATIVE_DEAL_WORDS)
            } else {
                q.hedged
            },
            text: folded.clone(),
        });
    }

    // Dates: the event word to their left in the same clause, or right
    // after a possessive ("Wednesday's arrival").
    for d in dates {
        let (ds, de) = tok_range(toks, d.span);
        // "approved the 2027 budget on Thursday": a year before a noun
        // names the thing, not when anything happened.
        if matches!(d.value, DateValue::Year(_))
            && ds > 0
            && matches!(low.words[ds - 1], "the" | "its" | "their" | "a" | "this")
            && toks
                .get(de)
                .is_some_and(|t| t.kind == TokKind::Word && !t.is_capitalised())
        {
            continue;
        }
        // "extend until June 30", "effective 1 July", "by late May": a
        // bound of a time, not when the event happened ("was not signed
        // until 9 October" is when it was; "far from Monday's blast"
        // names the event by its day).
        let possessive = d.text.ends_with(['s']) && d.text.contains(['’', '\'']);
        let bound = !possessive
            && match low.words[..ds].last().copied().unwrap_or("") {
                "until" | "till" => !low.words[ds.saturating_sub(6)..ds].contains(&"not"),
                "effective" | "by" | "from" | "through" => true,
                _ => false,
            };
        if bound {
            continue;
        }
        let mut best: Option<(usize, &Concept, usize)> = None;
        for (at, ((ti, _), &mask)) in words.iter().zip(&triggers).enumerate() {
            if mask == 0 || !trigger_holds(toks, &words, at) {
                continue;
            }
            for (_, c) in CONCEPTS.iter().enumerate().filter(|(ci, c)| {
                c.kind == ConceptKind::Date
                    && mask & (1 << ci) != 0
                    && (c.context.is_empty() || has_word(c.context) || context_beyond(c))
            }) {
                let dist = if *ti < ds {
                    // "the minutes of the meeting will be published in two
                    // weeks": an event word inside an "of" phrase is not
                    // what the date is about.
                    // ("the village of Lenk burst on Monday": a verb
                    // after a name is the sentence's own.)
                    let verb = words[at].1.ends_with("ed") || words[at].1 == "burst";
                    let of_phrase = words
                        .iter()
                        .rev()
                        .filter(|(k, _)| k < ti)
                        .take(2)
                        .any(|(_, w)| *w == "of")
                        && !(verb && *ti > 0 && toks[*ti - 1].is_capitalised());
                    if of_phrase
                        || boundary_between(toks, *ti, ds)
                        || second_predicate_between(toks, *ti, ds)
                        || verb_between(&words, at, ds)
                        || acted_on(&words, at)
                    {
                        continue;
                    }
                    word_distance(toks, *ti + 1, ds)
                } else if *ti == de && possessive {
                    0
                } else {
                    continue;
                };
                // A bill passed "last year" or "in March" is history the
                // story recalls, and a passing verb dates only what follows
                // it closely, past its object but no "of" phrase ("passed
                // in the wake of the Monday protests") nor a relative clause
                // ("adopted a rule that lapses on Friday"): a vote is
                // dated by its day, near the verb.
                if c.id == "passage_date"
                    && (!matches!(d.value, DateValue::Day(_))
                        || dist > 6
                        || words[at + 1..]
                            .iter()
                            .take_while(|(k, _)| *k < ds)
                            .any(|(_, w)| matches!(*w, "of" | "that" | "which")))
                {
                    continue;
                }
                // A fire that "has raged" is dated only by when it has
                // raged since.
                if matches!(words[at].1, "raged" | "raging")
                    && low.words.get(ds.wrapping_sub(1)) != Some(&"since")
                {
                    continue;
                }
                // "The plant, which opened in 1978": the year, right after
                // the verb, of the thing before it.
                if c.id == "origin_date"
                    && (dist > 1
                        || (dist == 1 && ds > 0 && low.words[ds - 1] != "in")
                        || !matches!(d.value, DateValue::Year(_) | DateValue::Month { .. }))
                {
                    continue;
                }
                // An article's lead sentence tells its incident, and may
                // run long between the event and its day ("An explosion at
                // a resin factory in the northern town of Brennholm killed
                // two people … in the early hours of Monday"): the checks
                // above keep other verbs' dates out. (Later sentences
                // recall other incidents as often.)
                // Those "killed" or "injured" date the incident only in
                // the passive, right before the day ("Eleven people were
                // injured on Friday evening when the ferry struck …").
                let harm = matches!(words[at].1, "killed" | "injured" | "wounded");
                let passive = at > 0 && matches!(words[at - 1].1, "was" | "were" | "been");
                let reach = match (c.id, harm) {
                    ("incident_date", true) if passive => 2,
                    ("incident_date", true) => continue,
                    ("incident_date", false) if sentence == 0 => 24,
                    _ => 8,
                };
                // Past the usual reach, only words of the event's own
                // clause: no other verb, auxiliary or relative clause ("The
                // ferry that capsized on Sunday had failed an inspection in
                // March").
                let far_clause_plain = dist <= 8
                    || words[at + 1..]
                        .iter()
                        .take_while(|(k, _)| *k < ds)
                        .all(|&(_, w)| {
                            HARM_PREDICATES.contains(&w)
                                || !((w.ends_with("ed") && w != "hundred")
                                    || matches!(
                                        w,
                                        "had"
                                            | "has"
                                            | "have"
                                            | "was"
                                            | "were"
                                            | "is"
                                            | "are"
                                            | "will"
                                            | "would"
                                            | "that"
                                            | "which"
                                            | "who"
                                    ))
                        });
                if dist <= reach && far_clause_plain && best.is_none_or(|(bd, _, _)| dist < bd) {
                    best = Some((dist, c, at));
                }
            }
        }
        let Some((_, c, at)) = best else { continue };
        let origin_of = if c.id == "origin_date" {
            let Some(thing) = what_began(toks, &words, at, mentions) else {
                continue;
            };
            Some(thing)
        } else {
            None
        };
        // "last came ... on 22 January": a previous occurrence, not this one.
        let previous = words
            .iter()
            .any(|(ti, w)| *ti < ds && matches!(*w, "last" | "previous" | "earlier"));
        let hedged = d.hedged
            || words
                .iter()
                .any(|(ti, w)| *ti < ds && is_hedge(w) && *w != "may");
        out.push(ArticleClaim {
            sentence: d.sentence,
            span: sentence_span,
            value_span: d.span,
            subject: Some(match origin_of {
                Some(thing) => thing,
                None if previous => format!("previous {}", c.subject),
                // A committee's vote ("a committee approved", "approved
                // by the finance committee") is a step of its own before
                // the chamber's.
                None if c.subject == "vote"
                    && words[at.saturating_sub(3)..(at + 5).min(words.len())]
                        .iter()
                        .any(|(_, w)| matches!(*w, "committee" | "subcommittee")) =>
                {
                    "committee vote".to_string()
                }
                None => c.subject.to_string(),
            }),
            attribute: c.attribute.to_string(),
            concept: Some(c.id),
            value: ClaimValue::Date(d.value.clone()),
            value_text: date_value_text(d),
            speaker: speaker_for(d.span),
            hedged,
            text: folded.clone(),
        });
    }
}

/// What opened or was founded, for the origin verb `words[at]`, with the
/// verb's kind ("plant opened", "Brennholm Foods founded"): the name or
/// noun right before it, past a comma, a relative pronoun or an
/// auxiliary ("The plant, which opened", "Brennholm Foods was founded").
/// Nothing is named:
/// - by a pronoun or a word that is no noun ("it opened", "first opened");
/// - by a name or noun after a preposition ("a deal with Istava
///   established in 1992", "north of Varn, was founded", "ties between the
///   two clubs were established"), which is seldom what began;
/// - before "founded" or "established" with neither a comma nor an
///   auxiliary ("rules established last year" are no founding).
fn what_began(
    toks: &[Token<'_>],
    words: &[(usize, &str)],
    at: usize,
    mentions: &[Mention],
) -> Option<String> {
    const SKIPPED: &[&str] = &[
        "which", "that", "was", "were", "is", "are", "been", "had", "has", "have",
    ];
    let (verb_at, verb) = words[at];
    let mut k = verb_at;
    let mut linked = false;
    let thing_at = loop {
        k = k.checked_sub(1)?;
        let t = &toks[k];
        let word = t.text.to_lowercase();
        if t.text == "," || (t.kind == TokKind::Word && SKIPPED.contains(&word.as_str())) {
            linked = true;
            continue;
        }
        if t.kind != TokKind::Word {
            return None;
        }
        // An aside with a figure between commas ("The bridge, 310 metres
        // long, was opened") describes the thing before it.
        if toks.get(k + 1).is_some_and(|t| t.text == ",") {
            let aside = toks[k.saturating_sub(6)..k]
                .iter()
                .rposition(|t| t.text == ",")
                .map(|p| k.saturating_sub(6) + p);
            if let Some(open) =
                aside.filter(|&o| toks[o..k].iter().any(|t| t.kind == TokKind::Number))
            {
                k = open;
                continue;
            }
        }
        break k;
    };
    if !linked && verb != "opened" {
        return None;
    }
    let at_char = toks[thing_at].start;
    let (thing, first) = match mentions
        .iter()
        .find(|m| m.span.start <= at_char && at_char < m.span.end)
    {
        Some(m) => (
            m.text.clone(),
            toks.iter().position(|t| t.start >= m.span.start)?,
        ),
        None => {
            let w = toks[thing_at].text.to_lowercase();
            let noun = !toks[thing_at].is_capitalised()
                && w.len() > 2
                && !w.ends_with("ly")
                && !matches!(
                    w.as_str(),
                    "its" | "they" | "them" | "this" | "these" | "those" | "who" | "and" | "the"
                );
            if !noun {
                return None;
            }
            // One works under several names: "the plant, which opened in
            // 1987" and "the factory, opened in 1978" are one opening.
            let w = match w.as_str() {
                "factory" | "works" | "facility" => "plant".to_string(),
                _ => w,
            };
            // "the club's new ground opened in 2026" is another ground
            // than the old one.
            match thing_at.checked_sub(1).map(|b| toks[b].text) {
                Some(a) if a.eq_ignore_ascii_case("new") => (format!("new {w}"), thing_at - 1),
                _ => (w, thing_at),
            }
        }
    };
    // "north of Varn", "between the two programmes": the word before, or
    // any of the three before but "of" ("the closure of the plant, which
    // opened in 1978" is the plant's opening).
    let after_preposition = toks[first.saturating_sub(3)..first]
        .iter()
        .rev()
        .enumerate()
        .any(|(n, t)| {
            let w = t.text.to_lowercase();
            crate::attribution::PREPOSITIONS_BEFORE_NAMES.contains(&w.as_str())
                && (n == 0 || w != "of")
        });
    // Founding and opening may be years apart (a school founded, then
    // opened in its own building): each is its own fact.
    let began = if matches!(verb, "founded" | "established") {
        "founded"
    } else {
        "opened"
    };
    (!after_preposition).then(|| format!("{thing} {began}"))
}

/// The speaker a claim at `span` of a sentence is credited to: the
/// statement holding it, else the nearest reporting cue before it, else a
/// statement covering the whole sentence. A statement's speaker is its
/// resolved name, else the words naming it, unless a pronoun ("the
/// embassy": "X said …, and the embassy said the ferry would carry 450
/// cars" is not X's figure).
pub(crate) fn speaker_of(
    text: &str,
    statements: &[Statement],
    sentence_span: Span,
    span: Span,
) -> Option<String> {
    // A described possessor gives what it owns ("The ministry's offer of a
    // 5.4% rise" is the ministry's figure); a name ending so is a name
    // ("Brennholm's").
    let who = |s: &Statement| -> Option<String> {
        let name = s.speaker_name.clone().or_else(|| {
            let written = s.speaker?.slice(text).trim();
            (!written.is_empty() && !crate::is_pronoun_speaker(&written.to_lowercase()))
                .then(|| crosscheck_text::fold_whitespace(written))
        })?;
        let described = name
            .split(' ')
            .next()
            .is_some_and(|w| w.eq_ignore_ascii_case("the"));
        Some(match crate::fold::strip_possessive(&name) {
            owner if described && owner.len() < name.len() => owner.to_string(),
            _ => name,
        })
    };
    let covers = |s: &&Statement| s.content.start <= span.start && s.content.end >= span.end;
    // "X said Y, which holds 14,500 people, ..." and "X said the
    // ministers were expected to sign ...": what follows a reporting cue
    // is reported, even past where the tagged content stopped or inside
    // a nested statement without a speaker; the nearest such cue before
    // the figure.
    let reported = || {
        statements
            .iter()
            .filter(|s| {
                !s.cue.is_empty()
                    && s.cue.end <= span.start
                    && s.content.start >= s.cue.end
                    && who(s).is_some()
            })
            .max_by_key(|s| s.cue.end)
    };
    // Of the statements whose content holds the figure, one that names
    // its speaker ("..., the club announced" over a cue without one).
    // A statement without a speaker gives none, so it never stops the
    // search: "The leaflet, said Mira Holm, …, is intended to
    // …" holds a nested cue without one.
    // A reporting cue outranks a stance ("Mira Holm won the election
    // with 54% of the vote, the commission said": the commission's
    // figure, though the tagger reads "won" as Holm's stance too).
    let reporting = |s: &&Statement| {
        s.cue.slice(text).split_whitespace().any(|w| {
            let w = w.to_lowercase();
            w == "according" || crate::lexicon::CUE_WORDS.contains(&w.as_str())
        })
    };
    let mut holding = statements
        .iter()
        .filter(covers)
        .filter(|s| who(s).is_some());
    let first = holding.clone().next();
    holding
        .find(reporting)
        .or(first)
        .or_else(reported)
        .or_else(|| {
            // "..., officials said": the whole sentence is attributed.
            statements
                .iter()
                .find(|s| s.content.start <= sentence_span.start + 2 && who(s).is_some())
        })
        .and_then(who)
}

/// How a date claim's value is shown: as written, without a possessive
/// ("Tuesday's explosion" → "Tuesday"), and with the date it resolves to
/// when it was written relative to the publication date ("Tuesday
/// (2026-03-03)"), so that readers of the facts list need not work it out.
pub(crate) fn date_value_text(d: &DateMention) -> String {
    let written = crate::fold::strip_possessive(d.text.trim());
    match &d.value {
        DateValue::Relative(_) => written.to_string(),
        resolved if d.relative => format!("{written} ({resolved})"),
        _ => written.to_string(),
    }
}

/// Whether the figure at tokens `qs..qe` is a part of a count of passengers
/// and crew ("148 passengers and six crew members"), read off the
/// lower-case words by `at`.
fn crew_breakdown<'w>(at: impl Fn(usize) -> &'w str, qs: usize, qe: usize) -> bool {
    let crew = |w: &str| matches!(w, "crew" | "crewmen" | "crewmembers");
    let passengers = |w: &str| matches!(w, "passengers" | "passenger");
    (passengers(at(qe)) && at(qe + 1) == "and" && (crew(at(qe + 3)) || crew(at(qe + 2))))
        || (crew(at(qe)) && qs >= 2 && at(qs - 1) == "and" && passengers(at(qs - 2)))
}

/// Figures of a count of people that count a part of it, not the whole:
/// groups named side by side ("the blast killed four guards and a
/// driver", "17 miners and 5 rescuers died"), and, beside a figure the
/// sentence gives as a toll's new level, a smaller one of the dead ("six
/// more were pulled from the rubble, taking the toll to 57"; "the toll
/// climbed to 48, after a woman died in hospital"): those newly counted.
/// Returned as indices into `quantities`.
fn parts_of_a_count(
    low: &Lower<'_>,
    quantities: &[Quantity],
    q_ranges: &[(usize, usize)],
    concept_of: &[Option<usize>],
) -> Vec<usize> {
    let at = |k: usize| low.words.get(k).copied().unwrap_or("");
    let id = |qi: usize| concept_of[qi].map(|ci| CONCEPTS[ci].id);
    let people = |qi: usize| id(qi).is_some_and(|c| PEOPLE_COUNTS.contains(&c));
    let mut parts = Vec::new();
    for (qi, q) in quantities.iter().enumerate() {
        if !people(qi) {
            continue;
        }
        // The group's noun, then "and" and another group: one counted by
        // the same concept, or one person ("and a driver"; not "and a
        // further 60", which counts on). ("310 dead and 9,000 without
        // shelter": a noun of the concept's own counts all of them.)
        let Some(noun) = q.noun.as_deref() else {
            continue;
        };
        if concept_of[qi].is_some_and(|ci| CONCEPTS[ci].triggers.contains(&noun)) {
            continue;
        }
        let (qs, qe) = q_ranges[qi];
        // Passengers beside the crew are counted as passengers aboard.
        if id(qi) == Some("aboard") && crew_breakdown(at, qs, qe) {
            continue;
        }
        let Some(and) = (qe..qe + 3).find(|&k| at(k) == "and") else {
            continue;
        };
        if and == qe || at(and - 1) != noun {
            continue;
        }
        let next = q_ranges
            .iter()
            .position(|&(s, _)| s == and + 1)
            // (A verb of harm serves one figure: the second group may
            // have been left without a concept.)
            .filter(|&qj| id(qj) == id(qi) || id(qj).is_none());
        let one_more = matches!(at(and + 1), "a" | "an" | "one")
            && !matches!(
                at(and + 2),
                "further" | "total" | "number" | "few" | "dozen" | "half" | "third" | "record"
            )
            && at(and + 2)
                .chars()
                .all(|c| c.is_ascii_lowercase() || c == '-');
        if let Some(qj) = next {
            parts.extend([qi, qj]);
        } else if one_more {
            parts.push(qi);
        }
    }
    // A list of groups after "included" that opens with a figure ("the
    // victims included four pilgrims, three guides caught in the slide and
    // a bus driver"): each figure in it, up to a word of saying or a
    // semicolon. The list goes on over figures after a comma or "and"
    // ("including 9 children, and wounded some 700" ends it).
    if let Some(list) = (0..low.words.len()).find(|&k| {
        matches!(at(k), "included" | "including" | "include" | "includes")
            && q_ranges.iter().any(|&(s, _)| s == k + 1)
    }) {
        let end = (list..low.words.len())
            .find(|&k| matches!(at(k), ";" | "said" | "says" | "told" | "according"))
            .unwrap_or(low.words.len());
        let mut listed = (0..quantities.len())
            .filter(|&qi| (list + 1..end).contains(&q_ranges[qi].0))
            .collect::<Vec<_>>();
        listed.sort_by_key(|&qi| q_ranges[qi].0);
        for (n, qi) in listed.into_iter().enumerate() {
            if n > 0 && !matches!(at(q_ranges[qi].0 - 1), "," | "and") {
                break;
            }
            if people(qi) {
                parts.push(qi);
            }
        }
    }
    // The toll's new level: "toll" (or "the number of people killed")
    // shortly before, then "to 57", "reached 48", "past 120". The newly
    // counted come before it, or after it with "after", "as" or "when";
    // not "… rose to 64, some 30 died in Lenk", another place's toll.
    let is_level = |qi: usize| {
        let qs = q_ranges[qi].0;
        id(qi) == Some("killed")
            && qs > 0
            && TOLL_LEVEL_BEFORE.contains(&at(qs - 1))
            && (qs.saturating_sub(TOLL_WINDOW)..qs)
                .rev()
                .find(|&k| at(k) == "toll" || (at(k) == "number" && at(k + 1) == "of"))
                .is_some_and(|k| {
                    // No other count of people between: "the toll from
                    // Tuesday's blast at the Lenk plant rose to six", "the
                    // toll from three weeks of frost reached 48".
                    !(0..quantities.len())
                        .any(|qj| people(qj) && (k + 1..qs).contains(&q_ranges[qj].0))
                })
    };
    let level = (0..quantities.len())
        .filter(|&qi| is_level(qi))
        .max_by(|&a, &b| quantities[a].value.total_cmp(&quantities[b].value));
    if let Some(level) = level {
        let (ls, le) = q_ranges[level];
        let newly_counted = |qi: usize| {
            let (qs, _) = q_ranges[qi];
            qs < ls || (le..qs).any(|k| matches!(at(k), "after" | "as" | "when"))
        };
        parts.extend((0..quantities.len()).filter(|&qi| {
            people(qi)
                && !is_level(qi)
                && quantities[qi].value < quantities[level].value
                && newly_counted(qi)
        }));
    }
    parts
}

/// Compass words between a distance and the place it is measured from
/// ("70 km south of Lenk").
const BEARINGS: &[&str] = &[
    "north",
    "south",
    "east",
    "west",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
    "north-east",
    "north-west",
    "south-east",
    "south-west",
];

/// Words for an airfield: a crash's distance "from the runway" and "from
/// Istava airport" are measured from one place.
const AIRFIELD_WORDS: &[&str] = &["runway", "runways", "airport", "airfield", "airstrip"];

/// The place a distance ending at token `qe` is measured from: "6 km from
/// the runway" gives "the airport", "70 km south of Lenk" gives "Lenk";
/// none without "from", "of" or "off" and a name or noun after it.
fn distance_from(toks: &[Token<'_>], low: &Lower<'_>, qe: usize) -> Option<String> {
    let at = |k: usize| low.words.get(k).copied().unwrap_or("");
    let mut k = qe + usize::from(BEARINGS.contains(&at(qe)));
    if !matches!(at(k), "from" | "of" | "off") {
        return None;
    }
    k += 1;
    if matches!(at(k), "the" | "a" | "an") {
        k += 1;
    }
    // "off the coast of Lenk": measured from Lenk.
    if at(k) == "coast" && at(k + 1) == "of" {
        k += 2;
    }
    let word = |k: usize| toks.get(k).is_some_and(|t| t.kind == TokKind::Word);
    let name_end = (k..k + 4)
        .take_while(|&j| word(j) && toks[j].is_capitalised())
        .last()
        .map(|j| j + 1);
    let noun_end = (name_end.unwrap_or(k)..name_end.unwrap_or(k) + 2)
        .take_while(|&j| word(j) && !toks[j].is_capitalised() && at(j).len() > 2)
        .last();
    match (name_end, noun_end) {
        (_, Some(j)) if AIRFIELD_WORDS.contains(&at(j)) => Some("the airport".to_string()),
        (Some(end), _) => Some(
            toks[k..end]
                .iter()
                .map(|t| crate::fold::strip_possessive(t.text))
                .collect::<Vec<_>>()
                .join(" "),
        ),
        (None, Some(j)) => Some(format!("the {}", at(j))),
        (None, None) => None,
    }
}

/// Who won a share of the vote or seats given by the figure at token
/// `qs`: the nearest person or organisation named before it in its
/// sentence ("Mira Holm won the election with 54% of the vote", "Holm's
/// Unity party won 88 of the 150 seats").
fn contestant(toks: &[Token<'_>], qs: usize, mentions: &[Mention]) -> Option<String> {
    let q_start = toks[qs].start;
    // (Not the outlet of a dateline: "STENHAVN (Valley Times) —".)
    let sentence_start = match crate::entities::dateline_end(toks) {
        0 => toks.first()?.start,
        end => toks[end - 1].end,
    };
    mentions
        .iter()
        .rfind(|m| {
            m.span.end <= q_start
                && m.span.start >= sentence_start
                && matches!(m.kind, EntityKind::Person | EntityKind::Organization)
        })
        .map(|m| crate::fold::strip_possessive(&m.text).to_string())
}

/// The thing a per-subject figure belongs to: a name before it in its
/// clause, else the noun a hyphenated figure modifies ("a 32,000-seat
/// stadium"), else the nearest of a few common nouns before it.
fn local_subject(
    toks: &[Token<'_>],
    words: &[(usize, &str)],
    (qs, qe): (usize, usize),
    mentions: &[Mention],
) -> Option<String> {
    let q_start = toks[qs].start;
    let clause_start = toks[..qs]
        .iter()
        .rposition(|t| t.kind == TokKind::Punct && matches!(t.text, ";" | ":" | "—"))
        .map_or(0, |p| toks[p].end);
    const NOUNS: &[&str] = &[
        "stadium", "ground", "plant", "project", "building", "bridge", "deal", "plan", "scheme",
        "corridor", "route", "line", "arena", "tower", "site", "station", "airport", "venue",
        "package",
    ];
    // "a move to a new 32,000-seat stadium", "the 550-seat National
    // Assembly": what the figure describes, before any name earlier in the
    // clause.
    if toks[qs].text.contains('-') {
        if let Some(&(ti, ref w)) = words.iter().find(|(ti, _)| *ti >= qe) {
            if let Some(m) = mentions.iter().find(|m| m.span.start == toks[ti].start) {
                return Some(crate::fold::strip_possessive(&m.text).to_string());
            }
            if toks[ti].text.starts_with(char::is_lowercase) {
                return Some(w.to_string());
            }
        }
    }
    // A name inside commas before the figure is an aside ("The new
    // stadium, on railway land at Osk Road, would cost …", "The committee's
    // plan, which the Senate may vote on, would cost …"): what costs is
    // named before it.
    let commas: Vec<usize> = toks[..qs]
        .iter()
        .filter(|t| t.is_punct(',') && t.start >= clause_start)
        .map(|t| t.start)
        .collect();
    let aside = |m: &Mention| {
        commas
            .windows(2)
            .any(|w| w[0] < m.span.start && m.span.end <= w[1])
    };
    // A person is no thing that costs: "Ana Lind said a support package
    // costing 2 billion crowns …" prices the package.
    if let Some(m) = mentions.iter().rfind(|m| {
        m.span.end <= q_start
            && m.span.start >= clause_start
            && !aside(m)
            && m.kind != EntityKind::Person
    }) {
        return Some(crate::fold::strip_possessive(&m.text).to_string());
    }
    words
        .iter()
        .rev()
        .find(|(ti, w)| *ti < qs && NOUNS.contains(w))
        .map(|(_, w)| w.to_string())
}
