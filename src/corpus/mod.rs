//! Loading articles: files, directories and the bundled demo corpus.
//!
//! Every file that cannot be loaded is reported as a [`Skipped`] entry with a plain reason; the
//! rest still loads.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

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
}

impl Source {
    /// A short human-readable description ("demo:000_….txt", "dir/a.jsonl#3").
    pub fn display(&self) -> String {
        match self {
            Source::Demo { name } => format!("demo:{name}"),
            Source::File { path, index: None } => path.display().to_string(),
            Source::File {
                path,
                index: Some(i),
            } => format!("{}#{}", path.display(), i + 1),
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
    /// A plain-language reason, e.g. "not valid UTF-8 (first bad byte at offset 12)".
    pub reason: String,
}

/// The result of loading: articles in deterministic order, plus everything skipped.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Library {
    /// Loaded articles.
    pub articles: Vec<Article>,
    /// Files that could not be loaded.
    pub skipped: Vec<Skipped>,
}
