//! Guards the architecture: the dependency graph between the crate's top-level modules.
//!
//! A top-level module is a file `src/NAME.rs` or a folder `src/NAME/`. Two rules hold:
//!
//! 1. No import cycles between top-level modules. Without cycles each module can be understood,
//!    tested and changed on its own, and the pipeline still reads top to bottom.
//! 2. The library never reaches up into the command layer: `cmd` and `cli` are used only by each
//!    other and by `main.rs`. Library code that needs something from there should have it moved
//!    down into the library instead, or the library could not be used without the CLI.
//!
//! The check reads the source, not the compiled crate, with a small lexer rather than a Rust parser:
//! it blanks out comments and literals, drops `#[cfg(test)]` items (tests may reach anywhere), then
//! follows `crate::` paths (including `use` groups and `crate::name!` macro calls) and `super::` paths
//! that climb out to the crate root. It uses only std, so it costs nothing to build.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::fs;
use std::path::Path;

/// The command layer, and also the only top-level modules allowed to use it (besides `main.rs`,
/// which is a separate crate and so not part of the graph).
const COMMAND_LAYER: [&str; 2] = ["cmd", "cli"];

/// Keywords that start an item whose end the lexer can find (a `;` or a closing `}`), so a
/// `#[cfg(test)]` in front of one can drop the whole item.
const ITEM_KEYWORDS: &str =
    "mod use fn impl struct enum union const static trait type unsafe async extern macro_rules";

/// A place in `src/` that creates an edge.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Site {
    /// Relative to `src/`, with `/` separators.
    file: String,
    line: usize,
}

impl fmt::Display for Site {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "src/{}:{}", self.file, self.line)
    }
}

/// The dependency graph between top-level modules.
#[derive(Debug, Default)]
struct Graph {
    modules: BTreeSet<String>,
    /// (from, to) → every place that creates the edge, sorted. Never from a module to itself.
    edges: BTreeMap<(String, String), Vec<Site>>,
}

// ---------------------------------------------------------------------------------------------------
// Lexing

/// A token of the blanked source: an identifier (or number), `::`, or one punctuation character.
#[derive(Clone, Debug)]
struct Token {
    text: String,
    line: usize,
}

impl Token {
    fn new(text: impl Into<String>, line: usize) -> Self {
        Token {
            text: text.into(),
            line,
        }
    }

    fn is(&self, text: &str) -> bool {
        self.text == text
    }

    fn is_ident(&self) -> bool {
        self.text.starts_with(|c: char| c.is_alphabetic() || c == '_')
    }
}

/// Whether token `i` exists and is `text`.
fn at(t: &[Token], i: usize, text: &str) -> bool {
    t.get(i).is_some_and(|tok| tok.is(text))
}

fn is_ident_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Replaces comments (doc comments included) and string and char literals with spaces, keeping
/// newlines so line numbers survive. Literals must go too, not only for `"crate::x"` in a message:
/// a glob such as `"src/*.rs"` would otherwise open a block comment, and a `'{'` would unbalance the
/// braces that delimit a `#[cfg(test)]` module.
fn blank_comments_and_literals(src: &str) -> String {
    let c: Vec<char> = src.chars().collect();
    let mut out = String::with_capacity(src.len());
    let mut i = 0;
    while i < c.len() {
        if let Some(end) = comment_or_literal_end(&c, i) {
            out.extend(c[i..end].iter().map(|&ch| if ch == '\n' { '\n' } else { ' ' }));
            i = end;
        } else {
            out.push(c[i]);
            i += 1;
        }
    }
    out
}

/// If a comment or a literal starts at `i`, the index just after it.
fn comment_or_literal_end(c: &[char], i: usize) -> Option<usize> {
    match (c[i], c.get(i + 1)) {
        // The newline itself stays, so the next line starts clean.
        ('/', Some('/')) => Some(
            c[i..]
                .iter()
                .position(|&ch| ch == '\n')
                .map_or(c.len(), |n| i + n),
        ),
        ('/', Some('*')) => Some(block_comment_end(c, i)),
        ('"', _) => Some(string_end(c, i + 1)),
        ('\'', _) => char_literal_end(c, i),
        _ => raw_string_end(c, i),
    }
}

/// Block comments nest in Rust: `/* a /* b */ still a comment */`.
fn block_comment_end(c: &[char], start: usize) -> usize {
    let (mut depth, mut i) = (0, start);
    while i + 1 < c.len() {
        match (c[i], c[i + 1]) {
            ('/', '*') => depth += 1,
            ('*', '/') => depth -= 1,
            _ => {
                i += 1;
                continue;
            }
        }
        i += 2;
        if depth == 0 {
            return i;
        }
    }
    c.len()
}

/// The end of a (byte or C) string whose contents start at `i`: the first unescaped `"`.
fn string_end(c: &[char], mut i: usize) -> usize {
    while i < c.len() {
        match c[i] {
            '\\' => i += 2,
            '"' => return i + 1,
            _ => i += 1,
        }
    }
    c.len()
}

/// A char literal (`'x'`, `'\''`, `'\u{41}'`) starting at `i`; `None` for a lifetime or a label.
fn char_literal_end(c: &[char], i: usize) -> Option<usize> {
    if c.get(i + 1) == Some(&'\\') {
        // The escaped character may itself be a quote, so the search starts after it.
        return c
            .get(i + 3..)?
            .iter()
            .position(|&ch| ch == '\'')
            .map(|n| i + 3 + n + 1);
    }
    (c.get(i + 2) == Some(&'\'')).then_some(i + 3)
}

/// A raw string (`r"…"`, `r#"…"#`, `br"…"`, `cr"…"`) starting at `i`. They have no escapes, so
/// `r"\"` is complete and must not be read as an ordinary string.
fn raw_string_end(c: &[char], i: usize) -> Option<usize> {
    if i > 0 && is_ident_char(c[i - 1]) {
        return None;
    }
    let r = if matches!(c[i], 'b' | 'c') { i + 1 } else { i };
    if c.get(r) != Some(&'r') {
        return None;
    }
    let hashes = c[r + 1..].iter().take_while(|&&ch| ch == '#').count();
    let open = r + 1 + hashes;
    if c.get(open) != Some(&'"') {
        // `r#ident`, or just an identifier starting with r.
        return None;
    }
    let closing: Vec<char> = std::iter::once('"')
        .chain(std::iter::repeat_n('#', hashes))
        .collect();
    let end = (open + 1..c.len()).find(|&k| c[k..].starts_with(&closing));
    Some(end.map_or(c.len(), |k| k + closing.len()))
}

/// Splits blanked source into tokens. Numbers come out as identifier-like tokens, which is harmless:
/// no number is `crate`, `super` or `mod`.
fn tokenize(clean: &str) -> Vec<Token> {
    let c: Vec<char> = clean.chars().collect();
    let mut tokens = Vec::new();
    let (mut i, mut line) = (0, 1);
    while i < c.len() {
        let len = if c[i] == '\n' {
            line += 1;
            1
        } else if c[i].is_whitespace() {
            1
        } else if is_ident_char(c[i]) {
            let len = c[i..].iter().take_while(|&&ch| is_ident_char(ch)).count();
            tokens.push(Token::new(c[i..i + len].iter().collect::<String>(), line));
            len
        } else if c[i] == ':' && c.get(i + 1) == Some(&':') {
            tokens.push(Token::new("::", line));
            2
        } else {
            tokens.push(Token::new(c[i], line));
            1
        };
        i += len;
    }
    tokens
}

/// The index just after the bracket that closes the one at `open`. Comments and literals are gone,
/// so brackets balance; an unbalanced file just runs to the end.
fn after_matching_close(t: &[Token], open: usize) -> usize {
    let mut depth = 0usize;
    for (i, tok) in t.iter().enumerate().skip(open) {
        if is_opener(tok) {
            depth += 1;
        } else if is_closer(tok) {
            depth -= 1;
            if depth == 0 {
                return i + 1;
            }
        }
    }
    t.len()
}

fn is_opener(tok: &Token) -> bool {
    tok.is("{") || tok.is("(") || tok.is("[")
}

fn is_closer(tok: &Token) -> bool {
    tok.is("}") || tok.is(")") || tok.is("]")
}

// ---------------------------------------------------------------------------------------------------
// Test code

/// If an attribute (`#[…]` or `#![…]`) starts at `i`, the index just after it.
fn attribute_end(t: &[Token], i: usize) -> Option<usize> {
    if !at(t, i, "#") {
        return None;
    }
    let open = if at(t, i + 1, "!") { i + 2 } else { i + 1 };
    at(t, open, "[").then(|| after_matching_close(t, open))
}

fn is_cfg_test(attribute: &[Token]) -> bool {
    let words: Vec<&str> = attribute
        .iter()
        .map(|tok| tok.text.as_str())
        .filter(|&w| w != "!")
        .collect();
    words == ["#", "[", "cfg", "(", "test", ")", "]"]
}

/// A file once `#[cfg(test)]` code is gone.
#[derive(Default)]
struct WithoutTests {
    tokens: Vec<Token>,
    /// Names declared `#[cfg(test)] mod name;`: those modules' files are test-only as a whole.
    test_only_children: Vec<String>,
}

/// Drops `#[cfg(test)]` items (test modules, test-only imports and helpers): tests may reach
/// anywhere. A test module need not be at the end of its file: its braces delimit it. A
/// `#![cfg(test)]` at the top of a file makes the whole file test-only.
fn strip_test_code(t: &[Token]) -> WithoutTests {
    let mut kept = WithoutTests::default();
    let (mut i, mut depth) = (0, 0usize);
    while i < t.len() {
        if let Some(end) = attribute_end(t, i).filter(|&end| is_cfg_test(&t[i..end])) {
            if at(t, i + 1, "!") && depth == 0 {
                kept.tokens.clear();
                return kept;
            }
            i = test_item_end(t, end, &mut kept.test_only_children);
            continue;
        }
        if t[i].is("{") {
            depth += 1;
        } else if t[i].is("}") {
            depth = depth.saturating_sub(1);
        }
        kept.tokens.push(t[i].clone());
        i += 1;
    }
    kept
}

/// The end of the item after a `#[cfg(test)]` that ends just before `start`: the first `;` or the
/// closing `}` of its first brace block. Attributes on fields, match arms or statements are not
/// items; for those only the attribute is skipped, which at worst counts a test-only reference.
fn test_item_end(t: &[Token], start: usize, test_only_children: &mut Vec<String>) -> usize {
    let mut i = start;
    while let Some(end) = attribute_end(t, i) {
        i = end;
    }
    if at(t, i, "pub") {
        i += 1;
        if at(t, i, "(") {
            i = after_matching_close(t, i);
        }
    }
    if !t
        .get(i)
        .is_some_and(|tok| ITEM_KEYWORDS.split_whitespace().any(|keyword| tok.is(keyword)))
    {
        return start;
    }
    if at(t, i, "mod") && at(t, i + 2, ";") {
        test_only_children.push(t[i + 1].text.clone());
    }
    while i < t.len() {
        if t[i].is(";") {
            return i + 1;
        }
        if is_closer(&t[i]) {
            // The end of the enclosing block: the item was malformed; keep the brace.
            return i;
        }
        if is_opener(&t[i]) {
            let end = after_matching_close(t, i);
            if t[i].is("{") {
                return end;
            }
            i = end;
        } else {
            i += 1;
        }
    }
    t.len()
}

// ---------------------------------------------------------------------------------------------------
// References

/// A name at the crate root that code refers to: `crate::name`, a head of `crate::{…}`, or a
/// `super::…::name` that climbs to the root.
#[derive(Debug)]
struct RootRef {
    name: String,
    line: usize,
    /// `crate::name!(…)`: a `#[macro_export]` macro, which lives at the root whatever module defines it.
    macro_call: bool,
}

/// The module path of a file under `src/` (`model/validate/mod.rs` → `[model, validate]`), empty
/// for the crate root `lib.rs`. `None` for `main.rs` and `src/bin/`, which are separate crates.
fn module_path(file: &str) -> Option<Vec<String>> {
    let mut parts: Vec<String> = file.strip_suffix(".rs")?.split('/').map(String::from).collect();
    if parts.last().is_some_and(|last| last == "mod") {
        parts.pop();
    }
    match parts.as_slice() {
        [only] if only == "lib" => Some(Vec::new()),
        [only] if only == "main" => None,
        [first, _, ..] if first == "bin" => None,
        _ => Some(parts),
    }
}

/// Every root-level name the code of a file (module path `module`) refers to.
fn root_refs(module: &[String], t: &[Token]) -> Vec<RootRef> {
    let mut scope = InlineModules {
        path: module.to_vec(),
        ..Default::default()
    };
    let mut refs = Vec::new();
    for i in 0..t.len() {
        scope.step(t, i);
        if t[i].is("crate") && at(t, i + 1, "::") {
            // Covers `$crate::` in macro bodies too: the macro is this crate's.
            refs.extend(path_heads(t, i + 2));
        } else if t[i].is("super") && !(i > 0 && t[i - 1].is("::")) {
            let mut j = i;
            while at(t, j, "super") && at(t, j + 1, "::") {
                j += 2;
            }
            // Each `super` climbs one module; only a path that reaches the root names another
            // top-level module (in `src/x/y.rs`, `super::` is still `x`).
            let climbs = (j - i) / 2;
            if climbs > 0 && climbs == scope.path.len() {
                refs.extend(path_heads(t, j));
            }
        }
    }
    refs
}

/// Tracks inline `mod name { … }` blocks, so that `super` is resolved from the module it is
/// written in, not the file's.
#[derive(Default)]
struct InlineModules {
    path: Vec<String>,
    depth: usize,
    /// The brace depth just inside each open inline module.
    open: Vec<usize>,
}

impl InlineModules {
    fn step(&mut self, t: &[Token], i: usize) {
        if t[i].is("{") {
            self.depth += 1;
            if i >= 2 && t[i - 2].is("mod") && t[i - 1].is_ident() {
                self.path.push(t[i - 1].text.clone());
                self.open.push(self.depth);
            }
        } else if t[i].is("}") {
            if self.open.last() == Some(&self.depth) {
                self.open.pop();
                self.path.pop();
            }
            self.depth = self.depth.saturating_sub(1);
        }
    }
}

/// The root-level names a path continues with at `j`, just after `crate::` or a climb to the
/// root: one name, or the head of every item of a group (`{a::b, c}` names `a` and `c`).
fn path_heads(t: &[Token], j: usize) -> Vec<RootRef> {
    match t.get(j) {
        Some(tok) if tok.is("{") => group_heads(t, j),
        Some(tok) if tok.is_ident() => {
            let macro_call = at(t, j + 1, "!") && !at(t, j + 2, "=");
            vec![RootRef {
                name: tok.text.clone(),
                line: tok.line,
                macro_call,
            }]
        }
        // `*` (a glob of the root) and anything else names no module.
        _ => Vec::new(),
    }
}

/// The heads of the items of the use group opening at `open`. Groups nested after a name
/// (`a::{b, c}`) are below the root and skipped; a bare nested group (`{{a, b}}`) is still at it.
fn group_heads(t: &[Token], open: usize) -> Vec<RootRef> {
    let close = after_matching_close(t, open) - 1;
    let mut heads = Vec::new();
    let (mut j, mut item_start) = (open + 1, true);
    while j < close {
        if item_start {
            heads.extend(path_heads(t, j));
        }
        item_start = t[j].is(",");
        j = if is_opener(&t[j]) {
            after_matching_close(t, j)
        } else {
            j + 1
        };
    }
    heads
}

/// `#[macro_export] macro_rules! name` definitions in a file. Such macros live at the crate root, so
/// `crate::name!` is really a use of the module that defines them.
fn exported_macros(t: &[Token]) -> Vec<String> {
    let mut names = Vec::new();
    for i in 0..t.len() {
        if !(at(t, i, "#") && at(t, i + 1, "[") && at(t, i + 2, "macro_export")) {
            continue;
        }
        let mut j = i;
        while let Some(end) = attribute_end(t, j) {
            j = end;
        }
        if at(t, j, "macro_rules") && at(t, j + 1, "!") && t.get(j + 2).is_some_and(Token::is_ident) {
            names.push(t[j + 2].text.clone());
        }
    }
    names
}

// ---------------------------------------------------------------------------------------------------
// The graph

/// One source file, lexed, without its test code.
struct ParsedFile {
    file: String,
    module: Vec<String>,
    code: WithoutTests,
}

impl ParsedFile {
    /// Only meaningful for library files, whose module path is not empty.
    fn top_level(&self) -> &String {
        &self.module[0]
    }
}

fn parse_file(file: &str, text: &str) -> Option<ParsedFile> {
    let module = module_path(file)?;
    let code = strip_test_code(&tokenize(&blank_comments_and_literals(text)));
    Some(ParsedFile {
        file: file.to_string(),
        module,
        code,
    })
}

/// Builds the graph from `(path relative to src/, text)` pairs. `lib.rs` is read only for
/// `#[cfg(test)] mod name;`; `main.rs` not at all.
fn build_graph(files: &[(String, String)]) -> Graph {
    let parsed: Vec<ParsedFile> = files
        .iter()
        .filter_map(|(file, text)| parse_file(file, text))
        .collect();
    let test_only = test_only_modules(&parsed);
    let library: Vec<&ParsedFile> = parsed
        .iter()
        .filter(|p| !p.module.is_empty() && !test_only.iter().any(|t| p.module.starts_with(t)))
        .collect();
    let macros = exported_macro_modules(&library);

    let mut graph = Graph {
        modules: library.iter().map(|p| p.top_level().clone()).collect(),
        ..Graph::default()
    };
    for p in library {
        let from = p.top_level();
        for r in root_refs(&p.module, &p.code.tokens) {
            let Some(to) = resolve(&r, &graph.modules, &macros) else {
                continue;
            };
            if to != *from {
                let site = Site {
                    file: p.file.clone(),
                    line: r.line,
                };
                graph.edges.entry((from.clone(), to)).or_default().push(site);
            }
        }
    }
    graph.edges.values_mut().for_each(|sites| sites.sort());
    graph
}

/// The module paths declared `#[cfg(test)] mod name;`, whose files (and submodules) are test code.
fn test_only_modules(parsed: &[ParsedFile]) -> Vec<Vec<String>> {
    let mut paths = Vec::new();
    for p in parsed {
        let child_path = |child| [&p.module[..], std::slice::from_ref(child)].concat();
        paths.extend(p.code.test_only_children.iter().map(child_path));
    }
    paths
}

/// Each `#[macro_export]` macro's name → the top-level module that defines it.
fn exported_macro_modules(library: &[&ParsedFile]) -> BTreeMap<String, String> {
    let mut macros = BTreeMap::new();
    for p in library {
        for name in exported_macros(&p.code.tokens) {
            macros.insert(name, p.top_level().clone());
        }
    }
    macros
}

/// The top-level module a root-level name belongs to, if any (it may be an item re-exported by
/// `lib.rs`, or not exist at all).
fn resolve(r: &RootRef, modules: &BTreeSet<String>, macros: &BTreeMap<String, String>) -> Option<String> {
    if r.macro_call {
        return macros.get(&r.name).cloned();
    }
    // `use crate::out;` imports the macro without calling it.
    modules.get(&r.name).or_else(|| macros.get(&r.name)).cloned()
}

/// The modules reachable from `from` along edges, `from` excluded unless on a cycle.
fn reachable<'g>(graph: &'g Graph, from: &str) -> BTreeSet<&'g str> {
    let mut seen = BTreeSet::new();
    let mut todo = vec![from];
    while let Some(module) = todo.pop() {
        for ((_, to), _) in graph.edges.iter().filter(|((f, _), _)| f == module) {
            if seen.insert(to.as_str()) {
                todo.push(to);
            }
        }
    }
    seen
}

/// The strongly connected components with more than one module, each sorted. There are a handful
/// of modules, so mutual reachability is fast enough, and simpler to read than Tarjan's algorithm.
fn cycles(graph: &Graph) -> Vec<BTreeSet<String>> {
    let reach: BTreeMap<&str, BTreeSet<&str>> = graph
        .modules
        .iter()
        .map(|m| (m.as_str(), reachable(graph, m)))
        .collect();
    let mut found: Vec<BTreeSet<String>> = Vec::new();
    for (module, from_here) in &reach {
        if found.iter().any(|c| c.contains(*module)) {
            continue;
        }
        let component: BTreeSet<String> = from_here
            .iter()
            .filter(|other| reach[*other].contains(module))
            .map(ToString::to_string)
            .collect();
        if component.len() > 1 {
            found.push(component);
        }
    }
    found
}

/// Uses of the command layer from outside it: (from, to, site), every site.
fn command_layer_uses(graph: &Graph) -> Vec<(&str, &str, &Site)> {
    let in_layer = |m: &str| COMMAND_LAYER.contains(&m);
    graph
        .edges
        .iter()
        .filter(|((from, to), _)| !in_layer(from) && in_layer(to))
        .flat_map(|((from, to), sites)| sites.iter().map(move |site| (from.as_str(), to.as_str(), site)))
        .collect()
}

/// A developer's view of the cycles: the modules, and each edge among them with a place to cut it.
fn describe_cycles(graph: &Graph, cycles: &[BTreeSet<String>]) -> String {
    let mut lines = vec![format!(
        "{} import cycle(s) between top-level modules. Each module should be understandable and \
         changeable on its own: break every cycle, e.g. by moving the shared item down into the \
         module that others build on.",
        cycles.len()
    )];
    for cycle in cycles {
        let names: Vec<&str> = cycle.iter().map(String::as_str).collect();
        lines.push(format!("\ncycle among: {}", names.join(", ")));
        let inside = graph
            .edges
            .iter()
            .filter(|((from, to), _)| cycle.contains(from) && cycle.contains(to));
        for ((from, to), sites) in inside {
            let more = match sites.len() {
                1 => String::new(),
                n => format!(" (and {} more)", n - 1),
            };
            lines.push(format!("  {from} -> {to}: {}{more}", sites[0]));
        }
    }
    lines.join("\n") + "\n"
}

fn describe_command_layer_uses(uses: &[(&str, &str, &Site)]) -> String {
    let mut lines = vec![format!(
        "the library must not use the command layer ({}): move what it needs down into the library.",
        COMMAND_LAYER.join(", ")
    )];
    lines.extend(
        uses.iter()
            .map(|(from, to, site)| format!("  {from} -> {to}: {site}")),
    );
    lines.join("\n") + "\n"
}

// ---------------------------------------------------------------------------------------------------
// The real tree

/// Every `.rs` file under `src/`, as (path relative to `src/` with `/` separators, text), sorted.
fn source_tree() -> Vec<(String, String)> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    collect_rust_files(&src, &src, &mut files);
    files.sort();
    files
}

fn collect_rust_files(src: &Path, dir: &Path, files: &mut Vec<(String, String)>) {
    let entries = fs::read_dir(dir).unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()));
    for entry in entries {
        let path = entry.expect("a readable directory entry").path();
        if path.is_dir() {
            collect_rust_files(src, &path, files);
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            let relative = path.strip_prefix(src).expect("files under src/ are below it");
            let parts: Vec<String> = relative
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            let text =
                fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
            files.push((parts.join("/"), text));
        }
    }
}

fn real_graph() -> Graph {
    let graph = build_graph(&source_tree());
    // A layout the reader no longer understands would make every check pass without checking.
    assert!(
        graph.modules.len() > 1 && !graph.edges.is_empty(),
        "found no dependencies between library modules under src/: has the layout changed?"
    );
    graph
}

#[test]
fn no_import_cycles_between_top_level_modules() {
    let graph = real_graph();
    let cycles = cycles(&graph);
    assert!(cycles.is_empty(), "{}", describe_cycles(&graph, &cycles));
}

#[test]
fn library_does_not_use_the_command_layer() {
    let graph = real_graph();
    let uses = command_layer_uses(&graph);
    assert!(uses.is_empty(), "{}", describe_command_layer_uses(&uses));
}

// ---------------------------------------------------------------------------------------------------
// The parser, on small sources

/// A graph of in-memory files; every module in `modules` exists as `src/NAME.rs` (with an empty
/// body unless `files` gives one), so that references to it resolve.
fn graph_of(modules: &[&str], files: &[(&str, &str)]) -> Graph {
    let mut all: Vec<(String, String)> = files
        .iter()
        .map(|(f, t)| (f.to_string(), t.to_string()))
        .collect();
    for module in modules {
        let declared = |(f, _): &(String, String)| f.split(['/', '.']).next() == Some(module);
        if !all.iter().any(declared) {
            all.push((format!("{module}.rs"), String::new()));
        }
    }
    build_graph(&all)
}

/// The edges as `from->to` strings, for compact assertions.
fn edges(graph: &Graph) -> Vec<String> {
    graph
        .edges
        .keys()
        .map(|(from, to)| format!("{from}->{to}"))
        .collect()
}

fn lines(graph: &Graph, from: &str, to: &str) -> Vec<usize> {
    graph
        .edges
        .get(&(from.to_string(), to.to_string()))
        .map_or(Vec::new(), |s| s.iter().map(|s| s.line).collect())
}

#[test]
fn plain_and_pub_use_and_inline_paths_are_edges() {
    let src = "use crate::a::Thing;\npub use crate::b::{self};\nfn f() { crate::c::go(); }\n";
    let graph = graph_of(&["a", "b", "c"], &[("x.rs", src)]);
    assert_eq!(edges(&graph), ["x->a", "x->b", "x->c"]);
    assert_eq!(lines(&graph, "x", "c"), [3]);
}

#[test]
fn grouped_use_counts_each_head() {
    let graph = graph_of(&["a", "b", "c"], &[("x.rs", "use crate::{a::Thing, b, self};")]);
    assert_eq!(edges(&graph), ["x->a", "x->b"]);
}

#[test]
fn nested_braces_and_multi_line_use_count_only_root_heads() {
    let src = "use crate::{\n    a::{b, c::{d}},\n    e,\n    {f, g::h},\n};\n";
    let graph = graph_of(&["a", "b", "c", "d", "e", "f", "g", "h"], &[("x.rs", src)]);
    assert_eq!(edges(&graph), ["x->a", "x->e", "x->f", "x->g"]);
    assert_eq!(lines(&graph, "x", "e"), [3]);
}

#[test]
fn super_counts_only_when_it_climbs_to_the_root() {
    let files = [
        // From `x::y::z`, two climbs reach `x`: still inside x.
        (
            "x/y/z.rs",
            "use super::super::y::Q;\nuse super::super::super::a::T;",
        ),
        // From `x::y`, `super` is `x` itself; `super::super` is the root.
        ("x/y.rs", "use super::Local;\nfn f() { super::super::b::go() }"),
        // From the top-level `w`, `super` is the root.
        ("w.rs", "use super::{c, w::Own};"),
    ];
    let graph = graph_of(&["a", "b", "c"], &files);
    assert_eq!(edges(&graph), ["w->c", "x->a", "x->b"]);
    assert_eq!(lines(&graph, "x", "b"), [2]);
}

#[test]
fn super_is_resolved_from_inline_modules() {
    let files = [
        (
            "x/mod.rs",
            "mod inner {\n    use super::super::a::T;\n}\nuse super::b::U;",
        ),
        ("x/y.rs", "mod inner { use super::super::Sibling; }"),
    ];
    let graph = graph_of(&["a", "b"], &files);
    assert_eq!(edges(&graph), ["x->a", "x->b"]);
}

#[test]
fn comments_and_strings_do_not_count() {
    let src = r##"//! crate::a in a module doc
/// crate::a in an item doc
// use crate::a;
/* crate::a /* nested */ crate::a */
/** crate::a */
const GLOB: &str = "src/*.rs crate::a";
const RAW: &str = r"\";
const HASHED: &str = r#"crate::a "quoted" "#;
const QUOTE: char = '"';
fn f<'a>(s: &'a str) -> &'a str { crate::b::id(s) } // crate::a
"##;
    let graph = graph_of(&["a", "b"], &[("x.rs", src)]);
    assert_eq!(edges(&graph), ["x->b"]);
    assert_eq!(lines(&graph, "x", "b"), [10]);
}

#[test]
fn cfg_test_code_is_skipped() {
    let src = "use crate::a::A;

#[cfg(test)]
use crate::t::Helper;

#[cfg(test)]
#[allow(dead_code)]
pub(crate) mod middle {
    const OPEN: char = '{';
    use crate::t::Inner;
}

fn f() { crate::b::go() }

#[cfg(test)]
mod tests {
    use super::*;
    use crate::t::Fixture;
    #[test]
    fn x() { crate::t::check(\"}\") }
}
";
    let graph = graph_of(&["a", "b", "t"], &[("x.rs", src)]);
    assert_eq!(edges(&graph), ["x->a", "x->b"]);
}

#[test]
fn cfg_test_files_are_skipped() {
    let files = [
        ("lib.rs", "pub mod x;\n#[cfg(test)]\nmod support;"),
        ("support.rs", "use crate::x::X;"),
        ("x.rs", "#[cfg(test)]\nmod fixtures;"),
        ("x/fixtures.rs", "use crate::a::A;"),
        ("y.rs", "#![cfg(test)]\nuse crate::a::A;"),
    ];
    let graph = graph_of(&["a"], &files);
    assert_eq!(edges(&graph), Vec::<String>::new());
    assert!(!graph.modules.contains("support"));
}

#[test]
fn exported_macro_is_an_edge_to_its_module() {
    let files = [
        (
            "m/mod.rs",
            "#[macro_export]\n#[doc(hidden)]\nmacro_rules! out { () => { $crate::m::f() } }",
        ),
        ("x.rs", "fn f() {\n    crate::out!(\"hi\");\n}"),
        ("y.rs", "use crate::out;"),
        // A name that is neither a module nor an exported macro is an item re-exported by lib.rs.
        ("z.rs", "crate::other!(); use crate::Item;"),
    ];
    let graph = graph_of(&[], &files);
    assert_eq!(edges(&graph), ["x->m", "y->m"]);
    assert_eq!(lines(&graph, "x", "m"), [2]);
}

#[test]
fn main_and_lib_are_not_modules() {
    let files = [
        ("main.rs", "use report::cmd;"),
        ("lib.rs", "pub mod cmd;"),
        ("cmd.rs", ""),
    ];
    let graph = graph_of(&[], &files);
    assert_eq!(graph.modules, BTreeSet::from(["cmd".to_string()]));
}

#[test]
fn cycles_are_strongly_connected_components_without_self_loops() {
    let files = [
        ("a.rs", "use crate::b; use crate::a::Own;"),
        ("b.rs", "use crate::c;"),
        ("c.rs", "use crate::a;\nuse crate::d;"),
        ("d.rs", "use crate::e;"),
        ("e.rs", "use crate::d;"),
        ("f.rs", "use crate::a;"),
    ];
    let graph = graph_of(&[], &files);
    let found = cycles(&graph);
    let as_vecs: Vec<Vec<&str>> = found
        .iter()
        .map(|c| c.iter().map(String::as_str).collect())
        .collect();
    assert_eq!(as_vecs, [vec!["a", "b", "c"], vec!["d", "e"]]);
    let text = describe_cycles(&graph, &found);
    assert!(text.contains("  c -> a: src/c.rs:1\n"), "{text}");
    assert!(!text.contains("f ->"), "{text}");
}

#[test]
fn only_the_command_layer_may_use_the_command_layer() {
    let files = [
        ("cmd/mod.rs", "use crate::cli::Args;"),
        ("cli.rs", "use crate::cmd::run;"),
        ("lib2.rs", "use crate::model;\n\nuse crate::cmd::{self, run};"),
        ("model.rs", ""),
    ];
    let graph = graph_of(&[], &files);
    let uses = command_layer_uses(&graph);
    assert_eq!(uses.len(), 1);
    assert_eq!(
        (uses[0].0, uses[0].1, uses[0].2.to_string()),
        ("lib2", "cmd", "src/lib2.rs:3".into())
    );
}
