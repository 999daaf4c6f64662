//! Searching the text of the compare screen, stepping through the matches (wrapping round at
//! either end, as vim and less do), and the jump list that takes the cursor back to where a
//! jump left from.

use crate::compare::Side;

use crate::tui::action::Action;
use crate::tui::keymap::Keymap;
use crate::tui::state::{CompareState, Hit, Status};

/// Most places the jump list remembers.
const JUMPS_KEPT: usize = 100;

/// Find every occurrence of the query (case-insensitive) in the visible rows.
pub(super) fn run_search(c: &mut CompareState) {
    c.search.hits.clear();
    c.search.current = None;
    let q = c.search.query.to_lowercase();
    if q.is_empty() {
        return;
    }
    for &ri in &c.visible {
        for side in [Side::A, Side::B] {
            let text = &c.model.rows[ri].sides.get(side).text;
            for (start, end) in find_all(text, &q) {
                c.search.hits.push(Hit {
                    row: ri,
                    side,
                    range: start..end,
                });
            }
        }
    }
}

/// Byte ranges of `text` whose lowercase form is `q` (already lowercase), without overlaps.
fn find_all(text: &str, q: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let starts: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
    let mut k = 0;
    while k < starts.len() {
        let start = starts[k];
        let mut lowered = String::new();
        let mut end = start;
        for ch in text[start..].chars() {
            if lowered.len() >= q.len() {
                break;
            }
            lowered.extend(ch.to_lowercase());
            end += ch.len_utf8();
        }
        if lowered == q {
            out.push((start, end));
            k = starts.partition_point(|&s| s < end);
        } else {
            k += 1;
        }
    }
    out
}

/// Which way a step went.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Step {
    /// To the next (or previous) hit without passing an end.
    Plain,
    /// Past the last hit, round to the first (or past the first, round to the last).
    Wrapped,
}

/// Go to the next (previous) match: after the current one, or from the cursor's row when
/// `from_cursor` (a new search starts on the cursor's row). Wraps round at either end.
pub(super) fn step_match(c: &mut CompareState, forward: bool, from_cursor: bool) -> Option<Step> {
    let hits = &c.search.hits;
    if hits.is_empty() {
        return None;
    }
    let row = c.cursor_row().unwrap_or(0);
    let found = match (c.search.current, from_cursor) {
        (Some(i), false) if forward => (i + 1 < hits.len()).then_some(i + 1),
        (Some(i), false) => i.checked_sub(1),
        _ if forward => hits.iter().position(|h| h.row >= row),
        _ => hits.iter().rposition(|h| h.row <= row),
    };
    let (i, step) = match found {
        Some(i) => (i, Step::Plain),
        None if forward => (0, Step::Wrapped),
        None => (hits.len() - 1, Step::Wrapped),
    };
    c.search.current = Some(i);
    let h = &hits[i];
    if let Ok(pos) = c.visible.binary_search(&h.row) {
        c.cursor = pos;
    }
    c.focus = h.side;
    Some(step)
}

/// The note added to a jump's message when it wrapped round.
pub(super) fn wrapped_note(step: Step, forward: bool) -> &'static str {
    match (step, forward) {
        (Step::Plain, _) => "",
        (Step::Wrapped, true) => " · wrapped round to the top",
        (Step::Wrapped, false) => " · wrapped round to the bottom",
    }
}

/// Say where `n`/`N` went: the match number, and whether the search wrapped.
pub(super) fn match_step_msg(
    c: &mut CompareState,
    forward: bool,
    status: &mut Status,
    keymap: &Keymap,
) {
    // After Esc cleared the highlights, n and N find the last search again from the cursor.
    let again = c.search.hits.is_empty() && !c.search.query.is_empty();
    if again {
        run_search(c);
    }
    if c.search.hits.is_empty() {
        if c.search.query.is_empty() {
            status.info(format!(
                "no search yet: press {} to search",
                keymap.name_of(Action::Search)
            ));
        } else {
            status.info(format!(
                "no match for '{}'",
                crate::text::sanitize::sanitize_line(&c.search.query)
            ));
        }
        return;
    }
    if let Some(step) = step_match(c, forward, again) {
        let i = c.search.current.unwrap_or(0);
        status.info(format!(
            "match {} of {}{}",
            i + 1,
            c.search.hits.len(),
            wrapped_note(step, forward)
        ));
    }
}

/// Remember row `from` as a place to come back to, once the cursor left it by a jump.
pub(super) fn record_jump(c: &mut CompareState, from: usize) {
    if c.jumps.back.last() != Some(&from) {
        c.jumps.back.push(from);
        if c.jumps.back.len() > JUMPS_KEPT {
            c.jumps.back.remove(0);
        }
    }
    c.jumps.forward.clear();
}

/// Go back (or forward again) in the jump list, skipping places hidden since.
pub(super) fn jump_back(c: &mut CompareState, back: bool, status: &mut Status, keymap: &Keymap) {
    let Some(here) = c.cursor_row() else { return };
    loop {
        let next = if back {
            c.jumps.back.pop()
        } else {
            c.jumps.forward.pop()
        };
        let Some(row) = next else {
            status.info(if back {
                format!(
                    "no earlier place: jumps ({}, {}, {}, {}, {}) are remembered",
                    keymap.name_of(Action::NextMatch),
                    keymap.name_of(Action::NextQuote),
                    keymap.name_of(Action::NextFraming),
                    keymap.name_of(Action::NextLoaded),
                    keymap.name_of(Action::JumpMoved),
                )
            } else {
                "no later place to go forward to".to_string()
            });
            return;
        };
        if row == here {
            continue;
        }
        let Ok(pos) = c.visible.binary_search(&row) else {
            continue;
        };
        if back {
            c.jumps.forward.push(here);
        } else {
            c.jumps.back.push(here);
        }
        c.cursor = pos;
        c.current = None;
        status.info(format!(
            "{} — {} back, {} forward",
            if back { "back" } else { "forward" },
            keymap.name_of(Action::JumpBack),
            keymap.name_of(Action::JumpForward)
        ));
        return;
    }
}

#[cfg(test)]
mod tests {
    use super::find_all;

    #[test]
    fn matches_ignore_case_beyond_ascii_and_keep_byte_ranges() {
        let text = "Über den Fluss — ÜBER alles";
        let hits = find_all(text, "über");
        assert_eq!(hits.len(), 2);
        assert_eq!(&text[hits[1].0..hits[1].1], "ÜBER");
        assert_eq!(find_all("aaaa", "aa"), vec![(0, 2), (2, 4)]);
    }
}
