//! `resplist init` and `resplist new department`: what they write checks clean (no errors, no
//! warnings) and builds, shows every field of the format, matches the schemas, and they refuse
//! to overwrite anything, leaving it byte for byte as it was.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Output;

use crate::common::{Schema, command, repo, resplist, stderr, stdout};

/// Every file under `dir` with its bytes.
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .map(|e| e.unwrap())
        .map(|e| {
            let bytes = if e.file_type().is_file() {
                fs::read(e.path()).unwrap()
            } else {
                Vec::new()
            };
            (e.path().to_path_buf(), bytes)
        })
        .collect()
}

/// `resplist check` passes with no errors, and every warning is the templates' example content
/// still to be replaced (W0208), in `file` among others; returns how many there are.
fn assert_checks_clean_but_for_examples(project: &Path, file: &str) -> usize {
    let out = resplist(&["check", "--color", "never"], project);
    let stdout = stdout(&out);
    assert!(out.status.success(), "{stdout}{}", stderr(&out));
    assert!(stdout.contains(" 0 errors, "), "{stdout}");
    let warnings = stdout.matches("warning[").count();
    let examples = stdout.matches("warning[W0208]").count();
    assert!(examples > 0 && examples == warnings, "{stdout}");
    assert!(stdout.contains(&format!("--> {file}:")), "{stdout}");
    assert!(
        stdout.contains(&format!(", {examples} warnings")),
        "{stdout}"
    );
    examples
}

/// `build` refuses to publish the examples, and publishes them when told to.
fn assert_builds_only_when_allowed(project: &Path, output: &Path) {
    let out = resplist(
        &["build", "--quiet", "--output", output.to_str().unwrap()],
        project,
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("still the templates' example content"));
    assert!(!output.exists());
    let out = resplist(
        &[
            "build",
            "--quiet",
            "--allow-placeholders",
            "--output",
            output.to_str().unwrap(),
        ],
        project,
    );
    assert!(out.status.success(), "{}", stderr(&out));
}

fn init(tmp: &Path, dir: &str, language: &str) -> Output {
    resplist(&["init", dir, "--language", language], tmp)
}

#[test]
fn init_in_both_languages_checks_clean_and_builds() {
    for (language, example_name, site_words) in [
        ("zh-CN", "name = \"示例县示例局\"", "language = \"zh-CN\""),
        (
            "en",
            "name = \"Example County Example Bureau\"",
            "language = \"en\"",
        ),
    ] {
        let tmp = tempfile::tempdir().unwrap();
        let out = init(tmp.path(), "nested/new-list", language);
        let stdout = stdout(&out);
        assert!(out.status.success(), "{language}: {}", stderr(&out));
        for shown in [
            "resplist.toml",
            "departments/example.toml",
            ".taplo.toml",
            "resplist check nested/new-list",
            "resplist build nested/new-list",
        ] {
            assert!(
                stdout.contains(shown),
                "{language}: {shown} not in\n{stdout}"
            );
        }
        let project = tmp.path().join("nested/new-list");
        let site = fs::read_to_string(project.join("resplist.toml")).unwrap();
        assert!(site.contains(site_words), "{site}");
        let example = fs::read_to_string(project.join("departments/example.toml")).unwrap();
        assert!(example.contains(example_name), "{example}");
        for schema in [
            "resplist.schema.json",
            "department.schema.json",
            "topics.schema.json",
        ] {
            assert_eq!(
                fs::read(project.join("schemas").join(schema)).unwrap(),
                fs::read(repo().join("schemas").join(schema)).unwrap(),
                "{schema}"
            );
        }
        assert!(
            fs::read_to_string(project.join(".taplo.toml"))
                .unwrap()
                .contains("departments/**/*.toml")
        );
        assert_checks_clean_but_for_examples(&project, "departments/example.toml");
        let site_out = tmp.path().join("site");
        assert_builds_only_when_allowed(&project, &site_out);
        assert!(site_out.join("index.html").is_file());
        assert!(site_out.join("departments/example.html").is_file());
    }
}

#[test]
fn templates_show_every_field_and_validate_against_the_schemas() {
    for language in ["zh-CN", "en"] {
        let tmp = tempfile::tempdir().unwrap();
        assert!(init(tmp.path(), "p", language).status.success());
        let site = Schema::site();
        let department = Schema::department();
        for (file, schema, fields) in [
            (
                "p/resplist.toml",
                &site,
                // A project's: a workspace's own table is not in it.
                site.property_names_without("workspace", "Workspace"),
            ),
            (
                "p/departments/example.toml",
                &department,
                department.property_names(),
            ),
        ] {
            let text = fs::read_to_string(tmp.path().join(file)).unwrap();
            assert_eq!(schema.problems(&text), Vec::<String>::new(), "{file}");
            for field in fields {
                assert!(
                    text.contains(&format!("{field} =")) || text.contains(&format!("{field}]")),
                    "{language} {file} does not show `{field}`"
                );
            }
        }
    }
}

#[test]
fn init_refuses_an_existing_project_and_leaves_it_untouched() {
    let tmp = tempfile::tempdir().unwrap();
    assert!(init(tmp.path(), "p", "zh-CN").status.success());
    let project = tmp.path().join("p");
    fs::write(
        project.join("departments/example.toml"),
        "name = \"已经改过的部门\"\n",
    )
    .unwrap();
    fs::remove_file(project.join(".taplo.toml")).unwrap();
    let before = snapshot(&project);
    for language in ["zh-CN", "en"] {
        let out = init(tmp.path(), "p", language);
        assert_eq!(out.status.code(), Some(2));
        let stderr = stderr(&out);
        assert!(stderr.contains("already exists"), "{stderr}");
        assert!(stderr.contains("nothing was written"), "{stderr}");
        assert_eq!(snapshot(&project), before);
    }
}

#[test]
fn init_refuses_the_root_and_the_home_directory() {
    let tmp = tempfile::tempdir().unwrap();
    let home = tmp.path().join("home");
    fs::create_dir(&home).unwrap();
    for (dir, cwd) in [(".", home.as_path()), ("/", tmp.path())] {
        let out = command()
            .args(["init", dir])
            .current_dir(cwd)
            .env("HOME", &home)
            .output()
            .unwrap();
        let stderr = stderr(&out);
        assert_eq!(out.status.code(), Some(2), "{dir}: {stderr}");
        assert!(
            stderr.contains("a list belongs in its own folder; nothing was written"),
            "{stderr}"
        );
    }
    assert_eq!(fs::read_dir(&home).unwrap().count(), 0);
    assert!(
        !Path::new("/resplist.toml").exists() || !Path::new("/departments/example.toml").exists()
    );
}

#[test]
fn init_refuses_a_departments_folder_or_any_file_it_would_write() {
    for existing in [
        "departments/",
        ".taplo.toml",
        "schemas/department.schema.json",
    ] {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("p");
        let path = dir.join(existing);
        if existing.ends_with('/') {
            fs::create_dir_all(&path).unwrap();
        } else {
            fs::create_dir_all(path.parent().unwrap()).unwrap();
            fs::write(&path, "# mine\n").unwrap();
        }
        let before = snapshot(&dir);
        let out = init(tmp.path(), "p", "zh-CN");
        assert_eq!(out.status.code(), Some(2), "{existing}");
        assert!(stderr(&out).contains("already exists"), "{existing}");
        assert_eq!(snapshot(&dir), before, "{existing}");
    }
}

/// A fresh project from `init`, in a temporary directory.
fn new_project(language: &str) -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    assert!(init(tmp.path(), "p", language).status.success());
    let project = tmp.path().join("p");
    (tmp, project)
}

#[test]
fn new_department_adds_a_file_that_checks_clean() {
    let (tmp, project) = new_project("zh-CN");
    let out = resplist(
        &[
            "new",
            "department",
            "huanbao",
            "--name",
            "示例县环境保护局",
            "--project",
            "p",
        ],
        tmp.path(),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("departments/huanbao.toml"));
    let file = fs::read_to_string(project.join("departments/huanbao.toml")).unwrap();
    assert!(file.contains("name = \"示例县环境保护局\""), "{file}");
    assert!(
        file.contains("部门全称"),
        "the template follows the site's language"
    );
    assert_eq!(Schema::department().problems(&file), Vec::<String>::new());
    let before = assert_checks_clean_but_for_examples(&project, "departments/huanbao.toml");
    // Replaced, the examples are gone: the new file's own are counted apart from init's.
    fs::remove_file(project.join("departments/huanbao.toml")).unwrap();
    let after = assert_checks_clean_but_for_examples(&project, "departments/example.toml");
    assert!(after < before, "{after} < {before}");
}

#[test]
fn new_department_uses_the_current_directory_and_the_site_language() {
    let (_tmp, project) = new_project("en");
    let out = resplist(
        &[
            "new",
            "department",
            "transport",
            "--name",
            "The \"Road\" Bureau",
        ],
        &project,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let file = fs::read_to_string(project.join("departments/transport.toml")).unwrap();
    assert!(file.contains("The department's full name"), "{file}");
    let parsed: toml::Table = toml::from_str(&file).unwrap();
    assert_eq!(parsed["name"].as_str(), Some("The \"Road\" Bureau"));
    assert_checks_clean_but_for_examples(&project, "departments/transport.toml");
}

#[test]
fn new_department_refuses_duplicates_anywhere_under_departments() {
    let (_tmp, project) = new_project("zh-CN");
    fs::create_dir(project.join("departments/shiju")).unwrap();
    fs::copy(
        project.join("departments/example.toml"),
        project.join("departments/shiju/gongan.toml"),
    )
    .unwrap();
    let before = snapshot(&project);
    for id in ["example", "gongan"] {
        let out = resplist(&["new", "department", id, "--name", "某局"], &project);
        assert_eq!(out.status.code(), Some(2), "{id}");
        let stderr = stderr(&out);
        assert!(stderr.contains("already has a department"), "{stderr}");
        assert_eq!(snapshot(&project), before, "{id}");
    }
}

#[test]
fn new_department_refuses_bad_ids_and_explains_the_rule() {
    let (_tmp, project) = new_project("zh-CN");
    let before = snapshot(&project);
    let long = "a".repeat(65);
    for id in ["Huanbao", "huan_bao", "-huanbao", "huan bao", long.as_str()] {
        // `--` so that `-huanbao` reaches resplist as the id, not as options.
        let out = resplist(&["new", "department", "--name", "某局", "--", id], &project);
        assert_eq!(out.status.code(), Some(2), "{id}");
        let stderr = stderr(&out);
        assert!(stderr.contains("not a valid department id"), "{stderr}");
        assert!(stderr.contains("lowercase ASCII letters"), "{stderr}");
        assert_eq!(snapshot(&project), before, "{id}");
    }
    let out = resplist(
        &["new", "department", "huan_bao", "--name", "某局"],
        &project,
    );
    assert!(stderr(&out).contains("try `huan-bao`"));
}

#[test]
fn a_chinese_name_given_as_the_id_gets_the_command_with_its_pinyin() {
    let (tmp, project) = new_project("zh-CN");
    let before = snapshot(&project);
    let out = resplist(
        &["new", "department", "卫健局", "--project", "p"],
        tmp.path(),
    );
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("`卫健局` is a name"), "{err}");
    assert!(
        err.contains("resplist new department weijian --name \"卫健局\" --project p"),
        "{err}"
    );
    let out = command()
        .args(["new", "department", "卫健局", "--name", "春江县卫生健康局"])
        .env("RESPLIST_LANG", "zh-CN")
        .current_dir(&project)
        .output()
        .unwrap();
    let err = stderr(&out);
    assert!(err.contains("`卫健局` 是名称，编号要用英文字母"), "{err}");
    assert!(
        err.contains("resplist new department weijian --name \"春江县卫生健康局\""),
        "{err}"
    );
    assert_eq!(snapshot(&project), before);
}

#[test]
fn new_department_needs_a_project_and_a_name() {
    let tmp = tempfile::tempdir().unwrap();
    let out = resplist(
        &["new", "department", "huanbao", "--name", "某局"],
        tmp.path(),
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("no resplist.toml"));
    assert_eq!(fs::read_dir(tmp.path()).unwrap().count(), 0);

    let (_tmp, project) = new_project("zh-CN");
    let out = resplist(&["new", "department", "huanbao", "--name", " "], &project);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("give the department's full name"));
    let out = resplist(&["new", "department", "huanbao"], &project);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("resplist new department huanbao --name"));
    assert!(!project.join("departments/huanbao.toml").exists());
}
