//! Why a file, or an entry of a file, was not loaded: one [`SkipReason`] per way loading can
//! fail, displayed as the plain-language reason `parallax list` and the reader show.

use std::io;

use serde::{Deserialize, Serialize};

use super::read::human_size;

/// The readable extensions, for messages.
pub const EXTENSION_LIST: &str =
    ".txt, .md, .markdown, .json, .jsonl, .html, .htm, .rss, .atom and .xml";

/// Why something was skipped. `Display` gives the reason in plain words.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum SkipReason {
    // ----- finding and opening the file
    /// The path does not exist.
    #[error("does not exist")]
    NotFound,
    /// The file or a directory on its path may not be read.
    #[error("permission denied")]
    PermissionDenied,
    /// The system gave up following symbolic links.
    #[error("symlink loop (too many levels of symbolic links)")]
    TooManyLinks,
    /// A directory link leads back into one of its own ancestors.
    #[error("symlink loop (links back to {ancestor}), not followed")]
    SymlinkLoop {
        /// The ancestor the link leads back to.
        ancestor: String,
    },
    /// A symbolic link whose target does not exist.
    #[error("broken symlink (its target does not exist)")]
    BrokenSymlink,
    /// A directory where a file was expected.
    #[error("is a directory")]
    Directory,
    /// A device, socket or pipe.
    #[error("not a regular file ({what})")]
    NotRegularFile {
        /// What it is ("a named pipe", "a character device", …).
        what: String,
    },
    /// Any other failure to read, with the system's words.
    #[error("cannot read: {message}")]
    Unreadable {
        /// The system's message.
        message: String,
    },
    /// A failure while walking a directory, with the walker's words.
    #[error("{message}")]
    Walk {
        /// The walker's message.
        message: String,
    },

    // ----- the file's bytes
    /// Larger than the size limit.
    #[error(
        "file is too large ({}; the limit is {}, see --max-file-size)",
        human_size(*size),
        human_size(*limit)
    )]
    TooLarge {
        /// Its size in bytes.
        size: u64,
        /// The limit in bytes.
        limit: u64,
    },
    /// No bytes at all.
    #[error("empty file")]
    Empty,
    /// A NUL byte: binary data.
    #[error("binary file (contains a NUL byte at offset {offset}), not text")]
    NulByte {
        /// Byte offset of the first NUL.
        offset: usize,
    },
    /// Mostly control characters: binary data.
    #[error("binary file ({control} of {total} characters are control characters), not text")]
    ControlCharacters {
        /// Control characters found.
        control: usize,
        /// Characters in all.
        total: usize,
    },
    /// Text with a UTF-32 byte-order mark.
    #[error("UTF-32 text ({order}), which parallax does not read; convert the file to UTF-8")]
    Utf32 {
        /// "little-endian" or "big-endian".
        order: String,
    },
    /// Text with a UTF-16 byte-order mark that does not decode.
    #[error("not valid UTF-16 ({order}, as its byte-order mark says); convert the file to UTF-8")]
    NotUtf16 {
        /// "little-endian" or "big-endian".
        order: String,
    },
    /// Text that reads like UTF-16 but has no byte-order mark.
    #[error(
        "looks like UTF-16 text ({order}) without a byte-order mark; convert the file to UTF-8"
    )]
    BomlessUtf16 {
        /// "little-endian" or "big-endian".
        order: String,
    },
    /// Not UTF-8.
    #[error("not valid UTF-8 (first bad byte at offset {offset}); convert the file to UTF-8")]
    NotUtf8 {
        /// Byte offset of the first bad byte.
        offset: usize,
    },
    /// A saved page that declares UTF-8 but is not.
    #[error(
        "not valid UTF-8 (first bad byte at offset {offset}); convert the file to UTF-8 (the \
         page declares UTF-8)"
    )]
    PageNotUtf8 {
        /// Byte offset of the first bad byte.
        offset: usize,
    },
    /// A saved page that is not UTF-8 and declares an encoding parallax does not know.
    #[error(
        "not valid UTF-8 (first bad byte at offset {offset}); convert the file to UTF-8; the \
         page declares the unknown character encoding '{label}'"
    )]
    UnknownEncoding {
        /// Byte offset of the first bad byte.
        offset: usize,
        /// The encoding the page names (sanitised).
        label: String,
    },
    /// Nothing but whitespace.
    #[error("contains only whitespace")]
    OnlyWhitespace,

    // ----- which files are articles
    /// An extension parallax does not read.
    #[error("unsupported file type '.{extension}' (parallax reads {EXTENSION_LIST})")]
    Unsupported {
        /// The extension, without the dot.
        extension: String,
    },
    /// No extension to choose a reader by.
    #[error("no file extension (parallax reads {EXTENSION_LIST})")]
    NoExtension,
    /// A directory given by the user in which nothing was found.
    #[error("directory holds no article files ({EXTENSION_LIST})")]
    NoArticleFiles,
    /// The `NAME_files` folder a browser saves beside `NAME.html`.
    #[error(
        "the scripts, styles and images of the saved page {page} ({files} file{}), not articles",
        if *files == 1 { "" } else { "s" }
    )]
    PageAssets {
        /// The saved page's file name.
        page: String,
        /// Files in the folder.
        files: usize,
    },

    // ----- JSON and JSON Lines
    /// Not JSON; `line` is left out for a line of a JSON Lines file.
    #[error(
        "{} at {}column {column}: {message}",
        if *eof { "unexpected end of JSON" } else { "invalid JSON" },
        line.map(|l| format!("line {l}, ")).unwrap_or_default()
    )]
    InvalidJson {
        /// True when the JSON ends too early.
        eof: bool,
        /// 1-based line, for a whole `.json` document.
        line: Option<usize>,
        /// 1-based column.
        column: usize,
        /// The parser's words.
        message: String,
    },
    /// A `.json` document that is an empty array.
    #[error("no articles (the JSON array is empty)")]
    EmptyArray,
    /// A `.json` document that is neither an object nor an array.
    #[error("JSON is {found}, expected an article object or an array of them")]
    NotArticleJson {
        /// What it is ("a string", "null", …).
        found: String,
    },
    /// An entry of a JSON array that is not an object.
    #[error("entry is {found}, not an article object")]
    EntryNotObject {
        /// What it is.
        found: String,
    },
    /// A line of a JSON Lines file that is not an object.
    #[error("line is {found}, not an article object")]
    LineNotObject {
        /// What it is.
        found: String,
    },
    /// An article object without `text` or `body`.
    #[error("no text field (expected \"text\" or \"body\")")]
    NoTextField,
    /// A text field that is not a string (or a list of strings).
    #[error("the text field is {found}, expected a string")]
    TextNotString {
        /// What it is.
        found: String,
    },
    /// An empty text field.
    #[error("the text field is empty")]
    EmptyText,

    // ----- Markdown
    /// Markdown with no text once reduced to paragraphs.
    #[error("no text after reducing the Markdown to plain paragraphs")]
    EmptyMarkdown,

    // ----- saved pages
    /// The HTML parser refused the page.
    #[error("cannot read the page as HTML: {message}")]
    NotHtml {
        /// The parser's words.
        message: String,
    },
    /// More elements than the extraction limit.
    #[error(
        "page too complex to extract an article from ({elements} elements; the limit is {limit})"
    )]
    PageTooComplex {
        /// Elements in the page.
        elements: usize,
        /// The limit.
        limit: usize,
    },
    /// Markup nested too deep even after flattening.
    #[error(
        "page nests elements too deeply to read ({depth} levels even after flattening; the \
         limit is {limit})"
    )]
    TooDeep {
        /// Levels of nesting left after flattening.
        depth: usize,
        /// The limit.
        limit: usize,
    },
    /// A reason for a page whose deep markup was flattened, with what was flattened.
    #[error("{reason}; {note}")]
    Flattened {
        /// Why no article was found.
        reason: Box<SkipReason>,
        /// What was flattened, in plain words.
        note: String,
    },
    /// Nothing in the page reads as an article's text.
    #[error("no article found in the page (nothing in it reads as an article's text)")]
    NoArticle,
    /// Too few words of main text for an article.
    #[error(
        "no article found in the page (only {words} word{} of main text; menus, comments and \
         other page furniture are left out)",
        if *words == 1 { "" } else { "s" }
    )]
    TooFewWords {
        /// Words of main text found.
        words: usize,
    },

    // ----- feeds
    /// An `.xml` file that is not a feed.
    #[error(
        "XML file is not an RSS or Atom feed ({})",
        match root {
            Some(name) => format!("its root element is <{name}>"),
            None => "it does not start with an XML element".to_string(),
        }
    )]
    NotAFeed {
        /// The root element it has (sanitised), if any.
        root: Option<String>,
    },
    /// A build without the `feeds` feature.
    #[error(
        "feed files need the `feeds` feature, which this build of parallax was compiled without"
    )]
    FeedsDisabled,
    /// The feed parser refused the file.
    #[error("not a readable RSS or Atom feed ({message})")]
    UnreadableFeed {
        /// The parser's words (sanitised).
        message: String,
    },
    /// A feed without entries.
    #[error("feed has no entries")]
    EmptyFeed,
    /// A feed entry that only links to its content.
    #[error("entry has no content of its own (it only links to it elsewhere)")]
    ContentElsewhere,
    /// A feed entry without content, description or summary.
    #[error("entry has no content (no content, description or summary)")]
    NoContent,
    /// A feed entry whose content holds no text.
    #[error("entry's content holds no text")]
    NoTextInContent,

    // ----- web addresses and the saved library
    /// A web address that could not be fetched, saved or read, with why.
    #[error("{message}")]
    Address {
        /// Why, in plain words ("the server answered 404 Not Found").
        message: String,
    },
    /// An address given on the command line that was not fetched.
    #[error("was not fetched")]
    NotFetched,
    /// A damaged file of the saved library, left as it is.
    #[error("{message}")]
    DamagedEntry {
        /// What is wrong with it.
        message: String,
    },
    /// A file of the saved library that could not be loaded.
    #[error("library: {reason}")]
    InLibrary {
        /// Why.
        reason: Box<SkipReason>,
    },

    // ----- failures of parallax itself
    /// Loading the file panicked; the other files loaded.
    #[error(
        "parallax failed on this file ({message}); the other files are unaffected, and this is \
         a bug worth reporting"
    )]
    Panicked {
        /// The panic's message, on one line.
        message: String,
    },
    /// Loading in the background stopped; the files of the next batch were not read.
    #[error(
        "loading stopped unexpectedly after {done} of {total} files; the next batch of files \
         was not read"
    )]
    LoadingStopped {
        /// Files loaded before it stopped.
        done: usize,
        /// Files in all.
        total: usize,
    },

    // ----- the bundled demo
    /// The demo manifest does not parse.
    #[error("invalid demo manifest: {message}")]
    DemoManifest {
        /// The parser's words.
        message: String,
    },
    /// A file the demo manifest lists is not bundled.
    #[error("listed in the demo manifest but not bundled")]
    DemoFileMissing,
}

impl SkipReason {
    /// The reason for an I/O error.
    pub fn from_io(e: &io::Error) -> SkipReason {
        match e.kind() {
            io::ErrorKind::NotFound => SkipReason::NotFound,
            io::ErrorKind::PermissionDenied => SkipReason::PermissionDenied,
            _ => {
                let msg = e.to_string();
                if msg.contains("Too many levels of symbolic links") {
                    SkipReason::TooManyLinks
                } else if msg.contains("Is a directory") {
                    SkipReason::Directory
                } else {
                    SkipReason::Unreadable { message: msg }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reasons_read_as_before() {
        let cases = [
            (
                SkipReason::TooLarge {
                    size: 9 * 1024 * 1024,
                    limit: 8 * 1024 * 1024,
                },
                "file is too large (9 MiB; the limit is 8 MiB, see --max-file-size)",
            ),
            (
                SkipReason::InvalidJson {
                    eof: false,
                    line: Some(3),
                    column: 7,
                    message: "expected value".into(),
                },
                "invalid JSON at line 3, column 7: expected value",
            ),
            (
                SkipReason::InvalidJson {
                    eof: true,
                    line: None,
                    column: 2,
                    message: "EOF while parsing".into(),
                },
                "unexpected end of JSON at column 2: EOF while parsing",
            ),
            (
                SkipReason::PageAssets {
                    page: "a.html".into(),
                    files: 1,
                },
                "the scripts, styles and images of the saved page a.html (1 file), not articles",
            ),
            (
                SkipReason::NotAFeed { root: None },
                "XML file is not an RSS or Atom feed (it does not start with an XML element)",
            ),
            (
                SkipReason::TooFewWords { words: 2 },
                "no article found in the page (only 2 words of main text; menus, comments and \
                 other page furniture are left out)",
            ),
        ];
        for (reason, text) in cases {
            assert_eq!(reason.to_string(), text);
        }
    }
}
