//! `parallax A B`: two arguments that each name one article open the reader on their
//! comparison, as a diff viewer opens two files; three to eight (`parallax A B C`) open it on
//! their story.

use std::path::PathBuf;

use parallax::corpus::{Library, LoadOptions};
use parallax::library::WebOptions;

use super::{id_pool, resolve, resolve_path};

/// The articles `paths` name, when there are two to eight and each is one article: a
/// file (or `file#N`), `-` for standard input, the address of a page (or `URL#N`), or an id
/// of the saved library or the demo. `None` otherwise (a directory, a file or feed of several
/// articles, something that cannot be read): the reader then opens its library of what was
/// given, which says what was skipped and why.
pub fn named_articles(paths: &[PathBuf], opts: &LoadOptions, web: &WebOptions) -> Option<Library> {
    use parallax::compare::story::MAX_ARTICLES;
    if !(2..=MAX_ARTICLES).contains(&paths.len()) || paths.iter().any(|p| p.is_dir()) {
        return None;
    }
    let mut pool = None;
    let mut lib = Library::default();
    for arg in paths {
        let arg = arg.to_str()?;
        let article = match resolve_path(arg, opts, web) {
            Some(found) => found.ok()?,
            None => {
                if pool.is_none() {
                    pool = Some(id_pool(&[], opts, web).ok()?);
                }
                let (pool, demo_too) = pool.as_ref()?;
                resolve(arg, pool, *demo_too, opts, web).ok()?
            }
        };
        lib.push_unique(article);
    }
    Some(lib)
}
