//! The terminal reader: a library table to pick two articles, and a side-by-side comparison.
//!
//! Terminal events become [`action::Action`]s through the [`keymap::Keymap`];
//! [`update::update`] applies them to the [`state::State`] without I/O and returns an
//! [`update::Effect`]; [`view::view`] draws the state without changing it. Comparisons run on a
//! worker thread so the interface never freezes. The terminal is restored on exit, on panic
//! and on SIGTERM/SIGHUP/SIGINT/SIGQUIT.

pub mod action;
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

/// Run the terminal reader on a loaded library. Exits the process with status 2 when stdout
/// is not a terminal or the terminal is `dumb`, and with 128+n after signal n.
pub fn run(library: Library) -> anyhow::Result<()> {
    if !std::io::stdout().is_terminal() {
        eprintln!("{NOT_A_TERMINAL}");
        std::process::exit(2);
    }
    if std::env::var("TERM").is_ok_and(|t| t == "dumb") {
        eprintln!("{DUMB_TERMINAL}");
        std::process::exit(2);
    }
    let loaded = Config::load();
    for e in &loaded.errors {
        eprintln!("parallax: {e} (using defaults for it)");
    }
    let theme = Theme::new(&loaded.config.palette, Theme::no_color_from_env());
    let mut state = State::new(library, loaded.config.keymap());
    state.status.error = loaded.errors.first().map(|e| match loaded.errors.len() {
        1 => format!("config: {e}"),
        n => format!("config: {e} (and {} more)", n - 1),
    });
    let options = Arc::new(Options::default());

    let signal = Arc::new(AtomicUsize::new(0));
    for sig in [
        signal_hook::consts::SIGTERM,
        signal_hook::consts::SIGHUP,
        signal_hook::consts::SIGINT,
        signal_hook::consts::SIGQUIT,
    ] {
        signal_hook::flag::register_usize(sig, Arc::clone(&signal), sig as usize)?;
    }

    let mouse = loaded.config.mouse;
    let mut terminal = ratatui::init();
    install_panic_hook(mouse);
    if mouse {
        let _ = execute!(std::io::stdout(), EnableMouseCapture);
    }
    let result = event_loop(&mut terminal, &mut state, &theme, &options, &signal);
    drop(terminal);
    restore_terminal(mouse);
    let sig = signal.load(Ordering::SeqCst);
    if sig != 0 {
        std::process::exit(128 + sig as i32);
    }
    result
}

/// Chain a panic hook in front of ratatui's: only a panic on the interface thread restores the
/// terminal (and releases the mouse); a panic in a comparison worker is reported in the status
/// line instead of tearing the screen down.
fn install_panic_hook(mouse: bool) {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if std::thread::current().name() == Some(WORKER) {
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
    options: &Arc<Options>,
    signal: &AtomicUsize,
) -> anyhow::Result<()> {
    let (tx, rx) = mpsc::channel::<Action>();
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
            actions.extend(state.keymap.translate(&ev, state.mode()));
            dirty = true;
        } else {
            if state.pending.is_some() {
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
            dirty = true;
            match update(state, a) {
                Effect::None => {}
                Effect::Quit => return Ok(()),
                effect @ Effect::Compare { .. } => spawn_compare(state, effect, options, &tx),
            }
        }
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
/// [`Action::CompareDone`] that reports it. The event loop runs this on a worker thread; tests
/// and benchmarks call it directly.
pub fn perform(library: &Library, effect: &Effect, options: &Options) -> Option<Action> {
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
