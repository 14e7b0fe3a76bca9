//! The `.html` reader: a portal page as a browser saved it (menus, scripts and footer
//! included), or the article alone, parsed by html5ever as a browser would parse it.
//!
//! 1. **Decoding**: a byte-order mark, else the page's own `<meta charset>` (many portals
//!    still serve GB2312/GBK), else UTF-8 when the bytes are UTF-8, else GB18030.
//! 2. **The article, not the site**: from `<body>`, the reader steps down into the child
//!    holding at least half of the page's text outside links (menus and related links are
//!    links; a footer is short), never into a table or an inline element; where it stops is
//!    the article. A title the CMS printed above the article (`<h1>`, a `…title` box, the
//!    `ArticleTitle` meta) is taken when the article does not begin with one.
//! 3. **Word pasted into a CMS**: a `<span>` per run or per character is one run again
//!    (neighbours of one weight and face join, as Word's runs do in the `.docx` reader);
//!    `&nbsp;` and full-width indents go; a line break the source's formatting put between
//!    two Chinese characters is no space (CSS Text's rule); a `<br>` that starts a new
//!    paragraph (an indent, a typed number, or a sentence ending before it) parts two
//!    paragraphs, any other joins lines; tables keep their spans, widths and indents, and
//!    tables stacked with nothing between them (a table split at a printed page, or a table
//!    printed as groups) are one table again.
//!
//! Text inside the article that is not part of it (a navigation bar, a form, an image) is
//! kept aside as not placed, with where it was.

use super::blocks::{Align, Block, Cell, Origin, Paragraph, Source, Style, Table};
use ego_tree::NodeRef;
use regex::bytes::Regex as BytesRegex;
use scraper::{Html, Node};
use std::sync::LazyLock;
use unicode_width::UnicodeWidthChar;

/// Why a page could not be read, in the run's language.
pub type Failure = String;

/// Collapsible white space as it is read: a space, or one that holds a line break of the
/// source (dropped between two wide characters). Both are private to this module: the
/// page's own U+0001 and U+0002 are removed first.
const SPACE: char = '\u{1}';
const SEGMENT: char = '\u{2}';

/// Deeper than this, an element's text is read as plain text of its parent (a hostile page
/// nested a million deep cannot exhaust the stack).
const MAX_DEPTH: usize = 200;

static META_CHARSET: LazyLock<BytesRegex> = LazyLock::new(|| {
    BytesRegex::new(r#"(?i-u)<meta[^>]*?charset\s*=\s*["']?\s*([a-z0-9_:.\-]+)"#)
        .unwrap_or_else(|_| unreachable!())
});

/// Reads a page's bytes.
pub fn read(bytes: &[u8]) -> Result<Source, Failure> {
    let (text, bad_bytes, encoding) = decode(bytes);
    read_text(&text, bad_bytes.then_some(encoding))
}

/// Reads a page saved as one file (`.mhtml`, `.mht`): a MIME message whose first HTML part
/// is the page, its transfer encoding and charset undone by mail-parser.
pub fn read_mhtml(bytes: &[u8]) -> Result<Source, Failure> {
    let message = mail_parser::MessageParser::default()
        .parse(bytes)
        .ok_or_else(|| crate::tr!("import-mhtml-not-mime"))?;
    let html = message
        .parts
        .iter()
        .find_map(|part| match &part.body {
            mail_parser::PartType::Html(html) => Some(html.as_ref()),
            _ => None,
        })
        .ok_or_else(|| crate::tr!("import-mhtml-no-page"))?;
    read_text(html, None)
}

/// Reads a page's text; `bad_bytes` names the encoding some bytes were not text of.
fn read_text(text: &str, bad_bytes: Option<&str>) -> Result<Source, Failure> {
    let text: String = text.chars().filter(|c| *c != SPACE && *c != SEGMENT).collect();
    let page = Html::parse_document(&text);
    let mut source = article(&page);
    if let Some(encoding) = bad_bytes {
        source.unplaced.insert(
            0,
            (
                Origin::File,
                crate::tr!("import-html-bad-bytes", encoding = encoding),
            ),
        );
    }
    if source.blocks.is_empty() {
        return Err(crate::tr!("import-html-no-article"));
    }
    Ok(source)
}

/// The page's text, whether some bytes could not be decoded, and the encoding's name.
fn decode(bytes: &[u8]) -> (String, bool, &'static str) {
    if let Some((encoding, bom)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, bad) = encoding.decode_without_bom_handling(&bytes[bom..]);
        return (text.into_owned(), bad, encoding.name());
    }
    let head = &bytes[..bytes.len().min(4096)];
    let declared = META_CHARSET
        .captures(head)
        .and_then(|c| encoding_rs::Encoding::for_label(&c[1]))
        // A page that says UTF-16 in its markup is UTF-8 (the HTML standard's rule).
        .map(|e| e.output_encoding());
    let utf8 = std::str::from_utf8(bytes).ok();
    let encoding = match (declared, utf8) {
        (Some(e), _) if e != encoding_rs::UTF_8 => {
            let (text, bad) = e.decode_without_bom_handling(bytes);
            // A page saved as UTF-8 that still declares GBK (an editor re-saved it).
            match (bad, utf8) {
                (true, Some(u)) => return (u.to_owned(), false, "UTF-8"),
                _ => return (text.into_owned(), bad, e.name()),
            }
        }
        (_, Some(u)) => return (u.to_owned(), false, "UTF-8"),
        (Some(_), None) => encoding_rs::UTF_8,
        (None, None) => encoding_rs::GB18030,
    };
    let (text, bad) = encoding.decode_without_bom_handling(bytes);
    (text.into_owned(), bad, encoding.name())
}

fn element(node: NodeRef<'_, Node>) -> Option<&scraper::node::Element> {
    node.value().as_element()
}

fn name(node: NodeRef<'_, Node>) -> &str {
    element(node).map_or("", |e| e.name())
}

/// Elements whose content is never the article's text.
fn is_code(name: &str) -> bool {
    matches!(
        name,
        "script"
            | "style"
            | "noscript"
            | "template"
            | "head"
            | "svg"
            | "math"
            | "iframe"
            | "object"
            | "embed"
            | "canvas"
            | "audio"
            | "video"
            | "map"
            | "title"
            | "meta"
            | "link"
    )
}

/// Elements that hold the site around the article: their text, found inside the article,
/// is set aside, not read as the report's.
fn is_site(name: &str) -> bool {
    matches!(
        name,
        "nav"
            | "aside"
            | "menu"
            | "form"
            | "select"
            | "button"
            | "textarea"
            | "input"
            | "option"
            | "label"
            | "fieldset"
    )
}

/// Elements that start and end a paragraph.
fn is_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "li"
            | "ul"
            | "ol"
            | "dl"
            | "dt"
            | "dd"
            | "blockquote"
            | "section"
            | "article"
            | "main"
            | "header"
            | "footer"
            | "center"
            | "pre"
            | "address"
            | "figure"
            | "figcaption"
            | "hr"
            | "caption"
            | "body"
            | "html"
            | "details"
            | "summary"
            | "tr"
            | "td"
            | "th"
            | "tbody"
            | "thead"
            | "tfoot"
    )
}

/// Whether the element is hidden from a reader of the page.
fn hidden(css: &Css, e: &scraper::node::Element) -> bool {
    e.attr("hidden").is_some()
        || declaration(css, e, "display").is_some_and(|v| v.eq_ignore_ascii_case("none"))
        || declaration(css, e, "visibility").is_some_and(|v| v.eq_ignore_ascii_case("hidden"))
}

/// The value of one declaration of the element's `style` attribute.
fn declaration<'a>(css: &'a Css, e: &'a scraper::node::Element, property: &str) -> Option<&'a str> {
    e.attr("style")
        .and_then(|style| find_declaration(style, property))
        .or_else(|| css.get(e, property))
}

/// The value of `property` in a list of declarations (`a:b;c:d`), the last one written.
fn find_declaration<'a>(declarations: &'a str, property: &str) -> Option<&'a str> {
    declarations.split(';').rev().find_map(|d| {
        let (p, v) = d.split_once(':')?;
        p.trim()
            .eq_ignore_ascii_case(property)
            .then(|| v.trim().trim_end_matches("!important").trim())
    })
}

/// The page's own class rules: `.name { … }` in its `<style>` elements (a page saved from a
/// portal styles its tables and hides its print-only parts by class). Other selectors are
/// not read: what they style is the site, not the report's text.
#[derive(Default)]
struct Css {
    rules: std::collections::HashMap<String, String>,
}

static CSS_RULE: LazyLock<regex::Regex> =
    LazyLock::new(|| regex::Regex::new(r"([^{}]+)\{([^{}]*)\}").unwrap_or_else(|_| unreachable!()));
static CSS_COMMENT: LazyLock<regex::Regex> =
    LazyLock::new(|| regex::Regex::new(r"(?s)/\*.*?\*/").unwrap_or_else(|_| unreachable!()));

impl Css {
    fn of(page: &Html) -> Css {
        let mut css = Css::default();
        for n in page.tree.root().descendants().filter(|n| name(*n) == "style") {
            let text: String = n
                .children()
                .filter_map(|c| c.value().as_text().map(|t| t.to_string()))
                .collect();
            let text = CSS_COMMENT.replace_all(&text, "");
            for rule in CSS_RULE.captures_iter(&text) {
                for selector in rule[1].split(',') {
                    let selector = selector.trim();
                    if let Some(class) = selector.strip_prefix('.')
                        && !class.is_empty()
                        && class
                            .bytes()
                            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
                    {
                        let entry = css.rules.entry(class.to_owned()).or_default();
                        entry.push(';');
                        entry.push_str(&rule[2]);
                    }
                }
            }
        }
        css
    }

    /// The value a class of `e` gives `property`: the last class listed that sets it.
    fn get<'a>(&'a self, e: &scraper::node::Element, property: &str) -> Option<&'a str> {
        if self.rules.is_empty() {
            return None;
        }
        let classes: Vec<&str> = e.classes().collect();
        classes
            .iter()
            .rev()
            .find_map(|c| self.rules.get(*c).and_then(|d| find_declaration(d, property)))
    }
}

/// A CSS or attribute length in points: `21.0pt`, `28px`, `2em` (at the table's 12 pt),
/// `0.74cm`, `calc(1mm + 2.00em)` (the last term, an indent added to a fixed inset).
fn length_pt(value: &str) -> Option<f64> {
    let v = value.trim();
    let v = match v.strip_prefix("calc(") {
        Some(inner) => inner
            .trim_end_matches(')')
            .rsplit(['+'])
            .next()
            .unwrap_or("")
            .trim(),
        None => v,
    };
    let split = v
        .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == '-'))
        .unwrap_or(v.len());
    let n: f64 = v[..split].parse().ok()?;
    let pt = match v[split..].trim().to_ascii_lowercase().as_str() {
        "pt" => n,
        "" | "px" => n * 0.75,
        "em" | "rem" => n * 12.0,
        "cm" => n * 72.0 / 2.54,
        "mm" => n * 72.0 / 25.4,
        "in" => n * 72.0,
        _ => return None,
    };
    pt.is_finite().then_some(pt)
}

fn twips(pt: f64) -> i64 {
    (pt * 20.0).round() as i64
}

/// The alignment an element sets itself: `align`, `text-align`, `<center>`.
fn own_align(css: &Css, e: &scraper::node::Element) -> Option<Align> {
    if e.name() == "center" {
        return Some(Align::Center);
    }
    let v = declaration(css, e, "text-align").or_else(|| e.attr("align"))?;
    match v.trim().to_ascii_lowercase().as_str() {
        "center" | "middle" => Some(Align::Center),
        "right" | "end" => Some(Align::End),
        "left" | "start" => Some(Align::Start),
        "justify" => Some(Align::Justify),
        _ => None,
    }
}

/// Whether an element makes its text bold.
fn own_bold(css: &Css, e: &scraper::node::Element) -> Option<bool> {
    if matches!(e.name(), "b" | "strong") {
        return Some(true);
    }
    let v = declaration(css, e, "font-weight")?.to_ascii_lowercase();
    Some(match v.as_str() {
        "bold" | "bolder" => true,
        "normal" | "lighter" => false,
        n => n.parse::<u32>().map(|w| w >= 600).ok()?,
    })
}

/// The look of the text being read, from the elements around it.
#[derive(Clone, Default)]
struct Look {
    bold: bool,
    /// What sets the face: the classes, `font-family` and `<font face>` of the inline
    /// elements around the text. Neighbouring text of one look is one run.
    face: String,
    align: Align,
    style: Style,
    indent: i64,
    /// Inside `<pre>`: white space as written.
    pre: bool,
}

impl Look {
    fn inside(&self, css: &Css, e: &scraper::node::Element) -> Look {
        let mut look = self.clone();
        if let Some(b) = own_bold(css, e) {
            look.bold = b;
        }
        let name = e.name();
        if is_block(name) {
            if let Some(a) = own_align(css, e) {
                look.align = a;
            }
            if let Some(pt) = declaration(css, e, "margin-left")
                .or_else(|| declaration(css, e, "padding-left"))
                .and_then(length_pt)
            {
                look.indent = twips(pt);
            }
            look.face.clear();
        } else {
            let face = [
                e.attr("class").unwrap_or(""),
                declaration(css, e, "font-family").unwrap_or(""),
                e.attr("face").unwrap_or(""),
            ]
            .concat();
            if !face.is_empty() {
                look.face = face;
            }
        }
        match name {
            "h1" => look.style = Style::Title,
            "h2" | "h3" | "h4" | "h5" | "h6" => {
                look.style = Style::Heading(name.as_bytes()[1] - b'1');
                look.bold = own_bold(css, e).unwrap_or(true);
            }
            "pre" => look.pre = true,
            _ => {}
        }
        look
    }
}

/// A paragraph being read: its runs (text and look) and the look of its block.
#[derive(Default)]
struct Para {
    runs: Vec<(String, Look)>,
    look: Look,
}

impl Para {
    fn push(&mut self, s: &str, look: &Look) {
        match self.runs.last_mut() {
            Some((t, l)) if l.bold == look.bold && l.face == look.face => t.push_str(s),
            _ => self.runs.push((s.to_owned(), look.clone())),
        }
    }

    fn is_empty(&self) -> bool {
        self.runs
            .iter()
            .all(|(t, _)| t.chars().all(|c| c.is_whitespace() || c == SPACE || c == SEGMENT))
    }
}

fn wide(c: Option<char>) -> bool {
    c.is_some_and(|c| c.width() == Some(2))
}

/// The runs' text with collapsible white space resolved: a run of it is one space, or none
/// at the start or end of a line, next to a real space, or (when it holds a source line
/// break) between two wide characters.
fn resolve(runs: &mut [(String, Look)]) {
    let all: Vec<char> = runs.iter().flat_map(|(t, _)| t.chars()).collect();
    let mut keep: Vec<Option<char>> = Vec::with_capacity(all.len());
    let mut k = 0;
    while k < all.len() {
        let c = all[k];
        if c != SPACE && c != SEGMENT {
            keep.push(Some(c));
            k += 1;
            continue;
        }
        let start = k;
        while k < all.len() && (all[k] == SPACE || all[k] == SEGMENT) {
            k += 1;
        }
        let before = start.checked_sub(1).map(|i| all[i]);
        let after = all.get(k).copied();
        let segment = all[start..k].contains(&SEGMENT);
        let edge = |c: Option<char>| c.is_none_or(|c| c == '\n' || c.is_whitespace());
        let drop = edge(before) || edge(after) || (segment && wide(before) && wide(after));
        for i in start..k {
            keep.push((!drop && i == start).then_some(' '));
        }
    }
    let mut at = 0;
    for (text, _) in runs.iter_mut() {
        let n = text.chars().count();
        *text = keep[at..at + n].iter().flatten().collect();
        at += n;
    }
}

/// Whether a `<br>` before `line` starts a new paragraph: the line is indented or numbered,
/// or the line before it ends a sentence or is a heading (numbered, short, no sentence).
fn starts_paragraph(before: &str, line: &str) -> bool {
    let b = before.trim();
    let heading =
        super::recognise::is_numbered(b) && b.chars().count() <= 30 && !b.contains(['。', '，', '；']);
    let indented = line
        .chars()
        .take_while(|c| matches!(c, '\u{3000}' | ' ' | '\u{2002}' | '\u{2003}'))
        .count()
        >= 2
        || line.starts_with(['\u{3000}', '\u{2003}']);
    let text = line.trim();
    indented
        || heading
        || super::recognise::is_numbered(text)
        || before
            .trim_end()
            .ends_with(['。', '！', '？', '；', '：', '!', '?', ';', ':'])
}

/// Ends a run-in heading's run at a sentence's end only: neighbouring runs of one weight and
/// face are one, as in the `.docx` reader.
fn join_runs(runs: Vec<(String, Look)>) -> Vec<(String, bool)> {
    let mut out: Vec<(String, bool, String)> = Vec::new();
    for (text, look) in runs {
        if text.is_empty() {
            continue;
        }
        match out.last_mut() {
            Some((t, b, f))
                if *b == look.bold && *f == look.face && !t.ends_with(['。', '！', '？', '：']) =>
            {
                t.push_str(&text)
            }
            _ => out.push((text, look.bold, look.face)),
        }
    }
    out.into_iter().map(|(t, b, _)| (t, b)).collect()
}

/// The paragraph's text as one or more paragraphs (a `<br>` may part them).
fn finish(mut para: Para) -> Vec<(Vec<(String, bool)>, Look)> {
    if !para.look.pre {
        resolve(&mut para.runs);
    }
    let keep_lines = matches!(para.look.style, Style::Title | Style::Heading(_))
        || para.look.align == Align::Center
        || para.look.pre;
    // Lines: the runs split at each line break.
    let mut lines: Vec<Vec<(String, Look)>> = vec![Vec::new()];
    for (text, look) in para.runs {
        for (k, piece) in text.split('\n').enumerate() {
            if k > 0 {
                lines.push(Vec::new());
            }
            if let Some(line) = lines.last_mut() {
                line.push((piece.to_owned(), look.clone()));
            }
        }
    }
    let mut out: Vec<Vec<(String, Look)>> = Vec::new();
    let mut previous = String::new();
    for line in lines {
        let text: String = line.iter().map(|(t, _)| t.as_str()).collect();
        if text.trim().is_empty() {
            // An empty line (two `<br>`) parts paragraphs.
            if !keep_lines {
                previous.clear();
                out.push(Vec::new());
            }
            continue;
        }
        match out.last_mut() {
            Some(current) if !current.is_empty() && (keep_lines || !starts_paragraph(&previous, &text)) => {
                if keep_lines && let Some((t, _)) = current.last_mut() {
                    t.push('\n');
                }
                current.extend(line);
            }
            _ => out.push(line),
        }
        previous = text;
    }
    out.into_iter()
        .filter(|l| !l.is_empty())
        .map(|l| (join_runs(l), para.look.clone()))
        .filter(|(runs, _)| runs.iter().any(|(t, _)| !t.trim().is_empty()))
        .collect()
}

/// Paragraph texts of `runs`, made as the other readers make them.
fn paragraph(runs: Vec<(String, bool)>, look: &Look, origin: Origin) -> Paragraph {
    let text: String = runs.iter().map(|(t, _)| t.as_str()).collect();
    let lead = text.len() - text.trim_start().len();
    let bold = runs.iter().all(|(t, b)| *b || t.trim().is_empty());
    let mut texts: Vec<String> = runs.into_iter().map(|(t, _)| t).collect();
    // The first run loses the indent, the last its trailing space.
    let mut cut = lead;
    for t in texts.iter_mut() {
        let n = cut.min(t.len());
        *t = t[n..].to_owned();
        cut -= n;
        if cut == 0 {
            break;
        }
    }
    if let Some(last) = texts.iter_mut().rev().find(|t| !t.trim().is_empty()) {
        *last = last.trim_end().to_owned();
    }
    texts.retain(|r| !r.is_empty());
    Paragraph {
        text: text.trim().to_owned(),
        runs: texts,
        bold,
        align: look.align,
        style: look.style,
        indent_left: look.indent,
        hanging: 0,
        origin,
    }
}

/// A table being read, before stacked tables are joined.
struct Grid {
    table: Table,
    caption: Option<String>,
}

/// The reader of an article: the blocks in order, and what is set aside.
struct Reader<'a> {
    css: &'a Css,
    blocks: Vec<Block>,
    unplaced: Vec<(Origin, String)>,
    para: Option<Para>,
    paragraphs: usize,
    tables: usize,
}

impl<'a> Reader<'a> {
    fn new(css: &'a Css) -> Reader<'a> {
        Reader {
            css,
            blocks: Vec::new(),
            unplaced: Vec::new(),
            para: None,
            paragraphs: 0,
            tables: 0,
        }
    }

    fn flush(&mut self) {
        let Some(para) = self.para.take() else { return };
        if para.is_empty() {
            return;
        }
        for (runs, look) in finish(para) {
            self.paragraphs += 1;
            let origin = Origin::Paragraph(self.paragraphs);
            self.blocks.push(Block::Paragraph(paragraph(runs, &look, origin)));
        }
    }

    fn text(&mut self, s: &str, look: &Look) {
        let s: String = if look.pre {
            s.replace('\u{a0}', " ")
        } else {
            collapse(s)
        };
        let para = self.para.get_or_insert_with(|| Para {
            look: look.clone(),
            ..Para::default()
        });
        para.push(&s, look);
    }

    /// The text of an element set aside (a form, a menu inside the article).
    fn aside(&mut self, node: NodeRef<'_, Node>) {
        let css = self.css;
        let text = plain_text(css, node);
        if !text.is_empty() {
            self.unplaced.push((Origin::Paragraph(self.paragraphs + 1), text));
        }
    }

    fn walk(&mut self, node: NodeRef<'_, Node>, look: &Look, depth: usize) {
        let css = self.css;
        let mut children = node.children().peekable();
        while let Some(child) = children.next() {
            match child.value() {
                Node::Text(t) => self.text(t, look),
                Node::Element(e) => {
                    let name = e.name();
                    if is_code(name) || hidden(css, e) {
                        continue;
                    }
                    if is_site(name) {
                        self.flush();
                        self.aside(child);
                        continue;
                    }
                    match name {
                        "br" => {
                            let para = self.para.get_or_insert_with(|| Para {
                                look: look.clone(),
                                ..Para::default()
                            });
                            para.push("\n", look);
                        }
                        "img" => {
                            let what = e
                                .attr("alt")
                                .filter(|a| !a.trim().is_empty())
                                .or_else(|| e.attr("src").map(|s| s.rsplit('/').next().unwrap_or(s)))
                                .unwrap_or("")
                                .trim()
                                .to_owned();
                            self.unplaced.push((
                                Origin::Paragraph(self.paragraphs + 1),
                                crate::tr!("import-html-image", name = what),
                            ));
                        }
                        _ if depth >= MAX_DEPTH => {
                            let text = plain_text(css, child);
                            self.text(&text, look);
                        }
                        "table" => {
                            self.flush();
                            // Tables stacked with nothing but white space between them.
                            let mut stack = vec![self.grid(child, look, depth)];
                            while let Some(next) = next_table(css, &mut children) {
                                stack.push(self.grid(next, look, depth));
                            }
                            for g in join(stack) {
                                if let Some(caption) = g.caption {
                                    self.paragraphs += 1;
                                    self.blocks.push(Block::Paragraph(Paragraph {
                                        runs: vec![caption.clone()],
                                        text: caption,
                                        align: Align::Center,
                                        origin: Origin::Paragraph(self.paragraphs),
                                        ..Paragraph::default()
                                    }));
                                }
                                self.blocks.push(Block::Table(g.table));
                            }
                        }
                        _ => {
                            let inner = look.inside(css, e);
                            if is_block(name) {
                                self.flush();
                                self.para = Some(Para {
                                    look: inner.clone(),
                                    ..Para::default()
                                });
                                self.walk(child, &inner, depth + 1);
                                self.flush();
                            } else {
                                self.walk(child, &inner, depth + 1);
                            }
                        }
                    }
                }
                _ => {}
            }
        }
    }

    /// One `<table>`: its rows (of `thead`, `tbody`, `tfoot` or the table itself), each
    /// cell's text, spans, alignment and indent, its caption and column widths.
    fn grid(&mut self, node: NodeRef<'_, Node>, look: &Look, depth: usize) -> Grid {
        let css = self.css;
        self.tables += 1;
        let number = self.tables;
        let mut table = Table {
            origin: Origin::Cell {
                table: number,
                row: 1,
                column: 1,
            },
            ..Table::default()
        };
        let mut caption = None;
        let mut cols: Vec<f64> = Vec::new();
        let mut cell_widths: Vec<Vec<Option<f64>>> = Vec::new();
        let mut sections: Vec<(NodeRef<'_, Node>, bool)> = Vec::new();
        for child in node.children() {
            match name(child) {
                "caption" => {
                    let text = plain_text(css, child);
                    caption = (!text.is_empty()).then_some(text);
                }
                "colgroup" => {
                    for col in child.children().filter(|c| name(*c) == "col") {
                        cols.extend(col_width(css, col));
                    }
                }
                "col" => cols.extend(col_width(css, child)),
                "thead" => sections.push((child, true)),
                "tbody" | "tfoot" => sections.push((child, false)),
                "tr" => sections.push((node, false)),
                _ => {}
            }
        }
        sections.dedup_by(|a, b| a.0.id() == b.0.id());
        let inner = look.inside(css, element(node).unwrap_or_else(|| unreachable!()));
        for (section, head) in sections {
            for tr in section.children().filter(|c| name(*c) == "tr") {
                let r = table.rows.len();
                let mut row = Vec::new();
                let mut widths = Vec::new();
                for td in tr.children().filter(|c| matches!(name(*c), "td" | "th")) {
                    let Some(e) = element(td) else { continue };
                    let span = |attr: &str, max: usize| {
                        e.attr(attr)
                            .and_then(|v| v.trim().parse::<usize>().ok())
                            .map_or(1, |n| n.clamp(1, max))
                    };
                    let colspan = span("colspan", 1000);
                    let rowspan = span("rowspan", 65534);
                    let mut cell_reader = Reader::new(css);
                    let cell_look = inner.inside(css, e);
                    cell_reader.walk(td, &cell_look, depth + 1);
                    cell_reader.flush();
                    let mut text = String::new();
                    let mut align = own_align(css, e);
                    let mut indent = cell_indent(css, e);
                    for (k, b) in cell_reader.blocks.iter().enumerate() {
                        match b {
                            Block::Paragraph(p) => {
                                if !text.is_empty() {
                                    text.push('\n');
                                }
                                text.push_str(&p.text.replace('\n', ""));
                                if k == 0 {
                                    if align.is_none() && p.align != Align::Start {
                                        align = Some(p.align);
                                    }
                                    if indent == (0, 0) {
                                        indent = (p.indent_left, 0);
                                    }
                                }
                            }
                            Block::Table(t) => {
                                for row in &t.rows {
                                    if !text.is_empty() {
                                        text.push('\n');
                                    }
                                    let cells: Vec<&str> = row.iter().map(|c| c.text.as_str()).collect();
                                    text.push_str(&cells.join(" "));
                                }
                            }
                        }
                    }
                    widths.push(
                        (colspan == 1)
                            .then(|| {
                                e.attr("width")
                                    .and_then(length_pt)
                                    .or_else(|| declaration(css, e, "width").and_then(length_pt))
                            })
                            .flatten(),
                    );
                    row.push(Cell {
                        text,
                        align: align.unwrap_or(Align::Start),
                        indent,
                        colspan,
                        rowspan,
                        origin: Origin::Cell {
                            table: number,
                            row: r + 1,
                            column: row.len() + 1,
                        },
                    });
                }
                if head {
                    table.header_rows = table.rows.len() + 1;
                }
                table.rows.push(row);
                cell_widths.push(widths);
            }
        }
        let width = table.width();
        table.widths = if cols.len() == width && width > 0 {
            cols
        } else {
            column_widths(&table, &cell_widths).unwrap_or_default()
        };
        Grid { table, caption }
    }
}

/// A cell's indent (left, hanging), in twips: `padding-left` or `margin-left`, and a
/// negative `text-indent`.
fn cell_indent(css: &Css, e: &scraper::node::Element) -> (i64, i64) {
    let left = declaration(css, e, "padding-left")
        .or_else(|| declaration(css, e, "margin-left"))
        .and_then(length_pt)
        .map_or(0, twips);
    let hanging = declaration(css, e, "text-indent")
        .and_then(length_pt)
        .filter(|t| *t < 0.0)
        .map_or(0, |t| twips(-t));
    (left, hanging)
}

/// A `<col>`'s width (`style="width:…"` or `width="…"`), repeated by its `span`.
fn col_width(css: &Css, col: NodeRef<'_, Node>) -> Vec<f64> {
    let Some(e) = element(col) else {
        return Vec::new();
    };
    let w = declaration(css, e, "width")
        .or_else(|| e.attr("width"))
        .and_then(|v| {
            v.trim()
                .strip_suffix('%')
                .and_then(|n| n.trim().parse::<f64>().ok())
                .or_else(|| length_pt(v))
        });
    let span = e
        .attr("span")
        .and_then(|s| s.parse::<usize>().ok())
        .unwrap_or(1)
        .clamp(1, 1000);
    w.map_or_else(Vec::new, |w| vec![w; span])
}

/// Column widths from the cells that span one column, when every column has one.
fn column_widths(t: &Table, cell_widths: &[Vec<Option<f64>>]) -> Option<Vec<f64>> {
    let starts = t.start_columns();
    let mut out = vec![None; t.width()];
    for (r, row) in cell_widths.iter().enumerate() {
        for (k, w) in row.iter().enumerate() {
            if let (Some(w), Some(&c)) = (w, starts.get(r).and_then(|s| s.get(k))) {
                out[c].get_or_insert(*w);
            }
        }
    }
    out.into_iter().map(|w| w.filter(|w| *w > 0.0)).collect()
}

/// The next sibling `<table>` if only white space and comments come before it.
fn next_table<'a>(
    css: &Css,
    children: &mut std::iter::Peekable<impl Iterator<Item = NodeRef<'a, Node>>>,
) -> Option<NodeRef<'a, Node>> {
    loop {
        let next = children.peek()?;
        match next.value() {
            Node::Text(t) if t.trim().is_empty() => {}
            Node::Comment(_) => {}
            Node::Element(e) if e.name() == "table" && !hidden(css, e) => return children.next(),
            _ => return None,
        }
        children.next();
    }
}

/// Tables stacked with nothing between them as one: their column edges merged (each
/// table's widths as shares of its whole), each caption a row across the table; tables
/// without widths join when they have as many columns, a repeated header dropped. Tables
/// that cannot be joined stay apart.
fn join(stack: Vec<Grid>) -> Vec<Grid> {
    let mut out: Vec<Grid> = Vec::new();
    for g in stack {
        let joined = match out.last_mut() {
            Some(last) => join_two(last, &g),
            None => false,
        };
        if !joined {
            out.push(g);
        }
    }
    out
}

/// Column edges as shares of the whole, rounded so that 33.33% and 33.34% meet.
fn edges(widths: &[f64]) -> Option<Vec<i64>> {
    let total: f64 = widths.iter().sum();
    if total <= 0.0 || !total.is_finite() {
        return None;
    }
    let mut at = 0.0;
    let mut out = vec![0];
    for w in widths {
        at += w;
        out.push((at / total * 1000.0).round() as i64);
    }
    Some(out)
}

fn spanning(text: String, width: usize, origin: Origin) -> Vec<Cell> {
    vec![Cell {
        text,
        align: Align::Center,
        indent: (0, 0),
        colspan: width,
        rowspan: 1,
        origin,
    }]
}

fn join_two(a: &mut Grid, b: &Grid) -> bool {
    let (wa, wb) = (a.table.width(), b.table.width());
    let (ea, eb) = (edges(&a.table.widths), edges(&b.table.widths));
    if let (Some(ea), Some(eb)) = (ea, eb)
        && a.table.widths.len() == wa
        && b.table.widths.len() == wb
        && (wa != wb || ea != eb || a.caption.is_some() || b.caption.is_some())
    {
        // Merge the edges: each cell spans the merged columns between its own edges.
        let mut all: Vec<i64> = ea.iter().chain(&eb).copied().collect();
        all.sort_unstable();
        all.dedup_by(|x, y| (*x - *y).abs() <= 2);
        let respan = |t: &Table, e: &[i64]| -> Vec<Vec<Cell>> {
            let starts = t.start_columns();
            t.rows
                .iter()
                .zip(starts)
                .map(|(row, starts)| {
                    row.iter()
                        .zip(starts)
                        .map(|(cell, s)| {
                            let from = e[s.min(e.len() - 1)];
                            let to = e[(s + cell.colspan).min(e.len() - 1)];
                            let span = all
                                .windows(2)
                                .filter(|w| w[0] >= from - 2 && w[1] <= to + 2)
                                .count()
                                .max(1);
                            Cell {
                                colspan: span,
                                ..cell.clone()
                            }
                        })
                        .collect()
                })
                .collect()
        };
        let width = all.len() - 1;
        let mut rows = Vec::new();
        if let Some(c) = a.caption.take() {
            rows.push(spanning(c, width, a.table.origin));
        }
        rows.extend(respan(&a.table, &ea));
        if let Some(c) = b.caption.clone() {
            rows.push(spanning(c, width, b.table.origin));
        }
        rows.extend(respan(&b.table, &eb));
        let header_rows = if rows.len() > a.table.rows.len() + b.table.rows.len() {
            0
        } else {
            a.table.header_rows
        };
        a.table = Table {
            rows,
            header_rows,
            widths: all.windows(2).map(|w| (w[1] - w[0]) as f64 / 10.0).collect(),
            origin: a.table.origin,
        };
        return true;
    }
    if wa == wb && wa > 0 && a.caption.is_none() && b.caption.is_none() {
        a.table = a.table.concat(&b.table);
        return true;
    }
    false
}

/// Collapses HTML white space: runs of ASCII white space become one collapsible space (a
/// segment break when they hold a line break); a no-break space is a real space.
fn collapse(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut run: Option<bool> = None;
    for c in s.chars() {
        if matches!(c, ' ' | '\t' | '\n' | '\r' | '\u{c}') {
            let newline = c == '\n' || c == '\r';
            run = Some(run.unwrap_or(false) || newline);
            continue;
        }
        if let Some(newline) = run.take() {
            out.push(if newline { SEGMENT } else { SPACE });
        }
        out.push(if c == '\u{a0}' { ' ' } else { c });
    }
    if let Some(newline) = run {
        out.push(if newline { SEGMENT } else { SPACE });
    }
    out
}

/// The text of an element as one line: its texts, white space collapsed, wide characters
/// joined across source line breaks, trimmed. Read without recursion.
fn plain_text(css: &Css, node: NodeRef<'_, Node>) -> String {
    let mut runs = Vec::new();
    let mut skip_until: Option<ego_tree::NodeId> = None;
    for edge in node.traverse() {
        match edge {
            ego_tree::iter::Edge::Open(n) => {
                if skip_until.is_some() {
                    continue;
                }
                match n.value() {
                    Node::Element(e) if is_code(e.name()) || hidden(css, e) => skip_until = Some(n.id()),
                    Node::Element(e) if e.name() == "br" || is_block(e.name()) => {
                        runs.push((String::from(SPACE), Look::default()))
                    }
                    Node::Text(t) => runs.push((collapse(t), Look::default())),
                    _ => {}
                }
            }
            ego_tree::iter::Edge::Close(n) => {
                if skip_until == Some(n.id()) {
                    skip_until = None;
                }
            }
        }
    }
    resolve(&mut runs);
    let text: String = runs.into_iter().map(|(t, _)| t).collect();
    text.trim().to_owned()
}

/// The text outside links, without white space, of every element: `count[id]`.
fn text_weights(page: &Html, css: &Css) -> std::collections::HashMap<ego_tree::NodeId, usize> {
    let mut weights = std::collections::HashMap::new();
    let mut path: Vec<(ego_tree::NodeId, usize)> = Vec::new();
    let mut skipped: Option<ego_tree::NodeId> = None;
    let mut links = 0usize;
    for edge in page.tree.root().traverse() {
        match edge {
            ego_tree::iter::Edge::Open(n) => {
                if skipped.is_some() {
                    continue;
                }
                match n.value() {
                    Node::Element(e) if is_code(e.name()) || hidden(css, e) || is_site(e.name()) => {
                        skipped = Some(n.id())
                    }
                    Node::Element(e) => {
                        if e.name() == "a" {
                            links += 1;
                        }
                        path.push((n.id(), 0));
                    }
                    Node::Text(t) if links == 0 => {
                        let n = t.chars().filter(|c| !c.is_whitespace()).count();
                        for (_, w) in &mut path {
                            *w += n;
                        }
                    }
                    _ => {}
                }
            }
            ego_tree::iter::Edge::Close(n) => {
                if skipped == Some(n.id()) {
                    skipped = None;
                    continue;
                }
                if skipped.is_some() {
                    continue;
                }
                if let Node::Element(e) = n.value() {
                    if e.name() == "a" {
                        links = links.saturating_sub(1);
                    }
                    if let Some((id, w)) = path.pop() {
                        weights.insert(id, w);
                    }
                }
            }
        }
    }
    weights
}

/// Elements that hold a paragraph of the article as their child (not a heading: a CMS prints
/// its title as one above the article).
fn is_paragraph(name: &str) -> bool {
    matches!(name, "p" | "li" | "pre" | "blockquote")
}

/// The article's element: from `<body>` down into the child holding at least half of the
/// page's text outside links, while there is one and the element is not yet the article's
/// own: one whose paragraphs (and text) of its own hold a tenth of its text. So a layout
/// table is gone through, and an article whose table holds most of its text is not left
/// for that table.
fn find_article<'a>(page: &'a Html, css: &Css) -> NodeRef<'a, Node> {
    let weights = text_weights(page, css);
    let weight = |n: NodeRef<'_, Node>| weights.get(&n.id()).copied().unwrap_or(0);
    let root = page.root_element();
    let mut at: NodeRef<'a, Node> = *root;
    if let Some(body) = root.children().find(|c| name(*c) == "body") {
        at = body;
    }
    let total = weight(at);
    loop {
        let own: usize = at
            .children()
            .map(|c| match c.value() {
                Node::Text(t) => t.chars().filter(|c| !c.is_whitespace()).count(),
                Node::Element(e) if is_paragraph(e.name()) => weight(c),
                _ => 0,
            })
            .sum();
        if own * 10 >= weight(at) && own > 0 {
            return at;
        }
        let heavy = |c: &NodeRef<'_, Node>| weight(*c) * 2 >= total && weight(*c) > 0;
        let next = at
            .children()
            .find(|c| (is_block(name(*c)) || name(*c) == "table") && heavy(c));
        match next {
            // A table is gone through only to the cell that holds half the page (a layout
            // table's content cell); a table of the report's never has one.
            Some(t) if name(t) == "table" => {
                match t
                    .descendants()
                    .find(|d| matches!(name(*d), "td" | "th") && heavy(d))
                {
                    Some(cell) => at = cell,
                    None => return at,
                }
            }
            Some(n) => at = n,
            None => return at,
        }
    }
}

/// The page's metadata: `<meta name="…">`'s content, `<title>`'s text.
fn meta(page: &Html, wanted: &str) -> Option<String> {
    page.tree.root().descendants().find_map(|n| {
        let e = element(n)?;
        (e.name() == "meta" && e.attr("name").is_some_and(|v| v.eq_ignore_ascii_case(wanted)))
            .then(|| e.attr("content").unwrap_or("").trim().to_owned())
            .filter(|c| !c.is_empty())
    })
}

/// Whether `text` reads as a report's title.
fn title_like(text: &str) -> bool {
    let n = text.chars().count();
    (6..=80).contains(&n)
        && (text.contains("报告") || (text.contains("情况") && text.contains('年')))
        && !text.ends_with(['。', '；'])
}

/// The title the CMS printed above the article: the last heading or `…title…` box before
/// it that reads as a title; else the `ArticleTitle` meta; else the page's `<title>` up to
/// the site's name.
fn title_before(page: &Html, css: &Css, article: NodeRef<'_, Node>) -> Option<String> {
    let mut found = None;
    for n in page.tree.root().descendants() {
        if n.id() == article.id() {
            break;
        }
        let Some(e) = element(n) else { continue };
        let named = |v: Option<&str>| v.is_some_and(|v| v.to_ascii_lowercase().contains("title"));
        if matches!(e.name(), "h1" | "h2" | "h3") || named(e.attr("class")) || named(e.attr("id")) {
            let text = plain_text(css, n);
            if title_like(&text) && !n.ancestors().any(|a| a.id() == article.id()) {
                found = Some(text);
            }
        }
    }
    found
        .or_else(|| meta(page, "ArticleTitle").filter(|t| title_like(t)))
        .or_else(|| {
            let title = page
                .tree
                .root()
                .descendants()
                .find(|n| name(*n) == "title")
                .map(|n| plain_text(css, n))?;
            title
                .split(['_', '|', '—'])
                .chain(title.split(" - "))
                .map(str::trim)
                .find(|t| title_like(t))
                .map(str::to_owned)
        })
}

/// Whether `name` names a body (an 办公室, a 局, a 人民政府), not a person or an account.
fn organ(name: &str) -> bool {
    name.chars().count() >= 3
        && name
            .chars()
            .last()
            .is_some_and(|c| "府厅局委办室院会部署处所站馆队心司行镇乡区县市组".contains(c))
}

/// The article of a page, read into blocks.
fn article(page: &Html) -> Source {
    let css = Css::of(page);
    let at = find_article(page, &css);
    let mut reader = Reader::new(&css);
    let look = element(at).map_or_else(Look::default, |e| Look::default().inside(&css, e));
    reader.walk(at, &look, 0);
    reader.flush();
    let begins_with_title = reader.blocks.iter().take(3).any(|b| {
        matches!(b, Block::Paragraph(p) if p.style == Style::Title || title_like(&p.text.replace('\n', "")))
    });
    if !begins_with_title && let Some(title) = title_before(page, &css, at) {
        reader.blocks.insert(
            0,
            Block::Paragraph(Paragraph {
                runs: vec![title.clone()],
                text: title,
                align: Align::Center,
                style: Style::Title,
                origin: Origin::Paragraph(0),
                ..Paragraph::default()
            }),
        );
    }
    Source {
        blocks: reader.blocks,
        // A CMS fills `author` with an account's name as often as the body's.
        author: meta(page, "author").filter(|a| organ(a)),
        unplaced: reader.unplaced,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paragraphs(html: &str) -> Vec<(String, Vec<String>)> {
        read(html.as_bytes())
            .unwrap()
            .blocks
            .into_iter()
            .filter_map(|b| match b {
                Block::Paragraph(p) => Some((p.text, p.runs)),
                Block::Table(_) => None,
            })
            .collect()
    }

    fn texts(html: &str) -> Vec<String> {
        paragraphs(html).into_iter().map(|(t, _)| t).collect()
    }

    #[test]
    fn a_span_per_character_is_one_run_and_source_line_breaks_between_chinese_are_no_space() {
        let p = paragraphs(
            "<p>&nbsp;&nbsp;&nbsp;&nbsp;<span>全</span><span>年</span>\n  <span>共收到</span> <b>申请</b>5 件。</p>",
        );
        assert_eq!(p[0].0, "全年共收到 申请5 件。");
        assert_eq!(p[0].1, ["全年共收到 ", "申请", "5 件。"]);
    }

    #[test]
    fn a_run_in_heading_in_its_own_face_stays_a_run() {
        let p = paragraphs(
            "<p style=\"text-indent:2em\"><span style=\"font-family:楷体\">（一）主动公开。</span><span style=\"font-family:仿宋\">全年</span><span style=\"font-family:仿宋\">公开信息。</span></p>",
        );
        assert_eq!(p[0].1, ["（一）主动公开。", "全年公开信息。"]);
    }

    #[test]
    fn a_br_parts_paragraphs_where_a_new_one_starts_and_joins_a_wrapped_line() {
        assert_eq!(
            texts(
                "<p>　　一、概述<br>　　全年主动公开信息<br>100条。<br>二、依申请公开<br>收到申请5件。</p>"
            ),
            [
                "一、概述",
                "全年主动公开信息100条。",
                "二、依申请公开",
                "收到申请5件。"
            ]
        );
        // A centred title keeps its lines.
        assert_eq!(
            texts("<p align=center>某区人民政府<br>2023年政府信息公开工作年度报告</p>"),
            ["某区人民政府\n2023年政府信息公开工作年度报告"]
        );
    }

    #[test]
    fn the_article_is_found_inside_a_portal_page_and_its_title_above_it() {
        let page = "<html><head><title>某区2023年政府信息公开工作年度报告_某区人民政府</title><script>var a='一、假';</script></head><body>\
            <div class=nav><a href=/>首页</a><a href=/x>政务公开</a><a href=/y>政府信息公开年报</a></div>\
            <div class=main><div class=crumbs>当前位置：<a href=/>首页</a> &gt; <a>年报</a></div>\
            <h1 class=article-title>某区2023年政府信息公开工作年度报告</h1>\
            <div class=info>发布时间：2024-01-20　来源：区政府办</div>\
            <div class=TRS_Editor><p>　　本报告由某区人民政府办公室编制。</p><p>　　一、总体情况</p><p>　　2023年，某区全面推进政务公开工作，主动公开政府信息共计一千余条，依申请公开办理及时规范。</p><p>　　二、主动公开政府信息情况</p><p>　　全年制发规范性文件十件，均已公开，公开率百分之百，群众满意度持续提升。</p></div>\
            <div class=share>分享到：<a>微信</a><a>微博</a></div></div>\
            <div class=footer>主办：某区人民政府办公室　网站标识码：1234567890</div></body></html>";
        let t = texts(page);
        assert_eq!(t[0], "某区2023年政府信息公开工作年度报告");
        assert_eq!(t[1], "本报告由某区人民政府办公室编制。");
        assert_eq!(
            t.last().map(String::as_str),
            Some("全年制发规范性文件十件，均已公开，公开率百分之百，群众满意度持续提升。")
        );
        assert!(
            !t.iter().any(|p| p.contains("首页")
                || p.contains("分享")
                || p.contains("标识码")
                || p.contains("假"))
        );
    }

    #[test]
    fn a_gbk_page_is_read_by_its_declared_charset() {
        let html = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\"></head><body><p>某县2016年政府信息公开工作年度报告</p></body></html>";
        let (bytes, _, _) = encoding_rs::GBK.encode(html);
        let s = read(&bytes).unwrap();
        assert!(
            matches!(&s.blocks[0], Block::Paragraph(p) if p.text == "某县2016年政府信息公开工作年度报告")
        );
        assert!(s.unplaced.is_empty());
    }

    #[test]
    fn stacked_tables_are_one_table_and_cells_keep_spans_and_full_width_digits() {
        let html = "<table><tr><td rowspan=2>项目</td><td>数量</td></tr><tr><td>１２</td></tr></table>\n<table><tr><td>合计</td><td> 5 </td></tr></table>";
        let s = read(html.as_bytes()).unwrap();
        let tables: Vec<&Table> = s
            .blocks
            .iter()
            .filter_map(|b| match b {
                Block::Table(t) => Some(t),
                Block::Paragraph(_) => None,
            })
            .collect();
        assert_eq!(tables.len(), 1);
        let t = tables[0];
        assert_eq!(t.rows.len(), 3);
        assert_eq!(t.rows[0][0].rowspan, 2);
        assert_eq!(t.rows[1][0].text, "１２");
        assert_eq!(t.rows[2][1].text, "5");
    }

    #[test]
    fn grouped_tables_with_captions_join_on_their_column_edges() {
        let html = "<div><table><caption>甲</caption><colgroup><col style=\"width:50%\"><col style=\"width:50%\"></colgroup><tbody><tr><td>a</td><td>b</td></tr></tbody></table>\
            <table><caption>乙</caption><colgroup><col style=\"width:25%\"><col style=\"width:25%\"><col style=\"width:50%\"></colgroup><tbody><tr><td>c</td><td>d</td><td>e</td></tr></tbody></table></div>";
        let s = read(html.as_bytes()).unwrap();
        let Some(Block::Table(t)) = s.blocks.first() else {
            panic!("{:?}", s.blocks)
        };
        assert_eq!(t.width(), 3);
        let spans: Vec<Vec<(String, usize)>> = t
            .rows
            .iter()
            .map(|r| r.iter().map(|c| (c.text.clone(), c.colspan)).collect())
            .collect();
        assert_eq!(
            spans,
            [
                vec![("甲".to_owned(), 3)],
                vec![("a".to_owned(), 2), ("b".to_owned(), 1)],
                vec![("乙".to_owned(), 3)],
                vec![("c".to_owned(), 1), ("d".to_owned(), 1), ("e".to_owned(), 1)],
            ]
        );
        assert_eq!(t.widths, [25.0, 25.0, 50.0]);
    }

    #[test]
    fn an_image_or_a_form_inside_the_article_is_listed_not_lost() {
        let s = read(
            "<div><p>某县2016年政府信息公开工作年度报告</p><p><img src=\"/upload/chart.png\">全年公开信息100条。</p><form><label>满意度评价</label><button>提交</button></form></div>"
                .as_bytes(),
        )
        .unwrap();
        let unplaced: Vec<&str> = s.unplaced.iter().map(|(_, t)| t.as_str()).collect();
        assert_eq!(unplaced.len(), 2, "{unplaced:?}");
        assert!(unplaced[0].contains("chart.png"), "{unplaced:?}");
        assert_eq!(unplaced[1], "满意度评价提交");
    }

    #[test]
    fn bytes_the_declared_encoding_cannot_read_are_listed() {
        let mut bytes = b"<meta charset=gbk><p>2016\xc4\xea".to_vec();
        bytes.extend_from_slice(&[0xff, 0xff, b'<', b'/', b'p', b'>']);
        let s = read(&bytes).unwrap();
        assert!(
            matches!(s.unplaced.first(), Some((Origin::File, t)) if t.contains("GBK")),
            "{:?}",
            s.unplaced
        );
    }

    #[test]
    fn a_nesting_too_deep_for_the_stack_is_read_as_text() {
        let html = format!(
            "{}某县2016年年度报告{}",
            "<div>".repeat(5_000),
            "</div>".repeat(5_000)
        );
        let t = texts(&html);
        assert_eq!(t, ["某县2016年年度报告"]);
    }
}
