//! Line rules: what kind of furniture one short line is ("Skip to content", breadcrumbs,
//! counters, share prompts, credits, comment and related-content headings).

use unicode_segmentation::UnicodeSegmentation;

use super::rules::is_appeal;
use super::{Boilerplate, LineKind, is_number, lower_word};
use crate::text::furniture::is_credit_line;
use crate::text::stretch::words_between;

/// What kind of furniture one line is, if any. Only short lines (a dozen words at most) are
/// ever furniture.
pub fn classify_line(line: &str) -> Option<LineKind> {
    let t = line.trim();
    classify_trimmed(t, || t.unicode_words())
}

/// [`classify_line`] for a `line` cut out of `text` (a slice of it), reading the line's words
/// from the text's UAX #29 `words` (`unicode_word_indices`) where they are the line's own
/// ([`words_between`]).
pub(super) fn classify_line_in(
    text: &str,
    words: &[(usize, &str)],
    line: &str,
) -> Option<LineKind> {
    let t = line.trim();
    let at = (t.as_ptr() as usize)
        .checked_sub(text.as_ptr() as usize)
        .filter(|&from| text.get(from..).is_some_and(|rest| rest.len() >= t.len()));
    match at {
        Some(from) => classify_trimmed(t, || words_between(text, words, from, from + t.len())),
        None => classify_line(t),
    }
}

/// [`classify_line`] of the trimmed line `t`, whose UAX #29 words `words` gives.
fn classify_trimmed<'t, I: Iterator<Item = &'t str>>(
    t: &'t str,
    words: impl Fn() -> I,
) -> Option<LineKind> {
    use Boilerplate::*;
    if t.is_empty() {
        return Some(LineKind::Furniture(Other));
    }
    // Past twelve words a line is never furniture: a thirteenth word tells (counted before
    // any word is copied).
    if words().nth(12).is_some() {
        return None;
    }
    let words: Vec<String> = words().take(13).map(lower_word).collect();
    if words.is_empty() {
        // Only punctuation and symbols ("in ," has a word; "|", "»", "•" do not).
        return Some(LineKind::Furniture(Navigation));
    }
    if words.len() > 12 {
        return None;
    }
    let w: Vec<&str> = words.iter().map(String::as_str).collect();
    let joined = w.join(" ");
    let starts = |p: &str| {
        joined
            .strip_prefix(p)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with(' '))
    };

    // Comment sections and forms.
    if is_comment_heading(&w) {
        return Some(LineKind::CommentsHeading);
    }
    if matches!(
        joined.as_str(),
        "what do you think"
            | "what are your thoughts"
            | "have your say"
            | "share your thoughts"
            | "tell us what you think"
    ) {
        return Some(LineKind::Furniture(Comments));
    }
    // Related-content headings.
    if w.len() <= 5
        && (matches!(
            joined.as_str(),
            "related"
                | "recommended"
                | "trending"
                | "most read"
                | "most popular"
                | "popular"
                | "read more"
                | "read next"
                | "see also"
                | "also read"
                | "more stories"
                | "latest news"
                | "latest stories"
                | "top stories"
                | "more news"
                | "you may also like"
                | "you might also like"
                | "we recommend"
                | "don't miss"
                | "must read"
                | "editor's picks"
        ) || starts("related")
            || starts("more from")
            || starts("more on this")
            || starts("recommended for you"))
    {
        return Some(LineKind::RelatedHeading);
    }
    if starts("read more")
        || starts("also read")
        || starts("read also")
        || starts("see also")
        || starts("see more")
        || {
            let lower = t.to_lowercase();
            lower.starts_with("more:") || lower.starts_with("related:")
        }
    {
        return Some(LineKind::Furniture(Related));
    }
    // Navigation.
    if starts("skip to")
        || matches!(
            joined.as_str(),
            "in" | "menu"
                | "main menu"
                | "toggle navigation"
                | "navigation"
                | "search"
                | "home"
                | "close"
                | "back to top"
                | "previous"
                | "next"
                | "previous article"
                | "next article"
                | "previous post"
                | "next post"
                | "log in"
                | "login"
                | "sign in"
                | "register"
                | "open menu"
                | "close menu"
                | "sections"
                | "top"
        )
        || (w.len() >= 3 && t.contains(['»', '›', '>']) && starts("home"))
        || is_breadcrumb(t)
    {
        return Some(LineKind::Furniture(Navigation));
    }
    // Advertising.
    if matches!(
        joined.as_str(),
        "advertisement"
            | "advert"
            | "advertising"
            | "ad"
            | "ads"
            | "sponsored"
            | "sponsored content"
            | "promoted"
            | "paid content"
            | "partner content"
    ) || starts("story continues below")
        || starts("article continues below")
        || starts("continue reading below")
    {
        return Some(LineKind::Furniture(Advertisement));
    }
    // Counters: numbers and counter words only.
    if w.iter().all(|x| is_number(x) || COUNTER_WORDS.contains(x)) {
        return Some(LineKind::Furniture(Counter));
    }
    // Share / follow prompts, footers, cookie notices.
    if (w.len() <= 8
        && (matches!(
            joined.as_str(),
            "share"
                | "share this"
                | "share article"
                | "share this article"
                | "share this story"
                | "share this post"
                | "print"
                | "print this"
                | "print article"
                | "email"
                | "email this"
                | "tweet"
                | "tweet this"
                | "pin it"
                | "whatsapp"
                | "telegram"
        ) || starts("share on")
            || starts("share via")
            || starts("share to")
            || starts("follow us")
            || (starts("follow") && w.iter().any(|x| SOCIAL.contains(x)))
            || starts("click here")
            || starts("like us")
            || starts("join us on")))
        || joined.contains("all rights reserved")
        || t.starts_with('©')
        || starts("copyright")
        || joined.contains("cookie")
        || matches!(
            joined.as_str(),
            "privacy policy" | "terms of use" | "terms of service" | "contact us" | "about us"
        )
    {
        return Some(LineKind::Furniture(Other));
    }
    // Source credits: "Source: Interfax", "Via Zerohedge", "H/T …".
    if w.len() <= 6
        && !t.ends_with(['.', '!', '?'])
        && (starts("source")
            || starts("sources")
            || starts("via")
            || starts("h t")
            || starts("hat tip")
            || starts("courtesy of"))
    {
        return Some(LineKind::Furniture(Other));
    }
    // Bylines, timestamps, interface labels.
    if let Some(k) = crate::text::furniture::classify(t) {
        return Some(LineKind::Furniture(k));
    }
    // Image credits on their own line.
    if is_credit_line(t, &joined) {
        return Some(LineKind::Furniture(ImageCredit));
    }
    // Subscription prompts on one line ("Subscribe to our newsletter").
    if w.len() <= 8 && is_appeal(&w) {
        return Some(LineKind::Furniture(Appeal));
    }
    None
}

/// A breadcrumb trail: two to five short parts ("News > Nation", "Sport › Football ›
/// Results"), each one to three capitalised words, split by `>`, `›` or `»`.
pub(super) fn is_breadcrumb(t: &str) -> bool {
    let parts: Vec<&str> = t.split(['>', '›', '»']).map(str::trim).collect();
    (2..=5).contains(&parts.len())
        && parts.iter().all(|p| {
            let words: Vec<&str> = p.unicode_words().collect();
            (1..=3).contains(&words.len())
                && words.iter().all(|w| {
                    w.chars()
                        .next()
                        .is_some_and(|c| c.is_uppercase() || c.is_numeric())
                })
        })
}

/// Words that make up share, vote and comment counters.
pub(super) const COUNTER_WORDS: &[&str] = &[
    "points",
    "point",
    "votes",
    "vote",
    "upvote",
    "upvotes",
    "downvote",
    "downvotes",
    "total",
    "percentage",
    "shares",
    "share",
    "likes",
    "like",
    "comments",
    "comment",
    "views",
    "view",
    "reads",
    "tweet",
    "tweets",
    "pin",
    "reactions",
    "reaction",
    "replies",
    "reply",
    "followers",
    "retweets",
    "claps",
    "loves",
    "k",
    "m",
    "score",
    "rating",
];

/// Social networks named in follow prompts.
pub(super) const SOCIAL: &[&str] = &[
    "facebook",
    "twitter",
    "x",
    "instagram",
    "telegram",
    "youtube",
    "tiktok",
    "linkedin",
    "whatsapp",
    "vk",
    "mastodon",
    "threads",
    "bluesky",
];

/// True for the heading of a comment form ("Leave a Reply"), which usually closes the thread.
pub(super) fn is_comment_form(ptext: &str) -> bool {
    let joined = super::fold(ptext);
    matches!(
        joined.as_str(),
        "leave a comment"
            | "leave a reply"
            | "post a comment"
            | "add a comment"
            | "add comment"
            | "comments are closed"
            | "cancel reply"
            | "leave a response"
            | "write a comment"
    )
}

/// A single line of at least four words, starting with a capital or digit and not ending in
/// sentence punctuation: a link to another story.
pub(super) fn is_headline_line(ptext: &str) -> bool {
    let t = ptext.trim();
    !t.contains('\n')
        && t.unicode_words().count() >= 4
        && t.chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_numeric())
        && !t.ends_with(['.', ',', ':', ';', '!', '?', '”', '"'])
}

/// "2 Comments", "Comments (3)", "12 Responses to …", "3 thoughts on …", "Leave a Reply".
pub(super) fn is_comment_heading(w: &[&str]) -> bool {
    let rest: Vec<&str> = w.iter().copied().filter(|x| !is_number(x)).collect();
    let noun = |x: &str| matches!(x, "comment" | "comments" | "responses" | "response");
    let joined = rest.join(" ");
    (rest.len() == 1 && noun(rest[0]))
        || (w.len() >= 2
            && is_number(w[0])
            && rest.first().is_some_and(|x| noun(x) || *x == "thoughts"))
        || matches!(
            joined.as_str(),
            "leave a comment"
                | "leave a reply"
                | "post a comment"
                | "add a comment"
                | "add comment"
                | "join the discussion"
                | "join the conversation"
                | "comments are closed"
                | "show comments"
                | "view comments"
                | "reader comments"
                | "discussion"
                | "cancel reply"
                | "leave a response"
                | "write a comment"
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A line read from the text's words is classified as the line on its own, at the
    /// twelve-word limit and with marks, spaces and symbols at its ends.
    #[test]
    fn a_line_in_its_text_is_classified_as_on_its_own() {
        let text = "Skip to content\n\
            one two three four five six seven eight nine ten eleven twelve\n\
            one two three four five six seven eight nine ten eleven twelve thirteen\n\
            \u{A0}Share this:\u{A0}\n\
            \u{301}Facebook Twitter Email one two three four five six seven eight nine\n\
            🇺🇸Related stories 🇬🇧\n\
            Leave a comment »\n\
            | • |\n\
            Photo: Jane Doe/Reuters\n\
            It was, the council said, a long night of votes on the harbour plan.";
        let words: Vec<(usize, &str)> = text.unicode_word_indices().collect();
        let mut furniture = 0;
        for line in text.lines() {
            let alone = classify_line(line);
            assert_eq!(classify_line_in(text, &words, line), alone, "{line:?}");
            furniture += usize::from(alone.is_some());
        }
        assert!(furniture >= 4, "the sample holds furniture lines");
        assert_eq!(
            classify_line_in(text, &words, "Skip to content"),
            classify_line("Skip to content")
        );
    }
}
