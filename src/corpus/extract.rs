//! Article extraction from one web page: [`extract`] turns a page's bytes into the article's
//! metadata and paragraphs, each paragraph with its role.
//!
//! 1. **Decode**: UTF-8, else the character encoding the page declares, else Windows-1252
//!    (see [`decode`]).
//! 2. **Extract**: `dom_smoothie`, a port of Mozilla's Readability (Firefox Reader View),
//!    sees the whole page as it is and keeps the block that reads like an article; it drops
//!    menus, sidebars, comment threads, share bars and scripts. Nothing is removed before it
//!    runs: deleting elements by their class names (`sidebar`, `promo`, `paywall`) lost real
//!    article containers, and the extractor judges those names better in context. Chosen by
//!    measurement against the Rust trafilatura ports (see EVALUATION.md).
//! 3. **Tag furniture**: the extracted HTML is cut into paragraphs by [`super::blocks`],
//!    which tags captions, bylines, timestamps, "read more" boxes and embedded posts from the
//!    markup; the text rules of [`crate::text::boilerplate`] then judge the rest (labels such
//!    as "Caption" or "Image 1 of 8", "Updated …" lines, repeated blocks). Furniture is kept
//!    and shown dimmed; only the reporting is analysed.
//!
//! A page in which no article can be found — an error page, a front page of links, a page
//! that is all furniture — is an error with that reason. Words are counted by Unicode word
//! boundaries (UAX #29), so a Japanese or Chinese article, written without spaces, counts
//! its words like any other.

use super::fold;
use dom_query::Document;
use dom_smoothie::{Config, Readability};
use encoding_rs::Encoding;
use unicode_segmentation::UnicodeSegmentation;

use super::blocks::{self, Mark};
use super::html::clean_field;
use super::nesting;
use super::page_meta::{PageMeta, strip_by, strip_site_suffix};
use super::read::check_bytes;
use super::{Article, Meta, SkipReason, Source};
use crate::text::sanitize::{sanitize, sanitize_line};
use crate::text::{self, Analysis, Boilerplate, Paragraph, ParagraphRole, Span, boilerplate};

/// Extracted texts with fewer reporting words than this are not taken for an article.
pub const MIN_ARTICLE_WORDS: usize = 40;

/// Pages with more elements than this are refused rather than parsed (a guard against
/// pathological input; real article pages have a few thousand).
const MAX_ELEMENTS: usize = 200_000;

/// One page's article: metadata, text and the analysis of that text (paragraph roles
/// included). Turn it into an [`Article`] with [`Page::into_article`].
#[derive(Clone, Debug, PartialEq)]
pub struct Page {
    /// Title, outlet, date, canonical URL and byline from the page.
    pub meta: Meta,
    /// The headline (when the page has a title), then every extracted paragraph, separated by
    /// blank lines.
    pub text: String,
    /// Paragraphs with their roles, sentences, tokens and quotations of `text`.
    pub analysis: Analysis,
}

impl Page {
    /// The article, with id `id`, read from `source`.
    pub fn into_article(self, id: String, source: Source) -> Article {
        Article::from_analysis(id, self.meta, source, self.text, self.analysis)
    }

    /// Words of the reporting (body paragraphs and embedded posts), by Unicode word
    /// boundaries.
    pub fn reporting_words(&self) -> usize {
        reporting_words(&self.text, &self.analysis)
    }
}

/// Extract the article of the web page `html` (raw bytes, in any encoding the page declares).
/// `url` is where the page came from, when known: it resolves the page's relative links and
/// is the article's URL when the page names none.
pub fn extract(html: &[u8], url: Option<&str>) -> Result<Page, SkipReason> {
    let raw = decode(html)?;
    extract_str(&raw, url)
}

/// [`extract`] for a page already decoded to text.
///
/// Markup nested deeper than [`nesting::MAX_DEPTH`] is flattened before it is parsed (nothing
/// recursive ever sees an arbitrarily deep tree); when no article can be found in such a page,
/// the reason says what was flattened.
pub fn extract_str(raw: &str, url: Option<&str>) -> Result<Page, SkipReason> {
    let raw = raw.strip_prefix('\u{feff}').unwrap_or(raw);
    let flat = nesting::flatten(raw);
    extract_flat(&flat, url).map_err(|reason| match flat.note() {
        Some(note) => SkipReason::Flattened {
            reason: Box::new(reason),
            note,
        },
        None => reason,
    })
}

fn extract_flat(flat: &nesting::Flattened, url: Option<&str>) -> Result<Page, SkipReason> {
    let raw: &str = &flat.html;
    let doc = nesting::parse_flat(flat, |h| Document::from(h))?;
    let head = PageMeta::read(&doc);
    let posts = blocks::embedded_posts(&doc);
    let page_marks = blocks::PageMarks::read(&doc);
    let cfg = Config {
        max_elements_to_parse: MAX_ELEMENTS,
        keep_classes: true,
        ..Config::default()
    };
    let base = url.filter(|u| u.starts_with("http://") || u.starts_with("https://"));
    let mut reader = Readability::with_document(doc, base, Some(cfg))
        .or_else(|_| {
            Readability::with_document(
                Document::from(raw),
                None,
                Some(Config {
                    max_elements_to_parse: MAX_ELEMENTS,
                    keep_classes: true,
                    ..Config::default()
                }),
            )
        })
        .map_err(|e| SkipReason::NotHtml {
            message: e.to_string(),
        })?;
    let article = reader.parse().map_err(|e| match e {
        dom_smoothie::ReadabilityError::TooManyElements(elements, limit) => {
            SkipReason::PageTooComplex { elements, limit }
        }
        _ => SkipReason::NoArticle,
    })?;
    let outlet = head
        .site_name
        .or_else(|| article.site_name.as_deref().and_then(clean_field))
        .or(head.title_suffix_outlet);
    let raw_title = head
        .og_title
        .or(head.title)
        .or_else(|| clean_field(&article.title))
        .unwrap_or_default();
    let title = strip_site_suffix(&raw_title, outlet.as_deref());
    let meta = Meta {
        title,
        outlet,
        date: head
            .published
            .or_else(|| article.published_time.as_deref().and_then(clean_field)),
        url: head
            .canonical
            .or(head.og_url)
            .or_else(|| base.and_then(clean_field)),
        author: article
            .byline
            .as_deref()
            .and_then(clean_field)
            .map(|b| strip_by(&b))
            .or(head.author),
    };
    let mut found = blocks::blocks(&article.content);
    page_marks.apply(&mut found);
    blocks::reattach(&mut found, posts);
    let page = assemble(meta, found);
    let words = page.reporting_words();
    if words < MIN_ARTICLE_WORDS {
        return Err(SkipReason::TooFewWords { words });
    }
    Ok(page)
}

/// The page text and analysis: the headline, then each block as one paragraph with the role
/// its mark gives it (a first block repeating the headline is left out).
fn assemble(meta: Meta, blocks: Vec<blocks::Block>) -> Page {
    let mut text = String::new();
    let mut paragraphs = Vec::new();
    let mut push = |text: &mut String, s: &str, role: ParagraphRole| {
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        let start = text.len();
        text.push_str(s);
        paragraphs.push(Paragraph {
            span: Span::new(start, text.len()),
            role,
        });
    };
    let title = meta.title.clone();
    if !title.trim().is_empty() {
        push(&mut text, &title, ParagraphRole::Title);
    }
    let want = fold(&title);
    let mut first = true;
    let mut after_related_heading = false;
    for b in blocks {
        let clean = clean_block(&b.text);
        if clean.is_empty() {
            continue;
        }
        if std::mem::take(&mut first) && !want.is_empty() && fold(&clean) == want {
            continue;
        }
        let mut role = match b.mark {
            Some(Mark::Furniture(kind)) => ParagraphRole::Boilerplate(kind),
            Some(Mark::Embedded) => ParagraphRole::Embedded,
            None => ParagraphRole::Body,
        };
        // Under a "Related" / "You may also like" heading, paragraphs that are only a link
        // are links to other stories.
        let linked = b.link_density >= 0.9;
        if role == ParagraphRole::Body && after_related_heading && linked {
            role = ParagraphRole::Boilerplate(Boilerplate::Related);
        }
        let heading = matches!(
            boilerplate::classify_line(&clean),
            Some(boilerplate::LineKind::RelatedHeading)
        );
        after_related_heading = heading || (after_related_heading && linked);
        push(&mut text, &clean, role);
    }
    let analysis = text::analyse_paragraphs(&text, paragraphs);
    Page {
        meta,
        text,
        analysis,
    }
}

/// A block's text sanitised, each line's whitespace collapsed, empty lines dropped.
fn clean_block(s: &str) -> String {
    sanitize(s)
        .replace('\u{a0}', " ")
        .lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

/// Words (UAX #29) in the body paragraphs and embedded posts of an analysed text.
pub fn reporting_words(text: &str, analysis: &Analysis) -> usize {
    analysis
        .paragraphs
        .iter()
        .filter(|p| matches!(p.role, ParagraphRole::Body | ParagraphRole::Embedded))
        .filter(|p| p.span.is_valid_in(text))
        .map(|p| p.span.slice(text).unicode_words().count())
        .sum()
}

/// Decode a page's bytes: as UTF-8 when they are, else from the encoding the page declares in
/// its first 2 KiB (`<meta charset>` or `http-equiv="Content-Type"`), else from Windows-1252
/// (the HTML standard's fallback), with `encoding_rs`. Empty, binary or blank input is an
/// error with a plain reason.
pub fn decode(bytes: &[u8]) -> Result<String, SkipReason> {
    let offset = match check_bytes(bytes.to_vec()) {
        Ok(text) => return Ok(text),
        Err(SkipReason::NotUtf8 { offset }) => offset,
        Err(reason) => return Err(reason),
    };
    let declared = declared_charset(bytes);
    let encoding = match declared.as_deref() {
        Some(label) => match Encoding::for_label(label.as_bytes()) {
            Some(e) if e == encoding_rs::UTF_8 => {
                return Err(SkipReason::PageNotUtf8 { offset });
            }
            Some(e) => e,
            None => {
                return Err(SkipReason::UnknownEncoding {
                    offset,
                    label: sanitize_line(label),
                });
            }
        },
        None => encoding_rs::WINDOWS_1252,
    };
    let (text, _, _) = encoding.decode(bytes);
    check_bytes(text.into_owned().into_bytes())
}

/// The `charset` a page declares near its start, lowercased.
fn declared_charset(bytes: &[u8]) -> Option<String> {
    let head = &bytes[..bytes.len().min(2048)];
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let at = lower.windows(8).position(|w| w == b"charset=")? + 8;
    let label: String = lower[at..]
        .iter()
        .skip_while(|&&b| b == b'"' || b == b'\'' || b == b' ')
        .take_while(|&&b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':' | b'.'))
        .map(|&b| b as char)
        .collect();
    (!label.is_empty()).then_some(label)
}
