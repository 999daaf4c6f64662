//! Furniture lines that news pages leave in an article's text, recognised from the words alone:
//! bylines, timestamps, interface labels and captions that end in a credit. Used by
//! [`super::boilerplate`] next to its other rules; like them, they are general rules over
//! kinds of furniture, never strings of one site.
//!
//! - **timestamp**: a short line opening with "Updated", "Published", "Posted", "Last
//!   modified"… and holding a date or time ("Updated 5:27 am CST, Wednesday, November 20,
//!   2019", "Published 1 day ago"), or a line made only of date and time words ("11/20/2019
//!   01:14 PM", "Tue., Nov. 19, 2019");
//! - **byline**: "By " and a name ("By JERUSALEM POST STAFF", "By Jane Doe and John Roe"),
//!   or a name, a comma and a job title ending in "Writer", "Correspondent", "Reporter",
//!   "Editor"… ("Robert Burns, AP National Security Writer");
//! - **label**: two to four words of interface vocabulary and numbers with no sentence
//!   punctuation ("Image 1 of 8", "Hide caption", "Play video"; one word alone is left to the
//!   navigation rules, since a one-word paragraph can be a heading);
//! - **caption**: a short paragraph ending in a credit ("… (Image: GETTY)", "…Credit: EPA",
//!   "… Photo: Hau Dinh, AP"); an image credit line ("Image Credit: …", "(AP Photo/…)",
//!   "Getty Images"); a hashtag-laden post caption; a wire-photo caption ending
//!   "`<Place> November 2, 2017.`".

use unicode_segmentation::UnicodeSegmentation;

use super::Boilerplate;

/// The furniture kind of one short line, by the rules above.
pub fn classify(line: &str) -> Option<Boilerplate> {
    let t = line.trim();
    let words: Vec<String> = t.unicode_words().map(str::to_lowercase).collect();
    if words.is_empty() || words.len() > 16 {
        return None;
    }
    if is_timestamp(&words) {
        return Some(Boilerplate::Timestamp);
    }
    if is_byline(t, &words) {
        return Some(Boilerplate::Byline);
    }
    if is_label(t, &words) {
        return Some(Boilerplate::Label);
    }
    None
}

const TIME_OPENERS: &[&str] = &[
    "updated",
    "published",
    "posted",
    "modified",
    "last",
    "first",
    "originally",
    "created",
    "date",
];

const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
];

const DAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "mon",
    "tue",
    "tues",
    "wed",
    "thu",
    "thur",
    "thurs",
    "fri",
    "sat",
    "sun",
    "today",
    "yesterday",
];

/// True for the lower-case name of a month or a day of the week, or an abbreviation of one of
/// four letters or more ("sept", "thurs"): capitalised, but naming no one.
pub fn is_month_or_day(word: &str) -> bool {
    word.len() > 3
        && word != "today"
        && word != "yesterday"
        && (MONTHS.contains(&word) || DAYS.contains(&word))
}

/// True for the lower-case name of a month or its abbreviation ("may", "sept"), of any length:
/// with a number after it, a date ("May 30"), however much it reads like a name.
pub fn is_month(word: &str) -> bool {
    MONTHS.contains(&word)
}

/// True for the lower-case name of a day ("thursday", "thurs", "today", "yesterday"): an
/// abbreviation of four letters or more, so not "sun" or "sat".
pub fn is_day(word: &str) -> bool {
    word.len() > 3 && DAYS.contains(&word)
}

/// Words that may stand in a date or time besides numbers, months and days.
const TIME_WORDS: &[&str] = &[
    "am", "pm", "a", "m", "p", "at", "on", "utc", "gmt", "bst", "cet", "cest", "est", "edt", "cst",
    "cdt", "mst", "mdt", "pst", "pdt", "et", "pt", "ct", "ist", "aest", "hrs", "h",
];

fn is_number(w: &str) -> bool {
    w.chars().next().is_some_and(|c| c.is_ascii_digit())
        && w.chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | ':' | '/' | ','))
}

fn is_date_word(w: &str) -> bool {
    is_number(w)
        || MONTHS.contains(&w)
        || DAYS.contains(&w)
        || TIME_WORDS.contains(&w)
        // "20th", "1st", "5:27am"
        || (w.chars().next().is_some_and(|c| c.is_ascii_digit())
            && (w.ends_with("th") || w.ends_with("st") || w.ends_with("nd") || w.ends_with("rd")
                || w.ends_with("am") || w.ends_with("pm")))
}

fn is_timestamp(words: &[String]) -> bool {
    let dated = words
        .iter()
        .any(|w| is_number(w) || MONTHS.contains(&w.as_str()) || w == "ago");
    if !dated || words.len() > 14 {
        return false;
    }
    let opener = TIME_OPENERS.contains(&words[0].as_str())
        && (words[0] != "last" && words[0] != "first" && words[0] != "originally"
            || words
                .get(1)
                .is_some_and(|w| TIME_OPENERS.contains(&w.as_str())));
    if opener {
        // "Updated 5:27 am …", "Published 1 day ago", "Posted on November 20, 2019": the
        // rest is date words, or a short "N units ago".
        let rest: Vec<&String> = words
            .iter()
            .skip(1)
            .filter(|w| !TIME_OPENERS.contains(&w.as_str()))
            .collect();
        let ago = words.last().is_some_and(|w| w == "ago") && rest.len() <= 4;
        let date_share = rest.iter().filter(|w| is_date_word(w)).count();
        return ago || date_share * 4 >= rest.len() * 3;
    }
    // A line of date words alone needs a year or a clock time, so a "November 20" heading in
    // a chronology stays a heading.
    let precise = words.iter().any(|w| {
        (w.len() == 4 && w.chars().all(|c| c.is_ascii_digit()))
            || w.contains(':')
            || w.contains('/')
            || matches!(w.as_str(), "am" | "pm")
    });
    precise && words.len() >= 2 && words.iter().all(|w| is_date_word(w))
}

/// Words that end a job title in a byline.
const JOB_TITLES: &[&str] = &[
    "writer",
    "correspondent",
    "reporter",
    "editor",
    "contributor",
    "staff",
    "columnist",
    "journalist",
    "producer",
    "critic",
];

/// Words that may join names in a byline.
const NAME_JOINERS: &[&str] = &[
    "and", "&", "with", "in", "of", "the", "for", "de", "la", "le", "da", "di", "del", "der",
    "van", "von", "bin", "al",
];

fn is_byline(t: &str, words: &[String]) -> bool {
    if t.ends_with(['.', '!', '?', ':', ';']) && !t.ends_with(" Jr.") || words.len() > 12 {
        return false;
    }
    let originals: Vec<&str> = t.unicode_words().collect();
    let capitalised = |w: &&str| {
        w.chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || !c.is_alphabetic())
            || NAME_JOINERS.contains(&w.to_lowercase().as_str())
    };
    if words[0] == "by" && words.len() >= 2 && originals.len() == words.len() {
        return originals[1..].iter().all(capitalised) && originals[0].starts_with(['B', 'b']);
    }
    // "Jane Doe, AP Science Writer"
    if let Some((name, title)) = t.split_once(',') {
        let name_words: Vec<&str> = name.unicode_words().collect();
        let title_words: Vec<String> = title.unicode_words().map(str::to_lowercase).collect();
        return (2..=4).contains(&name_words.len())
            && name_words.iter().all(capitalised)
            && title_words
                .last()
                .is_some_and(|w| JOB_TITLES.contains(&w.as_str()))
            && title_words.len() <= 6;
    }
    false
}

/// Words of interface labels left in extracted text.
const LABEL_WORDS: &[&str] = &[
    "caption",
    "captions",
    "close",
    "open",
    "expand",
    "collapse",
    "enlarge",
    "hide",
    "show",
    "toggle",
    "image",
    "images",
    "photo",
    "photos",
    "picture",
    "video",
    "videos",
    "gallery",
    "play",
    "replay",
    "watch",
    "listen",
    "audio",
    "advert",
    "advertisement",
    "of",
    "more",
    "less",
    "view",
    "full",
    "screen",
    "fullscreen",
    "next",
    "previous",
    "prev",
    "slide",
    "slideshow",
    "loading",
    "zoom",
    "back",
    "info",
    "now",
    "here",
    "icon",
];

fn is_label(t: &str, words: &[String]) -> bool {
    (2..=4).contains(&words.len())
        && !t.ends_with(['.', '!', '?', ':', ','])
        && words.iter().any(|w| !is_number(w))
        && words
            .iter()
            .all(|w| is_number(w) || LABEL_WORDS.contains(&w.as_str()))
}

/// Markers that start the credit at the end of a caption.
const CREDIT_MARKERS: &[&str] = &[
    "(image:",
    "(photo:",
    "(picture:",
    "(pic:",
    "(credit:",
    "credit:",
    "photo:",
    "image:",
    "picture:",
    "(photo by",
    "photograph:",
];

/// A caption ending in its credit: at most 60 words, the credit after the last marker at
/// most six words, and a full caption before it.
pub fn is_credited_caption(ptext: &str) -> bool {
    let t = ptext.trim();
    // Every credit marker holds a colon or an opening parenthesis, which lower-casing leaves
    // as they are: without one there is no marker to look for.
    if !t.bytes().any(|b| matches!(b, b':' | b'(')) {
        return false;
    }
    // More than sixty words: the sixty-first is enough to tell.
    if t.unicode_words().nth(60).is_some() {
        return false;
    }
    let lower = t.to_lowercase();
    let Some((at, marker)) = CREDIT_MARKERS
        .iter()
        .filter_map(|m| lower.rfind(m).map(|i| (i, *m)))
        .max_by_key(|(i, _)| *i)
    else {
        return false;
    };
    let (before, after) = (&lower[..at], &lower[at + marker.len()..]);
    // One to six words of credit after at least three of caption (counted only as far as
    // needed).
    let credit = after.unicode_words().take(7).count();
    (1..=6).contains(&credit)
        && !after.contains(['.', '!', '?'])
        && before.unicode_words().nth(2).is_some()
}

/// True for a photo caption or image credit.
/// `joined` is the paragraph's lower-cased `words` joined by spaces.
pub(super) fn is_caption(ptext: &str, joined: &str, words: &[&str]) -> bool {
    let t = ptext.trim();
    if is_credit_line(t, joined) {
        return true;
    }
    // Embedded post captions: hashtags and no full stop.
    let hashtags = if t.contains('#') {
        t.split_whitespace()
            .filter(|w| w.starts_with('#') && w.chars().nth(1).is_some_and(char::is_alphabetic))
            .count()
    } else {
        0
    };
    if hashtags >= 1 && !t.ends_with(['.', '!', '?', '”', '"', ':', ';']) {
        return true;
    }
    is_dated_caption(t, words)
}

/// Image credit markers: "Image Credit: …", "Photo: …", "(AP Photo/…)", "Getty Images".
pub(super) fn is_credit_line(t: &str, joined: &str) -> bool {
    let lower = t.to_lowercase();
    let starts = |p: &str| {
        joined
            .strip_prefix(p)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with(' '))
    };
    starts("image credit")
        || starts("image credits")
        || starts("photo credit")
        || starts("image source")
        || starts("featured image")
        || starts("file photo")
        || starts("pictured")
        || starts("photo by")
        || starts("photo via")
        || lower.starts_with("photo:")
        || lower.starts_with("image:")
        || lower.starts_with("picture:")
        || lower.starts_with("credit:")
        || lower.starts_with("credits:")
        || lower.starts_with("(photo")
        || lower.starts_with("(image")
        || lower.starts_with("(picture")
        || lower.starts_with("(credit")
        || lower.contains("ap photo/")
        || lower.contains("afp photo")
        || lower.contains("getty images")
        || lower.contains("reuters/")
        || lower.contains("/reuters")
        || lower.contains("shutterstock")
}

/// Wire-photo captions: one sentence ending in `<Place> <Month> <day>, <year>.` with the place
/// directly before the date (no "on"/"in"), the caption convention of news agencies.
fn is_dated_caption(t: &str, words: &[&str]) -> bool {
    if !t.ends_with('.') || t.contains('"') || t.contains('“') || t.contains('”') || words.len() < 6
    {
        return false;
    }
    let n = words.len();
    let (place, month, day, year) = (words[n - 4], words[n - 3], words[n - 2], words[n - 1]);
    // The place as written is capitalised (looked at last: it segments the text again).
    let original_place = || {
        t.unicode_words()
            .rev()
            .nth(3)
            .is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase))
    };
    MONTHS.contains(&month)
        && day.len() <= 2
        && day.chars().all(|c| c.is_ascii_digit())
        && year.len() == 4
        && year.chars().all(|c| c.is_ascii_digit())
        && !matches!(
            place,
            "on" | "in" | "since" | "by" | "until" | "of" | "from"
        )
        && !MONTHS.contains(&place)
        && original_place()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credit_markers_hold_a_colon_or_parenthesis() {
        // `is_credited_caption` looks for a marker only in paragraphs holding one of these.
        for m in CREDIT_MARKERS {
            assert!(m.contains([':', '(']), "{m:?}");
        }
        assert!(is_credited_caption(
            "Protesters gather outside the court on Monday (Photo by Jane Doe)"
        ));
        assert!(!is_credited_caption(
            "Protesters gather outside the court on Monday Photo by Jane Doe"
        ));
    }

    #[test]
    fn timestamps() {
        for l in [
            "Updated 5:27 am CST, Wednesday, November 20, 2019",
            "PUBLISHED: 10:48, Tue, Nov 19, 2019",
            "| UPDATED: 11:05, Tue, Nov 19, 2019",
            "Published 1 day ago",
            "11/20/2019 01:14 PM",
            "Last updated on November 3, 2019",
        ] {
            assert_eq!(classify(l), Some(Boilerplate::Timestamp), "{l:?}");
        }
        for l in [
            "Updated figures show 5 million people moved in 2019",
            "Published in 2019, the report found nothing new",
            "November 20",
        ] {
            assert_ne!(classify(l), Some(Boilerplate::Timestamp), "{l:?}");
        }
    }

    #[test]
    fn bylines() {
        for l in [
            "By JERUSALEM POST STAFF",
            "By Jane Doe and John Roe",
            "Robert Burns, Ap National Security Writer",
            "by Maria de la Cruz",
        ] {
            assert_eq!(classify(l), Some(Boilerplate::Byline), "{l:?}");
        }
        for l in [
            "By the end of the week the river had risen",
            "By then, it was too late.",
            "Smith, a former writer",
        ] {
            assert_ne!(classify(l), Some(Boilerplate::Byline), "{l:?}");
        }
    }

    #[test]
    fn labels() {
        for l in [
            "Image 1 of / 8",
            "Hide caption",
            "Play video",
            "Photo 3 of 12",
        ] {
            assert_eq!(classify(l), Some(Boilerplate::Label), "{l:?}");
        }
        for l in [
            "Caption contest winners",
            "Open season",
            "Watch this space.",
        ] {
            assert_ne!(classify(l), Some(Boilerplate::Label), "{l:?}");
        }
    }

    #[test]
    fn credited_captions() {
        assert!(is_credited_caption(
            "Protesters have worn masks to protect their identities (Image: GETTY )"
        ));
        assert!(is_credited_caption(
            "The city was closed earlier this yearCredit: Vesti/The Siberian Times"
        ));
        assert!(!is_credited_caption(
            "The agency gave no credit: it said the figures were its own."
        ));
    }
}
