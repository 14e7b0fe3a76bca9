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
    #[error("{}", crate::tr!("error-read", path = path, why = io_text(source)))]
    Read { path: PathBuf, source: io::Error },

    #[error("{}", crate::tr!("error-not-utf8", path = path, line = pos.line, column = pos.column))]
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

    /// A report.toml that cannot be used: where, and what to write instead.
    #[error("{}", config_text(path, *pos, message))]
    Config {
        path: PathBuf,
        pos: Option<SourcePos>,
        message: String,
    },

    #[error("{}", crate::tr!("error-typst", template = template))]
    Typst {
        template: PathBuf,
        messages: Vec<TypstMessage>,
    },

    /// A renderer could not make its output.
    #[error("{}", crate::tr!("error-render", format = *format, message = message))]
    Render { format: &'static str, message: String },

    /// A batch's manifest that cannot be read as one.
    #[error("{}", crate::tr!("error-manifest", path = path, message = message))]
    Manifest { path: PathBuf, message: String },

    /// `--previous FILE` could not be read as a report.
    #[error("{}", crate::tr!("error-previous", why = source.to_string()))]
    Previous { source: Box<Error> },

    #[error("{}", crate::tr!("error-write", path = path, why = io_text(source)))]
    Write { path: PathBuf, source: io::Error },

    #[error("{0}")]
    Usage(String),

    /// `report watch` could not watch a file or folder for changes.
    #[error("{}", crate::tr!("error-watch", path = path, why = why))]
    Watch { path: PathBuf, why: String },

    /// `report watch --format html` could not serve the page on 127.0.0.1.
    #[error("{}", crate::tr!("error-serve", port = *port, why = why))]
    Serve { port: u16, why: String },

    /// A bug in report or a library it uses, caught before it took other work down.
    #[error("{0}")]
    Bug(String),
}

/// A report.toml's error as a user reads it: the file, the line and column, what is wrong.
fn config_text(path: &std::path::Path, pos: Option<SourcePos>, message: &str) -> String {
    match pos {
        Some(pos) => crate::tr!(
            "config-error-at",
            path = path,
            line = pos.line,
            column = pos.column,
            message = message
        ),
        None => crate::tr!("config-error", path = path, message = message),
    }
}

/// An I/O error in the run's language: the common kinds said plainly, any other as the
/// system puts it. Errors we made ourselves (`io::Error::other`) carry a message already
/// in the run's language.
pub fn io_text(err: &io::Error) -> String {
    use io::ErrorKind;
    match err.kind() {
        ErrorKind::NotFound => crate::tr!("io-not-found"),
        ErrorKind::PermissionDenied => crate::tr!("io-permission-denied"),
        ErrorKind::IsADirectory => crate::tr!("io-is-a-folder"),
        ErrorKind::NotADirectory => crate::tr!("io-not-a-folder"),
        ErrorKind::AlreadyExists => crate::tr!("io-already-exists"),
        ErrorKind::StorageFull | ErrorKind::QuotaExceeded => crate::tr!("io-storage-full"),
        ErrorKind::ReadOnlyFilesystem => crate::tr!("io-read-only"),
        _ => err.to_string(),
    }
}
