//! Colours and text styles of the reader.
//!
//! Every highlight class has its own text modifier (underline, bold, reverse, italic) as well as
//! a colour, so the classes stay distinguishable without colour. The default colours are the
//! Okabe–Ito palette (safe for the common colour-vision deficiencies). With `NO_COLOR` set the
//! theme carries modifiers only.

use ratatui::style::{Color, Modifier, Style};

/// The configurable colours, one per named class (the `[theme]` table of the config file).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Palette {
    /// Shared quotes.
    pub quote: Color,
    /// Changed words inside aligned pairs.
    pub framing: Color,
    /// Loaded terms.
    pub loaded: Color,
    /// Scare quotes.
    pub scare: Color,
    /// Distinctive terms.
    pub distinctive: Color,
    /// Search matches.
    pub search: Color,
    /// Borders, headings and the cursor row.
    pub accent: Color,
    /// The article marked A.
    pub marked_a: Color,
    /// The article marked B.
    pub marked_b: Color,
    /// The gutter glyphs (═ ╪ ⇄ ◀ ▶), neutral so they are not read as a highlight.
    pub gutter: Color,
}

impl Palette {
    /// The names accepted in the `[theme]` table.
    pub const NAMES: [&'static str; 10] = [
        "quote",
        "framing",
        "loaded",
        "scare",
        "distinctive",
        "search",
        "accent",
        "marked_a",
        "marked_b",
        "gutter",
    ];

    /// Set the colour called `name`; `false` when there is no such class.
    pub fn set(&mut self, name: &str, colour: Color) -> bool {
        let slot = match name {
            "quote" => &mut self.quote,
            "framing" => &mut self.framing,
            "loaded" => &mut self.loaded,
            "scare" => &mut self.scare,
            "distinctive" => &mut self.distinctive,
            "search" => &mut self.search,
            "accent" => &mut self.accent,
            "marked_a" => &mut self.marked_a,
            "marked_b" => &mut self.marked_b,
            "gutter" => &mut self.gutter,
            _ => return false,
        };
        *slot = colour;
        true
    }
}

impl Default for Palette {
    /// Okabe–Ito colours (the same values as `assets/config.toml`).
    fn default() -> Self {
        Palette {
            quote: Color::Rgb(0x56, 0xB4, 0xE9),
            framing: Color::Rgb(0xE6, 0x9F, 0x00),
            loaded: Color::Rgb(0xD5, 0x5E, 0x00),
            scare: Color::Rgb(0xCC, 0x79, 0xA7),
            distinctive: Color::Rgb(0xF0, 0xE4, 0x42),
            search: Color::Reset,
            accent: Color::Rgb(0x00, 0x72, 0xB2),
            marked_a: Color::Rgb(0x00, 0x9E, 0x73),
            marked_b: Color::Rgb(0xBB, 0xBB, 0xBB),
            gutter: Color::Rgb(0x99, 0x99, 0x99),
        }
    }
}

/// Resolved styles for everything the reader draws.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Theme {
    /// Shared quotes: underlined.
    pub quote: Style,
    /// Changed words of an aligned pair: bold.
    pub framing: Style,
    /// Loaded term the other side does not use: reversed and bold.
    pub loaded_strong: Style,
    /// Loaded term both sides use: reversed.
    pub loaded_weak: Style,
    /// Loaded term inside someone's quoted words: italic and underlined, not reversed.
    pub loaded_quoted: Style,
    /// Scare quotes: italic.
    pub scare: Style,
    /// Distinctive terms: underlined and italic.
    pub distinctive: Style,
    /// Search matches: reversed.
    pub search: Style,
    /// The highlight the explain cursor is on.
    pub current: Style,
    /// Boilerplate and other de-emphasised text.
    pub dim: Style,
    /// Headlines and headings.
    pub title: Style,
    /// Borders and accents.
    pub accent: Style,
    /// The cursor row.
    pub cursor: Style,
    /// Marker of article A.
    pub marked_a: Style,
    /// Marker of article B.
    pub marked_b: Style,
    /// The status bar.
    pub status: Style,
    /// The gutter glyphs.
    pub gutter: Style,
    /// An error message in the status bar.
    pub error: Style,
}

impl Theme {
    /// Styles from a palette; `no_color` drops every colour and keeps the modifiers.
    pub fn new(p: &Palette, no_color: bool) -> Theme {
        let fg = |c: Color| {
            if no_color {
                Style::new()
            } else {
                Style::new().fg(c)
            }
        };
        Theme {
            quote: fg(p.quote).add_modifier(Modifier::UNDERLINED),
            framing: fg(p.framing).add_modifier(Modifier::BOLD),
            loaded_strong: fg(p.loaded).add_modifier(Modifier::REVERSED | Modifier::BOLD),
            loaded_weak: fg(p.loaded).add_modifier(Modifier::REVERSED),
            loaded_quoted: fg(p.loaded).add_modifier(Modifier::ITALIC | Modifier::BOLD),
            scare: fg(p.scare).add_modifier(Modifier::ITALIC),
            distinctive: fg(p.distinctive).add_modifier(Modifier::UNDERLINED | Modifier::ITALIC),
            search: fg(p.search).add_modifier(Modifier::REVERSED),
            current: Style::new().add_modifier(Modifier::REVERSED | Modifier::UNDERLINED),
            dim: Style::new().add_modifier(Modifier::DIM),
            title: Style::new().add_modifier(Modifier::BOLD),
            accent: fg(p.accent),
            // Without colour the cursor row is marked by the reversed gutter and the ›/‹
            // markers only, so reversed highlights inside it stay visible.
            cursor: if no_color {
                Style::new()
            } else {
                Style::new().bg(Color::Rgb(0x1F, 0x3A, 0x4D))
            },
            marked_a: fg(p.marked_a).add_modifier(Modifier::BOLD),
            marked_b: fg(p.marked_b).add_modifier(Modifier::BOLD),
            gutter: fg(p.gutter),
            status: Style::new().add_modifier(Modifier::REVERSED),
            error: fg(p.loaded).add_modifier(Modifier::BOLD),
        }
    }

    /// True when `NO_COLOR` is set to a non-empty value (<https://no-color.org>).
    pub fn no_color_from_env() -> bool {
        std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
    }
}

impl Default for Theme {
    fn default() -> Self {
        Theme::new(&Palette::default(), false)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_default_colour_means_one_thing() {
        let p = Palette::default();
        // The search highlight is reversed video in the terminal's own colours.
        let colours = [
            p.quote,
            p.framing,
            p.loaded,
            p.scare,
            p.distinctive,
            p.accent,
            p.marked_a,
            p.marked_b,
            p.gutter,
        ];
        for (i, x) in colours.iter().enumerate() {
            for y in &colours[i + 1..] {
                assert_ne!(x, y, "{:?}", Palette::NAMES);
            }
        }
        assert_eq!(p.search, Color::Reset);
    }

    #[test]
    fn no_color_theme_has_no_colours_but_keeps_classes_apart() {
        let t = Theme::new(&Palette::default(), true);
        let classes = [
            t.quote,
            t.framing,
            t.loaded_strong,
            t.loaded_weak,
            t.loaded_quoted,
            t.scare,
            t.distinctive,
        ];
        for s in classes {
            assert_eq!(s.fg, None);
            assert_eq!(s.bg, None);
        }
        for (i, x) in classes.iter().enumerate() {
            for y in &classes[i + 1..] {
                assert_ne!(x.add_modifier, y.add_modifier);
            }
        }
    }
}
