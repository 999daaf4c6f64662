//! Framing differences on invented sentence pairs: labels and spans.

use parallax::compare::framing::framing;
use parallax::compare::{AlignedPair, Change, ContrastLabel, Framing, LoadedTerm, Side};
use parallax::corpus::Article;
use parallax::text::Span;

mod common;
use common::bare_article as article;

/// Framing of two one-sentence articles aligned to each other.
fn diff(a: &str, b: &str, loaded: &[LoadedTerm]) -> (Article, Article, Vec<Framing>) {
    let (a, b) = (article("a", a), article("b", b));
    let f = framing_of_first(&a, &b, loaded);
    (a, b, f)
}

/// Framing of two articles whose first sentences are aligned to each other.
fn framing_of_first(a: &Article, b: &Article, loaded: &[LoadedTerm]) -> Vec<Framing> {
    let pairs = [AlignedPair {
        a: 0,
        b: 0,
        score: 0.9,
        moved: false,
    }];
    framing(a, b, &pairs, loaded)
}

/// The first sentences of two articles aligned as a weak pair: one fact told in words too
/// different for a word diff.
fn weak_pair() -> [AlignedPair; 1] {
    [AlignedPair {
        a: 0,
        b: 0,
        score: 0.3,
        moved: false,
    }]
}

/// The changes with `label` of the first sentences of `a` and `b` aligned as a [`weak_pair`]
/// (checked to be too far apart for a word diff), as the texts of their two sides.
fn weak_changes(a: &Article, b: &Article, label: ContrastLabel) -> Vec<(String, String)> {
    let f = framing(a, b, &weak_pair(), &[]);
    assert!(
        f.iter().all(|f| !f.word_diff),
        "the two sentences share few words"
    );
    f.iter()
        .flat_map(|f| &f.changes)
        .filter(|c| c.label == label)
        .map(|c| texts(a, b, c))
        .collect()
}

/// The changes of `f`'s first entry with `label`, as the texts of their two sides.
fn labelled(
    a: &Article,
    b: &Article,
    f: &[Framing],
    label: ContrastLabel,
) -> Vec<(String, String)> {
    f[0].changes
        .iter()
        .filter(|c| c.label == label)
        .map(|c| texts(a, b, c))
        .collect()
}

/// True when any change of `f` has `label`.
fn has_label(f: &[Framing], label: ContrastLabel) -> bool {
    f.iter().flat_map(|x| &x.changes).any(|c| c.label == label)
}

fn texts(a: &Article, b: &Article, c: &Change) -> (String, String) {
    (
        c.a.map_or(String::new(), |s| s.slice(&a.text).to_string()),
        c.b.map_or(String::new(), |s| s.slice(&b.text).to_string()),
    )
}

#[test]
fn said_to_claimed_is_attribution_on_both_spans() {
    let (a, b, f) = diff(
        "The ministry said the footage showed a convoy.",
        "The ministry claimed the footage showed a convoy.",
        &[],
    );
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].changes.len(), 1);
    let c = &f[0].changes[0];
    assert_eq!(c.label, ContrastLabel::Attribution);
    assert_eq!(texts(&a, &b, c), ("said".into(), "claimed".into()));
    assert_eq!(f[0].labels, vec![ContrastLabel::Attribution]);
}

#[test]
fn syrian_army_against_syrian_regime_forces_is_naming() {
    let (a, b, f) = diff(
        "The Syrian Army retook the town on Sunday.",
        "Syrian regime forces retook the town on Sunday.",
        &[],
    );
    assert_eq!(f.len(), 1);
    let naming: Vec<_> = f[0]
        .changes
        .iter()
        .filter(|c| c.label == ContrastLabel::Naming)
        .collect();
    assert_eq!(naming.len(), 1, "{:?}", f[0].changes);
    assert_eq!(
        texts(&a, &b, naming[0]),
        ("Army".into(), "regime forces".into())
    );
    assert!(f[0].labels.contains(&ContrastLabel::Naming));
}

#[test]
fn a_differently_named_actor_is_naming() {
    let (a, b, f) = diff(
        "Russia’s Defense Ministry published more photos on Tuesday.",
        "Moscow published more photos on Tuesday.",
        &[],
    );
    assert_eq!(f[0].changes.len(), 1);
    let c = &f[0].changes[0];
    assert_eq!(c.label, ContrastLabel::Naming);
    assert_eq!(
        texts(&a, &b, c),
        ("Russia’s Defense Ministry".into(), "Moscow".into())
    );
}

#[test]
fn adding_allegedly_is_a_hedge_insert_with_only_a_b_span() {
    let (a, b, f) = diff(
        "Moscow published more evidence recorded by drones.",
        "Moscow published more evidence allegedly recorded by drones.",
        &[],
    );
    assert_eq!(f[0].changes.len(), 1);
    let c = &f[0].changes[0];
    assert_eq!(c.label, ContrastLabel::Hedge);
    assert!(c.a.is_none());
    assert_eq!(texts(&a, &b, c), (String::new(), "allegedly".into()));
}

#[test]
fn spans_slice_to_the_changed_words_not_the_punctuation() {
    let (a, b, f) = diff(
        "About 300 fighters left Raqqa, officials said.",
        "About 250 fighters left Raqqa (officials said).",
        &[],
    );
    // Only the number changed among the words; punctuation-only changes are dropped.
    assert_eq!(f[0].changes.len(), 1, "{:?}", f[0].changes);
    let c = &f[0].changes[0];
    assert_eq!(c.label, ContrastLabel::Number);
    assert_eq!(texts(&a, &b, c), ("300".into(), "250".into()));
}

#[test]
fn a_deletion_has_only_an_a_span() {
    let (a, b, f) = diff(
        "The convoy left the city at night under heavy escort.",
        "The convoy left the city at night.",
        &[],
    );
    let c = &f[0].changes[0];
    assert!(c.b.is_none());
    assert_eq!(c.label, ContrastLabel::Wording);
    assert_eq!(texts(&a, &b, c).0, "under heavy escort");
    assert!(f[0].labels.is_empty());
}

#[test]
fn a_loaded_term_on_one_side_only_is_loaded() {
    let a_text = "The militants seized the bridge.";
    let b_text = "The terrorists seized the bridge.";
    let start = b_text.find("terrorists").unwrap_or(0);
    let loaded = [LoadedTerm {
        side: Side::B,
        span: Span::new(start, start + "terrorists".len()),
        text: "terrorists".into(),
        term: "terrorist".into(),
        category: "labels".into(),
        reason: "a label".into(),
        only_here: true,
        voice: parallax::compare::Voice::Outlet,
        speaker: None,
    }];
    let (_, _, f) = diff(a_text, b_text, &loaded);
    assert_eq!(f[0].changes[0].label, ContrastLabel::Loaded);
}

#[test]
fn identical_sentences_and_punctuation_only_differences_give_no_entry() {
    let (_, _, f) = diff("Moscow denied it.", "Moscow denied it.", &[]);
    assert!(f.is_empty());
    let (_, _, f) = diff("Moscow denied it.", "Moscow denied it!", &[]);
    assert!(f.is_empty());
}

#[test]
fn a_one_to_two_merge_is_diffed_against_both_sentences_together() {
    let a = article(
        "a",
        "The river rose two metres overnight, and police closed the valley road.",
    );
    let b = article(
        "b",
        "The river rose two metres overnight.\n\nPolice closed the valley road.",
    );
    let pairs = [
        AlignedPair {
            a: 0,
            b: 0,
            score: 0.9,
            moved: false,
        },
        AlignedPair {
            a: 0,
            b: 1,
            score: 0.9,
            moved: false,
        },
    ];
    let f = framing(&a, &b, &pairs, &[]);
    assert_eq!(f.len(), 1);
    assert_eq!((f[0].a, f[0].b), (0, 0));
    // Only "and" is gone once both B sentences are read together.
    assert_eq!(f[0].changes.len(), 1, "{:?}", f[0].changes);
    assert_eq!(f[0].changes[0].a.map(|s| s.slice(&a.text)), Some("and"));
}

/// Mark `phrase` (with its quote marks, which must surround it) as a scare quote of `art`.
fn scare_quote(art: &mut Article, phrase: &str) {
    art.analysis.quotes.clear();
    let inner_start = art.text.find(phrase).unwrap_or(0);
    let inner = Span::new(inner_start, inner_start + phrase.len());
    let open = art.text[..inner.start]
        .char_indices()
        .next_back()
        .map_or(inner.start, |(i, _)| i);
    let close = art.text[inner.end..]
        .chars()
        .next()
        .map_or(inner.end, |c| inner.end + c.len_utf8());
    art.analysis.quotes.push(parallax::text::Quote {
        outer: Span::new(open, close),
        inner,
        kind: parallax::text::QuoteKind::ScareQuote,
        words: phrase.split_whitespace().count(),
        speaker: None,
        class: parallax::text::QuotationKind::Scare,
        attribution: None,
        paragraph: 0,
        nested: false,
    });
}

#[test]
fn scare_quotes_on_one_side_only_are_labelled() {
    let mut a = article("a", "Moscow published more evidence on Tuesday.");
    let mut b = article(
        "b",
        "Moscow published more “irrefutable evidence” on Tuesday.",
    );
    scare_quote(&mut b, "irrefutable evidence");
    let pairs = [AlignedPair {
        a: 0,
        b: 0,
        score: 0.9,
        moved: false,
    }];
    let f = framing(&a, &b, &pairs, &[]);
    // "irrefutable" is a certainty marker inserted in B: a hedge change.
    assert_eq!(f[0].changes[0].label, ContrastLabel::Hedge);
    // Only the quote marks differ: the scare quote itself is the change.
    a = article("a", "Moscow published more “evidence” on Tuesday.");
    scare_quote(&mut a, "evidence");
    b = article("b", "Moscow published more evidence on Tuesday.");
    let f = framing(&a, &b, &pairs, &[]);
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].changes.len(), 1, "{:?}", f[0].changes);
    let c = &f[0].changes[0];
    assert_eq!(c.label, ContrastLabel::ScareQuote);
    assert_eq!(c.a.map(|s| s.slice(&a.text)), Some("“evidence”"));
    assert!(c.b.is_none());
    assert_eq!(f[0].labels, vec![ContrastLabel::ScareQuote]);
}

#[test]
fn in_a_pair_too_far_apart_for_a_word_diff_the_scare_quote_alone_is_marked() {
    // One fact told in two ways; B's long changed clause holds a scare quote.
    let a = article(
        "a",
        "The mayor lost to Tom Reed in a secret vote of the council on Monday.",
    );
    let mut b = article(
        "b",
        "The mayor's defeat by Tom Reed, a councillor from the harbour ward, means the city \
         will be run by the “reformers” who have long opposed the port plan.",
    );
    scare_quote(&mut b, "reformers");
    let pairs = weak_pair();
    let f = framing(&a, &b, &pairs, &[]);
    assert_eq!(f.len(), 1);
    assert!(!f[0].word_diff, "the two sentences share few words");
    let marked: Vec<_> = f[0]
        .changes
        .iter()
        .filter(|c| c.label == ContrastLabel::ScareQuote)
        .map(|c| texts(&a, &b, c))
        .collect();
    assert_eq!(marked, vec![(String::new(), "“reformers”".to_string())]);
}

#[test]
fn in_a_pair_too_far_apart_for_a_word_diff_a_figure_one_side_alone_gives_is_marked() {
    let numbers = |a: &Article, b: &Article| weak_changes(a, b, ContrastLabel::Number);
    // B's figure faces other words in A: the figure alone is marked, with its sign and
    // magnitude, and nothing in its place.
    let a = article(
        "a",
        "On Monday the governor said her plan would find money for the wall she wants.",
    );
    let b = article(
        "b",
        "Critics in the capital fear that her plan would find money to the tune of $3.5 billion.",
    );
    assert_eq!(
        numbers(&a, &b),
        vec![(String::new(), "$3.5 billion".to_string())]
    );
}

#[test]
fn in_a_pair_too_far_apart_for_a_word_diff_the_verbs_of_saying_alone_are_marked() {
    let attributions = |a: &str, b: &str| {
        weak_changes(
            &article("a", a),
            &article("b", b),
            ContrastLabel::Attribution,
        )
    };
    // B attributes what A states as its own: B's verb alone, nothing in its place.
    assert_eq!(
        attributions(
            "He remains in critical condition at the county hospital after the crash on Friday.",
            "Doctors said his condition was stable by Sunday, two days after the crash.",
        ),
        vec![(String::new(), "said".to_string())]
    );
    // Verbs on both sides stand against each other, without the words around them.
    assert_eq!(
        attributions(
            "The mayor insisted that the harbour wall would be finished by the spring.",
            "Speaking at the opening, the mayor repeatedly claimed the harbour works were on time.",
        ),
        vec![("insisted".to_string(), "claimed".to_string())]
    );
    // A speech act the sentence reports as its subject ("accused him of telling her") is what
    // is reported, not who reports it: the verb of saying is "accused", and "telling" is no
    // neutral verb of A that would make B's "said" only another way of reporting speech.
    let changes = attributions(
        "The aide accused the senator of telling her that the inquiry was a waste of time.",
        "The senator's former aide said the inquiry was mishandled from the start.",
    );
    let (a, b): (Vec<&str>, Vec<&str>) = changes
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .unzip();
    assert!(a.contains(&"accused") && b.contains(&"said"), "{changes:?}");
    assert!(!a.iter().any(|a| a.contains("telling")), "{changes:?}");
}

/// The framing of one pair has no naming change.
fn assert_no_naming(f: &[Framing]) {
    assert!(
        f[0].changes
            .iter()
            .all(|c| c.label != ContrastLabel::Naming),
        "{:?}",
        f[0].changes
    );
}

#[test]
fn a_changed_clause_after_a_shared_name_is_not_naming() {
    // The same subject, a different predicate: not another name for anyone.
    let (_, _, f) = diff(
        "Ortiz was challenged by Lindqvist for the post in a 134-63 vote.",
        "Ortiz defeated her lone challenger for the post in a 134-63 vote.",
        &[],
    );
    assert_no_naming(&f);
    // A stretch that opens with a preposition after the shared name goes on past it.
    let (_, _, f) = diff(
        "The vote went to Ortiz in a show of hands on the floor.",
        "The vote went to Ortiz (Bremen), by a show of hands on the floor.",
        &[],
    );
    assert_no_naming(&f);
    // "Critics have said" is a clause, however capitalised its first word.
    let (_, _, f) = diff(
        "At 7:16 p.m., Ilse Marren weighed in with concerns about the charts.",
        "Critics have said weighed in with concerns about the charts.",
        &[],
    );
    assert_no_naming(&f);
}

#[test]
fn a_sentence_opening_with_a_pronoun_is_a_clause_not_a_name() {
    let (_, _, f) = diff(
        "Ortiz made a public statement at the harbour on Friday.",
        "He’ll make the statement at the harbour on Friday.",
        &[],
    );
    assert_no_naming(&f);
}

#[test]
fn a_day_of_the_week_is_not_a_name() {
    let (_, _, f) = diff(
        "The council re-elected Ortiz on Wednesday by a wide margin.",
        "The council re-elected Ortiz (D-Bremen) by a wide margin.",
        &[],
    );
    assert_no_naming(&f);
}

#[test]
fn a_date_on_one_side_only_is_no_number_change_but_a_count_is() {
    // A year, a day of the month, a time of day or a rank says when or which, not how many.
    for (with, without) in [
        (
            "The agency closed the office in 2013.",
            "The agency closed the office.",
        ),
        (
            "The agency closed the office on Aug. 24.",
            "The agency closed the office.",
        ),
        (
            "The agency closed the office at 11am.",
            "The agency closed the office.",
        ),
        (
            "The agency closed its No. 3 office.",
            "The agency closed its office.",
        ),
    ] {
        let (_, _, f) = diff(with, without, &[]);
        assert_eq!(f.len(), 1, "{with}");
        assert!(
            f[0].changes
                .iter()
                .all(|c| c.label != ContrastLabel::Number),
            "{with}: {:?}",
            f[0].changes
        );
    }
    // A figure one side gives and the other lacks is a number change.
    let (a, b, f) = diff(
        "The agency closed the office for 35 days.",
        "The agency closed the office.",
        &[],
    );
    assert_eq!(f[0].changes.len(), 1, "{:?}", f[0].changes);
    let c = &f[0].changes[0];
    assert_eq!(c.label, ContrastLabel::Number);
    assert_eq!(texts(&a, &b, c), ("for 35 days".into(), String::new()));
}

#[test]
fn a_figure_stands_only_in_the_place_of_an_amount() {
    // A figure against a vague amount, or against nothing but function words, is a number
    // the two versions state differently.
    for (with, without, changed) in [
        (
            "The council spent roughly 40,000 dollars on the new fence.",
            "The council spent thousands of dollars on the new fence.",
            ("roughly 40,000", "thousands of"),
        ),
        (
            "Two coastal towns voted to close the old ferry port.",
            "The towns voted to close the old ferry port.",
            ("Two coastal", "The"),
        ),
    ] {
        let (a, b, f) = diff(with, without, &[]);
        assert_eq!(
            labelled(&a, &b, &f, ContrastLabel::Number),
            vec![(changed.0.to_string(), changed.1.to_string())],
            "{with}"
        );
    }
    // Against other words the figure is no changed figure: how long the vote took is not how
    // open it was.
    let (_, _, f) = diff(
        "The council held a closed vote on the new fence.",
        "The council held a 40-minute vote on the new fence.",
        &[],
    );
    assert!(!f.is_empty());
    assert!(!has_label(&f, ContrastLabel::Number), "{:?}", f[0].changes);
}

#[test]
fn a_loaded_word_both_sentences_use_in_different_places_is_no_loaded_change() {
    let (a, b) = (
        article(
            "a",
            "Critics slammed the harbour plan on Monday while the mayor defended it.",
        ),
        article(
            "b",
            "The mayor defended the harbour plan on Monday while critics slammed it as a fiasco.",
        ),
    );
    let loaded = parallax::compare::lexicon::loaded_terms(
        &a,
        &b,
        &parallax::compare::lexicon::Lexicon::builtin(),
    );
    assert!(
        loaded.iter().filter(|t| t.text == "slammed").count() == 2,
        "both sides use “slammed”: {loaded:?}"
    );
    let f = framing_of_first(&a, &b, &loaded);
    let loaded_changes = labelled(&a, &b, &f, ContrastLabel::Loaded);
    assert!(
        loaded_changes
            .iter()
            .all(|(x, y)| !x.contains("slammed") && !y.contains("slammed")),
        "{loaded_changes:?}"
    );
    assert!(
        loaded_changes.iter().any(|(_, y)| y.contains("fiasco")),
        "B alone calls it a fiasco: {:?}",
        f[0].changes
    );
}

#[test]
fn the_same_verb_of_saying_in_another_place_is_no_attribution_change() {
    let (_, _, f) = diff(
        "“We will secure the border within a year,” Perry said on Tuesday.",
        "On Tuesday Perry said that he would “secure the border within a year.”",
        &[],
    );
    assert!(!has_label(&f, ContrastLabel::Attribution), "{f:?}");
    // Another verb of saying on one side still is one.
    let (a, b, f) = diff(
        "“We will secure the border within a year,” Perry said on Tuesday.",
        "On Tuesday Perry claimed that he would “secure the border within a year.”",
        &[],
    );
    let attribution = labelled(&a, &b, &f, ContrastLabel::Attribution);
    assert!(
        attribution
            .iter()
            .any(|(x, y)| x.contains("said") || y.contains("claimed")),
        "{:?}",
        f[0].changes
    );
}

#[test]
fn one_neutral_verb_of_saying_against_another_is_no_attribution_change() {
    // "said" and "told reporters" both only report that Warner spoke.
    let (_, _, f) = diff(
        "“There should be no meeting between this mayor and the governor,” Warner said.",
        "“There should be no meeting between Mayor Hale and the governor,” Warner told \
         reporters Friday.",
        &[],
    );
    assert!(!has_label(&f, ContrastLabel::Attribution), "{f:?}");
    // Reporting someone's words where the other side states the fact is a difference.
    let (a, b, f) = diff(
        "He remains in critical condition, but has improved in the last day.",
        "Doctors said his condition was critical but improving.",
        &[],
    );
    let attribution = labelled(&a, &b, &f, ContrastLabel::Attribution);
    assert!(
        attribution.iter().any(|(_, y)| y.contains("said")),
        "{:?}",
        f[0].changes
    );
}

#[test]
fn claims_as_a_noun_is_no_verb_of_saying() {
    // B's "harassment claims" names the complaints; it reports no one's words.
    let (a, b) = (
        article(
            "a",
            "Hale resigned on Friday after the misconduct complaints.",
        ),
        article("b", "Hale resigned on Friday after the harassment claims."),
    );
    let lexicon = parallax::compare::lexicon::Lexicon::builtin();
    let loaded = parallax::compare::lexicon::loaded_terms(&a, &b, &lexicon);
    let f = framing_of_first(&a, &b, &loaded);
    assert!(!f.is_empty(), "the sentences differ");
    let attribution = labelled(&a, &b, &f, ContrastLabel::Attribution);
    assert!(attribution.is_empty(), "{attribution:?}");
    // As a verb it still is one.
    let (a, b) = (
        article("a", "Hale said on Friday that the count was fair."),
        article("b", "Hale claims that the count was fair."),
    );
    let loaded = parallax::compare::lexicon::loaded_terms(&a, &b, &lexicon);
    let f = framing_of_first(&a, &b, &loaded);
    let attribution = labelled(&a, &b, &f, ContrastLabel::Attribution);
    assert!(
        attribution.iter().any(|(_, y)| y.contains("claims")),
        "{:?}",
        f[0].changes
    );
}

#[test]
fn a_tag_against_the_same_words_inside_a_quotation_tagged_elsewhere_is_not_attribution() {
    // B quotes the mayor over two sentences with the tag on the first; A gives the second
    // sentence alone with its own tag. Both put the words in the mayor's mouth: where the tag
    // sits is no framing.
    let a = article(
        "a",
        "\u{201c}We will rebuild the harbour wall before the winter storms arrive,\u{201d} Okafor said.",
    );
    let b = article(
        "b",
        "\u{201c}The council has a plan,\u{201d} Mayor Okafor said at the pier. \u{201c}We will rebuild \
         the harbour wall before the winter storms arrive.\u{201d}",
    );
    let pair = [AlignedPair {
        a: 0,
        b: 1,
        score: 0.9,
        moved: false,
    }];
    let f = framing(&a, &b, &pair, &[]);
    assert!(f.is_empty(), "the tag is no framing difference: {f:?}");
    // Words B states as its own, against A's tagged quotation, stay an attribution change.
    let own = article(
        "b",
        "The council met at the pier. The city will rebuild the harbour wall before the winter \
         storms arrive.",
    );
    let f = framing(&a, &own, &pair, &[]);
    assert!(has_label(&f, ContrastLabel::Attribution), "{f:?}");
    // And a charged verb against the same quotation is still how A frames the mayor's words.
    let a = article(
        "a",
        "\u{201c}We will rebuild the harbour wall before the winter storms arrive,\u{201d} Okafor claimed.",
    );
    let f = framing(&a, &b, &pair, &[]);
    assert_eq!(
        labelled(&a, &b, &f, ContrastLabel::Attribution).len(),
        1,
        "{f:?}"
    );
}

#[test]
fn one_speaker_tag_in_two_house_styles_is_no_framing_difference() {
    let quote = "\u{201c}The levy will pay for the new harbour wall,\u{201d}";
    let tagged = |tag: &str| article("x", &format!("{quote} {tag}."));
    let same = |a: &str, b: &str| framing_of_first(&tagged(a), &tagged(b), &[]);
    // The name after the verb or before it, a title, "in a statement": one speaker, one verb.
    for (a, b) in [
        ("said Mayor Ada Okafor", "Okafor said in a statement"),
        ("Okafor said on Friday", "said Okafor"),
        ("Okafor said", "Okafor told reporters"),
    ] {
        let f = same(a, b);
        assert!(f.is_empty(), "{a:?} / {b:?}: {f:?}");
    }
    // Two speakers are a difference.
    let (a, b) = (tagged("Okafor said"), tagged("Hale said"));
    let f = framing_of_first(&a, &b, &[]);
    assert!(!f.is_empty(), "two speakers");
    // A charged verb is how one outlet frames the words.
    let (a, b) = (tagged("Okafor said"), tagged("Okafor claimed"));
    let f = framing_of_first(&a, &b, &[]);
    assert!(has_label(&f, ContrastLabel::Attribution), "{f:?}");
    // A tag that says more than who spoke is kept.
    let (a, b) = (
        tagged("said Okafor, who did not answer repeated requests for comment on the cost"),
        tagged("Okafor said"),
    );
    let f = framing_of_first(&a, &b, &[]);
    let changed: Vec<(String, String)> = f[0].changes.iter().map(|c| texts(&a, &b, c)).collect();
    assert!(
        changed
            .iter()
            .any(|(x, _)| x.contains("requests for comment")),
        "{changed:?}"
    );
}
