//! PDF and DOCX print the same placement decisions: the same title rows (after the
//! issuer's name, or the trapezoid of a long line without it, or one row), and the
//! signature's lines at the same indents. The PDF is read from Typst's laid-out frames, the
//! DOCX from its `word/document.xml`; neither reading shares code with the renderers.

mod common;

use common::each_glyph;
use report::compose::compose;
use report::fonts::{FontOptions, FontSet};
use report::load::parse;
use report::render::docx;
use report::render::typst::typeset::typeset;
use report::template::Template;
use std::io::Read;
use std::path::Path;

/// The PDF's lines of one size, top to bottom: (left edge, text).
fn pdf_lines(yaml: &str, size: f64) -> Vec<(f64, String)> {
    let template = Template::builtin().expect("template");
    let fonts = FontSet::load(&FontOptions::default()).expect("fonts");
    let report = parse(Path::new("t.yaml"), yaml).expect("parse");
    let document = compose(&report, &template.layout).document;
    let laid = typeset(&document, &template, &fonts).expect("typeset");
    let mut all = Vec::new();
    for page in laid.document.pages() {
        each_glyph(&page.frame, &mut |(x, y), text, g| {
            all.push((x, y, text.size.to_pt(), text.text[g.range()].to_string()));
        });
    }
    let mut lines: Vec<(f64, f64, String)> = Vec::new();
    for (x, y, _, text) in all.into_iter().filter(|g| (g.2 - size).abs() < 0.01) {
        match lines.iter_mut().find(|l| (l.1 - y).abs() < 0.5) {
            Some(line) => {
                line.0 = line.0.min(x);
                line.2.push_str(&text);
            }
            None => lines.push((x, y, text)),
        }
    }
    lines.sort_by(|a, b| a.1.total_cmp(&b.1));
    lines.into_iter().map(|(x, _, t)| (x, t)).collect()
}

/// The DOCX's paragraphs: (style, left indent in twips, text).
fn docx_paragraphs(yaml: &str) -> Vec<(String, Option<i64>, String)> {
    let template = Template::builtin().expect("template");
    let report = parse(Path::new("t.yaml"), yaml).expect("parse");
    let document = compose(&report, &template.layout).document;
    let bytes = docx::render(&document, &template.layout, &[]).expect("docx");
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("zip");
    let mut xml = String::new();
    zip.by_name("word/document.xml")
        .expect("document.xml")
        .read_to_string(&mut xml)
        .expect("read");
    let attr = |tag: &str, name: &str| -> Option<String> {
        let at = tag.find(&format!("{name}=\""))? + name.len() + 2;
        Some(tag[at..].split('"').next()?.to_owned())
    };
    // Every paragraph opens with `<w:p>` or `<w:p ` (with attributes).
    xml.replace("<w:p ", "<w:p>")
        .split("<w:p>")
        .skip(1)
        .filter(|p| p.contains("<w:t"))
        .map(|p| {
            let p = p.split("</w:p>").next().unwrap_or_default();
            let style = p
                .find("<w:pStyle ")
                .and_then(|i| attr(&p[i..], "w:val"))
                .unwrap_or_default();
            let indent = p
                .find("<w:ind ")
                .and_then(|i| attr(&p[i..], "w:left"))
                .and_then(|v| v.parse().ok());
            // A line break inside a paragraph (the title's rows) reads as '\n'.
            let p = p
                .split("<w:br")
                .enumerate()
                .map(|(i, piece)| match (i, piece.split_once("/>")) {
                    (0, _) | (_, None) => piece.to_owned(),
                    (_, Some((_, rest))) => format!("<w:t>\n</w:t>{rest}"),
                })
                .collect::<String>();
            let text: String = p
                .split("<w:t")
                .skip(1)
                .filter_map(|t| Some(t.split_once('>')?.1.split("</w:t>").next()?.to_owned()))
                .collect();
            (style, indent, text)
        })
        .collect::<Vec<_>>()
}

fn report_with_title(title: &str) -> String {
    format!(
        "issuer: 重庆市人民政府办公厅\nyear: 2014\ntitle: [\"{title}\"]\ndate: 2015-01-20\nparts: [{{heading: 总体情况, body: [正文。]}}]\nsignature: {{}}\n"
    )
}

#[test]
fn pdf_and_docx_print_the_same_title_rows() {
    // The DOCX title is one paragraph, its rows separated by line breaks.
    let titles = [
        // Breaks after the issuer's name.
        "重庆市人民政府办公厅2014年政府信息公开工作情况",
        // Too long, without the issuer to break after: the trapezoid.
        "关于进一步加强和改进新时代基层政务公开标准化规范化工作的2014年度情况报告",
        // One row.
        "2014年政府信息公开工作情况",
    ];
    let mut row_counts = Vec::new();
    for title in titles {
        let yaml = report_with_title(title);
        let pdf: Vec<String> = pdf_lines(&yaml, 22.0).into_iter().map(|(_, t)| t).collect();
        let docx: Vec<String> = docx_paragraphs(&yaml)
            .into_iter()
            .filter(|(style, _, _)| style == "Title")
            .flat_map(|(_, _, t)| t.split('\n').map(str::to_owned).collect::<Vec<_>>())
            .collect();
        assert_eq!(pdf, docx, "{title}");
        assert_eq!(pdf.concat(), title);
        row_counts.push(pdf.len());
    }
    assert_eq!(row_counts, [2, 2, 1]);
}

#[test]
fn pdf_and_docx_indent_the_signature_alike() {
    let yaml = report_with_title("2014年政府信息公开工作情况");
    let layout = Template::builtin().expect("template").layout;
    let margin_pt = layout.page.margin_left_mm / 25.4 * 72.0;
    let pdf = pdf_lines(&yaml, 16.0);
    let docx = docx_paragraphs(&yaml);
    for line in ["重庆市人民政府办公厅", "2015年1月20日"] {
        let (x, _) = pdf
            .iter()
            .find(|(_, t)| t == line)
            .expect("the PDF prints the line");
        let (_, indent, _) = docx
            .iter()
            .find(|(_, _, t)| t == line)
            .expect("the DOCX prints it");
        let indent_pt = indent.expect("an indent") as f64 / 20.0;
        assert!(
            (x - margin_pt - indent_pt).abs() < 0.5,
            "{line}: PDF at {:.2} pt, DOCX at {indent_pt:.2} pt from the margin",
            x - margin_pt
        );
    }
}

#[test]
fn pdf_and_docx_print_the_addressee_flush_left_on_the_line_after_the_title() {
    let yaml = "issuer: 示例市交通运输局\nyear: 2015\ntitle: [示例市交通运输局2015年政府信息公开工作年度报告]\naddressee: 示例市人民政府办公厅\nparts: [{heading: 总体情况, body: [正文。]}]\n";
    let layout = Template::builtin().expect("template").layout;
    let margin_pt = layout.page.margin_left_mm / 25.4 * 72.0;
    let pdf = pdf_lines(yaml, 16.0);
    let docx = docx_paragraphs(yaml);
    // Right after the title in both: the PDF's first body-size line, the DOCX's paragraph
    // after the Title.
    assert_eq!(pdf[0].1, "示例市人民政府办公厅：");
    assert!(
        (pdf[0].0 - margin_pt).abs() < 0.5,
        "the PDF starts it {:.2} pt from the margin",
        pdf[0].0 - margin_pt
    );
    let after_title = docx
        .iter()
        .find(|(style, _, _)| style != "Title")
        .expect("a paragraph after the title");
    assert_eq!(after_title.2, "示例市人民政府办公厅：");
    assert_eq!(after_title.1, Some(0));
    // The body after it keeps its first-line indent in the PDF: the addressee alone is flush.
    assert!(pdf[1].0 - margin_pt > 30.0, "{:?}", pdf[1]);
}
