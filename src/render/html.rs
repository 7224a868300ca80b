//! The leaf every HTML output builds on: escaping, the site's words, and the theme's templates
//! with the context every page shares.

use std::collections::BTreeMap;

use anyhow::Context as _;
use serde::Serialize;
use tera::{Context, Tera};

use crate::msg;
use crate::theme::Theme;

/// HTML escaping for text and double- or single-quoted attributes. Unlike Tera's default it
/// leaves `/` alone, so relative links stay readable in the page source.
pub fn escape_html(input: &str) -> String {
    let mut out = String::with_capacity(input.len() + input.len() / 8);
    for c in input.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The site's own words in its language (the theme's `strings/<lang>.toml`), the templates' `t`.
#[derive(Debug, Clone, Serialize)]
#[serde(transparent)]
pub struct Words(BTreeMap<String, String>);

impl Words {
    pub fn new(words: BTreeMap<String, String>) -> Words {
        Words(words)
    }

    /// The word for `key`; the key itself when the strings lack it, so a gap shows on the page
    /// instead of failing the build.
    pub fn get<'a>(&'a self, key: &'a str) -> &'a str {
        self.0.get(key).map_or(key, String::as_str)
    }

    /// The word for `key` with `{n}` replaced by `n`: `主要职责 {n} 条`.
    pub fn count(&self, key: &str, n: usize) -> String {
        self.get(key).replace("{n}", &n.to_string())
    }
}

/// The theme's templates, with what every page's context shares: the words (`t`) and the site.
pub struct Html {
    tera: Tera,
    base: Context,
    /// The templates' sources, by name, for the fingerprint.
    templates: Vec<(String, String)>,
    /// The address the site is published at, ending in `/`, when it has one.
    pub base_url: Option<String>,
}

impl Html {
    pub fn new(
        theme: &Theme,
        words: &Words,
        site: &impl Serialize,
        base_url: Option<String>,
    ) -> anyhow::Result<Html> {
        let mut tera = Tera::default();
        tera.set_escape_fn(escape_html);
        let templates: Vec<(String, String)> = theme
            .templates()
            .map(|(name, source)| (name.to_string(), source.to_string()))
            .collect();
        tera.add_raw_templates(templates.clone())
            .context(msg!("theme-template-errors"))?;
        let mut base = Context::new();
        base.insert("t", words);
        base.insert("site", site);
        Ok(Html {
            tera,
            base,
            templates,
            base_url,
        })
    }

    /// A template with the shared context plus `extra`, for a document `depth` folders deep.
    pub fn fragment(&self, template: &str, depth: usize, extra: Context) -> anyhow::Result<String> {
        let mut cx = self.base.clone();
        cx.insert("root", &"../".repeat(depth));
        cx.extend(extra);
        self.render(template, cx)
    }

    /// A page at `path`: its title, the navigation entry it belongs to and, when the site's
    /// address is known, its canonical address.
    pub fn page(
        &self,
        template: &str,
        path: &str,
        title: &str,
        current: &str,
        extra: Context,
    ) -> anyhow::Result<String> {
        let mut cx = Context::new();
        cx.insert("page_title", title);
        cx.insert("current", current);
        if let Some(url) = self.url(path) {
            cx.insert("canonical", &url);
        }
        cx.extend(extra);
        self.fragment(template, path.matches('/').count(), cx)
            .with_context(|| msg!("cannot-render-page", path = path))
    }

    /// The published address of `path` (`boundaries/index.html` is `…/boundaries/`).
    pub fn url(&self, path: &str) -> Option<String> {
        let public = path.strip_suffix("index.html").unwrap_or(path);
        self.base_url.as_ref().map(|base| format!("{base}{public}"))
    }

    /// The shared context alone, for a template that sets `root` itself.
    pub fn base(&self) -> Context {
        self.base.clone()
    }

    /// The templates' sources, by name.
    pub fn templates(&self) -> &[(String, String)] {
        &self.templates
    }

    pub fn render(&self, template: &str, cx: Context) -> anyhow::Result<String> {
        self.tera
            .render(template, &cx)
            .with_context(|| msg!("cannot-render-template", template = template))
    }
}
