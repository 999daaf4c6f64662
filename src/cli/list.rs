//! `parallax list`: the article table, the stories the library groups into, and the files
//! skipped, as text or JSON.

use std::path::PathBuf;

use serde::Serialize;
use unicode_width::UnicodeWidthStr;

use parallax::corpus::{Article, Library};
use parallax::text::sanitize::{sanitize, sanitize_path};

use super::{CliError, ListFormat, one_line, text_table, write_stdout};

/// One row of `parallax list --format json`.
#[derive(Serialize)]
struct ListedArticle {
    id: String,
    title: String,
    outlet: Option<String>,
    date: Option<String>,
    url: Option<String>,
    author: Option<String>,
    source: String,
    words: usize,
    paragraphs: usize,
    boilerplate_paragraphs: usize,
}

/// One skipped file of a listing: its path and why, sanitised.
#[derive(Serialize)]
pub(super) struct ListedSkipped {
    /// The file.
    pub(super) path: String,
    /// Why it was skipped.
    pub(super) reason: String,
}

#[derive(Serialize)]
struct Listing {
    articles: Vec<ListedArticle>,
    skipped: Vec<ListedSkipped>,
}

fn listed(a: &Article) -> ListedArticle {
    let opt = |s: &Option<String>| s.as_deref().map(sanitize);
    ListedArticle {
        id: sanitize(&a.id),
        title: sanitize(&a.title),
        outlet: opt(&a.outlet),
        date: opt(&a.date),
        url: opt(&a.url),
        author: opt(&a.author),
        source: sanitize(&a.source.display()),
        words: a.analysis.content_words(),
        paragraphs: a.analysis.paragraphs.len(),
        boilerplate_paragraphs: boilerplate_count(a),
    }
}

fn listed_skipped(lib: &Library) -> Vec<ListedSkipped> {
    lib.skipped
        .iter()
        .map(|s| ListedSkipped {
            path: sanitize(&s.path.display().to_string()),
            reason: sanitize(&s.reason.to_string()),
        })
        .collect()
}

fn boilerplate_count(a: &Article) -> usize {
    a.analysis
        .paragraphs
        .iter()
        .filter(|p| p.role.is_boilerplate())
        .count()
}

pub(super) fn list(lib: &Library, format: ListFormat) -> Result<(), CliError> {
    match format {
        ListFormat::Json => {
            let listing = Listing {
                articles: lib.articles.iter().map(listed).collect(),
                skipped: listed_skipped(lib),
            };
            let json =
                serde_json::to_string_pretty(&listing).map_err(|e| CliError::Other(e.into()))?;
            write_stdout(&json)
        }
        ListFormat::Text => {
            let mut out = table(lib.articles.iter());
            out.push_str(&skipped_text(lib));
            write_stdout(&out)
        }
    }
}

/// One story of `parallax list --stories --format json`.
#[derive(Serialize)]
struct ListedStory {
    story: usize,
    title: String,
    terms: Vec<String>,
    articles: Vec<String>,
    suggested_pairs: Vec<ListedPair>,
    /// The articles `parallax compare` reads as one story (three to eight; empty for a story
    /// of two).
    whole_story: Vec<String>,
}

#[derive(Serialize)]
struct ListedPair {
    a: String,
    b: String,
    similarity: f64,
    different_outlets: bool,
}

#[derive(Serialize)]
struct StoryListing {
    stories: Vec<ListedStory>,
    ungrouped: Vec<String>,
    skipped: Vec<ListedSkipped>,
}

pub(super) fn list_stories(
    lib: &Library,
    paths: &[PathBuf],
    format: ListFormat,
) -> Result<(), CliError> {
    let grouping = parallax::compare::stories::group(&lib.articles);
    let id = |i: usize| sanitize(&lib.articles[i].id);
    match format {
        ListFormat::Json => {
            let listing = StoryListing {
                stories: grouping
                    .stories
                    .iter()
                    .map(|s| ListedStory {
                        story: s.number,
                        title: sanitize(&lib.articles[s.central].title),
                        terms: s.terms.iter().map(|t| sanitize(t)).collect(),
                        articles: s.members.iter().map(|&i| id(i)).collect(),
                        suggested_pairs: s
                            .pairs
                            .iter()
                            .map(|p| ListedPair {
                                a: id(p.a),
                                b: id(p.b),
                                similarity: (p.similarity * 1000.0).round() / 1000.0,
                                different_outlets: p.different_outlets,
                            })
                            .collect(),
                        whole_story: whole_story(lib, s).into_iter().map(id).collect(),
                    })
                    .collect(),
                ungrouped: grouping.ungrouped().into_iter().map(id).collect(),
                skipped: listed_skipped(lib),
            };
            let json =
                serde_json::to_string_pretty(&listing).map_err(|e| CliError::Other(e.into()))?;
            write_stdout(&json)
        }
        ListFormat::Text => write_stdout(&stories_text(lib, &grouping, &in_args(paths))),
    }
}

/// The articles of story `s` that `parallax compare` reads as one story: all of them, up to
/// [`MAX_ARTICLES`](parallax::compare::story::MAX_ARTICLES) — the central article, then one per
/// outlet, then the rest, in the story's order; nothing for a story of two.
fn whole_story(lib: &Library, s: &parallax::compare::stories::Story) -> Vec<usize> {
    use parallax::compare::story::{MAX_ARTICLES, MIN_ARTICLES};
    if s.members.len() < MIN_ARTICLES {
        return Vec::new();
    }
    let mut picked = vec![s.central];
    let mut outlets = vec![lib.articles[s.central].outlet.clone()];
    for &i in &s.members {
        let o = &lib.articles[i].outlet;
        if !picked.contains(&i) && (o.is_none() || !outlets.contains(o)) {
            picked.push(i);
            outlets.push(o.clone());
        }
    }
    for &i in &s.members {
        if !picked.contains(&i) {
            picked.push(i);
        }
    }
    picked.truncate(MAX_ARTICLES);
    picked
}

/// The `--in PATH…` arguments that make a suggested `parallax compare` command find the
/// articles listed from `paths` (nothing for the demo), quoted for a POSIX shell.
fn in_args(paths: &[PathBuf]) -> String {
    let quote = |p: &PathBuf| {
        let p = sanitize_path(p);
        shlex::try_quote(&p).map_or_else(|_| p.clone(), |q| q.into_owned())
    };
    if paths.is_empty() {
        return String::new();
    }
    let quoted: Vec<String> = paths.iter().map(quote).collect();
    format!(" --in {}", quoted.join(" "))
}

/// The text of `parallax list --stories`: each story's articles as a table, its suggested
/// pairs (as commands, with `in_args` to find the articles), then the articles no other
/// article shares a story with, then skipped files.
fn stories_text(
    lib: &Library,
    grouping: &parallax::compare::stories::Stories,
    in_args: &str,
) -> String {
    let mut out = String::new();
    let section = |out: &mut String, members: &[usize]| {
        for line in table(members.iter().map(|&i| &lib.articles[i])).lines() {
            out.push_str("  ");
            out.push_str(line);
            out.push('\n');
        }
    };
    for s in &grouping.stories {
        out.push_str(&format!(
            "Story {} · {} articles · {} — {}\n",
            s.number,
            s.members.len(),
            fit(&one_line(&s.terms.join(", ")), TITLE_WIDTH),
            fit(&one_line(&lib.articles[s.central].title), TITLE_WIDTH)
        ));
        section(&mut out, &s.members);
        let whole = whole_story(lib, s);
        if !whole.is_empty() {
            let ids: Vec<String> = whole
                .iter()
                .map(|&i| one_line(&lib.articles[i].id))
                .collect();
            let more = s.members.len() - whole.len();
            out.push_str(&format!(
                "  The whole story, fact by fact{}:\n    parallax compare {}{in_args}\n",
                if more > 0 {
                    format!(" ({} of its articles, one per outlet first)", whole.len())
                } else {
                    String::new()
                },
                ids.join(" ")
            ));
        }
        if !s.pairs.is_empty() {
            out.push_str("  Worth comparing:\n");
            let commands: Vec<String> = s
                .pairs
                .iter()
                .map(|p| {
                    format!(
                        "parallax compare {} {}{in_args}",
                        one_line(&lib.articles[p.a].id),
                        one_line(&lib.articles[p.b].id)
                    )
                })
                .collect();
            let width = commands
                .iter()
                .map(|c| c.chars().count())
                .max()
                .unwrap_or(0);
            for (p, command) in s.pairs.iter().zip(&commands) {
                out.push_str(&format!(
                    "    {command:<width$}   related {:>3.0}%{}\n",
                    p.similarity * 100.0,
                    if p.different_outlets {
                        ""
                    } else {
                        " · same outlet"
                    }
                ));
            }
        }
        out.push('\n');
    }
    let alone = grouping.ungrouped();
    if !alone.is_empty() {
        out.push_str(&format!(
            "Not grouped ({} article{} sharing no story with another):\n",
            alone.len(),
            if alone.len() == 1 { "" } else { "s" }
        ));
        section(&mut out, &alone);
    }
    out.push_str(&skipped_text(lib));
    out
}

/// Display widths the text tables cut their cells to (with an ellipsis): outlet, date, title.
/// Ids are never cut, since they are typed back into `parallax compare`; they come from file
/// names, which are short.
const OUTLET_WIDTH: usize = 30;
const DATE_WIDTH: usize = 25;
const TITLE_WIDTH: usize = 100;

/// `s` cut to at most `width` display columns, ending in `…` when something was cut.
fn fit(s: &str, width: usize) -> String {
    use unicode_width::UnicodeWidthChar;
    if s.width() <= width {
        return s.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        used += w;
        out.push(c);
    }
    out.push('…');
    out
}

/// The text table of `parallax list`.
fn table<'a>(articles: impl Iterator<Item = &'a Article>) -> String {
    let header = ["ID", "OUTLET", "DATE", "WORDS", "BOILERPLATE", "TITLE"];
    let mut rows: Vec<[String; 6]> = vec![header.map(String::from)];
    for a in articles {
        rows.push([
            one_line(&a.id),
            fit(&one_line(a.outlet_label()), OUTLET_WIDTH),
            fit(&one_line(a.date.as_deref().unwrap_or("-")), DATE_WIDTH),
            a.analysis.content_words().to_string(),
            boilerplate_count(a).to_string(),
            fit(&one_line(&a.title), TITLE_WIDTH),
        ]);
    }
    // Numbers right-aligned, text left-aligned.
    text_table(&rows, &[3, 4])
}

/// The list of skipped files that ends the text listings (empty when none were).
fn skipped_text(lib: &Library) -> String {
    let mut out = String::new();
    if !lib.skipped.is_empty() {
        out.push_str(&format!("\nSkipped ({}):\n", lib.skipped.len()));
        for s in &lib.skipped {
            out.push_str(&format!(
                "  {}: {}\n",
                one_line(&s.path.display().to_string()),
                one_line(&s.reason.to_string())
            ));
        }
    }
    out
}
