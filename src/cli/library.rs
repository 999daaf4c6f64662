//! Web addresses and the saved library on the command line: the `library` command, fetching
//! the addresses among the arguments (with a progress line on a terminal), and reading the
//! saved library when no arguments are given.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use clap::Subcommand;
use serde::Serialize;
use unicode_width::UnicodeWidthStr;

use parallax::corpus::walk::{self, Item};
use parallax::corpus::{Article, Library, LoadOptions};
use parallax::library::{self as saved, Address, Entry, SavedLibrary, WebOptions};
use parallax::text::sanitize::{sanitize, sanitize_path};

use super::{CliError, ListFormat, one_line, text_table, write_stdout};

/// What `parallax library` does besides listing.
#[derive(Debug, Subcommand)]
pub enum LibraryCommand {
    /// Fetch web addresses and keep them in the library, without opening them.
    Add {
        /// The addresses (http:// or https://).
        #[arg(required = true, value_name = "URL")]
        urls: Vec<String>,
    },
    /// Remove entries from the library (their pages and entry files).
    Remove {
        /// Ids as `parallax library` lists them, or the saved addresses.
        #[arg(required = true, value_name = "ID|URL")]
        ids: Vec<String>,
    },
}

/// How addresses are fetched: the `[web]` settings of the config file (its problems are told
/// where the file is read for the reader and the comparison), the size limit and `--refresh`.
pub fn web_options(max_file_size: u64, refresh: bool) -> WebOptions {
    let web = super::config().config.web;
    WebOptions {
        max_age: web.max_age,
        refresh,
        timeout: web.timeout,
        max_size: max_file_size,
    }
}

/// A line on stderr, when it is a terminal and the work takes more than a moment, saying how
/// much of it is done (`fetching 2 of 5 addresses…`); cleared when dropped.
pub struct ProgressLine {
    verb: &'static str,
    what: &'static str,
    every: usize,
    tty: bool,
    start: Instant,
    shown: AtomicBool,
}

impl ProgressLine {
    /// A line counting files loaded (redrawn every 64 files).
    pub fn files() -> ProgressLine {
        ProgressLine::new("loading", "files", 64)
    }

    /// A line counting addresses fetched (redrawn for each).
    pub fn addresses() -> ProgressLine {
        ProgressLine::new("fetching", "addresses", 1)
    }

    fn new(verb: &'static str, what: &'static str, every: usize) -> ProgressLine {
        ProgressLine {
            verb,
            what,
            every,
            tty: std::io::stderr().is_terminal(),
            start: Instant::now(),
            shown: AtomicBool::new(false),
        }
    }

    /// `done` of `total` are done.
    pub fn show(&self, done: usize, total: usize) {
        if self.tty
            && (done.is_multiple_of(self.every) || done == total)
            && self.start.elapsed() > Duration::from_millis(300)
        {
            self.shown.store(true, Ordering::Relaxed);
            let _ = write!(
                std::io::stderr().lock(),
                "\r{} {done} of {total} {}…",
                self.verb,
                self.what
            );
        }
    }
}

impl Drop for ProgressLine {
    fn drop(&mut self) {
        if self.shown.load(Ordering::Relaxed) {
            let _ = write!(std::io::stderr().lock(), "\r\x1b[2K");
        }
    }
}

/// The loading work for `args` (paths and addresses, see [`saved::plan`]); the addresses are
/// obtained now, with a progress line, and any note about them goes to stderr.
pub fn plan_showing_progress(args: &[PathBuf], web: &WebOptions) -> Vec<Item> {
    let (items, notes) = {
        let line = ProgressLine::addresses();
        saved::plan(args, web, &|done, total| line.show(done, total))
    };
    let mut err = std::io::stderr().lock();
    for n in notes {
        let _ = writeln!(err, "parallax: {}", one_line(&n));
    }
    items
}

/// The loading work of the saved library, when it holds at least one entry. Damaged files of
/// a library that holds none are told on stderr.
pub fn saved_items() -> Option<Vec<Item>> {
    let library = SavedLibrary::locate().ok()?;
    let items = saved::library_items(&library);
    if items.iter().any(Item::is_file) {
        return Some(items);
    }
    let mut err = std::io::stderr().lock();
    for item in &items {
        if let Item::Skip(path, reason) = item {
            let _ = writeln!(
                err,
                "skipped {}: {}",
                one_line(&path.display().to_string()),
                one_line(&reason.to_string())
            );
        }
    }
    None
}

/// The articles of the saved library, when it has any.
pub fn saved_library(opts: &LoadOptions) -> Option<Library> {
    load_saved(&saved_items()?, opts)
}

/// The articles of the saved library's loading work `items`, when it has any.
pub fn load_saved(items: &[Item], opts: &LoadOptions) -> Option<Library> {
    let line = ProgressLine::files();
    let lib = walk::run(items, opts, &|done, total| line.show(done, total));
    (!lib.articles.is_empty()).then_some(lib)
}

/// The article at `address` (entry N of a feed with `URL#N`), fetched or from the library.
pub fn load_address(
    address: &Address,
    opts: &LoadOptions,
    web: &WebOptions,
) -> Result<Article, CliError> {
    let shown = one_line(&address.url);
    let items = plan_showing_progress(&[PathBuf::from(&address.url)], web);
    let lib = walk::run(&items, opts, &|_, _| {});
    let failed =
        |why: &str| CliError::Other(anyhow::anyhow!("cannot load {shown}: {}", one_line(why)));
    let why = lib
        .skipped
        .first()
        .map(|s| s.reason.to_string())
        .unwrap_or_else(|| "no article found".to_string());
    let n = lib.articles.len();
    match (address.entry, n) {
        (_, 0) => Err(failed(&why)),
        (None, 1) | (Some(1), 1) => Ok(lib.articles.into_iter().next().ok_or(CliError::NothingLoaded)?),
        (None, n) => Err(CliError::Usage(format!(
            "{shown} holds {n} articles; pick one with {shown}#N (N from 1)"
        ))),
        (Some(k), n) => lib
            .articles
            .into_iter()
            .find(|a| {
                matches!(&a.source, parallax::corpus::Source::Web { index: Some(i), .. } if *i + 1 == k)
            })
            .ok_or_else(|| CliError::Usage(format!("{shown} has no article {k} (it holds {n})"))),
    }
}

/// `parallax library …`.
pub fn run(
    action: Option<LibraryCommand>,
    path: bool,
    format: ListFormat,
    web: &WebOptions,
) -> Result<(), CliError> {
    let library = SavedLibrary::locate().map_err(CliError::Usage)?;
    if path {
        return write_stdout(&sanitize_path(library.dir()));
    }
    match action {
        None => list(&library, format),
        Some(LibraryCommand::Remove { ids }) => {
            let removed = library
                .remove(&ids)
                .map_err(|e| CliError::Usage(one_line(&e)))?;
            let lines: Vec<String> = removed
                .iter()
                .map(|e| format!("removed {} ({})", one_line(&e.id), one_line(&e.url)))
                .collect();
            write_stdout(&lines.join("\n"))
        }
        Some(LibraryCommand::Add { urls }) => {
            let mut addresses = Vec::new();
            for u in &urls {
                match Address::parse(u) {
                    Some(a) => addresses.push(a),
                    None => {
                        return Err(CliError::Usage(format!(
                            "'{}' is not a web address (http:// or https://)",
                            one_line(u)
                        )));
                    }
                }
            }
            let results = {
                let line = ProgressLine::addresses();
                saved::obtain_all(&addresses, web, &|done, total| line.show(done, total))
            };
            let mut out = Vec::new();
            let mut err = std::io::stderr().lock();
            let mut failed = 0;
            for (a, r) in addresses.iter().zip(results) {
                match r {
                    Ok((_, got)) => {
                        if let Some(n) = &got.note {
                            let _ =
                                writeln!(err, "parallax: {}: {}", one_line(&a.url), one_line(n));
                        }
                        out.push(format!(
                            "saved {}  {}",
                            one_line(&got.entry.id),
                            one_line(&got.entry.title)
                        ));
                    }
                    Err(why) => {
                        failed += 1;
                        let _ = writeln!(err, "skipped {}: {}", one_line(&a.url), one_line(&why));
                    }
                }
            }
            drop(err);
            if !out.is_empty() {
                write_stdout(&out.join("\n"))?;
            }
            if failed == addresses.len() {
                return Err(CliError::NothingLoaded);
            }
            Ok(())
        }
    }
}

/// One entry of `parallax library --format json`.
#[derive(Serialize)]
struct ListedEntry {
    id: String,
    title: String,
    url: String,
    final_url: String,
    fetched: String,
    added: String,
    format: saved::Format,
    articles: usize,
    page: String,
}

#[derive(Serialize)]
struct ListedLibrary {
    path: String,
    entries: Vec<ListedEntry>,
    damaged: Vec<super::list::ListedSkipped>,
}

fn list(library: &SavedLibrary, format: ListFormat) -> Result<(), CliError> {
    let scan = library.scan();
    let damaged: Vec<super::list::ListedSkipped> = scan
        .damaged
        .iter()
        .map(|s| super::list::ListedSkipped {
            path: sanitize_path(&s.path),
            reason: sanitize(&s.reason.to_string()),
        })
        .collect();
    match format {
        ListFormat::Json => {
            let listing = ListedLibrary {
                path: sanitize_path(library.dir()),
                entries: scan
                    .entries
                    .iter()
                    .map(|e| ListedEntry {
                        id: sanitize(&e.id),
                        title: sanitize(&e.title),
                        url: sanitize(&e.url),
                        final_url: sanitize(&e.final_url),
                        fetched: sanitize(&e.fetched),
                        added: sanitize(&e.added),
                        format: e.format,
                        articles: e.articles,
                        page: sanitize_path(&library.page_path(e)),
                    })
                    .collect(),
                damaged,
            };
            let json =
                serde_json::to_string_pretty(&listing).map_err(|e| CliError::Other(e.into()))?;
            write_stdout(&json)
        }
        ListFormat::Text => {
            let mut out = if scan.entries.is_empty() {
                format!(
                    "The library is empty: give parallax a web address (`parallax URL`, \
                     `parallax library add URL`) to fetch an article and keep it.\n\
                     Library: {}\n",
                    sanitize_path(library.dir())
                )
            } else {
                table(&scan.entries)
            };
            if !damaged.is_empty() {
                out.push_str(&format!(
                    "\nDamaged, skipped and left as they are ({}):\n",
                    damaged.len()
                ));
                for d in &damaged {
                    out.push_str(&format!(
                        "  {}: {}\n",
                        one_line(&d.path),
                        one_line(&d.reason)
                    ));
                }
            }
            write_stdout(&out)
        }
    }
}

/// `2024-05-01T09:30:00Z` → `2024-05-01 09:30`.
fn short_time(t: &str) -> String {
    match (t.get(..10), t.get(11..16)) {
        (Some(day), Some(hm)) if t.as_bytes().get(10) == Some(&b'T') => format!("{day} {hm}"),
        _ => t.to_string(),
    }
}

/// The text table of `parallax library`: id, when fetched (UTC), articles, title, address.
fn table(entries: &[Entry]) -> String {
    let header = ["ID", "FETCHED (UTC)", "ARTICLES", "TITLE", "ADDRESS"];
    let mut rows: Vec<[String; 5]> = vec![header.map(String::from)];
    for e in entries {
        rows.push([
            one_line(&e.id),
            one_line(&short_time(&e.fetched)),
            e.articles.to_string(),
            truncate(&one_line(&e.title), 50),
            one_line(&e.url),
        ]);
    }
    text_table(&rows, &[2])
}

fn truncate(s: &str, max: usize) -> String {
    if s.width() <= max {
        return s.to_string();
    }
    let mut out = String::new();
    for c in s.chars() {
        if out.width() + 2 > max {
            break;
        }
        out.push(c);
    }
    out.push('…');
    out
}
