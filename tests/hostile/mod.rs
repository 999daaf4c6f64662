//! The hostile-text corpus shared by the hardening tests, and the check that output is inert.
//!
//! [`cases`] holds one string per kind of hostile text: escape sequences (CSI, OSC window
//! titles, OSC 52 clipboard writes, hyperlinks, DCS, 8-bit C1 forms), bidi overrides and
//! isolates, zero-width and combining characters, very long words and lines, wide CJK and
//! emoji, right-to-left scripts, NUL and other C0 controls. [`naughty`] adds the Big List of
//! Naughty Strings (the `naughty-strings` crate). [`write_corpus`] puts them into article
//! bodies, titles, outlet names, authors and file names on disk; [`assert_inert`] checks that
//! bytes meant for a terminal carry no live control sequence, by scanning them and by feeding
//! them to a `vt100` terminal that records every title, clipboard, bell or unknown-sequence
//! request.
#![allow(dead_code)]

use std::path::Path;

/// One hostile string and a name for messages.
pub struct Case {
    /// Short name, safe to print.
    pub name: &'static str,
    /// The hostile text.
    pub text: String,
}

fn case(name: &'static str, text: impl Into<String>) -> Case {
    Case {
        name,
        text: text.into(),
    }
}

/// The hand-written hostile cases.
pub fn cases() -> Vec<Case> {
    vec![
        case(
            "csi",
            "clear\x1b[2J\x1b[H\x1b[31;1mred\x1b[0m\x1b[10;10Hmoved",
        ),
        case(
            "csi-private",
            "\x1b[?1049l\x1b[?25l\x1b[?1000h hidden cursor",
        ),
        case("osc-title-bel", "before\x1b]0;PWNED-TITLE\x07after"),
        case("osc-title-st", "before\x1b]2;PWNED-TITLE\x1b\\after"),
        case("osc-icon", "\x1b]1;PWNED-ICON\x07icon"),
        case("osc52-clipboard", "copy\x1b]52;c;cm0gLXJmIH4=\x07me"),
        case("osc52-paste", "paste\x1b]52;c;?\x07me"),
        case(
            "osc8-link",
            "\x1b]8;;https://evil.example/\x1b\\click here\x1b]8;;\x1b\\",
        ),
        case("dcs", "\x1bP1$qm\x1b\\ decrqss \x1bPq#0;2;0;0;0#0~~\x1b\\"),
        case("apc-pm-sos", "\x1b_apc\x1b\\ \x1b^pm\x1b\\ \x1bXsos\x1b\\"),
        case(
            "c1-8bit",
            "csi\u{9b}2J osc\u{9d}0;PWNED-TITLE\u{9c} dcs\u{90}q\u{9c} nel\u{85}",
        ),
        case("esc-reset", "\x1bc reset \x1b#8 align \x1b(0 charset"),
        case("unterminated-osc", "\x1b]0;PWNED-TITLE never ends"),
        case(
            "c0",
            "nul\0 bel\x07 bs\x08\x08\x08 vt\x0b ff\x0c so\x0e si\x0f del\x7f",
        ),
        case("cr-overwrite", "innocent text\rOVERWRITTEN"),
        case(
            "bidi-override",
            "access\u{202e}nimda\u{202c} level \u{202d}ltr\u{202c}",
        ),
        case(
            "bidi-isolates",
            "\u{2066}isolate\u{2069} \u{2067}rtl\u{2069} \u{2068}fsi\u{2069}",
        ),
        case("bidi-marks", "a\u{200e}b\u{200f}c\u{61c}d"),
        case(
            "zero-width",
            "pay\u{200b}pal\u{200c}\u{200d}\u{2060}\u{feff}.com\u{ad}",
        ),
        case(
            "combining",
            "Z\u{351}\u{36b}\u{343}\u{36a}\u{302}\u{36b}\u{33d}\u{34f}\u{334}\u{319}\u{324}\u{31e}\u{349}\u{35a}\u{32f}\u{31e}\u{320}\u{34d}A\u{36b}\u{357}\u{334}\u{362}\u{335}\u{31c}\u{330}\u{354}L\u{368}\u{367}\u{369}\u{358}\u{320}G\u{311}\u{357}\u{30e}\u{305}\u{35b}\u{341}\u{334}\u{33b}\u{348}\u{34d}\u{354}\u{339}O\u{342}\u{30c}\u{30c}\u{358}\u{328}\u{335}\u{339}\u{33b}\u{31d}\u{333}",
        ),
        case(
            "tags",
            "flag\u{e0067}\u{e0062}\u{e0065}\u{e006e}\u{e0067}\u{e007f} tags",
        ),
        case("long-word", "x".repeat(10_000)),
        case("long-line", "word ".repeat(10_000)),
        case(
            "cjk",
            "俄罗斯国防部称，美国领导的联盟在叙利亚阻碍其打击伊斯兰国的行动。「官员表示」",
        ),
        case("emoji", "👩‍👩‍👧‍👦 🏳️‍🌈 🇺🇦 👍🏽 ❤️ 🧑🏿‍🚀 e\u{301}"),
        case(
            "wide-mixed",
            "Ｆｕｌｌｗｉｄｔｈ ｔｅｘｔ 한국어 뉴스 日本語のニュース",
        ),
        case(
            "rtl",
            "وزارة الدفاع الروسية تقول إن التحالف \"يعرقل\" عملياتها. משרד ההגנה",
        ),
        case("surrogate-lookalike", "\u{fffd}\u{fffe}\u{ffff}\u{10ffff}"),
    ]
}

/// The Big List of Naughty Strings, without the empty string.
pub fn naughty() -> Vec<&'static str> {
    naughty_strings::BLNS
        .iter()
        .copied()
        .filter(|s| !s.trim().is_empty())
        .collect()
}

/// A file-name-safe version of `s` (no `/` or NUL; at most 120 bytes), keeping the rest of
/// its hostility.
pub fn file_name_part(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        let c = if c == '/' || c == '\0' { '_' } else { c };
        if out.len() + c.len_utf8() > 120 {
            break;
        }
        out.push(c);
    }
    if out == "." || out == ".." {
        out.push('_');
    }
    out
}

/// Escape `s` as a JSON string literal.
pub fn json_str(s: &str) -> String {
    serde_json::to_string(s).expect("serialise")
}

/// Write the corpus for one hostile string into `dir`: a text article (title line and body),
/// a JSON article (title, outlet, author, body), a JSON Lines file whose second line holds a
/// lone surrogate escape, a Markdown article with front matter, an unsupported file and a
/// binary file, the last three under file names that carry the hostile text.
pub fn write_corpus(dir: &Path, hostile: &str) {
    // A NUL byte makes a text file binary (tested on its own, as `f …txt`); JSON carries it as
    // an escape.
    let raw = hostile.replace('\0', "");
    let body = format!(
        "{hostile} said the ministry.\n\nThe Defence Ministry said on Monday that {hostile} no soldiers were killed.\n\n“There were no losses among our troops, {hostile}” the ministry said in a statement.\n\nOfficials called the reports a hoax spread by militants.\n"
    );
    let title_line = raw.replace(['\n', '\r'], " ");
    let text_body = body.replace('\0', "");
    std::fs::write(dir.join("a.txt"), format!("{title_line}\n\n{text_body}")).expect("write a.txt");
    let json = format!(
        "{{\"title\": {t}, \"outlet\": {t}, \"author\": {t}, \"date\": {t}, \"url\": {t}, \"text\": {b}}}",
        t = json_str(hostile),
        b = json_str(&format!(
            "The Defence Ministry claimed on Monday that no soldiers were killed.\n\n“There were no losses among our troops, {hostile}” the ministry said.\n\n{hostile}"
        )),
    );
    std::fs::write(dir.join("b.json"), json).expect("write b.json");
    let jsonl = format!(
        "{{\"title\": {t}, \"outlet\": {t}, \"text\": {b}}}\n{{\"title\": \"lone \\ud800 surrogate\", \"text\": \"x \\udfff y\"}}\n{{\"title\": {t}\n",
        t = json_str(hostile),
        b = json_str(&body),
    );
    std::fs::write(dir.join("c.jsonl"), jsonl).expect("write c.jsonl");
    let name = file_name_part(hostile);
    let md = format!(
        "---\ntitle: \"{title_line}\"\noutlet: {title_line}\n---\n\n# {title_line}\n\n{text_body}"
    );
    let _ = std::fs::write(dir.join(format!("d {name}.md")), md);
    let _ = std::fs::write(dir.join(format!("e {name}.rtf")), "not read");
    let _ = std::fs::write(dir.join(format!("f {name}.txt")), b"\x00\x01binary");
}

/// What a [`vt100`] terminal was asked to do beyond drawing text.
#[derive(Default, Debug)]
pub struct Requests {
    /// Everything requested, one line each.
    pub seen: Vec<String>,
}

impl vt100::Callbacks for Requests {
    fn audible_bell(&mut self, _: &mut vt100::Screen) {
        self.seen.push("bell".into());
    }
    fn visual_bell(&mut self, _: &mut vt100::Screen) {
        self.seen.push("visual bell".into());
    }
    fn resize(&mut self, _: &mut vt100::Screen, request: (u16, u16)) {
        self.seen.push(format!("resize {request:?}"));
    }
    fn set_window_icon_name(&mut self, _: &mut vt100::Screen, name: &[u8]) {
        self.seen
            .push(format!("icon name {:?}", String::from_utf8_lossy(name)));
    }
    fn set_window_title(&mut self, _: &mut vt100::Screen, title: &[u8]) {
        self.seen
            .push(format!("window title {:?}", String::from_utf8_lossy(title)));
    }
    fn copy_to_clipboard(&mut self, _: &mut vt100::Screen, _ty: &[u8], data: &[u8]) {
        self.seen
            .push(format!("clipboard {:?}", String::from_utf8_lossy(data)));
    }
    fn paste_from_clipboard(&mut self, _: &mut vt100::Screen, _ty: &[u8]) {
        self.seen.push("clipboard paste".into());
    }
    fn unhandled_char(&mut self, _: &mut vt100::Screen, c: char) {
        // vt100 routes U+FFFD here rather than drawing it; parallax prints it on purpose,
        // where a sequence was removed.
        if c != '\u{fffd}' {
            self.seen.push(format!("unhandled char {c:?}"));
        }
    }
    fn unhandled_control(&mut self, _: &mut vt100::Screen, b: u8) {
        self.seen.push(format!("unhandled control {b:#x}"));
    }
    fn unhandled_escape(&mut self, _: &mut vt100::Screen, _i1: Option<u8>, _i2: Option<u8>, b: u8) {
        self.seen.push(format!("unhandled escape {b:#x}"));
    }
    fn unhandled_csi(
        &mut self,
        _: &mut vt100::Screen,
        _i1: Option<u8>,
        _i2: Option<u8>,
        _params: &[&[u16]],
        c: char,
    ) {
        self.seen.push(format!("unhandled csi {c:?}"));
    }
    fn unhandled_osc(&mut self, _: &mut vt100::Screen, params: &[&[u8]]) {
        self.seen.push(format!("unhandled osc {params:?}"));
    }
}

/// A `vt100` terminal that records requests beyond drawing text.
pub fn terminal(rows: u16, cols: u16) -> vt100::Parser<Requests> {
    let nz = |n: u16| std::num::NonZeroU16::new(n).expect("non-zero size");
    vt100::Parser::new_with_callbacks(nz(rows), nz(cols), 0, Requests::default())
}

/// True for a character that a terminal acts on instead of showing: C0 controls other than
/// line feed and tab, DEL, C1 controls, and bidi overrides, embeddings and isolates.
pub fn is_live(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Assert that `bytes`, written by parallax for a terminal (`what` names the output), are
/// valid UTF-8 without a single live control character, and that a terminal shown them was not
/// asked to change its title, its clipboard, or anything else beyond drawing text.
pub fn assert_inert(what: &str, bytes: &[u8]) {
    let text =
        std::str::from_utf8(bytes).unwrap_or_else(|e| panic!("{what}: output is not UTF-8: {e}"));
    if let Some((i, c)) = text.char_indices().find(|&(_, c)| is_live(c)) {
        let from = text.floor_char_boundary(i.saturating_sub(40));
        let to = text.ceil_char_boundary((i + 40).min(text.len()));
        panic!(
            "{what}: live control {c:?} at byte {i}: {:?}",
            &text[from..to]
        );
    }
    let mut term = terminal(40, 200);
    // A terminal gets "\r\n" for each line break from the tty layer.
    term.process(text.replace('\n', "\r\n").as_bytes());
    assert!(
        term.callbacks().seen.is_empty(),
        "{what}: the terminal was asked for {:?}",
        term.callbacks().seen
    );
    assert!(
        !term.screen().alternate_screen() && !term.screen().hide_cursor(),
        "{what}: the terminal's modes changed"
    );
}
