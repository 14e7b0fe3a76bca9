//! Post-processing of the package docx-rs writes, for what it cannot say: paragraph and run
//! defaults Word and LibreOffice need for the grid (no widow control, no automatic space
//! between CJK and Latin, the zh-CN language), the document's core properties (title,
//! author, language, dates from the report) and a zip with fixed timestamps, so the same
//! input gives the same bytes. XML is parsed and re-written event by event, never edited as
//! text.

use super::parts;
use crate::document::Meta;
use crate::error::Error;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};
use quick_xml::{Reader, Writer};
use std::io::{Cursor, Read, Write};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipArchive, ZipWriter};

/// The finished package: the parts of `raw`, edited, in the same order, with fixed dates.
/// `header_rows`: for each table of the document, in order, how many of its first rows
/// repeat on every page (docx-rs cannot mark them).
/// `embedded`: fonts to carry in the package (ECMA-376 Part 1 §17.8.1).
pub fn finish(
    raw: &[u8],
    meta: &Meta,
    header_rows: &[usize],
    embedded: &[EmbeddedFont],
) -> Result<Vec<u8>, Error> {
    let fail = |e: &dyn std::fmt::Display| Error::Render {
        format: "DOCX",
        message: e.to_string(),
    };
    let mut archive = ZipArchive::new(Cursor::new(raw)).map_err(|e| fail(&e))?;
    let date = DateTime::from_date_and_time(meta.date.year, meta.date.month, meta.date.day, 0, 0, 0)
        .unwrap_or_default();
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .last_modified_time(date)
        .unix_permissions(0o644);
    let mut parts = Vec::new();
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).map_err(|e| fail(&e))?;
        let name = entry.name().to_owned();
        // Word needs no folder entries, and nothing refers to the unused parts.
        if entry.is_dir() || parts::UNUSED_PARTS.contains(&name.as_str()) {
            continue;
        }
        let mut data = Vec::new();
        entry.read_to_end(&mut data).map_err(|e| fail(&e))?;
        parts.push((name, data));
    }
    let fonts = parts::fonts_used(
        parts
            .iter()
            .filter(|(n, _)| n.starts_with("word/") && n.ends_with(".xml"))
            .map(|(_, d)| d.as_slice()),
    )
    .map_err(|e| fail(&e))?;
    let mut out = ZipWriter::new(Cursor::new(Vec::new()));
    for (name, data) in parts {
        let data = match name.as_str() {
            "word/styles.xml" => {
                let styles = last_style_wins(&data).map_err(|e| fail(&e))?;
                let styles = drop_empty_paragraph_marks(&styles).map_err(|e| fail(&e))?;
                style_defaults(&styles).map_err(|e| fail(&e))?
            }
            "word/document.xml" => {
                let body = drop_empty_paragraph_marks(&data).map_err(|e| fail(&e))?;
                repeat_header_rows(&body, header_rows).map_err(|e| fail(&e))?
            }
            "word/settings.xml" => settings(&data, !embedded.is_empty()).map_err(|e| fail(&e))?,
            "word/fontTable.xml" => parts::font_table(&fonts, embedded).map_err(|e| fail(&e))?,
            "word/_rels/document.xml.rels" => parts::relationships(&data, true).map_err(|e| fail(&e))?,
            "[Content_Types].xml" => {
                parts::content_types(&data, !embedded.is_empty()).map_err(|e| fail(&e))?
            }
            n if n.starts_with("word/footer") && n.ends_with(".xml") => {
                drop_empty_paragraph_marks(&data).map_err(|e| fail(&e))?
            }
            "docProps/core.xml" => core_properties(meta).map_err(|e| fail(&e))?,
            _ => data,
        };
        let data = if name.starts_with("word/") && name.ends_with(".xml") {
            super::schema_order::reorder(&data).map_err(|e| fail(&e))?
        } else {
            data
        };
        out.start_file(name, options).map_err(|e| fail(&e))?;
        out.write_all(&data).map_err(|e| fail(&e))?;
    }
    out.start_file(parts::THEME_PART, options).map_err(|e| fail(&e))?;
    out.write_all(parts::THEME.as_bytes()).map_err(|e| fail(&e))?;
    if !embedded.is_empty() {
        out.start_file("word/_rels/fontTable.xml.rels", options)
            .map_err(|e| fail(&e))?;
        out.write_all(&font_relationships(embedded).map_err(|e| fail(&e))?)
            .map_err(|e| fail(&e))?;
        for (i, font) in embedded.iter().enumerate() {
            out.start_file(format!("word/fonts/font{}.odttf", i + 1), options)
                .map_err(|e| fail(&e))?;
            out.write_all(&obfuscate(&font.data, &font.key()))
                .map_err(|e| fail(&e))?;
        }
    }
    Ok(out.finish().map_err(|e| fail(&e))?.into_inner())
}

pub(super) type XmlResult<T> = Result<T, quick_xml::Error>;

/// A font to carry in the package, under the family name the document's runs use.
#[derive(Debug, Clone)]
pub struct EmbeddedFont {
    pub name: String,
    pub data: Vec<u8>,
}

impl EmbeddedFont {
    /// The font's obfuscation key, a GUID derived from its bytes, so the same font gives the
    /// same package.
    pub fn key(&self) -> String {
        use sha2::{Digest, Sha256};
        let h = Sha256::digest(&self.data);
        let hex: String = h[..16].iter().map(|b| format!("{b:02X}")).collect();
        format!(
            "{{{}-{}-{}-{}-{}}}",
            &hex[..8],
            &hex[8..12],
            &hex[12..16],
            &hex[16..20],
            &hex[20..32]
        )
    }
}

/// ECMA-376 Part 1 §17.8.1: the first 32 bytes of the font are XORed with the key's 16
/// bytes, taken from the GUID's hex digits read from the end.
pub fn obfuscate(font: &[u8], guid: &str) -> Vec<u8> {
    let digits: Vec<u8> = guid.bytes().filter(u8::is_ascii_hexdigit).collect();
    let key: Vec<u8> = (0..16)
        .map(|i| {
            let pair = &digits[30 - 2 * i..32 - 2 * i];
            let text = std::str::from_utf8(pair).unwrap_or("00");
            u8::from_str_radix(text, 16).unwrap_or(0)
        })
        .collect();
    let mut out = font.to_vec();
    for (i, byte) in out.iter_mut().take(32).enumerate() {
        *byte ^= key[i % 16];
    }
    out
}

fn font_relationships(embedded: &[EmbeddedFont]) -> XmlResult<Vec<u8>> {
    let mut w = Writer::new(Vec::new());
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), Some("yes"))))?;
    let mut root = BytesStart::new("Relationships");
    root.push_attribute((
        "xmlns",
        "http://schemas.openxmlformats.org/package/2006/relationships",
    ));
    w.write_event(Event::Start(root))?;
    for i in 1..=embedded.len() {
        let (id, target) = (format!("rIdFont{i}"), format!("fonts/font{i}.odttf"));
        w.write_event(empty(
            "Relationship",
            &[
                ("Id", &id),
                (
                    "Type",
                    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/font",
                ),
                ("Target", &target),
            ],
        ))?;
    }
    w.write_event(Event::End(BytesEnd::new("Relationships")))?;
    Ok(w.into_inner())
}

/// `w:settings` with w:embedTrueTypeFonts when `embed_fonts`. Where it goes among the other
/// settings is the schema-order pass's to say (`schema_order`), as for every other part.
fn settings(xml: &[u8], embed_fonts: bool) -> XmlResult<Vec<u8>> {
    rewrite(xml, |event, writer| {
        if embed_fonts && matches!(event, Event::End(e) if e.name().into_inner() == "w:settings") {
            writer.write_event(empty("w:embedTrueTypeFonts", &[]))?;
        }
        Ok(true)
    })
}

/// Copies `xml` event by event. `edit` sees each event first and may write events of its
/// own; it returns whether the event itself is still to be copied.
pub(super) fn rewrite(
    xml: &[u8],
    mut edit: impl FnMut(&Event, &mut Writer<Vec<u8>>) -> XmlResult<bool>,
) -> XmlResult<Vec<u8>> {
    let mut reader = Reader::from_reader(xml);
    let mut writer = Writer::new(Vec::new());
    let mut buf = Vec::new();
    loop {
        let event = reader.read_event_into(&mut buf)?;
        if matches!(event, Event::Eof) {
            break;
        }
        if edit(&event, &mut writer)? {
            writer.write_event(event.borrow())?;
        }
        buf.clear();
    }
    Ok(writer.into_inner())
}

pub(super) fn empty(name: &str, attrs: &[(&str, &str)]) -> Event<'static> {
    let mut e = BytesStart::new(name.to_owned());
    for (k, v) in attrs {
        e.push_attribute((*k, *v));
    }
    Event::Empty(e)
}

/// In `w:docDefaults`: paragraphs without widow control, hanging punctuation (as far as
/// the two word processors allow one setting to say it) or the automatic quarter em between
/// CJK and Latin (each breaks the 28 × 22 grid), and runs in zh-CN.
fn style_defaults(xml: &[u8]) -> XmlResult<Vec<u8>> {
    let paragraph_defaults = [
        empty("w:widowControl", &[("w:val", "0")]),
        // Word and LibreOffice read this element in opposite senses: LibreOffice maps
        // overflowPunct=1 to "no hanging punctuation" (measured: with 0, it hangs a final 、
        // a full em past the margin), while for Word 1 is its default, punctuation may hang.
        // 1 keeps LibreOffice on the grid and leaves Word as every Word document is.
        empty("w:overflowPunct", &[("w:val", "1")]),
        empty("w:autoSpaceDE", &[("w:val", "0")]),
        empty("w:autoSpaceDN", &[("w:val", "0")]),
    ];
    let run_defaults = [empty("w:lang", &[("w:val", "zh-CN"), ("w:eastAsia", "zh-CN")])];
    let mut path: Vec<String> = Vec::new();
    let in_default = |path: &[String], parent: &str| path.len() >= 2 && path[path.len() - 2] == parent;
    rewrite(xml, |event, writer| {
        match event {
            Event::Start(e) => {
                path.push(e.name().into_inner().to_owned());
                // These elements come first in a w:pPr, so inserting them first keeps the
                // order the schema requires.
                if e.name().into_inner() == "w:pPr" && in_default(&path, "w:pPrDefault") {
                    writer.write_event(event.borrow())?;
                    for d in &paragraph_defaults {
                        writer.write_event(d.borrow())?;
                    }
                    return Ok(false);
                }
            }
            Event::End(e) => {
                // w:lang is among the last children of a w:rPr.
                if e.name().into_inner() == "w:rPr" && in_default(&path, "w:rPrDefault") {
                    for d in &run_defaults {
                        writer.write_event(d.borrow())?;
                    }
                }
                path.pop();
            }
            _ => {}
        }
        Ok(true)
    })
}

/// docx-rs always writes a bare `Normal` style before the ones it is given; a style id
/// must be unique, so of styles with one id only the last (ours) is kept.
fn last_style_wins(xml: &[u8]) -> XmlResult<Vec<u8>> {
    // First pass: how many styles carry each id.
    let mut reader = Reader::from_reader(xml);
    let mut buf = Vec::new();
    let mut ids: Vec<String> = Vec::new();
    loop {
        match reader.read_event_into(&mut buf)? {
            Event::Eof => break,
            Event::Start(e) if e.name().into_inner() == "w:style" => ids.push(style_id(&e)),
            _ => {}
        }
        buf.clear();
    }
    // Second pass: copy everything but a style whose id comes again later.
    let mut seen = 0;
    let mut skipping = false;
    rewrite(xml, |event, _| {
        Ok(match event {
            Event::Start(e) if e.name().into_inner() == "w:style" => {
                seen += 1;
                skipping = ids[seen..].contains(&ids[seen - 1]);
                !skipping
            }
            Event::End(e) if e.name().into_inner() == "w:style" => !std::mem::take(&mut skipping),
            _ => !skipping,
        })
    })
}

fn style_id(e: &BytesStart) -> String {
    e.attributes()
        .flatten()
        .find(|a| a.key.into_inner() == "w:styleId")
        .map(|a| a.value.to_string())
        .unwrap_or_default()
}

/// Marks the first rows of each top-level table `w:tblHeader`, so Word and LibreOffice
/// repeat them on every page the table runs over.
fn repeat_header_rows(xml: &[u8], header_rows: &[usize]) -> XmlResult<Vec<u8>> {
    let mut table = 0; // tables seen
    let mut depth = 0; // table nesting
    let mut row = 0; // rows of the current table
    let mut pending = false; // a header row whose w:tblHeader is not yet written
    let header = |writer: &mut Writer<Vec<u8>>| -> XmlResult<()> {
        writer.write_event(Event::Start(BytesStart::new("w:trPr")))?;
        writer.write_event(empty("w:tblHeader", &[]))?;
        writer.write_event(Event::End(BytesEnd::new("w:trPr")))?;
        Ok(())
    };
    rewrite(xml, |event, writer| {
        let (name, start, end, is_empty) = match event {
            Event::Start(e) => (e.name().into_inner().to_owned(), true, false, false),
            Event::Empty(e) => (e.name().into_inner().to_owned(), false, false, true),
            Event::End(e) => (e.name().into_inner().to_owned(), false, true, false),
            _ => return Ok(true),
        };
        match name.as_str() {
            "w:tbl" if start => {
                depth += 1;
                if depth == 1 {
                    table += 1;
                    row = 0;
                }
            }
            "w:tbl" if end => depth -= 1,
            "w:tr" if start && depth == 1 => {
                row += 1;
                pending = header_rows.get(table - 1).is_some_and(|&n| row <= n);
            }
            // The row's own properties: w:tblHeader goes inside, after w:cantSplit.
            "w:trPr" if end && pending => {
                writer.write_event(empty("w:tblHeader", &[]))?;
                pending = false;
            }
            "w:trPr" if is_empty && pending => {
                header(writer)?;
                pending = false;
                return Ok(false);
            }
            // No w:trPr at all: one goes before the first cell.
            "w:tc" if pending => {
                header(writer)?;
                pending = false;
            }
            _ => {}
        }
        Ok(true)
    })
}

/// docx-rs writes an empty `<w:rPr/>` first in every `w:pPr`, where the schema wants
/// `w:pStyle` first and `w:rPr` last; an empty one says nothing, so it is dropped.
fn drop_empty_paragraph_marks(xml: &[u8]) -> XmlResult<Vec<u8>> {
    let mut parent = String::new();
    rewrite(xml, |event, _| {
        match event {
            Event::Empty(e) if e.name().into_inner() == "w:rPr" && parent == "w:pPr" => return Ok(false),
            Event::Start(e) => parent = e.name().into_inner().to_owned(),
            Event::End(_) => parent.clear(),
            _ => {}
        }
        Ok(true)
    })
}

/// docProps/core.xml: title, author, language and the report's date as created/modified.
fn core_properties(meta: &Meta) -> XmlResult<Vec<u8>> {
    let date = format!("{}T00:00:00Z", meta.date);
    let mut w = Writer::new(Vec::new());
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), Some("yes"))))?;
    let mut root = BytesStart::new("cp:coreProperties");
    for (k, v) in [
        (
            "xmlns:cp",
            "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
        ),
        ("xmlns:dc", "http://purl.org/dc/elements/1.1/"),
        ("xmlns:dcterms", "http://purl.org/dc/terms/"),
        ("xmlns:dcmitype", "http://purl.org/dc/dcmitype/"),
        ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
    ] {
        root.push_attribute((k, v));
    }
    w.write_event(Event::Start(root))?;
    let mut element = |name: &str, attrs: &[(&str, &str)], text: &str| -> XmlResult<()> {
        let mut start = BytesStart::new(name);
        for a in attrs {
            start.push_attribute(*a);
        }
        w.write_event(Event::Start(start))?;
        w.write_event(Event::Text(BytesText::new(text)))?;
        w.write_event(Event::End(BytesEnd::new(name)))?;
        Ok(())
    };
    element("dc:title", &[], &meta.title)?;
    element("dc:creator", &[], &meta.author)?;
    element("cp:lastModifiedBy", &[], &meta.author)?;
    element("dc:language", &[], &meta.lang)?;
    element("cp:revision", &[], "1")?;
    element("dcterms:created", &[("xsi:type", "dcterms:W3CDTF")], &date)?;
    element("dcterms:modified", &[("xsi:type", "dcterms:W3CDTF")], &date)?;
    w.write_event(Event::End(BytesEnd::new("cp:coreProperties")))?;
    Ok(w.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Date;

    fn meta() -> Meta {
        Meta {
            title: "某局2023年<报告>&".into(),
            author: "某局".into(),
            lang: "zh-CN".into(),
            date: Date {
                year: 2024,
                month: 1,
                day: 2,
            },
        }
    }

    #[test]
    fn defaults_are_added_in_schema_order() {
        let xml = br#"<w:styles><w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val="32"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:line="579"/></w:pPr></w:pPrDefault></w:docDefaults><w:style><w:pPr><w:jc w:val="center"/></w:pPr></w:style></w:styles>"#;
        let out = String::from_utf8(style_defaults(xml).unwrap()).unwrap();
        assert!(out.contains(r#"<w:pPr><w:widowControl w:val="0"/><w:overflowPunct w:val="1"/><w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/><w:spacing w:line="579"/></w:pPr>"#), "{out}");
        assert!(
            out.contains(r#"<w:sz w:val="32"/><w:lang w:val="zh-CN" w:eastAsia="zh-CN"/></w:rPr>"#),
            "{out}"
        );
        // A style's own w:pPr is left alone.
        assert!(
            out.contains(r#"<w:style><w:pPr><w:jc w:val="center"/></w:pPr></w:style>"#),
            "{out}"
        );
    }

    #[test]
    fn obfuscation_xors_the_first_32_bytes_with_the_reversed_guid_and_undoes_itself() {
        let font: Vec<u8> = (0u8..64).collect();
        let guid = "{00112233-4455-6677-8899-AABBCCDDEEFF}";
        let out = obfuscate(&font, guid);
        // Key bytes from the end of the GUID: FF, EE, DD, … 00.
        assert_eq!(out[0], 0xFF);
        assert_eq!(out[1], 1 ^ 0xEE);
        assert_eq!(out[15], 15);
        assert_eq!(out[16], 16 ^ 0xFF);
        assert_eq!(&out[32..], &font[32..]);
        assert_eq!(obfuscate(&out, guid), font);
    }

    #[test]
    fn settings_children_are_put_in_schema_order() {
        let xml = br#"<?xml version="1.0"?><w:settings xmlns:w="x"><w:defaultTabStop w:val="840" /><w:zoom w:percent="100" /><w:compat><w:useFELayout /></w:compat><w:evenAndOddHeaders /></w:settings>"#;
        let out = super::super::schema_order::reorder(&settings(xml, true).unwrap()).unwrap();
        let out = String::from_utf8(out).unwrap();
        assert!(out.ends_with(r#"<w:zoom w:percent="100" /><w:embedTrueTypeFonts/><w:defaultTabStop w:val="840" /><w:evenAndOddHeaders /><w:compat><w:useFELayout /></w:compat></w:settings>"#), "{out}");
    }

    #[test]
    fn the_first_rows_of_each_table_repeat() {
        let xml = br#"<w:body><w:tbl><w:tr><w:trPr><w:cantSplit/></w:trPr><w:tc/></w:tr><w:tr><w:tc/></w:tr></w:tbl><w:tbl><w:tr><w:tc/></w:tr><w:tr><w:tc/></w:tr></w:tbl></w:body>"#;
        let out = String::from_utf8(repeat_header_rows(xml, &[1, 2]).unwrap()).unwrap();
        assert_eq!(
            out,
            r#"<w:body><w:tbl><w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr><w:tc/></w:tr><w:tr><w:tc/></w:tr></w:tbl><w:tbl><w:tr><w:trPr><w:tblHeader/></w:trPr><w:tc/></w:tr><w:tr><w:trPr><w:tblHeader/></w:trPr><w:tc/></w:tr></w:tbl></w:body>"#
        );
    }

    #[test]
    fn of_two_styles_with_one_id_the_last_is_kept() {
        let xml = br#"<w:styles><w:style w:styleId="Normal"><w:name w:val="Normal"/></w:style><w:style w:styleId="Title"/><w:style w:styleId="Normal"><w:rPr><w:sz w:val="32"/></w:rPr></w:style></w:styles>"#;
        let out = String::from_utf8(last_style_wins(xml).unwrap()).unwrap();
        assert_eq!(
            out,
            r#"<w:styles><w:style w:styleId="Title"/><w:style w:styleId="Normal"><w:rPr><w:sz w:val="32"/></w:rPr></w:style></w:styles>"#
        );
    }

    #[test]
    fn empty_paragraph_marks_are_dropped_and_nothing_else() {
        let xml = br#"<w:p><w:pPr><w:rPr /><w:pStyle w:val="Title" /></w:pPr><w:r><w:rPr/><w:t>x</w:t></w:r></w:p>"#;
        let out = String::from_utf8(drop_empty_paragraph_marks(xml).unwrap()).unwrap();
        assert_eq!(
            out,
            r#"<w:p><w:pPr><w:pStyle w:val="Title" /></w:pPr><w:r><w:rPr/><w:t>x</w:t></w:r></w:p>"#
        );
    }

    #[test]
    fn core_properties_escape_the_title_and_carry_the_reports_date() {
        let out = String::from_utf8(core_properties(&meta()).unwrap()).unwrap();
        assert!(
            out.contains("<dc:title>某局2023年&lt;报告&gt;&amp;</dc:title>"),
            "{out}"
        );
        assert!(out.contains("<dc:language>zh-CN</dc:language>"));
        assert!(out.contains(
            r#"<dcterms:created xsi:type="dcterms:W3CDTF">2024-01-02T00:00:00Z</dcterms:created>"#
        ));
    }
}
