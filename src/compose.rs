//! Report → printable document, in one pass: the blocks in reading order with heading
//! numbers generated from order, titles and signatures placed (`placement`), the tables of
//! the report's shape where the shape puts them (`formats`), and the list of where each
//! piece of the user's text came from, which the rules check.

use crate::document::{Block, Document, Meta, Run, SourcedText};
use crate::formats::{self, Report};
use crate::layout::{Layout, Role};
use crate::model::{Addressee, Block as Written, Date, ItemEntry, Numbering, Text, cite};
use crate::placement;
use crate::text::chinese_numeral;
use serde_saphyr::{Location, Spanned};

mod table;

/// A report composed: the document every renderer prints, and the user's texts with their
/// places in the YAML, in reading order, for the rules.
pub struct Composed {
    pub document: Document,
    pub sources: Vec<SourcedText>,
    /// The table values the text may cite, as composing resolved the citations with them;
    /// the rules (S-CITE, S-COPY) read the same list.
    pub citable: Vec<cite::Citable>,
    /// `sources` as printed, their citations replaced by the values (P-NUMBERS and
    /// P-SUBITEMS read the numbers a reader sees), each pointing into its written text.
    pub printed: Vec<SourcedText>,
}

/// Composes a report with the numbers of `layout`.
pub fn compose(report: &Report, layout: &Layout) -> Composed {
    let mut c = Composer {
        blocks: Vec::new(),
        sources: Vec::new(),
        tables: &layout.table,
    };
    let year = report.year.value;
    let issuer = &report.issuer.value;
    let title_lines: Vec<String> = if report.title.is_empty() {
        vec![format!("{issuer}{year}年政府信息公开工作年度报告")]
    } else {
        for line in &report.title {
            c.source(Role::Title, line);
        }
        report.title.iter().map(|t| t.value.clone()).collect()
    };
    let date = report.date.as_ref().map(|d| d.value);
    let meta = Meta {
        title: title_lines.concat(),
        author: issuer.clone(),
        lang: "zh-CN".into(),
        // Without a date of its own, a report carries 1 January of the following year, the
        // earliest it can be published: never the time of rendering, so output is reproducible.
        date: date.unwrap_or(Date {
            year: year.saturating_add(1),
            month: 1,
            day: 1,
        }),
    };

    let width = placement::title_width(layout);
    let rows = title_lines
        .iter()
        .flat_map(|line| {
            // A line may break after the issuer's name when it starts with it.
            let segments = match line.strip_prefix(issuer.as_str()) {
                Some(rest) if !issuer.is_empty() && !rest.is_empty() => vec![issuer.clone(), rest.to_owned()],
                _ => Vec::new(),
            };
            placement::title_rows(line, &segments, width)
        })
        .collect();
    c.blocks.push(Block::Title { rows });
    if let Some(addressee) = &report.addressee {
        c.addressee(addressee);
    }
    c.body(&report.preamble, None, 3);
    for (i, part) in report.parts.iter().enumerate() {
        let heading = match &part.heading {
            Some(h) => {
                c.source(Role::Heading1, h);
                h.value.clone()
            }
            // Parts without a title print the shape's own, if it has one (a free-form part
            // without one is reported by S-EMPTY and prints nothing after its number).
            None => formats::part_title(report.format, i)
                .unwrap_or_default()
                .to_owned(),
        };
        c.blocks.push(Block::Heading {
            level: 1,
            role: Role::Heading1,
            text: format!("{}、{heading}", chinese_numeral(i + 1)),
        });
        c.body(&part.body, None, 3);
        for (j, section) in part.sections.iter().enumerate() {
            c.source(Role::Heading2, &section.heading);
            let heading = format!("（{}）{}", chinese_numeral(j + 1), section.heading.value);
            match &section.text {
                Some(text) => {
                    c.source(Role::Body, text);
                    c.blocks.push(Block::Paragraph {
                        runs: vec![run(Role::Heading2, heading), run(Role::Body, text.value.clone())],
                    });
                }
                None => c.blocks.push(Block::Heading {
                    level: 2,
                    role: Role::Heading2,
                    text: heading,
                }),
            }
            c.body(&section.body, None, 3);
        }
        c.blocks
            .extend(formats::table_after_part(report, i, layout).map(Block::Table));
    }
    if let Some(sig) = &report.signature {
        let issuer = match &sig.issuer {
            Some(i) => {
                c.source(Role::Body, i);
                i.value.clone()
            }
            None => issuer.clone(),
        };
        let date = sig.date.as_ref().map(|d| d.value).or(date).map(|d| d.chinese());
        let (issuer_indent, date_indent) = placement::signature(&issuer, date.as_deref(), layout);
        c.blocks.push(Block::Signature {
            issuer,
            issuer_indent,
            date,
            date_indent,
        });
    }
    // Citations of the tables in the text print the tables' values (`model::cite`).
    let values = formats::citable(report);
    for block in &mut c.blocks {
        cite_in(block, &values);
    }
    Composed {
        document: Document {
            meta,
            blocks: c.blocks,
        },
        printed: c.sources.iter().map(|s| s.printed(&values)).collect(),
        sources: c.sources,
        citable: values,
    }
}

/// The citations in a paragraph's runs or a heading replaced by the values they name.
fn cite_in(block: &mut Block, values: &[cite::Citable]) {
    match block {
        Block::Paragraph { runs } => {
            for r in runs.iter_mut().filter(|r| cite::has_braces(&r.text)) {
                r.text = cite::substitute(&r.text, values);
            }
        }
        Block::Heading { text, .. } if cite::has_braces(text) => *text = cite::substitute(text, values),
        _ => {}
    }
}

/// A run of text as printed: with break opportunities in its long tokens (URLs, codes), so
/// every renderer breaks them alike and none stretches a line or runs off the margin.
fn run(role: Role, text: String) -> Run {
    let text = placement::breakable(&text);
    Run { role, text }
}

struct Composer<'a> {
    blocks: Vec<Block>,
    sources: Vec<SourcedText>,
    /// The tables' layout, for the tables a report writes in its body.
    tables: &'a crate::layout::TableLayout,
}

impl Composer<'_> {
    fn source(&mut self, role: Role, text: &Text) {
        self.push_source(role, text.value.clone(), text.referenced);
    }

    fn push_source(&mut self, role: Role, text: String, at: Location) {
        self.sources.push(SourcedText {
            role,
            text,
            at,
            item: false,
            cited: None,
        });
    }

    /// The text of a list item, printed after a generated number.
    fn push_item_source(&mut self, text: String, at: Location) {
        self.sources.push(SourcedText {
            role: Role::Body,
            text,
            at,
            item: true,
            cited: None,
        });
    }

    /// The addressee line (主送机关): the bodies joined with 、, ending in one full-width
    /// colon, which is added when the user left it out. A half-width `:` is replaced (P-PUNCT
    /// points at it in the YAML), so the line never ends in 「:：」.
    fn addressee(&mut self, addressee: &Spanned<Addressee>) {
        let names: Vec<(&str, Location)> = match &addressee.value {
            Addressee::One(name) => vec![(name.as_str(), addressee.referenced)],
            Addressee::Many(names) => names.iter().map(|n| (n.value.as_str(), n.referenced)).collect(),
        };
        if names.is_empty() {
            return; // S-EMPTY reports an empty list
        }
        for &(name, at) in &names {
            self.push_source(Role::Body, name.to_owned(), at);
        }
        let joined = names
            .iter()
            .map(|(n, _)| n.trim_end().trim_end_matches(['：', ':']))
            .collect::<Vec<_>>()
            .join("、");
        self.blocks.push(Block::Addressee {
            text: placement::breakable(&format!("{joined}：")),
        });
    }

    /// Paragraphs and lists; a list here is numbered at `level` (3 in a part or section, 4
    /// inside an item) in the form it asks for, or the one below `parent`'s.
    fn body(&mut self, body: &[Spanned<Written>], parent: Option<Numbering>, level: u8) {
        for block in body {
            match &block.value {
                Written::Paragraph(text) => {
                    self.push_source(Role::Body, text.clone(), block.referenced);
                    self.blocks.push(Block::Paragraph {
                        runs: vec![run(Role::Body, text.clone())],
                    });
                }
                Written::Items(list) => {
                    let numbering = list
                        .numbering
                        .as_ref()
                        .map(|n| n.value)
                        .or_else(|| Numbering::below(parent))
                        // Nothing ranks below ①: S-DEPTH refuses such a list before it prints.
                        .unwrap_or(Numbering::Circled);
                    self.items(&list.items, numbering, level);
                }
                Written::Table(t) => {
                    let table = table::table(t, self.tables, &mut self.sources);
                    self.blocks.push(Block::Table(table));
                }
            }
        }
    }

    /// Numbered items in `numbering`, at `level` 3 (the 1. level of 一、（一）1.（1）) or 4
    /// (and deeper, which S-DEPTH refuses). Each item prints its number with its heading
    /// and text, then its `body`, then its sub-items one level down.
    fn items(&mut self, items: &[Spanned<ItemEntry>], numbering: Numbering, level: u8) {
        let role = if level == 3 {
            Role::Heading3
        } else {
            Role::Heading4
        };
        for (k, entry) in items.iter().enumerate() {
            // Past ⑳ S-NUMBERING refuses the list, so this form is never printed.
            let number = numbering.label(k + 1).unwrap_or_else(|| format!("（{}）", k + 1));
            let item = match &entry.value {
                ItemEntry::Plain(text) => {
                    self.push_item_source(text.clone(), entry.referenced);
                    self.blocks.push(Block::Paragraph {
                        runs: vec![run(Role::Body, format!("{number}{text}"))],
                    });
                    continue;
                }
                ItemEntry::Full(item) => item,
            };
            if let Some(h) = &item.heading {
                self.source(role, h);
            }
            if let Some(t) = &item.text {
                self.push_item_source(t.value.clone(), t.referenced);
            }
            let text = item.text.as_ref().map(|t| t.value.clone());
            match (&item.heading, text) {
                // A heading without text stands on its own line, as a section's does.
                (Some(h), None) => self.blocks.push(Block::Heading {
                    level: level.min(4),
                    role,
                    text: format!("{number}{}", h.value),
                }),
                (Some(h), Some(text)) => self.blocks.push(Block::Paragraph {
                    runs: [run(role, format!("{number}{}", h.value)), run(Role::Body, text)]
                        .into_iter()
                        .filter(|r| !r.text.is_empty())
                        .collect(),
                }),
                (None, text) => self.blocks.push(Block::Paragraph {
                    runs: vec![run(Role::Body, format!("{number}{}", text.unwrap_or_default()))],
                }),
            }
            self.body(&item.body, Some(numbering), level + 1);
            let below = Numbering::below(Some(numbering)).unwrap_or(Numbering::Circled);
            self.items(&item.items, below, level + 1);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::parse;
    use crate::template::Template;
    use std::path::Path;

    #[test]
    fn headings_are_numbered_from_order_and_run_in_sections_share_a_paragraph() {
        let yaml = "issuer: 某局\nyear: 2020\nparts:\n  - heading: 甲\n    sections:\n      - heading: 乙。\n        text: 丙。\n      - heading: 丁\n  - heading: 戊\n    body:\n      - items: [子, {heading: 丑。, text: 寅, items: [卯]}]\n";
        let layout = Template::builtin().unwrap().layout;
        let doc = compose(&parse(Path::new("t"), yaml).unwrap(), &layout).document;
        let json = serde_json::to_value(&doc.blocks).unwrap();
        let texts: Vec<String> = json
            .as_array()
            .unwrap()
            .iter()
            .map(|b| match b["kind"].as_str().unwrap() {
                "title" => b["rows"][0].as_str().unwrap().to_owned(),
                "heading" => b["text"].as_str().unwrap().to_owned(),
                _ => b["runs"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|r| r["text"].as_str().unwrap())
                    .collect(),
            })
            .collect();
        assert_eq!(
            texts,
            [
                "某局2020年政府信息公开工作年度报告",
                "一、甲",
                "（一）乙。丙。",
                "（二）丁",
                "二、戊",
                "1.子",
                "2.丑。寅",
                "（1）卯"
            ]
        );
        assert_eq!(
            doc.meta.date,
            Date {
                year: 2021,
                month: 1,
                day: 1
            }
        );
    }

    /// The texts of the blocks after the title, one string each.
    fn printed(yaml: &str) -> Vec<(String, String)> {
        let layout = Template::builtin().unwrap().layout;
        let doc = compose(&parse(Path::new("t"), yaml).unwrap(), &layout).document;
        let json = serde_json::to_value(&doc.blocks).unwrap();
        json.as_array()
            .unwrap()
            .iter()
            .skip(1)
            .map(|b| {
                let kind = b["kind"].as_str().unwrap().to_owned();
                let text = match b["runs"].as_array() {
                    Some(runs) => runs.iter().map(|r| r["text"].as_str().unwrap()).collect(),
                    None => b["text"].as_str().unwrap().to_owned(),
                };
                (kind, text)
            })
            .collect()
    }

    #[test]
    fn items_print_their_paragraphs_then_their_sub_items_in_the_numbering_chosen() {
        let yaml = "issuer: 某局\nyear: 2020\naddressee: [市政府, \"市政府办公厅：\"]\nparts:\n  - heading: 甲\n    body:\n      - numbering: \"1、\"\n        items:\n          - heading: 门户网站\n            body: [第一段。, 第二段。, {items: [子一]}]\n            items: [子二]\n          - 乙\n      - numbering: \"①\"\n        items: [丙, 丁]\n      - numbering: \"（1）\"\n        items: [{text: 戊, items: [己]}]\n";
        let p = |k: &str, t: &str| (k.to_owned(), t.to_owned());
        assert_eq!(
            printed(yaml),
            [
                p("addressee", "市政府、市政府办公厅："),
                p("heading", "一、甲"),
                p("heading", "1、门户网站"),
                p("paragraph", "第一段。"),
                p("paragraph", "第二段。"),
                p("paragraph", "（1）子一"),
                p("paragraph", "（1）子二"),
                p("paragraph", "2、乙"),
                p("paragraph", "①丙"),
                p("paragraph", "②丁"),
                p("paragraph", "（1）戊"),
                p("paragraph", "①己"),
            ]
        );
    }

    #[test]
    fn the_addressee_ends_in_one_full_width_colon() {
        for (written, line) in [
            ("市政府", "市政府："),
            ("市政府：", "市政府："),
            ("市政府:", "市政府："),
        ] {
            let yaml =
                format!("issuer: 某局\nyear: 2020\naddressee: \"{written}\"\nparts: [{{heading: 甲}}]\n");
            assert_eq!(printed(&yaml)[0], ("addressee".to_owned(), line.to_owned()));
        }
    }
}
