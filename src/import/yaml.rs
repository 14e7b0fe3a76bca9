//! The imported report as YAML: the draft below has the shape the loader reads
//! (`formats::Report`, `model::Part` …), serialised by serde-saphyr, with a header comment
//! naming the source and, at the end, a commented `# 未能识别` block listing every piece of
//! text that was not placed, with where it came from.

use serde::Serialize;

/// A report as imported, in the loader's shape.
#[derive(Debug, Clone, Serialize, Default)]
pub struct Draft {
    pub format: &'static str,
    pub issuer: String,
    pub year: u16,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub title: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub addressee: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub preamble: Vec<DraftBlock>,
    pub parts: Vec<DraftPart>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tables: Option<super::tables::Tables2021Draft>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub signature: Option<DraftSignature>,
}

#[derive(Debug, Clone, Serialize, Default)]
pub struct DraftPart {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub heading: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub body: Vec<DraftBlock>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub sections: Vec<DraftSection>,
}

#[derive(Debug, Clone, Serialize, Default)]
pub struct DraftSection {
    pub heading: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub body: Vec<DraftBlock>,
}

#[derive(Debug, Clone, Serialize)]
#[serde(untagged)]
pub enum DraftBlock {
    Paragraph(String),
    Items {
        #[serde(skip_serializing_if = "Option::is_none")]
        numbering: Option<&'static str>,
        items: Vec<DraftItem>,
    },
    Table {
        table: DraftTable,
    },
    Statistics {
        statistics: DraftStatistics,
    },
}

/// A statistics table (指标名称 | 计量单位 | values), its rows nested by their 「其中」.
#[derive(Debug, Clone, Serialize)]
pub struct DraftStatistics {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub caption: Option<String>,
    pub columns: serde_saphyr::FlowSeq<Vec<String>>,
    pub rows: Vec<DraftStatRow>,
}

#[derive(Debug, Clone, Serialize, Default)]
pub struct DraftStatRow {
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub values: Option<serde_saphyr::FlowSeq<Vec<String>>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub of_which: Vec<DraftStatRow>,
}

#[derive(Debug, Clone, Serialize)]
#[serde(untagged)]
pub enum DraftItem {
    Plain(String),
    Full {
        #[serde(skip_serializing_if = "Option::is_none")]
        heading: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        text: Option<String>,
        #[serde(skip_serializing_if = "Vec::is_empty")]
        body: Vec<DraftBlock>,
    },
}

#[derive(Debug, Clone, Serialize, Default)]
pub struct DraftTable {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub caption: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub widths: Option<serde_saphyr::FlowSeq<Vec<f64>>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub header: Vec<Vec<DraftCell>>,
    pub rows: Vec<Vec<DraftCell>>,
}

#[derive(Debug, Clone, Serialize)]
#[serde(untagged)]
pub enum DraftCell {
    Plain(String),
    Full {
        text: String,
        #[serde(skip_serializing_if = "is_one")]
        colspan: usize,
        #[serde(skip_serializing_if = "is_one")]
        rowspan: usize,
        #[serde(skip_serializing_if = "Option::is_none")]
        align: Option<&'static str>,
    },
}

fn is_one(n: &usize) -> bool {
    *n == 1
}

#[derive(Debug, Clone, Serialize, Default)]
pub struct DraftSignature {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub issuer: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
}

/// `s` fit for one comment line.
fn comment(s: &str) -> String {
    s.chars().map(|c| if c.is_control() { ' ' } else { c }).collect()
}

/// The YAML of `draft`, headed by where it came from and ended by what was not placed.
pub fn write(draft: &Draft, source: &str, unplaced: &[(String, String)]) -> Result<String, String> {
    let body = serde_saphyr::to_string(draft).map_err(|e| e.to_string())?;
    let mut out = String::new();
    for line in crate::tr!("import-yaml-header", source = comment(source)).lines() {
        out.push_str("# ");
        out.push_str(&comment(line));
        out.push('\n');
    }
    out.push_str(&body);
    if !body.ends_with('\n') {
        out.push('\n');
    }
    if !unplaced.is_empty() {
        out.push_str("\n# 未能识别\n");
        for (origin, text) in unplaced {
            let mut lines = text.lines();
            let first = lines.next().unwrap_or("");
            out.push_str(&format!("# {}：{}\n", comment(origin), comment(first)));
            for line in lines {
                out.push_str(&format!("#   {}\n", comment(line)));
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    #[test]
    fn what_is_written_loads_back_whatever_the_text_holds() {
        let long = "很长的段落".repeat(80);
        let awkward = [
            "- 一条",
            "# 不是注释",
            "键: 值",
            "2014",
            "yes",
            "null",
            "“引号”'单'\"双\"",
            "{花括号}",
            "末尾空格 ",
            long.as_str(),
        ];
        let draft = Draft {
            format: "free_form",
            issuer: "某局: #1".into(),
            year: 2016,
            title: vec!["某局2016年政府信息公开工作年度报告".into()],
            preamble: awkward
                .iter()
                .map(|s| DraftBlock::Paragraph((*s).to_owned()))
                .collect(),
            parts: vec![DraftPart {
                heading: Some("概述".into()),
                body: vec![DraftBlock::Paragraph("正文。".into())],
                sections: Vec::new(),
            }],
            ..Draft::default()
        };
        let unplaced = [("第3行".to_owned(), "两行\n文字".to_owned())];
        let yaml = write(&draft, "a\nb.txt", &unplaced).unwrap();
        let report = crate::load::parse(Path::new("t.yaml"), &yaml).unwrap_or_else(|e| panic!("{e}\n{yaml}"));
        assert_eq!(report.issuer.value, "某局: #1");
        let back: Vec<String> = report
            .preamble
            .iter()
            .map(|b| match &b.value {
                crate::model::Block::Paragraph(p) => p.clone(),
                other => panic!("{other:?}"),
            })
            .collect();
        assert_eq!(back, awkward);
        assert!(yaml.ends_with("# 未能识别\n# 第3行：两行\n#   文字\n"), "{yaml}");
    }
}
