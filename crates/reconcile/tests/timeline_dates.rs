//! A sentence is listed once in the timeline, under the date of what it
//! reports, when it also names an earlier event by its day ("Tuesday's
//! explosion"); and a date fact shows the day as written, without the
//! possessive, with the date it resolves to.

mod common;
use common::{invented, run};

#[test]
fn a_referred_to_day_does_not_list_the_sentence_twice() {
    let docs = [
        invented(
            "fenwick-gazette/mill-fire",
            "Fenwick Gazette",
            "2026-05-06",
            "Two more workers were found overnight in the ruins of the Halvard flour mill, \
             bringing the toll of Tuesday's explosion to nine, the county fire service \
             confirmed on Wednesday morning. Investigators will enter the site on Friday.",
        ),
        invented(
            "vell-courier/halvard-mill",
            "Vell Courier",
            "2026-05-05",
            "An explosion tore through the Halvard flour mill in Fenwick on Tuesday, \
             killing seven workers, the county fire service said.",
        ),
    ];
    let facts = run(&docs, &[]);
    let toll: Vec<_> = facts
        .timeline
        .iter()
        .filter(|e| e.text.contains("Two more workers"))
        .collect();
    assert_eq!(toll.len(), 1, "{:#?}", facts.timeline);
    assert_eq!(toll[0].date, "2026-05-06", "{:#?}", facts.timeline);
    // The mill explosion itself is still dated, from the other report.
    assert!(
        facts
            .timeline
            .iter()
            .any(|e| e.date == "2026-05-05" && e.text.contains("tore through")),
        "{:#?}",
        facts.timeline
    );
    // "Tuesday's explosion" dates the explosion: shown as written, resolved.
    let values: Vec<&str> = facts
        .claims
        .iter()
        .filter_map(|c| c.value.as_deref())
        .collect();
    assert!(values.contains(&"Tuesday (2026-05-05)"), "{values:?}");
    assert!(
        !values.iter().any(|v| v.contains("Tuesday's")),
        "{values:?}"
    );
}

#[test]
fn a_year_holding_the_sentence_s_days_does_not_list_it_again() {
    let docs = [invented(
        "fenwick-gazette/envoy",
        "Fenwick Gazette",
        "2026-05-06",
        "Mira Holm, who arrived on Wednesday, was on her second visit to Vell this year, \
         having last come to the capital on 12 February. Elections are due in 2027, and the \
         treaty talks began in March.",
    )];
    let facts = run(&docs, &[]);
    let visit: Vec<&str> = facts
        .timeline
        .iter()
        .filter(|e| e.text.contains("second visit"))
        .map(|e| e.date.as_str())
        .collect();
    assert_eq!(visit, ["2026-02-12", "2026-05-06"], "{:#?}", facts.timeline);
    // A year or month with no day of it in the sentence stays.
    let other: Vec<&str> = facts
        .timeline
        .iter()
        .filter(|e| e.text.contains("Elections"))
        .map(|e| e.date.as_str())
        .collect();
    assert_eq!(other, ["2026-03", "2027"], "{:#?}", facts.timeline);
}

/// A date inside an opening participle's phrase dates what the phrase
/// refers to (an earlier estimate), not what the sentence reports: the
/// sentence is listed once, under the date of its report.
#[test]
fn an_opening_participle_s_date_does_not_list_the_sentence_again() {
    let docs = [invented(
        "vell-courier/varn-troops",
        "Vell Courier",
        "2026-10-28",
        "Doubling the count it gave on Friday, the Ostrian port authority on Monday \
         said that about 900 boats were stuck in the strait. \
         HARLING — Ostria hopes to host its first sailing race in Varn in December.",
    )];
    let facts = run(&docs, &[]);
    let dates: Vec<&str> = facts
        .timeline
        .iter()
        .filter(|e| e.text.contains("Doubling"))
        .map(|e| e.date.as_str())
        .collect();
    assert_eq!(dates, ["2026-10-26"], "{:#?}", facts.timeline);
    // A dateline in capitals is no participle.
    assert!(
        facts
            .timeline
            .iter()
            .any(|e| e.text.contains("sailing race")),
        "{:#?}",
        facts.timeline
    );
}

/// A copy of a sentence in an article without a publication date is one
/// more citation of the same sentence where a dated article resolved its
/// weekday, not an event of its own at the end of the timeline. A weekday
/// the dated sentence did not resolve to stays apart.
#[test]
fn an_undated_copy_joins_the_sentence_its_dated_original_resolved() {
    let undated = |id: &str, text: &str| {
        crosscheck_text::Analyzer::english().analyse(crosscheck_model::Article {
            id: id.into(),
            source: Some("Copy Desk".into()),
            title: None,
            url: None,
            published: None,
            text: text.into(),
            removed: vec![],
        })
    };
    let sentence = "Front leader Mira Holm conceded defeat late on Sunday in Istava.";
    let docs = [
        invented("valden-post/vote", "Valden Post", "2026-09-14", sentence),
        undated("copy/vote", sentence),
        undated(
            "copy/other",
            "Front leader Mira Holm conceded defeat late on Monday in Istava.",
        ),
    ];
    let facts = run(&docs, &[]);
    let of = |text: &str| -> Vec<_> {
        facts
            .timeline
            .iter()
            .filter(|e| e.text.contains(text))
            .collect()
    };
    let sunday = of("late on Sunday");
    assert_eq!(sunday.len(), 1, "{:#?}", facts.timeline);
    assert_eq!(sunday[0].date, "2026-09-13");
    assert_eq!(sunday[0].citations.len(), 2, "{:#?}", sunday[0]);
    assert_eq!(of("late on Monday").len(), 1, "{:#?}", facts.timeline);

    // Each weekday of a sentence dating two days joins its own.
    let sentence = "Pyon Sol-hwa left Varn on Monday and reached Istava on Wednesday.";
    let docs = [
        invented("valden-post/trip", "Valden Post", "2026-09-18", sentence),
        undated("copy/trip", sentence),
    ];
    let facts = run(&docs, &[]);
    let dates: Vec<(&str, usize)> = facts
        .timeline
        .iter()
        .map(|e| (e.date.as_str(), e.citations.len()))
        .collect();
    assert_eq!(
        dates,
        [("2026-09-14", 2), ("2026-09-16", 2)],
        "{:#?}",
        facts.timeline
    );
}
