//! `report import --previous-year`: last year's report as this year's skeleton. The year
//! advances (in the title and the preamble's statistics period too); headings and the
//! structure stay; every paragraph and item keeps last year's words behind 「待填写：」, which
//! S-PLACEHOLDER refuses until it is rewritten; numbers in the body's tables become 「待填写」;
//! the statistics tables are zeroed as `report init` writes them, except 上年结转, which is
//! last year's 结转下年度继续办理. The date and the signature's date are dropped.

use super::tables::Value;
use super::yaml::{Draft, DraftBlock, DraftCell, DraftItem};
use crate::formats::standard2021::labels;

/// What advancing did, for the summary.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Advanced {
    pub year: u16,
    /// Paragraphs and items marked 「待填写：」.
    pub marked: usize,
    /// 上年结转 taken from last year's 结转下年度继续办理.
    pub carried: bool,
}

const MARK: &str = "待填写：";

fn mark(text: &mut String, marked: &mut usize) {
    if !text.starts_with(MARK) {
        text.insert_str(0, MARK);
        *marked += 1;
    }
}

fn body(blocks: &mut [DraftBlock], marked: &mut usize) {
    for b in blocks {
        match b {
            DraftBlock::Paragraph(t) => mark(t, marked),
            DraftBlock::Items { items, .. } => {
                for item in items {
                    match item {
                        DraftItem::Plain(t) => mark(t, marked),
                        DraftItem::Full {
                            heading,
                            text,
                            body: inner,
                        } => {
                            match (text.as_mut(), heading.is_some(), inner.is_empty()) {
                                (Some(t), _, _) => mark(t, marked),
                                (None, true, true) => *text = Some(MARK.trim_end_matches('：').to_owned()),
                                _ => {}
                            }
                            body(inner, marked);
                        }
                    }
                }
            }
            DraftBlock::Table { table } => {
                for row in &mut table.rows {
                    for cell in row {
                        let text = match cell {
                            DraftCell::Plain(t) | DraftCell::Full { text: t, .. } => t,
                        };
                        if text.chars().any(|c| c.is_ascii_digit())
                            && text.chars().all(|c| c.is_ascii_digit() || c == '.')
                        {
                            *text = "待填写".into();
                        }
                    }
                }
            }
            DraftBlock::Statistics { statistics } => {
                fn rows(list: &mut [super::yaml::DraftStatRow]) {
                    for r in list {
                        if let Some(v) = r.values.as_mut() {
                            for x in &mut v.0 {
                                *x = "待填写".into();
                            }
                        }
                        rows(&mut r.of_which);
                    }
                }
                rows(&mut statistics.rows);
            }
        }
    }
}

/// Every number of a typed table zeroed, in its shape.
fn zeroed(v: &Value) -> Value {
    match v {
        Value::Count(_) => Value::Count(0),
        Value::Amount(_) => Value::Amount("0".into()),
        Value::Text(t) if t.ends_with("万元") => Value::Text("0万元".into()),
        Value::Text(t) if t.ends_with('元') => Value::Text("0元".into()),
        Value::Text(_) => Value::Text("0".into()),
        Value::Row(r) => Value::Row(vec![0; r.len()]),
        Value::Map(m) => Value::Map(m.iter().map(|(k, v)| (*k, zeroed(v))).collect()),
    }
}

fn get<'a>(v: &'a Value, key: &str) -> Option<&'a Value> {
    match v {
        Value::Map(m) => m.iter().find(|(k, _)| *k == key).map(|(_, v)| v),
        _ => None,
    }
}

fn set(v: &mut Value, key: &str, value: Value) {
    if let Value::Map(m) = v
        && let Some(slot) = m.iter_mut().find(|(k, _)| *k == key)
    {
        slot.1 = value;
    }
}

/// Table 2 of the 2021 format and table 3's （六） with its leaves, zeroed: what a report of
/// 2021 has where the trial format's of 2020 had its own.
fn national(tables: &mut Value) {
    let documents = || {
        Value::Map(
            labels::T2_DOCUMENT_COLUMNS
                .iter()
                .map(|c| (c.key, Value::Count(0)))
                .collect(),
        )
    };
    set(
        tables,
        "active",
        Value::Map(vec![
            (labels::T2_RULES.key, documents()),
            (labels::T2_NORMATIVE.key, documents()),
            (labels::T2_LICENSING.key, Value::Count(0)),
            (labels::T2_PENALTIES.key, Value::Count(0)),
            (labels::T2_ENFORCEMENT.key, Value::Count(0)),
            (labels::T2_FEES.key, Value::Amount("0".into())),
        ]),
    );
    if let Value::Map(m) = tables
        && let Some((_, applications)) = m.iter_mut().find(|(k, _)| *k == "applications")
        && let Some(group) = labels::T3_GROUPS.iter().find(|g| g.key == "other_handling")
    {
        let leaves = group
            .leaves
            .iter()
            .map(|l| (l.key, Value::Row(vec![0; 7])))
            .collect();
        set(applications, group.key, Value::Map(leaves));
    }
}

/// Turns last year's report into this year's skeleton.
pub fn advance(draft: &mut Draft) -> Advanced {
    let last = draft.year;
    let year = last.saturating_add(1);
    let (from, to) = (format!("{last}年"), format!("{year}年"));
    draft.year = year;
    for t in &mut draft.title {
        *t = t.replace(&from, &to);
    }
    for b in &mut draft.preamble {
        if let DraftBlock::Paragraph(t) = b {
            *t = t.replace(&from, &to);
        }
    }
    draft.date = None;
    if let Some(s) = draft.signature.as_mut() {
        s.date = None;
    }
    let mut marked = 0;
    for part in &mut draft.parts {
        body(&mut part.body, &mut marked);
        for section in &mut part.sections {
            if let Some(t) = section.text.as_mut() {
                mark(t, &mut marked);
            }
            body(&mut section.body, &mut marked);
        }
    }
    let mut carried = false;
    if let Some(tables) = draft.tables.as_mut() {
        let forward = get(tables, "applications")
            .and_then(|a| get(a, labels::T3_CARRIED_FORWARD.key))
            .cloned();
        *tables = zeroed(tables);
        if draft.format == "trial_2019" && year >= 2021 {
            draft.format = "standard_2021";
            national(tables);
        }
        if let Some(forward) = forward
            && let Value::Map(m) = tables
            && let Some((_, applications)) = m.iter_mut().find(|(k, _)| *k == "applications")
        {
            set(applications, labels::T3_CARRIED_OVER.key, forward);
            carried = true;
        }
    }
    Advanced {
        year,
        marked,
        carried,
    }
}
