//! Saved web pages and news feeds: main text kept, page furniture left out of the reporting
//! (dropped by the extractor, or kept and tagged), metadata read from the page or the feed,
//! and every unusable page or entry named with its reason.

use std::fs;
use std::path::{Path, PathBuf};

use parallax::corpus::{self, Article, Library, LoadOptions, Source};

fn fixture(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(rel)
}

fn load(paths: &[PathBuf]) -> Library {
    corpus::load(paths, &LoadOptions::default())
}

fn one(rel: &str) -> Article {
    let lib = load(&[fixture(rel)]);
    assert!(lib.skipped.is_empty(), "{:?}", lib.skipped);
    assert_eq!(lib.articles.len(), 1);
    lib.articles.into_iter().next().unwrap()
}

fn reason_for(lib: &Library, suffix: &str) -> String {
    lib.skipped
        .iter()
        .find(|s| s.path.to_string_lossy().ends_with(suffix))
        .map(|s| s.reason.to_string())
        .unwrap_or_else(|| panic!("no skipped entry ending in {suffix}: {:?}", lib.skipped))
}

/// Paragraphs of the article text.
fn paragraphs(a: &Article) -> Vec<&str> {
    a.text.split("\n\n").collect()
}

/// The paragraphs the comparison reads: everything but page furniture.
fn reporting(a: &Article) -> Vec<&str> {
    a.analysis
        .paragraphs
        .iter()
        .filter(|p| !p.role.is_boilerplate())
        .map(|p| p.span.slice(&a.text))
        .collect()
}

#[test]
fn saved_page_keeps_the_article_and_drops_the_furniture() {
    let a = one("web/duran-doubles-down.html");
    assert_eq!(
        a.title,
        "Russian Defense Ministry doubles down: ‘US continues to fight along side ISIS in eastern Syria’"
    );
    assert_eq!(a.outlet.as_deref(), Some("The Duran"));
    assert_eq!(a.date.as_deref(), Some("2017-11-15T09:12:00+00:00"));
    // The canonical URL wins over og:url (which carries tracking parameters).
    assert_eq!(
        a.url.as_deref(),
        Some("https://theduran.example/russian-defense-ministry-doubles-down/")
    );
    assert_eq!(a.author.as_deref(), Some("The Duran Newsroom"));
    assert_eq!(a.id, "duran-doubles-down");

    // The headline opens the text, then the body's paragraphs, first to last, each whole.
    let paras = reporting(&a);
    assert_eq!(paras[0], a.title);
    assert!(
        paras[1].starts_with("“The main thing preventing the final defeat of ISIS"),
        "{paras:?}"
    );
    assert!(
        paras
            .last()
            .unwrap()
            .starts_with("Two weeks ago, the Russian Defense Minister released photos"),
        "{paras:?}"
    );
    for whole in [
        "The Russian Defense Ministry is not letting this story disappear in the mainstream media memory hole.",
        "Quoted by AFP, he said recent attacks on Syrian regime forces were all made “from a 50-kilometre zone around At-Tanf on the Syrian-Jordan border” where the US-led coalition is operating a garrison.",
    ] {
        assert!(paras.contains(&whole), "missing paragraph: {whole}");
    }
    for furniture in [
        "cookie",          // consent banner
        "World Politics",  // main menu
        "Search the site", // search form
        "gold bullion",    // inline advertisement
        "Sponsored",       // sponsored sidebar
        "share this everywhere",
        "full resolution images", // comment thread
        "Leave a Reply",
        "newsletter",
        "Most read",
        "Nigel Farage", // popular-posts widget
        "All rights reserved",
        "dataLayer", // scripts
        "addEventListener",
        "Share on Facebook",
        "Leaders meet for emergency summit", // inline related links
    ] {
        let text = paras.join("\n\n");
        assert!(
            !text.contains(furniture),
            "furniture {furniture:?} survived:\n{text}",
        );
    }
}

#[test]
fn a_saved_pages_asset_folder_is_one_skipped_entry_not_one_per_file() {
    let dir = tempfile::tempdir().unwrap();
    fs::copy(
        fixture("web/duran-doubles-down.html"),
        dir.path().join("Doubles down.html"),
    )
    .unwrap();
    let assets = dir.path().join("Doubles down_files");
    fs::create_dir_all(assets.join("img")).unwrap();
    for name in ["app.js", "style.css", "img/photo.png", "ad-frame.html"] {
        fs::write(assets.join(name), "x").unwrap();
    }
    // A folder that merely ends in `_files`, with no page beside it, is walked as usual.
    let notes = dir.path().join("notes_files");
    fs::create_dir(&notes).unwrap();
    fs::write(
        notes.join("note.txt"),
        "A note\n\nThe ministry said the report was false.\n",
    )
    .unwrap();
    fs::write(notes.join("logo.png"), "x").unwrap();

    let lib = load(&[dir.path().to_path_buf()]);
    let titles: Vec<&str> = lib.articles.iter().map(|a| a.title.as_str()).collect();
    assert_eq!(titles.len(), 2, "{titles:?}");
    assert!(titles.contains(&"A note"), "{titles:?}");
    assert_eq!(lib.skipped.len(), 2, "{:?}", lib.skipped);
    let reason = reason_for(&lib, "Doubles down_files");
    assert!(reason.contains("saved page Doubles down.html"), "{reason}");
    assert!(reason.contains("(4 files)"), "{reason}");
    assert!(reason_for(&lib, "logo.png").contains("unsupported file type"));
}

#[test]
fn page_without_open_graph_uses_json_ld_and_the_title_tag() {
    let a = one("web/meduza-screenshot.htm");
    // <title> is "… — Meduza": the suffix naming the outlet is dropped.
    assert_eq!(
        a.title,
        "Russia's Defense Ministry blames a ‘civilian employee’ for tweeting a videogame screenshot, and publishes more ‘irrefutable evidence’ that America is helping ISIS"
    );
    assert_eq!(a.outlet.as_deref(), Some("Meduza"));
    assert_eq!(a.date.as_deref(), Some("2017-11-14T18:40:00+03:00"));
    assert_eq!(
        a.url.as_deref(),
        Some("https://meduza.example/en/news/2017/11/14/videogame-screenshot")
    );
    assert!(a.text.contains(
        "Officials say the Defense Ministry's tweets (one in Russian and another in English) were written by a civilian employee."
    ));
    assert!(
        a.text
            .contains("“AC-130 Gunship Simulator: Special Ops Squadron.”")
    );
    for furniture in [
        "uses cookies",
        "Podcasts",
        "Donate now",
        "cabinet reshuffle",
        "2014–2017",
    ] {
        assert!(
            !reporting(&a).join("\n\n").contains(furniture),
            "{furniture:?} survived"
        );
    }
}

#[test]
fn page_without_an_article_is_skipped_with_a_reason() {
    let lib = load(&[fixture("web/not-found.html")]);
    assert!(lib.articles.is_empty());
    let why = reason_for(&lib, "not-found.html");
    assert!(why.starts_with("no article found in the page"), "{why}");
}

#[test]
fn page_metadata_and_text_are_sanitised() {
    let dir = tempfile::tempdir().unwrap();
    let body: String = (0..6)
        .map(|i| {
            format!(
                "<p>Paragraph {i} of the report says the council met on Tuesday to debate the budget, \
                 and members argued for an hour about the new library.&#27;[2J</p>"
            )
        })
        .collect();
    let page = format!(
        "<html><head><title>Budget row&#27;]0;pwned&#7; | Town Crier</title>\
         <meta property=\"og:site_name\" content=\"Town Crier&#27;[31m\">\
         <meta name=\"author\" content=\"Ann&#27;[2J Other\">\
         <meta property=\"article:published_time\" content=\"2024-03-01&#10;T10:00\"></head>\
         <body><article>{body}</article></body></html>"
    );
    let path = dir.path().join("evil.html");
    fs::write(&path, page).unwrap();
    let lib = load(&[path]);
    assert!(lib.skipped.is_empty(), "{:?}", lib.skipped);
    let a = &lib.articles[0];
    for field in [
        Some(a.title.as_str()),
        a.outlet.as_deref(),
        a.date.as_deref(),
        a.author.as_deref(),
        Some(a.text.as_str()),
    ]
    .into_iter()
    .flatten()
    {
        assert!(
            !field
                .chars()
                .any(|c| c == '\u{1b}' || c == '\u{7}' || c == '\u{9b}'),
            "control characters survived in {field:?}"
        );
    }
    assert!(a.title.starts_with("Budget row"), "{}", a.title);
    assert!(!a.title.contains("Town Crier"), "{}", a.title);
    assert!(!a.date.as_deref().unwrap().contains('\n'));
}

#[test]
fn a_page_without_any_title_is_named_after_its_file() {
    let dir = tempfile::tempdir().unwrap();
    let body: String = (0..6)
        .map(|i| {
            format!(
                "<p>Paragraph {i}: the council met on Tuesday to debate the budget, and members \
                 argued for an hour about the new library and the state of the roads.</p>"
            )
        })
        .collect();
    let path = dir.path().join("Council Notes.html");
    fs::write(
        &path,
        format!("<html><body><div>{body}</div></body></html>"),
    )
    .unwrap();
    let lib = load(&[path]);
    assert!(lib.skipped.is_empty(), "{:?}", lib.skipped);
    let a = &lib.articles[0];
    assert_eq!(a.title, "Council Notes");
    assert_eq!(a.id, "council-notes");
    assert_eq!(a.outlet, None);
    assert!(
        a.text.starts_with("Paragraph 0: the council met"),
        "{}",
        a.text
    );
}

#[test]
fn pages_in_a_legacy_encoding_are_decoded_from_what_they_declare() {
    let dir = tempfile::tempdir().unwrap();
    let para = "<p>The caf\u{e9} owner said the \u{201c}new rules\u{201d} would cost her \u{a3}200 a \
                month, and the council\u{2019}s spokesman declined to comment on the figures.</p>";
    let body = para.repeat(5);
    let declared = format!(
        "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\">\
         <title>Caf\u{e9} rules</title></head><body><article>{body}</article></body></html>"
    );
    let undeclared = declared.replace("; charset=windows-1252", "");
    let latin = |s: &str| -> Vec<u8> {
        let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(s);
        assert!(!unmappable);
        bytes.into_owned()
    };
    for (name, page) in [
        ("declared.html", &declared),
        ("undeclared.htm", &undeclared),
    ] {
        let path = dir.path().join(name);
        fs::write(&path, latin(page)).unwrap();
        assert!(
            String::from_utf8(fs::read(&path).unwrap()).is_err(),
            "not UTF-8"
        );
        let lib = load(&[path]);
        assert!(lib.skipped.is_empty(), "{name}: {:?}", lib.skipped);
        let a = &lib.articles[0];
        assert_eq!(a.title, "Caf\u{e9} rules");
        assert!(
            a.text.contains(
                "The caf\u{e9} owner said the \u{201c}new rules\u{201d} would cost her \u{a3}200"
            ),
            "{}",
            a.text
        );
    }
    // A page that claims UTF-8 but is not is refused with both facts.
    let lying = declared.replace("windows-1252", "utf-8");
    let path = dir.path().join("lying.html");
    fs::write(&path, latin(&lying)).unwrap();
    let lib = load(&[path]);
    let why = reason_for(&lib, "lying.html");
    assert!(
        why.starts_with("not valid UTF-8") && why.contains("declares UTF-8"),
        "{why}"
    );
}

#[test]
fn a_wrapper_named_like_furniture_does_not_take_the_article_with_it() {
    let dir = tempfile::tempdir().unwrap();
    let body: String = (0..6)
        .map(|i| {
            format!(
                "<p>Paragraph {i}: the council met on Tuesday to debate the budget, and members \
                 argued for an hour about the new library and the state of the roads.</p>"
            )
        })
        .collect();
    let page = format!(
        "<html><head><title>Budget row</title></head><body>\
         <div class=\"page-with-comments sidebar-layout\"><div class=\"story\">{body}</div>\
         <div class=\"comments\"><p>First! This is the best comment on the whole site.</p></div></div>\
         </body></html>"
    );
    let path = dir.path().join("wrapped.html");
    fs::write(&path, page).unwrap();
    let lib = load(&[path]);
    assert!(lib.skipped.is_empty(), "{:?}", lib.skipped);
    let a = &lib.articles[0];
    assert!(
        a.text.contains("Paragraph 0: the council met"),
        "{}",
        a.text
    );
    assert!(
        a.text.contains("Paragraph 5: the council met"),
        "{}",
        a.text
    );
    assert!(!a.text.contains("First!"), "{}", a.text);
}

#[test]
#[cfg(feature = "feeds")]
fn rss_entries_become_articles_and_entries_without_content_are_named() {
    let lib = load(&[fixture("feeds/syria-desk.rss")]);
    assert_eq!(lib.articles.len(), 2);
    let a = &lib.articles[0];
    assert_eq!(a.id, "syria-desk-1");
    assert_eq!(
        a.title,
        "“HOAX”: Russia rejects ISIS claims of killed military personnel"
    );
    assert_eq!(a.outlet.as_deref(), Some("Syria Desk — World News Wire"));
    assert_eq!(a.date.as_deref(), Some("2017-11-07T10:30:00Z"));
    assert_eq!(
        a.url.as_deref(),
        Some("https://wire.example/syria/hoax-denial")
    );
    assert_eq!(a.author.as_deref(), Some("Wire Staff"));
    assert_eq!(
        a.source,
        Source::File {
            path: fixture("feeds/syria-desk.rss"),
            index: Some(0)
        }
    );
    // content:encoded is used over the one-line description, as paragraphs.
    let paras = paragraphs(a);
    assert_eq!(paras[0], a.title);
    assert_eq!(
        paras[1],
        "Russia’s Defense Ministry has denied media reports of suspected Russian military deaths in Syria in a terrorist attack by ISIS."
    );
    assert!(paras.len() > 4, "{paras:?}");
    // An escaped-HTML description is a fragment turned into text, not markup.
    let b = &lib.articles[1];
    assert_eq!(b.date.as_deref(), Some("2018-05-21T08:00:00Z"));
    assert!(!b.text.contains("<p>") && !b.text.contains("&lt;"));
    assert!(
        b.text
            .contains("\n\nIn the attack, Russian warplanes destroyed 24 pickup trups")
    );
    // The third item has only a title and a link.
    let why = reason_for(&lib, "syria-desk.rss#3");
    assert!(why.contains("no content"), "{why}");
}

#[test]
#[cfg(feature = "feeds")]
fn a_whole_page_inside_a_feed_entry_goes_through_reader_mode() {
    let page = fs::read_to_string(fixture("web/duran-doubles-down.html")).unwrap();
    let feed = format!(
        "<?xml version=\"1.0\"?><rss version=\"2.0\" \
         xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><channel>\
         <title>Archive</title><item><title>Saved copy</title>\
         <content:encoded><![CDATA[{page}]]></content:encoded></item></channel></rss>"
    );
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("archive.rss");
    fs::write(&path, feed).unwrap();
    let lib = load(&[path]);
    assert!(lib.skipped.is_empty(), "{:?}", lib.skipped);
    let a = &lib.articles[0];
    // The entry's own title and the feed's outlet win; the page supplies the rest.
    assert_eq!(a.title, "Saved copy");
    assert_eq!(a.outlet.as_deref(), Some("Archive"));
    assert_eq!(a.date.as_deref(), Some("2017-11-15T09:12:00+00:00"));
    assert!(
        a.text
            .contains("The Russian Defense Ministry is not letting this story disappear")
    );
    for furniture in ["cookie", "share this everywhere", "Most read", "dataLayer"] {
        assert!(
            !reporting(a).join("\n\n").contains(furniture),
            "{furniture:?} survived"
        );
    }
}

#[test]
#[cfg(feature = "feeds")]
fn atom_feeds_load_by_extension_and_xml_feeds_by_content() {
    for (rel, outlet) in [
        ("feeds/coalition-monitor.atom", "Coalition Monitor"),
        (
            "feeds/coalition-monitor-export.xml",
            "Coalition Monitor (export)",
        ),
    ] {
        let lib = load(&[fixture(rel)]);
        assert_eq!(lib.articles.len(), 1, "{rel}");
        let a = &lib.articles[0];
        assert_eq!(
            a.title,
            "Russian Federation accuses U.S. coalition of hampering its anti-IS operation in Syria"
        );
        assert_eq!(a.outlet.as_deref(), Some(outlet));
        // Published, not updated.
        assert_eq!(a.date.as_deref(), Some("2017-11-14T16:05:00Z"));
        assert_eq!(
            a.url.as_deref(),
            Some("https://monitor.example/2017/11/coalition-hampering")
        );
        assert_eq!(a.author.as_deref(), Some("Monitor Staff"));
        assert!(
            a.text
                .contains("The Russian Defense Ministry on Tuesday accused the USA -led coalition")
        );
        assert!(reason_for(&lib, &format!("{}#2", &rel[6..])).contains("no content"));
    }
}

#[test]
#[cfg(feature = "feeds")]
fn xml_that_is_not_a_feed_is_skipped_with_its_root_element() {
    let lib = load(&[fixture("feeds/sitemap.xml")]);
    assert!(lib.articles.is_empty());
    assert_eq!(
        reason_for(&lib, "sitemap.xml"),
        "XML file is not an RSS or Atom feed (its root element is <urlset>)"
    );
}

#[test]
#[cfg(feature = "feeds")]
fn broken_feed_is_skipped_with_a_reason() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cut.rss");
    fs::write(
        &path,
        "<rss version=\"2.0\"><channel><title>Cut</title><item><title>x",
    )
    .unwrap();
    let lib = load(&[path]);
    assert!(lib.articles.is_empty());
    assert!(!lib.skipped.is_empty());
    assert!(
        lib.skipped[0].reason.to_string().contains("feed"),
        "{:?}",
        lib.skipped
    );
}

#[test]
#[cfg(feature = "feeds")]
fn a_directory_of_pages_and_feeds_loads_in_order() {
    let lib = load(&[fixture("web"), fixture("feeds")]);
    let ids: Vec<&str> = lib.articles.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "duran-doubles-down",
            "meduza-screenshot",
            "coalition-monitor-export-1",
            "coalition-monitor-1",
            "syria-desk-1",
            "syria-desk-2",
        ]
    );
    let skipped: Vec<String> = lib
        .skipped
        .iter()
        .map(|s| s.path.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        skipped,
        [
            "not-found.html",
            "coalition-monitor-export.xml#2",
            "coalition-monitor.atom#2",
            "sitemap.xml",
            "syria-desk.rss#3",
        ]
    );
}

#[test]
#[cfg(not(feature = "feeds"))]
fn without_the_feeds_feature_feeds_are_skipped_with_that_reason() {
    let lib = load(&[fixture("feeds/syria-desk.rss")]);
    assert!(lib.articles.is_empty());
    assert!(reason_for(&lib, "syria-desk.rss").contains("`feeds` feature"));
}

mod robustness {
    use super::*;
    use proptest::prelude::*;

    /// Markup-ish strings: tags of pages and feeds, entities, text, and stray control characters.
    fn markup() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            Just("<p>".to_string()),
            Just("</p>".to_string()),
            Just("<article>".to_string()),
            Just("<div class=\"comments\">".to_string()),
            Just("</div>".to_string()),
            Just("<title>".to_string()),
            Just("<meta property=\"og:site_name\" content=\"".to_string()),
            Just("<rss version=\"2.0\"><channel><item><title>".to_string()),
            Just(
                "<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><content type=\"html\">"
                    .to_string()
            ),
            Just("<![CDATA[".to_string()),
            Just("&#27;[31m".to_string()),
            Just("&amp;&lt;&#0;".to_string()),
            "[a-zA-Z ,.]{0,40}".prop_map(|s| s),
            any::<char>().prop_map(|c| c.to_string()),
        ];
        prop::collection::vec(piece, 0..60).prop_map(|v| v.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

        #[test]
        fn pages_and_feeds_never_panic_and_never_keep_control_characters(body in markup()) {
            let dir = tempfile::tempdir().unwrap();
            let mut paths = Vec::new();
            for ext in ["html", "rss", "xml"] {
                let p = dir.path().join(format!("x.{ext}"));
                fs::write(&p, &body).unwrap();
                paths.push(p);
            }
            let lib = load(&paths);
            // Every file is either loaded or named with a reason.
            for p in &paths {
                let name = p.file_name().unwrap().to_string_lossy().into_owned();
                let seen = lib.articles.iter().any(|a| a.source.display().contains(&name))
                    || lib.skipped.iter().any(|s| s.path.to_string_lossy().contains(&name));
                prop_assert!(seen, "{name} vanished");
            }
            for a in &lib.articles {
                for field in [Some(&a.title), a.outlet.as_ref(), a.date.as_ref(), a.url.as_ref(), a.author.as_ref(), Some(&a.text)].into_iter().flatten() {
                    prop_assert!(
                        !field.chars().any(|c| c.is_control() && c != '\n' && c != '\t'),
                        "control character in {field:?}"
                    );
                }
            }
        }
    }
}
