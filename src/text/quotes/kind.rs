//! Whose words a quotation is: its kind (someone's speech, the writer's scare quote, a title, a
//! term) and its speaker, with pronouns resolved.
//!
//! [`classify`] runs once over the quotations of a text, in text order:
//!
//! - a quotation after a `term` cue (`the term “…”`, `nicknamed “…”`, `what is called “…”`) is
//!   a term, after a `scare` cue (`the so-called “…”`) a scare quote, after a `titled` cue
//!   (`an article titled “…”`) a title;
//! - a title-case quotation after a `title` cue (`on “Face the Nation”`, `the videogame “…”`)
//!   or before a `title_after` cue (`“…” show`, `the “…” Act`) is a title;
//! - everything else of four words or more is speech; a shorter quotation is speech when an
//!   attribution names its speaker, when its words are part of a longer quotation of the text,
//!   when a colon presents it (`the disclaimer: “…”`), when it is a whole sentence (“God help
//!   us.”), or when its sentence has an attribution, quoting or reporting word (`Trump called
//!   it “very unfair”`, `saying she feels “exhilarated”`, `charges … of a “cover-up”`);
//! - a capitalised name nobody is said to use (“Tent City,”) is a term; only what is left is a
//!   scare quote: the writer's distancing, with nobody being quoted;
//! - two quotations joined by one word (`change “…” to “…”`) are of one kind;
//! - a speech quotation's speaker is the one its attribution names, a role noun (`the
//!   statement said`) resolved to the name the role was given earlier ([`super::subject`]); a
//!   pronoun (`he said`) is resolved to the last named speaker of the same or the previous
//!   paragraph (for `he`/`she`, the last one named by a name rather than `the …`); a quotation
//!   with no attribution inside a sentence with a subject of its own is that subject's
//!   (`Mr. Rhodes changed a reference to “diplomatic post.”`), and one that stands alone
//!   continues the last speaker of its paragraph or the one before.
//!
//! The cue words are read from `assets/english/quotation_cues.txt`.

use rustc_hash::{FxHashMap, FxHashSet};
use serde::{Deserialize, Serialize};

use super::speaker::{Src, Who, find_attribution, sentence_start};
use super::subject::{last_sentence_subject, names_someone, opening_subject, resolve_role};
use super::{QUOTATION_MIN_WORDS, Quote, Span};
use crate::text::tokens::normalize;
use crate::text::vocab::markers::is_reporting_form;
use crate::text::vocab::{Cue, has_cue, is_speech_verb};

/// What a quotation is, in the sense of whose words it holds.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuotationKind {
    /// Someone's words, quoted in full or in part.
    #[default]
    Speech,
    /// The writer's own distancing, irony or doubt ("the so-called ‘moderate rebels’").
    Scare,
    /// The name of a show, book, law, operation or motto ("Face the Nation").
    Title,
    /// A word mentioned as a word, or a nickname ("the term ‘alt-right’").
    Term,
}

impl QuotationKind {
    /// The kind as written in the contract: `speech`, `scare`, `title`, `term`.
    pub fn name(self) -> &'static str {
        match self {
            QuotationKind::Speech => "speech",
            QuotationKind::Scare => "scare",
            QuotationKind::Title => "title",
            QuotationKind::Term => "term",
        }
    }
}

/// How far back a name opening a sentence is looked for, in bytes: a paragraph or two of
/// news prose. The bound keeps every quotation's look-up short however long its paragraph.
const SUBJECT_LOOKBACK: usize = 1500;

/// A named speaker seen so far, with the paragraph it was named in.
struct Seen {
    span: Span,
    paragraph: usize,
    /// Named by a name (`Trump`) rather than a description (`the ministry`).
    person: bool,
}

/// Set the kind, attribution and speaker of every quote (`quotes` in text order, enclosing
/// quotes first).
pub(super) fn classify(
    text: &Src<'_>,
    quotes: &mut [Quote],
    spans: &[(usize, Span)],
    headline: &[bool],
) {
    let mut norms = Normals::default();
    // The short quotations (three words at most) that repeat a run of up to three words of a
    // longer quotation: they are someone's speech. Only the short quotations' words are kept,
    // so every run of the longer ones is one look-up in a small set.
    let mut short: FxHashSet<String> = quotes
        .iter()
        .filter(|q| q.words < QUOTATION_MIN_WORDS)
        .map(|q| norms.joined(text.words_between(q.inner.start, q.inner.end)))
        .collect();
    // A run is a short quotation's words only if its first word opens them (up to a space or
    // the end): other runs are not built.
    let openings: FxHashSet<String> = short
        .iter()
        .flat_map(|e| {
            e.match_indices(' ')
                .map(|(k, _)| e[..k].to_string())
                .chain([e.clone()])
        })
        .collect();
    let mut long: FxHashSet<String> = FxHashSet::default();
    let mut run = String::new();
    let mut words = Vec::new();
    for q in quotes.iter().filter(|q| q.words >= QUOTATION_MIN_WORDS) {
        if short.is_empty() {
            break;
        }
        norms.ids(text.words_between(q.inner.start, q.inner.end), &mut words);
        for n in 1..QUOTATION_MIN_WORDS {
            for w in words.windows(n) {
                if !openings.contains(norms.word(w[0])) {
                    continue;
                }
                run.clear();
                for (i, &word) in w.iter().enumerate() {
                    if i > 0 {
                        run.push(' ');
                    }
                    run.push_str(norms.word(word));
                }
                if let Some(found) = short.take(run.as_str()) {
                    long.insert(found);
                }
            }
        }
    }
    // The quoted stretches (outermost quotations), in text order.
    let quoted: Vec<Span> = quotes
        .iter()
        .filter(|q| !q.nested)
        .map(|q| q.inner)
        .collect();
    let mut seen: Vec<Seen> = Vec::new();
    for q in quotes.iter_mut() {
        let att = find_attribution(text, q, spans);
        let kind = kind_of(text, q, att.is_some(), &long, &mut norms);
        let nested = q.nested;
        let paragraph = q.paragraph;
        let start = q.outer.start;
        let recent = |person: bool, upto: usize, seen: &[Seen]| {
            let named = seen
                .iter()
                .rev()
                .take_while(|s| s.paragraph + 1 >= paragraph)
                .take(32)
                .find(|s| s.person || !person)
                .map(|s| s.span);
            // A name opening a sentence since then (`Ms. Nuland sent …`) is more recent.
            // The paragraph before this one (`spans` are in paragraph order), unless it is the
            // headline: then this paragraph's own sentences.
            let k = spans.partition_point(|&(p, _)| p < paragraph);
            let para_from = match k.checked_sub(1) {
                Some(j) if !headline.get(j).copied().unwrap_or(false) => spans[j].1.start,
                Some(_) => spans.get(k).map_or(0, |&(_, s)| s.start),
                None => 0,
            };
            let from = para_from
                .max(named.map_or(0, |s| s.end))
                .max(start.saturating_sub(SUBJECT_LOOKBACK));
            let mut from = from.min(upto);
            while !text.is_char_boundary(from) {
                from += 1;
            }
            // From just after a name seen mid-sentence (`Mr. Huckabee was quoted as saying,
            // “Climate change …”`), the rest of its sentence opens no sentence.
            last_sentence_subject(text, from, upto, from != para_from, &quoted).or(named)
        };
        let speaker = if kind != QuotationKind::Speech {
            None
        } else {
            match att.map(|a| a.who) {
                Some(Who::Named(s)) => Some(resolve_role(text, s, spans, paragraph).unwrap_or(s)),
                Some(Who::Pronoun(p)) => {
                    let personal = matches!(
                        p.slice(text).to_ascii_lowercase().as_str(),
                        "he" | "she" | "him" | "her"
                    );
                    // "Republicans who back such changes, he said, “…”": a pronoun set off by
                    // commas inside its sentence refers back past the sentence, not to its
                    // opening subject (what the quotation is about).
                    let upto = if p.end <= start && text[..p.start].trim_end().ends_with(',') {
                        start_of_sentence(text, p.start, spans, paragraph)
                    } else {
                        start
                    };
                    recent(personal, upto, &seen)
                }
                // A quotation inside a sentence with a subject of its own (`Mr. Rhodes
                // changed a reference to “diplomatic post.”`) is that subject's.
                // Its own sentence's subject was weighed there: the name a later
                // quotation could continue is looked for before that sentence.
                None if !nested => own_subject(text, start, spans, paragraph).or_else(|| {
                    recent(
                        false,
                        start_of_sentence(text, start, spans, paragraph),
                        &seen,
                    )
                }),
                None => None,
            }
        };
        // A resolved speaker is the one the next "she said" refers to.
        if let Some(s) = speaker
            && !nested
            && seen
                .last()
                .is_none_or(|l| l.span != s || l.paragraph != paragraph)
        {
            let person = s.slice(text).starts_with(char::is_uppercase);
            seen.push(Seen {
                span: s,
                paragraph,
                person,
            });
        }
        q.class = kind;
        q.attribution = if kind == QuotationKind::Speech {
            att.map(|a| a.span)
        } else {
            None
        };
        q.speaker = speaker;
    }
    parallel_quotations(text, quotes);
}

/// `change “…” to “…”`, `“notified”, not “warned”`, `“A” and “B”`: two quotations joined by one
/// word in one construction are of one kind, so a short one classified a scare quote only for
/// lack of context takes the kind (and speaker) of its partner.
fn parallel_quotations(text: &str, quotes: &mut [Quote]) {
    let outer: Vec<usize> = (0..quotes.len()).filter(|&i| !quotes[i].nested).collect();
    for w in outer.windows(2) {
        let (i, j) = (w[0], w[1]);
        if quotes[i].paragraph != quotes[j].paragraph || quotes[i].outer.end > quotes[j].outer.start
        {
            continue;
        }
        let between = text[quotes[i].outer.end..quotes[j].outer.start]
            .trim_matches(|c: char| c.is_whitespace() || c == ',')
            .to_ascii_lowercase();
        if !matches!(
            between.as_str(),
            "to" | "and" | "or" | "nor" | "not" | "but not" | "into"
        ) {
            continue;
        }
        let (scare, other) = match (quotes[i].class, quotes[j].class) {
            (QuotationKind::Scare, k) if k != QuotationKind::Scare => (i, j),
            (k, QuotationKind::Scare) if k != QuotationKind::Scare => (j, i),
            _ => continue,
        };
        if quotes[scare].words >= QUOTATION_MIN_WORDS {
            continue;
        }
        quotes[scare].class = quotes[other].class;
        quotes[scare].speaker = quotes[other].speaker;
    }
}

/// Start of the sentence (in paragraph `paragraph`) holding byte `start`.
fn start_of_sentence(
    text: &Src<'_>,
    start: usize,
    spans: &[(usize, Span)],
    paragraph: usize,
) -> usize {
    let k = spans.partition_point(|&(p, _)| p < paragraph);
    let para = spans.get(k).map_or(0, |&(_, s)| s.start).min(start);
    let mut floor = para.max(start.saturating_sub(SUBJECT_LOOKBACK));
    while !text.is_char_boundary(floor) {
        floor += 1;
    }
    sentence_start(text, floor, start)
}

/// The subject opening the sentence that holds the quotation starting at `start`, when the
/// quotation does not open the sentence itself.
fn own_subject(
    text: &Src<'_>,
    start: usize,
    spans: &[(usize, Span)],
    paragraph: usize,
) -> Option<Span> {
    let from = start_of_sentence(text, start, spans, paragraph);
    if text[from..start].trim().is_empty() {
        return None;
    }
    // Only a name speaks a quotation no verb introduces ("The convoy reportedly included “…”"
    // quotes someone else).
    // Nor is it the subject's when another party is named on the way to it ("charges from
    // congressional Republicans that there was a massive political “cover-up”"): whose
    // word it is, is not said.
    opening_subject(text, from, start).filter(|&np| {
        names_someone(text, np) && {
            let words = super::speaker::words_in(text, np.end, start, 80);
            !words.windows(3).any(|w| {
                w[0].text == "from"
                    && (super::speaker::capitalised(w[1].text)
                        || crate::text::vocab::is_determiner(w[1].text)
                        || super::speaker::capitalised(w[2].text))
            })
        }
    })
}

/// Normal forms of the words of one text, each distinct word normalised once and known by
/// its number.
#[derive(Default)]
struct Normals<'t> {
    /// The number of each written word seen.
    ids: FxHashMap<&'t str, u32>,
    /// The normal form of each number.
    forms: Vec<String>,
}

impl<'t> Normals<'t> {
    /// The number of the normal form of `w`.
    fn id(&mut self, w: &'t str) -> u32 {
        let forms = &mut self.forms;
        *self.ids.entry(w).or_insert_with(|| {
            forms.push(normalize(w));
            (forms.len() - 1) as u32
        })
    }

    /// The normal form numbered `id`.
    fn word(&self, id: u32) -> &str {
        &self.forms[id as usize]
    }

    /// The numbers of the non-empty normal forms of `words`, in `out`.
    fn ids(&mut self, words: impl Iterator<Item = &'t str>, out: &mut Vec<u32>) {
        out.clear();
        for w in words {
            let id = self.id(w);
            if !self.forms[id as usize].is_empty() {
                out.push(id);
            }
        }
    }

    /// The non-empty normal forms of `words`, joined by spaces.
    fn joined(&mut self, words: impl Iterator<Item = &'t str>) -> String {
        let mut out = String::new();
        for w in words {
            let id = self.id(w) as usize;
            let form = &self.forms[id];
            if !form.is_empty() {
                if !out.is_empty() {
                    out.push(' ');
                }
                out.push_str(form);
            }
        }
        out
    }
}

/// Up to `n` words right before `at` in its paragraph, lower-case, in text order.
fn words_before(text: &str, at: usize, n: usize) -> Vec<String> {
    let mut from = at.saturating_sub(80);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let region = &text[from..at];
    let region = region.rsplit('\n').next().unwrap_or(region);
    // The last `n` pieces, read from the end: only they are lower-cased.
    let mut words: Vec<String> = region
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '(' | '“' | '"' | '‘'))
        .rev()
        .filter(|w| !w.is_empty())
        .take(n)
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-'))
        .map(str::to_lowercase)
        .collect();
    words.reverse();
    words
}

/// The word right after `at`, as written.
fn word_after(text: &str, at: usize) -> Option<&str> {
    let end = (at + 40).min(text.len());
    let mut end = end;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let region = &text[at..end];
    let first = region.split_whitespace().next()?;
    let w = first.trim_matches(|c: char| !c.is_alphanumeric());
    (!w.is_empty() && region.starts_with(char::is_whitespace)).then_some(w)
}

/// True when one of the last one or two words before a quotation is a cue of `cue`.
fn cue_before(before: &[String], cue: Cue) -> bool {
    let n = before.len();
    let last = before.last().map(String::as_str);
    let two = (n >= 2).then(|| format!("{} {}", before[n - 2], before[n - 1]));
    last.is_some_and(|w| has_cue(w, cue)) || two.is_some_and(|w| has_cue(&w, cue))
}

/// Title case: every word capitalised except short joining words, with no sentence inside
/// (a final full stop or comma is the sentence's, set inside the marks in American style).
fn title_case(inner: &str) -> bool {
    let inner = inner.trim_end_matches(['.', ',', ';', ':']);
    // Nine words are enough to tell a title (eight at most) from a longer quotation.
    let words: Vec<&str> = inner.split_whitespace().take(9).collect();
    if words.is_empty() || words.len() > 8 || inner.ends_with(['!', '?']) {
        return false;
    }
    words.iter().enumerate().all(|(i, w)| {
        let small = matches!(
            w.to_ascii_lowercase().as_str(),
            "of" | "the"
                | "and"
                | "a"
                | "an"
                | "in"
                | "on"
                | "for"
                | "to"
                | "at"
                | "with"
                | "by"
                | "from"
                | "as"
                | "or"
                | "nor"
                | "but"
                | "into"
                | "over"
                | "vs"
                | "&"
        );
        w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()) || (small && i > 0)
    })
}

/// True when the quotation is a whole sentence of its own words: it opens with a capital and
/// ends with a full stop, question or exclamation mark (“God help us.”, “Nah.”).
fn whole_sentence(inner: &str) -> bool {
    inner.starts_with(char::is_uppercase) && inner.ends_with(['.', '!', '?', '…'])
}

/// The kind of quote `q`; `attributed` when an attribution names a speaker next to it; `long`
/// holds the words of the short quotations whose words a quotation of four words or more
/// holds; `norms` normalises words.
fn kind_of<'t>(
    text: &Src<'t>,
    q: &Quote,
    attributed: bool,
    long: &FxHashSet<String>,
    norms: &mut Normals<'t>,
) -> QuotationKind {
    let inner = q.inner.slice(text);
    let before = words_before(text, q.outer.start, 2);
    if cue_before(&before, Cue::Term) {
        return QuotationKind::Term;
    }
    if cue_before(&before, Cue::Scare) {
        return QuotationKind::Scare;
    }
    if cue_before(&before, Cue::Titled) {
        return QuotationKind::Title;
    }
    let titled = title_case(inner);
    if titled
        && (cue_before(&before, Cue::Title)
            || word_after(text, q.outer.end).is_some_and(|w| has_cue(w, Cue::TitleAfter)))
    {
        return QuotationKind::Title;
    }
    if q.words >= QUOTATION_MIN_WORDS || attributed {
        return QuotationKind::Speech;
    }
    if long.contains(&norms.joined(text.words_between(q.inner.start, q.inner.end))) {
        return QuotationKind::Speech;
    }
    // `… the developer's disclaimer: “Development footage”`: a colon presents quoted words.
    let head = text[..q.outer.start].trim_end();
    if head.ends_with(':') || whole_sentence(inner) {
        return QuotationKind::Speech;
    }
    if sentence_quotes(text, q) {
        return QuotationKind::Speech;
    }
    // A capitalised name nobody is quoted saying: a nickname or a name for a thing (“Tent
    // City,”, ‘America's Toughest Sheriff’), not the writer's distancing.
    if titled && !q.nested {
        return QuotationKind::Term;
    }
    QuotationKind::Scare
}

/// True when the sentence around `q` (outside the quotation) has an attribution or quoting
/// verb.
fn sentence_quotes(text: &Src<'_>, q: &Quote) -> bool {
    let mut from = q.outer.start.saturating_sub(400);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let mut to = (q.outer.end + 200).min(text.len());
    while !text.is_char_boundary(to) {
        to -= 1;
    }
    let is_end = |c: char| matches!(c, '.' | '!' | '?' | '\n');
    let head = text[from..q.outer.start]
        .rfind(is_end)
        .map_or(from, |k| from + k + 1);
    let tail = text[q.outer.end..to]
        .char_indices()
        .find(|&(k, c)| is_end(c) && k > 0)
        .map_or(to, |(k, _)| q.outer.end + k);
    [(head, q.outer.start), (q.outer.end, tail)]
        .iter()
        .any(|&(a, b)| {
            text.words_between(a, b).any(|w| {
                is_speech_verb(w)
                    || has_cue(w, Cue::Quoting)
                    || has_cue(w, Cue::Reporting)
                    || is_reporting_form(&w.to_lowercase())
            })
        })
}
