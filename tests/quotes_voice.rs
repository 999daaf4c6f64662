//! Whose words a quotation is: kinds (speech, scare, title, term) and speakers (named, pronouns,
//! continued quotations, attributions earlier in the sentence), on hand-written articles.

use parallax::text::QuotationKind::{self, Scare, Speech, Term, Title};
use parallax::text::quotes::{Quote, extract};
use parallax::text::{ParagraphRole, segment};

fn quotes(text: &str) -> Vec<Quote> {
    extract(text, &segment::paragraphs(text))
}

/// (quoted words, kind, speaker as written) of every quotation.
fn voices(text: &str) -> Vec<(&str, QuotationKind, Option<&str>)> {
    quotes(text)
        .into_iter()
        .map(|q| {
            (
                q.inner.slice(text),
                q.class,
                q.speaker.map(|s| s.slice(text)),
            )
        })
        .collect()
}

#[test]
fn writer_distancing_is_a_scare_quote() {
    let text = "The army shelled what it calls the so-called ‘moderate rebels’ near the river.\n\n\
                Residents were shown the “evidence” at a briefing.";
    let v = voices(text);
    assert_eq!(v[0], ("moderate rebels", Scare, None));
    assert_eq!(v[1], ("evidence", Scare, None));
}

#[test]
fn a_short_phrase_someone_used_is_their_speech() {
    let text = "Governor Ana Ruiz called the ruling “deeply unfair” on Monday.\n\n\
                The ministry said it had “irrefutable evidence” of the plot.";
    let v = voices(text);
    assert_eq!(v[0], ("deeply unfair", Speech, Some("Governor Ana Ruiz")));
    assert_eq!(v[1], ("irrefutable evidence", Speech, Some("The ministry")));
}

#[test]
fn a_short_phrase_repeating_a_longer_quotation_is_speech() {
    let text = "“We will not accept a rigged count in this county,” Mayor Tom Hale said.\n\n\
                Critics noted that the “rigged count” was certified twice.";
    let v = voices(text);
    assert_eq!(v[1].0, "rigged count");
    assert_eq!(v[1].1, Speech);
}

#[test]
fn names_of_shows_and_laws_are_titles() {
    let text = "She said as much on “Evening Round Table” last week.\n\n\
                The senator wrote the “Clean Harbours” Act in 2019.";
    let v = voices(text);
    assert_eq!(v[0], ("Evening Round Table", Title, None));
    assert_eq!(v[1], ("Clean Harbours", Title, None));
}

#[test]
fn words_mentioned_as_words_are_terms() {
    let text = "Officers, nicknamed “the Lions” by locals, patrol at night.\n\n\
                Analysts avoid the term “hybrid war” in their reports.";
    let v = voices(text);
    assert_eq!(v[0], ("the Lions", Term, None));
    assert_eq!(v[1], ("hybrid war", Term, None));
}

#[test]
fn pronouns_resolve_to_the_last_named_speaker() {
    let text = "Senator Mara Quint spoke to reporters after the vote on Tuesday.\n\n\
                “We have the numbers and we will use them,” she said.\n\n\
                “Nobody should doubt that for a minute,” she added.";
    let v = voices(text);
    assert_eq!(v[0].2, Some("Senator Mara Quint"));
    assert_eq!(v[1].2, Some("Senator Mara Quint"));
}

#[test]
fn a_pronoun_after_a_sentence_opening_with_a_participle_clause_is_its_subject() {
    // The subject comes after the clause's comma, however long the clause, and past the
    // commas inside it; an adjective in -ing before a name opens no clause.
    let text = "Trying to regain ground after losing a long battle with the council over the harbour \
                budget, Mayor Ines Varga insisted that the flooding was a threat to the whole city.\n\n\
                “We are going to rebuild the sea wall one way or the other,” she said. \
                “It is an emergency,” she added.\n\n\
                Asked, for instance, if the council would be willing to revise the plan to win \
                over the fishermen, the council's spokesman, Arno Beck, said changes would be fine.\n\n\
                Then he cautioned: “The money will not come twice.”\n\n\
                Outgoing Harbour Master Lena Ortiz warned on Monday that the wall was failing.\n\n\
                “The next storm will find it,” she said.";
    let v = voices(text);
    assert_eq!(v[0].2, Some("Mayor Ines Varga"));
    assert_eq!(v[1].2, Some("Mayor Ines Varga"));
    assert_eq!(v[2].2, Some("Arno Beck"));
    assert!(
        v[3].2.is_some_and(|s| s.ends_with("Lena Ortiz")),
        "{:?}",
        v[3]
    );
}

#[test]
fn attribution_before_with_a_phrase_between_names_the_speaker() {
    let text = "Paul Ndiaye said in a statement: “The port will reopen on Friday morning.”\n\n\
                The agency told reporters that the damage was “far worse than expected.”";
    let v = voices(text);
    assert_eq!(v[0].2, Some("Paul Ndiaye"));
    assert_eq!(v[1].2, Some("The agency"));
    let q = &quotes(text)[0];
    assert_eq!(
        q.attribution.map(|a| a.slice(text)),
        Some("Paul Ndiaye said")
    );
}

#[test]
fn a_quotation_running_on_keeps_its_speaker() {
    // The second sentence of a quotation, after the attribution, has none of its own.
    let text =
        "“The bridge is safe,” said Lola Brandt, the engineer. “We checked every bolt twice.”";
    let v = voices(text);
    assert_eq!(v[0].2, Some("Lola Brandt"));
    assert_eq!(v[1].2, Some("Lola Brandt"));
}

#[test]
fn a_quotation_across_paragraphs_is_one_speech_with_one_speaker() {
    let text = "Chief Ines Varga described the night in detail.\n\n\
                “The first call came at two in the morning, and we were out of the door in minutes.\n\n\
                “By dawn the water had reached the second floor of the school,” she said.";
    let qs = quotes(text);
    assert_eq!(qs.len(), 1, "{qs:?}");
    assert_eq!(qs[0].class, Speech);
    assert_eq!(
        qs[0].speaker.map(|s| s.slice(text)),
        Some("Chief Ines Varga")
    );
    assert!(qs[0].inner.slice(text).contains("second floor"));
}

#[test]
fn a_scare_quote_nested_in_speech_is_the_speakers() {
    let text =
        "“They keep calling these ‘accidents’ and nobody believes them,” Mayor Tom Hale said.";
    let qs = quotes(text);
    assert_eq!(qs.len(), 2);
    assert_eq!(qs[0].class, Speech);
    assert_eq!(qs[0].speaker.map(|s| s.slice(text)), Some("Mayor Tom Hale"));
    assert!(qs[1].nested);
    assert_eq!(qs[1].inner.slice(text), "accidents");
    assert_eq!(
        qs[1].class, Speech,
        "the speaker's word, not the writer's distancing"
    );
}

#[test]
fn a_name_with_an_aside_before_its_verb_is_the_speaker() {
    let text = "“The levee held,” Mayor Rosa Pell, a Democrat, said on Monday.\n\n\
                “We were lucky,” Rep. Tom Adair (R-Ore.) told reporters.\n\n\
                “The pumps ran all night,” said a city spokesman, Omar Reyes.";
    let v = voices(text);
    assert_eq!(v[0].2, Some("Mayor Rosa Pell"));
    assert_eq!(v[1].2, Some("Rep. Tom Adair"));
    assert_eq!(v[2].2, Some("Omar Reyes"), "the name, not the description");
}

#[test]
fn quoted_as_saying_names_the_subject() {
    let text = "The allies are helping the rebels “directly”, the defence ministry is quoted \
                by a news agency as saying.";
    let v = voices(text);
    assert_eq!(v[0], ("directly", Speech, Some("the defence ministry")));
}

#[test]
fn the_sentence_subject_speaks_a_partial_quotation_after_an_aside() {
    let text = "WASHINGTON — On Friday, the aide, Mina Kors, 29, wrote on her page that \
                the twins should “show some class” at dinners.\n\n\
                Senator Ada Bell, Democrat of Maine, also said in a statement that she hoped \
                the council would be “true to its word” this time.\n\n\
                Twenty minutes later, Ms. Bell sent an e-mail, objecting that the plan could be \
                “abused” by insurers.";
    let v = voices(text);
    assert_eq!(v[0].2, Some("Mina Kors"));
    assert_eq!(v[1].2, Some("Senator Ada Bell"));
    assert_eq!(v[2], ("abused", Speech, Some("Ms. Bell")));
}

#[test]
fn an_abbreviation_does_not_end_the_attributing_sentence() {
    let text = "Mr. Hale spoke first.\n\n\
                A U.S. trade official told reporters the deal was done “by early spring.”";
    let v = voices(text);
    assert_eq!(v[0].2, Some("A U.S. trade official"));
}

#[test]
fn the_statement_refers_back_to_who_made_it() {
    let text = "Lena Ortiz, the port director, said in a statement on Friday that the cranes \
                were safe.\n\n\
                “Every crane was inspected twice this year,” the statement said.";
    let v = voices(text);
    assert_eq!(v[0].2, Some("Lena Ortiz"));
}

#[test]
fn short_whole_sentences_and_colon_quotes_are_speech() {
    let text = "“We lost the vote,” Mayor Tom Hale said on Tuesday. “God help us.”\n\n\
                The sign by the door still reads: “Staff only”.";
    let v = voices(text);
    assert_eq!(v[1], ("God help us.", Speech, Some("Mayor Tom Hale")));
    assert_eq!(v[2].1, Speech);
}

#[test]
fn capitalised_names_nobody_says_are_terms_and_named_works_titles() {
    let text = "He built a “Tent City,” a camp for inmates, in 1993.\n\n\
                The photo came from the mobile videogame “Harbour Strike: Night Ops.”\n\n\
                Officials use what is called “deconfliction” to avoid clashes.";
    let v = voices(text);
    assert_eq!(v[0].1, Term);
    assert_eq!(v[1].1, Title);
    assert_eq!(v[2].1, Term);
}

#[test]
fn a_paragraph_introduced_with_a_colon_is_a_block_quotation() {
    let text = "Jo Marr later deleted the post. Read the full post:\n\n\
                Dear neighbours, the fence stays where it is. Stop asking.\n\n\
                The council did not comment.";
    let qs = quotes(text);
    assert_eq!(qs.len(), 1, "{qs:?}");
    assert_eq!(
        qs[0].inner.slice(text),
        "Dear neighbours, the fence stays where it is. Stop asking."
    );
    assert_eq!(qs[0].class, Speech);
}

#[test]
fn parallel_quotations_share_their_kind() {
    let text = "The agency changed the phrase “attacks on the embassy compound” to \
                “protests nearby” in the draft.";
    let v = voices(text);
    assert_eq!(v[0].1, v[1].1);
    assert_ne!(v[1].1, Scare);
}

#[test]
fn a_show_someone_told_their_words_is_a_title() {
    let text = "“We were lucky this time,” Captain Ines Marr, a pilot, told “Harbour Today.”";
    let v = voices(text);
    assert_eq!(v[0].2, Some("Captain Ines Marr"));
    assert_eq!(v[1], ("Harbour Today.", Title, None));
}

#[test]
fn a_day_opening_the_sentence_is_not_its_subject() {
    let text = "Thursday night, the Kessel Port Authority issued a statement saying the pilot \
                “remains in critical condition and will need more operations.”";
    let v = voices(text);
    assert_eq!(v[0].2, Some("the Kessel Port Authority"));
}

#[test]
fn the_headline_names_no_speaker_of_the_story() {
    // A headline is not a sentence of the story: its first word ("Storm") is nobody the
    // lede's quotation could be quoting.
    let text = "Storm spurs calls for new harbour rules\n\n\
                Pilots at the scene of Wednesday’s harbour practice shooting described themselves \
                as “sitting ducks” and said the crash could have been a “massacre” without the \
                coastguard.";
    let mut paragraphs = segment::paragraphs(text);
    paragraphs[0].role = ParagraphRole::Title;
    let headline = paragraphs[0].span;
    let qs = extract(text, &paragraphs);
    assert_eq!(qs.len(), 2, "{qs:?}");
    for q in &qs {
        assert!(
            q.speaker.is_none_or(|s| !headline.overlaps(&s)),
            "{:?} quoted from the headline: {:?}",
            q.inner.slice(text),
            q.speaker.map(|s| s.slice(text))
        );
    }
}

#[test]
fn a_phrase_of_time_before_the_verb_is_not_the_speaker() {
    let text = "Mayor Tom Hale in the past has referred to the port’s “dredging deals” as \
                “shameful and illegal.”\n\n\
                Ana Ruiz on Friday also praised the council for “correcting the record.”";
    let v = voices(text);
    assert_eq!(v[0].2, Some("Mayor Tom Hale"), "{v:?}");
    assert_eq!(v[1].2, Some("Mayor Tom Hale"), "{v:?}");
    assert_eq!(v[2].2, Some("Ana Ruiz"), "{v:?}");
}

#[test]
fn a_name_before_a_noun_of_role_is_part_of_the_speaker() {
    let text = "City officials said the plan was “a disaster for everyone involved in it.”\n\n\
                Hale’s spokesman said the account “was hacked by someone else.”\n\n\
                Hale’s lawyer, Ruth Mendel, said the charges were “without any merit at all.”\n\n\
                Harbour Board spokesman said the ferry was “back in service within the week.”";
    let v = voices(text);
    assert_eq!(v[0].2, Some("City officials"), "not the city");
    assert_eq!(v[1].2, Some("Hale’s spokesman"));
    assert_eq!(v[2].2, Some("Ruth Mendel"), "the name in apposition");
    assert_eq!(v[3].2, Some("Harbour Board spokesman"));
}

#[test]
fn someones_unnamed_aide_is_not_who_a_later_quotation_is_by() {
    // The congressman, not his spokesman, called the reporter a “jackass”.
    let text = "Rep. Dan Hale denied the post. Hale’s spokesman said the account had been hacked.\n\n\
                On Tuesday the combative congressman refused questions, calling one reporter a \
                “jackass” for interrupting him.";
    let v = voices(text);
    assert_ne!(v[0].2, Some("Hale’s spokesman"), "{v:?}");
}

#[test]
fn a_sentence_names_its_own_speaker_after_colouring_verbs_and_possessives() {
    // The earlier paragraph's speaker must not carry over to a quotation its own sentence
    // attributes, with "charged", "quipped" or "complained", or to a name after a possessive.
    let text = "Mayor Ines Calder, speaking in Dover on Monday, told the crowd, “We will finish the bridge.”\n\n\
                A day earlier, state Sen. Paul Okafor charged at a rally in Harwick that the city had \
                “wasted two years and forty million dollars on a bridge to nowhere.”\n\n\
                Her campaign manager, Rita Vance, quipped that she is a “happy builder” for the whole county.\n\n\
                All we have heard, the council leader complained, is “wait for the next budget. Wait for the next budget.”\n\n\
                “We have not seen the numbers,” Sheriff Dan Avery said.\n\n\
                Harwick’s attorney general, Lena Ortiz, said in a statement that the suit was “without merit.”";
    let v = voices(text);
    assert_eq!(v[0].2, Some("Mayor Ines Calder"));
    assert_eq!(v[1].1, Speech);
    assert_eq!(v[1].2, Some("Sen. Paul Okafor"));
    assert_eq!(v[2], ("happy builder", Speech, Some("Rita Vance")));
    assert_eq!(v[3].2, Some("the council leader"));
    // A possessive and its noun of role, then the name in apposition.
    assert_eq!(v[5], ("without merit.", Speech, Some("Lena Ortiz")));
}

#[test]
fn two_names_joined_by_and_speak_together() {
    let text = "“We will not be intimidated,” Mayor Ines Calder said.\n\n\
                Harwick and Dover complained about a “flood of unpaid invoices from the port.”\n\n\
                In a joint statement, Senator Paul Okafor and Governor Rita Vance said the plan was \
                “a grab for power by a disappointed council.”";
    let v = voices(text);
    assert_eq!(v[1].2, Some("Harwick and Dover"));
    assert_eq!(v[2].2, Some("Senator Paul Okafor and Governor Rita Vance"));
}

#[test]
fn a_speaker_after_an_opening_phrase_and_a_party_tag_speaks_her_quotations() {
    // No attribution next to the quotations ("called the plan a …"), and the sentence opens
    // with a phrase before its subject: the subject, not the last speaker, says them.
    let text = "“There is no emergency,” Attorney General Rosa Vidal, who has sued the council twice, \
                said in a statement.\n\n\
                Prior to the vote, Speaker Ana Ruiz (D-Amsel) called the plan a “gross abuse of \
                power” and vowed that “the assembly will defend its authority.”";
    let v = voices(text);
    assert_eq!(v[0].2, Some("Attorney General Rosa Vidal"));
    assert_eq!(v[1].2, Some("Speaker Ana Ruiz"));
    assert_eq!(v[2].2, Some("Speaker Ana Ruiz"));
}

#[test]
fn quoted_as_saying_before_the_quotation_names_the_subject_and_he_refers_back() {
    let text = "Mayor Ana Ruiz has been outspoken on the port.\n\n\
                In 2019 Ms. Ruiz was quoted as saying, “Flooding is here, it’s real.”\n\n\
                But more recently she has said she opposes “cap and trade” rules.\n\n\
                “This kind of policy would have a horrible impact on our jobs,” she said.";
    let v = voices(text);
    assert_eq!(v[0].2, Some("Ms. Ruiz"), "{v:?}");
    assert_eq!(v[2].2, Some("Ms. Ruiz"), "{v:?}");
}

#[test]
fn a_conjunction_opening_the_sentence_is_not_part_of_the_speaker() {
    let text = "Mayor Ana Ruiz spoke on Friday.\n\n\
                But Ms. Ruiz said the children should stay because “you don’t punish a child \
                for something her parents did.”";
    let v = voices(text);
    assert_eq!(v[0].2, Some("Ms. Ruiz"), "{v:?}");
}

#[test]
fn he_said_between_commas_names_the_speaker_not_the_sentence_subject() {
    let text = "Ms. Ruiz said the plan was a mistake.\n\n\
                Councillors who back such changes, she said, “are embracing a port that lied to \
                its people.”";
    let v = voices(text);
    assert_eq!(v[0].2, Some("Ms. Ruiz"), "{v:?}");
}

#[test]
fn a_date_opening_an_update_is_nobody_who_speaks() {
    let text = "The singer posted the photos on Monday.\n\n\
                UPDATE - May 30, 10 p.m.: Rita Vance issued an apology on her page.\n\n\
                “I went way too far,” she said in a video.";
    let v = voices(text);
    assert_eq!(v[0].2, Some("Rita Vance"), "{v:?}");
}

#[test]
fn a_page_repeating_its_headline_names_no_speaker_of_the_story() {
    // Saved pages often carry the headline twice; the copy is page furniture, and its first
    // words are nobody the lede's quotation could be quoting.
    let text = "Mayor Attacks Harbour Board As 'Deep Swamp,' Calls For Audit\n\n\
                Mayor Attacks Harbour Board As 'Deep Swamp,' Calls For Audit\n\n\
                KESSEL ― Mayor Ana Ruiz on Tuesday renewed her attack on the “deep swamp” \
                harbour board, and said its accounts should be audited.";
    let title = parallax::text::Span::new(0, text.find('\n').unwrap());
    let an = parallax::text::analyse(text, Some(title));
    let q = an
        .quotes
        .iter()
        .find(|q| q.inner.slice(text) == "deep swamp")
        .expect("the lede's quotation");
    let who = q.speaker.map(|s| s.slice(text));
    assert!(
        who.is_none_or(|w| !w.starts_with("Mayor Attacks")),
        "speaker taken from the headline's copy: {who:?}"
    );
}

#[test]
fn an_update_label_opening_the_lede_is_nobody_who_speaks() {
    let text = "Ruiz Defends Her Comments\n\n\
                Updated: Mayor Ana Ruiz on Sunday tried to clarify her comment that the board \
                followed a “phony budget,” saying she meant its forecasts.";
    let title = parallax::text::Span::new(0, text.find('\n').unwrap());
    let an = parallax::text::analyse(text, Some(title));
    let who: Vec<_> = an
        .quotes
        .iter()
        .map(|q| q.speaker.map(|s| s.slice(text)))
        .collect();
    assert_eq!(who, [Some("Mayor Ana Ruiz")]);
}

#[test]
fn a_sentence_inside_a_quotation_opens_no_name_for_a_later_one() {
    let text = "It was at a rally on Saturday that Ms. Ruiz described the board’s “phony budget.”\n\n\
                “It’s about some phony budget. Oh, not a budget based on figures,” she said. \
                “But no less a budget.”";
    let v = voices(text);
    assert_eq!(v[2].2, Some("Ms. Ruiz"), "{v:?}");
}

#[test]
fn a_phrase_of_time_after_a_statement_is_not_the_speaker() {
    let text = "Council spokesman Ben Lott also issued a statement Saturday shortly after Ruiz \
                told voters that the plan is “not about you.”";
    let v = voices(text);
    assert_eq!(v[0].2, Some("Ruiz"), "{v:?}");
}

#[test]
fn a_participle_describing_a_noun_is_not_the_attribution() {
    let text = "Harbour Secretary Ana Ruiz praised the plan on Friday.\n\n\
                It came on the same day as the top Republican on the Port Committee called on \
                the council to reverse its newly announced policy, labeling it the \
                “wrong move at the wrong time.”";
    let v = voices(text);
    assert_eq!(v[0].2, Some("the top Republican"), "{v:?}");
}

#[test]
fn an_attribution_between_commas_names_who_comes_after_its_verb() {
    let text = "The council on Wednesday said the mayor agreed with the report.\n\n\
                Her comments, said Josh Earl, the council spokesman, are “entirely consistent \
                with what the mayor has already said.”";
    let v = voices(text);
    assert_eq!(v[0].2, Some("Josh Earl"), "{v:?}");
}

#[test]
fn a_date_with_commas_before_the_subject_is_skipped_to_the_name() {
    let text = "The Kessel Herald on July 20, 2006, described him as “a veteran of the war,” \
                and on April 6, 2007, said that he had “served in the navy.”\n\n\
                On May 26, 2009, The Harbour Post, a Kessel newspaper, described Mr. Hale as \
                “a war veteran.”";
    let v = voices(text);
    assert_eq!(v[0].2, Some("The Kessel Herald"), "{v:?}");
    assert_eq!(v[2].2, Some("The Harbour Post"), "{v:?}");
}

#[test]
fn a_word_of_another_party_named_on_the_way_is_not_the_subjects() {
    let text = "KESSEL — The council on Wednesday released the full set of emails describing the \
                May 3 sale of the docks, in response \
                to continuing charges from opposition Greens that there was a massive \
                political “cover-up” of the harbour deal.\n\n\
                Councillors on Friday voted for charges from the harbour police that the \
                board had acted “in bad faith” since spring.";
    let v = voices(text);
    assert_eq!(v[0].2, None, "{v:?}");
    assert_eq!(v[1].2, None, "{v:?}");
}

#[test]
fn a_name_runs_on_across_of_and_its_state() {
    let text = "Also on the council’s side, Sen. Ana Ruiz of Kessel said she was “hopeful” for \
                a “constructive debate.”";
    let v = voices(text);
    assert_eq!(v[0].2, Some("Sen. Ana Ruiz of Kessel"), "{v:?}");
}
