//! The phone-number grammar of FORMAT.md, in one place: `check` asks what is wrong with a
//! number, the pages and the search turn a valid one into a `tel:` link.
//!
//! A number is digits with spaces, hyphens, parentheses and a leading `+`, at least 5 digits,
//! optionally followed by an extension after `转` or `ext.` (`0571-6310 0001 转 8001`).

use crate::i18n::Message;
use crate::msg;

/// A phone number split into the number proper and its extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PhoneNumber<'a> {
    /// The number, without the extension.
    pub main: &'a str,
    /// What follows `转` or `ext.`, trimmed; `None` without a marker.
    pub extension: Option<&'a str>,
}

impl<'a> PhoneNumber<'a> {
    /// Splits at the first `转` or `ext` (any case, an optional `.` after it).
    pub fn split(text: &'a str) -> PhoneNumber<'a> {
        let text = text.trim();
        let ext = text.to_ascii_lowercase().find("ext");
        let zhuan = text.find('转');
        let at = match (ext, zhuan) {
            (Some(e), Some(z)) => Some(e.min(z)),
            (e, z) => e.or(z),
        };
        let Some(at) = at else {
            return PhoneNumber {
                main: text,
                extension: None,
            };
        };
        let marker = if text[at..].starts_with('转') {
            '转'.len_utf8()
        } else {
            3
        };
        let rest = text[at + marker..].trim_start();
        let rest = rest.strip_prefix('.').unwrap_or(rest);
        PhoneNumber {
            main: text[..at].trim_end(),
            extension: Some(rest.trim()),
        }
    }

    /// What is wrong with the number, in words a clerk can act on; `None` when it is valid.
    pub fn problem(text: &str) -> Option<Message> {
        let number = PhoneNumber::split(text);
        if let Some(ext) = number.extension
            && (ext.is_empty() || !ext.chars().all(|c| c.is_ascii_digit()))
        {
            return Some(msg!("phone-extension-digits"));
        }
        let body = number.main.strip_prefix('+').unwrap_or(number.main);
        if let Some(c) = body
            .chars()
            .find(|c| !(c.is_ascii_digit() || matches!(c, ' ' | '-' | '(' | ')')))
        {
            return Some(if c.is_numeric() {
                msg!("phone-full-width-digits")
            } else if matches!(c, '，' | ',' | '、' | ';' | '；' | '/') {
                msg!("phone-one-number")
            } else {
                msg!("phone-characters")
            });
        }
        if body.chars().filter(char::is_ascii_digit).count() < 5 {
            return Some(msg!("phone-too-short"));
        }
        None
    }

    /// The `tel:` link that dials the number (and, after a pause, the extension).
    pub fn tel(text: &str) -> String {
        let number = PhoneNumber::split(text);
        let mut tel: String = number
            .main
            .chars()
            .filter(|c| c.is_ascii_digit() || *c == '+')
            .collect();
        let extension: String = number
            .extension
            .unwrap_or("")
            .chars()
            .filter(char::is_ascii_digit)
            .collect();
        if !extension.is_empty() {
            tel.push(',');
            tel.push_str(&extension);
        }
        format!("tel:{tel}")
    }
}

#[cfg(test)]
mod tests {
    use super::PhoneNumber;

    #[test]
    fn valid_and_invalid_numbers() {
        for good in [
            "0571-6310 0001",
            "(0571) 63100001",
            "+86 571 6310 0001",
            "12345",
            "0571-6310 0001 转 8001",
            "0571-63100001 ext. 8001",
            "0571-63100001 EXT 8001",
        ] {
            assert_eq!(PhoneNumber::problem(good), None, "{good}");
        }
        for bad in [
            "1234",
            "0571-6310-000a",
            "０５７１６３１００００",
            "0571-1234567, 0571-7654321",
            "0571-6310 0001 转",
            "0571-6310 0001 转 abc",
            "",
            "+",
        ] {
            assert!(PhoneNumber::problem(bad).is_some(), "{bad}");
        }
    }

    #[test]
    fn numbers_become_tel_links() {
        assert_eq!(
            PhoneNumber::tel("0000-6301 0106 转 8001"),
            "tel:000063010106,8001"
        );
        assert_eq!(
            PhoneNumber::tel("+86 (571) 1234-5678"),
            "tel:+8657112345678"
        );
        assert_eq!(PhoneNumber::tel("0571-12345 ext. 12"), "tel:057112345,12");
    }
}
