//! The trial format of 国办公开办函〔2019〕60号 (`format: trial_2019`), used for the 2019 and
//! 2020 reports: the six parts of the 2021 format, its own table 2 (counts of documents and
//! of items, with a signed 本年增/减 and the procurement amount with its unit), table 3 with
//! （六）其他处理 as one row, and the 2021 table 4. This folder holds what is the format's own:
//! its types (here), its words (`labels`), its table 2 (`tables`), its rules (`rules`) and
//! its `init` skeleton (`skeleton`). What it shares with the 2021 format — the rows of table
//! 3, table 4, their printer and rules, P-NUMBERS, X-CARRY and the roll-up — is the 2021
//! format's, used from `standard2021` rather than copied.

pub mod cite;
pub mod labels;
pub mod rules;
pub mod skeleton;
pub mod tables;

use crate::formats::standard2021::{
    self, Count, NotProcessed, ResultRows, Reviews, Row, Table3, Unavailable, Withheld,
};
use crate::model::number;
use crate::model::value_error::{self, CellKind};
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::Deserialize;
use serde::de::{self, Deserializer, Visitor};
use serde_saphyr::Spanned;
use std::borrow::Cow;
use std::fmt;

/// The three tables, in the order of parts 二, 三 and 四.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Tables2019 {
    /// Table 2, 主动公开政府信息情况 (part 二), in the 2019 form.
    pub active: ActiveDisclosure2019,
    /// Table 3, 收到和处理政府信息公开申请情况 (part 三): the 2021 rows, with （六）其他处理 one row.
    pub applications: Applications2019,
    /// Table 4, 政府信息公开行政复议、行政诉讼情况 (part 四): as in the 2021 format.
    pub reviews: Reviews,
}

/// Table 2 of the 2019 form: five groups, one per article of 条例 第二十条.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ActiveDisclosure2019 {
    /// 第二十条第（一）项, 规章: 本年新制作数量, 本年新公开数量, 对外公开总数量.
    pub rules: Documents,
    /// 第二十条第（一）项, 规范性文件.
    pub normative_documents: Documents,
    /// 第二十条第（五）项, 行政许可: 上一年项目数量, 本年增/减, 处理决定数量.
    pub licensing: Items,
    /// 第二十条第（五）项, 其他对外管理服务事项.
    pub other_services: Items,
    /// 第二十条第（六）项, 行政处罚.
    pub penalties: Items,
    /// 第二十条第（六）项, 行政强制.
    pub enforcement: Items,
    /// 第二十条第（八）项, 行政事业性收费: 上一年项目数量, 本年增/减.
    pub fees: Fees,
    /// 第二十条第（九）项, 政府集中采购: 采购项目数量, 采购总金额.
    pub procurement: Procurement,
}

/// A row of documents (第二十条第（一）项).
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Documents {
    /// 本年新制作数量
    #[schemars(with = "u64")]
    #[serde(deserialize_with = "number::count")]
    pub made: Count,
    /// 本年新公开数量
    #[schemars(with = "u64")]
    #[serde(deserialize_with = "number::count")]
    pub published: Count,
    /// 对外公开总数量
    #[schemars(with = "u64")]
    #[serde(deserialize_with = "number::count")]
    pub public_total: Count,
}

/// A row of items (第二十条第（五）项 and 第（六）项).
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Items {
    /// 上一年项目数量
    #[schemars(with = "u64")]
    #[serde(deserialize_with = "number::count")]
    pub last_year: Count,
    /// 本年增/减, signed: +3, -2 or 0.
    #[schemars(with = "Change")]
    pub change: Spanned<Change>,
    /// 处理决定数量
    #[schemars(with = "u64")]
    #[serde(deserialize_with = "number::count")]
    pub decisions: Count,
}

/// 行政事业性收费 (第二十条第（八）项): items, without decisions.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Fees {
    /// 上一年项目数量
    #[schemars(with = "u64")]
    #[serde(deserialize_with = "number::count")]
    pub last_year: Count,
    /// 本年增/减, signed: +3, -2 or 0.
    #[schemars(with = "Change")]
    pub change: Spanned<Change>,
}

/// 政府集中采购 (第二十条第（九）项).
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Procurement {
    /// 采购项目数量
    #[schemars(with = "u64")]
    #[serde(deserialize_with = "number::count")]
    pub projects: Count,
    /// 采购总金额 with its unit, printed exactly as written: "1296.5万元", "835000元".
    #[schemars(with = "Money")]
    pub amount: Spanned<Money>,
}

/// Table 3 of the 2019 form: the rows of 2021, except that （六）其他处理 is one row. Every row
/// lists the six applicant columns and may add the 总计 as a seventh number.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Applications2019 {
    /// 一、本年新收政府信息公开申请数量
    pub received: Row,
    /// 二、上年结转政府信息公开申请数量
    pub carried_over: Row,
    /// 三、（一）予以公开
    pub disclosed: Row,
    /// 三、（二）部分公开（区分处理的，只计这一情形，不计其他情形）
    pub partly_disclosed: Row,
    /// 三、（三）不予公开
    pub withheld: Withheld,
    /// 三、（四）无法提供
    pub unavailable: Unavailable,
    /// 三、（五）不予处理
    pub not_processed: NotProcessed,
    /// 三、（六）其他处理: one row in the 2019 form.
    pub other_handling: Row,
    /// 三、（七）总计: computed when omitted, checked when given.
    #[serde(default)]
    pub total: Option<Row>,
    /// 四、结转下年度继续办理
    pub carried_forward: Row,
}

impl Applications2019 {
    /// The table as both formats print it, for the printer and rules they share.
    pub fn view(&self) -> Table3<'_> {
        use standard2021::labels::{T3_DISCLOSED, T3_PARTLY};
        let mut results = vec![
            ResultRows::Single(&T3_DISCLOSED, &self.disclosed),
            ResultRows::Single(&T3_PARTLY, &self.partly_disclosed),
        ];
        let groups = standard2021::refusal_groups(&self.withheld, &self.unavailable, &self.not_processed);
        results.extend(groups.map(|(group, leaves)| ResultRows::Group(group, leaves)));
        results.push(ResultRows::Single(
            &labels::T3_OTHER_HANDLING,
            &self.other_handling,
        ));
        Table3 {
            received: &self.received,
            carried_over: &self.carried_over,
            results,
            total: self.total.as_ref(),
            carried_forward: &self.carried_forward,
        }
    }
}

/// 本年增/减 as written: `+3`, `-2` or `0`, printed exactly so.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// The signed number.
    pub value: i64,
    /// The text as written (trimmed).
    pub written: String,
}

impl Change {
    /// Reads `+3`, `-2` or `0`; a number without its sign is refused, since the form asks
    /// for an increase or a decrease and `3` does not say which.
    pub fn parse(written: &str) -> Result<Change, String> {
        let v = written.trim();
        let (sign, digits) = match v.split_at_checked(1) {
            Some(("+", rest)) => (1, rest),
            Some(("-", rest)) => (-1, rest),
            _ => (0, v),
        };
        if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(value_error::tagged(
                CellKind::Change,
                &crate::tr!("load-change-not-signed-number", value = v),
            ));
        }
        let n: u64 = match digits.parse() {
            Ok(n) if n <= number::MAX_COUNT => n,
            _ => {
                // Tagged as a count: the loader's help for it is a count's.
                return Err(value_error::tagged(
                    CellKind::Count,
                    &crate::tr!("load-change-too-large", value = v, max = number::MAX_COUNT),
                ));
            }
        };
        if sign == 0 && n != 0 {
            return Err(value_error::tagged(
                CellKind::Change,
                &crate::tr!("load-change-unsigned", value = n.to_string()),
            ));
        }
        let magnitude = i64::try_from(n).map_err(|_| crate::tr!("load-change-overflow", value = v))?;
        Ok(Change {
            value: if sign < 0 { -magnitude } else { magnitude },
            written: v.to_owned(),
        })
    }
}

impl<'de> Deserialize<'de> for Change {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ChangeVisitor;
        impl Visitor<'_> for ChangeVisitor {
            type Value = Change;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str(&crate::tr!("load-expect-change"))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Change, E> {
                Change::parse(v).map_err(E::custom)
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Change, E> {
                Change::parse(&v.to_string()).map_err(E::custom)
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Change, E> {
                Change::parse(&v.to_string()).map_err(E::custom)
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Change, E> {
                Change::parse(&v.to_string()).map_err(E::custom)
            }
        }
        // The text of the scalar, not YAML's reading of it: `+3` must keep its sign.
        deserializer.deserialize_str(ChangeVisitor)
    }
}

impl JsonSchema for Change {
    fn schema_name() -> Cow<'static, str> {
        "Change".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "本年增/减: +N for an increase, -N for a decrease, 0 for none; printed as written",
            "type": ["string", "integer"],
            "pattern": "^(0|[+-][0-9]+)$"
        })
    }
}

/// What a cell of a change or an amount holds, for a loader message about one.
pub fn cell_value_help(kind: CellKind) -> Option<String> {
    match kind {
        CellKind::Change => Some(crate::tr!("load-cell-change-help")),
        CellKind::Amount => Some(crate::tr!(
            "load-cell-amount-help",
            units = UNITS.join(&crate::tr!("load-units-or"))
        )),
        CellKind::Count => None,
    }
}

/// The units an amount is written in.
pub const UNITS: [&str; 2] = ["万元", "元"];

/// 采购总金额 as written: the number (any number of decimals, kept as text so it prints
/// exactly as written, never through a binary float) and its unit, 元 or 万元.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Money {
    pub amount: String,
    pub unit: &'static str,
}

impl Money {
    /// Reads `1296.5万元` or `835000元`.
    pub fn parse(written: &str) -> Result<Money, String> {
        let v = written.trim();
        let Some((amount, unit)) = UNITS
            .iter()
            .find_map(|u| v.strip_suffix(u).map(|a| (a.trim_end(), *u)))
        else {
            return Err(value_error::tagged(
                CellKind::Amount,
                &crate::tr!("load-money-no-unit", value = v),
            ));
        };
        if !standard2021::is_decimal(amount) {
            return Err(value_error::tagged(
                CellKind::Amount,
                &crate::tr!("load-money-digits", value = amount),
            ));
        }
        Ok(Money {
            amount: amount.to_owned(),
            unit,
        })
    }

    /// Whether the amount is zero (`0`, `0.00`).
    pub fn is_zero(&self) -> bool {
        self.amount.bytes().all(|b| b == b'0' || b == b'.')
    }

    /// The amount as printed: number and unit, as written.
    pub fn printed(&self) -> String {
        format!("{}{}", self.amount, self.unit)
    }
}

impl<'de> Deserialize<'de> for Money {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct MoneyVisitor;
        impl Visitor<'_> for MoneyVisitor {
            type Value = Money;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str(&crate::tr!("load-expect-money"))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Money, E> {
                Money::parse(v).map_err(E::custom)
            }
        }
        deserializer.deserialize_str(MoneyVisitor)
    }
}

impl JsonSchema for Money {
    fn schema_name() -> Cow<'static, str> {
        "Money".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "采购总金额 with its unit (元 or 万元), kept exactly as written: \"1296.5万元\"",
            "type": "string",
            "pattern": "^[0-9]+(\\.[0-9]+)?(万元|元)$"
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_change_is_signed_unless_it_is_zero() {
        for (written, value) in [("+3", 3), ("-2", -2), ("0", 0), (" +12 ", 12)] {
            let c = Change::parse(written).unwrap();
            assert_eq!((c.value, c.written.as_str()), (value, written.trim()));
        }
        for (bad, says) in [
            ("3", "write +3 for an increase or -3"),
            ("+", "not a change"),
            ("+1.5", "not a change"),
            ("--253", "not a change"),
            ("+1000000000", "at most"),
            ("三", "not a change"),
        ] {
            let err = Change::parse(bad).unwrap_err();
            assert!(err.contains(says), "{bad}: {err}");
        }
    }

    #[test]
    fn an_amount_keeps_its_digits_and_unit() {
        let m = Money::parse("103.3879万元").unwrap();
        assert_eq!(
            (m.amount.as_str(), m.unit, m.printed().as_str()),
            ("103.3879", "万元", "103.3879万元")
        );
        assert_eq!(Money::parse("835000元").unwrap().unit, "元");
        assert!(Money::parse("0.00万元").unwrap().is_zero());
        assert!(!Money::parse("0.01元").unwrap().is_zero());
        for (bad, says) in [
            ("103.5", "no unit"),
            ("一百万元", "not an amount"),
            ("1e3元", "not an amount"),
        ] {
            let err = Money::parse(bad).unwrap_err();
            assert!(err.contains(says), "{bad}: {err}");
        }
    }
}
