//! Chinese (full-width) punctuation typed where TOML needs ASCII: `title = “…”`, a `，` in a
//! list, `＝`, `［［sections］］`, a full-width space. A clerk types them with a Chinese input
//! method, or pastes them from Word. Each is named at its character, with the character to type
//! instead; the text is then repaired (each mark replaced by its ASCII one, padded with spaces to
//! the same length, so every byte offset stays put) and parsed on, so that one mistake gives one
//! error and the rest of the file is still checked.

use std::ops::Range;

use crate::i18n::Message;
use crate::msg;

/// One Chinese mark found outside strings and comments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mark {
    /// The byte range of the mark (of both quotes, for a pair of Chinese quotes).
    pub span: Range<usize>,
    pub message: Message,
    pub label: Message,
}

/// The marks of `text`, and the text repaired.
pub fn repair(text: &str) -> (String, Vec<Mark>) {
    let found = scan(text);
    if found.is_empty() {
        return (text.to_string(), Vec::new());
    }
    let mut repaired = text.to_string();
    // Marks side by side (`［［`, `］］`) are replaced together, with the padding on the outer
    // side of the run, so that `［［sections］］` becomes `    [[sections]]    `.
    let mut i = 0;
    while let Some(&(start, first)) = found.get(i) {
        let mut end = start + first.len_utf8();
        let mut ascii = String::new();
        while let Some(&(at, c)) = found.get(i)
            && (at == start || (at == end && !is_quote(c) && !is_quote(first)))
        {
            ascii.push(ascii_for(c).unwrap_or(' '));
            end = at + c.len_utf8();
            i += 1;
        }
        let padding = " ".repeat(end - start - ascii.len());
        let replacement = if opens(first) {
            format!("{padding}{ascii}")
        } else {
            format!("{ascii}{padding}")
        };
        repaired.replace_range(start..end, &replacement);
    }
    (repaired, marks(text, &found))
}

/// The full-width marks outside strings and comments, by byte offset. A value written without
/// quotes (`name = 春江县，人民政府`) is text the clerk meant, not punctuation: the parser names
/// it, so its line is skipped.
fn scan(text: &str) -> Vec<(usize, char)> {
    let mut out = Vec::new();
    let mut state = State::Code;
    let mut after_equals = false;
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        let rest = &text[at..];
        if state == State::Code && after_equals && !matches!(c, ' ' | '\t' | '\u{3000}') {
            after_equals = false;
            if !starts_value(rest) {
                state = State::Unquoted;
            }
        }
        state = match state {
            State::Code => match c {
                '#' => State::Comment,
                '"' if rest.starts_with("\"\"\"") => {
                    skip(&mut chars, 2);
                    State::MultiBasic
                }
                '"' => State::Basic,
                '\'' if rest.starts_with("'''") => {
                    skip(&mut chars, 2);
                    State::MultiLiteral
                }
                '\'' => State::Literal,
                c => {
                    if ascii_for(c).is_some() {
                        out.push((at, c));
                    }
                    if matches!(c, '=' | '＝' | '：') {
                        after_equals = true;
                    }
                    State::Code
                }
            },
            State::Comment | State::Unquoted if c == '\n' => State::Code,
            State::Basic if c == '\\' => {
                skip(&mut chars, 1);
                State::Basic
            }
            State::Basic if c == '"' || c == '\n' => State::Code,
            State::Literal if c == '\'' || c == '\n' => State::Code,
            State::MultiBasic if c == '\\' => {
                skip(&mut chars, 1);
                State::MultiBasic
            }
            State::MultiBasic if rest.starts_with("\"\"\"") => {
                skip(&mut chars, 2);
                State::Code
            }
            State::MultiLiteral if rest.starts_with("'''") => {
                skip(&mut chars, 2);
                State::Code
            }
            other => other,
        };
    }
    out
}

/// Whether a value can start here: a string, list or table (with ASCII or Chinese marks), a
/// number, a date or a boolean. Anything else is text without quotes.
fn starts_value(rest: &str) -> bool {
    let Some(c) = rest.chars().next() else {
        return true;
    };
    matches!(
        c,
        '"' | '\''
            | '['
            | '{'
            | '“'
            | '‘'
            | '＂'
            | '＇'
            | '［'
            | '｛'
            | '+'
            | '-'
            | '\n'
            | '\r'
            | '#'
    ) || c.is_ascii_digit()
        || ["true", "false", "inf", "nan"]
            .iter()
            .any(|word| rest.starts_with(word))
}

fn skip(chars: &mut std::iter::Peekable<std::str::CharIndices<'_>>, n: usize) {
    for _ in 0..n {
        chars.next();
    }
}

/// Where the scanner is.
#[derive(Clone, Copy, PartialEq, Eq)]
enum State {
    Code,
    Comment,
    Basic,
    Literal,
    MultiBasic,
    MultiLiteral,
    /// A value without quotes, up to the end of its line.
    Unquoted,
}

/// The ASCII character a full-width mark stands for in TOML.
fn ascii_for(c: char) -> Option<char> {
    Some(match c {
        '“' | '”' | '＂' => '"',
        '‘' | '’' | '＇' => '\'',
        '，' => ',',
        '：' | '＝' => '=',
        '［' => '[',
        '］' => ']',
        '｛' => '{',
        '｝' => '}',
        '\u{3000}' => ' ',
        _ => return None,
    })
}

/// Chinese quotes, which pair with each other rather than run together with other marks.
fn is_quote(c: char) -> bool {
    matches!(c, '“' | '”' | '‘' | '’' | '＂' | '＇')
}

/// Marks that open something: their padding goes before them.
fn opens(c: char) -> bool {
    matches!(c, '“' | '‘' | '［' | '｛')
}

/// What each mark is called.
fn name(c: char) -> Message {
    match c {
        '“' | '”' | '＂' => msg!("cn-name-quote"),
        '‘' | '’' | '＇' => msg!("cn-name-single-quote"),
        '，' => msg!("cn-name-comma"),
        '：' => msg!("cn-name-colon"),
        '＝' => msg!("cn-name-equals"),
        '［' | '］' => msg!("cn-name-bracket"),
        '｛' | '｝' => msg!("cn-name-brace"),
        _ => msg!("cn-name-space"),
    }
}

/// One mark per mistake: marks side by side (`［［`) are one, and so are a Chinese opening quote
/// and the closing one after it on the same line (the text between them was meant as a string).
fn marks(text: &str, found: &[(usize, char)]) -> Vec<Mark> {
    let line = |at: usize| text[..at].matches('\n').count() + 1;
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(&(at, c)) = found.get(i) {
        i += 1;
        let closing = match c {
            '“' => Some('”'),
            '‘' => Some('’'),
            _ => None,
        };
        if let Some(closing) = closing
            && let Some(&(end, next)) = found.get(i)
            && (next == closing || next == c)
            && !text[at..end].contains('\n')
        {
            i += 1;
            let wanted = ascii_for(c).unwrap_or('"').to_string();
            out.push(Mark {
                span: at..end + next.len_utf8(),
                message: msg!(
                    "cn-quotes",
                    line = line(at),
                    open = c.to_string(),
                    close = next.to_string(),
                    wanted = &wanted
                ),
                label: msg!("cn-punct-label", wanted = msg!("cn-char", char = &wanted)),
            });
            continue;
        }
        let mut run = c.to_string();
        while let Some(&(next_at, next)) = found.get(i)
            && next_at == at + run.len()
            && !is_quote(next)
            && !is_quote(c)
        {
            run.push(next);
            i += 1;
        }
        let ascii: String = run.chars().filter_map(ascii_for).collect();
        let wanted = if ascii.trim().is_empty() {
            msg!("cn-half-width-space")
        } else {
            msg!("cn-char", char = ascii.trim())
        };
        let names: Vec<Message> = run.chars().map(name).collect();
        let name = match names.split_first() {
            Some((first, rest)) if rest.iter().all(|n| n == first) => first.clone(),
            _ => msg!("cn-name-marks"),
        };
        out.push(Mark {
            span: at..at + run.len(),
            message: msg!(
                "cn-punct",
                line = line(at),
                name = name,
                typed = run.as_str(),
                wanted = wanted.clone()
            ),
            label: msg!("cn-punct-label", wanted = wanted),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(text: &str) -> Vec<(Range<usize>, &'static str)> {
        repair(text)
            .1
            .into_iter()
            .map(|m| (m.span, m.message.id))
            .collect()
    }

    #[test]
    fn chinese_quotes_are_one_mark_and_repaired_to_the_same_length() {
        let text = "title = “每月发布”\n";
        let (repaired, marks) = repair(text);
        assert_eq!(repaired.len(), text.len());
        assert_eq!(repaired, "title =   \"每月发布\"  \n");
        assert_eq!(marks.len(), 1);
        assert_eq!(&text[marks[0].span.clone()], "“每月发布”");
    }

    #[test]
    fn punctuation_inside_strings_and_comments_is_text() {
        assert!(ids("title = \"他说“你好”，再见\" # 注释：“这里”\n").is_empty());
        assert!(ids("summary = \"\"\"\n第一行，第二行：“引号”\n\"\"\"\n").is_empty());
        assert!(ids("name = '张三，李四'\n").is_empty());
    }

    #[test]
    fn each_mark_is_named_at_its_character() {
        let text = "basis = [\"三定方案\"，\"法\"]\nname ＝ \"x\"\n［［sections］］\n";
        let found = ids(text);
        let at = |s: &str| text.find(s).unwrap_or(0);
        assert_eq!(
            found,
            [
                (at("，")..at("，") + 3, "cn-punct"),
                (at("＝")..at("＝") + 3, "cn-punct"),
                (at("［")..at("［") + 6, "cn-punct"),
                (at("］")..at("］") + 6, "cn-punct"),
            ]
        );
        let (repaired, _) = repair(text);
        assert!(repaired.contains("    [[sections]]    "), "{repaired}");
        assert!(
            toml::from_str::<toml::Table>(&repaired).is_ok(),
            "{repaired}"
        );
    }

    #[test]
    fn text_without_quotes_is_left_to_the_parser() {
        assert!(ids("name = 春江县，人民政府：好\n").is_empty());
        assert_eq!(ids("name ＝ 春江县，人民政府\n").len(), 1);
        // The next line is read again.
        assert_eq!(ids("name = 春江，县\nbasis = [\"a\"，\"b\"]\n").len(), 1);
    }

    #[test]
    fn a_colon_for_an_equals_sign_is_repaired() {
        let (repaired, marks) = repair("name：\"春江县\"\n");
        assert_eq!(marks.len(), 1);
        assert!(
            toml::from_str::<toml::Table>(&repaired).is_ok(),
            "{repaired}"
        );
        // The colon and the quotes after it are two mistakes, the quotes one pair.
        let (repaired, marks) = repair("section：“wrfz”\n");
        assert_eq!(marks.len(), 2);
        assert_eq!(
            toml::from_str::<toml::Table>(&repaired)
                .ok()
                .and_then(|t| t.get("section").cloned()),
            Some(toml::Value::from("wrfz"))
        );
    }

    #[test]
    fn strings_of_every_kind_are_skipped() {
        assert!(ids("s = '''\n甲，乙\n'''\n").is_empty());
        assert!(ids("s = \"a\\\"，\"\n").is_empty());
        assert_eq!(ids("s = \"a\"\nt = [1，2]\n").len(), 1);
    }

    #[test]
    fn messages_name_the_line() {
        let (_, marks) = repair("a = 1\nb ＝ 2\n");
        let message = marks[0].message.text(crate::model::Language::En);
        assert!(message.contains("line 2"), "{message}");
        assert!(message.contains('＝'), "{message}");
    }
}
