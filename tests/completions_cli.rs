//! `report completions SHELL` and `report man`: scripts a shell loads and completes the
//! commands with, and manual pages that are valid roff.

mod common;

use common::{have_tool, report};
use std::process::Command;

/// Every command a user can run, as `report --help` lists it.
const COMMANDS: [&str; 10] = [
    "render",
    "check",
    "init",
    "batch",
    "verify",
    "data",
    "schema",
    "fonts",
    "completions",
    "man",
];

fn script(shell: &str) -> String {
    let out = report()
        .args(["completions", shell])
        .output()
        .expect("run report");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).expect("UTF-8 script")
}

#[test]
fn the_bash_script_loads_and_completes_commands_and_flags() {
    if !have_tool("bash") {
        eprintln!("skipped: no bash");
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("report.bash");
    std::fs::write(&path, script("bash")).expect("write script");
    let run = |words: &str| -> String {
        let program = format!(
            "source '{}' && complete -p report && COMP_WORDS=({words}) && COMP_CWORD=$((${{#COMP_WORDS[@]}} - 1)) && _report report \"${{COMP_WORDS[COMP_CWORD]}}\" \"${{COMP_WORDS[COMP_CWORD-1]}}\" && echo \"${{COMPREPLY[@]}}\"",
            path.display()
        );
        let out = Command::new("bash")
            .args(["-c", &program])
            .output()
            .expect("run bash");
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let out = run("report ''");
    assert!(out.starts_with("complete ") && out.contains(" report\n"), "{out}");
    let offered = out.lines().nth(1).unwrap_or_default();
    for command in COMMANDS {
        assert!(
            offered.split(' ').any(|w| w == command),
            "{command} not offered: {offered}"
        );
    }
    assert_eq!(run("report ren").lines().nth(1), Some("render"));
    assert_eq!(
        run("report render --fo").lines().nth(1),
        Some("--format --font-dir")
    );
}

#[test]
fn zsh_fish_and_powershell_scripts_name_every_command() {
    for shell in ["zsh", "fish", "powershell", "elvish"] {
        let text = script(shell);
        for command in COMMANDS {
            assert!(text.contains(command), "{shell}: {command}");
        }
    }
    // They describe the commands in the run's language.
    let out = report()
        .args(["--lang", "zh", "completions", "fish"])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).contains("输出 report 的手册页"));
}

#[test]
fn an_unknown_shell_is_a_usage_error() {
    report()
        .args(["completions", "tcsh"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("tcsh"));
}

#[test]
fn man_writes_one_page_per_command() {
    let dir = tempfile::tempdir().expect("temp dir");
    report().args(["man", "-o"]).arg(dir.path()).assert().success();
    for command in COMMANDS {
        let page = std::fs::read_to_string(dir.path().join(format!("report-{command}.1"))).expect("page");
        assert!(page.contains(&format!(".TH report-{command} 1")), "{page}");
    }
    let top = std::fs::read_to_string(dir.path().join("report.1")).expect("report.1");
    assert!(top.contains(".SH NAME") && top.contains("render"));
    // Without -o, report.1 on stdout, in the run's language.
    let out = report().args(["--lang", "zh", "man"]).output().unwrap();
    let zh = String::from_utf8_lossy(&out.stdout);
    assert!(zh.contains("年度报告"));
    // The section headings too, which clap_mangen writes in English.
    assert!(zh.contains(".SH 名称\n") && zh.contains(".SH 选项\n"), "{zh}");
    assert!(!zh.contains(".SH NAME") && !zh.contains(".SH OPTIONS"), "{zh}");
}

/// groff reads every page without a warning (all of them for English; for Chinese all but
/// the line-breaking ones, as Chinese lines have no spaces to break or stretch at).
#[test]
#[ignore = "needs groff (installed by .ci/run)"]
fn the_man_pages_are_valid_roff() {
    if !have_tool("groff") {
        eprintln!("skipped: no groff");
        return;
    }
    for (lang, warnings) in [("en", "-ww"), ("zh", "-Wbreak")] {
        let dir = tempfile::tempdir().expect("temp dir");
        report()
            .args(["--lang", lang, "man", "-o"])
            .arg(dir.path())
            .assert()
            .success();
        for entry in std::fs::read_dir(dir.path()).unwrap() {
            let path = entry.unwrap().path();
            let out = Command::new("groff")
                .args(["-man", "-Tutf8", "-k", "-z", warnings])
                .arg(&path)
                .output()
                .expect("run groff");
            assert!(
                out.status.success() && out.stderr.is_empty(),
                "{lang} {}: {}",
                path.display(),
                String::from_utf8_lossy(&out.stderr)
            );
        }
    }
}
