//! Loaded-term matching: inflections, multi-word entries, longest match, `only_here`, the
//! user's lexicon, and the demo pair The Duran (002) / Meduza (003).

use parallax::compare::lexicon::{Entry, Lexicon, LexiconError, UserLexicon, loaded_terms};
use parallax::compare::{LoadedTerm, Side};
use parallax::corpus::{Article, Source};

mod common;
use common::headed_article as article;

fn demo(prefix: &str) -> Article {
    let lib = parallax::corpus::demo();
    lib.articles
        .into_iter()
        .find(|a| matches!(&a.source, Source::Demo { name } if name.starts_with(prefix)))
        .expect("demo seed present")
}

/// The hits of one side as (matched text, term).
fn hits<'a>(terms: &'a [LoadedTerm], side: Side, art: &'a Article) -> Vec<(&'a str, &'a str)> {
    terms
        .iter()
        .filter(|t| t.side == side)
        .map(|t| (t.span.slice(&art.text), t.term.as_str()))
        .collect()
}

const EMPTY: &str = "Headline\n\nNothing here.";

#[test]
fn inflected_forms_hit_the_same_entry() {
    let a = article(
        "a",
        "Ministry statement\n\nThe ministry claims the convoy was hit. It claimed so again and \
         insisted. Officials are claiming victory.",
    );
    let b = article("b", EMPTY);
    let lex = Lexicon::builtin();
    let terms = loaded_terms(&a, &b, &lex);
    let got = hits(&terms, Side::A, &a);
    for form in ["claims", "claimed", "claiming", "insisted"] {
        assert!(
            got.iter().any(|(s, _)| *s == form),
            "{form} not found in {got:?}"
        );
    }
    let claim_terms: Vec<_> = got.iter().filter(|(s, _)| s.starts_with("claim")).collect();
    assert!(
        claim_terms.iter().all(|(_, t)| *t == "claim"),
        "{claim_terms:?}"
    );
}

#[test]
fn multi_word_entries_match_across_inflection_and_possessive() {
    let a = article(
        "a",
        "Report\n\nThe regime's forces advanced while regime force commanders watched. \
         The regime. Forces then left.",
    );
    let b = article("b", EMPTY);
    let terms = loaded_terms(&a, &b, &Lexicon::builtin());
    let got = hits(&terms, Side::A, &a);
    assert!(
        got.contains(&("regime's forces", "regime forces")),
        "{got:?}"
    );
    assert!(got.contains(&("regime force", "regime forces")), "{got:?}");
    // Punctuation between the words breaks the phrase: only the single word matches.
    assert!(got.contains(&("regime", "regime")), "{got:?}");
    assert!(!got.iter().any(|(s, _)| s.contains(". Forces")), "{got:?}");
}

#[test]
fn longest_match_wins_and_hits_never_overlap() {
    let a = article(
        "a",
        "Story\n\nThe mainstream media ignored it. Their media was silent. It was a ticking time \
         bomb.",
    );
    let b = article("b", EMPTY);
    let terms = loaded_terms(&a, &b, &Lexicon::builtin());
    let got = hits(&terms, Side::A, &a);
    assert!(
        got.contains(&("mainstream media", "mainstream media")),
        "{got:?}"
    );
    assert!(
        got.contains(&("ticking time bomb", "ticking time bomb")),
        "{got:?}"
    );
    assert!(!got.iter().any(|(_, t)| *t == "time bomb"), "{got:?}");
    let mut spans: Vec<_> = terms.iter().map(|t| t.span).collect();
    spans.sort();
    for w in spans.windows(2) {
        assert!(w[0].end <= w[1].start, "overlapping hits {:?}", w);
    }
}

#[test]
fn stemming_false_friends_do_not_match() {
    let a = article(
        "a",
        "Health\n\nHis regimen of exercise and the regiment's history were discussed. The United \
         States said several remarks covered the entire report and were hard to follow. Social \
         media users on a Pacific route asked questions of doctors who dictate the weapons \
         policy; the contenders were neutral.",
    );
    let b = article("b", EMPTY);
    let terms = loaded_terms(&a, &b, &Lexicon::builtin());
    let got = hits(&terms, Side::A, &a);
    assert!(got.is_empty(), "neutral words matched: {got:?}");
}

#[test]
fn exact_entries_match_only_as_written() {
    let a = article(
        "a",
        "Claim\n\nHe was supposedly at home. He was supposed to be at home. It was a historic \
         vote, the history books say.",
    );
    let b = article("b", EMPTY);
    let terms = loaded_terms(&a, &b, &Lexicon::builtin());
    let got = hits(&terms, Side::A, &a);
    assert!(got.contains(&("supposedly", "supposedly")), "{got:?}");
    assert!(got.contains(&("historic", "historic")), "{got:?}");
    assert!(
        !got.iter().any(|(s, _)| *s == "supposed" || *s == "history"),
        "{got:?}"
    );
}

#[test]
fn only_here_marks_entries_the_other_side_lacks() {
    let a = article("a", "A\n\nThe regime claimed the terrorists fled.");
    let b = article("b", "B\n\nThe government said the terrorist group fled.");
    let terms = loaded_terms(&a, &b, &Lexicon::builtin());
    let find = |side, term: &str| {
        terms
            .iter()
            .find(|t| t.side == side && t.term == term)
            .unwrap_or_else(|| panic!("{term} on {side:?} missing from {terms:?}"))
    };
    assert!(find(Side::A, "regime").only_here);
    assert!(find(Side::A, "claim").only_here);
    assert!(!find(Side::A, "terrorist").only_here);
    assert!(!find(Side::B, "terrorist").only_here);
    // Side A's hits come before side B's.
    let first_b = terms.iter().position(|t| t.side == Side::B).expect("B hit");
    assert!(terms[..first_b].iter().all(|t| t.side == Side::A));
    assert!(terms[first_b..].iter().all(|t| t.side == Side::B));
}

#[test]
fn hits_are_ordered_by_category_priority_then_position() {
    let a = article(
        "a",
        "A\n\nIt was absolutely clear. Then the thugs arrived. The regime fell.",
    );
    let b = article("b", EMPTY);
    let lex = Lexicon::builtin();
    let terms = loaded_terms(&a, &b, &lex);
    let got: Vec<_> = terms.iter().map(|t| t.term.as_str()).collect();
    assert_eq!(got, ["thug", "regime", "absolutely"]);
}

#[test]
fn boilerplate_is_skipped_and_the_headline_counts() {
    let a = article(
        "a",
        "Regime propaganda exposed\n\nSkip to content\n\nA quiet day.",
    );
    let b = article("b", EMPTY);
    let terms = loaded_terms(&a, &b, &Lexicon::builtin());
    let got = hits(&terms, Side::A, &a);
    assert!(got.contains(&("Regime", "regime")), "{got:?}");
    assert!(got.contains(&("propaganda", "propaganda")), "{got:?}");
}

#[test]
fn every_hit_carries_category_and_reason_and_slices_to_its_words() {
    let a = demo("002_");
    let b = demo("003_");
    let terms = loaded_terms(&a, &b, &Lexicon::builtin());
    assert!(!terms.is_empty());
    for t in &terms {
        let art = if t.side == Side::A { &a } else { &b };
        assert!(t.span.is_valid_in(&art.text));
        assert!(!t.span.slice(&art.text).is_empty());
        assert!(!t.category.is_empty() && !t.reason.is_empty(), "{t:?}");
    }
}

#[test]
fn duran_and_meduza_each_use_loaded_terms_the_other_does_not() {
    let duran = demo("002_");
    let meduza = demo("003_");
    let terms = loaded_terms(&duran, &meduza, &Lexicon::builtin());
    let only = |side, term: &str| {
        terms
            .iter()
            .any(|t| t.side == side && t.term == term && t.only_here && !t.reason.is_empty())
    };
    for term in [
        "mainstream media",
        "memory hole",
        "jihadist",
        "regime forces",
        "conclusive",
        "double down",
        "neutralized",
    ] {
        assert!(only(Side::A, term), "The Duran should use {term:?} alone");
    }
    for term in ["irrefutable", "claim", "collusion"] {
        assert!(only(Side::B, term), "Meduza should use {term:?} alone");
    }
    // The donation appeal ("all the propaganda and disinformation reported by the mainstream
    // media") is page furniture, not reporting: its words are not counted.
    assert!(
        !terms
            .iter()
            .any(|t| t.term == "propaganda" || t.term == "disinformation")
    );
    let duran_jihadists = terms
        .iter()
        .filter(|t| t.side == Side::A && t.term == "jihadist")
        .count();
    assert!(
        duran_jihadists >= 2,
        "inflected 'jihadists' counted: {duran_jihadists}"
    );
}

fn entry(term: &str, category: &str) -> Entry {
    Entry {
        term: term.to_string(),
        category: category.to_string(),
        reason: String::new(),
        exact: false,
    }
}

#[test]
fn user_lexicon_adds_and_disables_terms() {
    let a = article(
        "a",
        "A\n\nThe regime's gizmo and its gizmos were propaganda.",
    );
    let b = article("b", EMPTY);
    let user = UserLexicon {
        add: vec![entry("gizmo", "gadgets")],
        disable: vec!["Propaganda".to_string()],
        ..UserLexicon::default()
    };
    let (lex, problems) = Lexicon::builtin().with_user(&user);
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(lex.len(), Lexicon::builtin().len());
    assert!(lex.categories().iter().any(|c| c.name == "gadgets"));
    let terms = loaded_terms(&a, &b, &lex);
    let got = hits(&terms, Side::A, &a);
    assert!(
        got.contains(&("gizmo", "gizmo")) && got.contains(&("gizmos", "gizmo")),
        "{got:?}"
    );
    assert!(!got.iter().any(|(_, t)| *t == "propaganda"), "{got:?}");
    assert!(got.contains(&("regime's", "regime")), "{got:?}");
    let reason = terms
        .iter()
        .find(|t| t.term == "gizmo")
        .map(|t| t.reason.clone());
    assert!(reason.is_some_and(|r| !r.is_empty()));
}

#[test]
fn user_entry_replaces_a_bundled_entry_with_the_same_stems() {
    let mut e = entry("Regimes", "mine");
    e.reason = "my reason".to_string();
    let user = UserLexicon {
        add: vec![e],
        ..UserLexicon::default()
    };
    let (lex, problems) = Lexicon::builtin().with_user(&user);
    assert!(problems.is_empty(), "{problems:?}");
    let a = article("a", "A\n\nThe regime spoke.");
    let terms = loaded_terms(&a, &article("b", EMPTY), &lex);
    assert_eq!(terms.len(), 1);
    assert_eq!(
        (
            terms[0].term.as_str(),
            terms[0].category.as_str(),
            terms[0].reason.as_str()
        ),
        ("Regimes", "mine", "my reason")
    );
}

#[test]
fn user_lexicon_errors_name_the_problem_and_the_rest_applies() {
    let (lex, problems) = Lexicon::builtin().with_user(&UserLexicon {
        disable: vec!["no such phrase at all".to_string(), "regime".to_string()],
        ..UserLexicon::default()
    });
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(
        problems[0].error,
        LexiconError::UnknownTerm("no such phrase at all".to_string())
    );
    assert!(problems[0].to_string().contains("no such phrase at all"));
    assert_eq!(
        lex.len() + 1,
        Lexicon::builtin().len(),
        "'regime' is still disabled"
    );

    let (lex, problems) = Lexicon::builtin().with_user(&UserLexicon {
        add: vec![entry("  ", "labels"), entry("gizmo", "gadgets")],
        ..UserLexicon::default()
    });
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(
        matches!(problems[0].error, LexiconError::EmptyTerm { .. }),
        "{problems:?}"
    );
    assert_eq!(
        lex.len(),
        Lexicon::builtin().len() + 1,
        "'gizmo' is still added"
    );
}

#[test]
fn user_lexicon_parses_from_a_config_table() {
    let user: UserLexicon = toml::from_str(
        r#"
disable = ["regime"]
[[add]]
term = "gizmo"
category = "gadgets"
reason = "a made-up word"
"#,
    )
    .expect("config table parses");
    assert_eq!(user.disable, ["regime"]);
    assert_eq!(user.add[0].reason, "a made-up word");
    assert!(!user.add[0].exact);
    assert!(Lexicon::builtin().with_user(&user).1.is_empty());
}

#[test]
fn british_and_american_spellings_hit_one_entry() {
    let a = article(
        "a",
        "Spelling\n\nThe army neutralised the cell. Critics demonised the polarising saviour.",
    );
    let b = article(
        "b",
        "Spelling\n\nThe army neutralized the cell. Critics demonized the polarizing savior.",
    );
    let terms = loaded_terms(&a, &b, &Lexicon::builtin());
    let entries = |side| {
        let mut v: Vec<&str> = terms
            .iter()
            .filter(|t| t.side == side)
            .map(|t| t.term.as_str())
            .collect();
        v.sort_unstable();
        v
    };
    assert_eq!(entries(Side::A), entries(Side::B));
    assert_eq!(entries(Side::A).len(), 4, "{:?}", entries(Side::A));
    assert!(terms.iter().all(|t| !t.only_here), "{terms:?}");
}
