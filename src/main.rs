//! The `resplist` command: parse the arguments, run the command, turn its outcome into an exit
//! code.

use std::process::ExitCode;

/// glibc's allocator returns big blocks to the kernel and faults them back in for every large
/// page it renders; mimalloc keeps them, which halves the build's system time.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::io::Write;

use resplist::cli::{Command, NewCommand, localized};
use resplist::commands::common::Session;
use resplist::commands::{self, exit};

fn main() -> ExitCode {
    // `resplist import` reads each workbook in a child process of its own (see import::read).
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    if args
        .get(1)
        .is_some_and(|a| a == resplist::import::read::CHILD)
    {
        let path = args
            .get(2)
            .map(std::path::PathBuf::from)
            .unwrap_or_default();
        return match resplist::import::read::serve(&path) {
            Ok(()) => ExitCode::SUCCESS,
            Err(_) => ExitCode::from(exit::CANNOT_RUN),
        };
    }
    let cli = match localized::parse(std::env::args_os().collect()) {
        Ok(cli) => cli,
        Err(stop) => {
            // A closed pipe (`resplist --help | head`) is not worth reporting.
            let _ = if stop.to_stdout {
                std::io::stdout().lock().write_all(stop.text.as_bytes())
            } else {
                std::io::stderr().lock().write_all(stop.text.as_bytes())
            };
            return ExitCode::from(stop.code);
        }
    };
    let mut session = Session::new(cli.lang);
    let result = match &cli.command {
        Command::Check(args) => commands::check::run(args, &mut session),
        Command::Build(args) => commands::build::run(args, &mut session),
        Command::Diff(args) => commands::diff::run(args, &mut session),
        Command::Fmt(args) => commands::fmt::run(args, &mut session),
        Command::Schema(args) => commands::schema::run(args, &mut session),
        Command::Init(args) => commands::init::init(args, &mut session),
        Command::Import(args) => commands::import::run(args, &mut session),
        Command::Serve(args) => resplist::serve::run(args, &mut session),
        Command::New(NewCommand::Department(args)) => {
            commands::init::new_department(args, &mut session)
        }
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(err) => {
            eprintln!("{}", session.error(&err));
            ExitCode::from(exit::CANNOT_RUN)
        }
    }
}
