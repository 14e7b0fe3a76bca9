//! DOCX through docx-rs, from the same composed document and layout numbers as the PDF:
//! Word's built-in styles (so the navigation pane and a table of contents work), the
//! official font names, the 28 × 22 grid, odd and even footers with `— PAGE —`. What
//! docx-rs cannot say is added by `package` on the finished package.

mod package;
mod styles;
mod tables;

use crate::document::{DocBlock, Document, Run as DocRun, TitleLine};
use crate::error::Error;
use crate::fonts::FontSet;
use crate::layout::Layout;
use docx_rs::{
    AlignmentType, DocGrid, DocGridType, Docx, Footer, PageMargin, PageNum, Paragraph, Run, SpecialIndentType,
};
use styles::{Metrics, StyleId};

/// A font file carried inside the document, under the family name the runs use.
pub use package::EmbeddedFont;

/// For `--embed-fonts`: the faces setting a role that a word processor can carry and keep
/// editing with — single TrueType faces (Word embeds only TrueType outlines) whose license
/// bits (OS/2 fsType) allow embedding for editing — and a layout whose roles name those
/// faces. The others keep the official names: the CFF faces (FandolFang, Noto CJK), and AR PL
/// KaitiM GB, whose fsType allows only print-and-preview embedding (a document carrying it
/// opens read-only in Word).
pub fn embeddable(layout: &Layout, fonts: &FontSet) -> Result<(Layout, Vec<EmbeddedFont>), Error> {
    let roles = fonts.resolve_roles(layout)?;
    let faces = fonts.faces();
    let mut renamed = layout.clone();
    let mut embedded: Vec<EmbeddedFont> = Vec::new();
    let mut embed = |family: &str| -> Result<bool, Error> {
        if embedded.iter().any(|e| e.name == family) {
            return Ok(true);
        }
        let Some(face) = faces.iter().find(|f| f.family == family) else {
            return Ok(false);
        };
        let data = std::fs::read(&face.path).map_err(|source| Error::Read {
            path: face.path.clone(),
            source,
        })?;
        // A single TrueType face: sfnt version 1.0 or 'true'; not a collection, not CFF.
        if !(data.starts_with(&[0, 1, 0, 0]) || data.starts_with(b"true")) || !editable_embedding(&data) {
            return Ok(false);
        }
        embedded.push(EmbeddedFont {
            name: family.to_owned(),
            data,
        });
        Ok(true)
    };
    for (name, role) in renamed.roles.iter_mut() {
        if let Some(family) = roles.get(name).and_then(|r| r.cjk.first())
            && embed(family)?
        {
            role.docx_font = family.clone();
        }
    }
    let latin = roles.get("body").and_then(|r| r.latin.first()).cloned();
    if let Some(family) = latin
        && embed(&family)?
    {
        renamed.latin.docx_font = Some(family);
    }
    Ok((renamed, embedded))
}

/// Whether a font's OS/2 fsType lets a document carry it and stay editable: installable (0)
/// or editable (bit 3); not restricted (bit 1) or preview-and-print only (bit 2).
fn editable_embedding(font: &[u8]) -> bool {
    let u16_at = |o: usize| font.get(o..o + 2).map(|b| u16::from_be_bytes([b[0], b[1]]));
    let u32_at = |o: usize| {
        font.get(o..o + 4)
            .map(|b| u32::from_be_bytes([b[0], b[1], b[2], b[3]]))
    };
    let tables = u16_at(4).unwrap_or(0) as usize;
    let os2 = (0..tables)
        .map(|i| 12 + 16 * i)
        .find(|&r| font.get(r..r + 4) == Some(b"OS/2"));
    let Some(fs_type) = os2
        .and_then(|r| u32_at(r + 8))
        .and_then(|offset| u16_at(offset as usize + 8))
    else {
        return false;
    };
    fs_type & 0x000F == 0 || fs_type & 0x0008 != 0
}

/// Renders a composed document to the bytes of a .docx file, carrying `embedded` fonts.
pub fn render(doc: &Document, layout: &Layout, embedded: &[EmbeddedFont]) -> Result<Vec<u8>, Error> {
    let m = Metrics::of(layout);
    let mut docx = Docx::new()
        .page_size(
            Layout::mm_to_twips(layout.page.width_mm) as u32,
            Layout::mm_to_twips(layout.page.height_mm) as u32,
        )
        .page_margin(
            PageMargin::new()
                .top(Layout::mm_to_twips(layout.page.margin_top_mm))
                .bottom(Layout::mm_to_twips(layout.page.margin_bottom_mm))
                .left(Layout::mm_to_twips(layout.page.margin_left_mm))
                .right(Layout::mm_to_twips(layout.page.margin_right_mm))
                .header(Layout::mm_to_twips(layout.docx.header_distance_mm))
                .footer(m.footer_distance)
                .gutter(0),
        )
        .default_fonts(styles::fonts_of(layout, "body"))
        .default_size(m.half_points("body"))
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
            DocBlock::Table(t) => {
                docx = docx.add_table(tables::table(t, layout, &m));
                // A paragraph after each table keeps two tables from merging into one.
                docx = docx.add_paragraph(Paragraph::new().style(StyleId::NORMAL));
            }
            _ => {
                for paragraph in paragraphs(block, layout, &m) {
                    docx = docx.add_paragraph(paragraph);
                }
            }
        }
    }

    let mut raw = std::io::Cursor::new(Vec::new());
    docx.build()
        .pack(&mut raw)
        .map_err(|e| Error::Docx(format!("docx-rs could not write the package: {e}")))?;
    let header_rows: Vec<usize> = doc
        .blocks
        .iter()
        .filter_map(|b| match b {
            DocBlock::Table(t) => Some(t.header_rows),
            _ => None,
        })
        .collect();
    package::finish(&raw.into_inner(), &doc.meta, &header_rows, embedded)
}

/// The paragraphs one block becomes.
fn paragraphs(block: &DocBlock, layout: &Layout, m: &Metrics) -> Vec<Paragraph> {
    match block {
        DocBlock::Title { lines } => {
            let rows = title_rows(lines, m);
            let last = rows.len().saturating_sub(1);
            rows.iter()
                .enumerate()
                .map(|(i, row)| {
                    let p =
                        Paragraph::new()
                            .style(StyleId::TITLE)
                            .add_run(run(layout, &layout.title.role, row));
                    if i < last {
                        return p;
                    }
                    // The blank line(s) between title and body.
                    let after = m.line_pitch * layout.title.blank_lines_after as i32;
                    p.line_spacing(m.exact_lines().after(after as u32))
                })
                .collect()
        }
        DocBlock::Heading { level, role, text } => {
            vec![
                Paragraph::new()
                    .style(StyleId::heading(*level))
                    .add_run(run(layout, role.name(), text)),
            ]
        }
        DocBlock::Paragraph { runs } => {
            let mut p = Paragraph::new().style(StyleId::NORMAL);
            for r in runs {
                p = p.add_run(doc_run(layout, r));
            }
            vec![p]
        }
        DocBlock::Signature { issuer, date } => signature(layout, m, issuer, date.as_deref()),
        DocBlock::Table(_) => Vec::new(), // added as a table by `render`
    }
}

/// The title's printed rows: each line as written, or broken after the issuer's name when
/// it is wider than the block (the rule the PDF template applies).
fn title_rows(lines: &[TitleLine], m: &Metrics) -> Vec<String> {
    let mut rows = Vec::new();
    for line in lines {
        let fits = |s: &str| m.width_in_ems(s) * m.title_size_pt <= m.block_width_pt;
        if fits(&line.text) || line.segments.len() < 2 || !line.segments.iter().all(|s| fits(s)) {
            rows.push(line.text.clone());
        } else {
            rows.extend(line.segments.iter().cloned());
        }
    }
    rows
}

fn doc_run(layout: &Layout, r: &DocRun) -> Run {
    run(layout, r.role.name(), &r.text)
}

/// A run of text in a role's fonts. Runs holding “”‘’—… carry `w:hint="eastAsia"`, or Word
/// sets those shared marks in the Latin font, half width.
pub(crate) fn run(layout: &Layout, role: &str, text: &str) -> Run {
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
    let role = &layout.page_number.role;
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

/// 落款 without a seal, placed by the rule of the PDF template: the issuer ends
/// `right_inset_chars` from the right, the date starts `date_offset_chars` right of the
/// issuer's start (if the date is the longer, it ends there and the issuer moves left).
fn signature(layout: &Layout, m: &Metrics, issuer: &str, date: Option<&str>) -> Vec<Paragraph> {
    let s = &layout.signature;
    let pitch = m.char_pitch;
    let right = pitch * f64::from(s.right_inset_chars);
    let offset = pitch * f64::from(s.date_offset_chars);
    let issuer_w = m.width_in_ems(issuer) * pitch;
    let date_w = date.map_or(0.0, |d| m.width_in_ems(d) * pitch);
    let block = m.block_width_pt * 20.0;
    let mut issuer_start = block - right - issuer_w;
    let mut date_start = issuer_start + offset;
    if date.is_some() && date_start + date_w > block - right {
        date_start = block - right - date_w;
        issuer_start = date_start - offset;
    }
    let line = |text: &str, start: f64, first: bool| {
        let mut p = Paragraph::new()
            .style(StyleId::NORMAL)
            .indent(
                Some(start.round() as i32),
                Some(SpecialIndentType::FirstLine(0)),
                None,
                None,
            )
            .add_run(run(layout, "body", text));
        if first {
            let before = m.line_pitch * s.blank_lines_before as i32;
            p = p.line_spacing(m.exact_lines().before(before as u32));
        }
        p
    };
    let mut out = vec![line(issuer, issuer_start, true)];
    if let Some(d) = date {
        out.push(line(d, date_start, false));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::compose;
    use crate::model::load::parse;
    use crate::template::Template;
    use std::path::Path;

    fn docx_of(yaml: &str) -> Vec<u8> {
        let report = parse(Path::new("t.yaml"), yaml).unwrap();
        render(&compose(&report), &Template::builtin().unwrap().layout, &[]).unwrap()
    }

    #[test]
    fn only_fonts_licensed_for_editable_embedding_are_carried() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fonts");
        let liberation = std::fs::read(dir.join("LiberationSerif-Regular.ttf")).unwrap();
        let kai = std::fs::read(dir.join("gkai00mp.ttf")).unwrap();
        assert!(
            editable_embedding(&liberation),
            "Liberation Serif: fsType 0, installable"
        );
        assert!(
            !editable_embedding(&kai),
            "AR PL KaitiM GB: fsType 4, preview and print only"
        );
        assert!(!editable_embedding(b"short"));
    }

    #[test]
    fn the_same_input_gives_the_same_bytes() {
        let yaml = "issuer: 某局\nyear: 2023\nparts: [{heading: 甲, body: [“乙”。]}]\n";
        assert_eq!(docx_of(yaml), docx_of(yaml));
    }

    #[test]
    fn a_long_title_line_breaks_after_the_issuer() {
        let m = Metrics::of(&Template::builtin().unwrap().layout);
        let line = TitleLine {
            text: "重庆市人民政府办公厅2014年政府信息公开工作情况".into(),
            segments: vec!["重庆市人民政府办公厅".into(), "2014年政府信息公开工作情况".into()],
        };
        assert_eq!(
            title_rows(&[line], &m),
            ["重庆市人民政府办公厅", "2014年政府信息公开工作情况"]
        );
    }
}
