//! The values of the 2019 trial format that prose may cite (`model::cite`): its own table 2,
//! named as the form prints it (`{表2.规范性文件.对外公开总数量}`, `{表2.行政许可.本年增/减}`,
//! `{表2.政府集中采购.采购总金额}`) and by YAML keys (`{active.licensing.change}`), and tables
//! 3 and 4 as the 2021 format names them. Changes and amounts print as written.

use super::Tables2019;
use super::labels::*;
use crate::formats::standard2021::cite::tables_3_and_4;
use crate::model::cite::Citable;

/// Every value of the three tables.
pub fn citable(t: &Tables2019) -> Vec<Citable> {
    let mut out = Vec::new();
    table2(t, &mut out);
    tables_3_and_4(&t.applications.view(), &t.reviews, &mut out);
    out
}

/// One cell of table 2: 「表2.row.column」, its YAML key, and also 「本年增减」 for the column
/// whose printed name has a slash (clerks type it either way).
fn cell(row: &Label, column: &Label, value: String, out: &mut Vec<Citable>) {
    let mut cited = Citable::new(
        &["表2", row.label, column.label],
        &format!("active.{}.{}", row.key, column.key),
        value,
    );
    let plain = column.label.replace('/', "");
    if plain != column.label {
        cited = cited.or(&["表2", row.label, &plain]);
    }
    out.push(cited);
}

fn table2(t: &Tables2019, out: &mut Vec<Citable>) {
    let a = &t.active;
    for (row, d) in [(&T2_RULES, &a.rules), (&T2_NORMATIVE, &a.normative_documents)] {
        let values = [d.made.value, d.published.value, d.public_total.value];
        for (column, value) in T2_DOCUMENT_COLUMNS.iter().zip(values) {
            cell(row, column, value.to_string(), out);
        }
    }
    let items = [
        (&T2_LICENSING, &a.licensing),
        (&T2_OTHER_SERVICES, &a.other_services),
        (&T2_PENALTIES, &a.penalties),
        (&T2_ENFORCEMENT, &a.enforcement),
    ];
    let [last_year, change, decisions] = &T2_ITEM_COLUMNS;
    for (row, i) in items {
        cell(row, last_year, i.last_year.value.to_string(), out);
        cell(row, change, i.change.value.written.clone(), out);
        cell(row, decisions, i.decisions.value.to_string(), out);
    }
    cell(&T2_FEES, last_year, a.fees.last_year.value.to_string(), out);
    cell(&T2_FEES, change, a.fees.change.value.written.clone(), out);
    let [projects, amount] = &T2_PROCUREMENT_COLUMNS;
    let p = &a.procurement;
    cell(&T2_PROCUREMENT, projects, p.projects.value.to_string(), out);
    cell(&T2_PROCUREMENT, amount, p.amount.value.printed(), out);
}

#[cfg(test)]
mod tests {
    use crate::model::cite::testing::{assert_each_resolves_to_itself, example_values};
    use crate::model::cite::{resolve, substitute};

    #[test]
    fn every_cell_of_the_2019_tables_is_named_once_and_resolves() {
        let v = example_values("yunxi-2020");
        // Table 2: 2×3 + 4×3 + 2 + 2; table 3: 23 rows (（六） one row) and 3 groups, × 7;
        // table 4: 3×5 + 5.
        assert_eq!(v.len(), 22 + 26 * 7 + 20);
        assert_each_resolves_to_itself(&v, true);
    }

    #[test]
    fn table_2_prints_as_written_and_table_3_has_one_other_handling_row() {
        let v = example_values("yunxi-2020");
        let yaml = std::fs::read_to_string(format!("{}/reports/yunxi-2020.yaml", env!("CARGO_MANIFEST_DIR")))
            .unwrap();
        let amount = substitute("{表2.政府集中采购.采购总金额}", &v);
        assert!(amount.ends_with('元') && yaml.contains(&amount), "{amount}");
        let change = substitute("{表2.行政许可.本年增减}", &v);
        assert_eq!(change, substitute("{active.licensing.change}", &v));
        assert!(change == "0" || change.starts_with(['+', '-']), "{change}");
        // （六）其他处理 is one row: its 总计 is cited directly, 其他 is its column of other
        // applicants, and the 2021 leaves are not there.
        assert_eq!(
            substitute("{表3.其他处理}", &v),
            substitute("{applications.other_handling.total}", &v)
        );
        assert_eq!(
            substitute("{表3.其他处理.其他}", &v),
            substitute("{applications.other_handling.other}", &v)
        );
        assert!(resolve("表3.其他处理.申请人无正当理由逾期不补正", &v).is_err());
    }
}
