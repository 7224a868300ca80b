//! CLI snapshot tests: every `tests/cmd/*.toml` case runs `resplist` in a fixture project and
//! compares exit code, stdout and stderr with the checked-in snapshots. Update the snapshots
//! after a deliberate change with `TRYCMD=overwrite cargo test --test testsuite cli`.

#[test]
fn cli() {
    trycmd::TestCases::new().case("tests/cmd/*.toml");
}

/// Every command's `--help` is words, in both languages: no catalogue id shows through (an
/// argument's value name without its `help-value-…` message once did).
#[test]
fn every_help_is_words_not_ids() {
    let commands = [
        vec![],
        vec!["check"],
        vec!["build"],
        vec!["diff"],
        vec!["fmt"],
        vec!["schema"],
        vec!["init"],
        vec!["import"],
        vec!["serve"],
        vec!["new"],
        vec!["new", "department"],
    ];
    for language in ["zh-CN", "en"] {
        for command in &commands {
            let out = crate::common::command()
                .args(["--lang", language])
                .args(command)
                .arg("--help")
                .output()
                .unwrap();
            let help = String::from_utf8_lossy(&out.stdout);
            assert!(out.status.success(), "{command:?} {language}");
            assert!(!help.contains("help-"), "{command:?} {language}:\n{help}");
        }
    }
}
