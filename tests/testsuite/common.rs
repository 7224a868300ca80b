//! Helpers shared by the test modules: running resplist and reading what it printed, small
//! projects in temporary directories, git, the synthetic generator, reading built sites, and
//! the committed JSON Schemas as validators (with TOML turned into JSON the way editors do
//! before validating).

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use jsonschema::{Draft, Validator};
use serde_json::Value;

/// The repository: the sample county in `data/`, `examples/`, `schemas/`, the tests' data.
pub fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The resplist binary under test, speaking English: these tests read its English messages
/// (the Chinese ones are tested by the trycmd cases in `tests/cmd/` and in `chinese`).
pub fn command() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_resplist"));
    command.env("RESPLIST_LANG", "en");
    command
}

/// Runs resplist with `args` in `dir`, colours off.
pub fn resplist(args: &[&str], dir: &Path) -> Output {
    command()
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .unwrap()
}

/// Builds `project` (relative to the repository, or absolute) into `out`, quietly; the build
/// must succeed.
pub fn build(project: &Path, out: &Path) {
    build_with(project, out, &[]);
}

/// `build` with more arguments (`--allow-placeholders`).
pub fn build_with(project: &Path, out: &Path, more: &[&str]) {
    let mut args = vec!["build", "--quiet"];
    args.extend(more);
    args.extend(["--output", out.to_str().unwrap(), project.to_str().unwrap()]);
    let run = resplist(&args, repo());
    assert!(
        run.status.success(),
        "{}: {}",
        project.display(),
        stderr(&run)
    );
}

/// Edits `file` with `edit`, which must change it.
pub fn edit(file: &Path, edit: impl FnOnce(&str) -> String) {
    let before = fs::read_to_string(file).unwrap();
    let after = edit(&before);
    assert_ne!(
        before,
        after,
        "the edit changed nothing in {}",
        file.display()
    );
    fs::write(file, after).unwrap();
}

/// What a run printed on stdout, as text.
pub fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// What a run printed on stderr, as text.
pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// The site file of a small test county.
pub const SITE: &str = "[site]\ntitle = \"测试县责任清单\"\njurisdiction = \"测试县\"\n";

/// A project in a temporary directory: `SITE`, and `departments/` holding `files`.
pub fn project(files: &[(&str, &[u8])]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("resplist.toml"), SITE).unwrap();
    fs::create_dir(dir.path().join("departments")).unwrap();
    for (name, bytes) in files {
        fs::write(dir.path().join("departments").join(name), bytes).unwrap();
    }
    dir
}

/// The names of what is in `dir`, sorted.
pub fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// Runs git with `args` in `dir` as a fixed author at a fixed date, unsigned; it must succeed.
pub fn git(dir: &Path, args: &[&str]) {
    let out = Command::new("git")
        .args([
            "-c",
            "user.name=Test",
            "-c",
            "user.email=test@example.org",
            "-c",
            "commit.gpgsign=false",
        ])
        .args(args)
        .current_dir(dir)
        .env("GIT_AUTHOR_DATE", "2026-01-01T00:00:00Z")
        .env("GIT_COMMITTER_DATE", "2026-01-01T00:00:00Z")
        .output()
        .unwrap();
    assert!(out.status.success(), "git {args:?}: {}", stderr(&out));
}

/// Generates a synthetic project of `scale` counties (seed 7) into `out`.
pub fn generate(scale: &str, out: &Path) {
    let status = Command::new(synth())
        .args(["--scale", scale, "--seed", "7"])
        .arg(out)
        .output()
        .unwrap();
    assert!(status.status.success(), "{}", stderr(&status));
}

/// The synthetic-data generator (examples/synth.rs), which `cargo test` builds next to the
/// test binaries.
fn synth() -> PathBuf {
    let exe = std::env::current_exe().unwrap();
    let debug = exe.parent().and_then(Path::parent).unwrap();
    let path = debug
        .join("examples")
        .join(format!("synth{}", std::env::consts::EXE_SUFFIX));
    assert!(
        path.exists(),
        "{} is missing: cargo test builds the examples",
        path.display()
    );
    path
}

/// A schema as validated by a draft 2020-12 validator and by a taplo-like draft 7 one.
pub struct Schema {
    pub json: Value,
    modern: Validator,
    draft7: Validator,
}

impl Schema {
    pub fn load(name: &str) -> Schema {
        let text = fs::read_to_string(repo().join("schemas").join(name)).unwrap();
        let json: Value = serde_json::from_str(&text).unwrap();
        let modern = jsonschema::options()
            .should_validate_formats(true)
            .build(&json)
            .unwrap();
        // taplo's validator knows drafts 4 to 7 only and falls back to draft 7 for 2020-12.
        let mut old = json.clone();
        old.as_object_mut().unwrap().remove("$schema");
        let draft7 = jsonschema::options()
            .with_draft(Draft::Draft7)
            .should_validate_formats(true)
            .build(&old)
            .unwrap();
        Schema {
            json,
            modern,
            draft7,
        }
    }

    pub fn site() -> Schema {
        Schema::load("resplist.schema.json")
    }

    pub fn department() -> Schema {
        Schema::load("department.schema.json")
    }

    pub fn topics() -> Schema {
        Schema::load("topics.schema.json")
    }

    /// The problems found, after checking that both drafts agree on whether there are any.
    pub fn problems(&self, toml_text: &str) -> Vec<String> {
        let instance = toml_to_json(toml_text);
        let problems: Vec<String> = self
            .modern
            .iter_errors(&instance)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .collect();
        assert_eq!(
            problems.is_empty(),
            self.draft7.is_valid(&instance),
            "draft 2020-12 and draft 7 disagree on:\n{toml_text}\n{problems:?}"
        );
        problems
    }

    /// Every property name the schema knows, at any depth.
    pub fn property_names(&self) -> Vec<String> {
        let mut names = Vec::new();
        collect_properties(&self.json, &mut names);
        names.sort();
        names.dedup();
        names
    }

    /// Every property name but those only the top-level `table` (and `definition`, its
    /// schema) has: a project's `resplist.toml` knows nothing of `workspace` and `members`.
    pub fn property_names_without(&self, table: &str, definition: &str) -> Vec<String> {
        let mut json = self.json.clone();
        json["properties"].as_object_mut().unwrap().remove(table);
        json["$defs"].as_object_mut().unwrap().remove(definition);
        let mut names = Vec::new();
        collect_properties(&json, &mut names);
        names.sort();
        names.dedup();
        names
    }
}

fn collect_properties(value: &Value, names: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (key, value) in map {
                if key == "properties"
                    && let Value::Object(properties) = value
                {
                    names.extend(properties.keys().cloned());
                }
                collect_properties(value, names);
            }
        }
        Value::Array(items) => items.iter().for_each(|v| collect_properties(v, names)),
        _ => {}
    }
}

/// TOML as taplo hands it to the validator: a date becomes its text (`2015-10-15`).
pub fn toml_to_json(text: &str) -> Value {
    let text = text.trim_start_matches('\u{feff}');
    let table: toml::Table = toml::from_str(text).unwrap();
    json(toml::Value::Table(table))
}

fn json(value: toml::Value) -> Value {
    match value {
        toml::Value::String(s) => Value::String(s),
        toml::Value::Integer(i) => Value::from(i),
        toml::Value::Float(f) => Value::from(f),
        toml::Value::Boolean(b) => Value::Bool(b),
        toml::Value::Datetime(d) => Value::String(d.to_string()),
        toml::Value::Array(items) => Value::Array(items.into_iter().map(json).collect()),
        toml::Value::Table(table) => {
            Value::Object(table.into_iter().map(|(k, v)| (k, json(v))).collect())
        }
    }
}

/// Copies a project, leaving out any built site (`public/`) inside it.
pub fn copy_project(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.unwrap();
        let relative = entry.path().strip_prefix(from).unwrap();
        if relative.components().any(|c| c.as_os_str() == "public") {
            continue;
        }
        let target = to.join(relative);
        if entry.file_type().is_dir() {
            fs::create_dir_all(&target).unwrap();
        } else {
            fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// Every file under `dir`, by relative path (with `/`), with its bytes.
pub fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let relative = e
                .path()
                .strip_prefix(dir)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            (relative, fs::read(e.path()).unwrap())
        })
        .collect()
}

/// Every diagnostic of `check --format json` on `dir`, in `language`.
pub fn check_json(dir: &Path, language: &str) -> Vec<Value> {
    let out = command()
        .args(["--lang", language, "check", "--format", "json"])
        .arg(dir)
        .output()
        .unwrap();
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter(|l| l.starts_with('{'))
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// The internal links (`href`, `src`) of every HTML page of `site` (as `files` reads it) that do
/// not resolve to one of its files, or to an id in it, each said as `page: link → target`; and
/// how many links there were. The 404 page's links are absolute (it is served at any path), so
/// it is left out.
pub fn broken_links(site: &BTreeMap<String, Vec<u8>>) -> (Vec<String>, usize) {
    let pages: BTreeMap<&String, String> = site
        .iter()
        .filter(|(p, _)| p.ends_with(".html"))
        .map(|(p, b)| (p, String::from_utf8_lossy(b).into_owned()))
        .collect();
    let ids: HashMap<&String, HashSet<String>> = pages
        .iter()
        .map(|(p, html)| (*p, attributes(html, "id").into_iter().collect()))
        .collect();
    let (mut broken, mut checked) = (Vec::new(), 0);
    for (page, html) in pages.iter().filter(|(p, _)| p.as_str() != "404.html") {
        for link in attributes(html, "href")
            .into_iter()
            .chain(attributes(html, "src"))
        {
            if ["https:", "http:", "mailto:", "tel:"]
                .iter()
                .any(|s| link.starts_with(s))
            {
                continue;
            }
            checked += 1;
            let (path, fragment) = link
                .split_once('#')
                .map_or((link.as_str(), None), |(p, f)| (p, Some(f)));
            // A query (`?q=…`, the search page's examples) does not change the file.
            let path = path.split('?').next().unwrap_or(path);
            let target = if path.is_empty() {
                (*page).clone()
            } else {
                resolve(page, path)
            };
            if !site.contains_key(&target) {
                broken.push(format!("{page}: {link} → {target}"));
            } else if let Some(fragment) = fragment
                && !ids.get(&target).is_some_and(|ids| ids.contains(fragment))
            {
                broken.push(format!("{page}: no id `{fragment}` in {target}"));
            }
        }
    }
    (broken, checked)
}

/// Values of `name="…"` attributes, unescaped.
pub fn attributes(html: &str, name: &str) -> Vec<String> {
    let needle = format!(" {name}=\"");
    html.split(&needle)
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .map(|v| v.replace("&amp;", "&"))
        .collect()
}

/// `link` on `page`, as a path from the site's root.
fn resolve(page: &str, link: &str) -> String {
    let mut parts: Vec<&str> = page.split('/').collect();
    parts.pop();
    for part in link.split('/') {
        match part {
            ".." => {
                parts.pop();
            }
            "." | "" => {}
            p => parts.push(p),
        }
    }
    parts.join("/")
}
