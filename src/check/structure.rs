//! S-EMPTY, S-CONTROL and S-DEPTH: text that is missing, holds characters that do not
//! print, or nests deeper than the official numbering goes.
//! (A free-form part without a heading is the free-form shape's S-EMPTY, in `formats`.)

use super::Input;
use crate::diag::{Findings, Severity};
use crate::error::SourcePos;
use crate::formats::Report;
use crate::model::{Addressee, Body, Numbering, each_list};
use crate::text::is_invisible;

/// S-EMPTY: every heading, paragraph and title line has text; a report has parts.
pub fn s_empty(input: &Input, f: &mut Findings) {
    for text in input.texts {
        if text.text.trim().is_empty() {
            f.at_char(
                Severity::Error,
                "S-EMPTY",
                text,
                0,
                crate::tr!("check-s-empty-text"),
            )
            .help = Some(crate::tr!("check-s-empty-text-help"));
        }
    }
    if input.report.parts.is_empty() {
        let pos = key_position(input.source, "parts");
        f.add_at(Severity::Error, "S-EMPTY", pos, crate::tr!("check-s-empty-parts"))
            .help = Some(crate::tr!("check-s-empty-parts-help"));
    }
    if let Some(addressee) = &input.report.addressee
        && matches!(&addressee.value, Addressee::Many(names) if names.is_empty())
    {
        f.add(
            Severity::Error,
            "S-EMPTY",
            Some(&addressee.referenced),
            crate::tr!("check-s-empty-addressee"),
        )
        .help = Some(crate::tr!("check-s-empty-addressee-help"));
    }
    if input.report.issuer.value.trim().is_empty() {
        f.add(
            Severity::Error,
            "S-EMPTY",
            Some(&input.report.issuer.referenced),
            crate::tr!("check-s-empty-issuer"),
        )
        .help = Some(crate::tr!("check-s-empty-issuer-help"));
    }
}

/// S-CONTROL: control characters, bidirectional overrides and invisible characters, which
/// print as nothing or reorder text, have no place in a report.
pub fn s_control(input: &Input, f: &mut Findings) {
    for text in input.texts {
        if let Some((index, c)) = text.text.chars().enumerate().find(|(_, c)| is_invisible(*c)) {
            let line_break = c == '\n';
            f.at_char(
                Severity::Error,
                "S-CONTROL",
                text,
                index,
                crate::tr!(
                    "check-s-control",
                    kind = if line_break { "line-break" } else { "other" },
                    code = format!("{:04X}", c as u32)
                ),
            )
            .help = Some(if line_break {
                crate::tr!("check-s-control-line-break-help")
            } else {
                crate::tr!("check-s-control-other-help")
            });
        }
    }
}

/// S-DEPTH: numbered lists nest two levels, the 1. and （1） of 一、 （一） 1. （1）, the
/// four levels of numbering the official format has; a list inside a （1） item would print
/// （1） again, so it is refused where it is written. A list inside an item is numbered
/// below it, 1. (or 1、) → （1） → ①: a `numbering:` that does not rank below the enclosing
/// list's, or any list inside a ① item, is refused too.
pub fn s_depth(input: &Input, f: &mut Findings) {
    for body in bodies(input.report) {
        each_list(body, &mut |list| {
            let Some(first) = list.items.first() else {
                return;
            };
            if list.depth > 2 {
                f.add(
                    Severity::Error,
                    "S-DEPTH",
                    Some(&first.referenced),
                    crate::tr!("check-s-depth-too-deep"),
                )
                .help = Some(crate::tr!("check-s-depth-too-deep-help"));
                return;
            }
            let Some(parent) = list.parent else {
                return;
            };
            match (list.numbering, list.form()) {
                (Some(own), _) if own.value.rank() <= parent.rank() => {
                    let below = Numbering::below(Some(parent));
                    f.add(
                        Severity::Error,
                        "S-DEPTH",
                        Some(&own.referenced),
                        crate::tr!(
                            "check-s-depth-rank",
                            own = own.value.as_str(),
                            parent = parent.as_str()
                        ),
                    )
                    .help = Some(match below {
                        Some(b) => crate::tr!("check-s-depth-rank-help", below = b.as_str()),
                        None => crate::tr!("check-s-depth-rank-lowest-help"),
                    });
                }
                (_, None) => {
                    f.add(
                        Severity::Error,
                        "S-DEPTH",
                        Some(&first.referenced),
                        crate::tr!("check-s-depth-circled"),
                    )
                    .help = Some(crate::tr!("check-s-depth-circled-help"));
                }
                _ => {}
            }
        });
    }
}

/// The bodies of a report that may hold lists: the preamble, each part's and each section's.
pub(super) fn bodies(r: &Report) -> impl Iterator<Item = &Body> {
    std::iter::once(&r.preamble).chain(
        r.parts
            .iter()
            .flat_map(|p| std::iter::once(&p.body).chain(p.sections.iter().map(|s| &s.body))),
    )
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
    fn a_list_is_numbered_below_the_item_that_holds_it() {
        let yaml = |outer: &str, inner: &str| {
            format!(
                "issuer: 某局\nyear: 2023\nparts:\n  - heading: 甲\n    body:\n      - numbering: \"{outer}\"\n        items:\n          - heading: 乙\n            body:\n              - numbering: \"{inner}\"\n                items: [丙]\n"
            )
        };
        for (outer, inner) in [("1.", "（1）"), ("1、", "①"), ("（1）", "①"), ("1、", "（1）")] {
            assert!(findings(&yaml(outer, inner)).is_empty(), "{outer} {inner}");
        }
        for (outer, inner) in [("（1）", "1."), ("（1）", "（1）"), ("1.", "1、"), ("①", "①")] {
            let f = findings(&yaml(outer, inner));
            assert_eq!(
                f.iter().map(|x| (x.0, x.1)).collect::<Vec<_>>(),
                [("S-DEPTH", Some(10))],
                "{outer} {inner}"
            );
        }
        // Nothing ranks below ①: a list inside a ① item is refused at its first item.
        let below_circled = "issuer: 某局\nyear: 2023\nparts:\n  - heading: 甲\n    body:\n      - numbering: \"①\"\n        items:\n          - text: 乙\n            items: [丙]\n";
        let f = findings(below_circled);
        assert_eq!(
            f.iter().map(|x| (x.0, x.1)).collect::<Vec<_>>(),
            [("S-DEPTH", Some(9))]
        );
    }

    #[test]
    fn an_empty_addressee_is_an_error() {
        let f = findings("issuer: 某局\nyear: 2023\naddressee: []\nparts: [{heading: 甲}]\n");
        assert_eq!(
            f.iter().map(|x| (x.0, x.1)).collect::<Vec<_>>(),
            [("S-EMPTY", Some(3))]
        );
        let f = findings("issuer: 某局\nyear: 2023\naddressee: \"\"\nparts: [{heading: 甲}]\n");
        assert_eq!(
            f.iter().map(|x| (x.0, x.1)).collect::<Vec<_>>(),
            [("S-EMPTY", Some(3))]
        );
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
