//! `report batch`: many reports into one folder, in parallel, with a summary on stdout,
//! `summary.json` and `manifest.json` in the folder; `report verify` re-checks a manifest.

use super::{Shared, exit};
use crate::batch::{self, Manifest, Outcome, Settings};
use crate::cli::{BatchArgs, VerifyArgs};
use crate::diag;
use crate::error::Error;
use crate::render::Renderer;
use crate::write::write_atomic;
use indicatif::{ProgressBar, ProgressStyle};
use std::collections::HashMap;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

/// How many reports a memoized result may go unused before it is dropped.
const EVICT_AFTER: usize = 8;

/// Runs the batch; returns the exit status (1 if any report failed).
pub fn run(args: &BatchArgs) -> u8 {
    match run_batch(args) {
        Ok(status) => status,
        Err(err) => {
            eprintln!("{}", diag::render(&err));
            exit::COULD_NOT_RUN
        }
    }
}

fn run_batch(args: &BatchArgs) -> Result<u8, Error> {
    let mut files = batch::discover(&args.paths)?;
    if let Some((k, n)) = args.shard {
        files = batch::shard(files, k, n);
    }
    refuse_collisions(&files)?;
    std::fs::create_dir_all(&args.output_dir).map_err(|source| Error::Write {
        path: args.output_dir.clone(),
        source,
    })?;
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let jobs = args.jobs.unwrap_or(cores);
    // Before anything uses rayon (loading the fonts does), or the pool cannot be shaped.
    share_cores(jobs.min(cores));
    let shared = Shared::load(&args.template, &args.fonts)?;
    let renderer = Renderer::new(
        &shared.template,
        &shared.fonts,
        &args.format,
        args.pdf_standard,
        false,
    )?;
    let settings = Settings {
        shared: &shared,
        out_dir: &args.output_dir,
        formats: &args.format,
        renderer: &renderer,
        deny_warnings: args.strictness.deny_warnings,
    };
    let last_years = batch::last_years(&files);
    let progress = progress_bar(files.len() as u64);
    let outcomes = run_reports(&files, jobs, |file| {
        let outcome = batch::run_one(file, &settings, last_years.get(file));
        // Typst memoizes every document it lays out; forget what no recent report used, as
        // the Typst CLI does between compilations (fonts stay: every report uses them).
        typst::comemo::evict(EVICT_AFTER);
        report_progress(&progress, &outcome);
        outcome
    });
    if let Some(bar) = &progress {
        bar.finish_and_clear();
    }
    for outcome in outcomes.iter().filter(|o| !o.messages.is_empty()) {
        for message in &outcome.messages {
            eprintln!("{message}");
        }
    }
    print_summary(&outcomes);
    write_json(&args.output_dir.join("summary.json"), &outcomes)?;
    let mut outputs: Vec<_> = outcomes.iter().flat_map(|o| o.outputs.clone()).collect();
    outputs.sort_by(|a, b| a.path.cmp(&b.path));
    let manifest = Manifest {
        tool: "report".into(),
        version: env!("CARGO_PKG_VERSION").into(),
        outputs,
    };
    write_json(&args.output_dir.join("manifest.json"), &manifest)?;
    write_rollup(&args.output_dir, &outcomes, &shared, args.pdf_standard)?;
    let failed = outcomes.iter().filter(|o| !o.rendered).count();
    Ok(if failed > 0 { exit::FINDINGS } else { exit::OK })
}

/// Runs `one` on every file with `jobs` threads of our own, each taking the next file when
/// done; the outcomes in the order of `files`. A report that panics (a bug in report or
/// Typst) fails alone, named, and the others go on.
///
/// Not rayon tasks: Typst and krilla use rayon inside a report, and a rayon worker that
/// waits there runs whatever task is queued, which would be another whole report nested on
/// its stack. Reports then hold each other's memory, time each other, and with hundreds of
/// them overflow the stack.
fn run_reports<F>(files: &[PathBuf], jobs: usize, one: F) -> Vec<Outcome>
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

/// Stack for each report's thread and for rayon's: Typst's layout recurses deeply, so the
/// main thread's 8 MB, not a spawned thread's 2 MB.
const WORKER_STACK: usize = 8 << 20;

/// Typst and krilla parallelize inside a report on rayon's global pool; give it as many
/// threads as reports run at once (as the Typst CLI's `--jobs` does; never more than the
/// cores) and the same stacks.
fn share_cores(threads: usize) {
    // Only fails when the pool already exists, which leaves it as it is: harmless.
    let _ = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .stack_size(WORKER_STACK)
        .build_global();
}

/// Two inputs with one file name would overwrite each other's outputs in the one folder.
fn refuse_collisions(files: &[PathBuf]) -> Result<(), Error> {
    let mut seen: HashMap<String, &Path> = HashMap::new();
    for file in files {
        let stem = file
            .file_stem()
            .unwrap_or(file.as_os_str())
            .to_string_lossy()
            .into_owned();
        if let Some(first) = seen.insert(stem.clone(), file) {
            return Err(Error::Usage(format!(
                "{} and {} would both be written as {stem}.*; give the reports distinct file names",
                first.display(),
                file.display()
            )));
        }
    }
    Ok(())
}

/// A bar on a terminal; plain lines otherwise.
fn progress_bar(len: u64) -> Option<ProgressBar> {
    if !std::io::stderr().is_terminal() {
        return None;
    }
    let bar = ProgressBar::new(len);
    if let Ok(style) = ProgressStyle::with_template("{bar:30} {pos}/{len} {msg}") {
        bar.set_style(style);
    }
    Some(bar)
}

fn report_progress(bar: &Option<ProgressBar>, outcome: &Outcome) {
    let verdict = if outcome.rendered { "ok" } else { "FAILED" };
    match bar {
        Some(bar) => {
            bar.inc(1);
            bar.set_message(format!("{} {verdict}", outcome.report));
        }
        None => eprintln!("{verdict}\t{}", outcome.report),
    }
}

/// The table on stdout: report, issuer, year, pages, errors, warnings, time.
fn print_summary(outcomes: &[Outcome]) {
    crate::out!("report\tissuer\tyear\tpages\terrors\twarnings\tms\tresult");
    for o in outcomes {
        crate::out!(
            "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
            o.report,
            o.issuer.as_deref().unwrap_or("-"),
            o.year.map_or("-".into(), |y| y.to_string()),
            o.pages.map_or("-".into(), |p| p.to_string()),
            o.errors,
            o.warnings,
            o.millis,
            if o.rendered { "rendered" } else { "FAILED" }
        );
    }
    let failed = outcomes.iter().filter(|o| !o.rendered).count();
    crate::out!("{} rendered, {failed} failed", outcomes.len() - failed);
}

/// rollup.csv and rollup.pdf: the key numbers of the batch's 2021-format reports.
fn write_rollup(
    dir: &Path,
    outcomes: &[Outcome],
    shared: &Shared,
    flavor: crate::render::pdf::PdfFlavor,
) -> Result<(), Error> {
    if batch::rollup_rows(outcomes).is_empty() {
        return Ok(());
    }
    write_atomic(&dir.join("rollup.csv"), batch::rollup_csv(outcomes).as_bytes())?;
    let rendered = crate::render::pdf::render(
        &batch::rollup_document(outcomes),
        &shared.template,
        &shared.fonts,
        flavor,
    )?;
    write_atomic(&dir.join("rollup.pdf"), &rendered.bytes)
}

fn write_json<T: serde::Serialize>(path: &Path, value: &T) -> Result<(), Error> {
    let mut text = serde_json::to_string_pretty(value).map_err(|e| Error::Usage(e.to_string()))?;
    text.push('\n');
    write_atomic(path, text.as_bytes())
}

/// `report verify MANIFEST`: exit 0 when every output is as the manifest says, 1 if not.
pub fn verify(args: &VerifyArgs) -> u8 {
    match batch::verify(&args.manifest) {
        Ok(problems) if problems.is_empty() => {
            crate::out!("{}: every output as listed", args.manifest.display());
            exit::OK
        }
        Ok(problems) => {
            for p in &problems {
                eprintln!("error: {p}");
            }
            exit::FINDINGS
        }
        Err(err) => {
            eprintln!("{}", diag::render(&err));
            exit::COULD_NOT_RUN
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rendered(file: &Path) -> Outcome {
        let mut o = Outcome::crashed(file, String::new());
        (o.rendered, o.errors, o.failure, o.messages) = (true, 0, None, Vec::new());
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
