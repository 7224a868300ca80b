//! The mistakes clerks make, each named the way they make it, in Chinese and in English: one
//! clean department file, one mistake put into it, and what `check` must say — the code, the
//! place, the words in each language — and that it says nothing else (one mistake, one error).

use std::fs;

use serde_json::Value;

use crate::common::{SITE, check_json};

/// A department that checks clean.
const CLEAN: &str = r#"name = "测试县市场监督管理局"
short_name = "市场监管局"

[[sections]]
id = "zhk"
name = "综合科"
phone = "0000-6310 0001"

[[powers]]
id = "xk-shipin"
name = "食品经营许可"
kind = "licensing"
status = "retained"

[[duties]]
id = "d01"
title = "负责食品安全监督管理。"
basis = ["三定方案"]

  [[duties.items]]
  text = "办理食品经营许可。"
  section = "zhk"
  powers = ["xk-shipin"]

[[supervision]]
id = "xk-shipin-jianguan"
title = "食品经营许可事项监管"
category = "approval"
powers = ["xk-shipin"]
section = "zhk"
measures = ["每季度抽查"]

[[services]]
id = "zixun"
title = "食品安全政策咨询"
category = "basic"
section = "zhk"
"#;

/// A second department, for references between departments.
const OTHER: &str = r#"name = "测试县教育局"
short_name = "教育局"

[[sections]]
id = "bgs"
name = "办公室"
phone = "0000-6320 0001"

[[duties]]
id = "d01"
title = "负责学校管理。"
basis = ["三定方案"]

  [[duties.items]]
  text = "管理学校。"
  section = "bgs"

[[services]]
id = "zixun"
title = "入学政策咨询"
category = "basic"
section = "bgs"
"#;

/// A boundary `shichang` can lead, naming `jiaoyu` as its partner.
const BOUNDARY: &str = r#"
[[boundaries]]
id = "canteens"
title = "学校食堂食品安全监管"
area = "食品安全"
lead_duty = "负责学校食堂的食品安全监督检查。"

  [[boundaries.partners]]
  department = "jiaoyu"
  duty = "负责督促学校落实食品安全责任。"

  [boundaries.case]
  title = "学校食堂使用过期食材"
  scenario = "假如某小学食堂使用过期食材。"

    [[boundaries.case.steps]]
    department = "shichang"
    action = "立案查处。"

    [[boundaries.case.steps]]
    department = "jiaoyu"
    action = "责令学校整改。"
"#;

/// One mistake: the file it makes, and what check must say about it.
struct Mistake {
    what: &'static str,
    /// The department file `shichang.toml`, as the clerk left it.
    file: Vec<u8>,
    /// Other department files, beside it.
    others: Vec<(&'static str, String)>,
    /// Every diagnostic, as (code, line, column); column 0 when it has none.
    expected: Vec<(&'static str, usize, usize)>,
    /// Words the first diagnostic's message or help holds, in Chinese and in English.
    zh: &'static [&'static str],
    en: &'static [&'static str],
}

fn edit(from: &str, to: &str) -> Vec<u8> {
    assert!(CLEAN.contains(from), "{from}");
    CLEAN.replacen(from, to, 1).into_bytes()
}

fn mistakes() -> Vec<Mistake> {
    let one = |what, file, code, at: (usize, usize), zh, en| Mistake {
        what,
        file,
        others: Vec::new(),
        expected: vec![(code, at.0, at.1)],
        zh,
        en,
    };
    vec![
        one(
            "Chinese quotes around a text",
            edit(
                "name = \"测试县市场监督管理局\"",
                "name = “测试县市场监督管理局”",
            ),
            "E0113",
            (1, 8),
            &["第 1 行的引号 “…” 是中文引号", "切换到英文输入法", "半角"],
            &[
                "line 1: the quotes “…” are Chinese (full-width)",
                "English (half-width)",
            ],
        ),
        one(
            "a Chinese comma in a list",
            edit("basis = [\"三定方案\"]", "basis = [\"三定方案\"，\"法\"]"),
            "E0113",
            (18, 16),
            &["逗号 `，` 是中文（全角）符号", "改为英文 `,`"],
            &["the comma `，` is Chinese (full-width); type `,` instead"],
        ),
        one(
            "a full-width equals sign",
            edit("short_name = ", "short_name ＝ "),
            "E0113",
            (2, 12),
            &["等号 `＝`", "改为英文 `=`"],
            &["the equals sign `＝`"],
        ),
        one(
            "a colon for an equals sign",
            edit("short_name = ", "short_name："),
            "E0113",
            (2, 11),
            &["冒号 `：`", "改为英文 `=`"],
            &["the colon `：`"],
        ),
        Mistake {
            what: "full-width brackets around a header",
            file: edit("[[sections]]", "［［sections］］"),
            others: Vec::new(),
            // The opening pair and the closing pair, each typed wrong.
            expected: vec![("E0113", 4, 1), ("E0113", 4, 11)],
            zh: &["方括号 `［［`", "改为英文 `[[`"],
            en: &["the bracket `［［`"],
        },
        one(
            "a full-width space",
            edit("id = \"zhk\"", "id　= \"zhk\""),
            "E0113",
            (5, 3),
            &["全角空格", "英文空格（半角空格）"],
            &["full-width space", "half-width"],
        ),
        one(
            "a text closed with a Chinese quote",
            edit(
                "title = \"负责食品安全监督管理。\"",
                "title = \"负责食品安全监督管理。”",
            ),
            "E0113",
            (17, 21),
            &["结尾的引号是中文引号 `”`"],
            &["ends with a Chinese quote `”`"],
        ),
        one(
            "a full-width hyphen in a phone number",
            edit("0000-6310 0001", "0000－6310 0001"),
            "E0111",
            (7, 14),
            &["全角的“－”", "切换到英文（半角）"],
            &["full-width `－`"],
        ),
        one(
            "a full-width letter in an id",
            edit("id = \"zhk\"", "id = \"zhｋ\""),
            "E0106",
            (5, 9),
            &["全角的“ｋ”", "把编号写成 `zhk`"],
            &["full-width `ｋ`", "write the id `zhk`"],
        ),
        one(
            "a text without quotes",
            edit("name = \"综合科\"", "name = 综合科"),
            "E0101",
            (6, 8),
            &["文字 `综合科` 没有加引号", "\"综合科\""],
            &["the text `综合科` has no quotes around it"],
        ),
        one(
            "a line without an equals sign",
            edit("name = \"综合科\"", "name \"综合科\""),
            "E0101",
            (6, 6),
            &["缺少等号"],
            &["no equals sign"],
        ),
        one(
            "a nested table written as a top-level one",
            edit("  [[duties.items]]", "[[items]]"),
            "E0102",
            (20, 3),
            &["[[duties.items]]"],
            &["[[duties.items]]"],
        ),
        one(
            "part of a Chinese label",
            edit("kind = \"licensing\"", "kind = \"许可\""),
            "E0105",
            (12, 8),
            &["是不是想写 `行政许可`"],
            &["did you mean `行政许可`"],
        ),
        one(
            "a Chinese name where an id belongs (and in every reference to it)",
            CLEAN.replace("\"zhk\"", "\"综合科\"").into_bytes(),
            "E0106",
            (5, 6),
            &["`zongheke`"],
            &["`zongheke`"],
        ),
        one(
            "a Word document saved as .toml",
            b"PK\x03\x04\x14\x00\x06\x00word/document.xml".to_vec(),
            "E0001",
            (0, 0),
            &["Word、WPS 或 Excel 文档", "记事本"],
            &["Word, WPS or Excel document", "Notepad"],
        ),
        one(
            "a file saved in GBK",
            // "环保" in GBK.
            b"name = \"\xBB\xB7\xB1\xA3\"\n".to_vec(),
            "E0001",
            (1, 9),
            &[
                "GBK",
                "用记事本或 WPS 打开这个文件，“另存为”时把“编码”选为 UTF-8",
            ],
            &[
                "GBK",
                "in Notepad or WPS, \"Save As\" with the encoding UTF-8",
            ],
        ),
        one(
            "example content left from the template",
            edit("食品经营许可\"\nkind", "示例行政许可事项\"\nkind"),
            "W0208",
            (11, 8),
            &[
                "还是模板里的示例内容：示例行政许可事项",
                "--allow-placeholders",
            ],
            &["still the template's example: 示例行政许可事项"],
        ),
        Mistake {
            what: "a partner given by its full name",
            file: format!(
                "{CLEAN}{}",
                BOUNDARY.replace(
                    "department = \"jiaoyu\"\n  duty",
                    "department = \"测试县教育局\"\n  duty"
                )
            )
            .into_bytes(),
            others: vec![("jiaoyu.toml", OTHER.to_string())],
            expected: vec![("E0109", 46, 16)],
            zh: &["`jiaoyu`", "测试县教育局"],
            en: &["`jiaoyu`"],
        },
        Mistake {
            what: "a missing phone and a section typo in the same file",
            file: edit("phone = \"0000-6310 0001\"\n", "")
                .then_replace("section = \"zhk\"\n  powers", "section = \"zkh\"\n  powers"),
            others: Vec::new(),
            expected: vec![("E0103", 4, 1), ("E0107", 21, 13)],
            zh: &["缺少必填项 `phone`"],
            en: &["missing required field `phone`"],
        },
        Mistake {
            what: "one matter led by two departments",
            file: format!("{CLEAN}{BOUNDARY}").into_bytes(),
            others: vec![(
                "jiaoyu.toml",
                format!(
                    "{OTHER}{}",
                    BOUNDARY
                        .replace("id = \"canteens\"", "id = \"school-canteens\"")
                        .replace("学校食堂食品安全监管", "学校食堂食品安全监督管理")
                        .replace("department = \"jiaoyu\"", "department = \"@\"")
                        .replace("department = \"shichang\"", "department = \"jiaoyu\"")
                        .replace("department = \"@\"", "department = \"shichang\"")
                ),
            )],
            expected: vec![("W0209", 41, 9)],
            zh: &[
                "学校食堂食品安全监管",
                "学校食堂食品安全监督管理",
                "合并为一项职责边界",
            ],
            en: &["looks like the same matter", "one matter has one lead"],
        },
    ]
}

/// `Vec<u8>` text with one replacement, for mistakes made of two edits.
trait ThenReplace {
    fn then_replace(self, from: &str, to: &str) -> Vec<u8>;
}

impl ThenReplace for Vec<u8> {
    fn then_replace(self, from: &str, to: &str) -> Vec<u8> {
        let text = String::from_utf8(self).unwrap_or_default();
        assert!(text.contains(from), "{from}");
        text.replacen(from, to, 1).into_bytes()
    }
}

#[test]
fn the_clean_file_checks_clean() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("resplist.toml"), SITE).unwrap();
    fs::create_dir(dir.path().join("departments")).unwrap();
    fs::write(dir.path().join("departments/shichang.toml"), CLEAN).unwrap();
    fs::write(dir.path().join("departments/jiaoyu.toml"), OTHER).unwrap();
    assert_eq!(check_json(dir.path(), "en"), Vec::<Value>::new());
}

#[test]
fn every_mistake_is_named_once_at_its_place_in_both_languages() {
    for m in mistakes() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("resplist.toml"), SITE).unwrap();
        fs::create_dir(dir.path().join("departments")).unwrap();
        fs::write(dir.path().join("departments/shichang.toml"), &m.file).unwrap();
        for (name, text) in &m.others {
            fs::write(dir.path().join("departments").join(name), text).unwrap();
        }
        for (language, words) in [("zh-CN", m.zh), ("en", m.en)] {
            let found = check_json(dir.path(), language);
            let got: Vec<(String, usize, usize)> = found
                .iter()
                .map(|d| {
                    let n = |key: &str| d[key].as_u64().unwrap_or(0) as usize;
                    (
                        d["code"].as_str().unwrap_or("").to_string(),
                        n("line"),
                        n("column"),
                    )
                })
                .collect();
            let expected: Vec<(String, usize, usize)> = m
                .expected
                .iter()
                .map(|(c, l, col)| (c.to_string(), *l, *col))
                .collect();
            assert_eq!(got, expected, "{} ({language}): {found:#?}", m.what);
            let first = &found[0];
            let text = |key: &str| first[key].as_str().unwrap_or("").to_string();
            let said = format!("{} {}", text("message"), text("help"));
            for w in words {
                assert!(
                    said.contains(w),
                    "{} ({language}): {w:?} not in {said}",
                    m.what
                );
            }
        }
    }
}
