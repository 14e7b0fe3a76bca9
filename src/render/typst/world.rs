//! The in-memory Typst World: the template as the main source, the report and the layout
//! numbers as virtual data files, fonts from the shared [`FontSet`]. Nothing is read from
//! disk during compilation, so user text can only ever arrive as data.

use crate::fonts::FontSet;
use std::collections::HashMap;
use std::sync::LazyLock;
use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};

/// Virtual paths the template reads its inputs from.
pub const MAIN_PATH: &str = "/report.typ";
pub const REPORT_PATH: &str = "/report.json";
pub const LAYOUT_PATH: &str = "/layout.toml";

/// The standard library, built once per process and shared by every document.
static LIBRARY: LazyLock<LazyHash<Library>> = LazyLock::new(|| LazyHash::new(Library::default()));

pub struct ReportWorld<'a> {
    fonts: &'a FontSet,
    main: Source,
    files: HashMap<FileId, Bytes>,
    today: Datetime,
}

/// The id of a path in the project root (the paths used here are constants, always valid).
pub fn file_id(path: &str) -> FileId {
    let vpath = VirtualPath::new(path).unwrap_or_else(|_| unreachable!("constant virtual path {path}"));
    RootedPath::new(VirtualRoot::Project, vpath).intern()
}

impl<'a> ReportWorld<'a> {
    /// A world whose main file is `template` and whose data files are `data` (path, bytes).
    pub fn new(fonts: &'a FontSet, template: &str, data: Vec<(&str, Vec<u8>)>, today: Datetime) -> Self {
        let main = Source::new(file_id(MAIN_PATH), template.to_owned());
        let files = data
            .into_iter()
            .map(|(path, bytes)| (file_id(path), Bytes::new(bytes)))
            .collect();
        ReportWorld {
            fonts,
            main,
            files,
            today,
        }
    }
}

impl World for ReportWorld<'_> {
    fn library(&self) -> &LazyHash<Library> {
        &LIBRARY
    }

    fn book(&self) -> &LazyHash<FontBook> {
        self.fonts.book()
    }

    fn main(&self) -> FileId {
        self.main.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main.id() {
            Ok(self.main.clone())
        } else {
            Err(not_found(id))
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.main.id() {
            return Ok(Bytes::from_string(self.main.clone()));
        }
        self.files.get(&id).cloned().ok_or_else(|| not_found(id))
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.fonts.font(index)
    }

    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        // The report's own date, never the clock: output must not depend on when it ran.
        Some(self.today)
    }
}

fn not_found(id: FileId) -> FileError {
    if let VirtualRoot::Package(spec) = id.root() {
        // Typst would fetch a package from the network; report renders offline.
        return FileError::Other(Some(
            crate::tr!("typst-no-packages", spec = spec.to_string()).into(),
        ));
    }
    FileError::NotFound(id.vpath().get_without_slash().into())
}
