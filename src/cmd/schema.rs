//! `report schema`: the JSON Schema of the report YAML, for editors' completion, hover and
//! checking (yaml-language-server, which VS Code's YAML extension runs).
//!
//! The schema is schemars' from the loader's own serde types, with three changes made on
//! the generated schema, never on its text:
//! - no `"default": null` (schemars writes one for each `#[serde(default)]` `Option`):
//!   yaml-language-server stops offering keys at the first property whose default is null,
//!   so at the top level only a few keys were offered;
//! - `tables` has the shape of the report's `format`: Tables2019 for `trial_2019`, Tables2021
//!   otherwise (as `formats::parse` reads it), by `if`/`then`/`else` on `format`, so that
//!   completion inside `tables:` offers the keys of that format only;
//! - every description comes from the catalogs (`locales/*/schema.ftl`), in the run's
//!   language, by an id made from where it stands: `schema-Report` for the report itself,
//!   `schema-Part` for a definition, `schema-Part-heading` for a property of one (nested
//!   properties add their names, `anyOf`/`oneOf` branches add nothing), and
//!   `schema-Format-1` for the second constant of an enumeration. The maintainers' doc
//!   comments on the Rust types stay in English and are not shown.

use super::{Outcome, exit};
use crate::cli::SchemaArgs;
use crate::formats::Report;
use crate::formats::standard2021::Tables2021;
use crate::formats::trial2019::Tables2019;
use crate::i18n::Lang;
use schemars::generate::SchemaSettings;
use schemars::transform::RecursiveTransform;
use serde_json::{Value, json};

/// The file name `report init` writes the schema to, beside the new report, and names in
/// the report's first line.
pub const FILE_NAME: &str = "report.schema.json";

pub fn run(args: &SchemaArgs) -> Outcome {
    let text = text(crate::i18n::current())?;
    match &args.output {
        Some(path) => {
            write(path, &text)?;
            crate::result!("{}", path.display());
        }
        None => crate::out!("{text}"),
    }
    Ok(exit::OK)
}

/// Writes the schema (as [`text`] made it) to `path`, whole or not at all.
pub fn write(path: &std::path::Path, text: &str) -> Result<(), crate::error::Error> {
    crate::write::write_atomic(path, format!("{text}\n").as_bytes())
}

/// The schema of `lang`, printed.
pub fn text(lang: Lang) -> Result<String, crate::error::Error> {
    serde_json::to_string_pretty(&schema(lang))
        .map_err(|e| crate::error::Error::Bug(format!("cannot print the schema: {e}")))
}

/// Removes `"default": null` from a schema (its subschemas are reached by
/// [`RecursiveTransform`]).
fn drop_null_default(schema: &mut schemars::Schema) {
    if schema.get("default").is_some_and(Value::is_null) {
        schema.remove("default");
    }
}

/// The JSON Schema of a report, its descriptions in `lang`.
pub fn schema(lang: Lang) -> Value {
    let mut generator = SchemaSettings::draft2020_12()
        .with_transform(RecursiveTransform(drop_null_default))
        .into_generator();
    let root = generator.root_schema_for::<Report>();
    // Both shapes of tables are in $defs already (through `Tables`); these are their refs.
    let tables_2021 = generator.subschema_for::<Tables2021>();
    let tables_2019 = generator.subschema_for::<Tables2019>();
    let mut root = root.to_value();
    tables_by_format(&mut root, tables_2021.to_value(), tables_2019.to_value());
    describe(&mut root, lang);
    root
}

/// `tables` as the report's `format` reads it (see `formats::parse`): the 2019 tables for
/// `trial_2019`, those of 2021 for `standard_2021`, `free_form` or no `format`.
fn tables_by_format(root: &mut Value, tables_2021: Value, tables_2019: Value) {
    let Some(object) = root.as_object_mut() else {
        return;
    };
    if let Some(tables) = object.get_mut("properties").and_then(|p| p.get_mut("tables")) {
        // Any mapping here, or null; its keys are those of the branch below. (Written as
        // this `anyOf`, the editor merges this completion and the branch's into one.)
        *tables = json!({ "anyOf": [{ "type": "object" }, { "type": "null" }] });
    }
    let shaped =
        |tables: Value| json!({ "properties": { "tables": { "anyOf": [tables, { "type": "null" }] } } });
    object.insert(
        "if".into(),
        json!({ "properties": { "format": { "const": "trial_2019" } }, "required": ["format"] }),
    );
    object.insert("then".into(), shaped(tables_2019));
    object.insert("else".into(), shaped(tables_2021));
    // `Tables`, the union of both, is no longer referred to.
    if let Some(defs) = object.get_mut("$defs").and_then(Value::as_object_mut) {
        defs.remove("Tables");
    }
}

/// Where a description goes, and the catalog id it is read from.
pub fn description_ids(root: &Value) -> Vec<String> {
    let mut ids = Vec::new();
    each_described(root, &mut |id, _| ids.push(id.to_owned()));
    ids
}

/// Replaces every description with the catalog's text of `lang`; a place the catalog has
/// no text for has none (a test keeps that from shipping), so schemars' English never shows.
fn describe(root: &mut Value, lang: Lang) {
    strip_descriptions(root);
    let mut places = Vec::new();
    each_described(root, &mut |id, pointer| {
        places.push((id.to_owned(), pointer.to_owned()));
    });
    for (id, pointer) in places {
        if !crate::i18n::has(lang, &id) {
            continue;
        }
        let text = crate::i18n::text_in(lang, &id, &[]);
        if let Some(Value::Object(o)) = root.pointer_mut(&pointer) {
            o.insert("description".into(), Value::String(text));
        }
    }
    if let Some(o) = root.as_object_mut() {
        o.insert(
            "title".into(),
            Value::String(crate::i18n::text_in(lang, "schema-title", &[])),
        );
    }
}

fn strip_descriptions(value: &mut Value) {
    match value {
        Value::Object(o) => {
            o.remove("description");
            for v in o.values_mut() {
                strip_descriptions(v);
            }
        }
        Value::Array(a) => a.iter_mut().for_each(strip_descriptions),
        _ => {}
    }
}

/// Calls `f(id, JSON pointer)` for each place that has a description: the root, each
/// definition, each property, each constant of an enumeration.
fn each_described(root: &Value, f: &mut dyn FnMut(&str, &str)) {
    f("schema-Report", "");
    walk(root, "schema-Report", "", f);
    if let Some(defs) = root.get("$defs").and_then(Value::as_object) {
        for (name, def) in defs {
            let id = format!("schema-{name}");
            let pointer = format!("/$defs/{}", escape(name));
            f(&id, &pointer);
            walk(def, &id, &pointer, f);
        }
    }
}

fn walk(schema: &Value, id: &str, pointer: &str, f: &mut dyn FnMut(&str, &str)) {
    let Some(object) = schema.as_object() else {
        return;
    };
    if let Some(properties) = object.get("properties").and_then(Value::as_object) {
        for (name, property) in properties {
            let id = format!("{id}-{name}");
            let pointer = format!("{pointer}/properties/{}", escape(name));
            f(&id, &pointer);
            walk(property, &id, &pointer, f);
        }
    }
    for key in ["anyOf", "oneOf", "allOf"] {
        for (i, branch) in object
            .get(key)
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .enumerate()
        {
            let pointer = format!("{pointer}/{key}/{i}");
            if branch.get("const").is_some() {
                f(&format!("{id}-{i}"), &pointer);
            }
            walk(branch, id, &pointer, f);
        }
    }
    // `then` and `else` give only the shape of `tables`, described where it is listed.
    if let Some(items) = object.get("items") {
        walk(items, id, &format!("{pointer}/items"), f);
    }
}

/// A JSON pointer's escaping of one key.
fn escape(key: &str) -> String {
    key.replace('~', "~0").replace('/', "~1")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn descriptions(schema: &Value, out: &mut Vec<String>) {
        match schema {
            Value::Object(o) => {
                if let Some(Value::String(d)) = o.get("description") {
                    out.push(d.clone());
                }
                o.values().for_each(|v| descriptions(v, out));
            }
            Value::Array(a) => a.iter().for_each(|v| descriptions(v, out)),
            _ => {}
        }
    }

    /// Every property of every object in the schema, with where it is.
    fn properties(schema: &Value, at: &str, out: &mut Vec<(String, Value)>) {
        match schema {
            Value::Object(o) => {
                for (k, v) in o {
                    let here = format!("{at}/{k}");
                    if k == "properties"
                        && let Value::Object(props) = v
                    {
                        for (name, p) in props {
                            out.push((format!("{here}/{name}"), p.clone()));
                        }
                    }
                    properties(v, &here, out);
                }
            }
            Value::Array(a) => {
                for (i, v) in a.iter().enumerate() {
                    properties(v, &format!("{at}/{i}"), out);
                }
            }
            _ => {}
        }
    }

    /// The keys and the enumerated values of the YAML.
    fn yaml_words(schema: &Value) -> std::collections::BTreeSet<String> {
        let mut words = std::collections::BTreeSet::new();
        let mut props = Vec::new();
        properties(schema, "", &mut props);
        for (at, _) in props {
            words.extend(at.rsplit('/').next().map(str::to_owned));
        }
        fn values(v: &Value, out: &mut std::collections::BTreeSet<String>) {
            match v {
                Value::Object(o) => {
                    if let Some(Value::String(c)) = o.get("const") {
                        out.insert(c.clone());
                    }
                    if let Some(Value::Array(e)) = o.get("enum") {
                        out.extend(e.iter().filter_map(Value::as_str).map(str::to_owned));
                    }
                    o.values().for_each(|v| values(v, out));
                }
                Value::Array(a) => a.iter().for_each(|v| values(v, out)),
                _ => {}
            }
        }
        values(schema, &mut words);
        words.insert("true".into());
        words
    }

    #[test]
    fn every_place_has_a_description_in_both_languages() {
        let ids = description_ids(&schema(Lang::En));
        assert!(ids.len() > 150, "{}", ids.len());
        for lang in Lang::ALL {
            let missing: Vec<_> = ids.iter().filter(|id| !crate::i18n::has(lang, id)).collect();
            assert!(missing.is_empty(), "{lang:?}: no text for {missing:?}");
        }
        // Each property the editor completes shows one (the `then`/`else` ones are the
        // top-level `tables`, described where it is listed).
        for lang in Lang::ALL {
            let schema = schema(lang);
            let mut props = Vec::new();
            properties(&schema, "", &mut props);
            for (at, p) in props {
                let inline = at.starts_with("/then/") || at.starts_with("/else/") || at.starts_with("/if/");
                assert!(
                    inline || p.get("description").is_some_and(Value::is_string),
                    "{lang:?}: {at} has no description"
                );
            }
        }
    }

    #[test]
    fn the_catalog_has_no_description_the_schema_does_not_use() {
        let ids = description_ids(&schema(Lang::En));
        let unused: Vec<_> = crate::i18n::ids(Lang::En)
            .into_iter()
            .filter(|id| id.starts_with("schema-") && id != "schema-title")
            .filter(|id| !ids.contains(id))
            .collect();
        assert!(unused.is_empty(), "{unused:?}");
    }

    #[test]
    fn the_chinese_schema_is_all_chinese_and_the_english_all_english() {
        let han = |s: &str| s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
        let mut zh = Vec::new();
        descriptions(&schema(Lang::Zh), &mut zh);
        let yaml_words = yaml_words(&schema(Lang::En));
        let mut en = Vec::new();
        descriptions(&schema(Lang::En), &mut en);
        assert_eq!(zh.len(), en.len());
        for (z, e) in zh.iter().zip(&en) {
            assert!(han(z), "not Chinese: {z}");
            assert_ne!(z, e, "the same in both languages: {z}");
            // No English but the YAML's own words (its keys and values) and names.
            let english: Vec<_> = z
                .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                .filter(|w| w.chars().any(|c| c.is_ascii_alphabetic()) && !yaml_words.contains(*w))
                // Names and rule ids: YAML, GB/T, YYYY-MM-DD, P-SUBITEMS.
                .filter(|w| w.chars().any(|c| c.is_ascii_lowercase()))
                .collect();
            assert!(
                english.is_empty(),
                "English {english:?} in the Chinese schema: {z}"
            );
        }
        assert_eq!(schema(Lang::Zh)["title"], "政府信息公开工作年度报告");
    }

    #[test]
    fn no_null_defaults_and_tables_follow_the_format() {
        let s = schema(Lang::En);
        let text = serde_json::to_string(&s).unwrap();
        assert!(!text.contains("\"default\":null"), "{text}");
        assert!(s["$defs"].get("Tables").is_none());
        assert_eq!(
            s["then"]["properties"]["tables"]["anyOf"][0]["$ref"],
            "#/$defs/Tables2019"
        );
        assert_eq!(
            s["else"]["properties"]["tables"]["anyOf"][0]["$ref"],
            "#/$defs/Tables2021"
        );
        // Defaults that are not null stay.
        assert_eq!(s["$defs"]["FullCell"]["properties"]["colspan"]["default"], 1);
    }

    /// An enumeration's values are described by position (`schema-Format-1`: Fluent ids
    /// cannot hold 「1、」 or 「（1）」), so the order is pinned here: reordering a Rust enum
    /// fails this test, which says to move the descriptions in `locales/*/schema.ftl` with it.
    #[test]
    fn the_values_described_by_position_are_in_the_order_the_catalogs_describe() {
        let s = schema(Lang::En);
        let consts = |def: &str| -> Vec<String> {
            let d = &s["$defs"][def];
            ["oneOf", "anyOf"]
                .iter()
                .filter_map(|k| d[*k].as_array())
                .flatten()
                .filter_map(|b| b["const"].as_str().map(str::to_owned))
                .collect()
        };
        assert_eq!(
            consts("Format"),
            ["free_form", "standard_2021", "trial_2019"],
            "move schema-Format-N with the enum"
        );
        assert_eq!(
            consts("IssuerKind"),
            ["government", "department"],
            "move schema-IssuerKind-N with the enum"
        );
        assert_eq!(
            consts("Numbering"),
            ["1.", "1、", "（1）", "①"],
            "move schema-Numbering-N with the enum"
        );
        // And each description names its value's meaning: spot-check that they line up.
        let described = |id: &str| crate::i18n::text_in(Lang::En, id, &[]);
        assert!(described("schema-Format-2").contains("2019"));
        assert!(described("schema-IssuerKind-1").contains("department"));
        assert!(described("schema-Numbering-1").contains("1、"));
        assert!(described("schema-Numbering-3").contains("①"));
    }
}
