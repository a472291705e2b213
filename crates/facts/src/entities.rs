//! Entity mentions from capitalisation, titles, name endings and gazetteers.

use std::sync::OnceLock;

use crosscheck_model::Span;

use crate::fold::strip_possessive;
use crate::lexicon::{self, DEMONYM_ENDINGS};
use crate::tagger::{FastSet, PreHashed};
use crate::token::{Lower, TokKind, Token};
use crate::{span_text, EntityKind, Mention};
use std::hash::BuildHasherDefault;

/// A word list of [`crate::lexicon`] as a hash set, built on first use:
/// the lists are consulted several times for every capitalised word, and
/// the longer ones (hundreds of places) cost more to scan than to hash.
/// Hashed with FNV ([`FastSet`]): the keys are short words.
struct WordSet {
    list: &'static [&'static str],
    set: OnceLock<FastSet<&'static str>>,
}

impl WordSet {
    const fn new(list: &'static [&'static str]) -> WordSet {
        WordSet {
            list,
            set: OnceLock::new(),
        }
    }

    fn contains(&self, w: &&str) -> bool {
        self.set
            .get_or_init(|| self.list.iter().copied().collect())
            .contains(w)
    }
}

static NOT_NAMES: WordSet = WordSet::new(lexicon::NOT_NAMES);
static ORG_HEADS: WordSet = WordSet::new(lexicon::ORG_HEADS);
static ORG_SUFFIXES: WordSet = WordSet::new(lexicon::ORG_SUFFIXES);
static TRADE_SUFFIXES: WordSet = WordSet::new(lexicon::TRADE_SUFFIXES);
static OTHER_SUFFIXES: WordSet = WordSet::new(lexicon::OTHER_SUFFIXES);
static PLACES: WordSet = WordSet::new(lexicon::PLACES);
static CITIES: WordSet = WordSet::new(lexicon::CITIES);
static SEATS_OF_GOVERNMENT: WordSet = WordSet::new(lexicon::SEATS_OF_GOVERNMENT);
static PLACE_HEADS: WordSet = WordSet::new(lexicon::PLACE_HEADS);
static PLACE_SUFFIXES: WordSet = WordSet::new(lexicon::PLACE_SUFFIXES);
static TITLES: WordSet = WordSet::new(lexicon::TITLES);

fn is_acronym(w: &str) -> bool {
    // Its characters but full stops: 2 to 6, capitals and digits, two
    // capitals at least.
    let (mut letters, mut capitals) = (0, 0);
    for c in w.chars().filter(|c| *c != '.') {
        if c.is_uppercase() {
            capitals += 1;
        } else if !c.is_ascii_digit() {
            return false;
        }
        letters += 1;
    }
    (2..=6).contains(&letters) && capitals >= 2
}

/// Whether `acro` can abbreviate `expansion` (Schwartz and Hearst 2003):
/// its letters and digits occur in the expansion in order, read from the
/// right, and the first one opens a word. "CBV" fits "Central Bank of
/// Varesia"; "AP" does not fit "South Korea" (a dateline's agency in
/// brackets after a place is not that place's acronym).
pub(crate) fn fits_expansion(acro: &str, expansion: &str) -> bool {
    let short: Vec<char> = acro
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect();
    let long: Vec<char> = expansion.chars().flat_map(char::to_lowercase).collect();
    let mut l = long.len();
    for (k, &c) in short.iter().enumerate().rev() {
        loop {
            if l == 0 {
                return false;
            }
            l -= 1;
            let opens_word = l == 0 || !long[l - 1].is_alphanumeric();
            if long[l] == c && (k > 0 || opens_word) {
                break;
            }
        }
    }
    !short.is_empty()
}

/// Lower-case particles inside personal names.
const NAME_PARTICLES: &[&str] = &[
    "von", "van", "der", "den", "de", "del", "della", "di", "da", "du", "la", "le", "bin", "ibn",
];

/// Time-zone abbreviations written after clock times.
const TIME_ZONES: &[&str] = &[
    "GMT", "UTC", "EST", "EDT", "CST", "CDT", "MST", "MDT", "PST", "PDT", "BST", "CET", "CEST",
    // Era markers ("the sixth century B.C.").
    "B.C", "A.D",
];

/// Whether `word` (any case, a closing full stop allowed) is a time zone or
/// an era marker of [`TIME_ZONES`]: no name, and no figure before it
/// ("0630 gmt").
pub(crate) fn is_time_zone(word: &str) -> bool {
    let w = word.trim_end_matches('.');
    TIME_ZONES.iter().any(|z| z.eq_ignore_ascii_case(w))
}

/// Words that open the name of a storm or a comet ("Super Typhoon Orla",
/// "Comet Varn-Holm"): not a person.
const STORM_HEADS: &[&str] = &[
    "hurricane",
    "typhoon",
    "supertyphoon",
    "cyclone",
    "storm",
    "tropical",
    "super",
    "comet",
];

/// Nouns of ships before a ship's name ("the ferry Aldery Star").
const VESSEL_NOUNS: &[&str] = &[
    "ferry",
    "ship",
    "vessel",
    "tanker",
    "freighter",
    "liner",
    "trawler",
    "yacht",
    "steamer",
    "barge",
    "submarine",
    "frigate",
    "destroyer",
];

/// Compass words and their adjectives: alone ("the North", "Western
/// leaders") they point somewhere without naming it.
const DIRECTIONS: &[&str] = &[
    "north", "south", "east", "west", "northern", "southern", "eastern", "western",
];

/// Whether a (lower-cased) word is a title, or a hyphenated title such as
/// "secretary-general" or "mayor-elect".
fn is_title(w: &str) -> bool {
    TITLES.contains(&w) || (w.contains('-') && w.split('-').any(|p| TITLES.contains(&p)))
}

fn lower_bare(w: &str) -> String {
    strip_possessive(w).to_lowercase()
}

/// The number of tokens of the dateline a sentence opens with, 0 if none:
/// a place in capitals, maybe a region and the wire or outlet in brackets,
/// then a dash ("TARVIK, Ostria (AP) —", "LINDHAVEN (Meridian Press)
/// —", "PORT ALDERY, Varesia —").
pub(crate) fn dateline_end(toks: &[Token<'_>]) -> usize {
    dateline(toks).map_or(0, |(_, end)| end)
}

/// The bytes of the dateline a sentence opens with ([`dateline_end`]),
/// its dash included; 0 if none.
pub fn dateline_len(sentence: &str) -> usize {
    let toks = crate::token::tokenize(sentence, 0);
    match dateline_end(&toks) {
        0 => 0,
        end => toks[end - 1].end,
    }
}

/// A sentence's dateline ([`dateline_end`]): the number of tokens of its
/// place, and of the whole dateline.
fn dateline(toks: &[Token<'_>]) -> Option<(usize, usize)> {
    let capitals = |t: &Token<'_>| {
        t.kind == TokKind::Word
            && t.text.chars().any(char::is_alphabetic)
            && !t.text.chars().any(char::is_lowercase)
    };
    let place = toks.iter().take(4).take_while(|t| capitals(t)).count();
    if place == 0 {
        return None;
    }
    let mut k = place;
    // ", Region" (a few capitalised words).
    if toks.get(k).is_some_and(|t| t.is_punct(',')) {
        let mut j = k + 1;
        while j < toks.len() && j <= k + 4 && toks[j].is_capitalised() {
            j += 1;
        }
        if j > k + 1 {
            k = j;
        }
    }
    // "(Wire)".
    if toks.get(k).is_some_and(|t| t.is_punct('(')) {
        let j = (k + 1..toks.len().min(k + 8)).find(|&j| toks[j].is_punct(')'))?;
        k = j + 1;
    }
    match toks.get(k) {
        Some(t) if t.kind == TokKind::Punct && matches!(t.text, "—" | "–" | "--" | "-" | "_") => {
            Some((place, k + 1))
        }
        _ => None,
    }
}

/// Whether `w` is an initial: one capital letter ("J" of "J. Ekvall").
pub(crate) fn is_initial_letter(w: &str) -> bool {
    w.len() == 1 && w.bytes().all(|b| b.is_ascii_uppercase())
}

/// Whether token `i` of a sentence opens it (first token, or after an
/// opening quote, a colon or a dash at the start).
fn is_initial(toks: &[Token<'_>], i: usize) -> bool {
    let mut k = i;
    while k > 0 {
        let p = &toks[k - 1];
        if p.kind == TokKind::Punct && "“\"‘'(:—–-".contains(p.text) {
            if p.text == ":" || p.text == "—" {
                return true;
            }
            k -= 1;
            continue;
        }
        return false;
    }
    true
}

/// Capitalised words seen mid-sentence anywhere in the article (possessive
/// stripped): a sentence-initial word is a name only if it is among them.
#[derive(Debug, Default)]
pub struct CapitalisedInside<'t> {
    /// Each word, and whether it is seen with no capitalised word beside
    /// it ("said Young", not only "Crew Rights Watch").
    words: std::collections::HashMap<&'t str, bool, BuildHasherDefault<PreHashed>>,
}

impl CapitalisedInside<'_> {
    /// Whether `w` is capitalised mid-sentence somewhere.
    pub fn contains(&self, w: &str) -> bool {
        self.words.contains_key(w)
    }

    /// Whether `w` is capitalised mid-sentence as a word of its own.
    fn alone(&self, w: &str) -> bool {
        self.words.get(w).copied().unwrap_or(false)
    }
}

/// The [`CapitalisedInside`] of an article's sentences.
pub fn capitalised_inside<'t>(sentences: &[Vec<Token<'t>>]) -> CapitalisedInside<'t> {
    let mut out = CapitalisedInside::default();
    for toks in sentences {
        for (i, t) in toks.iter().enumerate() {
            if t.is_capitalised() && !is_initial(toks, i) {
                let beside = |k: Option<usize>| {
                    k.and_then(|k| toks.get(k))
                        .is_some_and(|n| n.is_capitalised())
                };
                let alone = !beside(i.checked_sub(1)) && !beside(Some(i + 1));
                *out.words.entry(strip_possessive(t.text)).or_default() |= alone;
            }
        }
    }
    out
}

/// Whether `word` (lower case) is written in lower case in `text`, as a
/// word of its own. (`memchr`'s vectorised search: this reads the whole
/// article, several times per article.)
pub(crate) fn written_in_lower_case(text: &str, word: &str) -> bool {
    let in_word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '-');
    memchr::memmem::find_iter(text.as_bytes(), word.as_bytes()).any(|at| {
        // A match of a whole word starts and ends on character boundaries.
        text.is_char_boundary(at)
            && !in_word(text[..at].chars().next_back())
            && !in_word(text[at + word.len()..].chars().next())
    })
}

/// Whether token `k`, capitalised, is a common noun the article also
/// writes in lower case (not a listed place nor an acronym): the end of a
/// title ("Convention on Piracy"), no name of its own.
fn common_noun(text: &str, toks: &[Token<'_>], low: &Lower<'_>, k: usize) -> bool {
    let w = low.bare[k];
    toks[k].is_capitalised()
        && !known_place(w)
        && !is_acronym(toks[k].text)
        && written_in_lower_case(text, w)
}

/// Whether a name is a country, capital or large region of the compiled-in
/// gazetteer ("Poland", "Warsaw", "North Korea"), whatever its case or
/// diacritics: a place that may contain towns the text never places.
pub fn is_gazetteer_place(name: &str) -> bool {
    PLACES.contains(&place_key(name).as_str())
}

/// A name as the place lists hold it: diacritics folded, lower case, no
/// full stops ("U.S." is "us").
fn place_key(name: &str) -> String {
    crate::fold::fold_diacritics(name)
        .to_lowercase()
        .replace('.', "")
}

/// Whether a word is a country's adjective rather than its name
/// ("Ostrian", "Saudi"; not "Norway").
fn country_adjective(w: &str) -> bool {
    crate::meetings::country_named(w).is_some_and(|c| !c.eq_ignore_ascii_case(w))
}

/// Whether a lower-cased word reads as the adjective of a place of the
/// compiled-in lists that the country table does not list ("tibetan" of
/// Tibet, "kashmiri" of Kashmir, "crimean" of Crimea; the table's own,
/// such as "american", name their country): not a place itself, it is a
/// place with at most its last three letters cut (five kept at least) and
/// an adjective's ending put on ("-en", "-an", "-ar", "-i", "-ic",
/// "-ese", "-ish"; "-n" after a final "a"). A surname that merely opens
/// like a place ("Greenholm", "Tibetsky") is none. Written here because
/// the gazetteer lists places, not their adjectives.
fn place_adjective(lword: &str) -> bool {
    static BY_PREFIX: OnceLock<std::collections::HashMap<&'static str, Vec<&'static str>>> =
        OnceLock::new();
    let by_prefix = BY_PREFIX.get_or_init(|| {
        let mut m: std::collections::HashMap<&'static str, Vec<&'static str>> = Default::default();
        for p in lexicon::PLACES.iter().filter(|p| p.is_ascii()) {
            if let Some(prefix) = p.get(..5) {
                m.entry(prefix).or_default().push(p);
            }
        }
        m
    });
    let Some(places) = lword.get(..5).and_then(|p| by_prefix.get(p)) else {
        return false;
    };
    if known_place(lword) || crate::meetings::country_named(lword).is_some() {
        return false;
    }
    places.iter().any(|place| {
        let common = place
            .bytes()
            .zip(lword.bytes())
            .take_while(|(a, b)| a == b)
            .count();
        let ending = &lword[common..];
        place.len() - common <= 3
            && (["en", "an", "ar", "i", "ic", "ese", "ish"].contains(&ending)
                || (common == place.len() && place.ends_with('a') && ending == "n"))
    })
}

/// Whether a lower-cased name is a place of the compiled-in lists: a
/// country, region or capital ([`is_gazetteer_place`]) or another city.
fn known_place(lname: &str) -> bool {
    PLACES.contains(&lname) || CITIES.contains(&lname)
}

/// Whether a name is a place of the compiled-in lists (a country, region,
/// capital or city, whatever its case or diacritics) that is not as often a
/// person's name: "Oslo", "Sri Lanka", but not "Jordan" or "Washington".
/// Such a name is no short form of a longer name that begins or ends with it
/// (the "Oslo Tribune", "North Africa").
pub fn is_place_not_name(name: &str) -> bool {
    let key = place_key(name);
    known_place(&key) && !NAME_LIKE_PLACES.contains(&key.as_str())
}

/// Places of [`lexicon::PLACES`] that are as often a person's first name or
/// surname ("Jordan", "Chad", "George Washington"): a run holding one may
/// still be a person.
const NAME_LIKE_PLACES: &[&str] = &[
    "georgia",
    "jordan",
    "chad",
    "israel",
    "india",
    "washington",
    "paris",
    "sofia",
    "santiago",
    "lima",
    "america",
    "niger",
    "guinea",
    "lyon",
    "kansas",
    "montana",
    "nevada",
    "dakota",
    "carolina",
    "maine",
];

/// Plural nationality nouns that do not end like a demonym ("Britons",
/// "Swedes"), and "Briton": before names they describe the people named
/// ("Britons Lio Sarto and Pell Arn").
const PLURAL_NATIONALS: &[&str] = &[
    "britons",
    "brits",
    "scots",
    "swedes",
    "danes",
    "finns",
    "poles",
    "turks",
    "kurds",
    "serbs",
    "croats",
    "arabs",
    "thais",
    "iraqis",
    "israelis",
    "pakistanis",
    "saudis",
    "kuwaitis",
    "somalis",
    "afghans",
    "yemenis",
    "omanis",
    "qataris",
    "bangladeshis",
    "nepalis",
    "americans",
    "africans",
    "mexicans",
    "cubans",
    "kenyans",
    "koreans",
    "filipinos",
    "chileans",
    "peruvians",
    "briton",
];

/// Members of faiths, peoples and parties: a run ending in one ("Ostrian
/// Serb", "Harbour Democrats", "Tarvenian Muslims") names a group, not a
/// person.
const GROUP_WORDS: &[&str] = &[
    "muslim",
    "christian",
    "catholic",
    "jew",
    "protestant",
    "shiite",
    "sunni",
    "hindu",
    "buddhist",
    "sikh",
    "democrat",
    "democratic",
    "republican",
    "conservative",
    "liberal",
    "socialist",
    "communist",
    "serb",
    "croat",
    "kurd",
    "kurdish",
    "arab",
];

/// The words of [`GROUP_WORDS`] that name a party's members: alone
/// ("Democrats said"), they stand for the party.
const PARTY_MEMBERS: &[&str] = &[
    "democrat",
    "republican",
    "conservative",
    "liberal",
    "socialist",
    "communist",
];

/// Nouns of events that a name may stand before as a modifier ("the Varn
/// Harbour bombing", "the Kestrel Air crash"): a guessed name so used is
/// rather a place or a thing than a person (a person's mention so used,
/// "the Mira Holm shooting", is outvoted by the person's other mentions).
const EVENT_NOUNS: &[&str] = &[
    "bombing",
    "bombings",
    "attack",
    "attacks",
    "crash",
    "disaster",
    "massacre",
    "explosion",
    "blast",
    "tragedy",
    "hijacking",
    "shooting",
    "fire",
    "earthquake",
    "flood",
    "floods",
];

/// Words of the department a title is "of" ("Secretary of State",
/// "Minister of Foreign Affairs", "Chief of Staff"): with the title they
/// make one title.
const DEPARTMENT_WORDS: &[&str] = &[
    "state",
    "defence",
    "defense",
    "justice",
    "finance",
    "health",
    "education",
    "labor",
    "labour",
    "commerce",
    "transportation",
    "transport",
    "energy",
    "agriculture",
    "interior",
    "treasury",
    "exchequer",
    "staff",
    "war",
    "housing",
    "trade",
    "industry",
    "environment",
    "culture",
    "foreign",
    "affairs",
    "home",
    "homeland",
    "security",
    "veterans",
    "public",
    "works",
    "economy",
    "planning",
    "information",
    "tourism",
    "communications",
    "science",
    "technology",
    "the",
    "and",
];

/// Words that qualify an office ("Prime Minister", "Deputy Mayor",
/// "Attorney General"): with a title and no name after, an office alone.
const OFFICE_WORDS: &[&str] = &[
    "prime",
    "deputy",
    "vice",
    "acting",
    "former",
    "chief",
    "senior",
    "assistant",
    "attorney",
    "surgeon",
    "inspector",
    "lord",
    "first",
];

/// Capitalised words that open names of things, never a person's first name
/// ("World Cup", "Operation Lantern", "Internet Explorer").
const NOT_FIRST_NAMES: &[&str] = &[
    "world",
    "operation",
    "gross",
    "internet",
    "windows",
    "social",
    "air",
    "southeast",
    "southwest",
    "northeast",
    "northwest",
];

/// Second halves of hyphenated modifiers made from a name ("Port
/// Aldery-based", "Ostria-born", "Varn-led", "Ostrian-run"): the word is
/// an adjective; the name before the hyphen is the entity, if any.
const HYPHEN_MODIFIERS: &[&str] = &[
    "based",
    "born",
    "run",
    "led",
    "backed",
    "owned",
    "controlled",
    "made",
    "funded",
    "held",
    "dominated",
    "allied",
    "sponsored",
    "bred",
    "educated",
    "trained",
    "listed",
    "registered",
    "bound",
    "occupied",
    "administered",
    "ruled",
    "brokered",
    "linked",
    "affiliated",
    "oriented",
    "style",
    "wide",
    "area",
    "era",
    "laden",
    "hit",
    "stricken",
    "torn",
    "ravaged",
];

/// The part of a word before a hyphenated modifier ("Aldery" of
/// "Aldery-based"), if it has one.
fn before_modifier(word: &str) -> Option<&str> {
    let (head, tail) = word.rsplit_once('-')?;
    (!head.is_empty()
        && HYPHEN_MODIFIERS
            .iter()
            .any(|m| m.eq_ignore_ascii_case(tail)))
    .then_some(head)
}

/// American states as newswire abbreviates them after a town ("Tarvik,
/// Calif."), lower case, without the full stop; the ones written with
/// initials ("N.Y.") are acronyms already. Common knowledge, written here.
const US_STATE_ABBREVIATIONS: &[&str] = &[
    "ala", "ariz", "ark", "calif", "colo", "conn", "del", "fla", "ga", "ill", "ind", "kan", "ky",
    "la", "md", "mass", "mich", "minn", "miss", "mo", "mont", "neb", "nev", "okla", "ore", "pa",
    "tenn", "vt", "va", "wash", "wis", "wyo",
];

/// Whether token `k` is "flight" with its number after it ("Flight 26"):
/// the name before it is an airline's.
fn flight_number_at(toks: &[Token<'_>], low: &Lower<'_>, k: usize) -> bool {
    low.bare.get(k) == Some(&"flight") && toks.get(k + 1).is_some_and(|t| t.kind == TokKind::Number)
}

/// Whether a word is "I" or a contraction of it ("I'm", "I’d").
fn is_first_person(word: &str) -> bool {
    word.strip_prefix('I')
        .is_some_and(|rest| rest.is_empty() || rest.starts_with(['\'', '\u{2019}']))
}

/// Find the mentions of one sentence (`low`: its tokens lower-cased) and
/// append them to `out`.
pub fn find(
    text: &str,
    toks: &[Token<'_>],
    low: &Lower<'_>,
    sentence: usize,
    inside: &CapitalisedInside<'_>,
    out: &mut Vec<Mention>,
) {
    let mut i = 0;
    let first_new = out.len();
    while i < toks.len() {
        // A surname with its particle, written without the given names
        // ("bin Varsi", "de Holm", "da Serra"), is a name from its
        // particle on.
        if !toks[i].is_capitalised() && !opens_surname(toks, i, toks.len()) {
            i += 1;
            continue;
        }
        // A legislator's party and state ("Rep. Mira Holm, R-N.Y.",
        // "(D-Calif.)") names nothing of its own: it had been the
        // speaker of what the legislator said.
        if crosscheck_text::is_party_tag(toks[i].text) {
            i += 1;
            while toks.get(i).is_some_and(|t| {
                t.text == "." || (t.kind == TokKind::Word && is_initial_letter(t.text))
            }) {
                i += 1;
            }
            continue;
        }
        // "I" and its contractions are capitalised but name no one, and
        // end a name before them ("the Charter I'm worried about").
        if is_first_person(toks[i].text) {
            i += 1;
            continue;
        }
        // Grow a run of capitalised words, allowing "of", "and", "for",
        // "the", "de" and a lone apostrophe between them.
        let start = i;
        let mut end = i + 1;
        while let Some(t) = toks.get(end) {
            if t.is_capitalised() && !is_first_person(t.text) {
                end += 1;
                continue;
            }
            let joiner = t.kind == TokKind::Word
                && matches!(
                    t.text,
                    "of" | "and" | "for" | "the" | "de" | "del" | "van" | "von"
                )
                || t.text == "’"
                || t.text == "'"
                || t.text == "&";
            if joiner && toks.get(end + 1).is_some_and(|n| n.is_capitalised()) {
                end += 2;
                continue;
            }
            // "Secretary of the Interior Mira Holm", "the Ministry of the
            // Interior": a title's or a body's department after "of the".
            if t.text == "of"
                && (is_title(low.bare[end - 1]) || ORG_HEADS.contains(&low.bare[end - 1]))
                && low.bare.get(end + 1) == Some(&"the")
                && toks.get(end + 2).is_some_and(|n| {
                    n.is_capitalised() && DEPARTMENT_WORDS.contains(&low.bare[end + 2])
                })
            {
                end += 3;
                continue;
            }
            // An abbreviated word opening a place's name ("St. Aldric",
            // "Mt. Varn", "Ft. Holm"): the name goes on after its full stop.
            if t.text == "."
                && end == start + 1
                && matches!(low.bare[start], "st" | "ste" | "mt" | "ft" | "pt")
                && toks
                    .get(end + 1)
                    .is_some_and(|n| n.is_capitalised() && n.start > t.end)
            {
                end += 2;
                continue;
            }
            // An abbreviated title's full stop ("Gen. Arvo Talmadge",
            // "Sen. Ilse Varn"): the title still opens the name.
            if t.text == "."
                && is_title(low.bare[end - 1])
                && toks.get(end + 1).is_some_and(|n| n.is_capitalised())
            {
                end += 2;
                continue;
            }
            // An initial's full stop ("Jonas L. Ekvall", "J. Ekvall"): the
            // name goes on after a space ("U.S officials", missing its last
            // full stop, is no name).
            if t.text == "."
                && toks[end - 1].kind == TokKind::Word
                && is_initial_letter(toks[end - 1].text)
                && toks
                    .get(end + 1)
                    .is_some_and(|n| n.is_capitalised() && n.start > t.end)
            {
                end += 2;
                continue;
            }
            // Name particles, one or more ("Ursula von der Leyen", "Maria
            // de la Cruz"), between capitalised words.
            let particles = toks[end..]
                .iter()
                .take_while(|t| t.kind == TokKind::Word && NAME_PARTICLES.contains(&t.text))
                .count();
            if particles > 0
                && toks
                    .get(end + particles)
                    .is_some_and(|n| n.is_capitalised())
            {
                end += particles + 1;
                continue;
            }
            break;
        }
        // One word after a capitalised word and a preposition, which the
        // article also writes in lower case, ends a title ("the Varn
        // Convention on Piracy"), and names nothing of its own.
        let title_tail = end == start + 1
            && start >= 2
            && matches!(low.bare[start - 1], "on" | "of" | "for" | "against" | "and")
            && toks[start - 2].is_capitalised()
            && common_noun(text, toks, low, start);
        // Now split the run into sensible pieces.
        if !title_tail {
            push_run(text, toks, low, start, end, sentence, inside, out);
        }
        i = end;
    }
    // A dateline's place in capitals ("RIO DE JANEIRO, Brazil (AP) —") is
    // a place, whatever its words look like, when a region or a wire
    // follows it. A dash alone may follow a heading in capitals ("UPDATE
    // —"): then the place's words must be names the article writes
    // mid-sentence too ("TARVIK —" and "left Tarvik at 6:15").
    let named_elsewhere = |place: usize| {
        toks[..place].iter().all(|t| {
            let mut chars = t.text.chars();
            chars.next().is_some_and(|c| {
                let title: String = std::iter::once(c)
                    .chain(chars.flat_map(char::to_lowercase))
                    .collect();
                inside.contains(&title)
            })
        })
    };
    if let Some((place, end)) =
        dateline(toks).filter(|&(place, end)| end > place + 1 || named_elsewhere(place))
    {
        let place_end = toks[place - 1].end;
        // The region after the comma ("KORVEL, Tarvenia (Meridian Press)
        // —") is a place too: it ends at the wire's bracket or the dash.
        let region_end = toks[(place..end)
            .find(|&k| toks[k].is_punct('(') || k + 1 == end)
            .unwrap_or(end - 1)]
        .start;
        let mut found = false;
        for m in &mut out[first_new..] {
            let opens = m.span.start == toks[0].start && m.span.end <= place_end;
            if opens || (m.span.start > place_end && m.span.end <= region_end) {
                m.kind = EntityKind::Place;
                m.guessed = false;
                found |= opens;
            }
        }
        // A word in capitals opening the text is no name by its shape
        // alone ("BRELLOW —"): the dateline makes it one.
        if !found {
            let span = Span::new(toks[0].start, place_end);
            out.insert(
                first_new,
                Mention {
                    span,
                    text: span_text(text, span).to_string(),
                    kind: EntityKind::Place,
                    sentence,
                    defines: None,
                    title: None,
                    guessed: false,
                },
            );
        }
    }
    // Acronym definitions: "National Process Safety Board (NPSB)".
    for k in first_new..out.len() {
        let m_end = out[k].span.end;
        let pos = toks.iter().position(|t| t.start >= m_end);
        let Some(p) = pos else { continue };
        if !(toks[p].is_punct('(') && toks.get(p + 2).is_some_and(|t| t.is_punct(')'))) {
            continue;
        }
        let acro = toks[p + 1].text;
        if !is_acronym(acro) || !fits_expansion(acro, &out[k].text) {
            continue;
        }
        if let Some(j) = (first_new..out.len()).find(|&j| out[j].span.start == toks[p + 1].start) {
            let expansion = out[k].text.clone();
            out[k].defines = Some(acro.to_string());
            out[j].defines = Some(expansion);
            if out[j].kind == EntityKind::Other || out[j].kind == EntityKind::Organization {
                out[j].kind = out[k].kind;
            }
        }
    }
}

/// Nationality and faith adjectives that do not end like a demonym
/// ("-ian", "-ese", "-ish", "-i"), which stand before place words without
/// naming a place ("the Dutch islands", "a Muslim province").
const NAME_ADJECTIVES: &[&str] = &[
    "dutch",
    "yugoslav",
    "muslim",
    "arab",
    "jewish",
    "christian",
    "catholic",
    "islamic",
    "hindu",
    "buddhist",
    "thai",
    "swiss",
    "greek",
    "french",
    "czech",
    "slovak",
    "afghan",
    "basque",
    "serb",
    "croat",
    "kurd",
    "shiite",
    "sunni",
    "orthodox",
    "protestant",
    "western",
    "eastern",
    "northern",
    "southern",
    "central",
    "federal",
];

/// Offices only a country has: "Hanmor's foreign minister" names a country
/// (a company has a president and a spokesman, not these).
const STATE_OFFICES: &[&str] = &[
    "foreign",
    "prime",
    "defence",
    "defense",
    "interior",
    "parliament",
    "embassy",
    "ambassador",
    "army",
    "navy",
    "capital",
];

/// Lower-case descriptions before a name that make it an organisation
/// ("the rebel group Varn Front", "the carrier Kestrel").
const ORG_NOUNS_BEFORE: &[&str] = &[
    "group",
    "movement",
    "organization",
    "organisation",
    "company",
    "firm",
    "airline",
    "carrier",
    "network",
    "broadcaster",
    "newspaper",
    "daily",
    "militia",
    "faction",
    "union",
];

/// Trades that open a sentence before a company's name ("Retailer
/// Brennholm Foods"; words ending in "maker", "Carmaker", are trades too).
/// Not "firm", an adjective as often ("Firm Ostrian demand …").
const TRADE_NOUNS: &[&str] = &[
    "retailer",
    "insurer",
    "lender",
    "airline",
    "miner",
    "brewer",
    "publisher",
    "broadcaster",
    "supermarket",
    "conglomerate",
    "manufacturer",
    "supplier",
    "shipbuilder",
    "exporter",
    "importer",
    "refiner",
    "utility",
    "company",
    "startup",
];

/// Lower-case descriptions after a name that make it an organisation
/// ("Brennholm news agency", "Tarvik Daily newspaper").
const ORG_DESCRIPTORS: &[&str] = &[
    "news agency",
    "newspaper",
    "daily",
    "broadcaster",
    "wire service",
    "party",
];

/// Whether a capitalised run reads as an adjective before its noun rather
/// than a name: "London-based", "Saudi-owned" (a lower-case part after a
/// hyphen), "Arabic", "Islamic", "Varesian" (adjective endings).
fn adjective_like(last: &str) -> bool {
    last.split('-')
        .skip(1)
        .any(|p| p.starts_with(|c: char| c.is_lowercase()))
        || ["ic", "ian", "ean", "ese", "ish", "an"].iter().any(|suf| {
            last.len() >= suf.len()
                && last.as_bytes()[last.len() - suf.len()..].eq_ignore_ascii_case(suf.as_bytes())
        })
}

/// Whether the words around a single-word name place it: "the port of
/// Namgyo", "the Selk peninsula" (a place word after it, but not one that
/// also names buildings: "Osk station" is no place of its own), or
/// "Hanmor's foreign minister" (a word of [`STATE_OFFICES`] right after
/// the possessive).
fn place_context(toks: &[Token<'_>], low: &Lower<'_>, s: usize, e: usize) -> bool {
    let word = |k: usize| {
        toks.get(k)
            .filter(|t| t.kind == TokKind::Word)
            .map(|_| low.words[k])
    };
    let name = low.bare[s];
    // "the strip of Arab cafes", "the coast of Drevanian islands": an
    // adjective after "of", not the place.
    let nationality =
        DEMONYM_ENDINGS.iter().any(|suf| name.ends_with(suf)) || NAME_ADJECTIVES.contains(&name);
    let before_of = s >= 2
        && !nationality
        && word(s - 1) == Some("of")
        && word(s - 2).is_some_and(|w| PLACE_SUFFIXES.contains(&w));
    let next = word(e);
    // "the Dutch islands", "a Yugoslav republic", "the Northwest coast": an
    // adjective before the place word, not a name of the place.
    let adjective = nationality
        || name.ends_with('i')
        || ["north", "south", "east", "west"]
            .iter()
            .any(|d| name.starts_with(d));
    let place_noun_after = !adjective
        && next.is_some_and(|w| {
            PLACE_SUFFIXES.contains(&w)
                && !matches!(w, "station" | "airport" | "park" | "way" | "state")
        });
    let possessive = strip_possessive(toks[e - 1].text).len() < toks[e - 1].text.len();
    let office_after = possessive && next.is_some_and(|w| STATE_OFFICES.contains(&w));
    before_of || place_noun_after || office_after
}

/// Whether the name ending before token `e` modifies the lower-case noun
/// after it ("in Kestrel software", "at Varn recitals"; not a verb such
/// as "said" or "helped" in "crews from Varn helped", nor an adverb, "in
/// Varn overnight", "in Varn shortly after"): then a preposition
/// before it is the noun's, and says nothing of what the name is.
fn modifies_next(toks: &[Token<'_>], low: &Lower<'_>, e: usize) -> bool {
    toks.get(e).is_some_and(|t| {
        t.kind == TokKind::Word
            && !t.is_capitalised()
            && !crosscheck_text::is_function_word(low.words[e])
            && !low.words[e].ends_with("ed")
            && !low.words[e].ends_with("ly")
            && !lexicon::CUE_WORDS.contains(&low.words[e])
            && !matches!(
                low.words[e],
                "overnight"
                    | "today"
                    | "yesterday"
                    | "tonight"
                    | "tomorrow"
                    | "earlier"
                    | "later"
                    | "now"
                    | "early"
                    | "late"
                    | "last"
                    | "next"
                    | "instead"
                    | "alone"
                    | "itself"
            )
    })
}

/// Whether token `k` of a run ending before `e` is a surname's particle
/// with the surname after it ("bin Varsi", "de Holm").
fn opens_surname(toks: &[Token<'_>], k: usize, e: usize) -> bool {
    k + 1 < e
        && toks[k].text.len() <= 5
        && toks[k + 1].is_capitalised()
        && crate::fold::SURNAME_PARTICLES.contains(&toks[k].text)
}

#[allow(clippy::too_many_arguments)]
fn push_run(
    text: &str,
    toks: &[Token<'_>],
    low: &Lower<'_>,
    start: usize,
    end: usize,
    sentence: usize,
    inside: &CapitalisedInside<'_>,
    out: &mut Vec<Mention>,
) {
    let mut s = start;
    let mut e = end;
    // Sentence-initial common words are not names.
    while s < e && is_initial(toks, s) {
        let w = low.bare[s];
        // A title opening the sentence opens a name ("Gen. Arvo Talmadge").
        if s + 1 < e && is_title(w) {
            break;
        }
        let bare = strip_possessive(toks[s].text);
        let single = e - s == 1 || !(toks[s + 1].is_capitalised() || opens_surname(toks, s + 1, e));
        // A generic noun that names things only inside longer names ("Bank
        // spokesperson ..."), or a verb or adverb opening the sentence
        // ("Selling Tannery Lane ...").
        let generic = single
            && (ORG_SUFFIXES.contains(&w) || ORG_HEADS.contains(&w) || PLACE_SUFFIXES.contains(&w));
        let verbish = !inside.contains(bare)
            && (w.ends_with("ing") || w.ends_with("ed") || w.ends_with("ly"));
        // A word capitalised mid-sentence only inside longer names, and
        // written in lower case as well ("Crew rights groups …" beside
        // "Crew Rights Watch" and "crew rights"), is a common word.
        // (Asked last: it reads the whole article.)
        let common = || {
            single
                && !inside.alone(bare)
                && !known_place(w)
                && !crosscheck_model::MONTH_NAMES.contains(&w)
                && written_in_lower_case(text, w)
        };
        // A trade opening the sentence describes the name after it
        // ("Carmaker Kestrel Motors said …").
        let trade =
            !single && !inside.contains(bare) && (w.ends_with("maker") || TRADE_NOUNS.contains(&w));
        if NOT_NAMES.contains(&w)
            || generic
            || trade
            || verbish
            || (single && !inside.contains(bare) && !is_acronym(bare) && !known_place(w))
            || common()
        {
            s += 1;
            while s < e && !toks[s].is_capitalised() && !opens_surname(toks, s, e) {
                s += 1;
            }
        } else {
            break;
        }
    }
    // Trim joiners and NOT_NAMES words at the edges (not a surname's
    // particle: "bin Varsi").
    while s < e
        && (!toks[s].is_capitalised() || NOT_NAMES.contains(&low.bare[s]))
        && !opens_surname(toks, s, e)
    {
        s += 1;
    }
    // "Kestrel Air Flight 26": the airline's name, without the flight.
    if e - s >= 2 && flight_number_at(toks, low, e - 1) {
        e -= 1;
    }
    // A party's name before a legislature says who holds it ("the
    // Republican Congress", "a Labour Senate"): the name is the
    // legislature's.
    if e - s == 2
        && matches!(
            low.bare[s],
            "republican"
                | "democratic"
                | "democrat"
                | "conservative"
                | "labour"
                | "labor"
                | "liberal"
                | "socialist"
        )
        && matches!(
            low.bare[s + 1],
            "congress" | "senate" | "house" | "parliament" | "assembly" | "legislature"
        )
    {
        s += 1;
    }
    // A party label before a person's name ("Democrat Mira Holm",
    // "Republican Arlo Prentiss") is not part of it; before a body's name
    // ("Republican National Committee") it is.
    if e - s >= 3
        && matches!(low.bare[s], "democrat" | "republican")
        && toks[s + 1].is_capitalised()
        && !ORG_SUFFIXES.contains(&low.bare[e - 1])
        && !PLACE_SUFFIXES.contains(&low.bare[e - 1])
    {
        s += 1;
    }
    // A title alone ("the President of Ostria", "the Minister and …")
    // names no one; titles that are as often surnames ("King", "Major",
    // "Dean") may be a person's short name.
    if e - s == 1
        && TITLES.contains(&low.bare[s])
        && !matches!(
            low.bare[s],
            "king"
                | "major"
                | "dean"
                | "bishop"
                | "marshal"
                | "judge"
                | "imam"
                | "cardinal"
                | "rabbi"
                | "general"
                | "constable"
                | "sheriff"
        )
    {
        return;
    }
    // A time zone ("10 a.m. GMT") or an era ("B.C.") names no one.
    if e - s == 1 && is_time_zone(toks[s].text) {
        return;
    }
    // A month's abbreviation alone ("Oct. 16") is a date, not a name (full
    // names are left to the rules above: "May" may be Theresa May).
    if e - s == 1
        && crosscheck_model::month_number(toks[s].text).is_some()
        && !crosscheck_model::MONTH_NAMES.contains(&low.bare[s])
    {
        return;
    }
    // … and a weekday at the end: "southern Ormand Friday" names Ormand.
    while e > s
        && (!toks[e - 1].is_capitalised() || crate::lexicon::WEEKDAYS.contains(&low.bare[e - 1]))
    {
        e -= 1;
    }
    if s >= e {
        return;
    }
    // A plural title closing a run of names is the start of the next clause
    // whose full stop the source lost ("… according to Lee Seong-kweun
    // Legislators who attended"): a group of office holders is not part of
    // a person's name. Runs with an organisation word or a joiner ("Council
    // of Ministers") are left to the rules below.
    if e - s >= 2 {
        let last = low.bare[e - 1];
        let plural_title = last.strip_suffix('s').is_some_and(is_title);
        let organisational = (s..e).any(|k| {
            let w = low.bare[k];
            !toks[k].is_capitalised() || ORG_SUFFIXES.contains(&w) || ORG_HEADS.contains(&w)
        });
        if plural_title && !organisational {
            e -= 1;
        }
    }
    // A plural demonym before names is a description: "Ormandians Lio
    // Sarto and Pell Arn", and a country's people by any ending
    // ("Ostrans", the people of Ostra).
    while e - s > 1
        && (low.bare[s].strip_suffix('s').is_some_and(|w| {
            DEMONYM_ENDINGS.iter().any(|suf| w.ends_with(suf)) || country_adjective(w)
        }) || PLURAL_NATIONALS.contains(&low.bare[s]))
        && toks[s + 1].is_capitalised()
    {
        s += 1;
    }
    // A modifier made from a name ("Ostrian-run Varn", "the Port
    // Aldery-based Tarvik Air") ends the name it is made from: what follows
    // is another.
    if let Some(k) = (s..e - 1).find(|&k| before_modifier(toks[k].text).is_some()) {
        push_run(text, toks, low, s, k + 1, sentence, inside, out);
        push_run(text, toks, low, k + 1, e, sentence, inside, out);
        return;
    }
    // Strip a leading title (and a demonym or office word before it).
    let mut title = None;
    let last_title = (s..e).rev().find(|&k| is_title(low.bare[k]));
    // "Princess Mira Airport", "King Varn Road": a title inside the name
    // of a body or a place is part of it.
    let ends_org =
        ORG_SUFFIXES.contains(&low.bare[e - 1]) || PLACE_SUFFIXES.contains(&low.bare[e - 1]);
    // "Secretary of State Mira Holm", "Minister of Defence": the title of
    // a department runs on over "of" and the department's words.
    let department_end = last_title
        .filter(|&k| k + 2 < e && low.bare[k + 1] == "of")
        .and_then(|k| {
            (k + 2..e)
                .take_while(|&j| DEPARTMENT_WORDS.contains(&low.bare[j]))
                .filter(|&j| !matches!(low.bare[j], "the" | "and"))
                .last()
                .map(|j| j + 1)
        });
    if let Some(j) = department_end {
        // A title alone ("the Minister of Defence said") names no one.
        if j == e {
            return;
        }
        title = Some(span_text(text, Span::new(toks[s].start, toks[j - 1].end)));
        s = j;
        while s < e && !toks[s].is_capitalised() {
            s += 1;
        }
    } else if last_title == Some(e - 1)
        && e - s >= 2
        && !(s..e).any(|k| strip_possessive(toks[k].text).len() < toks[k].text.len())
        && {
            // "the Home Secretary", "the Ostrian Ambassador", "Prime
            // Minister": an office with no name after it names no one
            // ("Jonas Major", "Mira Dean" end in a title's word and are
            // names). A possessive owner ("Ostria's Foreign Minister") is
            // left to the rule below.
            let before = low.bare[e - 2];
            DEPARTMENT_WORDS.contains(&before)
                || OFFICE_WORDS.contains(&before)
                || NAME_ADJECTIVES.contains(&before)
                || DEMONYM_ENDINGS.iter().any(|suf| before.ends_with(suf))
                || crate::meetings::country_named(before).is_some()
        }
    {
        // The country the office is of still counts ("the North Ostrian
        // Foreign Minister" names North Ostria).
        if let Some(p) = (1..e - s).rev().find(|&p| {
            crate::meetings::country_named(
                span_text(text, Span::new(toks[s].start, toks[s + p - 1].end)).as_str(),
            )
            .is_some()
        }) {
            push_run(text, toks, low, s, s + p, sentence, inside, out);
        }
        return;
    } else if let Some(k) = last_title {
        // A title before "of" or "and" is of a body or stands alone ("the
        // President of Ostria", "the Ambassador and Norway's …"): the
        // name after it is not the title holder's.
        // A body owned by the title holder ("Prime Minister Jose Varga's
        // Unity Party") still has the holder's name after the title.
        let owned =
            (k + 1..e - 1).any(|j| strip_possessive(toks[j].text).len() < toks[j].text.len());
        if k + 1 < e
            && (!ends_org || owned)
            && !matches!(low.bare[k + 1], "of" | "and" | "for" | "&")
        {
            title = Some(span_text(text, Span::new(toks[s].start, toks[k].end)));
            s = k + 1;
            // Past an abbreviated title's full stop.
            while s < e && !toks[s].is_capitalised() {
                s += 1;
            }
        }
    }
    // A possessive inside a run opens a new name: "South Korea's National
    // Intelligence Service", "Russia's Vladivostok", "Kestrel's Lumen",
    // "Varn's Harbour Office". It stays part of the name when the run is an
    // organisation or place named after its owner, i.e. what follows names
    // a kind of institution or place ("St Brennan's General Hospital",
    // "People's Republic of Korea", "Moody's Investors Service"), unless
    // the owner is a known place or an acronym.
    let named_after_owner = |k: usize| {
        let next = low.bare[k + 1];
        ORG_HEADS.contains(&next)
            || PLACE_HEADS.contains(&next)
            || (k + 1..e).any(|j| {
                let w = low.bare[j];
                ORG_SUFFIXES.contains(&w) || PLACE_SUFFIXES.contains(&w)
            })
    };
    // The owner is a country by its shape ("Ostria's Unity Party"), or a
    // person by the title before it ("Prime Minister Jose Varga's Unity
    // Party"), no founder a body is named after.
    let country_shaped = |owner: &str| {
        !owner.contains(' ')
            && ["ia", "land", "stan"]
                .iter()
                .any(|end| owner.ends_with(end))
    };
    if let Some(k) = (s..e - 1).find(|&k| {
        let bare = strip_possessive(toks[k].text);
        bare.len() < toks[k].text.len() && {
            let owner = span_text(text, Span::new(toks[s].start, toks[k].start + bare.len()));
            is_gazetteer_place(&owner)
                || (k == s && is_acronym(bare))
                || !named_after_owner(k)
                || country_shaped(&owner)
                || title.is_some()
        }
    }) {
        // The owner with its title, for the title to be read again.
        let owner_start = if title.is_some() { start } else { s };
        push_run(text, toks, low, owner_start, k + 1, sentence, inside, out);
        // What follows is a name only if it does not end in a title
        // ("North Korea's Foreign Minister" names nobody).
        if !is_title(low.bare[e - 1]) {
            push_run(text, toks, low, k + 1, e, sentence, inside, out);
        }
        return;
    }
    // Split at "and"/"of"/"the" unless the whole is an organisation or a
    // place ("Fire and Rescue Service", "Bank of Varesia").
    let words: &[&str] = &low.bare[s..e];
    let org_word = |k: usize| {
        let w = low.bare[k];
        ORG_SUFFIXES.contains(&w) || ORG_HEADS.contains(&w)
    };
    let ends_org = org_word(e - 1);
    // "Republic of Korea", "United States of America": a state's official
    // name is one name.
    let state_word = |k: usize| {
        matches!(
            low.bare[k],
            "republic" | "kingdom" | "federation" | "states" | "emirates" | "commonwealth"
        )
    };
    let split_at = (s..e).find(|&k| match toks[k].text {
        // "Bank of Varesia", "Department for Education": kept after an
        // organisation word; "Supporters of Brackwater Athletic": split.
        "of" => k == s || !(org_word(k - 1) || state_word(k - 1)),
        "for" => k == s || !org_word(k - 1),
        // "Ministry of the Interior": kept after an organisation word and
        // "of".
        "the" => {
            k == s
                || !(org_word(k - 1) || (k >= s + 2 && low.bare[k - 1] == "of" && org_word(k - 2)))
        }
        // "Fire and Rescue Service": kept when an organisation name ends
        // the run; "Hanmor and Drevania": split, and so are two bodies,
        // the second named by one word ("the Harbour Board and Senate").
        "and" | "&" => !ends_org || (k > s && k + 2 == e && org_word(k - 1)),
        _ => false,
    });
    if let Some(k) = split_at {
        // "Supporters of Brackwater Athletic will vote": a single word
        // opening the sentence before "of" is a common noun, capitalised
        // only by its place.
        let common_opening = k == s + 1 && toks[k].text == "of" && is_initial(toks, s) && {
            let w = low.bare[s];
            !known_place(w) && !is_acronym(strip_possessive(toks[s].text))
        };
        // A part that is one word the article also writes in lower case
        // is a common noun of a longer title ("Convention on Piracy",
        // "Office of Charts and Soundings"), no name of its own.
        let common_part = |a: usize, b: usize| {
            let a = if low.bare.get(a) == Some(&"the") {
                a + 1
            } else {
                a
            };
            b == a + 1 && common_noun(text, toks, low, a)
        };
        if !common_opening && !common_part(s, k) {
            push_run(text, toks, low, s, k, sentence, inside, out);
        }
        if !common_part(k + 1, e) {
            push_run(text, toks, low, k + 1, e, sentence, inside, out);
        }
        return;
    }
    // "Port Aldery-based": the name is "Port Aldery"; a nationality made a
    // modifier ("Ostrian-born", "Arab-style") names no one.
    let name_text_last = strip_possessive(toks[e - 1].text);
    let modifier_head = before_modifier(name_text_last);
    let name_text_last = modifier_head.unwrap_or(name_text_last);
    let single = e - s == 1;
    if single
        && modifier_head.is_some_and(|w| {
            let w = lower_bare(w);
            adjective_like(&w) || NAME_ADJECTIVES.contains(&w.as_str()) || country_adjective(&w)
        })
    {
        return;
    }
    // A demonym, a faith or a party used as an adjective ("Drevanian
    // port", "Varesian crown", "Muslim leaders", "Democratic senators") is
    // not a name of its own.
    let lone = lower_bare(name_text_last);
    if single
        && (DEMONYM_ENDINGS
            .iter()
            .any(|suf| name_text_last.ends_with(suf))
            || NAME_ADJECTIVES.contains(&lone.as_str())
            || GROUP_WORDS.contains(&lone.as_str())
            || place_adjective(&lone))
        && toks
            .get(e)
            .is_some_and(|t| t.kind == TokKind::Word && !t.is_capitalised())
    {
        return;
    }
    // Compass words and plural demonyms alone ("the North", "Western
    // leaders", "Russians") name no one.
    if single
        && (DIRECTIONS.contains(&lone.as_str())
            || DEMONYM_ENDINGS
                .iter()
                .any(|suf| lone.strip_suffix('s').is_some_and(|w| w.ends_with(suf))))
    {
        return;
    }
    let span = Span::new(toks[s].start, toks[e - 1].start + name_text_last.len());
    let name = span_text(text, span);
    let lname = name.to_lowercase();
    let first = words.first().cloned().unwrap_or_default();
    let last = lone;
    // The nearest word before the name, lower-cased.
    let prev_word = toks[..s]
        .iter()
        .rposition(|t| t.kind == TokKind::Word)
        .map_or("", |j| low.words[j]);
    let next_is = |k: usize, w: &str| toks.get(e + k).is_some_and(|t| t.text == w);
    let mut guessed = false;
    // "Office of Reproductive Rights", "Council for Ferry Safety": an
    // organisation word before "of" or "for" names a body.
    let body_of = words.windows(2).any(|w| {
        (w[1] == "of" || w[1] == "for")
            && (ORG_HEADS.contains(&w[0]) || ORG_SUFFIXES.contains(&w[0]))
    });
    // "the Harbour War", and "the Harbour War II".
    let event_word = OTHER_SUFFIXES.contains(&last.as_str())
        || (matches!(last.as_str(), "ii" | "iii" | "iv")
            && words.len() >= 2
            && OTHER_SUFFIXES.contains(&words[words.len() - 2]));
    // "STENHAVN (Meridian) —": the outlet filing the report.
    let outlet = s > 0 && toks[s - 1].text == "(" && s < dateline_end(toks);
    let kind = if title.is_some() {
        EntityKind::Person
    } else if outlet {
        EntityKind::Organization
    } else if !single && (STORM_HEADS.contains(&first) || (event_word && !body_of)) {
        // "Typhoon Tessel", "Hurricane Orla", "the Asian Games", "the Public
        // Lands Act": an event or a law, not a person.
        EntityKind::Other
    } else if SEATS_OF_GOVERNMENT.contains(&lname.as_str()) {
        // "the White House said": the body, not a person or a building.
        EntityKind::Organization
    } else if single
        && s >= 2
        && toks[s - 1].text == ","
        && toks[s - 2].is_capitalised()
        && next_is(0, ".")
        && US_STATE_ABBREVIATIONS.contains(&lname.as_str())
    {
        // "Tarvik, Calif.": an American state, abbreviated after its
        // town as newswire does.
        EntityKind::Place
    } else if single
        && lname == "house"
        && ["Senate", "Congress", "Representatives"]
            .iter()
            .any(|w| inside.contains(w))
    {
        // "the House" in an article about a legislature is its chamber.
        EntityKind::Organization
    } else if single && is_acronym(&name) {
        if PLACES.contains(&lname.replace('.', "").as_str()) {
            EntityKind::Place
        } else {
            // Initials with full stops shorten places as often as bodies
            // ("N.Y.", "U.N."): a guess, which the full name outvotes.
            guessed = name.contains('.');
            EntityKind::Organization
        }
    } else if flight_number_at(toks, low, e) {
        // "Kestrel Air Flight 26", "a Kestrelair flight 26": an airline.
        EntityKind::Organization
    } else if !single && known_place(&lname) {
        // A listed place whose last word names bodies elsewhere ("the
        // West Bank"): the gazetteer knows the whole name.
        EntityKind::Place
    } else if ORG_SUFFIXES.contains(&last.as_str())
        || (!single && TRADE_SUFFIXES.contains(&last.as_str()))
        || body_of
        // "Tarvik International"; alone the word is an adjective ("abides
        // by International law").
        || (!single && last == "international")
    {
        EntityKind::Organization
    } else if known_place(&lname)
        || (!single && PLACE_SUFFIXES.contains(&last.as_str()))
        || (!single && PLACE_HEADS.contains(&first) && !TITLES.contains(&first))
    {
        EntityKind::Place
    } else if TITLES.contains(&prev_word)
        || (next_is(0, ",") && next_is(1, "who"))
        || (next_is(0, ",")
            && toks
                .get(e + 1)
                .is_some_and(|t| t.kind == TokKind::Number && t.text.len() <= 3)
            // "In Lenk, 47 were hurt": a place's figure, not an age.
            && !PLACE_PREPOSITIONS.contains(&prev_word))
    {
        EntityKind::Person
    } else if single && GROUP_WORDS.contains(&lname.strip_suffix('s').unwrap_or(&lname)) {
        // "Democrats", "Muslims" alone: a party's members, a faith's,
        // never a place for being written after "to" or "in".
        if PARTY_MEMBERS.contains(&lname.strip_suffix('s').unwrap_or(&lname)) {
            EntityKind::Organization
        } else {
            EntityKind::Other
        }
    } else if single
        && ((PLACE_PREPOSITIONS.contains(&prev_word) && !modifies_next(toks, low, e))
            || place_context(toks, low, s, e))
    {
        guessed = true;
        EntityKind::Place
    } else if ORG_DESCRIPTORS.iter().any(|d| {
        d.split(' ')
            .enumerate()
            .all(|(k, w)| low.words.get(e + k).is_some_and(|x| *x == w))
    }) && !adjective_like(name_text_last)
    {
        // "Brennholm news agency", "the Kestrel newspaper": a name its
        // description calls a news outlet or a party.
        guessed = true;
        EntityKind::Organization
    } else if VESSEL_NOUNS.contains(&prev_word) {
        // "the passenger ferry Aldery Star": a ship, no person.
        EntityKind::Other
    } else if !single && person_shaped(toks, low, s, e) {
        guessed = true;
        EntityKind::Person
    } else if low.words.get(e) == Some(&"administration") {
        // "the Holm administration": a leader's, not a place's (a listed
        // country was known above).
        guessed = true;
        EntityKind::Person
    } else if ORG_NOUNS_BEFORE.contains(&prev_word) {
        // "the militant group Varn Front", "the airline Kestrel": a name
        // its description calls a body (evidence: "from Kestrel" elsewhere
        // is a guess).
        EntityKind::Organization
    } else {
        // No kind known: "other" for want of one, which any guess outvotes
        // (unlike the storms, events and laws above, "other" by evidence).
        guessed = true;
        EntityKind::Other
    };
    out.push(Mention {
        span,
        text: name,
        kind,
        sentence,
        defines: None,
        title,
        guessed,
    });
}

/// Whether a run of two or more capitalised words (`toks[s..e]`, a name
/// of no other kind) looks like a person's name: two to four words, and
/// initials ("Jonas L. Ekvall", "Mira O'Dell"; an apostrophe only before a
/// capital), none of them a listed country or city ("Underdog Norway" is
/// no one; "Mira Jordan" may be). Not a name that opens with a word of
/// things ("Operation Lantern") or a country's adjective ("Ostrian Eagle"),
/// that ends in a member of a group ("Ostrian Serb"), a plural people
/// ("Roman Ostrians"; a singular one may be a surname: "Mira Drevanian"), a
/// country's adjective ("Varn American") or a letter ("Group K", but "Mira
/// H., 47," is a name), nor one before an event noun ("the Varn Tarvik
/// bombing").
fn person_shaped(toks: &[Token<'_>], low: &Lower<'_>, s: usize, e: usize) -> bool {
    let words = &low.bare[s..e];
    let first = words[0];
    let last_text = strip_possessive(toks[e - 1].text);
    let last = lower_bare(before_modifier(last_text).unwrap_or(last_text));
    let last = last.as_str();
    let next_is = |k: usize, w: &str| toks.get(e + k).is_some_and(|t| t.text == w);
    let word_like = |t: &Token<'_>| {
        t.text == "."
            || strip_possessive(t.text).split('-').all(|p| {
                let mut chars = p.chars().peekable();
                while let Some(c) = chars.next() {
                    let apostrophe = c == '\'' || c == '’';
                    if !(c.is_alphabetic()
                        || apostrophe && chars.peek().is_some_and(|n| n.is_uppercase()))
                    {
                        return false;
                    }
                }
                true
            })
    };
    words.iter().filter(|w| **w != ".").count() <= 4
        && toks[s..e].iter().all(word_like)
        && !words
            .iter()
            .any(|w| known_place(w) && !NAME_LIKE_PLACES.contains(w))
        && !NOT_FIRST_NAMES.contains(&first)
        && !country_adjective(first)
        // ("Christian" and "Muslim" are given names too.)
        && (!NAME_ADJECTIVES.contains(&first) || matches!(first, "christian" | "muslim"))
        && !GROUP_WORDS.contains(&last.strip_suffix('s').unwrap_or(last))
        && !last
            .strip_suffix('s')
            .is_some_and(|w| DEMONYM_ENDINGS.iter().any(|suf| w.ends_with(suf)))
        && !country_adjective(last)
        && (last.chars().nth(1).is_some() || (next_is(0, ".") && next_is(1, ",")))
        && !toks
            .get(e)
            .is_some_and(|t| t.kind == TokKind::Word && EVENT_NOUNS.contains(&low.words[e]))
        // "the Morrow Star sank": a name after "the" is a thing's or a
        // body's; a person's takes no article, unless an epithet opens it
        // ("the Prophet Elias").
        && !(s > 0
            && low.bare[s - 1] == "the"
            && !matches!(first, "prophet" | "virgin" | "apostle"))
}

/// Prepositions after which a single capitalised word is guessed to be a
/// place ("in Lenk", "near Varn").
const PLACE_PREPOSITIONS: &[&str] = &[
    "in", "at", "from", "to", "near", "into", "across", "outside", "inland",
];
