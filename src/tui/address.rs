//! The address line of the library screen: a web address typed with the usual line-editing
//! keys, fetched in the background while a spinner turns in the status bar, saved in the
//! library, and its article (a feed's articles) added to the table.
//!
//! Like the rest of the reader, [`edit`] and [`finished`] change the state without I/O; the
//! fetch itself is an [`Effect::Fetch`] the event loop carries out on a thread of its own,
//! answering with [`Msg::Fetched`]. Several addresses may be on their way at once.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use tui_input::Input;
use unicode_width::UnicodeWidthStr;

use crate::corpus::{Library, Source, UniqueIds};
use crate::library::{Address, WebOptions};
use crate::text::sanitize::sanitize_line;

use super::action::{Action, Fetched, Msg};
use super::state::State;
use super::theme::Theme;
use super::update::Effect;

/// Frames of the spinner shown while addresses are fetched.
const SPINNER: [&str; 10] = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"];

/// The address line and the fetches under way.
#[derive(Clone, Debug, Default)]
pub struct AddressBox {
    /// The text typed and the cursor.
    pub input: Input,
    /// True while keys go into the line.
    pub editing: bool,
    /// Addresses being fetched, oldest first.
    pub fetching: Vec<String>,
    /// Frame of the spinner.
    pub frame: usize,
    /// How addresses are fetched.
    pub options: WebOptions,
}

impl AddressBox {
    /// True while an address is being fetched.
    pub fn busy(&self) -> bool {
        !self.fetching.is_empty()
    }

    /// What the status bar says while fetching (`⠙ fetching example.com/story…`), if anything.
    pub fn activity(&self) -> Option<String> {
        let first = self.fetching.first()?;
        let spin = SPINNER[self.frame % SPINNER.len()];
        let shown = short(first, 40);
        Some(match self.fetching.len() {
            1 => format!("{spin} fetching {shown}"),
            n => format!("{spin} fetching {shown} and {} more", n - 1),
        })
    }
}

/// `https://www.example.com/news/story` → `example.com/news/story`, cut to `max` columns.
fn short(url: &str, max: usize) -> String {
    let bare = url
        .split_once("://")
        .map_or(url, |(_, rest)| rest)
        .trim_start_matches("www.");
    let bare = sanitize_line(bare);
    if bare.width() <= max {
        return bare;
    }
    let mut out = String::new();
    for c in bare.chars() {
        if out.width() + 2 > max {
            break;
        }
        out.push(c);
    }
    out.push('…');
    out
}

/// Open the address line, empty.
pub fn open(state: &mut State) {
    let ab = &mut state.library.address;
    ab.editing = true;
    ab.input.reset();
}

/// Apply a key to the address line while it is open.
pub fn edit(state: &mut State, msg: Msg) -> Effect {
    let ab = &mut state.library.address;
    match msg {
        Msg::Do(Action::Back) => {
            ab.editing = false;
            ab.input.reset();
        }
        Msg::Do(Action::Select) => return submit(state),
        other => {
            super::textbox::apply_edit(&mut ab.input, &other);
        }
    }
    Effect::None
}

/// Say `why` in the error style, in place of any message.
fn error(state: &mut State, why: String) {
    state.status.message = None;
    state.status.error = Some(why);
}

/// Enter on the address line: fetch what was typed, or say why it is not an address.
fn submit(state: &mut State) -> Effect {
    let ab = &mut state.library.address;
    let typed = ab.input.value().trim().to_string();
    if typed.is_empty() {
        ab.editing = false;
        return Effect::None;
    }
    let Some(address) = Address::guess(&typed) else {
        error(
            state,
            format!(
                "'{}' is not a web address: give one starting with http:// or https://",
                short(&typed, 60)
            ),
        );
        return Effect::None;
    };
    ab.editing = false;
    ab.input.reset();
    if ab.fetching.contains(&address.url) {
        state
            .status
            .info(format!("already fetching {}", short(&address.url, 60)));
        return Effect::None;
    }
    ab.fetching.push(address.url.clone());
    Effect::Fetch(address.url)
}

/// Time passed: turn the spinner.
pub fn tick(state: &mut State) {
    let ab = &mut state.library.address;
    if ab.busy() {
        ab.frame = ab.frame.wrapping_add(1);
    }
}

/// A fetch finished: add its articles to the table (not those already in it), put the cursor
/// on the first, and say what happened. Answers [`Effect::Analyse`] when articles were added,
/// so stories and relatedness take them in.
pub fn finished(state: &mut State, done: Fetched) -> Effect {
    let lib = &mut state.library;
    if let Some(i) = lib.address.fetching.iter().position(|u| *u == done.url) {
        lib.address.fetching.remove(i);
    }
    let shown = short(&done.url, 60);
    let (batch, note) = match done.result {
        Ok(got) => got,
        Err(why) => {
            error(
                state,
                format!("could not add {shown}: {}", sanitize_line(&why)),
            );
            return Effect::None;
        }
    };
    if batch.articles.is_empty() {
        let why = batch
            .skipped
            .first()
            .map(|s| sanitize_line(&s.reason.to_string()))
            .unwrap_or_else(|| "no article in it".to_string());
        error(state, format!("could not add {shown}: {why}"));
        return Effect::None;
    }
    let same_source = |a: &Source, b: &Source| match (a, b) {
        (
            Source::Web { url, index, .. },
            Source::Web {
                url: u2, index: i2, ..
            },
        ) => url == u2 && index == i2,
        _ => false,
    };
    let mut first = None;
    let mut fresh = Library {
        skipped: batch.skipped,
        ..Library::default()
    };
    let mut ids = UniqueIds::default();
    for a in &lib.library.articles {
        let mut id = a.id.clone();
        ids.settle(&mut id);
    }
    for mut a in batch.articles {
        if let Some(i) = lib
            .library
            .articles
            .iter()
            .position(|b| same_source(&a.source, &b.source))
        {
            first.get_or_insert(i);
            continue;
        }
        ids.settle(&mut a.id);
        fresh.articles.push(a);
    }
    let before = lib.rows.len();
    let titles: Vec<String> = fresh.articles.iter().map(|a| a.title.clone()).collect();
    let added = lib.append(fresh);
    if added > 0 {
        first.get_or_insert(before);
    }
    super::update::show_new_rows(state, before);
    let lib = &mut state.library;
    let mut message = match (added, titles.first()) {
        (0, _) => "already in the table".to_string(),
        (1, Some(t)) => format!("added “{}”", short(t, 70)),
        (n, _) => format!("added {n} articles from {shown}"),
    };
    if let Some(f) = first {
        match lib.visible.iter().position(|&i| i == f) {
            Some(pos) => lib.cursor = pos,
            None => message.push_str(&format!(
                " (hidden by the filter: {} clears it)",
                state.keymap.name_of(Action::Clear)
            )),
        }
    }
    if let Some(n) = note {
        message.push_str(&format!(" — {}", sanitize_line(&n)));
    }
    state.status.error = None;
    state.status.info(message);
    super::update::clamp_library(state);
    if added > 0 && state.library.loading.is_none() {
        state.library.analysing = true;
        return Effect::Analyse;
    }
    Effect::None
}

/// Draw the open address line into `area` (one line): prompt, the text scrolled to keep the
/// cursor in view, the cursor as a reversed cell, and a reminder of Enter and Esc.
pub fn draw_line(ab: &AddressBox, theme: &Theme, area: Rect, buf: &mut Buffer) {
    super::textbox::draw_input(
        &ab.input,
        true,
        " address: ",
        "  enter fetches · esc cancels",
        theme,
        area,
        buf,
    );
}

/// Fetch `url` (from the saved library while its copy is fresh) and read its articles: the
/// work of [`Effect::Fetch`], done on a thread of its own by the event loop.
pub fn fetch(url: &str, options: &WebOptions) -> Msg {
    let result = match Address::parse(url) {
        None => Err("not a web address".to_string()),
        Some(address) => match crate::library::obtain_all(&[address], options, &|_, _| {}).pop() {
            Some(Ok((page, got))) => {
                let mut lib = Library::default();
                let opts = crate::corpus::LoadOptions {
                    max_file_size: options.max_size,
                };
                crate::library::load_saved(&page, &got.entry, &opts, &mut lib);
                Ok((lib, got.note))
            }
            Some(Err(why)) => Err(why),
            None => Err("was not fetched".to_string()),
        },
    };
    Msg::Fetched(Box::new(Fetched {
        url: url.to_string(),
        result,
    }))
}
