//! The command line in the run's language: `--help` from the catalogues (a `help-…` message per
//! command and per argument; a test keeps them complete), and clap's own errors put into words.
//! Clap words its help and its errors in English only, so the help is laid out here with a
//! template and the errors are rebuilt from what clap found (the argument, the value, the
//! suggestion).

use std::ffi::OsString;

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, ArgAction, Command, CommandFactory, FromArgMatches};

use super::Cli;
use crate::i18n::{self, Catalog};
use crate::model::Language;
use crate::msg;

/// What to do instead of running a command: print `text` (to stdout for help and version, to
/// stderr for a mistake) and exit with `code`.
pub struct Stop {
    pub text: String,
    pub to_stdout: bool,
    pub code: u8,
}

/// The parsed command line, or what to print instead.
pub fn parse(args: Vec<OsString>) -> Result<Cli, Stop> {
    let language = early_language(&args);
    let mut command = command(language);
    let matches = command
        .try_get_matches_from_mut(args)
        .map_err(|err| stop(&err, language))?;
    Cli::from_arg_matches(&matches).map_err(|err| stop(&err, language))
}

/// The language of the help and of argument errors, before the arguments are parsed: `--lang`
/// as given, else as [`i18n::choose`] chooses (the project's language being that of the
/// project in the current directory, if any).
fn early_language(args: &[OsString]) -> Language {
    let mut flag = None;
    let mut words = args.iter().filter_map(|a| a.to_str());
    while let Some(word) = words.next() {
        let value = match word.strip_prefix("--lang") {
            Some("") => words.next(),
            Some(rest) => rest.strip_prefix('='),
            None => None,
        };
        if let Some(language) = value.and_then(Language::parse) {
            flag = Some(language);
        }
    }
    let project = crate::load::read_capped(std::path::Path::new(crate::load::SITE_FILE))
        .ok()
        .flatten()
        .and_then(|bytes| String::from_utf8(bytes).ok())
        .and_then(|text| text.parse::<toml::Table>().ok())
        .and_then(|table| {
            let language = table.get("site")?.get("language")?.as_str()?;
            Language::parse(language)
        });
    i18n::choose(flag, project)
}

/// The command line with every help text in `language`.
pub fn command(language: Language) -> Command {
    let catalog = Catalog::of(language);
    localize(Cli::command(), None, catalog)
        .disable_version_flag(true)
        .arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help(catalog.words("help-version")),
        )
}

/// The catalogue id of the help of the command at `path` (`help-check`, `help-new-department`;
/// the top command's is `help-about`), or of one of its arguments (`help-check-format`).
pub fn help_id(path: &[String], arg: Option<&str>) -> String {
    if path.is_empty() && arg.is_none() {
        return "help-about".into();
    }
    let mut id = String::from("help");
    for part in path.iter().map(String::as_str).chain(arg) {
        id.push('-');
        id.push_str(&part.replace('_', "-"));
    }
    id
}

/// `command` and its subcommands with their help in the catalogue's words; `parent` is the path
/// of the command above (`None` for the top command).
fn localize(command: Command, parent: Option<&[String]>, catalog: &Catalog) -> Command {
    let here: Vec<String> = match parent {
        None => Vec::new(),
        Some(path) => path
            .iter()
            .cloned()
            .chain([command.get_name().to_string()])
            .collect(),
    };
    let positionals = command.get_positionals().next().is_some();
    let subcommands: Vec<String> = command
        .get_subcommands()
        .map(|c| c.get_name().to_string())
        .collect();
    let mut command = command
        .about(catalog.words(&help_id(&here, None)))
        .long_about(None)
        .help_template(template(positionals, !subcommands.is_empty(), catalog))
        .subcommand_value_name(catalog.words("help-command-value"))
        .mut_args(|arg| {
            let id = arg.get_id().to_string();
            let names = value_names(&arg, catalog);
            let arg = arg
                .help(catalog.words(&help_id(&here, Some(&id))))
                .long_help(None);
            // The help texts say the defaults and the choices, in words.
            if names.is_empty() {
                arg
            } else {
                arg.value_names(names)
                    .hide_default_value(true)
                    .hide_possible_values(true)
            }
        })
        .disable_help_flag(true)
        .disable_help_subcommand(true)
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help(catalog.words("help-help")),
        );
    for name in subcommands {
        command = command.mut_subcommand(&name, |sub| localize(sub, Some(&here), catalog));
    }
    command
}

/// The names of an argument's values in the catalogue's words (`<DIR>` is `<文件夹>`):
/// `help-value-dir`. A positional argument's name is its id.
fn value_names(arg: &Arg, catalog: &Catalog) -> Vec<String> {
    // The derive names the values of flags too, which take none.
    if !arg.get_action().takes_values() {
        return Vec::new();
    }
    let names: Vec<String> = match arg.get_value_names() {
        Some(names) => names.iter().map(ToString::to_string).collect(),
        None => vec![arg.get_id().to_string()],
    };
    names
        .iter()
        .map(|name| {
            catalog.words(&format!(
                "help-value-{}",
                name.to_lowercase().replace('_', "-")
            ))
        })
        .collect()
}

/// The help's layout, with headings in the catalogue's words (clap's are English).
fn template(positionals: bool, subcommands: bool, catalog: &Catalog) -> String {
    let mut out = format!(
        "{{about-with-newline}}\n{}{{usage}}\n",
        catalog.words("help-usage")
    );
    if subcommands {
        let heading = catalog.words("help-commands");
        out.push_str(&format!("\n{heading}\n{{subcommands}}\n"));
    }
    if positionals {
        let heading = catalog.words("help-arguments");
        out.push_str(&format!("\n{heading}\n{{positionals}}\n"));
    }
    let heading = catalog.words("help-options");
    out.push_str(&format!("\n{heading}\n{{options}}\n"));
    out
}

/// What to print for a clap error. Help and version are clap's own output (already in the
/// run's words); a mistake is said in them, with the usage and where to find help.
fn stop(err: &clap::Error, language: Language) -> Stop {
    let catalog = Catalog::of(language);
    let (text, to_stdout, code) = match err.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => (err.render().to_string(), true, 0),
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => (err.render().to_string(), false, 2),
        _ => (catalog.text(&mistake(err)), false, 2),
    };
    // The one word of clap's usage lines the template cannot reach.
    let text = text.replace("[OPTIONS]", &catalog.words("help-options-value"));
    let text = format!("{}\n", text.trim_end());
    Stop {
        text,
        to_stdout,
        code,
    }
}

fn mistake(err: &clap::Error) -> crate::i18n::Message {
    let text = |kind| match err.get(kind) {
        Some(ContextValue::String(s)) => s.clone(),
        Some(ContextValue::Strings(list)) => list.join(", "),
        Some(ContextValue::StyledStr(s)) => s.to_string(),
        Some(ContextValue::StyledStrs(list)) => list
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(", "),
        _ => String::new(),
    };
    let message = match err.kind() {
        ErrorKind::UnknownArgument => msg!(
            "cli-unknown-argument",
            arg = text(ContextKind::InvalidArg),
            suggest = suggestion(&text(ContextKind::SuggestedArg))
        ),
        ErrorKind::InvalidSubcommand => msg!(
            "cli-unknown-command",
            command = text(ContextKind::InvalidSubcommand),
            suggest = suggestion(&text(ContextKind::SuggestedSubcommand))
        ),
        ErrorKind::MissingRequiredArgument => {
            msg!("cli-missing-argument", args = text(ContextKind::InvalidArg))
        }
        ErrorKind::MissingSubcommand => msg!("cli-missing-command"),
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => msg!(
            "cli-invalid-value",
            arg = text(ContextKind::InvalidArg),
            value = text(ContextKind::InvalidValue),
            valid = text(ContextKind::ValidValue)
        ),
        ErrorKind::ArgumentConflict => msg!(
            "cli-conflict",
            arg = text(ContextKind::InvalidArg),
            other = text(ContextKind::PriorArg)
        ),
        _ => msg!("cli-bad-usage", detail = err.kind().to_string()),
    };
    let usage = text(ContextKind::Usage);
    // Clap's usage starts with its English heading.
    let usage = usage
        .trim()
        .strip_prefix("Usage:")
        .unwrap_or(usage.trim())
        .trim();
    if usage.is_empty() {
        msg!("cli-error-no-usage", message = message)
    } else {
        msg!("cli-error", message = message, usage = usage)
    }
}

/// ` (did you mean `a` or `b`?)`, or nothing; clap gives the names joined with `, `.
fn suggestion(suggested: &str) -> crate::i18n::Arg {
    if suggested.is_empty() {
        return "".into();
    }
    let names: Vec<&str> = suggested.split(", ").collect();
    match names.as_slice() {
        [one] => msg!("cli-did-you-mean", name = *one).into(),
        [first, second, ..] => {
            msg!("cli-did-you-mean-either", first = *first, second = *second).into()
        }
        [] => "".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every command and argument of the command line, as catalogue ids.
    fn ids(command: &Command, parent: Option<&[String]>, out: &mut Vec<String>) {
        let here: Vec<String> = match parent {
            None => Vec::new(),
            Some(path) => path
                .iter()
                .cloned()
                .chain([command.get_name().to_string()])
                .collect(),
        };
        out.push(help_id(&here, None));
        for arg in command.get_arguments() {
            out.push(help_id(&here, Some(arg.get_id().as_str())));
        }
        for sub in command.get_subcommands() {
            ids(sub, Some(&here), out);
        }
    }

    #[test]
    fn every_command_and_argument_has_its_help_in_both_languages() {
        let mut all = Vec::new();
        ids(&Cli::command(), None, &mut all);
        all.extend(
            [
                "help-help",
                "help-version",
                "help-usage",
                "help-commands",
                "help-arguments",
                "help-options",
                "help-command-value",
                "help-options-value",
            ]
            .map(String::from),
        );
        for language in [Language::ZhCn, Language::En] {
            let catalog = Catalog::of(language);
            let missing: Vec<&String> = all.iter().filter(|id| catalog.words(id) == **id).collect();
            assert!(missing.is_empty(), "{language:?}: {missing:?}");
        }
    }

    #[test]
    fn the_command_line_is_well_formed_in_both_languages() {
        for language in [Language::ZhCn, Language::En] {
            command(language).debug_assert();
        }
    }

    #[test]
    fn the_help_is_in_chinese_and_the_language_flag_is_read_first() {
        let help = command(Language::ZhCn).render_help().to_string();
        assert!(help.contains("用法："), "{help}");
        assert!(help.contains("检查"), "{help}");
        assert!(
            !help.contains("Usage") && !help.contains("Print help"),
            "{help}"
        );
        let args = |a: &[&str]| a.iter().map(OsString::from).collect::<Vec<_>>();
        assert_eq!(
            early_language(&args(&["resplist", "--lang", "en", "check"])),
            Language::En
        );
        assert_eq!(
            early_language(&args(&["resplist", "check", "--lang=zh-CN"])),
            Language::ZhCn
        );
    }
}
