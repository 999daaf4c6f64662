//! Highlights: everything a display marks in an article's text, each with why, in one list per
//! side (the way difftastic's `MatchedPos` list drives every one of its displays).
//!
//! [`Highlight::all`] derives the lists from the rest of a [`Comparison`]; [`describe`] is the
//! one place the explanation of a highlight is written. The reader, the HTML page and the text
//! and Markdown reports all draw their marks and their "why is this marked?" text from these
//! lists and nothing else, so they cannot drift apart.
//!
//! Adding a kind of mark means a [`HighlightKind`] (and, for a new kind of entry, a
//! [`HighlightRef`]), a loop in [`Highlight::all`] and an arm in [`describe`]; the shape of a
//! highlight, `{span, kind, ref, why}`, stays as it is.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use serde::{Deserialize, Serialize};

use super::{Comparison, ContrastLabel, PerSide, Side, SideInfo};
use crate::text::{QuotationKind, QuoteKind, Span, sanitize::sanitize};

/// What a highlight marks. Displays list overlapping highlights in this order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HighlightKind {
    /// Words quoted in both articles.
    SharedQuote,
    /// Words that differ inside an aligned pair of sentences.
    ChangedWords,
    /// A loaded term the other article does not use.
    LoadedTerm,
    /// A loaded term both articles use.
    SharedLoadedTerm,
    /// A loaded term inside someone's quoted words: the speaker's, not the outlet's.
    QuotedLoadedTerm,
    /// Words set in quotation marks without being a quotation.
    ScareQuote,
    /// A word that sets this side's vocabulary apart from the other's.
    DistinctiveTerm,
    /// The headline, shown but not aligned.
    Headline,
    /// Page furniture, left out of the analysis.
    Boilerplate,
    /// The dateline opening the lede ("WASHINGTON —"), left out of the comparison.
    Dateline,
}

impl HighlightKind {
    /// Every kind, in display order.
    pub const ALL: [HighlightKind; 10] = [
        HighlightKind::SharedQuote,
        HighlightKind::ChangedWords,
        HighlightKind::LoadedTerm,
        HighlightKind::SharedLoadedTerm,
        HighlightKind::QuotedLoadedTerm,
        HighlightKind::ScareQuote,
        HighlightKind::DistinctiveTerm,
        HighlightKind::Headline,
        HighlightKind::Boilerplate,
        HighlightKind::Dateline,
    ];

    /// The kind for readers ("shared quote").
    pub fn name(self) -> &'static str {
        match self {
            HighlightKind::SharedQuote => "shared quote",
            HighlightKind::ChangedWords => "changed words",
            HighlightKind::LoadedTerm => "loaded term, this side only",
            HighlightKind::SharedLoadedTerm => "loaded term, both sides",
            HighlightKind::QuotedLoadedTerm => "loaded term, in a quotation",
            HighlightKind::ScareQuote => "scare quotes",
            HighlightKind::DistinctiveTerm => "distinctive term",
            HighlightKind::Headline => "headline",
            HighlightKind::Boilerplate => "page furniture",
            HighlightKind::Dateline => "dateline",
        }
    }
}

/// The entry of the comparison a highlight shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HighlightRef {
    /// `shared_quotes[i]`.
    SharedQuote(usize),
    /// `framing[framing].changes[change]`.
    Change {
        /// Index into `framing`.
        framing: usize,
        /// Index into that entry's `changes`.
        change: usize,
    },
    /// `loaded_terms[i]`.
    LoadedTerm(usize),
    /// This side's `quotes[i]`.
    Quote(usize),
    /// This side's `distinctive` list, entry `i`.
    DistinctiveTerm(usize),
    /// This side's sentence `i` (in `left_out`).
    Sentence(usize),
    /// This side's `dateline` (serialised as the string `"dateline"`).
    Dateline,
}

/// One marked stretch of one side's text.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Highlight {
    /// Where, in this side's text.
    pub span: Span,
    /// What it marks.
    pub kind: HighlightKind,
    /// The entry of the comparison it shows.
    #[serde(rename = "ref")]
    pub item: HighlightRef,
    /// Why it is marked, in plain words ([`describe`]); sanitised for display.
    pub why: String,
}

impl Highlight {
    /// The highlights of both sides of `cmp`, from its other fields. Spans that do not fit the
    /// text, or are empty, are left out.
    pub fn all(cmp: &Comparison) -> PerSide<Vec<Highlight>> {
        let mut out: PerSide<Vec<(Span, HighlightKind, HighlightRef)>> = PerSide::default();
        for (i, q) in cmp.shared_quotes.iter().enumerate() {
            let item = HighlightRef::SharedQuote(i);
            out.a.push((q.a, HighlightKind::SharedQuote, item));
            out.b.push((q.b, HighlightKind::SharedQuote, item));
        }
        for (framing, f) in cmp.framing.iter().enumerate() {
            for (change, ch) in f.changes.iter().enumerate() {
                let item = HighlightRef::Change { framing, change };
                out.a
                    .extend(ch.a.map(|s| (s, HighlightKind::ChangedWords, item)));
                out.b
                    .extend(ch.b.map(|s| (s, HighlightKind::ChangedWords, item)));
            }
        }
        for (i, t) in cmp.loaded_terms.iter().enumerate() {
            let kind = if t.voice == super::Voice::Quoted {
                HighlightKind::QuotedLoadedTerm
            } else if t.only_here {
                HighlightKind::LoadedTerm
            } else {
                HighlightKind::SharedLoadedTerm
            };
            out.get_mut(t.side)
                .push((t.span, kind, HighlightRef::LoadedTerm(i)));
        }
        for side in [Side::A, Side::B] {
            let info = side_info(cmp, side);
            let list = out.get_mut(side);
            // A short quote is a scare quote only when the quotation model finds nobody being
            // quoted (`quotations` runs parallel to `quotes`).
            for (i, (q, w)) in info.quotes.iter().zip(&info.quotations).enumerate() {
                if q.kind == QuoteKind::ScareQuote && w.kind == QuotationKind::Scare {
                    list.push((q.outer, HighlightKind::ScareQuote, HighlightRef::Quote(i)));
                }
            }
            for (i, d) in cmp.distinctive.get(side).iter().enumerate() {
                let item = HighlightRef::DistinctiveTerm(i);
                list.extend(
                    d.positions
                        .iter()
                        .map(|&p| (p, HighlightKind::DistinctiveTerm, item)),
                );
            }
            if let Some(d) = info.dateline {
                list.push((d, HighlightKind::Dateline, HighlightRef::Dateline));
            }
            for l in &info.left_out {
                let Some(&span) = info.sentences.get(l.sentence) else {
                    continue;
                };
                let kind = match l.furniture {
                    None => HighlightKind::Headline,
                    Some(_) => HighlightKind::Boilerplate,
                };
                list.push((span, kind, HighlightRef::Sentence(l.sentence)));
            }
        }
        let describer = Describer::new(cmp);
        let finish = |side: Side, mut list: Vec<(Span, HighlightKind, HighlightRef)>| {
            let text = &side_info(cmp, side).text;
            list.retain(|(s, ..)| !s.is_empty() && s.is_valid_in(text));
            list.sort_by_key(|&(s, kind, item)| (s.start, s.end, kind, item));
            list.dedup();
            // An explanation depends on the item, not on the place: every place of one
            // distinctive term or lexicon entry shares it, so each is written once.
            let mut said: rustc_hash::FxHashMap<(HighlightKind, HighlightRef), String> =
                rustc_hash::FxHashMap::default();
            list.into_iter()
                .map(|(span, kind, item)| Highlight {
                    span,
                    kind,
                    item,
                    why: said
                        .entry((kind, item))
                        .or_insert_with(|| describer.describe(side, kind, item))
                        .clone(),
                })
                .collect()
        };
        let PerSide { a, b } = out;
        let (a, b) = rayon::join(|| finish(Side::A, a), || finish(Side::B, b));
        PerSide { a, b }
    }
}

fn side_info(cmp: &Comparison, side: Side) -> &SideInfo {
    match side {
        Side::A => &cmp.a,
        Side::B => &cmp.b,
    }
}

/// Text for an explanation: sanitised, on one line, whitespace folded.
fn clean(s: &str) -> String {
    let plain = sanitize(s);
    let mut out = String::with_capacity(plain.len());
    for word in plain.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Longest text an explanation quotes (from an article, or a lexicon entry's term, category
/// or reason), in characters; longer text is cut with "…".
pub const QUOTED_CHARS: usize = 160;

/// `s` cleaned and cut to [`QUOTED_CHARS`].
fn short(s: &str) -> String {
    // Cleaning more than the kept characters' worth of a huge text is wasted work.
    let mut end = s.len().min(QUOTED_CHARS * 8);
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    let cleaned = clean(&s[..end]);
    if end < s.len() || cleaned.chars().count() > QUOTED_CHARS {
        let mut cut: String = cleaned.chars().take(QUOTED_CHARS - 1).collect();
        cut.push('…');
        cut
    } else {
        cleaned
    }
}

/// The words of `span` on `side`, cleaned and cut to [`QUOTED_CHARS`].
fn words(cmp: &Comparison, side: Side, span: Span) -> String {
    short(
        side_info(cmp, side)
            .text
            .get(span.start..span.end)
            .unwrap_or(""),
    )
}

/// Sentence `i` of `side` as a reader refers to it: `A3` (1-based).
pub fn sentence_ref(side: Side, i: usize) -> String {
    format!("{}{}", side.name(), i + 1)
}

/// Why the `kind` highlight of `item` on `side` is marked: the explanation every display
/// shows. An `item` that is not in `cmp` gives an empty string.
pub fn describe(cmp: &Comparison, side: Side, kind: HighlightKind, item: HighlightRef) -> String {
    Describer::new(cmp).describe(side, kind, item)
}

/// What a loaded term's lexicon entry says, the same for every form of it on one side:
/// `judgement: passes a verdict …. Only A uses it.` — what reports list the forms under.
pub fn loaded_entry(cmp: &Comparison, side: Side, i: usize) -> String {
    cmp.loaded_terms
        .get(i)
        .map(|t| {
            format!(
                "Loaded term “{}” ({}): {}",
                short(&t.term),
                short(&super::lexicon::category_label(&t.category)),
                entry_why(cmp, side, t)
            )
        })
        .unwrap_or_default()
}

/// Whose words a quoted loaded term is: `In Trump's words, not the outlet's:`.
pub fn in_whose_words(t: &super::LoadedTerm) -> String {
    match &t.speaker {
        Some(sp) => format!("In {}’s words, not the outlet’s:", short(sp)),
        None => "In a quotation, not the outlet’s own words:".to_string(),
    }
}

/// For a loaded change, the loaded term the change's words on `side` hold when every such term
/// is quoted speech (the first of them): the words are the speaker's, not the outlet's.
fn quoted_loaded(
    cmp: &Comparison,
    side: Side,
    span: Span,
    label: ContrastLabel,
) -> Option<&super::LoadedTerm> {
    if label != ContrastLabel::Loaded {
        return None;
    }
    let mut hits = cmp
        .loaded_terms
        .iter()
        .filter(|t| t.side == side && t.span.start < span.end && span.start < t.span.end);
    let first = hits.next()?;
    (first.voice == super::Voice::Quoted && hits.all(|t| t.voice == super::Voice::Quoted))
        .then_some(first)
}

/// The reason of a loaded term's entry and who uses it.
fn entry_why(_cmp: &Comparison, side: Side, t: &super::LoadedTerm) -> String {
    let quoted = t.voice == super::Voice::Quoted;
    let who = if t.only_here && quoted {
        format!("Only {} carries it.", side.name())
    } else if t.only_here {
        format!("Only {} uses it.", side.name())
    } else {
        format!("{} uses it too.", side.other().name())
    };
    format!("{}. {who}", entry_reason(t))
}

/// A loaded term's lexicon reason without its closing full stop. A reason says what the word
/// does in the writer's voice; inside quoted speech it is the speaker's, which the explanation
/// says first ([`in_whose_words`]), so "in the writer's voice" is dropped there.
pub fn entry_reason(t: &super::LoadedTerm) -> String {
    let reason = short(&t.reason);
    let mut reason = reason.trim_end_matches('.');
    if t.voice == super::Voice::Quoted {
        for tail in [", in the writer's voice", " in the writer's voice"] {
            reason = reason.strip_suffix(tail).unwrap_or(reason);
        }
    }
    reason.to_string()
}

/// [`describe`] for many highlights of one comparison: what every explanation looks up is
/// indexed once.
struct Describer<'a> {
    cmp: &'a Comparison,
    /// Score of each aligned pair, by (A sentence, B sentence).
    scores: HashMap<(usize, usize), f64>,
    /// Each side's scare-quoted phrases, lower case.
    scare: PerSide<HashSet<String>>,
}

impl<'a> Describer<'a> {
    fn new(cmp: &'a Comparison) -> Self {
        let phrases = |side: Side| {
            cmp.profile
                .get(side)
                .scare_quotes
                .iter()
                .map(|s| clean(s).to_lowercase())
                .collect()
        };
        Describer {
            cmp,
            scores: cmp
                .alignment
                .iter()
                .map(|p| ((p.a, p.b), p.score))
                .collect(),
            scare: PerSide {
                a: phrases(Side::A),
                b: phrases(Side::B),
            },
        }
    }

    fn describe(&self, side: Side, kind: HighlightKind, item: HighlightRef) -> String {
        let cmp = self.cmp;
        let (here, there) = (side.name(), side.other().name());
        match item {
            HighlightRef::SharedQuote(i) => {
                let Some(q) = cmp.shared_quotes.get(i) else {
                    return String::new();
                };
                let other = if side == Side::A { q.b } else { q.a };
                let mut why = format!("Quotation also in {there} ({} match", q.kind.name());
                if !q.edits.is_empty() {
                    let edits: Vec<&str> = q.edits.iter().map(|e| e.describe()).collect();
                    why.push_str(&format!(": {}", edits.join(", ")));
                }
                why.push_str(&format!(
                    "); {:.0}% of the shorter version's words are in the other",
                    q.score * 100.0
                ));
                if let Some(sp) = &q.speaker {
                    why.push_str(&format!("; speaker: {}", short(sp)));
                }
                why.push_str(&format!(". {there}: “{}”", words(cmp, side.other(), other)));
                why
            }
            HighlightRef::Change { framing, change } => {
                let Some(f) = cmp.framing.get(framing) else {
                    return String::new();
                };
                let Some(ch) = f.changes.get(change) else {
                    return String::new();
                };
                let (sentence, other) = match side {
                    Side::A => (f.b, ch.b),
                    Side::B => (f.a, ch.a),
                };
                let similar = self
                    .scores
                    .get(&(f.a, f.b))
                    .map(|s| format!(" (sentences match {:.0}%)", s * 100.0))
                    .unwrap_or_default();
                let at = sentence_ref(side.other(), sentence);
                // Loaded words someone is quoted saying are theirs, as the loaded term's own
                // explanation says.
                let here = if side == Side::A { ch.a } else { ch.b };
                let label = match here.and_then(|span| quoted_loaded(cmp, side, span, ch.label)) {
                    Some(t) => match &t.speaker {
                        Some(sp) => format!("{}, quoting {}", ch.label.name(), short(sp)),
                        None => format!("{}, in a quotation", ch.label.name()),
                    },
                    None => ch.label.name().to_string(),
                };
                match other {
                    Some(s) => format!(
                        "Changed words ({label}): in {at}, the aligned sentence{similar}, “{}” \
                     stands in their place.",
                        words(cmp, side.other(), s)
                    ),
                    None => format!(
                        "Changed words ({label}): {at}, the aligned sentence{similar}, has nothing \
                     in their place."
                    ),
                }
            }
            HighlightRef::LoadedTerm(i) => {
                let Some(t) = cmp.loaded_terms.get(i) else {
                    return String::new();
                };
                let written = if t.text.is_empty() {
                    words(cmp, side, t.span)
                } else {
                    short(&t.text)
                };
                let entry = if written.to_lowercase() == t.term.to_lowercase() {
                    short(&super::lexicon::category_label(&t.category))
                } else {
                    format!(
                        "entry “{}”, {}",
                        short(&t.term),
                        short(&super::lexicon::category_label(&t.category))
                    )
                };
                let term = format!(
                    "Loaded term “{written}” ({entry}): {}",
                    entry_why(cmp, side, t)
                );
                if t.voice == super::Voice::Quoted {
                    format!("{} {term}", in_whose_words(t))
                } else {
                    term
                }
            }
            HighlightRef::Quote(i) => {
                let Some(q) = side_info(cmp, side).quotes.get(i) else {
                    return String::new();
                };
                let inner = words(cmp, side, q.inner);
                let whole = clean(q.inner.slice(&side_info(cmp, side).text)).to_lowercase();
                let also = self.scare.get(side.other()).contains(&whole);
                let other = if also {
                    format!("{there} also puts these words in scare quotes.")
                } else {
                    format!("{there} does not.")
                };
                format!(
                    "Scare quotes: “{inner}” set in quotation marks without being a quotation — a \
                 signal of distance, irony or doubt. {other}"
                )
            }
            HighlightRef::DistinctiveTerm(i) => {
                let Some(d) = cmp.distinctive.get(side).get(i) else {
                    return String::new();
                };
                if d.z > crate::compare::distinctive::Z_THRESHOLD {
                    format!(
                        "Distinctive term of {here}: “{}”, used {}× in {here} and {}× in \
                         {there} (z = {:.2}; beyond ±1.96 is notable).",
                        short(&d.term),
                        d.count,
                        d.other_count,
                        d.z
                    )
                } else {
                    // Lists are filled up with the strongest of the rest: say it is not notable.
                    format!(
                        "Leans to {here}: “{}”, used {}× in {here} and {}× in {there} (z = {:.2}; \
                         notable only beyond ±1.96).",
                        short(&d.term),
                        d.count,
                        d.other_count,
                        d.z
                    )
                }
            }
            HighlightRef::Dateline => {
                "Dateline: where the report was filed; page furniture, shown \
             but left out of the comparison (alignment, framing differences, distinctive terms)."
                    .to_string()
            }
            HighlightRef::Sentence(i) => {
                // `left_out` is in sentence order.
                let all = &side_info(cmp, side).left_out;
                let left_out = all
                    .binary_search_by_key(&i, |l| l.sentence)
                    .ok()
                    .map(|k| &all[k]);
                match (kind, left_out.and_then(|l| l.furniture)) {
                    (HighlightKind::Headline, _) => {
                        "The headline: shown, but not aligned with the other article's sentences."
                            .to_string()
                    }
                    (_, Some(b)) => {
                        format!(
                            "Page furniture ({}): left out of the analysis.",
                            b.describe()
                        )
                    }
                    (_, None) => "Left out of the analysis.".to_string(),
                }
            }
        }
    }
}
