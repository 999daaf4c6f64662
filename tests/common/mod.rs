//! Shared fixtures for the integration tests: a bare article from text; for the reader's tests, small hand-written articles, the bundled demo, a
//! hand-built comparison with every highlight class, and helpers to drive and render state.
#![allow(dead_code)]

use parallax::compare::{
    self, AlignedPair, Change, Comparison, ContrastLabel, Framing, Highlight, LoadedTerm, Options,
    QuoteMatchKind, Row, RowKind, SharedQuote, Side,
};
use parallax::corpus::{Article, Library, Meta, Source};
use parallax::text::Span;
use parallax::tui::action::{Action, Msg};
use parallax::tui::keymap::Keymap;
use parallax::tui::state::State;
use parallax::tui::theme::Theme;
use parallax::tui::update::{Effect, update};
use parallax::tui::{perform, view};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

pub const TEXT_A: &str = "Ministry denies losses in Deir Ezzor

Skip to content

The Defence Ministry said on Monday that no soldiers were killed in the province.

“There were no losses among our troops in the province,” the ministry said in a statement.

Officials called the reports a hoax spread by militants.

The ministry published satellite images of the area.
";

pub const TEXT_B: &str = "Ministry rejects reports of deaths

The Defence Ministry claimed on Monday that no soldiers were killed in the province.

“There were no losses among our troops in the province,” the ministry said in a statement.

The ministry published satellite images of the area.

Independent monitors could not verify the claim.
";

/// An article from bare text: the id doubles as title, no headline paragraph is marked.
pub fn bare_article(id: &str, text: &str) -> Article {
    demo_article(id, id, text, None)
}

/// An article whose first line is its headline (and its title).
pub fn headed_article(id: &str, text: &str) -> Article {
    let first = text.lines().next().unwrap_or("");
    demo_article(id, first, text, Some(Span::new(0, first.len())))
}

/// An article of `text` named `id`, with `title` and the headline span, if any.
fn demo_article(id: &str, title: &str, text: &str, headline: Option<Span>) -> Article {
    Article::new(
        id.to_string(),
        Meta {
            title: title.to_string(),
            ..Meta::default()
        },
        Source::Demo {
            name: format!("{id}.txt"),
        },
        text.to_string(),
        headline,
    )
}

/// An article with its title on the first line.
pub fn article(id: &str, outlet: Option<&str>, date: Option<&str>, text: &str) -> Article {
    let title = text.lines().next().unwrap_or("").to_string();
    let meta = Meta {
        title: title.clone(),
        outlet: outlet.map(str::to_string),
        date: date.map(str::to_string),
        url: None,
        author: None,
    };
    Article::new(
        id.to_string(),
        meta,
        Source::File {
            path: format!("{id}.txt").into(),
            index: None,
        },
        text.to_string(),
        Some(Span::new(0, title.len())),
    )
}

/// Three articles: the pair above and an unrelated one.
pub fn small_library() -> Library {
    Library {
        articles: vec![
            article(
                "ledger",
                Some("Northern Ledger"),
                Some("2017-11-13"),
                TEXT_A,
            ),
            article(
                "garden",
                Some("Garden Weekly"),
                Some("2017-11-14"),
                "Tomatoes ripen late this year\n\nGrowers say the cold spring delayed the harvest by two weeks.\n",
            ),
            article("harbour", Some("Harbour Times"), Some("2017-11-13"), TEXT_B),
        ],
        skipped: vec![
            parallax::corpus::Skipped {
                path: "notes/bad\u{1b}[31m.txt".into(),
                reason: parallax::corpus::SkipReason::NotUtf8 { offset: 12 },
            },
            parallax::corpus::Skipped {
                path: "notes/empty.txt".into(),
                reason: parallax::corpus::SkipReason::Empty,
            },
        ],
    }
}

/// The bundled demo articles.
pub fn demo_library() -> Library {
    parallax::corpus::demo()
}

fn sentence_with(side: &parallax::compare::SideInfo, needle: &str) -> usize {
    side.sentences
        .iter()
        .position(|s| s.slice(&side.text).contains(needle))
        .unwrap_or_else(|| panic!("no sentence with {needle:?}"))
}

fn span_of(text: &str, needle: &str) -> Span {
    let i = text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not found"));
    Span::new(i, i + needle.len())
}

/// A comparison of `small_library()` articles 0 (A) and 2 (B) with hand-made alignment and
/// highlights of every class, independent of how the engine's internals evolve.
pub fn handmade(lib: &Library) -> Comparison {
    let mut c = compare::compare(&lib.articles[0], &lib.articles[2], &Options::default());
    let pairs = [
        (
            sentence_with(&c.a, "said on Monday"),
            sentence_with(&c.b, "claimed on Monday"),
            0.82,
        ),
        (
            sentence_with(&c.a, "There were no losses"),
            sentence_with(&c.b, "There were no losses"),
            1.0,
        ),
        (
            sentence_with(&c.a, "satellite images"),
            sentence_with(&c.b, "satellite images"),
            1.0,
        ),
    ];
    let mut rows = Vec::new();
    let (mut i, mut j) = (0, 0);
    let one = |kind, a: Vec<usize>, b: Vec<usize>| Row {
        kind,
        a,
        b,
        score: None,
        joined: None,
    };
    for &(pa, pb, score) in &pairs {
        while i < pa {
            let kind = if c.a.excluded.contains(&i) {
                RowKind::Excluded
            } else {
                RowKind::OnlyA
            };
            rows.push(one(kind, vec![i], vec![]));
            i += 1;
        }
        while j < pb {
            let kind = if c.b.excluded.contains(&j) {
                RowKind::Excluded
            } else {
                RowKind::OnlyB
            };
            rows.push(one(kind, vec![], vec![j]));
            j += 1;
        }
        rows.push(Row {
            kind: RowKind::Aligned,
            a: vec![pa],
            b: vec![pb],
            score: Some(score),
            joined: None,
        });
        i = pa + 1;
        j = pb + 1;
    }
    while i < c.a.sentences.len() {
        let kind = if c.a.excluded.contains(&i) {
            RowKind::Excluded
        } else {
            RowKind::OnlyA
        };
        rows.push(one(kind, vec![i], vec![]));
        i += 1;
    }
    while j < c.b.sentences.len() {
        let kind = if c.b.excluded.contains(&j) {
            RowKind::Excluded
        } else {
            RowKind::OnlyB
        };
        rows.push(one(kind, vec![], vec![j]));
        j += 1;
    }
    c.rows = rows;
    c.alignment = pairs
        .iter()
        .map(|&(a, b, score)| AlignedPair {
            a,
            b,
            score,
            moved: false,
        })
        .collect();
    let quote = "There were no losses among our troops in the province,";
    c.shared_quotes = vec![SharedQuote {
        a: span_of(&c.a.text, quote),
        b: span_of(&c.b.text, quote),
        kind: QuoteMatchKind::Exact,
        edits: vec![],
        score: 1.0,
        speaker: Some("the ministry".to_string()),
    }];
    c.framing = vec![Framing {
        a: pairs[0].0,
        b: pairs[0].1,
        changes: vec![Change {
            a: Some(span_of(&c.a.text, "said on")),
            b: Some(span_of(&c.b.text, "claimed on")),
            label: ContrastLabel::Attribution,
        }],
        labels: vec![ContrastLabel::Attribution],
        word_diff: true,
    }];
    c.loaded_terms = vec![
        LoadedTerm {
            side: Side::A,
            span: span_of(&c.a.text, "hoax"),
            text: "hoax".to_string(),
            term: "hoax".to_string(),
            category: "doubt".to_string(),
            reason: "dismisses a claim without engaging with it".to_string(),
            only_here: true,
            voice: parallax::compare::Voice::Outlet,
            speaker: None,
        },
        LoadedTerm {
            side: Side::A,
            span: span_of(&c.a.text, "militants"),
            text: "militants".to_string(),
            term: "militant".to_string(),
            category: "labels".to_string(),
            reason: "a label chosen over a neutral description".to_string(),
            only_here: false,
            voice: parallax::compare::Voice::Outlet,
            speaker: None,
        },
    ];
    c.summary.aligned = 3;
    c.summary.shared_quotes = 1;
    c.summary.framing_differences = 1;
    c.highlights = Highlight::all(&c);
    c
}

/// A state over `lib` at `w`×`h`.
pub fn state(lib: Library, w: u16, h: u16) -> State {
    let mut s = State::new(lib, Keymap::default());
    update(
        &mut s,
        Msg::Resize {
            width: w,
            height: h,
        },
    );
    s
}

/// Apply actions (or other messages) in order, carrying out comparisons synchronously.
pub fn press<M: Clone + Into<Msg>>(s: &mut State, actions: &[M]) {
    for a in actions {
        let effect = update(s, a.clone());
        run_effect(s, effect);
    }
}

/// Carry out an effect synchronously (the worker thread's job).
pub fn run_effect(s: &mut State, effect: Effect) {
    let lib = s.library.library.clone();
    if let Some(done) = perform(&lib, &effect, &Options::default()) {
        update(s, done);
    }
}

/// Open the compare screen on a hand-made comparison of `small_library()` (A = 0, B = 2).
pub fn handmade_state(w: u16, h: u16) -> State {
    let lib = small_library();
    let cmp = handmade(&lib);
    let mut s = state(lib, w, h);
    let effect = update(&mut s, Action::MarkA);
    assert_eq!(effect, Effect::None);
    s.library.cursor = 2;
    update(&mut s, Action::MarkB);
    let Effect::Compare { request, a, b } = update(&mut s, Action::Select) else {
        panic!("no comparison started");
    };
    update(
        &mut s,
        Msg::CompareDone(Box::new(parallax::tui::action::Finished {
            request,
            a,
            b,
            comparison: cmp,
        })),
    );
    assert!(s.compare.is_some());
    s
}

/// Render the state into a buffer.
pub fn render(s: &State, theme: &Theme, w: u16, h: u16) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("test backend");
    terminal.draw(|f| view::view(s, theme, f)).expect("draw");
    terminal.backend().buffer().clone()
}

/// The text of a buffer, one string per line (trailing spaces trimmed).
pub fn lines(buf: &Buffer) -> Vec<String> {
    let area: Rect = buf.area;
    (0..area.height)
        .map(|y| {
            let mut s = String::new();
            for x in 0..area.width {
                s.push_str(buf[(x, y)].symbol());
            }
            s.trim_end().to_string()
        })
        .collect()
}

/// The whole screen as one string.
pub fn screen(buf: &Buffer) -> String {
    lines(buf).join("\n")
}
