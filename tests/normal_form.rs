//! One normal form for matching: two house styles of one name, number or quotation are the
//! same words to quote matching, framing, alignment and distinctive terms; a lede's dateline is
//! shown but left out.

use parallax::compare::framing::framing;
use parallax::compare::quotes::match_quotes;
use parallax::compare::{AlignedPair, ContrastLabel, Options, compare};
use parallax::text::{UnmatchedKind, analyse};

mod common;
use common::bare_article as article;

/// The framing changes of two one-sentence articles aligned to each other, as (a, b, label).
fn changes(a: &str, b: &str) -> Vec<(String, String, ContrastLabel)> {
    let (a, b) = (article("a", a), article("b", b));
    let pairs = [AlignedPair {
        a: 0,
        b: 0,
        score: 0.9,
        moved: false,
    }];
    framing(&a, &b, &pairs, &[])
        .into_iter()
        .flat_map(|f| f.changes)
        .map(|c| {
            let side = |s: Option<parallax::text::Span>, t: &str| {
                s.map(|s| s.slice(t).to_string()).unwrap_or_default()
            };
            (side(c.a, &a.text), side(c.b, &b.text), c.label)
        })
        .collect()
}

#[test]
fn house_styles_are_no_framing_difference() {
    for (a, b) in [
        (
            "Hillary Clinton lied many times to the F.B.I. and nothing happened.",
            "Hillary Clinton lied many times to the FBI and nothing happened.",
        ),
        (
            "Gen. Flynn met the U.S. ambassador.",
            "General Flynn met the US ambassador.",
        ),
        ("Mr. Trump said it was unfair.", "Trump said it was unfair."),
        (
            "He said three officers were hurt — not four.",
            "He said 3 officers were hurt -- not 4.",
        ),
        (
            "Support fell 5 per cent among the organisation’s members.",
            "Support fell 5% among the organization's members.",
        ),
        (
            "Twenty-three staff left on Jan. 5, the defence ministry said.",
            "23 staff left on January 5, the defense ministry said.",
        ),
        (
            "She called it “unfair” at 5 p.m.",
            "She called it \"unfair\" at 5pm.",
        ),
        (
            "The charity's web site says its work force is non-profit staff.",
            "The charity's website says its workforce is nonprofit staff.",
        ),
    ] {
        assert_eq!(changes(a, b), [], "{a:?} / {b:?}");
    }
}

#[test]
fn real_differences_are_still_labelled() {
    let got = changes(
        "The F.B.I. said three officers were hurt.",
        "The FBI claimed four officers were hurt.",
    );
    let labels: Vec<ContrastLabel> = got.iter().map(|c| c.2).collect();
    assert!(
        labels.contains(&ContrastLabel::Number) || labels.contains(&ContrastLabel::Attribution),
        "{got:?}"
    );
    assert!(got.iter().all(|c| !c.0.contains("F.B.I")), "{got:?}");
    assert!(!labels.contains(&ContrastLabel::Naming), "{got:?}");
}

fn shared(a: &str, b: &str) -> Vec<(String, String)> {
    let (a, b) = (article("a", a), article("b", b));
    match_quotes(&a, &b)
        .into_iter()
        .map(|q| {
            (
                q.a.slice(&a.text).to_string(),
                q.b.slice(&b.text).to_string(),
            )
        })
        .collect()
}

#[test]
fn shared_quotes_across_house_styles() {
    let got = shared(
        "Trump defends Flynn\n\n“Hillary Clinton lied many times to the F.B.I. Nothing happened to her,” Mr. Trump said.",
        "Trump defends Flynn\n\n\"Hillary Clinton lied many times to the FBI. Nothing happened to her,\" Trump said.",
    );
    assert_eq!(got.len(), 1, "{got:?}");
    assert!(
        got[0].0.contains("F.B.I") && got[0].1.contains("FBI"),
        "{got:?}"
    );

    let got = shared(
        "Flynn\n\nThe senator said: ‘Gen. Flynn was treated very unfairly by the bureau.’",
        "Flynn\n\nThe senator said: “General Flynn was treated very unfairly by the bureau.”",
    );
    assert_eq!(got.len(), 1, "{got:?}");

    let got = shared(
        "Wall\n\n“We don’t want three more years of this shutdown,” she said.",
        "Wall\n\n\"We don't want 3 more years of this shutdown,\" she said.",
    );
    assert_eq!(got.len(), 1, "{got:?}");
}

#[test]
fn the_same_name_in_two_styles_is_not_a_distinctive_term() {
    let a = article(
        "a",
        "F.B.I.\n\nThe F.B.I. said it would look. The F.B.I. agents left. The F.B.I. is quiet. \
         Mr. Comey led the F.B.I. for years.",
    );
    let b = article(
        "b",
        "FBI\n\nThe FBI said it would look. The FBI agents left. The FBI is quiet. Comey led \
         the FBI for years.",
    );
    let cmp = compare(&a, &b, &Options::default());
    for side in [&cmp.distinctive.a, &cmp.distinctive.b] {
        assert!(
            side.iter().all(|d| d.stem != "fbi" && d.stem != "mr"),
            "{side:?}"
        );
    }
}

#[test]
fn a_dateline_is_tagged_shown_and_left_out() {
    let text = "Flynn\n\nWASHINGTON — President Trump on Monday defended Michael Flynn.\n\n\
                Mr. Flynn pleaded guilty.";
    let an = analyse(text, Some(parallax::text::Span::new(0, 5)));
    let dateline = an.dateline().expect("dateline");
    assert_eq!(dateline.slice(text), "WASHINGTON —");
    assert!(
        an.tokens.iter().all(|t| !dateline.overlaps(&t.span)),
        "dateline words are not compared"
    );
    // Shown: the sentence still starts with it.
    assert!(
        an.sentences
            .iter()
            .any(|s| s.span.slice(text).starts_with("WASHINGTON — President"))
    );
    let kinds: Vec<UnmatchedKind> = an.unmatched.iter().map(|u| u.kind).collect();
    assert_eq!(kinds, [UnmatchedKind::Dateline, UnmatchedKind::Honorific]);

    // Against an undated lede the sentences align with no framing difference.
    let a = article("a", text);
    let b = article(
        "b",
        "Flynn\n\nPresident Trump on Monday defended Michael Flynn.\n\nFlynn pleaded guilty.",
    );
    let cmp = compare(&a, &b, &Options::default());
    assert_eq!(cmp.alignment.len(), 3, "{:?}", cmp.alignment);
    assert!(cmp.framing.is_empty(), "{:?}", cmp.framing);
    assert_eq!(cmp.a.dateline, Some(dateline));
    assert_eq!(cmp.b.dateline, None);
    let json = serde_json::to_value(&cmp).expect("json");
    assert_eq!(json["a"]["dateline"], serde_json::json!([7, 21]));
    assert!(json["b"].get("dateline").is_none());
}
