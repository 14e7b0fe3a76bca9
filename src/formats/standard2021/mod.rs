//! The national format of 国办公开办函〔2021〕30号 (`format: standard_2021`): six parts in a
//! fixed order and three statistical tables. This folder holds all the format knows: its
//! tables as typed data (here), the words it prints (`labels`), the printed tables
//! (`tables`), its rules (`rules`), the `init` skeleton (`skeleton`) and a batch's roll-up
//! (`rollup`). The user types the leaves; totals may be omitted (they are computed) or given
//! (they are checked, see the T3-* and T4-* rules).

pub mod cite;
pub mod labels;
pub mod rollup;
pub mod rules;
pub mod skeleton;
pub mod tables;

use crate::model::number;
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::Deserialize;
use serde::de::{self, Deserializer, Visitor};
use serde_saphyr::Spanned;
use std::borrow::Cow;
use std::fmt;

/// A count: a whole number, 0 or more.
pub type Count = Spanned<u64>;

/// The three tables, in the order of parts 二, 三 and 四.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Tables2021 {
    /// Table 2, 主动公开政府信息情况 (part 二).
    pub active: ActiveDisclosure,
    /// Table 3, 收到和处理政府信息公开申请情况 (part 三).
    pub applications: Applications,
    /// Table 4, 政府信息公开行政复议、行政诉讼情况 (part 四).
    pub reviews: Reviews,
}

/// Table 2.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ActiveDisclosure {
    /// 规章: 本年制发件数, 本年废止件数, 现行有效件数.
    pub rules: DocumentCounts,
    /// 行政规范性文件.
    pub normative_documents: DocumentCounts,
    /// 行政许可: 本年处理决定数量.
    #[schemars(with = "u64")]
    #[serde(deserialize_with = "number::count")]
    pub licensing: Count,
    /// 行政处罚: 本年处理决定数量.
    #[schemars(with = "u64")]
    #[serde(deserialize_with = "number::count")]
    pub penalties: Count,
    /// 行政强制: 本年处理决定数量.
    #[schemars(with = "u64")]
    #[serde(deserialize_with = "number::count")]
    pub enforcement: Count,
    /// 行政事业性收费: 本年收费金额（单位：万元）, printed exactly as written ("24252.311082").
    #[schemars(with = "Amount")]
    pub fees: Spanned<Amount>,
}

#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DocumentCounts {
    /// 本年制发件数
    #[schemars(with = "u64")]
    #[serde(deserialize_with = "number::count")]
    pub issued: Count,
    /// 本年废止件数
    #[schemars(with = "u64")]
    #[serde(deserialize_with = "number::count")]
    pub repealed: Count,
    /// 现行有效件数
    #[schemars(with = "u64")]
    #[serde(deserialize_with = "number::count")]
    pub in_force: Count,
}

/// Table 3. Every row lists the six applicant columns (自然人, 商业企业, 科研机构,
/// 社会公益组织, 法律服务机构, 其他) and may add the 总计 as a seventh number.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Applications {
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
    /// 三、（六）其他处理
    pub other_handling: OtherHandling,
    /// 三、（七）总计: computed when omitted, checked when given.
    #[serde(default)]
    pub total: Option<Row>,
    /// 四、结转下年度继续办理
    pub carried_forward: Row,
}

impl Applications {
    /// The leaf rows of （三）-（六）, group by group in printed order, with their labels.
    pub fn groups(&self) -> [(&'static labels::Group, Vec<&Row>); 4] {
        let o = &self.other_handling;
        let [g3, g4, g5] = refusal_groups(&self.withheld, &self.unavailable, &self.not_processed);
        let [_, _, _, g6] = &labels::T3_GROUPS;
        [g3, g4, g5, (g6, vec![&o.no_correction, &o.fee_unpaid, &o.other])]
    }

    /// The table as both formats print it, for the printer and rules they share.
    pub fn view(&self) -> Table3<'_> {
        let mut results: Vec<ResultRows> = self
            .groups()
            .into_iter()
            .map(|(group, leaves)| ResultRows::Group(group, leaves))
            .collect();
        results.insert(0, ResultRows::Single(&labels::T3_PARTLY, &self.partly_disclosed));
        results.insert(0, ResultRows::Single(&labels::T3_DISCLOSED, &self.disclosed));
        Table3 {
            received: &self.received,
            carried_over: &self.carried_over,
            results,
            total: self.total.as_ref(),
            carried_forward: &self.carried_forward,
        }
    }
}

/// Rows of 三、本年度办理结果 before （七）总计: a row of its own (（一）, （二）, and the 2019
/// format's （六）其他处理), or a group with its leaves.
pub enum ResultRows<'a> {
    Single(&'static labels::Label, &'a Row),
    Group(&'static labels::Group, Vec<&'a Row>),
}

/// Table 3 as the 2021 format and the 2019 trial format both have it (they differ only in
/// whether （六）其他处理 has leaves): what its printer, its rules, P-NUMBERS, X-CARRY and the
/// roll-up read.
pub struct Table3<'a> {
    pub received: &'a Row,
    pub carried_over: &'a Row,
    /// （一）-（六）, in printed order.
    pub results: Vec<ResultRows<'a>>,
    /// （七）总计 as written, if it is.
    pub total: Option<&'a Row>,
    pub carried_forward: &'a Row,
}

impl Table3<'_> {
    /// （一）予以公开.
    pub fn disclosed(&self) -> Option<&Row> {
        self.results.iter().find_map(|entry| match entry {
            ResultRows::Single(name, row) if name.key == labels::T3_DISCLOSED.key => Some(*row),
            _ => None,
        })
    }

    /// Every row that （七）总计 adds up: （一）, （二） and the rows of （三）-（六）.
    pub fn result_rows(&self) -> Vec<&Row> {
        let mut rows = Vec::new();
        for entry in &self.results {
            match entry {
                ResultRows::Single(_, row) => rows.push(*row),
                ResultRows::Group(_, leaves) => rows.extend(leaves.iter().copied()),
            }
        }
        rows
    }

    /// （七）总计 per applicant column: the sum of the result rows.
    pub fn computed_results_total(&self) -> [u64; 6] {
        let mut total = [0; 6];
        for row in self.result_rows() {
            for (t, v) in total.iter_mut().zip(row.columns()) {
                *t += v;
            }
        }
        total
    }
}

/// The leaf rows of （三）不予公开, （四）无法提供 and （五）不予处理, which both formats share, with
/// their labels.
pub fn refusal_groups<'a>(
    w: &'a Withheld,
    u: &'a Unavailable,
    p: &'a NotProcessed,
) -> [(&'static labels::Group, Vec<&'a Row>); 3] {
    let [g3, g4, g5, _] = &labels::T3_GROUPS;
    [
        (
            g3,
            vec![
                &w.state_secret,
                &w.prohibited_by_law,
                &w.three_safeties,
                &w.third_party,
                &w.internal_affairs,
                &w.process_information,
                &w.enforcement_files,
                &w.inquiry_matters,
            ],
        ),
        (g4, vec![&u.not_held, &u.needs_creation, &u.still_unclear]),
        (
            g5,
            vec![
                &p.complaints,
                &p.repeated,
                &p.publications,
                &p.excessive,
                &p.confirmation,
            ],
        ),
    ]
}

#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Withheld {
    /// 1.属于国家秘密
    pub state_secret: Row,
    /// 2.其他法律行政法规禁止公开
    pub prohibited_by_law: Row,
    /// 3.危及“三安全一稳定”
    pub three_safeties: Row,
    /// 4.保护第三方合法权益
    pub third_party: Row,
    /// 5.属于三类内部事务信息
    pub internal_affairs: Row,
    /// 6.属于四类过程性信息
    pub process_information: Row,
    /// 7.属于行政执法案卷
    pub enforcement_files: Row,
    /// 8.属于行政查询事项
    pub inquiry_matters: Row,
}

#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Unavailable {
    /// 1.本机关不掌握相关政府信息
    pub not_held: Row,
    /// 2.没有现成信息需要另行制作
    pub needs_creation: Row,
    /// 3.补正后申请内容仍不明确
    pub still_unclear: Row,
}

#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct NotProcessed {
    /// 1.信访举报投诉类申请
    pub complaints: Row,
    /// 2.重复申请
    pub repeated: Row,
    /// 3.要求提供公开出版物
    pub publications: Row,
    /// 4.无正当理由大量反复申请
    pub excessive: Row,
    /// 5.要求行政机关确认或重新出具已获取信息
    pub confirmation: Row,
}

#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct OtherHandling {
    /// 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请
    pub no_correction: Row,
    /// 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请
    pub fee_unpaid: Row,
    /// 3.其他
    pub other: Row,
}

/// Table 4: one group of five columns for 行政复议, and two for 行政诉讼 (未经复议直接起诉,
/// 复议后起诉).
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Reviews {
    /// 行政复议
    pub reconsideration: Outcomes,
    /// 行政诉讼: 未经复议直接起诉
    pub litigation_direct: Outcomes,
    /// 行政诉讼: 复议后起诉
    pub litigation_after_reconsideration: Outcomes,
}

#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Outcomes {
    /// 结果维持
    #[schemars(with = "u64")]
    #[serde(deserialize_with = "number::count")]
    pub upheld: Count,
    /// 结果纠正
    #[schemars(with = "u64")]
    #[serde(deserialize_with = "number::count")]
    pub corrected: Count,
    /// 其他结果
    #[schemars(with = "u64")]
    #[serde(deserialize_with = "number::count")]
    pub other: Count,
    /// 尚未审结
    #[schemars(with = "u64")]
    #[serde(deserialize_with = "number::count")]
    pub pending: Count,
    /// 总计: computed when omitted, checked when given.
    #[serde(default, deserialize_with = "number::optional_count")]
    #[schemars(with = "Option<u64>")]
    pub total: Option<Count>,
}

impl Outcomes {
    /// 维持 + 纠正 + 其他 + 尚未审结.
    pub fn sum(&self) -> u64 {
        [&self.upheld, &self.corrected, &self.other, &self.pending]
            .iter()
            .map(|c| c.value)
            .sum()
    }
}

/// One row of table 3 as written: `[自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构,
/// 其他]` or the same with `总计` seventh.
#[derive(Debug, Clone)]
pub struct Row(pub Spanned<Vec<u64>>);

impl Row {
    /// The six applicant columns (fewer if the row is malformed; validation says so).
    pub fn columns(&self) -> [u64; 6] {
        let mut out = [0; 6];
        for (slot, v) in out.iter_mut().zip(&self.0.value) {
            *slot = *v;
        }
        out
    }

    /// The 总计 as written, if it is.
    pub fn stated_total(&self) -> Option<u64> {
        self.0.value.get(6).copied()
    }

    pub fn sum(&self) -> u64 {
        self.columns().iter().sum()
    }
}

impl<'de> Deserialize<'de> for Row {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let row = number::counts(deserializer)?;
        match row.value.len() {
            6 | 7 => Ok(Row(row)),
            n => Err(de::Error::custom(crate::tr!(
                "load-table3-row-length",
                columns = labels::APPLICANTS.join(&crate::tr!("load-list-separator")),
                count = n
            ))),
        }
    }
}

impl JsonSchema for Row {
    fn schema_name() -> Cow<'static, str> {
        "Table3Row".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": format!("[{}] and optionally {} seventh", labels::APPLICANTS.join(", "), labels::TOTAL),
            "type": "array",
            "items": { "type": "integer", "minimum": 0, "maximum": number::MAX_COUNT },
            "minItems": 6,
            "maxItems": 7
        })
    }
}

/// Whether `v` is a decimal number as a report writes an amount: digits, and a decimal point
/// with digits after it if needed (`0`, `9116.36`; not `.5`, `5.`, `-1`, `1e3`).
pub fn is_decimal(v: &str) -> bool {
    let (whole, fraction) = v.split_once('.').unwrap_or((v, ""));
    let digits = |s: &str| s.chars().all(|c| c.is_ascii_digit());
    !whole.is_empty() && digits(whole) && digits(fraction) && !v.ends_with('.')
}

/// A sum of money as the report writes it (万元, any number of decimals), kept as text so
/// it prints exactly as written: never through a binary float.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Amount(pub String);

impl<'de> Deserialize<'de> for Amount {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct AmountVisitor;
        impl Visitor<'_> for AmountVisitor {
            type Value = Amount;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str(&crate::tr!("load-expect-amount"))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Amount, E> {
                let v = v.trim();
                if !is_decimal(v) {
                    // Tagged as an amount, as the 2019 table's are (its help speaks of 采购总金额).
                    return Err(crate::model::value_error::error(
                        crate::model::value_error::CellKind::Amount,
                        &crate::tr!("load-amount-digits", value = v),
                    ));
                }
                Ok(Amount(v.to_owned()))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Amount, E> {
                Ok(Amount(v.to_string()))
            }
            fn visit_f64<E: de::Error>(self, _: f64) -> Result<Amount, E> {
                Err(E::custom(crate::tr!("load-amount-quote")))
            }
        }
        deserializer.deserialize_str(AmountVisitor)
    }
}

impl JsonSchema for Amount {
    fn schema_name() -> Cow<'static, str> {
        "Amount".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "本年收费金额（单位：万元）, kept exactly as written",
            "type": ["string", "integer"],
            "pattern": "^[0-9]+(\\.[0-9]+)?$"
        })
    }
}
