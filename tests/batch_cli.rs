//! `report batch` and `report verify`: many reports in one run, one broken among them, a
//! summary and a manifest that can be checked later, deterministic shards, and the rules
//! between two years of one issuer when both are in the batch.

mod common;

use common::*;
use predicates::prelude::*;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// A folder `in` below `dir` with five reports: four copies of the seed and one with
/// 渝府发[2014]32号 on line 14.
fn five(dir: &Path) -> PathBuf {
    let dir = dir.join("in");
    std::fs::create_dir(&dir).unwrap();
    let seed = std::fs::read_to_string(seed_yaml()).unwrap();
    for i in 1..=4 {
        std::fs::write(dir.join(format!("cq-{i}.yaml")), &seed).unwrap();
    }
    std::fs::write(
        dir.join("broken.yaml"),
        seed.replacen("渝府发〔2014〕32号", "渝府发[2014]32号", 1),
    )
    .unwrap();
    dir
}

fn files_of(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .filter(|e| e.path().extension().is_some_and(|x| x == "pdf" || x == "docx"))
        .map(|e| {
            (
                e.file_name().into_string().unwrap(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect()
}

#[test]
fn a_batch_renders_the_good_names_the_broken_and_lists_what_it_wrote() {
    let dir = tempfile::tempdir().unwrap();
    let input = five(dir.path());
    let out = dir.path().join("out");
    report()
        .arg("batch")
        .arg(&input)
        .arg("-o")
        .arg(&out)
        .args(["--jobs", "2"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("4 rendered, 1 failed"))
        .stderr(predicate::str::contains("error[D-DOCNO]:"))
        .stderr(predicate::str::contains("broken.yaml:14:"));
    let written = files_of(&out);
    assert_eq!(written.len(), 8, "{:?}", written.keys());
    assert!(!written.contains_key("broken.pdf"));

    let summary: serde_json::Value = serde_json::from_slice(&read(&out.join("summary.json"))).unwrap();
    let rows = summary.as_array().unwrap();
    assert_eq!(rows.len(), 5);
    let broken = rows
        .iter()
        .find(|r| r["report"].as_str().unwrap().ends_with("broken.yaml"))
        .unwrap();
    assert_eq!(
        (broken["rendered"].as_bool(), broken["errors"].as_u64()),
        (Some(false), Some(1))
    );
    assert!(
        rows.iter()
            .filter(|r| r["rendered"] == true)
            .all(|r| r["pages"] == 9 && r["issuer"] == "重庆市人民政府办公厅")
    );

    let manifest: serde_json::Value = serde_json::from_slice(&read(&out.join("manifest.json"))).unwrap();
    assert_eq!(manifest["version"], env!("CARGO_PKG_VERSION"));
    let listed = manifest["outputs"].as_array().unwrap();
    // Every output, and the summary (made from the whole batch, so without a source).
    assert_eq!(listed.len(), 9);
    let mut written = written;
    written.insert("summary.json".into(), read(&out.join("summary.json")));
    for entry in listed {
        let path = entry["path"].as_str().unwrap();
        let bytes = &written[path];
        assert_eq!(entry["bytes"].as_u64(), Some(bytes.len() as u64));
        assert_eq!(
            entry["sha256"].as_str().unwrap(),
            report::batch::manifest::hex_sha256(bytes)
        );
        let source_hash = entry["source_sha256"].as_str().unwrap().len();
        assert_eq!(source_hash, if path == "summary.json" { 0 } else { 64 }, "{path}");
    }

    report()
        .arg("verify")
        .arg(out.join("manifest.json"))
        .assert()
        .success();
    let mut changed = read(&out.join("cq-2.pdf"));
    changed.push(b'\n');
    std::fs::write(out.join("cq-2.pdf"), changed).unwrap();
    report()
        .arg("verify")
        .arg(out.join("manifest.json"))
        .assert()
        .code(1)
        .stderr(predicate::str::contains("cq-2.pdf: changed"));
}

#[test]
fn three_shards_together_equal_the_whole_batch_byte_for_byte() {
    let dir = tempfile::tempdir().unwrap();
    let input = five(dir.path());
    let whole = dir.path().join("whole");
    report()
        .arg("batch")
        .arg(&input)
        .arg("-o")
        .arg(&whole)
        .assert()
        .code(1);
    let shards = dir.path().join("shards");
    for k in 1..=3 {
        let out = report()
            .arg("batch")
            .arg(&input)
            .arg("-o")
            .arg(&shards)
            .arg("--shard")
            .arg(format!("{k}/3"))
            .output()
            .unwrap();
        // The shard holding the broken report exits 1, the others 0.
        assert!(
            matches!(out.status.code(), Some(0 | 1)),
            "shard {k}/3: {:?}",
            out.status
        );
    }
    assert_eq!(files_of(&shards), files_of(&whole));
    report()
        .args(["batch", "--shard", "4/3", "-o"])
        .arg(&shards)
        .arg(&input)
        .assert()
        .code(2);
}

#[test]
fn the_number_of_jobs_changes_no_output_and_no_summary_order() {
    let dir = tempfile::tempdir().unwrap();
    let input = five(dir.path());
    let mut runs = Vec::new();
    for jobs in ["1", "3"] {
        let out = dir.path().join(format!("jobs-{jobs}"));
        let run = report()
            .arg("batch")
            .arg(&input)
            .arg("-o")
            .arg(&out)
            .args(["--jobs", jobs])
            .output()
            .unwrap();
        assert_eq!(run.status.code(), Some(1), "--jobs {jobs}");
        // The summary lists the reports in sorted order, whichever finished first.
        let stdout = String::from_utf8(run.stdout).unwrap();
        let listed: Vec<&str> = stdout
            .lines()
            .skip(1)
            .filter_map(|l| l.split('\t').next())
            .filter(|r| r.ends_with(".yaml"))
            .map(|r| r.rsplit('/').next().unwrap())
            .collect();
        assert_eq!(
            listed,
            ["broken.yaml", "cq-1.yaml", "cq-2.yaml", "cq-3.yaml", "cq-4.yaml"],
            "{stdout}"
        );
        runs.push(files_of(&out));
    }
    assert_eq!(runs[0].len(), 8);
    assert_eq!(runs[0], runs[1]);
    report()
        .arg("batch")
        .arg(&input)
        .arg("-o")
        .arg(dir.path().join("none"))
        .args(["--jobs", "0"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("1 or more"));
}

#[test]
fn two_years_of_one_issuer_in_a_batch_are_checked_against_each_other() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("a");
    let other = dir.path().join("b");
    std::fs::create_dir(&input).unwrap();
    std::fs::create_dir(&other).unwrap();
    std::fs::copy(
        root().join("reports/yunxi-2023.yaml"),
        other.join("yunxi-2023.yaml"),
    )
    .unwrap();
    let this = std::fs::read_to_string(root().join("reports/yunxi-2024.yaml"))
        .unwrap()
        .replacen(
            "carried_over:    [4, 0, 0, 0, 0, 0, 4]",
            "carried_over:    [5, 0, 0, 0, 0, 0, 5]",
            1,
        );
    std::fs::write(input.join("yunxi-2024.yaml"), this).unwrap();
    report()
        .arg("batch")
        .arg(&input)
        .arg(&other)
        .arg("-o")
        .arg(dir.path().join("out"))
        .args(["--format", "pdf"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("error[X-CARRY]"));
}

#[test]
fn the_2021_reports_of_a_batch_are_rolled_up_as_csv_and_pdf() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    std::fs::create_dir(&input).unwrap();
    for year in [2023, 2024] {
        std::fs::copy(
            root().join(format!("reports/yunxi-{year}.yaml")),
            input.join(format!("yunxi-{year}.yaml")),
        )
        .unwrap();
    }
    std::fs::copy(seed_yaml(), input.join("chongqing-2014.yaml")).unwrap();
    // A district whose table 3 does not add up: rolled up, but flagged, not silently left out.
    let yunxi = std::fs::read_to_string(root().join("reports/yunxi-2024.yaml")).unwrap();
    let wrong = yunxi
        .replace("示例市云溪区人民政府", "示例市东岭区人民政府")
        .replace("[78, 5, 0, 1, 2, 0, 86]", "[78, 5, 0, 1, 2, 0, 85]");
    std::fs::write(input.join("dongling-2024.yaml"), wrong).unwrap();
    // And a report that cannot be read at all: its format is unknown, so it is listed too.
    std::fs::write(input.join("unreadable.yaml"), "issuer: [").unwrap();
    let out = dir.path().join("out");
    report()
        .arg("batch")
        .arg(&input)
        .arg("-o")
        .arg(&out)
        .args(["--format", "pdf"])
        .assert()
        .code(2);
    let csv = std::fs::read_to_string(out.join("rollup.csv")).unwrap();
    let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').lines().collect();
    assert_eq!(
        lines[0],
        "\"发布机关\",\"年度\",\"本年新收申请\",\"上年结转申请\",\"予以公开\",\"行政复议\",\"行政诉讼\",\"状态\",\"说明\""
    );
    // The free-form seed has no tables, so it is not rolled up.
    assert_eq!(lines.len(), 5, "{lines:?}");
    assert!(
        lines[1].starts_with("\"示例市东岭区人民政府\",2024,86,4,45,2,1,\"未通过\",\"error[T3-ROWSUM]"),
        "{}",
        lines[1]
    );
    assert_eq!(
        lines[2],
        "\"示例市云溪区人民政府\",2023,71,2,36,1,0,\"通过\",\"\""
    );
    assert_eq!(
        lines[3],
        "\"示例市云溪区人民政府\",2024,86,4,45,2,1,\"通过\",\"\""
    );
    assert!(
        lines[4].contains("unreadable.yaml\",,,,,,,\"未通过\",\"error"),
        "{}",
        lines[4]
    );
    let pdf = out.join("rollup.pdf");
    assert!(read(&pdf).starts_with(b"%PDF-"));
}

#[test]
fn the_summary_gives_the_reason_that_stopped_each_report() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    std::fs::create_dir(&input).unwrap();
    let seed = std::fs::read_to_string(seed_yaml()).unwrap();
    // A half-width comma beside Chinese text: a warning (P-PUNCT).
    let warned = seed.replacen("，", ",", 1);
    assert_ne!(warned, seed);
    std::fs::write(input.join("denied.yaml"), &warned).unwrap();
    std::fs::write(input.join("blocked.yaml"), &warned).unwrap();
    let out = dir.path().join("out");
    // blocked.docx cannot be written: a folder is in the way.
    std::fs::create_dir_all(out.join("blocked.docx")).unwrap();
    let summary = |extra: &[&str]| -> Vec<serde_json::Value> {
        report()
            .arg("batch")
            .arg(&input)
            .arg("-o")
            .arg(&out)
            .args(extra)
            .assert()
            .failure();
        serde_json::from_slice::<serde_json::Value>(&read(&out.join("summary.json")))
            .unwrap()
            .as_array()
            .unwrap()
            .clone()
    };
    let rows = summary(&[]);
    let blocked = rows
        .iter()
        .find(|r| r["report"].as_str().unwrap().ends_with("blocked.yaml"))
        .unwrap();
    let reason = blocked["failure"].as_str().unwrap();
    assert!(
        reason.starts_with("error: cannot write") && reason.contains("blocked.docx"),
        "{reason}"
    );
    let rows = summary(&["--deny-warnings"]);
    let denied = rows
        .iter()
        .find(|r| r["report"].as_str().unwrap().ends_with("denied.yaml"))
        .unwrap();
    let reason = denied["failure"].as_str().unwrap();
    assert!(
        reason.starts_with("warning[P-PUNCT]") && reason.ends_with("(warnings are denied: --deny-warnings)"),
        "{reason}"
    );
}
