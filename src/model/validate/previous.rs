//! The rules between two years of one issuer: X-CARRY (this year's 上年结转 is last year's
//! 结转下年度), X-INFORCE (现行有效 ≈ last year's + 制发 − 废止) and S-COPY (paragraphs copied
//! from last year's report, 「内容雷同」).

use super::Context;
use crate::diag::{Diagnostic, Severity};
use crate::document::compose_with_sources;
use crate::error::SourcePos;
use crate::model::Report;
use crate::model::standard2021::DocumentCounts;

/// Paragraphs shorter than this are formulas every report repeats (「如下表。」).
const COPY_MIN_CHARS: usize = 30;
/// Similarity from which a paragraph counts as copied.
const COPY_SIMILARITY: f64 = 0.9;

/// X-CARRY: per applicant column, 上年结转 equals last year's 结转下年度继续办理.
pub fn x_carry(cx: &mut Context, previous: &Report) {
    let (Some(this), Some(last)) = (&cx.report.tables, &previous.tables) else {
        return;
    };
    let (now, before) = (
        this.applications.carried_over.columns(),
        last.applications.carried_forward.columns(),
    );
    if now != before {
        let at = this.applications.carried_over.0.referenced;
        let d = Diagnostic::new(
            Severity::Error,
            "X-CARRY",
            cx.path,
            Some(SourcePos {
                line: at.line(),
                column: at.column(),
            }),
            format!(
                "上年结转 is {now:?}, but the {} report carried {before:?} forward",
                previous.year.value
            ),
        )
        .with_help("this year's 二、上年结转 is last year's 四、结转下年度继续办理, column by column");
        cx.push(d);
    }
}

/// X-INFORCE: 现行有效 is last year's 现行有效 + 本年制发 − 本年废止 (real data can break it
/// legitimately, so a warning).
pub fn x_inforce(cx: &mut Context, previous: &Report) {
    let (Some(this), Some(last)) = (cx.report.tables.clone(), &previous.tables) else {
        return;
    };
    let pairs: [(&str, &DocumentCounts, &DocumentCounts); 2] = [
        ("规章", &this.active.rules, &last.active.rules),
        (
            "行政规范性文件",
            &this.active.normative_documents,
            &last.active.normative_documents,
        ),
    ];
    for (name, now, before) in pairs {
        let expected = (before.in_force.value + now.issued.value).saturating_sub(now.repealed.value);
        if now.in_force.value != expected {
            let at = now.in_force.referenced;
            let d = Diagnostic::new(
                Severity::Warning,
                "X-INFORCE",
                cx.path,
                Some(SourcePos {
                    line: at.line(),
                    column: at.column(),
                }),
                format!(
                    "{name}: 现行有效 {} ≠ last year's {} + 制发 {} − 废止 {} = {expected}",
                    now.in_force.value, before.in_force.value, now.issued.value, now.repealed.value
                ),
            )
            .with_help("check the counts; a clean-up of documents can explain a difference");
            cx.push(d);
        }
    }
}

/// S-COPY: a paragraph at least 90% the same as one of last year's report.
pub fn s_copy(cx: &mut Context, previous: &Report) {
    let (_, last_texts) = compose_with_sources(previous);
    let last: Vec<&str> = last_texts
        .iter()
        .map(|t| t.text.as_str())
        .filter(|t| t.chars().count() >= COPY_MIN_CHARS)
        .collect();
    // The preamble states the legal basis in the same words every year, as it should.
    let preamble: Vec<_> = cx
        .report
        .preamble
        .iter()
        .map(|b| b.referenced.span().offset())
        .collect();
    for i in 0..cx.texts.len() {
        let text = cx.texts[i].clone();
        if text.text.chars().count() < COPY_MIN_CHARS || preamble.contains(&text.at.span().offset()) {
            continue;
        }
        let best = last
            .iter()
            .map(|l| strsim::normalized_levenshtein(&text.text, l))
            .fold(0.0, f64::max);
        if best >= COPY_SIMILARITY {
            cx.at_char(
                Severity::Warning,
                "S-COPY",
                &text,
                0,
                format!(
                    "this paragraph is {:.0}% the same as one of the {} report",
                    best * 100.0,
                    previous.year.value
                ),
            )
            .help = Some(
                "reviewers flag text copied from last year (内容雷同): say what changed this year".into(),
            );
        }
    }
}
