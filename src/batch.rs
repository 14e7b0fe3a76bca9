//! Many reports in one process: discovery of the inputs, a deterministic split into shards,
//! each report checked and rendered in parallel (sharing fonts and template), its outputs
//! written as soon as they are made, and a summary and a manifest of what was written.

use crate::cli::OutputFormat;
use crate::cmd::Shared;
use crate::cmd::check::{LastYear, check_file};
use crate::document::compose;
use crate::error::Error;
use crate::model::Report;
use crate::model::load::{is_report_file, load_file};
use crate::model::year_index::YearIndex;
use crate::render::Renderer;
use crate::write::write_atomic;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::Instant;

/// The files a batch covers: folders searched for `*.yaml` (recursively), files as given,
/// anything else as a glob pattern; sorted and without repeats, so every machine agrees.
pub fn discover(inputs: &[String]) -> Result<Vec<PathBuf>, Error> {
    let mut found = Vec::new();
    for input in inputs {
        let path = Path::new(input);
        if path.is_dir() {
            walk(path, &mut found);
        } else if path.is_file() {
            found.push(path.to_owned());
        } else {
            let matches = glob::glob(input)
                .map_err(|e| Error::Usage(format!("{input}: not a file, folder or glob pattern ({e})")))?;
            let before = found.len();
            found.extend(matches.flatten().filter(|p| p.is_file()));
            if found.len() == before {
                return Err(Error::Usage(format!(
                    "{input}: no such file or folder, and no file matches it"
                )));
            }
        }
    }
    found.sort();
    found.dedup();
    Ok(found)
}

fn walk(dir: &Path, found: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            walk(&path, found);
        } else if is_report_file(&path) {
            found.push(path);
        }
    }
}

/// Shard `k` of `n` (1-based): every n-th file of the sorted list, so shards never overlap
/// and together cover the batch.
pub fn shard(files: Vec<PathBuf>, k: usize, n: usize) -> Vec<PathBuf> {
    files
        .into_iter()
        .enumerate()
        .filter(|(i, _)| i % n == k - 1)
        .map(|(_, f)| f)
        .collect()
}

/// For each file of the batch, the report of its issuer's year before, when the batch
/// holds it: the cross-report rules (X-CARRY, X-INFORCE, S-COPY) run between them. Only
/// issuer and year of each file are kept while looking, and only the reports that are some
/// other's year before are held, so memory does not grow with the batch.
pub fn last_years(files: &[PathBuf]) -> HashMap<PathBuf, Report> {
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

/// One output file, as the manifest lists it.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Output {
    /// Relative to the output folder.
    pub path: String,
    pub bytes: u64,
    pub sha256: String,
    /// The report it was made from, and that file's hash.
    pub source: String,
    pub source_sha256: String,
}

/// What happened to one report.
#[derive(Debug, Clone, Serialize)]
pub struct Outcome {
    pub report: String,
    pub issuer: Option<String>,
    pub year: Option<u16>,
    pub pages: Option<usize>,
    pub errors: usize,
    pub warnings: usize,
    pub rendered: bool,
    pub millis: u64,
    /// Why it was not rendered, when it was not: the first error.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub failure: Option<String>,
    #[serde(skip)]
    pub outputs: Vec<Output>,
    /// The findings, printed as text, for the person running the batch.
    #[serde(skip)]
    pub messages: Vec<String>,
    /// The numbers a city office rolls up, for reports of the 2021 format.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub key_numbers: Option<KeyNumbers>,
}

impl Outcome {
    /// A report whose checking or rendering panicked: a bug, named as one, with the file
    /// to send along. It counts as failed and none of its files enter the manifest.
    pub fn crashed(file: &Path, message: String) -> Outcome {
        let failure = format!(
            "{}: report stopped on an internal error ({message}); this is a bug: please report it with this file",
            file.display()
        );
        Outcome {
            report: file.display().to_string(),
            issuer: None,
            year: None,
            pages: None,
            errors: 1,
            warnings: 0,
            rendered: false,
            millis: 0,
            failure: Some(failure.clone()),
            outputs: Vec::new(),
            messages: vec![failure],
            key_numbers: None,
        }
    }
}

/// The numbers of a 2021-format report that a city office puts in its own report.
#[derive(Debug, Clone, Serialize)]
pub struct KeyNumbers {
    /// 一、本年新收政府信息公开申请数量 (总计)
    pub received: u64,
    /// 二、上年结转政府信息公开申请数量 (总计)
    pub carried_over: u64,
    /// 三、（一）予以公开 (总计)
    pub disclosed: u64,
    /// 行政复议 (总计)
    pub reconsiderations: u64,
    /// 行政诉讼 (总计, both kinds)
    pub litigations: u64,
}

impl KeyNumbers {
    pub fn of(report: &Report) -> Option<KeyNumbers> {
        let t = report
            .tables
            .as_ref()
            .filter(|_| report.format == crate::model::Format::Standard2021)?;
        let r = &t.reviews;
        Some(KeyNumbers {
            received: t.applications.received.sum(),
            carried_over: t.applications.carried_over.sum(),
            disclosed: t.applications.disclosed.sum(),
            reconsiderations: r.reconsideration.sum(),
            litigations: r.litigation_direct.sum() + r.litigation_after_reconsideration.sum(),
        })
    }
}

/// The roll-up's column heads, in the order of [`KeyNumbers`].
pub const ROLLUP_HEADS: [&str; 7] = [
    "发布机关",
    "年度",
    "本年新收申请",
    "上年结转申请",
    "予以公开",
    "行政复议",
    "行政诉讼",
];

/// The roll-up as CSV (UTF-8 with a byte-order mark, so Excel opens it as such).
pub fn rollup_csv(outcomes: &[Outcome]) -> String {
    let quote = |s: &str| format!("\"{}\"", s.replace('"', "\"\""));
    let mut csv = String::from("\u{FEFF}");
    csv.push_str(&ROLLUP_HEADS.map(quote).join(","));
    csv.push_str("\r\n");
    for (o, k) in rollup_rows(outcomes) {
        let year = o.year.map(|y| y.to_string()).unwrap_or_default();
        let line = [
            quote(o.issuer.as_deref().unwrap_or_default()),
            year,
            k.received.to_string(),
            k.carried_over.to_string(),
            k.disclosed.to_string(),
            k.reconsiderations.to_string(),
            k.litigations.to_string(),
        ];
        csv.push_str(&line.join(","));
        csv.push_str("\r\n");
    }
    csv
}

/// The 2021-format reports that passed, by issuer and year.
pub fn rollup_rows(outcomes: &[Outcome]) -> Vec<(&Outcome, &KeyNumbers)> {
    let mut rows: Vec<_> = outcomes
        .iter()
        .filter(|o| o.rendered)
        .filter_map(|o| o.key_numbers.as_ref().map(|k| (o, k)))
        .collect();
    rows.sort_by(|a, b| (&a.0.issuer, a.0.year).cmp(&(&b.0.issuer, b.0.year)));
    rows
}

/// The roll-up as a document of one table, for a city office's own report.
pub fn rollup_document(outcomes: &[Outcome]) -> crate::document::Document {
    use crate::document::{Cell, CellAlign, DocBlock, Document, Meta, Table, TitleLine};
    let mut rows = vec![ROLLUP_HEADS.map(|h| Cell::new(h).bold()).to_vec()];
    let mut latest = 0;
    for (o, k) in rollup_rows(outcomes) {
        latest = latest.max(o.year.unwrap_or(0));
        let mut row = vec![Cell::new(o.issuer.clone().unwrap_or_default()).align(CellAlign::Left)];
        row.push(Cell::new(o.year.map(|y| y.to_string()).unwrap_or_default()));
        row.extend(
            [
                k.received,
                k.carried_over,
                k.disclosed,
                k.reconsiderations,
                k.litigations,
            ]
            .map(|v| Cell::new(v.to_string())),
        );
        rows.push(row);
    }
    let title = "政府信息公开工作年度报告主要数据汇总".to_owned();
    Document {
        meta: Meta {
            title: title.clone(),
            author: "report".into(),
            lang: "zh-CN".into(),
            date: crate::model::Date {
                year: latest.saturating_add(1).max(2000),
                month: 1,
                day: 1,
            },
        },
        blocks: vec![
            DocBlock::Title {
                lines: vec![TitleLine {
                    text: title.clone(),
                    segments: vec![title],
                }],
            },
            DocBlock::Table(Table {
                columns: vec![4.0, 1.2, 1.6, 1.6, 1.4, 1.4, 1.4],
                header_rows: 1,
                rows,
            }),
        ],
    }
}

/// What every report of a batch is rendered with.
pub struct Settings<'a> {
    pub shared: &'a Shared,
    pub out_dir: &'a Path,
    pub formats: &'a [OutputFormat],
    pub renderer: &'a Renderer<'a>,
    pub deny_warnings: bool,
}

pub fn hex_sha256(bytes: &[u8]) -> String {
    Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

/// Checks and renders one report and writes its outputs; never panics on bad input, so
/// one report's failure cannot stop the others.
pub fn run_one(file: &Path, s: &Settings, last_year: Option<&Report>) -> Outcome {
    let started = Instant::now();
    let checked = check_file(
        file,
        Some((&s.shared.fonts, &s.shared.roles)),
        LastYear::Known(last_year),
    );
    let error_findings = checked.findings.iter().filter(|d| d.is_error()).count();
    let errors = error_findings + usize::from(checked.failure.is_some());
    let warnings = checked.findings.len() - error_findings;
    let style = crate::diag::Style::Plain;
    let mut messages: Vec<String> = checked
        .findings
        .iter()
        .map(|d| crate::diag::render_diagnostic(d, checked.source.as_deref(), style))
        .collect();
    if let Some(err) = &checked.failure {
        messages.push(crate::diag::render(err));
    }
    let mut outcome = Outcome {
        report: file.display().to_string(),
        issuer: checked.report.as_ref().map(|r| r.issuer.value.clone()),
        year: checked.report.as_ref().map(|r| r.year.value),
        pages: None,
        errors,
        warnings,
        rendered: false,
        millis: 0,
        failure: messages
            .first()
            .filter(|_| errors > 0)
            .map(|m| m.lines().next().unwrap_or_default().to_owned()),
        outputs: Vec::new(),
        messages,
        key_numbers: checked.report.as_ref().and_then(KeyNumbers::of),
    };
    let refused = errors > 0 || (s.deny_warnings && warnings > 0);
    if let (false, Some(report), Some(source)) = (refused, &checked.report, &checked.source) {
        match render_outputs(file, report, source, s) {
            Ok((pages, outputs)) => {
                outcome.pages = pages;
                outcome.outputs = outputs;
                outcome.rendered = true;
            }
            Err(err) => {
                let message = crate::diag::render(&err);
                outcome.failure = Some(message.lines().next().unwrap_or_default().to_owned());
                outcome.messages.push(message);
                outcome.errors += 1;
            }
        }
    } else if refused && outcome.failure.is_none() {
        outcome.failure = Some("warnings denied (--deny-warnings)".into());
    }
    outcome.millis = started.elapsed().as_millis() as u64;
    outcome
}

fn render_outputs(
    file: &Path,
    report: &crate::model::Report,
    source: &str,
    s: &Settings,
) -> Result<(Option<usize>, Vec<Output>), Error> {
    let document = compose(report);
    let stem = file
        .file_stem()
        .unwrap_or(file.as_os_str())
        .to_string_lossy()
        .into_owned();
    let source_sha256 = hex_sha256(source.as_bytes());
    let mut made = Vec::new();
    let mut pages = None;
    for &format in s.formats {
        let rendered = s.renderer.render(&document, format)?;
        pages = pages.or(rendered.pages);
        made.push((format!("{stem}.{}", format.extension()), rendered.bytes));
    }
    // Written as soon as made, so memory stays flat however long the batch.
    let mut outputs = Vec::new();
    for (name, bytes) in made {
        write_atomic(&s.out_dir.join(&name), &bytes)?;
        outputs.push(Output {
            path: name,
            bytes: bytes.len() as u64,
            sha256: hex_sha256(&bytes),
            source: file.display().to_string(),
            source_sha256: source_sha256.clone(),
        });
    }
    Ok((pages, outputs))
}

/// The manifest of a batch: every output with its hash and its source's.
#[derive(Debug, Serialize, Deserialize)]
pub struct Manifest {
    pub tool: String,
    pub version: String,
    pub outputs: Vec<Output>,
}

/// Re-checks the hashes of a manifest's outputs: the files that are missing or changed.
pub fn verify(manifest_path: &Path) -> Result<Vec<String>, Error> {
    let text = std::fs::read_to_string(manifest_path).map_err(|source| Error::Read {
        path: manifest_path.to_owned(),
        source,
    })?;
    let manifest: Manifest = serde_json::from_str(&text).map_err(|e| {
        Error::Usage(format!(
            "{}: not a report manifest ({e})",
            manifest_path.display()
        ))
    })?;
    let dir = manifest_path.parent().unwrap_or(Path::new("."));
    let mut problems = Vec::new();
    for output in &manifest.outputs {
        let path = dir.join(&output.path);
        match std::fs::read(&path) {
            Ok(bytes) if hex_sha256(&bytes) == output.sha256 && bytes.len() as u64 == output.bytes => {}
            Ok(_) => problems.push(format!(
                "{}: changed since the batch (sha256 differs)",
                path.display()
            )),
            Err(e) => problems.push(format!("{}: {e}", path.display())),
        }
    }
    Ok(problems)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shards_partition_the_sorted_list() {
        let files: Vec<PathBuf> = (0..10).map(|i| PathBuf::from(format!("{i:02}.yaml"))).collect();
        let mut union: Vec<PathBuf> = (1..=3).flat_map(|k| shard(files.clone(), k, 3)).collect();
        union.sort();
        assert_eq!(union, files);
        assert_eq!(shard(files.clone(), 1, 3).len(), 4);
        assert!(
            shard(files.clone(), 2, 3)
                .iter()
                .all(|f| !shard(files.clone(), 1, 3).contains(f))
        );
    }
}
