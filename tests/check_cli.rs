//! `report check` and the checks `report render` runs first: the seed is clean, each
//! mutation a reviewer would catch gives its rule at its line, and every hostile input of
//! tests/fixtures/invalid gives a clear message (snapshotted), never a panic, and never
//! touches an existing output.

mod common;

use common::*;
use predicates::prelude::*;
use std::path::PathBuf;

/// The findings of `report check --format json` for a YAML text: (rule, severity, line).
fn findings(yaml: &str) -> (i32, Vec<(String, String, u64)>) {
    let (out, path) = check_json(yaml);
    let list = json_findings(&out.stdout);
    let stdout = String::from_utf8(out.stdout).unwrap();
    // Every finding names the file checked and has a column.
    for l in stdout.lines() {
        let v: serde_json::Value = serde_json::from_str(l).unwrap();
        assert_eq!(v["file"].as_str(), Some(path.to_str().unwrap()));
        assert!(v["column"].as_u64().is_some());
    }
    (out.status.code().unwrap(), list)
}

fn seed() -> String {
    std::fs::read_to_string(seed_yaml()).unwrap()
}

/// The 1-based line of the seed YAML holding `needle`.
fn line_of(yaml: &str, needle: &str) -> u64 {
    yaml.lines()
        .position(|l| l.contains(needle))
        .unwrap_or_else(|| panic!("{needle} not found")) as u64
        + 1
}

#[test]
fn the_seed_checks_clean() {
    report()
        .arg("check")
        .arg(seed_yaml())
        .assert()
        .success()
        .stderr("")
        .stdout("");
}

#[test]
fn each_mutation_of_the_seed_gives_its_rule_at_its_line() {
    let seed = seed();
    let cases: [(&str, &str, &str, &str); 5] = [
        ("    sections:", "    sectoins:", "Y-UNKNOWN-KEY", "error"),
        ("渝府发〔2014〕32号", "渝府发[2014]32号", "D-DOCNO", "error"),
        ("三是围绕市委", "二是围绕市委", "S-NUMBERING", "warning"),
        ("87.86%", "97.86%", "P-NUMBERS", "warning"),
        ("我市先后两次", "我市先后𰻝两次", "F-FALLBACK", "warning"),
    ];
    for (from, to, rule, severity) in cases {
        let mutated = seed.replacen(from, to, 1);
        let (code, found) = findings(&mutated);
        let line = line_of(&mutated, to);
        assert_eq!(found, [(rule.to_owned(), severity.to_owned(), line)], "{rule}");
        let expected_code = match (rule, severity) {
            ("Y-UNKNOWN-KEY", _) => 2,
            (_, "error") => 1,
            _ => 0,
        };
        assert_eq!(code, expected_code, "{rule}");
    }
}

#[test]
fn a_repeated_san_shi_is_caught_at_the_second() {
    let seed = seed();
    // 三是 … 三是: the second one is out of order.
    let mutated = seed.replacen(
        "三是积极发挥考核的作用",
        "三是积极发挥考核的作用。三是再写一遍",
        1,
    );
    let (_, found) = findings(&mutated);
    assert_eq!(
        found,
        [(
            "S-NUMBERING".to_owned(),
            "warning".to_owned(),
            line_of(&mutated, "三是再写一遍")
        )]
    );
}

#[test]
fn render_refuses_a_report_with_errors_and_prints_warnings_of_one_it_renders() {
    let dir = tempfile::tempdir().unwrap();
    let errors = dir.path().join("errors.yaml");
    std::fs::write(
        &errors,
        seed().replacen("渝府发〔2014〕32号", "渝府发[2014]32号", 1),
    )
    .unwrap();
    report()
        .arg("render")
        .arg(&errors)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("error[D-DOCNO]"))
        .stderr(predicate::str::contains("not rendered"));
    assert!(!dir.path().join("errors.pdf").exists());

    let warnings = dir.path().join("warnings.yaml");
    std::fs::write(&warnings, seed().replacen("87.86%", "97.86%", 1)).unwrap();
    report()
        .arg("render")
        .arg(&warnings)
        .assert()
        .success()
        .stderr(predicate::str::contains("warning[P-NUMBERS]"));
    assert!(dir.path().join("warnings.pdf").exists());

    std::fs::remove_file(dir.path().join("warnings.pdf")).unwrap();
    report()
        .args(["render", "--deny-warnings"])
        .arg(&warnings)
        .assert()
        .code(1);
    assert!(!dir.path().join("warnings.pdf").exists());
}

#[test]
fn a_bom_and_crlf_are_read_as_usual() {
    let valid = root().join("tests/fixtures/valid/bom-crlf.yaml");
    report().arg("check").arg(&valid).assert().success().stderr("");
}

#[test]
fn the_schema_describes_the_format() {
    let out = report().arg("schema").output().unwrap();
    assert!(out.status.success());
    let schema: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    for key in [
        "issuer",
        "year",
        "title",
        "date",
        "preamble",
        "parts",
        "signature",
    ] {
        assert!(schema["properties"][key].is_object(), "{key} missing");
    }
    let required: Vec<&str> = schema["required"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert_eq!(required, ["issuer", "year", "parts"]);
    assert_eq!(schema["additionalProperties"], false);
}

fn invalid_fixtures() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(root().join("tests/fixtures/invalid"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .collect();
    files.sort();
    files
}

#[test]
fn every_hostile_input_gets_a_clear_message_and_no_panic() {
    let fixtures = invalid_fixtures();
    assert!(fixtures.len() >= 30, "only {} fixtures", fixtures.len());
    let dir = root().join("tests/fixtures/invalid");
    for path in fixtures {
        let name = path.file_name().unwrap().to_str().unwrap().to_owned();
        let out = report()
            .current_dir(&dir)
            .args(["check", "--deny-warnings", &name])
            .output()
            .unwrap();
        let code = out.status.code().unwrap_or(-1);
        let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
        assert!(code == 1 || code == 2, "{name}: exit {code}\n{stderr}");
        assert!(!stderr.contains("panicked"), "{name}: {stderr}");
        assert!(
            stderr.contains(&format!("{name}:")),
            "{name}: the message does not name the file:\n{stderr}"
        );
        insta::assert_snapshot!(name.trim_end_matches(".yaml").to_owned(), stderr);
    }
}

#[test]
fn no_hostile_input_touches_an_existing_output() {
    let out_dir = tempfile::tempdir().unwrap();
    for path in invalid_fixtures() {
        let stem = path.file_stem().unwrap().to_str().unwrap();
        let pdf = out_dir.path().join(format!("{stem}.pdf"));
        std::fs::write(&pdf, b"the published version").unwrap();
        let out = report()
            .args(["render", "--deny-warnings"])
            .arg(&path)
            .arg("-o")
            .arg(out_dir.path())
            .output()
            .unwrap();
        let code = out.status.code().unwrap_or(-1);
        assert!(code == 1 || code == 2, "{stem}: exit {code}");
        assert_eq!(
            read(&pdf),
            b"the published version",
            "{stem}: the old output changed"
        );
    }
    let left: Vec<_> = std::fs::read_dir(out_dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| !n.ends_with(".pdf"))
        .collect();
    assert!(left.is_empty(), "temporary files left behind: {left:?}");
}

#[test]
fn a_50_mb_file_is_refused_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.yaml");
    let mut text = String::from("issuer: 某区\nyear: 2023\nparts:\n  - heading: 甲\n    body:\n      - ");
    text.push_str(&"政".repeat(50 * 1024 * 1024 / 3));
    std::fs::write(&path, text).unwrap();
    report()
        .arg("render")
        .arg(&path)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("error[Y-LIMIT]"))
        .stderr(predicate::str::contains("huge.yaml"));
    assert!(!dir.path().join("huge.pdf").exists());
}

#[test]
fn an_unwritable_output_folder_is_an_error_that_names_it() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a-file");
    std::fs::write(&file, b"").unwrap();
    report()
        .arg("render")
        .arg(seed_yaml())
        .arg("-o")
        .arg(file.join("sub"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("a-file/sub"));
}

#[test]
fn findings_name_the_file_line_and_column_in_text_form() {
    let mutated = seed().replacen("渝府发〔2014〕32号", "渝府发[2014]32号", 1);
    let (_dir, path) = scratch_with("r.yaml", &mutated);
    let line = line_of(&mutated, "渝府发[2014]");
    let col = mutated
        .lines()
        .nth(line as usize - 1)
        .unwrap()
        .split("渝府发[")
        .next()
        .unwrap()
        .chars()
        .count()
        + 4;
    report()
        .arg("check")
        .arg(&path)
        .assert()
        .code(1)
        .stderr(predicate::str::contains(format!(
            "error[D-DOCNO]: {}:{line}:{col}:",
            path.display()
        )))
        .stderr(predicate::str::contains("= help: write 渝府发〔2014〕32号"));
}

/// The rule ids of the README's rule tables: the first cell of each row, split at commas.
fn readme_rule_ids() -> Vec<String> {
    let readme = std::fs::read_to_string(root().join("README.md")).expect("README.md");
    let mut ids: Vec<String> = readme
        .lines()
        .filter_map(|l| l.strip_prefix("| "))
        .filter_map(|l| l.split(" |").next())
        .flat_map(|cell| cell.split(", ").map(str::to_owned).collect::<Vec<_>>())
        .filter(|id| {
            id.starts_with(|c: char| c.is_ascii_uppercase())
                && id.contains('-')
                && id
                    .chars()
                    .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '-')
        })
        .collect();
    ids.sort();
    ids
}

#[test]
fn the_readme_and_check_help_list_every_rule_of_the_registry() {
    let mut registry: Vec<String> = report::check::registry()
        .iter()
        .map(|r| r.id.to_owned())
        .collect();
    registry.sort();
    assert_eq!(
        readme_rule_ids(),
        registry,
        "README's rule tables vs the registry"
    );
    let help = report()
        .args(["check", "--help"])
        .output()
        .expect("run check --help");
    let help = String::from_utf8_lossy(&help.stdout);
    for id in &registry {
        assert!(
            help.lines().any(|l| l.trim_start().starts_with(id.as_str())),
            "`report check --help` does not list {id}:\n{help}"
        );
    }
}

/// A report with one finding of each of six rules: D-YEAR (line 3), S-NUMBERING (5),
/// D-DOCNO, P-PUNCT and S-PLACEHOLDER (7), P-NUMBERS (8).
const SIX_RULES: &str = "issuer: 某区人民政府\nyear: 2023\ntitle: [某区人民政府2022年政府信息公开工作年度报告]\nparts:\n  - heading: 一、总体情况\n    body:\n      - 根据《实施方案》（区府办发[2023]12号）,全年主动公开政府信息（待填写）条。\n      - 受理申请948件，办结900件，办结率为100%。\n";

/// Each rule of [`SIX_RULES`] with its Chinese message and help.
const SIX_RULES_ZH: [(&str, &str, &str); 6] = [
    (
        "错误[D-YEAR]",
        "标题中的年份为2022年，报告年度为2023年",
        "改为2023年，或改正 `year:`",
    ),
    (
        "错误[S-NUMBERING]",
        "标题以序号“一、”开头，序号应由程序按顺序生成",
        "只写“总体情况”",
    ),
    (
        "错误[D-DOCNO]",
        "文号“区府办发[2023]12号”的年份用了[]，应使用六角括号〔〕",
        "改为 区府办发〔2023〕12号",
    ),
    ("警告[P-PUNCT]", "中文中使用了半角“,”", "改为全角“，”"),
    (
        "错误[S-PLACEHOLDER]",
        "“待填写”处的内容尚未填写",
        "公开前改为实际内容",
    ),
    (
        "警告[P-NUMBERS]",
        "100%与所列件数不符：900件占948件的比率应为94.94%",
        "按件数重新计算比率，或改正件数",
    ),
];

/// Asserts that `stderr` gives each finding of [`SIX_RULES`] in Chinese, its help on the
/// line after it, and no English.
fn assert_six_rules_in_chinese(stderr: &str) {
    let lines: Vec<&str> = stderr.lines().collect();
    for (head, message, help) in SIX_RULES_ZH {
        let at = lines
            .iter()
            .position(|l| l.starts_with(head) && l.ends_with(message))
            .unwrap_or_else(|| panic!("no 「{head} … {message}」 in:\n{stderr}"));
        let help_line = lines[at + 1..]
            .iter()
            .find(|l| l.trim_start().starts_with('='))
            .unwrap_or_else(|| panic!("{head} has no help:\n{stderr}"));
        assert!(
            help_line.contains("修改建议：") && help_line.ends_with(help),
            "{head}: {help_line}"
        );
    }
    for english in ["the ", "write ", "instead of", "error[", "warning[", "help:"] {
        assert!(!stderr.contains(english), "「{english}」 in:\n{stderr}");
    }
}

#[test]
fn findings_are_in_chinese_under_lang_zh() {
    let dir = root().join("tests/fixtures/invalid");
    let out = report()
        .current_dir(&dir)
        .args(["check", "--lang", "zh", "document-number-brackets.yaml"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.starts_with("错误[D-DOCNO]: document-number-brackets.yaml:6:22: 文号“区府办发[2023]12号”的年份用了[]，应使用六角括号〔〕\n"),
        "{stderr}"
    );
    assert!(
        stderr.contains("修改建议：") && stderr.contains("改为 区府办发〔2023〕12号"),
        "{stderr}"
    );

    // Several rules at once, through REPORT_LANG this time.
    let (_dir, path) = scratch_with("r.yaml", SIX_RULES);
    let out = report()
        .env("REPORT_LANG", "zh")
        .arg("check")
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_six_rules_in_chinese(&stderr);
    insta::assert_snapshot!(
        "six-rules-zh",
        stderr.replace(&path.display().to_string(), "r.yaml")
    );
}

#[test]
fn findings_follow_a_chinese_locale_without_report_lang() {
    let (_dir, path) = scratch_with("r.yaml", SIX_RULES);
    let out = report()
        .env_remove("REPORT_LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "zh_CN.UTF-8")
        .arg("check")
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_six_rules_in_chinese(&String::from_utf8(out.stderr).unwrap());
}

#[test]
fn findings_stay_in_english_under_lang_en() {
    let (_dir, path) = scratch_with("r.yaml", SIX_RULES);
    let out = report()
        .env("LANG", "zh_CN.UTF-8")
        .args(["check", "--lang", "en"])
        .arg(&path)
        .output()
        .unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    for (message, help) in [
        (
            "the title names 2022, the report is for 2023",
            "write 2023年, or correct `year:`",
        ),
        (
            "the document number 区府办发[2023]12号 puts its year in [] instead of 六角括号 〔〕",
            "write 区府办发〔2023〕12号",
        ),
        ("half-width 「,」 in Chinese text", "write the full-width 「，」"),
        (
            "100% cannot be 900件 of 948件: that is 94.94%",
            "recompute the rate from the counts, or correct the counts",
        ),
    ] {
        assert!(stderr.contains(&format!(": {message}\n")), "{message}:\n{stderr}");
        assert!(stderr.contains(&format!("= help: {help}\n")), "{help}:\n{stderr}");
    }
    assert!(!stderr.contains("修改建议"), "{stderr}");
}

#[test]
fn json_findings_keep_their_fields_in_both_languages() {
    let (_dir, path) = scratch_with("r.yaml", SIX_RULES);
    let json = |lang: &str| -> Vec<serde_json::Value> {
        let out = report()
            .args(["check", "--format", "json", "--lang", lang])
            .arg(&path)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{lang}");
        String::from_utf8(out.stdout)
            .unwrap()
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect()
    };
    let (en, zh) = (json("en"), json("zh"));
    assert_eq!(en.len(), 6, "{en:?}");
    assert_eq!(zh.len(), en.len(), "{zh:?}");
    for (e, z) in en.iter().zip(&zh) {
        let keys = |v: &serde_json::Value| v.as_object().unwrap().keys().cloned().collect::<Vec<_>>();
        assert_eq!(keys(e), keys(z));
        for field in ["rule", "severity", "file", "line", "column"] {
            assert_eq!(e[field], z[field], "{field}: {e} / {z}");
        }
        assert!(
            ["error", "warning"].contains(&z["severity"].as_str().unwrap()),
            "{z}"
        );
        assert_ne!(e["message"], z["message"]);
        assert_ne!(e["help"], z["help"]);
    }
    let rules: Vec<&str> = zh.iter().map(|v| v["rule"].as_str().unwrap()).collect();
    assert_eq!(
        rules,
        [
            "D-YEAR",
            "S-NUMBERING",
            "D-DOCNO",
            "P-PUNCT",
            "S-PLACEHOLDER",
            "P-NUMBERS"
        ]
    );
    let messages: Vec<&str> = zh.iter().map(|v| v["message"].as_str().unwrap()).collect();
    let expected: Vec<&str> = SIX_RULES_ZH.iter().map(|(_, m, _)| *m).collect();
    assert_eq!(messages, expected);
}
