//! The seed's PDF read by readers that are not ours: poppler (pdftotext, pdffonts) and the
//! official-layout checker `../shared/tools/gbt9704-check`. Ignored by plain `cargo test`;
//! `.ci/run` installs poppler-utils and runs them with `--include-ignored`.

mod common;

use common::*;
use std::process::Command;

fn run(program: &str, args: &[&std::ffi::OsStr]) -> std::process::Output {
    Command::new(program)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("cannot run {program} (install poppler-utils): {e}"))
}

#[test]
#[ignore = "needs poppler-utils (pdftotext)"]
fn pdftotext_reads_the_seed_word_for_word() {
    let dir = tempfile::tempdir().unwrap();
    let (pdf, _) = render_seed(dir.path(), &["--format", "pdf"]);
    let out = run("pdftotext", &[pdf.as_os_str(), "-".as_ref()]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    // Page-number lines (— N —) are not part of the report's text.
    let body: String = text.lines().filter(|l| !l.trim().starts_with('—')).collect();
    assert_eq!(squeeze(&body), squeeze(&seed_text()));
}

#[test]
#[ignore = "needs poppler-utils (pdffonts)"]
fn every_font_is_embedded_and_no_system_font_is_used() {
    let dir = tempfile::tempdir().unwrap();
    let (pdf, _) = render_seed(dir.path(), &["--format", "pdf"]);
    let out = run("pdffonts", &[pdf.as_os_str()]);
    let listing = String::from_utf8(out.stdout).unwrap();
    let fonts: Vec<&str> = listing.lines().skip(2).collect();
    assert_eq!(fonts.len(), 6, "{listing}");
    for line in &fonts {
        let cols: Vec<&str> = line.split_whitespace().collect();
        assert!(cols.iter().rev().nth(3) == Some(&"yes"), "not embedded: {line}");
    }
    for face in [
        "FandolFang",
        "NotoSansCJKsc",
        "NotoSerifCJKsc-Bold",
        "NotoSerifCJKsc-Regular",
        "LiberationSerif",
        "GBZenKai",
    ] {
        assert!(listing.contains(face), "{face} missing:\n{listing}");
    }
}

#[test]
#[ignore = "needs poppler-utils and ../shared/tools/gbt9704-check"]
fn the_official_layout_checker_passes_the_seed() {
    let Some(checker) = gbt9704_checker() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    for extra in [&[][..], &["--pdf-standard", "a-2b"][..]] {
        let extra: Vec<&str> = ["--format", "pdf"].iter().chain(extra).copied().collect();
        let (pdf, _) = render_seed(dir.path(), &extra);
        let expected = root().join("tests/fixtures/chongqing-2014.txt");
        let out = run(
            "python3",
            &[
                checker.as_os_str(),
                pdf.as_os_str(),
                "--expect-text".as_ref(),
                expected.as_os_str(),
            ],
        );
        let report = String::from_utf8_lossy(&out.stdout);
        assert!(
            out.status.success(),
            "gbt9704-check failed ({extra:?}):\n{report}"
        );
        assert!(report.contains("18 passed, 0 warned, 0 failed"), "{report}");
    }
}

/// pdftotext reads a count that wrapped in its narrow cell (tests/fixtures/valid/
/// large-counts-2024.yaml) as the digits it is: no U+200B in the text layer, and the words
/// of table 3's 自然人 column, top to bottom, give the number whole.
#[test]
#[ignore = "needs poppler-utils (pdftotext)"]
fn pdftotext_reads_a_wrapped_count_whole() {
    let dir = tempfile::tempdir().unwrap();
    report()
        .arg("render")
        .arg(root().join("tests/fixtures/valid/large-counts-2024.yaml"))
        .args(["--format", "pdf", "-o"])
        .arg(dir.path())
        .assert()
        .success();
    let pdf = dir.path().join("large-counts-2024.pdf");
    let text = String::from_utf8(run("pdftotext", &[pdf.as_os_str(), "-".as_ref()]).stdout).unwrap();
    assert!(!text.contains('\u{200B}'), "U+200B in the text layer");
    let bbox = String::from_utf8(run("pdftotext", &["-bbox".as_ref(), pdf.as_os_str(), "-".as_ref()]).stdout)
        .unwrap();
    let word = regex::Regex::new(
        r#"<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>"#,
    )
    .unwrap();
    // Table 3's fourth column (自然人): from 1.2 + 1.6 + 4.6 to 8.4 of 14.4 units of the block.
    let (left, unit) = (28.0 * 72.0 / 25.4, 156.0 * 72.0 / 25.4 / 14.4);
    let (from, to) = (left + 7.4 * unit, left + 8.4 * unit);
    let page = bbox
        .split("<page ")
        .find(|p| p.contains("本年新收政府信息公开申请数量") || p.contains(">本年新收"))
        .expect("table 3's page");
    let mut words: Vec<(f64, String)> = word
        .captures_iter(page)
        .filter(|c| c[1].parse::<f64>().unwrap() >= from && c[3].parse::<f64>().unwrap() <= to)
        .map(|c| (c[2].parse().unwrap(), c[4].to_owned()))
        .collect();
    words.sort_by(|a, b| a.0.total_cmp(&b.0));
    let column: String = words.into_iter().map(|(_, w)| w).collect();
    for number in ["123456789", "123456751"] {
        assert!(column.contains(number), "{number} not whole in {column:?}");
    }
}
