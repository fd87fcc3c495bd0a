//! The marks of a document, found in one pass: every place where something other than
//! running Han text stands, sorted into the kinds that later passes walk (breaks for
//! items and headings, quotes, numerals, the first chars of problem openers) so that none
//! decodes every character again.
//!
//! ```text
//! 开展活动200余场，覆盖“群众”。
//!         ^     ^ ^  ^ ^  ^^
//! ```
//!
//! A mark is any character except a Han character of the basic block (U+4E00–U+9FFF) and
//! an ASCII letter or digit that follows another one; Chinese numerals (`一` … `亿`), `页`
//! (of page furniture) and the first chars of the problem openers (`存` of `存在的问题`)
//! are marks although Han. Four characters in five of a report are not marks, and most of
//! the rest (`，` `、`) are of no kind: three-byte chars of no kind are skipped with one
//! bitmap lookup each (its bytes index the bitmap, no code point is assembled), ASCII runs
//! are read in a loop of their own, and the kinds of every mark are looked up in a table
//! and filed in blocks, without a branch on them.

use crate::chars::{RunSet, bmp_set, is_break, is_numeral, is_quote, three_byte_code};
use crate::lexicon::PROBLEM_OPENER_FIRSTS;
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
    /// The first chars of the phrases that open a passage about problems (see
    /// [`crate::lexicon::problem_opener_at`]): where one may start.
    pub openers: Marks,
}

impl Kinds {
    /// The marks of each kind in `text[range]` (offsets into `text`), found in one pass.
    pub(crate) fn of(text: &str, range: Range<usize>) -> Self {
        let bytes = &text.as_bytes()[range.clone()];
        // Sized for the marks of a long report; a short one holds more for its length (a
        // page of figures), which the floor of 64 keeps from growing step by step.
        let mut kinds = Kinds {
            breaks: Marks::with_capacity(bytes.len() / 64 + 64),
            quotes: Marks::with_capacity(bytes.len() / 128 + 64),
            numerals: Marks::with_capacity(bytes.len() / 64 + 64),
            openers: Marks::with_capacity(bytes.len() / 256 + 16),
        };
        let mut pending = Pending::new();
        // The bytes after the last mark filed: a slice that the patterns below take apart,
        // not an index whose every use is checked against the bytes' length.
        let mut rest = bytes;
        loop {
            // Three-byte chars of no kind (Han text but numerals, `，`, `、`): most chars.
            rest = &rest[KINDED.outside_len(rest)..];
            let at = range.end - rest.len();
            match *rest {
                [lead @ 0xE0..=0xEF, second, third, ref after @ ..] => {
                    rest = after;
                    if let Some(c) = char::from_u32(three_byte_code(lead, second, third)) {
                        pending.file(at, c, &mut kinds);
                    }
                }
                [0..=0x7F, ..] => rest = pending.file_ascii(at, rest, &mut kinds),
                [] => break,
                _ => {
                    let Some(c) = text[at..].chars().next() else {
                        break;
                    };
                    rest = &rest[c.len_utf8()..];
                    pending.file(at, c, &mut kinds);
                }
            }
        }
        pending.flush(&mut kinds);
        kinds
    }
}

/// Marks found and not yet filed, at most [`BLOCK`]: each is written to the block of
/// every kind and counted in those of its kinds, so that filing a mark takes no branch
/// on its kinds (which follow no pattern a branch predictor could learn).
struct Pending {
    at: [[usize; BLOCK]; KIND_COUNT],
    chars: [[char; BLOCK]; KIND_COUNT],
    len: [usize; KIND_COUNT],
    marks: usize,
}

/// The marks a [`Pending`] holds before they are filed.
const BLOCK: usize = 64;

impl Pending {
    fn new() -> Self {
        Pending {
            at: [[0; BLOCK]; KIND_COUNT],
            chars: [['\0'; BLOCK]; KIND_COUNT],
            len: [0; KIND_COUNT],
            marks: 0,
        }
    }

    /// Files the marks of the ASCII run at the start of `bytes` (at `at`), every char but
    /// a letter or digit after another one, and returns the bytes after it.
    fn file_ascii<'b>(&mut self, at: usize, bytes: &'b [u8], kinds: &mut Kinds) -> &'b [u8] {
        let mut rest = bytes;
        while let [byte @ 0..=0x7F, ref after @ ..] = *rest {
            self.file(at + (bytes.len() - rest.len()), char::from(byte), kinds);
            rest = after;
            if byte.is_ascii_alphanumeric() {
                let run = rest
                    .iter()
                    .take_while(|b| b.is_ascii_alphanumeric())
                    .count();
                rest = &rest[run..];
            }
        }
        rest
    }

    /// Files the mark `c` at `at` under each of its kinds.
    // Inlined: a call would cost as much as the filing.
    #[inline(always)]
    fn file(&mut self, at: usize, c: char, kinds: &mut Kinds) {
        let of = kinds_of(c);
        for kind in 0..KIND_COUNT {
            // Below BLOCK: a kind holds no more marks than the block. Kind `k` is bit `k`
            // of the kinds (`BREAK` … `OPENER`), in the order `flush` files them in.
            let len = self.len[kind] % BLOCK;
            self.at[kind][len] = at;
            self.chars[kind][len] = c;
            self.len[kind] = len + usize::from(of >> kind & 1);
        }
        self.marks += 1;
        if self.marks == BLOCK {
            self.flush(kinds);
        }
    }

    /// Files the pending marks under their kinds.
    fn flush(&mut self, kinds: &mut Kinds) {
        let Kinds {
            breaks,
            quotes,
            numerals,
            openers,
        } = kinds;
        for (kind, marks) in [breaks, quotes, numerals, openers].into_iter().enumerate() {
            let len = self.len[kind];
            marks.extend(&self.at[kind][..len], &self.chars[kind][..len]);
        }
        self.len = [0; KIND_COUNT];
        self.marks = 0;
    }
}

/// The kinds of a mark, one bit each.
const BREAK: u8 = 1;
const QUOTE: u8 = 2;
const NUMERAL: u8 = 4;
const OPENER: u8 = 8;
/// The number of kinds.
const KIND_COUNT: usize = 4;

/// The kinds `c` belongs to: [`BREAK`], [`QUOTE`], [`NUMERAL`] and [`OPENER`].
const fn kinds_by_definition(c: char) -> u8 {
    let mut kinds = 0;
    if is_break(c) {
        kinds |= BREAK;
    }
    if c == '\n' || is_quote(c) {
        kinds |= QUOTE;
    }
    if c.is_ascii_alphanumeric() || is_numeral(c) {
        kinds |= NUMERAL;
    }
    if PROBLEM_OPENER_FIRSTS.contains_code(c as u32) {
        kinds |= OPENER;
    }
    kinds
}

/// The kinds of `c`: looked up by its code point in the Basic Multilingual Plane; the
/// chars above it have none.
fn kinds_of(c: char) -> u8 {
    KINDS.get(c as usize).copied().unwrap_or(0)
}

/// [`kinds_by_definition`] of every char of the Basic Multilingual Plane, by code point:
/// one load (64 KiB, of which a pass touches the lines of ASCII, punctuation and the
/// numerals).
static KINDS: [u8; 0x10000] = {
    let mut kinds = [0; 0x10000];
    let mut code = 0;
    while code < 0x10000 {
        if let Some(c) = char::from_u32(code as u32) {
            kinds[code] = kinds_by_definition(c);
        }
        code += 1;
    }
    kinds
};

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

    /// Adds marks after all others.
    fn extend(&mut self, at: &[usize], chars: &[char]) {
        self.at.extend_from_slice(at);
        self.chars.extend_from_slice(chars);
    }

    /// Each mark inside `range` with its char.
    pub(crate) fn chars(&self, range: Range<usize>) -> impl Iterator<Item = (usize, char)> + '_ {
        let (at, chars) = self.slices(range);
        at.iter().copied().zip(chars.iter().copied())
    }

    /// The offsets and the chars of the marks from `start` on, to the end.
    pub(crate) fn slices_from(&self, start: usize) -> (&[usize], &[char]) {
        let first = self.at.indices_within(start..start).start;
        (&self.at.all()[first..], &self.chars[first..])
    }

    /// The offsets and the chars of the marks inside `range`.
    pub(crate) fn slices(&self, range: Range<usize>) -> (&[usize], &[char]) {
        let indices = self.at.indices_within(range);
        (&self.at.all()[indices.clone()], &self.chars[indices])
    }
}

/// The chars of the Basic Multilingual Plane that are marks of some kind: the one bit
/// the skip loop tests per char ([`KINDS`] has the kinds themselves).
static KINDED: RunSet = RunSet::of(&bmp_set!(|c| kinds_by_definition(c) != 0));

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
    fn files_the_first_chars_of_the_problem_openers() {
        let text = "还存在不足，面临困难和挑战";
        assert_eq!(kind(text, |k| &k.openers), ["还", "存", "不", "面", "困"]);
    }

    #[test]
    fn every_chinese_numeral_is_a_numeral_mark() {
        let numerals: String = ('\u{4e00}'..='\u{9fff}')
            .filter(|&c| is_chinese_numeral(c))
            .collect();
        assert_eq!(kind(&numerals, |k| &k.numerals).concat(), numerals);
    }

    #[test]
    fn the_table_of_kinds_agrees_with_their_definition() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(kinds_of(c), kinds_by_definition(c), "{c:?}");
        }
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
        /// any text, long enough to fill the block of pending marks more than once.
        #[test]
        fn agrees_with_the_definition(text in "[一-龥㐀-䷿a-z0-9 ，。“”（）\\n\\PC]{0,300}") {
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
