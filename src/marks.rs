//! The marks of a document, found in one pass: every place where something other than
//! running Han text stands, sorted into the kinds that later passes walk (breaks for
//! items and headings, quotes, numerals) so that none decodes every character again.
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

use crate::chars::{is_break, is_numeral, is_quote};
use crate::sorted::Sorted;
use std::ops::Range;

/// The marks of each kind that a later pass walks.
pub(crate) struct Kinds {
    /// Those after which a heading or an item may start (see [`is_break`]).
    pub breaks: Marks,
    /// Quotes, brackets and line breaks, for [`crate::sentences::protected`].
    pub quotes: Marks,
    /// Digits and Chinese numerals, and the first of each run of ASCII letters and digits:
    /// where a number may start.
    pub numerals: Marks,
}

impl Kinds {
    /// The marks of each kind in `text[range]` (offsets into `text`), found in one pass.
    pub(crate) fn of(text: &str, range: Range<usize>) -> Self {
        let bytes = &text.as_bytes()[range.clone()];
        let mut kinds = Kinds {
            breaks: Marks::with_capacity(bytes.len() / 64),
            quotes: Marks::with_capacity(bytes.len() / 128),
            numerals: Marks::with_capacity(bytes.len() / 64),
        };
        let mut after_alphanumeric = false;
        let mut i = 0;
        // Decoded by hand: a basic Han character is three bytes with a lead from `E4` to
        // `E9`, looked up in a bitmap; everything else but ASCII letters and digits
        // after another is a mark.
        while let Some(&lead) = bytes.get(i) {
            let byte = |k: usize| u32::from(bytes.get(i + k).map_or(0, |b| b & 0x3F));
            let (mark, len) = match lead {
                0x00..=0x7F => {
                    let alphanumeric = lead.is_ascii_alphanumeric();
                    let mark = !(alphanumeric && after_alphanumeric);
                    after_alphanumeric = alphanumeric;
                    (mark.then_some(char::from(lead)), 1)
                }
                0xE0..=0xEF => {
                    after_alphanumeric = false;
                    let code = (u32::from(lead & 0x0F) << 12) | (byte(1) << 6) | byte(2);
                    let han = (0x4E00..=0x9FFF).contains(&code);
                    let mark = !han || HAN_MARKS.contains(code);
                    (mark.then(|| char::from_u32(code)).flatten(), 3)
                }
                _ => {
                    after_alphanumeric = false;
                    let c = text[range.start + i..].chars().next();
                    (c, c.map_or(1, char::len_utf8))
                }
            };
            if let Some(c) = mark {
                let at = range.start + i;
                if is_break(c) {
                    kinds.breaks.push(at, c);
                }
                if c == '\n' || is_quote(c) {
                    kinds.quotes.push(at, c);
                }
                if c.is_ascii_alphanumeric() || is_numeral(c) {
                    kinds.numerals.push(at, c);
                }
            }
            i += len;
        }
        kinds
    }
}

/// The marks of a stretch of text: their sorted byte offsets, and their chars.
pub(crate) struct Marks {
    at: Sorted<usize>,
    chars: Vec<char>,
}

impl Marks {
    fn with_capacity(capacity: usize) -> Self {
        Marks {
            at: Sorted::new(Vec::with_capacity(capacity)),
            chars: Vec::with_capacity(capacity),
        }
    }

    fn push(&mut self, at: usize, c: char) {
        self.at.push(at);
        self.chars.push(c);
    }

    /// Each mark inside `range` with its char.
    pub(crate) fn chars(&self, range: Range<usize>) -> impl Iterator<Item = (usize, char)> + '_ {
        let (at, chars) = self.slices(range);
        at.iter().copied().zip(chars.iter().copied())
    }

    /// The offsets and the chars of the marks inside `range`.
    pub(crate) fn slices(&self, range: Range<usize>) -> (&[usize], &[char]) {
        let indices = self.at.indices_within(range);
        (&self.at.all()[indices.clone()], &self.chars[indices])
    }
}

/// The Han characters of the basic block that are marks.
static HAN_MARKS: HanSet = HanSet::of(&[
    '零', '一', '二', '两', '三', '四', '五', '六', '七', '八', '九', '十', '百', '千', '万', '亿',
    '页',
]);

/// A set of characters of the basic Han block (U+4E00–U+9FFF), one bit each.
struct HanSet([u64; 0x5200 / 64]);

impl HanSet {
    const fn of(chars: &[char]) -> Self {
        let mut bits = [0u64; 0x5200 / 64];
        let mut i = 0;
        while i < chars.len() {
            let offset = chars[i] as usize - 0x4E00;
            bits[offset / 64] |= 1 << (offset % 64);
            i += 1;
        }
        HanSet(bits)
    }

    fn contains(&self, code: u32) -> bool {
        let offset = code.wrapping_sub(0x4E00) as usize;
        self.0
            .get(offset / 64)
            .is_some_and(|word| word & (1 << (offset % 64)) != 0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chars::is_chinese_numeral;

    fn kind(text: &str, pick: impl Fn(&Kinds) -> &Marks) -> Vec<&str> {
        let kinds = Kinds::of(text, 0..text.len());
        pick(&kinds)
            .chars(0..text.len())
            .map(|(at, c)| &text[at..at + c.len_utf8()])
            .collect()
    }

    #[test]
    fn sorts_marks_into_breaks_quotes_and_numerals() {
        let text = "开展活动200余场，覆盖“群众”。PM2.5 第3页\n（一）三千人";
        assert_eq!(kind(text, |k| &k.breaks), ["。", " ", "页", "\n", "）"]);
        assert_eq!(kind(text, |k| &k.quotes), ["“", "”", "\n", "（", "）"]);
        assert_eq!(
            kind(text, |k| &k.numerals),
            ["2", "P", "5", "3", "一", "三", "千"]
        );
    }

    #[test]
    fn every_chinese_numeral_is_a_numeral_mark() {
        let numerals: String = ('\u{4e00}'..='\u{9fff}')
            .filter(|&c| is_chinese_numeral(c))
            .collect();
        assert_eq!(kind(&numerals, |k| &k.numerals).concat(), numerals);
    }

    #[test]
    fn within_takes_the_marks_of_a_range() {
        let text = "甲，乙。丙；";
        let kinds = Kinds::of(text, 0..text.len());
        let within = |range: Range<usize>| kinds.breaks.slices(range).0.to_vec();
        assert_eq!(within(9..18), [9, 15]);
        assert_eq!(within(10..15), [] as [usize; 0]);
        // Out of order, as well.
        assert_eq!(within(0..10), [9]);
    }

    proptest::proptest! {
        /// The hand decoding agrees with the definition of a mark and of each kind, on
        /// any text.
        #[test]
        fn agrees_with_the_definition(text in "[一-龥㐀-䷿a-z0-9 ，。“”（）\\n\\PC]{0,40}") {
            let mut after_alphanumeric = false;
            let marks: Vec<(usize, char)> = text
                .char_indices()
                .filter(|&(_, c)| {
                    let alphanumeric = c.is_ascii_alphanumeric();
                    let mark = match c {
                        '\u{4e00}'..='\u{9fff}' => is_chinese_numeral(c) || c == '页',
                        _ => !(alphanumeric && after_alphanumeric),
                    };
                    after_alphanumeric = alphanumeric;
                    mark
                })
                .collect();
            let kinds = Kinds::of(&text, 0..text.len());
            let expect = |keep: &dyn Fn(char) -> bool| -> Vec<(usize, char)> {
                marks.iter().copied().filter(|&(_, c)| keep(c)).collect()
            };
            let found = |m: &Marks| -> Vec<(usize, char)> { m.chars(0..text.len()).collect() };
            proptest::prop_assert_eq!(found(&kinds.breaks), expect(&is_break));
            proptest::prop_assert_eq!(found(&kinds.quotes), expect(&|c| c == '\n' || is_quote(c)));
            proptest::prop_assert_eq!(
                found(&kinds.numerals),
                expect(&|c| c.is_ascii_alphanumeric() || is_numeral(c))
            );
        }
    }
}
