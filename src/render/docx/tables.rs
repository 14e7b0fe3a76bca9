//! Tables in Word: every grid position gets a `w:tc` (a cell spanning columns carries
//! `w:gridSpan`; one spanning rows starts a `w:vMerge` that the covered cells below
//! continue), thin single rules, the table role's smaller type, and the header rows that
//! `package` marks to repeat on every page.

use super::run;
use super::styles::{Metrics, StyleId, exact, twips};
use crate::document::{CellAlign, Table};
use crate::layout::Layout;
use docx_rs::{
    AlignmentType, BorderType, Paragraph, SpecialIndentType, Style, StyleType, Table as WTable, TableBorder,
    TableBorderPosition, TableBorders, TableCell, TableCellMargins, TableRow, VAlignType, VMergeType,
    WidthType,
};

/// The Word table for a document table.
pub fn table(t: &Table, layout: &Layout, m: &Metrics) -> WTable {
    let total: f64 = t.columns.iter().sum::<f64>().max(f64::MIN_POSITIVE);
    let block = m.block_width_pt * 20.0;
    let grid = grid_widths(&t.columns, total, block);
    let positions = grid_positions(t);
    // Which grid positions a rowspan from above covers, and how wide that cell is.
    let mut covered: Vec<Vec<Option<usize>>> = vec![vec![None; grid.len()]; t.rows.len()];
    for (r, row) in t.rows.iter().enumerate() {
        for (cell, &(_, c)) in row.iter().zip(&positions[r]) {
            for below in covered
                .iter_mut()
                .take((r + cell.rowspan).min(t.rows.len()))
                .skip(r + 1)
            {
                if let Some(slot) = below.get_mut(c) {
                    *slot = Some(cell.colspan);
                }
            }
        }
    }
    // Rows a kept group spans, all but its last: their paragraphs keep with the next row, so
    // Word and LibreOffice move the group to the next page whole, as the PDF does.
    let mut keep_next = vec![false; t.rows.len()];
    for (r, row) in t.rows.iter().enumerate() {
        for cell in row.iter().filter(|c| c.keep_rows) {
            for k in keep_next
                .iter_mut()
                .take((r + cell.rowspan - 1).min(t.rows.len()))
                .skip(r)
            {
                *k = true;
            }
        }
    }
    let pitch = (layout.table.line_pitch_pt * 20.0).round() as i32;
    // A cell's indents are in the table face's characters.
    let size_twips = layout.role(layout.table.role).size_pt * 20.0;
    let em = |chars: f64| (chars * size_twips).round() as i32;
    let rows = t
        .rows
        .iter()
        .enumerate()
        .map(|(r, row)| {
            let mut cells = Vec::new();
            let mut listed = row.iter().zip(&positions[r]).peekable();
            let mut col = 0;
            while col < grid.len() {
                if let Some(span) = covered[r][col] {
                    cells.push(
                        sized(TableCell::new(), &grid, col, span)
                            .vertical_merge(VMergeType::Continue)
                            .add_paragraph(Paragraph::new().keep_next(keep_next[r])),
                    );
                    col += span;
                } else if let Some((cell, _)) = listed.next_if(|(_, p)| p.1 == col) {
                    // Word and LibreOffice wrap a word too wide for its cell by themselves:
                    // the break marks are the PDF's, and a count copied out of the DOCX
                    // (into a spreadsheet) must be digits only.
                    let text = cell.text.replace(crate::placement::BREAK, "");
                    let mut run = run(layout, layout.table.role, &text)
                        .size(m.half_points(layout.table.role))
                        .character_spacing(0);
                    if cell.bold {
                        run = run.bold();
                    }
                    let paragraph = Paragraph::new()
                        .align(match cell.align {
                            CellAlign::Left => AlignmentType::Left,
                            CellAlign::Center => AlignmentType::Center,
                            CellAlign::Right => AlignmentType::Right,
                        })
                        .indent(
                            Some(em(cell.indent)),
                            Some(if cell.hanging > 0.0 {
                                SpecialIndentType::Hanging(em(cell.hanging))
                            } else {
                                SpecialIndentType::FirstLine(0)
                            }),
                            None,
                            None,
                        )
                        .line_spacing(exact(pitch))
                        .snap_to_grid(false)
                        .keep_next(keep_next[r])
                        .add_run(run);
                    let mut tc = sized(TableCell::new(), &grid, col, cell.colspan)
                        .vertical_align(VAlignType::Center)
                        .add_paragraph(paragraph);
                    if cell.rowspan > 1 {
                        tc = tc.vertical_merge(VMergeType::Restart);
                    }
                    cells.push(tc);
                    col += cell.colspan;
                } else {
                    // A short row: fill the grid so Word and LibreOffice agree on the columns.
                    cells.push(
                        sized(TableCell::new(), &grid, col, 1)
                            .add_paragraph(Paragraph::new().keep_next(keep_next[r])),
                    );
                    col += 1;
                }
            }
            TableRow::new(cells).cant_split()
        })
        .collect();
    WTable::new(rows)
        .style(TABLE_STYLE)
        .set_grid(grid)
        .width(block.round() as usize, WidthType::Dxa)
        .set_borders(borders(layout))
        .margins(margins(layout))
}

/// The caption above a table: centred on the body grid, kept with the table, in
/// `table.caption_role` (the PDF prints it alike).
pub fn caption(t: &Table, layout: &Layout, m: &Metrics) -> Option<Paragraph> {
    let text = t.caption.as_deref()?;
    let role = layout.table.caption_role;
    Some(
        Paragraph::new()
            .style(StyleId::NORMAL)
            .align(AlignmentType::Center)
            .indent(Some(0), Some(SpecialIndentType::FirstLine(0)), None, None)
            .keep_next(true)
            .add_run(run(layout, role, text).size(m.half_points(role))),
    )
}

/// Where each listed cell lands in a table's grid: (row, column) of every cell, in order.
/// Renderers that need every grid position (DOCX) derive the covered ones from this.
pub fn grid_positions(table: &Table) -> Vec<Vec<(usize, usize)>> {
    crate::document::start_columns(&table.rows, table.columns.len())
        .into_iter()
        .enumerate()
        .map(|(r, cols)| cols.into_iter().map(|c| (r, c)).collect())
        .collect()
}

/// The id and name of the table style, as Word's own 「网格型」 (Table Grid).
pub const TABLE_STYLE: &str = "TableGrid";

/// The table style: single rules all round and between cells, a little air in each cell.
pub fn style(layout: &Layout) -> Style {
    Style::new(TABLE_STYLE, StyleType::Table)
        .name("Table Grid")
        .set_borders(borders(layout))
        .margins(margins(layout))
}

fn borders(layout: &Layout) -> TableBorders {
    let rule = (layout.table.rule_pt * 8.0).round() as usize; // eighths of a point
    let border = |p| {
        TableBorder::new(p)
            .border_type(BorderType::Single)
            .size(rule)
            .color("000000")
    };
    [
        TableBorderPosition::Top,
        TableBorderPosition::Bottom,
        TableBorderPosition::Left,
        TableBorderPosition::Right,
        TableBorderPosition::InsideH,
        TableBorderPosition::InsideV,
    ]
    .into_iter()
    .fold(TableBorders::new(), |b, p| b.set(border(p)))
}

fn margins(layout: &Layout) -> TableCellMargins {
    let inset = twips(layout.table.cell_inset_mm) as usize;
    TableCellMargins::new().margin(0, inset, 0, inset)
}

/// The grid columns' widths in twips: each column's edge rounded, not each width, so the
/// widths add up to the block's (rounding each of 15 widths gave 8 850 of 8 844, and
/// LibreOffice rebuilt the grid with 16 columns).
fn grid_widths(columns: &[f64], total: f64, block: f64) -> Vec<usize> {
    let mut edge = 0.0;
    let mut last = 0usize;
    columns
        .iter()
        .map(|w| {
            edge += w / total * block;
            let next = edge.round() as usize;
            let width = next - last;
            last = next;
            width
        })
        .collect()
}

/// A cell as wide as the `span` grid columns from `col`.
fn sized(cell: TableCell, grid: &[usize], col: usize, span: usize) -> TableCell {
    let width: usize = grid.iter().skip(col).take(span).sum();
    let cell = cell.width(width, WidthType::Dxa);
    if span > 1 { cell.grid_span(span) } else { cell }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Cell;

    #[test]
    fn grid_widths_add_up_to_the_block() {
        let grid = grid_widths(&[1.0; 15], 15.0, 8844.0);
        assert_eq!(grid.iter().sum::<usize>(), 8844);
        assert!(grid.iter().all(|&w| w == 589 || w == 590), "{grid:?}");
    }

    #[test]
    fn cells_land_where_spans_leave_room() {
        let table = Table {
            caption: None,
            columns: vec![1.0; 4],
            header_rows: 1,
            rows: vec![
                vec![Cell::new("a").span(1, 2), Cell::new("b").span(3, 1)],
                vec![Cell::new("c"), Cell::new("d"), Cell::new("e")],
            ],
        };
        assert_eq!(
            grid_positions(&table),
            [vec![(0, 0), (0, 1)], vec![(1, 1), (1, 2), (1, 3)]]
        );
    }
}
