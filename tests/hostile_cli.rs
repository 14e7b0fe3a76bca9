//! Faults and hostile surroundings, through the CLI: devices, pipes and symlink loops
//! beside or instead of a report, damaged fonts, outputs in the way, streams that cannot be
//! written, manifests that point outside their folder. Each case: no hang (every run has a
//! timeout), no panic, a message naming the file and what to do, no old output changed.

#![cfg(unix)]

mod common;

use common::*;
use predicates::prelude::*;
use std::os::unix::fs::symlink;
use std::path::Path;
use std::process::Stdio;
use std::time::Duration;

/// Long enough for a debug render of the seed on a loaded machine; a hang is far longer.
const LIMIT: Duration = Duration::from_secs(60);

fn mkfifo(path: &Path) {
    let ok = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .unwrap()
        .success();
    assert!(ok, "mkfifo {}", path.display());
}

/// A folder holding a copy of the seed, `good.yaml`.
fn with_seed() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.yaml");
    std::fs::copy(seed_yaml(), &good).unwrap();
    (dir, good)
}

/// A template folder in `dir` with the built-in layout.toml and no report.typ yet.
fn template_folder(dir: &Path) -> std::path::PathBuf {
    let template = dir.join("template");
    std::fs::create_dir(&template).unwrap();
    std::fs::copy(
        root().join("templates/gbt9704/layout.toml"),
        template.join("layout.toml"),
    )
    .unwrap();
    template
}

#[test]
fn what_lies_beside_a_report_and_is_not_a_file_is_never_opened() {
    let (dir, good) = with_seed();
    symlink("/dev/zero", dir.path().join("z.yaml")).unwrap();
    mkfifo(&dir.path().join("p.yaml"));
    symlink(".", dir.path().join("loop")).unwrap();
    report().arg("check").arg(&good).timeout(LIMIT).assert().success();
}

#[test]
fn a_named_device_pipe_or_folder_is_refused_with_what_it_is() {
    let (dir, good) = with_seed();
    let zero = dir.path().join("z.yaml");
    symlink("/dev/zero", &zero).unwrap();
    let fifo = dir.path().join("p.yaml");
    mkfifo(&fifo);
    for (path, what) in [(&zero, "a device"), (&fifo, "a named pipe")] {
        report()
            .arg("check")
            .arg(path)
            .timeout(LIMIT)
            .assert()
            .code(2)
            .stderr(predicate::str::contains(path.to_str().unwrap()))
            .stderr(predicate::str::contains(what))
            .stderr(predicate::str::contains("reads only regular files"));
    }
    report()
        .arg("check")
        .arg(&good)
        .arg("--previous")
        .arg(&fifo)
        .timeout(LIMIT)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--previous"))
        .stderr(predicate::str::contains("named pipe"));
    report()
        .arg("batch")
        .arg(&fifo)
        .arg("-o")
        .arg(dir.path().join("out"))
        .timeout(LIMIT)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("a named pipe (FIFO), not a report file"));
    // A template whose report.typ is a pipe.
    let template = template_folder(dir.path());
    mkfifo(&template.join("report.typ"));
    report()
        .arg("render")
        .arg(&good)
        .arg("--template")
        .arg(&template)
        .timeout(LIMIT)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("report.typ"))
        .stderr(predicate::str::contains("named pipe"));
    assert!(!dir.path().join("good.pdf").exists());
}

#[test]
fn a_batch_folder_with_pipes_devices_and_symlink_loops_renders_each_report_once() {
    let (dir, _) = with_seed();
    let input = dir.path().join("in");
    std::fs::create_dir_all(input.join("sub")).unwrap();
    std::fs::copy(seed_yaml(), input.join("a.yaml")).unwrap();
    mkfifo(&input.join("b.yaml"));
    symlink("/dev/zero", input.join("c.yaml")).unwrap();
    symlink(".", input.join("x")).unwrap();
    symlink(".", input.join("y")).unwrap();
    symlink("..", input.join("sub/up")).unwrap();
    let out = dir.path().join("out");
    report()
        .arg("batch")
        .arg(&input)
        .arg("-o")
        .arg(&out)
        .args(["--format", "pdf"])
        .timeout(LIMIT)
        .assert()
        .success()
        .stdout(predicate::str::contains("1 rendered, 0 failed"));
    assert!(out.join("a.pdf").is_file());
}

#[test]
fn font_folders_with_loops_load_each_face_once_and_a_cut_font_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let fonts = dir.path().join("fonts");
    std::fs::create_dir(&fonts).unwrap();
    std::fs::copy(
        root().join("fonts/LiberationSerif-Regular.ttf"),
        fonts.join("extra.ttf"),
    )
    .unwrap();
    symlink(".", fonts.join("x")).unwrap();
    symlink(".", fonts.join("y")).unwrap();
    mkfifo(&fonts.join("pipe.ttf"));
    let out = report()
        .args(["fonts", "--font-dir"])
        .arg(&fonts)
        .timeout(LIMIT)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(stdout.matches("extra.ttf").count(), 1, "{stdout}");

    // The same font cut short, as by a broken copy: refused by name, not printed blank.
    let bytes = read(&root().join("fonts/LiberationSerif-Regular.ttf"));
    std::fs::write(fonts.join("extra.ttf"), &bytes[..bytes.len() / 2]).unwrap();
    let (_keep, good) = with_seed();
    report()
        .arg("render")
        .arg(&good)
        .arg("--font-dir")
        .arg(&fonts)
        .timeout(LIMIT)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("extra.ttf is damaged"))
        .stderr(predicate::str::contains("cut short"));
}

#[test]
fn a_damaged_bundled_font_is_named_as_damaged_not_missing() {
    let dir = tempfile::tempdir().unwrap();
    for entry in std::fs::read_dir(root().join("fonts")).unwrap().flatten() {
        let name = entry.file_name();
        if name == "gkai00mp.ttf" {
            let bytes = read(&entry.path());
            std::fs::write(dir.path().join(&name), &bytes[..bytes.len() - 4096]).unwrap();
        } else {
            symlink(entry.path(), dir.path().join(&name)).unwrap();
        }
    }
    report()
        .arg("check")
        .arg(seed_yaml())
        .env("REPORT_FONT_DIR", dir.path())
        .timeout(LIMIT)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("gkai00mp.ttf is damaged"));
}

#[test]
fn streams_that_cannot_be_written_do_not_stop_the_outputs() {
    let full = || std::fs::OpenOptions::new().write(true).open("/dev/full").unwrap();
    let (dir, good) = with_seed();
    // A full stderr: the report is still written, the summary and manifest of a batch too.
    let status = std::process::Command::new(assert_cmd::cargo::cargo_bin("report"))
        .env("REPORT_LANG", "en")
        .args(["batch", "--format", "pdf", "-o"])
        .arg(dir.path().join("out"))
        .arg(&good)
        .stdout(full())
        .stderr(full())
        .status()
        .unwrap();
    // stdout was full too: the batch says so by its exit status, having written everything.
    assert_eq!(status.code(), Some(2));
    for name in ["good.pdf", "summary.json", "manifest.json"] {
        assert!(dir.path().join("out").join(name).is_file(), "{name}");
    }
    let status = std::process::Command::new(assert_cmd::cargo::cargo_bin("report"))
        .env("REPORT_LANG", "en")
        .args(["render", "--format", "pdf"])
        .arg(&good)
        .stdout(Stdio::null())
        .stderr(full())
        .status()
        .unwrap();
    assert_eq!(status.code(), Some(0));
    assert!(dir.path().join("good.pdf").is_file());
    // What a command prints as its result cannot be lost without a word.
    let out = std::process::Command::new(assert_cmd::cargo::cargo_bin("report"))
        .env("REPORT_LANG", "en")
        .arg("schema")
        .stdout(full())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot write to standard output"));
    // A reader that stops early is not an error.
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("report"))
        .env("REPORT_LANG", "en")
        .arg("schema")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn one_format_that_cannot_be_written_leaves_every_old_output() {
    let (dir, good) = with_seed();
    let out = dir.path().join("out");
    std::fs::create_dir_all(out.join("good.docx")).unwrap();
    std::fs::write(out.join("good.pdf"), b"the published version").unwrap();
    report()
        .arg("render")
        .arg(&good)
        .arg("-o")
        .arg(&out)
        .timeout(LIMIT)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("good.docx"))
        .stderr(predicate::str::contains(".good.").not());
    assert_eq!(read(&out.join("good.pdf")), b"the published version");
    assert_eq!(std::fs::read_dir(&out).unwrap().count(), 2);
}

#[test]
fn an_output_folder_that_is_a_file_is_named_as_such() {
    let (dir, good) = with_seed();
    let file = dir.path().join("notes.txt");
    std::fs::write(&file, b"mine").unwrap();
    report()
        .arg("render")
        .arg(&good)
        .arg("-o")
        .arg(&file)
        .timeout(LIMIT)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("it is a file, not a folder"));
    assert_eq!(read(&file), b"mine");
}

#[test]
fn verify_opens_only_regular_files_inside_the_manifest_folder() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    std::fs::create_dir(&out).unwrap();
    std::fs::write(dir.path().join("secret.txt"), b"not yours").unwrap();
    mkfifo(&out.join("pipe.pdf"));
    let entry = |path: &str| serde_json::json!({"path": path, "bytes": 9, "sha256": "0".repeat(64), "source": "", "source_sha256": ""});
    let manifest = serde_json::json!({
        "tool": "report",
        "version": env!("CARGO_PKG_VERSION"),
        "outputs": [entry("../secret.txt"), entry("/etc/passwd"), entry("/dev/zero"), entry("pipe.pdf")],
    });
    std::fs::write(out.join("manifest.json"), manifest.to_string()).unwrap();
    let assert = report()
        .arg("verify")
        .arg(out.join("manifest.json"))
        .timeout(LIMIT)
        .assert()
        .code(1);
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).into_owned();
    assert_eq!(
        stderr.matches("not a path inside the manifest's folder").count(),
        3,
        "{stderr}"
    );
    assert!(stderr.contains("named pipe"), "{stderr}");
}

#[test]
fn a_template_asking_for_a_package_is_told_packages_are_offline() {
    let (dir, good) = with_seed();
    let template = template_folder(dir.path());
    std::fs::write(
        template.join("report.typ"),
        "#import \"@preview/cetz:0.3.0\": canvas\nHello\n",
    )
    .unwrap();
    report()
        .arg("render")
        .arg(&good)
        .arg("--template")
        .arg(&template)
        .timeout(LIMIT)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("packages are not available"));
}

#[test]
fn control_characters_in_a_file_name_do_not_reach_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let name = dir.path().join("a\u{1b}[2Jb.yaml");
    std::fs::write(&name, "issuer: [").unwrap();
    let assert = report().arg("check").arg(&name).timeout(LIMIT).assert().code(2);
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).into_owned();
    assert!(!stderr.contains('\u{1b}'), "{stderr:?}");
    assert!(stderr.contains("a\\u{1b}[2Jb.yaml"), "{stderr}");
}

/// The paths a run of `report` opened (strace), or None where strace cannot trace.
fn opened_by(args: &[&std::ffi::OsStr], machine_fonts: &Path) -> Option<Vec<String>> {
    let traced = std::process::Command::new("strace")
        .args(["-o", "/dev/null", "true"])
        .status();
    if !traced.is_ok_and(|s| s.success()) {
        assert!(
            std::env::var_os("CI").is_none(),
            "strace is needed in CI (.ci/run installs it)"
        );
        eprintln!("strace cannot trace here; skipped");
        return None;
    }
    let log = tempfile::NamedTempFile::new().unwrap();
    let status = std::process::Command::new("strace")
        .args(["-f", "-qq", "-e", "trace=open,openat,openat2", "-o"])
        .arg(log.path())
        .arg(assert_cmd::cargo::cargo_bin("report"))
        .env("REPORT_LANG", "en")
        // The official-face notice reads the names of the machine's fonts (fontconfig's
        // folders here); the test points that scan at a folder of its own.
        .env("REPORT_SYSTEM_FONT_DIRS", machine_fonts)
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .unwrap();
    assert!(status.success());
    let trace = std::fs::read_to_string(log.path()).unwrap();
    Some(
        trace
            .lines()
            .filter(|l| !l.contains("ENOENT"))
            .filter_map(|l| l.split('"').nth(1).map(str::to_owned))
            .collect(),
    )
}

#[test]
#[ignore = "needs strace (installed by .ci/run)"]
fn nothing_is_opened_but_the_inputs_fonts_and_output_folder() {
    let (dir, good) = with_seed();
    symlink("/dev/zero", dir.path().join("z.yaml")).unwrap();
    mkfifo(&dir.path().join("p.yaml"));
    symlink(".", dir.path().join("loop")).unwrap();
    std::fs::write(dir.path().join("notes.txt"), "not a report").unwrap();
    let out = dir.path().join("out");
    let args = [
        std::ffi::OsStr::new("render"),
        good.as_os_str(),
        "-o".as_ref(),
        out.as_os_str(),
    ];
    let machine_fonts = tempfile::tempdir().unwrap();
    let Some(opened) = opened_by(&args, machine_fonts.path()) else {
        return;
    };
    let machine_fonts = std::fs::canonicalize(machine_fonts.path()).unwrap();
    let dir = std::fs::canonicalize(dir.path()).unwrap();
    let fonts = root().join("fonts");
    // What the Rust runtime and the loader open for every program.
    let system = ["/proc/self/", "/sys/fs/cgroup/", "/lib", "/usr/lib", "/etc/ld.so"];
    let mut seen_input = false;
    for path in &opened {
        let p = std::fs::canonicalize(path).unwrap_or_else(|_| Path::new(path).to_owned());
        let ok = p == dir
            || p.starts_with(dir.join("out"))
            || p == dir.join("good.yaml")
            || p.starts_with(&fonts)
            || p.starts_with(&machine_fonts)
            || system.iter().any(|s| path.starts_with(s));
        assert!(ok, "opened {path}; all: {opened:#?}");
        seen_input |= p == dir.join("good.yaml");
    }
    assert!(seen_input, "{opened:#?}");
}
