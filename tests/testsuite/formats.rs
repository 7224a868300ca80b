//! The machine-readable formats are valid for every diagnostic: JSON lines parse and carry every
//! field; GitHub workflow commands are well formed. (Snapshots can't show this: trycmd rewrites
//! backslashes, which JSON needs.)

use crate::common::{command, repo};

fn run(fixture: &str, format: &str) -> (Option<i32>, String) {
    let out = command()
        .args(["check", "--format", format])
        .current_dir(repo().join("tests/fixtures").join(fixture))
        .env_remove("GITHUB_STEP_SUMMARY")
        .output()
        .unwrap();
    (out.status.code(), String::from_utf8(out.stdout).unwrap())
}

#[test]
fn json_lines_parse_with_every_field() {
    let (code, out) = run("many-errors", "json");
    assert_eq!(code, Some(1));
    let lines: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 10);
    for d in &lines {
        for key in [
            "code",
            "severity",
            "title",
            "message",
            "file",
            "line",
            "column",
            "end_line",
            "end_column",
            "help",
        ] {
            assert!(d.get(key).is_some(), "{key} missing in {d}");
        }
    }
    let section = lines.iter().find(|d| d["code"] == "E0107").unwrap();
    assert_eq!(section["file"], "departments/nongye.toml");
    assert_eq!(
        (section["line"].as_u64(), section["column"].as_u64()),
        (Some(19), Some(46))
    );
    assert_eq!(section["severity"], "error");
    assert_eq!(
        lines.iter().filter(|d| d["severity"] == "warning").count(),
        5
    );
}

#[test]
fn every_fixture_gives_valid_json_and_github_output() {
    let fixtures = std::fs::read_dir(repo().join("tests/fixtures")).unwrap();
    let mut checked = 0;
    for fixture in fixtures {
        let name = fixture.unwrap().file_name().to_string_lossy().into_owned();
        let (code, json) = run(&name, "json");
        assert!(matches!(code, Some(0 | 1)), "{name}: exit {code:?}");
        for line in json.lines() {
            let d: serde_json::Value =
                serde_json::from_str(line).unwrap_or_else(|e| panic!("{name}: {e}: {line}"));
            assert!(
                d["code"].as_str().is_some_and(|c| c.len() == 5),
                "{name}: {line}"
            );
            if let (Some(l), Some(el)) = (d["line"].as_u64(), d["end_line"].as_u64()) {
                assert!(el >= l, "{name}: {line}");
            }
        }
        let (_, github) = run(&name, "github");
        for line in github.lines().filter(|l| l.starts_with("::")) {
            let (head, message) = line[2..]
                .split_once("::")
                .unwrap_or_else(|| panic!("{name}: {line}"));
            assert!(
                head.starts_with("error ") || head.starts_with("warning "),
                "{name}: {line}"
            );
            assert!(!message.contains('\n') && !message.is_empty());
            assert!(
                head.contains("title=E") || head.contains("title=W"),
                "{name}: {line}"
            );
        }
        checked += 1;
    }
    assert!(checked > 50, "only {checked} fixtures");
}

#[test]
fn every_fixture_named_for_a_code_reports_that_code() {
    for fixture in std::fs::read_dir(repo().join("tests/fixtures")).unwrap() {
        let name = fixture.unwrap().file_name().to_string_lossy().into_owned();
        let Some(code) = name
            .split('-')
            .next()
            .filter(|c| c.len() == 5 && (c.starts_with('e') || c.starts_with('w')))
        else {
            continue;
        };
        let (_, json) = run(&name, "json");
        let expected = code.to_uppercase();
        assert!(
            json.lines()
                .any(|l| l.contains(&format!("\"code\":\"{expected}\""))),
            "{name} does not report {expected}:\n{json}"
        );
    }
}

#[test]
fn gitlab_code_quality_report_is_one_json_array() {
    let (code, out) = run("many-errors", "gitlab");
    assert_eq!(code, Some(1));
    let issues: Vec<serde_json::Value> = serde_json::from_str(&out).unwrap();
    assert_eq!(issues.len(), 10);
    for issue in &issues {
        for key in ["description", "check_name", "fingerprint", "severity"] {
            assert!(issue[key].is_string(), "{key} in {issue}");
        }
        assert!(
            issue["location"]["path"].is_string() && issue["location"]["lines"]["begin"].is_u64(),
            "{issue}"
        );
    }
    let fingerprints: std::collections::HashSet<&str> = issues
        .iter()
        .map(|i| i["fingerprint"].as_str().unwrap())
        .collect();
    assert_eq!(
        fingerprints.len(),
        issues.len(),
        "fingerprints must be unique"
    );
    assert_eq!(
        issues.iter().filter(|i| i["severity"] == "minor").count(),
        5
    );
}
