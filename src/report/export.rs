//! Writing a report to a file of its own: a default name from the two articles' ids, never
//! overwriting an existing file, and never leaving a half-written one.
//!
//! The content goes to a temporary file in the target directory first, which is then linked
//! into place under the first free name (`parallax-A-vs-B.html`, `parallax-A-vs-B-2.html`, …)
//! with `tempfile`'s `persist_noclobber`: the final name either does not exist or holds the
//! whole report, and a file created by someone else in the meantime is never replaced. The file
//! gets the permissions of any new file (`0o666` less the umask).

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use crate::corpus::slug;

/// How many numbered names are tried before giving up.
const MAX_ATTEMPTS: usize = 1000;

/// The default file stem for comparing articles `a` and `b` (their ids): `parallax-a-vs-b`,
/// each id reduced to a file-name-safe slug.
pub fn file_stem(a: &str, b: &str) -> String {
    format!("parallax-{}-vs-{}", slug(a), slug(b))
}

/// Write `contents` atomically into `dir` as `{stem}.{ext}`, or `{stem}-N.{ext}` (N = 2, 3, …)
/// when that name is taken. Returns the path written.
pub fn write_new(dir: &Path, stem: &str, ext: &str, contents: &[u8]) -> io::Result<PathBuf> {
    write_new_with(dir, stem, ext, |w| w.write_all(contents))
}

/// [`write_new`] with the contents written by `fill` as they are made (a report streamed into
/// the temporary file); nothing is linked into place when `fill` fails.
pub fn write_new_with(
    dir: &Path,
    stem: &str,
    ext: &str,
    fill: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<PathBuf> {
    let mut builder = tempfile::Builder::new();
    builder.prefix(".parallax-export-").suffix(".tmp");
    // A page to share gets the permissions of any new file (0o666 less the umask), not the
    // owner-only mode of a temporary file.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut tmp = builder.tempfile_in(dir)?;
    {
        let mut buf = io::BufWriter::new(tmp.as_file_mut());
        fill(&mut buf)?;
        buf.flush()?;
    }
    tmp.as_file().sync_all()?;
    for n in 1..=MAX_ATTEMPTS {
        let name = if n == 1 {
            format!("{stem}.{ext}")
        } else {
            format!("{stem}-{n}.{ext}")
        };
        let target = dir.join(name);
        if target.exists() {
            continue;
        }
        match tmp.persist_noclobber(&target) {
            Ok(_) => return Ok(target),
            Err(e) if e.error.kind() == io::ErrorKind::AlreadyExists => tmp = e.file,
            Err(e) => return Err(e.error),
        }
    }
    Err(io::Error::new(
        io::ErrorKind::AlreadyExists,
        format!("{stem}.{ext} and {MAX_ATTEMPTS} numbered variants already exist"),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_never_clash_and_files_are_whole() {
        let dir = tempfile::tempdir().unwrap();
        let stem = file_stem("Duran Doubles/Down", "feed-2");
        assert_eq!(stem, "parallax-duran-doubles-down-vs-feed-2");
        std::fs::write(dir.path().join(format!("{stem}.html")), "mine").unwrap();
        let first = write_new(dir.path(), &stem, "html", b"<p>one</p>").unwrap();
        let second = write_new(dir.path(), &stem, "html", b"<p>two</p>").unwrap();
        assert_eq!(first, dir.path().join(format!("{stem}-2.html")));
        assert_eq!(second, dir.path().join(format!("{stem}-3.html")));
        // The file that was there is untouched; the new ones hold what was written.
        let read = |p: &Path| std::fs::read_to_string(p).unwrap();
        assert_eq!(read(&dir.path().join(format!("{stem}.html"))), "mine");
        assert_eq!(read(&first), "<p>one</p>");
        assert_eq!(read(&second), "<p>two</p>");
        // No temporary file is left behind.
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 3);
    }

    #[cfg(unix)]
    #[test]
    fn the_file_is_as_readable_as_any_new_file() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let plain = dir.path().join("plain");
        std::fs::write(&plain, "x").unwrap();
        let written = write_new(dir.path(), "page", "html", b"x").unwrap();
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&written), mode(&plain));
    }

    #[test]
    fn an_unwritable_directory_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("no-such-dir");
        assert!(write_new(&missing, "x", "html", b"x").is_err());
    }
}
