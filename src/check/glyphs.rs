//! F-FALLBACK and F-GLYPH: every character is checked against the fonts of its role before
//! rendering. Typst would silently print an empty box for a character no font has; here
//! that is an error, and a character that only a fallback face has is a warning that names
//! it, so nobody is surprised by a 「堃」 in another typeface.

use super::Input;
use crate::diag::{Findings, Severity};
use crate::fonts::{FontSet, RoleFontSet, RoleFonts};
use crate::text::is_latin;
use std::collections::HashMap;

pub fn f_glyph(input: &Input, fonts: RoleFontSet, f: &mut Findings) {
    let RoleFontSet { set: fonts, roles } = fonts;
    // A report repeats a few hundred distinct characters thousands of times: look each up
    // once per role.
    let mut known: HashMap<(crate::layout::Role, char), Coverage> = HashMap::new();
    for text in input.texts {
        let Some(role) = roles.get(text.role.as_str()) else {
            continue;
        };
        let mut reported = Vec::new();
        for (index, c) in text.text.chars().enumerate() {
            if c.is_whitespace() || c.is_control() || reported.contains(&c) {
                continue;
            }
            let coverage = known
                .entry((text.role, c))
                .or_insert_with(|| coverage(fonts, role, c))
                .clone();
            let first = role.cjk.first().map_or("", String::as_str);
            match coverage {
                Coverage::Own => {}
                Coverage::Fallback(other) => {
                    reported.push(c);
                    f.at_char(
                        Severity::Warning,
                        "F-FALLBACK",
                        text,
                        index,
                        crate::tr!(
                            "check-f-fallback",
                            char = c,
                            code = format!("{:04X}", c as u32),
                            font = first,
                            other = other
                        ),
                    )
                    .help = Some(crate::tr!("check-f-fallback-help"));
                }
                Coverage::None => {
                    reported.push(c);
                    f.at_char(
                        Severity::Error,
                        "F-GLYPH",
                        text,
                        index,
                        crate::tr!("check-f-glyph", char = c, code = format!("{:04X}", c as u32)),
                    )
                    .help = Some(crate::tr!("check-f-glyph-help"));
                }
            }
        }
    }
}

/// Which font of a role prints a character.
#[derive(Clone)]
enum Coverage {
    /// The role's own face (or its Latin face, for letters and digits).
    Own,
    /// Only a later family of the role's list, named.
    Fallback(String),
    None,
}

fn coverage(fonts: &FontSet, role: &RoleFonts, c: char) -> Coverage {
    if is_latin(c) && role.latin.iter().any(|f| fonts.family_covers(f, c)) {
        return Coverage::Own;
    }
    match role.cjk.first() {
        Some(first) if fonts.family_covers(first, c) => Coverage::Own,
        _ => match role.cjk.iter().skip(1).find(|f| fonts.family_covers(f, c)) {
            Some(other) => Coverage::Fallback(other.clone()),
            None => Coverage::None,
        },
    }
}
