//! Character classes of Chinese official prose, full-width and half-width alike.

/// Sentence-final marks that end an item: `。！？；` (and their half-width forms).
pub(crate) const fn is_item_end(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '；' | '!' | '?' | ';')
}

/// Whether a new heading or item may start right after `c`: a sentence or clause end,
/// white space (line breaks included), a colon, a closing bracket (of a tag) or the end
/// of page furniture (`- 2 -`, `第2页`).
pub(crate) const fn is_break(c: char) -> bool {
    // One match, so that the common marks (commas, quotes, digits) are turned down by a
    // few comparisons, and Han text (between `。` and the byte-order mark) by three; a
    // test holds it to `is_item_end`, `is_space` and the rest.
    match c {
        '\u{3003}'..'\u{feff}' => c == '页',
        _ => matches!(
            c,
            '。' | '！' | '？' | '；' | '!' | '?' | ';' | '：' | ':' | '）' | ')' | '-'
                | ' ' | '\t'..='\r' | '\u{85}' | '\u{a0}' | '\u{1680}' | '\u{2000}'..='\u{200b}'
                | '\u{2028}' | '\u{2029}' | '\u{202f}' | '\u{205f}' | '\u{3000}' | '\u{feff}'
        ),
    }
}

/// Marks that end a full sentence (not a clause): `。！？` and their half-width forms.
pub(crate) fn is_sentence_end(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '!' | '?')
}

/// Any punctuation that may close a heading line and is dropped from it.
pub(crate) const fn is_trailing_punct(c: char) -> bool {
    matches!(
        c,
        '。' | '！' | '？' | '；' | '：' | '，' | '、' | '!' | '?' | ';' | ':' | ',' | '.' | '．'
    )
}

/// White space, including the ideographic space and the byte-order mark.
pub(crate) const fn is_space(c: char) -> bool {
    // Unicode's White_Space, spelled out so that the common case (a Han character, CJK
    // or full-width punctuation, all above the ideographic space) is decided by two
    // comparisons instead of a table lookup.
    match c {
        '\u{3001}'.. => c == '\u{feff}',
        _ => matches!(
            c,
            ' ' | '\t'..='\r' | '\u{85}' | '\u{a0}' | '\u{1680}' | '\u{2000}'..='\u{200b}' | '\u{2028}'
                | '\u{2029}' | '\u{202f}' | '\u{205f}' | '\u{3000}'
        ),
    }
}

/// A digit 0–9 in ASCII or full width, with its value.
pub(crate) const fn digit_value(c: char) -> Option<u8> {
    match c {
        '0'..='9' => Some(c as u8 - b'0'),
        '０'..='９' => Some((c as u32 - '０' as u32) as u8),
        _ => None,
    }
}

/// A Chinese digit (一 … 九, 两, 零, 〇) with its value.
pub(crate) const fn chinese_digit(c: char) -> Option<u8> {
    Some(match c {
        '零' | '〇' => 0,
        '一' => 1,
        '二' | '两' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

/// A Chinese numeral character: a digit or one of 十 百 千 万 亿.
pub(crate) const fn is_chinese_numeral(c: char) -> bool {
    chinese_digit(c).is_some() || matches!(c, '十' | '百' | '千' | '万' | '亿')
}

/// A quote or bracket that opens or closes (see [`closer_of`]).
pub(crate) const fn is_quote(c: char) -> bool {
    matches!(
        c,
        '“' | '”'
            | '‘'
            | '’'
            | '「'
            | '」'
            | '『'
            | '』'
            | '（'
            | '）'
            | '('
            | ')'
            | '【'
            | '】'
            | '《'
            | '》'
            | '〔'
            | '〕'
            | '［'
            | '］'
            | '['
            | ']'
            | '〈'
            | '〉'
    )
}

/// A digit (ASCII or full width) or a Chinese numeral: a char a number may start with.
pub(crate) const fn is_numeral(c: char) -> bool {
    digit_value(c).is_some() || is_chinese_numeral(c)
}

/// Opening quote or bracket and the mark that closes it.
pub(crate) fn closer_of(c: char) -> Option<char> {
    Some(match c {
        '“' => '”',
        '‘' => '’',
        '「' => '」',
        '『' => '』',
        '（' => '）',
        '(' => ')',
        '【' => '】',
        '《' => '》',
        '〔' => '〕',
        '［' => '］',
        '[' => ']',
        '〈' => '〉',
        _ => return None,
    })
}

/// A Han character (the CJK blocks in use in official prose).
pub(crate) fn is_han(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}' | '\u{f900}'..='\u{faff}')
}

/// The code point of a three-byte UTF-8 sequence.
pub(crate) const fn three_byte_code(lead: u8, second: u8, third: u8) -> u32 {
    ((lead & 0x0F) as u32) << 12 | ((second & 0x3F) as u32) << 6 | (third & 0x3F) as u32
}

/// A set of characters of the Basic Multilingual Plane (U+0000–U+FFFF), one bit each.
pub(crate) struct BmpSet([u64; 0x10000 / 64]);

impl BmpSet {
    pub(crate) const EMPTY: BmpSet = BmpSet([0; 0x10000 / 64]);

    /// Adds `c`, if it is in the plane.
    pub(crate) const fn insert(&mut self, c: char) {
        let code = c as usize;
        if code < 0x10000 {
            self.0[code / 64] |= 1 << (code % 64);
        }
    }

    /// The set with `chars` added.
    pub(crate) const fn with(mut self, chars: &[char]) -> BmpSet {
        let mut i = 0;
        while i < chars.len() {
            self.insert(chars[i]);
            i += 1;
        }
        self
    }

    /// The chars in `self` or in `other`.
    pub(crate) fn union(&self, other: &BmpSet) -> BmpSet {
        BmpSet(std::array::from_fn(|i| self.0[i] | other.0[i]))
    }

    /// Whether the three-byte char `[lead, second, third]` (UTF-8) is in the set; `None`
    /// when the bytes, which start a char of a UTF-8 text, start a char of another
    /// length. The first two bytes pick a word, the third a bit: no code point is
    /// assembled. `lead * 64 + second` runs from `E0 * 64 + 80` to `EF * 64 + BF` for the
    /// three-byte chars, in the order of their words; it is below for shorter chars (a
    /// lead below `E0`, and after a two-byte lead a byte below `C0`) and above for longer
    /// ones. Less its first value it is the index of the word, and one comparison tells
    /// a three-byte char.
    pub(crate) fn contains_three_byte(&self, [lead, second, third]: [u8; 3]) -> Option<bool> {
        let word = (usize::from(lead) * 64 + usize::from(second)).wrapping_sub(0xE0 * 64 + 0x80);
        self.0
            .get(word)
            .map(|word| word & (1 << (third & 0x3F)) != 0)
    }

    /// Whether the char at byte offset `at` of `text` is in the set (`false` past the
    /// end); a char of three bytes is looked up by its bytes, not decoded.
    // Inlined, like `contains_char_before`: the lookup costs about what a call does.
    #[inline]
    pub(crate) fn contains_char_at(&self, text: &str, at: usize) -> bool {
        match text.as_bytes().get(at..) {
            Some(&[lead, second, third, ..]) if lead >= 0xE0 => {
                self.contains_three_byte([lead, second, third]) == Some(true)
            }
            _ => char_at(text, at).is_some_and(|c| self.contains_code(u32::from(c))),
        }
    }

    /// Whether the char that ends at byte offset `at` of `text` is in the set (`false` at
    /// the start); a char of three bytes is looked up by its bytes, not decoded.
    #[inline]
    pub(crate) fn contains_char_before(&self, text: &str, at: usize) -> bool {
        match text.as_bytes().get(..at) {
            // A lead of three bytes three bytes back starts the last char.
            Some(&[.., lead @ 0xE0..=0xEF, second, third]) => {
                self.contains_three_byte([lead, second, third]) == Some(true)
            }
            _ => char_before(text, at).is_some_and(|c| self.contains_code(u32::from(c))),
        }
    }

    /// Whether the char of code point `code` is in the set.
    pub(crate) const fn contains_code(&self, code: u32) -> bool {
        let code = code as usize;
        code < 0x10000 && self.0[code / 64] & (1 << (code % 64)) != 0
    }
}

/// A [`BmpSet`] laid out for skipping runs of three-byte chars outside it: a word for
/// every pair of bytes `[lead, second]`, indexed by the two bytes read as one
/// little-endian `u16` less its top two bits (`(second & 3F) << 8 | lead`: one load and
/// one mask per char, no bounds check). The mask loses nothing in UTF-8 text: a lead of
/// a three-byte char (`E0`–`EF`) is followed by a continuation byte (`80`–`BF`), whose
/// top bits are always `10`; every other lead (ASCII, two- and four-byte) has words of
/// its own. The words of three-byte chars are those of the set; every other word has all
/// its bits set, so that a char of another length ends a run as a char in the set does.
/// It takes 128 KiB, made once whatever the input; a text reads only the words of the
/// leads it uses, as many as with a [`BmpSet`].
pub(crate) struct RunSet([u64; RUN_WORDS]);

/// The words of a [`RunSet`]: one for each value of `(second & 3F) << 8 | lead`.
const RUN_WORDS: usize = 1 << 14;

impl RunSet {
    /// The run set of `set`.
    pub(crate) const fn of(set: &BmpSet) -> RunSet {
        let mut words = [u64::MAX; RUN_WORDS];
        let mut word = 0;
        while word < set.0.len() {
            let (lead, second) = (0xE0 + word / 64, 0x80 + word % 64);
            words[(second & 0x3F) << 8 | lead] = set.0[word];
            word += 1;
        }
        RunSet(words)
    }

    /// The length of the three-byte chars outside the set that `bytes` starts with.
    // Inlined: a run often ends at its first char, for less than a call costs, and the
    // caller learns that the length is within `bytes`.
    #[inline]
    pub(crate) fn outside_len(&self, bytes: &[u8]) -> usize {
        let outside = |char: &[u8; 3]| {
            let [pair @ .., third] = char;
            let word = self.0[usize::from(u16::from_le_bytes(*pair) & 0x3FFF)];
            word & (1 << (third & 0x3F)) == 0
        };
        // The first char alone (marks often come in groups), then eight chars a step
        // (unrolled: runs of Han text between marks are long), then the last one by one.
        let mut len = match bytes.first_chunk() {
            Some(char) if outside(char) => 3,
            _ => return 0,
        };
        while let Some(step) = bytes.get(len..len + 3 * 8) {
            let mut chars = step.chunks_exact(3).map(<&[u8; 3]>::try_from);
            if let Some(k) = chars.position(|char| char.is_ok_and(|char| !outside(char))) {
                return len + 3 * k;
            }
            len += step.len();
        }
        while let Some(char) = bytes.get(len..).and_then(|b| b.first_chunk()) {
            if !outside(char) {
                break;
            }
            len += 3;
        }
        len
    }
}

/// The [`BmpSet`] of the chars for which a const expression holds, built at compile time:
/// `bmp_set!(|c| is_break(c))`.
macro_rules! bmp_set {
    (|$c:ident| $holds:expr) => {{
        let mut set = $crate::chars::BmpSet::EMPTY;
        let mut code = 0;
        while code < 0x10000 {
            if let Some($c) = char::from_u32(code) {
                if $holds {
                    set.insert($c);
                }
            }
            code += 1;
        }
        set
    }};
}
pub(crate) use bmp_set;

/// Byte offset of the char before `at`, if any.
pub(crate) fn char_before(text: &str, at: usize) -> Option<char> {
    text.get(..at)?.chars().next_back()
}

/// The char at byte offset `at`, if any.
pub(crate) fn char_at(text: &str, at: usize) -> Option<char> {
    text.get(at..)?.chars().next()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_quotes_are_what_closer_of_opens_and_closes() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let expected = closer_of(c).is_some()
                || "“‘「『（(【《〔［[〈"
                    .chars()
                    .any(|o| closer_of(o) == Some(c));
            assert_eq!(is_quote(c), expected, "{c:?}");
        }
    }

    #[test]
    fn white_space_is_unicode_white_space_the_zero_width_space_and_the_byte_order_mark() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let expected = c.is_whitespace() || matches!(c, '\u{200b}' | '\u{feff}');
            assert_eq!(is_space(c), expected, "{c:?}");
        }
    }

    #[test]
    fn a_set_looks_three_byte_chars_up_as_it_looks_code_points_up() {
        let mut set = BmpSet::EMPTY;
        for c in "一二三页，。“”（）\u{800}\u{ffff}".chars() {
            set.insert(c);
        }
        // Each char followed by chars of every length, the highest and lowest bytes.
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            for next in [
                "\0",
                "\u{7f}",
                "\u{80}",
                "\u{7ff}",
                "王",
                "\u{ffff}",
                "\u{10ffff}",
            ] {
                let text = format!("{c}{next}{next}");
                let three = <[u8; 3]>::try_from(&text.as_bytes()[..3]).unwrap();
                let expected = (c.len_utf8() == 3).then(|| set.contains_code(u32::from(c)));
                assert_eq!(set.contains_three_byte(three), expected, "{c:?}");
            }
        }
    }

    proptest::proptest! {
        /// A char at or before an offset is looked up as its code point is.
        #[test]
        fn a_char_at_an_offset_is_looked_up_as_decoded(
            text in "[一二王，a\n\u{7f}\u{80}\u{7ff}\u{800}\u{ffff}\u{10000}\u{10ffff}]{0,8}",
            at in 0usize..40,
        ) {
            let set = bmp_set!(|c| matches!(c, '一' | '，' | '\n' | '\u{7ff}' | '\u{ffff}'));
            let expected = char_at(&text, at).is_some_and(|c| set.contains_code(u32::from(c)));
            proptest::prop_assert_eq!(set.contains_char_at(&text, at), expected);
            let expected = char_before(&text, at).is_some_and(|c| set.contains_code(u32::from(c)));
            proptest::prop_assert_eq!(set.contains_char_before(&text, at), expected);
        }
    }

    #[test]
    fn a_run_set_stops_at_the_chars_of_its_set_and_at_chars_of_other_lengths() {
        let set = bmp_set!(|c| matches!(c, '一' | '。' | '\u{800}' | '\u{ffff}'));
        let runs = RunSet::of(&set);
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            for next in ["\0", "\u{7ff}", "\u{10ffff}"] {
                let text = format!("{c}{next}");
                let outside = c.len_utf8() == 3 && !set.contains_code(u32::from(c));
                let expected = if outside { 3 } else { 0 };
                assert_eq!(runs.outside_len(text.as_bytes()), expected, "{c:?}");
            }
        }
    }

    proptest::proptest! {
        /// A run of three-byte chars outside a set ends at the first char in it or of
        /// another length.
        #[test]
        fn a_run_outside_a_set_ends_at_its_first_char_in_it(
            text in "[一二王国，。a\n\u{7f}\u{80}\u{7ff}\u{800}\u{ffff}\u{10000}\u{10ffff}]{0,40}",
        ) {
            let set = bmp_set!(|c| matches!(c, '一' | '。'));
            let run: usize = text
                .chars()
                .take_while(|&c| c.len_utf8() == 3 && !set.contains_code(u32::from(c)))
                .map(char::len_utf8)
                .sum();
            proptest::prop_assert_eq!(RunSet::of(&set).outside_len(text.as_bytes()), run);
        }
    }

    #[test]
    fn a_break_is_an_item_end_a_space_a_colon_a_closing_bracket_or_a_furniture_end() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let expected =
                is_item_end(c) || is_space(c) || matches!(c, '：' | ':' | '）' | ')' | '-' | '页');
            assert_eq!(is_break(c), expected, "{c:?}");
        }
    }
}
