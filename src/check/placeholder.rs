//! S-PLACEHOLDER: text left to fill in. `report init` marks what the clerk must write with
//! 「待填写」, and reports are drafted from templates with 「XX」「××」 for names and numbers
//! not yet known; any of these left in a report would be published as is.

use super::{Input, pattern};
use crate::diag::{Findings, Severity};
use regex::Regex;
use std::sync::LazyLock;

/// The marks of text to fill in. Latin X's only as a run of capitals standing apart from
/// other Latin letters and digits, so 「XXL」 or an address like 「xxgk」 are not taken.
static MARK: LazyLock<Regex> = LazyLock::new(|| {
    pattern(r"待填写|待补充|请填写|此处填写|[×Ｘ]{2,}|(?:^|[^A-Za-z0-9])(X{2,})(?:[^A-Za-z0-9]|$)")
});

pub fn s_placeholder(input: &Input, f: &mut Findings) {
    for text in input.texts {
        for m in MARK.captures_iter(&text.text) {
            let Some(found) = m.get(1).or_else(|| m.get(0)) else {
                continue;
            };
            let index = text.text[..found.start()].chars().count();
            f.at_char(
                Severity::Error,
                "S-PLACEHOLDER",
                text,
                index,
                crate::tr!("check-s-placeholder", mark = found.as_str()),
            )
            .help = Some(crate::tr!("check-s-placeholder-help"));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;

    fn placeholders(text: &str) -> Vec<Option<u64>> {
        findings(&with_paragraph(text))
            .into_iter()
            .filter(|x| x.0 == "S-PLACEHOLDER")
            .map(|x| x.2)
            .collect()
    }

    #[test]
    fn marks_left_to_fill_in_are_errors_where_they_stand() {
        assert_eq!(placeholders("全年主动公开政府信息（待填写）条。"), [Some(20)]);
        assert_eq!(placeholders("XX区人民政府办公室负责此项工作。"), [Some(9)]);
        assert_eq!(placeholders("共收到申请××件。"), [Some(14)]);
        assert_eq!(placeholders("联系电话：023-XXXXXXXX。"), [Some(18)]);
    }

    #[test]
    fn latin_words_and_addresses_are_not_placeholders() {
        assert!(placeholders("详见http://www.cq.gov.cn/xxgk/index.html。").is_empty());
        assert!(placeholders("购置XXL型号服务器一台，3×4米展板。").is_empty());
    }
}
