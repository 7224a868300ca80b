//! `resplist init` and `resplist new department`: new projects and department files from
//! commented templates that check clean. Neither ever overwrites a file.

use std::fs;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};

use super::common::Session;
use super::exit;
use crate::cli::{InitArgs, NewDepartmentArgs};
use crate::i18n::Arg;
use crate::load::{self, DEPARTMENTS_DIR, SITE_FILE};
use crate::model::{Language, is_valid_id};
use crate::msg;
use crate::suggest::id_hint;

const TAPLO_CONFIG: &str = ".taplo.toml";
/// Keeps the built site out of the repository: reviewers read the sources, not the output.
const GITIGNORE: &str = ".gitignore";
const GITIGNORE_TEMPLATE: &str =
    "# The site `resplist build` writes; it is built from the sources, not committed.\n/public/\n";
const SCHEMAS_DIR: &str = "schemas";
/// The id and name of the example department `init` writes.
const EXAMPLE_ID: &str = "example";

pub fn init(args: &InitArgs, session: &mut Session) -> anyhow::Result<u8> {
    let Some(language) = Language::parse(&args.language) else {
        bail!(msg!("unknown-language", language = &args.language));
    };
    session.speak(language);
    let dir = &args.dir;
    let example = PathBuf::from(DEPARTMENTS_DIR).join(format!("{EXAMPLE_ID}.toml"));
    let schemas = super::schema::files();
    let mut files: Vec<(PathBuf, String)> = vec![
        (
            PathBuf::from(SITE_FILE),
            site_template(language).to_string(),
        ),
        (
            example.clone(),
            department_template(language, EXAMPLE_ID, example_name(language)),
        ),
        (PathBuf::from(TAPLO_CONFIG), TAPLO_TEMPLATE.to_string()),
        (PathBuf::from(GITIGNORE), GITIGNORE_TEMPLATE.to_string()),
    ];
    files.extend(
        schemas
            .into_iter()
            .map(|(name, text)| (Path::new(SCHEMAS_DIR).join(name), text)),
    );
    refuse_existing(dir, &files)?;
    let mut writer = Writer::default();
    for (path, text) in &files {
        if let Err(err) = writer.create(&dir.join(path), text) {
            writer.undo();
            return Err(err.context(msg!("init-failed", dir = dir.display().to_string())));
        }
    }
    print_created(dir, &example, session);
    Ok(exit::OK)
}

/// Refuses, before writing anything, when the directory already holds a project or any file
/// `init` would write.
fn refuse_existing(dir: &Path, files: &[(PathBuf, String)]) -> anyhow::Result<()> {
    let shown = dir.display().to_string();
    if std::fs::canonicalize(dir).is_ok_and(|d| crate::render::output::is_root_or_home(&d)) {
        bail!(msg!("init-root-or-home", dir = &shown));
    }
    for project_path in [SITE_FILE, DEPARTMENTS_DIR] {
        if exists(&dir.join(project_path)) {
            bail!(msg!(
                "init-project-exists",
                path = dir.join(project_path).display().to_string(),
                dir = &shown
            ));
        }
    }
    for (path, _) in files {
        let path = dir.join(path);
        if exists(&path) {
            bail!(msg!("init-file-exists", path = path.display().to_string()));
        }
    }
    Ok(())
}

fn print_created(dir: &Path, example: &Path, session: &Session) {
    let created = msg!(
        "init-created",
        dir = dir.display().to_string(),
        site = SITE_FILE,
        example = example.display().to_string(),
        editor = format!("{TAPLO_CONFIG}, {SCHEMAS_DIR}/"),
        ignore = GITIGNORE
    );
    println!("{}", session.say(&created));
}

pub fn new_department(args: &NewDepartmentArgs, session: &mut Session) -> anyhow::Result<u8> {
    session.site_language(&args.project);
    let id = args.id.trim();
    let name = args.name.as_deref().map(str::trim);
    if !is_valid_id(id) {
        // `new department 卫健局`: a name where the id belongs; say the command that works.
        if let Some(suggested) = id_hint(id)
            && !id.is_ascii()
        {
            let project = if args.project == Path::new(".") {
                String::new()
            } else {
                format!(" --project {}", args.project.display())
            };
            let command = format!(
                "resplist new department {suggested} --name \"{}\"{project}",
                name.unwrap_or(id)
            );
            bail!(msg!(
                "new-department-name-as-id",
                id = id,
                command = command
            ));
        }
        let hint: Arg = match id_hint(id) {
            Some(id) => msg!("new-department-try", id = id).into(),
            None => "".into(),
        };
        bail!(msg!("new-department-bad-id", id = id, hint = hint));
    }
    let Some(name) = name.filter(|n| !n.is_empty()) else {
        bail!(msg!("new-department-no-name", id = id));
    };
    let project = load::load(&args.project)?;
    session.project(&project);
    if let Some(file) = project.department_files.get(id) {
        bail!(msg!(
            "new-department-exists",
            id = id,
            file = args.project.join(file).display().to_string()
        ));
    }
    let relative = PathBuf::from(DEPARTMENTS_DIR).join(format!("{id}.toml"));
    let path = args.project.join(&relative);
    if exists(&path) {
        bail!(msg!(
            "new-department-file-exists",
            path = path.display().to_string()
        ));
    }
    let text = department_template(project.language(), id, name);
    let mut writer = Writer::default();
    if let Err(err) = writer.create(&path, &text) {
        writer.undo();
        return Err(err);
    }
    let wrote = msg!(
        "new-department-wrote",
        file = path.display().to_string(),
        project = args.project.display().to_string()
    );
    println!("{}", session.say(&wrote));
    Ok(exit::OK)
}

/// True when anything, even a broken link, is at `path`.
fn exists(path: &Path) -> bool {
    fs::symlink_metadata(path).is_ok()
}

/// Creates new files (never replacing one) and remembers what it created, so that a failure
/// halfway can take it all back.
#[derive(Default)]
struct Writer {
    files: Vec<PathBuf>,
    dirs: Vec<PathBuf>,
}

impl Writer {
    fn create(&mut self, path: &Path, text: &str) -> anyhow::Result<()> {
        if let Some(parent) = path.parent() {
            self.create_dirs(parent)?;
        }
        let mut file = fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(path)
            .with_context(|| msg!("cannot-create", path = path.display().to_string()))?;
        self.files.push(path.to_path_buf());
        file.write_all(text.as_bytes())
            .with_context(|| msg!("cannot-write", path = path.display().to_string()))
    }

    fn create_dirs(&mut self, dir: &Path) -> anyhow::Result<()> {
        if dir.as_os_str().is_empty() || dir.is_dir() {
            return Ok(());
        }
        if let Some(parent) = dir.parent() {
            self.create_dirs(parent)?;
        }
        fs::create_dir(dir)
            .with_context(|| msg!("cannot-create", path = dir.display().to_string()))?;
        self.dirs.push(dir.to_path_buf());
        Ok(())
    }

    /// Removes what was created, newest first; folders only if they are empty again.
    fn undo(&mut self) {
        for file in self.files.drain(..).rev() {
            let _ = fs::remove_file(file);
        }
        for dir in self.dirs.drain(..).rev() {
            let _ = fs::remove_dir(dir);
        }
    }
}

const SITE_ZH: &str = include_str!("templates/resplist.zh-CN.toml");
const SITE_EN: &str = include_str!("templates/resplist.en.toml");
const DEPARTMENT_ZH: &str = include_str!("templates/department.zh-CN.toml");
const DEPARTMENT_EN: &str = include_str!("templates/department.en.toml");
/// Every template `init` and `new` write from, with the example department's names: the
/// example content W0208 looks for.
pub const EXAMPLES: [&str; 6] = [
    SITE_ZH,
    SITE_EN,
    DEPARTMENT_ZH,
    DEPARTMENT_EN,
    "name = \"示例县示例局\"",
    "name = \"Example County Example Bureau\"",
];
const TAPLO_TEMPLATE: &str = include_str!("templates/taplo.toml");

fn site_template(language: Language) -> &'static str {
    match language {
        Language::ZhCn => SITE_ZH,
        Language::En => SITE_EN,
    }
}

fn example_name(language: Language) -> &'static str {
    match language {
        Language::ZhCn => "示例县示例局",
        Language::En => "Example County Example Bureau",
    }
}

/// The commented department template in the site's language, for department `id` named `name`.
pub fn department_template(language: Language, id: &str, name: &str) -> String {
    let template = match language {
        Language::ZhCn => DEPARTMENT_ZH,
        Language::En => DEPARTMENT_EN,
    };
    // A TOML string, quoted and escaped as the name needs.
    let quoted = toml::Value::String(name.to_string()).to_string();
    // The id first: the name is the user's text and is not searched for placeholders.
    template
        .replace("{{id}}", id)
        .replace("\"{{name}}\"", &quoted)
}

#[cfg(test)]
mod tests {
    use super::super::schema;
    use super::*;

    #[test]
    fn templates_name_the_schemas_init_writes() {
        for (name, _) in schema::files() {
            assert!(
                TAPLO_TEMPLATE.contains(&format!("{SCHEMAS_DIR}/{name}")),
                "{name}"
            );
        }
    }

    #[test]
    fn names_are_quoted_as_toml() {
        let text = department_template(Language::En, "a", "The \"Best\" \\ Bureau {{id}}");
        let value: Result<toml::Table, _> = toml::from_str(&text);
        let name = value
            .ok()
            .and_then(|t| t.get("name").and_then(|n| n.as_str()).map(str::to_string));
        assert_eq!(name.as_deref(), Some("The \"Best\" \\ Bureau {{id}}"));
    }
}
