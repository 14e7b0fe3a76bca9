//! The command line, as clap definitions only, and their conversion into the library's
//! option types; `cmd` holds what each command does.

use crate::fonts::FontOptions;
use crate::render::{DocxOptions, Format, PdfOptions, PdfStandard, RenderOptions};
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

#[derive(Debug, Parser)]
#[command(name = "report", version)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,

    #[command(flatten)]
    pub global: GlobalArgs,
}

/// Flags every command takes, before or after its name.
#[derive(Debug, Args, Clone)]
pub struct GlobalArgs {
    // The language of messages and help; read before parsing as well (see `lang_flag`).
    #[arg(long, global = true, value_name = "LANG", value_parser = ["zh", "en"])]
    pub lang: Option<String>,

    // Only errors and findings; no progress or summaries.
    #[arg(short = 'q', long, global = true, conflicts_with = "verbose")]
    pub quiet: bool,

    // Also say what is done at each step (fonts found, files read and written).
    #[arg(short = 'v', long, global = true)]
    pub verbose: bool,

    // Colour on stderr: auto (a terminal without NO_COLOR), always, never.
    #[arg(long, global = true, value_enum, value_name = "WHEN", default_value = "auto")]
    pub color: ColorChoice,
}

/// When messages are coloured.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    // Render reports to PDF and DOCX, next to each input or into -o DIR
    Render(RenderArgs),
    // Check reports against the rules a reviewer applies, without rendering
    Check(CheckArgs),
    // Render a report again on every save, until Ctrl-C
    Watch(WatchArgs),
    // Start a new report: the preamble, the parts and, for the 2021 and 2019 formats, every
    // table zero-filled
    Init(InitArgs),
    // Render many reports into one folder in parallel, with a summary and a manifest
    Batch(BatchArgs),
    // Re-check the hashes of a batch's manifest.json
    Verify(VerifyArgs),
    // Print the data a template reads as /report.json, for template authors (and for
    // compiling a report with the Typst CLI: report.typ, layout.toml and this file)
    Data(DataArgs),
    // Print the JSON Schema of the report YAML, for editors (yaml-language-server), or
    // write it to a file
    Schema(SchemaArgs),
    // Turn a published report (.txt or .docx) back into report YAML, then check it
    Import(ImportArgs),
    // List the fonts report can use, with the family names a template's roles refer to
    Fonts(FontsArgs),
    // Print a shell's completion script for report
    Completions(CompletionsArgs),
    // Print the manual page (roff), or write one page per command into -o DIR
    Man(ManArgs),
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    // The shell the script is for
    #[arg(value_enum, value_name = "SHELL")]
    pub shell: clap_complete::Shell,
}

#[derive(Debug, Args)]
pub struct ManArgs {
    // Write report.1 and one page per command (report-render.1 …) into DIR instead
    #[arg(short = 'o', long = "output-dir", value_name = "DIR")]
    pub output_dir: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct SchemaArgs {
    // The file to write the schema to (whole or not at all) instead of printing it; a
    // shell's `>` may write another encoding (Windows PowerShell writes UTF-16)
    #[arg(short = 'o', long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    // Report files (YAML)
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,

    // How findings are printed: text for people (stderr), json for scripts (stdout, one
    // object per line)
    #[arg(long, value_enum, default_value = "text")]
    pub format: FindingsFormat,

    #[command(flatten)]
    pub strictness: Strictness,

    #[command(flatten)]
    pub previous: PreviousArgs,

    #[command(flatten)]
    pub template: TemplateArgs,

    #[command(flatten)]
    pub fonts: FontArgs,
}

/// `report check --help`'s text after the options: examples, every rule of the registry,
/// exit statuses.
fn check_help() -> String {
    use crate::tr;
    let mut help = tr!("cli-check-after-head");
    help.push('\n');
    for rule in crate::check::registry() {
        let line = tr!(
            "cli-check-rule",
            catches = rule.catches(),
            severity = rule.severity_text()
        );
        help.push_str(&format!("  {:<16} {line}\n", rule.id));
    }
    help.push('\n');
    help.push_str(&tr!("cli-check-after-tail"));
    help
}

#[derive(Debug, Args)]
pub struct BatchArgs {
    // Folders (searched for *.yaml), files or glob patterns
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<String>,

    // The folder for every output, summary.json and manifest.json (created if missing)
    #[arg(short = 'o', long = "output-dir", value_name = "DIR", required = true)]
    pub output_dir: PathBuf,

    // Reports rendered at once (default: one per core)
    #[arg(long, value_name = "N", value_parser = parse_jobs)]
    pub jobs: Option<usize>,

    // Only the K-th of N shares of the sorted inputs (1-based), e.g. 2/8
    #[arg(long, value_name = "K/N", value_parser = parse_shard)]
    pub shard: Option<(usize, usize)>,

    #[command(flatten)]
    pub output: OutputArgs,

    #[command(flatten)]
    pub strictness: Strictness,

    #[command(flatten)]
    pub allow: AllowErrors,

    #[command(flatten)]
    pub template: TemplateArgs,

    #[command(flatten)]
    pub fonts: FontArgs,
}

fn parse_jobs(s: &str) -> Result<usize, String> {
    match s.parse::<usize>() {
        Ok(0) | Err(_) => Err(crate::tr!("cli-jobs-invalid", value = s)),
        Ok(n) => Ok(n),
    }
}

fn parse_issuer(s: &str) -> Result<String, String> {
    if s.trim().is_empty() {
        return Err(crate::tr!("cli-issuer-empty"));
    }
    if s.chars().any(char::is_control) {
        return Err(crate::tr!("cli-issuer-one-line"));
    }
    Ok(s.to_owned())
}

fn parse_shard(s: &str) -> Result<(usize, usize), String> {
    let (k, n) = s.split_once('/').ok_or_else(|| crate::tr!("cli-shard-syntax"))?;
    let (k, n): (usize, usize) = (
        k.parse().map_err(|_| crate::tr!("cli-shard-k-number"))?,
        n.parse().map_err(|_| crate::tr!("cli-shard-n-number"))?,
    );
    if n == 0 || k == 0 || k > n {
        return Err(crate::tr!("cli-shard-range", k = k, n = n));
    }
    Ok((k, n))
}

#[derive(Debug, Args)]
pub struct DataArgs {
    // A report file (YAML)
    #[arg(value_name = "FILE")]
    pub file: PathBuf,

    #[command(flatten)]
    pub template: TemplateArgs,

    #[command(flatten)]
    pub fonts: FontArgs,
}

#[derive(Debug, Args)]
pub struct VerifyArgs {
    // A manifest.json written by report batch
    #[arg(value_name = "MANIFEST")]
    pub manifest: PathBuf,
}

#[derive(Debug, Args)]
pub struct InitArgs {
    // The report's shape
    #[arg(long, value_enum, default_value = "standard_2021")]
    pub format: InitFormat,

    // The body that publishes the report, e.g. 某区人民政府
    #[arg(long, value_parser = parse_issuer)]
    pub issuer: String,

    // The year the report covers
    #[arg(long, value_parser = clap::value_parser!(u16).range(2000..=2100))]
    pub year: u16,

    // The file to write (default: report-YEAR.yaml)
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,

    // Replace the file if it exists
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    // The published report: .txt or .docx
    #[arg(value_name = "FILE")]
    pub file: PathBuf,

    // The YAML to write (default: the input's name with .yaml, beside it)
    #[arg(short = 'o', long = "output", value_name = "OUT.yaml")]
    pub output: Option<PathBuf>,

    // The report's shape (default: detected from the year and the tables)
    #[arg(long, value_enum)]
    pub format: Option<InitFormat>,

    // Replace the output if it exists
    #[arg(long)]
    pub force: bool,

    // Make the file last year's report and write this year's skeleton from it
    #[arg(long = "previous-year")]
    pub previous_year: bool,

    #[command(flatten)]
    pub template: TemplateArgs,

    #[command(flatten)]
    pub fonts: FontArgs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum InitFormat {
    #[value(name = "standard_2021")]
    Standard2021,
    #[value(name = "trial_2019")]
    Trial2019,
    #[value(name = "free_form")]
    FreeForm,
}

impl From<InitFormat> for crate::formats::Format {
    fn from(format: InitFormat) -> Self {
        match format {
            InitFormat::Standard2021 => crate::formats::Format::Standard2021,
            InitFormat::Trial2019 => crate::formats::Format::Trial2019,
            InitFormat::FreeForm => crate::formats::Format::FreeForm,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FindingsFormat {
    Text,
    Json,
}

/// How strict the checks are; shared by check, render and batch.
#[derive(Debug, Args)]
pub struct Strictness {
    // Treat warnings as errors
    #[arg(long = "deny-warnings", overrides_with = "no_deny_warnings")]
    pub deny_warnings: bool,

    // Do not treat warnings as errors, whatever report.toml says
    #[arg(long = "no-deny-warnings", overrides_with = "deny_warnings")]
    pub no_deny_warnings: bool,
}

/// Whether reports with errors are rendered; for render and batch.
#[derive(Args, Debug, Clone, Default)]
pub struct AllowErrors {
    // Render reports that have errors too: to print a report exactly as it was published,
    // or to look at a draft. The findings are still printed, the exit status is still 1,
    // and a batch's summary.json and manifest.json mark each such output
    #[arg(long = "allow-errors")]
    pub allow_errors: bool,
}

/// Where last year's report is; for check and render (a batch finds it among its inputs).
#[derive(Debug, Args)]
pub struct PreviousArgs {
    // Last year's report of the same issuer, for X-CARRY, X-INFORCE and S-COPY (default: a
    // report beside the file with the same issuer and the year before, if there is one)
    #[arg(long, value_name = "FILE")]
    pub previous: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct FontsArgs {
    #[command(flatten)]
    pub template: TemplateArgs,

    #[command(flatten)]
    pub fonts: FontArgs,
}

#[derive(Debug, Args)]
pub struct RenderArgs {
    // Report files (YAML)
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,

    // Folder for the outputs (created if missing); default: next to each input
    #[arg(short = 'o', long = "output-dir", value_name = "DIR")]
    pub output_dir: Option<PathBuf>,

    #[command(flatten)]
    pub output: OutputArgs,

    #[command(flatten)]
    pub strictness: Strictness,

    #[command(flatten)]
    pub allow: AllowErrors,

    #[command(flatten)]
    pub previous: PreviousArgs,

    #[command(flatten)]
    pub template: TemplateArgs,

    #[command(flatten)]
    pub fonts: FontArgs,
}

#[derive(Debug, Args)]
pub struct WatchArgs {
    // The report file (YAML)
    #[arg(value_name = "FILE")]
    pub file: PathBuf,

    // Folder for the outputs (created if missing); default: next to the input
    #[arg(short = 'o', long = "output-dir", value_name = "DIR")]
    pub output_dir: Option<PathBuf>,

    #[command(flatten)]
    pub output: OutputArgs,

    #[command(flatten)]
    pub strictness: Strictness,

    #[command(flatten)]
    pub previous: PreviousArgs,

    #[command(flatten)]
    pub template: TemplateArgs,

    #[command(flatten)]
    pub fonts: FontArgs,

    // With html among the formats: the port of the page on 127.0.0.1 (default: a free one)
    #[arg(long, value_name = "PORT")]
    pub port: Option<u16>,
}

/// What is rendered and how; shared by render, watch and batch.
#[derive(Debug, Args)]
pub struct OutputArgs {
    // Output formats, comma-separated
    #[arg(long, value_enum, value_delimiter = ',', default_value = "pdf,docx")]
    pub format: Vec<OutputFormat>,

    // PDF standard to conform to
    #[arg(long = "pdf-standard", value_enum, default_value = "1.7")]
    pub pdf_standard: PdfStandardArg,

    // Embed in the DOCX the bundled fonts a document may carry and stay editable (of the
    // bundled faces, Liberation Serif for digits and Latin), for machines without them
    #[arg(long = "embed-fonts")]
    pub embed_fonts: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    // PDF, typeset by Typst
    Pdf,
    // Word document (opens in Word, WPS and LibreOffice)
    Docx,
    // The portal's web page: one self-contained HTML file (X.html)
    Html,
    // The page's article alone with every style inline, for a CMS editor (X.fragment.html)
    #[value(name = "html-fragment")]
    HtmlFragment,
    // OFD (GB/T 33190-2016), the same pages as the PDF
    Ofd,
}

impl From<OutputFormat> for Format {
    fn from(format: OutputFormat) -> Self {
        match format {
            OutputFormat::Pdf => Format::Pdf,
            OutputFormat::Docx => Format::Docx,
            OutputFormat::Html => Format::Html,
            OutputFormat::HtmlFragment => Format::HtmlFragment,
            OutputFormat::Ofd => Format::Ofd,
        }
    }
}

/// PDF standards a user may ask for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PdfStandardArg {
    // Plain PDF 1.7.
    #[value(name = "1.7")]
    Pdf17,
    // PDF/A-2b, for archiving.
    #[value(name = "a-2b")]
    A2b,
    // PDF/A-2u: PDF/A-2b with text that can always be extracted as Unicode.
    #[value(name = "a-2u")]
    A2u,
    // PDF/A-3b.
    #[value(name = "a-3b")]
    A3b,
}

impl From<PdfStandardArg> for PdfStandard {
    fn from(standard: PdfStandardArg) -> Self {
        match standard {
            PdfStandardArg::Pdf17 => PdfStandard::V1_7,
            PdfStandardArg::A2b => PdfStandard::A2b,
            PdfStandardArg::A2u => PdfStandard::A2u,
            PdfStandardArg::A3b => PdfStandard::A3b,
        }
    }
}

impl From<&OutputArgs> for RenderOptions {
    fn from(args: &OutputArgs) -> Self {
        RenderOptions {
            formats: args.format.iter().map(|&f| f.into()).collect(),
            pdf: PdfOptions {
                standard: args.pdf_standard.into(),
            },
            docx: DocxOptions {
                embed_fonts: args.embed_fonts,
            },
        }
    }
}

/// Which template to render with; shared by every command that loads one.
#[derive(Debug, Args)]
pub struct TemplateArgs {
    // A template folder holding report.typ and layout.toml (default: the built-in GB/T 9704 one)
    #[arg(long, value_name = "DIR")]
    pub template: Option<PathBuf>,
}

/// Where fonts come from; shared by every command that renders.
#[derive(Debug, Args)]
pub struct FontArgs {
    // Also load the fonts in DIR (repeatable), e.g. the official 仿宋_GB2312; the bundled
    // fonts folder itself is found through REPORT_FONT_DIR, next to the binary, or the source tree
    #[arg(long = "font-dir", value_name = "DIR")]
    pub font_dirs: Vec<PathBuf>,

    // Also use the fonts installed on this machine (off by default, so output does not
    // depend on the machine)
    #[arg(long = "system-fonts", overrides_with = "no_system_fonts")]
    pub system_fonts: bool,

    // Use only the bundled fonts and --font-dir, whatever report.toml says
    #[arg(long = "no-system-fonts", overrides_with = "system_fonts")]
    pub no_system_fonts: bool,
}

impl From<&FontArgs> for FontOptions {
    fn from(args: &FontArgs) -> Self {
        FontOptions {
            extra_dirs: args.font_dirs.clone(),
            system_fonts: args.system_fonts,
        }
    }
}

/// The command line as clap builds it, with every text a user reads (about, after-help, each
/// flag's help, headings) taken from the catalog in the run's language. The catalog ids are
/// `cli-PATH-about`, `cli-PATH-after` and `cli-PATH-arg-ID`, PATH the subcommand path joined
/// by `-` (`cli-about` for `report` itself); a flag shared by several commands is
/// `cli-arg-ID`.
pub fn command() -> clap::Command {
    let mut cmd = <Cli as clap::CommandFactory>::command();
    // Built first, so that clap's own --help, --version and `help` are there to translate.
    cmd.build();
    localize(cmd, "")
}

/// The catalog path of subcommand `name` of the command at `path`. `report help`'s own
/// subcommands (`report help render`) are described as the commands they name.
fn child_path(path: &str, name: &str) -> String {
    if path.is_empty() || path == "help" {
        name.to_owned()
    } else {
        format!("{path}-{name}")
    }
}

/// What a command's help reads from the catalog, and the catalog ids it tried.
fn command_text(path: &str, part: &str) -> (Option<String>, String) {
    let id = if path.is_empty() {
        format!("cli-{part}")
    } else {
        format!("cli-{path}-{part}")
    };
    (crate::i18n::try_text(&id), id)
}

fn arg_text(path: &str, arg: &str) -> (Option<String>, Vec<String>) {
    let specific = if path.is_empty() {
        format!("cli-arg-{arg}")
    } else {
        format!("cli-{path}-arg-{arg}")
    };
    let shared = format!("cli-arg-{arg}");
    let text = crate::i18n::try_text(&specific).or_else(|| crate::i18n::try_text(&shared));
    (text, vec![specific, shared])
}

fn localize(mut cmd: clap::Command, path: &str) -> clap::Command {
    use crate::tr;
    if let (Some(about), _) = command_text(path, "about") {
        cmd = cmd.about(about.clone()).long_about(about);
    }
    let after = if path == "check" {
        Some(check_help())
    } else {
        command_text(path, "after").0
    };
    if let Some(after) = after {
        cmd = cmd.after_help(after.clone()).after_long_help(after);
    }
    // clap ends its own headings with an ASCII colon; the template writes ours, so that
    // Chinese help reads 「选项：」.
    let has_positionals = cmd.get_positionals().next().is_some();
    let has_options = cmd.get_arguments().any(|a| !a.is_positional());
    let has_subcommands = cmd.has_subcommands();
    let mut template = String::from("{about-with-newline}\n");
    template.push_str(&crate::i18n::label("cli-usage-heading"));
    template.push_str("{usage}\n");
    if has_subcommands {
        template.push_str(&format!("\n{}\n{{subcommands}}\n", tr!("cli-commands-heading")));
    }
    if has_positionals {
        template.push_str(&format!("\n{}\n{{positionals}}\n", tr!("cli-arguments-heading")));
    }
    if has_options {
        template.push_str(&format!("\n{}\n{{options}}\n", tr!("cli-options-heading")));
    }
    template.push_str("{after-help}");
    cmd = cmd
        .help_template(template)
        .subcommand_value_name(tr!("cli-command-value-name"));
    let ids: Vec<String> = cmd.get_arguments().map(|a| a.get_id().to_string()).collect();
    let separator = tr!("cli-value-separator");
    for id in ids {
        let (help, _) = arg_text(path, &id);
        cmd = cmd.mut_arg(&id, |arg| {
            let mut help = help.unwrap_or_default();
            let values: Vec<String> = arg
                .get_possible_values()
                .iter()
                .filter(|v| !v.is_hide_set())
                .map(|v| v.get_name().to_owned())
                .collect();
            if !values.is_empty() && arg.get_action().takes_values() {
                help.push_str(&tr!("cli-possible-values", values = values.join(&separator)));
            }
            let defaults: Vec<String> = arg
                .get_default_values()
                .iter()
                .map(|v| v.to_string_lossy().into_owned())
                .collect();
            if !defaults.is_empty() && arg.get_action().takes_values() {
                help.push_str(&tr!("cli-default-value", value = defaults.join(",")));
            }
            arg.help(help.clone())
                .long_help(help)
                .hide_possible_values(true)
                .hide_default_value(true)
        });
    }
    // clap writes 「[OPTIONS]」 into the usage line itself; the catalog says it in Chinese.
    let options = tr!("cli-usage-options");
    if options != "[OPTIONS]" {
        let usage = cmd.clone().render_usage().to_string();
        let usage = usage.trim_start();
        let usage = usage.strip_prefix("Usage:").unwrap_or(usage).trim();
        cmd = cmd.override_usage(usage.replace("[OPTIONS]", &options));
    }
    let names: Vec<String> = cmd.get_subcommands().map(|s| s.get_name().to_owned()).collect();
    for name in names {
        let child = child_path(path, &name);
        cmd = cmd.mut_subcommand(&name, |sub| localize(sub, &child));
    }
    cmd
}

/// The catalog texts the command line needs and `lang` lacks, for the test that keeps every
/// command and flag described in both languages.
pub fn missing_texts(lang: crate::i18n::Lang) -> Vec<String> {
    fn walk(cmd: &clap::Command, path: &str, lang: crate::i18n::Lang, missing: &mut Vec<String>) {
        let about = if path.is_empty() {
            "cli-about".to_owned()
        } else {
            format!("cli-{path}-about")
        };
        if !crate::i18n::has(lang, &about) {
            missing.push(about);
        }
        for arg in cmd.get_arguments() {
            let (_, ids) = arg_text(path, arg.get_id().as_str());
            if !ids.iter().any(|id| crate::i18n::has(lang, id)) {
                missing.push(ids.join(" or "));
            }
        }
        for sub in cmd.get_subcommands() {
            let child = child_path(path, sub.get_name());
            walk(sub, &child, lang, missing);
        }
    }
    let mut cmd = <Cli as clap::CommandFactory>::command();
    cmd.build();
    let mut missing = Vec::new();
    walk(&cmd, "", lang, &mut missing);
    missing
}

/// The value of `--lang` among the raw arguments, read before clap parses them, because
/// clap writes `--help` and its errors while parsing, in the language this decides.
pub fn lang_flag(args: impl IntoIterator<Item = std::ffi::OsString>) -> Option<String> {
    raw_flag(args, "--lang")
}

/// The value of `--color` among the raw arguments, for a usage error, which clap reports
/// before the flags are parsed.
pub fn color_flag(args: impl IntoIterator<Item = std::ffi::OsString>) -> Option<ColorChoice> {
    let value = raw_flag(args, "--color")?;
    ColorChoice::from_str(&value, true).ok()
}

/// The value of the flag `name` (`--name V` or `--name=V`) before a `--`.
fn raw_flag(args: impl IntoIterator<Item = std::ffi::OsString>, name: &str) -> Option<String> {
    let mut args = args.into_iter().skip(1);
    let with_equals = format!("{name}=");
    while let Some(arg) = args.next() {
        let arg = arg.to_string_lossy().into_owned();
        if arg == "--" {
            break;
        }
        if arg == name {
            return args.next().map(|v| v.to_string_lossy().into_owned());
        }
        if let Some(value) = arg.strip_prefix(&with_equals) {
            return Some(value.to_owned());
        }
    }
    None
}

/// A usage error (unknown flag, bad value, missing argument) in the run's language; clap's
/// own text, in English, for kinds too rare to translate.
pub fn usage_error_text(err: &clap::Error) -> String {
    use crate::tr;
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    let context = |kind: ContextKind| -> Option<String> {
        match err.get(kind)? {
            ContextValue::String(s) => Some(s.clone()),
            ContextValue::Strings(v) => Some(v.join(", ")),
            ContextValue::StyledStr(s) => Some(s.to_string()),
            ContextValue::StyledStrs(v) => {
                Some(v.iter().map(|s| s.to_string()).collect::<Vec<_>>().join(", "))
            }
            ContextValue::Number(n) => Some(n.to_string()),
            ContextValue::Bool(b) => Some(b.to_string()),
            _ => None,
        }
    };
    let arg = context(ContextKind::InvalidArg).unwrap_or_default();
    let value = context(ContextKind::InvalidValue).unwrap_or_default();
    let mut text = match err.kind() {
        ErrorKind::UnknownArgument => tr!("cli-error-unknown-argument", arg = arg),
        ErrorKind::InvalidSubcommand => tr!(
            "cli-error-unknown-command",
            command = context(ContextKind::InvalidSubcommand).unwrap_or_default()
        ),
        ErrorKind::InvalidValue => match context(ContextKind::ValidValue) {
            Some(valid) => tr!("cli-error-invalid-value", value = value, arg = arg, valid = valid),
            None => tr!("cli-error-empty-value", arg = arg),
        },
        ErrorKind::ValueValidation => {
            // Our own value parsers' messages, already in the run's language, follow clap's
            // "for '--jobs <N>': " after the last ": ".
            let why = std::error::Error::source(err)
                .map(ToString::to_string)
                .unwrap_or_default();
            tr!("cli-error-bad-value", value = value, arg = arg, why = why)
        }
        ErrorKind::MissingRequiredArgument => tr!("cli-error-missing-argument", arg = arg),
        ErrorKind::ArgumentConflict => tr!(
            "cli-error-conflict",
            arg = arg,
            other = context(ContextKind::PriorArg).unwrap_or_default()
        ),
        _ => return err.render().to_string(),
    };
    if let Some(suggested) =
        context(ContextKind::SuggestedArg).or_else(|| context(ContextKind::SuggestedSubcommand))
    {
        text.push('\n');
        text.push_str(&tr!("cli-error-suggest", suggestion = suggested));
    }
    if let Some(usage) = context(ContextKind::Usage) {
        text.push_str("\n\n");
        text.push_str(&crate::i18n::label("cli-usage-heading"));
        text.push_str(
            usage
                .trim_start()
                .strip_prefix("Usage:")
                .unwrap_or(&usage)
                .trim_start(),
        );
    }
    text.push_str("\n\n");
    text.push_str(&tr!("cli-error-more-help"));
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn every_command_and_flag_is_described_in_both_languages() {
        for lang in Lang::ALL {
            let missing = missing_texts(lang);
            assert!(missing.is_empty(), "{}: no text for {missing:#?}", lang.tag());
        }
    }

    #[test]
    fn every_rule_is_described_in_both_languages() {
        for rule in crate::check::registry() {
            for lang in Lang::ALL {
                assert!(
                    crate::i18n::has(lang, &format!("rule-{}", rule.id)),
                    "{} rule-{}",
                    lang.tag(),
                    rule.id
                );
            }
        }
    }

    #[test]
    fn lang_is_read_before_parsing_and_stops_at_a_double_dash() {
        let args = |a: &[&str]| a.iter().map(std::ffi::OsString::from).collect::<Vec<_>>();
        assert_eq!(
            lang_flag(args(&["report", "render", "--lang", "zh", "x.yaml"])).as_deref(),
            Some("zh")
        );
        assert_eq!(
            lang_flag(args(&["report", "--lang=en", "check"])).as_deref(),
            Some("en")
        );
        assert_eq!(lang_flag(args(&["report", "render", "--", "--lang"])), None);
    }
}
