//! Writing a lexicon's tables and rules out as Rust: how `bundled.rs`, the bundled lexicon
//! compiled into the binary, is made (by the test `bundled_tables_are_current`).
//!
//! The text is the tables [`Lexicon::with_rules`] builds, value for value: entries with their
//! words (normal form and stem) and sense rules, the index from the first word of each match
//! key to its entries with the positions of its words by their hash, and the sense rules with
//! their word sets sorted as built.

use std::collections::HashMap;
use std::fmt::Write;

use super::sense::{Pos, Sense, WordSet, Words};
use super::{Lexicon, source_hash};

/// The strings of the tables, each stored once in one text and written as `T(start, end)`.
#[derive(Default)]
struct Text {
    text: String,
    at: HashMap<String, (usize, usize)>,
}

impl Text {
    /// `s` as a `Str` literal.
    fn t(&mut self, s: &str) -> String {
        let (start, end) = *self.at.entry(s.to_string()).or_insert_with(|| {
            let start = self.text.len();
            self.text.push_str(s);
            (start, self.text.len())
        });
        format!("T({start}, {end})")
    }
}

/// The Rust text of `lexicon`'s tables, compiled from the lexicon file `source`.
pub(super) fn render(lexicon: &Lexicon, source: &str) -> String {
    let t = &lexicon.tables;
    let mut text = Text::default();
    let mut o = String::new();
    o.push_str(
        "// The bundled lexicon (assets/lexicon.toml) compiled: the tables and rules that\n\
         // `Lexicon::from_toml` builds from it, for a start-up that reads them instead of parsing\n\
         // the file. Written by the test `bundled_tables_are_current` with\n\
         // PARALLAX_WRITE_LEXICON=1 (see src/compare/lexicon.rs); do not edit by hand.\n\n",
    );
    let _ = writeln!(
        o,
        "/// Hash of the lexicon file these tables were compiled from.\n\
         pub(super) const SOURCE_HASH: u64 = {:#018x};\n",
        source_hash(source)
    );
    o.push_str(
        "/// One entry: term, category, reason, exact, words as (normal form, stem), sense rules.\n\
         macro_rules! item {\n    \
         ($t:expr, $c:expr, $r:expr, $x:literal, $w0:literal..$w1:literal, $k0:literal..$k1:literal) => {\n        \
         Item { term: $t, category: $c, reason: $r, exact: $x, words: L($w0, $w1), senses: L($k0, $k1) }\n    \
         };\n}\n\n",
    );
    // Category names and reasons, each written once.
    let mut strings: Vec<&str> = Vec::new();
    for item in t.items.iter() {
        for s in [&*item.category, &*item.reason] {
            if !strings.contains(&s) {
                strings.push(s);
            }
        }
    }
    for (i, s) in strings.iter().enumerate() {
        let _ = writeln!(o, "const S{i}: super::Str = {};", text.t(s));
    }
    o.push_str("\npub(super) static TABLES: Tables = Tables {\n    categories: B(&[\n");
    for c in t.categories.iter() {
        let _ = writeln!(
            o,
            "        Category {{ name: {}, description: {}, priority: {} }},",
            text.t(&c.name),
            text.t(&c.description),
            c.priority
        );
    }
    o.push_str("    ]),\n    items: B(&[\n");
    // The entries' words and the lists of numbers, each kept in one pool (`WORDS`, `IDS`)
    // and written as a range of it.
    let mut word_pool: Vec<String> = Vec::new();
    let mut id_pool: Vec<u32> = Vec::new();
    for item in t.items.iter() {
        let w0 = word_pool.len();
        word_pool.extend(
            item.words
                .iter()
                .map(|(n, s)| format!("({}, {})", text.t(n), text.t(s))),
        );
        let k0 = id_pool.len();
        id_pool.extend(item.senses.iter());
        let _ = writeln!(
            o,
            "        item!({}, {}, {}, {}, {w0}..{}, {k0}..{}),",
            text.t(&item.term),
            const_name(&strings, &item.category),
            const_name(&strings, &item.reason),
            item.exact,
            word_pool.len(),
            id_pool.len(),
        );
    }
    o.push_str("    ]),\n");
    for (field, index) in [("by_stem", &t.by_stem), ("by_norm", &t.by_norm)] {
        let _ = writeln!(o, "    {field}: B(&[");
        for (w, list) in index.iter() {
            let k0 = id_pool.len();
            id_pool.extend(list.iter());
            let _ = writeln!(o, "        ({}, L({k0}, {})),", text.t(w), id_pool.len());
        }
        o.push_str("    ]),\n");
    }
    o.push_str("};\n\npub(super) static RULES: Rules = Rules {\n    senses: B(&[\n");
    let r = &lexicon.rules;
    for s in r.senses.iter() {
        sense(&mut o, &mut text, s);
    }
    o.push_str("    ]),\n    cues: Cues {\n");
    let c = &r.cues;
    for (field, w) in [
        ("determiner", &c.determiner),
        ("preposition", &c.preposition),
        ("pronoun", &c.pronoun),
        ("modal", &c.modal),
        ("be", &c.be),
        ("adverb", &c.adverb),
    ] {
        let _ = writeln!(o, "        {field}: {},", words(&mut text, w));
    }
    let _ = writeln!(o, "    }},\n    heads: {},\n}};", set(&mut text, &r.heads));
    let _ = writeln!(
        o,
        "\n/// The entries' words as (normal form, stem), each entry's a range.\n\
         pub(super) static WORDS: [(super::Str, super::Str); {}] = [\n    {}\n];",
        word_pool.len(),
        word_pool.join(",\n    ")
    );
    let ids: Vec<String> = id_pool.iter().map(u32::to_string).collect();
    let _ = writeln!(
        o,
        "\n/// The entries' sense rules and the index's entries, each list a range.\n\
         pub(super) static IDS: [u32; {}] = [{}];",
        ids.len(),
        ids.join(", ")
    );
    for (name, index) in [("BY_STEM_FIRST", &t.by_stem), ("BY_NORM_FIRST", &t.by_norm)] {
        let slots: Vec<String> = super::first_words(index)
            .iter()
            .map(u32::to_string)
            .collect();
        let _ = writeln!(
            o,
            "\n/// The positions in the index by the hash of their word (`first_words`).\n\
             pub(super) static {name}: [u32; {}] = [{}];",
            slots.len(),
            slots.join(", ")
        );
    }
    let _ = writeln!(
        o,
        "\n/// Every string of the tables above, each once.\n\
         pub(super) const TEXT: &str = {:?};",
        text.text
    );
    o
}

/// The name of the constant that holds `s`, one of `strings`.
fn const_name(strings: &[&str], s: &str) -> String {
    let i = strings
        .iter()
        .position(|x| *x == s)
        .unwrap_or(strings.len());
    format!("S{i}")
}

/// One sense rule, as a `Sense` literal.
fn sense(o: &mut String, text: &mut Text, s: &Sense) {
    let mut strs = |l: &[super::Str]| {
        let items: Vec<String> = l.iter().map(|x| text.t(x)).collect();
        format!("B(&[{}])", items.join(", "))
    };
    let (terms, hit, miss) = (strs(&s.terms), strs(&s.hit), strs(&s.miss));
    let pos = |l: &[Pos]| {
        let items: Vec<String> = l.iter().map(|p| format!("Pos::{p:?}")).collect();
        format!("B(&[{}])", items.join(", "))
    };
    let _ = writeln!(
        o,
        "        Sense {{\n            terms: {},\n            reason: {},\n            \
         used_as: {},\n            unless_used_as: {},\n            next: {},\n            \
         next_within: {},\n            prev: {},\n            prev_within: {},\n            \
         unless_clause: {},\n            subject: {},\n            hit: {},\n            \
         miss: {},\n        }},",
        terms,
        text.t(&s.reason),
        pos(&s.used_as),
        pos(&s.unless_used_as),
        words(text, &s.next),
        s.next_within,
        words(text, &s.prev),
        s.prev_within,
        words(text, &s.unless_clause),
        s.subject,
        hit,
        miss,
    );
}

/// A `Words` literal.
fn words(text: &mut Text, w: &Words) -> String {
    format!(
        "Words {{ words: {}, name: {} }}",
        set(text, &w.words),
        w.name
    )
}

/// A `WordSet` literal.
fn set(text: &mut Text, s: &WordSet) -> String {
    let items: Vec<String> = s.0.iter().map(|x| text.t(x)).collect();
    format!("WordSet(B(&[{}]))", items.join(", "))
}
