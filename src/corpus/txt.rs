//! Plain-text articles (`.txt`): the text is the file's contents byte for byte; the title is the
//! first line that is not page furniture ("Skip to content", a stray "in ,"), else the file stem.

use std::path::Path;

use super::{Article, Library, Meta, Source, first_headline_line, slug, stem_of};

/// Add the article in `text`, read from `path`, to `lib`.
pub fn load(path: &Path, text: String, lib: &mut Library) {
    let stem = stem_of(path);
    let title_span = first_headline_line(&text);
    let title = match title_span {
        Some(s) => s.slice(&text).trim_start_matches('\u{feff}').to_string(),
        None => stem.clone(),
    };
    let meta = Meta {
        title,
        ..Meta::default()
    };
    let source = Source::File {
        path: path.to_path_buf(),
        index: None,
    };
    lib.push_pending(Article::new(slug(&stem), meta, source, text, title_span));
}
