//! The comparison contract: the one value the engine produces and every display reads.
//!
//! Its serde form is the JSON report (schema [`SCHEMA`]). Everything here is plain data with byte
//! spans into each side's `text`; text is only sliced when something is displayed.

use serde::{Deserialize, Serialize};

use crate::text::{Boilerplate, QuotationKind, QuoteKind, Span};

pub use super::highlight::{Highlight, HighlightKind, HighlightRef};

/// The JSON schema identifier of [`Comparison`].
pub const SCHEMA: &str = "parallax.comparison/1";

/// Which article of the pair.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Side {
    /// The first article.
    A,
    /// The second article.
    B,
}

impl Side {
    /// The side's name for readers: `A` or `B`.
    pub fn name(self) -> &'static str {
        match self {
            Side::A => "A",
            Side::B => "B",
        }
    }

    /// The other side.
    pub fn other(self) -> Side {
        match self {
            Side::A => Side::B,
            Side::B => Side::A,
        }
    }
}

/// A pair of values, one per side.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct PerSide<T> {
    /// Article A's value.
    pub a: T,
    /// Article B's value.
    pub b: T,
}

impl<T> PerSide<T> {
    /// The value for `side`.
    pub fn get(&self, side: Side) -> &T {
        match side {
            Side::A => &self.a,
            Side::B => &self.b,
        }
    }

    /// The value for `side`, to change.
    pub fn get_mut(&mut self, side: Side) -> &mut T {
        match side {
            Side::A => &mut self.a,
            Side::B => &mut self.b,
        }
    }
}

/// One article as the comparison saw it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SideInfo {
    /// Library id of the article.
    pub id: String,
    /// Path of the source file, or `demo:<name>` for the bundled demo.
    pub path: String,
    /// Headline.
    pub title: String,
    /// Outlet, or null when unknown.
    pub outlet: Option<String>,
    /// Publication date, when known.
    pub date: Option<String>,
    /// Canonical URL, when known.
    pub url: Option<String>,
    /// The full text all spans index into (for a `.txt` input, the file's contents).
    pub text: String,
    /// Every sentence of the text, boilerplate included, in order.
    pub sentences: Vec<Span>,
    /// Indices of sentences left out of the analysis (page furniture and the headline).
    pub excluded: Vec<usize>,
    /// The dateline opening the lede ("WASHINGTON —"): shown, but left out of the comparison
    /// like page furniture. Absent when the article has none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dateline: Option<Span>,
    /// Number of words outside boilerplate.
    pub words: usize,
    /// Why each sentence of `excluded` is left out, in the same order.
    #[serde(default)]
    pub left_out: Vec<LeftOut>,
    /// Every quotation and scare quote of the text, in text order (boilerplate included).
    #[serde(default)]
    pub quotes: Vec<Quotation>,
    /// Every quotation with whose words it holds: speech (with its speaker and attribution),
    /// scare quote, title or term; in text order, boilerplate included.
    #[serde(default)]
    pub quotations: Vec<QuotedWords>,
}

/// One quotation of an article and whose words it holds.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuotedWords {
    /// The quotation with its marks.
    pub span: Span,
    /// `speech`, `scare`, `title` or `term`.
    pub kind: QuotationKind,
    /// For speech, who is quoted as the article names them ("Sen. Lindsey Graham", "the
    /// ministry"); null when the article never says.
    pub speaker: Option<String>,
    /// Where the article names the speaker: in the attribution, or for "he said" and for a
    /// quotation continued from an earlier one, the earlier mention it refers to.
    pub speaker_span: Option<Span>,
    /// The attributing phrase ("the ministry said", "he added"), when there is one.
    pub attribution: Option<Span>,
    /// True when the quotation lies inside another quotation's words.
    pub nested: bool,
}

/// Why a sentence is left out of the analysis.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LeftOut {
    /// The sentence.
    pub sentence: usize,
    /// The kind of page furniture it is, or null for the headline.
    pub furniture: Option<Boilerplate>,
}

/// A quoted passage of one article, as the text analysis found it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quotation {
    /// The passage including its quote marks.
    pub outer: Span,
    /// The quoted words, marks excluded.
    pub inner: Span,
    /// `quotation` (four words or more) or `scare_quote`.
    pub kind: QuoteKind,
    /// The name of the speaker, when an attribution next to the quote names one.
    pub speaker: Option<Span>,
}

/// Two sentences that report the same thing.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AlignedPair {
    /// Sentence index in A.
    pub a: usize,
    /// Sentence index in B.
    pub b: usize,
    /// Content similarity in `[0, 1]`.
    pub score: f64,
    /// True when the pair sits out of order relative to the rest of the alignment.
    pub moved: bool,
}

/// How closely a quotation in one article matches one in the other.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteMatchKind {
    /// The same words after normalising case, quote marks, punctuation and whitespace.
    Exact,
    /// One is a part of the other: trimmed at either end, elided, or with editorial insertions.
    Partial,
    /// A long common run of words with small differences in wording.
    Fuzzy,
}

impl QuoteMatchKind {
    /// The kind for readers: `exact`, `partial`, `fuzzy`.
    pub fn name(self) -> &'static str {
        match self {
            QuoteMatchKind::Exact => "exact",
            QuoteMatchKind::Partial => "partial",
            QuoteMatchKind::Fuzzy => "fuzzy",
        }
    }
}

/// A specific difference between two matched quotations.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuoteEdit {
    /// One side starts later.
    TrimmedStart,
    /// One side ends earlier.
    TrimmedEnd,
    /// Words left out and marked with an ellipsis ("…", "...", "[…]").
    Elided,
    /// An editorial insertion in brackets ("[sic]", "[the U.S.]").
    Inserted,
    /// Words that differ.
    Reworded,
    /// Only one side presents the words as a quotation.
    Unquoted,
}

impl QuoteEdit {
    /// The difference for readers ("trimmed at the start").
    pub fn describe(self) -> &'static str {
        match self {
            QuoteEdit::TrimmedStart => "trimmed at the start",
            QuoteEdit::TrimmedEnd => "trimmed at the end",
            QuoteEdit::Elided => "words left out with an ellipsis",
            QuoteEdit::Inserted => "editorial insertion in brackets",
            QuoteEdit::Reworded => "words differ",
            QuoteEdit::Unquoted => "presented as a quotation on one side only",
        }
    }
}

/// A quotation found in both articles.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SharedQuote {
    /// The quoted words in A.
    pub a: Span,
    /// The quoted words in B.
    pub b: Span,
    /// Exact, partial or fuzzy.
    pub kind: QuoteMatchKind,
    /// What differs between the two versions.
    pub edits: Vec<QuoteEdit>,
    /// Share of the shorter version's words found in the other, in `[0, 1]`.
    pub score: f64,
    /// Who is quoted, when an attribution names the speaker.
    pub speaker: Option<String>,
}

/// Lexicon category of a loaded term.
pub type Category = String;

/// A charged word or phrase from the lexicon, found in one article.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LoadedTerm {
    /// The article it occurs in.
    pub side: Side,
    /// Where.
    pub span: Span,
    /// The words as written (the text of `span`, on one line): what displays name.
    pub text: String,
    /// The lexicon entry the words are a form of (its canonical form): the explanation.
    pub term: String,
    /// Lexicon category, e.g. `labels`, `intensifiers`, `doubt`.
    pub category: Category,
    /// Why the lexicon lists it.
    pub reason: String,
    /// True when the other article does not use this entry: for a term in the outlet's own
    /// voice, when the other outlet does not use it in its own voice either; for a quoted one,
    /// when the other article does not have it at all.
    pub only_here: bool,
    /// Whose words these are: the outlet's own or someone it quotes.
    #[serde(default)]
    pub voice: super::Voice,
    /// For a quoted term, who is quoted, as the article names them (null when the quotation
    /// names nobody, and for the outlet's voice).
    #[serde(default)]
    pub speaker: Option<String>,
}

/// What kind of contrast a changed word pair is, when it is one a reader cares about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ContrastLabel {
    /// Different verbs of attribution ("said" / "claimed").
    Attribution,
    /// Hedging or certainty differs ("allegedly", "irrefutable").
    Hedge,
    /// The same actor named differently ("Syrian Army" / "Syrian regime forces").
    Naming,
    /// Scare quotes on one side only.
    ScareQuote,
    /// A loaded term on one side only.
    Loaded,
    /// Numbers differ.
    Number,
    /// Any other wording change.
    Wording,
}

impl ContrastLabel {
    /// The label for readers ("attribution verb", "hedging / certainty").
    pub fn name(self) -> &'static str {
        match self {
            ContrastLabel::Attribution => "attribution verb",
            ContrastLabel::Hedge => "hedging / certainty",
            ContrastLabel::Naming => "naming",
            ContrastLabel::ScareQuote => "scare quotes",
            ContrastLabel::Loaded => "loaded term",
            ContrastLabel::Number => "numbers",
            ContrastLabel::Wording => "wording",
        }
    }
}

/// One changed stretch inside an aligned pair: removed from A, added in B, or replaced.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Change {
    /// The changed words in A, or null when B adds words.
    pub a: Option<Span>,
    /// The changed words in B, or null when A has words B lacks.
    pub b: Option<Span>,
    /// The kind of contrast.
    pub label: ContrastLabel,
}

/// A word-level diff of an aligned pair of sentences that differ.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Framing {
    /// Sentence index in A.
    pub a: usize,
    /// Sentence index in B.
    pub b: usize,
    /// The changes, in order.
    pub changes: Vec<Change>,
    /// The labels present in `changes` (other than plain wording), deduplicated.
    pub labels: Vec<ContrastLabel>,
    /// True when the two versions are close enough for a word-by-word diff to read well, and
    /// `changes` holds every changed stretch; false for the same fact in different wording,
    /// where `changes` holds only the labelled ones (names, numbers, loaded words, attribution
    /// and hedges).
    #[serde(default = "word_diff_default")]
    pub word_diff: bool,
}

fn word_diff_default() -> bool {
    true
}

impl Framing {
    /// Its labels for readers, "attribution verb, numbers", or "wording" when it has none;
    /// "same fact, different wording" first when the pair is too far apart for a word diff.
    pub fn labels_text(&self) -> String {
        let names: Vec<&str> = self.labels.iter().map(|l| l.name()).collect();
        let labels = names.join(", ");
        match (self.word_diff, labels.is_empty()) {
            (true, true) => ContrastLabel::Wording.name().to_string(),
            (true, false) => labels,
            (false, true) => "same fact, different wording".into(),
            (false, false) => format!("same fact, different wording; {labels}"),
        }
    }
}

/// A word that distinguishes one side's vocabulary from the other's (Monroe et al. 2008).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DistinctiveTerm {
    /// The stem's most frequent surface form on this side.
    pub term: String,
    /// The stem.
    pub stem: String,
    /// z-score of the log-odds ratio with an informative Dirichlet prior.
    pub z: f64,
    /// Occurrences on this side.
    pub count: usize,
    /// Occurrences on the other side.
    pub other_count: usize,
    /// Where it occurs on this side.
    pub positions: Vec<Span>,
}

/// How often a profile item occurs.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Count {
    /// The item (a verb, hedge, category or speaker).
    pub item: String,
    /// Occurrences.
    pub count: usize,
}

/// Article-level framing profile.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Profile {
    /// Words outside boilerplate.
    pub words: usize,
    /// Attribution verbs used, most frequent first.
    pub attribution: Vec<Count>,
    /// Hedges (the writer does not vouch for what follows), most frequent first.
    pub hedges: Vec<Count>,
    /// Boosters (certainty markers: the writer vouches for what follows), most frequent first.
    #[serde(default)]
    pub boosters: Vec<Count>,
    /// Scare-quoted phrases: short quotes in which nobody is being quoted.
    pub scare_quotes: Vec<String>,
    /// Loaded-term hits in the outlet's own voice per 1,000 words.
    pub loaded_per_1000: f64,
    /// Loaded-term hits in the outlet's own voice per category.
    pub loaded_by_category: Vec<Count>,
    /// Loaded-term hits inside quoted speech (someone else's words), not counted above.
    #[serde(default)]
    pub loaded_quoted: usize,
    /// Who is quoted, most quoted first.
    pub quoted: Vec<Count>,
    /// Number of quotations of someone's words, short ones included.
    pub quotations: usize,
    /// Words inside quotations of someone's words (outside boilerplate).
    #[serde(default)]
    pub quoted_words: usize,
}

/// The kind of a row in the side-by-side reading order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RowKind {
    /// Aligned sentences, in order.
    Aligned,
    /// Aligned sentences whose counterpart sits elsewhere in the other article.
    Moved,
    /// Sentences only in A.
    OnlyA,
    /// Sentences only in B.
    OnlyB,
    /// Excluded sentences (boilerplate, headline) shown for completeness.
    Excluded,
}

/// One row of the side-by-side reading order: sentences of A facing sentences of B.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Row {
    /// Aligned, moved, one-sided or excluded.
    pub kind: RowKind,
    /// Sentence indices of A in this row (empty for a blank).
    pub a: Vec<usize>,
    /// Sentence indices of B in this row (empty for a blank).
    pub b: Vec<usize>,
    /// Alignment score for aligned and moved rows.
    pub score: Option<f64>,
    /// For an aligned or moved row, the side whose sentences in it were brought together from
    /// separate places (not next to each other in its reading order): that article tells in two
    /// places what the other tells in one. `None` when each side's sentences are consecutive.
    #[serde(default)]
    pub joined: Option<Side>,
}

impl Row {
    /// What a reader should know about how the row was put together, the same words in every
    /// display: that one side's sentences were joined from separate places, or that the
    /// counterpart of a moved row sits elsewhere. `None` for a plain row.
    pub fn describe(&self) -> Option<String> {
        match (self.kind, self.joined) {
            (RowKind::Moved, None) => {
                Some("Moved: the counterpart sits elsewhere in the other article.".to_string())
            }
            (RowKind::Moved, Some(side)) => Some(format!(
                "Moved: the counterpart sits elsewhere in the other article; {} tells this in \
                 separate places, brought together here.",
                side.name()
            )),
            (RowKind::Aligned, Some(side)) => Some(format!(
                "Joined: {} tells this in separate places, brought together here; {} tells it in \
                 one place.",
                side.name(),
                side.other().name()
            )),
            _ => None,
        }
    }
}

/// Counts for the summary line.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    /// Aligned sentence pairs.
    pub aligned: usize,
    /// Aligned pairs out of order.
    pub moved: usize,
    /// Analysed sentences of A with no counterpart.
    pub only_a: usize,
    /// Analysed sentences of B with no counterpart.
    pub only_b: usize,
    /// Shared quotations.
    pub shared_quotes: usize,
    /// Aligned pairs whose wording differs.
    pub framing_differences: usize,
    /// Loaded-term hits in A and in B.
    pub loaded_a: usize,
    /// Loaded-term hits in B.
    pub loaded_b: usize,
    /// Share of both articles' informative content that the alignment pairs, weighted by
    /// the pairs' scores, in `[0, 1]`: shown as "content aligned". Not the relatedness of
    /// the library and the suggested pairs, which compares whole articles.
    pub similarity: f64,
}

/// The complete result of comparing two articles.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Comparison {
    /// Always [`SCHEMA`].
    pub schema: String,
    /// Article A.
    pub a: SideInfo,
    /// Article B.
    pub b: SideInfo,
    /// Aligned sentence pairs, sorted by A index then B index.
    pub alignment: Vec<AlignedPair>,
    /// Quotations found in both.
    pub shared_quotes: Vec<SharedQuote>,
    /// Loaded-term hits: side A then B; within a side by category priority, then text order.
    pub loaded_terms: Vec<LoadedTerm>,
    /// Word-level differences of aligned pairs.
    pub framing: Vec<Framing>,
    /// Distinctive terms of each side against the other, strongest first.
    pub distinctive: PerSide<Vec<DistinctiveTerm>>,
    /// Framing profile of each side.
    pub profile: PerSide<Profile>,
    /// Everything a display marks in each side's text, with why: in text order (by span, then
    /// kind, then the entry shown). Built from the fields above by [`Highlight::all`].
    #[serde(default)]
    pub highlights: PerSide<Vec<Highlight>>,
    /// The side-by-side reading order, covering every sentence of both articles exactly once.
    pub rows: Vec<Row>,
    /// Summary counts.
    pub summary: Summary,
    /// Where a work budget was reached and a coarser method used instead (empty, and left out
    /// of the JSON, when the full analysis ran).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub limits: Vec<Limit>,
}

/// A part of the comparison that reached its work budget and fell back to a coarser method.
/// Budgets count operations, not time, so the same inputs always give the same result.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Limit {
    /// The part of the analysis: `"shared_quotes"`.
    pub stage: String,
    /// What was done instead, in plain words.
    pub fallback: String,
}
