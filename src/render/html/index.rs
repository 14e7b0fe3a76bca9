//! A batch's `index.html`, for a city office's page: every report of the batch with its
//! issuer, year and status (rendered, rendered with its errors allowed, or not rendered and
//! why), and links to its files and to the batch's own (summary, roll-up, manifest). Built
//! with the report pages' stylesheet, so it reads like them.

use super::{Head, Styles, attr, page, text};
use crate::layout::Layout;
use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};
use std::fmt::Write;

/// What a relative link may keep as it is; every other byte of a file name is escaped, so
/// `#`, `?`, `%` or a space in a name still names the file.
const PATH: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~')
    .remove(b'/');

/// How one report of the batch ended.
pub enum Status<'a> {
    Rendered,
    /// Rendered with `--allow-errors`: the first error.
    RenderedWithErrors(&'a str),
    /// Not rendered: why.
    Failed(&'a str),
}

/// One report's row.
pub struct Entry<'a> {
    /// The issuer, or the input file when it could not be read.
    pub name: &'a str,
    pub year: Option<u16>,
    pub status: Status<'a>,
    /// Its files, relative to the index.
    pub files: Vec<&'a str>,
}

/// What a file is, as its link says it.
fn kind(path: &str) -> &'static str {
    let p = path.to_ascii_lowercase();
    if p.ends_with(".fragment.html") {
        "网页片段"
    } else if p.ends_with(".html") {
        "网页"
    } else if p.ends_with(".pdf") {
        "PDF"
    } else if p.ends_with(".docx") {
        "Word"
    } else if p.ends_with(".csv") {
        "CSV"
    } else if p.ends_with(".json") {
        "JSON"
    } else {
        "文件"
    }
}

fn links(out: &mut String, files: &[&str]) {
    for (k, file) in files.iter().enumerate() {
        if k > 0 {
            out.push(' ');
        }
        let href = utf8_percent_encode(file, PATH).to_string();
        let _ = write!(out, "<a href=\"{}\">{}</a>", attr(&href), kind(file));
        // The link's text says the kind; the name follows for a reader who needs it.
        out.push('（');
        text(out, file);
        out.push('）');
    }
}

/// The page: a table of `entries`, then the batch's own `shared` files.
pub fn page_of(layout: &Layout, entries: &[Entry], shared: &[&str]) -> Vec<u8> {
    let s = Styles::new(layout, false);
    let rendered = entries
        .iter()
        .filter(|e| !matches!(e.status, Status::Failed(_)))
        .count();
    let title = "政府信息公开工作年度报告 批量生成结果";
    let mut article = String::new();
    let _ = writeln!(article, "<article{}>", s.attrs(&["report"], ""));
    let _ = writeln!(article, "<h1{}>{title}</h1>", s.attrs(&["title"], ""));
    let _ = writeln!(
        article,
        "<p{}>共{}份报告，已生成{}份，未生成{}份。</p>",
        s.attrs(&["p"], ""),
        entries.len(),
        rendered,
        entries.len() - rendered
    );
    let _ = write!(
        article,
        "<div{} role=\"region\" aria-label=\"报告一览\" tabindex=\"0\"><table{}><caption{}>报告一览</caption><thead><tr>",
        s.attrs(&["wrap"], ""),
        s.attrs(&["table"], "min-width:32em;"),
        s.attrs(&["caption"], "")
    );
    for head in ["发布机关", "年度", "状态", "文件"] {
        let _ = write!(
            article,
            "<th{} scope=\"col\">{head}</th>",
            s.attrs(&["cell", "center", "bold"], "")
        );
    }
    article.push_str("</tr></thead><tbody>");
    for e in entries {
        let _ = write!(
            article,
            "<tr><th{} scope=\"row\">",
            s.attrs(&["cell", "left"], "")
        );
        text(&mut article, e.name);
        let _ = write!(article, "</th><td{}>", s.attrs(&["cell", "center"], ""));
        if let Some(year) = e.year {
            let _ = write!(article, "{year}");
        }
        let _ = write!(article, "</td><td{}>", s.attrs(&["cell", "left"], ""));
        match e.status {
            Status::Rendered => article.push_str("已生成"),
            Status::RenderedWithErrors(why) => {
                article.push_str("已生成（含错误）：");
                text(&mut article, why);
            }
            Status::Failed(why) => {
                article.push_str("未生成：");
                text(&mut article, why);
            }
        }
        let _ = write!(article, "</td><td{}>", s.attrs(&["cell", "left"], ""));
        links(&mut article, &e.files);
        article.push_str("</td></tr>");
    }
    article.push_str("</tbody></table></div>\n");
    if !shared.is_empty() {
        let _ = write!(article, "<p{}>汇总：", s.attrs(&["p"], ""));
        links(&mut article, shared);
        article.push_str("</p>\n");
    }
    article.push_str("</article>\n");
    let head = Head {
        lang: "zh-CN",
        title,
        author: None,
        date: None,
    };
    page(&head, layout, &s, &article).into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::template::Template;

    #[test]
    fn every_report_is_listed_with_its_status_and_escaped_links() {
        let layout = Template::builtin().unwrap().layout;
        let entries = [
            Entry {
                name: "某区<人民>政府",
                year: Some(2024),
                status: Status::Rendered,
                files: vec!["a b#1.pdf", "a b#1.html"],
            },
            Entry {
                name: "bad.yaml",
                year: None,
                status: Status::Failed("bad.yaml:3:1: 未知字段 <x>"),
                files: vec![],
            },
        ];
        let html = String::from_utf8(page_of(&layout, &entries, &["summary.json"])).unwrap();
        assert!(html.contains("共2份报告，已生成1份，未生成1份。"), "{html}");
        assert!(html.contains(">某区&lt;人民&gt;政府</th>"), "{html}");
        assert!(
            html.contains("<a href=\"a%20b%231.pdf\">PDF</a>（a b#1.pdf）"),
            "{html}"
        );
        assert!(
            html.contains("未生成：bad.yaml:3:1: 未知字段 &lt;x&gt;"),
            "{html}"
        );
        assert!(html.contains("<a href=\"summary.json\">JSON</a>"), "{html}");
    }
}
