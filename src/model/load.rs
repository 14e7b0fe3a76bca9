//! YAML → [`Report`]: reads a report file and parses it, with every error placed at its
//! file, line and column.

use super::Report;
use crate::error::{Error, SourcePos};
use std::path::Path;

/// A report and the text it was read from (kept for messages that quote the source).
#[derive(Debug)]
pub struct Loaded {
    pub report: Report,
    pub source: String,
}

/// Reads and parses one report file.
pub fn load_file(path: &Path) -> Result<Loaded, Error> {
    let bytes = std::fs::read(path).map_err(|source| Error::Read {
        path: path.to_owned(),
        source,
    })?;
    let source = decode(path, bytes)?;
    let report = parse(path, &source)?;
    Ok(Loaded { report, source })
}

/// Parses report YAML; `path` only names the file in messages.
pub fn parse(path: &Path, source: &str) -> Result<Report, Error> {
    // serde-saphyr's default budget already stops alias bombs and absurd nesting.
    serde_saphyr::from_str(source).map_err(|err| {
        let name = path.display().to_string();
        let options = serde_saphyr::render_options! { source_name: Some(name.as_str()) };
        Error::Yaml {
            path: path.to_owned(),
            pos: err.location().map(|l| SourcePos {
                line: l.line(),
                column: l.column(),
            }),
            message: err.render_with_options(options),
        }
    })
}

/// The file as UTF-8 text without a byte-order mark, or an error at the first bad byte.
fn decode(path: &Path, mut bytes: Vec<u8>) -> Result<String, Error> {
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        bytes.drain(..3);
    }
    String::from_utf8(bytes).map_err(|err| {
        let good = &err.as_bytes()[..err.utf8_error().valid_up_to()];
        let line = good.iter().filter(|&&b| b == b'\n').count() as u64 + 1;
        let line_start = good.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
        let column = String::from_utf8_lossy(&good[line_start..]).chars().count() as u64 + 1;
        Error::NotUtf8 {
            path: path.to_owned(),
            pos: SourcePos { line, column },
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Block;

    const MINIMAL: &str = "issuer: 某区人民政府\nyear: 2023\nparts:\n  - heading: 总体情况\n    sections:\n      - heading: 主动公开。\n        text: 正文。\n        body:\n          - 第二段。\n          - items:\n              - 甲\n              - heading: 乙。\n                text: 丙\n";

    #[test]
    fn parses_the_free_form_shape() {
        let r = parse(Path::new("t.yaml"), MINIMAL).unwrap();
        assert_eq!(r.issuer.value, "某区人民政府");
        assert_eq!(r.year.value, 2023);
        let s = &r.parts[0].sections[0];
        assert_eq!(s.text.as_ref().unwrap().value, "正文。");
        assert!(matches!(&s.body[0].value, Block::Paragraph(p) if p == "第二段。"));
        let Block::Items(items) = &s.body[1].value else {
            panic!("expected items")
        };
        assert_eq!(items[0].value.0.text.as_deref(), Some("甲"));
        assert_eq!(items[1].value.0.heading.as_deref(), Some("乙。"));
    }

    #[test]
    fn keeps_source_positions() {
        let r = parse(Path::new("t.yaml"), MINIMAL).unwrap();
        assert_eq!(r.parts[0].heading.referenced.line(), 4);
        assert_eq!(r.parts[0].sections[0].body[0].referenced.line(), 9);
    }

    #[test]
    fn unknown_key_is_an_error_with_its_line() {
        let bad = MINIMAL.replace("    sections:", "    sectoins:");
        let Err(Error::Yaml { pos, message, .. }) = parse(Path::new("t.yaml"), &bad) else {
            panic!("expected a YAML error")
        };
        assert_eq!(pos.map(|p| p.line), Some(5), "{message}");
        assert!(message.contains("sectoins"), "{message}");
    }

    #[test]
    fn invalid_utf8_is_located() {
        let err = decode(Path::new("t.yaml"), b"a: 1\nb: \xff\n".to_vec()).unwrap_err();
        let Error::NotUtf8 { pos, .. } = err else { panic!() };
        assert_eq!((pos.line, pos.column), (2, 4));
    }
}
