//! Renderers: each turns the composed document into the bytes of one output format.

pub mod docx;
pub mod pdf;

use crate::cli::OutputFormat;
use crate::document::Document;
use crate::error::{Error, TypstMessage};
use crate::fonts::FontSet;
use crate::layout::Layout;
use crate::template::Template;
use std::borrow::Cow;

/// What every document of a run is rendered with, prepared once: the template and fonts,
/// the PDF standard, and the layout and fonts the DOCX carries.
pub struct Renderer<'a> {
    template: &'a Template,
    fonts: &'a FontSet,
    pdf_flavor: pdf::PdfFlavor,
    docx_layout: Cow<'a, Layout>,
    embedded: Vec<docx::EmbeddedFont>,
}

/// One output's bytes; for a PDF, also its pages and what Typst warned about.
pub struct Rendered {
    pub bytes: Vec<u8>,
    pub pages: Option<usize>,
    pub warnings: Vec<TypstMessage>,
}

impl<'a> Renderer<'a> {
    /// With `embed_fonts` (and a DOCX among `formats`), the fonts a DOCX may carry are read
    /// here, once for the run.
    pub fn new(
        template: &'a Template,
        fonts: &'a FontSet,
        formats: &[OutputFormat],
        pdf_flavor: pdf::PdfFlavor,
        embed_fonts: bool,
    ) -> Result<Renderer<'a>, Error> {
        let (docx_layout, embedded) = if embed_fonts && formats.contains(&OutputFormat::Docx) {
            let (layout, embedded) = docx::embeddable(&template.layout, fonts)?;
            (Cow::Owned(layout), embedded)
        } else {
            (Cow::Borrowed(&template.layout), Vec::new())
        };
        Ok(Renderer {
            template,
            fonts,
            pdf_flavor,
            docx_layout,
            embedded,
        })
    }

    pub fn render(&self, doc: &Document, format: OutputFormat) -> Result<Rendered, Error> {
        Ok(match format {
            OutputFormat::Pdf => {
                let pdf = pdf::render(doc, self.template, self.fonts, self.pdf_flavor)?;
                Rendered {
                    bytes: pdf.bytes,
                    pages: Some(pdf.pages),
                    warnings: pdf.warnings,
                }
            }
            OutputFormat::Docx => Rendered {
                bytes: docx::render(doc, &self.docx_layout, &self.embedded)?,
                pages: None,
                warnings: Vec::new(),
            },
        })
    }
}
