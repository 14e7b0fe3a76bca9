//! HTML for the portal, from the same composed document and layout numbers as the PDF and
//! DOCX: one self-contained page (`X.html`: no request leaves it, no font, script or style is
//! fetched), or the article alone with every style inline (`X.fragment.html`), for a CMS
//! whose editor strips `<head>` and `<style>`.
//!
//! The page reads as the paper does: the text block is `chars_per_line` body characters wide
//! with the grid's pitch, so a line breaks where the PDF's does on a wide screen; headings are
//! `h2`-`h5` under the title's `h1`, with their generated numbers; tables are real tables
//! (`caption`, `thead`, `th` with `scope`, the spans of the printed table) in a box that
//! scrolls sideways on a phone instead of widening the page. A print stylesheet sets A4 with
//! the official margins. All user text is escaped; nothing the report says becomes markup.

use crate::document::{Block, Cell, CellAlign, Document, Run, Table};
use crate::error::Error;
use crate::layout::{Layout, Role};
use crate::placement::{BREAK, ems};
use crate::render::{Output, Rendered};
use std::fmt::Write;

pub mod index;

/// The HTML output: the whole page, or the article with inline styles. The styles are made
/// from the layout once, for every document of a run.
pub struct Html<'a> {
    layout: &'a Layout,
    fragment: bool,
    styles: Styles,
}

impl Html<'_> {
    pub fn new(layout: &Layout, fragment: bool) -> Html<'_> {
        Html {
            layout,
            fragment,
            styles: Styles::new(layout, fragment),
        }
    }
}

impl Output for Html<'_> {
    fn render(&self, job: &crate::render::Job<'_>) -> Result<Rendered, Error> {
        let doc = job.doc;
        let mut article = String::new();
        write_article(&mut article, doc, self.layout, &self.styles);
        let bytes = if self.fragment {
            article
        } else {
            let head = Head {
                lang: &doc.meta.lang,
                title: &doc.meta.title,
                author: Some(&doc.meta.author),
                date: Some(doc.meta.date),
            };
            page(&head, self.layout, &self.styles, &article)
        };
        Ok(Rendered {
            bytes: bytes.into_bytes(),
            pages: None,
            warnings: Vec::new(),
        })
    }
}

/// Text as HTML: escaped, with a `<wbr>` where composing put a break opportunity.
fn text(out: &mut String, s: &str) {
    for (k, piece) in s.split(BREAK).enumerate() {
        if k > 0 {
            out.push_str("<wbr>");
        }
        out.push_str(&quick_xml::escape::escape(piece));
    }
}

/// An attribute value, escaped (quotes included).
fn attr(s: &str) -> std::borrow::Cow<'_, str> {
    quick_xml::escape::escape(s)
}

/// How each kind of element looks, written either as classes and one stylesheet (the page)
/// or as `style` attributes (the fragment): the same declarations in both.
struct Styles {
    rules: Vec<(&'static str, String)>,
    inline: bool,
}

impl Styles {
    fn new(layout: &Layout, inline: bool) -> Styles {
        Styles {
            rules: rules(layout),
            inline,
        }
    }

    /// The attributes that give an element the look of `classes`, plus `extra` declarations
    /// of its own (widths, indents).
    fn attrs(&self, classes: &[&str], extra: &str) -> String {
        let mut out = String::new();
        if self.inline {
            let mut decls: String = classes
                .iter()
                .filter_map(|c| self.rules.iter().find(|(n, _)| n == c))
                .map(|(_, d)| d.as_str())
                .collect();
            decls.push_str(extra);
            if !decls.is_empty() {
                let _ = write!(out, " style=\"{}\"", attr(&decls));
            }
        } else {
            if !classes.is_empty() {
                let _ = write!(out, " class=\"{}\"", classes.join(" "));
            }
            if !extra.is_empty() {
                let _ = write!(out, " style=\"{}\"", attr(extra));
            }
        }
        out
    }

    fn sheet(&self) -> String {
        let mut out = String::new();
        for (name, decls) in &self.rules {
            let _ = writeln!(out, ".{name}{{{decls}}}");
        }
        out
    }
}

/// A CSS string literal.
fn css_string(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The font stack of a role: the Latin faces first where the role sets digits and letters in
/// them (the browser takes each character from the first face that has it, as the PDF
/// does), then the role's faces from `layout.toml`, then the faces the common systems ship
/// (`web_families`), then the generic family.
fn font_stack(layout: &Layout, role: Role) -> String {
    let r = layout.role(role);
    let mut names: Vec<&str> = Vec::new();
    if r.latin {
        names.extend(layout.latin.families.iter().map(String::as_str));
    }
    names.extend(r.families.iter().map(String::as_str));
    names.extend(r.web_families.iter().map(String::as_str));
    names.extend(layout.fallback.families.iter().map(String::as_str));
    let mut seen: Vec<&str> = Vec::new();
    let mut out = String::new();
    for name in names {
        if seen.contains(&name) {
            continue;
        }
        seen.push(name);
        let _ = write!(out, "{},", css_string(name));
    }
    out.push_str(r.web_generic.as_deref().unwrap_or("serif"));
    out
}

/// A length in em of `size_pt`, rounded to what a browser can place.
fn em(pt: f64, size_pt: f64) -> String {
    format!("{:.4}em", pt / size_pt)
}

/// The declarations of every kind of element, from the layout.
fn rules(layout: &Layout) -> Vec<(&'static str, String)> {
    let body = layout.role(Role::Body);
    let pitch = layout.grid.line_pitch_pt;
    let char_pitch = layout.char_pitch_pt();
    // Each character advances by the grid's pitch, as on paper.
    let tracking = em(char_pitch - body.size_pt, body.size_pt);
    // Sizes are relative to the body's, set once on the article, so a phone's smaller body
    // scales every role with it; `within` is the size of the element it sits in.
    let font = |role: Role, within: f64| {
        let r = layout.role(role);
        format!(
            "font-family:{};font-size:{};font-weight:{};",
            font_stack(layout, role),
            em(r.size_pt, within),
            if r.weight >= 600 && r.docx_bold() {
                "bold"
            } else {
                "normal"
            }
        )
    };
    let line = |role: Role| format!("line-height:{:.4};", pitch / layout.role(role).size_pt);
    let role_font = |role: Role| font(role, body.size_pt);
    let title = layout.role(layout.title.role);
    let table = layout.role(layout.table.role);
    let inset = format!("{:.2}mm", layout.table.cell_inset_mm);
    let rule = format!("{}pt solid #000", layout.table.rule_pt);
    let group = format!(
        "{}line-height:{:.4};font-weight:bold;letter-spacing:0;border:{rule};padding:{inset};",
        font(layout.table.role, table.size_pt),
        layout.table.line_pitch_pt / table.size_pt
    );
    let heading = |role: Role| {
        format!(
            "{}{}margin:0;text-indent:{};letter-spacing:{tracking};",
            role_font(role),
            line(role),
            em(
                f64::from(layout.grid.first_line_indent_chars) * char_pitch,
                body.size_pt
            )
        )
    };
    vec![
        (
            "report",
            format!(
                "{}font-size:{}pt;{}color:#000;background:#fff;max-width:{};margin:0 auto;padding:1em;letter-spacing:{tracking};",
                role_font(Role::Body),
                body.size_pt,
                line(Role::Body),
                // The text block, and a hair more so rounding never pushes the 28th
                // character of a line to the next.
                em(layout.block_width_pt() + 0.5, body.size_pt),
            ),
        ),
        (
            "title",
            format!(
                "{}line-height:{:.4};text-align:center;margin:0 0 {};letter-spacing:0;",
                role_font(layout.title.role),
                pitch / title.size_pt,
                em(f64::from(layout.title.blank_lines_after) * pitch, title.size_pt),
            ),
        ),
        (
            "addressee",
            format!("margin:0;text-indent:0;{}", role_font(Role::Body)),
        ),
        (
            "p",
            format!(
                "margin:0;text-indent:{};",
                em(
                    f64::from(layout.grid.first_line_indent_chars) * char_pitch,
                    body.size_pt
                )
            ),
        ),
        ("heading1", heading(Role::Heading1)),
        ("heading2", heading(Role::Heading2)),
        ("heading3", heading(Role::Heading3)),
        ("heading4", heading(Role::Heading4)),
        ("r-heading1", role_font(Role::Heading1)),
        ("r-heading2", role_font(Role::Heading2)),
        ("r-heading3", role_font(Role::Heading3)),
        ("r-heading4", role_font(Role::Heading4)),
        (
            "signature",
            format!(
                "margin:{} 0 0;text-align:right;",
                em(
                    f64::from(layout.signature.blank_lines_before) * pitch,
                    body.size_pt
                )
            ),
        ),
        ("sig", "margin:0;text-indent:0;".into()),
        (
            "wrap",
            format!("overflow-x:auto;margin:0 0 {};", em(pitch / 2.0, body.size_pt)),
        ),
        (
            "table",
            format!(
                "border-collapse:collapse;width:100%;letter-spacing:0;{}line-height:{:.4};",
                role_font(layout.table.role),
                layout.table.line_pitch_pt / table.size_pt
            ),
        ),
        (
            "caption",
            format!(
                "{}{}letter-spacing:0;",
                // A caption sits inside its table, whose size is the table role's.
                font(layout.table.caption_role, table.size_pt),
                line(layout.table.caption_role)
            ),
        ),
        // A group's caption is set as the cell it is on paper; a later group's has no top
        // rule, so two groups are parted by one rule.
        ("group", format!("{group}border-bottom:0;")),
        ("group-next", format!("{group}border-top:0;border-bottom:0;")),
        (
            "cell",
            format!("border:{rule};padding:{inset};vertical-align:middle;font-weight:normal;"),
        ),
        ("bold", "font-weight:bold;".into()),
        ("left", "text-align:left;".into()),
        ("center", "text-align:center;".into()),
        ("right", "text-align:right;".into()),
    ]
}

/// What a page's head says of it.
struct Head<'a> {
    lang: &'a str,
    title: &'a str,
    author: Option<&'a str>,
    date: Option<crate::model::Date>,
}

/// The whole page: the head (title, metadata, the stylesheet) and the article.
fn page(head: &Head, layout: &Layout, styles: &Styles, article: &str) -> String {
    let p = &layout.page;
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{title}</title>\n",
        lang = attr(head.lang),
        title = attr(head.title),
    );
    if let Some(author) = head.author {
        let _ = writeln!(out, "<meta name=\"author\" content=\"{}\">", attr(author));
    }
    let _ = writeln!(
        out,
        "<meta name=\"description\" content=\"{}\">",
        attr(head.title)
    );
    if let Some(date) = head.date {
        let _ = writeln!(out, "<meta name=\"dcterms.created\" content=\"{date}\">");
    }
    let _ = write!(
        out,
        "<meta name=\"generator\" content=\"report {}\">\n<style>\n",
        env!("CARGO_PKG_VERSION")
    );
    out.push_str("html{background:#fff;}body{margin:0;}\n");
    out.push_str(&styles.sheet());
    // A phone: a size that keeps lines readable; a table wider than the screen scrolls in
    // its own box (`.wrap`), which the page never does.
    out.push_str("@media (max-width:40em){.report{font-size:18px;padding:0.75em;}}\n");
    let _ = write!(
        out,
        "@page{{size:{w}mm {h}mm;margin:{t}mm {r}mm {b}mm {l}mm;}}\n@media print{{.report{{max-width:none;padding:0;}}.wrap{{overflow:visible;}}tr{{break-inside:avoid;}}h2,h3,h4,h5{{break-after:avoid;}}}}\n",
        w = p.width_mm,
        h = p.height_mm,
        t = p.margin_top_mm,
        r = p.margin_right_mm,
        b = p.margin_bottom_mm,
        l = p.margin_left_mm,
    );
    // The article is the page's main landmark (a screen reader jumps to it).
    out.push_str("</style>\n</head>\n<body>\n<main>\n");
    out.push_str(article);
    out.push_str("</main>\n</body>\n</html>\n");
    out
}

fn write_article(out: &mut String, doc: &Document, layout: &Layout, s: &Styles) {
    let _ = writeln!(out, "<article{}>", s.attrs(&["report"], ""));
    // A table's region is named by its caption, else by the heading it stands under; a name
    // already given gets the table's number, so no two regions share one.
    let mut heading: Option<&str> = None;
    let mut labels: Vec<String> = Vec::new();
    let mut last_tag = 1;
    for block in &doc.blocks {
        match block {
            Block::Title { rows } => {
                // A row placement kept whole stays whole on a phone: the title shrinks until
                // its widest row fits the screen (less the article's padding), never grows.
                let widest = rows.iter().map(|r| ems(r)).fold(1.0, f64::max);
                let title = layout.role(layout.title.role).size_pt / layout.role(Role::Body).size_pt;
                let fit = format!("font-size:min({title:.4}em,calc((100vw - 3.5em) / {widest:.1}));");
                let _ = write!(out, "<h1{}>", s.attrs(&["title"], &fit));
                for (k, row) in rows.iter().enumerate() {
                    if k > 0 {
                        out.push_str("<br>");
                    }
                    text(out, row);
                }
                out.push_str("</h1>\n");
            }
            Block::Addressee { text: t } => {
                let _ = write!(out, "<p{}>", s.attrs(&["addressee"], ""));
                text(out, t);
                out.push_str("</p>\n");
            }
            Block::Heading { level, role, text: t } => {
                if *level == 1 {
                    heading = Some(t);
                }
                let class = role.as_str();
                // The title is h1: parts are h2, and each level one below; a level that
                // skips one (1. straight under 一、) is only one deeper than the heading
                // above it, so the page's outline has no gap.
                let tag = (level + 1).min(last_tag + 1).min(6);
                last_tag = tag;
                let _ = write!(out, "<h{tag}{}>", s.attrs(&[class], ""));
                text(out, t);
                let _ = writeln!(out, "</h{tag}>");
            }
            Block::Paragraph { runs } => {
                let _ = write!(out, "<p{}>", s.attrs(&["p"], ""));
                for run in runs {
                    write_run(out, run, s);
                }
                out.push_str("</p>\n");
            }
            Block::Signature {
                issuer,
                issuer_indent,
                date,
                date_indent,
            } => write_signature(
                out,
                layout,
                s,
                issuer,
                *issuer_indent,
                date.as_deref(),
                *date_indent,
            ),
            Block::Table(t) => {
                let number = labels.len() + 1;
                let mut label = match (&t.caption, heading) {
                    (Some(c), _) => c.replace(BREAK, ""),
                    (None, Some(h)) => h.replace(BREAK, ""),
                    (None, None) => format!("表格{number}"),
                };
                if labels.contains(&label) {
                    label = format!("{label}（表格{number}）");
                }
                write_table(out, t, &label, layout, s);
                labels.push(label);
            }
        }
    }
    out.push_str("</article>\n");
}

/// A run in the paragraph's body face as it is; a run-in heading in its role's face.
fn write_run(out: &mut String, run: &Run, s: &Styles) {
    if run.role == Role::Body {
        text(out, &run.text);
        return;
    }
    let _ = write!(
        out,
        "<span{}>",
        s.attrs(&[&format!("r-{}", run.role.as_str())], "")
    );
    text(out, &run.text);
    out.push_str("</span>");
}

/// The signature as on paper: right-aligned, each line ending where placement puts it on
/// the grid (its indent plus its width, from the right of the line), so a screen as wide as
/// the paper's line shows it where the PDF does and a narrower one keeps the right inset.
fn write_signature(
    out: &mut String,
    layout: &Layout,
    s: &Styles,
    issuer: &str,
    issuer_indent: f64,
    date: Option<&str>,
    date_indent: Option<f64>,
) {
    let line = f64::from(layout.grid.chars_per_line);
    let body = layout.role(Role::Body);
    let char_pitch = layout.char_pitch_pt();
    let gap = |indent: f64, t: &str| {
        let right = (line - indent - ems(t)).max(0.0);
        format!("padding-right:{};", em(right * char_pitch, body.size_pt))
    };
    let _ = write!(out, "<div{}>", s.attrs(&["signature"], ""));
    let _ = write!(out, "<p{}>", s.attrs(&["sig"], &gap(issuer_indent, issuer)));
    text(out, issuer);
    out.push_str("</p>");
    if let Some(date) = date {
        let indent = date_indent.unwrap_or(issuer_indent);
        let _ = write!(out, "<p{}>", s.attrs(&["sig"], &gap(indent, date)));
        text(out, date);
        out.push_str("</p>");
    }
    out.push_str("</div>\n");
}

/// Whether a cell of the table's body labels its row (a heading cell) rather than holding a
/// value: the printed tables set labels left, and bold cells head the columns below them.
fn is_heading(cell: &Cell) -> bool {
    cell.bold || cell.align == CellAlign::Left
}

/// Where a table without header rows falls into groups, each headed by a row of one cell
/// across the table (the official table 2: 「第二十条第（一）项」, its columns, its rows, then
/// 「第二十条第（五）项」 …): the index of each such row, when the first row is one and no
/// cell spans from one group into the next. Each group is printed as a table of its own
/// with that row as its caption, as a reader of the page (or a screen reader) meets it: a
/// first row spanning the table is a caption in all but name, and says so to no one.
fn groups(t: &Table) -> Option<Vec<usize>> {
    let width = t.columns.len();
    let spanning = |row: &Vec<Cell>| row.len() == 1 && row[0].colspan == width;
    if t.header_rows > 0 || t.caption.is_some() || width < 2 || !t.rows.first().is_some_and(spanning) {
        return None;
    }
    let starts: Vec<usize> = (0..t.rows.len()).filter(|&r| spanning(&t.rows[r])).collect();
    let crosses = t.rows.iter().enumerate().any(|(r, row)| {
        let next = starts.iter().find(|&&g| g > r).copied().unwrap_or(t.rows.len());
        row.iter().any(|c| r + c.rowspan > next)
    });
    (!crosses).then_some(starts)
}

/// A group of rows as a table of its own: the columns no cell of the group starts in are
/// joined to the one before (their widths added), so the table has no column without a
/// cell of its own, which HTML does not allow.
fn compact(columns: &[f64], rows: &[Vec<Cell>]) -> Table {
    let width = columns.len();
    let starts = crate::document::start_columns(rows, width);
    let mut kept = vec![false; width];
    kept[0] = true;
    for &c in starts.iter().flatten() {
        if c < width {
            kept[c] = true;
        }
    }
    let mut widths = Vec::new();
    for (c, w) in columns.iter().enumerate() {
        match widths.last_mut() {
            Some(last) if !kept[c] => *last += w,
            _ => widths.push(*w),
        }
    }
    let rows = rows
        .iter()
        .zip(&starts)
        .map(|(row, starts)| {
            row.iter()
                .zip(starts)
                .map(|(cell, &start)| {
                    let end = (start + cell.colspan).min(width);
                    let span = kept[start.min(width)..end].iter().filter(|&&k| k).count();
                    Cell {
                        colspan: span.max(1),
                        ..cell.clone()
                    }
                })
                .collect()
        })
        .collect();
    Table {
        caption: None,
        columns: widths,
        header_rows: 0,
        rows,
    }
}

/// A table in its scroll box: a labelled region a keyboard can reach (a box that scrolls
/// must be), holding the table, or one table per group (see [`groups`]).
fn write_table(out: &mut String, t: &Table, label: &str, layout: &Layout, s: &Styles) {
    let _ = write!(
        out,
        "<div{} role=\"region\" aria-label=\"{}\" tabindex=\"0\">",
        s.attrs(&["wrap"], ""),
        attr(&label.replace(BREAK, ""))
    );
    match groups(t) {
        Some(starts) => {
            for (k, &start) in starts.iter().enumerate() {
                let end = starts.get(k + 1).copied().unwrap_or(t.rows.len());
                let caption = &t.rows[start][0];
                // One rule between two groups, as on paper: a later caption has no top rule.
                let class = if k == 0 { "group" } else { "group-next" };
                let group = compact(&t.columns, &t.rows[start + 1..end]);
                write_grid(
                    out,
                    &group,
                    Some((caption.text.as_str(), class)),
                    &group.rows,
                    layout,
                    s,
                );
            }
        }
        None => {
            let caption = t.caption.as_deref().map(|c| (c, "caption"));
            write_grid(out, t, caption, &t.rows, layout, s);
        }
    }
    out.push_str("</div>\n");
}

/// One `<table>`: its caption, the column widths, the header rows of `t` when `rows` are
/// all of its rows, and `rows`.
fn write_grid(
    out: &mut String,
    t: &Table,
    caption: Option<(&str, &str)>,
    rows: &[Vec<Cell>],
    layout: &Layout,
    s: &Styles,
) {
    let table_size = layout.role(layout.table.role).size_pt;
    let total: f64 = t.columns.iter().sum();
    // Narrow number columns stay readable: the table is at least about three characters a
    // column wide, and scrolls in its box where the screen is narrower.
    let block_em = layout.block_width_pt() / table_size;
    let min_width = (t.columns.len() as f64 * 3.2).min(block_em);
    let _ = write!(
        out,
        "<table{}>",
        s.attrs(&["table"], &format!("min-width:{min_width:.1}em;"))
    );
    if let Some((caption, class)) = caption {
        let _ = write!(out, "<caption{}>", s.attrs(&[class], ""));
        text(out, caption);
        out.push_str("</caption>");
    }
    out.push_str("<colgroup>");
    for w in &t.columns {
        let share = if total > 0.0 { w / total * 100.0 } else { 0.0 };
        let _ = write!(out, "<col style=\"width:{share:.2}%\">");
    }
    out.push_str("</colgroup>");
    let header_rows = if rows.len() == t.rows.len() {
        t.header_rows
    } else {
        0
    };
    let (head, body) = rows.split_at(header_rows.min(rows.len()));
    if !head.is_empty() {
        out.push_str("<thead>");
        for row in head {
            out.push_str("<tr>");
            for cell in row {
                let scope = if cell.colspan > 1 { "colgroup" } else { "col" };
                write_cell(out, cell, Some(scope), s);
            }
            out.push_str("</tr>");
        }
        out.push_str("</thead>");
    }
    out.push_str("<tbody>");
    for row in body {
        out.push_str("<tr>");
        // A row of bold cells only heads the columns below it (table 2's 信息内容 rows).
        let heads_columns = row.iter().all(|c| c.bold);
        for cell in row {
            // A row label spanning rows (三、本年度办理结果) heads each row it spans: `row`,
            // not `rowgroup`, which would claim the whole tbody.
            let scope = match (is_heading(cell), heads_columns) {
                (false, _) => None,
                (true, true) if cell.colspan > 1 => Some("colgroup"),
                (true, true) => Some("col"),
                (true, false) => Some("row"),
            };
            write_cell(out, cell, scope, s);
        }
        out.push_str("</tr>");
    }
    out.push_str("</tbody></table>");
}

/// One cell: a `th` with `scope` when it heads a row or column, else a `td`.
fn write_cell(out: &mut String, cell: &Cell, scope: Option<&str>, s: &Styles) {
    let tag = if scope.is_some() { "th" } else { "td" };
    let align = match cell.align {
        CellAlign::Left => "left",
        CellAlign::Center => "center",
        CellAlign::Right => "right",
    };
    let mut classes = vec!["cell", align];
    if cell.bold {
        classes.push("bold");
    }
    let mut extra = String::new();
    if cell.indent > 0.0 {
        // 「其中」 sub-rows sit under their parent's name, 「其中：」 hanging before it.
        let _ = write!(
            extra,
            "padding-left:calc(1mm + {:.2}em);text-indent:-{:.2}em;",
            cell.indent, cell.hanging
        );
    }
    let _ = write!(out, "<{tag}{}", s.attrs(&classes, &extra));
    if let Some(scope) = scope {
        let _ = write!(out, " scope=\"{scope}\"");
    }
    if cell.colspan > 1 {
        let _ = write!(out, " colspan=\"{}\"", cell.colspan);
    }
    if cell.rowspan > 1 {
        let _ = write!(out, " rowspan=\"{}\"", cell.rowspan);
    }
    out.push('>');
    text(out, &cell.text);
    let _ = write!(out, "</{tag}>");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Cell, Meta};
    use crate::model::Date;
    use crate::template::Template;

    fn doc(blocks: Vec<Block>) -> Document {
        Document {
            meta: Meta {
                title: "某区<b>报告</b>".into(),
                author: "某区\"人民\"政府".into(),
                lang: "zh-CN".into(),
                date: Date::new(2025, 1, 20).unwrap(),
            },
            blocks,
        }
    }

    fn html(d: &Document, fragment: bool) -> String {
        let layout = Template::builtin().unwrap().layout;
        let out = Html::new(&layout, fragment)
            .render(&crate::render::Job::new(d))
            .unwrap();
        String::from_utf8(out.bytes).unwrap()
    }

    #[test]
    fn user_text_is_escaped_never_markup() {
        let d = doc(vec![
            Block::Heading {
                level: 1,
                role: Role::Heading1,
                text: "一、</h2><script>alert(1)</script>".into(),
            },
            Block::Paragraph {
                runs: vec![Run {
                    role: Role::Body,
                    text: "a&amp;b </table> \"x\"".into(),
                }],
            },
        ]);
        for fragment in [false, true] {
            let h = html(&d, fragment);
            assert!(!h.contains("<script>") && !h.contains("</table> "), "{h}");
            assert!(h.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "{h}");
            assert!(h.contains("a&amp;amp;b &lt;/table&gt; &quot;x&quot;"), "{h}");
        }
        let page = html(&d, false);
        assert!(page.contains("<title>某区&lt;b&gt;报告&lt;/b&gt;</title>"));
        assert!(page.contains("content=\"某区&quot;人民&quot;政府\""));
    }

    #[test]
    fn the_fragment_has_no_head_or_stylesheet_and_every_style_inline() {
        let d = doc(vec![
            Block::Title {
                rows: vec!["某区".into(), "报告".into()],
            },
            Block::Table(Table {
                caption: Some("表1".into()),
                columns: vec![2.0, 1.0],
                header_rows: 1,
                rows: vec![
                    vec![Cell::new("项目").bold(), Cell::new("数量").bold()],
                    vec![Cell::new("申请").align(CellAlign::Left), Cell::new("12")],
                ],
            }),
        ]);
        let f = html(&d, true);
        assert!(
            !f.contains("<head") && !f.contains("<style") && !f.contains("class="),
            "{f}"
        );
        assert!(f.starts_with("<article style=\"font-family:"), "{f}");
        assert!(
            f.contains("<th style=\"border:") && f.contains(" scope=\"col\">项目</th>"),
            "{f}"
        );
        assert!(f.contains(" scope=\"row\">申请</th><td style="), "{f}");
        let page = html(&d, false);
        assert!(page.starts_with("<!DOCTYPE html>\n<html lang=\"zh-CN\">"));
        // The title shrinks on a narrow screen to keep its widest row (2 ems) whole.
        assert!(
            page.contains("<h1 class=\"title\" style=\"font-size:min(1.3750em,calc((100vw - 3.5em) / 2.0));\">某区<br>报告</h1>"),
            "{page}"
        );
        assert!(page.contains("@page{size:210mm 297mm;margin:37mm 26mm 35mm 28mm;}"));
    }

    #[test]
    fn a_break_opportunity_is_a_wbr_and_prints_nothing() {
        let d = doc(vec![Block::Paragraph {
            runs: vec![Run {
                role: Role::Body,
                text: format!("ab{BREAK}cd"),
            }],
        }]);
        assert!(html(&d, false).contains("ab<wbr>cd"));
    }
}
