//! Searching the text of the compare screen and stepping through the matches.

use crate::compare::Side;

use crate::tui::action::Action;
use crate::tui::keymap::Keymap;
use crate::tui::state::{CompareState, Hit};

pub(super) fn run_search(c: &mut CompareState) {
    c.search.hits.clear();
    c.search.current = None;
    let q = c.search.query.to_ascii_lowercase();
    if q.is_empty() {
        return;
    }
    for &ri in &c.visible {
        for side in [Side::A, Side::B] {
            let text = c.model.rows[ri].sides.get(side).text.to_ascii_lowercase();
            let mut from = 0;
            while let Some(i) = text.get(from..).and_then(|t| t.find(&q)) {
                let start = from + i;
                c.search.hits.push(Hit {
                    row: ri,
                    side,
                    range: start..start + q.len(),
                });
                from = start + q.len().max(1);
            }
        }
    }
}

pub(super) fn step_match(c: &mut CompareState, forward: bool, from_cursor: bool) -> bool {
    let hits = &c.search.hits;
    if hits.is_empty() {
        return false;
    }
    let row = c.cursor_row().unwrap_or(0);
    let next = match (c.search.current, from_cursor) {
        (Some(i), false) if forward => (i + 1 < hits.len()).then_some(i + 1),
        (Some(i), false) => i.checked_sub(1),
        _ if forward => hits.iter().position(|h| h.row >= row),
        _ => hits.iter().rposition(|h| h.row <= row),
    };
    let Some(i) = next else { return false };
    c.search.current = Some(i);
    let h = &hits[i];
    if let Ok(pos) = c.visible.binary_search(&h.row) {
        c.cursor = pos;
    }
    c.focus = h.side;
    true
}

pub(super) fn match_step_msg(
    c: &mut CompareState,
    forward: bool,
    status: &mut crate::tui::state::Status,
    keymap: &Keymap,
) {
    if c.search.hits.is_empty() {
        status.info(format!(
            "no search: press {} to search",
            keymap.name_of(Action::Search)
        ));
    } else if step_match(c, forward, false) {
        let i = c.search.current.unwrap_or(0);
        status.info(format!("match {} of {}", i + 1, c.search.hits.len()));
    } else {
        status.info(if forward {
            "no more matches below"
        } else {
            "no more matches above"
        });
    }
}
