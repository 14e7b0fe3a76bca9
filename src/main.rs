use clap::FromArgMatches;
use report::cli::{self, Cli, Command};
use report::{cmd, i18n};
use std::process::ExitCode;

fn main() -> ExitCode {
    // The language is settled before clap parses, since clap writes --help and its errors.
    let lang = i18n::detect(cli::lang_flag(std::env::args_os()).as_deref(), |name| {
        std::env::var(name).ok()
    });
    i18n::set(lang);
    let parsed = cli::command()
        .try_get_matches()
        .and_then(|matches| Cli::from_arg_matches(&matches).map(|cli| (cli, matches)));
    let (mut cli, matches) = match parsed {
        Ok(parsed) => parsed,
        Err(err) => {
            let color = cli::color_flag(std::env::args_os()).unwrap_or(cli::ColorChoice::Auto);
            return ExitCode::from(cmd::usage_error(&err, color));
        }
    };
    cmd::configure(&cli.global);
    // An office's report.toml, under what the command line says.
    if let Err(err) = cmd::config::apply(&mut cli.command, &matches) {
        return ExitCode::from(cmd::exit_code(Err(err)));
    }
    let outcome = match &cli.command {
        Command::Render(args) => cmd::render::run(args),
        Command::Fonts(args) => cmd::fonts::run(args),
        Command::Check(args) => cmd::check::run(args),
        Command::Watch(args) => cmd::watch::run(args),
        Command::Init(args) => cmd::init::run(args),
        Command::Batch(args) => cmd::batch::run(args),
        Command::Verify(args) => cmd::batch::verify(args),
        Command::Data(args) => cmd::data::run(args),
        Command::Schema(args) => cmd::schema::run(args),
        Command::Import(args) => cmd::import::run(args),
        Command::Completions(args) => cmd::completions::completions(args),
        Command::Man(args) => cmd::completions::man(args),
    };
    // The one place an error that stopped a command is printed.
    ExitCode::from(cmd::exit_code(outcome))
}
