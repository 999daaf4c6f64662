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
            for text in texts {
                let art = example(text);
                let found: Vec<&str> = lex
                    .find(&art)
                    .iter()
                    .filter_map(|(e, _)| lex.entries().get(*e))
                    .filter(|e| sense.terms.contains(&e.term))
                    .map(|e| e.term.as_str())
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
