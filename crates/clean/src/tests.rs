//! Unit tests of the cleaner. Every example line is invented for these tests.

use super::*;
use RemovalReason::*;

/// A story paragraph long enough to count as a real paragraph.
const BODY: &str = "The regional council approved the new tram line on Thursday after a debate that lasted most of the afternoon.";
const BODY2: &str = "Construction is due to begin next spring, and the first trams should run within three years, officials said.";

fn clean(text: &str) -> Cleaned {
    Cleaner::new().clean(text, None)
}

/// The reason recorded for `line`, if it was removed.
fn reason_of(cleaned: &Cleaned, line: &str) -> Option<RemovalReason> {
    cleaned
        .removed
        .iter()
        .find(|r| r.text == line)
        .map(|r| r.reason)
}

/// Clean `line` placed between two body paragraphs and return its reason.
fn reason_in_body(line: &str) -> Option<RemovalReason> {
    let text = format!("{BODY}\n\n{line}\n\n{BODY2}");
    let cleaned = clean(&text);
    let folded = line.split_whitespace().collect::<Vec<_>>().join(" ");
    let r = reason_of(&cleaned, &folded);
    if r.is_none() {
        assert!(
            cleaned.text.contains(&folded),
            "line neither kept nor removed: {line:?}"
        );
    }
    r
}

fn assert_kept(line: &str) {
    assert_eq!(reason_in_body(line), None, "should keep {line:?}");
}

fn assert_removed(line: &str, reason: RemovalReason) {
    assert_eq!(reason_in_body(line), Some(reason), "reason for {line:?}");
}

#[test]
fn keeps_plain_story() {
    let text = format!("{BODY}\n\n{BODY2}");
    let c = clean(&text);
    assert_eq!(c.text, text);
    assert!(c.removed.is_empty());
    assert_eq!(c.title, None);
}

#[test]
fn output_is_trimmed_folded_and_blank_line_separated() {
    let c = clean("  The   mayor\tspoke briefly.  \nThe crowd listened.\n\n\n\n  It rained.  ");
    assert_eq!(
        c.text,
        "The mayor spoke briefly.\n\nThe crowd listened.\n\nIt rained."
    );
}

#[test]
fn normalises_line_endings_bom_and_zero_width() {
    let c = clean("\u{FEFF}clo\u{200B}se\r\nThe ferry left at dawn.\r\rIt returned at noon.\r\n");
    assert_eq!(c.text, "The ferry left at dawn.\n\nIt returned at noon.");
    assert_eq!(c.removed[0].reason, ButtonLabel);
}

#[test]
fn button_labels() {
    for label in [
        "close",
        "Close",
        "CLOSE ×",
        "Read more",
        "READ MORE »",
        "Share",
        "Share this article",
        "Print",
        "Email",
        "E-mail",
        "Menu",
        "Skip to content",
        "Listen",
        "Listen to this article",
        "Comments",
        "Comments (12)",
        "Show more",
        "Load more",
        "Back to top",
        "Click here",
        "Play",
        "Play video",
        "Next",
        "Previous",
        "Expand",
        "Copy link",
        "Open in app",
    ] {
        assert_removed(label, ButtonLabel);
    }
}

#[test]
fn advertisements() {
    for label in [
        "Advertisement",
        "ADVERTISEMENT",
        "Sponsored",
        "Sponsored content",
        "Story continues below advertisement",
        "Ad",
        "Article continues below",
        "Scroll to continue with content",
    ] {
        assert_removed(label, Advertisement);
    }
}

#[test]
fn teasers() {
    for line in [
        "READ MORE: Harbour authority warns of longer delays at the northern pier",
        "Read more: Why the tram line took a decade to approve",
        "RELATED: Council budget vote postponed again",
        "Related: Council budget vote postponed again",
        "SEE ALSO: Ten years of tram plans in pictures",
        "ALSO READ: Mayor faces questions over contract",
        "WATCH: The moment the vote passed",
        "LISTEN: Our transport podcast on the new line",
        "MORE: Inside the depot where the trams will be built",
        "Recommended: What the new line means for commuters",
        "Click here to read the full council report",
    ] {
        assert_removed(line, Teaser);
    }
}

#[test]
fn captions_and_credits() {
    for line in [
        "FILE PHOTO: A tram passes the old station in the city centre, May 3, 2021. Jane Roe/Pool via REUTERS",
        "PHOTO: Councillors vote in the main chamber",
        "Photo: Jane Roe",
        "Image: a map of the planned route",
        "Picture: Supplied",
        "Caption: The depot site seen from the air",
        "(Photo: Jane Roe/City Gazette)",
        "Commuters wait at a stop in the rain on Monday. Jane Roe/REUTERS",
        "Commuters wait at a stop in the rain (AP Photo/Jane Roe)",
        "The depot site on Tuesday. Photograph: Jane Roe/The Gazette",
        "Workers inspect the rails. Getty Images",
        "Workers inspect the rails on Friday. AFP",
        "Credit: Jane Roe",
        "Image source, Getty Images",
    ] {
        assert_removed(line, Caption);
    }
}

#[test]
fn promotions() {
    for line in [
        "Sign up for our newsletter",
        "Sign up for our daily newsletter to get the latest transport news.",
        "Subscribe to our channel",
        "Follow us on Twitter",
        "Share on Facebook",
        "Get the app",
        "Enable notifications",
        "Facebook Twitter WhatsApp Email",
    ] {
        assert_removed(line, Promotion);
    }
}

#[test]
fn link_lists_with_their_items() {
    let text = format!(
        "{BODY}\n\nMost read\n\nFerry strike ends after two weeks\n\nNew bridge toll explained\n\nWhy the river flooded again\n\n{BODY2}"
    );
    let c = clean(&text);
    assert_eq!(reason_of(&c, "Most read"), Some(LinkList));
    assert_eq!(
        reason_of(&c, "Ferry strike ends after two weeks"),
        Some(LinkList)
    );
    assert_eq!(reason_of(&c, "Why the river flooded again"), Some(LinkList));
    assert_eq!(c.text, format!("{BODY}\n\n{BODY2}"));
    for heading in [
        "Most popular",
        "Trending now",
        "Related stories",
        "More from Transport",
        "Recommended for you",
    ] {
        assert_removed(heading, LinkList);
    }
}

#[test]
fn link_list_at_the_end() {
    let text =
        format!("{BODY}\n\n{BODY2}\n\nRelated stories\n\nTram fares to rise\n\nBus lanes extended");
    let c = clean(&text);
    assert_eq!(c.text, format!("{BODY}\n\n{BODY2}"));
    assert!(c.removed.iter().all(|r| r.reason == LinkList));
}

#[test]
fn tag_lists() {
    for line in [
        "Tags: transport, council, trams",
        "Topics: Transport",
        "Filed under Transport, Local news",
    ] {
        assert_removed(line, TagList);
    }
}

#[test]
fn bylines_and_timestamps() {
    for line in [
        "By Jane Doe",
        "By Jane Doe and John Roe, Reuters",
        "BY JANE DOE",
        "By Jane Doe, Transport Correspondent",
        "Jane Doe | Reuters",
        "Published 10:31 AM EST, Tue March 5, 2024",
        "Updated 2 hours ago",
        "Last modified on Tue 5 Mar 2024 10.31 GMT",
        "5 min read",
        "March 5, 2024",
        "Reporting by Jane Doe; Editing by John Roe",
        "Additional reporting by John Roe in Lisbon",
        "(Reporting by Jane Doe; Editing by John Roe)",
    ] {
        assert_removed(line, Byline);
    }
}

#[test]
fn correction_notes() {
    for line in [
        "Correction: An earlier version misstated the length of the line.",
        "An earlier version of this article gave the wrong date for the vote.",
        "This story has been updated with comment from the mayor.",
        "Editor's note: The author is a former council employee.",
        "Editor’s note: The author is a former council employee.",
    ] {
        assert_removed(line, CorrectionNote);
    }
}

#[test]
fn boilerplate() {
    for line in [
        "© 2024 City Gazette",
        "Copyright 2024 The Gazette Group. All rights reserved.",
        "All rights reserved",
        "Terms of use",
        "Privacy policy",
        "We use cookies to improve your experience on our site.",
        "Cookie settings",
    ] {
        assert_removed(line, Boilerplate);
    }
}

#[test]
fn headline_becomes_title() {
    let text = format!("Council approves new tram line\n\n{BODY}\n\n{BODY2}");
    let c = clean(&text);
    assert_eq!(c.title.as_deref(), Some("Council approves new tram line"));
    assert_eq!(
        reason_of(&c, "Council approves new tram line"),
        Some(Headline)
    );
    assert_eq!(c.text, format!("{BODY}\n\n{BODY2}"));
}

#[test]
fn headline_after_junk_lines() {
    let text = format!("close\n\nclose\n\nCouncil approves new tram line\n\n{BODY}");
    let c = clean(&text);
    assert_eq!(c.title.as_deref(), Some("Council approves new tram line"));
    assert_eq!(c.text, BODY);
}

#[test]
fn known_title_matches_first_line() {
    let text = format!("Council  APPROVES new tram line\n\n{BODY}");
    let c = Cleaner::new().clean(&text, Some("Council approves new tram line"));
    assert_eq!(c.title.as_deref(), Some("Council approves new tram line"));
    assert_eq!(c.removed[0].reason, Headline);
    assert_eq!(c.text, BODY);
}

#[test]
fn known_title_with_punctuation_is_removed() {
    let text = format!("Tram line approved. What happens next?\n\n{BODY}");
    let c = Cleaner::new().clean(&text, Some("Tram line approved. What happens next?"));
    assert_eq!(c.removed[0].reason, Headline);
    assert_eq!(c.text, BODY);
}

#[test]
fn single_unpunctuated_line_is_kept() {
    let c = clean("Council approves new tram line");
    assert_eq!(c.text, "Council approves new tram line");
    assert_eq!(c.title, None);
}

#[test]
fn first_line_with_period_is_not_a_headline() {
    let text = format!("{BODY}\n\n{BODY2}");
    assert_eq!(clean(&text).title, None);
}

#[test]
fn standfirst_repeating_the_lead_is_removed() {
    let text = "Tram line approved\n\nThe regional council approved a new tram line on Thursday after a long debate\n\n\
                The regional council approved the new tram line on Thursday after a debate that lasted most of the afternoon.\n\n\
                Construction starts next spring.";
    let c = clean(text);
    assert_eq!(
        reason_of(
            &c,
            "The regional council approved a new tram line on Thursday after a long debate"
        ),
        Some(Headline)
    );
    assert!(c
        .text
        .starts_with("The regional council approved the new tram line"));
}

#[test]
fn subheadings() {
    let text = format!("{BODY}\n\nWhat happens next\n\n{BODY2}\n\nA decade of delays\n\n{BODY}x");
    let c = clean(&text);
    assert_eq!(reason_of(&c, "What happens next"), Some(Subheading));
    assert_eq!(reason_of(&c, "A decade of delays"), Some(Subheading));
}

#[test]
fn long_unpunctuated_last_line_is_kept() {
    let last = "The council said it would publish the full route and the list of stops before the end of the year";
    let text = format!("{BODY}\n\n{last}");
    assert_eq!(clean(&text).text, text);
}

#[test]
fn dateline_sentence_is_kept() {
    let line = "LISBON, Portugal (AP) — The regional council approved a new tram line on Thursday.";
    assert_kept(line);
}

#[test]
fn fragments() {
    let text = format!("{BODY}\n\nGazette\n\nTram\n\n{BODY2}\n\n***\n\nWeather");
    let c = clean(&text);
    // "Gazette" is followed by a short line: a fragment, not a heading.
    assert_eq!(reason_of(&c, "Gazette"), Some(Fragment));
    assert_eq!(reason_of(&c, "***"), Some(Fragment));
    assert_eq!(reason_of(&c, "Weather"), Some(Fragment));
}

#[test]
fn repeated_lines() {
    let text = format!("{BODY}\n\n{BODY2}\n\n{}", BODY.to_uppercase());
    let c = clean(&text);
    assert_eq!(c.removed.len(), 1);
    assert_eq!(c.removed[0].reason, Repeated);
    assert_eq!(c.text, format!("{BODY}\n\n{BODY2}"));
}

#[test]
fn repeated_headline_is_removed() {
    let text = format!("Tram line approved\n\n{BODY}\n\nTram line approved\n\n{BODY2}");
    let c = clean(&text);
    assert_eq!(c.removed[1].reason, Repeated);
    assert_eq!(c.text, format!("{BODY}\n\n{BODY2}"));
}

#[test]
fn story_sentences_with_junk_words_are_kept() {
    for line in [
        "By Tuesday the ministry had released the full list of stations.",
        "By Tuesday the ministry had released the full list of stations and the planned timetable",
        "By then, most residents had left the valley.",
        "The agency shared photos of the damaged depot on its website.",
        "Read more widely, the report paints a bleaker picture of the network.",
        "Share prices of the tram maker rose 4 percent on the news.",
        "Advertising revenue at the transport authority fell last year.",
        "The photo, taken by a commuter, shows the tram leaving the rails.",
        "A spokesman told Reuters the company would appeal the ruling.",
        "The statement was distributed by AFP on Monday evening.",
        "Officials said the footage had been shared via Reuters",
        "Updated figures released on Monday showed a sharp rise in ridership.",
        "Published estimates put the cost at $2.3 billion.",
        "Related costs, including land purchases, are not yet known.",
        "Copyrighted designs for the trams were filed by the manufacturer.",
        "Correctional officers were also deployed to the station.",
        "Subscribers to the monthly pass will pay 10 percent more.",
        "Follow-up inspections found no further faults.",
        "The mayor said the cookie factory site would become a depot.",
        "Print media coverage of the vote was limited.",
        "Close to 10,000 people signed the petition against the plan.",
        "“Read more carefully,” the judge told the lawyers.",
        "Watch closely: the opposition said it would challenge the decision in court.",
        "More than 200 people attended the meeting.",
        "Photographers gathered outside the council building.",
        "The images were published by Getty Images on Friday.",
        "Tags on the rails showed signs of vandalism, police said.",
        "Sponsored by a local bank, the study was published on Monday.",
        "Breaking news coverage of the vote drew record audiences.",
        "Copyright law was changed in 2019 to cover the tram designs.",
        "Filed in federal court on Monday, the lawsuit seeks damages.",
        "Filed under seal, the documents were released on Friday.",
        "(The photo was later deleted from the account.)",
        "Photos by residents showed water pouring into the tunnel.",
        "Stay informed, officials urged residents in a text alert.",
        "Analysis: the council's own figures suggest the line will lose money.",
        "Contact us if you saw the crash, police said in a statement.",
        "Sign up to the scheme has been slow, officials admitted.",
        "Subscribe rates for the pass rose sharply last year.",
        "Updated 2024 figures show ridership rose by a fifth compared with the year before.",
        "Jane Doe, the council's transport chief, said the line was overdue.",
        "Follow-the-money reporting by local papers exposed the contract.",
        "More than a decade after the first plans, the line is finally approved",
        "Related: the council's earlier attempt at a tram line collapsed in 2012 after costs doubled and the contractor went bust, leaving the city with a half-built depot and a decade of legal disputes.",
    ] {
        assert_kept(line);
    }
}

#[test]
fn bullet_lists_are_kept() {
    let text = format!(
        "{BODY}\n\nThe plan includes:\n\n• Twelve new stops\n\n• A depot in the east\n\n{BODY2}"
    );
    let c = clean(&text);
    assert!(c.removed.is_empty(), "{:?}", c.removed);
}

#[test]
fn hard_wrapped_paragraph_is_joined() {
    let text = "The regional council approved the new tram line on\nThursday after a long debate.\n\nIt rained.";
    let c = clean(text);
    assert_eq!(
        c.text,
        "The regional council approved the new tram line on Thursday after a long debate.\n\nIt rained."
    );
}

#[test]
fn every_removed_line_is_recorded_in_order() {
    let text = format!("close\n\nTram line approved\n\nBy Jane Doe\n\n{BODY}\n\nAdvertisement\n\n{BODY2}\n\nTags: trams");
    let c = clean(&text);
    let got: Vec<(&str, RemovalReason)> = c
        .removed
        .iter()
        .map(|r| (r.text.as_str(), r.reason))
        .collect();
    assert_eq!(
        got,
        vec![
            ("close", ButtonLabel),
            ("Tram line approved", Headline),
            ("By Jane Doe", Byline),
            ("Advertisement", Advertisement),
            ("Tags: trams", TagList),
        ]
    );
    assert_eq!(c.text, format!("{BODY}\n\n{BODY2}"));
}

#[test]
fn empty_input() {
    assert_eq!(clean(""), Cleaned::default());
    assert_eq!(clean("\n \n\r\n"), Cleaned::default());
}

#[test]
fn invented_scraped_page() {
    let page = "\u{FEFF}Skip to content\r\n\
Menu\r\n\
Home > Local > Transport\r\n\
\r\n\
Council approves long-awaited tram line for the eastern districts\r\n\
\r\n\
The 14-kilometre line will link the harbour with the new hospital\r\n\
\r\n\
By Jane Doe, Transport Correspondent\r\n\
Published 9:05 AM GMT, Fri March 8, 2024\r\n\
4 min read\r\n\
\r\n\
Share\r\n\
Facebook Twitter Email\r\n\
\r\n\
LISBON, Portugal (Gazette) — The regional council on Thursday approved a 14-kilometre tram line linking the harbour with the new hospital, ending a decade of delays.\r\n\
\r\n\
Councillors voted 31 to 12 in favour after a debate that ran late into the evening, officials said.\r\n\
\r\n\
A tram stands at the depot on Wednesday. Jane Roe/Gazette via REUTERS\r\n\
\r\n\
Advertisement\r\n\
\r\n\
Costs and timetable\r\n\
\r\n\
The line is expected to cost €410 million, with 60 percent coming from national funds.\r\n\
\r\n\
READ MORE: How the eastern districts were left behind\r\n\
\r\n\
“This is the most important decision this council has taken in years,” Mayor Ana Lemos said.\r\n\
\r\n\
Most read\r\n\
Ferry strike called off\r\n\
Hospital opens new wing\r\n\
\r\n\
Construction will start in the spring and the first trams should run by 2028.\r\n\
\r\n\
Reporting by Jane Doe; Editing by John Roe\r\n\
\r\n\
Tags: Transport, Lisbon, Trams\r\n\
© 2024 The Gazette. All rights reserved.\r\n";
    let c = clean(page);
    let kept: Vec<&str> = c.text.split("\n\n").collect();
    assert_eq!(
        kept,
        vec![
            "LISBON, Portugal (Gazette) — The regional council on Thursday approved a 14-kilometre tram line linking the harbour with the new hospital, ending a decade of delays.",
            "Councillors voted 31 to 12 in favour after a debate that ran late into the evening, officials said.",
            "The line is expected to cost €410 million, with 60 percent coming from national funds.",
            "“This is the most important decision this council has taken in years,” Mayor Ana Lemos said.",
            "Construction will start in the spring and the first trams should run by 2028.",
        ],
        "removed: {:#?}",
        c.removed
    );
    assert_eq!(
        c.title.as_deref(),
        Some("Council approves long-awaited tram line for the eastern districts")
    );
    let reasons: Vec<RemovalReason> = c.removed.iter().map(|r| r.reason).collect();
    for expected in [
        ButtonLabel,
        LinkList,
        Headline,
        Byline,
        Promotion,
        Caption,
        Advertisement,
        Subheading,
        Teaser,
        TagList,
        Boilerplate,
    ] {
        assert!(
            reasons.contains(&expected),
            "missing {expected:?} in {:#?}",
            c.removed
        );
    }
}

#[test]
fn text_without_prose_keeps_its_lines() {
    // A terse wire brief: no line is a sentence, yet all of it is content.
    let c = Cleaner::new().clean(
        "Qtly div nine cts vs eight cts prior\nPay April 30\nRecord April 15\n",
        Some("Lowmarsh Mills raises quarterly dividend"),
    );
    assert!(c.text.contains("Pay April 30"), "{c:?}");
    assert!(c.text.contains("Qtly div nine cts"), "{c:?}");
}

#[test]
fn published_line_gives_the_publication_time() {
    let c = Cleaner::new().clean(
        "Ferry service resumes\n\nPublished 07:45, 9 April 2026\n\nThe Lowmarsh ferry resumed service on Monday after its hull was repaired ahead of schedule.\n",
        None,
    );
    assert_eq!(c.published.as_deref(), Some("2026-04-09T07:45:00"));
    assert!(!c.text.contains("Published"));
}

/// Newswire notes to editors and distribution lines (invented wording in the
/// wires' layout).
#[test]
fn newswire_notes_and_distribution_lines() {
    for line in [
        "(STORY CAN END HERE. OPTIONAL MATERIAL FOLLOWS.)",
        "XXXX END OF STORY",
        "Ormand said, graf 3 pvs",
        "The ferry, 5th graf pvs. (kl)",
        "=01020304 NNNN 10:15 10:15 g # ABC",
        "URGENT",
        "BULLETIN",
    ] {
        assert_eq!(reason_in_body(line), Some(CorrectionNote), "{line}");
    }
    // A wire's header lines: its note of pictures and its reporter's role.
    for line in ["AP Photo", "With AP Photos", "AP Photos Available"] {
        assert_eq!(reason_in_body(line), Some(Caption), "{line}");
    }
    for line in ["Associated Press Writer", "AP Sports Writer"] {
        assert_eq!(reason_in_body(line), Some(Byline), "{line}");
    }
    for line in [
        "For Use By Clients of the Valden Times News Service",
        "Story Filed By Lakeside Newspapers",
        "(Distributed by Valden Times Special Features)",
    ] {
        assert_eq!(reason_in_body(line), Some(Boilerplate), "{line}");
    }
    assert_eq!(
        reason_in_body("On the Net: Ormand ferry timetable: http://www.example.org"),
        Some(LinkList)
    );
    // Story sentences that merely start alike stay.
    for line in [
        "For use by schools, the council bought 40 new tablets, a spokesman said.",
        "Editors at the paper said the story would run on Sunday.",
        "More than 40 ferries were cancelled.",
        "AP photographers were at the quay.",
    ] {
        assert_eq!(reason_in_body(line), None, "{line}");
    }
}
