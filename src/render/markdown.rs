//! Markdown fields (those of kind `Markdown` in the model's description) to HTML that is safe to
//! publish: raw HTML is shown as text, only http(s), mailto and tel links survive, and
//! images become links so the site never loads anything from elsewhere.

use pulldown_cmark::{CowStr, Event, LinkType, Options, Parser, Tag, TagEnd, html};

use crate::text::is_wide;

/// Renders CommonMark (with tables and strikethrough) to safe HTML.
pub fn to_html(source: &str) -> String {
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    let mut dropped_links = Vec::new();
    let mut in_image = false;
    let mut last_char = ' ';
    let events = Parser::new_ext(source, options).filter_map(|event| match event {
        Event::Text(text) => {
            last_char = text.chars().last().unwrap_or(last_char);
            if in_image && text.is_empty() {
                Some(Event::Text(CowStr::Borrowed("图片")))
            } else {
                Some(Event::Text(text))
            }
        }
        // A line break inside a Chinese paragraph is not a space (CommonMark assumes it is).
        Event::SoftBreak if is_wide(last_char) => None,
        Event::Html(raw) | Event::InlineHtml(raw) => Some(Event::Text(raw)),
        Event::Start(Tag::Link {
            link_type,
            dest_url,
            title,
            id,
        }) => open_link(&mut dropped_links, link_type, dest_url, title, id),
        // An image would be fetched from elsewhere: show its alt text as a link instead.
        Event::Start(Tag::Image {
            link_type,
            dest_url,
            title,
            id,
        }) => {
            in_image = true;
            open_link(&mut dropped_links, link_type, dest_url, title, id)
        }
        Event::End(TagEnd::Link) => close_link(&mut dropped_links),
        Event::End(TagEnd::Image) => {
            in_image = false;
            close_link(&mut dropped_links)
        }
        other => Some(other),
    });
    let mut out = String::with_capacity(source.len() * 3 / 2);
    html::push_html(&mut out, events);
    out
}

/// A link's opening tag when its address is safe; otherwise nothing (its text stays), and the
/// matching closing tag is dropped too.
fn open_link<'a>(
    dropped: &mut Vec<bool>,
    link_type: LinkType,
    dest_url: CowStr<'a>,
    title: CowStr<'a>,
    id: CowStr<'a>,
) -> Option<Event<'a>> {
    let safe = is_safe_url(&dest_url);
    dropped.push(!safe);
    safe.then_some(Event::Start(Tag::Link {
        link_type,
        dest_url,
        title,
        id,
    }))
}

fn close_link<'a>(dropped: &mut Vec<bool>) -> Option<Event<'a>> {
    (!dropped.pop().unwrap_or(false)).then_some(Event::End(TagEnd::Link))
}

/// Links a published list may carry: web pages, e-mail, phone numbers and in-page anchors.
pub fn is_safe_url(url: &str) -> bool {
    let url = url.trim();
    let lower: String = url.chars().take(8).flat_map(char::to_lowercase).collect();
    ["https://", "http://", "mailto:", "tel:"]
        .iter()
        .any(|s| lower.starts_with(s))
        || (url.starts_with('#') && !url.contains(':'))
}

#[cfg(test)]
mod tests {
    use super::to_html;

    #[test]
    fn raw_html_is_text() {
        let html = to_html("a <script>alert(1)</script> b\n\n<div onclick=\"x\">block</div>\n");
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("<div"), "{html}");
        assert!(html.contains("&lt;script&gt;"), "{html}");
    }

    #[test]
    fn unsafe_links_lose_their_link_but_keep_their_text() {
        let html = to_html(
            "[click](javascript:alert(1)) [data](data:text/html,x) [ok](https://example.org/)",
        );
        assert!(!html.contains("javascript:"), "{html}");
        assert!(!html.contains("data:"), "{html}");
        assert!(html.contains("click"), "{html}");
        assert!(
            html.contains("<a href=\"https://example.org/\">ok</a>"),
            "{html}"
        );
    }

    #[test]
    fn images_never_load() {
        let html = to_html("![水质图](https://example.org/a.png) ![x](javascript:1)");
        assert!(!html.contains("<img"), "{html}");
        assert!(
            html.contains("<a href=\"https://example.org/a.png\">水质图</a>"),
            "{html}"
        );
    }

    #[test]
    fn line_breaks_in_chinese_are_not_spaces() {
        assert_eq!(
            to_html("造成春江水体污染，\n城关段下游"),
            "<p>造成春江水体污染，城关段下游</p>\n"
        );
        assert_eq!(to_html("one\ntwo"), "<p>one\ntwo</p>\n");
    }

    #[test]
    fn markdown_still_works() {
        assert_eq!(to_html("**重点**"), "<p><strong>重点</strong></p>\n");
    }
}
