//! Citations of table values in prose: a paragraph writes `{表3.本年新收.总计}` (or the YAML
//! keys, `{applications.received.total}`) and prints the table's number, so prose and table
//! cannot disagree. `{{` and `}}` print a brace. Each shape lists the values it offers
//! (`formats::citable`); this module reads the braces and finds the value a name means.
//!
//! Chinese names go table, row, column, each part as printed without its number (一、 （一）
//! 1.) and shortened to any unambiguous beginning: `表3.本年新收` is 「一、本年新收政府信息公开
//! 申请数量」's 总计, `表3.不予公开.属于国家秘密.自然人` one cell; where the column is left
//! out the row's 总计 (or its only value) is meant.

use crate::placement::BREAK;

/// A value a paragraph may cite: its names (each a path of parts, the first the table), its
/// key path in the YAML, and the text it prints.
#[derive(Debug, Clone)]
pub struct Citable {
    pub names: Vec<Vec<String>>,
    pub key: String,
    pub value: String,
}

impl Citable {
    /// A value with one Chinese name, the parts joined by dots.
    pub fn new(name: &[&str], key: &str, value: impl Into<String>) -> Citable {
        Citable {
            names: vec![name.iter().map(|s| (*s).to_owned()).collect()],
            key: key.to_owned(),
            value: value.into(),
        }
    }

    /// Another Chinese name for the same value.
    pub fn or(mut self, name: &[&str]) -> Citable {
        self.names.push(name.iter().map(|s| (*s).to_owned()).collect());
        self
    }
}

/// A label as a citation names it: without its number (一、 （一） 1. 1、).
pub fn bare(label: &str) -> &str {
    let label = label.trim();
    if let Some((number, rest)) = label.split_once('、')
        && number.chars().all(|c| "一二三四五六七八九十".contains(c))
    {
        return rest;
    }
    if let Some(rest) = label.strip_prefix('（')
        && let Some((number, rest)) = rest.split_once('）')
        && !number.is_empty()
        && number
            .chars()
            .all(|c| c.is_ascii_digit() || "一二三四五六七八九十".contains(c))
    {
        return rest;
    }
    if let Some(first) = label.chars().next()
        && ('①'..='⑳').contains(&first)
    {
        return label[first.len_utf8()..].trim_start();
    }
    let digits = label.chars().take_while(char::is_ascii_digit).count();
    if digits > 0 {
        for mark in ['.', '、', '．'] {
            if let Some(rest) = label[digits..].strip_prefix(mark) {
                return rest;
            }
        }
    }
    label
}

/// One piece of a text: as written, or a citation with the character index of its `{`.
#[derive(Debug, Clone, PartialEq)]
pub enum Piece {
    Text(String),
    Cite {
        name: String,
        at: usize,
    },
    /// A `{` with no `}` after it.
    Unclosed {
        at: usize,
    },
}

/// What reading a text for citations finds, each with the character index it stands at:
/// `{{` and `}}` are a literal brace, `{…}` a citation, a `{` with no `}` after it is
/// unclosed and everything after it literal.
enum Token {
    Char(char, usize),
    Cite(String, usize),
    Unclosed(usize),
}

/// The one reading of the braces, which [`pieces`] and [`substitute_mapped`] share. Break
/// marks (`placement::BREAK`) that composing put into a long name are not part of it.
fn scan(text: &str) -> Vec<Token> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::with_capacity(chars.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        match c {
            '{' | '}' if chars.get(i + 1) == Some(&c) => {
                out.push(Token::Char(c, i));
                i += 2;
            }
            '{' => match chars[i + 1..].iter().position(|&d| d == '}') {
                Some(len) => {
                    let name: String = chars[i + 1..i + 1 + len]
                        .iter()
                        .filter(|&&d| d != BREAK)
                        .collect();
                    out.push(Token::Cite(name, i));
                    i += len + 2;
                }
                None => {
                    out.push(Token::Unclosed(i));
                    out.extend(chars[i..].iter().enumerate().map(|(k, &d)| Token::Char(d, i + k)));
                    i = chars.len();
                }
            },
            _ => {
                out.push(Token::Char(c, i));
                i += 1;
            }
        }
    }
    out
}

/// The text cut into its literal pieces and citations.
pub fn pieces(text: &str) -> Vec<Piece> {
    let mut out = Vec::new();
    let mut literal = String::new();
    for token in scan(text) {
        let piece = match token {
            Token::Char(c, _) => {
                literal.push(c);
                continue;
            }
            Token::Cite(name, at) => Piece::Cite { name, at },
            Token::Unclosed(at) => Piece::Unclosed { at },
        };
        if !literal.is_empty() {
            out.push(Piece::Text(std::mem::take(&mut literal)));
        }
        out.push(piece);
    }
    if !literal.is_empty() {
        out.push(Piece::Text(literal));
    }
    out
}

/// Whether the text holds a brace, so needs reading for citations at all.
pub fn has_braces(text: &str) -> bool {
    text.contains(['{', '}'])
}

/// Why a name cites nothing.
#[derive(Debug, Clone, PartialEq)]
pub enum Unresolved {
    /// No value has this name; the closest names, if any are close.
    Unknown { near: Vec<String> },
    /// Several values begin with these parts.
    Ambiguous { candidates: Vec<String> },
    /// The report's shape has no tables to cite.
    NoTables,
}

/// The value `name` cites among `values`.
pub fn resolve<'a>(name: &str, values: &'a [Citable]) -> Result<&'a Citable, Unresolved> {
    if values.is_empty() {
        return Err(Unresolved::NoTables);
    }
    let name = name.trim();
    if let Some(found) = values.iter().find(|v| v.key == name) {
        return Ok(found);
    }
    let parts: Vec<&str> = name.split(['.', '．']).map(str::trim).collect();
    // Each part a beginning of the value's part; those that match every part whole first.
    let mut exact = Vec::new();
    let mut begun = Vec::new();
    for value in values {
        for path in &value.names {
            if path.len() != parts.len() {
                continue;
            }
            let pairs = || path.iter().zip(&parts);
            if pairs().all(|(p, w)| !w.is_empty() && p.starts_with(w)) {
                let list = if pairs().all(|(p, w)| p == w) {
                    &mut exact
                } else {
                    &mut begun
                };
                if !list.iter().any(|v: &&Citable| std::ptr::eq(*v, value)) {
                    list.push(value);
                }
            }
        }
    }
    let ambiguous = |many: &[&Citable]| Unresolved::Ambiguous {
        candidates: many.iter().take(4).map(|v| v.names[0].join(".")).collect(),
    };
    match (exact.as_slice(), begun.as_slice()) {
        ([one], _) | ([], [one]) => Ok(one),
        ([], []) => Err(Unresolved::Unknown {
            near: nearest(name, values),
        }),
        ([], many) => Err(ambiguous(many)),
        (many, _) => Err(ambiguous(many)),
    }
}

/// Up to three names close to `name`, for the help of an unknown one: compared whole and
/// as far as `name` goes (a name may be written shortened), the shortest first.
fn nearest(name: &str, values: &[Citable]) -> Vec<String> {
    let length = name.chars().count();
    let mut scored: Vec<(f64, String)> = values
        .iter()
        .flat_map(|v| v.names.iter().map(|n| n.join(".")).chain([v.key.clone()]))
        .map(|n| {
            let cut: String = n.chars().take(length).collect();
            let score =
                strsim::normalized_levenshtein(name, &n).max(strsim::normalized_levenshtein(name, &cut));
            (score, n)
        })
        .filter(|(score, _)| *score >= 0.6)
        .collect();
    scored.sort_by(|a, b| {
        b.0.total_cmp(&a.0)
            .then_with(|| a.1.chars().count().cmp(&b.1.chars().count()))
            .then_with(|| a.1.cmp(&b.1))
    });
    scored.dedup_by(|a, b| a.1 == b.1);
    scored.into_iter().take(3).map(|(_, n)| n).collect()
}

/// The text as printed: each citation replaced by its value, `{{` `}}` by a brace. A
/// citation that cites nothing stays as written (S-CITE reports it, and the report is not
/// rendered unless errors are allowed).
pub fn substitute(text: &str, values: &[Citable]) -> String {
    if !has_braces(text) {
        return text.to_owned();
    }
    substitute_mapped(text, values).0
}

/// [`substitute`], with the written character index of each printed character and of the
/// end, so the rules that read the printed text can point into the written one.
pub fn substitute_mapped(text: &str, values: &[Citable]) -> (String, Vec<usize>) {
    let mut out = String::with_capacity(text.len());
    let mut index = Vec::with_capacity(text.len() + 1);
    let mut push = |c: char, at: usize| {
        out.push(c);
        index.push(at);
    };
    for token in scan(text) {
        match token {
            Token::Char(c, at) => push(c, at),
            Token::Cite(name, at) => match resolve(&name, values) {
                Ok(v) => v.value.chars().for_each(|c| push(c, at)),
                Err(_) => {
                    let written = std::iter::once('{').chain(name.chars()).chain(['}']);
                    written.for_each(|c| push(c, at));
                }
            },
            Token::Unclosed(_) => {}
        }
    }
    index.push(text.chars().count());
    (out, index)
}

/// Test support for the shapes' lists of citable values.
#[cfg(test)]
pub(crate) mod testing {
    use super::{Citable, resolve};

    /// The values `reports/NAME.yaml` offers its prose.
    pub fn example_values(name: &str) -> Vec<Citable> {
        let path = format!("{}/reports/{name}.yaml", env!("CARGO_MANIFEST_DIR"));
        let report = crate::load::load_file(std::path::Path::new(&path))
            .unwrap()
            .report;
        crate::formats::citable(&report)
    }

    /// Every value is found by its key, and (with `names`) by each of its names, as itself.
    pub fn assert_each_resolves_to_itself(values: &[Citable], names: bool) {
        for value in values {
            let found = resolve(&value.key, values).unwrap();
            assert!(std::ptr::eq(found, value), "{}", value.key);
            for name in value.names.iter().filter(|_| names) {
                let found = resolve(&name.join("."), values).unwrap_or_else(|e| panic!("{name:?}: {e:?}"));
                assert_eq!(found.key, value.key, "{name:?}");
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbering_is_not_part_of_a_name() {
        assert_eq!(
            bare("一、本年新收政府信息公开申请数量"),
            "本年新收政府信息公开申请数量"
        );
        assert_eq!(bare("（三）不予公开"), "不予公开");
        assert_eq!(bare("1.属于国家秘密"), "属于国家秘密");
        assert_eq!(bare("2、网络申请数"), "网络申请数");
        assert_eq!(bare("（2）信函申请"), "信函申请");
        assert_eq!(bare("③其他"), "其他");
        assert_eq!(bare("行政复议"), "行政复议");
        assert_eq!(bare("2013年"), "2013年");
    }

    fn values() -> Vec<Citable> {
        vec![
            Citable::new(
                &["表3", "本年新收政府信息公开申请数量", "总计"],
                "applications.received.total",
                "86",
            )
            .or(&["表3", "本年新收政府信息公开申请数量"]),
            Citable::new(
                &["表3", "本年新收政府信息公开申请数量", "自然人"],
                "applications.received.natural_person",
                "78",
            ),
            Citable::new(
                &["表3", "不予公开", "其他法律行政法规禁止公开", "总计"],
                "applications.withheld.prohibited_by_law.total",
                "1",
            )
            .or(&["表3", "其他法律行政法规禁止公开"]),
            Citable::new(
                &["表3", "其他处理", "其他", "总计"],
                "applications.other_handling.other.total",
                "2",
            )
            .or(&["表3", "其他"]),
        ]
    }

    #[test]
    fn each_printed_character_points_at_the_written_one_it_comes_from() {
        let v = values();
        let (printed, index) = substitute_mapped("收到{表3.本年新收}件{{x}}", &v);
        assert_eq!(printed, "收到86件{x}");
        // 收 到 8 6 件 { x } and the end; 86 comes from the `{` at 2.
        assert_eq!(index, [0, 1, 2, 2, 11, 12, 14, 15, 17]);
        let (printed, index) = substitute_mapped("a{b", &v);
        assert_eq!((printed.as_str(), index.as_slice()), ("a{b", &[0, 1, 2, 3][..]));
    }

    #[test]
    fn names_shortened_to_a_beginning_cite_their_value() {
        let v = values();
        assert_eq!(substitute("收到申请{表3.本年新收}件", &v), "收到申请86件");
        assert_eq!(substitute("{表3.本年新收.自然人}", &v), "78");
        assert_eq!(substitute("{applications.received.total}件", &v), "86件");
        // 「其他」 is whole in one name and the beginning of another: the whole one wins.
        assert_eq!(substitute("{表3.其他}", &v), "2");
        assert_eq!(substitute("{{表3}}与{表3.本年新收}", &v), "{表3}与86");
    }

    #[test]
    fn an_unknown_or_ambiguous_name_is_told_apart() {
        let v = values();
        assert!(
            matches!(resolve("表3.本年新增", &v), Err(Unresolved::Unknown { near }) if near.iter().any(|n| n.contains("本年新收")))
        );
        assert!(matches!(resolve("表3.本年新收.自", &v), Ok(c) if c.value == "78"));
        let both = [values(), vec![Citable::new(&["表3", "本年新收X"], "x", "1")]].concat();
        assert!(matches!(
            resolve("表3.本年新", &both),
            Err(Unresolved::Ambiguous { .. })
        ));
        assert_eq!(resolve("表3.本年新收", &[]).unwrap_err(), Unresolved::NoTables);
        // A name that cites nothing prints as written.
        assert_eq!(substitute("共{表9.无}件", &v), "共{表9.无}件");
    }

    #[test]
    fn braces_are_read_with_their_places() {
        assert_eq!(
            pieces("甲{表3.本年新收}乙{"),
            [
                Piece::Text("甲".into()),
                Piece::Cite {
                    name: "表3.本年新收".into(),
                    at: 1
                },
                Piece::Text("乙".into()),
                Piece::Unclosed { at: 11 },
                Piece::Text("{".into()),
            ]
        );
        let broken = format!("{{applications{BREAK}.received{BREAK}.total}}");
        assert_eq!(
            pieces(&broken),
            [Piece::Cite {
                name: "applications.received.total".into(),
                at: 0
            }]
        );
    }
}
