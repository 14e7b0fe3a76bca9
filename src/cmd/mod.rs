//! The subcommands, one file each with one entry function.

use crate::cli::{FontArgs, TemplateArgs};
use crate::error::Error;
use crate::fonts::{FontOptions, FontSet, RoleFonts};
use crate::template::Template;
use std::collections::BTreeMap;

pub mod batch;
pub mod check;
pub mod data;
pub mod fonts;
pub mod init;
pub mod render;
pub mod schema;

/// Prints a line of results to stdout. A closed stdout (`report check --format json | head`)
/// is not an error worth a panic: the reader has what it wanted.
#[macro_export]
macro_rules! out {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stdout(), $($arg)*);
    }};
}

/// Exit statuses shared by every command.
pub mod exit {
    /// Everything worked.
    pub const OK: u8 = 0;
    /// A report has findings with errors (or warnings, when they are denied).
    pub const FINDINGS: u8 = 1;
    /// The command could not run: usage, unreadable or invalid input, I/O.
    pub const COULD_NOT_RUN: u8 = 2;
}

/// What every file of a run shares: the template, the fonts, and each role's fonts.
pub struct Shared {
    pub template: Template,
    pub fonts: FontSet,
    pub roles: BTreeMap<String, RoleFonts>,
}

impl Shared {
    /// Loads them once for a run, as the template and font options say.
    pub fn load(template: &TemplateArgs, fonts: &FontArgs) -> Result<Shared, Error> {
        let template = Template::load(template.template.as_deref())?;
        let fonts = FontSet::load(&FontOptions::from(fonts))?;
        let roles = fonts.resolve_roles(&template.layout)?;
        Ok(Shared {
            template,
            fonts,
            roles,
        })
    }
}

impl From<&FontArgs> for FontOptions {
    fn from(args: &FontArgs) -> Self {
        FontOptions {
            extra_dirs: args.font_dirs.clone(),
            system_fonts: args.system_fonts,
        }
    }
}
