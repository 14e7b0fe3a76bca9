//! `report render` driven as a user drives it: outputs, reruns, and bad input.

mod common;

use common::*;
use predicates::prelude::*;

#[test]
fn renders_the_seed_next_to_its_input_and_reruns_identically() {
    let dir = tempfile::tempdir().unwrap();
    let yaml = dir.path().join("chongqing-2014.yaml");
    std::fs::copy(seed_yaml(), &yaml).unwrap();

    report()
        .arg("render")
        .arg(&yaml)
        .assert()
        .success()
        .stdout(predicate::str::contains("chongqing-2014.pdf"));
    let pdf = dir.path().join("chongqing-2014.pdf");
    let first = read(&pdf);
    assert!(first.starts_with(b"%PDF-"), "not a PDF");

    report().arg("render").arg(&yaml).assert().success();
    assert!(read(&pdf) == first, "a second run gave different bytes");

    // Nothing but the input and the output: no temporary files left behind.
    let mut names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    names.sort();
    assert_eq!(
        names,
        ["chongqing-2014.docx", "chongqing-2014.pdf", "chongqing-2014.yaml"]
    );
}

#[test]
fn output_dir_is_created_and_used() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out/nested");
    report()
        .arg("render")
        .arg(seed_yaml())
        .arg("-o")
        .arg(&out)
        .assert()
        .success();
    assert!(read(&out.join("chongqing-2014.pdf")).starts_with(b"%PDF-"));
}

#[test]
fn pdf_carries_title_author_language_and_the_reports_date() {
    let dir = tempfile::tempdir().unwrap();
    report()
        .arg("render")
        .arg(seed_yaml())
        .arg("-o")
        .arg(dir.path())
        .assert()
        .success();
    let pdf = String::from_utf8_lossy(&read(&dir.path().join("chongqing-2014.pdf"))).into_owned();
    // The XMP packet is plain XML inside the PDF.
    assert!(
        pdf.contains("重庆市人民政府办公厅</rdf:li>"),
        "author missing from XMP"
    );
    assert!(
        pdf.contains("重庆市2014年政府信息公开工作情况重庆市人民政府办公厅2014年政府信息公开工作情况"),
        "title missing"
    );
    assert!(pdf.contains("zh-CN"), "language missing");
    assert!(pdf.contains("2015-01-01"), "creation date is not the report's");
}

#[test]
fn pdf_a_2b_is_available_for_archiving() {
    let dir = tempfile::tempdir().unwrap();
    report()
        .args(["render", "--pdf-standard", "a-2b", "-o"])
        .arg(dir.path())
        .arg(seed_yaml())
        .assert()
        .success();
    let pdf = String::from_utf8_lossy(&read(&dir.path().join("chongqing-2014.pdf"))).into_owned();
    assert!(
        pdf.contains("<pdfaid:part>2</pdfaid:part>"),
        "no PDF/A-2 identification"
    );
    assert!(
        pdf.contains("<pdfaid:conformance>B</pdfaid:conformance>"),
        "not conformance B"
    );
}

#[test]
fn a_missing_file_is_named_and_exits_2() {
    report()
        .args(["render", "no-such-report.yaml"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no-such-report.yaml"));
}

#[test]
fn a_yaml_syntax_error_points_at_its_line() {
    let (_dir, path) = scratch_with(
        "broken.yaml",
        "issuer: 某局\nyear: 2020\nparts: [\n  - heading: 甲\n",
    );
    let assert = report().arg("render").arg(&path).assert().code(2);
    let err = String::from_utf8_lossy(&assert.get_output().stderr).into_owned();
    assert!(err.contains("broken.yaml:"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn an_unknown_key_is_named_with_its_line_and_column() {
    let yaml = "issuer: 某局\nyear: 2020\nparts:\n  - heading: 甲\n    secions: []\n";
    let (_dir, path) = scratch_with("typo.yaml", yaml);
    report()
        .arg("render")
        .arg(&path)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("typo.yaml:5:5"))
        .stderr(predicate::str::contains("secions"));
}

#[test]
fn a_wrong_type_is_named_with_its_line() {
    let yaml = "issuer: 某局\nyear: 二〇二〇\nparts: []\n";
    let (_dir, path) = scratch_with("type.yaml", yaml);
    report()
        .arg("render")
        .arg(&path)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("type.yaml:2:"));
}

#[test]
fn a_failed_run_leaves_existing_outputs_byte_for_byte() {
    let dir = tempfile::tempdir().unwrap();
    let yaml = dir.path().join("r.yaml");
    std::fs::write(
        &yaml,
        "issuer: 某局\nyear: 2020\nparts:\n  - heading: 甲\n    typo: x\n",
    )
    .unwrap();
    let pdf = dir.path().join("r.pdf");
    std::fs::write(&pdf, b"the published version").unwrap();
    let docx = dir.path().join("r.docx");
    std::fs::write(&docx, b"the filed version").unwrap();
    report().arg("render").arg(&yaml).assert().code(2);
    assert_eq!(read(&pdf), b"the published version");
    assert_eq!(read(&docx), b"the filed version");
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        3,
        "a temporary file was left behind"
    );
}

#[test]
fn one_bad_file_does_not_stop_the_others() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.yaml");
    std::fs::write(&bad, "issuer: [\n").unwrap();
    report()
        .arg("render")
        .arg(&bad)
        .arg(seed_yaml())
        .arg("-o")
        .arg(dir.path())
        .assert()
        .code(2);
    assert!(dir.path().join("chongqing-2014.pdf").exists());
    assert!(!dir.path().join("bad.pdf").exists());
}

#[test]
fn two_inputs_that_would_overwrite_each_other_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a");
    std::fs::create_dir(&a).unwrap();
    std::fs::copy(seed_yaml(), a.join("chongqing-2014.yaml")).unwrap();
    report()
        .arg("render")
        .arg(seed_yaml())
        .arg(a.join("chongqing-2014.yaml"))
        .arg("-o")
        .arg(dir.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("would both be written"));
}

#[test]
fn an_output_path_that_is_a_folder_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("chongqing-2014.pdf")).unwrap();
    report()
        .arg("render")
        .arg(seed_yaml())
        .arg("-o")
        .arg(dir.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("is a folder"));
}

#[test]
fn help_shows_examples_and_version_is_printed() {
    report()
        .args(["render", "--help"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Examples:"));
    report()
        .arg("--version")
        .assert()
        .success()
        .stdout(predicate::str::contains(env!("CARGO_PKG_VERSION")));
}

#[test]
fn a_broken_template_is_reported_at_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let template = dir.path().join("tpl");
    std::fs::create_dir(&template).unwrap();
    std::fs::copy(
        root().join("templates/gbt9704/layout.toml"),
        template.join("layout.toml"),
    )
    .unwrap();
    std::fs::write(
        template.join("report.typ"),
        "#let data = json(\"/report.json\")\n\n#data.nosuchfield\n",
    )
    .unwrap();
    let pdf = dir.path().join("chongqing-2014.pdf");
    std::fs::write(&pdf, b"previous").unwrap();
    report()
        .arg("render")
        .arg(seed_yaml())
        .arg("-o")
        .arg(dir.path())
        .arg("--template")
        .arg(&template)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "report.typ:3:7: dictionary does not contain key \"nosuchfield\"",
        ));
    assert_eq!(read(&pdf), b"previous");
}

#[test]
fn a_missing_template_or_font_folder_is_named() {
    report()
        .args(["render", "--template", "no/such/template"])
        .arg(seed_yaml())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no/such/template/report.typ"));
    report()
        .args(["render", "--font-dir", "no/such/fonts"])
        .arg(seed_yaml())
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "--font-dir no/such/fonts: no such folder",
        ));
    report()
        .arg("render")
        .arg(seed_yaml())
        .env("REPORT_FONT_DIR", "no/such/bundle")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("REPORT_FONT_DIR=no/such/bundle"));
}

#[test]
fn data_prints_what_the_template_reads_and_survives_a_closed_pipe() {
    let out = report().arg("data").arg(seed_yaml()).output().unwrap();
    assert!(out.status.success());
    let data: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(data["meta"]["author"], "重庆市人民政府办公厅");
    assert_eq!(data["blocks"][1]["text"], "一、重点领域信息公开情况");
    assert_eq!(data["fonts"]["body"]["cjk"][0], "FandolFang R");
    // A reader that stops early (| head) is no reason to panic.
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("report"))
        .env("REPORT_LANG", "en")
        .args(["schema"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let status = child.wait().unwrap();
    let mut stderr = String::new();
    std::io::Read::read_to_string(&mut child.stderr.take().unwrap(), &mut stderr).unwrap();
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(status.code(), Some(0));
}
