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
//! run-time set. A small table looked up for most words of a text (normal forms, function
//! words, marker forms) is a [`Filtered`] table: an index by a cheap word hash (`word_hash.rs`,
//! which the build script includes too) names the one word that can match, so that nearly
//! every look-up, hit or miss, costs that hash and at most one comparison.

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

/// A [`Words`] table behind an index by a cheap hash: entry [`index_entry`] of a word is 0
/// when no listed word has that entry, the word's slot plus one when it is the only one, and
/// [`Filtered::SHARED`] when several have it (the perfect-hash table then finds the word).
#[derive(Clone, Copy, Debug)]
pub struct Filtered {
    /// The entries, a power of two of them.
    pub index: &'static [u16],
    /// The table.
    pub words: &'static Words,
}

impl Filtered {
    /// The entry of an index shared by several listed words.
    pub const SHARED: u16 = u16::MAX;

    /// The slot of `word`, when the table lists it.
    pub fn slot(&self, word: &str) -> Option<usize> {
        match self.index[index_entry(word, self.index.len())] {
            0 => None,
            Self::SHARED => self.words.slot(word),
            entry => {
                let slot = usize::from(entry - 1);
                (self.words.words.get(slot) == word).then_some(slot)
            }
        }
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

    /// The index of `len` entries of `words` in the slot `order` of their table, as the build
    /// script makes it.
    fn index(words: &[&str], order: &[usize], len: usize) -> &'static [u16] {
        let mut index = vec![0u16; len];
        for (slot, &i) in order.iter().enumerate() {
            let e = &mut index[index_entry(words[i], len)];
            *e = if *e == 0 {
                u16::try_from(slot + 1).unwrap()
            } else {
                Filtered::SHARED
            };
        }
        Vec::leak(index)
    }

    #[test]
    fn a_filtered_table_finds_what_its_table_finds() {
        let listed = [
            "colour",
            "",
            "ageing",
            "organisation",
            "naïve",
            "x",
            "centre",
            "fibre",
        ];
        let (words, order) = table(&listed);
        let words: &'static Words = Box::leak(Box::new(words));
        let others = [
            "color",
            "colours",
            "age",
            "organisations",
            "naive",
            "y",
            "colour ",
        ];
        // A roomy index, one where some words share entries, and one where all do.
        for len in [256, 4, 1] {
            let index = index(&listed, &order, len);
            if len == 4 {
                assert!(index.contains(&Filtered::SHARED));
            }
            let filtered = Filtered { index, words };
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
