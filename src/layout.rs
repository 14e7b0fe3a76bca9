//! The layout definition of a template (`layout.toml`) as typed numbers: page, grid, font
//! roles. Every renderer takes its numbers from here, so PDF and DOCX cannot drift apart.

use crate::error::Error;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Millimetres in a point.
pub const MM_PER_PT: f64 = 25.4 / 72.0;

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Layout {
    pub page: Page,
    pub grid: Grid,
    pub title: Title,
    pub page_number: PageNumber,
    pub signature: SignatureLayout,
    pub latin: FontList,
    pub fallback: FontList,
    pub roles: BTreeMap<String, RoleStyle>,
    pub table: TableLayout,
    pub docx: DocxLayout,
}

/// Tables: smaller type with its own line spacing, thin rules, a little air in each cell.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TableLayout {
    pub role: Role,
    /// Baseline to baseline inside a cell.
    pub line_pitch_pt: f64,
    pub rule_pt: f64,
    pub cell_inset_mm: f64,
    /// The stroke that emboldens a bold cell in the PDF, in em: the table face has no bold,
    /// and Word emboldens it the same way.
    pub bold_stroke_em: f64,
    /// The role a table's caption is set in, centred on the body grid above the table.
    pub caption_role: Role,
    /// Relative column widths of each printed table.
    pub columns: TableColumns,
}

/// The relative column widths of the tables the report shapes print, and of a batch's
/// roll-up; their count is the table's number of columns.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TableColumns {
    /// Table 2 of the 2021 format, 主动公开政府信息情况.
    pub active_disclosure: Vec<f64>,
    /// Table 2 of the 2019 trial format, 主动公开政府信息情况.
    pub active_disclosure_2019: Vec<f64>,
    /// Table 3, 收到和处理政府信息公开申请情况.
    pub applications: Vec<f64>,
    /// Table 4, 政府信息公开行政复议、行政诉讼情况.
    pub reviews: Vec<f64>,
    /// The roll-up of a batch's key numbers.
    pub rollup: Vec<f64>,
    /// A statistics table written in a report (指标名称 | 计量单位 | values): three widths,
    /// the name, the unit, and each value column's.
    pub statistics: Vec<f64>,
}

/// What only the Word document needs.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocxLayout {
    /// Character spacing of every run, in twentieths of a point.
    pub run_spacing_twentieths: i32,
    /// The height of the page-number line, to place the footer from the page's edge.
    pub footer_line_height_pt: f64,
    /// From the page's top edge to the (empty) header.
    pub header_distance_mm: f64,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Page {
    pub width_mm: f64,
    pub height_mm: f64,
    pub margin_top_mm: f64,
    pub margin_bottom_mm: f64,
    pub margin_left_mm: f64,
    pub margin_right_mm: f64,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Grid {
    pub chars_per_line: u32,
    pub lines_per_page: u32,
    pub line_pitch_pt: f64,
    pub first_line_indent_chars: u32,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Title {
    pub role: Role,
    pub blank_lines_after: u32,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PageNumber {
    pub role: Role,
    pub below_block_mm: f64,
    pub inset_chars: u32,
    pub prefix: String,
    pub suffix: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SignatureLayout {
    pub right_inset_chars: u32,
    pub date_offset_chars: u32,
    pub blank_lines_before: u32,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FontList {
    pub families: Vec<String>,
    #[serde(default)]
    pub docx_font: Option<String>,
}

/// The font roles: each kind of text a report prints is set in one, and `layout.toml` gives
/// each its size, weight and fonts under `[roles.NAME]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Title,
    Body,
    /// 一、
    Heading1,
    /// （一）
    Heading2,
    /// 1.
    Heading3,
    /// （1）
    Heading4,
    PageNumber,
    Table,
}

impl Role {
    /// Every role; a template defines them all.
    pub const ALL: [Role; 8] = [
        Role::Title,
        Role::Body,
        Role::Heading1,
        Role::Heading2,
        Role::Heading3,
        Role::Heading4,
        Role::PageNumber,
        Role::Table,
    ];

    /// The role's name in `layout.toml` (`[roles.heading1]`).
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Title => "title",
            Role::Body => "body",
            Role::Heading1 => "heading1",
            Role::Heading2 => "heading2",
            Role::Heading3 => "heading3",
            Role::Heading4 => "heading4",
            Role::PageNumber => "page_number",
            Role::Table => "table",
        }
    }
}

/// A font role's style: what one kind of text (body, 一、 headings, title …) is set in.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RoleStyle {
    pub size_pt: f64,
    pub weight: u16,
    /// Whether Latin letters and digits are set in the [latin] families (else in the role's own).
    #[serde(default = "yes")]
    pub latin: bool,
    pub families: Vec<String>,
    /// Further faces for the HTML page's font stack, after `families`: the names Windows,
    /// macOS and Linux ship the role's kind of face under (仿宋 → FangSong, STFangsong …).
    #[serde(default)]
    pub web_families: Vec<String>,
    /// The CSS generic family that ends the page's stack; `serif` when left out.
    #[serde(default)]
    pub web_generic: Option<String>,
    pub docx_font: String,
    /// Whether the DOCX makes the role bold; by default when `weight` is 600 or more. The
    /// title's weight picks a heavy stand-in face for the PDF, while its official face
    /// (方正小标宋简体) is heavy by design and must not be emboldened.
    #[serde(default)]
    pub docx_bold: Option<bool>,
}

impl RoleStyle {
    /// Whether the DOCX sets the role in bold.
    pub fn docx_bold(&self) -> bool {
        self.docx_bold.unwrap_or(self.weight >= 600)
    }
}

fn yes() -> bool {
    true
}

impl Layout {
    /// Every family the template sets text in: Latin, each role's, the fallback.
    pub fn font_families(&self) -> Vec<String> {
        let mut families = self.latin.families.clone();
        for role in self.roles.values() {
            families.extend(role.families.iter().cloned());
        }
        families.extend(self.fallback.families.iter().cloned());
        families
    }

    /// Parses and checks a `layout.toml`; `path` only names the file in messages.
    pub fn parse(path: &Path, text: &str) -> Result<Layout, Error> {
        let err = |message: String| Error::Layout {
            path: PathBuf::from(path),
            message,
        };
        let layout: Layout = toml::from_str(text).map_err(|e| err(e.to_string()))?;
        for role in Role::ALL.map(Role::as_str) {
            if !layout.roles.contains_key(role) {
                return Err(err(crate::tr!("layout-role-missing", role = role)));
            }
        }
        let c = &layout.table.columns;
        for (name, widths) in [
            ("active_disclosure", &c.active_disclosure),
            ("active_disclosure_2019", &c.active_disclosure_2019),
            ("applications", &c.applications),
            ("reviews", &c.reviews),
            ("rollup", &c.rollup),
            ("statistics", &c.statistics),
        ] {
            if widths.is_empty() || widths.iter().any(|w| !(w.is_finite() && *w > 0.0)) {
                return Err(err(crate::tr!("layout-column-widths", name = name)));
            }
        }
        if c.statistics.len() != 3 {
            return Err(err(crate::tr!("layout-statistics-widths")));
        }
        if layout.grid.chars_per_line == 0 || layout.grid.lines_per_page == 0 {
            return Err(err(crate::tr!("layout-empty-grid")));
        }
        if layout.text_width_mm() <= 0.0 || layout.text_height_mm() <= 0.0 {
            return Err(err(crate::tr!("layout-no-room")));
        }
        Ok(layout)
    }

    pub fn text_width_mm(&self) -> f64 {
        self.page.width_mm - self.page.margin_left_mm - self.page.margin_right_mm
    }

    pub fn text_height_mm(&self) -> f64 {
        self.page.height_mm - self.page.margin_top_mm - self.page.margin_bottom_mm
    }

    /// The advance of one grid character: the text width shared by the characters of a line.
    pub fn char_pitch_pt(&self) -> f64 {
        self.text_width_mm() / MM_PER_PT / f64::from(self.grid.chars_per_line)
    }

    /// The text block's width in points: the line of `chars_per_line` grid characters.
    pub fn block_width_pt(&self) -> f64 {
        self.char_pitch_pt() * f64::from(self.grid.chars_per_line)
    }

    pub fn role(&self, role: Role) -> &RoleStyle {
        // Every role's presence is checked in `parse`.
        &self.roles[role.as_str()]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bundled() -> Layout {
        let text = include_str!("../templates/gbt9704/layout.toml");
        Layout::parse(Path::new("layout.toml"), text).unwrap()
    }

    #[test]
    fn the_official_grid_is_28_by_22_on_a_156_by_225_block() {
        let l = bundled();
        assert_eq!((l.text_width_mm(), l.text_height_mm()), (156.0, 225.0));
        assert!((l.char_pitch_pt() - 15.79).abs() < 0.01, "{}", l.char_pitch_pt());
        let block_pt = l.text_height_mm() / MM_PER_PT;
        let lines = (block_pt / l.grid.line_pitch_pt).floor();
        assert_eq!(lines as u32, l.grid.lines_per_page);
    }

    #[test]
    fn a_missing_role_is_named() {
        let text = include_str!("../templates/gbt9704/layout.toml")
            .replace("[roles.heading2]", "[roles.heading_two]");
        let err = Layout::parse(Path::new("x/layout.toml"), &text)
            .unwrap_err()
            .to_string();
        assert!(err.contains("roles.heading2"), "{err}");
    }
}
