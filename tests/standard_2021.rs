//! The 2021 national format: the example report checks clean and prints every table label
//! of docs/domain.md exactly, in PDF and DOCX; a changed leaf of table 3 or a wrong total is
//! caught at its line; the six parts are checked.

mod common;

use common::*;
use std::io::Read;
use std::path::PathBuf;

fn example() -> PathBuf {
    root().join("reports/yunxi-2024.yaml")
}

/// Every label of tables 2, 3 and 4 (docs/domain.md), curly quotes included.
const LABELS: &[&str] = &[
    "第二十条第（一）项",
    "信息内容",
    "本年制发件数",
    "本年废止件数",
    "现行有效件数",
    "规章",
    "行政规范性文件",
    "第二十条第（五）项",
    "本年处理决定数量",
    "行政许可",
    "第二十条第（六）项",
    "行政处罚",
    "行政强制",
    "第二十条第（八）项",
    "本年收费金额（单位：万元）",
    "行政事业性收费",
    "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
    "申请人情况",
    "自然人",
    "法人或其他组织",
    "商业企业",
    "科研机构",
    "社会公益组织",
    "法律服务机构",
    "其他",
    "总计",
    "一、本年新收政府信息公开申请数量",
    "二、上年结转政府信息公开申请数量",
    "三、本年度办理结果",
    "（一）予以公开",
    "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
    "（三）不予公开",
    "1.属于国家秘密",
    "2.其他法律行政法规禁止公开",
    "3.危及“三安全一稳定”",
    "4.保护第三方合法权益",
    "5.属于三类内部事务信息",
    "6.属于四类过程性信息",
    "7.属于行政执法案卷",
    "8.属于行政查询事项",
    "（四）无法提供",
    "1.本机关不掌握相关政府信息",
    "2.没有现成信息需要另行制作",
    "3.补正后申请内容仍不明确",
    "（五）不予处理",
    "1.信访举报投诉类申请",
    "2.重复申请",
    "3.要求提供公开出版物",
    "4.无正当理由大量反复申请",
    "5.要求行政机关确认或重新出具已获取信息",
    "（六）其他处理",
    "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
    "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
    "3.其他",
    "（七）总计",
    "四、结转下年度继续办理",
    "行政复议",
    "行政诉讼",
    "未经复议直接起诉",
    "复议后起诉",
    "结果维持",
    "结果纠正",
    "其他结果",
    "尚未审结",
];

const PARTS: [&str; 6] = [
    "一、总体情况",
    "二、主动公开政府信息情况",
    "三、收到和处理政府信息公开申请情况",
    "四、政府信息公开行政复议、行政诉讼情况",
    "五、存在的主要问题及改进情况",
    "六、其他需要报告的事项",
];

fn findings(yaml: &str) -> Vec<(String, u64)> {
    rule_lines(&check_json(yaml).0.stdout)
}

/// (rule, line) of each finding printed as JSON.
fn rule_lines(stdout: &[u8]) -> Vec<(String, u64)> {
    json_findings(stdout)
        .into_iter()
        .map(|(rule, _, line)| (rule, line))
        .collect()
}

fn line_of(yaml: &str, needle: &str) -> u64 {
    yaml.lines().position(|l| l.contains(needle)).unwrap() as u64 + 1
}

#[test]
fn the_example_checks_clean() {
    report().arg("check").arg(example()).assert().success().stderr("");
}

/// The example rendered to PDF, as pdftotext reads it.
fn example_pdf_text() -> String {
    let dir = tempfile::tempdir().unwrap();
    report()
        .args(["render", "--format", "pdf"])
        .arg(example())
        .arg("-o")
        .arg(dir.path())
        .assert()
        .success();
    let out = std::process::Command::new("pdftotext")
        .arg(dir.path().join("yunxi-2024.pdf"))
        .arg("-")
        .output()
        .unwrap();
    String::from_utf8(out.stdout).unwrap()
}

#[test]
#[ignore = "needs poppler-utils (pdftotext)"]
fn the_pdf_prints_every_label_and_the_six_parts() {
    let text = squeeze(&example_pdf_text());
    for label in LABELS.iter().chain(PARTS.iter()) {
        assert!(
            interleaved(&text, &squeeze(label)),
            "{label} missing from the PDF"
        );
    }
    assert!(text.contains("9116.36"), "the fee prints exactly as written");
}

#[test]
fn the_docx_prints_every_label_and_the_six_parts() {
    let dir = tempfile::tempdir().unwrap();
    report()
        .args(["render", "--format", "docx", "-o"])
        .arg(dir.path())
        .arg(example())
        .assert()
        .success();
    let file = std::fs::File::open(dir.path().join("yunxi-2024.docx")).unwrap();
    let mut zip = zip::ZipArchive::new(file).unwrap();
    let mut xml = String::new();
    zip.by_name("word/document.xml")
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    for label in LABELS.iter().chain(PARTS.iter()) {
        assert!(
            xml.contains(&format!(">{label}</w:t>")),
            "{label} missing from the DOCX"
        );
    }
    assert_eq!(xml.matches("<w:tbl>").count(), 3, "tables 2, 3 and 4");
    // Table 3's corner spans three columns and three rows; 三、本年度办理结果 spans 22 rows.
    assert!(xml.contains("<w:gridSpan w:val=\"3\""));
    assert!(xml.contains(">9116.36</w:t>"));
}

#[test]
fn a_changed_leaf_of_table_3_is_caught_at_its_row_and_at_the_total() {
    let yaml = std::fs::read_to_string(example()).unwrap();
    let changed = yaml.replacen(
        "not_held:       [12, 1, 0, 0, 1, 0, 14]",
        "not_held:       [13, 1, 0, 0, 1, 0, 14]",
        1,
    );
    assert_ne!(changed, yaml);
    let found = findings(&changed);
    assert!(
        found.contains(&("T3-ROWSUM".into(), line_of(&changed, "not_held:"))),
        "{found:?}"
    );
    assert!(
        found.contains(&("T3-RESULTS".into(), line_of(&changed, "    total:"))),
        "{found:?}"
    );
    // The stated （七）总计 still balances 一 + 二 = 七 + 四, so T3-IDENTITY stays quiet;
    // change the total too and it speaks.
    let both = changed.replacen("[79, 5, 0, 1, 2, 0, 87]", "[80, 5, 0, 1, 2, 0, 88]", 1);
    let found = findings(&both);
    assert!(
        found.contains(&("T3-IDENTITY".into(), line_of(&both, "carried_forward:"))),
        "{found:?}"
    );
    assert!(!found.iter().any(|(rule, _)| rule == "T3-RESULTS"), "{found:?}");
}

#[test]
fn a_wrong_table_4_total_is_caught() {
    let yaml = std::fs::read_to_string(example()).unwrap();
    let changed = yaml.replacen("pending: 1, total: 2}", "pending: 1, total: 3}", 1);
    assert_eq!(
        findings(&changed),
        [("T4-GROUP".to_owned(), line_of(&changed, "reconsideration:"))]
    );
}

#[test]
fn totals_left_out_are_computed() {
    let yaml = std::fs::read_to_string(example()).unwrap();
    let without = yaml
        .replace("    total:           [79, 5, 0, 1, 2, 0, 87]\n", "")
        .replace(", total: 2}", "}");
    assert!(findings(&without).is_empty());
}

#[test]
fn prose_that_contradicts_a_table_is_caught_at_the_number() {
    let yaml = std::fs::read_to_string(example()).unwrap();
    for (from, to) in [
        ("收到政府信息公开申请86件", "收到政府信息公开申请85件"),
        ("现行有效行政规范性文件38件", "现行有效行政规范性文件39件"),
        ("行政复议2件", "行政复议3件"),
    ] {
        let changed = yaml.replacen(from, to, 1);
        assert_ne!(changed, yaml, "{from}");
        assert_eq!(
            findings(&changed),
            [("P-NUMBERS".to_owned(), line_of(&changed, to))],
            "{to}"
        );
    }
}

#[test]
fn parts_missing_or_misnamed_are_caught() {
    let yaml = std::fs::read_to_string(example()).unwrap();
    let near = yaml.replacen(
        "parts:\n  - sections:",
        "parts:\n  - heading: 总体情况概述\n    sections:",
        1,
    );
    assert_eq!(
        findings(&near),
        [("S-PARTS".to_owned(), line_of(&near, "总体情况概述"))]
    );
    let five = yaml.replacen("  - body:\n      - 本年度未收取信息处理费。\n", "", 1);
    assert_ne!(five, yaml);
    assert!(findings(&five).iter().any(|(rule, _)| rule == "S-PARTS"));
}

/// Both example years in a scratch folder, 2024 changed by `edit`; the findings for 2024.
fn two_years(edit: impl Fn(&str) -> String, with_flag: bool) -> (Vec<(String, u64)>, String) {
    let dir = tempfile::tempdir().unwrap();
    let last = root().join("reports/yunxi-2023.yaml");
    std::fs::copy(&last, dir.path().join("yunxi-2023.yaml")).unwrap();
    let this = edit(&std::fs::read_to_string(example()).unwrap());
    let path = dir.path().join("yunxi-2024.yaml");
    std::fs::write(&path, &this).unwrap();
    let mut cmd = report();
    cmd.args(["check", "--format", "json"]).arg(&path);
    if with_flag {
        cmd.arg("--previous").arg(dir.path().join("yunxi-2023.yaml"));
    }
    let out = cmd.output().unwrap();
    let found = rule_lines(&out.stdout);
    (found, this)
}

#[test]
fn the_two_example_years_agree() {
    report()
        .arg("check")
        .arg(root().join("reports/yunxi-2023.yaml"))
        .arg(example())
        .assert()
        .success()
        .stderr("");
    assert!(two_years(|s| s.to_owned(), true).0.is_empty());
}

#[test]
fn a_carry_over_that_is_not_last_years_carry_forward_is_caught_with_or_without_the_flag() {
    let edit = |s: &str| {
        s.replacen(
            "carried_over:    [4, 0, 0, 0, 0, 0, 4]",
            "carried_over:    [5, 0, 0, 0, 0, 0, 5]",
            1,
        )
    };
    for with_flag in [true, false] {
        let (found, text) = two_years(edit, with_flag);
        assert!(
            found.contains(&("X-CARRY".to_owned(), line_of(&text, "carried_over:"))),
            "{found:?}"
        );
    }
}

#[test]
fn in_force_counts_that_do_not_follow_and_copied_paragraphs_warn() {
    let (found, text) = two_years(|s| s.replacen("in_force: 38}", "in_force: 40}", 1), true);
    assert!(
        found.contains(&("X-INFORCE".to_owned(), line_of(&text, "in_force: 40"))),
        "{found:?}"
    );
    let copied = "本年度共收到政府信息公开申请71件，上年结转2件，结转下年度继续办理4件。";
    let (found, text) = two_years(
        |s| {
            s.replacen(
                "全年收到政府信息公开申请86件，上年结转4件，均在法定期限内办理，结转下年度继续办理3件。",
                copied,
                1,
            )
        },
        true,
    );
    assert!(
        found
            .iter()
            .any(|f| f == &("S-COPY".to_owned(), line_of(&text, copied))),
        "{found:?}"
    );
}

#[test]
fn init_writes_a_zero_filled_report_whose_placeholders_stop_it_until_written() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("2024.yaml");
    report()
        .args([
            "init",
            "--format",
            "standard_2021",
            "--issuer",
            "某区\"人民\"政府",
            "--year",
            "2024",
            "-o",
        ])
        .arg(&path)
        .assert()
        .success();
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("统计期限为2024年1月1日至2024年12月31日"));
    assert_eq!(
        text.matches("[0, 0, 0, 0, 0, 0, 0]").count(),
        2 + 2 + 8 + 3 + 5 + 3 + 2,
        "every row zero-filled"
    );
    // Unfilled, it cannot pass: each part's placeholder is an error at its line.
    let out = report()
        .args(["check", "--format", "json"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let found = json_findings(&out.stdout);
    let lines: Vec<u64> = text
        .lines()
        .enumerate()
        .filter(|(_, l)| l.contains("待填写"))
        .map(|(i, _)| i as u64 + 1)
        .collect();
    assert_eq!(lines.len(), 6, "one placeholder a part");
    let placeholders: Vec<u64> = found
        .iter()
        .filter(|f| f.0 == "S-PLACEHOLDER")
        .map(|f| f.2)
        .collect();
    assert_eq!(placeholders, lines);
    let out_dir = dir.path().join("out");
    report()
        .arg("render")
        .arg(&path)
        .arg("-o")
        .arg(&out_dir)
        .assert()
        .code(1);
    assert!(
        !out_dir.join("2024.pdf").exists(),
        "a report with errors is not rendered"
    );
    // Written, it checks clean and renders.
    std::fs::write(&path, text.replace("待填写：", "")).unwrap();
    report().arg("check").arg(&path).assert().success().stderr("");
    report()
        .arg("render")
        .arg(&path)
        .arg("-o")
        .arg(&out_dir)
        .assert()
        .success();
    // An existing file is left alone unless --force.
    std::fs::write(&path, "mine").unwrap();
    report()
        .args(["init", "--issuer", "某局", "--year", "2024", "-o"])
        .arg(&path)
        .assert()
        .code(2);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "mine");
}

#[test]
fn allow_errors_renders_a_report_with_errors_and_still_exits_1() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(root().join("reports/yunxi-2024.yaml")).unwrap();
    // As published with a total that does not add up.
    let bad = text.replacen("[78, 5, 0, 1, 2, 0, 86]", "[78, 5, 0, 1, 2, 0, 87]", 1);
    assert_ne!(bad, text);
    let path = dir.path().join("yunxi-2024.yaml");
    std::fs::write(&path, &bad).unwrap();
    let out_dir = dir.path().join("out");
    let refused = report()
        .arg("render")
        .arg(&path)
        .arg("-o")
        .arg(&out_dir)
        .output()
        .unwrap();
    assert_eq!(refused.status.code(), Some(1));
    assert!(!out_dir.join("yunxi-2024.pdf").exists());
    let allowed = report()
        .args(["render", "--allow-errors"])
        .arg(&path)
        .arg("-o")
        .arg(&out_dir)
        .output()
        .unwrap();
    assert_eq!(
        allowed.status.code(),
        Some(1),
        "errors still make the exit status 1"
    );
    let stderr = String::from_utf8_lossy(&allowed.stderr);
    assert!(
        stderr.contains("error[T3-ROWSUM]"),
        "the findings are still printed: {stderr}"
    );
    let stdout = String::from_utf8_lossy(&allowed.stdout);
    assert!(stdout.contains("rendered with errors"), "{stdout}");
    // Printed as written: the 87 that does not add up.
    let pdf = out_dir.join("yunxi-2024.pdf");
    assert!(std::fs::metadata(&pdf).unwrap().len() > 0);
    assert!(out_dir.join("yunxi-2024.docx").exists());

    // A batch records it in summary.json and in the manifest.
    let batch_dir = dir.path().join("batch");
    let out = report()
        .args(["batch", "--allow-errors", "--format", "docx", "-o"])
        .arg(&batch_dir)
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let summary: serde_json::Value =
        serde_json::from_slice(&std::fs::read(batch_dir.join("summary.json")).unwrap()).unwrap();
    assert_eq!(summary[0]["rendered"], true);
    assert_eq!(summary[0]["rendered_with_errors"], true);
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(batch_dir.join("manifest.json")).unwrap()).unwrap();
    let docx = manifest["outputs"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["path"] == "yunxi-2024.docx")
        .unwrap();
    assert_eq!(docx["rendered_with_errors"], true);
    report()
        .arg("verify")
        .arg(batch_dir.join("manifest.json"))
        .assert()
        .success();
}

#[test]
#[ignore = "needs poppler-utils and ../shared/tools/gbt9704-check"]
fn the_examples_pass_the_official_layout_checker() {
    let Some(checker) = gbt9704_checker() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    for year in [2023, 2024] {
        let yaml = root().join(format!("reports/yunxi-{year}.yaml"));
        report()
            .args(["render", "--format", "pdf", "-o"])
            .arg(dir.path())
            .arg(&yaml)
            .assert()
            .success();
        assert_gbt9704_passes(&checker, &dir.path().join(format!("yunxi-{year}.pdf")));
    }
}

#[test]
#[ignore = "needs poppler-utils (pdftotext)"]
fn cited_table_values_print_as_the_table_has_them() {
    // The example's part 三 cites table 3 (`{表3.不予公开}` …) rather than typing numbers, so
    // its prose says the table's 10 and 2 where the report once typed 9 and 3.
    let text = squeeze(&example_pdf_text());
    assert!(
        text.contains("其中予以公开45件，部分公开8件，不予公开10件，无法提供17件，不予处理5件，其他处理2件，结转下年度继续办理3件"),
        "{text}"
    );
    assert!(!text.contains("{表3"), "no citation is printed as written");
}
