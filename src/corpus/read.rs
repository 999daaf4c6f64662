//! Reading one file into text, turning every way that can fail into a plain reason.
//!
//! Checks, in order: the file can be opened and read, it is not over the size limit, it is not
//! empty, it is not binary (NUL bytes, or mostly control characters), it is valid UTF-8, and it
//! is not whitespace only.

use std::fs::File;
use std::io::{self, Read};
use std::path::Path;

/// Describe an I/O error in plain words.
pub fn io_reason(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "does not exist".to_string(),
        io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => {
            let msg = e.to_string();
            if msg.contains("Too many levels of symbolic links") {
                "symlink loop (too many levels of symbolic links)".to_string()
            } else if msg.contains("Is a directory") {
                "is a directory".to_string()
            } else {
                format!("cannot read: {msg}")
            }
        }
    }
}

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
pub fn read_text(path: &Path, max_file_size: u64) -> Result<String, String> {
    let file = File::open(path).map_err(|e| io_reason(&e))?;
    let meta = file.metadata().map_err(|e| io_reason(&e))?;
    if meta.is_dir() {
        return Err("is a directory".to_string());
    }
    if meta.len() > max_file_size {
        return Err(too_large(meta.len(), max_file_size));
    }
    let mut bytes = Vec::new();
    // Read at most one byte past the limit, in case the file grows while being read.
    file.take(max_file_size.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| io_reason(&e))?;
    if bytes.len() as u64 > max_file_size {
        return Err(too_large(bytes.len() as u64, max_file_size));
    }
    check_bytes(bytes)
}

fn too_large(len: u64, limit: u64) -> String {
    format!(
        "file is too large ({}; the limit is {}, see --max-file-size)",
        human_size(len),
        human_size(limit)
    )
}

/// Validate raw bytes as article text.
pub fn check_bytes(bytes: Vec<u8>) -> Result<String, String> {
    if bytes.is_empty() {
        return Err("empty file".to_string());
    }
    if let Some(pos) = bytes.iter().position(|&b| b == 0) {
        return Err(format!(
            "binary file (contains a NUL byte at offset {pos}), not text"
        ));
    }
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            return Err(format!(
                "not valid UTF-8 (first bad byte at offset {at}); convert the file to UTF-8"
            ));
        }
    };
    let total = text.chars().count();
    let control = text
        .chars()
        .filter(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}'))
        .count();
    if control * 10 > total {
        return Err(format!(
            "binary file ({control} of {total} characters are control characters), not text"
        ));
    }
    if text.trim().is_empty() {
        return Err("contains only whitespace".to_string());
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
        assert!(err.contains("offset 3"), "{err}");
    }
}
