//! D-DEADLINE: a report dated after the day the Regulations require it to be published by
//! (see `model::IssuerKind`). The report's date (or its signature's) is when it was
//! written, so a later date means a late report; an undated report is not checked.

use super::Input;
use crate::diag::{Findings, Severity};
use crate::model::{Date, IssuerKind};

pub fn d_deadline(input: &Input, f: &mut Findings) {
    let report = input.report;
    let year = report.year.value;
    let signed = report.signature.as_ref().and_then(|s| s.date.as_ref());
    // The later of the two dates is the earliest the report can have been published.
    let Some(dated) = [report.date.as_ref(), signed]
        .into_iter()
        .flatten()
        .max_by_key(|d| d.value)
    else {
        return;
    };
    let (kind, inferred) = match report.issuer_kind {
        Some(kind) => (kind, false),
        None => (IssuerKind::of(&report.issuer.value), true),
    };
    let (month, day) = kind.deadline(year);
    let Some(deadline) = Date::new(year.saturating_add(1), month, day) else {
        return;
    };
    // A date in a later year is D-YEAR's finding; this rule is about the year after.
    if dated.value <= deadline || dated.value.year != deadline.year {
        return;
    }
    // The catalog's selectors: which kind of issuer, and whether its name told it.
    let kind = match kind {
        IssuerKind::Government => "government",
        IssuerKind::Department => "department",
    };
    f.add(
        Severity::Warning,
        "D-DEADLINE",
        Some(&dated.referenced),
        crate::tr!(
            "check-d-deadline",
            date = dated.value.chinese(),
            deadline = deadline.chinese(),
            kind = kind,
            inferred = if inferred { "yes" } else { "no" },
            year = year.to_string()
        ),
    )
    .help = Some(if inferred {
        crate::tr!("check-d-deadline-inferred-help")
    } else {
        crate::tr!("check-d-deadline-help")
    });
}

#[cfg(test)]
mod tests {
    use super::super::testing::findings;

    fn report(issuer: &str, extra: &str) -> String {
        format!(
            "issuer: {issuer}\nyear: 2023\n{extra}parts:\n  - heading: 总体情况\n    body:\n      - 正文。\n"
        )
    }

    fn deadline(yaml: &str) -> Vec<(Option<u64>, String)> {
        findings(yaml)
            .into_iter()
            .filter(|x| x.0 == "D-DEADLINE")
            .map(|x| (x.1, x.3))
            .collect()
    }

    #[test]
    fn a_department_is_late_after_31_january() {
        let late = deadline(&report("某区市场监督管理局", "date: 2024-02-01\n"));
        assert_eq!(late.len(), 1, "{late:?}");
        assert_eq!(late[0].0, Some(3));
        assert!(late[0].1.contains("2024年1月31日"), "{}", late[0].1);
        assert!(deadline(&report("某区市场监督管理局", "date: 2024-01-31\n")).is_empty());
    }

    #[test]
    fn a_government_has_until_31_march_and_the_kind_can_be_set() {
        assert!(deadline(&report("某区人民政府", "date: 2024-03-31\n")).is_empty());
        assert_eq!(deadline(&report("某区人民政府", "date: 2024-04-01\n")).len(), 1);
        // A body whose name does not say it: set its kind.
        let set = report(
            "某某新区管理委员会",
            "issuer_kind: government\ndate: 2024-03-01\n",
        );
        assert!(deadline(&set).is_empty());
        assert_eq!(
            deadline(&report("某某新区管理委员会", "date: 2024-03-01\n")).len(),
            1
        );
    }

    #[test]
    fn the_signature_date_counts_and_an_undated_report_is_not_checked() {
        let dept = "某区市场监督管理局";
        assert!(deadline(&report(dept, "date: 2024-01-20\n")).is_empty());
        let signed = deadline(&report(
            dept,
            "date: 2024-01-20\nsignature:\n  date: 2024-02-10\n",
        ));
        assert_eq!(signed.iter().map(|x| x.0).collect::<Vec<_>>(), [Some(5)]);
        assert!(deadline(&report(dept, "")).is_empty());
    }
}
