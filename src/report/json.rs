//! The JSON report: the serde form of [`Comparison`], schema `parallax.comparison/1`.
//!
//! The article text travels unchanged (every span indexes into it), so characters that a
//! terminal would act on are written as `\uXXXX` escapes instead of raw: `serde_json` escapes
//! C0 controls itself; DEL, the C1 controls (U+0080–U+009F, read as CSI, OSC, … by some
//! terminals), the bidi overrides and isolates (U+202A–U+202E, U+2066–U+2069) and the bidi
//! marks (U+200E, U+200F, U+061C) are escaped here. The parsed JSON is the same either way.

use std::io::{self, Write};

use crate::compare::{
    AlignedPair, Comparison, DistinctiveTerm, Framing, Highlight, Limit, LoadedTerm, PerSide,
    Profile, Row, SharedQuote, SideInfo, Summary,
};

/// Pretty-printed JSON with a trailing newline.
pub fn render(cmp: &Comparison) -> String {
    let mut out = Vec::new();
    match write(cmp, &mut out) {
        Ok(()) => String::from_utf8(out).unwrap_or_default(),
        Err(e) => format!("{{\"error\": \"{e}\"}}\n"),
    }
}

/// [`render`], written to `sink`.
///
/// The report is serialised in two halves side by side on the thread pool (on a long pair it
/// is megabytes, and the last step before the process ends): the articles, the alignment, the
/// shared quotations and the loaded terms, then everything else. Each half is a pretty-printed
/// object of those fields; joined, they are byte for byte the whole [`Comparison`]
/// serialised at once (`halves_join_into_the_whole_report` checks it).
pub fn write(cmp: &Comparison, sink: &mut dyn Write) -> io::Result<()> {
    // Every field by name, so that a field added to the report cannot be left out here.
    let Comparison {
        schema,
        a,
        b,
        alignment,
        shared_quotes,
        loaded_terms,
        framing,
        distinctive,
        profile,
        highlights,
        rows,
        summary,
        limits,
    } = cmp;
    let head = Head {
        schema,
        a,
        b,
        alignment,
        shared_quotes,
        loaded_terms,
    };
    let tail = Tail {
        framing,
        distinctive,
        profile,
        highlights,
        rows,
        summary,
        limits,
    };
    let (head, tail) = rayon::join(|| escaped_json(&head), || escaped_json(&tail));
    let (head, tail) = (head?, tail?);
    // `{ head… \n}` and `{ tail… \n}` join as `{ head…, tail… \n}`.
    let head = head.strip_suffix(b"\n}").unwrap_or(&head);
    let tail = tail.strip_prefix(b"{").unwrap_or(&tail);
    sink.write_all(head)?;
    sink.write_all(b",")?;
    sink.write_all(tail)?;
    sink.write_all(b"\n")?;
    sink.flush()
}

/// The first fields of [`Comparison`], in its order.
#[derive(serde::Serialize)]
struct Head<'c> {
    schema: &'c String,
    a: &'c SideInfo,
    b: &'c SideInfo,
    alignment: &'c Vec<AlignedPair>,
    shared_quotes: &'c Vec<SharedQuote>,
    loaded_terms: &'c Vec<LoadedTerm>,
}

/// The rest of [`Comparison`]'s fields, in its order, with its rule for `limits`.
#[derive(serde::Serialize)]
struct Tail<'c> {
    framing: &'c Vec<Framing>,
    distinctive: &'c PerSide<Vec<DistinctiveTerm>>,
    profile: &'c PerSide<Profile>,
    highlights: &'c PerSide<Vec<Highlight>>,
    rows: &'c Vec<Row>,
    summary: &'c Summary,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    limits: &'c Vec<Limit>,
}

/// `value` pretty-printed, with terminal controls escaped as [`write_value`] escapes them.
fn escaped_json<T: serde::Serialize>(value: &T) -> io::Result<Vec<u8>> {
    let json = serde_json::to_string_pretty(value).map_err(io::Error::other)?;
    Ok(escape_owned(json).into_bytes())
}

/// [`escape_terminal_controls`], taking the serialised JSON by value: it comes back as it is
/// when it has nothing to escape (the usual case), and only the first bytes of the characters
/// to escape are looked for.
fn escape_owned(json: String) -> String {
    let bytes = json.as_bytes();
    let mut out: Option<String> = None;
    let (mut run, mut at) = (0, 0);
    while let Some(i) = next_lead(bytes, at) {
        let c = json[i..].chars().next().unwrap_or_default();
        if needs_escape(c) {
            let o = out.get_or_insert_with(|| String::with_capacity(json.len() + 16));
            o.push_str(&json[run..i]);
            o.push_str(&format!("\\u{:04x}", c as u32));
            run = i + c.len_utf8();
        }
        at = i + c.len_utf8();
    }
    match out {
        None => json,
        Some(mut o) => {
            o.push_str(&json[run..]);
            o
        }
    }
}

/// Any serialisable report (the story's too) as pretty-printed JSON with a trailing newline,
/// escaped as [`render`] is, written to `sink` as it is serialised.
pub fn write_value<T: serde::Serialize + ?Sized>(
    value: &T,
    sink: &mut dyn Write,
) -> io::Result<()> {
    let mut escaped = EscapeControls {
        inner: sink,
        carry: Vec::new(),
    };
    {
        let mut buf = io::BufWriter::with_capacity(1 << 16, &mut escaped);
        serde_json::to_writer_pretty(&mut buf, value).map_err(io::Error::other)?;
        buf.write_all(b"\n")?;
        buf.flush()?;
    }
    escaped.finish()
}

/// A writer that passes serialised JSON on with every character [`needs_escape`] names
/// written as its `\uXXXX` escape; a character split between two writes waits for its end.
struct EscapeControls<'w> {
    inner: &'w mut dyn Write,
    carry: Vec<u8>,
}

impl EscapeControls<'_> {
    /// Write out what is left (only an incomplete character, which cannot happen with JSON).
    fn finish(mut self) -> io::Result<()> {
        let rest = std::mem::take(&mut self.carry);
        self.inner.write_all(&rest)?;
        self.inner.flush()
    }
}

impl Write for EscapeControls<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        // Bytes are copied only to complete a character the last write split.
        let joined;
        let data: &[u8] = if self.carry.is_empty() {
            buf
        } else {
            self.carry.extend_from_slice(buf);
            joined = std::mem::take(&mut self.carry);
            &joined
        };
        let (text, used) = match std::str::from_utf8(data) {
            Ok(s) => (s, data.len()),
            // An incomplete character at the end waits for the next write.
            Err(e) if e.error_len().is_none() => {
                let n = e.valid_up_to();
                (std::str::from_utf8(&data[..n]).unwrap_or_default(), n)
            }
            // Not UTF-8 (serde_json never writes that): passed on as it is.
            Err(_) => {
                self.inner.write_all(data)?;
                return Ok(buf.len());
            }
        };
        // Only the first byte of a character [`needs_escape`] names is looked for; the rest of
        // the text is passed on without decoding it.
        let bytes = text.as_bytes();
        let (mut run, mut at) = (0, 0);
        while let Some(i) = next_lead(bytes, at) {
            let c = text[i..].chars().next().unwrap_or_default();
            if needs_escape(c) {
                self.inner.write_all(&bytes[run..i])?;
                write!(self.inner, "\\u{:04x}", c as u32)?;
                run = i + c.len_utf8();
            }
            at = i + c.len_utf8();
        }
        self.inner.write_all(&bytes[run..])?;
        self.carry.extend_from_slice(&data[used..]);
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

/// Replace every raw DEL, C1 control and bidi control character in serialised JSON by its
/// `\uXXXX` escape. Such characters can only occur inside JSON strings, where the escape means
/// the same character.
pub fn escape_terminal_controls(json: &str) -> String {
    // One escaper for every report: the owned form's, on a copy.
    escape_owned(json.to_string())
}

/// The place of the first byte from `from` on that is one of [`ESCAPE_LEADS`]. Eight bytes at
/// a time while none is 0x7f or above (all the leads are): JSON is mostly plain ASCII.
fn next_lead(bytes: &[u8], from: usize) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let is_lead = |b: &u8| *b >= 0x7f && ESCAPE_LEADS.contains(b);
    let mut at = from;
    while let Some(chunk) = bytes.get(at..at + 8) {
        let w = u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8]));
        // A byte of 0x7f or above sets its high bit in `w` or in `w + 1` (per byte).
        if (w | w.wrapping_add(ONES)) & HIGH != 0
            && let Some(i) = chunk.iter().position(is_lead)
        {
            return Some(at + i);
        }
        at += 8;
    }
    bytes[at..].iter().position(is_lead).map(|i| at + i)
}

/// The first bytes of the UTF-8 encodings of the characters [`needs_escape`] names.
const ESCAPE_LEADS: [u8; 4] = [0x7f, 0xc2, 0xd8, 0xe2];

fn needs_escape(c: char) -> bool {
    matches!(
        c,
        '\u{7f}'..='\u{9f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' | '\u{61c}'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The two halves, joined, are the whole report serialised at once: every field, in order,
    /// with the same indentation, with and without `limits`.
    #[test]
    fn halves_join_into_the_whole_report() {
        let demo = crate::corpus::demo();
        let (a, b) = (&demo.articles[0], &demo.articles[1]);
        let full = crate::compare::compare(a, b, &crate::compare::Options::default());
        // A budget of nothing: quotation matching falls back, and `limits` is written.
        let cut = crate::compare::compare(
            a,
            b,
            &crate::compare::Options {
                quote_budget: 0,
                ..Default::default()
            },
        );
        assert!(full.limits.is_empty() && !cut.limits.is_empty());
        for cmp in [&full, &cut] {
            let mut whole = Vec::new();
            write_value(cmp, &mut whole).unwrap();
            let mut joined = Vec::new();
            write(cmp, &mut joined).unwrap();
            assert_eq!(
                String::from_utf8(joined).unwrap(),
                String::from_utf8(whole).unwrap()
            );
        }
    }

    /// Every character [`needs_escape`] names written as its escape, one character at a time:
    /// what the faster escapers must give.
    fn naive(raw: &str) -> String {
        raw.chars()
            .map(|c| {
                if needs_escape(c) {
                    format!("\\u{:04x}", c as u32)
                } else {
                    c.to_string()
                }
            })
            .collect()
    }

    /// `raw` passed through the escaping writer in one write.
    fn streamed(raw: &str) -> String {
        let mut out = Vec::new();
        {
            let mut w = EscapeControls {
                inner: &mut out,
                carry: Vec::new(),
            };
            w.write_all(raw.as_bytes()).unwrap();
            w.finish().unwrap();
        }
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn every_escaped_character_starts_with_a_lead_byte_the_writer_looks_for() {
        let mut escaped = 0;
        for c in (0..=0x10ffff)
            .filter_map(char::from_u32)
            .filter(|&c| needs_escape(c))
        {
            let mut utf8 = [0; 4];
            let first = c.encode_utf8(&mut utf8).as_bytes()[0];
            assert!(ESCAPE_LEADS.contains(&first), "{c:?}");
            escaped += 1;
        }
        assert_eq!(escaped, 33 + 5 + 4 + 3);
    }

    #[test]
    fn a_whole_report_is_escaped_like_the_stream() {
        for raw in [
            String::new(),
            serde_json::to_string(&"plain ASCII and “quotes” – é").unwrap(),
            serde_json::to_string(&"\u{9b}31m red \u{202e}evil\u{202c} \u{7f}\u{61c}").unwrap(),
        ] {
            assert_eq!(escape_owned(raw.clone()), streamed(&raw), "{raw:?}");
        }
        assert!(escape_owned("\"\u{9b}\"".to_string()).contains("\\u009b"));
    }

    #[test]
    fn the_streaming_writer_escapes_only_what_needs_it_in_mixed_text() {
        let raw =
            serde_json::to_string(&"é – “quoted” \u{9b}\u{61c} ←\u{2066}x\u{2069} \u{a0}").unwrap();
        let out = streamed(&raw);
        assert_eq!(out, naive(&raw));
        assert!(
            out.contains("é – “quoted” \\u009b\\u061c ←\\u2066x\\u2069 \u{a0}"),
            "{out}"
        );
    }

    #[test]
    fn the_streaming_writer_escapes_characters_split_between_writes() {
        let raw = serde_json::to_string(&"a\u{9b}31m\u{202e}b\u{7f}").unwrap();
        let mut out = Vec::new();
        {
            let mut w = EscapeControls {
                inner: &mut out,
                carry: Vec::new(),
            };
            for byte in raw.as_bytes() {
                w.write_all(std::slice::from_ref(byte)).unwrap();
            }
            w.finish().unwrap();
        }
        assert_eq!(String::from_utf8(out).unwrap(), naive(&raw));
    }

    #[test]
    fn the_streaming_writer_finds_controls_at_every_place_of_a_long_plain_run() {
        // Long runs of plain ASCII are read eight bytes at a time: a control at any offset,
        // next to accented letters or alone, must still be escaped.
        for pad in 0..17 {
            for c in ['\u{7f}', '\u{9b}', '\u{202e}', '\u{61c}'] {
                let text = format!(
                    "{}{c}{}é{}{c}",
                    "x".repeat(pad),
                    "y".repeat(9),
                    "z".repeat(pad)
                );
                let raw = serde_json::to_string(&text).unwrap();
                let out = streamed(&raw);
                assert_eq!(out, naive(&raw), "pad {pad}, {c:?}");
                assert_eq!(escape_terminal_controls(&raw), out, "pad {pad}, {c:?}");
                assert!(!out.contains(c), "pad {pad}, {c:?}: {out}");
            }
        }
    }

    #[test]
    fn c1_and_bidi_controls_are_escaped_and_parse_back() {
        let raw = serde_json::to_string(&"a\u{9b}31m\u{202e}b\u{7f}").unwrap();
        let escaped = escape_terminal_controls(&raw);
        assert_eq!(escaped, r#""a\u009b31m\u202eb\u007f""#);
        let back: String = serde_json::from_str(&escaped).unwrap();
        assert_eq!(back, "a\u{9b}31m\u{202e}b\u{7f}");
    }
}
