//! `report import`: a published report (plain text, Word, or the portal's page) back into
//! report YAML. The pipeline, one module a stage: a reader (`text`, `docx`, `html`) turns the file into
//! neutral [`blocks`]; [`recognise`] finds the report's structure in them (and
//! [`tables`] the 2021 format's typed tables); [`yaml`] writes the result with the loader's
//! keys, a header comment and a `# 未能识别` block of what was not placed.

pub mod blocks;
pub mod docx;
pub mod html;
pub mod previous;
pub mod recognise;
pub mod tables;
pub mod text;
pub mod yaml;

use crate::error::Error;
use crate::formats::Format;
use std::io;
use std::path::Path;

pub use recognise::{Imported, Summary};

/// The largest file read (a report's Word file with its images is a few megabytes).
const MAX_INPUT_BYTES: u64 = 64 << 20;

/// The kinds of file read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Text,
    Docx,
    Html,
    /// A page saved as one file (「网页，单个文件」).
    Mhtml,
}

impl Kind {
    /// The kind a file's name says, if it is one we read.
    pub fn of(path: &Path) -> Option<Kind> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "txt" | "text" => Some(Kind::Text),
            "docx" => Some(Kind::Docx),
            "html" | "htm" | "xhtml" | "shtml" => Some(Kind::Html),
            "mhtml" | "mht" => Some(Kind::Mhtml),
            _ => None,
        }
    }
}

fn refuse(path: &Path, why: String) -> Error {
    Error::Read {
        path: path.to_owned(),
        source: io::Error::other(why),
    }
}

/// Reads and recognises `path`; `format` forces the shape.
pub fn import_file(path: &Path, format: Option<Format>) -> Result<Imported, Error> {
    let kind = Kind::of(path).ok_or_else(|| refuse(path, crate::tr!("import-unknown-kind")))?;
    let bytes = crate::files::read_limited(path, MAX_INPUT_BYTES).map_err(|e| match e {
        crate::files::ReadError::Io(source) => Error::Read {
            path: path.to_owned(),
            source,
        },
        crate::files::ReadError::TooLarge { limit } => {
            refuse(path, crate::tr!("import-too-large", megabytes = limit >> 20))
        }
    })?;
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(refuse(path, crate::tr!("import-empty")));
    }
    let source = match kind {
        Kind::Text => {
            let text = std::str::from_utf8(&bytes).map_err(|e| {
                let before = &bytes[..e.valid_up_to()];
                let line = before.iter().filter(|b| **b == b'\n').count() as u64 + 1;
                let start = before.iter().rposition(|b| *b == b'\n').map_or(0, |i| i + 1);
                let column = String::from_utf8_lossy(&before[start..]).chars().count() as u64 + 1;
                Error::NotUtf8 {
                    path: path.to_owned(),
                    pos: crate::error::SourcePos { line, column },
                }
            })?;
            text::read(text)
        }
        Kind::Docx => docx::read(&bytes).map_err(|why| refuse(path, why))?,
        Kind::Html => html::read(&bytes).map_err(|why| refuse(path, why))?,
        Kind::Mhtml => html::read_mhtml(&bytes).map_err(|why| refuse(path, why))?,
    };
    recognise::recognise(source, format).map_err(|f| {
        refuse(
            path,
            match f {
                recognise::Failure::Empty => crate::tr!("import-empty"),
                recognise::Failure::NoYear => crate::tr!("import-no-year"),
            },
        )
    })
}

/// The YAML of an imported report; `source` names the file it came from.
pub fn to_yaml(imported: &Imported, source: &Path) -> Result<String, Error> {
    let name = source.file_name().map_or_else(
        || source.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    yaml::write(&imported.draft, &name, &imported.unplaced).map_err(Error::Bug)
}
