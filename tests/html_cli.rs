//! `--format html` and `html-fragment` driven as a user drives them: what the page holds
//! and never holds (a request out of the file, markup from the report's text), the same
//! bytes for the same input, bad input stopped as for the other formats, and a batch's
//! index.html. What a browser makes of the pages is in tests/html_browser.rs.

mod common;

use common::*;
use std::path::{Path, PathBuf};

const EXAMPLES: [&str; 4] = ["chongqing-2014", "yunxi-2024", "yunxi-2019", "qinghe-2013"];

fn render_html(yaml: &Path, dir: &Path, format: &str) -> std::process::Output {
    report()
        .args(["render", "--format", format, "-o"])
        .arg(dir)
        .arg(yaml)
        .output()
        .unwrap()
}

fn example(name: &str) -> PathBuf {
    root().join(format!("reports/{name}.yaml"))
}

/// The attribute values of `name` in `html` (`src`, `href` …).
fn attributes(html: &str, name: &str) -> Vec<String> {
    let re = regex::Regex::new(&format!(r#"\s{name}="([^"]*)""#)).unwrap();
    re.captures_iter(html).map(|c| c[1].to_owned()).collect()
}

#[test]
fn every_example_is_one_self_contained_page_in_chinese() {
    let dir = tempfile::tempdir().unwrap();
    let title = regex::Regex::new("<title>([^<]+)</title>").unwrap();
    for name in EXAMPLES {
        let out = render_html(&example(name), dir.path(), "html,html-fragment");
        assert!(
            out.status.success(),
            "{name}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        for file in [format!("{name}.html"), format!("{name}.fragment.html")] {
            let html = std::fs::read_to_string(dir.path().join(&file)).unwrap();
            // Nothing is fetched: no script, link, image, frame, import or url().
            for tag in [
                "<script", "<link", "<img", "<iframe", "<object", "@import", "url(",
            ] {
                assert!(!html.contains(tag), "{file} holds {tag}");
            }
            for value in attributes(&html, "src").iter().chain(&attributes(&html, "href")) {
                assert!(
                    !value.contains(':') && !value.starts_with("//"),
                    "{file}: {value}"
                );
            }
            // Every table is a real one, with its spans.
            assert_eq!(html.matches("<table").count(), html.matches("</table>").count());
        }
        let page = std::fs::read_to_string(dir.path().join(format!("{name}.html"))).unwrap();
        assert!(
            page.starts_with("<!DOCTYPE html>\n<html lang=\"zh-CN\">"),
            "{name}"
        );
        assert!(page.contains("<meta charset=\"utf-8\">"));
        let title = &title.captures(&page).unwrap()[1];
        assert!(title.contains("政府信息公开"), "{name}: {title}");
        assert_eq!(page.matches("<h1").count(), 1, "{name}: one h1, the title");
        let fragment = std::fs::read_to_string(dir.path().join(format!("{name}.fragment.html"))).unwrap();
        assert!(fragment.starts_with("<article style="), "{name}");
        assert!(
            !fragment.contains("<style") && !fragment.contains("class="),
            "{name}"
        );
    }
}

#[test]
fn table_3_keeps_its_official_structure() {
    let dir = tempfile::tempdir().unwrap();
    render_html(&example("yunxi-2024"), dir.path(), "html");
    let page = std::fs::read_to_string(dir.path().join("yunxi-2024.html")).unwrap();
    let table3 = page
        .split("<table")
        .find(|t| t.contains("申请人情况"))
        .expect("table 3");
    // The 3 × 3 corner, the 22-row 三、本年度办理结果 column, header rows in thead.
    assert!(
        table3.contains(" scope=\"colgroup\" colspan=\"3\" rowspan=\"3\">"),
        "{table3}"
    );
    assert!(
        table3.contains(" rowspan=\"22\">三、本年度办理结果</th>"),
        "{table3}"
    );
    let head = &table3[table3.find("<thead>").unwrap()..table3.find("</thead>").unwrap()];
    assert_eq!(head.matches("<tr>").count(), 3);
    assert!(!head.contains("<td"), "every header cell is a th");
    // Every 0 is printed: 25 rows of 7 numbers, none left empty.
    let body = &table3[table3.find("<tbody>").unwrap()..];
    let empty = regex::Regex::new(r"<td[^>]*></td>").unwrap();
    assert!(!empty.is_match(body), "an empty cell in table 3");
    assert_eq!(
        regex::Regex::new(r"<td[^>]*>").unwrap().find_iter(body).count(),
        25 * 7
    );
}

#[test]
fn report_text_that_looks_like_markup_prints_as_text() {
    let yaml = "issuer: 某区<b>人民政府</b>\nyear: 2024\ndate: 2025-01-10\npreamble:\n  - 本报告中所列数据统计期限为2024年1月1日至2024年12月31日。\nparts:\n  - heading: 主动公开</h2><script>alert(1)</script>\n    body:\n      - 输入 </table> 与 &amp; 与 \"引号\" 都原样印出。\n      - table:\n          header:\n            - [项目, 数量]\n          rows:\n            - [\"<td>x</td>\", 1]\n";
    let (dir, path) = scratch_with("r.yaml", yaml);
    for format in ["html", "html-fragment"] {
        let out = render_html(&path, dir.path(), format);
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let ext = if format == "html" { "html" } else { "fragment.html" };
        let html = std::fs::read_to_string(dir.path().join(format!("r.{ext}"))).unwrap();
        assert!(!html.contains("<script>") && !html.contains("<b>"), "{html}");
        assert!(html.contains("主动公开&lt;/h2&gt;&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(html.contains("输入 &lt;/table&gt; 与 &amp;amp; 与 &quot;引号&quot; 都原样印出。"));
        assert!(html.contains("&lt;td&gt;x&lt;/td&gt;"));
        assert_eq!(html.matches("<table").count(), 1);
    }
}

#[test]
fn the_same_input_gives_the_same_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let yaml = example("yunxi-2024");
    render_html(&yaml, dir.path(), "html,html-fragment");
    let first = (
        read(&dir.path().join("yunxi-2024.html")),
        read(&dir.path().join("yunxi-2024.fragment.html")),
    );
    render_html(&yaml, dir.path(), "html,html-fragment");
    assert!(first.0 == read(&dir.path().join("yunxi-2024.html")));
    assert!(first.1 == read(&dir.path().join("yunxi-2024.fragment.html")));
}

#[test]
fn bad_input_is_stopped_as_for_pdf_and_the_old_page_is_kept() {
    let (dir, path) = scratch_with(
        "r.yaml",
        "issuer: 某区人民政府\nyear: 2024\nparts: []\nbogus: 1\n",
    );
    let page = dir.path().join("r.html");
    std::fs::write(&page, "the page as published").unwrap();
    let html = render_html(&path, dir.path(), "html");
    let pdf = render_html(&path, dir.path(), "pdf");
    assert_eq!(html.status.code(), Some(2));
    assert_eq!(html.stderr, pdf.stderr, "the same message whatever the format");
    assert!(String::from_utf8_lossy(&html.stderr).contains("r.yaml:4:1"));
    assert_eq!(std::fs::read_to_string(&page).unwrap(), "the page as published");
}

#[test]
fn a_batch_with_html_writes_an_index_of_every_report_and_its_files() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    std::fs::create_dir(&input).unwrap();
    for name in ["yunxi-2023", "yunxi-2024"] {
        std::fs::copy(example(name), input.join(format!("{name}.yaml"))).unwrap();
    }
    std::fs::write(input.join("bad #1.yaml"), "issuer: 某区\nyear: 2024\nbogus: 1\n").unwrap();
    let out = dir.path().join("out");
    let status = report()
        .args(["batch", "--format", "pdf,html", "-o"])
        .arg(&out)
        .arg(&input)
        .output()
        .unwrap();
    assert_eq!(status.status.code(), Some(2), "a report could not be read");
    let index = std::fs::read_to_string(out.join("index.html")).unwrap();
    assert!(index.contains("共3份报告，已生成2份，未生成1份。"), "{index}");
    assert!(index.contains(">bad #1.yaml</th>"), "named by its file: {index}");
    assert!(
        index.contains("未生成：error[Y-UNKNOWN-KEY]: bad #1.yaml:3:1:"),
        "{index}"
    );
    assert!(
        !index.contains(&input.display().to_string()),
        "no local path in the page"
    );
    // Every link names a file the batch wrote (manifest.json is written last).
    let hrefs = attributes(&index, "href");
    for file in [
        "yunxi-2023.pdf",
        "yunxi-2024.html",
        "summary.json",
        "rollup.html",
        "manifest.json",
    ] {
        assert!(hrefs.iter().any(|h| h == file), "{file} not linked: {hrefs:?}");
    }
    for href in &hrefs {
        assert!(out.join(href).exists(), "{href} links to nothing");
    }
    let manifest = std::fs::read_to_string(out.join("manifest.json")).unwrap();
    assert!(manifest.contains("\"path\": \"index.html\""));
}
