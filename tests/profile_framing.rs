//! The article-level framing profile.

use parallax::compare::lexicon::{Lexicon, loaded_terms};
use parallax::compare::profile::profile;
use parallax::compare::{Count, Side};
use parallax::corpus::Source;

mod common;
use common::headed_article as article;

fn count(list: &[Count], item: &str) -> usize {
    list.iter().find(|c| c.item == item).map_or(0, |c| c.count)
}

#[test]
fn attribution_verbs_and_hedges_are_counted_by_lemma() {
    let a = article(
        "a",
        "Officials speak\n\nThe minister said the road was open. She says it again. The army \
         claimed victory and claims more. The spokesman insisted, according to Reuters. The \
         so-called experts were allegedly paid, and the evidence is irrefutable. The United \
         States and the Islamic State were not mentioned.",
    );
    let b = article("b", "Other\n\nNothing.");
    let lex = Lexicon::builtin();
    let loaded = loaded_terms(&a, &b, &lex);
    let p = profile(&a, Side::A, &loaded);
    assert_eq!(count(&p.attribution, "said"), 2);
    assert_eq!(count(&p.attribution, "claimed"), 2);
    assert_eq!(count(&p.attribution, "insisted"), 1);
    assert_eq!(count(&p.attribution, "according to"), 1);
    assert_eq!(count(&p.attribution, "stated"), 0);
    assert_eq!(
        p.attribution[0].item, "claimed",
        "ties break by name: {:?}",
        p.attribution
    );
    assert_eq!(count(&p.hedges, "so-called"), 1);
    assert_eq!(count(&p.hedges, "allegedly"), 1);
    assert_eq!(count(&p.hedges, "irrefutable"), 0, "a booster, not a hedge");
    assert_eq!(count(&p.boosters, "irrefutable"), 1);
    assert_eq!(p.words, a.analysis.content_words());
    assert!(p.words > 40);
}

#[test]
fn loaded_terms_are_counted_per_side_and_category() {
    let a = article(
        "a",
        "A\n\nThe regime and its thugs spread propaganda, totally.",
    );
    let b = article("b", "B\n\nThe regime acted.");
    let loaded = loaded_terms(&a, &b, &Lexicon::builtin());
    let pa = profile(&a, Side::A, &loaded);
    let pb = profile(&b, Side::B, &loaded);
    assert_eq!(count(&pa.loaded_by_category, "labels"), 3);
    assert_eq!(count(&pa.loaded_by_category, "intensifiers"), 1);
    assert_eq!(pa.loaded_by_category[0].item, "labels");
    let expected = 4.0 * 1000.0 / pa.words as f64;
    assert!((pa.loaded_per_1000 - expected).abs() < 1e-9);
    assert_eq!(count(&pb.loaded_by_category, "labels"), 1);
    assert_eq!(pb.loaded_by_category.len(), 1);
}

#[test]
fn an_article_without_words_has_a_zero_profile() {
    let a = article("a", "");
    let p = profile(&a, Side::A, &[]);
    assert_eq!(p.words, 0);
    assert_eq!(p.loaded_per_1000, 0.0);
    assert!(p.attribution.is_empty() && p.hedges.is_empty() && p.quoted.is_empty());
}

#[test]
fn demo_seeds_contrast_in_attribution_and_certainty() {
    let lib = parallax::corpus::demo();
    let pick = |p: &str| {
        lib.articles
            .iter()
            .find(|a| matches!(&a.source, Source::Demo { name } if name.starts_with(p)))
            .expect("seed")
    };
    let (duran, meduza) = (pick("002_"), pick("003_"));
    let loaded = loaded_terms(duran, meduza, &Lexicon::builtin());
    let pd = profile(duran, Side::A, &loaded);
    let pm = profile(meduza, Side::B, &loaded);
    assert!(
        count(&pd.attribution, "accused") >= 2,
        "{:?}",
        pd.attribution
    );
    assert!(
        count(&pm.attribution, "claimed") >= 1,
        "{:?}",
        pm.attribution
    );
    // The Duran vouches in its own voice; Meduza's ‘irrefutable evidence’ is the ministry's
    // phrase, quoted, so it is not Meduza's certainty.
    assert!(count(&pd.boosters, "conclusive") >= 1, "{:?}", pd.boosters);
    assert_eq!(count(&pm.boosters, "irrefutable"), 0, "{:?}", pm.boosters);
    assert!(count(&pm.hedges, "allegedly") >= 1, "{:?}", pm.hedges);
    assert!(pd.loaded_per_1000 > pm.loaded_per_1000);
}

#[test]
fn who_is_quoted_counts_each_person_once_under_the_fullest_name() {
    let a = article(
        "a",
        "The port vote\n\n“We lost the vote,” Gov. Ana Ruiz said on Tuesday.\n\n\
         “We will try again,” Ms. Ruiz said.\n\n\
         “It was close,” Ruiz said later.\n\n\
         “The governor misread the room,” said Senator Tom Ruiz, her cousin.",
    );
    let b = article("b", "Other\n\nNothing.");
    let loaded = loaded_terms(&a, &b, &Lexicon::builtin());
    let p = profile(&a, Side::A, &loaded);
    // Two people named Ruiz: a bare "Ruiz" could be either, so it joins neither, and the two
    // full names stay apart.
    assert_eq!(count(&p.quoted, "Gov. Ana Ruiz"), 1, "{:?}", p.quoted);
    assert_eq!(count(&p.quoted, "Senator Tom Ruiz"), 1, "{:?}", p.quoted);

    let c = article(
        "c",
        "The port vote\n\n“We lost the vote,” Gov. Ana Ruiz said on Tuesday.\n\n\
         “We will try again,” Ms. Ruiz said.\n\n\
         “It was close,” Ruiz said later.",
    );
    let loaded = loaded_terms(&c, &b, &Lexicon::builtin());
    let p = profile(&c, Side::A, &loaded);
    assert_eq!(
        p.quoted
            .iter()
            .map(|c| (c.item.as_str(), c.count))
            .collect::<Vec<_>>(),
        [("Gov. Ana Ruiz", 3)]
    );
}
