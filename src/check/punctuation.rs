//! P-PUNCT: Chinese text takes full-width punctuation; a half-width comma, bracket or colon
//! beside a Chinese character is a slip of the input method.

use super::Input;
use crate::diag::{Findings, Severity};
use crate::text::is_han;

/// Half-width marks and their full-width forms.
const FULL_WIDTH: [(char, char); 7] = [
    (',', '，'),
    (';', '；'),
    (':', '：'),
    ('?', '？'),
    ('!', '！'),
    ('(', '（'),
    (')', '）'),
];

pub fn p_punct(input: &Input, f: &mut Findings) {
    for text in input.texts {
        let chars: Vec<char> = text.text.chars().collect();
        let document_numbers = super::docno::spans(&text.text);
        for (index, &c) in chars.iter().enumerate() {
            if document_numbers.iter().any(|r| r.contains(&index)) {
                continue; // D-DOCNO says how to write those brackets
            }
            let Some(&(_, full)) = FULL_WIDTH.iter().find(|(half, _)| *half == c) else {
                continue;
            };
            let before = index.checked_sub(1).map(|i| chars[i]);
            let after = chars.get(index + 1).copied();
            // Only where it touches Chinese: 「3:00」「(a)」 in Latin context are left alone.
            if before.is_some_and(is_han) || after.is_some_and(is_han) {
                f.at_char(
                    Severity::Warning,
                    "P-PUNCT",
                    text,
                    index,
                    crate::tr!("check-p-punct", char = c),
                )
                .help = Some(crate::tr!("check-p-punct-help", full = full));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;

    #[test]
    fn a_half_width_comma_or_bracket_in_chinese_is_a_warning_at_its_column() {
        let f = findings(&with_paragraph("甲,乙(丙)"));
        assert_eq!(
            f.iter().map(|x| (x.0, x.2)).collect::<Vec<_>>(),
            [
                ("P-PUNCT", Some(10)),
                ("P-PUNCT", Some(12)),
                ("P-PUNCT", Some(14))
            ]
        );
    }

    #[test]
    fn latin_context_is_left_alone() {
        assert!(findings(&with_paragraph("时间 9:30，网址 (www)。")).is_empty());
    }
}
