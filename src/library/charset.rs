//! The character encoding of a fetched page or feed, and its text as UTF-8.
//!
//! In order, the first that applies:
//!
//! 1. a byte-order mark;
//! 2. valid UTF-8 is read as UTF-8, whatever the page or the server declares — a server that
//!    labels UTF-8 pages as Latin-1 is common, and legacy-encoded text that happens to be valid
//!    UTF-8 is vanishingly rare;
//! 3. the `charset` of the `Content-Type` header;
//! 4. what the document declares near its start: `<meta charset>` or `http-equiv` in a page,
//!    the `encoding` of an XML declaration;
//! 5. Windows-1252, the HTML standard's fallback.
//!
//! A label `encoding_rs` does not know is passed over for the next rule. The text of an XML
//! document decoded from another encoding gets its declaration rewritten to say UTF-8, so the
//! saved copy says what it is.

use encoding_rs::Encoding;

/// The text of `bytes`, decoded as described in the module documentation; `header` is the
/// `charset` parameter of the response's `Content-Type`, if any.
pub fn decode(bytes: &[u8], header: Option<&str>) -> String {
    if let Some((enc, bom)) = Encoding::for_bom(bytes) {
        let (text, _) = enc.decode_without_bom_handling(&bytes[bom..]);
        return text.into_owned();
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return text.to_string();
    }
    let usable = |label: &str| {
        Encoding::for_label(label.trim().as_bytes()).filter(|e| *e != encoding_rs::UTF_8)
    };
    let from_header = header.and_then(usable);
    let declared = || {
        declared_label(bytes)
            .and_then(|l| usable(&l))
            // A document cannot declare UTF-16 in ASCII; the HTML standard reads that as UTF-8,
            // which these bytes are not.
            .filter(|e| *e != encoding_rs::UTF_16LE && *e != encoding_rs::UTF_16BE)
    };
    let enc = from_header
        .or_else(declared)
        .unwrap_or(encoding_rs::WINDOWS_1252);
    let (text, _) = enc.decode_without_bom_handling(bytes);
    rewrite_xml_declaration(text.into_owned())
}

/// The `charset` parameter of a `Content-Type` value (`text/html; charset="ISO-8859-1"`).
pub fn header_charset(content_type: &str) -> Option<String> {
    content_type.split(';').skip(1).find_map(|param| {
        let (name, value) = param.split_once('=')?;
        name.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| value.trim().trim_matches(['"', '\'']).to_string())
            .filter(|v| !v.is_empty())
    })
}

/// The encoding a document declares near its start: the `encoding` of an XML declaration, else
/// the first `charset=` in its first 2 KiB (`<meta charset>`, `http-equiv`), lowercased.
pub fn declared_label(bytes: &[u8]) -> Option<String> {
    let head = &bytes[..bytes.len().min(2048)];
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let trimmed = lower
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(0);
    let key: &[u8] = if lower[trimmed..].starts_with(b"<?xml") {
        b"encoding="
    } else {
        b"charset="
    };
    let limit = if key == b"encoding=" {
        lower
            .windows(2)
            .position(|w| w == b"?>")
            .unwrap_or(lower.len())
    } else {
        lower.len()
    };
    let at = lower[..limit].windows(key.len()).position(|w| w == key)? + key.len();
    let label: String = lower[at..limit]
        .iter()
        .skip_while(|&&b| b == b'"' || b == b'\'' || b == b' ')
        .take_while(|&&b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':' | b'.'))
        .map(|&b| b as char)
        .collect();
    (!label.is_empty()).then_some(label)
}

/// `<?xml version="1.0" encoding="ISO-8859-1"?>` → `… encoding="UTF-8"?>`, for text that is now
/// UTF-8; other text as it is.
fn rewrite_xml_declaration(text: String) -> String {
    let start = text.len() - text.trim_start().len();
    if !text[start..].starts_with("<?xml") {
        return text;
    }
    let Some(end) = text[start..].find("?>").map(|e| start + e) else {
        return text;
    };
    let decl = &text[start..end];
    let Some(at) = decl.find("encoding=") else {
        return text;
    };
    let value_start = start + at + "encoding=".len();
    let Some(quote) = text[value_start..end].chars().next() else {
        return text;
    };
    if quote != '"' && quote != '\'' {
        return text;
    }
    let Some(close) = text[value_start + 1..end].find(quote) else {
        return text;
    };
    let mut out = String::with_capacity(text.len());
    out.push_str(&text[..value_start + 1]);
    out.push_str("UTF-8");
    out.push_str(&text[value_start + 1 + close..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_header_charset_decodes_a_legacy_page() {
        let bytes = b"<p>caf\xe9 cr\xe8me</p>";
        assert_eq!(decode(bytes, Some("ISO-8859-1")), "<p>café crème</p>");
    }

    #[test]
    fn utf8_wins_over_a_wrong_label() {
        let page = "<meta charset=\"windows-1252\"><p>café</p>";
        assert_eq!(decode(page.as_bytes(), Some("iso-8859-1")), page);
    }

    #[test]
    fn a_page_labelled_utf8_that_is_not_falls_back_to_its_own_declaration() {
        let bytes = b"<meta charset=\"koi8-r\"><p>\xf0\xd2\xc9\xd7\xc5\xd4</p>";
        assert_eq!(
            decode(bytes, Some("utf-8")),
            "<meta charset=\"koi8-r\"><p>Привет</p>"
        );
        // No usable declaration at all: Windows-1252.
        assert_eq!(
            decode(b"<p>\x93quoted\x94</p>", Some("utf-8")),
            "<p>“quoted”</p>"
        );
        assert_eq!(decode(b"<p>\xe9</p>", Some("no-such-charset")), "<p>é</p>");
    }

    #[test]
    fn a_byte_order_mark_wins() {
        let mut bytes = vec![0xff, 0xfe];
        for u in "hé".encode_utf16() {
            bytes.extend_from_slice(&u.to_le_bytes());
        }
        assert_eq!(decode(&bytes, Some("iso-8859-1")), "hé");
    }

    #[test]
    fn an_xml_declaration_is_read_and_rewritten() {
        let bytes =
            b"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss><title>\xe9t\xe9</title></rss>";
        assert_eq!(
            decode(bytes, None),
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss><title>été</title></rss>"
        );
    }

    #[test]
    fn content_type_parameters_are_parsed() {
        assert_eq!(
            header_charset("text/html; charset=\"ISO-8859-1\"").as_deref(),
            Some("ISO-8859-1")
        );
        assert_eq!(
            header_charset("text/html;Charset=utf-8;q=1").as_deref(),
            Some("utf-8")
        );
        assert_eq!(header_charset("text/html"), None);
    }
}
