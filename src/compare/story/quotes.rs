//! Quotations across outlets: who is quoted, by whom, and which quotation one outlet alone
//! carries.
//!
//! Every speech quotation of every article (the text layer's quotation model: `kind` speech,
//! not nested in another quotation, outside page furniture) is a node; every shared quotation
//! a pairwise comparison found joins its two copies (a copy one outlet gives without quote
//! marks joins as the words it matched). Each group is one [`StoryQuote`], with the fact each
//! copy is told in and the speaker as each outlet names them.
//!
//! Speakers are grouped by name without titles ("President Donald Trump", "Donald Trump"),
//! and a bare surname ("Trump") joins the one fuller name ending with it, when there is just
//! one.

use std::collections::{BTreeMap, HashMap};

use super::facts::Node;
use super::{QuoteCopy, QuotedBy, Speaker, StoryQuote};
use crate::compare::Comparison;
use crate::corpus::Article;
use crate::text::quotes::names::{name_key, people};
use crate::text::{QuotationKind, Span};

/// The quotations and speakers of a story.
#[derive(Clone, Debug, Default)]
pub struct Quotes {
    /// Quotation groups, in the order of the facts they are told in.
    pub quotations: Vec<StoryQuote>,
    /// Who is quoted, most quoted first.
    pub speakers: Vec<Speaker>,
}

/// The speaker of the quotation at `span` of article `art`, cleaned to one line.
fn speaker_of(art: &Article, q: &crate::text::quotes::Quote) -> Option<String> {
    let name = q.speaker?.slice(&art.text);
    let clean = crate::text::sanitize::sanitize_line(name);
    let clean = clean.split_whitespace().collect::<Vec<_>>().join(" ");
    (!clean.is_empty()).then_some(clean)
}

/// The sentence of article `art` holding byte `at`.
fn sentence_at(art: &Article, at: usize) -> Option<usize> {
    let sents = &art.analysis.sentences;
    let i = sents.partition_point(|s| s.span.end <= at);
    (i < sents.len() && sents[i].span.start <= at).then_some(i)
}

/// Group the speech quotations of `articles` across the pairwise `cmps`; `fact_of` gives the
/// fact of each analysed sentence.
pub fn group(
    articles: &[Article],
    pairs: &[(usize, usize)],
    cmps: &[Comparison],
    fact_of: &HashMap<Node, usize>,
) -> Quotes {
    // Nodes: (article, span), a quotation's outer span or matched unquoted words.
    let mut nodes: Vec<(usize, Span, Option<String>)> = Vec::new();
    let mut index: HashMap<(usize, Span), usize> = HashMap::new();
    for (k, art) in articles.iter().enumerate() {
        for q in &art.analysis.quotes {
            let compared = sentence_at(art, q.outer.start)
                .is_some_and(|s| art.analysis.sentence_role(s).is_compared());
            if q.class == QuotationKind::Speech && !q.nested && compared {
                index.insert((k, q.outer), nodes.len());
                nodes.push((k, q.outer, speaker_of(art, q)));
            }
        }
    }
    let mut parent: Vec<usize> = (0..nodes.len()).collect();
    fn find(parent: &mut [usize], mut x: usize) -> usize {
        while parent[x] != x {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        x
    }
    // The node a shared quote's span on article `k` stands for: the speech quotation it lies
    // in, else the words themselves (`false`: not a quotation in this article), unless they
    // lie in a title, a term or a scare quote, or outside the compared text.
    let node_for = |k: usize, span: Span| -> Option<((usize, Span), bool)> {
        let art = &articles[k];
        let mut within = art
            .analysis
            .quotes
            .iter()
            .filter(|q| !q.nested && q.outer.overlaps(&span));
        match within.next() {
            Some(q) if q.class == QuotationKind::Speech => Some(((k, q.outer), true)),
            Some(_) => None,
            None => sentence_at(art, span.start)
                .is_some_and(|s| art.analysis.sentence_role(s).is_compared())
                .then_some(((k, span), false)),
        }
    };
    for (&(i, j), cmp) in pairs.iter().zip(cmps) {
        for q in &cmp.shared_quotes {
            let (Some((x, qx)), Some((y, qy))) = (node_for(i, q.a), node_for(j, q.b)) else {
                continue;
            };
            // Words neither outlet quotes are no quotation of the story.
            if !(qx || qy) {
                continue;
            }
            let mut id = |key: (usize, Span)| -> usize {
                *index.entry(key).or_insert_with(|| {
                    nodes.push((key.0, key.1, None));
                    parent.push(parent.len());
                    nodes.len() - 1
                })
            };
            let (x, y) = (id(x), id(y));
            let (rx, ry) = (find(&mut parent, x), find(&mut parent, y));
            if rx != ry {
                parent[rx.max(ry)] = rx.min(ry);
            }
        }
    }
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..nodes.len() {
        let r = find(&mut parent, i);
        groups.entry(r).or_default().push(i);
    }
    let mut quotations: Vec<StoryQuote> = groups
        .into_values()
        .map(|members| {
            let mut copies: Vec<QuoteCopy> = members
                .iter()
                .map(|&i| {
                    let (k, span, ref speaker) = nodes[i];
                    QuoteCopy {
                        article: k,
                        span,
                        speaker: speaker.clone(),
                        fact: sentence_at(&articles[k], span.start)
                            .and_then(|s| fact_of.get(&(k, s)).copied()),
                    }
                })
                .collect();
            copies.sort_by_key(|c| (c.article, c.span.start, c.span.end));
            let mut carried_by: Vec<usize> = copies.iter().map(|c| c.article).collect();
            carried_by.dedup();
            let speaker = common_speaker(&copies);
            StoryQuote {
                speaker,
                copies,
                carried_by,
            }
        })
        .collect();
    quotations.sort_by_key(|q| {
        let first = &q.copies[0];
        (
            first.fact.unwrap_or(usize::MAX),
            first.article,
            first.span.start,
        )
    });
    let speakers = speakers(&quotations);
    Quotes {
        quotations,
        speakers,
    }
}

/// The speaker most copies name (by [`name_key`]), in the fullest form given; on a tie, the
/// one the earliest article names.
fn common_speaker(copies: &[QuoteCopy]) -> Option<String> {
    let named: Vec<&String> = copies.iter().filter_map(|c| c.speaker.as_ref()).collect();
    let votes = |key: &str| named.iter().filter(|n| name_key(n) == key).count();
    let best = named
        .iter()
        .enumerate()
        .max_by(|(i, x), (j, y)| votes(&name_key(x)).cmp(&votes(&name_key(y))).then(j.cmp(i)))?
        .1;
    let key = name_key(best);
    named
        .iter()
        .filter(|n| name_key(n) == key)
        .max_by(|x, y| x.len().cmp(&y.len()).then(y.cmp(x)))
        .map(|n| n.to_string())
}

/// Who is quoted in `quotations`, by which outlet how often.
fn speakers(quotations: &[StoryQuote]) -> Vec<Speaker> {
    // Every named copy: its speaker and its article.
    let named: Vec<(&str, usize)> = quotations
        .iter()
        .flat_map(|q| &q.copies)
        .filter_map(|c| Some((c.speaker.as_deref()?, c.article)))
        .collect();
    let names: Vec<&str> = named.iter().map(|&(n, _)| n).collect();
    let by_key = people(&names).into_iter().map(|(name, members)| {
        let mut counts: BTreeMap<usize, usize> = BTreeMap::new();
        for i in members {
            *counts.entry(named[i].1).or_default() += 1;
        }
        (name, counts)
    });
    let mut out: Vec<Speaker> = by_key
        .map(|(name, counts)| Speaker {
            name,
            quoted_by: counts
                .into_iter()
                .map(|(article, count)| QuotedBy { article, count })
                .collect(),
        })
        .collect();
    out.sort_by(|x, y| {
        let total = |s: &Speaker| s.quoted_by.iter().map(|q| q.count).sum::<usize>();
        total(y)
            .cmp(&total(x))
            .then(y.quoted_by.len().cmp(&x.quoted_by.len()))
            .then(x.name.cmp(&y.name))
    });
    out
}
