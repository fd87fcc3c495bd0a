//! The marks of a document, found in one pass: every place where something other than
//! running Han text stands. Every later pass (quotes, items, headings, numbers) walks
//! these instead of decoding every character again.
//!
//! ```text
//! 开展活动200余场，覆盖“群众”。
//!         ^     ^ ^  ^ ^  ^^
//! ```
//!
//! A mark is any character except a Han character of the basic block (U+4E00–U+9FFF) and
//! an ASCII letter or digit that follows another one; Chinese numerals (`一` … `亿`) and
//! `页` (of page furniture) are marks although Han. Four characters in five of a report
//! are not marks.

use crate::chars::is_chinese_numeral;
use std::ops::Range;

/// The sorted byte offsets of the marks in a stretch of text.
pub(crate) struct Marks(Vec<usize>);

impl Marks {
    /// The marks of `text[range]` (offsets into `text`).
    pub(crate) fn new(text: &str, range: Range<usize>) -> Self {
        let slice = &text[range.clone()];
        let mut found = Vec::with_capacity(slice.len() / 16);
        let mut after_alphanumeric = false;
        for (i, c) in slice.char_indices() {
            let alphanumeric = c.is_ascii_alphanumeric();
            let mark = match c {
                '\u{4e00}'..='\u{9fff}' => is_chinese_numeral(c) || c == '页',
                _ => !(alphanumeric && after_alphanumeric),
            };
            after_alphanumeric = alphanumeric;
            if mark {
                found.push(range.start + i);
            }
        }
        Marks(found)
    }

    /// The offsets of the marks inside `range`.
    pub(crate) fn within(&self, range: Range<usize>) -> &[usize] {
        let from = self.0.partition_point(|&at| at < range.start);
        let to = self.0.partition_point(|&at| at < range.end).max(from);
        &self.0[from..to]
    }

    /// Each mark of `text` inside `range` with its character.
    pub(crate) fn chars<'t>(
        &'t self,
        text: &'t str,
        range: Range<usize>,
    ) -> impl Iterator<Item = (usize, char)> + 't {
        self.within(range)
            .iter()
            .filter_map(|&at| Some((at, text.get(at..)?.chars().next()?)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marks(text: &str) -> Vec<&str> {
        let marks = Marks::new(text, 0..text.len());
        marks
            .chars(text, 0..text.len())
            .map(|(at, c)| &text[at..at + c.len_utf8()])
            .collect()
    }

    #[test]
    fn finds_punctuation_numerals_and_the_first_of_ascii_runs() {
        assert_eq!(
            marks("开展活动200余场，覆盖“群众”。PM2.5 第3页"),
            ["2", "，", "“", "”", "。", "P", ".", "5", " ", "3", "页"]
        );
        assert_eq!(marks("三千人（一）"), ["三", "千", "（", "一", "）"]);
    }

    #[test]
    fn within_takes_the_marks_of_a_range() {
        let text = "甲，乙。丙；";
        let marks = Marks::new(text, 0..text.len());
        assert_eq!(marks.within(3..9), [3]);
        assert_eq!(marks.within(4..9), [] as [usize; 0]);
        assert_eq!(marks.within(9..18), [9, 15]);
    }
}
