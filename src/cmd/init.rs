//! `report init`: a new report of the chosen shape to fill in, which checks clean from the
//! start.

use super::{Outcome, exit};
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
    let text = formats::skeleton(args.format.into(), &args.issuer, args.year);
    write_atomic(&path, text.as_bytes())?;
    crate::result!("{}", path.display());
    Ok(exit::OK)
}
