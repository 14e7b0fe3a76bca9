//! The report as data: the typed form of a report's YAML, before any layout.
//!
//! Heading numbers (一、 （一） 1. （1）) are never typed by the user; they follow from order.
//! Every piece of text keeps its place in the source file so that later checks can point at it.

mod date;
pub mod load;

use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde_saphyr::Spanned;
use std::fmt;

pub use date::Date;

/// A piece of text with the place in the YAML where it was written.
pub type Text = Spanned<String>;

/// Paragraphs and lists, in order, each with its place in the YAML.
pub type Body = Vec<Spanned<Block>>;

/// Which of the report shapes of DOMAIN.md a file describes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Format {
    /// Parts 一、二、… with subsections （一）（二）…, as reports were written before 2019.
    #[default]
    FreeForm,
}

/// One annual report (政府信息公开工作年度报告).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Report {
    /// The report's shape; `free_form` when omitted.
    #[serde(default)]
    pub format: Format,
    /// The body that publishes the report (发布机关), e.g. 重庆市人民政府办公厅.
    pub issuer: Text,
    /// The year the report covers.
    pub year: Spanned<u16>,
    /// The title as printed, one entry per title line; a line too long for the page is
    /// broken into a trapezoid. Defaults to 「{issuer}{year}年政府信息公开工作年度报告」.
    #[serde(default)]
    pub title: Vec<Text>,
    /// The date of the report (成文日期), ISO form `2015-01-20`: printed in the signature and
    /// used as the PDF's creation date, so output does not depend on when it was rendered.
    #[serde(default)]
    pub date: Option<Spanned<Date>>,
    /// Paragraphs before part 一.
    #[serde(default)]
    pub preamble: Body,
    /// The parts 一、二、…, in order.
    pub parts: Vec<Part>,
    /// The closing signature block (落款); omitted in most annual reports.
    #[serde(default)]
    pub signature: Option<Signature>,
}

/// A part 一、 with its heading, its own paragraphs and its subsections （一）（二）….
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Part {
    /// The heading without its number: 「重点领域信息公开情况」.
    pub heading: Text,
    /// Paragraphs between the heading and the first subsection.
    #[serde(default)]
    pub body: Body,
    #[serde(default)]
    pub sections: Vec<Section>,
}

/// A subsection （一）. With `text` it is run-in: heading and text share one paragraph
/// (「（一）标题。正文…」); without, the heading stands on its own line.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Section {
    /// The heading without its number, with its own closing punctuation if any.
    pub heading: Text,
    /// The text that follows a run-in heading in the same paragraph.
    #[serde(default)]
    pub text: Option<Text>,
    /// Further paragraphs of the subsection.
    #[serde(default)]
    pub body: Body,
}

/// The signature block (落款): issuer and date, each defaulting to the report's.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Signature {
    #[serde(default)]
    pub issuer: Option<Text>,
    #[serde(default)]
    pub date: Option<Spanned<Date>>,
}

/// A block of body text: a paragraph (a plain string in YAML) or a numbered list
/// (`items:`), numbered 1. 2. … and, one level down, （1）（2）….
#[derive(Debug, Clone)]
pub enum Block {
    Paragraph(String),
    Items(Vec<Spanned<ItemEntry>>),
}

/// One entry of a numbered list: plain text, or a run-in heading with text and sub-items.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Item {
    /// A run-in heading printed after the number, before the text.
    #[serde(default)]
    pub heading: Option<String>,
    #[serde(default)]
    pub text: Option<String>,
    /// Sub-items, numbered （1）（2）….
    #[serde(default)]
    pub items: Vec<Spanned<ItemEntry>>,
}

/// An item as written: a plain string, or a mapping with the fields of [`Item`].
#[derive(Debug, Clone)]
pub struct ItemEntry(pub Item);

/// The only key a list block may have.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ItemsBlock {
    items: Vec<Spanned<ItemEntry>>,
}

impl<'de> Deserialize<'de> for Block {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct BlockVisitor;
        impl<'de> Visitor<'de> for BlockVisitor {
            type Value = Block;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a paragraph (text) or a numbered list (`items:`)")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Block, E> {
                Ok(Block::Paragraph(v.to_owned()))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Block, A::Error> {
                let block = ItemsBlock::deserialize(de::value::MapAccessDeserializer::new(map))?;
                Ok(Block::Items(block.items))
            }
        }
        deserializer.deserialize_any(BlockVisitor)
    }
}

impl<'de> Deserialize<'de> for ItemEntry {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ItemVisitor;
        impl<'de> Visitor<'de> for ItemVisitor {
            type Value = ItemEntry;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an item: text, or a mapping with `heading`, `text`, `items`")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<ItemEntry, E> {
                Ok(ItemEntry(Item {
                    text: Some(v.to_owned()),
                    ..Item::default()
                }))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<ItemEntry, A::Error> {
                Item::deserialize(de::value::MapAccessDeserializer::new(map)).map(ItemEntry)
            }
        }
        deserializer.deserialize_any(ItemVisitor)
    }
}
