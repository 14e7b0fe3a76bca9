//! Tables written in a report's body, where a paragraph or a list may stand: a general
//! table (caption, header rows, body rows, cells that span) and the statistics table of the
//! 2008-2018 reports (指标名称 | 计量单位 | 本年 | 累计), whose rows nest 「其中」 sub-rows.
//! `validate` refuses a table whose rows do not make a grid, at the row or cell at fault.

use super::Text;
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde_saphyr::{Location, Spanned};
use std::borrow::Cow;
use std::fmt;

/// A table block: `table:` (any grid) or `statistics:` (指标名称 | 计量单位 | values).
#[derive(Debug, Clone)]
pub enum Table {
    General(General),
    Statistics(Statistics),
}

/// A row of a general table: its cells, left to right, without the positions that a cell
/// spanning rows from above covers.
pub type Row = Spanned<Vec<Spanned<CellEntry>>>;

/// A table of any shape: caption, header rows (repeated on every page), body rows.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct General {
    /// The caption printed centred above the table, e.g. 「表1 政府信息公开情况统计表」.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub caption: Option<Text>,
    /// Relative column widths, one per column (`[3, 1, 1]`); an even split when left out.
    #[serde(default)]
    #[schemars(with = "Option<Vec<f64>>")]
    pub widths: Option<Spanned<Vec<f64>>>,
    /// Header rows: printed bold and centred, repeated at the top of every page.
    #[serde(default)]
    #[schemars(with = "Vec<Vec<CellEntry>>")]
    pub header: Vec<Row>,
    /// Body rows. Every row, header rows included, covers the same number of columns.
    #[schemars(with = "Vec<Vec<CellEntry>>")]
    pub rows: Vec<Row>,
}

/// A cell as written: its text (a string, or a number printed exactly as written), or a
/// mapping for a cell that spans or is aligned otherwise.
#[derive(Debug, Clone)]
pub enum CellEntry {
    Plain(String),
    Full(FullCell),
}

/// A cell that spans columns or rows, or is aligned otherwise.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FullCell {
    /// The cell's text.
    #[serde(default)]
    pub text: String,
    /// How many columns the cell spans (1 when left out).
    #[serde(default = "one")]
    pub colspan: usize,
    /// How many rows the cell spans (1 when left out); the rows below list their cells
    /// without it.
    #[serde(default = "one")]
    pub rowspan: usize,
    /// `left`, `center` or `right`. By default a body row's first column is left-aligned
    /// and every other cell centred.
    #[serde(default)]
    pub align: Option<Align>,
}

fn one() -> usize {
    1
}

/// How a cell's text is aligned.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Align {
    Left,
    Center,
    Right,
}

impl CellEntry {
    pub fn text(&self) -> &str {
        match self {
            CellEntry::Plain(t) => t,
            CellEntry::Full(c) => &c.text,
        }
    }

    /// (colspan, rowspan), each at least 1 once validated.
    pub fn spans(&self) -> (usize, usize) {
        match self {
            CellEntry::Plain(_) => (1, 1),
            CellEntry::Full(c) => (c.colspan, c.rowspan),
        }
    }

    pub fn align(&self) -> Option<Align> {
        match self {
            CellEntry::Plain(_) => None,
            CellEntry::Full(c) => c.align,
        }
    }
}

/// The statistics table of the 2008-2018 reports: 指标名称 | 计量单位 | the value columns
/// the report names (本年, 累计; or 2013年, 2012年, 增减 …).
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Statistics {
    /// The caption printed centred above the table, e.g. 「2013年政府信息公开情况统计表」.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub caption: Option<Text>,
    /// The headings of the value columns, as published; `[本年, 累计]` when left out.
    #[serde(default)]
    #[schemars(with = "Option<Vec<String>>")]
    pub columns: Option<Spanned<Vec<Text>>>,
    /// The rows, in order; each may nest 「其中」 sub-rows under `of_which`.
    #[schemars(with = "Vec<StatisticsRow>")]
    pub rows: Vec<Spanned<StatisticsRow>>,
}

/// The value columns of a statistics table that does not name its own.
pub const DEFAULT_COLUMNS: [&str; 2] = ["本年", "累计"];

impl Statistics {
    /// The headings of the value columns.
    pub fn column_names(&self) -> Vec<&str> {
        match &self.columns {
            Some(c) => c.value.iter().map(|t| t.value.as_str()).collect(),
            None => DEFAULT_COLUMNS.to_vec(),
        }
    }
}

/// One row of a statistics table: an indicator (指标名称) with its unit and values, or,
/// without `values`, a heading row such as 「一、主动公开情况」.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct StatisticsRow {
    /// 指标名称, printed as written (write 「（一）」「1.」 in it if the table numbers rows).
    #[schemars(with = "String")]
    pub name: Text,
    /// 计量单位: 条, 件, 个, 人次 ….
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub unit: Option<Text>,
    /// One value per value column: a count (3215), a decimal (12.5), a signed change (+12,
    /// -3.5%), or 「—」 / "" for none. Printed exactly as written.
    #[serde(default)]
    #[schemars(with = "Option<Vec<Value>>")]
    pub values: Option<Spanned<Vec<Spanned<Value>>>>,
    /// 「其中」 sub-rows, printed indented under this row (「其中：政策文件」); each is at most
    /// this row, column by column (P-SUBITEMS).
    #[serde(default)]
    #[schemars(with = "Vec<StatisticsRow>")]
    pub of_which: Vec<Spanned<StatisticsRow>>,
    /// The sub-rows divide this row (分类, 按…分): together they add up to it (P-SUBITEMS).
    #[serde(default)]
    pub adds_up: bool,
}

impl StatisticsRow {
    /// The unit the row is counted in: its own, or (for a sub-row that gives none) its
    /// parent's.
    pub fn unit_or<'a>(&'a self, parent: Option<&'a str>) -> Option<&'a str> {
        self.unit.as_ref().map(|u| u.value.as_str()).or(parent)
    }
}

/// A value of a statistics table as written: kept as text, so that 12.50 prints as 12.50.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Value(pub String);

/// A value read as an exact decimal: `digits` × 10^-`scale`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Decimal {
    pub digits: i128,
    pub scale: u32,
}

impl Decimal {
    /// The two values on a common scale.
    pub fn aligned(self, other: Decimal) -> (i128, i128, u32) {
        let scale = self.scale.max(other.scale);
        let up = |d: Decimal| d.digits * 10i128.pow(scale - d.scale);
        (up(self), up(other), scale)
    }

    pub fn plus(self, other: Decimal) -> Decimal {
        let (a, b, scale) = self.aligned(other);
        Decimal {
            digits: a.saturating_add(b),
            scale,
        }
    }
}

impl fmt::Display for Decimal {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        let p = 10i128.pow(self.scale);
        let sign = if self.digits < 0 { "-" } else { "" };
        let a = self.digits.abs();
        if self.scale == 0 {
            write!(f, "{sign}{a}")
        } else {
            write!(f, "{sign}{}.{:0w$}", a / p, a % p, w = self.scale as usize)
        }
    }
}

/// The most digits a value may have: far more than any count, and every sum stays exact.
const MAX_DIGITS: usize = 18;

impl Value {
    /// The value as a plain quantity (a count or decimal without sign or %), for the sums
    /// of P-SUBITEMS; none for 「—」, an empty cell, a signed change or a percentage.
    pub fn quantity(&self) -> Option<Decimal> {
        let (whole, fraction) = self.0.split_once('.').unwrap_or((&self.0, ""));
        let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
        if !digits(whole) || !(fraction.is_empty() || digits(fraction)) || self.0.ends_with('.') {
            return None;
        }
        Some(Decimal {
            digits: format!("{whole}{fraction}").parse().ok()?,
            scale: fraction.len() as u32,
        })
    }

    /// Whether the text is a value: 「—」 or empty, or digits with an optional decimal
    /// part, sign and per cent sign.
    fn check(text: &str) -> Result<(), String> {
        if matches!(text, "" | "—" | "——" | "-" | "/") {
            return Ok(());
        }
        let body = text.strip_prefix(['+', '-', '−']).unwrap_or(text);
        let body = body.strip_suffix('%').unwrap_or(body);
        let (whole, fraction) = body.split_once('.').unwrap_or((body, ""));
        let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
        if digits(whole) && (fraction.is_empty() || digits(fraction)) && !body.ends_with('.') {
            if whole.len() + fraction.len() > MAX_DIGITS {
                return Err(crate::tr!("model-value-too-long", value = text, max = MAX_DIGITS));
            }
            return Ok(());
        }
        Err(crate::tr!("model-value-not-a-number", value = text))
    }
}

impl<'de> Deserialize<'de> for Value {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ValueVisitor;
        impl Visitor<'_> for ValueVisitor {
            type Value = Value;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str(&crate::tr!("model-expect-value"))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Value, E> {
                let v = v.trim();
                Value::check(v).map_err(E::custom)?;
                Ok(Value(v.to_owned()))
            }
        }
        // The scalar's text, not YAML's reading of it: 12.50 stays 12.50.
        deserializer.deserialize_str(ValueVisitor)
    }
}

impl JsonSchema for Value {
    fn schema_name() -> Cow<'static, str> {
        "StatisticsValue".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A number exactly as printed (3215, 12.5, +8, 3.5%), or — / \"\" for no value",
            "type": ["string", "number"],
            "pattern": "^(|—|——|-|/|[+\\-−]?[0-9]+(\\.[0-9]+)?%?)$"
        })
    }
}

impl<'de> Deserialize<'de> for CellEntry {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct CellVisitor;
        impl<'de> Visitor<'de> for CellVisitor {
            type Value = CellEntry;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str(&crate::tr!("model-expect-cell"))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<CellEntry, E> {
                Ok(CellEntry::Plain(v.to_owned()))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<CellEntry, E> {
                Ok(CellEntry::Plain(v.to_string()))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<CellEntry, E> {
                Ok(CellEntry::Plain(v.to_string()))
            }
            fn visit_f64<E: de::Error>(self, _: f64) -> Result<CellEntry, E> {
                // YAML reads 12.50 as the number 12.5: only the quoted text keeps its digits.
                Err(E::custom(crate::tr!("model-cell-decimal")))
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<CellEntry, E> {
                Err(E::custom(crate::tr!("model-cell-boolean", value = v.to_string())))
            }
            fn visit_unit<E: de::Error>(self) -> Result<CellEntry, E> {
                Ok(CellEntry::Plain(String::new()))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<CellEntry, A::Error> {
                FullCell::deserialize(de::value::MapAccessDeserializer::new(map)).map(CellEntry::Full)
            }
        }
        deserializer.deserialize_any(CellVisitor)
    }
}

impl JsonSchema for CellEntry {
    fn schema_name() -> Cow<'static, str> {
        "TableCell".into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let full = generator.subschema_for::<FullCell>();
        json_schema!({
            "description": "A cell: its text (a number prints as written; quote a decimal), or `text:` with `colspan:` / `rowspan:` / `align:`.",
            "oneOf": [{ "type": ["string", "integer"] }, full]
        })
    }
}

/// The two table forms, as the block keys `table:` and `statistics:` hold them.
pub fn schemas(generator: &mut SchemaGenerator) -> (Schema, Schema) {
    (
        generator.subschema_for::<General>(),
        generator.subschema_for::<Statistics>(),
    )
}

/// What is wrong with a table, where, and what to do.
#[derive(Debug, Clone)]
pub struct Invalid {
    pub at: Location,
    pub message: String,
    pub help: String,
}

fn invalid(at: Location, message: String, help: String) -> Invalid {
    Invalid { at, message, help }
}

/// The most cells a table may have, and the most columns: far beyond a printed page.
const MAX_CELLS: usize = 10_000;
const MAX_COLUMNS: usize = 40;

impl Table {
    /// Whether the table's rows make a grid it can print; the first fault, at the row or
    /// cell where it is written.
    pub fn validate(&self, at: Location) -> Result<(), Invalid> {
        match self {
            Table::General(t) => t.validate(at),
            Table::Statistics(t) => t.validate(at),
        }
    }

    /// Every text the table holds, with its place: caption, cells, names, units.
    pub fn texts(&self) -> Vec<(&str, Location)> {
        let mut out = Vec::new();
        match self {
            Table::General(t) => {
                out.extend(t.caption.iter().map(|c| (c.value.as_str(), c.referenced)));
                for row in t.header.iter().chain(&t.rows) {
                    out.extend(row.value.iter().map(|c| (c.value.text(), c.referenced)));
                }
            }
            Table::Statistics(t) => {
                out.extend(t.caption.iter().map(|c| (c.value.as_str(), c.referenced)));
                if let Some(c) = &t.columns {
                    out.extend(c.value.iter().map(|c| (c.value.as_str(), c.referenced)));
                }
                fn walk<'a>(rows: &'a [Spanned<StatisticsRow>], out: &mut Vec<(&'a str, Location)>) {
                    for r in rows {
                        out.push((r.value.name.value.as_str(), r.value.name.referenced));
                        out.extend(r.value.unit.iter().map(|u| (u.value.as_str(), u.referenced)));
                        walk(&r.value.of_which, out);
                    }
                }
                walk(&t.rows, &mut out);
            }
        }
        out
    }
}

/// Where each listed cell of a grid lands, or the first cell or row that does not fit.
/// `rows` are the header rows then the body rows; `header` how many are header rows.
pub fn place_cells(
    rows: &[Row],
    header: usize,
    block: Location,
) -> Result<(usize, Vec<Vec<usize>>), Invalid> {
    let Some(first) = rows.first() else {
        return Err(invalid(
            block,
            crate::tr!("model-table-no-rows"),
            crate::tr!("model-table-no-rows-help"),
        ));
    };
    let cells: usize = rows.iter().map(|r| r.value.len()).sum();
    if cells > MAX_CELLS {
        return Err(invalid(
            first.referenced,
            crate::tr!("model-table-too-many-cells", cells = cells, max = MAX_CELLS),
            crate::tr!("model-table-too-many-cells-help"),
        ));
    }
    for cell in rows.iter().flat_map(|r| &r.value) {
        let (c, r) = cell.value.spans();
        if c == 0 || r == 0 || c > MAX_COLUMNS {
            return Err(invalid(
                cell.referenced,
                crate::tr!("model-table-bad-span", columns = c, rows = r),
                crate::tr!("model-table-bad-span-help", max = MAX_COLUMNS),
            ));
        }
    }
    let width: usize = first.value.iter().map(|c| c.value.spans().0).sum();
    if width == 0 {
        return Err(invalid(
            first.referenced,
            crate::tr!("model-table-first-row-empty"),
            crate::tr!("model-table-first-row-empty-help"),
        ));
    }
    let mut taken = vec![vec![false; width]; rows.len()];
    let mut placed = Vec::with_capacity(rows.len());
    for (r, row) in rows.iter().enumerate() {
        let mut col = 0;
        let mut starts = Vec::with_capacity(row.value.len());
        for cell in &row.value {
            while col < width && taken[r][col] {
                col += 1;
            }
            let (colspan, rowspan) = cell.value.spans();
            if col + colspan > width {
                let why = if col >= width {
                    crate::tr!("model-table-row-too-long", width = width)
                } else {
                    crate::tr!(
                        "model-table-cell-past-end",
                        from = col + 1,
                        to = col + colspan,
                        width = width
                    )
                };
                return Err(invalid(
                    cell.referenced,
                    why,
                    crate::tr!("model-table-columns-help"),
                ));
            }
            if let Some(k) = (col..col + colspan).find(|&k| taken[r][k]) {
                return Err(invalid(
                    cell.referenced,
                    crate::tr!("model-table-overlap", column = k + 1),
                    crate::tr!("model-table-overlap-help"),
                ));
            }
            if rowspan > rows.len() - r {
                return Err(invalid(
                    cell.referenced,
                    crate::tr!("model-table-rowspan-past-end", rows = rowspan),
                    crate::tr!("model-table-rowspan-past-end-help"),
                ));
            }
            if r < header && r + rowspan > header {
                return Err(invalid(
                    cell.referenced,
                    crate::tr!("model-table-header-span"),
                    crate::tr!("model-table-header-span-help"),
                ));
            }
            for t in taken.iter_mut().skip(r).take(rowspan) {
                for slot in t.iter_mut().skip(col).take(colspan) {
                    *slot = true;
                }
            }
            starts.push(col);
            col += colspan;
        }
        if let Some(hole) = taken[r].iter().position(|t| !t) {
            return Err(invalid(
                row.referenced,
                crate::tr!("model-table-hole", column = hole + 1, width = width),
                crate::tr!("model-table-hole-help"),
            ));
        }
        placed.push(starts);
    }
    Ok((width, placed))
}

impl General {
    /// The header rows then the body rows.
    pub fn all_rows(&self) -> Vec<Row> {
        self.header.iter().chain(&self.rows).cloned().collect()
    }

    fn validate(&self, at: Location) -> Result<(), Invalid> {
        let rows = self.all_rows();
        let (width, _) = place_cells(&rows, self.header.len(), at)?;
        if let Some(w) = &self.widths {
            if w.value.len() != width {
                return Err(invalid(
                    w.referenced,
                    crate::tr!("model-table-widths-count", given = w.value.len(), width = width),
                    crate::tr!("model-table-widths-count-help", width = width),
                ));
            }
            if w.value.iter().any(|x| !(x.is_finite() && *x > 0.0)) {
                return Err(invalid(
                    w.referenced,
                    crate::tr!("model-table-width-not-positive"),
                    crate::tr!("model-table-width-not-positive-help"),
                ));
            }
        }
        Ok(())
    }
}

impl Statistics {
    fn validate(&self, at: Location) -> Result<(), Invalid> {
        let count = self.column_names().len();
        if let Some(c) = &self.columns
            && (c.value.is_empty() || c.value.len() > MAX_COLUMNS - 2)
        {
            return Err(invalid(
                c.referenced,
                crate::tr!("model-statistics-columns", max = MAX_COLUMNS - 2),
                crate::tr!("model-statistics-columns-help"),
            ));
        }
        if self.rows.is_empty() {
            return Err(invalid(
                at,
                crate::tr!("model-statistics-no-rows"),
                crate::tr!("model-statistics-no-rows-help"),
            ));
        }
        fn rows(list: &[Spanned<StatisticsRow>], count: usize) -> Result<(), Invalid> {
            for row in list {
                let r = &row.value;
                if let Some(values) = &r.values
                    && values.value.len() != count
                {
                    return Err(invalid(
                        values.referenced,
                        crate::tr!(
                            "model-statistics-values-count",
                            given = values.value.len(),
                            count = count
                        ),
                        crate::tr!("model-statistics-values-count-help", count = count),
                    ));
                }
                if r.adds_up && r.of_which.is_empty() {
                    return Err(invalid(
                        row.referenced,
                        crate::tr!("model-statistics-adds-up"),
                        crate::tr!("model-statistics-adds-up-help"),
                    ));
                }
                rows(&r.of_which, count)?;
            }
            Ok(())
        }
        rows(&self.rows, count)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn general(yaml: &str) -> Result<(), String> {
        let t: Spanned<General> = serde_saphyr::from_str(yaml).map_err(|e| e.to_string())?;
        Table::General(t.value)
            .validate(t.referenced)
            .map_err(|e| format!("{}:{}: {}", e.at.line(), e.at.column(), e.message))
    }

    #[test]
    fn spans_make_a_grid() {
        let ok = "header:\n  - [{text: 项目, rowspan: 2}, {text: 数量, colspan: 2}]\n  - [本年, 累计]\nrows:\n  - [{text: 甲, rowspan: 2}, 1, 2]\n  - [3, 4]\n";
        assert_eq!(general(ok), Ok(()));
    }

    #[test]
    fn a_grid_with_a_hole_an_overlap_or_an_extra_cell_is_placed() {
        let hole = "rows:\n  - [a, b, c]\n  - [d, e]\n";
        assert_eq!(
            general(hole).unwrap_err(),
            "3:5: this row leaves column 3 of the table's 3 empty"
        );
        let extra = "rows:\n  - [a, b]\n  - [c, d, e]\n";
        assert!(
            general(extra)
                .unwrap_err()
                .starts_with("3:12: this row has more cells")
        );
        let overlap = "rows:\n  - [{text: a, rowspan: 2}, b, c]\n  - [d, {text: e, colspan: 2}]\n";
        assert!(
            general(overlap)
                .unwrap_err()
                .starts_with("3:9: this cell spans columns 3 to 4"),
            "{}",
            general(overlap).unwrap_err()
        );
        let below = "rows:\n  - [a, {text: b, rowspan: 3}]\n  - [c]\n";
        assert!(
            general(below)
                .unwrap_err()
                .starts_with("2:9: this cell spans 3 rows")
        );
        let header = "header:\n  - [{text: a, rowspan: 2}, b]\nrows:\n  - [c]\n";
        assert!(
            general(header)
                .unwrap_err()
                .contains("header cell spans rows below")
        );
        let widths = "widths: [1, 2]\nrows:\n  - [a, b, c]\n";
        assert!(
            general(widths)
                .unwrap_err()
                .starts_with("1:9: `widths` gives 2 widths; the table has 3 columns")
        );
    }

    #[test]
    fn plain_numbers_print_as_written_and_decimals_must_be_quoted() {
        let t: General = serde_saphyr::from_str("rows:\n  - [86, \"12.50\", 文字]\n").unwrap();
        let texts: Vec<&str> = t.rows[0].value.iter().map(|c| c.value.text()).collect();
        assert_eq!(texts, ["86", "12.50", "文字"]);
        let err = serde_saphyr::from_str::<General>("rows:\n  - [12.50]\n")
            .unwrap_err()
            .to_string();
        assert!(err.contains("in quotes"), "{err}");
    }

    #[test]
    fn statistics_values_are_kept_as_written_and_checked() {
        let yaml = "columns: [本年, 累计, 增减]\nrows:\n  - name: 主动公开信息\n    unit: 条\n    values: [3215, 12.50, -3.5%]\n    of_which:\n      - {name: 政策文件, unit: 条, values: [146, —, \"+8\"]}\n";
        let t: Statistics = serde_saphyr::from_str(yaml).unwrap();
        let v = &t.rows[0].value.values.as_ref().unwrap().value;
        assert_eq!(
            v.iter().map(|v| v.value.0.as_str()).collect::<Vec<_>>(),
            ["3215", "12.50", "-3.5%"]
        );
        assert_eq!(
            v[1].value.quantity(),
            Some(Decimal {
                digits: 1250,
                scale: 2
            })
        );
        assert_eq!(v[2].value.quantity(), None);
        assert_eq!(
            Decimal {
                digits: 1250,
                scale: 2
            }
            .to_string(),
            "12.50"
        );
        assert!(Table::Statistics(t).validate(Location::UNKNOWN).is_ok());
        let bad =
            serde_saphyr::from_str::<Statistics>("rows:\n  - {name: a, values: [三千, 1]}\n").unwrap_err();
        assert!(bad.to_string().contains("`三千` is not a number"), "{bad}");
        let short: Statistics =
            serde_saphyr::from_str("rows:\n  - {name: a, unit: 件, values: [1]}\n").unwrap();
        let err = Table::Statistics(short).validate(Location::UNKNOWN).unwrap_err();
        assert_eq!(
            (err.at.line(), err.message.as_str()),
            (2, "this row gives 1 value; the table has 2 value columns")
        );
    }
}
