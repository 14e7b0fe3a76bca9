//! The 2021 format's fixed text and its three statistical tables as printable tables, with
//! exactly the labels, merges and column structure of 国办公开办函〔2021〕30号 (DOMAIN.md).
//! Totals that the report leaves out are computed here; every cell is printed, 0 included.

use crate::document::{Cell, CellAlign, Table};
use crate::model::standard2021::{ActiveDisclosure, Applications, Outcomes, Reviews, Row};

/// The canonical titles of the six parts, in order.
pub const PART_TITLES: [&str; 6] = [
    "总体情况",
    "主动公开政府信息情况",
    "收到和处理政府信息公开申请情况",
    "政府信息公开行政复议、行政诉讼情况",
    "存在的主要问题及改进情况",
    "其他需要报告的事项",
];

fn n(v: u64) -> Cell {
    Cell::new(v.to_string())
}

fn label(text: &str) -> Cell {
    Cell::new(text).align(CellAlign::Left)
}

/// Table 2, 主动公开政府信息情况: four groups, each headed by its article, 4 columns.
pub fn active_disclosure(t: &ActiveDisclosure) -> Table {
    let group = |article: &str| vec![Cell::new(format!("第二十条第（{article}）项")).span(4, 1).bold()];
    let decisions = |head: &str| vec![Cell::new("信息内容").bold(), Cell::new(head).span(3, 1).bold()];
    let one = |name: &str, v: String| vec![label(name), Cell::new(v).span(3, 1)];
    let docs = |name: &str, d: &crate::model::standard2021::DocumentCounts| {
        vec![
            label(name),
            n(d.issued.value),
            n(d.repealed.value),
            n(d.in_force.value),
        ]
    };
    let rows = vec![
        group("一"),
        vec![
            Cell::new("信息内容").bold(),
            Cell::new("本年制发件数").bold(),
            Cell::new("本年废止件数").bold(),
            Cell::new("现行有效件数").bold(),
        ],
        docs("规章", &t.rules),
        docs("行政规范性文件", &t.normative_documents),
        group("五"),
        decisions("本年处理决定数量"),
        one("行政许可", t.licensing.value.to_string()),
        group("六"),
        decisions("本年处理决定数量"),
        one("行政处罚", t.penalties.value.to_string()),
        one("行政强制", t.enforcement.value.to_string()),
        group("八"),
        decisions("本年收费金额（单位：万元）"),
        one("行政事业性收费", t.fees.value.0.clone()),
    ];
    Table {
        columns: vec![3.0, 2.0, 2.0, 2.0],
        header_rows: 0,
        rows,
    }
}

/// The leaf rows of 三、本年度办理结果 under （三）-（六）, with their labels.
pub fn result_groups(a: &Applications) -> [(&'static str, Vec<(&'static str, &Row)>); 4] {
    let w = &a.withheld;
    let u = &a.unavailable;
    let p = &a.not_processed;
    let o = &a.other_handling;
    [
        (
            "（三）不予公开",
            vec![
                ("1.属于国家秘密", &w.state_secret),
                ("2.其他法律行政法规禁止公开", &w.prohibited_by_law),
                ("3.危及“三安全一稳定”", &w.three_safeties),
                ("4.保护第三方合法权益", &w.third_party),
                ("5.属于三类内部事务信息", &w.internal_affairs),
                ("6.属于四类过程性信息", &w.process_information),
                ("7.属于行政执法案卷", &w.enforcement_files),
                ("8.属于行政查询事项", &w.inquiry_matters),
            ],
        ),
        (
            "（四）无法提供",
            vec![
                ("1.本机关不掌握相关政府信息", &u.not_held),
                ("2.没有现成信息需要另行制作", &u.needs_creation),
                ("3.补正后申请内容仍不明确", &u.still_unclear),
            ],
        ),
        (
            "（五）不予处理",
            vec![
                ("1.信访举报投诉类申请", &p.complaints),
                ("2.重复申请", &p.repeated),
                ("3.要求提供公开出版物", &p.publications),
                ("4.无正当理由大量反复申请", &p.excessive),
                ("5.要求行政机关确认或重新出具已获取信息", &p.confirmation),
            ],
        ),
        (
            "（六）其他处理",
            vec![
                (
                    "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
                    &o.no_correction,
                ),
                (
                    "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
                    &o.fee_unpaid,
                ),
                ("3.其他", &o.other),
            ],
        ),
    ]
}

/// Every row that （七）总计 adds up: （一）, （二） and the leaves of （三）-（六）.
pub fn result_rows(a: &Applications) -> Vec<&Row> {
    let mut rows = vec![&a.disclosed, &a.partly_disclosed];
    for (_, leaves) in result_groups(a) {
        rows.extend(leaves.into_iter().map(|(_, r)| r));
    }
    rows
}

/// （七）总计 per applicant column: the sum of the result rows.
pub fn computed_results_total(a: &Applications) -> [u64; 6] {
    let mut total = [0; 6];
    for row in result_rows(a) {
        for (t, v) in total.iter_mut().zip(row.columns()) {
            *t += v;
        }
    }
    total
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

/// Table 3, 收到和处理政府信息公开申请情况: 3 label columns and 7 data columns.
pub fn applications(a: &Applications) -> Table {
    let corner = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）";
    let mut rows = vec![
        vec![
            Cell::new(corner).span(3, 3).align(CellAlign::Left),
            Cell::new("申请人情况").span(7, 1).bold(),
        ],
        vec![
            Cell::new("自然人").span(1, 2).bold(),
            Cell::new("法人或其他组织").span(5, 1).bold(),
            Cell::new("总计").span(1, 2).bold(),
        ],
        ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]
            .map(|h| Cell::new(h).bold())
            .to_vec(),
    ];
    let whole = |text: &str, row: &Row| {
        let mut r = vec![label(text).span(3, 1)];
        r.extend(numbers(row.columns()));
        r
    };
    rows.push(whole("一、本年新收政府信息公开申请数量", &a.received));
    rows.push(whole("二、上年结转政府信息公开申请数量", &a.carried_over));
    let results_rows = 2 + 8 + 3 + 5 + 3 + 1;
    let mut first = vec![
        label("三、本年度办理结果").span(1, results_rows),
        label("（一）予以公开").span(2, 1),
    ];
    first.extend(numbers(a.disclosed.columns()));
    rows.push(first);
    let mut partly = vec![label("（二）部分公开（区分处理的，只计这一情形，不计其他情形）").span(2, 1)];
    partly.extend(numbers(a.partly_disclosed.columns()));
    rows.push(partly);
    for (group, leaves) in result_groups(a) {
        let count = leaves.len();
        for (k, (text, row)) in leaves.into_iter().enumerate() {
            let mut r = Vec::new();
            if k == 0 {
                r.push(label(group).span(1, count));
            }
            r.push(label(text));
            r.extend(numbers(row.columns()));
            rows.push(r);
        }
    }
    let mut total = vec![label("（七）总计").span(2, 1)];
    total.extend(numbers(computed_results_total(a)));
    rows.push(total);
    rows.push(whole("四、结转下年度继续办理", &a.carried_forward));
    let mut columns = vec![1.2, 1.6, 4.6];
    columns.extend([1.0; 7]);
    Table {
        columns,
        header_rows: 3,
        rows,
    }
}

/// Table 4, 政府信息公开行政复议、行政诉讼情况: 15 data columns, one data row.
pub fn reviews(r: &Reviews) -> Table {
    let heads = || ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"].map(|h| Cell::new(h).bold());
    let mut second: Vec<Cell> = heads().into_iter().map(|c| c.span(1, 2)).collect();
    second.push(Cell::new("未经复议直接起诉").span(5, 1).bold());
    second.push(Cell::new("复议后起诉").span(5, 1).bold());
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
            Cell::new("行政复议").span(5, 1).bold(),
            Cell::new("行政诉讼").span(10, 1).bold(),
        ],
        second,
        third,
        data,
    ];
    Table {
        columns: vec![1.0; 15],
        header_rows: 3,
        rows,
    }
}
