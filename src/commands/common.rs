//! What every command needs: the language it speaks, whether to colour, and how to print a
//! project's diagnostics and a failure.

use std::path::Path;

use anstream::stream::RawStream;
use anstream::{AutoStream, ColorChoice};

use crate::cli::Color;
use crate::diagnostic::{Diagnostic, Report, Sources};
use crate::i18n::{self, Message};
use crate::model::{Language, Project};

/// A run of one command: the language asked for with `--lang`, and the language it speaks,
/// which takes the project's into account once the project is known.
#[derive(Debug, Clone)]
pub struct Session {
    flag: Option<Language>,
    pub language: Language,
}

impl Session {
    pub fn new(flag: Option<Language>) -> Session {
        Session {
            flag,
            language: i18n::choose(flag, None),
        }
    }

    /// Speaks the project's language unless `--lang` or `RESPLIST_LANG` says otherwise.
    pub fn project(&mut self, project: &Project) {
        let language = project.site.as_ref().map(|s| s.site.get_ref().language());
        self.language = i18n::choose(self.flag, language);
    }

    /// Speaks `language` (a project's about to be made) unless `--lang` or `RESPLIST_LANG` says
    /// otherwise.
    pub fn speak(&mut self, language: Language) {
        self.language = i18n::choose(self.flag, Some(language));
    }

    /// Speaks the language of the project (or workspace) in `root` before it is loaded (`fmt`,
    /// `new`), as `project` does; a `resplist.toml` that does not parse leaves the language as
    /// it is.
    pub fn site_language(&mut self, root: &Path) {
        let text = std::fs::read_to_string(root.join(crate::load::SITE_FILE)).unwrap_or_default();
        let language = toml::from_str::<crate::model::SiteFile>(&text)
            .map(|f| f.site.get_ref().language())
            .or_else(|_| {
                toml::from_str::<crate::model::workspace::WorkspaceFile>(&text)
                    .map(|f| f.workspace.get_ref().language())
            });
        if let Ok(language) = language {
            self.language = i18n::choose(self.flag, Some(language));
        }
    }

    /// A message in the run's language.
    pub fn say(&self, message: &Message) -> String {
        message.text(self.language)
    }

    /// What the system said, in the run's language where resplist knows the words.
    fn io_error(&self, io: &std::io::Error) -> String {
        match io.kind() {
            std::io::ErrorKind::NotFound => self.say(&Message::new("io-not-found")),
            std::io::ErrorKind::PermissionDenied => self.say(&Message::new("io-permission-denied")),
            _ => io.to_string(),
        }
    }

    /// A failure as the last line a command prints: `error: …`, each cause after a colon, the
    /// causes resplist wrote in the run's language.
    pub fn error(&self, err: &anyhow::Error) -> String {
        let causes: Vec<String> = err
            .chain()
            .enumerate()
            .map(|(i, cause)| {
                // A context resplist added (`with_context(|| msg!(…))`) is reached through
                // `anyhow`'s own downcast; in the chain it is wrapped.
                let message = match i {
                    0 => err.downcast_ref::<Message>(),
                    _ => cause.downcast_ref::<Message>(),
                };
                match (message, cause.downcast_ref::<std::io::Error>()) {
                    (Some(message), _) => self.say(message),
                    (None, Some(io)) => self.io_error(io),
                    (None, None) => cause.to_string(),
                }
            })
            .collect();
        let head = self.say(&Message::new("level-error"));
        format!("{head}: {}", causes.join(": "))
    }
}

/// Colour when asked, or on a terminal that wants it (`NO_COLOR`, `CLICOLOR` and `TERM=dumb`
/// turn `auto` off, as anstream reads them).
pub fn use_color(choice: Color, stream: &impl RawStream) -> bool {
    match choice {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => AutoStream::choice(stream) != ColorChoice::Never,
    }
}

/// Prints every diagnostic to standard error, rustc-style, paths shown from `display_root`.
pub fn print_diagnostics(
    sources: &Sources,
    display_root: &Path,
    diagnostics: &[Diagnostic],
    color: Color,
    language: Language,
) {
    let report = Report {
        sources,
        display_root: display_root.to_path_buf(),
        language,
    };
    let color = use_color(color, &std::io::stderr());
    for d in diagnostics {
        eprintln!("{}\n", report.human(d, color));
    }
}

/// Fails, in the workspace's language, when `dir` is a workspace: `command` (build, diff,
/// serve) does not take one yet; the message says what to run instead.
pub fn not_a_workspace(dir: &Path, command: &str, session: &mut Session) -> anyhow::Result<()> {
    if !crate::load::is_workspace(dir) {
        return Ok(());
    }
    session.site_language(dir);
    anyhow::bail!(crate::msg!(
        "workspace-not-yet",
        dir = dir.display().to_string(),
        command = command
    ))
}
