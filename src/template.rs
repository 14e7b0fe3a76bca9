//! Templates: the Typst source and the layout numbers a report is rendered with. The official
//! one (gbt9704) is built into the binary; `--template DIR` uses a folder holding
//! `report.typ` and `layout.toml` instead.

use crate::error::Error;
use crate::files::ReadError;
use crate::layout::Layout;
use std::path::{Path, PathBuf};

/// The built-in GB/T 9704 template's files.
const BUILTIN_SOURCE: &str = include_str!("../templates/gbt9704/report.typ");
const BUILTIN_LAYOUT: &str = include_str!("../templates/gbt9704/layout.toml");

/// The largest `report.typ` or `layout.toml` read; the official ones are some kilobytes.
const MAX_TEMPLATE_FILE_BYTES: u64 = 1 << 20;

/// A template ready to render with.
#[derive(Debug, Clone)]
pub struct Template {
    /// Where the template came from, for messages: the folder, or `<builtin>/gbt9704`.
    pub origin: PathBuf,
    /// The Typst source of the template.
    pub source: String,
    /// The layout numbers, exactly as written (passed to Typst as data).
    pub layout_text: String,
    /// The layout numbers, parsed.
    pub layout: Layout,
}

impl Template {
    /// The built-in official template.
    pub fn builtin() -> Result<Template, Error> {
        let origin = PathBuf::from("<builtin>/gbt9704");
        let layout = Layout::parse(&origin.join("layout.toml"), BUILTIN_LAYOUT)?;
        Ok(Template {
            origin,
            source: BUILTIN_SOURCE.into(),
            layout_text: BUILTIN_LAYOUT.into(),
            layout,
        })
    }

    /// A template folder holding `report.typ` and `layout.toml`.
    pub fn from_dir(dir: &Path) -> Result<Template, Error> {
        let read = |name: &str| {
            let path = dir.join(name);
            let fail = |source| Error::Read {
                path: path.clone(),
                source,
            };
            let bytes = crate::files::read_limited(&path, MAX_TEMPLATE_FILE_BYTES).map_err(|e| match e {
                ReadError::Io(e) => fail(e),
                ReadError::TooLarge { limit } => fail(std::io::Error::other(crate::tr!(
                    "template-too-large",
                    mb = limit >> 20
                ))),
            })?;
            String::from_utf8(bytes).map_err(|_| fail(std::io::Error::other(crate::tr!("template-not-utf8"))))
        };
        let source = read("report.typ")?;
        let layout_text = read("layout.toml")?;
        let layout = Layout::parse(&dir.join("layout.toml"), &layout_text)?;
        Ok(Template {
            origin: dir.to_owned(),
            source,
            layout_text,
            layout,
        })
    }

    /// `--template DIR` if given, else the built-in one.
    pub fn load(dir: Option<&Path>) -> Result<Template, Error> {
        match dir {
            Some(dir) => Template::from_dir(dir),
            None => Template::builtin(),
        }
    }
}
