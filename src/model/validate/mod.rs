//! The rules a reviewer checks (DOMAIN.md, "Rules a reviewer checks"), run on a loaded report
//! before anything is rendered. One function per rule id; each reports at the line and
//! column of what it found.

mod docno;
mod glyphs;
mod numbering;
mod numbers;
mod place;
mod previous;
mod punctuation;
mod structure;
mod tables;
mod year;

use crate::diag::{Diagnostic, Severity};
use crate::document::{SourcedText, compose_with_sources};
use crate::fonts::{FontSet, RoleFonts};
use crate::model::Report;
use std::collections::BTreeMap;
use std::path::Path;

pub use structure::is_invisible;

/// What the rules look at, and where their findings go.
pub struct Context<'a> {
    pub path: &'a Path,
    pub source: &'a str,
    pub report: &'a Report,
    /// Every piece of user text with its font role and place, in reading order.
    pub texts: &'a [SourcedText],
    findings: Vec<Diagnostic>,
}

impl Context<'_> {
    /// Reports a finding at character `index` of `text`.
    fn at_char(
        &mut self,
        severity: Severity,
        rule: &'static str,
        text: &SourcedText,
        index: usize,
        message: String,
    ) -> &mut Diagnostic {
        let pos = place::position(self.source, &text.at, &text.text, index);
        self.push(Diagnostic::new(severity, rule, self.path, Some(pos), message))
    }

    fn push(&mut self, d: Diagnostic) -> &mut Diagnostic {
        self.findings.push(d);
        self.findings
            .last_mut()
            .unwrap_or_else(|| unreachable!("just pushed"))
    }
}

/// Runs every rule on a report. `fonts` (per role, the families it is set in) enables the
/// glyph-coverage check; `previous` (the issuer's report of the year before) the rules
/// between years.
pub fn validate(
    path: &Path,
    source: &str,
    report: &Report,
    fonts: Option<(&FontSet, &BTreeMap<String, RoleFonts>)>,
    previous: Option<&Report>,
) -> Vec<Diagnostic> {
    let (_, texts) = compose_with_sources(report);
    let mut cx = Context {
        path,
        source,
        report,
        texts: &texts,
        findings: Vec::new(),
    };
    structure::s_empty(&mut cx);
    structure::s_control(&mut cx);
    year::d_year(&mut cx);
    docno::d_docno(&mut cx);
    numbering::s_numbering(&mut cx);
    numbers::p_numbers(&mut cx);
    punctuation::p_punct(&mut cx);
    tables::s_parts(&mut cx);
    tables::t3_rowsum(&mut cx);
    tables::t3_results(&mut cx);
    tables::t3_identity(&mut cx);
    tables::t4_group(&mut cx);
    tables::p_numbers_tables(&mut cx);
    if let Some(previous) = previous {
        previous::x_carry(&mut cx, previous);
        previous::x_inforce(&mut cx, previous);
        previous::s_copy(&mut cx, previous);
    }
    if let Some((coverage, roles)) = fonts {
        glyphs::f_glyph(&mut cx, coverage, roles);
    }
    let mut findings = cx.findings;
    findings.sort_by_key(|d| (d.line, d.column));
    findings
}

/// A regular expression of this module's rules (constant patterns, compiled once).
fn pattern(re: &str) -> regex::Regex {
    regex::Regex::new(re).unwrap_or_else(|e| unreachable!("invalid rule pattern {re}: {e}"))
}

#[cfg(test)]
pub(crate) mod testing {
    //! Helpers for the rules' unit tests.
    use super::*;
    use crate::model::load::parse;

    /// The findings for a YAML text, as (rule, line, column).
    pub fn findings(yaml: &str) -> Vec<(&'static str, Option<u64>, Option<u64>, String)> {
        let report = parse(Path::new("t.yaml"), yaml).expect("test YAML parses");
        validate(Path::new("t.yaml"), yaml, &report, None, None)
            .into_iter()
            .map(|d| (d.rule, d.line, d.column, d.message))
            .collect()
    }

    /// A minimal report with one paragraph of `text` on line 6.
    pub fn with_paragraph(text: &str) -> String {
        format!(
            "issuer: 某区人民政府\nyear: 2023\nparts:\n  - heading: 总体情况\n    body:\n      - {text}\n"
        )
    }
}
