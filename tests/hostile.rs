//! Hostile input (the reliability issue's first part): files from many hands and editors must
//! give a clear diagnostic with a code and a place — or be accepted — and never a panic or a
//! hang. Each case names what it expects.

use std::fs;
use std::path::Path;
use std::process::Command;

const SITE: &str = "[site]\ntitle = \"测试县责任清单\"\njurisdiction = \"测试县\"\n";
const GOOD: &str = "name = \"测试县环境保护局\"\n\n[[sections]]\nid = \"wrfz\"\nname = \"污染防治科\"\nphone = \"0000-6310 0001\"\n\n[[duties]]\nid = \"d01\"\ntitle = \"负责水污染防治。\"\nbasis = [\"三定方案\"]\n\n  [[duties.items]]\n  text = \"查处偷排污水。\"\n  section = \"wrfz\"\n\n[[services]]\nid = \"shuizhi\"\ntitle = \"发布水质信息\"\ncategory = \"basic\"\nsection = \"wrfz\"\n";

/// A diagnostic's code, line, column, and its message and help in one string.
type Found = (String, Option<u64>, Option<u64>, String);

/// Checks a project whose `departments/` holds `files`; returns the exit code and, per
/// diagnostic, (code, line, column).
fn check(files: &[(&str, &[u8])]) -> (i32, Vec<Found>) {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("resplist.toml"), SITE).unwrap();
    fs::create_dir(dir.path().join("departments")).unwrap();
    for (name, bytes) in files {
        fs::write(dir.path().join("departments").join(name), bytes).unwrap();
    }
    run(dir.path())
}

fn run(dir: &Path) -> (i32, Vec<Found>) {
    let out = Command::new(env!("CARGO_BIN_EXE_resplist"))
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
        "invalid basic string",
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
        "`shuizhі` is not a valid service id",
    );
}

/// Found by the `department` fuzz target: a lone CR and NULs before a two-byte character on the
/// same line made the quoted line's spans cut that character, and the snippet renderer panicked.
#[test]
fn regression_control_characters_before_a_multibyte_character() {
    let bytes = b"# The file st\0\0\0\0`envir\rrtment\xd9\x8c id.\0\0\rhdn.\nname = \"x\"\n";
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("resplist.toml"), SITE).unwrap();
    fs::create_dir(dir.path().join("departments")).unwrap();
    fs::write(dir.path().join("departments/a.toml"), bytes).unwrap();
    let human = Command::new(env!("CARGO_BIN_EXE_resplist"))
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
