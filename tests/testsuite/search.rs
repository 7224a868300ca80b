//! The search as a project configures it: `[search]` in `resplist.toml` checked at the word
//! (E0114), its synonyms and examples reaching the built site, and what an English site ships.
//! How the page's script ranks is tested in the browser suite (tests/browser/run.mjs, with the
//! everyday query sets beside it).

use std::fs;
use std::path::Path;

use serde_json::Value;

use crate::common::{SITE, build, check_json, copy_project, repo};

/// `check --format json` in `language`: each diagnostic's code, line, column and message.
fn check(dir: &Path, language: &str) -> Vec<(String, u64, u64, String)> {
    check_json(dir, language)
        .into_iter()
        .map(|d| {
            (
                d["code"].as_str().unwrap_or("").to_string(),
                d["line"].as_u64().unwrap_or(0),
                d["column"].as_u64().unwrap_or(0),
                d["message"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect()
}

/// The sample data with `extra` added to its `resplist.toml`.
fn sample_with(extra: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_project(&repo().join("data"), dir.path());
    let site = dir.path().join("resplist.toml");
    let text = fs::read_to_string(&site).unwrap();
    fs::write(&site, format!("{text}\n{extra}")).unwrap();
    dir
}

/// What a `search/*.js` file registers, as JSON: the argument of `resplistSearch.NAME(…);`,
/// after a shard's number.
fn registered(site: &Path, file: &str) -> Value {
    let text = fs::read_to_string(site.join("search").join(file)).unwrap();
    let start = text.find('(').unwrap() + 1;
    let end = text.rfind(");").unwrap();
    let argument = text[start..end].trim_start_matches(|c: char| c.is_ascii_digit());
    serde_json::from_str(argument.trim_start_matches(',')).unwrap()
}

#[test]
fn malformed_search_settings_are_named_at_the_word_in_both_languages() {
    let dir = tempfile::tempdir().unwrap();
    let settings = "\n[search]\nexamples = [\"油烟\", \" \"]\nsynonyms = [\n  [\"噪音\"],\n  [\"黑车\", \"\", \"黑车\", \"非法营运\"],\n  [\"，\", \"。\"],\n]\n";
    fs::write(
        dir.path().join("resplist.toml"),
        format!("{SITE}{settings}"),
    )
    .unwrap();
    copy_project(&repo().join("examples/minimal"), &dir.path().join("p"));
    fs::rename(
        dir.path().join("p/departments"),
        dir.path().join("departments"),
    )
    .unwrap();
    let expected = [
        ("E0114", 6, 19), // " " is an empty example
        ("E0114", 8, 3),  // ["噪音"]: one word
        ("E0114", 9, 10), // ""
        ("E0114", 9, 14), // the second "黑车"
        ("E0114", 10, 4), // "，": no word in it
        ("E0114", 10, 9), // "。"
        ("E0114", 10, 3), // so the group has no word
    ];
    for language in ["zh-CN", "en"] {
        let found = check(dir.path(), language);
        let mut got: Vec<(&str, u64, u64)> = found
            .iter()
            .map(|(c, l, col, _)| (c.as_str(), *l, *col))
            .collect();
        let mut want: Vec<(&str, u64, u64)> = expected.to_vec();
        got.sort();
        want.sort();
        assert_eq!(got, want, "{language}: {found:#?}");
        let said: String = found.iter().map(|f| f.3.clone() + "\n").collect();
        let words: &[&str] = if language == "en" {
            &[
                "an example query is empty",
                "\"黑车\" is written twice",
                "has 1 word",
            ]
        } else {
            &[
                "示例搜索词是空的",
                "“黑车”在这组同义词里写了两次",
                "只有 1 个不同的词",
            ]
        };
        for w in words {
            assert!(said.contains(w), "{language}: {w:?} not in\n{said}");
        }
    }
}

#[test]
fn the_project_s_synonyms_join_the_built_in_dictionary() {
    let dir =
        sample_with("[search]\nsynonyms = [[\"臭水沟\", \"水污染\"], [\"阿猫阿狗\", \"宠物\"]]\n");
    assert!(check(dir.path(), "en").is_empty());
    let out = dir.path().join("out");
    build(dir.path(), &out);
    let words = registered(&out, "words.js");
    let groups = words["groups"].as_array().unwrap();
    let group_of = |word: &str| {
        groups
            .iter()
            .position(|g| g.as_array().unwrap().iter().any(|w| w == word))
    };
    // 水污染 is in a built-in group: the project's 臭水沟 joins that group.
    assert!(group_of("臭水沟").is_some());
    assert_eq!(group_of("臭水沟"), group_of("水污染"));
    assert_eq!(
        group_of("臭水沟"),
        group_of("河水污染"),
        "the built-in words stay"
    );
    assert_eq!(group_of("阿猫阿狗"), group_of("宠物"));
    // Which words are in the list's own text: 水污染 is, 臭水沟 is not.
    let g = group_of("臭水沟").unwrap();
    let found: Vec<&str> = words["found"][g]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| groups[g][i.as_u64().unwrap() as usize].as_str().unwrap())
        .collect();
    assert!(
        found.contains(&"水污染") && !found.contains(&"臭水沟"),
        "{found:?}"
    );
    assert!(!words["syllables"].as_array().unwrap().is_empty());
    assert!(
        words["intent"]["phone"]
            .as_array()
            .unwrap()
            .iter()
            .any(|w| w == "电话")
    );
}

#[test]
fn the_search_box_s_examples_are_the_project_s_own() {
    // Given in resplist.toml.
    let dir = sample_with("[search]\nexamples = [\"油烟扰民\", \"渣土撒落\"]\n");
    let out = dir.path().join("out");
    build(dir.path(), &out);
    let page = fs::read_to_string(out.join("search/index.html")).unwrap();
    assert!(
        page.contains(">油烟扰民</a>") && page.contains(">渣土撒落</a>"),
        "{page}"
    );
    assert!(page.contains("href=\"?q=%E6%B2%B9%E7%83%9F%E6%89%B0%E6%B0%91\""));
    let home = fs::read_to_string(out.join("index.html")).unwrap();
    assert!(home.contains("placeholder=\"如：油烟扰民、渣土撒落、电话号码\""));
    // Taken from the project's boundaries otherwise; never the sample's words on another list.
    let tmp = tempfile::tempdir().unwrap();
    build(&repo().join("examples/minimal"), &tmp.path().join("en"));
    let page = fs::read_to_string(tmp.path().join("en/search/index.html")).unwrap();
    for sample_word in ["违法停车", "噪声", "宅基地"] {
        assert!(
            !page.contains(sample_word),
            "{sample_word} on another project's site"
        );
    }
    let minimal =
        fs::read_to_string(repo().join("examples/minimal/departments/environment.toml")).unwrap();
    let boundary_title = minimal
        .lines()
        .skip_while(|l| *l != "[[boundaries]]")
        .find_map(|l| l.strip_prefix("title = \""))
        .map(|t| t.trim_end_matches('"').to_string())
        .unwrap();
    assert!(
        page.contains(&format!(">{boundary_title}</a>")),
        "{boundary_title} not among the examples"
    );
}

#[test]
fn an_english_site_ships_no_pinyin_and_no_chinese_dictionary() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("en");
    build(&repo().join("examples/minimal"), &out);
    let meta = registered(&out, "meta.js");
    assert_eq!(meta["pinyin_shards"], 0);
    assert!(!out.join("search/p0.js").exists());
    let words = registered(&out, "words.js");
    assert!(words.get("syllables").is_none());
    assert!(words["groups"].as_array().unwrap().is_empty());
    assert!(
        words["intent"]["phone"]
            .as_array()
            .unwrap()
            .iter()
            .any(|w| w == "phone")
    );
}

#[test]
fn pinyin_leads_back_to_the_list_s_words() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("zh");
    build(&repo().join("data"), &out);
    let shards = registered(&out, "meta.js")["pinyin_shards"]
        .as_u64()
        .unwrap() as usize;
    assert!(shards > 0);
    let lookup = |key: &str| {
        let shard = resplist::render::search::shard_of(key, shards);
        let map = registered(&out, &format!("p{shard}.js"));
        let pieces = map[key].as_str().unwrap_or("").to_string();
        pieces
            .chars()
            .collect::<Vec<_>>()
            .chunks(2)
            .map(|c| c.iter().collect::<String>())
            .collect::<Vec<_>>()
    };
    assert!(lookup("zao'sheng").contains(&"噪声".to_string()));
    // Initials: 环保局 is 环保 + 保局, pieces of a department's short name, among the first.
    assert!(
        lookup("#hb")[..3].contains(&"环保".to_string()),
        "{:?}",
        lookup("#hb")
    );
    assert!(lookup("#bj").contains(&"保局".to_string()));
}
