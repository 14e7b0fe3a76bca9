//! The subcommands, one file each with one entry function: each turns its arguments into
//! the library's options, runs the library, prints what it found and says the exit status.
//! An error that stops a command is returned, and `main` prints it once.

use crate::cli::{ColorChoice, FindingsFormat, FontArgs, GlobalArgs, TemplateArgs};
use crate::diag::{self, Diagnostic, Style};
use crate::error::Error;
use crate::fonts::FontOptions;
use crate::pipeline::{Checked, Session};
use std::sync::atomic::{AtomicBool, AtomicU8, Ordering};

pub mod batch;
pub mod check;
pub mod completions;
pub mod config;
pub mod data;
pub mod fonts;
pub mod import;
pub mod init;
mod one;
pub mod render;
pub mod schema;
pub mod watch;

/// Prints a line of results to stdout (see [`emit`]).
#[macro_export]
macro_rules! out {
    ($($arg:tt)*) => {
        $crate::cmd::emit($crate::cmd::Stream::Stdout, &format!($($arg)*))
    };
}

/// Prints a line for the person running the command to stderr (see [`emit`]).
#[macro_export]
macro_rules! note {
    ($($arg:tt)*) => {
        $crate::cmd::emit($crate::cmd::Stream::Stderr, &format!($($arg)*))
    };
}

/// Prints a result for the person who ran the command (a file written, a summary) to
/// stdout, unless `--quiet` (see [`emit`]).
#[macro_export]
macro_rules! result {
    ($($arg:tt)*) => {
        if !$crate::cmd::quiet() {
            $crate::cmd::emit($crate::cmd::Stream::Stdout, &format!($($arg)*))
        }
    };
}

/// Prints progress and summaries to stderr, unless `--quiet` (see [`emit`]).
#[macro_export]
macro_rules! progress {
    ($($arg:tt)*) => {
        if !$crate::cmd::quiet() {
            $crate::cmd::emit($crate::cmd::Stream::Stderr, &format!($($arg)*))
        }
    };
}

/// Prints what is done at each step to stderr, only with `--verbose` (see [`emit`]).
#[macro_export]
macro_rules! detail {
    ($($arg:tt)*) => {
        if $crate::cmd::verbose() {
            $crate::cmd::emit($crate::cmd::Stream::Stderr, &format!($($arg)*))
        }
    };
}

/// How much a run says, and whether in colour: set once from the global flags.
static QUIET: AtomicBool = AtomicBool::new(false);
static VERBOSE: AtomicBool = AtomicBool::new(false);
static COLOR: AtomicU8 = AtomicU8::new(ColorChoice::Auto as u8);

/// Takes the flags every command has: `--quiet`, `--verbose`, `--color`.
pub fn configure(global: &GlobalArgs) {
    QUIET.store(global.quiet, Ordering::Relaxed);
    VERBOSE.store(global.verbose, Ordering::Relaxed);
    COLOR.store(global.color as u8, Ordering::Relaxed);
}

/// `--quiet`: errors and findings only.
pub fn quiet() -> bool {
    QUIET.load(Ordering::Relaxed)
}

/// `--verbose`: what is done at each step too.
pub fn verbose() -> bool {
    VERBOSE.load(Ordering::Relaxed)
}

/// The style of what goes to stderr: `--color always|never`, or colour on a terminal
/// without `NO_COLOR` (<https://no-color.org>).
fn stderr_style() -> Style {
    let choice = COLOR.load(Ordering::Relaxed);
    if choice == ColorChoice::Always as u8 {
        Style::Color
    } else if choice == ColorChoice::Never as u8 {
        Style::Plain
    } else {
        Style::for_stderr()
    }
}

/// Prints a usage error (or the help or version clap was asked for); its exit status.
pub fn usage_error(err: &clap::Error, color: ColorChoice) -> u8 {
    COLOR.store(color as u8, Ordering::Relaxed);
    use clap::error::ErrorKind;
    match err.kind() {
        ErrorKind::DisplayHelp
        | ErrorKind::DisplayVersion
        | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            let _ = err.print();
            if err.kind() == ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand {
                exit::COULD_NOT_RUN
            } else {
                exit::OK
            }
        }
        _ => {
            // "error: " is coloured like a finding's, the rest is plain.
            let word = diag::error_word(stderr_style());
            emit_raw(
                Stream::Stderr,
                &format!("{word}{}", crate::cli::usage_error_text(err)),
            );
            exit::COULD_NOT_RUN
        }
    }
}

/// Where a line goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stream {
    Stdout,
    Stderr,
}

/// Set when stdout could not take what was written for a reason other than a closed pipe.
static STDOUT_FAILED: std::sync::Mutex<Option<String>> = std::sync::Mutex::new(None);

/// Writes one line. What reaches a terminal has its control characters shown as escapes, so
/// that a file name cannot drive it; what goes to a pipe or a file from stdout (JSON for a
/// script) stays exact. Writing never panics: a closed stdout (`report check --format json
/// | head`) is not an error, the reader has what it wanted; a full disk behind stdout makes
/// the command exit 2 at the end (see [`exit_code`]). A stderr that cannot be written is
/// passed over: there is nowhere left to say so, and the outputs are still written.
pub fn emit(stream: Stream, line: &str) {
    use std::io::IsTerminal;
    if stream == Stream::Stdout && !std::io::stdout().is_terminal() {
        emit_raw(stream, line);
    } else {
        emit_raw(stream, &crate::text::printable(line));
    }
}

/// [`emit`] for text already made printable, which may hold our own colour codes.
fn emit_raw(stream: Stream, line: &str) {
    use std::io::Write as _;
    match stream {
        Stream::Stdout => {
            let mut out = std::io::stdout().lock();
            if let Err(e) = writeln!(out, "{line}").and_then(|()| out.flush())
                && e.kind() != std::io::ErrorKind::BrokenPipe
                && let Ok(mut failed) = STDOUT_FAILED.lock()
            {
                failed.get_or_insert_with(|| e.to_string());
            }
        }
        Stream::Stderr => {
            let _ = writeln!(std::io::stderr(), "{line}");
        }
    }
}

/// Exit statuses shared by every command.
pub mod exit {
    /// Everything worked.
    pub const OK: u8 = 0;
    /// A report has findings with errors (or warnings, when they are denied).
    pub const FINDINGS: u8 = 1;
    /// The command could not run: usage, unreadable or invalid input, I/O.
    pub const COULD_NOT_RUN: u8 = 2;
}

/// What a command ends with: an exit status, or the error that stopped it.
pub type Outcome = Result<u8, Error>;

/// The session of a command: template and fonts, as its options say.
fn session(template: &TemplateArgs, fonts: &FontArgs) -> Result<Session, Error> {
    let session = Session::load(template.template.as_deref(), &FontOptions::from(fonts))?;
    if verbose() {
        crate::detail!(
            "{}",
            crate::tr!(
                "verbose-session",
                template = &session.template.origin,
                faces = session.fonts.faces().len(),
                fonts = &session.fonts.bundled_dir
            )
        );
        for (role, families) in &session.roles {
            let cjk = families.cjk.join(", ");
            let line = if families.latin.is_empty() {
                crate::tr!("verbose-role-one", role = role.as_str(), cjk = cjk)
            } else {
                let latin = families.latin.join(", ");
                crate::tr!("verbose-role", role = role.as_str(), cjk = cjk, latin = latin)
            };
            crate::detail!("{line}");
        }
    }
    Ok(session)
}

/// The exit status one checked file calls for.
fn status(checked: &Checked, deny_warnings: bool) -> u8 {
    if checked.failure.is_some() || checked.report.is_none() {
        exit::COULD_NOT_RUN
    } else if checked.refused(deny_warnings) {
        exit::FINDINGS
    } else {
        exit::OK
    }
}

/// Prints findings, for a person (stderr, with the source line) or a script (JSON lines).
fn print_findings(findings: &[Diagnostic], source: Option<&str>, format: FindingsFormat) {
    let style = stderr_style();
    for d in findings {
        match format {
            FindingsFormat::Text => emit_raw(Stream::Stderr, &diag::text(d, source, style)),
            FindingsFormat::Json => out!("{}", diag::json(d)),
        }
    }
}

/// Prints an error that stopped one file while the others go on.
fn print_error(err: &Error) {
    emit(Stream::Stderr, &diag::error_text(err));
}

/// Prints what checking a file found, and why it could not be checked, if so.
fn print_checked(checked: &Checked, format: FindingsFormat) {
    if let Some(err) = &checked.failure {
        print_error(err);
    }
    print_findings(&checked.findings, checked.source.as_deref(), format);
}

/// `--verbose`: what checking a file found, counted.
fn detail_checked(file: &std::path::Path, checked: &Checked) {
    if verbose() {
        let errors = checked.findings.iter().filter(|d| d.is_error()).count();
        let warnings = checked.findings.len() - errors;
        crate::detail!(
            "{}",
            crate::tr!(
                "verbose-checked",
                file = file,
                errors = errors,
                warnings = warnings
            )
        );
    }
}

/// The exit code of a command's outcome; the error printed, once.
pub fn exit_code(outcome: Outcome) -> u8 {
    let status = match outcome {
        Ok(status) => status,
        Err(err) => {
            print_error(&err);
            exit::COULD_NOT_RUN
        }
    };
    let failed = STDOUT_FAILED.lock().ok().and_then(|f| f.clone());
    match failed {
        Some(why) => {
            note!(
                "{}{}",
                crate::tr!("diag-error-prefix"),
                crate::tr!("stdout-failed", why = why)
            );
            exit::COULD_NOT_RUN
        }
        None => status,
    }
}
