//! Screen layout as data: each screen's areas as a struct of `Rect`s, computed from the
//! terminal area alone so update (scrolling, clicks) and view agree.

use ratatui::layout::{Constraint, Layout, Rect};

/// Smallest usable terminal width.
pub const MIN_WIDTH: u16 = 60;
/// Smallest usable terminal height.
pub const MIN_HEIGHT: u16 = 15;
/// Width of the gutter between the two panes.
pub const GUTTER: u16 = 3;
/// From this width on, the library preview sits beside the table instead of below it.
pub const SIDE_PREVIEW_WIDTH: u16 = 160;

/// True when `area` is too small to draw the reader.
pub fn too_small(area: Rect) -> bool {
    area.width < MIN_WIDTH || area.height < MIN_HEIGHT
}

/// Areas of the library screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LibraryLayout {
    /// Title line.
    pub title: Rect,
    /// The filter box line (zero height when the filter is closed and empty).
    pub filter: Rect,
    /// Table header line.
    pub table_header: Rect,
    /// Table body: one article per line.
    pub table: Rect,
    /// Preview of the article under the cursor.
    pub preview: Rect,
    /// Status line.
    pub status: Rect,
}

impl LibraryLayout {
    /// Layout of `area` for a table of `rows` articles; `filter` reserves the filter line.
    /// From [`SIDE_PREVIEW_WIDTH`] on the preview sits beside the table; below it, the table
    /// takes the whole width and what its rows need (up to 55%) and the preview the rest.
    pub fn new(area: Rect, filter: bool, rows: usize) -> LibraryLayout {
        let [title, filter_r, main, status] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Length(u16::from(filter)),
            Constraint::Min(1),
            Constraint::Length(1),
        ])
        .areas(area);
        let [list, preview] = if area.width >= SIDE_PREVIEW_WIDTH {
            Layout::horizontal([Constraint::Percentage(62), Constraint::Percentage(38)]).areas(main)
        } else {
            let table = (rows as u16)
                .saturating_add(1)
                .max(4)
                .min(main.height * 55 / 100);
            Layout::vertical([Constraint::Length(table), Constraint::Min(0)]).areas(main)
        };
        let [table_header, table] =
            Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(list);
        LibraryLayout {
            title,
            filter: filter_r,
            table_header,
            table,
            preview,
            status,
        }
    }
}

/// Areas of the compare screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CompareLayout {
    /// Title and meta lines of A.
    pub header_a: Rect,
    /// Title and meta lines of B.
    pub header_b: Rect,
    /// The legend of highlight classes.
    pub legend: Rect,
    /// Text of A.
    pub pane_a: Rect,
    /// Row markers between the panes.
    pub gutter: Rect,
    /// Text of B.
    pub pane_b: Rect,
    /// The search box line (zero height unless searching).
    pub search: Rect,
    /// Status line.
    pub status: Rect,
}

impl CompareLayout {
    /// Layout of `area`; `search` reserves the search line.
    pub fn new(area: Rect, search: bool) -> CompareLayout {
        let [header, legend, body, search_r, status] = Layout::vertical([
            Constraint::Length(2),
            Constraint::Length(1),
            Constraint::Min(1),
            Constraint::Length(u16::from(search)),
            Constraint::Length(1),
        ])
        .areas(area);
        let pane = area.width.saturating_sub(GUTTER) / 2;
        let [pane_a, gutter, pane_b] = Layout::horizontal([
            Constraint::Length(pane),
            Constraint::Length(GUTTER),
            Constraint::Min(0),
        ])
        .areas(body);
        let [header_a, _, header_b] = Layout::horizontal([
            Constraint::Length(pane),
            Constraint::Length(GUTTER),
            Constraint::Min(0),
        ])
        .areas(header);
        CompareLayout {
            header_a,
            header_b,
            legend,
            pane_a,
            gutter,
            pane_b,
            search: search_r,
            status,
        }
    }

    /// Width of the text in each pane (the narrower of the two).
    pub fn text_width(&self) -> u16 {
        self.pane_a.width.min(self.pane_b.width).max(1)
    }
}

/// A centred rectangle of at most `width`×`height` inside `area` (for popups).
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let w = width.min(area.width);
    let h = height.min(area.height);
    Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compare_panes_split_the_width_around_the_gutter() {
        let l = CompareLayout::new(Rect::new(0, 0, 80, 24), false);
        assert_eq!(l.pane_a.width, 38);
        assert_eq!(l.gutter.width, GUTTER);
        assert_eq!(l.pane_b.width, 39);
        assert_eq!(l.gutter.x, l.pane_a.right());
        assert_eq!(l.pane_b.x, l.gutter.right());
        assert_eq!(l.pane_b.right(), 80);
        assert_eq!(l.header_a.height, 2);
        assert_eq!(l.status.y, 23);
        assert_eq!(l.pane_a.y, 3);
        assert_eq!(l.pane_a.height, 20);
        assert_eq!(l.search.height, 0);
        let s = CompareLayout::new(Rect::new(0, 0, 80, 24), true);
        assert_eq!(s.pane_a.height, 19);
        assert_eq!(s.search.y, 22);
    }

    #[test]
    fn library_preview_moves_beside_the_table_on_wide_screens() {
        let narrow = LibraryLayout::new(Rect::new(0, 0, 80, 24), false, 100);
        assert!(narrow.preview.y > narrow.table.y);
        assert_eq!(narrow.preview.width, 80);
        assert_eq!(narrow.filter.height, 0);
        let few = LibraryLayout::new(Rect::new(0, 0, 80, 24), false, 3);
        assert_eq!(
            few.table.height, 3,
            "a short list leaves room for the preview"
        );
        assert!(few.preview.height > narrow.preview.height);
        let wide = LibraryLayout::new(Rect::new(0, 0, 200, 60), true, 3);
        assert!(wide.preview.x > wide.table.x);
        assert_eq!(wide.preview.y, wide.table_header.y);
        assert_eq!(wide.filter.height, 1);
        assert_eq!(wide.table.y, 3);
    }

    #[test]
    fn minimum_size_is_enforced() {
        assert!(too_small(Rect::new(0, 0, 59, 40)));
        assert!(too_small(Rect::new(0, 0, 100, 14)));
        assert!(!too_small(Rect::new(0, 0, 60, 15)));
    }

    #[test]
    fn centered_fits_inside() {
        let r = centered(Rect::new(0, 0, 80, 24), 100, 10);
        assert_eq!(r, Rect::new(0, 7, 80, 10));
    }
}
