//! `report data`: the JSON a template reads as `/report.json`, printed.

use super::{Outcome, exit, session};
use crate::cli::DataArgs;
use crate::compose::compose;
use crate::load::load_file;
use crate::render::typst::typeset::template_data;

pub fn run(args: &DataArgs) -> Outcome {
    let session = session(&args.template, &args.fonts)?;
    let loaded = load_file(&args.file)?;
    let composed = compose(&loaded.report, &session.template.layout);
    let json = template_data(&composed.document, &session.template, &session.fonts)?;
    crate::out!("{}", String::from_utf8_lossy(&json));
    Ok(exit::OK)
}
