//! The words of a stretch of a text, from the text's one UAX #29 split: a stretch cut out of a
//! text mostly has exactly the text's words inside it, so the stages that look at the words
//! of a quotation or a line read them there instead of splitting the stretch again.

use unicode_segmentation::{UnicodeSegmentation, UnicodeWords};

/// The UAX #29 words of `text[from..to]`, exactly as `unicode_words` splits that stretch on
/// its own, given the text's `words` (`unicode_word_indices`). They are the text's words
/// inside the stretch when no word of the text crosses either end and the characters on both
/// sides of each end are plain (ASCII, Latin letters, quotation marks, dashes): every rule of
/// UAX #29 that looks past a boundary between plain characters looks at both sides alike, so
/// the stretch cut out changes no boundary inside it. Any other stretch is split again.
pub(crate) fn words_between<'t>(
    text: &'t str,
    words: &'t [(usize, &'t str)],
    from: usize,
    to: usize,
) -> Between<'t> {
    let first = words.partition_point(|&(at, _)| at < from);
    // A stretch is short beside its text: gallop from its first word to its end.
    let last = first + partition_near(&words[first..], |&(at, _)| at < to);
    let crosses = |k: usize, at: usize| {
        k.checked_sub(1)
            .is_some_and(|k| words[k].0 + words[k].1.len() > at)
    };
    let plain_around = |at: usize| {
        text[..at].chars().next_back().is_none_or(plain)
            && text[at..].chars().next().is_none_or(plain)
    };
    if crosses(first, from) || crosses(last, to) || !plain_around(from) || !plain_around(to) {
        return Between::Split(text[from..to].unicode_words());
    }
    Between::Text(words[first..last].iter())
}

/// `items.partition_point(pred)` for a point expected near the front: the search doubles its
/// step from the front until it passes the point, then halves its way back, in about
/// `2 log2(point)` comparisons instead of `log2(items.len())`, on memory near the front.
pub(crate) fn partition_near<T>(items: &[T], mut pred: impl FnMut(&T) -> bool) -> usize {
    let mut lo = 0;
    let mut step = 1;
    while lo + step <= items.len() && pred(&items[lo + step - 1]) {
        lo += step;
        step *= 2;
    }
    let hi = (lo + step).min(items.len());
    lo + items[lo..hi].partition_point(pred)
}

/// A character whose word-boundary properties are plain: no rule of UAX #29 skips it (like a
/// combining mark) or reads a run of it (like regional indicators).
fn plain(c: char) -> bool {
    c.is_ascii()
        || matches!(c, '\u{C0}'..='\u{24F}' if c != '\u{D7}' && c != '\u{F7}')
        || matches!(
            c,
            '“' | '”' | '‘' | '’' | '„' | '‚' | '«' | '»' | '‹' | '›' | '—' | '–' | '…'
        )
}

/// The words of a stretch of a text ([`words_between`]).
pub(crate) enum Between<'t> {
    /// The text's own words.
    Text(std::slice::Iter<'t, (usize, &'t str)>),
    /// The stretch split on its own.
    Split(UnicodeWords<'t>),
}

impl<'t> Iterator for Between<'t> {
    type Item = &'t str;

    fn next(&mut self) -> Option<&'t str> {
        match self {
            Between::Text(it) => it.next().map(|&(_, w)| w),
            Between::Split(it) => it.next(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The galloping search finds the same point as the binary search, wherever it is.
    #[test]
    fn partition_near_agrees_with_partition_point() {
        for len in 0..70usize {
            let items: Vec<usize> = (0..len).collect();
            for point in 0..=len {
                let got = partition_near(&items, |&x| x < point);
                assert_eq!(got, items.partition_point(|&x| x < point), "{len} {point}");
                assert_eq!(got, point);
            }
        }
    }

    /// Every stretch between two character boundaries has the words it has on its own, whether
    /// they come from the text's words or from splitting it again.
    #[test]
    fn words_between_are_the_stretch_split_alone() {
        let samples = [
            "“It isn't over,” the U.S. envoy said at 3.5 p.m. on 1,000 ‘quiet’ days — really…",
            "Café naïve «déjà vu» l’été, don’t: e\u{301}lan x\u{200D}y_z a:b 'quoted' \"twice\"",
            "Flags 🇺🇸🇬🇧🇫🇷 and 👩\u{200D}💻 plus ש\"ב and 12,5;6\r\nnext  line\u{AD}break ×2",
            "Share this:\n  Facebook | Twitter \n\u{A0}Skip to content\u{2028}Menu\t»\n",
        ];
        for text in samples {
            let words: Vec<(usize, &str)> = text.unicode_word_indices().collect();
            let cuts: Vec<usize> = (0..=text.len())
                .filter(|&k| text.is_char_boundary(k))
                .collect();
            for (i, &from) in cuts.iter().enumerate() {
                for &to in &cuts[i..] {
                    let got: Vec<&str> = words_between(text, &words, from, to).collect();
                    let alone: Vec<&str> = text[from..to].unicode_words().collect();
                    assert_eq!(got, alone, "{:?}", &text[from..to]);
                }
            }
        }
    }
}
