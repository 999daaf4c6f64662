//! Paragraph rules: notices, appeals, teasers, and the attributed quotations that keep a
//! paragraph out of the keyword rules.

use unicode_segmentation::UnicodeSegmentation;

use super::{contains_phrase, fold, split_folded};

/// Cookie banners and copyright footers longer than one line.
pub(super) fn is_notice(words: &[&str]) -> bool {
    let cookie = words.iter().any(|&w| w == "cookie" || w == "cookies")
        && [
            &["we", "use"][..],
            &["this", "website"],
            &["this", "site"],
            &["accept"],
            &["consent"],
            &["cookie", "policy"],
            &["privacy", "policy"],
        ]
        .iter()
        .any(|p| contains_phrase(words, p));
    cookie || contains_phrase(words, &["all", "rights", "reserved"])
}

/// True for a reader-directed appeal: subscriptions, newsletters, donations, support.
pub(super) fn is_appeal(words: &[&str]) -> bool {
    const PHRASES: &[&[&str]] = &[
        &["subscribe"],
        &["newsletter"],
        &["newsletters"],
        &["sign", "up"],
        &["donate"],
        &["your", "donations"],
        &["your", "donation"],
        &["your", "support"],
        &["support", "us"],
        &["support", "our"],
        &["please", "support"],
        &["we", "need", "your"],
        &["help", "us", "keep"],
        &["will", "you", "help"],
        &["become", "a", "member"],
        &["become", "a", "patron"],
        &["become", "a", "subscriber"],
        &["patreon"],
        &["make", "a", "contribution"],
        &["chip", "in"],
        &["your", "inbox"],
        &["real", "time", "updates"],
        &["turn", "on", "notifications"],
        &["download", "our", "app"],
        &["mailing", "list"],
        &["free", "trial"],
    ];
    const READER: &[&str] = &["you", "your", "our", "us", "we", "please"];
    let addressed = words.iter().any(|w| READER.contains(w))
        || words.first().is_some_and(|&w| {
            matches!(
                w,
                "subscribe" | "sign" | "donate" | "support" | "join" | "get"
            )
        });
    addressed && PHRASES.iter().any(|p| contains_phrase(words, p))
}

/// A teaser card of at most three lines: a headline line (no sentence punctuation at its end,
/// fourteen words at most, at least a third capitalised) followed on the next line by a
/// standfirst of 4–60 words starting with a capital.
pub(super) fn is_teaser(ptext: &str) -> bool {
    let mut lines = ptext.lines().map(str::trim).filter(|l| !l.is_empty());
    let (Some(first), Some(second)) = (lines.next(), lines.next()) else {
        return false;
    };
    let standfirst = second.unicode_words().count();
    ptext.lines().filter(|l| !l.trim().is_empty()).count() <= 3
        && headline_like(first)
        && second.chars().next().is_some_and(char::is_uppercase)
        && (4..=60).contains(&standfirst)
}

/// True for a headline-shaped line: 2–14 words, starting with a capital or digit, not ending
/// in sentence punctuation, a comma or a colon, and with at least a third of its words
/// capitalised.
pub(super) fn headline_like(line: &str) -> bool {
    let t = line.trim();
    if t.contains('\n') {
        return false;
    }
    let words: Vec<&str> = t.unicode_words().collect();
    if words.len() < 2 || words.len() > 14 {
        return false;
    }
    let caps = words
        .iter()
        .filter(|w| {
            w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_numeric())
        })
        .count();
    t.chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_numeric())
        && !t.ends_with(['.', ',', ':', ';', '!', '?'])
        && caps * 3 >= words.len()
}

/// True when the paragraph quotes someone with attribution: a quotation mark and a reporting
/// verb. Such paragraphs are reporting, whatever words they contain.
pub(super) fn is_attributed_quote(ptext: &str) -> bool {
    ptext.contains(QUOTE_MARKS) && quotes_with_attribution(ptext, &split_folded(&fold(ptext)))
}

/// The quotation marks [`is_attributed_quote`] looks for.
const QUOTE_MARKS: [char; 7] = ['“', '”', '"', '‘', '’', '«', '»'];

/// [`is_attributed_quote`] with the paragraph's lower-cased words ([`fold`]) already worked out.
pub(super) fn quotes_with_attribution(ptext: &str, words: &[&str]) -> bool {
    if !ptext.contains(QUOTE_MARKS) {
        return false;
    }
    words.iter().any(|&w| {
        matches!(
            w,
            "said"
                | "says"
                | "say"
                | "told"
                | "stated"
                | "added"
                | "according"
                | "claimed"
                | "wrote"
                | "asked"
                | "declared"
                | "announced"
                | "insisted"
                | "warned"
        )
    })
}
