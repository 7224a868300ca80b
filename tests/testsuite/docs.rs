//! The docs must not drift from the code: README's table of check codes is generated from
//! `Code::ALL`. After adding a code, paste the new table (the assertion prints it) into README.

use crate::common::repo;

#[test]
fn readme_lists_every_check_code() {
    let readme = std::fs::read_to_string(repo().join("README.md")).unwrap();
    let start = readme
        .find("<!-- codes:start -->\n")
        .expect("README has a codes:start marker")
        + "<!-- codes:start -->\n".len();
    let end = readme
        .find("<!-- codes:end -->")
        .expect("README has a codes:end marker");
    let table = resplist::diagnostic::code_table(resplist::model::Language::En);
    assert_eq!(
        &readme[start..end],
        table,
        "README's table of codes is out of date; it should be:\n{table}"
    );
}

#[test]
fn codes_are_unique_and_well_formed() {
    let mut seen = std::collections::HashSet::new();
    for code in resplist::diagnostic::Code::ALL {
        let s = code.as_str();
        assert!(seen.insert(s), "{s} twice");
        assert_eq!(s.len(), 5);
        let prefix = match code.severity() {
            resplist::diagnostic::Severity::Error => 'E',
            resplist::diagnostic::Severity::Warning => 'W',
        };
        assert!(
            s.starts_with(prefix),
            "{s}: the letter must match the severity"
        );
    }
}
