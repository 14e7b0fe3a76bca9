//! `report fonts`: the font faces a run would load, with the family names templates use, and
//! which face each role of the template (`--template`, or the built-in one) resolves to. Also
//! the notice `render` and `batch` print when an official face is installed but not used.

use super::{Outcome, exit, session};
use crate::cli::{FontArgs, FontsArgs};
use crate::fonts::{self, SystemFonts};
use crate::pipeline::Session;

pub fn run(args: &FontsArgs) -> Outcome {
    let session = session(&args.template, &args.fonts)?;
    crate::out!(
        "{}",
        crate::tr!("fonts-bundled-folder", dir = session.fonts.bundled_dir.as_path())
    );
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

/// Once per run, without `--system-fonts`: when a face the template prefers for a role (仿宋_GB2312
/// …) is installed on the machine but a stand-in is used, one line saying which face is
/// where and which flag uses it. Only the machine's name tables are read.
pub fn notice_official_faces(session: &Session, fonts: &FontArgs) {
    if fonts.system_fonts || super::quiet() {
        return;
    }
    let system = SystemFonts::find();
    let found =
        fonts::official_faces_elsewhere(&session.template.layout, &session.roles, &session.fonts, &system);
    if found.is_empty() {
        return;
    }
    let separator = crate::tr!("fonts-list-separator");
    let faces: Vec<String> = found
        .iter()
        .map(|f| {
            crate::tr!(
                "fonts-official-face",
                family = &f.family,
                path = f.path.as_path(),
                used = &f.used
            )
        })
        .collect();
    crate::note!(
        "{}",
        crate::tr!("fonts-official-installed", faces = faces.join(&separator))
    );
}
