//! Boilerplate: tagging paragraphs that are page furniture rather than reporting.

use serde::{Deserialize, Serialize};

use super::{Paragraph, ParagraphRole};

/// The kind of page furniture a paragraph is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Boilerplate {
    /// Site navigation ("Skip to content").
    Navigation,
    /// Advertising.
    Advertisement,
    /// Newsletter, subscription, donation or support appeals.
    Appeal,
    /// Share, vote and comment counters.
    Counter,
    /// A reader comment section.
    Comments,
    /// "Related Articles" and other links to more content.
    Related,
    /// Photo captions and image credits.
    ImageCredit,
    /// Anything else that is clearly not reporting.
    Other,
}

/// Tag boilerplate paragraphs in place.
pub fn tag(text: &str, paragraphs: &mut [Paragraph]) {
    for p in paragraphs.iter_mut() {
        if p.span.slice(text).trim() == "Skip to content" {
            p.role = ParagraphRole::Boilerplate(Boilerplate::Navigation);
        }
    }
}

/// True when a single line is page furniture that can never be a headline ("Skip to content",
/// "in ,", share counters). Used by loaders to pick the title line of a text file.
pub fn is_furniture_line(line: &str) -> bool {
    let t = line.trim();
    t.is_empty() || t.eq_ignore_ascii_case("skip to content") || t == "in ,"
}
