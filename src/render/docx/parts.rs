//! The parts of the package report writes itself: the font table (every font the document
//! names, with what Word and WPS need to substitute a face the machine lacks), a theme (the
//! schema's required part; its fonts are never used, every run names its own), and the list
//! of docx-rs's parts that nothing uses.

use super::package::{EmbeddedFont, XmlResult, empty, rewrite};
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, Event};
use quick_xml::{Reader, Writer};
use std::collections::BTreeSet;

/// Parts docx-rs always writes that the document never refers to (no comments, no lists, no
/// footnotes): left out of the package, with their relationships and content types.
pub const UNUSED_PARTS: [&str; 4] = [
    "word/comments.xml",
    "word/commentsExtended.xml",
    "word/numbering.xml",
    "word/footnotes.xml",
];

/// The theme part and its relationship and content type.
pub const THEME_PART: &str = "word/theme/theme1.xml";
const THEME_TYPE: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme";
const THEME_CONTENT_TYPE: &str = "application/vnd.openxmlformats-officedocument.theme+xml";

/// What a font table entry says of a face, so that a machine without it picks a close one.
struct FontFacts {
    /// The name the faces Windows ships go by (仿宋 for 仿宋_GB2312 …).
    alt_name: Option<&'static str>,
    /// Windows charset: 86 is GB2312 (Simplified Chinese), 00 ANSI.
    charset: &'static str,
    family: &'static str,
    pitch: &'static str,
    panose: Option<&'static str>,
}

/// The faces of the official format and their stand-ins on a stock Windows: Windows 10/11
/// ship 仿宋 (FangSong), 楷体 (KaiTi), 黑体 (SimHei) and 宋体 (SimSun), not the _GB2312 faces
/// nor 方正小标宋简体, whose nearest stock face is the heavy Song of 宋体's family.
fn facts(name: &str) -> FontFacts {
    let cjk = |alt, panose| FontFacts {
        alt_name: alt,
        charset: "86",
        family: "modern",
        pitch: "fixed",
        panose,
    };
    match name {
        "Times New Roman" => FontFacts {
            alt_name: None,
            charset: "00",
            family: "roman",
            pitch: "variable",
            panose: Some("02020603050405020304"),
        },
        "仿宋_GB2312" => cjk(Some("仿宋"), Some("02010609030101010101")),
        "仿宋" | "FangSong" => cjk(Some("FangSong"), Some("02010609060101010101")),
        "楷体_GB2312" => cjk(Some("楷体"), Some("02010609030101010101")),
        "楷体" | "KaiTi" => cjk(Some("KaiTi"), Some("02010609060101010101")),
        "黑体" | "SimHei" => cjk(Some("SimHei"), Some("02010609060101010101")),
        "宋体" | "SimSun" => FontFacts {
            pitch: "variable",
            family: "auto",
            ..cjk(Some("SimSun"), Some("02010600030101010101"))
        },
        "方正小标宋简体" => FontFacts {
            family: "roman",
            pitch: "variable",
            ..cjk(Some("宋体"), Some("02010800030101010101"))
        },
        other if other.chars().any(crate::text::is_han) => FontFacts {
            pitch: "variable",
            family: "auto",
            ..cjk(None, None)
        },
        _ => FontFacts {
            alt_name: None,
            charset: "00",
            family: "auto",
            pitch: "variable",
            panose: None,
        },
    }
}

/// Every font name the runs and styles of `parts` set (`w:rFonts`' four slots).
pub fn fonts_used<'a>(parts: impl IntoIterator<Item = &'a [u8]>) -> XmlResult<BTreeSet<String>> {
    let mut names = BTreeSet::new();
    for xml in parts {
        let mut reader = Reader::from_reader(xml);
        let mut buf = Vec::new();
        loop {
            match reader.read_event_into(&mut buf)? {
                Event::Eof => break,
                Event::Start(e) | Event::Empty(e) if e.name().into_inner() == "w:rFonts" => {
                    for attr in e.attributes().flatten() {
                        let key = attr.key.into_inner();
                        if matches!(key, "w:ascii" | "w:hAnsi" | "w:eastAsia" | "w:cs") {
                            names.insert(
                                attr.normalized_value(quick_xml::XmlVersion::Implicit1_0)?
                                    .into_owned(),
                            );
                        }
                    }
                }
                _ => {}
            }
            buf.clear();
        }
    }
    Ok(names)
}

/// fontTable.xml: an entry for every font in `names`, and for every embedded one, with its
/// substitution facts and, when embedded, its part and key.
pub fn font_table(names: &BTreeSet<String>, embedded: &[EmbeddedFont]) -> XmlResult<Vec<u8>> {
    let mut all: BTreeSet<&str> = names.iter().map(String::as_str).collect();
    all.extend(embedded.iter().map(|f| f.name.as_str()));
    let mut w = Writer::new(Vec::new());
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), Some("yes"))))?;
    let mut root = BytesStart::new("w:fonts");
    root.push_attribute((
        "xmlns:w",
        "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    ));
    root.push_attribute((
        "xmlns:r",
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    ));
    w.write_event(Event::Start(root))?;
    for name in all {
        let f = facts(name);
        let mut start = BytesStart::new("w:font");
        start.push_attribute(("w:name", name));
        w.write_event(Event::Start(start))?;
        if let Some(alt) = f.alt_name {
            w.write_event(empty("w:altName", &[("w:val", alt)]))?;
        }
        if let Some(panose) = f.panose {
            w.write_event(empty("w:panose1", &[("w:val", panose)]))?;
        }
        w.write_event(empty("w:charset", &[("w:val", f.charset)]))?;
        w.write_event(empty("w:family", &[("w:val", f.family)]))?;
        w.write_event(empty("w:pitch", &[("w:val", f.pitch)]))?;
        if let Some(i) = embedded.iter().position(|e| e.name == name) {
            let id = format!("rIdFont{}", i + 1);
            let key = embedded[i].key();
            w.write_event(empty("w:embedRegular", &[("r:id", &id), ("w:fontKey", &key)]))?;
        }
        w.write_event(Event::End(BytesEnd::new("w:font")))?;
    }
    w.write_event(Event::End(BytesEnd::new("w:fonts")))?;
    Ok(w.into_inner())
}

/// A relationships part without those to [`UNUSED_PARTS`], with the theme's added when
/// `theme` (the document's relationships).
pub fn relationships(xml: &[u8], theme: bool) -> XmlResult<Vec<u8>> {
    rewrite(xml, |event, writer| {
        if let Event::Start(e) | Event::Empty(e) = event
            && e.name().into_inner() == "Relationship"
        {
            let target = attribute(e, "Target");
            return Ok(!UNUSED_PARTS
                .iter()
                .any(|p| p.strip_prefix("word/") == Some(target.as_str())));
        }
        if theme && matches!(event, Event::End(e) if e.name().into_inner() == "Relationships") {
            writer.write_event(empty(
                "Relationship",
                &[
                    ("Id", "rIdTheme1"),
                    ("Type", THEME_TYPE),
                    ("Target", "theme/theme1.xml"),
                ],
            ))?;
        }
        Ok(true)
    })
}

/// [Content_Types].xml without [`UNUSED_PARTS`], with the theme, and with the obfuscated
/// font type when fonts are embedded.
pub fn content_types(xml: &[u8], embedded_fonts: bool) -> XmlResult<Vec<u8>> {
    rewrite(xml, |event, writer| {
        if let Event::Start(e) | Event::Empty(e) = event
            && e.name().into_inner() == "Override"
        {
            let part = attribute(e, "PartName");
            return Ok(!UNUSED_PARTS.iter().any(|p| part.strip_prefix('/') == Some(p)));
        }
        if matches!(event, Event::Start(e) if e.name().into_inner() == "Types") {
            writer.write_event(event.borrow())?;
            if embedded_fonts {
                let font_type = "application/vnd.openxmlformats-officedocument.obfuscatedFont";
                writer.write_event(empty(
                    "Default",
                    &[("Extension", "odttf"), ("ContentType", font_type)],
                ))?;
            }
            return Ok(false);
        }
        if matches!(event, Event::End(e) if e.name().into_inner() == "Types") {
            let part = format!("/{THEME_PART}");
            writer.write_event(empty(
                "Override",
                &[("PartName", &part), ("ContentType", THEME_CONTENT_TYPE)],
            ))?;
        }
        Ok(true)
    })
}

/// The theme: Office's colours and effects, and Times New Roman with 宋体 as its fonts. No
/// run refers to them (every run names its fonts), so they cannot override the layout's.
pub const THEME: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="report"><a:themeElements><a:clrScheme name="Office"><a:dk1><a:sysClr val="windowText" lastClr="000000"/></a:dk1><a:lt1><a:sysClr val="window" lastClr="FFFFFF"/></a:lt1><a:dk2><a:srgbClr val="44546A"/></a:dk2><a:lt2><a:srgbClr val="E7E6E6"/></a:lt2><a:accent1><a:srgbClr val="4472C4"/></a:accent1><a:accent2><a:srgbClr val="ED7D31"/></a:accent2><a:accent3><a:srgbClr val="A5A5A5"/></a:accent3><a:accent4><a:srgbClr val="FFC000"/></a:accent4><a:accent5><a:srgbClr val="5B9BD5"/></a:accent5><a:accent6><a:srgbClr val="70AD47"/></a:accent6><a:hlink><a:srgbClr val="0563C1"/></a:hlink><a:folHlink><a:srgbClr val="954F72"/></a:folHlink></a:clrScheme><a:fontScheme name="report"><a:majorFont><a:latin typeface="Times New Roman"/><a:ea typeface="宋体"/><a:cs typeface="Times New Roman"/></a:majorFont><a:minorFont><a:latin typeface="Times New Roman"/><a:ea typeface="宋体"/><a:cs typeface="Times New Roman"/></a:minorFont></a:fontScheme><a:fmtScheme name="Office"><a:fillStyleLst><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:fillStyleLst><a:lnStyleLst><a:ln w="6350"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln><a:ln w="12700"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln><a:ln w="19050"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln></a:lnStyleLst><a:effectStyleLst><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle></a:effectStyleLst><a:bgFillStyleLst><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:bgFillStyleLst></a:fmtScheme></a:themeElements></a:theme>
"#;

/// The value of `key` on `e`, or "" (the relationship and content-type parts' attributes).
fn attribute(e: &BytesStart, key: &str) -> String {
    e.attributes()
        .flatten()
        .find(|a| a.key.into_inner() == key)
        .map(|a| a.value.into_owned())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_font_used_gets_an_entry_that_falls_back_to_a_windows_face() {
        let doc = r#"<w:r><w:rPr><w:rFonts w:ascii="Times New Roman" w:eastAsia="仿宋_GB2312"/></w:rPr></w:r><w:rFonts w:eastAsia="方正小标宋简体"/>"#;
        let names = fonts_used([doc.as_bytes()]).unwrap();
        assert_eq!(
            names.iter().map(String::as_str).collect::<Vec<_>>(),
            ["Times New Roman", "仿宋_GB2312", "方正小标宋简体"]
        );
        let table = String::from_utf8(font_table(&names, &[]).unwrap()).unwrap();
        assert!(table.contains(r#"<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/><w:panose1 w:val="02010609030101010101"/><w:charset w:val="86"/><w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font>"#), "{table}");
        assert!(
            table.contains(r#"<w:font w:name="方正小标宋简体"><w:altName w:val="宋体"/>"#),
            "{table}"
        );
    }

    #[test]
    fn unused_parts_lose_their_relationships_and_types() {
        let rels = br#"<Relationships><Relationship Id="rId1" Target="styles.xml"/><Relationship Id="rId5" Target="commentsExtended.xml"/></Relationships>"#;
        let out = String::from_utf8(relationships(rels, true).unwrap()).unwrap();
        assert_eq!(
            out,
            format!(
                r#"<Relationships><Relationship Id="rId1" Target="styles.xml"/><Relationship Id="rIdTheme1" Type="{THEME_TYPE}" Target="theme/theme1.xml"/></Relationships>"#
            )
        );
        let types = br#"<Types><Override PartName="/word/numbering.xml" ContentType="x"/><Override PartName="/word/styles.xml" ContentType="y"/></Types>"#;
        let out = String::from_utf8(content_types(types, false).unwrap()).unwrap();
        assert!(
            !out.contains("numbering") && out.contains("styles.xml") && out.contains("theme1.xml"),
            "{out}"
        );
    }
}
