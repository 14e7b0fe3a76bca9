//! The generic table model, rendered by both renderers: merged cells, header rows repeated
//! on every page, every cell printed. The free-form shape has no tables; the 2021
//! standard's statistical tables will fill this model.

mod common;

use common::squeeze;
use report::document::{Block, Cell, CellAlign, Document, Meta, Table};
use report::fonts::{FontOptions, FontSet};
use report::model::Date;
use report::render::docx;
use report::render::typst::typeset::typeset;
use report::template::Template;
use std::io::Read;
use typst::layout::{Frame, FrameItem};

/// A table like the 2021 standard's table 4: a two-row header with column and row spans,
/// then `rows` body rows of five numbers.
fn document(rows: usize) -> Document {
    let header = vec![
        vec![
            Cell::new("年份").span(1, 2).bold(),
            Cell::new("行政复议").span(2, 1).bold(),
            Cell::new("行政诉讼").span(2, 1).bold(),
        ],
        vec![
            Cell::new("结果维持"),
            Cell::new("总计"),
            Cell::new("结果纠正"),
            Cell::new("总计"),
        ],
    ];
    let body = (0..rows).map(|i| {
        let mut row = vec![Cell::new(format!("第{i}行")).align(CellAlign::Left)];
        row.extend((0..4).map(|k| Cell::new((i * 4 + k).to_string())));
        row
    });
    Document {
        meta: Meta {
            title: "表".into(),
            author: "某局".into(),
            lang: "zh-CN".into(),
            date: Date {
                year: 2024,
                month: 1,
                day: 1,
            },
        },
        blocks: vec![Block::Table(Table {
            caption: None,
            columns: vec![2.0, 1.0, 1.0, 1.0, 1.0],
            header_rows: 2,
            rows: header.into_iter().chain(body).collect(),
        })],
    }
}

fn text_of(frame: &Frame, out: &mut String) {
    for (_, item) in frame.items() {
        match item {
            FrameItem::Group(g) => text_of(&g.frame, out),
            FrameItem::Text(t) => out.push_str(&t.text),
            _ => {}
        }
    }
}

#[test]
fn a_pdf_table_prints_every_cell_and_repeats_its_header_on_each_page() {
    let template = Template::builtin().unwrap();
    let fonts = FontSet::load(&FontOptions::default()).unwrap();
    let typeset = typeset(&document(60), &template, &fonts).unwrap();
    let pages = typeset.document.pages();
    assert!(pages.len() >= 2, "the table should run over pages");
    let mut all = String::new();
    for (n, page) in pages.iter().enumerate() {
        let mut text = String::new();
        text_of(&page.frame, &mut text);
        for label in ["年份", "行政复议", "行政诉讼", "结果维持", "结果纠正"] {
            assert!(
                text.contains(label),
                "page {}: header {label} not repeated",
                n + 1
            );
        }
        all.push_str(&text);
    }
    for i in 0..60 * 4 {
        assert!(all.contains(&i.to_string()), "cell {i} missing");
    }
    assert!(squeeze(&all).contains("第59行236237238239"));
}

#[test]
fn a_docx_table_merges_cells_and_marks_its_header_rows() {
    let template = Template::builtin().unwrap();
    let bytes = docx::render(&document(3), &template.layout, &[]).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut xml = String::new();
    zip.by_name("word/document.xml")
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    assert_eq!(xml.matches("<w:tr>").count() + xml.matches("<w:tr ").count(), 5);
    assert_eq!(xml.matches("<w:tblHeader").count(), 2, "two header rows repeat");
    assert!(
        xml.contains("<w:tblStyle w:val=\"TableGrid\""),
        "the table names its style"
    );
    let mut styles = String::new();
    zip.by_name("word/styles.xml")
        .unwrap()
        .read_to_string(&mut styles)
        .unwrap();
    assert!(styles.contains("w:styleId=\"TableGrid\"") && styles.contains("<w:name w:val=\"Table Grid\""));
    assert_eq!(
        xml.matches("<w:gridSpan w:val=\"2\"").count(),
        2,
        "行政复议 and 行政诉讼 span two columns"
    );
    assert_eq!(
        xml.matches("<w:vMerge w:val=\"restart\"").count(),
        1,
        "年份 spans two rows"
    );
    assert_eq!(
        xml.matches("<w:vMerge w:val=\"continue\"").count() + xml.matches("<w:vMerge />").count(),
        1
    );
    // Every row fills the five grid columns: cells plus their extra spans.
    for row in xml.replace("<w:trPr", "<W:TRPR").split("<w:tr").skip(1) {
        let row = &row[..row.find("</w:tr>").unwrap()];
        let cells = row.matches("<w:tc>").count();
        let extra: usize = row.matches("<w:gridSpan w:val=\"2\"").count();
        assert_eq!(cells + extra, 5, "{row}");
    }
    for label in ["年份", "行政复议", "结果纠正", "第2行", "11"] {
        assert!(xml.contains(&format!(">{label}</w:t>")), "{label} missing");
    }
}
