//! The shape docs/architecture.md promises, kept: no function in `src/` outside tests is longer
//! than 80 lines, and the modules of `src/render` import each other without a cycle.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

use crate::common::repo;

/// Every `.rs` file under `dir`.
fn sources(dir: &Path) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = walkdir::WalkDir::new(dir)
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.path().extension().is_some_and(|x| x == "rs"))
        .map(|e| e.path().to_path_buf())
        .collect();
    out.sort();
    out
}

/// The functions of `text` before its test module, as (name, first line, length in lines). A
/// function ends at the first `}` indented as its `fn` line was.
fn functions(text: &str) -> Vec<(String, usize, usize)> {
    let lines: Vec<&str> = text
        .lines()
        .take_while(|l| !l.starts_with("#[cfg(test)]"))
        .collect();
    let mut out = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let code = line.trim_start();
        let indent = &line[..line.len() - code.len()];
        let code = code
            .strip_prefix("pub(crate) ")
            .or_else(|| code.strip_prefix("pub(super) "))
            .or_else(|| code.strip_prefix("pub "))
            .unwrap_or(code);
        let code = code.strip_prefix("const ").unwrap_or(code);
        let Some(rest) = code.strip_prefix("fn ") else {
            continue;
        };
        if line.trim_end().ends_with(';') {
            continue;
        }
        let name: String = rest
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        let close = format!("{indent}}}");
        let end = lines[i..]
            .iter()
            .position(|l| *l == close)
            .map_or(lines.len(), |p| i + p);
        out.push((name, i + 1, end - i + 1));
    }
    out
}

#[test]
fn the_function_reader_measures_functions() {
    let text = "fn a() {\n    x();\n}\n\nimpl A {\n    pub fn b(\n        y: u8,\n    ) -> u8 {\n        y\n    }\n}\n#[cfg(test)]\nfn c() {\n}\n";
    assert_eq!(
        functions(text),
        [("a".to_string(), 1, 3), ("b".to_string(), 6, 5)]
    );
}

#[test]
fn no_function_is_longer_than_80_lines() {
    let mut long = Vec::new();
    for file in sources(&repo().join("src")) {
        let text = fs::read_to_string(&file).unwrap();
        for (name, line, length) in functions(&text) {
            if length > 80 {
                let file = file.strip_prefix(repo()).unwrap().display().to_string();
                long.push(format!("{file}:{line} {name}: {length} lines"));
            }
        }
    }
    assert!(
        long.is_empty(),
        "functions over 80 lines:\n{}",
        long.join("\n")
    );
}

/// The modules of `src/render` (a file, or a folder with its files) and which of the others
/// each one names: `super::x` from a file directly in `render/` (or a folder's `mod.rs`),
/// `crate::render::x` from anywhere in it.
fn render_imports() -> BTreeMap<String, BTreeSet<String>> {
    let render = repo().join("src/render");
    let module = |file: &Path| -> String {
        let relative = file.strip_prefix(&render).unwrap();
        let first = relative.components().next().unwrap();
        Path::new(first.as_os_str())
            .file_stem()
            .unwrap()
            .to_string_lossy()
            .into_owned()
    };
    let files = sources(&render);
    let names: BTreeSet<String> = files
        .iter()
        .map(|f| module(f))
        .filter(|m| m != "mod")
        .collect();
    let mut imports: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for file in &files {
        let from = module(file);
        if from == "mod" {
            continue;
        }
        let text = fs::read_to_string(file).unwrap();
        // `super::` names a sibling in render/ from a file there, or from a folder's mod.rs.
        let top = file.parent() == Some(render.as_path())
            || (file.ends_with("mod.rs")
                && file.parent().and_then(Path::parent) == Some(render.as_path()));
        for to in &names {
            let named = text.contains(&format!("crate::render::{to}"))
                || (top && text.contains(&format!("super::{to}")))
                || (top && text.contains("use super::{") && uses_in_braces(&text, to));
            if named && *to != from {
                imports.entry(from.clone()).or_default().insert(to.clone());
            }
        }
        imports.entry(from).or_default();
    }
    imports
}

/// Whether `use super::{…}` lists `name` (alone or as `name::…`).
fn uses_in_braces(text: &str, name: &str) -> bool {
    text.split("use super::{").skip(1).any(|rest| {
        let list = rest.split('}').next().unwrap_or("");
        list.split(',')
            .map(str::trim)
            .any(|item| item == name || item.starts_with(&format!("{name}::")))
    })
}

/// A cycle in `graph`, if there is one, as the modules along it.
fn cycle(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        node: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(at) = path.iter().position(|p| p == node) {
            let mut found = path[at..].to_vec();
            found.push(node.to_string());
            return Some(found);
        }
        if done.contains(node) {
            return None;
        }
        path.push(node.to_string());
        for next in graph.get(node).into_iter().flatten() {
            if let Some(found) = visit(next, graph, path, done) {
                return Some(found);
            }
        }
        path.pop();
        done.insert(node.to_string());
        None
    }
    let mut done = BTreeSet::new();
    graph
        .keys()
        .find_map(|node| visit(node, graph, &mut Vec::new(), &mut done))
}

#[test]
fn the_cycle_finder_finds_cycles() {
    let graph = |edges: &[(&str, &str)]| {
        let mut g: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for (a, b) in edges {
            g.entry(a.to_string()).or_default().insert(b.to_string());
            g.entry(b.to_string()).or_default();
        }
        g
    };
    assert_eq!(cycle(&graph(&[("a", "b"), ("b", "c")])), None);
    assert_eq!(
        cycle(&graph(&[("a", "b"), ("b", "c"), ("c", "a")])),
        Some(vec!["a".into(), "b".into(), "c".into(), "a".into()])
    );
}

#[test]
fn render_modules_import_each_other_without_a_cycle() {
    let imports = render_imports();
    // The reader sees the imports that are there.
    assert!(imports["pages"].contains("html"), "{imports:?}");
    assert!(imports["views"].contains("diagrams"), "{imports:?}");
    assert_eq!(cycle(&imports), None, "{imports:#?}");
    // The leaves import no other render module.
    for leaf in ["html", "writer", "markdown"] {
        assert!(
            imports[leaf].is_empty(),
            "{leaf} imports {:?}",
            imports[leaf]
        );
    }
}
