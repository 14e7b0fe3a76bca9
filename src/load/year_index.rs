//! Which file holds an issuer's report of a given year, among some report files: how the
//! rules between years (X-CARRY, X-INFORCE, S-COPY) find last year's report, whether the
//! files are a batch or the folder beside a report.

use super::{is_report_file, load_file, read_source, yaml_options};
use crate::model::Text;
use serde::Deserialize;
use serde_saphyr::Spanned;
use std::cell::OnceCell;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// Issuer and year of each of some report files.
pub struct YearIndex {
    entries: Vec<(PathBuf, String, u16)>,
    /// Whether each entry's file loads as a whole report, found out when first asked.
    loads: Vec<OnceCell<bool>>,
    /// (issuer, year) to its entries, in the order the files were given.
    by_year: HashMap<(String, u16), Vec<usize>>,
}

/// What the index reads of a file: its issuer and year, as the loader reads them (the
/// rest of the file is passed over, not built into a report).
#[derive(Deserialize)]
struct IssuerYear {
    issuer: Text,
    #[serde(deserialize_with = "crate::model::number::year")]
    year: Spanned<u16>,
}

impl YearIndex {
    /// Reads each file's issuer and year. A file is only ever some report's year before
    /// if it loads as a whole report (one that does not is reported when it is checked
    /// itself); that is found out for the files asked for, not for every file.
    pub fn of(files: impl IntoIterator<Item = PathBuf>) -> YearIndex {
        let entries: Vec<(PathBuf, String, u16)> = files
            .into_iter()
            .filter_map(|path| {
                let source = read_source(&path).ok()?;
                let found: IssuerYear = serde_saphyr::from_str_with_options(&source, yaml_options()).ok()?;
                Some((path, found.issuer.value, found.year.value))
            })
            .collect();
        let mut by_year: HashMap<(String, u16), Vec<usize>> = HashMap::new();
        for (i, (_, issuer, year)) in entries.iter().enumerate() {
            by_year.entry((issuer.clone(), *year)).or_default().push(i);
        }
        let loads = entries.iter().map(|_| OnceCell::new()).collect();
        YearIndex {
            entries,
            loads,
            by_year,
        }
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

    /// The file holding `issuer`'s report of the year before `year` (the first that loads,
    /// if several do).
    pub fn year_before(&self, issuer: &str, year: u16) -> Option<&Path> {
        let before = year.checked_sub(1)?;
        let candidates = self.by_year.get(&(issuer.to_owned(), before))?;
        let &i = candidates
            .iter()
            .find(|&&i| *self.loads[i].get_or_init(|| load_file(&self.entries[i].0).is_ok()))?;
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
        // Issuer and year read, but the report does not load: nobody's year before.
        std::fs::write(
            dir.path().join("0-2023-bad.yaml"),
            yunxi(2023).replacen("format: standard_2021", "format: standard_2021\nnot_a_key: 1", 1),
        )
        .unwrap();
        let index = YearIndex::in_folder(dir.path());
        assert_eq!(index.entries().count(), 4);
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
