//! One report file through load → compose → check → render → write, with what it found
//! printed: the body of `report render`'s loop, and each run of `report watch`.

use super::{exit, print_checked, print_error, print_findings, status};
use crate::cli::FindingsFormat;
use crate::pipeline::{self, Checked, Gate, LastYear, Session, check_file};
use crate::render::Renderer;
use std::path::{Path, PathBuf};

/// What every file of a run is rendered with.
pub(super) struct Job<'a> {
    pub session: &'a Session,
    pub renderer: &'a Renderer<'a>,
    /// `-o DIR`, else next to each input.
    pub dir: Option<&'a Path>,
    pub gate: Gate,
}

/// What became of the file's outputs.
pub(super) enum Rendered {
    /// Written, these files.
    Written(Vec<PathBuf>),
    /// Not rendered: the checks refused it, or it could not be read; nothing was written.
    Refused,
    /// Rendering or writing failed (printed); every existing output is as it was.
    Failed,
}

/// One file's run: its exit status, what checking it found, its outputs.
pub(super) struct FileRun {
    pub verdict: u8,
    pub checked: Checked,
    pub rendered: Rendered,
}

/// Checks `file` (warnings and errors are printed), renders it unless the gate refuses it,
/// writes every output whole and prints each one written.
pub(super) fn render_file(job: &Job, file: &Path, last_year: LastYear) -> FileRun {
    let deny_warnings = job.gate.deny_warnings;
    let checked = check_file(job.session, file, last_year);
    print_checked(&checked, FindingsFormat::Text);
    super::detail_checked(file, &checked);
    let mut verdict = status(&checked, deny_warnings);
    let Some(composed) = checked.renderable(job.gate) else {
        return FileRun {
            verdict,
            checked,
            rendered: Rendered::Refused,
        };
    };
    let made = pipeline::render(job.renderer, composed, file, job.dir).and_then(|(made, warnings)| {
        print_findings(&warnings, None, FindingsFormat::Text);
        pipeline::write(&made)?;
        for m in &made {
            crate::detail!(
                "{}",
                crate::tr!("verbose-wrote", path = &m.path, bytes = m.bytes.len())
            );
        }
        Ok(made)
    });
    let rendered = match made {
        Ok(made) => {
            let with_errors = checked.refused(deny_warnings);
            for m in &made {
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
            Rendered::Written(made.into_iter().map(|m| m.path).collect())
        }
        Err(err) => {
            print_error(&err);
            verdict = verdict.max(exit::COULD_NOT_RUN);
            Rendered::Failed
        }
    };
    FileRun {
        verdict,
        checked,
        rendered,
    }
}
