//! Renderers: each turns the composed document into the bytes of one output format. A run
//! asks for its formats and their options once (`RenderOptions`); `Renderer` then holds one
//! `Output` per format and makes every document's outputs. Adding a format is a file with
//! its `Output` and one arm in `Renderer::new`.

pub mod docx;
pub mod html;
pub mod ofd;
pub mod typst;

use crate::diag::Diagnostic;
use crate::document::Document;
use crate::error::Error;
use crate::fonts::FontSet;
use crate::template::Template;

/// The output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Format {
    Pdf,
    Docx,
    /// The portal's page: one self-contained HTML file.
    Html,
    /// The page's article alone, every style inline, for pasting into a CMS.
    HtmlFragment,
    /// OFD (GB/T 33190-2016), from the same pages as the PDF.
    Ofd,
}

impl Format {
    /// The file name extension of the format's files.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Pdf => "pdf",
            Format::Docx => "docx",
            Format::Html => "html",
            Format::HtmlFragment => "fragment.html",
            Format::Ofd => "ofd",
        }
    }
}

/// The PDF standards a PDF may be made to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PdfStandard {
    /// Plain PDF 1.7.
    #[default]
    V1_7,
    /// PDF/A-2b, for archiving.
    A2b,
    /// PDF/A-2u: PDF/A-2b with text that can always be extracted as Unicode.
    A2u,
    /// PDF/A-3b.
    A3b,
}

/// What a run renders: its formats, in the order asked, and each format's options.
#[derive(Debug, Clone, Default)]
pub struct RenderOptions {
    pub formats: Vec<Format>,
    pub pdf: PdfOptions,
    pub docx: DocxOptions,
}

#[derive(Debug, Clone, Copy, Default)]
pub struct PdfOptions {
    pub standard: PdfStandard,
}

#[derive(Debug, Clone, Copy, Default)]
pub struct DocxOptions {
    /// Carry the fonts a DOCX may carry (editable TrueType faces).
    pub embed_fonts: bool,
}

/// One output's bytes; for a paged format, also its pages, and what the typesetter warned
/// about.
pub struct Rendered {
    pub bytes: Vec<u8>,
    pub pages: Option<usize>,
    pub warnings: Vec<Diagnostic>,
}

/// One output format, ready to render documents.
pub trait Output: Sync {
    fn render(&self, job: &Job<'_>) -> Result<Rendered, Error>;
}

/// One document being rendered in every format asked for, and its pages once a paged format
/// (PDF, OFD) has laid it out: the formats share one layout, so their pages are the same
/// and the layout is paid for once.
pub struct Job<'d> {
    pub doc: &'d Document,
    pages: std::cell::OnceCell<typst::typeset::Typeset>,
}

impl<'d> Job<'d> {
    pub fn new(doc: &'d Document) -> Job<'d> {
        Job {
            doc,
            pages: std::cell::OnceCell::new(),
        }
    }

    /// The document laid out into pages, the first time it is asked for.
    pub fn typeset(&self, template: &Template, fonts: &FontSet) -> Result<&typst::typeset::Typeset, Error> {
        if let Some(t) = self.pages.get() {
            return Ok(t);
        }
        let t = typst::typeset::typeset(self.doc, template, fonts)?;
        Ok(self.pages.get_or_init(|| t))
    }

    /// What laying the document out warned about (nothing if no paged format was made).
    fn take_warnings(&mut self) -> Vec<Diagnostic> {
        self.pages
            .get_mut()
            .map(|t| std::mem::take(&mut t.warnings))
            .unwrap_or_default()
    }
}

/// The outputs of a run, prepared once and shared by every document (and every thread).
pub struct Renderer<'a> {
    outputs: Vec<(Format, Box<dyn Output + 'a>)>,
}

impl<'a> Renderer<'a> {
    /// Prepares each format of `options`: what a DOCX embeds is read here, once for the run.
    pub fn new(
        template: &'a Template,
        fonts: &'a FontSet,
        options: &RenderOptions,
    ) -> Result<Renderer<'a>, Error> {
        let mut outputs: Vec<(Format, Box<dyn Output + 'a>)> = Vec::new();
        for &format in &options.formats {
            if outputs.iter().any(|(f, _)| *f == format) {
                continue;
            }
            let output: Box<dyn Output + 'a> = match format {
                Format::Pdf => Box::new(typst::pdf::Pdf {
                    template,
                    fonts,
                    standard: options.pdf.standard,
                }),
                Format::Docx => Box::new(docx::Docx::new(&template.layout, fonts, options.docx)?),
                Format::Ofd => Box::new(ofd::Ofd { template, fonts }),
                Format::Html | Format::HtmlFragment => {
                    Box::new(html::Html::new(&template.layout, format == Format::HtmlFragment))
                }
            };
            outputs.push((format, output));
        }
        Ok(Renderer { outputs })
    }

    /// Every format's output of one document; the first failure stops it.
    pub fn render(&self, doc: &Document) -> Result<Vec<(Format, Rendered)>, Error> {
        let mut job = Job::new(doc);
        let mut out = self
            .outputs
            .iter()
            .map(|(format, output)| output.render(&job).map(|r| (*format, r)))
            .collect::<Result<Vec<_>, Error>>()?;
        let warnings = job.take_warnings();
        if let Some((_, first)) = out.iter_mut().find(|(_, r)| r.pages.is_some()) {
            first.warnings.extend(warnings);
        }
        Ok(out)
    }
}
