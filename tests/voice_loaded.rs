//! Voice on loaded terms: a charged word inside someone's quoted speech is the speaker's, not
//! the outlet's; the profile and the "only here" verdicts count the outlet's own voice.

use parallax::compare::lexicon::{Lexicon, loaded_terms};
use parallax::compare::profile::profile;
use parallax::compare::{HighlightKind, Options, Side, Voice, compare};

mod common;
use common::headed_article as article;

const A: &str = "Council vote on the harbour plan\n\n\
    “This is a witch hunt and a despicable one,” Mayor Tom Hale said on Tuesday.\n\n\
    The council approved the plan by six votes to three.";
const B: &str = "Harbour plan approved\n\n\
    The council approved the despicable harbour plan by six votes to three.\n\n\
    Mayor Tom Hale opposed it.";

#[test]
fn loaded_words_in_a_quotation_are_the_speakers() {
    let (a, b) = (article("a", A), article("b", B));
    let terms = loaded_terms(&a, &b, &Lexicon::builtin());
    let quoted: Vec<_> = terms.iter().filter(|t| t.side == Side::A).collect();
    assert!(!quoted.is_empty());
    for t in &quoted {
        assert_eq!(t.voice, Voice::Quoted, "{t:?}");
        assert_eq!(t.speaker.as_deref(), Some("Mayor Tom Hale"));
    }
    let own = terms
        .iter()
        .find(|t| t.side == Side::B && t.text == "despicable")
        .expect("B's own despicable");
    assert_eq!(own.voice, Voice::Outlet);
    assert_eq!(own.speaker, None);
    assert!(
        own.only_here,
        "A only quotes the word: B is the only outlet to use it in its own voice"
    );
}

#[test]
fn the_profile_counts_the_outlets_voice_and_the_quoted_speech() {
    let (a, b) = (article("a", A), article("b", B));
    let terms = loaded_terms(&a, &b, &Lexicon::builtin());
    let pa = profile(&a, Side::A, &terms);
    let pb = profile(&b, Side::B, &terms);
    assert_eq!(pa.loaded_per_1000, 0.0, "A's own words are plain");
    assert!(pa.loaded_quoted >= 2);
    assert!(pb.loaded_per_1000 > 0.0);
    assert_eq!(pb.loaded_quoted, 0);
    assert_eq!(
        pa.quoted_words, 9,
        "“This is a witch hunt and a despicable one”"
    );
    assert_eq!(pb.quoted_words, 0);
    assert_eq!(pa.quoted[0].item, "Mayor Tom Hale");
}

#[test]
fn quoted_loaded_terms_are_marked_apart_and_explained_in_the_speakers_words() {
    let (a, b) = (article("a", A), article("b", B));
    let cmp = compare(&a, &b, &Options::default());
    let marks: Vec<_> = cmp
        .highlights
        .a
        .iter()
        .filter(|h| h.kind == HighlightKind::QuotedLoadedTerm)
        .collect();
    assert!(!marks.is_empty());
    for h in marks {
        assert!(
            h.why
                .starts_with("In Mayor Tom Hale’s words, not the outlet’s:"),
            "{}",
            h.why
        );
    }
    assert!(
        !cmp.highlights
            .a
            .iter()
            .any(|h| h.kind == HighlightKind::LoadedTerm),
        "nothing loaded in A's own voice"
    );
}

#[test]
fn a_changed_loaded_word_inside_a_quotation_is_explained_as_the_speakers() {
    let a = article(
        "a",
        "Ferry inquiry opens\n\n\
         The inquiry into the ferry sinking opened in Kessel on Monday with the harbour master.\n\n\
         “The rescue was a fiasco from start to finish,” harbour master Ana Roth told the inquiry.\n\n\
         The ministry slammed the operator's safety record at the hearing.",
    );
    let b = article(
        "b",
        "Inquiry into ferry sinking\n\n\
         The inquiry into the ferry sinking opened in Kessel on Monday with the harbour master.\n\n\
         “The rescue was slow from start to finish,” harbour master Ana Roth told the inquiry.\n\n\
         The ministry criticised the operator's safety record at the hearing.",
    );
    let cmp = compare(&a, &b, &Options::default());
    let changed = |word: &str| {
        cmp.highlights
            .a
            .iter()
            .find(|h| h.kind == HighlightKind::ChangedWords && h.span.slice(&a.text).contains(word))
            .unwrap_or_else(|| panic!("no changed-words mark on {word}: {:#?}", cmp.highlights.a))
            .why
            .clone()
    };
    let quoted = changed("fiasco");
    assert!(
        quoted.starts_with("Changed words (loaded term, quoting ") && quoted.contains("Ana Roth)"),
        "{quoted}"
    );
    let own = changed("slammed");
    assert!(own.starts_with("Changed words (loaded term)"), "{own}");
}
