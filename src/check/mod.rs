//! The rules a reviewer checks (docs/domain.md, "Rules a reviewer checks"), run on a
//! composed report before anything is rendered: the rules of every report here, one
//! function per rule id, and the rules of the report's shape from `formats`. Each finding is
//! placed at the line and column of what it found.

mod cite;
mod cross_year;
mod deadline;
mod docno;
mod glyphs;
mod heading_numbers;
mod placeholder;
mod punctuation;
mod rates;
mod structure;
mod subitems;
mod tokens;
mod year;

use crate::compose::Composed;
use crate::diag::RuleSeverity;
use crate::diag::{Diagnostic, Findings, RuleInfo};
use crate::document::SourcedText;
use crate::fonts::RoleFontSet;
use crate::formats::{self, Report};
use std::path::Path;

/// What the rules look at.
pub struct Input<'a> {
    pub path: &'a Path,
    pub source: &'a str,
    pub report: &'a Report,
    /// Every piece of user text with its font role and place, in reading order.
    pub texts: &'a [SourcedText],
    /// The same texts as printed, citations replaced by their values (for the rules on
    /// the numbers a reader sees).
    pub printed: &'a [SourcedText],
    /// The table values the text may cite (`compose` resolved the citations with them).
    pub citable: &'a [crate::model::cite::Citable],
    /// The fonts of each role, for the glyph check (F-GLYPH, F-FALLBACK).
    pub fonts: Option<RoleFontSet<'a>>,
    /// The issuer's report of the year before, composed, for the rules between years.
    pub previous: Option<(&'a Report, &'a Composed)>,
    /// The template's layout (how wide a line is, for P-TOKEN).
    pub layout: &'a crate::layout::Layout,
}

/// The rules of every report, whatever its shape.
pub const RULES: &[RuleInfo] = &[
    RuleInfo::new("S-EMPTY", RuleSeverity::Error),
    RuleInfo::new("S-CONTROL", RuleSeverity::Error),
    RuleInfo::new("S-DEPTH", RuleSeverity::Error),
    RuleInfo::new("S-PLACEHOLDER", RuleSeverity::Error),
    RuleInfo::new("S-CITE", RuleSeverity::Error),
    RuleInfo::new("S-NUMBERING", RuleSeverity::Both),
    RuleInfo::new("D-YEAR", RuleSeverity::Error),
    RuleInfo::new("D-DEADLINE", RuleSeverity::Warning),
    RuleInfo::new("D-DOCNO", RuleSeverity::Both),
    RuleInfo::new("P-NUMBERS", RuleSeverity::Warning),
    RuleInfo::new("P-SUBITEMS", RuleSeverity::Warning),
    RuleInfo::new("P-TOKEN", RuleSeverity::Warning),
    RuleInfo::new("P-PUNCT", RuleSeverity::Warning),
    RuleInfo::new("S-COPY", RuleSeverity::Warning),
    RuleInfo::new("F-FALLBACK", RuleSeverity::Warning),
    RuleInfo::new("F-GLYPH", RuleSeverity::Error),
];

/// Every rule there is: the loader's, those of every report and those of each shape. The
/// help of `report check` and the README's tables are checked against this list.
pub fn registry() -> Vec<&'static RuleInfo> {
    let mut all: Vec<&RuleInfo> = crate::load::RULES.iter().chain(RULES).collect();
    for rule in formats::rules() {
        if !all.iter().any(|r| r.id == rule.id) {
            all.push(rule);
        }
    }
    all
}

/// Runs every rule on a composed report; the findings in the order of the file.
pub fn run(input: &Input) -> Vec<Diagnostic> {
    let mut f = Findings::new(input.path, input.source);
    structure::s_empty(input, &mut f);
    structure::s_control(input, &mut f);
    structure::s_depth(input, &mut f);
    tokens::p_token(input, &mut f);
    year::d_year(input, &mut f);
    deadline::d_deadline(input, &mut f);
    placeholder::s_placeholder(input, &mut f);
    cite::s_cite(input, &mut f);
    docno::d_docno(input, &mut f);
    heading_numbers::s_numbering(input, &mut f);
    rates::p_numbers(input, &mut f);
    subitems::p_subitems(input, &mut f);
    punctuation::p_punct(input, &mut f);
    formats::check(
        input.report,
        input.previous.map(|(r, _)| r),
        input.printed,
        &mut f,
    );
    if let Some((previous, composed)) = input.previous {
        cross_year::s_copy(input, previous, composed, &mut f);
    }
    if let Some(fonts) = input.fonts {
        glyphs::f_glyph(input, fonts, &mut f);
    }
    f.into_sorted()
}

/// A regular expression of this module's rules (constant patterns, compiled once).
fn pattern(re: &str) -> regex::Regex {
    regex::Regex::new(re).unwrap_or_else(|e| unreachable!("invalid rule pattern {re}: {e}"))
}

#[cfg(test)]
pub(crate) mod testing {
    //! Helpers for the rules' unit tests.
    use super::*;
    use crate::compose::compose;
    use crate::load::parse;
    use crate::template::Template;

    /// The findings for a YAML text, as (rule, line, column, message).
    pub fn findings(yaml: &str) -> Vec<(&'static str, Option<u64>, Option<u64>, String)> {
        let path = Path::new("t.yaml");
        let report = parse(path, yaml).expect("test YAML parses");
        let layout = Template::builtin().expect("template").layout;
        let composed = compose(&report, &layout);
        let input = Input {
            path,
            source: yaml,
            report: &report,
            texts: &composed.sources,
            printed: &composed.printed,
            citable: &composed.citable,
            fonts: None,
            previous: None,
            layout: &layout,
        };
        run(&input)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rule_id_is_listed_once() {
        let ids: Vec<&str> = registry().iter().map(|r| r.id).collect();
        let mut unique = ids.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(ids.len(), unique.len(), "{ids:?}");
        assert!(ids.contains(&"T3-ROWSUM") && ids.contains(&"Y-SYNTAX") && ids.contains(&"F-GLYPH"));
    }

    #[test]
    fn the_chinese_findings_hold_no_english_words() {
        // What a finding may show in Latin letters: YAML written as code (`…`), flags, the
        // examples folder, font names such as GB2312 (placeables are report text or numbers).
        let catalog = include_str!("../../locales/zh-CN/check.ftl");
        let code = pattern(r"`[^`]*`|\{[^{}]*\}|\{ \$[a-z_]+ ->|\[[a-z-]+\]|--[a-z-]+|reports/|U\+|GB2312");
        let word = pattern(r"[A-Za-z]{2,}");
        let mut english = Vec::new();
        let mut messages = 0;
        for line in catalog.lines() {
            if line.trim_start().starts_with('#') || line.trim().is_empty() {
                continue;
            }
            // A message's text after its id, or a select's variant.
            let text = match line.split_once(" = ") {
                Some((id, text)) if id.starts_with("check-") => {
                    messages += 1;
                    text
                }
                _ => line,
            };
            let rest = code.replace_all(text, "");
            if let Some(w) = word.find(&rest) {
                english.push(format!("{}: {line}", w.as_str()));
            }
        }
        assert!(messages > 100, "only {messages} messages read");
        assert!(
            english.is_empty(),
            "English in the Chinese findings:\n{}",
            english.join("\n")
        );
    }
}
