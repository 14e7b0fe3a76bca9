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

/// 一是 … 二是 … in order: the first must be 一是 and each next one more.
fn inline_sequence(text: &SourcedText, f: &mut Findings) {
    let mut expected = 1;
    for m in INLINE.captures_iter(&text.text) {
        let Some(numeral) = m.get(1) else { continue };
        let Some(n) = (1..=99).find(|&n| chinese_numeral(n) == numeral.as_str()) else {
            continue;
        };
        if expected == 1 && n != 1 {
            // An enumeration starts at 一是; a lone 三是 is ordinary prose.
            continue;
        }
        if n != expected {
            let index = text.text[..numeral.start()].chars().count();
            let want = chinese_numeral(expected);
            f.at_char(
                Severity::Warning,
                "S-NUMBERING",
                text,
                index,
                format!(
                    "「{}是」 where 「{want}是」 was expected: the enumeration 一是、二是… is out of order",
                    numeral.as_str()
                ),
            )
            .help = Some(format!("write {want}是, or renumber the enumeration"));
        }
        expected = n + 1;
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
