//! `report import`: published reports (plain text, Word) back into report YAML. The seed's
//! text imports to the seed; every example and valid fixture, rendered to DOCX and imported
//! again, prints the same text and table cells; bad input is refused with a message naming
//! the file and nothing is written; text that is not placed is listed under `# 未能识别`.

mod common;

use common::*;
use std::path::{Path, PathBuf};

/// The printed blocks of a report (`report data`), with each table's column widths as
/// fractions of the whole (a Word file keeps only their ratio).
fn printed(yaml: &Path) -> Vec<serde_json::Value> {
    let out = report().arg("data").arg(yaml).output().expect("run report data");
    assert!(
        out.status.success(),
        "report data {}: {}",
        yaml.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    let data: serde_json::Value = serde_json::from_slice(&out.stdout).expect("data is JSON");
    let mut blocks = data["blocks"].as_array().expect("blocks").clone();
    for b in &mut blocks {
        if let Some(columns) = b.get_mut("columns").and_then(|c| c.as_array_mut()) {
            let sum: f64 = columns.iter().filter_map(|c| c.as_f64()).sum();
            for c in columns.iter_mut() {
                let f = c.as_f64().unwrap_or(0.0) / sum;
                *c = serde_json::json!((f * 100.0).round() / 100.0);
            }
        }
    }
    blocks
}

fn import(file: &Path, out: &Path) -> std::process::Output {
    report()
        .arg("import")
        .arg(file)
        .arg("-o")
        .arg(out)
        .output()
        .expect("run report import")
}

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn the_seeds_text_imports_to_yaml_that_prints_the_seed_word_for_word() {
    let dir = tempfile::tempdir().unwrap();
    let yaml = dir.path().join("seed.yaml");
    let out = import(&root().join("tests/fixtures/chongqing-2014.txt"), &yaml);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = std::fs::read_to_string(&yaml).unwrap();
    assert!(text.contains("issuer: 重庆市人民政府办公厅"), "{text}");
    assert!(text.contains("year: 2014"), "{text}");
    assert!(
        !text.contains("一、") && !text.contains("（一）"),
        "numbers are generated:\n{text}"
    );
    assert!(!text.contains("未能识别"), "{text}");
    let said = stderr(&out);
    assert!(
        said.contains("free_form, 2 title lines, 4 parts, 14 sections, 0 items"),
        "{said}"
    );
    assert!(said.contains("all the text was placed"), "{said}");
    assert!(String::from_utf8_lossy(&out.stdout).contains("wrote"), "{said}");
    assert_eq!(printed(&yaml), printed(&seed_yaml()));
}

#[test]
fn every_example_rendered_to_docx_and_imported_prints_the_same_text_and_cells() {
    let dir = tempfile::tempdir().unwrap();
    let mut failed = Vec::new();
    for yaml in examples_and_fixtures() {
        let name = yaml.file_stem().unwrap().to_string_lossy().into_owned();
        report()
            .args(["render", "--format", "docx", "-q", "-o"])
            .arg(dir.path())
            .arg(&yaml)
            .assert()
            .success();
        let docx = dir.path().join(format!("{name}.docx"));
        let back = dir.path().join(format!("{name}.imported.yaml"));
        let out = import(&docx, &back);
        assert!(
            matches!(out.status.code(), Some(0 | 1)),
            "{name}: {}",
            stderr(&out)
        );
        if printed(&yaml) != printed(&back) {
            failed.push(name);
        }
    }
    assert!(failed.is_empty(), "imported DOCX prints differently: {failed:?}");
}

#[test]
fn the_2021_tables_are_read_cell_by_cell_and_checked() {
    let dir = tempfile::tempdir().unwrap();
    // A published report whose prose disagrees with its table 3: 40 disclosed, 41 in the table.
    let original = std::fs::read_to_string(root().join("reports/yunxi-2021.yaml")).unwrap();
    let wrong = original.replace("其中予以公开41件", "其中予以公开40件");
    assert_ne!(wrong, original);
    let yaml = dir.path().join("wrong.yaml");
    std::fs::write(&yaml, wrong).unwrap();
    report()
        .args(["render", "--format", "docx", "-q", "--allow-errors", "-o"])
        .arg(dir.path())
        .arg(&yaml)
        .assert()
        .code(1);
    let back = dir.path().join("back.yaml");
    let out = import(&dir.path().join("wrong.docx"), &back);
    let said = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{said}");
    assert!(said.contains("standard_2021"), "{said}");
    assert!(said.contains("typed form: 2、3、4"), "{said}");
    assert!(
        said.contains("error[P-NUMBERS]")
            && said.contains("the text says 40, but the table's 予以公开 is 41"),
        "the check's finding is printed: {said}"
    );
    let text = std::fs::read_to_string(&back).unwrap();
    assert!(text.contains("received: [70, 5, 0, 1, 1, 0, 77]"), "{text}");
    assert!(text.contains("disclosed: [36, 3, 0, 1, 1, 0, 41]"), "{text}");
    assert!(
        text.contains("fees: '9347.82'") || text.contains("fees: \"9347.82\""),
        "{text}"
    );
}

#[test]
fn text_not_placed_is_listed_under_weinengshibie_with_where_it_came_from() {
    let (dir, txt) = scratch_with(
        "r.txt",
        "某县人民政府2016年政府信息公开工作年度报告\n一、概述\n全年主动公开信息100条。\n- 2 -\n三、依申请公开\n全年收到申请5件。\n",
    );
    let yaml = dir.path().join("r.yaml");
    let out = import(&txt, &yaml);
    let said = stderr(&out);
    assert_eq!(out.status.code(), Some(0), "{said}");
    let text = std::fs::read_to_string(&yaml).unwrap();
    let block = text
        .split("# 未能识别\n")
        .nth(1)
        .unwrap_or_else(|| panic!("no block:\n{text}"));
    assert!(block.contains("# line 4：- 2 -"), "{block}");
    assert!(
        block.contains("# line 5：typed number 三、 does not follow on"),
        "{block}"
    );
    assert!(said.contains("2 pieces of text were not placed"), "{said}");
    assert!(said.contains("line 4：- 2 -"), "{said}");
    assert!(text.contains("issuer: 某县人民政府"), "{text}");
    // The YAML, comments and all, loads and checks.
    report().arg("check").arg(&yaml).assert().success();
}

#[test]
fn items_sections_and_a_signature_in_plain_text() {
    let (dir, txt) = scratch_with(
        "r.txt",
        "\u{3000}\u{3000}示例局2016年政府信息公开工作年度报告\n\u{3000}\u{3000}根据《条例》编制本报告。\n一、主动公开情况\n（一）网站公开。全年发布信息50条。\n1.政策文件10条；\n2.工作动态40条。\n（二）其他渠道\n二、存在的问题\n一是公开不够及时。\n示例局\n2017年1月20日\n",
    );
    let yaml = dir.path().join("r.yaml");
    let out = import(&txt, &yaml);
    let said = stderr(&out);
    assert_eq!(out.status.code(), Some(0), "{said}");
    assert!(said.contains("2 parts, 2 sections, 2 items"), "{said}");
    assert!(said.contains("signature and date recognised"), "{said}");
    let text = std::fs::read_to_string(&yaml).unwrap();
    for want in [
        "preamble:\n- 根据《条例》编制本报告。",
        "- heading: 网站公开。\n    text: 全年发布信息50条。\n    body:\n    - items:\n      - 政策文件10条；\n      - 工作动态40条。",
        "- heading: 其他渠道\n",
        "date: \"2017-01-20\"",
        "signature: {}",
        "issuer: 示例局",
    ] {
        assert!(text.contains(want), "{want:?} not in:\n{text}");
    }
}

#[test]
fn a_file_that_is_not_a_report_is_refused_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let cases: [(&str, &[u8], &str); 4] = [
        (
            "fake.docx",
            b"plain text, not a zip",
            "is not a Word .docx file (not a zip package)",
        ),
        ("empty.txt", b"", "holds no text"),
        ("blank.docx", b"  \n", "holds no text"),
        ("report.pdf", b"%PDF-1.7", "reads .txt and .docx files"),
    ];
    for (name, bytes, says) in cases {
        let input = dir.path().join(name);
        std::fs::write(&input, bytes).unwrap();
        let yaml = dir.path().join(format!("{name}.yaml"));
        let out = import(&input, &yaml);
        let said = stderr(&out);
        assert_eq!(out.status.code(), Some(2), "{name}: {said}");
        assert!(said.contains(name) && said.contains(says), "{name}: {said}");
        assert!(!yaml.exists(), "{name}: nothing is written");
    }
    let no_year = dir.path().join("no-year.txt");
    std::fs::write(&no_year, "某局政府信息公开工作报告\n一、概述\n正文。\n").unwrap();
    let out = import(&no_year, &dir.path().join("n.yaml"));
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("no year (such as 2023年)"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn an_existing_output_is_kept_unless_force_is_given() {
    let dir = tempfile::tempdir().unwrap();
    let yaml: PathBuf = dir.path().join("seed.yaml");
    std::fs::write(&yaml, "mine").unwrap();
    let seed = root().join("tests/fixtures/chongqing-2014.txt");
    let out = import(&seed, &yaml);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("exists; choose another name with -o, or --force"),
        "{}",
        stderr(&out)
    );
    assert_eq!(std::fs::read_to_string(&yaml).unwrap(), "mine");
    report()
        .arg("import")
        .arg(&seed)
        .arg("-o")
        .arg(&yaml)
        .arg("--force")
        .assert()
        .success();
    assert!(std::fs::read_to_string(&yaml).unwrap().contains("重庆市"));
}

#[test]
fn under_a_chinese_locale_import_speaks_chinese() {
    let dir = tempfile::tempdir().unwrap();
    let yaml = dir.path().join("seed.yaml");
    let out = assert_cmd::Command::cargo_bin("report")
        .unwrap()
        .env_remove("REPORT_LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "zh_CN.UTF-8")
        .arg("import")
        .arg(root().join("tests/fixtures/chongqing-2014.txt"))
        .arg("-o")
        .arg(&yaml)
        .output()
        .unwrap();
    let said = stderr(&out);
    assert_eq!(out.status.code(), Some(0), "{said}");
    assert!(said.contains("标题2行，部分4个，小节14个"), "{said}");
    assert!(said.contains("全部文字均已识别"), "{said}");
    assert!(String::from_utf8_lossy(&out.stdout).contains("已生成"));
    let text = std::fs::read_to_string(&yaml).unwrap();
    assert!(
        text.starts_with("# 由 report import 从 chongqing-2014.txt 导入"),
        "{text}"
    );
    let help = assert_cmd::Command::cargo_bin("report")
        .unwrap()
        .env("REPORT_LANG", "zh")
        .args(["import", "--help"])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&help.stdout).contains("将已发布的报告"));
}
