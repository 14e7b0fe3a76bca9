//! The `.docx` reader, with the zip and XML crates the DOCX writer uses: the paragraphs of
//! `word/document.xml` (runs joined, `w:b`, `w:jc`, the paragraph style, line breaks) and its
//! tables (`w:gridSpan`, `w:vMerge`, header rows). Headers and footers (page numbers) live
//! in other parts of the package and are not read; text in text boxes and notes is kept
//! aside as not placed.

use super::blocks::{Align, Block, Cell, Origin, Paragraph, Source, Style, Table};
use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};
use std::io::{Cursor, Read};

/// Why a Word file could not be read, in the run's language.
pub type Failure = String;

/// The most a part of the package may hold once unpacked (a zip bomb stops here).
const MAX_PART_BYTES: u64 = 64 << 20;

fn part(archive: &mut zip::ZipArchive<Cursor<&[u8]>>, name: &str) -> Option<String> {
    let file = archive.by_name(name).ok()?;
    let mut bytes = Vec::new();
    file.take(MAX_PART_BYTES).read_to_end(&mut bytes).ok()?;
    String::from_utf8(bytes).ok()
}

/// Reads a Word file's bytes.
pub fn read(bytes: &[u8]) -> Result<Source, Failure> {
    let mut archive =
        zip::ZipArchive::new(Cursor::new(bytes)).map_err(|_| crate::tr!("import-docx-not-zip"))?;
    let document =
        part(&mut archive, "word/document.xml").ok_or_else(|| crate::tr!("import-docx-no-document"))?;
    let mut source = body(&document).map_err(|e| crate::tr!("import-docx-bad-xml", why = e))?;
    source.author = part(&mut archive, "docProps/core.xml").and_then(|core| creator(&core));
    Ok(source)
}

/// The `dc:creator` of the core properties.
fn creator(core: &str) -> Option<String> {
    let mut reader = Reader::from_str(core);
    let mut inside = false;
    let mut out = String::new();
    loop {
        match reader.read_event().ok()? {
            Event::Start(e) if e.name().as_ref() == "dc:creator" => inside = true,
            Event::End(e) if e.name().as_ref() == "dc:creator" => break,
            Event::Text(t) if inside => out.push_str(&t.xml10_content()),
            Event::GeneralRef(r) if inside => out.push_str(&entity(&r)),
            Event::Eof => break,
            _ => {}
        }
    }
    let out = out.trim().to_owned();
    (!out.is_empty()).then_some(out)
}

fn entity(r: &quick_xml::events::BytesRef) -> String {
    if let Ok(Some(c)) = r.resolve_char_ref() {
        return c.to_string();
    }
    match r.as_ref() {
        "amp" => "&".into(),
        "lt" => "<".into(),
        "gt" => ">".into(),
        "quot" => "\"".into(),
        "apos" => "'".into(),
        _ => String::new(),
    }
}

fn attr(e: &BytesStart, name: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.as_ref() == name)
        .and_then(|a| {
            a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .ok()
                .map(|v| v.into_owned())
        })
}

/// Whether a `w:b`-like toggle is on: present without `w:val`, or with a true value.
fn on(e: &BytesStart) -> bool {
    !matches!(attr(e, "w:val").as_deref(), Some("0" | "false" | "off"))
}

/// A paragraph being read.
#[derive(Default)]
struct Para {
    /// The runs read: text, bold, East Asian font.
    runs: Vec<(String, bool, String)>,
    run: String,
    run_bold: bool,
    run_font: String,
    align: Align,
    style: Style,
    indent_left: i64,
    hanging: i64,
}

impl Para {
    /// Ends a run. Neighbouring runs of the same weight and font are one run for us (Word
    /// and CMSes split them at every edit, or at every character), except after a run that
    /// ends a sentence: a run-in heading (「（一）主动公开。」, 「3、重点领域信息公开。」) is bold,
    /// in its own font or a run of its own, so it stays one.
    fn end_run(&mut self) {
        if !self.run.is_empty() {
            let text = std::mem::take(&mut self.run);
            let font = std::mem::take(&mut self.run_font);
            match self.runs.last_mut() {
                Some((t, b, f))
                    if *b == self.run_bold && *f == font && !t.ends_with(['。', '！', '？', '：']) =>
                {
                    t.push_str(&text)
                }
                _ => self.runs.push((text, self.run_bold, font)),
            }
        }
        self.run_bold = false;
        self.run_font.clear();
    }

    fn finish(mut self, origin: Origin) -> Paragraph {
        self.end_run();
        let text: String = self.runs.iter().map(|(t, _, _)| t.as_str()).collect();
        let lead = text.len() - text.trim_start().len();
        let bold = !self.runs.is_empty() && self.runs.iter().all(|(t, b, _)| *b || t.trim().is_empty());
        let mut runs: Vec<String> = self.runs.into_iter().map(|(t, _, _)| t).collect();
        if let Some(first) = runs.first_mut() {
            *first = first[lead.min(first.len())..].to_owned();
        }
        runs.retain(|r| !r.is_empty());
        Paragraph {
            text: text.trim().to_owned(),
            runs,
            bold,
            align: self.align,
            style: self.style,
            indent_left: self.indent_left,
            hanging: self.hanging,
            origin,
        }
    }
}

/// A table being read: rows of cells, and for each grid column the cell a `w:vMerge`
/// continuation extends.
#[derive(Default)]
struct Tbl {
    rows: Vec<Vec<Cell>>,
    header_rows: usize,
    widths: Vec<f64>,
    col: usize,
    open: Vec<Option<(usize, usize)>>,
    row_header: bool,
    cell: Option<CellState>,
    number: usize,
    /// Text in a cell that a merge covers, which no grid position shows.
    covered: Vec<(Origin, String)>,
}

#[derive(Default)]
struct CellState {
    text: String,
    align: Option<Align>,
    indent: (i64, i64),
    span: usize,
    merge: Option<bool>,
}

fn body(xml: &str) -> Result<Source, String> {
    let mut reader = Reader::from_str(xml);
    let mut source = Source::default();
    let mut para: Option<Para> = None;
    let mut table: Option<Tbl> = None;
    let mut depth_tbl = 0usize;
    let mut paragraphs = 0usize;
    let mut tables = 0usize;
    let mut in_text = false;
    let mut in_rpr = false;
    // Text boxes and notes: read, but set aside.
    let mut aside: usize = 0;
    let mut aside_text = String::new();
    let mut skip: usize = 0;
    loop {
        let event = reader.read_event().map_err(|e| e.to_string())?;
        match &event {
            Event::Eof => break,
            Event::Start(e) | Event::Empty(e) => {
                let empty = matches!(event, Event::Empty(_));
                let name = e.name();
                let name = name.as_ref();
                if skip > 0 {
                    if !empty {
                        skip += 1;
                    }
                    continue;
                }
                match name {
                    // Deleted text and field codes are not text of the document.
                    "w:del" | "w:instrText" | "w:delText" if !empty => skip = 1,
                    "w:txbxContent" | "w:footnoteReference" if !empty => aside += 1,
                    "w:tbl" if !empty => {
                        depth_tbl += 1;
                        if depth_tbl == 1 {
                            tables += 1;
                            table = Some(Tbl {
                                number: tables,
                                ..Tbl::default()
                            });
                        }
                    }
                    "w:gridCol" if depth_tbl == 1 => {
                        if let (Some(t), Some(w)) = (table.as_mut(), attr(e, "w:w")) {
                            t.widths.push(w.parse().unwrap_or(0.0));
                        }
                    }
                    "w:tr" if depth_tbl == 1 && !empty => {
                        if let Some(t) = table.as_mut() {
                            t.rows.push(Vec::new());
                            t.col = 0;
                            t.row_header = false;
                        }
                    }
                    "w:tblHeader" if depth_tbl == 1 => {
                        if let Some(t) = table.as_mut() {
                            t.row_header = on(e);
                        }
                    }
                    "w:tc" if depth_tbl == 1 && !empty => {
                        if let Some(t) = table.as_mut() {
                            t.cell = Some(CellState {
                                span: 1,
                                ..CellState::default()
                            });
                        }
                    }
                    "w:gridSpan" if depth_tbl == 1 => {
                        if let Some(c) = table.as_mut().and_then(|t| t.cell.as_mut()) {
                            c.span = attr(e, "w:val").and_then(|v| v.parse().ok()).unwrap_or(1).max(1);
                        }
                    }
                    "w:vMerge" if depth_tbl == 1 => {
                        if let Some(c) = table.as_mut().and_then(|t| t.cell.as_mut()) {
                            c.merge = Some(attr(e, "w:val").as_deref() == Some("restart"));
                        }
                    }
                    "w:p" if !empty && aside == 0 => para = Some(Para::default()),
                    "w:rPr" if !empty => in_rpr = true,
                    "w:pStyle" => {
                        if let (Some(p), Some(v)) = (para.as_mut(), attr(e, "w:val")) {
                            p.style = style(&v);
                        }
                    }
                    "w:jc" if !in_rpr => {
                        if let (Some(p), Some(v)) = (para.as_mut(), attr(e, "w:val")) {
                            p.align = match v.as_str() {
                                "center" => Align::Center,
                                "right" | "end" => Align::End,
                                "both" | "distribute" => Align::Justify,
                                _ => Align::Start,
                            };
                        }
                    }
                    "w:ind" if !in_rpr => {
                        if let (Some(p), Some(v)) =
                            (para.as_mut(), attr(e, "w:left").or_else(|| attr(e, "w:start")))
                        {
                            p.indent_left = v.parse().unwrap_or(0);
                        }
                        if let (Some(p), Some(v)) = (para.as_mut(), attr(e, "w:hanging")) {
                            p.hanging = v.parse().unwrap_or(0);
                        }
                    }
                    "w:rFonts" if in_rpr => {
                        if let (Some(p), Some(font)) = (
                            para.as_mut(),
                            attr(e, "w:eastAsia").or_else(|| attr(e, "w:ascii")),
                        ) {
                            p.run_font = font;
                        }
                    }
                    "w:b" if in_rpr => {
                        if let Some(p) = para.as_mut() {
                            p.run_bold = on(e);
                        }
                    }
                    "w:r" if !empty => {
                        if let Some(p) = para.as_mut() {
                            p.end_run();
                        }
                    }
                    "w:t" if !empty => in_text = true,
                    "w:br" | "w:cr" => {
                        // A page break is not a line of the text.
                        if attr(e, "w:type").as_deref() != Some("page")
                            && let Some(p) = para.as_mut()
                        {
                            p.run.push('\n');
                        }
                    }
                    "w:tab" if !in_rpr && para.is_some() => {
                        if let Some(p) = para.as_mut() {
                            p.run.push('\t');
                        }
                    }
                    _ => {}
                }
            }
            Event::End(e) => {
                if skip > 0 {
                    skip -= 1;
                    continue;
                }
                match e.name().as_ref() {
                    "w:txbxContent" => {
                        aside = aside.saturating_sub(1);
                        if aside == 0 && !aside_text.trim().is_empty() {
                            let origin = Origin::Paragraph(paragraphs.max(1));
                            source
                                .unplaced
                                .push((origin, std::mem::take(&mut aside_text).trim().to_owned()));
                        }
                    }
                    "w:footnoteReference" => aside = aside.saturating_sub(1),
                    "w:t" => in_text = false,
                    "w:rPr" => in_rpr = false,
                    "w:p" if aside == 0 => {
                        let Some(p) = para.take() else { continue };
                        if let Some(t) = table.as_mut() {
                            // A cell's paragraphs, one line each.
                            let p = p.finish(Origin::Paragraph(0));
                            if let Some(c) = t.cell.as_mut()
                                && !p.text.is_empty()
                            {
                                if c.align.is_none() {
                                    c.indent = (p.indent_left, p.hanging);
                                }
                                c.align.get_or_insert(p.align);
                                if !c.text.is_empty() {
                                    c.text.push('\n');
                                }
                                c.text.push_str(&p.text);
                            }
                        } else {
                            paragraphs += 1;
                            let p = p.finish(Origin::Paragraph(paragraphs));
                            if !p.text.is_empty() {
                                source.blocks.push(Block::Paragraph(p));
                            }
                        }
                    }
                    "w:tc" if depth_tbl == 1 => {
                        if let Some(t) = table.as_mut() {
                            end_cell(t);
                        }
                    }
                    "w:tr" if depth_tbl == 1 => {
                        if let Some(t) = table.as_mut()
                            && t.row_header
                            && t.header_rows + 1 == t.rows.len()
                        {
                            t.header_rows += 1;
                        }
                    }
                    "w:tbl" => {
                        depth_tbl = depth_tbl.saturating_sub(1);
                        if depth_tbl == 0
                            && let Some(t) = table.take()
                        {
                            let total: f64 = t.widths.iter().sum();
                            let widths = if total > 0.0 {
                                t.widths.iter().map(|w| w / total).collect()
                            } else {
                                Vec::new()
                            };
                            source.unplaced.extend(t.covered);
                            let rows: Vec<Vec<Cell>> = t.rows;
                            source.blocks.push(Block::Table(Table {
                                rows,
                                header_rows: t.header_rows,
                                widths,
                                origin: Origin::Cell {
                                    table: t.number,
                                    row: 1,
                                    column: 1,
                                },
                            }));
                        }
                    }
                    _ => {}
                }
            }
            Event::Text(t) if skip == 0 && in_text => {
                let s = t.xml10_content();
                push_text(&mut para, &mut aside_text, aside, &s);
            }
            Event::GeneralRef(r) if skip == 0 && in_text => {
                let s = entity(r);
                push_text(&mut para, &mut aside_text, aside, &s);
            }
            _ => {}
        }
    }
    Ok(source)
}

fn push_text(para: &mut Option<Para>, aside_text: &mut String, aside: usize, s: &str) {
    if aside > 0 {
        aside_text.push_str(s);
    } else if let Some(p) = para.as_mut() {
        p.run.push_str(s);
    }
}

/// Ends a table cell: a new cell where it starts, or one more row of the cell above that a
/// `w:vMerge` continuation extends.
fn end_cell(t: &mut Tbl) {
    let Some(c) = t.cell.take() else { return };
    let r = t.rows.len().saturating_sub(1);
    if t.open.len() < t.col + c.span {
        t.open.resize(t.col + c.span, None);
    }
    let table = t.number;
    match c.merge {
        Some(false) => {
            if !c.text.trim().is_empty() {
                let origin = Origin::Cell {
                    table,
                    row: r + 1,
                    column: t.col + 1,
                };
                t.covered.push((origin, c.text.clone()));
            }
            if let Some((rr, k)) = t.open[t.col]
                && let Some(cell) = t.rows.get_mut(rr).and_then(|row| row.get_mut(k))
            {
                cell.rowspan = r - rr + 1;
            }
        }
        restart => {
            let row = &mut t.rows[r];
            let k = row.len();
            row.push(Cell {
                text: c.text,
                align: c.align.unwrap_or_default(),
                indent: c.indent,
                colspan: c.span,
                rowspan: 1,
                origin: Origin::Cell {
                    table,
                    row: r + 1,
                    column: t.col + 1,
                },
            });
            let open = if restart == Some(true) { Some((r, k)) } else { None };
            for slot in &mut t.open[t.col..t.col + c.span] {
                *slot = open;
            }
        }
    }
    t.col += c.span;
}

fn style(id: &str) -> Style {
    let lower = id.to_ascii_lowercase();
    if lower == "title" || id == "标题" {
        return Style::Title;
    }
    for (prefix, n) in [("heading", 0), ("标题", 0)] {
        let _ = n;
        if let Some(rest) = lower.strip_prefix(prefix).or_else(|| id.strip_prefix(prefix))
            && let Ok(level) = rest.trim().parse::<u8>()
        {
            return Style::Heading(level.clamp(1, 9));
        }
    }
    Style::Normal
}
