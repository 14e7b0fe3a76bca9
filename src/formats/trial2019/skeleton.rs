//! `report init --format trial_2019`: a new report of the 2019 trial format, its six parts
//! with a placeholder each (「待填写」, which the checks flag until it is replaced) and every
//! table zero-filled. The keys come from the labels of the two formats.

use super::labels::*;
use crate::formats::standard2021::labels::{APPLICANTS, PART_TITLES, TOTAL};
use crate::formats::{preamble, yaml_string};

/// What each prose placeholder says: the lead's rule S-PLACEHOLDER finds it, so a skeleton
/// not yet written cannot pass `check`.
pub const PLACEHOLDER: &str = "待填写";

/// The YAML of a new report.
pub fn skeleton(issuer: &str, year: u16) -> String {
    let mut s = format!(
        "# yaml-language-server: $schema=report.schema.json\n# {}{year}年政府信息公开工作年度报告 in the trial format of 国办公开办函〔2019〕60号.\n# The six parts are printed with their titles ({}); replace each 「{PLACEHOLDER}」 with their text.\n# Table 2: 本年增/减 is signed (+3, -2, 0); 采购总金额 has its unit (1296.5万元 or 835000元).\n# Table rows: [{}, {TOTAL}]; {TOTAL} may be left out.\nformat: trial_2019\nissuer: {}\nyear: {year}\npreamble:\n  - {}\nparts:\n",
        crate::formats::comment_text(issuer),
        PART_TITLES.join("、"),
        APPLICANTS.join(", "),
        yaml_string(issuer),
        yaml_string(&preamble(issuer, year)),
    );
    for title in PART_TITLES {
        let body = format!("（{PLACEHOLDER}：{title}。）");
        s.push_str(&format!("  - body:\n      - {}\n", yaml_string(&body)));
    }
    s.push_str("tables:\n  active:\n");
    let zeros = |columns: &[Label]| {
        columns
            .iter()
            .map(|c| match c.key {
                "change" => format!("{}: \"0\"", c.key),
                "amount" => format!("{}: \"0万元\"", c.key),
                _ => format!("{}: 0", c.key),
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    for documents in [T2_RULES, T2_NORMATIVE] {
        let counts = zeros(&T2_DOCUMENT_COLUMNS);
        s.push_str(&format!("    {}: {{{counts}}}\n", documents.key));
    }
    for items in [T2_LICENSING, T2_OTHER_SERVICES, T2_PENALTIES, T2_ENFORCEMENT] {
        let counts = zeros(&T2_ITEM_COLUMNS);
        s.push_str(&format!("    {}: {{{counts}}}\n", items.key));
    }
    s.push_str(&format!(
        "    {}: {{{}}}\n",
        T2_FEES.key,
        zeros(&T2_ITEM_COLUMNS[..2])
    ));
    s.push_str(&format!(
        "    {}: {{{}}}\n  applications:\n",
        T2_PROCUREMENT.key,
        zeros(&T2_PROCUREMENT_COLUMNS)
    ));
    // （三）-（五） have their leaves; （六） is one row in this format.
    crate::formats::standard2021::skeleton::tables_3_and_4(&mut s, Some(&T3_OTHER_HANDLING));
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::formats::{Format, Tables, parse};

    /// The skeleton reads back as a trial report, every part holding the placeholder, and
    /// a number written in the row （六）其他处理 lands there.
    #[test]
    fn the_skeleton_reads_back_with_its_placeholders() {
        let yaml = skeleton("某区人民政府", 2020).replace(
            "    other_handling: [0, 0, 0, 0, 0, 0, 0]",
            "    other_handling: [5, 0, 0, 0, 0, 0, 5]",
        );
        let report = parse(&yaml, serde_saphyr::Options::default()).expect("the skeleton parses");
        assert_eq!(report.format, Format::Trial2019);
        assert_eq!(report.parts.len(), PART_TITLES.len());
        for part in &report.parts {
            let crate::model::Block::Paragraph(text) = &part.body[0].value else {
                panic!("a paragraph")
            };
            assert!(text.contains(PLACEHOLDER), "{text}");
        }
        let Some(Tables::Trial2019(t)) = &report.tables else {
            panic!("trial tables")
        };
        assert_eq!(t.applications.other_handling.columns()[0], 5);
        assert_eq!(t.active.procurement.amount.value.printed(), "0万元");
    }
}
