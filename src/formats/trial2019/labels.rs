//! The words of the 2019 trial format that differ from the 2021 format's: every row and
//! column of its table 2 (exactly as the form of 国办公开办函〔2019〕60号 gives them) with the
//! YAML key a report writes, and the single row （六）其他处理 of table 3. The part titles
//! and the rest of tables 3 and 4 are the 2021 format's (`standard2021::labels`).

pub use crate::formats::standard2021::labels::Label;

const fn l(key: &'static str, label: &'static str) -> Label {
    Label { key, label }
}

// ---- Table 2, 主动公开政府信息情况 ---------------------------------------------------------

/// The article of 条例 each group of table 2 falls under, in order.
pub const T2_ARTICLES: [&str; 5] = [
    "第二十条第（一）项",
    "第二十条第（五）项",
    "第二十条第（六）项",
    "第二十条第（八）项",
    "第二十条第（九）项",
];
pub const T2_CONTENT: &str = "信息内容";

/// 第（一）项: the documents' columns.
pub const T2_DOCUMENT_COLUMNS: [Label; 3] = [
    l("made", "本年新制作数量"),
    l("published", "本年新公开数量"),
    l("public_total", "对外公开总数量"),
];
pub const T2_RULES: Label = l("rules", "规章");
pub const T2_NORMATIVE: Label = l("normative_documents", "规范性文件");

/// 第（五）项 and 第（六）项: the items' columns (第（八）项 has the first two).
pub const T2_ITEM_COLUMNS: [Label; 3] = [
    l("last_year", "上一年项目数量"),
    l("change", "本年增/减"),
    l("decisions", "处理决定数量"),
];
pub const T2_LICENSING: Label = l("licensing", "行政许可");
pub const T2_OTHER_SERVICES: Label = l("other_services", "其他对外管理服务事项");
pub const T2_PENALTIES: Label = l("penalties", "行政处罚");
pub const T2_ENFORCEMENT: Label = l("enforcement", "行政强制");
pub const T2_FEES: Label = l("fees", "行政事业性收费");

/// 第（九）项: the procurement's columns.
pub const T2_PROCUREMENT_COLUMNS: [Label; 2] = [l("projects", "采购项目数量"), l("amount", "采购总金额")];
pub const T2_PROCUREMENT: Label = l("procurement", "政府集中采购");

/// The rows of items, in printed order.
pub const T2_ITEM_ROWS: [Label; 5] = [
    T2_LICENSING,
    T2_OTHER_SERVICES,
    T2_PENALTIES,
    T2_ENFORCEMENT,
    T2_FEES,
];

// ---- Table 3 ----------------------------------------------------------------------------------

/// （六）其他处理: one row in the 2019 form, three leaves in 2021.
pub const T3_OTHER_HANDLING: Label = l("other_handling", "（六）其他处理");

// ---- Where a cell is ------------------------------------------------------------------------

/// The table, row and column of a cell of the 2019 table 2 (or of the row （六）其他处理)
/// written at `column` (0-based, in characters) of a source line; `None` for any other line,
/// which the 2021 format's `cell_place` names.
pub fn cell_place(line: &str, column: usize) -> Option<String> {
    let (key, rest) = line.split_once(':')?;
    let key = key.trim().trim_start_matches("- ");
    let rest = rest.trim_start();
    let find = |labels: &[Label], k: &str| labels.iter().find(|l| l.key == k).map(|l| l.label);
    if rest.starts_with('[') && key == T3_OTHER_HANDLING.key {
        let before: String = line.chars().take(column).collect();
        let index = before
            .rsplit_once('[')
            .map_or(0, |(_, cells)| cells.matches(',').count());
        let applicants = crate::formats::standard2021::labels::APPLICANTS;
        let col = applicants
            .get(index)
            .copied()
            .unwrap_or(crate::formats::standard2021::labels::TOTAL);
        return Some(crate::tr!(
            "load-place-table3",
            row = T3_OTHER_HANDLING.label,
            column = col
        ));
    }
    if !rest.starts_with('{') {
        return None;
    }
    // The field is the last `name:` before the cell.
    let before: String = line.chars().take(column).collect();
    let inside = before
        .get(line.find(':')? + 1..)?
        .trim_start()
        .trim_start_matches('{');
    let field = inside.rsplit(',').next()?.split(':').next()?.trim();
    let (row, columns): (&str, &[Label]) = if let Some(row) = find(&[T2_RULES, T2_NORMATIVE], key) {
        (row, &T2_DOCUMENT_COLUMNS)
    } else if let Some(row) = find(&T2_ITEM_ROWS, key) {
        (row, &T2_ITEM_COLUMNS)
    } else if key == T2_PROCUREMENT.key {
        (T2_PROCUREMENT.label, &T2_PROCUREMENT_COLUMNS)
    } else {
        return None;
    };
    let column = find(columns, field)?;
    Some(crate::tr!("load-place-table2", row = row, column = column))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cell_of_the_2019_table_2_is_named_by_its_row_and_column() {
        let docs = "    rules: {made: 1, published: 0x1, public_total: 3}";
        assert_eq!(
            cell_place(docs, docs.find("0x1").unwrap()).as_deref(),
            Some("table 2, 「规章」, 「本年新公开数量」")
        );
        let items = "    other_services: {last_year: 12, change: +2, decisions: -1}";
        assert_eq!(
            cell_place(items, items.find("-1").unwrap()).as_deref(),
            Some("table 2, 「其他对外管理服务事项」, 「处理决定数量」")
        );
        let row = "    other_handling: [1, x, 0, 0, 0, 0]";
        assert_eq!(
            cell_place(row, row.find('x').unwrap()).as_deref(),
            Some("table 3, row 「（六）其他处理」, column 「商业企业」")
        );
        // The 2021 keys are left to the 2021 format.
        let t2021 = "    rules: {issued: 1, repealed: x, in_force: 3}";
        assert_eq!(cell_place(t2021, t2021.find('x').unwrap()), None);
        assert_eq!(cell_place("    licensing: x", 15), None);
    }
}
