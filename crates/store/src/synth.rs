//! Synthetic articles for tests and load generation.
//!
//! Every word is generated: invented place and person names built from
//! syllables, a small list of common English words, and numbers from a
//! seeded generator. No real article text is involved. Articles about the
//! same topic share names and figures, so they cluster into stories the way
//! reports of one event do.

use crosscheck_model::{Body, RawArticle};

/// A small deterministic generator (SplitMix64).
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// A generator seeded with `seed`.
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }
    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// A number in `0..n` (`n > 0`).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const SYLLABLES: &[&str] = &[
    "ka", "vel", "mar", "os", "ter", "by", "lun", "dra", "fen", "wick", "tor", "al", "sen", "grim",
    "ho", "lis", "ned", "quar", "ro", "sil", "ta", "um", "var", "zel", "bri", "cor", "dun", "es",
];
const NOUNS: &[&str] = &[
    "workers",
    "residents",
    "officials",
    "engineers",
    "farmers",
    "teachers",
    "drivers",
    "nurses",
    "inspectors",
    "families",
    "students",
    "traders",
];
const EVENTS: &[&str] = &[
    "strike",
    "flood",
    "fire",
    "election",
    "bridge collapse",
    "factory closure",
    "rail outage",
    "harvest failure",
    "water shortage",
    "port blockade",
    "power cut",
    "court ruling",
];
const VERBS: &[&str] = &[
    "gathered",
    "protested",
    "waited",
    "returned",
    "signed",
    "voted",
    "marched",
    "worked",
    "arrived",
    "left",
    "stayed",
    "met",
];
const PLACES: &[&str] = &[
    "the town hall",
    "the harbour",
    "the main square",
    "the station",
    "the river bank",
    "the market",
    "the regional office",
    "the old mill",
];
const DAYS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// An invented capitalised name of two or three syllables.
pub fn name(rng: &mut Rng) -> String {
    let n = 2 + rng.below(2);
    let mut s = String::new();
    for _ in 0..n {
        s.push_str(rng.pick(SYLLABLES));
    }
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => s,
    }
}

/// What articles about one topic share.
#[derive(Debug, Clone)]
struct Topic {
    town: String,
    person: String,
    agency: String,
    event: &'static str,
    figure: usize,
}

fn topic(seed: u64, t: usize) -> Topic {
    let mut rng = Rng::new(seed ^ (t as u64).wrapping_mul(0xA24B_AED4_963E_E407));
    Topic {
        town: name(&mut rng),
        person: format!("{} {}", name(&mut rng), name(&mut rng)),
        agency: format!("{} Authority", name(&mut rng)),
        event: rng.pick(EVENTS),
        figure: 10 + rng.below(990),
    }
}

/// The `i`-th synthetic article of a corpus with `topics` topics: JSON Lines
/// style fields, a plain-text body of 6–10 sentences, an invented outlet
/// and a date in 2031 (articles of a topic within a few days).
pub fn article(seed: u64, topics: usize, i: usize) -> RawArticle {
    let mut rng = Rng::new(seed.wrapping_add((i as u64).wrapping_mul(0x9E37_79B9)));
    let t = rng.below(topics.max(1));
    let tp = topic(seed, t);
    let outlet = format!(
        "{} {}",
        name(&mut Rng::new(seed ^ (rng.below(40) as u64 + 7))),
        "Gazette"
    );
    let mut sentences = Vec::new();
    sentences.push(format!(
        "The {} in {} affected {} {} on {}, the {} said.",
        tp.event,
        tp.town,
        tp.figure,
        rng.pick(NOUNS),
        rng.pick(DAYS),
        tp.agency
    ));
    let n = 6 + rng.below(5);
    for _ in 1..n {
        let s = match rng.below(4) {
            0 => format!(
                "{} told reporters that {} {} near {} after the {}.",
                tp.person,
                rng.pick(NOUNS),
                rng.pick(VERBS),
                rng.pick(PLACES),
                tp.event
            ),
            1 => format!(
                "About {} {} {} in {} on {} as the {} continued.",
                10 + rng.below(500),
                rng.pick(NOUNS),
                rng.pick(VERBS),
                tp.town,
                rng.pick(DAYS),
                tp.event
            ),
            2 => format!(
                "The {} said it expected a full report within {} days.",
                tp.agency,
                2 + rng.below(20)
            ),
            _ => format!(
                "Local {} {} at {} while officials from {} {} reviewed the damage.",
                rng.pick(NOUNS),
                rng.pick(VERBS),
                rng.pick(PLACES),
                name(&mut rng),
                rng.pick(&["County", "District", "Province"]),
            ),
        };
        sentences.push(s);
    }
    let mut text = String::new();
    for (k, s) in sentences.iter().enumerate() {
        if k > 0 {
            text.push_str(if k % 3 == 0 { "\n\n" } else { " " });
        }
        text.push_str(s);
    }
    let day = 1 + (t % 300) / 10 + rng.below(3);
    let month = 1 + (t % 12);
    RawArticle {
        id: format!("synth-{seed}-{i}"),
        origin: format!("synthetic:{i}"),
        source: Some(outlet),
        title: Some(format!(
            "{} {} in {}",
            capitalise(tp.event),
            "update",
            tp.town
        )),
        url: None,
        published: Some(format!(
            "2031-{month:02}-{:02}T{:02}:{:02}:00Z",
            day.min(28),
            rng.below(24),
            rng.below(60)
        )),
        body: Body::Text(text),
    }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deterministic_and_topical() {
        assert_eq!(article(1, 10, 5), article(1, 10, 5));
        assert_ne!(article(1, 10, 5).id, article(1, 10, 6).id);
        let Body::Text(t) = article(1, 10, 5).body else {
            panic!("text body")
        };
        assert!(t.split_whitespace().count() > 50);
    }
}
