//! Reading one file into text, turning every way that can fail into a plain reason.
//!
//! Checks, in order: the file can be opened and read, it is not over the size limit, it is not
//! empty, it is not binary (NUL bytes, or mostly control characters), it is valid UTF-8, and it
//! is not whitespace only.

use std::fs::File;
use std::io::Read;
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

/// Read `path` as article text, or say why it cannot be used.
pub fn read_text(path: &Path, max_file_size: u64) -> Result<String, SkipReason> {
    let file = File::open(path).map_err(|e| SkipReason::from_io(&e))?;
    let meta = file.metadata().map_err(|e| SkipReason::from_io(&e))?;
    if meta.is_dir() {
        return Err(SkipReason::Directory);
    }
    if meta.len() > max_file_size {
        return Err(SkipReason::TooLarge {
            size: meta.len(),
            limit: max_file_size,
        });
    }
    let mut bytes = Vec::new();
    // Read at most one byte past the limit, in case the file grows while being read.
    file.take(max_file_size.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| SkipReason::from_io(&e))?;
    if bytes.len() as u64 > max_file_size {
        return Err(SkipReason::TooLarge {
            size: bytes.len() as u64,
            limit: max_file_size,
        });
    }
    check_bytes(bytes)
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
    let head: String = start.chars().take(512).collect::<String>().to_ascii_lowercase();
    if start.starts_with('<') {
        if ["<rss", "<feed", "<rdf:rdf"].iter().any(|t| head.contains(t)) {
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

/// Validate raw bytes as article text.
pub fn check_bytes(bytes: Vec<u8>) -> Result<String, SkipReason> {
    if bytes.is_empty() {
        return Err(SkipReason::Empty);
    }
    if let Some(offset) = bytes.iter().position(|&b| b == 0) {
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
    if text.trim().is_empty() {
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
    fn bad_utf8_names_the_offset() {
        let err = check_bytes(b"abc\xffdef".to_vec()).unwrap_err();
        assert_eq!(err, SkipReason::NotUtf8 { offset: 3 });
        assert!(err.to_string().contains("offset 3"), "{err}");
    }
}
