//! Shared helpers of the alignment tests: an article whose first line is its headline, the
//! sentence holding a phrase, and whether two phrases' sentences are aligned as a pair.
#![allow(dead_code)]

use parallax::compare::align::Alignment;
use parallax::corpus::{self, Article, Meta, Source};

/// An article with its title on the first line.
pub fn article(id: &str, text: &str) -> Article {
    let title = corpus::first_headline_line(text);
    Article::new(
        id.to_string(),
        Meta {
            title: id.to_string(),
            ..Meta::default()
        },
        Source::Demo {
            name: id.to_string(),
        },
        text.to_string(),
        title,
    )
}

/// Index of the sentence of `art` containing `needle`.
pub fn sentence(art: &Article, needle: &str) -> usize {
    art.analysis
        .sentences
        .iter()
        .position(|s| s.span.slice(&art.text).contains(needle))
        .unwrap_or_else(|| panic!("no sentence contains {needle:?}"))
}

/// Whether the sentence of `a` containing `x` and that of `b` containing `y` are a pair.
pub fn paired(al: &Alignment, a: &Article, b: &Article, x: &str, y: &str) -> bool {
    let (i, j) = (sentence(a, x), sentence(b, y));
    al.pairs.iter().any(|p| (p.a, p.b) == (i, j))
}
