// The hash of a word's `Filter` bit (`src/text/vocab/table.rs`). The build script includes
// this file too, so that it sets each listed word's bit where the program looks for it.

/// A cheap hash of `word`: its length, then its bytes eight at a time, each step rotated,
/// mixed in and multiplied (as `rustc_hash` does).
pub fn word_hash(word: &str) -> u64 {
    let mut h = word.len() as u64;
    for chunk in word.as_bytes().chunks(8) {
        let mut b = [0u8; 8];
        b[..chunk.len()].copy_from_slice(chunk);
        h = (h.rotate_left(5) ^ u64::from_le_bytes(b)).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
    h
}

/// The bit of `word` in a filter of `bits` bits (a power of two).
pub fn filter_bit(word: &str, bits: usize) -> usize {
    // The high bits are the best mixed.
    (word_hash(word) >> 32) as usize & (bits - 1)
}
