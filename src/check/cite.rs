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
                    crate::tr!("check-s-cite-unclosed"),
                    crate::tr!("check-s-cite-unclosed-help"),
                ),
                Piece::Cite { name, at } => match resolve(&name, values) {
                    Ok(_) => continue,
                    Err(Unresolved::NoTables) => (
                        at,
                        crate::tr!("check-s-cite-no-tables", name = &name),
                        crate::tr!("check-s-cite-no-tables-help"),
                    ),
                    Err(Unresolved::Ambiguous { candidates }) => (
                        at,
                        crate::tr!(
                            "check-s-cite-ambiguous",
                            name = &name,
                            candidates = candidates.join(&crate::tr!("check-s-cite-candidates-separator"))
                        ),
                        crate::tr!("check-s-cite-ambiguous-help"),
                    ),
                    Err(Unresolved::Unknown { near }) => (
                        at,
                        crate::tr!("check-s-cite-unknown", name = &name),
                        if near.is_empty() {
                            crate::tr!("check-s-cite-unknown-help")
                        } else {
                            // Each name suggested as it would be written, in braces.
                            let names: Vec<String> = near.iter().map(|n| format!("{{{n}}}")).collect();
                            crate::tr!(
                                "check-s-cite-unknown-near-help",
                                names = names.join(&crate::tr!("check-s-cite-near-separator"))
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
