//! The rules of the 2021 format's tables (DOMAIN.md): T3-ROWSUM, T3-RESULTS, T3-IDENTITY and
//! T4-GROUP, and S-PARTS for the six parts. A total the report leaves out is computed and
//! cannot be wrong; one it states must agree, or the finding points at it.

use super::Context;
use crate::diag::{Diagnostic, Severity};
use crate::error::SourcePos;
use crate::model::Format;
use crate::model::standard2021::{Applications, Outcomes, Row};
use crate::tables2021::{PART_TITLES, computed_results_total, result_rows};
use regex::Regex;
use serde_saphyr::Location;
use std::sync::LazyLock;

const COLUMNS: [&str; 6] = [
    "自然人",
    "商业企业",
    "科研机构",
    "社会公益组织",
    "法律服务机构",
    "其他",
];

fn pos(at: &Location) -> Option<SourcePos> {
    Some(SourcePos {
        line: at.line(),
        column: at.column(),
    })
}

fn error(cx: &mut Context, rule: &'static str, at: &Location, message: String, help: String) {
    let d = Diagnostic::new(Severity::Error, rule, cx.path, pos(at), message).with_help(help);
    cx.push(d);
}

/// T3-ROWSUM: in every row of table 3 that states its 总计, it is the sum of the six columns.
pub fn t3_rowsum(cx: &mut Context) {
    let Some(a) = cx.report.tables.as_ref().map(|t| t.applications.clone()) else {
        return;
    };
    let mut rows: Vec<(&str, &Row)> = vec![("一、本年新收", &a.received), ("二、上年结转", &a.carried_over)];
    rows.extend(result_rows(&a).into_iter().map(|r| ("三、本年度办理结果", r)));
    if let Some(total) = &a.total {
        rows.push(("（七）总计", total));
    }
    rows.push(("四、结转下年度", &a.carried_forward));
    for (name, row) in rows {
        if let Some(stated) = row.stated_total()
            && stated != row.sum()
        {
            let at = row.0.referenced;
            error(
                cx,
                "T3-ROWSUM",
                &at,
                format!(
                    "{name}: the row's 总计 is {stated}, but its six columns add up to {}",
                    row.sum()
                ),
                "correct the column that is wrong, or leave the 总计 out and it is computed".into(),
            );
        }
    }
}

/// T3-RESULTS: a stated （七）总计 is, column by column, （一）+（二）+ every leaf of （三）-（六）.
pub fn t3_results(cx: &mut Context) {
    let Some(a) = cx.report.tables.as_ref().map(|t| t.applications.clone()) else {
        return;
    };
    let Some(total) = &a.total else { return };
    let computed = computed_results_total(&a);
    for (k, (stated, sum)) in total.columns().iter().zip(computed).enumerate() {
        if *stated != sum {
            let at = total.0.referenced;
            error(
                cx,
                "T3-RESULTS",
                &at,
                format!(
                    "（七）总计 for {} is {stated}, but the results above add up to {sum}",
                    COLUMNS[k]
                ),
                "a result was counted twice or left out; recount （一）-（六）".into(),
            );
        }
    }
}

/// T3-IDENTITY: in every column, 一 + 二 = （七）总计 + 四 (the rule printed in the corner).
pub fn t3_identity(cx: &mut Context) {
    let Some(a): Option<Applications> = cx.report.tables.as_ref().map(|t| t.applications.clone()) else {
        return;
    };
    let results = match &a.total {
        Some(total) => total.columns(),
        None => computed_results_total(&a),
    };
    let (received, carried, forward) = (
        a.received.columns(),
        a.carried_over.columns(),
        a.carried_forward.columns(),
    );
    for k in 0..6 {
        let left = received[k] + carried[k];
        let right = results[k] + forward[k];
        if left != right {
            let at = a.carried_forward.0.referenced;
            error(
                cx,
                "T3-IDENTITY",
                &at,
                format!(
                    "{}: 新收 {} + 上年结转 {} = {left}, but 办理结果 {} + 结转下年度 {} = {right}",
                    COLUMNS[k], received[k], carried[k], results[k], forward[k]
                ),
                "every application received or carried over is either handled or carried forward".into(),
            );
        }
    }
}

/// T4-GROUP: a stated 总计 of each group of table 4 is 维持 + 纠正 + 其他 + 尚未审结.
pub fn t4_group(cx: &mut Context) {
    let Some(r) = cx.report.tables.as_ref().map(|t| t.reviews.clone()) else {
        return;
    };
    let groups: [(&str, &Outcomes); 3] = [
        ("行政复议", &r.reconsideration),
        ("行政诉讼（未经复议直接起诉）", &r.litigation_direct),
        ("行政诉讼（复议后起诉）", &r.litigation_after_reconsideration),
    ];
    for (name, o) in groups {
        if let Some(total) = &o.total
            && total.value != o.sum()
        {
            let at = total.referenced;
            error(
                cx,
                "T4-GROUP",
                &at,
                format!(
                    "{name}: 总计 is {}, but 维持 + 纠正 + 其他 + 尚未审结 = {}",
                    total.value,
                    o.sum()
                ),
                "correct the count that is wrong, or leave the 总计 out and it is computed".into(),
            );
        }
    }
}

/// S-PARTS: a standard_2021 report has its six parts in order, with the canonical titles (a
/// near miss is a warning) and its tables; a free-form report has no tables.
pub fn s_parts(cx: &mut Context) {
    let report = cx.report;
    if report.format != Format::Standard2021 {
        if report.tables.is_some() {
            let d = Diagnostic::new(
                Severity::Warning,
                "S-PARTS",
                cx.path,
                None,
                "`tables` are printed only in `format: standard_2021` reports".into(),
            )
            .with_help("add `format: standard_2021`, or remove `tables`");
            cx.push(d);
        }
        return;
    }
    if report.parts.len() != PART_TITLES.len() {
        let d = Diagnostic::new(
            Severity::Error,
            "S-PARTS",
            cx.path,
            None,
            format!(
                "a standard_2021 report has six parts, this one has {}",
                report.parts.len()
            ),
        )
        .with_help(format!("the parts are, in order: {}", PART_TITLES.join("、")));
        cx.push(d);
    }
    for (part, canonical) in report.parts.iter().zip(PART_TITLES) {
        let Some(heading) = &part.heading else { continue };
        if heading.value == canonical {
            continue;
        }
        let near = strsim::normalized_levenshtein(&heading.value, canonical) >= 0.6;
        let severity = if near { Severity::Warning } else { Severity::Error };
        let message = if near {
            format!(
                "the part is titled 「{}」; the format's title is 「{canonical}」",
                heading.value
            )
        } else {
            format!(
                "「{}」 stands where the part 「{canonical}」 belongs: parts missing or out of order",
                heading.value
            )
        };
        let d = Diagnostic::new(severity, "S-PARTS", cx.path, pos(&heading.referenced), message)
            .with_help("leave `heading` out and the canonical title is printed");
        cx.push(d);
    }
    if report.tables.is_none() {
        let d = Diagnostic::new(
            Severity::Error,
            "S-PARTS",
            cx.path,
            None,
            "a standard_2021 report needs its `tables` (tables 2, 3 and 4)".into(),
        )
        .with_help("add `tables:` with `active`, `applications` and `reviews` (see reports/ for an example)");
        cx.push(d);
    }
}

/// P-NUMBERS for the 2021 format: a count the prose states for a table concept
/// (「收到申请86件」「现行有效行政规范性文件38件」「行政复议2件」) equals the table's.
pub fn p_numbers_tables(cx: &mut Context) {
    let Some(t) = cx.report.tables.clone() else { return };
    if cx.report.format != Format::Standard2021 {
        return;
    }
    let a = &t.applications;
    let r = &t.reviews;
    let claims: [(&Regex, &str, u64); 7] = [
        (&RECEIVED, "一、本年新收政府信息公开申请数量", a.received.sum()),
        (
            &CARRIED_OVER,
            "二、上年结转政府信息公开申请数量",
            a.carried_over.sum(),
        ),
        (
            &CARRIED_FORWARD,
            "四、结转下年度继续办理",
            a.carried_forward.sum(),
        ),
        (
            &NORMATIVE_IN_FORCE,
            "行政规范性文件的现行有效件数",
            t.active.normative_documents.in_force.value,
        ),
        (
            &RULES_IN_FORCE,
            "规章的现行有效件数",
            t.active.rules.in_force.value,
        ),
        (&RECONSIDERATION, "行政复议的总计", r.reconsideration.sum()),
        (
            &LITIGATION,
            "行政诉讼的总计",
            r.litigation_direct.sum() + r.litigation_after_reconsideration.sum(),
        ),
    ];
    for i in 0..cx.texts.len() {
        let text = cx.texts[i].clone();
        for (pattern, concept, table) in &claims {
            for m in pattern.captures_iter(&text.text) {
                let Some(number) = m.get(1) else { continue };
                let Ok(stated) = number.as_str().parse::<u64>() else {
                    continue;
                };
                if stated != *table {
                    let index = text.text[..number.start()].chars().count();
                    cx.at_char(
                        Severity::Error,
                        "P-NUMBERS",
                        &text,
                        index,
                        format!("the text says {stated}, but the table's {concept} is {table}"),
                    )
                    .help = Some("make the text and the table agree".into());
                }
            }
        }
    }
}

static RECEIVED: LazyLock<Regex> = LazyLock::new(|| super::pattern(r"收到[^。；，]{0,16}?申请(\d+)件"));
static CARRIED_OVER: LazyLock<Regex> = LazyLock::new(|| super::pattern(r"上年结转(\d+)件"));
static CARRIED_FORWARD: LazyLock<Regex> = LazyLock::new(|| super::pattern(r"结转下年度(?:继续办理)?(\d+)件"));
static NORMATIVE_IN_FORCE: LazyLock<Regex> =
    LazyLock::new(|| super::pattern(r"现行有效(?:的)?行政规范性文件(?:共)?(\d+)件"));
static RULES_IN_FORCE: LazyLock<Regex> =
    LazyLock::new(|| super::pattern(r"现行有效(?:的)?规章(?:共)?(\d+)件"));
static RECONSIDERATION: LazyLock<Regex> = LazyLock::new(|| super::pattern(r"行政复议(\d+)件"));
static LITIGATION: LazyLock<Regex> = LazyLock::new(|| super::pattern(r"行政诉讼(\d+)件"));
