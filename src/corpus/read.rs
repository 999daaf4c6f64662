//! Reading one file into text, turning every way that can fail into a plain reason.
//!
//! Checks, in order: the file can be opened, it is a regular file (not a named pipe, device or
//! socket: a file swapped for one after the directory was listed is refused, never waited on,
//! since it is opened without blocking and checked on the open descriptor), it is not over
//! the size limit (also while it is read, should it grow), it is not empty, text with a UTF-16
//! byte-order mark is decoded (UTF-32 and BOM-less UTF-16 are named), it is not binary (NUL
//! bytes, or mostly control characters), it is valid UTF-8, and it is not whitespace only.

use std::fs::File;
use std::io::{self, Read};
use std::path::Path;

use super::SkipReason;

/// Format a byte count for people: `8 MiB`, `500 KiB`, `12 bytes`.
pub fn human_size(n: u64) -> String {
    const KI: u64 = 1024;
    if n >= KI * KI && n.is_multiple_of(KI * KI) {
        format!("{} MiB", n / (KI * KI))
    } else if n >= KI * KI {
        format!("{:.1} MiB", n as f64 / (KI * KI) as f64)
    } else if n >= KI && n.is_multiple_of(KI) {
        format!("{} KiB", n / KI)
    } else if n >= KI {
        format!("{:.1} KiB", n as f64 / KI as f64)
    } else if n == 1 {
        "1 byte".to_string()
    } else {
        format!("{n} bytes")
    }
}

/// Why [`read_regular`] read nothing.
#[derive(Debug)]
pub enum ReadError {
    /// Opening or reading failed.
    Io(io::Error),
    /// The path names a directory.
    Directory,
    /// The path names something other than a regular file: what it is ("a named pipe").
    NotRegular(&'static str),
    /// The file holds more than the limit: its size (at least the limit plus one byte).
    TooLarge(u64),
}

/// Open `path` for reading without ever blocking (a named pipe with no writer, a device) and
/// check on the open descriptor that it is a regular file; its contents, at most `limit`
/// bytes.
pub fn read_regular(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    let mut opts = std::fs::OpenOptions::new();
    opts.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        // Non-blocking: opening a FIFO returns at once instead of waiting for a writer; no
        // controlling terminal is acquired by opening a terminal device.
        opts.custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY);
    }
    let file: File = opts.open(path).map_err(ReadError::Io)?;
    let meta = file.metadata().map_err(ReadError::Io)?;
    if meta.is_dir() {
        return Err(ReadError::Directory);
    }
    if !meta.is_file() {
        return Err(ReadError::NotRegular(file_kind(&meta.file_type())));
    }
    if meta.len() > limit {
        return Err(ReadError::TooLarge(meta.len()));
    }
    let mut bytes = Vec::new();
    // Read at most one byte past the limit, in case the file grows while being read.
    file.take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(ReadError::Io)?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge(bytes.len() as u64));
    }
    Ok(bytes)
}

/// Standard input as article text (read once: a second `-` gets the same text), or why it
/// cannot be used.
pub fn read_stdin(max_file_size: u64) -> Result<String, SkipReason> {
    static STDIN: std::sync::OnceLock<Result<Vec<u8>, SkipReason>> = std::sync::OnceLock::new();
    let read = STDIN.get_or_init(|| {
        let mut bytes = Vec::new();
        std::io::stdin()
            .lock()
            .take(max_file_size.saturating_add(1))
            .read_to_end(&mut bytes)
            .map_err(|e| SkipReason::from_io(&e))?;
        Ok(bytes)
    });
    let bytes = read.clone()?;
    if bytes.len() as u64 > max_file_size {
        return Err(SkipReason::TooLarge {
            size: bytes.len() as u64,
            limit: max_file_size,
        });
    }
    check_bytes(bytes)
}

/// The file extension whose reader fits `text` read from standard input: `html` for markup (or
/// `xml` for a feed), `json` for a JSON object or array, `md` for Markdown with front matter
/// or a `#` heading, `txt` otherwise.
pub fn sniff_extension(text: &str) -> &'static str {
    let start = text.trim_start_matches('\u{feff}').trim_start();
    let head: String = start
        .chars()
        .take(512)
        .collect::<String>()
        .to_ascii_lowercase();
    if start.starts_with('<') {
        if ["<rss", "<feed", "<rdf:rdf"]
            .iter()
            .any(|t| head.contains(t))
        {
            "xml"
        } else {
            "html"
        }
    } else if start.starts_with('{') || start.starts_with('[') {
        "json"
    } else if start.starts_with("---") || start.starts_with("# ") {
        "md"
    } else {
        "txt"
    }
}

/// What a file that is not a regular file or a directory is, in words.
pub fn file_kind(ft: &std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if ft.is_fifo() {
            return "a named pipe";
        }
        if ft.is_char_device() {
            return "a character device";
        }
        if ft.is_block_device() {
            return "a block device";
        }
        if ft.is_socket() {
            return "a socket";
        }
    }
    let _ = ft;
    "not a file of data"
}

/// The raw bytes of the article file `path`, or why it cannot be used.
pub fn read_bytes(path: &Path, max_file_size: u64) -> Result<Vec<u8>, SkipReason> {
    read_regular(path, max_file_size).map_err(|e| match e {
        ReadError::Io(e) => SkipReason::from_io(&e),
        ReadError::Directory => SkipReason::Directory,
        ReadError::NotRegular(kind) => SkipReason::NotRegularFile {
            what: kind.to_string(),
        },
        ReadError::TooLarge(size) => SkipReason::TooLarge {
            size,
            limit: max_file_size,
        },
    })
}

/// Read `path` as article text, or say why it cannot be used.
pub fn read_text(path: &Path, max_file_size: u64) -> Result<String, SkipReason> {
    check_bytes(read_bytes(path, max_file_size)?)
}

/// Text that starts with a UTF-16 byte-order mark, decoded; `None` without such a mark.
/// UTF-32 text is named rather than decoded.
pub fn decode_bom(bytes: &[u8]) -> Option<Result<String, SkipReason>> {
    let utf32 = |order: &str| {
        Err(SkipReason::Utf32 {
            order: order.to_string(),
        })
    };
    if bytes.starts_with(&[0xff, 0xfe, 0, 0]) {
        return Some(utf32("little-endian"));
    }
    if bytes.starts_with(&[0, 0, 0xfe, 0xff]) {
        return Some(utf32("big-endian"));
    }
    let (encoding, order) = match bytes {
        [0xff, 0xfe, ..] => (encoding_rs::UTF_16LE, "little-endian"),
        [0xfe, 0xff, ..] => (encoding_rs::UTF_16BE, "big-endian"),
        _ => return None,
    };
    Some(
        encoding
            .decode_without_bom_handling_and_without_replacement(&bytes[2..])
            .map(|t| t.into_owned())
            .ok_or_else(|| SkipReason::NotUtf16 {
                order: order.to_string(),
            }),
    )
}

/// "little-endian" or "big-endian" when `bytes` read like UTF-16 text without a byte-order
/// mark: three in four of every other byte NUL, and of the rest printable ASCII.
fn bomless_utf16(bytes: &[u8]) -> Option<&'static str> {
    let sample = &bytes[..bytes.len().min(4096) & !1];
    if sample.len() < 4 {
        return None;
    }
    let half = sample.len() / 2;
    let zeros = |parity: usize| {
        sample
            .iter()
            .skip(parity)
            .step_by(2)
            .filter(|&&b| b == 0)
            .count()
    };
    let printable = |parity: usize| {
        sample
            .iter()
            .skip(parity)
            .step_by(2)
            .filter(|&&b| b.is_ascii_graphic() || b.is_ascii_whitespace())
            .count()
    };
    if zeros(1) * 4 >= half * 3 && printable(0) * 4 >= half * 3 {
        Some("little-endian")
    } else if zeros(0) * 4 >= half * 3 && printable(1) * 4 >= half * 3 {
        Some("big-endian")
    } else {
        None
    }
}

/// Validate raw bytes as article text (decoding UTF-16 with a byte-order mark).
pub fn check_bytes(bytes: Vec<u8>) -> Result<String, SkipReason> {
    if bytes.is_empty() {
        return Err(SkipReason::Empty);
    }
    let decoded = match decode_bom(&bytes) {
        Some(result) => Some(result?),
        None => None,
    };
    let bytes = match decoded {
        Some(text) => text.into_bytes(),
        None => bytes,
    };
    if let Some(offset) = bytes.iter().position(|&b| b == 0) {
        if let Some(order) = bomless_utf16(&bytes) {
            return Err(SkipReason::BomlessUtf16 {
                order: order.to_string(),
            });
        }
        return Err(SkipReason::NulByte { offset });
    }
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let offset = e.utf8_error().valid_up_to();
            return Err(SkipReason::NotUtf8 { offset });
        }
    };
    let total = text.chars().count();
    let control = text
        .chars()
        .filter(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}'))
        .count();
    if control * 10 > total {
        return Err(SkipReason::ControlCharacters { control, total });
    }
    // A byte-order mark is not text either (a file of nothing but one would otherwise load
    // as nothing, with no reason given).
    if text
        .trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}')
        .is_empty()
    {
        return Err(SkipReason::OnlyWhitespace);
    }
    Ok(text)
}

/// Parse a size such as `8MiB`, `500K`, `2 MB`, `1048576`. Binary and decimal suffixes are both
/// read as powers of 1024 (`K`, `KB`, `KiB` = 1024 bytes), since the limit is a guard, not an
/// accounting figure.
pub fn parse_size(s: &str) -> Result<u64, String> {
    let t = s.trim();
    let digits_end = t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len());
    let (num, unit) = t.split_at(digits_end);
    if num.is_empty() {
        return Err(format!(
            "'{s}' is not a size (examples: 1048576, 500K, 8MiB)"
        ));
    }
    let n: u64 = num
        .parse()
        .map_err(|_| format!("'{s}' is too large a number"))?;
    let mult: u64 = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 1,
        "k" | "kb" | "kib" => 1 << 10,
        "m" | "mb" | "mib" => 1 << 20,
        "g" | "gb" | "gib" => 1 << 30,
        other => {
            return Err(format!(
                "unknown size unit '{other}' in '{s}' (use B, K/KiB, M/MiB or G/GiB)"
            ));
        }
    };
    n.checked_mul(mult)
        .ok_or_else(|| format!("'{s}' is too large a size"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_parse_with_and_without_units() {
        assert_eq!(parse_size("1048576"), Ok(1_048_576));
        assert_eq!(parse_size("500K"), Ok(500 * 1024));
        assert_eq!(parse_size("8MiB"), Ok(8 * 1024 * 1024));
        assert_eq!(parse_size("2 mb"), Ok(2 * 1024 * 1024));
        assert!(parse_size("lots").is_err());
        assert!(parse_size("5 parsecs").is_err());
        assert!(parse_size("99999999999999999999G").is_err());
    }

    #[test]
    fn utf16_with_a_byte_order_mark_is_decoded_and_without_one_named() {
        let words = "Quoted “words”, café.\n";
        let le: Vec<u8> = [0xff, 0xfe]
            .into_iter()
            .chain(words.encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let be: Vec<u8> = [0xfe, 0xff]
            .into_iter()
            .chain(words.encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        assert_eq!(check_bytes(le.clone()).unwrap(), words);
        assert_eq!(check_bytes(be).unwrap(), words);
        let err = check_bytes(le[2..].to_vec()).unwrap_err().to_string();
        assert!(
            err.contains("UTF-16 text (little-endian) without a byte-order mark"),
            "{err}"
        );
        let err = check_bytes(vec![0xff, 0xfe, 0, 0, b'a', 0, 0, 0])
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("UTF-32 text"), "{err}");
        // A lone surrogate is not UTF-16.
        let err = check_bytes(vec![0xff, 0xfe, 0x00, 0xd8, b'a', 0])
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("not valid UTF-16"), "{err}");
    }

    #[test]
    fn a_byte_order_mark_and_whitespace_alone_are_no_text() {
        assert_eq!(
            check_bytes("\u{feff}".as_bytes().to_vec()),
            Err(SkipReason::OnlyWhitespace)
        );
        assert_eq!(
            check_bytes("\n\u{feff} \n".as_bytes().to_vec()),
            Err(SkipReason::OnlyWhitespace)
        );
        assert!(check_bytes("\u{feff}text".as_bytes().to_vec()).is_ok());
    }

    #[test]
    fn bad_utf8_names_the_offset() {
        let err = check_bytes(b"abc\xffdef".to_vec()).unwrap_err().to_string();
        assert!(err.contains("offset 3"), "{err}");
    }
}
