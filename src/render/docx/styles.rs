//! The Word styles of a report, under Word's built-in ids and names (Normal, Title,
//! Heading 1-4, Footer) so the navigation pane, a table of contents and a clerk's later
//! edits behave as Word users expect; and the layout numbers in Word's units.

use crate::layout::{Layout, MM_PER_PT, Role};
use docx_rs::{AlignmentType, LineSpacing, LineSpacingType, RunFonts, SpecialIndentType, Style, StyleType};

/// Style ids as Word writes them for its built-in styles.
pub struct StyleId;

impl StyleId {
    pub const NORMAL: &'static str = "Normal";
    pub const TITLE: &'static str = "Title";
    pub const FOOTER: &'static str = "Footer";

    pub fn heading(level: u8) -> &'static str {
        match level {
            1 => "Heading1",
            2 => "Heading2",
            3 => "Heading3",
            _ => "Heading4",
        }
    }
}

/// The layout's numbers in the units Word uses.
pub struct Metrics {
    /// Baseline to baseline, in twips (579).
    pub line_pitch: i32,
    /// One grid character, in twips (315.9).
    pub char_pitch: f64,
    /// The text block's width, in points.
    pub block_width_pt: f64,
    /// From the page's bottom edge to the footer, in twips.
    pub footer_distance: i32,
    sizes: std::collections::BTreeMap<String, f64>,
}

impl Metrics {
    pub fn of(layout: &Layout) -> Metrics {
        let below_block = layout.page.margin_bottom_mm - layout.page_number.below_block_mm;
        Metrics {
            line_pitch: (layout.grid.line_pitch_pt * 20.0).round() as i32,
            char_pitch: layout.char_pitch_pt() * 20.0,
            block_width_pt: layout.block_width_pt(),
            footer_distance: twips(below_block) - (layout.docx.footer_line_height_pt * 20.0).round() as i32,
            sizes: layout.roles.iter().map(|(k, r)| (k.clone(), r.size_pt)).collect(),
        }
    }

    /// A role's size in half-points (Word's `w:sz`).
    pub fn half_points(&self, role: Role) -> usize {
        // Every role is in the layout (checked when it is parsed).
        (self.sizes.get(role.as_str()).copied().unwrap_or_default() * 2.0).round() as usize
    }

    /// Exact line spacing at the grid's pitch, no space before or after.
    pub fn exact_lines(&self) -> LineSpacing {
        exact(self.line_pitch)
    }

    /// Two grid characters, the first-line indent of every paragraph, in twips (632).
    fn indent(&self, layout: &Layout) -> i32 {
        (self.char_pitch * f64::from(layout.grid.first_line_indent_chars)).round() as i32
    }
}

/// Twips (twentieths of a point, Word's unit) for a length in millimetres.
pub fn twips(mm: f64) -> i32 {
    (mm / MM_PER_PT * 20.0).round() as i32
}

/// The fonts of a role by the names official machines have: the role's face for Chinese,
/// the Latin face for letters and digits (or the role's own where it keeps its digits).
pub fn fonts_of(layout: &Layout, role: Role) -> RunFonts {
    let r = layout.role(role);
    let latin = match (&layout.latin.docx_font, r.latin) {
        (Some(latin), true) => latin.clone(),
        _ => r.docx_font.clone(),
    };
    RunFonts::new()
        .east_asia(&r.docx_font)
        .ascii(&latin)
        .hi_ansi(&latin)
        .cs(&latin)
}

/// Exact line spacing of `pitch` twips, no space before or after.
pub fn exact(pitch: i32) -> LineSpacing {
    LineSpacing::new()
        .line_rule(LineSpacingType::Exact)
        .line(pitch)
        .before(0)
        .after(0)
}

/// A paragraph style with a role's fonts and size on the grid. Every style states its
/// first-line indent, 0 included, so none inherits an indent it must not have.
fn paragraph_style(layout: &Layout, m: &Metrics, id: &str, name: &str, role: Role, indent: i32) -> Style {
    let r = layout.role(role);
    let mut style = Style::new(id, StyleType::Paragraph)
        .name(name)
        .fonts(fonts_of(layout, role))
        .size(m.half_points(role))
        .line_spacing(exact(m.line_pitch))
        .indent(Some(0), Some(SpecialIndentType::FirstLine(indent)), None, None)
        .q_format(true);
    if r.docx_bold() {
        style = style.bold();
    }
    if id != StyleId::NORMAL {
        style = style.based_on(StyleId::NORMAL).next(StyleId::NORMAL);
    }
    style
}

/// Every style the document uses.
pub fn all(layout: &Layout, m: &Metrics) -> Vec<Style> {
    let indent = m.indent(layout);
    let mut styles = vec![
        paragraph_style(layout, m, StyleId::NORMAL, "Normal", Role::Body, indent),
        // Not snapped to the line grid: a 22 pt line would take two grid lines.
        paragraph_style(layout, m, StyleId::TITLE, "Title", layout.title.role, 0)
            .snap_to_grid(false)
            .align(AlignmentType::Center),
        paragraph_style(layout, m, StyleId::FOOTER, "footer", layout.page_number.role, 0).line_spacing(
            LineSpacing::new()
                .line_rule(LineSpacingType::Auto)
                .line(240)
                .before(0)
                .after(0),
        ),
    ];
    for (level, role) in [
        (1u8, Role::Heading1),
        (2, Role::Heading2),
        (3, Role::Heading3),
        (4, Role::Heading4),
    ] {
        let id = StyleId::heading(level);
        styles.push(
            paragraph_style(layout, m, id, &format!("heading {level}"), role, indent)
                .outline_lvl(usize::from(level - 1)),
        );
    }
    styles
}
