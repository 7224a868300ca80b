//! Hostile input (the reliability issue's first part): files from many hands and editors must
//! give a clear diagnostic with a code and a place — or be accepted — and never a panic or a
//! hang. Each case names what it expects.

use std::fs;
use std::path::Path;
use std::process::Command;

use crate::common::{self, command, git, names, project, resplist};

const GOOD: &str = "name = \"测试县环境保护局\"\n\n[[sections]]\nid = \"wrfz\"\nname = \"污染防治科\"\nphone = \"0000-6310 0001\"\n\n[[duties]]\nid = \"d01\"\ntitle = \"负责水污染防治。\"\nbasis = [\"三定方案\"]\n\n  [[duties.items]]\n  text = \"查处偷排污水。\"\n  section = \"wrfz\"\n\n[[services]]\nid = \"shuizhi\"\ntitle = \"发布水质信息\"\ncategory = \"basic\"\nsection = \"wrfz\"\n";

/// A diagnostic's code, line, column, and its message and help in one string.
type Found = (String, Option<u64>, Option<u64>, String);

/// Checks a project whose `departments/` holds `files`; returns the exit code and, per
/// diagnostic, (code, line, column).
fn check(files: &[(&str, &[u8])]) -> (i32, Vec<Found>) {
    let dir = project(files);
    run(dir.path())
}

fn run(dir: &Path) -> (i32, Vec<Found>) {
    let out = command()
        .args(["check", "--format", "json"])
        .arg(dir)
        .output()
        .unwrap();
    let code = out.status.code().unwrap_or(-1);
    assert!(
        code == 0 || code == 1,
        "exit {code} (a panic is 101): {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let diagnostics = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            (
                v["code"].as_str().unwrap().to_string(),
                v["line"].as_u64(),
                v["column"].as_u64(),
                format!(
                    "{} {}",
                    v["message"].as_str().unwrap(),
                    v["help"].as_str().unwrap_or("")
                ),
            )
        })
        .collect();
    (code, diagnostics)
}

fn only(files: &[(&str, &[u8])], code: &str, line: Option<u64>, column: Option<u64>, says: &str) {
    let (exit, found) = check(files);
    assert_eq!(exit, 1, "{found:?}");
    assert!(
        found.iter().any(|(c, l, col, text)| c == code
            && *l == line
            && *col == column
            && text.contains(says)),
        "expected {code} at {line:?}:{column:?} saying {says:?}, got {found:?}"
    );
}

#[test]
fn encodings() {
    // GBK: "name = \"环保\"".
    only(
        &[("a.toml", b"name = \"\xBB\xB7\xB1\xA3\"\n")],
        "E0001",
        Some(1),
        Some(9),
        "it looks like GBK (GB2312/GB18030)",
    );
    // GB18030 four-byte character (U+20000 is 0x95 0x32 0x82 0x36).
    only(
        &[("a.toml", b"name = \"\x95\x32\x82\x36\"\n")],
        "E0001",
        Some(1),
        Some(9),
        "it looks like GBK (GB2312/GB18030)",
    );
    // UTF-16 with a BOM, little and big endian: no place to point at, the file as a whole.
    only(
        &[("a.toml", b"\xFF\xFEn\x00a\x00")],
        "E0001",
        None,
        None,
        "the file is UTF-16, not UTF-8",
    );
    only(
        &[("a.toml", b"\xFE\xFF\x00n\x00a")],
        "E0001",
        None,
        None,
        "the file is UTF-16, not UTF-8",
    );
    // Invalid UTF-8 in the middle of an otherwise good file: its line and column.
    let mut mid = GOOD.as_bytes().to_vec();
    let at = GOOD.find("查处").unwrap();
    mid.insert(at, 0xFF);
    only(
        &[("a.toml", &mid)],
        "E0001",
        Some(14),
        Some(11),
        "the file is not valid UTF-8 text",
    );
    // A UTF-8 BOM and CRLF are fine.
    let bom_crlf = format!("\u{feff}{}", GOOD.replace('\n', "\r\n"));
    assert_eq!(check(&[("a.toml", bom_crlf.as_bytes())]).0, 0);
    // NUL inside a string and a lone carriage return are TOML errors at their place.
    only(
        &[("a.toml", b"name = \"a\x00b\"\n")],
        "E0101",
        Some(1),
        Some(10),
        "invisible control character",
    );
    only(
        &[("a.toml", b"name = \"ab\"\rshort_name = \"c\"\n")],
        "E0101",
        Some(1),
        Some(13),
        "carriage return must be followed by newline",
    );
}

#[test]
fn structure() {
    // Nesting is allowed to the parser's limit of 80 levels (arrays, inline tables, dotted
    // keys); one more is refused with the limit named, and 100,000 is not a stack overflow.
    for (at_limit, over, column) in [
        (
            "[".repeat(80) + &"]".repeat(80),
            "[".repeat(81) + &"]".repeat(81),
            88,
        ),
        (
            "{a=".repeat(80) + "1" + &"}".repeat(80),
            "{a=".repeat(81) + "1" + &"}".repeat(81),
            248,
        ),
    ] {
        let (_, found) = check(&[("a.toml", format!("name = {at_limit}\n").as_bytes())]);
        assert_eq!(found[0].0, "E0104", "80 levels parse: {found:?}");
        only(
            &[("a.toml", format!("name = {over}\n").as_bytes())],
            "E0101",
            Some(1),
            Some(column),
            "nested too deeply: more than 80 levels",
        );
    }
    let dotted = |n: usize| format!("a{} = 1\n", ".a".repeat(n - 1));
    assert_eq!(check(&[("a.toml", dotted(80).as_bytes())]).1[0].0, "E0102");
    only(
        &[("a.toml", dotted(81).as_bytes())],
        "E0101",
        Some(1),
        Some(1),
        "nested too deeply",
    );
    let deep = format!("name = {}{}\n", "[".repeat(100_000), "]".repeat(100_000));
    only(
        &[("a.toml", deep.as_bytes())],
        "E0101",
        Some(1),
        Some(88),
        "nested too deeply",
    );
    let deep = format!("name = {}1{}\n", "{a=".repeat(50_000), "}".repeat(50_000));
    only(
        &[("a.toml", deep.as_bytes())],
        "E0101",
        Some(1),
        Some(248),
        "nested too deeply",
    );
    // A 1 MB string is just text.
    let long = GOOD.replace("查处偷排污水。", &"污".repeat(350_000));
    assert_eq!(check(&[("a.toml", long.as_bytes())]).0, 0);
    // Duplicate keys, keys that are empty strings, dotted keys that make the wrong type.
    only(
        &[("a.toml", b"name = \"a\"\nname = \"b\"\n")],
        "E0101",
        Some(2),
        Some(1),
        "duplicate key `name`",
    );
    only(
        &[("a.toml", format!("{GOOD}\"\" = 1\n").as_bytes())],
        "E0102",
        Some(22),
        Some(1),
        "unknown field ``",
    );
    only(
        &[("a.toml", b"name = \"a\"\nsections.id = \"x\"\n")],
        "E0104",
        Some(2),
        Some(1),
        "this is a table, but a list is expected",
    );
}

#[test]
fn many_items_in_one_duty() {
    let mut text = GOOD.replacen("\n[[services]]", "\n", 1).replace(
        "id = \"shuizhi\"\ntitle = \"发布水质信息\"\ncategory = \"basic\"\nsection = \"wrfz\"\n",
        "",
    );
    for i in 0..100_000 {
        text.push_str(&format!(
            "  [[duties.items]]\n  text = \"第{i}项\"\n  section = \"wrfz\"\n"
        ));
    }
    text.push_str("[[services]]\nid = \"shuizhi\"\ntitle = \"发布水质信息\"\ncategory = \"basic\"\nsection = \"wrfz\"\n");
    assert_eq!(check(&[("a.toml", text.as_bytes())]).0, 0);
}

#[test]
fn ids_and_file_names() {
    // File names: spaces or Chinese, uppercase, reserved device names.
    for name in ["环保 局.toml", "Huanbao.toml", "huan_bao.toml"] {
        only(
            &[(name, GOOD.as_bytes())],
            "E0106",
            None,
            None,
            "is not a valid department id",
        );
    }
    only(
        &[("con.toml", GOOD.as_bytes()), ("a.toml", GOOD.as_bytes())],
        "E0106",
        None,
        None,
        "`con` is a name Windows reserves for a device",
    );
    only(
        &[("nul.toml", GOOD.as_bytes())],
        "E0106",
        None,
        None,
        "`nul` is a name Windows reserves for a device",
    );
    // Ids that try to be paths, are uppercase, or use a Cyrillic look-alike letter.
    only(
        &[(
            "a.toml",
            GOOD.replace("id = \"d01\"", "id = \"../x\"").as_bytes(),
        )],
        "E0106",
        Some(9),
        Some(6),
        "`../x` is not a valid duty id",
    );
    only(
        &[(
            "a.toml",
            GOOD.replace("id = \"d01\"", "id = \"/etc\"").as_bytes(),
        )],
        "E0106",
        Some(9),
        Some(6),
        "`/etc` is not a valid duty id",
    );
    only(
        &[(
            "a.toml",
            GOOD.replace("id = \"d01\"", "id = \"D01\"").as_bytes(),
        )],
        "E0106",
        Some(9),
        Some(6),
        "`D01` is not a valid duty id ids use lowercase ASCII letters, digits and hyphens, start with a letter or digit, and have at most 64 characters: try `d01`",
    );
    only(
        &[(
            "a.toml",
            GOOD.replace("id = \"shuizhi\"", "id = \"shuizhі\"")
                .as_bytes(),
        )],
        "E0106",
        Some(18),
        Some(6),
        "`shuizhі` is not a valid public service id",
    );
}

/// Found by the `department` fuzz target: a lone CR and NULs before a two-byte character on the
/// same line made the quoted line's spans cut that character, and the snippet renderer panicked.
#[test]
fn regression_control_characters_before_a_multibyte_character() {
    let bytes = b"# The file st\0\0\0\0`envir\rrtment\xd9\x8c id.\0\0\rhdn.\nname = \"x\"\n";
    let dir = project(&[("a.toml", bytes)]);
    let human = command()
        .args(["check", "--color", "always"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(
        human.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&human.stderr)
    );
    assert!(String::from_utf8_lossy(&human.stdout).contains("error[E0101]"));
    let first = &run(dir.path()).1[0];
    assert_eq!(
        (first.0.as_str(), first.1, first.2),
        ("E0101", Some(1), Some(14))
    );
}

#[test]
fn right_to_left_and_zero_width_text_is_accepted_as_text() {
    let text = GOOD.replace("查处偷排污水。", "\u{202E}查处\u{200B}偷排\u{200D}污水");
    assert_eq!(check(&[("a.toml", text.as_bytes())]).0, 0);
}

#[test]
fn a_50_mb_file_is_read_checked_and_built_whole() {
    // A remark pasted from a 50 MB export: under the 64 MiB limit, so it is read, and every
    // byte of it reaches the department page and the open data.
    let line = "查处偷排污水，核实排污口位置与排放量并依法处理。\n";
    let body = line.repeat(50_000_000 / line.len());
    let text = GOOD.replace(
        "  text = \"查处偷排污水。\"\n",
        &format!("  text = \"查处偷排污水。\"\n  note = \"\"\"\n{body}\"\"\"\n"),
    );
    assert!(text.len() > 50_000_000);
    let dir = project(&[("huanbao.toml", text.as_bytes())]);
    assert_eq!(run(dir.path()), (0, Vec::new()));
    let out = resplist(&["build", ".", "--quiet", "--output", "site"], dir.path());
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let page = fs::read_to_string(dir.path().join("site/departments/huanbao.html")).unwrap();
    assert_eq!(page.matches(line.trim_end()).count(), body.lines().count());
    let csv = fs::read_to_string(dir.path().join("site/opendata/work_items.csv")).unwrap();
    assert_eq!(csv.matches(line.trim_end()).count(), body.lines().count());
}

#[test]
fn ten_thousand_department_files() {
    let dir = project(&[]);
    for i in 0..10_000 {
        let text = GOOD.replace("测试县环境保护局", &format!("测试县第{i}局"));
        fs::write(dir.path().join(format!("departments/d{i:05}.toml")), text).unwrap();
    }
    let out = resplist(&["check", "."], dir.path());
    let summary = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{summary}");
    assert!(summary.contains("10000 departments"), "{summary}");
    let out = resplist(&["build", ".", "--quiet", "--output", "site"], dir.path());
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let pages = fs::read_dir(dir.path().join("site/departments"))
        .unwrap()
        .count();
    assert_eq!(pages, 10_000, "a page per department");
    let index = fs::read_to_string(dir.path().join("site/index.html")).unwrap();
    assert!(index.contains("测试县第0局") && index.contains("测试县第9999局"));
}

/// Near-identical titles and thousands of wrong ids: every problem is still reported at its
/// place, and what is written per problem stays bounded (the help lists a few known ids, not all
/// of them), so output grows with the number of problems, not with their product. Times are
/// measured by bench/adversarial.sh, not here.
#[test]
fn adversarial_ids_and_titles_give_bounded_reports() {
    let n = 3_000;
    let mut text = String::from("name = \"测试县局\"\n\n");
    for j in 0..n {
        text.push_str(&format!(
            "[[sections]]\nid = \"s{j:05}\"\nname = \"第{j}科\"\nphone = \"0000-6310 0001\"\n\n"
        ));
    }
    text.push_str("[[duties]]\nid = \"d01\"\ntitle = \"负责。\"\nbasis = [\"三定方案\"]\n");
    for j in 0..n {
        text.push_str(&format!(
            "\n  [[duties.items]]\n  text = \"第{j}项\"\n  section = \"x{j:05}\"\n"
        ));
    }
    // And boundaries whose titles differ only in their last character.
    for j in 0..n {
        text.push_str(&format!(
            "\n[[boundaries]]\nid = \"b{j:05}\"\ntitle = \"食品安全监管职责边界第{j:05}项\"\narea = \"食品安全\"\nlead_duty = \"牵头。\"\n\n  [[boundaries.partners]]\n  department = \"qita\"\n  duty = \"配合。\"\n\n  [boundaries.case]\n  title = \"案例{j}\"\n  scenario = \"假如。\"\n\n    [[boundaries.case.steps]]\n    department = \"jv\"\n    action = \"查处。\"\n\n    [[boundaries.case.steps]]\n    department = \"qita\"\n    action = \"配合。\"\n"
        ));
    }
    text.push_str("\n[[services]]\nid = \"v\"\ntitle = \"服务\"\ncategory = \"basic\"\nsection = \"s00000\"\n");
    let other = GOOD.replace("测试县环境保护局", "测试县其他局");
    let dir = project(&[
        ("jv.toml", text.as_bytes()),
        ("qita.toml", other.as_bytes()),
    ]);
    let (exit, found) = run(dir.path());
    assert_eq!(exit, 1);
    let unknown: Vec<&Found> = found.iter().filter(|f| f.0 == "E0107").collect();
    assert_eq!(unknown.len(), n, "one E0107 per wrong section");
    assert!(
        unknown[0].3.contains("did you mean `s00000`?") && unknown[0].3.contains("and 2988 more"),
        "{:?}",
        unknown[0]
    );
    assert!(
        !found.iter().any(|f| f.0 == "E0205"),
        "no two titles are equal"
    );
    let human = resplist(&["check", "."], dir.path());
    let per_problem = human.stdout.len() / found.len();
    assert!(per_problem < 1_000, "{per_problem} bytes per problem");
}

#[test]
fn many_problems_on_one_very_long_line_quote_a_window_each() {
    let items: Vec<String> = (0..5_000)
        .map(|j| format!("{{text = \"第{j}项\", section = \"x{j:05}\"}}"))
        .collect();
    let text = GOOD.replace(
        "\n  [[duties.items]]\n  text = \"查处偷排污水。\"\n  section = \"wrfz\"\n",
        &format!("items = [{}]\n", items.join(", ")),
    );
    let dir = project(&[("a.toml", text.as_bytes())]);
    let (_, found) = run(dir.path());
    let last = found.iter().rfind(|f| f.0 == "E0107").unwrap();
    // Line and column (in characters) of the last wrong value, `"x04999"`.
    let (line, at) = text
        .lines()
        .enumerate()
        .find(|(_, l)| l.contains("x04999"))
        .unwrap();
    let column = at[..at.find("\"x04999").unwrap()].chars().count() + 1;
    assert_eq!(
        (last.1, last.2),
        (Some(line as u64 + 1), Some(column as u64)),
        "{last:?}"
    );
    let human = String::from_utf8(resplist(&["check", "."], dir.path()).stdout).unwrap();
    let report = human
        .split("\n\n")
        .find(|r| r.contains("unknown section `x04999`"))
        .unwrap();
    let place = format!("--> departments/a.toml:{}:{column}", line + 1);
    assert!(report.contains(&place), "{report}");
    assert!(report.contains("... "), "the quote is a window: {report}");
    assert!(report.len() < 1_500, "{report}");
}

/// resplist run without root's power to ignore permissions: through `setpriv` as `nobody` when
/// the tests run as root (as `.ci/run` does), as is otherwise. Fails when the tests run as root
/// and `setpriv` cannot switch to `nobody`: a test of permissions that root ignores would prove
/// nothing.
fn unprivileged() -> Command {
    let root = Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| o.stdout.trim_ascii() == b"0");
    if !root {
        return command();
    }
    let drop = ["--reuid=65534", "--regid=65534", "--clear-groups"];
    let works = Command::new("setpriv")
        .args(drop)
        .arg("true")
        .status()
        .is_ok_and(|s| s.success());
    assert!(
        works,
        "the tests run as root and `setpriv` cannot switch to the nobody user: install \
         util-linux (setpriv), or run the tests as an ordinary user"
    );
    let mut command = Command::new("setpriv");
    command
        .args(drop)
        .arg(env!("CARGO_BIN_EXE_resplist"))
        .env("RESPLIST_LANG", "en");
    command
}

/// Opens a temporary directory to other users (tempfile makes it private) so that the
/// unprivileged run can reach what is inside.
fn open_to_all(dir: &Path) {
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(dir, fs::Permissions::from_mode(0o755)).unwrap();
}

#[test]
fn unreadable_files_and_folders_are_reported_with_the_fix() {
    use std::os::unix::fs::PermissionsExt;
    let dir = project(&[
        ("huanbao.toml", GOOD.as_bytes()),
        ("locked.toml", GOOD.as_bytes()),
    ]);
    open_to_all(dir.path());
    open_to_all(&dir.path().join("departments"));
    let locked = dir.path().join("departments/locked.toml");
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o000)).unwrap();
    let folder = dir.path().join("departments/more");
    fs::create_dir(&folder).unwrap();
    fs::write(folder.join("gongan.toml"), GOOD).unwrap();
    fs::set_permissions(&folder, fs::Permissions::from_mode(0o000)).unwrap();
    let mut command = unprivileged();
    let out = command
        .args(["check", "--format", "json"])
        .arg(dir.path())
        .output()
        .unwrap();
    fs::set_permissions(&folder, fs::Permissions::from_mode(0o755)).unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stdout);
    let problems: Vec<serde_json::Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let about = |name: &str| {
        problems
            .iter()
            .find(|p| p["file"].as_str().is_some_and(|f| f.ends_with(name)))
            .unwrap_or_else(|| panic!("nothing about {name}: {text}"))
    };
    let file = about("departments/locked.toml");
    assert_eq!(file["code"], "E0002");
    assert!(
        file["message"]
            .as_str()
            .unwrap()
            .contains("Permission denied")
    );
    assert!(
        file["help"]
            .as_str()
            .unwrap()
            .contains("fix its permissions (`chmod u+r`)")
    );
    let folder = about("departments/more");
    assert_eq!(folder["code"], "E0002");
    assert!(folder["help"].as_str().unwrap().contains("(`chmod u+rx`)"));
    assert_eq!(problems.len(), 2, "the readable file is fine: {text}");
}

#[test]
fn a_read_only_output_directory_is_refused_and_kept() {
    use std::os::unix::fs::PermissionsExt;
    let dir = project(&[("huanbao.toml", GOOD.as_bytes())]);
    let build = || resplist(&["build", ".", "--quiet", "--output", "site"], dir.path());
    assert!(build().status.success());
    let site = dir.path().join("site");
    let published = common::files(&site);
    fs::set_permissions(&site, fs::Permissions::from_mode(0o555)).unwrap();
    let out = build();
    fs::set_permissions(&site, fs::Permissions::from_mode(0o755)).unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("it is read-only, and every build replaces the whole directory; make it writable (`chmod u+w"),
        "{stderr}"
    );
    assert!(common::files(&site) == published, "the site changed");
    let left: Vec<String> = names(dir.path())
        .into_iter()
        .filter(|n| n.starts_with(".resplist"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
}

#[test]
fn an_output_directory_in_a_folder_resplist_may_not_write_fails_cleanly() {
    use std::os::unix::fs::PermissionsExt;
    let dir = project(&[("huanbao.toml", GOOD.as_bytes())]);
    open_to_all(dir.path());
    let parent = dir.path().join("www");
    fs::create_dir(&parent).unwrap();
    let built = resplist(
        &["build", ".", "--quiet", "--output", "www/site"],
        dir.path(),
    );
    assert!(built.status.success());
    let published = common::files(&parent.join("site"));
    // Read-only for everyone, and (when the tests run as root) resplist runs as nobody.
    fs::set_permissions(&parent, fs::Permissions::from_mode(0o555)).unwrap();
    let mut command = unprivileged();
    let out = command
        .args(["build", ".", "--quiet", "--output", "www/site"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    fs::set_permissions(&parent, fs::Permissions::from_mode(0o755)).unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("permission denied"), "{stderr}");
    assert!(
        stderr.contains("the site is built beside the output directory and swapped in, so"),
        "{stderr}"
    );
    assert!(stderr.contains("www` must be writable"), "{stderr}");
    assert!(common::files(&parent.join("site")) == published);
    assert_eq!(
        fs::read_dir(&parent).unwrap().count(),
        1,
        "nothing but the site"
    );
}

#[test]
fn fmt_refuses_what_check_refuses_in_the_same_words() {
    let deep = format!("name = {}{}\n", "[".repeat(81), "]".repeat(81));
    let dir = project(&[("a.toml", deep.as_bytes())]);
    let out = resplist(&["fmt", "."], dir.path());
    let text =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(
        text.contains("error[E0101]: nested too deeply: more than 80 levels"),
        "{text}"
    );
    assert_eq!(
        fs::read_to_string(dir.path().join("departments/a.toml")).unwrap(),
        deep
    );
}

#[test]
fn an_output_directory_that_is_a_symbolic_link_is_refused_even_with_force() {
    let dir = project(&[("huanbao.toml", GOOD.as_bytes())]);
    let real = dir.path().join("www");
    fs::create_dir(&real).unwrap();
    std::os::unix::fs::symlink(&real, dir.path().join("site")).unwrap();
    let out = resplist(&["build", ".", "--output", "site", "--force"], dir.path());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("it is a symbolic link (to `"), "{stderr}");
    assert!(
        stderr.contains("give the real directory instead (`--output "),
        "{stderr}"
    );
    assert!(
        fs::symlink_metadata(dir.path().join("site"))
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(fs::read_dir(&real).unwrap().count(), 0);
    // Given as the real directory, it is built there.
    let out = resplist(&["build", ".", "--quiet", "--output", "www"], dir.path());
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(real.join("index.html").is_file());
}

#[test]
fn a_revision_that_looks_like_an_option_never_reaches_git() {
    let dir = project(&[("huanbao.toml", GOOD.as_bytes())]);
    git(dir.path(), &["init", "-q"]);
    git(dir.path(), &["add", "-A"]);
    git(dir.path(), &["commit", "-qm", "first"]);
    let out = resplist(&["diff", "--", "--output=pwned", "HEAD"], dir.path());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("`--output=pwned` is not a revision: revisions never start with `-`"),
        "{stderr}"
    );
    assert!(!dir.path().join("pwned").exists());
}

#[test]
fn only_the_theme_folders_of_a_theme_directory_are_read() {
    use std::os::unix::fs::PermissionsExt;
    // A theme path naming a big folder (`/`, a home directory) must not be walked as a whole:
    // here a folder beside the theme's own that resplist may not open does not matter.
    let dir = project(&[("huanbao.toml", GOOD.as_bytes())]);
    open_to_all(dir.path());
    let theme = dir.path().join("theme");
    fs::create_dir_all(theme.join("static")).unwrap();
    fs::write(theme.join("static/extra.css"), "p { color: teal; }\n").unwrap();
    fs::create_dir(theme.join("private")).unwrap();
    fs::set_permissions(theme.join("private"), fs::Permissions::from_mode(0o000)).unwrap();
    fs::create_dir(dir.path().join("out")).unwrap();
    fs::set_permissions(dir.path().join("out"), fs::Permissions::from_mode(0o777)).unwrap();
    let mut command = unprivileged();
    let out = command
        .args([
            "build", ".", "--quiet", "--theme", "theme", "--output", "out/site",
        ])
        .current_dir(dir.path())
        .output()
        .unwrap();
    fs::set_permissions(theme.join("private"), fs::Permissions::from_mode(0o755)).unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        fs::read_to_string(dir.path().join("out/site/static/extra.css")).unwrap(),
        "p { color: teal; }\n"
    );
}
