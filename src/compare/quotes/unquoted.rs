//! Quotations left unquoted on the other side: a quotation with no counterpart quotation,
//! looked for in the other article's words outside quotes and boilerplate.

use rustc_hash::FxHashMap;

use super::candidates::{Classes, Work};
use super::pairwise::{Match, OVERLAP_RUN};
use super::{Prepared, in_boilerplate};
use crate::compare::{QuoteEdit, QuoteMatchKind};
use crate::corpus::Article;
use crate::text::vocab::is_function_word;
use crate::text::{Span, Token};

/// Each quotation of `qs` not `matched`, with the run of its words found unquoted in the other
/// article (`free`), in order. A class of identical quotations is looked for once; the search
/// stops when `work` runs out (a quotation costs the occurrences of its words it visits).
pub(super) fn unquoted_all(
    qs: &[Prepared],
    classes: &Classes,
    matched: &[bool],
    free: &FreeIndex,
    work: &mut Work,
) -> Vec<(usize, (Span, Match))> {
    let mut found: Vec<(usize, (Span, Match))> = Vec::new();
    for members in &classes.members {
        let Some(&first) = members.iter().find(|&&i| !matched[i]) else {
            continue;
        };
        if work.over {
            break;
        }
        let p = &qs[first];
        work.add(unquoted_cost(p, free));
        if work.over {
            break;
        }
        if let Some(hit) = unquoted(p, free) {
            for &i in members.iter().filter(|&&i| !matched[i]) {
                found.push((i, hit.clone()));
            }
        }
    }
    found.sort_by_key(|(i, _)| *i);
    found
}

/// Token indices of an article's words outside quotations and boilerplate, split into runs of
/// neighbouring words.
pub(super) fn free_tokens(art: &Article) -> Vec<Vec<usize>> {
    let an = &art.analysis;
    let mut runs: Vec<Vec<usize>> = Vec::new();
    let mut cur: Vec<usize> = Vec::new();
    let mut q = 0;
    for (k, t) in an.tokens.iter().enumerate() {
        while q < an.quotes.len() && an.quotes[q].outer.end <= t.span.start {
            q += 1;
        }
        let quoted = an.quotes[q..]
            .iter()
            .take_while(|x| x.outer.start <= t.span.start)
            .any(|x| x.outer.contains(&t.span));
        if quoted || in_boilerplate(art, t.span.start) {
            if !cur.is_empty() {
                runs.push(std::mem::take(&mut cur));
            }
        } else {
            cur.push(k);
        }
    }
    if !cur.is_empty() {
        runs.push(cur);
    }
    runs
}

/// Where each word occurs among an article's free tokens ([`free_tokens`]), and which run
/// each token belongs to.
pub(super) struct FreeIndex<'a> {
    /// Normal form → token indices, ascending.
    at: FxHashMap<&'a str, Vec<usize>>,
    /// Per token, its run number (`usize::MAX` outside every run).
    run: Vec<usize>,
    /// The article's tokens.
    toks: &'a [Token],
}

impl<'a> FreeIndex<'a> {
    pub(super) fn new(art: &'a Article, runs: &[Vec<usize>]) -> FreeIndex<'a> {
        let toks = &art.analysis.tokens;
        let mut at: FxHashMap<&str, Vec<usize>> = FxHashMap::default();
        let mut run = vec![usize::MAX; toks.len()];
        for (r, tokens) in runs.iter().enumerate() {
            for &t in tokens {
                run[t] = r;
                at.entry(toks[t].norm.as_str()).or_default().push(t);
            }
        }
        FreeIndex { at, run, toks }
    }
}

/// The work of [`unquoted`] for `p`: the occurrences of its words it visits.
fn unquoted_cost(p: &Prepared, free: &FreeIndex) -> u64 {
    p.words
        .iter()
        .filter(|w| !w.bracketed)
        .map(|w| free.at.get(w.norm.as_str()).map_or(0, Vec::len) as u64 + 1)
        .sum()
}

/// Longest run of a quotation's words (brackets left out, ellipses breaking runs) found
/// unquoted in `other`; accepted when it has six or more words or covers the whole quotation.
fn unquoted(p: &Prepared, free: &FreeIndex) -> Option<(Span, Match)> {
    if p.content < 4 {
        return None;
    }
    // The quotation's words with their position among content words and the ellipsis breaks.
    let mut seq: Vec<(usize, &str, bool)> = Vec::new();
    let mut k = 0;
    for (i, w) in p.words.iter().enumerate() {
        if w.bracketed {
            continue;
        }
        seq.push((k, w.norm.as_str(), p.ellipsis[i] && i > 0));
        k += 1;
    }
    let toks = free.toks;
    // Longest common run: (length, end in seq, end token index); among equals the one ending
    // first in `other`, then first in the quotation. Runs grow along the index of where each
    // word occurs, so the cost follows the occurrences, not the length of `other`.
    // The run lengths ending at the previous word's occurrences and at this word's, as (token,
    // length) ascending by token (the index lists are ascending), so the run a token extends is
    // found by walking both lists together.
    let mut best = (0usize, 0usize, 0usize);
    let mut prev: Vec<(usize, usize)> = Vec::new();
    let mut cur: Vec<(usize, usize)> = Vec::new();
    for (s, &(_, norm, broken)) in seq.iter().enumerate() {
        cur.clear();
        let mut k = 0;
        for &t in free.at.get(norm).map(Vec::as_slice).unwrap_or(&[]) {
            let joined = t > 0 && free.run[t - 1] == free.run[t];
            let len = if broken || !joined {
                1
            } else {
                while k < prev.len() && prev[k].0 < t - 1 {
                    k += 1;
                }
                match prev.get(k) {
                    Some(&(pt, plen)) if pt == t - 1 => plen + 1,
                    _ => 1,
                }
            };
            cur.push((t, len));
            if len > best.0 || (len == best.0 && (t, s + 1) < (best.2, best.1)) {
                best = (len, s + 1, t);
            }
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    let (len, end_s, end_t) = best;
    if len == 0 || (len < OVERLAP_RUN && len < p.content) {
        return None;
    }
    let informative = seq[end_s - len..end_s]
        .iter()
        .filter(|(_, n, _)| !is_function_word(n))
        .count();
    if informative < 2 {
        return None;
    }
    let start_t = end_t + 1 - len;
    let span = Span::new(toks[start_t].span.start, toks[end_t].span.end);
    let mut edits = Vec::new();
    if end_s - len > 0 {
        edits.push(QuoteEdit::TrimmedStart);
    }
    if end_s < seq.len() {
        edits.push(QuoteEdit::TrimmedEnd);
    }
    edits.push(QuoteEdit::Unquoted);
    let kind = if len == p.content {
        QuoteMatchKind::Exact
    } else {
        QuoteMatchKind::Partial
    };
    Some((
        span,
        Match {
            kind,
            edits,
            score: (len as f64 / p.content as f64).clamp(0.0, 1.0),
            matched: len,
            b_words: (0, 0),
        },
    ))
}
