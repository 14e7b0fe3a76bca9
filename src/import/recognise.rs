//! Blocks → the report's structure: title lines, preamble, parts 一、, sections （一）
//! (run-in or standalone), items 1. / 1、 / （1） / ①, tables, signature and date. Typed
//! numbers are stripped (they are generated again from order); the statistics tables of the
//! 2021 format become its typed tables (`tables`). What is not placed is kept with its
//! origin.

use super::blocks::{Align, Block, Cell, Paragraph, Source, Style, Table};
use super::yaml::{
    Draft, DraftBlock, DraftCell, DraftItem, DraftPart, DraftSection, DraftSignature, DraftTable,
};
use crate::formats::Format;
use crate::model::Numbering;
use regex::Regex;
use std::sync::LazyLock;

/// What was recognised, counted, for the command's summary.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    pub title_lines: usize,
    pub preamble: usize,
    pub parts: usize,
    pub sections: usize,
    pub items: usize,
    pub paragraphs: usize,
    pub tables: usize,
    pub cells: usize,
    /// The statistics tables of the format read into their typed form (2, 3, 4).
    pub typed_tables: Vec<u8>,
    pub signature: bool,
}

/// The result of recognising a source.
#[derive(Debug, Clone)]
pub struct Imported {
    pub draft: Draft,
    pub summary: Summary,
    /// Text not placed in the report, with where it came from (in the user's words).
    pub unplaced: Vec<(String, String)>,
}

/// Why a source gives no report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Failure {
    /// The source holds no text at all.
    Empty,
    /// No year could be found in the title or the text.
    NoYear,
}

static PART: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^([一二三四五六七八九十]{1,3})[、，,．.]\s*").unwrap_or_else(|_| unreachable!())
});
static SECTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[（(]([一二三四五六七八九十]{1,3})[）)]\s*").unwrap_or_else(|_| unreachable!())
});
static ITEM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:(\d{1,2})([.．](?:[^\d]|$)|、)|[（(](\d{1,2})[）)]|([①-⑳]))")
        .unwrap_or_else(|_| unreachable!())
});
static DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$").unwrap_or_else(|_| unreachable!())
});
static YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"((?:19|20)\d{2})\s*年").unwrap_or_else(|_| unreachable!()));
static PAGE_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:[-—－–]\s*\d{1,3}\s*[-—－–]|第\s*\d{1,3}\s*页(?:\s*[,，/]?\s*共\s*\d{1,3}\s*页)?|\d{1,3}\s*/\s*\d{1,3})$")
        .unwrap_or_else(|_| unreachable!())
});

/// Full-width digits as ASCII, so 「１．」 is read as 「1.」.
pub fn ascii_digits(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            _ => c,
        })
        .collect()
}

const CHINESE_DIGITS: [char; 10] = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/// 「三」 → 3, 「十二」 → 12.
fn chinese_number(s: &str) -> Option<usize> {
    let digit = |c: char| CHINESE_DIGITS.iter().position(|d| *d == c);
    let chars: Vec<char> = s.chars().collect();
    match chars.as_slice() {
        [c] if *c == '十' => Some(10),
        [c] => digit(*c),
        ['十', u] => Some(10 + digit(*u)?),
        [t, '十'] => Some(digit(*t)? * 10),
        [t, '十', u] => Some(digit(*t)? * 10 + digit(*u)?),
        _ => None,
    }
}

/// A paragraph's typed item number: its form, number and the length in bytes of the number.
fn item_number(text: &str) -> Option<(Numbering, usize, usize)> {
    let ascii = ascii_digits(text);
    let m = ITEM.captures(&ascii)?;
    let whole = m.get(0)?;
    let (form, n, end) = if let Some(d) = m.get(1) {
        let sep = m.get(2)?.as_str();
        let form = if sep.starts_with('、') {
            Numbering::Comma
        } else {
            Numbering::Dot
        };
        // The separator and nothing after it.
        let end = d.end() + sep.chars().next()?.len_utf8();
        (form, d.as_str().parse().ok()?, end)
    } else if let Some(d) = m.get(3) {
        (Numbering::Paren, d.as_str().parse().ok()?, whole.end())
    } else {
        let c = m.get(4)?.as_str().chars().next()?;
        (Numbering::Circled, (c as usize) - 0x2460 + 1, whole.end())
    };
    // Byte offsets of the ASCII text map back: full-width digits are 3 bytes, ASCII 1.
    let chars = ascii[..end].chars().count();
    let original_end = text.char_indices().nth(chars).map_or(text.len(), |(i, _)| i);
    Some((form, n, original_end))
}

/// The text after a typed number, without the spaces after it.
fn after(text: &str, end: usize) -> String {
    text[end..]
        .trim_start_matches([' ', '\u{3000}', '\u{a0}'])
        .to_owned()
}

/// One piece of a part's or section's body before its lists are built.
enum Entry {
    Para(String),
    /// A table, and whether it is one of the format's typed tables (printed from `tables`
    /// when all three were read, and kept as a table in the body otherwise).
    Table(DraftTable, bool),
    Statistics(super::yaml::DraftStatistics),
    Item {
        form: Numbering,
        n: usize,
        heading: Option<String>,
        text: Option<String>,
    },
}

struct Walker<'a> {
    entries: &'a [Entry],
    pos: usize,
    items: usize,
    drop_typed: bool,
}

impl Walker<'_> {
    /// Paragraphs, tables and lists until the end or an item of one of `stop`'s forms.
    fn body(&mut self, parent: Option<Numbering>, stop: &[Numbering]) -> Vec<DraftBlock> {
        let mut out = Vec::new();
        while let Some(entry) = self.entries.get(self.pos) {
            match entry {
                Entry::Para(t) => {
                    out.push(DraftBlock::Paragraph(t.clone()));
                    self.pos += 1;
                }
                Entry::Table(t, typed) => {
                    if !(*typed && self.drop_typed) {
                        out.push(DraftBlock::Table { table: t.clone() });
                    }
                    self.pos += 1;
                }
                Entry::Statistics(t) => {
                    out.push(DraftBlock::Statistics {
                        statistics: t.clone(),
                    });
                    self.pos += 1;
                }
                Entry::Item { form, .. } => {
                    if stop.contains(form) {
                        break;
                    }
                    let form = *form;
                    let items = self.list(form, stop);
                    let numbering = (Numbering::below(parent) != Some(form)).then(|| form.as_str());
                    out.push(DraftBlock::Items { numbering, items });
                }
            }
        }
        out
    }

    /// The items of one list of `form`.
    fn list(&mut self, form: Numbering, outer: &[Numbering]) -> Vec<DraftItem> {
        let mut items = Vec::new();
        let mut stop: Vec<Numbering> = outer.to_vec();
        stop.push(form);
        while let Some(Entry::Item {
            form: f,
            n,
            heading,
            text,
        }) = self.entries.get(self.pos)
        {
            if *f != form || (*n == 1 && !items.is_empty()) {
                break;
            }
            self.pos += 1;
            self.items += 1;
            let body = self.body(Some(form), &stop);
            items.push(match (heading, body.is_empty()) {
                (None, true) => DraftItem::Plain(text.clone().unwrap_or_default()),
                _ => DraftItem::Full {
                    heading: heading.clone(),
                    text: text.clone(),
                    body,
                },
            });
        }
        items
    }
}

/// Builds the lists of a body.
fn build(entries: &[Entry], items: &mut usize, drop_typed: bool) -> Vec<DraftBlock> {
    let mut w = Walker {
        entries,
        pos: 0,
        items: 0,
        drop_typed,
    };
    let out = w.body(None, &[]);
    *items += w.items;
    out
}

/// Relative widths as a person writes them (the narrowest column 1), unless all are equal.
fn widths(t: &Table) -> Option<serde_saphyr::FlowSeq<Vec<f64>>> {
    let min = t.widths.iter().copied().fold(f64::INFINITY, f64::min);
    if t.widths.len() != t.width() || min <= 0.0 || !min.is_finite() {
        return None;
    }
    let w: Vec<f64> = t
        .widths
        .iter()
        .map(|w| (w / min * 100.0).round() / 100.0)
        .collect();
    w.iter()
        .any(|x| (x - 1.0).abs() > 0.005)
        .then_some(serde_saphyr::FlowSeq(w))
}

fn general_table(t: &Table, caption: Option<String>) -> DraftTable {
    let header_rows = if t.header_rows < t.rows.len() {
        t.header_rows
    } else {
        0
    };
    let starts = t.start_columns();
    let cell = |r: usize, k: usize, c: &Cell| {
        // The printed default: a body row's first column left, every other cell centred.
        let default = if starts[r][k] == 0 && r >= header_rows {
            Align::Start
        } else {
            Align::Center
        };
        let align = match c.align {
            Align::Justify => None,
            a if a == default => None,
            Align::Start => Some("left"),
            Align::Center => Some("center"),
            Align::End => Some("right"),
        };
        if c.colspan == 1 && c.rowspan == 1 && align.is_none() {
            DraftCell::Plain(c.text.clone())
        } else {
            DraftCell::Full {
                text: c.text.clone(),
                colspan: c.colspan,
                rowspan: c.rowspan,
                align,
            }
        }
    };
    let rows: Vec<Vec<DraftCell>> = t
        .rows
        .iter()
        .enumerate()
        .map(|(r, row)| row.iter().enumerate().map(|(k, c)| cell(r, k, c)).collect())
        .collect();
    let (header, rows) = rows.split_at(header_rows);
    DraftTable {
        caption,
        widths: widths(t),
        header: header.to_vec(),
        rows: rows.to_vec(),
    }
}

/// A free-form statistics table (指标名称 | 计量单位 | values, one header row), read back into
/// its rows: a sub-row's depth from its indent, 「其中：」 (printed before a first sub-row)
/// taken off, a unit left out where it is its parent's.
fn statistics(t: &Table, caption: Option<String>) -> Option<super::yaml::DraftStatistics> {
    use super::yaml::DraftStatRow;
    let head = t.rows.first()?;
    let texts: Vec<&str> = head.iter().map(|c| c.text.as_str()).collect();
    if texts.len() < 3 || texts[0] != "指标名称" || texts[1] != "计量单位" || t.rows.len() < 2 {
        return None;
    }
    let columns: Vec<String> = texts[2..].iter().map(|s| (*s).to_owned()).collect();
    let width = texts.len();
    let step = t.rows[1..]
        .iter()
        .filter_map(|r| r.first())
        .map(|c| c.indent.0)
        .filter(|i| *i > 0)
        .min()
        .unwrap_or(1);
    // (depth, row, the unit as printed)
    let mut flat: Vec<(usize, DraftStatRow, Option<String>)> = Vec::new();
    for row in &t.rows[1..] {
        let name_cell = row.first()?;
        let depth = usize::try_from((name_cell.indent.0 + step / 2) / step).unwrap_or(0);
        let name = if name_cell.indent.1 > 0 {
            name_cell
                .text
                .strip_prefix("其中：")
                .unwrap_or(&name_cell.text)
                .to_owned()
        } else {
            name_cell.text.clone()
        };
        if row.len() == 1 && name_cell.colspan == width {
            flat.push((
                depth,
                DraftStatRow {
                    name,
                    ..DraftStatRow::default()
                },
                None,
            ));
            continue;
        }
        if row.len() != width || row.iter().any(|c| c.colspan != 1 || c.rowspan != 1) {
            return None;
        }
        let unit = row[1].text.clone();
        let values: Vec<String> = row[2..].iter().map(|c| c.text.clone()).collect();
        let values = (!values.iter().all(String::is_empty)).then_some(serde_saphyr::FlowSeq(values));
        flat.push((
            depth,
            DraftStatRow {
                name,
                unit: (!unit.is_empty()).then(|| unit.clone()),
                values,
                of_which: Vec::new(),
            },
            (!unit.is_empty()).then_some(unit),
        ));
    }
    fn attach(rows: &mut Vec<DraftStatRow>, depth: usize, parent_unit: Option<&str>, mut row: DraftStatRow) {
        if depth > 0
            && let Some(last) = rows.last_mut()
        {
            let unit = last.unit.clone().or_else(|| parent_unit.map(str::to_owned));
            return attach(&mut last.of_which, depth - 1, unit.as_deref(), row);
        }
        if row.unit.is_some() && row.unit.as_deref() == parent_unit {
            row.unit = None;
        }
        rows.push(row);
    }
    let mut rows = Vec::new();
    for (depth, row, _) in flat {
        attach(&mut rows, depth, None, row);
    }
    Some(super::yaml::DraftStatistics {
        caption,
        columns: serde_saphyr::FlowSeq(columns),
        rows,
    })
}

/// A table of the body: a statistics table when it is one, a general table otherwise.
fn body_table(t: &Table, caption: Option<String>, typed: bool) -> Entry {
    if !typed && let Some(s) = statistics(t, caption.clone()) {
        return Entry::Statistics(s);
    }
    Entry::Table(general_table(t, caption), typed)
}

/// The issuer named in the title: the longest text before the year in a title line, or a
/// whole line the next line's year follows (a title broken after the issuer).
fn issuer_from_title(rows: &[String]) -> Option<String> {
    let mut best: Option<String> = None;
    for (k, row) in rows.iter().enumerate() {
        let candidate = match YEAR.find(row) {
            Some(m) if m.start() > 0 => Some(row[..m.start()].to_owned()),
            Some(_) => None,
            None => rows
                .get(k + 1)
                .filter(|next| YEAR.find(next).is_some_and(|m| m.start() == 0))
                .map(|_| row.clone()),
        };
        if let Some(c) = candidate.map(|c| c.trim().to_owned())
            && c.chars().count() > best.as_ref().map_or(0, |b| b.chars().count())
        {
            best = Some(c);
        }
    }
    best
}

/// Whether `text` begins with a typed number of a part, section or item.
pub(super) fn is_numbered(text: &str) -> bool {
    PART.is_match(text) || SECTION.is_match(text) || item_number(text).is_some()
}

/// Whether `p` may be a title line of a text without styles: short, no sentence ending, not
/// numbered.
fn title_like(p: &Paragraph) -> bool {
    let n = p.text.chars().count();
    n <= 60
        && !p.text.ends_with(['。', '；', '：', ';', ':'])
        && !is_numbered(&p.text)
        && (p.text.contains("报告") || p.text.contains("情况") || YEAR.is_match(&p.text))
}

/// A part being read: its heading, its own entries, its sections (heading, run-in text,
/// entries).
struct Open {
    heading: Option<String>,
    entries: Vec<Entry>,
    sections: Vec<(String, Option<String>, Vec<Entry>)>,
}

/// Where the next entry goes: the last section, else the last part, else the preamble.
fn target<'a>(preamble: &'a mut Vec<Entry>, parts: &'a mut [Open]) -> &'a mut Vec<Entry> {
    match parts.last_mut() {
        None => preamble,
        Some(part) => match part.sections.last_mut() {
            Some(section) => &mut section.2,
            None => &mut part.entries,
        },
    }
}

/// Reads `t` as one of the format's typed tables if it is one; else, when the next block is
/// a table too (a table split where a printed page ended, the page number between them
/// already set aside), the two as one, if that is a typed table. `k` moves past a table
/// joined.
fn take_typed(typed: &mut super::tables::Typed, t: &Table, rest: &[Block], k: &mut usize) -> (Table, bool) {
    if typed.take(t) {
        return (t.clone(), true);
    }
    let mut joined = t.clone();
    let mut next = *k;
    while let Some(Block::Table(more)) = rest.get(next) {
        joined = joined.concat(more);
        next += 1;
        if typed.take(&joined) {
            *k = next;
            return (joined, true);
        }
    }
    (t.clone(), false)
}

/// Recognises the report in `source`; `format` forces the shape.
pub fn recognise(source: Source, format: Option<Format>) -> Result<Imported, Failure> {
    let mut unplaced: Vec<(String, String)> = source
        .unplaced
        .iter()
        .map(|(o, t)| (o.describe(), t.clone()))
        .collect();
    let mut blocks: Vec<Block> = Vec::new();
    for b in source.blocks {
        match b {
            Block::Paragraph(p) if PAGE_NUMBER.is_match(&p.text) => {
                unplaced.push((p.origin.describe(), p.text))
            }
            b => blocks.push(b),
        }
    }
    if blocks.is_empty() {
        return Err(Failure::Empty);
    }
    let mut summary = Summary::default();

    // Short lines after the report's date (a page's 【打印】【关闭】, 责任编辑, 来源) are not
    // the report's: set aside.
    let last_date = blocks
        .iter()
        .rposition(|b| matches!(b, Block::Paragraph(p) if DATE.is_match(&ascii_digits(&p.text))));
    if let Some(at) = last_date
        && at + 1 < blocks.len()
        && blocks.len() - at <= 8
        && blocks[at + 1..].iter().all(|b| {
            matches!(b, Block::Paragraph(p) if p.text.chars().count() <= 40 && !p.text.contains('。') && !is_numbered(&p.text))
        })
    {
        for b in blocks.split_off(at + 1) {
            if let Block::Paragraph(p) = b {
                unplaced.push((p.origin.describe(), p.text));
            }
        }
    }

    // The signature: the last paragraph a date, the one before it a short name.
    let mut signature = None;
    let mut date = None;
    if let Some(Block::Paragraph(last)) = blocks.last()
        && let Some(m) = DATE.captures(&ascii_digits(&last.text))
    {
        let (y, mo, d) = (&m[1], &m[2], &m[3]);
        date = Some(format!("{y}-{:0>2}-{:0>2}", mo, d));
        blocks.pop();
        let issuer = match blocks.last() {
            Some(Block::Paragraph(p))
                if p.text.chars().count() <= 40
                    && !p.text.contains(['。', '，', '；'])
                    && !is_numbered(&p.text)
                    && (p.indent_left > 0 || p.align == Align::End || blocks.len() > 1) =>
            {
                Some(p.text.clone())
            }
            _ => None,
        };
        if issuer.is_some() {
            blocks.pop();
        }
        summary.signature = true;
        signature = Some(DraftSignature { issuer, date: None });
    }

    // The title.
    let mut title: Vec<String> = Vec::new();
    let mut start = 0;
    let styled = blocks
        .iter()
        .take_while(|b| matches!(b, Block::Paragraph(p) if p.style == Style::Title))
        .count();
    let leading = if styled > 0 {
        styled
    } else {
        blocks
            .iter()
            .take(4)
            .take_while(|b| matches!(b, Block::Paragraph(p) if title_like(p) || (p.align == Align::Center && !is_numbered(&p.text))))
            .count()
    };
    for b in &blocks[..leading] {
        if let Block::Paragraph(p) = b {
            title.extend(
                p.text
                    .lines()
                    .map(|l| l.trim().to_owned())
                    .filter(|l| !l.is_empty()),
            );
        }
        start += 1;
    }
    summary.title_lines = title.len();
    // The addressee (主送机关): a short line after the title ending in 「：」.
    let mut addressee = None;
    if let Some(Block::Paragraph(p)) = blocks.get(start)
        && p.text.ends_with(['：', ':'])
        && p.text.chars().count() <= 60
        && !p.text.contains('。')
        && !is_numbered(&p.text)
    {
        addressee = Some(p.text.trim_end_matches(['：', ':']).to_owned());
        start += 1;
    }

    let year = title
        .iter()
        .find_map(|t| YEAR.captures(t))
        .or_else(|| {
            blocks.iter().find_map(|b| match b {
                Block::Paragraph(p) => YEAR.captures(&p.text),
                Block::Table(_) => None,
            })
        })
        .and_then(|c| c[1].parse::<u16>().ok())
        .ok_or(Failure::NoYear)?;
    let issuer = source
        .author
        .clone()
        .or_else(|| signature.as_ref().and_then(|s| s.issuer.clone()))
        .or_else(|| issuer_from_title(&title))
        .unwrap_or_else(|| crate::tr!("import-issuer-placeholder"));

    // The body: the preamble's entries, then each part's and section's.
    let mut preamble: Vec<Entry> = Vec::new();
    let mut parts: Vec<Open> = Vec::new();
    let mut typed = super::tables::Typed::default();
    let rest = &blocks[start..];
    let mut k = 0;
    while k < rest.len() {
        let block = &rest[k];
        k += 1;
        match block {
            Block::Table(t) => {
                let (t, is_typed) = take_typed(&mut typed, t, rest, &mut k);
                summary.tables += 1;
                summary.cells += t.rows.iter().map(Vec::len).sum::<usize>();
                target(&mut preamble, &mut parts).push(body_table(&t, None, is_typed));
            }
            Block::Paragraph(p) => {
                // A centred short line just before a table is its caption.
                if p.align == Align::Center
                    && p.text.chars().count() <= 60
                    && let Some(Block::Table(t)) = rest.get(k)
                {
                    k += 1;
                    let (t, is_typed) = take_typed(&mut typed, t, rest, &mut k);
                    summary.tables += 1;
                    summary.cells += t.rows.iter().map(Vec::len).sum::<usize>();
                    target(&mut preamble, &mut parts).push(body_table(&t, Some(p.text.clone()), is_typed));
                    continue;
                }
                let text = p.text.replace('\n', "");
                if let Some(m) = PART.captures(&text)
                    && chinese_number(&m[1]).is_some()
                {
                    let expected = parts.len() + 1;
                    if chinese_number(&m[1]) != Some(expected) {
                        unplaced.push((
                            p.origin.describe(),
                            crate::tr!("import-renumbered", typed = &m[0]),
                        ));
                    }
                    let heading = after(&text, m[0].len());
                    parts.push(Open {
                        heading: (!heading.is_empty()).then_some(heading),
                        entries: Vec::new(),
                        sections: Vec::new(),
                    });
                    summary.parts += 1;
                    continue;
                }
                if let Some(m) = SECTION.captures(&text)
                    && let Some(part) = parts.last_mut()
                {
                    if chinese_number(&m[1]) != Some(part.sections.len() + 1) {
                        unplaced.push((
                            p.origin.describe(),
                            crate::tr!("import-renumbered", typed = &m[0]),
                        ));
                    }
                    let number_len = m[0].len();
                    let (heading, body) =
                        if p.runs.len() > 1 && p.runs[0].replace('\n', "").starts_with(&m[0]) {
                            let first = p.runs[0].replace('\n', "");
                            (after(&first, number_len), p.runs[1..].concat().replace('\n', ""))
                        } else if matches!(p.style, Style::Heading(_)) {
                            (after(&text, number_len), String::new())
                        } else {
                            let rest = after(&text, number_len);
                            match rest.char_indices().find(|(_, c)| matches!(c, '。' | '！' | '？')) {
                                Some((i, c)) => {
                                    let cut = i + c.len_utf8();
                                    (rest[..cut].to_owned(), rest[cut..].trim().to_owned())
                                }
                                None => (rest, String::new()),
                            }
                        };
                    part.sections
                        .push((heading, (!body.is_empty()).then_some(body), Vec::new()));
                    summary.sections += 1;
                    continue;
                }
                if let Some((form, n, end)) = item_number(&text) {
                    let (heading, body) =
                        if p.runs.len() > 1 && item_number(&p.runs[0]).is_some_and(|(_, _, e)| e == end) {
                            (Some(after(&p.runs[0], end)), Some(p.runs[1..].concat()))
                        } else if matches!(p.style, Style::Heading(_)) {
                            (Some(after(&text, end)), None)
                        } else {
                            (None, Some(after(&text, end)))
                        };
                    target(&mut preamble, &mut parts).push(Entry::Item {
                        form,
                        n,
                        heading: heading.filter(|h| !h.is_empty()),
                        text: body.filter(|t| !t.is_empty()),
                    });
                    continue;
                }
                target(&mut preamble, &mut parts).push(Entry::Para(text));
                summary.paragraphs += 1;
            }
        }
    }
    summary.preamble = preamble.iter().filter(|e| matches!(e, Entry::Para(_))).count();

    let tables = typed.finish(&mut summary.typed_tables);
    let drop_typed = tables.is_some() && format != Some(Format::FreeForm);
    let mut items = 0;
    let preamble = build(&preamble, &mut items, drop_typed);
    let parts: Vec<DraftPart> = parts
        .into_iter()
        .map(|p| DraftPart {
            heading: p.heading,
            body: build(&p.entries, &mut items, drop_typed),
            sections: p
                .sections
                .into_iter()
                .map(|(heading, text, entries)| DraftSection {
                    heading,
                    text,
                    body: build(&entries, &mut items, drop_typed),
                })
                .collect(),
        })
        .collect();
    summary.items = items;
    let format = format.unwrap_or(if tables.is_some() {
        if typed.trial() {
            Format::Trial2019
        } else {
            Format::Standard2021
        }
    } else {
        Format::FreeForm
    });
    let format_name = match format {
        Format::FreeForm => "free_form",
        Format::Standard2021 => "standard_2021",
        Format::Trial2019 => "trial_2019",
    };
    let signature = signature.map(|mut s| {
        if s.issuer.as_deref() == Some(issuer.as_str()) {
            s.issuer = None;
        }
        s
    });
    Ok(Imported {
        draft: Draft {
            format: format_name,
            issuer,
            year,
            title,
            addressee,
            date,
            preamble,
            parts,
            tables: if format == Format::FreeForm { None } else { tables },
            signature,
        },
        summary,
        unplaced,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_of_each_form_are_read() {
        assert_eq!(item_number("1.甲"), Some((Numbering::Dot, 1, 2)));
        assert_eq!(
            item_number("１．甲").map(|(f, n, _)| (f, n)),
            Some((Numbering::Dot, 1))
        );
        assert_eq!(item_number("12、甲"), Some((Numbering::Comma, 12, 5)));
        assert_eq!(item_number("（3）甲"), Some((Numbering::Paren, 3, 7)));
        assert_eq!(item_number("②甲"), Some((Numbering::Circled, 2, 3)));
        assert_eq!(item_number("2.5万元"), None);
        assert_eq!(item_number("2013年"), None);
        assert_eq!(chinese_number("十二"), Some(12));
        assert_eq!(chinese_number("四"), Some(4));
    }

    #[test]
    fn the_issuer_is_read_from_the_title() {
        let rows = [
            "重庆市2014年政府信息公开工作情况".to_owned(),
            "重庆市人民政府办公厅2014年政府信息公开工作情况".to_owned(),
        ];
        assert_eq!(issuer_from_title(&rows).as_deref(), Some("重庆市人民政府办公厅"));
        let broken = [
            "示例市青禾区人民政府".to_owned(),
            "2013年政府信息公开工作年度报告".to_owned(),
        ];
        assert_eq!(
            issuer_from_title(&broken).as_deref(),
            Some("示例市青禾区人民政府")
        );
    }
}
