//! The one table of the 2021 format's words: the titles of its six parts, and for every
//! row and column of its tables the Chinese label printed (exactly as 国办公开办函〔2021〕30号
//! gives it) and the YAML key a report writes. The printed tables, the rules' messages, the
//! `init` skeleton and the roll-up all take their words from here.

/// The canonical titles of the six parts, in order.
pub const PART_TITLES: [&str; 6] = [
    "总体情况",
    "主动公开政府信息情况",
    "收到和处理政府信息公开申请情况",
    "政府信息公开行政复议、行政诉讼情况",
    "存在的主要问题及改进情况",
    "其他需要报告的事项",
];

/// A row or column: its YAML key and its printed label.
#[derive(Debug, Clone, Copy)]
pub struct Label {
    pub key: &'static str,
    pub label: &'static str,
}

const fn l(key: &'static str, label: &'static str) -> Label {
    Label { key, label }
}

// ---- Table 2, 主动公开政府信息情况 ---------------------------------------------------------

/// The article of 条例 each group of table 2 falls under, in order.
pub const T2_ARTICLES: [&str; 4] = [
    "第二十条第（一）项",
    "第二十条第（五）项",
    "第二十条第（六）项",
    "第二十条第（八）项",
];
pub const T2_CONTENT: &str = "信息内容";
/// The columns of the documents group: key and label of each count.
pub const T2_DOCUMENT_COLUMNS: [Label; 3] = [
    l("issued", "本年制发件数"),
    l("repealed", "本年废止件数"),
    l("in_force", "现行有效件数"),
];
pub const T2_RULES: Label = l("rules", "规章");
pub const T2_NORMATIVE: Label = l("normative_documents", "行政规范性文件");
pub const T2_DECISIONS: &str = "本年处理决定数量";
pub const T2_LICENSING: Label = l("licensing", "行政许可");
pub const T2_PENALTIES: Label = l("penalties", "行政处罚");
pub const T2_ENFORCEMENT: Label = l("enforcement", "行政强制");
pub const T2_FEES_AMOUNT: &str = "本年收费金额（单位：万元）";
pub const T2_FEES: Label = l("fees", "行政事业性收费");

// ---- Table 3, 收到和处理政府信息公开申请情况 ---------------------------------------------------

/// The six applicant columns of every row of table 3.
pub const APPLICANTS: [&str; 6] = [
    "自然人",
    "商业企业",
    "科研机构",
    "社会公益组织",
    "法律服务机构",
    "其他",
];
pub const T3_CORNER: &str = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）";
pub const T3_APPLICANT_HEAD: &str = "申请人情况";
pub const T3_ORGANISATIONS: &str = "法人或其他组织";
pub const TOTAL: &str = "总计";
pub const T3_RECEIVED: Label = l("received", "一、本年新收政府信息公开申请数量");
pub const T3_CARRIED_OVER: Label = l("carried_over", "二、上年结转政府信息公开申请数量");
pub const T3_RESULTS: &str = "三、本年度办理结果";
pub const T3_DISCLOSED: Label = l("disclosed", "（一）予以公开");
pub const T3_PARTLY: Label = l(
    "partly_disclosed",
    "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
);
pub const T3_TOTAL: Label = l("total", "（七）总计");
pub const T3_CARRIED_FORWARD: Label = l("carried_forward", "四、结转下年度继续办理");

/// A group of result rows under 三、本年度办理结果: its key, label and leaves.
pub struct Group {
    pub key: &'static str,
    pub label: &'static str,
    pub leaves: &'static [Label],
}

/// （三）-（六）, each with its leaf rows, in printed order.
pub const T3_GROUPS: [Group; 4] = [
    Group {
        key: "withheld",
        label: "（三）不予公开",
        leaves: &[
            l("state_secret", "1.属于国家秘密"),
            l("prohibited_by_law", "2.其他法律行政法规禁止公开"),
            l("three_safeties", "3.危及“三安全一稳定”"),
            l("third_party", "4.保护第三方合法权益"),
            l("internal_affairs", "5.属于三类内部事务信息"),
            l("process_information", "6.属于四类过程性信息"),
            l("enforcement_files", "7.属于行政执法案卷"),
            l("inquiry_matters", "8.属于行政查询事项"),
        ],
    },
    Group {
        key: "unavailable",
        label: "（四）无法提供",
        leaves: &[
            l("not_held", "1.本机关不掌握相关政府信息"),
            l("needs_creation", "2.没有现成信息需要另行制作"),
            l("still_unclear", "3.补正后申请内容仍不明确"),
        ],
    },
    Group {
        key: "not_processed",
        label: "（五）不予处理",
        leaves: &[
            l("complaints", "1.信访举报投诉类申请"),
            l("repeated", "2.重复申请"),
            l("publications", "3.要求提供公开出版物"),
            l("excessive", "4.无正当理由大量反复申请"),
            l("confirmation", "5.要求行政机关确认或重新出具已获取信息"),
        ],
    },
    Group {
        key: "other_handling",
        label: "（六）其他处理",
        leaves: &[
            l(
                "no_correction",
                "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
            ),
            l(
                "fee_unpaid",
                "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
            ),
            l("other", "3.其他"),
        ],
    },
];

// ---- Table 4, 政府信息公开行政复议、行政诉讼情况 ------------------------------------------------

pub const T4_RECONSIDERATION: Label = l("reconsideration", "行政复议");
pub const T4_LITIGATION: &str = "行政诉讼";
pub const T4_DIRECT: Label = l("litigation_direct", "未经复议直接起诉");
pub const T4_AFTER: Label = l("litigation_after_reconsideration", "复议后起诉");
/// The five columns of each group: four outcomes and their total.
pub const T4_OUTCOMES: [Label; 5] = [
    l("upheld", "结果维持"),
    l("corrected", "结果纠正"),
    l("other", "其他结果"),
    l("pending", "尚未审结"),
    l("total", TOTAL),
];

// ---- The roll-up of a batch ----------------------------------------------------------------

/// The roll-up's column heads, in the order of `KeyNumbers`.
pub const ROLLUP_HEADS: [&str; 7] = [
    "发布机关",
    "年度",
    "本年新收申请",
    "上年结转申请",
    "予以公开",
    "行政复议",
    "行政诉讼",
];

// ---- Where a cell is ------------------------------------------------------------------------

/// The table, row and column of the cell written at `column` (0-based, in characters) of a
/// source line of the tables, in the printed labels: `table 3, row 「一、本年新收…」, column
/// 「科研机构」`. Messages about a cell's value say where it is in the words of the form.
pub fn cell_place(line: &str, column: usize) -> Option<String> {
    let (key, rest) = line.split_once(':')?;
    let key = key.trim().trim_start_matches("- ");
    let before: String = line.chars().take(column).collect();
    let after_key = before
        .get(key.len()..)
        .map(|s| s.trim_start_matches(':').trim_start());
    let find = |labels: &[Label], k: &str| labels.iter().find(|l| l.key == k).map(|l| l.label);
    let t3_rows: Vec<Label> = [
        T3_RECEIVED,
        T3_CARRIED_OVER,
        T3_DISCLOSED,
        T3_PARTLY,
        T3_TOTAL,
        T3_CARRIED_FORWARD,
    ]
    .into_iter()
    .chain(T3_GROUPS.iter().flat_map(|g| g.leaves.iter().copied()))
    .collect();
    let rest = rest.trim_start();
    if rest.starts_with('[') {
        let row = find(&t3_rows, key)?;
        let index = before
            .rsplit_once('[')
            .map_or(0, |(_, cells)| cells.matches(',').count());
        let col = APPLICANTS.get(index).copied().unwrap_or(TOTAL);
        return Some(crate::tr!("load-place-table3", row = row, column = col));
    }
    if rest.starts_with('{') {
        // The field is the last `name:` before the cell.
        let inside = after_key?.trim_start_matches('{');
        let field = inside.rsplit(',').next()?.split(':').next()?.trim();
        if let Some(group) = find(&[T4_RECONSIDERATION, T4_DIRECT, T4_AFTER], key) {
            let outcome = find(&T4_OUTCOMES, field)?;
            return Some(crate::tr!("load-place-table4", row = group, column = outcome));
        }
        let group = find(&[T2_RULES, T2_NORMATIVE], key)?;
        let column = find(&T2_DOCUMENT_COLUMNS, field)?;
        return Some(crate::tr!("load-place-table2", row = group, column = column));
    }
    if let Some(item) = find(&[T2_LICENSING, T2_PENALTIES, T2_ENFORCEMENT], key) {
        return Some(crate::tr!("load-place-table2", row = item, column = T2_DECISIONS));
    }
    let field = find(&T4_OUTCOMES, key).or_else(|| find(&T2_DOCUMENT_COLUMNS, key))?;
    Some(crate::tr!("load-place-field", field = field))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cell_is_named_by_its_table_row_and_column() {
        let row = "    received:        [78, 5, 0x1, 1, 2, 0, 86]";
        let at = row.find("0x1").unwrap();
        assert_eq!(
            cell_place(row, at).as_deref(),
            Some("table 3, row 「一、本年新收政府信息公开申请数量」, column 「科研机构」")
        );
        let t4 = "    reconsideration: {upheld: 1, corrected: -1, other: 0}";
        assert_eq!(
            cell_place(t4, t4.find("-1").unwrap()).as_deref(),
            Some("table 4, 「行政复议」, 「结果纠正」")
        );
        assert_eq!(
            cell_place("    licensing: x", 15).as_deref(),
            Some("table 2, 「行政许可」, 「本年处理决定数量」")
        );
        assert_eq!(cell_place("year: 0x7E7", 6), None);
    }
}
