//! The children of WordprocessingML elements in the order the schema (ECMA-376 Part 1,
//! transitional) requires. docx-rs writes many out of order (`w:sz` before `w:rFonts`,
//! `w:jc` before `w:spacing`, `w:footerReference` after `w:pgSz` …); Word may drop what it
//! reads out of order, and validators reject the file. One pass over every part puts each
//! listed element's children in schema order; children it does not list keep their order,
//! after the listed ones. A pass rather than another writer: docx-rs stays the one place
//! the document is built, and the order tables below are the schema's, checked by
//! `openxml-audit` in the tests.

use quick_xml::events::{BytesStart, Event};
use quick_xml::{Reader, Writer};

/// For each element, its children in schema order (sequences; choices share a rank).
const ORDERS: &[(&str, &[&str])] = &[
    // CT_RPr / EG_RPrBase (§17.3.2.28), also under rPrDefault and styles.
    (
        "w:rPr",
        &[
            "w:rStyle",
            "w:rFonts",
            "w:b",
            "w:bCs",
            "w:i",
            "w:iCs",
            "w:caps",
            "w:smallCaps",
            "w:strike",
            "w:dstrike",
            "w:outline",
            "w:shadow",
            "w:emboss",
            "w:imprint",
            "w:noProof",
            "w:snapToGrid",
            "w:vanish",
            "w:webHidden",
            "w:color",
            "w:spacing",
            "w:w",
            "w:kern",
            "w:position",
            "w:sz",
            "w:szCs",
            "w:highlight",
            "w:u",
            "w:effect",
            "w:bdr",
            "w:shd",
            "w:fitText",
            "w:vertAlign",
            "w:rtl",
            "w:cs",
            "w:em",
            "w:lang",
            "w:eastAsianLayout",
            "w:specVanish",
            "w:oMath",
            "w:rPrChange",
        ],
    ),
    // CT_PPr (§17.3.1.26).
    (
        "w:pPr",
        &[
            "w:pStyle",
            "w:keepNext",
            "w:keepLines",
            "w:pageBreakBefore",
            "w:framePr",
            "w:widowControl",
            "w:numPr",
            "w:suppressLineNumbers",
            "w:pBdr",
            "w:shd",
            "w:tabs",
            "w:suppressAutoHyphens",
            "w:kinsoku",
            "w:wordWrap",
            "w:overflowPunct",
            "w:topLinePunct",
            "w:autoSpaceDE",
            "w:autoSpaceDN",
            "w:bidi",
            "w:adjustRightInd",
            "w:snapToGrid",
            "w:spacing",
            "w:ind",
            "w:contextualSpacing",
            "w:mirrorIndents",
            "w:suppressOverlap",
            "w:jc",
            "w:textDirection",
            "w:textAlignment",
            "w:textboxTightWrap",
            "w:outlineLvl",
            "w:divId",
            "w:cnfStyle",
            "w:rPr",
            "w:sectPr",
            "w:pPrChange",
        ],
    ),
    // CT_SectPr (§17.6.17): the header and footer references first.
    (
        "w:sectPr",
        &[
            "w:headerReference|w:footerReference",
            "w:footnotePr",
            "w:endnotePr",
            "w:type",
            "w:pgSz",
            "w:pgMar",
            "w:paperSrc",
            "w:pgBorders",
            "w:lnNumType",
            "w:pgNumType",
            "w:cols",
            "w:formProt",
            "w:vAlign",
            "w:noEndnote",
            "w:titlePg",
            "w:textDirection",
            "w:bidi",
            "w:rtlGutter",
            "w:docGrid",
            "w:printerSettings",
            "w:sectPrChange",
        ],
    ),
    // CT_TblPr (§17.4.60).
    (
        "w:tblPr",
        &[
            "w:tblStyle",
            "w:tblpPr",
            "w:tblOverlap",
            "w:bidiVisual",
            "w:tblStyleRowBandSize",
            "w:tblStyleColBandSize",
            "w:tblW",
            "w:jc",
            "w:tblCellSpacing",
            "w:tblInd",
            "w:tblBorders",
            "w:shd",
            "w:tblLayout",
            "w:tblCellMar",
            "w:tblLook",
            "w:tblCaption",
            "w:tblDescription",
            "w:tblPrChange",
        ],
    ),
    // CT_TcPr (§17.4.70).
    (
        "w:tcPr",
        &[
            "w:cnfStyle",
            "w:tcW",
            "w:gridSpan",
            "w:hMerge",
            "w:vMerge",
            "w:tcBorders",
            "w:shd",
            "w:noWrap",
            "w:tcMar",
            "w:textDirection",
            "w:tcFitText",
            "w:vAlign",
            "w:hideMark",
            "w:headers",
            "w:cellIns",
            "w:cellDel",
            "w:cellMerge",
            "w:tcPrChange",
        ],
    ),
    // CT_TblBorders, CT_TcBorders, CT_TblCellMar, CT_TcMar.
    (
        "w:tblBorders",
        &[
            "w:top",
            "w:left|w:start",
            "w:bottom",
            "w:right|w:end",
            "w:insideH",
            "w:insideV",
        ],
    ),
    (
        "w:tcBorders",
        &[
            "w:top",
            "w:left|w:start",
            "w:bottom",
            "w:right|w:end",
            "w:insideH",
            "w:insideV",
            "w:tl2br",
            "w:tr2bl",
        ],
    ),
    (
        "w:tblCellMar",
        &["w:top", "w:left|w:start", "w:bottom", "w:right|w:end"],
    ),
    (
        "w:tcMar",
        &["w:top", "w:left|w:start", "w:bottom", "w:right|w:end"],
    ),
    // CT_Style (§17.7.4.17).
    (
        "w:style",
        &[
            "w:name",
            "w:aliases",
            "w:basedOn",
            "w:next",
            "w:link",
            "w:autoRedefine",
            "w:hidden",
            "w:uiPriority",
            "w:semiHidden",
            "w:unhideWhenUsed",
            "w:qFormat",
            "w:locked",
            "w:personal",
            "w:personalCompose",
            "w:personalReply",
            "w:rsid",
            "w:pPr",
            "w:rPr",
            "w:tblPr",
            "w:trPr",
            "w:tcPr",
            "w:tblStylePr",
        ],
    ),
    ("w:styles", &["w:docDefaults", "w:latentStyles", "w:style"]),
    ("w:docDefaults", &["w:rPrDefault", "w:pPrDefault"]),
    // CT_Font (§17.8.3.2).
    (
        "w:font",
        &[
            "w:altName",
            "w:panose1",
            "w:charset",
            "w:family",
            "w:notTrueType",
            "w:pitch",
            "w:sig",
            "w:embedRegular",
            "w:embedBold",
            "w:embedItalic",
            "w:embedBoldItalic",
        ],
    ),
    // Containers whose properties come first.
    ("w:p", &["w:pPr"]),
    ("w:r", &["w:rPr"]),
    ("w:tbl", &["w:tblPr", "w:tblGrid"]),
    ("w:tr", &["w:tblPrEx", "w:trPr"]),
    ("w:tc", &["w:tcPr"]),
    // CT_Settings (§17.15.1.78), the part of it docx-rs and report write.
    (
        "w:settings",
        &[
            "w:writeProtection",
            "w:view",
            "w:zoom",
            "w:removePersonalInformation",
            "w:removeDateAndTime",
            "w:doNotDisplayPageBoundaries",
            "w:displayBackgroundShape",
            "w:printPostScriptOverText",
            "w:printFractionalCharacterWidth",
            "w:printFormsData",
            "w:embedTrueTypeFonts",
            "w:embedSystemFonts",
            "w:saveSubsetFonts",
            "w:saveFormsData",
            "w:mirrorMargins",
            "w:alignBordersAndEdges",
            "w:bordersDoNotSurroundHeader",
            "w:bordersDoNotSurroundFooter",
            "w:gutterAtTop",
            "w:hideSpellingErrors",
            "w:hideGrammaticalErrors",
            "w:activeWritingStyle",
            "w:proofState",
            "w:formsDesign",
            "w:attachedTemplate",
            "w:linkStyles",
            "w:stylePaneFormatFilter",
            "w:stylePaneSortMethod",
            "w:documentType",
            "w:mailMerge",
            "w:revisionView",
            "w:trackRevisions",
            "w:doNotTrackMoves",
            "w:doNotTrackFormatting",
            "w:documentProtection",
            "w:autoFormatOverride",
            "w:styleLockTheme",
            "w:styleLockQFSet",
            "w:defaultTabStop",
            "w:autoHyphenation",
            "w:consecutiveHyphenLimit",
            "w:hyphenationZone",
            "w:doNotHyphenateCaps",
            "w:showEnvelope",
            "w:summaryLength",
            "w:clickAndTypeStyle",
            "w:defaultTableStyle",
            "w:evenAndOddHeaders",
            "w:bookFoldRevPrinting",
            "w:bookFoldPrinting",
            "w:bookFoldPrintingSheets",
            "w:drawingGridHorizontalSpacing",
            "w:drawingGridVerticalSpacing",
            "w:displayHorizontalDrawingGridEvery",
            "w:displayVerticalDrawingGridEvery",
            "w:doNotUseMarginsForDrawingGridOrigin",
            "w:drawingGridHorizontalOrigin",
            "w:drawingGridVerticalOrigin",
            "w:doNotShadeFormData",
            "w:noPunctuationKerning",
            "w:characterSpacingControl",
            "w:printTwoOnOne",
            "w:strictFirstAndLastChars",
            "w:noLineBreaksAfter",
            "w:noLineBreaksBefore",
            "w:savePreviewPicture",
            "w:doNotValidateAgainstSchema",
            "w:saveInvalidXml",
            "w:ignoreMixedContent",
            "w:alwaysShowPlaceholderText",
            "w:doNotDemarcateInvalidXml",
            "w:saveXmlDataOnly",
            "w:useXSLTWhenSaving",
            "w:saveThroughXslt",
            "w:showXMLTags",
            "w:alwaysMergeEmptyNamespace",
            "w:updateFields",
            "w:hdrShapeDefaults",
            "w:footnotePr",
            "w:endnotePr",
            "w:compat",
            "w:docVars",
            "w:rsids",
            "m:mathPr",
            "w:attachedSchema",
            "w:themeFontLang",
            "w:clrSchemeMapping",
            "w:doNotIncludeSubdocsInStats",
            "w:doNotAutoCompressPictures",
            "w:forceUpgrade",
            "w:captions",
            "w:readModeInkLockDown",
            "w:smartTagType",
            "sl:schemaLibrary",
            "w:shapeDefaults",
            "w:doNotEmbedSmartTags",
            "w:decimalSymbol",
            "w:listSeparator",
        ],
    ),
];

/// Attributes docx-rs writes that the schema does not declare on their element.
const UNDECLARED: &[(&str, &str)] = &[("w:gridCol", "w:type")];

/// `start` without the attributes of [`UNDECLARED`].
fn declared(start: BytesStart<'static>) -> BytesStart<'static> {
    let name = start.name().into_inner().to_owned();
    let drop: Vec<&str> = UNDECLARED
        .iter()
        .filter(|(e, _)| *e == name)
        .map(|(_, a)| *a)
        .collect();
    if drop.is_empty() {
        return start;
    }
    let mut out = BytesStart::new(name);
    out.extend_attributes(
        start
            .attributes()
            .flatten()
            .filter(|a| !drop.contains(&a.key.into_inner())),
    );
    out
}

/// The rank of `child` among the children of `parent`, if the schema orders it.
fn rank(order: &[&str], child: &str) -> usize {
    order
        .iter()
        .position(|names| names.split('|').any(|n| n == child))
        .unwrap_or(order.len())
}

/// A node of a part: an element with its children, or any other event (text, comments …).
enum Node {
    Element {
        start: BytesStart<'static>,
        children: Vec<Node>,
        empty: bool,
    },
    Other(Event<'static>),
}

impl Node {
    fn name(&self) -> Option<String> {
        match self {
            Node::Element { start, .. } => Some(start.name().into_inner().to_owned()),
            Node::Other(_) => None,
        }
    }
}

/// `xml` with the children of every element of [`ORDERS`] in schema order.
pub fn reorder(xml: &[u8]) -> Result<Vec<u8>, quick_xml::Error> {
    let mut reader = Reader::from_reader(xml);
    let mut buf = Vec::new();
    // The stack of open elements; the bottom collects the top-level nodes.
    let mut stack: Vec<(Option<BytesStart<'static>>, Vec<Node>)> = vec![(None, Vec::new())];
    loop {
        let event = reader.read_event_into(&mut buf)?.into_owned();
        match event {
            Event::Eof => break,
            Event::Start(start) => stack.push((Some(start), Vec::new())),
            Event::End(end) => {
                let Some((Some(start), children)) = stack.pop() else {
                    return Err(quick_xml::Error::IllFormed(
                        quick_xml::errors::IllFormedError::UnmatchedEndTag(
                            end.name().into_inner().to_owned(),
                        ),
                    ));
                };
                let node = Node::Element {
                    start,
                    children,
                    empty: false,
                };
                if let Some(parent) = stack.last_mut() {
                    parent.1.push(node);
                }
            }
            Event::Empty(start) => {
                if let Some(parent) = stack.last_mut() {
                    parent.1.push(Node::Element {
                        start,
                        children: Vec::new(),
                        empty: true,
                    });
                }
            }
            other => {
                if let Some(parent) = stack.last_mut() {
                    parent.1.push(Node::Other(other));
                }
            }
        }
        buf.clear();
    }
    let top = stack
        .into_iter()
        .next()
        .map(|(_, nodes)| nodes)
        .unwrap_or_default();
    let mut writer = Writer::new(Vec::new());
    for node in top {
        write(node, &mut writer)?;
    }
    Ok(writer.into_inner())
}

fn write(node: Node, writer: &mut Writer<Vec<u8>>) -> Result<(), quick_xml::Error> {
    match node {
        Node::Other(event) => writer.write_event(event)?,
        Node::Element {
            start, empty: true, ..
        } => writer.write_event(Event::Empty(declared(start)))?,
        Node::Element {
            start, mut children, ..
        } => {
            let name = start.name().into_inner().to_owned();
            if let Some((_, order)) = ORDERS.iter().find(|(n, _)| *n == name) {
                // Stable: children of one rank (and those the schema does not list) keep
                // their order.
                children.sort_by_cached_key(|c| c.name().map_or(order.len(), |n| rank(order, &n)));
            }
            let end = start.to_end().into_owned();
            writer.write_event(Event::Start(declared(start)))?;
            for child in children {
                write(child, writer)?;
            }
            writer.write_event(Event::End(end))?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn children_follow_the_schema_and_the_rest_keeps_its_order() {
        let xml = br#"<w:body><w:p><w:r><w:t>a</w:t></w:r><w:pPr><w:jc w:val="both"/><w:ind w:firstLine="640"/><w:spacing w:line="579"/><w:pStyle w:val="Body"/></w:pPr><w:r><w:rPr><w:sz w:val="32"/><w:rFonts w:ascii="x"/></w:rPr><w:t xml:space="preserve"> b </w:t></w:r></w:p><w:sectPr><w:pgSz w:w="11906"/><w:footerReference w:type="default"/></w:sectPr></w:body>"#;
        let out = String::from_utf8(reorder(xml).unwrap()).unwrap();
        assert_eq!(
            out,
            r#"<w:body><w:p><w:pPr><w:pStyle w:val="Body"/><w:spacing w:line="579"/><w:ind w:firstLine="640"/><w:jc w:val="both"/></w:pPr><w:r><w:t>a</w:t></w:r><w:r><w:rPr><w:rFonts w:ascii="x"/><w:sz w:val="32"/></w:rPr><w:t xml:space="preserve"> b </w:t></w:r></w:p><w:sectPr><w:footerReference w:type="default"/><w:pgSz w:w="11906"/></w:sectPr></w:body>"#
        );
    }
}
