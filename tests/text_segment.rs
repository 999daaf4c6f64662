//! Sentence and paragraph segmentation on hand-written text.

use parallax::text::{analyse, segment};

fn sentences(text: &str) -> Vec<&str> {
    let ps = segment::paragraphs(text);
    segment::sentences(text, &ps)
        .iter()
        .map(|s| s.span.slice(text))
        .collect()
}

#[test]
fn titles_and_ranks_do_not_end_sentences() {
    let text = "Col. Ryan Dillon said the claims were false. Mr. Smith and Mrs. Jones met Dr. Brown. \
                Gen. Smith, Lt. Jones, Sgt. Brown, Rep. Green, Sen. White and Gov. Black agreed. \
                They met in St. Louis.";
    assert_eq!(
        sentences(text),
        [
            "Col. Ryan Dillon said the claims were false.",
            "Mr. Smith and Mrs. Jones met Dr. Brown.",
            "Gen. Smith, Lt. Jones, Sgt. Brown, Rep. Green, Sen. White and Gov. Black agreed.",
            "They met in St. Louis.",
        ]
    );
}

#[test]
fn countries_dates_numbers_and_latin_abbreviations() {
    let text = "Officials in the U.S. and the U.K. said so on Jan. 5 at No. 10 Downing St. in London. \
                It was Russia vs. Ukraine, e.g. in the east, i.e. near Donetsk, etc. and more. \
                Growth was 3.5 percent. Then it fell.";
    assert_eq!(
        sentences(text),
        [
            "Officials in the U.S. and the U.K. said so on Jan. 5 at No. 10 Downing St. in London.",
            "It was Russia vs. Ukraine, e.g. in the east, i.e. near Donetsk, etc. and more.",
            "Growth was 3.5 percent.",
            "Then it fell.",
        ]
    );
}

#[test]
fn initials_ellipses_and_domains() {
    let text = "J. R. R. Tolkien wrote it. The portal Lenta.ru and Zerohedge.com reported it... \
                and then retracted. Nobody noticed.";
    assert_eq!(
        sentences(text),
        [
            "J. R. R. Tolkien wrote it.",
            "The portal Lenta.ru and Zerohedge.com reported it... and then retracted.",
            "Nobody noticed.",
        ]
    );
}

#[test]
fn quotations_keep_their_attribution_and_closing_marks() {
    assert_eq!(
        sentences("“It is over. We won,” he said. Then they left."),
        ["“It is over.", "We won,” he said.", "Then they left."]
    );
    assert_eq!(
        sentences("She said: “It is over.” Then they left. Was it? ‘Yes.’ He left!"),
        [
            "She said: “It is over.”",
            "Then they left.",
            "Was it?",
            "‘Yes.’",
            "He left!"
        ]
    );
    assert_eq!(
        sentences("He left. “It is over,” she said."),
        ["He left.", "“It is over,” she said."]
    );
}

#[test]
fn sentences_never_cross_paragraphs() {
    let text = "First paragraph ends without a stop\n\nSecond one. Has two sentences.";
    let an = analyse(text, None);
    assert_eq!(an.paragraphs.len(), 2);
    let got: Vec<(usize, &str)> = an
        .sentences
        .iter()
        .map(|s| (s.paragraph, s.span.slice(text)))
        .collect();
    assert_eq!(
        got,
        [
            (0, "First paragraph ends without a stop"),
            (1, "Second one."),
            (1, "Has two sentences."),
        ]
    );
}

#[test]
fn headline_lines_inside_a_paragraph_are_their_own_sentences() {
    assert_eq!(
        sentences("Subscribe to our newsletter\nSign up here to get the news."),
        [
            "Subscribe to our newsletter",
            "Sign up here to get the news."
        ]
    );
}

#[test]
fn spans_slice_back_to_trimmed_text() {
    let text =
        "\u{feff}  Ünïcödé “quotes” — 3.5€.  \r\n\r\n\t Второй абзац. Ещё одно предложение!  ";
    let an = analyse(text, None);
    for p in &an.paragraphs {
        let s = p.span.slice(text);
        assert!(p.span.is_valid_in(text));
        assert_eq!(s, s.trim());
    }
    let got: Vec<&str> = an.sentences.iter().map(|s| s.span.slice(text)).collect();
    assert_eq!(
        got,
        [
            "Ünïcödé “quotes” — 3.5€.",
            "Второй абзац.",
            "Ещё одно предложение!"
        ]
    );
}

#[test]
fn one_paragraph_per_line_texts_split_per_line() {
    let text = "Harbour strike enters second week\nDock workers extended their strike on Monday.\n\
                The union said talks had failed.\nOfficials declined to comment.";
    let an = analyse(text, None);
    assert_eq!(an.paragraphs.len(), 4);
    assert!(an.paragraphs.iter().all(|p| !p.role.is_boilerplate()));
}

#[test]
fn hard_wrapped_prose_stays_one_paragraph() {
    let text = "Dock workers in the port city extended\ntheir strike on Monday, the union\n\
                said, after talks with the port\nauthority failed.";
    let an = analyse(text, None);
    assert_eq!(an.paragraphs.len(), 1);
    assert_eq!(an.sentences.len(), 1);
}

#[test]
fn german_ordinals_do_not_end_sentences() {
    let text = "Die Feier findet am 3. Oktober statt. Danach gehen alle nach Hause. Die Burg \
                wurde im 12. Jahrhundert gebaut. Jeder 5. Besucher kommt aus dem Ausland. Der \
                Verein feiert seinen 50. Geburtstag. Er spielt in der 2. Bundesliga.";
    assert_eq!(
        sentences(text),
        [
            "Die Feier findet am 3. Oktober statt.",
            "Danach gehen alle nach Hause.",
            "Die Burg wurde im 12. Jahrhundert gebaut.",
            "Jeder 5. Besucher kommt aus dem Ausland.",
            "Der Verein feiert seinen 50. Geburtstag.",
            "Er spielt in der 2. Bundesliga.",
        ]
    );
    // A year, or a number ending an English sentence, still ends it.
    assert_eq!(
        sentences("The bridge opened in 2019. The town grew. The score was 3. Fans left."),
        [
            "The bridge opened in 2019.",
            "The town grew.",
            "The score was 3.",
            "Fans left."
        ]
    );
}

#[test]
fn german_quotations_and_abbreviations() {
    // „…“ closes with the mark English opens with; the closing mark stays with its sentence.
    assert_eq!(
        sentences("Er rief: „Komm bitte mit!“ Dann ging er los. Sie sagte: „Gern. “ Sie lachte."),
        [
            "Er rief: „Komm bitte mit!“",
            "Dann ging er los.",
            "Sie sagte: „Gern. “",
            "Sie lachte."
        ]
    );
    assert_eq!(
        sentences("Auf dem Markt gibt es Äpfel bzw. Birnen aus der Region. Vgl. Seite 4."),
        [
            "Auf dem Markt gibt es Äpfel bzw. Birnen aus der Region.",
            "Vgl. Seite 4."
        ]
    );
    // Abbreviations written with a space between their letters.
    assert_eq!(
        sentences(
            "Der Alpenverein e. V. hat neue Regeln. Viele Tiere, z. B. Füchse, leben hier. \
             Das Amt, d. h. die Stadt, zahlt u. a. die Miete. Das gilt i. d. R. auch im Winter."
        ),
        [
            "Der Alpenverein e. V. hat neue Regeln.",
            "Viele Tiere, z. B. Füchse, leben hier.",
            "Das Amt, d. h. die Stadt, zahlt u. a. die Miete.",
            "Das gilt i. d. R. auch im Winter."
        ]
    );
}
