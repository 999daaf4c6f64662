//! The terminal around the reader: taking it over, giving it back, and keeping it sane whatever
//! ends or stops the program.
//!
//! - **Signals that end the program** (SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGUSR1, SIGUSR2,
//!   SIGALRM, SIGVTALRM, SIGPROF, SIGXCPU, SIGXFSZ, SIGIO, and SIGPWR on Linux) are watched on a
//!   thread of their own: the event loop leaves, the terminal is restored and the program
//!   exits with 128+n. If the loop has not left within [`SIGNAL_GRACE`] (the terminal went
//!   away and reading it never returns), the watching thread restores the terminal and exits.
//! - **Stopping**: SIGTSTP (`kill -TSTP`, or Ctrl-Z, which raw mode delivers as a key) gives
//!   the terminal back before the program stops; on SIGCONT (`fg`) the reader takes it again
//!   and redraws the whole screen, also after a stop it could not catch (SIGSTOP). SIGTTIN
//!   and SIGTTOU keep their default: they stop a reader started in the background before it
//!   touches a terminal that belongs to someone else.
//! - **Crashes**: on SIGABRT (an abort, including the one that follows a stack overflow),
//!   SIGBUS, SIGTRAP and SIGSYS a signal handler writes the restoring sequences and puts back
//!   the terminal modes saved at start-up — both async-signal-safe calls — before the default
//!   action ends the program. A panic on the interface thread restores the terminal through
//!   the panic hook; a panic on any other thread (a comparison, a loader) is reported where it
//!   happened and leaves the screen alone.

use std::io::{self, Write};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, OnceLock};
use std::time::Duration;

use ratatui::DefaultTerminal;
use ratatui::crossterm::cursor::Show;
use ratatui::crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{Clear, ClearType, EnterAlternateScreen, enable_raw_mode};
use signal_hook::consts::signal::*;

/// How long a signal that ends the program waits for the event loop to restore the terminal
/// itself before the signal thread does it and exits.
pub const SIGNAL_GRACE: Duration = Duration::from_millis(500);

/// Signals whose default action ends the program, handled by leaving the reader cleanly.
#[cfg(target_os = "linux")]
const ENDING: &[i32] = &[
    SIGTERM,
    SIGHUP,
    SIGINT,
    SIGQUIT,
    SIGUSR1,
    SIGUSR2,
    SIGALRM,
    SIGVTALRM,
    SIGPROF,
    SIGXCPU,
    SIGXFSZ,
    SIGIO,
    libc::SIGPWR,
];
/// Signals whose default action ends the program, handled by leaving the reader cleanly.
#[cfg(not(target_os = "linux"))]
const ENDING: &[i32] = &[
    SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM, SIGVTALRM, SIGPROF, SIGXCPU,
    SIGXFSZ, SIGIO,
];

/// Signals of a crash: the terminal is restored from the signal handler itself.
const FATAL: &[i32] = &[SIGABRT, SIGBUS, SIGTRAP, SIGSYS];

/// What the signal thread tells the event loop.
#[derive(Debug, Default)]
pub struct Signals {
    ending: AtomicUsize,
    suspend: AtomicBool,
    resumed: AtomicBool,
}

impl Signals {
    /// The signal that asks the reader to end, or 0.
    pub fn ending(&self) -> usize {
        self.ending.load(Ordering::SeqCst)
    }

    /// True once after a request to stop (SIGTSTP).
    pub fn take_suspend(&self) -> bool {
        self.suspend.swap(false, Ordering::SeqCst)
    }

    /// True once after the program was continued (SIGCONT).
    pub fn take_resumed(&self) -> bool {
        self.resumed.swap(false, Ordering::SeqCst)
    }
}

/// Start watching the signals (see the module documentation) on a thread of their own.
pub fn watch_signals(mouse: bool) -> io::Result<Arc<Signals>> {
    let flags = Arc::new(Signals::default());
    let mut wanted: Vec<i32> = ENDING.to_vec();
    wanted.extend([SIGTSTP, SIGCONT]);
    let mut signals = signal_hook::iterator::Signals::new(&wanted)?;
    let seen = Arc::clone(&flags);
    std::thread::Builder::new()
        .name("parallax-signals".into())
        .spawn(move || {
            for sig in signals.forever() {
                match sig {
                    SIGTSTP => seen.suspend.store(true, Ordering::SeqCst),
                    SIGCONT => seen.resumed.store(true, Ordering::SeqCst),
                    _ => {
                        seen.ending.store(sig as usize, Ordering::SeqCst);
                        std::thread::sleep(SIGNAL_GRACE);
                        restore(mouse);
                        std::process::exit(128 + sig);
                    }
                }
            }
        })?;
    Ok(flags)
}

/// The thread that draws the interface: only a panic there tears the screen down.
static UI_THREAD: OnceLock<std::thread::ThreadId> = OnceLock::new();

/// Take the terminal over for the reader: raw mode, alternate screen, the mouse when `mouse`,
/// the panic hook and the crash guard.
pub fn enter(mouse: bool) -> DefaultTerminal {
    save_modes();
    let terminal = ratatui::init();
    install_panic_hook(mouse);
    install_crash_guard(mouse);
    if mouse {
        let _ = execute!(io::stdout(), EnableMouseCapture);
    }
    terminal
}

/// Release the mouse, show the cursor, leave raw mode and the alternate screen.
pub fn restore(mouse: bool) {
    if mouse {
        let _ = execute!(io::stdout(), DisableMouseCapture);
    }
    let _ = execute!(io::stdout(), Show);
    ratatui::restore();
}

/// Give the terminal back and stop the program (as SIGTSTP would have); once continued, take
/// the terminal again and have the next frame redraw everything.
pub fn suspend(terminal: &mut DefaultTerminal, mouse: bool) -> io::Result<()> {
    restore(mouse);
    let _ = io::stdout().flush();
    signal_hook::low_level::raise(SIGSTOP)?;
    resume(terminal, mouse)
}

/// Take the terminal again after the program was continued, and clear it so the next frame
/// draws every cell (the shell, or whatever ran meanwhile, has drawn over the screen).
pub fn resume(terminal: &mut DefaultTerminal, mouse: bool) -> io::Result<()> {
    enable_raw_mode()?;
    execute!(io::stdout(), EnterAlternateScreen, Clear(ClearType::All))?;
    if mouse {
        execute!(io::stdout(), EnableMouseCapture)?;
    }
    // An empty frame makes the next one differ from it in every cell that has content, so it
    // is drawn whole. (ratatui's own `clear` asks the terminal where its cursor is, which a
    // terminal may never answer.)
    terminal.draw(|_| {})?;
    Ok(())
}

/// Chain a panic hook in front of ratatui's: only a panic on the interface thread restores the
/// terminal (and releases the mouse); a panic in a comparison, an export or a loader is
/// reported in the status line or the skipped files instead of tearing the screen down.
fn install_panic_hook(mouse: bool) {
    let _ = UI_THREAD.set(std::thread::current().id());
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if UI_THREAD.get() != Some(&std::thread::current().id()) {
            return;
        }
        restore(mouse);
        previous(info);
    }));
}

/// The terminal's modes before the reader changed them, and the descriptor they belong to.
static SAVED: OnceLock<(i32, libc::termios)> = OnceLock::new();

/// Whether the mouse was captured, for the crash guard.
static MOUSE: AtomicBool = AtomicBool::new(false);

/// Remember the terminal's modes, read from the descriptor raw mode is set on (standard
/// input when it is a terminal, else standard output, which the reader requires to be one).
fn save_modes() {
    // SAFETY: isatty and tcgetattr only read; the termios struct is ours.
    unsafe {
        let fd = if libc::isatty(libc::STDIN_FILENO) == 1 {
            libc::STDIN_FILENO
        } else {
            libc::STDOUT_FILENO
        };
        let mut t: libc::termios = std::mem::zeroed();
        if libc::tcgetattr(fd, &mut t) == 0 {
            let _ = SAVED.set((fd, t));
        }
    }
}

/// What restores the screen: mouse reporting off (every mode crossterm turns on), cursor
/// shown, main screen back.
const RESTORE_MOUSE: &[u8] = b"\x1b[?1006l\x1b[?1015l\x1b[?1003l\x1b[?1002l\x1b[?1000l";
const RESTORE_SCREEN: &[u8] = b"\x1b[?25h\x1b[?1049l";

/// Restore the terminal from inside a signal handler: only `write` and `tcsetattr`, both
/// async-signal-safe.
fn restore_from_handler() {
    // SAFETY: write and tcsetattr are async-signal-safe; the buffers are static and SAVED was
    // set before any handler was registered.
    unsafe {
        if MOUSE.load(Ordering::Relaxed) {
            libc::write(
                libc::STDOUT_FILENO,
                RESTORE_MOUSE.as_ptr().cast(),
                RESTORE_MOUSE.len(),
            );
        }
        libc::write(
            libc::STDOUT_FILENO,
            RESTORE_SCREEN.as_ptr().cast(),
            RESTORE_SCREEN.len(),
        );
        if let Some((fd, t)) = SAVED.get() {
            libc::tcsetattr(*fd, libc::TCSANOW, t);
        }
    }
}

/// Restore the terminal on SIGABRT, SIGBUS, SIGTRAP and SIGSYS, then let the signal's default
/// action end the program as it would have.
fn install_crash_guard(mouse: bool) {
    MOUSE.store(mouse, Ordering::Relaxed);
    for &sig in FATAL {
        // SAFETY: the action only calls async-signal-safe functions (write, tcsetattr,
        // sigaction, sigprocmask, raise, abort).
        let _ = unsafe {
            signal_hook::low_level::register(sig, move || {
                restore_from_handler();
                let _ = signal_hook::low_level::emulate_default_handler(sig);
            })
        };
    }
}
