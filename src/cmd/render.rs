//! `report render`: each file through load → compose → check → render → write. The session
//! and the renderers are prepared once; a failing file is reported and the others go on.

use super::{Outcome, exit, print_checked, print_error, print_findings, session, status};
use crate::cli::{FindingsFormat, RenderArgs};
use crate::pipeline::{self, Gate, LastYear, Neighbours, check_file};
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
    let deny_warnings = args.strictness.deny_warnings;
    let gate = Gate {
        deny_warnings,
        allow_errors: args.allow.allow_errors,
    };
    let mut worst = exit::OK;
    for file in &args.files {
        // Checked first: warnings are printed, a report with errors is not rendered (unless
        // errors are allowed).
        let checked = check_file(
            &session,
            file,
            LastYear::from(args.previous.previous.as_deref(), &neighbours),
        );
        print_checked(&checked, FindingsFormat::Text);
        let verdict = status(&checked, deny_warnings);
        worst = worst.max(verdict);
        let Some(composed) = checked.renderable(gate) else {
            if verdict == exit::FINDINGS {
                crate::note!("{}", crate::tr!("render-not-rendered", file = file));
            }
            continue;
        };
        let made = pipeline::render(&renderer, composed, file, dir).and_then(|(made, warnings)| {
            print_findings(&warnings, None, FindingsFormat::Text);
            pipeline::write(&made)?;
            Ok(made)
        });
        match made {
            Ok(made) => {
                let with_errors = checked.refused(deny_warnings);
                for m in made {
                    let mut note = m
                        .pages
                        .map(|p| crate::tr!("render-pages", count = p))
                        .unwrap_or_default();
                    if with_errors {
                        note.push_str(&crate::tr!(
                            "render-with-errors-mark",
                            first = u8::from(note.is_empty())
                        ));
                    }
                    crate::result!("{}\t{note}", m.path.display());
                }
                if with_errors {
                    crate::note!("{}", crate::tr!("render-rendered-with-errors", file = file));
                }
            }
            Err(err) => {
                print_error(&err);
                worst = worst.max(exit::COULD_NOT_RUN);
            }
        }
    }
    notice.finish(&session);
    Ok(worst)
}
