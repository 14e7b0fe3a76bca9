//! The values of a table written in a report's body that prose may cite (`model::cite`).
//! Such tables are numbered 表1, 表2, … in the order they stand in the report, whatever their
//! captions say. A value is named by its row and its column as printed, without their
//! numbers (一、 （一） 1.):
//!
//! - a statistics table: `{表2.主动公开政府信息数.本年}`, a 「其中」 row by itself or under its
//!   parent (`{表2.政策文件.累计}`, `{表2.主动公开政府信息数.政策文件.累计}`); with one value
//!   column the column may be left out;
//! - a general table: the nearest label to the left of the cell and the header cell above it
//!   (`{表1.同意公开.网络}`), or the header's upper row too (`{表1.同意公开.申请方式（件）.网络}`).
//!
//! Every value also has a key by position, `table1.r3.c2`: table 1, its third body row, its
//! second value column (a statistics table) or grid column (a general table), from 1.

use super::cite::{Citable, bare};
use super::table::{General, Statistics, StatisticsRow, Table, place_cells};

/// The values of `table`, the `number`th table of the report (from 1), added to `out`.
pub fn citable(table: &Table, number: usize, out: &mut Vec<Citable>) {
    match table {
        Table::Statistics(t) => statistics(t, number, out),
        Table::General(t) => general(t, number, out),
    }
}

fn statistics(t: &Statistics, number: usize, out: &mut Vec<Citable>) {
    let columns = t.column_names();
    let table = format!("表{number}");
    let mut row_number = 0;
    fn walk(
        rows: &[serde_saphyr::Spanned<StatisticsRow>],
        parents: &[&str],
        ctx: (&str, usize, &[&str]),
        row_number: &mut usize,
        out: &mut Vec<Citable>,
    ) {
        let (table, number, columns) = ctx;
        for row in rows {
            let row = &row.value;
            *row_number += 1;
            let name = bare(&row.name.value);
            let values = row.values.iter().flat_map(|v| v.value.iter().enumerate());
            for (c, value) in values {
                let written = value.value.0.trim();
                if written.is_empty() {
                    continue;
                }
                let Some(column) = columns.get(c) else { continue };
                let mut paths: Vec<Vec<&str>> = vec![vec![table, name]];
                if !parents.is_empty() {
                    let mut nested = vec![table];
                    nested.extend(parents);
                    nested.push(name);
                    paths.push(nested);
                }
                let mut cited = Citable {
                    names: Vec::new(),
                    key: format!("table{number}.r{row_number}.c{}", c + 1),
                    value: written.to_owned(),
                };
                for path in &paths {
                    let mut with_column = path.clone();
                    with_column.push(column);
                    cited = cited.or(&with_column);
                    if columns.len() == 1 {
                        cited = cited.or(path);
                    }
                }
                out.push(cited);
            }
            let mut below = parents.to_vec();
            below.push(name);
            walk(&row.of_which, &below, ctx, row_number, out);
        }
    }
    walk(&t.rows, &[], (&table, number, &columns), &mut row_number, out);
}

/// A general table's cell that labels its row rather than holding a value: in the first
/// column, or without a digit.
fn is_label(text: &str, column: usize) -> bool {
    column == 0 || !text.chars().any(|c| c.is_ascii_digit())
}

/// What a grid position shows: the covering cell's text and its (row, index in the row).
type Shown<'a> = (&'a str, (usize, usize));

fn general(t: &General, number: usize, out: &mut Vec<Citable>) {
    let rows = t.all_rows();
    let header = t.header.len();
    // The loader refused a table that is no grid, so placing cannot fail here; if it did,
    // the table simply offers nothing to cite.
    let Some(first) = rows.first() else { return };
    let Ok((width, starts)) = place_cells(&rows, header, first.referenced) else {
        return;
    };
    // What each grid position shows: the text of the cell covering it, and that cell's
    // identity (row, index), so a spanning cell counts once.
    let mut grid: Vec<Vec<Option<Shown>>> = vec![vec![None; width]; rows.len()];
    for (r, row) in rows.iter().enumerate() {
        for (i, (cell, &col)) in row.value.iter().zip(&starts[r]).enumerate() {
            let (colspan, rowspan) = cell.value.spans();
            for line in grid.iter_mut().skip(r).take(rowspan) {
                for slot in line.iter_mut().skip(col).take(colspan) {
                    *slot = Some((cell.value.text().trim(), (r, i)));
                }
            }
        }
    }
    let table = format!("表{number}");
    for r in header..rows.len() {
        for (i, (cell, &col)) in rows[r].value.iter().zip(&starts[r]).enumerate() {
            let text = cell.value.text().trim();
            if text.is_empty() || is_label(text, col) {
                continue;
            }
            // The nearest label to the left; the header cells above, lowest first.
            let row_label = (0..col)
                .rev()
                .find_map(|k| grid[r][k].filter(|(t, id)| *id != (r, i) && !t.is_empty() && is_label(t, k)));
            let mut heads: Vec<&str> = Vec::new();
            for line in grid[..header].iter().rev() {
                if let Some((t, _)) = line[col]
                    && !t.is_empty()
                    && !heads.contains(&t)
                {
                    heads.push(t);
                }
            }
            let mut cited = Citable {
                names: Vec::new(),
                key: format!("table{number}.r{}.c{}", r - header + 1, col + 1),
                value: text.to_owned(),
            };
            let row_name = row_label.map(|(t, _)| bare(t));
            let mut paths: Vec<Vec<&str>> = Vec::new();
            match (row_name, heads.first()) {
                (Some(row), Some(&head)) => {
                    paths.push(vec![&table, row, head]);
                    for &upper in &heads[1..] {
                        paths.push(vec![&table, row, upper, head]);
                    }
                }
                (Some(row), None) => paths.push(vec![&table, row]),
                (None, Some(&head)) => paths.push(vec![&table, head]),
                (None, None) => {}
            }
            for path in &paths {
                cited = cited.or(path);
            }
            out.push(cited);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::model::cite::testing::{assert_each_resolves_to_itself, example_values};
    use crate::model::cite::{resolve, substitute};

    #[test]
    fn a_general_tables_cells_are_named_by_their_row_and_header() {
        let v = example_values("qinghe-2013");
        assert_eq!(substitute("{表1.同意公开.网络}", &v), "38");
        assert_eq!(substitute("{表1.同意公开.申请方式（件）.网络}", &v), "38");
        assert_eq!(substitute("{表1.同意部分公开.合计}", &v), "9");
        // The 合计 row spans the two label columns.
        assert_eq!(substitute("{表1.合计.合计}", &v), "86");
        assert_eq!(substitute("{表1.不予公开.信函}", &v), "0");
        assert_eq!(substitute("{table1.r5.c6}", &v), "86");
    }

    #[test]
    fn a_statistics_tables_rows_are_named_with_and_without_their_parents() {
        let v = example_values("qinghe-2013");
        assert_eq!(substitute("{表2.主动公开政府信息数.本年}", &v), "3215");
        assert_eq!(substitute("{表2.政策文件.累计}", &v), "980");
        assert_eq!(substitute("{表2.主动公开政府信息数.政策文件.本年}", &v), "146");
        assert_eq!(substitute("{表2.规范性文件.本年}", &v), "52");
        assert_eq!(substitute("{表2.当面申请数.本年}", &v), "20");
        assert_eq!(substitute("{table2.r2.c1}", &v), "3215");
        // Two columns: the column must be named.
        assert!(resolve("表2.政策文件", &v).is_err());
    }

    #[test]
    fn every_value_resolves_by_its_key() {
        let v = example_values("qinghe-2013");
        assert!(v.len() > 40, "{}", v.len());
        assert_each_resolves_to_itself(&v, false);
    }
}
