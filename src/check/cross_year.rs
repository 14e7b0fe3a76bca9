//! S-COPY: paragraphs copied from the issuer's report of the year before (「内容雷同」). The
//! shapes' own rules between years (X-CARRY, X-INFORCE) are in `formats`.

use super::Input;
use crate::compose::Composed;
use crate::diag::{Findings, Severity};
use crate::formats::Report;

/// Paragraphs shorter than this are formulas every report repeats (「如下表。」).
const COPY_MIN_CHARS: usize = 30;
/// Similarity from which a paragraph counts as copied.
const COPY_SIMILARITY: f64 = 0.9;

/// S-COPY: a paragraph at least 90% the same as one of last year's report.
pub fn s_copy(input: &Input, previous: &Report, last: &Composed, f: &mut Findings) {
    let last: Vec<&str> = last
        .sources
        .iter()
        .map(|t| t.text.as_str())
        .filter(|t| t.chars().count() >= COPY_MIN_CHARS)
        .collect();
    // The preamble states the legal basis in the same words every year, as it should.
    let preamble: Vec<_> = input
        .report
        .preamble
        .iter()
        .map(|b| b.referenced.span().offset())
        .collect();
    for text in input.texts {
        if text.text.chars().count() < COPY_MIN_CHARS || preamble.contains(&text.at.span().offset()) {
            continue;
        }
        let best = last
            .iter()
            .map(|l| strsim::normalized_levenshtein(&text.text, l))
            .fold(0.0, f64::max);
        if best >= COPY_SIMILARITY {
            f.at_char(
                Severity::Warning,
                "S-COPY",
                text,
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
