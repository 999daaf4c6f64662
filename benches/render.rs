//! Rendering benchmarks: one compare frame of two long documents into a `TestBackend`, and the
//! re-wrap a resize costs. A frame lays out only the rows in the viewport, so its cost should not
//! depend on the documents' length; compare `frame_*` across the `paragraphs` arguments.

use parallax::compare::Options;
use parallax::corpus::{Article, Library, Meta, Source};
use parallax::tui::action::{Action, Msg};
use parallax::tui::keymap::Keymap;
use parallax::tui::state::{CompareState, State};
use parallax::tui::theme::Theme;
use parallax::tui::update::update;
use parallax::tui::view;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn main() {
    divan::main();
}

/// An article of `n` paragraphs built from the demo text.
fn long_article(id: &str, seed: &str, n: usize) -> Article {
    let body: Vec<&str> = seed
        .split("\n\n")
        .filter(|p| p.split_whitespace().count() > 8)
        .collect();
    let mut text = format!("{id} headline\n\n");
    for i in 0..n {
        text.push_str(body[i % body.len()]);
        text.push_str(&format!(" (part {i})\n\n"));
    }
    Article::new(
        id.to_string(),
        Meta {
            title: format!("{id} headline"),
            outlet: Some(id.to_string()),
            ..Meta::default()
        },
        Source::Demo {
            name: format!("{id}.txt"),
        },
        text,
        None,
    )
}

fn compare_state(paragraphs: usize, w: u16, h: u16) -> State {
    let demo = parallax::corpus::demo();
    let a = long_article("alpha", &demo.articles[2].text, paragraphs);
    let b = long_article("beta", &demo.articles[3].text, paragraphs);
    let cmp = parallax::compare::compare(&a, &b, &Options::default());
    let lib = Library {
        articles: vec![a, b],
        skipped: vec![],
    };
    let mut state = State::new(lib, Keymap::default());
    let c = CompareState::new(cmp, (0, 1));
    state.compare = Some(c);
    update(
        &mut state,
        Msg::Resize {
            width: w,
            height: h,
        },
    );
    state
}

#[divan::bench(args = [10, 1000])]
fn frame_top(bencher: divan::Bencher, paragraphs: usize) {
    let state = compare_state(paragraphs, 200, 60);
    let theme = Theme::default();
    let mut terminal = Terminal::new(TestBackend::new(200, 60)).expect("backend");
    bencher.bench_local(|| {
        terminal
            .draw(|f| view::view(&state, &theme, f))
            .expect("draw");
    });
}

#[divan::bench(args = [10, 1000])]
fn frame_middle(bencher: divan::Bencher, paragraphs: usize) {
    let mut state = compare_state(paragraphs, 200, 60);
    let half = state.compare.as_ref().map_or(0, |c| c.visible.len() / 2);
    for _ in 0..half {
        update(&mut state, Action::MoveDown);
    }
    let theme = Theme::default();
    let mut terminal = Terminal::new(TestBackend::new(200, 60)).expect("backend");
    bencher.bench_local(|| {
        terminal
            .draw(|f| view::view(&state, &theme, f))
            .expect("draw");
    });
}

#[divan::bench(args = [10, 1000])]
fn resize_rewrap(bencher: divan::Bencher, paragraphs: usize) {
    let mut state = compare_state(paragraphs, 200, 60);
    let mut wide = false;
    bencher.bench_local(|| {
        wide = !wide;
        let width = if wide { 200 } else { 120 };
        update(&mut state, Msg::Resize { width, height: 60 });
    });
}
