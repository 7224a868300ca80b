//! The browser checks (tests/browser/run.mjs, workspace.mjs): search typed into the search box,
//! the no-JS fallback, phone-width layout, tap targets and axe-core, in Debian's headless
//! Chromium, on sites and on a workspace. They need node, chromium and `npm ci` in tests/browser,
//! so the tests are ignored by plain `cargo test`; run with `--include-ignored` (as .ci/run does,
//! after installing them), they fail if any is missing, saying what to install.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use crate::common::{build, copy_project, repo};

/// The browser suite's folder and Chromium, once every tool it needs is there.
fn tools() -> (PathBuf, String) {
    let here = repo().join("tests/browser");
    let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    assert!(
        Path::new(&chromium).exists(),
        "{chromium} is missing: install chromium (apt-get install chromium fonts-noto-cjk), or set \
         CHROMIUM to where it is"
    );
    assert!(
        Command::new("node").arg("--version").output().is_ok(),
        "node is missing: install Node.js (apt-get install nodejs npm)"
    );
    assert!(
        here.join("node_modules/playwright-core").exists(),
        "tests/browser has no node_modules: run `npm ci` in tests/browser"
    );
    (here, chromium)
}

/// Asserts that a browser script ran every check and none failed, printing its report.
fn passed(out: &Output) {
    let stdout = String::from_utf8_lossy(&out.stdout);
    println!("{stdout}");
    assert!(
        out.status.success(),
        "browser checks failed:\n{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.contains(" passed, 0 failed"), "{stdout}");
}

#[test]
#[ignore = "needs chromium, node and `npm ci` in tests/browser"]
fn search_layout_and_accessibility_in_chromium() {
    let (here, chromium) = tools();
    let tmp = tempfile::tempdir().unwrap();
    let long = tmp.path().join("long-project");
    long_lines_project(&long);
    for (project, out) in [
        (Path::new("data"), "zh"),
        (Path::new("examples/minimal"), "en"),
        (long.as_path(), "long"),
    ] {
        build(project, &tmp.path().join(out));
    }
    let out = Command::new("node")
        .arg("run.mjs")
        .arg(tmp.path().join("zh"))
        .arg(tmp.path().join("en"))
        .arg(tmp.path().join("long"))
        .current_dir(&here)
        .env("CHROMIUM", &chromium)
        .output()
        .unwrap();
    passed(&out);
}

/// The sample workspace (examples/province): its home page, a topic compared, and the one
/// search over every member's own index, narrowed to one member (tests/browser/workspace.mjs).
#[test]
#[ignore = "needs chromium, node and `npm ci` in tests/browser"]
fn workspace_pages_and_search_across_members_in_chromium() {
    let (here, chromium) = tools();
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("province");
    build(Path::new("examples/province"), &site);
    let out = Command::new("node")
        .arg("workspace.mjs")
        .arg(&site)
        .current_dir(&here)
        .env("CHROMIUM", &chromium)
        .output()
        .unwrap();
    passed(&out);
}

/// The English example with a 400-character run without spaces added to every one-line text
/// (names, titles, items, steps, …) and a 400-character URL as the website: text pasted from
/// Excel or a URL with no place to break must not widen the page.
fn long_lines_project(to: &Path) {
    let unbroken = format!("{}{}", "W".repeat(200), "长".repeat(200));
    copy_project(&repo().join("examples/minimal"), to);
    for entry in std::fs::read_dir(to.join("departments")).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        let mut out = String::new();
        for line in text.lines() {
            let key = line.trim_start().split(" = ").next().unwrap_or("");
            let plain = [
                "name",
                "short_name",
                "title",
                "text",
                "note",
                "area",
                "lead_duty",
                "duty",
                "action",
                "scenario",
                "frequency",
                "address",
            ];
            if plain.contains(&key) && line.ends_with('"') {
                out.push_str(&line[..line.len() - 1]);
                out.push_str(&unbroken);
                out.push('"');
            } else {
                out.push_str(line);
            }
            out.push('\n');
        }
        out.push_str(&format!(
            "\n[[powers]]\nid = \"long\"\nname = \"{unbroken}\"\nkind = \"other\"\nstatus = \"retained\"\nbasis = [\"{unbroken}\"]\n"
        ));
        let website = format!("website = \"https://example.org/{}\"\n", "a".repeat(400));
        std::fs::write(&path, website + &out).unwrap();
    }
}

/// An open page of `resplist serve` reloads itself after an edit (tests/browser/serve.mjs).
#[test]
#[ignore = "needs chromium, node and `npm ci` in tests/browser"]
fn an_open_page_reloads_itself_after_an_edit() {
    let (here, chromium) = tools();
    let tmp = tempfile::tempdir().unwrap();
    let project = tmp.path().join("p");
    copy_project(&repo().join("data"), &project);
    let served = crate::serve::Served::start(&project);
    let url = format!("http://{}/", served.address);
    let out = Command::new("node")
        .arg("serve.mjs")
        .arg(format!("{url}departments/huanbao.html"))
        .arg(project.join("departments/huanbao.toml"))
        .arg("0000-6301 0103")
        .arg("0000-6301 0188")
        .current_dir(&here)
        .env("CHROMIUM", &chromium)
        .output()
        .unwrap();
    drop(served);
    let stdout = String::from_utf8_lossy(&out.stdout);
    println!("{stdout}");
    assert!(
        out.status.success() && stdout.contains("1 passed, 0 failed"),
        "{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
