//! SIGKILL at any moment: a `render` and a `batch` killed at 30 points spread over their run.
//! After every kill, each output is whole, either the old file or the new one, never a mix or
//! a stub; the next run completes and leaves no temporary behind.

#![cfg(unix)]

mod common;

use common::*;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const KILLS: u32 = 30;

/// The seed with one paragraph changed, so old and new outputs differ.
fn changed_seed() -> String {
    let seed = std::fs::read_to_string(seed_yaml()).unwrap();
    let changed = seed.replacen("重庆市人民政府", "重庆市人民政府（修订）", 1);
    assert_ne!(seed, changed);
    changed
}

/// Runs `args` to the end; how long it took.
fn run(args: &[&std::ffi::OsStr]) -> Duration {
    let started = Instant::now();
    let status = Command::new(assert_cmd::cargo::cargo_bin("report"))
        .env("REPORT_LANG", "en")
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .unwrap();
    assert!(status.success(), "{args:?}");
    started.elapsed()
}

/// Starts `args` and kills it after `delay`.
fn kill_after(args: &[&std::ffi::OsStr], delay: Duration) {
    let mut child = Command::new(assert_cmd::cargo::cargo_bin("report"))
        .env("REPORT_LANG", "en")
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    std::thread::sleep(delay);
    // SIGKILL: nothing of ours runs after it (Child::kill sends SIGKILL on unix).
    let _ = child.kill();
    let _ = child.wait();
}

/// Kills `args` at KILLS points over `took`, and after each checks that every output in
/// `out` is one of `old` or `new` (by name), whole. Then a full run leaves no temporary.
fn kill_repeatedly(
    args: &[&std::ffi::OsStr],
    out: &Path,
    old: &BTreeMap<String, Vec<u8>>,
    new: &BTreeMap<String, Vec<u8>>,
    took: Duration,
) {
    let mut left_behind = 0;
    for i in 0..KILLS {
        // Spread over the run and a little past its end, where the renames happen.
        let delay = took.mul_f64(1.2 * f64::from(i) / f64::from(KILLS));
        kill_after(args, delay);
        for (name, bytes) in files(out) {
            if name.ends_with(".tmp") {
                left_behind += 1;
                continue;
            }
            let is_old = old.get(&name) == Some(&bytes);
            let is_new = new.get(&name) == Some(&bytes);
            assert!(
                is_old || is_new,
                "kill {i} at {delay:?}: {name} is neither the old nor the new file"
            );
        }
    }
    eprintln!("{left_behind} temporaries left behind by {KILLS} kills");
    run(args);
    assert_eq!(
        temporaries(out),
        Vec::<String>::new(),
        "after {left_behind} left behind"
    );
    for (name, bytes) in new {
        assert_eq!(files(out).get(name), Some(bytes), "{name} after the full run");
    }
}

#[test]
fn a_killed_render_leaves_old_or_new_outputs_and_the_next_run_no_temporary() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("r.yaml");
    let out = dir.path().join("out");
    let fresh = dir.path().join("fresh");
    let render = |out: &PathBuf| -> Vec<std::ffi::OsString> {
        vec![
            "render".into(),
            input.clone().into(),
            "-o".into(),
            out.clone().into(),
        ]
    };
    std::fs::copy(seed_yaml(), &input).unwrap();
    let args = render(&out);
    let args: Vec<&std::ffi::OsStr> = args.iter().map(|a| a.as_os_str()).collect();
    run(&args);
    let old = files(&out);
    std::fs::write(&input, changed_seed()).unwrap();
    let fresh_args = render(&fresh);
    let fresh_args: Vec<&std::ffi::OsStr> = fresh_args.iter().map(|a| a.as_os_str()).collect();
    let took = run(&fresh_args);
    let new = files(&fresh);
    assert_eq!(old.len(), 2);
    assert!(old.keys().all(|k| old[k] != new[k]));
    kill_repeatedly(&args, &out, &old, &new, took);
}

#[test]
fn a_killed_batch_leaves_old_or_new_outputs_and_the_next_run_no_temporary() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    std::fs::create_dir(&input).unwrap();
    for name in ["a", "b", "c"] {
        std::fs::copy(seed_yaml(), input.join(format!("{name}.yaml"))).unwrap();
    }
    let out = dir.path().join("out");
    let fresh = dir.path().join("fresh");
    let batch = |out: &PathBuf| -> Vec<std::ffi::OsString> {
        vec![
            "batch".into(),
            input.clone().into(),
            "-o".into(),
            out.clone().into(),
            "--jobs".into(),
            "2".into(),
        ]
    };
    let args = batch(&out);
    let args: Vec<&std::ffi::OsStr> = args.iter().map(|a| a.as_os_str()).collect();
    run(&args);
    let old = files(&out);
    for name in ["a", "b", "c"] {
        std::fs::write(input.join(format!("{name}.yaml")), changed_seed()).unwrap();
    }
    let fresh_args = batch(&fresh);
    let fresh_args: Vec<&std::ffi::OsStr> = fresh_args.iter().map(|a| a.as_os_str()).collect();
    let took = run(&fresh_args);
    let new = files(&fresh);
    // The reports, the summary and the manifest.
    assert_eq!(old.len(), 8, "{:?}", old.keys());
    kill_repeatedly(&args, &out, &old, &new, took);
}
