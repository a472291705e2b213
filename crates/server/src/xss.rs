//! A hostile test article: script, iframe and event-handler payloads in
//! every field, for the escaping tests and the browser test.

/// Id of [`hostile_article`].
pub const HOSTILE_ID: &str = "hostile/<script>alert(1)</script>";

/// A JSON article object whose title, source, url and text carry markup
/// payloads. Any payload that ran would set `window.__xss`.
pub fn hostile_article() -> serde_json::Value {
    let text = [
        "Officials in Kalis said the <script>window.__xss='script'</script> harbour bridge would reopen on Monday after repairs to its deck were finished.",
        "Engineers <img src=x onerror=\"window.__xss='img'\"> inspected the supports for three days, the Kalis Harbour Authority said in a statement.",
        "The authority said <iframe src=\"javascript:window.parent.__xss='iframe'\"></iframe> traffic would be limited to one lane for a week.",
        "Residents <svg onload=\"window.__xss='svg'\"></svg> welcomed the news, though some <a href=\"javascript:window.__xss='link'\">complained</a> about the delay.",
        "A spokesperson for the Kalis Harbour Authority said \"</p><script>window.__xss='quote'</script>\" the bridge had carried 9,000 vehicles a day before it closed.",
    ]
    .join("\n\n");
    serde_json::json!({
        "id": HOSTILE_ID,
        "title": "Kalis bridge <script>window.__xss='title'</script> to reopen <img src=x onerror=\"window.__xss='title-img'\">",
        "source": "<b onmouseover=\"window.__xss='source'\">Kalis Courier</b>",
        "url": "javascript:window.__xss='url'",
        "published": "2026-03-20T08:00:00Z",
        "text": text,
    })
}
