//! Which language a run speaks: `--lang`, then `REPORT_LANG`, then the locale (`LC_ALL`,
//! `LC_MESSAGES`, `LANG`, as POSIX orders them; on Windows the user's UI language).

use super::Lang;

/// `zh`, `zh_CN.UTF-8`, `zh-Hans`, `en`, `C` … as a language; `None` for what names neither.
pub fn parse_lang(value: &str) -> Option<Lang> {
    let value = value.trim().to_ascii_lowercase();
    let base = value.split(['_', '-', '.', '@']).next().unwrap_or("");
    match base {
        "zh" | "chinese" | "中文" => Some(Lang::Zh),
        "en" | "english" | "c" | "posix" => Some(Lang::En),
        _ => None,
    }
}

/// The language of a run: `flag` (from `--lang`), else what `var` says of the environment.
/// A value that names no language we have is passed over, as a locale such as `de_DE`
/// gives English.
pub fn detect(flag: Option<&str>, var: impl Fn(&str) -> Option<String>) -> Lang {
    if let Some(lang) = flag.and_then(parse_lang) {
        return lang;
    }
    if let Some(lang) = var("REPORT_LANG").as_deref().and_then(parse_lang) {
        return lang;
    }
    // POSIX: the first of these that is set and not empty decides.
    for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
        if let Some(value) = var(name).filter(|v| !v.is_empty()) {
            return parse_lang(&value).unwrap_or(Lang::En);
        }
    }
    system_lang().unwrap_or(Lang::En)
}

/// The user's UI language where it is not in the environment (Windows, macOS).
#[cfg(not(unix))]
fn system_lang() -> Option<Lang> {
    sys_locale::get_locale().as_deref().and_then(parse_lang)
}

#[cfg(unix)]
fn system_lang() -> Option<Lang> {
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
        let pairs: Vec<(String, String)> = pairs.iter().map(|(k, v)| ((*k).into(), (*v).into())).collect();
        move |name| pairs.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone())
    }

    #[test]
    fn the_locale_decides_in_posix_order() {
        assert_eq!(detect(None, env(&[("LANG", "zh_CN.UTF-8")])), Lang::Zh);
        assert_eq!(detect(None, env(&[("LANG", "C.UTF-8")])), Lang::En);
        assert_eq!(
            detect(None, env(&[("LC_ALL", "C"), ("LANG", "zh_CN.UTF-8")])),
            Lang::En
        );
        assert_eq!(
            detect(None, env(&[("LC_MESSAGES", "zh_TW.UTF-8"), ("LANG", "en_US")])),
            Lang::Zh
        );
        assert_eq!(
            detect(None, env(&[("LC_ALL", ""), ("LANG", "zh_CN.GB18030")])),
            Lang::Zh
        );
        assert_eq!(detect(None, env(&[("LANG", "de_DE.UTF-8")])), Lang::En);
    }

    #[test]
    fn the_flag_and_report_lang_override_the_locale() {
        let zh = env(&[("LANG", "zh_CN.UTF-8"), ("REPORT_LANG", "en")]);
        assert_eq!(detect(None, &zh), Lang::En);
        assert_eq!(detect(Some("zh"), &zh), Lang::Zh);
        assert_eq!(detect(Some("en"), env(&[("LANG", "zh_CN.UTF-8")])), Lang::En);
    }
}
