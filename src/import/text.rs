//! The `.txt` reader. A line is a paragraph; a line may also hold several paragraphs
//! separated by a run of two or more spaces (ASCII, no-break or full-width), as text copied
//! from a portal page often does (the seed, `tests/fixtures/chongqing-2014.txt`: one line per
//! title, then the whole body on one line). A paragraph's full-width indent is dropped.

use super::blocks::{Block, Origin, Paragraph, Source};

/// Whether `c` is white space a text file indents or separates paragraphs with.
fn is_space(c: char) -> bool {
    c == ' ' || c == '\u{a0}' || c == '\u{3000}' || c == '\t'
}

/// Splits one line at runs of two or more spaces.
fn pieces(line: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut run_start: Option<usize> = None;
    let mut run_len = 0;
    for (i, c) in line.char_indices() {
        if is_space(c) {
            if run_start.is_none() {
                run_start = Some(i);
                run_len = 0;
            }
            run_len += 1;
        } else {
            if let Some(rs) = run_start.take()
                && run_len >= 2
            {
                out.push(&line[start..rs]);
                start = i;
            }
            run_len = 0;
        }
    }
    out.push(&line[start..]);
    out.into_iter()
        .map(|p| p.trim_matches(is_space))
        .filter(|p| !p.is_empty())
        .collect()
}

/// The blocks of a text file's contents.
pub fn read(text: &str) -> Source {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut blocks = Vec::new();
    for (n, line) in text.lines().enumerate() {
        for piece in pieces(line) {
            blocks.push(Block::Paragraph(Paragraph {
                text: piece.to_owned(),
                runs: vec![piece.to_owned()],
                origin: Origin::Line(n + 1),
                ..Paragraph::default()
            }));
        }
    }
    Source {
        blocks,
        ..Source::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<String> {
        read(s)
            .blocks
            .into_iter()
            .filter_map(|b| match b {
                Block::Paragraph(p) => Some(p.text),
                Block::Table(_) => None,
            })
            .collect()
    }

    #[test]
    fn runs_of_spaces_separate_paragraphs_and_indents_go() {
        assert_eq!(
            texts("标题\n\u{3000}\u{3000}一、概述  （一）甲。乙\u{a0}\u{a0} 二、丙\n\n  丁 戊"),
            ["标题", "一、概述", "（一）甲。乙", "二、丙", "丁 戊"]
        );
    }
}
