//! `report watch`: the binary run in the background on a scratch copy of the seed, edited
//! as an editor saves it, and stopped with a signal. Every wait polls for what the user would
//! see (a status line, a file) with a generous deadline; the child is killed if a test fails.

#![cfg(unix)]

mod common;

use common::*;
use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::Path;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Long enough for a debug build on a busy machine with two cores.
const DEADLINE: Duration = Duration::from_secs(180);

/// A running `report watch`, its stderr collected as it comes.
struct Watch {
    child: Child,
    stderr: Arc<Mutex<String>>,
}

impl Watch {
    /// `report watch ARGS` in `dir`, with `env` set (REPORT_LANG=en unless `env` says
    /// otherwise; a `None` value removes the variable).
    fn start(dir: &Path, args: &[&str], env: &[(&str, Option<&str>)]) -> Watch {
        let mut cmd = Command::new(assert_cmd::cargo::cargo_bin("report"));
        cmd.current_dir(dir)
            .env("REPORT_LANG", "en")
            .arg("watch")
            .args(args)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped());
        for (k, v) in env {
            match v {
                Some(v) => cmd.env(k, v),
                None => cmd.env_remove(k),
            };
        }
        let mut child = cmd.spawn().expect("start report watch");
        let stderr = Arc::new(Mutex::new(String::new()));
        let pipe = child.stderr.take().expect("stderr");
        let collected = Arc::clone(&stderr);
        std::thread::spawn(move || {
            for line in BufReader::new(pipe).lines() {
                let Ok(line) = line else { break };
                let mut s = collected.lock().unwrap();
                s.push_str(&line);
                s.push('\n');
            }
        });
        Watch { child, stderr }
    }

    fn stderr(&self) -> String {
        self.stderr.lock().unwrap().clone()
    }

    /// Waits until `done` holds for what stderr has shown so far.
    fn wait_for(&mut self, what: &str, done: impl Fn(&str) -> bool) {
        let started = Instant::now();
        loop {
            let text = self.stderr();
            if done(&text) {
                return;
            }
            if let Ok(Some(status)) = self.child.try_wait() {
                panic!("report watch ended ({status}) before {what}:\n{text}");
            }
            assert!(
                started.elapsed() < DEADLINE,
                "no {what} within {DEADLINE:?}:\n{text}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Waits for the `n`-th status line that starts (after its time) with `word`.
    fn wait_for_status(&mut self, word: &str, n: usize) {
        let what = format!("status line #{n} «{word}»");
        self.wait_for(&what, |text| status_lines(text, word) >= n);
    }

    /// Sends `signal` and waits for the end.
    fn signal(&mut self, signal: libc::c_int) -> ExitStatus {
        let pid = libc::pid_t::try_from(self.child.id()).unwrap();
        // SAFETY: sends a signal to our own child.
        assert_eq!(unsafe { libc::kill(pid, signal) }, 0);
        let started = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status;
            }
            assert!(
                started.elapsed() < DEADLINE,
                "still running after the signal:\n{}",
                self.stderr()
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Watch {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

/// How many status lines `HH:MM:SS WORD…` the text holds.
fn status_lines(text: &str, word: &str) -> usize {
    text.lines()
        .filter(|l| {
            let b = l.as_bytes();
            b.len() > 9
                && b[..8].iter().enumerate().all(|(i, c)| {
                    if i % 3 == 2 {
                        *c == b':'
                    } else {
                        c.is_ascii_digit()
                    }
                })
                && l[8..].starts_with(&format!(" {word}"))
        })
        .count()
}

/// The seed with its issuer's name changed (so outputs differ), or with a doc number in
/// the wrong brackets (an error, D-DOCNO).
fn seed() -> String {
    std::fs::read_to_string(seed_yaml()).unwrap()
}
fn edited(seed: &str) -> String {
    let changed = seed.replacen("重庆市人民政府", "重庆市人民政府（修订）", 1);
    assert_ne!(seed, changed);
    changed
}
fn with_error(seed: &str) -> String {
    let bad = seed.replacen("〔2014〕87号", "[2014]87号", 1);
    assert_ne!(seed, bad);
    bad
}

/// Saves `text` as an editor does: a temporary beside the file, renamed over it.
fn save_by_rename(path: &Path, text: &str) {
    let tmp = path.with_file_name(format!(".{}.swp", path.file_name().unwrap().to_string_lossy()));
    std::fs::write(&tmp, text).unwrap();
    std::fs::rename(&tmp, path).unwrap();
}

/// What `report render` writes for `yaml` (saved as `name`) with `args`, by file name.
fn rendered(name: &str, yaml: &str, args: &[&str]) -> BTreeMap<String, Vec<u8>> {
    let (dir, path) = scratch_with(name, yaml);
    let out = dir.path().join("out");
    report()
        .arg("render")
        .arg(&path)
        .arg("-o")
        .arg(&out)
        .args(args)
        .assert()
        .success();
    files(&out)
}

fn outputs(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    files(dir)
        .into_iter()
        .filter(|(n, _)| !n.ends_with(".yaml"))
        .collect()
}

#[test]
fn every_save_renders_again_and_a_version_with_errors_keeps_the_last_good_outputs() {
    let seed = seed();
    let (dir, path) = scratch_with("r.yaml", &seed);
    let out = dir.path().join("out");
    let mut watch = Watch::start(dir.path(), &["r.yaml", "-o", "out"], &[]);

    watch.wait_for_status("rendered", 1);
    let first = files(&out);
    assert_eq!(first.keys().collect::<Vec<_>>(), ["r.docx", "r.pdf"]);
    assert_eq!(first, rendered("r.yaml", &seed, &[]), "the same as report render");

    // Written in place.
    std::fs::write(&path, edited(&seed)).unwrap();
    watch.wait_for_status("rendered", 2);
    let second = files(&out);
    assert_ne!(second["r.pdf"], first["r.pdf"]);
    assert_ne!(second["r.docx"], first["r.docx"]);
    assert_eq!(
        second,
        rendered("r.yaml", &edited(&seed), &[]),
        "the same as report render"
    );

    std::fs::write(&path, with_error(&edited(&seed))).unwrap();
    watch.wait_for_status("the report has errors: the last good outputs are kept", 1);
    let text = watch.stderr();
    assert!(
        text.contains("error[D-DOCNO]") && text.contains("r.yaml:44:"),
        "{text}"
    );
    assert_eq!(files(&out), second, "the last good outputs stay byte-identical");

    std::fs::write(&path, seed.clone()).unwrap();
    watch.wait_for_status("rendered", 3);
    assert_eq!(files(&out), first);

    let status = watch.signal(libc::SIGINT);
    assert_eq!(status.code(), Some(0), "{}", watch.stderr());
    let text = watch.stderr();
    assert!(text.contains("Stopped watching r.yaml"), "{text}");
    // Into a pipe: a separator line per run, never an escape code.
    assert_eq!(text.matches("── ").count(), 4, "{text}");
    assert!(!text.contains('\x1b'), "{text:?}");
    assert!(temporaries(&out).is_empty() && temporaries(dir.path()).is_empty());
}

#[test]
fn report_toml_beside_the_report_sets_what_watch_renders_and_where() {
    let seed = seed();
    let (dir, _path) = scratch_with("r.yaml", &seed);
    std::fs::write(
        dir.path().join("report.toml"),
        "formats = [\"docx\"]\noutput-dir = \"输出\"\n",
    )
    .unwrap();
    let mut watch = Watch::start(dir.path(), &["r.yaml"], &[]);
    watch.wait_for_status("rendered", 1);
    let written = files(&dir.path().join("输出"));
    assert_eq!(
        written.keys().collect::<Vec<_>>(),
        ["r.docx"],
        "{}",
        watch.stderr()
    );
    assert!(!dir.path().join("r.pdf").exists());
    let status = watch.signal(libc::SIGTERM);
    assert_eq!(status.code(), Some(0), "{}", watch.stderr());
}

#[test]
fn a_save_by_rename_is_followed_and_a_first_version_with_errors_writes_nothing() {
    let seed = seed();
    let (dir, path) = scratch_with("r.yaml", &with_error(&seed));
    let mut watch = Watch::start(
        dir.path(),
        &["r.yaml", "--format", "html"],
        &[("REPORT_LANG", Some("zh"))],
    );
    watch.wait_for_status("报告有错误，未生成输出", 1);
    assert!(outputs(dir.path()).is_empty(), "{:?}", outputs(dir.path()).keys());

    save_by_rename(&path, &seed);
    watch.wait_for_status("已生成 r.html", 1);
    assert_eq!(
        outputs(dir.path()),
        rendered("r.yaml", &seed, &["--format", "html"])
    );

    save_by_rename(&path, &with_error(&seed));
    watch.wait_for_status("报告有错误，保留上次的输出", 1);
    assert_eq!(
        outputs(dir.path()),
        rendered("r.yaml", &seed, &["--format", "html"])
    );

    // Deleted, then made again: still followed.
    std::fs::remove_file(&path).unwrap();
    watch.wait_for("the message that the file is gone", |t| t.contains("无法读取"));
    std::fs::write(&path, edited(&seed)).unwrap();
    watch.wait_for_status("已生成 r.html", 2);
    assert_eq!(
        outputs(dir.path()),
        rendered("r.yaml", &edited(&seed), &["--format", "html"])
    );
}

#[test]
fn under_a_chinese_locale_the_status_is_chinese_and_sigterm_ends_it_cleanly() {
    let (dir, _path) = scratch_with("r.yaml", &seed());
    let mut watch = Watch::start(
        dir.path(),
        &["r.yaml", "--format", "html-fragment"],
        &[
            ("REPORT_LANG", None),
            ("LC_ALL", None),
            ("LC_MESSAGES", None),
            ("LANG", Some("zh_CN.UTF-8")),
        ],
    );
    watch.wait_for_status("已生成 r.fragment.html", 1);
    let text = watch.stderr();
    assert!(
        text.contains("正在监视 r.yaml：每次保存后自动检查并重新生成；按 Ctrl-C 结束"),
        "{text}"
    );
    let status = watch.signal(libc::SIGTERM);
    assert_eq!(status.code(), Some(0), "{}", watch.stderr());
    assert!(watch.stderr().contains("已停止监视 r.yaml"), "{}", watch.stderr());
    assert!(temporaries(dir.path()).is_empty());
}

/// What the last run printed: stderr after its separator line.
fn last_run(text: &str) -> &str {
    text.rsplit_once("── ").map_or(text, |(_, last)| last)
}

#[test]
fn a_change_to_last_years_report_beside_it_checks_again() {
    let seed = seed();
    let (dir, _path) = scratch_with("r.yaml", &seed);
    // Last year's, found beside the file: every paragraph the same, so S-COPY warns.
    let last_year = dir.path().join("r-2013.yaml");
    std::fs::write(&last_year, seed.replacen("year: 2014", "year: 2013", 1)).unwrap();
    let mut watch = Watch::start(dir.path(), &["r.yaml", "--format", "html-fragment"], &[]);
    watch.wait_for_status("rendered r.fragment.html", 1);
    let text = watch.stderr();
    let first = last_run(&text);
    assert!(
        first.contains("warning[S-COPY]: r.yaml:14:15") && first.contains("r.yaml:16:15"),
        "{first}"
    );

    // Last year's first paragraph (line 14) rewritten: this year's is no longer a copy.
    let text = std::fs::read_to_string(&last_year).unwrap();
    let mut lines: Vec<&str> = text.lines().collect();
    assert!(
        lines[13].starts_with("        text: 今年以来，我市先后两次取消"),
        "{}",
        lines[13]
    );
    lines[13] = "        text: 去年本市调整了部分行政审批事项，详见市政府网站。";
    let rewritten = lines.join("\n") + "\n";
    save_by_rename(&last_year, &rewritten);
    watch.wait_for_status("rendered r.fragment.html", 2);
    let text = watch.stderr();
    let second = last_run(&text);
    assert!(
        !second.contains("r.yaml:14:15") && second.contains("r.yaml:16:15"),
        "{second}"
    );
}

#[test]
fn a_change_in_the_template_folder_renders_again() {
    let (dir, _path) = scratch_with("r.yaml", &seed());
    let template = dir.path().join("tpl");
    std::fs::create_dir(&template).unwrap();
    for f in ["layout.toml", "report.typ"] {
        std::fs::copy(root().join("templates/gbt9704").join(f), template.join(f)).unwrap();
    }
    let mut watch = Watch::start(
        dir.path(),
        &["r.yaml", "--format", "pdf", "-o", "out", "--template", "tpl"],
        &[],
    );
    watch.wait_for_status("rendered r.pdf", 1);
    let first = read(&dir.path().join("out/r.pdf"));
    assert_eq!(first, rendered("r.yaml", &seed(), &["--format", "pdf"])["r.pdf"]);

    // A template that no longer compiles: said so, the PDF stays.
    let typ = template.join("report.typ");
    let good = std::fs::read_to_string(&typ).unwrap();
    std::fs::write(&typ, format!("{good}\n#(")).unwrap();
    watch.wait_for("the template's error", |t| {
        last_run(t).contains("could not render")
    });
    assert_eq!(read(&dir.path().join("out/r.pdf")), first);

    std::fs::write(&typ, format!("{good}\n// edited\n")).unwrap();
    watch.wait_for_status("rendered r.pdf", 2);
}

/// GET `target` from 127.0.0.1:`port`: status code and body.
fn get(port: u16, target: &str) -> (u16, String) {
    let mut stream = std::net::TcpStream::connect(("127.0.0.1", port)).unwrap();
    stream.set_read_timeout(Some(Duration::from_secs(120))).unwrap();
    write!(
        stream,
        "GET {target} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut response = Vec::new();
    stream.read_to_end(&mut response).unwrap();
    let response = String::from_utf8(response).unwrap();
    let (head, body) = response.split_once("\r\n\r\n").unwrap();
    let code = head.split(' ').nth(1).unwrap().parse().unwrap();
    (code, body.to_owned())
}

/// The generation the served page was made at (its script's `var seen = N;`).
fn seen(page: &str) -> u64 {
    let at = page.find("var seen = ").expect("the reload script") + "var seen = ".len();
    page[at..].split(';').next().unwrap().parse().unwrap()
}

#[test]
fn the_served_page_reloads_itself_and_the_file_stays_as_render_writes_it() {
    let seed = seed();
    let (dir, path) = scratch_with("r.yaml", &seed);
    let mut watch = Watch::start(dir.path(), &["r.yaml", "--format", "html"], &[]);
    watch.wait_for_status("rendered r.html", 1);
    let text = watch.stderr();
    let url = text
        .lines()
        .find_map(|l| l.strip_prefix("Open http://127.0.0.1:"))
        .unwrap_or_else(|| panic!("no address:\n{text}"));
    let port: u16 = url.split('/').next().unwrap().parse().unwrap();

    let on_disk = String::from_utf8(read(&dir.path().join("r.html"))).unwrap();
    assert!(!on_disk.contains("report-watch-reload") && !on_disk.contains("__report"));
    assert_eq!(
        outputs(dir.path()),
        rendered("r.yaml", &seed, &["--format", "html"])
    );

    let (code, page) = get(port, "/");
    assert_eq!(code, 200);
    assert!(page.contains("<script id=\"report-watch-reload\">"), "{page}");
    assert_eq!(
        page.replace(
            &page[page.find("<script id=").unwrap()..page.find("</script>\n").unwrap() + 10],
            ""
        ),
        on_disk,
        "the page as written, with only the script added"
    );
    assert_eq!(get(port, "/r.html").1, page);
    assert_eq!(get(port, "/r.yaml").0, 404, "only the page is served");

    // A poll made before the edit answers once the report is rendered again.
    let generation = seen(&page);
    let poll = std::thread::spawn(move || get(port, &format!("/__report/events?since={generation}")));
    std::fs::write(&path, edited(&seed)).unwrap();
    watch.wait_for_status("rendered r.html", 2);
    let (code, answer) = poll.join().unwrap();
    assert_eq!(code, 200);
    assert_ne!(
        answer.trim(),
        generation.to_string(),
        "the poll signals the new rendering"
    );
    let (_, page) = get(port, "/");
    assert!(page.contains("重庆市人民政府（修订）") && seen(&page) > generation);
    assert_eq!(
        outputs(dir.path()),
        rendered("r.yaml", &edited(&seed), &["--format", "html"])
    );

    // A version with errors: the page served is the last good one, with a notice.
    std::fs::write(&path, with_error(&seed)).unwrap();
    watch.wait_for_status("the report has errors", 1);
    let (_, page) = get(port, "/");
    assert!(
        page.contains("重庆市人民政府（修订）") && page.contains("report-watch-notice"),
        "{page}"
    );

    // A request naming another host (DNS rebinding) is refused.
    let mut stream = std::net::TcpStream::connect(("127.0.0.1", port)).unwrap();
    write!(
        stream,
        "GET / HTTP/1.1\r\nHost: evil.example:{port}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    assert!(response.starts_with("HTTP/1.1 403"), "{response}");
}

#[test]
fn watch_help_lists_its_flags() {
    let out = report().args(["watch", "--help"]).output().unwrap();
    assert!(out.status.success());
    let help = String::from_utf8(out.stdout).unwrap();
    for flag in [
        "--format",
        "--output-dir",
        "--pdf-standard",
        "--deny-warnings",
        "--previous",
        "--template",
        "--font-dir",
        "--system-fonts",
        "--port",
        "report watch 2024.yaml --format html",
    ] {
        assert!(help.contains(flag), "{flag}:\n{help}");
    }
    let zh = report()
        .args(["watch", "--help", "--lang", "zh"])
        .output()
        .unwrap();
    let zh = String::from_utf8(zh.stdout).unwrap();
    assert!(
        zh.contains("每次保存后自动重新生成报告") && zh.contains("选项："),
        "{zh}"
    );
}

#[test]
fn standard_input_cannot_be_watched() {
    let out = report().args(["watch", "-"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("report watch needs a file to watch"), "{err}");
}
