//! `report render`: each file through load → compose → render → write. Fonts and template
//! are loaded once; a failing file is reported and the others go on.

use super::check::check_file;
use super::{Shared, exit};
use crate::cli::{FindingsFormat, RenderArgs};
use crate::diag;
use crate::document::compose;
use crate::error::Error;
use crate::model::Report;
use crate::render::Renderer;
use crate::write::write_atomic;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// Runs the command; returns the exit status.
pub fn run(args: &RenderArgs) -> u8 {
    let shared = match prepare(args) {
        Ok(prepared) => prepared,
        Err(err) => {
            eprintln!("{}", diag::render(&err));
            return exit::COULD_NOT_RUN;
        }
    };
    let renderer = match Renderer::new(
        &shared.template,
        &shared.fonts,
        &args.format,
        args.pdf_standard,
        args.embed_fonts,
    ) {
        Ok(renderer) => renderer,
        Err(err) => {
            eprintln!("{}", diag::render(&err));
            return exit::COULD_NOT_RUN;
        }
    };
    let neighbours = super::check::Neighbours::default();
    let mut status = exit::OK;
    for file in &args.files {
        // Checked first: warnings are printed, a report with errors is not rendered.
        let checked = check_file(
            file,
            Some((&shared.fonts, &shared.roles)),
            super::check::last_year(args.strictness.previous.as_deref(), &neighbours),
        );
        checked.print(FindingsFormat::Text);
        let verdict = checked.status(args.strictness.deny_warnings);
        status = status.max(verdict);
        let Some(report) = checked.report.as_ref().filter(|_| verdict == exit::OK) else {
            if verdict == exit::FINDINGS {
                eprintln!("{}: not rendered, fix the errors above first", file.display());
            }
            continue;
        };
        if let Err(err) = render_report(file, report, args, &renderer) {
            eprintln!("{}", diag::render(&err));
            status = status.max(exit::COULD_NOT_RUN);
        }
    }
    status
}

/// What every file shares, after checking that no two outputs collide.
fn prepare(args: &RenderArgs) -> Result<Shared, Error> {
    let mut seen: HashMap<PathBuf, &Path> = HashMap::new();
    for (file, format) in args
        .files
        .iter()
        .flat_map(|f| args.format.iter().map(move |x| (f, x)))
    {
        let out = output_path(file, args.output_dir.as_deref(), format.extension());
        if let Some(first) = seen.insert(out.clone(), file).filter(|first| *first != file) {
            return Err(Error::Usage(format!(
                "{} and {} would both be written to {}; render them into different folders with -o",
                first.display(),
                file.display(),
                out.display()
            )));
        }
    }
    if let Some(dir) = &args.output_dir {
        std::fs::create_dir_all(dir).map_err(|source| Error::Write {
            path: dir.clone(),
            source,
        })?;
    }
    Shared::load(&args.template, &args.fonts)
}

fn render_report(file: &Path, report: &Report, args: &RenderArgs, renderer: &Renderer) -> Result<(), Error> {
    let document = compose(report);
    // Every format is made before any file is written: a failure leaves all outputs as they were.
    let mut outputs = Vec::new();
    for &format in &args.format {
        let out = output_path(file, args.output_dir.as_deref(), format.extension());
        let rendered = renderer.render(&document, format)?;
        for w in &rendered.warnings {
            eprintln!("{}", diag::warning(&format!("{}: {}", file.display(), w.message)));
        }
        let note = rendered.pages.map(|p| format!("{p} pages")).unwrap_or_default();
        outputs.push((out, rendered.bytes, note));
    }
    for (out, bytes, note) in outputs {
        write_atomic(&out, &bytes)?;
        crate::out!("{}\t{note}", out.display());
    }
    Ok(())
}

/// `dir/stem.ext` with `-o dir`, else next to the input.
fn output_path(input: &Path, dir: Option<&Path>, ext: &str) -> PathBuf {
    let stem = input.file_stem().unwrap_or(input.as_os_str()).to_string_lossy();
    let name = format!("{stem}.{ext}");
    match dir {
        Some(dir) => dir.join(name),
        None => input.with_file_name(name),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outputs_go_next_to_the_input_or_into_the_folder() {
        assert_eq!(
            output_path(Path::new("reports/a.yaml"), None, "pdf"),
            PathBuf::from("reports/a.pdf")
        );
        assert_eq!(
            output_path(Path::new("reports/a.yaml"), Some(Path::new("out")), "pdf"),
            PathBuf::from("out/a.pdf")
        );
        assert_eq!(
            output_path(Path::new("a.b.yaml"), None, "pdf"),
            PathBuf::from("a.b.pdf")
        );
    }
}
