//! Which file holds an issuer's report of a given year, among some report files: how the
//! rules between years (X-CARRY, X-INFORCE, S-COPY) find last year's report, whether the
//! files are a batch or the folder beside a report.

use super::{is_report_file, load_file};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// Issuer and year of each of some report files.
pub struct YearIndex {
    entries: Vec<(PathBuf, String, u16)>,
    /// (issuer, year) to its first entry, in the order the files were given.
    first: HashMap<(String, u16), usize>,
}

impl YearIndex {
    /// Reads each file's issuer and year. Files that do not load are left out: they are
    /// nobody's year before (and are reported when they are checked themselves).
    pub fn of(files: impl IntoIterator<Item = PathBuf>) -> YearIndex {
        let entries: Vec<(PathBuf, String, u16)> = files
            .into_iter()
            .filter_map(|path| {
                let report = load_file(&path).ok()?.report;
                Some((path, report.issuer.value, report.year.value))
            })
            .collect();
        let mut first = HashMap::new();
        for (i, (_, issuer, year)) in entries.iter().enumerate() {
            first.entry((issuer.clone(), *year)).or_insert(i);
        }
        YearIndex { entries, first }
    }

    /// The report files directly in `dir`, in name order. Only regular files are read:
    /// a pipe or a device beside a report is nobody's year before.
    pub fn in_folder(dir: &Path) -> YearIndex {
        YearIndex::of(crate::files::files_in(dir, is_report_file))
    }

    /// Every file read, with its issuer and year.
    pub fn entries(&self) -> impl Iterator<Item = (&Path, &str, u16)> {
        self.entries.iter().map(|(p, i, y)| (p.as_path(), i.as_str(), *y))
    }

    /// The file holding `issuer`'s report of the year before `year` (the first, if several do).
    pub fn year_before(&self, issuer: &str, year: u16) -> Option<&Path> {
        let before = year.checked_sub(1)?;
        let &i = self.first.get(&(issuer.to_owned(), before))?;
        Some(self.entries[i].0.as_path())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_first_file_of_the_year_before_and_nothing_else() {
        let dir = tempfile::tempdir().unwrap();
        let yunxi = |year: u16| {
            std::fs::read_to_string(format!(
                "{}/reports/yunxi-{year}.yaml",
                env!("CARGO_MANIFEST_DIR")
            ))
            .unwrap()
        };
        std::fs::write(dir.path().join("a-2023.yaml"), yunxi(2023)).unwrap();
        std::fs::write(dir.path().join("b-2023.yml"), yunxi(2023)).unwrap();
        std::fs::write(dir.path().join("c-2024.yaml"), yunxi(2024)).unwrap();
        std::fs::write(dir.path().join("notes.txt"), yunxi(2023)).unwrap();
        std::fs::write(dir.path().join("broken.yaml"), "issuer: [").unwrap();
        let index = YearIndex::in_folder(dir.path());
        assert_eq!(index.entries().count(), 3);
        let issuer = index.entries().next().unwrap().1.to_owned();
        assert_eq!(
            index.year_before(&issuer, 2024),
            Some(dir.path().join("a-2023.yaml").as_path())
        );
        assert_eq!(index.year_before(&issuer, 2023), None);
        assert_eq!(index.year_before("另一个机关", 2024), None);
        assert_eq!(index.year_before(&issuer, 0), None);
    }
}
