//! Findings and the one place that turns problems into messages for a person or a script:
//! located diagnostics (`error[RULE]: file:line:col: what`, the source line with a caret,
//! how to fix it), in colour on a terminal, plain otherwise, or one JSON object per line.

mod place;

use crate::document::SourcedText;
use crate::error::{Error, SourcePos};
use crate::text::printable;
use serde::Serialize;
use serde_saphyr::Location;
use std::fmt::Write;
use std::path::{Path, PathBuf};
use unicode_width::UnicodeWidthChar;

/// A rule as the registry lists it: its id and how severe its findings are; what it catches
/// is `rule-ID` in the catalog ([`RuleInfo::catches`]).
#[derive(Debug, Clone, Copy)]
pub struct RuleInfo {
    pub id: &'static str,
    pub severity: RuleSeverity,
}

/// How severe a rule's findings are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RuleSeverity {
    /// The loader's: the file is not read as a report at all (exit status 2).
    Stops,
    Error,
    Warning,
    /// Errors for some of what it catches, warnings for the rest.
    Both,
}

impl RuleInfo {
    pub const fn new(id: &'static str, severity: RuleSeverity) -> RuleInfo {
        RuleInfo { id, severity }
    }

    /// What the rule catches, in the run's language.
    pub fn catches(&self) -> String {
        crate::i18n::text(&format!("rule-{}", self.id), &[])
    }

    /// How severe its findings are, in the run's language.
    pub fn severity_text(&self) -> String {
        match self.severity {
            RuleSeverity::Stops => crate::tr!("rule-severity-stops"),
            RuleSeverity::Error => crate::tr!("rule-severity-error"),
            RuleSeverity::Warning => crate::tr!("rule-severity-warning"),
            RuleSeverity::Both => crate::tr!("rule-severity-both"),
        }
    }
}

/// The findings about one file, as the rules add them; each placed in the file's text.
pub struct Findings<'a> {
    path: &'a Path,
    source: &'a str,
    list: Vec<Diagnostic>,
}

impl<'a> Findings<'a> {
    pub fn new(path: &'a Path, source: &'a str) -> Findings<'a> {
        Findings {
            path,
            source,
            list: Vec::new(),
        }
    }

    /// A finding at a place in the YAML (a value's start), or about the whole file.
    pub fn add(
        &mut self,
        severity: Severity,
        rule: &'static str,
        at: Option<&Location>,
        message: String,
    ) -> &mut Diagnostic {
        let pos = at.map(|at| SourcePos {
            line: at.line(),
            column: at.column(),
        });
        self.push(Diagnostic::new(severity, rule, self.path, pos, message))
    }

    /// A finding at a place the rule worked out itself.
    pub fn add_at(
        &mut self,
        severity: Severity,
        rule: &'static str,
        pos: Option<SourcePos>,
        message: String,
    ) -> &mut Diagnostic {
        self.push(Diagnostic::new(severity, rule, self.path, pos, message))
    }

    /// A finding at character `index` of a piece of the report's text.
    pub fn at_char(
        &mut self,
        severity: Severity,
        rule: &'static str,
        text: &SourcedText,
        index: usize,
        message: String,
    ) -> &mut Diagnostic {
        // A printed text points at the written one: a cited value at its `{`.
        let pos = match &text.cited {
            Some(c) => {
                let written = c.index.get(index).or(c.index.last()).copied().unwrap_or(0);
                place::position(self.source, &text.at, &c.written, written)
            }
            None => place::position(self.source, &text.at, &text.text, index),
        };
        self.push(Diagnostic::new(severity, rule, self.path, Some(pos), message))
    }

    fn push(&mut self, d: Diagnostic) -> &mut Diagnostic {
        self.list.push(d);
        self.list
            .last_mut()
            .unwrap_or_else(|| unreachable!("just pushed"))
    }

    /// The findings in the order of the file.
    pub fn into_sorted(self) -> Vec<Diagnostic> {
        let mut list = self.list;
        list.sort_by_key(|d| (d.line, d.column));
        list
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Warning,
    Error,
}

/// One finding about one place in one file.
#[derive(Debug, Clone, Serialize)]
pub struct Diagnostic {
    pub file: PathBuf,
    pub line: Option<u64>,
    pub column: Option<u64>,
    pub severity: Severity,
    /// The rule id (D-DOCNO, S-NUMBERING …, or the loader's Y-UNKNOWN-KEY …): see docs/domain.md.
    pub rule: &'static str,
    pub message: String,
    /// How to fix it, when we can say.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
}

impl Diagnostic {
    pub fn new(
        severity: Severity,
        rule: &'static str,
        file: &Path,
        pos: Option<SourcePos>,
        message: String,
    ) -> Self {
        Diagnostic {
            file: file.to_owned(),
            line: pos.map(|p| p.line),
            column: pos.map(|p| p.column),
            severity,
            rule,
            message,
            help: None,
        }
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// How diagnostics are printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    Plain,
    Color,
}

impl Style {
    /// Colour when stderr is a terminal and NO_COLOR is not set.
    pub fn for_stderr() -> Style {
        use std::io::IsTerminal;
        if std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none() {
            Style::Color
        } else {
            Style::Plain
        }
    }

    fn paint(self, code: &str, text: &str) -> String {
        match self {
            Style::Plain => text.to_owned(),
            Style::Color => format!("\x1b[{code}m{text}\x1b[0m"),
        }
    }
}

/// The text form: headline, source line with a caret, help.
pub fn text(d: &Diagnostic, source: Option<&str>, style: Style) -> String {
    let (word, code) = match d.severity {
        Severity::Error => (crate::tr!("diag-error"), "1;31"),
        Severity::Warning => (crate::tr!("diag-warning"), "1;33"),
    };
    let mut out = style.paint(code, &format!("{word}[{}]", d.rule));
    // Our colour codes are the only control characters that may reach the terminal.
    let file = d.file.display().to_string();
    let file = printable(&file);
    let place = match (d.line, d.column) {
        (Some(l), Some(c)) => format!("{file}:{l}:{c}"),
        (Some(l), None) => format!("{file}:{l}"),
        _ => file.into_owned(),
    };
    let _ = write!(out, ": {place}: {}", style.paint("1", &printable(&d.message)));
    let gutter = d.line.map(|l| l.to_string()).unwrap_or_default();
    let pad = " ".repeat(gutter.len().max(1));
    if let (Some(source), Some(line), Some(column)) = (source, d.line, d.column)
        && let Some(text) = source.lines().nth(line.saturating_sub(1) as usize)
    {
        let (shown, caret_at) = window(text, column.saturating_sub(1) as usize);
        let _ = write!(
            out,
            "\n{pad} |\n{gutter} | {shown}\n{pad} | {}{}",
            " ".repeat(caret_at),
            style.paint(code, "^")
        );
    }
    if let Some(help) = &d.help {
        let _ = write!(
            out,
            "\n{pad} = {}{}",
            crate::i18n::label("diag-help"),
            printable(help)
        );
    }
    out
}

/// The JSON form: one object per diagnostic, on one line.
pub fn json(d: &Diagnostic) -> String {
    serde_json::to_string(d).unwrap_or_default()
}

/// At most ~60 columns of a long source line around `column` (in characters), and the
/// display column of the caret within what is shown. Report paragraphs are single lines of
/// hundreds of characters; the reader needs the neighbourhood, not the whole line.
fn window(line: &str, column: usize) -> (String, usize) {
    const BEFORE: usize = 24;
    const AFTER: usize = 24;
    let chars: Vec<char> = line.chars().collect();
    let column = column.min(chars.len());
    let start = column.saturating_sub(BEFORE);
    let end = (column + AFTER).min(chars.len());
    let mut shown = String::new();
    if start > 0 {
        shown.push('…');
    }
    let mut caret = usize::from(start > 0);
    for (i, &c) in chars[start..end].iter().enumerate() {
        if start + i < column {
            caret += c.width().unwrap_or(0);
        }
        // A tab would move the caret out of line; a control or bidi character would garble
        // the terminal (U+202E reverses what follows): show them as one visible mark.
        shown.push(match c {
            '\t' => ' ',
            c if c.is_control() || crate::text::is_invisible(c) => '\u{FFFD}',
            c => c,
        });
    }
    if end < chars.len() {
        shown.push('…');
    }
    (shown, caret)
}

/// "error: ", coloured like a finding's, for a message that is not a finding.
pub fn error_word(style: Style) -> String {
    let word = crate::tr!("diag-error-prefix");
    let trimmed = word.trim_end().trim_end_matches([':', '：']);
    format!("{}{}", style.paint("1;31", trimmed), &word[trimmed.len()..])
}

/// The message for an error that stops a file or a run before any rule runs.
pub fn error_text(err: &Error) -> String {
    let mut out = String::new();
    match err {
        Error::Typst { messages, .. } => {
            let _ = write!(out, "{}{err}", crate::tr!("diag-error-prefix"));
            for m in messages {
                let place = match (&m.file, m.pos) {
                    (Some(f), Some(p)) => format!("{f}:{}:{}: ", p.line, p.column),
                    (Some(f), None) => format!("{f}: "),
                    _ => String::new(),
                };
                let _ = write!(out, "\n  {place}{}", m.message);
                for h in &m.hints {
                    let _ = write!(out, "\n    = {}{h}", crate::i18n::label("diag-hint"));
                }
            }
        }
        other => {
            let _ = write!(out, "{}{other}", crate::tr!("diag-error-prefix"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_diagnostic_shows_its_line_with_a_caret_under_the_column() {
        let d = Diagnostic::new(
            Severity::Error,
            "D-DOCNO",
            Path::new("r.yaml"),
            Some(SourcePos { line: 2, column: 7 }),
            "bad".into(),
        )
        .with_help("write 〔〕");
        let text = text(&d, Some("a: 1\nb: 渝府发[2014]32号\n"), Style::Plain);
        assert_eq!(
            text,
            "error[D-DOCNO]: r.yaml:2:7: bad\n  |\n2 | b: 渝府发[2014]32号\n  |          ^\n  = help: write 〔〕"
        );
    }

    #[test]
    fn long_lines_are_cut_around_the_column() {
        let line = "甲".repeat(100) + "乙" + &"丙".repeat(100);
        let (shown, caret) = window(&line, 100);
        assert!(shown.starts_with('…') && shown.ends_with('…'));
        assert_eq!(shown.chars().nth(1 + 24), Some('乙'));
        assert_eq!(caret, 1 + 24 * 2);
    }

    #[test]
    fn json_has_the_fields_scripts_read() {
        let d = Diagnostic::new(
            Severity::Warning,
            "P-PUNCT",
            Path::new("r.yaml"),
            None,
            "m".into(),
        );
        let v: serde_json::Value = serde_json::from_str(&json(&d)).unwrap();
        assert_eq!(v["severity"], "warning");
        assert_eq!(v["rule"], "P-PUNCT");
        assert_eq!(v["file"], "r.yaml");
        assert!(v["line"].is_null());
    }
}
