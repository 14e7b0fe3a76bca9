//! `report data`: the JSON a template reads as `/report.json`, printed.

use super::{Shared, exit};
use crate::cli::DataArgs;
use crate::diag;
use crate::document::compose;
use crate::model::load::load_file;
use crate::render::pdf::template_data;

/// Prints the data; returns the exit status.
pub fn run(args: &DataArgs) -> u8 {
    let result = Shared::load(&args.template, &args.fonts).and_then(|shared| {
        let loaded = load_file(&args.file)?;
        template_data(&compose(&loaded.report), &shared.template, &shared.fonts)
    });
    match result {
        Ok(json) => {
            crate::out!("{}", String::from_utf8_lossy(&json));
            exit::OK
        }
        Err(err) => {
            eprintln!("{}", diag::render(&err));
            exit::COULD_NOT_RUN
        }
    }
}
