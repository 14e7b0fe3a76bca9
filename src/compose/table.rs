//! A table written in a report's body as a printable table: a general table's cells with
//! their spans, or the statistics table (指标名称 | 计量单位 | values) with its 「其中」
//! sub-rows indented under their parent, as the 2008-2018 reports print them. The caption
//! goes with the table; each renderer prints it centred above it in `table.caption_role`.

use crate::document::{Cell, CellAlign, SourcedText, Table};
use crate::layout::{Role, TableLayout};
use crate::model::Text;
use crate::model::table::{Align, General, Statistics, StatisticsRow, Table as Written, place_cells};
use serde_saphyr::Location;

/// What a sub-row's first name is printed after: 「其中：政策文件」.
pub const OF_WHICH: &str = "其中：";
/// How far each level of sub-rows is indented, in characters: the width of 「其中：」, so a
/// sub-row's name stands under the first sub-row's name.
const STEP: f64 = 3.0;

/// The printable table, and its texts with their places (for the rules) added to `sources`.
pub fn table(t: &Written, layout: &TableLayout, sources: &mut Vec<SourcedText>) -> Table {
    match t {
        Written::General(g) => general(g, layout, sources),
        Written::Statistics(s) => statistics(s, layout, sources),
    }
}

fn source(sources: &mut Vec<SourcedText>, role: Role, text: &str, at: Location) {
    // An empty cell is a cell without text, not an empty paragraph (S-EMPTY).
    if !text.is_empty() {
        sources.push(SourcedText {
            role,
            text: text.to_owned(),
            at,
            item: false,
            cited: None,
        });
    }
}

fn caption(c: &Option<Text>, layout: &TableLayout, sources: &mut Vec<SourcedText>) -> Option<String> {
    c.as_ref().map(|c| {
        source(sources, layout.caption_role, &c.value, c.referenced);
        crate::placement::breakable(&c.value)
    })
}

fn align(a: Align) -> CellAlign {
    match a {
        Align::Left => CellAlign::Left,
        Align::Center => CellAlign::Center,
        Align::Right => CellAlign::Right,
    }
}

/// A general table: header cells bold and centred, a body row's first column left-aligned,
/// every other cell centred, unless the cell says otherwise.
fn general(t: &General, layout: &TableLayout, sources: &mut Vec<SourcedText>) -> Table {
    let caption = caption(&t.caption, layout, sources);
    let rows = t.all_rows();
    // The loader has refused a table whose cells do not make a grid.
    let (width, starts) = place_cells(&rows, t.header.len(), Location::UNKNOWN).unwrap_or_else(|_| {
        let width = rows
            .first()
            .map_or(1, |r| r.value.iter().map(|c| c.value.spans().0).sum());
        (width, Vec::new())
    });
    let printed = rows
        .iter()
        .enumerate()
        .map(|(r, row)| {
            let header = r < t.header.len();
            row.value
                .iter()
                .enumerate()
                .map(|(k, cell)| {
                    let text = cell.value.text();
                    source(sources, layout.role, text, cell.referenced);
                    let (colspan, rowspan) = cell.value.spans();
                    let first = starts.get(r).and_then(|s| s.get(k)) == Some(&0);
                    let default = if first && !header {
                        CellAlign::Left
                    } else {
                        CellAlign::Center
                    };
                    let c = Cell::new(text)
                        .span(colspan, rowspan)
                        .align(cell.value.align().map_or(default, align));
                    if header { c.bold() } else { c }
                })
                .collect()
        })
        .collect();
    let columns = match &t.widths {
        Some(w) => w.value.clone(),
        None => vec![1.0; width],
    };
    Table {
        caption,
        columns,
        header_rows: t.header.len(),
        rows: printed,
    }
}

/// The statistics table: 指标名称 | 计量单位 | the value columns, one header row.
fn statistics(t: &Statistics, layout: &TableLayout, sources: &mut Vec<SourcedText>) -> Table {
    let caption = caption(&t.caption, layout, sources);
    let names = t.column_names();
    if let Some(columns) = &t.columns {
        for c in &columns.value {
            source(sources, layout.role, &c.value, c.referenced);
        }
    }
    let w = &layout.columns.statistics;
    let (name_w, unit_w, value_w) = (
        w.first().copied().unwrap_or(1.0),
        w.get(1).copied().unwrap_or(1.0),
        w.get(2).copied().unwrap_or(1.0),
    );
    let mut columns = vec![name_w, unit_w];
    columns.extend(std::iter::repeat_n(value_w, names.len()));
    let mut header = vec![Cell::new("指标名称").bold(), Cell::new("计量单位").bold()];
    header.extend(names.iter().map(|n| Cell::new(*n).bold()));
    let mut rows = vec![header];
    for row in &t.rows {
        statistics_row(
            &row.value,
            0,
            false,
            None,
            names.len(),
            layout,
            sources,
            &mut rows,
        );
    }
    Table {
        caption,
        columns,
        header_rows: 1,
        rows,
    }
}

/// A row and its sub-rows, depth levels down; `first` for the first sub-row of its parent
/// (printed after 「其中：」), `parent_unit` what a sub-row without a unit is counted in.
#[allow(clippy::too_many_arguments)]
fn statistics_row(
    row: &StatisticsRow,
    depth: usize,
    first: bool,
    parent_unit: Option<&str>,
    values: usize,
    layout: &TableLayout,
    sources: &mut Vec<SourcedText>,
    out: &mut Vec<Vec<Cell>>,
) {
    source(sources, layout.role, &row.name.value, row.name.referenced);
    let name = &row.name.value;
    let (text, hanging) = if first && !name.starts_with("其中") {
        (format!("{OF_WHICH}{name}"), STEP)
    } else {
        (name.clone(), 0.0)
    };
    let indent = STEP * depth as f64;
    let name_cell = Cell::new(text).align(CellAlign::Left).indent(indent, hanging);
    if let Some(u) = &row.unit {
        source(sources, layout.role, &u.value, u.referenced);
    }
    let unit = row.unit_or(parent_unit);
    match (&row.values, unit) {
        // A heading row such as 「一、主动公开情况」 spans the table.
        (None, None) if row.of_which.is_empty() => out.push(vec![name_cell.span(2 + values, 1)]),
        _ => {
            let mut cells = vec![name_cell, Cell::new(unit.unwrap_or_default())];
            match &row.values {
                Some(v) => cells.extend(v.value.iter().map(|v| Cell::new(v.value.0.as_str()))),
                None => cells.extend((0..values).map(|_| Cell::new(""))),
            }
            out.push(cells);
        }
    }
    for (k, sub) in row.of_which.iter().enumerate() {
        statistics_row(&sub.value, depth + 1, k == 0, unit, values, layout, sources, out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::parse;
    use crate::template::Template;
    use std::path::Path;

    fn composed(block: &str) -> (Table, Vec<SourcedText>) {
        let yaml = format!("issuer: 某区人民政府\nyear: 2013\nparts:\n  - heading: 统计\n    body:\n{block}");
        let report = parse(Path::new("t.yaml"), &yaml).unwrap();
        let layout = Template::builtin().unwrap().layout;
        let crate::model::Block::Table(t) = &report.parts[0].body[0].value else {
            panic!("a table")
        };
        let mut sources = Vec::new();
        (table(t, &layout.table, &mut sources), sources)
    }

    #[test]
    fn sub_rows_print_after_of_which_and_stand_under_their_parents_name() {
        let (t, sources) = composed(
            "      - statistics:\n          caption: 统计表\n          rows:\n            - name: 一、主动公开情况\n            - name: 主动公开信息\n              unit: 条\n              values: [3215, —]\n              of_which:\n                - name: 政策文件\n                  values: [146, \"12.50\"]\n                  of_which: [{name: 规范性文件, values: [52, 1]}]\n                - {name: 其中：规划计划, unit: 件, values: [23, 0]}\n                - {name: 人事信息, values: [85, 0]}\n",
        );
        assert_eq!(t.caption.as_deref(), Some("统计表"));
        assert_eq!(t.header_rows, 1);
        assert_eq!(t.columns, [5.0, 1.4, 1.6, 1.6]);
        // The text as printed, without the break marks a long number carries for the PDF.
        let owned: Vec<Vec<(String, f64, f64)>> = t
            .rows
            .iter()
            .map(|r| {
                r.iter()
                    .map(|c| (c.text.replace(crate::placement::BREAK, ""), c.indent, c.hanging))
                    .collect()
            })
            .collect();
        let rows: Vec<Vec<(&str, f64, f64)>> = owned
            .iter()
            .map(|r| r.iter().map(|c| (c.0.as_str(), c.1, c.2)).collect())
            .collect();
        fn plain<'a>(r: &[(&'a str, f64, f64)]) -> Vec<&'a str> {
            r.iter().map(|c| c.0).collect()
        }
        assert_eq!(plain(&rows[0]), ["指标名称", "计量单位", "本年", "累计"]);
        assert_eq!(plain(&rows[1]), ["一、主动公开情况"]);
        assert_eq!(t.rows[1][0].colspan, 4);
        assert_eq!(plain(&rows[2]), ["主动公开信息", "条", "3215", "—"]);
        assert_eq!(rows[3][0], ("其中：政策文件", 3.0, 3.0));
        assert_eq!(plain(&rows[3]), ["其中：政策文件", "条", "146", "12.50"]);
        assert_eq!(rows[4][0], ("其中：规范性文件", 6.0, 3.0));
        // A name the report already starts with 其中 is not given a second one; a sub-row's
        // own unit is printed, and one without a unit prints its parent's.
        assert_eq!(rows[5][0], ("其中：规划计划", 3.0, 0.0));
        assert_eq!(plain(&rows[5])[1], "件");
        assert_eq!(rows[6][0], ("人事信息", 3.0, 0.0));
        assert_eq!(plain(&rows[6])[1], "条");
        assert!(t.rows[1..].iter().all(|r| r[0].align == CellAlign::Left));
        // Every text is a source for the rules, at its place; the generated 其中： is not.
        let texts: Vec<&str> = sources.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(texts[..4], ["统计表", "一、主动公开情况", "主动公开信息", "条"]);
        assert!(texts.contains(&"政策文件") && !texts.iter().any(|t| t.starts_with("其中：政")));
        assert_eq!(sources[0].role, Role::Heading1);
        assert_eq!(sources[1].role, Role::Table);
    }

    #[test]
    fn a_general_table_keeps_its_spans_and_aligns_its_first_column_left() {
        let (t, sources) = composed(
            "      - table:\n          widths: [2, 1, 1]\n          header:\n            - [{text: 项目, rowspan: 2}, {text: 数量, colspan: 2}]\n            - [本年, 累计]\n          rows:\n            - [甲, 1, 2]\n            - [\"\", {text: 3, align: right}, 4]\n",
        );
        assert_eq!(t.caption, None);
        assert_eq!(t.columns, [2.0, 1.0, 1.0]);
        assert_eq!(t.header_rows, 2);
        assert_eq!((t.rows[0][0].rowspan, t.rows[0][1].colspan), (2, 2));
        assert!(
            t.rows[..2]
                .iter()
                .flatten()
                .all(|c| c.bold && c.align == CellAlign::Center)
        );
        assert_eq!(t.rows[2][0].align, CellAlign::Left);
        assert_eq!(t.rows[2][1].align, CellAlign::Center);
        assert_eq!(t.rows[3][1].align, CellAlign::Right);
        // The empty cell is no text to check (S-EMPTY would call it an empty paragraph).
        assert_eq!(sources.len(), 9);
    }
}
