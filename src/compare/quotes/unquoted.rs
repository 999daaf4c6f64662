//! Quotations left unquoted on the other side: a quotation with no counterpart quotation,
//! looked for in the other article's words outside quotes and boilerplate.

use super::candidates::{Classes, Work};
use super::pairwise::{Match, OVERLAP_RUN};
use super::{Prepared, WordIds, in_boilerplate};
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
    /// Word number ([`WordIds`]) `w` occurs at the token indices `at[first[w]..first[w + 1]]`,
    /// ascending.
    first: Vec<usize>,
    at: Vec<usize>,
    /// Per token, its word number (`u32::MAX` outside every run).
    norm: Vec<u32>,
    /// Per token, its run number (`usize::MAX` outside every run).
    run: Vec<usize>,
    /// The article's tokens.
    toks: &'a [Token],
}

impl<'a> FreeIndex<'a> {
    /// The index of `art`'s free tokens (`runs`), its words numbered by `ids`.
    pub(super) fn new(
        art: &'a Article,
        runs: &[Vec<usize>],
        ids: &mut WordIds<'a>,
    ) -> FreeIndex<'a> {
        let toks = &art.analysis.tokens;
        let mut norm = vec![u32::MAX; toks.len()];
        let mut run = vec![usize::MAX; toks.len()];
        for (r, tokens) in runs.iter().enumerate() {
            for &t in tokens {
                run[t] = r;
                norm[t] = ids.id(&toks[t].norm);
            }
        }
        // Occurrences grouped by word, in token order.
        let mut first = vec![0usize; ids.len() + 2];
        for &w in norm.iter().filter(|&&w| w != u32::MAX) {
            first[w as usize + 2] += 1;
        }
        for w in 2..first.len() {
            first[w] += first[w - 1];
        }
        let mut at = vec![0usize; first[first.len() - 1]];
        for (t, &w) in norm.iter().enumerate() {
            if w != u32::MAX {
                let slot = &mut first[w as usize + 1];
                at[*slot] = t;
                *slot += 1;
            }
        }
        first.pop();
        FreeIndex {
            first,
            at,
            norm,
            run,
            toks,
        }
    }

    /// The token indices where word number `w` occurs, ascending.
    fn occurrences(&self, w: u32) -> &[usize] {
        let w = w as usize;
        match (self.first.get(w), self.first.get(w + 1)) {
            (Some(&lo), Some(&hi)) => &self.at[lo..hi],
            _ => &[],
        }
    }
}

/// The work of [`unquoted`] for `p`: the occurrences of its words.
fn unquoted_cost(p: &Prepared, free: &FreeIndex) -> u64 {
    p.words
        .iter()
        .filter(|w| !w.bracketed)
        .map(|w| free.occurrences(w.norm_id).len() as u64 + 1)
        .sum()
}

/// Longest run of a quotation's words (brackets left out, ellipses breaking runs) found
/// unquoted in `other`; accepted when it has six or more words or covers the whole quotation.
fn unquoted(p: &Prepared, free: &FreeIndex) -> Option<(Span, Match)> {
    if p.content < 4 {
        return None;
    }
    // The quotation's words (number and normal form) with the ellipsis breaks.
    let mut seq: Vec<(u32, &str, bool)> = Vec::new();
    for (i, w) in p.words.iter().enumerate() {
        if w.bracketed {
            continue;
        }
        seq.push((w.norm_id, w.norm.as_str(), p.ellipsis[i] && i > 0));
    }
    let toks = free.toks;
    // Longest common run: (length, end in seq, end token index); among equals the one ending
    // first in `other`, then first in the quotation. A run shorter than four words is never
    // accepted (the quotation has four or more), so every run worth finding starts with four
    // words in a row found in the index; each is followed from where it cannot grow to the
    // left to where it cannot grow to the right, so the cost follows the occurrences of the
    // quotation's runs of four words, not the length of `other`.
    let same = |s: usize, t: usize| {
        !seq[s].2 && free.run.get(t) == free.run.get(t - 1) && free.norm[t] == seq[s].0
    };
    let mut best = (0usize, 0usize, 0usize);
    for s in 0..seq.len().saturating_sub(3) {
        if seq[s + 1..s + 4].iter().any(|x| x.2) {
            continue;
        }
        // The four words' occurrences through the rarest of them.
        let (k, occ) = (0..4)
            .map(|k| (k, free.occurrences(seq[s + k].0)))
            .min_by_key(|(_, o)| o.len())
            .unwrap_or((0, &[]));
        for &at in occ {
            let Some(t) = at.checked_sub(k) else {
                continue;
            };
            let four = t + 3 < toks.len()
                && (0..4)
                    .all(|i| free.norm[t + i] == seq[s + i].0 && free.run[t + i] == free.run[t]);
            if !four {
                continue;
            }
            if s > 0 && t > 0 && same(s, t) && free.norm[t - 1] == seq[s - 1].0 {
                continue;
            }
            let mut len = 4;
            while s + len < seq.len() && t + len < toks.len() && same(s + len, t + len) {
                len += 1;
            }
            let (end_s, end_t) = (s + len, t + len - 1);
            if len > best.0 || (len == best.0 && (end_t, end_s) < (best.2, best.1)) {
                best = (len, end_s, end_t);
            }
        }
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
