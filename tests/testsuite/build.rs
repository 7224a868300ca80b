//! `resplist build`: what it writes, that it writes it the same way every time, that source text
//! can never become markup, that links resolve, and that a failed build never harms the
//! published site.

use std::collections::{BTreeMap, HashSet};
use std::fs;
use std::path::Path;
use std::process::Output;

use crate::common::{
    attributes, broken_links, command, copy_project, files, names, repo, resplist,
};

fn build_sample(out: &Path) -> Output {
    let output = resplist(
        &["build", "data", "--output", out.to_str().unwrap()],
        repo(),
    );
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    output
}

fn html_files(site: &BTreeMap<String, Vec<u8>>) -> impl Iterator<Item = (&String, String)> {
    site.iter()
        .filter(|(p, _)| p.ends_with(".html"))
        .map(|(p, b)| (p, String::from_utf8(b.clone()).unwrap()))
}

#[test]
fn sample_site_has_every_page_and_matching_counts() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("site");
    let run = build_sample(&out);
    let said = String::from_utf8_lossy(&run.stdout);
    assert!(said.starts_with("wrote 31 pages and "), "{said}");
    let site = files(&out);
    for page in [
        "index.html",
        "404.html",
        "print.html",
        "sitemap.xml",
        "static/favicon.svg",
        "static/style.css",
        "boundaries/index.html",
        "supervision/index.html",
        "services/index.html",
        "opendata/resplist.json",
        "opendata/datapackage.json",
        ".resplist-output",
    ] {
        assert!(site.contains_key(page), "{page} missing");
    }
    assert_eq!(
        site.keys()
            .filter(|p| p.starts_with("departments/") && p.ends_with(".html"))
            .count(),
        15
    );
    assert_eq!(
        site.keys()
            .filter(|p| p.starts_with("boundaries/") && p.ends_with(".html"))
            .count(),
        9 + 1
    );
    // Every work item is on its department's page with a phone, and in the open data.
    let item_rows: usize = html_files(&site)
        .filter(|(p, _)| p.starts_with("departments/"))
        .map(|(_, h)| h.matches("<td class=\"text\">").count())
        .sum();
    assert_eq!(item_rows, 332);
    let csv = String::from_utf8(site["opendata/work_items.csv"].clone()).unwrap();
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    assert_eq!(reader.records().count(), 332);
    let json: serde_json::Value = serde_json::from_slice(&site["opendata/resplist.json"]).unwrap();
    assert_eq!(json["totals"]["work_items"], 332);
    assert_eq!(json["departments"].as_array().unwrap().len(), 15);
    // The homestead regime is on the supervision index with its indicators.
    let supervision = String::from_utf8(site["supervision/index.html"].clone()).unwrap();
    assert!(supervision.contains("农村村民住宅用地审批事项监管") && supervision.contains("≥10%"));
    // base_url is set in data/: canonical links and the sitemap use it.
    let sitemap = String::from_utf8(site["sitemap.xml"].clone()).unwrap();
    assert!(
        sitemap.contains("<loc>https://zrqd.chunjiang.example/departments/huanbao.html</loc>"),
        "{sitemap}"
    );
    assert!(
        String::from_utf8(site["index.html"].clone())
            .unwrap()
            .contains("<link rel=\"canonical\" href=\"https://zrqd.chunjiang.example/\">")
    );
}

#[test]
fn phone_of_the_office_is_beside_every_work_item() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("site");
    build_sample(&out);
    let page = fs::read_to_string(out.join("departments/huanbao.html")).unwrap();
    // Work item 4 of duty d03 is done by 环境监察大队, whose phone has an extension.
    let row = page
        .split("<tr>")
        .find(|r| r.contains("依法核定排污单位排放污染物的种类和数量"))
        .unwrap();
    assert!(row.contains("环境监察大队"), "{row}");
    assert!(
        row.contains("<a class=\"tel\" href=\"tel:000063010106,8001\">0000-6301 0106 转 8001</a>"),
        "{row}"
    );
}

#[test]
fn builds_are_byte_identical() {
    let tmp = tempfile::tempdir().unwrap();
    build_sample(&tmp.path().join("a"));
    build_sample(&tmp.path().join("b"));
    let (a, b) = (files(&tmp.path().join("a")), files(&tmp.path().join("b")));
    assert_eq!(a.keys().collect::<Vec<_>>(), b.keys().collect::<Vec<_>>());
    for (path, bytes) in &a {
        assert!(bytes == &b[path], "{path} differs between two builds");
    }
}

#[test]
fn every_internal_link_and_fragment_resolves() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("site");
    build_sample(&out);
    let (broken, checked) = broken_links(&files(&out));
    assert_eq!(broken, Vec::<String>::new());
    assert!(checked > 900, "only {checked} links checked");
}

#[test]
fn ids_are_unique_on_every_page() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("site");
    build_sample(&out);
    for (page, html) in html_files(&files(&out)) {
        let ids = attributes(&html, "id");
        let unique: HashSet<&String> = ids.iter().collect();
        assert_eq!(unique.len(), ids.len(), "{page} repeats an id");
    }
}

const EVIL: &str =
    "<script>alert(1)</script><img src=x onerror=alert(2)> &lt;b&gt;&#60;script&#62;alert(9)";

/// A project with hostile markup in every text field, Markdown ones included.
fn hostile_project(dir: &Path) {
    let e = EVIL.replace('"', "\\\"");
    let url = "https://example.org/\\\"><script>alert(5)</script>";
    let md = format!(
        "{e} [a](javascript:alert(3)) [b](data:text/html,x) <a href=\\\"javascript:alert(4)\\\">c</a> ![i](https://example.org/x.png)\\n\\n<div onclick=\\\"alert(7)\\\">\\n<script>alert(8)</script>\\n<iframe src=\\\"https://example.org\\\"></iframe>\\n</div>\\n\\n&#60;script&#62;alert(10)&#60;/script&#62; &#x6A;avascript:alert(11)"
    );
    fs::create_dir_all(dir.join("departments")).unwrap();
    fs::write(
        dir.join("resplist.toml"),
        format!("[site]\ntitle = \"{e}\"\njurisdiction = \"{e}\"\nfeedback = \"mailto:a@example.org?subject=\\\"><script>alert(6)</script>\"\nfeedback_phone = \"12345\"\nbase_url = \"{url}/\"\n"),
    )
    .unwrap();
    let dep = |id: &str, other: &str| {
        format!(
            r#"name = "{e}"
short_name = "{e}"
phone = "12345"
address = "{e}"
website = "{url}"
summary = "{md}"
[[sections]]
id = "s"
name = "{e}"
phone = "12345"
[[powers]]
id = "p"
name = "{e}"
kind = "licensing"
status = "retained"
basis = ["{e}"]
[[duties]]
id = "d"
title = "{e}"
basis = ["{e}"]
note = "{e}"
  [[duties.items]]
  text = "{e}"
  section = "s"
  powers = ["p"]
  note = "{e}"
[[boundaries]]
id = "b-{id}"
title = "{e}{id}"
area = "{e}"
lead_duty = "{e}"
  [[boundaries.partners]]
  department = "{other}"
  duty = "{e}"
  [boundaries.case]
  title = "{e}"
  scenario = "{md}"
    [[boundaries.case.steps]]
    department = "{other}"
    action = "{e}"
[[supervision]]
id = "r"
title = "{e}"
category = "approval"
powers = ["p"]
section = "s"
measures = ["{e}"]
procedure = "{md}"
penalty = "{md}"
  [[supervision.indicators]]
  name = "{e}"
  target = "{e}"
[[services]]
id = "v"
title = "{e}"
category = "basic"
description = "{md}"
frequency = "{e}"
section = "s"
"#
        )
    };
    fs::write(dir.join("departments/a.toml"), dep("a", "b")).unwrap();
    fs::write(dir.join("departments/b.toml"), dep("b", "a")).unwrap();
}

#[test]
fn markup_in_any_source_field_comes_out_inert() {
    let tmp = tempfile::tempdir().unwrap();
    hostile_project(tmp.path());
    let out = resplist(&["build", ".", "--output", "site"], tmp.path());
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    for (page, html) in html_files(&files(&tmp.path().join("site"))) {
        let lower = html.to_lowercase();
        let scripts = lower.matches("<script").count();
        let ours = lower
            .matches("<script src=\"../static/search.js\"></script>")
            .count();
        assert_eq!(
            scripts, ours,
            "{page} has a script element that is not the search script"
        );
        assert!(!lower.contains("<img"), "{page} has an img element");
        // Attribute names only: text inside a quoted value (escaped, as in a placeholder naming
        // a boundary's title) is no attribute.
        let tags = lower
            .split('<')
            .skip(1)
            .map(|t| t.split('>').next().unwrap_or(""));
        let handler = tags
            .clone()
            .map(|t| t.split('"').step_by(2).collect::<Vec<_>>().join("\"\""))
            .find(|t| t.contains(" onerror"));
        assert!(
            handler.is_none(),
            "{page} has an event handler attribute: <{}>",
            handler.unwrap_or_default()
        );
        assert!(
            tags.clone()
                .all(|t| !t.contains("javascript:") && !t.contains("=\"data:")),
            "{page} has an unsafe link"
        );
        assert!(!lower.contains("<iframe"), "{page} has an iframe element");
        if page != "404.html" && page != "print.html" {
            assert!(
                html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
                "{page} lost the text"
            );
            // An entity typed in a plain field is shown as typed, not decoded into markup.
            assert!(
                html.contains("&amp;lt;b&amp;gt;&amp;#60;script&amp;#62;alert(9)"),
                "{page} decoded an entity of a plain field"
            );
        }
    }
}

#[test]
fn raw_html_blocks_and_entities_in_markdown_come_out_as_text() {
    let tmp = tempfile::tempdir().unwrap();
    hostile_project(tmp.path());
    let out = resplist(&["build", ".", "--output", "site"], tmp.path());
    assert!(out.status.success());
    let page = fs::read_to_string(tmp.path().join("site/departments/a.html")).unwrap();
    // The block is shown as the text that was typed; the entities Markdown decodes become
    // text again, escaped.
    assert!(page.contains("&lt;div onclick=\"alert(7)\"&gt;"), "{page}");
    assert!(page.contains("&lt;script&gt;alert(8)&lt;/script&gt;"));
    assert!(page.contains("&lt;script&gt;alert(10)&lt;/script&gt;"));
    assert!(page.contains("javascript:alert(11)") && !page.contains("<a href=\"javascript"));
}

#[test]
fn a_build_with_errors_writes_nothing_and_keeps_the_old_site() {
    let tmp = tempfile::tempdir().unwrap();
    let project = tmp.path().join("p");
    copy_project(&repo().join("examples/minimal"), &project);
    let out = resplist(&["build", "p"], tmp.path());
    assert_eq!(out.status.code(), Some(0));
    let before = files(&project.join("public"));
    let file = project.join("departments/transport.toml");
    let text = fs::read_to_string(&file)
        .unwrap()
        .replace("section = \"waterways\"", "section = \"nowhere\"");
    fs::write(&file, text).unwrap();
    let out = resplist(&["build", "p"], tmp.path());
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("error[E0107]") && stderr.contains("nothing was built"),
        "{stderr}"
    );
    assert_eq!(files(&project.join("public")), before);
    assert_eq!(
        fs::read_dir(tmp.path()).unwrap().count(),
        1,
        "left something beside the project"
    );
}

#[test]
fn a_build_that_fails_while_rendering_keeps_the_old_site_and_leaves_no_staging() {
    let tmp = tempfile::tempdir().unwrap();
    let project = tmp.path().join("p");
    copy_project(&repo().join("examples/minimal"), &project);
    assert_eq!(resplist(&["build", "p"], tmp.path()).status.code(), Some(0));
    let before = files(&project.join("public"));
    let theme = tmp.path().join("broken-theme/templates");
    fs::create_dir_all(&theme).unwrap();
    fs::write(theme.join("department.html"), "{% extends \"base.html\" %}{% block content %}{{ department.no_such_field.x }}{% endblock content %}").unwrap();
    let out = resplist(&["build", "p", "--theme", "broken-theme"], tmp.path());
    assert_eq!(
        out.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("the published site is unchanged"));
    assert_eq!(files(&project.join("public")), before);
    let leftovers: Vec<String> = names(&project)
        .into_iter()
        .filter(|n| n.starts_with(".resplist"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn a_killed_build_is_cleaned_up_by_the_next_one() {
    let tmp = tempfile::tempdir().unwrap();
    let project = tmp.path().join("p");
    copy_project(&repo().join("examples/minimal"), &project);
    assert_eq!(resplist(&["build", "p"], tmp.path()).status.code(), Some(0));
    // What a kill between the two renames leaves: no site, the old one retired, a staging dir.
    fs::rename(
        project.join("public"),
        project.join(".resplist-retired-public-99999"),
    )
    .unwrap();
    fs::create_dir(project.join(".resplist-staging-public-99998")).unwrap();
    fs::write(
        project.join(".resplist-staging-public-99998/.resplist-output"),
        "",
    )
    .unwrap();
    // A directory that merely looks like ours is never touched.
    fs::create_dir(project.join(".resplist-staging-public-1")).unwrap();
    // What a kill before the staging folder was marked leaves: an empty folder named for a
    // process that is gone (on systems that say which processes run).
    let mut gone = std::process::Command::new("true").spawn().unwrap();
    let gone_pid = gone.id();
    gone.wait().unwrap();
    let unmarked = format!(".resplist-staging-public-{gone_pid}");
    fs::create_dir(project.join(&unmarked)).unwrap();
    assert_eq!(resplist(&["build", "p"], tmp.path()).status.code(), Some(0));
    assert!(project.join("public/index.html").exists());
    let names: HashSet<String> = names(&project).into_iter().collect();
    assert!(
        !names.contains(".resplist-retired-public-99999")
            && !names.contains(".resplist-staging-public-99998"),
        "{names:?}"
    );
    assert!(names.contains(".resplist-staging-public-1"));
    if Path::new("/proc").is_dir() {
        assert!(!names.contains(&unmarked), "{names:?}");
    }
}

#[test]
fn refuses_dangerous_output_directories() {
    let tmp = tempfile::tempdir().unwrap();
    let project = tmp.path().join("p");
    copy_project(&repo().join("examples/minimal"), &project);
    let refuse = |args: &[&str], why: &str| {
        let out = command()
            .args(args)
            .current_dir(tmp.path())
            .env("HOME", tmp.path().join("home"))
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(stderr.contains(why), "{args:?}: {stderr}");
    };
    refuse(
        &["build", "p", "--output", "p", "--force"],
        "is (or contains) the project",
    );
    refuse(
        &["build", "p", "--output", ".", "--force"],
        "is (or contains) the project",
    );
    refuse(
        &["build", "p", "--output", "/", "--force"],
        "even with --force",
    );
    fs::create_dir(tmp.path().join("home")).unwrap();
    refuse(
        &["build", "p", "--output", "home", "--force"],
        "even with --force",
    );
    fs::create_dir(tmp.path().join("mine")).unwrap();
    fs::write(tmp.path().join("mine/thesis.docx"), "precious").unwrap();
    refuse(
        &["build", "p", "--output", "mine"],
        "was not written by resplist",
    );
    assert_eq!(
        fs::read_to_string(tmp.path().join("mine/thesis.docx")).unwrap(),
        "precious"
    );
    // An empty directory, or one resplist wrote, is fine; --force overrides the marker check.
    fs::create_dir(tmp.path().join("empty")).unwrap();
    assert_eq!(
        resplist(&["build", "p", "--output", "empty"], tmp.path())
            .status
            .code(),
        Some(0)
    );
    assert_eq!(
        resplist(&["build", "p", "--output", "empty"], tmp.path())
            .status
            .code(),
        Some(0)
    );
    assert_eq!(
        resplist(
            &["build", "p", "--output", "mine", "--force", "--quiet"],
            tmp.path()
        )
        .status
        .code(),
        Some(0)
    );
}

#[test]
fn english_sites_use_english_words_and_quiet_is_quiet() {
    let tmp = tempfile::tempdir().unwrap();
    let out = resplist(
        &[
            "build",
            "examples/minimal",
            "--output",
            tmp.path().join("s").to_str().unwrap(),
            "--quiet",
        ],
        repo(),
    );
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stdout.is_empty() && out.stderr.is_empty());
    let home = fs::read_to_string(tmp.path().join("s/index.html")).unwrap();
    assert!(
        home.contains("<html lang=\"en\"")
            && home.contains("Duty boundaries")
            && home.contains("2 departments"),
        "{home}"
    );
    assert!(!home.contains("主要职责"));
    let services = fs::read_to_string(tmp.path().join("s/services/index.html")).unwrap();
    assert!(services.contains("economic services") && services.contains("Beyond statutory duties"));
    // The example's sources are English: any Chinese character or full-width mark on a page, or
    // in the CSS that labels table cells on phones, is resplist's own.
    let site = files(&tmp.path().join("s"));
    for (path, bytes) in &site {
        let text = String::from_utf8_lossy(bytes);
        let text = if path.ends_with(".html") {
            visible(&text)
        } else if path.ends_with(".css") {
            text.to_string()
        } else {
            continue;
        };
        let text = if path.ends_with(".css") {
            without_chinese_rules(&text)
        } else {
            text
        };
        let chinese: String = text.chars().filter(|c| is_chinese(*c)).collect();
        assert!(chinese.is_empty(), "{path}: {chinese}");
    }
}

/// A stylesheet without the rules an English page overrides: each rule whose selector an
/// `html[lang="en"]` rule repeats.
fn without_chinese_rules(css: &str) -> String {
    let overridden: Vec<&str> = css
        .lines()
        .filter_map(|l| l.trim().strip_prefix("html[lang=\"en\"] "))
        .flat_map(|l| l.split('{').next().unwrap_or("").split(','))
        .map(|s| s.trim().trim_start_matches("html[lang=\"en\"] "))
        .collect();
    css.lines()
        .filter(|l| {
            let selector = l.trim().split('{').next().unwrap_or("").trim();
            !overridden.contains(&selector)
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Chinese characters and full-width punctuation, as a Chinese input method types them.
fn is_chinese(c: char) -> bool {
    matches!(c, '\u{3000}'..='\u{303f}' | '\u{4e00}'..='\u{9fff}' | '\u{ff00}'..='\u{ffef}')
}

/// What a reader sees of a page: its body without tags, scripts and styles; the CSS rules for
/// other languages (`html[lang="zh-CN"] …`) stay out of it too.
fn visible(page: &str) -> String {
    let body = page.split("<body").nth(1).unwrap_or(page);
    let mut text = String::new();
    let mut rest = body;
    while let Some(at) = rest.find('<') {
        text.push_str(&rest[..at]);
        text.push(' ');
        let tag = &rest[at..];
        let skip_to = if tag.starts_with("<script") {
            tag.find("</script>").map(|e| e + 9)
        } else if tag.starts_with("<style") {
            tag.find("</style>").map(|e| e + 8)
        } else {
            tag.find('>').map(|e| e + 1)
        };
        rest = &tag[skip_to.unwrap_or(tag.len())..];
    }
    text.push_str(rest);
    text
}

#[test]
fn a_chinese_site_has_no_english_words_of_its_own() {
    let tmp = tempfile::tempdir().unwrap();
    build_sample(&tmp.path().join("s"));
    // Every ASCII word of the sources (web addresses, PM2.5, AQI, …) may appear; a word that
    // is not in them is resplist's own, and must not be there: its name, the technical names a
    // reader may need (JavaScript, to search; the formats of the downloads) and the units of a
    // download's size aside.
    let mut allowed: HashSet<String> =
        ["resplist", "JavaScript", "CSV", "JSON", "Excel", "KB", "MB"]
            .into_iter()
            .map(String::from)
            .collect();
    for (_, bytes) in files(&repo().join("data")) {
        allowed.extend(ascii_words(&String::from_utf8_lossy(&bytes)));
    }
    let site = files(&tmp.path().join("s"));
    for (path, html) in html_files(&site) {
        let foreign: Vec<String> = ascii_words(&visible(&html))
            .into_iter()
            .filter(|w| !allowed.contains(w))
            .collect();
        assert!(foreign.is_empty(), "{path}: {foreign:?}");
    }
}

/// The words of ASCII letters (and digits after the first letter) in a text.
fn ascii_words(text: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    for c in text.chars().chain([' ']) {
        if c.is_ascii_alphabetic() || (!word.is_empty() && c.is_ascii_digit()) {
            word.push(c);
        } else if !word.is_empty() {
            words.push(std::mem::take(&mut word));
        }
    }
    words
}

#[test]
fn a_theme_overrides_files_by_path_and_falls_back_for_the_rest() {
    let tmp = tempfile::tempdir().unwrap();
    let theme = tmp.path().join("theme");
    fs::create_dir_all(theme.join("templates")).unwrap();
    fs::create_dir_all(theme.join("static")).unwrap();
    fs::create_dir_all(theme.join("strings")).unwrap();
    fs::write(
        theme.join("templates/404.html"),
        "{% extends \"base.html\" %}{% block content %}<p>custom 404</p>{% endblock content %}",
    )
    .unwrap();
    fs::write(theme.join("static/extra.css"), "body{}").unwrap();
    fs::write(
        theme.join("strings/en.toml"),
        "boundaries = \"Shared matters\"\n",
    )
    .unwrap();
    let out = resplist(
        &[
            "build",
            "examples/minimal",
            "--output",
            tmp.path().join("s").to_str().unwrap(),
            "--theme",
            theme.to_str().unwrap(),
        ],
        repo(),
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let site = files(&tmp.path().join("s"));
    assert!(String::from_utf8_lossy(&site["404.html"]).contains("custom 404"));
    assert!(site.contains_key("static/extra.css") && site.contains_key("static/style.css"));
    let home = String::from_utf8_lossy(&site["index.html"]).into_owned();
    assert!(
        home.contains("Shared matters") && home.contains("Supervision regimes"),
        "{home}"
    );
}
