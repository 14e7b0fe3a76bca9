//! `report import`: a published report (.txt, .docx) into report YAML. Prints what was
//! recognised and what was not, writes the YAML (whole or not at all, never over an
//! existing file without --force), then checks it like `report check` and exits as it does.

use super::{Outcome, print_checked, session, status};
use crate::cli::{FindingsFormat, ImportArgs};
use crate::error::Error;
use crate::import;
use crate::pipeline::{LastYear, Neighbours, check_file};
use crate::write::write_atomic;

pub fn run(args: &ImportArgs) -> Outcome {
    let output = args
        .output
        .clone()
        .unwrap_or_else(|| args.file.with_extension("yaml"));
    if output == args.file {
        return Err(Error::Usage(crate::tr!("import-same-file", path = &output)));
    }
    if output.exists() && !args.force {
        return Err(Error::Usage(crate::tr!("import-exists", path = &output)));
    }
    let mut imported = import::import_file(&args.file, args.format.map(Into::into))?;
    let advanced = args
        .previous_year
        .then(|| import::previous::advance(&mut imported.draft));
    let yaml = import::to_yaml(&imported, &args.file)?;
    // What is written must load: a draft the loader refuses is our bug, not the user's.
    if let Err(err) = crate::load::parse(&output, &yaml) {
        return Err(Error::Bug(crate::tr!(
            "import-does-not-load",
            why = crate::diag::error_text(&err)
        )));
    }
    let s = &imported.summary;
    crate::progress!(
        "{}",
        crate::tr!(
            "import-recognised",
            file = &args.file,
            format = imported.draft.format,
            titles = s.title_lines,
            parts = s.parts,
            sections = s.sections,
            items = s.items,
            paragraphs = s.paragraphs,
            tables = s.tables,
            cells = s.cells
        )
    );
    if !s.typed_tables.is_empty() {
        let list: Vec<String> = s.typed_tables.iter().map(u8::to_string).collect();
        crate::progress!("{}", crate::tr!("import-typed-tables", tables = list.join("、")));
    }
    if s.signature {
        crate::progress!("{}", crate::tr!("import-signature"));
    }
    if let Some(a) = &advanced {
        crate::progress!(
            "{}",
            crate::tr!("import-advanced", year = a.year, marked = a.marked)
        );
        if a.carried {
            crate::progress!("{}", crate::tr!("import-carried"));
        }
    }
    if imported.unplaced.is_empty() {
        crate::progress!("{}", crate::tr!("import-all-placed"));
    } else {
        crate::note!(
            "{}",
            crate::tr!("import-unplaced", count = imported.unplaced.len())
        );
        for (origin, text) in &imported.unplaced {
            crate::note!("  {origin}：{}", text.replace('\n', " "));
        }
    }
    write_atomic(&output, yaml.as_bytes())?;
    crate::result!("{}", crate::tr!("import-written", path = &output));
    let session = session(&args.template, &args.fonts)?;
    let neighbours = Neighbours::default();
    let checked = check_file(&session, &output, LastYear::from(None, &neighbours));
    print_checked(&checked, FindingsFormat::Text);
    if checked.findings.is_empty() && checked.failure.is_none() {
        crate::progress!("{}", crate::tr!("import-check-clean"));
    }
    Ok(status(&checked, false))
}
