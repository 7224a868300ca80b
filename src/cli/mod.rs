//! The command line, as clap types; `localized` puts its help and its errors into the run's
//! language.

pub mod localized;

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

use crate::model::Language;

/// Compile a git repository of TOML files — one per government department — into a published
/// responsibility list (责任清单).
#[derive(Debug, Parser)]
#[command(name = "resplist", version, about, propagate_version = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
    /// The language of resplist's messages: zh-CN or en (default: RESPLIST_LANG, then the
    /// project's language, then the locale, then English).
    #[arg(long, global = true, value_name = "LANG", value_parser = parse_language)]
    pub lang: Option<Language>,
}

fn parse_language(text: &str) -> Result<Language, String> {
    Language::parse(text)
        .ok_or_else(|| format!("`{text}` is not a language resplist speaks: use zh-CN or en"))
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check a project against every rule of the format and report all problems.
    Check(CheckArgs),
    /// Check a project and build its website, printable edition and open data.
    Build(BuildArgs),
    /// Show what changed in the list between two versions (git revisions or directories).
    Diff(DiffArgs),
    /// Rewrite source files into the canonical layout, keeping every comment.
    Fmt(FmtArgs),
    /// Write JSON Schemas of resplist.toml and department files, for editors.
    Schema(SchemaArgs),
    /// Create a new project.
    Init(InitArgs),
    /// Import a responsibility list from spreadsheets into a new project.
    Import(ImportArgs),
    /// Serve the site locally, rebuilding and reloading it as the files change.
    Serve(ServeArgs),
    /// Add something to a project from a commented template.
    #[command(subcommand)]
    New(NewCommand),
}

#[derive(Debug, clap::Args)]
pub struct DiffArgs {
    /// The older version: a git revision (default: HEAD).
    pub base: Option<String>,
    /// The newer version: a git revision (default: the working tree).
    pub head: Option<String>,
    /// The project directory (the one holding resplist.toml), inside a git repository.
    #[arg(long, default_value = ".")]
    pub project: PathBuf,
    /// Compare two project directories instead of git revisions.
    #[arg(long, num_args = 2, value_names = ["OLD", "NEW"], conflicts_with_all = ["base", "head"])]
    pub dirs: Option<Vec<PathBuf>>,
    /// How to print the changes.
    #[arg(long, value_enum, default_value_t = DiffFormat::Human)]
    pub format: DiffFormat,
    /// When to colour the human format.
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    pub color: Color,
    /// Exit with 1 when there are changes (like `git diff --exit-code`).
    #[arg(long)]
    pub exit_code: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DiffFormat {
    /// A readable report for the terminal.
    Human,
    /// A pull-request comment: a summary table, then details per department.
    Markdown,
    /// Every change as JSON.
    Json,
}

#[derive(Debug, clap::Args)]
pub struct FmtArgs {
    /// The project directory (the one holding resplist.toml).
    #[arg(default_value = ".")]
    pub dir: PathBuf,
    /// Change nothing; list the files that would change and exit 1 if there are any.
    #[arg(long)]
    pub check: bool,
}

#[derive(Debug, clap::Args)]
pub struct SchemaArgs {
    /// Where to write the schemas.
    #[arg(long, short, default_value = ".")]
    pub output: PathBuf,
}

#[derive(Debug, clap::Args)]
pub struct InitArgs {
    /// The directory to create the project in (created if missing).
    pub dir: PathBuf,
    /// The language of the site's own words.
    #[arg(long, default_value = "zh-CN", value_parser = ["zh-CN", "en"])]
    pub language: String,
}

/// `resplist import`: spreadsheets into a new project.
#[derive(Debug, clap::Args)]
pub struct ImportArgs {
    /// The workbooks or CSV files to import, or folders holding them.
    #[arg(required = true, value_name = "SOURCE")]
    pub sources: Vec<PathBuf>,
    /// The folder to write the new project into.
    #[arg(long, short, value_name = "DIR")]
    pub output: PathBuf,
    /// Write even into a folder that is not empty.
    #[arg(long)]
    pub force: bool,
}

/// `resplist serve`: a live preview.
#[derive(Debug, clap::Args)]
pub struct ServeArgs {
    /// The project folder.
    #[arg(default_value = ".")]
    pub dir: PathBuf,
    /// The port to listen on, or the next free one.
    #[arg(long, default_value_t = 8000)]
    pub port: u16,
    /// The address to listen on.
    #[arg(long, default_value = "127.0.0.1")]
    pub bind: String,
    /// Open the site in the browser.
    #[arg(long)]
    pub open: bool,
}

#[derive(Debug, Subcommand)]
pub enum NewCommand {
    /// Add a department file, `departments/<ID>.toml`.
    Department(NewDepartmentArgs),
}

#[derive(Debug, clap::Args)]
pub struct NewDepartmentArgs {
    /// The department's id: the file name, e.g. `huanbao`.
    pub id: String,
    /// The department's full name, e.g. "春江县环境保护局".
    #[arg(long)]
    pub name: Option<String>,
    /// The project directory (the one holding resplist.toml).
    #[arg(long, default_value = ".")]
    pub project: PathBuf,
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
    /// Publish even though example content from `init` or `new` remains (W0208).
    #[arg(long)]
    pub allow_placeholders: bool,
    /// In a workspace, build only these members (comma-separated folder names) and none of the
    /// workspace's own pages: one job of a CI matrix. A later full build reuses their output.
    #[arg(long, value_delimiter = ',', value_name = "MEMBERS")]
    pub members: Option<Vec<String>>,
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
    /// A GitLab Code Quality report (JSON), for merge-request annotations.
    Gitlab,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Color {
    Auto,
    Always,
    Never,
}
