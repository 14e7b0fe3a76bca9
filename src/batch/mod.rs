//! Many reports in one process: the inputs found and split into shards (`inputs`), each
//! report put through the one pipeline in parallel, sharing the session (`run`), and a
//! summary, a manifest of what was written (`manifest`) and the roll-up of the 2021-format
//! reports' key numbers.

pub mod inputs;
pub mod manifest;
pub mod run;

use crate::diag::{self, Diagnostic, Style};
use crate::error::Error;
use crate::formats::Report;
use crate::formats::standard2021::rollup::{self, KeyNumbers, RollupRow};
use crate::load::load_file;
use crate::load::year_index::YearIndex;
use crate::pipeline::{self, Session};
use crate::render::html::index;
use crate::render::{Format, RenderOptions, Renderer};
use crate::write::{write_all_atomic, write_atomic};
use manifest::{Manifest, Output};
use serde::Serialize;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// How many reports a memoized result may go unused before it is dropped.
const EVICT_AFTER: usize = 8;

/// What a batch is asked to do.
pub struct Options<'a> {
    pub files: Vec<PathBuf>,
    pub out_dir: &'a Path,
    pub jobs: usize,
    pub render: RenderOptions,
    pub gate: pipeline::Gate,
}

/// What every report of a batch is rendered with.
pub struct Settings<'a> {
    pub session: &'a Session,
    pub out_dir: &'a Path,
    pub renderer: &'a Renderer<'a>,
    pub gate: pipeline::Gate,
}

/// What happened to one report.
#[derive(Debug, Serialize)]
pub struct Outcome {
    pub report: String,
    pub issuer: Option<String>,
    pub year: Option<u16>,
    pub pages: Option<usize>,
    pub errors: usize,
    pub warnings: usize,
    pub rendered: bool,
    /// Rendered although its findings would have stopped it (`--allow-errors`).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub rendered_with_errors: bool,
    /// Each report's own time, for the table on stdout; not in summary.json, which is
    /// listed in the manifest and so must be the same for the same inputs.
    #[serde(skip)]
    pub millis: u64,
    /// The first error: why it was not rendered, or, rendered with `--allow-errors`, what
    /// it was rendered with.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub failure: Option<String>,
    #[serde(skip)]
    pub outputs: Vec<Output>,
    /// The findings, for the person running the batch.
    #[serde(skip)]
    pub findings: Vec<Diagnostic>,
    /// What stopped the report other than a finding (unreadable, not written, a bug).
    #[serde(skip)]
    pub failures: Vec<Error>,
    /// The report's text, kept for the findings' snippets when it has any.
    #[serde(skip)]
    pub source: Option<String>,
    /// The numbers a city office rolls up, for reports of the 2021 format.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub key_numbers: Option<KeyNumbers>,
}

impl Outcome {
    /// A report whose checking or rendering panicked: a bug, named as one, with the file
    /// to send along. It counts as failed and none of its files enter the manifest.
    pub fn crashed(file: &Path, message: String) -> Outcome {
        let failure = crate::tr!("batch-crashed", file = file, message = message);
        Outcome {
            report: file.display().to_string(),
            issuer: None,
            year: None,
            pages: None,
            errors: 1,
            warnings: 0,
            rendered: false,
            rendered_with_errors: false,
            millis: 0,
            failure: Some(failure.clone()),
            outputs: Vec::new(),
            findings: Vec::new(),
            failures: vec![Error::Bug(failure)],
            source: None,
            key_numbers: None,
        }
    }

    /// The first line of the first error: a finding, else what stopped the report.
    fn first_error(&self) -> Option<String> {
        let text = match self.findings.iter().find(|d| d.is_error()) {
            Some(d) => diag::text(d, None, Style::Plain),
            None => diag::error_text(self.failures.first()?),
        };
        text.lines().next().map(str::to_owned)
    }
}

/// What a batch did: every report's outcome, in the order of the inputs.
pub struct Batch {
    pub outcomes: Vec<Outcome>,
}

/// Runs a batch: every report checked, rendered and written into `out_dir`, then
/// `summary.json`, `manifest.json` and, when 2021-format reports passed, the roll-up.
/// `progress` hears of each report as it ends.
pub fn run(
    options: &Options,
    session: &Session,
    progress: &(dyn Fn(&Outcome) + Sync),
) -> Result<Batch, Error> {
    pipeline::prepare_outputs(&options.files, Some(options.out_dir), &options.render.formats)?;
    let renderer = Renderer::new(&session.template, &session.fonts, &options.render)?;
    let settings = Settings {
        session,
        out_dir: options.out_dir,
        renderer: &renderer,
        gate: options.gate,
    };
    let last_years = last_years(&options.files);
    let outcomes = run::run_reports(&options.files, options.jobs, |file| {
        let outcome = run::run_one(file, &settings, last_years.get(file));
        // Typst memoizes every document it lays out; forget what no recent report used, as
        // the Typst CLI does between compilations (fonts stay: every report uses them).
        typst::comemo::evict(EVICT_AFTER);
        progress(&outcome);
        outcome
    });
    // The summary, the roll-up and the manifest are each tried, whatever the others did: a
    // city office needs the summary most when something went wrong.
    let summary = json_bytes(&outcomes);
    let summary_path = options.out_dir.join("summary.json");
    let summary_written = write_atomic(&summary_path, &summary);
    let rollup = write_rollup(options.out_dir, &outcomes, &renderer, session);
    let index = if options.render.formats.contains(&Format::Html) {
        let rolled: Vec<&Path> = rollup.iter().flatten().map(|(p, _)| p.as_path()).collect();
        write_index(options.out_dir, &outcomes, &rolled, session).map(Some)
    } else {
        Ok(None)
    };
    let mut outputs: Vec<_> = outcomes.iter().flat_map(|o| o.outputs.clone()).collect();
    // The batch's own files are listed too, made from the batch (no one report is their
    // source); the manifest cannot list itself.
    let mut own = Vec::new();
    if summary_written.is_ok() {
        own.push((summary_path.clone(), summary));
    }
    if let Ok(files) = &rollup {
        own.extend(files.iter().cloned());
    }
    if let Ok(Some(file)) = &index {
        own.push(file.clone());
    }
    for (path, bytes) in own {
        outputs.push(Output {
            path: path
                .file_name()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned(),
            bytes: bytes.len() as u64,
            sha256: manifest::hex_sha256(&bytes),
            source: String::new(),
            source_sha256: String::new(),
            rendered_with_errors: false,
        });
    }
    outputs.sort_by(|a, b| a.path.cmp(&b.path));
    let manifest = Manifest {
        tool: "report".into(),
        version: env!("CARGO_PKG_VERSION").into(),
        outputs,
    };
    let manifest_written = write_atomic(&options.out_dir.join("manifest.json"), &json_bytes(&manifest));
    summary_written?;
    rollup?;
    index?;
    manifest_written?;
    Ok(Batch { outcomes })
}

/// For each file of the batch, the report of its issuer's year before, when the batch
/// holds it: the cross-report rules (X-CARRY, X-INFORCE, S-COPY) run between them. Only
/// issuer and year of each file are kept while looking, and only the reports that are some
/// other's year before are held, so memory does not grow with the batch.
fn last_years(files: &[PathBuf]) -> HashMap<PathBuf, Report> {
    let index = YearIndex::of(files.iter().cloned());
    let mut loaded: HashMap<&Path, Report> = HashMap::new();
    let mut out = HashMap::new();
    for (file, issuer, year) in index.entries() {
        let Some(before) = index.year_before(issuer, year) else {
            continue;
        };
        if !loaded.contains_key(before) {
            let Ok(l) = load_file(before) else { continue };
            loaded.insert(before, l.report);
        }
        if let Some(report) = loaded.get(before) {
            out.insert(file.to_owned(), report.clone());
        }
    }
    out
}

/// The roll-up's rows, by issuer and year: every 2021-format report, each that did not
/// pass flagged with why, and every report that could not be read at all (its format is not
/// known, and it may be one a city office expects in the roll-up).
pub fn rollup_rows(outcomes: &[Outcome]) -> Vec<RollupRow<'_>> {
    let mut rows: Vec<RollupRow> = outcomes
        .iter()
        .filter(|o| o.key_numbers.is_some() || o.issuer.is_none())
        .map(|o| RollupRow {
            issuer: o.issuer.as_deref().unwrap_or(&o.report),
            year: o.year,
            numbers: o.key_numbers.as_ref(),
            // A report rendered with its errors allowed is flagged like one that failed: its
            // numbers are not to be summed unread.
            failure: if o.rendered && !o.rendered_with_errors {
                None
            } else {
                Some(
                    o.failure
                        .as_deref()
                        .unwrap_or(crate::i18n::text_static("batch-not-rendered")),
                )
            },
        })
        .collect();
    // The reports that could not be read, named by their files, after those that could.
    rows.sort_by_key(|r| (r.numbers.is_none(), r.issuer, r.year));
    rows
}

/// rollup.csv, and the roll-up document in each format the batch renders (rollup.pdf …),
/// when the batch holds a 2021-format report; the files written, with their bytes.
fn write_rollup(
    dir: &Path,
    outcomes: &[Outcome],
    renderer: &Renderer,
    session: &Session,
) -> Result<Vec<(PathBuf, Vec<u8>)>, Error> {
    let rows = rollup_rows(outcomes);
    if !rows.iter().any(|r| r.numbers.is_some()) {
        return Ok(Vec::new());
    }
    let csv = rollup::csv(&rows);
    let document = rollup::document(&rows, &session.template.layout);
    let mut files = vec![(dir.join("rollup.csv"), csv.into_bytes())];
    for (format, rendered) in renderer.render(&document)? {
        files.push((dir.join(format!("rollup.{}", format.extension())), rendered.bytes));
    }
    let writes: Vec<(&Path, &[u8])> = files.iter().map(|(p, b)| (p.as_path(), b.as_slice())).collect();
    write_all_atomic(&writes)?;
    Ok(files)
}

/// `index.html`, when the batch renders HTML: every report with its status and links to its
/// files, then the batch's own files; the file written, with its bytes.
fn write_index(
    dir: &Path,
    outcomes: &[Outcome],
    rollup: &[&Path],
    session: &Session,
) -> Result<(PathBuf, Vec<u8>), Error> {
    // A page to publish names a report by its file name, never by where it sat on the
    // machine that ran the batch.
    let names: Vec<(String, String)> = outcomes
        .iter()
        .map(|o| {
            let file = Path::new(&o.report)
                .file_name()
                .map_or(o.report.clone(), |n| n.to_string_lossy().into_owned());
            let why = o
                .failure
                .as_deref()
                .unwrap_or(crate::i18n::text_static("batch-not-rendered"))
                .replace(&o.report, &file);
            (file, why)
        })
        .collect();
    let entries: Vec<index::Entry> = outcomes
        .iter()
        .zip(&names)
        .map(|(o, (file, why))| index::Entry {
            name: o.issuer.as_deref().unwrap_or(file),
            year: o.year,
            status: match (o.rendered, o.rendered_with_errors) {
                (true, false) => index::Status::Rendered,
                (true, true) => index::Status::RenderedWithErrors(why),
                (false, _) => index::Status::Failed(why),
            },
            files: o.outputs.iter().map(|f| f.path.as_str()).collect(),
        })
        .collect();
    let rolled: Vec<String> = rollup
        .iter()
        .filter_map(|p| p.file_name())
        .map(|n| n.to_string_lossy().into_owned())
        .collect();
    let mut shared: Vec<&str> = vec!["summary.json"];
    shared.extend(rolled.iter().map(String::as_str));
    shared.push("manifest.json");
    let bytes = index::page_of(&session.template.layout, &entries, &shared);
    let path = dir.join("index.html");
    write_atomic(&path, &bytes)?;
    Ok((path, bytes))
}

/// A value as pretty JSON with a final line break.
fn json_bytes<T: serde::Serialize>(value: &T) -> Vec<u8> {
    // Our own types, with string keys only: serializing them cannot fail.
    let mut text = serde_json::to_vec_pretty(value).unwrap_or_default();
    text.push(b'\n');
    text
}
