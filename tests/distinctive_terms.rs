//! Distinctive terms (log-odds ratio with an informative Dirichlet prior).

use parallax::compare::Options;
use parallax::compare::distinctive::{Z_THRESHOLD, distinctive};
use parallax::corpus::Source;

mod common;
use common::bare_article as article;

const SHARED: &str = "The council met on Tuesday to discuss the budget for the coming year. \
    Members reviewed spending on roads, schools and parks. The mayor spoke about taxes. \
    Residents asked questions about the library and the bus service. ";

#[test]
fn a_word_only_one_side_repeats_is_its_top_distinctive_term() {
    let a_text = format!(
        "{SHARED}Critics called the plan a scandal. The scandal grew. Another scandal followed \
         the first scandal, and the scandal dominated. Scandals everywhere, a scandal a day, \
         the scandal of the year."
    );
    let b_text = format!(
        "{SHARED}The plan passed with a vote of seven to two. The vote was close. Members \
         thanked staff."
    );
    let a = article("a", &a_text);
    let b = article("b", &b_text);
    let d = distinctive(&a, &b, &Options::default());
    let top = d.a.first().expect("a distinctive term for A");
    assert_eq!(top.stem, "scandal");
    assert_eq!(top.term, "scandal");
    assert!(top.z > Z_THRESHOLD, "z = {}", top.z);
    assert_eq!(top.count, 8);
    assert_eq!(top.other_count, 0);
    assert!(!d.b.iter().any(|t| t.stem == "scandal"));
    // Positions slice back to the word, in any inflection.
    assert_eq!(top.positions.len(), top.count);
    for p in &top.positions {
        assert!(p.slice(&a.text).to_lowercase().starts_with("scandal"));
    }
    // Strongest first, ties by stem.
    for w in d.a.windows(2) {
        assert!(
            w[0].z > w[1].z || (w[0].z == w[1].z && w[0].stem < w[1].stem),
            "{} {} / {} {}",
            w[0].stem,
            w[0].z,
            w[1].stem,
            w[1].z
        );
    }
}

#[test]
fn identical_articles_have_no_distinctive_terms() {
    let a = article("a", SHARED);
    let b = article("b", SHARED);
    let d = distinctive(&a, &b, &Options::default());
    assert!(d.a.is_empty(), "{:?}", d.a);
    assert!(d.b.is_empty(), "{:?}", d.b);
}

#[test]
fn swapping_sides_swaps_the_lists() {
    let a = article("a", &format!("{SHARED}The regime regime regime acted."));
    let b = article("b", &format!("{SHARED}The government government acted."));
    let d1 = distinctive(&a, &b, &Options::default());
    let d2 = distinctive(&b, &a, &Options::default());
    assert_eq!(d1.a, d2.b);
    assert_eq!(d1.b, d2.a);
}

#[test]
fn empty_articles_give_empty_lists() {
    let a = article("a", "");
    let b = article("b", SHARED);
    let d = distinctive(&a, &b, &Options::default());
    assert!(d.a.is_empty() && d.b.is_empty());
}

#[test]
fn demo_pair_terms_are_real_words_of_their_side() {
    let lib = parallax::corpus::demo();
    let pick = |p: &str| {
        lib.articles
            .iter()
            .find(|a| matches!(&a.source, Source::Demo { name } if name.starts_with(p)))
            .expect("seed")
    };
    let (a, b) = (pick("002_"), pick("003_"));
    let d = distinctive(a, b, &Options::default());
    assert!(!d.a.is_empty() && !d.b.is_empty());
    for (list, art) in [(&d.a, a), (&d.b, b)] {
        for t in list.iter() {
            assert!(t.z > 0.0);
            assert_eq!(t.positions.len(), t.count);
            assert!(t.positions.iter().any(|p| p.slice(&art.text) == t.term));
            assert!(!["the", "that", "of", "and"].contains(&t.stem.as_str()));
        }
    }
    assert!(d.a.iter().any(|t| t.stem == "regim"), "{:?}", d.a);
    assert!(d.a.iter().any(|t| t.term == "jihadists"), "{:?}", d.a);
    assert!(d.b.iter().any(|t| t.term == "videogame"), "{:?}", d.b);
}

#[test]
fn a_word_used_as_often_on_both_sides_is_not_distinctive_of_the_shorter() {
    // A is shorter, so each of its shared words has a higher rate and a small positive z;
    // "2× in A and 2× in B" still sets nothing apart.
    let a = article("a", &format!("{SHARED}{SHARED}"));
    let b = article(
        "b",
        &format!("{SHARED}{SHARED}The session ended late. Staff went home after the session."),
    );
    let d = distinctive(&a, &b, &Options::default());
    for t in &d.a {
        assert!(t.count > t.other_count, "{t:?}");
    }
    assert!(!d.b.is_empty(), "B's own words: session");
}

/// The stems listed as distinctive of A, written as `a_text`, against a plain report B.
fn distinctive_stems_of_a(a_text: &str) -> Vec<String> {
    let b_text = format!("{SHARED}The plan passed. Members thanked staff for the bridge.");
    let (a, b) = (article("a", a_text), article("b", &b_text));
    let d = distinctive(&a, &b, &Options::default());
    d.a.into_iter().map(|t| t.stem).collect()
}

#[test]
fn connectives_and_word_fragments_are_never_distinctive() {
    // A repeats "because", "against", "one" and "between", and the "D" and "R" of party tags;
    // B never uses them. They tell a reader about style, not what either side stresses.
    let a_text = format!(
        "{SHARED}Because of the vote, one member spoke against the plan. Rep. Hale (D-Ohio) \
         and Rep. Ng (R-Ohio) stood between the two camps, because one side was against the \
         other, and one vote was against the bridge because of its cost. Between them, one \
         plan stood against another, because (D-Ohio) and (R-Ohio) said so."
    );
    let stems = distinctive_stems_of_a(&a_text);
    let stems: Vec<&str> = stems.iter().map(String::as_str).collect();
    for never in ["becaus", "against", "one", "between", "d", "r"] {
        assert!(!stems.contains(&never), "{never:?} in {stems:?}");
    }
    // The content words A repeats still are.
    assert!(
        stems.contains(&"plan") || stems.contains(&"ohio"),
        "{stems:?}"
    );
}

#[test]
fn words_addressing_the_reader_are_never_distinctive() {
    // A is written as a column: "now", "here", "your", "me" and "very" repeat, B never uses
    // them. They are the voice of the piece, not a fact or a framing either side stresses.
    let a_text = format!(
        "{SHARED}Now here is the thing. Your council is very late, and now it asks me for your \
         patience. Here is what I told them: now is the time, your vote is very much your own, \
         and me, I am very tired of waiting. Here, now, your bridge stands half built, and \
         the council tells me to wait. Now the council must answer."
    );
    let stems = distinctive_stems_of_a(&a_text);
    let stems: Vec<&str> = stems.iter().map(String::as_str).collect();
    for never in ["now", "here", "your", "me", "veri", "am"] {
        assert!(!stems.contains(&never), "{never:?} in {stems:?}");
    }
    assert!(stems.contains(&"council"), "{stems:?}");
}

#[test]
fn a_term_short_of_the_threshold_is_explained_as_leaning_not_notable() {
    let lib = common::demo_library();
    let find = |id: &str| {
        lib.articles
            .iter()
            .find(|a| a.id == id)
            .expect("demo article")
    };
    let cmp = parallax::compare::compare(
        find("duran-doubles-down"),
        find("meduza-screenshot"),
        &Options::default(),
    );
    let mut weak = 0;
    for (i, t) in cmp.distinctive.a.iter().enumerate() {
        let h = cmp
            .highlights
            .a
            .iter()
            .find(|h| h.item == parallax::compare::HighlightRef::DistinctiveTerm(i))
            .expect("a highlight for every distinctive term");
        if t.z > Z_THRESHOLD {
            assert!(h.why.starts_with("Distinctive term of A"), "{}", h.why);
        } else {
            weak += 1;
            assert!(h.why.starts_with("Leans to A"), "{}", h.why);
            assert!(!h.why.contains("is notable"), "{}", h.why);
        }
    }
    assert!(weak > 0, "the demo pair has terms short of the threshold");
}
