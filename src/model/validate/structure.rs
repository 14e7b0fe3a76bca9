//! S-EMPTY and S-CONTROL: text that is missing, or holds characters that do not print.

use super::Context;
use crate::diag::{Diagnostic, Severity};
use crate::error::SourcePos;

/// S-EMPTY: every heading, paragraph and title line has text; a report has parts.
pub fn s_empty(cx: &mut Context) {
    for i in 0..cx.texts.len() {
        let text = &cx.texts[i];
        if text.text.trim().is_empty() {
            let text = text.clone();
            cx.at_char(Severity::Error, "S-EMPTY", &text, 0, "this text is empty".into())
                .help = Some("write the text, or remove the entry".into());
        }
    }
    if cx.report.format == crate::model::Format::FreeForm {
        for part in &cx.report.parts {
            if part.heading.is_none() {
                let d = Diagnostic::new(
                    Severity::Error,
                    "S-EMPTY",
                    cx.path,
                    None,
                    "a part has no `heading`".into(),
                )
                .with_help("give every part a `heading:`");
                cx.push(d);
            }
        }
    }
    if cx.report.parts.is_empty() {
        let pos = key_position(cx.source, "parts");
        let d = Diagnostic::new(
            Severity::Error,
            "S-EMPTY",
            cx.path,
            pos,
            "the report has no parts".into(),
        )
        .with_help("add the parts 一、二、… under `parts:`, each with a `heading:`");
        cx.push(d);
    }
    if cx.report.issuer.value.trim().is_empty() {
        let at = cx.report.issuer.referenced;
        let d = Diagnostic::new(
            Severity::Error,
            "S-EMPTY",
            cx.path,
            Some(SourcePos {
                line: at.line(),
                column: at.column(),
            }),
            "the issuer is empty".into(),
        )
        .with_help("name the body that publishes the report, e.g. 重庆市人民政府办公厅");
        cx.push(d);
    }
}

/// S-CONTROL: control characters, bidirectional overrides and invisible characters, which
/// print as nothing or reorder text, have no place in a report.
pub fn s_control(cx: &mut Context) {
    for i in 0..cx.texts.len() {
        let text = cx.texts[i].clone();
        if let Some((index, c)) = text.text.chars().enumerate().find(|(_, c)| is_invisible(*c)) {
            let what = if c == '\n' {
                "a line break"
            } else {
                "an invisible or control character"
            };
            cx.at_char(
                Severity::Error,
                "S-CONTROL",
                &text,
                index,
                format!("{what} (U+{:04X}) inside the text", c as u32),
            )
            .help = Some(if c == '\n' {
                "a paragraph is one line: join the lines, or make two paragraphs".into()
            } else {
                "delete it (it was probably pasted in with the text)".into()
            });
        }
    }
}

/// Characters that print as nothing or reorder the text around them.
pub fn is_invisible(c: char) -> bool {
    (c.is_control() && c != '\t')
        || matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
}

/// Where a top-level key is written, if it is.
fn key_position(source: &str, key: &str) -> Option<SourcePos> {
    source
        .lines()
        .position(|l| l.strip_prefix(key).is_some_and(|r| r.starts_with(':')))
        .map(|i| SourcePos {
            line: i as u64 + 1,
            column: 1,
        })
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;

    #[test]
    fn empty_text_and_missing_parts_are_errors() {
        let f = findings("issuer: 某局\nyear: 2023\nparts: []\n");
        assert_eq!(
            f.iter().map(|x| (x.0, x.1)).collect::<Vec<_>>(),
            [("S-EMPTY", Some(3))]
        );
        let f = findings(&with_paragraph("\"  \""));
        assert_eq!(
            f.iter().map(|x| (x.0, x.1)).collect::<Vec<_>>(),
            [("S-EMPTY", Some(6))]
        );
    }

    #[test]
    fn bidi_overrides_are_errors_at_their_column() {
        let f = findings(&with_paragraph("正文\u{202E}反向"));
        assert_eq!(
            f.iter().map(|x| (x.0, x.1, x.2)).collect::<Vec<_>>(),
            [("S-CONTROL", Some(6), Some(11))]
        );
    }
}
