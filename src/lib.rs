//! parallax: compare how two outlets cover the same story.
//!
//! The crate is layered so that everything below the user interface can be used and tested
//! without a terminal:
//!
//! - [`corpus`] loads articles from files, directories and the bundled demo, naming every file it
//!   could not load and why;
//! - [`text`] owns the text model: sanitising for display, segmentation into paragraphs,
//!   sentences and words, quotations, boilerplate tagging and normalised tokens — every derived
//!   piece is a byte [`text::Span`] into the article's original text;
//! - [`library`] fetches articles from web addresses and keeps them in the saved library,
//!   read back through the same loaders as files;
//! - [`compare`] is the pure, deterministic comparison engine producing a
//!   [`compare::Comparison`];
//! - [`report`] renders a comparison as text, Markdown or JSON;
//! - [`tui`] is the terminal reader built on top of the same comparison, configured by
//!   [`config`].

pub mod compare;
pub mod config;
pub mod corpus;
pub mod library;
pub mod report;
pub mod text;
pub mod tui;
