//! `report init`: a new report of the chosen shape to fill in, which checks clean from the
//! start.

use super::{Outcome, exit, schema};
use crate::cli::InitArgs;
use crate::error::Error;
use crate::formats;
use crate::write::write_atomic;

pub fn run(args: &InitArgs) -> Outcome {
    let path = args
        .output
        .clone()
        .unwrap_or_else(|| format!("report-{}.yaml", args.year).into());
    if path.exists() && !args.force {
        return Err(Error::Usage(crate::tr!("init-exists", path = &path)));
    }
    // The first line points editors with the YAML language server (VS Code's YAML
    // extension) at the schema written beside the report: completion and hover offline.
    let text = format!(
        "# yaml-language-server: $schema={}\n{}",
        schema::FILE_NAME,
        formats::skeleton(args.format.into(), &args.issuer, args.year)
    );
    write_atomic(&path, text.as_bytes())?;
    crate::result!("{}", path.display());
    let schema_path = path
        .parent()
        .unwrap_or_else(|| std::path::Path::new(""))
        .join(schema::FILE_NAME);
    schema::write(&schema_path, &schema::text(crate::i18n::current())?)?;
    crate::result!("{}", schema_path.display());
    Ok(exit::OK)
}
