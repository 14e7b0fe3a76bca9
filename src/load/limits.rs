//! How much text a report may hold. Typesetting grows with the text, and a single paragraph
//! is broken into lines as a whole; these limits are many times the longest real report
//! (some 30 000 characters, a few hundred paragraphs) and keep the largest report they
//! allow within a second and 300 MB (measured in `benches/hostile.sh`).

use crate::error::{Error, SourcePos};
use crate::formats::Report;
use crate::model::{Block, Body, ItemEntry};
use serde_saphyr::Location;
use std::path::Path;

/// The most characters one paragraph, heading or list item may have.
pub const MAX_PARAGRAPH_CHARS: usize = 20_000;
/// The most characters of text a whole report may have (some 300 printed pages).
pub const MAX_TEXT_CHARS: usize = 200_000;
/// The most paragraphs, headings and list items a report may have.
pub const MAX_BLOCKS: usize = 5_000;

/// Refuses a report past one of the limits, at the text that passes it.
pub fn check(path: &Path, report: &Report) -> Result<(), Error> {
    let mut tally = Tally::default();
    for line in &report.title {
        tally.text(&line.value, &line.referenced);
    }
    tally.text(&report.issuer.value, &report.issuer.referenced);
    tally.body(&report.preamble);
    for part in &report.parts {
        if let Some(h) = &part.heading {
            tally.text(&h.value, &h.referenced);
        }
        tally.body(&part.body);
        for section in &part.sections {
            tally.text(&section.heading.value, &section.heading.referenced);
            if let Some(t) = &section.text {
                tally.text(&t.value, &t.referenced);
            }
            tally.body(&section.body);
        }
    }
    if let Some(issuer) = report.signature.as_ref().and_then(|s| s.issuer.as_ref()) {
        tally.text(&issuer.value, &issuer.referenced);
    }
    tally.passed.map_or(Ok(()), |p| Err(p.into_error(path)))
}

/// What passed a limit, and where.
struct Passed {
    at: Location,
    message: String,
    help: String,
    rule: &'static str,
}

impl Passed {
    fn into_error(self, path: &Path) -> Error {
        Error::Yaml {
            path: path.to_owned(),
            pos: Some(SourcePos {
                line: self.at.line(),
                column: self.at.column(),
            }),
            rule: self.rule,
            message: self.message,
            help: Some(self.help),
        }
    }
}

#[derive(Default)]
struct Tally {
    chars: usize,
    blocks: usize,
    /// The first limit passed, if one is: the rest of the report is not counted.
    passed: Option<Passed>,
}

impl Tally {
    fn text(&mut self, text: &str, at: &Location) {
        if self.passed.is_some() {
            return;
        }
        let n = text.chars().count();
        self.chars += n;
        self.blocks += 1;
        self.passed = if n > MAX_PARAGRAPH_CHARS {
            Some(Passed {
                at: *at,
                message: crate::tr!("load-paragraph-too-long", count = n, max = MAX_PARAGRAPH_CHARS),
                help: crate::tr!("load-paragraph-too-long-help"),
                rule: "Y-LIMIT",
            })
        } else if self.chars > MAX_TEXT_CHARS {
            Some(Passed {
                at: *at,
                message: crate::tr!("load-text-too-long", max = MAX_TEXT_CHARS),
                help: crate::tr!("load-text-too-long-help"),
                rule: "Y-LIMIT",
            })
        } else if self.blocks > MAX_BLOCKS {
            Some(Passed {
                at: *at,
                message: crate::tr!("load-too-many-blocks", max = MAX_BLOCKS),
                help: crate::tr!("load-too-many-blocks-help"),
                rule: "Y-LIMIT",
            })
        } else {
            None
        };
    }

    fn body(&mut self, body: &Body) {
        for block in body {
            match &block.value {
                Block::Paragraph(text) => self.text(text, &block.referenced),
                Block::Items(list) => self.items(&list.items),
                Block::Table(table) => self.table(table, block.referenced),
            }
        }
    }

    /// A table that cannot be printed as a grid is refused (Y-TABLE); its texts count as
    /// paragraphs do.
    fn table(&mut self, table: &crate::model::table::Table, at: Location) {
        if self.passed.is_some() {
            return;
        }
        if let Err(e) = table.validate(at) {
            self.passed = Some(Passed {
                at: e.at,
                message: e.message,
                help: e.help,
                rule: "Y-TABLE",
            });
            return;
        }
        for (text, at) in table.texts() {
            self.text(text, &at);
        }
    }

    fn items(&mut self, items: &[serde_saphyr::Spanned<ItemEntry>]) {
        for entry in items {
            match &entry.value {
                ItemEntry::Plain(text) => self.text(text, &entry.referenced),
                ItemEntry::Full(item) => {
                    let heading = item.heading.as_ref().map_or("", |h| h.value.as_str());
                    let text = item.text.as_ref().map_or("", |t| t.value.as_str());
                    let at = item
                        .heading
                        .as_ref()
                        .or(item.text.as_ref())
                        .map_or(entry.referenced, |t| t.referenced);
                    self.text(&format!("{heading}{text}"), &at);
                    self.body(&item.body);
                    self.items(&item.items);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report(paragraphs: &[String]) -> Result<Report, Error> {
        let mut yaml = "issuer: 某区\nyear: 2023\nparts:\n  - heading: 甲\n    body:\n".to_owned();
        for p in paragraphs {
            yaml.push_str(&format!("      - {p}\n"));
        }
        crate::load::parse(Path::new("t.yaml"), &yaml)
    }

    fn limit_line(result: Result<Report, Error>) -> Option<u64> {
        match result {
            Err(Error::Yaml {
                rule: "Y-LIMIT", pos, ..
            }) => pos.map(|p| p.line),
            _ => None,
        }
    }

    #[test]
    fn each_limit_is_refused_at_the_text_that_passes_it() {
        let long = "字".repeat(MAX_PARAGRAPH_CHARS);
        assert!(report(std::slice::from_ref(&long)).is_ok());
        assert_eq!(limit_line(report(&["甲".into(), long.clone() + "字"])), Some(7));
        let full: Vec<String> = (0..MAX_TEXT_CHARS / MAX_PARAGRAPH_CHARS)
            .map(|_| long.clone())
            .collect();
        // The heading and the issuer count too, so the last paragraph passes the limit.
        assert_eq!(limit_line(report(&full)), Some(5 + full.len() as u64));
        let many: Vec<String> = (0..MAX_BLOCKS).map(|i| format!("第{i}段")).collect();
        assert_eq!(limit_line(report(&many)), Some(6 + MAX_BLOCKS as u64 - 2));
    }
}
