//! `report fonts`: the font faces a run would load, with the family names templates use, and
//! which face each role of the built-in template resolves to.

use super::exit;
use crate::cli::FontsArgs;
use crate::diag;
use crate::fonts::{FontOptions, FontSet};
use crate::template::Template;

/// Runs the command; returns the exit status.
pub fn run(args: &FontsArgs) -> u8 {
    let options = FontOptions::from(&args.fonts);
    let fonts = match FontSet::load(&options) {
        Ok(fonts) => fonts,
        Err(err) => {
            eprintln!("{}", diag::render(&err));
            return exit::COULD_NOT_RUN;
        }
    };
    crate::out!("bundled fonts: {}", fonts.bundled_dir.display());
    for face in fonts.faces() {
        crate::out!(
            "{}\t{}\t{}#{}",
            face.family,
            face.weight,
            face.path.display(),
            face.index
        );
    }
    let resolved = Template::builtin().and_then(|t| fonts.resolve_roles(&t.layout));
    match resolved {
        Ok(roles) => {
            crate::out!();
            for (role, families) in roles {
                crate::out!("{role}\t{}", families.cjk.first().map_or("", String::as_str));
            }
            exit::OK
        }
        Err(err) => {
            eprintln!("{}", diag::render(&err));
            exit::COULD_NOT_RUN
        }
    }
}
