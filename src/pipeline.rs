//! The pipeline for one report, as `check`, `render` and `batch` all run it:
//! load → compose → check → render → write. What a run shares (template, fonts, each role's
//! fonts) is a `Session`, loaded once.

use crate::check::{self, Input};
use crate::compose::{Composed, compose};
use crate::diag::{Diagnostic, Severity};
use crate::error::Error;
use crate::fonts::{FontOptions, FontSet, RoleFontSet, RoleFonts};
use crate::formats::{self, Report};
use crate::load::year_index::YearIndex;
use crate::load::{load_file, parse, read_source};
use crate::render::{Format, Renderer};
use crate::template::Template;
use crate::write::write_all_atomic;
use std::borrow::Cow;
use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

/// What every file of a run shares: the template, the fonts, and each role's fonts.
pub struct Session {
    pub template: Template,
    pub fonts: FontSet,
    pub roles: BTreeMap<String, RoleFonts>,
}

impl Session {
    /// Loads them once for a run: `template` (or the built-in one) and the fonts `fonts` asks
    /// for; checks that the template gives every shape what it needs.
    pub fn load(template: Option<&Path>, fonts: &FontOptions) -> Result<Session, Error> {
        let template = Template::load(template)?;
        formats::check_layout(&template.layout, &template.origin.join("layout.toml"))?;
        let fonts = FontSet::load_for(fonts, Some(&template.layout.font_families()))?;
        let roles = fonts.resolve_roles(&template.layout)?;
        Ok(Session {
            template,
            fonts,
            roles,
        })
    }

    pub fn role_fonts(&self) -> RoleFontSet<'_> {
        RoleFontSet {
            set: &self.fonts,
            roles: &self.roles,
        }
    }
}

/// A file after load → compose → check.
pub struct Checked {
    /// The file's text, when it could be read (for snippets).
    pub source: Option<String>,
    /// The report, when the YAML could be read into one.
    pub report: Option<Report>,
    /// The report composed, ready to render.
    pub composed: Option<Composed>,
    pub findings: Vec<Diagnostic>,
    /// Why the file could not be checked at all (unreadable), if so.
    pub failure: Option<Error>,
}

impl Checked {
    fn failed(source: Option<String>, findings: Vec<Diagnostic>, failure: Option<Error>) -> Checked {
        Checked {
            source,
            report: None,
            composed: None,
            findings,
            failure,
        }
    }

    /// Error findings, with a failure to read the file counted as one.
    pub fn errors(&self) -> usize {
        self.findings.iter().filter(|d| d.is_error()).count() + usize::from(self.failure.is_some())
    }

    pub fn warnings(&self) -> usize {
        self.findings
            .iter()
            .filter(|d| d.severity == Severity::Warning)
            .count()
    }

    /// Whether the checks stop the report: errors, or warnings when they are denied.
    pub fn refused(&self, deny_warnings: bool) -> bool {
        self.errors() > 0 || (deny_warnings && self.warnings() > 0)
    }

    /// The composed report, if `gate` lets it be rendered: read, and not refused by the
    /// checks unless errors are allowed.
    pub fn renderable(&self, gate: Gate) -> Option<&Composed> {
        let refused = !gate.allow_errors && self.refused(gate.deny_warnings);
        self.composed.as_ref().filter(|_| !refused)
    }
}

/// What the checks let through to rendering. `allow_errors` (`--allow-errors`) renders a
/// report whatever its findings, to print a report as it was published or to look at a
/// draft; it never changes what is found, nor the exit status.
#[derive(Debug, Clone, Copy, Default)]
pub struct Gate {
    pub deny_warnings: bool,
    pub allow_errors: bool,
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

impl<'a> LastYear<'a> {
    /// `--previous FILE` if given, else a look beside each file.
    pub fn from(previous: Option<&'a Path>, neighbours: &'a Neighbours) -> LastYear<'a> {
        previous.map_or(LastYear::Beside(neighbours), LastYear::File)
    }
}

/// Loads, composes and checks one file.
pub fn check_file(session: &Session, path: &Path, last_year: LastYear) -> Checked {
    let source = match read_source(path) {
        Ok(source) => source,
        Err(err) => {
            let findings: Vec<Diagnostic> = finding_of(&err).into_iter().collect();
            let failure = findings.is_empty().then_some(err);
            return Checked::failed(None, findings, failure);
        }
    };
    let report = match parse(path, &source) {
        Ok(report) => report,
        Err(err) => {
            let findings = finding_of(&err).into_iter().collect();
            return Checked::failed(Some(source), findings, None);
        }
    };
    // Borrowed when a batch already holds it: no copy of last year's report per file.
    let previous: Option<Cow<Report>> = match last_year {
        LastYear::File(file) => match load_file(file) {
            Ok(loaded) => Some(Cow::Owned(loaded.report)),
            Err(err) => {
                let failure = Error::Previous {
                    source: Box::new(err),
                };
                return Checked::failed(Some(source), Vec::new(), Some(failure));
            }
        },
        LastYear::Beside(neighbours) => neighbours.previous(path, &report).map(Cow::Owned),
        LastYear::Known(known) => known.map(Cow::Borrowed),
    };
    let layout = &session.template.layout;
    let composed = compose(&report, layout);
    let previous = previous.map(|p| {
        let composed = compose(&p, layout);
        (p, composed)
    });
    let findings = check::run(&Input {
        path,
        source: &source,
        report: &report,
        texts: &composed.sources,
        printed: &composed.printed,
        citable: &composed.citable,
        fonts: Some(session.role_fonts()),
        previous: previous.as_ref().map(|(r, c)| (r.as_ref(), c)),
        layout,
    });
    Checked {
        source: Some(source),
        report: Some(report),
        composed: Some(composed),
        findings,
        failure: None,
    }
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
        let found = self.previous_file(path, report)?;
        load_file(&found).ok().map(|loaded| loaded.report)
    }

    /// The file of the issuer's report of the year before, among the report files beside
    /// `path` (what `report watch` watches besides the report itself).
    pub fn previous_file(&self, path: &Path, report: &Report) -> Option<PathBuf> {
        let dir = match path.parent() {
            Some(d) if !d.as_os_str().is_empty() => d,
            _ => Path::new("."),
        };
        let mut folders = self.folders.borrow_mut();
        let index = folders
            .entry(dir.to_owned())
            .or_insert_with(|| YearIndex::in_folder(dir));
        index
            .year_before(&report.issuer.value, report.year.value)
            .map(Path::to_owned)
    }
}

/// A loader error that has a place in the file, as a finding.
fn finding_of(err: &Error) -> Option<Diagnostic> {
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
                crate::tr!("pipeline-not-utf8"),
            )
            .with_help(crate::tr!("pipeline-not-utf8-help")),
        ),
        _ => None,
    }
}

/// One output made, not yet written.
pub struct Made {
    pub format: Format,
    pub path: PathBuf,
    pub bytes: Vec<u8>,
    pub pages: Option<usize>,
}

/// Every format's output of a composed report, named for `input` (into `dir`, or beside
/// it), and what the renderers warned about. Every format is made before any is written.
pub fn render(
    renderer: &Renderer,
    composed: &Composed,
    input: &Path,
    dir: Option<&Path>,
) -> Result<(Vec<Made>, Vec<Diagnostic>), Error> {
    let mut warnings = Vec::new();
    let made = renderer
        .render(&composed.document)?
        .into_iter()
        .map(|(format, rendered)| {
            warnings.extend(rendered.warnings);
            Made {
                format,
                path: output_path(input, dir, format),
                bytes: rendered.bytes,
                pages: rendered.pages,
            }
        })
        .collect();
    Ok((made, warnings))
}

/// Writes each output whole (see `write_atomic`).
pub fn write(made: &[Made]) -> Result<(), Error> {
    let outputs: Vec<(&Path, &[u8])> = made
        .iter()
        .map(|m| (m.path.as_path(), m.bytes.as_slice()))
        .collect();
    write_all_atomic(&outputs)
}

/// `dir/stem.ext` with a folder, else next to the input.
pub fn output_path(input: &Path, dir: Option<&Path>, format: Format) -> PathBuf {
    // A report read from standard input (`-`) is written as stdin.pdf ….
    let stem = if crate::files::is_stdin(input) {
        "stdin".into()
    } else {
        input.file_stem().unwrap_or(input.as_os_str()).to_string_lossy()
    };
    let name = format!("{stem}.{}", format.extension());
    match dir {
        Some(dir) => dir.join(name),
        None => input.with_file_name(name),
    }
}

/// Makes ready to write the outputs of `inputs` (into `dir`, or beside each input): refuses
/// inputs two of which would write the same file, and creates `dir` if it is missing.
pub fn prepare_outputs(inputs: &[PathBuf], dir: Option<&Path>, formats: &[Format]) -> Result<(), Error> {
    refuse_collisions(inputs, dir, formats)?;
    if let Some(dir) = dir {
        if dir.exists() && !dir.is_dir() {
            return Err(Error::Usage(crate::tr!("pipeline-output-dir-is-file", dir = dir)));
        }
        std::fs::create_dir_all(dir).map_err(|source| Error::Write {
            path: dir.to_owned(),
            source,
        })?;
    }
    Ok(())
}

/// Refuses inputs two of which would write the same output file.
fn refuse_collisions(inputs: &[PathBuf], dir: Option<&Path>, formats: &[Format]) -> Result<(), Error> {
    let mut seen: HashMap<PathBuf, &Path> = HashMap::new();
    for input in inputs {
        for &format in formats {
            let out = output_path(input, dir, format);
            if let Some(first) = seen.insert(out.clone(), input).filter(|first| *first != input) {
                return Err(Error::Usage(crate::tr!(
                    "pipeline-collision",
                    first = first,
                    second = input.as_path(),
                    output = &out
                )));
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outputs_go_next_to_the_input_or_into_the_folder() {
        assert_eq!(
            output_path(Path::new("reports/a.yaml"), None, Format::Pdf),
            PathBuf::from("reports/a.pdf")
        );
        assert_eq!(
            output_path(Path::new("reports/a.yaml"), Some(Path::new("out")), Format::Pdf),
            PathBuf::from("out/a.pdf")
        );
        assert_eq!(
            output_path(Path::new("a.b.yaml"), None, Format::Docx),
            PathBuf::from("a.b.docx")
        );
    }

    #[test]
    fn two_inputs_that_would_write_one_file_are_refused() {
        let inputs = [PathBuf::from("a/x.yaml"), PathBuf::from("b/x.yaml")];
        assert!(refuse_collisions(&inputs, None, &[Format::Pdf]).is_ok());
        let err = refuse_collisions(&inputs, Some(Path::new("out")), &[Format::Pdf]).unwrap_err();
        assert!(err.to_string().contains("out/x.pdf"), "{err}");
    }
}
