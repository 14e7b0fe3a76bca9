//! PDF from the laid-out pages, dated with the report's date so reruns are byte-identical.

use super::typeset::Typeset;
use crate::error::{Error, TypstMessage};
use crate::fonts::FontSet;
use crate::render::{Job, Output, PdfStandard, Rendered};
use crate::template::Template;
use typst::foundations::Smart;
use typst_pdf::{PdfOptions, PdfStandards, Timestamp};

/// The PDF output: the template and fonts it typesets with, and the standard it meets.
pub struct Pdf<'a> {
    pub template: &'a Template,
    pub fonts: &'a FontSet,
    pub standard: PdfStandard,
}

impl Output for Pdf<'_> {
    fn render(&self, job: &Job<'_>) -> Result<Rendered, Error> {
        let typeset = job.typeset(self.template, self.fonts)?;
        let bytes = export(typeset, self.template, self.standard)?;
        Ok(Rendered {
            bytes,
            pages: Some(typeset.document.pages().len()),
            // The layout's warnings are the job's, said once for all paged formats.
            warnings: Vec::new(),
        })
    }
}

fn standard(standard: PdfStandard) -> typst_pdf::PdfStandard {
    match standard {
        PdfStandard::V1_7 => typst_pdf::PdfStandard::V_1_7,
        PdfStandard::A2b => typst_pdf::PdfStandard::A_2b,
        PdfStandard::A2u => typst_pdf::PdfStandard::A_2u,
        PdfStandard::A3b => typst_pdf::PdfStandard::A_3b,
    }
}

/// Exports laid-out pages as PDF, dated with the report's date so reruns are identical.
pub fn export(typeset: &Typeset, template: &Template, pdf_standard: PdfStandard) -> Result<Vec<u8>, Error> {
    let standards = PdfStandards::new(&[standard(pdf_standard)]).map_err(|e| Error::Render {
        format: "PDF",
        message: e.message().to_string(),
    })?;
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
