//! The rules of the 2019 trial format. Those of its tables 3 and 4, S-PARTS, P-NUMBERS and
//! X-CARRY are the 2021 format's (`standard2021::rules`), run on the same rows; this format
//! adds the consistency of its table 2 (T2-PUBLISHED, T2-ITEMS, T2-PROCUREMENT) and, between
//! its two years, X-ITEMS.

use super::labels::*;
use super::{Change, Tables2019};
use crate::diag::RuleSeverity;
use crate::diag::{Findings, RuleInfo, Severity};
use crate::document::SourcedText;
use crate::formats::standard2021::Count;
use crate::formats::standard2021::rules as shared;
use crate::formats::{Report, Tables};
use serde_saphyr::Spanned;

/// The rules this format adds to those it shares with the 2021 format.
pub const RULES: &[RuleInfo] = &[
    RuleInfo::new("T2-PUBLISHED", RuleSeverity::Error),
    RuleInfo::new("T2-ITEMS", RuleSeverity::Error),
    RuleInfo::new("T2-PROCUREMENT", RuleSeverity::Both),
    RuleInfo::new("X-ITEMS", RuleSeverity::Warning),
];

/// Runs every rule of the format on a report (those between two years are run by
/// `formats::check`).
pub fn check(report: &Report, texts: &[SourcedText], f: &mut Findings) {
    shared::s_parts(report, "trial_2019", &crate::tr!("check-s-parts-tables-2019"), f);
    let Some(Tables::Trial2019(tables)) = &report.tables else {
        return;
    };
    let t3 = tables.applications.view();
    shared::tables_3_and_4(&t3, &tables.reviews, f);
    t2_published(tables, f);
    t2_items(tables, f);
    t2_procurement(tables, f);
    shared::p_numbers(&t3, &tables.reviews, &[], texts, f);
}

/// T2-PUBLISHED: 本年新公开数量 ≤ 对外公开总数量, for 规章 and 规范性文件.
fn t2_published(t: &Tables2019, f: &mut Findings) {
    let [_, published, public_total] = T2_DOCUMENT_COLUMNS;
    for (name, d) in [
        (T2_RULES.label, &t.active.rules),
        (T2_NORMATIVE.label, &t.active.normative_documents),
    ] {
        if d.published.value > d.public_total.value {
            f.add(
                Severity::Error,
                "T2-PUBLISHED",
                Some(&d.published.referenced),
                crate::tr!(
                    "check-t2-published",
                    name = name,
                    published_label = published.label,
                    published = d.published.value.to_string(),
                    total_label = public_total.label,
                    total = d.public_total.value.to_string()
                ),
            )
            .help = Some(crate::tr!(
                "check-t2-published-help",
                total_label = public_total.label
            ));
        }
    }
}

/// The rows of items of table 2: label, 上一年项目数量 and 本年增/减.
fn item_rows(t: &Tables2019) -> [(&'static str, &Count, &Spanned<Change>); 5] {
    let a = &t.active;
    [
        (T2_LICENSING.label, &a.licensing.last_year, &a.licensing.change),
        (
            T2_OTHER_SERVICES.label,
            &a.other_services.last_year,
            &a.other_services.change,
        ),
        (T2_PENALTIES.label, &a.penalties.last_year, &a.penalties.change),
        (
            T2_ENFORCEMENT.label,
            &a.enforcement.last_year,
            &a.enforcement.change,
        ),
        (T2_FEES.label, &a.fees.last_year, &a.fees.change),
    ]
}

/// The number of items at the end of the year: 上一年项目数量 + 本年增/减.
fn items_now(last_year: &Count, change: &Spanned<Change>) -> i64 {
    // Both are bounded by MAX_COUNT when read, so the sum cannot overflow.
    last_year.value as i64 + change.value.value
}

/// T2-ITEMS: 上一年项目数量 + 本年增/减 is not below 0.
fn t2_items(t: &Tables2019, f: &mut Findings) {
    let [last_year, change, _] = T2_ITEM_COLUMNS;
    for (name, before, delta) in item_rows(t) {
        let now = items_now(before, delta);
        if now < 0 {
            f.add(
                Severity::Error,
                "T2-ITEMS",
                Some(&delta.referenced),
                crate::tr!(
                    "check-t2-items",
                    name = name,
                    last_label = last_year.label,
                    last = before.value.to_string(),
                    change_label = change.label,
                    change = &delta.value.written,
                    now = now.to_string()
                ),
            )
            .help = Some(crate::tr!(
                "check-t2-items-help",
                last_label = last_year.label,
                change_label = change.label
            ));
        }
    }
}

/// T2-PROCUREMENT: an amount needs projects (error), and projects an amount (warning: a
/// project not yet paid for is possible, but rare enough to look at).
fn t2_procurement(t: &Tables2019, f: &mut Findings) {
    let p = &t.active.procurement;
    let [projects, amount] = T2_PROCUREMENT_COLUMNS;
    let money = &p.amount.value;
    if p.projects.value == 0 && !money.is_zero() {
        f.add(
            Severity::Error,
            "T2-PROCUREMENT",
            Some(&p.amount.referenced),
            crate::tr!(
                "check-t2-procurement-no-projects",
                row = T2_PROCUREMENT.label,
                amount_label = amount.label,
                amount = money.printed(),
                projects_label = projects.label
            ),
        )
        .help = Some(crate::tr!("check-t2-procurement-no-projects-help"));
    } else if p.projects.value > 0 && money.is_zero() {
        f.add(
            Severity::Warning,
            "T2-PROCUREMENT",
            Some(&p.amount.referenced),
            crate::tr!(
                "check-t2-procurement-no-amount",
                row = T2_PROCUREMENT.label,
                projects = p.projects.value.to_string(),
                projects_label = projects.label,
                amount_label = amount.label,
                amount = money.printed()
            ),
        )
        .help = Some(crate::tr!("check-t2-procurement-no-amount-help"));
    }
}

/// X-ITEMS: this year's 上一年项目数量 is last year's 上一年项目数量 + 本年增/减 (a list of items
/// can be revised between the years, so a warning).
pub fn x_items(this: &Tables2019, last: &Tables2019, f: &mut Findings) {
    for ((name, now, _), (_, before, delta)) in item_rows(this).into_iter().zip(item_rows(last)) {
        let expected = items_now(before, delta);
        if now.value as i64 != expected {
            f.add(
                Severity::Warning,
                "X-ITEMS",
                Some(&now.referenced),
                crate::tr!(
                    "check-x-items",
                    name = name,
                    now = now.value.to_string(),
                    before = before.value.to_string(),
                    change = &delta.value.written,
                    expected = expected.to_string()
                ),
            )
            .help = Some(crate::tr!("check-x-items-help"));
        }
    }
}
