//! The statistics tables of the 2021 format, read cell by cell into their typed form by
//! their official labels (`formats::standard2021::labels`): each row is found by its label,
//! whichever cells of the grid hold it (merged cells, labels wrapped or spaced differently),
//! and its numbers are the cells after it.

use super::blocks::Table;
use super::recognise::ascii_digits;
use crate::formats::standard2021::labels::{
    self, T2_ENFORCEMENT, T2_FEES, T2_LICENSING, T2_NORMATIVE, T2_PENALTIES, T2_RULES, T3_GROUPS,
};
use serde::ser::{Serialize, SerializeMap, Serializer};

/// A value of the typed tables, in the YAML's shape.
#[derive(Debug, Clone)]
pub enum Value {
    Count(u64),
    Amount(String),
    Row(Vec<u64>),
    /// A signed change (`+3`) or an amount with its unit, as printed.
    Text(String),
    Map(Vec<(&'static str, Value)>),
}

impl Serialize for Value {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Value::Count(n) => s.serialize_u64(*n),
            Value::Amount(a) | Value::Text(a) => s.serialize_str(a),
            Value::Row(r) => serde_saphyr::FlowSeq(r).serialize(s),
            // A map of numbers on one line, as the examples write them:
            // `rules: {issued: 0, repealed: 0, in_force: 0}`.
            Value::Map(entries)
                if entries
                    .iter()
                    .all(|(_, v)| !matches!(v, Value::Map(_) | Value::Row(_))) =>
            {
                serde_saphyr::FlowMap(Entries(entries)).serialize(s)
            }
            Value::Map(entries) => Entries(entries).serialize(s),
        }
    }
}

/// Keys and values in their order, as a YAML mapping.
struct Entries<'a>(&'a [(&'static str, Value)]);

impl Serialize for Entries<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(self.0.len()))?;
        for (k, v) in self.0 {
            m.serialize_entry(k, v)?;
        }
        m.end()
    }
}

/// `tables:` of a `standard_2021` report.
pub type Tables2021Draft = Value;

/// A label as compared: without white space, with ASCII digits and one kind of brackets
/// and full stop.
fn norm(s: &str) -> String {
    ascii_digits(s)
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '(' => '（',
            ')' => '）',
            '．' => '.',
            '"' | '\u{201c}' | '\u{201d}' => '"',
            _ => c,
        })
        .collect()
}

/// A label without its leading item number (「1.」「1、」), which printed forms write, drop
/// or type differently.
fn core(s: &str) -> String {
    let n = norm(s);
    let digits = n.bytes().take_while(u8::is_ascii_digit).count();
    match n[digits..].chars().next() {
        Some(c @ ('.' | '、')) if (1..=2).contains(&digits) => n[digits + c.len_utf8()..].to_owned(),
        _ => n,
    }
}

fn same(cell: &str, label: &str) -> bool {
    let (c, l) = (core(cell), core(label));
    !c.is_empty() && (c == l || (c.chars().count() >= 6 && l.starts_with(&c)))
}

/// A count, as typed: ASCII or full-width digits, white space or a stray replacement mark
/// (a no-break space a CMS turned into 「?」) around it.
fn count(cell: &str) -> Option<u64> {
    let n = norm(cell);
    n.trim_matches(['?', '？', '\u{fffd}']).parse().ok()
}

fn amount(cell: &str) -> Option<String> {
    let n = norm(cell);
    (!n.is_empty() && n.parse::<f64>().is_ok()).then_some(n)
}

/// Each grid row as the texts of the cells covering it, left to right, each cell once.
fn grid_rows(t: &Table) -> Vec<Vec<String>> {
    let grid = t.grid();
    grid.iter()
        .map(|row| {
            let mut out: Vec<String> = Vec::new();
            let mut last = None;
            for slot in row {
                if *slot != last {
                    if let Some((r, k)) = slot {
                        out.push(t.rows[*r][*k].text.clone());
                    }
                    last = *slot;
                }
            }
            out
        })
        .collect()
}

/// The tables read so far.
#[derive(Debug, Default)]
pub struct Typed {
    active: Option<Vec<(&'static str, Value)>>,
    applications: Option<Vec<(&'static str, Value)>>,
    reviews: Option<Vec<(&'static str, Value)>>,
    /// Table 2 is the trial format's of 2019.
    trial: bool,
}

impl Typed {
    /// Reads `t` as table 2, 3 or 4 if it is one, whole; whether it was.
    pub fn take(&mut self, t: &Table) -> bool {
        let rows = grid_rows(t);
        if self.applications.is_none()
            && let Some(a) = table3(&rows)
        {
            self.applications = Some(a);
            return true;
        }
        if self.reviews.is_none()
            && let Some(r) = table4(&rows)
        {
            self.reviews = Some(r);
            return true;
        }
        if self.active.is_none()
            && let Some((a, trial)) = table2(&rows)
                .map(|a| (a, false))
                .or_else(|| table2_2019(&rows).map(|a| (a, true)))
        {
            self.active = Some(a);
            self.trial = trial;
            return true;
        }
        false
    }

    /// Whether table 2 is the trial format's (国办公开办函〔2019〕60号).
    pub fn trial(&self) -> bool {
        self.trial
    }

    /// The three tables, when all were read; the numbers of those read go to `read`.
    pub fn finish(&self, read: &mut Vec<u8>) -> Option<Tables2021Draft> {
        for (n, t) in [(2, &self.active), (3, &self.applications), (4, &self.reviews)] {
            if t.is_some() {
                read.push(n);
            }
        }
        Some(Value::Map(vec![
            ("active", Value::Map(self.active.clone()?)),
            ("applications", Value::Map(self.applications.clone()?)),
            ("reviews", Value::Map(self.reviews.clone()?)),
        ]))
    }
}

/// The numbers at the end of a row: the trailing cells that are counts.
fn trailing_counts(row: &[String]) -> (Vec<u64>, &[String]) {
    let mut numbers = Vec::new();
    let mut end = row.len();
    while end > 0 {
        match count(&row[end - 1]) {
            Some(n) => {
                numbers.push(n);
                end -= 1;
            }
            None => break,
        }
    }
    numbers.reverse();
    (numbers, &row[..end])
}

fn table3(rows: &[Vec<String>]) -> Option<Vec<(&'static str, Value)>> {
    use labels::{T3_CARRIED_FORWARD, T3_CARRIED_OVER, T3_DISCLOSED, T3_PARTLY, T3_RECEIVED, T3_TOTAL};
    let singles = [
        T3_RECEIVED,
        T3_CARRIED_OVER,
        T3_DISCLOSED,
        T3_PARTLY,
        T3_TOTAL,
        T3_CARRIED_FORWARD,
    ];
    // (group, key, numbers): a leaf's key is unique only within its group.
    let mut found: Vec<(Option<&'static str>, &'static str, Vec<u64>)> = Vec::new();
    // The group of the rows above: a row whose group cell is not beside it (a table split
    // where a page ended, the merged group cell left on the page before) is in it.
    let mut current = None;
    for row in rows {
        let (numbers, label_cells) = trailing_counts(row);
        if numbers.len() != 7 {
            continue;
        }
        let group = label_cells
            .iter()
            .find_map(|cell| T3_GROUPS.iter().find(|g| same(cell, g.label)))
            .or(current);
        current = group;
        // A group's own row (the trial format's （六）其他处理, counted as one).
        if let Some(g) = group
            && label_cells.last().is_some_and(|c| same(c, g.label))
        {
            found.push((None, g.key, numbers));
            continue;
        }
        let leaf = group.and_then(|g| {
            label_cells
                .iter()
                .rev()
                .find_map(|cell| g.leaves.iter().find(|l| same(cell, l.label)))
                .map(|l| (Some(g.key), l.key))
        });
        let single = || {
            label_cells
                .iter()
                .rev()
                .find_map(|cell| singles.iter().find(|l| same(cell, l.label)))
                .map(|l| (None, l.key))
        };
        if let Some((g, key)) = leaf.or_else(single) {
            found.push((g, key, numbers));
        }
    }
    let take = |group: Option<&str>, key: &str| {
        found
            .iter()
            .find(|(g, k, _)| *g == group && *k == key)
            .map(|(_, _, v)| Value::Row(v.clone()))
    };
    let mut out = Vec::new();
    for l in [T3_RECEIVED, T3_CARRIED_OVER, T3_DISCLOSED, T3_PARTLY] {
        out.push((l.key, take(None, l.key)?));
    }
    for g in &T3_GROUPS {
        // The trial format of 2019 gives （六）其他处理 as one row.
        if let Some(row) = take(None, g.key) {
            out.push((g.key, row));
            continue;
        }
        let mut leaves = Vec::new();
        for leaf in g.leaves {
            leaves.push((leaf.key, take(Some(g.key), leaf.key)?));
        }
        out.push((g.key, Value::Map(leaves)));
    }
    if let Some(total) = take(None, T3_TOTAL.key) {
        out.push((T3_TOTAL.key, total));
    }
    out.push((T3_CARRIED_FORWARD.key, take(None, T3_CARRIED_FORWARD.key)?));
    Some(out)
}

fn table4(rows: &[Vec<String>]) -> Option<Vec<(&'static str, Value)>> {
    let text: String = rows.iter().flatten().cloned().collect();
    if !(text.contains(labels::T4_RECONSIDERATION.label) && text.contains(labels::T4_LITIGATION)) {
        return None;
    }
    let numbers = rows
        .iter()
        .map(|r| trailing_counts(r).0)
        .find(|n| n.len() == 15)?;
    let mut out = Vec::new();
    for (k, group) in [labels::T4_RECONSIDERATION, labels::T4_DIRECT, labels::T4_AFTER]
        .iter()
        .enumerate()
    {
        let outcomes = labels::T4_OUTCOMES
            .iter()
            .enumerate()
            .map(|(j, o)| (o.key, Value::Count(numbers[k * 5 + j])))
            .collect();
        out.push((group.key, Value::Map(outcomes)));
    }
    Some(out)
}

fn table2(rows: &[Vec<String>]) -> Option<Vec<(&'static str, Value)>> {
    let find = |label: &str| rows.iter().find(|r| r.first().is_some_and(|c| same(c, label)));
    let documents = |label: &str| {
        let row = find(label)?;
        let (numbers, _) = trailing_counts(row);
        (numbers.len() == 3).then(|| {
            Value::Map(
                labels::T2_DOCUMENT_COLUMNS
                    .iter()
                    .zip(numbers)
                    .map(|(c, n)| (c.key, Value::Count(n)))
                    .collect(),
            )
        })
    };
    let single = |label: &str| {
        let row = find(label)?;
        let (numbers, _) = trailing_counts(row);
        (numbers.len() == 1).then(|| Value::Count(numbers[0]))
    };
    let fees = find(T2_FEES.label)
        .and_then(|r| r.last())
        .and_then(|c| amount(c))
        .map(Value::Amount)?;
    Some(vec![
        (T2_RULES.key, documents(T2_RULES.label)?),
        (T2_NORMATIVE.key, documents(T2_NORMATIVE.label)?),
        (T2_LICENSING.key, single(T2_LICENSING.label)?),
        (T2_PENALTIES.key, single(T2_PENALTIES.label)?),
        (T2_ENFORCEMENT.key, single(T2_ENFORCEMENT.label)?),
        (T2_FEES.key, fees),
    ])
}

/// A cell's text without white space, full-width digits as ASCII.
fn compact(cell: &str) -> String {
    norm(cell)
}

/// Table 2 of the trial format of 2019 (国办公开办函〔2019〕60号).
fn table2_2019(rows: &[Vec<String>]) -> Option<Vec<(&'static str, Value)>> {
    use crate::formats::trial2019::labels as t;
    let find = |label: &str| {
        rows.iter()
            .find(|r| r.first().is_some_and(|c| same(c, label)))
            .map(|r| r[1..].iter().map(|c| compact(c)).collect::<Vec<String>>())
    };
    let change = |c: &str| {
        crate::formats::trial2019::Change::parse(c)
            .ok()
            .map(|_| Value::Text(c.to_owned()))
    };
    let documents = |label: &str| {
        let cells = find(label)?;
        let numbers: Option<Vec<u64>> = cells.iter().map(|c| c.parse().ok()).collect();
        let numbers = numbers.filter(|n| n.len() == 3)?;
        Some(Value::Map(
            t::T2_DOCUMENT_COLUMNS
                .iter()
                .zip(numbers)
                .map(|(c, n)| (c.key, Value::Count(n)))
                .collect(),
        ))
    };
    let items = |label: &str| {
        let cells = find(label)?;
        if cells.len() != 3 {
            return None;
        }
        Some(Value::Map(vec![
            (t::T2_ITEM_COLUMNS[0].key, Value::Count(cells[0].parse().ok()?)),
            (t::T2_ITEM_COLUMNS[1].key, change(&cells[1])?),
            (t::T2_ITEM_COLUMNS[2].key, Value::Count(cells[2].parse().ok()?)),
        ]))
    };
    let fees = {
        let cells = find(t::T2_FEES.label)?;
        if cells.len() != 2 {
            return None;
        }
        Value::Map(vec![
            (t::T2_ITEM_COLUMNS[0].key, Value::Count(cells[0].parse().ok()?)),
            (t::T2_ITEM_COLUMNS[1].key, change(&cells[1])?),
        ])
    };
    let procurement = {
        let cells = find(t::T2_PROCUREMENT.label)?;
        if cells.len() != 2 || !cells[1].ends_with('元') {
            return None;
        }
        Value::Map(vec![
            (
                t::T2_PROCUREMENT_COLUMNS[0].key,
                Value::Count(cells[0].parse().ok()?),
            ),
            (t::T2_PROCUREMENT_COLUMNS[1].key, Value::Text(cells[1].clone())),
        ])
    };
    Some(vec![
        (t::T2_RULES.key, documents(t::T2_RULES.label)?),
        (t::T2_NORMATIVE.key, documents(t::T2_NORMATIVE.label)?),
        (t::T2_LICENSING.key, items(t::T2_LICENSING.label)?),
        (t::T2_OTHER_SERVICES.key, items(t::T2_OTHER_SERVICES.label)?),
        (t::T2_PENALTIES.key, items(t::T2_PENALTIES.label)?),
        (t::T2_ENFORCEMENT.key, items(t::T2_ENFORCEMENT.label)?),
        (t::T2_FEES.key, fees),
        (t::T2_PROCUREMENT.key, procurement),
    ])
}
