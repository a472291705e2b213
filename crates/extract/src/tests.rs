//! Tests over small pages written for this purpose (invented events).

use super::*;
use std::time::{Duration, Instant};

const ARTICLE: &str = r##"<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Lighthouse keeper retires after forty years | Coastal Courier</title>
  <meta property="article:published_time" content="2024-04-12T09:15:00+01:00">
  <script>var tracking = "do not extract me";</script>
  <style>.nav { color: red }</style>
</head>
<body>
  <header class="site-header">
    <a href="/">Coastal Courier</a>
    <nav class="menu"><ul><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li><li><a href="/weather">Weather</a></li></ul></nav>
  </header>
  <main>
    <article class="article-body">
      <h1>Lighthouse keeper retires after forty years</h1>
      <div class="share-bar social"><a href="#">Share on Facebook</a> <a href="#">Share on X</a> <a href="#">Email</a></div>
      <p>Marta Pellow switched off the lamp at Gullrock lighthouse for the last time on Friday, ending a career that began in the spring of 1984 when the light was still wound by hand every four hours.</p>
      <p>The harbour board said the light would now be monitored remotely from the mainland, and that the keeper&rsquo;s cottage would be turned into a small museum &amp; visitor centre.</p>
      <p>Pellow listed the things she would miss most:</p>
      <ul>
        <li>the sound of the foghorn on winter mornings, which she said she could hear in her sleep,</li>
        <li>the seals that gathered on the rocks below the tower every evening in late summer,</li>
        <li>and the visiting schoolchildren, who always asked whether the stairs ever ended.</li>
      </ul>
      <p>&ldquo;It was never lonely,&rdquo; she said. &ldquo;The sea is very good company, even when it is trying to get in through the windows.&rdquo; The board thanked her for four decades of service and announced a public farewell on the quay next Saturday.</p>
    </article>
  </main>
  <aside class="sidebar"><h3>Most read</h3><ul><li><a href="/a">Ferry timetable changes</a></li><li><a href="/b">Fish market reopens</a></li></ul></aside>
  <footer class="site-footer"><p>&copy; 2024 Coastal Courier. All rights reserved.</p><p><a href="/privacy">Privacy</a> <a href="/terms">Terms</a></p></footer>
</body>
</html>"##;

#[test]
fn article_page() {
    let e = html_to_text(ARTICLE);
    let paras: Vec<&str> = e.text.split("\n\n").collect();
    assert!(
        paras
            .iter()
            .any(|p| p.starts_with("Marta Pellow switched off the lamp")),
        "{}",
        e.text
    );
    assert!(e
        .text
        .contains("keeper’s cottage would be turned into a small museum & visitor centre."));
    assert!(paras.contains(
        &"the seals that gathered on the rocks below the tower every evening in late summer,"
    ));
    assert!(paras
        .iter()
        .any(|p| p.starts_with("“It was never lonely,” she said.")));
    for junk in [
        "Sport",
        "Most read",
        "All rights reserved",
        "do not extract me",
        "color: red",
        "Fish market",
    ] {
        assert!(!e.text.contains(junk), "{junk} leaked into {}", e.text);
    }
    assert_eq!(
        e.title.as_deref(),
        Some("Lighthouse keeper retires after forty years")
    );
    assert_eq!(e.published.as_deref(), Some("2024-04-12T09:15:00+01:00"));
    // Whitespace is folded inside paragraphs; paragraphs are separated by one blank line.
    assert!(!e.text.contains("  "));
    assert!(!e.text.contains("\n\n\n"));
    assert!(paras.iter().all(|p| !p.contains('\n') && !p.is_empty()));
    // What was dropped is accounted for.
    assert!(e
        .removed
        .iter()
        .any(|r| r.text.contains("All rights reserved")));
}

#[test]
fn fragment() {
    let e = html_to_text("<p>One.</p><p>Two.</p>");
    assert_eq!(e.text, "One.\n\nTwo.");
    assert_eq!(e.title, None);
    assert_eq!(e.published, None);
}

#[test]
fn empty_and_blank() {
    for input in [
        "",
        "   \n\t ",
        "<html></html>",
        "<!-- nothing -->",
        "<script>x()</script>",
    ] {
        let e = html_to_text(input);
        assert_eq!(e.text, "", "{input:?}");
    }
}

#[test]
fn short_page_drops_and_reports_furniture() {
    let html = "<html><head><title>Bake sale</title></head><body>\
        <nav><a href='/'>Home</a> <a href='/events'>Events</a></nav>\
        <p>The school bake sale raised 312 euros.</p>\
        <div>Volunteers sold out by noon.</div>\
        <footer>Contact the parents' committee</footer></body></html>";
    let e = html_to_text(html);
    assert_eq!(
        e.text,
        "The school bake sale raised 312 euros.\n\nVolunteers sold out by noon."
    );
    assert_eq!(e.title.as_deref(), Some("Bake sale"));
    assert!(e
        .removed
        .iter()
        .all(|r| r.reason == RemovalReason::Markup || r.reason == RemovalReason::Headline));
    assert!(e.removed.iter().any(|r| r.text.contains("Events")));
    assert!(e
        .removed
        .iter()
        .any(|r| r.text.contains("parents' committee")));
}

#[test]
fn fallback_directly() {
    let html = "<body><header>Site name</header><h2>Tides</h2><p>High water at 6:12.</p>\
        <form><label>Email</label><input></form><aside>Ad</aside><nav>Menu</nav><nav>More</nav></body>";
    let e = fallback(html);
    assert_eq!(e.text, "Tides\n\nHigh water at 6:12.");
    let texts: Vec<&str> = e.removed.iter().map(|r| r.text.as_str()).collect();
    assert_eq!(texts, ["Site name", "Email", "Ad", "Menu\nMore"]);
}

#[test]
fn entities_and_inline_markup() {
    let e = html_to_text("<p>Fish&nbsp;&amp;&nbsp;chips &mdash; <b>&#8364;5</b>, <i>today</i>&#x21;</p><p>a<br>b</p>");
    assert_eq!(e.text, "Fish & chips — €5, today!\n\na\n\nb");
}

#[test]
fn malformed_markup_does_not_panic() {
    let inputs = [
        "<p>Unclosed paragraph one<p>Unclosed paragraph two<div>and a div",
        "<html><body><article><p>The council voted to repave the square. The work will take",
        "<p class=\"unterminated>Quote never ends</p><p>Next.</p>",
        "<<<>>> &&&; &#xZZZ; &#99999999; </p></div></body>",
        "<table><tr><td>Cell one<td>Cell two<tr><td>Row two</table>",
        "<p>\u{0}\u{1}control bytes\u{7f}</p>",
        "</div></div></div><p>Closers first.</p>",
        "<svg><p>inside svg</svg><p>after</p>",
        "<script>unterminated script",
        "<!-- unterminated comment <p>hidden</p>",
    ];
    for input in inputs {
        let _ = html_to_text(input);
        let _ = strip::extract(input);
    }
    assert_eq!(
        html_to_text("<table><tr><td>Cell one<td>Cell two<tr><td>Row two</table>").text,
        "Cell one Cell two\n\nRow two"
    );
}

#[test]
fn deep_nesting_is_guarded() {
    let n = 100_000;
    let mut html = String::with_capacity(n * 12);
    html.push_str("<html><head><title>Deep</title></head><body>");
    for _ in 0..n {
        html.push_str("<div>");
    }
    html.push_str("<p>The bottom of the well.</p>");
    for _ in 0..n {
        html.push_str("</div>");
    }
    html.push_str("<nav>Menu</nav></body></html>");
    let started = Instant::now();
    let e = html_to_text(&html);
    assert!(started.elapsed() < Duration::from_secs(20));
    assert_eq!(e.text, "The bottom of the well.");
    assert_eq!(e.title.as_deref(), Some("Deep"));
    assert_eq!(e.removed.len(), 1);

    // Wide rather than deep: many elements whose end tags may be omitted.
    for unit in [
        "<p>Para.",
        "<li>Item.",
        "<b>bold ",
        "<td>cell",
        "<a href=x>link ",
    ] {
        let html = unit.repeat(20_000);
        let started = Instant::now();
        let e = html_to_text(&html);
        assert!(started.elapsed() < Duration::from_secs(20), "{unit}");
        assert!(!e.text.is_empty(), "{unit}");
    }

    // Unclosed, too.
    let unclosed = "<span>".repeat(n) + "text at the bottom";
    let e = html_to_text(&unclosed);
    assert_eq!(e.text, "text at the bottom");
}

#[test]
fn nesting_depth_counts_explicit_elements() {
    assert_eq!(strip::nesting_depth("<div><div><p>a<p>b</div></div>"), 2);
    assert_eq!(
        strip::nesting_depth("<ul><li>a<li>b<li>c</ul><br><img src=x>"),
        1
    );
    assert_eq!(
        strip::nesting_depth("<script>if (a<b) { '<div>' }</script>"),
        0
    );
    assert_eq!(strip::nesting_depth("<a title='x > y'><b>t</b></a>"), 2);
    assert!(strip::nesting_depth(&"<section>".repeat(1000)) > MAX_NESTING);
}

#[test]
fn strip_extract() {
    let e = strip::extract(
        "<title>T &amp; U</title><script>var x = '<p>no</p>';</script><h1>Head</h1>\
         <p>Body &eacute;t&eacute; <a href='#'>link</a>.</p><footer><p>f1</p><p>f2</p></footer>",
    );
    assert_eq!(e.text, "Head\n\nBody été link.");
    assert_eq!(e.title.as_deref(), Some("T & U"));
    assert_eq!(e.removed.len(), 1);
    assert_eq!(e.removed[0].text, "f1\nf2");
}

#[test]
fn dates_are_normalised() {
    assert_eq!(
        normalize_published("2024-04-12T08:15:00.000Z").as_deref(),
        Some("2024-04-12T08:15:00Z")
    );
    assert_eq!(
        normalize_published("Fri, 12 Apr 2024 08:15:00 GMT").as_deref(),
        Some("2024-04-12T08:15:00Z")
    );
    assert_eq!(
        normalize_published("2024-04-12").as_deref(),
        Some("2024-04-12")
    );
    assert_eq!(normalize_published("April 12"), None);
}
