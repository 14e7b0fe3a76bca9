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
