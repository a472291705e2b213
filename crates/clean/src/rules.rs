//! Junk rules: how a single line of page text is recognised as web-page
//! furniture (a button label, an ad marker, a caption, a byline …) rather
//! than a sentence of the story.
//!
//! These label lists and patterns are the product's own know-how, written
//! from the general shape of news pages — never from any particular page's
//! text. Every rule is case-insensitive and tolerant of surrounding
//! punctuation, and each is written so that an ordinary story sentence that
//! merely *mentions* the same words ("The agency shared photos …", "By
//! Tuesday the ministry had …") does not match: labels must be the whole
//! line, prefixes need their colon, and credit/byline shapes need the line to
//! lack sentence punctuation.

use std::collections::HashSet;
use std::sync::LazyLock;

use crosscheck_model::RemovalReason;
use regex::Regex;

/// One line of input, prepared for matching.
#[derive(Debug)]
pub(crate) struct Line {
    /// The line with whitespace folded to single spaces (what is kept).
    pub text: String,
    /// `text` lower-cased with curly quotes made straight.
    pub folded: String,
    /// `folded` reduced to letters and digits, words separated by one space:
    /// "Share this article »" → "share this article".
    pub key: String,
    /// Number of whitespace-separated words.
    pub words: usize,
    /// Whether the line ends with sentence punctuation (possibly followed by
    /// closing quotes or brackets).
    pub terminal: bool,
}

impl Line {
    /// Prepare `raw` (one line, any whitespace) for matching.
    pub fn new(raw: &str) -> Line {
        let text = raw.split_whitespace().collect::<Vec<_>>().join(" ");
        let folded: String = text
            .chars()
            .map(straighten_quote)
            .collect::<String>()
            .to_lowercase();
        let mut key = String::with_capacity(folded.len());
        for c in folded.chars() {
            if c.is_alphanumeric() {
                key.push(c);
            } else if !key.is_empty() && !key.ends_with(' ') && c != '\'' {
                key.push(' ');
            }
        }
        let key = key.trim_end().to_string();
        let words = text.split_whitespace().count();
        let terminal = ends_with_terminal(&text);
        Line {
            text,
            folded,
            key,
            words,
            terminal,
        }
    }

    /// Whether the line has any letter.
    pub fn has_letters(&self) -> bool {
        self.text.chars().any(char::is_alphabetic)
    }

    /// Whether the line ends with a mark that makes it run on into the next
    /// line (a colon introducing a list, a comma, a dash).
    pub fn ends_open(&self) -> bool {
        self.text
            .ends_with([':', ',', ';', '-', '–', '—', '(', '&'])
    }

    /// Whether the line starts with a list bullet.
    pub fn is_bullet(&self) -> bool {
        self.text
            .starts_with(['•', '·', '▪', '●', '◦', '‣', '-', '*', '–', '—'])
    }
}

/// Curly quotes and apostrophes as their straight forms.
pub(crate) fn straighten_quote(c: char) -> char {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{02BC}' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' => '"',
        c => c,
    }
}

/// Words that cannot end a heading or a sentence: a line ending in one runs
/// on into the next line (hard-wrapped text).
const CONTINUATION_WORDS: &[&str] = &[
    "a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "of", "on", "or",
    "than", "that", "the", "to", "with",
];

/// Whether `line` ends with a word that cannot end a sentence ("the", "of").
pub(crate) fn ends_with_continuation_word(line: &Line) -> bool {
    line.key
        .rsplit(' ')
        .next()
        .is_some_and(|w| CONTINUATION_WORDS.contains(&w))
        && line.text.ends_with(char::is_alphabetic)
}

/// Whether `s` ends with terminal punctuation, possibly followed by closing
/// quotes or brackets.
pub(crate) fn ends_with_terminal(s: &str) -> bool {
    let core = s.trim_end_matches(['"', '\'', '”', '’', '»', ')', ']', '*']);
    core.ends_with(['.', '!', '?', '…'])
}

/// A set of `key`s from a list.
fn key_set(list: &[&'static str]) -> HashSet<&'static str> {
    list.iter().copied().collect()
}

/// Compile one of our own patterns (a bad pattern is a programming error).
fn re(pattern: &str) -> Regex {
    Regex::new(pattern).expect("built-in cleaning pattern compiles")
}

/// User-interface labels that make up a whole line.
static BUTTON_LABELS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    key_set(&[
        "close",
        "close x",
        "x",
        "read more",
        "read less",
        "share",
        "share this",
        "share this article",
        "share this story",
        "share article",
        "share story",
        "share page",
        "shares",
        "print",
        "print this page",
        "print article",
        "print this article",
        "email",
        "e mail",
        "email this",
        "menu",
        "main menu",
        "open menu",
        "close menu",
        "skip to content",
        "skip to main content",
        "skip navigation",
        "skip to navigation",
        "skip",
        "listen",
        "listen to this article",
        "listen to article",
        "listen to this story",
        "listen now",
        "comments",
        "comment",
        "view comments",
        "show comments",
        "hide comments",
        "leave a comment",
        "add a comment",
        "add comment",
        "join the conversation",
        "show more",
        "show less",
        "load more",
        "see more",
        "view more",
        "more",
        "back to top",
        "top",
        "scroll to top",
        "return to top",
        "click here",
        "tap here",
        "play",
        "play video",
        "watch video",
        "watch now",
        "watch live",
        "pause",
        "mute",
        "unmute",
        "replay",
        "next",
        "previous",
        "prev",
        "next article",
        "previous article",
        "next story",
        "previous story",
        "expand",
        "collapse",
        "copy link",
        "copy",
        "link copied",
        "copied",
        "copy url",
        "open in app",
        "open app",
        "save",
        "save article",
        "save story",
        "saved",
        "bookmark",
        "follow",
        "following",
        "unfollow",
        "like",
        "reply",
        "search",
        "home",
        "login",
        "log in",
        "sign in",
        "log out",
        "logout",
        "subscribe",
        "subscribe now",
        "sign up",
        "register",
        "gift this article",
        "gift article",
        "give this article",
        "download",
        "zoom",
        "fullscreen",
        "full screen",
        "enlarge",
        "enlarge image",
        "enlarge this image",
        "toggle caption",
        "hide caption",
        "show caption",
        "view image",
        "view gallery",
        "view all",
        "see all",
        "open",
        "cancel",
        "ok",
        "accept",
        "reject",
        "dismiss",
        "continue",
        "continue reading",
        "keep reading",
        "read full article",
        "read the full article",
        "read full story",
        "read the full story",
        "read article",
        "read story",
        "translate",
        "font size",
        "text size",
        "a a",
        "rss",
        "feedback",
        "report an error",
        "report a correction",
        "jump to",
        "sections",
        "live",
        "audio",
        "listen to audio",
        "settings",
        "notifications",
        "more options",
        "options",
        "edit",
        "undo",
        "back",
        "go back",
        "see full article",
        "full article",
        "up next",
        "breaking",
        "breaking news",
        "developing story",
        "live updates",
        "just in",
        "exclusive",
    ])
});

/// Share targets: a line made only of these is a share bar.
static SHARE_TARGETS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    key_set(&[
        "facebook",
        "twitter",
        "x",
        "email",
        "e",
        "mail",
        "whatsapp",
        "linkedin",
        "reddit",
        "pinterest",
        "telegram",
        "messenger",
        "flipboard",
        "instagram",
        "youtube",
        "tiktok",
        "threads",
        "bluesky",
        "mastodon",
        "sms",
        "copy",
        "link",
        "print",
        "share",
        "tumblr",
        "pocket",
        "google",
        "news",
        "via",
        "on",
    ])
});

/// Ad markers that make up a whole line.
static AD_LABELS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    key_set(&[
        "advertisement",
        "advertisements",
        "advertising",
        "ad",
        "ads",
        "advert",
        "sponsored",
        "sponsored content",
        "sponsored post",
        "sponsored links",
        "sponsored stories",
        "paid content",
        "paid post",
        "paid partnership",
        "partner content",
        "promoted",
        "promoted content",
        "promoted stories",
        "promoted links",
        "ad feedback",
        "advertisement feedback",
        "remove ads",
        "ad free",
        "report this ad",
        "skip ad",
        "advertise with us",
        "scroll to continue with content",
        "scroll to continue reading",
        "advertisement scroll to continue",
        "advertisement continue reading below",
        "advertisement skip advertisement",
        "skip advertisement",
        "ad loading",
    ])
});

/// "Story continues below advertisement" and its relatives.
static AD_CONTINUES: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?:(?:the )?(?:story|article|content|text|post) )?(?:continues|continue reading|continued) (?:below|after|under)(?: (?:this |the )?(?:advertisement|ad|advert|video|sponsored content))?$",
    )
});

/// "Sponsored by …" / "Advertisement: …" short lines.
static AD_PREFIX: LazyLock<Regex> = LazyLock::new(|| {
    re(r"^(?:sponsored by|presented by|in partnership with|advertisement\s*[:|-]|paid for by)\s*\S")
});

/// Counters next to a label: "Comments (12)", "34 comments", "1.2k shares".
static LABEL_COUNTER: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?:(?:comments?|replies|shares?|likes?|views?) \d+(?: \d+)?k?|\d+(?: \d+)?k? (?:comments?|replies|shares?|likes?|views?))$",
    )
});

/// Headings that start a list of links to other stories (matched on `key`).
static LINK_LIST_HEADINGS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    key_set(&[
        "most read",
        "most popular",
        "most viewed",
        "most shared",
        "most commented",
        "popular now",
        "popular",
        "trending",
        "trending now",
        "trending stories",
        "trending news",
        "related",
        "related stories",
        "related articles",
        "related content",
        "related coverage",
        "related news",
        "related links",
        "related topics",
        "recommended",
        "recommended for you",
        "recommended stories",
        "recommended reading",
        "you may also like",
        "you might also like",
        "you may be interested in",
        "you might be interested in",
        "more stories",
        "more news",
        "more on this story",
        "more on this topic",
        "more to explore",
        "top stories",
        "latest news",
        "latest stories",
        "latest",
        "what to read next",
        "read next",
        "editor s picks",
        "editors picks",
        "editor s pick",
        "around the web",
        // Newswire: the web sites a story mentions, listed at its end.
        "on the net",
        "on the web",
        "from our partners",
        "from around the web",
        "further reading",
        "also read",
        "see also",
        "read also",
        "must read",
        "don t miss",
        "in case you missed it",
        "elsewhere",
        "explore more",
        "more like this",
        "top picks",
        "most watched",
        "latest videos",
        "more videos",
    ])
});

/// "More from …" headings of link lists.
static LINK_LIST_MORE: LazyLock<Regex> = LazyLock::new(|| {
    re(r"^(?:more (?:from|on|in|about|stories from|news from)|related to|latest from|explore) \S")
});

/// Breadcrumbs and navigation bars: "Home > World > Asia", "News | Sport | Weather".
static NAV_BAR: LazyLock<Regex> =
    LazyLock::new(|| re(r"^[^.!?>|»›/·•]{1,30}(?:\s*[>|»›/·•]\s*[^.!?>|»›/·•]{1,30}){2,}$"));

/// Tag and topic lists: "Tags: a, b", "Topics: …".
static TAG_LIST: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?:tags?|topics?|categories|category|keywords|related topics|related tags|filed under|posted in|more about|subjects?)\s*[:|]\s*\S",
    )
});

/// "Filed under …" without a colon (only on a line without sentence
/// punctuation: "Filed under seal, the papers …" is a sentence).
static TAG_FILED: LazyLock<Regex> = LazyLock::new(|| re(r"^filed under\s+\S"));

/// Teasers linking elsewhere, by a prefix with a colon (or `|`, `»`, `>`).
static TEASER: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r#"^(?:read more|more|related|see also|also read|read also|also see|watch|listen|recommended|read next|up next|must read|don't miss|dont miss|further reading|more coverage|related story|related article|related coverage|top story|go deeper|dive deeper|catch up|keep reading|more on this)\s*[:|»>]\s*\S"#,
    )
});

/// Weaker teaser prefixes, only on a line without sentence punctuation
/// ("Analysis: …" may open a sentence of the story).
static TEASER_WEAK: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r#"^(?:explainer|opinion|analysis|video|live|latest|breaking|in pictures|in photos|photos|read|background|podcast|quiz|poll)\s*[:|»>]\s*\S"#,
    )
});

/// "Click here to …", "Read more about …" and similar short calls to go elsewhere.
static TEASER_CALL: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?:click here|tap here|click to|read more (?:about|on|here|from|at|of)|read the full|read our|see our|find out more|learn more|for more (?:on|about|information|stories|news)|get the latest|see more|watch (?:the|our) (?:full |latest )?(?:video|report|live))\b",
    )
});

/// Caption and credit lines by their opening.
static CAPTION_PREFIX: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r#"^(?:\(\s*)?(?:file photo|file picture|file image|file|photo|photos|photograph|photographer|image|images|picture|pictures|pictured|caption|image caption|media caption|image source|photo source|photo credit|image credit|credit|credits|video|video caption|graphic|illustration|gallery|source image|top image|main image|lead image|above|top)\s*[:|,]\s*\S"#,
    )
});

/// A line that is wholly a parenthesised credit: "(Photo: …)", "(AP Photo/…)".
static CAPTION_PAREN: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^\(\s*(?:(?:ap|afp|reuters|epa|file|getty|staff)\s+)?(?:photo|photograph|picture|image|images|video|credit|footage)s?\b[^()]*\)$",
    )
});

/// A credit at the end of a line without sentence punctuation:
/// "…/REUTERS", "…/Pool via REUTERS", "… Handout via AFP", "…. AFP", "(AP Photo/Jane Roe)", "… Photograph: X/Y".
static CAPTION_CREDIT_TAIL: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?:/\s*(?:[^/]{0,40}\bvia\s+)?|\b(?:handout|pool|supplied|social media|courtesy)\s+via\s+|[.!?]['\x22]?\s+)(?:reuters|afp|ap|epa|efe|ansa|dpa|xinhua|anadolu|kcna|yonhap|kyodo|tass|sputnik|getty images|afp via getty images|getty|shutterstock|alamy|bloomberg|pool|ap photo|epa-efe|reuters tv|handout|supplied|social media)\s*\)?$|\((?:[^()]*\b(?:ap|afp|reuters|epa) photo\b[^()]*|[^()]*\bphoto(?:graph)?s? by\b[^()]*|[^()]*\bgetty images\b[^()]*|(?:ap|afp|reuters|epa)\s*/[^()]*)\)$|\b(?:photograph|photo|picture|image|credit|photo credit|image source)\s*:\s*[^.]{1,80}$|\bgetty images$",
    )
});

/// Share, newsletter, follow and app prompts.
static PROMOTION: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?:sign up (?:for (?:our|my|a free|free)|to (?:our|receive|get)|now|here|today)|subscribe (?:to (?:our|my)|now|for (?:free|just|only|\$|£|€)|today|here)|follow (?:us|@|\S+ on (?:twitter|x|facebook|instagram|linkedin|tiktok|threads|bluesky|youtube|telegram|whatsapp))|share (?:on|via|to|this|your)\b|get the (?:\S+ )?app\b|download (?:the|our) (?:\S+ )?app\b|enable (?:push )?notifications|turn on (?:push )?notifications|allow notifications|get (?:our|the) (?:free )?(?:daily |weekly |morning |evening |breaking )?(?:newsletter|briefing|alerts?|updates|headlines)|like us on|never miss (?:a|an) (?:story|update|headline)|support (?:our|independent|quality) journalism|become a (?:member|subscriber|supporter)|get (?:unlimited|full|digital) access|already a subscriber|already have an account|create (?:a free|an) account|this (?:newsletter|email) (?:was|is))",
    )
});

/// Weaker prompts, only on a short line without sentence punctuation
/// ("Stay informed, officials urged residents." is a sentence).
static PROMOTION_WEAK: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?:sign up\b|subscribe\b|stay (?:informed|up to date|updated|connected)|join (?:us|our)\b|don't miss out|dont miss out|we want to hear from you|have a (?:news )?tip|got a (?:news )?tip|send us (?:a|your)|contact (?:the|our) (?:newsroom|reporter)|want more)",
    )
});

/// Lines that mention a newsletter or subscription and are short enough to
/// be a sign-up box rather than a sentence of the story.
static NEWSLETTER_BOX: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:newsletters?|inbox|subscribers? only|subscriber-only|premium subscribers?|subscribe|sign up|unsubscribe)\b",
    )
});

/// Bylines: "By Jane Doe", "By JANE DOE and John Roe, Reuters", "BY: Jane Doe".
/// Case-sensitive on purpose: names must be capitalised, so "By Tuesday the
/// ministry had …" (lower-case words follow) is not a byline.
static BYLINE_BY: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?:[Bb][Yy]|Written by|Words by|Story by|Author|Authors|Posted by|Reported by)\s*:?\s+\p{Lu}[\p{L}'’.-]*(?:\s+(?:\p{Lu}[\p{L}'’.-]*|de|van|von|der|da|del|bin|al|la|le))*(?:\s*(?:,|and|&|\||in|for|with)\s*(?:\p{Lu}[\p{L}'’.-]*(?:\s+(?:\p{Lu}[\p{L}'’.-]*|de|van|von|der|da|del|bin|al|la|le))*|[\p{Ll}\p{Lu}][\p{Ll}]+ (?:correspondent|editor|reporter|writer|desk)))*\s*$",
    )
});

/// Words that may follow "By" at the start of a sentence: never a name.
static BY_NON_NAMES: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^by:?\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|then|now|contrast|comparison|law|noon|midnight|mid|late|early|the|a|an|this|that|these|those|its|their|his|her|our|my|your|some|all|most|early|late|next|last|dawn|dusk|nightfall|evening|morning|afternoon|tonight|tomorrow|yesterday|today|far|design|default|chance|accident|mistake|contrast|comparison|car|air|sea|train|boat|road|rail|foot|hand|phone|email|mail)\b",
    )
});

/// "Jane Doe | Reuters", "Jane Doe, Reuters" with a known agency, "Jane Doe - Staff Writer".
static BYLINE_PIPE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,3}(?:\s+(?:and|&)\s+\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,3})?\s*(?:\|\s*[\p{L} .&'’-]{2,40}|[,\-–—]\s*(?i:reuters|afp|ap|associated press|bloomberg|cnn|bbc news|the associated press|staff writer|staff reporter|senior correspondent|correspondent|contributor|reporter))$",
    )
});

/// Publication and update stamps: "Published 10:31 AM EST, Tue March 5, 2024",
/// "Updated 2 hours ago", "Last modified on …".
static TIMESTAMP_PREFIX: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?:first |last |originally )?(?:published|updated|posted|modified|edited|created|released|uploaded)\b(?:\s*(?:on|at|:))?",
    )
});

/// Evidence that a stamp line holds a time: a digit or a relative time word.
static HAS_TIME: LazyLock<Regex> =
    LazyLock::new(|| re(r"\d|\bago\b|\byesterday\b|\btoday\b|\bjust now\b|\bmoments?\b"));

/// Reading-time and relative-time lines: "5 min read", "2 hours ago".
static READ_TIME: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?:(?:reading time|read time|estimated reading time|listening time|duration)\s*:?\s*)?(?:about |approx\.? )?(?:\d+|an?|one|two|three|four|five|ten)\s*(?:-|to)?\s*(?:\d+\s*)?(?:min|mins|minute|minutes|hr|hrs|hour|hours|sec|secs|seconds|day|days|week|weeks)\.?(?:\s+(?:read|listen|watch|ago|reading|audio|video))?$",
    )
});

/// Credit lines at the end of wire stories: "Reporting by …; Editing by …".
static CREDIT_LINE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^\(?\s*(?:additional |with additional |with |contributing )?(?:reporting|writing|editing) by\b|^contributing\s*:|^(?:contributors?|reporters?|editors?|editing)\s*:\s*\S",
    )
});

/// Other credits ("Compiled by …", "Photos by …"), only on a short line
/// without sentence punctuation ("Photos by residents showed …" is a sentence).
static CREDIT_LINE_WEAK: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^\(?\s*(?:compiled|produced|research|graphics|production|video|photos|fact-checking|translation|reported|written|edited|design|illustrations?) by\b",
    )
});

/// Month, weekday and time words allowed in a bare date/time line.
static DATE_WORDS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    key_set(&[
        "jan",
        "january",
        "feb",
        "february",
        "mar",
        "march",
        "apr",
        "april",
        "may",
        "jun",
        "june",
        "jul",
        "july",
        "aug",
        "august",
        "sep",
        "sept",
        "september",
        "oct",
        "october",
        "nov",
        "november",
        "dec",
        "december",
        "mon",
        "monday",
        "tue",
        "tues",
        "tuesday",
        "wed",
        "wednesday",
        "thu",
        "thur",
        "thurs",
        "thursday",
        "fri",
        "friday",
        "sat",
        "saturday",
        "sun",
        "sunday",
        "am",
        "pm",
        "a",
        "m",
        "p",
        "at",
        "on",
        "est",
        "edt",
        "cst",
        "cdt",
        "mst",
        "mdt",
        "pst",
        "pdt",
        "et",
        "ct",
        "pt",
        "gmt",
        "utc",
        "bst",
        "cet",
        "cest",
        "eet",
        "eest",
        "ist",
        "jst",
        "kst",
        "aest",
        "hkt",
        "sgt",
        "updated",
        "published",
        "posted",
        "t",
        "z",
        "st",
        "nd",
        "rd",
        "th",
        "ago",
        "just",
        "now",
        "today",
        "yesterday",
        "min",
        "mins",
        "minute",
        "minutes",
        "hr",
        "hrs",
        "hour",
        "hours",
        "sec",
        "secs",
        "second",
        "seconds",
        "day",
        "days",
        "week",
        "weeks",
        "an",
        "one",
        "two",
        "few",
        "moments",
        "moment",
    ])
});

/// Stamp words that open a time stamp line ("Last modified on …").
static STAMP_WORDS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    key_set(&[
        "first",
        "last",
        "originally",
        "published",
        "updated",
        "posted",
        "modified",
        "edited",
        "created",
        "released",
        "uploaded",
        "on",
        "at",
    ])
});

/// Correction and editor's notes.
static CORRECTION: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^\(?\s*(?:correction|corrections|clarification|editor's note|editors' note|editors note|editor's notes|note to readers|update|updated|update \d+|correction appended)\s*[:(\-–—]|^\(?\s*(?:an|a) (?:earlier|previous) version of this (?:article|story|report|piece|post)\b|^\(?\s*this (?:article|story|report|piece|post) (?:has been|was|is being|will be) (?:updated|corrected|amended|edited|clarified|revised)\b|^\(?\s*(?:this is a (?:developing|breaking) (?:story|news story)|this story is developing)\b",
    )
});

/// Newswire notes to subscribing editors, not text of the story: where a
/// story may be cut ("(STORY CAN END HERE. OPTIONAL MATERIAL FOLLOWS.)"),
/// where it ends ("XXXX END OF STORY"), which paragraph a correction
/// replaces ("Chile said, graf 3 pvs") and transmission codes ("NNNN").
static WIRE_NOTE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^\(?\s*(?:story can end here|optional (?:material|add|adds) follows?|(?:x+ )?end (?:of )?(?:story|optional material|advance)|eds?\s*:|editors?\s*:|attn\s*:|note to editors\b)|\bgraf \d+\b.*\bpvs\b|\b\d+(?:st|nd|rd|th) graf\b.*\bpvs\b|(?:^|\s)nnnn(?:\s|$)",
    )
});

/// A wire reporter's role on a line of its own, under the byline:
/// "Associated Press Writer", "AP Sports Writer" (matched on the key).
static WIRE_ROLE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?:the )?(?:associated press|ap|reuters|afp|upi|dpa)(?: [a-z]+){0,2} (?:writer|correspondent|reporter|editor|columnist)s?$",
    )
});

/// A wire's note that pictures go with the story: "AP Photo", "With AP
/// Photos", "AP Photos Available" (matched on the key).
static WIRE_PHOTO: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?:with )?(?:ap|afp|reuters|upi|epa) (?:photo|photos|laserphoto|laserphotos|graphic|graphics)(?: available)?$",
    )
});

/// A newswire link line: "On the Net: http://www.census.gov".
static ON_THE_NET: LazyLock<Regex> =
    LazyLock::new(|| re(r"^on the (?:net|web|internet)\s*:.*(?:https?://|www\.)"));

/// Newswire distribution lines: who filed or may use the story.
static WIRE_DISTRIBUTION: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^\(?\s*(?:for use by|story filed by|distributed by|for release (?:on|at|after)\b|for immediate release\b|not for (?:publication|release) before\b|embargoed (?:until|for)\b)",
    )
});

/// Copyright and legal notices by their opening or wording.
static BOILERPLATE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?:©|\(c\)\s*\d{4}|copyright\s*(?:©|\(c\)|\d{4}))|^(?:our standards\s*:|this (?:material|article|content) may not be (?:published|reproduced|redistributed)|(?:this (?:article|story) )?(?:was )?(?:originally (?:published|appeared)|first (?:published|appeared)) (?:on|in|at|by)\b)|\b(?:we|this (?:site|website)) uses? cookies\b|\bby (?:using|continuing to use) (?:this|our) (?:site|website)\b",
    )
});

/// "All rights reserved" on a short line.
static ALL_RIGHTS: LazyLock<Regex> = LazyLock::new(|| re(r"\ball rights reserved\b"));

/// A bare "Copyright The Gazette" (only without sentence punctuation:
/// "Copyright law was changed …" is a sentence).
static COPYRIGHT_BARE: LazyLock<Regex> = LazyLock::new(|| re(r"^copyright\b"));

/// Legal and site links that make up a whole line.
static BOILERPLATE_LABELS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    key_set(&[
        "terms of use",
        "terms of service",
        "terms and conditions",
        "privacy policy",
        "privacy notice",
        "privacy settings",
        "cookie policy",
        "cookie settings",
        "cookie preferences",
        "cookies",
        "accessibility",
        "accessibility statement",
        "contact us",
        "about us",
        "site map",
        "sitemap",
        "manage cookies",
        "manage consent",
        "manage preferences",
        "accept cookies",
        "accept all cookies",
        "reject all cookies",
        "reject all",
        "accept all",
        "do not sell my personal information",
        "do not sell or share my personal information",
        "your privacy choices",
        "ad choices",
        "adchoices",
        "careers",
        "advertise",
        "help",
        "faq",
        "legal",
        "imprint",
    ])
});

/// Context-free classification of one line, by the first rule that matches.
pub(crate) fn classify(line: &Line) -> Option<RemovalReason> {
    use RemovalReason::*;
    let f = line.folded.as_str();
    let key = line.key.as_str();
    if line.key.is_empty() {
        // Only symbols: "***", "—", "|".
        return Some(Fragment);
    }
    if (BOILERPLATE.is_match(f) && line.words <= 40)
        || (ALL_RIGHTS.is_match(f) && line.words <= 15)
        || (COPYRIGHT_BARE.is_match(f) && !line.terminal && line.words <= 12)
        || BOILERPLATE_LABELS.contains(key)
    {
        return Some(Boilerplate);
    }
    if WIRE_DISTRIBUTION.is_match(f) && line.words <= 15 && !line.terminal {
        return Some(Boilerplate);
    }
    if CORRECTION.is_match(f) || (WIRE_NOTE.is_match(f) && line.words <= 15) {
        return Some(CorrectionNote);
    }
    // A wire's priority tag, in capitals on its own line (its "MORE", a
    // continuation mark, is a button label's word and is taken as one).
    if matches!(line.text.as_str(), "URGENT" | "BULLETIN" | "FLASH") {
        return Some(CorrectionNote);
    }
    if WIRE_PHOTO.is_match(key) {
        return Some(Caption);
    }
    if WIRE_ROLE.is_match(key) {
        return Some(Byline);
    }
    if AD_LABELS.contains(key)
        || AD_CONTINUES.is_match(key)
        || (AD_PREFIX.is_match(f) && line.words <= 10)
    {
        return Some(Advertisement);
    }
    if BUTTON_LABELS.contains(key) || LABEL_COUNTER.is_match(key) {
        return Some(ButtonLabel);
    }
    if line.words <= 12 && key.split(' ').all(|w| SHARE_TARGETS.contains(w)) {
        return Some(Promotion);
    }
    if line.words <= 30 && PROMOTION.is_match(f) {
        return Some(Promotion);
    }
    if line.words <= 15 && !line.terminal && PROMOTION_WEAK.is_match(f) {
        return Some(Promotion);
    }
    if line.words <= 25 && !line.terminal && NEWSLETTER_BOX.is_match(f) {
        return Some(Promotion);
    }
    if is_link_list_heading(line)
        || (!line.terminal && line.words <= 20 && NAV_BAR.is_match(f))
        || (line.words <= 15 && ON_THE_NET.is_match(f))
    {
        return Some(LinkList);
    }
    if TAG_LIST.is_match(f) || (!line.terminal && TAG_FILED.is_match(f)) {
        return Some(TagList);
    }
    // A teaser is a link: headline-length. A long line after "Related:" is
    // a sentence of the story.
    if (TEASER.is_match(f) && line.words <= 30)
        || (!line.terminal && TEASER_WEAK.is_match(f))
        || (line.words <= 20 && TEASER_CALL.is_match(f))
    {
        return Some(Teaser);
    }
    if CAPTION_PREFIX.is_match(f) || (!line.terminal && CAPTION_PAREN.is_match(f)) {
        return Some(Caption);
    }
    // Bylines before credit tails: "Jane Doe | Reuters" ends like a credit.
    if is_byline(line) {
        return Some(Byline);
    }
    if !line.terminal && CAPTION_CREDIT_TAIL.is_match(f) {
        return Some(Caption);
    }
    None
}

/// Whether the line is a heading that opens a list of links.
pub(crate) fn is_link_list_heading(line: &Line) -> bool {
    !line.terminal
        && line.words <= 8
        && (LINK_LIST_HEADINGS.contains(line.key.as_str()) || LINK_LIST_MORE.is_match(&line.folded))
}

/// Whether the line is a byline, credit line or time stamp.
fn is_byline(line: &Line) -> bool {
    let f = line.folded.as_str();
    if line.words <= 25
        && !line.terminal
        && BYLINE_BY.is_match(&line.text)
        && !BY_NON_NAMES.is_match(f)
    {
        return true;
    }
    if line.words <= 12 && !line.terminal && BYLINE_PIPE.is_match(&line.text) {
        return true;
    }
    if line.words <= 20 && TIMESTAMP_PREFIX.is_match(f) && HAS_TIME.is_match(f) && is_stamp(line) {
        return true;
    }
    if READ_TIME.is_match(f) {
        return true;
    }
    if CREDIT_LINE.is_match(f) && line.words <= 40 {
        return true;
    }
    if CREDIT_LINE_WEAK.is_match(f) && !line.terminal && line.words <= 12 {
        return true;
    }
    is_bare_date(line)
}

/// Whether a line opening with "Published"/"Updated" holds nothing but date
/// and time words after that ("Updated 2 hours ago"), unlike the sentence
/// "Published estimates put the cost at $2.3 billion."
fn is_stamp(line: &Line) -> bool {
    line.key
        .split(' ')
        .filter(|w| !STAMP_WORDS.contains(w))
        .all(is_date_token)
}

/// A line made only of date and time words and numbers: "March 5, 2024",
/// "Tue 5 Mar 2024 10.31 GMT", "2024-03-05 10:31".
fn is_bare_date(line: &Line) -> bool {
    if line.words > 12 || !line.key.chars().any(|c| c.is_ascii_digit()) {
        return false;
    }
    line.key.split(' ').all(is_date_token)
}

/// A number, ordinal, clock time, or month/weekday/zone/relative-time word.
fn is_date_token(w: &str) -> bool {
    w.chars().all(|c| c.is_ascii_digit()) || is_ordinal(w) || DATE_WORDS.contains(w) || is_clock(w)
}

/// "5th", "21st".
fn is_ordinal(w: &str) -> bool {
    let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    !digits.is_empty()
        && digits.chars().all(|c| c.is_ascii_digit())
        && DATE_WORDS.contains(&w[digits.len()..])
}

/// "10am", "5pm".
fn is_clock(w: &str) -> bool {
    (w.ends_with("am") || w.ends_with("pm"))
        && w[..w.len() - 2].chars().all(|c| c.is_ascii_digit())
        && w.len() > 2
}
