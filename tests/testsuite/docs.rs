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

/// The clerks' guide, `docs/zh-CN/填写指南.md`.
fn guide() -> String {
    std::fs::read_to_string(repo().join("docs/zh-CN/填写指南.md")).unwrap()
}

#[test]
fn the_clerks_guide_names_every_field_with_its_chinese_label() {
    use resplist::model::describe::Described;
    let guide = guide();
    for root in [
        resplist::model::Department::description(),
        resplist::model::SiteFile::description(),
    ] {
        for entity in root.walk() {
            // The tables of the files themselves (`site`, `build`) are headings, not fields.
            for field in entity
                .fields
                .iter()
                .filter(|f| f.kind.nested().is_none() || f.key == "case")
            {
                assert!(
                    guide.contains(&format!("`{}`", field.key)),
                    "the guide does not explain `{}` ({})",
                    field.key,
                    field.zh
                );
                assert!(
                    guide.contains(field.zh),
                    "the guide does not call `{}` {}",
                    field.key,
                    field.zh
                );
            }
        }
    }
}

#[test]
fn the_readme_sends_clerks_to_their_guide_first() {
    let readme = std::fs::read_to_string(repo().join("README.md")).unwrap();
    let guide = readme
        .find("docs/zh-CN/填写指南.md")
        .expect("README links the clerks' guide");
    let first_heading = readme.find("\n## ").unwrap_or(readme.len());
    assert!(
        guide < first_heading,
        "the guide's link comes before the first section"
    );
    // And the templates `init` and `new` write point to it.
    for template in ["department.zh-CN.toml", "resplist.zh-CN.toml"] {
        let text =
            std::fs::read_to_string(repo().join("src/commands/templates").join(template)).unwrap();
        assert!(text.contains("填写指南"), "{template}");
    }
}
