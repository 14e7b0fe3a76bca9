//! `report render`: each file through load → compose → check → render → write. The session
//! and the renderers are prepared once; a failing file is reported and the others go on.

use super::one::{Job, Rendered, render_file};
use super::{Outcome, exit, session};
use crate::cli::RenderArgs;
use crate::pipeline::{self, Gate, LastYear, Neighbours};
use crate::render::{RenderOptions, Renderer};

pub fn run(args: &RenderArgs) -> Outcome {
    // The machine's fonts are looked at while the reports render.
    let notice = super::fonts::start_notice(&args.fonts);
    let options = RenderOptions::from(&args.output);
    let dir = args.output_dir.as_deref();
    pipeline::prepare_outputs(&args.files, dir, &options.formats)?;
    let session = session(&args.template, &args.fonts)?;
    let renderer = Renderer::new(&session.template, &session.fonts, &options)?;
    let neighbours = Neighbours::default();
    let gate = Gate {
        deny_warnings: args.strictness.deny_warnings,
        allow_errors: args.allow.allow_errors,
    };
    let job = Job {
        session: &session,
        renderer: &renderer,
        dir,
        gate,
    };
    let mut worst = exit::OK;
    for file in &args.files {
        // Checked first: warnings are printed, a report with errors is not rendered (unless
        // errors are allowed).
        let last_year = LastYear::from(args.previous.previous.as_deref(), &neighbours);
        let run = render_file(&job, file, last_year);
        worst = worst.max(run.verdict);
        if matches!(run.rendered, Rendered::Refused) && run.verdict == exit::FINDINGS {
            crate::note!("{}", crate::tr!("render-not-rendered", file = file));
        }
    }
    notice.finish(&session);
    Ok(worst)
}
