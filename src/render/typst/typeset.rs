//! The document laid out into pages by Typst: the template compiled against the document as
//! JSON data (`/report.json`) and the layout numbers (`/layout.toml`), in a sealed World.

use super::world::{LAYOUT_PATH, MAIN_PATH, REPORT_PATH, ReportWorld};
use crate::diag::{Diagnostic, Severity};
use crate::document::Document;
use crate::error::{Error, SourcePos, TypstMessage};
use crate::fonts::{FontSet, RoleFonts};
use crate::template::Template;
use serde::Serialize;
use std::collections::BTreeMap;
use std::path::PathBuf;
use typst::diag::SourceDiagnostic;
use typst::foundations::{Datetime, Smart};
use typst::{World, WorldExt};
use typst_layout::PagedDocument;

/// The document laid out into pages, before export.
pub struct Typeset {
    pub document: PagedDocument,
    /// What Typst warned about, placed in the template.
    pub warnings: Vec<Diagnostic>,
    /// The report's date, which the exports carry.
    pub date: Datetime,
}

/// The data the template reads from `/report.json`.
#[derive(Serialize)]
struct TemplateData<'a> {
    #[serde(flatten)]
    document: &'a Document,
    /// Per font role, the families to ask Typst for, in order.
    fonts: BTreeMap<String, RoleFonts>,
}

/// Lays the document out into pages with the template.
pub fn typeset(doc: &Document, template: &Template, fonts: &FontSet) -> Result<Typeset, Error> {
    let json = template_data(doc, template, fonts)?;
    let date = doc.meta.date;
    let today =
        Datetime::from_ymd(i32::from(date.year), date.month, date.day).ok_or_else(|| Error::Render {
            format: "PDF",
            message: crate::tr!("typst-bad-date", date = date.to_string()),
        })?;
    let world = ReportWorld::new(
        fonts,
        &template.source,
        vec![
            (REPORT_PATH, json),
            (LAYOUT_PATH, template.layout_text.clone().into_bytes()),
        ],
        today,
    );
    let compiled = typst::compile::<PagedDocument>(&world);
    let warnings = compiled
        .warnings
        .iter()
        .map(|d| warning(&message(&world, d), template))
        .collect();
    let mut document = compiled
        .output
        .map_err(|errors| typst_error(&world, template, &errors))?;
    describe(&mut document, doc, today);
    Ok(Typeset {
        document,
        warnings,
        date: today,
    })
}

/// The PDF's title, author and date: the report's, unless the template set them. They are
/// set here rather than by a `set document` rule in the template, which would be part of the
/// styles of every element and so make each report's layout share nothing with the last.
fn describe(document: &mut PagedDocument, doc: &Document, date: Datetime) {
    let info = document.info_mut();
    if info.title.is_none() {
        info.title = Some(doc.meta.title.as_str().into());
    }
    if info.author.is_empty() {
        info.author = vec![doc.meta.author.as_str().into()];
    }
    if info.date == Smart::Auto {
        info.date = Smart::Custom(Some(date));
    }
}

/// The JSON the template reads as `/report.json`: the document and each role's fonts.
pub fn template_data(doc: &Document, template: &Template, fonts: &FontSet) -> Result<Vec<u8>, Error> {
    let data = TemplateData {
        document: doc,
        fonts: fonts.resolve_roles(&template.layout)?,
    };
    serde_json::to_vec_pretty(&data).map_err(|e| Error::Render {
        format: "PDF",
        message: crate::tr!("typst-data-failed", why = e.to_string()),
    })
}

fn typst_error(world: &ReportWorld, template: &Template, errors: &[SourceDiagnostic]) -> Error {
    let path = template.origin.join("report.typ");
    let messages = errors
        .iter()
        .filter(|d| d.severity == typst::diag::Severity::Error)
        .map(|d| {
            let mut m = message(world, d);
            // Name the template by the path the user gave, not its virtual name.
            if m.file.as_deref() == Some(MAIN_PATH.trim_start_matches('/')) {
                m.file = Some(path.display().to_string());
            }
            m
        })
        .collect();
    Error::Typst {
        template: path,
        messages,
    }
}

/// A warning of Typst's as a finding about the template, on the path of every other finding.
fn warning(m: &TypstMessage, template: &Template) -> Diagnostic {
    let file = match m.file.as_deref() {
        Some(f) if f == MAIN_PATH.trim_start_matches('/') => template.origin.join("report.typ"),
        Some(f) => PathBuf::from(f),
        None => template.origin.join("report.typ"),
    };
    let mut d = Diagnostic::new(Severity::Warning, "TYPST", &file, m.pos, m.message.clone());
    if !m.hints.is_empty() {
        d.help = Some(m.hints.join("; "));
    }
    d
}

/// A Typst diagnostic, placed at its file, line and column where it has a place.
fn message(world: &ReportWorld, diag: &SourceDiagnostic) -> TypstMessage {
    let id = diag.span.id();
    let pos = id.and_then(|id| {
        let source = world.source(id).ok()?;
        let range = world.range(diag.span)?;
        let (line, column) = source.lines().byte_to_line_column(range.start)?;
        Some(SourcePos {
            line: line as u64 + 1,
            column: column as u64 + 1,
        })
    });
    TypstMessage {
        file: id.map(|id| id.vpath().get_without_slash().to_owned()),
        pos,
        message: diag.message.to_string(),
        hints: diag.hints.iter().map(|h| h.v.to_string()).collect(),
    }
}
