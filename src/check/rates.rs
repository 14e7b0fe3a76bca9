//! P-NUMBERS: a rate stated in prose agrees with the quantities it is computed from.
//! Prose rounds both the rate and its inputs (「回复解决问题9.13万件，办结回复率达到87.86%」
//! against 「收到群众来信10.4万件」), so the check is on intervals: each number stands for
//! everything that rounds to it, and the claim fails only if no such values agree.

use super::{Input, pattern};
use crate::diag::{Findings, Severity};
use regex::Regex;
use std::sync::LazyLock;

/// A counted quantity: 10.4万件, 948件, 6721条.
pub(super) static QUANTITY: LazyLock<Regex> =
    LazyLock::new(|| pattern(r"(\d+(?:\.\d+)?)(万|亿)?(件|条|个|人次|次|项|份|封|人)"));
/// A rate: 「…率达到87.86%」「…率为100%」.
static RATE: LazyLock<Regex> = LazyLock::new(|| pattern(r"率(?:达到|达|为|是|约为|约)?(\d+(?:\.\d+)?)%"));

/// A number as an interval: what it was rounded from.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Interval {
    pub(super) lo: f64,
    pub(super) hi: f64,
}

impl Interval {
    /// `digits` written with `scale` (1 or 10 000 for 万): a whole count is exact unless
    /// scaled; a decimal stands for ± half a unit of its last place.
    pub(super) fn rounded(digits: &str, scale: f64) -> Option<Interval> {
        let value: f64 = digits.parse().ok()?;
        let decimals = digits.split_once('.').map_or(0, |(_, d)| d.len()) as i32;
        let half = if decimals == 0 && scale == 1.0 {
            0.0
        } else {
            0.5 * 10f64.powi(-decimals)
        };
        Some(Interval {
            lo: (value - half) * scale,
            hi: (value + half) * scale,
        })
    }

    pub(super) fn overlaps(self, other: Interval) -> bool {
        self.lo <= other.hi + 1e-9 && other.lo <= self.hi + 1e-9
    }
}

pub fn p_numbers(input: &Input, f: &mut Findings) {
    for text in input.printed {
        let mut sentence_start = 0;
        for (end, _) in text
            .text
            .match_indices(['。', '；', '！', '？'])
            .chain([(text.text.len(), "")])
        {
            let sentence = &text.text[sentence_start..end];
            if let Some((offset, message)) = check_sentence(sentence) {
                let index = text.text[..sentence_start + offset].chars().count();
                f.at_char(Severity::Warning, "P-NUMBERS", text, index, message)
                    .help = Some(crate::tr!("check-p-numbers-rate-help"));
            }
            sentence_start = end
                + if end < text.text.len() {
                    '。'.len_utf8()
                } else {
                    0
                };
        }
    }
}

/// A rate in the sentence checked against the counts it names: the part is the last count
/// before it whose clause shares a word with the rate's name (「办结948件」 for 「办结率」), the
/// whole the sentence's first count of that unit (the total a report states first). A rate
/// whose name no count shares (「办结率100%」 after 「当面申请20件、网络申请60件」) is not paired
/// with counts that merely stand near it. (byte offset of the rate, message)
fn check_sentence(sentence: &str) -> Option<(usize, String)> {
    let rate = RATE.captures(sentence)?;
    let stated = rate.get(1)?;
    let percent = Interval::rounded(stated.as_str(), 1.0)?;
    let name = clause_before(sentence, rate.get(0)?.start());
    let quantities: Vec<(Interval, &str, &str, &str)> = QUANTITY
        .captures_iter(&sentence[..stated.start()])
        .filter_map(|q| {
            let scale = match q.get(2).map(|m| m.as_str()) {
                Some("万") => 1e4,
                Some("亿") => 1e8,
                _ => 1.0,
            };
            let all = q.get(0)?;
            Some((
                Interval::rounded(&q[1], scale)?,
                q.get(3)?.as_str(),
                all.as_str(),
                clause_before(sentence, all.start()),
            ))
        })
        .collect();
    let at = quantities.iter().rposition(|q| shares_word(q.3, name))?;
    let last = &quantities[at];
    let first = quantities[..at].iter().find(|q| q.1 == last.1)?;
    // The part is the smaller; a rate above 100% is a growth figure, not checked here.
    let (part, whole) = if first.0.hi <= last.0.hi {
        (first, last)
    } else {
        (last, first)
    };
    if percent.lo > 100.0 || whole.0.lo <= 0.0 {
        return None;
    }
    let ratio = Interval {
        lo: 100.0 * part.0.lo / whole.0.hi,
        hi: 100.0 * part.0.hi / whole.0.lo.max(f64::MIN_POSITIVE),
    };
    if ratio.overlaps(percent) {
        return None;
    }
    let actual = if ratio.hi - ratio.lo < 0.005 {
        format!("{:.2}%", ratio.lo)
    } else {
        crate::tr!(
            "check-p-numbers-rate-between",
            lo = format!("{:.2}", ratio.lo),
            hi = format!("{:.2}", ratio.hi.min(100.0))
        )
    };
    Some((
        stated.start(),
        crate::tr!(
            "check-p-numbers-rate",
            stated = stated.as_str(),
            part = part.2,
            whole = whole.2,
            actual = actual
        ),
    ))
}

/// The words of the clause that ends at byte `end`: back to the last comma, pause or
/// opening of the sentence.
fn clause_before(sentence: &str, end: usize) -> &str {
    let head = &sentence[..end];
    let start = head
        .rfind(['，', '、', '：', ',', ';', '；'])
        .map_or(0, |i| i + head[i..].chars().next().map_or(1, char::len_utf8));
    &head[start..]
}

/// Whether two clauses share a word of two characters (a pair of CJK characters).
fn shares_word(a: &str, b: &str) -> bool {
    let pairs = |s: &str| -> Vec<[char; 2]> {
        let chars: Vec<char> = s.chars().filter(|c| !c.is_ascii()).collect();
        chars.windows(2).map(|w| [w[0], w[1]]).collect()
    };
    let b = pairs(b);
    pairs(a).iter().any(|p| b.contains(p))
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use super::*;

    const SEED: &str =
        "今年市长信箱共收到群众来信10.4万件，是去年同期的1.16倍，回复解决问题9.13万件，办结回复率达到87.86%";

    #[test]
    fn the_seeds_rounded_rate_passes_on_intervals() {
        // 9.13 / 10.4 = 87.79%, but 9.125-9.135 over 10.35-10.45 spans 87.32%-88.26%.
        assert_eq!(check_sentence(SEED), None);
    }

    #[test]
    fn a_rate_that_cannot_be_right_is_caught_at_the_rate() {
        let wrong = SEED.replace("87.86%", "97.86%");
        let (offset, message) = check_sentence(&wrong).unwrap();
        assert_eq!(&wrong[offset..offset + 5], "97.86");
        assert!(
            message.contains("87.32%") && message.contains("88.26%"),
            "{message}"
        );
        let f = findings(&with_paragraph(&wrong));
        assert_eq!(
            f.iter().map(|x| (x.0, x.1)).collect::<Vec<_>>(),
            [("P-NUMBERS", Some(6))]
        );
    }

    #[test]
    fn a_rate_is_not_paired_with_counts_it_does_not_name() {
        // Regression: the rate of 办结 beside the channels of the applications.
        assert_eq!(
            check_sentence("全年收到申请86件，其中当面申请20件、网络申请60件，办结率100%"),
            None
        );
        assert_eq!(
            check_sentence("全年收到申请86件，其中当面申请20件、网络申请60件，全部按时办结，办结率100%"),
            None
        );
        // With the count it names, the rate is checked against the sentence's total.
        assert_eq!(
            check_sentence("全年收到申请86件，其中当面申请20件、网络申请60件，办结86件，办结率100%"),
            None
        );
        assert!(
            check_sentence("全年收到申请86件，其中当面申请20件、网络申请60件，办结80件，办结率100%")
                .is_some()
        );
    }

    #[test]
    fn exact_counts_are_exact() {
        assert_eq!(check_sentence("受理申请948件，办结948件，办结率为100%"), None);
        assert!(check_sentence("受理申请948件，办结900件，办结率为100%").is_some());
        assert_eq!(
            check_sentence("受理市政府信息依申请公开948件，答复率为100%"),
            None
        );
    }
}
