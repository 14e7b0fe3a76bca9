//! The OFD package (GB/T 33190-2016 §7): a zip of
//!
//! ```text
//! OFD.xml                          the entry: DocInfo (DocID, title, author, dates), DocRoot
//! Doc_0/Document.xml               CommonData (MaxUnitID, PageArea, PublicRes), Pages
//! Doc_0/PublicRes.xml              the fonts, their files under Doc_0/Res/
//! Doc_0/Pages/Page_N/Content.xml   one per page: its layer of text and path objects
//! Doc_0/Res/font_ID.otf|ttf        the embedded subsets
//! ```
//!
//! dated with the report's date and in a fixed order, so the same report gives the same
//! bytes. The DocID is made from the other parts' bytes.

use super::fonts::Embedded;
use crate::document::Meta;
use crate::error::Error;
use quick_xml::escape::escape;
use sha2::{Digest, Sha256};
use std::fmt::Write as _;
use std::io::{Cursor, Write};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipWriter};

const NS: &str = "http://www.ofdspec.org/2016";

/// What the package holds.
pub struct Parts<'a> {
    pub meta: &'a Meta,
    pub width_mm: f64,
    pub height_mm: f64,
    /// Each page's layers, as XML.
    pub pages: &'a [String],
    pub fonts: &'a [Embedded],
    pub max_id: u32,
}

fn declaration() -> String {
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n".to_owned()
}

/// The files of the package, in order, OFD.xml last (it names the others' digest).
fn files(p: &Parts) -> Vec<(String, Vec<u8>)> {
    let mut files = Vec::new();
    let box_ = format!("0 0 {} {}", super::num(p.width_mm), super::num(p.height_mm));
    let mut doc = declaration();
    let _ = write!(
        doc,
        "<ofd:Document xmlns:ofd=\"{NS}\"><ofd:CommonData><ofd:MaxUnitID>{}</ofd:MaxUnitID><ofd:PageArea><ofd:PhysicalBox>{box_}</ofd:PhysicalBox></ofd:PageArea><ofd:PublicRes>PublicRes.xml</ofd:PublicRes></ofd:CommonData><ofd:Pages>",
        p.max_id + p.pages.len() as u32
    );
    // Page IDs follow the objects' (they are document-wide too).
    for k in 0..p.pages.len() {
        let _ = write!(
            doc,
            "<ofd:Page ID=\"{}\" BaseLoc=\"Pages/Page_{k}/Content.xml\"/>",
            p.max_id + 1 + k as u32
        );
    }
    doc.push_str("</ofd:Pages></ofd:Document>\n");
    files.push(("Doc_0/Document.xml".to_owned(), doc.into_bytes()));

    let mut res = declaration();
    let _ = write!(res, "<ofd:Res xmlns:ofd=\"{NS}\" BaseLoc=\"Res\"><ofd:Fonts>");
    for f in p.fonts {
        let family = escape(f.family.as_str());
        let _ = write!(
            res,
            "<ofd:Font ID=\"{}\" FontName=\"{family}\" FamilyName=\"{family}\"{}><ofd:FontFile>{}</ofd:FontFile></ofd:Font>",
            f.id,
            if f.bold { " Bold=\"true\"" } else { "" },
            f.file
        );
    }
    res.push_str("</ofd:Fonts></ofd:Res>\n");
    files.push(("Doc_0/PublicRes.xml".to_owned(), res.into_bytes()));

    for (k, layers) in p.pages.iter().enumerate() {
        let mut page = declaration();
        let _ = writeln!(
            page,
            "<ofd:Page xmlns:ofd=\"{NS}\"><ofd:Area><ofd:PhysicalBox>{box_}</ofd:PhysicalBox></ofd:Area><ofd:Content>{layers}</ofd:Content></ofd:Page>"
        );
        files.push((format!("Doc_0/Pages/Page_{k}/Content.xml"), page.into_bytes()));
    }
    for f in p.fonts {
        files.push((format!("Doc_0/Res/{}", f.file), f.data.clone()));
    }
    files
}

/// The entry file: the document's information and where its root is.
fn entry(p: &Parts, doc_id: &str) -> Vec<u8> {
    let date = p.meta.date;
    let created = format!("{:04}-{:02}-{:02}", date.year, date.month, date.day);
    let mut ofd = declaration();
    let _ = writeln!(
        ofd,
        "<ofd:OFD xmlns:ofd=\"{NS}\" Version=\"1.0\" DocType=\"OFD\"><ofd:DocBody><ofd:DocInfo><ofd:DocID>{doc_id}</ofd:DocID><ofd:Title>{}</ofd:Title><ofd:Author>{}</ofd:Author><ofd:CreationDate>{created}</ofd:CreationDate><ofd:ModDate>{created}</ofd:ModDate><ofd:Creator>report</ofd:Creator><ofd:CreatorVersion>{}</ofd:CreatorVersion></ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>",
        escape(p.meta.title.as_str()),
        escape(p.meta.author.as_str()),
        env!("CARGO_PKG_VERSION"),
    );
    ofd.into_bytes()
}

/// The package's bytes.
pub fn write(p: &Parts) -> Result<Vec<u8>, Error> {
    let fail = |e: &dyn std::fmt::Display| Error::Render {
        format: "OFD",
        message: e.to_string(),
    };
    let files = files(p);
    // The DocID: the first 128 bits of the digest of every other part, names and bytes.
    let mut digest = Sha256::new();
    for (name, data) in &files {
        digest.update(name.as_bytes());
        digest.update((data.len() as u64).to_be_bytes());
        digest.update(data);
    }
    let doc_id: String = digest.finalize()[..16]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    let date = DateTime::from_date_and_time(p.meta.date.year, p.meta.date.month, p.meta.date.day, 0, 0, 0)
        .unwrap_or_default();
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .last_modified_time(date)
        .unix_permissions(0o644);
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    let entry = entry(p, &doc_id);
    for (name, data) in std::iter::once(("OFD.xml".to_owned(), entry)).chain(files) {
        zip.start_file(name, options).map_err(|e| fail(&e))?;
        zip.write_all(&data).map_err(|e| fail(&e))?;
    }
    let out = zip.finish().map_err(|e| fail(&e))?;
    Ok(out.into_inner())
}
