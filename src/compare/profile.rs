//! The article-level framing profile: how an article attributes, hedges, quotes and loads its
//! words, counted over the headline and body (boilerplate left out). Loaded terms are counted
//! in the outlet's own voice; those inside quoted speech are counted apart, with how many words
//! of the article are quoted speech and who speaks them.
//!
//! The word lists it counts are the shared ones in [`crate::text::vocab`].

use std::collections::BTreeMap;

use super::{Count, LoadedTerm, PerSide, Profile, Side, Voice};
use crate::corpus::Article;
use rustc_hash::FxHashMap;

use super::framing::words::{CLAIM_ENTRY, also_a_noun};
use crate::text::quotes::names::people;
use crate::text::vocab::{self, attribution_verbs, boosters, find_markers_where};
use crate::text::{Analysis, QuotationKind, QuoteKind, Span};

/// True when `span` starts inside a boilerplate paragraph.
fn in_boilerplate(an: &Analysis, span: Span) -> bool {
    let i = an.paragraphs.partition_point(|p| p.span.end <= span.start);
    an.paragraphs
        .get(i)
        .is_some_and(|p| p.span.start <= span.start && p.role.is_boilerplate())
}

/// Counts sorted most frequent first, ties by item.
fn ranked(counts: BTreeMap<String, usize>) -> Vec<Count> {
    let mut v: Vec<Count> = counts
        .into_iter()
        .map(|(item, count)| Count { item, count })
        .collect();
    v.sort_by(|x, y| y.count.cmp(&x.count).then_with(|| x.item.cmp(&y.item)));
    v
}

/// Collapse runs of whitespace to one space and trim.
fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The framing profile of one article. `loaded` may hold both sides' hits; only `side`'s count.
pub fn profile(art: &Article, side: Side, loaded: &[LoadedTerm]) -> Profile {
    let an = &art.analysis;
    let words = an.content_words();

    let mut attribution = BTreeMap::new();
    let mut hedges = BTreeMap::new();
    let mut boosted = BTreeMap::new();
    // Hedges and boosters are the outlet's own: an "irrefutable" inside a ministry's quoted
    // words is the ministry's certainty, not the writer's.
    let voices = super::voice::Voices::new(art);
    let ranges = super::lexicon::analysed_token_ranges(an);
    let lists = [attribution_verbs(), vocab::hedges(), boosters()];
    // Which lists have a form starting with each distinct word (bit `k` for `lists[k]`): one
    // look-up per word for the three lists, not three per token.
    let mut starts: FxHashMap<&str, u8> = FxHashMap::default();
    let mut masks: Vec<u8> = Vec::new();
    // A form of a verb of saying that is also a noun counts where the lexicon's entry for the
    // verb found it ("Trump claims", not "harassment claims").
    let claims: Vec<Span> = loaded
        .iter()
        .filter(|t| t.side == side && t.term == CLAIM_ENTRY)
        .map(|t| t.span)
        .collect();
    let verb = |t: &crate::text::Token| {
        !also_a_noun(&t.norm) || claims.iter().any(|s| s.overlaps(&t.span))
    };
    for range in ranges {
        let toks = an.tokens.get(range).unwrap_or(&[]);
        masks.clear();
        masks.extend(toks.iter().map(|t| {
            *starts.entry(t.norm.as_str()).or_insert_with(|| {
                (0..lists.len())
                    .filter(|&k| vocab::could_start(lists[k], &t.norm))
                    .fold(0, |m, k| m | 1 << k)
            })
        }));
        let tally = |k: usize, into: &mut BTreeMap<String, usize>, own: bool| {
            let bit = 1u8 << k;
            let may_start = |i: usize| masks[i] & bit != 0 && (k != 0 || verb(&toks[i]));
            for (marker, i, n) in find_markers_where(lists[k], toks, may_start) {
                if own {
                    let span = Span {
                        start: toks[i].span.start,
                        end: toks[i + n - 1].span.end,
                    };
                    if voices.of(span).0 == Voice::Quoted {
                        continue;
                    }
                }
                *into.entry(marker.lemma().to_string()).or_default() += 1;
            }
        };
        tally(0, &mut attribution, false);
        tally(1, &mut hedges, true);
        tally(2, &mut boosted, true);
    }

    let mut scare_quotes: Vec<String> = Vec::new();
    let mut speakers: Vec<String> = Vec::new();
    let mut quotations = 0;
    for q in &an.quotes {
        if in_boilerplate(an, q.outer) {
            continue;
        }
        match q.kind {
            QuoteKind::ScareQuote if q.class == QuotationKind::Scare => {
                let phrase = squash(q.inner.slice(&art.text));
                if !phrase.is_empty()
                    && !scare_quotes
                        .iter()
                        .any(|s| s.to_lowercase() == phrase.to_lowercase())
                {
                    scare_quotes.push(phrase);
                }
            }
            // Someone's words, short or long, count as their quotation; a title or a term is
            // neither a quotation nor a scare quote.
            _ if q.class != QuotationKind::Speech => {}
            QuoteKind::ScareQuote | QuoteKind::Quotation => {
                quotations += 1;
                if let Some(sp) = q.speaker {
                    let name = squash(sp.slice(&art.text));
                    if !name.is_empty() {
                        speakers.push(name);
                    }
                }
            }
        }
    }
    // One entry per person, under the fullest name given ("Mr. Christie", "Chris Christie"
    // and "Gov. Chris Christie" are one); a name without a key stays as given.
    let mut quoted: BTreeMap<String, usize> = BTreeMap::new();
    let names: Vec<&str> = speakers.iter().map(String::as_str).collect();
    let mut grouped = vec![false; names.len()];
    for (name, members) in people(&names) {
        for &i in &members {
            grouped[i] = true;
        }
        *quoted.entry(name).or_default() += members.len();
    }
    for (name, _) in names.iter().zip(&grouped).filter(|&(_, &g)| !g) {
        *quoted.entry((*name).to_string()).or_default() += 1;
    }

    let quoted_words = super::voice::Voices::new(art).quoted_words(|s| !in_boilerplate(an, s));
    let loaded_quoted = loaded
        .iter()
        .filter(|t| t.side == side && t.voice == Voice::Quoted)
        .count();
    let mine: Vec<&LoadedTerm> = loaded
        .iter()
        .filter(|t| t.side == side && t.voice == Voice::Outlet)
        .collect();
    let mut by_category = BTreeMap::new();
    for t in &mine {
        *by_category.entry(t.category.clone()).or_default() += 1;
    }
    let loaded_per_1000 = if words == 0 {
        0.0
    } else {
        mine.len() as f64 * 1000.0 / words as f64
    };

    Profile {
        words,
        attribution: ranked(attribution),
        hedges: ranked(hedges),
        boosters: ranked(boosted),
        scare_quotes,
        loaded_per_1000,
        loaded_by_category: ranked(by_category),
        loaded_quoted,
        quoted: ranked(quoted),
        quotations,
        quoted_words,
    }
}

/// One row of the two framing profiles side by side.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProfileRow {
    /// What the row counts ("Attribution verbs").
    pub label: &'static str,
    /// Article A's value, sanitised, on one line.
    pub a: String,
    /// Article B's value.
    pub b: String,
}

/// The framing profiles of both sides as rows of plain text, the table every display shows.
/// Lists longer than `max_items` (when given) end with "+N more"; an empty list is "none".
pub fn table(profiles: &PerSide<Profile>, max_items: Option<usize>) -> Vec<ProfileRow> {
    let clean = |s: &str| {
        crate::text::sanitize::sanitize(s)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    let list = |items: Vec<String>| {
        if items.is_empty() {
            return "none".to_string();
        }
        let shown = max_items.unwrap_or(usize::MAX);
        let mut v: Vec<String> = items.iter().take(shown).cloned().collect();
        if items.len() > shown {
            v.push(format!("+{} more", items.len() - shown));
        }
        v.join(", ")
    };
    let counts = |c: &[Count]| {
        list(
            c.iter()
                .map(|c| format!("{} ×{}", clean(&c.item), c.count))
                .collect(),
        )
    };
    let quoted = |v: &[String]| list(v.iter().map(|s| format!("“{}”", clean(s))).collect());
    let row = |label: &'static str, f: &dyn Fn(&Profile) -> String| ProfileRow {
        label,
        a: f(&profiles.a),
        b: f(&profiles.b),
    };
    vec![
        row("Words", &|p| p.words.to_string()),
        row("Attribution verbs", &|p| counts(&p.attribution)),
        row("Hedges", &|p| counts(&p.hedges)),
        row("Boosters (certainty)", &|p| counts(&p.boosters)),
        row("Scare quotes", &|p| quoted(&p.scare_quotes)),
        row("Loaded terms per 1,000 words (own voice)", &|p| {
            format!("{:.1}", p.loaded_per_1000)
        }),
        row("Loaded terms in quotations", &|p| {
            p.loaded_quoted.to_string()
        }),
        row("Loaded terms by category", &|p| {
            let named: Vec<Count> = p
                .loaded_by_category
                .iter()
                .map(|c| Count {
                    item: super::lexicon::category_label(&c.item),
                    count: c.count,
                })
                .collect();
            counts(&named)
        }),
        row("Quotations", &|p| p.quotations.to_string()),
        row("Quoted speech", &|p| {
            let share = if p.words == 0 {
                0.0
            } else {
                p.quoted_words as f64 * 100.0 / p.words as f64
            };
            format!("{} of {} words ({share:.0}%)", p.quoted_words, p.words)
        }),
        row("Who is quoted", &|p| counts(&p.quoted)),
    ]
}
