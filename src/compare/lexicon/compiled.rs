//! Writing a lexicon's tables and rules out as Rust: how `bundled.rs`, the bundled lexicon
//! compiled into the binary, is made (by the test `bundled_tables_are_current`).
//!
//! The text is the tables [`Lexicon::with_rules`] builds, value for value: entries with their
//! words (normal form and stem) and sense rules, the index from the first word of each match
//! key to its entries, and the sense rules with their word sets sorted as built.

use std::fmt::Write;

use super::sense::{Pos, Sense, WordSet, Words};
use super::{Lexicon, source_hash};

/// The Rust text of `lexicon`'s tables, compiled from the lexicon file `source`.
pub(super) fn render(lexicon: &Lexicon, source: &str) -> String {
    let t = &lexicon.tables;
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
         ($t:literal, $c:expr, $r:expr, $x:literal, [$(($n:literal, $s:literal)),*], [$($k:literal),*]) => {\n        \
         Item { term: B($t), category: $c, reason: $r, exact: $x, words: B(&[$((B($n), B($s))),*]), senses: B(&[$($k),*]) }\n    \
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
        let _ = writeln!(o, "const S{i}: super::Str = B({s:?});");
    }
    o.push_str("\npub(super) static TABLES: Tables = Tables {\n    categories: B(&[\n");
    for c in t.categories.iter() {
        let _ = writeln!(
            o,
            "        Category {{ name: B({:?}), description: B({:?}), priority: {} }},",
            c.name, c.description, c.priority
        );
    }
    o.push_str("    ]),\n    items: B(&[\n");
    for item in t.items.iter() {
        let words: Vec<String> = item
            .words
            .iter()
            .map(|(n, s)| format!("({n:?}, {s:?})"))
            .collect();
        let senses: Vec<String> = item.senses.iter().map(u32::to_string).collect();
        let _ = writeln!(
            o,
            "        item!({:?}, {}, {}, {}, [{}], [{}]),",
            item.term,
            const_name(&strings, &item.category),
            const_name(&strings, &item.reason),
            item.exact,
            words.join(", "),
            senses.join(", ")
        );
    }
    o.push_str("    ]),\n");
    for (field, index) in [("by_stem", &t.by_stem), ("by_norm", &t.by_norm)] {
        let _ = writeln!(o, "    {field}: B(&[");
        for (w, ids) in index.iter() {
            let ids: Vec<String> = ids.iter().map(u32::to_string).collect();
            let _ = writeln!(o, "        (B({w:?}), B(&[{}])),", ids.join(", "));
        }
        o.push_str("    ]),\n");
    }
    o.push_str("};\n\npub(super) static RULES: Rules = Rules {\n    senses: B(&[\n");
    let r = &lexicon.rules;
    for s in r.senses.iter() {
        sense(&mut o, s);
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
        let _ = writeln!(o, "        {field}: {},", words(w));
    }
    let _ = writeln!(o, "    }},\n    heads: {},\n}};", set(&r.heads));
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
fn sense(o: &mut String, s: &Sense) {
    let strs = |l: &[super::Str]| {
        let items: Vec<String> = l.iter().map(|x| format!("B({x:?})")).collect();
        format!("B(&[{}])", items.join(", "))
    };
    let pos = |l: &[Pos]| {
        let items: Vec<String> = l.iter().map(|p| format!("Pos::{p:?}")).collect();
        format!("B(&[{}])", items.join(", "))
    };
    let _ = writeln!(
        o,
        "        Sense {{\n            terms: {},\n            reason: B({:?}),\n            \
         used_as: {},\n            unless_used_as: {},\n            next: {},\n            \
         next_within: {},\n            prev: {},\n            prev_within: {},\n            \
         unless_clause: {},\n            subject: {},\n            hit: {},\n            \
         miss: {},\n        }},",
        strs(&s.terms),
        s.reason,
        pos(&s.used_as),
        pos(&s.unless_used_as),
        words(&s.next),
        s.next_within,
        words(&s.prev),
        s.prev_within,
        words(&s.unless_clause),
        s.subject,
        strs(&s.hit),
        strs(&s.miss),
    );
}

/// A `Words` literal.
fn words(w: &Words) -> String {
    format!("Words {{ words: {}, name: {} }}", set(&w.words), w.name)
}

/// A `WordSet` literal.
fn set(s: &WordSet) -> String {
    let items: Vec<String> = s.0.iter().map(|x| format!("B({x:?})")).collect();
    format!("WordSet(B(&[{}]))", items.join(", "))
}
