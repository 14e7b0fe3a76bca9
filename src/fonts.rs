//! Finds and loads the fonts: the bundled folder (fonts/), folders the user names, and the
//! system's fonts only when asked. Files are memory-mapped and faces parsed on first use, so
//! 80 MB of CJK fonts cost little time or memory until a glyph is needed. The machine's fonts
//! are found by `fontdb` (fontconfig's folders on Linux, the system and per-user folders on
//! Windows and macOS); without `--system-fonts` only their names are read, for
//! [`official_faces_elsewhere`].

use crate::error::Error;
use crate::layout::Layout;
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use typst::foundations::Bytes;
use typst::text::{Font, FontBook, FontInfo};
use typst::utils::LazyHash;

/// Environment variable naming the bundled font folder.
pub const FONT_DIR_ENV: &str = "REPORT_FONT_DIR";

/// Environment variable that replaces the machine's font folders by the ones it lists
/// (separated as in PATH), for the tests: with it, "the fonts installed on this machine"
/// are the fonts in those folders only.
pub const SYSTEM_FONT_DIRS_ENV: &str = "REPORT_SYSTEM_FONT_DIRS";

/// Where fonts come from, as the user asked.
#[derive(Debug, Clone, Default)]
pub struct FontOptions {
    /// Extra folders whose fonts are loaded besides the bundled ones (e.g. the official fonts).
    pub extra_dirs: Vec<PathBuf>,
    /// Also load the fonts installed on this machine.
    pub system_fonts: bool,
}

/// Every font face known to a run, shared by all documents of that run.
pub struct FontSet {
    book: LazyHash<FontBook>,
    slots: Vec<FontSlot>,
    /// The folder the bundled fonts were taken from.
    pub bundled_dir: PathBuf,
}

struct FontSlot {
    path: PathBuf,
    data: Bytes,
    index: u32,
    font: OnceLock<Option<Font>>,
    /// The face's characters as sorted ranges, built on first use: Typst's coverage is a
    /// run-length list searched from the start, slow for a CJK face's thousands of runs.
    ranges: OnceLock<Vec<(u32, u32)>>,
}

impl FontSet {
    /// Loads the bundled fonts and whatever else `options` asks for, every face read in full.
    pub fn load(options: &FontOptions) -> Result<FontSet, Error> {
        FontSet::load_for(options, None)
    }

    /// Loads the fonts as [`FontSet::load`] does, reading the character map only of the faces
    /// of the `families` a template sets text in (all faces when `None`). Every face is in
    /// the book with its family and style; the others, which Typst would only ever take for
    /// a character none of the template's families has (and `check` reports such a
    /// character), have an empty coverage there. Reading and sorting a CJK face's 45 000
    /// code points was most of the time of loading 23 bundled faces, of which a run uses 6.
    pub fn load_for(options: &FontOptions, families: Option<&[String]>) -> Result<FontSet, Error> {
        let bundled_dir = bundled_font_dir()?;
        // The bundled folder and the ones named with --font-dir are the user's: a damaged
        // font there stops the run with its name. A system font that cannot be read is
        // passed over, as every other program on the machine does.
        let mut files: Vec<(PathBuf, bool)> =
            font_files(&bundled_dir).into_iter().map(|p| (p, true)).collect();
        if files.is_empty() {
            return Err(Error::Fonts(crate::tr!(
                "fonts-bundled-empty",
                dir = bundled_dir.as_path(),
                env = FONT_DIR_ENV
            )));
        }
        for dir in &options.extra_dirs {
            if !dir.is_dir() {
                return Err(Error::Fonts(crate::tr!("fonts-no-font-dir", dir = dir.as_path())));
            }
            files.extend(font_files(dir).into_iter().map(|p| (p, true)));
        }
        if options.system_fonts {
            files.extend(SystemFonts::find().files().into_iter().map(|p| (p, false)));
        }
        // A folder given twice, or reached by a symlink, loads its faces once.
        let files = crate::files::once_each(files, |(path, _)| path);

        let mut faces: Vec<(PathBuf, Bytes, u32)> = Vec::new();
        for (path, named) in files {
            let checked = map_file(&path).and_then(|data| match damage(data.as_slice()) {
                Some(why) => Err(why),
                None => Ok(data),
            });
            match checked {
                Ok(data) => faces.extend(
                    (0..face_count(data.as_slice())).map(|index| (path.clone(), data.clone(), index)),
                ),
                Err(why) if named => return Err(damaged(&path, &why)),
                Err(_) => {}
            }
        }

        // Reading a face's info walks its whole character map; a CJK collection holds dozens
        // of faces, so they are read in parallel (in file order, so the book is the same).
        let wanted: Option<Vec<String>> =
            families.map(|list| list.iter().map(|f| f.to_lowercase()).collect());
        let infos: Vec<Option<FontInfo>> = faces
            .par_iter()
            .map(|(_, data, index)| {
                let data = data.as_slice();
                let Some(wanted) = &wanted else {
                    return FontInfo::new(data, *index);
                };
                let info = FontInfo::new_without_coverage(data, *index)?;
                if wanted.contains(&info.family.to_lowercase()) {
                    FontInfo::new(data, *index)
                } else {
                    Some(info)
                }
            })
            .collect();
        let mut book = FontBook::new();
        let mut slots = Vec::new();
        for ((path, data, index), info) in faces.into_iter().zip(infos) {
            // A face Typst cannot read is skipped; the others keep their own index.
            let Some(info) = info else { continue };
            book.push(info);
            slots.push(FontSlot {
                path,
                data,
                index,
                font: OnceLock::new(),
                ranges: OnceLock::new(),
            });
        }
        Ok(FontSet {
            book: LazyHash::new(book),
            slots,
            bundled_dir,
        })
    }

    /// Every face: family, weight, the file it is in and its index there, in book order.
    pub fn faces(&self) -> Vec<FaceEntry> {
        self.slots
            .iter()
            .enumerate()
            .filter_map(|(i, slot)| {
                let info = self.book.info(i)?;
                Some(FaceEntry {
                    family: info.family.clone(),
                    weight: info.variant.weight.to_number(),
                    path: slot.path.clone(),
                    index: slot.index,
                })
            })
            .collect()
    }

    /// Whether any face of `family` has a glyph for `c`.
    pub fn family_covers(&self, family: &str, c: char) -> bool {
        self.book
            .select_family(&family.to_lowercase())
            .any(|i| self.face_covers(i, c as u32))
    }

    fn face_covers(&self, index: usize, c: u32) -> bool {
        let (Some(slot), Some(info)) = (self.slots.get(index), self.book.info(index)) else {
            return false;
        };
        let ranges = slot.ranges.get_or_init(|| {
            let mut ranges: Vec<(u32, u32)> = Vec::new();
            for c in info.coverage.iter() {
                match ranges.last_mut() {
                    Some((_, end)) if *end + 1 == c => *end = c,
                    _ => ranges.push((c, c)),
                }
            }
            ranges
        });
        // The last range starting at or before `c`.
        let after = ranges.partition_point(|&(start, _)| start <= c);
        after > 0 && ranges[after - 1].1 >= c
    }

    /// The bytes of `family`'s first face, if a word processor may carry it inside a
    /// document and keep it editable: a single TrueType face (Word embeds only TrueType
    /// outlines; not a collection, not CFF) whose license bits (OS/2 fsType) allow embedding
    /// for editing, or installing.
    pub fn editable_truetype(&self, family: &str) -> Option<Vec<u8>> {
        let index =
            (0..self.slots.len()).find(|&i| self.book.info(i).is_some_and(|info| info.family == family))?;
        let slot = &self.slots[index];
        let data = slot.data.as_slice();
        let single_truetype = data.starts_with(&[0, 1, 0, 0]) || data.starts_with(b"true");
        let face = ttf_parser::Face::parse(data, slot.index).ok()?;
        let editable = matches!(
            face.permissions(),
            Some(ttf_parser::Permissions::Installable | ttf_parser::Permissions::Editable)
        );
        (single_truetype && editable).then(|| data.to_vec())
    }

    pub fn book(&self) -> &LazyHash<FontBook> {
        &self.book
    }

    /// The face at `index` of the book, parsed on first use.
    pub fn font(&self, index: usize) -> Option<Font> {
        let slot = self.slots.get(index)?;
        // The book already holds the face's info, so it is not read from the font again,
        // unless the book's has no coverage (a face outside the template's families; a face
        // without a Unicode character map is read again to the same info).
        slot.font
            .get_or_init(|| match self.book.info(index) {
                Some(info) if info.coverage.iter().next().is_some() => {
                    Font::with_info(slot.data.clone(), slot.index, info.clone())
                }
                _ => Font::new(slot.data.clone(), slot.index),
            })
            .clone()
    }

    /// For each font role, the families of its lists that are present, in the template's
    /// order: Latin and digits, the role's own, then the fallback for rare characters. A role
    /// none of whose own families is present is an error naming the families looked for.
    pub fn resolve_roles(&self, layout: &Layout) -> Result<BTreeMap<String, RoleFonts>, Error> {
        let present = |families: &[String]| -> Vec<String> {
            families
                .iter()
                .filter(|f| self.book.contains_family(&f.to_lowercase()))
                .cloned()
                .collect()
        };
        let latin = present(&layout.latin.families);
        let fallback = present(&layout.fallback.families);
        let mut roles = BTreeMap::new();
        for (name, role) in &layout.roles {
            let mut cjk = present(&role.families);
            if cjk.is_empty() {
                return Err(Error::Fonts(crate::tr!(
                    "fonts-no-role-font",
                    role = name,
                    families = role.families.join(", "),
                    dir = self.bundled_dir.as_path()
                )));
            }
            cjk.extend(
                fallback
                    .iter()
                    .filter(|f| !cjk.contains(f))
                    .cloned()
                    .collect::<Vec<_>>(),
            );
            let latin = if role.latin { latin.clone() } else { Vec::new() };
            roles.insert(name.clone(), RoleFonts { latin, cjk });
        }
        Ok(roles)
    }
}

/// The fonts a run sets each role in: the faces, and per role the families it asks for.
#[derive(Clone, Copy)]
pub struct RoleFontSet<'a> {
    pub set: &'a FontSet,
    pub roles: &'a BTreeMap<String, RoleFonts>,
}

/// One face as `report fonts` lists it.
#[derive(Debug, Clone)]
pub struct FaceEntry {
    /// The family name to write in a template's `families`.
    pub family: String,
    pub weight: u16,
    pub path: PathBuf,
    pub index: u32,
}

/// The families a role is set in: `latin` covers only Latin letters and digits (so “” and
/// other shared punctuation stay full-width), `cjk` covers the rest, best first.
#[derive(Debug, Clone, serde::Serialize)]
pub struct RoleFonts {
    pub latin: Vec<String>,
    pub cjk: Vec<String>,
}

/// The bundled font folder: `REPORT_FONT_DIR`, else `fonts/` next to the executable (or one
/// level up, for an installed `bin/`), else the source tree's `fonts/` so `cargo run` works.
fn bundled_font_dir() -> Result<PathBuf, Error> {
    if let Some(dir) = std::env::var_os(FONT_DIR_ENV) {
        let dir = PathBuf::from(dir);
        return if dir.is_dir() {
            Ok(dir)
        } else {
            Err(Error::Fonts(crate::tr!(
                "fonts-env-no-folder",
                env = FONT_DIR_ENV,
                dir = dir.as_path()
            )))
        };
    }
    let mut candidates = Vec::new();
    if let Ok(exe) = std::env::current_exe()
        && let Some(bin) = exe.parent()
    {
        candidates.push(bin.join("fonts"));
        candidates.push(bin.join("../share/report/fonts"));
    }
    candidates.push(Path::new(env!("CARGO_MANIFEST_DIR")).join("fonts"));
    candidates
        .into_iter()
        .find(|d| d.is_dir())
        .ok_or_else(|| Error::Fonts(crate::tr!("fonts-bundled-not-found", env = FONT_DIR_ENV)))
}

/// Font files in `dir` and its subfolders, each once however symlinks loop, sorted so the
/// book's order is stable.
fn font_files(dir: &Path) -> Vec<PathBuf> {
    crate::files::files_under(dir, is_font_file)
}

fn is_font_file(path: &Path) -> bool {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    matches!(ext.as_str(), "ttf" | "otf" | "ttc" | "otc")
}

/// The fonts installed on this machine, as `fontdb` finds them: each face's family names (in
/// every language its name table gives) and its file. fontdb maps each file and reads the
/// tables that name and describe a face, not its character map or glyphs.
pub struct SystemFonts {
    db: fontdb::Database,
}

impl SystemFonts {
    /// The machine's fonts, or those in the folders `REPORT_SYSTEM_FONT_DIRS` lists.
    pub fn find() -> SystemFonts {
        let mut db = fontdb::Database::new();
        match std::env::var_os(SYSTEM_FONT_DIRS_ENV) {
            Some(dirs) => {
                for dir in std::env::split_paths(&dirs) {
                    db.load_fonts_dir(dir);
                }
            }
            None => db.load_system_fonts(),
        }
        SystemFonts { db }
    }

    /// Every font file, once each, sorted so the book's order is stable.
    pub fn files(&self) -> Vec<PathBuf> {
        let mut files: Vec<PathBuf> = self
            .db
            .faces()
            .filter_map(|face| match &face.source {
                fontdb::Source::File(path) | fontdb::Source::SharedFile(path, _) => Some(path.clone()),
                fontdb::Source::Binary(_) => None,
            })
            .collect();
        files.sort();
        files.dedup();
        files
    }

    /// The file of the first face (in file order) one of whose family names is `family`,
    /// compared without case as Typst does, leaving out the files in `skip`.
    pub fn file_of(&self, family: &str, skip: &[PathBuf]) -> Option<PathBuf> {
        let family = family.to_lowercase();
        let mut found: Vec<PathBuf> = self
            .db
            .faces()
            .filter(|face| {
                face.families
                    .iter()
                    .any(|(name, _)| name.to_lowercase() == family)
            })
            .filter_map(|face| match &face.source {
                fontdb::Source::File(path) | fontdb::Source::SharedFile(path, _) => Some(path.clone()),
                fontdb::Source::Binary(_) => None,
            })
            .filter(|path| !skip.iter().any(|s| same_file(s, path)))
            .collect();
        found.sort();
        found.into_iter().next()
    }
}

/// Whether two paths name one file (a folder given with --font-dir may be a system one).
fn same_file(a: &Path, b: &Path) -> bool {
    a == b
        || match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
            (Ok(a), Ok(b)) => a == b,
            _ => false,
        }
}

/// A face the template prefers for a role, installed on the machine but not loaded, so that
/// the role is set in a family further down its list (a bundled stand-in).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OfficialFace {
    /// The family the template names, e.g. 仿宋_GB2312.
    pub family: String,
    /// Where it is installed.
    pub path: PathBuf,
    /// The family used instead.
    pub used: String,
}

/// For each role of `layout` set in a family other than its first, the first family before
/// that one which `system` has in a file `fonts` has not loaded: which official face could be
/// used, and where it is. Each family once, in the order of the roles.
pub fn official_faces_elsewhere(
    layout: &Layout,
    roles: &BTreeMap<String, RoleFonts>,
    fonts: &FontSet,
    system: &SystemFonts,
) -> Vec<OfficialFace> {
    let mut loaded: Vec<PathBuf> = fonts.slots.iter().map(|slot| slot.path.clone()).collect();
    loaded.dedup();
    let mut found: Vec<OfficialFace> = Vec::new();
    for (name, role) in &layout.roles {
        let Some(used) = roles.get(name).and_then(|r| r.cjk.first()) else {
            continue;
        };
        let preferred = role.families.iter().take_while(|f| *f != used);
        for family in preferred {
            if found.iter().any(|f| &f.family == family) {
                break;
            }
            if let Some(path) = system.file_of(family, &loaded) {
                found.push(OfficialFace {
                    family: family.clone(),
                    path,
                    used: used.clone(),
                });
                break;
            }
        }
    }
    found
}

/// How many faces a font file holds: a collection (TTC/OTC) says so in its header.
fn face_count(data: &[u8]) -> u32 {
    ttf_parser::fonts_in_collection(data).unwrap_or(1).min(256)
}

/// Maps a regular font file into memory.
fn map_file(path: &Path) -> Result<Bytes, String> {
    let file = crate::files::open_regular(path).map_err(|e| e.to_string())?;
    // SAFETY: font files are inputs nobody writes during a run. Were one truncated while we
    // read it, the process could fault; reading 80 MB of fonts into memory each run instead
    // would cost more than the whole rest of a render.
    let map = unsafe { memmap2::Mmap::map(&file) }.map_err(|e| e.to_string())?;
    Ok(Bytes::new(map))
}

/// What is wrong with a font file, if something is: a face that cannot be parsed, or a
/// table that reaches past the end of the file (a file cut short in a copy or a download,
/// whose glyphs would print blank). Only the table directory is read, not the glyphs.
fn damage(data: &[u8]) -> Option<String> {
    for index in 0..face_count(data) {
        let face = match ttf_parser::RawFace::parse(data, index) {
            Ok(face) => face,
            Err(e) => {
                return Some(crate::tr!(
                    "fonts-face-unreadable",
                    index = index.to_string(),
                    why = e.to_string()
                ));
            }
        };
        for record in face.table_records {
            let end = u64::from(record.offset) + u64::from(record.length);
            if end > data.len() as u64 {
                return Some(crate::tr!(
                    "fonts-table-past-end",
                    table = record.tag.to_string(),
                    end = end.to_string(),
                    len = data.len().to_string()
                ));
            }
        }
    }
    None
}

fn damaged(path: &Path, why: &str) -> Error {
    Error::Fonts(crate::tr!("fonts-damaged", path = path, why = why))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_fonts_licensed_for_editable_embedding_are_carried() {
        let fonts = FontSet::load(&FontOptions::default()).expect("bundled fonts");
        // Liberation Serif: TrueType, fsType 0 (installable).
        assert!(fonts.editable_truetype("Liberation Serif").is_some());
        // AR PL KaitiM GB: TrueType, but fsType 4 (preview and print only).
        assert!(fonts.editable_truetype("AR PL KaitiM GB").is_none());
        // FandolFang: CFF outlines.
        assert!(fonts.editable_truetype("FandolFang R").is_none());
        assert!(fonts.editable_truetype("no such family").is_none());
    }

    #[test]
    fn range_lookup_agrees_with_typst_coverage() {
        let fonts = FontSet::load(&FontOptions::default()).expect("bundled fonts");
        for index in 0..fonts.slots.len() {
            let info = fonts.book.info(index).expect("face info");
            // Every BMP code point, plus some beyond it, each side of every range edge.
            for c in (0..0x1_0000).chain([0x2_0000, 0x2_A6D6, 0x10_FFFF]) {
                assert_eq!(
                    fonts.face_covers(index, c),
                    info.coverage.contains(c),
                    "{} U+{c:04X}",
                    info.family
                );
            }
        }
    }
}
