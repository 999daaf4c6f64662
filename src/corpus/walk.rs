//! Walking the paths given to [`load`](super::load): files load directly; directories are walked
//! recursively in sorted file-name order (depth first), skipping hidden files and directories
//! (names starting with `.`). Symbolic links are followed; a link that leads back into one of its
//! own ancestors is reported as a symlink loop and not followed.
//!
//! Walking only lists the work, in order ([`plan`]); the files are then read and analysed in
//! parallel ([`run`], with rayon) and their articles and skipped entries merged back in that
//! order, so the library is the same on every run whatever the number of threads.
//!
//! The format is chosen by extension (case-insensitive): `.txt`, `.md`/`.markdown`, `.json`,
//! `.jsonl`, `.html`/`.htm` (saved web pages), `.rss`/`.atom` (feeds) and `.xml` (a feed when its
//! root element says so). Other files are reported as skipped, one entry per file, whether given
//! directly or found in a directory.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use rayon::prelude::*;
use walkdir::WalkDir;

use super::read::{file_kind, read_text};
use super::{Library, LoadOptions, SkipReason, Source, UniqueIds, feed, html, json, markdown, txt};

/// The file extensions parallax reads.
pub const EXTENSIONS: &[&str] = &[
    "txt", "md", "markdown", "json", "jsonl", "html", "htm", "rss", "atom", "xml",
];

/// One step of loading, in library order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Item {
    /// A regular file to load.
    File(PathBuf),
    /// The saved copy of a web address (the saved library keeps them).
    Saved {
        /// The saved page.
        page: PathBuf,
        /// What its library entry says of it.
        entry: Box<SavedCopy>,
    },
    /// A path that cannot be loaded, and why.
    Skip(PathBuf, SkipReason),
    /// A directory given by the user starts here.
    DirStart,
    /// That directory ends here: if nothing was loaded or skipped since its start, it is
    /// reported as holding no article files.
    DirEnd(PathBuf),
}

impl Item {
    /// True for the items that read a file (a path, or a saved copy of an address).
    pub fn is_file(&self) -> bool {
        matches!(self, Item::File(_) | Item::Saved { .. })
    }
}

/// What loading the saved copy of a web address needs of its entry in the saved library.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SavedCopy {
    /// The entry's id; the articles of a feed get `ID-N`.
    pub id: String,
    /// The address as it was asked for and saved.
    pub url: String,
    /// The address the page came from, after redirects.
    pub final_url: String,
}

/// The work of loading `paths`, in order: directories walked, nothing read yet.
pub fn plan(paths: &[PathBuf]) -> Vec<Item> {
    let mut items = Vec::new();
    for path in paths {
        plan_path(path, &mut items);
    }
    items
}

/// Carry out `items`: files are loaded in parallel, and the results merged in order.
/// `progress` is called with (files done, files in all) as files finish, from any thread.
pub fn run(
    items: &[Item],
    opts: &LoadOptions,
    progress: &(dyn Fn(usize, usize) + Sync),
) -> Library {
    let mut stream = Stream::new(items.to_vec());
    let total = stream.files();
    let done = AtomicUsize::new(0);
    stream.next_batch(usize::MAX, opts, &|| {
        progress(done.fetch_add(1, Ordering::Relaxed) + 1, total)
    })
}

/// Loading in batches, for a reader that shows the first articles while the rest load. Each
/// batch holds the articles and skipped entries of the next files in library order; all the
/// batches together are exactly what [`run`] returns.
#[derive(Debug)]
pub struct Stream {
    items: Vec<Item>,
    pos: usize,
    files: usize,
    files_done: usize,
    ids: UniqueIds,
    starts: Vec<(usize, usize)>,
    articles: usize,
    skipped: usize,
}

impl Stream {
    /// A stream over planned work ([`plan`]).
    pub fn new(items: Vec<Item>) -> Stream {
        let files = items.iter().filter(|i| i.is_file()).count();
        Stream {
            items,
            pos: 0,
            files,
            files_done: 0,
            ids: UniqueIds::default(),
            starts: Vec::new(),
            articles: 0,
            skipped: 0,
        }
    }

    /// Number of files in all.
    pub fn files(&self) -> usize {
        self.files
    }

    /// Number of files loaded so far.
    pub fn files_done(&self) -> usize {
        self.files_done
    }

    /// True once every item has been carried out.
    pub fn is_done(&self) -> bool {
        self.pos >= self.items.len()
    }

    /// Load the next `max_files` files (in parallel) and the entries around them; `each` is
    /// called as each file finishes, from any thread.
    pub fn next_batch(
        &mut self,
        max_files: usize,
        opts: &LoadOptions,
        each: &(dyn Fn() + Sync),
    ) -> Library {
        let start = self.pos;
        let mut end = start;
        let mut n = 0;
        while end < self.items.len() {
            if self.items[end].is_file() {
                if n == max_files {
                    break;
                }
                n += 1;
            }
            end += 1;
        }
        self.pos = end;
        self.files_done += n;
        let items = &self.items[start..end];
        let parts: Vec<Option<Library>> = items
            .par_iter()
            .map(|item| match item {
                Item::File(path) => {
                    let mut part = Library::default();
                    load_file_guarded(path, opts, &mut part);
                    each();
                    Some(part)
                }
                Item::Saved { page, entry } => {
                    let mut part = Library::default();
                    load_saved(page, entry, opts, &mut part);
                    each();
                    Some(part)
                }
                _ => None,
            })
            .collect();
        let mut lib = Library::default();
        for (item, part) in items.iter().zip(parts) {
            match item {
                Item::File(_) | Item::Saved { .. } => {
                    if let Some(part) = part {
                        for mut a in part.articles {
                            self.ids.settle(&mut a.id);
                            lib.articles.push(a);
                        }
                        lib.skipped.extend(part.skipped);
                    }
                }
                Item::Skip(path, reason) => lib.skip(path, reason.clone()),
                Item::DirStart => self.starts.push((
                    self.articles + lib.articles.len(),
                    self.skipped + lib.skipped.len(),
                )),
                Item::DirEnd(root) => {
                    let now = (
                        self.articles + lib.articles.len(),
                        self.skipped + lib.skipped.len(),
                    );
                    if self.starts.pop() == Some(now) {
                        lib.skip(root, SkipReason::NoArticleFiles);
                    }
                }
            }
        }
        self.articles += lib.articles.len();
        self.skipped += lib.skipped.len();
        lib
    }
}

/// The file name of the saved page that the directory `dir` holds the assets of, when `dir` is
/// the `NAME_files` folder a browser's "save complete page" writes beside `NAME.html` (or
/// `.htm`).
fn saved_page_of(dir: &Path) -> Option<String> {
    let name = dir.file_name()?.to_str()?;
    let stem = name.strip_suffix("_files")?;
    ["html", "htm"].iter().find_map(|ext| {
        let page = format!("{stem}.{ext}");
        dir.with_file_name(&page).is_file().then_some(page)
    })
}

/// List the work of one path given by the user (file or directory).
fn plan_path(path: &Path, items: &mut Vec<Item>) {
    if path == Path::new(STDIN) {
        items.push(Item::File(path.to_path_buf()));
        return;
    }
    let meta = match fs::metadata(path) {
        Ok(m) => m,
        Err(e) => {
            let reason = if e.kind() == io::ErrorKind::NotFound && is_symlink(path) {
                SkipReason::BrokenSymlink
            } else {
                SkipReason::from_io(&e)
            };
            items.push(Item::Skip(path.to_path_buf(), reason));
            return;
        }
    };
    if meta.is_dir() {
        plan_dir(path, items);
    } else if meta.is_file() {
        items.push(Item::File(path.to_path_buf()));
    } else {
        items.push(Item::Skip(
            path.to_path_buf(),
            SkipReason::NotRegularFile {
                what: file_kind(&meta.file_type()).to_string(),
            },
        ));
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

fn plan_dir(root: &Path, items: &mut Vec<Item>) {
    items.push(Item::DirStart);
    let mut walker = WalkDir::new(root)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !is_hidden(e.file_name()));
    while let Some(item) = walker.next() {
        match item {
            Ok(entry) => {
                let ft = entry.file_type();
                if ft.is_dir() {
                    if entry.depth() > 0
                        && let Some(page) = saved_page_of(entry.path())
                    {
                        walker.skip_current_dir();
                        let files = WalkDir::new(entry.path())
                            .into_iter()
                            .filter_map(Result::ok)
                            .filter(|e| !e.file_type().is_dir())
                            .count();
                        items.push(Item::Skip(
                            entry.path().to_path_buf(),
                            SkipReason::PageAssets { page, files },
                        ));
                    }
                    continue;
                }
                if ft.is_file() {
                    items.push(Item::File(entry.path().to_path_buf()));
                } else {
                    items.push(Item::Skip(
                        entry.path().to_path_buf(),
                        SkipReason::NotRegularFile {
                            what: file_kind(&ft).to_string(),
                        },
                    ));
                }
            }
            Err(e) => {
                let path = e.path().unwrap_or(root).to_path_buf();
                let reason = if let Some(ancestor) = e.loop_ancestor() {
                    SkipReason::SymlinkLoop {
                        ancestor: ancestor.display().to_string(),
                    }
                } else if let Some(io) = e.io_error() {
                    if io.kind() == io::ErrorKind::NotFound && is_symlink(&path) {
                        SkipReason::BrokenSymlink
                    } else {
                        SkipReason::from_io(io)
                    }
                } else {
                    SkipReason::Walk {
                        message: e.to_string(),
                    }
                };
                items.push(Item::Skip(path, reason));
            }
        }
    }
    items.push(Item::DirEnd(root.to_path_buf()));
}

thread_local! {
    /// True while this thread loads a file under [`load_file_guarded`].
    static GUARDED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// True on a thread that is loading a file under [`load_file_guarded`], whose panic becomes
/// a skipped entry: a panic hook can leave the telling to that entry.
pub fn in_guarded_load() -> bool {
    GUARDED.with(std::cell::Cell::get)
}

/// [`load_file`], with a panic anywhere in reading or analysing the file turned into a
/// skipped entry that says so, so that one bad file never ends the program or loses the others.
pub fn load_file_guarded(path: &Path, opts: &LoadOptions, lib: &mut Library) {
    guarded(path, lib, |part| load_file(path, opts, part));
}

/// Run `load` for the file `path` into a library of its own and add what it found to `lib`; a
/// panic adds a skipped entry naming it instead.
fn guarded(path: &Path, lib: &mut Library, load: impl FnOnce(&mut Library)) {
    let mut part = Library::default();
    let was = GUARDED.with(|g| g.replace(true));
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| load(&mut part)));
    GUARDED.with(|g| g.set(was));
    match outcome {
        Ok(()) => {
            lib.articles.append(&mut part.articles);
            lib.skipped.append(&mut part.skipped);
        }
        Err(payload) => lib.skip(
            path,
            SkipReason::Panicked {
                message: panic_message(payload.as_ref()),
            },
        ),
    }
}

/// The message of a panic, at most a line long.
pub fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    let msg = payload
        .downcast_ref::<&str>()
        .copied()
        .or_else(|| payload.downcast_ref::<String>().map(String::as_str))
        .unwrap_or("unexplained panic");
    let line: String = msg.split_whitespace().collect::<Vec<_>>().join(" ");
    match line.char_indices().nth(200) {
        Some((cut, _)) => format!("{}…", &line[..cut]),
        None => line,
    }
}

/// Read the saved page `page` of `entry` into `lib`, through the reader its extension
/// chooses. Its articles get the entry's id (`ID-N` for the articles of a feed), the address
/// as their [`Source::Web`], and the address the page came from as their URL when the page
/// names none; what cannot be read is skipped under the address.
pub fn load_saved(page: &Path, entry: &SavedCopy, opts: &LoadOptions, lib: &mut Library) {
    let mut part = Library::default();
    load_file(page, opts, &mut part);
    for mut a in part.articles {
        let index = match &a.source {
            Source::File { index, .. } => *index,
            _ => None,
        };
        a.id = match index {
            Some(i) => format!("{}-{}", entry.id, i + 1),
            None => entry.id.clone(),
        };
        if a.url.is_none() && index.is_none() {
            a.url = Some(crate::text::sanitize::sanitize_line(&entry.final_url));
        }
        a.source = Source::Web {
            url: entry.url.clone(),
            saved: page.to_path_buf(),
            index,
        };
        lib.push_pending(a);
    }
    let shown = page.display().to_string();
    for s in part.skipped {
        let path = s.path.display().to_string();
        let path = match path.strip_prefix(&shown) {
            Some(rest) => format!("{}{rest}", entry.url),
            None => path,
        };
        lib.skip(path, s.reason);
    }
}

/// The path that stands for standard input.
pub const STDIN: &str = "-";

/// Load one regular file into `lib`, choosing the reader by extension; [`STDIN`] reads
/// standard input, choosing the reader by a look at the text (its articles' id is `stdin`).
pub fn load_file(path: &Path, opts: &LoadOptions, lib: &mut Library) {
    if path == Path::new(STDIN) {
        let text = match super::read::read_stdin(opts.max_file_size) {
            Ok(t) => t,
            Err(reason) => {
                lib.skip(path, reason);
                return;
            }
        };
        let named = Path::new("stdin");
        return load_text(named, super::read::sniff_extension(&text), text, lib);
    }
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase());
    let Some(ext) = ext.filter(|e| EXTENSIONS.contains(&e.as_str())) else {
        let reason = match path.extension() {
            Some(e) => SkipReason::Unsupported {
                extension: e.to_string_lossy().into_owned(),
            },
            None => SkipReason::NoExtension,
        };
        lib.skip(path, reason);
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
    load_text(path, &ext, text, lib);
}

/// Load `text`, read from `path`, with the reader for extension `ext`.
fn load_text(path: &Path, ext: &str, text: String, lib: &mut Library) {
    match ext {
        "txt" => txt::load(path, text, lib),
        "md" | "markdown" => markdown::load(path, text, lib),
        "json" => json::load_json(path, &text, lib),
        "html" | "htm" => html::load(path, text, lib),
        "rss" | "atom" => feed::load(path, &text, lib),
        "xml" => feed::load_xml(path, &text, lib),
        _ => json::load_jsonl(path, &text, lib),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_while_loading_a_file_becomes_a_skipped_entry_and_the_rest_stays() {
        let mut lib = Library::default();
        lib.skip("before.txt", SkipReason::Empty);
        guarded(Path::new("bad.html"), &mut lib, |part| {
            part.skip("half.txt", SkipReason::Empty);
            assert!(in_guarded_load());
            panic!("index out of bounds: the len is 3 but the index is 7");
        });
        assert!(!in_guarded_load());
        assert_eq!(lib.skipped.len(), 2);
        assert_eq!(lib.skipped[1].path, Path::new("bad.html"));
        let reason = lib.skipped[1].reason.to_string();
        assert!(
            reason.starts_with("parallax failed on this file (index out of bounds"),
            "{reason}"
        );
        guarded(Path::new("good.txt"), &mut lib, |part| {
            part.skip("good.txt#2", SkipReason::NoContent);
        });
        assert_eq!(lib.skipped.len(), 3);
    }
}
