//! Sentence boundaries in news style, group by group of the abbreviation table and pattern by
//! pattern of quotation, on sentences written for these tests.

use parallax::text::segment;

fn sentences(text: &str) -> Vec<&str> {
    let ps = segment::paragraphs(text);
    segment::sentences(text, &ps)
        .iter()
        .map(|s| s.span.slice(text))
        .collect()
}

#[track_caller]
fn check(text: &str, want: &[&str]) {
    assert_eq!(sentences(text), want, "segmenting {text:?}");
}

#[test]
fn honorifics_never_end_a_sentence() {
    check(
        "The texts were sent to Ms. Lerner. Mrs. Alvarez and Mr. Okafor read them to Mx. Chen.",
        &[
            "The texts were sent to Ms. Lerner.",
            "Mrs. Alvarez and Mr. Okafor read them to Mx. Chen.",
        ],
    );
    check(
        "Lawyers for Messrs. Hale and Ortiz declined. Ms. Ruiz did not.",
        &[
            "Lawyers for Messrs. Hale and Ortiz declined.",
            "Ms. Ruiz did not.",
        ],
    );
}

#[test]
fn titles_and_ranks_never_end_a_sentence() {
    check(
        "Gen. Aldana met Lt. Col. Weiss and Sgt. Price. Sen. Ivers, Rep. Dunn and Gov. Hart \
         waited for Dr. Osei and the Rev. Mills. They left with then-Rep. Cole and Prof. Ng.",
        &[
            "Gen. Aldana met Lt. Col. Weiss and Sgt. Price.",
            "Sen. Ivers, Rep. Dunn and Gov. Hart waited for Dr. Osei and the Rev. Mills.",
            "They left with then-Rep. Cole and Prof. Ng.",
        ],
    );
    check(
        "The vote came after former Cong. Ray Lott and Reps. Kim and Diaz spoke. It passed.",
        &[
            "The vote came after former Cong. Ray Lott and Reps. Kim and Diaz spoke.",
            "It passed.",
        ],
    );
}

#[test]
fn party_and_state_tags() {
    check(
        "Sen. Dana Hollis, R-S.C., said the bill was dead. Rep. Ana Ruiz, D-N.Y., disagreed. \
         Rep. Tom Birk (R-Ky.) said nothing.",
        &[
            "Sen. Dana Hollis, R-S.C., said the bill was dead.",
            "Rep. Ana Ruiz, D-N.Y., disagreed.",
            "Rep. Tom Birk (R-Ky.) said nothing.",
        ],
    );
    check(
        "The motion came from Sen. Lee Park, D-R.I. He withdrew it.",
        &[
            "The motion came from Sen. Lee Park, D-R.I.",
            "He withdrew it.",
        ],
    );
}

#[test]
fn states_end_a_sentence_only_before_a_new_one() {
    check(
        "She spoke in San Jose, Calif. The crowd cheered. He grew up in Bellingham, Wash.; \
         she did not. The rally in Phoenix, Ariz. Wednesday drew hundreds.",
        &[
            "She spoke in San Jose, Calif.",
            "The crowd cheered.",
            "He grew up in Bellingham, Wash.; she did not.",
            "The rally in Phoenix, Ariz. Wednesday drew hundreds.",
        ],
    );
    check(
        "He flew to Sacramento, Calif. “We are ready,” he said.",
        &["He flew to Sacramento, Calif.", "“We are ready,” he said."],
    );
}

#[test]
fn times_of_day() {
    check(
        "The resignation took effect Friday at 5 p.m. Eastern time. He deleted the account.",
        &[
            "The resignation took effect Friday at 5 p.m. Eastern time.",
            "He deleted the account.",
        ],
    );
    check(
        "The vote was at 9:24 p.m. on Tuesday. It ended at 11 p.m. Then the doors opened.",
        &[
            "The vote was at 9:24 p.m. on Tuesday.",
            "It ended at 11 p.m.",
            "Then the doors opened.",
        ],
    );
    check(
        "At 7 a.m. Mr. Diaz arrived. He left at 6 P.M. Ms. Cole stayed.",
        &[
            "At 7 a.m. Mr. Diaz arrived.",
            "He left at 6 P.M.",
            "Ms. Cole stayed.",
        ],
    );
}

#[test]
fn initials() {
    check(
        "Robert S. Mueller III wrote to J.R.R. Tolkien's heirs and to C. A. Ruppert. None replied.",
        &[
            "Robert S. Mueller III wrote to J.R.R. Tolkien's heirs and to C. A. Ruppert.",
            "None replied.",
        ],
    );
    check(
        "The plan was approved by George W. Bush. It was signed by Plan B. The end.",
        &[
            "The plan was approved by George W. Bush.",
            "It was signed by Plan B.",
            "The end.",
        ],
    );
}

#[test]
fn numbers_and_months() {
    check(
        "He is the No. 2 official. No. He is the No. 3. The talks resume on Jan. 5 and \
         post-Sept. 11 rules apply. See p. 55 and Art. 5 of the law.",
        &[
            "He is the No. 2 official.",
            "No.",
            "He is the No. 3.",
            "The talks resume on Jan. 5 and post-Sept. 11 rules apply.",
            "See p. 55 and Art. 5 of the law.",
        ],
    );
}

#[test]
fn countries_and_unions_inside_and_at_the_end() {
    check(
        "The U.S. Army and the U.K. government agreed with the E.U. on Monday. \
         Talks moved to the U.S. The E.U. said little. Officials in the U.K. But not all.",
        &[
            "The U.S. Army and the U.K. government agreed with the E.U. on Monday.",
            "Talks moved to the U.S.",
            "The E.U. said little.",
            "Officials in the U.K.",
            "But not all.",
        ],
    );
    check(
        "He wants to work with the U.S. “It is our ally,” he said.",
        &[
            "He wants to work with the U.S.",
            "“It is our ally,” he said.",
        ],
    );
}

#[test]
fn latin_abbreviations_and_suffixes() {
    check(
        "Cities, e.g. Austin, i.e. the capital, vs. towns. Smith & Co. Inc. won. \
         It went to Ed Bliley Jr. He thanked the staff, volunteers etc. They left.",
        &[
            "Cities, e.g. Austin, i.e. the capital, vs. towns.",
            "Smith & Co. Inc. won.",
            "It went to Ed Bliley Jr.",
            "He thanked the staff, volunteers etc.",
            "They left.",
        ],
    );
}

#[test]
fn questions_and_exclamations_followed_by_their_attribution() {
    check(
        "“Have I not been clear on a wall?” Ms. Pelosi said on Thursday. Then she left.",
        &[
            "“Have I not been clear on a wall?” Ms. Pelosi said on Thursday.",
            "Then she left.",
        ],
    );
    check(
        "“Jail!” Trump tweeted early Tuesday. “Why?” Justice Ortiz asked. \
         “Is it over?” He did not answer.",
        &[
            "“Jail!” Trump tweeted early Tuesday.",
            "“Why?” Justice Ortiz asked.",
            "“Is it over?”",
            "He did not answer.",
        ],
    );
    check(
        "“Where is it?” she asked. \"Now!\" he said.",
        &["“Where is it?” she asked.", "\"Now!\" he said."],
    );
}

#[test]
fn a_closed_quotation_followed_by_a_new_sentence() {
    check(
        "She grew up “raising hogs on a farm.” Ms. Ernst said that helped. \
         \"It was a mistake.\" Durbin said. He left.",
        &[
            "She grew up “raising hogs on a farm.”",
            "Ms. Ernst said that helped.",
            "\"It was a mistake.\" Durbin said.",
            "He left.",
        ],
    );
}

#[test]
fn opening_quote_marks_belong_to_the_sentence_they_open() {
    check(
        "\"We will win,\" he said in the ad. \"As the father of two, I know it.\"",
        &[
            "\"We will win,\" he said in the ad.",
            "\"As the father of two, I know it.\"",
        ],
    );
    check(
        "“It is done,” he said. ‘Maybe not,’ she said. 'Really.' They left.",
        &[
            "“It is done,” he said.",
            "‘Maybe not,’ she said.",
            "'Really.'",
            "They left.",
        ],
    );
}

#[test]
fn multi_sentence_quotations_split_at_their_sentence_ends() {
    check(
        "“I feel very badly. He’s led a very strong life. It’s unfair,” Mr. Trump said.",
        &[
            "“I feel very badly.",
            "He’s led a very strong life.",
            "It’s unfair,” Mr. Trump said.",
        ],
    );
    check(
        "He said: \"We are done. Go home!\" Then he left.",
        &["He said: \"We are done.", "Go home!\"", "Then he left."],
    );
}

#[test]
fn multi_sentence_quotations_stay_one_quotation() {
    let text = "“I feel very badly. He’s led a very strong life,” Mr. Trump said.";
    let an = parallax::text::analyse(text, None);
    assert_eq!(an.sentences.len(), 2);
    let quotes: Vec<&str> = an.quotes.iter().map(|q| q.inner.slice(text)).collect();
    assert_eq!(quotes, ["I feel very badly. He’s led a very strong life"]);
}

#[test]
fn lists_and_bullets() {
    check(
        "1. The first item 2. The second item",
        &["1. The first item", "2. The second item"],
    );
    check(
        "1) The first item. 2) The second item.",
        &["1) The first item.", "2) The second item."],
    );
    check(
        "• 9. The first item • 10. The second item",
        &["• 9. The first item", "• 10. The second item"],
    );
    check(
        "a. The first item b. The second item c. The third item",
        &[
            "a. The first item",
            "b. The second item",
            "c. The third item",
        ],
    );
    check(
        "Our demands:\n• Fund the border\n• Reopen the government",
        &[
            "Our demands:",
            "• Fund the border",
            "• Reopen the government",
        ],
    );
}

#[test]
fn ellipses() {
    check(
        "It is going to hell... The world laughs at us. I wasn’t really ... well, it is . . . I \
         didn’t mean it. The words [...] stay.",
        &[
            "It is going to hell...",
            "The world laughs at us.",
            "I wasn’t really ... well, it is . . . I didn’t mean it.",
            "The words [...] stay.",
        ],
    );
}
