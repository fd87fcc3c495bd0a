//! Numerals as written in Chinese reports: `1,132.92`, `４`, `7.5万`, `3万4000`, `13万2`,
//! `一百二十`, `十万零一千`, `一万五千亿`, `两三`, `七八十`, `一点五七`.
//!
//! Readers here return what they consumed (in bytes) and an exact [`Number`]; units,
//! approximation words and context are the business of [`mod@crate::indicators`].

use crate::Number;
use crate::chars::{chinese_digit, digit_value, is_chinese_numeral, three_byte_code};
use crate::number::pow10;
use nom::IResult;
use nom::branch::alt;
use nom::bytes::complete::{tag, take_while1};
use nom::combinator::{opt, recognize};
use nom::multi::many0_count;
use nom::sequence::{pair, preceded};

/// How a numeral is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Script {
    /// Arabic digits, possibly with 万/亿 after them: `7.5万`.
    Arabic,
    /// Chinese numerals only: `三十`, `两千`.
    Chinese,
}

/// A numeral read from the front of a text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Numeral {
    /// The amount, magnitude folded in; the low end of a colloquial range (`七八十`).
    pub value: Number,
    /// The high end of a colloquial range.
    pub max: Option<Number>,
    /// Bytes consumed.
    pub len: usize,
    pub script: Script,
    /// Digits before the decimal point of the leading Arabic run (`12345` → 5).
    pub integer_digits: usize,
    /// The leading Arabic run starts with `0` and is not a decimal below one (`0755`).
    pub leading_zero: bool,
    /// Whether a magnitude character (十百千万亿) was read.
    pub has_magnitude: bool,
    /// The numeral is a bare magnitude (`百`, `千`, `万`), as in `近百场`, `上千篇`.
    pub bare_magnitude: bool,
    /// The numeral is a lone `一` (figurative or an article more often than a count).
    pub lone_one: bool,
    /// Whether a decimal point was read.
    pub has_fraction: bool,
    /// The lowest magnitude folded in (`5万` → 4), 0 when none.
    pub exponent: u32,
    /// Whether a digit (not only 十百千万亿) was read: `千万` has none.
    pub has_digit: bool,
}

/// Reads a whole text as one number: `49.8万`, `一万五千亿`, `百分之五` is not a number.
///
/// ```
/// use gongwen::parse_number;
/// assert_eq!(parse_number("49.8万").unwrap().to_string(), "498000");
/// assert_eq!(parse_number("十万零一千").unwrap().to_string(), "101000");
/// assert_eq!(parse_number("1,132.92亿").unwrap().to_string(), "113292000000");
/// assert!(parse_number("十四五").is_none());
/// ```
pub fn parse_number(text: &str) -> Option<Number> {
    let numeral = read(text, &|_| false)?;
    (numeral.len == text.len() && numeral.max.is_none()).then_some(numeral.value)
}

/// Reads the numeral at the front of `text`. `unit_at` says whether a unit starts at a
/// given rest of the text, so that `5千瓦` stops before `千瓦`; generic, so that the
/// lookup is compiled in where a magnitude stands, not called through a pointer.
pub(crate) fn read(text: &str, unit_at: &impl Fn(&str) -> bool) -> Option<Numeral> {
    let first = text.chars().next()?;
    if digit_value(first).is_some() {
        read_arabic(text, unit_at)
    } else {
        read_chinese(text, first, unit_at)
    }
}

/// Between `min` and `max` chars matching `pred`. (nom's `take_while_m_n` counts bytes
/// on `&str` input, which breaks on full-width characters.)
pub(crate) fn chars_while(
    min: usize,
    max: usize,
    pred: impl Fn(char) -> bool,
) -> impl Fn(&str) -> IResult<&str, &str> {
    move |input: &str| {
        let (count, len) = input
            .chars()
            .take(max)
            .take_while(|&c| pred(c))
            .fold((0, 0), |(n, l), c| (n + 1, l + c.len_utf8()));
        if count < min {
            return Err(nom::Err::Error(nom::error::Error::new(
                input,
                nom::error::ErrorKind::TakeWhileMN,
            )));
        }
        Ok((&input[len..], &input[..len]))
    }
}

fn is_digit(c: char) -> bool {
    digit_value(c).is_some()
}

/// An Arabic literal read from the front of a text: `1,132.92`, `１２．５`, `7`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Literal<'a> {
    text: &'a str,
    value: Number,
    /// Digits before the decimal point.
    integer_digits: usize,
    /// Whether a decimal point was read.
    has_fraction: bool,
}

impl<'a> Literal<'a> {
    /// The literal `text` as the parser recognised it; `None` when its value does not fit.
    fn of(text: &'a str) -> Option<Self> {
        let integer_part = text.split(['.', '．']).next().unwrap_or(text);
        let ascii: String = text
            .chars()
            .filter_map(|c| match c {
                ',' => None,
                '．' => Some('.'),
                c => Some(digit_value(c).map_or(c, |d| char::from(b'0' + d))),
            })
            .collect();
        Some(Literal {
            text,
            value: Number::parse_decimal(&ascii)?,
            integer_digits: integer_part.chars().filter(|&c| is_digit(c)).count(),
            has_fraction: integer_part.len() != text.len(),
        })
    }

    /// The plain literal at the front of `input`.
    fn plain(input: &'a str, plain: PlainLiteral) -> Option<Self> {
        Some(Literal {
            text: &input[..plain.len],
            value: plain.scaled(0)?,
            integer_digits: plain.integer_digits,
            has_fraction: plain.places > 0,
        })
    }
}

/// The Arabic literal at the front of `input`: digits, optional groups of three after
/// commas, optional fraction.
fn arabic_literal(input: &str) -> Option<Literal<'_>> {
    match plain_literal(input) {
        Some(plain) => Literal::plain(input, plain),
        // Most texts that no plain literal opens (`万元` after `2568万`) open with no digit.
        None if input.starts_with(is_digit) => Literal::of(parse_arabic_literal(input).ok()?.1),
        None => None,
    }
}

/// A literal of ASCII digits with at most a point and a fraction (`2021`, `92.18`), as
/// its digits with the point left out and the count of digits after it: `92.18` is 9218
/// and 2 places.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct PlainLiteral {
    /// Bytes consumed.
    len: usize,
    /// The digits, point left out (exact: at most 19 digits, which 64 bits hold).
    mantissa: u64,
    /// Digits after the point.
    places: u32,
    /// Digits before the point.
    integer_digits: usize,
}

impl PlainLiteral {
    /// The literal times `10^exponent`, reduced once: `7.5万` is 75 × 10^3.
    fn scaled(self, exponent: u32) -> Option<Number> {
        Number::decimal(self.mantissa, exponent as i32 - self.places as i32)
    }
}

/// Most literals are ASCII digits with at most a point and a fraction (`2021`, `92.18`),
/// which no comma, full-width digit or point continues: those are read in one pass.
/// `None` for any other. Inlined: returned from a call, the literal went through memory.
#[inline]
fn plain_literal(input: &str) -> Option<PlainLiteral> {
    let bytes = input.as_bytes();
    let mut mantissa = 0u64;
    let mut point = None;
    let mut len = 0;
    loop {
        match bytes.get(len) {
            Some(&b @ b'0'..=b'9') => {
                mantissa = mantissa.wrapping_mul(10).wrapping_add(u64::from(b - b'0'));
            }
            Some(b'.') if point.is_none() && bytes.get(len + 1).is_some_and(u8::is_ascii_digit) => {
                point = Some(len);
            }
            _ => break,
        }
        len += 1;
    }
    let integer_digits = point.unwrap_or(len);
    let places = point.map_or(0, |p| len - p - 1);
    // A comma, or a full-width digit or point (`０`–`９`, `．`: EF BC 8E–99), needs the
    // parser; so does a point that no ASCII digit follows, and more than 19 digits.
    let full_width = |at: usize| matches!(bytes.get(at..), Some([0xEF, 0xBC, 0x8E..=0x99, ..]));
    let continued = match bytes.get(len) {
        Some(b',') => true,
        Some(b'.') => places == 0 && full_width(len + 1),
        Some(0xEF) => full_width(len),
        _ => false,
    };
    if integer_digits == 0 || continued || integer_digits + places > 19 {
        return None;
    }
    Some(PlainLiteral {
        len,
        mantissa,
        places: places as u32,
        integer_digits,
    })
}

/// [`arabic_literal`] by the parser alone.
fn parse_arabic_literal(input: &str) -> IResult<&str, &str> {
    recognize(pair(
        pair(
            take_while1(is_digit),
            many0_count(preceded(tag(","), chars_while(3, 3, is_digit))),
        ),
        opt(preceded(alt((tag("."), tag("．"))), take_while1(is_digit))),
    ))(input)
}

/// The magnitude words with their exponents, longest first.
#[cfg(test)]
const MAGNITUDES: [(&str, u32); 5] = [("万亿", 12), ("亿", 8), ("万", 4), ("千", 3), ("百", 2)];

/// Exponent of a magnitude word ([`MAGNITUDES`]) at the front of `text`, with its length.
/// Every word starts with a three-byte char: the first is told by its code, and no word
/// is compared but `万亿` after a `万`. It runs after every Arabic literal.
pub(crate) fn magnitude(text: &str) -> Option<(u32, usize)> {
    const WAN: u32 = '万' as u32;
    const YI: u32 = '亿' as u32;
    const QIAN: u32 = '千' as u32;
    const BAI: u32 = '百' as u32;
    let [lead @ 0xE0..=0xEF, second, third, ref after @ ..] = *text.as_bytes() else {
        return None;
    };
    let exponent = match three_byte_code(lead, second, third) {
        WAN if after.starts_with("亿".as_bytes()) => return Some((12, "万亿".len())),
        WAN => 4,
        YI => 8,
        QIAN => 3,
        BAI => 2,
        _ => return None,
    };
    Some((exponent, 3))
}

fn read_arabic(text: &str, unit_at: &impl Fn(&str) -> bool) -> Option<Numeral> {
    plain_arabic(text, unit_at).or_else(|| general_arabic(text, unit_at))
}

/// Most Arabic numerals are a plain literal with at most one magnitude, which no digit
/// follows (`2021`, `92.18`, `7.5万`, `3.2万亿`): their value is the literal's digits
/// times a power of ten. `None` for any other (`3万4000`, `1,132.92亿`).
fn plain_arabic(text: &str, unit_at: &impl Fn(&str) -> bool) -> Option<Numeral> {
    let literal = plain_literal(text)?;
    let rest = &text[literal.len..];
    // `5千瓦`: the unit wins over the magnitude.
    let (exponent, len) = match magnitude(rest) {
        Some((exponent, len)) if !unit_at(rest) => (exponent, len),
        _ => (0, 0),
    };
    if len > 0 && rest[len..].starts_with(is_digit) {
        return None;
    }
    Some(Numeral {
        value: literal.scaled(exponent)?,
        max: None,
        len: literal.len + len,
        script: Script::Arabic,
        integer_digits: literal.integer_digits,
        leading_zero: text.starts_with('0') && literal.integer_digits > 1,
        has_magnitude: len > 0,
        bare_magnitude: false,
        lone_one: false,
        has_fraction: literal.places > 0,
        exponent,
        has_digit: true,
    })
}

/// Any Arabic numeral, magnitudes and lower-order continuations included.
fn general_arabic(text: &str, unit_at: &impl Fn(&str) -> bool) -> Option<Numeral> {
    // A comma not followed by a group of three belongs to the prose, not the number.
    let literal = arabic_literal(text)?;
    let leading_zero = literal.text.starts_with(['0', '０']) && literal.integer_digits > 1;
    let mut value = literal.value;
    let mut pos = literal.text.len();
    let mut has_magnitude = false;
    // Magnitudes and lower-order continuations: `3万4000`, `13万2`, `1亿2000万`.
    let mut last_exponent = u32::MAX;
    while let Some((exponent, len)) = magnitude(&text[pos..]) {
        if exponent >= last_exponent || unit_at(&text[pos..]) {
            break;
        }
        value = value.scaled(exponent)?;
        pos += len;
        has_magnitude = true;
        last_exponent = exponent;
        let rest = &text[pos..];
        let Some(next) = arabic_literal(rest).filter(|l| !l.has_fraction) else {
            break;
        };
        let (next, part) = (next.text, next.value);
        if next.contains(',') {
            break;
        }
        let after = &rest[next.len()..];
        match magnitude(after) {
            // `1亿2000万`: the next group carries its own, smaller magnitude.
            Some((e, l)) if e < exponent && !unit_at(after) => {
                value = value.checked_add(part.scaled(e)?)?;
                pos += next.len() + l;
                last_exponent = e;
            }
            Some(_) => break,
            None => {
                let digits = next.chars().count() as u32;
                let limit = Number::integer(pow10(exponent)?);
                if digits == 1 && exponent >= 2 {
                    // `13万2`: a lone digit counts in the next lower order.
                    value = value.checked_add(part.scaled(exponent - 1)?)?;
                } else if part < limit && next.chars().count() as u32 <= exponent {
                    value = value.checked_add(part)?;
                } else {
                    break;
                }
                pos += next.len();
                break;
            }
        }
    }
    Some(Numeral {
        value,
        max: None,
        len: pos,
        script: Script::Arabic,
        integer_digits: literal.integer_digits,
        leading_zero,
        has_magnitude,
        bare_magnitude: false,
        lone_one: false,
        has_fraction: literal.has_fraction,
        exponent: if has_magnitude { last_exponent } else { 0 },
        has_digit: true,
    })
}

/// The Chinese numeral that `first`, the first char of `text`, opens; `None` when it is
/// no Chinese numeral. Most are one char (`三个`, `百场`, `万人`): its value is read alone.
/// The others (`三十`, `七八十`, `一点五`) take [`general_chinese`].
fn read_chinese(text: &str, first: char, unit_at: &impl Fn(&str) -> bool) -> Option<Numeral> {
    let (value, digit) = match chinese_digit(first) {
        Some(d) => (i128::from(d), true),
        None => (unit_value(first)?, false),
    };
    if text[first.len_utf8()..].starts_with(|c| is_chinese_numeral(c) || c == '点') {
        return general_chinese(text, unit_at);
    }
    // `零部件`: a number never opens with 零.
    if digit && value == 0 {
        return None;
    }
    Some(Numeral {
        value: Number::integer(value),
        max: None,
        len: first.len_utf8(),
        script: Script::Chinese,
        integer_digits: 0,
        leading_zero: false,
        has_magnitude: !digit,
        bare_magnitude: !digit,
        lone_one: first == '一',
        has_fraction: false,
        exponent: 0,
        has_digit: digit,
    })
}

/// Any Chinese numeral: a run of numeral chars, possibly a colloquial range, and an
/// optional `点` fraction.
fn general_chinese(text: &str, unit_at: &impl Fn(&str) -> bool) -> Option<Numeral> {
    // The run of numeral characters, kept in `buffer`: a longer run (`一一一…`) is no
    // number, which also bounds the work on it.
    let mut buffer = ['\0'; MAX_CHINESE_RUN];
    let mut count = 0;
    let mut run_end = 0;
    for (i, c) in text.char_indices() {
        // `千瓦`, `百分点` and the like: the unit wins over the magnitude.
        let unit = || matches!(c, '十' | '百' | '千') && i > 0 && unit_at(&text[i..]);
        if !is_chinese_numeral(c) || unit() {
            break;
        }
        *buffer.get_mut(count)? = c;
        count += 1;
        run_end = i + c.len_utf8();
    }
    let run = &text[..run_end];
    if run.is_empty() {
        return None;
    }
    // An optional `点` fraction.
    let mut len = run_end;
    let mut fraction: Option<(i128, u32)> = None;
    if let Some(rest) = text[run_end..].strip_prefix('点') {
        let digits: Vec<u8> = rest.chars().map_while(chinese_digit).collect();
        if !digits.is_empty() && digits.len() < 20 {
            let value = digits
                .iter()
                .fold(0i128, |acc, &d| acc * 10 + i128::from(d));
            fraction = Some((value, digits.len() as u32));
            len += '点'.len_utf8() + digits.len() * '一'.len_utf8();
        }
    }
    let chars = &buffer[..count];
    // `零部件`, `万千气象`: a number never opens with 零 (but `零点五`) or with 万/亿 and more.
    let opens_oddly = match chars {
        ['零' | '〇', ..] => fraction.is_none(),
        ['万', '亿'] => false,
        ['万' | '亿', _, ..] => true,
        _ => false,
    };
    if opens_oddly {
        return None;
    }
    let (value, max) = match colloquial_range(chars) {
        Some((low, high)) => (Number::integer(low), Some(Number::integer(high))),
        None => (Number::integer(chinese_integer(chars)?), None),
    };
    let mut value = value;
    if let Some((digits, places)) = fraction {
        value = value.checked_add(Number::ratio(digits, pow10(places)?)?)?;
        // A magnitude may follow the fraction: `一点五万`.
        if let Some((exponent, l)) = magnitude(&text[len..]) {
            if exponent >= 4 {
                value = value.scaled(exponent)?;
                len += l;
            }
        }
    }
    let bare_magnitude = matches!(chars, ['十' | '百' | '千' | '万' | '亿']);
    Some(Numeral {
        value,
        max,
        len,
        script: Script::Chinese,
        integer_digits: 0,
        leading_zero: false,
        has_magnitude: chars.iter().any(|&c| chinese_digit(c).is_none()),
        bare_magnitude,
        lone_one: run == "一" && fraction.is_none(),
        has_fraction: fraction.is_some(),
        exponent: 0,
        has_digit: chars
            .iter()
            .any(|&c| chinese_digit(c).is_some_and(|d| d > 0)),
    })
}

/// `两三` (2–3), `七八十` (70–80), `三四百`, `十五六` (15–16): two neighbouring digits.
fn colloquial_range(chars: &[char]) -> Option<(i128, i128)> {
    let at = chars.windows(2).position(|w| {
        matches!((chinese_digit(w[0]), chinese_digit(w[1])), (Some(a), Some(b)) if a > 0 && b == a + 1)
    })?;
    let without = |index: usize| {
        let mut rest = ['\0'; MAX_CHINESE_RUN];
        let mut count = 0;
        for (i, &c) in chars.iter().enumerate() {
            if i != index {
                rest[count] = c;
                count += 1;
            }
        }
        (rest, count)
    };
    let (low, low_len) = without(at + 1);
    let (high, high_len) = without(at);
    Some((
        chinese_integer(&low[..low_len])?,
        chinese_integer(&high[..high_len])?,
    ))
}

const WAN: i128 = 10_000;
const YI: i128 = 100_000_000;

/// The value of 十, 百, 千, 万 or 亿.
fn unit_value(c: char) -> Option<i128> {
    Some(match c {
        '十' => 10,
        '百' => 100,
        '千' => 1000,
        '万' => WAN,
        '亿' => YI,
        _ => return None,
    })
}

/// The most characters a Chinese numeral is read from.
const MAX_CHINESE_RUN: usize = 32;

/// The value of a run of Chinese numeral characters, `None` when it is not a
/// well-formed number (`十四五`, `五一`, `三八`).
fn chinese_integer(chars: &[char]) -> Option<i128> {
    if matches!(chars, ['零' | '〇']) {
        return Some(0);
    }
    let mut total: i128 = 0; // groups already multiplied by 亿
    let mut wan: i128 = 0; // the group multiplied by 万 inside the current 亿 group
    let mut small: i128 = 0; // below 万
    let mut digit: Option<i128> = None;
    let mut last_small_unit: i128 = WAN; // the next 十/百/千 must be smaller
    let mut last_unit: i128 = 1; // for `一万五` (= 15000) style abbreviations
    let mut after_zero = false;
    let mut seen_anything = false;
    for &c in chars {
        match c {
            '零' | '〇' => {
                // 零 stands for a skipped order: never first, after a digit, or after 十.
                if digit.is_some() || !seen_anything || last_small_unit == 10 {
                    return None;
                }
                after_zero = true;
            }
            '十' | '百' | '千' => {
                let unit = unit_value(c)?;
                if unit >= last_small_unit {
                    return None;
                }
                small = small.checked_add(digit.take().unwrap_or(1).checked_mul(unit)?)?;
                last_small_unit = unit;
                last_unit = unit;
                after_zero = false;
            }
            '万' => {
                let group = small + digit.take().unwrap_or(0);
                let group = if group == 0 && !seen_anything {
                    1
                } else {
                    group
                };
                if group == 0 || wan != 0 {
                    return None;
                }
                wan = group.checked_mul(WAN)?;
                small = 0;
                last_small_unit = WAN;
                last_unit = WAN;
                after_zero = false;
            }
            '亿' => {
                let group = wan + small + digit.take().unwrap_or(0);
                let group = if group == 0 && !seen_anything {
                    1
                } else {
                    group
                };
                if group == 0 {
                    return None;
                }
                total = total.checked_add(group)?.checked_mul(YI)?;
                wan = 0;
                small = 0;
                last_small_unit = WAN;
                last_unit = YI;
                after_zero = false;
            }
            _ => {
                let d = i128::from(chinese_digit(c)?);
                if digit.is_some() {
                    return None;
                }
                digit = Some(d);
            }
        }
        seen_anything = true;
    }
    if after_zero && digit.is_none() {
        // `十零`, `一百零`: a numeral never ends with 零.
        return None;
    }
    let tail = match digit {
        // `一万五` is 15000, `两千五` is 2500; after 零 a digit is itself (`一千零五`).
        Some(d) if !after_zero && last_unit >= 100 => d.checked_mul(last_unit / 10)?,
        Some(d) => d,
        None => 0,
    };
    total
        .checked_add(wan)?
        .checked_add(small)?
        .checked_add(tail)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn value(text: &str) -> String {
        parse_number(text).map_or("none".into(), |n| n.to_string())
    }

    #[test]
    fn reads_chinese_numerals() {
        assert_eq!(value("三十"), "30");
        assert_eq!(value("两千"), "2000");
        assert_eq!(value("一百二十"), "120");
        assert_eq!(value("十万零一千"), "101000");
        assert_eq!(value("一万五千亿"), "1500000000000");
        assert_eq!(value("二十万亿"), "20000000000000");
        assert_eq!(value("一万五"), "15000");
        assert_eq!(value("一千零五"), "1005");
        assert_eq!(value("十五"), "15");
        assert_eq!(value("一点五七"), "1.57");
    }

    #[test]
    fn rejects_names_made_of_numerals() {
        for name in ["十四五", "五一", "三八", "五四", "二〇二二", "十十"] {
            assert_eq!(value(name), "none", "{name}");
        }
    }

    #[test]
    fn reads_arabic_with_magnitudes() {
        assert_eq!(value("7.5万"), "75000");
        assert_eq!(value("3万4000"), "34000");
        assert_eq!(value("13万2"), "132000");
        assert_eq!(value("1亿2000万"), "120000000");
        assert_eq!(value("2.67万亿"), "2670000000000");
        assert_eq!(value("１２．５"), "12.5");
        assert_eq!(value("1,132.92亿"), "113292000000");
    }

    #[test]
    fn reads_colloquial_ranges() {
        let n = read("七八十种", &|_| false).unwrap();
        assert_eq!(
            (n.value, n.max),
            (Number::integer(70), Some(Number::integer(80)))
        );
        let n = read("两三个", &|_| false).unwrap();
        assert_eq!(
            (n.value, n.max),
            (Number::integer(2), Some(Number::integer(3)))
        );
    }

    proptest::proptest! {
        /// The shortcuts (plain ASCII literals, texts without a digit) read what the
        /// parser reads.
        #[test]
        fn literals_read_as_the_parser_reads(text in "([0-9]{0,12}[,.．０-９a万]?){0,4}") {
            let parsed = parse_arabic_literal(&text).ok().and_then(|(_, l)| Literal::of(l));
            if let Some(plain) = plain_literal(&text) {
                proptest::prop_assert_eq!(Literal::plain(&text, plain), parsed);
            }
            proptest::prop_assert_eq!(arabic_literal(&text), parsed);
        }

        /// A magnitude is the first word of the list that starts the text.
        #[test]
        fn a_magnitude_is_the_first_word_that_starts_the_text(text in "[万亿千百十一aé😀]{0,3}") {
            let listed = MAGNITUDES
                .iter()
                .find(|(w, _)| text.starts_with(w))
                .map(|&(w, e)| (e, w.len()));
            proptest::prop_assert_eq!(magnitude(&text), listed);
        }

        /// The shortcut for a plain literal and one magnitude reads what the general
        /// reader reads.
        #[test]
        fn arabic_numerals_read_as_the_general_reader_reads(
            text in "[0-9]{1,20}(\\.[0-9]{0,20})?(万亿|亿|万|千|百|千瓦)?(万|[0-9]{1,5}|[.,．０a])?"
        ) {
            let unit_at = |rest: &str| rest.starts_with("千瓦");
            proptest::prop_assert_eq!(read_arabic(&text, &unit_at), general_arabic(&text, &unit_at));
        }

        /// The shortcut for a lone Chinese numeral char reads what the general reader
        /// reads.
        #[test]
        fn chinese_numerals_read_as_the_general_reader_reads(
            text in "[零〇一二两三四五六七八九十百千万亿年]{1,3}(点[一五零]{0,2})?(瓦|个|千瓦|[a.])?"
        ) {
            let unit_at = |rest: &str| rest.starts_with("千瓦");
            let first = text.chars().next().unwrap();
            proptest::prop_assert_eq!(read_chinese(&text, first, &unit_at), general_chinese(&text, &unit_at));
        }
    }
}
