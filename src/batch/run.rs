//! Running a batch's reports: each on worker threads of our own, isolated (a report that
//! panics fails alone), each through the one pipeline and written as soon as it is made.

use super::manifest::{Output, hex_sha256};
use super::{Outcome, Settings};
use crate::diag::{self, Diagnostic, Style};
use crate::error::Error;
use crate::formats::{self, Report};
use crate::pipeline::{self, LastYear};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

/// Stack for each report's thread and for rayon's: Typst's layout recurses deeply, so the
/// main thread's 8 MB, not a spawned thread's 2 MB.
const WORKER_STACK: usize = 8 << 20;

/// Typst and krilla parallelize inside a report on rayon's global pool; give it as many
/// threads as reports run at once (as the Typst CLI's `--jobs` does; never more than the
/// cores) and the same stacks. Call before anything uses rayon (loading the fonts does), or
/// the pool cannot be shaped.
pub fn share_cores(jobs: usize) {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    // Only fails when the pool already exists, which leaves it as it is: harmless.
    let _ = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs.min(cores))
        .stack_size(WORKER_STACK)
        .build_global();
}

/// Checks and renders one report and writes its outputs; never panics on bad input, so
/// one report's failure cannot stop the others.
pub fn run_one(file: &Path, s: &Settings, last_year: Option<&Report>) -> Outcome {
    let started = Instant::now();
    let checked = pipeline::check_file(s.session, file, LastYear::Known(last_year));
    let errors = checked.errors();
    let mut outcome = Outcome {
        report: file.display().to_string(),
        issuer: checked.report.as_ref().map(|r| r.issuer.value.clone()),
        year: checked.report.as_ref().map(|r| r.year.value),
        pages: None,
        errors,
        warnings: checked.warnings(),
        rendered: false,
        rendered_with_errors: false,
        millis: 0,
        failure: None,
        outputs: Vec::new(),
        findings: Vec::new(),
        failures: Vec::new(),
        source: None,
        key_numbers: checked.report.as_ref().and_then(formats::key_numbers),
    };
    let with_errors = checked.refused(s.gate.deny_warnings);
    match checked.renderable(s.gate) {
        Some(composed) => {
            let source = checked.source.as_deref().unwrap_or_default();
            match render_outputs(file, composed, source, with_errors, s) {
                Ok((pages, outputs, warnings)) => {
                    outcome.pages = pages;
                    outcome.outputs = outputs;
                    outcome.rendered = true;
                    outcome.rendered_with_errors = with_errors;
                    outcome.warnings += warnings.len();
                    outcome.findings.extend(warnings);
                }
                Err(err) => {
                    outcome.failures.push(err);
                    outcome.errors += 1;
                }
            }
        }
        None if errors == 0 => {
            // What stopped it is its first warning, denied.
            let first = checked
                .findings
                .first()
                .map(|d| diag::text(d, None, Style::Plain));
            let first = first
                .as_deref()
                .and_then(|t| t.lines().next())
                .map_or_else(|| crate::tr!("batch-a-warning"), str::to_owned);
            outcome.failure = Some(crate::tr!("batch-warnings-denied", first = first));
        }
        None => {}
    }
    outcome.findings.splice(0..0, checked.findings);
    outcome.failures.extend(checked.failure);
    outcome.failure = outcome.failure.take().or_else(|| outcome.first_error());
    if !outcome.findings.is_empty() {
        outcome.source = checked.source;
    }
    outcome.millis = started.elapsed().as_millis() as u64;
    outcome
}

type Rendered = (Option<usize>, Vec<Output>, Vec<Diagnostic>);

fn render_outputs(
    file: &Path,
    composed: &crate::compose::Composed,
    source: &str,
    with_errors: bool,
    s: &Settings,
) -> Result<Rendered, Error> {
    let (made, warnings) = pipeline::render(s.renderer, composed, file, Some(s.out_dir))?;
    // Written as soon as made, so memory stays flat however long the batch.
    pipeline::write(&made)?;
    let source_sha256 = hex_sha256(source.as_bytes());
    let pages = made.iter().find_map(|m| m.pages);
    let outputs = made
        .iter()
        .map(|m| Output {
            // The manifest names each output relative to the batch's folder, where it was made.
            path: m
                .path
                .file_name()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned(),
            bytes: m.bytes.len() as u64,
            sha256: hex_sha256(&m.bytes),
            source: file.display().to_string(),
            source_sha256: source_sha256.clone(),
            rendered_with_errors: with_errors,
        })
        .collect();
    Ok((pages, outputs, warnings))
}

/// Runs `one` on every file with `jobs` threads of our own, each taking the next file when
/// done; the outcomes in the order of `files`. A report that panics (a bug in report or
/// Typst) fails alone, named, and the others go on.
///
/// Not rayon tasks: Typst and krilla use rayon inside a report, and a rayon worker that
/// waits there runs whatever task is queued, which would be another whole report nested on
/// its stack. Reports then hold each other's memory, time each other, and with hundreds of
/// them overflow the stack.
pub fn run_reports<F>(files: &[PathBuf], jobs: usize, one: F) -> Vec<Outcome>
where
    F: Fn(&Path) -> Outcome + Sync,
{
    let one = |file: &Path| {
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| one(file)))
            .unwrap_or_else(|panic| Outcome::crashed(file, panic_message(panic.as_ref())))
    };
    let next = AtomicUsize::new(0);
    // Takes the next file until none is left: one thread's share, by index.
    let drain = || {
        let mut mine = Vec::new();
        loop {
            let i = next.fetch_add(1, Ordering::Relaxed);
            let Some(file) = files.get(i) else { break mine };
            mine.push((i, one(file)));
        }
    };
    let mut done: Vec<(usize, Outcome)> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..jobs.clamp(1, files.len().max(1)))
            .map(|_| {
                std::thread::Builder::new()
                    .stack_size(WORKER_STACK)
                    .spawn_scoped(scope, drain)
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|w| match w.map(|h| h.join()) {
                Ok(Ok(mine)) => mine,
                // Reports' panics are caught above; anything else is ours to fail on.
                Ok(Err(panic)) => std::panic::resume_unwind(panic),
                // A thread that could not start leaves its share to the others (the queue
                // is shared).
                Err(_) => Vec::new(),
            })
            .collect()
    });
    // Spawning can fail only when the system is out of threads; run what is left here.
    done.extend(drain());
    done.sort_by_key(|(i, _)| *i);
    done.into_iter().map(|(_, o)| o).collect()
}

fn panic_message(panic: &(dyn std::any::Any + Send)) -> String {
    panic
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "no message".into())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rendered(file: &Path) -> Outcome {
        let mut o = Outcome::crashed(file, String::new());
        (o.rendered, o.errors, o.failure) = (true, 0, None);
        o
    }

    #[test]
    fn a_report_that_panics_fails_alone_and_the_order_is_kept() {
        let files: Vec<PathBuf> = (1..=7).map(|i| PathBuf::from(format!("r{i}.yaml"))).collect();
        for jobs in [1, 2, 8] {
            let outcomes = run_reports(&files, jobs, |file| {
                if file == Path::new("r3.yaml") {
                    panic!("index out of bounds in layout");
                }
                rendered(file)
            });
            let names: Vec<&str> = outcomes.iter().map(|o| o.report.as_str()).collect();
            assert_eq!(
                names,
                files.iter().map(|f| f.to_str().unwrap()).collect::<Vec<_>>()
            );
            let crashed: Vec<_> = outcomes.iter().filter(|o| !o.rendered).collect();
            assert_eq!(crashed.len(), 1, "--jobs {jobs}");
            assert_eq!(crashed[0].report, "r3.yaml");
            let failure = crashed[0].failure.as_deref().unwrap_or_default();
            assert!(failure.contains("index out of bounds in layout"), "{failure}");
        }
    }
}
