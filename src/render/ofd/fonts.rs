//! The faces an OFD embeds: each face used, subset to the glyphs it sets by `subsetter`
//! (the subsetter Typst's PDF export uses), with the tables a reader needs to set text by
//! its characters: a `cmap` of the characters the document sets with it (subsetter leaves
//! the cmap out, as a PDF carries its own) and the face's `OS/2`. The subset keeps the
//! face's outlines as they are: TrueType (`glyf`) stays TrueType, CFF becomes CID-keyed CFF
//! in an OpenType wrapper (`OTTO`).

use crate::error::Error;
use std::collections::BTreeMap;
use subsetter::GlyphRemapper;
use typst::text::Font;

/// The faces met so far, in the order they were met, with their glyphs and characters.
#[derive(Default)]
pub struct FontTable {
    faces: Vec<Face>,
}

struct Face {
    font: Font,
    id: u32,
    remapper: GlyphRemapper,
    /// Character → the glyph (of the original face) it was set with, first use wins.
    cmap: BTreeMap<char, u16>,
}

/// A face ready to embed.
pub struct Embedded {
    pub id: u32,
    pub family: String,
    /// A bold face of its family (a family may have two faces in one document).
    pub bold: bool,
    pub file: String,
    pub data: Vec<u8>,
}

impl FontTable {
    /// The resource ID of `font`, given from `next` the first time it is met.
    pub fn font_id(&mut self, font: &Font, next: impl FnOnce() -> u32) -> u32 {
        if let Some(face) = self.faces.iter().find(|f| f.font == *font) {
            return face.id;
        }
        let mut remapper = GlyphRemapper::new();
        // .notdef is glyph 0 of every subset.
        remapper.remap(0);
        let id = next();
        self.faces.push(Face {
            font: font.clone(),
            id,
            remapper,
            cmap: BTreeMap::new(),
        });
        id
    }

    fn face(&mut self, id: u32) -> Option<&mut Face> {
        self.faces.iter_mut().find(|f| f.id == id)
    }

    /// The subset's glyph ID of the face's glyph `glyph`.
    pub fn new_id(&mut self, id: u32, glyph: u16) -> u16 {
        self.face(id).map_or(0, |f| f.remapper.remap(glyph))
    }

    /// That `c` was set with glyph `glyph` alone.
    pub fn record(&mut self, id: u32, glyph: u16, c: char) {
        if let Some(f) = self.face(id) {
            f.remapper.remap(glyph);
            f.cmap.entry(c).or_insert(glyph);
        }
    }

    /// Every face, subset, with its cmap.
    pub fn finish(self) -> Result<Vec<Embedded>, Error> {
        let mut out = Vec::new();
        for face in self.faces {
            let data = face.font.data();
            let family = face.font.info().family.clone();
            let fail = |why: String| Error::Render {
                format: "OFD",
                message: crate::tr!("ofd-font-subset", family = family.as_str(), why = why),
            };
            let subset = subsetter::subset(data.as_slice(), face.font.index(), &face.remapper)
                .map_err(|e| fail(format!("{e:?}")))?;
            let cmap: Vec<(u32, u16)> = face
                .cmap
                .iter()
                .filter_map(|(c, g)| face.remapper.get(*g).map(|n| (u32::from(*c), n)))
                .collect();
            let os2 = ttf_parser::RawFace::parse(data.as_slice(), face.font.index())
                .ok()
                .and_then(|raw| raw.table(ttf_parser::Tag::from_bytes(b"OS/2")));
            let mut extra = vec![(*b"cmap", cmap_table(&cmap))];
            if let Some(os2) = os2 {
                extra.push((*b"OS/2", os2.to_vec()));
            }
            let data = with_tables(&subset, &extra).ok_or_else(|| fail("sfnt".into()))?;
            let ext = if data.starts_with(b"OTTO") { "otf" } else { "ttf" };
            out.push(Embedded {
                bold: face.font.info().variant.weight.to_number() >= 600,
                id: face.id,
                file: format!("font_{}.{ext}", face.id),
                family,
                data,
            });
        }
        Ok(out)
    }
}

fn be16(out: &mut Vec<u8>, v: u16) {
    out.extend_from_slice(&v.to_be_bytes());
}

fn be32(out: &mut Vec<u8>, v: u32) {
    out.extend_from_slice(&v.to_be_bytes());
}

/// A `cmap` of `map` (character, glyph; sorted by character): format 4 for the Basic
/// Multilingual Plane, which every reader reads, and format 12 for every character.
fn cmap_table(map: &[(u32, u16)]) -> Vec<u8> {
    // Format 4: one segment per run of consecutive characters with consecutive glyphs,
    // then the closing 0xFFFF segment.
    let segments = split_segments(map);
    let mut f4 = Vec::new();
    let count = segments.len() + 1;
    let seg_x2 = (count * 2) as u16;
    let (mut power, mut log) = (1u16, 0u16);
    while usize::from(power) * 2 <= count {
        power *= 2;
        log += 1;
    }
    be16(&mut f4, 4);
    be16(&mut f4, 0); // length, set below
    be16(&mut f4, 0); // language
    be16(&mut f4, seg_x2);
    be16(&mut f4, power * 2);
    be16(&mut f4, log);
    be16(&mut f4, seg_x2 - power * 2);
    for (_, end, _) in &segments {
        be16(&mut f4, *end);
    }
    be16(&mut f4, 0xFFFF);
    be16(&mut f4, 0); // reserved pad
    for (start, _, _) in &segments {
        be16(&mut f4, *start);
    }
    be16(&mut f4, 0xFFFF);
    for (start, _, glyph) in &segments {
        be16(&mut f4, glyph.wrapping_sub(*start));
    }
    be16(&mut f4, 1);
    for _ in 0..count {
        be16(&mut f4, 0); // idRangeOffset: glyph = char + delta
    }
    let len = f4.len() as u16;
    f4[2..4].copy_from_slice(&len.to_be_bytes());

    // Format 12: one group per run.
    let mut groups: Vec<(u32, u32, u32)> = Vec::new();
    for &(c, g) in map {
        match groups.last_mut() {
            Some((start, end, first)) if *end + 1 == c && *first + (c - *start) == u32::from(g) => *end = c,
            _ => groups.push((c, c, u32::from(g))),
        }
    }
    let mut f12 = Vec::new();
    be16(&mut f12, 12);
    be16(&mut f12, 0);
    be32(&mut f12, (16 + groups.len() * 12) as u32);
    be32(&mut f12, 0);
    be32(&mut f12, groups.len() as u32);
    for (s, e, g) in &groups {
        be32(&mut f12, *s);
        be32(&mut f12, *e);
        be32(&mut f12, *g);
    }

    let mut out = Vec::new();
    be16(&mut out, 0);
    be16(&mut out, 2);
    let first = 4 + 2 * 8;
    be16(&mut out, 3);
    be16(&mut out, 1);
    be32(&mut out, first as u32);
    be16(&mut out, 3);
    be16(&mut out, 10);
    be32(&mut out, (first + f4.len()) as u32);
    out.extend_from_slice(&f4);
    out.extend_from_slice(&f12);
    out
}

/// The BMP characters of `map` as format-4 segments: runs of consecutive characters whose
/// glyphs are consecutive too.
fn split_segments(map: &[(u32, u16)]) -> Vec<(u16, u16, u16)> {
    let mut out: Vec<(u16, u16, u16)> = Vec::new();
    for &(c, g) in map.iter().filter(|(c, _)| *c < 0xFFFF) {
        let c = c as u16;
        match out.last_mut() {
            Some((start, end, first)) if *end + 1 == c && first.wrapping_add(c - *start) == g => *end = c,
            _ => out.push((c, c, g)),
        }
    }
    out
}

/// The table directory of an sfnt: (tag, table bytes).
fn tables(font: &[u8]) -> Option<Vec<([u8; 4], &[u8])>> {
    let count = usize::from(u16::from_be_bytes(font.get(4..6)?.try_into().ok()?));
    let mut out = Vec::with_capacity(count);
    for k in 0..count {
        let rec = font.get(12 + 16 * k..28 + 16 * k)?;
        let tag: [u8; 4] = rec[0..4].try_into().ok()?;
        let offset = u32::from_be_bytes(rec[8..12].try_into().ok()?) as usize;
        let length = u32::from_be_bytes(rec[12..16].try_into().ok()?) as usize;
        out.push((tag, font.get(offset..offset.checked_add(length)?)?));
    }
    Some(out)
}

fn checksum(data: &[u8]) -> u32 {
    data.chunks(4).fold(0u32, |sum, chunk| {
        let mut word = [0u8; 4];
        word[..chunk.len()].copy_from_slice(chunk);
        sum.wrapping_add(u32::from_be_bytes(word))
    })
}

/// `font` with `extra` tables added (replacing any of the same tag), the directory sorted
/// by tag, every checksum and head's checkSumAdjustment written again.
fn with_tables(font: &[u8], extra: &[([u8; 4], Vec<u8>)]) -> Option<Vec<u8>> {
    let version = font.get(0..4)?;
    let mut all: Vec<([u8; 4], Vec<u8>)> = tables(font)?
        .into_iter()
        .filter(|(tag, _)| !extra.iter().any(|(t, _)| t == tag))
        .map(|(tag, data)| (tag, data.to_vec()))
        .collect();
    all.extend(extra.iter().cloned());
    all.sort_by_key(|t| t.0);
    // head's checkSumAdjustment is 0 while checksums are made.
    for (tag, data) in &mut all {
        if tag == b"head" && data.len() >= 12 {
            data[8..12].copy_from_slice(&[0; 4]);
        }
    }
    let n = all.len() as u16;
    let mut power = 1u16;
    let mut log = 0u16;
    while power * 2 <= n {
        power *= 2;
        log += 1;
    }
    let mut out = Vec::new();
    out.extend_from_slice(version);
    be16(&mut out, n);
    be16(&mut out, power * 16);
    be16(&mut out, log);
    be16(&mut out, n * 16 - power * 16);
    let mut offset = 12 + 16 * all.len();
    let mut head_at = None;
    for (tag, data) in &all {
        out.extend_from_slice(tag);
        be32(&mut out, checksum(data));
        be32(&mut out, offset as u32);
        be32(&mut out, data.len() as u32);
        if tag == b"head" {
            head_at = Some(offset);
        }
        offset += data.len().div_ceil(4) * 4;
    }
    for (_, data) in &all {
        out.extend_from_slice(data);
        out.resize(out.len().div_ceil(4) * 4, 0);
    }
    if let Some(at) = head_at
        && out.len() >= at + 12
    {
        let adjustment = 0xB1B0_AFBAu32.wrapping_sub(checksum(&out));
        out[at + 8..at + 12].copy_from_slice(&adjustment.to_be_bytes());
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cmap_maps_each_character_to_its_glyph_in_both_formats() {
        let map = [(0x41, 3), (0x42, 4), (0x44, 9), (0x4E2D, 5), (0x1F600, 7)];
        let table = cmap_table(&map);
        // Read back with ttf-parser, as a reader would.
        let cmap = ttf_parser::cmap::Table::parse(&table).expect("cmap parses");
        for (c, g) in map {
            let found = cmap.subtables.into_iter().filter_map(|s| s.glyph_index(c)).next();
            assert_eq!(found.map(|g| g.0), Some(g), "{c:x}");
        }
    }
}
