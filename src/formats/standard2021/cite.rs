//! The values of tables 2, 3 and 4 that prose may cite (`model::cite`), each named as the
//! table prints it (表3, its row, its column) and by its YAML keys. Totals are those the
//! table prints: computed where the report leaves them out.

use super::labels::*;
use super::{ActiveDisclosure, Outcomes, ResultRows, Reviews, Row, Table3, Tables2021};
use crate::model::cite::{Citable, bare};

/// The YAML keys of table 3's columns, in printed order, and of its 总计.
const APPLICANT_KEYS: [&str; 6] = [
    "natural_person",
    "commercial",
    "research",
    "public_interest",
    "legal_services",
    "other",
];

/// Every value of the three tables.
pub fn citable(t: &Tables2021) -> Vec<Citable> {
    let mut out = Vec::new();
    table2(&t.active, &mut out);
    tables_3_and_4(&t.applications.view(), &t.reviews, &mut out);
    out
}

/// The values of tables 3 and 4, which the 2019 trial format shares.
pub(crate) fn tables_3_and_4(a: &Table3, r: &Reviews, out: &mut Vec<Citable>) {
    table3(a, out);
    table4(r, out);
}

fn table2(a: &ActiveDisclosure, out: &mut Vec<Citable>) {
    for (row, counts) in [(T2_RULES, &a.rules), (T2_NORMATIVE, &a.normative_documents)] {
        let values = [&counts.issued, &counts.repealed, &counts.in_force];
        for (column, value) in T2_DOCUMENT_COLUMNS.iter().zip(values) {
            out.push(Citable::new(
                &["表2", row.label, column.label],
                &format!("active.{}.{}", row.key, column.key),
                value.value.to_string(),
            ));
        }
    }
    for (row, value) in [
        (T2_LICENSING, &a.licensing),
        (T2_PENALTIES, &a.penalties),
        (T2_ENFORCEMENT, &a.enforcement),
    ] {
        out.push(
            Citable::new(
                &["表2", row.label],
                &format!("active.{}", row.key),
                value.value.to_string(),
            )
            .or(&["表2", row.label, T2_DECISIONS]),
        );
    }
    out.push(
        Citable::new(
            &["表2", T2_FEES.label],
            &format!("active.{}", T2_FEES.key),
            a.fees.value.0.clone(),
        )
        .or(&["表2", T2_FEES.label, "本年收费金额"]),
    );
}

/// One row of table 3: a value per column and its 总计; `names` the row's name paths;
/// columns named in `taken` are left without a Chinese name (they would name a row too).
fn row3(names: &[Vec<&str>], key: &str, columns: [u64; 6], taken: &[&str], out: &mut Vec<Citable>) {
    let total: u64 = columns.iter().sum();
    let heads = APPLICANTS.iter().zip(APPLICANT_KEYS).zip(columns);
    for ((head, column), value) in heads.chain([((&TOTAL, "total"), total)]) {
        let mut value = Citable {
            names: Vec::new(),
            key: format!("applications.{key}.{column}"),
            value: value.to_string(),
        };
        for name in names {
            let mut path = vec!["表3"];
            path.extend(name);
            if *head == TOTAL {
                value = value.or(&path);
            }
            if !taken.contains(head) {
                path.push(head);
                value = value.or(&path);
            }
        }
        out.push(value);
    }
}

fn table3(a: &Table3, out: &mut Vec<Citable>) {
    let whole = |label: &Label, row: &Row, out: &mut Vec<Citable>| {
        row3(&[vec![bare(label.label)]], label.key, row.columns(), &[], out);
    };
    whole(&T3_RECEIVED, a.received, out);
    whole(&T3_CARRIED_OVER, a.carried_over, out);
    for entry in &a.results {
        let (group, leaves) = match entry {
            ResultRows::Single(label, row) => {
                whole(label, row, out);
                continue;
            }
            ResultRows::Group(group, leaves) => (group, leaves),
        };
        let group_name = bare(group.label);
        // The group as a whole (「不予公开7件」), which the table does not print as a row.
        let mut sums = [0; 6];
        for row in leaves.iter() {
            for (s, v) in sums.iter_mut().zip(row.columns()) {
                *s += v;
            }
        }
        let leaf_names: Vec<&str> = group.leaves.iter().map(|l| bare(l.label)).collect();
        row3(&[vec![group_name]], group.key, sums, &leaf_names, out);
        for (leaf, row) in group.leaves.iter().zip(leaves.iter()) {
            let names = [vec![group_name, bare(leaf.label)], vec![bare(leaf.label)]];
            row3(
                &names,
                &format!("{}.{}", group.key, leaf.key),
                row.columns(),
                &[],
                out,
            );
        }
    }
    row3(
        &[vec![bare(T3_TOTAL.label)]],
        T3_TOTAL.key,
        a.computed_results_total(),
        &[],
        out,
    );
    whole(&T3_CARRIED_FORWARD, a.carried_forward, out);
}

fn table4(r: &Reviews, out: &mut Vec<Citable>) {
    let groups: [(&Label, &[&str], &Outcomes); 3] = [
        (
            &T4_RECONSIDERATION,
            &[T4_RECONSIDERATION.label],
            &r.reconsideration,
        ),
        (
            &T4_DIRECT,
            &[T4_LITIGATION, T4_DIRECT.label],
            &r.litigation_direct,
        ),
        (
            &T4_AFTER,
            &[T4_LITIGATION, T4_AFTER.label],
            &r.litigation_after_reconsideration,
        ),
    ];
    for (group, path, o) in groups {
        let values = [
            o.upheld.value,
            o.corrected.value,
            o.other.value,
            o.pending.value,
            o.sum(),
        ];
        for (outcome, value) in T4_OUTCOMES.iter().zip(values) {
            // 「结果维持」 is also cited as 「维持」.
            let short = outcome.label.strip_prefix("结果").unwrap_or(outcome.label);
            let mut names: Vec<Vec<&str>> = Vec::new();
            for group_path in [path.to_vec(), vec![group.label]] {
                for column in [outcome.label, short] {
                    let mut p = vec!["表4"];
                    p.extend(&group_path);
                    p.push(column);
                    if !names.contains(&p) {
                        names.push(p);
                    }
                }
                if outcome.key == "total" {
                    let mut p = vec!["表4"];
                    p.extend(&group_path);
                    if !names.contains(&p) {
                        names.push(p);
                    }
                }
            }
            let mut value = Citable {
                names: Vec::new(),
                key: format!("reviews.{}.{}", group.key, outcome.key),
                value: value.to_string(),
            };
            for n in &names {
                value = value.or(n);
            }
            out.push(value);
        }
    }
    // 行政诉讼 as a whole: both groups together.
    let both = [&r.litigation_direct, &r.litigation_after_reconsideration];
    let sums = [
        both.iter().map(|o| o.upheld.value).sum::<u64>(),
        both.iter().map(|o| o.corrected.value).sum(),
        both.iter().map(|o| o.other.value).sum(),
        both.iter().map(|o| o.pending.value).sum(),
        both.iter().map(|o| o.sum()).sum(),
    ];
    for (outcome, value) in T4_OUTCOMES.iter().zip(sums) {
        let short = outcome.label.strip_prefix("结果").unwrap_or(outcome.label);
        let mut value = Citable::new(
            &["表4", T4_LITIGATION, outcome.label],
            &format!("reviews.litigation.{}", outcome.key),
            value.to_string(),
        )
        .or(&["表4", T4_LITIGATION, short]);
        if outcome.key == "total" {
            value = value.or(&["表4", T4_LITIGATION]);
        }
        out.push(value);
    }
}

#[cfg(test)]
mod tests {
    use crate::model::cite::substitute;
    use crate::model::cite::testing::{assert_each_resolves_to_itself, example_values};

    #[test]
    fn every_cell_of_the_tables_is_named_once_and_resolves() {
        let v = example_values("yunxi-2024");
        // Table 2: 2×3 + 3 + 1; table 3: 25 rows and 4 groups × 7; table 4: 3×5 + 5.
        assert_eq!(v.len(), 10 + 29 * 7 + 20);
        assert_each_resolves_to_itself(&v, true);
    }

    #[test]
    fn the_examples_numbers_are_cited_by_short_names() {
        let v = example_values("yunxi-2024");
        assert_eq!(substitute("{表3.本年新收}", &v), "86");
        assert_eq!(substitute("{表3.上年结转}", &v), "4");
        assert_eq!(substitute("{表3.结转下年度}", &v), "3");
        assert_eq!(substitute("{表2.行政规范性文件.现行有效}", &v), "38");
        assert_eq!(substitute("{表2.行政事业性收费}", &v), "9116.36");
        assert_eq!(substitute("{表4.行政复议}", &v), "2");
        assert_eq!(substitute("{表4.行政复议.维持}", &v), "1");
        assert_eq!(substitute("{表4.行政诉讼}", &v), "1");
        assert_eq!(substitute("{表3.不予公开.属于国家秘密.自然人}", &v), "0");
        // Groups are cited as a whole too: （三） adds its eight leaves.
        assert_eq!(substitute("{表3.不予公开}", &v), "10");
        assert_eq!(substitute("{表3.其他处理}", &v), "2");
        assert_eq!(substitute("{表3.其他处理.其他}", &v), "1");
        assert_eq!(substitute("{applications.other_handling.other.total}", &v), "1");
        assert_eq!(substitute("{applications.other_handling.other}", &v), "0");
    }
}
