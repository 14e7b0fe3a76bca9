//! The seed's pages as Typst lays them out, measured against GB/T 9704 (docs/format.md): page size,
//! text block, 28 characters a line, 22 lines a page, line pitch, fonts by role, page numbers,
//! and the text itself, word for word. Runs in process, with no outside tool.

mod common;

use common::*;
use report::compose::compose;
use report::fonts::{FontOptions, FontSet};
use report::load::{load_file, parse};
use report::render::typst::typeset::typeset;
use report::template::Template;
use std::path::Path;
use typst::layout::Frame;

const MM: f64 = 72.0 / 25.4;
const BLOCK_LEFT: f64 = 28.0 * MM;
const BLOCK_RIGHT: f64 = 184.0 * MM;
const BLOCK_TOP: f64 = 37.0 * MM;
const BLOCK_BOTTOM: f64 = 262.0 * MM;
const PITCH: f64 = 156.0 * MM / 28.0;

/// One glyph where it was placed on its page.
#[derive(Debug, Clone)]
struct Glyph {
    x: f64,
    baseline: f64,
    advance: f64,
    size: f64,
    text: String,
    family: String,
    weight: u16,
    /// The face's ascender, in points at this size.
    ascender: f64,
}

/// A visual line: glyphs sharing a baseline, left to right.
#[derive(Debug)]
struct Line {
    glyphs: Vec<Glyph>,
}

impl Line {
    fn text(&self) -> String {
        self.glyphs.iter().map(|g| g.text.as_str()).collect()
    }
    fn left(&self) -> f64 {
        self.glyphs[0].x
    }
    /// Where the ink of the line ends: a CJK glyph is at most 1 em wide whatever tracking or
    /// justification added to its advance, and closing punctuation (，。、》…) keeps its ink
    /// in its left half.
    fn right(&self) -> f64 {
        self.glyphs
            .iter()
            .map(|g| {
                let ink = if g.text.is_ascii() {
                    g.advance
                } else if g.text.chars().all(|c| "，。、；：？！”’）》〕".contains(c)) {
                    g.advance.min(g.size / 2.0)
                } else {
                    g.advance.min(g.size)
                };
                g.x + ink
            })
            .fold(f64::MIN, f64::max)
    }
    fn baseline(&self) -> f64 {
        self.glyphs[0].baseline
    }
    fn size(&self) -> f64 {
        self.glyphs[0].size
    }
}

struct Page {
    width: f64,
    height: f64,
    lines: Vec<Line>,
}

/// Every glyph of a page, where it was placed.
fn collect(frame: &Frame) -> Vec<Glyph> {
    let mut out = Vec::new();
    each_glyph(frame, &mut |(x, baseline), text, g| {
        let info = text.font.font().info();
        out.push(Glyph {
            x,
            baseline,
            advance: g.x_advance.at(text.size).to_pt(),
            size: text.size.to_pt(),
            text: text.text[g.range()].to_string(),
            family: info.family.clone(),
            weight: info.variant.weight.to_number(),
            ascender: text.font.metrics().ascender.at(text.size).to_pt(),
        });
    });
    out
}

fn pages_of(yaml: &Path) -> Vec<Page> {
    let report = load_file(yaml).expect("load").report;
    pages_of_report(&report)
}

fn pages_of_report(report: &report::formats::Report) -> Vec<Page> {
    let template = Template::builtin().expect("template");
    let fonts = FontSet::load(&FontOptions::default()).expect("fonts");
    let typeset = typeset(&compose(report, &template.layout).document, &template, &fonts).expect("typeset");
    assert!(
        typeset.warnings.is_empty(),
        "Typst warned: {:?}",
        typeset.warnings
    );
    typeset
        .document
        .pages()
        .iter()
        .map(|p| {
            let glyphs = collect(&p.frame);
            let mut lines: Vec<Line> = Vec::new();
            for g in glyphs {
                match lines.iter_mut().find(|l| (l.baseline() - g.baseline).abs() < 0.5) {
                    Some(line) => line.glyphs.push(g),
                    None => lines.push(Line { glyphs: vec![g] }),
                }
            }
            for l in &mut lines {
                l.glyphs.sort_by(|a, b| a.x.total_cmp(&b.x));
            }
            lines.sort_by(|a, b| a.baseline().total_cmp(&b.baseline()));
            Page {
                width: p.frame.width().to_pt(),
                height: p.frame.height().to_pt(),
                lines,
            }
        })
        .collect()
}

fn is_page_number(line: &Line) -> bool {
    line.baseline() > BLOCK_BOTTOM
}

fn body_lines(page: &Page) -> impl Iterator<Item = &Line> {
    page.lines
        .iter()
        .filter(|l| !is_page_number(l) && (l.size() - 16.0).abs() < 0.01)
}

#[test]
fn seed_pages_follow_the_official_layout() {
    let pages = pages_of(&seed_yaml());
    assert!(pages.len() >= 8, "only {} pages", pages.len());

    // A4, and nothing outside the text block but the page number.
    for (i, page) in pages.iter().enumerate() {
        assert!(
            (page.width - 595.28).abs() < 0.1 && (page.height - 841.89).abs() < 0.1,
            "page {} is not A4",
            i + 1
        );
        for line in page.lines.iter().filter(|l| !is_page_number(l)) {
            // An opening bracket at a line's start is set half-width, its ink in its right half.
            let opening = line.text().starts_with(['《', '（', '“', '‘', '〔']);
            let slack = if opening { line.size() / 2.0 + 0.5 } else { 0.5 };
            assert!(
                line.left() >= BLOCK_LEFT - slack,
                "page {}: `{}` starts left of the block",
                i + 1,
                line.text()
            );
            assert!(
                line.right() <= BLOCK_RIGHT + 0.5,
                "page {}: `{}` ends right of the block",
                i + 1,
                line.text()
            );
            assert!(
                line.baseline() - 0.8 * line.size() >= BLOCK_TOP - 0.5,
                "page {}: a line above the block",
                i + 1
            );
        }
    }

    // Full lines hold 28 characters. A line is full when its ink reaches the block's right
    // edge; one of CJK text only then holds 28 characters less the indent it starts with,
    // unless 避头尾 or an unbreakable number moved a character, or two adjacent punctuation
    // marks (”。 》《) share one em as GB/T 15834 allows.
    let body: Vec<&Line> = pages.iter().flat_map(body_lines).collect();
    let mut full = 0;
    for (k, line) in body.iter().enumerate() {
        if line.right() <= BLOCK_RIGHT - 0.5 || line.text().chars().any(|c| c.is_ascii()) {
            continue;
        }
        full += 1;
        let indent = ((line.left() - BLOCK_LEFT) / PITCH).round() as usize;
        let text: Vec<char> = line.text().chars().collect();
        let next: Vec<char> = body
            .get(k + 1)
            .map(|l| l.text().chars().collect())
            .unwrap_or_default();
        let punct = |c: &char| "，。、；：？！”’）》（《“‘".contains(*c);
        let explained = match text.len() + indent {
            28 => true,
            29 => text.windows(2).any(|w| punct(&w[0]) && punct(&w[1])),
            27 => next.first().is_some_and(|c| c.is_ascii_digit()) || next.get(1).is_some_and(punct),
            _ => false,
        };
        assert!(
            explained,
            "a full line of {} characters: {}",
            text.len() + indent,
            line.text()
        );
    }
    assert!(full > 100, "only {full} full lines");

    // 28.95 pt from baseline to baseline, and 22 lines on every full page.
    for (i, page) in pages.iter().enumerate() {
        let lines: Vec<&Line> = page.lines.iter().filter(|l| !is_page_number(l)).collect();
        for pair in lines.windows(2) {
            if pair.iter().all(|l| (l.size() - 16.0).abs() < 0.01) {
                let step = pair[1].baseline() - pair[0].baseline();
                assert!(
                    (step - 28.95).abs() < 0.02,
                    "page {}: a step of {step:.3} pt before `{}`",
                    i + 1,
                    pair[1].text()
                );
            }
        }
        let last = i + 1 == pages.len();
        if i > 0 && !last {
            assert_eq!(lines.len(), 22, "page {} holds {} lines", i + 1, lines.len());
        }
    }
}

#[test]
fn page_numbers_are_em_dashed_and_placed_by_the_standard() {
    let pages = pages_of(&seed_yaml());
    for (i, page) in pages.iter().enumerate() {
        let n = i + 1;
        let numbers: Vec<&Line> = page.lines.iter().filter(|l| is_page_number(l)).collect();
        assert_eq!(numbers.len(), 1, "page {n}");
        let line = numbers[0];
        assert_eq!(squeeze(&line.text()), format!("—{n}—"), "page {n}");
        assert!((line.size() - 14.0).abs() < 0.01);
        assert!(
            line.glyphs.iter().all(|g| g.family == "Noto Serif CJK SC"),
            "page {n} number not in 宋体"
        );
        // The top of the number's box (its face's ascender) is 7 mm below the block.
        let top = line.baseline() - line.glyphs[0].ascender;
        assert!(
            (top - (BLOCK_BOTTOM + 7.0 * MM)).abs() < 0.2 * MM,
            "page {n}: number line top at {:.1} mm",
            top / MM
        );
        if n % 2 == 1 {
            assert!(
                (line.right() - (BLOCK_RIGHT - PITCH)).abs() < 1.0,
                "odd page {n}: ends at {:.1}",
                line.right()
            );
        } else {
            assert!(
                (line.left() - (BLOCK_LEFT + PITCH)).abs() < 1.0,
                "even page {n}: starts at {:.1}",
                line.left()
            );
        }
    }
}

#[test]
fn the_text_is_the_seed_word_for_word() {
    let pages = pages_of(&seed_yaml());
    let text: String = pages
        .iter()
        .flat_map(|p| p.lines.iter().filter(|l| !is_page_number(l)).map(Line::text))
        .collect();
    assert_eq!(squeeze(&text), squeeze(&seed_text()));
}

#[test]
fn each_role_is_set_in_its_font() {
    let pages = pages_of(&seed_yaml());
    let first = &pages[0];
    let family_of = |needle: &str| -> (String, u16, f64) {
        let line = first
            .lines
            .iter()
            .find(|l| l.text().contains(needle))
            .unwrap_or_else(|| panic!("no line with {needle}"));
        let g = line
            .glyphs
            .iter()
            .find(|g| needle.starts_with(&g.text) || g.text.chars().any(|c| needle.contains(c)))
            .unwrap();
        (g.family.clone(), g.weight, g.size)
    };
    assert_eq!(
        family_of("重庆市2014"),
        ("Noto Serif CJK SC".into(), 700, 22.0),
        "title: 小标宋 stand-in, 22 pt"
    );
    assert_eq!(
        family_of("一、重点"),
        ("Noto Sans CJK SC".into(), 400, 16.0),
        "一、 in 黑体 stand-in"
    );
    assert_eq!(
        family_of("（一）行政"),
        ("AR PL KaitiM GB".into(), 400, 16.0),
        "（一） in 楷体 stand-in"
    );
    let body = first
        .lines
        .iter()
        .find(|l| l.text().contains("下放和调整行政职权"))
        .unwrap();
    let cjk: Vec<&Glyph> = body.glyphs.iter().filter(|g| !g.text.is_ascii()).collect();
    assert!(
        cjk.iter().all(|g| g.family == "FandolFang R"),
        "body not in 仿宋 stand-in"
    );
    let digits: Vec<&Glyph> = pages
        .iter()
        .flat_map(|p| &p.lines)
        .flat_map(|l| &l.glyphs)
        .filter(|g| g.text == "2")
        .collect();
    assert!(
        digits
            .iter()
            .filter(|g| g.size == 16.0)
            .all(|g| g.family == "Liberation Serif"),
        "digits not in the Times-metric serif"
    );
    let quotes: Vec<&Glyph> = pages
        .iter()
        .flat_map(|p| &p.lines)
        .flat_map(|l| &l.glyphs)
        .filter(|g| g.text == "“")
        .collect();
    assert!(
        !quotes.is_empty() && quotes.iter().all(|g| g.family != "Liberation Serif"),
        "curly quotes must stay full width"
    );
}

#[test]
fn markup_characters_in_a_report_print_as_themselves() {
    let tricky = "#set page(width: 1cm) $x$ @ref ] <label> *bold* _it_ `raw` \\\\ // not a comment";
    let yaml =
        format!("issuer: 某局\nyear: 2020\npreamble:\n  - '{tricky}'\nparts:\n  - heading: '#heading'\n");
    let report = parse(Path::new("t.yaml"), &yaml).expect("parse");
    let pages = pages_of_report(&report);
    assert_eq!(pages.len(), 1, "the page size must not have changed");
    assert!((pages[0].width - 595.28).abs() < 0.1);
    let text: String = pages[0]
        .lines
        .iter()
        .filter(|l| !is_page_number(l))
        .map(Line::text)
        .collect();
    assert!(squeeze(&text).contains(&squeeze(tricky)), "got: {text}");
    assert!(squeeze(&text).contains("一、#heading"), "got: {text}");
}

#[test]
fn a_long_title_breaks_into_a_trapezoid() {
    let yaml = "issuer: 某局\nyear: 2020\ntitle: [重庆市某某区人民政府办公室关于二〇二〇年度政府信息公开工作的年度报告]\nparts: []\n";
    let pages = pages_of_report(&parse(Path::new("t.yaml"), yaml).unwrap());
    let title: Vec<&Line> = pages[0]
        .lines
        .iter()
        .filter(|l| (l.size() - 22.0).abs() < 0.01)
        .collect();
    // No two rows at phrase boundaries fit with the upper the longer (after 关于 the lower
    // is longer; 年|度 would split a word), so three rows, each break between words.
    assert_eq!(
        title.iter().map(|l| l.text()).collect::<Vec<_>>(),
        [
            "重庆市某某区人民政府办公室关于",
            "二〇二〇年度政府信息公开工作的",
            "年度报告"
        ]
    );
    for pair in title.windows(2) {
        let (top, bottom) = (pair[0].right() - pair[0].left(), pair[1].right() - pair[1].left());
        assert!(top >= bottom - 0.01, "the upper line must be the longer");
    }
    for l in &title {
        let centre = (l.left() + l.right()) / 2.0;
        assert!(
            (centre - (BLOCK_LEFT + BLOCK_RIGHT) / 2.0).abs() < 12.0,
            "title line not centred"
        );
    }
}

#[test]
fn the_signature_sits_two_characters_from_the_right_with_the_date_below() {
    let yaml = "issuer: 某局\nyear: 2014\ndate: 2015-01-20\nparts:\n  - heading: 甲\n    body: [正文。]\nsignature: {issuer: 重庆市人民政府办公厅}\n";
    let pages = pages_of_report(&parse(Path::new("t.yaml"), yaml).unwrap());
    let lines = &pages[0].lines;
    let issuer = lines
        .iter()
        .find(|l| l.text() == "重庆市人民政府办公厅")
        .expect("signature line");
    let date = lines
        .iter()
        .find(|l| l.text() == "2015年1月20日")
        .expect("date line");
    assert!(
        (issuer.right() - (BLOCK_RIGHT - 2.0 * PITCH)).abs() < 1.0,
        "issuer ends at {:.1}",
        issuer.right()
    );
    assert!(
        (date.left() - (issuer.left() + 2.0 * PITCH)).abs() < 1.0,
        "date starts at {:.1}",
        date.left()
    );
    assert!((date.baseline() - issuer.baseline() - 28.95).abs() < 0.1);
}

#[test]
fn a_title_line_starting_with_the_issuer_breaks_after_it() {
    let pages = pages_of(&seed_yaml());
    let title: Vec<String> = pages[0]
        .lines
        .iter()
        .filter(|l| (l.size() - 22.0).abs() < 0.01)
        .map(Line::text)
        .collect();
    assert_eq!(
        title,
        [
            "重庆市2014年政府信息公开工作情况",
            "重庆市人民政府办公厅",
            "2014年政府信息公开工作情况"
        ]
    );
}

#[test]
fn long_urls_and_codes_stretch_no_line_and_lose_no_text() {
    let code = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".repeat(3);
    let url = "https://www.example-district.gov.cn/zwgk/zfxxgk/ndbg/2023/index_detail.html";
    let yaml = format!(
        "issuer: 某区人民政府\nyear: 2023\nparts:\n  - heading: 总体情况\n    body:\n      - 本报告电子版可在某区人民政府门户网站（{url}）下载，如有疑问请联系区政府办公室。\n      - 联系电话：023-12345678，电子邮箱：zhengwugongkai.bangongshi@example-district.gov.cn，通讯地址：某区某路1号。\n      - 统一社会信用代码为{code}，特此说明。\n"
    );
    let pages = pages_of_report(&parse(Path::new("t.yaml"), &yaml).unwrap());
    let body: Vec<&Line> = pages[0]
        .lines
        .iter()
        .filter(|l| (l.size() - 16.0).abs() < 0.01 && !is_page_number(l))
        .collect();
    let text: String = body.iter().map(|l| l.text()).collect();
    for whole in [
        url,
        code.as_str(),
        "zhengwugongkai.bangongshi@example-district.gov.cn",
    ] {
        assert!(text.contains(whole), "{whole} is not printed whole: {text}");
    }
    assert!(!text.contains('\u{200B}'));
    for l in &body {
        assert!(
            l.right() <= BLOCK_RIGHT + 0.5,
            "runs off the margin: {}",
            l.text()
        );
        // Justification widens the advances of a line's Chinese characters; on the grid they
        // are one pitch (16 pt less the tracking). A line filled to within the one or two
        // characters that 避头尾 may move on adds at most 32 pt in all; one stretched before an
        // unbreakable token added 165 pt.
        let added: f64 = l
            .glyphs
            .iter()
            .filter(|g| !g.text.is_ascii())
            .map(|g| (g.advance - 16.0).max(0.0))
            .sum();
        assert!(
            added <= 32.0,
            "a stretched line ({added:.1} pt added): {}",
            l.text()
        );
    }
}

/// A nine-digit count in table 3's narrow columns (tests/fixtures/valid/large-counts-2024.yaml)
/// wraps inside its cell: every digit of every number cell stays inside its column, and the
/// column read top to bottom still gives the whole number.
#[test]
fn a_count_too_wide_for_its_cell_wraps_inside_it() {
    let pages = pages_of(&root().join("tests/fixtures/valid/large-counts-2024.yaml"));
    let widths = Template::builtin().unwrap().layout.table.columns.applications;
    let unit = (BLOCK_RIGHT - BLOCK_LEFT) / widths.iter().sum::<f64>();
    let edges: Vec<f64> = widths
        .iter()
        .scan(BLOCK_LEFT, |x, w| {
            *x += w * unit;
            Some(*x)
        })
        .collect();
    // The number columns: the seven right of the three label columns.
    let columns: Vec<(f64, f64)> = edges[2..].windows(2).map(|w| (w[0], w[1])).collect();
    let table_page = pages
        .iter()
        .find(|p| {
            p.lines
                .iter()
                .any(|l| l.text().contains("本年新收政府信息公开申请数量"))
        })
        .expect("table 3's page");
    let mut natural_person = String::new();
    let mut checked = 0;
    for line in &table_page.lines {
        for g in line.glyphs.iter().filter(|g| (g.size - 12.0).abs() < 0.01) {
            if !g.text.chars().all(|c| c.is_ascii_digit()) {
                continue;
            }
            let centre = g.x + g.advance / 2.0;
            let Some(&(left, right)) = columns.iter().find(|(l, r)| *l <= centre && centre < *r) else {
                continue;
            };
            checked += 1;
            assert!(
                g.x >= left && g.x + g.advance <= right + 0.01,
                "a digit of {:?} at {:.1}..{:.1} pt overflows its column {left:.1}..{right:.1}",
                line.text(),
                g.x,
                g.x + g.advance
            );
            if left == columns[0].0 {
                natural_person.push_str(&g.text);
            }
        }
        natural_person.push(' ');
    }
    assert!(checked > 100, "only {checked} digits in number columns");
    let column = squeeze(&natural_person);
    for number in ["123456789", "123456751"] {
        assert!(
            column.contains(number),
            "{number} not whole in {natural_person:?}"
        );
    }
}

/// After a table the body is back on the grid: every line in the body's size (body,
/// headings, captions) on every page of the examples with tables has its baseline a whole
/// number of pitches below the first line's (the top margin plus 0.8 em), within 0.5 pt.
#[test]
fn body_lines_after_a_table_are_back_on_the_grid() {
    for name in ["yunxi-2024", "qinghe-2013"] {
        let pages = pages_of(&root().join(format!("reports/{name}.yaml")));
        let mut after_table = 0;
        for (p, page) in pages.iter().enumerate() {
            let mut seen_table = false;
            for line in page.lines.iter().filter(|l| !is_page_number(l)) {
                if (line.size() - 12.0).abs() < 0.01 {
                    seen_table = true;
                    continue;
                }
                if (line.size() - 16.0).abs() > 0.01 {
                    continue;
                }
                let lines = (line.baseline() - BLOCK_TOP - 0.8 * 16.0) / 28.95;
                assert!(
                    (lines - lines.round()).abs() * 28.95 < 0.5,
                    "{name} page {}: {:?} is {:.2} lines below the first",
                    p + 1,
                    line.text(),
                    lines
                );
                after_table += usize::from(seen_table);
            }
        }
        assert!(after_table > 5, "{name}: only {after_table} lines after a table");
    }
}
