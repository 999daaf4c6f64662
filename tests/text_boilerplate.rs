//! Boilerplate rules on a hand-written scraped page: furniture of every common kind is tagged,
//! bylines and reporting (even reporting that mentions subscribers or support) stay body.

use parallax::text::{Boilerplate, ParagraphRole, analyse, boilerplate::is_furniture_line};

const PAGE: &str = "Menu

Home » World » Europe

Harbour strike enters second week

By Jane Doe, Staff Reporter

We use cookies to improve your experience. By continuing you accept our cookie policy.

Dock workers in the port city extended their strike on Monday, the union said.

Share this:

ADVERTISEMENT

“We will not go back until the contract is signed. We need your support,” union leader Ana Ruiz told reporters.

The union has 4,000 members and its newsletter reaches 20,000 subscribers, according to its website.

Photo: Dock workers march through the harbour gate (Reuters/John Roe)

Read more: Port authority warns of fuel shortages

Follow us on Twitter

Enjoyed this article? Subscribe to our newsletter and never miss a story.

© 2024 Harbour Times. All rights reserved.
";

fn role(an: &parallax::text::Analysis, needle: &str) -> ParagraphRole {
    let at = PAGE.find(needle).expect("needle in page");
    an.paragraphs
        .iter()
        .find(|p| p.span.start <= at && at < p.span.end)
        .map(|p| p.role)
        .expect("paragraph")
}

#[test]
fn furniture_kinds_on_a_generic_page() {
    let an = analyse(PAGE, None);
    use Boilerplate::*;
    for (needle, kind) in [
        ("Menu", Navigation),
        ("Home » World", Navigation),
        ("We use cookies", Other),
        ("Share this:", Other),
        ("ADVERTISEMENT", Advertisement),
        ("Photo: Dock workers", ImageCredit),
        ("Read more:", Related),
        ("Follow us on Twitter", Other),
        ("Enjoyed this article?", Appeal),
        ("All rights reserved", Other),
    ] {
        assert_eq!(
            role(&an, needle),
            ParagraphRole::Boilerplate(kind),
            "{needle:?}"
        );
    }
}

#[test]
fn reporting_stays_body_and_the_byline_is_tagged() {
    let an = analyse(PAGE, None);
    assert_eq!(
        role(&an, "By Jane Doe"),
        ParagraphRole::Boilerplate(Boilerplate::Byline)
    );
    for needle in [
        "Harbour strike enters second week",
        "Dock workers in the port city",
        "We will not go back",
        "The union has 4,000 members",
    ] {
        assert_eq!(role(&an, needle), ParagraphRole::Body, "{needle:?}");
    }
}

#[test]
fn comment_section_runs_to_the_end() {
    let text = "Officials confirmed the figures on Tuesday.\n\n3 Responses\n\n\
                “Officials confirmed the figures” — sure they did.\n\n\
                I agree with the article entirely. The figures are right.\n\nReply\n\n\
                Another long comment that reads exactly like reporting, with a quote: “the figures”.";
    let an = analyse(text, None);
    assert_eq!(an.paragraphs[0].role, ParagraphRole::Body);
    assert!(an.paragraphs.len() >= 5);
    for p in &an.paragraphs[1..] {
        assert_eq!(p.role, ParagraphRole::Boilerplate(Boilerplate::Comments));
    }
}

#[test]
fn related_list_ends_when_prose_resumes() {
    let text = "Related Articles\n\nPort strike spreads to Northern Harbour\n\n\
                Minister Meets Union Leaders\n\n\
                The strike has cost the port an estimated two million euros a day, officials said.";
    let an = analyse(text, None);
    let roles: Vec<ParagraphRole> = an.paragraphs.iter().map(|p| p.role).collect();
    let related = ParagraphRole::Boilerplate(Boilerplate::Related);
    assert_eq!(roles, [related, related, related, ParagraphRole::Body]);
}

#[test]
fn title_line_selection_skips_furniture() {
    for line in [
        "Skip to content",
        "in ,",
        "0 1,670",
        "Menu",
        "  ",
        "Advertisement",
    ] {
        assert!(is_furniture_line(line), "{line:?}");
    }
    assert!(!is_furniture_line("Harbour strike enters second week"));
    assert!(!is_furniture_line("Share prices fall as strike drags on"));
}
