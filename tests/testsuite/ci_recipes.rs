//! The CI recipes in examples/ci are valid YAML, and every `resplist` command they run exists
//! with the flags they pass (parsed by resplist's own command line).

use clap::Parser;
use resplist::cli::Cli;
use yaml_rust2::{Yaml, YamlLoader};

use crate::common::repo;

/// Every string under `run` or `script` keys, as shell command lines.
fn commands(yaml: &Yaml, out: &mut Vec<String>, in_script: bool) {
    match yaml {
        Yaml::Hash(map) => {
            for (k, v) in map {
                let key = k.as_str().unwrap_or("");
                commands(
                    v,
                    out,
                    key == "run" || key == "script" || key == "before_script",
                );
            }
        }
        Yaml::Array(items) => items.iter().for_each(|i| commands(i, out, in_script)),
        Yaml::String(s) if in_script => out.extend(s.lines().map(str::to_string)),
        _ => {}
    }
}

/// Splits a shell line into words (quotes removed), stopping at a redirection or `||`.
fn words(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut word = String::new();
    let mut quote = None;
    let mut any = false;
    for c in line.chars() {
        match (quote, c) {
            (None, '"' | '\'') => {
                quote = Some(c);
                any = true;
            }
            (Some(q), c) if c == q => quote = None,
            (None, ' ') => {
                if any {
                    out.push(std::mem::take(&mut word));
                    any = false;
                }
            }
            (_, c) => {
                word.push(c);
                any = true;
            }
        }
    }
    if any {
        out.push(word);
    }
    let end = out
        .iter()
        .position(|w| w == ">" || w == "||" || w == "|" || w == "&&")
        .unwrap_or(out.len());
    out.truncate(end);
    out
}

#[test]
fn ci_recipes_are_valid_and_call_real_commands() {
    let dir = repo().join("examples/ci");
    let mut checked = Vec::new();
    for file in [
        "github-actions.yml",
        "gitlab-ci.yml",
        "github-actions-workspace.yml",
        "gitlab-ci-workspace.yml",
    ] {
        let text = std::fs::read_to_string(dir.join(file)).unwrap();
        let docs = YamlLoader::load_from_str(&text)
            .unwrap_or_else(|e| panic!("{file} is not valid YAML: {e}"));
        assert_eq!(docs.len(), 1, "{file}");
        let mut lines = Vec::new();
        commands(&docs[0], &mut lines, false);
        let calls: Vec<Vec<String>> = lines
            .iter()
            .map(|l| words(l.trim()))
            .filter(|w| w.first().is_some_and(|c| c == "resplist"))
            .collect();
        let subcommands: Vec<&str> = calls.iter().map(|c| c[1].as_str()).collect();
        for needed in ["check", "diff", "build"] {
            assert!(
                subcommands.contains(&needed),
                "{file} never runs resplist {needed}"
            );
        }
        for call in &calls {
            if let Err(e) = Cli::try_parse_from(call) {
                panic!(
                    "{file}: `{}` is not a valid resplist command: {e}",
                    call.join(" ")
                );
            }
            checked.push(call.join(" "));
        }
        let format = if file.starts_with("github") {
            "github"
        } else {
            "gitlab"
        };
        assert!(
            checked
                .iter()
                .any(|c| c.contains("check") && c.contains(&format!("--format {format}"))),
            "{file}"
        );
        assert!(
            checked
                .iter()
                .any(|c| c.contains("diff") && c.contains("--format markdown")),
            "{file}"
        );
    }
    assert!(checked.len() >= 6, "{checked:?}");
}
