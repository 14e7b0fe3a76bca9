//! S-COPY: paragraphs copied from the issuer's report of the year before (「内容雷同」). The
//! shapes' own rules between years (X-CARRY, X-INFORCE) are in `formats`.

use super::Input;
use crate::compose::Composed;
use crate::diag::{Findings, Severity};
use crate::formats::Report;
use crate::model::cite;

/// Paragraphs shorter than this are formulas every report repeats (「如下表。」).
const COPY_MIN_CHARS: usize = 30;
/// Similarity from which a paragraph counts as copied.
const COPY_SIMILARITY: f64 = 0.9;

/// How much comparing S-COPY may do (characters compared, summed over every pair): some
/// hundred times what two of the longest real reports need, and a fraction of a second. Two
/// years of 200 000 characters each would need minutes; past the budget the rule stops,
/// and says so.
const COPY_BUDGET: u64 = 100_000_000;

/// A paragraph ready to compare: its characters, and the same sorted (for the bag distance).
struct Paragraph {
    chars: Vec<char>,
    sorted: Vec<char>,
}

impl Paragraph {
    fn new(text: &str) -> Paragraph {
        let chars: Vec<char> = text.chars().collect();
        let mut sorted = chars.clone();
        sorted.sort_unstable();
        Paragraph { chars, sorted }
    }
}

/// S-COPY: a paragraph at least 90% the same as one of last year's report: its normalized
/// Levenshtein similarity, 1 − distance / longer length, is 0.9 or more.
pub fn s_copy(input: &Input, previous: &Report, last: &Composed, f: &mut Findings) {
    // Paragraphs are compared as printed: 「收到申请{表3.本年新收}件」 written both years says
    // a different number each year, which is not a copy.
    let (now_values, last_values) = (input.citable, &last.citable);
    let mut last: Vec<Paragraph> = last
        .sources
        .iter()
        .filter(|t| t.text.chars().count() >= COPY_MIN_CHARS)
        .map(|t| Paragraph::new(&cite::substitute(&t.text, last_values)))
        .collect();
    // By length, so each paragraph is compared only with those whose length lets them match;
    // a paragraph written twice last year is compared once.
    last.sort_by(|a, b| (a.chars.len(), &a.chars).cmp(&(b.chars.len(), &b.chars)));
    last.dedup_by(|a, b| a.chars == b.chars);
    let exact: std::collections::HashSet<&[char]> = last.iter().map(|p| p.chars.as_slice()).collect();
    // The preamble states the legal basis in the same words every year, as it should.
    let preamble: Vec<_> = input
        .report
        .preamble
        .iter()
        .map(|b| b.referenced.span().offset())
        .collect();
    let mut spent = 0u64;
    for text in input.texts {
        if text.text.chars().count() < COPY_MIN_CHARS || preamble.contains(&text.at.span().offset()) {
            continue;
        }
        let this = Paragraph::new(&cite::substitute(&text.text, now_values));
        let best = if exact.contains(this.chars.as_slice()) {
            Ok(Some(1.0))
        } else {
            most_similar(&this, &last, &mut spent)
        };
        let Ok(best) = best else {
            f.at_char(
                Severity::Warning,
                "S-COPY",
                text,
                0,
                crate::tr!("check-s-copy-budget", year = previous.year.value.to_string()),
            )
            .help = Some(crate::tr!("check-s-copy-budget-help"));
            return;
        };
        if let Some(best) = best.filter(|b| *b >= COPY_SIMILARITY) {
            f.at_char(
                Severity::Warning,
                "S-COPY",
                text,
                0,
                crate::tr!(
                    "check-s-copy",
                    percent = format!("{:.0}", (best * 100.0).floor()),
                    year = previous.year.value.to_string()
                ),
            )
            .help = Some(crate::tr!("check-s-copy-help"));
        }
    }
}

/// The comparing would pass [`COPY_BUDGET`].
struct OverBudget;

/// The highest similarity of `this` to one of `last` (sorted by length), among those that
/// can reach [`COPY_SIMILARITY`]; the work done is added to `spent`.
fn most_similar(this: &Paragraph, last: &[Paragraph], spent: &mut u64) -> Result<Option<f64>, OverBudget> {
    let n = this.chars.len();
    // A paragraph of length m can reach the threshold only if |n − m| ≤ 10% of the longer.
    let lo = (n as f64 * COPY_SIMILARITY).floor() as usize;
    let hi = (n as f64 / COPY_SIMILARITY).ceil() as usize;
    let from = last.partition_point(|p| p.chars.len() < lo);
    let mut best: Option<f64> = None;
    let mut spend = |cost: usize| {
        *spent += cost as u64;
        if *spent > COPY_BUDGET {
            Err(OverBudget)
        } else {
            Ok(())
        }
    };
    for other in last[from..].iter().take_while(|p| p.chars.len() <= hi) {
        let longer = n.max(other.chars.len());
        let allowed = ((1.0 - COPY_SIMILARITY) * longer as f64).floor() as usize;
        spend(n + other.chars.len())?;
        // The bag distance is a lower bound of the edit distance, and cheap: it rules out
        // what cannot reach the threshold, or cannot beat the best match found already.
        let bound = bag_distance(&this.sorted, &other.sorted);
        let at_most = 1.0 - bound as f64 / longer as f64;
        if bound > allowed || best.is_some_and(|b| at_most <= b) {
            continue;
        }
        // A copy differs in a few places: try a narrow band first, widening it up to what the
        // threshold allows, so the work follows the real distance, not the allowed one.
        let mut k = allowed.min(32);
        let distance = loop {
            spend(n.min(other.chars.len()) * (2 * k + 1))?;
            match banded_levenshtein(&this.chars, &other.chars, k) {
                Some(d) => break Some(d),
                None if k >= allowed => break None,
                None => k = (k * 4).min(allowed),
            }
        };
        if let Some(d) = distance {
            let similarity = 1.0 - d as f64 / longer as f64;
            best = Some(best.map_or(similarity, |b: f64| b.max(similarity)));
        }
    }
    Ok(best)
}

/// max(|A − B|, |B − A|) of two sorted multisets of characters.
fn bag_distance(a: &[char], b: &[char]) -> usize {
    let (mut i, mut j, mut common) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
        }
    }
    (a.len() - common).max(b.len() - common)
}

/// The edit distance of `a` and `b` if it is at most `k`: only the diagonal band of width
/// 2k + 1 can hold such a path (Ukkonen), so the work is O(min(n, m) · k).
fn banded_levenshtein(a: &[char], b: &[char], k: usize) -> Option<usize> {
    let (a, b) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if b.len() - a.len() > k {
        return None;
    }
    let big = k + 1;
    // prev[j] for j in 0..=b.len(); cells outside the band hold `big`.
    let mut prev: Vec<usize> = (0..=b.len()).map(|j| if j <= k { j } else { big }).collect();
    let mut cur = vec![big; b.len() + 1];
    for i in 1..=a.len() {
        let from = i.saturating_sub(k).max(1);
        let to = (i + k).min(b.len());
        cur[from - 1] = if from == 1 && i <= k { i } else { big };
        let mut row_min = cur[from - 1];
        for j in from..=to {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let v = (prev[j - 1] + cost).min(prev[j] + 1).min(cur[j - 1] + 1).min(big);
            cur[j] = v;
            row_min = row_min.min(v);
        }
        if to < b.len() {
            cur[to + 1] = big;
        }
        if row_min > k {
            return None;
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    let d = prev[b.len()];
    (d <= k).then_some(d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_banded_distance_is_levenshtein_within_the_band() {
        let words = [
            "",
            "a",
            "ab",
            "abc",
            "kitten",
            "sitting",
            "政府信息公开",
            "政府公开信息",
            "信息公开工作年度报告",
            "flaw",
            "lawn",
        ];
        for a in words {
            for b in words {
                let (ca, cb): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
                let exact = strsim::levenshtein(a, b);
                for k in 0..8 {
                    let banded = banded_levenshtein(&ca, &cb, k);
                    assert_eq!(banded, (exact <= k).then_some(exact), "{a} / {b}, k = {k}");
                }
                let (mut sa, mut sb) = (ca.clone(), cb.clone());
                sa.sort_unstable();
                sb.sort_unstable();
                assert!(bag_distance(&sa, &sb) <= exact, "{a} / {b}");
            }
        }
    }
}
