//! YAML → [`Report`]: reads a report file and parses it, with every error placed at its
//! file, line and column.
//!
//! Every message comes from the catalogs (`locales/*/load.ftl`). `describe` says each
//! serde-saphyr error by its variant (a YAML syntax error by the parser's `ErrorKind`), with
//! serde-saphyr's details (the key, the keys allowed, the value found) as placeables, never
//! by matching its English words; an error none of these covers keeps serde-saphyr's English
//! text inside a frame in the run's language (「YAML 格式有误：…」). A message about a table
//! cell's value carries the kind of cell as a tag (`model::value_error`), from which the
//! loader names the cell in the form's words and says what such a cell holds.

pub mod limits;
pub mod year_index;

use crate::diag::RuleInfo;
use crate::diag::RuleSeverity;
use crate::error::{Error, SourcePos};
use crate::files::ReadError;
use crate::formats::Report;
use crate::model::value_error::{self, CellKind};
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
            message: crate::tr!("load-too-large", megabytes = limit >> 20),
            help: Some(crate::tr!("load-too-large-help")),
        },
    })?;
    decode(path, bytes)
}

/// How every report file is read as YAML. A long report has a few thousand YAML nodes,
/// nested some eight deep; far tighter limits than serde-saphyr's defaults stop an alias
/// bomb sooner and with less memory.
pub(crate) fn yaml_options() -> serde_saphyr::Options {
    serde_saphyr::options! {
        budget: serde_saphyr::budget! { max_nodes: MAX_NODES, max_depth: MAX_DEPTH },
    }
}

/// Parses report YAML; `path` only names the file in messages.
pub fn parse(path: &Path, source: &str) -> Result<Report, Error> {
    let report: Report =
        crate::formats::parse(source, yaml_options()).map_err(|err| yaml_error(path, source, &err))?;
    limits::check(path, &report)?;
    Ok(report)
}

/// A loader error with its rule id and, where we can tell, how to fix it.
fn yaml_error(path: &Path, source: &str, err: &serde_saphyr::Error) -> Error {
    let said = describe(original(err.without_snippet()));
    let pos = err.location().map(|l| SourcePos {
        line: l.line(),
        column: l.column(),
    });
    let mut message = said.message;
    let mut help = said.help;
    let cell_help = match said.cell {
        Some(CellKind::Count) => Some(crate::tr!(
            "load-cell-count-help",
            max = crate::model::number::MAX_COUNT
        )),
        Some(kind) => crate::formats::cell_value_help(kind),
        None => None,
    };
    if let Some(cell_help) = cell_help {
        // Say which cell, in the form's words, and what a cell may hold.
        let line = pos.and_then(|p| source.lines().nth(p.line.saturating_sub(1) as usize));
        if let (Some(line), Some(p)) = (line, pos)
            && let Some(place) = crate::formats::cell_place(line, p.column.saturating_sub(1) as usize)
        {
            message = crate::tr!("load-cell-at", place = place, message = message);
        }
        help = Some(cell_help);
    }
    Error::Yaml {
        path: path.to_owned(),
        pos,
        rule: said.rule,
        message,
        help,
    }
}

/// The error an alias's error stands for: the one at the aliased value.
fn original(mut err: &serde_saphyr::Error) -> &serde_saphyr::Error {
    while let serde_saphyr::Error::AliasError { error, .. } | serde_saphyr::Error::WithSnippet { error, .. } =
        err
    {
        err = error;
    }
    err
}

/// What the loader says about a parser error: its rule, message and help, and the kind of
/// table cell it is about, if it is about one's value.
struct Said {
    rule: &'static str,
    message: String,
    help: Option<String>,
    cell: Option<CellKind>,
}

impl Said {
    fn new(rule: &'static str, message: String) -> Said {
        Said {
            rule,
            message,
            help: None,
            cell: None,
        }
    }

    fn help(mut self, help: String) -> Said {
        self.help = Some(help);
        self
    }
}

/// Says `err` in the run's language: each error a report can run into by its own message,
/// with serde-saphyr's details (key names, the keys expected, the value found) as
/// placeables; any other in serde-saphyr's (English) words, inside a frame that says what
/// it is about.
fn describe(err: &serde_saphyr::Error) -> Said {
    use serde_saphyr::Error as E;
    let limit = "Y-LIMIT";
    match err {
        E::SerdeUnknownField { field, expected, .. } => {
            let field = inert(field);
            let message = if expected.is_empty() {
                crate::tr!("load-unknown-key-anywhere", key = field.as_str())
            } else {
                crate::tr!(
                    "load-unknown-key",
                    key = field.as_str(),
                    expected = list(expected)
                )
            };
            Said::new("Y-UNKNOWN-KEY", message).help(suggest_key(&field, expected))
        }
        E::SerdeMissingField { field, .. } => {
            Said::new("Y-MISSING", crate::tr!("load-missing-key", key = *field))
                .help(crate::tr!("load-missing-key-help", key = *field))
        }
        E::DuplicateMappingKey { key, .. } => {
            let message = match key {
                Some(k) => crate::tr!("load-duplicate-key", key = inert(k)),
                None => crate::tr!("load-duplicate-key-unnamed"),
            };
            Said::new("Y-DUPLICATE-KEY", message).help(crate::tr!("load-duplicate-key-help"))
        }
        E::Budget {
            breach: serde_saphyr::budget::BudgetBreach::Depth { .. },
            ..
        } => {
            Said::new(limit, crate::tr!("load-too-deep", max = MAX_DEPTH)).help(crate::tr!("load-nests-help"))
        }
        E::Budget { .. } => Said::new(limit, crate::tr!("load-too-many-nodes", max = MAX_NODES))
            .help(crate::tr!("load-too-many-nodes-help")),
        E::AliasReplayStackDepthExceeded { .. } => {
            Said::new(limit, limit_detail(err)).help(crate::tr!("load-nests-help"))
        }
        E::AliasReplayCounterOverflow { .. }
        | E::AliasReplayLimitExceeded { .. }
        | E::AliasExpansionLimitExceeded { .. } => {
            Said::new(limit, limit_detail(err)).help(crate::tr!("load-aliases-help"))
        }
        E::Message { msg, .. } => {
            // One of ours (model, formats), already in the run's language.
            let (cell, text) = value_error::untag(msg);
            Said {
                cell,
                ..Said::new("Y-TYPE", inert(text))
            }
        }
        E::SerdeInvalidType {
            unexpected, expected, ..
        } => Said::new(
            "Y-TYPE",
            crate::tr!(
                "load-invalid-type",
                found = found(unexpected),
                expected = expected_text(expected)
            ),
        ),
        E::SerdeInvalidValue {
            unexpected, expected, ..
        } => Said::new(
            "Y-TYPE",
            crate::tr!(
                "load-invalid-value",
                found = found(unexpected),
                expected = expected_text(expected)
            ),
        ),
        E::SerdeInvalidLength { len, expected, .. } => Said::new(
            "Y-TYPE",
            crate::tr!(
                "load-invalid-length",
                length = *len,
                expected = expected_text(expected)
            ),
        ),
        E::SerdeUnknownVariant {
            variant, expected, ..
        } => Said::new(
            "Y-TYPE",
            crate::tr!(
                "load-unknown-value",
                value = inert(variant),
                expected = choices(expected)
            ),
        ),
        E::InvalidScalar { ty, .. } => Said::new(
            "Y-TYPE",
            match *ty {
                "u16" => crate::tr!("load-year-not-digits"),
                "floating point" => crate::tr!("load-not-a-number"),
                "boolean" => crate::tr!("load-not-a-boolean"),
                "u8" | "u32" | "u64" | "u128" | "usize" | "i8" | "i16" | "i32" | "i64" | "i128" | "isize" => {
                    crate::tr!("load-not-an-integer", name = *ty)
                }
                _ => yaml_detail(err),
            },
        ),
        E::Eof { .. } => Said::new("Y-SYNTAX", crate::tr!("load-empty")).help(crate::tr!("load-empty-help")),
        E::MultipleDocuments { .. } => Said::new("Y-SYNTAX", crate::tr!("load-multiple-documents"))
            .help(crate::tr!("load-multiple-documents-help")),
        E::Unexpected { expected, .. } => Said::new(
            "Y-SYNTAX",
            match *expected {
                "sequence start" => crate::tr!("load-expected-list"),
                "mapping start" => crate::tr!("load-expected-mapping"),
                "string scalar" => crate::tr!("load-expected-text"),
                _ => yaml_detail(err),
            },
        ),
        E::NullIntoString { .. } => Said::new("Y-SYNTAX", crate::tr!("load-null")),
        E::UnknownAnchor { .. } => Said::new("Y-SYNTAX", crate::tr!("load-unknown-anchor")),
        E::ExternalMessage { source, .. } => match source.as_ref() {
            serde_saphyr::localizer::ExternalMessageSource::Parser(scan) => scan_error(scan.kind(), err),
            _ => Said::new("Y-SYNTAX", yaml_detail(err)),
        },
        _ => Said::new("Y-SYNTAX", yaml_detail(err)),
    }
}

/// What the YAML parser found wrong with the text itself.
fn scan_error(kind: &serde_saphyr::granit_parser::ErrorKind, err: &serde_saphyr::Error) -> Said {
    use serde_saphyr::granit_parser::ErrorKind as K;
    let syntax = |message: String| Said::new("Y-SYNTAX", message);
    match kind {
        K::RecursionLimitExceeded => {
            Said::new("Y-LIMIT", crate::tr!("load-recursion-limit")).help(crate::tr!("load-nests-help"))
        }
        K::TabInBlockIndentation => {
            syntax(crate::tr!("load-tab-in-indentation")).help(crate::tr!("load-tab-help"))
        }
        K::TabNotAllowed => syntax(crate::tr!("load-tab-here")).help(crate::tr!("load-tab-help")),
        K::TabInIndentation => syntax(crate::tr!("load-tab-as-indentation")),
        K::UnclosedQuotedScalar => syntax(crate::tr!("load-unclosed-quote")),
        K::UnclosedFlowCollection { open } => syntax(crate::tr!("load-unclosed-bracket", open = *open)),
        K::MismatchedFlowCollectionEnd { open, close } => syntax(crate::tr!(
            "load-mismatched-bracket",
            open = *open,
            close = *close
        )),
        K::MisplacedFlowCollectionEnd => syntax(crate::tr!("load-misplaced-bracket")),
        K::ExpectedBlockSequenceEntry => syntax(crate::tr!("load-expected-dash")),
        K::ExpectedBlockMappingKey => syntax(crate::tr!("load-expected-key")),
        K::BlockEntryInFlowCollection => syntax(crate::tr!("load-dash-in-brackets")),
        K::UnexpectedCharacter { character } => syntax(crate::tr!(
            "load-unexpected-character",
            character = character.escape_default().to_string()
        )),
        K::MappingValueNotAllowed => syntax(crate::tr!("load-colon-not-allowed")),
        K::ExpectedFlowSequenceSeparator => syntax(crate::tr!("load-expected-comma-bracket")),
        K::ExpectedFlowMappingSeparator => syntax(crate::tr!("load-expected-comma-brace")),
        K::ExpectedNodeContent => syntax(crate::tr!("load-expected-content")),
        K::InvalidIndentation => syntax(crate::tr!("load-bad-indentation")),
        K::SimpleKeyExpected => syntax(crate::tr!("load-expected-colon")),
        K::UnknownAnchor => syntax(crate::tr!("load-unknown-anchor-parser")),
        K::UnknownQuotedScalarEscape => syntax(crate::tr!("load-unknown-escape")),
        K::InvalidTrailingSingleQuotedScalar => syntax(crate::tr!("load-after-single-quote")),
        K::InvalidTrailingDoubleQuotedScalar => syntax(crate::tr!("load-after-double-quote")),
        _ => syntax(yaml_detail(err)),
    }
}

/// serde-saphyr's own words for an error no message of ours covers, in a frame that says
/// it is the YAML that is wrong.
fn yaml_detail(err: &serde_saphyr::Error) -> String {
    crate::tr!("load-yaml-detail", detail = plain_message(&err.to_string()))
}

/// serde-saphyr's words for a limit no message of ours covers, in a frame that says so.
fn limit_detail(err: &serde_saphyr::Error) -> String {
    crate::tr!("load-limit-detail", detail = plain_message(&err.to_string()))
}

/// serde-saphyr says `error: line L column C: what at line L, column C`; we give the place
/// ourselves.
fn plain_message(message: &str) -> String {
    let first = first_line(message);
    let what = first.strip_prefix("error: ").unwrap_or(first);
    let what = match what.strip_prefix("line ") {
        Some(rest) => rest.split_once(": ").map_or(what, |(_, w)| w),
        None => what,
    };
    let what = match what.rfind(" at line ") {
        Some(i) if what[i..].contains(", column ") => &what[..i],
        _ => what,
    };
    what.to_owned()
}

fn first_line(text: &str) -> &str {
    text.lines().next().unwrap_or_default()
}

/// Text from the file made inert for a message: a control character (a line break in a key)
/// is shown escaped, as serde-saphyr shows it, never sent to the terminal.
fn inert(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_control() || matches!(c, '\u{2028}' | '\u{2029}') {
            out.extend(c.escape_debug());
        } else {
            out.push(c);
        }
    }
    out
}

/// Names (keys, values) listed in the run's language.
fn list(names: &[&str]) -> String {
    names.join(&crate::tr!("load-list-separator"))
}

/// What the parser expected, in the report's words where it said it in a type's: the year
/// (a u16).
fn expected_text(expected: &str) -> String {
    match expected {
        "u16" => crate::tr!("load-expected-year"),
        other => inert(other),
    }
}

/// What the file holds instead, from serde's words for it (`integer `5``, `sequence`,
/// `string "x"`, …); a form not known here as serde says it.
fn found(unexpected: &str) -> String {
    let quoted = |prefix: &str| {
        unexpected
            .strip_prefix(prefix)
            .and_then(|rest| rest.strip_prefix('`'))
            .and_then(|rest| rest.strip_suffix('`'))
            .map(inert)
    };
    if let Some(v) = quoted("integer ") {
        crate::tr!("load-found-integer", value = v)
    } else if let Some(v) = quoted("floating point ") {
        crate::tr!("load-found-decimal", value = v)
    } else if let Some(v) = quoted("boolean ") {
        crate::tr!("load-found-boolean", value = v)
    } else if let Some(v) = unexpected.strip_prefix("string ") {
        crate::tr!("load-found-text", quoted = inert(v))
    } else {
        match unexpected {
            "sequence" => crate::tr!("load-found-list"),
            "map" => crate::tr!("load-found-mapping"),
            "unit value" => crate::tr!("load-found-nothing"),
            other => inert(other),
        }
    }
}

/// Values to choose from, each as the file would write it.
fn choices(values: &[&str]) -> String {
    let quoted: Vec<String> = values
        .iter()
        .map(|v| crate::tr!("load-choice", value = *v))
        .collect();
    quoted.join(&crate::tr!("load-choice-separator"))
}

/// "did you mean `sections`?" for a misspelt key, else the keys allowed here.
fn suggest_key(field: &str, expected: &[&str]) -> String {
    let best = expected
        .iter()
        .map(|k| (strsim::jaro_winkler(field, k), *k))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0));
    match best {
        Some((_, key)) => crate::tr!("load-unknown-key-did-you-mean", key = key),
        None if expected.is_empty() => crate::tr!("load-unknown-key-remove"),
        None => crate::tr!("load-unknown-key-allowed", keys = list(expected)),
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
