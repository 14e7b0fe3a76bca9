//! P-TOKEN: a token (a URL, a code, a long number) wider than a line. It is printed whole,
//! broken wherever the line ends (see `placement::breakable`), and the reader may want to
//! know that a line break now stands inside it.

use super::Input;
use crate::diag::{Findings, Severity};
use crate::placement::{ems, tokens};

/// P-TOKEN: every token of the report's text wider than the text block.
pub fn p_token(input: &Input, f: &mut Findings) {
    let line = f64::from(input.layout.grid.chars_per_line);
    for text in input.texts {
        for span in tokens(&text.text) {
            let token = &text.text[span.clone()];
            if ems(token) <= line {
                continue;
            }
            let shown: String = token.chars().take(24).collect();
            f.at_char(
                Severity::Warning,
                "P-TOKEN",
                text,
                text.text[..span.start].chars().count(),
                crate::tr!(
                    "check-p-token",
                    shown = shown,
                    count = token.chars().count().to_string()
                ),
            )
            .help = Some(crate::tr!("check-p-token-help"));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;

    #[test]
    fn a_token_longer_than_a_line_is_named_and_a_url_that_fits_is_not() {
        let long = "A".repeat(57);
        let f = findings(&with_paragraph(&format!(
            "代码为{long}，网址https://www.example.gov.cn/a.html。"
        )));
        let found: Vec<_> = f.iter().map(|x| (x.0, x.2)).collect();
        assert_eq!(found, [("P-TOKEN", Some(12))], "{f:?}");
    }
}
