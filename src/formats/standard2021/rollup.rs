//! A batch's roll-up of its reports with tables (the 2021 format and the 2019 trial format,
//! whose tables 3 and 4 give the same numbers): the key numbers of each, as a CSV for a
//! spreadsheet and as a one-table document for a city office's own report.

use super::labels::ROLLUP_HEADS;
use super::{Reviews, Table3};
use crate::document::{Block, Cell, CellAlign, Document, Meta, Table};
use crate::layout::Layout;
use crate::model::Date;
use serde::Serialize;

/// The numbers of a report with tables that a city office puts in its own report.
#[derive(Debug, Clone, Serialize)]
pub struct KeyNumbers {
    /// 一、本年新收政府信息公开申请数量 (总计)
    pub received: u64,
    /// 二、上年结转政府信息公开申请数量 (总计)
    pub carried_over: u64,
    /// 三、（一）予以公开 (总计)
    pub disclosed: u64,
    /// 行政复议 (总计)
    pub reconsiderations: u64,
    /// 行政诉讼 (总计, both kinds)
    pub litigations: u64,
}

impl KeyNumbers {
    /// The numbers of tables 3 and 4.
    pub fn of(a: &Table3, r: &Reviews) -> KeyNumbers {
        let disclosed = a.disclosed().map_or(0, |row| row.sum());
        KeyNumbers {
            received: a.received.sum(),
            carried_over: a.carried_over.sum(),
            disclosed,
            reconsiderations: r.reconsideration.sum(),
            litigations: r.litigation_direct.sum() + r.litigation_after_reconsideration.sum(),
        }
    }

    fn values(&self) -> [u64; 5] {
        [
            self.received,
            self.carried_over,
            self.disclosed,
            self.reconsiderations,
            self.litigations,
        ]
    }
}

/// One report's line of the roll-up.
pub struct RollupRow<'a> {
    /// The issuer, or the file's name when it could not be read.
    pub issuer: &'a str,
    pub year: Option<u16>,
    /// The numbers, when the report's tables could be read.
    pub numbers: Option<&'a KeyNumbers>,
    /// Why the report did not pass, when it did not: its numbers are then unchecked.
    pub failure: Option<&'a str>,
}

/// What the status column says of a report that passed, and of one that did not.
const PASSED: &str = "通过";
const FAILED: &str = "未通过";

/// The roll-up as CSV (UTF-8 with a byte-order mark, so Excel opens it as such). After the
/// numbers, 状态 says whether the report passed and 说明 why not: a city office must not add
/// up a report whose numbers failed their checks without knowing it.
pub fn csv(rows: &[RollupRow]) -> String {
    let quote = |s: &str| format!("\"{}\"", s.replace('"', "\"\""));
    let mut csv = String::from("\u{FEFF}");
    let heads: Vec<String> = ROLLUP_HEADS
        .iter()
        .chain(&["状态", "说明"])
        .map(|h| quote(h))
        .collect();
    csv.push_str(&heads.join(","));
    csv.push_str("\r\n");
    for row in rows {
        let mut line = vec![
            quote(row.issuer),
            row.year.map(|y| y.to_string()).unwrap_or_default(),
        ];
        match row.numbers {
            Some(numbers) => line.extend(numbers.values().map(|v| v.to_string())),
            None => line.extend(std::iter::repeat_n(String::new(), 5)),
        }
        line.push(quote(if row.failure.is_some() { FAILED } else { PASSED }));
        line.push(quote(row.failure.unwrap_or_default()));
        csv.push_str(&line.join(","));
        csv.push_str("\r\n");
    }
    csv
}

/// The roll-up as a document of one table, dated 1 January after the latest year. A report
/// that did not pass is marked （未通过） after its issuer, and a note under the table says
/// what that means.
pub fn document(rows: &[RollupRow], layout: &Layout) -> Document {
    let mut cells = vec![ROLLUP_HEADS.map(|h| Cell::new(h).bold()).to_vec()];
    let mut latest = 0;
    for row in rows {
        latest = latest.max(row.year.unwrap_or(0));
        let issuer = match row.failure {
            Some(_) => format!("{}（{FAILED}）", row.issuer),
            None => row.issuer.to_owned(),
        };
        let mut line = vec![Cell::new(issuer).align(CellAlign::Left)];
        line.push(Cell::new(row.year.map(|y| y.to_string()).unwrap_or_default()));
        match row.numbers {
            Some(numbers) => line.extend(numbers.values().map(|v| Cell::new(v.to_string()))),
            None => line.extend(std::iter::repeat_n(Cell::new("—"), 5)),
        }
        cells.push(line);
    }
    let title = "政府信息公开工作年度报告主要数据汇总".to_owned();
    let mut blocks = vec![
        Block::Title {
            rows: crate::placement::title_rows(&title, &[], crate::placement::title_width(layout)),
        },
        Block::Table(Table {
            caption: None,
            columns: layout.table.columns.rollup.clone(),
            header_rows: 1,
            rows: cells,
        }),
    ];
    if rows.iter().any(|r| r.failure.is_some()) {
        blocks.push(Block::Paragraph {
            runs: vec![crate::document::Run {
                role: crate::layout::Role::Body,
                text: format!(
                "注：标“{FAILED}”的报告未通过检查，其数字未经核对，不宜汇总；“—”为无法读取的数字。原因见 rollup.csv 和 summary.json。"
                ),
            }],
        });
    }
    Document {
        meta: Meta {
            title: title.clone(),
            author: "report".into(),
            lang: "zh-CN".into(),
            date: Date {
                year: latest.saturating_add(1).max(2000),
                month: 1,
                day: 1,
            },
        },
        blocks,
    }
}
