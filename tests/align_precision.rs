//! Pairs a journalist would reject on a second look: two sentences that share only the story's
//! subject (the words both articles use throughout) are not the same fact, however the words
//! score. Articles written for these tests: two outlets on one ministry and one region, each
//! telling a different development.

use parallax::compare::Options;
use parallax::compare::align::align;

mod align_support;
use align_support::{article, paired, sentence};

/// One outlet: the Harbour Ministry is investigating a doctored map it published.
const MAP: &str = "Harbour Ministry investigates doctored map

The Harbour Ministry of Veldor says it is investigating the publication of a doctored satellite map presented as proof of smuggling through the Kessel Strait.

Officials at the Harbour Ministry said the map was posted by a junior press officer.

The Harbour Ministry still insists that smugglers use the Kessel Strait to reach Veldor every night.

On Tuesday the Harbour Ministry published two further maps, which independent analysts also questioned.

Analysts at the Open Charts Group found that the first map had been copied from a sailing game.

The Harbour Ministry of Veldor has promised a full review of its press office.
";

/// The other outlet: the same ministry denies reports of a ferry sinking in the strait.
const FERRY: &str = "Veldor denies ferry sinking

The Harbour Ministry of Veldor has denied media reports of a ferry sinking in the Kessel Strait after a collision with a cargo ship.

According to the Harbour Ministry, no vessel was lost in the Kessel Strait this month.

The ministry accused two foreign newspapers of spreading rumours about the ferry.

Families of the crew gathered at the Veldor port of Amsel on Wednesday.

The Harbour Ministry said rescue boats had searched the strait for six hours and found nothing.

The ferry operator, Blue Line, declined to comment.
";

#[test]
fn ledes_sharing_only_the_story_subject_are_not_paired() {
    let (a, b) = (article("map", MAP), article("ferry", FERRY));
    let al = align(&a, &b, &Options::default());
    // "The Harbour Ministry of Veldor … in the Kessel Strait" is what both stories are about;
    // a doctored map and a ferry sinking are different facts.
    assert!(
        !paired(
            &al,
            &a,
            &b,
            "doctored satellite map",
            "denied media reports"
        ),
        "{:?}",
        al.pairs
    );
    assert!(
        !paired(&al, &a, &b, "smugglers use", "denied media reports"),
        "{:?}",
        al.pairs
    );
    assert!(
        !paired(&al, &a, &b, "full review", "no vessel was lost"),
        "{:?}",
        al.pairs
    );
}

#[test]
fn a_fact_told_by_both_still_pairs_among_the_story_words() {
    // The same two stories, each adding one sentence telling the same new fact in the story's
    // own words plus words of its own.
    let a = format!(
        "{MAP}\nThe Harbour Ministry spokeswoman, Ilse Marren, resigned on Thursday over the map.\n"
    );
    let b = format!(
        "{FERRY}\nIlse Marren, the spokeswoman of the Harbour Ministry, resigned on Thursday.\n"
    );
    let (a, b) = (article("map", &a), article("ferry", &b));
    let al = align(&a, &b, &Options::default());
    assert!(
        paired(&al, &a, &b, "Ilse Marren, resigned", "Ilse Marren, the"),
        "{:?}",
        al.pairs
    );
    assert!(
        !paired(
            &al,
            &a,
            &b,
            "doctored satellite map",
            "denied media reports"
        ),
        "{:?}",
        al.pairs
    );
}

#[test]
fn a_quotation_both_print_pairs_though_its_words_are_the_story_words() {
    let quote = "“The Harbour Ministry of Veldor will not comment on the Kessel Strait,” the ministry said.";
    let (a, b) = (format!("{MAP}\n{quote}\n"), format!("{FERRY}\n{quote}\n"));
    let (a, b) = (article("map", &a), article("ferry", &b));
    let al = align(&a, &b, &Options::default());
    assert!(
        paired(&al, &a, &b, "will not comment", "will not comment"),
        "{:?}",
        al.pairs
    );
}

/// A wire report of a resignation.
const RESIGN_WIRE: &str = "Congressman Dale Okafor resigns

Representative Dale Okafor resigned from Congress on Friday, weeks after a former aide accused him of bullying staff.

Okafor had previously announced that he would not seek re-election in the November midterm election, when the accusations first surfaced.

“I know in my heart it is time for me to move on,” Okafor said in a statement.

The aide, Mara Lind, sued him in 2019 and was paid $52,000 from a public fund.

Okafor promised to repay the money.
";

/// A newspaper's report of the same resignation.
const RESIGN_PAPER: &str = "Okafor quits the House

WASHINGTON — Representative Dale Okafor, the Ohio Republican accused by a former aide of bullying his staff, resigned on Friday.

In March, Mr. Okafor said that he would not run for re-election amid scrutiny over the settlement.

“I know in my heart it is time for me to move on,” he said.

Ms. Lind sued him in 2019, and the case was settled for $52,000 of public money.

Colleagues said he had not yet repaid it.

After his resignation on Friday, Mr. Okafor deleted his social media accounts and the campaign page where he first announced his decision not to seek re-election.
";

#[test]
fn a_neighbour_telling_the_fact_beats_a_sentence_elsewhere_sharing_its_words() {
    let (a, b) = (article("wire", RESIGN_WIRE), article("paper", RESIGN_PAPER));
    let al = align(&a, &b, &Options::default());
    assert!(
        paired(
            &al,
            &a,
            &b,
            "would not seek re-election",
            "would not run for"
        ),
        "{:?}",
        al.pairs
    );
    assert!(
        !paired(
            &al,
            &a,
            &b,
            "would not seek re-election",
            "deleted his social"
        ),
        "{:?}",
        al.pairs
    );
}

#[test]
fn a_row_joining_sentences_from_separate_places_says_which_side_joined() {
    let a = "Councillor Ren Tavish steps down

Councillor Ren Tavish resigned from the Marlow city council on Monday after eleven years.

Tavish was sued by his former aide, Petra Oyelaran, in 2021 over claims of bullying.

The council will hold a by-election in the spring.
";
    let b = "Marlow councillor quits

MARLOW — Ren Tavish, a councillor for eleven years, resigned from the city council on Monday.

Mr. Tavish had been accused of bullying by his former aide, Petra Oyelaran.

His office budget was cut twice during his last term.

Residents of the harbour ward praised his work on flood defences.

Ms. Oyelaran sued him in 2021.

A by-election will be held in the spring.
";
    let (a, b) = (article("a", a), article("b", b));
    let cmp = parallax::compare::compare(&a, &b, &Options::default());
    let (sued, accused, later) = (
        sentence(&a, "was sued by"),
        sentence(&b, "had been accused"),
        sentence(&b, "sued him in 2021"),
    );
    let row = cmp
        .rows
        .iter()
        .find(|r| r.a == [sued])
        .expect("a row holds the lawsuit sentence");
    assert_eq!(row.b, [accused, later], "{row:?}");
    assert_eq!(row.joined, Some(parallax::compare::Side::B), "{row:?}");
    let note = row.describe().expect("a joined row is described");
    assert!(note.contains("B tells this in separate places"), "{note}");
    // Rows of consecutive sentences are not marked.
    assert!(
        cmp.rows
            .iter()
            .filter(|r| r.a != [sued])
            .all(|r| r.joined.is_none())
    );
    let json = serde_json::to_value(&cmp.rows).expect("rows serialise");
    assert!(json.as_array().unwrap().iter().any(|r| r["joined"] == "b"));
    // The text and Markdown reports list the joined row with the reader's mark and note.
    let refs = format!("A{} ↔ B{} + B{}", sued + 1, accused + 1, later + 1);
    for report in [
        parallax::report::text::render(&cmp),
        parallax::report::markdown::render(&cmp),
    ] {
        assert!(
            report.contains("Sentences brought together (1 row)"),
            "{report}"
        );
        let line = report
            .lines()
            .find(|l| l.contains('╪'))
            .expect("a joined row is marked");
        assert!(line.contains(&refs), "{line}");
        assert!(line.contains("B tells this in separate places"), "{line}");
        assert!(
            report.contains("Ms. Oyelaran sued him in 2021."),
            "{report}"
        );
    }
}

#[test]
fn different_times_of_day_are_not_the_same_fact() {
    // A timeline of e-mails and an update note: "9:24 p.m." is not "9 p.m.", and the minutes
    // are not a number the two sentences share.
    let a = article(
        "timeline",
        "Ministry e-mails show late edits\n\nAt 9:24 p.m., Ms. Marren, reading the latest draft, complained in an e-mail that the charts were wrong.\n\nThe ministry released 40 pages of e-mails on Monday.\n",
    );
    let b = article(
        "update",
        "Ministry releases e-mails\n\nUPDATE: 9 p.m. -- A government spokesman said he hoped the disclosure would end the dispute.\n\nThe ministry made public 40 pages of e-mails on Monday.\n",
    );
    let al = align(&a, &b, &Options::default());
    assert!(!paired(&al, &a, &b, "At 9:24", "UPDATE"), "{:?}", al.pairs);
    assert!(
        paired(&al, &a, &b, "released 40 pages", "made public 40 pages"),
        "{:?}",
        al.pairs
    );
    // The same time written with and without its minutes still counts as shared.
    let a = article(
        "a",
        "Vote on the bridge\n\nThe council voted on the Amsel bridge at 5:00 p.m. on Tuesday.\n",
    );
    let b = article(
        "b",
        "Bridge vote\n\nAt 5 p.m. on Tuesday the council voted on the Amsel bridge.\n",
    );
    let al = align(&a, &b, &Options::default());
    assert!(paired(&al, &a, &b, "5:00", "At 5"), "{:?}", al.pairs);
}

/// One outlet on a party's leadership vote, quoting the loser.
const VOTE: &str = "Marsh keeps her party's leadership

Delia Marsh was re-elected leader of the Harbour Party on Wednesday, defeating Owen Pike by 134 votes to 63.

Pike, a former union organiser from the north, had argued that the party needed a new face after its defeat.

“Clearly, this didn't turn out the way we wanted,” Pike said after the vote.

The party lost 40 seats in the autumn election.

“We will work professionally and cooperatively with all our unions, as we always have, through a long spring of talks over pay and pensions,” Tom Reyes, the carrier's negotiator, said.
";

/// The other outlet: the same vote, quoting another member.
const CAUCUS: &str = "Marsh fends off challenge

Delia Marsh won re-election as leader of the Harbour Party on Wednesday, beating Owen Pike by 134 votes to 63.

Pike, who organised dock workers in the north before entering parliament, said the party needed a new face.

“I think there's a lot of soul-searching,” said Carla Mendes, a member from the coast.

“And a lot of really wanting to have a plan.”

The party lost 40 seats in the autumn election.

“The airline will work professionally and cooperatively with all our unions,” said Sara Fields, a vice president.
";

/// Asserts, for each (phrase of A, phrase of B, paired or not), whether the two phrases'
/// sentences are aligned as a pair.
fn expect_pairs(
    al: &parallax::compare::align::Alignment,
    a: &parallax::corpus::Article,
    b: &parallax::corpus::Article,
    expected: &[(&str, &str, bool)],
) {
    for &(x, y, want) in expected {
        assert_eq!(
            paired(al, a, b, x, y),
            want,
            "{x:?} / {y:?}: {:?}",
            al.pairs
        );
    }
}

#[test]
fn quotations_of_two_different_speakers_are_two_statements() {
    let (a, b) = (article("vote", VOTE), article("caucus", CAUCUS));
    let al = align(&a, &b, &Options::default());
    expect_pairs(
        &al,
        &a,
        &b,
        &[
            ("re-elected leader", "won re-election", true),
            ("lost 40 seats", "lost 40 seats", true),
            // The loser's verdict and another member's soul-searching share a word
            // ("wanted", "wanting") and their place between two aligned pairs, but not a
            // speaker.
            ("Clearly", "really wanting", false),
            // One statement, attributed to the company's negotiator by one outlet and to its
            // vice president by the other: the same quoted words make it one.
            ("work professionally", "work professionally", true),
        ],
    );
}

#[test]
fn a_lone_pair_of_two_speakers_quotations_is_not_paired_by_its_place() {
    // One sentence left on each side between two aligned pairs: their place would pair them,
    // but what two people said are two statements.
    let caucus = CAUCUS.replace(
        "“I think there's a lot of soul-searching,” said Carla Mendes, a member from the coast.\n\n“And a lot of really wanting to have a plan.”",
        "“There is a lot of really wanting to have a plan,” said Carla Mendes, a member from the coast.",
    );
    assert_ne!(caucus, CAUCUS);
    let (a, b) = (article("vote", VOTE), article("caucus", &caucus));
    let al = align(&a, &b, &Options::default());
    expect_pairs(
        &al,
        &a,
        &b,
        &[
            ("lost 40 seats", "lost 40 seats", true),
            ("Clearly", "really wanting", false),
        ],
    );
}

#[test]
fn two_things_one_speaker_said_are_two_statements() {
    // Each outlet quotes another line of the winner's speech; the two lines share a word
    // ("towns") and their place between two aligned pairs, not what they say.
    let vote = "Marsh keeps her party's leadership

Delia Marsh was re-elected leader of the Harbour Party on Wednesday, defeating Owen Pike by 134 votes to 63.

“We are talking about a betrayal of our towns,” Marsh said.

The party lost 40 seats in the autumn election.
";
    let caucus = "Marsh fends off challenge

Delia Marsh won re-election as leader of the Harbour Party on Wednesday, beating Owen Pike by 134 votes to 63.

“We have more people leaving our towns than ever before,” Marsh said.

The party lost 40 seats in the autumn election.
";
    let (a, b) = (article("vote", vote), article("caucus", caucus));
    let al = align(&a, &b, &Options::default());
    expect_pairs(
        &al,
        &a,
        &b,
        &[
            ("re-elected leader", "won re-election", true),
            ("lost 40 seats", "lost 40 seats", true),
            ("betrayal", "leaving our towns", false),
        ],
    );
    // Three words in a row of one phrase ("of our towns") do not make the lines one.
    let moving = caucus.replace("leaving our towns", "moving out of our towns");
    let b = article("caucus", &moving);
    let al = align(&a, &b, &Options::default());
    expect_pairs(
        &al,
        &a,
        &b,
        &[("betrayal", "moving out of our towns", false)],
    );
    // One line of hers in two outlets' words stays one statement.
    let caucus = caucus.replace(
        "“We have more people leaving our towns than ever before,”",
        "“This government has betrayed the port towns,”",
    );
    let b = article("caucus", &caucus);
    let al = align(&a, &b, &Options::default());
    expect_pairs(&al, &a, &b, &[("betrayal", "betrayed", true)]);
}

#[test]
fn two_things_a_described_speaker_said_are_two_statements() {
    // Each outlet quotes another line of one ministry, described, not named ("the agency",
    // "the navy"): the lines share a place and their spot between two aligned pairs, not
    // what they say.
    let denial = "Veldor denies losses

The Harbour Ministry of Veldor has denied reports that three of its sailors died in a raid on Tuesday.

According to the agency, “there were no losses among the crews in the province of Amsel Bay, nor anywhere else on the coast.”

The ministry accused two foreign newspapers of spreading rumours about the raid.
";
    let claims = "Veldor says the raiders were driven off

The Harbour Ministry of Veldor has denied reports that three of its sailors died in a raid on Tuesday.

The navy also said its patrols “drove off four fast boats on the road from Kessel to Amsel Bay” and freed two fishing villages.

The ministry accused two foreign newspapers of spreading rumours about the raid.
";
    let (a, b) = (article("denial", denial), article("claims", claims));
    let al = align(&a, &b, &Options::default());
    expect_pairs(
        &al,
        &a,
        &b,
        &[
            ("denied reports", "denied reports", true),
            ("accused two", "accused two", true),
            ("no losses", "fast boats", false),
        ],
    );
    // One line of the ministry, quoted whole by one outlet and in part by the other, stays
    // one statement.
    let claims = claims.replace(
        "The navy also said its patrols “drove off four fast boats on the road from Kessel to Amsel Bay” and freed two fishing villages.",
        "The statement said there were “no losses among the crews” in Amsel Bay.",
    );
    let b = article("claims", &claims);
    let al = align(&a, &b, &Options::default());
    expect_pairs(&al, &a, &b, &[("no losses", "no losses", true)]);
}

#[test]
fn out_of_order_sentences_sharing_one_word_are_not_moved_pairs() {
    // Each side has one sentence the other does not tell, out of order, sharing one word: a
    // coincidence, not the same fact, however rare the word.
    let local = "Varga keeps the harbour seat

Mayor Ilse Varga won a third term on Sunday, beating Tomas Ek by 5,210 votes to 3,904.

Turnout reached 61 percent, the highest in twenty years.

Ek conceded before midnight and promised to work with the council.

Critics called the response sluggish.
";
    let wire = "Mayor re-elected in port town

Ilse Varga was re-elected mayor on Sunday with 5,210 votes to 3,904 for Tomas Ek.

A terse response followed.

Turnout reached 61 percent, the highest in twenty years.

Ek conceded before midnight and promised to work with the council.
";
    let (a, b) = (article("local", local), article("wire", wire));
    let al = align(&a, &b, &Options::default());
    assert!(!paired(&al, &a, &b, "Critics called", "A terse response"));
    // Two words in common, out of order, still make a moved pair.
    let local = local.replace(
        "Critics called the response sluggish.",
        "Critics called the response to the flood sluggish.",
    );
    let wire = wire.replace(
        "A terse response followed.",
        "A terse response followed the flood.",
    );
    let (a, b) = (article("local", &local), article("wire", &wire));
    let al = align(&a, &b, &Options::default());
    assert!(paired(&al, &a, &b, "Critics called", "A terse response"));
}

#[test]
fn a_sentence_quoting_two_lines_of_a_statement_is_shown_with_both() {
    // One outlet sums up the mayor's statement in one sentence with two phrases of it; the
    // other prints the statement, two sentences, early on. Out of order, the first phrase
    // makes a moved pair; the second brings its sentence into that row.
    let local = "Varga keeps the harbour seat

Mayor Ilse Varga won a third term on Sunday, beating Tomas Ek by 5,210 votes to 3,904.

Turnout reached 61 percent, the highest in twenty years.

Ek conceded before midnight and promised to work with the council.

Varga called rebuilding the pier a “shared duty” that reaches “beyond party lines.”
";
    let wire = "Mayor re-elected in port town

Ilse Varga was re-elected mayor on Sunday with 5,210 votes to 3,904 for Tomas Ek.

“Rebuilding the old pier is a shared duty for every family here,” Varga told supporters. “It goes well beyond party lines, and the council will vote on the money in March.”

Turnout reached 61 percent, the highest in twenty years.

Ek conceded before midnight and promised to work with the council.
";
    let (a, b) = (article("local", local), article("wire", wire));
    let cmp = parallax::compare::compare(&a, &b, &Options::default());
    let i = sentence(&a, "“shared duty”");
    let (j1, j2) = (
        sentence(&b, "Rebuilding the old pier"),
        sentence(&b, "It goes well"),
    );
    for j in [j1, j2] {
        assert!(
            cmp.alignment
                .iter()
                .any(|p| (p.a, p.b, p.moved) == (i, j, true)),
            "A{i} with B{j}: {:?}",
            cmp.alignment
        );
    }
    // One row, at A's place, holds the three sentences; each appears nowhere else.
    let row: Vec<_> = cmp.rows.iter().filter(|r| r.a.contains(&i)).collect();
    assert_eq!(row.len(), 1);
    assert_eq!(
        (row[0].a.clone(), row[0].b.clone()),
        (vec![i], vec![j1, j2])
    );
    assert_eq!(row[0].kind, parallax::compare::RowKind::Moved);
    for j in [j1, j2] {
        assert_eq!(cmp.rows.iter().filter(|r| r.b.contains(&j)).count(), 1);
    }
}

#[test]
fn a_moved_row_grows_on_both_sides_and_faces_all_its_sentences() {
    // Each side tells the mayor's statement in two sentences, in a different place: the
    // local paper sums it up at the end, the wire prints it early. Every sentence carries a
    // phrase of it that the other side prints too, so all four are one row.
    let local = "Varga keeps the harbour seat

Mayor Ilse Varga won a third term on Sunday, beating Tomas Ek by 5,210 votes to 3,904.

Turnout reached 61 percent, the highest in twenty years.

Ek conceded before midnight and promised to work with the council.

Varga called rebuilding the pier a “shared duty” to be paid for “without new taxes.”

Work would start, she said, “before the storms.”
";
    let wire = "Mayor re-elected in port town

Ilse Varga was re-elected mayor on Sunday with 5,210 votes to 3,904 for Tomas Ek.

“Rebuilding the old pier is a shared duty for every family here,” Varga told supporters. “We will do it without new taxes, and the harbour board will sign off before the storms.”

Turnout reached 61 percent, the highest in twenty years.

Ek conceded before midnight and promised to work with the council.
";
    let (a, b) = (article("local", local), article("wire", wire));
    let cmp = parallax::compare::compare(&a, &b, &Options::default());
    let (i1, i2) = (
        sentence(&a, "“shared duty”"),
        sentence(&a, "Work would start"),
    );
    let (j1, j2) = (
        sentence(&b, "Rebuilding the old pier"),
        sentence(&b, "We will do it"),
    );
    for (i, j) in [(i1, j1), (i1, j2), (i2, j1), (i2, j2)] {
        assert!(
            cmp.alignment
                .iter()
                .any(|p| (p.a, p.b, p.moved) == (i, j, true)),
            "A{i} with B{j}: {:?}",
            cmp.alignment
        );
    }
    let rows: Vec<_> = cmp
        .rows
        .iter()
        .filter(|r| r.a.contains(&i1) || r.a.contains(&i2))
        .collect();
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert_eq!(rows[0].kind, parallax::compare::RowKind::Moved);
    assert_eq!(
        (rows[0].a.clone(), rows[0].b.clone()),
        (vec![i1, i2], vec![j1, j2])
    );
    // Each sentence stands in one row only.
    for (side, n) in [
        (0, a.analysis.sentences.len()),
        (1, b.analysis.sentences.len()),
    ] {
        let mut seen = vec![0; n];
        for r in &cmp.rows {
            for &k in if side == 0 { &r.a } else { &r.b } {
                seen[k] += 1;
            }
        }
        assert!(seen.iter().all(|&c| c == 1), "{side}: {seen:?}");
    }
}

#[test]
fn sentences_carrying_one_shared_quotation_are_side_by_side() {
    // Each outlet tells the mayor's reaction in its own words around one word of hers, in
    // different places: word statistics alone leave the two sentences apart.
    let local = "Varga keeps the harbour seat

Mayor Ilse Varga won a third term on Sunday, beating Tomas Ek by 5,210 votes to 3,904.

Varga said afterward that she was “exhilarated” by the turnout and that she had predicted the margin.

Turnout reached 61 percent, the highest in twenty years.

Ek conceded before midnight and promised to work with the council.

Varga described rebuilding the old pier as a “shared duty,” her campaign's central promise.
";
    let wire = "Mayor re-elected in port town

Ilse Varga was re-elected mayor on Sunday with 5,210 votes to 3,904 for Tomas Ek.

Turnout reached 61 percent, the highest in twenty years.

Ek conceded before midnight and promised to work with the council.

“Rebuilding the old pier is a shared duty for every family here,” Varga said.

Speaking to supporters outside the town hall, the mayor said she felt “exhilarated” to be returned.
";
    let (a, b) = (article("local", local), article("wire", wire));
    let opts = Options::default();
    let (x, y) = ("was “exhilarated”", "felt “exhilarated”");
    // The alignment alone does not pair them.
    let al = align(&a, &b, &opts);
    assert!(!paired(&al, &a, &b, x, y));
    // The comparison, which knows the shared quotations, does, as a moved pair.
    let cmp = parallax::compare::compare(&a, &b, &opts);
    let (i, j) = (sentence(&a, x), sentence(&b, y));
    assert!(
        cmp.alignment
            .iter()
            .any(|p| (p.a, p.b, p.moved) == (i, j, true)),
        "{:?}",
        cmp.alignment
    );
    // Every sentence still stands in exactly one row.
    for (side, n) in [
        (0, a.analysis.sentences.len()),
        (1, b.analysis.sentences.len()),
    ] {
        let mut seen = vec![0; n];
        for r in &cmp.rows {
            for &k in if side == 0 { &r.a } else { &r.b } {
                seen[k] += 1;
            }
        }
        assert!(seen.iter().all(|&c| c == 1), "{side}: {seen:?}");
    }
}
