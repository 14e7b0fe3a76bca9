//! Numbered sub-sections with paragraphs, the numbering styles a list may choose (1. 1、
//! （1） ①) and the addressee line (主送机关), through the CLI: what the DOCX and the PDF
//! print, and what `report check` says of numbers typed by hand. The PDF's text is read by
//! pdftotext (ignored without poppler-utils, as the other interop tests are); where the PDF
//! places the addressee is also measured in process by `tests/output_parity.rs`.

mod common;

use common::*;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Command;

fn example() -> PathBuf {
    root().join("reports/shili-jiaotong-2015.yaml")
}

/// One paragraph of the DOCX: its style, its `w:ind` attributes as written, its text.
#[derive(Debug)]
struct Para {
    style: String,
    indent: String,
    text: String,
}

fn docx_paragraphs(docx: &Path) -> Vec<Para> {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(docx).expect("docx")).expect("zip");
    let mut xml = String::new();
    zip.by_name("word/document.xml")
        .expect("document.xml")
        .read_to_string(&mut xml)
        .expect("read");
    let value = |p: &str, tag: &str| -> String {
        p.find(tag)
            .and_then(|i| p[i..].split_once("/>"))
            .map(|(t, _)| t.to_owned())
            .unwrap_or_default()
    };
    xml.replace("<w:p ", "<w:p>")
        .split("<w:p>")
        .skip(1)
        .map(|p| {
            let p = p.split("</w:p>").next().unwrap_or_default();
            let text = p
                .split("<w:t")
                .skip(1)
                .filter_map(|t| Some(t.split_once('>')?.1.split("</w:t>").next()?.to_owned()))
                .collect();
            let style = value(p, "<w:pStyle ");
            let style = style.split('"').nth(1).unwrap_or_default().to_owned();
            Para {
                style,
                indent: value(p, "<w:ind "),
                text,
            }
        })
        .filter(|p| !p.text.is_empty())
        .collect()
}

/// Renders `yaml` (a path) into `dir`; the PDF's and the DOCX's paths.
fn render(yaml: &Path, dir: &Path) -> (PathBuf, PathBuf) {
    report()
        .arg("render")
        .arg(yaml)
        .arg("-o")
        .arg(dir)
        .assert()
        .success();
    let stem = yaml.file_stem().expect("a file name");
    let name = |ext| dir.join(Path::new(stem).with_extension(ext));
    (name("pdf"), name("docx"))
}

/// The index of the first paragraph starting with `start`.
fn find(paragraphs: &[Para], start: &str) -> usize {
    paragraphs
        .iter()
        .position(|p| p.text.starts_with(start))
        .unwrap_or_else(|| panic!("no paragraph starts with {start}: {paragraphs:#?}"))
}

#[test]
fn the_example_checks_clean() {
    report().arg("check").arg(example()).assert().success().stderr("");
}

#[test]
fn items_print_their_numbers_as_chosen_and_their_paragraphs_after_them_in_the_docx() {
    let dir = tempfile::tempdir().unwrap();
    let (_, docx) = render(&example(), dir.path());
    let p = docx_paragraphs(&docx);
    // 「1、」 as written, never turned into 「1.」.
    let first = find(&p, "1、门户网站");
    assert!(!p.iter().any(|x| x.text.starts_with("1.")), "{p:#?}");
    // A heading without text is a line of its own (Heading 3), then the item's paragraphs,
    // each an ordinary indented body paragraph, in the order written; then the next item.
    assert_eq!(p[first].text, "1、门户网站");
    assert_eq!(p[first].style, "Heading3");
    assert!(
        p[first + 1].text.starts_with("局门户网站全年发布"),
        "{:?}",
        p[first + 1]
    );
    assert!(
        p[first + 2].text.starts_with("全年更新网站栏目32个"),
        "{:?}",
        p[first + 2]
    );
    for body in &p[first + 1..first + 3] {
        assert_eq!(body.style, "Normal");
        assert!(body.indent.is_empty(), "the style's indent: {body:?}");
    }
    assert_eq!(p[first + 3].text, "2、政务新媒体");
    // A run-in item heading, then its sub-items one level down, （1）（2）（3）.
    let third = find(&p, "3、重点领域信息公开。围绕群众关注的热点");
    assert!(p[third + 1].text.starts_with("（1）道路运输行政许可事项"));
    assert!(p[third + 3].text.starts_with("（3）重点交通建设项目"));
    // A ① list in an item's body, after the item's paragraph.
    let rules = find(&p, "1、完善工作制度");
    assert!(p[rules + 1].text.starts_with("修订《示例市交通运输局"));
    assert_eq!(
        p[rules + 2..rules + 5]
            .iter()
            .map(|x| x.text.chars().next().unwrap())
            .collect::<String>(),
        "①②③"
    );
    assert_eq!(p[rules + 5].text, "2、加强业务培训");
}

#[test]
fn the_addressee_line_is_flush_left_after_the_title_and_ends_in_a_full_width_colon() {
    let dir = tempfile::tempdir().unwrap();
    let (_, docx) = render(&example(), dir.path());
    let p = docx_paragraphs(&docx);
    assert_eq!(p[0].style, "Title");
    assert_eq!(p[1].text, "示例市人民政府办公厅：");
    // No first-line indent (the Normal style has one of 632 twips), no left indent.
    assert!(!p[1].indent.contains("Chars"), "{:?}", p[1]);
    for attr in [r#"w:firstLine="0""#, r#"w:left="0""#] {
        assert!(p[1].indent.contains(attr), "{attr}: {:?}", p[1]);
    }
    assert!(p[2].text.starts_with("根据《中华人民共和国政府信息公开条例》"));
}

#[test]
fn several_addressees_are_joined_with_a_dunhao_and_one_colon_ends_the_line() {
    let yaml = "issuer: 某区交通局\nyear: 2015\naddressee:\n  - 某区人民政府\n  - \"某区人民政府办公室:\"\nparts: [{heading: 总体情况, body: [正文。]}]\n";
    let (dir, path) = scratch_with("r.yaml", yaml);
    let (_, docx) = render(&path, dir.path());
    let p = docx_paragraphs(&docx);
    assert_eq!(p[1].text, "某区人民政府、某区人民政府办公室：");
    // The half-width colon is printed full width, and P-PUNCT points at it in the YAML.
    let (out, _) = check_json(yaml);
    assert_eq!(
        json_findings(&out.stdout),
        [("P-PUNCT".to_owned(), "warning".to_owned(), 5)]
    );
}

#[test]
fn a_hand_typed_number_at_the_start_of_a_paragraph_is_found_at_its_line() {
    let yaml = "issuer: 某区交通局\nyear: 2015\nparts:\n  - heading: 主动公开情况\n    body:\n      - 2015年，我局主动公开信息1268条。\n      - 1.门户网站建设。全年发布信息1052条。\n      - 1.5万条信息已归档。\n      - numbering: \"1、\"\n        items:\n          - （2）政务微博发布信息216条。\n";
    let (out, _) = check_json(yaml);
    assert_eq!(out.status.code(), Some(0), "warnings only");
    assert_eq!(
        json_findings(&out.stdout),
        [
            ("S-NUMBERING".to_owned(), "warning".to_owned(), 7),
            ("S-NUMBERING".to_owned(), "warning".to_owned(), 11),
        ]
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("`- items:`"),
        "the help says how to write it: {text}"
    );
}

#[test]
fn a_circled_list_past_twenty_is_an_error_at_its_numbering() {
    let items: String = (1..=21).map(|i| format!("          - 第{i}项。\n")).collect();
    let yaml = format!(
        "issuer: 某区交通局\nyear: 2015\nparts:\n  - heading: 甲\n    body:\n      - numbering: \"①\"\n        items:\n{items}"
    );
    let (out, _) = check_json(&yaml);
    assert_eq!(out.status.code(), Some(1));
    // GB2312, and so 仿宋_GB2312 and its stand-in, stops at ⑩: ⑪ on (line 18) is printed by
    // the fallback face, which is said where it starts.
    assert_eq!(
        json_findings(&out.stdout),
        [
            ("S-NUMBERING".to_owned(), "error".to_owned(), 6),
            ("F-FALLBACK".to_owned(), "warning".to_owned(), 18)
        ]
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("（1）"));
    // Ten items stay in the body face and check clean.
    let ten: String = (1..=10).map(|i| format!("          - 第{i}项。\n")).collect();
    let (out, _) = check_json(&yaml.replace(&items, &ten));
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(json_findings(&out.stdout), []);
}

#[test]
fn a_list_numbered_above_its_parent_is_refused() {
    let yaml = "issuer: 某区交通局\nyear: 2015\nparts:\n  - heading: 甲\n    body:\n      - numbering: \"（1）\"\n        items:\n          - heading: 乙\n            body:\n              - numbering: \"1.\"\n                items: [丙]\n";
    let (out, _) = check_json(yaml);
    assert_eq!(
        json_findings(&out.stdout),
        [("S-DEPTH".to_owned(), "error".to_owned(), 10)]
    );
    // Left out, the numbering below （1） is ①.
    let fixed = yaml.replace(
        "              - numbering: \"1.\"\n                items",
        "              - items",
    );
    let (dir, path) = scratch_with("r.yaml", &fixed);
    let (_, docx) = render(&path, dir.path());
    let p = docx_paragraphs(&docx);
    let texts: Vec<&str> = p.iter().map(|x| x.text.as_str()).collect();
    assert_eq!(texts[texts.len() - 2..], ["（1）乙", "①丙"]);
}

fn pdftotext(args: &[&str], pdf: &Path) -> String {
    let out = Command::new("pdftotext")
        .args(args)
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext (install poppler-utils)");
    assert!(out.status.success());
    String::from_utf8(out.stdout).expect("UTF-8")
}

#[test]
#[ignore = "needs poppler-utils (pdftotext)"]
fn the_pdf_prints_the_items_as_the_docx_does() {
    let dir = tempfile::tempdir().unwrap();
    let (pdf, docx) = render(&example(), dir.path());
    let text = squeeze(&pdftotext(&[], &pdf));
    let words: String = docx_paragraphs(&docx).iter().map(|p| p.text.as_str()).collect();
    // Every paragraph in the same order, 「1、」 and 「①」 as written.
    let body: String = text
        .split('—')
        .enumerate()
        .filter(|(i, _)| i % 2 == 0) // the page numbers — N — out
        .map(|(_, s)| s)
        .collect();
    assert_eq!(body, squeeze(&words));
    assert!(body.contains("1、门户网站局门户网站全年发布") && body.contains("①建立信息发布前"));
}

#[test]
#[ignore = "needs poppler-utils (pdftotext)"]
fn the_pdf_prints_the_addressee_at_the_left_margin() {
    let dir = tempfile::tempdir().unwrap();
    let (pdf, _) = render(&example(), dir.path());
    let html = pdftotext(&["-bbox", "-f", "1", "-l", "1"], &pdf);
    // <word xMin="79.370079" yMin=… >示例市人民政府办公厅：</word>
    let word = html
        .lines()
        .find(|l| l.contains(">示例市人民政府办公厅：<"))
        .unwrap_or_else(|| panic!("the addressee line: {html}"));
    let x: f64 = word
        .split("xMin=\"")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .and_then(|s| s.parse().ok())
        .expect("xMin");
    let margin = 28.0 / 25.4 * 72.0;
    assert!(
        (x - margin).abs() < 0.5,
        "the addressee starts at {x:.2} pt, the margin is {margin:.2}"
    );
    // The first body paragraph below it keeps its two-character indent.
    let next = html
        .lines()
        .find(|l| l.contains(">根据《中华人民共和国"))
        .expect("the first paragraph");
    let x2: f64 = next
        .split("xMin=\"")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .and_then(|s| s.parse().ok())
        .expect("xMin");
    assert!((x2 - margin - 2.0 * 15.79).abs() < 0.5, "{x2}");
}

#[test]
#[ignore = "needs poppler-utils and ../shared/tools/gbt9704-check"]
fn the_official_layout_checker_passes_the_example() {
    let Some(checker) = gbt9704_checker() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let (pdf, _) = render(&example(), dir.path());
    assert_gbt9704_passes(&checker, &pdf);
}
