//! The printable document: metadata and an ordered list of blocks (title rows, headings,
//! paragraphs made of runs in font roles, tables, the signature), with every number and
//! placement already decided. `compose` makes it from a report; every renderer prints this
//! one sequence, so PDF and DOCX say the same words in the same roles at the same places.

use crate::layout::Role;
use crate::model::Date;
use serde::Serialize;
use serde_saphyr::Location;

/// What every renderer receives: metadata and the blocks in reading order.
#[derive(Debug, Clone, Serialize)]
pub struct Document {
    pub meta: Meta,
    pub blocks: Vec<Block>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Meta {
    /// The title lines joined, for the file's metadata.
    pub title: String,
    /// The issuer, as the file's author.
    pub author: String,
    /// BCP 47 language tag of the text.
    pub lang: String,
    /// The date the document carries as its creation date.
    pub date: Date,
}

#[derive(Debug, Clone, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Block {
    /// The title as printed, one entry per row: the lines the user wrote, each broken where
    /// `placement` decided.
    Title { rows: Vec<String> },
    /// The addressee line (主送机关), as printed with its closing 「：」: flush left, first
    /// line and continuation lines alike (GB/T 9704-2012 7.3.3), after the title's blank line.
    Addressee { text: String },
    /// A heading on its own line: level 1 一、, level 2 （一）, level 3 1., level 4 （1）.
    Heading { level: u8, role: Role, text: String },
    /// A paragraph; a run-in heading is its first run.
    Paragraph { runs: Vec<Run> },
    /// The signature block (落款): each line and how far it is indented, in grid characters
    /// from the left of the text block.
    Signature {
        issuer: String,
        issuer_indent: f64,
        date: Option<String>,
        date_indent: Option<f64>,
    },
    /// A table: the statistical tables of the 2021 standard, and the tables a report writes
    /// in its body.
    Table(Table),
}

/// A table as a grid of cells. Like HTML, a row lists only the cells that start in it: a
/// cell spanning rows or columns covers the positions to its right and below, and those
/// are not listed again. The first `header_rows` rows repeat on every page the table
/// runs over.
#[derive(Debug, Clone, Serialize)]
pub struct Table {
    /// The caption, printed centred above the table in `table.caption_role`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub caption: Option<String>,
    /// Relative column widths; their count is the number of grid columns.
    pub columns: Vec<f64>,
    pub header_rows: usize,
    pub rows: Vec<Vec<Cell>>,
}

/// The grid column each cell of `rows` starts in, row by row: like HTML, a cell spanning
/// rows from above covers the positions below it, which the rows there do not list.
pub fn start_columns(rows: &[Vec<Cell>], width: usize) -> Vec<Vec<usize>> {
    let mut taken = vec![vec![false; width]; rows.len()];
    let mut out = Vec::with_capacity(rows.len());
    for (r, row) in rows.iter().enumerate() {
        let mut col = 0;
        let mut here = Vec::with_capacity(row.len());
        for cell in row {
            while col < width && taken[r][col] {
                col += 1;
            }
            here.push(col);
            for line in taken.iter_mut().skip(r).take(cell.rowspan) {
                for slot in line.iter_mut().skip(col).take(cell.colspan) {
                    *slot = true;
                }
            }
            col += cell.colspan;
        }
        out.push(here);
    }
    out
}

/// One cell: its text and how far it spans.
#[derive(Debug, Clone, Serialize)]
pub struct Cell {
    pub text: String,
    pub colspan: usize,
    pub rowspan: usize,
    pub align: CellAlign,
    pub bold: bool,
    /// How far every line of the text is indented from the cell's left inset, in the
    /// table face's characters (em): a 「其中」 sub-row sits under its parent's name.
    #[serde(skip_serializing_if = "is_zero")]
    pub indent: f64,
    /// How much further left the first line starts (em): 「其中：」 hangs before the name.
    #[serde(skip_serializing_if = "is_zero")]
    pub hanging: f64,
    /// The rows this cell spans stay on one page (`placement::keeps_rows_together`).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub keep_rows: bool,
}

fn is_zero(x: &f64) -> bool {
    *x == 0.0
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CellAlign {
    Left,
    Center,
    Right,
}

impl Cell {
    /// A one-by-one cell, centred; a number of five or more characters or a long code in it
    /// may wrap (see `placement::cell_breakable`) rather than overflow the cell.
    pub fn new(text: impl Into<String>) -> Cell {
        Cell {
            text: crate::placement::cell_breakable(&text.into()),
            colspan: 1,
            rowspan: 1,
            align: CellAlign::Center,
            bold: false,
            indent: 0.0,
            hanging: 0.0,
            keep_rows: false,
        }
    }

    /// Every line indented by `indent` em, the first line `hanging` em less.
    pub fn indent(mut self, indent: f64, hanging: f64) -> Cell {
        self.indent = indent;
        self.hanging = hanging.min(indent);
        self
    }

    pub fn span(mut self, colspan: usize, rowspan: usize) -> Cell {
        self.colspan = colspan.max(1);
        self.rowspan = rowspan.max(1);
        self.keep_rows = crate::placement::keeps_rows_together(self.rowspan);
        self
    }

    pub fn align(mut self, align: CellAlign) -> Cell {
        self.align = align;
        self
    }

    pub fn bold(mut self) -> Cell {
        self.bold = true;
        self
    }
}

/// A stretch of text set in one font role.
#[derive(Debug, Clone, Serialize)]
pub struct Run {
    pub role: Role,
    pub text: String,
}

/// A piece of the user's text as it went into the document: its font role and where it
/// was written. Validation uses these to check each character against the font that will
/// print it and to point at the line and column of a problem.
#[derive(Debug, Clone)]
pub struct SourcedText {
    /// The `layout.toml` role the text is set in.
    pub role: Role,
    /// The text as the user wrote it (without generated heading numbers).
    pub text: String,
    /// Where its value starts in the YAML.
    pub at: Location,
    /// The text of a list item, which follows a generated number (S-NUMBERING tells a
    /// number typed into it from one typed into a paragraph).
    pub item: bool,
    /// For a text as printed, whose citations (`{表3.本年新收}`) were replaced by their
    /// values: the text as written, so a finding still points into the YAML.
    pub cited: Option<Box<CitedFrom>>,
}

/// The written text a printed one came from.
#[derive(Debug, Clone)]
pub struct CitedFrom {
    pub written: String,
    /// For each character of the printed text, and its end, the written character it comes
    /// from (a cited value's characters all come from its `{`).
    pub index: Vec<usize>,
}

impl SourcedText {
    /// The text as printed: each citation replaced by the value it names.
    pub fn printed(&self, values: &[crate::model::cite::Citable]) -> SourcedText {
        if !crate::model::cite::has_braces(&self.text) {
            return self.clone();
        }
        let (text, index) = crate::model::cite::substitute_mapped(&self.text, values);
        SourcedText {
            text,
            cited: Some(Box::new(CitedFrom {
                written: self.text.clone(),
                index,
            })),
            ..self.clone()
        }
    }
}
