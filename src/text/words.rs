//! The UAX #29 words of a text, as `unicode_word_indices` gives them, split faster.
//!
//! `unicode-segmentation` takes a fast path for a text that is all ASCII, but one curly quote
//! sends a whole article down the general path, which costs several times more per word.
//! [`word_indices`] cuts the text at places where UAX #29 always breaks and where no rule
//! looks across the cut, segments each piece on its own (so the ASCII pieces take the fast
//! path), and gives exactly the words the whole text would give.
//!
//! The cuts are before a printable ASCII character other than a space (`!` to `~`) that
//! follows a space or a line feed. Such a character is never Extend, Format or ZWJ (WB4), so
//! it is not attached to the space or line feed; no rule joins a space (other than to another
//! space, WB3d) or a line feed (WB3a) to what follows; the rules that look past their
//! neighbours (WB6, WB7, WB7b, WB7c, WB11, WB12, WB15, WB16) only look through letters,
//! digits, Mid* characters and regional indicators, never through a space or a line feed. So
//! every boundary of the whole text is a boundary of its pieces and no other.

use unicode_segmentation::UnicodeSegmentation;

/// The words of `text` with their byte offsets: the same as
/// `text.unicode_word_indices().collect()`.
pub fn word_indices(text: &str) -> Vec<(usize, &str)> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(text.len() / 6 + 1);
    let mut flush = |from: usize, to: usize| {
        if from < to {
            out.extend(
                text[from..to]
                    .unicode_word_indices()
                    .map(|(at, w)| (from + at, w)),
            );
        }
    };
    // Everything before `done` is split but for the pieces from `other` on, which hold
    // non-ASCII characters and are split together once the next ASCII run is known.
    let mut done = 0;
    let mut other = 0;
    while let Some(k) = first_non_ascii(&bytes[done..]) {
        let at = done + k;
        // The piece holding `at`: from the last cut at or before it to the first after it.
        let start = (done + 1..at)
            .rev()
            .find(|&c| is_cut(bytes, c))
            .unwrap_or(done);
        let end = (at + 1..bytes.len())
            .find(|&c| is_cut(bytes, c))
            .unwrap_or(bytes.len());
        if start > done {
            flush(other, done);
            flush(done, start);
            other = start;
        }
        done = end;
    }
    flush(other, done);
    flush(done, bytes.len());
    out
}

/// True when the text can be cut before byte `c` (see the module documentation): a printable
/// ASCII character other than a space, after a space or a line feed.
fn is_cut(bytes: &[u8], c: usize) -> bool {
    (0x21..=0x7e).contains(&bytes[c]) && matches!(bytes[c - 1], b' ' | b'\n')
}

/// The index of the first byte of `bytes` that is not ASCII, read eight bytes at a time.
fn first_non_ascii(bytes: &[u8]) -> Option<usize> {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut chunks = bytes.chunks_exact(8);
    for (i, chunk) in chunks.by_ref().enumerate() {
        let high = u64::from_le_bytes(chunk.try_into().unwrap_or_default()) & HIGH;
        if high != 0 {
            return Some(i * 8 + (high.trailing_zeros() / 8) as usize);
        }
    }
    let tail = bytes.len() - chunks.remainder().len();
    chunks
        .remainder()
        .iter()
        .position(|b| !b.is_ascii())
        .map(|k| tail + k)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn whole(text: &str) -> Vec<(usize, &str)> {
        text.unicode_word_indices().collect()
    }

    #[test]
    fn same_words_as_the_whole_text() {
        for text in [
            "",
            " ",
            "word",
            "Russia’s ISIS' don’t “Café” 1,000.5 a.m. U.S. e-mail",
            "  leading and trailing  ",
            "line\nbreaks\r\nand \n spaces\n\n",
            "’quoted’ at the start, and é at the end é",
            "a \u{301}b c\u{200d}d e\u{ad}f 🇺🇸🇬🇧 x 🇺 🇸 ש\"ב ש'ב カタ カナ",
            "#tag @name $5 ~x _under_ a_b 3.14 can't a:b",
        ] {
            assert_eq!(word_indices(text), whole(text), "{text:?}");
        }
    }

    /// Random texts over an alphabet of the characters the rules treat specially: every
    /// split is the whole text's.
    #[test]
    fn same_words_on_random_texts() {
        let alphabet: Vec<char> =
            "aZ9_ .,;:'\"\n\r\t-!#~\u{2019}\u{201c}é\u{301}\u{200d}\u{ad}\u{5d0}\
                                   \u{30ab}\u{1f1fa}\u{1f1f8}\u{1f600}\u{3000}\u{a0}"
                .chars()
                .collect();
        // A fixed linear congruential generator: the test is deterministic.
        let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = |n: usize| {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (state >> 33) as usize % n
        };
        for _ in 0..20_000 {
            let len = next(24);
            let text: String = (0..len).map(|_| alphabet[next(alphabet.len())]).collect();
            assert_eq!(word_indices(&text), whole(&text), "{text:?}");
        }
    }

    #[test]
    fn first_non_ascii_byte() {
        let naive = |b: &[u8]| b.iter().position(|b| !b.is_ascii());
        let text = "0123456789abcdef’0123456789abcdef€x".as_bytes();
        for from in 0..text.len() {
            for to in from..=text.len() {
                let b = &text[from..to];
                assert_eq!(first_non_ascii(b), naive(b), "{from}..{to}");
            }
        }
    }

    #[test]
    fn ascii_and_other_pieces_alternate() {
        let text = "plain words then “quoted” words and plain ones again, caf\u{e9} end";
        let words = word_indices(text);
        assert_eq!(words, whole(text));
        assert_eq!(words.last(), Some(&(text.len() - 3, "end")));
    }
}
