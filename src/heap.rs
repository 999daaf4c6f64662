//! The allocator's heaps, prepared once for the waves of allocation a comparison makes.
//!
//! A comparison allocates and frees in waves (a text's words, the alignment's vectors, the
//! report). With glibc's defaults a heap is grown by a few pages whenever it runs out and
//! shrunk again whenever 128 KiB at its top are free, so on a long pair the heaps were grown
//! and shrunk about a thousand times and every page given back was faulted in again on its
//! next use. Two settings stop that:
//!
//! - **Padding.** Each heap keeps 64 MiB spare at its top (`M_TOP_PAD`), so it grows once and
//!   keeps what it has. Pages never touched cost nothing.
//! - **Huge pages.** The heaps are marked for transparent huge pages (`MADV_HUGEPAGE`), so the
//!   kernel maps them 2 MiB at a time: about a fifth of the page faults of a long pair.
//!   Systems whose huge pages are off, or set to `always`, are not changed by the hint.
//!
//! Both are hints: a refused setting leaves the default in place and nothing else changes.
//! `BENCHMARKS.md` ("Ninth pass") has the figures. Other platforms and allocators do nothing.

#[cfg(all(target_os = "linux", target_env = "gnu"))]
mod imp {
    use std::sync::atomic::{AtomicUsize, Ordering};

    /// Spare room each heap keeps at its top.
    const TOP_PAD: usize = 64 << 20;
    /// The size of a transparent huge page on x86-64 and arm64 with 4 KiB pages.
    const HUGE_PAGE: usize = 2 << 20;
    /// glibc's heaps of other threads are reserved at this size and alignment on 64-bit
    /// systems (`HEAP_MAX_SIZE`, twice the largest mmap threshold).
    const THREAD_HEAP: usize = 64 << 20;
    /// Blocks below the mmap threshold (128 KiB), so they come from the heap itself.
    const BLOCK: usize = 96 << 10;
    /// A block larger than glibc's per-thread cache keeps.
    const PROBE: usize = 4 << 10;
    /// Enough blocks to grow the main heap once, with room to spare.
    const MAX_BLOCKS: usize = 64;

    /// Where the main heap (the one grown with `brk`) starts and ends once prepared, so that a
    /// thread served from it is not mistaken for one with a heap of its own.
    static MAIN_HEAP: (AtomicUsize, AtomicUsize) = (AtomicUsize::new(0), AtomicUsize::new(0));

    pub fn prepare() {
        // SAFETY: `mallopt` sets one of the allocator's parameters; it is called once, before
        // any other thread exists, and a refused value leaves the default in place.
        unsafe {
            libc::mallopt(libc::M_TOP_PAD, TOP_PAD as libc::c_int);
        }
        grow_main_heap();
    }

    /// Grow the main heap to its padded size now and mark it for huge pages. Blocks are taken
    /// until the break moves (the heap has grown by the padding), then given back; the padding
    /// keeps the room.
    fn grow_main_heap() {
        // SAFETY: `sbrk(0)` only reads the current break.
        let before = unsafe { libc::sbrk(0) } as usize;
        let mut blocks: Vec<Vec<u8>> = Vec::with_capacity(MAX_BLOCKS);
        let mut first = usize::MAX;
        while blocks.len() < MAX_BLOCKS {
            let block: Vec<u8> = std::hint::black_box(Vec::with_capacity(BLOCK));
            first = first.min(block.as_ptr() as usize);
            blocks.push(block);
            // SAFETY: as above.
            if unsafe { libc::sbrk(0) } as usize != before {
                break;
            }
        }
        drop(blocks);
        // Giving the blocks back may trim the heap a little below the padding.
        // SAFETY: as above.
        let end = unsafe { libc::sbrk(0) } as usize;
        if end == before || first == usize::MAX || first > end {
            return;
        }
        let start = first.next_multiple_of(HUGE_PAGE);
        MAIN_HEAP.0.store(first, Ordering::Relaxed);
        MAIN_HEAP.1.store(end, Ordering::Relaxed);
        if start < end {
            advise(start, end - start);
        }
    }

    pub fn advise_thread_heap() {
        // A block comes from the heap this thread was given; one larger than the per-thread
        // cache holds (1 KiB), which may keep blocks of other heaps freed by this thread.
        let probe: Vec<u8> = std::hint::black_box(Vec::with_capacity(PROBE));
        let at = probe.as_ptr() as usize;
        drop(probe);
        let (lo, hi) = (
            MAIN_HEAP.0.load(Ordering::Relaxed),
            MAIN_HEAP.1.load(Ordering::Relaxed),
        );
        // SAFETY: as above.
        let brk = unsafe { libc::sbrk(0) } as usize;
        if (lo..hi.max(brk)).contains(&at) {
            return; // the main heap, already advised
        }
        advise(at & !(THREAD_HEAP - 1), THREAD_HEAP);
    }

    fn advise(start: usize, len: usize) {
        // SAFETY: `madvise` with `MADV_HUGEPAGE` only sets a hint on the mappings in the range;
        // it does not change their contents, and a range it cannot advise is refused with an
        // error that is ignored (the hint is optional).
        unsafe {
            libc::madvise(start as *mut libc::c_void, len, libc::MADV_HUGEPAGE);
        }
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
mod imp {
    pub fn prepare() {}
    pub fn advise_thread_heap() {}
}

/// Set the allocator's padding and mark the main heap for huge pages. Call once, first thing
/// in `main`, before any other thread exists.
pub fn prepare() {
    imp::prepare();
}

/// Mark the heap of the calling thread for huge pages; the thread pool calls it as each of its
/// threads starts.
pub fn advise_thread_heap() {
    imp::advise_thread_heap();
}
