use clap::Parser;
use report::cli::{Cli, Command};
use report::cmd;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let outcome = match &cli.command {
        Command::Render(args) => cmd::render::run(args),
        Command::Fonts(args) => cmd::fonts::run(args),
        Command::Check(args) => cmd::check::run(args),
        Command::Init(args) => cmd::init::run(args),
        Command::Batch(args) => cmd::batch::run(args),
        Command::Verify(args) => cmd::batch::verify(args),
        Command::Data(args) => cmd::data::run(args),
        Command::Schema => cmd::schema::run(),
    };
    // The one place an error that stopped a command is printed.
    ExitCode::from(cmd::exit_code(outcome))
}
