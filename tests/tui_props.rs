//! Any sequence of actions, at any terminal size, leaves the reader in a state it can draw:
//! no panic in update or view, and the cursors stay inside their lists.

mod common;

use common::*;
use parallax::tui::action::{Action, Msg};
use parallax::tui::theme::Theme;
use proptest::prelude::*;

fn action() -> impl Strategy<Value = Msg> {
    prop_oneof![
        6 => (0..Action::ALL.len()).prop_map(|i| Msg::Do(Action::ALL[i])),
        2 => prop::char::range('a', 'z').prop_map(Msg::Input),
        1 => Just(Msg::DeleteChar),
        1 => Just(Msg::Tick),
        1 => (1u16..220, 1u16..70).prop_map(|(width, height)| Msg::Resize { width, height }),
        1 => (-6i16..6).prop_map(Msg::Scroll),
        1 => (0u16..220, 0u16..70).prop_map(|(column, row)| Msg::Click { column, row }),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn any_action_sequence_can_be_drawn(
        in_compare in any::<bool>(),
        actions in prop::collection::vec(action(), 0..50),
    ) {
        let mut s = if in_compare {
            handmade_state(90, 28)
        } else {
            state(small_library(), 90, 28)
        };
        let theme = Theme::default();
        for a in actions {
            press(&mut s, &[a]);
            if s.quit {
                break;
            }
            let lib = &s.library;
            prop_assert!(lib.visible.is_empty() || lib.cursor < lib.visible.len());
            if let Some(c) = &s.compare {
                prop_assert!(c.visible.is_empty() || c.cursor < c.visible.len());
                prop_assert!(c.visible.is_empty() || c.top <= c.cursor, "cursor above the view");
            }
            let (w, h) = s.size;
            if w > 0 && h > 0 {
                render(&s, &theme, w, h);
            }
        }
    }
}
