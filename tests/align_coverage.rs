//! Alignment on real-style coverage: two outlets' reports of one event, written for these
//! tests in the manner of a wire-style and a newspaper-style report, and the demo seeds. The
//! pairs a reader comparing the outlets wants side by side: the ledes, the same scene in other
//! adjectives, the same fact with the agency named differently, a date told two ways.

use parallax::compare::align::align;
use parallax::compare::{Options, compare};
use parallax::corpus;

mod align_support;
use align_support::{article, paired};

const WIRE: &str = "FBI agent Peter Strzok fired over anti-Trump texts

FBI official Peter Strzok, who was removed from the special counsel's Russia investigation after his anti-Trump text messages came to light, has been fired, his lawyer said Monday.

Strzok's attorney, Aitan Goelman, said Deputy Director David Bowdich ordered the firing on Friday, overruling the bureau's disciplinary office, which had recommended a 60-day suspension.

In an explosive congressional hearing last month, Strzok insisted his personal views never affected his work.

Strzok exchanged thousands of messages with FBI lawyer Lisa Page during the 2016 campaign.

Lisa Page left the bureau earlier this year.

President Trump cheered the news on Twitter within hours.
";

const PAPER: &str = "Peter Strzok, F.B.I. Agent Who Disparaged Trump in Texts, Is Fired

WASHINGTON — Peter Strzok, the senior F.B.I. counterintelligence agent who disparaged President Trump in text messages, has been fired, his lawyer said on Monday.

The deputy director, David Bowdich, overruled the bureau's Office of Professional Responsibility, which had decided that a 60-day suspension was enough, said the lawyer, Aitan Goelman.

In a heated congressional hearing last month, Mr. Strzok testified that his political views had never influenced his official actions.

His messages with Lisa Page, then an F.B.I. lawyer, were first made public last December.

Ms. Page, who was also removed from the special counsel's team, quit the F.B.I. in May.

Mr. Trump celebrated the firing in a Twitter post.
";

#[test]
fn the_ledes_are_paired() {
    let (a, b) = (article("wire", WIRE), article("paper", PAPER));
    let al = align(&a, &b, &Options::default());
    assert!(
        paired(
            &al,
            &a,
            &b,
            "FBI official Peter Strzok",
            "WASHINGTON — Peter Strzok"
        ),
        "{:?}",
        al.pairs
    );
}

#[test]
fn the_same_scene_in_other_adjectives_is_paired() {
    let (a, b) = (article("wire", WIRE), article("paper", PAPER));
    let al = align(&a, &b, &Options::default());
    assert!(
        paired(
            &al,
            &a,
            &b,
            "In an explosive congressional",
            "In a heated congressional"
        ),
        "{:?}",
        al.pairs
    );
}

#[test]
fn the_same_departure_with_the_agency_named_differently_is_paired() {
    let (a, b) = (article("wire", WIRE), article("paper", PAPER));
    let al = align(&a, &b, &Options::default());
    assert!(
        paired(
            &al,
            &a,
            &b,
            "Lisa Page left the bureau",
            "quit the F.B.I. in May"
        ),
        "{:?}",
        al.pairs
    );
    // The texts themselves are a different fact and stay apart from the departure.
    assert!(!paired(
        &al,
        &a,
        &b,
        "Lisa Page left the bureau",
        "His messages with Lisa Page"
    ));
}

#[test]
fn a_framing_label_holds_on_a_distant_pair() {
    let (a, b) = (article("wire", WIRE), article("paper", PAPER));
    let cmp = compare(&a, &b, &Options::default());
    for f in &cmp.framing {
        for c in &f.changes {
            if c.label == parallax::compare::ContrastLabel::Number {
                // "number" only for stretches holding a figure.
                let digits = |side: &parallax::compare::SideInfo,
                              s: Option<parallax::text::Span>| {
                    s.is_some_and(|s| s.slice(&side.text).chars().any(|ch| ch.is_ascii_digit()))
                };
                assert!(digits(&cmp.a, c.a) || digits(&cmp.b, c.b), "{c:?}");
            }
        }
        if !f.word_diff {
            assert!(
                f.changes
                    .iter()
                    .all(|c| c.label != parallax::compare::ContrastLabel::Wording)
            );
        }
    }
}

#[test]
fn demo_the_russian_intervention_dated_two_ways_is_paired() {
    let lib = corpus::demo();
    let a = lib.get("hoax-denial").expect("demo article");
    let b = lib.get("duran-doubles-down").expect("demo article");
    let al = align(a, b, &Options::default());
    assert!(
        paired(
            &al,
            a,
            b,
            "since the Russian intervention in Syria in September 2015",
            "since 2015, when it stepped in to support the regime"
        ),
        "{:?}",
        al.pairs
    );
}
