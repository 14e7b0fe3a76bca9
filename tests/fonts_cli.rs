//! The fonts on the clerk's machine: the notice when an official face is installed but a
//! bundled stand-in is used, and `--system-fonts` taking it. The machine's font folders are
//! replaced by a scratch one through REPORT_SYSTEM_FONT_DIRS, holding a font whose family
//! name is the official one (Liberation Serif with its name table rewritten: the notice
//! reads the family name, not the file name).

mod common;

use common::{report, root, seed_yaml};
use std::path::Path;

/// Liberation Serif renamed: family `en` (English name records) and `zh` (Chinese ones),
/// as the real 仿宋_GB2312 carries both names.
fn renamed_font(en: &str, zh: &str) -> Vec<u8> {
    let data = std::fs::read(root().join("fonts/LiberationSerif-Regular.ttf")).expect("bundled font");
    let u16_at = |at: usize| u16::from_be_bytes([data[at], data[at + 1]]);
    let num_tables = usize::from(u16_at(4));
    let record = (0..num_tables)
        .map(|i| 12 + 16 * i)
        .find(|&at| &data[at..at + 4] == b"name")
        .expect("a name table");

    // A format 0 name table: family (1), subfamily (2), full name (4), PostScript name (6),
    // in English (0x0409) and Chinese (0x0804), Windows Unicode (3, 1).
    let utf16 = |s: &str| s.encode_utf16().flat_map(u16::to_be_bytes).collect::<Vec<u8>>();
    let mut names: Vec<(u16, u16, Vec<u8>)> = Vec::new();
    for (lang, family) in [(0x0409u16, en), (0x0804, zh)] {
        names.push((lang, 1, utf16(family)));
        names.push((lang, 2, utf16("Regular")));
        names.push((lang, 4, utf16(family)));
        names.push((lang, 6, utf16(&en.replace(' ', ""))));
    }
    names.sort_by_key(|(lang, id, _)| (*lang, *id));
    let mut table = Vec::new();
    let mut strings: Vec<u8> = Vec::new();
    table.extend(0u16.to_be_bytes());
    table.extend((names.len() as u16).to_be_bytes());
    table.extend((6 + 12 * names.len() as u16).to_be_bytes());
    for (lang, id, bytes) in &names {
        for v in [3u16, 1, *lang, *id, bytes.len() as u16, strings.len() as u16] {
            table.extend(v.to_be_bytes());
        }
        strings.extend(bytes);
    }
    table.extend(strings);

    let mut font = data.clone();
    while !font.len().is_multiple_of(4) {
        font.push(0);
    }
    let offset = font.len() as u32;
    font.extend(&table);
    font[record + 8..record + 12].copy_from_slice(&offset.to_be_bytes());
    font[record + 12..record + 16].copy_from_slice(&(table.len() as u32).to_be_bytes());
    font
}

/// A scratch "machine font folder" holding FangSong_GB2312.ttf.
fn machine_fonts() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(
        dir.path().join("FangSong_GB2312.ttf"),
        renamed_font("FangSong_GB2312", "仿宋_GB2312"),
    )
    .expect("write font");
    dir
}

fn render_pdf(machine: &Path, out: &Path, extra: &[&str]) -> std::process::Output {
    report()
        .env("REPORT_SYSTEM_FONT_DIRS", machine)
        .args(["render", "--format", "pdf", "-o"])
        .arg(out)
        .arg(seed_yaml())
        .args(extra)
        .output()
        .expect("run report render")
}

#[test]
fn an_installed_official_face_is_noticed_once_in_chinese() {
    let machine = machine_fonts();
    let out = tempfile::tempdir().expect("temp dir");
    let run = render_pdf(machine.path(), out.path(), &["--lang", "zh"]);
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    let stderr = String::from_utf8_lossy(&run.stderr);
    let font = machine.path().join("FangSong_GB2312.ttf");
    let expected = format!(
        "提示：本机已安装以下字体但未使用：仿宋_GB2312（{}，本次使用 FandolFang R 替代）。请用 --system-fonts 使用本机字体",
        font.display()
    );
    assert_eq!(stderr.matches(&expected).count(), 1, "{stderr}");
    assert_eq!(stderr.matches("提示：").count(), 1, "{stderr}");
}

#[test]
fn the_notice_follows_the_locale_when_no_language_is_set() {
    let machine = machine_fonts();
    let out = tempfile::tempdir().expect("temp dir");
    let run = report()
        .env_remove("REPORT_LANG")
        .env("LANG", "zh_CN.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("REPORT_SYSTEM_FONT_DIRS", machine.path())
        .args(["render", "--format", "pdf", "-o"])
        .arg(out.path())
        .arg(seed_yaml())
        .output()
        .expect("run report render");
    assert!(run.status.success());
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(
        stderr.contains("本机已安装以下字体但未使用：仿宋_GB2312（"),
        "{stderr}"
    );
}

#[test]
fn a_batch_notices_once_per_run_and_english_names_the_flag() {
    let machine = machine_fonts();
    let out = tempfile::tempdir().expect("temp dir");
    let run = report()
        .env("REPORT_SYSTEM_FONT_DIRS", machine.path())
        .args(["batch", "--format", "pdf", "-o"])
        .arg(out.path())
        .arg(root().join("reports/yunxi-2023.yaml"))
        .arg(root().join("reports/yunxi-2024.yaml"))
        .output()
        .expect("run report batch");
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert_eq!(
        stderr
            .matches("note: installed on this machine but not used: 仿宋_GB2312 (")
            .count(),
        1,
        "{stderr}"
    );
    assert!(
        stderr.contains("instead of FandolFang R). Add --system-fonts to use it"),
        "{stderr}"
    );
}

#[test]
fn no_notice_with_system_fonts_which_then_set_the_body_in_the_official_face() {
    let machine = machine_fonts();
    let run = report()
        .env("REPORT_SYSTEM_FONT_DIRS", machine.path())
        .args(["fonts", "--system-fonts"])
        .output()
        .expect("run report fonts");
    assert!(run.status.success());
    let stdout = String::from_utf8_lossy(&run.stdout);
    assert!(stdout.lines().any(|l| l == "body\tFangSong_GB2312"), "{stdout}");

    let out = tempfile::tempdir().expect("temp dir");
    let run = render_pdf(machine.path(), out.path(), &["--system-fonts"]);
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(!stderr.contains("installed on this machine"), "{stderr}");
    // Nor when the official face comes from --font-dir.
    let run = render_pdf(
        machine.path(),
        out.path(),
        &["--font-dir", &machine.path().to_string_lossy()],
    );
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(!stderr.contains("installed on this machine"), "{stderr}");
}

#[test]
fn no_notice_when_the_machine_has_no_official_face() {
    let empty = tempfile::tempdir().expect("temp dir");
    let out = tempfile::tempdir().expect("temp dir");
    let run = render_pdf(empty.path(), out.path(), &[]);
    assert!(run.status.success());
    assert!(
        String::from_utf8_lossy(&run.stderr).is_empty(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
}

/// The machine's own discovery (fontdb: fontconfig's folders, or the usual ones without
/// fontconfig) finds a font the user installed in ~/.local/share/fonts.
#[cfg(target_os = "linux")]
#[test]
fn a_font_in_the_users_own_font_folder_is_found() {
    let home = tempfile::tempdir().expect("temp dir");
    let fonts = home.path().join(".local/share/fonts");
    std::fs::create_dir_all(&fonts).unwrap();
    std::fs::write(
        fonts.join("FangSong_GB2312.ttf"),
        renamed_font("FangSong_GB2312", "仿宋_GB2312"),
    )
    .unwrap();
    let out = tempfile::tempdir().expect("temp dir");
    let run = report()
        .env_remove("REPORT_SYSTEM_FONT_DIRS")
        .env_remove("XDG_DATA_HOME")
        .env_remove("XDG_CONFIG_HOME")
        .env_remove("FONTCONFIG_FILE")
        .env("HOME", home.path())
        .args(["render", "--format", "pdf", "-o"])
        .arg(out.path())
        .arg(seed_yaml())
        .output()
        .expect("run report render");
    assert!(run.status.success());
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(
        stderr.contains(&format!(
            "仿宋_GB2312 ({}",
            fonts.join("FangSong_GB2312.ttf").display()
        )),
        "{stderr}"
    );
}
