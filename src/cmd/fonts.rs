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

/// The notice `render` and `batch` print once per run, without `--system-fonts`, when a face
/// the template prefers for a role (仿宋_GB2312 …) is installed on the machine but a stand-in
/// is used: which face is where, and which flag uses it. The machine's fonts are looked at
/// (only their names) on a thread of their own while the reports are rendered, so the
/// notice costs a run next to nothing; it is printed at the end.
pub struct Notice(Option<std::thread::JoinHandle<(SystemFonts, u128)>>);

/// Starts looking at the machine's fonts, unless `--system-fonts` (they are loaded then) or
/// `--quiet`.
pub fn start_notice(fonts: &FontArgs) -> Notice {
    if fonts.system_fonts || super::quiet() {
        return Notice(None);
    }
    Notice(Some(std::thread::spawn(|| {
        let started = std::time::Instant::now();
        let system = SystemFonts::find();
        (system, started.elapsed().as_millis())
    })))
}

impl Notice {
    /// Prints the notice, if there is something to say.
    pub fn finish(self, session: &Session) {
        let Some((system, ms)) = self.0.and_then(|thread| thread.join().ok()) else {
            return;
        };
        crate::detail!(
            "{}",
            crate::tr!(
                "fonts-system-looked-at",
                count = system.files().len(),
                ms = ms.to_string()
            )
        );
        let found = fonts::official_faces_elsewhere(
            &session.template.layout,
            &session.roles,
            &session.fonts,
            &system,
        );
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
}
