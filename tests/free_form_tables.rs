//! Tables written in a free-form report (reports/qinghe-2013.yaml): a table with merged
//! cells and the statistics table with 「其中」 sub-rows, through the CLI: both print every
//! cell in order in the PDF and the DOCX, the merged cells merge in both, sub-rows are
//! indented under their parent, and P-SUBITEMS finds a part that exceeds its whole at its
//! line.

mod common;

use common::*;
use std::io::Read;
use std::path::{Path, PathBuf};

fn example() -> PathBuf {
    root().join("reports/qinghe-2013.yaml")
}

/// Renders the example into `dir`: its PDF and DOCX.
fn render(dir: &Path) -> (PathBuf, PathBuf) {
    report()
        .arg("render")
        .arg(example())
        .arg("-o")
        .arg(dir)
        .assert()
        .success();
    (dir.join("qinghe-2013.pdf"), dir.join("qinghe-2013.docx"))
}

fn document_xml(docx: &Path) -> String {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(docx).unwrap()).unwrap();
    let mut xml = String::new();
    zip.by_name("word/document.xml")
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    xml
}

/// The text of the runs in a piece of WordprocessingML.
fn runs_text(xml: &str) -> String {
    let t = regex::Regex::new(r"<w:t(?: [^>]*)?>([^<]*)</w:t>").unwrap();
    t.captures_iter(xml)
        .map(|c| c[1].replace('\u{200B}', ""))
        .collect()
}

/// The tables of a DOCX's document.xml, each as its rows of cells; a cell is (its text,
/// its `w:tc` XML).
fn docx_tables(xml: &str) -> Vec<Vec<Vec<(String, String)>>> {
    let row = regex::Regex::new(r"(?s)<w:tr[ >].*?</w:tr>").unwrap();
    let cell = regex::Regex::new(r"(?s)<w:tc>.*?</w:tc>").unwrap();
    let table = regex::Regex::new(r"(?s)<w:tbl>.*?</w:tbl>").unwrap();
    table
        .find_iter(xml)
        .map(|t| {
            row.find_iter(t.as_str())
                .map(|r| {
                    cell.find_iter(r.as_str())
                        .map(|c| (runs_text(c.as_str()), c.as_str().to_owned()))
                        .collect()
                })
                .collect()
        })
        .collect()
}

const MERGED: [&str; 30] = [
    "类别",
    "答复结果",
    "申请方式（件）",
    "合计（件）",
    "当面",
    "网络",
    "信函",
    "答复情况",
    "同意公开",
    "12",
    "38",
    "3",
    "53",
    "同意部分公开",
    "2",
    "6",
    "1",
    "9",
    "不予公开",
    "1",
    "4",
    "0",
    "5",
    "其他答复",
    "5",
    "12",
    "2",
    "19",
    "合计",
    "20",
];

#[test]
fn the_example_checks_clean() {
    let out = report()
        .args(["check", "--deny-warnings", "--format", "json"])
        .arg(example())
        .output()
        .unwrap();
    assert!(
        out.status.success() && out.stdout.is_empty(),
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn the_docx_prints_every_cell_in_order_and_merges_the_merged_ones() {
    let dir = tempfile::tempdir().unwrap();
    let (_, docx) = render(dir.path());
    let xml = document_xml(&docx);
    let tables = docx_tables(&xml);
    assert_eq!(tables.len(), 2, "the table of part 三 and the statistics table");

    // The table with merged cells: every listed cell in order; covered cells are empty.
    let merged = &tables[0];
    let texts: Vec<&str> = merged
        .iter()
        .flatten()
        .map(|(t, _)| t.as_str())
        .filter(|t| !t.is_empty())
        .collect();
    assert_eq!(&texts[..MERGED.len()], MERGED);
    assert_eq!(&texts[MERGED.len()..], ["60", "6", "86"]);
    // 7 rows of 6 grid columns: a `w:tc` for every position a cell does not span.
    assert_eq!(merged.len(), 7);
    let cell = |r: usize, c: usize| &merged[r][c].1;
    assert!(
        cell(0, 2).contains("<w:gridSpan w:val=\"3\""),
        "申请方式 spans three columns"
    );
    assert!(
        cell(0, 0).contains("<w:vMerge w:val=\"restart\""),
        "类别 spans two rows"
    );
    assert!(cell(1, 0).contains("<w:vMerge w:val=\"continue\"") || cell(1, 0).contains("<w:vMerge/>"));
    assert!(
        cell(2, 0).contains("<w:vMerge w:val=\"restart\""),
        "答复情况 spans four rows"
    );
    for (r, row) in merged.iter().enumerate().take(6).skip(3) {
        assert!(row[0].0.is_empty() && row[0].1.contains("<w:vMerge"), "row {r}");
    }
    assert!(
        cell(6, 0).contains("<w:gridSpan w:val=\"2\""),
        "合计 spans two columns"
    );
    assert_eq!(
        xml.matches("<w:tblHeader").count(),
        3,
        "two header rows here, one in the statistics table"
    );

    // The statistics table: the header, and 其中 sub-rows under their parent.
    let stats = &tables[1];
    let row = |r: usize| stats[r].iter().map(|(t, _)| t.as_str()).collect::<Vec<_>>();
    assert_eq!(row(0), ["指标名称", "计量单位", "本年", "累计"]);
    assert_eq!(row(1), ["一、主动公开情况"]);
    assert_eq!(row(2), ["（一）主动公开政府信息数", "条", "3215", "18460"]);
    assert_eq!(row(3), ["其中：政策文件", "条", "146", "980"]);
    assert_eq!(row(4), ["其中：规范性文件", "条", "52", "356"]);
    assert_eq!(row(5), ["规划计划", "条", "23", "160"]);
    // 「其中：」 hangs three characters (12 pt each) before the names, which line up.
    assert!(stats[3][0].1.contains("w:left=\"720\"") && stats[3][0].1.contains("w:hanging=\"720\""));
    assert!(stats[4][0].1.contains("w:left=\"1440\"") && stats[4][0].1.contains("w:hanging=\"720\""));
    assert!(stats[5][0].1.contains("w:left=\"720\"") && !stats[5][0].1.contains("w:hanging"));
    let values: Vec<&str> = stats.iter().flatten().map(|(t, _)| t.as_str()).collect();
    for (i, value) in ["0", "0.12", "8.50", "—", "260", "1180"].iter().enumerate() {
        assert!(values.contains(value), "{i}: {value} missing");
    }

    // Each caption is a centred paragraph right before its table.
    for caption in [
        "表1　2013年依申请公开答复情况",
        "2013年青禾区政府信息公开情况统计表",
    ] {
        let at = xml.find(caption).unwrap();
        let next_table = xml[at..].find("<w:tbl>").unwrap();
        assert!(
            !xml[at..at + next_table].contains("<w:t"),
            "nothing between {caption} and its table"
        );
        let para_start = xml[..at].rfind("<w:p>").max(xml[..at].rfind("<w:p ")).unwrap();
        let paragraph = &xml[para_start..at];
        assert!(
            paragraph.contains("<w:jc w:val=\"center\""),
            "{caption} is centred"
        );
        assert!(
            paragraph.contains("<w:keepNext"),
            "{caption} stays with its table"
        );
    }
}

#[test]
fn rendering_the_example_twice_gives_the_same_bytes() {
    let a = tempfile::tempdir().unwrap();
    let b = tempfile::tempdir().unwrap();
    let (pdf_a, docx_a) = render(a.path());
    let (pdf_b, docx_b) = render(b.path());
    assert!(read(&pdf_a) == read(&pdf_b), "PDF differs");
    assert!(read(&docx_a) == read(&docx_b), "DOCX differs");
}

/// pdftotext's words with their boxes: (text, x_min, y_min, x_max, y_max).
/// A word of the PDF and its box: text, x min, y min, x max, y max.
type Word = (String, f64, f64, f64, f64);

fn pdf_words(pdf: &Path) -> Option<Vec<Word>> {
    let out = std::process::Command::new("pdftotext")
        .arg("-bbox")
        .arg(pdf)
        .arg("-")
        .output()
        .ok()?;
    let html = String::from_utf8_lossy(&out.stdout).into_owned();
    let attr = |w: &str, name: &str| -> f64 {
        w.split(&format!("{name}=\""))
            .nth(1)
            .and_then(|v| v.split('"').next())
            .and_then(|v| v.parse().ok())
            .unwrap_or(f64::NAN)
    };
    // Each page's words 1000 pt below the page before's, so y orders the whole document
    // (Typst draws a spanning cell after the others, so the drawing order does not).
    Some(
        html.split("<page ")
            .skip(1)
            .enumerate()
            .flat_map(|(page, html)| {
                let below = 1000.0 * page as f64;
                html.split("<word ").skip(1).map(move |w| {
                    let text = w
                        .split_once('>')
                        .map_or("", |(_, t)| t.split("</word>").next().unwrap_or(""));
                    (
                        text.to_owned(),
                        attr(w, "xMin"),
                        attr(w, "yMin") + below,
                        attr(w, "xMax"),
                        attr(w, "yMax") + below,
                    )
                })
            })
            .collect(),
    )
}

#[test]
fn the_pdf_prints_every_cell_in_order_and_merges_the_merged_ones() {
    let dir = tempfile::tempdir().unwrap();
    let (pdf, _) = render(dir.path());
    let Some(words) = pdf_words(&pdf).filter(|w| !w.is_empty()) else {
        assert!(std::env::var_os("CI").is_none(), "CI must have pdftotext");
        eprintln!("pdftotext is not installed; skipped");
        return;
    };
    // The words in rows, top to bottom, each row left to right (pdftotext gives them in
    // the order they are drawn, column by column in a table).
    let mut rows: Vec<(f64, Vec<(f64, &str)>)> = Vec::new();
    for w in &words {
        let y = (w.2 + w.4) / 2.0;
        match rows.iter_mut().find(|(ry, _)| (ry - y).abs() < 2.5) {
            Some((_, row)) => row.push((w.1, w.0.as_str())),
            None => rows.push((y, vec![(w.1, w.0.as_str())])),
        }
    }
    rows.sort_by(|a, b| a.0.total_cmp(&b.0));
    let lines: Vec<String> = rows
        .into_iter()
        .map(|(_, mut row)| {
            row.sort_by(|a, b| a.0.total_cmp(&b.0));
            row.iter().map(|w| w.1).collect::<Vec<_>>().join(" ")
        })
        .collect();
    let at = |line: &str| {
        lines
            .iter()
            .position(|l| l == line)
            .unwrap_or_else(|| panic!("no line {line:?} in {lines:#?}"))
    };
    // Each row's cells left to right, the rows in order, the caption above.
    let order = [
        "表1 2013年依申请公开答复情况",
        "申请方式（件）",
        "类别 答复结果 合计（件）",
        "当面 网络 信函",
        "同意公开 12 38 3 53",
        "同意部分公开 2 6 1 9",
        "答复情况",
        "不予公开 1 4 0 5",
        "其他答复 5 12 2 19",
        "合计 20 60 6 86",
        "2013年青禾区政府信息公开情况统计表",
        "指标名称 计量单位 本年 累计",
        "一、主动公开情况",
        "（一）主动公开政府信息数 条 3215 18460",
        "其中：政策文件 条 146 980",
        "其中：规范性文件 条 52 356",
        "规划计划 条 23 160",
        "（三）接受培训人员数 人次 260 1180",
    ];
    let found: Vec<usize> = order.iter().map(|l| at(l)).collect();
    assert!(found.windows(2).all(|w| w[0] < w[1]), "{found:?}");

    let find = |text: &str| {
        words
            .iter()
            .find(|w| w.0 == text)
            .unwrap_or_else(|| panic!("{text} not in the PDF"))
    };
    let centre_x = |w: &(String, f64, f64, f64, f64)| (w.1 + w.3) / 2.0;
    let centre_y = |w: &(String, f64, f64, f64, f64)| (w.2 + w.4) / 2.0;
    // 申请方式（件） spans 当面 网络 信函: it is centred over 网络, the middle one, 55 pt
    // from the centre of 当面's column (pdftotext boxes the closing bracket full width,
    // which Typst sets half width at the end of the line: half a character of slack).
    assert!((centre_x(find("申请方式（件）")) - centre_x(find("网络"))).abs() < 6.5);
    // 答复情况 spans the four rows 同意公开 … 其他答复: it sits midway between them.
    let middle = (centre_y(find("同意公开")) + centre_y(find("其他答复"))) / 2.0;
    assert!((centre_y(find("答复情况")) - middle).abs() < 2.0);
    // 合计（件） spans the two header rows: midway between 申请方式 and 当面.
    let header_middle = (centre_y(find("申请方式（件）")) + centre_y(find("当面"))) / 2.0;
    assert!((centre_y(find("合计（件）")) - header_middle).abs() < 2.0);
    // 规划计划 stands under 政策文件, after 「其中：」; 规范性文件 one level further in.
    let of_which = find("其中：政策文件");
    let plan = find("规划计划");
    let size = of_which.4 - of_which.2;
    assert!(
        (plan.1 - (of_which.1 + 3.0 * size)).abs() < 1.5,
        "{of_which:?} {plan:?}"
    );
    let deeper = find("其中：规范性文件");
    assert!((deeper.1 - plan.1).abs() < 1.5, "{deeper:?} {plan:?}");
}

/// The example with `from` replaced by `to`, checked: (rule, line) of each finding.
fn check_mutated(from: &str, to: &str) -> (Vec<(String, String, u64)>, u64) {
    let yaml = std::fs::read_to_string(example()).unwrap();
    assert_eq!(yaml.matches(from).count(), 1, "{from}");
    let line = yaml[..yaml.find(from).unwrap()].matches('\n').count() as u64 + 1;
    let (out, _) = check_json(&yaml.replace(from, to));
    (json_findings(&out.stdout), line)
}

#[test]
fn a_sub_row_larger_than_its_parent_is_found_by_p_subitems_at_its_line() {
    let (findings, line) = check_mutated(
        "{name: 规范性文件, values: [52, 356]}",
        "{name: 规范性文件, values: [152, 356]}",
    );
    assert_eq!(findings, [("P-SUBITEMS".into(), "warning".into(), line)]);
    let (out, _) = check_json(
        &std::fs::read_to_string(example())
            .unwrap()
            .replace("values: [52, 356]", "values: [152, 356]"),
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("其中 「规范性文件」 is 152条 (本年), more than its parent 「政策文件」, 146条"),
        "{stdout}"
    );
}

#[test]
fn sub_rows_that_no_longer_add_up_are_found_at_the_parent() {
    let yaml = std::fs::read_to_string(example()).unwrap();
    let parent = yaml.find("values: [86, 402]").unwrap();
    let line = yaml[..parent].matches('\n').count() as u64 + 1;
    let (findings, _) = check_mutated(
        "{name: 3.信函申请数, values: [6, 32]}",
        "{name: 3.信函申请数, values: [9, 32]}",
    );
    assert_eq!(findings, [("P-SUBITEMS".into(), "warning".into(), line)]);
}

#[test]
fn prose_whose_part_exceeds_the_total_is_found_at_its_line() {
    // The example cites the table; a number typed by hand instead is still checked.
    let (findings, line) = check_mutated("其中政策文件{表2.政策文件.本年}条", "其中政策文件4146条");
    assert_eq!(findings, [("P-SUBITEMS".into(), "warning".into(), line)]);
}

#[test]
fn the_prose_cites_the_tables_and_prints_their_numbers() {
    let dir = tempfile::tempdir().unwrap();
    let (_, docx) = render(dir.path());
    let text = runs_text(&document_xml(&docx));
    for printed in [
        "全区主动公开政府信息3215条，其中政策文件146条，规划计划23条，人事信息85条，工作动态2961条。",
        "全年共受理政府信息公开申请86件，其中当面申请20件、网络申请60件、信函申请6件。",
    ] {
        assert!(text.contains(printed), "{printed} not in the DOCX");
    }
    assert!(!text.contains('{'), "a citation was printed as written");
    // A changed table changes the prose with it.
    let yaml = std::fs::read_to_string(example())
        .unwrap()
        .replace("- [同意公开, 12, 38, 3, 53]", "- [同意公开, 12, 39, 3, 54]")
        .replace(
            "- [{text: 合计, colspan: 2, align: center}, 20, 60, 6, 86]",
            "- [{text: 合计, colspan: 2, align: center}, 20, 61, 6, 87]",
        );
    let (scratch, path) = scratch_with("r.yaml", &yaml);
    report()
        .arg("render")
        .arg(&path)
        .arg("--format")
        .arg("docx")
        .arg("-o")
        .arg(scratch.path())
        .assert()
        .success();
    let text = runs_text(&document_xml(&scratch.path().join("r.docx")));
    assert!(
        text.contains("受理政府信息公开申请87件，其中当面申请20件、网络申请61件"),
        "{text}"
    );
}

#[test]
fn a_citation_of_a_row_the_tables_do_not_have_is_an_error_at_its_brace() {
    let (findings, line) = check_mutated("{表1.合计.网络}", "{表1.总计.网络}");
    assert_eq!(findings, [("S-CITE".into(), "error".into(), line)]);
}

#[test]
fn a_table_that_is_not_a_grid_is_refused_at_the_row() {
    let yaml = std::fs::read_to_string(example()).unwrap();
    let from = "- [同意部分公开, 2, 6, 1, 9]";
    let line = yaml[..yaml.find(from).unwrap()].matches('\n').count() + 1;
    let (_dir, path) = scratch_with("r.yaml", &yaml.replace(from, "- [同意部分公开, 2, 6, 1]"));
    let out = report().arg("check").arg(&path).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(&format!(
            "error[Y-TABLE]: {}:{line}:15: this row leaves column 6 of the table's 6 empty",
            path.display()
        )),
        "{stderr}"
    );
}

#[test]
#[ignore = "needs poppler-utils and ../shared/tools/gbt9704-check"]
fn the_official_layout_checker_passes_the_example() {
    let Some(checker) = gbt9704_checker() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let (pdf, _) = render(dir.path());
    assert_gbt9704_passes(&checker, &pdf);
}
