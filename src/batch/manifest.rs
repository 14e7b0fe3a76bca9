//! The manifest of a batch: every output with its hash and its source's, and `verify`, which
//! checks a folder against it.

use crate::error::Error;
use crate::files::{ReadError, read_limited};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::path::Path;

/// One output file, as the manifest lists it.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Output {
    /// Relative to the output folder.
    pub path: String,
    pub bytes: u64,
    pub sha256: String,
    /// The report it was made from, and that file's hash; both empty for the batch's own
    /// files (summary.json, the roll-up), which are made from every report.
    pub source: String,
    pub source_sha256: String,
    /// Made from a report that has errors, rendered because `--allow-errors` was given.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub rendered_with_errors: bool,
}

/// The manifest of a batch.
#[derive(Debug, Serialize, Deserialize)]
pub struct Manifest {
    pub tool: String,
    pub version: String,
    pub outputs: Vec<Output>,
}

pub fn hex_sha256(bytes: &[u8]) -> String {
    Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

/// The largest manifest read: one of a thousand reports is some hundred kilobytes.
const MAX_MANIFEST_BYTES: u64 = 64 << 20;

/// Re-checks the hashes of a manifest's outputs: the files that are missing or changed.
/// Only files inside the manifest's folder are opened, named by relative paths without `..`;
/// a listed path that leaves it, or that is not a regular file, is a problem, not a read.
pub fn verify(manifest_path: &Path) -> Result<Vec<String>, Error> {
    let bytes = read_limited(manifest_path, MAX_MANIFEST_BYTES).map_err(|e| match e {
        ReadError::Io(source) => Error::Read {
            path: manifest_path.to_owned(),
            source,
        },
        ReadError::TooLarge { limit } => Error::Manifest {
            path: manifest_path.to_owned(),
            message: crate::tr!("manifest-too-large", mb = limit >> 20),
        },
    })?;
    let manifest: Manifest = serde_json::from_slice(&bytes).map_err(|e| Error::Manifest {
        path: manifest_path.to_owned(),
        message: e.to_string(),
    })?;
    let dir = manifest_path.parent().unwrap_or(Path::new("."));
    let mut problems = Vec::new();
    for output in &manifest.outputs {
        let listed = Path::new(&output.path);
        if !inside(listed) {
            problems.push(crate::tr!("manifest-outside", path = &output.path));
            continue;
        }
        let path = dir.join(listed);
        match read_limited(&path, output.bytes) {
            Ok(bytes) if hex_sha256(&bytes) == output.sha256 && bytes.len() as u64 == output.bytes => {}
            Ok(_) | Err(ReadError::TooLarge { .. }) => {
                problems.push(crate::tr!("manifest-changed", path = &path))
            }
            Err(ReadError::Io(e)) => {
                problems.push(format!("{}: {}", path.display(), crate::error::io_text(&e)))
            }
        }
    }
    Ok(problems)
}

/// Whether a listed path stays inside the manifest's folder: relative, and only names.
fn inside(path: &Path) -> bool {
    use std::path::Component;
    !path.as_os_str().is_empty()
        && path
            .components()
            .all(|c| matches!(c, Component::Normal(_) | Component::CurDir))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_names_inside_the_folder_are_opened() {
        assert!(inside(Path::new("a/b.pdf")));
        for outside in ["../secret.txt", "/etc/passwd", "a/../../b", ""] {
            assert!(!inside(Path::new(outside)), "{outside}");
        }
    }
}
