//! S-EMPTY, S-CONTROL and S-DEPTH: text that is missing, holds characters that do not
//! print, or nests deeper than the official numbering goes.
//! (A free-form part without a heading is the free-form shape's S-EMPTY, in `formats`.)

use super::Input;
use crate::diag::{Findings, Severity};
use crate::error::SourcePos;
use crate::model::{Block, ItemEntry};
use crate::text::is_invisible;

/// S-EMPTY: every heading, paragraph and title line has text; a report has parts.
pub fn s_empty(input: &Input, f: &mut Findings) {
    for text in input.texts {
        if text.text.trim().is_empty() {
            f.at_char(Severity::Error, "S-EMPTY", text, 0, "this text is empty".into())
                .help = Some("write the text, or remove the entry".into());
        }
    }
    if input.report.parts.is_empty() {
        let pos = key_position(input.source, "parts");
        f.add_at(Severity::Error, "S-EMPTY", pos, "the report has no parts".into())
            .help = Some("add the parts 一、二、… under `parts:`, each with a `heading:`".into());
    }
    if input.report.issuer.value.trim().is_empty() {
        f.add(
            Severity::Error,
            "S-EMPTY",
            Some(&input.report.issuer.referenced),
            "the issuer is empty".into(),
        )
        .help = Some("name the body that publishes the report, e.g. 重庆市人民政府办公厅".into());
    }
}

/// S-CONTROL: control characters, bidirectional overrides and invisible characters, which
/// print as nothing or reorder text, have no place in a report.
pub fn s_control(input: &Input, f: &mut Findings) {
    for text in input.texts {
        if let Some((index, c)) = text.text.chars().enumerate().find(|(_, c)| is_invisible(*c)) {
            let what = if c == '\n' {
                "a line break"
            } else {
                "an invisible or control character"
            };
            f.at_char(
                Severity::Error,
                "S-CONTROL",
                text,
                index,
                format!("{what} (U+{:04X}) inside the text", c as u32),
            )
            .help = Some(if c == '\n' {
                "a paragraph is one line: join the lines, or make two paragraphs".into()
            } else {
                "delete it (it was probably pasted in with the text)".into()
            });
        }
    }
}

/// S-DEPTH: numbered lists nest two levels, 1. and （1）: with 一、 and （一） above them
/// they are the four levels of numbering the official format has. A list inside a （1）
/// item would print （1） again, so it is refused where it is written.
pub fn s_depth(input: &Input, f: &mut Findings) {
    let r = input.report;
    let bodies = r
        .parts
        .iter()
        .flat_map(|p| std::iter::once(&p.body).chain(p.sections.iter().map(|s| &s.body)))
        .chain(std::iter::once(&r.preamble));
    for body in bodies {
        for block in body {
            let Block::Items(items) = &block.value else {
                continue;
            };
            for entry in items {
                let ItemEntry::Full(item) = &entry.value else {
                    continue;
                };
                for sub in &item.items {
                    if let ItemEntry::Full(deep) = &sub.value
                        && let Some(first) = deep.items.first()
                    {
                        f.add(
                            Severity::Error,
                            "S-DEPTH",
                            Some(&first.referenced),
                            "a list inside a （1） item: the official format numbers four levels, 一、 （一） 1. （1）".into(),
                        )
                        .help = Some("make these items paragraphs of their own, or raise them one level".into());
                    }
                }
            }
        }
    }
}

/// Where a top-level key is written, if it is.
fn key_position(source: &str, key: &str) -> Option<SourcePos> {
    source
        .lines()
        .position(|l| l.strip_prefix(key).is_some_and(|r| r.starts_with(':')))
        .map(|i| SourcePos {
            line: i as u64 + 1,
            column: 1,
        })
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;

    #[test]
    fn a_list_below_the_fourth_level_is_refused() {
        let yaml = "issuer: 某局\nyear: 2023\nparts:\n  - heading: 甲\n    body:\n      - items:\n          - text: 一\n            items:\n              - text: 二\n                items:\n                  - 三\n";
        let f = findings(yaml);
        assert_eq!(
            f.iter().map(|x| (x.0, x.1)).collect::<Vec<_>>(),
            [("S-DEPTH", Some(11))],
            "{f:?}"
        );
        assert!(findings(&yaml.replace("                items:\n                  - 三\n", "")).is_empty());
    }

    #[test]
    fn empty_text_and_missing_parts_are_errors() {
        let f = findings("issuer: 某局\nyear: 2023\nparts: []\n");
        assert_eq!(
            f.iter().map(|x| (x.0, x.1)).collect::<Vec<_>>(),
            [("S-EMPTY", Some(3))]
        );
        let f = findings(&with_paragraph("\"  \""));
        assert_eq!(
            f.iter().map(|x| (x.0, x.1)).collect::<Vec<_>>(),
            [("S-EMPTY", Some(6))]
        );
    }

    #[test]
    fn bidi_overrides_are_errors_at_their_column() {
        let f = findings(&with_paragraph("正文\u{202E}反向"));
        assert_eq!(
            f.iter().map(|x| (x.0, x.1, x.2)).collect::<Vec<_>>(),
            [("S-CONTROL", Some(6), Some(11))]
        );
    }
}
