//! The browser checks (tests/browser/run.mjs): search typed into the search box, the no-JS
//! fallback, phone-width layout, tap targets and axe-core, in Debian's headless Chromium. They
//! need node, chromium and `npm ci` in tests/browser; without them this test skips with a reason,
//! except under CI=true (where .ci/run installs them), where it fails.

use std::path::Path;
use std::process::Command;

mod common;

fn missing(what: &str) -> bool {
    common::skip(what);
    true
}

#[test]
fn search_layout_and_accessibility_in_chromium() {
    let here = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/browser");
    let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    if !Path::new(&chromium).exists()
        && missing("chromium is not installed (apt-get install chromium fonts-noto-cjk)")
    {
        return;
    }
    if Command::new("node").arg("--version").output().is_err() && missing("node is not installed") {
        return;
    }
    if !here.join("node_modules/playwright-core").exists()
        && missing("tests/browser has no node_modules (run `npm ci` there)")
    {
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    for (project, out) in [("data", "zh"), ("examples/minimal", "en")] {
        let status = Command::new(env!("CARGO_BIN_EXE_resplist"))
            .args(["build", project, "--quiet", "--output"])
            .arg(tmp.path().join(out))
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .status()
            .unwrap();
        assert!(status.success());
    }
    let out = Command::new("node")
        .arg("run.mjs")
        .arg(tmp.path().join("zh"))
        .arg(tmp.path().join("en"))
        .current_dir(&here)
        .env("CHROMIUM", &chromium)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    println!("{stdout}");
    assert!(
        out.status.success(),
        "browser checks failed:\n{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.contains(" passed, 0 failed"), "{stdout}");
}
