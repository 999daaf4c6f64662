//! Alignment on real-style coverage: two outlets' reports of one event, written for these
//! tests in the manner of a wire-style and a newspaper-style report, and the demo seeds. The
//! pairs a reader comparing the outlets wants side by side: the ledes, the same scene in other
//! adjectives, the same fact with the agency named differently, a date told two ways.

use parallax::compare::align::align;
use parallax::compare::{Options, compare};
use parallax::corpus;

mod align_support;
use align_support::{article, paired, sentence};

const WIRE: &str = "FBI agent Peter Strzok fired over anti-Trump texts

FBI official Peter Strzok, who was removed from the special counsel's Russia investigation after his anti-Trump text messages came to light, has been fired, his lawyer said Monday.

Strzok's attorney, Aitan Goelman, said Deputy Director David Bowdich ordered the firing on Friday, overruling the bureau's disciplinary office, which had recommended a 60-day suspension.

In an explosive congressional hearing last month, Strzok insisted his personal views never affected his work.

Strzok exchanged thousands of messages with FBI lawyer Lisa Page during the 2016 campaign.

Lisa Page left the bureau earlier this year.

President Trump cheered the news on Twitter within hours.
";

const PAPER: &str = "Peter Strzok, F.B.I. Agent Who Disparaged Trump in Texts, Is Fired

WASHINGTON — Peter Strzok, the senior F.B.I. counterintelligence agent who disparaged President Trump in text messages, has been fired, his lawyer said on Monday.

The deputy director, David Bowdich, overruled the bureau's Office of Professional Responsibility, which had decided that a 60-day suspension was enough, said the lawyer, Aitan Goelman.

In a heated congressional hearing last month, Mr. Strzok testified that his political views had never influenced his official actions.

His messages with Lisa Page, then an F.B.I. lawyer, were first made public last December.

Ms. Page, who was also removed from the special counsel's team, quit the F.B.I. in May.

Mr. Trump celebrated the firing in a Twitter post.
";

#[test]
fn the_ledes_are_paired() {
    let (a, b) = (article("wire", WIRE), article("paper", PAPER));
    let al = align(&a, &b, &Options::default());
    assert!(
        paired(
            &al,
            &a,
            &b,
            "FBI official Peter Strzok",
            "WASHINGTON — Peter Strzok"
        ),
        "{:?}",
        al.pairs
    );
}

#[test]
fn the_same_scene_in_other_adjectives_is_paired() {
    let (a, b) = (article("wire", WIRE), article("paper", PAPER));
    let al = align(&a, &b, &Options::default());
    assert!(
        paired(
            &al,
            &a,
            &b,
            "In an explosive congressional",
            "In a heated congressional"
        ),
        "{:?}",
        al.pairs
    );
}

#[test]
fn the_same_departure_with_the_agency_named_differently_is_paired() {
    let (a, b) = (article("wire", WIRE), article("paper", PAPER));
    let al = align(&a, &b, &Options::default());
    assert!(
        paired(
            &al,
            &a,
            &b,
            "Lisa Page left the bureau",
            "quit the F.B.I. in May"
        ),
        "{:?}",
        al.pairs
    );
    // The texts themselves are a different fact and stay apart from the departure.
    assert!(!paired(
        &al,
        &a,
        &b,
        "Lisa Page left the bureau",
        "His messages with Lisa Page"
    ));
}

#[test]
fn a_framing_label_holds_on_a_distant_pair() {
    let (a, b) = (article("wire", WIRE), article("paper", PAPER));
    let cmp = compare(&a, &b, &Options::default());
    for f in &cmp.framing {
        for c in &f.changes {
            if c.label == parallax::compare::ContrastLabel::Number {
                // "number" only for stretches holding a figure.
                let digits = |side: &parallax::compare::SideInfo,
                              s: Option<parallax::text::Span>| {
                    s.is_some_and(|s| s.slice(&side.text).chars().any(|ch| ch.is_ascii_digit()))
                };
                assert!(digits(&cmp.a, c.a) || digits(&cmp.b, c.b), "{c:?}");
            }
        }
        if !f.word_diff {
            assert!(
                f.changes
                    .iter()
                    .all(|c| c.label != parallax::compare::ContrastLabel::Wording)
            );
        }
    }
}

#[test]
fn demo_the_russian_intervention_dated_two_ways_is_paired() {
    let lib = corpus::demo();
    let a = lib.get("hoax-denial").expect("demo article");
    let b = lib.get("duran-doubles-down").expect("demo article");
    let al = align(a, b, &Options::default());
    assert!(
        paired(
            &al,
            a,
            b,
            "since the Russian intervention in Syria in September 2015",
            "since 2015, when it stepped in to support the regime"
        ),
        "{:?}",
        al.pairs
    );
}

/// One flood, two reports whose ledes tell the same event in the words both articles repeat
/// throughout ("declared", "flood emergency", "Tessin river", "villages").
const FLOOD_WIRE: &str = "Marlow declares flood emergency

Governor Ruth Okafor declared a flood emergency along the Tessin river on Friday, ordering the evacuation of low-lying villages as water levels kept rising.

The flood emergency allows the state to draw on reserve funds for sandbags, pumps and shelters.

Water levels on the Tessin river rose by two metres overnight, the river authority said.

Okafor declared the emergency after meeting mayors of the river villages.

About 4,000 residents of the villages have been told to leave their homes.

Schools in the region will stay closed until Wednesday.
";

const FLOOD_PAPER: &str = "Governor orders evacuations as Tessin floods

HALDEN — Marlow has declared a flood emergency on the Tessin river, and thousands of people are leaving the villages on its banks.

Governor Ruth Okafor declared the emergency at a news conference in Halden, flanked by the mayors of the villages.

Some 4,000 residents of the villages are affected, officials said.

The Tessin reached its highest level since 1998 on Thursday night.

The flood emergency frees money for pumps and sandbags, the governor's office said.

Farmers along the river said their fields were already under water.
";

#[test]
fn ledes_telling_one_event_in_the_story_words_are_paired() {
    let (a, b) = (article("wire", FLOOD_WIRE), article("paper", FLOOD_PAPER));
    let al = align(&a, &b, &Options::default());
    // Every word the ledes share recurs in both articles, so their words alone are no evidence;
    // they share the event ("declared a flood emergency"), not only names, and open both
    // reports.
    assert!(
        paired(
            &al,
            &a,
            &b,
            "Governor Ruth Okafor declared a flood emergency",
            "HALDEN — Marlow has declared"
        ),
        "{:?}",
        al.pairs
    );
    // The lede is not run together with the later sentence on the news conference.
    assert!(
        !paired(
            &al,
            &a,
            &b,
            "Governor Ruth Okafor declared a flood emergency",
            "at a news conference"
        ),
        "{:?}",
        al.pairs
    );
}

/// A council vote, told in different orders; A's last sentence resembles two different
/// sentences of B about equally.
const VOTE_WIRE: &str = "Harrow council re-elects Lind as leader

Councillor Maya Lind was re-elected leader of Harrow council on Tuesday, beating her only challenger, Owen Pratt, by 31 votes to 17.

Pratt had argued that the council needed a younger voice after a year of budget cuts.

Lind promised to reopen the two libraries closed in March.

She said the vote showed that the council trusted her plan for the town centre.

The other senior council posts went unchallenged.
";

const VOTE_PAPER: &str = "Lind keeps Harrow leadership despite revolt

HARROW — Maya Lind will lead Harrow council for another four years after a vote on Tuesday.

She is the first woman to hold a senior post on the council since its founding.

Ravi Shah has held a senior council post for years.

Lind beat Owen Pratt, her only challenger, by 31 votes to 17.

Pratt said the council needed a younger voice after the budget cuts.

Lind said she would reopen the two libraries that closed in March.
";

#[test]
fn an_out_of_order_pair_with_a_near_rival_is_not_made() {
    let (a, b) = (article("wire", VOTE_WIRE), article("paper", VOTE_PAPER));
    let al = align(&a, &b, &Options::default());
    // "The other senior council posts went unchallenged" shares "senior council post" with
    // "the first woman to hold a senior post" and with "has held a senior council post":
    // out of order, and no better a match for one than for the other, it is neither fact.
    for other in ["the first woman", "Ravi Shah"] {
        assert!(
            !paired(&al, &a, &b, "went unchallenged", other),
            "{:?}",
            al.pairs
        );
    }
    // The facts both tell still pair.
    assert!(paired(&al, &a, &b, "younger voice", "younger voice"));
    assert!(paired(&al, &a, &b, "two libraries", "two libraries"));
}

/// A storm told in the same order by both outlets; the third sentences tell the same work at
/// Brenn in different words.
const STORM_WIRE: &str = "Storm closes Kettle Bay port

The port of Kettle Bay was closed on Monday as a storm with winds of up to 140 kilometres an hour swept the coast.

Harbour master Jonas Veld said no ship would leave before Wednesday.

Crews worked through the night to shore up the old harbour wall near Brenn.

Ferries to the islands were cancelled.

The weather service expects the storm to weaken by Tuesday evening.
";

const STORM_PAPER: &str = "Kettle Bay port shut as storm hits

Kettle Bay's port shut on Monday while a storm brought winds of 140 kilometres an hour to the coast.

No ship will sail before Wednesday, harbour master Jonas Veld said.

In Brenn, soldiers spent hours piling sandbags along the old dyke.

Brenn's mayor, Ida Holm, thanked the soldiers and asked residents to stay indoors.

Shops in the town centre stayed closed.
";

#[test]
fn a_pair_continuing_a_run_told_in_the_same_order_is_paired() {
    let (a, b) = (article("wire", STORM_WIRE), article("paper", STORM_PAPER));
    let al = align(&a, &b, &Options::default());
    // Sharing only "Brenn" and "old", the pair scores below `min_score`; right after two
    // paired sentences on both sides, its place supports it.
    assert!(
        paired(
            &al,
            &a,
            &b,
            "shore up the old harbour wall",
            "piling sandbags"
        ),
        "{:?}",
        al.pairs
    );
    // The mayor's thanks, which also names Brenn, is another fact and is not next in line.
    assert!(
        !paired(&al, &a, &b, "shore up the old harbour wall", "Ida Holm"),
        "{:?}",
        al.pairs
    );
}

const BRIDGE_FULL: &str = "Valley bridge approved

The council approved the new bridge over the Marren River on Tuesday by nine votes to two.

Mayor Lena Ortiz thanked the engineers.

\"Marren Valley is not a museum.

Marren Valley is not a theme park.

It is where people live and work,\" she said.

Work on the bridge starts in the spring.
";

const BRIDGE_SHORT: &str = "Council backs Marren bridge

Councillors voted nine to two on Tuesday to build a bridge over the Marren River.

Mayor Lena Ortiz thanked the engineers.

\"Marren Valley is not a museum,\" she told a crowd of farmers and shopkeepers at the town hall.

Opponents said the money should go to schools.
";

#[test]
fn a_line_of_a_speech_one_outlet_alone_quotes_stays_in_the_row_of_the_one_before_it() {
    let (a, b) = (article("full", BRIDGE_FULL), article("short", BRIDGE_SHORT));
    let al = align(&a, &b, &Options::default());
    assert!(
        paired(&al, &a, &b, "is not a museum", "is not a museum"),
        "{:?}",
        al.pairs
    );
    // The mayor's next line, which only A quotes, says the same thing again in other words:
    // it shares little with B's longer sentence, so the row's score drops when it joins, but
    // it is part of what B's sentence reports.
    let (museum, park) = (
        sentence(&a, "is not a museum"),
        sentence(&a, "is not a theme park"),
    );
    let row = al
        .rows
        .iter()
        .find(|r| r.a.contains(&museum))
        .expect("a row holds the first line");
    assert!(row.a.contains(&park), "rows: {:?}", al.rows);
    // Its last line, about where people live, is a third thing and stays on its own.
    let live = sentence(&a, "where people live");
    assert!(!row.a.contains(&live), "rows: {:?}", al.rows);
}

/// One outlet gives the statement's last line early; the other keeps it for its end.
const QUILL_WIRE: &str = "Quill resigns from the Harbour Assembly

Representative Ada Quill resigned from the Harbour Assembly on Friday after months of complaints from her staff.

“Leaving my service in the Assembly, I can look back on a career in public office and say that it was well worth it,” Quill said in a statement.

Quill was sued by her former aide, Tom Reyes, in 2019, alleging a hostile workplace, unpaid overtime and retaliation.

Quill pledged to repay the 84,000 crowns of public money spent to settle the claim.

Her office did not answer questions about her plans.
";

const QUILL_PAPER: &str = "Assembly member who settled a complaint with public money resigns

Ada Quill, the Harbour Assembly member who used 84,000 crowns of public money to settle a complaint by a former aide, resigned on Friday.

Tom Reyes, her former aide, had complained of long hours for years before he went to court.

He sued her in 2019, saying she had dismissed him after he complained about mistreatment.

Her spokesman said she had pledged to repay the settlement.

“Leaving my service in the Assembly,” she said, “I can look back on a career in public office and say that it was well worth it.”
";

#[test]
fn a_quotation_moved_to_the_end_does_not_hold_the_facts_it_jumps_over() {
    let (a, b) = (article("wire", QUILL_WIRE), article("paper", QUILL_PAPER));
    let al = align(&a, &b, &Options::default());
    // The quotation is still paired, as a sentence one outlet moved.
    let (qa, qb) = (
        sentence(&a, "Leaving my service"),
        sentence(&b, "Leaving my service"),
    );
    let quote = al.pairs.iter().find(|p| (p.a, p.b) == (qa, qb));
    assert!(quote.is_some_and(|p| p.moved), "{:?}", al.pairs);
    // The facts both tell after the lede, in the same order, are paired around it.
    assert!(
        paired(&al, &a, &b, "was sued by", "went to court")
            || paired(&al, &a, &b, "was sued by", "sued her in 2019"),
        "{:?}",
        al.pairs
    );
    assert!(
        paired(&al, &a, &b, "pledged to repay", "pledged to repay"),
        "{:?}",
        al.pairs
    );
    assert!(paired(&al, &a, &b, "resigned from", "resigned on Friday"));
}
