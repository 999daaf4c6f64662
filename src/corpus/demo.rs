//! The bundled demo corpus: five scraped articles about one 2017 story (Russia's Defense
//! Ministry publishing "evidence" of US support for ISIS in Syria), compiled into the binary.
//!
//! `assets/demo/manifest.toml` gives each file an id, its headline and, where the text itself
//! names it, its outlet. The ids, usable on the command line:
//!
//! | id                    | outlet    | headline                                                      |
//! |-----------------------|-----------|---------------------------------------------------------------|
//! | `hoax-denial`         | unknown   | “HOAX”: Russia rejects ISIS claims of killed military personnel |
//! | `airstrike-200`       | unknown   | Russia kills more than 200 ISIS militants in an airstrike in Syria. |
//! | `duran-doubles-down`  | The Duran | Russian Defense Ministry doubles down: ‘US continues to fight along side ISIS in eastern Syria’ |
//! | `meduza-screenshot`   | Meduza    | Russia's Defense Ministry blames a ‘civilian employee’ for tweeting a videogame screenshot, … |
//! | `coalition-hampering` | unknown   | Russian Federation accuses U.S. coalition of hampering its anti-IS operation in Syria |

use rayon::prelude::*;
use serde::Deserialize;

use super::{Article, Library, Meta, SkipReason, Source, find_line};

/// The manifest, as bundled.
pub const MANIFEST: &str = include_str!("../../assets/demo/manifest.toml");

/// The bundled files: (asset file name, contents).
pub const FILES: &[(&str, &str)] = &[
    (
        "000_b43fac82a9da9947.txt",
        include_str!("../../assets/demo/000_b43fac82a9da9947.txt"),
    ),
    (
        "001_dd23c285911bd19a.txt",
        include_str!("../../assets/demo/001_dd23c285911bd19a.txt"),
    ),
    (
        "002_22b155f8244f00e4.txt",
        include_str!("../../assets/demo/002_22b155f8244f00e4.txt"),
    ),
    (
        "003_d2d50766efbb7960.txt",
        include_str!("../../assets/demo/003_d2d50766efbb7960.txt"),
    ),
    (
        "004_63283b9d9dff0aac.txt",
        include_str!("../../assets/demo/004_63283b9d9dff0aac.txt"),
    ),
];

#[derive(Clone, Deserialize)]
struct Manifest {
    article: Vec<Entry>,
}

#[derive(Clone, Deserialize)]
struct Entry {
    file: String,
    id: String,
    title: String,
    outlet: Option<String>,
}

/// The manifest's entries and their files; problems (which the test suite rules out) as
/// skipped entries of `lib`.
fn entries(lib: &mut Library) -> Vec<(Entry, &'static str, &'static str)> {
    // Parsed once a run: looking up two ids asks twice.
    static MANIFEST_READ: std::sync::OnceLock<Result<Manifest, String>> =
        std::sync::OnceLock::new();
    let manifest =
        match MANIFEST_READ.get_or_init(|| toml::from_str(MANIFEST).map_err(|e| e.to_string())) {
            Ok(m) => m,
            Err(message) => {
                lib.skip(
                    "demo:manifest.toml",
                    SkipReason::DemoManifest {
                        message: message.clone(),
                    },
                );
                return Vec::new();
            }
        };
    let mut out = Vec::new();
    for entry in manifest.article.iter().cloned() {
        let Some((name, text)) = FILES.iter().find(|(n, _)| *n == entry.file) else {
            lib.skip(format!("demo:{}", entry.file), SkipReason::DemoFileMissing);
            continue;
        };
        out.push((entry, *name, *text));
    }
    out
}

/// One demo article, read and analysed.
fn article(entry: Entry, name: &str, text: &str) -> Article {
    let title_span = find_line(text, &entry.title);
    let meta = Meta {
        title: entry.title,
        outlet: entry.outlet,
        ..Meta::default()
    };
    let source = Source::Demo {
        name: name.to_string(),
    };
    Article::new(entry.id, meta, source, text.to_string(), title_span)
}

/// The ids of the demo articles, in manifest order, without analysing any of them.
pub fn ids() -> Vec<String> {
    entries(&mut Library::default())
        .into_iter()
        .map(|(e, _, _)| e.id)
        .collect()
}

/// The demo article with id `id`, analysed on its own (the same article [`library`] holds
/// under that id).
pub fn get(id: &str) -> Option<Article> {
    let (entry, name, text) = entries(&mut Library::default())
        .into_iter()
        .find(|(e, _, _)| e.id == id)?;
    Some(article(entry, name, text))
}

/// Build the demo library from the bundled files and manifest. A manifest problem (which the
/// test suite rules out) shows up as a skipped entry, never a panic.
pub fn library() -> Library {
    let mut lib = Library::default();
    let todo = entries(&mut lib);
    // The articles are analysed in parallel and added in manifest order.
    let articles: Vec<Article> = todo
        .into_par_iter()
        .map(|(entry, name, text)| article(entry, name, text))
        .collect();
    for article in articles {
        lib.push_unique(article);
    }
    lib
}
