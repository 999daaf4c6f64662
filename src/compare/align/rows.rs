//! The side-by-side reading order of an alignment ([`super::Alignment::rows`]): every
//! sentence of both articles once, aligned units as rows, moved pairs at A's place, joined
//! sentences in their unit's or moved pair's row; see the parent module's documentation.

use super::{Units, round};
use crate::compare::{Row, RowKind, Side};

#[derive(Clone, Copy, PartialEq)]
enum Slot {
    Excluded,
    Only,
    Unit(usize),
    Moved(usize, f64),
    Attached,
}

/// The reading order; see the module documentation.
pub(super) fn rows(na: usize, nb: usize, units: &Units) -> Vec<Row> {
    let Units {
        sa,
        sb,
        chain,
        moved,
        attached,
        grown,
        ..
    } = units;
    let (sa, sb) = (sa.as_slice(), sb.as_slice());
    let mut slot_a = vec![Slot::Excluded; na];
    let mut slot_b = vec![Slot::Excluded; nb];
    for &g in sa {
        slot_a[g] = Slot::Only;
    }
    for &g in sb {
        slot_b[g] = Slot::Only;
    }
    for (k, u) in chain.iter().enumerate() {
        sa[u.a0..=u.a1]
            .iter()
            .for_each(|&g| slot_a[g] = Slot::Unit(k));
        sb[u.b0..=u.b1]
            .iter()
            .for_each(|&g| slot_b[g] = Slot::Unit(k));
    }
    for &(i, j, s) in moved {
        slot_a[sa[i]] = Slot::Moved(sb[j], s);
        slot_b[sb[j]] = Slot::Moved(sa[i], s);
    }
    // Attached sentences are shown in their unit's row, not at their own place.
    let mut extra_a: Vec<Vec<usize>> = vec![Vec::new(); chain.len()];
    let mut extra_b: Vec<Vec<usize>> = vec![Vec::new(); chain.len()];
    for x in attached {
        if x.free_a {
            slot_a[sa[x.a]] = Slot::Attached;
            extra_a[x.unit].push(sa[x.a]);
        } else {
            slot_b[sb[x.b]] = Slot::Attached;
            extra_b[x.unit].push(sb[x.b]);
        }
    }
    // Sentences joined to a moved pair wait for its row too.
    for g in grown {
        if g.free_a {
            slot_a[sa[g.a]] = Slot::Attached;
        } else {
            slot_b[sb[g.b]] = Slot::Attached;
        }
    }
    // A moved row's sentences: the pair's own and those joined to it, each side in order.
    let moved_row = |ga: usize, gb: usize| {
        let (mut a, mut b) = (vec![ga], vec![gb]);
        for g in grown.iter().filter(|g| sa[g.pair.0] == ga) {
            if g.free_a {
                a.push(sa[g.a]);
            } else {
                b.push(sb[g.b]);
            }
        }
        a.sort_unstable();
        b.sort_unstable();
        (a, b)
    };
    let mut rows = Vec::new();
    let mut done_a = vec![false; na];
    let mut done_b = vec![false; nb];
    // Sentences before the cursors were all placed (or wait in a later row: moved, joined) by
    // an earlier flush, so each flush starts where the last one stopped.
    let mut from = (0, 0);
    let flush = |rows: &mut Vec<Row>,
                 done_a: &mut Vec<bool>,
                 done_b: &mut Vec<bool>,
                 from: &mut (usize, usize),
                 upto_a: usize,
                 upto_b: usize| {
        let (upto_a, upto_b) = (upto_a.min(na), upto_b.min(nb));
        for g in from.0..upto_a {
            if done_a[g] || slot_a[g] == Slot::Attached {
                continue;
            }
            done_a[g] = true;
            let row = match slot_a[g] {
                Slot::Excluded => one_sided(RowKind::Excluded, vec![g], vec![]),
                Slot::Moved(j, s) => {
                    let (a, b) = moved_row(g, j);
                    a.iter().for_each(|&x| done_a[x] = true);
                    b.iter().for_each(|&x| done_b[x] = true);
                    let joined = if apart(&a, sa) {
                        Some(Side::A)
                    } else if apart(&b, sb) {
                        Some(Side::B)
                    } else {
                        None
                    };
                    Row {
                        kind: RowKind::Moved,
                        a,
                        b,
                        score: Some(round(s)),
                        joined,
                    }
                }
                Slot::Only | Slot::Unit(_) | Slot::Attached => {
                    one_sided(RowKind::OnlyA, vec![g], vec![])
                }
            };
            rows.push(row);
        }
        for g in from.1..upto_b {
            if done_b[g] {
                continue;
            }
            match slot_b[g] {
                Slot::Moved(..) | Slot::Attached => continue,
                Slot::Excluded => rows.push(one_sided(RowKind::Excluded, vec![], vec![g])),
                Slot::Only | Slot::Unit(_) => rows.push(one_sided(RowKind::OnlyB, vec![], vec![g])),
            }
            done_b[g] = true;
        }
        *from = (from.0.max(upto_a), from.1.max(upto_b));
    };
    for (k, u) in chain.iter().enumerate() {
        let (ga, gb) = (sa[u.a0], sb[u.b0]);
        flush(&mut rows, &mut done_a, &mut done_b, &mut from, ga, gb);
        let mut a: Vec<usize> = sa[u.a0..=u.a1].to_vec();
        let mut b: Vec<usize> = sb[u.b0..=u.b1].to_vec();
        a.extend(&extra_a[k]);
        b.extend(&extra_b[k]);
        a.sort_unstable();
        b.sort_unstable();
        a.iter().for_each(|&g| done_a[g] = true);
        b.iter().for_each(|&g| done_b[g] = true);
        let joined = if apart(&a, sa) {
            Some(Side::A)
        } else if apart(&b, sb) {
            Some(Side::B)
        } else {
            None
        };
        rows.push(Row {
            kind: RowKind::Aligned,
            a,
            b,
            score: Some(round(u.score)),
            joined,
        });
    }
    flush(&mut rows, &mut done_a, &mut done_b, &mut from, na, nb);
    rows
}

/// Whether a row's sentences on one side skip over analysed sentences between them: they were
/// joined from separate places.
fn apart(side: &[usize], analysed: &[usize]) -> bool {
    side.windows(2).any(|w| {
        let (x, y) = (analysed.binary_search(&w[0]), analysed.binary_search(&w[1]));
        matches!((x, y), (Ok(x), Ok(y)) if y > x + 1)
    })
}

fn one_sided(kind: RowKind, a: Vec<usize>, b: Vec<usize>) -> Row {
    Row {
        kind,
        a,
        b,
        score: None,
        joined: None,
    }
}
