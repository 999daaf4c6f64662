//! Framing differences: word-level diffs of aligned sentence pairs, each change labelled with
//! the kind of contrast it is.
//!
//! Each aligned pair (or each merged group: a 1:2 or 2:1 alignment is diffed as one sentence
//! against the concatenation of the two; its [`Framing`] carries the first sentence index of
//! each side) is cut into word tokens (the analysis' tokens, in their normal form, so "F.B.I."
//! and "FBI", "Gen." and "General", "three" and "3", "Mr. Trump" and "Trump" are the same
//! words) and punctuation tokens (quote marks and dashes folded), with the dateline and
//! honorifics left out, and diffed with `similar` (Myers). A difference that disappears under
//! normalisation is therefore no change at all and gets no label. Adjacent changed tokens merge into one [`Change`] whose spans run
//! from the first to the last changed token on each side: a replacement has both spans, a
//! deletion only A's, an insertion only B's. Changes made only of punctuation are dropped,
//! except quote marks that make a scare quote on one side (reported as a [`ScareQuote`]
//! change spanning the scare-quoted passage), and so are a party tag's two house styles
//! ("R-Ky." / "Republican of Kentucky", "D-S.C." / "Democrat from South Carolina": one
//! affiliation, not a difference), a name against its abbreviation ("U.S." / "United States",
//! "RNC" / "Republican National Committee": house style, not naming), and a wording or naming
//! change that is only one speaker's tag in two house styles ("said Gov. Perry" / "Perry said in a statement", "she added" /
//! "Pelosi said": the private module `tags`). Pairs with no change left produce no entry.
//!
//! A word diff reads well only when the two versions share most of their words (like delta's
//! `max-line-distance`): when the diff finds less than [`WORD_DIFF_MIN_SHARED`] of both
//! sides' words equal, the pair is *the same fact in different wording*
//! ([`Framing::word_diff`] false) and only its labelled changes are kept — differing names,
//! numbers, loaded and scare-quoted words, attribution and hedges — not every changed word;
//! a loaded, scare-quote or attribution change then spans only its loaded words, its scare
//! quotes (with their marks) or its verbs of saying, not the clause around them (verbs on both
//! sides stand against each other: "insisted" / "claimed"; a verb on one side only is marked
//! with nothing in its place), and of a short wording change only the figures
//! one side gives and the other's sentences nowhere state are kept, each as a number change
//! with nothing in its place ("$3.5 billion" where the other side has "the wall he seeks").
//!
//! Labels, first match wins (the first three only for stretches of at most
//! [`LABEL_MAX_WORDS`] words per side, so that a clause that happens to hold a figure or a verb
//! of saying is not called a number or attribution change):
//!
//! 1. [`Number`]: the numbers in the two changed stretches differ, and both stretches hold one
//!    or one holds a number that counts something ([`DiffToken::quantity`]) where the other
//!    says at most an amount: nothing, only function words, or a vague amount ("some",
//!    "thousands of"). A year, a date, a time of day, an ordinal or a rank said on one side
//!    only is not a figure the other lacks, and a figure against other words ("a secret
//!    vote" / "a 43-year-old congressman") is not a figure stated differently;
//! 2. [`Attribution`]: either stretch holds an attribution verb ([`attribution_verbs`](crate::text::vocab::attribution_verbs))
//!    that the other side's sentences do not use anywhere (the same verb in another place, or
//!    another form of it — "saying" / "said" — is no difference), and that verb is charged
//!    ("claimed", "insisted") or the other side's sentences have no neutral verb of saying: a
//!    neutral verb against another ("said" / "told reporters", [`words::is_neutral`]) only
//!    reports that someone spoke, and so does a neutral verb against sentences with no verb
//!    of saying whose words are mostly inside a quotation of speech (the tag of a quotation
//!    running over two sentences sits in the other one);
//! 3. [`Hedge`]: either stretch holds a hedge or certainty marker ([`hedges`](crate::text::vocab::hedges), [`boosters`](crate::text::vocab::boosters))
//!    that the other side's sentences do not use anywhere;
//! 4. [`ScareQuote`]: the stretch is scare-quoted on one side only;
//! 5. [`Loaded`]: a loaded-term hit lies in the stretch on one side, and the other side's
//!    sentences have no hit of the same entry anywhere (a loaded word both use, in different
//!    places of their sentences, is no difference of wording);
//! 6. [`Naming`]: a replacement of at most [`NAMING_MAX_WORDS`] words on each side that reads
//!    as two names for one referent. Neither stretch holds a verb of saying, an auxiliary or
//!    a pronoun (those make it part of a clause), nor a comma, semicolon, colon or dash (a
//!    list or a clause boundary), nor single-letter initials as its only names (a middle
//!    initial, the "R" of "R-Ohio"), and the two versions share a content word (not a function
//!    word) right before or right after it: two names stand in the same place of a shared
//!    phrase, where a stretch with nothing shared around it is only where two differently
//!    worded sentences happen to differ. Then either
//!    - both sides hold a name-like word ("Russia's Defense Ministry" / "Moscow"), the
//!      stretches hold no function word but articles and "of" ("the United States",
//!      "Secretary of State"), and they do not name two things: names of one stretch that the
//!      other version's sentence all holds elsewhere ("Marta K." / "U.N." where both sentences
//!      name Marta Lind; initials do not count), one name against one other where one is a name the other article
//!      also uses ("Halloran" / "Vesey" when both articles name Vesey), names that each
//!      article also writes in the other's stretch ("Trump" / "Senate Republicans" unveiled the
//!      plan, where both articles name both; not when they qualify a shared noun after them:
//!      "Senate minority" / "Democratic" leader), or two full names
//!      (name-like words the articles never write in lower case, as titles are) sharing no
//!      word ("David Okafor" / "Jack Halloran") are two referents — unless the
//!      names are visibly forms of one name: initials ("RNC" / "Republican National
//!      Committee", "U.S." / "United States") or a spelling or form of one word ("Moammar" /
//!      "Muammar", "Democrats" / "Democratic Party");
//!    - or the stretch follows the same name-like word on both sides, the words shared after
//!      it hold a content word, and it holds no function word and no past form ("the Syrian Army" /
//!      "Syrian regime forces", "the Russian president alone" / "the Russian leader alone":
//!      the changed words are qualified by the shared name; "Ortega, determined" names
//!      nothing).
//!
//!    A word is name-like when it has a capital after its first letter ("ISIS", "U.S."), or
//!    is capitalised away from the sentence's or a quotation's first word. Where every word is
//!    capitalised, the two articles' other uses of the word decide: a name when they write it
//!    capitalised inside sentences more often than in lower case ("Senior" is not when they
//!    also write "senior"); when they write it nowhere else, a name unless it is a common
//!    English word (Zipf 5 or more in the frequency table) or the plural or -ing form of a
//!    listed word ("Supporters", "Listening"). Days and months are not names;
//! 7. [`Wording`] otherwise.
//!
//! [`Number`]: ContrastLabel::Number
//! [`Attribution`]: ContrastLabel::Attribution
//! [`Hedge`]: ContrastLabel::Hedge
//! [`ScareQuote`]: ContrastLabel::ScareQuote
//! [`Loaded`]: ContrastLabel::Loaded
//! [`Naming`]: ContrastLabel::Naming
//! [`Wording`]: ContrastLabel::Wording

mod tags;
pub mod words;

use std::cell::OnceCell;
use std::sync::OnceLock;

use rayon::prelude::*;
use rustc_hash::FxHashMap as HashMap;

use similar::{Algorithm, DiffTag, capture_diff_slices};

use super::voice::Voices;
use super::{AlignedPair, Change, ContrastLabel, Framing, LoadedTerm, PerSide, Side};
use crate::corpus::Article;
use crate::text::normalize::fold_mark;
use crate::text::{Analysis, QuotationKind, QuoteKind, Span, vocab};

/// True when the name-like words (`name`) of two stretches are the same names, each of one
/// side written on the other or as its place's demonym ("Israel's" / "Israeli", possessives
/// being folded in the normal form).
fn same_names(xa: &[DiffToken], xb: &[DiffToken], name: &impl Fn(&DiffToken) -> bool) -> bool {
    let one = |x: &DiffToken, y: &DiffToken| {
        let demonym_of = |d: &DiffToken, place: &DiffToken| {
            super::align::synonyms::demonym_base(&d.norm).contains(&place.norm)
        };
        x.norm == y.norm || demonym_of(x, y) || demonym_of(y, x)
    };
    let covered = |xs: &[DiffToken], ys: &[DiffToken]| {
        xs.iter()
            .filter(|x| name(x))
            .all(|x| ys.iter().filter(|y| name(y)).any(|y| one(x, y)))
    };
    covered(xa, xb) && covered(xb, xa)
}

/// Longest changed stretch, in words per side, that can be labelled a naming difference.
pub const NAMING_MAX_WORDS: usize = 5;

/// Longest changed stretch, in words per side, that can be labelled a number, attribution or
/// hedge difference: a longer stretch is a different clause that happens to hold a figure or a
/// verb of saying.
pub const LABEL_MAX_WORDS: usize = 4;

/// Least share of words two versions must have in common for a word-by-word diff (like
/// delta's `max-line-distance`): below it the pair is the same fact in different wording, and
/// only its labelled changes are marked.
pub const WORD_DIFF_MIN_SHARED: f64 = 0.5;

/// One token of a sentence for diffing: a word or a punctuation mark.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DiffToken {
    /// Where it is in the article's text.
    pub span: Span,
    /// Normal form: the token's [`normal form`](crate::text::normalize) for words; for
    /// punctuation the mark folded by [`fold_mark`].
    pub norm: String,
    /// True for a word, false for punctuation.
    pub word: bool,
    /// True when the token is the first word of its sentence or of a quotation inside it (right
    /// after an opening quote mark): a place where any word is capitalised.
    pub initial: bool,
    /// As written, starts with an upper-case letter.
    pub capitalized: bool,
    /// Has an upper-case letter after its first character ("ISIS", "U.S.", "McCain").
    pub inner_capital: bool,
    /// Contains a digit.
    pub numeric: bool,
    /// A number that counts or measures something: numeric, and not a year ("2016"), a day of
    /// the month ("Aug. 24"), a time of day ("11am", "9:24"), an ordinal ("112th"), a rank
    /// ("No. 3") or a number word inside a name ("the Final Four").
    pub quantity: bool,
}

/// The word and punctuation tokens of `span` (a sentence of the analysed `text`), in order:
/// words are the analysis' tokens; punctuation is every other visible character outside the
/// stretches matching leaves out. Whitespace is skipped.
pub fn diff_tokens(an: &Analysis, text: &str, span: Span) -> Vec<DiffToken> {
    let mut out = Vec::new();
    let skipped: Vec<Span> = an
        .unmatched
        .iter()
        .map(|u| u.span)
        .filter(|u| u.overlaps(&span))
        .collect();
    let punct = |from: usize, to: usize, out: &mut Vec<DiffToken>| {
        let gap = Span::new(from, to).slice(text);
        for (k, c) in gap.char_indices() {
            let s = from + k;
            let at = Span::new(s, s + c.len_utf8());
            if c.is_whitespace() || c.is_alphanumeric() || skipped.iter().any(|u| u.contains(&at)) {
                continue;
            }
            let norm = fold_mark(c);
            // A dash written as two hyphens is one dash.
            if norm == '-'
                && out
                    .last()
                    .is_some_and(|t: &DiffToken| t.norm == "-" && t.span.end == s)
            {
                if let Some(last) = out.last_mut() {
                    last.span.end = at.end;
                    last.norm = "—".to_string();
                }
                continue;
            }
            out.push(DiffToken {
                span: at,
                norm: norm.to_string(),
                word: false,
                initial: false,
                capitalized: false,
                inner_capital: false,
                numeric: false,
                quantity: false,
            });
        }
    };
    let mut at = span.start;
    let mut first_word = true;
    for t in &an.tokens[an.tokens_in(span)] {
        punct(at, t.span.start, &mut out);
        let written = t.span.slice(text);
        let mut chars = written.chars();
        let capitalized = chars.next().is_some_and(char::is_uppercase);
        out.push(DiffToken {
            span: t.span,
            norm: t.norm.as_str().to_owned(),
            word: true,
            initial: first_word || opens_quotation(text, t.span.start),
            capitalized,
            inner_capital: chars.any(char::is_uppercase),
            numeric: t.numeric,
            quantity: t.numeric && counts(written, capitalized && !first_word),
        });
        first_word = false;
        at = t.span.end;
    }
    punct(at, span.end, &mut out);
    // What the neighbouring words say: a number after a month or "No.", or before a month,
    // "am" or "pm", dates or ranks something rather than counting it.
    for i in 0..out.len() {
        if !out[i].quantity {
            continue;
        }
        let prev = out[..i]
            .iter()
            .rev()
            .find(|t| t.word)
            .map_or("", |t| t.norm.as_str());
        let next = out[i + 1..]
            .iter()
            .find(|t| t.word)
            .map_or("", |t| t.norm.as_str());
        let month = crate::text::furniture::is_month_or_day;
        if month(prev) || prev == "number" || month(next) || next == "am" || next == "pm" {
            out[i].quantity = false;
        }
    }
    out
}

/// Words that give an amount without a figure ("some", "thousands", "a majority"): a figure on
/// the other side in their place is a number the two versions state differently.
fn is_vague_amount(norm: &str) -> bool {
    matches!(
        norm,
        "some"
            | "many"
            | "several"
            | "few"
            | "numerous"
            | "countless"
            | "multiple"
            | "various"
            | "dozen"
            | "dozens"
            | "hundreds"
            | "thousands"
            | "millions"
            | "billions"
            | "scores"
            | "majority"
            | "minority"
            | "most"
            | "all"
            | "handful"
            | "lot"
            | "lots"
            | "much"
            | "fewer"
            | "couple"
    )
}

/// True when the numeric word `written` (a token as written; `in_name` when it is capitalised
/// away from its sentence's start) can count something: not a year, an ordinal, a time of day
/// or a number word inside a name.
fn counts(written: &str, in_name: bool) -> bool {
    let digits = written.chars().filter(char::is_ascii_digit).count();
    if digits == 0 {
        return !in_name;
    }
    let year = written.len() == 4
        && digits == 4
        && written
            .parse::<u32>()
            .is_ok_and(|y| (1800..=2099).contains(&y));
    let ordinal = ["st", "nd", "rd", "th"]
        .iter()
        .any(|end| written.to_ascii_lowercase().ends_with(end) && written.len() > 2);
    !(year || ordinal || written.contains(':'))
}

/// Word-level differences of every aligned pair (or merged group) whose wording differs.
pub fn framing(
    a: &Article,
    b: &Article,
    pairs: &[AlignedPair],
    loaded: &[LoadedTerm],
) -> Vec<Framing> {
    let scare = PerSideIndex {
        a: SpanIndex::new(scare_quotes(a)),
        b: SpanIndex::new(scare_quotes(b)),
    };
    let voices = PerSide {
        a: Voices::new(a),
        b: Voices::new(b),
    };
    let tags = PerSide {
        a: tags::Tags::new(a),
        b: tags::Tags::new(b),
    };
    let terms = |side: Side| {
        SpanIndex::new(
            loaded
                .iter()
                .filter(|t| t.side == side)
                .map(|t| (t.span, t.term.as_str()))
                .collect(),
        )
    };
    let loaded = PerSideIndex {
        a: terms(Side::A),
        b: terms(Side::B),
    };
    let casing = LazyCasing {
        a,
        b,
        cell: OnceLock::new(),
    };
    // Each unit is labelled on its own, in parallel; the list comes out in the units' order.
    let mut out: Vec<Framing> = groups(pairs)
        .into_par_iter()
        .filter_map(|(sa, sb)| {
            let ta = group_tokens(a, &sa);
            let tb = group_tokens(b, &sb);
            let ctx = Context {
                ta: &ta,
                tb: &tb,
                scare: &scare,
                loaded: &loaded,
                entries: PerSide {
                    a: entries_in(&loaded.a, &ta),
                    b: entries_in(&loaded.b, &tb),
                },
                markers: PerSide::default(),
                voices: &voices,
                quoted: PerSide::default(),
                casing: &casing,
            };
            let (mut changes, shared) = ctx.changes();
            // Two house styles of one speaker's tag frame nothing.
            let sentences = PerSide {
                a: sentence_spans(a, &sa),
                b: sentence_spans(b, &sb),
            };
            let styles: Vec<bool> = changes
                .iter()
                .map(|c| tags::house_style(c, &changes, &tags, &sentences))
                .collect();
            let mut styles = styles.into_iter();
            changes.retain(|_| !styles.next().unwrap_or(false));
            let word_diff = shared >= WORD_DIFF_MIN_SHARED;
            if !word_diff {
                // Narrowed, two changes can come to one span (a scare quote's marks and its
                // words): each is kept once.
                let mut seen = rustc_hash::FxHashSet::default();
                changes = changes
                    .into_iter()
                    .flat_map(|c| ctx.narrow(c))
                    .filter(|c| seen.insert((c.a, c.b, c.label)))
                    .collect();
            }
            if changes.is_empty() {
                return None;
            }
            let mut labels: Vec<ContrastLabel> = Vec::new();
            for c in &changes {
                if c.label != ContrastLabel::Wording && !labels.contains(&c.label) {
                    labels.push(c.label);
                }
            }
            Some(Framing {
                a: sa[0],
                b: sb[0],
                changes,
                labels,
                word_diff,
            })
        })
        .collect();
    out.sort_by_key(|f| (f.a, f.b));
    out
}

/// Pairs grouped into alignment units: pairs sharing a sentence belong together (a 1:2 merge
/// gives two pairs sharing the A sentence). Each group's sentence indices, sorted.
fn groups(pairs: &[AlignedPair]) -> Vec<(Vec<usize>, Vec<usize>)> {
    let mut out: Vec<(Vec<usize>, Vec<usize>)> = Vec::new();
    let mut of_a: HashMap<usize, usize> = HashMap::default();
    let mut of_b: HashMap<usize, usize> = HashMap::default();
    for p in pairs {
        match of_a.get(&p.a).or_else(|| of_b.get(&p.b)).copied() {
            Some(k) => {
                let (ga, gb) = &mut out[k];
                if !ga.contains(&p.a) {
                    ga.push(p.a);
                }
                if !gb.contains(&p.b) {
                    gb.push(p.b);
                }
                of_a.insert(p.a, k);
                of_b.insert(p.b, k);
            }
            None => {
                of_a.insert(p.a, out.len());
                of_b.insert(p.b, out.len());
                out.push((vec![p.a], vec![p.b]));
            }
        }
    }
    for (ga, gb) in &mut out {
        ga.sort_unstable();
        gb.sort_unstable();
    }
    out
}

/// The spans of `sentences` of `art`.
fn sentence_spans(art: &Article, sentences: &[usize]) -> Vec<Span> {
    sentences
        .iter()
        .filter_map(|&i| art.analysis.sentences.get(i))
        .map(|s| s.span)
        .collect()
}

fn group_tokens(art: &Article, sentences: &[usize]) -> Vec<DiffToken> {
    sentences
        .iter()
        .filter_map(|&i| art.analysis.sentences.get(i))
        .flat_map(|s| diff_tokens(&art.analysis, &art.text, s.span))
        .collect()
}

/// A side's attribution verbs and its hedge or certainty markers, sorted.
type Markers = (Vec<&'static str>, Vec<&'static str>);

struct Context<'x, 'c> {
    ta: &'x [DiffToken],
    tb: &'x [DiffToken],
    /// Each side's scare quotes: outer spans, with their inner spans.
    scare: &'x PerSideIndex<Span>,
    /// Each side's loaded-term hits, with their terms.
    loaded: &'x PerSideIndex<&'x str>,
    /// The lexicon entries each side's sentences use anywhere, sorted: a loaded word the other
    /// side also uses, elsewhere in its sentence, is no difference of wording.
    entries: PerSide<Vec<&'x str>>,
    /// The attribution verbs and the hedge or certainty markers each side's sentences use
    /// anywhere (as [`words::attributions`] and [`words::hedges_in`] give them), found when a
    /// changed stretch first holds one.
    markers: PerSide<OnceCell<Markers>>,
    /// Each article's speech quotations.
    voices: &'x PerSide<Voices<'c>>,
    /// Whether most of each side's words are someone's quoted speech (a sentence inside a
    /// quotation whose tag sits in another sentence is attributed all the same), found when
    /// a label first asks.
    quoted: PerSide<OnceCell<bool>>,
    /// How the two articles write their words, worked out when a label first needs it.
    casing: &'x LazyCasing<'c>,
}

/// How the two articles write each word where capitalisation tells something: away from a
/// sentence's or a quotation's first word, per normal form, how often each side writes it
/// capitalised and how often in lower case (`[capitalised in A, lower in A, capitalised in B,
/// lower in B]`).
struct Casing<'t> {
    counts: HashMap<&'t str, [u32; 4]>,
}

impl<'t> Casing<'t> {
    fn new(a: &'t Article, b: &'t Article) -> Casing<'t> {
        let mut counts: HashMap<&'t str, [u32; 4]> = HashMap::default();
        for (k, art) in [a, b].into_iter().enumerate() {
            let an = &art.analysis;
            for s in &an.sentences {
                for t in an.tokens[an.tokens_in(s.span)].iter().skip(1) {
                    // A word written in lower case after a quote mark is in lower case still.
                    let slot = if !t.capitalized {
                        2 * k + 1
                    } else if opens_quotation(&art.text, t.span.start) {
                        continue;
                    } else {
                        2 * k
                    };
                    counts.entry(t.norm.as_str()).or_default()[slot] += 1;
                }
            }
        }
        Casing { counts }
    }

    fn of(&self, norm: &str) -> [u32; 4] {
        self.counts.get(norm).copied().unwrap_or_default()
    }

    /// True when `side`'s article writes `norm` capitalised inside a sentence: a name it uses.
    fn names(&self, side: Side, norm: &str) -> bool {
        let c = self.of(norm);
        if side == Side::A { c[0] > 0 } else { c[2] > 0 }
    }
}

/// The [`Casing`] of two articles, worked out on first use: most comparisons never need it.
struct LazyCasing<'t> {
    a: &'t Article,
    b: &'t Article,
    cell: OnceLock<Casing<'t>>,
}

impl<'t> LazyCasing<'t> {
    fn get(&self) -> &Casing<'t> {
        self.cell.get_or_init(|| Casing::new(self.a, self.b))
    }
}

/// A [`SpanIndex`] per side.
struct PerSideIndex<T> {
    a: SpanIndex<T>,
    b: SpanIndex<T>,
}

impl<T> PerSideIndex<T> {
    fn get(&self, side: Side) -> &SpanIndex<T> {
        if side == Side::A { &self.a } else { &self.b }
    }
}

/// Spans with a value, sorted by start, for finding those that overlap a span without
/// scanning them all: only spans starting less than the longest one's length before it can.
struct SpanIndex<T> {
    items: Vec<(Span, T)>,
    longest: usize,
}

impl<T: Copy> SpanIndex<T> {
    fn new(mut items: Vec<(Span, T)>) -> SpanIndex<T> {
        // Stable: among spans starting together, the first listed stays first.
        items.sort_by_key(|(s, _)| s.start);
        let longest = items.iter().map(|(s, _)| s.len()).max().unwrap_or(0);
        SpanIndex { items, longest }
    }

    /// The entries that may overlap `span` (those starting in reach of it), in start order.
    fn near(&self, span: Span) -> impl Iterator<Item = &(Span, T)> {
        let lo = self
            .items
            .partition_point(|(s, _)| s.start + self.longest <= span.start);
        self.items[lo..]
            .iter()
            .take_while(move |(s, _)| s.start <= span.end)
    }
}

/// The entries of the loaded-term hits in `index` that overlap a token of `toks` (a side's
/// sentences in an aligned group, in text order), sorted and without repeats.
fn entries_in<'x>(index: &SpanIndex<&'x str>, toks: &[DiffToken]) -> Vec<&'x str> {
    let Some(all) = span_of(toks) else {
        return Vec::new();
    };
    let mut out: Vec<&str> = index
        .near(all)
        .filter(|(s, _)| {
            // The first token ending after the hit starts; the hit overlaps it when it starts
            // before the hit ends (the group's sentences need not be next to each other).
            let k = toks.partition_point(|t| t.span.end <= s.start);
            toks.get(k).is_some_and(|t| t.span.start < s.end)
        })
        .map(|&(_, term)| term)
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// True when more than half of the words of `toks` are someone's quoted speech.
fn mostly_quoted(voices: &Voices<'_>, toks: &[DiffToken]) -> bool {
    let words = toks.iter().filter(|t| t.word);
    let inside = words.clone().filter(|t| voices.quoted(t.span)).count();
    2 * inside > words.count()
}

/// The scare quotes of `art` (outer and inner spans), in text order.
fn scare_quotes(art: &Article) -> Vec<(Span, Span)> {
    art.analysis
        .quotes
        .iter()
        .filter(|q| q.kind == QuoteKind::ScareQuote && q.class == QuotationKind::Scare)
        .map(|q| (q.outer, q.inner))
        .collect()
}

/// A changed stretch: token ranges on both sides (possibly empty on one), and the ranges of A's
/// tokens the two sides share right before and right after it (up to the neighbouring change).
struct Stretch {
    a: std::ops::Range<usize>,
    b: std::ops::Range<usize>,
    shared_before: std::ops::Range<usize>,
    shared_after: std::ops::Range<usize>,
}

fn span_of(toks: &[DiffToken]) -> Option<Span> {
    Some(Span::new(toks.first()?.span.start, toks.last()?.span.end))
}

/// One change with `label` per span of `a` (A's words with nothing in their place in B), then
/// per span of `b`.
fn one_sided(
    a: impl Iterator<Item = Span>,
    b: impl Iterator<Item = Span>,
    label: ContrastLabel,
) -> Vec<Change> {
    a.map(|s| Change {
        a: Some(s),
        b: None,
        label,
    })
    .chain(b.map(|s| Change {
        a: None,
        b: Some(s),
        label,
    }))
    .collect()
}

impl Context<'_, '_> {
    /// The changes, and the share of both sides' words the diff finds equal.
    fn changes(&self) -> (Vec<Change>, f64) {
        let na: Vec<&str> = self.ta.iter().map(|t| t.norm.as_str()).collect();
        let nb: Vec<&str> = self.tb.iter().map(|t| t.norm.as_str()).collect();
        let ops = capture_diff_slices(Algorithm::Myers, &na, &nb);
        let mut stretches: Vec<Stretch> = Vec::new();
        let mut equal_words = 0usize;
        for op in &ops {
            let (tag, ra, rb) = op.as_tag_tuple();
            if tag == DiffTag::Equal {
                equal_words += self.ta[ra].iter().filter(|t| t.word).count();
                continue;
            }
            match stretches.last_mut() {
                Some(last) if last.a.end == ra.start && last.b.end == rb.start => {
                    last.a.end = ra.end;
                    last.b.end = rb.end;
                }
                _ => stretches.push(Stretch {
                    a: ra,
                    b: rb,
                    shared_before: 0..0,
                    shared_after: 0..0,
                }),
            }
        }
        for k in 0..stretches.len() {
            let start = if k == 0 { 0 } else { stretches[k - 1].a.end };
            let end = stretches.get(k + 1).map_or(self.ta.len(), |n| n.a.start);
            let st = &mut stretches[k];
            st.shared_before = start..st.a.start;
            st.shared_after = st.a.end..end;
        }
        let mut out: Vec<Change> = Vec::new();
        let mut seen = rustc_hash::FxHashSet::default();
        for st in stretches {
            if let Some(c) = self.change(&st)
                && seen.insert((c.a, c.b, c.label))
            {
                out.push(c);
            }
        }
        let words = self.ta.iter().chain(self.tb).filter(|t| t.word).count();
        let shared = if words == 0 {
            1.0
        } else {
            (2 * equal_words) as f64 / words as f64
        };
        (out, shared)
    }

    fn change(&self, st: &Stretch) -> Option<Change> {
        // Trim punctuation at the edges: spans slice to the changed words.
        let wa = trim_to_words(self.ta, st.a.clone());
        let wb = trim_to_words(self.tb, st.b.clone());
        if wa.is_empty() && wb.is_empty() {
            return self.quote_mark_change(st);
        }
        // "R-Ky." / "Republican of Kentucky": one party tag in two house styles.
        if party_tag(self.ta, wa.clone(), &self.tb[wb.clone()])
            || party_tag(self.tb, wb.clone(), &self.ta[wa.clone()])
        {
            return None;
        }
        // "U.S." / "United States", "RNC" / "Republican National Committee": one name, spelled
        // out by one house style and abbreviated by the other.
        let (xa, xb) = (&self.ta[wa.clone()], &self.tb[wb.clone()]);
        if initials_of(xa, xb) || initials_of(xb, xa) {
            return None;
        }
        let a = span_of(&self.ta[wa.clone()]);
        let b = span_of(&self.tb[wb.clone()]);
        let label = self.label(st, wa, wb, a, b);
        Some(Change { a, b, label })
    }

    /// A change of punctuation only: kept when it adds or removes the quote marks of a scare
    /// quote on one side.
    fn quote_mark_change(&self, st: &Stretch) -> Option<Change> {
        let marks_a = span_of(&self.ta[st.a.clone()]);
        let marks_b = span_of(&self.tb[st.b.clone()]);
        let qa = marks_a.and_then(|s| scare_quote_at(&self.scare.a, s, true));
        let qb = marks_b.and_then(|s| scare_quote_at(&self.scare.b, s, true));
        match (qa, qb) {
            (Some(q), None) => Some(Change {
                a: Some(q),
                b: None,
                label: ContrastLabel::ScareQuote,
            }),
            (None, Some(q)) => Some(Change {
                a: None,
                b: Some(q),
                label: ContrastLabel::ScareQuote,
            }),
            _ => None,
        }
    }

    fn label(
        &self,
        st: &Stretch,
        wa: std::ops::Range<usize>,
        wb: std::ops::Range<usize>,
        a: Option<Span>,
        b: Option<Span>,
    ) -> ContrastLabel {
        let xa = &self.ta[wa.clone()];
        let xb = &self.tb[wb.clone()];
        fn nums(x: &[DiffToken]) -> Vec<&str> {
            let mut v: Vec<&str> = x
                .iter()
                .filter(|t| t.numeric)
                .map(|t| t.norm.as_str())
                .collect();
            v.sort_unstable();
            v
        }
        let count = |t: &[DiffToken]| t.iter().filter(|t| t.word).count();
        let short = count(xa) <= LABEL_MAX_WORDS && count(xb) <= LABEL_MAX_WORDS;
        let (num_a, num_b) = (nums(xa), nums(xb));
        // A number on one side only is a figure the other side lacks when it counts something;
        // a year or a date said on one side only is not a number change.
        let quantity = |x: &[DiffToken]| x.iter().any(|t| t.quantity);
        // … and it stands in the place of the other side's stretch only when that stretch is
        // empty ("for 35 days" / ∅), holds only function words ("Two heartland states" / "The
        // states") or gives a vague amount ("roughly 700,000" / "some", "$250,000" /
        // "thousands of dollars"). Against other words ("a secret ballot" / "a 43-year-old
        // congressman") the figure says nothing about what the other side says there.
        let in_place_of = |x: &[DiffToken]| {
            let mut words = x.iter().filter(|t| t.word);
            words.clone().any(|t| is_vague_amount(&t.norm))
                || words.all(|t| !t.numeric && vocab::is_function_word(&t.norm))
        };
        let figures = (!num_a.is_empty() && !num_b.is_empty())
            || (quantity(xa) && in_place_of(xb))
            || (quantity(xb) && in_place_of(xa));
        if short && figures && num_a != num_b {
            return ContrastLabel::Number;
        }
        // A marker both sides' sentences use, in different places, is no difference. A verb
        // of saying is one when it is charged ("claimed") or the other side's sentences have
        // no neutral verb of saying: "said" against "told" is not.
        let attribution =
            |here: Vec<&str>, there: Side| here.iter().any(|m| self.frames_speech(m, there));
        let hedge = |here: Vec<&str>, there: Side| {
            if here.is_empty() {
                return false;
            }
            let (_, hedges) = self.markers_of(there);
            here.iter().any(|m| !hedges.contains(m))
        };
        if short
            && (attribution(self.attributions(Side::A, xa), Side::B)
                || attribution(self.attributions(Side::B, xb), Side::A))
        {
            return ContrastLabel::Attribution;
        }
        if short && (hedge(words::hedges_in(xa), Side::B) || hedge(words::hedges_in(xb), Side::A)) {
            return ContrastLabel::Hedge;
        }
        let sq_a = a
            .and_then(|s| scare_quote_at(&self.scare.a, s, false))
            .is_some();
        let sq_b = b
            .and_then(|s| scare_quote_at(&self.scare.b, s, false))
            .is_some();
        if sq_a != sq_b {
            return ContrastLabel::ScareQuote;
        }
        let hits_a = self.loaded_in(Side::A, a);
        let hits_b = self.loaded_in(Side::B, b);
        if hits_a.iter().any(|t| !self.entries.b.contains(t))
            || hits_b.iter().any(|t| !self.entries.a.contains(t))
        {
            return ContrastLabel::Loaded;
        }
        if self.naming(st, wa, wb) {
            return ContrastLabel::Naming;
        }
        ContrastLabel::Wording
    }

    /// Whether most of `side`'s words are someone's quoted speech.
    fn quoted(&self, side: Side) -> bool {
        let toks = if side == Side::A { self.ta } else { self.tb };
        *self
            .quoted
            .get(side)
            .get_or_init(|| mostly_quoted(self.voices.get(side), toks))
    }

    /// The attribution verbs and hedge or certainty markers of `side`'s sentences.
    fn markers_of(&self, side: Side) -> &Markers {
        let toks = if side == Side::A { self.ta } else { self.tb };
        self.markers
            .get(side)
            .get_or_init(|| (self.attributions(side, toks), words::hedges_in(toks)))
    }

    /// True when the attribution verb `verb` (a lemma) is one the sentences of `there`, the
    /// other side, do not use, and it is charged ("claimed") or `there` has no neutral verb of
    /// saying: "said" against "told" is one way of reporting speech, not a framing of it. Nor
    /// is a neutral verb against sentences with no verb of saying that are someone's quoted
    /// words: `"…," Ryan said` against the same words inside a quotation whose tag sits in the
    /// sentence before tells only where each outlet put the tag.
    fn frames_speech(&self, verb: &str, there: Side) -> bool {
        let (verbs, _) = self.markers_of(there);
        if verbs.contains(&verb) {
            return false;
        }
        if !words::is_neutral(verb) {
            return true;
        }
        let quoted_speech = verbs.is_empty() && self.quoted(there);
        !quoted_speech && !verbs.iter().any(|v| words::is_neutral(v))
    }

    /// The attribution verbs `toks` (of `side`) hold: a form that is also a noun counts where
    /// the lexicon's entry for the verb found it (its sense rules read the part of speech).
    fn attributions(&self, side: Side, toks: &[DiffToken]) -> Vec<&'static str> {
        words::attributions(toks, |t| {
            self.loaded_in(side, Some(t.span))
                .contains(&words::CLAIM_ENTRY)
        })
    }

    fn loaded_in(&self, side: Side, span: Option<Span>) -> Vec<&str> {
        let Some(span) = span else {
            return Vec::new();
        };
        let mut v: Vec<&str> = self
            .loaded
            .get(side)
            .near(span)
            .filter(|(s, _)| s.overlaps(&span))
            .map(|&(_, term)| term)
            .collect();
        v.sort_unstable();
        v.dedup();
        v
    }

    /// A change of a pair too far apart for a word diff as the words that make it one: loaded
    /// words, scare quotes, verbs of saying, and of a wording change its lone figures (none
    /// when it has none); other changes as they are.
    fn narrow(&self, c: Change) -> Vec<Change> {
        match c.label {
            ContrastLabel::Loaded => self.narrow_loaded(c),
            ContrastLabel::ScareQuote => self.narrow_scare_quote(c),
            ContrastLabel::Attribution => self.narrow_attribution(c),
            ContrastLabel::Wording => self.lone_figures(c),
            _ => vec![c],
        }
    }

    /// The tokens of `side` inside `span` (a stretch of its group's tokens, which are in text
    /// order): none without a span.
    fn within(&self, side: Side, span: Option<Span>) -> &[DiffToken] {
        let all = if side == Side::A { self.ta } else { self.tb };
        let Some(span) = span else {
            return &[];
        };
        let lo = all.partition_point(|t| t.span.start < span.start);
        let hi = lo + all[lo..].partition_point(|t| t.span.end <= span.end);
        &all[lo..hi]
    }

    /// The figures of a short wording change that one side gives and the other side's
    /// sentences nowhere state, each as a number change of its own: "tune of $3.5 billion" /
    /// "border wall he seeks" marks "3.5 billion", with nothing in its place. The words around
    /// a figure are no other figure, so they are not marked (see the module documentation).
    fn lone_figures(&self, c: Change) -> Vec<Change> {
        let words = |side: Side, span: Option<Span>| -> Vec<&DiffToken> {
            self.within(side, span).iter().filter(|t| t.word).collect()
        };
        let (xa, xb) = (words(Side::A, c.a), words(Side::B, c.b));
        if xa.len() > LABEL_MAX_WORDS || xb.len() > LABEL_MAX_WORDS {
            return Vec::new();
        }
        // Runs of numeric words holding a quantity, none of whose numbers the other side
        // states, with a magnitude after them ("3.5 billion") and a currency sign before.
        let figures = |x: &[&DiffToken], here: &[DiffToken], there: &[DiffToken]| -> Vec<Span> {
            let stated = |t: &DiffToken| there.iter().any(|u| u.numeric && u.norm == t.norm);
            let magnitude = |t: &DiffToken| {
                matches!(
                    t.norm.as_str(),
                    "hundred" | "thousand" | "million" | "billion" | "trillion" | "percent"
                )
            };
            let mut out = Vec::new();
            let mut k = 0;
            while k < x.len() {
                if !x[k].numeric {
                    k += 1;
                    continue;
                }
                let start = k;
                while k < x.len() && (x[k].numeric || (k > start && magnitude(x[k]))) {
                    k += 1;
                }
                let run = &x[start..k];
                if !run.iter().any(|t| t.quantity) || run.iter().any(|t| stated(t)) {
                    continue;
                }
                let mut span = Span::new(run[0].span.start, run[k - start - 1].span.end);
                if let Some(sign) = here
                    .iter()
                    .find(|t| !t.word && t.span.end == span.start)
                    .filter(|t| matches!(t.norm.as_str(), "$" | "£" | "€"))
                {
                    span.start = sign.span.start;
                }
                out.push(span);
            }
            out
        };
        let a = figures(&xa, self.ta, self.tb).into_iter();
        let b = figures(&xb, self.tb, self.ta).into_iter();
        one_sided(a, b, ContrastLabel::Number)
    }

    /// An attribution change as its verbs of saying alone. When both stretches hold one, the
    /// verbs stand against each other ("insisted that" / "repeatedly said" marks "insisted" /
    /// "said"); otherwise each verb that makes the change one (see [`Context::frames_speech`])
    /// stands alone on its side: "Doctors said" / "He remains in critical" marks "said" in B,
    /// where A states the fact as its own.
    fn narrow_attribution(&self, c: Change) -> Vec<Change> {
        // The verbs of `side`'s stretch, each with whether it frames the speech.
        let verbs = |side: Side, span: Option<Span>| -> Vec<(Span, bool)> {
            let toks = self.within(side, span);
            let there = if side == Side::A { Side::B } else { Side::A };
            let is_verb = |t: &DiffToken| {
                self.loaded_in(side, Some(t.span))
                    .contains(&words::CLAIM_ENTRY)
            };
            words::attributions_at(toks, is_verb)
                .into_iter()
                .filter_map(|(lemma, r)| {
                    Some((span_of(&toks[r])?, self.frames_speech(lemma, there)))
                })
                .collect()
        };
        let (va, vb) = (verbs(Side::A, c.a), verbs(Side::B, c.b));
        if !va.iter().chain(&vb).any(|&(_, frames)| frames) {
            return vec![c];
        }
        let hull = |v: &[(Span, bool)]| -> Option<Span> {
            Some(Span::new(v.first()?.0.start, v.last()?.0.end))
        };
        if !va.is_empty() && !vb.is_empty() {
            return vec![Change {
                a: hull(&va),
                b: hull(&vb),
                label: ContrastLabel::Attribution,
            }];
        }
        let framing = |v: Vec<(Span, bool)>| v.into_iter().filter(|v| v.1).map(|(s, _)| s);
        one_sided(framing(va), framing(vb), ContrastLabel::Attribution)
    }

    /// A scare-quote change as the scare quotes (with their marks) that its stretch holds on
    /// the side that uses them, one change each.
    fn narrow_scare_quote(&self, c: Change) -> Vec<Change> {
        let quotes = |index: &SpanIndex<Span>, span: Option<Span>| -> Vec<Span> {
            let Some(span) = span else {
                return Vec::new();
            };
            index
                .near(span)
                .filter(|(_, inner)| inner.overlaps(&span))
                .map(|&(outer, _)| outer)
                .collect()
        };
        one_sided(
            quotes(&self.scare.a, c.a).into_iter(),
            quotes(&self.scare.b, c.b).into_iter(),
            ContrastLabel::ScareQuote,
        )
    }

    /// A loaded change as its loaded words alone, one change per hit whose entry the other
    /// side's sentences do not use: see [`Context::narrow`].
    fn narrow_loaded(&self, c: Change) -> Vec<Change> {
        let (terms_a, terms_b) = (&self.entries.a, &self.entries.b);
        let hits = |side: Side, span: Option<Span>, other: &[&str]| -> Vec<Span> {
            let Some(span) = span else {
                return Vec::new();
            };
            self.loaded
                .get(side)
                .near(span)
                .filter(|(s, term)| s.overlaps(&span) && !other.contains(term))
                .map(|(s, _)| Span::new(s.start.max(span.start), s.end.min(span.end)))
                .collect()
        };
        one_sided(
            hits(Side::A, c.a, terms_b).into_iter(),
            hits(Side::B, c.b, terms_a).into_iter(),
            ContrastLabel::Loaded,
        )
    }

    fn naming(&self, st: &Stretch, wa: std::ops::Range<usize>, wb: std::ops::Range<usize>) -> bool {
        let words = |t: &[DiffToken]| t.iter().filter(|t| t.word).count();
        let (xa, xb) = (&self.ta[wa.clone()], &self.tb[wb.clone()]);
        let (ca, cb) = (words(xa), words(xb));
        if ca == 0 || cb == 0 || ca > NAMING_MAX_WORDS || cb > NAMING_MAX_WORDS {
            return false;
        }
        // A stretch with a verb or a pronoun in it is part of a clause ("was challenged by
        // Ohio" / "defeated her lone challenger"), not another name for someone; one with a
        // comma, a semicolon, a colon or a dash inside runs over a list or a clause boundary
        // ("Justice Department, Mr. Hunter" / "Hunters on charges").
        if xa.iter().chain(xb).any(|t| clause_word(t) || separator(t)) {
            return false;
        }
        // Two names for one thing stand in the same place of a shared phrase: the versions
        // share a content word right before or right after the stretch. Without one, the
        // stretch is where two differently worded sentences happen to differ ("Of Obama" /
        // "Back on NBC").
        let shared = |r: &std::ops::Range<usize>| self.ta[r.clone()].iter().any(content_word);
        let (before, after) = (shared(&st.shared_before), shared(&st.shared_after));
        if !before && !after {
            return false;
        }
        let name = |t: &DiffToken| self.name_like(t);
        // A stretch whose only names are single letters holds an initial, not a name: a
        // middle initial one side leaves out ("Paul D. Ryan" / "Paul Ryan (R-Wis.)") or a
        // party letter ("(R-Ohio)" / "the leader of the Republican-controlled chamber").
        let initials_only = |x: &[DiffToken]| {
            let mut names = x.iter().filter(|t| name(t)).peekable();
            names.peek().is_some()
                && names.all(|t| t.norm.chars().filter(|c| c.is_alphabetic()).count() <= 1)
        };
        if initials_only(xa) || initials_only(xb) {
            return false;
        }
        if xa.iter().any(name) && xb.iter().any(name) {
            // A name's own function words are its articles and "of" ("the United States",
            // "Secretary of State"); any other ("Dreamers to keep their", "Manhattan on
            // Wednesday") makes the stretch more than a name.
            let foreign = |t: &DiffToken| {
                t.word
                    && crate::text::vocab::is_function_word(&t.norm)
                    && !crate::text::vocab::is_determiner(&t.norm)
                    && t.norm != "of"
            };
            if xa.iter().chain(xb).any(foreign) {
                return false;
            }
            // One name in two grammatical forms ("Israel's tight" / "the Israeli") is no
            // renaming: what differs is the words around it.
            if same_names(xa, xb, &name) {
                return false;
            }
            // The stretch qualifies a shared noun after it ("the Senate minority leader" /
            // "the Democratic leader"): one holder of one role, however each article writes it.
            let head = self.ta[st.shared_after.clone()]
                .iter()
                .find(|t| t.word)
                .is_some_and(|t| content_word(t) && !t.capitalized && !past_form(t));
            return !self.two_referents(xa, xb, head);
        }
        // The same name-like word right before the stretch on both sides: it qualifies the
        // changed words ("Syrian army" / "Syrian regime forces"). One right after is more
        // often the object of a changed verb ("attack ISIS" / "bomb an ISIS convoy"), and a
        // stretch holding a preposition or an article is more than the name's noun ("Ryan in"
        // / "Ryan (D-Ohio), by", "farm" / "farms during the Great Depression"), one holding a
        // past form is what the name did ("Ortiz seemed" / "Ortiz turned"), and one the
        // versions do not continue alike with a content word is not the same noun phrase
        // ("Catholic school" / "Catholic faith.").
        let function_word = |t: &DiffToken| t.word && crate::text::vocab::is_function_word(&t.norm);
        if !after
            || xa
                .iter()
                .chain(xb)
                .any(|t| function_word(t) || past_form(t))
        {
            return false;
        }
        let before = |t: &[DiffToken], r: &std::ops::Range<usize>| {
            t[..r.start].iter().rev().find(|t| t.word).cloned()
        };
        let shared = |x: Option<DiffToken>, y: Option<DiffToken>| match (x, y) {
            (Some(x), Some(y)) => x.norm == y.norm && name(&x) && name(&y),
            _ => false,
        };
        shared(before(self.ta, &wa), before(self.tb, &wb))
    }

    /// True when the names of two stretches name two things rather than one: the names of one
    /// stretch are all names the other version's sentence also holds, outside its stretch
    /// ("Susan E." / "U.N." where both sentences name Susan Rice), one name against one other
    /// where one is a name the other article also uses ("Carney" / "Rand" when both articles
    /// name Rand), names each article also writes in the other's stretch ("Trump" / "Senate
    /// Republicans" unveiled it) unless they qualify a shared noun after them (`head`: "the
    /// Senate minority leader" / "the Democratic leader"), or two full names sharing no word
    /// ("David Cicilline" / "Jack Reed"). Names visibly forms of one another ([`one_name`])
    /// are one thing.
    fn two_referents(&self, xa: &[DiffToken], xb: &[DiffToken], head: bool) -> bool {
        if one_name(xa, xb) {
            return false;
        }
        // The names of stretch `x` not in stretch `y` (initials left out: "Susan E.").
        let own_names = |x: &'_ [DiffToken], y: &[DiffToken]| -> Vec<DiffToken> {
            x.iter()
                .filter(|t| {
                    self.name_like(t)
                        && t.norm.chars().count() > 1
                        && !y.iter().any(|u| u.norm == t.norm)
                })
                .cloned()
                .collect()
        };
        // Each of those also a name in `other`, the other version's sentence, outside `y`.
        let elsewhere = |x: &[DiffToken], y: &[DiffToken], other: &[DiffToken]| {
            let names = own_names(x, y);
            !names.is_empty()
                && names.iter().all(|t| {
                    other
                        .iter()
                        .filter(|u| !y.iter().any(|v| v.span == u.span))
                        .any(|u| u.norm == t.norm && self.name_like(u))
                })
        };
        if elsewhere(xa, xb, self.tb) || elsewhere(xb, xa, self.ta) {
            return true;
        }
        // Each outlet also writes the other's names, as names: both know both ("Trump" /
        // "Senate Republicans" unveiled the proposal), so each chose whom to name, not how —
        // unless the names qualify a shared noun (`head`): then they describe one holder.
        let casing = self.casing.get();
        let known_there = |x: &[DiffToken], y: &[DiffToken], there: Side| {
            let names = own_names(x, y);
            !names.is_empty() && names.iter().all(|t| casing.names(there, &t.norm))
        };
        if !head && known_there(xa, xb, Side::B) && known_there(xb, xa, Side::A) {
            return true;
        }
        // Two full names, each two or more name-like words the articles never write in lower
        // case and nothing else, sharing none: two people or bodies ("David Cicilline" / "Jack
        // Reed"). Titles are written in lower case too ("House Minority Leader" / "minority
        // leader") and stay one person's two designations.
        let full_name = |x: &[DiffToken]| {
            let casing = self.casing.get();
            x.iter().filter(|t| t.word).count() >= 2
                && x.iter().filter(|t| t.word).all(|t| {
                    let [_, low_a, _, low_b] = casing.of(&t.norm);
                    self.name_like(t) && low_a + low_b == 0
                })
        };
        if full_name(xa) && full_name(xb) && !xa.iter().any(|t| xb.iter().any(|u| u.norm == t.norm))
        {
            return true;
        }
        let content = |x: &[DiffToken]| -> Vec<DiffToken> {
            x.iter().filter(|t| content_word(t)).cloned().collect()
        };
        if let ([p], [q]) = (content(xa).as_slice(), content(xb).as_slice()) {
            let casing = self.casing.get();
            return casing.names(Side::B, &p.norm) || casing.names(Side::A, &q.norm);
        }
        false
    }

    /// A word that names someone or something: see the module documentation.
    fn name_like(&self, t: &DiffToken) -> bool {
        if !t.word || t.numeric || crate::text::furniture::is_month_or_day(&t.norm) {
            return false;
        }
        if t.inner_capital {
            return true;
        }
        if !t.capitalized {
            return false;
        }
        if !t.initial {
            return true;
        }
        // Capitalised where every word is: how the articles write it elsewhere tells.
        let [cap_a, low_a, cap_b, low_b] = self.casing.get().of(&t.norm);
        if cap_a + low_a + cap_b + low_b > 0 {
            return cap_a + cap_b > low_a + low_b;
        }
        use crate::text::vocab::zipf;
        zipf(&t.norm).is_none_or(|z| z < 5.0 && !inflected(&t.norm))
    }
}

/// True when the words `toks[r]` are a party-and-state tag's party letter ("R" in "R-Ky.",
/// with the state's letters when they changed too: "R-S.C.") and `other` says the same in
/// words ("Republican of", "Republican of South Carolina", "Democrat from"): one
/// affiliation in two house styles, not two ways of naming someone.
fn party_tag(toks: &[DiffToken], r: std::ops::Range<usize>, other: &[DiffToken]) -> bool {
    let words: Vec<&DiffToken> = toks[r.clone()].iter().filter(|t| t.word).collect();
    let Some((letter, state)) = words.split_first() else {
        return false;
    };
    let hyphen_after = toks
        .get(r.start + 1)
        .is_some_and(|t| !t.word && t.norm == "-" && t.span.start == letter.span.end);
    if !letter.capitalized || letter.span.len() != 1 || !hyphen_after {
        return false;
    }
    let parties: &[&str] = match letter.norm.as_str() {
        "r" => &["republican"],
        "d" => &["democrat", "democratic"],
        "i" => &["independent"],
        _ => return false,
    };
    let mut said = other.iter().filter(|t| t.word);
    if !said
        .next()
        .is_some_and(|t| parties.contains(&t.norm.as_str()))
    {
        return false;
    }
    let rest: Vec<&DiffToken> = said.collect();
    let rest = match rest.split_first() {
        Some((w, more)) if matches!(w.norm.as_str(), "of" | "from") => more,
        _ => &rest[..],
    };
    // The state, when it is part of the change: its letters are the initials of its name.
    let letters: String = state.iter().map(|t| t.norm.as_str()).collect();
    let initials: String = rest.iter().filter_map(|t| t.norm.chars().next()).collect();
    letters == initials
}

/// Narrow a token range to its first and last word.
fn trim_to_words(toks: &[DiffToken], r: std::ops::Range<usize>) -> std::ops::Range<usize> {
    let slice = &toks[r.clone()];
    match (
        slice.iter().position(|t| t.word),
        slice.iter().rposition(|t| t.word),
    ) {
        (Some(s), Some(e)) => r.start + s..r.start + e + 1,
        _ => r.start..r.start,
    }
}

/// A word written in lower case (or capitalised as the sentence's first) that makes its
/// stretch part of a clause: an auxiliary or modal verb, a pronoun (also contracted:
/// "they're", "He'll"), or a form of a verb of saying.
fn clause_word(t: &DiffToken) -> bool {
    let before_apostrophe = t.norm.split('\'').next().unwrap_or_default();
    t.word
        && (!t.capitalized || t.initial)
        && (crate::text::vocab::is_auxiliary(&t.norm)
            || crate::text::vocab::is_pronoun(before_apostrophe)
            || crate::text::vocab::markers::is_reporting_form(&t.norm))
}

/// A punctuation mark that separates list items or clauses: comma, semicolon, colon, dash.
fn separator(t: &DiffToken) -> bool {
    !t.word && matches!(t.norm.as_str(), "," | ";" | ":" | "—")
}

/// A word that is not a function word.
fn content_word(t: &DiffToken) -> bool {
    t.word && !crate::text::vocab::is_function_word(&t.norm)
}

/// True when the lower-case `norm` is the plural or the -ing form of a word the frequency table
/// lists ("supporters", "listening"): a common word, not a name.
fn inflected(norm: &str) -> bool {
    let listed = |w: &str| crate::text::vocab::zipf(w).is_some();
    let plural = norm.strip_suffix('s').is_some_and(listed);
    let gerund = norm
        .strip_suffix("ing")
        .is_some_and(|base| listed(base) || listed(&format!("{base}e")));
    plural || gerund
}

/// A lower-case past form of a verb the frequency table lists ("seemed", "determined",
/// "planned"): the word minus "d", minus "ed" or minus a doubled consonant and "ed" is listed.
fn past_form(t: &DiffToken) -> bool {
    if !t.word || t.capitalized {
        return false;
    }
    let w = t.norm.rsplit('-').next().unwrap_or_default();
    let Some(stem) = w.strip_suffix("ed") else {
        return false;
    };
    let listed = |w: &str| crate::text::vocab::zipf(w).is_some();
    let undoubled = {
        let mut c = stem.chars().rev();
        match (c.next(), c.next()) {
            (Some(x), Some(y)) if x == y => Some(&stem[..stem.len() - x.len_utf8()]),
            _ => None,
        }
    };
    w.chars().count() > 4
        && (listed(stem) || listed(&w[..w.len() - 1]) || undoubled.is_some_and(listed))
}

/// True when the word starting at byte `start` of `text` opens a quotation: a double quote
/// mark right before it, itself at the start or after a space, a bracket or a dash.
fn opens_quotation(text: &str, start: usize) -> bool {
    let mut before = text[..start].chars().rev();
    if before.next().is_none_or(|c| fold_mark(c) != '"') {
        return false;
    }
    before
        .next()
        .is_none_or(|c| c.is_whitespace() || matches!(fold_mark(c), '(' | '[' | '—' | '-' | ':'))
}

/// True when `short` is one abbreviation (capitals after its first letter: "U.S.", "RNC",
/// "DHS") whose letters are the first letters of the capitalised words of `long`, which holds
/// only those and the small words of a name ("Department of Homeland Security").
fn initials_of(short: &[DiffToken], long: &[DiffToken]) -> bool {
    let s: Vec<&DiffToken> = short.iter().filter(|t| t.word).collect();
    let [only] = s[..] else {
        return false;
    };
    let letters = letters_of(only);
    let names: Vec<&DiffToken> = long
        .iter()
        .filter(|t| t.word && !matches!(t.norm.as_str(), "of" | "the" | "and" | "for"))
        .collect();
    only.inner_capital
        && letters.len() >= 2
        && names.iter().all(|t| t.capitalized && !t.numeric)
        && first_letters(&names) == letters
}

/// The letters of an abbreviation, in capitals ("U.S." → "US").
fn letters_of(t: &DiffToken) -> String {
    t.norm
        .chars()
        .filter(char::is_ascii_alphabetic)
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

/// The first letters of words, in capitals ("Republican National Committee" → "RNC").
fn first_letters(words: &[&DiffToken]) -> String {
    words
        .iter()
        .filter_map(|t| t.norm.chars().next())
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

/// True when two stretches' names are visibly forms of one name: one is the initials of the
/// other's capitalised words ("RNC" / "Republican National Committee", "U.S." / "United
/// States"), or a word of one is a spelling or a form of a word of the
/// other ("Moammar" / "Muammar", "Democrats" / "Democratic Party", "Sandi" / "Sandra").
fn one_name(xa: &[DiffToken], xb: &[DiffToken]) -> bool {
    fn capitals(x: &[DiffToken]) -> Vec<&DiffToken> {
        x.iter()
            .filter(|t| t.word && (t.capitalized || t.inner_capital))
            .collect()
    }
    let (ka, kb) = (capitals(xa), capitals(xb));
    let initials = |short: &[&DiffToken], long: &[&DiffToken]| {
        let [only] = short else {
            return false;
        };
        let letters = letters_of(only);
        let firsts = first_letters(long);
        let abbreviation = only.inner_capital || letters.len() == 1;
        abbreviation
            && !letters.is_empty()
            && (letters == firsts || (letters.len() == 1 && firsts.contains(&letters)))
    };
    if initials(&ka, &kb) || initials(&kb, &ka) {
        return true;
    }
    xa.iter().filter(|t| content_word(t)).any(|t| {
        xb.iter()
            .filter(|u| content_word(u))
            .any(|u| same_word_written_otherwise(&t.norm, &u.norm))
    })
}

/// True when two normal forms are one word's spellings or forms: after any prefix up to a
/// hyphen ("al-Qaddafi"), they share a start of four letters or more covering two thirds of
/// the shorter, or are at least five letters long and two edits apart at most.
fn same_word_written_otherwise(x: &str, y: &str) -> bool {
    fn last(w: &str) -> &str {
        w.rsplit('-').next().unwrap_or_default()
    }
    let (x, y) = (last(x), last(y));
    if x == y {
        return false;
    }
    let (nx, ny) = (x.chars().count(), y.chars().count());
    let shorter = nx.min(ny);
    let prefix = x.chars().zip(y.chars()).take_while(|(p, q)| p == q).count();
    if prefix >= 4 && 3 * prefix >= 2 * shorter {
        return true;
    }
    shorter >= 5 && nx.abs_diff(ny) <= 2 && strsim::levenshtein(x, y) <= 2
}

/// The scare quote among `quotes` (a side's scare quotes) that `span` touches: with `marks`,
/// `span` overlaps the quote marks (outer but not inner span); without, `span` overlaps the
/// quoted words. Returns the scare quote's outer span.
fn scare_quote_at(quotes: &SpanIndex<Span>, span: Span, marks: bool) -> Option<Span> {
    quotes
        .near(span)
        .find(|(outer, inner)| {
            if marks {
                outer.overlaps(&span) && !inner.contains(&span)
            } else {
                inner.overlaps(&span)
            }
        })
        .map(|&(outer, _)| outer)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spellings_and_forms_of_one_word_are_one_word() {
        for (x, y) in [
            ("moammar", "muammar"),
            ("al-qaddafi", "qadhafi"),
            ("democrats", "democratic"),
            ("sandi", "sandra"),
        ] {
            assert!(same_word_written_otherwise(x, y), "{x} / {y}");
        }
        for (x, y) in [("halloran", "vesey"), ("iran", "iraq"), ("ryan", "ryan")] {
            assert!(!same_word_written_otherwise(x, y), "{x} / {y}");
        }
    }
}
