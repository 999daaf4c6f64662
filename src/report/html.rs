//! The HTML report (`--format html`): one self-contained HTML5 page with both articles side by
//! side, highlighted like the terminal reader.
//!
//! The page carries its own CSS and nothing else: no JavaScript, no fonts, images or links to
//! other resources, and a Content-Security-Policy that forbids loading any. Every piece of
//! input (article text, titles, outlets, paths, lexicon reasons) is sanitised with
//! [`sanitize`](crate::text::sanitize::sanitize) and then escaped with [`escape`], so it is always text, never markup.
//!
//! Every mark and its explanation comes from the comparison's highlight lists
//! ([`Comparison::highlights`]), the same the terminal reader draws.
//!
//! Highlights are cut into segments at every span boundary inside a sentence; each segment
//! carries the classes of all highlights covering it, so overlapping spans never produce
//! unbalanced tags. Each highlight explains itself in a `title` attribute and, when it is
//! focusable (every kind but distinctive terms, the headline and page furniture), in a note
//! shown on keyboard or touch focus. Every class has a non-colour style (underline, bold,
//! border), so the page also reads in black and white and in print. Distinctive terms, off in
//! the reader by default, are shown when the legend's box is ticked (CSS only, no script).

use std::fmt::Write;
use std::io;

use super::common::*;
use crate::compare::highlight::sentence_ref;
use crate::compare::{Comparison, Highlight, HighlightKind, RowKind, Side, SideInfo, profile};
use crate::text::Span;
use crate::text::sanitize::sanitize_mapped;

/// Escape text for HTML element content and quoted attribute values (`& < > " '`, and `=` so
/// that no attribute-like text such as `src=` survives even as visible text).
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '=' => out.push_str("&#61;"),
            c => out.push(c),
        }
    }
    out
}

/// Where the page goes: a buffer handed to the sink in chunks of about [`CHUNK`] bytes, so a
/// long comparison is never held whole in memory. After a write error the rest is dropped and
/// the error returned at the end.
struct Out<'w> {
    buf: String,
    sink: &'w mut dyn io::Write,
    error: Option<io::Error>,
}

/// Size of the chunks the page is written in.
const CHUNK: usize = 1 << 16;

impl Out<'_> {
    fn push_str(&mut self, s: &str) {
        self.buf.push_str(s);
        if self.buf.len() >= CHUNK {
            self.flush();
        }
    }

    fn flush(&mut self) {
        if self.error.is_none()
            && let Err(e) = self.sink.write_all(self.buf.as_bytes())
        {
            self.error = Some(e);
        }
        self.buf.clear();
    }
}

impl std::fmt::Write for Out<'_> {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        self.push_str(s);
        Ok(())
    }
}

/// Sanitise, fold to one line and escape.
fn esc(s: &str) -> String {
    escape(&one_line(s))
}

/// The CSS class of a highlight kind (the story page uses the same classes).
pub(crate) fn css(kind: HighlightKind) -> &'static str {
    match kind {
        HighlightKind::SharedQuote => "quote",
        HighlightKind::ChangedWords => "change",
        HighlightKind::LoadedTerm => "loaded-strong",
        HighlightKind::SharedLoadedTerm => "loaded-weak",
        HighlightKind::QuotedLoadedTerm => "loaded-quoted",
        HighlightKind::ScareQuote => "scare",
        HighlightKind::DistinctiveTerm => "distinctive",
        HighlightKind::Headline => "headline",
        HighlightKind::Boilerplate => "furniture",
        HighlightKind::Dateline => "dimmed",
    }
}

/// True for kinds whose marks take the keyboard focus (and show their note on focus).
fn focusable(kind: HighlightKind) -> bool {
    !matches!(
        kind,
        HighlightKind::DistinctiveTerm
            | HighlightKind::Headline
            | HighlightKind::Boilerplate
            | HighlightKind::Dateline
    )
}

/// One side's highlights (of some kinds) with, for each sentence, the highlights that touch it.
struct Marks<'a> {
    marks: Vec<&'a Highlight>,
    of_sentence: Vec<Vec<usize>>,
}

impl<'a> Marks<'a> {
    /// The highlights of `side` whose kind is in `kinds`, indexed by the sentences they overlap
    /// (sentences are in text order and do not overlap, so each highlight finds its sentences
    /// by binary search).
    fn new(cmp: &'a Comparison, side: Side, kinds: &[HighlightKind]) -> Marks<'a> {
        let marks: Vec<&Highlight> = cmp
            .highlights
            .get(side)
            .iter()
            .filter(|h| kinds.contains(&h.kind))
            .collect();
        let sents = match side {
            Side::A => &cmp.a.sentences,
            Side::B => &cmp.b.sentences,
        };
        let mut of_sentence = vec![Vec::new(); sents.len()];
        for (k, m) in marks.iter().enumerate() {
            let lo = sents.partition_point(|s| s.end <= m.span.start);
            let hi = sents.partition_point(|s| s.start < m.span.end);
            for list in of_sentence.iter_mut().take(hi).skip(lo) {
                list.push(k);
            }
        }
        Marks { marks, of_sentence }
    }

    /// The highlights touching sentence `i`.
    fn of(&self, i: usize) -> Vec<&'a Highlight> {
        self.of_sentence
            .get(i)
            .map(|ks| ks.iter().map(|&k| self.marks[k]).collect())
            .unwrap_or_default()
    }
}

/// Sentence `i` of `info` as HTML, cut into segments at every highlight boundary.
/// `focusable` adds `tabindex` and the focus note to each highlight.
fn sentence_html(info: &SideInfo, i: usize, marks: &[&Highlight], focus_notes: bool) -> String {
    let Some(&sent) = info.sentences.get(i) else {
        return String::new();
    };
    if !sent.is_valid_in(&info.text) {
        return String::new();
    }
    let mut inside: Vec<(Span, &Highlight)> = marks
        .iter()
        .filter(|m| m.span.overlaps(&sent))
        .map(|&m| {
            (
                Span::new(m.span.start.max(sent.start), m.span.end.min(sent.end)),
                m,
            )
        })
        .collect();
    inside.sort_by_key(|(s, _)| s.start);
    let mut cuts: Vec<usize> = vec![sent.start, sent.end];
    for (s, _) in &inside {
        cuts.push(s.start);
        cuts.push(s.end);
    }
    cuts.retain(|&c| info.text.is_char_boundary(c));
    cuts.sort_unstable();
    cuts.dedup();
    // The sentence is sanitised whole (a highlight boundary inside an escape sequence must not
    // let its tail through as text), then cut at the highlight boundaries.
    let shown = sanitize_mapped(sent.slice(&info.text));
    let mut out = String::new();
    // The highlights under the sweep: started at or before the segment, not yet ended.
    let mut next = 0;
    let mut active: Vec<(Span, &Highlight)> = Vec::new();
    for w in cuts.windows(2) {
        let seg = Span::new(w[0], w[1]);
        while next < inside.len() && inside[next].0.start <= seg.start {
            active.push(inside[next]);
            next += 1;
        }
        active.retain(|(s, _)| s.end > seg.start);
        let from = shown.partition_point(|&(at, _)| sent.start + at < seg.start);
        let to = shown.partition_point(|&(at, _)| sent.start + at < seg.end);
        let piece: String = shown[from..to.max(from)].iter().map(|&(_, c)| c).collect();
        let text = escape(&piece);
        let mut covering: Vec<&Highlight> = active
            .iter()
            .filter(|(s, _)| s.contains(&seg))
            .map(|(_, m)| *m)
            .collect();
        if covering.is_empty() {
            out.push_str(&text);
            continue;
        }
        covering.sort_by(|x, y| x.kind.cmp(&y.kind).then(x.why.cmp(&y.why)));
        covering.dedup_by(|x, y| x.kind == y.kind && x.why == y.why);
        let mut classes: Vec<&str> = covering.iter().map(|m| css(m.kind)).collect();
        classes.dedup();
        let why = escape(
            &covering
                .iter()
                .map(|m| m.why.as_str())
                .collect::<Vec<_>>()
                .join(" | "),
        );
        let focus = if focus_notes && covering.iter().any(|m| focusable(m.kind)) {
            format!(" tabindex=\"0\" data-why=\"{why}\"")
        } else {
            String::new()
        };
        let _ = write!(
            out,
            "<mark class=\"{}\" title=\"{why}\"{focus}>{text}</mark>",
            classes.join(" ")
        );
    }
    out
}

const CSS: &str = r#"
:root { color-scheme: light; --quote: #56B4E9; --change: #E69F00; --loaded: #D55E00; --scare: #CC79A7; --distinctive: #8A7A00; --dim: #6b6b6b; }
* { box-sizing: border-box; }
body { font: 16px/1.55 Georgia, "Times New Roman", serif; color: #1a1a1a; background: #fff; margin: 0 auto; max-width: 78rem; padding: 1rem; }
h1, h2, h3 { font-family: system-ui, sans-serif; line-height: 1.25; }
h1 { font-size: 1.5rem; }
h2 { font-size: 1.2rem; margin-top: 2rem; border-bottom: 1px solid #ccc; }
.sources { display: grid; grid-template-columns: 1fr 1fr; gap: 1rem; }
.source { border: 1px solid #ccc; padding: .5rem .75rem; }
.source h2 { margin: 0; border: 0; font-size: 1.1rem; }
.meta { color: var(--dim); font-size: .9rem; overflow-wrap: anywhere; margin: .25rem 0 0; }
.legend, .summary { font-family: system-ui, sans-serif; font-size: .95rem; }
.legend li { margin: .2rem 0; }
mark { background: transparent; color: inherit; padding: 0 .05em; }
mark.quote { background: rgba(86,180,233,.18); text-decoration: underline 2px var(--quote); text-underline-offset: .18em; }
mark.change { font-weight: bold; background: rgba(230,159,0,.22); }
mark.loaded-strong { border: 2px solid var(--loaded); border-radius: 3px; }
mark.loaded-weak { border: 1px dashed var(--loaded); border-radius: 3px; }
mark.loaded-quoted { border-bottom: 2px dotted var(--loaded); font-style: italic; }
mark.scare { font-style: italic; background: rgba(204,121,167,.22); }
body:has(#show-distinctive:checked) mark.distinctive { text-decoration: underline dotted 2px var(--distinctive); text-underline-offset: .18em; }
.legend label { cursor: pointer; }
mark[tabindex]:focus { outline: 3px solid #0072B2; outline-offset: 1px; }
mark[data-why]:focus::after { content: " [" attr(data-why) "]"; font: .85rem/1.4 system-ui, sans-serif; font-weight: normal; font-style: normal; background: #fffbe6; color: #1a1a1a; border: 1px solid #999; padding: 0 .3em; }
.columns { border-top: 1px solid #ccc; }
.row { display: grid; grid-template-columns: 1fr 2rem 1fr; gap: .5rem; border-bottom: 1px solid #eee; padding: .35rem 0; }
.row .g { text-align: center; font-family: system-ui, sans-serif; color: var(--dim); }
.row.excluded { color: var(--dim); font-size: .9rem; }
.row.moved .g { color: #CC79A7; font-weight: bold; }
.s { margin: 0 0 .3rem; }
.ref { font: .75rem system-ui, sans-serif; color: var(--dim); margin-right: .3em; }
.colhead { font-family: system-ui, sans-serif; font-weight: bold; }
table { border-collapse: collapse; font-family: system-ui, sans-serif; font-size: .9rem; width: 100%; }
th, td { border: 1px solid #ccc; padding: .25rem .5rem; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
.pair { margin: .75rem 0; }
.pair p { margin: .2rem 0; }
.none { color: var(--dim); font-style: italic; }
.dimmed { color: var(--dim); }
@media (max-width: 700px) {
  body { padding: .5rem; }
  .sources { grid-template-columns: 1fr; }
  .row { grid-template-columns: 1fr; gap: .15rem; }
  .row .g { text-align: left; }
  .row .empty, .colhead .g, .colhead .b { display: none; }
  .row .b { border-left: 3px solid #ddd; padding-left: .4rem; }
}
@media print {
  body { max-width: none; font-size: 11pt; }
  mark[data-why]:focus::after { content: none; }
  mark[tabindex]:focus { outline: none; }
  mark { background: none !important; color: #000; }
  mark.quote { text-decoration: underline 1.5px #000; }
  mark.loaded-strong { border: 2px solid #000; }
  mark.loaded-weak { border: 1px dashed #000; }
  mark.loaded-quoted { border-bottom: 2px dotted #000; font-style: italic; }
  mark.scare { font-style: italic; }
  body:has(#show-distinctive:checked) mark.distinctive { text-decoration: underline dotted 1.5px #000; }
  .row { break-inside: avoid; }
}
"#;

/// Render the HTML report: a complete, self-contained HTML5 document.
pub fn render(cmp: &Comparison) -> String {
    let mut page = Vec::new();
    // Writing into memory cannot fail.
    let _ = write(cmp, &mut page);
    String::from_utf8(page).unwrap_or_default()
}

/// [`render`], written to `sink` as it is made, in chunks.
pub fn write(cmp: &Comparison, sink: &mut dyn io::Write) -> io::Result<()> {
    let mut o = Out {
        buf: String::new(),
        sink,
        error: None,
    };
    o.push_str("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    o.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    o.push_str("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n");
    o.push_str("<meta name=\"referrer\" content=\"no-referrer\">\n");
    let _ = writeln!(
        o,
        "<title>Comparison: {} / {}</title>",
        esc(&cmp.a.title),
        esc(&cmp.b.title)
    );
    let _ = writeln!(o, "<style>{CSS}</style>\n</head>\n<body>");
    header(&mut o, cmp);
    legend(&mut o);
    summary(&mut o, cmp);
    columns(&mut o, cmp);
    quotes(&mut o, cmp);
    framing(&mut o, cmp);
    loaded(&mut o, cmp);
    distinctive(&mut o, cmp);
    profile(&mut o, cmp);
    o.push_str("</body>\n</html>\n");
    o.flush();
    match o.error {
        Some(e) => Err(e),
        None => Ok(()),
    }
}

fn header(o: &mut Out, cmp: &Comparison) {
    o.push_str("<header>\n<h1>Comparison</h1>\n<div class=\"sources\">\n");
    for (name, info) in [("A", &cmp.a), ("B", &cmp.b)] {
        let _ = writeln!(
            o,
            "<section class=\"source\"><h2>{name}: {}</h2>",
            esc(&info.title)
        );
        let _ = writeln!(
            o,
            "<p class=\"meta\">{} · {} words</p>",
            esc(info.outlet.as_deref().unwrap_or("unknown outlet")),
            info.words
        );
        if let Some(d) = &info.date {
            let _ = writeln!(o, "<p class=\"meta\">Date: {}</p>", esc(d));
        }
        let _ = writeln!(o, "<p class=\"meta\">Source: {}</p>", esc(&info.path));
        if let Some(u) = &info.url {
            // Shown as text: the page links to nothing.
            let _ = writeln!(o, "<p class=\"meta\">URL: {}</p>", esc(u));
        }
        o.push_str("</section>\n");
    }
    o.push_str("</div>\n</header>\n");
}

/// The legend: every highlight class, with the box that shows distinctive terms.
fn legend(o: &mut Out) {
    o.push_str("<section class=\"legend\">\n<h2>Legend</h2>\n<ul>\n");
    let items = [
        (
            "quote",
            "shared quotation",
            "underlined: words quoted in both articles",
        ),
        (
            "change",
            "changed words",
            "bold: wording that differs within an aligned pair of sentences",
        ),
        (
            "loaded-strong",
            "loaded term, this side only",
            "solid box: a charged term the other article does not use",
        ),
        (
            "loaded-weak",
            "loaded term, both sides",
            "dashed box: a charged term both articles use",
        ),
        (
            "loaded-quoted",
            "loaded term, in a quotation",
            "dotted underline, italic: a charged term in someone's quoted words, not the outlet's",
        ),
        (
            "scare",
            "scare quotes",
            "italic: words set in quotation marks without being a quotation",
        ),
    ];
    for (class, name, what) in items {
        let _ = writeln!(o, "<li><mark class=\"{class}\">{name}</mark> — {what}</li>");
    }
    o.push_str("<li><label><input type=\"checkbox\" id=\"show-distinctive\"> <mark class=\"distinctive\">distinctive terms</mark> — dotted underline: words that set one article's vocabulary apart (tick to show; hover one to see why)</label></li>\n");
    o.push_str("<li>Between the columns: ═ aligned · ╪ aligned, one side joining sentences from separate places · ⇄ moved (its counterpart sits elsewhere) · ◀ only in A · ▶ only in B · <span class=\"dimmed\">·</span> left out of the analysis (headline, page furniture), dimmed</li>\n");
    o.push_str("<li>Select a highlight (Tab, tap, or hover) to see why it is marked.</li>\n");
    o.push_str("</ul>\n</section>\n");
}

fn summary(o: &mut Out, cmp: &Comparison) {
    let s = &cmp.summary;
    o.push_str("<section class=\"summary\">\n<h2>Summary</h2>\n<ul>\n");
    let _ = writeln!(o, "<li>Content aligned: {:.0}%</li>", s.similarity * 100.0);
    for l in &cmp.limits {
        let _ = writeln!(o, "<li>Note: {}</li>", esc(&l.fallback));
    }
    let _ = writeln!(
        o,
        "<li>Aligned sentence pairs: {} ({} moved); only in A: {}; only in B: {}</li>",
        s.aligned, s.moved, s.only_a, s.only_b
    );
    let _ = writeln!(o, "<li>Shared quotations: {}</li>", s.shared_quotes);
    let _ = writeln!(o, "<li>Framing differences: {}</li>", s.framing_differences);
    let _ = writeln!(
        o,
        "<li>Loaded terms: A {}, B {}</li>",
        s.loaded_a, s.loaded_b
    );
    o.push_str("</ul>\n</section>\n");
}

fn cell(o: &mut Out, info: &SideInfo, side: Side, sents: &[usize], marks: &Marks) {
    let col = if side == Side::A { "a" } else { "b" };
    if sents.is_empty() {
        let _ = writeln!(o, "<div class=\"{col} empty\"></div>");
        return;
    }
    let _ = writeln!(o, "<div class=\"{col}\">");
    for &i in sents {
        let r = sentence_ref(side, i);
        let _ = writeln!(
            o,
            "<p class=\"s\"><span class=\"ref\">{r}</span> <span class=\"t\" id=\"{}\">{}</span></p>",
            r.to_lowercase(),
            sentence_html(info, i, &marks.of(i), true)
        );
    }
    o.push_str("</div>\n");
}

fn columns(o: &mut Out, cmp: &Comparison) {
    let all = HighlightKind::ALL;
    let (marks_a, marks_b) = (
        Marks::new(cmp, Side::A, &all),
        Marks::new(cmp, Side::B, &all),
    );
    o.push_str("<section>\n<h2>Side by side</h2>\n<div class=\"columns\">\n");
    let _ = writeln!(
        o,
        "<div class=\"row colhead\"><div class=\"a\">A: {}</div><div class=\"g\"></div><div class=\"b\">B: {}</div></div>",
        esc(&cmp.a.title),
        esc(&cmp.b.title)
    );
    for row in &cmp.rows {
        let (class, glyph, what) = match row.kind {
            RowKind::Aligned if row.joined.is_some() => ("aligned joined", "╪", "aligned"),
            RowKind::Aligned => ("aligned", "═", "aligned"),
            RowKind::Moved => ("moved", "⇄", "moved: the counterpart sits elsewhere"),
            RowKind::OnlyA => ("only-a", "◀", "only in A"),
            RowKind::OnlyB => ("only-b", "▶", "only in B"),
            RowKind::Excluded => ("excluded", "·", "left out of the analysis"),
        };
        let what = match row.score {
            Some(s) => format!("{what} (match {s:.2})"),
            None => what.to_string(),
        };
        let what = match (row.kind, row.describe()) {
            (RowKind::Aligned, Some(note)) => format!("{what}. {note}"),
            _ => what,
        };
        let _ = writeln!(o, "<div class=\"row {class}\">");
        cell(o, &cmp.a, Side::A, &row.a, &marks_a);
        let _ = writeln!(
            o,
            "<div class=\"g\" title=\"{what}\" aria-label=\"{what}\">{glyph}</div>"
        );
        cell(o, &cmp.b, Side::B, &row.b, &marks_b);
        o.push_str("</div>\n");
    }
    o.push_str("</div>\n</section>\n");
}

fn quotes(o: &mut Out, cmp: &Comparison) {
    o.push_str("<section>\n<h2>Shared quotations</h2>\n");
    if cmp.shared_quotes.is_empty() {
        o.push_str("<p class=\"none\">None found.</p>\n</section>\n");
        return;
    }
    o.push_str("<ol>\n");
    for q in &cmp.shared_quotes {
        let _ = writeln!(
            o,
            "<li class=\"pair\">{}\n<p>A: <mark class=\"quote\">“{}”</mark></p>\n<p>B: <mark class=\"quote\">“{}”</mark></p></li>",
            escape(&quote_match(q)),
            escape(&span_text(&cmp.a, q.a)),
            escape(&span_text(&cmp.b, q.b))
        );
    }
    o.push_str("</ol>\n</section>\n");
}

fn framing(o: &mut Out, cmp: &Comparison) {
    o.push_str("<section>\n<h2>Framing differences</h2>\n");
    if cmp.framing.is_empty() {
        o.push_str("<p class=\"none\">None found.</p>\n</section>\n");
        return;
    }
    let changed = [HighlightKind::ChangedWords];
    let (ca, cb) = (
        Marks::new(cmp, Side::A, &changed),
        Marks::new(cmp, Side::B, &changed),
    );
    for f in &cmp.framing {
        let _ = writeln!(
            o,
            "<div class=\"pair\"><h3>{} ↔ {} ({})</h3>\n<p>A: {}</p>\n<p>B: {}</p></div>",
            sentence_ref(Side::A, f.a),
            sentence_ref(Side::B, f.b),
            escape(&f.labels_text()),
            sentence_html(&cmp.a, f.a, &ca.of(f.a), false),
            sentence_html(&cmp.b, f.b, &cb.of(f.b), false)
        );
    }
    o.push_str("</section>\n");
}

/// Each side's loaded terms, one row per term with where it is used and why it is marked.
fn loaded(o: &mut Out, cmp: &Comparison) {
    o.push_str("<section>\n<h2>Loaded terms</h2>\n");
    for side in [Side::A, Side::B] {
        let groups: Vec<HighlightGroup> = highlight_groups(cmp, side)
            .into_iter()
            .filter(|g| {
                matches!(
                    g.kind,
                    HighlightKind::LoadedTerm
                        | HighlightKind::SharedLoadedTerm
                        | HighlightKind::QuotedLoadedTerm
                )
            })
            .collect();
        let hits: usize = groups.iter().map(|g| g.count).sum();
        let _ = writeln!(o, "<h3>{} ({hits} hits)</h3>", side.name());
        if groups.is_empty() {
            o.push_str("<p class=\"none\">None found.</p>\n");
            continue;
        }
        o.push_str(
            "<table>\n<tr><th>As written</th><th>Hits</th><th>Sentences</th><th>Why</th></tr>\n",
        );
        for g in groups {
            let _ = writeln!(
                o,
                "<tr><td><mark class=\"{}\">{}</mark></td><td>{}</td><td>{}</td><td>{}</td></tr>",
                css(g.kind),
                escape(&g.written()),
                g.count,
                escape(&g.sentences.join(", ")),
                escape(&g.why)
            );
        }
        o.push_str("</table>\n");
    }
    o.push_str("</section>\n");
}

fn distinctive(o: &mut Out, cmp: &Comparison) {
    o.push_str("<section>\n<h2>Distinctive terms</h2>\n<ul>\n");
    for (side, name) in [(Side::A, "A"), (Side::B, "B")] {
        let _ = writeln!(
            o,
            "<li>{name}: {}</li>",
            escape(&distinctive_list(cmp, side))
        );
    }
    o.push_str("</ul>\n</section>\n");
}

fn profile(o: &mut Out, cmp: &Comparison) {
    o.push_str(
        "<section>\n<h2>Framing profile</h2>\n<table>\n<tr><th></th><th>A</th><th>B</th></tr>\n",
    );
    for row in profile::table(&cmp.profile, None) {
        let _ = writeln!(
            o,
            "<tr><th>{}</th><td>{}</td><td>{}</td></tr>",
            escape(row.label),
            escape(&row.a),
            escape(&row.b)
        );
    }
    o.push_str("</table>\n</section>\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    fn info(text: &str, sentences: Vec<Span>) -> SideInfo {
        SideInfo {
            id: "x".into(),
            path: "x.txt".into(),
            title: "t".into(),
            outlet: None,
            date: None,
            url: None,
            text: text.into(),
            sentences,
            excluded: vec![],
            dateline: None,
            words: 0,
            left_out: vec![],
            quotes: vec![],
            quotations: vec![],
        }
    }

    #[test]
    fn escape_covers_markup_characters() {
        assert_eq!(
            escape(r#"<a href="x">&'"#),
            "&lt;a href&#61;&quot;x&quot;&gt;&amp;&#39;"
        );
    }

    #[test]
    fn overlapping_spans_become_balanced_segments() {
        let text = "Ünïcode words overlap here.";
        let i = info(text, vec![Span::new(0, text.len())]);
        let mark = |span: Span, kind: HighlightKind, why: &str| Highlight {
            span,
            kind,
            item: crate::compare::HighlightRef::SharedQuote(0),
            why: why.into(),
        };
        let marks = [
            mark(Span::new(0, 14), HighlightKind::SharedQuote, "q"),
            mark(Span::new(9, 22), HighlightKind::ChangedWords, "c"),
            // Not on a char boundary: the cut inside "Ü" is dropped rather than panicking.
            mark(Span::new(1, 3), HighlightKind::SharedLoadedTerm, "bad"),
        ];
        let marks: Vec<&Highlight> = marks.iter().collect();
        let html = sentence_html(&i, 0, &marks, true);
        assert_eq!(
            html.matches("<mark").count(),
            html.matches("</mark>").count()
        );
        assert!(html.contains("class=\"quote change\""), "{html}");
        let stripped: String = {
            let mut s = String::new();
            let mut in_tag = false;
            for c in html.chars() {
                match c {
                    '<' => in_tag = true,
                    '>' => in_tag = false,
                    c if !in_tag => s.push(c),
                    _ => {}
                }
            }
            s
        };
        assert_eq!(stripped, text);
    }
}
