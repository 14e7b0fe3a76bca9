//! The catalogs built into the binary: one Fluent file per area and language.

use super::Lang;
use fluent_bundle::FluentResource;
use fluent_bundle::concurrent::FluentBundle;

/// Each area's catalog: its name, the English text, the Chinese text. A new area adds one
/// line here and one file in each of `locales/en/` and `locales/zh-CN/`.
macro_rules! catalogs {
    ($($name:literal),* $(,)?) => {
        &[$((
            $name,
            include_str!(concat!("../../locales/en/", $name, ".ftl")),
            include_str!(concat!("../../locales/zh-CN/", $name, ".ftl")),
        )),*]
    };
}

const FILES: &[(&str, &str, &str)] = catalogs![
    "common", "cli", "rules", "commands", "load", "watch", "import", "check", "schema", "fonts", "release"
];

fn sources(lang: Lang) -> impl Iterator<Item = (&'static str, &'static str)> {
    FILES.iter().map(move |(name, en, zh)| {
        (
            *name,
            match lang {
                Lang::Zh => *zh,
                Lang::En => *en,
            },
        )
    })
}

/// The bundle of `lang`. A catalog with a syntax error or a duplicate id (the tests keep
/// both from shipping) still gives every message that could be read.
pub fn bundle(lang: Lang) -> FluentBundle<FluentResource> {
    let id: unic_langid::LanguageIdentifier = lang.tag().parse().unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // Isolation marks (U+2068/U+2069) around each placeable would end up in files and
    // terminals; our placeables are file names, numbers and Chinese text, in one direction.
    bundle.set_use_isolating(false);
    for (_, text) in sources(lang) {
        let resource = match FluentResource::try_new(text.to_owned()) {
            Ok(r) => r,
            Err((r, _)) => r,
        };
        bundle.add_resource_overriding(resource);
    }
    bundle
}

fn resources(lang: Lang) -> Vec<(&'static str, FluentResource)> {
    sources(lang)
        .map(|(name, text)| {
            let resource = match FluentResource::try_new(text.to_owned()) {
                Ok(r) => r,
                Err((r, _)) => r,
            };
            (name, resource)
        })
        .collect()
}

/// Every message id of `lang`.
pub fn ids(lang: Lang) -> Vec<String> {
    let mut ids = Vec::new();
    for (_, resource) in resources(lang) {
        for entry in resource.entries() {
            if let fluent_syntax::ast::Entry::Message(m) = entry {
                ids.push(m.id.name.to_owned());
            }
        }
    }
    ids
}

/// Syntax errors, and ids given twice across the files of `lang`.
#[cfg(test)]
pub fn check(lang: Lang) -> Result<(), String> {
    let mut seen = std::collections::BTreeMap::new();
    for (name, text) in sources(lang) {
        if let Err((_, errors)) = FluentResource::try_new(text.to_owned()) {
            return Err(format!("{name}.ftl: {errors:?}"));
        }
        let resource = FluentResource::try_new(text.to_owned()).map_err(|_| name.to_owned())?;
        for entry in resource.entries() {
            if let fluent_syntax::ast::Entry::Message(m) = entry
                && let Some(other) = seen.insert(m.id.name.to_owned(), name)
            {
                return Err(format!("{} is in both {other}.ftl and {name}.ftl", m.id.name));
            }
        }
    }
    Ok(())
}

/// The variables message `id` of `lang` refers to.
#[cfg(test)]
pub fn variables(lang: Lang, id: &str) -> Vec<String> {
    use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};
    fn inline(e: &InlineExpression<&str>, out: &mut Vec<String>) {
        match e {
            InlineExpression::VariableReference { id } => out.push(id.name.to_owned()),
            InlineExpression::Placeable { expression } => expr(expression, out),
            InlineExpression::FunctionReference { arguments, .. } => {
                for a in &arguments.positional {
                    inline(a, out);
                }
            }
            _ => {}
        }
    }
    fn expr(e: &Expression<&str>, out: &mut Vec<String>) {
        match e {
            Expression::Inline(i) => inline(i, out),
            Expression::Select { selector, variants } => {
                inline(selector, out);
                for v in variants {
                    pattern(&v.value, out);
                }
            }
        }
    }
    fn pattern(p: &Pattern<&str>, out: &mut Vec<String>) {
        for el in &p.elements {
            if let PatternElement::Placeable { expression } = el {
                expr(expression, out);
            }
        }
    }
    let mut out = Vec::new();
    for (_, resource) in resources(lang) {
        for entry in resource.entries() {
            if let Entry::Message(m) = entry
                && m.id.name == id
                && let Some(p) = &m.value
            {
                pattern(p, &mut out);
            }
        }
    }
    out.sort();
    out.dedup();
    out
}

/// Every `tr!("id"` in `src/`, with where it is.
#[cfg(test)]
pub fn ids_used_in_source() -> Vec<(String, String)> {
    let re = regex::Regex::new(r#"tr!\(\s*"([A-Za-z0-9_-]+)""#).expect("pattern");
    let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut used = Vec::new();
    for entry in walkdir::WalkDir::new(&src).sort_by_file_name() {
        let Ok(entry) = entry else { continue };
        if entry.path().extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let Ok(text) = std::fs::read_to_string(entry.path()) else {
            continue;
        };
        for (n, line) in text.lines().enumerate() {
            // Comments show ids as examples.
            if line.trim_start().starts_with("//") {
                continue;
            }
            for c in re.captures_iter(line) {
                let site = format!(
                    "{}:{}",
                    entry.path().strip_prefix(&src).unwrap_or(entry.path()).display(),
                    n + 1
                );
                used.push((c[1].to_owned(), site));
            }
        }
    }
    used
}
