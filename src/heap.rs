//! The allocator's heaps, prepared once for the waves of allocation a comparison makes.
//!
//! A comparison allocates and frees in waves (a text's words, the alignment's vectors, the
//! report). With glibc's defaults a heap is grown by a few pages whenever it runs out and
//! shrunk again whenever 128 KiB at its top are free, so on a long pair the heaps were grown
//! and shrunk about a thousand times and every page given back was faulted in again on its
//! next use. **Padding** stops that: each heap keeps 64 MiB spare at its top (`M_TOP_PAD`),
//! so it grows once and keeps what it has. Pages never touched cost nothing.
//!
//! The heaps are not marked for transparent huge pages: on a long pair that saved page faults
//! but not time, and now and then the kernel's zeroing of whole 2 MiB pages made a run up to
//! twice as slow (`BENCHMARKS.md`, "Eleventh pass").
//!
//! The setting is a hint: a refused value leaves the default in place and nothing else
//! changes. Other platforms and allocators do nothing.

/// Spare room each heap keeps at its top.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
const TOP_PAD: usize = 64 << 20;

/// Set the allocator's padding. Call once, first thing in `main`, before any other thread
/// exists.
pub fn prepare() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: `mallopt` sets one of the allocator's parameters; it is called once, before any
    // other thread exists, and a refused value leaves the default in place.
    unsafe {
        libc::mallopt(libc::M_TOP_PAD, TOP_PAD as libc::c_int);
    }
}
