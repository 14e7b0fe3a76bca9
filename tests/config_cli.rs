//! report.toml: found by walking up from the input, merged under the command line, and its
//! mistakes placed by file, line and column in both languages.

mod common;

use common::{report, root};
use std::path::{Path, PathBuf};

/// A scratch office: `report.toml` holding `toml` at the top, a report with warnings only
/// two folders down. The report's path.
fn office(toml: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let deep = dir.path().join("2024/区县");
    std::fs::create_dir_all(&deep).expect("folders");
    std::fs::write(dir.path().join("report.toml"), toml).expect("write report.toml");
    let yaml = deep.join("r.yaml");
    std::fs::copy(
        root().join("tests/fixtures/invalid/half-width-punctuation.yaml"),
        &yaml,
    )
    .expect("copy report");
    (dir, yaml)
}

fn outputs(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("read folder")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n != "r.yaml")
        .collect();
    names.sort();
    names
}

#[test]
fn a_report_toml_two_folders_up_sets_formats_and_denies_warnings() {
    let (dir, yaml) = office("formats = [\"html\"]\ndeny-warnings = true\n");
    // Warnings are denied: nothing is rendered, exit 1.
    report().arg("render").arg(&yaml).assert().code(1);
    assert!(outputs(yaml.parent().unwrap()).is_empty());
    report().arg("check").arg(&yaml).assert().code(1);

    // The command line turns the file's deny-warnings off for one run.
    report()
        .args(["render", "--no-deny-warnings"])
        .arg(&yaml)
        .assert()
        .success();
    assert_eq!(outputs(yaml.parent().unwrap()), ["r.html"]);
    std::fs::remove_file(yaml.parent().unwrap().join("r.html")).unwrap();

    // With the warnings allowed by the file, its formats are what is made.
    std::fs::write(dir.path().join("report.toml"), "formats = [\"html\"]\n").unwrap();
    report().arg("render").arg(&yaml).assert().success();
    assert_eq!(outputs(yaml.parent().unwrap()), ["r.html"]);
}

#[test]
fn the_command_line_wins_and_verbose_names_the_file() {
    let (dir, yaml) = office("formats = [\"html\"]\noutput-dir = \"输出\"\n");
    let out = report()
        .args(["--verbose", "render", "--format", "pdf"])
        .arg(&yaml)
        .output()
        .expect("run report");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let stderr = String::from_utf8_lossy(&out.stderr);
    let toml = dir.path().join("report.toml");
    assert!(
        stderr.contains(&format!("settings from {}", toml.display())),
        "{stderr}"
    );
    assert_eq!(outputs(&dir.path().join("输出")), ["r.pdf"]);

    let elsewhere = tempfile::tempdir().unwrap();
    report()
        .args(["render", "-o"])
        .arg(elsewhere.path())
        .arg(&yaml)
        .assert()
        .success();
    assert_eq!(outputs(elsewhere.path()), ["r.html"]);
}

#[test]
fn a_misspelt_key_fails_with_file_line_and_column_in_both_languages() {
    let (dir, yaml) = office("# 本办公室的设置\nformats = [\"pdf\"]\ndeny_warnings = true\n");
    let toml = dir.path().join("report.toml");
    let out = report().arg("render").arg(&yaml).output().expect("run report");
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr).trim_end(),
        format!(
            "error: {}:3:1: unknown key `deny_warnings`; a report.toml may hold font-dirs, system-fonts, formats, deny-warnings, output-dir; did you mean `deny-warnings`?",
            toml.display()
        )
    );
    let out = report()
        .env("REPORT_LANG", "zh")
        .arg("check")
        .arg(&yaml)
        .output()
        .expect("run report");
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr).trim_end(),
        format!(
            "错误：{} 第 3 行第 1 列：无法识别的设置项“deny_warnings”；report.toml 可写的设置项为 font-dirs、system-fonts、formats、deny-warnings、output-dir；是否应为“deny-warnings”？",
            toml.display()
        )
    );
    assert!(outputs(yaml.parent().unwrap()).is_empty());
}

#[test]
fn a_wrong_type_or_a_missing_font_folder_is_placed() {
    let (dir, yaml) = office("system-fonts = \"yes\"\n");
    let toml = dir.path().join("report.toml");
    report().arg("render").arg(&yaml).assert().code(2).stderr(format!(
        "error: {}:1:16: `system-fonts` must be true or false, e.g. system-fonts = true, not a string\n",
        toml.display()
    ));
    std::fs::write(&toml, "font-dirs = [\"字体\"]\n").unwrap();
    let out = report()
        .args(["--lang", "zh", "render"])
        .arg(&yaml)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.starts_with(&format!(
            "错误：{} 第 1 行第 14 列：“font-dirs”：文件夹 ",
            toml.display()
        )) && stderr.contains("不存在"),
        "{stderr}"
    );
    // Once the folder is there (empty), the file is fine.
    std::fs::create_dir(dir.path().join("字体")).unwrap();
    report().arg("render").arg(&yaml).assert().success();
}
