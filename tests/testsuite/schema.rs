//! The JSON Schemas for editors (`resplist schema`, `schemas/`): they are up to date, every
//! sample file (the sample province's too) validates, and they agree with `resplist check` on broken files both ways — what
//! the schema rejects, check rejects; what uses the Chinese labels, both accept. Each file is
//! validated twice: as draft 2020-12, and as taplo (VS Code's Even Better TOML) reads it, which
//! is draft 7 with formats checked and TOML dates turned into strings.

use std::fs;
use std::path::{Path, PathBuf};

use crate::common::{Schema, command, repo};
use resplist::diagnostic::Diagnostic;
use serde_json::Value;

fn toml_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .map(|e| e.unwrap().into_path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    files.sort();
    files
}

/// Every schema `resplist schema` writes.
const SCHEMAS: [&str; 3] = [
    "resplist.schema.json",
    "department.schema.json",
    "topics.schema.json",
];

#[test]
fn committed_schemas_are_up_to_date() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("new/schemas");
    let run = command()
        .args(["schema", "--output"])
        .arg(&out)
        .output()
        .unwrap();
    assert!(run.status.success(), "{run:?}");
    let stdout = String::from_utf8_lossy(&run.stdout);
    for name in SCHEMAS {
        assert!(stdout.contains(name), "{stdout}");
        let fresh = fs::read_to_string(out.join(name)).unwrap();
        let committed = fs::read_to_string(repo().join("schemas").join(name)).unwrap_or_default();
        assert!(
            fresh == committed,
            "schemas/{name} is out of date with the model; update it with `cargo run -- schema --output schemas` and commit the result"
        );
    }
}

#[test]
fn schema_writes_into_the_current_directory_by_default() {
    let tmp = tempfile::tempdir().unwrap();
    let run = command()
        .arg("schema")
        .current_dir(tmp.path())
        .output()
        .unwrap();
    assert!(run.status.success(), "{run:?}");
    for name in SCHEMAS {
        assert!(tmp.path().join(name).is_file(), "{name}");
    }
}

#[test]
fn schemas_are_draft_2020_12_with_titles() {
    for name in SCHEMAS {
        let text = fs::read_to_string(repo().join("schemas").join(name)).unwrap();
        let schema: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(
            schema["$schema"],
            "https://json-schema.org/draft/2020-12/schema"
        );
        assert!(schema["title"].is_string());
        assert!(
            !text.contains("null"),
            "{name}: TOML has no null, the schema must not offer it"
        );
        assert!(jsonschema::meta::is_valid(&schema), "{name}");
    }
}

#[test]
fn every_sample_file_validates() {
    let site = Schema::site();
    let department = Schema::department();
    let mut count = 0;
    for project in ["data", "examples/minimal"] {
        let root = repo().join(project);
        let text = fs::read_to_string(root.join("resplist.toml")).unwrap();
        assert_eq!(site.problems(&text), Vec::<String>::new(), "{project}");
        for file in toml_files(&root.join("departments")) {
            let text = fs::read_to_string(&file).unwrap();
            let problems = department.problems(&text);
            assert!(problems.is_empty(), "{}: {problems:#?}", file.display());
            count += 1;
        }
    }
    assert_eq!(count, 17);
}

const SITE: &str = r#"[site]
title = "测试县政府部门责任清单"
jurisdiction = "测试县"
language = "zh-CN"
published = 2015-10-15
"#;

/// A department that checks without errors, to break one thing at a time.
const DEPARTMENT: &str = r#"name = "测试县环境保护局"

[[sections]]
id = "wrfz"
name = "污染防治科"
phone = "0000-6301 0101"

[[powers]]
id = "xk-paiwu"
name = "排污许可证核发"
kind = "licensing"
status = "retained"

[[powers]]
id = "cf-paiwu"
name = "对超标排污的处罚"
kind = "penalty"
status = "retained"

[[duties]]
id = "d01"
title = "负责水污染防治。"
basis = ["三定方案"]

  [[duties.items]]
  text = "核发排污许可证。"
  section = "wrfz"
  powers = ["xk-paiwu"]

[[supervision]]
id = "paiwu"
title = "排污许可事项监管"
category = "approval"
powers = ["xk-paiwu"]
measures = ["每年检查一次"]

[[services]]
id = "shuizhi"
title = "发布水质信息"
category = "basic"
section = "wrfz"
"#;

/// `DEPARTMENT` (or `SITE`) with `from` replaced by `to`, which must occur.
fn with(base: &str, from: &str, to: &str) -> String {
    assert!(base.contains(from), "{from}");
    base.replacen(from, to, 1)
}

/// Whether `resplist check` finds errors in a project of these two files.
fn check_errors(site: &str, department: &str) -> Vec<Diagnostic> {
    let tmp = tempfile::tempdir().unwrap();
    fs::write(tmp.path().join("resplist.toml"), site).unwrap();
    fs::create_dir(tmp.path().join("departments")).unwrap();
    fs::write(tmp.path().join("departments/huanbao.toml"), department).unwrap();
    let project = resplist::load::load(tmp.path()).unwrap();
    resplist::check::check(&project)
        .into_iter()
        .filter(Diagnostic::is_error)
        .collect()
}

#[test]
fn the_base_files_are_valid_for_both() {
    assert_eq!(Schema::site().problems(SITE), Vec::<String>::new());
    assert_eq!(
        Schema::department().problems(DEPARTMENT),
        Vec::<String>::new()
    );
    assert!(check_errors(SITE, DEPARTMENT).is_empty());
}

#[test]
fn broken_department_files_fail_the_schema_and_check() {
    let schema = Schema::department();
    let cases = [
        // Unknown fields.
        (
            "unknown top-level field",
            "name = \"测试县环境保护局\"",
            "name = \"测试县环境保护局\"\nnmae = \"x\"",
        ),
        (
            "unknown section field",
            "phone = \"0000-6301 0101\"",
            "phone = \"0000-6301 0101\"\nemail = \"a@b.c\"",
        ),
        (
            "unknown item field",
            "  section = \"wrfz\"",
            "  section = \"wrfz\"\n  owner = \"wrfz\"",
        ),
        // Wrong types.
        (
            "order as text",
            "name = \"测试县环境保护局\"",
            "name = \"测试县环境保护局\"\norder = \"10\"",
        ),
        (
            "basis not a list",
            "basis = [\"三定方案\"]",
            "basis = \"三定方案\"",
        ),
        (
            "sections not a list of tables",
            "[[sections]]\nid = \"wrfz\"",
            "sections = \"wrfz\"\n[[nothing]]\nid = \"wrfz\"",
        ),
        (
            "boolean as text",
            "category = \"basic\"\n",
            "category = \"basic\"\nbeyond_statutory = \"yes\"\n",
        ),
        // Values outside their lists.
        (
            "English key misspelt",
            "kind = \"licensing\"",
            "kind = \"Licensing\"",
        ),
        (
            "Chinese not a label",
            "status = \"retained\"\n\n[[powers]]",
            "status = \"保持\"\n\n[[powers]]",
        ),
        (
            "service category",
            "category = \"basic\"",
            "category = \"经济\"",
        ),
        (
            "supervision category",
            "category = \"approval\"",
            "category = \"审批\"",
        ),
        // Missing or empty required fields.
        ("no name", "name = \"测试县环境保护局\"\n", ""),
        ("empty name", "name = \"测试县环境保护局\"", "name = \"\""),
        ("section without phone", "phone = \"0000-6301 0101\"\n", ""),
        ("empty basis", "basis = [\"三定方案\"]", "basis = []"),
        (
            "empty measures",
            "measures = [\"每年检查一次\"]",
            "measures = []",
        ),
        ("item without section", "  section = \"wrfz\"\n", ""),
        (
            "delegated power without delegate",
            "status = \"retained\"\n\n[[duties]]",
            "status = \"delegated\"\n\n[[duties]]",
        ),
        (
            "approval regime without powers",
            "powers = [\"xk-paiwu\"]\nmeasures",
            "measures",
        ),
        // Bad ids.
        ("capital letters", "id = \"wrfz\"", "id = \"Wrfz\""),
        ("space in an id", "id = \"d01\"", "id = \"d 01\""),
        (
            "underscore in a reference",
            "  section = \"wrfz\"",
            "  section = \"wr_fz\"",
        ),
        ("empty id", "id = \"shuizhi\"", "id = \"\""),
    ];
    let mut agreed = Vec::new();
    for (what, from, to) in cases {
        let text = with(DEPARTMENT, from, to);
        let problems = schema.problems(&text);
        assert!(!problems.is_empty(), "{what}: the schema accepts\n{text}");
        let errors = check_errors(SITE, &text);
        assert!(!errors.is_empty(), "{what}: check accepts\n{text}");
        agreed.push(what);
    }
    assert_eq!(agreed.len(), cases.len());
}

#[test]
fn broken_site_files_fail_the_schema_and_check() {
    let schema = Schema::site();
    let cases = [
        ("unknown field", "title =", "titel = \"x\"\ntitle ="),
        ("no title", "title = \"测试县政府部门责任清单\"\n", ""),
        (
            "empty jurisdiction",
            "jurisdiction = \"测试县\"",
            "jurisdiction = \"\"",
        ),
        (
            "language outside the list",
            "language = \"zh-CN\"",
            "language = \"fr\"",
        ),
        (
            "published with a time",
            "published = 2015-10-15",
            "published = 2015-10-15T09:00:00",
        ),
        (
            "published as a number",
            "published = 2015-10-15",
            "published = 20151015",
        ),
        (
            "unknown build field",
            "published = 2015-10-15\n",
            "published = 2015-10-15\n[build]\nouptut = \"public\"\n",
        ),
        ("no [site]", "[site]", "[sites]"),
    ];
    for (what, from, to) in cases {
        let text = with(SITE, from, to);
        assert!(
            !schema.problems(&text).is_empty(),
            "{what}: the schema accepts\n{text}"
        );
        assert!(
            !check_errors(&text, DEPARTMENT).is_empty(),
            "{what}: check accepts\n{text}"
        );
    }
}

#[test]
fn chinese_labels_and_short_forms_pass_the_schema_and_check() {
    let schema = Schema::department();
    let delegated = "status = \"retained\"\n\n[[powers]]";
    let cases = [
        (
            "power kind label",
            "kind = \"licensing\"",
            "kind = \"行政许可\"",
        ),
        (
            "service category label",
            "category = \"basic\"",
            "category = \"基础性服务\"",
        ),
        (
            "service category short form",
            "category = \"basic\"",
            "category = \"经济性\"",
        ),
        (
            "supervision category label",
            "category = \"approval\"",
            "category = \"审批事项\"",
        ),
        (
            "power status label",
            "status = \"retained\"",
            "status = \"保留\"",
        ),
    ];
    for (what, from, to) in cases {
        let text = with(DEPARTMENT, from, to);
        assert_eq!(schema.problems(&text), Vec::<String>::new(), "{what}");
        assert!(check_errors(SITE, &text).is_empty(), "{what}");
    }
    // A delegated power (委托下放) with its delegate, covered by a delegated-power regime.
    let text = with(
        DEPARTMENT,
        delegated,
        "status = \"retained\"\n\n[[powers]]\nid = \"xk-xiafang\"\nname = \"小型项目环评审批\"\nkind = \"行政许可\"\nstatus = \"委托下放\"\ndelegated_to = \"各乡镇（街道）\"\n\n[[powers]]",
    );
    let text = with(
        &text,
        "\n[[services]]",
        "\n[[supervision]]\nid = \"xiafang\"\ntitle = \"下放事项监管\"\ncategory = \"委托下放权力\"\npowers = [\"xk-xiafang\"]\nmeasures = [\"每季度抽查\"]\n\n[[services]]",
    );
    assert_eq!(schema.problems(&text), Vec::<String>::new());
    assert!(check_errors(SITE, &text).is_empty());
    // The language by its label.
    let site = with(SITE, "language = \"zh-CN\"", "language = \"简体中文\"");
    assert_eq!(Schema::site().problems(&site), Vec::<String>::new());
    assert!(check_errors(&site, DEPARTMENT).is_empty());
}

/// The one difference the schema cannot see: editors hand a TOML date to the schema as text,
/// so a date in quotes looks the same as one without. `check` still rejects it (E0104).
#[test]
fn a_quoted_date_is_caught_by_check_only() {
    let text = with(SITE, "published = 2015-10-15", "published = \"2015-10-15\"");
    assert_eq!(Schema::site().problems(&text), Vec::<String>::new());
    assert!(!check_errors(&text, DEPARTMENT).is_empty());
}

#[test]
fn the_sample_province_validates() {
    let root = repo().join("examples/province");
    let read = |path: PathBuf| fs::read_to_string(path).unwrap();
    let site = Schema::site();
    let department = Schema::department();
    assert_eq!(
        site.problems(&read(root.join("resplist.toml"))),
        Vec::<String>::new()
    );
    assert_eq!(
        Schema::topics().problems(&read(root.join("topics.toml"))),
        Vec::<String>::new()
    );
    // Its members are projects, whose `resplist.toml` the same schema takes.
    let mut count = 0;
    for member in ["chunjiang", "qiushui", "qingshan"] {
        let member = root.join(member);
        let text = read(member.join("resplist.toml"));
        assert_eq!(site.problems(&text), Vec::<String>::new(), "{text}");
        for file in toml_files(&member.join("departments")) {
            let problems = department.problems(&read(file.clone()));
            assert!(problems.is_empty(), "{}: {problems:#?}", file.display());
            count += 1;
        }
    }
    assert_eq!(count, 18);
}

/// A workspace of one member, `a`, whose project is `SITE` and `DEPARTMENT`.
const WORKSPACE: &str = r#"[workspace]
title = "测试省县级政府部门责任清单"
language = "zh-CN"
members = ["a"]
base_url = "https://example.org/zrqd/"
published = 2016-01-01

[build]
output = "public"
"#;

/// A catalogue that checks without errors.
const TOPICS: &str = r#"[[topics]]
id = "paiwu"
title = "排污许可证核发和监管"
area = "环境保护"

[[topics]]
id = "shuizhi"
title = "水质监测信息发布"
"#;

/// The errors `resplist check` finds in a workspace of these two files and the member `a`.
fn workspace_errors(workspace: &str, topics: &str) -> Vec<Diagnostic> {
    let tmp = tempfile::tempdir().unwrap();
    fs::write(tmp.path().join("resplist.toml"), workspace).unwrap();
    fs::write(tmp.path().join("topics.toml"), topics).unwrap();
    let member = tmp.path().join("a");
    fs::create_dir_all(member.join("departments")).unwrap();
    fs::write(member.join("resplist.toml"), SITE).unwrap();
    fs::write(member.join("departments/huanbao.toml"), DEPARTMENT).unwrap();
    let ws = resplist::workspace::load(tmp.path()).unwrap();
    resplist::workspace::check(&ws)
        .into_iter()
        .flat_map(|(_, found)| found)
        .filter(Diagnostic::is_error)
        .collect()
}

#[test]
fn the_base_workspace_files_are_valid_for_both() {
    assert_eq!(Schema::site().problems(WORKSPACE), Vec::<String>::new());
    assert_eq!(Schema::topics().problems(TOPICS), Vec::<String>::new());
    assert_eq!(workspace_errors(WORKSPACE, TOPICS), Vec::new());
    // The language by its label, as in `[site]`.
    let labelled = with(WORKSPACE, "language = \"zh-CN\"", "language = \"简体中文\"");
    assert_eq!(Schema::site().problems(&labelled), Vec::<String>::new());
    assert_eq!(workspace_errors(&labelled, TOPICS), Vec::new());
}

#[test]
fn broken_workspace_files_fail_the_schema_and_check() {
    let schema = Schema::site();
    let cases = [
        ("no members", "members = [\"a\"]\n", ""),
        ("no title", "title = \"测试省县级政府部门责任清单\"\n", ""),
        ("unknown field", "title =", "titel = \"x\"\ntitle ="),
        ("members not a list", "members = [\"a\"]", "members = \"a\""),
        (
            "a member breaking the id rule",
            "members = [\"a\"]",
            "members = [\"a\", \"B\"]",
        ),
        (
            "a member listed twice",
            "members = [\"a\"]",
            "members = [\"a\", \"a\"]",
        ),
        (
            "language outside the list",
            "language = \"zh-CN\"",
            "language = \"fr\"",
        ),
        (
            "published as a number",
            "published = 2016-01-01",
            "published = 20160101",
        ),
        (
            "unknown build field",
            "output = \"public\"",
            "ouptut = \"public\"",
        ),
        (
            "[search] in a workspace",
            "[build]",
            "[search]\nexamples = [\"排污\"]\n\n[build]",
        ),
        (
            "[site] and [workspace] at once",
            "[workspace]",
            "[site]\ntitle = \"测试县政府部门责任清单\"\njurisdiction = \"测试县\"\n\n[workspace]",
        ),
        ("no [workspace]", "[workspace]", "[workspaces]"),
    ];
    for (what, from, to) in cases {
        let text = with(WORKSPACE, from, to);
        assert!(
            !schema.problems(&text).is_empty(),
            "{what}: the schema accepts\n{text}"
        );
        assert!(
            !workspace_errors(&text, TOPICS).is_empty(),
            "{what}: check accepts\n{text}"
        );
    }
}

#[test]
fn broken_topics_files_fail_the_schema_and_check() {
    let schema = Schema::topics();
    let cases = [
        ("unknown field", "area =", "areas = \"x\"\narea ="),
        (
            "unknown table",
            "[[topics]]\nid = \"shuizhi\"",
            "[[topic]]\nid = \"shuizhi\"",
        ),
        (
            "topics not a list of tables",
            TOPICS,
            "topics = [\"paiwu\", \"shuizhi\"]\n",
        ),
        ("no id", "id = \"shuizhi\"\n", ""),
        ("no title", "title = \"水质监测信息发布\"\n", ""),
        (
            "an id breaking the id rule",
            "id = \"paiwu\"",
            "id = \"Pai-Wu\"",
        ),
        ("area as a number", "area = \"环境保护\"", "area = 1"),
    ];
    for (what, from, to) in cases {
        let text = with(TOPICS, from, to);
        assert!(
            !schema.problems(&text).is_empty(),
            "{what}: the schema accepts\n{text}"
        );
        assert!(
            !workspace_errors(WORKSPACE, &text).is_empty(),
            "{what}: check accepts\n{text}"
        );
    }
}

/// `resplist.toml` has two shapes, yet a mistake inside one of its tables is reported at its
/// place, as in a schema of one shape, not as a file that matches neither.
#[test]
fn a_missing_field_is_reported_in_its_table_in_either_shape() {
    let schema = Schema::site();
    for (base, line, table) in [
        (WORKSPACE, "members = [\"a\"]\n", "/workspace"),
        (SITE, "jurisdiction = \"测试县\"\n", "/site"),
    ] {
        let problems = schema.problems(&with(base, line, ""));
        assert_eq!(problems.len(), 1, "{problems:#?}");
        let field = line.split(' ').next().unwrap_or_default();
        assert!(
            problems[0].contains(field) && problems[0].ends_with(&format!(" at {table}")),
            "{problems:#?}"
        );
    }
}

/// `[workspace]`'s title and date are as in `[site]` (FORMAT.md), and a topic's title is
/// required as a boundary's is: the schema underlines them empty or with a time, and `check`
/// reports them.
#[test]
fn workspace_titles_and_dates_are_as_in_a_project() {
    for (schema, base, from, to) in [
        (
            Schema::site(),
            WORKSPACE,
            "title = \"测试省县级政府部门责任清单\"",
            "title = \"\"",
        ),
        (
            Schema::site(),
            WORKSPACE,
            "published = 2016-01-01",
            "published = 2016-01-01T09:00:00",
        ),
        (
            Schema::topics(),
            TOPICS,
            "title = \"水质监测信息发布\"",
            "title = \"\"",
        ),
    ] {
        let text = with(base, from, to);
        assert!(!schema.problems(&text).is_empty(), "{text}");
        let errors = if base == WORKSPACE {
            workspace_errors(&text, TOPICS)
        } else {
            workspace_errors(WORKSPACE, &text)
        };
        assert!(!errors.is_empty(), "check accepts\n{text}");
    }
}
