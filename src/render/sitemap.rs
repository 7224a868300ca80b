//! `sitemap.xml`, made from the list of pages, when the site's address is known.

use tera::Context;

use super::html::Html;
use super::pages::Page;
use super::writer::Writer;

pub fn render(html: &Html, pages: &[Page<'_>], out: &Writer) -> anyhow::Result<()> {
    let mut urls: Vec<String> = pages.iter().filter_map(|p| html.url(&p.path)).collect();
    if urls.is_empty() {
        return Ok(());
    }
    urls.sort();
    let mut cx = Context::new();
    cx.insert("urls", &urls);
    let xml = html.render("sitemap.xml", cx)?;
    out.write("sitemap.xml", xml.as_bytes())
}
