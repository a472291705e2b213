//! Unit tests for sentence splitting, words, terms and hashing. All example
//! text is invented for these tests.

use super::*;

/// The sentences of `text` as strings.
fn split(text: &str) -> Vec<&str> {
    sentences(text)
        .into_iter()
        .map(|(span, _)| span.slice(text))
        .collect()
}

/// Asserts every span is trimmed and slices `text` cleanly.
fn assert_spans_valid(text: &str) {
    for (span, _) in sentences(text) {
        let s = span.slice(text);
        assert!(!s.is_empty());
        assert_eq!(s, s.trim(), "span not trimmed: {s:?}");
    }
}

#[test]
fn splits_simple_sentences() {
    assert_eq!(
        split("The bridge opened on Monday. Traffic was light! Was it worth it?"),
        vec![
            "The bridge opened on Monday.",
            "Traffic was light!",
            "Was it worth it?"
        ]
    );
}

#[test]
fn keeps_titles_and_dates_together() {
    let text = "Mr. Halvorsen met Dr. Okafor on Jan. 5 at the U.S. Treasury. They spoke briefly.";
    assert_eq!(
        split(text),
        vec![
            "Mr. Halvorsen met Dr. Okafor on Jan. 5 at the U.S. Treasury.",
            "They spoke briefly."
        ]
    );
}

#[test]
fn keeps_common_abbreviations() {
    let text =
        "The U.S. and the U.N. signed the pact on Dec. 12. Gen. Marlow and Sen. Reyes attended. \
                Lt. Col. Brandt was No. 2 in the delegation.";
    assert_eq!(
        split(text),
        vec![
            "The U.S. and the U.N. signed the pact on Dec. 12.",
            "Gen. Marlow and Sen. Reyes attended.",
            "Lt. Col. Brandt was No. 2 in the delegation."
        ]
    );
}

#[test]
fn rejoins_titles_before_names() {
    let text = "Gov. Pell and Rep. Lund met Prof. Aziz and Ms. Khan. Acme Corp. said profits rose.";
    assert_eq!(
        split(text),
        vec![
            "Gov. Pell and Rep. Lund met Prof. Aziz and Ms. Khan.",
            "Acme Corp. said profits rose."
        ]
    );
}

#[test]
fn rejoins_abbreviations_before_numbers() {
    assert_eq!(
        split("The ferry carried approx. 40 cars. It sank."),
        vec!["The ferry carried approx. 40 cars.", "It sank."]
    );
}

#[test]
fn keeps_clock_times_with_days() {
    assert_eq!(
        split("The polls closed at 8 p.m. Tuesday. Counting began at once."),
        vec![
            "The polls closed at 8 p.m. Tuesday.",
            "Counting began at once."
        ]
    );
    assert_eq!(
        split("Troops arrived at 10 a.m. Local residents fled."),
        vec!["Troops arrived at 10 a.m.", "Local residents fled."]
    );
}

#[test]
fn keeps_initials() {
    assert_eq!(
        split("John F. Kennedy was mentioned. J.R.R. Tolkien was quoted. The panel laughed."),
        vec![
            "John F. Kennedy was mentioned.",
            "J.R.R. Tolkien was quoted.",
            "The panel laughed."
        ]
    );
}

#[test]
fn a_unit_with_a_slash_ends_a_sentence() {
    assert_eq!(
        split("Winds reached 150 km/h. The storm killed 17. Ana Lind of the A/B. Team spoke."),
        vec![
            "Winds reached 150 km/h.",
            "The storm killed 17.",
            "Ana Lind of the A/B. Team spoke."
        ]
    );
}

#[test]
fn keeps_decimal_numbers() {
    assert_eq!(
        split("Rates rose to 3.25 percent. The deal was worth $5.3 million. The index hit 1,234.56 points."),
        vec![
            "Rates rose to 3.25 percent.",
            "The deal was worth $5.3 million.",
            "The index hit 1,234.56 points."
        ]
    );
}

#[test]
fn sentence_ends_after_closing_quote() {
    let text = "Supplies should arrive within “the next few weeks.” The port authority declined to comment.";
    assert_eq!(
        split(text),
        vec![
            "Supplies should arrive within “the next few weeks.”",
            "The port authority declined to comment."
        ]
    );
    let straight = "She called it \"a turning point.\" Others disagreed.";
    assert_eq!(
        split(straight),
        vec!["She called it \"a turning point.\"", "Others disagreed."]
    );
}

#[test]
fn quoted_clause_with_attribution_is_one_sentence() {
    assert_eq!(
        split("“We must act,” he said. Then he left the hall."),
        vec!["“We must act,” he said.", "Then he left the hall."]
    );
    assert_eq!(
        split("“Never again!” she shouted. The crowd cheered."),
        vec!["“Never again!” she shouted.", "The crowd cheered."]
    );
}

#[test]
fn splits_after_ellipses() {
    assert_eq!(
        split("He paused... Then he spoke again."),
        vec!["He paused...", "Then he spoke again."]
    );
    assert_eq!(
        split("The talks stalled… Then they resumed."),
        vec!["The talks stalled…", "Then they resumed."]
    );
    assert_eq!(split("Well… maybe not."), vec!["Well… maybe not."]);
}

#[test]
fn splits_after_closed_parenthesis() {
    assert_eq!(
        split("The vote passed (the second attempt.) Critics objected."),
        vec!["The vote passed (the second attempt.)", "Critics objected."]
    );
    assert_eq!(
        split("Shares of Zint (ZNT Inc.) rose."),
        vec!["Shares of Zint (ZNT Inc.) rose."]
    );
}

#[test]
fn line_without_punctuation_is_one_sentence() {
    assert_eq!(
        split("A headline without punctuation"),
        vec!["A headline without punctuation"]
    );
    assert_eq!(split("  padded line  \n"), vec!["padded line"]);
}

#[test]
fn empty_text_has_no_sentences() {
    assert!(sentences("").is_empty());
    assert!(sentences(" \n\n \t\n").is_empty());
}

#[test]
fn paragraphs_are_counted_across_blank_lines() {
    let text = "First one. Second one.\n\nThird one.\n \n\t\n\nFourth one.";
    let got: Vec<(&str, usize)> = sentences(text)
        .into_iter()
        .map(|(s, p)| (s.slice(text), p))
        .collect();
    assert_eq!(
        got,
        vec![
            ("First one.", 0),
            ("Second one.", 0),
            ("Third one.", 1),
            ("Fourth one.", 2)
        ]
    );
}

#[test]
fn sentence_never_crosses_paragraph() {
    let text = "A line with no stop\n\nnext paragraph starts lower case.";
    assert_eq!(
        split(text),
        vec!["A line with no stop", "next paragraph starts lower case."]
    );
}

#[test]
fn short_unpunctuated_line_is_its_own_sentence() {
    let text = "Harbour reopens\nThe harbour reopened on Friday after repairs.";
    let got = sentences(text);
    assert_eq!(
        split(text),
        vec![
            "Harbour reopens",
            "The harbour reopened on Friday after repairs."
        ]
    );
    assert!(got.iter().all(|&(_, p)| p == 0));
}

#[test]
fn wrapped_lines_read_as_spaces() {
    let text = "The council voted on Tuesday to close the\nold library, citing costs. It will\nreopen later.";
    assert_eq!(
        split(text),
        vec![
            "The council voted on Tuesday to close the\nold library, citing costs.",
            "It will\nreopen later."
        ]
    );
}

#[test]
fn windows_line_endings() {
    let text = "One here.\r\n\r\nTwo here.\r\n";
    let got: Vec<(&str, usize)> = sentences(text)
        .into_iter()
        .map(|(s, p)| (s.slice(text), p))
        .collect();
    assert_eq!(got, vec![("One here.", 0), ("Two here.", 1)]);
}

#[test]
fn spans_are_trimmed_and_exact() {
    for text in [
        "  Lead text here.   Next one.  \n\n  Another paragraph… With more.  ",
        "“Quoted,” she said.  \t It ended.",
        "Ünïcödé wörds à la carte. Ça va?\n\nNaïve café owners met.",
        "Heading\nBody text follows here. More body.",
    ] {
        assert_spans_valid(text);
    }
}

#[test]
fn words_keep_abbreviations_numbers_and_contractions() {
    let text = "The U.S. paid $3.25 for 10,000 units; we can't and won’t.";
    let got: Vec<&str> = words(text).into_iter().map(|(_, w)| w).collect();
    assert_eq!(
        got,
        vec![
            "The", "U.S", "paid", "3.25", "for", "10,000", "units", "we", "can't", "and", "won’t"
        ]
    );
}

#[test]
fn words_have_byte_offsets() {
    let text = "Café owners’ strike";
    for (offset, word) in words(text) {
        assert_eq!(&text[offset..offset + word.len()], word);
    }
}

#[test]
fn stop_words_any_case() {
    let a = Analyzer::english();
    assert!(a.is_stop_word("the"));
    assert!(a.is_stop_word("The"));
    assert!(a.is_stop_word("THEY"));
    assert!(a.is_stop_word("can’t"));
    assert!(!a.is_stop_word("minister"));
    assert!(!a.is_stop_word("said"));
}

#[test]
fn stop_word_list_is_lower_case_and_unique() {
    let mut seen = std::collections::HashSet::new();
    for w in stopwords::ENGLISH {
        assert_eq!(*w, w.to_lowercase());
        assert!(seen.insert(*w), "duplicate stop word {w}");
    }
    assert!(stopwords::ENGLISH.len() >= 150);
}

#[test]
fn terms_are_stemmed_without_stop_words() {
    let a = Analyzer::english();
    assert_eq!(
        a.terms("The ministers were meeting in the capital."),
        vec!["minist", "meet", "capit"]
    );
}

#[test]
fn terms_keep_numbers() {
    let a = Analyzer::english();
    assert_eq!(
        a.terms("About 10,000 troops, 3.25 percent"),
        vec!["10000", "troop", "3.25", "percent"]
    );
    assert_eq!(a.terms("In 2024."), vec!["2024"]);
}

#[test]
fn terms_fold_curly_apostrophes() {
    let a = Analyzer::english();
    assert_eq!(a.terms("Korea’s army"), a.terms("Korea's army"));
    assert_eq!(a.terms("Korea’s"), vec!["korea"]);
}

#[test]
fn terms_fold_acronyms() {
    let a = Analyzer::english();
    assert_eq!(a.terms("U.S. officials"), vec!["us", "offici"]);
    assert_eq!(a.terms("US officials"), vec!["us", "offici"]);
    assert_eq!(a.terms("they told us"), vec!["told"]);
    assert_eq!(a.terms("the U.N. envoy"), vec!["un", "envoy"]);
}

#[test]
fn terms_drop_punctuation() {
    let a = Analyzer::english();
    assert_eq!(a.terms("— … !! “” ( )"), Vec::<String>::new());
}

#[test]
fn analyse_builds_sentences_with_terms() {
    let a = Analyzer::english();
    let article = Article {
        id: "x".into(),
        source: None,
        title: None,
        url: None,
        published: None,
        text: "Floods hit the valley. Rescuers arrived.\n\nThe river fell by Friday.".into(),
        removed: vec![],
    };
    let doc = a.analyse(article);
    assert_eq!(doc.sentences.len(), 3);
    assert_eq!(doc.sentence_text(0), "Floods hit the valley.");
    assert_eq!(doc.sentences[0].terms, vec!["flood", "hit", "valley"]);
    assert_eq!(doc.sentences[1].paragraph, 0);
    assert_eq!(doc.sentences[2].paragraph, 1);
    assert_eq!(doc.sentences[2].terms, vec!["river", "fell", "friday"]);
}

#[test]
fn hash_normalisation_ignores_case_quotes_punctuation_and_spacing() {
    let a = "“Floods,” said the  MAYOR.\n\nThe valley’s farms — ruined!";
    let b = "\"floods\" said the mayor The valley's farms ruined";
    assert_eq!(normalize_for_hash(a), normalize_for_hash(b));
    assert_eq!(
        normalize_for_hash(a),
        "floods said the mayor the valleys farms ruined"
    );
    // NFKC folds compatibility forms such as the "ﬁ" ligature and full-width digits.
    assert_eq!(normalize_for_hash("ﬁnal １２"), "final 12");
}

#[test]
fn fold_whitespace_collapses_runs() {
    assert_eq!(fold_whitespace("  a \n\t b  "), "a b");
    // Texts already folded are copied, the others folded, all alike.
    let definition = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
    for t in [
        "",
        " ",
        "a",
        "Holm said so.",
        "Holm  said so.",
        " Holm said so.",
        "Holm said so. ",
        "Holm\tsaid so.",
        "Holm\u{b}said so.",
        "Holm\u{a0}said so.",
        "Holm\u{2003}said so.",
        "Hólm said so.",
        "a\u{1}b",
    ] {
        assert_eq!(fold_whitespace(t), definition(t), "{t:?}");
    }
}

/// Ad-hoc throughput check, not a timed test: `cargo test -p crosscheck-text
/// -- --ignored --nocapture throughput`.
#[test]
#[ignore]
fn throughput() {
    let paragraph = "Mr. Halvorsen met Dr. Okafor on Jan. 5 at the U.S. Treasury, officials said. \
        The ministry’s budget rose 3.25 percent to $5.3 million, and about 10,000 workers were \
        affected. “We must act,” he said.\n\n";
    let text = paragraph.repeat(20_000);
    let a = Analyzer::english();
    let article = Article {
        id: "big".into(),
        source: None,
        title: None,
        url: None,
        published: None,
        text,
        removed: vec![],
    };
    let bytes = article.text.len();
    let start = std::time::Instant::now();
    let doc = a.analyse(article);
    let secs = start.elapsed().as_secs_f64();
    println!(
        "{} sentences, {:.1} MB in {:.2}s = {:.1} MB/s",
        doc.sentences.len(),
        bytes as f64 / 1e6,
        secs,
        bytes as f64 / 1e6 / secs
    );
}

/// Ad-hoc breakdown of where analysis time goes (see `throughput`).
#[test]
#[ignore]
fn throughput_breakdown() {
    let paragraph = "Mr. Halvorsen met Dr. Okafor on Jan. 5 at the U.S. Treasury, officials said. \
        The ministry’s budget rose 3.25 percent to $5.3 million, and about 10,000 workers were \
        affected. “We must act,” he said.\n\n";
    let text = paragraph.repeat(20_000);
    let a = Analyzer::english();
    let mb = text.len() as f64 / 1e6;
    let t = std::time::Instant::now();
    let n = sentences(&text).len();
    println!(
        "sentences: {n} in {:.1} MB/s",
        mb / t.elapsed().as_secs_f64()
    );
    let t = std::time::Instant::now();
    let n = a.terms(&text).len();
    println!("terms: {n} in {:.1} MB/s", mb / t.elapsed().as_secs_f64());
    let t = std::time::Instant::now();
    let n = words(&text).len();
    println!("words: {n} in {:.1} MB/s", mb / t.elapsed().as_secs_f64());
}

#[test]
fn dotted_acronym_before_a_name_does_not_end_the_sentence() {
    let text = "The ministry called it a breach of U.N. Security Council resolutions. Officials in the U.S. The next day they met again.";
    let got: Vec<&str> = sentences(text).iter().map(|(s, _)| s.slice(text)).collect();
    assert_eq!(
        got,
        [
            "The ministry called it a breach of U.N. Security Council resolutions.",
            "Officials in the U.S.",
            "The next day they met again."
        ]
    );
}

#[test]
fn party_and_state_tags_do_not_end_the_sentence() {
    let text = "Rep. Mira Holm, R-N.Y., noted in a column that anger was rising. She \
                flew to Washington, D.C. on Monday.";
    let got: Vec<&str> = sentences(text).iter().map(|(s, _)| s.slice(text)).collect();
    assert_eq!(
        got,
        [
            "Rep. Mira Holm, R-N.Y., noted in a column that anger was rising.",
            "She flew to Washington, D.C. on Monday."
        ]
    );
}

/// A party-and-state tag closing a quotation's attribution ends the
/// sentence when a capitalised word follows; inside brackets or before a
/// comma it does not, nor does a tag-like word that is a name ("D-Day").
#[test]
fn a_party_and_state_tag_can_close_a_sentence() {
    let text = "\"It will pass,\" said Rep. Mira Holm, R-N.Y. Sen. Jonas Ekvall, D-Calif., \
                agreed. Harlow Vane (R-Texas) did not. They met on D-Day. Then they left.";
    let got: Vec<&str> = sentences(text).iter().map(|(s, _)| s.slice(text)).collect();
    assert_eq!(
        got,
        [
            "\"It will pass,\" said Rep. Mira Holm, R-N.Y.",
            "Sen. Jonas Ekvall, D-Calif., agreed.",
            "Harlow Vane (R-Texas) did not.",
            "They met on D-Day.",
            "Then they left."
        ]
    );
}

/// A quotation running on into the next paragraph leaves its opening mark
/// unpaired there; the mark before the quotation's first sentence opens
/// that sentence and does not close the one before.
#[test]
fn an_opening_quote_mark_goes_with_the_sentence_it_opens() {
    for (q, text) in [
        (
            "\"",
            "\"The quay is safe,\" Holm said. \"We checked it twice with Mr. Varn and found \
             nothing.\n\n\"But we will check it again.\"",
        ),
        (
            "``",
            "``The quay is safe,'' Holm said. ``We checked it twice with Mr. Varn and found \
             nothing.\n\n``But we will check it again.''",
        ),
    ] {
        let got: Vec<&str> = sentences(text).iter().map(|(s, _)| s.slice(text)).collect();
        assert_eq!(got.len(), 3, "{got:?}");
        assert!(got[0].ends_with("Holm said."), "{got:?}");
        assert!(got[1].starts_with(&format!("{q}We checked")), "{got:?}");
    }
}

#[test]
fn ascii_words_are_the_unicode_segmenter_s() {
    use unicode_segmentation::UnicodeSegmentation;
    // Random ASCII over the characters the word rules treat apart, and
    // some they do not: every word, offset and boundary must agree.
    let alphabet = b"aZk09_.,;:'\" \n\r\t-!?()/&$%@#e3";
    let mut x: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = |n: usize| {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        (x % n as u64) as usize
    };
    for _ in 0..200_000 {
        let len = next(40);
        let s: String = (0..len)
            .map(|_| char::from(alphabet[next(alphabet.len())]))
            .collect();
        let want: Vec<(usize, &str)> = s.unicode_word_indices().collect();
        assert_eq!(words(&s), want, "{s:?}");
    }
    let prose = "U.S. officials said 10,000 troops (3.25%) can't stay; \
                 the e-mail at 10:30 a.m. read \"Korea's_best\" -- no.";
    let want: Vec<(usize, &str)> = prose.unicode_word_indices().collect();
    assert_eq!(words(prose), want);
}
