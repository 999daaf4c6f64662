//! Story grouping: the demo seeds are one story, a generated library's stories are recovered,
//! and suggested pairs lie inside a story.

#[path = "../benches/support/library.rs"]
mod library;

use std::path::Path;

use parallax::compare::stories::{self, NEAR_COPY};
use parallax::corpus::{self, Library};

#[test]
fn the_five_demo_seeds_are_one_story() {
    let lib = corpus::demo();
    let g = stories::group(&lib.articles);
    assert_eq!(g.stories.len(), 1, "{:?}", g.stories);
    assert_eq!(g.stories[0].members, vec![0, 1, 2, 3, 4]);
    assert!(g.ungrouped().is_empty());
    let s = &g.stories[0];
    assert!(!s.pairs.is_empty());
    for p in &s.pairs {
        assert!(p.a < p.b && s.members.contains(&p.a) && s.members.contains(&p.b));
    }
    assert!(!s.terms.is_empty());
}

fn generated(n: usize, seed: u64) -> (Library, Vec<usize>) {
    let mut lib = Library::default();
    let made = library::generate(n, seed);
    for g in &made {
        corpus::markdown::load(Path::new(&g.name), g.text.clone(), &mut lib);
    }
    assert_eq!(lib.articles.len(), n, "{:?}", lib.skipped);
    (lib, made.iter().map(|g| g.story).collect())
}

#[test]
fn a_generated_library_s_stories_are_recovered() {
    let (lib, truth) = generated(240, 11);
    let g = stories::group(&lib.articles);
    let (precision, recall, ari) = library::recovery(&g.story_of, &truth);
    assert!(precision > 0.9, "precision {precision}");
    assert!(recall > 0.9, "recall {recall}");
    assert!(ari > 0.9, "ARI {ari}");
}

#[test]
fn articles_on_unrelated_stories_stay_apart() {
    let (lib, truth) = generated(40, 3);
    let g = stories::group(&lib.articles);
    for s in &g.stories {
        // Pairs of different outlets come first; near-copies come after the rest of their kind.
        let rank: Vec<(bool, bool)> = s
            .pairs
            .iter()
            .map(|p| (!p.different_outlets, p.similarity >= NEAR_COPY))
            .collect();
        assert!(rank.windows(2).all(|w| w[0] <= w[1]), "{rank:?}");
        for p in &s.pairs {
            assert!(s.members.contains(&p.a) && s.members.contains(&p.b));
        }
        let true_story = truth[s.members[0]];
        let agree = s
            .members
            .iter()
            .filter(|&&i| truth[i] == true_story)
            .count();
        assert!(
            agree * 10 >= s.members.len() * 9,
            "story {} mixes stories",
            s.number
        );
    }
}
