//! The "naming" label on invented article pairs: it marks two names for one referent, and
//! nothing else — not two people swapped, not a common noun that starts a sentence, not what a
//! shared name did.

mod common;

use common::bare_article as article;
use parallax::compare::framing::framing;
use parallax::compare::{AlignedPair, Change, ContrastLabel, Framing};
use parallax::corpus::Article;

/// Framing of two articles whose first sentences are aligned to each other (the rest of each
/// article is context only).
fn diff(a: &str, b: &str) -> (Article, Article, Vec<Framing>) {
    let (a, b) = (article("a", a), article("b", b));
    let pairs = [AlignedPair {
        a: 0,
        b: 0,
        score: 0.9,
        moved: false,
    }];
    let f = framing(&a, &b, &pairs, &[]);
    (a, b, f)
}

/// The naming changes of the pair, as the two stretches' texts.
fn naming(a: &Article, b: &Article, f: &[Framing]) -> Vec<(String, String)> {
    let text = |c: &Change| {
        (
            c.a.map_or(String::new(), |s| s.slice(&a.text).to_string()),
            c.b.map_or(String::new(), |s| s.slice(&b.text).to_string()),
        )
    };
    f.iter()
        .flat_map(|f| &f.changes)
        .filter(|c| c.label == ContrastLabel::Naming)
        .map(text)
        .collect()
}

#[test]
fn another_speaker_the_other_article_also_names_is_not_a_renaming() {
    // Both articles name Vesey; A quotes Halloran where B quotes Vesey: two people.
    let (a, b, f) = diff(
        "“We will protect the pension fund for future generations,” Halloran said on Friday. \
         The fund's director, Anna Vesey, spoke later.",
        "“We will protect the pension fund for future generations,” Vesey said.",
    );
    assert!(!f.is_empty(), "the speakers differ");
    assert_eq!(naming(&a, &b, &f), Vec::<(String, String)>::new());
}

#[test]
fn a_speaker_named_otherwise_is_a_renaming() {
    // Neither article uses the other's name: one body, two names.
    let (a, b, f) = diff(
        "“We will protect the pension fund for future generations,” the Kremlin said on Friday.",
        "“We will protect the pension fund for future generations,” Moscow said.",
    );
    assert_eq!(
        naming(&a, &b, &f),
        vec![("the Kremlin".to_string(), "Moscow".to_string())]
    );
}

#[test]
fn two_different_full_names_are_two_people() {
    let (a, b, f) = diff(
        "Representative David Okafor wrote on Friday that the summit should be cancelled.",
        "Senator Jack Halloran wrote on Friday that the summit should be cancelled.",
    );
    assert!(!f.is_empty());
    assert_eq!(naming(&a, &b, &f), Vec::<(String, String)>::new());
}

#[test]
fn a_name_the_other_sentence_also_holds_is_not_renamed() {
    // B names Marta Lind too, only further on: "Marta K." and "U.N." are not two names for
    // one person.
    let (a, b, f) = diff(
        "The talking points were used by Marta K. Lind, the ambassador to the United Nations, \
         on television.",
        "The talking points were used by U.N. Ambassador Marta Lind on television.",
    );
    assert!(!f.is_empty());
    assert_eq!(naming(&a, &b, &f), Vec::<(String, String)>::new());
}

#[test]
fn a_common_noun_starting_the_sentence_is_no_name() {
    // Plurals of common words, capitalised only because they start the sentence.
    let (a, b, f) = diff(
        "Supporters from both parties cheered the players on Thursday.",
        "Lawmakers from both parties cheered the players on Thursday.",
    );
    assert!(!f.is_empty(), "the subjects differ");
    assert_eq!(naming(&a, &b, &f), Vec::<(String, String)>::new());
    // A word the articles also write in lower case is a common word wherever it is capitalised.
    let (a, b, f) = diff(
        "Senior officials warned that the talks could fail. Two senior aides agreed.",
        "Veteran officials warned that the talks could fail.",
    );
    assert!(!f.is_empty());
    assert_eq!(naming(&a, &b, &f), Vec::<(String, String)>::new());
}

#[test]
fn a_name_starting_the_sentence_is_still_a_name() {
    let (a, b, f) = diff(
        "Kremlin officials published more photos on Tuesday.",
        "Moscow officials published more photos on Tuesday.",
    );
    assert_eq!(
        naming(&a, &b, &f),
        vec![("Kremlin".to_string(), "Moscow".to_string())]
    );
}

#[test]
fn what_a_shared_name_did_is_not_another_name() {
    // "job" / "determined" follow the shared name Ortega, but "determined" is a past form:
    // what Ortega was, not another name for anything.
    let (a, b, f) = diff(
        "It is Ortega's job to keep the coalition together before the vote.",
        "Ortega, determined to keep the coalition together, spoke before the vote.",
    );
    assert!(!f.is_empty());
    assert_eq!(naming(&a, &b, &f), Vec::<(String, String)>::new());
}

#[test]
fn a_noun_qualified_by_a_shared_name_is_a_renaming() {
    // The same slot of the same phrase: "the Russian ___ alone".
    let (a, b, f) = diff(
        "Ortega wants to meet the Russian president alone next week.",
        "Ortega wants to meet the Russian leader alone next week.",
    );
    assert_eq!(
        naming(&a, &b, &f),
        vec![("president".to_string(), "leader".to_string())]
    );
}

#[test]
fn a_spelling_of_one_name_is_a_renaming_and_its_initials_are_house_style() {
    // A name spelled out by one house style and abbreviated by the other is no difference at
    // all: not a renaming, not a change of wording.
    for (short, long) in [
        ("RNC", "Republican National Committee"),
        ("U.S.", "United States"),
        ("DHS", "Department of Homeland Security"),
    ] {
        let (a, b, f) = diff(
            &format!("The {short} chairman will speak on Monday about the border plan."),
            &format!("The {long} chairman will speak on Monday about the border plan."),
        );
        assert!(naming(&a, &b, &f).is_empty(), "{short}: {f:?}");
        assert!(f.iter().all(|f| f.changes.is_empty()), "{short}: {f:?}");
    }
    // Initials that are not the other name's stay a renaming.
    let (a, b, f) = diff(
        "The RNC chairman will speak on Monday about the border plan.",
        "The Democratic National Committee chairman will speak on Monday about the border plan.",
    );
    assert_eq!(naming(&a, &b, &f).len(), 1, "{f:?}");
    let (a, b, f) = diff(
        "Former Mexican President Vicente Fox said the wall would not be paid for.",
        "Former Mexican President Vincente Fox said the wall would not be paid for.",
    );
    assert_eq!(
        naming(&a, &b, &f),
        vec![("Vicente".to_string(), "Vincente".to_string())]
    );
}

#[test]
fn two_titles_of_one_person_are_a_renaming() {
    // Title words the articles also write in lower case are no full name: one person,
    // designated two ways before her shared name.
    let (a, b, f) = diff(
        "Senate Majority Leader Ana Ruiz won the vote on Wednesday. She has been majority \
         leader since 2019.",
        "Texas Democratic Senator Ana Ruiz won the vote on Wednesday.",
    );
    let got = naming(&a, &b, &f);
    assert_eq!(got.len(), 1, "{got:?}");
    assert!(got[0].0.contains("Majority Leader"), "{got:?}");
    assert!(got[0].1.contains("Texas Democratic"), "{got:?}");
}

#[test]
fn a_party_tag_in_two_house_styles_is_no_change() {
    // "R-Ky." and "Republican of Kentucky" say one affiliation: nothing differs.
    let (_, _, f) = diff(
        "Sen. Ana Ruiz, R-Ky., said the harbour bill would pass on Friday.",
        "Senator Ana Ruiz, Republican of Kentucky, said the harbour bill would pass on Friday.",
    );
    assert!(f.is_empty(), "{f:?}");
    let (_, _, f) = diff(
        "Rep. Tom Hale, D-S.C., manager of the team, told reporters the game would go on.",
        "Representative Tom Hale, Democrat from South Carolina, manager of the team, told \
         reporters the game would go on.",
    );
    assert!(f.is_empty(), "{f:?}");
    // Another party is a difference.
    let (_, _, f) = diff(
        "Sen. Ana Ruiz, R-Ky., said the harbour bill would pass on Friday.",
        "Senator Ana Ruiz, Democrat of Kentucky, said the harbour bill would pass on Friday.",
    );
    assert!(!f.is_empty(), "the parties differ");
}

#[test]
fn one_name_in_two_grammatical_forms_is_no_renaming() {
    // "Veldor's" and "the Veldorian" name one country the same way; the difference is the
    // adjective A adds, not what the country is called.
    let (a, b, f) = diff(
        "The president will not meet the premier, so as not to sway Veldor's tight elections in March.",
        "The president will not meet the premier, so as not to sway the Veldorian elections in March.",
    );
    assert!(!f.is_empty(), "the wording differs");
    assert_eq!(naming(&a, &b, &f), Vec::<(String, String)>::new());
}

#[test]
fn two_names_both_articles_use_are_two_actors() {
    // Both outlets write of the governor and of the council; each says a different one acted.
    let text = |who: &str, other: &str| {
        format!(
            "The plan, which {who} unveiled on Monday, appeared dead on arrival. \
             Members of {other} said they had not been consulted."
        )
    };
    let (a, b, f) = diff(
        &text("Governor Okafor", "the Harbor Council"),
        &text("the Harbor Council", "Governor Okafor's office"),
    );
    assert!(!f.is_empty(), "the actors differ");
    assert_eq!(naming(&a, &b, &f), Vec::<(String, String)>::new());
    // Where neither outlet writes the other's name, one actor has two names.
    let (a, b, f) = diff(
        &text("Governor Okafor", "the legislature"),
        &text("the State House", "the legislature"),
    );
    assert!(!naming(&a, &b, &f).is_empty(), "{f:?}");
    // Names that qualify one role are one holder's two titles, even when both articles use
    // both names elsewhere.
    let text = |role: &str| {
        format!(
            "Tom Okafor, the {role} leader, called the plan one-sided. \
             The Senate vote and the Democratic caucus are next."
        )
    };
    let (a, b, f) = diff(&text("Senate minority"), &text("Democratic"));
    assert_eq!(
        naming(&a, &b, &f),
        vec![("Senate minority".to_string(), "Democratic".to_string())]
    );
}

#[test]
fn a_party_letter_is_no_other_name() {
    // "R" of "(R-Ohio)" against words about the party: an initial, not a name.
    let (a, b, f) = diff(
        "Okafor was invited by House Speaker John Reed (R-Ohio), who did not ask the mayor first.",
        "Okafor was invited by House Speaker John Reed, the leader of the Republican-controlled \
         chamber, without asking the mayor.",
    );
    assert!(!f.is_empty());
    assert_eq!(naming(&a, &b, &f), Vec::<(String, String)>::new());
}
