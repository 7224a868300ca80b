//! `resplist import`: spreadsheets into a new project, then the report: what was skipped and
//! where, what went into a note, what the clerk must still fill in (file and line in the new
//! project), and the new project's `check` summary.
//!
//! Exit codes: 0 when everything was imported and the project checks clean; 1 when rows or cells
//! were left out or `check` finds errors; 2 when nothing could be imported (nothing is written).

use crate::check;
use crate::cli::ImportArgs;
use crate::i18n::Message;
use crate::import::table::Skip;
use crate::import::{Imported, Outcome, import};
use crate::load;
use crate::msg;

use super::common::Session;
use super::exit;

pub fn run(args: &ImportArgs, session: &mut Session) -> anyhow::Result<u8> {
    let imported = match import(&args.sources, &args.output, args.force, None)? {
        Outcome::Nothing(nothing) => {
            for (file, why) in &nothing.unreadable {
                let line = msg!("import-unreadable", file = file.as_str(), why = why.clone());
                eprintln!("{}", session.say(&line));
            }
            eprintln!("{}", session.error(&anyhow::Error::new(nothing.why)));
            return Ok(exit::CANNOT_RUN);
        }
        Outcome::Imported(imported) => imported,
    };
    let project = load::load(&args.output)?;
    session.project(&project);
    let diagnostics = check::check(&project);
    let dir = args.output.display().to_string();
    print!("{}", report(&imported, &dir, session));
    println!(
        "{}",
        session.say(&super::check::summary(&project, &diagnostics))
    );
    let errors = diagnostics.iter().any(|d| d.is_error());
    if errors {
        println!(
            "{}",
            session.say(&msg!("import-check-hint", dir = dir.as_str()))
        );
    }
    Ok(if errors || imported.lost_anything() {
        exit::ERRORS
    } else {
        exit::OK
    })
}

/// Everything the clerk should know, each part with its count and each line with its place.
fn report(i: &Imported, dir: &str, session: &Session) -> String {
    let mut lines: Vec<Message> = vec![msg!(
        "import-done",
        files = i.files.len(),
        departments = i.departments,
        dir = dir
    )];
    for (file, why) in &i.unreadable {
        lines.push(msg!(
            "import-unreadable",
            file = file.as_str(),
            why = why.clone()
        ));
    }
    if !i.empty.is_empty() {
        lines.push(msg!("import-empty-sheets", sheets = i.empty.join("、")));
    }
    left_out(i, &mut lines);
    if !i.todo.is_empty() {
        lines.push(msg!("import-todo-head", count = i.todo.len()));
        for t in &i.todo {
            let place = format!(
                "{}/{}:{}",
                dir.trim_end_matches('/'),
                t.file.display(),
                t.line
            );
            lines.push(indented(msg!(
                "report-place",
                place = place,
                text = t.what.clone()
            )));
        }
    }
    lines.iter().map(|m| session.say(m) + "\n").collect()
}

fn indented(m: Message) -> Message {
    msg!("report-indented", text = m)
}

/// The rows skipped, the rows of no department, the cells put into notes and those dropped.
fn left_out(i: &Imported, lines: &mut Vec<Message>) {
    if !i.skipped.is_empty() {
        lines.push(msg!("import-skipped-head", count = i.skipped.len()));
        for (place, why) in &i.skipped {
            let why = Message::new(match why {
                Skip::RepeatedHeader => "import-skip-repeated-header",
                Skip::Total => "import-skip-total",
                Skip::NoKey => "import-skip-no-key",
                Skip::NoHeader => "import-skip-no-header",
            });
            lines.push(indented(msg!(
                "report-place",
                place = place.to_string(),
                text = why
            )));
        }
    }
    if !i.orphans.is_empty() {
        lines.push(msg!("import-orphans-head", count = i.orphans.len()));
        for place in &i.orphans {
            lines.push(indented(msg!("import-orphan", place = place.to_string())));
        }
    }
    if !i.noted.is_empty() {
        lines.push(msg!("import-noted-head", count = i.noted.len()));
        for (place, header, value, into) in &i.noted {
            lines.push(indented(msg!(
                "import-noted",
                place = place.to_string(),
                header = header.as_str(),
                value = value.as_str(),
                into = into.clone()
            )));
        }
    }
    if !i.dropped.is_empty() {
        lines.push(msg!("import-dropped-head", count = i.dropped.len()));
        for (place, header, value) in &i.dropped {
            lines.push(indented(msg!(
                "import-dropped",
                place = place.to_string(),
                header = header.as_str(),
                value = value.as_str()
            )));
        }
    }
}
