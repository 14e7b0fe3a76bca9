//! The one place that turns errors into messages for a person: `error: file:line:col: …`,
//! followed by the source line and a caret where the error has a place.

use crate::error::{Error, SourcePos};
use std::fmt::Write;
use std::path::Path;

/// The full message for an error, ready for stderr.
pub fn render(err: &Error) -> String {
    let mut out = String::new();
    match err {
        Error::Yaml { path, pos, message } => {
            // serde-saphyr's text is `error: line L column C: what` and then the snippet with
            // a caret; keep one `error:` line in our form, then its snippet as it is.
            let mut lines = message.lines();
            let first = lines.next().unwrap_or_default();
            let what = first
                .strip_prefix("error: line ")
                .and_then(|rest| rest.split_once(": ").map(|(_, what)| what))
                .unwrap_or(first);
            let _ = write!(out, "error: {}{what}", located(path, *pos));
            for line in lines {
                let _ = write!(out, "\n{line}");
            }
        }
        Error::NotUtf8 { path, pos } => {
            let _ = writeln!(
                out,
                "error: {}the file is not UTF-8 text",
                located(path, Some(*pos))
            );
            let _ = write!(
                out,
                "  = help: save it as UTF-8 (in Notepad: Save As → Encoding: UTF-8)"
            );
        }
        Error::Typst { template, messages } => {
            let _ = write!(
                out,
                "error: the template {} failed to compile",
                template.display()
            );
            for m in messages {
                let place = match (&m.file, m.pos) {
                    (Some(f), Some(p)) => format!("{f}:{}:{}: ", p.line, p.column),
                    (Some(f), None) => format!("{f}: "),
                    _ => String::new(),
                };
                let _ = write!(out, "\n  {place}{}", m.message);
                for h in &m.hints {
                    let _ = write!(out, "\n    = hint: {h}");
                }
            }
        }
        other => {
            let _ = write!(out, "error: {other}");
        }
    }
    out
}

/// A warning line, in the same form as errors.
pub fn warning(text: &str) -> String {
    format!("warning: {text}")
}

fn located(path: &Path, pos: Option<SourcePos>) -> String {
    match pos {
        Some(p) => format!("{}:{}:{}: ", path.display(), p.line, p.column),
        None => format!("{}: ", path.display()),
    }
}
