use std::process::ExitCode;

use clap::Parser;
use resplist::cli::{Cli, Command};
use resplist::commands::{self, exit};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match &cli.command {
        Command::Check(args) => commands::check::run(args),
        Command::Build(args) => commands::build::run(args),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(err) => {
            eprintln!("error: {err:#}");
            ExitCode::from(exit::CANNOT_RUN)
        }
    }
}
