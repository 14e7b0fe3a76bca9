//! Table 2 of the 2019 form as a printable table: five groups, each headed by its article,
//! in four columns; the rows of 第（八）项 and 第（九）项 have three cells, their last one
//! spanning the fourth column. 本年增/减 and 采购总金额 print exactly as written. Tables 3 and
//! 4 are printed by the 2021 format's printer (`standard2021::tables`).

use super::labels::*;
use super::{ActiveDisclosure2019, Documents, Items};
use crate::document::{Cell, Table};
use crate::formats::standard2021::tables::{head, label, n};
use crate::layout::TableColumns;

/// The columns of table 2.
const COLUMNS: usize = 4;

/// Table 2, 主动公开政府信息情况, in the 2019 form.
pub fn active_disclosure(t: &ActiveDisclosure2019, columns: &TableColumns) -> Table {
    let group = |article: &str| vec![head(article).span(COLUMNS, 1)];
    // A head row: 信息内容 and the group's columns, the last spanning what is left.
    let heads = |names: &[Label]| {
        let mut row = vec![head(T2_CONTENT)];
        for (k, c) in names.iter().enumerate() {
            let cell = head(c.label);
            row.push(if k + 1 == names.len() {
                cell.span(COLUMNS - names.len(), 1)
            } else {
                cell
            });
        }
        row
    };
    let docs = |name: &Label, d: &Documents| {
        vec![
            label(name.label),
            n(d.made.value),
            n(d.published.value),
            n(d.public_total.value),
        ]
    };
    let items = |name: &Label, i: &Items| {
        vec![
            label(name.label),
            n(i.last_year.value),
            Cell::new(i.change.value.written.as_str()),
            n(i.decisions.value),
        ]
    };
    let [item_last_year, item_change, _] = T2_ITEM_COLUMNS;
    let rows = vec![
        group(T2_ARTICLES[0]),
        heads(&T2_DOCUMENT_COLUMNS),
        docs(&T2_RULES, &t.rules),
        docs(&T2_NORMATIVE, &t.normative_documents),
        group(T2_ARTICLES[1]),
        heads(&T2_ITEM_COLUMNS),
        items(&T2_LICENSING, &t.licensing),
        items(&T2_OTHER_SERVICES, &t.other_services),
        group(T2_ARTICLES[2]),
        heads(&T2_ITEM_COLUMNS),
        items(&T2_PENALTIES, &t.penalties),
        items(&T2_ENFORCEMENT, &t.enforcement),
        group(T2_ARTICLES[3]),
        heads(&[item_last_year, item_change]),
        vec![
            label(T2_FEES.label),
            n(t.fees.last_year.value),
            Cell::new(t.fees.change.value.written.as_str()).span(2, 1),
        ],
        group(T2_ARTICLES[4]),
        heads(&T2_PROCUREMENT_COLUMNS),
        vec![
            label(T2_PROCUREMENT.label),
            n(t.procurement.projects.value),
            Cell::new(t.procurement.amount.value.printed()).span(2, 1),
        ],
    ];
    Table {
        columns: columns.active_disclosure_2019.clone(),
        caption: None,
        header_rows: 0,
        rows,
    }
}

/// For each table this format prints that the 2021 format does not: its `[table.columns]`
/// key, how many widths the template gives, and how many columns the table has.
pub fn column_counts(c: &TableColumns) -> [(&'static str, usize, usize); 1] {
    [("active_disclosure_2019", c.active_disclosure_2019.len(), COLUMNS)]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::formats::{Tables, parse};

    /// Every row of the printed table fills the four columns, and the cells hold the labels
    /// of the form and the values as written.
    #[test]
    fn table_2_has_the_2019_labels_and_fills_four_columns() {
        let yaml = crate::formats::skeleton(crate::formats::Format::Trial2019, "某区人民政府", 2020)
            .replace(
                "change: \"0\", decisions: 0}\n    other_services",
                "change: \"-2\", decisions: 0}\n    other_services",
            )
            .replace("amount: \"0万元\"", "amount: \"103.3879万元\"");
        let report = parse(&yaml, serde_saphyr::Options::default()).expect("the skeleton parses");
        let Some(Tables::Trial2019(t)) = &report.tables else {
            panic!("trial tables")
        };
        let layout = crate::template::Template::builtin().unwrap().layout;
        let table = active_disclosure(&t.active, &layout.table.columns);
        let mut texts = Vec::new();
        for row in &table.rows {
            let width: usize = row.iter().map(|c| c.colspan).sum();
            assert_eq!(
                width,
                COLUMNS,
                "{:?}",
                row.iter().map(|c| &c.text).collect::<Vec<_>>()
            );
            // A long number carries break opportunities (placement::cell_breakable).
            texts.extend(row.iter().map(|c| c.text.replace(crate::placement::BREAK, "")));
        }
        for expected in T2_ARTICLES
            .iter()
            .copied()
            .chain(T2_DOCUMENT_COLUMNS.map(|c| c.label))
            .chain(T2_ITEM_COLUMNS.map(|c| c.label))
            .chain(T2_PROCUREMENT_COLUMNS.map(|c| c.label))
            .chain(T2_ITEM_ROWS.map(|c| c.label))
            .chain([
                T2_RULES.label,
                T2_NORMATIVE.label,
                T2_PROCUREMENT.label,
                "-2",
                "103.3879万元",
            ])
        {
            assert!(texts.iter().any(|t| t == expected), "{expected} missing");
        }
    }
}
