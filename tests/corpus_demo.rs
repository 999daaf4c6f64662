//! The bundled demo corpus: ids, exact headlines, outlets, and text identical to the assets.

use parallax::corpus::{self, Source};
use parallax::text::ParagraphRole;

#[test]
fn demo_has_five_articles_with_exact_titles_and_outlets() {
    let lib = corpus::demo();
    assert!(lib.skipped.is_empty(), "{:?}", lib.skipped);
    let got: Vec<(&str, &str, Option<&str>)> = lib
        .articles
        .iter()
        .map(|a| (a.id.as_str(), a.title.as_str(), a.outlet.as_deref()))
        .collect();
    assert_eq!(
        got,
        [
            (
                "hoax-denial",
                "“HOAX”: Russia rejects ISIS claims of killed military personnel",
                None
            ),
            (
                "airstrike-200",
                "Russia kills more than 200 ISIS militants in an airstrike in\u{a0}Syria.",
                None
            ),
            (
                "duran-doubles-down",
                "Russian Defense Ministry doubles down: ‘US continues to fight along side ISIS in eastern Syria’",
                Some("The Duran")
            ),
            (
                "meduza-screenshot",
                "Russia's Defense Ministry blames a ‘civilian employee’ for tweeting a videogame screenshot, and publishes more ‘irrefutable evidence’ that America is helping ISIS",
                Some("Meduza")
            ),
            (
                "coalition-hampering",
                "Russian Federation accuses U.S. coalition of hampering its anti-IS operation in Syria",
                None
            ),
        ]
    );
    for a in &lib.articles {
        assert!(a.date.is_none() && a.url.is_none() && a.author.is_none());
    }
}

#[test]
fn demo_text_is_the_asset_and_the_headline_paragraph_is_the_title() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/demo");
    for a in corpus::demo().articles {
        let Source::Demo { name } = &a.source else {
            panic!("demo article with a non-demo source");
        };
        let on_disk = std::fs::read(dir.join(name)).unwrap();
        assert_eq!(a.text.as_bytes(), on_disk.as_slice(), "{name}");
        let titles: Vec<&str> = a
            .analysis
            .paragraphs
            .iter()
            .filter(|p| p.role == ParagraphRole::Title)
            .map(|p| p.span.slice(&a.text))
            .collect();
        assert_eq!(titles.first().copied(), Some(a.title.as_str()), "{name}");
    }
}

#[test]
fn demo_articles_by_id_are_the_library_articles() {
    let lib = corpus::demo();
    let ids: Vec<&str> = lib.articles.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(corpus::demo::ids(), ids);
    for a in &lib.articles {
        let one = corpus::demo::get(&a.id).expect("every demo id resolves on its own");
        assert_eq!(&one, a);
    }
    assert!(corpus::demo::get("no-such-id").is_none());
}
