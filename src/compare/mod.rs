//! The comparison engine: pure, deterministic, no terminal code.
//!
//! [`compare`] takes two analysed articles and produces a [`Comparison`]: sentence alignment
//! ([`align`]), shared quotations ([`quotes`]), word-level framing differences ([`framing`]),
//! loaded terms ([`lexicon`]), distinctive vocabulary ([`distinctive`]) and the framing profile
//! ([`profile`]), and the [`highlight`] lists every display marks from.

pub mod align;
pub mod comparison;
pub mod distinctive;
pub mod framing;
pub mod highlight;
pub mod lexicon;
pub mod profile;
pub mod quotes;
pub mod stats;
pub mod stories;
pub mod story;
pub mod voice;

use std::sync::{Arc, OnceLock};

pub use comparison::*;
pub use voice::Voice;

use crate::corpus::Article;
use crate::text::ParagraphRole;

/// Engine options (display options live with the displays).
#[derive(Clone, Debug)]
pub struct Options {
    /// The lexicon of loaded terms (bundled, possibly patched by the user's lexicon).
    pub lexicon: Arc<lexicon::Lexicon>,
    /// Document frequencies of a fixed collection, to weigh words by how common they are in it
    /// besides the pair's own statistics and the bundled background table. `None` (the default,
    /// and what the reader and every command use) weighs words by the two articles and the
    /// bundled tables alone, so that one pair gives one comparison however it is opened —
    /// whatever else is loaded, and before or after the library's statistics are ready.
    pub corpus: Option<Arc<stats::DocFreq>>,
    /// Minimum similarity for two sentences to be aligned, in `[0, 1]`.
    pub min_score: f64,
    /// Work budget of fuzzy quotation matching ([`quotes::WORK_BUDGET`] by default).
    pub quote_budget: u64,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            lexicon: builtin_lexicon(),
            corpus: None,
            min_score: 0.2,
            quote_budget: quotes::WORK_BUDGET,
        }
    }
}

impl Options {
    /// Options for comparing articles of a library: the bundled lexicon patched by the user's
    /// `[lexicon]` table. The library's own word statistics are deliberately left out (see
    /// [`Options::corpus`]): a comparison depends on its two articles and the user's lexicon
    /// only, so the reader, `parallax A B` and `parallax compare` agree on every pair.
    /// Items of the user lexicon that cannot apply are returned next to options using the
    /// rest of the patch, so the caller can report them and carry on.
    pub fn for_library(
        _library: &[Article],
        user: &lexicon::UserLexicon,
    ) -> (Options, Vec<lexicon::PatchError>) {
        let builtin = builtin_lexicon();
        // An empty patch leaves the bundled lexicon as it is: no second build of its matchers.
        let (lexicon, errors) = if user.add.is_empty() && user.disable.is_empty() {
            (builtin, Vec::new())
        } else {
            let (lexicon, errors) = builtin.with_user(user);
            (Arc::new(lexicon), errors)
        };
        let opts = Options {
            lexicon,
            ..Options::default()
        };
        (opts, errors)
    }
}

/// The bundled lexicon, built once per process and shared by every [`Options`] made from it.
fn builtin_lexicon() -> Arc<lexicon::Lexicon> {
    static BUILTIN: OnceLock<Arc<lexicon::Lexicon>> = OnceLock::new();
    BUILTIN
        .get_or_init(|| Arc::new(lexicon::Lexicon::bundled()))
        .clone()
}

/// Build what every comparison needs whatever the articles (the bundled lexicon and its
/// matchers), so that a caller can do it beside other work, such as reading the articles.
pub fn warm_up() {
    builtin_lexicon();
}

/// Compare two articles. Pure and deterministic: the same inputs always give the same value.
pub fn compare(a: &Article, b: &Article, opts: &Options) -> Comparison {
    // The alignment, shared quotations, loaded terms and distinctive terms do not read each
    // other: four tasks, which the thread pool spreads over the cores there are.
    let ((units, distinctive), ((shared_quotes, quotes_cut), loaded_terms)) = rayon::join(
        || {
            rayon::join(
                || align::units(a, b, opts),
                || distinctive::distinctive(a, b, opts),
            )
        },
        || {
            rayon::join(
                || quotes::match_quotes_within(a, b, opts.quote_budget),
                || lexicon::loaded_terms(a, b, &opts.lexicon),
            )
        },
    );
    // Sentences that carry one shared quotation belong side by side.
    let mut units = units;
    units.join_shared_quotes(a, b, &shared_quotes);
    let alignment = units.finish(a, b);
    let mut limits = Vec::new();
    if quotes_cut.pairs {
        limits.push(Limit {
            stage: "shared_quotes".to_string(),
            fallback: "too many quotation pairs to align word by word: past the work budget, \
                       only quotations with identical words were paired, and none was looked \
                       for in the other article's unquoted text"
                .to_string(),
        });
    } else if quotes_cut.unquoted {
        limits.push(Limit {
            stage: "shared_quotes".to_string(),
            fallback: "too many words to look for quotations in the other article's unquoted \
                       text: past the work budget, the remaining quotations were not looked for \
                       there"
                .to_string(),
        });
    }
    // Framing labels and the two articles' profiles read the same results and not each other.
    let (framing, profile) = rayon::join(
        || framing::framing(a, b, &alignment.pairs, &loaded_terms),
        || PerSide {
            a: profile::profile(a, Side::A, &loaded_terms),
            b: profile::profile(b, Side::B, &loaded_terms),
        },
    );
    let summary = Summary {
        aligned: alignment.pairs.len(),
        moved: alignment.pairs.iter().filter(|p| p.moved).count(),
        only_a: count_rows(&alignment.rows, RowKind::OnlyA, Side::A),
        only_b: count_rows(&alignment.rows, RowKind::OnlyB, Side::B),
        shared_quotes: shared_quotes.len(),
        framing_differences: framing.len(),
        loaded_a: loaded_terms.iter().filter(|t| t.side == Side::A).count(),
        loaded_b: loaded_terms.iter().filter(|t| t.side == Side::B).count(),
        similarity: alignment.similarity,
    };
    let mut cmp = Comparison {
        schema: SCHEMA.to_string(),
        a: side_info(a),
        b: side_info(b),
        alignment: alignment.pairs,
        shared_quotes,
        loaded_terms,
        framing,
        distinctive,
        profile,
        highlights: PerSide::default(),
        rows: alignment.rows,
        summary,
        limits,
    };
    cmp.highlights = Highlight::all(&cmp);
    cmp
}

fn count_rows(rows: &[Row], kind: RowKind, side: Side) -> usize {
    rows.iter()
        .filter(|r| r.kind == kind)
        .map(|r| {
            if side == Side::A {
                r.a.len()
            } else {
                r.b.len()
            }
        })
        .sum()
}

fn side_info(art: &Article) -> SideInfo {
    let an = &art.analysis;
    SideInfo {
        id: art.id.clone(),
        path: art.source.display(),
        title: art.title.clone(),
        outlet: art.outlet.clone(),
        date: art.date.clone(),
        url: art.url.clone(),
        text: art.text.clone(),
        sentences: an.sentences.iter().map(|s| s.span).collect(),
        excluded: (0..an.sentences.len())
            .filter(|&i| !an.sentence_role(i).is_compared())
            .collect(),
        dateline: an.dateline(),
        words: an.content_words(),
        left_out: (0..an.sentences.len())
            .filter_map(|i| match an.sentence_role(i) {
                ParagraphRole::Body | ParagraphRole::Embedded => None,
                ParagraphRole::Title => Some(LeftOut {
                    sentence: i,
                    furniture: None,
                }),
                ParagraphRole::Boilerplate(b) => Some(LeftOut {
                    sentence: i,
                    furniture: Some(b),
                }),
            })
            .collect(),
        quotes: an
            .quotes
            .iter()
            .map(|q| Quotation {
                outer: q.outer,
                inner: q.inner,
                kind: q.kind,
                speaker: q.speaker,
            })
            .collect(),
        quotations: an
            .quotes
            .iter()
            .map(|q| QuotedWords {
                span: q.outer,
                kind: q.class,
                speaker: q.speaker.map(|s| {
                    s.slice(&art.text)
                        .split_whitespace()
                        .collect::<Vec<_>>()
                        .join(" ")
                }),
                speaker_span: q.speaker,
                attribution: q.attribution,
                nested: q.nested,
            })
            .collect(),
    }
}
