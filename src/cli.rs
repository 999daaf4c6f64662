//! The command line: argument parsing (clap derive) and the `list`, `compare`, `show`,
//! `library` and reader commands. Everything printed here that came from input (titles,
//! outlets, paths, addresses, reasons) goes through [`sanitize`] first.

mod library;
mod list;
mod pager;
mod pair;
mod pool;
mod story;

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::{Parser, Subcommand, ValueEnum};

use parallax::corpus::walk::{self, Item};
use parallax::corpus::{self, Article, Library, LoadOptions, read::parse_size};
use parallax::library::{Address, WebOptions};
use parallax::text::sanitize::sanitize_line;

/// Compare how two outlets cover the same story.
#[derive(Debug, Parser)]
#[command(name = "parallax", version, about)]
pub struct Cli {
    /// Command to run; without one, open the reader.
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Files, directories or web addresses to read (the saved library, else the bundled demo,
    /// when none are given).
    #[arg(value_name = "PATH|URL")]
    pub paths: Vec<PathBuf>,
    /// Skip files and web pages larger than this (e.g. 8MiB, 500K, 1048576).
    #[arg(long, value_parser = parse_size, default_value = "8MiB", global = true)]
    pub max_file_size: u64,
    /// Fetch web addresses again even when the library's copy is still fresh.
    #[arg(long, global = true)]
    pub refresh: bool,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// List the articles found at PATH|URL… (the saved library, else the demo, when none are
    /// given), then skipped files.
    List {
        /// Files, directories or web addresses to read.
        #[arg(value_name = "PATH|URL")]
        paths: Vec<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
        /// Group the articles into stories and suggest the pairs most worth comparing.
        #[arg(long)]
        stories: bool,
    },
    /// Compare two articles, each given as a file path (`path#N` picks entry N of a JSON,
    /// JSON Lines or feed file), a web address (`URL#N` for a feed), or an id from
    /// `parallax list`; with three to eight, compare them fact by fact as one story. The
    /// result depends on the articles (and your lexicon) only, not on the library they are
    /// looked up in: the reader shows the same pair the same way.
    Compare {
        /// First article: path, address or id.
        a: String,
        /// Second article: path, address or id.
        b: String,
        /// More articles of the same story (up to eight in all): the story report.
        #[arg(value_name = "MORE")]
        more: Vec<String>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = ReportFormat::Text)]
        format: ReportFormat,
        /// Look ids up in the articles of these files, directories or web addresses instead of
        /// the saved library and the demo.
        #[arg(long = "in", value_name = "PATH|URL", num_args = 1..)]
        library: Vec<PathBuf>,
        /// Colour the text report like the reader: auto (on a terminal, unless NO_COLOR is
        /// set), always or never. On a terminal a report longer than the screen is shown
        /// through $PAGER (default `less -R`).
        #[arg(long, value_enum, default_value_t = pager::ColorChoice::Auto)]
        color: pager::ColorChoice,
    },
    /// Print one article as loaded: metadata, then every paragraph with its role (headline,
    /// reporting, embedded post, or the kind of page furniture).
    Show {
        /// The article: path or web address (`path#N` for entry N), or id.
        article: String,
        /// Output format.
        #[arg(long, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
        /// Look the id up in the articles of these files, directories or web addresses instead
        /// of the saved library and the demo.
        #[arg(long = "in", value_name = "PATH|URL", num_args = 1..)]
        library: Vec<PathBuf>,
    },
    /// The saved library of articles fetched from web addresses: list it, show where it is,
    /// add or remove addresses.
    #[command(args_conflicts_with_subcommands = true)]
    Library {
        /// What to do; without it, list the library.
        #[command(subcommand)]
        action: Option<library::LibraryCommand>,
        /// Print the library's folder and nothing else.
        #[arg(long)]
        path: bool,
        /// Output format of the listing.
        #[arg(long, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
    },
}

/// Output format of `list` and `show`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    /// An aligned table.
    Text,
    /// `{ "articles": [...], "skipped": [...] }`.
    Json,
}

/// Output format of `compare`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    /// For a person in a terminal.
    Text,
    /// For sharing.
    Markdown,
    /// The machine-readable comparison.
    Json,
    /// A self-contained HTML page: both articles side by side, highlighted.
    Html,
}

impl From<ReportFormat> for parallax::report::Format {
    fn from(f: ReportFormat) -> Self {
        match f {
            ReportFormat::Text => parallax::report::Format::Text,
            ReportFormat::Markdown => parallax::report::Format::Markdown,
            ReportFormat::Json => parallax::report::Format::Json,
            ReportFormat::Html => parallax::report::Format::Html,
        }
    }
}

/// Why a command failed, with the exit code it maps to.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    /// Nothing at all could be loaded (exit 1).
    #[error("nothing could be loaded")]
    NothingLoaded,
    /// The arguments name something unusable (exit 2).
    #[error("{0}")]
    Usage(String),
    /// The reader could not run, or a signal ended it (exit 2, or 128+n after signal n).
    #[error(transparent)]
    Reader(#[from] parallax::tui::ReaderError),
    /// Writing output failed (exit 1).
    #[error(transparent)]
    Other(#[from] anyhow::Error),
}

impl CliError {
    /// The process exit code for this error.
    pub fn exit_code(&self) -> u8 {
        match self {
            CliError::NothingLoaded | CliError::Other(_) => 1,
            CliError::Usage(_) => 2,
            CliError::Reader(e) => e.exit_code(),
        }
    }
}

/// How many threads a command that prints its result and ends runs on.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Threads {
    /// A pool of rayon's default size (at least two), the starting thread one of them.
    Pool,
    /// The starting thread alone: for a pair too small for a second thread to pay for its start.
    One,
}

/// Two local files together at most this long (about 1,000 words of English) are compared on
/// the starting thread alone: on such a pair a second thread saves about half a millisecond
/// of wall time and costs about twice that in CPU time, starting and waking it (BENCHMARKS.md,
/// "Sixth pass").
const ONE_THREAD_BYTES: u64 = 6 * 1024;

/// Whether `a` and `b` are regular files whose sizes together are at most
/// [`ONE_THREAD_BYTES`]: then nothing is fetched and no library is walked for them, and the
/// comparison is quick enough to run on the starting thread alone.
fn small_local_pair(a: &str, b: &str) -> bool {
    let size = |path: &str| {
        std::fs::metadata(path)
            .ok()
            .filter(std::fs::Metadata::is_file)
            .map(|m| m.len())
    };
    matches!((size(a), size(b)), (Some(x), Some(y)) if x.saturating_add(y) <= ONE_THREAD_BYTES)
}

/// The thread pool of a command that prints its result and ends: the starting thread is one
/// of the pool's threads, so the pool starts one thread fewer than rayon's default (it waits
/// for the pool's work anyway). A [`Threads::Pool`] has at least two, so that work another
/// thread hands to the pool can never wait for a busy starting thread, even on a one-core
/// machine (no command does that today; the pages `web` fetches in parallel use plain
/// threads). [`Threads::One`] is only for work that fetches nothing. `RAYON_NUM_THREADS` is
/// honoured, as rayon's default pool does. The reader keeps rayon's default pool: its
/// starting thread draws the screen while the pool loads the library.
fn one_shot_pool(threads: Threads) {
    let from_env = std::env::var("RAYON_NUM_THREADS")
        .ok()
        .and_then(|n| n.trim().parse::<usize>().ok())
        .filter(|&n| n > 0);
    let n = match (threads, from_env) {
        (_, Some(n)) => n.max(2),
        (Threads::One, None) => 1,
        (Threads::Pool, None) => std::thread::available_parallelism()
            .map_or(1, |n| n.get())
            .max(2),
    };
    // Only fails when the pool is already built (a second run in one process): that pool
    // serves as well.
    let _ = rayon::ThreadPoolBuilder::new()
        .num_threads(n)
        .use_current_thread()
        .build_global();
}

/// Run the parsed command line.
pub fn run(cli: Cli) -> Result<(), CliError> {
    // `compare` of two articles chooses its pool once it knows what it reads.
    if cli.command.is_some()
        && !matches!(&cli.command, Some(Command::Compare { more, .. }) if more.is_empty())
    {
        one_shot_pool(Threads::Pool);
    }
    let opts = LoadOptions {
        max_file_size: cli.max_file_size,
    };
    let web = library::web_options(cli.max_file_size, cli.refresh);
    match cli.command {
        None => {
            if let Some(named) = pair::named_articles(&cli.paths, &opts, &web) {
                if named.articles.len() >= parallax::compare::story::MIN_ARTICLES {
                    return Ok(parallax::tui::run_story(named, web)?);
                }
                return Ok(parallax::tui::run_comparing(named, web)?);
            }
            let items = if cli.paths.is_empty() {
                match library::saved_items() {
                    Some(items) => items,
                    None => return Ok(parallax::tui::run(corpus::demo())?),
                }
            } else {
                library::plan_showing_progress(&cli.paths, &web)
            };
            // The first files load before the reader opens; a large library's rest streams in
            // while it is already usable.
            let mut stream = walk::Stream::new(items);
            let first = stream.next_batch(parallax::tui::BATCH_FILES, &opts, &|| {});
            report_skipped(&first);
            if stream.is_done() {
                // A library whose every entry is damaged holds no article: the demo opens.
                if first.articles.is_empty() && cli.paths.is_empty() {
                    return Ok(parallax::tui::run(corpus::demo())?);
                }
                if first.articles.is_empty() {
                    return Err(CliError::NothingLoaded);
                }
                return Ok(parallax::tui::run_loading(first, None, web)?);
            }
            Ok(parallax::tui::run_loading(
                first,
                Some((stream, opts)),
                web,
            )?)
        }
        Some(Command::List {
            paths,
            format,
            stories,
        }) => {
            // The text listing names every skipped file itself; JSON goes to a script, so a
            // person watching still hears about skipped files on stderr.
            let lib = load_or_default(&paths, &opts, &web, format == ListFormat::Json)?;
            if stories {
                list::list_stories(&lib, &paths, format)
            } else {
                list::list(&lib, format)
            }
        }
        Some(Command::Compare {
            a,
            b,
            more,
            format,
            library,
            color,
        }) => {
            if !more.is_empty() {
                let mut all = vec![a, b];
                all.extend(more);
                return story::compare_story(&all, format, &library, &opts, &web);
            }
            let saved = pool::saved_for(&library);
            one_shot_pool(
                if library.is_empty() && saved.is_none() && small_local_pair(&a, &b) {
                    Threads::One
                } else {
                    Threads::Pool
                },
            );
            // The articles are found (the library where ids are looked up loaded first), read
            // and analysed while the bundled lexicon is built.
            let (found, ()) = rayon::join(
                || {
                    let pool = pool::IdPool::with_saved(&library, saved, &opts, &web)?;
                    let (a, b) = rayon::join(
                        || pool.resolve(&a, &opts, &web),
                        || pool.resolve(&b, &opts, &web),
                    );
                    Ok::<_, CliError>((a?, b?))
                },
                parallax::compare::warm_up,
            );
            let (a, b) = found?;
            let cmp = parallax::compare::compare(&a, &b, &engine_options(&[]));
            if format == ReportFormat::Text {
                let out = if color.colour_stdout() {
                    parallax::report::text::render_coloured(&cmp)
                } else {
                    parallax::report::text::render(&cmp)
                };
                return pager::write_paged(&out);
            }
            // The report goes out as it is made.
            let mut out = std::io::stdout().lock();
            let written = parallax::report::write(&cmp, format.into(), &mut out);
            // The process ends here: the comparison and the two articles (hundreds of thousands
            // of allocations on a long pair) are left for the system to reclaim at exit rather
            // than freed one by one after the report is out.
            std::mem::forget((cmp, a, b));
            match written {
                Ok(()) => Ok(()),
                // A closed pipe (`parallax compare … | head`) is not an error worth reporting.
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
                Err(e) => Err(CliError::Other(e.into())),
            }
        }
        Some(Command::Show {
            article,
            format,
            library,
        }) => {
            // A path or address is read on its own; only an id needs a library.
            let a = match resolve_path(&article, &opts, &web) {
                Some(found) => found?,
                None => pool::IdPool::new(&library, &opts, &web)?.resolve(&article, &opts, &web)?,
            };
            write_stdout(&match format {
                ListFormat::Json => parallax::report::article::render_json(&a),
                ListFormat::Text => parallax::report::article::render_text(&a, dim_stdout()),
            })
        }
        Some(Command::Library {
            action,
            path,
            format,
        }) => library::run(action, path, format, &web),
    }
}

/// Where ids are looked up: the saved library, then the demo (`true`); or `--in` alone.
fn id_pool(
    library: &[PathBuf],
    opts: &LoadOptions,
    web: &WebOptions,
) -> Result<(Library, bool), CliError> {
    if !library.is_empty() {
        return Ok((load_or_default(library, opts, web, true)?, false));
    }
    Ok(match library::saved_library(opts) {
        Some(saved) => (saved, true),
        None => (corpus::demo(), false),
    })
}

/// Whether to dim page furniture on standard output: a terminal, and `NO_COLOR` unset.
fn dim_stdout() -> bool {
    use std::io::IsTerminal;
    std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

/// The configuration, read once a run for the commands (the reader reads it itself).
fn config() -> &'static parallax::config::Loaded {
    static LOADED: std::sync::OnceLock<parallax::config::Loaded> = std::sync::OnceLock::new();
    LOADED.get_or_init(parallax::config::Config::load)
}

/// Engine options from the user's config file (its `[lexicon]` patch), as the reader gets
/// them. Problems with the config are reported on stderr; the comparison then runs on the
/// defaults for whatever was wrong, and the file is never touched.
fn engine_options(library: &[Article]) -> parallax::compare::Options {
    let loaded = config();
    let (opts, lexicon_errors) = loaded.engine_options(library);
    // The reader's settings are not used here, but a mistake in them is still worth hearing
    // about wherever the file is read (the defaults' own are ruled out by the test suite).
    let cfg = &loaded.config;
    let setting_errors = if cfg.keys.iter().any(|e| e.user) || cfg.theme.iter().any(|e| e.user) {
        parallax::tui::settings::Settings::new(&loaded.config).1
    } else {
        Vec::new()
    };
    let mut err = std::io::stderr().lock();
    for e in setting_errors
        .iter()
        .chain(&loaded.errors)
        .chain(&lexicon_errors)
    {
        let _ = writeln!(
            err,
            "parallax: {} (using defaults for it)",
            one_line(&e.to_string())
        );
    }
    opts
}

/// Load `args` (paths and addresses; the saved library, else the demo, when empty),
/// reporting skipped files on stderr when `report` is set; fails only when nothing could be
/// loaded (and then always names what was skipped).
fn load_or_default(
    args: &[PathBuf],
    opts: &LoadOptions,
    web: &WebOptions,
    report: bool,
) -> Result<Library, CliError> {
    let lib = if args.is_empty() {
        library::saved_library(opts).unwrap_or_else(corpus::demo)
    } else {
        let items = library::plan_showing_progress(args, web);
        load_showing_progress(&items, opts)
    };
    if report || lib.articles.is_empty() {
        report_skipped(&lib);
    }
    if lib.articles.is_empty() {
        return Err(CliError::NothingLoaded);
    }
    Ok(lib)
}

/// Carry out `items`; when stderr is a terminal and loading takes more than a moment, show
/// how many files are done on it (one line, rewritten, cleared at the end).
fn load_showing_progress(items: &[Item], opts: &LoadOptions) -> Library {
    let line = library::ProgressLine::files();
    walk::run(items, opts, &|done, total| line.show(done, total))
}

fn report_skipped(lib: &Library) {
    let mut err = std::io::stderr().lock();
    for s in &lib.skipped {
        let _ = writeln!(
            err,
            "skipped {}: {}",
            one_line(&s.path.display().to_string()),
            one_line(&s.reason.to_string())
        );
    }
}

/// Sanitised and on one line, for table cells and messages.
fn one_line(s: &str) -> String {
    sanitize_line(s)
}

/// Lay out `rows` (the header first) as a plain-text table: columns two spaces apart, each as
/// wide as its widest cell, the columns in `right` right-aligned (numbers), the rest
/// left-aligned, no trailing spaces.
fn text_table<const N: usize>(rows: &[[String; N]], right: &[usize]) -> String {
    use unicode_width::UnicodeWidthStr;
    let mut widths = [0usize; N];
    for r in rows {
        for (w, cell) in widths.iter_mut().zip(r.iter()) {
            *w = (*w).max(cell.width());
        }
    }
    let mut out = String::new();
    for r in rows {
        let mut line = String::new();
        for (i, cell) in r.iter().enumerate() {
            let pad = " ".repeat(widths[i].saturating_sub(cell.width()));
            if right.contains(&i) {
                line.push_str(&pad);
                line.push_str(cell);
            } else {
                line.push_str(cell);
                if i + 1 < N {
                    line.push_str(&pad);
                }
            }
            line.push_str("  ");
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

fn write_stdout(s: &str) -> Result<(), CliError> {
    let mut out = std::io::stdout().lock();
    let r = out.write_all(s.as_bytes()).and_then(|_| {
        if s.ends_with('\n') {
            Ok(())
        } else {
            out.write_all(b"\n")
        }
    });
    match r {
        Ok(()) => Ok(()),
        // A closed pipe (`parallax list | head`) is not an error worth reporting.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(CliError::Other(e.into())),
    }
}

/// Find the article `arg` names: an id in `pool` (then in the demo with `demo_too`), else a
/// web address (`URL#N` for an entry of a feed), else an existing file (or `file#N`). Ids come
/// first: an id has no extension or directory part, so a file of the same name (in the current
/// directory, say) is not one parallax could read anyway.
fn resolve(
    arg: &str,
    pool: &Library,
    demo_too: bool,
    opts: &LoadOptions,
    web: &WebOptions,
) -> Result<Article, CliError> {
    if let Some(a) = pool.get(arg) {
        return Ok(a.clone());
    }
    if demo_too && let Some(a) = corpus::demo::get(arg) {
        return Ok(a);
    }
    if let Some(found) = resolve_path(arg, opts, web) {
        return found;
    }
    let mut ids: Vec<&str> = pool.articles.iter().map(|a| a.id.as_str()).collect();
    ids.truncate(12);
    Err(CliError::Usage(format!(
        "'{}' is neither a file nor an article id (known ids: {})",
        one_line(arg),
        one_line(&ids.join(", "))
    )))
}

/// The article at `arg` when it names a web address (`URL#N` for an entry of a feed) or an
/// existing file (or `file#N`); `None` otherwise.
fn resolve_path(
    arg: &str,
    opts: &LoadOptions,
    web: &WebOptions,
) -> Option<Result<Article, CliError>> {
    if let Some(address) = Address::parse(arg) {
        return Some(library::load_address(&address, opts, web));
    }
    let as_path = Path::new(arg);
    if arg == walk::STDIN || as_path.exists() {
        return Some(load_one(as_path, None, opts));
    }
    if let Some((file, n)) = arg.rsplit_once('#')
        && let Ok(n) = n.parse::<usize>()
        && Path::new(file).exists()
    {
        return Some(load_one(Path::new(file), Some(n), opts));
    }
    None
}

fn load_one(path: &Path, entry: Option<usize>, opts: &LoadOptions) -> Result<Article, CliError> {
    let shown = one_line(&path.display().to_string());
    if path.is_dir() {
        return Err(CliError::Usage(format!(
            "{shown} is a directory; give a file, or an id with --in {shown}"
        )));
    }
    // One file: read on this thread, without starting the parallel loader.
    let mut lib = Library::default();
    corpus::walk::load_file(path, opts, &mut lib);
    if let Some(n) = entry {
        let found = lib.articles.into_iter().find(
            |a| matches!(&a.source, corpus::Source::File { index: Some(i), .. } if *i + 1 == n),
        );
        return found.ok_or_else(|| {
            let why = lib
                .skipped
                .iter()
                .find(|s| s.path.to_string_lossy().ends_with(&format!("#{n}")))
                .map(|s| one_line(&s.reason.to_string()))
                .unwrap_or_else(|| "no such entry".to_string());
            CliError::Usage(format!("cannot load {shown}#{n}: {why}"))
        });
    }
    match lib.articles.len() {
        1 => Ok(lib
            .articles
            .into_iter()
            .next()
            .ok_or(CliError::NothingLoaded)?),
        0 => {
            let why = lib
                .skipped
                .first()
                .map(|s| one_line(&s.reason.to_string()))
                .unwrap_or_else(|| "no article found".to_string());
            Err(CliError::Usage(format!("cannot load {shown}: {why}")))
        }
        n => Err(CliError::Usage(format!(
            "{shown} holds {n} articles; pick one with {shown}#N (N from 1)"
        ))),
    }
}
