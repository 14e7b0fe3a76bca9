//! Reading the files a run is given: only regular files (after following symlinks), each
//! through a bound, and folders walked so that every file is seen once, however symlinks
//! loop. A device, a pipe or a socket is never opened: reading `/dev/zero` has no end, and
//! opening a FIFO waits for a writer that may never come.

use std::fs::File;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

/// Why a file was not read.
#[derive(Debug)]
pub enum ReadError {
    /// It could not be opened or read, or it is not a regular file (the message says which).
    Io(io::Error),
    /// It is larger than the bound it was read with.
    TooLarge { limit: u64 },
}

/// What `path` is, if it is not a regular file: a folder, a pipe …, in words for a message.
pub fn not_a_file(path: &Path) -> io::Result<Option<String>> {
    let kind = std::fs::metadata(path)?.file_type();
    Ok(describe(&kind))
}

fn describe(kind: &std::fs::FileType) -> Option<String> {
    if kind.is_file() {
        return None;
    }
    if kind.is_dir() {
        return Some(crate::tr!("files-kind-folder"));
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return Some(crate::tr!("files-kind-fifo"));
        }
        if kind.is_socket() {
            return Some(crate::tr!("files-kind-socket"));
        }
        if kind.is_char_device() || kind.is_block_device() {
            return Some(crate::tr!("files-kind-device"));
        }
    }
    Some(crate::tr!("files-kind-other"))
}

fn refusal(what: &str) -> io::Error {
    io::Error::other(crate::tr!("files-not-regular", what = what))
}

/// Opens a regular file for reading; anything else is refused without being opened.
pub fn open_regular(path: &Path) -> io::Result<File> {
    if let Some(what) = not_a_file(path)? {
        return Err(refusal(&what));
    }
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        // Should the file be swapped for a FIFO between the check and the open, the open
        // must not wait for a writer; the check below then refuses it.
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options.open(path)?;
    if let Some(what) = describe(&file.metadata()?.file_type()) {
        return Err(refusal(&what));
    }
    Ok(file)
}

/// The bytes of a regular file of at most `limit` bytes. The bound holds while reading, not
/// only by the size the file claims.
pub fn read_limited(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    if is_stdin(path) {
        let mut bytes = Vec::new();
        std::io::stdin()
            .lock()
            .take(limit + 1)
            .read_to_end(&mut bytes)
            .map_err(ReadError::Io)?;
        if bytes.len() as u64 > limit {
            return Err(ReadError::TooLarge { limit });
        }
        return Ok(bytes);
    }
    let file = open_regular(path).map_err(ReadError::Io)?;
    let claimed = file.metadata().map_err(ReadError::Io)?.len();
    if claimed > limit {
        return Err(ReadError::TooLarge { limit });
    }
    let mut bytes = Vec::with_capacity(claimed as usize);
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(ReadError::Io)?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge { limit });
    }
    Ok(bytes)
}

/// `-`, the name of standard input where a command takes a file (`report check -`).
pub fn is_stdin(path: &Path) -> bool {
    path.as_os_str() == "-"
}

/// The regular files under `dir` (it too may be a symlink) that `keep` accepts, in path
/// order, each once: a file reached by two paths is listed by the first, and a symlink back
/// to a folder above is not followed again. Folders that cannot be read are passed over.
pub fn files_under(dir: &Path, keep: impl Fn(&Path) -> bool) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = walkdir::WalkDir::new(dir)
        .follow_links(true)
        .into_iter()
        // A loop or an unreadable folder is an error entry; the rest of the walk goes on.
        .filter_map(Result::ok)
        .filter(|entry| entry.file_type().is_file() && keep(entry.path()))
        .map(walkdir::DirEntry::into_path)
        .collect();
    found.sort();
    once_each(found, |p| p)
}

/// `items` without the later ones whose path (`path_of`) names a file an earlier one names,
/// through symlinks or `..`.
pub fn once_each<T>(items: Vec<T>, path_of: impl Fn(&T) -> &Path) -> Vec<T> {
    let mut seen = std::collections::HashSet::new();
    items
        .into_iter()
        .filter(|item| {
            let path = path_of(item);
            seen.insert(std::fs::canonicalize(path).unwrap_or_else(|_| path.to_owned()))
        })
        .collect()
}

/// The regular files directly in `dir` that `keep` accepts, in name order. Entries that are
/// not regular files (after following symlinks) are passed over without being opened.
pub fn files_in(dir: &Path, keep: impl Fn(&Path) -> bool) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .flatten()
                .map(|e| e.path())
                .filter(|p| keep(p) && std::fs::metadata(p).is_ok_and(|m| m.is_file()))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::symlink;

    fn mkfifo(path: &Path) {
        let c = std::ffi::CString::new(path.as_os_str().as_encoded_bytes()).unwrap();
        // SAFETY: a valid NUL-terminated path.
        assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o644) }, 0);
    }

    #[test]
    fn devices_pipes_and_folders_are_refused_unopened() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("p.yaml");
        mkfifo(&fifo);
        let zero = dir.path().join("z.yaml");
        symlink("/dev/zero", &zero).unwrap();
        for (path, what) in [(&fifo, "named pipe"), (&zero, "a device")] {
            let Err(ReadError::Io(e)) = read_limited(path, 10) else {
                panic!("{} was read", path.display())
            };
            assert!(e.to_string().contains(what), "{e}");
        }
        let Err(ReadError::Io(e)) = read_limited(dir.path(), 10) else {
            panic!()
        };
        assert!(e.to_string().contains("a folder"), "{e}");
    }

    #[test]
    fn the_bound_holds() {
        let dir = tempfile::tempdir().unwrap();
        let f = dir.path().join("a");
        std::fs::write(&f, b"12345").unwrap();
        assert_eq!(read_limited(&f, 5).unwrap(), b"12345");
        assert!(matches!(
            read_limited(&f, 4),
            Err(ReadError::TooLarge { limit: 4 })
        ));
    }

    #[test]
    fn walks_each_file_once_through_symlink_loops() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        std::fs::create_dir(d.join("sub")).unwrap();
        std::fs::write(d.join("a.yaml"), "").unwrap();
        std::fs::write(d.join("sub/b.yaml"), "").unwrap();
        symlink(".", d.join("x")).unwrap();
        symlink(".", d.join("y")).unwrap();
        symlink("..", d.join("sub/up")).unwrap();
        mkfifo(&d.join("fifo.yaml"));
        let found = files_under(d, |p| p.extension().is_some_and(|e| e == "yaml"));
        assert_eq!(found, vec![d.join("a.yaml"), d.join("sub/b.yaml")]);
        assert_eq!(files_in(d, |_| true), vec![d.join("a.yaml")]);
    }
}
