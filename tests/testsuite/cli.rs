//! CLI snapshot tests: every `tests/cmd/*.toml` case runs `resplist` in a fixture project and
//! compares exit code, stdout and stderr with the checked-in snapshots. Update the snapshots
//! after a deliberate change with `TRYCMD=overwrite cargo test --test testsuite cli`.

#[test]
fn cli() {
    trycmd::TestCases::new().case("tests/cmd/*.toml");
}
