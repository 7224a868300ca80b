//! Every sentence resplist says, in Chinese and in English. The words are Project Fluent
//! catalogues embedded in the binary (`locales/zh-CN.ftl`, `locales/en.ftl`); code names a
//! sentence by its id and arguments (a [`Message`]), and it is put into words only when it is
//! shown, in the language chosen for the run ([`choose`]).

use std::borrow::Cow;
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

use crate::model::Language;

const ZH_CN: &str = include_str!("../locales/zh-CN.ftl");
const EN: &str = include_str!("../locales/en.ftl");

/// A sentence to say: its id in the catalogues and its arguments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub id: &'static str,
    pub args: Vec<(&'static str, Arg)>,
}

/// An argument of a message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Arg {
    /// Text shown as it is: an id, a path, a value from the sources.
    Text(String),
    Number(i64),
    /// Text that has a word in each language (an enum's label).
    Words {
        zh: String,
        en: String,
    },
    /// Another message, put into words in the same language.
    Message(Box<Message>),
    /// A path relative to the project. A report shows it relative to the directory the command
    /// was run in ([`Message::rooted`]), as it shows the file of a diagnostic.
    Path(String),
}

impl Message {
    pub fn new(id: &'static str) -> Message {
        Message {
            id,
            args: Vec::new(),
        }
    }

    /// Adds an argument.
    pub fn arg(mut self, name: &'static str, value: impl Into<Arg>) -> Message {
        self.args.push((name, value.into()));
        self
    }

    /// The message with its project-relative paths shown from `root` (where the project is,
    /// seen from the directory the command was run in).
    pub fn rooted(&self, root: &std::path::Path) -> Message {
        let args = self.args.iter().map(|(name, value)| {
            let value = match value {
                Arg::Path(path)
                    if !root.as_os_str().is_empty() && root != std::path::Path::new(".") =>
                {
                    Arg::Text(root.join(path).to_string_lossy().replace('\\', "/"))
                }
                Arg::Message(inner) => Arg::Message(Box::new(inner.rooted(root))),
                other => other.clone(),
            };
            (*name, value)
        });
        Message {
            id: self.id,
            args: args.collect(),
        }
    }

    /// The message in `language`.
    pub fn text(&self, language: Language) -> String {
        Catalog::of(language).text(self)
    }
}

impl From<String> for Arg {
    fn from(text: String) -> Arg {
        Arg::Text(text)
    }
}

impl From<&String> for Arg {
    fn from(text: &String) -> Arg {
        Arg::Text(text.clone())
    }
}

impl From<&str> for Arg {
    fn from(text: &str) -> Arg {
        Arg::Text(text.to_string())
    }
}

impl From<usize> for Arg {
    fn from(n: usize) -> Arg {
        Arg::Number(i64::try_from(n).unwrap_or(i64::MAX))
    }
}

impl From<u64> for Arg {
    fn from(n: u64) -> Arg {
        Arg::Number(i64::try_from(n).unwrap_or(i64::MAX))
    }
}

impl From<i64> for Arg {
    fn from(n: i64) -> Arg {
        Arg::Number(n)
    }
}

impl From<&std::path::Path> for Arg {
    fn from(path: &std::path::Path) -> Arg {
        Arg::Path(path.to_string_lossy().replace('\\', "/"))
    }
}

impl From<Message> for Arg {
    fn from(message: Message) -> Arg {
        Arg::Message(Box::new(message))
    }
}

/// In English, for where no language is known (logs, `anyhow` chains before they are shown).
impl std::fmt::Display for Message {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text(Language::En))
    }
}

/// A message can be an error: commands fail with one, and `Session::error` puts it into the
/// run's language.
impl std::error::Error for Message {}

/// `msg!("unknown-section", id = "wrfz")`: a [`Message`] with its arguments.
#[macro_export]
macro_rules! msg {
    ($id:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::i18n::Message::new($id)$(.arg(stringify!($name), $value))*
    };
}

/// One language's catalogue.
pub struct Catalog {
    language: Language,
    bundle: FluentBundle<FluentResource>,
}

impl Catalog {
    /// The catalogue of `language`, parsed once.
    pub fn of(language: Language) -> &'static Catalog {
        static ZH: OnceLock<Catalog> = OnceLock::new();
        static ENGLISH: OnceLock<Catalog> = OnceLock::new();
        match language {
            Language::ZhCn => ZH.get_or_init(|| Catalog::new(language, ZH_CN)),
            Language::En => ENGLISH.get_or_init(|| Catalog::new(language, EN)),
        }
    }

    fn new(language: Language, source: &str) -> Catalog {
        let locale = language.key().parse().unwrap_or_default();
        let mut bundle = FluentBundle::new_concurrent(vec![locale]);
        // Terminals and web pages show the isolation marks Fluent adds around arguments.
        bundle.set_use_isolating(false);
        // The catalogues are part of the binary; a test proves that they parse.
        let resource = match FluentResource::try_new(source.to_string()) {
            Ok(resource) | Err((resource, _)) => resource,
        };
        let _ = bundle.add_resource(resource);
        Catalog { language, bundle }
    }

    /// The words of message `id`, which takes no arguments (`help-…` texts, made from names at
    /// run time); the id itself when the catalogue lacks it.
    pub fn words(&self, id: &str) -> String {
        let Some(pattern) = self.bundle.get_message(id).and_then(|m| m.value()) else {
            return id.to_string();
        };
        let mut errors = Vec::new();
        self.bundle
            .format_pattern(pattern, None, &mut errors)
            .into_owned()
    }

    /// The message in this catalogue's language. A message the catalogue lacks shows as its id
    /// (a test proves that both catalogues have every message).
    pub fn text(&self, message: &Message) -> String {
        let Some(pattern) = self.bundle.get_message(message.id).and_then(|m| m.value()) else {
            return message.id.to_string();
        };
        let mut args = FluentArgs::new();
        for (name, value) in &message.args {
            let value: FluentValue = match value {
                Arg::Text(text) | Arg::Path(text) => FluentValue::String(Cow::Owned(text.clone())),
                Arg::Number(n) => FluentValue::from(*n),
                Arg::Words { zh, en } => FluentValue::String(Cow::Owned(match self.language {
                    Language::ZhCn => zh.clone(),
                    Language::En => en.clone(),
                })),
                Arg::Message(inner) => FluentValue::String(Cow::Owned(self.text(inner))),
            };
            args.set(*name, value);
        }
        let mut errors = Vec::new();
        self.bundle
            .format_pattern(pattern, Some(&args), &mut errors)
            .into_owned()
    }
}

/// The language of a run: `--lang`, else `RESPLIST_LANG`, else the project's `language`, else
/// the locale (`LC_ALL`, `LC_MESSAGES`, `LANG`), else English.
pub fn choose(flag: Option<Language>, project: Option<Language>) -> Language {
    let env = |name: &str| std::env::var(name).ok().filter(|v| !v.is_empty());
    flag.or_else(|| env("RESPLIST_LANG").and_then(|v| Language::parse(&v)))
        .or(project)
        .or_else(|| {
            ["LC_ALL", "LC_MESSAGES", "LANG"]
                .iter()
                .find_map(|name| env(name))
                .map(|locale| from_locale(&locale))
        })
        .unwrap_or(Language::En)
}

/// `zh_CN.UTF-8`, `zh_TW`, `zh` are Chinese; anything else is English.
fn from_locale(locale: &str) -> Language {
    if locale.to_ascii_lowercase().starts_with("zh") {
        Language::ZhCn
    } else {
        Language::En
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use fluent_syntax::ast;

    /// Every message id of a catalogue with the variables it uses, sorted.
    fn messages(source: &str) -> Vec<(String, Vec<String>)> {
        let resource = match fluent_syntax::parser::parse(source) {
            Ok(resource) => resource,
            Err((_, errors)) => panic!("the catalogue does not parse: {errors:?}"),
        };
        let mut out: Vec<(String, Vec<String>)> = resource
            .body
            .iter()
            .filter_map(|entry| match entry {
                ast::Entry::Message(m) => {
                    let mut vars = Vec::new();
                    if let Some(pattern) = &m.value {
                        variables(pattern, &mut vars);
                    }
                    vars.sort();
                    vars.dedup();
                    Some((m.id.name.to_string(), vars))
                }
                _ => None,
            })
            .collect();
        out.sort();
        out
    }

    fn variables(pattern: &ast::Pattern<&str>, out: &mut Vec<String>) {
        for element in &pattern.elements {
            if let ast::PatternElement::Placeable { expression } = element {
                expression_variables(expression, out);
            }
        }
    }

    fn expression_variables(expression: &ast::Expression<&str>, out: &mut Vec<String>) {
        match expression {
            ast::Expression::Select { selector, variants } => {
                inline_variables(selector, out);
                for v in variants {
                    variables(&v.value, out);
                }
            }
            ast::Expression::Inline(inline) => inline_variables(inline, out),
        }
    }

    fn inline_variables(inline: &ast::InlineExpression<&str>, out: &mut Vec<String>) {
        match inline {
            ast::InlineExpression::VariableReference { id } => out.push(id.name.to_string()),
            ast::InlineExpression::Placeable { expression } => {
                expression_variables(expression, out)
            }
            _ => {}
        }
    }

    #[test]
    fn both_catalogues_have_every_message_with_the_same_arguments() {
        let (zh, en) = (messages(ZH_CN), messages(EN));
        assert!(!zh.is_empty());
        let ids =
            |m: &[(String, Vec<String>)]| m.iter().map(|(id, _)| id.clone()).collect::<Vec<_>>();
        assert_eq!(ids(&zh), ids(&en), "the catalogues have different messages");
        for ((id, a), (_, b)) in zh.iter().zip(&en) {
            assert_eq!(a, b, "`{id}` takes different arguments in zh-CN and en");
        }
    }

    #[test]
    fn messages_take_their_arguments_in_either_language() {
        let m = Message::new("summary-errors").arg("n", 2usize);
        assert_eq!(m.text(Language::En), "2 errors");
        assert_eq!(m.text(Language::ZhCn), "2 个错误");
        let one = Message::new("summary-errors").arg("n", 1usize);
        assert_eq!(one.text(Language::En), "1 error");
    }

    #[test]
    fn the_language_is_chosen_from_the_locale_last() {
        assert_eq!(from_locale("zh_CN.UTF-8"), Language::ZhCn);
        assert_eq!(from_locale("C.UTF-8"), Language::En);
        assert_eq!(
            choose(Some(Language::En), Some(Language::ZhCn)),
            Language::En
        );
    }

    /// The text of a pattern as a reader sees it, each placeable a space, every variant of a
    /// select expression one after the other.
    fn shown(pattern: &ast::Pattern<&str>, out: &mut String) {
        for element in &pattern.elements {
            match element {
                ast::PatternElement::TextElement { value } => out.push_str(value),
                ast::PatternElement::Placeable {
                    expression: ast::Expression::Select { variants, .. },
                } => {
                    for v in variants {
                        out.push(' ');
                        shown(&v.value, out);
                    }
                }
                ast::PatternElement::Placeable {
                    expression:
                        ast::Expression::Inline(ast::InlineExpression::StringLiteral { value }),
                } => out.push_str(value),
                ast::PatternElement::Placeable { .. } => out.push(' '),
            }
        }
    }

    /// Names that stay as they are in Chinese text: formats, encodings, programs, keys.
    const PROPER_NAMES: &[&str] = &[
        "LibreOffice",
        "UTF-8",
        "UTF-16",
        "GBK",
        "GB2312",
        "GB18030",
        "TOML",
        "JSON",
        "CSV",
        "Schema",
        "Markdown",
        "Windows",
        "Linux",
        "macOS",
        "WPS",
        "Word",
        "Excel",
        "VS",
        "Code",
        "Shift",
        "Ctrl",
        "GitHub",
        "GitLab",
        "HEAD",
        "RESPLIST_LANG",
        "MiB",
    ];

    /// Lowercase words a Chinese message may hold: the commands and options of the command
    /// line, the fields and values of the format, and a few programs and file names.
    fn lowercase_names() -> std::collections::HashSet<String> {
        use crate::model::describe::{Described, Kind};
        use clap::CommandFactory;
        let mut names: std::collections::HashSet<String> = [
            "resplist",
            "git",
            "iconv",
            "toml",
            "csv",
            "md",
            "docs",
            "format",
            "editors",
            "public",
            "departments",
            "true",
            "false",
            "en",
            "zh",
            "con",
            "prn",
            "aux",
            "nul",
            "com",
            "lpt",
            "com1",
            "com9",
            "lpt1",
            "lpt9",
            "cat-file",
            "old",
            "new",
            "help",
            "exit-code",
            "f",
            "t",
            "a",
            "z",
        ]
        .map(String::from)
        .into();
        fn commands(command: &clap::Command, out: &mut std::collections::HashSet<String>) {
            out.insert(command.get_name().to_string());
            for arg in command.get_arguments() {
                out.extend(arg.get_long().map(str::to_string));
                out.extend(
                    arg.get_possible_values()
                        .iter()
                        .map(|v| v.get_name().to_string()),
                );
            }
            for sub in command.get_subcommands() {
                commands(sub, out);
            }
        }
        commands(&crate::cli::Cli::command(), &mut names);
        for root in [
            crate::model::Department::description(),
            crate::model::SiteFile::description(),
        ] {
            for entity in root.walk() {
                for field in entity.fields {
                    names.insert(field.key.to_string());
                    if let Kind::Enum(choices) = field.kind {
                        names.extend(choices.keys().map(str::to_string));
                    }
                }
            }
        }
        names
    }

    #[test]
    fn the_chinese_catalogue_holds_no_english_words_but_names_codes_and_keys() {
        let resource = match fluent_syntax::parser::parse(ZH_CN) {
            Ok(resource) => resource,
            Err((_, errors)) => panic!("{errors:?}"),
        };
        let lowercase = lowercase_names();
        let mut foreign = Vec::new();
        for entry in &resource.body {
            let ast::Entry::Message(m) = entry else {
                continue;
            };
            let mut text = String::new();
            if let Some(pattern) = &m.value {
                shown(pattern, &mut text);
            }
            // Code between backticks is what the clerk types: keys, values, commands.
            let outside: String = text.split('`').step_by(2).collect::<Vec<_>>().join(" ");
            for word in outside
                .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-'))
                .map(|w| w.trim_matches('-'))
                .filter(|w| w.chars().next().is_some_and(|c| c.is_ascii_alphabetic()))
            {
                let code = word.len() == 5
                    && word.starts_with(['E', 'W'])
                    && word[1..].chars().all(|c| c.is_ascii_digit());
                let fine = code
                    || PROPER_NAMES.contains(&word)
                    || lowercase.contains(word)
                    || word.split('-').all(|part| lowercase.contains(part));
                if !fine {
                    foreign.push(format!("{}: {word}", m.id.name));
                }
            }
        }
        assert!(
            foreign.is_empty(),
            "English words in zh-CN.ftl: {foreign:#?}"
        );
    }
}
