//! OFD (GB/T 33190-2016), the fixed-layout format Chinese e-government stores, exchanges
//! and archives, from the same laid-out pages as the PDF (one layout per document, shared
//! through `Job`): each Typst text run a `TextObject` with its glyphs (`CGTransform`) and
//! their advances (`DeltaX`), each rule or box a `PathObject`, every face used embedded as
//! a subset with a cmap of the characters it sets (`fonts.rs`), the package's parts written
//! by `package.rs`.
//!
//! Coordinates: Typst's points from the page's top left, y down; OFD's millimetres from the
//! page's top left, y down. So a point is scaled by 25.4/72 and nothing is flipped.

mod fonts;
mod package;

use crate::error::Error;
use crate::fonts::FontSet;
use crate::render::{Job, Output, Rendered};
use crate::template::Template;
use fonts::FontTable;
use std::fmt::Write;
use typst::layout::{Abs, Frame, FrameItem, Point, Transform};
use typst::text::TextItem;
use typst::visualize::{CurveItem, FixedStroke, Geometry, Paint, Shape};

/// The OFD output: the template and fonts the shared layout is made with.
pub struct Ofd<'a> {
    pub template: &'a Template,
    pub fonts: &'a FontSet,
}

impl Output for Ofd<'_> {
    fn render(&self, job: &Job<'_>) -> Result<Rendered, Error> {
        let typeset = job.typeset(self.template, self.fonts)?;
        let pages = typeset.document.pages();
        let mut fonts = FontTable::default();
        let mut ids = Ids::default();
        let mut contents = Vec::with_capacity(pages.len());
        for page in pages {
            let mut out = String::new();
            let layer = ids.next();
            let _ = write!(out, "<ofd:Layer ID=\"{layer}\">");
            walk(&page.frame, Transform::identity(), &mut out, &mut fonts, &mut ids);
            out.push_str("</ofd:Layer>");
            contents.push(out);
        }
        let size = pages.first().map(|p| p.frame.size());
        let (width, height) = size.map_or((210.0, 297.0), |s| (mm(s.x), mm(s.y)));
        let bytes = package::write(&package::Parts {
            meta: &job.doc.meta,
            width_mm: width,
            height_mm: height,
            pages: &contents,
            fonts: &fonts.finish()?,
            max_id: ids.last(),
        })?;
        Ok(Rendered {
            bytes,
            pages: Some(pages.len()),
            warnings: Vec::new(),
        })
    }
}

/// The IDs of the document's objects, one sequence for all of them (GB/T 33190 §7.4: an ID
/// is unique in the document; `MaxUnitID` is the largest).
#[derive(Default)]
struct Ids(u32);

impl Ids {
    fn next(&mut self) -> u32 {
        self.0 += 1;
        self.0
    }

    fn last(&self) -> u32 {
        self.0
    }
}

/// Points to millimetres.
fn mm(v: Abs) -> f64 {
    v.to_pt() * 25.4 / 72.0
}

/// A number as OFD writes it: millimetres to a thousandth, no trailing zeros.
fn num(v: f64) -> String {
    let v = if v.abs() < 0.0005 { 0.0 } else { v };
    let s = format!("{v:.3}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" { "0".into() } else { s.to_owned() }
}

/// A paint's colour as OFD's `Value` (`0 0 0`), for solid paints; others print black.
fn color(paint: &Paint) -> String {
    let hex = match paint {
        Paint::Solid(c) => c.to_hex(),
        _ => "#000000".into(),
    };
    let h = hex.trim_start_matches('#');
    let byte = |i: usize| {
        h.get(i..i + 2)
            .and_then(|b| u8::from_str_radix(b, 16).ok())
            .unwrap_or(0)
    };
    format!("{} {} {}", byte(0), byte(2), byte(4))
}

/// Whether the transform moves only (no scale, skew or rotation).
fn translation_only(ts: Transform) -> bool {
    ts.sx.get() == 1.0 && ts.sy.get() == 1.0 && ts.kx.get() == 0.0 && ts.ky.get() == 0.0
}

/// The `CTM` attribute of an object under a transform that does more than move it.
fn ctm(ts: Transform) -> String {
    if translation_only(ts) {
        return String::new();
    }
    format!(
        " CTM=\"{} {} {} {} 0 0\"",
        num(ts.sx.get()),
        num(ts.ky.get()),
        num(ts.kx.get()),
        num(ts.sy.get())
    )
}

fn walk(frame: &Frame, ts: Transform, out: &mut String, fonts: &mut FontTable, ids: &mut Ids) {
    for (pos, item) in frame.items() {
        let here = ts.pre_concat(Transform::translate(pos.x, pos.y));
        match item {
            FrameItem::Group(group) => {
                let inner = here.pre_concat(group.transform);
                walk(&group.frame, inner, out, fonts, ids);
            }
            FrameItem::Text(text) => write_text(text, here, out, fonts, ids),
            FrameItem::Shape(shape, _) => write_shape(shape, here, out, ids),
            // The reports hold no images; links and tags are not drawn.
            FrameItem::Image(..) | FrameItem::Link(..) | FrameItem::Tag(..) => {}
        }
    }
}

/// One text run: its glyphs by cluster. Each character of the run's text is a code of the
/// `TextCode`, placed at its cluster's glyph (a cluster of several characters, or of one
/// character set with several glyphs, is one `CGTransform` of its own; runs of one
/// character to one glyph share one).
fn write_text(text: &TextItem, ts: Transform, out: &mut String, fonts: &mut FontTable, ids: &mut Ids) {
    if text.glyphs.is_empty() {
        return;
    }
    let font = fonts.font_id(text.font.font(), || ids.next());
    let size = text.size;
    // Clusters: (text byte range, glyph ids, x of the first glyph, advance), in order.
    let mut clusters: Vec<(std::ops::Range<usize>, Vec<u16>, f64, f64)> = Vec::new();
    let mut x = 0.0;
    for g in &text.glyphs {
        let advance = g.x_advance.at(size).to_pt();
        let offset = g.x_offset.at(size).to_pt();
        let range = g.range();
        match clusters.last_mut() {
            Some(last) if last.0 == range => {
                last.1.push(g.id);
                last.3 += advance;
            }
            _ => clusters.push((range, vec![g.id], x + offset, advance)),
        }
        x += advance;
    }
    // Characters: each with its x; the first of a cluster at the cluster's x.
    let mut codes = String::new();
    let mut xs: Vec<f64> = Vec::new();
    let mut transforms: Vec<(usize, usize, Vec<u16>)> = Vec::new();
    for (range, glyphs, cx, _) in &clusters {
        let piece = text.text.get(range.clone()).unwrap_or("");
        let chars: Vec<char> = piece.chars().collect();
        if chars.is_empty() {
            continue;
        }
        let start = xs.len();
        for c in &chars {
            codes.push(*c);
            xs.push(*cx);
        }
        let one_to_one = chars.len() == 1 && glyphs.len() == 1;
        if one_to_one {
            fonts.record(font, glyphs[0], chars[0]);
        }
        match transforms.last_mut() {
            Some((s, n, gs)) if one_to_one && *n == gs.len() && *s + *n == start => {
                *n += 1;
                gs.push(glyphs[0]);
            }
            _ => transforms.push((start, chars.len(), glyphs.clone())),
        }
    }
    if codes.is_empty() {
        return;
    }
    let origin = Point::zero().transform(ts);
    let size_mm = mm(size);
    // The box: the advance's width, from a size above the baseline to half a size below.
    let width = mm(Abs::pt(x)).max(size_mm);
    let (left, top) = (mm(origin.x), mm(origin.y) - size_mm);
    let id = ids.next();
    // A face without a bold is made bold by stroking its outlines (Typst's synthesized
    // bold); the PDF strokes them too.
    let stroke = text.stroke.as_ref().map_or(String::new(), |s| {
        format!(" Stroke=\"true\" LineWidth=\"{}\"", num(mm(s.thickness)))
    });
    let _ = write!(
        out,
        "<ofd:TextObject ID=\"{id}\" Boundary=\"{} {} {} {}\"{}{stroke} Font=\"{font}\" Size=\"{}\">",
        num(left),
        num(top),
        num(width),
        num(size_mm * 1.5),
        ctm(ts),
        num(size_mm),
    );
    let _ = write!(out, "<ofd:FillColor Value=\"{}\"/>", color(&text.fill));
    if let Some(s) = &text.stroke {
        let _ = write!(out, "<ofd:StrokeColor Value=\"{}\"/>", color(&s.paint));
    }
    for (start, count, glyphs) in &transforms {
        let list: Vec<String> = glyphs
            .iter()
            .map(|g| fonts.new_id(font, *g).to_string())
            .collect();
        let _ = write!(
            out,
            "<ofd:CGTransform CodePosition=\"{start}\" CodeCount=\"{count}\" GlyphCount=\"{}\"><ofd:Glyphs>{}</ofd:Glyphs></ofd:CGTransform>",
            glyphs.len(),
            list.join(" ")
        );
    }
    let deltas: Vec<String> = xs.windows(2).map(|w| num(mm(Abs::pt(w[1] - w[0])))).collect();
    let _ = write!(
        out,
        "<ofd:TextCode X=\"{}\" Y=\"{}\"",
        num(mm(Abs::pt(xs[0]))),
        num(size_mm)
    );
    if !deltas.is_empty() {
        let _ = write!(out, " DeltaX=\"{}\"", deltas.join(" "));
    }
    out.push('>');
    out.push_str(&quick_xml::escape::escape(codes.as_str()));
    out.push_str("</ofd:TextCode></ofd:TextObject>");
}

/// One shape: its outline as `AbbreviatedData` (M, L, B, C) relative to its box, with its
/// stroke and fill.
fn write_shape(shape: &Shape, ts: Transform, out: &mut String, ids: &mut Ids) {
    let mut points: Vec<(char, Vec<Point>)> = Vec::new();
    match &shape.geometry {
        Geometry::Line(to) => {
            points.push(('M', vec![Point::zero()]));
            points.push(('L', vec![*to]));
        }
        Geometry::Rect(size) => {
            points.push(('M', vec![Point::zero()]));
            points.push(('L', vec![Point::with_x(size.x)]));
            points.push(('L', vec![Point::new(size.x, size.y)]));
            points.push(('L', vec![Point::with_y(size.y)]));
            points.push(('C', vec![]));
        }
        Geometry::Curve(curve) => {
            for item in curve.0.iter() {
                match item {
                    CurveItem::Move(p) => points.push(('M', vec![*p])),
                    CurveItem::Line(p) => points.push(('L', vec![*p])),
                    CurveItem::Cubic(a, b, c) => points.push(('B', vec![*a, *b, *c])),
                    CurveItem::Close => points.push(('C', vec![])),
                }
            }
        }
    }
    // In page millimetres, before the box is known.
    let page: Vec<(char, Vec<(f64, f64)>)> = points
        .iter()
        .map(|(op, ps)| {
            let ps = ps
                .iter()
                .map(|p| {
                    let q = p.transform(ts);
                    (mm(q.x), mm(q.y))
                })
                .collect();
            (*op, ps)
        })
        .collect();
    let all: Vec<(f64, f64)> = page.iter().flat_map(|(_, ps)| ps.iter().copied()).collect();
    if all.is_empty() {
        return;
    }
    let stroke: Option<&FixedStroke> = shape.stroke.as_ref();
    let half = stroke.map_or(0.0, |s| mm(s.thickness) / 2.0);
    let min_x = all.iter().map(|p| p.0).fold(f64::INFINITY, f64::min) - half;
    let min_y = all.iter().map(|p| p.1).fold(f64::INFINITY, f64::min) - half;
    let max_x = all.iter().map(|p| p.0).fold(f64::NEG_INFINITY, f64::max) + half;
    let max_y = all.iter().map(|p| p.1).fold(f64::NEG_INFINITY, f64::max) + half;
    let mut data = String::new();
    for (op, ps) in &page {
        if !data.is_empty() {
            data.push(' ');
        }
        data.push(*op);
        for (x, y) in ps {
            let _ = write!(data, " {} {}", num(x - min_x), num(y - min_y));
        }
    }
    let id = ids.next();
    let _ = write!(
        out,
        "<ofd:PathObject ID=\"{id}\" Boundary=\"{} {} {} {}\"",
        num(min_x),
        num(min_y),
        num((max_x - min_x).max(0.001)),
        num((max_y - min_y).max(0.001))
    );
    if let Some(s) = stroke {
        let _ = write!(out, " LineWidth=\"{}\"", num(mm(s.thickness)));
    }
    let _ = write!(
        out,
        " Stroke=\"{}\" Fill=\"{}\">",
        stroke.is_some(),
        shape.fill.is_some()
    );
    if let Some(fill) = &shape.fill {
        let _ = write!(out, "<ofd:FillColor Value=\"{}\"/>", color(fill));
    }
    if let Some(s) = stroke {
        let _ = write!(out, "<ofd:StrokeColor Value=\"{}\"/>", color(&s.paint));
    }
    let _ = write!(
        out,
        "<ofd:AbbreviatedData>{data}</ofd:AbbreviatedData></ofd:PathObject>"
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_millimetres_to_a_thousandth() {
        assert_eq!(num(mm(Abs::pt(72.0))), "25.4");
        assert_eq!(num(0.00001), "0");
        assert_eq!(num(-0.0001), "0");
        assert_eq!(num(12.0), "12");
        assert_eq!(num(1.23456), "1.235");
    }
}
