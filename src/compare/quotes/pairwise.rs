//! Comparing two quotations: the local alignment of their words (editorial marks cost
//! nothing), and the verdict on the pair — exact, partial or fuzzy, with its edits — as the
//! module [`super`] describes.

use super::{Prepared, Word, plain_words};
use crate::compare::{QuoteEdit, QuoteMatchKind};

/// A quotation of A paired with one of B.
#[derive(Clone, Debug)]
pub(super) struct Pair {
    pub(super) a: usize,
    pub(super) b: usize,
    pub(super) m: Match,
}

/// The verdict on one pair of quotations.
#[derive(Clone, Debug)]
pub(super) struct Match {
    pub(super) kind: QuoteMatchKind,
    pub(super) edits: Vec<QuoteEdit>,
    pub(super) score: f64,
    pub(super) matched: usize,
    /// The range of B's words the match covers.
    pub(super) b_words: (usize, usize),
}

impl Match {
    /// Ordering key: exact before partial before fuzzy, then score, then matched words.
    pub(super) fn rank(&self) -> (u8, u64, usize) {
        let k = match self.kind {
            QuoteMatchKind::Exact => 2,
            QuoteMatchKind::Partial => 1,
            QuoteMatchKind::Fuzzy => 0,
        };
        (k, (self.score * 1e6) as u64, self.matched)
    }
}

/// One step of an alignment path (A is `x`, B is `y`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Step {
    /// Start of the local alignment.
    Stop,
    /// Both sides have the same word.
    Match,
    /// Two forms of one word ("environmentalist" / "environmentalists").
    Inflect,
    /// Different words.
    Substitute,
    /// A bracketed word standing in for a word of the other side.
    InsertDiag,
    /// A bracketed word of A skipped.
    InsertA,
    /// A bracketed word of B skipped.
    InsertB,
    /// A word of A skipped at an ellipsis of B.
    ElideA,
    /// A word of B skipped at an ellipsis of A.
    ElideB,
    /// A word only A has.
    GapA,
    /// A word only B has.
    GapB,
}

/// What an alignment path adds up to.
#[derive(Debug, Default)]
struct Path {
    a: (usize, usize),
    b: (usize, usize),
    matched: usize,
    changed: usize,
    elided: bool,
    inserted: bool,
    /// Longest run of matched words uninterrupted except by editorial marks.
    run: usize,
    /// Longest run of matched words that no ellipsis interrupts either.
    plain_run: usize,
    /// Matched words that are not function words.
    informative: usize,
}

/// Shared run of words that makes two overlapping quotations (each trimmed at a different
/// end) the same quotation, and the run of a quotation's words that counts as found unquoted.
pub(super) const OVERLAP_RUN: usize = 6;

/// Alignment score of a shared word.
const MATCH: i32 = 2;
/// Alignment score of a bracketed word standing in for a word ("[Trump]" for "he").
const STAND_IN: i32 = 1;
/// Alignment penalty of a changed word.
const SUBSTITUTE: i32 = 1;
/// Alignment penalty of an added or dropped word.
const CHANGE: i32 = 2;

/// The step that gives cell (`i`, `j`) its score, from the scores of (`i - 1`, `j - 1`),
/// (`i - 1`, `j`) and (`i`, `j - 1`) (in that order: the first of equal scores wins; `Stop`
/// when none is above zero). Word `i - 1` of `x` against word `j - 1` of `y`.
fn cell(
    x: &Prepared,
    y: &Prepared,
    i: usize,
    j: usize,
    diag: i32,
    up: i32,
    left: i32,
) -> (i32, Step) {
    let (wa, wb) = (&x.words[i - 1], &y.words[j - 1]);
    let mut cand = (0i32, Step::Stop);
    let mut consider = |s: i32, st: Step| {
        if s > cand.0 {
            cand = (s, st);
        }
    };
    if wa.norm_id == wb.norm_id {
        consider(diag + MATCH, Step::Match);
    } else if wa.stem_id == wb.stem_id && !wa.bracketed && !wb.bracketed {
        consider(diag + MATCH, Step::Inflect);
    } else if wa.bracketed || wb.bracketed {
        consider(diag + STAND_IN, Step::InsertDiag);
    } else {
        consider(diag - SUBSTITUTE, Step::Substitute);
    }
    if wa.bracketed {
        consider(up, Step::InsertA);
    } else if y.ellipsis[j] {
        consider(up, Step::ElideA);
    } else {
        consider(up - CHANGE, Step::GapA);
    }
    if wb.bracketed {
        consider(left, Step::InsertB);
    } else if x.ellipsis[i] {
        consider(left, Step::ElideB);
    } else {
        consider(left - CHANGE, Step::GapB);
    }
    cand
}

/// One word of B as the alignment's inner loop reads it.
struct Column {
    norm_id: u32,
    stem_id: u32,
    bracketed: bool,
    /// Score of the diagonal move when the words differ, for a word of A outside brackets.
    other: i32,
    /// Penalty for skipping a word of A here (none after an ellipsis of B).
    gap_a: i32,
    /// Penalty for skipping this word (none when bracketed), for a row of A without an
    /// ellipsis.
    gap_b: i32,
}

/// Fill one row of scores for word `wa` of A (`BRACKETED`: whether `wa` is bracketed;
/// `elide_b`: an ellipsis of A stands before it) from the row `above`; returns the row's
/// largest score. Each cell is the largest of zero and the three moves [`cell`] weighs.
#[inline(always)]
fn fill_row<const BRACKETED: bool>(
    wa: &Word,
    elide_b: bool,
    columns: &[Column],
    above: &[i32],
    row: &mut [i32],
) -> i32 {
    let (norm_a, stem_a) = (wa.norm_id, wa.stem_id);
    let mut left = 0i32;
    let mut row_max = 0i32;
    for (((&diag, &up), c), v) in above
        .iter()
        .zip(&above[1..])
        .zip(columns)
        .zip(row.iter_mut())
    {
        let d = if norm_a == c.norm_id || (stem_a == c.stem_id && !BRACKETED && !c.bracketed) {
            MATCH
        } else if BRACKETED {
            STAND_IN
        } else {
            c.other
        };
        let gap_a = if BRACKETED { 0 } else { c.gap_a };
        let gap_b = if elide_b { 0 } else { c.gap_b };
        let s = (diag + d).max(up - gap_a).max(left - gap_b).max(0);
        *v = s;
        left = s;
        row_max = row_max.max(s);
    }
    row_max
}

// A match followed by a skipped word scores nothing: what `start_row` relies on.
const _: () = assert!(MATCH <= CHANGE);

/// Fill a row of scores below a row of zeros, for word `wa` of A outside brackets with no
/// ellipsis before it, against B without brackets: a cell scores [`MATCH`] where the two words
/// are the same word and zero elsewhere (a changed word scores below zero, and so does
/// skipping a word after a zero; after a match, skipping a word of B leaves at most zero).
/// Returns the row's largest score.
fn start_row(wa: &Word, columns: &[Column], row: &mut [i32]) -> i32 {
    let mut row_max = 0;
    for (c, v) in columns.iter().zip(row.iter_mut()) {
        *v = if c.norm_id == wa.norm_id || c.stem_id == wa.stem_id {
            row_max = MATCH;
            MATCH
        } else {
            0
        };
    }
    row_max
}

thread_local! {
    /// The score matrix of this thread's last alignment, kept for the next: most quotation
    /// pairs compared are short, and a fresh zeroed matrix for each cost as much as its fill.
    static SCORES: std::cell::RefCell<Vec<i32>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Local alignment of two quotations' words.
///
/// The fill keeps only the scores, each the largest of zero and the three moves [`cell`]
/// weighs (the same numbers, so the same scores); the walk back from the best cell asks
/// [`cell`] which move won at each cell it visits.
fn align(x: &Prepared, y: &Prepared) -> Path {
    SCORES.with_borrow_mut(|scores| align_in(x, y, scores))
}

/// [`align`] in `scores`, a matrix kept from an earlier alignment: every cell it reads is
/// written first (the first row and column are the zeros a local alignment starts from).
fn align_in(x: &Prepared, y: &Prepared, scores: &mut Vec<i32>) -> Path {
    let (n, m) = (x.words.len(), y.words.len());
    let w = m + 1;
    let len = (n + 1) * w;
    if scores.len() < len {
        scores.resize(len, 0);
    }
    let score = &mut scores[..len];
    score[..w].fill(0);
    let mut best = (0i32, 0usize, 0usize);
    let columns: Vec<Column> = y
        .words
        .iter()
        .zip(&y.ellipsis[1..])
        .map(|(wb, &ellipsis)| Column {
            norm_id: wb.norm_id,
            stem_id: wb.stem_id,
            bracketed: wb.bracketed,
            other: if wb.bracketed { STAND_IN } else { -SUBSTITUTE },
            gap_a: if ellipsis { 0 } else { CHANGE },
            gap_b: if wb.bracketed { 0 } else { CHANGE },
        })
        .collect();
    let bracket_free_b = !columns.iter().any(|c| c.bracketed);
    // The largest score of the row above (row 0 is all zeros).
    let mut above_max = 0i32;
    for i in 1..=n {
        let wa = &x.words[i - 1];
        let (done, rest) = score.split_at_mut(i * w);
        let above = &done[(i - 1) * w..i * w];
        rest[0] = 0;
        let row = &mut rest[1..w];
        let row_max = if above_max == 0 && bracket_free_b && !wa.bracketed && !x.ellipsis[i] {
            start_row(wa, &columns, row)
        } else if wa.bracketed {
            fill_row::<true>(wa, x.ellipsis[i], &columns, above, row)
        } else {
            fill_row::<false>(wa, x.ellipsis[i], &columns, above, row)
        };
        above_max = row_max;
        // The first cell, in reading order, with the largest score.
        if row_max > best.0 {
            let j = row.iter().position(|&v| v == row_max).unwrap_or(0);
            best = (row_max, i, j + 1);
        }
    }

    let (_, mut i, mut j) = best;
    let mut path = Path {
        a: (i, i),
        b: (j, j),
        ..Path::default()
    };
    let (mut run, mut plain) = (0usize, 0usize);
    while i > 0 && j > 0 {
        let (_, st) = cell(
            x,
            y,
            i,
            j,
            score[(i - 1) * w + j - 1],
            score[(i - 1) * w + j],
            score[i * w + j - 1],
        );
        match st {
            Step::Stop => break,
            Step::Match => {
                path.matched += 1;
                if x.words[i - 1].informative {
                    path.informative += 1;
                }
                run += 1;
                plain += 1;
            }
            Step::Inflect => {
                path.matched += 1;
                path.changed += 1;
                if x.words[i - 1].informative {
                    path.informative += 1;
                }
                run += 1;
                plain += 1;
            }
            Step::Substitute | Step::GapA | Step::GapB => {
                path.changed += 1;
                run = 0;
                plain = 0;
            }
            Step::InsertDiag | Step::InsertA | Step::InsertB => path.inserted = true,
            Step::ElideA | Step::ElideB => {
                path.elided = true;
                plain = 0;
            }
        }
        path.run = path.run.max(run);
        path.plain_run = path.plain_run.max(plain);
        match st {
            Step::Match | Step::Inflect | Step::Substitute | Step::InsertDiag => {
                i -= 1;
                j -= 1;
            }
            Step::InsertA | Step::ElideA | Step::GapA => i -= 1,
            Step::InsertB | Step::ElideB | Step::GapB => j -= 1,
            Step::Stop => {}
        }
    }
    // A local alignment starts where its score starts to rise: never with a skipped word.
    path.a.0 = i;
    path.b.0 = j;
    path
}

/// True when two ascending lists have no element in common.
pub(super) fn disjoint<T: Ord>(x: &[T], y: &[T]) -> bool {
    let (mut i, mut j) = (0, 0);
    while i < x.len() && j < y.len() {
        match x[i].cmp(&y[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => return false,
        }
    }
    true
}

/// Number of words of `p` outside brackets in `range`.
fn content_in(p: &Prepared, range: std::ops::Range<usize>) -> usize {
    p.words[range].iter().filter(|w| !w.bracketed).count()
}

/// Number of words of `p` outside brackets in the passages between its ellipses that the
/// word range `lo..hi` reaches (all of them when it has no ellipsis inside): one outlet joins
/// two sentences of a statement with "…" ("both believe that conservation & healthy herds are
/// critical…the issuing of permits is put on hold"), the other quotes each of them apart.
fn pieces_content(p: &Prepared, (lo, hi): (usize, usize)) -> usize {
    if hi <= lo {
        return p.content;
    }
    let start = (1..=lo).rev().find(|&i| p.ellipsis[i]).unwrap_or(0);
    let end = (hi..p.words.len())
        .find(|&i| p.ellipsis[i])
        .unwrap_or(p.words.len());
    content_in(p, start..end)
}

/// The same quotation word for word, with no brackets or ellipses on either side.
pub(super) fn exact(x: &Prepared, y: &Prepared) -> Option<Match> {
    let no_marks = |p: &Prepared| !p.ellipsis.iter().any(|&e| e) && p.content == p.words.len();
    (x.content > 0 && no_marks(x) && no_marks(y) && plain_words(x).eq(plain_words(y))).then(|| {
        Match {
            kind: QuoteMatchKind::Exact,
            edits: Vec::new(),
            score: 1.0,
            matched: x.words.len(),
            b_words: (0, y.words.len()),
        }
    })
}

/// Compare two quotations; `Some` when they are the same quotation.
pub(super) fn compare(x: &Prepared, y: &Prepared) -> Option<Match> {
    if x.content == 0 || y.content == 0 {
        return None;
    }
    let no_marks = |p: &Prepared| !p.ellipsis.iter().any(|&e| e) && p.content == p.words.len();
    if plain_words(x).eq(plain_words(y)) && no_marks(x) && no_marks(y) {
        return Some(Match {
            kind: QuoteMatchKind::Exact,
            edits: Vec::new(),
            score: 1.0,
            matched: x.words.len(),
            b_words: (0, y.words.len()),
        });
    }
    let short = x.content.min(y.content);
    // Every accepted pair shares an informative word.
    if short < 4 || disjoint(&x.vocab, &y.vocab) {
        return None;
    }
    // Without brackets or ellipses on either side the alignment below has no insertions and
    // no elisions, so a run of aligned words is the same stems in a row on both sides; and
    // every way of accepting a pair needs a run of four or more (`run` for reworded
    // quotations, `plain_run` otherwise). No four stems in a row in common: not the same
    // quotation, whatever the alignment.
    if let (Some(rx), Some(ry)) = (&x.runs4, &y.runs4)
        && disjoint(rx, ry)
    {
        return None;
    }
    let mut path = align(x, y);
    if path.matched == 0 {
        return None;
    }
    reach_ends(x, y, &mut path);
    let lead_a = content_in(x, 0..path.a.0);
    let lead_b = content_in(y, 0..path.b.0);
    let tail_a = content_in(x, path.a.1..x.words.len());
    let tail_b = content_in(y, path.b.1..y.words.len());
    // Unmatched words at the same end of both sides are changed words, not trimming.
    let changed = path.changed + lead_a.min(lead_b) + tail_a.min(tail_b);
    let mut edits = Vec::new();
    if lead_a.max(lead_b) > lead_a.min(lead_b) || edge_ellipsis(x, y, true) {
        edits.push(QuoteEdit::TrimmedStart);
    }
    if tail_a.max(tail_b) > tail_a.min(tail_b) || edge_ellipsis(x, y, false) {
        edits.push(QuoteEdit::TrimmedEnd);
    }
    if path.elided {
        edits.push(QuoteEdit::Elided);
    }
    if path.inserted {
        edits.push(QuoteEdit::Inserted);
    }
    if changed > 0 {
        edits.push(QuoteEdit::Reworded);
    }
    // A quotation joining passages with an ellipsis is matched passage by passage: its
    // length is that of the passages the alignment reaches.
    let short = pieces_content(x, path.a).min(pieces_content(y, path.b));
    let score = (path.matched as f64 / short as f64).clamp(0.0, 1.0);
    let contained = changed == 0 && path.matched >= short;
    let accepted = if contained {
        path.matched >= 4
            && path.informative >= 1
            && (path.plain_run >= 4 || (path.elided && path.plain_run >= 3))
    } else if changed == 0 {
        // Overlapping parts of one statement, each side running on past the other.
        path.plain_run >= OVERLAP_RUN && path.informative >= 3
    } else {
        score >= 0.75 && path.matched >= 5 && path.run >= 4 && path.informative >= 3
    };
    if !accepted {
        return None;
    }
    let kind = if changed > 0 {
        QuoteMatchKind::Fuzzy
    } else if edits.is_empty() {
        QuoteMatchKind::Exact
    } else {
        QuoteMatchKind::Partial
    };
    Some(Match {
        kind,
        edits,
        score,
        matched: path.matched,
        b_words: path.b,
    })
}

/// Most words of the longer quotation passed over between two words of the shorter one when
/// the alignment is carried to the shorter one's ends ([`reach_ends`]).
const REWORD_GAP: usize = 2;

/// Carry the alignment `path` to the ends of the shorter quotation when its words left before
/// or after the path are all found, in order, in the other quotation next to the path, at most
/// [`REWORD_GAP`] words apart: a phrase reworded inside the quotation ("…the administration
/// coming in January" / "…the administration that will come into Washington in January"). The
/// local alignment stops before such a phrase, since the words put in cost more than the few
/// found after them gain; but the quotation is then the other's, altered, not a trimmed part of
/// it. The words passed over count as changed. Quotations with brackets or ellipses are left
/// as they are (their marks already let the alignment skip words).
fn reach_ends(x: &Prepared, y: &Prepared, path: &mut Path) {
    let plain = |p: &Prepared| !p.ellipsis.iter().any(|&e| e) && p.content == p.words.len();
    if !plain(x) || !plain(y) {
        return;
    }
    let x_short = x.content <= y.content;
    let (s, l) = if x_short { (x, y) } else { (y, x) };
    let (mut sr, mut lr) = if x_short {
        (path.a, path.b)
    } else {
        (path.b, path.a)
    };
    let same = |i: usize, k: usize| {
        let (u, v) = (&s.words[i], &l.words[k]);
        u.norm_id == v.norm_id || u.stem_id == v.stem_id
    };
    // After the path: each next word of the shorter side within the next few of the longer.
    let mut found = Vec::new();
    let (mut i, mut k) = (sr.1, lr.1);
    while i < s.words.len() {
        let Some(at) = (k..(k + REWORD_GAP + 1).min(l.words.len())).find(|&at| same(i, at)) else {
            break;
        };
        found.push((i, at - k));
        k = at + 1;
        i += 1;
    }
    let after = (i == s.words.len()).then_some((found, k));
    // Before the path, walking backwards.
    let mut found_before = Vec::new();
    let (mut i, mut k) = (sr.0, lr.0);
    while i > 0 {
        let lo = k.saturating_sub(REWORD_GAP + 1);
        let Some(at) = (lo..k).rev().find(|&at| same(i - 1, at)) else {
            break;
        };
        found_before.push((i - 1, k - 1 - at));
        k = at;
        i -= 1;
    }
    let before = (i == 0).then_some((found_before, k));
    let mut take = |found: Vec<(usize, usize)>| {
        for (w, skipped) in found {
            path.matched += 1;
            path.changed += skipped;
            if s.words[w].informative {
                path.informative += 1;
            }
        }
    };
    if let Some((found, end)) = after
        && !found.is_empty()
    {
        take(found);
        sr.1 = s.words.len();
        lr.1 = end;
    }
    if let Some((found, start)) = before
        && !found.is_empty()
    {
        take(found);
        sr.0 = 0;
        lr.0 = start;
    }
    if x_short {
        (path.a, path.b) = (sr, lr);
    } else {
        (path.b, path.a) = (sr, lr);
    }
}

/// True when either side marks an omission at its start (`start`) or end with an ellipsis.
fn edge_ellipsis(x: &Prepared, y: &Prepared, start: bool) -> bool {
    let edge = |p: &Prepared| {
        if start {
            p.ellipsis.first().copied().unwrap_or(false)
        } else {
            p.ellipsis.last().copied().unwrap_or(false)
        }
    };
    edge(x) || edge(y)
}
