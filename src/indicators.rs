//! Numeric indicators: every quantity a text claims, and nothing else.
//!
//! ```text
//! 举行各类青少年法治教育活动50余场，覆盖青少年近2.5万人次
//!                           ^^^^^^^            ^^^^^^^^^^^
//! ```
//!
//! An indicator is a numeral with its magnitude, approximation words and unit
//! (`../shared/indicator-conventions.md` is the spec). Dates, ordinals, numerals inside
//! names, set phrases, quoted terms and identifiers are not reported.

use crate::chars::{
    BmpSet, bmp_set, char_at, char_before, chinese_digit, digit_value, is_chinese_numeral,
    is_numeral, three_byte_code,
};
use crate::lexicon::{self, Unit};
use crate::marks::Marks;
use crate::numerals::{self, Numeral, Script};
use crate::sorted::Ranges;
use crate::words::Words;
use crate::{Approx, Change, Direction, Indicator, IndicatorKind, Number, Role, Span};
use std::borrow::Cow;
use std::ops::Range;

/// Approximation words that stand before a number, longest first (`不低于` before `低于`:
/// "not below" is at least). Words that end in one of them and say nothing of the
/// amount (`签约12个`, `节约300万元`, `最近3年`) are listed as `Exact`, before it.
const BEFORE: Words<Approx, 37> = Words::new([
    ("不低于", Approx::Over),
    ("不少于", Approx::Over),
    ("不小于", Approx::Over),
    ("不超过", Approx::Under),
    ("不高于", Approx::Under),
    ("不多于", Approx::Under),
    ("将近", Approx::Nearly),
    ("接近", Approx::Nearly),
    ("大约", Approx::About),
    ("超过", Approx::Over),
    ("突破", Approx::Over),
    ("不足", Approx::Under),
    ("不到", Approx::Under),
    ("低于", Approx::Under),
    ("签约", Approx::Exact),
    ("预约", Approx::Exact),
    ("节约", Approx::Exact),
    ("制约", Approx::Exact),
    ("合约", Approx::Exact),
    ("履约", Approx::Exact),
    ("违约", Approx::Exact),
    ("公约", Approx::Exact),
    ("条约", Approx::Exact),
    ("特约", Approx::Exact),
    ("集约", Approx::Exact),
    ("最近", Approx::Exact),
    ("附近", Approx::Exact),
    ("就近", Approx::Exact),
    ("临近", Approx::Exact),
    ("邻近", Approx::Exact),
    ("靠近", Approx::Exact),
    ("贴近", Approx::Exact),
    ("赶超", Approx::Exact),
    ("逾", Approx::Over),
    ("超", Approx::Over),
    ("近", Approx::Nearly),
    ("约", Approx::About),
]);

/// Words that, before a bare 百/千/万, make it a number: `上千篇`, `过万`, `破万`.
const BEFORE_BARE: Words<Approx, 3> = Words::new([
    ("上", Approx::Over),
    ("过", Approx::Over),
    ("破", Approx::Over),
]);

/// The chars that end a word of [`BEFORE`] or [`BEFORE_BARE`]: what may stand right
/// before a number that a word makes approximate.
static BEFORE_APPROX: BmpSet = BmpSet::EMPTY.with(BEFORE.lasts()).with(BEFORE_BARE.lasts());

/// Approximation words that follow the unit.
const AFTER: Words<Approx, 7> = Words::new([
    ("及以上", Approx::Over),
    ("及以下", Approx::Under),
    ("以上", Approx::Over),
    ("以下", Approx::Under),
    ("以内", Approx::Under),
    ("左右", Approx::About),
    ("上下", Approx::About),
]);

/// Words that open a range between two numbers.
const RANGE: Words<(), 8> = Words::of(["-", "－", "～", "~", "—", "〜", "至", "到"]);

/// Verbs of change, longest first; the first field tells the direction.
const CHANGE_VERBS: Words<Direction, 23> = Words::new([
    ("增长", Direction::Increase),
    ("增加", Direction::Increase),
    ("提高", Direction::Increase),
    ("上升", Direction::Increase),
    ("提升", Direction::Increase),
    ("扩大", Direction::Increase),
    ("上涨", Direction::Increase),
    ("增幅", Direction::Increase),
    ("多增", Direction::Increase),
    ("下降", Direction::Decrease),
    ("减少", Direction::Decrease),
    ("降低", Direction::Decrease),
    ("下滑", Direction::Decrease),
    ("回落", Direction::Decrease),
    ("缩小", Direction::Decrease),
    ("下跌", Direction::Decrease),
    ("压减", Direction::Decrease),
    ("压缩", Direction::Decrease),
    ("缩短", Direction::Decrease),
    ("降幅", Direction::Decrease),
    ("增", Direction::Increase),
    ("降", Direction::Decrease),
    ("减", Direction::Decrease),
]);

/// Words after a number without a unit that make it a version or a magnitude scale:
/// `数字政府2.0建设`, `3.0版`, `6.2级地震`.
const SCALES: Words<(), 5> = Words::of(["版", "级", "建设", "时代", "代"]);

/// The chars that start a word of [`RANGE`], [`AFTER`] or [`SCALES`]: what may follow a
/// number and its unit.
static AFTER_UNIT: BmpSet = BmpSet::EMPTY
    .with(RANGE.firsts())
    .with(AFTER.firsts())
    .with(SCALES.firsts());

/// What may stand between a verb of change and its number, besides earlier numbers of a
/// list: `分别增长5.1%、13.6%`.
const BETWEEN: Words<(), 6> = Words::of(["、", "和", "及", " ", "了", "分别"]);

/// The chars that may stand right before a number that measures a change: the last chars
/// of [`CHANGE_VERBS`] and of [`BETWEEN`].
static BEFORE_CHANGE: BmpSet = BmpSet::EMPTY
    .with(CHANGE_VERBS.lasts())
    .with(BETWEEN.lasts());

/// Comparison bases that stand before a verb of change.
const BASES: Words<(), 14> = Words::of([
    "比上年同期",
    "较上年同期",
    "比去年同期",
    "较去年同期",
    "比上年",
    "较上年",
    "比去年",
    "较去年",
    "比年初",
    "较年初",
    "比同期",
    "较同期",
    "同比",
    "环比",
]);

/// The numeral marks and the shields of a document (see [`crate::marks::Kinds`] and
/// [`shields`]), handed out text by text: texts asked for in order, as a document's are,
/// cost a few steps each instead of two searches.
pub(crate) struct Cursor<'d> {
    marks: &'d [usize],
    chars: &'d [char],
    shields: &'d [Range<usize>],
    /// The first mark and the first shield that may lie in the next text.
    next_mark: usize,
    next_shield: usize,
    /// Where the last text ended.
    last_end: usize,
}

impl<'d> Cursor<'d> {
    /// A cursor over the numeral marks and the shields of `range`.
    pub(crate) fn new(numerals: &'d Marks, shields: &'d Ranges, range: Range<usize>) -> Self {
        let (marks, chars) = numerals.slices(range.clone());
        Cursor {
            marks,
            chars,
            shields: shields.overlapping(range),
            next_mark: 0,
            next_shield: 0,
            last_end: 0,
        }
    }

    /// The marks (offsets and chars) inside `range`.
    fn marks(&mut self, range: Range<usize>) -> (&'d [usize], &'d [char]) {
        if range.start < self.last_end {
            // Out of order: searched for.
            self.next_mark = self.marks.partition_point(|&m| m < range.start);
            self.next_shield = self.shields.partition_point(|s| s.end <= range.start);
        }
        self.last_end = range.end;
        let marks = self.marks;
        let mut from = self.next_mark;
        while marks.get(from).is_some_and(|&m| m < range.start) {
            from += 1;
        }
        let mut to = from;
        while marks.get(to).is_some_and(|&m| m < range.end) {
            to += 1;
        }
        self.next_mark = to;
        (&marks[from..to], &self.chars[from..to])
    }

    /// The shields that overlap `range`, the range last asked for by [`Self::marks`]:
    /// looked for only where a number may stand, since most texts hold none.
    fn shields(&mut self, range: Range<usize>) -> &'d [Range<usize>] {
        let shields = self.shields;
        // A shield may reach into the texts after: the next text starts from its first.
        while shields
            .get(self.next_shield)
            .is_some_and(|s| s.end <= range.start)
        {
            self.next_shield += 1;
        }
        let mut overlapping = self.next_shield;
        while shields
            .get(overlapping)
            .is_some_and(|s| s.start < range.end)
        {
            overlapping += 1;
        }
        &shields[self.next_shield..overlapping]
    }
}

/// Finds the indicators in `text`, which starts at `offset` of the document, with `role`
/// for each, from the numeral marks and shields that `cursor` hands out.
///
/// ```
/// let report = gongwen::parse("一、工作成效\n覆盖青少年近2.5万人次，同比增长6.5%。");
/// let item = &report.sections[0].intro[0];
/// assert_eq!(item.indicators[0].text, "近2.5万人次");
/// assert_eq!(item.indicators[1].value.to_string(), "6.5");
/// ```
pub(crate) fn scan<'a>(
    text: &'a str,
    offset: usize,
    role: Role,
    cursor: &mut Cursor<'_>,
) -> Vec<Indicator<'a>> {
    let range = offset..offset + text.len();
    let (marks, mark_chars) = cursor.marks(range.clone());
    // A number starts at a numeral mark, or (an ASCII digit that follows a letter or
    // digit before the text) at the text's start: a text without either holds none.
    if marks.is_empty() && !text.as_bytes().first().is_some_and(u8::is_ascii_digit) {
        return Vec::new();
    }
    let shields = cursor.shields(range);
    let mut next_mark = 0;
    // The char at `i` when a mark gave it.
    let mut known: Option<char> = None;
    let mut shields = shields.iter().peekable();
    let mut found: Vec<Indicator<'a>> = Vec::new();
    let mut i = 0;
    let mut last_end = 0;
    while i < text.len() {
        // Every numeral and every ASCII run starts at a mark, but the digits inside a run
        // of letters (`PM2.5`): at anything else, go on to the next mark, at `i` or after.
        let c = match known.take() {
            Some(c) => c,
            None if text.as_bytes()[i].is_ascii_alphanumeric() => char::from(text.as_bytes()[i]),
            None => {
                while marks.get(next_mark).is_some_and(|&m| m < offset + i) {
                    next_mark += 1;
                }
                let Some(&m) = marks.get(next_mark) else {
                    break;
                };
                i = m - offset;
                known = mark_chars.get(next_mark).copied();
                continue;
            }
        };
        if !is_numeral_char(c) {
            // A letter (a mark is a letter, a digit or a numeral): through its run char
            // by char.
            i += 1;
            continue;
        }
        // A lone `一` is never a quantity (see `is_quantity`), and the commonest numeral of
        // a report (`一是`, `进一步`, `统一`): passed over by one lookup of the char after
        // it, unless that char goes on the run or is `点` or `分` (`一点五倍`, `一分之`).
        if c == '一' && !AFTER_ONE.contains_char_at(text, i + '一'.len_utf8()) {
            i += '一'.len_utf8();
            continue;
        }
        let run_end = numeral_run_end(text, i);
        while shields.peek().is_some_and(|s| s.end <= offset + i) {
            shields.next();
        }
        let in_shield = shields.peek().is_some_and(|s| s.start <= offset + i);
        let read = if in_shield || is_list_label(text, i, run_end) {
            None
        } else {
            read_indicator(text, i..run_end, last_end)
        };
        match read {
            Some(reading) => {
                let counts = reading.kind == IndicatorKind::Count;
                let change = change_before(text, reading.span.start, counts, &found, offset);
                i = reading.span.end.max(run_end);
                last_end = reading.span.end;
                // Room for four at the first, as the first push would make, without the
                // path that grows a vector: most texts with indicators hold one to four.
                if found.capacity() == 0 {
                    found = Vec::with_capacity(4);
                }
                found.push(reading.into_indicator(text, offset, role, change));
            }
            None => i = run_end,
        }
    }
    if found.len() > 1 {
        share_units(text, offset, &mut found);
        share_leading_approximations(text, offset, &mut found);
    }
    found
}

/// `分别超过8万元、4.5万元`: numbers listed with `、` after one that an approximation
/// word opens are qualified by it too, unless they have a word of their own. `text`
/// starts at `offset` of the document that their spans refer to.
fn share_leading_approximations(text: &str, offset: usize, found: &mut [Indicator<'_>]) {
    let mut carried = None;
    for i in 0..found.len() {
        let listed = i > 0 && listed_with_comma(text, offset, &found[i - 1], &found[i]);
        let this = &mut found[i];
        let opened_by_word = !this.text.starts_with(is_numeral_char);
        carried = match carried {
            _ if opened_by_word && this.approx != Approx::Exact => Some(this.approx),
            Some(approx) if listed && this.approx == Approx::Exact => {
                this.approx = approx;
                Some(approx)
            }
            _ => None,
        };
    }
}

/// `1409万、1305万人次`, `3.4个、1个百分点`: numbers listed with `、` share the unit of the
/// last one. `text` starts at `offset` of the document that their spans refer to.
fn share_units(text: &str, offset: usize, found: &mut [Indicator<'_>]) {
    for i in (0..found.len().saturating_sub(1)).rev() {
        let (head, tail) = found.split_at_mut(i + 1);
        let (first, next) = (&mut head[i], &tail[0]);
        let listed = listed_with_comma(text, offset, first, next);
        let Some(unit) = next.unit.clone().filter(|_| listed) else {
            continue;
        };
        let shorter =
            first.unit.as_deref() == Some("个") && next.text.contains(&format!("个{unit}"));
        if first.unit.is_none() || shorter {
            first.unit = Some(unit);
            first.kind = next.kind;
        }
    }
}

/// Whether `next` follows `first` in a list, with nothing but `、` between them. `text`
/// starts at `offset` of the document that their spans refer to.
fn listed_with_comma(
    text: &str,
    offset: usize,
    first: &Indicator<'_>,
    next: &Indicator<'_>,
) -> bool {
    text.get(first.span.end - offset..next.span.start - offset) == Some("、")
}

/// [`is_numeral`] by one lookup: the scan tests every mark and every char of a numeral
/// run, where the definition takes a chain of comparisons.
fn is_numeral_char(c: char) -> bool {
    static NUMERALS: BmpSet = bmp_set!(|c| is_numeral(c));
    NUMERALS.contains_code(u32::from(c))
}

/// The chars that, right after a `一`, make it more than a lone `一` (see [`scan`]): those
/// that go on a numeral run (see [`numeral_run_end`]), and `点` and `分`.
static AFTER_ONE: BmpSet =
    bmp_set!(|c| is_numeral(c) || matches!(c, '.' | ',' | '．' | '点' | '分'));

/// End of the run of numeral characters starting at `i` (digits, separators, Chinese
/// numerals), so that a rejected `十四五` is not read again from `四五`.
// Out of line: inlined into the scan's loop, where registers run short, it spills and
// costs more than the call.
#[inline(never)]
fn numeral_run_end(text: &str, i: usize) -> usize {
    // Every char of a run past ASCII is a three-byte one (a test holds it): looked up
    // by its bytes, not decoded.
    static RUN: BmpSet = bmp_set!(|c| is_numeral(c) || c == '．');
    let bytes = text.as_bytes();
    let mut end = i;
    loop {
        while let Some(b'0'..=b'9' | b'.' | b',') = bytes.get(end) {
            end += 1;
        }
        match bytes.get(end..end + 3) {
            Some(&[lead, second, third])
                if RUN.contains_three_byte([lead, second, third]) == Some(true) =>
            {
                end += 3;
            }
            _ => return end,
        }
    }
}

/// Ranges of `text[range]` where numerals are names, sorted and merged: short “quoted”
/// terms, 《titles》, set phrases, `［27］` note markers and `〔2021〕` document numbers.
/// `numerals` are the numeral marks of the text and `guards` its quotes and brackets (see
/// [`crate::sentences::protected`]).
///
/// A scan asks whether a shield holds a numeral mark, or an ASCII digit whose run of
/// letters and digits starts at a mark in the same quote or bracket: a quote or bracket
/// with no numeral mark inside is left out, and most are. The rest are found in one walk
/// over the marks, from left to right, so they come sorted and are merged as they come.
pub(crate) fn shields(
    text: &str,
    range: Range<usize>,
    numerals: &Marks,
    guards: &Ranges,
) -> Ranges {
    let mut guards = guards.overlapping(range.clone()).iter().peekable();
    let mut out: Vec<Range<usize>> = Vec::new();
    let mut add = |shield: Range<usize>| match out.last_mut() {
        Some(last) if shield.start <= last.end => last.end = last.end.max(shield.end),
        _ => out.push(shield),
    };
    // Set phrases, read from left to right as a search would: each starts with a numeral.
    // Most numerals stand before no char that is second in a phrase: one lookup by its
    // bytes turns them down before the text is sliced for the search.
    let mut phrase_end = 0;
    let seconds = lexicon::set_phrase_seconds();
    let (marks, chars) = numerals.slices(range.clone());
    for (&at, &c) in marks.iter().zip(chars) {
        // The guards that start by this mark: those that end before it hold no mark; the
        // one that holds it (they are disjoint) starts before any phrase at it.
        while let Some(guard) = guards.next_if(|g| g.start <= at) {
            if at < guard.end && names_numerals(text, guard) {
                add(guard.clone());
            }
        }
        let may_start = is_chinese_numeral(c) && seconds.contains_char_at(text, at + c.len_utf8());
        if at < phrase_end || !may_start {
            continue;
        }
        if let Some(len) = text.get(at..range.end).and_then(lexicon::set_phrase_at) {
            phrase_end = at + len;
            add(at..phrase_end);
        }
    }
    Ranges::new(out)
}

/// Whether the numerals inside the quote or bracket `guard` are names: a short “quoted”
/// term, a 《title》, a `［27］` note marker or a `〔2021〕` document number.
fn names_numerals(text: &str, guard: &Range<usize>) -> bool {
    match char_at(text, guard.start) {
        Some('“' | '‘' | '「' | '『') => at_most_chars(&text[guard.clone()], 32),
        Some('《' | '〔' | '［' | '[') => true,
        _ => false,
    }
}

/// Whether `text` holds at most `n` chars; counted only where its length leaves it open
/// (a char takes one to four bytes).
fn at_most_chars(text: &str, n: usize) -> bool {
    text.len() <= n || (text.len() <= 4 * n && text.chars().count() <= n)
}

/// What was read at one place, before it is turned into an [`Indicator`].
#[derive(Clone)]
struct Reading {
    span: Range<usize>,
    value: Number,
    max: Option<Number>,
    unit: Option<UnitText>,
    approx: Approx,
    kind: IndicatorKind,
}

#[derive(Clone, Copy)]
enum UnitText {
    /// A unit of the lexicon, as written or normalised: as written, it is the lexicon's
    /// surface, whose bytes the text's are, and nothing is sliced from the text.
    Fixed(&'static str),
    /// A rate: two units joined by `/`, such as `人/天`.
    Rate(&'static str, &'static str),
}

impl Reading {
    /// The indicator read in `text`, which starts at `offset` of the document, with its
    /// role and change.
    fn into_indicator<'a>(
        self,
        text: &'a str,
        offset: usize,
        role: Role,
        change: Option<Change<'a>>,
    ) -> Indicator<'a> {
        let unit = self.unit.map(|u| match u {
            UnitText::Fixed(f) => Cow::Borrowed(f),
            UnitText::Rate(a, b) => Cow::Owned(format!("{a}/{b}")),
        });
        Indicator {
            text: Cow::Borrowed(&text[self.span.clone()]),
            span: Span::new(offset + self.span.start, offset + self.span.end),
            value: self.value,
            max: self.max,
            unit,
            approx: self.approx,
            kind: self.kind,
            change,
            role,
        }
    }
}

/// Whether `word` stands in `text` at byte offset `at`. Compared as bytes: the checks
/// around a number, most of which fail, slice no text and decode no char.
fn stands_at(text: &str, at: usize, word: &str) -> bool {
    text.as_bytes()
        .get(at..)
        .is_some_and(|rest| rest.starts_with(word.as_bytes()))
}

/// Reads the indicator whose numeral starts the run of numeral characters `run`; `None`
/// when the numeral there is not a quantity (a date, an ordinal, a code, a name). Text
/// before `taken` belongs to an earlier indicator.
fn read_indicator(text: &str, run: Range<usize>, taken: usize) -> Option<Reading> {
    let at = run.start;
    if is_code_or_ordinal(text, at) {
        return None;
    }
    if let Some(fraction) = chinese_fraction(text, run) {
        return Some(fraction);
    }
    // Borrowed where it was returned: moved out of the `Option`, its hundred bytes were
    // copied field by field.
    let read = numerals::read(&text[at..], &lexicon::starts_with_unit);
    let Some(numeral) = &read else {
        return None;
    };
    if numeral.lone_one {
        return None;
    }
    let mut end = at + numeral.len;
    let date = is_date_or_period(&text[end..], numeral) && !counts_years(text, at, numeral);
    if date || is_formula_or_code_after(&text[end..]) {
        return None;
    }
    let (mut approx, mut start) = approx_before(text, at, numeral.bare_magnitude);
    // `10人以上百人`: the 上 of 以上 belongs to the indicator before.
    if start < taken {
        (approx, start) = (Approx::Exact, at);
    }
    if let Some(reading) = arabic_fraction(text, start..end, numeral, approx) {
        return Some(reading);
    }
    let mut value = numeral.value;
    let mut max = numeral.max;

    // 余/多 after the number, and a magnitude after them: `六千余万元`, `200余万`, `千余人`.
    if let Some(after) = many_after(text, end) {
        approx = Approx::Over;
        end = after;
        if let Some((exponent, len)) = big_magnitude(&text[end..]) {
            value = value.scaled(exponent)?;
            max = max.and_then(|m| m.scaled(exponent));
            end += len;
        }
    } else if numeral.bare_magnitude && approx == Approx::Exact && !counts_bare(text, end, numeral)
    {
        // A bare 十/百/千 counts only before a measure word (`举办千场`, `十件民生实事`);
        // otherwise it needs a word that makes it a number (`近百场`, `上千篇`, `过万`).
        return None;
    }

    let (mut unit, mut end) = read_unit(text, end);
    // Most numbers stand before no word of a range, an approximation or a scale: one
    // lookup of the char after the unit turns them down.
    if AFTER_UNIT.contains_char_at(text, end) {
        // A range with its second number: `3-5个`, `20至30人`, `3-5万元`.
        if let Some((second, second_end)) = range_second(text, end, numeral) {
            let (second_unit, second_unit_end) = read_unit(text, second_end);
            if same_unit(unit, second_unit) {
                if is_date_or_period(&text[second_end..], &second) {
                    return None;
                }
                if numeral.exponent == 0 && second.exponent > 0 && unit.is_none() {
                    value = value.scaled(second.exponent)?;
                }
                if second.value > value {
                    max = Some(second.value);
                    unit = second_unit;
                    end = second_unit_end;
                }
            }
            // Otherwise (`25-99人企业`) the first number stands alone.
        }
        // The approximation word after the unit: `1000人以上`, `6%左右`.
        if let Some((word, a)) = approx_after(text, end) {
            if approx == Approx::Exact {
                approx = a;
            }
            end += word.len();
        }
        // `数字政府2.0建设`, `3.0版`, `6.2级地震`: a version or a magnitude scale, not an
        // amount.
        if unit.is_none() && !numeral.has_magnitude && SCALES.starting(&text[end..]).is_some() {
            return None;
        }
    }
    // `增长-3.2%`: a minus sign between a verb of change and its number. Most numbers
    // follow none: told by the last byte of `-`, `－` and `−`.
    let minus = matches!(text.as_bytes()[..at].last(), Some(0x2D | 0x8D | 0x92));
    if minus && start == at && max.is_none() {
        if let Some(sign_at) = minus_after_change(text, at) {
            value = value.checked_mul(Number::integer(-1))?;
            start = sign_at;
        }
    }
    let found_unit = unit.map(|u| u.unit);
    // `千万海南人民`, `百万`: a Chinese amount with no digit and no unit is figurative
    // unless a word makes it a number (`突破百亿`, `超百万`).
    let figurative = numeral.script == Script::Chinese
        && !numeral.has_digit
        && found_unit.is_none()
        && approx == Approx::Exact;
    if figurative
        || !(is_quantity(numeral, found_unit) || is_stated_after_wei(text, at, end, numeral))
        || is_identifier(text, at, numeral, found_unit)
        || is_rank_or_session(text, at, end, found_unit)
    {
        return None;
    }
    let kind = found_unit
        .and_then(|u| u.kind)
        .unwrap_or(IndicatorKind::Amount);
    let unit_text = unit.map(|u| match u.per {
        Some(per) => UnitText::Rate(u.unit.normalised, per),
        None => UnitText::Fixed(u.unit.normalised),
    });
    let reading = Reading {
        span: start..end,
        value,
        max,
        unit: unit_text,
        approx,
        kind,
    };
    Some(reading)
}

/// The numeral run `text[at..end]` is an enumeration marker (indicator conventions):
/// alone in brackets, `（一）` `(3)`, or a number of a list (`一` … `九十九`, `1` … `99`)
/// before `、` `.` `．` that no other number follows, `一、加强` `1.医疗` (a run that
/// ends with its dot stopped before a non-digit).
fn is_list_label(text: &str, at: usize, end: usize) -> bool {
    // What follows the run and its last byte decide most runs: compared as bytes, the
    // chars around the run are decoded only when a closing bracket follows.
    let bytes = text.as_bytes();
    let (run, after) = (&bytes[at..end], &bytes[end..]);
    // Most runs end with no dot (`.`, `．` EF BC 8E) and stand before none of `）` (EF BC
    // 89), `)` and `、` (E3 80 81): told by two bytes.
    if !matches!(run.last(), Some(b'.' | 0x8E))
        && !matches!(after.first(), Some(b')' | 0xEF | 0xE3))
    {
        return false;
    }
    let bracketed = (after.starts_with("）".as_bytes()) || after.starts_with(b")"))
        && matches!(
            (char_before(text, at), char_at(text, end)),
            (Some('（'), Some('）')) | (Some('('), Some(')'))
        );
    if bracketed {
        return true;
    }
    let dotted = run.ends_with(b".") || run.ends_with("．".as_bytes());
    let listed = || {
        after.starts_with("、".as_bytes()) && !text[end + "、".len()..].starts_with(is_numeral_char)
    };
    if !(dotted || listed()) {
        return false;
    }
    let number = text[at..end].trim_end_matches(['.', '．']);
    (number.chars().count() <= 2 && number.chars().all(|c| digit_value(c).is_some()))
        || (number.chars().count() <= 3
            && number
                .chars()
                .all(|c| c == '十' || chinese_digit(c).is_some_and(|d| d > 0)))
}

/// What stands before the numeral makes it an ordinal (`第19批`) or part of a code or
/// formula (`PM2.5`, `COVID-19`, `1+6`, `〔2021〕`).
fn is_code_or_ordinal(text: &str, at: usize) -> bool {
    // Most numbers follow none of the chars of `CODE_BEFORE`: one lookup turns them down.
    if !CODE_BEFORE.contains_char_before(text, at) {
        return false;
    }
    let Some(b) = char_before(text, at) else {
        return false;
    };
    if is_code_before(b) {
        return true;
    }
    // `第一、二轮`: the second of a list of ordinals.
    if b == '、' {
        let list = &text[..at - b.len_utf8()];
        let numeral = list.trim_end_matches(is_numeral_char);
        if numeral.len() < list.len() && numeral.ends_with('第') {
            return true;
        }
    }
    is_code_joiner(b)
        && char_before(text, at - b.len_utf8()).is_some_and(|c| c.is_ascii_alphanumeric())
}

/// A char before a number that makes it an ordinal, a denominator (`每千人口`) or part of
/// a code: `第19批`, `1+6`, `〔2021〕`, `PM2.5`.
const fn is_code_before(c: char) -> bool {
    matches!(
        c,
        '第' | '每' | '+' | '＋' | '/' | '／' | '〔' | '#' | '№' | '_'
    ) || c.is_ascii_alphabetic()
}

/// What joins the parts of a code: `COVID-19`, `PM2.5`.
const fn is_code_joiner(c: char) -> bool {
    matches!(c, '-' | '－' | '.' | '·')
}

/// The chars before a number that [`is_code_or_ordinal`] looks further at: those of
/// [`is_code_before`], `、` of a list of ordinals (`第一、二轮`), and code joiners.
static CODE_BEFORE: BmpSet = bmp_set!(|c| is_code_before(c) || c == '、' || is_code_joiner(c));

/// What follows the numeral makes it part of a formula or a code: `1+N`, `5G`, `4A级`.
fn is_formula_or_code_after(rest: &str) -> bool {
    match rest.as_bytes().first() {
        Some(b'+') => true,
        Some(b) if b.is_ascii_alphabetic() => lexicon::ascii_unit(rest).is_none(),
        _ => stands_at(rest, 0, "＋"),
    }
}

/// `连续37年`, `提前两年`: a number of years counted, not a calendar year. Only for a
/// whole number below 100 after a word that counts time.
fn counts_years(text: &str, at: usize, numeral: &Numeral) -> bool {
    const COUNTING: Words<(), 10> = Words::of([
        "连续", "延长", "提前", "缩短", "历时", "长达", "用了", "用", "累计", "持续",
    ]);
    !numeral.has_fraction
        && numeral.value < Number::integer(100)
        && text[at + numeral.len..].starts_with('年')
        && COUNTING.ending(&text[..at]).is_some()
}

/// Whether a bare 十, 百 or 千 at `end` is followed by a measure word of a count.
fn counts_bare(text: &str, end: usize, numeral: &Numeral) -> bool {
    let unit = read_unit(text, end).0.map(|u| u.unit);
    numeral.value <= Number::integer(1000)
        && unit.is_some_and(|u| u.kind == Some(IndicatorKind::Count))
}

/// The approximation word just before `at`, and where the indicator then starts.
fn approx_before(text: &str, at: usize, bare_magnitude: bool) -> (Approx, usize) {
    // Most numbers follow no such word: one lookup of the char before turns them down.
    if !BEFORE_APPROX.contains_char_before(text, at) {
        return (Approx::Exact, at);
    }
    let before = &text[..at];
    let found = BEFORE
        .ending(before)
        .or_else(|| bare_magnitude.then(|| BEFORE_BARE.ending(before)).flatten());
    match found {
        Some((word, approx)) if approx != Approx::Exact => (approx, at - word.len()),
        _ => (Approx::Exact, at),
    }
}

/// `1/3`: an Arabic fraction over the numeral at `span`.
fn arabic_fraction(
    text: &str,
    span: Range<usize>,
    numeral: &Numeral,
    approx: Approx,
) -> Option<Reading> {
    if numeral.script != Script::Arabic
        || numeral.has_magnitude
        || numeral.has_fraction
        || numeral.integer_digits > 3
    {
        return None;
    }
    if !stands_at(text, span.end, "/") {
        return None;
    }
    let after_slash = &text[span.end + 1..];
    let digits = after_slash.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 3 || after_slash[digits..].starts_with(['/', '.']) {
        return None;
    }
    let value = numeral
        .value
        .checked_div(Number::integer(after_slash[..digits].parse().ok()?))?;
    let end = span.end + '/'.len_utf8() + digits;
    Some(Reading {
        span: span.start..end,
        value,
        max: None,
        unit: None,
        approx,
        kind: IndicatorKind::Fraction,
    })
}

/// The end of `余` or `多` after a number when it means "more than": `200余场`, `30多家`,
/// `100多万`, but not `多元`, `多措并举`.
// Inlined: it runs for every number read, and a call would cost a good part of its work.
#[inline(always)]
fn many_after(text: &str, end: usize) -> Option<usize> {
    if stands_at(text, end, "余") {
        return Some(end + "余".len());
    }
    if !stands_at(text, end, "多") {
        return None;
    }
    let after = &text[end + "多".len()..];
    let counts = lexicon::starts_with_unit(after)
        || big_magnitude(after).is_some()
        || !after.starts_with(|c: char| crate::chars::is_han(c));
    counts.then(|| end + "多".len())
}

/// A magnitude of 万 or more (`万亿`, `亿`, `万`), as may scale a number after 余/多.
fn big_magnitude(text: &str) -> Option<(u32, usize)> {
    numerals::magnitude(text).filter(|&(exponent, _)| exponent >= 4)
}

/// The approximation word after a unit: `以上`, `左右` …; `上下游` is not one.
// Inlined: it runs for every number read, and a call would cost a good part of its work.
#[inline(always)]
fn approx_after(text: &str, end: usize) -> Option<(&'static str, Approx)> {
    let rest = &text[end..];
    let (word, approx) = AFTER.starting(rest)?;
    let spoilt = word == "上下"
        && rest[word.len()..].starts_with(['游', '级', '联', '班', '贯', '结', '齐', '同']);
    (!spoilt).then_some((word, approx))
}

/// Whether a numeral with this unit is a quantity: a lone Chinese `一` is not (`一批`,
/// `一站式`), nor a Chinese `二期` (a phase), nor a number without unit or magnitude.
// Inlined: it runs for every number read, and a call would cost a good part of its work.
#[inline(always)]
fn is_quantity(numeral: &Numeral, unit: Option<&Unit>) -> bool {
    let chinese = numeral.script == Script::Chinese;
    match unit {
        Some(u) => {
            let lone_one = chinese && numeral.lone_one;
            let phase = chinese && u.surface == "期" && !numeral.has_magnitude;
            let tenths = u.surface == "成" && numeral.value > Number::integer(10);
            // `二类水质`: a grade, not a count.
            let grade = chinese && u.surface == "类" && !numeral.has_magnitude;
            !(lone_one || phase || tenths || grade)
        }
        None => {
            let scaled = numeral.has_magnitude
                && (!chinese || numeral.bare_magnitude || numeral.value >= Number::integer(10_000));
            scaled || (!chinese && numeral.has_fraction)
        }
    }
}

/// Where the minus sign before the number at `at` starts, when one stands right after a
/// verb of change: `增长-3.2%`.
// Out of line: few numbers follow a minus sign.
#[inline(never)]
fn minus_after_change(text: &str, at: usize) -> Option<usize> {
    let before = text[..at].strip_suffix(['-', '－', '−'])?;
    CHANGE_VERBS.ending(before).map(|_| before.len())
}

/// `死亡率为0`, `综合指数为95`: a number in digits without unit, stated after 为 and
/// ending its clause, is the value of what it is said of.
fn is_stated_after_wei(text: &str, at: usize, end: usize, numeral: &Numeral) -> bool {
    numeral.script == Script::Arabic
        && char_before(text, at) == Some('为')
        && char_at(text, end).is_none_or(|c| matches!(c, '，' | '。' | '；' | '、' | ',' | ';'))
}

/// Whether the first number's unit and the second's agree (or the first has none).
fn same_unit(first: Option<UnitRead>, second: Option<UnitRead>) -> bool {
    match (first, second) {
        (Some(a), Some(b)) => a.unit.normalised == b.unit.normalised && a.per == b.per,
        (None, _) => true,
        (Some(_), None) => false,
    }
}

/// A unit read after a number.
#[derive(Clone, Copy)]
struct UnitRead {
    unit: &'static Unit,
    /// For a rate, the unit after `/`.
    per: Option<&'static str>,
}

/// The units that may follow `/` in a rate, longest first: `人/天`, `元/平方米`,
/// `元/人·月`, `元/人次`.
const PER_UNITS: Words<(), 24> = Words::of([
    "人·月",
    "人·年",
    "人·天",
    "户·月",
    "户·年",
    "人次",
    "户次",
    "平方米",
    "立方米",
    "小时",
    "公里",
    "月",
    "天",
    "年",
    "日",
    "人",
    "吨",
    "亩",
    "户",
    "次",
    "件",
    "台",
    "辆",
    "千瓦时",
]);

/// The unit at `at` (with, for a rate, its second unit) and where it ends.
// Inlined: it runs for every number read, and a call would cost a good part of its work.
#[inline(always)]
fn read_unit(text: &str, at: usize) -> (Option<UnitRead>, usize) {
    // `文件31⏎件`: an item of text with hard line wraps runs over line breaks (items of
    // other text hold none), and a count's unit may start the next line.
    let wrapped = text.as_bytes().get(at) == Some(&b'\n');
    let unit_at = at + usize::from(wrapped);
    let rest = &text[unit_at..];
    let Some(unit) = lexicon::unit_at(rest).or_else(|| lexicon::ascii_unit(rest)) else {
        return (None, at);
    };
    // Not the 年 of a year (`2023⏎年`), whose number was not told from a date.
    if unit.kind.is_none() || (wrapped && unit.surface == "年") {
        return (None, at);
    }
    let end = unit_at + unit.surface.len();
    // A rate: `1500人/天`, `725元/月`.
    let after = &text[end..];
    if let Some(after_slash) = after.strip_prefix('/').or_else(|| after.strip_prefix('／')) {
        if let Some((per, ())) = PER_UNITS.starting(after_slash) {
            return (
                Some(UnitRead {
                    unit,
                    per: Some(per),
                }),
                text.len() - after_slash.len() + per.len(),
            );
        }
    }
    (Some(UnitRead { unit, per: None }), end)
}

/// The second number of a range that starts at `at`, with its end.
// Inlined: it runs for every number read, and a call would cost a good part of its work.
#[inline(always)]
fn range_second(text: &str, at: usize, first: &Numeral) -> Option<(Numeral, usize)> {
    let rest = &text[at..];
    let (word, ()) = RANGE.starting(rest)?;
    let after = at + word.len();
    let second = numerals::read(&text[after..], &lexicon::starts_with_unit)?;
    let same_script = second.script == first.script;
    (same_script && second.max.is_none()).then_some((second, after + second.len))
}

/// `百分之五`, `千分之三`, `三分之一`: the fraction that starts the numeral run `run`.
fn chinese_fraction(text: &str, run: Range<usize>) -> Option<Reading> {
    let at = run.start;
    // `分之` follows the run: `百` and `千` of `百分之` and `千分之` are runs of their own.
    if !stands_at(text, run.end, "分之") {
        return None;
    }
    let after = &text[run.end + "分之".len()..];
    let (denominator, kind, unit) = match &text[run] {
        "百" => (
            Number::integer(1),
            IndicatorKind::Percent,
            Some(UnitText::Fixed("%")),
        ),
        "千" => (
            Number::integer(1),
            IndicatorKind::Percent,
            Some(UnitText::Fixed("‰")),
        ),
        // `三分之一`: the denominator is the run.
        run => (numerals::parse_number(run)?, IndicatorKind::Fraction, None),
    };
    let numeral = numerals::read(after, &|_| false)?;
    if numeral.max.is_some() {
        return None;
    }
    let value = numeral.value.checked_div(denominator)?;
    let mut end = text.len() - after.len() + numeral.len;
    let mut approx = Approx::Exact;
    if let Some((word, a)) = AFTER.starting(&text[end..]) {
        approx = a;
        end += word.len();
    }
    let mut start = at;
    if let Some((word, a)) = BEFORE.ending(&text[..at]) {
        approx = a;
        start = at - word.len();
    }
    Some(Reading {
        span: start..end,
        value,
        max: None,
        unit,
        approx,
        kind,
    })
}

fn is_year(numeral: &Numeral) -> bool {
    numeral.integer_digits == 4
        && !numeral.has_fraction
        && !numeral.has_magnitude
        && (Number::integer(1900)..=Number::integer(2100)).contains(&numeral.value)
}

/// The number is a date, a period or a time: `2021年`, `2022-2-16`, `1至10月`, `11月6日`,
/// `一季度`, `24时`.
// Inlined: it runs for every number read, and most are turned down by one lookup.
#[inline(always)]
fn is_date_or_period(rest: &str, numeral: &Numeral) -> bool {
    // Most numbers stand before none of the chars of `DATE_NEXT` (a unit, `余`, `，`):
    // one lookup by its bytes turns them down, where the match below decodes the char.
    DATE_NEXT.contains_char_at(rest, 0) && date_or_period_by_next(rest, numeral)
}

/// The chars after a number that [`date_or_period_by_next`] looks further at.
static DATE_NEXT: BmpSet = BmpSet::EMPTY.with(&[
    '-', '－', '.', '/', '／', '—', '至', '年', '月', '日', '号', '时', '届', '秒', '点', '季',
    '周', '世',
]);

/// [`is_date_or_period`] by the char that follows the number.
fn date_or_period_by_next(rest: &str, numeral: &Numeral) -> bool {
    let arabic = numeral.script == Script::Arabic;
    let Some(next) = rest.chars().next() else {
        return false;
    };
    match next {
        '-' | '－' | '.' | '/' | '／' | '—' | '至' => arabic && is_year(numeral),
        // `10.5年` is a duration; a whole number before 年 is a year or a period.
        '年' => {
            let decimal = arabic && numeral.has_fraction;
            !(decimal || rest.starts_with("年均"))
        }
        '月' | '日' | '号' | '时' | '届' | '秒' => !numeral.has_magnitude,
        '点' => !numeral.has_magnitude && arabic,
        '季' => rest.starts_with("季度"),
        '周' => rest.starts_with("周年"),
        '世' => rest.starts_with("世纪"),
        _ => false,
    }
}

/// What follows the number of a session: `三次会议`, `四次全会`.
const SESSIONS: Words<(), 6> =
    Words::of(["会议", "全会", "党代会", "代表大会", "全体会议", "常委会"]);

/// Ranks and sessions: `前10位`, `前3名`, `三次会议`, `四次全会`.
// Inlined: it runs for every number read, and a call would cost a good part of its work.
#[inline(always)]
fn is_rank_or_session(text: &str, at: usize, end: usize, unit: Option<&Unit>) -> bool {
    let Some(unit) = unit else { return false };
    let rank = || {
        char_before(text, at) == Some('前') || {
            let clause = clause_before(text, at);
            ["排名", "排位", "位次", "居"]
                .iter()
                .any(|w| clause.contains(w))
        }
    };
    // `三次会议`, `七次、八次全会`.
    let session = || {
        let after = text[end..]
            .trim_start_matches(|c: char| c == '、' || c == '次' || is_chinese_numeral(c));
        SESSIONS.starting(after).is_some()
    };
    match unit.surface {
        "位" | "名" => rank(),
        "次" => session(),
        _ => false,
    }
}

/// The clause before `at`: back to the last `，。；：`, at most [`CLAUSE_CHARS`] characters.
fn clause_before(text: &str, at: usize) -> &str {
    let mut start = at;
    for _ in 0..CLAUSE_CHARS {
        match clause_char_before(text, start) {
            Some((before, _)) => start = before,
            None => break,
        }
    }
    &text[start..at]
}

/// Where the char before `at` starts, with its code point; `None` when it ends a clause
/// (`，。；：`) or `at` is the start of `text`.
#[inline]
fn clause_char_before(text: &str, at: usize) -> Option<(usize, u32)> {
    static CLAUSE_ENDS: BmpSet =
        bmp_set!(|c| matches!(c, '，' | '。' | '；' | '：' | ',' | ';' | '！' | '？'));
    // One of three bytes (Han text) is looked up by its bytes, any other decoded.
    let (len, code) = match text.as_bytes()[..at] {
        [.., lead @ 0xE0..=0xEF, second, third] => (3, three_byte_code(lead, second, third)),
        _ => {
            let c = char_before(text, at)?;
            (c.len_utf8(), u32::from(c))
        }
    };
    (!CLAUSE_ENDS.contains_code(code)).then_some((at - len, code))
}

/// How far back a clause is read for its verb of change or its rank word.
const CLAUSE_CHARS: usize = 40;

/// Hotlines, phone numbers and codes: `12345`, `0755-…`, `13800138000`.
// Inlined: it runs for every number read, and most are turned down by its first test.
#[inline(always)]
fn is_identifier(text: &str, at: usize, numeral: &Numeral, unit: Option<&Unit>) -> bool {
    if numeral.script != Script::Arabic || numeral.has_magnitude || numeral.has_fraction {
        return false;
    }
    // Without a fraction or a magnitude every digit is one of the integer's: fewer than
    // five make neither a hotline nor a phone number.
    if numeral.integer_digits < 5 {
        return numeral.leading_zero;
    }
    let literal = &text[at..at + numeral.len];
    let mut digits = literal.bytes().filter(u8::is_ascii_digit);
    let digit_count = digits.clone().count();
    let hotline = digit_count == 5 && digits.by_ref().take(3).eq(*b"123");
    let phone = digit_count >= 7 && !literal.contains(',') && unit.is_none();
    hotline || phone || numeral.leading_zero
}

/// The change (`同比增长`, `下降`) that the number at `start` of `text` measures, looking
/// back in its clause over the `earlier` indicators of a list (`分别增长5.1%、13.6%`);
/// `text` starts at `offset` of the document that their spans refer to. A number that
/// `counts` things is upgraded, not grown, after 提升 (`改造提升24个服务区`).
fn change_before<'a>(
    text: &'a str,
    start: usize,
    counts: bool,
    earlier: &[Indicator<'a>],
    offset: usize,
) -> Option<Change<'a>> {
    // Most numbers follow neither a verb nor what may stand between a verb and them: one
    // lookup turns them down.
    let listed = earlier.last().is_some_and(|e| e.span.end == offset + start);
    if !(listed || BEFORE_CHANGE.contains_char_before(text, start)) {
        return None;
    }
    // Back from the number over what may stand between a verb and it: list separators,
    // earlier numbers of the list (the nearest first, at most eight) and a few filler
    // words (`分别增长5.1%、13.6%`).
    let mut list = earlier.iter().rev().take(8).peekable();
    let mut verb_end = start;
    loop {
        let skipped = match BETWEEN.ending(&text[..verb_end]) {
            Some((word, ())) => word.len(),
            None => match list.next_if(|e| e.span.end == offset + verb_end) {
                Some(listed) => listed.span.len(),
                None => break,
            },
        };
        verb_end -= skipped;
        // The verb stands in the number's clause, at most CLAUSE_CHARS characters back.
        if start - verb_end > CLAUSE_CHARS * 4 {
            return None;
        }
    }
    // The verb that ends there (the longest, listed first); it must stand in the
    // number's clause.
    let (verb, direction) = CHANGE_VERBS.ending(&text[..verb_end])?;
    if counts && verb == "提升" {
        return None;
    }
    let verb_at = verb_end - verb.len();
    let basis = basis_before(text, start, verb_at)?.map(|b| Cow::Borrowed(&text[b]));
    // `同比分别增长8.7%、下降5.2%`: a verb after the change before it in a list compares
    // with the same basis.
    let basis = basis.or_else(|| {
        let before = text[..verb_at].strip_suffix('、')?;
        let listed = earlier
            .last()
            .filter(|e| e.span.end == offset + before.len())?;
        listed.change.as_ref()?.basis.clone()
    });
    Some(Change {
        direction,
        verb: Cow::Borrowed(&text[verb_at..verb_end]),
        basis,
    })
}

/// The comparison basis (`同比`, `比2020年`) before the verb of change at `verb_at`, for
/// the number at `start`; `None` when the verb stands outside the number's clause.
// Out of line: most numbers follow no verb of change.
#[inline(never)]
fn basis_before(text: &str, start: usize, verb_at: usize) -> Option<Option<Range<usize>>> {
    // Back from the number over its clause (see `clause_before`), to the verb and no
    // further than a basis and `分别` after it reach: the text further back decides
    // nothing. On the way, the last 比 or 较 before the verb.
    let (mut head_start, mut walked, mut past_verb) = (start, 0, 0);
    let mut comparison = None;
    while walked < CLAUSE_CHARS && past_verb < BASIS_REACH {
        let Some((before, code)) = clause_char_before(text, head_start) else {
            break;
        };
        head_start = before;
        walked += 1;
        if before < verb_at {
            past_verb += 1;
            if comparison.is_none() && (code == u32::from('比') || code == u32::from('较')) {
                comparison = Some(before);
            }
        }
    }
    if verb_at < head_start {
        return None;
    }
    let head = &text[head_start..verb_at];
    let head = head.strip_suffix("分别").unwrap_or(head);
    let head_end = head_start + head.len();
    let basis = BASES
        .ending(head)
        .map(|(b, ())| head_end - b.len()..head_end)
        .or_else(|| {
            // `比2020年增长`, `较“十三五”末增长`.
            let at = comparison?;
            let basis = &text[at..head_end];
            (basis.chars().count() <= BASIS_CHARS && !basis.contains(is_clause_mark))
                .then_some(at..head_end)
        });
    Some(basis)
}

/// The most chars of a comparison basis (`比2020年`, `较“十三五”末`).
const BASIS_CHARS: usize = 10;

/// How far back before a verb of change its basis may start: a basis and `分别`.
const BASIS_REACH: usize = BASIS_CHARS + "分别".len() / 3;

fn is_clause_mark(c: char) -> bool {
    matches!(c, '，' | '。' | '；' | '、')
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A list looked up by `ending` finds its first word that fits, which must be the
    /// longest: no word may end a word listed after it (and for `starting`, start it).
    #[test]
    fn the_word_lists_put_longer_words_before_the_words_they_hold() {
        fn shadows(words: &[&str], holds: impl Fn(&str, &str) -> bool) -> Option<(String, String)> {
            words.iter().enumerate().find_map(|(i, earlier)| {
                let later = words[i + 1..].iter().find(|later| holds(later, earlier))?;
                Some((earlier.to_string(), later.to_string()))
            })
        }
        let ending = |w: Vec<&str>| shadows(&w, |later, earlier| later.ends_with(earlier));
        let starting = |w: Vec<&str>| shadows(&w, |later, earlier| later.starts_with(earlier));
        assert_eq!(ending(BEFORE.words().collect()), None);
        assert_eq!(ending(BEFORE_BARE.words().collect()), None);
        assert_eq!(ending(CHANGE_VERBS.words().collect()), None);
        assert_eq!(ending(BASES.words().collect()), None);
        assert_eq!(ending(BETWEEN.words().collect()), None);
        assert_eq!(starting(AFTER.words().collect()), None);
        assert_eq!(starting(RANGE.words().collect()), None);
        assert_eq!(starting(PER_UNITS.words().collect()), None);
    }

    /// `set` holds exactly the chars that `edge` finds in one of `words`: every char is
    /// looked up.
    fn assert_holds_the_edges(
        set: &BmpSet,
        words: &[&'static str],
        edge: impl Fn(&str, char) -> bool,
    ) {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let expected = words.iter().any(|w| edge(w, c));
            assert_eq!(set.contains_code(u32::from(c)), expected, "{c:?}");
        }
    }

    #[test]
    fn the_chars_after_a_unit_are_those_that_start_a_range_an_approximation_or_a_scale() {
        let words: Vec<_> = RANGE
            .words()
            .chain(AFTER.words())
            .chain(SCALES.words())
            .collect();
        assert_holds_the_edges(&AFTER_UNIT, &words, |w, c| w.starts_with(c));
    }

    #[test]
    fn the_chars_before_an_approximate_number_are_those_that_end_an_approximation_word() {
        let words: Vec<_> = BEFORE.words().chain(BEFORE_BARE.words()).collect();
        assert_holds_the_edges(&BEFORE_APPROX, &words, |w, c| w.ends_with(c));
    }

    #[test]
    fn the_chars_before_a_change_are_those_that_end_a_verb_or_what_may_follow_it() {
        let words: Vec<_> = CHANGE_VERBS.words().chain(BETWEEN.words()).collect();
        assert_holds_the_edges(&BEFORE_CHANGE, &words, |w, c| w.ends_with(c));
    }

    proptest::proptest! {
        /// The basis of a change is found as in the whole clause before the number: the
        /// text further back than a basis reaches decides nothing.
        #[test]
        fn a_basis_is_found_as_in_the_whole_clause(
            head in proptest::collection::vec(proptest::sample::select(&[
                "比", "较", "上年", "同比", "同期", "分别", "，", "、", "年", "“", "”", "a", "十三五", "末",
            ][..]), 0..24),
            between in proptest::collection::vec(proptest::sample::select(&[
                "、", "和", "5.1%", "，", "了", "一二三四五六七八九十",
            ][..]), 0..6),
        ) {
            let head = head.concat();
            let text = format!("{head}增长{}", between.concat());
            let (verb_at, start) = (head.len(), text.len());
            let clause_start = start - clause_before(&text, start).len();
            let whole = (verb_at >= clause_start).then(|| {
                let head = &text[clause_start..verb_at];
                let head = head.strip_suffix("分别").unwrap_or(head);
                let head_end = clause_start + head.len();
                BASES
                    .ending(head)
                    .map(|(b, ())| head_end - b.len()..head_end)
                    .or_else(|| {
                        let at = head.rfind(['比', '较'])?;
                        let basis = &head[at..];
                        (basis.chars().count() <= 10 && !basis.contains(is_clause_mark))
                            .then(|| clause_start + at..head_end)
                    })
            });
            proptest::prop_assert_eq!(basis_before(&text, start, verb_at), whole);
        }
    }

    #[test]
    fn a_change_is_read_back_over_a_list_and_its_fillers() {
        let found = crate::indicators("营业收入同比分别增长5.1%、13.6%和20%，共3家。");
        let verbs: Vec<Option<&str>> = found
            .iter()
            .map(|i| i.change.as_ref().map(|c| c.verb.as_ref()))
            .collect();
        assert_eq!(verbs, [Some("增长"), Some("增长"), Some("增长"), None]);
        let basis = found[1].change.as_ref().and_then(|c| c.basis.as_deref());
        assert_eq!(basis, Some("同比"));
    }

    proptest::proptest! {
        /// A word stands at an offset as the text from there starts with it.
        #[test]
        fn a_word_stands_where_the_text_starts_with_it(
            text in "[一分之点余多/／＋a]{0,6}",
            at in 0usize..20,
            word in proptest::sample::select(&["一", "点", "分之", "余", "多", "/", "＋"][..]),
        ) {
            let expected = text.get(at..).is_some_and(|rest| rest.starts_with(word));
            proptest::prop_assert_eq!(stands_at(&text, at, word), expected);
        }
    }

    proptest::proptest! {
        /// Chars are counted where the length in bytes does not tell.
        #[test]
        fn at_most_chars_is_a_count(text in "[a“一😀]{0,40}", n in 0usize..12) {
            proptest::prop_assert_eq!(at_most_chars(&text, n), text.chars().count() <= n);
        }
    }

    proptest::proptest! {
        /// The set phrases shielded are those that a search at every Chinese numeral from
        /// left to right finds: the test of the second char turns none down.
        #[test]
        fn set_phrases_are_shielded_as_a_search_at_every_numeral_finds(
            pieces in proptest::collection::vec(proptest::sample::select(&[
                "一", "两", "三", "个", "带", "路", "代表", "一带一路", "三个代表", "、", "二级", "。",
            ][..]), 0..24),
        ) {
            let text = pieces.concat();
            let whole = 0..text.len();
            let marks = crate::marks::Kinds::of(&text, whole.clone());
            let no_guards = Ranges::new(Vec::new());
            let found = shields(&text, whole.clone(), &marks.numerals, &no_guards);
            let mut searched: Vec<Range<usize>> = Vec::new();
            for (at, c) in text.char_indices() {
                if searched.last().is_some_and(|s| at < s.end) || !is_chinese_numeral(c) {
                    continue;
                }
                if let Some(len) = lexicon::set_phrase_at(&text[at..]) {
                    match searched.last_mut() {
                        Some(last) if at <= last.end => last.end = at + len,
                        _ => searched.push(at..at + len),
                    }
                }
            }
            proptest::prop_assert_eq!(found.all(), &searched[..]);
        }
    }

    proptest::proptest! {
        /// The shields hold every numeral, and every ASCII letter or digit, that a quote
        /// or bracket naming numerals or a set phrase holds: the quotes and brackets with
        /// no numeral mark inside, left out, hold none.
        #[test]
        fn shields_hold_the_numerals_that_names_and_set_phrases_hold(
            pieces in proptest::collection::vec(proptest::sample::select(&[
                "12", "一", "三十", "PM2", "a1", "人", "“", "”", "《", "》", "〔", "〕", "（", "）",
                "[", "]", "一带一路", "，", "\n",
            ][..]), 0..30),
        ) {
            let text = pieces.concat();
            let whole = 0..text.len();
            let marks = crate::marks::Kinds::of(&text, whole.clone());
            let guards = crate::sentences::protected(&marks.quotes, whole.clone());
            let found = shields(&text, whole.clone(), &marks.numerals, &guards);
            let mut named: Vec<Range<usize>> = guards
                .all()
                .iter()
                .filter(|g| names_numerals(&text, g))
                .cloned()
                .collect();
            let mut phrase_end = 0;
            for (at, c) in text.char_indices() {
                if at < phrase_end || !is_chinese_numeral(c) {
                    continue;
                }
                if let Some(len) = lexicon::set_phrase_at(&text[at..]) {
                    phrase_end = at + len;
                    named.push(at..phrase_end);
                }
            }
            for (at, c) in text.char_indices() {
                if c.is_ascii_alphanumeric() || is_numeral(c) {
                    let shielded = found.all().iter().any(|s| s.contains(&at));
                    let named = named.iter().any(|s| s.contains(&at));
                    proptest::prop_assert_eq!(shielded, named, "{} at {}", text, at);
                }
            }
            // Sorted and disjoint, for a scan's one pointer.
            proptest::prop_assert!(found.all().windows(2).all(|w| w[0].end < w[1].start));
        }
    }

    proptest::proptest! {
        /// A cursor hands out what lookups find, for texts asked for in order or not,
        /// and whether or not the shields of the texts before were asked for.
        #[test]
        fn a_cursor_hands_out_the_marks_and_shields_of_each_text(
            pieces in proptest::collection::vec(proptest::sample::select(&[
                "12", "一", "三十", "人", "“", "”", "《", "》", "一带一路", "，", "。", "\n",
            ][..]), 0..30),
            cuts in proptest::collection::vec((0usize..120, 0usize..40, proptest::bool::ANY), 0..12),
            in_order in proptest::bool::ANY,
        ) {
            let text = pieces.concat();
            let whole = 0..text.len();
            let marks = crate::marks::Kinds::of(&text, whole.clone());
            let guards = crate::sentences::protected(&marks.quotes, whole.clone());
            let shields = shields(&text, whole.clone(), &marks.numerals, &guards);
            let mut ranges: Vec<(Range<usize>, bool)> = cuts
                .into_iter()
                .map(|(start, len, ask)| (start.min(text.len())..(start + len).min(text.len()), ask))
                .collect();
            if in_order {
                ranges.sort_by_key(|(r, _)| r.start);
                let mut end = 0;
                ranges.retain(|(r, _)| {
                    let after = r.start >= end;
                    end = end.max(r.end);
                    after
                });
            }
            let mut cursor = Cursor::new(&marks.numerals, &shields, whole);
            for (range, ask_shields) in ranges {
                proptest::prop_assert_eq!(cursor.marks(range.clone()), marks.numerals.slices(range.clone()));
                if ask_shields {
                    proptest::prop_assert_eq!(cursor.shields(range.clone()), shields.overlapping(range));
                }
            }
        }
    }

    proptest::proptest! {
        /// Hotlines, phone numbers and codes are told as by counting the ASCII digits.
        #[test]
        fn identifiers_are_told_by_their_digits(
            text in "[0０][0-9０-９]{0,8}|[1-9][0-9]{0,10}(,[0-9]{3})?|12,?345",
            unit in proptest::bool::ANY,
        ) {
            let numeral = numerals::read(&text, &|_| false).unwrap();
            let unit = lexicon::unit_at("人").filter(|_| unit);
            let literal = &text[..numeral.len];
            let digits: Vec<u8> = literal.bytes().filter(u8::is_ascii_digit).collect();
            let hotline = digits.len() == 5 && digits.starts_with(b"123");
            let phone = digits.len() >= 7 && !literal.contains(',') && unit.is_none();
            let expected = numeral.script == Script::Arabic
                && !numeral.has_magnitude
                && !numeral.has_fraction
                && (hotline || phone || numeral.leading_zero);
            proptest::prop_assert_eq!(is_identifier(&text, 0, &numeral, unit), expected);
        }
    }

    /// Only the chars of `DATE_NEXT` make a number a date or a period: after every
    /// other char, whatever follows it, the match turns every kind of numeral down.
    #[test]
    fn a_date_or_a_period_follows_a_number_only_before_a_char_of_date_next() {
        let numerals: Vec<Numeral> = ["2021", "10.5", "5万", "三", "十五", "一点五"]
            .iter()
            .map(|text| numerals::read(text, &|_| false).unwrap())
            .collect();
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            if DATE_NEXT.contains_code(u32::from(c)) {
                continue;
            }
            for tail in ["", "年均", "季度", "周年", "世纪"] {
                let rest = format!("{c}{tail}");
                for numeral in &numerals {
                    assert!(!date_or_period_by_next(&rest, numeral), "{rest:?}");
                }
            }
        }
    }

    /// A `一` is passed over, unread, where its run is the `一` alone and neither `点` nor
    /// `分` follows it: every char after it is looked up.
    #[test]
    fn a_lone_one_is_told_by_the_char_after_it() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            for tail in ["", "五"] {
                let text = format!("一{c}{tail}");
                let after = '一'.len_utf8();
                let lone = numeral_run_end(&text, 0) == after
                    && !(stands_at(&text, after, "点") || stands_at(&text, after, "分"));
                assert_eq!(!AFTER_ONE.contains_char_at(&text, after), lone, "{text:?}");
            }
        }
        assert!(!AFTER_ONE.contains_char_at("一", '一'.len_utf8()));
    }

    #[test]
    fn the_chars_of_a_numeral_run_past_ascii_are_three_bytes_long() {
        for c in (0x80..=0x10FFFF).filter_map(char::from_u32) {
            if is_numeral(c) || c == '．' {
                assert_eq!(c.len_utf8(), 3, "{c:?}");
            }
        }
        assert_eq!(numeral_run_end("1,234.5万人", 0), "1,234.5万".len());
        assert_eq!(numeral_run_end("十四五规划", 0), "十四五".len());
        assert_eq!(numeral_run_end("１２．５亿", 0), "１２．５亿".len());
        assert_eq!(numeral_run_end("年", 0), 0);
    }
}
