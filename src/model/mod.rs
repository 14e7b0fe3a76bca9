//! The pieces every report is made of, as data: texts with their place in the YAML, parts,
//! sections, paragraphs and numbered lists, the signature and dates. The whole report, with
//! the data of its shape, is `formats::Report`; reading it from YAML is `load`.
//!
//! Heading numbers (一、 （一） 1. （1）) are never typed by the user; they follow from order.
//! Every piece of text keeps its place in the source file so that later checks can point at it.

pub mod cite;
mod date;
mod issuer;
pub mod number;
pub mod table;
pub mod table_cite;
pub mod value_error;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde_saphyr::Spanned;
use std::borrow::Cow;
use std::fmt;

pub use date::Date;
pub use issuer::IssuerKind;

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

/// The addressee line (主送机关): one body, or several, printed joined with 、.
#[derive(Debug, Clone)]
pub enum Addressee {
    /// `addressee: 市人民政府办公厅`
    One(String),
    /// `addressee: [市人民政府, 市政府办公厅]`, each name with its place.
    Many(Vec<Text>),
}

impl<'de> Deserialize<'de> for Addressee {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct AddresseeVisitor;
        impl<'de> Visitor<'de> for AddresseeVisitor {
            type Value = Addressee;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str(&crate::tr!("model-expect-addressee"))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Addressee, E> {
                Ok(Addressee::One(v.to_owned()))
            }
            fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<Addressee, A::Error> {
                let mut names = Vec::new();
                while let Some(name) = seq.next_element::<Text>()? {
                    names.push(name);
                }
                Ok(Addressee::Many(names))
            }
        }
        deserializer.deserialize_any(AddresseeVisitor)
    }
}

impl JsonSchema for Addressee {
    fn schema_name() -> Cow<'static, str> {
        "Addressee".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "The body the report is sent to (主送机关), or a list of bodies, joined with 、. Printed flush left on the line after the title, ending in 「：」 (added when not written).",
            "oneOf": [
                { "type": "string" },
                { "type": "array", "items": { "type": "string" } }
            ]
        })
    }
}

/// A block of body text: a paragraph (a plain string in YAML), a numbered list
/// (`items:`), numbered 1. 2. … and, one level down, （1）（2）… unless it says otherwise,
/// or a table (`table:`, `statistics:`).
#[derive(Debug, Clone)]
pub enum Block {
    Paragraph(String),
    Items(List),
    Table(table::Table),
}

/// The tables of `body` in printed order, those inside list items included.
pub fn tables_in<'a>(body: &'a Body, out: &mut Vec<&'a table::Table>) {
    fn items<'a>(list: &'a [Spanned<ItemEntry>], out: &mut Vec<&'a table::Table>) {
        for entry in list {
            if let ItemEntry::Full(item) = &entry.value {
                tables_in(&item.body, out);
                items(&item.items, out);
            }
        }
    }
    for block in body {
        match &block.value {
            Block::Table(t) => out.push(t),
            Block::Items(list) => items(&list.items, out),
            Block::Paragraph(_) => {}
        }
    }
}

/// A numbered list as written: its items, and the numbering it chose, if any.
#[derive(Debug, Clone)]
pub struct List {
    /// The number form the list asked for (`numbering:`), with its place; without one, the
    /// list takes the form of its level (see [`Numbering::below`]).
    pub numbering: Option<Spanned<Numbering>>,
    pub items: Vec<Spanned<ItemEntry>>,
}

/// The number forms a list may print, as published: the standard's 1. and （1）, the
/// 1、 many bodies use instead of 1., and the circled ① … ⑳.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
pub enum Numbering {
    /// 1. 2. 3. (half-width digit and full stop): GB/T 9704's third level.
    #[serde(rename = "1.")]
    Dot,
    /// 1、 2、 3、 (digit and 顿号), as many reports print the third level.
    #[serde(rename = "1、")]
    Comma,
    /// （1） （2） (full-width brackets): GB/T 9704's fourth level.
    #[serde(rename = "（1）")]
    Paren,
    /// ① ② … ⑳: circled numbers, for a list below （1） or a short enumeration; 20 at most.
    #[serde(rename = "①")]
    Circled,
}

impl Numbering {
    /// The most items a list of this form can number (the circled numbers stop at ⑳).
    pub const CIRCLED_MAX: usize = 20;

    /// The number of the `n`-th item (from 1), or `None` past ⑳.
    pub fn label(self, n: usize) -> Option<String> {
        match self {
            Numbering::Dot => Some(format!("{n}.")),
            Numbering::Comma => Some(format!("{n}、")),
            Numbering::Paren => Some(format!("（{n}）")),
            Numbering::Circled => (1..=Self::CIRCLED_MAX)
                .contains(&n)
                .then(|| char::from_u32(0x2460 + n as u32 - 1))
                .flatten()
                .map(String::from),
        }
    }

    /// The form as the user writes it in `numbering:`.
    pub fn as_str(self) -> &'static str {
        match self {
            Numbering::Dot => "1.",
            Numbering::Comma => "1、",
            Numbering::Paren => "（1）",
            Numbering::Circled => "①",
        }
    }

    /// The form a number typed by hand has (「1．」 is 1., 「(1)」 is （1））, if it is one of
    /// these; 一、 and （一） are the numbers of parts and sections.
    pub fn like(typed: &str) -> Option<Numbering> {
        let last = typed.chars().last()?;
        let first = typed.chars().next()?;
        let digits = typed.chars().any(|c| c.is_ascii_digit());
        match (first, last) {
            ('①'..='⑳', _) => Some(Numbering::Circled),
            ('（' | '(', '）' | ')') if digits => Some(Numbering::Paren),
            (_, '.' | '．') if digits => Some(Numbering::Dot),
            (_, '、') if digits => Some(Numbering::Comma),
            _ => None,
        }
    }

    /// Where the form stands in the hierarchy 1. （1） ①: 1. and 1、 are one rank.
    pub fn rank(self) -> u8 {
        match self {
            Numbering::Dot | Numbering::Comma => 0,
            Numbering::Paren => 1,
            Numbering::Circled => 2,
        }
    }

    /// The form a list takes without `numbering:`: a list in a part or section 1., a list
    /// inside an item the form one rank below its parent's (1. → （1） → ①), and none below ①.
    pub fn below(parent: Option<Numbering>) -> Option<Numbering> {
        match parent {
            None => Some(Numbering::Dot),
            Some(Numbering::Dot | Numbering::Comma) => Some(Numbering::Paren),
            Some(Numbering::Paren) => Some(Numbering::Circled),
            Some(Numbering::Circled) => None,
        }
    }
}

/// A numbered list where the report nests it, for the rules that look at lists: as written,
/// with the form of the list whose item holds it and how deep it lies.
pub struct Nested<'a> {
    /// `numbering:` as written, if it was.
    pub numbering: Option<&'a Spanned<Numbering>>,
    pub items: &'a [Spanned<ItemEntry>],
    /// The form of the enclosing list, `None` for a list in a part, section or preamble.
    pub parent: Option<Numbering>,
    /// 1 for a list in a part, section or preamble, 2 inside one of its items, and so on.
    pub depth: usize,
}

impl Nested<'_> {
    /// The form the list prints: its own, or the one below its parent's; `None` below ①.
    pub fn form(&self) -> Option<Numbering> {
        self.numbering
            .map(|n| n.value)
            .or_else(|| Numbering::below(self.parent))
    }
}

/// Every numbered list of `body`, nested ones included, in reading order (an item's `body`
/// before its `items`, as printed).
pub fn each_list<'a>(body: &'a Body, f: &mut dyn FnMut(&Nested<'a>)) {
    lists_of(body, None, 1, f);
}

fn lists_of<'a>(body: &'a Body, parent: Option<Numbering>, depth: usize, f: &mut dyn FnMut(&Nested<'a>)) {
    for block in body {
        if let Block::Items(list) = &block.value {
            nested(
                Nested {
                    numbering: list.numbering.as_ref(),
                    items: &list.items,
                    parent,
                    depth,
                },
                f,
            );
        }
    }
}

fn nested<'a>(list: Nested<'a>, f: &mut dyn FnMut(&Nested<'a>)) {
    f(&list);
    let form = list.form().unwrap_or(Numbering::Circled);
    for entry in list.items {
        if let ItemEntry::Full(item) = &entry.value {
            lists_of(&item.body, Some(form), list.depth + 1, f);
            if !item.items.is_empty() {
                let sub = Nested {
                    numbering: None,
                    items: &item.items,
                    parent: Some(form),
                    depth: list.depth + 1,
                };
                nested(sub, f);
            }
        }
    }
}

/// One entry of a numbered list: plain text, or a heading with text, paragraphs and
/// sub-items.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Item {
    /// The item's heading, printed after the number: run-in before `text`, or, without
    /// `text`, on a line of its own (「1.门户网站」).
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub heading: Option<Text>,
    /// The item's text: after the number (and the heading), in the same paragraph.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub text: Option<Text>,
    /// Paragraphs (and lists) of the item, printed after its own paragraph as ordinary
    /// indented body paragraphs; a list here is numbered one level down, or as its
    /// `numbering:` says.
    #[serde(default)]
    #[schemars(with = "Vec<Block>")]
    pub body: Body,
    /// Sub-items, after `body`, numbered one level down: （1）（2）… below 1. or 1、, ①②…
    /// below （1）. To choose their numbering, write them as a list in `body` instead.
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

/// A block written as a mapping, by its one key: a numbered list (with its numbering) or
/// one of the two tables.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MappedBlock {
    #[serde(default)]
    numbering: Option<Spanned<Numbering>>,
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
                f.write_str(&crate::tr!("model-expect-block"))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Block, E> {
                Ok(Block::Paragraph(v.to_owned()))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Block, A::Error> {
                let block = MappedBlock::deserialize(de::value::MapAccessDeserializer::new(map))?;
                let numbered = block.numbering.is_some();
                match (block.items, block.table, block.statistics) {
                    (Some(items), None, None) => Ok(Block::Items(List {
                        numbering: block.numbering,
                        items,
                    })),
                    (None, Some(t), None) if !numbered => Ok(Block::Table(table::Table::General(t))),
                    (None, None, Some(t)) if !numbered => Ok(Block::Table(table::Table::Statistics(t))),
                    _ => Err(de::Error::custom(crate::tr!("model-block-one-key"))),
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
                f.write_str(&crate::tr!("model-expect-item"))
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
        let mut numbering = generator.subschema_for::<Numbering>();
        numbering.insert(
            "description".into(),
            "The list's number form: \"1.\", \"1、\", \"（1）\" or \"①\" (at most 20 items). Default: 1. for a list in a part or section, one rank below its parent's (（1）, then ①) for a list inside an item.".into(),
        );
        let (general, statistics) = table::schemas(generator);
        json_schema!({
            "description": "A paragraph (a string), a numbered list 1. 2. … under `items:`, or a table under `table:` or `statistics:`.",
            "oneOf": [
                { "type": "string", "description": "One paragraph, printed as written." },
                {
                    "type": "object",
                    "properties": { "numbering": numbering, "items": items },
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
            "description": "A list item: its text, or `heading:` / `text:` / `body:` / `items:`.",
            "oneOf": [{ "type": "string" }, item]
        })
    }
}
