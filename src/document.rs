//! The report as an ordered list of printable blocks (title lines, headings, paragraphs made
//! of runs in font roles, signature), with heading numbers generated from order. Every
//! renderer prints this one sequence, so PDF and DOCX say the same words in the same roles.

use crate::model::{Block, Date, Format, ItemEntry, Report, Text};
use crate::tables2021::{self, PART_TITLES};
use serde::Serialize;
use serde_saphyr::{Location, Spanned};

/// What every renderer receives: metadata and the blocks in reading order.
#[derive(Debug, Clone, Serialize)]
pub struct Document {
    pub meta: Meta,
    pub blocks: Vec<DocBlock>,
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
pub enum DocBlock {
    /// The title, one entry per line as the user wrote it. A line too long for the page
    /// breaks first between its `segments` (the issuer, then the rest: 「机关名称 /
    /// 20XX年政府信息公开工作年度报告」), and only if a segment is still too long, evenly.
    Title { lines: Vec<TitleLine> },
    /// A heading on its own line: level 1 一、, level 2 （一）, level 3 1., level 4 （1）.
    Heading { level: u8, role: Role, text: String },
    /// A paragraph; a run-in heading is its first run.
    Paragraph { runs: Vec<Run> },
    /// The signature block (落款).
    Signature { issuer: String, date: Option<String> },
    /// A table (the statistical tables of the 2021 standard).
    Table(Table),
}

/// A table as a grid of cells. Like HTML, a row lists only the cells that start in it: a
/// cell spanning rows or columns covers the positions to its right and below, and those
/// are not listed again. The first `header_rows` rows repeat on every page the table
/// runs over.
#[derive(Debug, Clone, Serialize)]
pub struct Table {
    /// Relative column widths; their count is the number of grid columns.
    pub columns: Vec<f64>,
    pub header_rows: usize,
    pub rows: Vec<Vec<Cell>>,
}

/// One cell: its text and how far it spans.
#[derive(Debug, Clone, Serialize)]
pub struct Cell {
    pub text: String,
    pub colspan: usize,
    pub rowspan: usize,
    pub align: CellAlign,
    pub bold: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CellAlign {
    Left,
    Center,
    Right,
}

impl Cell {
    /// A one-by-one cell, centred.
    pub fn new(text: impl Into<String>) -> Cell {
        Cell {
            text: text.into(),
            colspan: 1,
            rowspan: 1,
            align: CellAlign::Center,
            bold: false,
        }
    }

    pub fn span(mut self, colspan: usize, rowspan: usize) -> Cell {
        self.colspan = colspan.max(1);
        self.rowspan = rowspan.max(1);
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

/// Where each listed cell lands in a table's grid: (row, column) of every cell, in order.
/// Renderers that need every grid position (DOCX) derive the covered ones from this.
pub fn grid_positions(table: &Table) -> Vec<Vec<(usize, usize)>> {
    let width = table.columns.len();
    let mut taken: Vec<Vec<bool>> = vec![vec![false; width]; table.rows.len()];
    let mut positions = Vec::new();
    for (r, row) in table.rows.iter().enumerate() {
        let mut col = 0;
        let mut placed = Vec::new();
        for cell in row {
            while col < width && taken[r][col] {
                col += 1;
            }
            placed.push((r, col));
            for row_taken in taken.iter_mut().skip(r).take(cell.rowspan) {
                for slot in row_taken.iter_mut().skip(col).take(cell.colspan) {
                    *slot = true;
                }
            }
            col += cell.colspan;
        }
        positions.push(placed);
    }
    positions
}

/// One title line and the places it prefers to break at.
#[derive(Debug, Clone, Serialize)]
pub struct TitleLine {
    pub text: String,
    pub segments: Vec<String>,
}

impl TitleLine {
    /// A line that may break after the issuer's name when it starts with it.
    fn new(text: String, issuer: &str) -> TitleLine {
        let segments = match text.strip_prefix(issuer) {
            Some(rest) if !issuer.is_empty() && !rest.is_empty() => vec![issuer.to_owned(), rest.to_owned()],
            _ => vec![text.clone()],
        };
        TitleLine { text, segments }
    }
}

/// A stretch of text set in one font role.
#[derive(Debug, Clone, Serialize)]
pub struct Run {
    pub role: Role,
    pub text: String,
}

/// The font roles of `layout.toml` that the document uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Body,
    Heading1,
    Heading2,
    Heading3,
    Heading4,
}

impl Role {
    pub fn name(self) -> &'static str {
        match self {
            Role::Body => "body",
            Role::Heading1 => "heading1",
            Role::Heading2 => "heading2",
            Role::Heading3 => "heading3",
            Role::Heading4 => "heading4",
        }
    }
}

/// A piece of the user's text as it went into the document: its font role and where it
/// was written. Validation uses these to check each character against the font that will
/// print it and to point at the line and column of a problem.
#[derive(Debug, Clone)]
pub struct SourcedText {
    /// The `layout.toml` role the text is set in.
    pub role: &'static str,
    /// The text as the user wrote it (without generated heading numbers).
    pub text: String,
    /// Where its value starts in the YAML.
    pub at: Location,
}

/// Builds the printable document of a report.
pub fn compose(report: &Report) -> Document {
    compose_with_sources(report).0
}

/// Builds the printable document and lists where each piece of its text came from.
pub fn compose_with_sources(report: &Report) -> (Document, Vec<SourcedText>) {
    let mut c = Composer::default();
    let year = report.year.value;
    let issuer = &report.issuer.value;
    let title_lines: Vec<String> = if report.title.is_empty() {
        vec![format!("{issuer}{year}年政府信息公开工作年度报告")]
    } else {
        for line in &report.title {
            c.source("title", line);
        }
        report.title.iter().map(|t| t.value.clone()).collect()
    };
    let date = report.date.as_ref().map(|d| d.value);
    let meta = Meta {
        title: title_lines.concat(),
        author: issuer.clone(),
        lang: "zh-CN".into(),
        // Without a date of its own, a report carries 1 January of the following year, the
        // earliest it can be published: never the time of rendering, so output is reproducible.
        date: date.unwrap_or(Date {
            year: year.saturating_add(1),
            month: 1,
            day: 1,
        }),
    };

    let lines = title_lines
        .into_iter()
        .map(|l| TitleLine::new(l, issuer))
        .collect();
    c.blocks.push(DocBlock::Title { lines });
    c.body(&report.preamble);
    let standard = report.format == Format::Standard2021;
    for (i, part) in report.parts.iter().enumerate() {
        let heading = match &part.heading {
            Some(h) => {
                c.source(Role::Heading1.name(), h);
                h.value.clone()
            }
            // The 2021 format's parts have fixed titles; free-form parts without one are
            // reported by S-EMPTY and print nothing after their number.
            None if standard => PART_TITLES.get(i).copied().unwrap_or_default().to_owned(),
            None => String::new(),
        };
        c.blocks.push(DocBlock::Heading {
            level: 1,
            role: Role::Heading1,
            text: format!("{}、{heading}", chinese_numeral(i + 1)),
        });
        c.body(&part.body);
        for (j, section) in part.sections.iter().enumerate() {
            c.source(Role::Heading2.name(), &section.heading);
            let heading = format!("（{}）{}", chinese_numeral(j + 1), section.heading.value);
            match &section.text {
                Some(text) => {
                    c.source(Role::Body.name(), text);
                    c.blocks.push(DocBlock::Paragraph {
                        runs: vec![run(Role::Heading2, heading), run(Role::Body, text.value.clone())],
                    });
                }
                None => c.blocks.push(DocBlock::Heading {
                    level: 2,
                    role: Role::Heading2,
                    text: heading,
                }),
            }
            c.body(&section.body);
        }
        // Tables 2, 3 and 4 close parts 二, 三 and 四.
        if let (true, Some(t)) = (standard, &report.tables) {
            let table = match i {
                1 => Some(tables2021::active_disclosure(&t.active)),
                2 => Some(tables2021::applications(&t.applications)),
                3 => Some(tables2021::reviews(&t.reviews)),
                _ => None,
            };
            c.blocks.extend(table.map(DocBlock::Table));
        }
    }
    if let Some(sig) = &report.signature {
        let issuer = match &sig.issuer {
            Some(i) => {
                c.source(Role::Body.name(), i);
                i.value.clone()
            }
            None => issuer.clone(),
        };
        let date = sig.date.as_ref().map(|d| d.value).or(date).map(|d| d.chinese());
        c.blocks.push(DocBlock::Signature { issuer, date });
    }
    (
        Document {
            meta,
            blocks: c.blocks,
        },
        c.sources,
    )
}

fn run(role: Role, text: String) -> Run {
    Run { role, text }
}

#[derive(Default)]
struct Composer {
    blocks: Vec<DocBlock>,
    sources: Vec<SourcedText>,
}

impl Composer {
    fn source(&mut self, role: &'static str, text: &Text) {
        self.push_source(role, text.value.clone(), text.referenced);
    }

    fn push_source(&mut self, role: &'static str, text: String, at: Location) {
        self.sources.push(SourcedText { role, text, at });
    }

    fn body(&mut self, body: &[Spanned<Block>]) {
        for block in body {
            match &block.value {
                Block::Paragraph(text) => {
                    self.push_source(Role::Body.name(), text.clone(), block.referenced);
                    self.blocks.push(DocBlock::Paragraph {
                        runs: vec![run(Role::Body, text.clone())],
                    });
                }
                Block::Items(items) => self.items(items, 3),
            }
        }
    }

    /// Numbered items: level 3 as 1. 2. …, level 4 (and any deeper) as （1）（2）….
    fn items(&mut self, items: &[Spanned<ItemEntry>], level: u8) {
        let role = if level == 3 {
            Role::Heading3
        } else {
            Role::Heading4
        };
        for (k, entry) in items.iter().enumerate() {
            let number = if level == 3 {
                format!("{}.", k + 1)
            } else {
                format!("（{}）", k + 1)
            };
            let (heading, text, subitems) = match &entry.value {
                ItemEntry::Plain(text) => {
                    self.push_source(Role::Body.name(), text.clone(), entry.referenced);
                    (None, text.clone(), &[][..])
                }
                ItemEntry::Full(item) => {
                    if let Some(h) = &item.heading {
                        self.source(role.name(), h);
                    }
                    if let Some(t) = &item.text {
                        self.source(Role::Body.name(), t);
                    }
                    let text = item.text.as_ref().map(|t| t.value.clone()).unwrap_or_default();
                    (
                        item.heading.as_ref().map(|h| h.value.clone()),
                        text,
                        &item.items[..],
                    )
                }
            };
            let runs = match heading {
                Some(h) => vec![run(role, format!("{number}{h}")), run(Role::Body, text)],
                None => vec![run(Role::Body, format!("{number}{text}"))],
            };
            self.blocks.push(DocBlock::Paragraph {
                runs: runs.into_iter().filter(|r| !r.text.is_empty()).collect(),
            });
            self.items(subitems, 4);
        }
    }
}

/// 1 → 一, 10 → 十, 11 → 十一, 20 → 二十, 99 → 九十九; beyond that, Arabic digits.
pub fn chinese_numeral(n: usize) -> String {
    const DIGITS: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        1..=9 => DIGITS[n].to_owned(),
        10..=19 => format!("十{}", if n == 10 { "" } else { DIGITS[n - 10] }),
        20..=99 => format!(
            "{}十{}",
            DIGITS[n / 10],
            if n.is_multiple_of(10) { "" } else { DIGITS[n % 10] }
        ),
        _ => n.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::load::parse;
    use std::path::Path;

    #[test]
    fn cells_land_where_spans_leave_room() {
        let table = Table {
            columns: vec![1.0; 4],
            header_rows: 1,
            rows: vec![
                vec![Cell::new("a").span(1, 2), Cell::new("b").span(3, 1)],
                vec![Cell::new("c"), Cell::new("d"), Cell::new("e")],
            ],
        };
        assert_eq!(
            grid_positions(&table),
            [vec![(0, 0), (0, 1)], vec![(1, 1), (1, 2), (1, 3)]]
        );
    }

    #[test]
    fn chinese_numerals_follow_the_usual_forms() {
        let got: Vec<String> = [1, 9, 10, 11, 19, 20, 21, 99]
            .iter()
            .map(|&n| chinese_numeral(n))
            .collect();
        assert_eq!(
            got,
            ["一", "九", "十", "十一", "十九", "二十", "二十一", "九十九"]
        );
    }

    #[test]
    fn headings_are_numbered_from_order_and_run_in_sections_share_a_paragraph() {
        let yaml = "issuer: 某局\nyear: 2020\nparts:\n  - heading: 甲\n    sections:\n      - heading: 乙。\n        text: 丙。\n      - heading: 丁\n  - heading: 戊\n    body:\n      - items: [子, {heading: 丑。, text: 寅, items: [卯]}]\n";
        let doc = compose(&parse(Path::new("t"), yaml).unwrap());
        let json = serde_json::to_value(&doc.blocks).unwrap();
        let texts: Vec<String> = json
            .as_array()
            .unwrap()
            .iter()
            .map(|b| match b["kind"].as_str().unwrap() {
                "title" => b["lines"][0]["text"].as_str().unwrap().to_owned(),
                "heading" => b["text"].as_str().unwrap().to_owned(),
                _ => b["runs"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|r| r["text"].as_str().unwrap())
                    .collect(),
            })
            .collect();
        assert_eq!(
            texts,
            [
                "某局2020年政府信息公开工作年度报告",
                "一、甲",
                "（一）乙。丙。",
                "（二）丁",
                "二、戊",
                "1.子",
                "2.丑。寅",
                "（1）卯"
            ]
        );
        assert_eq!(
            doc.meta.date,
            Date {
                year: 2021,
                month: 1,
                day: 1
            }
        );
    }
}
