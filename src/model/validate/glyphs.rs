//! F-FALLBACK and F-GLYPH: every character is checked against the fonts of its role before
//! rendering. Typst would silently print an empty box for a character no font has; here
//! that is an error, and a character that only a fallback face has is a warning that names
//! it, so nobody is surprised by a 「堃」 in another typeface.

use super::Context;
use crate::diag::Severity;
use crate::fonts::{FontSet, RoleFonts};
use std::collections::{BTreeMap, HashMap};

pub fn f_glyph(cx: &mut Context, fonts: &FontSet, roles: &BTreeMap<String, RoleFonts>) {
    // A report repeats a few hundred distinct characters thousands of times: look each up
    // once per role.
    let mut known: HashMap<(&str, char), Coverage> = HashMap::new();
    for i in 0..cx.texts.len() {
        let text = cx.texts[i].clone();
        let Some(role) = roles.get(text.role) else {
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
                    cx.at_char(
                        Severity::Warning,
                        "F-FALLBACK",
                        &text,
                        index,
                        format!(
                            "「{c}」 (U+{:04X}) is not in {first}; it will print in {other}",
                            c as u32
                        ),
                    )
                    .help = Some("check it on paper, or give --font-dir a font that has it".into());
                }
                Coverage::None => {
                    reported.push(c);
                    cx.at_char(
                        Severity::Error,
                        "F-GLYPH",
                        &text,
                        index,
                        format!(
                            "no font has 「{c}」 (U+{:04X}): it would print as an empty box",
                            c as u32
                        ),
                    )
                    .help = Some("replace the character, or give --font-dir a font that has it".into());
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

/// Letters and digits that the Latin face of a role sets (Typst's `latin-in-cjk`).
fn is_latin(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '\u{00C0}'..='\u{024F}')
}
