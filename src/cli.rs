//! The command line, as clap definitions only, and their conversion into the library's
//! option types; `cmd` holds what each command does.

use crate::fonts::FontOptions;
use crate::render::{DocxOptions, Format, PdfOptions, PdfStandard, RenderOptions};
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

#[derive(Debug, Parser)]
#[command(
    name = "report",
    version,
    about = "Renders a government information-disclosure annual report (政府信息公开工作年度报告) from YAML into official-format (GB/T 9704-2012) PDF and DOCX",
    after_help = "Examples:\n  report render reports/chongqing-2014.yaml\n  report render 2023.yaml 2024.yaml -o out/\n  report render 2014.yaml --pdf-standard a-2b"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Render reports to PDF and DOCX, next to each input or into -o DIR
    #[command(
        after_help = "Examples:\n  report render reports/chongqing-2014.yaml          writes reports/chongqing-2014.pdf and .docx\n  report render a.yaml b.yaml -o out/                writes out/a.pdf, out/a.docx, out/b.pdf, out/b.docx\n  report render 2014.yaml --format pdf               the PDF only\n  report render 2014.yaml --pdf-standard a-2b        PDF/A-2b for archiving\n  report render 2014.yaml --font-dir ~/official-fonts  use the official fonts where present\n\nEvery report is checked first (see `report check`): warnings are printed, and a report\nwith errors is not rendered.\n\nExit status: 0 all rendered, 1 a report has errors (or warnings, with --deny-warnings),\n2 an input could not be read, parsed or written."
    )]
    Render(RenderArgs),
    /// Check reports against the rules a reviewer applies, without rendering
    #[command(after_help = check_help())]
    Check(CheckArgs),
    /// Start a new report: the preamble, the parts and, for the 2021 and 2019 formats, every
    /// table zero-filled
    #[command(
        after_help = "Examples:\n  report init --format standard_2021 --issuer 某区人民政府 --year 2024 -o 2024.yaml\n  report init --format trial_2019 --issuer 某区人民政府 --year 2020 -o 2020.yaml\n  report init --issuer 某局 --year 2024"
    )]
    Init(InitArgs),
    /// Render many reports into one folder in parallel, with a summary and a manifest
    #[command(
        after_help = "Examples:\n  report batch districts/ -o out/\n  report batch 'reports/**/*.yaml' -o out/ --jobs 2 --format pdf\n  report batch all/ -o out/ --shard 2/8      the second of eight deterministic shares\n\nWrites OUT/<name>.pdf and .docx per report, OUT/summary.json and OUT/manifest.json\n(every output's sha256 and its source's), and for 2021-format reports OUT/rollup.csv and\nthe roll-up in each format. Last year's report of an issuer is found among the inputs.\nExit status: 0 all rendered, 1 some failed, 2 the batch could not run."
    )]
    Batch(BatchArgs),
    /// Re-check the hashes of a batch's manifest.json
    Verify(VerifyArgs),
    /// Print the data a template reads as /report.json, for template authors (and for
    /// compiling a report with the Typst CLI: report.typ, layout.toml and this file)
    Data(DataArgs),
    /// Print the JSON Schema of the report YAML, for editors (yaml-language-server)
    #[command(
        after_help = "Example:\n  report schema > report.schema.json\n  then start a report with: # yaml-language-server: $schema=report.schema.json"
    )]
    Schema,
    /// List the fonts report can use, with the family names a template's roles refer to
    #[command(
        after_help = "Examples:\n  report fonts\n  report fonts --font-dir ~/official-fonts    check that 仿宋_GB2312 is picked up"
    )]
    Fonts(FontsArgs),
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Report files (YAML)
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,

    /// How findings are printed: text for people (stderr), json for scripts (stdout, one
    /// object per line)
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
    let mut help = String::from(
        "Examples:\n  report check 2014.yaml\n  report check districts/*.yaml --format json    one JSON object per finding\n  report check 2014.yaml --deny-warnings           warnings fail the check too\n\nRules (see the README):\n",
    );
    for rule in crate::check::registry() {
        help.push_str(&format!(
            "  {:<16} {} ({})\n",
            rule.id, rule.catches, rule.severity
        ));
    }
    help.push_str(
        "\nExit status: 0 clean, 1 findings with errors (or warnings, with --deny-warnings),\n2 a file could not be read or parsed, or bad usage.",
    );
    help
}

#[derive(Debug, Args)]
pub struct BatchArgs {
    /// Folders (searched for *.yaml), files or glob patterns
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<String>,

    /// The folder for every output, summary.json and manifest.json (created if missing)
    #[arg(short = 'o', long = "output-dir", value_name = "DIR", required = true)]
    pub output_dir: PathBuf,

    /// Reports rendered at once (default: one per core)
    #[arg(long, value_name = "N", value_parser = parse_jobs)]
    pub jobs: Option<usize>,

    /// Only the K-th of N shares of the sorted inputs (1-based), e.g. 2/8
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
        Ok(0) | Err(_) => Err(format!("{s}: give a number of reports, 1 or more")),
        Ok(n) => Ok(n),
    }
}

fn parse_issuer(s: &str) -> Result<String, String> {
    if s.trim().is_empty() {
        return Err("name the body that publishes the report, e.g. 某区人民政府".into());
    }
    if s.chars().any(char::is_control) {
        return Err("the issuer is one line of text, without line breaks or control characters".into());
    }
    Ok(s.to_owned())
}

fn parse_shard(s: &str) -> Result<(usize, usize), String> {
    let (k, n) = s.split_once('/').ok_or("write the shard as K/N, e.g. 2/8")?;
    let (k, n): (usize, usize) = (
        k.parse().map_err(|_| "K is a number")?,
        n.parse().map_err(|_| "N is a number")?,
    );
    if n == 0 || k == 0 || k > n {
        return Err(format!("{k}/{n}: K must be between 1 and N"));
    }
    Ok((k, n))
}

#[derive(Debug, Args)]
pub struct DataArgs {
    /// A report file (YAML)
    #[arg(value_name = "FILE")]
    pub file: PathBuf,

    #[command(flatten)]
    pub template: TemplateArgs,

    #[command(flatten)]
    pub fonts: FontArgs,
}

#[derive(Debug, Args)]
pub struct VerifyArgs {
    /// A manifest.json written by report batch
    #[arg(value_name = "MANIFEST")]
    pub manifest: PathBuf,
}

#[derive(Debug, Args)]
pub struct InitArgs {
    /// The report's shape
    #[arg(long, value_enum, default_value = "standard_2021")]
    pub format: InitFormat,

    /// The body that publishes the report, e.g. 某区人民政府
    #[arg(long, value_parser = parse_issuer)]
    pub issuer: String,

    /// The year the report covers
    #[arg(long, value_parser = clap::value_parser!(u16).range(2000..=2100))]
    pub year: u16,

    /// The file to write (default: report-YEAR.yaml)
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Replace the file if it exists
    #[arg(long)]
    pub force: bool,
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
    /// Treat warnings as errors
    #[arg(long = "deny-warnings")]
    pub deny_warnings: bool,
}

/// Whether reports with errors are rendered; for render and batch.
#[derive(Args, Debug, Clone, Default)]
pub struct AllowErrors {
    /// Render reports that have errors too: to print a report exactly as it was published,
    /// or to look at a draft. The findings are still printed, the exit status is still 1,
    /// and a batch's summary.json and manifest.json mark each such output
    #[arg(long = "allow-errors")]
    pub allow_errors: bool,
}

/// Where last year's report is; for check and render (a batch finds it among its inputs).
#[derive(Debug, Args)]
pub struct PreviousArgs {
    /// Last year's report of the same issuer, for X-CARRY, X-INFORCE and S-COPY (default: a
    /// report beside the file with the same issuer and the year before, if there is one)
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
    /// Report files (YAML)
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,

    /// Folder for the outputs (created if missing); default: next to each input
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

/// What is rendered and how; shared by render and batch.
#[derive(Debug, Args)]
pub struct OutputArgs {
    /// Output formats, comma-separated
    #[arg(long, value_enum, value_delimiter = ',', default_value = "pdf,docx")]
    pub format: Vec<OutputFormat>,

    /// PDF standard to conform to
    #[arg(long = "pdf-standard", value_enum, default_value = "1.7")]
    pub pdf_standard: PdfStandardArg,

    /// Embed in the DOCX the bundled fonts a document may carry and stay editable (of the
    /// bundled faces, Liberation Serif for digits and Latin), for machines without them
    #[arg(long = "embed-fonts")]
    pub embed_fonts: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    /// PDF, typeset by Typst
    Pdf,
    /// Word document (opens in Word, WPS and LibreOffice)
    Docx,
    /// The portal's web page: one self-contained HTML file (X.html)
    Html,
    /// The page's article alone with every style inline, for a CMS editor (X.fragment.html)
    #[value(name = "html-fragment")]
    HtmlFragment,
}

impl From<OutputFormat> for Format {
    fn from(format: OutputFormat) -> Self {
        match format {
            OutputFormat::Pdf => Format::Pdf,
            OutputFormat::Docx => Format::Docx,
            OutputFormat::Html => Format::Html,
            OutputFormat::HtmlFragment => Format::HtmlFragment,
        }
    }
}

/// PDF standards a user may ask for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PdfStandardArg {
    /// Plain PDF 1.7.
    #[value(name = "1.7")]
    Pdf17,
    /// PDF/A-2b, for archiving.
    #[value(name = "a-2b")]
    A2b,
    /// PDF/A-2u: PDF/A-2b with text that can always be extracted as Unicode.
    #[value(name = "a-2u")]
    A2u,
    /// PDF/A-3b.
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
    /// A template folder holding report.typ and layout.toml (default: the built-in GB/T 9704 one)
    #[arg(long, value_name = "DIR")]
    pub template: Option<PathBuf>,
}

/// Where fonts come from; shared by every command that renders.
#[derive(Debug, Args)]
pub struct FontArgs {
    /// Also load the fonts in DIR (repeatable), e.g. the official 仿宋_GB2312; the bundled
    /// fonts folder itself is found through REPORT_FONT_DIR, next to the binary, or the source tree
    #[arg(long = "font-dir", value_name = "DIR")]
    pub font_dirs: Vec<PathBuf>,

    /// Also use the fonts installed on this machine (off by default, so output does not
    /// depend on the machine)
    #[arg(long = "system-fonts")]
    pub system_fonts: bool,
}

impl From<&FontArgs> for FontOptions {
    fn from(args: &FontArgs) -> Self {
        FontOptions {
            extra_dirs: args.font_dirs.clone(),
            system_fonts: args.system_fonts,
        }
    }
}
