//! Files as editors and file systems really leave them: BOMs, CRLF, GBK, empty files, folders
//! named `*.toml`, symlink loops, links out of the project, huge files. Each must give a clear
//! diagnostic (or be accepted), never a panic.

use std::fs;
use std::path::Path;
use std::process::Output;

use crate::common::{SITE, command, project, stdout};

const DEPARTMENT: &str = "name = \"测试县环境保护局\"\n\n[[sections]]\nid = \"wrfz\"\nname = \"污染防治科\"\nphone = \"0000-6310 0001\"\n\n[[duties]]\nid = \"d01\"\ntitle = \"负责水污染防治。\"\nbasis = [\"三定方案\"]\n\n  [[duties.items]]\n  text = \"查处偷排污水。\"\n  section = \"wrfz\"\n\n[[services]]\nid = \"shuizhi\"\ntitle = \"发布水质信息\"\ncategory = \"basic\"\n";

fn check(dir: &Path, extra: &[&str]) -> Output {
    command()
        .arg("check")
        .arg(dir)
        .args(["--color", "never"])
        .args(extra)
        .output()
        .unwrap()
}

#[test]
fn utf8_bom_is_accepted_and_columns_ignore_it() {
    let dir = project(&[]);
    let text = format!(
        "\u{feff}{}",
        DEPARTMENT.replace("section = \"wrfz\"", "section = \"wrfzz\"")
    );
    fs::write(dir.path().join("departments/huanbao.toml"), text).unwrap();
    let out = check(dir.path(), &[]);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(
        text.contains("error[E0107]: unknown section `wrfzz`"),
        "{text}"
    );
    assert!(text.contains("departments/huanbao.toml:15:13"), "{text}");
}

#[test]
fn crlf_line_endings_are_accepted() {
    let dir = project(&[]);
    fs::write(
        dir.path().join("departments/huanbao.toml"),
        DEPARTMENT.replace('\n', "\r\n"),
    )
    .unwrap();
    let out = check(dir.path(), &[]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert!(stdout(&out).contains("0 errors, 0 warnings"));
}

#[test]
fn crlf_positions_are_right() {
    let dir = project(&[]);
    let text = DEPARTMENT
        .replace("section = \"wrfz\"", "section = \"x\"")
        .replace('\n', "\r\n");
    fs::write(dir.path().join("departments/huanbao.toml"), text).unwrap();
    let out = check(dir.path(), &[]);
    assert!(
        stdout(&out).contains("departments/huanbao.toml:15:13"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn gbk_file_gets_the_iconv_fix() {
    let dir = project(&[]);
    // `name = "环保局"` saved by an editor in GBK.
    let mut bytes = b"name = \"".to_vec();
    bytes.extend_from_slice(&[0xBB, 0xB7, 0xB1, 0xA3, 0xBE, 0xD6]);
    bytes.extend_from_slice(b"\"\n");
    fs::write(dir.path().join("departments/huanbao.toml"), bytes).unwrap();
    let out = check(dir.path(), &[]);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(1));
    assert!(text.contains("error[E0001]"), "{text}");
    assert!(text.contains("GBK"), "{text}");
    assert!(
        text.contains("in Notepad or WPS, \"Save As\" with the encoding UTF-8"),
        "{text}"
    );
    assert!(text.contains("iconv -f GBK -t UTF-8"), "{text}");
    assert!(text.contains("departments/huanbao.toml:1:9"), "{text}");
}

#[test]
fn empty_file_is_an_error() {
    let dir = project(&[]);
    fs::write(dir.path().join("departments/huanbao.toml"), "").unwrap();
    let out = check(dir.path(), &[]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stdout(&out).contains("error[E0004]: the file is empty"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn folder_named_toml_is_an_error() {
    let dir = project(&[]);
    fs::write(dir.path().join("departments/huanbao.toml"), DEPARTMENT).unwrap();
    fs::create_dir(dir.path().join("departments/old.toml")).unwrap();
    let out = check(dir.path(), &[]);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(
        text.contains(&format!(
            "error[E0002]: `{}/departments/old.toml` is a folder, not a department file",
            dir.path().display()
        )),
        "{text}"
    );
}

#[cfg(unix)]
#[test]
fn symlink_loops_are_reported_not_followed_forever() {
    let dir = project(&[]);
    fs::write(dir.path().join("departments/huanbao.toml"), DEPARTMENT).unwrap();
    std::os::unix::fs::symlink("..", dir.path().join("departments/loop")).unwrap();
    std::os::unix::fs::symlink("self.toml", dir.path().join("departments/self.toml")).unwrap();
    let out = check(dir.path(), &[]);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(
        text.contains(&format!(
            "error[E0002]: this folder is a symbolic link that loops back to one of its parents\n--> {}/departments/loop\n",
            dir.path().display()
        )),
        "{text}"
    );
    assert!(
        text.contains(&format!(
            "error[E0002]: this is a symbolic link that points to itself or goes round in a loop of links\n--> {}/departments/self.toml\n",
            dir.path().display()
        )),
        "{text}"
    );
}

#[cfg(unix)]
#[test]
fn symlink_to_outside_the_project_is_not_followed() {
    let dir = project(&[]);
    let outside = tempfile::tempdir().unwrap();
    fs::write(outside.path().join("secret.toml"), DEPARTMENT).unwrap();
    fs::write(dir.path().join("departments/huanbao.toml"), DEPARTMENT).unwrap();
    std::os::unix::fs::symlink(
        outside.path().join("secret.toml"),
        dir.path().join("departments/secret.toml"),
    )
    .unwrap();
    let out = check(dir.path(), &[]);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert!(
        text.contains(&format!("warning[W0001]: `{}/departments/secret.toml` is a link to a file outside the project; it was not read", dir.path().display())),
        "{text}"
    );
    assert!(
        text.contains("help: copy the file into the project instead of linking to it"),
        "{text}"
    );
    assert!(
        text.contains("1 department,"),
        "the linked file must not be read: {text}"
    );
}

#[cfg(unix)]
#[test]
fn symlinked_folders_outside_the_project_are_not_followed() {
    let dir = project(&[]);
    let outside = tempfile::tempdir().unwrap();
    fs::write(outside.path().join("secret.toml"), DEPARTMENT).unwrap();
    fs::write(dir.path().join("departments/huanbao.toml"), DEPARTMENT).unwrap();
    std::os::unix::fs::symlink(outside.path(), dir.path().join("departments/more")).unwrap();
    // A linked folder inside the project is read.
    fs::create_dir(dir.path().join("shared")).unwrap();
    fs::write(dir.path().join("shared/gongan.toml"), DEPARTMENT).unwrap();
    std::os::unix::fs::symlink("../shared", dir.path().join("departments/shared")).unwrap();
    let out = check(dir.path(), &[]);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert!(
        text.contains(&format!("warning[W0001]: `{}/departments/more` is a link to a folder outside the project; nothing in it was read", dir.path().display())),
        "{text}"
    );
    assert!(text.contains("2 departments"), "{text}");
}

#[test]
fn missing_departments_folder_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("resplist.toml"), SITE).unwrap();
    let out = check(dir.path(), &[]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout(&out).contains("error[E0005]"), "{}", stdout(&out));
}

#[test]
fn missing_project_cannot_run() {
    let dir = tempfile::tempdir().unwrap();
    let out = check(dir.path(), &[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no resplist.toml"));
    let out = check(&dir.path().join("nowhere"), &[]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn huge_file_is_refused_without_reading_it_all() {
    let dir = project(&[]);
    fs::write(dir.path().join("departments/huanbao.toml"), DEPARTMENT).unwrap();
    let big = fs::File::create(dir.path().join("departments/dump.toml")).unwrap();
    // Sparse: takes no disk space, but is larger than the limit.
    big.set_len(resplist::load::MAX_FILE_BYTES + 1).unwrap();
    let out = check(dir.path(), &[]);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(
        text.contains("error[E0003]: the file is larger than 64 MiB"),
        "{text}"
    );
}

#[test]
fn large_file_under_the_limit_is_read() {
    let dir = project(&[]);
    let mut text = DEPARTMENT.to_string();
    for i in 0..20_000 {
        text.push_str(&format!(
            "\n  [[duties.items]]\n  text = \"第{i}项：查处偷排污水。\"\n  section = \"wrfz\"\n"
        ));
    }
    // The items above belong to the last duty; move services before them is not needed: TOML
    // tables after [[services]] would attach to it, so write the services last.
    let text = text.replacen(
        "\n[[services]]\nid = \"shuizhi\"\ntitle = \"发布水质信息\"\ncategory = \"basic\"\n",
        "\n",
        1,
    ) + "\n[[services]]\nid = \"shuizhi\"\ntitle = \"发布水质信息\"\ncategory = \"basic\"\n";
    fs::write(dir.path().join("departments/huanbao.toml"), text).unwrap();
    let out = check(dir.path(), &[]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert!(
        stdout(&out).contains("20001 work items"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn github_format_appends_the_full_report_to_the_step_summary() {
    let dir = project(&[]);
    fs::write(
        dir.path().join("departments/huanbao.toml"),
        DEPARTMENT.replace("section = \"wrfz\"", "section = \"x\""),
    )
    .unwrap();
    let summary = dir.path().join("summary.md");
    fs::write(&summary, "earlier step\n").unwrap();
    let out = command()
        .args(["check", "--format", "github"])
        .arg(dir.path())
        .env("GITHUB_STEP_SUMMARY", &summary)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    assert!(
        text.lines()
            .all(|l| l.starts_with("::") || l.starts_with("测试县")),
        "{text}"
    );
    assert!(text.contains("departments/huanbao.toml,line=15,col=13,endLine=15,endColumn=16,title=E0107 unknown section::"), "{text}");
    let md = fs::read_to_string(&summary).unwrap();
    assert!(md.starts_with("earlier step\n## resplist check"), "{md}");
    assert!(md.contains("| ❌ | E0107 |"), "{md}");
}

#[test]
fn deny_warnings_flips_the_exit_code() {
    let dir = project(&[]);
    fs::write(
        dir.path().join("departments/huanbao.toml"),
        DEPARTMENT.replace(
            "\n[[services]]\nid = \"shuizhi\"\ntitle = \"发布水质信息\"\ncategory = \"basic\"\n",
            "",
        ),
    )
    .unwrap();
    assert_eq!(check(dir.path(), &[]).status.code(), Some(0));
    let out = check(dir.path(), &["--deny-warnings"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout(&out).contains("error[W0206]"), "{}", stdout(&out));
}

#[test]
fn order_of_files_on_disk_does_not_matter() {
    let a = project(&[]);
    let b = project(&[]);
    let bad = DEPARTMENT.replace("section = \"wrfz\"", "section = \"x\"");
    for (dir, names) in [(&a, ["zz", "aa", "mm"]), (&b, ["mm", "zz", "aa"])] {
        for name in names {
            fs::write(dir.path().join(format!("departments/{name}.toml")), &bad).unwrap();
        }
    }
    let clean = |dir: &Path| stdout(&check(dir, &[])).replace(&dir.display().to_string(), "DIR");
    assert_eq!(clean(a.path()), clean(b.path()));
}
