//! `report check`: each file loaded and put through every rule; the findings printed for a
//! person (stderr) or a script (JSON lines on stdout). `render` checks the same way first.

use super::{Shared, exit};
use crate::cli::{CheckArgs, FindingsFormat};
use crate::diag::{self, Diagnostic, Severity, Style};
use crate::error::Error;
use crate::fonts::{FontSet, RoleFonts};
use crate::model::Report;
use crate::model::load::{load_file, parse, read_source};
use crate::model::validate::validate;
use crate::model::year_index::YearIndex;
use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

/// A file after loading and checking.
pub struct FileCheck {
    /// The file's text, when it could be read (for snippets).
    pub source: Option<String>,
    /// The report, when the YAML could be read into one.
    pub report: Option<Report>,
    pub findings: Vec<Diagnostic>,
    /// Why the file could not be checked at all (unreadable), if so.
    pub failure: Option<Error>,
}

impl FileCheck {
    /// The exit status this file alone calls for.
    pub fn status(&self, deny_warnings: bool) -> u8 {
        let parsed = self.report.is_some();
        if self.failure.is_some() || !parsed {
            exit::COULD_NOT_RUN
        } else if self
            .findings
            .iter()
            .any(|d| d.is_error() || (deny_warnings && d.severity == Severity::Warning))
        {
            exit::FINDINGS
        } else {
            exit::OK
        }
    }

    /// Prints the findings (or the failure) in the given format.
    pub fn print(&self, format: FindingsFormat) {
        if let Some(err) = &self.failure {
            eprintln!("{}", diag::render(err));
        }
        let style = Style::for_stderr();
        for d in &self.findings {
            match format {
                FindingsFormat::Text => {
                    eprintln!("{}", diag::render_diagnostic(d, self.source.as_deref(), style))
                }
                FindingsFormat::Json => crate::out!("{}", diag::render_json(d)),
            }
        }
    }
}

/// Where the issuer's report of the year before comes from.
#[derive(Clone, Copy)]
pub enum LastYear<'a> {
    /// Look beside the file for the same issuer and the year before.
    Beside(&'a Neighbours),
    /// The file the user named with --previous.
    File(&'a Path),
    /// Already found (a batch looks once for all its reports).
    Known(Option<&'a Report>),
}

/// Loads `path` and runs every rule; `fonts` enables the glyph check.
pub fn check_file(
    path: &Path,
    fonts: Option<(&FontSet, &BTreeMap<String, RoleFonts>)>,
    previous: LastYear,
) -> FileCheck {
    let source = match read_source(path) {
        Ok(source) => source,
        Err(err) => {
            let findings = diagnostic_of(&err).into_iter().collect::<Vec<_>>();
            let failure = findings.is_empty().then_some(err);
            return FileCheck {
                source: None,
                report: None,
                findings,
                failure,
            };
        }
    };
    match parse(path, &source) {
        Ok(report) => {
            let last_year = match previous {
                LastYear::File(file) => match load_file(file) {
                    Ok(loaded) => Some(loaded.report),
                    Err(err) => {
                        let failure = Some(Error::Usage(format!("--previous: {err}")));
                        return FileCheck {
                            source: Some(source),
                            report: None,
                            findings: Vec::new(),
                            failure,
                        };
                    }
                },
                LastYear::Beside(neighbours) => neighbours.previous(path, &report),
                LastYear::Known(known) => known.cloned(),
            };
            let findings = validate(path, &source, &report, fonts, last_year.as_ref());
            FileCheck {
                source: Some(source),
                report: Some(report),
                findings,
                failure: None,
            }
        }
        Err(err) => FileCheck {
            findings: diagnostic_of(&err).into_iter().collect(),
            source: Some(source),
            report: None,
            failure: None,
        },
    }
}

/// `--previous FILE` if given, else a look beside each file.
pub fn last_year<'a>(previous: Option<&'a Path>, neighbours: &'a Neighbours) -> LastYear<'a> {
    previous.map_or(LastYear::Beside(neighbours), LastYear::File)
}

/// The issuer and year of every report file in the folders looked in, each folder read
/// once per run: checking a folder of a thousand reports then reads each file once more,
/// not a thousand times.
#[derive(Default)]
pub struct Neighbours {
    folders: RefCell<HashMap<PathBuf, YearIndex>>,
}

impl Neighbours {
    /// The issuer's report of the year before, among the report files beside `path`.
    fn previous(&self, path: &Path, report: &Report) -> Option<Report> {
        let dir = match path.parent() {
            Some(d) if !d.as_os_str().is_empty() => d,
            _ => Path::new("."),
        };
        let found = {
            let mut folders = self.folders.borrow_mut();
            let index = folders
                .entry(dir.to_owned())
                .or_insert_with(|| YearIndex::in_folder(dir));
            index
                .year_before(&report.issuer.value, report.year.value)?
                .to_owned()
        };
        load_file(&found).ok().map(|loaded| loaded.report)
    }
}

/// A loader error that has a place in the file, as a finding.
fn diagnostic_of(err: &Error) -> Option<Diagnostic> {
    match err {
        Error::Yaml {
            path,
            pos,
            rule,
            message,
            help,
        } => {
            let d = Diagnostic::new(Severity::Error, rule, path, *pos, message.clone());
            Some(match help {
                Some(h) => d.with_help(h.clone()),
                None => d,
            })
        }
        Error::NotUtf8 { path, pos } => Some(
            Diagnostic::new(
                Severity::Error,
                "Y-ENCODING",
                path,
                Some(*pos),
                "the file is not UTF-8 text".into(),
            )
            .with_help("save it as UTF-8 (in Notepad: Save As, Encoding: UTF-8)"),
        ),
        _ => None,
    }
}

/// Runs the command; returns the exit status.
pub fn run(args: &CheckArgs) -> u8 {
    let shared = match Shared::load(&args.template, &args.fonts) {
        Ok(shared) => shared,
        Err(err) => {
            eprintln!("{}", diag::render(&err));
            return exit::COULD_NOT_RUN;
        }
    };
    let neighbours = Neighbours::default();
    let mut status = exit::OK;
    for file in &args.files {
        let checked = check_file(
            file,
            Some((&shared.fonts, &shared.roles)),
            last_year(args.strictness.previous.as_deref(), &neighbours),
        );
        checked.print(args.format);
        status = status.max(checked.status(args.strictness.deny_warnings));
    }
    status
}
