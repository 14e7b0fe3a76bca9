//! `report init --format standard_2021`: a new report of the format, its six parts with a
//! placeholder each (「待填写」, which `check` reports until it is replaced) and every table
//! zero-filled. The keys
//! come from the format's one table of labels.

use super::labels::*;
use crate::formats::{preamble, yaml_string};

/// The YAML of a new report.
pub fn skeleton(issuer: &str, year: u16) -> String {
    let mut s = format!(
        "# yaml-language-server: $schema=report.schema.json\n# {}{year}年政府信息公开工作年度报告 in the national format of 国办公开办函〔2021〕30号.\n# The six parts are printed with their titles ({}); write their text.\n# Table rows: [{}, {TOTAL}]; {TOTAL} may be left out.\nformat: standard_2021\nissuer: {}\nyear: {year}\npreamble:\n  - {}\nparts:\n",
        crate::formats::comment_text(issuer),
        PART_TITLES.join("、"),
        APPLICANTS.join(", "),
        yaml_string(issuer),
        yaml_string(&preamble(issuer, year)),
    );
    // Each part's text is marked 「待填写」 (S-PLACEHOLDER): the skeleton does not pass `check`
    // until every part is written.
    let bodies = [
        "待填写：本年度政府信息公开工作总体情况。".to_owned(),
        format!("待填写：{year}年主动公开政府信息情况（表格见下）。"),
        format!("待填写：{year}年收到和处理政府信息公开申请情况（表格见下）。"),
        format!("待填写：{year}年政府信息公开行政复议、行政诉讼情况（表格见下）。"),
        "待填写：本年度政府信息公开工作存在的主要问题及改进情况。".to_owned(),
        "待填写：信息处理费收取情况及其他需要报告的事项。".to_owned(),
    ];
    for body in bodies {
        s.push_str(&format!("  - body:\n      - {body}\n"));
    }
    let counts = T2_DOCUMENT_COLUMNS.map(|c| format!("{}: 0", c.key)).join(", ");
    s.push_str("tables:\n  active:\n");
    for documents in [T2_RULES, T2_NORMATIVE] {
        s.push_str(&format!("    {}: {{{counts}}}\n", documents.key));
    }
    for decisions in [T2_LICENSING, T2_PENALTIES, T2_ENFORCEMENT] {
        s.push_str(&format!("    {}: 0\n", decisions.key));
    }
    s.push_str(&format!("    {}: \"0\"\n  applications:\n", T2_FEES.key));
    tables_3_and_4(&mut s, None);
    s
}

/// Tables 3 and 4 zero-filled, from `applications:`'s rows on; with `single`, the group
/// （六） is that one row (the 2019 trial format) instead of its leaves.
pub(crate) fn tables_3_and_4(s: &mut String, single: Option<&Label>) {
    let zero = format!("[{}]", vec!["0"; APPLICANTS.len() + 1].join(", "));
    let row = |key: &str, indent: usize| format!("{}{key}: {zero}\n", " ".repeat(indent));
    for leaf in [T3_RECEIVED, T3_CARRIED_OVER, T3_DISCLOSED, T3_PARTLY] {
        s.push_str(&row(leaf.key, 4));
    }
    let groups = match single {
        Some(_) => &T3_GROUPS[..3],
        None => &T3_GROUPS[..],
    };
    for group in groups {
        s.push_str(&format!("    {}:\n", group.key));
        for leaf in group.leaves {
            s.push_str(&row(leaf.key, 6));
        }
    }
    if let Some(single) = single {
        s.push_str(&row(single.key, 4));
    }
    s.push_str(&row(T3_TOTAL.key, 4));
    s.push_str(&row(T3_CARRIED_FORWARD.key, 4));
    s.push_str("  reviews:\n");
    let outcomes = T4_OUTCOMES.map(|o| format!("{}: 0", o.key)).join(", ");
    for group in [T4_RECONSIDERATION, T4_DIRECT, T4_AFTER] {
        s.push_str(&format!("    {}: {{{outcomes}}}\n", group.key));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::parse;
    use std::path::Path;

    /// The labels' keys are the keys the report's types read: a skeleton whose every leaf
    /// of table 3 holds its own number reads back with each number under its own label.
    #[test]
    fn every_key_of_the_labels_reads_into_its_own_row() {
        let mut yaml = skeleton("某区人民政府", 2024);
        let mut k = 0;
        for group in &T3_GROUPS {
            for leaf in group.leaves {
                k += 1;
                let from = format!("      {}: [0, 0, 0, 0, 0, 0, 0]", leaf.key);
                assert!(yaml.contains(&from), "{from}");
                yaml = yaml.replace(&from, &format!("      {}: [{k}, 0, 0, 0, 0, 0, {k}]", leaf.key));
            }
        }
        let report = parse(Path::new("t.yaml"), &yaml).expect("the skeleton parses");
        let Some(crate::formats::Tables::Standard2021(tables)) = report.tables else {
            panic!("the tables of the 2021 format")
        };
        let mut expected = 0;
        for (group, rows) in tables.applications.groups() {
            assert_eq!(group.leaves.len(), rows.len(), "{}", group.label);
            for row in rows {
                expected += 1;
                assert_eq!(row.columns()[0], expected);
            }
        }
        assert_eq!(expected, k);
    }
}
