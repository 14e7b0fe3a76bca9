//! Character classes and numerals that several stages need: what prints as nothing, what is
//! Chinese, what the Latin face sets, and the Chinese numerals of heading numbers.

/// Characters that print as nothing or reorder the text around them.
pub fn is_invisible(c: char) -> bool {
    (c.is_control() && c != '\t')
        || matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
}

/// `text` as it may go to a terminal: control characters but line breaks and tabs, and the
/// characters that print as nothing or reorder the text, shown as `\u{1b}` escapes. A
/// file name or a message quoting user text cannot clear the screen or reverse a line.
pub fn printable(text: &str) -> std::borrow::Cow<'_, str> {
    let hidden = |c: char| is_invisible(c) && c != '\n';
    if !text.chars().any(hidden) {
        return text.into();
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if hidden(c) {
            out.push_str(&c.escape_unicode().to_string());
        } else {
            out.push(c);
        }
    }
    out.into()
}

/// A Chinese character (CJK unified ideographs, their extensions and compatibility forms).
pub fn is_han(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '\u{20000}'..='\u{3134F}')
}

/// Letters and digits that the Latin face of a role sets (Typst's `latin-in-cjk`).
pub fn is_latin(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '\u{00C0}'..='\u{024F}')
}

/// 1 → 一, 10 → 十, 11 → 十一, 20 → 二十, 99 → 九十九; beyond that, Arabic digits.
pub fn chinese_numeral(n: usize) -> String {
    const DIGITS: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        1..=9 => DIGITS[n].to_owned(),
        10..=19 => format!("十{}", if n == 10 { "" } else { DIGITS[n - 10] }),
        20..=99 => format!(
            "{}十{}",
            DIGITS[n / 10],
            if n.is_multiple_of(10) { "" } else { DIGITS[n % 10] }
        ),
        _ => n.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_numerals_follow_the_usual_forms() {
        let got: Vec<String> = [1, 9, 10, 11, 19, 20, 21, 99]
            .iter()
            .map(|&n| chinese_numeral(n))
            .collect();
        assert_eq!(
            got,
            ["一", "九", "十", "十一", "十九", "二十", "二十一", "九十九"]
        );
    }

    #[test]
    fn classes_of_characters() {
        assert!(is_invisible('\u{202E}') && is_invisible('\u{200B}') && !is_invisible('\t'));
        assert!(is_han('政') && !is_han('，') && !is_han('a'));
        assert!(is_latin('A') && is_latin('7') && is_latin('é') && !is_latin('“'));
    }
}
