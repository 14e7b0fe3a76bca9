//! PDF through Typst, in process: the template compiled against the document as JSON data,
//! then exported with a creation date taken from the report so reruns are byte-identical.

mod world;

use crate::document::Document;
use crate::error::{Error, SourcePos, TypstMessage};
use crate::fonts::{FontSet, RoleFonts};
use crate::template::Template;
use serde::Serialize;
use std::collections::BTreeMap;
use typst::diag::{Severity, SourceDiagnostic};
use typst::foundations::{Datetime, Smart};
use typst::{World, WorldExt};
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards, Timestamp};
use world::{LAYOUT_PATH, MAIN_PATH, REPORT_PATH, ReportWorld};

/// PDF flavours a user may ask for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum PdfFlavor {
    /// Plain PDF 1.7.
    #[default]
    #[value(name = "1.7")]
    Pdf17,
    /// PDF/A-2b, for archiving.
    #[value(name = "a-2b")]
    A2b,
    /// PDF/A-2u: PDF/A-2b with text that can always be extracted as Unicode.
    #[value(name = "a-2u")]
    A2u,
    /// PDF/A-3b.
    #[value(name = "a-3b")]
    A3b,
}

impl PdfFlavor {
    fn standard(self) -> PdfStandard {
        match self {
            PdfFlavor::Pdf17 => PdfStandard::V_1_7,
            PdfFlavor::A2b => PdfStandard::A_2b,
            PdfFlavor::A2u => PdfStandard::A_2u,
            PdfFlavor::A3b => PdfStandard::A_3b,
        }
    }
}

/// A rendered PDF and what Typst warned about while making it.
pub struct RenderedPdf {
    pub bytes: Vec<u8>,
    pub pages: usize,
    pub warnings: Vec<TypstMessage>,
}

/// The document laid out into pages, before export.
pub struct Typeset {
    pub document: PagedDocument,
    pub warnings: Vec<TypstMessage>,
    date: Datetime,
}

/// The data the template reads from `/report.json`.
#[derive(Serialize)]
struct TemplateData<'a> {
    #[serde(flatten)]
    document: &'a Document,
    /// Per font role, the families to ask Typst for, in order.
    fonts: BTreeMap<String, RoleFonts>,
}

/// Renders a composed document to PDF bytes.
pub fn render(
    doc: &Document,
    template: &Template,
    fonts: &FontSet,
    flavor: PdfFlavor,
) -> Result<RenderedPdf, Error> {
    let typeset = typeset(doc, template, fonts)?;
    let bytes = export(&typeset, template, flavor)?;
    Ok(RenderedPdf {
        bytes,
        pages: typeset.document.pages().len(),
        warnings: typeset.warnings,
    })
}

/// Lays the document out into pages with the template.
pub fn typeset(doc: &Document, template: &Template, fonts: &FontSet) -> Result<Typeset, Error> {
    let json = template_data(doc, template, fonts)?;
    let date = doc.meta.date;
    let today = Datetime::from_ymd(i32::from(date.year), date.month, date.day)
        .ok_or_else(|| Error::PdfExport(format!("{date} is not a date Typst accepts")))?;
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
    let warnings = compiled.warnings.iter().map(|d| message(&world, d)).collect();
    let document = compiled
        .output
        .map_err(|errors| typst_error(&world, template, &errors))?;
    Ok(Typeset {
        document,
        warnings,
        date: today,
    })
}

/// The JSON the template reads as `/report.json`: the document and each role's fonts.
pub fn template_data(doc: &Document, template: &Template, fonts: &FontSet) -> Result<Vec<u8>, Error> {
    let data = TemplateData {
        document: doc,
        fonts: fonts.resolve_roles(&template.layout)?,
    };
    serde_json::to_vec_pretty(&data).map_err(|e| Error::PdfExport(e.to_string()))
}

/// Exports laid-out pages as PDF, dated with the report's date so reruns are identical.
pub fn export(typeset: &Typeset, template: &Template, flavor: PdfFlavor) -> Result<Vec<u8>, Error> {
    let standards =
        PdfStandards::new(&[flavor.standard()]).map_err(|e| Error::PdfExport(e.message().to_string()))?;
    let options = PdfOptions {
        creator: Smart::Custom(Some(format!("report {} (Typst 0.15)", env!("CARGO_PKG_VERSION")))),
        timestamp: Some(Timestamp::new_utc(typeset.date)),
        standards,
        ..PdfOptions::default()
    };
    typst_pdf::pdf(&typeset.document, &options).map_err(|errors| Error::Typst {
        template: template.origin.join("report.typ"),
        messages: errors
            .iter()
            .map(|d| TypstMessage {
                file: None,
                pos: None,
                message: d.message.to_string(),
                hints: d.hints.iter().map(|h| h.v.to_string()).collect(),
            })
            .collect(),
    })
}

fn typst_error(world: &ReportWorld, template: &Template, errors: &[SourceDiagnostic]) -> Error {
    let path = template.origin.join("report.typ");
    let messages = errors
        .iter()
        .filter(|d| d.severity == Severity::Error)
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
