//! The commands behind the CLI: each takes its parsed arguments, runs the library and returns
//! the process exit code.

pub mod build;
mod build_workspace;
pub mod check;
pub mod common;
pub mod diff;
pub mod fmt;
pub mod import;
pub mod init;
pub mod schema;

/// Exit codes shared by every command.
pub mod exit {
    /// Nothing wrong (warnings allowed).
    pub const OK: u8 = 0;
    /// The sources have errors.
    pub const ERRORS: u8 = 1;
    /// resplist could not run: bad arguments, no project, an unreadable directory.
    pub const CANNOT_RUN: u8 = 2;
}
