//! The comparison engine: pure, deterministic, no terminal code.

pub mod comparison;

pub use comparison::*;
