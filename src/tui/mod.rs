//! The terminal reader: a library table to pick two articles, and a side-by-side comparison.
//!
//! Terminal events become [`action::Msg`]s (bound keys as [`action::Action`]s) through the
//! [`keymap::Keymap`];
//! [`update::update`] applies them to the [`state::State`] without I/O and returns an
//! [`update::Effect`]; [`view::view`] draws the state without changing it. Comparisons and
//! exports run on worker threads so the interface never freezes. The terminal is restored on
//! exit, on a panic, on every signal that ends or stops the program, and redrawn when it is
//! continued (see [`terminal`]).

pub mod action;
pub mod address;
pub mod explain;
pub mod keymap;
pub mod layout;
pub mod model;
pub mod settings;
pub mod state;
pub mod story;
pub mod terminal;
pub mod textbox;
pub mod theme;
pub mod update;
pub mod view;

use std::io::IsTerminal;
use std::sync::Arc;
use std::sync::mpsc;
use std::time::Duration;

use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{self, Event, KeyCode, KeyEventKind, KeyModifiers};

use crate::compare::{self, Options};
use crate::config::Config;
use crate::corpus::Library;
use settings::Settings;

use action::{Finished, Msg};
use state::State;
use theme::Theme;
use update::{Effect, update};

/// Why the reader did not run, or how it ended other than by the user quitting.
#[derive(Debug, thiserror::Error)]
pub enum ReaderError {
    /// Standard output is not a terminal (a pipe, a file).
    #[error(
        "stdout is not a terminal; use `parallax list` or `parallax compare A B --format \
         text|json|markdown` for scripts"
    )]
    NotATerminal,
    /// The terminal is `TERM=dumb`.
    #[error(
        "TERM=dumb cannot show the interactive reader; use `parallax list` or \
         `parallax compare A B --format text|json|markdown`"
    )]
    DumbTerminal,
    /// Signal `n` ended the reader (the terminal was restored first).
    #[error("ended by signal {0}")]
    Signal(i32),
    /// The terminal could not be read or drawn on.
    #[error(transparent)]
    Io(#[from] std::io::Error),
}

impl ReaderError {
    /// The process exit code: 2 when the reader cannot run here, 128+n after signal n, 1
    /// otherwise.
    pub fn exit_code(&self) -> u8 {
        match self {
            ReaderError::NotATerminal | ReaderError::DumbTerminal => 2,
            ReaderError::Signal(n) => u8::try_from(128 + n).unwrap_or(1),
            ReaderError::Io(_) => 1,
        }
    }
}

/// How long the event loop waits for input before checking the worker and signals.
const POLL: Duration = Duration::from_millis(80);

/// Files loaded per batch while the rest of a library loads in the background.
pub const BATCH_FILES: usize = 256;

/// Run the terminal reader on a loaded library. Fails with [`ReaderError::NotATerminal`] or
/// [`ReaderError::DumbTerminal`] before touching the terminal when it cannot be shown, and
/// with [`ReaderError::Signal`] after a signal ended it.
pub fn run(library: Library) -> Result<(), ReaderError> {
    run_loading(library, None, crate::library::WebOptions::default())
}

/// Run the terminal reader on the first articles of a library while `rest` loads on a thread
/// of its own, in batches of [`BATCH_FILES`] files streamed into the library screen (usable
/// all along, progress in the status bar); stories are grouped once every article is in.
/// Addresses typed on the address line are fetched with `web`.
pub fn run_loading(
    library: Library,
    rest: Option<(crate::corpus::walk::Stream, crate::corpus::LoadOptions)>,
    web: crate::library::WebOptions,
) -> Result<(), ReaderError> {
    run_with(library, rest, web, None)
}

/// Run the terminal reader on the story of every article of `library` (three to eight; Esc
/// then shows the library of them).
pub fn run_story(library: Library, web: crate::library::WebOptions) -> Result<(), ReaderError> {
    let open = Msg::OpenStory((0..library.articles.len()).collect());
    run_with(library, None, web, Some(open))
}

/// Run the terminal reader on the comparison of the first two articles of `library` (Esc
/// then shows the library of them).
pub fn run_comparing(library: Library, web: crate::library::WebOptions) -> Result<(), ReaderError> {
    let open = (library.articles.len() >= 2).then_some(Msg::Open { a: 0, b: 1 });
    run_with(library, None, web, open)
}

fn run_with(
    library: Library,
    rest: Option<(crate::corpus::walk::Stream, crate::corpus::LoadOptions)>,
    web: crate::library::WebOptions,
    open: Option<Msg>,
) -> Result<(), ReaderError> {
    if !std::io::stdout().is_terminal() {
        return Err(ReaderError::NotATerminal);
    }
    if std::env::var("TERM").is_ok_and(|t| t == "dumb") {
        return Err(ReaderError::DumbTerminal);
    }
    let loaded = Config::load();
    let (settings, setting_errors) = Settings::new(&loaded.config);
    let (options, lexicon_errors) = loaded.engine_options(&library.articles);
    // In the order the file is read: its keys and colours, then the file as a whole and the
    // lexicon patch.
    let problems: Vec<String> = setting_errors
        .iter()
        .chain(&loaded.errors)
        .chain(&lexicon_errors)
        .map(|e| e.to_string())
        .collect();
    for p in &problems {
        eprintln!("parallax: {p} (using defaults for it)");
    }
    let theme = Theme::new(&settings.palette, Theme::no_color_from_env());
    let mut state = match &rest {
        None => State::new(library, settings.keymap),
        Some((stream, _)) => {
            let mut s = State::new_unanalysed(library, settings.keymap);
            s.library.loading = Some((stream.files_done(), stream.files()));
            s
        }
    };
    state.library.address.options = web;
    state.config_path = loaded
        .path
        .as_deref()
        .map(|p| crate::text::sanitize::sanitize(&p.display().to_string()));
    state.status.error = problems.first().map(|e| match problems.len() {
        1 => format!("config: {e}"),
        n => format!("config: {e} (and {} more)", n - 1),
    });
    let options = Arc::new(options);

    let mouse = settings.mouse;
    let signals = terminal::watch_signals(mouse)?;
    let mut term = terminal::enter(mouse);
    let result = event_loop(
        &mut term,
        &mut state,
        &theme,
        &options,
        (&signals, mouse),
        rest,
        open,
    );
    drop(term);
    terminal::restore(mouse);
    match signals.ending() {
        0 => result,
        sig => Err(ReaderError::Signal(sig as i32)),
    }
}

const WORKER: &str = "parallax-compare";

/// Ctrl-Z: raw mode hands it over as a key instead of stopping the program.
fn is_suspend_key(ev: &Event) -> bool {
    matches!(ev, Event::Key(k) if k.kind == KeyEventKind::Press
        && k.code == KeyCode::Char('z')
        && k.modifiers.contains(KeyModifiers::CONTROL))
}

fn event_loop(
    terminal: &mut DefaultTerminal,
    state: &mut State,
    theme: &Theme,
    options: &Arc<Options>,
    (signals, mouse): (&terminal::Signals, bool),
    rest: Option<(crate::corpus::walk::Stream, crate::corpus::LoadOptions)>,
    open: Option<Msg>,
) -> Result<(), ReaderError> {
    let (tx, rx) = mpsc::channel::<Msg>();
    if let Some((stream, opts)) = rest {
        spawn_loader(stream, opts, &tx);
    }
    let size = terminal.size()?;
    update(
        state,
        Msg::Resize {
            width: size.width,
            height: size.height,
        },
    );
    if let Some(open) = open {
        apply(state, open, options, &tx);
    }
    let mut dirty = true;
    loop {
        if dirty {
            terminal.draw(|f| view::view(state, theme, f))?;
            dirty = false;
        }
        if signals.ending() != 0 {
            return Ok(());
        }
        if signals.take_suspend() {
            terminal::suspend(terminal, mouse)?;
            dirty = true;
        }
        if signals.take_resumed() {
            terminal::resume(terminal, mouse)?;
            dirty = true;
        }
        let mut actions = Vec::new();
        if event::poll(POLL)? {
            let ev = event::read()?;
            dirty = true;
            if is_suspend_key(&ev) && state.keymap.translate(&ev, state.mode()).is_none() {
                terminal::suspend(terminal, mouse)?;
                continue;
            }
            match state.keymap.split_alt(&ev, state.mode()) {
                // Esc typed just before a key: Esc acts first, then the key in the mode Esc left.
                Some((esc, key)) => {
                    if let Some(a) = state.keymap.translate(&esc, state.mode())
                        && apply(state, a, options, &tx)
                    {
                        return Ok(());
                    }
                    actions.extend(state.keymap.translate(&key, state.mode()));
                }
                None => actions.extend(state.keymap.translate(&ev, state.mode())),
            }
        } else {
            if state.pending.is_some() || state.library.address.busy() {
                actions.push(Msg::Tick);
            }
            // A resize signal that arrived before the event reader was listening is not
            // replayed; checking the size when idle catches it.
            let size = terminal.size()?;
            if (size.width, size.height) != state.size {
                actions.push(Msg::Resize {
                    width: size.width,
                    height: size.height,
                });
            }
        }
        actions.extend(rx.try_iter());
        for a in actions {
            dirty = true;
            if apply(state, a, options, &tx) {
                return Ok(());
            }
        }
    }
}

/// Apply one action and carry out its effect; true when the reader should quit.
fn apply(state: &mut State, a: Msg, options: &Arc<Options>, tx: &mpsc::Sender<Msg>) -> bool {
    match update(state, a) {
        Effect::None => false,
        Effect::Quit => true,
        effect @ (Effect::Compare { .. } | Effect::Story { .. }) => {
            spawn_compare(state, effect, options, tx);
            false
        }
        Effect::Export => {
            spawn_export(state, tx);
            false
        }
        Effect::Analyse => {
            spawn_analyse(state, tx);
            false
        }
        Effect::Fetch(url) => {
            spawn_fetch(url, state.library.address.options.clone(), tx);
            false
        }
    }
}

const FETCHER: &str = "parallax-fetch";

/// Fetch a web address on a thread of its own and send back [`Msg::Fetched`].
fn spawn_fetch(url: String, web: crate::library::WebOptions, tx: &mpsc::Sender<Msg>) {
    let fetch_tx = tx.clone();
    let failed = |url: String| {
        Msg::Fetched(Box::new(action::Fetched {
            url,
            result: Err("fetching failed unexpectedly".to_string()),
        }))
    };
    let thread_url = url.clone();
    let spawned = std::thread::Builder::new()
        .name(FETCHER.to_string())
        .spawn(move || {
            let outcome = std::panic::catch_unwind(|| address::fetch(&thread_url, &web));
            let _ = fetch_tx.send(outcome.unwrap_or_else(|_| failed(thread_url)));
        });
    if spawned.is_err() {
        let _ = tx.send(Msg::Fetched(Box::new(action::Fetched {
            url,
            result: Err("could not start fetching".to_string()),
        })));
    }
}

/// Write the comparison (or the story) on screen as a self-contained HTML page (the
/// `--format html` report) into `dir`, under a name that clashes with no existing file, and return the
/// [`Msg::ExportDone`] that reports it.
pub fn export(state: &State, dir: &std::path::Path) -> Msg {
    match ExportJob::of(state) {
        Some(job) => job.run(dir),
        None => Msg::ExportDone(Err("no comparison or story is open".to_string())),
    }
}

/// What an export needs, shared with the interface so it can run on a thread of its own: the
/// comparison on screen, or the story.
enum ExportJob {
    Pair(Arc<compare::Comparison>),
    Story(Arc<compare::story::Story>),
}

impl ExportJob {
    fn of(state: &State) -> Option<ExportJob> {
        match (&state.compare, &state.story) {
            (Some(c), _) => Some(ExportJob::Pair(Arc::clone(&c.cmp))),
            (None, Some(s)) => Some(ExportJob::Story(Arc::clone(&s.story))),
            (None, None) => None,
        }
    }

    /// Write the page, streamed into a temporary file that is then moved into place.
    fn run(&self, dir: &std::path::Path) -> Msg {
        let written = match self {
            ExportJob::Pair(cmp) => {
                let name = crate::report::export::file_stem(&cmp.a.id, &cmp.b.id);
                crate::report::export::write_new_with(dir, &name, "html", |w| {
                    crate::report::html::write(cmp, w)
                })
            }
            ExportJob::Story(story) => {
                let first = story.articles.first().map_or("", |a| a.id.as_str());
                let name = format!(
                    "parallax-story-{}-and-{}-more",
                    crate::corpus::slug(first),
                    story.articles.len().saturating_sub(1)
                );
                crate::report::export::write_new_with(dir, &name, "html", |w| {
                    crate::report::story::write(story, crate::report::Format::Html, w)
                })
            }
        };
        Msg::ExportDone(
            written
                .map(|p| crate::text::sanitize::sanitize_path(&p))
                .map_err(|e| crate::text::sanitize::sanitize_line(&e.to_string())),
        )
    }
}

/// Export the comparison on screen on a thread of its own (a long pair takes seconds), saying
/// so in the status line until [`Msg::ExportDone`] arrives.
fn spawn_export(state: &mut State, tx: &mpsc::Sender<Msg>) {
    let Some(job) = ExportJob::of(state) else {
        update(state, export(state, std::path::Path::new(".")));
        return;
    };
    let dir = std::env::current_dir().unwrap_or_default();
    state.status.info("writing the HTML page…");
    let worker_tx = tx.clone();
    let spawned = std::thread::Builder::new()
        .name(WORKER.to_string())
        .spawn(move || {
            let done = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| job.run(&dir)))
                .unwrap_or_else(|_| {
                    Msg::ExportDone(Err("the export failed unexpectedly".to_string()))
                });
            let _ = worker_tx.send(done);
        });
    if spawned.is_err() {
        let _ = tx.send(Msg::ExportDone(Err(
            "could not start writing the page".to_string()
        )));
    }
}

const LOADER: &str = "parallax-load";

/// Load the rest of the library on a thread of its own, sending each batch as it is ready.
fn spawn_loader(
    mut stream: crate::corpus::walk::Stream,
    opts: crate::corpus::LoadOptions,
    tx: &mpsc::Sender<Msg>,
) {
    let loader_tx = tx.clone();
    let spawned = std::thread::Builder::new()
        .name(LOADER.to_string())
        .spawn(move || {
            while !stream.is_done() {
                // Each file is loaded under its own guard; should anything else give way, the
                // files of this batch are named as skipped and loading goes on.
                let before = stream.files_done();
                let batch = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                    stream.next_batch(BATCH_FILES, &opts, &|| {})
                }))
                .unwrap_or_else(|_| {
                    let mut lib = Library::default();
                    lib.skip(
                        "(library)",
                        crate::corpus::SkipReason::LoadingStopped {
                            done: before,
                            total: stream.files(),
                        },
                    );
                    lib
                });
                let loaded = action::Loaded {
                    batch,
                    done: stream.files_done(),
                    total: stream.files(),
                };
                if loader_tx.send(Msg::Loaded(Box::new(loaded))).is_err() {
                    return;
                }
            }
        });
    if spawned.is_err() {
        let _ = tx.send(Msg::CompareFailed(
            "could not start loading the rest of the library".to_string(),
        ));
    }
}

/// Group the library into stories and compute relatedness on a thread of its own.
fn spawn_analyse(state: &State, tx: &mpsc::Sender<Msg>) {
    let analyse = |library: &Library, tx: &mpsc::Sender<Msg>| {
        if let Some(done) = perform(library, &Effect::Analyse, &Options::default()) {
            let _ = tx.send(done);
        }
    };
    let (library, thread_tx) = (Arc::clone(&state.library.library), tx.clone());
    let spawned = std::thread::Builder::new()
        .name(LOADER.to_string())
        .spawn(move || analyse(&library, &thread_tx));
    // Without a thread of its own the grouping still happens, on this one, rather than the
    // status line promising it for ever.
    if spawned.is_err() {
        analyse(&state.library.library, tx);
    }
}

fn spawn_compare(state: &State, effect: Effect, options: &Arc<Options>, tx: &mpsc::Sender<Msg>) {
    let library = Arc::clone(&state.library.library);
    let options = Arc::clone(options);
    let worker_tx = tx.clone();
    let spawned = std::thread::Builder::new()
        .name(WORKER.to_string())
        .spawn(move || {
            let outcome = std::panic::catch_unwind(|| perform(&library, &effect, &options));
            let action = match outcome {
                Ok(a) => a,
                Err(_) => Some(Msg::CompareFailed(
                    "the comparison failed unexpectedly".to_string(),
                )),
            };
            if let Some(a) = action {
                let _ = worker_tx.send(a);
            }
        });
    if spawned.is_err() {
        let _ = tx.send(Msg::CompareFailed(
            "could not start the comparison".to_string(),
        ));
    }
}

/// Carry out an effect synchronously: for [`Effect::Compare`], run the comparison and return the
/// [`Msg::CompareDone`] that reports it; for [`Effect::Analyse`], group the library and
/// return [`Msg::Analysed`]. The event loop runs this on a worker thread; tests
/// and benchmarks call it directly.
pub fn perform(library: &Library, effect: &Effect, options: &Options) -> Option<Msg> {
    if *effect == Effect::Analyse {
        let (vectors, stories) = state::analyse(library);
        return Some(Msg::Analysed(Box::new(action::Analysed {
            articles: library.articles.len(),
            vectors,
            stories,
        })));
    }
    if let Effect::Story { request, articles } = effect {
        return Some(perform_story(library, *request, articles, options));
    }
    let Effect::Compare { request, a, b } = *effect else {
        return None;
    };
    let (Some(x), Some(y)) = (library.articles.get(a), library.articles.get(b)) else {
        return Some(Msg::CompareFailed(
            "the articles to compare are gone".to_string(),
        ));
    };
    let comparison = compare::compare(x, y, options);
    Some(Msg::CompareDone(Box::new(Finished {
        request,
        a,
        b,
        comparison,
    })))
}

/// Compare library articles `articles` as one story: the [`Msg::StoryDone`] that reports it.
fn perform_story(library: &Library, request: u64, articles: &[usize], options: &Options) -> Msg {
    let Some(chosen) = articles
        .iter()
        .map(|&i| library.articles.get(i).cloned())
        .collect::<Option<Vec<_>>>()
    else {
        return Msg::CompareFailed("the articles to compare are gone".to_string());
    };
    let (story, pairs) = compare::story::compare_many_keeping(&chosen, options);
    Msg::StoryDone(Box::new(action::StoryFinished {
        request,
        articles: articles.to_vec(),
        story,
        pairs,
    }))
}
