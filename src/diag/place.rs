//! From a character of a text value to its line and column in the YAML source.

use crate::error::SourcePos;
use serde_saphyr::Location;

/// The line and column of character `index` of `value`, whose scalar starts at `at`.
/// A plain scalar is the value itself; a quoted or block scalar is searched for the text
/// around the character. When that fails (escapes, folding) the scalar's start is given.
pub fn position(source: &str, at: &Location, value: &str, index: usize) -> SourcePos {
    let start = SourcePos {
        line: at.line(),
        column: at.column(),
    };
    let Some(offset) = at.span().byte_offset().map(|o| o as usize) else {
        return start;
    };
    let Some(rest) = source.get(offset..) else {
        return start;
    };
    let chars: Vec<char> = value.chars().collect();
    let index = index.min(chars.len());
    let before: String = chars[index.saturating_sub(8)..index].iter().collect();
    let after: String = chars[index..(index + 8).min(chars.len())].iter().collect();
    // The text just before and after the character, as it stands in the source, finds it
    // even in a long paragraph that repeats words; the text after alone, across a line
    // break of a block scalar.
    let found = rest
        .find(&format!("{before}{after}"))
        .map(|d| d + before.len())
        .or_else(|| (!after.is_empty()).then(|| rest.find(after.as_str())).flatten());
    match found {
        Some(delta) => pos_at(source, offset + delta),
        None => start,
    }
}

/// The 1-based line and character column of a byte offset.
fn pos_at(source: &str, offset: usize) -> SourcePos {
    let head = &source[..offset.min(source.len())];
    let line = head.matches('\n').count() as u64 + 1;
    let line_start = head.rfind('\n').map_or(0, |i| i + 1);
    let column = head[line_start..].chars().count() as u64 + 1;
    SourcePos { line, column }
}

#[cfg(test)]
mod tests {
    use super::position;
    use crate::load::parse;
    use crate::model::Block;
    use std::path::Path;

    fn para_pos(yaml: &str, index: usize) -> (u64, u64) {
        let report = parse(Path::new("t"), yaml).unwrap();
        let block = &report.preamble[0];
        let Block::Paragraph(text) = &block.value else {
            panic!()
        };
        let p = position(yaml, &block.referenced, text, index);
        (p.line, p.column)
    }

    #[test]
    fn plain_and_quoted_scalars_map_characters_to_columns() {
        let plain = "issuer: 甲\nyear: 2023\npreamble:\n  - 一二三四五\nparts: []\n";
        assert_eq!(para_pos(plain, 0), (4, 5));
        assert_eq!(para_pos(plain, 3), (4, 8));
        let quoted = "issuer: 甲\nyear: 2023\npreamble:\n  - \"一二三四五\"\nparts: []\n";
        assert_eq!(para_pos(quoted, 3), (4, 9));
    }

    #[test]
    fn block_scalars_map_to_their_own_lines() {
        let block = "issuer: 甲\nyear: 2023\npreamble:\n  - |-\n    第一行\n    第二行文字\nparts: []\n";
        assert_eq!(para_pos(block, 6), (6, 7));
    }
}
