//! Every message a user reads, in Chinese or English: one Fluent catalog per language
//! (`locales/zh-CN/*.ftl`, `locales/en/*.ftl`, built into the binary). Code names a message
//! by its id (`tr!("check-docno-brackets", number = …)`) and never holds its wording, so the
//! two languages cannot drift apart; a test fails when an id is missing in either catalog.
//!
//! The language is chosen once per run by the command layer (`--lang`, `REPORT_LANG`, the
//! locale) and read here; a library user that never sets it gets English.

mod catalog;
mod locale;

pub use locale::{detect, parse_lang};

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use std::borrow::Cow;
use std::sync::LazyLock;
use std::sync::atomic::{AtomicU8, Ordering};

/// A language messages are written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lang {
    Zh,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Zh, Lang::En];

    /// The catalog folder's name (a BCP 47 tag).
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        }
    }
}

static CURRENT: AtomicU8 = AtomicU8::new(Lang::En as u8);

/// Sets the language of every message from now on (the command layer does, once).
pub fn set(lang: Lang) {
    CURRENT.store(lang as u8, Ordering::Relaxed);
}

/// The language messages are written in.
pub fn current() -> Lang {
    if CURRENT.load(Ordering::Relaxed) == Lang::Zh as u8 {
        Lang::Zh
    } else {
        Lang::En
    }
}

/// A value put into a message.
#[derive(Debug, Clone)]
pub enum Arg {
    Text(String),
    /// A count, which also chooses the English plural.
    Number(f64),
}

impl From<&str> for Arg {
    fn from(s: &str) -> Arg {
        Arg::Text(s.to_owned())
    }
}
impl From<String> for Arg {
    fn from(s: String) -> Arg {
        Arg::Text(s)
    }
}
impl From<&String> for Arg {
    fn from(s: &String) -> Arg {
        Arg::Text(s.clone())
    }
}
impl From<Cow<'_, str>> for Arg {
    fn from(s: Cow<'_, str>) -> Arg {
        Arg::Text(s.into_owned())
    }
}
impl From<char> for Arg {
    fn from(c: char) -> Arg {
        Arg::Text(c.to_string())
    }
}
impl From<&std::path::Path> for Arg {
    fn from(p: &std::path::Path) -> Arg {
        Arg::Text(p.display().to_string())
    }
}
impl From<&std::path::PathBuf> for Arg {
    fn from(p: &std::path::PathBuf) -> Arg {
        Arg::Text(p.display().to_string())
    }
}
macro_rules! number_arg {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            #[allow(clippy::cast_precision_loss, clippy::cast_lossless)]
            fn from(n: $t) -> Arg {
                Arg::Number(n as f64)
            }
        }
        impl From<&$t> for Arg {
            #[allow(clippy::cast_precision_loss, clippy::cast_lossless)]
            fn from(n: &$t) -> Arg {
                Arg::Number(*n as f64)
            }
        }
    )*};
}
number_arg!(u8, u16, u32, u64, usize, i32, i64);

/// The message `id` in the current language, its placeables filled from `args`.
#[macro_export]
macro_rules! tr {
    ($id:literal $(,)?) => {
        $crate::i18n::text($id, &[])
    };
    ($id:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::i18n::text($id, &[$((stringify!($name), $crate::i18n::Arg::from($value))),+])
    };
}

/// The message `id` in the current language.
pub fn text(id: &str, args: &[(&str, Arg)]) -> String {
    text_in(current(), id, args)
}

/// The message `id` in `lang`. An id missing from the catalog (a test keeps that from
/// shipping) falls back to English, then to the id itself, rather than losing the message.
pub fn text_in(lang: Lang, id: &str, args: &[(&str, Arg)]) -> String {
    lookup(lang, id, args)
        .or_else(|| lookup(Lang::En, id, args))
        .unwrap_or_else(|| id.to_owned())
}

/// The message `id` in the current language, if the catalog has it (for ids made at run
/// time, such as a flag's help, where having none is normal).
pub fn try_text(id: &str) -> Option<String> {
    lookup(current(), id, &[])
}

/// A label such as "help:" or 「修改建议：」, ready to be followed by its text: an ASCII colon
/// gets a space after it, a full-width one holds its own.
pub fn label(id: &str) -> String {
    let word = text(id, &[]);
    if word.ends_with(':') { word + " " } else { word }
}

/// The message `id`, without placeables, in the current language, for a place that
/// needs a `&'static str`. Each (language, id) is made once and kept for the run.
pub fn text_static(id: &'static str) -> &'static str {
    use std::collections::HashMap;
    use std::sync::Mutex;
    static MADE: LazyLock<Mutex<HashMap<(u8, &'static str), &'static str>>> =
        LazyLock::new(|| Mutex::new(HashMap::new()));
    let lang = current();
    let Ok(mut made) = MADE.lock() else {
        return id;
    };
    made.entry((lang as u8, id))
        .or_insert_with(|| Box::leak(text_in(lang, id, &[]).into_boxed_str()))
}

/// Whether `lang`'s catalog holds `id`.
pub fn has(lang: Lang, id: &str) -> bool {
    bundle(lang).has_message(id)
}

fn lookup(lang: Lang, id: &str, args: &[(&str, Arg)]) -> Option<String> {
    let bundle = bundle(lang);
    let pattern = bundle.get_message(id)?.value()?;
    let mut fluent_args = FluentArgs::new();
    for (name, value) in args {
        match value {
            Arg::Text(s) => fluent_args.set(*name, FluentValue::from(s.as_str())),
            Arg::Number(n) => fluent_args.set(*name, FluentValue::from(*n)),
        }
    }
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, Some(&fluent_args), &mut errors);
    Some(text.into_owned())
}

fn bundle(lang: Lang) -> &'static FluentBundle<FluentResource> {
    // Each language's catalogs are parsed when first needed: a Chinese run reads the English
    // ones only for an id the Chinese catalog lacks, which the tests keep from happening.
    static ZH: LazyLock<FluentBundle<FluentResource>> = LazyLock::new(|| catalog::bundle(Lang::Zh));
    static EN: LazyLock<FluentBundle<FluentResource>> = LazyLock::new(|| catalog::bundle(Lang::En));
    match lang {
        Lang::Zh => &ZH,
        Lang::En => &EN,
    }
}

/// Every message id of `lang`'s catalog, for the tests that compare catalogs.
pub fn ids(lang: Lang) -> Vec<String> {
    catalog::ids(lang)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    #[test]
    fn both_catalogs_hold_the_same_messages() {
        let zh: BTreeSet<String> = ids(Lang::Zh).into_iter().collect();
        let en: BTreeSet<String> = ids(Lang::En).into_iter().collect();
        let only_zh: Vec<_> = zh.difference(&en).collect();
        let only_en: Vec<_> = en.difference(&zh).collect();
        assert!(
            only_zh.is_empty() && only_en.is_empty(),
            "missing in en: {only_zh:?}\nmissing in zh-CN: {only_en:?}"
        );
    }

    #[test]
    fn the_catalogs_parse_without_errors_or_duplicate_ids() {
        for lang in Lang::ALL {
            catalog::check(lang).unwrap_or_else(|e| panic!("{}: {e}", lang.tag()));
        }
    }

    #[test]
    fn each_message_is_formatted_in_both_languages_without_error() {
        // A placeable the code fills is checked by the source scan; here each message is
        // formatted with every variable it names set, to catch a bad reference or selector.
        for lang in Lang::ALL {
            for id in ids(lang) {
                let bundle = bundle(lang);
                let Some(pattern) = bundle.get_message(&id).and_then(|m| m.value()) else {
                    continue;
                };
                let mut args = FluentArgs::new();
                for var in catalog::variables(lang, &id) {
                    args.set(var, FluentValue::from(2));
                }
                let mut errors = Vec::new();
                let _ = bundle.format_pattern(pattern, Some(&args), &mut errors);
                assert!(errors.is_empty(), "{} {id}: {errors:?}", lang.tag());
            }
        }
    }

    #[test]
    fn every_id_the_code_uses_is_in_both_catalogs() {
        let used = catalog::ids_used_in_source();
        assert!(used.len() > 10, "the scan found too few ids: {used:?}");
        let mut missing = Vec::new();
        for (id, site) in &used {
            for lang in Lang::ALL {
                if !has(lang, id) {
                    missing.push(format!("{} {id} ({site})", lang.tag()));
                }
            }
        }
        assert!(
            missing.is_empty(),
            "ids used but not in the catalog:\n{}",
            missing.join("\n")
        );
    }

    #[test]
    fn placeables_are_filled_and_not_isolated() {
        let text = text_in(
            Lang::En,
            "i18n-selftest",
            &[("name", Arg::from("渝府发")), ("count", Arg::from(2u32))],
        );
        assert_eq!(text, "渝府发: 2 files");
        let one = text_in(
            Lang::En,
            "i18n-selftest",
            &[("name", Arg::from("x")), ("count", Arg::from(1u32))],
        );
        assert_eq!(one, "x: 1 file");
        let zh = text_in(
            Lang::Zh,
            "i18n-selftest",
            &[("name", Arg::from("x")), ("count", Arg::from(1u32))],
        );
        assert_eq!(zh, "x：1个文件");
    }

    #[test]
    fn a_missing_id_falls_back_to_the_id() {
        assert_eq!(text_in(Lang::Zh, "no-such-message", &[]), "no-such-message");
    }
}
