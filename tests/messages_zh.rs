//! The loader's messages in Chinese: a file that cannot be read as a report is told what is
//! wrong and what to do in Chinese, at the same file, line and column as in English, whether
//! Chinese is asked for (`--lang zh`, `REPORT_LANG=zh`) or is the locale's language.

mod common;

use common::*;
use std::path::PathBuf;

fn invalid_dir() -> PathBuf {
    root().join("tests/fixtures/invalid")
}

/// `report check FIXTURE` with `args` (and the environment `report()` sets, English unless
/// told otherwise); its standard error.
fn check(fixture: &str, args: &[&str]) -> String {
    let out = report()
        .current_dir(invalid_dir())
        .arg("check")
        .arg(fixture)
        .args(args)
        .output()
        .expect("run report check");
    assert_eq!(out.status.code(), Some(2), "{fixture}: {out:?}");
    String::from_utf8(out.stdout.iter().chain(&out.stderr).copied().collect()).expect("UTF-8 output")
}

/// The head line `错误[RULE]: place: message` and the help line of the first finding.
fn first_finding(text: &str) -> (String, Option<String>) {
    let mut lines = text.lines();
    let head = lines.next().unwrap_or_default().to_owned();
    let help = lines
        .find(|l| l.trim_start().starts_with("= "))
        .map(|l| l.trim_start().trim_start_matches("= ").to_owned());
    (head, help)
}

/// `error[RULE]: file:line:col` of a head line, whatever its language.
fn rule_and_place(head: &str) -> (String, String) {
    let (severity_rule, rest) = head.split_once("]: ").expect("a located finding");
    let rule = severity_rule.rsplit_once('[').expect("a rule").1.to_owned();
    let place = rest.split(": ").next().unwrap_or_default().to_owned();
    (rule, place)
}

fn has_chinese(s: &str) -> bool {
    s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

#[test]
fn each_loader_message_reads_in_chinese_with_its_help() {
    let cases: &[(&str, &str, Option<&str>)] = &[
        (
            "misspelt-key.yaml",
            "错误[Y-UNKNOWN-KEY]: misspelt-key.yaml:2:1: 没有“yaer”这一项，此处可写：format、issuer、issuer_kind、year、title、addressee、date、preamble、parts、tables、signature",
            Some("修改建议：是否要写“year”？"),
        ),
        (
            "missing-issuer.yaml",
            "错误[Y-MISSING]: missing-issuer.yaml:2:1: 缺少“issuer”项",
            Some("修改建议：补写“issuer:”一项"),
        ),
        (
            "duplicate-key.yaml",
            "错误[Y-DUPLICATE-KEY]: duplicate-key.yaml:3:1: “year”写了两次",
            Some("修改建议：同一层级中每项只能写一次，请合并两处或删去一处"),
        ),
        (
            "impossible-date.yaml",
            "错误[Y-TYPE]: impossible-date.yaml:3:7: 2024年2月30日不存在",
            None,
        ),
        (
            "slashed-date.yaml",
            "错误[Y-TYPE]: slashed-date.yaml:3:7: 日期“2024/01/15”应写为 YYYY-MM-DD，如 2015-01-20",
            None,
        ),
        (
            "year-hexadecimal.yaml",
            "错误[Y-TYPE]: year-hexadecimal.yaml:3:7: year 应为数字，如 2014（现写作“0x7E7”）",
            None,
        ),
        (
            "table-cell-hexadecimal.yaml",
            "错误[Y-TYPE]: table-cell-hexadecimal.yaml:44:23: 表3“一、本年新收政府信息公开申请数量”行“自然人”列：件数“0x4E”应写为阿拉伯数字，如 12",
            Some("修改建议：单元格应为 0 至 999999999 的整数，用阿拉伯数字书写"),
        ),
        (
            "table-cell-negative.yaml",
            "错误[Y-TYPE]: table-cell-negative.yaml:74:62: 表4“行政复议”的“结果纠正”：件数不能为负数",
            Some("修改建议：单元格应为 0 至 999999999 的整数，用阿拉伯数字书写"),
        ),
        (
            "paragraph-is-a-number.yaml",
            "错误[Y-TYPE]: paragraph-is-a-number.yaml:6:9: 此处应为段落（文字）、编号列表（items:）或表格（table: 或 statistics:），不应是整数 12345",
            None,
        ),
        (
            "statistics-wrong-number-of-values.yaml",
            "错误[Y-TABLE]: statistics-wrong-number-of-values.yaml:13:40: 这一行有 1 个数值，表格有 2 个数值列",
            Some("修改建议：每列一个数值（共 2 个），没有数值的列写 —"),
        ),
        (
            "table-spans-overlap.yaml",
            "错误[Y-TABLE]: table-spans-overlap.yaml:9:16: 这个单元格跨第 2 至第 4 列，超出表格的 3 列",
            Some(
                "修改建议：每行应与第一行占同样的列：删去一个单元格或减少跨列（上方跨行的单元格也占下方各行的列）",
            ),
        ),
        (
            "syntax-unclosed-quote.yaml",
            "错误[Y-SYNTAX]: syntax-unclosed-quote.yaml:1:9: 引号没有闭合",
            None,
        ),
        (
            "tab-indentation.yaml",
            "错误[Y-SYNTAX]: tab-indentation.yaml:4:2: 缩进中有制表符（Tab）",
            Some("修改建议：用空格缩进，不要用制表符"),
        ),
        (
            "empty-file.yaml",
            "错误[Y-SYNTAX]: empty-file.yaml:1:1: 文件没有内容",
            Some("修改建议：报告至少应写 issuer:、year: 和 parts: 三项"),
        ),
        (
            "multiple-documents.yaml",
            "错误[Y-SYNTAX]: multiple-documents.yaml:5:1: 文件中有不止一个 YAML 文档（“---”一行另起一个文档）",
            Some("修改建议：每个文件只写一份报告"),
        ),
        (
            "paragraph-too-long.yaml",
            "错误[Y-LIMIT]: paragraph-too-long.yaml:7:9: 这段文字有 20007 字，一段最多 20000 字",
            Some("修改建议：请分成几段（实际报告中最长的段落约 2000 字）"),
        ),
        (
            "alias-bomb.yaml",
            "错误[Y-LIMIT]: alias-bomb.yaml:10:80: 文件超过 50000 个 YAML 节点（按锚点和别名展开后计）",
            Some("修改建议：报告远没有这么大：请直接写出内容，不要反复引用锚点（*x）"),
        ),
    ];
    for &(fixture, head, help) in cases {
        let zh = check(fixture, &["--lang", "zh"]);
        let (zh_head, zh_help) = first_finding(&zh);
        assert_eq!(zh_head, head, "{fixture}:\n{zh}");
        assert_eq!(zh_help.as_deref(), help, "{fixture}:\n{zh}");
    }
}

#[test]
fn every_loader_finding_of_the_fixtures_is_chinese_at_the_place_english_gives() {
    let mut fixtures: Vec<String> = std::fs::read_dir(invalid_dir())
        .expect("fixtures")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".yaml"))
        .collect();
    fixtures.sort();
    let mut loader = 0;
    for fixture in &fixtures {
        let out = report()
            .current_dir(invalid_dir())
            .args(["check", fixture])
            .output()
            .expect("run report check");
        if out.status.code() != Some(2) {
            continue; // read as a report: its findings are the checker's
        }
        let en = String::from_utf8_lossy(&out.stderr).into_owned();
        let zh = check(fixture, &["--lang", "zh"]);
        let ((en_head, en_help), (zh_head, zh_help)) = (first_finding(&en), first_finding(&zh));
        assert_eq!(
            rule_and_place(&en_head),
            rule_and_place(&zh_head),
            "{fixture}:\n{en}\n{zh}"
        );
        assert!(zh_head.starts_with("错误["), "{fixture}: {zh_head}");
        let message = zh_head.splitn(4, ": ").last().unwrap_or_default();
        assert!(has_chinese(message), "{fixture}: not in Chinese: {zh_head}");
        assert_eq!(en_help.is_some(), zh_help.is_some(), "{fixture}:\n{en}\n{zh}");
        if let Some(help) = zh_help {
            assert!(has_chinese(&help), "{fixture}: help not in Chinese: {help}");
        }
        loader += 1;
    }
    assert!(loader >= 25, "only {loader} fixtures stop the loader");
}

#[test]
fn the_chinese_locale_gives_chinese_messages_without_being_asked() {
    let out = report()
        .current_dir(invalid_dir())
        .env_remove("REPORT_LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "zh_CN.UTF-8")
        .args(["check", "table-cell-negative.yaml"])
        .output()
        .expect("run report check");
    assert_eq!(out.status.code(), Some(2));
    let (head, help) = first_finding(&String::from_utf8_lossy(&out.stderr));
    assert_eq!(
        head,
        "错误[Y-TYPE]: table-cell-negative.yaml:74:62: 表4“行政复议”的“结果纠正”：件数不能为负数"
    );
    assert_eq!(
        help.as_deref(),
        Some("修改建议：单元格应为 0 至 999999999 的整数，用阿拉伯数字书写")
    );
}

#[test]
fn the_json_findings_carry_the_chinese_message_and_the_same_place() {
    let run = |lang: &str| {
        let out = report()
            .current_dir(invalid_dir())
            .env("REPORT_LANG", lang)
            .args(["check", "--format", "json", "crlf-unknown-key.yaml"])
            .output()
            .expect("run report check");
        let line = String::from_utf8(out.stdout).expect("UTF-8");
        let v: serde_json::Value =
            serde_json::from_str(line.lines().next().expect("a finding")).expect("JSON");
        v
    };
    let (en, zh) = (run("en"), run("zh"));
    for field in ["rule", "file", "line", "column", "severity"] {
        assert_eq!(en[field], zh[field], "{field}");
    }
    assert_eq!(
        zh["message"].as_str(),
        Some("没有“bdoy”这一项，此处可写：heading、body、sections")
    );
    assert_eq!(zh["help"].as_str(), Some("是否要写“body”？"));
    assert_eq!(
        en["message"].as_str(),
        Some("unknown field `bdoy`, expected one of heading, body, sections")
    );
}

/// `report check --lang zh` of `yaml` saved as `r.yaml`: the first finding's head and help.
fn check_text_zh(yaml: &str) -> (String, Option<String>) {
    let (dir, _path) = scratch_with("r.yaml", yaml);
    let out = report()
        .current_dir(dir.path())
        .args(["check", "--lang", "zh", "r.yaml"])
        .output()
        .expect("run report check");
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    first_finding(&String::from_utf8_lossy(&out.stderr))
}

#[test]
fn the_2019_tables_cells_and_a_key_unlike_any_are_told_in_chinese() {
    let yunxi = std::fs::read_to_string(root().join("reports/yunxi-2020.yaml")).expect("yunxi-2020");
    let line = |needle: &str, yaml: &str| yaml.lines().position(|l| l.contains(needle)).expect("line") + 1;

    let unsigned = yunxi.replacen("change: +3", "change: 3", 1);
    let (head, help) = check_text_zh(&unsigned);
    let at = line("change: 3", &unsigned);
    assert!(head.starts_with(&format!("错误[Y-TYPE]: r.yaml:{at}:")), "{head}");
    assert!(
        head.ends_with(": 表2“行政许可”的“本年增/减”：本年增/减应带符号：增加写 +3，减少写 -3"),
        "{head}"
    );
    assert_eq!(
        help.as_deref(),
        Some("修改建议：本年增/减应写为 +N、-N 或 0（阿拉伯数字），按原样印出")
    );

    let no_unit = yunxi.replacen("amount: 10452.18万元", "amount: 10452.18", 1);
    let (head, help) = check_text_zh(&no_unit);
    assert!(
        head.ends_with(": 表2“政府集中采购”的“采购总金额”：金额“10452.18”缺少单位：应在数字后写 元 或 万元，如 1296.5万元"),
        "{head}"
    );
    assert_eq!(
        help.as_deref(),
        Some("修改建议：采购总金额应写为阿拉伯数字（最多一个小数点）加单位 万元 或 元，如 1296.5万元")
    );

    let unknown = format!("{yunxi}zzzzzz: 1\n");
    let (head, help) = check_text_zh(&unknown);
    assert!(head.starts_with("错误[Y-UNKNOWN-KEY]: r.yaml:"), "{head}");
    assert!(head.ends_with(": 没有“zzzzzz”这一项，此处可写：format、issuer、issuer_kind、year、title、addressee、date、preamble、parts、tables、signature"), "{head}");
    assert_eq!(
        help.as_deref(),
        Some("修改建议：删去这一项，或改为此处可写的项之一")
    );
}
