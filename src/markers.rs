//! Heading markers: `一、` `（一）` `(一)` `1.` `1、` `1．` `（1）` `①` `——` `【…】` `第一，`.
//!
//! A marker is recognised here on its own; whether it really opens a heading is decided
//! for the whole document in [`crate::outline`].

use crate::chars::{chinese_digit, digit_value, is_chinese_numeral};
use crate::numerals::chars_while;
use nom::IResult;
use nom::branch::alt;
use nom::bytes::complete::{tag, take_while1};
use nom::character::complete::char as ch;
use nom::combinator::{map, map_opt, opt, value};
use nom::sequence::{delimited, pair, preceded, terminated};

/// A family of markers that number headings of one level.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum Family {
    /// `第一部分`, the level above `一、` in long reports.
    Part,
    /// `一、` (and `一.`)
    ChineseComma,
    /// `（一）` and `(一)`
    ChineseParen,
    /// `1.` and `1．`
    ArabicDot,
    /// `1、`
    ArabicComma,
    /// `（1）`, `(1)` and `1）`
    ArabicParen,
    /// `①`
    Circled,
    /// `第一，` `第一、`
    Ordinal,
    /// `——`
    Dash,
    /// `【…】`: the heading is the bracketed text.
    Bracket,
    /// A short line of its own with no marker.
    Unmarked,
}

impl Family {
    /// Every family, in the order declared: `family as usize` is its index here.
    pub(crate) const ALL: [Family; 11] = [
        Family::Part,
        Family::ChineseComma,
        Family::ChineseParen,
        Family::ArabicDot,
        Family::ArabicComma,
        Family::ArabicParen,
        Family::Circled,
        Family::Ordinal,
        Family::Dash,
        Family::Bracket,
        Family::Unmarked,
    ];

    /// The official order (第一部分 →) 一、 → （一） → 1. → （1） → ①; `None` for families whose level
    /// depends on where they stand.
    pub(crate) fn rank(self) -> Option<u8> {
        Some(match self {
            Family::Part => 0,
            Family::ChineseComma => 1,
            Family::ChineseParen => 2,
            Family::ArabicDot | Family::ArabicComma => 3,
            Family::ArabicParen => 4,
            Family::Circled => 5,
            _ => return None,
        })
    }

    /// Whether headings of this family are numbered.
    pub(crate) fn is_numbered(self) -> bool {
        !matches!(self, Family::Dash | Family::Bracket | Family::Unmarked)
    }
}

/// A marker at the front of a text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Marker {
    pub family: Family,
    /// The number it carries (1 for `一、`, `（1）`, `①`); 0 for unnumbered families.
    pub ordinal: u32,
    /// Bytes of the marker itself.
    pub len: usize,
}

/// Recognises the marker at the front of `text`, if any.
///
/// ```text
/// （一）聚焦“产业之城”
/// ^^^^^^ ChineseParen, ordinal 1
/// ```
pub(crate) fn marker(text: &str) -> Option<Marker> {
    if let Some(read) = common_marker(text) {
        return read;
    }
    parsed_marker(text)
}

/// Whether a marker may stand at the front of a text that opens with `first`, followed
/// by `after`, told by the chars after a figure or Chinese numeral: a numbered marker's
/// ordinal (two figures or three numerals at most) is followed by its punctuation. Most
/// figures and numerals of running text (`2025年`, `一是`, `五年`) are turned down by a
/// char or two, without a parser; any other first char passes.
pub(crate) fn may_open_numbered(first: char, after: &str) -> bool {
    let mut chars = after.chars();
    let figures = digit_value(first).is_some();
    if !figures && !is_chinese_numeral(first) {
        return true;
    }
    let longest = if figures { 2 } else { 3 };
    let in_ordinal = |c: char| match figures {
        true => digit_value(c).is_some(),
        false => is_chinese_numeral(c),
    };
    let mut after = chars.next();
    let mut taken = 1;
    while taken < longest && after.is_some_and(in_ordinal) {
        after = chars.next();
        taken += 1;
    }
    match after {
        Some('、' | '.' | '．') => true,
        Some('）' | ')') => figures,
        _ => false,
    }
}

/// [`marker`] by its nom parsers, the definition that [`common_marker`] is held to.
fn parsed_marker(text: &str) -> Option<Marker> {
    // The first char says which families can stand here; only their parsers run.
    let first = text.chars().next()?;
    // Each ordinal is read once; the char after it says the family.
    let parsed: IResult<&str, (u32, Family)> = match first {
        '第' => preceded(
            tag("第"),
            pair(
                chinese_ordinal,
                alt((
                    value(
                        Family::Part,
                        pair(tag("部分"), opt(alt((ch('：'), ch(':'), ch(' '))))),
                    ),
                    value(Family::Ordinal, alt((ch('，'), ch('、'), ch(',')))),
                )),
            ),
        )(text),
        '（' | '(' => delimited(
            pair(alt((ch('（'), ch('('))), opt(take_while1(|c| c == ' '))),
            alt((
                map(chinese_ordinal, |n| (n, Family::ChineseParen)),
                map(arabic_ordinal, |n| (n, Family::ArabicParen)),
            )),
            pair(opt(take_while1(|c| c == ' ')), alt((ch('）'), ch(')')))),
        )(text),
        '—' | '－' | '-' => map(alt((tag("——"), tag("－－"), tag("--"))), |_| {
            (0, Family::Dash)
        })(text),
        '①'..='⑳' => Ok((
            &text[first.len_utf8()..],
            (circled(first)?, Family::Circled),
        )),
        _ if digit_value(first).is_some() => pair(
            arabic_ordinal,
            alt((
                value(Family::ArabicParen, alt((ch('）'), ch(')')))),
                value(Family::ArabicDot, alt((ch('.'), ch('．')))),
                value(Family::ArabicComma, ch('、')),
            )),
        )(text),
        _ if is_chinese_numeral(first) => pair(
            chinese_ordinal,
            value(Family::ChineseComma, alt((ch('、'), ch('.'), ch('．')))),
        )(text),
        _ => return None,
    };
    let (rest, (ordinal, family)) = parsed.ok()?;
    Some(Marker {
        family,
        ordinal,
        len: text.len() - rest.len(),
    })
}

/// The markers of the official order, `一、` `（一）` `1.` `（1）` and their variants,
/// read char by char without the parser's combinators: `Some` with what [`parsed_marker`]
/// reads, or `None` to leave the text to it (`第…`, dashes, `①`, spaces inside brackets).
///
/// ```text
/// （一）聚焦   Some(Some(ChineseParen 1))
/// 一是加强     Some(None)
/// 第一部分     None
/// ```
fn common_marker(text: &str) -> Option<Option<Marker>> {
    let mut chars = text.chars();
    let first = chars.next()?;
    let (open, lead) = match first {
        '（' | '(' => (first.len_utf8(), chars.next()?),
        '第' | '—' | '－' | '-' | '①'..='⑳' => return None,
        _ => (0, first),
    };
    // The ordinal, as many chars as its parser takes, and the char after it.
    let mut end = open + lead.len_utf8();
    let mut after = chars.next();
    let (ordinal, chinese) = if let Some(d) = digit_value(lead) {
        let mut n = u32::from(d);
        if let Some((c, d)) = after.and_then(|c| Some((c, digit_value(c)?))) {
            n = n * 10 + u32::from(d);
            end += c.len_utf8();
            after = chars.next();
        }
        ((n > 0).then_some(n), false)
    } else if is_ordinal_numeral(lead) {
        let mut run = [lead; 3];
        let mut count = 1;
        while let Some(c) = after.filter(|&c| count < 3 && is_ordinal_numeral(c)) {
            run[count] = c;
            count += 1;
            end += c.len_utf8();
            after = chars.next();
        }
        (chinese_value(run[..count].iter().copied()), true)
    } else if open > 0 && lead == ' ' {
        return None;
    } else {
        return Some(None);
    };
    let Some(ordinal) = ordinal else {
        return Some(None);
    };
    let family = match (open > 0, chinese, after) {
        (true, _, Some(' ')) => return None,
        (true, true, Some('）' | ')')) => Family::ChineseParen,
        (true, false, Some('）' | ')')) => Family::ArabicParen,
        (false, true, Some('、' | '.' | '．')) => Family::ChineseComma,
        (false, false, Some('）' | ')')) => Family::ArabicParen,
        (false, false, Some('.' | '．')) => Family::ArabicDot,
        (false, false, Some('、')) => Family::ArabicComma,
        _ => return Some(None),
    };
    let len = end + after.map_or(0, char::len_utf8);
    Some(Some(Marker {
        family,
        ordinal,
        len,
    }))
}

/// A char of a Chinese ordinal's run: the numerals but `两` and `〇`.
fn is_ordinal_numeral(c: char) -> bool {
    is_chinese_numeral(c) && c != '两' && c != '〇'
}

/// `一` … `九十九`: a run of up to three numeral chars, read whole.
fn chinese_ordinal(input: &str) -> IResult<&str, u32> {
    map_opt(chars_while(1, 3, is_ordinal_numeral), |run: &str| {
        chinese_value(run.chars())
    })(input)
}

/// The value of a run of ordinal numerals: `十二` → 12; `None` for `一百`, `十四五`.
fn chinese_value(run: impl Iterator<Item = char>) -> Option<u32> {
    // 十 as 0, the digits 一 … 九 as themselves; anything else ends the reading.
    let mut parts = [0u32; 3];
    let mut count = 0;
    for c in run {
        *parts.get_mut(count)? = match c {
            '十' => 0,
            _ => u32::from(chinese_digit(c).filter(|&d| d > 0)?),
        };
        count += 1;
    }
    match parts[..count] {
        [d] if d > 0 => Some(d),
        [0] => Some(10),
        [0, d] if d > 0 => Some(10 + d),
        [d, 0] if d > 0 => Some(d * 10),
        [d, 0, e] if d > 0 && e > 0 => Some(d * 10 + e),
        _ => None,
    }
}

/// `1` … `99` in ASCII or full-width digits.
fn arabic_ordinal(input: &str) -> IResult<&str, u32> {
    map_opt(
        chars_while(1, 2, |c| digit_value(c).is_some()),
        |s: &str| {
            let n = s
                .chars()
                .try_fold(0u32, |acc, c| Some(acc * 10 + u32::from(digit_value(c)?)))?;
            (n > 0).then_some(n)
        },
    )(input)
}

fn circled(c: char) -> Option<u32> {
    match c {
        '①'..='⑳' => Some(c as u32 - '①' as u32 + 1),
        _ => None,
    }
}

/// `【…】` at the front of `text`: the marker's length and the bracketed text's range.
/// The buttons of a web page that a copied report brings along (`【字体：大 中 小】`,
/// `【打印本页】`) are none.
pub(crate) fn bracket_heading(text: &str) -> Option<(usize, std::ops::Range<usize>)> {
    let parsed: IResult<&str, &str> = preceded(
        ch('【'),
        terminated(take_while1(|c| c != '】' && c != '\n'), ch('】')),
    )(text);
    let (rest, inner) = parsed.ok()?;
    let open = '【'.len_utf8();
    let heading = inner.chars().count() <= 40 && !is_web_button(inner);
    heading.then(|| (text.len() - rest.len(), open..open + inner.len()))
}

/// Whether `line` holds nothing but the bracketed buttons of a web page, and spaces:
/// `【打印本页】【关闭窗口】`.
pub(crate) fn is_web_buttons_line(line: &str) -> bool {
    let mut rest = line.trim_start();
    let mut buttons = 0;
    while let Some(bracketed) = rest.strip_prefix('【') {
        match bracketed.split_once('】') {
            Some((inner, after)) if is_web_button(inner) => rest = after.trim_start(),
            _ => return false,
        }
        buttons += 1;
    }
    buttons > 0 && rest.is_empty()
}

/// Whether the bracketed `inner` is a button of a web page around a published report:
/// `字体：大 中 小`, `打印本页`, `关闭窗口`, `我要纠错`.
fn is_web_button(inner: &str) -> bool {
    const STARTS: [&str; 8] = [
        "字体",
        "字号",
        "打印",
        "关闭",
        "收藏",
        "分享",
        "返回",
        "我要纠错",
    ];
    STARTS.iter().any(|b| inner.starts_with(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_of_web_buttons_holds_nothing_else() {
        assert!(is_web_buttons_line("【打印本页】　【关闭窗口】"));
        assert!(is_web_buttons_line("【字体：大 中 小】"));
        assert!(!is_web_buttons_line("【打印本页】完成。"));
        assert!(!is_web_buttons_line("【党建引领】"));
        assert!(!is_web_buttons_line("【打印本页"));
        assert!(!is_web_buttons_line(""));
    }

    fn family(text: &str) -> Option<(Family, u32)> {
        marker(text).map(|m| (m.family, m.ordinal))
    }

    #[test]
    fn every_family_stands_at_its_index() {
        for (index, family) in Family::ALL.iter().enumerate() {
            assert_eq!(*family as usize, index, "{family:?}");
        }
    }

    #[test]
    fn recognises_every_marker_style() {
        assert_eq!(family("一、总体情况"), Some((Family::ChineseComma, 1)));
        assert_eq!(family("十二、其他"), Some((Family::ChineseComma, 12)));
        assert_eq!(family("（三）聚焦"), Some((Family::ChineseParen, 3)));
        assert_eq!(family("(三)聚焦"), Some((Family::ChineseParen, 3)));
        assert_eq!(family("1.医疗"), Some((Family::ArabicDot, 1)));
        assert_eq!(family("2．医疗"), Some((Family::ArabicDot, 2)));
        assert_eq!(family("3、医疗"), Some((Family::ArabicComma, 3)));
        assert_eq!(family("（4）医疗"), Some((Family::ArabicParen, 4)));
        assert_eq!(family("②医疗"), Some((Family::Circled, 2)));
        assert_eq!(family("第一，要"), Some((Family::Ordinal, 1)));
        assert_eq!(family("第二部分：工作计划"), Some((Family::Part, 2)));
        assert_eq!(family("三.工作计划"), Some((Family::ChineseComma, 3)));
        assert_eq!(family("2）完善机制"), Some((Family::ArabicParen, 2)));
        assert_eq!(family("——围绕"), Some((Family::Dash, 0)));
        assert_eq!(family("一是加强"), None);
        assert_eq!(family("十四五"), None);
    }

    /// Chars that make up markers and the prose around them.
    const MARKER_CHARS: [char; 22] = [
        '一', '九', '十', '零', '两', '百', '1', '0', '９', '（', '(', '）', ')', '、', '.', '．',
        '，', '：', ' ', '第', '①', '是',
    ];

    #[test]
    fn common_markers_are_read_without_the_parser() {
        let read = |text| common_marker(text).map(|m| m.map(|m| (m.family, m.ordinal, m.len)));
        assert_eq!(read("一、总体"), Some(Some((Family::ChineseComma, 1, 6))));
        assert_eq!(
            read("（十二）聚焦"),
            Some(Some((Family::ChineseParen, 12, 12)))
        );
        assert_eq!(read("(3)医疗"), Some(Some((Family::ArabicParen, 3, 3))));
        assert_eq!(read("12．医疗"), Some(Some((Family::ArabicDot, 12, 5))));
        assert_eq!(read("一是加强"), Some(None));
        assert_eq!(read("十四五"), Some(None));
        assert_eq!(read("第一部分"), None);
        assert_eq!(read("（ 一）"), None);
    }

    #[test]
    fn common_markers_read_as_the_parser_reads_every_short_text() {
        // Every text of up to four of the chars.
        let mut texts = vec![String::new()];
        let mut longest = texts.clone();
        for _ in 0..4 {
            longest = longest
                .iter()
                .flat_map(|t| MARKER_CHARS.iter().map(move |c| format!("{t}{c}")))
                .collect();
            texts.extend(longest.iter().cloned());
        }
        for text in texts {
            if let Some(read) = common_marker(&text) {
                assert_eq!(read, parsed_marker(&text), "{text}");
            }
        }
    }

    proptest::proptest! {
        /// The quick test turns down no text that holds a marker.
        #[test]
        fn may_open_numbered_passes_every_marker(
            text in "[一二九十零两〇百亿1209０５（()）、.．，：第— ①是年-]{0,9}"
        ) {
            if let Some(first) = text.chars().next().filter(|_| marker(&text).is_some()) {
                proptest::prop_assert!(may_open_numbered(first, &text[first.len_utf8()..]));
            }
        }
    }

    proptest::proptest! {
        /// Longer texts: runs of numerals and digits past what an ordinal takes.
        #[test]
        fn common_markers_read_as_the_parser_reads(
            text in "[一二九十零两〇百亿1209０５（()）、.．，：第— ①是-]{0,9}"
        ) {
            if let Some(read) = common_marker(&text) {
                proptest::prop_assert_eq!(read, parsed_marker(&text));
            }
        }
    }

    #[test]
    fn chinese_ordinals_read_as_the_numeral_reader_reads_them() {
        let alphabet = [
            '一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '零', '百', '千', '万',
        ];
        let mut runs: Vec<String> = alphabet.iter().map(|c| c.to_string()).collect();
        for _ in 0..2 {
            let longer: Vec<String> = runs
                .iter()
                .flat_map(|r| alphabet.iter().map(move |c| format!("{r}{c}")))
                .collect();
            runs.extend(longer);
        }
        for run in runs {
            let expected = crate::numerals::parse_number(&run)
                .and_then(|n| u32::try_from(n.numerator()).ok())
                .filter(|&n| n > 0 && n < 100);
            let read = chinese_ordinal(&run)
                .ok()
                .filter(|(rest, _)| rest.is_empty());
            assert_eq!(read.map(|(_, n)| n), expected, "{run}");
        }
    }
}
