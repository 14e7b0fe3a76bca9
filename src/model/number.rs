//! Whole numbers as a report writes them: the year and the counts of the tables. YAML also
//! reads `0x7E7`, `0o17`, `+5` and `1_000` as integers, and u64 arithmetic on a count near
//! its maximum wraps; a report writes plain decimal digits, and a count no real body reaches
//! is refused where it is written, so every sum of the tables stays exact.

use super::value_error::{self, CellKind};
use serde::Deserializer;
use serde::de::{self, Deserialize, Visitor};
use serde_saphyr::Spanned;
use std::fmt;

/// The largest count a table cell may hold. The largest real counts (a province's
/// 行政处罚 decisions) are some millions; a sum of every cell of a table stays far below
/// u64's limit.
pub const MAX_COUNT: u64 = 999_999_999;

/// What a number is, for messages.
#[derive(Clone, Copy)]
enum Kind {
    Count,
    Year,
}

impl Kind {
    fn max(self) -> u64 {
        match self {
            Kind::Count => MAX_COUNT,
            Kind::Year => 9999,
        }
    }

    fn parse<E: de::Error>(self, written: &str) -> Result<u64, E> {
        let v = written.trim();
        let count = matches!(self, Kind::Count);
        // A count's message is tagged so the loader can name its cell; a year's is not.
        let fail = |message: String| -> E {
            if count {
                value_error::error(CellKind::Count, &message)
            } else {
                E::custom(message)
            }
        };
        if v.is_empty() || !v.bytes().all(|b| b.is_ascii_digit()) {
            let why = if v.starts_with('-') {
                if count {
                    crate::tr!("model-count-negative")
                } else {
                    crate::tr!("model-year-negative")
                }
            } else if v.contains('.') {
                if count {
                    crate::tr!("model-count-whole")
                } else {
                    crate::tr!("model-year-whole")
                }
            } else if count {
                crate::tr!("model-count-digits", value = v)
            } else {
                crate::tr!("model-year-digits", value = v)
            };
            return Err(fail(why));
        }
        match v.parse::<u64>() {
            Ok(n) if n <= self.max() => Ok(n),
            _ => Err(fail(match self {
                Kind::Count => crate::tr!("model-count-too-large", value = v, max = MAX_COUNT),
                Kind::Year => crate::tr!("model-year-too-large", value = v),
            })),
        }
    }
}

/// The number as written, checked (deserialized from the scalar's text).
struct Checked<const YEAR: bool>(u64);

impl<'de, const YEAR: bool> Deserialize<'de> for Checked<YEAR> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct V(Kind);
        impl Visitor<'_> for V {
            type Value = u64;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str(&crate::tr!("model-expect-whole-number"))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<u64, E> {
                self.0.parse(v)
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<u64, E> {
                self.0.parse(&v.to_string())
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<u64, E> {
                self.0.parse(&v.to_string())
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<u64, E> {
                self.0.parse(&v.to_string())
            }
        }
        let kind = if YEAR { Kind::Year } else { Kind::Count };
        // The text of the scalar, not YAML's reading of it: `0x10` must not become 16.
        deserializer.deserialize_str(V(kind)).map(Checked)
    }
}

fn spanned<'de, D: Deserializer<'de>, const YEAR: bool>(d: D) -> Result<Spanned<u64>, D::Error> {
    let s = Spanned::<Checked<YEAR>>::deserialize(d)?;
    Ok(Spanned::new(s.value.0, s.referenced, s.defined))
}

/// A table cell: decimal digits, at most [`MAX_COUNT`].
pub fn count<'de, D: Deserializer<'de>>(d: D) -> Result<Spanned<u64>, D::Error> {
    spanned::<D, false>(d)
}

/// An optional table cell (a total that may be left out).
pub fn optional_count<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Spanned<u64>>, D::Error> {
    count(d).map(Some)
}

/// A row of table cells.
pub fn counts<'de, D: Deserializer<'de>>(d: D) -> Result<Spanned<Vec<u64>>, D::Error> {
    let s = Spanned::<Vec<Checked<false>>>::deserialize(d)?;
    Ok(Spanned::new(
        s.value.into_iter().map(|c| c.0).collect(),
        s.referenced,
        s.defined,
    ))
}

/// The year: decimal digits, at most 9999.
pub fn year<'de, D: Deserializer<'de>>(d: D) -> Result<Spanned<u16>, D::Error> {
    let s = spanned::<D, true>(d)?;
    let year = u16::try_from(s.value).map_err(|_| de::Error::custom(crate::tr!("model-year-not-a-year")))?;
    Ok(Spanned::new(year, s.referenced, s.defined))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(serde::Deserialize, Debug)]
    struct T {
        #[serde(deserialize_with = "year")]
        year: Spanned<u16>,
        #[serde(deserialize_with = "counts")]
        row: Spanned<Vec<u64>>,
        #[serde(default, deserialize_with = "optional_count")]
        total: Option<Spanned<u64>>,
    }

    fn parse(yaml: &str) -> Result<T, String> {
        serde_saphyr::from_str::<T>(yaml).map_err(|e| e.to_string())
    }

    #[test]
    fn decimal_digits_only_within_bounds() {
        let t = parse("year: 2023\nrow: [1, 0, \"7\"]\ntotal: 8\n").unwrap();
        assert_eq!(
            (t.year.value, t.row.value, t.total.map(|c| c.value)),
            (2023, vec![1, 0, 7], Some(8))
        );
        assert!(parse("year: 2023\nrow: [1]\n").unwrap().total.is_none());
        for (bad, says) in [
            ("year: 0x7E7\nrow: []", "decimal digits"),
            ("year: 99999\nrow: []", "not a year"),
            ("year: 2023\nrow: [18446744073709551615, 1]", "at most 999999999"),
            ("year: 2023\nrow: [0o17]", "decimal digits"),
            ("year: 2023\nrow: [-1]", "cannot be negative"),
            ("year: 2023\nrow: [1.5]", "whole number"),
            ("year: 2023\nrow: [1_000]", "decimal digits"),
            ("year: 2023\nrow: []\ntotal: 0x10", "decimal digits"),
        ] {
            let err = parse(bad).unwrap_err();
            assert!(err.contains(says), "{bad}: {err}");
        }
    }
}
