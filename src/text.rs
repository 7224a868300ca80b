//! How wide text is on screen, for every stage that lines text up: fmt's line widths, the
//! diagrams' label boxes, Markdown's line breaks between Chinese characters; and the ASCII a
//! Chinese input method's full-width characters stand for.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// The columns `text` takes in a terminal or editor: CJK and full-width characters take two.
pub fn width(text: &str) -> usize {
    text.width()
}

/// Whether `c` takes two columns, as CJK characters and full-width punctuation do.
pub fn is_wide(c: char) -> bool {
    c.width() == Some(2)
}

/// The ASCII character a full-width one (typed with a Chinese input method: `ｇ`, `１`, `－`,
/// the full-width space) stands for.
pub fn half_width_char(c: char) -> Option<char> {
    match c {
        '\u{3000}' => Some(' '),
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0),
        _ => None,
    }
}

/// `text` with every full-width character replaced by its ASCII one.
pub fn half_width(text: &str) -> String {
    text.chars()
        .map(|c| half_width_char(c).unwrap_or(c))
        .collect()
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

    #[test]
    fn full_width_characters_have_their_ascii() {
        assert_eq!(half_width("zhjｇ１－ａ\u{3000}中"), "zhjg1-a 中");
        assert_eq!(half_width_char('，'), Some(','));
        assert_eq!(half_width_char('中'), None);
    }
}
