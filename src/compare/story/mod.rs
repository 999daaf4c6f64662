//! Story comparison: three or more articles on one event, fact by fact.
//!
//! [`compare_many`] compares every pair of the articles with [`super::compare`] and builds one
//! [`Story`] from the pairwise results, so a story improves whenever the pairwise alignment
//! does:
//!
//! - **Facts** ([`facts`]) are clusters of sentences across the articles that report the same
//!   thing: the connected components of the pairwise alignment links, taken strongest first
//!   (confident links — scoring at least [`Options::min_score`] — before the weaker ones the
//!   aligner accepted from their context), where a link is refused when it would put two
//!   sentences of one article into one fact that no pairwise alignment joined as one unit
//!   (an n:m row). Every analysed sentence belongs to exactly one fact; a sentence nothing links
//!   is a fact of its own article alone. Facts are in the first article's reading order, the
//!   others' facts interleaved at their place in their own article.
//! - **Cells**: for each article carrying a fact, its sentences (indices and byte spans) and
//!   their marks ([`marks`]): loaded terms (only this outlet of the story uses the entry, or
//!   others do too), framing changes the pairwise comparisons label (attribution, hedging,
//!   naming, numbers, loaded words, scare quotes) against another outlet's wording of the fact,
//!   scare quotes, and quotations carried by other outlets too.
//! - **Quotations** ([`quotes`]): every speech quotation, grouped across the articles by the
//!   pairwise shared-quote matches, with the speaker and which outlets carry it (one outlet
//!   alone, or several); and per speaker, which outlets quote them how often.
//! - Per article, the facts only it reports; per pair, how many of its alignment links landed
//!   in one fact (the measure of how well the facts agree with the pairwise alignment).
//!
//! Pure and deterministic; every result is a byte span into one article's text or an index
//! into its sentences. The serde form is the JSON report, schema [`SCHEMA`].

pub mod facts;
pub mod marks;
pub mod quotes;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use super::{Comparison, ContrastLabel, HighlightKind, Options, compare};
use crate::corpus::Article;
use crate::text::Span;

/// The JSON schema identifier of [`Story`].
pub const SCHEMA: &str = "parallax.story/1";

/// Fewest articles a story compares (two are a pairwise comparison).
pub const MIN_ARTICLES: usize = 3;

/// Most articles a story compares: every pair is compared, 28 pairs for eight.
pub const MAX_ARTICLES: usize = 8;

/// One article of the story as the comparison saw it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StoryArticle {
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
    /// The full text all spans index into.
    pub text: String,
    /// Every sentence of the text, boilerplate included, in order.
    pub sentences: Vec<Span>,
    /// Indices of sentences left out of the analysis (page furniture and the headline).
    pub excluded: Vec<usize>,
    /// Number of words outside boilerplate.
    pub words: usize,
    /// The facts only this article reports (indices into [`Story::facts`]).
    pub only: Vec<usize>,
}

impl StoryArticle {
    /// The outlet's name, or "unknown".
    pub fn outlet_label(&self) -> &str {
        self.outlet.as_deref().unwrap_or("unknown")
    }
}

/// One marked stretch of a cell.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Mark {
    /// Where, in the article's text.
    pub span: Span,
    /// What it marks: `shared_quote` (a quotation other outlets carry too), `changed_words`
    /// (a labelled framing change against another outlet's wording of the fact),
    /// `loaded_term` (no other outlet of the story uses the entry), `shared_loaded_term`,
    /// `scare_quote`.
    pub kind: HighlightKind,
    /// For `changed_words`, the contrast's label.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<ContrastLabel>,
    /// For `changed_words`, the article whose wording it differs from; for `shared_quote`,
    /// the index of the quotation in [`Story::quotations`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub other: Option<usize>,
    /// Why it is marked, in plain words; sanitised for display.
    pub why: String,
}

/// How one article words a fact.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Cell {
    /// The article (index into [`Story::articles`]).
    pub article: usize,
    /// Its sentences telling the fact, in text order.
    pub sentences: Vec<usize>,
    /// Their spans, in the same order.
    pub spans: Vec<Span>,
    /// Marks inside those sentences, in text order.
    pub marks: Vec<Mark>,
}

/// Sentences of several articles that report the same thing.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Fact {
    /// One cell per article carrying the fact, in article order.
    pub cells: Vec<Cell>,
    /// The articles that carry it.
    pub carried_by: Vec<usize>,
    /// The articles that do not.
    pub omitted_by: Vec<usize>,
    /// Mean score of the alignment links joining it, in `[0, 1]`; null for a fact of one
    /// article.
    pub score: Option<f64>,
    /// Framing labels of the pairwise differences inside the fact (other than plain wording).
    pub labels: Vec<ContrastLabel>,
    /// Quotations told in it (indices into [`Story::quotations`]).
    pub quotations: Vec<usize>,
}

impl Fact {
    /// The cell of `article`, when it carries the fact.
    pub fn cell(&self, article: usize) -> Option<&Cell> {
        self.cells.iter().find(|c| c.article == article)
    }
}

/// One outlet's copy of a quotation.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QuoteCopy {
    /// The article.
    pub article: usize,
    /// The quotation with its marks (or the words, when this outlet does not quote them).
    pub span: Span,
    /// The speaker as this article names them.
    pub speaker: Option<String>,
    /// The fact it is told in.
    pub fact: Option<usize>,
}

/// A quotation and the outlets that carry it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StoryQuote {
    /// Who is quoted (the fullest name any outlet gives), or null when no outlet says.
    pub speaker: Option<String>,
    /// Each outlet's copy, in article order.
    pub copies: Vec<QuoteCopy>,
    /// The articles carrying it.
    pub carried_by: Vec<usize>,
}

/// How often one outlet quotes a speaker.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QuotedBy {
    /// The article.
    pub article: usize,
    /// Its quotations of the speaker.
    pub count: usize,
}

/// Someone quoted in the story, and by whom.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Speaker {
    /// The fullest name the articles give.
    pub name: String,
    /// The outlets quoting them, in article order.
    pub quoted_by: Vec<QuotedBy>,
}

/// How one pairwise comparison's alignment fared in the facts.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PairLinks {
    /// First article.
    pub a: usize,
    /// Second article.
    pub b: usize,
    /// The pair's "content aligned" figure, in `[0, 1]`.
    pub similarity: f64,
    /// Aligned sentence pairs.
    pub links: usize,
    /// Of those, the ones landing in one fact.
    pub links_in_one_fact: usize,
    /// Confident aligned pairs (scoring at least the minimum score).
    pub confident: usize,
    /// Of those, the ones landing in one fact.
    pub confident_in_one_fact: usize,
}

/// Counts for a summary line.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct StorySummary {
    /// Number of facts.
    pub facts: usize,
    /// Facts every article carries.
    pub shared_by_all: usize,
    /// Facts one article alone carries.
    pub one_outlet: usize,
    /// Quotations (grouped across outlets).
    pub quotations: usize,
    /// Quotations one outlet alone carries.
    pub quotations_one_outlet: usize,
    /// Confident pairwise links, over all pairs.
    pub confident_links: usize,
    /// Of those, the ones landing in one fact.
    pub confident_in_one_fact: usize,
}

/// The complete result of comparing three or more articles.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Story {
    /// Always [`SCHEMA`].
    pub schema: String,
    /// The articles, in the order given.
    pub articles: Vec<StoryArticle>,
    /// The facts, in reading order.
    pub facts: Vec<Fact>,
    /// The quotations, in order of first appearance (first article first).
    pub quotations: Vec<StoryQuote>,
    /// Who is quoted, most quoted first.
    pub speakers: Vec<Speaker>,
    /// Every pair of articles, in order (0–1, 0–2, …, 1–2, …).
    pub pairs: Vec<PairLinks>,
    /// Summary counts.
    pub summary: StorySummary,
}

/// Compare three or more articles (fewer or more than the limits work too, but the displays
/// are made for [`MIN_ARTICLES`]..=[`MAX_ARTICLES`]). Pure and deterministic.
pub fn compare_many(articles: &[Article], opts: &Options) -> Story {
    compare_many_keeping(articles, opts).0
}

/// [`compare_many`], also returning the pairwise comparisons it was built from, in the order
/// of [`Story::pairs`] (for a reader that opens one of them).
pub fn compare_many_keeping(articles: &[Article], opts: &Options) -> (Story, Vec<Comparison>) {
    let pairs = pair_indices(articles.len());
    let cmps: Vec<Comparison> = pairs
        .par_iter()
        .map(|&(i, j)| compare(&articles[i], &articles[j], opts))
        .collect();
    let story = build(articles, &pairs, &cmps, opts);
    (story, cmps)
}

/// Every pair `(i, j)`, `i < j`, of `n` articles, in order.
pub fn pair_indices(n: usize) -> Vec<(usize, usize)> {
    (0..n)
        .flat_map(|i| (i + 1..n).map(move |j| (i, j)))
        .collect()
}

/// The position in [`Story::pairs`] of the pair of articles `x` and `y` (either order).
pub fn pair_position(n: usize, x: usize, y: usize) -> Option<usize> {
    let (i, j) = (x.min(y), x.max(y));
    if i == j || j >= n {
        return None;
    }
    // Pairs before row i: (n-1) + (n-2) + … + (n-i).
    Some(i * n - i * (i + 1) / 2 + (j - i - 1))
}

fn build(
    articles: &[Article],
    pairs: &[(usize, usize)],
    cmps: &[Comparison],
    opts: &Options,
) -> Story {
    let clustering = facts::cluster(articles, pairs, cmps, opts.min_score);
    let quotes = quotes::group(articles, pairs, cmps, &clustering.fact_of);
    let mut facts: Vec<Fact> = clustering
        .facts
        .iter()
        .enumerate()
        .map(|(f, members)| {
            let carried_by: Vec<usize> = {
                let mut v: Vec<usize> = members.iter().map(|&(a, _)| a).collect();
                v.dedup();
                v
            };
            let cells = carried_by
                .iter()
                .map(|&art| {
                    let sentences: Vec<usize> = members
                        .iter()
                        .filter(|&&(a, _)| a == art)
                        .map(|&(_, s)| s)
                        .collect();
                    let spans = sentences
                        .iter()
                        .map(|&s| articles[art].analysis.sentences[s].span)
                        .collect();
                    Cell {
                        article: art,
                        sentences,
                        spans,
                        marks: Vec::new(),
                    }
                })
                .collect();
            Fact {
                cells,
                omitted_by: (0..articles.len())
                    .filter(|a| !carried_by.contains(a))
                    .collect(),
                carried_by,
                score: clustering.scores[f],
                labels: Vec::new(),
                quotations: quotes
                    .quotations
                    .iter()
                    .enumerate()
                    .filter(|(_, q)| q.copies.iter().any(|c| c.fact == Some(f)))
                    .map(|(i, _)| i)
                    .collect(),
            }
        })
        .collect();
    marks::mark(
        articles,
        pairs,
        cmps,
        &clustering.fact_of,
        &quotes.quotations,
        &mut facts,
    );
    let articles_out: Vec<StoryArticle> = articles
        .iter()
        .enumerate()
        .map(|(k, art)| {
            let an = &art.analysis;
            StoryArticle {
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
                words: an.content_words(),
                only: facts
                    .iter()
                    .enumerate()
                    .filter(|(_, f)| f.carried_by == [k] && articles.len() > 1)
                    .map(|(i, _)| i)
                    .collect(),
            }
        })
        .collect();
    let pair_links = clustering.pair_links(pairs, cmps);
    let summary = StorySummary {
        facts: facts.len(),
        shared_by_all: facts
            .iter()
            .filter(|f| f.omitted_by.is_empty() && articles.len() > 1)
            .count(),
        one_outlet: facts.iter().filter(|f| f.carried_by.len() == 1).count(),
        quotations: quotes.quotations.len(),
        quotations_one_outlet: quotes
            .quotations
            .iter()
            .filter(|q| q.carried_by.len() == 1)
            .count(),
        confident_links: pair_links.iter().map(|p| p.confident).sum(),
        confident_in_one_fact: pair_links.iter().map(|p| p.confident_in_one_fact).sum(),
    };
    Story {
        schema: SCHEMA.to_string(),
        articles: articles_out,
        facts,
        quotations: quotes.quotations,
        speakers: quotes.speakers,
        pairs: pair_links,
        summary,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pair_positions_follow_the_pair_order() {
        for n in 0..9 {
            for (k, &(i, j)) in pair_indices(n).iter().enumerate() {
                assert_eq!(pair_position(n, i, j), Some(k));
                assert_eq!(pair_position(n, j, i), Some(k));
            }
            assert_eq!(pair_position(n, 1, 1), None);
        }
    }
}
