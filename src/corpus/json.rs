//! JSON articles: `.json` holds one article object or an array of them; `.jsonl` holds one
//! object per line.
//!
//! Fields: `text` (or `body`) is required — a string, or an array of strings joined as
//! paragraphs; `title`, `outlet` (or `source`), `date`, `url` and `author` are optional. Without
//! a title, the first line of the text that is not page furniture is used. A bad entry is
//! skipped as `path#N` with its reason while the rest of the file loads; `N` counts from 1 (array
//! position in `.json`, line number in `.jsonl`).

use std::path::{Path, PathBuf};

use serde_json::{Map, Value};

use super::{
    Article, Library, Meta, SkipReason, Source, find_line, first_headline_line, slug, stem_of,
};

/// Add the articles of the `.json` document `raw`, read from `path`, to `lib`.
pub fn load_json(path: &Path, raw: &str, lib: &mut Library) {
    let raw = raw.strip_prefix('\u{feff}').unwrap_or(raw);
    let value: Value = match serde_json::from_str(raw) {
        Ok(v) => v,
        Err(e) => {
            lib.skip(path, json_error(&e, true));
            return;
        }
    };
    let stem = slug(&stem_of(path));
    match value {
        Value::Object(obj) => {
            if let Err(reason) = add_entry(path, None, stem, obj, lib) {
                lib.skip(path, reason);
            }
        }
        Value::Array(items) => {
            if items.is_empty() {
                lib.skip(path, SkipReason::EmptyArray);
            }
            for (i, item) in items.into_iter().enumerate() {
                let id = format!("{stem}-{}", i + 1);
                let result = match item {
                    Value::Object(obj) => add_entry(path, Some(i), id, obj, lib),
                    other => Err(SkipReason::EntryNotObject {
                        found: kind_of(&other).to_string(),
                    }),
                };
                if let Err(reason) = result {
                    lib.skip(entry_path(path, i), reason);
                }
            }
        }
        other => lib.skip(
            path,
            SkipReason::NotArticleJson {
                found: kind_of(&other).to_string(),
            },
        ),
    }
}

/// Add the articles of the JSON Lines document `raw`, read from `path`, to `lib`.
pub fn load_jsonl(path: &Path, raw: &str, lib: &mut Library) {
    let raw = raw.strip_prefix('\u{feff}').unwrap_or(raw);
    let stem = slug(&stem_of(path));
    for (i, line) in raw.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let id = format!("{stem}-{}", i + 1);
        let result = match serde_json::from_str::<Value>(line) {
            Ok(Value::Object(obj)) => add_entry(path, Some(i), id, obj, lib),
            Ok(other) => Err(SkipReason::LineNotObject {
                found: kind_of(&other).to_string(),
            }),
            Err(e) => Err(json_error(&e, false)),
        };
        if let Err(reason) = result {
            lib.skip(entry_path(path, i), reason);
        }
    }
}

/// `path#N` with `N = index + 1`.
pub fn entry_path(path: &Path, index: usize) -> PathBuf {
    let mut s = path.as_os_str().to_os_string();
    s.push(format!("#{}", index + 1));
    PathBuf::from(s)
}

fn json_error(e: &serde_json::Error, with_line: bool) -> SkipReason {
    // serde_json's message ends with its own " at line L column C"; drop it for ours.
    let msg = e.to_string();
    let message = msg.split(" at line ").next().unwrap_or(&msg).to_string();
    SkipReason::InvalidJson {
        eof: e.classify() == serde_json::error::Category::Eof,
        line: with_line.then(|| e.line()),
        column: e.column(),
        message,
    }
}

fn kind_of(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

fn add_entry(
    path: &Path,
    index: Option<usize>,
    id: String,
    obj: Map<String, Value>,
    lib: &mut Library,
) -> Result<(), SkipReason> {
    let text = match obj.get("text").or_else(|| obj.get("body")) {
        None | Some(Value::Null) => {
            return Err(SkipReason::NoTextField);
        }
        Some(Value::String(s)) => s.clone(),
        Some(Value::Array(parts)) if parts.iter().all(Value::is_string) => parts
            .iter()
            .filter_map(Value::as_str)
            .collect::<Vec<_>>()
            .join("\n\n"),
        Some(other) => {
            return Err(SkipReason::TextNotString {
                found: kind_of(other).to_string(),
            });
        }
    };
    if text.trim().is_empty() {
        return Err(SkipReason::EmptyText);
    }
    let mut meta = Meta {
        title: field(&obj, &["title", "headline"]).unwrap_or_default(),
        outlet: field(&obj, &["outlet", "source", "publisher"]),
        date: field(&obj, &["date", "published"]),
        url: field(&obj, &["url", "link"]),
        author: field(&obj, &["author", "byline"]),
    };
    let title_span = if meta.title.trim().is_empty() {
        let s = first_headline_line(&text);
        meta.title = s
            .map(|s| s.slice(&text).to_string())
            .unwrap_or_else(|| id.clone());
        s
    } else {
        meta.title = meta.title.trim().to_string();
        find_line(&text, &meta.title)
    };
    let source = Source::File {
        path: path.to_path_buf(),
        index,
    };
    lib.push_pending(Article::new(id, meta, source, text, title_span));
    Ok(())
}

/// The first of `keys` present as a non-empty scalar (numbers are written out), or a list of
/// strings joined with ", ".
fn field(obj: &Map<String, Value>, keys: &[&str]) -> Option<String> {
    for k in keys {
        let v = match obj.get(*k) {
            Some(Value::String(s)) => s.trim().to_string(),
            Some(Value::Number(n)) => n.to_string(),
            Some(Value::Array(a)) => a
                .iter()
                .filter_map(Value::as_str)
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
                .join(", "),
            _ => String::new(),
        };
        if !v.is_empty() {
            return Some(v);
        }
    }
    None
}
