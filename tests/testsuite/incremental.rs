//! `serve` re-renders only what an edit changed: after each kind of change, the site it serves
//! is byte for byte the site a full `build` of the same sources writes, on the sample county and
//! on a 2× synthetic project. The changes are applied one after another to one running
//! builder, as a clerk's edits are.

use std::fs;
use std::path::{Path, PathBuf};

use resplist::commands::common::Session;
use resplist::model::Language;
use resplist::serve::{Builder, Finished, Update};

use crate::common::{build_with, copy_project, edit, files, generate, repo, resplist};

/// One update of the builder: the pages it rendered again, and the whole site it then serves.
fn update(builder: &mut Builder) -> (usize, PathBuf, tempfile::TempDir) {
    let mut session = Session::new(Some(Language::En));
    let mut rendered = None;
    let finished = builder.update(
        &mut session,
        &mut |u| match u {
            Update::Pages { rendered: n, .. } => rendered = Some(*n),
            Update::Failed(text) => panic!("the project does not build:\n{text}"),
        },
        &mut || true,
    );
    let Finished::Done(site) = finished else {
        panic!("the update did not finish");
    };
    let out = tempfile::tempdir().unwrap();
    let dir = out.path().join("site");
    site.copy_to(&dir).unwrap();
    (rendered.unwrap(), dir, out)
}

/// Asserts that the served site is what `build` writes from `project`.
fn same_as_full_build(project: &Path, served: &Path, change: &str) {
    let out = tempfile::tempdir().unwrap();
    let full = out.path().join("full");
    build_with(project, &full, &["--allow-placeholders"]);
    let (served, mut full) = (files(served), files(&full));
    // The mark by which `build` knows the output folder is its own is not part of the site.
    full.remove(".resplist-output");
    let only = |a: &std::collections::BTreeMap<String, Vec<u8>>,
                b: &std::collections::BTreeMap<String, Vec<u8>>| {
        a.keys()
            .filter(|k| !b.contains_key(*k))
            .cloned()
            .collect::<Vec<_>>()
    };
    assert_eq!(
        (only(&served, &full), only(&full, &served)),
        (vec![], vec![]),
        "after {change}: files only served, and only built"
    );
    for (path, bytes) in &full {
        assert!(
            served[path] == *bytes,
            "after {change}: {path} differs from a full build"
        );
    }
}

/// The department files of `project`, by id.
fn department_file(project: &Path, id: &str) -> PathBuf {
    walkdir::WalkDir::new(project.join("departments"))
        .into_iter()
        .map(Result::unwrap)
        .find(|e| e.file_name().to_string_lossy() == format!("{id}.toml"))
        .map(|e| e.into_path())
        .unwrap_or_else(|| panic!("no file for {id}"))
}

/// The first line of `text` starting (after indentation) with `key = "`, changed by `change`.
fn change_first(text: &str, key: &str, change: impl Fn(&str) -> String) -> String {
    let mut done = false;
    text.lines()
        .map(|line| {
            if !done && line.trim_start().starts_with(&format!("{key} = \"")) {
                done = true;
                change(line)
            } else {
                line.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
        + "\n"
}

/// `line` with its last digit changed.
fn other_last_digit(line: &str) -> String {
    let at = line.rfind(|c: char| c.is_ascii_digit()).unwrap();
    let digit = if &line[at..=at] == "7" { "8" } else { "7" };
    format!("{}{digit}{}", &line[..at], &line[at + 1..])
}

/// The first boundary of the project's first file that has one: its lead, its first partner,
/// and its text (from `[[boundaries]]` to the next top-level table).
fn first_boundary(project: &Path) -> (String, String, String) {
    let mut files: Vec<PathBuf> = walkdir::WalkDir::new(project.join("departments"))
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.file_type().is_file())
        .map(|e| e.into_path())
        .collect();
    files.sort();
    for file in files {
        let text = fs::read_to_string(&file).unwrap();
        let Some(start) = text.find("\n[[boundaries]]\n") else {
            continue;
        };
        let rest = &text[start + 1..];
        let end = rest[1..].find("\n[").map_or(rest.len(), |e| e + 2);
        let block = &rest[..end];
        let partner = block
            .split("[[boundaries.partners]]")
            .nth(1)
            .and_then(|p| p.split("department = \"").nth(1))
            .and_then(|p| p.split('"').next())
            .unwrap()
            .to_string();
        let lead = file.file_stem().unwrap().to_string_lossy().into_owned();
        return (lead, partner, block.to_string());
    }
    panic!("no boundary in {}", project.display());
}

/// Every kind of change, each checked against a full build; returns how many pages each
/// rendered again before the downloads. Changed pages over `large` bytes are rendered with the
/// downloads.
fn each_change(project: &Path, large: u64) -> Vec<(&'static str, usize, usize)> {
    let temp = tempfile::tempdir().unwrap();
    let mut builder = Builder::new(project, temp.path()).large_pages_over(large);
    let (all, served, _keep) = update(&mut builder);
    same_as_full_build(project, &served, "the first build");
    let mut counts = vec![("first build", all, all)];
    let (lead, partner, block) = first_boundary(project);
    let lead_file = department_file(project, &lead);

    // A work item's text.
    edit(&lead_file, |t| {
        change_first(t, "text", |l| l.replacen("\"", "\"（修订）", 1))
    });
    let (n, served, _keep) = update(&mut builder);
    same_as_full_build(project, &served, "a text");
    counts.push(("a text", n, all));

    // An office's phone.
    edit(&lead_file, |t| {
        let at = t.find("[[sections]]").unwrap();
        let (head, tail) = t.split_at(at);
        head.to_string() + &change_first(tail, "phone", other_last_digit)
    });
    let (n, served, _keep) = update(&mut builder);
    same_as_full_build(project, &served, "a phone");
    counts.push(("a phone", n, all));

    // A boundary's lead: the block moves to its first partner's file, the two swapped.
    let moved = block
        .replace(&format!("\"{lead}\""), "\"\u{0}\"")
        .replace(&format!("\"{partner}\""), &format!("\"{lead}\""))
        .replace("\"\u{0}\"", &format!("\"{partner}\""));
    edit(&lead_file, |t| t.replacen(&block, "", 1));
    edit(&department_file(project, &partner), |t| {
        format!("{t}\n{moved}")
    });
    let (n, served, _keep) = update(&mut builder);
    same_as_full_build(project, &served, "a boundary's lead");
    counts.push(("a boundary's lead", n, all));

    // A department added, as a clerk adds one.
    let run = resplist(
        &["new", "department", "xinbumen", "--name", "新设局"],
        project,
    );
    assert!(run.status.success(), "{}", crate::common::stderr(&run));
    let (n, served, _keep) = update(&mut builder);
    same_as_full_build(project, &served, "a department added");
    counts.push(("a department added", n, all));

    // A department removed.
    fs::remove_file(department_file(project, "xinbumen")).unwrap();
    let (n, served, _keep) = update(&mut builder);
    same_as_full_build(project, &served, "a department removed");
    counts.push(("a department removed", n, all));
    counts
}

/// What each change rendered again: a text or a phone only the pages that show it, not the
/// site; the other changes at most the pages that name what changed.
fn assert_few(counts: &[(&str, usize, usize)]) {
    for (change, n, all) in counts {
        match *change {
            "first build" => assert!(*n > 10, "{counts:?}"),
            "a text" | "a phone" => assert!(*n <= 6, "{change}: {n} of {all} pages: {counts:?}"),
            _ => assert!(*n <= all / 2, "{change}: {n} of {all} pages: {counts:?}"),
        }
    }
}

#[test]
fn incremental_updates_of_the_sample_county_equal_full_builds() {
    let dir = tempfile::tempdir().unwrap();
    let project = dir.path().join("data");
    copy_project(&repo().join("data"), &project);
    let counts = each_change(&project, resplist::serve::LARGE_PAGE);
    eprintln!("{counts:?}");
    assert_few(&counts);
}

#[test]
fn incremental_updates_of_a_synthetic_project_equal_full_builds() {
    let dir = tempfile::tempdir().unwrap();
    let project = dir.path().join("synth");
    generate("2", &project);
    // Limits as a province meets them: the indexes split into pages of up to 200 KB, and no
    // print.html (the list prints by volume). Pages over 100 KB, such as most pages of the
    // supervision index, are rendered with the downloads, as a province's are.
    edit(&project.join("resplist.toml"), |t| {
        format!("{t}\n[build]\npage_limit = 200000\nprint_limit = 1000000\n")
    });
    let counts = each_change(&project, 100_000);
    eprintln!("{counts:?}");
    assert_few(&counts);
}
