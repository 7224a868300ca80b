//! `sitemap.xml`, made from the paths of the pages, when the site's address is known.

use tera::Context;

use super::html::Html;
use super::writer::Writer;

pub fn render<'p>(
    html: &Html,
    paths: impl Iterator<Item = &'p str>,
    out: &Writer,
) -> anyhow::Result<()> {
    let mut urls: Vec<String> = paths.filter_map(|p| html.url(p)).collect();
    if urls.is_empty() {
        return Ok(());
    }
    urls.sort();
    let mut cx = Context::new();
    cx.insert("urls", &urls);
    let xml = html.render("sitemap.xml", cx)?;
    out.write("sitemap.xml", xml.as_bytes())
}
