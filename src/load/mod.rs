//! YAML → [`Report`]: reads a report file and parses it, with every error placed at its
//! file, line and column.

pub mod limits;
pub mod year_index;

use crate::diag::RuleInfo;
use crate::diag::RuleSeverity;
use crate::error::{Error, SourcePos};
use crate::files::ReadError;
use crate::formats::Report;
use std::path::Path;

/// The loader's rules: a file that is not a report stops here, before any other rule.
pub const RULES: &[RuleInfo] = &[
    RuleInfo::new("Y-SYNTAX", RuleSeverity::Stops),
    RuleInfo::new("Y-TYPE", RuleSeverity::Stops),
    RuleInfo::new("Y-MISSING", RuleSeverity::Stops),
    RuleInfo::new("Y-DUPLICATE-KEY", RuleSeverity::Stops),
    RuleInfo::new("Y-UNKNOWN-KEY", RuleSeverity::Stops),
    RuleInfo::new("Y-ENCODING", RuleSeverity::Stops),
    RuleInfo::new("Y-TABLE", RuleSeverity::Stops),
    RuleInfo::new("Y-LIMIT", RuleSeverity::Stops),
];

/// A report and the text it was read from (kept for messages that quote the source).
#[derive(Debug)]
pub struct Loaded {
    pub report: Report,
    pub source: String,
}

/// The largest report file read. The longest real reports are some hundred kilobytes; a
/// file many times that is a mistake, and typesetting it would take minutes.
pub const MAX_REPORT_BYTES: u64 = 4 << 20;

/// The most YAML nodes (scalars, lists, mappings, aliases expanded) a report may have.
pub const MAX_NODES: usize = 50_000;
/// The deepest nesting a report may have.
pub const MAX_DEPTH: usize = 100;

/// Reads and parses one report file.
pub fn load_file(path: &Path) -> Result<Loaded, Error> {
    let source = read_source(path)?;
    let report = parse(path, &source)?;
    Ok(Loaded { report, source })
}

/// Whether a file is named as a report: `*.yaml` or `*.yml`.
pub fn is_report_file(path: &Path) -> bool {
    path.extension().is_some_and(|e| e == "yaml" || e == "yml")
}

/// The text of a report file: UTF-8, without a byte-order mark. Only a regular file is
/// read, and no more than [`MAX_REPORT_BYTES`] of it.
pub fn read_source(path: &Path) -> Result<String, Error> {
    let bytes = crate::files::read_limited(path, MAX_REPORT_BYTES).map_err(|e| match e {
        ReadError::Io(source) => Error::Read {
            path: path.to_owned(),
            source,
        },
        ReadError::TooLarge { limit } => Error::Yaml {
            path: path.to_owned(),
            pos: None,
            rule: "Y-LIMIT",
            message: format!(
                "the file is larger than {} MB, the most a report may be",
                limit >> 20
            ),
            help: Some("is this the right file? A long annual report is well under 1 MB".into()),
        },
    })?;
    decode(path, bytes)
}

/// Parses report YAML; `path` only names the file in messages.
pub fn parse(path: &Path, source: &str) -> Result<Report, Error> {
    // A long report has a few thousand YAML nodes, nested some eight deep; far tighter limits
    // than serde-saphyr's defaults stop an alias bomb sooner and with less memory.
    let options = serde_saphyr::options! {
        budget: serde_saphyr::budget! { max_nodes: MAX_NODES, max_depth: MAX_DEPTH },
    };
    let report: Report =
        crate::formats::parse(source, options).map_err(|err| yaml_error(path, source, &err))?;
    limits::check(path, &report)?;
    Ok(report)
}

/// A loader error with its rule id and, where we can tell, how to fix it.
fn yaml_error(path: &Path, source: &str, err: &serde_saphyr::Error) -> Error {
    use serde_saphyr::Error as E;
    let inner = err.without_snippet();
    let (rule, help) = match inner {
        E::SerdeUnknownField { field, expected, .. } => ("Y-UNKNOWN-KEY", Some(suggest_key(field, expected))),
        E::SerdeMissingField { field, .. } => ("Y-MISSING", Some(format!("add `{field}:` here"))),
        E::DuplicateMappingKey { .. } => (
            "Y-DUPLICATE-KEY",
            Some("a key may appear once in a mapping: merge the two or remove one".into()),
        ),
        E::Budget { .. }
        | E::AliasReplayCounterOverflow { .. }
        | E::AliasReplayLimitExceeded { .. }
        | E::AliasExpansionLimitExceeded { .. }
        | E::AliasReplayStackDepthExceeded { .. } => (
            "Y-LIMIT",
            Some(
                "the file is too large or nests too deeply for a report; remove repeated anchors (*x)".into(),
            ),
        ),
        E::SerdeInvalidType { .. }
        | E::SerdeInvalidValue { .. }
        | E::InvalidScalar { .. }
        | E::SerdeInvalidLength { .. }
        | E::SerdeUnknownVariant { .. }
        | E::Message { .. } => ("Y-TYPE", None),
        _ => ("Y-SYNTAX", None),
    };
    let message = plain_message(&inner.to_string());
    let (rule, help, mut message) = refine(rule, help, message);
    let pos = err.location().map(|l| SourcePos {
        line: l.line(),
        column: l.column(),
    });
    let mut help = help;
    let cell_help = if crate::model::number::is_count_message(&message) {
        Some(format!(
            "a cell holds a whole number from 0 to {}, in decimal digits",
            crate::model::number::MAX_COUNT
        ))
    } else {
        crate::formats::cell_value_help(&message)
    };
    if let Some(cell_help) = cell_help {
        // Say which cell, in the form's words, and what a cell may hold.
        let line = pos.and_then(|p| source.lines().nth(p.line.saturating_sub(1) as usize));
        if let (Some(line), Some(p)) = (line, pos)
            && let Some(place) = crate::formats::cell_place(line, p.column.saturating_sub(1) as usize)
        {
            message = format!("{place}: {message}");
        }
        help = Some(cell_help);
    }
    Error::Yaml {
        path: path.to_owned(),
        pos,
        rule,
        message,
        help,
    }
}

/// serde-saphyr says `error: line L column C: what at line L, column C`; we give the place
/// ourselves, and say what a year must look like in words a clerk uses.
fn plain_message(message: &str) -> String {
    let first = message.lines().next().unwrap_or_default();
    let what = first.strip_prefix("error: ").unwrap_or(first);
    let what = match what.strip_prefix("line ") {
        Some(rest) => rest.split_once(": ").map_or(what, |(_, w)| w),
        None => what,
    };
    let what = match what.rfind(" at line ") {
        Some(i) if what[i..].contains(", column ") => &what[..i],
        _ => what,
    };
    // Say it in the words of the format, not of the parser's API.
    let what = what
        .replace("invalid u16", "the year must be written in digits, e.g. 2014")
        .replace("expected u16", "expected the year in digits, e.g. 2014")
        .replace(", set DuplicateKeyPolicy in Options if acceptable", "")
        .replace(
            "expected sequence start",
            "expected a list here (lines starting with `- `)",
        )
        .replace("expected mapping start", "expected `key: value` lines here");
    if what.starts_with("multiple YAML documents detected") {
        return "the file holds more than one YAML document (a line `---` starts another)".into();
    }
    what
}

/// A finer rule and help for parser messages that only their text tells apart.
fn refine(
    rule: &'static str,
    help: Option<String>,
    message: String,
) -> (&'static str, Option<String>, String) {
    let limit = "Y-LIMIT";
    if message.contains("budget breached") {
        let what =
            format!("the file grows past {MAX_NODES} YAML nodes (with its anchors and aliases expanded)");
        return (
            limit,
            Some("a report is far smaller: write the text out instead of repeating anchors (*x)".into()),
            what,
        );
    }
    if message.contains("recursion limit") || message.contains("depth") {
        return (
            limit,
            Some("a report nests a few levels deep; this file nests far deeper".into()),
            message,
        );
    }
    let help = if message.contains("unexpected end of input") {
        Some("the file is empty: a report needs at least `issuer:`, `year:` and `parts:`".into())
    } else if message.contains("more than one YAML document") {
        Some("put one report in each file".into())
    } else if message.starts_with("tabs disallowed") {
        Some("indent with spaces, not tabs".into())
    } else {
        help
    };
    (rule, help, message)
}

/// "did you mean `sections`?" for a misspelt key, else the keys allowed here.
fn suggest_key(field: &str, expected: &[&str]) -> String {
    let best = expected
        .iter()
        .map(|k| (strsim::jaro_winkler(field, k), *k))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0));
    match best {
        Some((_, key)) => format!("did you mean `{key}`?"),
        None if expected.is_empty() => "remove this key".into(),
        None => format!("the keys allowed here are: {}", expected.join(", ")),
    }
}

/// The file as UTF-8 text without a byte-order mark, or an error at the first bad byte.
fn decode(path: &Path, mut bytes: Vec<u8>) -> Result<String, Error> {
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        bytes.drain(..3);
    }
    String::from_utf8(bytes).map_err(|err| {
        let good = &err.as_bytes()[..err.utf8_error().valid_up_to()];
        let line = good.iter().filter(|&&b| b == b'\n').count() as u64 + 1;
        let line_start = good.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
        let column = String::from_utf8_lossy(&good[line_start..]).chars().count() as u64 + 1;
        Error::NotUtf8 {
            path: path.to_owned(),
            pos: SourcePos { line, column },
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Block, ItemEntry};

    const MINIMAL: &str = "issuer: 某区人民政府\nyear: 2023\nparts:\n  - heading: 总体情况\n    sections:\n      - heading: 主动公开。\n        text: 正文。\n        body:\n          - 第二段。\n          - items:\n              - 甲\n              - heading: 乙。\n                text: 丙\n";

    #[test]
    fn parses_the_free_form_shape() {
        let r = parse(Path::new("t.yaml"), MINIMAL).unwrap();
        assert_eq!(r.issuer.value, "某区人民政府");
        assert_eq!(r.year.value, 2023);
        let s = &r.parts[0].sections[0];
        assert_eq!(s.text.as_ref().unwrap().value, "正文。");
        assert!(matches!(&s.body[0].value, Block::Paragraph(p) if p == "第二段。"));
        let Block::Items(list) = &s.body[1].value else {
            panic!("expected items")
        };
        let items = &list.items;
        assert!(matches!(&items[0].value, ItemEntry::Plain(t) if t == "甲"));
        let ItemEntry::Full(second) = &items[1].value else {
            panic!("expected a mapping")
        };
        assert_eq!(second.heading.as_ref().map(|h| h.value.as_str()), Some("乙。"));
        assert_eq!(second.heading.as_ref().map(|h| h.referenced.line()), Some(12));
    }

    #[test]
    fn keeps_source_positions() {
        let r = parse(Path::new("t.yaml"), MINIMAL).unwrap();
        assert_eq!(r.parts[0].heading.as_ref().map(|h| h.referenced.line()), Some(4));
        assert_eq!(r.parts[0].sections[0].body[0].referenced.line(), 9);
    }

    #[test]
    fn unknown_key_is_an_error_with_its_line() {
        let bad = MINIMAL.replace("    sections:", "    sectoins:");
        let Err(Error::Yaml {
            pos,
            message,
            rule,
            help,
            ..
        }) = parse(Path::new("t.yaml"), &bad)
        else {
            panic!("expected a YAML error")
        };
        assert_eq!(pos.map(|p| p.line), Some(5), "{message}");
        assert!(message.contains("sectoins"), "{message}");
        assert_eq!(rule, "Y-UNKNOWN-KEY");
        assert_eq!(help.as_deref(), Some("did you mean `sections`?"));
    }

    #[test]
    fn invalid_utf8_is_located() {
        let err = decode(Path::new("t.yaml"), b"a: 1\nb: \xff\n".to_vec()).unwrap_err();
        let Error::NotUtf8 { pos, .. } = err else { panic!() };
        assert_eq!((pos.line, pos.column), (2, 4));
    }
}
