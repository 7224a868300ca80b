//! How wide text is on screen, for every stage that lines text up: fmt's line widths, the
//! diagrams' label boxes, Markdown's line breaks between Chinese characters.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// The columns `text` takes in a terminal or editor: CJK and full-width characters take two.
pub fn width(text: &str) -> usize {
    text.width()
}

/// Whether `c` takes two columns, as CJK characters and full-width punctuation do.
pub fn is_wide(c: char) -> bool {
    c.width() == Some(2)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_and_full_width_take_two_columns() {
        assert_eq!(width("环保局"), 6);
        assert_eq!(width("a，b"), 4);
        assert_eq!(width("ＰＭ"), 4);
        assert_eq!(width("name = 1"), 8);
        assert!(is_wide('（') && is_wide('中') && !is_wide('a') && !is_wide('“'));
    }
}
