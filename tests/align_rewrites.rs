//! Rewrites for easy reading: one long sentence told again as a run of short ones, and German
//! texts matched on German stems. The articles are written for these tests.

use parallax::compare::Options;
use parallax::compare::align::{align, analysed_sentences, vectors};
use parallax::text::{Analysis, analyse};

mod align_support;
use align_support::{article, sentence};

const ORIGINAL: &str = "Neue Regeln für die Bibliothek

Die Stadtbibliothek öffnet ab März auch sonntags.

Wegen der langen Bauarbeiten am Marktplatz, die nach Angaben der Stadtverwaltung noch bis zum Herbst dauern sollen, wird der Eingang der Bibliothek vorübergehend in die Gartenstraße verlegt, wo Besucher einen barrierefreien Zugang über eine neue Rampe finden.

Der Eintritt bleibt frei.
";

const PLAIN: &str = "Neue Regeln für die Bibliothek

Die Stadt·bibliothek ist ab März auch am Sonntag offen.

Am Marktplatz gibt es lange Bauarbeiten.

Die Bauarbeiten dauern noch bis zum Herbst.

Darum ist der Eingang der Bibliothek jetzt in der Gartenstraße.

Dort finden Besucher einen Zugang über eine neue Rampe.

Der Eintritt kostet nichts.
";

#[test]
fn a_long_sentence_told_as_four_short_ones_is_one_row() {
    let (a, b) = (article("original", ORIGINAL), article("plain", PLAIN));
    let al = align(&a, &b, &Options::default());
    let long = sentence(&a, "Wegen der langen Bauarbeiten");
    let split: Vec<usize> = [
        "Am Marktplatz gibt es",
        "Die Bauarbeiten dauern",
        "Darum ist der Eingang",
        "Dort finden Besucher",
    ]
    .iter()
    .map(|s| sentence(&b, s))
    .collect();
    let row = al
        .rows
        .iter()
        .find(|r| r.a.contains(&long))
        .expect("a row holds the long sentence");
    assert_eq!(row.b, split, "rows: {:?}", al.rows);
    // The sentence about the entrance fee is not drawn into it.
    let fee = sentence(&b, "Der Eintritt kostet");
    assert!(!row.b.contains(&fee));
}

#[test]
fn german_inflections_are_one_word() {
    let a = article(
        "a",
        "Schulen im Kreis\n\nDie Kinder der Grundschulen bekommen neue Computer.\n",
    );
    let b = article(
        "b",
        "Schulen im Kreis\n\nJedes Kind in der Grundschule bekommt einen neuen Computer.\n",
    );
    let al = align(&a, &b, &Options::default());
    let (i, j) = (sentence(&a, "Die Kinder"), sentence(&b, "Jedes Kind"));
    let pair = al
        .pairs
        .iter()
        .find(|p| (p.a, p.b) == (i, j))
        .expect("the two sentences are paired");
    // Kind/Kinder, Grundschule/Grundschulen, bekommt/bekommen, neue/neuen share stems.
    assert!(pair.score >= 0.5, "score {}", pair.score);
}

/// The place among the analysed sentences `si` of `an` (of `text`) of the sentence starting with `start`.
fn at(text: &str, an: &Analysis, si: &[usize], start: &str) -> usize {
    si.iter()
        .position(|&i| an.sentences[i].span.slice(text).starts_with(start))
        .unwrap_or_else(|| panic!("no analysed sentence starts with {start:?}"))
}

#[test]
fn german_compounds_meet_their_parts_spelled_out() {
    // The original writes "Gesundheitsamt"; the rewrite names two offices in full. Only the
    // compound's parts tell which office it is.
    let ta = "Die Brunnen der Stadt\n\nDas Gesundheitsamt prüft die Brunnen und die Leitungen der Stadt.\n";
    let tb = "Die Brunnen der Stadt\n\nDas Amt für Verkehr prüft die Brunnen und die Leitungen der Stadt.\n\n\
         Im Sommer ist das Wasser warm.\n\n\
         Das Amt für Gesundheit prüft die Brunnen und die Leitungen der Stadt.\n";
    let (a, b) = (analyse(ta, None), analyse(tb, None));
    let (sa, sb) = (analysed_sentences(&a), analysed_sentences(&b));
    let v = vectors::build(&a, &sa, &b, &sb, None);
    let x = &v.a[at(ta, &a, &sa, "Das Gesundheitsamt")];
    let traffic = x.cosine(&v.b[at(tb, &b, &sb, "Das Amt für Verkehr")]);
    let health = x.cosine(&v.b[at(tb, &b, &sb, "Das Amt für Gesundheit")]);
    assert!(
        health > traffic + 0.05 && health <= 1.0,
        "health {health}, traffic {traffic}"
    );
}

#[test]
fn a_compound_counts_as_its_head_noun() {
    // "Hackfleisch" is a kind of "Fleisch": the rewrite's plain word meets the compound, while
    // a sentence about something else of the same shop does not gain.
    let ta =
        "Beim Metzger\n\nDer Metzger verkauft frisches Hackfleisch und die Wurst aus der Region.\n";
    let tb = "Beim Metzger\n\nDer Metzger verkauft frische Brötchen und die Wurst aus der Region.\n\n\
         Das Fleisch kommt aus dem Dorf.\n\n\
         Der Metzger verkauft frisches Fleisch und die Wurst aus der Region.\n";
    let (a, b) = (analyse(ta, None), analyse(tb, None));
    let (sa, sb) = (analysed_sentences(&a), analysed_sentences(&b));
    let v = vectors::build(&a, &sa, &b, &sb, None);
    let x = &v.a[at(ta, &a, &sa, "Der Metzger")];
    let bread = x.cosine(&v.b[at(tb, &b, &sb, "Der Metzger verkauft frische Brötchen")]);
    let meat = x.cosine(&v.b[at(tb, &b, &sb, "Der Metzger verkauft frisches Fleisch")]);
    assert!(meat > bread + 0.05, "meat {meat}, bread {bread}");
}
