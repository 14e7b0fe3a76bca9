//! D-YEAR: the year in the title and the statistics period is the report's year, and no
//! year mentioned lies beyond the year after it.

use super::{Input, pattern};
use crate::diag::{Findings, Severity};
use crate::layout::Role;
use crate::model::Date;
use regex::Regex;
use serde_saphyr::Spanned;
use std::sync::LazyLock;

/// 「2014年」: a four-digit year.
static YEAR: LazyLock<Regex> = LazyLock::new(|| pattern(r"(\d{4})年"));
/// 「数据统计期限为2023年1月1日至2023年12月31日」
static PERIOD: LazyLock<Regex> = LazyLock::new(|| pattern(r"统计期限为(\d{4})年1月1日至(\d{4})年12月31日"));

/// Reports are about years of the Regulations on Open Government Information (2008-).
const FIRST_YEAR: u16 = 2000;
const LAST_YEAR: u16 = 2100;

pub fn d_year(input: &Input, f: &mut Findings) {
    let year = input.report.year.value;
    if !(FIRST_YEAR..=LAST_YEAR).contains(&year) {
        f.add(
            Severity::Error,
            "D-YEAR",
            Some(&input.report.year.referenced),
            crate::tr!("check-d-year-implausible", year = year.to_string()),
        )
        .help = Some(crate::tr!(
            "check-d-year-implausible-help",
            first = FIRST_YEAR.to_string(),
            last = LAST_YEAR.to_string()
        ));
        return;
    }
    for text in input.texts {
        let in_title = text.role == Role::Title;
        for m in YEAR.captures_iter(&text.text) {
            let Ok(mentioned) = m[1].parse::<u16>() else {
                continue;
            };
            let index = text.text[..m.get(1).map_or(0, |g| g.start())].chars().count();
            if in_title && mentioned != year {
                f.at_char(
                    Severity::Error,
                    "D-YEAR",
                    text,
                    index,
                    crate::tr!(
                        "check-d-year-title",
                        mentioned = mentioned.to_string(),
                        year = year.to_string()
                    ),
                )
                .help = Some(crate::tr!("check-d-year-title-help", year = year.to_string()));
            } else if mentioned > year + 1 {
                f.at_char(
                    Severity::Error,
                    "D-YEAR",
                    text,
                    index,
                    crate::tr!(
                        "check-d-year-later",
                        mentioned = mentioned.to_string(),
                        next = (year + 1).to_string()
                    ),
                )
                .help = Some(crate::tr!("check-d-year-later-help"));
            }
        }
        for m in PERIOD.captures_iter(&text.text) {
            for g in [1, 2] {
                let Some(found) = m.get(g) else { continue };
                if found.as_str().parse::<u16>().ok() != Some(year) {
                    let index = text.text[..found.start()].chars().count();
                    f.at_char(
                        Severity::Error,
                        "D-YEAR",
                        text,
                        index,
                        crate::tr!(
                            "check-d-year-period",
                            found = found.as_str(),
                            year = year.to_string()
                        ),
                    )
                    .help = Some(crate::tr!("check-d-year-period-help", year = year.to_string()));
                }
            }
        }
    }
    let signed = input.report.signature.as_ref().and_then(|s| s.date.as_ref());
    for date in input.report.date.iter().chain(signed) {
        check_date(date, year, f);
    }
}

/// A report's date (成文日期) is when it was issued: early in the year after the one it
/// covers, or late, in the year after that. Any other year is a slip of the keyboard.
fn check_date(date: &Spanned<Date>, year: u16, f: &mut Findings) {
    let issued = date.value.year;
    let (severity, help) = if issued == year || issued == year + 1 {
        return;
    } else if issued == year + 2 {
        (Severity::Warning, crate::tr!("check-d-year-date-late-help"))
    } else {
        (Severity::Error, crate::tr!("check-d-year-date-help"))
    };
    f.add(
        severity,
        "D-YEAR",
        Some(&date.referenced),
        crate::tr!(
            "check-d-year-date",
            date = date.value.to_string(),
            year = year.to_string(),
            next = (year + 1).to_string()
        ),
    )
    .help = Some(help);
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;

    #[test]
    fn a_title_with_another_year_is_an_error() {
        let f = findings(
            "issuer: 某局\nyear: 2023\ntitle: [某局2022年政府信息公开工作年度报告]\nparts: [{heading: 甲}]\n",
        );
        assert_eq!(
            f.iter().map(|x| (x.0, x.1, x.2)).collect::<Vec<_>>(),
            [("D-YEAR", Some(3), Some(11))]
        );
    }

    #[test]
    fn a_year_beyond_the_next_is_an_error_and_the_period_must_match() {
        let f = findings(&with_paragraph(
            "2025年计划；本报告中所列数据统计期限为2022年1月1日至2023年12月31日。",
        ));
        let rules: Vec<_> = f.iter().map(|x| (x.0, x.2)).collect();
        assert_eq!(rules, [("D-YEAR", Some(9)), ("D-YEAR", Some(30))], "{f:?}");
    }

    #[test]
    fn a_date_years_away_is_found_in_the_signature_too() {
        let f = findings(
            "issuer: 某局\nyear: 2023\ndate: 2025-01-20\nparts: [{heading: 甲}]\nsignature: {date: 9999-12-31}\n",
        );
        let found: Vec<_> = f.iter().map(|x| (x.0, x.1)).collect();
        assert_eq!(found, [("D-YEAR", Some(3)), ("D-YEAR", Some(5))], "{f:?}");
    }

    #[test]
    fn the_next_year_and_the_report_year_pass() {
        assert!(
            findings(&with_paragraph(
                "2024年1月；统计期限为2023年1月1日至2023年12月31日。"
            ))
            .is_empty()
        );
    }
}
