//! The terminal reader.

use crate::corpus::Library;

/// Run the terminal reader on a loaded library.
pub fn run(library: Library) -> anyhow::Result<()> {
    let _ = library;
    anyhow::bail!("the terminal reader is not built yet")
}
