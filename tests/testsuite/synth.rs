//! The synthetic-data generator (examples/synth.rs) makes projects in the seed county's
//! proportions that check clean; at two counties the print edition is split into volumes whose
//! links all resolve.

use std::path::PathBuf;

use crate::common::{build, command, generate};

#[test]
fn one_county_has_the_seed_proportions_and_checks_clean() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("s1");
    generate("1", &out);
    // In the project's language: the seed's words.
    let check = command()
        .env_remove("RESPLIST_LANG")
        .arg("check")
        .arg(&out)
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&check.stdout);
    assert_eq!(check.status.code(), Some(0), "{text}");
    assert!(
        text.ends_with("40 个部门，主要职责 552 条，具体工作事项 2056 条，职责边界 35 项，事中事后监管制度 309 项，公共服务事项 169 项 — 0 个错误，0 个警告\n"),
        "{text}"
    );
    // Deterministic: the same seed gives the same files.
    let again = tmp.path().join("again");
    generate("1", &again);
    for entry in walkdir::WalkDir::new(&out)
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.file_type().is_file())
    {
        let twin = again.join(entry.path().strip_prefix(&out).unwrap());
        assert_eq!(
            std::fs::read(entry.path()).unwrap(),
            std::fs::read(twin).unwrap()
        );
    }
}

#[test]
fn two_counties_print_in_volumes_with_working_links() {
    let tmp = tempfile::tempdir().unwrap();
    let project = tmp.path().join("s2");
    generate("2", &project);
    let site = tmp.path().join("site");
    build(&project, &site);
    let volumes: Vec<PathBuf> = ["print/volume-01.html", "print/volume-02.html"]
        .iter()
        .map(|v| site.join(v))
        .collect();
    assert!(volumes.iter().all(|v| v.exists()) && !site.join("print/volume-03.html").exists());
    let home = std::fs::read_to_string(site.join("index.html")).unwrap();
    assert!(
        home.contains("href=\"print/volume-02.html\">第 2 册（共 2 册）"),
        "the home page lists the volumes"
    );
    let whole = std::fs::read_to_string(site.join("print.html")).unwrap();
    for volume in &volumes {
        let html = std::fs::read_to_string(volume).unwrap();
        let ids: std::collections::HashSet<&str> = html
            .split(" id=\"")
            .skip(1)
            .filter_map(|s| s.split('"').next())
            .collect();
        for link in html
            .split(" href=\"")
            .skip(1)
            .filter_map(|s| s.split('"').next())
        {
            if ["tel:", "mailto:", "https:", "http:"]
                .iter()
                .any(|s| link.starts_with(s))
            {
                continue;
            }
            if let Some(fragment) = link.strip_prefix('#') {
                assert!(
                    ids.contains(fragment),
                    "{}: no #{fragment}",
                    volume.display()
                );
            } else {
                assert!(
                    volume.parent().unwrap().join(link).exists(),
                    "{}: broken {link}",
                    volume.display()
                );
            }
        }
        assert_eq!(html.matches("<section class=\"department\"").count(), 40);
    }
    assert_eq!(whole.matches("<section class=\"department\"").count(), 80);
}
