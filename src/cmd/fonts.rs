//! `report fonts`: the font faces a run would load, with the family names templates use, and
//! which face each role of the template (`--template`, or the built-in one) resolves to.

use super::{Outcome, exit, session};
use crate::cli::FontsArgs;

pub fn run(args: &FontsArgs) -> Outcome {
    let session = session(&args.template, &args.fonts)?;
    crate::out!("bundled fonts: {}", session.fonts.bundled_dir.display());
    for face in session.fonts.faces() {
        crate::out!(
            "{}\t{}\t{}#{}",
            face.family,
            face.weight,
            face.path.display(),
            face.index
        );
    }
    crate::out!("");
    for (role, families) in &session.roles {
        crate::out!("{role}\t{}", families.cjk.first().map_or("", String::as_str));
    }
    Ok(exit::OK)
}
