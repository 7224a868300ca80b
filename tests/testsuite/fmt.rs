//! `resplist fmt` end to end: the sample data stays canonical; a copy of it scrambled (keys out
//! of order, odd spacing, single quotes, comments everywhere) comes back with the same model,
//! every comment and, without the comments, byte for byte; broken files are left alone.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use toml_edit::{DocumentMut, Item, Table, Value};

use crate::common::{copy_project, project, repo, resplist, stderr, stdout};

/// Every `.toml` file of a project, by relative path.
fn sources(dir: &Path) -> BTreeMap<String, String> {
    walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .map(|e| e.unwrap())
        .filter(|e| e.path().extension().is_some_and(|x| x == "toml"))
        .map(|e| {
            let name = e
                .path()
                .strip_prefix(dir)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            (name, fs::read_to_string(e.path()).unwrap())
        })
        .collect()
}

fn comment_lines(text: &str) -> usize {
    text.lines()
        .filter(|l| l.trim_start().starts_with('#'))
        .count()
}

/// The loaded project as data: the site and every department, without spans.
fn model(dir: &Path) -> (serde_json::Value, serde_json::Value) {
    let project = resplist::load::load(dir).unwrap();
    assert!(project.diagnostics.is_empty(), "{:?}", project.diagnostics);
    (
        serde_json::to_value(&project.site).unwrap(),
        serde_json::to_value(&project.departments).unwrap(),
    )
}

/// Scrambles a file without changing its data: keys in reverse order, odd indentation and
/// spacing, single-quoted strings, padded arrays, extra blank lines; with `comments`, a comment
/// before every key and header and at the end of every line that can take one.
fn scramble(text: &str, comments: bool) -> String {
    let mut doc: DocumentMut = text.parse().unwrap();
    scramble_table(doc.as_table_mut(), comments, 0);
    if comments {
        doc.set_trailing(format!(
            "{}# the end\n",
            doc.trailing().as_str().unwrap_or("")
        ));
    }
    doc.to_string()
}

fn scramble_table(table: &mut Table, comments: bool, depth: usize) {
    if depth > 0 {
        let prefix = table
            .decor()
            .prefix()
            .and_then(|p| p.as_str())
            .unwrap_or("")
            .to_string();
        let note = if comments { "# a table\n" } else { "" };
        table
            .decor_mut()
            .set_prefix(format!("\n\n{prefix}{note}   "));
        if comments {
            table.decor_mut().set_suffix("   # header");
        }
    }
    table.sort_values_by(|a, _, b, _| b.get().cmp(a.get()));
    let keys: Vec<String> = table.iter().map(|(k, _)| k.to_string()).collect();
    for key in keys {
        if let Some(mut k) = table.key_mut(&key) {
            let prefix = k
                .leaf_decor()
                .prefix()
                .and_then(|p| p.as_str())
                .unwrap_or("")
                .to_string();
            let note = if comments {
                format!("\n# about {key}\n")
            } else {
                String::new()
            };
            k.leaf_decor_mut().set_prefix(format!("{prefix}{note}\t "));
            k.leaf_decor_mut().set_suffix("   ");
        }
        match table.get_mut(&key) {
            Some(Item::Value(value)) => {
                scramble_value(value);
                value.decor_mut().set_prefix("  ");
                if comments {
                    value.decor_mut().set_suffix(format!("   # {key}  "));
                }
            }
            Some(Item::Table(inner)) => scramble_table(inner, comments, depth + 1),
            Some(Item::ArrayOfTables(tables)) => {
                for inner in tables.iter_mut() {
                    scramble_table(inner, comments, depth + 1);
                }
            }
            _ => {}
        }
    }
}

fn scramble_value(value: &mut Value) {
    match value {
        Value::String(s) => {
            let raw = s.display_repr().into_owned();
            let plain = raw.starts_with('"') && !raw.starts_with("\"\"\"") && !raw.contains('\\');
            if plain && !s.value().contains('\'') {
                let decor = s.decor().clone();
                *value = format!("'{}'", s.value()).parse().unwrap();
                *value.decor_mut() = decor;
            }
        }
        Value::Array(array) => {
            let one_line = !array.to_string().contains('\n');
            for element in array.iter_mut() {
                scramble_value(element);
                if one_line {
                    element.decor_mut().set_prefix("   ");
                    element.decor_mut().set_suffix(" ");
                }
            }
        }
        _ => {}
    }
}

fn scrambled_copy(comments: bool) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_project(&repo().join("data"), dir.path());
    for (name, text) in sources(dir.path()) {
        let scrambled = scramble(&text, comments);
        assert_ne!(scrambled, text, "{name} was not scrambled");
        fs::write(dir.path().join(&name), scrambled).unwrap();
    }
    dir
}

#[test]
fn checked_in_projects_are_canonical() {
    for project in ["data", "examples/minimal"] {
        let out = resplist(&["fmt", "--check", project], repo());
        assert_eq!(
            out.status.code(),
            Some(0),
            "{project}: {}{}",
            stdout(&out),
            stderr(&out)
        );
        assert_eq!(stdout(&out), "", "{project}");
        assert_eq!(stderr(&out), "", "{project}");
    }
}

#[test]
fn a_scrambled_copy_of_the_sample_comes_back_byte_for_byte() {
    let dir = scrambled_copy(false);
    let files = sources(dir.path()).len();
    assert_eq!(files, 16);

    let out = resplist(&["fmt", "--check"], dir.path());
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let listed = stdout(&out);
    assert_eq!(listed.lines().count(), files, "{listed}");
    assert!(
        listed.contains("would reformat: departments/zhengfa/sifa.toml\n"),
        "{listed}"
    );
    assert!(
        listed.lines().all(|l| l.starts_with("would reformat: ")),
        "{listed}"
    );

    let out = resplist(&["fmt"], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("formatted resplist.toml\n"),
        "{}",
        stdout(&out)
    );
    assert!(stdout(&out).contains("formatted departments/huanbao.toml\n"));
    assert_eq!(sources(dir.path()), sources(&repo().join("data")));
}

#[test]
fn fmt_of_a_commented_scrambled_sample_is_idempotent_and_loses_nothing() {
    let dir = scrambled_copy(true);
    let before = sources(dir.path());
    let model_before = model(dir.path());
    assert_eq!(
        model_before,
        model(&repo().join("data")),
        "scrambling changed the data"
    );

    let check = resplist(&["fmt", "--check", "."], dir.path());
    assert_eq!(check.status.code(), Some(1));
    assert_eq!(stdout(&check).lines().count(), before.len());
    assert_eq!(sources(dir.path()), before, "--check wrote something");

    let out = resplist(&["fmt", "."], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stdout(&out).lines().count(), before.len());
    let after = sources(dir.path());

    let again = resplist(&["fmt"], dir.path());
    assert_eq!(again.status.code(), Some(0));
    assert_eq!(stdout(&again), "", "a second run changed files");
    assert_eq!(sources(dir.path()), after);
    let check = resplist(&["fmt", "--check"], dir.path());
    assert_eq!(
        (check.status.code(), stdout(&check)),
        (Some(0), String::new())
    );

    assert_eq!(model(dir.path()), model_before, "the loaded model changed");
    for (name, text) in &before {
        assert_eq!(
            comment_lines(&after[name]),
            comment_lines(text),
            "{name}: comment lines"
        );
        for comment in text
            .lines()
            .filter_map(|l| l.find('#').map(|i| l[i..].trim_end()))
        {
            if comment.starts_with("# about")
                || comment.starts_with("# a table")
                || comment == "# the end"
            {
                assert!(after[name].contains(comment), "{name}: lost `{comment}`");
            }
        }
    }
    let check = resplist(&["check", "."], dir.path());
    assert_eq!(check.status.code(), Some(0), "{}", stdout(&check));
}

const MESSY: &str = "\n# 春江县测试局 — a messy file\nsummary='县政府工作部门。'   \n  phone  =  \"0000-6301 0000\"  # the main line\nname='春江县测试局'\nextra_note = 'kept' # unknown to FORMAT.md\n\n\n[[services]]\ncategory='basic'\n  title = \"发布水质信息\"\n id='shuizhi'   # id\n# the office\n[[sections]]\nphone='0000-6301 0103'\n  name = '污染防治科'\nid = \"wrfz\"\n[[duties]]\nbasis = [ '三定方案' ,\n    '《中华人民共和国环境保护法》第十条' ]\nid='d01'\ntitle = '负责水污染防治。'\n      [[duties.items]]\n      section='wrfz'\n# the item\n  text = '查处偷排污水。'\n# bottom\n";

const CANONICAL: &str = "# 春江县测试局 — a messy file
name = \"春江县测试局\"
phone = \"0000-6301 0000\"      # the main line
summary = \"县政府工作部门。\"
extra_note = \"kept\" # unknown to FORMAT.md

# the office
[[sections]]
id = \"wrfz\"
name = \"污染防治科\"
phone = \"0000-6301 0103\"

[[duties]]
id = \"d01\"
title = \"负责水污染防治。\"
basis = [\"三定方案\", \"《中华人民共和国环境保护法》第十条\"]

  [[duties.items]]
  # the item
  text = \"查处偷排污水。\"
  section = \"wrfz\"

[[services]]
id = \"shuizhi\"  # id
title = \"发布水质信息\"
category = \"basic\"
# bottom
";

#[test]
fn a_messy_file_becomes_canonical() {
    let dir = project(&[]);
    let file = dir.path().join("departments/huanbao.toml");
    fs::write(&file, MESSY).unwrap();
    let out = resplist(&["fmt"], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stdout(&out), "formatted departments/huanbao.toml\n");
    assert_eq!(fs::read_to_string(&file).unwrap(), CANONICAL);
    let out = resplist(&["fmt", "--check"], dir.path());
    assert_eq!((out.status.code(), stdout(&out)), (Some(0), String::new()));
}

#[test]
fn a_file_in_canonical_form_is_not_rewritten() {
    let dir = project(&[]);
    let file = dir.path().join("departments/huanbao.toml");
    fs::write(&file, CANONICAL).unwrap();
    let modified = fs::metadata(&file).unwrap().modified().unwrap();
    std::thread::sleep(std::time::Duration::from_millis(20));
    let out = resplist(&["fmt"], dir.path());
    assert_eq!((out.status.code(), stdout(&out)), (Some(0), String::new()));
    assert_eq!(fs::metadata(&file).unwrap().modified().unwrap(), modified);
}

#[test]
fn broken_toml_is_reported_and_left_untouched_while_the_others_are_formatted() {
    let dir = project(&[]);
    let broken = "name = \"测试局\"\r\n[[sections]\r\nid = 'a'  \r\n";
    fs::write(dir.path().join("departments/broken.toml"), broken).unwrap();
    fs::write(dir.path().join("departments/huanbao.toml"), MESSY).unwrap();

    let out = resplist(&["fmt", "--check"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stdout(&out), "would reformat: departments/huanbao.toml\n");
    assert!(
        stderr(&out).contains("departments/broken.toml:2:12"),
        "{}",
        stderr(&out)
    );

    let out = resplist(&["fmt"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stdout(&out), "formatted departments/huanbao.toml\n");
    let err = stderr(&out);
    assert!(
        err.contains("error[E0101]: the header has no closing `]`"),
        "{err}"
    );
    assert!(
        err.contains("departments/broken.toml was not formatted"),
        "{err}"
    );
    assert!(err.contains("--> departments/broken.toml:2:12"), "{err}");
    assert!(err.contains("2 | [[sections]"), "{err}");
    assert_eq!(
        fs::read(dir.path().join("departments/broken.toml")).unwrap(),
        broken.as_bytes()
    );
    assert_eq!(
        fs::read_to_string(dir.path().join("departments/huanbao.toml")).unwrap(),
        CANONICAL
    );
}

#[test]
fn bom_and_crlf_are_kept() {
    let dir = project(&[]);
    let file = dir.path().join("departments/huanbao.toml");
    fs::write(&file, format!("\u{feff}{}", MESSY.replace('\n', "\r\n"))).unwrap();
    let out = resplist(&["fmt"], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        fs::read_to_string(&file).unwrap(),
        format!("\u{feff}{}", CANONICAL.replace('\n', "\r\n"))
    );
}

#[test]
fn no_project_is_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let out = resplist(&["fmt"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("no resplist.toml"),
        "{}",
        stderr(&out)
    );
}

#[cfg(unix)]
#[test]
fn a_linked_file_is_rewritten_through_the_link_and_keeps_its_permissions() {
    use std::os::unix::fs::PermissionsExt;
    let dir = project(&[]);
    fs::create_dir(dir.path().join("shared")).unwrap();
    let target = dir.path().join("shared/huanbao.toml");
    fs::write(&target, MESSY).unwrap();
    fs::set_permissions(&target, fs::Permissions::from_mode(0o640)).unwrap();
    let link = dir.path().join("departments/huanbao.toml");
    std::os::unix::fs::symlink("../shared/huanbao.toml", &link).unwrap();
    let out = resplist(&["fmt"], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(fs::read_to_string(&target).unwrap(), CANONICAL);
    assert_eq!(
        fs::metadata(&target).unwrap().permissions().mode() & 0o777,
        0o640
    );
    let leftovers: Vec<_> = fs::read_dir(dir.path().join("shared")).unwrap().collect();
    assert_eq!(leftovers.len(), 1, "a temporary file was left behind");
}

#[test]
fn a_read_only_file_is_reported_and_left_as_it_is() {
    use std::os::unix::fs::PermissionsExt;
    let dir = project(&[]);
    let file = dir.path().join("departments/huanbao.toml");
    fs::write(&file, MESSY).unwrap();
    fs::set_permissions(&file, fs::Permissions::from_mode(0o444)).unwrap();
    let out = resplist(&["fmt"], dir.path());
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("error[E0002]: the file is read-only; fmt leaves it as it is")
            || stderr(&out).contains("error[E0002]: the file is read-only; fmt leaves it as it is"),
        "{}{}",
        stdout(&out),
        stderr(&out)
    );
    assert!(
        (stdout(&out) + &stderr(&out))
            .contains("make it writable (`chmod u+w departments/huanbao.toml`)")
    );
    assert_eq!(fs::read_to_string(&file).unwrap(), MESSY);
    // --check only reads, so it still says what would change.
    let out = resplist(&["fmt", "--check"], dir.path());
    assert_eq!(stdout(&out), "would reformat: departments/huanbao.toml\n");
}

/// Runs `fmt --check` in `project`: it must find nothing to change.
fn assert_fmt_clean(project: &Path, what: &str) {
    let out = resplist(&["fmt", "--check"], project);
    assert_eq!(
        (out.status.code(), stdout(&out), stderr(&out)),
        (Some(0), String::new(), String::new()),
        "{what}"
    );
}

/// What `init` writes is already in fmt's layout: its aligned end-of-line comments, the lines
/// continuing them and the commented-out optional fields all stay where the templates put them.
#[test]
fn fmt_finds_nothing_to_change_right_after_init_in_both_languages() {
    for language in ["zh-CN", "en"] {
        let tmp = tempfile::tempdir().unwrap();
        let out = resplist(&["init", "p", "--language", language], tmp.path());
        assert!(out.status.success(), "{language}: {}", stderr(&out));
        let project = tmp.path().join("p");
        let before = sources(&project);
        assert_fmt_clean(&project, language);
        let out = resplist(&["fmt"], &project);
        assert_eq!((out.status.code(), stdout(&out)), (Some(0), String::new()));
        assert_eq!(sources(&project), before, "{language}");
    }
}

#[test]
fn fmt_finds_nothing_to_change_right_after_new_department() {
    for language in ["zh-CN", "en"] {
        let tmp = tempfile::tempdir().unwrap();
        assert!(
            resplist(&["init", "p", "--language", language], tmp.path())
                .status
                .success()
        );
        let project = tmp.path().join("p");
        let out = resplist(&["new", "department", "abc", "--name", "某局"], &project);
        assert!(out.status.success(), "{language}: {}", stderr(&out));
        assert!(project.join("departments/abc.toml").is_file());
        assert_fmt_clean(&project, language);
    }
}
