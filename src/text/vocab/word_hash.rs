// The hash of a word's entry in the index of a `Filtered` table (`src/text/vocab/table.rs`).
// The build script includes this file too, so that it files each listed word where the
// program looks for it.

/// A cheap hash of `word`: its length, then its bytes eight at a time, each step rotated,
/// mixed in and multiplied (as `rustc_hash` does). The last one to seven bytes are read as two
/// overlapping pieces, which with the length tell them apart.
pub fn word_hash(word: &str) -> u64 {
    let mix = |h: u64, v: u64| (h.rotate_left(5) ^ v).wrapping_mul(0x517c_c1b7_2722_0a95);
    let bytes = word.as_bytes();
    let mut h = bytes.len() as u64;
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        h = mix(h, u64::from_le_bytes(chunk.try_into().unwrap_or_default()));
    }
    let rest = chunks.remainder();
    let n = rest.len();
    let u32_at = |i: usize| u64::from(u32::from_le_bytes([rest[i], rest[i + 1], rest[i + 2], rest[i + 3]]));
    let u16_at = |i: usize| u64::from(u16::from_le_bytes([rest[i], rest[i + 1]]));
    let last = match n {
        0 => return h,
        1 => u64::from(rest[0]),
        2..=3 => u16_at(0) | u16_at(n - 2) << 16,
        _ => u32_at(0) | u32_at(n - 4) << 32,
    };
    mix(h, last)
}

/// The entry of `word` in an index of `len` entries (a power of two).
pub fn index_entry(word: &str, len: usize) -> usize {
    // The high bits are the best mixed.
    (word_hash(word) >> 32) as usize & (len - 1)
}
