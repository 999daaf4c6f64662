//! Loaded terms a reader can trust, on sentences of our own: names and quoted titles are not
//! loaded, a word in another sense is not its entry, the story's own subject is reported, the
//! families of loaded wording the lexicon covers (threats, praise, mockery, idioms), and the
//! user's lexicon naming entries by any form.

use parallax::compare::lexicon::{Lexicon, loaded_terms, parse_user_table};
use parallax::compare::{LoadedTerm, Side};

mod common;
use common::headed_article as article;

/// Side A's hits of `text` (compared with an article that has none) as (words as written,
/// entry, category).
fn hits_with(text: &str, lex: &Lexicon) -> Vec<(String, String, String)> {
    let a = article("a", text);
    let b = article("b", "Weather\n\nRain is expected on Tuesday.");
    loaded_terms(&a, &b, lex)
        .into_iter()
        .filter(|t: &LoadedTerm| t.side == Side::A)
        .map(|t| {
            assert_eq!(
                t.text,
                t.span.slice(&a.text),
                "text is the words as written"
            );
            (t.text, t.term, t.category.to_string())
        })
        .collect()
}

fn hits(text: &str) -> Vec<(String, String, String)> {
    hits_with(text, &Lexicon::builtin())
}

/// True when some hit is written `word` (case-insensitive).
fn has(hits: &[(String, String, String)], word: &str) -> bool {
    hits.iter().any(|(w, _, _)| w.eq_ignore_ascii_case(word))
}

#[test]
fn names_of_courts_parties_laws_and_groups_are_not_loaded() {
    let got = hits(
        "Court weighs health law\n\nThe Supreme Court heard a challenge to the Affordable Care \
         Act on Monday. Members of the Freedom Caucus met the Speaker, and officials said the \
         Islamic State had lost its last town.",
    );
    assert!(got.is_empty(), "names are not loaded terms: {got:?}");
    // The same words outside a name are.
    let got = hits("Budget vote\n\nThe plan showed supreme arrogance, critics wrote.");
    assert!(has(&got, "supreme"), "{got:?}");
}

#[test]
fn words_inside_a_quoted_title_are_not_loaded() {
    let got = hits(
        "Memoir published\n\nHer memoir, “Fire and Fury”, went on sale in March. Reviewers \
         called the ending abrupt.",
    );
    assert!(!has(&got, "fury"), "{got:?}");
    let got = hits("Rally\n\nThe crowd's fury grew as the speeches went on.");
    assert!(has(&got, "fury"), "{got:?}");
}

#[test]
fn the_dismissal_of_an_official_is_not_attribution() {
    let got = hits(
        "Agency shake-up\n\nThe dismissal of the director surprised staff. The board dismissed \
         her on Friday.",
    );
    assert!(
        !got.iter().any(|(_, term, _)| term == "dismiss"),
        "a firing is not a brush-off: {got:?}"
    );
    let got = hits("Report rejected\n\nThe minister dismissed the report as fiction.");
    assert!(
        got.iter()
            .any(|(w, term, _)| w == "dismissed" && term == "dismiss"),
        "{got:?}"
    );
}

#[test]
fn a_charge_the_story_is_about_is_reported_not_loaded() {
    let story = "Former aide charged with lying to Congress\n\nProsecutors say the aide lied to \
                 investigators twice. He is accused of giving false statements about the \
                 meetings, and faces a perjury trial in May.";
    let got = hits(story);
    assert!(
        !got.iter()
            .any(|(w, _, _)| w.starts_with("li") || w.starts_with("false")),
        "naming the charge is reporting: {got:?}"
    );
    // In a story about something else, calling a statement a lie is the writer's judgement.
    let got = hits("Budget talks stall\n\nThe senator lied about the cost of the plan.");
    assert!(
        got.iter().any(|(w, term, _)| w == "lied" && term == "lies"),
        "{got:?}"
    );
}

#[test]
fn threats_praise_mockery_and_idioms_are_found() {
    let cases = [
        (
            "Strike talks\n\nThe governor issued an ultimatum and vowed to crush the strike.",
            &["ultimatum", "crush"][..],
            "aggression",
        ),
        (
            "Senator retires\n\nColleagues praised the tireless, fearless senator.",
            &["tireless", "fearless"][..],
            "praise",
        ),
        (
            "Debate night\n\nHis rival called him a clown and laughed derisively.",
            &["clown", "derisively"][..],
            "mockery",
        ),
        (
            "Campaign trail\n\nThe mayor took a shot at her rival over the budget.",
            &["took a shot at"][..],
            "idioms",
        ),
    ];
    for (text, words, category) in cases {
        let got = hits(text);
        for word in words {
            assert!(
                got.iter()
                    .any(|(w, _, c)| w.eq_ignore_ascii_case(word) && c == category),
                "{word:?} as {category} in {text:?}: {got:?}"
            );
        }
    }
}

#[test]
fn plain_reporting_words_are_not_loaded() {
    let got = hits(
        "Vote delayed\n\nThe senator vowed to return, and blamed the delay on the weather. She \
         never missed a vote and reportedly plans to run again.",
    );
    assert!(got.is_empty(), "{got:?}");
}

#[test]
fn the_user_lexicon_disables_an_entry_by_any_form_and_skips_a_bad_item_alone() {
    let src = "[lexicon]\ndisable = [\n  \"lie\",\n  \"no such phrase at all\",\n]\nadd = [\n  \
               { term = \"gizmo\", category = \"gadgets\" },\n  { term = 7 },\n]\n";
    let (patch, bad) = parse_user_table(src)
        .expect("valid TOML")
        .expect("has a [lexicon] table");
    assert_eq!(bad.len(), 1, "{bad:?}");
    assert_eq!(bad[0].0, 8, "the bad add item's line: {bad:?}");
    assert!(bad[0].1.contains('7'), "{bad:?}");
    let (lex, problems) = Lexicon::builtin().with_user(&patch);
    assert_eq!(problems.len(), 1, "{problems:?}");
    let msg = problems[0].to_string();
    assert!(
        msg.contains("no such phrase at all") && msg.contains("line 4"),
        "{msg}"
    );
    let text = "Budget talks stall\n\nThe senator lied about the gizmos.";
    let got = hits_with(text, &lex);
    assert!(
        !has(&got, "lied"),
        "'lie' disables the entry 'lies': {got:?}"
    );
    assert!(
        has(&got, "gizmos"),
        "the rest of the patch applies: {got:?}"
    );
    assert!(has(&hits(text), "lied"), "the bundled lexicon still has it");
}

#[test]
fn reports_name_the_words_as_written_grouped_by_entry() {
    use parallax::compare::{Options, compare};
    use parallax::report::{Format, render};
    let a = article(
        "a",
        "Budget talks stall\n\nThe senator lied about the cost. Aides said he was lying again, \
         and the plan was extremely costly.",
    );
    let b = article(
        "b",
        "Budget talks stall\n\nThe senator spoke about the cost.",
    );
    let cmp = compare(&a, &b, &Options::default());
    let text = render(&cmp, Format::Text);
    assert!(text.contains("“lied”, “lying” ("), "{text}");
    assert!(text.contains("Loaded term “lies” (emotive)"), "{text}");
    assert!(
        !text.contains("“extreme”"),
        "'extremely' is not the entry 'extreme': {text}"
    );
    let md = render(&cmp, Format::Markdown);
    assert!(md.contains("“lied”, “lying” (A2"), "{md}");
    let html = render(&cmp, Format::Html);
    assert!(
        html.contains(">lied, lying</mark>"),
        "the table names the words as written"
    );
    assert!(
        html.contains("Loaded term “lying” (entry “lies”,"),
        "each mark names its words, then the entry"
    );
}
