//! The user's lexicon: the `[lexicon]` table of the config file, read item by item, and applied
//! to the bundled lexicon.
//!
//! `disable` switches off entries named by any inflected form of their words (`disable =
//! ["lie"]` switches off the entry `lies`, `"claimed"` the entry `claim`); `add` adds entries
//! (an entry whose words are forms of a bundled entry's words replaces it). A bad item — a term
//! that is not in the lexicon, an entry without a category, a value of the wrong type — is
//! reported with the file, its line and the value, and skipped alone: the rest of the patch
//! applies.

use std::fmt;

use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Serialize};
use toml::Spanned;

use super::{Category, Entry, Lexicon, LexiconError, USER_PRIORITY, entry_ident};

/// Reason shown for a user-added entry that gives none.
const USER_REASON: &str = "listed in your own lexicon";

/// Description of a category that only the user's lexicon uses.
const USER_CATEGORY: &str = "a category from your own lexicon";

/// The user's patch to the bundled lexicon (the `[lexicon]` table of the config file).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UserLexicon {
    /// Entries to add. An entry whose words are forms of a bundled entry's words replaces it.
    #[serde(default)]
    pub add: Vec<Entry>,
    /// Terms of the bundled lexicon to switch off, by any inflected form (case-insensitive).
    #[serde(default)]
    pub disable: Vec<String>,
    /// Where the items are written, for messages: the file, and the line of each `add` and
    /// `disable` item in order. Empty for a patch made in code.
    #[serde(skip)]
    pub written: Written,
}

/// Where the items of a [`UserLexicon`] are written.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Written {
    /// The config file (sanitised for display).
    pub path: String,
    /// 1-based line of each `add` item.
    pub add: Vec<usize>,
    /// 1-based line of each `disable` item.
    pub disable: Vec<usize>,
}

/// An item of the user's patch that was skipped, and where it is written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PatchError {
    /// What is wrong with it.
    pub error: LexiconError,
    /// The file and line, when known.
    pub at: Option<(String, usize)>,
}

impl fmt::Display for PatchError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.at {
            Some((path, line)) => write!(f, "{} in {path} line {line}", self.error),
            None => write!(f, "{}", self.error),
        }
    }
}

impl std::error::Error for PatchError {}

impl Lexicon {
    /// This lexicon patched by the user's `[lexicon]` table: `disable` switches off entries
    /// named by any inflected form of their words, then `add` adds entries; an added entry
    /// whose words are forms of an existing entry's words replaces it, and may name a new
    /// category. Items that cannot apply (a term to disable that is in no entry, an empty
    /// term) are skipped and returned with where they are written; the rest applies.
    pub fn with_user(&self, user: &UserLexicon) -> (Lexicon, Vec<PatchError>) {
        let mut problems = Vec::new();
        let at =
            |lines: &[usize], i: usize| lines.get(i).map(|&line| (user.written.path.clone(), line));
        let mut entries: Vec<Entry> = self.entries();
        for (i, term) in user.disable.iter().enumerate() {
            let folded = term.trim().to_lowercase();
            let named = entry_ident(&Entry {
                term: term.clone(),
                category: String::new(),
                reason: String::new(),
                exact: false,
            });
            let before = entries.len();
            entries.retain(|e| {
                e.term.to_lowercase() != folded
                    && (named.is_empty()
                        || entry_ident(&Entry {
                            exact: false,
                            ..e.clone()
                        }) != named)
            });
            if entries.len() == before {
                problems.push(PatchError {
                    error: LexiconError::UnknownTerm(term.clone()),
                    at: at(&user.written.disable, i),
                });
            }
        }
        let mut categories: Vec<Category> = self.categories().to_vec();
        for (i, add) in user.add.iter().enumerate() {
            let mut entry = add.clone();
            entry.term = entry.term.trim().to_string();
            let ident = entry_ident(&entry);
            if ident.is_empty() {
                problems.push(PatchError {
                    error: LexiconError::EmptyTerm {
                        category: add.category.clone(),
                    },
                    at: at(&user.written.add, i),
                });
                continue;
            }
            if entry.reason.trim().is_empty() {
                entry.reason = USER_REASON.to_string();
            }
            if !categories.iter().any(|c| *c.name == *entry.category) {
                categories.push(Category {
                    name: entry.category.clone().into(),
                    description: USER_CATEGORY.into(),
                    priority: USER_PRIORITY,
                });
            }
            entries.retain(|x| x.exact != entry.exact || entry_ident(x) != ident);
            entries.push(entry);
        }
        match Lexicon::with_rules(categories, entries, self.rules.clone()) {
            Ok(lex) => (lex, problems),
            Err(error) => {
                problems.push(PatchError { error, at: None });
                (self.clone(), problems)
            }
        }
    }
}

/// A `[lexicon]` table read item by item: the patch made of its good items, and the 1-based
/// line and a description of each bad one.
pub type UserTable = (UserLexicon, Vec<(usize, String)>);

/// The `[lexicon]` table of a config file's text, item by item: the patch made of the good
/// items (with the line of each), and the line and a description of each bad one. `Ok(None)`
/// when the file has no `[lexicon]` table; `Err` when the file is not valid TOML.
pub fn parse_user_table(src: &str) -> Result<Option<UserTable>, String> {
    let doc: Doc = toml::from_str(src).map_err(|e| e.message().trim().to_string())?;
    let Some(table) = doc.lexicon else {
        return Ok(None);
    };
    let line = |offset: usize| {
        src.get(..offset.min(src.len()))
            .unwrap_or(src)
            .matches('\n')
            .count()
            + 1
    };
    let mut user = UserLexicon::default();
    let mut bad = Vec::new();
    for (key, items) in table.into_inner().0 {
        let key_line = line(key.span().start);
        let list = match items.into_inner() {
            Items::List(list) => list,
            Items::Other(v) => {
                bad.push((
                    key_line,
                    format!(
                        "[lexicon] {} must be a list, not {}",
                        key.get_ref(),
                        one_line(&v.to_string())
                    ),
                ));
                continue;
            }
        };
        match key.get_ref().as_str() {
            "disable" => {
                for item in list {
                    let at = line(item.span().start);
                    match item.get_ref() {
                        toml::Value::String(s) if !s.trim().is_empty() => {
                            user.disable.push(s.clone());
                            user.written.disable.push(at);
                        }
                        other => bad.push((
                            at,
                            format!(
                                "bad [lexicon] disable item {} (a term is a non-empty string)",
                                one_line(&other.to_string())
                            ),
                        )),
                    }
                }
            }
            "add" => {
                for item in list {
                    let at = line(item.span().start);
                    let shown = one_line(&item.get_ref().to_string());
                    match item.into_inner().try_into::<Entry>() {
                        Ok(e) if e.term.trim().is_empty() => {
                            bad.push((at, format!("bad [lexicon] add entry {shown}: empty term")))
                        }
                        Ok(e) if e.category.trim().is_empty() => bad.push((
                            at,
                            format!("bad [lexicon] add entry {shown}: empty category"),
                        )),
                        Ok(e) => {
                            user.add.push(e);
                            user.written.add.push(at);
                        }
                        Err(why) => bad.push((
                            at,
                            format!(
                                "bad [lexicon] add entry {shown}: {}",
                                one_line(why.message())
                            ),
                        )),
                    }
                }
            }
            other => bad.push((
                key_line,
                format!("unknown [lexicon] setting '{other}' (known: add, disable)"),
            )),
        }
    }
    Ok(Some((user, bad)))
}

/// `s` on one line, shortened to a length a message can quote.
fn one_line(s: &str) -> String {
    let flat = s.split_whitespace().collect::<Vec<_>>().join(" ");
    match flat.char_indices().nth(80) {
        Some((i, _)) => format!("{}…", &flat[..i]),
        None => flat,
    }
}

/// A config file, read only for its `[lexicon]` table.
#[derive(Deserialize)]
struct Doc {
    lexicon: Option<Spanned<Table>>,
}

/// The `[lexicon]` table: every key with its value, in file order.
struct Table(Vec<(Spanned<String>, Spanned<Items>)>);

impl<'de> Deserialize<'de> for Table {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Table;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a table with `add` and `disable`")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Table, A::Error> {
                let mut out = Vec::new();
                while let Some(k) = map.next_key::<Spanned<String>>()? {
                    out.push((k, map.next_value::<Spanned<Items>>()?));
                }
                Ok(Table(out))
            }
        }
        d.deserialize_map(V)
    }
}

/// The value of `add` or `disable`: a list whose items keep where they are written, or
/// anything else (a mistake, reported as such).
enum Items {
    List(Vec<Spanned<toml::Value>>),
    Other(toml::Value),
}

impl<'de> Deserialize<'de> for Items {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Items;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a list")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Items, A::Error> {
                let mut out = Vec::new();
                while let Some(v) = seq.next_element::<Spanned<toml::Value>>()? {
                    out.push(v);
                }
                Ok(Items::List(out))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Items, E> {
                Ok(Items::Other(toml::Value::String(v.to_string())))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Items, E> {
                Ok(Items::Other(toml::Value::Integer(v)))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Items, E> {
                Ok(Items::Other(toml::Value::Integer(
                    i64::try_from(v).unwrap_or(i64::MAX),
                )))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Items, E> {
                Ok(Items::Other(toml::Value::Float(v)))
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<Items, E> {
                Ok(Items::Other(toml::Value::Boolean(v)))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Items, A::Error> {
                let v = toml::Value::deserialize(de::value::MapAccessDeserializer::new(map))?;
                Ok(Items::Other(v))
            }
        }
        d.deserialize_any(V)
    }
}
