//! The rules of the 2021 format: T3-ROWSUM, T3-RESULTS, T3-IDENTITY and T4-GROUP on the
//! tables, S-PARTS on the six parts, P-NUMBERS between the prose and the tables, and X-CARRY
//! and X-INFORCE between two years of one issuer. A total the report leaves out is computed
//! and cannot be wrong; one it states must agree, or the finding points at it. The 2019 trial
//! format has the same tables 3 and 4 and six parts, and runs the same functions on them.

use super::labels::*;
use super::{DocumentCounts, Outcomes, ResultRows, Reviews, Row, Table3, Tables2021};
use crate::diag::RuleSeverity;
use crate::diag::{Findings, RuleInfo, Severity};
use crate::document::SourcedText;
use crate::formats::{Report, Tables};
use crate::model::cite::bare;
use regex::Regex;
use std::sync::LazyLock;

/// The rules this format adds to those of every report.
pub const RULES: &[RuleInfo] = &[
    RuleInfo::new("T3-ROWSUM", RuleSeverity::Error),
    RuleInfo::new("T3-RESULTS", RuleSeverity::Error),
    RuleInfo::new("T3-IDENTITY", RuleSeverity::Error),
    RuleInfo::new("T4-GROUP", RuleSeverity::Error),
    RuleInfo::new("S-PARTS", RuleSeverity::Both),
    RuleInfo::new("X-CARRY", RuleSeverity::Error),
    RuleInfo::new("X-INFORCE", RuleSeverity::Warning),
];

/// Runs every rule of the format on a report (the rules between two years are run by
/// `formats::check`, which knows both years' shapes).
pub fn check(report: &Report, texts: &[SourcedText], f: &mut Findings) {
    s_parts(
        report,
        "standard_2021",
        &crate::tr!("check-s-parts-tables-2021"),
        f,
    );
    let Some(Tables::Standard2021(tables)) = &report.tables else {
        return;
    };
    let t3 = tables.applications.view();
    tables_3_and_4(&t3, &tables.reviews, f);
    let in_force = T2_DOCUMENT_COLUMNS[2].label;
    let normative = format!("{}的{in_force}", T2_NORMATIVE.label);
    let rules = format!("{}的{in_force}", T2_RULES.label);
    let table_2: [Claim; 2] = [
        (
            &NORMATIVE_IN_FORCE,
            &normative,
            tables.active.normative_documents.in_force.value,
        ),
        (&RULES_IN_FORCE, &rules, tables.active.rules.in_force.value),
    ];
    p_numbers(&t3, &tables.reviews, &table_2, texts, f);
}

/// The rules of tables 3 and 4, which both formats with tables share.
pub(crate) fn tables_3_and_4(t3: &Table3, reviews: &Reviews, f: &mut Findings) {
    t3_rowsum(t3, f);
    t3_results(t3, f);
    t3_identity(t3, f);
    t4_group(reviews, f);
}

/// T3-ROWSUM: in every row of table 3 that states its 总计, it is the sum of the six columns.
fn t3_rowsum(a: &Table3, f: &mut Findings) {
    let mut rows: Vec<(&str, &Row)> = vec![
        (T3_RECEIVED.label, a.received),
        (T3_CARRIED_OVER.label, a.carried_over),
    ];
    rows.extend(a.result_rows().into_iter().map(|r| (T3_RESULTS, r)));
    if let Some(total) = a.total {
        rows.push((T3_TOTAL.label, total));
    }
    rows.push((T3_CARRIED_FORWARD.label, a.carried_forward));
    for (name, row) in rows {
        if let Some(stated) = row.stated_total()
            && stated != row.sum()
        {
            f.add(
                Severity::Error,
                "T3-ROWSUM",
                Some(&row.0.referenced),
                crate::tr!(
                    "check-t3-rowsum",
                    row = name,
                    total_label = TOTAL,
                    stated = stated.to_string(),
                    sum = row.sum().to_string()
                ),
            )
            .help = Some(crate::tr!("check-t3-rowsum-help"));
        }
    }
}

/// T3-RESULTS: a stated （七）总计 is, column by column, （一）+（二）+ every leaf of （三）-（六）.
fn t3_results(a: &Table3, f: &mut Findings) {
    let Some(total) = a.total else { return };
    let computed = a.computed_results_total();
    for (k, (stated, sum)) in total.columns().iter().zip(computed).enumerate() {
        if *stated != sum {
            f.add(
                Severity::Error,
                "T3-RESULTS",
                Some(&total.0.referenced),
                crate::tr!(
                    "check-t3-results",
                    row = T3_TOTAL.label,
                    applicant = APPLICANTS[k],
                    stated = stated.to_string(),
                    sum = sum.to_string()
                ),
            )
            .help = Some(crate::tr!("check-t3-results-help"));
        }
    }
}

/// T3-IDENTITY: in every column, 一 + 二 = （七）总计 + 四 (the rule printed in the corner).
fn t3_identity(a: &Table3, f: &mut Findings) {
    let results = match a.total {
        Some(total) => total.columns(),
        None => a.computed_results_total(),
    };
    let (received, carried, forward) = (
        a.received.columns(),
        a.carried_over.columns(),
        a.carried_forward.columns(),
    );
    for k in 0..APPLICANTS.len() {
        let left = received[k] + carried[k];
        let right = results[k] + forward[k];
        if left != right {
            f.add(
                Severity::Error,
                "T3-IDENTITY",
                Some(&a.carried_forward.0.referenced),
                crate::tr!(
                    "check-t3-identity",
                    applicant = APPLICANTS[k],
                    received = received[k].to_string(),
                    carried = carried[k].to_string(),
                    left = left.to_string(),
                    results = results[k].to_string(),
                    forward = forward[k].to_string(),
                    right = right.to_string()
                ),
            )
            .help = Some(crate::tr!("check-t3-identity-help"));
        }
    }
}

/// T4-GROUP: a stated 总计 of each group of table 4 is 维持 + 纠正 + 其他 + 尚未审结.
fn t4_group(r: &Reviews, f: &mut Findings) {
    let direct = format!("{T4_LITIGATION}（{}）", T4_DIRECT.label);
    let after = format!("{T4_LITIGATION}（{}）", T4_AFTER.label);
    let groups: [(&str, &Outcomes); 3] = [
        (T4_RECONSIDERATION.label, &r.reconsideration),
        (&direct, &r.litigation_direct),
        (&after, &r.litigation_after_reconsideration),
    ];
    for (name, o) in groups {
        if let Some(total) = &o.total
            && total.value != o.sum()
        {
            f.add(
                Severity::Error,
                "T4-GROUP",
                Some(&total.referenced),
                crate::tr!(
                    "check-t4-group",
                    group = name,
                    total_label = TOTAL,
                    total = total.value.to_string(),
                    sum = o.sum().to_string()
                ),
            )
            .help = Some(crate::tr!("check-t4-group-help"));
        }
    }
}

/// S-PARTS: six parts in order, with the canonical titles (a near miss is a warning), and
/// the tables; `format` and `tables` name the shape and its tables in messages.
pub(crate) fn s_parts(report: &Report, format: &str, tables: &str, f: &mut Findings) {
    if report.parts.len() != PART_TITLES.len() {
        f.add(
            Severity::Error,
            "S-PARTS",
            None,
            crate::tr!(
                "check-s-parts-count",
                format = format,
                count = report.parts.len().to_string()
            ),
        )
        .help = Some(crate::tr!(
            "check-s-parts-count-help",
            titles = PART_TITLES
                .map(|title| crate::tr!("check-s-parts-count-title", title = title))
                .join(&crate::tr!("check-s-parts-count-separator"))
        ));
    }
    for (part, canonical) in report.parts.iter().zip(PART_TITLES) {
        let Some(heading) = &part.heading else { continue };
        if heading.value == canonical {
            continue;
        }
        let near = strsim::normalized_levenshtein(&heading.value, canonical) >= 0.6;
        let severity = if near { Severity::Warning } else { Severity::Error };
        let message = if near {
            crate::tr!(
                "check-s-parts-near",
                heading = &heading.value,
                canonical = canonical
            )
        } else {
            crate::tr!(
                "check-s-parts-misplaced",
                heading = &heading.value,
                canonical = canonical
            )
        };
        f.add(severity, "S-PARTS", Some(&heading.referenced), message)
            .help = Some(crate::tr!("check-s-parts-title-help"));
    }
    if report.tables.is_none() {
        f.add(
            Severity::Error,
            "S-PARTS",
            None,
            crate::tr!("check-s-parts-no-tables", format = format, tables = tables),
        )
        .help = Some(crate::tr!("check-s-parts-no-tables-help"));
    }
}

/// A count the prose may state: the pattern that finds it, the concept in messages, and the
/// table's number.
pub(crate) type Claim<'a> = (&'a Regex, &'a str, u64);

/// P-NUMBERS for the formats with tables: a count the prose states for a table concept
/// (「收到申请86件」「现行有效行政规范性文件38件」「行政复议2件」) equals the table's. Tables 3
/// and 4 give the same claims in both formats; `table_2` adds the format's own.
pub(crate) fn p_numbers(a: &Table3, r: &Reviews, table_2: &[Claim], texts: &[SourcedText], f: &mut Findings) {
    let reconsideration = format!("{}的{TOTAL}", T4_RECONSIDERATION.label);
    let litigation = format!("{T4_LITIGATION}的{TOTAL}");
    let mut claims: Vec<Claim> = vec![
        (&*RECEIVED, T3_RECEIVED.label, a.received.sum()),
        (&*CARRIED_OVER, T3_CARRIED_OVER.label, a.carried_over.sum()),
        (
            &*CARRIED_FORWARD,
            T3_CARRIED_FORWARD.label,
            a.carried_forward.sum(),
        ),
    ];
    // 三、本年度办理结果, row by row as the prose names them (「予以公开34件」「不予公开9件」):
    // （三）-（六） as a whole, the sum of their leaves (the 2019 （六） is one row).
    let results: Vec<(&str, u64)> = a
        .results
        .iter()
        .map(|entry| match entry {
            ResultRows::Single(label, row) => (bare(label.label), row.sum()),
            ResultRows::Group(group, leaves) => (bare(group.label), leaves.iter().map(|r| r.sum()).sum()),
        })
        .collect();
    for (name, pattern) in RESULTS.iter() {
        if let Some((_, sum)) = results.iter().find(|(n, _)| n.starts_with(name)) {
            claims.push((pattern, name, *sum));
        }
    }
    claims.extend_from_slice(table_2);
    claims.extend([
        (
            &*RECONSIDERATION,
            reconsideration.as_str(),
            r.reconsideration.sum(),
        ),
        (
            &*LITIGATION,
            litigation.as_str(),
            r.litigation_direct.sum() + r.litigation_after_reconsideration.sum(),
        ),
    ]);
    for text in texts {
        for (pattern, concept, table) in &claims {
            for m in pattern.captures_iter(&text.text) {
                let Some(number) = m.get(1) else { continue };
                let Ok(stated) = number.as_str().parse::<u64>() else {
                    continue;
                };
                if stated != *table {
                    let index = text.text[..number.start()].chars().count();
                    f.at_char(
                        Severity::Error,
                        "P-NUMBERS",
                        text,
                        index,
                        crate::tr!(
                            "check-p-numbers-table",
                            stated = stated.to_string(),
                            concept = *concept,
                            table = table.to_string()
                        ),
                    )
                    .help = Some(crate::tr!("check-p-numbers-table-help"));
                }
            }
        }
    }
}

/// X-CARRY: per applicant column, 上年结转 equals last year's 结转下年度继续办理. Both formats
/// have the two rows, so it runs from a 2020 report of the trial format to a 2021 one too.
pub(crate) fn x_carry(this: &Table3, (last_year, last): (u16, &Table3), f: &mut Findings) {
    let (now, before) = (this.carried_over.columns(), last.carried_forward.columns());
    if now != before {
        let list = |columns: [u64; 6]| {
            let separator = crate::tr!("check-x-carry-separator");
            columns.map(|c| c.to_string()).join(&separator)
        };
        f.add(
            Severity::Error,
            "X-CARRY",
            Some(&this.carried_over.0.referenced),
            crate::tr!(
                "check-x-carry",
                now = list(now),
                year = last_year.to_string(),
                before = list(before)
            ),
        )
        .help = Some(crate::tr!(
            "check-x-carry-help",
            this_row = T3_CARRIED_OVER.label,
            last_row = T3_CARRIED_FORWARD.label
        ));
    }
}

/// X-INFORCE: 现行有效 is last year's 现行有效 + 本年制发 − 本年废止 (real data can break it
/// legitimately, so a warning).
pub(crate) fn x_inforce(this: &Tables2021, last: &Tables2021, f: &mut Findings) {
    let pairs: [(&str, &DocumentCounts, &DocumentCounts); 2] = [
        (T2_RULES.label, &this.active.rules, &last.active.rules),
        (
            T2_NORMATIVE.label,
            &this.active.normative_documents,
            &last.active.normative_documents,
        ),
    ];
    for (name, now, before) in pairs {
        let expected = (before.in_force.value + now.issued.value).saturating_sub(now.repealed.value);
        if now.in_force.value != expected {
            f.add(
                Severity::Warning,
                "X-INFORCE",
                Some(&now.in_force.referenced),
                crate::tr!(
                    "check-x-inforce",
                    name = name,
                    now = now.in_force.value.to_string(),
                    before = before.in_force.value.to_string(),
                    issued = now.issued.value.to_string(),
                    repealed = now.repealed.value.to_string(),
                    expected = expected.to_string()
                ),
            )
            .help = Some(crate::tr!("check-x-inforce-help"));
        }
    }
}

pub(crate) fn pattern(re: &str) -> Regex {
    Regex::new(re).unwrap_or_else(|e| unreachable!("invalid rule pattern {re}: {e}"))
}

static RECEIVED: LazyLock<Regex> = LazyLock::new(|| pattern(r"收到[^。；，]{0,16}?申请(\d+)件"));
static CARRIED_OVER: LazyLock<Regex> = LazyLock::new(|| pattern(r"上年结转(\d+)件"));
static CARRIED_FORWARD: LazyLock<Regex> = LazyLock::new(|| pattern(r"结转下年度(?:继续办理)?(\d+)件"));
static NORMATIVE_IN_FORCE: LazyLock<Regex> =
    LazyLock::new(|| pattern(r"现行有效(?:的)?行政规范性文件(?:共)?(\d+)件"));
static RULES_IN_FORCE: LazyLock<Regex> = LazyLock::new(|| pattern(r"现行有效(?:的)?规章(?:共)?(\d+)件"));
/// The results of table 3 that prose counts by name, each as 「予以公开N件」.
static RESULTS: LazyLock<[(&str, Regex); 6]> = LazyLock::new(|| {
    [
        "予以公开",
        "部分公开",
        "不予公开",
        "无法提供",
        "不予处理",
        "其他处理",
    ]
    .map(|name| (name, pattern(&format!(r"{name}(\d+)件"))))
});
static RECONSIDERATION: LazyLock<Regex> = LazyLock::new(|| pattern(r"行政复议(\d+)件"));
static LITIGATION: LazyLock<Regex> = LazyLock::new(|| pattern(r"行政诉讼(\d+)件"));
