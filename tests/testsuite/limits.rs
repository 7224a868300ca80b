//! No page over the limit: an index or the home page's table of departments that would pass
//! `[build] page_limit` is split into numbered pages, linked in both directions and saying what
//! each covers, with nothing lost; a list too large to print as one document (`print_limit`) gets
//! no `print.html`, and every link to the print edition goes to its volumes. Small limits stand in
//! for a province here.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use crate::common::{attributes, broken_links, build, copy_project, edit, files, generate, repo};

/// The sample county with `page_limit` and the site's words in `language`, built.
fn sample_with_limit(limit: u32, language: &str, dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let project = dir.join("data");
    copy_project(&repo().join("data"), &project);
    edit(&project.join("resplist.toml"), |t| {
        t.replace("[build]\n", &format!("[build]\npage_limit = {limit}\n"))
            .replace(
                "language = \"zh-CN\"",
                &format!("language = \"{language}\""),
            )
    });
    let site = dir.join("site");
    build(&project, &site);
    files(&site)
}

fn text(site: &BTreeMap<String, Vec<u8>>, path: &str) -> String {
    String::from_utf8(site[path].clone()).unwrap()
}

/// The pages of the index in `folder`, in order, by following each page's `rel="next"` from
/// `index.html`; asserts that each page's `rel="prev"` leads back, and that no other page of
/// the folder is left out.
fn chain(site: &BTreeMap<String, Vec<u8>>, folder: &str) -> Vec<String> {
    let mut pages = vec![format!("{folder}index.html")];
    loop {
        let html = text(site, &pages[pages.len() - 1]);
        let Some(next) = html
            .split("rel=\"next\" href=\"")
            .nth(1)
            .and_then(|r| r.split('"').next())
        else {
            break;
        };
        let next = format!("{folder}{next}");
        let back = text(site, &next)
            .split("rel=\"prev\" href=\"")
            .nth(1)
            .and_then(|r| r.split(['"', '#']).next())
            .map(|p| format!("{folder}{p}"));
        assert_eq!(back.as_ref(), pages.last(), "{next} leads back elsewhere");
        assert!(!pages.contains(&next), "{next} twice");
        pages.push(next);
    }
    let all: BTreeSet<&String> = site
        .keys()
        .filter(|p| p.starts_with(folder) && p[folder.len()..].starts_with("page-"))
        .collect();
    assert_eq!(
        all.len() + 1,
        pages.len(),
        "{folder}: pages out of the chain"
    );
    pages
}

/// The ids of the `<article>`s of `pages`, in order.
fn articles(site: &BTreeMap<String, Vec<u8>>, pages: &[String]) -> Vec<String> {
    pages
        .iter()
        .flat_map(|p| {
            text(site, p)
                .split("<article ")
                .skip(1)
                .filter_map(|a| attributes(&format!(" {a}"), "id").into_iter().next())
                .collect::<Vec<_>>()
        })
        .collect()
}

#[test]
fn indexes_over_the_page_limit_are_split_into_linked_pages_under_it() {
    let tmp = tempfile::tempdir().unwrap();
    let whole = sample_with_limit(0, "zh-CN", &tmp.path().join("whole"));
    let limit = 40_000;
    let split = sample_with_limit(limit, "zh-CN", &tmp.path().join("split"));
    for folder in ["supervision/", "services/"] {
        let pages = chain(&split, folder);
        assert!(pages.len() >= 2, "{folder} is not split: {pages:?}");
        // Every entry once, in the order of the whole index.
        assert_eq!(
            articles(&split, &pages),
            articles(&whole, &[format!("{folder}index.html")])
        );
        let first = text(&split, &pages[0]);
        let n = pages.len();
        assert!(first.contains(&format!("第 1 页，共 {n} 页")), "{first}");
        let second = text(&split, &pages[1]);
        assert!(second.contains("‹ 上一页") && second.contains("（第 2 页）"));
    }
    // A category split across pages says so, and which departments each part covers.
    let supervision = text(&split, "supervision/index.html");
    assert!(supervision.contains("分页目录（共 "));
    assert!(text(&split, "supervision/page-2.html").contains("审批事项（续）"));
    for (path, bytes) in &split {
        assert!(
            !path.ends_with(".html") || path == "print.html" || bytes.len() <= limit as usize,
            "{path}: {} bytes",
            bytes.len()
        );
    }
    assert_eq!(broken_links(&split).0, Vec::<String>::new());
    // Only the split indexes and the sitemap that lists their pages differ.
    let changed: Vec<&String> = split
        .keys()
        .filter(|p| whole.get(*p) != split.get(*p))
        .filter(|p| !p.starts_with("supervision/") && !p.starts_with("services/"))
        .collect();
    assert_eq!(changed, ["sitemap.xml"]);
}

#[test]
fn the_pager_reads_in_english() {
    let tmp = tempfile::tempdir().unwrap();
    let site = sample_with_limit(40_000, "en", tmp.path());
    let pages = chain(&site, "supervision/");
    let first = text(&site, "supervision/index.html");
    assert!(first.contains(&format!("Page 1 of {}", pages.len())));
    assert!(first.contains("Next ›") && !first.contains("rel=\"prev\""));
    let last = text(&site, &pages[pages.len() - 1]);
    assert!(last.contains("‹ Previous") && !last.contains("rel=\"next\""));
    assert!(last.contains(&format!("<title>Supervision regimes, page {}", pages.len())));
}

#[test]
fn a_province_sized_list_pages_its_home_page_and_prints_by_volume() {
    let tmp = tempfile::tempdir().unwrap();
    let project = tmp.path().join("s2");
    generate("2", &project);
    let limit = 30_000;
    edit(&project.join("resplist.toml"), |t| {
        format!("{t}\n[build]\npage_limit = {limit}\nprint_limit = 1000000\n")
    });
    let out = tmp.path().join("site");
    build(&project, &out);
    let site = files(&out);
    // The whole list (about 2.9 MB) is over the print limit: no print.html, and every page's
    // link to the print edition goes to the volumes on the home page.
    assert!(!site.contains_key("print.html"));
    assert!(site.contains_key("print/volume-02.html"));
    let home = text(&site, "index.html");
    assert!(home.contains("id=\"volumes-h\""));
    assert!(home.contains("请按分册打印"));
    for (path, bytes) in site.iter().filter(|(p, _)| p.ends_with(".html")) {
        let html = String::from_utf8_lossy(bytes);
        assert!(!html.contains("print.html"), "{path} links print.html");
    }
    let department = text(&site, "departments/c001-gongan.html");
    assert!(department.contains("href=\"../index.html#volumes-h\">打印版</a>"));
    // The home page leaves out its chart, then splits its table; every department is in one
    // of its pages, once.
    assert!(!home.contains("diagram-figure"));
    let pages = chain(&site, "");
    assert!(pages.len() >= 2);
    let listed: Vec<String> = pages
        .iter()
        .flat_map(|p| {
            let html = text(&site, p);
            let table = html.split("<table class=\"departments\">").nth(1).unwrap();
            let table = table.split("</table>").next().unwrap().to_string();
            attributes(&table, "href")
        })
        .map(|h| h.trim_start_matches("../").to_string())
        .collect();
    let departments: Vec<&String> = site
        .keys()
        .filter(|p| p.starts_with("departments/"))
        .collect();
    assert_eq!(listed.len(), departments.len());
    assert_eq!(
        listed.iter().collect::<BTreeSet<_>>(),
        departments.into_iter().collect::<BTreeSet<_>>()
    );
    // The lists' pages; a department's or a boundary's page is one entry, never split.
    let lists: Vec<(&String, &Vec<u8>)> = site
        .iter()
        .filter(|(p, _)| {
            let name = p.rsplit('/').next().unwrap_or(p);
            !p.starts_with("print/")
                && (name == "index.html" || name.starts_with("page-"))
                && p.as_str() != "search/index.html"
        })
        .collect();
    assert!(lists.len() > 10, "only {} list pages", lists.len());
    for (path, bytes) in lists {
        assert!(
            bytes.len() <= limit as usize,
            "{path}: {} bytes",
            bytes.len()
        );
    }
    assert_eq!(broken_links(&site).0, Vec::<String>::new());
}
