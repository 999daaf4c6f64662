//! Loading articles: files, directories and the bundled demo corpus.
//!
//! Every file that cannot be loaded is reported as a [`Skipped`] entry with a plain reason; the
//! rest still loads. Loading never panics on any input.
//!
//! - [`load`] reads files and directories (see [`walk`] for the directory rules);
//! - [`demo()`](fn@demo) builds the bundled demo corpus (see [`demo`](mod@demo) for its ids);
//! - the per-format readers live in [`txt`], [`markdown`], [`json`], [`html`] (saved web pages)
//!   and [`feed`] (RSS and Atom);
//! - [`extract()`](fn@extract) finds the article in a web page's bytes (used for saved pages,
//!   and for any page fetched by other means), with [`blocks`] and [`page_meta`];
//!   [`nesting`] flattens markup nested too deep before any of it is parsed.

pub mod blocks;
pub mod demo;
pub mod extract;
pub mod feed;
pub mod html;
pub mod json;
pub mod markdown;
pub mod nesting;
pub mod page_meta;
pub mod page_names;
pub mod read;
pub mod skip;
pub mod txt;
pub mod walk;

pub use extract::{Page, extract};

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

pub use skip::SkipReason;

use crate::text::{self, Analysis, Span};

/// Where an article came from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Source {
    /// The bundled demo corpus (the asset file name).
    Demo {
        /// Asset file name, e.g. `000_b43fac82a9da9947.txt`.
        name: String,
    },
    /// A file on disk; `index` is the article's position inside a multi-article file
    /// (JSON array, JSON Lines), `None` for single-article files.
    File {
        /// The path as given or found while walking a directory.
        path: PathBuf,
        /// Position inside a multi-article file.
        index: Option<usize>,
    },
    /// A web address, read from its copy in the saved library.
    Web {
        /// The address.
        url: String,
        /// The saved page it was read from.
        saved: PathBuf,
        /// Position inside a feed.
        index: Option<usize>,
    },
}

impl Source {
    /// A short human-readable description ("demo:000_….txt", "dir/a.jsonl#3",
    /// "https://example.com/feed.xml#2").
    pub fn display(&self) -> String {
        match self {
            Source::Demo { name } => format!("demo:{name}"),
            Source::File { path, index: None } => path.display().to_string(),
            Source::File {
                path,
                index: Some(i),
            } => format!("{}#{}", path.display(), i + 1),
            Source::Web {
                url, index: None, ..
            } => url.clone(),
            Source::Web {
                url,
                index: Some(i),
                ..
            } => format!("{url}#{}", i + 1),
        }
    }
}

/// One loaded article: metadata, its full original text and the analysis of that text.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// Short stable id, unique within a loaded library, usable on the command line.
    pub id: String,
    /// Headline.
    pub title: String,
    /// Publishing outlet, when known.
    pub outlet: Option<String>,
    /// Publication date as given by the source, when known.
    pub date: Option<String>,
    /// Canonical URL, when known.
    pub url: Option<String>,
    /// Byline, when known.
    pub author: Option<String>,
    /// Where it came from.
    pub source: Source,
    /// The article's text; every span in `analysis` indexes into it.
    pub text: String,
    /// Paragraphs, sentences, tokens and quotations of `text`.
    pub analysis: Analysis,
}

impl Article {
    /// Build an article from metadata and text, running the text analysis. `title_span`, when
    /// given, marks the paragraph holding the headline inside `text`.
    pub fn new(
        id: String,
        meta: Meta,
        source: Source,
        text: String,
        title_span: Option<Span>,
    ) -> Self {
        let analysis = text::analyse(&text, title_span);
        Article::from_analysis(id, meta, source, text, analysis)
    }

    /// An article whose text is already analysed (a loader that knows the paragraphs and
    /// their roles, such as [`extract`] for web pages).
    pub fn from_analysis(
        id: String,
        meta: Meta,
        source: Source,
        text: String,
        analysis: Analysis,
    ) -> Self {
        Article {
            id,
            title: meta.title,
            outlet: meta.outlet,
            date: meta.date,
            url: meta.url,
            author: meta.author,
            source,
            text,
            analysis,
        }
    }

    /// The outlet, or `"unknown"` when the source does not name it.
    pub fn outlet_label(&self) -> &str {
        self.outlet.as_deref().unwrap_or("unknown")
    }
}

/// Article metadata gathered by a loader.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meta {
    /// Headline.
    pub title: String,
    /// Publishing outlet.
    pub outlet: Option<String>,
    /// Publication date.
    pub date: Option<String>,
    /// Canonical URL.
    pub url: Option<String>,
    /// Byline.
    pub author: Option<String>,
}

/// A file (or entry of a file) that could not be loaded, and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Skipped {
    /// The path that was skipped.
    pub path: PathBuf,
    /// Why, e.g. [`SkipReason::NotUtf8`] ("not valid UTF-8 (first bad byte at offset 12); …").
    pub reason: SkipReason,
}

/// The result of loading: articles in deterministic order, plus everything skipped.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Library {
    /// Loaded articles.
    pub articles: Vec<Article>,
    /// Files that could not be loaded.
    pub skipped: Vec<Skipped>,
}

/// The default per-file size limit: 8 MiB.
pub const DEFAULT_MAX_FILE_SIZE: u64 = 8 * 1024 * 1024;

/// Options for [`load`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LoadOptions {
    /// Files larger than this many bytes are skipped.
    pub max_file_size: u64,
}

impl Default for LoadOptions {
    fn default() -> Self {
        LoadOptions {
            max_file_size: DEFAULT_MAX_FILE_SIZE,
        }
    }
}

impl Library {
    /// The article with id `id`, if any.
    pub fn get(&self, id: &str) -> Option<&Article> {
        self.articles.iter().find(|a| a.id == id)
    }

    /// Add an article, making its id unique within the library by appending `-2`, `-3`, … on
    /// collision.
    pub fn push_unique(&mut self, mut article: Article) {
        if self.get(&article.id).is_some() {
            let base = article.id.clone();
            let mut n = 2usize;
            loop {
                let candidate = format!("{base}-{n}");
                if self.get(&candidate).is_none() {
                    article.id = candidate;
                    break;
                }
                n += 1;
            }
        }
        self.articles.push(article);
    }

    /// Add an article whose id may still collide; [`Library::make_ids_unique`] settles it.
    /// The file loaders use this, and [`load`] settles every id once at the end, so that
    /// loading many files stays linear where checking each new id against all the others
    /// would be quadratic.
    pub fn push_pending(&mut self, article: Article) {
        self.articles.push(article);
    }

    /// Make every id unique, in article order, exactly as [`Library::push_unique`] would have
    /// one at a time: an id already taken by an earlier article gets the first free `-2`,
    /// `-3`, … suffix.
    pub fn make_ids_unique(&mut self) {
        let mut ids = UniqueIds::default();
        for a in &mut self.articles {
            ids.settle(&mut a.id);
        }
    }

    /// Record a skipped file or entry.
    pub fn skip(&mut self, path: impl Into<PathBuf>, reason: SkipReason) {
        self.skipped.push(Skipped {
            path: path.into(),
            reason,
        });
    }
}

/// The ids given out so far while loading, to make each new one unique in linear time.
#[derive(Debug, Default)]
pub struct UniqueIds {
    taken: std::collections::HashSet<String>,
    /// The last suffix tried for each base id: every smaller one is taken for good.
    next: std::collections::HashMap<String, usize>,
}

impl UniqueIds {
    /// Make `id` unique among the ids settled before it, as [`Library::push_unique`] would: an
    /// id already taken gets the first free `-2`, `-3`, … suffix.
    pub fn settle(&mut self, id: &mut String) {
        if self.taken.contains(id.as_str()) {
            let n = self.next.entry(id.clone()).or_insert(1);
            loop {
                *n += 1;
                let candidate = format!("{id}-{n}");
                if !self.taken.contains(&candidate) {
                    *id = candidate;
                    break;
                }
            }
        }
        self.taken.insert(id.clone());
    }
}

/// Load every article found at `paths`, in the order given. Directories are walked recursively
/// in sorted order; anything that cannot be loaded is recorded in [`Library::skipped`].
pub fn load(paths: &[PathBuf], opts: &LoadOptions) -> Library {
    load_with_progress(paths, opts, &|_, _| {})
}

/// [`load`], reading and analysing files in parallel; `progress` is called with (files done,
/// files in all) as each file finishes, from any thread. The library is in the same order
/// as [`load`]'s, whatever the number of threads.
pub fn load_with_progress(
    paths: &[PathBuf],
    opts: &LoadOptions,
    progress: &(dyn Fn(usize, usize) + Sync),
) -> Library {
    walk::run(&walk::plan(paths), opts, progress)
}

/// The bundled demo corpus.
pub fn demo() -> Library {
    demo::library()
}

/// A command-line-friendly slug of a file stem: lowercase ASCII letters, digits and single
/// dashes; `"article"` when nothing remains.
pub fn slug(stem: &str) -> String {
    let mut out = String::new();
    for c in stem.chars() {
        let c = c.to_ascii_lowercase();
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    if out.is_empty() {
        out.push_str("article");
    }
    out
}

/// The file stem of `path` as text (lossy), or `"article"`.
pub(crate) fn stem_of(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "article".to_string())
}

/// The span of the first line of `text` (trimmed, byte offsets) that is not page furniture, as
/// judged by [`crate::text::boilerplate::is_furniture_line`].
pub fn first_headline_line(text: &str) -> Option<Span> {
    let mut offset = 0usize;
    for line in text.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        let body = line.trim_end_matches(['\n', '\r']);
        if text::boilerplate::is_furniture_line(body) {
            continue;
        }
        let lead = body.len() - body.trim_start().len();
        let trimmed = body.trim();
        if trimmed.is_empty() {
            continue;
        }
        let s = start + lead;
        return Some(Span::new(s, s + trimmed.len()));
    }
    None
}

/// The first line-span of `text` whose trimmed content equals `title`.
pub fn find_line(text: &str, title: &str) -> Option<Span> {
    let want = title.trim();
    if want.is_empty() {
        return None;
    }
    let mut offset = 0usize;
    for line in text.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        let body = line.trim_end_matches(['\n', '\r']);
        if body.trim() == want {
            let lead = body.len() - body.trim_start().len();
            return Some(Span::new(start + lead, start + lead + want.len()));
        }
    }
    None
}

/// Whitespace collapsed and lower-cased: how titles, names and block texts are compared.
pub(crate) fn fold(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn art(id: &str) -> Article {
        Article::new(
            id.to_string(),
            Meta::default(),
            Source::Demo {
                name: id.to_string(),
            },
            "Some text.".to_string(),
            None,
        )
    }

    #[test]
    fn settling_ids_at_the_end_matches_pushing_one_at_a_time() {
        let ids = ["a", "a", "a-2", "a", "b", "a-2", "a-3", "a", "b"];
        let mut one_by_one = Library::default();
        let mut pending = Library::default();
        for id in ids {
            one_by_one.push_unique(art(id));
            pending.push_pending(art(id));
        }
        pending.make_ids_unique();
        let got: Vec<&str> = pending.articles.iter().map(|a| a.id.as_str()).collect();
        let want: Vec<&str> = one_by_one.articles.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(got, want);
        assert_eq!(
            got,
            [
                "a", "a-2", "a-2-2", "a-3", "b", "a-2-3", "a-3-2", "a-4", "b-2"
            ]
        );
    }
}
