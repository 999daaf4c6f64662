//! Word tables compiled into the binary without pointers.
//!
//! The build script (`build.rs`) turns each bundled word table into a perfect-hash table
//! (`phf_generator`'s hash-and-displace layout, the one `phf::Map` uses) whose words are
//! stored end to end in one string with their end offsets, and whose values live in arrays of
//! their own, in the same slot order. A `phf::Map<&str, _>` holds a pointer per word instead,
//! and each pointer is a relocation the dynamic loader must write at every start (about
//! 100,000 of them for the three tables, with the pages they dirty): a third of the time a
//! short `parallax compare` took. Looked up the same way (`phf_shared`'s hash and
//! displacement), so a look-up costs what a `phf::Map` look-up costs.
//!
//! That hash is a keyed SipHash, several times the cost of the `rustc_hash` hash of a small
//! run-time set. A small table that most looked-up words are missing from (normal forms,
//! function words, marker forms) is a [`Filtered`] table: a bit array with one bit per hash of
//! a cheap word hash (`word_hash.rs`, which the build script includes too) answers most
//! misses before the table is looked at.

/// Item `i` of values stored end to end, each ending at `ends[i]`: from the end of item
/// `i - 1` (or 0) to `ends[i]`.
pub fn item_range(ends: &[u32], i: usize) -> std::ops::Range<usize> {
    let start = match i {
        0 => 0,
        _ => ends[i - 1] as usize,
    };
    start..ends[i] as usize
}

/// Strings stored end to end: string `i` runs from the end of string `i - 1` (or 0) to
/// `ends[i]`.
#[derive(Clone, Copy, Debug)]
pub struct Texts {
    /// The strings, concatenated.
    pub text: &'static str,
    /// Where each string ends in `text`.
    pub ends: &'static [u32],
}

impl Texts {
    /// How many strings there are.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// True when there are none.
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// String `i`.
    pub fn get(&self, i: usize) -> &'static str {
        &self.text[item_range(self.ends, i)]
    }

    /// The strings in order.
    pub fn iter(&self) -> impl Iterator<Item = &'static str> + '_ {
        (0..self.len()).map(|i| self.get(i))
    }
}

/// A perfect-hash set of words: [`Words::slot`] gives a listed word's slot, the index of its
/// value in the table's value arrays.
#[derive(Clone, Copy, Debug)]
pub struct Words {
    /// The hash key `phf_generator` found.
    pub key: u64,
    /// The displacements per bucket.
    pub disps: &'static [(u32, u32)],
    /// The words, in slot order.
    pub words: Texts,
}

impl Words {
    /// The slot of `word`, when the table lists it.
    pub fn slot(&self, word: &str) -> Option<usize> {
        if self.words.is_empty() {
            return None;
        }
        let hashes = phf_shared::hash(word, &self.key);
        let slot = phf_shared::get_index(&hashes, self.disps, self.words.len()) as usize;
        (self.words.get(slot) == word).then_some(slot)
    }

    /// How many words are listed.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// True when no word is listed.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }
}

include!("word_hash.rs");

/// A [`Words`] table behind a filter: a word whose bit ([`filter_bit`]) is not set is not
/// listed, so that a miss costs a cheap hash rather than the table's.
#[derive(Clone, Copy, Debug)]
pub struct Filtered {
    /// One bit per [`filter_bit`], set for each listed word; a power of two of bits.
    pub filter: &'static [u64],
    /// The table.
    pub words: &'static Words,
}

impl Filtered {
    /// The slot of `word`, when the table lists it.
    pub fn slot(&self, word: &str) -> Option<usize> {
        let bit = filter_bit(word, self.filter.len() * 64);
        if self.filter[bit / 64] & (1 << (bit % 64)) == 0 {
            return None;
        }
        self.words.slot(word)
    }

    /// True when the table lists `word`.
    pub fn contains(&self, word: &str) -> bool {
        self.slot(word).is_some()
    }

    /// How many words are listed.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// True when no word is listed.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A table built as the build script builds one.
    fn table(words: &[&'static str]) -> (Words, Vec<usize>) {
        let state = phf_generator::generate_hash(words);
        let mut text = String::new();
        let mut ends = Vec::new();
        for &i in &state.map {
            text.push_str(words[i]);
            ends.push(u32::try_from(text.len()).unwrap());
        }
        let words = Words {
            key: state.key,
            disps: Vec::leak(state.disps),
            words: Texts {
                text: String::leak(text),
                ends: Vec::leak(ends),
            },
        };
        (words, state.map)
    }

    #[test]
    fn every_word_finds_its_own_slot_and_others_none() {
        let listed = ["fired", "dismissed", "", "Ελλάδα", "naïve", "sack", "f"];
        let (words, order) = table(&listed);
        assert_eq!(words.len(), listed.len());
        for (slot, &i) in order.iter().enumerate() {
            assert_eq!(words.slot(listed[i]), Some(slot), "{}", listed[i]);
            assert_eq!(words.words.get(slot), listed[i]);
        }
        for other in ["fire", "firedd", "Fired", "sacks", "Ελλάδ"] {
            assert_eq!(words.slot(other), None, "{other}");
        }
    }

    #[test]
    fn a_filtered_table_finds_what_its_table_finds() {
        let listed = ["colour", "", "ageing", "organisation", "naïve", "x"];
        let (words, _) = table(&listed);
        let words: &'static Words = Box::leak(Box::new(words));
        // A filter as the build script makes one, and one with every bit set.
        let mut bits = vec![0u64; 4];
        for w in listed {
            let b = filter_bit(w, 256);
            bits[b / 64] |= 1 << (b % 64);
        }
        let filters = [Vec::leak(bits), Vec::leak(vec![u64::MAX; 4])];
        let others = [
            "color",
            "colours",
            "age",
            "organisations",
            "naive",
            "y",
            "colour ",
        ];
        for filter in filters {
            let filtered = Filtered { filter, words };
            for w in listed.iter().chain(&others) {
                assert_eq!(filtered.slot(w), words.slot(w), "{w}");
            }
        }
        // Words differing only past their first eight bytes hash apart.
        assert_ne!(word_hash("organisation"), word_hash("organisatiom"));
        assert_ne!(word_hash("ab"), word_hash("ab\0"));
    }

    #[test]
    fn an_empty_table_lists_nothing() {
        let words = Words {
            key: 0,
            disps: &[],
            words: Texts {
                text: "",
                ends: &[],
            },
        };
        assert_eq!(words.slot(""), None);
        assert_eq!(words.slot("word"), None);
    }
}
