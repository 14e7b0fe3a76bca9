//! The subcommands, one file each with one entry function.

pub mod fonts;
pub mod render;

/// Exit statuses shared by every command.
pub mod exit {
    /// Everything worked.
    pub const OK: u8 = 0;
    /// The command could not run: usage, unreadable or invalid input, I/O.
    pub const COULD_NOT_RUN: u8 = 2;
}
