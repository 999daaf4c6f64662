//! Articles from web addresses, and the saved library that keeps them.
//!
//! An address given to parallax is fetched ([`fetch`], with the `web` feature), decoded to
//! UTF-8 ([`charset`]), and saved in the library ([`store`]) as the page and a small entry
//! file; the article is then read from the saved page by the same readers as any file
//! ([`crate::corpus::walk::load_file`]), so a fetched page and a page saved from a browser go
//! through the same extraction. An address is not fetched again while its saved copy is younger
//! than [`WebOptions::max_age`], unless [`WebOptions::refresh`] is set; when fetching again
//! fails, the saved copy is used and the failure is told.
//!
//! Nothing here touches the network unless it is given an address.

pub mod address;
pub mod charset;
#[cfg(feature = "web")]
pub mod fetch;
pub mod store;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::Duration;

pub use address::{Address, is_address};
pub use store::{Entry, Format, SavedLibrary, Scan};

use crate::corpus::walk::{self, Item};
use crate::corpus::{Library, LoadOptions, SkipReason};

/// How long a saved copy is used before its address is fetched again, by default: one day.
pub const DEFAULT_MAX_AGE: Duration = Duration::from_secs(24 * 60 * 60);

/// How long one address may take to fetch (connecting, redirects and the whole body), by
/// default: 30 seconds.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(30);

/// Addresses fetched at once.
const PARALLEL_FETCHES: usize = 6;

/// How addresses are fetched and when saved copies are used instead.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WebOptions {
    /// A saved copy younger than this is used without fetching.
    pub max_age: Duration,
    /// Fetch even when the saved copy is fresh.
    pub refresh: bool,
    /// Time budget for one address.
    pub timeout: Duration,
    /// Largest body taken, in bytes (the file-size limit).
    pub max_size: u64,
}

impl Default for WebOptions {
    fn default() -> Self {
        WebOptions {
            max_age: DEFAULT_MAX_AGE,
            refresh: false,
            timeout: DEFAULT_TIMEOUT,
            max_size: crate::corpus::DEFAULT_MAX_FILE_SIZE,
        }
    }
}

/// Parse a duration such as `30s`, `10m`, `6h`, `1d`, `2w` or a bare number of seconds; `0`
/// is allowed.
pub fn parse_duration(s: &str) -> Result<Duration, String> {
    let t = s.trim();
    let digits_end = t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len());
    let (num, unit) = t.split_at(digits_end);
    let n: u64 = num
        .parse()
        .map_err(|_| format!("'{s}' is not a duration (examples: 30s, 10m, 6h, 1d)"))?;
    let secs: u64 = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "s" | "sec" | "secs" | "second" | "seconds" => 1,
        "m" | "min" | "mins" | "minute" | "minutes" => 60,
        "h" | "hour" | "hours" => 3600,
        "d" | "day" | "days" => 86_400,
        "w" | "week" | "weeks" => 7 * 86_400,
        other => {
            return Err(format!(
                "unknown unit '{other}' in '{s}' (use s, m, h, d or w)"
            ));
        }
    };
    n.checked_mul(secs)
        .map(Duration::from_secs)
        .ok_or_else(|| format!("'{s}' is too long a duration"))
}

/// What [`obtain`] found for an address.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Obtained {
    /// The saved entry to read.
    pub entry: Entry,
    /// Something the person should hear about (a failed refresh that fell back on the saved
    /// copy), if anything.
    pub note: Option<String>,
}

/// Held while an id is chosen and a page saved, so that two addresses fetched at once never
/// get the same id.
#[cfg(feature = "web")]
static SAVING: Mutex<()> = Mutex::new(());

/// The saved copy of `address`: the one in `saved` while it is fresh, else fetched now and
/// saved (with the `web` feature). The error is a plain reason: why the address could not be
/// fetched, or why what it serves is not an article.
pub fn obtain(
    address: &Address,
    saved: &SavedLibrary,
    opts: &WebOptions,
) -> Result<Obtained, String> {
    obtain_added_at(address, saved, opts, &store::now_string())
}

/// [`obtain`], with `added` as the time a newly saved entry was added: [`obtain_all`] gives
/// every address of one batch the same time, so that pages fetched at once list in a fixed
/// order (by id) whatever order their fetches finish in.
fn obtain_added_at(
    address: &Address,
    saved: &SavedLibrary,
    opts: &WebOptions,
    added: &str,
) -> Result<Obtained, String> {
    let prior = saved.find(&address.url);
    let now = time::OffsetDateTime::now_utc();
    if let Some(p) = &prior
        && !opts.refresh
        && p.is_fresh(now, opts.max_age)
    {
        return Ok(Obtained {
            entry: p.clone(),
            note: None,
        });
    }
    fetch_and_save(address, saved, opts, prior, added)
}

#[cfg(not(feature = "web"))]
fn fetch_and_save(
    _address: &Address,
    _saved: &SavedLibrary,
    _opts: &WebOptions,
    prior: Option<Entry>,
    _added: &str,
) -> Result<Obtained, String> {
    const NO_WEB: &str = "this parallax was built without fetching web addresses (the `web` \
                          Cargo feature)";
    match prior {
        Some(entry) => {
            let note = Some(format!("{NO_WEB}; using the copy saved {}", entry.fetched));
            Ok(Obtained { entry, note })
        }
        None => Err(format!("{NO_WEB}, and the library holds no copy of it")),
    }
}

#[cfg(feature = "web")]
fn fetch_and_save(
    address: &Address,
    saved: &SavedLibrary,
    opts: &WebOptions,
    prior: Option<Entry>,
    added: &str,
) -> Result<Obtained, String> {
    let outcome = fetch::fetch(address, opts, prior.as_ref());
    let fallback = |why: String, prior: Option<Entry>| match prior {
        Some(entry) => {
            let note = Some(format!(
                "could not fetch it again ({why}); using the copy saved {}",
                entry.fetched
            ));
            Ok(Obtained { entry, note })
        }
        None => Err(why),
    };
    match outcome {
        Ok(fetch::Outcome::NotModified) => {
            let Some(mut entry) = prior else {
                return Err("the server answered 304 Not Modified to a first request".to_string());
            };
            entry.fetched = store::now_string();
            saved.write_entry(&entry)?;
            Ok(Obtained { entry, note: None })
        }
        Ok(fetch::Outcome::Page(page)) => match save(address, saved, page, prior.as_ref(), added) {
            Ok(entry) => Ok(Obtained { entry, note: None }),
            // What the address serves now is no article (or cannot be saved): the copy saved
            // before, if any, still is.
            Err(why) => fallback(why, prior),
        },
        Err(e) => fallback(e.to_string(), prior),
    }
}

/// Save a fetched page as the entry of `address` (its earlier entry when there is one),
/// after checking that an article can be read from it.
#[cfg(feature = "web")]
fn save(
    address: &Address,
    saved: &SavedLibrary,
    page: fetch::Page,
    prior: Option<&Entry>,
    added: &str,
) -> Result<Entry, String> {
    let _saving = SAVING.lock().unwrap_or_else(|e| e.into_inner());
    let id = match prior {
        Some(p) => p.id.clone(),
        None => saved.new_id(&address.id(), &address.url),
    };
    let now = store::now_string();
    let mut entry = Entry {
        id,
        schema: store::SCHEMA.to_string(),
        url: address.url.clone(),
        final_url: page.final_url.clone(),
        format: page.format,
        fetched: now.clone(),
        added: prior.map_or_else(|| added.to_string(), |p| p.added.clone()),
        content_type: page.content_type.clone(),
        etag: page.etag.clone(),
        last_modified: page.last_modified.clone(),
        title: String::new(),
        articles: 0,
    };
    let staged = saved.stage_page(&entry.id, page.format, &page.text)?;
    let mut probe = Library::default();
    load_saved(staged.path(), &entry, &LoadOptions::default(), &mut probe);
    let Some(first) = probe.articles.first() else {
        let why = probe
            .skipped
            .first()
            .map(|s| s.reason.to_string())
            .unwrap_or_else(|| "no article found in it".to_string());
        return Err(if why.starts_with("no article") {
            format!("not an article: {why}")
        } else {
            why
        });
    };
    entry.title = first.title.clone();
    entry.articles = probe.articles.len();
    saved.commit(staged, &entry)?;
    Ok(entry)
}

/// Read the saved page `page` of `entry` into `lib`, through the reader its extension
/// chooses. Its articles get the entry's id (`ID-N` for the articles of a feed), the address
/// as their [`Source::Web`](crate::corpus::Source::Web), and the address the page came from as their URL when the page
/// names none; what cannot be read is skipped under the address.
pub fn load_saved(page: &Path, entry: &Entry, opts: &LoadOptions, lib: &mut Library) {
    walk::load_saved(page, &entry.saved_copy(), opts, lib);
}

/// The loading work for every article of the saved library, oldest first, with its damaged
/// files as skipped entries.
pub fn library_items(saved: &SavedLibrary) -> Vec<Item> {
    let scan = saved.scan();
    let mut items: Vec<Item> = scan
        .entries
        .into_iter()
        .map(|e| Item::Saved {
            page: saved.page_path(&e),
            entry: Box::new(e.saved_copy()),
        })
        .collect();
    items.extend(scan.damaged.into_iter().map(|s| {
        Item::Skip(
            s.path,
            SkipReason::InLibrary {
                reason: Box::new(s.reason),
            },
        )
    }));
    items
}

/// The loading work for `args`, each a path or an address, in order: paths are walked
/// ([`walk::plan`]); addresses are obtained first, several at once ([`obtain`]), and become
/// their saved pages, or a skipped entry naming the address and the reason. `progress` hears
/// (addresses done, addresses in all) as each is obtained; the notes are for the person
/// (`ADDRESS: …`).
pub fn plan(
    args: &[PathBuf],
    opts: &WebOptions,
    progress: &(dyn Fn(usize, usize) + Sync),
) -> (Vec<Item>, Vec<String>) {
    let address_of = |p: &PathBuf| p.to_str().and_then(Address::parse);
    let mut unique: Vec<Address> = Vec::new();
    for a in args.iter().filter_map(address_of) {
        if !unique.iter().any(|u| u.url == a.url) {
            unique.push(a);
        }
    }
    let results = obtain_all(&unique, opts, progress);
    let by_url: HashMap<&str, &ObtainResult> = unique
        .iter()
        .map(|a| a.url.as_str())
        .zip(results.iter())
        .collect();
    let notes = unique
        .iter()
        .zip(&results)
        .filter_map(|(a, r)| match r {
            Ok((_, got)) => got.note.as_ref().map(|n| format!("{}: {n}", a.url)),
            Err(_) => None,
        })
        .collect();
    let mut items = Vec::new();
    for arg in args {
        let Some(a) = address_of(arg) else {
            items.extend(walk::plan(std::slice::from_ref(arg)));
            continue;
        };
        items.push(match by_url.get(a.url.as_str()) {
            Some(Ok((page, got))) => Item::Saved {
                page: page.clone(),
                entry: Box::new(got.entry.saved_copy()),
            },
            Some(Err(why)) => Item::Skip(
                PathBuf::from(&a.url),
                SkipReason::Address {
                    message: why.clone(),
                },
            ),
            None => Item::Skip(PathBuf::from(&a.url), SkipReason::NotFetched),
        });
    }
    (items, notes)
}

/// What [`obtain_all`] gives for one address: the saved page's path and what [`obtain`]
/// found, or why the address could not be obtained.
pub type ObtainResult = Result<(PathBuf, Obtained), String>;

/// [`obtain`] every address, [`PARALLEL_FETCHES`] at a time, in the library that
/// [`SavedLibrary::locate`] finds; each result has the saved page's path.
pub fn obtain_all(
    addresses: &[Address],
    opts: &WebOptions,
    progress: &(dyn Fn(usize, usize) + Sync),
) -> Vec<ObtainResult> {
    if addresses.is_empty() {
        return Vec::new();
    }
    let saved = match SavedLibrary::locate() {
        Ok(s) => s,
        Err(why) => return addresses.iter().map(|_| Err(why.clone())).collect(),
    };
    let added = store::now_string();
    let next = std::sync::atomic::AtomicUsize::new(0);
    let done = std::sync::atomic::AtomicUsize::new(0);
    let results: Vec<Mutex<Option<ObtainResult>>> =
        addresses.iter().map(|_| Mutex::new(None)).collect();
    let work = || {
        loop {
            let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            let Some(a) = addresses.get(i) else { return };
            let r = obtain_added_at(a, &saved, opts, &added)
                .map(|got| (saved.page_path(&got.entry), got));
            if let Ok(mut slot) = results[i].lock() {
                *slot = Some(r);
            }
            let n = done.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
            progress(n, addresses.len());
        }
    };
    let threads = addresses.len().min(PARALLEL_FETCHES);
    std::thread::scope(|s| {
        // A thread that cannot be started leaves its share to the others (this one at least).
        for _ in 1..threads {
            let _ = std::thread::Builder::new()
                .name("parallax-fetch".into())
                .spawn_scoped(s, work);
        }
        work();
    });
    results
        .into_iter()
        .map(|m| {
            m.into_inner()
                .ok()
                .flatten()
                .unwrap_or_else(|| Err("was not fetched".to_string()))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_parse_with_and_without_units() {
        assert_eq!(parse_duration("30"), Ok(Duration::from_secs(30)));
        assert_eq!(parse_duration("10m"), Ok(Duration::from_secs(600)));
        assert_eq!(parse_duration("6 h"), Ok(Duration::from_secs(6 * 3600)));
        assert_eq!(parse_duration("1d"), Ok(DEFAULT_MAX_AGE));
        assert_eq!(parse_duration("0"), Ok(Duration::ZERO));
        assert!(parse_duration("soon").is_err());
        assert!(parse_duration("3 fortnights").is_err());
        assert!(parse_duration("99999999999999999999w").is_err());
    }
}
