//! Tables 2, 3 and 4 as printable tables, with exactly the labels, merges and column
//! structure of 国办公开办函〔2021〕30号 and the column widths of the template's
//! `[table.columns]`. Totals that the report leaves out are computed here; every cell is
//! printed, 0 included.

use super::labels::*;
use super::{ActiveDisclosure, DocumentCounts, Outcomes, ResultRows, Reviews, Row, Table3};
use crate::document::{Cell, CellAlign, Table};
use crate::layout::TableColumns;

pub(crate) fn n(v: u64) -> Cell {
    Cell::new(v.to_string())
}

pub(crate) fn label(text: &str) -> Cell {
    Cell::new(text).align(CellAlign::Left)
}

pub(crate) fn head(text: &str) -> Cell {
    Cell::new(text).bold()
}

/// Table 2, 主动公开政府信息情况: four groups, each headed by its article, 4 columns.
pub fn active_disclosure(t: &ActiveDisclosure, columns: &TableColumns) -> Table {
    let group = |article: &str| vec![head(article).span(4, 1)];
    let decisions = |what: &str| vec![head(T2_CONTENT), head(what).span(3, 1)];
    let one = |name: &Label, v: String| vec![label(name.label), Cell::new(v).span(3, 1)];
    let docs = |name: &Label, d: &DocumentCounts| {
        vec![
            label(name.label),
            n(d.issued.value),
            n(d.repealed.value),
            n(d.in_force.value),
        ]
    };
    let mut document_heads = vec![head(T2_CONTENT)];
    document_heads.extend(T2_DOCUMENT_COLUMNS.map(|c| head(c.label)));
    let rows = vec![
        group(T2_ARTICLES[0]),
        document_heads,
        docs(&T2_RULES, &t.rules),
        docs(&T2_NORMATIVE, &t.normative_documents),
        group(T2_ARTICLES[1]),
        decisions(T2_DECISIONS),
        one(&T2_LICENSING, t.licensing.value.to_string()),
        group(T2_ARTICLES[2]),
        decisions(T2_DECISIONS),
        one(&T2_PENALTIES, t.penalties.value.to_string()),
        one(&T2_ENFORCEMENT, t.enforcement.value.to_string()),
        group(T2_ARTICLES[3]),
        decisions(T2_FEES_AMOUNT),
        one(&T2_FEES, t.fees.value.0.clone()),
    ];
    Table {
        caption: None,
        columns: columns.active_disclosure.clone(),
        header_rows: 0,
        rows,
    }
}

/// The seven numbers a row prints: six columns and their total.
fn numbers(columns: [u64; 6]) -> Vec<Cell> {
    columns
        .iter()
        .copied()
        .chain([columns.iter().sum()])
        .map(n)
        .collect()
}

/// Table 3, 收到和处理政府信息公开申请情况: 3 label columns and 7 data columns. Both formats
/// print it.
pub fn applications(a: &Table3, columns: &TableColumns) -> Table {
    let organisations = &APPLICANTS[1..];
    let mut rows = vec![
        vec![
            Cell::new(T3_CORNER).span(3, 3).align(CellAlign::Left),
            head(T3_APPLICANT_HEAD).span(1 + organisations.len() + 1, 1),
        ],
        vec![
            head(APPLICANTS[0]).span(1, 2),
            head(T3_ORGANISATIONS).span(organisations.len(), 1),
            head(TOTAL).span(1, 2),
        ],
        organisations.iter().map(|h| head(h)).collect(),
    ];
    let whole = |text: &str, row: &Row| {
        let mut r = vec![label(text).span(3, 1)];
        r.extend(numbers(row.columns()));
        r
    };
    rows.push(whole(T3_RECEIVED.label, a.received));
    rows.push(whole(T3_CARRIED_OVER.label, a.carried_over));
    // Every row of （一）-（六）, and （七）总计.
    let results_rows = a.result_rows().len() + 1;
    let mut first = Some(label(T3_RESULTS).span(1, results_rows));
    for entry in &a.results {
        match entry {
            ResultRows::Single(name, row) => {
                let mut r: Vec<Cell> = first.take().into_iter().collect();
                r.push(label(name.label).span(2, 1));
                r.extend(numbers(row.columns()));
                rows.push(r);
            }
            ResultRows::Group(group, leaves) => {
                let count = leaves.len();
                for (k, (leaf, row)) in group.leaves.iter().zip(leaves).enumerate() {
                    let mut r: Vec<Cell> = first.take().into_iter().collect();
                    if k == 0 {
                        r.push(label(group.label).span(1, count));
                    }
                    r.push(label(leaf.label));
                    r.extend(numbers(row.columns()));
                    rows.push(r);
                }
            }
        }
    }
    let mut total = vec![label(T3_TOTAL.label).span(2, 1)];
    total.extend(numbers(a.computed_results_total()));
    rows.push(total);
    rows.push(whole(T3_CARRIED_FORWARD.label, a.carried_forward));
    Table {
        caption: None,
        columns: columns.applications.clone(),
        header_rows: 3,
        rows,
    }
}

/// Table 4, 政府信息公开行政复议、行政诉讼情况: 15 data columns, one data row. Both formats
/// print it.
pub fn reviews(r: &Reviews, columns: &TableColumns) -> Table {
    let heads = || T4_OUTCOMES.map(|h| head(h.label));
    let width = T4_OUTCOMES.len();
    let mut second: Vec<Cell> = heads().into_iter().map(|c| c.span(1, 2)).collect();
    second.push(head(T4_DIRECT.label).span(width, 1));
    second.push(head(T4_AFTER.label).span(width, 1));
    let mut third = heads().to_vec();
    third.extend(heads());
    let group = |o: &Outcomes| {
        vec![
            n(o.upheld.value),
            n(o.corrected.value),
            n(o.other.value),
            n(o.pending.value),
            n(o.sum()),
        ]
    };
    let mut data = group(&r.reconsideration);
    data.extend(group(&r.litigation_direct));
    data.extend(group(&r.litigation_after_reconsideration));
    let rows = vec![
        vec![
            head(T4_RECONSIDERATION.label).span(width, 1),
            head(T4_LITIGATION).span(2 * width, 1),
        ],
        second,
        third,
        data,
    ];
    Table {
        caption: None,
        columns: columns.reviews.clone(),
        header_rows: 3,
        rows,
    }
}

/// For each table this format prints (the roll-up included): its `[table.columns]` key, how
/// many widths the template gives, and how many columns the table has.
pub fn column_counts(c: &TableColumns) -> [(&'static str, usize, usize); 4] {
    [
        (
            "active_disclosure",
            c.active_disclosure.len(),
            1 + T2_DOCUMENT_COLUMNS.len(),
        ),
        ("applications", c.applications.len(), 3 + APPLICANTS.len() + 1),
        ("reviews", c.reviews.len(), 3 * T4_OUTCOMES.len()),
        ("rollup", c.rollup.len(), ROLLUP_HEADS.len()),
    ]
}
