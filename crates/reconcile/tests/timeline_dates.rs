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
