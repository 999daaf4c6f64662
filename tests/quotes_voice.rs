//! Whose words a quotation is: kinds (speech, scare, title, term) and speakers (named, pronouns,
//! continued quotations, attributions earlier in the sentence), on hand-written articles.

use parallax::text::QuotationKind::{self, Scare, Speech, Term, Title};
use parallax::text::quotes::{Quote, extract};
use parallax::text::segment;

fn quotes(text: &str) -> Vec<Quote> {
    extract(text, &segment::paragraphs(text))
}

/// (quoted words, kind, speaker as written) of every quotation.
fn voices(text: &str) -> Vec<(&str, QuotationKind, Option<&str>)> {
    quotes(text)
        .into_iter()
        .map(|q| {
            (
                q.inner.slice(text),
                q.class,
                q.speaker.map(|s| s.slice(text)),
            )
        })
        .collect()
}

#[test]
fn writer_distancing_is_a_scare_quote() {
    let text = "The army shelled what it calls the so-called ‘moderate rebels’ near the river.\n\n\
                Residents were shown the “evidence” at a briefing.";
    let v = voices(text);
    assert_eq!(v[0], ("moderate rebels", Scare, None));
    assert_eq!(v[1], ("evidence", Scare, None));
}

#[test]
fn a_short_phrase_someone_used_is_their_speech() {
    let text = "Governor Ana Ruiz called the ruling “deeply unfair” on Monday.\n\n\
                The ministry said it had “irrefutable evidence” of the plot.";
    let v = voices(text);
    assert_eq!(v[0], ("deeply unfair", Speech, Some("Governor Ana Ruiz")));
    assert_eq!(v[1], ("irrefutable evidence", Speech, Some("The ministry")));
}

#[test]
fn a_short_phrase_repeating_a_longer_quotation_is_speech() {
    let text = "“We will not accept a rigged count in this county,” Mayor Tom Hale said.\n\n\
                Critics noted that the “rigged count” was certified twice.";
    let v = voices(text);
    assert_eq!(v[1].0, "rigged count");
    assert_eq!(v[1].1, Speech);
}

#[test]
fn names_of_shows_and_laws_are_titles() {
    let text = "She said as much on “Evening Round Table” last week.\n\n\
                The senator wrote the “Clean Harbours” Act in 2019.";
    let v = voices(text);
    assert_eq!(v[0], ("Evening Round Table", Title, None));
    assert_eq!(v[1], ("Clean Harbours", Title, None));
}

#[test]
fn words_mentioned_as_words_are_terms() {
    let text = "Officers, nicknamed “the Lions” by locals, patrol at night.\n\n\
                Analysts avoid the term “hybrid war” in their reports.";
    let v = voices(text);
    assert_eq!(v[0], ("the Lions", Term, None));
    assert_eq!(v[1], ("hybrid war", Term, None));
}

#[test]
fn pronouns_resolve_to_the_last_named_speaker() {
    let text = "Senator Mara Quint spoke to reporters after the vote on Tuesday.\n\n\
                “We have the numbers and we will use them,” she said.\n\n\
                “Nobody should doubt that for a minute,” she added.";
    let v = voices(text);
    assert_eq!(v[0].2, Some("Senator Mara Quint"));
    assert_eq!(v[1].2, Some("Senator Mara Quint"));
}

#[test]
fn attribution_before_with_a_phrase_between_names_the_speaker() {
    let text = "Paul Ndiaye said in a statement: “The port will reopen on Friday morning.”\n\n\
                The agency told reporters that the damage was “far worse than expected.”";
    let v = voices(text);
    assert_eq!(v[0].2, Some("Paul Ndiaye"));
    assert_eq!(v[1].2, Some("The agency"));
    let q = &quotes(text)[0];
    assert_eq!(
        q.attribution.map(|a| a.slice(text)),
        Some("Paul Ndiaye said")
    );
}

#[test]
fn a_quotation_running_on_keeps_its_speaker() {
    // The second sentence of a quotation, after the attribution, has none of its own.
    let text =
        "“The bridge is safe,” said Lola Brandt, the engineer. “We checked every bolt twice.”";
    let v = voices(text);
    assert_eq!(v[0].2, Some("Lola Brandt"));
    assert_eq!(v[1].2, Some("Lola Brandt"));
}

#[test]
fn a_quotation_across_paragraphs_is_one_speech_with_one_speaker() {
    let text = "Chief Ines Varga described the night in detail.\n\n\
                “The first call came at two in the morning, and we were out of the door in minutes.\n\n\
                “By dawn the water had reached the second floor of the school,” she said.";
    let qs = quotes(text);
    assert_eq!(qs.len(), 1, "{qs:?}");
    assert_eq!(qs[0].class, Speech);
    assert_eq!(
        qs[0].speaker.map(|s| s.slice(text)),
        Some("Chief Ines Varga")
    );
    assert!(qs[0].inner.slice(text).contains("second floor"));
}

#[test]
fn a_scare_quote_nested_in_speech_is_the_speakers() {
    let text =
        "“They keep calling these ‘accidents’ and nobody believes them,” Mayor Tom Hale said.";
    let qs = quotes(text);
    assert_eq!(qs.len(), 2);
    assert_eq!(qs[0].class, Speech);
    assert_eq!(qs[0].speaker.map(|s| s.slice(text)), Some("Mayor Tom Hale"));
    assert!(qs[1].nested);
    assert_eq!(qs[1].inner.slice(text), "accidents");
    assert_eq!(
        qs[1].class, Speech,
        "the speaker's word, not the writer's distancing"
    );
}
