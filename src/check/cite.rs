//! S-CITE: every citation of a table value in the text (`{表3.本年新收.总计}`, see
//! `model::cite`) names one value the report's tables hold, and every `{` is closed; a
//! brace meant as itself is written twice (`{{`).

use super::Input;
use crate::diag::{Findings, Severity};
use crate::layout::Role;
use crate::model::cite::{self, Piece, Unresolved, has_braces, resolve};

pub fn s_cite(input: &Input, f: &mut Findings) {
    let values = input.citable;
    // The title prints as written (see `compose`); everything else is read for citations.
    for text in input
        .texts
        .iter()
        .filter(|t| t.role != Role::Title && has_braces(&t.text))
    {
        for piece in cite::pieces(&text.text) {
            let (at, message, help) = match piece {
                Piece::Text(_) => continue,
                Piece::Unclosed { at } => (
                    at,
                    "a `{` that no `}` closes".to_owned(),
                    "close the citation with `}`, or write `{{` for a brace in the text".to_owned(),
                ),
                Piece::Cite { name, at } => match resolve(&name, values) {
                    Ok(_) => continue,
                    Err(Unresolved::NoTables) => (
                        at,
                        format!("`{{{name}}}` cites a table value, and this report has no tables"),
                        "write the number itself, or `{{` for a brace in the text".to_owned(),
                    ),
                    Err(Unresolved::Ambiguous { candidates }) => (
                        at,
                        format!("`{{{name}}}` could be any of {}", candidates.join(", ")),
                        "write more of the row or column name".to_owned(),
                    ),
                    Err(Unresolved::Unknown { near }) => (
                        at,
                        format!("`{{{name}}}` names no value of the tables"),
                        if near.is_empty() {
                            "name the table, row and column as printed, e.g. {表3.本年新收.总计}, or write `{{` for a brace".to_owned()
                        } else {
                            format!(
                                "did you mean {}?",
                                near.iter()
                                    .map(|n| format!("{{{n}}}"))
                                    .collect::<Vec<_>>()
                                    .join(" or ")
                            )
                        },
                    ),
                },
            };
            f.at_char(Severity::Error, "S-CITE", text, at, message).help = Some(help);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;

    fn cites(yaml: &str) -> Vec<(Option<u64>, Option<u64>, String)> {
        findings(yaml)
            .into_iter()
            .filter(|x| x.0 == "S-CITE")
            .map(|x| (x.1, x.2, x.3))
            .collect()
    }

    fn yunxi(paragraph: &str) -> String {
        let text =
            std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/reports/yunxi-2024.yaml")).unwrap();
        text.replacen("preamble:\n", &format!("preamble:\n  - \"{paragraph}\"\n"), 1)
    }

    #[test]
    fn a_name_that_cites_nothing_is_an_error_at_its_brace() {
        let yaml = yunxi("收到申请{表3.本年新增}件，上年结转{表3.上年结转}件。");
        let line = yaml.lines().position(|l| l.contains("本年新增")).unwrap() as u64 + 1;
        let found = cites(&yaml);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!((found[0].0, found[0].1), (Some(line), Some(10)));
        assert!(found[0].2.contains("表3.本年新增"), "{}", found[0].2);
    }

    #[test]
    fn braces_in_a_report_without_tables_and_unclosed_ones_are_errors() {
        let found = cites(&with_paragraph("共{表3.本年新收}件。"));
        assert_eq!(found.len(), 1);
        assert!(found[0].2.contains("no tables"), "{}", found[0].2);
        assert_eq!(
            cites(&with_paragraph("甲{乙"))
                .iter()
                .map(|x| x.1)
                .collect::<Vec<_>>(),
            [Some(10)]
        );
        assert!(cites(&with_paragraph("甲{{乙}}")).is_empty());
    }
}
