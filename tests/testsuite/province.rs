//! The site of a workspace (`examples/province`): every member's site under `/<member>/` as it is
//! built alone, with a way back; the home page of jurisdictions; the topic comparison pages and
//! their index; the workspace's open data; the reuse of unchanged members, byte for byte; and
//! `--members` with the assembly that follows it.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use crate::common::{build, build_with, command, copy_project, files, repo, stderr, stdout};

const MEMBERS: [&str; 3] = ["chunjiang", "qiushui", "qingshan"];

/// The sample province in a temporary folder, as `ws`.
fn province() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    copy_project(&repo().join("examples/province"), &tmp.path().join("ws"));
    tmp
}

/// A page's text with the way back to the workspace taken out.
fn without_way_back(page: &str) -> String {
    page.lines()
        .filter(|l| !l.contains("class=\"parent-bar\""))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn each_member_site_is_the_site_built_alone_with_a_way_back() {
    let tmp = province();
    let ws = tmp.path().join("ws");
    build(&ws, &tmp.path().join("site"));
    for member in MEMBERS {
        build(&ws.join(member), &tmp.path().join(member));
        let alone = files(&tmp.path().join(member));
        let within = files(&tmp.path().join("site").join(member));
        let names = |f: &BTreeMap<String, Vec<u8>>| {
            f.keys()
                .filter(|k| !k.starts_with('.'))
                .cloned()
                .collect::<Vec<_>>()
        };
        assert_eq!(names(&alone), names(&within), "{member}: the same files");
        let mut ways_back = 0;
        for (path, bytes) in &alone {
            if path.starts_with('.') {
                continue;
            }
            let other = &within[path];
            if !path.ends_with(".html") {
                assert_eq!(bytes, other, "{member}/{path}");
                continue;
            }
            let (a, w) = (
                String::from_utf8_lossy(bytes),
                String::from_utf8_lossy(other),
            );
            assert_eq!(
                without_way_back(&a),
                without_way_back(&w),
                "{member}/{path}"
            );
            if w.contains("class=\"parent-bar\"") {
                ways_back += 1;
                let depth = path.matches('/').count();
                let back = format!("href=\"{}../index.html\"", "../".repeat(depth));
                assert!(w.contains(&back), "{member}/{path} links back with {back}");
                assert!(w.contains("江南省县级政府部门责任清单"), "{member}/{path}");
            }
        }
        assert!(
            ways_back > 10,
            "{member}: every page offers the way back ({ways_back})"
        );
    }
}

#[test]
fn the_home_page_lists_every_jurisdiction_with_its_totals() {
    let tmp = province();
    let ws = tmp.path().join("ws");
    let site = tmp.path().join("site");
    build(&ws, &site);
    let home = fs::read_to_string(site.join("index.html")).unwrap();
    for (member, county) in MEMBERS.iter().zip(["春江县", "秋水县", "青山县"]) {
        assert!(
            home.contains(&format!("<a href=\"{member}/index.html\">{county}</a>")),
            "{county}"
        );
    }
    // The totals are those `check` counts for the whole workspace.
    let check = command()
        .args(["--lang", "zh-CN", "check"])
        .arg(&ws)
        .output()
        .unwrap();
    let summary = stdout(&check);
    let total = summary.lines().last().unwrap();
    let departments = total
        .split("：")
        .nth(1)
        .and_then(|t| t.split(' ').next())
        .unwrap();
    assert!(
        home.contains(&format!("{departments} 个部门")),
        "{total} / home"
    );
    assert!(home.contains("3 个行政区"));
    // The workspace pages name members and topics, never every entry.
    assert!(!home.contains("departments/"), "no department is listed");
}

#[test]
fn a_topic_page_compares_the_members_lead_by_lead() {
    let tmp = province();
    let ws = tmp.path().join("ws");
    let site = tmp.path().join("site");
    build(&ws, &site);
    let page = fs::read_to_string(site.join("topics/zaosheng.html")).unwrap();
    // Each county's lead, with a link to its own boundary page, which exists.
    for lead in [
        "春江县环境保护局",
        "秋水县城市管理行政执法局",
        "青山县公安局",
    ] {
        assert!(page.contains(lead), "{lead}");
    }
    let links: Vec<&str> = page
        .split("href=\"../")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .filter(|l| l.contains("/boundaries/"))
        .collect();
    assert_eq!(links.len(), 3, "{links:?}");
    for link in links {
        assert!(site.join(link).is_file(), "{link}");
    }
    assert!(page.contains("3 / 3 个行政区列明"));
    assert!(!page.contains("未列明"));
    // A topic a member does not list: that member is named as such.
    let absent: Vec<String> = fs::read_dir(site.join("topics"))
        .unwrap()
        .map(|e| fs::read_to_string(e.unwrap().path()).unwrap())
        .filter(|p| p.contains("class=\"absent\""))
        .collect();
    assert!(
        !absent.is_empty(),
        "some topic is not listed by some member"
    );
    for page in &absent {
        let row = page
            .lines()
            .find(|l| l.contains("class=\"absent\""))
            .unwrap();
        assert!(row.contains("未列明"), "{row}");
        assert!(page.contains("2 / 3 个行政区列明"), "{row}");
    }
    // The index groups the topics by area and says how many members name each.
    let index = fs::read_to_string(site.join("topics/index.html")).unwrap();
    for area in ["环境保护", "城市管理", "食品安全"] {
        assert!(index.contains(&format!("-h\">{area}</h2>")), "{area}");
    }
    let topics = fs::read_to_string(ws.join("topics.toml")).unwrap();
    let count = topics.matches("[[topics]]").count();
    assert_eq!(index.matches("个行政区列明").count(), count);
    let links = index.matches("href=\"../topics/").count();
    assert_eq!(
        links - index.matches("href=\"../topics/index.html").count(),
        count
    );
}

#[test]
fn the_workspace_open_data_names_each_rows_jurisdiction() {
    let tmp = province();
    let ws = tmp.path().join("ws");
    let site = tmp.path().join("site");
    build(&ws, &site);
    let rows = |path: &Path| -> Vec<Vec<String>> {
        csv::Reader::from_path(path)
            .unwrap()
            .records()
            .map(|r| r.unwrap().iter().map(str::to_string).collect())
            .collect()
    };
    let header = fs::read_to_string(site.join("opendata/departments.csv")).unwrap();
    let header = header
        .lines()
        .next()
        .unwrap()
        .trim_start_matches('\u{feff}');
    assert!(header.starts_with("jurisdiction,id,"), "{header}");
    let table = rows(&site.join("opendata/departments.csv"));
    let mut seen: Vec<&str> = table.iter().map(|r| r[0].as_str()).collect();
    seen.dedup();
    assert_eq!(seen, MEMBERS);
    // Each member's rows are its own table's rows.
    let own = rows(&site.join("qiushui/opendata/departments.csv"));
    let ours: Vec<Vec<String>> = table
        .iter()
        .filter(|r| r[0] == "qiushui")
        .map(|r| r[1..].to_vec())
        .collect();
    assert_eq!(ours, own);
    let package: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(site.join("opendata/datapackage.json")).unwrap())
            .unwrap();
    for resource in package["resources"].as_array().unwrap() {
        let schema = &resource["schema"];
        assert_eq!(schema["fields"][0]["name"], "jurisdiction");
        assert_eq!(
            schema["primaryKey"][0], "jurisdiction",
            "{}",
            resource["name"]
        );
        for key in schema["foreignKeys"].as_array().unwrap() {
            assert_eq!(key["fields"][0], "jurisdiction");
            assert_eq!(key["reference"]["fields"][0], "jurisdiction");
        }
    }
    assert!(site.join("opendata/resplist.xlsx").is_file());
}

/// Builds `ws` into `out` and returns what it said.
fn build_saying(ws: &Path, out: &Path, more: &[&str]) -> String {
    let run = command()
        .args(["--lang", "en", "build"])
        .args(more)
        .arg("--output")
        .arg(out)
        .arg(ws)
        .output()
        .unwrap();
    assert!(run.status.success(), "{}", stderr(&run));
    stdout(&run)
}

#[test]
fn unchanged_members_are_reused_and_the_site_is_the_same_as_a_full_build() {
    let tmp = province();
    let ws = tmp.path().join("ws");
    let site = tmp.path().join("site");
    let said = build_saying(&ws, &site, &[]);
    assert!(said.contains("3 built, 0 unchanged"), "{said}");
    let said = build_saying(&ws, &site, &[]);
    assert!(said.contains("0 built, 3 unchanged"), "{said}");
    // One member edited: it alone is built again.
    let file = ws.join("qiushui/departments/huanbao.toml");
    let text = fs::read_to_string(&file).unwrap();
    let phone = text
        .split("phone = \"")
        .nth(1)
        .and_then(|r| r.split('"').next())
        .unwrap()
        .to_string();
    fs::write(&file, text.replacen(&phone, "0000-7199 9999", 1)).unwrap();
    let said = build_saying(&ws, &site, &[]);
    assert!(said.contains("1 built, 2 unchanged"), "{said}");
    let fresh = tmp.path().join("fresh");
    build(&ws, &fresh);
    assert_eq!(
        files(&site),
        files(&fresh),
        "reuse gives a full build's bytes"
    );
    let page = fs::read_to_string(site.join("qiushui/departments/huanbao.html")).unwrap();
    assert!(page.contains("0000-7199 9999"));
    // A different theme changes every member.
    let theme = tmp.path().join("theme/static");
    fs::create_dir_all(&theme).unwrap();
    fs::write(theme.join("style.css"), "body { color: #000 }\n").unwrap();
    let theme = tmp.path().join("theme");
    let said = build_saying(&ws, &site, &["--theme", theme.to_str().unwrap()]);
    assert!(said.contains("3 built, 0 unchanged"), "{said}");
}

#[test]
fn members_build_apart_and_the_assembly_reuses_them() {
    let tmp = province();
    let ws = tmp.path().join("ws");
    let one = tmp.path().join("one");
    let two = tmp.path().join("two");
    build_with(&ws, &one, &["--members", "chunjiang"]);
    build_with(&ws, &two, &["--members", "qiushui,qingshan"]);
    assert!(one.join("chunjiang/index.html").is_file());
    assert!(!one.join("qiushui").exists() && !one.join("index.html").exists());
    // The assembly: the jobs' outputs merged into one folder, then a full build.
    let site = tmp.path().join("site");
    copy_project(&one, &site);
    for (path, bytes) in files(&two) {
        let to = site.join(&path);
        fs::create_dir_all(to.parent().unwrap()).unwrap();
        fs::write(to, bytes).unwrap();
    }
    let said = build_saying(&ws, &site, &[]);
    assert!(said.contains("0 built, 3 unchanged"), "{said}");
    let fresh = tmp.path().join("fresh");
    build(&ws, &fresh);
    assert_eq!(files(&site), files(&fresh));
    // A member that is not one is refused, naming those that are.
    let run = command()
        .args(["build", "--members", "dongshan"])
        .arg(&ws)
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(2));
    let said = stderr(&run);
    assert!(
        said.contains("dongshan") && said.contains("chunjiang, qingshan, qiushui"),
        "{said}"
    );
    // An empty list builds nothing rather than an empty site.
    let run = command()
        .args(["build", "--members", ""])
        .arg(&ws)
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(2));
    assert!(stderr(&run).contains("names no member"), "{}", stderr(&run));
    assert!(!ws.join("public").exists());
}

#[test]
fn an_error_in_one_member_builds_nothing_and_keeps_the_published_site() {
    let tmp = province();
    let ws = tmp.path().join("ws");
    let site = tmp.path().join("site");
    build(&ws, &site);
    let before = files(&site);
    let file = ws.join("qingshan/departments/huanbao.toml");
    crate::common::edit(&file, |t| t.replacen("topic = \"", "topic = \"nosuch-", 1));
    let run = command()
        .args(["build", "--output"])
        .arg(&site)
        .arg(&ws)
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(1));
    let said = stderr(&run);
    assert!(
        said.contains("qingshan/departments/huanbao.toml:"),
        "{said}"
    );
    assert!(said.contains("E0115"), "{said}");
    assert_eq!(files(&site), before);
}

#[test]
fn diff_of_a_workspace_gives_each_members_changes_under_its_name() {
    let tmp = province();
    let ws = tmp.path().join("ws");
    let old = tmp.path().join("old");
    copy_project(&ws, &old);
    let file = ws.join("qiushui/departments/chengguan.toml");
    crate::common::edit(&file, |t| t.replacen("0000-7114 0000", "0000-7114 9999", 1));
    let diff = |args: &[&str], dir: &Path| {
        command()
            .args(["--lang", "zh-CN", "diff"])
            .args(args)
            .current_dir(dir)
            .output()
            .unwrap()
    };
    let run = diff(&["--exit-code", "--dirs", "old", "ws"], tmp.path());
    assert_eq!(run.status.code(), Some(1), "{}", stderr(&run));
    let said = stdout(&run);
    assert!(said.contains("== 秋水县（qiushui）"), "{said}");
    assert!(
        said.contains("“0000-7114 0000” → “0000-7114 9999”"),
        "{said}"
    );
    assert!(
        !said.contains("春江县（chunjiang）"),
        "unchanged members are left out: {said}"
    );
    // In git: the working tree against HEAD, member by member.
    crate::common::git(&old, &["init", "-q"]);
    crate::common::git(&old, &["add", "."]);
    crate::common::git(&old, &["commit", "-q", "-m", "list"]);
    copy_project(&ws.join("qiushui"), &old.join("qiushui"));
    let run = diff(&["--format", "json"], &old);
    assert!(run.status.success(), "{}", stderr(&run));
    let lines: Vec<serde_json::Value> = stdout(&run)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 1, "{lines:?}");
    assert_eq!(lines[0]["member"], "qiushui");
    assert!(
        lines[0]["diff"]["departments"]
            .as_array()
            .is_some_and(|d| d.len() == 1)
    );
    // A member added.
    crate::common::edit(&ws.join("resplist.toml"), |t| {
        t.replacen("\"qingshan\"]", "\"qingshan\", \"dongshan\"]", 1)
    });
    copy_project(&ws.join("qingshan"), &ws.join("dongshan"));
    let run = diff(&["--dirs", "old", "ws"], tmp.path());
    let said = stdout(&run);
    assert!(
        said.contains("（dongshan）：新加入工作区的行政区"),
        "{said}"
    );
}
