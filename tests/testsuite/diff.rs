//! `resplist diff` on a real git history built here: a copy of the sample county and of the
//! minimal example, then commits that change a phone, move a boundary's lead, delegate a power,
//! edit a work item, add, remove and rename departments. Each must be reported as such, in all
//! three formats. Update the snapshots after a deliberate change with
//! `SNAPSHOTS=overwrite cargo test --test testsuite diff`.

use std::fs;
use std::path::Path;
use std::process::Output;

use snapbox::{assert_data_eq, file};

use crate::common::{self, command, copy_project, git};

fn edit(path: &Path, from: &str, to: &str) {
    let text = fs::read_to_string(path).unwrap();
    assert!(
        text.contains(from),
        "{} does not contain {from}",
        path.display()
    );
    fs::write(path, text.replacen(from, to, 1)).unwrap();
}

/// A repository with `county/` (from data/) and `minimal/` (from examples/minimal) and three
/// commits: the copy, the adjustments, the renames.
fn repository() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    let repo = tmp.path();
    copy_project(&common::repo().join("data"), &repo.join("county"));
    copy_project(
        &common::repo().join("examples/minimal"),
        &repo.join("minimal"),
    );
    git(repo, &["init", "-q", "-b", "main"]);
    git(repo, &["add", "-A"]);
    git(repo, &["commit", "-q", "-m", "the list as published"]);

    let county = repo.join("county/departments");
    // A changed phone.
    edit(
        &county.join("huanbao.toml"),
        "phone = \"0000-6301 0103\"",
        "phone = \"0000-6301 0199\"",
    );
    // An edited work item.
    edit(
        &county.join("huanbao.toml"),
        "组织编制全县环境保护",
        "组织编制并实施全县环境保护",
    );
    // The illegal-parking boundary moves from 公安局 to 城管局, which hands its partner role to 公安局.
    let gongan = fs::read_to_string(county.join("gongan.toml")).unwrap();
    let start = gongan
        .find("[[boundaries]]\nid = \"illegal-parking\"")
        .unwrap();
    let end = start + gongan[start..].find("\n[[supervision]]").unwrap();
    let block =
        gongan[start..end].replacen("department = \"chengguan\"", "department = \"gongan\"", 1);
    fs::write(
        county.join("gongan.toml"),
        format!("{}{}", &gongan[..start], &gongan[end..]),
    )
    .unwrap();
    let chengguan = fs::read_to_string(county.join("chengguan.toml")).unwrap();
    let at = chengguan.find("\n[[supervision]]").unwrap();
    fs::write(
        county.join("chengguan.toml"),
        format!("{}\n{}{}", &chengguan[..at], block, &chengguan[at..]),
    )
    .unwrap();
    // A power delegated to the townships: no longer a work item, now under the delegated-power
    // regime (减权不减责), so the list still checks clean.
    let guotu = county.join("guotu.toml");
    edit(
        &guotu,
        "status = \"保留\"",
        "status = \"委托下放\"\ndelegated_to = \"各乡镇人民政府（街道办事处）\"",
    );
    edit(&guotu, "  powers = [\"xk-linshi\"]\n", "");
    edit(
        &guotu,
        "powers = [\"xk-caikuang\", \"xk-linshi\"]",
        "powers = [\"xk-caikuang\"]",
    );
    edit(
        &guotu,
        "powers = [\"sp-zhaijidi\"]",
        "powers = [\"sp-zhaijidi\", \"xk-linshi\"]",
    );
    // A department added, one removed.
    fs::write(
        county.join("tongji.toml"),
        "name = \"春江县统计局\"\nshort_name = \"统计局\"\norder = 160\n\n[[sections]]\nid = \"zhk\"\nname = \"综合科\"\nphone = \"0000-6316 0101\"\n\n[[duties]]\nid = \"d01\"\ntitle = \"负责组织实施全县统计调查。\"\nbasis = [\"三定方案\"]\n\n  [[duties.items]]\n  text = \"组织实施经济普查和人口普查。\"\n  section = \"zhk\"\n\n[[services]]\nid = \"shuju\"\ntitle = \"统计数据查询服务\"\ncategory = \"basic\"\nsection = \"zhk\"\n",
    )
    .unwrap();
    fs::remove_file(county.join("renshe.toml")).unwrap();

    let minimal = repo.join("minimal/departments");
    edit(
        &minimal.join("transport.toml"),
        "phone = \"0000-5550 2001\"",
        "phone = \"0000-5550 2009\"",
    );
    edit(
        &minimal.join("environment.toml"),
        "status = \"retained\"",
        "status = \"delegated\"\ndelegated_to = \"the township offices\"",
    );
    edit(
        &minimal.join("transport.toml"),
        "Keep the ferry and barge logs",
        "Keep the ferry, barge and fishing-boat logs",
    );
    git(repo, &["add", "-A"]);
    git(repo, &["commit", "-q", "-m", "adjust the list"]);

    // Renamed files: the same content under another id (references to it follow).
    git(
        repo,
        &[
            "mv",
            "county/departments/linye.toml",
            "county/departments/senlin.toml",
        ],
    );
    let senlin = county.join("senlin.toml");
    fs::write(
        &senlin,
        fs::read_to_string(&senlin)
            .unwrap()
            .replace("department = \"linye\"", "department = \"senlin\""),
    )
    .unwrap();
    let shichang = county.join("shichang.toml");
    fs::write(
        &shichang,
        fs::read_to_string(&shichang)
            .unwrap()
            .replace("department = \"linye\"", "department = \"senlin\""),
    )
    .unwrap();
    git(
        repo,
        &[
            "mv",
            "minimal/departments/transport.toml",
            "minimal/departments/waterways.toml",
        ],
    );
    edit(
        &minimal.join("environment.toml"),
        "department = \"transport\"",
        "department = \"waterways\"",
    );
    edit(
        &minimal.join("environment.toml"),
        "department = \"transport\"",
        "department = \"waterways\"",
    );
    git(repo, &["add", "-A"]);
    git(repo, &["commit", "-q", "-m", "rename files"]);
    tmp
}

fn diff(repo: &Path, project: &str, args: &[&str]) -> Output {
    command()
        .env_remove("RESPLIST_LANG")
        .args(["diff", "--color", "never", "--project", project])
        .args(args)
        .current_dir(repo)
        .output()
        .unwrap()
}

fn stdout(out: &Output) -> String {
    assert!(
        out.status.code().is_some_and(|c| c <= 1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout.clone()).unwrap()
}

#[test]
fn county_adjustments_in_all_three_formats() {
    let repo = repository();
    let human = stdout(&diff(repo.path(), "county", &["HEAD~2", "HEAD"]));
    for expected in [
        "~ 科室“污染防治科”",
        "电话：“0000-6301 0103” → “0000-6301 0199”",
        "! 牵头部门由公安局改为城管局",
        "权力状态：“保留” → “委托下放”",
        "! 保留 → 委托下放（各乡镇人民政府（街道办事处））",
        "的具体工作事项“组织编制并实施全县环境保护",
        "+ 春江县统计局  departments/tongji.toml",
        "- 春江县人力资源和社会保障局  departments/renshe.toml",
        "→ 春江县林业局：文件改为 departments/senlin.toml（原编号 `linye`），内容不变",
    ] {
        assert!(
            human.contains(expected),
            "missing {expected:?} in:\n{human}"
        );
    }
    assert!(
        !human.contains("牵头部门由林业局"),
        "a renamed lead is not a moved lead:\n{human}"
    );
    // Reviewers read names, not ids: no section, power or work-item id in the report.
    for id in ["wrfz", "xk-linshi", "d01 #1", "illegal-parking"] {
        assert!(!human.contains(id), "{id} in:\n{human}");
    }
    assert_data_eq!(human, file!["../snapshots/diff-county.txt"]);

    let markdown = stdout(&diff(
        repo.path(),
        "county",
        &["HEAD~2", "HEAD", "--format", "markdown"],
    ));
    assert!(
        markdown.starts_with("### 清单的变化：HEAD~2 → HEAD\n\n| | 新增 | 删除 | 修改 | 改名 |"),
        "{markdown}"
    );
    assert_data_eq!(markdown, file!["../snapshots/diff-county.md"]);

    let json: serde_json::Value = serde_json::from_str(&stdout(&diff(
        repo.path(),
        "county",
        &["HEAD~2", "HEAD", "--format", "json"],
    )))
    .unwrap();
    let departments = json["departments"].as_array().unwrap();
    let status = |id: &str| {
        departments
            .iter()
            .find(|d| d["id"] == id)
            .map(|d| d["status"].as_str().unwrap().to_string())
    };
    assert_eq!(status("tongji").as_deref(), Some("added"));
    assert_eq!(status("renshe").as_deref(), Some("removed"));
    assert_eq!(status("senlin").as_deref(), Some("renamed"));
    let parking = json["boundaries"]
        .as_array()
        .unwrap()
        .iter()
        .find(|b| b["key"] == "illegal-parking")
        .unwrap();
    assert!(
        parking["notes"][0]
            .as_str()
            .unwrap()
            .contains("牵头部门由公安局改为城管局")
    );
    assert_data_eq!(
        serde_json::to_string_pretty(&json).unwrap(),
        file!["../snapshots/diff-county.json"]
    );
}

#[test]
fn minimal_adjustments_in_english_project() {
    let repo = repository();
    let human = stdout(&diff(repo.path(), "minimal", &["HEAD~2", "HEAD~1"]));
    for expected in [
        "phone: “0000-5550 2001” → “0000-5550 2009”",
        "status: “retained” → “delegated”",
        "Keep the ferry, barge and fishing-boat logs",
    ] {
        assert!(
            human.contains(expected),
            "missing {expected:?} in:\n{human}"
        );
    }
    assert_data_eq!(human, file!["../snapshots/diff-minimal.txt"]);
    assert_data_eq!(
        stdout(&diff(
            repo.path(),
            "minimal",
            &["HEAD~2", "HEAD~1", "--format", "markdown"]
        )),
        file!["../snapshots/diff-minimal.md"]
    );
    let renamed = stdout(&diff(repo.path(), "minimal", &["HEAD~1", "HEAD"]));
    assert!(
        renamed.contains(
            "→ Maple County Transport Bureau: the file is now departments/waterways.toml (it was `transport`), the content is the same"
        ),
        "{renamed}"
    );
    let json: serde_json::Value = serde_json::from_str(&stdout(&diff(
        repo.path(),
        "minimal",
        &["HEAD~1", "HEAD", "--format", "json"],
    )))
    .unwrap();
    assert_eq!(json["departments"][0]["status"], "renamed");
    assert_eq!(json["departments"][0]["renamed_from"], "transport");
}

#[test]
fn checks_that_start_failing_are_reported() {
    let repo = repository();
    // In the minimal example the delegated power is still named by a work item and supervised
    // as an approval: those checks now fail.
    let minimal = stdout(&diff(repo.path(), "minimal", &["HEAD~2", "HEAD~1"]));
    assert!(
        minimal.contains("now failing: E0201 departments/environment.toml:28:13"),
        "{minimal}"
    );
    assert!(minimal.contains("now failing: E0208"), "{minimal}");
    // The county's delegation was done properly: no check changed.
    let county = stdout(&diff(repo.path(), "county", &["HEAD~2", "HEAD~1"]));
    assert!(!county.contains("新出现的问题"), "{county}");
}

#[test]
fn defaults_exit_code_and_directories() {
    let repo = repository();
    // HEAD against the clean working tree: nothing changed.
    let same = diff(repo.path(), "county", &["--exit-code"]);
    assert_eq!(same.status.code(), Some(0));
    assert!(stdout(&same).contains("清单内容无变化"));
    // An uncommitted edit shows, and --exit-code says so.
    edit(
        &repo.path().join("county/departments/huanbao.toml"),
        "phone = \"0000-6301 0199\"",
        "phone = \"0000-6301 0100\"",
    );
    let changed = diff(repo.path(), "county", &["--exit-code"]);
    assert_eq!(changed.status.code(), Some(1));
    assert!(stdout(&changed).contains("“0000-6301 0199” → “0000-6301 0100”"));
    // Two directories, no git.
    let dirs = command()
        .args(["diff", "--color", "never", "--dirs"])
        .arg(common::repo().join("examples/minimal"))
        .arg(repo.path().join("minimal"))
        .output()
        .unwrap();
    assert!(
        stdout(&dirs).contains("+ Maple County Transport Bureau  departments/waterways.toml")
            && stdout(&dirs)
                .contains("- Maple County Transport Bureau  departments/transport.toml"),
        "edited and renamed at once is removed and added"
    );
    // A revision that does not exist is a clear error, exit 2.
    let bad = diff(repo.path(), "county", &["no-such-branch"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("`no-such-branch` is not a commit"));
}

#[test]
fn build_lists_the_adjustments_on_a_history_page() {
    let repo = repository();
    let config = repo.path().join("county/resplist.toml");
    edit(
        &config,
        "output = \"public\"",
        "output = \"public\"\nhistory = 10",
    );
    git(
        repo.path(),
        &["commit", "-q", "-am", "publish the change history"],
    );
    let build = |out: &str| {
        let o = command()
            .args(["build", "county", "--quiet", "--output", out])
            .current_dir(repo.path())
            .output()
            .unwrap();
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        fs::read_to_string(repo.path().join(out).join("history/index.html")).unwrap()
    };
    let page = build("site-a");
    for expected in [
        "动态调整记录",
        "publish the change history",
        "rename files",
        "adjust the list",
        "the list as published",
        "2026-01-01",
        "春江县环境保护局：修改科室“污染防治科” — 电话：“0000-6301 0103” → “0000-6301 0199”",
        "修改职责边界“车辆违法停放的管理和处罚” — 牵头部门由公安局改为城管局",
        "新增部门：春江县统计局",
    ] {
        assert!(page.contains(expected), "missing {expected:?}:\n{page}");
    }
    // Citizens read the site's language only: no ids, no words of resplist's in English.
    let visible = visible_text(&page);
    for word in [
        "wrfz",
        "illegal-parking",
        "linye",
        "phone",
        "lead",
        "partner",
        "section",
        "修订号",
    ] {
        assert!(
            !visible.contains(word),
            "{word} on the history page:\n{visible}"
        );
    }
    assert_eq!(
        page.matches("<section class=\"entry history-entry\"")
            .count(),
        4
    );
    assert_eq!(page, build("site-b"), "the history page is deterministic");
    assert!(
        fs::read_to_string(repo.path().join("site-a/index.html"))
            .unwrap()
            .contains("history/index.html")
    );
}

/// The text of a page a reader sees: the page without its tags and its `<head>`.
fn visible_text(page: &str) -> String {
    let body = page.split("<body>").nth(1).unwrap_or(page);
    let mut text = String::new();
    let mut in_tag = false;
    for c in body.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                text.push(' ');
            }
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    text
}

#[test]
fn without_git_or_without_the_setting_there_is_no_history_page() {
    let tmp = tempfile::tempdir().unwrap();
    copy_project(
        &common::repo().join("examples/minimal"),
        &tmp.path().join("p"),
    );
    let out = command()
        .args(["build", "p", "--quiet"])
        .current_dir(tmp.path())
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(!tmp.path().join("p/public/history").exists());
    fs::write(
        tmp.path().join("p/resplist.toml"),
        fs::read_to_string(tmp.path().join("p/resplist.toml")).unwrap()
            + "\n[build]\nhistory = 5\n",
    )
    .unwrap();
    let out = command()
        .args(["build", "p", "--quiet"])
        .current_dir(tmp.path())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("no change-history page"));
    assert!(
        !tmp.path().join("p/public/history").exists()
            && tmp.path().join("p/public/index.html").exists()
    );
}
