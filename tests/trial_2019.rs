//! The 2019 trial format (`format: trial_2019`): the two example years check clean and
//! print every label of the 2019 table 2 exactly, in PDF and DOCX; its own rules find a
//! changed cell at its line; X-CARRY runs from 2019 to 2020 and from the 2020 trial report
//! to the 2021 national one; a bad 本年增/减 or 采购总金额 stops at its line and column;
//! `init --format trial_2019` writes a report that reads back.

mod common;

use common::*;
use std::io::Read;
use std::path::{Path, PathBuf};

fn example(year: u16) -> PathBuf {
    root().join(format!("reports/yunxi-{year}.yaml"))
}

fn example_text(year: u16) -> String {
    std::fs::read_to_string(example(year)).unwrap()
}

/// Every label of the 2019 table 2, as the form of 国办公开办函〔2019〕60号 prints it.
const TABLE_2_LABELS: &[&str] = &[
    "第二十条第（一）项",
    "信息内容",
    "本年新制作数量",
    "本年新公开数量",
    "对外公开总数量",
    "规章",
    "规范性文件",
    "第二十条第（五）项",
    "上一年项目数量",
    "本年增/减",
    "处理决定数量",
    "行政许可",
    "其他对外管理服务事项",
    "第二十条第（六）项",
    "行政处罚",
    "行政强制",
    "第二十条第（八）项",
    "行政事业性收费",
    "第二十条第（九）项",
    "采购项目数量",
    "采购总金额",
    "政府集中采购",
];

/// The labels of tables 3 and 4 that show the 2019 form: （六）其他处理 is one row, and the
/// rest is the 2021 wording.
const TABLE_3_AND_4_LABELS: &[&str] = &[
    "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
    "一、本年新收政府信息公开申请数量",
    "二、上年结转政府信息公开申请数量",
    "三、本年度办理结果",
    "（一）予以公开",
    "（三）不予公开",
    "8.属于行政查询事项",
    "（四）无法提供",
    "（五）不予处理",
    "5.要求行政机关确认或重新出具已获取信息",
    "（六）其他处理",
    "（七）总计",
    "四、结转下年度继续办理",
    "未经复议直接起诉",
    "复议后起诉",
    "尚未审结",
];

/// The 2021 leaves of （六）, which the 2019 form does not have.
const LEAVES_OF_2021_ONLY: &[&str] = &[
    "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
    "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
    "本年制发件数",
    "本年收费金额（单位：万元）",
];

/// Values of the 2019 example printed exactly as written: signs, decimals and unit.
const WRITTEN_2019: &[&str] = &["+8", "-3", "+5", "-2", "12968.3527万元"];

const PARTS: [&str; 6] = [
    "一、总体情况",
    "二、主动公开政府信息情况",
    "三、收到和处理政府信息公开申请情况",
    "四、政府信息公开行政复议、行政诉讼情况",
    "五、存在的主要问题及改进情况",
    "六、其他需要报告的事项",
];

/// (rule, line) of each finding printed as JSON.
fn rule_lines(stdout: &[u8]) -> Vec<(String, u64)> {
    json_findings(stdout)
        .into_iter()
        .map(|(rule, _, line)| (rule, line))
        .collect()
}

fn findings(yaml: &str) -> Vec<(String, u64)> {
    rule_lines(&check_json(yaml).0.stdout)
}

fn line_of(yaml: &str, needle: &str) -> u64 {
    yaml.lines()
        .position(|l| l.contains(needle))
        .unwrap_or_else(|| panic!("{needle} not in the report")) as u64
        + 1
}

/// `from` replaced by `to` once, which must change the text.
fn edit(yaml: &str, from: &str, to: &str) -> String {
    let changed = yaml.replacen(from, to, 1);
    assert_ne!(changed, yaml, "{from} not in the report");
    changed
}

#[test]
fn the_examples_check_clean_each_with_the_year_before() {
    // Checked together, each finds the year before beside it: 2020 runs X-CARRY and X-ITEMS
    // against 2019, and the 2021 national report X-CARRY against the 2020 trial one.
    report()
        .arg("check")
        .arg(example(2019))
        .arg(example(2020))
        .arg(example(2021))
        .assert()
        .success()
        .stderr("");
    for year in [2019, 2020] {
        assert!(example_text(year).contains("format: trial_2019"), "{year}");
    }
}

fn render(year: u16, format: &str, dir: &Path) -> PathBuf {
    report()
        .args(["render", "--format", format, "-o"])
        .arg(dir)
        .arg(example(year))
        .assert()
        .success();
    dir.join(format!("yunxi-{year}.{format}"))
}

#[test]
#[ignore = "needs poppler-utils (pdftotext)"]
fn the_pdf_prints_every_label_of_the_2019_tables() {
    let dir = tempfile::tempdir().unwrap();
    for year in [2019, 2020] {
        let pdf = render(year, "pdf", dir.path());
        let out = std::process::Command::new("pdftotext")
            .arg(&pdf)
            .arg("-")
            .output()
            .unwrap();
        let text = squeeze(&String::from_utf8(out.stdout).unwrap());
        for label in TABLE_2_LABELS
            .iter()
            .chain(TABLE_3_AND_4_LABELS)
            .chain(PARTS.iter())
        {
            assert!(
                interleaved(&text, &squeeze(label)),
                "{year}: {label} missing from the PDF"
            );
        }
        for label in LEAVES_OF_2021_ONLY {
            assert!(!text.contains(&squeeze(label)), "{year}: {label} printed");
        }
        if year == 2019 {
            for value in WRITTEN_2019 {
                assert!(text.contains(value), "{value} not printed as written");
            }
        }
    }
}

/// The text of every table cell of a DOCX, table by table.
fn docx_cells(docx: &Path) -> Vec<Vec<String>> {
    let file = std::fs::File::open(docx).unwrap();
    let mut zip = zip::ZipArchive::new(file).unwrap();
    let mut xml = String::new();
    zip.by_name("word/document.xml")
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    let text_of = |cell: &str| {
        cell.split("<w:t")
            .skip(1)
            .filter_map(|t| t.split_once('>').map(|(_, rest)| rest))
            .filter_map(|t| t.split_once("</w:t>").map(|(text, _)| text))
            .collect::<String>()
    };
    xml.split("<w:tbl>")
        .skip(1)
        .map(|table| {
            let table = table.split("</w:tbl>").next().unwrap_or_default();
            table
                .split("<w:tc>")
                .skip(1)
                .map(|cell| text_of(cell.split("</w:tc>").next().unwrap_or_default()))
                .collect()
        })
        .collect()
}

#[test]
fn the_docx_prints_every_label_of_the_2019_tables_in_its_cells() {
    let dir = tempfile::tempdir().unwrap();
    for year in [2019, 2020] {
        let tables = docx_cells(&render(year, "docx", dir.path()));
        assert_eq!(tables.len(), 3, "{year}: tables 2, 3 and 4");
        for label in TABLE_2_LABELS {
            assert!(
                tables[0].iter().any(|c| c == label),
                "{year}: no cell of table 2 reads {label}: {:?}",
                tables[0]
            );
        }
        for label in TABLE_3_AND_4_LABELS {
            assert!(
                tables[1..].iter().flatten().any(|c| c == label),
                "{year}: no cell of tables 3 and 4 reads {label}"
            );
        }
        for label in LEAVES_OF_2021_ONLY {
            assert!(!tables.iter().flatten().any(|c| c == label), "{year}: {label}");
        }
    }
    let tables = docx_cells(&dir.path().join("yunxi-2019.docx"));
    for value in WRITTEN_2019 {
        assert!(tables[0].iter().any(|c| c == value), "{value}: {:?}", tables[0]);
    }
    // （六）其他处理 is one row: its label, then its seven numbers.
    let t3 = &tables[1];
    let at = t3.iter().position(|c| c == "（六）其他处理").unwrap();
    assert_eq!(t3[at + 1..at + 8], ["1", "0", "0", "0", "0", "0", "1"]);
}

#[test]
fn published_documents_beyond_those_public_are_caught_at_the_cell() {
    let yaml = example_text(2019);
    let changed = edit(
        &yaml,
        "{made: 7, published: 7, public_total: 41}",
        "{made: 7, published: 42, public_total: 41}",
    );
    assert_eq!(
        findings(&changed),
        [("T2-PUBLISHED".to_owned(), line_of(&changed, "published: 42"))]
    );
}

#[test]
fn more_items_removed_than_there_were_is_caught_at_the_change() {
    let yaml = example_text(2019);
    let changed = edit(
        &yaml,
        "{last_year: 19, change: -2}",
        "{last_year: 19, change: -20}",
    );
    assert_eq!(
        findings(&changed),
        [("T2-ITEMS".to_owned(), line_of(&changed, "change: -20"))]
    );
}

#[test]
fn an_amount_without_projects_and_projects_without_an_amount_are_caught() {
    let yaml = example_text(2019);
    let no_projects = edit(&yaml, "{projects: 46,", "{projects: 0,");
    assert_eq!(
        json_findings(&check_json(&no_projects).0.stdout),
        [(
            "T2-PROCUREMENT".to_owned(),
            "error".to_owned(),
            line_of(&no_projects, "procurement:")
        )]
    );
    let no_amount = edit(&yaml, "amount: 12968.3527万元", "amount: 0.00万元");
    assert_eq!(
        json_findings(&check_json(&no_amount).0.stdout),
        [(
            "T2-PROCUREMENT".to_owned(),
            "warning".to_owned(),
            line_of(&no_amount, "procurement:")
        )]
    );
}

#[test]
fn the_shared_rules_of_tables_3_and_4_run_on_the_2019_tables() {
    let yaml = example_text(2019);
    let changed = edit(
        &yaml,
        "other_handling:  [1, 0, 0, 0, 0, 0, 1]",
        "other_handling:  [2, 0, 0, 0, 0, 0, 1]",
    );
    let found = findings(&changed);
    for rule in ["T3-ROWSUM", "T3-RESULTS"] {
        let line = if rule == "T3-ROWSUM" {
            line_of(&changed, "other_handling:")
        } else {
            line_of(&changed, "    total:")
        };
        assert!(found.contains(&(rule.to_owned(), line)), "{rule}: {found:?}");
    }
    let t4 = edit(&yaml, "pending: 0, total: 2}", "pending: 0, total: 3}");
    assert_eq!(
        findings(&t4),
        [("T4-GROUP".to_owned(), line_of(&t4, "reconsideration:"))]
    );
    let prose = edit(&yaml, "被申请行政复议2件", "被申请行政复议4件");
    assert_eq!(
        findings(&prose),
        [("P-NUMBERS".to_owned(), line_of(&prose, "行政复议4件"))]
    );
}

#[test]
fn the_results_the_prose_counts_by_name_are_held_to_table_3_in_both_formats() {
    // 2019: （六）其他处理 is one row; 2021: the sum of its three leaves, like （三）-（五）.
    let cases = [
        (example_text(2019), "其他处理1件", "其他处理2件"),
        (example_text(2019), "予以公开30件", "予以公开31件"),
        (example_text(2019), "不予公开6件", "不予公开5件"),
        (
            std::fs::read_to_string(root().join("reports/yunxi-2021.yaml")).unwrap(),
            "其他处理2件",
            "其他处理3件",
        ),
        (
            std::fs::read_to_string(root().join("reports/yunxi-2021.yaml")).unwrap(),
            "无法提供15件",
            "无法提供16件",
        ),
    ];
    for (yaml, from, to) in cases {
        assert_eq!(findings(&yaml), [], "{from}: the example is clean");
        let changed = edit(&yaml, from, to);
        assert_eq!(
            findings(&changed),
            [("P-NUMBERS".to_owned(), line_of(&changed, to))],
            "{to}"
        );
    }
}

/// The report of `year` and the one before in a scratch folder (so each finds the other),
/// `year` changed by `change`; the findings for `year` and its text.
fn two_years(year: u16, change: impl Fn(&str) -> String) -> (Vec<(String, u64)>, String) {
    let dir = tempfile::tempdir().unwrap();
    let last = year - 1;
    std::fs::copy(example(last), dir.path().join(format!("yunxi-{last}.yaml"))).unwrap();
    let this = change(&example_text(year));
    let path = dir.path().join(format!("yunxi-{year}.yaml"));
    std::fs::write(&path, &this).unwrap();
    let out = report()
        .args(["check", "--format", "json"])
        .arg(&path)
        .output()
        .unwrap();
    (rule_lines(&out.stdout), this)
}

#[test]
fn the_carry_over_is_checked_from_2019_to_2020_and_from_the_trial_format_to_2021() {
    for year in [2020, 2021] {
        assert_eq!(two_years(year, str::to_owned).0, [], "{year}");
    }
    let (found, text) = two_years(2020, |s| {
        edit(
            s,
            "carried_over:    [1, 0, 0, 0, 0, 0, 1]",
            "carried_over:    [2, 0, 0, 0, 0, 0, 2]",
        )
    });
    assert!(
        found.contains(&("X-CARRY".to_owned(), line_of(&text, "carried_over:"))),
        "{found:?}"
    );
    let (found, text) = two_years(2021, |s| {
        edit(
            s,
            "carried_over:    [3, 0, 0, 0, 0, 0, 3]",
            "carried_over:    [2, 0, 0, 0, 0, 0, 2]",
        )
    });
    assert!(
        found.contains(&("X-CARRY".to_owned(), line_of(&text, "carried_over:"))),
        "{found:?}"
    );
    // The 2021 table 2 counts other things than the 2019 one: X-INFORCE never runs across.
    let (found, _) = two_years(2021, |s| edit(s, "in_force: 40}", "in_force: 400}"));
    assert!(!found.iter().any(|(rule, _)| rule == "X-INFORCE"), "{found:?}");
}

#[test]
fn items_that_do_not_follow_from_last_year_warn() {
    let (found, text) = two_years(2020, |s| {
        edit(
            s,
            "licensing:      {last_year: 224,",
            "licensing:      {last_year: 230,",
        )
    });
    assert_eq!(found, [("X-ITEMS".to_owned(), line_of(&text, "last_year: 230"))]);
}

/// `report check` on `yaml`: the exit status and what it printed on stderr.
fn check_stderr(yaml: &str) -> (Option<i32>, String) {
    let (_dir, path) = scratch_with("r.yaml", yaml);
    let out = report().arg("check").arg(&path).output().unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn an_unsigned_change_or_an_amount_that_is_not_one_stops_at_its_line_and_column() {
    let yaml = example_text(2019);
    for (from, to, says) in [
        (
            "change: +8,",
            "change: 8,",
            "table 2, 「行政许可」, 「本年增/减」: 本年增/减 is signed: write +8 for an increase or -8 for a decrease",
        ),
        (
            "change: -3,",
            "change: 减3,",
            "table 2, 「其他对外管理服务事项」, 「本年增/减」: `减3` is not a change",
        ),
        (
            "amount: 12968.3527万元",
            "amount: 12968.3527",
            "table 2, 「政府集中采购」, 「采购总金额」: `12968.3527` has no unit",
        ),
        (
            "amount: 12968.3527万元",
            "amount: 一万二千万元",
            "table 2, 「政府集中采购」, 「采购总金额」: `一万二千` is not an amount",
        ),
    ] {
        let changed = edit(&yaml, from, to);
        let line = line_of(&changed, to);
        let column =
            changed.lines().nth(line as usize - 1).unwrap().find(to).unwrap() + to.find(' ').unwrap() + 2;
        let (code, stderr) = check_stderr(&changed);
        assert_eq!(code, Some(2), "{to}: {stderr}");
        assert!(
            stderr.starts_with("error[Y-TYPE]: ") && stderr.contains(&format!("r.yaml:{line}:{column}: ")),
            "{to}: {stderr}"
        );
        assert!(stderr.contains(says), "{to}: {stderr}");
        assert!(stderr.contains("= help: "), "{to}: {stderr}");
    }
}

#[test]
fn init_writes_a_trial_report_with_placeholders_that_reads_back() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("2020.yaml");
    report()
        .args([
            "init",
            "--format",
            "trial_2019",
            "--issuer",
            "某区\"人民\"政府",
            "--year",
            "2020",
            "-o",
        ])
        .arg(&path)
        .assert()
        .success();
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("format: trial_2019"));
    assert!(text.contains("统计期限为2020年1月1日至2020年12月31日"));
    assert_eq!(
        text.matches("待填写").count(),
        1 + 6,
        "the comment and the six parts"
    );
    assert_eq!(
        text.matches("[0, 0, 0, 0, 0, 0, 0]").count(),
        2 + 2 + 8 + 3 + 5 + 1 + 2,
        "every row of table 3 zero-filled, （六） one row"
    );
    // It reads back as a report: whatever the prose rules say of the placeholders, no
    // finding is the loader's.
    let out = report()
        .args(["check", "--format", "json"])
        .arg(&path)
        .output()
        .unwrap();
    assert_ne!(
        out.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let found = json_findings(&out.stdout);
    assert!(
        !found.iter().any(|(rule, _, _)| rule.starts_with("Y-")),
        "{found:?}"
    );
    // An unfilled skeleton cannot be published: one S-PLACEHOLDER error per part.
    assert_eq!(out.status.code(), Some(1));
    let placeholders: Vec<u64> = found
        .iter()
        .filter(|(rule, severity, _)| rule == "S-PLACEHOLDER" && severity == "error")
        .map(|(_, _, line)| *line)
        .collect();
    let part_lines: Vec<u64> = (1..)
        .zip(text.lines())
        .filter(|(_, l)| l.contains("（待填写："))
        .map(|(n, _)| n)
        .collect();
    assert_eq!(placeholders, part_lines, "{found:?}");
    assert_eq!(part_lines.len(), 6);
    assert!(
        !found
            .iter()
            .any(|(rule, _, _)| rule.starts_with("T") || rule == "S-PARTS"),
        "a zero-filled skeleton is consistent: {found:?}"
    );
}

#[test]
fn a_batch_rolls_up_the_trial_reports_too() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    std::fs::create_dir(&input).unwrap();
    for year in [2019, 2020] {
        std::fs::copy(example(year), input.join(format!("yunxi-{year}.yaml"))).unwrap();
    }
    let out = dir.path().join("out");
    report()
        .arg("batch")
        .arg(&input)
        .arg("-o")
        .arg(&out)
        .assert()
        .success();
    let csv = std::fs::read_to_string(out.join("rollup.csv")).unwrap();
    // 发布机关, 年度, 本年新收, 上年结转, 予以公开, 行政复议, 行政诉讼, 状态.
    for line in ["2019,58,1,30,2,1,\"通过\"", "2020,72,1,34,3,3,\"通过\""] {
        assert!(csv.contains(line), "{line} not in\n{csv}");
    }
}

#[test]
#[ignore = "needs poppler-utils and ../shared/tools/gbt9704-check"]
fn the_trial_examples_pass_the_official_layout_checker() {
    let Some(checker) = gbt9704_checker() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    for year in [2019, 2020, 2021] {
        assert_gbt9704_passes(&checker, &render(year, "pdf", dir.path()));
    }
}
