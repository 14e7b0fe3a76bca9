//! The neutral form every reader produces and the recogniser reads: paragraphs (their text,
//! runs, weight, alignment and where they came from) and tables (a grid of cells with their
//! spans). The `.txt`, `.docx` and `.html` readers make it.

/// Where a piece of the source came from, for the summary and the `# 未能识别` block.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// A line of a text file (from 1).
    Line(usize),
    /// A paragraph of a Word file's body (from 1, tables' paragraphs not counted).
    Paragraph(usize),
    /// A table of a Word file or page (from 1), its row and column (from 1).
    Cell { table: usize, row: usize, column: usize },
    /// The file as a whole (bytes its encoding could not read).
    File,
}

impl Origin {
    /// The place in the user's words: 「第3行」, 「第12段」, 「表1第2行第3列」.
    pub fn describe(self) -> String {
        match self {
            Origin::Line(n) => crate::tr!("import-origin-line", line = n),
            Origin::Paragraph(n) => crate::tr!("import-origin-paragraph", paragraph = n),
            Origin::Cell { table, row, column } => {
                crate::tr!("import-origin-cell", table = table, row = row, column = column)
            }
            Origin::File => crate::tr!("import-origin-file"),
        }
    }
}

/// How a paragraph is aligned.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Align {
    #[default]
    Start,
    Center,
    End,
    Justify,
}

/// What kind of paragraph the source says it is, where it says so (a Word style).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Style {
    #[default]
    Normal,
    Title,
    /// Heading 1 to 4.
    Heading(u8),
}

/// One paragraph.
#[derive(Debug, Clone, Default)]
pub struct Paragraph {
    /// The text, without leading and trailing white space; `\n` where the source breaks a
    /// line inside the paragraph.
    pub text: String,
    /// The text by runs of one formatting, where the source has them (Word); one run
    /// otherwise. A run-in heading is its first run.
    pub runs: Vec<String>,
    /// Every run bold.
    pub bold: bool,
    pub align: Align,
    pub style: Style,
    /// The left indent in twentieths of a point (a signature is indented from the left).
    pub indent_left: i64,
    /// The hanging indent of the first line, in twentieths of a point.
    pub hanging: i64,
    pub origin: Origin,
}

impl Default for Origin {
    fn default() -> Self {
        Origin::Line(0)
    }
}

/// One cell of a table, listed in the row where it starts (as in HTML).
#[derive(Debug, Clone)]
pub struct Cell {
    pub text: String,
    /// The alignment of the cell's first paragraph.
    pub align: Align,
    /// Its left and hanging indents, in twentieths of a point (a statistics table's sub-rows
    /// are indented by their depth).
    pub indent: (i64, i64),
    pub colspan: usize,
    pub rowspan: usize,
    pub origin: Origin,
}

/// A table: its rows of cells, and how many of the first rows are header rows.
#[derive(Debug, Clone, Default)]
pub struct Table {
    pub rows: Vec<Vec<Cell>>,
    pub header_rows: usize,
    /// Relative column widths, where the source gives them.
    pub widths: Vec<f64>,
    pub origin: Origin,
}

impl Table {
    /// The number of grid columns.
    pub fn width(&self) -> usize {
        self.rows
            .iter()
            .map(|r| r.iter().map(|c| c.colspan).sum::<usize>())
            .max()
            .unwrap_or(0)
    }

    /// This table with `next`'s rows below it: a table split in two, where a printed page
    /// ended. Rows of `next` that repeat this table's first rows (a header printed again on
    /// the new page) are left out.
    pub fn concat(&self, next: &Table) -> Table {
        let same = |a: &[Cell], b: &[Cell]| {
            a.len() == b.len()
                && a.iter()
                    .zip(b)
                    .all(|(x, y)| x.text == y.text && x.colspan == y.colspan)
        };
        let repeated = next
            .rows
            .iter()
            .zip(&self.rows)
            .take(3)
            .take_while(|(b, a)| same(a, b))
            .count();
        let mut t = self.clone();
        t.rows.extend(next.rows[repeated..].iter().cloned());
        t
    }

    /// The grid column each cell starts in, row by row.
    pub fn start_columns(&self) -> Vec<Vec<usize>> {
        let grid = self.grid();
        let mut out: Vec<Vec<usize>> = self.rows.iter().map(|r| vec![0; r.len()]).collect();
        for (r, row) in grid.iter().enumerate() {
            for (c, slot) in row.iter().enumerate().rev() {
                if let Some((rr, k)) = slot
                    && *rr == r
                {
                    out[r][*k] = c;
                }
            }
        }
        out
    }

    /// The grid: for each row and column, the index (row, cell) of the cell covering it.
    pub fn grid(&self) -> Vec<Vec<Option<(usize, usize)>>> {
        let width = self.width();
        let mut grid = vec![vec![None; width]; self.rows.len()];
        for (r, row) in self.rows.iter().enumerate() {
            let mut col = 0;
            for (k, cell) in row.iter().enumerate() {
                while col < width && grid[r][col].is_some() {
                    col += 1;
                }
                let end = (col + cell.colspan).min(width);
                for row in grid.iter_mut().skip(r).take(cell.rowspan) {
                    for slot in &mut row[col.min(end)..end] {
                        *slot = Some((r, k));
                    }
                }
                col += cell.colspan;
            }
        }
        grid
    }
}

/// A piece of the source in reading order.
#[derive(Debug, Clone)]
pub enum Block {
    Paragraph(Paragraph),
    Table(Table),
}

/// What a reader found: the blocks, what the file says of itself, and the text it read but
/// could not place in the article (text boxes, notes), with where it was.
#[derive(Debug, Clone, Default)]
pub struct Source {
    pub blocks: Vec<Block>,
    /// The author the file's properties name (a Word file's dc:creator).
    pub author: Option<String>,
    pub unplaced: Vec<(Origin, String)>,
}
