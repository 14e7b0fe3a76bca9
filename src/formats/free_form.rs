//! The free-form shape (`format: free_form`, reports before 2019 and the seed): parts
//! 一、二、… with headings the report gives, and no tables.

use crate::diag::{Findings, RuleInfo, Severity};
use crate::formats::{Report, comment_text, preamble, yaml_string};
use crate::model::cite::Citable;
use crate::model::table_cite;

/// The rules this shape adds to those of every report. (S-EMPTY and S-PARTS are listed
/// with the rules of every report and of the 2021 format.)
pub const RULES: &[RuleInfo] = &[];

/// Every part names its heading, and tables, which this shape does not print, are not
/// given.
pub fn check(report: &Report, f: &mut Findings) {
    for part in &report.parts {
        if part.heading.is_none() {
            f.add(
                Severity::Error,
                "S-EMPTY",
                None,
                crate::tr!("check-s-empty-heading"),
            )
            .help = Some(crate::tr!("check-s-empty-heading-help"));
        }
    }
    if report.tables.is_some() {
        f.add(
            Severity::Warning,
            "S-PARTS",
            None,
            crate::tr!("check-s-parts-free-form-tables"),
        )
        .help = Some(crate::tr!("check-s-parts-free-form-tables-help"));
    }
}

/// The values prose may cite: those of the tables in the body, numbered 表1, 表2, … in
/// printed order (`model::table_cite`).
pub fn citable(report: &Report) -> Vec<Citable> {
    let mut out = Vec::new();
    for (k, t) in crate::formats::body_tables(report).into_iter().enumerate() {
        table_cite::citable(t, k + 1, &mut out);
    }
    out
}

/// `report init --format free_form`: a report to fill in, two parts with a placeholder each
/// (「待填写」, reported by S-PLACEHOLDER until it is replaced).
pub fn skeleton(issuer: &str, year: u16) -> String {
    format!(
        "# yaml-language-server: $schema=report.schema.json\n# {}{year}年政府信息公开工作年度报告. Numbers 一、（一） are generated; write only the text.\nformat: free_form\nissuer: {}\nyear: {year}\npreamble:\n  - {}\nparts:\n  - heading: 主动公开政府信息情况\n    sections:\n      - heading: 主动公开。\n        text: 待填写：全年主动公开政府信息情况。\n  - heading: 依申请公开政府信息情况\n    body:\n      - 待填写：全年收到和处理政府信息公开申请情况。\n",
        comment_text(issuer),
        yaml_string(issuer),
        yaml_string(&preamble(issuer, year)),
    )
}
