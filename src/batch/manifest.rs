//! The manifest of a batch: every output with its hash and its source's, and `verify`, which
//! checks a folder against it.

use crate::error::Error;
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
    /// The report it was made from, and that file's hash.
    pub source: String,
    pub source_sha256: String,
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

/// Re-checks the hashes of a manifest's outputs: the files that are missing or changed.
pub fn verify(manifest_path: &Path) -> Result<Vec<String>, Error> {
    let text = std::fs::read_to_string(manifest_path).map_err(|source| Error::Read {
        path: manifest_path.to_owned(),
        source,
    })?;
    let manifest: Manifest = serde_json::from_str(&text).map_err(|e| Error::Manifest {
        path: manifest_path.to_owned(),
        message: e.to_string(),
    })?;
    let dir = manifest_path.parent().unwrap_or(Path::new("."));
    let mut problems = Vec::new();
    for output in &manifest.outputs {
        let path = dir.join(&output.path);
        match std::fs::read(&path) {
            Ok(bytes) if hex_sha256(&bytes) == output.sha256 && bytes.len() as u64 == output.bytes => {}
            Ok(_) => problems.push(format!(
                "{}: changed since the batch (sha256 differs)",
                path.display()
            )),
            Err(e) => problems.push(format!("{}: {e}", path.display())),
        }
    }
    Ok(problems)
}
