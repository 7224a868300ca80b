//! Workspaces (FORMAT.md 1.1): `check` of many jurisdictions at once, with paths relative to the
//! workspace, a summary per member and in total, and the topic rules; a member still checks
//! on its own, its `topic` accepted and ignored. The sample is `examples/province`.

use std::fs;
use std::path::Path;

use serde_json::Value;

use crate::common::{command, copy_project, repo, stdout};

/// `check` of `dir` run from its parent, so that paths are shown relative to it: the exit code,
/// what it printed, and the diagnostics as JSON.
fn check(parent: &Path, dir: &str, language: &str) -> (i32, String, Vec<Value>) {
    let run = |format: &str| {
        command()
            .args(["--lang", language, "check", "--format", format, dir])
            .current_dir(parent)
            .env("NO_COLOR", "1")
            .output()
            .unwrap()
    };
    let human = run("human");
    let json = run("json");
    let found = String::from_utf8_lossy(&json.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    (human.status.code().unwrap_or(-1), stdout(&human), found)
}

/// The sample province in a temporary folder, as `ws`.
fn province() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    copy_project(&repo().join("examples/province"), &tmp.path().join("ws"));
    tmp
}

/// Replaces the first `from` in `file` with `to`.
fn edit(file: &Path, from: &str, to: &str) {
    crate::common::edit(file, |text| text.replacen(from, to, 1));
}

#[test]
fn the_sample_province_checks_clean_with_a_summary_per_member_and_in_total() {
    let tmp = province();
    let (code, out, found) = check(tmp.path(), "ws", "zh-CN");
    assert_eq!(code, 0, "{out}");
    assert!(found.is_empty(), "{found:?}");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 4, "{out}");
    for (line, county) in lines.iter().zip(["春江县", "秋水县", "青山县"]) {
        assert!(line.starts_with(&format!("{county}：")), "{out}");
        assert!(line.ends_with("0 个错误，0 个警告"), "{out}");
    }
    // The total adds up the members' departments.
    let departments: usize = lines[..3]
        .iter()
        .map(|l| {
            l.split('：')
                .nth(1)
                .unwrap()
                .split(' ')
                .next()
                .unwrap()
                .parse::<usize>()
                .unwrap()
        })
        .sum();
    assert!(
        lines[3].starts_with(&format!("合计（3 个行政区）：{departments} 个部门")),
        "{out}"
    );
}

#[test]
fn topics_must_be_in_the_catalogue_and_named_once_per_member() {
    let tmp = province();
    let ws = tmp.path().join("ws");
    let huanbao = ws.join("chunjiang/departments/huanbao.toml");
    edit(&huanbao, "topic = \"zaosheng\"", "topic = \"zaoshen\"");
    let gongan = ws.join("chunjiang/departments/gongan.toml");
    edit(
        &gongan,
        "topic = \"weifa-tingche\"",
        "topic = \"shui-wuran\"",
    );
    let (code, out, found) = check(tmp.path(), "ws", "en");
    assert_eq!(code, 1, "{out}");
    let unknown = found.iter().find(|d| d["code"] == "E0115").expect("E0115");
    assert_eq!(unknown["file"], "ws/chunjiang/departments/huanbao.toml");
    let line = fs::read_to_string(&huanbao)
        .unwrap()
        .lines()
        .position(|l| l.contains("\"zaoshen\""))
        .unwrap()
        + 1;
    assert_eq!(unknown["line"], line);
    assert_eq!(unknown["column"], 9, "at the value");
    assert!(
        unknown["help"].as_str().unwrap().contains("zaosheng"),
        "{unknown}"
    );
    let twice = found.iter().find(|d| d["code"] == "E0116").expect("E0116");
    assert!(
        twice["file"]
            .as_str()
            .unwrap()
            .starts_with("ws/chunjiang/departments/"),
        "{twice}"
    );
    assert!(
        twice["help"]
            .as_str()
            .unwrap()
            .contains("ws/chunjiang/departments/")
            || twice["help"]
                .as_str()
                .unwrap()
                .contains("chunjiang/departments/"),
        "{twice}"
    );
    // The summary names the member with the errors, and the total counts them.
    assert!(out.contains("Chunjiang") || out.contains("春江县"), "{out}");
    assert!(out.lines().last().unwrap().contains("2 errors"), "{out}");
    // On its own, the member is the project it was: the topic is not its business.
    let (code, out, found) = check(&ws, "chunjiang", "en");
    assert_eq!(code, 0, "{out}");
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn members_must_be_projects_and_topic_ids_unique() {
    let tmp = province();
    let ws = tmp.path().join("ws");
    edit(
        &ws.join("resplist.toml"),
        "\"qingshan\"]",
        "\"qingshan\", \"baishui\", \"Bad Name\", \"qiushui\"]",
    );
    let topics = fs::read_to_string(ws.join("topics.toml")).unwrap();
    let first = topics.split("[[topics]]").nth(1).unwrap();
    fs::write(
        ws.join("topics.toml"),
        format!("{topics}\n[[topics]]{first}"),
    )
    .unwrap();
    let (code, out, found) = check(tmp.path(), "ws", "zh-CN");
    assert_eq!(code, 1, "{out}");
    let members: Vec<&Value> = found.iter().filter(|d| d["code"] == "E0117").collect();
    assert_eq!(
        members.len(),
        3,
        "missing folder, bad id, listed twice: {out}"
    );
    assert!(members.iter().all(|d| d["file"] == "ws/resplist.toml"));
    assert!(out.contains("baishui"), "{out}");
    let duplicate = found
        .iter()
        .find(|d| d["code"] == "E0110" && d["file"] == "ws/topics.toml")
        .expect("a topic id given twice");
    assert!(
        duplicate["message"].as_str().unwrap().contains("两次"),
        "{duplicate}"
    );
    assert!(out.contains("工作区文件：4 个错误"), "{out}");
    // The three members that are there are still checked.
    assert!(out.contains("合计（3 个行政区）"), "{out}");
}

#[test]
fn a_member_builds_on_its_own_and_serve_says_what_to_do() {
    let tmp = province();
    let ws = tmp.path().join("ws");
    let out = tmp.path().join("out");
    let member = command()
        .args(["build", "--quiet", "--output"])
        .arg(&out)
        .arg(ws.join("qiushui"))
        .output()
        .unwrap();
    assert!(
        member.status.success(),
        "{}",
        crate::common::stderr(&member)
    );
    let home = fs::read_to_string(out.join("index.html")).unwrap();
    assert!(home.contains("秋水县"), "the member's own site");
    assert!(
        !home.contains("parent-bar"),
        "built alone, a member has no way back to a workspace"
    );
    // `serve` does not take a workspace yet: it says so, and what to run instead.
    let run = command()
        .args(["serve", "ws", "--port", "0"])
        .current_dir(tmp.path())
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(2));
    let said = crate::common::stderr(&run);
    assert!(said.contains("resplist check ws"), "{said}");
    assert!(!ws.join("public").exists());
}

#[test]
fn a_catalogue_with_a_mistake_is_one_error_not_one_per_topic() {
    let tmp = province();
    let ws = tmp.path().join("ws");
    edit(
        &ws.join("topics.toml"),
        "id = \"zaosheng\"",
        "id = \"zaosheng\"\nid2 = 1",
    );
    let (code, out, found) = check(tmp.path(), "ws", "en");
    assert_eq!(code, 1, "{out}");
    let codes: Vec<&str> = found.iter().map(|d| d["code"].as_str().unwrap()).collect();
    assert_eq!(codes, ["E0102"], "{out}");
    assert_eq!(found[0]["file"], "ws/topics.toml");
    // Without a catalogue at all, a topic is unknown, and the help says to make one.
    fs::remove_file(ws.join("topics.toml")).unwrap();
    let (_, out, found) = check(tmp.path(), "ws", "en");
    assert!(
        !found.is_empty() && found.iter().all(|d| d["code"] == "E0115"),
        "{out}"
    );
    assert!(out.contains("has no topics yet"), "{out}");
}

#[test]
fn a_member_may_not_take_a_folder_of_the_workspace_site() {
    let tmp = province();
    let ws = tmp.path().join("ws");
    copy_project(&ws.join("qiushui"), &ws.join("search"));
    edit(
        &ws.join("resplist.toml"),
        "\"qingshan\"]",
        "\"qingshan\", \"search\"]",
    );
    let (code, out, found) = check(tmp.path(), "ws", "en");
    assert_eq!(code, 1, "{out}");
    let reserved = found
        .iter()
        .find(|d| d["code"] == "E0117")
        .expect("a member named for the search page's folder");
    assert_eq!(reserved["file"], "ws/resplist.toml");
    let message = reserved["message"].as_str().unwrap();
    assert!(message.contains("`search`"), "{message}");
}
