//! Facts: sentences of several articles clustered from the pairwise alignment links.
//!
//! Every analysed sentence (body and embedded posts) of every article is a node; every aligned
//! pair of every pairwise comparison is a link. Links are taken strongest first — confident
//! ones (scoring at least the minimum score) before the weaker ones the aligner accepted from
//! their context — and each joins the clusters of its two sentences, unless the joined cluster
//! would hold two sentences of one article that no pairwise comparison joined as one unit (an
//! n:m row of its alignment): one article telling two things in two sentences means two facts,
//! and a chain of links through other outlets must not merge them. That is Kruskal's algorithm
//! with a cannot-link constraint, so the facts split where a connected component would merge
//! two different facts, along its weakest links.
//!
//! The facts are then put in reading order: the first article's facts in its order, then each
//! next article's facts that are not placed yet right after the fact of its preceding sentence.

use std::collections::{HashMap, HashSet};

use super::PairLinks;
use crate::compare::{Comparison, RowKind};
use crate::corpus::Article;

/// A sentence of the story: (article, sentence index).
pub type Node = (usize, usize);

/// One alignment link between sentences of two articles.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Link {
    /// Position of the pair in the story's pair list.
    pub pair: usize,
    /// Sentence of the pair's first article.
    pub a: Node,
    /// Sentence of the pair's second article.
    pub b: Node,
    /// The alignment's score.
    pub score: f64,
    /// True when the score reaches the minimum score.
    pub confident: bool,
}

/// The facts of a story, before cells and marks are added.
#[derive(Clone, Debug, Default)]
pub struct Clustering {
    /// Each fact's sentences, sorted by article then sentence, in reading order of the facts.
    pub facts: Vec<Vec<Node>>,
    /// The fact of every analysed sentence.
    pub fact_of: HashMap<Node, usize>,
    /// Mean score of the links inside each fact (`None` for a fact of one article).
    pub scores: Vec<Option<f64>>,
    /// Every link, in the order of the pairs.
    pub links: Vec<Link>,
}

impl Clustering {
    /// How many of each pair's links landed in one fact.
    pub fn pair_links(&self, pairs: &[(usize, usize)], cmps: &[Comparison]) -> Vec<PairLinks> {
        pairs
            .iter()
            .enumerate()
            .map(|(p, &(a, b))| {
                let mine = self.links.iter().filter(|l| l.pair == p);
                let mut out = PairLinks {
                    a,
                    b,
                    similarity: cmps.get(p).map(|c| c.summary.similarity).unwrap_or(0.0),
                    links: 0,
                    links_in_one_fact: 0,
                    confident: 0,
                    confident_in_one_fact: 0,
                };
                for l in mine {
                    let together = self.fact_of.get(&l.a) == self.fact_of.get(&l.b);
                    out.links += 1;
                    out.links_in_one_fact += usize::from(together);
                    if l.confident {
                        out.confident += 1;
                        out.confident_in_one_fact += usize::from(together);
                    }
                }
                out
            })
            .collect()
    }
}

/// Union-find over the nodes, keeping each root's members.
struct Sets {
    parent: Vec<usize>,
    members: Vec<Vec<usize>>,
}

impl Sets {
    fn new(n: usize) -> Sets {
        Sets {
            parent: (0..n).collect(),
            members: (0..n).map(|i| vec![i]).collect(),
        }
    }

    fn find(&mut self, mut x: usize) -> usize {
        while self.parent[x] != x {
            self.parent[x] = self.parent[self.parent[x]];
            x = self.parent[x];
        }
        x
    }

    fn union(&mut self, x: usize, y: usize) {
        let (keep, gone) = if self.members[x].len() >= self.members[y].len() {
            (x, y)
        } else {
            (y, x)
        };
        self.parent[gone] = keep;
        let moved = std::mem::take(&mut self.members[gone]);
        self.members[keep].extend(moved);
    }
}

/// Cluster the analysed sentences of `articles` into facts from the alignments of `cmps`
/// (one per pair of `pairs`); links scoring at least `min_score` are confident.
pub fn cluster(
    articles: &[Article],
    pairs: &[(usize, usize)],
    cmps: &[Comparison],
    min_score: f64,
) -> Clustering {
    // The nodes: every analysed sentence, numbered article by article.
    let mut nodes: Vec<Node> = Vec::new();
    for (k, art) in articles.iter().enumerate() {
        let an = &art.analysis;
        nodes.extend(
            (0..an.sentences.len())
                .filter(|&s| an.sentence_role(s).is_compared())
                .map(|s| (k, s)),
        );
    }
    let index: HashMap<Node, usize> = nodes.iter().enumerate().map(|(i, &n)| (n, i)).collect();

    // Sentences of one article that some pairwise alignment joined as one unit.
    let mut joined: HashSet<(Node, Node)> = HashSet::new();
    let mut links = Vec::new();
    for (p, (&(i, j), cmp)) in pairs.iter().zip(cmps).enumerate() {
        for row in &cmp.rows {
            if !matches!(row.kind, RowKind::Aligned | RowKind::Moved) {
                continue;
            }
            for (art, sents) in [(i, &row.a), (j, &row.b)] {
                for &x in sents {
                    for &y in sents {
                        if x < y {
                            joined.insert(((art, x), (art, y)));
                        }
                    }
                }
            }
        }
        for pair in &cmp.alignment {
            let (a, b) = ((i, pair.a), (j, pair.b));
            if index.contains_key(&a) && index.contains_key(&b) {
                links.push(Link {
                    pair: p,
                    a,
                    b,
                    score: pair.score,
                    confident: pair.score >= min_score,
                });
            }
        }
    }

    // Strongest first: confident links, then links a third article confirms (both sentences
    // linked to one sentence of it), then by score; ties in the order of the pairs.
    let mut neighbours: HashMap<Node, HashSet<Node>> = HashMap::new();
    for l in &links {
        neighbours.entry(l.a).or_default().insert(l.b);
        neighbours.entry(l.b).or_default().insert(l.a);
    }
    let confirmed: Vec<usize> = links
        .iter()
        .map(|l| match (neighbours.get(&l.a), neighbours.get(&l.b)) {
            (Some(x), Some(y)) => x.intersection(y).count(),
            _ => 0,
        })
        .collect();
    let mut order: Vec<usize> = (0..links.len()).collect();
    order.sort_by(|&x, &y| {
        let (lx, ly) = (&links[x], &links[y]);
        ly.confident
            .cmp(&lx.confident)
            .then(confirmed[y].cmp(&confirmed[x]))
            .then(ly.score.total_cmp(&lx.score))
            .then(x.cmp(&y))
    });
    let mut sets = Sets::new(nodes.len());
    for &l in &order {
        let (x, y) = (index[&links[l].a], index[&links[l].b]);
        let (rx, ry) = (sets.find(x), sets.find(y));
        if rx == ry {
            continue;
        }
        let clash = sets.members[rx].iter().any(|&u| {
            sets.members[ry].iter().any(|&v| {
                let (nu, nv) = (nodes[u], nodes[v]);
                nu.0 == nv.0 && !joined.contains(&(nu.min(nv), nu.max(nv)))
            })
        });
        if !clash {
            sets.union(rx, ry);
        }
    }

    // Reading order: article by article, each unplaced fact after the fact of the sentence
    // before it in that article; an article's opening facts that no earlier article tells go
    // just before the first fact it shares (at the end when it shares none).
    let roots: Vec<usize> = (0..nodes.len()).map(|i| sets.find(i)).collect();
    let mut placed: Vec<usize> = Vec::new();
    let mut is_placed = vec![false; nodes.len()];
    for k in 0..articles.len() {
        let mut at: Option<usize> = None;
        let mut opening: Vec<usize> = Vec::new();
        for (i, &(art, _)) in nodes.iter().enumerate() {
            if art != k {
                continue;
            }
            let r = roots[i];
            if opening.contains(&r) {
                continue;
            }
            if let Some(p) = is_placed[r]
                .then(|| placed.iter().position(|&p| p == r))
                .flatten()
            {
                if at.is_none() {
                    let n = opening.len();
                    for &o in &opening {
                        is_placed[o] = true;
                    }
                    placed.splice(p..p, opening.drain(..));
                    at = Some(p + n + 1);
                } else {
                    at = Some(p + 1);
                }
            } else {
                match at {
                    Some(p) => {
                        is_placed[r] = true;
                        placed.insert(p, r);
                        at = Some(p + 1);
                    }
                    None => opening.push(r),
                }
            }
        }
        for &o in &opening {
            is_placed[o] = true;
        }
        placed.extend(opening);
    }
    let mut facts: Vec<Vec<Node>> = placed
        .iter()
        .map(|&r| {
            let mut m: Vec<Node> = sets.members[r].iter().map(|&i| nodes[i]).collect();
            m.sort_unstable();
            m
        })
        .collect();
    facts.retain(|f| !f.is_empty());
    let fact_of: HashMap<Node, usize> = facts
        .iter()
        .enumerate()
        .flat_map(|(f, m)| m.iter().map(move |&n| (n, f)))
        .collect();
    let mut sums = vec![(0.0, 0usize); facts.len()];
    for l in &links {
        if let (Some(&fa), Some(&fb)) = (fact_of.get(&l.a), fact_of.get(&l.b))
            && fa == fb
        {
            sums[fa].0 += l.score;
            sums[fa].1 += 1;
        }
    }
    let scores = sums
        .iter()
        .zip(&facts)
        .map(|(&(s, n), f)| {
            let many = f.iter().any(|x| x.0 != f[0].0);
            (many && n > 0).then(|| s / n as f64)
        })
        .collect();
    Clustering {
        facts,
        fact_of,
        scores,
        links,
    }
}
