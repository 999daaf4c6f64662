//! Walking the paths given to [`load`](super::load): files load directly; directories are walked
//! recursively in sorted file-name order (depth first), skipping hidden files and directories
//! (names starting with `.`). Symbolic links are followed; a link that leads back into one of its
//! own ancestors is reported as a symlink loop and not followed.
//!
//! The format is chosen by extension (case-insensitive): `.txt`, `.md`/`.markdown`, `.json`,
//! `.jsonl`, `.html`/`.htm` (saved web pages), `.rss`/`.atom` (feeds) and `.xml` (a feed when its
//! root element says so). Other files are reported as skipped, one entry per file, whether given
//! directly or found in a directory.

use std::fs;
use std::io;
use std::path::Path;

use walkdir::WalkDir;

use super::read::{io_reason, read_text};
use super::{Library, LoadOptions, feed, html, json, markdown, txt};

/// The file extensions parallax reads.
pub const EXTENSIONS: &[&str] = &[
    "txt", "md", "markdown", "json", "jsonl", "html", "htm", "rss", "atom", "xml",
];

/// The readable extensions, for messages.
const EXTENSION_LIST: &str =
    ".txt, .md, .markdown, .json, .jsonl, .html, .htm, .rss, .atom and .xml";

/// Load one path given by the user (file or directory) into `lib`.
pub fn load_path(path: &Path, opts: &LoadOptions, lib: &mut Library) {
    let meta = match fs::metadata(path) {
        Ok(m) => m,
        Err(e) => {
            let reason = if e.kind() == io::ErrorKind::NotFound && is_symlink(path) {
                "broken symlink (its target does not exist)".to_string()
            } else {
                io_reason(&e)
            };
            lib.skip(path, reason);
            return;
        }
    };
    if meta.is_dir() {
        load_dir(path, opts, lib);
    } else if meta.is_file() {
        load_file(path, opts, lib);
    } else {
        lib.skip(path, "not a regular file");
    }
}

fn is_symlink(path: &Path) -> bool {
    fs::symlink_metadata(path)
        .map(|m| m.file_type().is_symlink())
        .unwrap_or(false)
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.to_string_lossy().starts_with('.')
}

fn load_dir(root: &Path, opts: &LoadOptions, lib: &mut Library) {
    let before = (lib.articles.len(), lib.skipped.len());
    let walker = WalkDir::new(root)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !is_hidden(e.file_name()));
    for item in walker {
        match item {
            Ok(entry) => {
                let ft = entry.file_type();
                if ft.is_dir() {
                    continue;
                }
                if ft.is_file() {
                    load_file(entry.path(), opts, lib);
                } else {
                    lib.skip(entry.path(), "not a regular file");
                }
            }
            Err(e) => {
                let path = e.path().unwrap_or(root).to_path_buf();
                let reason = if let Some(ancestor) = e.loop_ancestor() {
                    format!(
                        "symlink loop (links back to {}), not followed",
                        ancestor.display()
                    )
                } else if let Some(io) = e.io_error() {
                    if io.kind() == io::ErrorKind::NotFound && is_symlink(&path) {
                        "broken symlink (its target does not exist)".to_string()
                    } else {
                        io_reason(io)
                    }
                } else {
                    e.to_string()
                };
                lib.skip(path, reason);
            }
        }
    }
    if (lib.articles.len(), lib.skipped.len()) == before {
        lib.skip(
            root,
            format!("directory holds no article files ({EXTENSION_LIST})"),
        );
    }
}

/// Load one regular file into `lib`, choosing the reader by extension.
pub fn load_file(path: &Path, opts: &LoadOptions, lib: &mut Library) {
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase());
    let Some(ext) = ext.filter(|e| EXTENSIONS.contains(&e.as_str())) else {
        let what = match path.extension() {
            Some(e) => format!("unsupported file type '.{}'", e.to_string_lossy()),
            None => "no file extension".to_string(),
        };
        lib.skip(path, format!("{what} (parallax reads {EXTENSION_LIST})"));
        return;
    };
    // Saved pages may be in the legacy encoding they declare; everything else is UTF-8.
    let read = if matches!(ext.as_str(), "html" | "htm") {
        html::read_page
    } else {
        read_text
    };
    let text = match read(path, opts.max_file_size) {
        Ok(t) => t,
        Err(reason) => {
            lib.skip(path, reason);
            return;
        }
    };
    match ext.as_str() {
        "txt" => txt::load(path, text, lib),
        "md" | "markdown" => markdown::load(path, text, lib),
        "json" => json::load_json(path, &text, lib),
        "html" | "htm" => html::load(path, text, lib),
        "rss" | "atom" => feed::load(path, &text, lib),
        "xml" => feed::load_xml(path, &text, lib),
        _ => json::load_jsonl(path, &text, lib),
    }
}
