//! The files a batch covers, and a deterministic split of them into shards.

use crate::error::Error;
use crate::files;
use crate::load::is_report_file;
use std::path::{Path, PathBuf};

/// Folders searched for `*.yaml` (recursively, each file once however symlinks loop),
/// files as given, anything else as a glob pattern; sorted and without repeats, so every
/// machine agrees. A named input that is neither a folder nor a regular file is refused;
/// what a folder or a pattern holds that is not a regular file is passed over unopened.
pub fn discover(inputs: &[String]) -> Result<Vec<PathBuf>, Error> {
    let mut found = Vec::new();
    for input in inputs {
        let path = Path::new(input);
        if path.is_dir() {
            found.extend(files::files_under(path, is_report_file));
            continue;
        }
        match files::not_a_file(path) {
            Ok(None) => found.push(path.to_owned()),
            Ok(Some(what)) => {
                return Err(Error::Usage(crate::tr!(
                    "batch-input-not-a-file",
                    input = input,
                    what = what
                )));
            }
            Err(_) => {
                let matches = glob::glob(input).map_err(|e| {
                    Error::Usage(crate::tr!(
                        "batch-input-bad-pattern",
                        input = input,
                        why = e.to_string()
                    ))
                })?;
                let before = found.len();
                found.extend(
                    matches
                        .flatten()
                        .filter(|p| matches!(files::not_a_file(p), Ok(None))),
                );
                if found.len() == before {
                    return Err(Error::Usage(crate::tr!("batch-input-nothing", input = input)));
                }
            }
        }
    }
    found.sort();
    found.dedup();
    Ok(found)
}

/// Shard `k` of `n` (1-based): every n-th file of the sorted list, so shards never overlap
/// and together cover the batch.
pub fn shard(files: Vec<PathBuf>, k: usize, n: usize) -> Vec<PathBuf> {
    files
        .into_iter()
        .enumerate()
        .filter(|(i, _)| i % n == k - 1)
        .map(|(_, f)| f)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shards_partition_the_sorted_list() {
        let files: Vec<PathBuf> = (0..10).map(|i| PathBuf::from(format!("{i:02}.yaml"))).collect();
        let mut union: Vec<PathBuf> = (1..=3).flat_map(|k| shard(files.clone(), k, 3)).collect();
        union.sort();
        assert_eq!(union, files);
        assert_eq!(shard(files.clone(), 1, 3).len(), 4);
        assert!(
            shard(files.clone(), 2, 3)
                .iter()
                .all(|f| !shard(files.clone(), 1, 3).contains(f))
        );
    }
}
