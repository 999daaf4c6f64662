//! Story comparison (`compare_many`): facts agree with the pairwise alignment, every analysed
//! sentence is in exactly one fact, quotations are followed across outlets, and the result is
//! deterministic. On the three bridge-closure articles in `tests/fixtures/story/`.

use std::collections::HashMap;
use std::path::Path;

use parallax::compare::story::{Story, compare_many, compare_many_keeping, pair_indices};
use parallax::compare::{HighlightKind, Options};
use parallax::corpus::{self, Article, Library};

fn bridge() -> Vec<Article> {
    let mut lib = Library::default();
    for name in ["harbor-daily", "valley-ledger", "metro-watch"] {
        let path = format!("tests/fixtures/story/{name}.md");
        let text = std::fs::read_to_string(&path).unwrap();
        corpus::markdown::load(Path::new(&path), text, &mut lib);
    }
    assert_eq!(lib.articles.len(), 3, "{:?}", lib.skipped);
    lib.articles
}

/// The fact of every sentence of every cell.
fn fact_of(story: &Story) -> HashMap<(usize, usize), usize> {
    let mut out = HashMap::new();
    for (f, fact) in story.facts.iter().enumerate() {
        for cell in &fact.cells {
            for &s in &cell.sentences {
                assert!(
                    out.insert((cell.article, s), f).is_none(),
                    "sentence in two facts"
                );
            }
        }
    }
    out
}

/// The fact of the first sentence of `article` containing `words`.
fn fact_with(story: &Story, article: usize, words: &str) -> usize {
    let of = fact_of(story);
    let art = &story.articles[article];
    let s = art
        .sentences
        .iter()
        .position(|sp| art.text[sp.start..sp.end].contains(words))
        .unwrap_or_else(|| panic!("no sentence with {words:?}"));
    of[&(article, s)]
}

#[test]
fn every_confident_pairwise_pair_lands_in_one_fact() {
    let articles = bridge();
    let opts = Options::default();
    let (story, cmps) = compare_many_keeping(&articles, &opts);
    let of = fact_of(&story);
    let mut checked = 0;
    for (&(i, j), cmp) in pair_indices(3).iter().zip(&cmps) {
        for p in &cmp.alignment {
            if p.score >= opts.min_score {
                assert_eq!(
                    of.get(&(i, p.a)),
                    of.get(&(j, p.b)),
                    "{i}:{} and {j}:{} (score {:.2}) in different facts",
                    p.a,
                    p.b,
                    p.score
                );
                checked += 1;
            }
        }
    }
    assert!(checked >= 10, "only {checked} confident pairs");
    assert_eq!(story.summary.confident_links, checked);
    assert_eq!(story.summary.confident_in_one_fact, checked);
}

#[test]
fn every_analysed_sentence_is_in_exactly_one_fact() {
    let articles = bridge();
    let story = compare_many(&articles, &Options::default());
    let of = fact_of(&story);
    for (k, a) in articles.iter().enumerate() {
        for s in 0..a.analysis.sentences.len() {
            let analysed = a.analysis.sentence_role(s).is_compared();
            assert_eq!(
                of.contains_key(&(k, s)),
                analysed,
                "article {k} sentence {s}"
            );
        }
    }
    for fact in &story.facts {
        let mut all = fact.carried_by.clone();
        all.extend(&fact.omitted_by);
        all.sort_unstable();
        assert_eq!(all, vec![0, 1, 2]);
        for cell in &fact.cells {
            for m in &cell.marks {
                assert!(cell.spans.iter().any(|s| s.overlaps(&m.span)), "{m:?}");
                assert!(!m.why.is_empty());
            }
        }
    }
}

#[test]
fn facts_group_the_same_report_and_keep_different_ones_apart() {
    let story = compare_many(&bridge(), &Options::default());
    // The closure: all three; the lede of each.
    let closed = fact_with(&story, 0, "closed the Old Mill Bridge to all traffic");
    assert_eq!(
        closed,
        fact_with(&story, 1, "was closed to traffic on Wednesday")
    );
    assert_eq!(closed, fact_with(&story, 2, "Thousands of commuters"));
    assert_eq!(story.facts[closed].carried_by, vec![0, 1, 2]);
    // The daily traffic figure: Harbor Daily and the Ledger, not Metro Watch.
    let traffic = fact_with(&story, 0, "18,000 vehicles cross");
    assert_eq!(traffic, fact_with(&story, 1, "18,000 vehicles use"));
    assert_eq!(story.facts[traffic].omitted_by, vec![2]);
    assert_ne!(traffic, closed);
    // The council's criticism is the Ledger's alone.
    let neglect = fact_with(&story, 1, "years of neglect");
    assert_eq!(story.facts[neglect].carried_by, vec![1]);
    assert!(story.articles[1].only.contains(&neglect));
    // The reading order follows the first article.
    assert!(closed < traffic);
}

#[test]
fn quotations_are_followed_across_outlets() {
    let story = compare_many(&bridge(), &Options::default());
    let mayor = story
        .quotations
        .iter()
        .find(|q| q.speaker.as_deref().is_some_and(|s| s.contains("Okafor")))
        .expect("the mayor's quotation");
    assert_eq!(mayor.carried_by, vec![0, 1, 2]);
    let engineer = story
        .quotations
        .iter()
        .find(|q| {
            let c = &q.copies[0];
            story.articles[c.article].text[c.span.start..c.span.end].contains("slow work")
        })
        .expect("the engineer's quotation");
    // The Ledger paraphrases the engineer and does not quote him.
    assert_eq!(engineer.carried_by, vec![0, 2]);
    let okafor = story
        .speakers
        .iter()
        .find(|s| s.name.contains("Okafor"))
        .expect("the mayor is quoted");
    assert_eq!(okafor.quoted_by.len(), 3);
}

#[test]
fn cells_mark_loaded_terms_and_attribution_differences() {
    let story = compare_many(&bridge(), &Options::default());
    let claimed = fact_with(&story, 2, "claimed that repairs");
    let cell = story.facts[claimed].cell(2).expect("Metro Watch tells it");
    let marked = |kind: HighlightKind, words: &str| {
        cell.marks.iter().any(|m| {
            m.kind == kind && story.articles[2].text[m.span.start..m.span.end].contains(words)
        })
    };
    assert!(
        marked(HighlightKind::LoadedTerm, "claimed"),
        "{:?}",
        cell.marks
    );
    let disgrace = fact_with(&story, 1, "a disgrace");
    let why = &story.facts[disgrace].cell(1).unwrap().marks[0].why;
    assert!(why.contains("No other outlet"), "{why}");
}

#[test]
fn the_story_is_deterministic() {
    let articles = bridge();
    let a = compare_many(&articles, &Options::default());
    let b = compare_many(&articles, &Options::default());
    assert_eq!(a, b);
}

#[test]
fn the_demo_s_five_articles_make_one_story() {
    let lib = corpus::demo();
    let story = compare_many(&lib.articles, &Options::default());
    assert_eq!(story.articles.len(), 5);
    assert_eq!(story.pairs.len(), 10);
    assert!(story.facts.iter().any(|f| f.carried_by.len() >= 3));
    assert_eq!(
        story.summary.confident_in_one_fact,
        story.summary.confident_links
    );
}

#[test]
fn a_loaded_word_in_someone_s_quoted_words_is_marked_as_theirs() {
    let lib = corpus::demo();
    let story = compare_many(&lib.articles, &Options::default());
    let duran = story
        .articles
        .iter()
        .position(|a| a.id == "duran-doubles-down")
        .expect("the Duran's article");
    // “… support and pandering to them by American colleagues,” Russian military spokesman
    // Igor Konashenkov said: the charged word is the spokesman's, not the Duran's.
    let marks: Vec<_> = story
        .facts
        .iter()
        .filter_map(|f| f.cell(duran))
        .flat_map(|c| c.marks.iter())
        .filter(|m| story.articles[duran].text[m.span.start..m.span.end].eq("pandering"))
        .collect();
    assert!(!marks.is_empty());
    for m in marks {
        assert_eq!(m.kind, HighlightKind::QuotedLoadedTerm, "{m:?}");
        assert!(m.why.starts_with("In "), "{}", m.why);
    }
}
