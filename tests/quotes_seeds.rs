//! Quotation extraction on the five bundled demo articles.

use parallax::text::quotes::{Quote, QuoteKind, extract};
use parallax::text::segment;

use QuoteKind::{Quotation, ScareQuote};

fn quotes(text: &str) -> Vec<Quote> {
    extract(text, &segment::paragraphs(text))
}

fn inner<'t>(text: &'t str, qs: &[Quote]) -> Vec<(&'t str, QuoteKind)> {
    qs.iter().map(|q| (q.inner.slice(text), q.kind)).collect()
}

fn speaker_of<'t>(text: &'t str, qs: &[Quote], starts: &str) -> Option<&'t str> {
    qs.iter()
        .find(|q| q.inner.slice(text).starts_with(starts))
        .and_then(|q| q.speaker)
        .map(|s| s.slice(text))
}

const S000: &str = include_str!("../assets/demo/000_b43fac82a9da9947.txt");
const S001: &str = include_str!("../assets/demo/001_dd23c285911bd19a.txt");
const S002: &str = include_str!("../assets/demo/002_22b155f8244f00e4.txt");
const S003: &str = include_str!("../assets/demo/003_d2d50766efbb7960.txt");
const S004: &str = include_str!("../assets/demo/004_63283b9d9dff0aac.txt");

#[test]
fn seed_000_hoax_scare_quote_in_title_and_attributed_quotations() {
    let qs = quotes(S000);
    assert_eq!(
        inner(S000, &qs),
        [
            ("HOAX", ScareQuote),
            (
                "The report released by internet news portal Lenta.ru, referring to the suspected \
                 Russian military deaths in Syria after a terrorist attack by ISIS is more of a hoax",
                Quotation
            ),
            (
                "there were no losses among the Russian military in the province of Deir Ezzor, as \
                 well as in the territory of the Syrian Arab Republic as a whole.",
                Quotation
            ),
            (
                "misleading information, deliberately spread by ISIS terrorists.",
                Quotation
            ),
        ]
    );
    // The title's scare quote: marks included in `outer`, one word.
    assert_eq!(qs[0].outer.slice(S000), "“HOAX”");
    assert_eq!(qs[0].words, 1);
    assert_eq!(speaker_of(S000, &qs, "The report"), Some("the ministry"));
    assert_eq!(speaker_of(S000, &qs, "there were"), Some("the agency"));
    // "The ministry also deplored … “misleading information …”": no attribution verb of its
    // own, so the quotation keeps the last named speaker, the agency that is the ministry.
    assert_eq!(speaker_of(S000, &qs, "misleading"), Some("the agency"));
}

#[test]
fn seed_001_comment_section_quotes_are_found() {
    let qs = quotes(S001);
    assert_eq!(
        inner(S001, &qs),
        [
            (
                "including the zone of At-Tanf, which is controlled by US armed forces.",
                Quotation
            ),
            ("Syrian regime forces", ScareQuote),
            (
                "May 26 elections, in which President of Syria Bashar Al-Assad is favourite.",
                Quotation
            ),
            ("regime forces", ScareQuote),
        ]
    );
    // "Don’t", "that’s", "he’s" in the comments are apostrophes, not quote marks.
    assert!(qs.iter().all(|q| !q.inner.slice(S001).contains("Really")));
}

#[test]
fn seed_002_stray_closing_mark_is_ignored_and_nested_scare_quotes_found() {
    let qs = quotes(S002);
    let got = inner(S002, &qs);
    let main = "The main thing preventing the final defeat of ISIS in Syria is not the terrorists’ \
                military capability but support and pandering to them by American colleagues";
    assert_eq!(
        got,
        [
            (
                "US continues to fight along side ISIS in eastern Syria",
                Quotation
            ),
            (main, Quotation),
            (main, Quotation),
            (
                "from a 50-kilometre zone around At-Tanf on the Syrian-Jordan border",
                Quotation
            ),
            (
                "neutralised mobile IS groups on the road from Palmyra to Deir-Ezzor",
                Quotation
            ),
            ("accidents", ScareQuote),
            ("accidents", ScareQuote),
        ]
    );
    // The closing ” after "control," has no opening mark: ignored, so nothing swallows the
    // rest of the article and both ‘accidents’ are exact one-word spans.
    let acc: Vec<_> = qs
        .iter()
        .filter(|q| q.inner.slice(S002) == "accidents")
        .collect();
    let first = S002.find("‘accidents’").expect("seed text");
    let after = first + "‘accidents’".len();
    let second = S002[after..].find("‘accidents’").expect("seed text") + after;
    assert_eq!(acc[0].outer.start, first);
    assert_eq!(acc[0].outer.end, first + "‘accidents’".len());
    assert_eq!(acc[1].outer.start, second);
    assert_eq!(
        speaker_of(S002, &qs, "The main thing"),
        Some("Russian Defense Ministry"),
        "the quotation opening the article is the ministry's, named by the headline above it"
    );
    let attributed = qs
        .iter()
        .filter(|q| q.inner.slice(S002) == main)
        .filter_map(|q| q.speaker)
        .map(|s| s.slice(S002))
        .collect::<Vec<_>>();
    // The pull quote under the headline takes the ministry the headline names; the same words
    // in the body are attributed to its spokesman.
    assert_eq!(attributed, ["Russian Defense Ministry", "Igor Konashenkov"]);
    // "ISIS’ territory": a possessive with no single quote open.
    assert!(
        qs.iter()
            .all(|q| !q.inner.slice(S002).contains("territory north"))
    );
}

#[test]
fn seed_003_scare_quotes_and_the_sic_quotation() {
    let qs = quotes(S003);
    assert_eq!(
        inner(S003, &qs),
        [
            ("civilian employee", ScareQuote),
            ("irrefutable evidence", ScareQuote),
            ("irrefutable evidence", ScareQuote),
            (
                "the U.S. are [sic] actually covering ISIS combat units to recover their combat \
                 capabilities, redeploy, and use them to promote the American interests in the \
                 Middle East.",
                Quotation
            ),
            (
                "an objective fact, recorded in transcripts of the talks.",
                Quotation
            ),
            ("secret deal", ScareQuote),
            ("some of ISIS' most notorious members", Quotation),
            (
                "Great pains were taken to hide it from the world",
                Quotation
            ),
            ("deconfliction", ScareQuote),
            ("AC-130 Gunship Simulator: Special Ops Squadron.", Quotation),
        ]
    );
    assert_eq!(speaker_of(S003, &qs, "Great pains"), Some("the BBC"));
    // "Moscow published more “irrefutable evidence” …, repeating the government’s earlier claim
    // that “the U.S. are [sic] …”": Moscow's words, and so is the short phrase before it.
    assert_eq!(speaker_of(S003, &qs, "the U.S. are"), Some("Moscow"));
    let ev = qs
        .iter()
        .find(|q| q.inner.slice(S003) == "irrefutable evidence" && q.paragraph > 0)
        .expect("the body's quotation");
    assert_eq!(ev.class, parallax::text::QuotationKind::Speech);
    let sic = qs.iter().find(|q| q.inner.slice(S003).contains("[sic]"));
    assert_eq!(sic.map(|q| q.words), Some(27));
}

#[test]
fn seed_004_three_adjacent_straight_quotations_keep_their_exact_spans() {
    let qs = quotes(S004);
    assert_eq!(
        inner(S004, &qs),
        [
            (
                "covering ISIS combat units to recover their combat capabilities, redeploy, and \
                 use them to promote the American interests in the Middle East",
                Quotation
            ),
            ("directly", ScareQuote),
            ("Development footage", ScareQuote),
            (
                "The US refused to bomb an ISIS convoy fleeing from Abu Kamal under the pretext \
                 of the Convention on prisoners of war",
                Quotation
            ),
            ("All content subject to change", Quotation),
            (
                "As proof, the MoD's social media account posted what they claimed were Russian \
                 drone photos of the convoy heading towards the Syrian-Iraqi border",
                Quotation
            ),
            ("about as accurate as their air campaign", Quotation),
        ]
    );
    let line = S004.find("\"The US refused").expect("seed text");
    let outer: Vec<_> = qs
        .iter()
        .filter(|q| q.outer.start >= line && q.outer.start < line + 400)
        .map(|q| q.outer.slice(S004))
        .collect();
    assert_eq!(outer.len(), 3);
    assert!(outer[0].starts_with("\"The US") && outer[0].ends_with("war\""));
    assert_eq!(outer[1], "\"All content subject to change\"");
    assert!(outer[2].starts_with("\"As proof") && outer[2].ends_with("border\""));
    assert_eq!(speaker_of(S004, &qs, "As proof"), Some("the group"));
    assert_eq!(speaker_of(S004, &qs, "The US refused"), None);
    assert_eq!(speaker_of(S004, &qs, "All content"), None);
}

#[test]
fn analysis_of_every_seed_carries_its_quotes() {
    for text in [S000, S001, S002, S003, S004] {
        let an = parallax::text::analyse(text, None);
        assert_eq!(an.quotes, extract(text, &an.paragraphs));
        assert!(!an.quotes.is_empty());
        for q in &an.quotes {
            assert!(an.paragraphs[q.paragraph].span.contains(&q.inner));
        }
    }
}
