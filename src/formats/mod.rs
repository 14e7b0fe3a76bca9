//! The report's shapes, and the one place that tells them apart. A report is the fields
//! every shape shares plus the data of its own shape (the tables of the 2021 format or of
//! the 2019 trial format); each shape has one home here — its types, its words, its printed
//! tables, its rules, its `init` skeleton — and every other module asks this one instead of
//! testing `report.format`.

pub mod free_form;
pub mod standard2021;
pub mod trial2019;

use crate::diag::{Findings, RuleInfo};
use crate::document::{SourcedText, Table};
use crate::error::Error;
use crate::layout::Layout;
use crate::model::{Body, Date, Part, Signature, Text};
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::Deserialize;
use serde_saphyr::Spanned;
use standard2021::{Reviews, Table3, Tables2021};
use std::borrow::Cow;
use trial2019::Tables2019;

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
    /// The trial format of 国办公开办函〔2019〕60号, for the 2019 and 2020 reports: the six
    /// parts of 2021, its own table 2, and （六）其他处理 as one row of table 3.
    #[serde(rename = "trial_2019")]
    Trial2019,
}

/// One annual report (政府信息公开工作年度报告).
// `T` is what `tables` holds: `Tables` once read; while reading, the tables of the report's
// own format (see `parse`). Not in the doc comment, which is the schema's description.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, bound(deserialize = "T: Deserialize<'de>"))]
#[schemars(rename = "Report")]
pub struct Report<T = Tables> {
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
    /// The statistical tables of a `standard_2021` or `trial_2019` report, in the shape of
    /// its format.
    #[serde(default)]
    pub tables: Option<T>,
    /// The closing signature block (落款); omitted in most annual reports.
    #[serde(default)]
    pub signature: Option<Signature>,
}

impl<T> Report<T> {
    /// The same report with its tables turned by `f`.
    fn map_tables<U>(self, f: impl FnOnce(T) -> U) -> Report<U> {
        Report {
            format: self.format,
            issuer: self.issuer,
            issuer_kind: self.issuer_kind,
            year: self.year,
            title: self.title,
            addressee: self.addressee,
            date: self.date,
            preamble: self.preamble,
            parts: self.parts,
            tables: self.tables.map(f),
            signature: self.signature,
        }
    }
}

/// The tables of a report, in the shape of its format (boxed: each is some kilobytes).
#[derive(Debug, Clone)]
pub enum Tables {
    /// Tables 2, 3 and 4 of 国办公开办函〔2021〕30号 (also what a free-form report's stray
    /// `tables` are read as, so S-PARTS can say they are not printed).
    Standard2021(Box<Tables2021>),
    /// Tables 2, 3 and 4 of 国办公开办函〔2019〕60号.
    Trial2019(Box<Tables2019>),
}

impl Tables {
    /// Table 3, which both formats have (with or without the leaves of （六）).
    pub fn applications(&self) -> Table3<'_> {
        match self {
            Tables::Standard2021(t) => t.applications.view(),
            Tables::Trial2019(t) => t.applications.view(),
        }
    }

    /// Table 4, the same in both formats.
    pub fn reviews(&self) -> &Reviews {
        match self {
            Tables::Standard2021(t) => &t.reviews,
            Tables::Trial2019(t) => &t.reviews,
        }
    }
}

impl JsonSchema for Tables {
    fn schema_name() -> Cow<'static, str> {
        "Tables".into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "The tables of a `standard_2021` report, or of a `trial_2019` one (its table 2 and （六）其他处理 differ)",
            "anyOf": [
                generator.subschema_for::<Tables2021>(),
                generator.subschema_for::<Tables2019>(),
            ]
        })
    }
}

/// Only the `format` of a report, read first: it says which shape `tables` has.
#[derive(Deserialize)]
struct FormatOnly {
    #[serde(default)]
    format: Format,
}

/// Parses report YAML: reads its `format` first, then the whole report with the tables of
/// that format, so every cell keeps its line and column and a cell's error names it.
pub fn parse(source: &str, options: serde_saphyr::Options) -> Result<Report, serde_saphyr::Error> {
    // One pass for nearly every file: the format its top-level `format:` line names is
    // tried first, and taken when the report read says the same (a guess is only ever an
    // order to try things in). Reading `format` alone first was half the time of loading.
    let guess = format_line(source);
    if let Ok(report) = parse_as(guess, source, options.clone())
        && same_tables(report.format, guess)
    {
        return Ok(report);
    }
    // A file whose format cannot be read (not YAML, or `format: 2019`) is read as before,
    // and gives the same error as any other report.
    let format = serde_saphyr::from_str_with_options::<FormatOnly>(source, options.clone())
        .map_or(Format::FreeForm, |f| f.format);
    parse_as(format, source, options)
}

fn parse_as(
    format: Format,
    source: &str,
    options: serde_saphyr::Options,
) -> Result<Report, serde_saphyr::Error> {
    match format {
        Format::Trial2019 => serde_saphyr::from_str_with_options::<Report<Tables2019>>(source, options)
            .map(|r| r.map_tables(|t| Tables::Trial2019(Box::new(t)))),
        Format::FreeForm | Format::Standard2021 => {
            serde_saphyr::from_str_with_options::<Report<Tables2021>>(source, options)
                .map(|r| r.map_tables(|t| Tables::Standard2021(Box::new(t))))
        }
    }
}

/// Whether two formats read their tables as the same type.
fn same_tables(a: Format, b: Format) -> bool {
    (a == Format::Trial2019) == (b == Format::Trial2019)
}

/// The format a `format: …` line at the start of a line names, if any (else free form).
fn format_line(source: &str) -> Format {
    source
        .lines()
        .find_map(|line| line.strip_prefix("format:"))
        .map(|value| {
            let value = value.split('#').next().unwrap_or("").trim();
            match value.trim_matches(|c| c == '"' || c == '\'') {
                "trial_2019" => Format::Trial2019,
                "standard_2021" => Format::Standard2021,
                _ => Format::FreeForm,
            }
        })
        .unwrap_or_default()
}

/// The table, row and column of a cell written at `column` of a source line, in the words
/// of the form: the 2019 table 2's own keys first, then those of the 2021 format, whose
/// tables 3 and 4 the trial format shares.
pub fn cell_place(line: &str, column: usize) -> Option<String> {
    trial2019::labels::cell_place(line, column).or_else(|| standard2021::labels::cell_place(line, column))
}

/// What a table cell of a shape's own kind may hold (the 2019 table 2's signed changes and
/// amounts with their unit); counts are the loader's.
pub fn cell_value_help(kind: crate::model::value_error::CellKind) -> Option<String> {
    trial2019::cell_value_help(kind)
}

/// Every table of the report's body, in printed order: the preamble's, then each part's
/// and its subsections'.
pub fn body_tables(report: &Report) -> Vec<&crate::model::table::Table> {
    let mut out = Vec::new();
    crate::model::tables_in(&report.preamble, &mut out);
    for part in &report.parts {
        crate::model::tables_in(&part.body, &mut out);
        for section in &part.sections {
            crate::model::tables_in(&section.body, &mut out);
        }
    }
    out
}

/// The table values the report's prose may cite (`{表3.本年新收.总计}`, see `model::cite`):
/// a free-form report's are those of the tables in its body (`{表1.同意公开.网络}`).
pub fn citable(report: &Report) -> Vec<crate::model::cite::Citable> {
    match report.format {
        Format::FreeForm => free_form::citable(report),
        Format::Standard2021 | Format::Trial2019 => match &report.tables {
            Some(Tables::Standard2021(t)) => standard2021::cite::citable(t),
            Some(Tables::Trial2019(t)) => trial2019::cite::citable(t),
            None => Vec::new(),
        },
    }
}

/// The title printed for part `index` (from 0) when the report gives none: the 2021
/// format's parts have fixed titles; a free-form part without one is reported by S-EMPTY.
pub fn part_title(format: Format, index: usize) -> Option<&'static str> {
    match format {
        Format::FreeForm => None,
        // The trial format's six parts have the titles of 2021.
        Format::Standard2021 | Format::Trial2019 => standard2021::labels::PART_TITLES.get(index).copied(),
    }
}

/// The table printed at the end of part `index` (from 0), if the shape has one there.
pub fn table_after_part(report: &Report, index: usize, layout: &Layout) -> Option<Table> {
    let columns = &layout.table.columns;
    let tables = report.tables.as_ref()?;
    // Tables 2, 3 and 4 close parts 二, 三 and 四.
    match (report.format, index) {
        (Format::FreeForm, _) => None,
        (Format::Standard2021 | Format::Trial2019, 1) => match tables {
            Tables::Standard2021(t) => Some(standard2021::tables::active_disclosure(&t.active, columns)),
            Tables::Trial2019(t) => Some(trial2019::tables::active_disclosure(&t.active, columns)),
        },
        (Format::Standard2021 | Format::Trial2019, 2) => Some(standard2021::tables::applications(
            &tables.applications(),
            columns,
        )),
        (Format::Standard2021 | Format::Trial2019, 3) => {
            Some(standard2021::tables::reviews(tables.reviews(), columns))
        }
        _ => None,
    }
}

/// Runs the rules of the report's shape; `previous` is the issuer's report of the year
/// before, when known.
pub fn check(report: &Report, previous: Option<&Report>, texts: &[SourcedText], f: &mut Findings) {
    match report.format {
        Format::FreeForm => free_form::check(report, f),
        Format::Standard2021 => standard2021::rules::check(report, texts, f),
        Format::Trial2019 => trial2019::rules::check(report, texts, f),
    }
    let with_tables = |r: &Report| r.format != Format::FreeForm;
    let Some(((this, last), last_year)) = previous
        .filter(|p| with_tables(report) && with_tables(p))
        .and_then(|p| Some(((report.tables.as_ref()?, p.tables.as_ref()?), p.year.value)))
    else {
        return;
    };
    // Both formats end table 3 with 结转下年度继续办理, and start it with 上年结转: X-CARRY runs
    // between any two years, 2020 (trial) to 2021 (national) included.
    standard2021::rules::x_carry(&this.applications(), (last_year, &last.applications()), f);
    // The counts of table 2 carry over only within one format: the 2021 table counts 现行有效
    // documents, the 2019 one 对外公开总数量 and 项目数量, and neither can be read as the other.
    match (this, last) {
        (Tables::Standard2021(this), Tables::Standard2021(last)) => {
            standard2021::rules::x_inforce(this, last, f)
        }
        (Tables::Trial2019(this), Tables::Trial2019(last)) => trial2019::rules::x_items(this, last, f),
        _ => {}
    }
}

/// The rules each shape adds, for the registry that help and README are checked against.
pub fn rules() -> impl Iterator<Item = &'static RuleInfo> {
    free_form::RULES
        .iter()
        .chain(standard2021::rules::RULES)
        .chain(trial2019::rules::RULES)
}

/// The YAML of a new report of `format`, for `report init`.
pub fn skeleton(format: Format, issuer: &str, year: u16) -> String {
    match format {
        Format::FreeForm => free_form::skeleton(issuer, year),
        Format::Standard2021 => standard2021::skeleton::skeleton(issuer, year),
        Format::Trial2019 => trial2019::skeleton::skeleton(issuer, year),
    }
}

/// The numbers a batch rolls up, for reports of a shape that has them (tables 3 and 4 of
/// both formats give them).
pub fn key_numbers(report: &Report) -> Option<standard2021::rollup::KeyNumbers> {
    match report.format {
        Format::FreeForm => None,
        Format::Standard2021 | Format::Trial2019 => report
            .tables
            .as_ref()
            .map(|t| standard2021::rollup::KeyNumbers::of(&t.applications(), t.reviews())),
    }
}

/// Checks that a template's layout gives what the shapes' printed tables need: as many
/// column widths as each table has columns.
pub fn check_layout(layout: &Layout, path: &std::path::Path) -> Result<(), Error> {
    let columns = &layout.table.columns;
    let counts = standard2021::tables::column_counts(columns)
        .into_iter()
        .chain(trial2019::tables::column_counts(columns));
    for (name, given, count) in counts {
        if given != count {
            return Err(Error::Layout {
                path: path.to_owned(),
                message: crate::tr!("load-layout-columns", name = name, given = given, count = count),
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
    fn the_format_line_only_orders_the_tries() {
        let yunxi = std::fs::read_to_string("reports/yunxi-2019.yaml").unwrap();
        assert_eq!(format_line(&yunxi), Format::Trial2019);
        let report = parse(Path::new("yunxi-2019.yaml"), &yunxi).unwrap();
        assert!(matches!(report.tables, Some(Tables::Trial2019(_))));
        // The format as an explicit key: no line starts with `format:`, the guess (free
        // form) is wrong, and the report is still read with the 2019 tables.
        let explicit = yunxi.replacen("format: trial_2019", "? format\n: trial_2019", 1);
        assert_eq!(format_line(&explicit), Format::FreeForm);
        let report = parse(Path::new("explicit.yaml"), &explicit).unwrap();
        assert_eq!(report.format, Format::Trial2019);
        assert!(matches!(report.tables, Some(Tables::Trial2019(_))));
        assert_eq!(
            format_line("format: \"standard_2021\"  # 2021\n"),
            Format::Standard2021
        );
        assert_eq!(format_line("issuer: x\n"), Format::FreeForm);
    }

    #[test]
    fn every_skeleton_parses_whatever_the_issuer() {
        for format in [Format::FreeForm, Format::Standard2021, Format::Trial2019] {
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
