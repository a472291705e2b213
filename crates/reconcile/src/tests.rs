//! Unit tests of the helpers; the demo-corpus acceptance tests are in
//! `tests/demo.rs`.

use super::*;

#[test]
fn initials_skip_lower_case_words() {
    assert!(initials("Central Bank of Varesia").eq("CBV".chars()));
    assert!(initials("National Process Safety Board").eq("NPSB".chars()));
    assert!(!initials("National Process Safety Board").eq("NPS".chars()));
}

#[test]
fn legal_forms_are_left_out_of_the_key() {
    assert_eq!(
        without_legal_form("Netscape Communications Corp."),
        "Netscape Communications"
    );
    assert_eq!(
        without_legal_form("Brimstead Polymers Ltd"),
        "Brimstead Polymers"
    );
    assert_eq!(without_legal_form("Apple Computer, Inc."), "Apple Computer");
    assert_eq!(without_legal_form("Corp"), "Corp");
    assert_eq!(without_legal_form("Port Aldery"), "Port Aldery");
}

#[test]
fn what_a_date_dates() {
    let role = |sentence: &str, date: &str| {
        let start = sentence.find(date).expect("date in sentence");
        date_role(sentence, Span::new(start, start + date.len()))
    };
    let s = "Crews left Dornfeld on Monday, the regional news agency said on Tuesday.";
    assert_eq!(role(s, "Monday"), DateRole::Event);
    assert_eq!(role(s, "Tuesday"), DateRole::Report);
    let s = "The club has played at Tannery Lane since 1911.";
    assert_eq!(role(s, "1911"), DateRole::Anchor);
    let s = "Nine were killed in Tuesday's blast, the fire service confirmed on Wednesday.";
    assert_eq!(role(s, "Tuesday"), DateRole::Reference);
    assert_eq!(role(s, "Wednesday"), DateRole::Report);
    // A statement dated at its verb is the event: what follows is content.
    let s = "Vass said on Monday that prices would fall by the end of next year.";
    assert_eq!(role(s, "Monday"), DateRole::Event);
    let s = "The mayor said the bridge would reopen on 4 May.";
    assert_eq!(role(s, "4 May"), DateRole::Event);
}

#[test]
fn interchangeable_counted_nouns_share_a_key() {
    assert_eq!(counted_noun_key("soldiers"), "troops");
    assert_eq!(
        counted_noun_key("north korean soldiers"),
        "north korean troops"
    );
    assert_eq!(counted_noun_key("troops"), "troops");
    assert_eq!(counted_noun_key("us service members"), "us troops");
    // Only whole words: a noun that merely ends like one is left alone.
    assert_eq!(counted_noun_key("legionsoldiers"), "legionsoldiers");
    assert_eq!(counted_noun_key("residents"), "residents");
}

#[test]
fn kinds_are_listed_at_their_index() {
    for (i, k) in KINDS.iter().enumerate() {
        assert_eq!(*k as usize, i);
    }
}

#[test]
fn event_weekdays_reads_names_in_any_case() {
    let days = |t: &str| event_weekdays(t, Span::new(0, t.len()));
    assert_eq!(days("The ferry left Tarvik on Tuesday."), 0b10);
    assert_eq!(days("THE FERRY LEFT ON MONDAY"), 0b1);
    assert_eq!(days("The holidays are over, and the ferry left."), 0);
    assert_eq!(
        days("The ferry left, the harbour office said on Friday."),
        0
    );
}
