//! The terminal reader: a library table to pick two articles, and a side-by-side comparison.
//!
//! Terminal events become [`action::Action`]s through the [`keymap::Keymap`];
//! [`update::update`] applies them to the [`state::State`] without I/O and returns an
//! [`update::Effect`]; [`view::view`] draws the state without changing it. Comparisons run on a
//! worker thread so the interface never freezes. The terminal is restored on exit, on panic
//! and on SIGTERM/SIGHUP/SIGINT/SIGQUIT.

pub mod action;
pub mod address;
pub mod explain;
pub mod keymap;
pub mod layout;
pub mod model;
pub mod state;
pub mod theme;
pub mod update;
pub mod view;

use std::io::IsTerminal;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;
use std::time::Duration;

use ratatui::DefaultTerminal;
use ratatui::crossterm::cursor::Show;
use ratatui::crossterm::event::{self, DisableMouseCapture, EnableMouseCapture};
use ratatui::crossterm::execute;

use crate::compare::{self, Options};
use crate::config::Config;
use crate::corpus::Library;

use action::{Action, Finished};
use state::State;
use theme::Theme;
use update::{Effect, update};

/// What to tell someone running parallax with its output not going to a terminal.
pub const NOT_A_TERMINAL: &str = "parallax: stdout is not a terminal; use `parallax list` or \
     `parallax compare A B --format text|json|markdown` for scripts";

/// What to tell someone whose terminal cannot show the reader.
pub const DUMB_TERMINAL: &str = "parallax: TERM=dumb cannot show the interactive reader; use \
     `parallax list` or `parallax compare A B --format text|json|markdown`";

/// How long the event loop waits for input before checking the worker and signals.
const POLL: Duration = Duration::from_millis(80);

/// Files loaded per batch while the rest of a library loads in the background.
pub const BATCH_FILES: usize = 256;

/// Run the terminal reader on a loaded library. Exits the process with status 2 when stdout
/// is not a terminal or the terminal is `dumb`, and with 128+n after signal n.
pub fn run(library: Library) -> anyhow::Result<()> {
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
) -> anyhow::Result<()> {
    if !std::io::stdout().is_terminal() {
        eprintln!("{NOT_A_TERMINAL}");
        std::process::exit(2);
    }
    if std::env::var("TERM").is_ok_and(|t| t == "dumb") {
        eprintln!("{DUMB_TERMINAL}");
        std::process::exit(2);
    }
    let loaded = Config::load();
    let mut problems: Vec<String> = loaded.errors.iter().map(|e| e.to_string()).collect();
    let (options, lexicon_errors) = Options::for_library(&library.articles, &loaded.config.lexicon);
    problems.extend(
        lexicon_errors
            .iter()
            .map(|e| crate::text::sanitize::sanitize(&e.to_string())),
    );
    for p in &problems {
        eprintln!("parallax: {p} (using defaults for it)");
    }
    let theme = Theme::new(&loaded.config.palette, Theme::no_color_from_env());
    let mut state = match &rest {
        None => State::new(library, loaded.config.keymap()),
        Some((stream, _)) => {
            let mut s = State::new_unanalysed(library, loaded.config.keymap());
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
    let mut options = Arc::new(options);

    let mouse = loaded.config.mouse;
    let signal = watch_signals(mouse)?;
    let mut terminal = ratatui::init();
    install_panic_hook(mouse);
    if mouse {
        let _ = execute!(std::io::stdout(), EnableMouseCapture);
    }
    let result = event_loop(
        &mut terminal,
        &mut state,
        &theme,
        &mut options,
        &signal,
        rest,
    );
    drop(terminal);
    restore_terminal(mouse);
    let sig = signal.load(Ordering::SeqCst);
    if sig != 0 {
        std::process::exit(128 + sig as i32);
    }
    result
}

/// How long a signal waits for the event loop to restore the terminal itself before the
/// signal thread does it and exits.
const SIGNAL_GRACE: Duration = Duration::from_millis(500);

/// Watch SIGTERM, SIGHUP, SIGINT and SIGQUIT on a thread of their own. The returned flag tells
/// the event loop to leave; if it has not left within [`SIGNAL_GRACE`] — as happens when the
/// terminal has gone away and reading it never returns — the thread restores the terminal and
/// exits with 128+n itself, so a hung-up reader never lingers.
fn watch_signals(mouse: bool) -> anyhow::Result<Arc<AtomicUsize>> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM};
    let flag = Arc::new(AtomicUsize::new(0));
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT, SIGQUIT])?;
    let seen = Arc::clone(&flag);
    std::thread::Builder::new()
        .name("parallax-signals".into())
        .spawn(move || {
            if let Some(sig) = signals.forever().next() {
                seen.store(sig as usize, Ordering::SeqCst);
                std::thread::sleep(SIGNAL_GRACE);
                restore_terminal(mouse);
                std::process::exit(128 + sig);
            }
        })?;
    Ok(flag)
}

/// Chain a panic hook in front of ratatui's: only a panic on the interface thread restores the
/// terminal (and releases the mouse); a panic in a comparison worker is reported in the status
/// line instead of tearing the screen down.
fn install_panic_hook(mouse: bool) {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if matches!(
            std::thread::current().name(),
            Some(WORKER | LOADER | FETCHER)
        ) {
            return;
        }
        restore_terminal(mouse);
        previous(info);
    }));
}

/// Release the mouse, show the cursor, leave raw mode and the alternate screen.
fn restore_terminal(mouse: bool) {
    if mouse {
        let _ = execute!(std::io::stdout(), DisableMouseCapture);
    }
    let _ = execute!(std::io::stdout(), Show);
    ratatui::restore();
}

const WORKER: &str = "parallax-compare";

fn event_loop(
    terminal: &mut DefaultTerminal,
    state: &mut State,
    theme: &Theme,
    options: &mut Arc<Options>,
    signal: &AtomicUsize,
    rest: Option<(crate::corpus::walk::Stream, crate::corpus::LoadOptions)>,
) -> anyhow::Result<()> {
    let (tx, rx) = mpsc::channel::<Action>();
    if let Some((stream, opts)) = rest {
        spawn_loader(stream, opts, &tx);
    }
    let size = terminal.size()?;
    update(
        state,
        Action::Resize {
            width: size.width,
            height: size.height,
        },
    );
    let mut dirty = true;
    loop {
        if dirty {
            terminal.draw(|f| view::view(state, theme, f))?;
            dirty = false;
        }
        if signal.load(Ordering::SeqCst) != 0 {
            return Ok(());
        }
        let mut actions = Vec::new();
        if event::poll(POLL)? {
            let ev = event::read()?;
            dirty = true;
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
                actions.push(Action::Tick);
            }
            // A resize signal that arrived before the event reader was listening is not
            // replayed; checking the size when idle catches it.
            let size = terminal.size()?;
            if (size.width, size.height) != state.size {
                actions.push(Action::Resize {
                    width: size.width,
                    height: size.height,
                });
            }
        }
        actions.extend(rx.try_iter());
        for a in actions {
            // Once the whole library is in, comparisons weigh words by all of it.
            if let Action::Analysed(done) = &a
                && done.articles == state.library.rows.len()
            {
                Arc::make_mut(options).corpus.clone_from(&done.corpus);
            }
            dirty = true;
            if apply(state, a, options, &tx) {
                return Ok(());
            }
        }
    }
}

/// Apply one action and carry out its effect; true when the reader should quit.
fn apply(state: &mut State, a: Action, options: &Arc<Options>, tx: &mpsc::Sender<Action>) -> bool {
    match update(state, a) {
        Effect::None => false,
        Effect::Quit => true,
        effect @ Effect::Compare { .. } => {
            spawn_compare(state, effect, options, tx);
            false
        }
        Effect::Export => {
            let done = export(state, &std::env::current_dir().unwrap_or_default());
            update(state, done);
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

/// Fetch a web address on a thread of its own and send back [`Action::Fetched`].
fn spawn_fetch(url: String, web: crate::library::WebOptions, tx: &mpsc::Sender<Action>) {
    let fetch_tx = tx.clone();
    let failed = |url: String| {
        Action::Fetched(Box::new(action::Fetched {
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
        let _ = tx.send(Action::Fetched(Box::new(action::Fetched {
            url,
            result: Err("could not start fetching".to_string()),
        })));
    }
}

/// Write the comparison on screen as a self-contained HTML page (the `--format html` report,
/// with the articles' scare quotes) into `dir`, under a name that clashes with no existing
/// file, and return the [`Action::ExportDone`] that reports it.
pub fn export(state: &State, dir: &std::path::Path) -> Action {
    let Some(c) = state.compare.as_ref() else {
        return Action::ExportDone(Err("no comparison is open".to_string()));
    };
    let articles = &state.library.library.articles;
    let pick = |i: usize| articles.get(i);
    let html = crate::report::html::render_with(
        &c.cmp,
        compare::PerSide {
            a: pick(c.pair.0),
            b: pick(c.pair.1),
        },
    );
    let name = crate::report::export::file_stem(&c.cmp.a.id, &c.cmp.b.id);
    Action::ExportDone(
        crate::report::export::write_new(dir, &name, "html", html.as_bytes())
            .map(|p| crate::text::sanitize::sanitize_path(&p))
            .map_err(|e| crate::text::sanitize::sanitize_line(&e.to_string())),
    )
}

const LOADER: &str = "parallax-load";

/// Load the rest of the library on a thread of its own, sending each batch as it is ready.
fn spawn_loader(
    mut stream: crate::corpus::walk::Stream,
    opts: crate::corpus::LoadOptions,
    tx: &mpsc::Sender<Action>,
) {
    let loader_tx = tx.clone();
    let spawned = std::thread::Builder::new()
        .name(LOADER.to_string())
        .spawn(move || {
            while !stream.is_done() {
                let batch = stream.next_batch(BATCH_FILES, &opts, &|| {});
                let loaded = action::Loaded {
                    batch,
                    done: stream.files_done(),
                    total: stream.files(),
                };
                if loader_tx.send(Action::Loaded(Box::new(loaded))).is_err() {
                    return;
                }
            }
        });
    if spawned.is_err() {
        let _ = tx.send(Action::CompareFailed(
            "could not start loading the rest of the library".to_string(),
        ));
    }
}

/// Group the library into stories and compute relatedness on a thread of its own.
fn spawn_analyse(state: &State, tx: &mpsc::Sender<Action>) {
    let analyse = |library: &Library, tx: &mpsc::Sender<Action>| {
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

fn spawn_compare(state: &State, effect: Effect, options: &Arc<Options>, tx: &mpsc::Sender<Action>) {
    let library = Arc::clone(&state.library.library);
    let options = Arc::clone(options);
    let worker_tx = tx.clone();
    let spawned = std::thread::Builder::new()
        .name(WORKER.to_string())
        .spawn(move || {
            let outcome = std::panic::catch_unwind(|| perform(&library, &effect, &options));
            let action = match outcome {
                Ok(a) => a,
                Err(_) => Some(Action::CompareFailed(
                    "the comparison failed unexpectedly".to_string(),
                )),
            };
            if let Some(a) = action {
                let _ = worker_tx.send(a);
            }
        });
    if spawned.is_err() {
        let _ = tx.send(Action::CompareFailed(
            "could not start the comparison".to_string(),
        ));
    }
}

/// Carry out an effect synchronously: for [`Effect::Compare`], run the comparison and return the
/// [`Action::CompareDone`] that reports it; for [`Effect::Analyse`], group the library and
/// return [`Action::Analysed`]. The event loop runs this on a worker thread; tests
/// and benchmarks call it directly.
pub fn perform(library: &Library, effect: &Effect, options: &Options) -> Option<Action> {
    if *effect == Effect::Analyse {
        let (vectors, stories) = state::analyse(library);
        let corpus = (library.articles.len() > 2)
            .then(|| Arc::new(compare::align::DocFreq::from_articles(&library.articles)));
        return Some(Action::Analysed(Box::new(action::Analysed {
            articles: library.articles.len(),
            vectors,
            stories,
            corpus,
        })));
    }
    let Effect::Compare { request, a, b } = *effect else {
        return None;
    };
    let (Some(x), Some(y)) = (library.articles.get(a), library.articles.get(b)) else {
        return Some(Action::CompareFailed(
            "the articles to compare are gone".to_string(),
        ));
    };
    let comparison = compare::compare(x, y, options);
    Some(Action::CompareDone(Box::new(Finished {
        request,
        a,
        b,
        comparison,
    })))
}
