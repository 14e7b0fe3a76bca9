//! A message about the value of a table cell, with the kind of cell it is about. The loader
//! names the cell in the words of the form and says what such a cell holds; it learns the
//! kind from a tag at the start of the message, never from the message's words, which are in
//! the run's language.

use serde::de;

/// The kind of cell a value message is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CellKind {
    /// A count of the tables: decimal digits, 0 to `number::MAX_COUNT`.
    Count,
    /// 本年增/减 of the 2019 table 2: `+N`, `-N` or `0`.
    Change,
    /// An amount of money: 采购总金额 of the 2019 table 2 (and 本年收费金额 of the 2021 one).
    Amount,
}

/// Encloses the tag. A control character: no message of ours holds one, and a message
/// that reached a person with its tag would show it escaped, not act on it.
const MARK: char = '\u{1}';

impl CellKind {
    fn code(self) -> char {
        match self {
            CellKind::Count => 'c',
            CellKind::Change => 'd',
            CellKind::Amount => 'a',
        }
    }

    fn of(code: &str) -> Option<CellKind> {
        match code {
            "c" => Some(CellKind::Count),
            "d" => Some(CellKind::Change),
            "a" => Some(CellKind::Amount),
            _ => None,
        }
    }
}

/// `message`, tagged as being about a cell of `kind`.
pub fn tagged(kind: CellKind, message: &str) -> String {
    format!("{MARK}{}{MARK}{message}", kind.code())
}

/// A deserializer error saying `message` about a cell of `kind`.
pub fn error<E: de::Error>(kind: CellKind, message: &str) -> E {
    E::custom(tagged(kind, message))
}

/// The kind a message is tagged with, if it is, and the message without its tag.
pub fn untag(message: &str) -> (Option<CellKind>, &str) {
    let tagged = message
        .strip_prefix(MARK)
        .and_then(|rest| rest.split_once(MARK))
        .and_then(|(code, text)| Some((CellKind::of(code)?, text)));
    match tagged {
        Some((kind, text)) => (Some(kind), text),
        None => (None, message),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tag_is_read_back_and_an_untagged_message_stays_whole() {
        for kind in [CellKind::Count, CellKind::Change, CellKind::Amount] {
            assert_eq!(
                untag(&tagged(kind, "件数不能为负数")),
                (Some(kind), "件数不能为负数")
            );
        }
        assert_eq!(
            untag("a count cannot be negative"),
            (None, "a count cannot be negative")
        );
        assert_eq!(untag("\u{1}x\u{1}y"), (None, "\u{1}x\u{1}y"));
    }
}
