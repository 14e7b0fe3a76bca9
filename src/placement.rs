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

/// A table cell spanning at most this many rows keeps them on one page, in both formats: a
/// group such as 「答复情况」 over its four answers, or 「（五）不予处理」 over its five, split at
/// a page break left its label on one page and the rows without it on the next. A taller
/// group (「三、本年度办理结果」 over most of table 3) may break, or it would not fit a page.
pub const KEEP_ROWS_TOGETHER: usize = 8;

/// Whether a cell spanning `rowspan` rows keeps them on one page.
pub fn keeps_rows_together(rowspan: usize) -> bool {
    rowspan > 1 && rowspan <= KEEP_ROWS_TOGETHER
}

/// The break opportunity inserted inside a long Latin token (U+200B ZERO WIDTH SPACE): Typst,
/// Word, WPS and LibreOffice all break a line there and print nothing.
pub const BREAK: char = '\u{200B}';

/// Tokens (runs of characters that are neither Chinese nor spaces) at least this many
/// characters long get break opportunities: URLs, e-mail addresses, codes.
const LONG_TOKEN_CHARS: usize = 16;

/// `text` with a break opportunity between every two characters of its long tokens (not
/// inside `//`). A line then ends where it is full, as in Word and LibreOffice: breaking only
/// at `/ . @ -` still left a line before `bangongshi@…` stretched by two characters' width.
/// Text without a long token is returned as it is.
pub fn breakable(text: &str) -> String {
    with_breaks(text, |token| token.len() >= LONG_TOKEN_CHARS)
}

/// `text` with a break opportunity between every two characters (not inside `//`) of each
/// token `breaks` chooses; the rest as it is.
fn with_breaks(text: &str, breaks: impl Fn(&str) -> bool) -> String {
    let mut out = String::with_capacity(text.len());
    let mut copied = 0;
    for span in tokens(text) {
        let token = &text[span.clone()];
        out.push_str(&text[copied..span.start]);
        copied = span.end;
        if !breaks(token) {
            out.push_str(token);
            continue;
        }
        let mut previous = None;
        for c in token.chars() {
            if previous.is_some_and(|p| !(p == '/' && c == '/')) {
                out.push(BREAK);
            }
            out.push(c);
            previous = Some(c);
        }
    }
    out.push_str(&text[copied..]);
    out
}

/// Numbers in a table cell at least this many characters long get break opportunities
/// between their characters: a one-unit column of table 3 holds four 12 pt digits, and a
/// longer count printed whole ran over its neighbours in the PDF.
const CELL_NUMBER_CHARS: usize = 5;

/// A table cell's text with break opportunities: as [`breakable`], and besides between every
/// two characters of a number of [`CELL_NUMBER_CHARS`] or more (digits with `.`, `,` or `%`),
/// so a count too wide for its narrow column wraps inside it. Typst would let it overflow;
/// Word and LibreOffice wrap an overlong word in a cell by themselves, so the DOCX prints the
/// cell without the marks (a number copied out of it stays a number).
pub fn cell_breakable(text: &str) -> String {
    let is_number = |t: &str| {
        t.starts_with(|c: char| c.is_ascii_digit())
            && t.chars()
                .all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | '%'))
    };
    with_breaks(text, |token| {
        token.len() >= LONG_TOKEN_CHARS || (is_number(token) && token.len() >= CELL_NUMBER_CHARS)
    })
}

/// The byte ranges of `text`'s tokens: runs of printable ASCII without spaces (a URL, an
/// e-mail address, a code, a number), which a line cannot break inside unless told where.
pub fn tokens(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut spans = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
        match (c.is_ascii_graphic(), start) {
            (true, None) => start = Some(i),
            (false, Some(from)) => {
                spans.push(from..i);
                start = None;
            }
            _ => {}
        }
    }
    spans
}

/// The width of a text in ems.
pub fn ems(text: &str) -> f64 {
    text.chars().map(|c| if c.is_ascii() { 0.5 } else { 1.0 }).sum()
}

/// The printed rows of one title line. A line that fits stays whole. One too wide breaks
/// between its `segments` (the issuer's name, then the rest: 「机关名称 /
/// 20XX年政府信息公开工作年度报告」) when each fits. Otherwise it breaks at phrase
/// boundaries (see [`boundary`]) into as few rows as fit, the upper rows no shorter than the
/// lower (the trapezoid the standard asks for), as even as the boundaries allow; only when no
/// such breaks fit does it fall back to rows of equal measure. `width` is the text block's
/// width in ems of the title's size. A number or Latin word is never split, and no row starts
/// with closing punctuation or ends with opening punctuation.
pub fn title_rows(text: &str, segments: &[String], width: f64) -> Vec<String> {
    let fits = |s: &str| ems(s) <= width;
    if fits(text) {
        return vec![text.to_owned()];
    }
    if segments.len() > 1 && segments.iter().all(|s| fits(s)) {
        return segments.to_vec();
    }
    let units = units(text);
    if let Some(rows) = phrase_rows(&units, width) {
        return rows;
    }
    let total = ems(text);
    let rows = (total / width).ceil().max(1.0);
    // As long a measure as the rows need, rounded up to whole characters, plus one so the
    // upper rows come out the longer; never wider than the block.
    let measure = ((total / rows).ceil() + 1.0).min(width.floor()).max(1.0);
    let mut out: Vec<String> = Vec::new();
    let mut row = String::new();
    for unit in units {
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

/// How good a break between `before` and `after` is: `Some(0)` at a phrase boundary (after
/// punctuation, 年/年度 or 的; before 政府信息公开, 关于 or a year), `Some(1)` after the name of
/// a body or a place (…人民政府, …局, …区 …), `None` inside a word.
fn boundary(before: &str, after: &str) -> Option<u8> {
    const PHRASES_AFTER: [&str; 4] = ["年度", "年", "的", "关于"];
    const PHRASES_BEFORE: [&str; 3] = ["政府信息公开", "关于", "工作年度报告"];
    // Words a title is never broken inside, whatever the boundaries around them say.
    const WORDS: [&str; 9] = [
        "政府信息公开",
        "年度报告",
        "人民政府",
        "管理委员会",
        "委员会",
        "办公室",
        "办公厅",
        "办事处",
        "自治州",
    ];
    const BODIES: [&str; 22] = [
        "人民政府",
        "办公厅",
        "办公室",
        "委员会",
        "办事处",
        "政府",
        "总局",
        "局",
        "厅",
        "委",
        "办",
        "署",
        "院",
        "部",
        "中心",
        "区",
        "县",
        "市",
        "省",
        "州",
        "镇",
        "乡",
    ];
    // Characters that, after 市 or 区 …, make a word of their own (市场, 区域, 县级 …).
    const CONTINUES: &str = "场长民级委政属直域内外里容面务属公";
    let last = before.chars().last()?;
    let first = after.chars().next()?;
    let inside = |word: &str| {
        (1..word.chars().count()).any(|k| {
            let cut = word.char_indices().nth(k).map_or(word.len(), |(i, _)| i);
            before.ends_with(&word[..cut]) && after.starts_with(&word[cut..])
        })
    };
    if WORDS.iter().any(|w| inside(w)) {
        return None;
    }
    if "，、；：".contains(last) || "（《".contains(first) {
        return Some(0);
    }
    if PHRASES_BEFORE.iter().any(|p| after.starts_with(p)) {
        return Some(0);
    }
    if first.is_ascii_digit() && !last.is_ascii_digit() {
        return Some(0);
    }
    let after_year = |p: &str| {
        // A year in digits or in Chinese numerals (二〇二〇年度).
        let year_digit = |c: char| c.is_ascii_digit() || "〇零一二三四五六七八九".contains(c);
        before
            .strip_suffix(p)
            .is_some_and(|rest| rest.ends_with(year_digit) || p == "的" || p == "关于")
    };
    if PHRASES_AFTER.iter().any(|p| after_year(p)) && !after.starts_with('度') {
        return Some(0);
    }
    if BODIES.iter().any(|b| before.ends_with(b)) && !CONTINUES.contains(first) {
        return Some(1);
    }
    None
}

/// The rows a title breaks into at phrase boundaries: the fewest rows that fit, each no
/// longer than the one above, with the best boundaries and then the most even rows; `None`
/// when no choice of boundaries fits within one row more than the minimum.
fn phrase_rows(units: &[String], width: f64) -> Option<Vec<String>> {
    let widths: Vec<f64> = units.iter().map(|u| ems(u)).collect();
    let total: f64 = widths.iter().sum();
    // Break candidates: the index of the unit a row starts with, and the break's penalty.
    let mut candidates: Vec<(usize, u8)> = Vec::new();
    let mut before = String::new();
    for i in 1..units.len() {
        before.push_str(&units[i - 1]);
        let after: String = units[i..].concat();
        if let Some(p) = boundary(&before, &after) {
            candidates.push((i, p));
        }
    }
    let min_rows = (total / width).ceil().max(2.0) as usize;
    for rows in min_rows..=min_rows + 1 {
        let mut best: Option<(f64, Vec<usize>)> = None;
        choose(&candidates, rows - 1, 0, &mut Vec::new(), &mut |breaks| {
            let mut edges = vec![0];
            edges.extend(breaks.iter().map(|&k| candidates[k].0));
            edges.push(units.len());
            let lens: Vec<f64> = edges
                .windows(2)
                .map(|w| widths[w[0]..w[1]].iter().sum())
                .collect();
            if lens.iter().any(|&l| l > width) || lens.windows(2).any(|w| w[1] > w[0]) {
                return;
            }
            let penalty: f64 = breaks.iter().map(|&k| f64::from(candidates[k].1)).sum();
            let spread =
                lens.iter().cloned().fold(f64::MIN, f64::max) - lens.iter().cloned().fold(f64::MAX, f64::min);
            let cost = penalty * 4.0 + spread;
            if best.as_ref().is_none_or(|(c, _)| cost < *c) {
                best = Some((cost, edges));
            }
        });
        if let Some((_, edges)) = best {
            return Some(edges.windows(2).map(|w| units[w[0]..w[1]].concat()).collect());
        }
    }
    None
}

/// Calls `each` with every increasing choice of `k` indices into `candidates` from `from`.
fn choose(
    candidates: &[(usize, u8)],
    k: usize,
    from: usize,
    chosen: &mut Vec<usize>,
    each: &mut dyn FnMut(&[usize]),
) {
    if k == 0 {
        each(chosen);
        return;
    }
    for i in from..candidates.len() {
        chosen.push(i);
        choose(candidates, k - 1, i + 1, chosen, each);
        chosen.pop();
    }
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
    fn long_tokens_get_break_points_and_short_ones_none() {
        let b = |s: &str| breakable(s).replace(BREAK, "|");
        assert_eq!(b("网站（www.cq.gov.cn）下载"), "网站（www.cq.gov.cn）下载");
        assert_eq!(
            b("（https://a.bc/defgh）"),
            "（h|t|t|p|s|:|//|a|.|b|c|/|d|e|f|g|h）"
        );
        // Nothing is lost or changed but the break points.
        let text = "代码ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789，网址https://a.b/c";
        assert_eq!(breakable(text).replace(BREAK, ""), text);
    }

    #[test]
    fn numbers_in_cells_may_break_from_five_characters_and_other_text_as_in_prose() {
        let b = |s: &str| cell_breakable(s).replace(BREAK, "|");
        assert_eq!(b("2021"), "2021");
        assert_eq!(b("123456789"), "1|2|3|4|5|6|7|8|9");
        assert_eq!(b("9116.36"), "9|1|1|6|.|3|6");
        assert_eq!(b("其中：12345件"), "其中：1|2|3|4|5件");
        // Not a number: a short code stays whole, a long one breaks as in prose.
        assert_eq!(b("ABC12"), "ABC12");
        assert_eq!(
            b("https://a.bc/defgh"),
            breakable("https://a.bc/defgh").replace(BREAK, "|")
        );
        let text = "共123456789件，网址https://a.b/cdefghijk";
        assert_eq!(cell_breakable(text).replace(BREAK, ""), text);
    }

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

    /// Breaks every title between words: (title, its rows).
    #[test]
    fn titles_of_many_shapes_break_between_words() {
        let cases: [(&str, &[&str]); 10] = [
            (
                "示例市某某综合实验区2021年度政府信息公开工作年度报告",
                &["示例市某某综合实验区2021年度", "政府信息公开工作年度报告"],
            ),
            (
                "国家税务总局重庆市两江新区税务局2021年政府信息公开工作年度报告",
                &[
                    "国家税务总局重庆市两江新区税务局",
                    "2021年政府信息公开工作年度报告",
                ],
            ),
            (
                "某市市场监督管理局综合行政执法支队2023年政府信息公开工作年度报告",
                &[
                    "某市市场监督管理局综合行政执法支队",
                    "2023年政府信息公开工作年度报告",
                ],
            ),
            (
                "中国（上海）自由贸易试验区临港新片区管理委员会2023年政府信息公开工作年度报告",
                &[
                    "中国（上海）自由贸易试验区",
                    "临港新片区管理委员会2023年",
                    "政府信息公开工作年度报告",
                ],
            ),
            (
                "新疆生产建设兵团第十三师新星市人民政府2022年政府信息公开工作年度报告",
                &[
                    "新疆生产建设兵团第十三师新星市人民政府",
                    "2022年政府信息公开工作年度报告",
                ],
            ),
            (
                "北京经济技术开发区管理委员会2021年度政府信息公开工作年度报告",
                &["北京经济技术开发区管理委员会2021年度", "政府信息公开工作年度报告"],
            ),
            (
                "中关村科技园区ZGC管理委员会2023年政府信息公开工作年度报告",
                &["中关村科技园区ZGC管理委员会2023年", "政府信息公开工作年度报告"],
            ),
            (
                "重庆市人民政府办公厅2014年政府信息公开工作年度报告（修订版）",
                &["重庆市人民政府办公厅2014年政府信息公开", "工作年度报告（修订版）"],
            ),
            (
                "某某自治州某某县人民政府办公室关于2023年度政府信息公开工作的年度报告",
                &[
                    "某某自治州某某县人民政府办公室关于",
                    "2023年度政府信息公开工作的年度报告",
                ],
            ),
            (
                "某局2021年政府信息公开工作年度报告",
                &["某局2021年政府信息公开工作年度报告"],
            ),
        ];
        for (title, expected) in cases {
            let rows = title_rows(title, &[title.to_owned()], TITLE_WIDTH);
            assert_eq!(rows, expected, "{title}");
            assert!(rows.iter().all(|r| ems(r) <= TITLE_WIDTH), "{rows:?}");
            assert!(rows.windows(2).all(|w| ems(&w[0]) >= ems(&w[1])), "{rows:?}");
        }
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
