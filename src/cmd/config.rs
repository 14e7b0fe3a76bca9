//! Merges a `report.toml` (see `crate::config`) into a command's arguments: what the file
//! says is used where the command line does not say otherwise.

use crate::cli::{Command, FontArgs, OutputArgs, OutputFormat, Strictness};
use crate::config::{self, Config};
use crate::error::Error;
use crate::render::Format;
use clap::ArgMatches;
use clap::parser::ValueSource;
use std::path::Path;

/// Finds the report.toml of the command's (first) input and merges it into `command`. A flag
/// given on the command line wins; `--font-dir` folders are loaded besides the file's.
/// `matches` are the parsed arguments, which tell a flag given from a default.
pub fn apply(command: &mut Command, matches: &ArgMatches) -> Result<(), Error> {
    let Some((_, sub)) = matches.subcommand() else {
        return Ok(());
    };
    let given = |id: &str| sub.value_source(id) == Some(ValueSource::CommandLine);
    let input = |path: Option<&Path>| -> Result<Option<Config>, Error> {
        let config = config::for_input(path)?;
        if let Some(config) = &config {
            crate::detail!("{}", crate::tr!("config-used", path = config.path.as_path()));
        }
        Ok(config)
    };
    match command {
        Command::Render(args) => {
            let Some(config) = input(args.files.first().map(|p| p.as_path()))? else {
                return Ok(());
            };
            let rendering = Rendering {
                output: &mut args.output,
                strictness: &mut args.strictness,
                fonts: &mut args.fonts,
                output_dir: Some(&mut args.output_dir),
            };
            rendering.merge(&config, &given);
        }
        Command::Watch(args) => {
            let Some(config) = input(Some(&args.file))? else {
                return Ok(());
            };
            let rendering = Rendering {
                output: &mut args.output,
                strictness: &mut args.strictness,
                fonts: &mut args.fonts,
                output_dir: Some(&mut args.output_dir),
            };
            rendering.merge(&config, &given);
        }
        Command::Batch(args) => {
            let Some(config) = input(args.paths.first().map(Path::new))? else {
                return Ok(());
            };
            // A batch names its output folder itself (-o is required).
            let rendering = Rendering {
                output: &mut args.output,
                strictness: &mut args.strictness,
                fonts: &mut args.fonts,
                output_dir: None,
            };
            rendering.merge(&config, &given);
        }
        Command::Check(args) => {
            let Some(config) = input(args.files.first().map(|p| p.as_path()))? else {
                return Ok(());
            };
            merge_strictness(&mut args.strictness, &config, given("deny_warnings"));
            merge_fonts(&mut args.fonts, &config, given("system_fonts"));
        }
        Command::Data(args) => {
            let Some(config) = input(Some(&args.file))? else {
                return Ok(());
            };
            merge_fonts(&mut args.fonts, &config, given("system_fonts"));
        }
        Command::Fonts(args) => {
            let Some(config) = input(None)? else {
                return Ok(());
            };
            merge_fonts(&mut args.fonts, &config, given("system_fonts"));
        }
        _ => {}
    }
    Ok(())
}

/// The arguments render, watch and batch share, which report.toml may set.
struct Rendering<'a> {
    output: &'a mut OutputArgs,
    strictness: &'a mut Strictness,
    fonts: &'a mut FontArgs,
    output_dir: Option<&'a mut Option<std::path::PathBuf>>,
}

impl Rendering<'_> {
    fn merge(self, config: &Config, given: &dyn Fn(&str) -> bool) {
        merge_output(self.output, config, given("format"));
        merge_strictness(self.strictness, config, given("deny_warnings"));
        merge_fonts(self.fonts, config, given("system_fonts"));
        if let Some(dir) = self.output_dir
            && dir.is_none()
        {
            dir.clone_from(&config.output_dir);
        }
    }
}

fn merge_output(output: &mut OutputArgs, config: &Config, given: bool) {
    if let (false, Some(formats)) = (given, &config.formats) {
        output.format = formats.iter().map(|&f| output_format(f)).collect();
    }
}

/// `--deny-warnings` or `--no-deny-warnings` on the command line wins over the file.
fn merge_strictness(strictness: &mut Strictness, config: &Config, given: bool) {
    if !given
        && !strictness.no_deny_warnings
        && let Some(deny) = config.deny_warnings
    {
        strictness.deny_warnings = deny;
    }
}

/// `--system-fonts` or `--no-system-fonts` on the command line wins over the file.
fn merge_fonts(fonts: &mut FontArgs, config: &Config, given: bool) {
    fonts.font_dirs.extend(config.font_dirs.iter().cloned());
    if !given
        && !fonts.no_system_fonts
        && let Some(system) = config.system_fonts
    {
        fonts.system_fonts = system;
    }
}

fn output_format(format: Format) -> OutputFormat {
    match format {
        Format::Pdf => OutputFormat::Pdf,
        Format::Docx => OutputFormat::Docx,
        Format::Html => OutputFormat::Html,
        Format::HtmlFragment => OutputFormat::HtmlFragment,
        Format::Ofd => OutputFormat::Ofd,
    }
}
