//! Sentence alignment on invented articles (one sentence per paragraph) and the demo seeds.

use parallax::compare::align::{Alignment, align};
use parallax::compare::{Options, RowKind};
use parallax::corpus::{self, Article};

mod align_support;
use align_support::{article, sentence};

fn pair_of(al: &Alignment, a: usize, b: usize) -> Option<&parallax::compare::AlignedPair> {
    al.pairs.iter().find(|p| p.a == a && p.b == b)
}

const FLOOD: &str = "Flood waters close the river road

The river rose two metres overnight after three days of heavy rain in the Tamsel valley.

Mayor Helen Ostrova ordered the evacuation of 400 homes near the old mill.

Volunteers filled sandbags at the fire station until dawn.

The regional weather office expects the rain to stop by Thursday.

Farmers said their wheat fields downstream were already under water.
";

#[test]
fn identical_texts_align_fully_one_to_one_with_score_one() {
    let a = article("a", FLOOD);
    let b = article("b", FLOOD);
    let al = align(&a, &b, &Options::default());
    let body: Vec<usize> = (1..a.analysis.sentences.len()).collect();
    assert_eq!(al.pairs.len(), body.len());
    for (p, &i) in al.pairs.iter().zip(&body) {
        assert_eq!((p.a, p.b), (i, i));
        assert_eq!(p.score, 1.0);
        assert!(!p.moved);
    }
    assert_eq!(al.similarity, 1.0);
    // The headline is shown, dimmed, but never aligned.
    assert_eq!(al.rows[0].kind, RowKind::Excluded);
    assert!(al.pairs.iter().all(|p| p.a != 0 && p.b != 0));
}

#[test]
fn a_paraphrase_aligns_and_an_unrelated_sentence_does_not() {
    let a = article("a", FLOOD);
    let b = article(
        "b",
        "Hundreds leave homes as Tamsel river floods

About 400 households close to the old mill were told to leave by Mayor Ostrova.

After three days of heavy rain the river in the Tamsel valley rose by two metres overnight.

The city council approved a new budget for public libraries on Tuesday.
",
    );
    let al = align(&a, &b, &Options::default());
    let mayor = pair_of(
        &al,
        sentence(&a, "Mayor Helen Ostrova"),
        sentence(&b, "About 400 households"),
    );
    assert!(mayor.is_some(), "paraphrase not aligned: {:?}", al.pairs);
    let river = pair_of(
        &al,
        sentence(&a, "The river rose"),
        sentence(&b, "After three days"),
    );
    assert!(river.is_some(), "paraphrase not aligned: {:?}", al.pairs);
    let libraries = sentence(&b, "public libraries");
    assert!(al.pairs.iter().all(|p| p.b != libraries));
    let row = al.rows.iter().find(|r| r.b.contains(&libraries));
    assert_eq!(row.map(|r| r.kind), Some(RowKind::OnlyB));
    // One of the two paraphrases sits out of order relative to the other.
    assert_eq!(al.pairs.iter().filter(|p| p.moved).count(), 1);
    assert!(al.similarity > 0.2 && al.similarity < 1.0);
}

#[test]
fn unrelated_articles_have_nothing_aligned() {
    let a = article("a", FLOOD);
    let b = article(
        "b",
        "Chess club wins county cup

The school chess club beat four rival teams on Saturday to win the county cup.

Its captain, a twelve-year-old, played the deciding game against the champion of last season.
",
    );
    let al = align(&a, &b, &Options::default());
    assert!(al.pairs.is_empty(), "{:?}", al.pairs);
    assert!(al.similarity < 0.05);
}

#[test]
fn a_reordered_paragraph_gives_a_moved_pair() {
    let a = article("a", FLOOD);
    // The farmers' paragraph comes first in B, slightly reworded; the rest keeps its order.
    let b = article(
        "b",
        "Flood waters close the river road

Farmers say their wheat fields downstream are already under water.

The river rose two metres overnight after three days of heavy rain in the Tamsel valley.

Mayor Helen Ostrova ordered the evacuation of 400 homes near the old mill.

Volunteers filled sandbags at the fire station until dawn.

The regional weather office expects the rain to stop by Thursday.
",
    );
    let al = align(&a, &b, &Options::default());
    let farmers = (sentence(&a, "Farmers"), sentence(&b, "Farmers"));
    let moved: Vec<_> = al.pairs.iter().filter(|p| p.moved).collect();
    assert_eq!(moved.len(), 1, "{:?}", al.pairs);
    assert_eq!((moved[0].a, moved[0].b), farmers);
    assert_eq!(al.pairs.len(), 5);
    // Shown once, at A's position, with B's sentence beside it.
    let rows: Vec<_> = al
        .rows
        .iter()
        .filter(|r| r.b.contains(&farmers.1))
        .collect();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].kind, RowKind::Moved);
    assert_eq!(rows[0].a, vec![farmers.0]);
}

#[test]
fn a_split_sentence_is_one_row_of_one_against_two() {
    let a = article(
        "a",
        "Road closed

The river rose two metres overnight after three days of heavy rain, and police closed the valley road to all traffic.

Volunteers filled sandbags at the fire station until dawn.
",
    );
    let b = article(
        "b",
        "Road closed

The river rose two metres overnight after three days of heavy rain.

Police closed the valley road to all traffic.

Volunteers filled sandbags at the fire station until dawn.
",
    );
    let al = align(&a, &b, &Options::default());
    let row = al
        .rows
        .iter()
        .find(|r| r.a == vec![1])
        .expect("a row for the long sentence");
    assert_eq!(row.kind, RowKind::Aligned);
    assert_eq!(row.b, vec![1, 2]);
    assert!(pair_of(&al, 1, 1).is_some() && pair_of(&al, 1, 2).is_some());
    assert!(pair_of(&al, 2, 3).is_some());
}

#[test]
fn a_shared_rare_name_outweighs_shared_function_words() {
    let a = article(
        "a",
        "T\n\nIt was said that there is no way for the council to do it in the end.\n\nKonashenkov denied the report about Abu Kamal.\n",
    );
    let b = article(
        "b",
        "T\n\nThe report on Abu Kamal was denied by Konashenkov.\n\nIt is the end of the way for all of them, it was said.\n",
    );
    let al = align(&a, &b, &Options::default());
    let name = pair_of(&al, 2, 1).expect("name pair aligned");
    let filler = pair_of(&al, 1, 2).map_or(0.0, |p| p.score);
    assert!(name.score > filler, "{:?}", al.pairs);
}

#[test]
fn output_is_deterministic() {
    let lib = corpus::demo();
    let (a, b) = (&lib.articles[3], &lib.articles[4]);
    let first = align(a, b, &Options::default());
    for _ in 0..3 {
        assert_eq!(align(a, b, &Options::default()), first);
    }
}

fn demo(name: &str) -> Article {
    let lib = corpus::demo();
    lib.articles
        .into_iter()
        .find(|a| a.source.display().contains(name))
        .unwrap_or_else(|| panic!("demo seed {name} missing"))
}

/// The sentences of `art`'s text split at ". " (a plain split, enough for these seeds).
fn demo_sentences(art: &Article) -> Vec<String> {
    art.text
        .split("\n")
        .flat_map(|line| line.split(". "))
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect()
}

/// An article made of the seed sentences containing each of `needles`, in that order.
fn excerpt(id: &str, art: &Article, needles: &[&str]) -> Article {
    let sents = demo_sentences(art);
    let mut text = String::from("Excerpt\n");
    for n in needles {
        let s = sents
            .iter()
            .find(|s| s.contains(n))
            .unwrap_or_else(|| panic!("no seed sentence contains {n:?}"));
        text.push('\n');
        text.push_str(s);
        text.push('\n');
    }
    article(id, &text)
}

#[test]
fn demo_meduza_and_unknown_outlet_share_the_ministry_claim() {
    let a = demo("003_");
    let b = demo("004_");
    let al = align(&a, &b, &Options::default());
    // Both quote the ministry's "covering ISIS combat units" claim.
    let covering = (
        sentence(&a, "covering ISIS combat units"),
        sentence(&b, "covering ISIS combat units"),
    );
    assert!(
        al.pairs.iter().any(|p| (p.a, p.b) == covering),
        "{:?}",
        al.pairs
    );
    // Page furniture never aligns.
    let skip = sentence(&a, "Skip to main content");
    assert!(al.pairs.iter().all(|p| p.a != skip));
}

#[test]
fn demo_sentences_reporting_the_same_facts_in_other_words_align() {
    let (ma, mb) = (demo("003_"), demo("004_"));
    // Meduza (003) and the unknown outlet (004), sentence by sentence, in their own order.
    let a = excerpt(
        "a",
        &ma,
        &[
            "written by a civilian employee",
            "refused to attack ISIS forces on November 9",
            "screenshot from the mobile videogame",
        ],
    );
    let b = excerpt(
        "b",
        &mb,
        &[
            "The US refused to bomb an ISIS convoy",
            "actually from a 2015 trailer for AC-130",
            "investigating claims that a civilian employee",
        ],
    );
    let al = align(&a, &b, &Options::default());
    let found = |x: &str, y: &str| {
        let (i, j) = (sentence(&a, x), sentence(&b, y));
        al.pairs.iter().any(|p| (p.a, p.b) == (i, j))
    };
    // The Defense Ministry blaming a civilian employee.
    assert!(
        found("civilian employee", "civilian employee"),
        "{:?}",
        al.pairs
    );
    // The U.S. refusing to strike ISIS near Abu Kamal.
    assert!(found("November 9", "refused to bomb"), "{:?}", al.pairs);
    // The "drone footage" being a still from AC-130 Gunship Simulator.
    assert!(found("mobile videogame", "2015 trailer"), "{:?}", al.pairs);
}
