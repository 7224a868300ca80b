//! The Markdown-to-HTML path: no panic, and nothing that could run or load in a page.
#![no_main]

use libfuzzer_sys::fuzz_target;

/// The names of a tag's attributes (outside quoted values).
fn attributes(tag: &str) -> Vec<String> {
    let mut quote = None;
    let chars: Vec<char> = tag.chars().collect();
    let mut names = Vec::new();
    for (i, c) in chars.iter().enumerate() {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(*c),
            (Some(q), c) if *c == q => quote = None,
            (None, c) if c.is_whitespace() => {
                let name: String = chars[i + 1..]
                    .iter()
                    .take_while(|c| c.is_ascii_alphanumeric() || **c == '-')
                    .collect();
                if chars.get(i + 1 + name.len()) == Some(&'=') {
                    names.push(name);
                }
            }
            _ => {}
        }
    }
    names
}

fuzz_target!(|text: &str| {
    let html = resplist::render::markdown::to_html(text).to_lowercase();
    // Real tags only: escaped text (`&lt;script`) is fine.
    for tag in html
        .split('<')
        .skip(1)
        .map(|t| t.split('>').next().unwrap_or(""))
    {
        assert!(
            !tag.starts_with("script") && !tag.starts_with("img") && !tag.starts_with("iframe"),
            "{tag}"
        );
        for name in attributes(tag) {
            assert!(
                !name.starts_with("on") && name != "src",
                "attribute {name} in {tag}"
            );
        }
        assert!(
            !tag.contains("href=\"javascript:") && !tag.contains("href=\"data:"),
            "{tag}"
        );
    }
});
