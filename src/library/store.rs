//! The saved library on disk: one page and one small entry file per saved address.
//!
//! ```text
//! LIBRARY/
//!   pages/ID.html     the page as fetched, in UTF-8 (ID.xml for a feed, .txt, .md)
//!   entries/ID.json   its address, when it was fetched, its title, …
//! ```
//!
//! An entry exists when its entry file does; the entry file is written last, so an interrupted
//! save leaves at worst a page without an entry, which is reported and left alone. Every file
//! is written to a temporary file in the same folder and renamed over the old one, so a reader
//! never sees half a file. The id is the entry file's name, and only ever a slug (lowercase
//! ASCII letters, digits and dashes), and the page's name is built from the id and a fixed
//! extension: nothing read from a file or an address chooses where anything is written.
//!
//! A damaged file — an entry file that is not valid JSON, a page missing its entry or the
//! other way round — is named with its reason by [`SavedLibrary::scan`] and skipped, never
//! deleted or overwritten.

use std::collections::HashSet;
use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

use crate::corpus::read::human_size;
use crate::corpus::{SkipReason, Skipped, slug};

/// Environment variable naming the library folder, overriding the platform data directory.
pub const LIBRARY_ENV: &str = "PARALLAX_LIBRARY";

/// The value of every entry file's `schema` field.
pub const SCHEMA: &str = "parallax.saved/1";

/// Entry files larger than this are damaged (a real one is well under a kilobyte).
const MAX_ENTRY_SIZE: u64 = 64 * 1024;

/// What kind of document a saved page is; chooses its file extension, and so its reader.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Format {
    /// A web page (`.html`).
    Html,
    /// An RSS or Atom feed (`.xml`).
    Feed,
    /// Plain text (`.txt`).
    Text,
    /// Markdown (`.md`).
    Markdown,
}

impl Format {
    /// The file extension the page is saved with.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Html => "html",
            Format::Feed => "xml",
            Format::Text => "txt",
            Format::Markdown => "md",
        }
    }

    const ALL: [Format; 4] = [Format::Html, Format::Feed, Format::Text, Format::Markdown];
}

/// One saved address: the contents of its entry file, and its id (the file's name).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    /// The entry's id: its file name, a slug.
    #[serde(skip)]
    pub id: String,
    /// Always [`SCHEMA`].
    pub schema: String,
    /// The address as given (fragment removed, scheme and host lowercased).
    pub url: String,
    /// The address the page finally came from, after redirects.
    pub final_url: String,
    /// The kind of document saved.
    pub format: Format,
    /// When it was last fetched (RFC 3339, UTC).
    pub fetched: String,
    /// When it was first saved (RFC 3339, UTC).
    pub added: String,
    /// The `Content-Type` the server sent.
    #[serde(default)]
    pub content_type: Option<String>,
    /// The server's `ETag`, sent back when fetching again.
    #[serde(default)]
    pub etag: Option<String>,
    /// The server's `Last-Modified`, sent back when fetching again.
    #[serde(default)]
    pub last_modified: Option<String>,
    /// The title of the article (of the feed's first article for a feed).
    #[serde(default)]
    pub title: String,
    /// Number of articles in the page (a feed has several).
    #[serde(default)]
    pub articles: usize,
}

impl Entry {
    /// What loading its saved page needs to know of it.
    pub fn saved_copy(&self) -> crate::corpus::walk::SavedCopy {
        crate::corpus::walk::SavedCopy {
            id: self.id.clone(),
            url: self.url.clone(),
            final_url: self.final_url.clone(),
        }
    }

    /// When it was last fetched, if the entry's time can be read.
    pub fn fetched_at(&self) -> Option<OffsetDateTime> {
        OffsetDateTime::parse(&self.fetched, &Rfc3339).ok()
    }

    /// True when the saved copy was fetched less than `max_age` before `now`. A fetch time
    /// that cannot be read, or lies in the future, is not fresh.
    pub fn is_fresh(&self, now: OffsetDateTime, max_age: std::time::Duration) -> bool {
        match self.fetched_at() {
            Some(t) if t <= now => (now - t) < max_age,
            _ => false,
        }
    }
}

/// The current time as an RFC 3339 string in UTC, to the second.
pub fn now_string() -> String {
    timestamp(OffsetDateTime::now_utc())
}

/// `t` as an RFC 3339 string in UTC, to the second (`2024-05-01T09:30:00Z`).
pub fn timestamp(t: OffsetDateTime) -> String {
    let t = t
        .to_offset(time::UtcOffset::UTC)
        .replace_nanosecond(0)
        .unwrap_or(t);
    t.format(&Rfc3339).unwrap_or_default()
}

/// What [`SavedLibrary::scan`] found.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Scan {
    /// The entries, oldest first (then by id).
    pub entries: Vec<Entry>,
    /// Damaged files, named with what is wrong; they are left as they are.
    pub damaged: Vec<Skipped>,
}

/// The saved library: a folder of pages and entry files.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SavedLibrary {
    dir: PathBuf,
}

impl SavedLibrary {
    /// The library at `dir` (nothing is read or created yet).
    pub fn at(dir: impl Into<PathBuf>) -> SavedLibrary {
        SavedLibrary { dir: dir.into() }
    }

    /// The library named by `PARALLAX_LIBRARY`, else `parallax` in the platform's data
    /// directory (`~/.local/share/parallax` on Linux); an error when neither can be found.
    pub fn locate() -> Result<SavedLibrary, String> {
        if let Some(dir) = std::env::var_os(LIBRARY_ENV).filter(|d| !d.is_empty()) {
            return Ok(SavedLibrary::at(dir));
        }
        directories::ProjectDirs::from("", "", "parallax")
            .map(|d| SavedLibrary::at(d.data_dir()))
            .ok_or_else(|| {
                format!("cannot find a data directory for the library (no home directory); set {LIBRARY_ENV}")
            })
    }

    /// The library folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    fn pages(&self) -> PathBuf {
        self.dir.join("pages")
    }

    fn entries(&self) -> PathBuf {
        self.dir.join("entries")
    }

    /// The file of the page saved for `entry`.
    pub fn page_path(&self, entry: &Entry) -> PathBuf {
        self.pages()
            .join(format!("{}.{}", entry.id, entry.format.extension()))
    }

    /// The entry file of `id`.
    pub fn entry_path(&self, id: &str) -> PathBuf {
        self.entries().join(format!("{id}.json"))
    }

    /// Read every entry file. A library folder that does not exist yet is an empty library.
    pub fn scan(&self) -> Scan {
        let mut scan = Scan::default();
        let mut ids = HashSet::new();
        for path in files_in(&self.entries(), &mut scan.damaged) {
            match self.read_entry(&path) {
                Ok(entry) => {
                    ids.insert(entry.id.clone());
                    scan.entries.push(entry);
                }
                Err(message) => scan.damaged.push(Skipped {
                    path,
                    reason: SkipReason::DamagedEntry { message },
                }),
            }
        }
        for path in files_in(&self.pages(), &mut scan.damaged) {
            let stem = path
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            if !ids.contains(&stem) {
                scan.damaged.push(Skipped {
                    path,
                    reason: SkipReason::DamagedEntry {
                        message: "saved page without its entry file in entries/ (an interrupted \
                                  save?); left as it is"
                            .to_string(),
                    },
                });
            }
        }
        scan.entries
            .sort_by(|a, b| a.added.cmp(&b.added).then(a.id.cmp(&b.id)));
        scan
    }

    /// The entry saved for the address `url`, if any (matching the address given or the one
    /// it redirected to).
    pub fn find(&self, url: &str) -> Option<Entry> {
        let scan = self.scan();
        let given = scan.entries.iter().find(|e| e.url == url).cloned();
        given.or_else(|| scan.entries.into_iter().find(|e| e.final_url == url))
    }

    fn read_entry(&self, path: &Path) -> Result<Entry, String> {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let Some(id) = name.strip_suffix(".json").filter(|id| is_id(id)) else {
            return Err(
                "not a library entry file (entry files are named ID.json, the id in \
                 lowercase letters, digits and dashes)"
                    .to_string(),
            );
        };
        let meta = std::fs::metadata(path)
            .map_err(|e| crate::corpus::SkipReason::from_io(&e).to_string())?;
        if meta.len() > MAX_ENTRY_SIZE {
            return Err(format!(
                "damaged entry file: {} is too large for one",
                human_size(meta.len())
            ));
        }
        let bytes =
            std::fs::read(path).map_err(|e| crate::corpus::SkipReason::from_io(&e).to_string())?;
        let mut entry: Entry = serde_json::from_slice(&bytes).map_err(|e| {
            format!(
                "damaged entry file: {} (line {}, column {}); left as it is",
                e_kind(&e),
                e.line(),
                e.column()
            )
        })?;
        if entry.schema != SCHEMA {
            return Err(format!(
                "entry file of another kind or version ('schema' is not \"{SCHEMA}\"); left as it is"
            ));
        }
        entry.id = id.to_string();
        let page = self.page_path(&entry);
        if !page.is_file() {
            return Err(format!(
                "its saved page pages/{id}.{} is missing; fetch the address again to restore it",
                entry.format.extension()
            ));
        }
        Ok(entry)
    }

    /// A new id for the address `url` starting from `base`: `base`, else `base-2`, `base-3`, …,
    /// the first that no other address's entry, and no file in the library, already uses.
    pub fn new_id(&self, base: &str, url: &str) -> String {
        let scan = self.scan();
        let mut taken: HashSet<String> = scan
            .entries
            .iter()
            .filter(|e| e.url != url)
            .map(|e| e.id.clone())
            .collect();
        for s in &scan.damaged {
            if let Some(stem) = s.path.file_stem() {
                taken.insert(stem.to_string_lossy().into_owned());
            }
        }
        let base = slug(base);
        let mut id = base.clone();
        let mut n = 2;
        while taken.contains(&id) {
            id = format!("{base}-{n}");
            n += 1;
        }
        id
    }

    /// Write `text` as the page `id` of `format` into a fresh hidden folder inside the pages
    /// folder (created if need be): the page is read from there, under its final name, before
    /// [`SavedLibrary::commit`] keeps it. Dropped without a commit, the folder goes away.
    pub fn stage_page(&self, id: &str, format: Format, text: &str) -> Result<Staged, String> {
        if !is_id(id) {
            return Err(format!("'{id}' is not a valid library id"));
        }
        let pages = self.pages();
        std::fs::create_dir_all(&pages).map_err(|e| cannot_write(&pages, &e))?;
        let dir = tempfile::Builder::new()
            .prefix(".saving-")
            .tempdir_in(&pages)
            .map_err(|e| cannot_write(&pages, &e))?;
        let path = dir.path().join(format!("{id}.{}", format.extension()));
        std::fs::File::create(&path)
            .and_then(|mut f| {
                f.write_all(text.as_bytes())?;
                f.sync_all()
            })
            .map_err(|e| cannot_write(&path, &e))?;
        Ok(Staged { _dir: dir, path })
    }

    /// Keep a staged page as `entry`'s page (renamed into place over any older copy) and
    /// write its entry file, last. A page of the same entry saved before in another format is
    /// removed once the new one is in place.
    pub fn commit(&self, staged: Staged, entry: &Entry) -> Result<(), String> {
        if !is_id(&entry.id) {
            return Err(format!("'{}' is not a valid library id", entry.id));
        }
        let page = self.page_path(entry);
        std::fs::rename(&staged.path, &page).map_err(|e| cannot_write(&page, &e))?;
        drop(staged);
        self.write_entry(entry)?;
        for other in Format::ALL.iter().filter(|f| **f != entry.format) {
            let old = self
                .pages()
                .join(format!("{}.{}", entry.id, other.extension()));
            if old.is_file() {
                let _ = std::fs::remove_file(old);
            }
        }
        Ok(())
    }

    /// Write `entry`'s entry file (atomically).
    pub fn write_entry(&self, entry: &Entry) -> Result<(), String> {
        if !is_id(&entry.id) {
            return Err(format!("'{}' is not a valid library id", entry.id));
        }
        let dir = self.entries();
        std::fs::create_dir_all(&dir).map_err(|e| cannot_write(&dir, &e))?;
        let mut json = serde_json::to_string_pretty(entry).map_err(|e| e.to_string())?;
        json.push('\n');
        let mut tmp = tempfile::Builder::new()
            .prefix(".saving-")
            .suffix(".json")
            .tempfile_in(&dir)
            .map_err(|e| cannot_write(&dir, &e))?;
        tmp.write_all(json.as_bytes())
            .and_then(|_| tmp.as_file().sync_all())
            .map_err(|e| cannot_write(tmp.path(), &e))?;
        let path = self.entry_path(&entry.id);
        tmp.persist(&path)
            .map_err(|e| cannot_write(&path, &e.error))?;
        Ok(())
    }

    /// Remove the entries `ids` (entry file first, then page). Every id is checked before
    /// anything is removed: an unknown id removes nothing and is named in the error, with the
    /// entry it belongs to when it is an article of a saved feed (`feed-3`).
    pub fn remove(&self, ids: &[String]) -> Result<Vec<Entry>, String> {
        let scan = self.scan();
        let mut found = Vec::new();
        let mut unknown = Vec::new();
        for id in ids {
            match scan
                .entries
                .iter()
                .find(|e| e.id == *id || e.url == *id || e.final_url == *id)
            {
                Some(e) => {
                    if !found.contains(e) {
                        found.push(e.clone());
                    }
                }
                None => unknown.push(id.clone()),
            }
        }
        if !unknown.is_empty() {
            let described: Vec<String> = unknown
                .iter()
                .map(|u| {
                    let of_feed = scan.entries.iter().find(|e| {
                        e.articles > 1
                            && u.strip_prefix(&e.id)
                                .and_then(|r| r.strip_prefix('-'))
                                .is_some_and(|n| n.parse::<usize>().is_ok())
                    });
                    match of_feed {
                        Some(e) => format!("'{u}' (an article of the saved feed '{}')", e.id),
                        None => format!("'{u}'"),
                    }
                })
                .collect();
            return Err(format!(
                "not in the library: {} (see `parallax library`); nothing was removed",
                described.join(", ")
            ));
        }
        for e in &found {
            let path = self.entry_path(&e.id);
            std::fs::remove_file(&path).map_err(|err| {
                format!(
                    "cannot remove {}: {}",
                    path.display(),
                    SkipReason::from_io(&err)
                )
            })?;
            let page = self.page_path(e);
            if let Err(err) = std::fs::remove_file(&page)
                && err.kind() != std::io::ErrorKind::NotFound
            {
                return Err(format!(
                    "removed the entry {} but not its page {}: {}",
                    e.id,
                    page.display(),
                    SkipReason::from_io(&err)
                ));
            }
        }
        Ok(found)
    }
}

/// A page written but not yet kept: see [`SavedLibrary::stage_page`].
#[derive(Debug)]
pub struct Staged {
    _dir: tempfile::TempDir,
    path: PathBuf,
}

impl Staged {
    /// The staged page's file.
    pub fn path(&self) -> &Path {
        &self.path
    }
}

/// True when `id` is a slug: lowercase ASCII letters, digits and single inner dashes.
pub fn is_id(id: &str) -> bool {
    !id.is_empty() && slug(id) == id
}

/// The regular, visible files in `dir`, sorted; a folder that does not exist has none. What
/// cannot be read is recorded in `damaged`.
fn files_in(dir: &Path, damaged: &mut Vec<Skipped>) -> Vec<PathBuf> {
    let read = match std::fs::read_dir(dir) {
        Ok(r) => r,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Vec::new(),
        Err(e) => {
            damaged.push(Skipped {
                path: dir.to_path_buf(),
                reason: SkipReason::from_io(&e),
            });
            return Vec::new();
        }
    };
    let mut files: Vec<PathBuf> = read
        .filter_map(Result::ok)
        .filter(|e| !e.file_name().to_string_lossy().starts_with('.'))
        .map(|e| e.path())
        .collect();
    files.sort();
    files.retain(|p| {
        if p.is_file() {
            true
        } else {
            damaged.push(Skipped {
                path: p.clone(),
                reason: SkipReason::DamagedEntry {
                    message: "not a regular file; the library holds only pages and entry files"
                        .to_string(),
                },
            });
            false
        }
    });
    files
}

fn e_kind(e: &serde_json::Error) -> String {
    let msg = e.to_string();
    // serde_json appends " at line L column C"; the caller says where.
    match msg.rfind(" at line ") {
        Some(i) => msg[..i].to_string(),
        None => msg,
    }
}

fn cannot_write(path: &Path, e: &std::io::Error) -> String {
    format!(
        "cannot write {}: {}",
        path.display(),
        SkipReason::from_io(e)
    )
}
