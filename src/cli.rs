//! The command line, as clap types.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

/// Compile a git repository of TOML files — one per government department — into a published
/// responsibility list (责任清单).
#[derive(Debug, Parser)]
#[command(name = "resplist", version, about, propagate_version = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check a project against every rule of the format and report all problems.
    Check(CheckArgs),
    /// Check a project and build its website, printable edition and open data.
    Build(BuildArgs),
}

#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// The project directory (the one holding resplist.toml).
    #[arg(default_value = ".")]
    pub dir: PathBuf,
    /// How to print the problems found.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// When to colour the human format.
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    pub color: Color,
    /// Treat warnings as errors (exit 1 when there are any).
    #[arg(long)]
    pub deny_warnings: bool,
}

#[derive(Debug, clap::Args)]
pub struct BuildArgs {
    /// The project directory (the one holding resplist.toml).
    #[arg(default_value = ".")]
    pub dir: PathBuf,
    /// Where to write the site (default: `[build] output`, else `public/` in the project).
    #[arg(long, short)]
    pub output: Option<PathBuf>,
    /// A theme directory whose files override the built-in theme's (default: `[build] theme`).
    #[arg(long)]
    pub theme: Option<PathBuf>,
    /// Replace the output directory even if resplist did not create it (never `/`, the home
    /// directory or the project itself).
    #[arg(long)]
    pub force: bool,
    /// Print nothing on success.
    #[arg(long, short)]
    pub quiet: bool,
    /// When to colour warnings and errors.
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    pub color: Color,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// rustc-style messages with the quoted line.
    Human,
    /// One JSON object per line.
    Json,
    /// GitHub Actions workflow commands (annotations on the pull request).
    Github,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Color {
    Auto,
    Always,
    Never,
}
