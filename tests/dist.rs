//! The release archive (scripts/dist.sh) runs without Rust: unpacked into a fresh folder
//! outside the repository, with no REPORT_FONT_DIR and HOME elsewhere, `./report render
//! 示例.yaml` finds the archive's own fonts and writes a PDF set in them.

mod common;

use common::{have_tool, root};
use std::path::{Path, PathBuf};
use std::process::Command;

/// The already-built binary the tests run (no second, release, build).
fn built_binary() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_report"))
}

fn run(cmd: &mut Command) -> std::process::Output {
    let out = cmd.output().unwrap_or_else(|e| panic!("{cmd:?}: {e}"));
    assert!(
        out.status.success(),
        "{cmd:?}: {}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

#[test]
#[ignore = "builds the release archive (bash, tar, gzip, pdffonts; run by .ci/run)"]
fn the_archive_renders_the_example_from_a_fresh_folder() {
    if !(have_tool("bash") && have_tool("tar") && have_tool("gzip") && have_tool("pdffonts")) {
        eprintln!("skipped: bash, tar, gzip or pdffonts missing");
        return;
    }
    let work = tempfile::tempdir().expect("temp dir");
    let dist = work.path().join("dist");
    let out = run(Command::new("bash")
        .arg(root().join("scripts/dist.sh"))
        .arg("--binary")
        .arg(built_binary())
        .arg("--out")
        .arg(&dist));
    let archive = PathBuf::from(
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .next()
            .unwrap_or_default(),
    );
    let name = archive
        .file_name()
        .and_then(|n| n.to_str())
        .and_then(|n| n.strip_suffix(".tar.gz"))
        .expect("dist/report-VERSION-TARGET.tar.gz");
    assert!(
        name.starts_with(&format!("report-{}-", env!("CARGO_PKG_VERSION"))),
        "{name}"
    );

    let fresh = work.path().join("fresh");
    std::fs::create_dir(&fresh).unwrap();
    run(Command::new("tar").arg("xzf").arg(&archive).arg("-C").arg(&fresh));
    let unpacked = fresh.join(name);
    for part in [
        "report",
        "README.md",
        "LICENSE-MIT",
        "LICENSE-APACHE",
        "示例.yaml",
        "templates/gbt9704/layout.toml",
        "templates/gbt9704/report.typ",
        "completions/report.bash",
        "completions/_report",
        "completions/report.fish",
        "completions/report.ps1",
        "man/report.1",
        "man/report-render.1",
        "fonts/README.md",
    ] {
        assert!(unpacked.join(part).is_file(), "{part} is not in the archive");
    }
    every_font_has_its_license(&unpacked.join("fonts"));

    let home = work.path().join("home");
    std::fs::create_dir(&home).unwrap();
    let report = |args: &[&str]| {
        let mut cmd = Command::new(unpacked.join("report"));
        cmd.current_dir(&unpacked)
            .args(args)
            .env_remove("REPORT_FONT_DIR")
            .env_remove("REPORT_SYSTEM_FONT_DIRS")
            .env("HOME", &home)
            .env("REPORT_LANG", "en");
        run(&mut cmd)
    };
    let fonts = report(&["fonts"]);
    let bundled = unpacked.join("fonts");
    assert!(
        String::from_utf8_lossy(&fonts.stdout)
            .lines()
            .next()
            .is_some_and(|l| l == format!("bundled fonts: {}", bundled.display())),
        "{}",
        String::from_utf8_lossy(&fonts.stdout)
    );
    report(&["render", "示例.yaml"]);
    let pdf = unpacked.join("示例.pdf");
    assert!(unpacked.join("示例.docx").is_file());
    let listed = run(Command::new("pdffonts").arg(&pdf));
    let listed = String::from_utf8_lossy(&listed.stdout);
    for family in ["FandolFang", "NotoSerifCJK", "NotoSansCJK", "LiberationSerif"] {
        assert!(listed.contains(family), "{family} not in the PDF:\n{listed}");
    }
}

/// Every font file of the archive's fonts/ has the license fonts/README.md names for it.
fn every_font_has_its_license(fonts: &Path) {
    let readme = std::fs::read_to_string(fonts.join("README.md")).unwrap();
    for entry in std::fs::read_dir(fonts).unwrap() {
        let path = entry.unwrap().path();
        let file = path.file_name().unwrap().to_string_lossy().into_owned();
        if !["ttf", "otf", "ttc"].iter().any(|e| file.ends_with(e)) {
            continue;
        }
        let row = readme
            .lines()
            .find(|l| l.contains(&format!("`{file}`")))
            .unwrap_or_else(|| panic!("{file} has no row in fonts/README.md"));
        let license = row
            .split("(licenses/")
            .nth(1)
            .and_then(|r| r.split(')').next())
            .unwrap_or_else(|| panic!("{file}'s row names no license"));
        assert!(
            fonts.join("licenses").join(license).is_file(),
            "{file}: {license}"
        );
    }
}
