//! Where `compare` and `show` look up article ids: the saved library (then the demo), the
//! library given with `--in`, or the bundled demo, whose articles are analysed only when one
//! is named.

use parallax::corpus::walk::Item;
use parallax::corpus::{self, Article, Library, LoadOptions};
use parallax::library::WebOptions;

use super::{CliError, library, load_or_default, one_line, resolve_path};

/// The saved library's loading work, when ids are looked up there: it holds entries and
/// `library` (the `--in` paths) is empty.
pub fn saved_for(library: &[std::path::PathBuf]) -> Option<Vec<Item>> {
    if library.is_empty() {
        library::saved_items()
    } else {
        None
    }
}

/// The articles ids name.
pub enum IdPool {
    /// A loaded library: the saved one (with the demo after it, `true`) or `--in`'s (`false`).
    Library(Library, bool),
    /// The bundled demo alone (no saved library).
    Demo,
}

impl IdPool {
    /// The saved library, else the demo, when `library` is empty; otherwise the articles at
    /// `library` alone.
    pub fn new(
        library: &[std::path::PathBuf],
        opts: &LoadOptions,
        web: &WebOptions,
    ) -> Result<IdPool, CliError> {
        IdPool::with_saved(library, saved_for(library), opts, web)
    }

    /// As [`IdPool::new`], with the saved library's loading work already read
    /// ([`library::saved_items`]; not used when `library` is not empty).
    pub fn with_saved(
        library: &[std::path::PathBuf],
        saved: Option<Vec<Item>>,
        opts: &LoadOptions,
        web: &WebOptions,
    ) -> Result<IdPool, CliError> {
        if !library.is_empty() {
            return Ok(IdPool::Library(
                load_or_default(library, opts, web, true)?,
                false,
            ));
        }
        Ok(
            match saved.and_then(|items| library::load_saved(&items, opts)) {
                Some(saved) => IdPool::Library(saved, true),
                None => IdPool::Demo,
            },
        )
    }

    /// The article `arg` names: an id of the pool (then of the demo, after the saved library),
    /// else a web address or an existing file (see [`super::resolve`]).
    pub fn resolve(
        &self,
        arg: &str,
        opts: &LoadOptions,
        web: &WebOptions,
    ) -> Result<Article, CliError> {
        match self {
            IdPool::Library(lib, demo_too) => super::resolve(arg, lib, *demo_too, opts, web),
            IdPool::Demo => {
                if let Some(a) = corpus::demo::get(arg) {
                    return Ok(a);
                }
                if let Some(found) = resolve_path(arg, opts, web) {
                    return found;
                }
                let mut ids = corpus::demo::ids();
                ids.truncate(12);
                Err(CliError::Usage(format!(
                    "'{}' is neither a file nor an article id (known ids: {})",
                    one_line(arg),
                    one_line(&ids.join(", "))
                )))
            }
        }
    }
}
