//! Article extraction from web pages (`corpus::extract`): each kind of page furniture is kept
//! and tagged rather than lost or counted as reporting; containers whose names merely contain
//! "sidebar" or "paywall" keep their article; embedded posts are kept and tagged; pages written
//! without spaces between words load.

use parallax::corpus::{self, Page};
use parallax::text::{Boilerplate, ParagraphRole};

/// Seven paragraphs of reporting, our own words.
const STORY: [&str; 7] = [
    "The harbour authority confirmed on Tuesday that the eastern dock will close for repairs next month, after inspectors found cracks in two of its supporting piers.",
    "Ships that normally unload at the eastern dock will be sent to the northern terminal, which officials said could handle the extra traffic for at least six weeks.",
    "“We would rather close it for a month now than for a year later,” said Maria Ortega, the authority's chief engineer, speaking to reporters at the quay.",
    "Dock workers' representatives said they had raised concerns about the piers for more than two years and welcomed the decision, though they asked for written guarantees on pay.",
    "The repairs are expected to cost about 4.2 million euros, most of it covered by a regional fund set up after last winter's storms damaged several coastal structures.",
    "Local businesses near the northern terminal said they expected heavier lorry traffic and asked the council to review parking rules on the harbour road during the works.",
    "The authority said it would publish a weekly update on the repairs and reopen the dock in stages, starting with the berths used by the ferry to the islands.",
];

/// A page around `body`: a menu, a block of popular stories and a comment thread, together
/// longer than the story, as on many news sites (so no container of the story holds most of
/// the page's words).
fn page(body: &str) -> String {
    let menu: String = [
        "News",
        "World",
        "Business",
        "Sport",
        "Weather",
        "Culture",
        "Travel",
        "Opinion",
        "Obituaries",
        "Podcasts",
        "Puzzles",
        "Newsletters",
    ]
    .iter()
    .map(|m| format!("<li><a href=\"/{m}\">{m}</a></li>"))
    .collect();
    let popular: String = (1..=8)
        .map(|i| format!("<li><a href=\"/p{i}\">Popular story number {i} about the town council and the summer festival plans</a></li>"))
        .collect();
    let comments: String = (1..=4)
        .map(|i| format!("<div class=\"comment\"><p>Reader {i} wrote: I have lived by the harbour for thirty years and the piers were never properly maintained by anyone in charge, so this is hardly news to those of us who walk there every single day of the week.</p></div>"))
        .collect();
    format!(
        "<!doctype html><html><head><meta charset=\"utf-8\"><title>Harbour dock to close for repairs | Coast Daily</title>\
         <meta property=\"og:site_name\" content=\"Coast Daily\"></head><body>\
         <header class=\"site-header\"><nav><ul>{menu}</ul></nav></header>\
         {body}\
         <section class=\"most-popular\"><h2>Most popular</h2><ul>{popular}</ul></section>\
         <section id=\"comments\"><h2>4 Comments</h2>{comments}</section>\
         <footer class=\"site-footer\"><p>© 2024 Coast Daily. All rights reserved.</p></footer></body></html>"
    )
}

fn story_paragraphs(range: std::ops::Range<usize>) -> String {
    STORY[range].iter().map(|p| format!("<p>{p}</p>")).collect()
}

fn extract(html: &str) -> Page {
    corpus::extract(html.as_bytes(), Some("https://coast.example/harbour"))
        .unwrap_or_else(|e| panic!("not extracted: {e}"))
}

/// The role of the paragraph holding `needle`; panics when no paragraph holds it.
fn role_of(p: &Page, needle: &str) -> ParagraphRole {
    p.analysis
        .paragraphs
        .iter()
        .find(|para| para.span.slice(&p.text).contains(needle))
        .map(|para| para.role)
        .unwrap_or_else(|| panic!("{needle:?} is not in the text:\n{}", p.text))
}

/// Every paragraph of the story is reporting, whole.
fn assert_story_is_body(p: &Page) {
    for para in STORY {
        let found = p
            .analysis
            .paragraphs
            .iter()
            .find(|x| x.span.slice(&p.text) == para);
        assert_eq!(
            found.map(|x| x.role),
            Some(ParagraphRole::Body),
            "{para:?} is not a body paragraph of:\n{}",
            p.text
        );
    }
}

fn furniture(kind: Boilerplate) -> ParagraphRole {
    ParagraphRole::Boilerplate(kind)
}

#[test]
fn figure_captions_and_credits_are_captions() {
    let body = format!(
        "<article><h1>Harbour dock to close for repairs</h1>{}\
         <figure><img src=\"dock.jpg\" alt=\"\"><figcaption>Cracks in the eastern pier, photographed by inspectors last week.</figcaption></figure>\
         <p class=\"wp-caption-text\">Ferries will use the northern terminal while the works last.</p><p><span class=\"credit\">Photo: Jan Visser</span></p>\
         {}</article>",
        story_paragraphs(0..4),
        story_paragraphs(4..7)
    );
    let p = extract(&page(&body));
    assert_story_is_body(&p);
    let caption = furniture(Boilerplate::Caption);
    assert_eq!(role_of(&p, "Cracks in the eastern pier"), caption);
    assert_eq!(role_of(&p, "Ferries will use the northern"), caption);
    assert_eq!(role_of(&p, "Photo: Jan Visser"), caption);
}

#[test]
fn bylines_timestamps_and_labels_are_tagged() {
    let body = format!(
        "<article><h1>Harbour dock to close for repairs</h1>\
         <p>By Anna Berg and Tom Reyes</p><p>Lena Holm, Coast Daily Transport Correspondent</p>\
         <p><span class=\"timestamp\">Updated <time datetime=\"2024-03-05T09:10\">9:10 am, Tuesday, March 5, 2024</time></span></p>\
         {}<div class=\"slides\"><p>Image 1 of 8</p><p>Hide caption</p></div>{}\
         <p>Published 3 hours ago</p></article>",
        story_paragraphs(0..3),
        story_paragraphs(3..7)
    );
    let p = extract(&page(&body));
    assert_story_is_body(&p);
    assert_eq!(role_of(&p, "Anna Berg"), furniture(Boilerplate::Byline));
    assert_eq!(role_of(&p, "Lena Holm"), furniture(Boilerplate::Byline));
    assert_eq!(role_of(&p, "9:10 am"), furniture(Boilerplate::Timestamp));
    assert_eq!(role_of(&p, "Image 1 of 8"), furniture(Boilerplate::Label));
    assert_eq!(role_of(&p, "Hide caption"), furniture(Boilerplate::Label));
    assert_eq!(
        role_of(&p, "Published 3 hours ago"),
        furniture(Boilerplate::Timestamp)
    );
}

#[test]
fn a_byline_element_becomes_the_author_and_never_reporting() {
    let body = format!(
        "<article><h1>Harbour dock to close for repairs</h1><div class=\"byline\">By <a rel=\"author\" href=\"/anna\">Anna Berg</a></div>{}</article>",
        story_paragraphs(0..7)
    );
    let p = extract(&page(&body));
    assert_story_is_body(&p);
    assert_eq!(p.meta.author.as_deref(), Some("Anna Berg"));
    for para in &p.analysis.paragraphs {
        if para.span.slice(&p.text).contains("Anna Berg") {
            assert_eq!(para.role, furniture(Boilerplate::Byline));
        }
    }
}

#[test]
fn read_more_blocks_and_related_links_are_related() {
    let body = format!(
        "<article><h1>Harbour dock to close for repairs</h1>{}\
         <p><strong>READ MORE:</strong> <a href=\"/a\">Storm damage bill rises again</a></p>{}\
         <div class=\"related-stories\"><h3>More on the harbour</h3><ul>\
         <li><a href=\"/b\">Ferry timetable changes for the summer season</a></li>\
         <li><a href=\"/c\">Council votes on new harbour road parking rules</a></li></ul></div>\
         <p>You may also like</p><p><a href=\"/d\">Why the old lighthouse keeps its lamp lit?</a></p></article>",
        story_paragraphs(0..4),
        story_paragraphs(4..7)
    );
    let p = extract(&page(&body));
    assert_story_is_body(&p);
    let related = furniture(Boilerplate::Related);
    for needle in [
        "Storm damage bill rises again",
        "Ferry timetable changes",
        "Council votes on new harbour road",
        "Why the old lighthouse",
    ] {
        // Kept in the text, tagged, or left out by the extractor: never reporting.
        let role = p
            .analysis
            .paragraphs
            .iter()
            .find(|x| x.span.slice(&p.text).contains(needle))
            .map(|x| x.role);
        assert!(
            role.is_none() || role == Some(related),
            "{needle:?} is {role:?}"
        );
    }
    assert_eq!(role_of(&p, "Storm damage bill"), related);
    assert_eq!(role_of(&p, "Why the old lighthouse"), related);
}

#[test]
fn a_caption_repeated_on_its_own_is_tagged_once_seen() {
    let caption = "Inspectors walk along the eastern pier of the harbour on Monday morning";
    let body = format!(
        "<article><h1>Harbour dock to close for repairs</h1><p>{caption}</p>{}<p>{caption}</p>{}</article>",
        story_paragraphs(0..4),
        story_paragraphs(4..7)
    );
    let p = extract(&page(&body));
    assert_story_is_body(&p);
    let roles: Vec<ParagraphRole> = p
        .analysis
        .paragraphs
        .iter()
        .filter(|x| x.span.slice(&p.text) == caption)
        .map(|x| x.role)
        .collect();
    assert_eq!(
        roles,
        [ParagraphRole::Body, furniture(Boilerplate::Repeated)]
    );
}

#[test]
fn an_embedded_post_is_kept_and_tagged_even_when_its_wrapper_reads_like_a_share_bar() {
    let body = format!(
        "<article><h1>Harbour dock to close for repairs</h1>{}\
         <div class=\"social-media-embed\"><blockquote class=\"twitter-tweet\"><p lang=\"en\">Eastern dock closing for a month. About time those piers were fixed <a href=\"https://t.example/x\">t.example/x</a></p>— Harbour Watch (@harbourwatch) <a href=\"https://twitter.example/s/1\">March 5, 2024</a></blockquote>\
         <script src=\"https://platform.example/widgets.js\"></script></div>{}</article>",
        story_paragraphs(0..4),
        story_paragraphs(4..7)
    );
    let p = extract(&page(&body));
    assert_story_is_body(&p);
    assert_eq!(
        role_of(&p, "About time those piers were fixed"),
        ParagraphRole::Embedded
    );
    // In its place: after the paragraph it follows in the page.
    let at = |needle: &str| p.text.find(needle).unwrap();
    assert!(at("About time those piers") > at("Dock workers' representatives"));
    assert!(at("About time those piers") < at("The repairs are expected"));
}

#[test]
fn a_container_named_content_with_sidebar_keeps_its_article() {
    let body = format!(
        "<h1>Harbour dock to close for repairs</h1><div class=\"content-with-sidebar-wrp\"><div class=\"content-wrp\">{}</div>\
         <div class=\"sidebar\"><h3>Most popular</h3><ul><li><a href=\"/x\">Ten best beaches</a></li><li><a href=\"/y\">Tide tables</a></li></ul></div></div>",
        story_paragraphs(0..7)
    );
    let p = extract(&page(&body));
    assert_story_is_body(&p);
}

#[test]
fn an_article_body_segment_inside_a_fixed_sidebar_layout_keeps_its_article() {
    let body = format!(
        "<h1>Harbour dock to close for repairs</h1><div class=\"l-container\"><div class=\"l-sidebar-fixed l-article-body-segment\">{}</div>\
         <div class=\"l-sidebar-fixed l-sidebar\"><p><a href=\"/z\">Newsletter sign-up</a></p></div></div>",
        story_paragraphs(0..7)
    );
    let p = extract(&page(&body));
    assert_story_is_body(&p);
}

#[test]
fn a_paywall_div_holding_most_of_the_story_keeps_it() {
    let body = format!(
        "<h1>Harbour dock to close for repairs</h1><div class=\"story\">{}<div class=\"paywall\">{}</div></div>",
        story_paragraphs(0..3),
        story_paragraphs(3..7)
    );
    let p = extract(&page(&body));
    assert_story_is_body(&p);
}

#[test]
fn a_japanese_page_counts_its_words_and_loads() {
    let sentences = [
        "港湾局は火曜日、東側の埠頭を来月から修理のため閉鎖すると発表した。",
        "検査で二本の支柱にひびが見つかったことが理由だという。",
        "東側の埠頭を使う船は、北側のターミナルに回される予定だ。",
        "主任技師は、一年後に閉鎖するよりも今一か月閉鎖する方がよいと話した。",
        "労働組合は、支柱の問題を二年以上前から指摘していたと述べた。",
        "修理費はおよそ四百二十万ユーロで、その大部分は地域の基金から支払われる。",
    ];
    let body = format!(
        "<article><h1>東側の埠頭、修理のため閉鎖へ</h1><p>{}</p><p>{}</p></article>",
        sentences[..3].concat(),
        sentences[3..].concat()
    );
    let html = format!(
        "<!doctype html><html lang=\"ja\"><head><meta charset=\"utf-8\"><title>東側の埠頭、修理のため閉鎖へ</title></head>\
         <body><nav><a href=\"/\">ホーム</a></nav>{body}<footer>© 2024</footer></body></html>"
    );
    let p = extract(&html);
    // Words by Unicode word boundaries: many more than the 40 a page needs, though the text
    // has no spaces at all.
    assert!(
        p.reporting_words() >= corpus::html::MIN_ARTICLE_WORDS,
        "{}",
        p.reporting_words()
    );
    assert!(p.text.contains(sentences[0]));
}

#[test]
fn a_page_of_furniture_only_is_refused_with_a_reason() {
    let body = "<div class=\"related\"><ul><li><a href=\"/a\">One story</a></li><li><a href=\"/b\">Another story</a></li></ul></div>";
    let err = corpus::extract(page(body).as_bytes(), None).unwrap_err();
    assert!(
        err.to_string().starts_with("no article found in the page"),
        "{err}"
    );
}
