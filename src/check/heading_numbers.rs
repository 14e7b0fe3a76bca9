//! S-NUMBERING: heading and item numbers are generated, so a typed one is an error in a
//! heading and a warning at the start of a paragraph or an item's text (a list typed by
//! hand, or a number doubled); a ① list stops at ⑳; inline enumerations 一是…二是…三是…
//! run in order within a paragraph.

use super::{Input, pattern};
use crate::diag::{Findings, Severity};
use crate::document::SourcedText;
use crate::layout::Role;
use crate::model::{ItemEntry, Numbering, each_list};
use crate::text::chinese_numeral;
use regex::Regex;
use serde_saphyr::Spanned;
use std::sync::LazyLock;

/// A number typed at the start of a text: 一、 （一） (一) 1. 1． 1、 （1） (1) ①…⑳, and the
/// character after it (which tells 「1.5万条」 and 「一、二级」 from a number).
static TYPED_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"^\s*(?:(?P<cn>[一二三四五六七八九十]+、)|[（(][一二三四五六七八九十]+[）)]|[（(]\d{1,2}[）)]|(?P<ar>\d{1,3}[.．、])|[①-⑳])(?P<next>.?)",
    )
});
/// 一是 二是 … at the start of a clause.
static INLINE: LazyLock<Regex> =
    LazyLock::new(|| pattern(r"(?:^|[。；;，,：:！？”\s])([一二三四五六七八九十]+)是"));

pub fn s_numbering(input: &Input, f: &mut Findings) {
    for text in input.texts {
        let heading = matches!(
            text.role,
            Role::Heading1 | Role::Heading2 | Role::Heading3 | Role::Heading4
        );
        if (heading || text.role == Role::Body)
            && let Some((number, end)) = typed_number(&text.text)
        {
            let rest = text.text[end..].trim_start();
            let (severity, message, help) = if heading {
                (
                    Severity::Error,
                    crate::tr!("check-s-numbering-heading", number = number),
                    crate::tr!("check-s-numbering-heading-help", rest = rest),
                )
            } else if text.item {
                (
                    Severity::Warning,
                    crate::tr!("check-s-numbering-item", number = number),
                    crate::tr!("check-s-numbering-item-help"),
                )
            } else {
                let help = match Numbering::like(number) {
                    Some(form) => crate::tr!("check-s-numbering-paragraph-list-help", form = form.as_str()),
                    None => crate::tr!("check-s-numbering-paragraph-heading-help", number = number),
                };
                (
                    Severity::Warning,
                    crate::tr!("check-s-numbering-paragraph", number = number),
                    help,
                )
            };
            let index = text.text[..text.text.len() - text.text.trim_start().len()]
                .chars()
                .count();
            f.at_char(severity, "S-NUMBERING", text, index, message).help = Some(help);
        }
        inline_sequence(text, f);
    }
    for body in super::structure::bodies(input.report) {
        each_list(body, &mut |list| {
            if list.form() == Some(Numbering::Circled)
                && let Some(past) = list.items.get(Numbering::CIRCLED_MAX)
            {
                let at = list.numbering.map_or(&past.referenced, |n| &n.referenced);
                f.add(
                    Severity::Error,
                    "S-NUMBERING",
                    Some(at),
                    crate::tr!("check-s-numbering-circled", count = list.items.len().to_string()),
                )
                .help = Some(crate::tr!("check-s-numbering-circled-help"));
            }
            if list.form() == Some(Numbering::Circled) {
                circled_glyphs(input, list.items, f);
            }
        });
    }
}

/// F-FALLBACK for the generated numbers of a ① list: GB2312 has ① to ⑩ only, so 仿宋_GB2312
/// and the bundled FandolFang print ⑪ to ⑳ in the fallback face. The glyph rules see the
/// user's text; these numbers are not in it, so they are looked up here, in the body role's
/// fonts (which set a list's numbers), at the first item whose number its face lacks.
fn circled_glyphs(input: &Input, items: &[Spanned<ItemEntry>], f: &mut Findings) {
    let Some(fonts) = input.fonts else { return };
    let Some(role) = fonts.roles.get(Role::Body.as_str()) else {
        return;
    };
    let Some(first) = role.cjk.first() else { return };
    for (k, entry) in items.iter().enumerate().take(Numbering::CIRCLED_MAX) {
        let Some(c) = Numbering::Circled.label(k + 1).and_then(|l| l.chars().next()) else {
            continue;
        };
        if fonts.set.family_covers(first, c) {
            continue;
        }
        let (severity, rule, message) = match role.cjk.iter().skip(1).find(|o| fonts.set.family_covers(o, c))
        {
            Some(other) => (
                Severity::Warning,
                "F-FALLBACK",
                crate::tr!(
                    "check-f-fallback-circled",
                    char = c,
                    code = format!("{:04X}", c as u32),
                    font = first,
                    other = other
                ),
            ),
            None => (
                Severity::Error,
                "F-GLYPH",
                crate::tr!(
                    "check-f-glyph-circled",
                    char = c,
                    code = format!("{:04X}", c as u32)
                ),
            ),
        };
        f.add(severity, rule, Some(&entry.referenced), message).help =
            Some(crate::tr!("check-f-circled-help"));
        return;
    }
}

/// The number typed at the start of `text`, trimmed, and the byte where the text after it
/// starts; `None` when the start is a decimal 「1.5万条」, a range 「1、2月」 or 「一、二级」,
/// a year 「2014年」, a date or a document number, which only look like numbers.
fn typed_number(text: &str) -> Option<(&str, usize)> {
    let caps = TYPED_NUMBER.captures(text)?;
    let next = caps.name("next").map_or("", |m| m.as_str());
    let next_is = |p: fn(char) -> bool| next.chars().next().is_some_and(p);
    if caps.name("ar").is_some() && next_is(|c| c.is_ascii_digit() || c.is_ascii_alphabetic()) {
        return None; // 1.5万条, 1、2月份, 2.0版
    }
    if caps.name("cn").is_some() && next_is(|c| "一二三四五六七八九十".contains(c)) {
        return None; // 一、二级医院
    }
    let end = caps.name("next").map_or(text.len(), |m| m.start());
    let whole = caps.get(0)?;
    Some((text[whole.start()..end].trim(), end))
}

/// 一是 … 二是 … in order: the first must be 一是 and each next one more. One slip is one
/// warning: after a wrong number the count goes on from the number that was due when the
/// next one follows it (「三是」 typed twice for 三、四), else from the number written (a
/// skipped one: 「二是」 then 「四是」).
fn inline_sequence(text: &SourcedText, f: &mut Findings) {
    let numbers: Vec<(usize, &str, usize)> = INLINE
        .captures_iter(&text.text)
        .filter_map(|m| {
            let numeral = m.get(1)?;
            let n = (1..=99).find(|&n| chinese_numeral(n) == numeral.as_str())?;
            Some((numeral.start(), numeral.as_str(), n))
        })
        // An enumeration starts at 一是; a lone 三是 before it is ordinary prose.
        .skip_while(|&(_, _, n)| n != 1)
        .collect();
    let mut expected = 1;
    for (k, &(start, numeral, n)) in numbers.iter().enumerate() {
        if n == expected {
            expected += 1;
            continue;
        }
        let index = text.text[..start].chars().count();
        let want = chinese_numeral(expected);
        f.at_char(
            Severity::Warning,
            "S-NUMBERING",
            text,
            index,
            crate::tr!("check-s-numbering-inline", numeral = numeral, want = &want),
        )
        .help = Some(crate::tr!("check-s-numbering-inline-help", want = &want));
        let next = numbers.get(k + 1).map(|&(_, _, n)| n);
        expected = if next == Some(expected + 1) {
            expected + 1
        } else {
            n + 1
        };
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;

    #[test]
    fn a_repeated_inline_number_is_caught_where_it_stands() {
        let f = findings(&with_paragraph("一是甲。二是乙。三是丙。三是丁。"));
        assert_eq!(
            f.iter().map(|x| (x.0, x.2)).collect::<Vec<_>>(),
            [("S-NUMBERING", Some(21))]
        );
        assert!(f[0].3.contains("四是"));
    }

    #[test]
    fn one_slip_is_one_warning() {
        let at = |text: &str| {
            findings(&with_paragraph(text))
                .into_iter()
                .map(|x| x.2)
                .collect::<Vec<_>>()
        };
        // 「三是」 typed for 「四是」: only the slip is named, not the 五是 after it.
        assert_eq!(at("一是甲。二是乙。三是丙。三是丁。五是戊。"), [Some(21)]);
        // A repeated 三是 and then 四是: the count goes on from the number written.
        assert_eq!(at("一是甲。二是乙。三是丙。三是丁。四是戊。"), [Some(21)]);
        // A skipped number: one warning, and 五是 after 四是 is in order.
        assert_eq!(at("一是甲。二是乙。四是丁。五是戊。"), [Some(17)]);
        // 二是 for 三是: one warning.
        assert_eq!(at("一是甲。二是乙。二是丙。四是丁。"), [Some(17)]);
    }

    #[test]
    fn ordered_enumerations_and_prose_pass() {
        assert!(findings(&with_paragraph("一是甲；二是乙；三是丙。统一是关键。")).is_empty());
    }

    #[test]
    fn a_typed_heading_number_is_an_error() {
        let f = findings("issuer: 某局\nyear: 2023\nparts:\n  - heading: 一、总体情况\n");
        assert_eq!(
            f.iter().map(|x| (x.0, x.1)).collect::<Vec<_>>(),
            [("S-NUMBERING", Some(4))]
        );
    }

    #[test]
    fn a_number_typed_at_the_start_of_a_paragraph_is_a_warning_at_its_column() {
        for typed in [
            "1.门户网站建设。",
            "1．门户网站",
            "2、政务微博",
            "（3）网站",
            "(3)网站",
            "①网站",
            "一、总体情况",
            "（二）依申请公开",
            "\"  1.前有空格\"",
        ] {
            let f = findings(&with_paragraph(typed));
            // Quoted, the text starts after the quote and the number after two spaces.
            let column = if typed.starts_with('"') { 12 } else { 9 };
            assert_eq!(
                f.iter()
                    .filter(|x| x.0 == "S-NUMBERING")
                    .map(|x| (x.0, x.1, x.2))
                    .collect::<Vec<_>>(),
                [("S-NUMBERING", Some(6), Some(column))],
                "{typed}"
            );
        }
        let f = findings(&with_paragraph("1、门户网站"));
        assert!(f[0].3.contains("「1、」"), "{f:?}");
    }

    #[test]
    fn years_dates_decimals_ranges_and_document_numbers_are_not_typed_numbers() {
        for prose in [
            "2014年，我局主动公开信息。",
            "2014.12.31前完成。",
            "12.31日前完成。",
            "1.5万条信息已公开。",
            "3.15晚会期间开展宣传。",
            "1、2月份共受理申请。",
            "一、二级医院全部公开收费。",
            "（2014）年度报告。",
            "渝府发〔2014〕32号文件要求。",
            "5G基站建设信息。",
            "一是甲；二是乙。",
            "第一，加强领导。",
            "12345热线全年受理。",
        ] {
            assert!(findings(&with_paragraph(prose)).is_empty(), "{prose}");
        }
    }

    #[test]
    fn a_number_typed_into_an_item_says_the_list_numbers_it() {
        let yaml = "issuer: 某局\nyear: 2023\nparts:\n  - heading: 甲\n    body:\n      - items:\n          - （2）乙。\n          - {text: 1.丙。}\n          - 2014年丁。\n";
        let f = findings(yaml);
        assert_eq!(
            f.iter().map(|x| (x.0, x.1)).collect::<Vec<_>>(),
            [("S-NUMBERING", Some(7)), ("S-NUMBERING", Some(8))]
        );
        assert!(f[0].3.contains("item's text"), "{f:?}");
    }

    #[test]
    fn a_circled_list_stops_at_twenty() {
        let list = |n: usize| {
            let items: String = (1..=n).map(|i| format!("          - 第{i}项。\n")).collect();
            format!(
                "issuer: 某局\nyear: 2023\nparts:\n  - heading: 甲\n    body:\n      - numbering: \"①\"\n        items:\n{items}"
            )
        };
        assert!(findings(&list(20)).is_empty());
        let f = findings(&list(21));
        assert_eq!(
            f.iter().map(|x| (x.0, x.1)).collect::<Vec<_>>(),
            [("S-NUMBERING", Some(6))]
        );
        // Below （1） a list is ① without saying so: then the 21st item is pointed at.
        let items: String = (1..=21)
            .map(|i| format!("                  - 第{i}项。\n"))
            .collect();
        let nested = format!(
            "issuer: 某局\nyear: 2023\nparts:\n  - heading: 甲\n    body:\n      - numbering: \"（1）\"\n        items:\n          - heading: 乙\n            body:\n              - items:\n{items}"
        );
        let f = findings(&nested);
        assert_eq!(
            f.iter().map(|x| (x.0, x.1)).collect::<Vec<_>>(),
            [("S-NUMBERING", Some(31))]
        );
    }
}
