//! The command line speaks the user's language and follows the conventions of typst, cargo
//! and ripgrep: the locale or --lang chooses Chinese or English for help, usage errors and
//! the frame of every finding; -q, -v, --color and `-` for standard input.

mod common;

use assert_cmd::Command;
use common::{report, root, seed_yaml};

/// The binary with no language set by the test harness and none in the environment, so
/// that only what the test sets decides.
fn bare() -> Command {
    let mut cmd = report();
    for var in ["REPORT_LANG", "LC_ALL", "LC_MESSAGES", "LANG", "NO_COLOR"] {
        cmd.env_remove(var);
    }
    cmd
}

fn stdout(cmd: &mut Command) -> String {
    let out = cmd.output().expect("run report");
    String::from_utf8(out.stdout).expect("UTF-8 stdout")
}

fn fixture(name: &str) -> std::path::PathBuf {
    root().join("tests/fixtures/invalid").join(name)
}

/// Every subcommand's name, from the command line's own definition, so a new command is
/// covered without editing this file.
fn subcommands() -> Vec<String> {
    report::cli::command()
        .get_subcommands()
        .map(|c| c.get_name().to_owned())
        .filter(|n| n != "help")
        .collect()
}

#[test]
fn help_is_chinese_under_a_chinese_locale_and_english_under_c() {
    let zh = stdout(bare().env("LANG", "zh_CN.UTF-8").arg("--help"));
    assert!(zh.contains("用法：report"), "{zh}");
    assert!(zh.contains("命令：") && zh.contains("选项："), "{zh}");
    assert!(zh.contains("政府信息公开工作年度报告"), "{zh}");
    assert!(!zh.contains("Usage:") && !zh.contains("Print help"), "{zh}");

    let en = stdout(bare().env("LANG", "C.UTF-8").arg("--help"));
    assert!(en.contains("Usage: report"), "{en}");
    assert!(en.contains("Commands:") && en.contains("Print help"), "{en}");
    assert!(!en.contains("用法"), "{en}");

    // LC_ALL wins over LANG, as POSIX says; LC_MESSAGES over LANG.
    let c = stdout(bare().env("LANG", "zh_CN.UTF-8").env("LC_ALL", "C").arg("--help"));
    assert!(c.contains("Usage: report"), "{c}");
    let messages = stdout(
        bare()
            .env("LANG", "en_US.UTF-8")
            .env("LC_MESSAGES", "zh_CN.UTF-8")
            .arg("--help"),
    );
    assert!(messages.contains("用法：report"), "{messages}");
}

#[test]
fn the_flag_and_report_lang_override_the_locale() {
    let en = stdout(
        bare()
            .env("LANG", "zh_CN.UTF-8")
            .env("REPORT_LANG", "en")
            .arg("--help"),
    );
    assert!(en.contains("Usage: report"), "{en}");
    let zh = stdout(
        bare()
            .env("REPORT_LANG", "en")
            .args(["render", "--help", "--lang", "zh"]),
    );
    assert!(zh.contains("用法：report render"), "{zh}");
    let zh = stdout(bare().args(["--lang=zh", "check", "--help"]));
    assert!(zh.contains("用法：report check"), "{zh}");
}

#[test]
fn every_command_s_help_is_all_chinese_in_chinese() {
    let commands = subcommands();
    assert!(commands.len() >= 8, "{commands:?}");
    for command in commands {
        let help = stdout(bare().args(["--lang", "zh", &command, "--help"]));
        assert!(
            help.contains(&format!("用法：report {command}")),
            "{command}:\n{help}"
        );
        for english in [
            "Usage:",
            "Options:",
            "[OPTIONS]",
            "Arguments:",
            "Print help",
            "[default:",
            "[possible values:",
        ] {
            assert!(
                !help.contains(english),
                "{command} --help has {english:?}:\n{help}"
            );
        }
        // Every option has its text: no line of the options list is a bare flag.
        for line in help.lines().filter(|l| l.trim_start().starts_with('-')) {
            let text = line.trim_start().split_once("  ").map_or("", |x| x.1).trim();
            assert!(!text.is_empty(), "{command}: an option without help: {line:?}");
        }
    }
}

#[test]
fn check_help_lists_every_rule_in_the_run_s_language() {
    let zh = stdout(bare().args(["--lang", "zh", "check", "--help"]));
    assert!(
        zh.contains("D-DOCNO")
            && zh.contains("应为〔2014〕")
            && zh.contains("检查规则")
            && zh.contains("（警告）"),
        "{zh}"
    );
    let en = stdout(bare().args(["--lang", "en", "check", "--help"]));
    assert!(
        en.contains("D-DOCNO") && en.contains("instead of 〔2014〕"),
        "{en}"
    );
    let rules = |text: &str| {
        text.lines()
            .filter(|l| {
                l.starts_with("  ")
                    && l.trim_start().starts_with(|c: char| c.is_ascii_uppercase())
                    && l.contains('-')
            })
            .count()
    };
    assert_eq!(rules(&zh), rules(&en));
}

#[test]
fn usage_errors_are_in_the_run_s_language_with_exit_status_2() {
    let out = bare().args(["--lang", "zh", "rendr"]).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2));
    assert!(err.starts_with("错误："), "{err}");
    assert!(
        err.contains("没有“rendr”这个命令") && err.contains("render"),
        "{err}"
    );
    assert!(err.contains("用法：report"), "{err}");

    let out = bare()
        .args(["--lang", "zh", "batch", "x", "-o", "y", "--jobs", "0"])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        err.contains("--jobs") && err.contains("请给出 1 或更大的报告数"),
        "{err}"
    );

    let out = bare()
        .args(["--lang", "zh", "render", "--frmat", "pdf"])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        err.contains("无法识别的参数“--frmat”") && err.contains("--format"),
        "{err}"
    );

    let out = bare()
        .args(["--lang", "en", "render", "--frmat", "pdf"])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        err.contains("unexpected argument '--frmat'") && err.contains("--format"),
        "{err}"
    );
}

#[test]
fn a_finding_is_headed_and_advised_in_chinese_and_json_is_the_same_in_both() {
    let file = fixture("document-number-brackets.yaml");
    let out = bare()
        .args(["--lang", "zh", "check"])
        .arg(&file)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1));
    assert!(err.starts_with("错误[D-DOCNO]: "), "{err}");
    assert!(err.contains("= 修改建议："), "{err}");

    let json = |lang: &str| -> Vec<serde_json::Value> {
        let out = bare()
            .args(["--lang", lang, "check", "--format", "json"])
            .arg(&file)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1));
        String::from_utf8(out.stdout)
            .unwrap()
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect()
    };
    let (zh, en) = (json("zh"), json("en"));
    assert_eq!(zh.len(), en.len());
    for (z, e) in zh.iter().zip(&en) {
        let keys = |v: &serde_json::Value| v.as_object().unwrap().keys().cloned().collect::<Vec<_>>();
        assert_eq!(keys(z), keys(e));
        for field in ["file", "line", "column", "severity", "rule"] {
            assert_eq!(z[field], e[field], "{field}");
        }
    }
}

#[test]
fn an_error_that_stops_a_file_is_in_chinese() {
    let out = bare()
        .args(["--lang", "zh", "check", "no-such-report.yaml"])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        err.trim(),
        "错误：无法读取 no-such-report.yaml：文件或文件夹不存在"
    );
    let out = bare()
        .args(["--lang", "en", "check", "no-such-report.yaml"])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        err.trim(),
        "error: cannot read no-such-report.yaml: no such file or folder"
    );
}

#[test]
fn color_is_asked_for_or_refused_and_never_sent_down_a_pipe_by_itself() {
    let file = fixture("document-number-brackets.yaml");
    let stderr = |args: &[&str], no_color: bool| {
        let mut cmd = bare();
        if no_color {
            cmd.env("NO_COLOR", "1");
        }
        let out = cmd.args(args).arg("check").arg(&file).output().unwrap();
        String::from_utf8(out.stderr).unwrap()
    };
    assert!(stderr(&["--color", "always"], false).contains("\x1b[1;31m"));
    assert!(!stderr(&["--color", "never"], false).contains('\x1b'));
    // A pipe gets no colour unless asked for, and NO_COLOR does not override an explicit ask.
    assert!(!stderr(&[], false).contains('\x1b'));
    assert!(stderr(&["--color=always"], true).contains('\x1b'));
    let out = bare().args(["--color", "always", "rendr"]).output().unwrap();
    assert!(String::from_utf8_lossy(&out.stderr).starts_with("\x1b[1;31merror\x1b[0m:"));
}

#[test]
fn quiet_prints_nothing_but_findings_and_verbose_says_each_step() {
    let dir = tempfile::tempdir().unwrap();
    let out = bare()
        .args(["-q", "render", "--format", "pdf"])
        .arg(seed_yaml())
        .arg("-o")
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(out.stdout.is_empty() && out.stderr.is_empty(), "{out:?}");
    assert!(dir.path().join("chongqing-2014.pdf").is_file());

    // Findings are not progress: --quiet still prints them.
    let out = bare()
        .args(["--quiet", "check"])
        .arg(fixture("document-number-brackets.yaml"))
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stderr).contains("error[D-DOCNO]"));

    let out = bare()
        .args(["-v", "--lang", "en", "render", "--format", "pdf"])
        .arg(seed_yaml())
        .arg("-o")
        .arg(dir.path())
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("template <builtin>/gbt9704") && err.contains("role body:"),
        "{err}"
    );
    assert!(err.contains("checked, 0 errors, 0 warnings"), "{err}");
    assert!(
        err.contains(&format!(
            "wrote {}",
            dir.path().join("chongqing-2014.pdf").display()
        )),
        "{err}"
    );

    let out = bare()
        .args(["-q", "-v", "check"])
        .arg(seed_yaml())
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(2),
        "--quiet and --verbose together are refused"
    );
}

#[test]
fn a_dash_reads_the_report_from_standard_input() {
    let yaml = std::fs::read(fixture("document-number-brackets.yaml")).unwrap();
    let out = bare()
        .args(["--lang", "en", "check", "-"])
        .write_stdin(yaml)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1));
    assert!(err.contains("error[D-DOCNO]: -:"), "{err}");

    let dir = tempfile::tempdir().unwrap();
    let seed = std::fs::read(seed_yaml()).unwrap();
    let out = bare()
        .args(["render", "-", "--format", "pdf", "-o"])
        .arg(dir.path())
        .write_stdin(seed)
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let from_stdin = std::fs::read(dir.path().join("stdin.pdf")).unwrap();
    bare()
        .args(["render", "--format", "pdf", "-o"])
        .arg(dir.path())
        .arg(seed_yaml())
        .assert()
        .success();
    let from_file = std::fs::read(dir.path().join("chongqing-2014.pdf")).unwrap();
    assert!(
        from_stdin == from_file,
        "the same report read from stdin renders the same PDF"
    );
}

#[test]
fn batch_is_quiet_per_report_when_piped_unless_verbose() {
    let dir = tempfile::tempdir().unwrap();
    let out = bare()
        .args(["--lang", "en", "batch", "--format", "pdf", "-o"])
        .arg(dir.path())
        .arg(seed_yaml())
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        !err.contains("chongqing-2014"),
        "a piped batch prints no line per report: {err}"
    );
    let summary = String::from_utf8_lossy(&out.stdout);
    assert!(summary.contains("1 rendered, 0 failed"), "{summary}");

    let out = bare()
        .args(["-v", "--lang", "zh", "batch", "--format", "pdf", "-o"])
        .arg(dir.path())
        .arg(seed_yaml())
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("已生成\t") && err.contains("chongqing-2014"),
        "{err}"
    );
    let summary = String::from_utf8_lossy(&out.stdout);
    assert!(
        summary.contains("报告\t机关\t年度") && summary.contains("已生成 1 份，未生成 0 份"),
        "{summary}"
    );
}
