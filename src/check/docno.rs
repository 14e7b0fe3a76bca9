//! D-DOCNO: document numbers are written 渝府发〔2014〕32号: the year in 六角括号 〔〕, no
//! 第, no leading zeros, and a year no later than the one after the report's.

use super::{Input, pattern};
use crate::diag::{Findings, Severity};
use regex::Regex;
use std::sync::LazyLock;

/// An issuer's abbreviation, a bracketed year, a number and 号: 国办发〔2010〕5号,
/// 渝府发[2014]32号, 渝府办发（2014）第087号.
static DOCNO: LazyLock<Regex> = LazyLock::new(|| {
    pattern(r"(\p{Han}{1,10})([\[\(（【［〔〖［])\s*(\d{4})\s*([\]\)）】］〕〗］])\s*(第?)(\d+)号")
});

/// The character ranges of the document numbers in a text (other rules leave them to this one).
pub fn spans(text: &str) -> Vec<std::ops::Range<usize>> {
    DOCNO
        .find_iter(text)
        .map(|m| text[..m.start()].chars().count()..text[..m.end()].chars().count())
        .collect()
}

pub fn d_docno(input: &Input, f: &mut Findings) {
    let year = input.report.year.value;
    for text in input.texts {
        for m in DOCNO.captures_iter(&text.text) {
            let (Some(open), Some(number)) = (m.get(2), m.get(6)) else {
                continue;
            };
            let prefix = &m[1];
            let (doc_year, di, num) = (&m[3], &m[5], number.as_str());
            let fixed = format!("{prefix}〔{doc_year}〕{}号", num.trim_start_matches('0'));
            let index = text.text[..open.start()].chars().count();
            if &m[2] != "〔" || &m[4] != "〕" {
                f.at_char(
                    Severity::Error,
                    "D-DOCNO",
                    text,
                    index,
                    crate::tr!(
                        "check-d-docno-brackets",
                        number = &m[0],
                        open = &m[2],
                        close = &m[4]
                    ),
                )
                .help = Some(crate::tr!("check-d-docno-brackets-help", fixed = &fixed));
            } else if !di.is_empty() || (num.starts_with('0') && num.len() > 1) {
                f.at_char(
                    Severity::Warning,
                    "D-DOCNO",
                    text,
                    index,
                    crate::tr!("check-d-docno-form", number = &m[0]),
                )
                .help = Some(crate::tr!("check-d-docno-form-help", fixed = &fixed));
            }
            if doc_year.parse::<u16>().is_ok_and(|y| y > year + 1) {
                f.at_char(
                    Severity::Warning,
                    "D-DOCNO",
                    text,
                    index + 1,
                    crate::tr!(
                        "check-d-docno-year",
                        number = &m[0],
                        year = doc_year,
                        next = (year + 1).to_string()
                    ),
                )
                .help = Some(crate::tr!("check-d-docno-year-help"));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;

    #[test]
    fn square_and_round_brackets_get_the_fix() {
        let f = findings(&with_paragraph(
            "《决定》（渝府发[2014]32号）和（国办发(2010)5号）",
        ));
        assert_eq!(f.len(), 2, "{f:?}");
        assert!(f.iter().all(|x| x.0 == "D-DOCNO" && x.1 == Some(6)));
        assert_eq!(f[0].2, Some(17));
    }

    #[test]
    fn the_right_form_passes_and_第_or_zeros_warn() {
        assert!(findings(&with_paragraph("（渝府发〔2014〕32号）")).is_empty());
        let f = findings(&with_paragraph("（渝府发〔2014〕第032号）"));
        assert_eq!(f.iter().map(|x| x.0).collect::<Vec<_>>(), ["D-DOCNO"]);
    }

    #[test]
    fn a_document_year_far_after_the_report_warns() {
        let f = findings(&with_paragraph("（渝府发〔2029〕3号）"));
        assert_eq!(f.iter().map(|x| x.0).collect::<Vec<_>>(), ["D-DOCNO"]);
    }
}
