//! The report's shapes, and the one place that tells them apart. A report is the fields
//! every shape shares plus the data of its own shape (today the 2021 format's tables); each
//! shape has one home here — its types, its words, its printed tables, its rules, its `init`
//! skeleton — and every other module asks this one instead of testing `report.format`.

pub mod free_form;
pub mod standard2021;

use crate::diag::{Findings, RuleInfo};
use crate::document::{SourcedText, Table};
use crate::error::Error;
use crate::layout::Layout;
use crate::model::{Body, Date, Part, Signature, Text};
use schemars::JsonSchema;
use serde::Deserialize;
use serde_saphyr::Spanned;

/// Which shape of annual report a file describes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Format {
    /// Parts 一、二、… with subsections （一）（二）…, as reports were written before 2019.
    #[default]
    FreeForm,
    /// The national format of 国办公开办函〔2021〕30号: six fixed parts, tables 2, 3 and 4.
    #[serde(rename = "standard_2021")]
    Standard2021,
}

/// One annual report (政府信息公开工作年度报告).
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Report {
    /// The report's shape; `free_form` when omitted.
    #[serde(default)]
    pub format: Format,
    /// The body that publishes the report (发布机关), e.g. 重庆市人民政府办公厅.
    #[schemars(with = "String")]
    pub issuer: Text,
    /// What kind of body the issuer is, which sets the publication deadline (D-DEADLINE):
    /// `government` (by 31 March) or `department` (by 31 January). Inferred from the name
    /// when omitted: 「…人民政府」 and its 办公厅/办公室 are a government, any other a department.
    #[serde(default)]
    pub issuer_kind: Option<crate::model::IssuerKind>,
    /// The year the report covers.
    #[serde(deserialize_with = "crate::model::number::year")]
    #[schemars(with = "u16")]
    pub year: Spanned<u16>,
    /// The title as printed, one entry per title line; a line too long for the page is
    /// broken into a trapezoid. Defaults to 「{issuer}{year}年政府信息公开工作年度报告」.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub title: Vec<Text>,
    /// The body the report is sent to (主送机关), or a list of bodies: printed flush left
    /// on the line after the title, joined with 、 and ending in 「：」 (added when left out).
    #[serde(default)]
    #[schemars(with = "Option<crate::model::Addressee>")]
    pub addressee: Option<Spanned<crate::model::Addressee>>,
    /// The date of the report (成文日期), ISO form `2015-01-20`: printed in the signature and
    /// used as the PDF's creation date, so output does not depend on when it was rendered.
    #[serde(default)]
    #[schemars(with = "Option<Date>")]
    pub date: Option<Spanned<Date>>,
    /// Paragraphs before part 一.
    #[serde(default)]
    #[schemars(with = "Vec<crate::model::Block>")]
    pub preamble: Body,
    /// The parts 一、二、…, in order.
    pub parts: Vec<Part>,
    /// The statistical tables of a `standard_2021` report.
    #[serde(default)]
    pub tables: Option<standard2021::Tables2021>,
    /// The closing signature block (落款); omitted in most annual reports.
    #[serde(default)]
    pub signature: Option<Signature>,
}

/// The table, row and column of a cell written at `column` of a source line, in the words
/// of the form (only the 2021 format has tables).
pub fn cell_place(line: &str, column: usize) -> Option<String> {
    standard2021::labels::cell_place(line, column)
}

/// The table values the report's prose may cite (`{表3.本年新收.总计}`, see `model::cite`);
/// none in a shape without tables.
pub fn citable(report: &Report) -> Vec<crate::model::cite::Citable> {
    match report.format {
        Format::FreeForm => Vec::new(),
        Format::Standard2021 => report
            .tables
            .as_ref()
            .map(standard2021::cite::citable)
            .unwrap_or_default(),
    }
}

/// The title printed for part `index` (from 0) when the report gives none: the 2021
/// format's parts have fixed titles; a free-form part without one is reported by S-EMPTY.
pub fn part_title(format: Format, index: usize) -> Option<&'static str> {
    match format {
        Format::FreeForm => None,
        Format::Standard2021 => standard2021::labels::PART_TITLES.get(index).copied(),
    }
}

/// The table printed at the end of part `index` (from 0), if the shape has one there.
pub fn table_after_part(report: &Report, index: usize, layout: &Layout) -> Option<Table> {
    match report.format {
        Format::FreeForm => None,
        Format::Standard2021 => {
            let t = report.tables.as_ref()?;
            let columns = &layout.table.columns;
            // Tables 2, 3 and 4 close parts 二, 三 and 四.
            match index {
                1 => Some(standard2021::tables::active_disclosure(&t.active, columns)),
                2 => Some(standard2021::tables::applications(&t.applications, columns)),
                3 => Some(standard2021::tables::reviews(&t.reviews, columns)),
                _ => None,
            }
        }
    }
}

/// Runs the rules of the report's shape; `previous` is the issuer's report of the year
/// before, when known.
pub fn check(report: &Report, previous: Option<&Report>, texts: &[SourcedText], f: &mut Findings) {
    match report.format {
        Format::FreeForm => free_form::check(report, f),
        Format::Standard2021 => {
            standard2021::rules::check(report, previous.filter(|p| p.format == report.format), texts, f)
        }
    }
}

/// The rules each shape adds, for the registry that help and README are checked against.
pub fn rules() -> impl Iterator<Item = &'static RuleInfo> {
    free_form::RULES.iter().chain(standard2021::rules::RULES)
}

/// The YAML of a new report of `format`, for `report init`.
pub fn skeleton(format: Format, issuer: &str, year: u16) -> String {
    match format {
        Format::FreeForm => free_form::skeleton(issuer, year),
        Format::Standard2021 => standard2021::skeleton::skeleton(issuer, year),
    }
}

/// The numbers a batch rolls up, for reports of a shape that has them.
pub fn key_numbers(report: &Report) -> Option<standard2021::rollup::KeyNumbers> {
    match report.format {
        Format::FreeForm => None,
        Format::Standard2021 => report.tables.as_ref().map(standard2021::rollup::KeyNumbers::of),
    }
}

/// Checks that a template's layout gives what the shapes' printed tables need: as many
/// column widths as each table has columns.
pub fn check_layout(layout: &Layout, path: &std::path::Path) -> Result<(), Error> {
    for (name, given, count) in standard2021::tables::column_counts(&layout.table.columns) {
        if given != count {
            return Err(Error::Layout {
                path: path.to_owned(),
                message: format!(
                    "[table.columns] {name} gives {given} widths; the table has {count} columns"
                ),
            });
        }
    }
    Ok(())
}

/// The conventional first paragraph of a new report.
fn preamble(issuer: &str, year: u16) -> String {
    format!(
        "本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）要求编制。本报告中所列数据统计期限为{year}年1月1日至{year}年12月31日。本报告电子版可在{issuer}门户网站下载。如对本报告有疑问，请与{issuer}办公室联系。"
    )
}

/// A YAML double-quoted scalar holding exactly `s` (JSON's string syntax is YAML's).
fn yaml_string(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| unreachable!("a string always serializes"))
}

/// `s` fit for a YAML comment line: control characters (a line break would end the
/// comment) shown as spaces.
fn comment_text(s: &str) -> String {
    s.chars().map(|c| if c.is_control() { ' ' } else { c }).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::parse;
    use std::path::Path;

    #[test]
    fn a_template_must_give_each_table_its_number_of_widths() {
        let mut layout = crate::template::Template::builtin().unwrap().layout;
        let path = Path::new("x/layout.toml");
        assert!(check_layout(&layout, path).is_ok());
        layout.table.columns.rollup.pop();
        let err = check_layout(&layout, path).unwrap_err().to_string();
        assert!(
            err.contains("rollup gives 6 widths; the table has 7 columns"),
            "{err}"
        );
    }

    #[test]
    fn every_skeleton_parses_whatever_the_issuer() {
        for format in [Format::FreeForm, Format::Standard2021] {
            for issuer in ["某区人民政府", "某\n局: #\"\\'"] {
                let yaml = skeleton(format, issuer, 2024);
                let report = parse(Path::new("t.yaml"), &yaml)
                    .unwrap_or_else(|e| panic!("{format:?} {issuer:?}: {e}\n{yaml}"));
                assert_eq!(report.issuer.value, issuer);
                assert_eq!(report.format, format);
            }
        }
    }
}
