//! Calendar dates as reports write them: ISO `2015-01-20` in YAML, 「2015年1月20日」 in print.

use serde::Deserialize;
use serde::de::{self, Deserializer, Visitor};
use std::fmt;

/// A calendar date, checked to exist (no 2月30日).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

impl Date {
    /// The date if it exists in the Gregorian calendar.
    pub fn new(year: u16, month: u8, day: u8) -> Option<Date> {
        let leap = (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400);
        let days = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return None,
        };
        (year > 0 && (1..=days).contains(&day)).then_some(Date { year, month, day })
    }

    /// Parses `YYYY-MM-DD` (the only form accepted, so a date is never ambiguous).
    pub fn parse_iso(s: &str) -> Option<Date> {
        let mut it = s.trim().split('-');
        let (y, m, d) = (it.next()?, it.next()?, it.next()?);
        if it.next().is_some() || y.len() != 4 || m.len() != 2 || d.len() != 2 {
            return None;
        }
        Date::new(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
    }

    /// The official print form: Arabic numerals, the year in full, no leading zeros.
    pub fn chinese(&self) -> String {
        format!("{}年{}月{}日", self.year, self.month, self.day)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct DateVisitor;
        impl Visitor<'_> for DateVisitor {
            type Value = Date;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str(&crate::tr!("model-expect-date"))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Date, E> {
                Date::parse_iso(v).ok_or_else(|| E::custom(not_a_date(v)))
            }
        }
        deserializer.deserialize_str(DateVisitor)
    }
}

/// Why `written` is not a date: a day the calendar does not have (「2024年2月30日不存在」),
/// or not the form YYYY-MM-DD at all.
fn not_a_date(written: &str) -> String {
    let parts: Vec<&str> = written.trim().split('-').collect();
    let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    if let [y, m, d] = parts[..]
        && digits(y, 4)
        && digits(m, 2)
        && digits(d, 2)
    {
        let number = |s: &str| match s.trim_start_matches('0') {
            "" => "0".to_owned(),
            n => n.to_owned(),
        };
        return crate::tr!(
            "model-date-impossible",
            value = written,
            year = number(y),
            month = number(m),
            day = number(d),
        );
    }
    crate::tr!("model-date-form", value = written)
}

impl schemars::JsonSchema for Date {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Date".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "format": "date",
            "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
            "description": "A date written YYYY-MM-DD, e.g. 2015-01-20."
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_iso_and_prints_official_form() {
        let d = Date::parse_iso("2015-01-02").unwrap();
        assert_eq!(d.chinese(), "2015年1月2日");
        assert_eq!(d.to_string(), "2015-01-02");
    }

    #[test]
    fn rejects_impossible_and_ambiguous_dates() {
        for bad in [
            "2015-02-29",
            "2015-13-01",
            "2015-1-2",
            "20150102",
            "2015-01-02-03",
            "",
        ] {
            assert_eq!(Date::parse_iso(bad), None, "{bad}");
        }
        assert!(Date::parse_iso("2016-02-29").is_some());
    }

    #[test]
    fn a_date_that_is_not_one_says_so_in_the_form_it_was_written() {
        use crate::i18n::{Arg, Lang, text_in};
        let zh = |id, args: &[(&str, Arg)]| text_in(Lang::Zh, id, args);
        let day = [
            ("value", Arg::from("2024-02-30")),
            ("year", Arg::from("2024")),
            ("month", Arg::from("2")),
            ("day", Arg::from("30")),
        ];
        assert_eq!(zh("model-date-impossible", &day), "2024年2月30日不存在");
        assert_eq!(
            not_a_date("2024/01/15"),
            "`2024/01/15` is not a date: write it as YYYY-MM-DD, e.g. 2015-01-20"
        );
        assert_eq!(
            not_a_date("2024-02-30"),
            "`2024-02-30` is not a date: write it as YYYY-MM-DD, e.g. 2015-01-20"
        );
    }
}
