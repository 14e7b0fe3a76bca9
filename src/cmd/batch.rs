//! `report batch`: many reports into one folder, in parallel, with a progress bar, each
//! report's findings and a summary table; `report verify` re-checks a manifest.

use super::{Outcome as Status, exit, print_error, print_findings, session};
use crate::batch::{self, Outcome, inputs, manifest};
use crate::cli::{BatchArgs, FindingsFormat, VerifyArgs};
use crate::render::RenderOptions;
use indicatif::{ProgressBar, ProgressStyle};
use std::io::IsTerminal;

/// Runs the batch; 0 when every report was rendered, 1 when some have findings that stop
/// them, 2 when some could not be read, parsed or written (as `render` says of one report).
pub fn run(args: &BatchArgs) -> Status {
    let mut files = inputs::discover(&args.paths)?;
    if let Some((k, n)) = args.shard {
        files = inputs::shard(files, k, n);
    }
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let jobs = args.jobs.unwrap_or(cores);
    // Before anything uses rayon (loading the fonts does), or the pool cannot be shaped.
    batch::run::share_cores(jobs);
    let session = session(&args.template, &args.fonts)?;
    // The machine's fonts are looked at while the reports render.
    let notice = super::fonts::start_notice(&args.fonts);
    let options = batch::Options {
        files,
        out_dir: &args.output_dir,
        jobs,
        render: RenderOptions::from(&args.output),
        gate: crate::pipeline::Gate {
            deny_warnings: args.strictness.deny_warnings,
            allow_errors: args.allow.allow_errors,
        },
    };
    let progress = progress_bar(options.files.len() as u64);
    let result = batch::run(&options, &session, &|outcome| report_progress(&progress, outcome));
    if let Some(bar) = &progress {
        bar.finish_and_clear();
    }
    let outcomes = result?.outcomes;
    for outcome in &outcomes {
        for err in &outcome.failures {
            print_error(err);
        }
        print_findings(&outcome.findings, outcome.source.as_deref(), FindingsFormat::Text);
    }
    print_summary(&outcomes);
    notice.finish(&session);
    Ok(outcomes.iter().map(status).max().unwrap_or(exit::OK))
}

/// What one report of the batch calls for.
fn status(o: &Outcome) -> u8 {
    if o.rendered_with_errors {
        exit::FINDINGS
    } else if o.rendered {
        exit::OK
    } else if !o.failures.is_empty() || o.issuer.is_none() {
        exit::COULD_NOT_RUN
    } else {
        exit::FINDINGS
    }
}

/// A bar on a terminal; plain lines otherwise.
fn progress_bar(len: u64) -> Option<ProgressBar> {
    if !std::io::stderr().is_terminal() || super::quiet() {
        return None;
    }
    let bar = ProgressBar::new(len);
    if let Ok(style) = ProgressStyle::with_template("{bar:30} {pos}/{len} {msg}") {
        bar.set_style(style);
    }
    Some(bar)
}

fn report_progress(bar: &Option<ProgressBar>, outcome: &Outcome) {
    let verdict = match (outcome.rendered, outcome.rendered_with_errors) {
        (true, false) => crate::tr!("batch-progress-ok"),
        (true, true) => crate::tr!("batch-progress-ok-with-errors"),
        (false, _) => crate::tr!("batch-progress-failed"),
    };
    match bar {
        Some(bar) => {
            bar.inc(1);
            bar.set_message(format!("{} {verdict}", outcome.report));
        }
        // Piped, one line a report only when asked (--verbose): a log wants the summary.
        None => crate::detail!("{verdict}\t{}", outcome.report),
    }
}

/// The table on stdout: report, issuer, year, pages, errors, warnings, time.
fn print_summary(outcomes: &[Outcome]) {
    crate::result!("{}", crate::tr!("batch-summary-header"));
    for o in outcomes {
        crate::result!(
            "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
            o.report,
            o.issuer.as_deref().unwrap_or("-"),
            o.year.map_or("-".into(), |y| y.to_string()),
            o.pages.map_or("-".into(), |p| p.to_string()),
            o.errors,
            o.warnings,
            o.millis,
            match (o.rendered, o.rendered_with_errors) {
                (true, false) => crate::tr!("batch-result-rendered"),
                (true, true) => crate::tr!("batch-result-rendered-with-errors"),
                (false, _) => crate::tr!("batch-result-failed"),
            }
        );
    }
    let failed = outcomes.iter().filter(|o| !o.rendered).count();
    let with_errors = outcomes.iter().filter(|o| o.rendered_with_errors).count();
    let rendered = outcomes.len() - failed;
    if with_errors > 0 {
        crate::result!(
            "{}",
            crate::tr!(
                "batch-total-with-errors",
                rendered = rendered,
                with_errors = with_errors,
                failed = failed
            )
        );
    } else {
        crate::result!(
            "{}",
            crate::tr!("batch-total", rendered = rendered, failed = failed)
        );
    }
}

/// `report verify MANIFEST`: exit 0 when every output is as the manifest says, 1 if not.
pub fn verify(args: &VerifyArgs) -> Status {
    let problems = manifest::verify(&args.manifest)?;
    if problems.is_empty() {
        crate::result!("{}", crate::tr!("verify-ok", manifest = &args.manifest));
        return Ok(exit::OK);
    }
    for p in &problems {
        crate::note!("{}{p}", crate::tr!("diag-error-prefix"));
    }
    Ok(exit::FINDINGS)
}
