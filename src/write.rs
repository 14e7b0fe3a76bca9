//! Writing outputs whole or not at all: the bytes go to a temporary file in the target folder,
//! are flushed to disk, then renamed over the target. The outputs of one report (its PDF and
//! its DOCX) are all made into temporaries before the first rename, so a failure leaves every
//! existing output exactly as it was.
//!
//! A run that is killed leaves its temporaries behind. Their names carry the writer's
//! process id (`.a.pdf.<pid>.<random>.tmp`), so the next run into the folder removes those
//! whose writer is gone, and no other file.

use crate::error::Error;
use std::collections::{BTreeMap, HashMap};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// Writes `bytes` to `path` atomically.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    write_all_atomic(&[(path, bytes)])
}

/// Writes each `(path, bytes)`: every one into its temporary first, then all renamed. An
/// error before the renames leaves every target as it was.
pub fn write_all_atomic(outputs: &[(&Path, &[u8])]) -> Result<(), Error> {
    let mut ready = Vec::with_capacity(outputs.len());
    for &(path, bytes) in outputs {
        ready.push((path, temporary(path, bytes)?));
    }
    let mut dirs: Vec<PathBuf> = Vec::new();
    for (path, tmp) in ready {
        tmp.persist(path).map_err(|e| fail(path, e.error))?;
        let dir = folder(path).to_owned();
        if !dirs.contains(&dir) {
            dirs.push(dir);
        }
    }
    // Make the renames themselves durable; not all platforms can open a folder, which is
    // harmless.
    for dir in dirs {
        if let Ok(d) = std::fs::File::open(&dir) {
            let _ = d.sync_all();
        }
    }
    Ok(())
}

/// The error of writing `path`, naming the output, never the temporary (tempfile's errors
/// carry the temporary's name, which means nothing to the reader).
fn fail(path: &Path, e: io::Error) -> Error {
    let source = match e.raw_os_error() {
        Some(code) => io::Error::from_raw_os_error(code),
        None => e,
    };
    Error::Write {
        path: path.to_owned(),
        source,
    }
}

fn folder(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

/// `bytes` in a flushed temporary beside `path`, ready to be renamed over it.
fn temporary(path: &Path, bytes: &[u8]) -> Result<tempfile::NamedTempFile, Error> {
    if path.is_dir() {
        return Err(fail(path, io::Error::other(crate::tr!("write-is-a-folder"))));
    }
    let dir = folder(path);
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    remove_stale(dir, &name);
    let prefix = format!(".{name}.{}.", std::process::id());
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(".tmp");
    #[cfg(unix)]
    {
        // tempfile creates 0600 files; an output is a document to share, so make it 0644.
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o644));
    }
    let mut tmp = builder.tempfile_in(dir).map_err(|e| fail(path, e))?;
    tmp.as_file_mut().write_all(bytes).map_err(|e| fail(path, e))?;
    tmp.as_file().sync_all().map_err(|e| fail(path, e))?;
    Ok(tmp)
}

/// Removes the temporaries of `name` in `dir` left by runs that were killed: named as
/// [`temporary`] names them, by a process that no longer exists. Best effort: what cannot be
/// read or removed stays.
fn remove_stale(dir: &Path, name: &str) {
    // A batch writes thousands of outputs into one folder: it is listed once per run, and
    // each name's stale temporaries are removed when that name is first written.
    let mut stale = STALE.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    let found = stale.entry(dir.to_owned()).or_insert_with(|| stale_in(dir));
    for path in found.remove(name).unwrap_or_default() {
        let _ = std::fs::remove_file(path);
    }
}

/// The stale temporaries found in each folder written into so far, by output name.
static STALE: Mutex<BTreeMap<PathBuf, HashMap<String, Vec<PathBuf>>>> = Mutex::new(BTreeMap::new());

/// The temporaries in `dir` whose writer no longer exists, by the name of their output.
fn stale_in(dir: &Path) -> HashMap<String, Vec<PathBuf>> {
    let mut found: HashMap<String, Vec<PathBuf>> = HashMap::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return found;
    };
    for entry in entries.flatten() {
        let file = entry.file_name();
        if let Some((name, pid)) = file.to_str().and_then(temporary_of)
            && !process_exists(pid)
            && entry.file_type().is_ok_and(|t| t.is_file())
        {
            found.entry(name.to_owned()).or_default().push(entry.path());
        }
    }
    found
}

/// The output name and the writer's process id of a temporary's file name,
/// `.<name>.<pid>.<random>.tmp`.
fn temporary_of(file: &str) -> Option<(&str, u32)> {
    let rest = file.strip_prefix('.')?.strip_suffix(".tmp")?;
    let (rest, random) = rest.rsplit_once('.')?;
    let (name, pid) = rest.rsplit_once('.')?;
    let valid = !name.is_empty()
        && !pid.is_empty()
        && pid.bytes().all(|b| b.is_ascii_digit())
        && random.len() == 6
        && random.bytes().all(|b| b.is_ascii_alphanumeric());
    Some((name, pid.parse().ok()?)).filter(|_| valid)
}

/// Whether a process with this id is running (or may be: a live process of another user).
fn process_exists(pid: u32) -> bool {
    if pid == std::process::id() {
        return true;
    }
    #[cfg(unix)]
    {
        let Ok(pid) = libc::pid_t::try_from(pid) else {
            return true;
        };
        // SAFETY: signal 0 sends nothing; it only asks whether the process exists.
        let alive = unsafe { libc::kill(pid, 0) } == 0;
        alive || io::Error::last_os_error().raw_os_error() != Some(libc::ESRCH)
    }
    #[cfg(not(unix))]
    {
        // Without a way to ask, every temporary is taken to have a live writer.
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_whole_and_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("a.pdf");
        std::fs::write(&target, b"old").unwrap();
        write_atomic(&target, b"new contents").unwrap();
        assert_eq!(std::fs::read(&target).unwrap(), b"new contents");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn a_folder_in_the_way_is_an_error_and_stays() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("a.pdf");
        std::fs::create_dir(&target).unwrap();
        assert!(write_atomic(&target, b"x").is_err());
        assert!(target.is_dir());
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn one_failure_leaves_every_old_output() {
        let dir = tempfile::tempdir().unwrap();
        let pdf = dir.path().join("a.pdf");
        let docx = dir.path().join("a.docx");
        std::fs::write(&pdf, b"old pdf").unwrap();
        std::fs::create_dir(&docx).unwrap();
        let err = write_all_atomic(&[(&pdf, b"new pdf"), (&docx, b"new docx")]).unwrap_err();
        assert!(err.to_string().contains("a.docx"), "{err}");
        assert_eq!(std::fs::read(&pdf).unwrap(), b"old pdf");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 2);
    }

    #[test]
    fn only_temporaries_of_dead_writers_are_removed() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        // A pid far above any Linux pid_max: no such process.
        let dead = d.join(".a.pdf.4194999.Ab3dE9.tmp");
        let live = d.join(format!(".a.pdf.{}.Xy7zQ1.tmp", std::process::id()));
        let other = [
            ".a.pdf.12.notours.tmp",
            ".a.pdf.tmp",
            ".b.pdf.4194999.Ab3dE9.tmp",
            "a.pdf.4194999.Ab3dE9.tmp",
        ];
        for f in [&dead, &live]
            .into_iter()
            .cloned()
            .chain(other.iter().map(|o| d.join(o)))
        {
            std::fs::write(f, b"").unwrap();
        }
        write_atomic(&d.join("a.pdf"), b"new").unwrap();
        assert!(!dead.exists());
        assert!(live.exists());
        for o in other {
            assert!(d.join(o).exists(), "{o}");
        }
    }
}
