//! P-SUBITEMS: a part is not larger than its whole, and parts that divide a whole add up
//! to it. In a statistics table, each 「其中」 sub-row is at most its parent, value column by
//! value column, and the sub-rows of a row marked `adds_up` (分类, 按…分) sum to it. In
//! prose, a sentence that states a total and then 「其中」 its parts
//! (「主动公开信息3215条，其中政策文件146条……」): each part with the total's unit is at most
//! the total, and parts the sentence gives as exhaustive (「其中A、B分别为x条、y条」, or a
//! list closed by 「其他」/「其余」) add up to it. Prose numbers are compared on intervals, as
//! P-NUMBERS compares them (9.13万件 stands for 9.125万-9.135万).

use super::rates::{Interval, QUANTITY};
use super::{Input, pattern};
use crate::diag::{Findings, Severity};
use crate::document::SourcedText;
use crate::layout::Role;
use crate::model::table::{Decimal, Statistics, StatisticsRow, Table};
use regex::Regex;
use std::sync::LazyLock;

const RULE: &str = "P-SUBITEMS";

pub fn p_subitems(input: &Input, f: &mut Findings) {
    // Every statistics table, those in list items included.
    for table in crate::formats::body_tables(input.report) {
        if let Table::Statistics(t) = table {
            let columns = checked_columns(t);
            for row in &t.rows {
                statistics_row(&row.value, None, &columns, f);
            }
        }
    }
    for text in input.printed {
        // Table cells are checked as the table's rows, above.
        if text.role != Role::Table {
            prose(text, f);
        }
    }
}

/// The value columns whose sub-rows are parts of the row: not a change or a rate
/// (增减, 同比, 增长率 …), whose parts need not stay below the whole.
fn checked_columns(t: &Statistics) -> Vec<(usize, String)> {
    t.column_names()
        .into_iter()
        .enumerate()
        .filter(|(_, name)| {
            ![
                "增减",
                "增长",
                "同比",
                "变化",
                "比上年",
                "比去年",
                "率",
                "%",
                "％",
            ]
            .iter()
            .any(|w| name.contains(w))
        })
        .map(|(i, name)| (i, name.to_owned()))
        .collect()
}

/// Whether a unit counts things that add up (not a rate or a share).
fn additive(unit: &str) -> bool {
    !(unit.contains('%') || unit.contains('％') || unit.contains('率'))
}

fn statistics_row(
    row: &StatisticsRow,
    parent_unit: Option<&str>,
    columns: &[(usize, String)],
    f: &mut Findings,
) {
    let unit = row.unit_or(parent_unit);
    if let (Some(values), Some(u)) = (&row.values, unit)
        && additive(u)
        && !row.of_which.is_empty()
    {
        // Sub-rows counted in another unit (件 under 条) are not parts of this row.
        let parts: Vec<&StatisticsRow> = row
            .of_which
            .iter()
            .map(|s| &s.value)
            .filter(|s| s.unit_or(unit) == unit)
            .collect();
        for (c, column) in columns {
            let Some(whole) = values.value.get(*c).and_then(|v| v.value.quantity()) else {
                continue;
            };
            let mut sum = Some(Decimal { digits: 0, scale: 0 });
            let mut terms = Vec::new();
            for part in &parts {
                let value = part.values.as_ref().and_then(|v| v.value.get(*c));
                let Some((at, v)) = value.and_then(|v| Some((v, v.value.quantity()?))) else {
                    sum = None;
                    continue;
                };
                let (p, w, _) = v.aligned(whole);
                if p > w {
                    f.add(
                        Severity::Warning,
                        RULE,
                        Some(&at.referenced),
                        crate::tr!(
                            "check-p-subitems-row-part",
                            part = &part.name.value,
                            value = v.to_string(),
                            unit = u,
                            column = column,
                            row = &row.name.value,
                            whole = whole.to_string()
                        ),
                    )
                    .help = Some(crate::tr!("check-p-subitems-row-part-help"));
                }
                sum = sum.map(|s| s.plus(v));
                terms.push(v.to_string());
            }
            let differs = sum.filter(|s| {
                let (s, w, _) = s.aligned(whole);
                s != w
            });
            if row.adds_up
                && parts.len() == row.of_which.len()
                && let Some(sum) = differs
                && let Some(at) = values.value.get(*c)
            {
                f.add(
                    Severity::Warning,
                    RULE,
                    Some(&at.referenced),
                    crate::tr!(
                        "check-p-subitems-row-sum",
                        row = &row.name.value,
                        sum = sum.to_string(),
                        unit = u,
                        column = column,
                        // A sum written out (20 + 60 + 8) reads the same in both languages.
                        terms = terms.join(" + "),
                        whole = whole.to_string()
                    ),
                )
                .help = Some(crate::tr!("check-p-subitems-row-sum-help"));
            }
        }
    }
    for sub in &row.of_which {
        statistics_row(&sub.value, unit, columns, f);
    }
}

/// A quantity found in prose: where its number starts (byte offset in the text), the
/// number as written with its unit, what it stands for, its unit.
#[derive(Debug, Clone)]
struct Quantity {
    at: usize,
    written: String,
    value: Interval,
    unit: String,
}

fn quantities(text: &str, from: usize) -> Vec<Quantity> {
    QUANTITY
        .captures_iter(text)
        .filter_map(|q| {
            let scale = match q.get(2).map(|m| m.as_str()) {
                Some("万") => 1e4,
                Some("亿") => 1e8,
                _ => 1.0,
            };
            Some(Quantity {
                at: from + q.get(1)?.start(),
                written: q.get(0)?.as_str().to_owned(),
                value: Interval::rounded(&q[1], scale)?,
                unit: q.get(3)?.as_str().to_owned(),
            })
        })
        .collect()
}

/// A total right before 「其中」: a quantity the text ends with, punctuation aside.
static TOTAL_AT_END: LazyLock<Regex> =
    LazyLock::new(|| pattern(r"(\d+(?:\.\d+)?)(万|亿)?(件|条|个|人次|次|项|份|封|人)[，,：:。；;\s]*$"));
/// 「A、B分别为x件、y件」: the parts, exhaustive.
static RESPECTIVELY: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"^[^，,。；;]*?分别(?:为|是)((?:\d+(?:\.\d+)?(?:万|亿)?(?:件|条|个|人次|次|项|份|封|人)[、和与及，,]*)+)",
    )
});
/// Words that end a list of parts: a comparison or a new total follows, not a part.
const STOPS: [&str; 15] = [
    "比", "较", "增", "减", "同期", "去年", "上年", "累计", "共", "合计", "总", "其中", "平均", "每", "占",
];

/// A finding: the byte offset of the number it is about, and the message.
type Found = (usize, String);

/// The findings of every 「其中」 of one paragraph.
fn prose_findings(text: &str) -> Vec<Found> {
    let mut out = Vec::new();
    let ends: Vec<usize> = text
        .match_indices(['。', '！', '？'])
        .map(|(i, m)| i + m.len())
        .chain([text.len()])
        .collect();
    for (at, _) in text.match_indices("其中") {
        let sentence_start = ends.iter().copied().filter(|&e| e <= at).max().unwrap_or(0);
        let sentence_end = ends.iter().copied().find(|&e| e > at).unwrap_or(text.len());
        // 「…受理申请86件。其中，当面申请20件…」: the total closes the sentence before.
        let lead = &text[sentence_start..at];
        let before_start = if lead
            .trim_matches(|c: char| "，,：:\u{3000} ".contains(c))
            .is_empty()
        {
            ends.iter()
                .copied()
                .filter(|&e| e < sentence_start)
                .max()
                .unwrap_or(0)
        } else {
            sentence_start
        };
        let before = &text[before_start..at];
        let Some(total) = TOTAL_AT_END.find(before).and_then(|m| {
            quantities(m.as_str(), before_start + m.start())
                .into_iter()
                .next()
        }) else {
            continue;
        };
        // 「收到申请86件，上年结转4件。其中予以公开45件……」: with two totals of one unit
        // before it, 其中 may divide their sum; only a single total is read.
        if quantities(before, before_start)
            .iter()
            .filter(|q| q.unit == total.unit)
            .count()
            > 1
        {
            continue;
        }
        let after_start = at + "其中".len();
        let after = &text[after_start..sentence_end];
        let trimmed = after.trim_start_matches(|c: char| "，,：:\u{3000} ".contains(c));
        let offset = after_start + (after.len() - trimmed.len());
        let (parts, exhaustive) = parts_of(trimmed, offset, &total.unit);
        check(&total, &parts, exhaustive, &mut out);
    }
    out
}

/// The parts listed after 「其中」 with the total's unit, and whether the sentence gives
/// them as all the parts.
fn parts_of(after: &str, offset: usize, unit: &str) -> (Vec<Quantity>, bool) {
    if let Some(m) = RESPECTIVELY.captures(after)
        && let Some(list) = m.get(1)
    {
        let parts = quantities(list.as_str(), offset + list.start());
        if parts.len() >= 2 && parts.iter().all(|p| p.unit == unit) {
            return (parts, true);
        }
        return (Vec::new(), false);
    }
    let mut parts = Vec::new();
    let mut exhaustive = false;
    let mut start = 0;
    for clause in after.split_inclusive(['，', ',', '、', '；', ';']) {
        let clause_at = offset + start;
        start += clause.len();
        if STOPS.iter().any(|w| clause.contains(w)) {
            break;
        }
        let found = quantities(clause, clause_at);
        match found.as_slice() {
            [] => continue,
            [q] if q.unit == unit => {
                parts.push(q.clone());
                let words = clause.trim_start();
                if ["其他", "其它", "其余"].iter().any(|w| words.starts_with(w)) {
                    exhaustive = parts.len() >= 2;
                    break;
                }
            }
            // Another unit, or several numbers: the list of parts has ended.
            _ => break,
        }
    }
    (parts, exhaustive)
}

fn check(total: &Quantity, parts: &[Quantity], exhaustive: bool, out: &mut Vec<Found>) {
    for p in parts {
        if p.value.lo > total.value.hi + 1e-9 {
            out.push((
                p.at,
                crate::tr!(
                    "check-p-subitems-prose-part",
                    part = &p.written,
                    total = &total.written
                ),
            ));
        }
    }
    if exhaustive {
        let sum = Interval {
            lo: parts.iter().map(|p| p.value.lo).sum(),
            hi: parts.iter().map(|p| p.value.hi).sum(),
        };
        if !sum.overlaps(total.value) {
            let terms: Vec<&str> = parts.iter().map(|p| p.written.as_str()).collect();
            out.push((
                total.at,
                crate::tr!(
                    "check-p-subitems-prose-sum",
                    sum = number(sum, &total.unit),
                    terms = terms.join(" + "),
                    total = &total.written
                ),
            ));
        }
    }
}

/// A sum of prose numbers, for a message: exact when its parts are.
fn number(sum: Interval, unit: &str) -> String {
    let mid = (sum.lo + sum.hi) / 2.0;
    if sum.hi - sum.lo < 1e-6 && mid.fract().abs() < 1e-9 {
        format!("{mid:.0}{unit}")
    } else {
        crate::tr!(
            "check-p-subitems-range",
            lo = format!("{:.2}", sum.lo),
            hi = format!("{:.2}", sum.hi),
            unit = unit
        )
    }
}

fn prose(text: &SourcedText, f: &mut Findings) {
    for (at, message) in prose_findings(&text.text) {
        let index = text.text[..at].chars().count();
        f.at_char(Severity::Warning, RULE, text, index, message).help =
            Some(crate::tr!("check-p-subitems-prose-help"));
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::with_paragraph;
    use super::*;

    fn messages(text: &str) -> Vec<String> {
        prose_findings(text).into_iter().map(|(_, m)| m).collect()
    }

    #[test]
    fn real_report_prose_that_adds_up_or_has_no_numbers_passes() {
        for ok in [
            "全年共受理申请86件，其中当面申请20件、网络申请60件、信函申请6件。",
            "主动公开信息3215条，其中政策文件146条，规划计划23条，工作动态1800条。",
            "其中，依申请公开的信息主要涉及征地拆迁、社会保障等方面。",
            "受理申请86件。其中，当面申请20件，网络申请60件。",
            "共受理申请86件，其中当面申请、网络申请、信函申请分别为20件、60件、6件。",
            "收到申请86件，其中网络申请60件，比去年增加120件。",
            "收到群众来信10.4万件，其中网络来信9.13万件。",
            "办理人大建议120件，其中主办50件，占41.7%，会办70件。",
            "全年主动公开信息3215条，其中通过网站公开3000条，通过公报公开500条。",
            "乐在其中，受理申请86件。",
            "共有工作人员12人，其中专职3人，兼职9人。",
            "收到申请86件，其中当面申请20件，其他申请66件。",
            // 其中 divides both totals here (yunxi-2024.yaml).
            "全区收到政府信息公开申请86件，上年结转4件。其中予以公开45件，部分公开8件，不予公开9件。",
            "收到申请100件，比去年增加10件，其中网络申请60件。",
        ] {
            assert_eq!(messages(ok), Vec::<String>::new(), "{ok}");
        }
    }

    #[test]
    fn a_part_larger_than_its_total_is_found_at_the_part() {
        let text = "全年主动公开信息3215条，其中政策文件4146条，规划计划23条。";
        let f = prose_findings(text);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(&text[f[0].0..f[0].0 + 4], "4146");
        assert_eq!(f[0].1, "其中 4146条 is more than the total it is part of, 3215条");
        // Units must match: 件 parts of a 条 total are not compared.
        assert_eq!(
            messages("主动公开信息32条，其中答复申请86件。"),
            Vec::<String>::new()
        );
        // On intervals: 9.2万 may be anything up to 9.25万, 9.13万 is below it.
        assert_eq!(
            messages("来信9.2万件，其中网络来信9.13万件。"),
            Vec::<String>::new()
        );
        assert_eq!(messages("来信9.1万件，其中网络来信9.23万件。").len(), 1);
    }

    #[test]
    fn exhaustive_parts_must_add_up() {
        let text = "共受理申请86件，其中当面申请、网络申请、信函申请分别为20件、60件、8件。";
        let f = prose_findings(text);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(&text[f[0].0..f[0].0 + 2], "86");
        assert_eq!(
            f[0].1,
            "the parts after 其中 add up to 88件 (20件 + 60件 + 8件), not the total 86件"
        );
        let closed = "收到申请86件，其中当面申请20件，网络申请60件，其他申请3件。";
        assert_eq!(messages(closed).len(), 1);
        // Without 分别为 or 其他, the parts may be some of the whole: only each ≤ total.
        assert_eq!(
            messages("收到申请86件，其中当面申请20件，网络申请60件。"),
            Vec::<String>::new()
        );
    }

    #[test]
    fn a_prose_finding_is_placed_at_its_number() {
        let all =
            super::super::testing::findings(&with_paragraph("主动公开信息3215条，其中政策文件4146条。"));
        let found: Vec<_> = all.iter().filter(|x| x.0 == RULE).map(|x| (x.1, x.2)).collect();
        // Line 6 `      - 主动公开信息3215条，其中政策文件4146条。`: the value starts in column
        // 9, and 4146 is its 19th character.
        assert_eq!(found, [(Some(6), Some(9 + 18))]);
    }

    const TABLE: &str = "issuer: 某区人民政府\nyear: 2013\nparts:\n  - heading: 统计\n    body:\n      - statistics:\n          rows:\n            - name: 主动公开政府信息\n              unit: 条\n              values: [3215, 25880]\n              of_which:\n                - {name: 政策文件, values: [146, 1203]}\n                - {name: 规范性文件, values: [46, 403]}\n            - name: 收到申请\n              unit: 件\n              values: [86, 512]\n              adds_up: true\n              of_which:\n                - {name: 当面申请, values: [20, 100]}\n                - {name: 网络申请, values: [60, 400]}\n                - {name: 信函申请, values: [6, 12]}\n";

    fn table_findings(yaml: &str) -> Vec<(Option<u64>, Option<u64>, String)> {
        super::super::testing::findings(yaml)
            .into_iter()
            .filter(|x| x.0 == RULE)
            .map(|x| (x.1, x.2, x.3))
            .collect()
    }

    #[test]
    fn a_table_whose_sub_rows_fit_passes() {
        assert_eq!(table_findings(TABLE), []);
    }

    #[test]
    fn a_table_inside_a_list_item_is_checked_too() {
        let (head, table) = TABLE.split_once("      - statistics:\n").unwrap();
        let nested: String = table.lines().map(|l| format!("          {l}\n")).collect();
        let yaml = format!(
            "{head}      - items:\n          - heading: 统计表\n            body:\n              - statistics:\n{nested}"
        );
        assert_eq!(table_findings(&yaml), []);
        let f = table_findings(&yaml.replace("[146, 1203]", "[3300, 1203]"));
        assert_eq!(f.len(), 1, "{f:?}");
    }

    #[test]
    fn a_sub_row_above_its_parent_is_found_at_its_value() {
        let yaml = TABLE.replace("[146, 1203]", "[3300, 1203]");
        let f = table_findings(&yaml);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!((f[0].0, f[0].1), (Some(12), Some(41)));
        assert_eq!(
            f[0].2,
            "其中 「政策文件」 is 3300条 (本年), more than its parent 「主动公开政府信息」, 3215条"
        );
    }

    #[test]
    fn sub_rows_that_should_add_up_and_do_not_are_found_at_the_parent() {
        let yaml = TABLE.replace("[6, 12]", "[8, 12]");
        let f = table_findings(&yaml);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].0, Some(16));
        assert_eq!(
            f[0].2,
            "the sub-rows of 「收到申请」 add up to 88件 (本年: 20 + 60 + 8), not 86件"
        );
        // Without `adds_up`, sub-rows may be some of the row.
        assert_eq!(
            table_findings(&yaml.replace("              adds_up: true\n", "")),
            []
        );
    }

    #[test]
    fn change_columns_and_other_units_are_not_compared() {
        let yaml = TABLE
            .replace(
                "          rows:\n",
                "          columns: [本年, 增减]\n          rows:\n",
            )
            .replace("[146, 1203]", "[146, 30000]")
            .replace(
                "{name: 规范性文件, values: [46, 403]}",
                "{name: 依申请公开, unit: 件, values: [4000, 403]}",
            );
        assert_eq!(table_findings(&yaml), []);
    }
}
