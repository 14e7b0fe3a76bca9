//! `report.toml`: an office's settings, written once beside its reports instead of on every
//! command line. It is found by walking up from the (first) input's folder to the root, the
//! first one found being used (as Typst finds `typst.toml`). Every key is optional:
//!
//! ```toml
//! font-dirs = ["字体"]          # folders of fonts, relative to this file's folder
//! system-fonts = true           # also use the fonts installed on this machine
//! formats = ["pdf", "docx"]     # output formats of render and batch
//! deny-warnings = true          # treat warnings as errors
//! output-dir = "输出"           # render's output folder, relative to this file's folder
//! ```
//!
//! The command layer merges it into the options; a flag given on the command line wins.

use crate::error::{Error, SourcePos};
use crate::render::Format;
use std::ops::Range;
use std::path::{Path, PathBuf};
use toml::Spanned;
use toml::de::{DeTable, DeValue};

/// The settings file's name.
pub const FILE_NAME: &str = "report.toml";

/// The largest report.toml read; a real one is some lines.
const MAX_BYTES: u64 = 1 << 20;

/// The keys a report.toml may hold.
pub const KEYS: [&str; 5] = [
    "font-dirs",
    "system-fonts",
    "formats",
    "deny-warnings",
    "output-dir",
];

/// The output formats by the names the command line gives them.
const FORMATS: [(&str, Format); 5] = [
    ("pdf", Format::Pdf),
    ("docx", Format::Docx),
    ("html", Format::Html),
    ("html-fragment", Format::HtmlFragment),
    ("ofd", Format::Ofd),
];

/// What a report.toml says; a key left out is `None` (or empty).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Config {
    /// The file the settings were read from.
    pub path: PathBuf,
    /// Font folders, each joined to the file's folder.
    pub font_dirs: Vec<PathBuf>,
    pub system_fonts: Option<bool>,
    pub formats: Option<Vec<Format>>,
    pub deny_warnings: Option<bool>,
    /// Render's output folder, joined to the file's folder.
    pub output_dir: Option<PathBuf>,
}

/// The report.toml nearest `start` (a folder), walking up to the root.
pub fn find(start: &Path) -> Option<PathBuf> {
    let start = std::path::absolute(start).unwrap_or_else(|_| start.to_owned());
    start
        .ancestors()
        .map(|dir| dir.join(FILE_NAME))
        .find(|candidate| candidate.is_file())
}

/// The settings for an input: the report.toml nearest the folder of `input` (or of the
/// current folder, for standard input or none), if there is one.
pub fn for_input(input: Option<&Path>) -> Result<Option<Config>, Error> {
    let start = match input {
        Some(path) if path != Path::new("-") => {
            if path.is_dir() {
                path.to_owned()
            } else {
                match path.parent() {
                    Some(parent) if !parent.as_os_str().is_empty() => parent.to_owned(),
                    _ => PathBuf::from("."),
                }
            }
        }
        _ => PathBuf::from("."),
    };
    find(&start).map(|path| load(&path)).transpose()
}

/// Reads and checks one report.toml.
pub fn load(path: &Path) -> Result<Config, Error> {
    let fail = |source| Error::Read {
        path: path.to_owned(),
        source,
    };
    let bytes = crate::files::read_limited(path, MAX_BYTES).map_err(|e| match e {
        crate::files::ReadError::Io(e) => fail(e),
        crate::files::ReadError::TooLarge { limit } => fail(std::io::Error::other(crate::tr!(
            "config-too-large",
            mb = limit >> 20
        ))),
    })?;
    let text =
        String::from_utf8(bytes).map_err(|_| fail(std::io::Error::other(crate::tr!("config-not-utf8"))))?;
    parse(path, &text)
}

/// Checks the text of a report.toml read from `path`: each key known and of its type, each
/// folder present. An error names the line and column and says what to write instead.
pub fn parse(path: &Path, text: &str) -> Result<Config, Error> {
    let at = |span: Range<usize>, message: String| Error::Config {
        path: path.to_owned(),
        pos: Some(pos_at(text, span.start)),
        message,
    };
    let table = DeTable::parse(text).map_err(|e| Error::Config {
        path: path.to_owned(),
        pos: e.span().map(|s| pos_at(text, s.start)),
        message: crate::tr!("config-syntax", why = e.message().trim()),
    })?;
    let base = path.parent().unwrap_or(Path::new("."));
    let mut config = Config {
        path: path.to_owned(),
        ..Config::default()
    };
    for (key, value) in table.get_ref() {
        let name: &str = key.get_ref();
        // What the value should be, and the line to write, e.g. `formats = ["pdf", "docx"]`.
        let wrong = |expected: String, example: &str| {
            at(
                value.span(),
                crate::tr!(
                    "config-wrong-type",
                    key = name,
                    expected = expected,
                    found = value.get_ref().type_str(),
                    example = format!("{name} = {example}")
                ),
            )
        };
        match name {
            "system-fonts" | "deny-warnings" => {
                let flag = value
                    .get_ref()
                    .as_bool()
                    .ok_or_else(|| wrong(crate::tr!("config-expect-bool"), "true"))?;
                if name == "system-fonts" {
                    config.system_fonts = Some(flag);
                } else {
                    config.deny_warnings = Some(flag);
                }
            }
            "font-dirs" => {
                for item in
                    array(value).ok_or_else(|| wrong(crate::tr!("config-expect-folders"), "[\"fonts\"]"))?
                {
                    let dir = item
                        .get_ref()
                        .as_str()
                        .ok_or_else(|| wrong(crate::tr!("config-expect-folders"), "[\"fonts\"]"))?;
                    let dir = base.join(dir);
                    if !dir.is_dir() {
                        return Err(at(
                            item.span(),
                            crate::tr!("config-no-folder", key = name, dir = dir.as_path()),
                        ));
                    }
                    config.font_dirs.push(dir);
                }
            }
            "formats" => {
                let mut formats = Vec::new();
                for item in array(value)
                    .ok_or_else(|| wrong(crate::tr!("config-expect-formats"), "[\"pdf\", \"docx\"]"))?
                {
                    let given = item
                        .get_ref()
                        .as_str()
                        .ok_or_else(|| wrong(crate::tr!("config-expect-formats"), "[\"pdf\", \"docx\"]"))?;
                    let format = FORMATS
                        .iter()
                        .find(|(n, _)| *n == given)
                        .map(|(_, f)| *f)
                        .ok_or_else(|| at(item.span(), crate::tr!("config-unknown-format", value = given)))?;
                    if !formats.contains(&format) {
                        formats.push(format);
                    }
                }
                if formats.is_empty() {
                    return Err(wrong(crate::tr!("config-expect-formats"), "[\"pdf\", \"docx\"]"));
                }
                config.formats = Some(formats);
            }
            "output-dir" => {
                let dir = value
                    .get_ref()
                    .as_str()
                    .ok_or_else(|| wrong(crate::tr!("config-expect-folder"), "\"out\""))?;
                config.output_dir = Some(base.join(dir));
            }
            other => {
                let mut message = crate::tr!(
                    "config-unknown-key",
                    key = other,
                    keys = KEYS.join(&crate::tr!("config-key-separator"))
                );
                if let Some(near) = KEYS
                    .iter()
                    .copied()
                    .filter(|k| strsim::damerau_levenshtein(k, other) <= 2 || k.replace('-', "_") == other)
                    .min_by_key(|k| strsim::damerau_levenshtein(k, other))
                {
                    message.push_str(&crate::tr!("config-did-you-mean", key = near));
                }
                return Err(at(key.span(), message));
            }
        }
    }
    Ok(config)
}

fn array<'a, 'i>(value: &'a Spanned<DeValue<'i>>) -> Option<&'a [Spanned<DeValue<'i>>]> {
    value.get_ref().as_array().map(AsRef::as_ref)
}

/// The 1-based line and character column of a byte offset.
fn pos_at(text: &str, offset: usize) -> SourcePos {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let head = &text[..offset];
    let line = head.matches('\n').count() as u64 + 1;
    let line_start = head.rfind('\n').map_or(0, |i| i + 1);
    let column = head[line_start..].chars().count() as u64 + 1;
    SourcePos { line, column }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(text: &str) -> (SourcePos, String) {
        match parse(Path::new("/x/report.toml"), text) {
            Err(Error::Config {
                pos: Some(pos),
                message,
                ..
            }) => (pos, message),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn every_key_is_read() {
        let config = parse(
            Path::new("/x/report.toml"),
            "system-fonts = true\nformats = [\"html\", \"pdf\", \"html\"]\ndeny-warnings = false\noutput-dir = \"out\"\nfont-dirs = []\n",
        )
        .expect("valid");
        assert_eq!(config.system_fonts, Some(true));
        assert_eq!(config.formats, Some(vec![Format::Html, Format::Pdf]));
        assert_eq!(config.deny_warnings, Some(false));
        assert_eq!(config.output_dir, Some(PathBuf::from("/x/out")));
    }

    #[test]
    fn a_misspelt_key_is_placed_and_the_right_one_offered() {
        let (pos, message) = err("system-fonts = true\n  formts = [\"pdf\"]\n");
        assert_eq!((pos.line, pos.column), (2, 3));
        assert!(
            message.contains("formts") && message.contains("`formats`"),
            "{message}"
        );
    }

    #[test]
    fn a_wrong_type_and_an_unknown_format_are_placed() {
        let (pos, message) = err("deny-warnings = \"yes\"\n");
        assert_eq!((pos.line, pos.column), (1, 17));
        assert!(message.contains("true or false"), "{message}");
        let (pos, message) = err("formats = [\"pdf\", \"word\"]\n");
        assert_eq!((pos.line, pos.column), (1, 19));
        assert!(message.contains("word") && message.contains("docx"), "{message}");
        let (pos, message) = err("system-fonts = true\nformats = [\n");
        assert!(pos.line >= 2 && message.contains("TOML"), "{pos:?} {message}");
    }
}
