//! DOCX through docx-rs, from the same composed document and layout numbers as the PDF:
//! Word's built-in styles (so the navigation pane and a table of contents work), the
//! official font names, the 28 × 22 grid, odd and even footers with `— PAGE —`. What
//! docx-rs cannot say is added by `package` on the finished package.

mod package;
mod parts;
mod schema_order;
mod styles;
mod tables;

use crate::document::{Block, Document};
use crate::error::Error;
use crate::fonts::FontSet;
use crate::layout::{Layout, Role};
use crate::render::{DocxOptions, Output, Rendered};
use docx_rs::{
    AlignmentType, BreakType, DocGrid, DocGridType, Footer, PageMargin, PageNum, Paragraph, Run,
    SpecialIndentType,
};
use styles::{Metrics, StyleId};

/// A font file carried inside the document, under the family name the runs use.
pub use package::EmbeddedFont;

/// The DOCX output: the layout its styles and runs take their numbers and font names from,
/// and the fonts it carries.
pub struct Docx {
    layout: Layout,
    embedded: Vec<EmbeddedFont>,
}

impl Docx {
    /// With `embed_fonts`, the faces a DOCX may carry are read here, once for the run, and
    /// the roles they set are named by them.
    pub fn new(layout: &Layout, fonts: &FontSet, options: DocxOptions) -> Result<Docx, Error> {
        let (layout, embedded) = if options.embed_fonts {
            embeddable(layout, fonts)?
        } else {
            (layout.clone(), Vec::new())
        };
        Ok(Docx { layout, embedded })
    }
}

impl Output for Docx {
    fn render(&self, job: &crate::render::Job<'_>) -> Result<Rendered, Error> {
        let doc = job.doc;
        Ok(Rendered {
            bytes: render(doc, &self.layout, &self.embedded)?,
            pages: None,
            warnings: Vec::new(),
        })
    }
}

/// For `--embed-fonts`: the faces setting a role that a word processor can carry and keep
/// editing with (`FontSet::editable_truetype`), and a layout whose roles name those faces.
/// The others keep the official names: the CFF faces (FandolFang, Noto CJK), and AR PL
/// KaitiM GB, whose fsType allows only print-and-preview embedding (a document carrying it
/// opens read-only in Word).
fn embeddable(layout: &Layout, fonts: &FontSet) -> Result<(Layout, Vec<EmbeddedFont>), Error> {
    let roles = fonts.resolve_roles(layout)?;
    let mut renamed = layout.clone();
    let mut embedded: Vec<EmbeddedFont> = Vec::new();
    let mut embed = |family: &str| -> bool {
        if embedded.iter().any(|e| e.name == family) {
            return true;
        }
        let Some(data) = fonts.editable_truetype(family) else {
            return false;
        };
        embedded.push(EmbeddedFont {
            name: family.to_owned(),
            data,
        });
        true
    };
    for (name, role) in renamed.roles.iter_mut() {
        if let Some(family) = roles.get(name).and_then(|r| r.cjk.first())
            && embed(family)
        {
            role.docx_font = family.clone();
        }
    }
    let latin = roles
        .get(Role::Body.as_str())
        .and_then(|r| r.latin.first())
        .cloned();
    if let Some(family) = latin
        && embed(&family)
    {
        renamed.latin.docx_font = Some(family);
    }
    Ok((renamed, embedded))
}

/// Renders a composed document to the bytes of a .docx file, carrying `embedded` fonts.
pub fn render(doc: &Document, layout: &Layout, embedded: &[EmbeddedFont]) -> Result<Vec<u8>, Error> {
    let m = Metrics::of(layout);
    let mut docx = docx_rs::Docx::new()
        .page_size(
            styles::twips(layout.page.width_mm) as u32,
            styles::twips(layout.page.height_mm) as u32,
        )
        .page_margin(
            PageMargin::new()
                .top(styles::twips(layout.page.margin_top_mm))
                .bottom(styles::twips(layout.page.margin_bottom_mm))
                .left(styles::twips(layout.page.margin_left_mm))
                .right(styles::twips(layout.page.margin_right_mm))
                .header(styles::twips(layout.docx.header_distance_mm))
                .footer(m.footer_distance)
                .gutter(0),
        )
        .default_fonts(styles::fonts_of(layout, Role::Body))
        .default_size(m.half_points(Role::Body))
        .default_spacing(layout.docx.run_spacing_twentieths)
        .default_line_spacing(m.exact_lines())
        .footer(page_number_footer(layout, &m, Side::Odd))
        .even_footer(page_number_footer(layout, &m, Side::Even));
    for style in styles::all(layout, &m) {
        docx = docx.add_style(style);
    }
    docx = docx.add_style(tables::style(layout));
    // A line grid only: Word's character grid makes LibreOffice set 14-15 characters a line.
    docx.document.section_property = std::mem::take(&mut docx.document.section_property).doc_grid(
        DocGrid::new()
            .grid_type(DocGridType::Lines)
            .line_pitch(m.line_pitch as usize),
    );

    for block in &doc.blocks {
        match block {
            Block::Table(t) => {
                if let Some(caption) = tables::caption(t, layout, &m) {
                    docx = docx.add_paragraph(caption);
                }
                docx = docx.add_table(tables::table(t, layout, &m));
                docx = docx.add_paragraph(after_table(layout));
            }
            _ => {
                for paragraph in paragraphs(block, layout, &m) {
                    docx = docx.add_paragraph(paragraph);
                }
            }
        }
    }

    let mut raw = std::io::Cursor::new(Vec::new());
    docx.build().pack(&mut raw).map_err(|e| Error::Render {
        format: "DOCX",
        message: crate::tr!("docx-pack-failed", why = e.to_string()),
    })?;
    let header_rows: Vec<usize> = doc
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Table(t) => Some(t.header_rows),
            _ => None,
        })
        .collect();
    package::finish(&raw.into_inner(), &doc.meta, &header_rows, embedded)
}

/// The empty paragraph after each table, which keeps two tables from merging into one. It is
/// as tall as the PDF's space below a table (the leading, pitch less the body size) and not
/// on the grid: a whole empty line there put the next heading on the following page in
/// LibreOffice where the PDF still had room for it.
fn after_table(layout: &Layout) -> Paragraph {
    let leading = ((layout.grid.line_pitch_pt - layout.role(Role::Body).size_pt) * 20.0).round() as i32;
    Paragraph::new()
        .style(StyleId::NORMAL)
        .snap_to_grid(false)
        .line_spacing(styles::exact(leading))
}

/// The paragraphs one block becomes.
fn paragraphs(block: &Block, layout: &Layout, m: &Metrics) -> Vec<Paragraph> {
    match block {
        Block::Title { rows } => {
            // One paragraph, its rows separated by line breaks: readers that take the
            // document's title from its Title paragraph get all of it.
            let mut p = Paragraph::new().style(StyleId::TITLE).keep_next(true);
            for (i, row) in rows.iter().enumerate() {
                if i > 0 {
                    p = p.add_run(Run::new().add_break(BreakType::TextWrapping));
                }
                p = p.add_run(run(layout, layout.title.role, row));
            }
            // The blank line(s) between title and body.
            let after = m.line_pitch * layout.title.blank_lines_after as i32;
            vec![p.line_spacing(m.exact_lines().after(after as u32))]
        }
        // Flush left on every line: no first-line indent, against the Normal style's.
        Block::Addressee { text } => vec![
            Paragraph::new()
                .style(StyleId::NORMAL)
                .indent(Some(0), Some(SpecialIndentType::FirstLine(0)), None, None)
                .add_run(run(layout, Role::Body, text)),
        ],
        Block::Heading { level, role, text } => {
            vec![
                // Kept with the paragraph after it, as the PDF's sticky heading block is.
                Paragraph::new()
                    .style(StyleId::heading(*level))
                    .keep_next(true)
                    .add_run(run(layout, *role, text)),
            ]
        }
        Block::Paragraph { runs } => {
            let mut p = Paragraph::new().style(StyleId::NORMAL);
            for r in runs {
                p = p.add_run(run(layout, r.role, &r.text));
            }
            vec![p]
        }
        Block::Signature {
            issuer,
            issuer_indent,
            date,
            date_indent,
        } => {
            let mut lines = vec![(issuer.as_str(), *issuer_indent)];
            if let (Some(date), Some(indent)) = (date, date_indent) {
                lines.push((date.as_str(), *indent));
            }
            signature(layout, m, &lines)
        }
        Block::Table(_) => Vec::new(), // added as a table by `render`
    }
}

/// A run of text in a role's fonts. Runs holding “”‘’—… carry `w:hint="eastAsia"`, or Word
/// sets those shared marks in the Latin font, half width.
pub(crate) fn run(layout: &Layout, role: Role, text: &str) -> Run {
    let mut fonts = styles::fonts_of(layout, role);
    if text
        .chars()
        .any(|c| matches!(c, '“' | '”' | '‘' | '’' | '—' | '…' | '·'))
    {
        fonts = fonts.hint("eastAsia");
    }
    Run::new().add_text(text).fonts(fonts)
}

#[derive(Clone, Copy, PartialEq)]
enum Side {
    Odd,
    Even,
}

/// `— N —` in 4号宋体: right-aligned one character in on odd pages, left on even pages.
fn page_number_footer(layout: &Layout, m: &Metrics, side: Side) -> Footer {
    let role = layout.page_number.role;
    let size = m.half_points(role);
    let text_run = |t: &str| run(layout, role, t).size(size).character_spacing(0);
    let inset = (m.char_pitch * f64::from(layout.page_number.inset_chars)).round() as i32;
    let paragraph = Paragraph::new()
        .style(StyleId::FOOTER)
        .add_run(text_run(&layout.page_number.prefix))
        .add_page_num(PageNum::new())
        .add_run(text_run(&layout.page_number.suffix));
    let paragraph = match side {
        Side::Odd => paragraph
            .align(AlignmentType::Right)
            .indent(None, None, Some(inset), None),
        Side::Even => paragraph
            .align(AlignmentType::Left)
            .indent(Some(inset), None, None, None),
    };
    Footer::new().add_paragraph(paragraph)
}

/// 落款 without a seal: each line (issuer, then date) at the indent `placement` decided, in
/// grid characters; blank lines before it.
fn signature(layout: &Layout, m: &Metrics, lines: &[(&str, f64)]) -> Vec<Paragraph> {
    let s = &layout.signature;
    lines
        .iter()
        .enumerate()
        .map(|(i, &(text, indent))| {
            let start = (indent * m.char_pitch).round() as i32;
            let mut p = Paragraph::new()
                .style(StyleId::NORMAL)
                .indent(Some(start), Some(SpecialIndentType::FirstLine(0)), None, None)
                .add_run(run(layout, Role::Body, text));
            if i == 0 {
                let before = m.line_pitch * s.blank_lines_before as i32;
                p = p.line_spacing(m.exact_lines().before(before as u32));
            }
            p
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compose::compose;
    use crate::load::parse;
    use crate::template::Template;
    use std::path::Path;

    fn docx_of(yaml: &str) -> Vec<u8> {
        let report = parse(Path::new("t.yaml"), yaml).unwrap();
        let layout = Template::builtin().unwrap().layout;
        render(&compose(&report, &layout).document, &layout, &[]).unwrap()
    }

    #[test]
    fn the_same_input_gives_the_same_bytes() {
        let yaml = "issuer: 某局\nyear: 2023\nparts: [{heading: 甲, body: [“乙”。]}]\n";
        assert_eq!(docx_of(yaml), docx_of(yaml));
    }
}
