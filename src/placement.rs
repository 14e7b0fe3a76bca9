//! Placement decided once, for every renderer: where a title line too wide for the text
//! block breaks, and how far the signature's two lines are indented. The Typst template and
//! the DOCX print these decisions; neither measures for itself, so they cannot disagree.
//!
//! Widths are measured in ems as a word processor sets the text: a Chinese character or
//! full-width mark is one em, an ASCII letter or digit half of one. In the body the grid
//! makes every character one grid pitch wide, so body widths in ems are widths in grid
//! characters.

use crate::layout::Layout;

/// The text block's width in ems of the title's size.
pub fn title_width(layout: &Layout) -> f64 {
    layout.block_width_pt() / layout.role(layout.title.role).size_pt
}

/// Where the signature's lines start under `layout`'s grid and signature rule.
pub fn signature(issuer: &str, date: Option<&str>, layout: &Layout) -> (f64, Option<f64>) {
    let s = &layout.signature;
    signature_indents(
        issuer,
        date,
        f64::from(layout.grid.chars_per_line),
        f64::from(s.right_inset_chars),
        f64::from(s.date_offset_chars),
    )
}

/// The width of a text in ems.
pub fn ems(text: &str) -> f64 {
    text.chars().map(|c| if c.is_ascii() { 0.5 } else { 1.0 }).sum()
}

/// The printed rows of one title line. A line that fits stays whole. One too wide breaks
/// between its `segments` (the issuer's name, then the rest: 「机关名称 /
/// 20XX年政府信息公开工作年度报告」) when each fits; otherwise into rows of equal measure,
/// the upper ones the longer (the trapezoid the standard asks for). `width` is the text
/// block's width in ems of the title's size. A number or Latin word is never split, and no
/// row starts with closing punctuation or ends with opening punctuation.
pub fn title_rows(text: &str, segments: &[String], width: f64) -> Vec<String> {
    let fits = |s: &str| ems(s) <= width;
    if fits(text) {
        return vec![text.to_owned()];
    }
    if segments.len() > 1 && segments.iter().all(|s| fits(s)) {
        return segments.to_vec();
    }
    let total = ems(text);
    let rows = (total / width).ceil().max(1.0);
    // As long a measure as the rows need, rounded up to whole characters, plus one so the
    // upper rows come out the longer; never wider than the block.
    let measure = ((total / rows).ceil() + 1.0).min(width.floor()).max(1.0);
    let mut out: Vec<String> = Vec::new();
    let mut row = String::new();
    for unit in units(text) {
        if !row.is_empty() && ems(&row) + ems(&unit) > measure {
            out.push(std::mem::take(&mut row));
        }
        row.push_str(&unit);
    }
    if !row.is_empty() {
        out.push(row);
    }
    out
}

/// The pieces a title may break between: a run of ASCII letters and digits is one piece,
/// every other character another; closing marks cling to the piece before them and opening
/// marks to the piece after (避头尾).
fn units(text: &str) -> Vec<String> {
    const CLOSING: &str = "，。、；：？！）》」』”’…—·%,.;:?!)]";
    const OPENING: &str = "（《「『“‘([";
    let mut units: Vec<String> = Vec::new();
    let mut pending_open = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if OPENING.contains(c) {
            pending_open.push(c);
            continue;
        }
        if CLOSING.contains(c)
            && pending_open.is_empty()
            && let Some(last) = units.last_mut()
        {
            last.push(c);
            continue;
        }
        let mut unit = std::mem::take(&mut pending_open);
        unit.push(c);
        if c.is_ascii_alphanumeric() {
            while let Some(&next) = chars.peek() {
                if !next.is_ascii_alphanumeric() {
                    break;
                }
                unit.push(next);
                chars.next();
            }
        }
        units.push(unit);
    }
    if !pending_open.is_empty() {
        match units.last_mut() {
            Some(last) => last.push_str(&pending_open),
            None => units.push(pending_open),
        }
    }
    units
}

/// Where the signature's lines start, in grid characters from the left of the block, for
/// a block `chars_per_line` wide: the issuer ends `right_inset` characters from the right
/// and the date starts `date_offset` characters right of the issuer's start. When the date
/// is the longer, it ends `right_inset` from the right and the issuer moves left with it.
pub fn signature_indents(
    issuer: &str,
    date: Option<&str>,
    chars_per_line: f64,
    right_inset: f64,
    date_offset: f64,
) -> (f64, Option<f64>) {
    let end = chars_per_line - right_inset;
    let mut issuer_start = end - ems(issuer);
    let Some(date) = date else {
        return (issuer_start.max(0.0), None);
    };
    let mut date_start = issuer_start + date_offset;
    if date_start + ems(date) > end {
        date_start = end - ems(date);
        issuer_start = date_start - date_offset;
    }
    (issuer_start.max(0.0), Some(date_start.max(0.0)))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The bundled layout's block: 156 mm in ems of the 22 pt title.
    const TITLE_WIDTH: f64 = 156.0 / 25.4 * 72.0 / 22.0;

    #[test]
    fn a_line_that_fits_stays_whole() {
        let line = "重庆市2014年政府信息公开工作情况";
        assert_eq!(title_rows(line, &[line.to_owned()], TITLE_WIDTH), [line]);
    }

    #[test]
    fn a_long_line_breaks_after_the_issuer() {
        let segments = [
            "重庆市人民政府办公厅".to_owned(),
            "2014年政府信息公开工作情况".to_owned(),
        ];
        assert_eq!(title_rows(&segments.concat(), &segments, TITLE_WIDTH), segments);
    }

    #[test]
    fn without_an_issuer_to_break_after_the_rows_form_a_trapezoid() {
        let line = "关于进一步加强和改进新时代基层政务公开标准化规范化工作的2024年度情况报告";
        let rows = title_rows(line, &[line.to_owned()], TITLE_WIDTH);
        assert_eq!(rows.concat(), line);
        assert_eq!(rows.len(), 2, "{rows:?}");
        assert!(ems(&rows[0]) >= ems(&rows[1]), "{rows:?}");
        assert!(rows.iter().all(|r| ems(r) <= TITLE_WIDTH), "{rows:?}");
        // The year stays whole.
        assert!(rows.iter().any(|r| r.contains("2024")), "{rows:?}");
    }

    #[test]
    fn no_row_starts_with_closing_punctuation() {
        let line = "某某某某某某某某某某某某某某某某某某某，某某某某某某某某某某某某某某某某某某某某";
        let rows = title_rows(line, &[line.to_owned()], TITLE_WIDTH);
        assert_eq!(rows.concat(), line);
        assert!(rows.iter().all(|r| !r.starts_with('，')), "{rows:?}");
    }

    #[test]
    fn the_signature_ends_two_characters_in_and_the_date_follows_the_issuer() {
        // 重庆市人民政府办公厅 (10) ends at 26 of 28; the date starts 2 characters in from it.
        let (issuer, date) = signature_indents("重庆市人民政府办公厅", Some("2015年1月20日"), 28.0, 2.0, 2.0);
        assert_eq!(issuer, 16.0);
        assert_eq!(date, Some(18.0));
        // A date longer than the issuer ends where the issuer would, and pulls it left.
        let (issuer, date) = signature_indents("某局", Some("2015年12月20日"), 28.0, 2.0, 2.0);
        // 2015年12月20日: four digits and two pairs of them, 7 ems.
        assert_eq!(date, Some(26.0 - 7.0));
        assert_eq!(issuer, 26.0 - 7.0 - 2.0);
    }
}
