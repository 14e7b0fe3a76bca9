//! The subcommands, one file each with one entry function.

pub mod check;
pub mod fonts;
pub mod render;
pub mod schema;

/// Exit statuses shared by every command.
pub mod exit {
    /// Everything worked.
    pub const OK: u8 = 0;
    /// A report has findings with errors (or warnings, when they are denied).
    pub const FINDINGS: u8 = 1;
    /// The command could not run: usage, unreadable or invalid input, I/O.
    pub const COULD_NOT_RUN: u8 = 2;
}
