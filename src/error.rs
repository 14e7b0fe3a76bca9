//! The errors of the library. They carry what a message needs (file, position, what to do);
//! `diag` turns them into text for a person.

use std::io;
use std::path::PathBuf;

/// A 1-based line and column in a source file (columns count characters).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SourcePos {
    pub line: u64,
    pub column: u64,
}

/// One message from the Typst compiler, already placed in its file.
#[derive(Debug, Clone)]
pub struct TypstMessage {
    pub file: Option<String>,
    pub pos: Option<SourcePos>,
    pub message: String,
    pub hints: Vec<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("cannot read {}: {source}", path.display())]
    Read { path: PathBuf, source: io::Error },

    #[error("{} is not UTF-8 text (first bad byte at line {}, column {}); save it as UTF-8", path.display(), pos.line, pos.column)]
    NotUtf8 { path: PathBuf, pos: SourcePos },

    /// The YAML could not be read into a report: syntax, unknown key, wrong type ….
    #[error("{}: {message}", path.display())]
    Yaml {
        path: PathBuf,
        pos: Option<SourcePos>,
        rule: &'static str,
        message: String,
        help: Option<String>,
    },

    #[error("{}: {message}", path.display())]
    Layout { path: PathBuf, message: String },

    #[error("{0}")]
    Fonts(String),

    #[error("the template {} failed to compile", template.display())]
    Typst {
        template: PathBuf,
        messages: Vec<TypstMessage>,
    },

    /// A renderer could not make its output.
    #[error("{format} export failed: {message}")]
    Render { format: &'static str, message: String },

    /// A batch's manifest that cannot be read as one.
    #[error("{}: not a report manifest ({message})", path.display())]
    Manifest { path: PathBuf, message: String },

    /// `--previous FILE` could not be read as a report.
    #[error("--previous: {source}")]
    Previous { source: Box<Error> },

    #[error("cannot write {}: {source}", path.display())]
    Write { path: PathBuf, source: io::Error },

    #[error("{0}")]
    Usage(String),

    /// A bug in report or a library it uses, caught before it took other work down.
    #[error("{0}")]
    Bug(String),
}
