//! Unit tests of the lexicon file and its rules.

use std::collections::BTreeMap;

use super::*;

#[test]
fn bundled_lexicon_parses_and_is_broad() {
    let (cats, entries, _) = file::parse_file(BUNDLED).expect("assets/lexicon.toml must parse");
    assert!(cats.len() >= 7, "categories: {}", cats.len());
    assert!(entries.len() >= 400, "entries: {}", entries.len());
    let lex = Lexicon::from_toml(BUNDLED).expect("bundled lexicon must compile");
    assert_eq!(lex.len(), Lexicon::builtin().len());
}

#[test]
fn bundled_entries_are_unique_after_stemming_and_have_reasons() {
    let (cats, entries, _) = file::parse_file(BUNDLED).expect("parse");
    let mut seen: BTreeMap<(bool, Vec<String>), &str> = BTreeMap::new();
    let mut dups = Vec::new();
    for e in &entries {
        let key = entry_ident(e);
        assert!(!key.is_empty(), "empty term in {}", e.category);
        if let Some(prev) = seen.insert((e.exact, key), &e.term) {
            dups.push(format!("{prev} = {}", e.term));
        }
        assert!(!e.reason.trim().is_empty(), "no reason for {}", e.term);
        assert!(!e.reason.contains('\n'), "reason of {} spans lines", e.term);
        assert_eq!(e.term, e.term.trim(), "stray whitespace in {:?}", e.term);
    }
    assert!(dups.is_empty(), "entries stemming alike: {dups:?}");
    for c in &cats {
        assert!(
            !c.description.trim().is_empty(),
            "category {} undescribed",
            c.name
        );
    }
}

#[test]
fn reasons_for_unknown_terms_are_rejected() {
    let src = r#"
[[category]]
name = "x"
description = "d"
reason = "r"
terms = ["a"]
[category.reasons]
"b" = "typo"
"#;
    assert!(matches!(
        Lexicon::from_toml(src),
        Err(LexiconError::Parse(_))
    ));
}

#[test]
fn punctuation_breaks_a_phrase() {
    assert!(breaks_phrase(". "));
    assert!(breaks_phrase(", "));
    assert!(!breaks_phrase(" "));
    assert!(!breaks_phrase("-"));
    assert!(!breaks_phrase("’ "));
}

/// An article of `text`: its first line is the headline when it has more than one line.
fn example(text: &str) -> Article {
    let (title, body) = match text.split_once('\n') {
        Some((t, b)) => (t.to_string(), format!("{t}\n\n{b}")),
        None => ("Example".to_string(), format!("Example\n\n{text}")),
    };
    Article::new(
        "example".to_string(),
        crate::corpus::Meta {
            title: title.clone(),
            ..Default::default()
        },
        crate::corpus::Source::Demo {
            name: "example.txt".to_string(),
        },
        body,
        Some(Span::new(0, title.len())),
    )
}

#[test]
fn every_sense_rule_has_examples_that_behave() {
    let lex = Lexicon::builtin();
    assert!(!lex.rules().senses().is_empty());
    let mut wrong = Vec::new();
    for sense in lex.rules().senses() {
        assert!(
            !sense.hit.is_empty() && !sense.miss.is_empty(),
            "rule for {:?} needs hit and miss examples",
            sense.terms
        );
        for (texts, want) in [(&sense.hit, true), (&sense.miss, false)] {
            for text in texts.iter() {
                let art = example(text);
                let found: Vec<&str> = lex
                    .find(&art)
                    .iter()
                    .filter_map(|(e, _)| lex.term(*e))
                    .filter(|t| sense.terms.iter().any(|s| &**s == *t))
                    .collect();
                if found.is_empty() == want {
                    wrong.push(format!(
                        "rule for {:?}: {text:?} should {}be a hit",
                        &sense.terms[..sense.terms.len().min(3)],
                        if want { "" } else { "not " }
                    ));
                }
            }
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
}

/// The bundled lexicon built from its file at run time, as a user-patched one is.
fn built() -> Lexicon {
    Lexicon::from_toml(BUNDLED).expect("bundled lexicon must compile")
}

#[test]
fn bundled_tables_are_current() {
    let text = compiled::render(&built(), BUNDLED);
    if std::env::var_os("PARALLAX_WRITE_LEXICON").is_some() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/src/compare/lexicon/bundled.rs"
        );
        std::fs::write(path, &text).expect("write src/compare/lexicon/bundled.rs");
        return;
    }
    assert!(
        include_str!("bundled.rs") == text,
        "src/compare/lexicon/bundled.rs is not what assets/lexicon.toml compiles to now: write \
         it anew with `PARALLAX_WRITE_LEXICON=1 cargo test --release --locked --lib \
         bundled_tables_are_current`, rebuild, and commit it with the lexicon"
    );
}

#[test]
fn compiled_tables_are_the_ones_built_from_the_file() {
    assert_eq!(
        source_hash(BUNDLED),
        bundled::SOURCE_HASH,
        "bundled.rs was made from another lexicon file"
    );
    let (compiled, built) = (Lexicon::compiled(), built());
    assert!(matches!(Lexicon::bundled().tables.items, Cow::Borrowed(_)));
    assert_eq!(compiled.len(), built.len());
    for (c, b) in compiled.tables.items.iter().zip(built.tables.items.iter()) {
        assert_eq!(c, b);
    }
    assert_eq!(compiled.tables, built.tables);
    assert_eq!(compiled.rules, built.rules);
}

/// An article that names every entry of `lex`, each in a sentence of its own.
fn every_term(lex: &Lexicon) -> Article {
    let mut text = String::from("Every term\n");
    for (i, e) in lex.entries().iter().enumerate() {
        text.push_str(if i % 8 == 0 { "\n\n" } else { " " });
        text.push_str(&format!("They called it {} again.", e.term));
    }
    example(&text)
}

#[test]
fn compiled_lexicon_finds_what_the_built_one_finds() {
    let (compiled, built) = (Lexicon::compiled(), built());
    for demo in crate::corpus::demo::library().articles {
        assert_eq!(compiled.find(&demo), built.find(&demo), "{}", demo.id);
    }
    let art = every_term(&built);
    let found = compiled.find(&art);
    assert_eq!(found, built.find(&art));
    assert!(
        found.len() > compiled.len() * 3 / 4,
        "{} hits of {} entries",
        found.len(),
        compiled.len()
    );
    let user = UserLexicon {
        add: vec![Entry {
            term: "fake news".to_string(),
            category: "mine".to_string(),
            reason: String::new(),
            exact: false,
        }],
        disable: vec!["regime".to_string()],
        ..UserLexicon::default()
    };
    let (a, _) = compiled.with_user(&user);
    let (b, _) = built.with_user(&user);
    assert_eq!(a.find(&art), b.find(&art));
}

/// Every match of an entry's key in `reading`, found by an Aho–Corasick automaton over the
/// keys written as `\u{1}word\u{2}` sequences, with `\u{3}` between runs (how the matcher
/// worked before the first-word index).
fn automaton_matches(lex: &Lexicon, tokens: &[Token], reading: &Reading) -> Vec<[usize; 3]> {
    use aho_corasick::{AhoCorasick, MatchKind};
    let encode = |w: &str, out: &mut String| {
        out.push('\u{1}');
        out.push_str(w);
        out.push('\u{2}');
    };
    let mut out = Vec::new();
    for exact in [false, true] {
        let mut patterns = Vec::new();
        let mut ids = Vec::new();
        for (i, item) in lex.tables.items.iter().enumerate() {
            if item.exact == exact {
                let mut p = String::new();
                item.key().for_each(|w| encode(w, &mut p));
                patterns.push(p);
                ids.push(i);
            }
        }
        let ac = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .build(&patterns)
            .expect("automaton");
        let mut hay = String::new();
        let mut starts = Vec::new();
        for (p, &ti) in reading.order.iter().enumerate() {
            if p == 0 || reading.run_start[p] != reading.run_start[p - 1] {
                hay.push('\u{3}');
            }
            starts.push((hay.len(), ti));
            let t = &tokens[ti];
            encode(if exact { &t.norm } else { &t.stem }, &mut hay);
        }
        for m in ac.find_overlapping_iter(hay.as_str()) {
            let first = starts.partition_point(|s| s.0 < m.start());
            let last = starts.partition_point(|s| s.0 < m.end()) - 1;
            out.push([starts[first].1, starts[last].1, ids[m.pattern().as_usize()]]);
        }
    }
    out.sort_unstable();
    out
}

#[test]
fn first_word_index_matches_what_an_automaton_matches() {
    let lex = Lexicon::compiled();
    let mut arts = vec![every_term(&lex)];
    arts.extend(crate::corpus::demo::library().articles);
    for art in arts {
        let (reading, _) = Reading::of(&art);
        let tokens = &art.analysis.tokens;
        let mut got: Vec<[usize; 3]> = lex
            .matches(tokens, &reading)
            .into_iter()
            .map(|(f, l, e)| [f, l, e])
            .collect();
        got.sort_unstable();
        let want = automaton_matches(&lex, tokens, &reading);
        assert!(!want.is_empty());
        assert_eq!(got, want, "{}", art.id);
    }
}

#[test]
fn hashed_first_words_find_what_the_sorted_index_finds() {
    let lex = Lexicon::bundled();
    let mut words: Vec<String> = Vec::new();
    for index in [&lex.tables.by_stem, &lex.tables.by_norm] {
        words.extend(index.iter().map(|(w, _)| w.to_string()));
    }
    words.extend(["", "the", "zzzz", "regimes", "Regime"].map(String::from));
    for index in [&lex.tables.by_stem, &lex.tables.by_norm] {
        let first = first_words(index);
        assert!(first.len().is_power_of_two() && first.len() >= 2 * index.len());
        // Some words sit past their home slot, so the look-ups below walk on from it.
        let moved = (0..first.len())
            .filter(|&s| first[s] != NO_WORD)
            .filter(|&s| home_slot(&index[first[s] as usize].0, first.len()) != s)
            .count();
        assert!(moved > 0);
        for w in &words {
            assert_eq!(lookup_hashed(index, &first, w), lookup(index, w), "{w:?}");
        }
    }
    // The compiled tables are the ones made at run time.
    assert_eq!(
        &lex.first_words.get().unwrap()[0][..],
        &first_words(&lex.tables.by_stem)[..]
    );
    assert_eq!(
        &lex.first_words.get().unwrap()[1][..],
        &first_words(&lex.tables.by_norm)[..]
    );
    assert!(!lookup(&lex.tables.by_stem, "regim").is_empty());
    // An empty index finds nothing.
    let empty: Index = Cow::Owned(Vec::new());
    assert_eq!(
        lookup_hashed(&empty, &first_words(&empty), "regime"),
        &[] as &[u32]
    );
}
