//! The pieces every report is made of, as data: texts with their place in the YAML, parts,
//! sections, paragraphs and numbered lists, the signature and dates. The whole report, with
//! the data of its shape, is `formats::Report`; reading it from YAML is `load`.
//!
//! Heading numbers (一、 （一） 1. （1）) are never typed by the user; they follow from order.
//! Every piece of text keeps its place in the source file so that later checks can point at it.

mod date;
pub mod number;
pub mod table;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde_saphyr::Spanned;
use std::borrow::Cow;
use std::fmt;

pub use date::Date;

/// A piece of text with the place in the YAML where it was written.
pub type Text = Spanned<String>;

/// Paragraphs and lists, in order, each with its place in the YAML.
pub type Body = Vec<Spanned<Block>>;

/// A part 一、 with its heading, its own paragraphs and its subsections （一）（二）….
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Part {
    /// The heading without its number: 「重点领域信息公开情况」.
    /// In free-form reports required; in `standard_2021` reports the canonical title of
    /// the part is printed when it is left out.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub heading: Option<Text>,
    /// Paragraphs between the heading and the first subsection.
    #[serde(default)]
    #[schemars(with = "Vec<Block>")]
    pub body: Body,
    #[serde(default)]
    pub sections: Vec<Section>,
}

/// A subsection （一）. With `text` it is run-in: heading and text share one paragraph
/// (「（一）标题。正文…」); without, the heading stands on its own line.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Section {
    /// The heading without its number, with its own closing punctuation if any.
    #[schemars(with = "String")]
    pub heading: Text,
    /// The text that follows a run-in heading in the same paragraph.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub text: Option<Text>,
    /// Further paragraphs of the subsection.
    #[serde(default)]
    #[schemars(with = "Vec<Block>")]
    pub body: Body,
}

/// The signature block (落款): issuer and date, each defaulting to the report's.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Signature {
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub issuer: Option<Text>,
    #[serde(default)]
    #[schemars(with = "Option<Date>")]
    pub date: Option<Spanned<Date>>,
}

/// A block of body text: a paragraph (a plain string in YAML), a numbered list
/// (`items:`), numbered 1. 2. … and, one level down, （1）（2）…, or a table (`table:`,
/// `statistics:`).
#[derive(Debug, Clone)]
pub enum Block {
    Paragraph(String),
    Items(Vec<Spanned<ItemEntry>>),
    Table(table::Table),
}

/// One entry of a numbered list: plain text, or a run-in heading with text and sub-items.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Item {
    /// A run-in heading printed after the number, before the text.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub heading: Option<Text>,
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub text: Option<Text>,
    /// Sub-items, numbered （1）（2）….
    #[serde(default)]
    #[schemars(with = "Vec<ItemEntry>")]
    pub items: Vec<Spanned<ItemEntry>>,
}

/// An item as written: a plain string, or a mapping with the fields of [`Item`].
#[derive(Debug, Clone)]
pub enum ItemEntry {
    Plain(String),
    Full(Item),
}

/// A block written as a mapping, by its one key: a numbered list or one of the two tables.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MappedBlock {
    #[serde(default)]
    items: Option<Vec<Spanned<ItemEntry>>>,
    #[serde(default)]
    table: Option<table::General>,
    #[serde(default)]
    statistics: Option<table::Statistics>,
}

impl<'de> Deserialize<'de> for Block {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct BlockVisitor;
        impl<'de> Visitor<'de> for BlockVisitor {
            type Value = Block;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str(
                    "a paragraph (text), a numbered list (`items:`) or a table (`table:`, `statistics:`)",
                )
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Block, E> {
                Ok(Block::Paragraph(v.to_owned()))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Block, A::Error> {
                let block = MappedBlock::deserialize(de::value::MapAccessDeserializer::new(map))?;
                match (block.items, block.table, block.statistics) {
                    (Some(items), None, None) => Ok(Block::Items(items)),
                    (None, Some(t), None) => Ok(Block::Table(table::Table::General(t))),
                    (None, None, Some(t)) => Ok(Block::Table(table::Table::Statistics(t))),
                    _ => Err(de::Error::custom(
                        "a block is one of `items:`, `table:` or `statistics:`; start a new `- ` entry for each",
                    )),
                }
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
                Ok(ItemEntry::Plain(v.to_owned()))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<ItemEntry, A::Error> {
                Item::deserialize(de::value::MapAccessDeserializer::new(map)).map(ItemEntry::Full)
            }
        }
        deserializer.deserialize_any(ItemVisitor)
    }
}

impl JsonSchema for Block {
    fn schema_name() -> Cow<'static, str> {
        "Block".into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let items = generator.subschema_for::<Vec<ItemEntry>>();
        let (general, statistics) = table::schemas(generator);
        json_schema!({
            "description": "A paragraph (a string), a numbered list 1. 2. … under `items:`, or a table under `table:` or `statistics:`.",
            "oneOf": [
                { "type": "string", "description": "One paragraph, printed as written." },
                {
                    "type": "object",
                    "properties": { "items": items },
                    "required": ["items"],
                    "additionalProperties": false
                },
                {
                    "type": "object",
                    "description": "A table: caption, header rows, body rows; a cell spans with `colspan` / `rowspan`.",
                    "properties": { "table": general },
                    "required": ["table"],
                    "additionalProperties": false
                },
                {
                    "type": "object",
                    "description": "The statistics table 指标名称 | 计量单位 | the value columns, rows with 「其中」 sub-rows.",
                    "properties": { "statistics": statistics },
                    "required": ["statistics"],
                    "additionalProperties": false
                }
            ]
        })
    }
}

impl JsonSchema for ItemEntry {
    fn schema_name() -> Cow<'static, str> {
        "ItemEntry".into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let item = generator.subschema_for::<Item>();
        json_schema!({
            "description": "A list item: its text, or `heading:` / `text:` / `items:`.",
            "oneOf": [{ "type": "string" }, item]
        })
    }
}
