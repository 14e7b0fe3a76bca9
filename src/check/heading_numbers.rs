//! S-NUMBERING: heading numbers are generated, so a typed one is an error; inline
//! enumerations 一是…二是…三是… run in order within a paragraph.

use super::{Input, pattern};
use crate::diag::{Findings, Severity};
use crate::document::SourcedText;
use crate::layout::Role;
use crate::text::chinese_numeral;
use regex::Regex;
use std::sync::LazyLock;

/// A number typed at the start of a heading: 一、 （一） (一) 1. 1、 （1）
static TYPED_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    pattern(r"^\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d+[.．、])")
});
/// 一是 二是 … at the start of a clause.
static INLINE: LazyLock<Regex> =
    LazyLock::new(|| pattern(r"(?:^|[。；;，,：:！？”\s])([一二三四五六七八九十]+)是"));

pub fn s_numbering(input: &Input, f: &mut Findings) {
    for text in input.texts {
        if matches!(
            text.role,
            Role::Heading1 | Role::Heading2 | Role::Heading3 | Role::Heading4
        ) && let Some(m) = TYPED_NUMBER.find(&text.text)
        {
            f.at_char(
                Severity::Error,
                "S-NUMBERING",
                text,
                0,
                format!(
                    "the heading starts with the number 「{}」, but numbers are generated from order",
                    m.as_str().trim()
                ),
            )
            .help = Some(format!("write only 「{}」", text.text[m.end()..].trim_start()));
        }
        inline_sequence(text, f);
    }
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
            format!(
                "「{numeral}是」 where 「{want}是」 was expected: the enumeration 一是、二是… is out of order"
            ),
        )
        .help = Some(format!("write {want}是, or renumber the enumeration"));
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
}
