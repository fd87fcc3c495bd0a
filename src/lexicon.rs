//! The word lists behind the parser, kept as data in `src/data/` and read once.

use crate::IndicatorKind;
use crate::SectionKind;
use crate::chars::{BmpSet, three_byte_code};
use regex::Regex;
use std::collections::{BTreeMap, HashMap};
use std::sync::LazyLock;

/// A unit or measure word of the lexicon.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Unit {
    /// The unit as written: `个百分点`.
    pub surface: &'static str,
    /// What to report: `百分点`.
    pub normalised: &'static str,
    /// The kind of quantity it measures; `None` for a word that only looks like a unit.
    pub kind: Option<IndicatorKind>,
}

/// The units grouped by first character, each group longest first (of equal length, in
/// the order listed): the text after a number is looked up by its first char, and tries a
/// handful of entries.
static UNITS: LazyLock<CodeTable<Vec<Unit>>> = LazyLock::new(|| {
    let mut units: Vec<Unit> = units().collect();
    units.sort_by_key(|u| std::cmp::Reverse(u.surface.len()));
    CodeTable::grouped(units.into_iter().filter_map(|unit| {
        let first = unit.surface.chars().next()?;
        Some((u64::from(first), unit))
    }))
});

/// The units of the lexicon, in the order listed.
fn units() -> impl Iterator<Item = Unit> {
    data_lines(include_str!("data/units.txt")).filter_map(|line| {
        let mut fields = line.split('\t');
        let (Some(surface), Some(kind)) = (fields.next(), fields.next()) else {
            return None;
        };
        let kind = match kind {
            "count" => Some(IndicatorKind::Count),
            "amount" => Some(IndicatorKind::Amount),
            "money" => Some(IndicatorKind::Money),
            "percent" => Some(IndicatorKind::Percent),
            "points" => Some(IndicatorKind::PercentagePoints),
            "multiple" => Some(IndicatorKind::Multiple),
            "fraction" => Some(IndicatorKind::Fraction),
            _ => None,
        };
        Some(Unit {
            surface,
            normalised: fields.next().unwrap_or(surface),
            kind,
        })
    })
}

/// The longest lexicon entry at the front of `text` (a unit, or a word that only looks
/// like one). Borrowed from the lexicon: the callers pass one pointer around, not the
/// entry's five words.
pub(crate) fn unit_at(text: &str) -> Option<&'static Unit> {
    // Most units start with a Han char: its code point is taken from its bytes.
    let (first, first_len) = match *text.as_bytes() {
        [lead @ 0xE0..=0xEF, second, third, ..] => (three_byte_code(lead, second, third), 3),
        _ => {
            let first = text.chars().next()?;
            (u32::from(first), first.len_utf8())
        }
    };
    // The group shares the first char: the rest of each surface is compared, byte by
    // byte (a few bytes, where a call to `memcmp` costs more than the comparison).
    let after_first = &text.as_bytes()[first_len..];
    let units: &'static CodeTable<Vec<Unit>> = &UNITS;
    units.get(u64::from(first))?.iter().find(|u| {
        let rest = &u.surface.as_bytes()[first_len..];
        after_first.len() >= rest.len() && after_first.iter().zip(rest).all(|(a, b)| a == b)
    })
}

/// A map keyed by codes (a char's code point, or two chars' as one number: see
/// [`KeyedWords::key`]) in a table of open addressing: a lookup hashes by one
/// multiplication and most find their slot at the first probe (the table is kept at most
/// a quarter full), where a general map costs several times the instructions.
struct CodeTable<V> {
    /// The slots, a power of two of them: the key ([`Self::EMPTY`] in an empty slot) and
    /// its value.
    slots: Vec<(u64, Option<V>)>,
    /// How far a product of the hash is shifted right to index the slots.
    shift: u32,
}

impl<V> CodeTable<V> {
    /// What an empty slot holds for a key: no code of chars is this large.
    const EMPTY: u64 = u64::MAX;

    /// The table of `entries`, whose keys are distinct.
    fn of(entries: impl IntoIterator<Item = (u64, V)>) -> Self {
        let entries: Vec<(u64, V)> = entries.into_iter().collect();
        let bits = (entries.len() * 4)
            .next_power_of_two()
            .trailing_zeros()
            .max(1);
        let mut table = CodeTable {
            slots: (0..1usize << bits).map(|_| (Self::EMPTY, None)).collect(),
            shift: 64 - bits,
        };
        for (key, value) in entries {
            let mut at = table.home(key);
            while table.slots[at].0 != Self::EMPTY {
                at = (at + 1) & (table.slots.len() - 1);
            }
            table.slots[at] = (key, Some(value));
        }
        table
    }

    /// The slot where `key` is looked for first.
    fn home(&self, key: u64) -> usize {
        (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> self.shift) as usize
    }

    /// The value of `key`.
    fn get(&self, key: u64) -> Option<&V> {
        let mut at = self.home(key);
        loop {
            let (slot_key, value) = self.slots.get(at)?;
            if *slot_key == key {
                return value.as_ref();
            }
            if *slot_key == Self::EMPTY {
                return None;
            }
            at = (at + 1) & (self.slots.len() - 1);
        }
    }

    /// The values, in no order.
    fn values(&self) -> impl Iterator<Item = &V> {
        self.slots.iter().filter_map(|(_, value)| value.as_ref())
    }
}

impl<T> CodeTable<Vec<T>> {
    /// `items` grouped by their keys, each group in the order of the items.
    fn grouped(items: impl IntoIterator<Item = (u64, T)>) -> Self {
        let mut groups: BTreeMap<u64, Vec<T>> = BTreeMap::new();
        for (key, item) in items {
            groups.entry(key).or_default().push(item);
        }
        Self::of(groups)
    }
}

/// Units written in Latin letters: `11.4万P` (computing power), `500MW`, `10kV`.
static ASCII_UNITS: [Unit; 16] = [
    amount("P"),
    amount("PB"),
    amount("TB"),
    amount("EB"),
    amount("MW"),
    amount("GW"),
    amount("kW"),
    amount("KW"),
    amount("kV"),
    amount("km"),
    amount("TEU"),
    amount("EFLOPS"),
    amount("PFLOPS"),
    amount("Gbps"),
    amount("Mbps"),
    amount("MWh"),
];

/// A unit of an amount, reported as written.
const fn amount(surface: &'static str) -> Unit {
    Unit {
        surface,
        normalised: surface,
        kind: Some(IndicatorKind::Amount),
    }
}

/// An ASCII unit standing whole at the front of `text` (`5G` has none: G is no unit).
pub(crate) fn ascii_unit(text: &str) -> Option<&'static Unit> {
    let letters = text.bytes().take_while(u8::is_ascii_alphabetic).count();
    if letters == 0 {
        return None;
    }
    ASCII_UNITS.iter().find(|u| u.surface == &text[..letters])
}

/// Whether a real unit (not a look-alike word) starts `text`.
pub(crate) fn starts_with_unit(text: &str) -> bool {
    unit_at(text).is_some_and(|u| u.kind.is_some())
}

/// The set phrases (`一带一路`, `两学一做` …), each starting with a Chinese numeral: they
/// matter only where a numeral would otherwise be read. In file order where their first
/// two chars are the same.
static SET_PHRASES: LazyLock<KeyedWords> =
    LazyLock::new(|| KeyedWords::of(data_lines(include_str!("data/set_phrases.txt"))));

/// Words grouped by their first two chars, each group in the order its words are tried;
/// with the sets of their first and second chars, which turn most texts down by one
/// lookup (`一、`, `三是` stand before no set phrase's second char).
struct KeyedWords {
    firsts: BmpSet,
    seconds: BmpSet,
    groups: CodeTable<Vec<&'static str>>,
}

impl KeyedWords {
    /// `words`, in their order; words of one char are left out.
    fn of(words: impl Iterator<Item = &'static str>) -> Self {
        let (mut firsts, mut seconds) = (BmpSet::EMPTY, BmpSet::EMPTY);
        let keyed: Vec<(u64, &'static str)> = words
            .filter_map(|word| {
                let mut chars = word.chars();
                let (first, second) = (chars.next()?, chars.next()?);
                firsts.insert(first);
                seconds.insert(second);
                Some((Self::key(u32::from(first), u32::from(second)), word))
            })
            .collect();
        KeyedWords {
            firsts,
            seconds,
            groups: CodeTable::grouped(keyed),
        }
    }

    /// `words`, longest first (of equal length, in their order): the first word found at
    /// a place is the longest there.
    fn longest_first(words: impl Iterator<Item = &'static str>) -> Self {
        let mut words: Vec<&'static str> = words.collect();
        words.sort_by_key(|word| std::cmp::Reverse(word.len()));
        Self::of(words.into_iter())
    }

    /// The code points of two chars as one key.
    fn key(first: u32, second: u32) -> u64 {
        (u64::from(first) << 32) | u64::from(second)
    }

    /// The length of the first word that stands at the front of `text` and `fits`.
    #[inline]
    fn at(&self, text: &str, fits: impl Fn(&str) -> bool) -> Option<usize> {
        let key = match *text.as_bytes() {
            // Two chars of three bytes (Han text): the second is looked up by its bytes,
            // and most texts are turned down with no char decoded.
            [a @ 0xE0..=0xEF, b, c, d @ 0xE0..=0xEF, e, f, ..] => {
                if self.seconds.contains_three_byte([d, e, f]) != Some(true) {
                    return None;
                }
                let code = crate::chars::three_byte_code;
                Self::key(code(a, b, c), code(d, e, f))
            }
            _ => self.key_of_chars(text)?,
        };
        // The words of a group share their first two chars: most differ from the text by
        // their last byte, compared first.
        let last_byte_agrees = |w: &str| text.as_bytes().get(w.len() - 1) == w.as_bytes().last();
        self.groups
            .get(key)?
            .iter()
            .find(|&&w| last_byte_agrees(w) && text.starts_with(w) && fits(w))
            .map(|w| w.len())
    }

    /// The key of the first two chars of `text`, if the second is some word's second.
    fn key_of_chars(&self, text: &str) -> Option<u64> {
        let mut chars = text.chars();
        let (first, second) = (chars.next()?, chars.next()?);
        self.seconds
            .contains_code(u32::from(second))
            .then(|| Self::key(u32::from(first), u32::from(second)))
    }

    /// Every word.
    fn words(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.groups.values().flatten().copied()
    }
}

/// The chars that stand second in a set phrase: where none follows a numeral, no phrase
/// starts at it.
pub(crate) fn set_phrase_seconds() -> &'static BmpSet {
    &SET_PHRASES.seconds
}

/// The length of the set phrase at the front of `text`, if any; where several are, the
/// first listed.
// Inlined: it runs at every Chinese numeral of a document, and most are turned down by
// the test of the second char, which costs less than a call.
#[inline]
pub(crate) fn set_phrase_at(text: &str) -> Option<usize> {
    SET_PHRASES.at(text, |_| true)
}

static SECTION_WORDS: LazyLock<Vec<(SectionKind, &'static str)>> = LazyLock::new(|| {
    data_lines(include_str!("data/section_kinds.txt"))
        .filter_map(|line| {
            let (kind, word) = line.split_once('\t')?;
            let kind = match kind {
                "problems" => SectionKind::Problems,
                "plans" => SectionKind::Plans,
                "achievements" => SectionKind::Achievements,
                _ => SectionKind::Other,
            };
            Some((kind, word))
        })
        .collect()
});

/// The kind a heading's words say, and the end (in bytes) of the first word that says
/// it: `2022年工作思路` → plans.
pub(crate) fn section_kind_words(heading: &str) -> Option<(SectionKind, usize)> {
    let rank = |kind: SectionKind| match kind {
        SectionKind::Problems => 0,
        SectionKind::Plans => 1,
        SectionKind::Achievements => 2,
        SectionKind::Other => 3,
    };
    section_words_in(heading)
        .filter_map(|w| Some((*SECTION_KIND.get(&heading[w.clone()])?, w.end)))
        .min_by_key(|&(kind, end)| (rank(kind), end))
}

static SECTION_KIND: LazyLock<HashMap<&'static str, SectionKind>> = LazyLock::new(|| {
    SECTION_WORDS
        .iter()
        .map(|&(kind, word)| (word, kind))
        .collect()
});

/// The phrases that open a passage about problems (`存在的问题`, `清醒看到`), one a line.
const PROBLEM_OPENER_LINES: &str = include_str!("data/problem_openers.txt");

/// The chars the problem openers start with, read from their list at compile time: the
/// first char of every line that starts with a three-byte char (every opener does; a
/// comment starts with `#`). The marks pass files them (see [`crate::marks`]), so that a
/// search for the openers tries the places where one may start and reads no other text.
pub(crate) const PROBLEM_OPENER_FIRSTS: BmpSet = {
    let (bytes, mut firsts) = (PROBLEM_OPENER_LINES.as_bytes(), BmpSet::EMPTY);
    let mut line = 0;
    while line < bytes.len() {
        if let [lead @ 0xE0..=0xEF, second, third, ..] = *bytes.split_at(line).1 {
            if let Some(first) = char::from_u32(three_byte_code(lead, second, third)) {
                firsts.insert(first);
            }
        }
        while line < bytes.len() && bytes[line] != b'\n' {
            line += 1;
        }
        line += 1;
    }
    firsts
};

/// The problem openers, grouped by their first two chars.
static PROBLEM_OPENERS: LazyLock<KeyedWords> =
    LazyLock::new(|| KeyedWords::of(data_lines(PROBLEM_OPENER_LINES)));

/// The problem openers, in the order listed.
#[cfg(test)]
pub(crate) fn problem_openers() -> impl Iterator<Item = &'static str> {
    data_lines(PROBLEM_OPENER_LINES)
}

/// Whether a phrase that opens a passage about problems starts `text`: `还存在一些短板`.
pub(crate) fn problem_opener_at(text: &str) -> bool {
    PROBLEM_OPENERS.at(text, |_| true).is_some()
}

/// A regex that finds any of `words`, longest first where several start at one place.
fn any_of<'w>(words: impl Iterator<Item = &'w str>) -> Regex {
    let mut words: Vec<&str> = words.collect();
    words.sort_by_key(|w| std::cmp::Reverse(w.len()));
    let escaped: Vec<String> = words.into_iter().map(regex::escape).collect();
    Regex::new(&escaped.join("|")).expect("a word list builds a regex")
}

static SECTION_WORD: LazyLock<Regex> =
    LazyLock::new(|| any_of(SECTION_WORDS.iter().map(|&(_, w)| w)));

/// The section words, longest first where several start at one place.
static SECTION_WORDS_KEYED: LazyLock<KeyedWords> =
    LazyLock::new(|| KeyedWords::longest_first(SECTION_WORDS.iter().map(|&(_, w)| w)));

/// Section words of four characters or more that name a part of a report's review or
/// plans (`工作回顾`, `重点工作`, `目标任务`): strong enough to find an unmarked heading.
/// Longest first where their first two chars are the same.
static PART_WORDS: LazyLock<KeyedWords> = LazyLock::new(|| {
    KeyedWords::longest_first(
        SECTION_WORDS
            .iter()
            .filter(|(kind, word)| {
                matches!(kind, SectionKind::Plans | SectionKind::Achievements)
                    && word.chars().count() >= 4
            })
            .map(|&(_, word)| word),
    )
});

/// Byte ranges of the section words (`工作成效`, `存在问题`, `工作计划` …) in `text`, the
/// longest at each place one starts, overlaps included (`主要目标任务` holds `主要目标` and
/// `目标任务`). A heading is read char by char; a long text (the only heading of a
/// flattened report may be all of it) by the regex, whose vector search outruns a walk.
pub(crate) fn section_words_in(text: &str) -> impl Iterator<Item = std::ops::Range<usize>> + '_ {
    let by_chars = text.len() <= SHORT_TEXT;
    let mut from = 0;
    std::iter::from_fn(move || {
        let found = match by_chars {
            true => section_word_from(text, from),
            false => SECTION_WORD.find_at(text, from).map(|m| m.range()),
        }?;
        from = found.start + text[found.start..].chars().next().map_or(1, char::len_utf8);
        Some(found)
    })
}

/// Texts of at most this many bytes (forty Han chars) are read char by char for their
/// section words.
const SHORT_TEXT: usize = 120;

/// The first section word that starts at or after `from` in `text`, the longest there.
fn section_word_from(text: &str, from: usize) -> Option<std::ops::Range<usize>> {
    let words = &*SECTION_WORDS_KEYED;
    text[from..].char_indices().find_map(|(i, c)| {
        if !words.firsts.contains_code(u32::from(c)) {
            return None;
        }
        let at = from + i;
        words.at(&text[at..], |_| true).map(|len| at..at + len)
    })
}

/// The chars a part word (see [`PART_WORDS`]) may start with: a quick test before
/// [`part_word_at`].
pub(crate) fn part_word_firsts() -> &'static BmpSet {
    &PART_WORDS.firsts
}

/// The chars a part word (see [`PART_WORDS`]) may end with: a quick test of where one
/// may end.
pub(crate) fn part_word_lasts() -> &'static BmpSet {
    static LASTS: LazyLock<BmpSet> = LazyLock::new(|| {
        let mut lasts = BmpSet::EMPTY;
        for last in PART_WORDS
            .words()
            .filter_map(|word| word.chars().next_back())
        {
            lasts.insert(last);
        }
        lasts
    });
    &LASTS
}

/// The length of the longest part word of at most `max_chars` chars at the front of
/// `text`: `重点工作` in `重点工作完成情况`.
#[inline]
pub(crate) fn part_word_at(text: &str, max_chars: usize) -> Option<usize> {
    PART_WORDS.at(text, |w| w.chars().count() <= max_chars)
}

fn data_lines(text: &'static str) -> impl Iterator<Item = &'static str> {
    text.lines()
        .map(str::trim_end)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chars::{is_chinese_numeral, is_han};

    #[test]
    fn part_words_are_han_text_of_four_chars_or_more() {
        for word in PART_WORDS.words() {
            let first = word.chars().next().unwrap();
            assert!(part_word_firsts().contains_code(u32::from(first)), "{word}");
            assert!(word.chars().all(is_han), "{word}");
            assert_eq!(part_word_at(word, 30), Some(word.len()), "{word}");
            assert_eq!(part_word_at(word, 3), None, "{word}");
        }
        assert_eq!(part_word_at("重点工作完成情况", 30), Some("重点工作".len()));
        assert_eq!(part_word_at("取得的成效显著", 30), Some("取得的成效".len()));
        assert_eq!(part_word_at("取得的成效显著", 4), None);
    }

    /// [`KeyedWords::at`] with both first chars decoded: the word it finds in `text`.
    fn keyed_word_by_chars(words: &KeyedWords, text: &str, max_chars: usize) -> Option<usize> {
        let mut chars = text.chars();
        let (first, second) = (chars.next()?, chars.next()?);
        let key = KeyedWords::key(u32::from(first), u32::from(second));
        words
            .groups
            .get(key)?
            .iter()
            .find(|&&w| text.starts_with(w) && w.chars().count() <= max_chars)
            .map(|w| w.len())
    }

    proptest::proptest! {
        /// Words are found by the bytes of Han text as by its chars.
        #[test]
        fn keyed_words_are_found_as_by_chars(
            pieces in proptest::collection::vec(proptest::sample::select(&[
                "工作", "回顾", "计划", "主要", "目标", "取得的", "成效", "一带", "一路", "两学",
                "一做", "工", "作", "一", "王", "，", "a", "1", "é", "\u{20000}",
            ][..]), 0..8),
            max_chars in 0usize..8,
        ) {
            let text = pieces.concat();
            proptest::prop_assert_eq!(
                part_word_at(&text, max_chars),
                keyed_word_by_chars(&PART_WORDS, &text, max_chars)
            );
            proptest::prop_assert_eq!(
                set_phrase_at(&text),
                keyed_word_by_chars(&SET_PHRASES, &text, usize::MAX)
            );
        }
    }

    #[test]
    fn every_section_word_is_found_in_a_short_heading() {
        for &(kind, word) in SECTION_WORDS.iter() {
            let heading = format!("（一）{word}");
            let found = section_kind_words(&heading).map(|(k, _)| k);
            assert!(found.is_some(), "{word}");
            assert!(kind == SectionKind::Other || found == Some(kind), "{word}");
        }
        assert_eq!(section_kind_words("（一）1.（1）①"), None);
    }

    proptest::proptest! {
        /// A heading read char by char holds the section words the regex finds in it.
        #[test]
        fn section_words_read_as_the_regex_reads(
            heading in "[存在问题不足困难工作思路计划目标任务主要成效绩回顾总结明年今后下一步部署（）一1.、和的年]{0,40}"
        ) {
            let mut from = 0;
            let by_regex = std::iter::from_fn(|| {
                let m = SECTION_WORD.find_at(&heading, from)?;
                from = m.start() + heading[m.start()..].chars().next().map_or(1, char::len_utf8);
                Some(m.range())
            });
            proptest::prop_assert!(heading.len() <= SHORT_TEXT);
            proptest::prop_assert_eq!(
                section_words_in(&heading).collect::<Vec<_>>(),
                by_regex.collect::<Vec<_>>()
            );
        }
    }

    #[test]
    fn every_unit_is_found_by_its_surface_and_the_longest_wins() {
        for unit in UNITS.values().flatten() {
            let found = unit_at(unit.surface).map(|u| u.surface);
            assert_eq!(found, Some(unit.surface));
        }
        assert_eq!(unit_at("个百分点以上").map(|u| u.surface), Some("个百分点"));
        assert!(unit_at("的").is_none());
    }

    /// The units, each of their chars and a few other texts: pieces of texts that may
    /// start with a unit, or nearly.
    fn unit_pieces() -> Vec<&'static str> {
        let surfaces = units().map(|u| u.surface);
        let chars = units()
            .map(|u| u.surface)
            .flat_map(|s| s.char_indices().map(move |(i, c)| &s[i..i + c.len_utf8()]));
        let others = ["的", "a", "1", "é", "，", "\u{20000}"];
        surfaces.chain(chars).chain(others).collect()
    }

    proptest::proptest! {
        /// The table finds the unit that a walk of the list finds: the longest at the
        /// front of the text, of equal ones the first listed.
        #[test]
        fn units_are_found_as_by_a_walk_of_the_list(
            pieces in proptest::collection::vec(proptest::sample::select(unit_pieces()), 0..4)
        ) {
            let text = pieces.concat();
            let walked = units()
                .filter(|u| text.starts_with(u.surface))
                .reduce(|best, u| if u.surface.len() > best.surface.len() { u } else { best });
            let surfaces = |u: Option<&Unit>| u.map(|u| (u.surface, u.normalised));
            proptest::prop_assert_eq!(surfaces(unit_at(&text)), surfaces(walked.as_ref()));
        }
    }

    #[test]
    fn every_problem_opener_starts_with_a_char_the_marks_pass_files_and_is_found() {
        for phrase in problem_openers() {
            let first = phrase.chars().next().expect("a phrase");
            assert!(
                PROBLEM_OPENER_FIRSTS.contains_code(u32::from(first)),
                "{phrase}"
            );
            // Words of one char are left out of the table.
            assert!(phrase.chars().count() >= 2, "{phrase}");
            assert!(problem_opener_at(&format!("{phrase}：")), "{phrase}");
        }
        assert!(!problem_opener_at("存在"));
        assert!(!problem_opener_at(""));
    }

    #[test]
    fn every_set_phrase_starts_with_a_numeral_and_is_found() {
        for phrase in SET_PHRASES.words() {
            let first = phrase.chars().next().expect("a phrase");
            assert!(is_chinese_numeral(first), "{phrase}");
            // A phrase listed earlier may stand at its front (first listed wins).
            let found = set_phrase_at(&format!("{phrase}。")).unwrap_or(0);
            assert!(found > 0 && phrase.is_char_boundary(found), "{phrase}");
        }
        assert_eq!(set_phrase_at("一、加强"), None);
    }
}
