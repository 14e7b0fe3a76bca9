//! Report → printable document, in one pass: the blocks in reading order with heading
//! numbers generated from order, titles and signatures placed (`placement`), the tables of
//! the report's shape where the shape puts them (`formats`), and the list of where each
//! piece of the user's text came from, which the rules check.

use crate::document::{Block, Document, Meta, Run, SourcedText};
use crate::formats::{self, Report};
use crate::layout::{Layout, Role};
use crate::model::{Block as Written, Date, ItemEntry, Text};
use crate::placement;
use crate::text::chinese_numeral;
use serde_saphyr::{Location, Spanned};

mod table;

/// A report composed: the document every renderer prints, and the user's texts with their
/// places in the YAML, in reading order, for the rules.
pub struct Composed {
    pub document: Document,
    pub sources: Vec<SourcedText>,
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
    c.body(&report.preamble);
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
        c.body(&part.body);
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
            c.body(&section.body);
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
    Composed {
        document: Document {
            meta,
            blocks: c.blocks,
        },
        sources: c.sources,
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
        self.sources.push(SourcedText { role, text, at });
    }

    fn body(&mut self, body: &[Spanned<Written>]) {
        for block in body {
            match &block.value {
                Written::Paragraph(text) => {
                    self.push_source(Role::Body, text.clone(), block.referenced);
                    self.blocks.push(Block::Paragraph {
                        runs: vec![run(Role::Body, text.clone())],
                    });
                }
                Written::Items(items) => self.items(items, 3),
                Written::Table(t) => {
                    let table = table::table(t, self.tables, &mut self.sources);
                    self.blocks.push(Block::Table(table));
                }
            }
        }
    }

    /// Numbered items: level 3 as 1. 2. …, level 4 (and any deeper) as （1）（2）….
    fn items(&mut self, items: &[Spanned<ItemEntry>], level: u8) {
        let role = if level == 3 {
            Role::Heading3
        } else {
            Role::Heading4
        };
        for (k, entry) in items.iter().enumerate() {
            let number = if level == 3 {
                format!("{}.", k + 1)
            } else {
                format!("（{}）", k + 1)
            };
            let (heading, text, subitems) = match &entry.value {
                ItemEntry::Plain(text) => {
                    self.push_source(Role::Body, text.clone(), entry.referenced);
                    (None, text.clone(), &[][..])
                }
                ItemEntry::Full(item) => {
                    if let Some(h) = &item.heading {
                        self.source(role, h);
                    }
                    if let Some(t) = &item.text {
                        self.source(Role::Body, t);
                    }
                    let text = item.text.as_ref().map(|t| t.value.clone()).unwrap_or_default();
                    (
                        item.heading.as_ref().map(|h| h.value.clone()),
                        text,
                        &item.items[..],
                    )
                }
            };
            let runs = match heading {
                Some(h) => vec![run(role, format!("{number}{h}")), run(Role::Body, text)],
                None => vec![run(Role::Body, format!("{number}{text}"))],
            };
            self.blocks.push(Block::Paragraph {
                runs: runs.into_iter().filter(|r| !r.text.is_empty()).collect(),
            });
            self.items(subitems, 4);
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
}
