//! The story screen in a `TestBackend`: three outlets at 120×40 and four at 200×50 — outlet
//! names, omissions, the facts' text, coverage, moving and jumping, Enter opening the pair at
//! the fact and Esc coming back; marking three articles and a story's key opening it.

mod common;

use common::*;
use parallax::compare::story::compare_many;
use parallax::compare::{HighlightKind, Options};
use parallax::corpus::Library;
use parallax::tui::action::{Action, Msg};
use parallax::tui::state::State;
use parallax::tui::theme::Theme;
use parallax::tui::update::{Effect, update};

const BRIDGE: [(&str, &str); 3] = [
    ("harbor-daily", "Harbor Daily"),
    ("valley-ledger", "The Valley Ledger"),
    ("metro-watch", "Metro Watch"),
];

/// The three bridge-closure articles of `tests/fixtures/story/`, and a fourth written here.
fn bridge(four: bool) -> Library {
    let mut lib = Library::default();
    for (id, outlet) in BRIDGE {
        let text =
            std::fs::read_to_string(format!("tests/fixtures/story/{id}.md")).expect("fixture");
        let body = text.split("\n---\n").nth(1).expect("front matter").trim();
        let body = body.trim_start_matches("# ");
        lib.articles
            .push(article(id, Some(outlet), Some("2024-03-14"), body));
    }
    if four {
        lib.articles.push(article(
            "river-post",
            Some("River Post"),
            Some("2024-03-15"),
            "Old Mill Bridge shut for months, city engineer says\n\n\
             The city closed the Old Mill Bridge on Wednesday after state inspectors found \
             cracks in two steel beams under its main span.\n\n\
             City engineer Tomas Reyes said that repairs could take at least six months.\n\n\
             Shop owners near the bridge said business had already dropped.",
        ));
    }
    lib
}

/// The story of every article of `lib` opened in a state of `w`×`h`.
fn story_state(lib: Library, w: u16, h: u16) -> State {
    let n = lib.articles.len();
    let mut s = state(lib, w, h);
    let effect = update(&mut s, Msg::OpenStory((0..n).collect()));
    assert!(matches!(effect, Effect::Story { .. }), "{effect:?}");
    assert!(s.pending.is_some(), "a status shows while it computes");
    let text = screen(&render(&s, &Theme::default(), w, h));
    assert!(
        text.contains(&format!("comparing the story of {n} articles")),
        "{text}"
    );
    run_effect(&mut s, effect);
    assert!(s.story.is_some(), "the story opened");
    s
}

fn grid(s: &State, w: u16, h: u16) -> String {
    screen(&render(s, &Theme::default(), w, h))
}

#[test]
fn three_outlets_at_120_by_40_show_names_facts_and_omissions() {
    let s = story_state(bridge(false), 120, 40);
    let text = grid(&s, 120, 40);
    for (_, outlet) in BRIDGE {
        assert!(text.contains(outlet), "{outlet} heads a column:\n{text}");
    }
    assert!(text.contains("Old Mill Bridge"), "{text}");
    assert!(
        text.contains("— not reported —"),
        "an omission is shown:\n{text}"
    );
    assert!(text.contains("fact 1/"), "{text}");
    // Every line fits: no cell spills past the screen, columns are side by side.
    let header = text.lines().nth(1).unwrap();
    let x = |name: &str| header.find(name).unwrap();
    assert!(
        x("Harbor Daily") < x("The Valley Ledger") && x("The Valley Ledger") < x("Metro Watch")
    );
    // The Valley Ledger does not report the detours: that fact's Valley Ledger cell is empty.
    let story = s.story.as_ref().unwrap();
    let detour = story
        .cells
        .iter()
        .position(|row| row[0].as_ref().is_some_and(|c| c.text.contains("Detours")))
        .expect("Harbor Daily's detours fact");
    assert!(
        story.cells[detour][1].is_none(),
        "Valley Ledger leaves the detours out"
    );
}

#[test]
fn four_outlets_at_200_by_50_fit_side_by_side() {
    let s = story_state(bridge(true), 200, 50);
    let text = grid(&s, 200, 50);
    let header = text.lines().nth(1).unwrap();
    for name in [
        "Harbor Daily",
        "The Valley Ledger",
        "Metro Watch",
        "River Post",
    ] {
        assert!(header.contains(name), "{name} in the header: {header}");
    }
    assert!(
        !header.contains('▸'),
        "nothing scrolled out of view: {header}"
    );
    assert!(text.contains("Tomas Reyes"), "{text}");
    // Too narrow for four columns: they scroll sideways, and the header says more are right.
    let mut narrow = story_state(bridge(true), 100, 40);
    let text = grid(&narrow, 100, 40);
    let header = text.lines().nth(1).unwrap();
    assert!(header.contains('▸'), "{header}");
    assert!(!header.contains("River Post"), "{header}");
    press(
        &mut narrow,
        &[Action::NextOutlet, Action::NextOutlet, Action::NextOutlet],
    );
    let text = grid(&narrow, 100, 40);
    let header = text.lines().nth(1).unwrap();
    assert!(header.contains("River Post"), "{header}");
    assert!(header.contains('◂'), "{header}");
}

#[test]
fn keys_move_between_facts_and_jump_to_omissions_and_quotations() {
    let mut s = story_state(bridge(false), 120, 40);
    press(&mut s, &[Action::MoveDown]);
    assert_eq!(s.story.as_ref().unwrap().cursor, 1);
    press(&mut s, &[Action::Top]);
    // An omission: a fact two outlets report and the third leaves out; the cursor lands on
    // the empty cell.
    press(&mut s, &[Action::NextOmission]);
    let st = s.story.as_ref().unwrap();
    let fact = &st.story.facts[st.cursor];
    assert!(fact.carried_by.len() >= 2 && fact.omitted_by.contains(&st.column));
    let status = s.status.message.clone().unwrap_or_default();
    assert!(
        status.starts_with("facts an outlet leaves out 1 of"),
        "{status}"
    );
    let text = grid(&s, 120, 40);
    assert!(
        text.contains("leaves it out") || text.contains("leave it out"),
        "{text}"
    );
    // The mayor's quotation, carried by all three.
    press(&mut s, &[Action::Top, Action::NextQuote]);
    let st = s.story.as_ref().unwrap();
    let t = st.current.clone().expect("a quotation is current");
    let cell = st.cells[t.fact][t.article].as_ref().unwrap();
    assert!(
        cell.text[t.range.unwrap()].contains("take a chance"),
        "{}",
        cell.text
    );
    let text = grid(&s, 120, 40);
    assert!(
        text.contains("quoted by Harbor Daily, The Valley Ledger and Metro Watch"),
        "{text}"
    );
    // Past the last one, the jump wraps round and says so.
    let n = st.quotations.len();
    for _ in 0..n {
        press(&mut s, &[Action::NextQuote]);
    }
    let status = s.status.message.clone().unwrap_or_default();
    assert!(status.contains("wrapped round to the top"), "{status}");
}

#[test]
fn marks_are_styled_as_in_the_comparison() {
    let mut s = story_state(bridge(false), 120, 40);
    press(&mut s, &[Action::NextQuote]);
    let theme = Theme::default();
    let buf = render(&s, &theme, 120, 40);
    let st = s.story.as_ref().unwrap();
    let shared = st
        .cells
        .iter()
        .flatten()
        .flatten()
        .flat_map(|c| &c.marks)
        .any(|m| m.kind == HighlightKind::SharedQuote);
    assert!(shared, "the mayor's words are a shared quote");
    // Somewhere on screen a cell is drawn in the shared-quote colour, underlined.
    let area = buf.area;
    let quoted = (0..area.height).any(|y| {
        (0..area.width).any(|x| {
            let c = &buf[(x, y)];
            c.fg == theme.quote.fg.unwrap()
                && c.modifier.contains(ratatui::style::Modifier::UNDERLINED)
        })
    });
    assert!(quoted);
}

#[test]
fn enter_opens_the_pair_at_the_fact_and_back_returns_to_the_story() {
    let mut s = story_state(bridge(false), 120, 40);
    press(&mut s, &[Action::NextQuote]);
    let before = s.story.as_ref().unwrap().cursor;
    press(&mut s, &[Action::Select]);
    let c = s.compare.as_ref().expect("the pair opened");
    let row = c.cursor_row().unwrap();
    let text = |side| c.model.rows[row].sides.get(side).text.clone();
    let both = format!(
        "{} {}",
        text(parallax::compare::Side::A),
        text(parallax::compare::Side::B)
    );
    assert!(both.contains("take a chance"), "at the fact: {both}");
    let screen_text = grid(&s, 120, 40);
    assert!(screen_text.contains("back to the story"), "{screen_text}");
    press(&mut s, &[Action::Back]);
    assert!(s.compare.is_none());
    let st = s.story.as_ref().expect("back on the story");
    assert_eq!(st.cursor, before);
    assert!(grid(&s, 120, 40).contains("fact "));
    press(&mut s, &[Action::Back]);
    assert!(s.story.is_none(), "then back to the library");
}

#[test]
fn three_marked_articles_or_a_storys_key_open_the_story() {
    let mut s = state(bridge(false), 120, 40);
    press(
        &mut s,
        &[Action::MarkNext, Action::MoveDown, Action::MarkNext],
    );
    press(&mut s, &[Action::MoveDown, Action::MarkNext]);
    assert_eq!(s.library.mark_more, vec![2]);
    let text = grid(&s, 120, 40);
    assert!(text.contains("+1"), "{text}");
    press(&mut s, &[Action::Select]);
    let st = s
        .story
        .as_ref()
        .expect("Enter opened the story of the three marked");
    assert_eq!(st.articles, vec![0, 1, 2]);
    press(&mut s, &[Action::Back]);
    // The library groups the three into one story: its key opens it.
    assert!(
        s.library
            .stories
            .of(0)
            .is_some_and(|x| x.members.len() == 3)
    );
    press(&mut s, &[Action::OpenStory]);
    assert!(s.story.is_some());
}

#[test]
fn outlet_names_never_carry_control_sequences() {
    let mut lib = bridge(false);
    lib.articles[0].outlet = Some("Evil\x1b[31m Gazette\x07".to_string());
    let story = compare_many(&lib.articles, &Options::default());
    assert_eq!(story.articles.len(), 3);
    let s = story_state(lib, 120, 40);
    let buf = render(&s, &Theme::default(), 120, 40);
    let text = screen(&buf);
    assert!(!text.contains('\x1b') && !text.contains('\x07'), "{text}");
    assert!(text.contains("Gazette"), "{text}");
}

#[test]
fn the_help_lists_the_story_keys() {
    let mut s = story_state(bridge(false), 120, 40);
    press(&mut s, &[Action::Help]);
    let p = s.popup.as_ref().expect("help");
    let all = format!("{:?}", p.lines);
    for want in [
        "next fact an outlet leaves out",
        "next quotation",
        "compare this outlet",
    ] {
        assert!(all.contains(want), "{want}");
    }
}

#[test]
fn e_exports_the_story_as_its_html_page() {
    let mut s = story_state(bridge(false), 120, 40);
    let dir = tempfile::tempdir().unwrap();
    let done = parallax::tui::export(&s, dir.path());
    update(&mut s, done);
    let said = s.status.message.clone().expect("the path written");
    assert!(
        said.contains("parallax-story-harbor-daily-and-2-more.html"),
        "{said}"
    );
    let page = std::fs::read_to_string(
        dir.path()
            .join("parallax-story-harbor-daily-and-2-more.html"),
    )
    .unwrap();
    for (_, outlet) in BRIDGE {
        assert!(page.contains(outlet), "{outlet}");
    }
    assert_eq!(update(&mut s, Action::Export), Effect::Export);
}
