//! Story grouping: which loaded articles report the same story, and which pairs inside a story
//! are worth reading side by side.
//!
//! Each article is its [`ArticleVector`] (from [`super::stats`]): a weighted bag of stems of
//! its reporting (body paragraphs only), where function words count almost nothing, names and
//! rare words most, and words many articles of the library use count less, so grouping works
//! on five articles as on ten thousand.
//!
//! Candidate pairs come from an inverted index over each article's most heavily weighted stems
//! (a small library is compared all-pairs), never from all pairs of a large one; a candidate
//! joins a story when the cosine of the two vectors reaches [`SAME_STORY`]. Stories are the
//! connected components of those links. Dates are a hint, not a rule: two articles whose
//! ISO dates lie more than [`DATE_WINDOW_DAYS`] apart need a stronger link
//! ([`FAR_APART_BONUS`] more).
//!
//! Inside a story the suggested pairs are the linked pairs ranked for comparison: different
//! outlets first, near-copies ([`NEAR_COPY`] and above: wire copies, reposts) last, and
//! otherwise the pairs nearest to middling similarity (the same events, told differently).
//!
//! Deterministic: the same library gives the same stories, numbered by size, then by first
//! article.

use std::collections::HashMap;

use rayon::prelude::*;
use serde::Serialize;

use super::stats::{ArticleVector, article_vectors};
use crate::corpus::Article;

/// Average similarity between two groups of articles at and above which they are taken to
/// report the same story.
pub const SAME_STORY: f64 = 0.25;

/// A cluster joins another only when their average similarity reaches this fraction of the
/// tighter one's own average (so two tight stories that share some wording stay apart, while a
/// loose story — the same events told very differently — still gathers).
const COHESION: f64 = 0.5;

/// Links weaker than this are left out of the similarity graph (they count as 0).
const LINK_FLOOR: f64 = 0.05;

/// Similarity at and above which two articles are near-copies of each other.
pub const NEAR_COPY: f64 = 0.9;

/// Articles dated further apart than this need a stronger link to share a story.
pub const DATE_WINDOW_DAYS: i64 = 14;

/// How much more similarity articles dated far apart need.
pub const FAR_APART_BONUS: f64 = 0.15;

/// Libraries up to this size are compared all-pairs; larger ones through the index.
const ALL_PAIRS_UP_TO: usize = 400;

/// Stems per article entered in the candidate index.
const INDEX_TERMS: usize = 16;

/// Index stems shared by more articles than this (or than a 25th of the library, when that is
/// more) propose no candidates: they name a topic, not a story.
const MAX_POSTING: usize = 200;

/// Suggested pairs kept per story.
const PAIRS_PER_STORY: usize = 5;

/// A pair of articles worth reading side by side.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SuggestedPair {
    /// Library index of the first article (the lower index).
    pub a: usize,
    /// Library index of the second article.
    pub b: usize,
    /// Cosine similarity of the two articles, in `[0, 1]`.
    pub similarity: f64,
    /// True when the outlets differ (or either is unknown).
    pub different_outlets: bool,
}

/// One story: articles reporting the same events.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Story {
    /// Story number, from 1, largest story first.
    pub number: usize,
    /// Library indices of its articles, ascending.
    pub members: Vec<usize>,
    /// The article most similar to the rest (its title names the story).
    pub central: usize,
    /// Up to three words that characterise the story, most characteristic first.
    pub terms: Vec<String>,
    /// The pairs most worth comparing, best first.
    pub pairs: Vec<SuggestedPair>,
}

/// The grouping of a library into stories.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Stories {
    /// Stories of two or more articles, numbered from 1.
    pub stories: Vec<Story>,
    /// For each article, the index into `stories` of its story (`None`: no other article
    /// reports it).
    pub story_of: Vec<Option<usize>>,
}

impl Stories {
    /// Articles that belong to no story, ascending.
    pub fn ungrouped(&self) -> Vec<usize> {
        (0..self.story_of.len())
            .filter(|&i| self.story_of[i].is_none())
            .collect()
    }

    /// The story of article `i`, if it has one.
    pub fn of(&self, i: usize) -> Option<&Story> {
        self.story_of
            .get(i)
            .copied()
            .flatten()
            .and_then(|s| self.stories.get(s))
    }
}

/// Days since 1970-01-01 of a date that starts with `YYYY-MM-DD`.
fn day_number(date: &str) -> Option<i64> {
    let d = date.trim().get(..10)?;
    let b = d.as_bytes();
    if b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let y: i64 = d[..4].parse().ok()?;
    let m: i64 = d[5..7].parse().ok()?;
    let day: i64 = d[8..10].parse().ok()?;
    if !(1..=12).contains(&m) || !(1..=31).contains(&day) {
        return None;
    }
    // Days from civil (proleptic Gregorian).
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

/// Candidate pairs `(i, j)`, `i < j`: all pairs of a small library, else pairs sharing at
/// least two index stems.
fn candidates(vecs: &[ArticleVector]) -> Vec<(usize, usize)> {
    let n = vecs.len();
    if n <= ALL_PAIRS_UP_TO {
        return (0..n)
            .flat_map(|i| (i + 1..n).map(move |j| (i, j)))
            .collect();
    }
    // Stems in too many articles name a topic, not a story: they are not indexed, and each
    // article indexes its heaviest stems among the rest.
    let cap = MAX_POSTING.max(n / 25);
    let mut df: HashMap<u32, usize> = HashMap::new();
    for v in vecs {
        for &(id, _) in &v.words.terms {
            *df.entry(id).or_insert(0) += 1;
        }
    }
    let top: Vec<Vec<u32>> = vecs
        .par_iter()
        .map(|v| {
            let mut t: Vec<(u32, f64)> = v
                .words
                .terms
                .iter()
                .copied()
                .filter(|(id, _)| df[id] <= cap)
                .collect();
            t.sort_unstable_by(|x, y| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0)));
            let mut ids: Vec<u32> = t.iter().take(INDEX_TERMS).map(|x| x.0).collect();
            ids.sort_unstable();
            ids
        })
        .collect();
    let mut postings: HashMap<u32, Vec<usize>> = HashMap::new();
    for (i, ids) in top.iter().enumerate() {
        for &id in ids {
            postings.entry(id).or_default().push(i);
        }
    }
    let mut out: Vec<(usize, usize)> = (0..n)
        .into_par_iter()
        .flat_map_iter(|i| {
            let mut shared: HashMap<usize, u32> = HashMap::new();
            for id in &top[i] {
                for &j in postings[id].iter().filter(|&&j| j > i) {
                    *shared.entry(j).or_insert(0) += 1;
                }
            }
            let mut js: Vec<usize> = shared
                .into_iter()
                .filter(|&(_, c)| c >= 2)
                .map(|(j, _)| j)
                .collect();
            js.sort_unstable();
            js.into_iter().map(move |j| (i, j))
        })
        .collect();
    out.sort_unstable();
    out
}

/// Average-linkage clustering over the sparse similarity graph `links` (pairs not linked count
/// as similarity 0): repeatedly merge the two clusters with the highest average similarity
/// between their articles, while it reaches [`SAME_STORY`] and [`COHESION`] times the inner
/// average of the two clusters (the lower). Returns the clusters' members.
fn average_linkage(n: usize, links: &[(usize, usize, f64)]) -> Vec<Vec<usize>> {
    use std::cmp::Reverse;
    use std::collections::{BTreeMap, BinaryHeap};
    // Cluster id = its lowest article index; sums of similarities to neighbouring clusters.
    let mut members: Vec<Vec<usize>> = (0..n).map(|i| vec![i]).collect();
    let mut sums: Vec<BTreeMap<usize, f64>> = vec![BTreeMap::new(); n];
    for &(i, j, s) in links {
        *sums[i].entry(j).or_insert(0.0) += s;
        *sums[j].entry(i).or_insert(0.0) += s;
    }
    let mut version = vec![0u32; n];
    // Sum of the similarities of the pairs inside each cluster.
    let mut inside = vec![0.0f64; n];
    let key = |avg: f64| (avg * 1e12) as i64;
    // (average similarity, the pair (lowest first among equals), the pair's versions).
    type Entry = (i64, Reverse<(usize, usize)>, u32, u32);
    let mut heap: BinaryHeap<Entry> = BinaryHeap::new();
    for (i, nb) in sums.iter().enumerate() {
        for (&j, &s) in nb.range(i + 1..) {
            heap.push((key(s), Reverse((i, j)), 0, 0));
        }
    }
    let threshold = key(SAME_STORY);
    while let Some((k, Reverse((i, j)), vi, vj)) = heap.pop() {
        if k < threshold {
            break;
        }
        if version[i] != vi || version[j] != vj || members[i].is_empty() || members[j].is_empty() {
            continue;
        }
        // Two tight stories need a link in proportion to how tight they are.
        let cohesion = |c: usize| {
            let m = members[c].len() as f64;
            (m > 1.0).then(|| inside[c] / (m * (m - 1.0) / 2.0))
        };
        let tightest = match (cohesion(i), cohesion(j)) {
            (Some(x), Some(y)) => Some(x.min(y)),
            (x, y) => x.or(y),
        };
        if tightest.is_some_and(|t| k < key(COHESION * t)) {
            continue;
        }
        let cross = sums[i].get(&j).copied().unwrap_or(0.0);
        inside[i] += inside[j] + cross;
        // Merge j into i (i < j).
        let moved = std::mem::take(&mut members[j]);
        members[i].extend(moved);
        let nb_j = std::mem::take(&mut sums[j]);
        sums[i].remove(&j);
        for (x, s) in nb_j {
            if x == i {
                continue;
            }
            *sums[i].entry(x).or_insert(0.0) += s;
            if let Some(v) = sums[x].remove(&j) {
                *sums[x].entry(i).or_insert(0.0) += v;
            }
        }
        version[i] += 1;
        version[j] += 1;
        let size_i = members[i].len() as f64;
        let updates: Vec<(usize, f64)> = sums[i].iter().map(|(&x, &s)| (x, s)).collect();
        for (x, s) in updates {
            let avg = s / (size_i * members[x].len() as f64);
            let (a, b) = (i.min(x), i.max(x));
            heap.push((key(avg), Reverse((a, b)), version[a], version[b]));
        }
    }
    members
        .into_iter()
        .filter(|m| m.len() > 1)
        .map(|mut m| {
            m.sort_unstable();
            m
        })
        .collect()
}

/// Group `articles` into stories.
pub fn group(articles: &[Article]) -> Stories {
    let (vecs, forms) = article_vectors(articles);
    group_with(articles, &vecs, &forms)
}

/// Group `articles` into stories by their vectors `vecs` and the normal forms of the stem ids,
/// `forms` (both from [`article_vectors`]).
pub fn group_with(articles: &[Article], vecs: &[ArticleVector], forms: &[String]) -> Stories {
    let n = articles.len();
    let days: Vec<Option<i64>> = articles
        .iter()
        .map(|a| a.date.as_deref().and_then(day_number))
        .collect();
    let links: Vec<(usize, usize, f64)> = candidates(vecs)
        .into_par_iter()
        .filter_map(|(i, j)| {
            let s = vecs[i].similarity(&vecs[j]);
            let far = matches!((days[i], days[j]), (Some(x), Some(y)) if (x - y).abs() > DATE_WINDOW_DAYS);
            // Far apart in time, a link counts for less.
            let s = if far { s - FAR_APART_BONUS } else { s };
            (s >= LINK_FLOOR).then_some((i, j, s))
        })
        .collect();
    let mut groups = average_linkage(n, &links);
    groups.sort_by(|x, y| y.len().cmp(&x.len()).then(x[0].cmp(&y[0])));
    let mut story_of = vec![None; n];
    for (s, g) in groups.iter().enumerate() {
        for &i in g {
            story_of[i] = Some(s);
        }
    }
    let mut links_of: Vec<Vec<(usize, usize, f64)>> = vec![Vec::new(); groups.len()];
    for &(i, j, s) in &links {
        if let Some(k) = story_of[i]
            && story_of[j] == Some(k)
        {
            links_of[k].push((i, j, s));
        }
    }
    let stories = groups
        .into_iter()
        .zip(links_of)
        .enumerate()
        .map(|(k, (members, links))| story(k + 1, members, &links, vecs, forms, articles))
        .collect();
    Stories { stories, story_of }
}

fn story(
    number: usize,
    members: Vec<usize>,
    links: &[(usize, usize, f64)],
    vecs: &[ArticleVector],
    forms: &[String],
    articles: &[Article],
) -> Story {
    // The central article: the highest total link strength (ties: the first).
    let mut strength: HashMap<usize, f64> = HashMap::new();
    for &(i, j, s) in links {
        *strength.entry(i).or_insert(0.0) += s;
        *strength.entry(j).or_insert(0.0) += s;
    }
    let central = members
        .iter()
        .copied()
        .max_by(|x, y| {
            let (sx, sy) = (
                strength.get(x).unwrap_or(&0.0),
                strength.get(y).unwrap_or(&0.0),
            );
            sx.total_cmp(sy).then(y.cmp(x))
        })
        .unwrap_or(members[0]);
    // Characteristic words: the heaviest stems of the summed vectors.
    let mut sum: HashMap<u32, f64> = HashMap::new();
    for &i in &members {
        for &(id, w) in &vecs[i].words.terms {
            *sum.entry(id).or_insert(0.0) += w;
        }
    }
    let mut heavy: Vec<(u32, f64)> = sum.into_iter().collect();
    heavy.sort_by(|x, y| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0)));
    let terms = heavy
        .iter()
        .map(|&(id, _)| forms[id as usize].clone())
        .filter(|w| !w.chars().all(|c| c.is_ascii_digit()))
        .take(3)
        .collect();
    let outlet = |i: usize| articles[i].outlet.as_deref().map(str::to_lowercase);
    let mut pairs: Vec<SuggestedPair> = links
        .iter()
        .map(|&(a, b, similarity)| SuggestedPair {
            a,
            b,
            similarity,
            different_outlets: match (outlet(a), outlet(b)) {
                (Some(x), Some(y)) => x != y,
                _ => true,
            },
        })
        .collect();
    // Different outlets first, near-copies last, then closest to a middling similarity.
    let rank = |p: &SuggestedPair| {
        (
            !p.different_outlets,
            p.similarity >= NEAR_COPY,
            ((p.similarity - 0.5).abs() * 1e6) as i64,
        )
    };
    pairs.sort_by(|x, y| rank(x).cmp(&rank(y)).then((x.a, x.b).cmp(&(y.a, y.b))));
    pairs.truncate(PAIRS_PER_STORY);
    Story {
        number,
        members,
        central,
        terms,
        pairs,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_dates_become_day_numbers() {
        assert_eq!(day_number("1970-01-01"), Some(0));
        assert_eq!(day_number("2017-11-14T10:00:00Z"), Some(17_484));
        assert_eq!(
            day_number("2000-03-01")
                .zip(day_number("2000-02-28"))
                .map(|(a, b)| a - b),
            Some(2)
        );
        assert_eq!(day_number("14 November 2017"), None);
        assert_eq!(day_number("2017-13-01"), None);
        assert_eq!(day_number("é"), None);
    }
}
