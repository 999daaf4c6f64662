//! Weighted stem vectors of sentences, and the word weights behind them.
//!
//! A word's weight says how much sharing it tells about two sentences reporting the same thing.
//! It multiplies three signals:
//!
//! - *local IDF* over the analysed sentences of both articles, `ln(1 + N / df)`: words found in
//!   many sentences of this pair count little, in any language;
//! - *background informativeness* from the bundled English frequency table
//!   ([`crate::text::vocab::wordfreq`]; a stem takes the highest frequency of its forms in the two
//!   texts): function words count almost nothing, words the table does not list (names,
//!   numbers, foreign words) count most;
//! - *library IDF* from [`DocFreq`] when a library is loaded: words common across the library's
//!   articles count less.
//!
//! Names — stems written capitalised away from the sentence start more often than not — are
//! boosted (×1.3); numbers are not in the background table, so they already count as rare. A
//! shared rare name or figure is strong evidence, while figures that differ (rounded, updated)
//! do not swamp the rest of a paraphrase.
//!
//! Words are matched by stem: the text's own (English Snowball) stem, or the German Snowball
//! stem when both articles read as German (a tenth of their words are common German function
//! words): "Kinder" and "Kind" are one word there. In German pairs a compound noun that one
//! article alone uses also counts, at [`COMPOUND_SHARE`] of their weight, as the two words of
//! the pair it is made of ("Wasserlebewesen": "Wasser", "Lebewesen"; "Gesundheitsamt":
//! "Gesundheit", "Amt"), or as its last part when only that is a noun of the other article
//! ("Hackfleisch": "Fleisch"); simplified German spells compounds out.
//!
//! A sentence's vector holds `(1 + ln tf) · √weight` per stem, so that in the cosine's dot
//! product a shared stem counts with its weight once (not squared, which would let the single
//! rarest word decide); similarity is the cosine.

use rust_stemmers::{Algorithm, Stemmer};
use rustc_hash::FxHashMap as HashMap;
use std::borrow::Cow;

use super::synonyms;
use crate::compare::stats::{DocFreq, SparseVec};
use crate::text::{Analysis, Token, vocab};

/// The analysed sentences of both articles as weighted vectors over shared stem ids.
#[derive(Debug, Default)]
pub struct Vectors {
    /// One vector per analysed sentence of A, in order.
    pub a: Vec<SparseVec>,
    /// One vector per analysed sentence of B, in order.
    pub b: Vec<SparseVec>,
    /// Number of distinct stems (ids run `0..stems`).
    pub stems: usize,
    /// Per feature id, whether it tells nothing about which fact two sentences report: one of
    /// the story's topic words ([`is_topical`]), a reporting verb ("said", "told") or
    /// "statement", or a synonym feature reached by a topic word.
    pub topical: Vec<bool>,
    /// Per feature id, whether it says who or where rather than what happened: a name (a stem
    /// written capitalised inside sentences more often than not, not a number) or a reporting
    /// verb. Two ledes sharing only such words may tell different events about the same
    /// subject.
    pub naming: Vec<bool>,
}

struct StemStats {
    df: u32,
    /// Highest background frequency among the stem's forms in these texts.
    zipf: Option<f32>,
    name_votes: i32,
    numeric: bool,
    /// A form of the stem is a reporting verb ("said", "told") or "statement".
    reporting: bool,
}

/// The key a token is matched by: its stem, in the language of the pair (the text's own
/// English stem, or the stem of `stemmer` when the pair is in another language). The one place
/// that decides which spellings of a word count as the same word for alignment.
fn match_key<'t>(tok: &'t Token, stemmer: Option<&Stemmer>) -> Cow<'t, str> {
    match stemmer {
        Some(st) if !tok.numeric && !tok.stem.is_empty() => st.stem(&tok.norm),
        _ => Cow::Borrowed(tok.stem.as_str()),
    }
}

/// How much more a name weighs (a stem written capitalised inside sentences more often than
/// not).
pub const NAME_BOOST: f64 = 1.3;

/// How much more a number or date weighs: the same figure in two sentences is strong evidence
/// that they report the same thing.
pub const NUMBER_BOOST: f64 = 2.0;

/// How much of a word's weight its synonyms share (see the module documentation).
pub const SYNONYM_SHARE: f64 = 0.7;

/// How much of a part's own weight a German compound gives it ("Wasserlebewesen" to "Wasser" and
/// "Lebewesen"), as a synonym shares a word's.
pub const COMPOUND_SHARE: f64 = 0.7;

/// Lowest background informativeness of a word whose synonyms count: frequent, vague words
/// ("make", "get") would link too much.
const SYNONYM_MIN_INFORMATIVENESS: f32 = 0.55;

/// Build the vectors of the sentences `sa` of `a` and `sb` of `b` (sentence indices).
pub fn build(
    a: &Analysis,
    sa: &[usize],
    b: &Analysis,
    sb: &[usize],
    corpus: Option<&DocFreq>,
) -> Vectors {
    // English synonyms only link words of English texts ("die" and "also" are German words
    // too); German texts are matched on German stems ("Kinder" and "Kind").
    let english = looks_like(a, sa, &ENGLISH_MARKERS) && looks_like(b, sb, &ENGLISH_MARKERS);
    let german =
        !english && looks_like(a, sa, &GERMAN_MARKERS) && looks_like(b, sb, &GERMAN_MARKERS);
    let stemmer = german.then(|| Stemmer::create(Algorithm::German));
    let mut ids: HashMap<Cow<'_, str>, u32> = HashMap::default();
    let mut names: Vec<Cow<'_, str>> = Vec::new();
    // The first spelling (normal form) met of each stem: what a compound is split at.
    let mut forms: Vec<&str> = Vec::new();
    let mut stats: Vec<StemStats> = Vec::new();
    let mut tf_a = Vec::with_capacity(sa.len());
    let mut tf_b = Vec::with_capacity(sb.len());
    for (an, sents, out) in [(a, sa, &mut tf_a), (b, sb, &mut tf_b)] {
        for &si in sents {
            let Some(sentence) = an.sentences.get(si) else {
                out.push(Vec::new());
                continue;
            };
            let range = an.tokens_in(sentence.span);
            let mut tf: Vec<(u32, u32)> = Vec::new();
            for (k, tok) in an.tokens[range].iter().enumerate() {
                let key = match_key(tok, stemmer.as_ref());
                if key.is_empty() {
                    continue;
                }
                let next = names.len() as u32;
                let id = *ids.entry(key.clone()).or_insert(next);
                if id == next {
                    names.push(key);
                    forms.push(tok.norm.as_str());
                    stats.push(StemStats {
                        df: 0,
                        zipf: None,
                        name_votes: 0,
                        numeric: false,
                        reporting: false,
                    });
                }
                let st = &mut stats[id as usize];
                st.numeric |= tok.numeric;
                // The stem's first spelling met again tells nothing new.
                if id == next || tok.norm != forms[id as usize] {
                    st.reporting |= vocab::is_speech_verb(&tok.norm) || tok.norm == "statement";
                    if let Some(z) = vocab::zipf(&tok.norm) {
                        st.zipf = Some(st.zipf.map_or(z, |old| old.max(z)));
                    }
                }
                if k > 0 {
                    st.name_votes += if tok.capitalized { 1 } else { -1 };
                }
                tf.push((id, 1));
            }
            out.push(tf);
        }
    }
    // German compounds one article alone uses also count as their parts ("Wasserlebewesen"
    // as "Wasser" and "Lebewesen").
    let compound_of: Vec<Vec<u32>> = match stemmer.as_ref() {
        Some(st) => compound_parts(st, &ids, &forms, &stats, &tf_a, &tf_b),
        None => vec![Vec::new(); names.len()],
    };
    // A demonym counts as its place when both occur ("Russian" and "Russia").
    let remap: Vec<u32> = (0..names.len())
        .map(|id| {
            synonyms::demonym_base(&names[id])
                .iter()
                .find_map(|base| ids.get(base.as_str()).copied())
                .filter(|&base| base != id as u32)
                .unwrap_or(id as u32)
        })
        .collect();
    let compound_of: Vec<Vec<u32>> = {
        let mut out = vec![Vec::new(); names.len()];
        for (id, parts) in compound_of.into_iter().enumerate() {
            if !parts.is_empty() {
                out[remap[id] as usize] = parts.iter().map(|&p| remap[p as usize]).collect();
            }
        }
        out
    };
    for tf in tf_a.iter_mut().chain(tf_b.iter_mut()) {
        for t in tf.iter_mut() {
            t.0 = remap[t.0 as usize];
        }
        tf.sort_unstable();
        tf.dedup_by(|next, kept| {
            if next.0 == kept.0 {
                kept.1 += next.1;
                true
            } else {
                false
            }
        });
        for &(id, _) in tf.iter() {
            stats[id as usize].df += 1;
        }
    }
    let reporting: Vec<bool> = stats.iter().map(|st| st.reporting).collect();
    let mut df_a = vec![0u32; names.len()];
    for tf in &tf_a {
        for &(id, _) in tf {
            df_a[id as usize] += 1;
        }
    }
    let topical: Vec<bool> = (0..names.len())
        .map(|id| {
            let da = df_a[id];
            let db = stats[id].df - da;
            reporting[id] || is_topical(da, db, sa.len() + sb.len())
        })
        .collect();
    let n = (sa.len() + sb.len()).max(1) as f64;
    let corpus = corpus.filter(|c| c.docs >= 3);
    let weights: Vec<f64> = names
        .iter()
        .zip(&stats)
        .map(|(stem, st)| {
            let local = (1.0 + n / f64::from(st.df.max(1))).ln();
            let bg = f64::from(vocab::informativeness(st.zipf));
            let lib = corpus.map_or(1.0, |c| {
                let df = c.df.get(stem.as_ref()).copied().unwrap_or(0) as f64;
                let docs = c.docs as f64;
                0.5 + ((docs + 1.0) / (df + 1.0)).ln() / (docs + 1.0).ln()
            });
            let boost = if st.numeric {
                NUMBER_BOOST
            } else if st.name_votes > 0 {
                NAME_BOOST
            } else {
                1.0
            };
            (local * bg * lib * boost).sqrt()
        })
        .collect();
    // Synonym features: ids after the stems', one per synset that a word of these texts
    // reaches.
    let mut syn_ids: HashMap<u32, u32> = HashMap::default();
    let syn_of: Vec<Vec<u32>> = names
        .iter()
        .zip(&stats)
        .map(|(stem, st)| {
            let common = vocab::informativeness(st.zipf) <= 1.0;
            let content = vocab::informativeness(st.zipf) >= SYNONYM_MIN_INFORMATIVENESS;
            if !english || st.numeric || st.name_votes > 0 || !common || !content {
                return Vec::new();
            }
            synonyms::synsets(stem)
                .iter()
                .map(|s| {
                    let next = (names.len() + syn_ids.len()) as u32;
                    *syn_ids.entry(*s).or_insert(next)
                })
                .collect()
        })
        .collect();
    let to_vec = |tf: Vec<(u32, u32)>| {
        let mut terms: Vec<(u32, f64)> = Vec::with_capacity(tf.len() * 2);
        let mut mass = 0.0;
        for (id, c) in tf {
            let v = (1.0 + f64::from(c).ln()) * weights[id as usize];
            mass += v;
            terms.push((id, v));
            // A compound's parts, each at a share of its own weight (the sentence's content
            // unchanged): "Wasserlebewesen" meets "Lebewesen im Wasser".
            for &p in &compound_of[id as usize] {
                let share = COMPOUND_SHARE * (1.0 + f64::from(c).ln()) * weights[p as usize];
                terms.push((p, share));
            }
            let syn = &syn_of[id as usize];
            if !syn.is_empty() {
                let share = SYNONYM_SHARE * v / (syn.len() as f64).sqrt();
                terms.extend(syn.iter().map(|&s| (s, share)));
            }
        }
        terms.sort_unstable_by(|x, y| x.0.cmp(&y.0).then(y.1.total_cmp(&x.1)));
        terms.dedup_by_key(|t| t.0);
        let mut v = SparseVec::from_terms(terms);
        // A sentence's content is its words', synonyms adding none.
        v.mass = mass;
        v
    };
    let (a, b) = rayon::join(
        || tf_a.into_iter().map(to_vec).collect(),
        || tf_b.into_iter().map(to_vec).collect(),
    );
    Vectors {
        a,
        b,
        stems: names.len() + syn_ids.len(),
        naming: {
            let mut all: Vec<bool> = stats
                .iter()
                .map(|st| st.reporting || (st.name_votes > 0 && !st.numeric))
                .collect();
            all.resize(names.len() + syn_ids.len(), false);
            all
        },
        topical: {
            // A synonym feature is topical when a topical word reaches it.
            let mut all = topical.clone();
            all.resize(names.len() + syn_ids.len(), false);
            for (id, syn) in syn_of.iter().enumerate() {
                if topical[id] {
                    syn.iter().for_each(|&s| all[s as usize] = true);
                }
            }
            all
        },
    }
}

/// German linking elements between the parts of a compound ("Gesundheit-s-amt",
/// "Kirche-n-gebäude"), longest first.
const LINKING: [&str; 5] = ["es", "en", "s", "n", "e"];

/// Fewest letters of a compound's part ("Amt" in "Gesundheitsamt").
const MIN_PART: usize = 3;

/// Fewest letters of a compound's last part when it is matched alone ("Fleisch" in
/// "Hackfleisch").
const MIN_HEAD_NOUN: usize = 4;

/// The parts each stem counts as (indexed by stem id; empty for most): the German compounds of
/// one article split into nouns and words the other article uses.
///
/// A stem found in only one article, written as a noun (capitalised inside sentences more often
/// than not), is split where both halves are stems of the pair — the first half possibly
/// followed by a linking element ([`LINKING`]), the second a noun — and at least one half is
/// found in the other article: "Wasserlebewesen" is "Wasser" + "Lebewesen" when the other
/// article writes "Lebewesen im Wasser", "Gesundheitsamt" is "Gesundheit" + "Amt". Otherwise
/// its longest last part that is a noun of the other article counts (the compound's head
/// noun: "Hackfleisch" is a kind of "Fleisch"). Each split point costs a stem and a hash
/// look-up per part, for the few long words one article alone uses.
fn compound_parts(
    st: &Stemmer,
    ids: &HashMap<Cow<'_, str>, u32>,
    forms: &[&str],
    stats: &[StemStats],
    tf_a: &[Vec<(u32, u32)>],
    tf_b: &[Vec<(u32, u32)>],
) -> Vec<Vec<u32>> {
    let n = forms.len();
    let mut in_a = vec![false; n];
    let mut in_b = vec![false; n];
    for (tfs, seen) in [(tf_a, &mut in_a), (tf_b, &mut in_b)] {
        for &(id, _) in tfs.iter().flatten() {
            seen[id as usize] = true;
        }
    }
    let noun = |id: u32| stats[id as usize].name_votes > 0 && !stats[id as usize].numeric;
    let lookup = |part: &str| -> Option<u32> {
        part.chars()
            .all(char::is_alphabetic)
            .then(|| ids.get(st.stem(part).as_ref()).copied())
            .flatten()
    };
    (0..n)
        .map(|id| {
            if in_a[id] == in_b[id] || !noun(id as u32) {
                return Vec::new();
            }
            let other = if in_a[id] { &in_b } else { &in_a };
            let form = forms[id];
            let bounds: Vec<usize> = form.char_indices().map(|(k, _)| k).collect();
            if bounds.len() < 2 * MIN_PART {
                return Vec::new();
            }
            let own = |p: u32| p as usize == id;
            // Two parts, as many of them found in the other article as possible (the longest
            // last part first among equals).
            let mut best: Option<(usize, u32, u32)> = None;
            for &cut in &bounds[MIN_PART..=bounds.len() - MIN_PART] {
                let (head, tail) = form.split_at(cut);
                let Some(t) = lookup(tail).filter(|&t| noun(t) && !own(t)) else {
                    continue;
                };
                let heads = std::iter::once(head).chain(
                    LINKING
                        .iter()
                        .filter_map(|l| head.strip_suffix(l))
                        .filter(|h| h.chars().count() >= MIN_PART),
                );
                for h in heads.filter_map(lookup).filter(|&h| !own(h)) {
                    let shared = usize::from(other[h as usize]) + usize::from(other[t as usize]);
                    if shared > 0 && best.is_none_or(|(s, _, _)| shared > s) {
                        best = Some((shared, h, t));
                    }
                }
            }
            if let Some((_, h, t)) = best {
                return vec![h, t];
            }
            // The head noun alone: the longest last part the other article uses as a noun.
            if bounds.len() < MIN_PART + MIN_HEAD_NOUN {
                return Vec::new();
            }
            bounds[MIN_PART..=bounds.len() - MIN_HEAD_NOUN]
                .iter()
                .find_map(|&cut| {
                    lookup(&form[cut..]).filter(|&t| noun(t) && !own(t) && other[t as usize])
                })
                .into_iter()
                .collect()
        })
        .collect()
}

/// Share of all analysed sentences of the pair above which a word found in both articles is
/// one of the story's topic words even when one article uses it only once.
pub const TOPICAL_SHARE: f64 = 0.2;

/// Whether a stem found in `da` sentences of A and `db` of B (`n` analysed sentences in all) is
/// one of the story's topic words: it recurs in both articles (at least two sentences of each),
/// or is found in both and in [`TOPICAL_SHARE`] of all their sentences (and at least four). Two sentences sharing
/// only topic words share the story's subject ("Russia's Defense Ministry", "Syria"), not a
/// fact.
pub fn is_topical(da: u32, db: u32, n: usize) -> bool {
    let spread = f64::from(da + db) >= (TOPICAL_SHARE * n as f64).max(4.0);
    da >= 1 && db >= 1 && ((da >= 2 && db >= 2) || spread)
}
/// English function words that make up a large share of any English text.
const ENGLISH_MARKERS: [&str; 10] = [
    "the", "of", "and", "to", "a", "in", "is", "that", "for", "was",
];

/// German function words that make up a large share of any German text.
const GERMAN_MARKERS: [&str; 10] = [
    "der", "die", "und", "das", "zu", "den", "von", "ist", "nicht", "mit",
];

/// True when at least 10% of the words of the sentences `si` of `an` are among `markers`
/// (common function words of one language).
fn looks_like(an: &Analysis, si: &[usize], markers: &[&str]) -> bool {
    let (mut all, mut marked) = (0usize, 0usize);
    for &i in si {
        let Some(s) = an.sentences.get(i) else {
            continue;
        };
        for t in &an.tokens[an.tokens_in(s.span)] {
            all += 1;
            marked += usize::from(markers.contains(&t.norm.as_str()));
        }
    }
    marked * 10 >= all && all > 0
}
