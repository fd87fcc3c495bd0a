//! The closing signature: the organisation and the date, which is normalised to ISO.
//!
//! ```text
//! 坪山区群团工作部2022-2-16
//! ^^^^^^^^^^^^^^^^ ^^^^^^^^^ 2022-02-16
//! ```

use crate::chars::{is_item_end, is_space, is_trailing_punct};
use crate::numerals::parse_number;
use std::ops::Range;

/// The longest signature, in characters, from organisation to date.
const MAX_CHARS: usize = 60;

/// A signature found at the end of a text.
pub(crate) struct Found {
    /// From the organisation (or date) to the end of the date.
    pub span: Range<usize>,
    pub organization: Option<Range<usize>>,
    pub date_text: Range<usize>,
    /// `YYYY-MM-DD`.
    pub date: String,
}

/// The signature at the end of `text[body]`: a date ending the text, with the organisation
/// before it on its line or on the line above.
pub(crate) fn find(text: &str, body: Range<usize>) -> Option<Found> {
    let tail_start = text[body.clone()]
        .char_indices()
        .rev()
        .take(MAX_CHARS * 2)
        .find(|&(_, c)| is_item_end(c))
        .map_or(body.start, |(i, c)| body.start + i + c.len_utf8());
    let tail = &text[tail_start..body.end];
    let (date_range, date) = date_at_end(tail)?;
    let date_range = tail_start + date_range.start..tail_start + date_range.end;
    let before = crate::sentences::trim(text, tail_start..date_range.start);
    let organization = if before.is_empty() {
        None
    } else {
        // The line just above the date, or the text before it on its own line.
        let last_line_start = text[before.clone()]
            .rfind('\n')
            .map_or(before.start, |i| before.start + i + 1);
        let org = crate::sentences::trim(text, last_line_start..before.end);
        let org_text = &text[org.clone()];
        let plausible = !org.is_empty()
            && org_text.chars().count() <= 30
            && !org_text.contains(is_trailing_punct)
            && !org_text.contains(|c: char| is_space(c) && c != ' ');
        plausible.then_some(org)
    };
    let start = organization.as_ref().map_or(date_range.start, |o| o.start);
    if text[start..date_range.end].chars().count() > MAX_CHARS {
        return None;
    }
    Some(Found {
        span: start..date_range.end,
        organization,
        date_text: date_range,
        date,
    })
}

/// The date that ends `tail` (ignoring trailing space), as its range and ISO form: in
/// digits (`2022年2月16日`, `2022-2-16`, `2022.12.6`) or in Chinese numerals
/// (`二〇二二年二月十六日`). Read back from the end, so that text that ends otherwise is
/// turned down by its last chars (the patterns it follows stand in the tests).
fn date_at_end(tail: &str) -> Option<(Range<usize>, String)> {
    let trimmed = tail.trim_end_matches(is_space);
    if let Some((start, [year, month, day])) = digit_date(trimmed) {
        let iso = iso(year.parse().ok()?, month.parse().ok()?, day.parse().ok()?)?;
        return Some((start..trimmed.len(), iso));
    }
    let (start, [year, month, day]) = chinese_date(trimmed)?;
    let year = u32::from(crate::header::year_value(year)?);
    let month = u32::try_from(parse_number(month)?.numerator()).ok()?;
    let day = u32::try_from(parse_number(day)?.numerator()).ok()?;
    Some((start..trimmed.len(), iso(year, month, day)?))
}

/// The date in digits that ends `text`, `2022年2月16日` or `2022-2-16`: where it starts,
/// and its year, month and day.
fn digit_date(text: &str) -> Option<(usize, [&str; 3])> {
    let mut back = Back::new(text);
    // A `日` may close it, or the day's digits.
    let _ = back.char(|c| c == '日');
    let day = back.run(|c| c.is_ascii_digit(), 2)?;
    back.char(|c| matches!(c, '月' | '-' | '.' | '/' | '／'))?;
    let month = back.run(|c| c.is_ascii_digit(), 2)?;
    back.char(|c| matches!(c, '年' | '-' | '.' | '/' | '／'))?;
    let year = back
        .run(|c| c.is_ascii_digit(), 4)
        .filter(|y| y.len() == 4 && (y.starts_with("19") || y.starts_with("20")))?;
    Some((back.end, [year, month, day]))
}

/// The date in Chinese numerals that ends `text`, `二〇二二年二月十六日`: where it starts,
/// and its year, month and day.
fn chinese_date(text: &str) -> Option<(usize, [&str; 3])> {
    let numeral = |c: char| {
        matches!(
            c,
            '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十'
        )
    };
    let mut back = Back::new(text);
    back.char(|c| c == '日')?;
    let day = back.run(numeral, 3)?;
    back.char(|c| c == '月')?;
    let month = back.run(numeral, 2)?;
    back.char(|c| c == '年')?;
    let year_digit = |c: char| matches!(c, '〇' | '零' | '○' | 'Ｏ') || (c != '十' && numeral(c));
    let year = back.run(year_digit, 4).filter(|y| y.chars().count() == 4)?;
    Some((back.end, [year, month, day]))
}

/// A text read back from its end, one part after another, with any white space between
/// the parts (that the pattern `\s` matches).
struct Back<'t> {
    text: &'t str,
    /// Where what is left to read ends.
    end: usize,
}

impl<'t> Back<'t> {
    fn new(text: &'t str) -> Self {
        Back {
            text,
            end: text.len(),
        }
    }

    /// Reads the white space before the end.
    fn spaces(&mut self) {
        self.end = self.text[..self.end]
            .trim_end_matches(char::is_whitespace)
            .len();
    }

    /// Reads white space and then a char that `part` holds; `None` when another stands
    /// there.
    fn char(&mut self, part: impl Fn(char) -> bool) -> Option<char> {
        self.spaces();
        self.char_here(&part)
    }

    /// Reads white space and then up to `most` chars that `part` holds; those chars, when
    /// there is one.
    fn run(&mut self, part: impl Fn(char) -> bool, most: usize) -> Option<&'t str> {
        self.spaces();
        let end = self.end;
        for _ in 0..most {
            if self.char_here(&part).is_none() {
                break;
            }
        }
        (self.end < end).then(|| &self.text[self.end..end])
    }

    /// Reads the char right before the end, when `part` holds it.
    fn char_here(&mut self, part: &impl Fn(char) -> bool) -> Option<char> {
        let c = self.text[..self.end]
            .chars()
            .next_back()
            .filter(|&c| part(c))?;
        self.end -= c.len_utf8();
        Some(c)
    }
}

/// `YYYY-MM-DD` for a plausible calendar date.
pub(crate) fn iso(year: u32, month: u32, day: u32) -> Option<String> {
    ((1..=12).contains(&month) && (1..=31).contains(&day))
        .then(|| format!("{year:04}-{month:02}-{day:02}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> Option<String> {
        date_at_end(text).map(|(_, d)| d)
    }

    #[test]
    fn normalises_every_date_style() {
        assert_eq!(date("2022-2-16").as_deref(), Some("2022-02-16"));
        assert_eq!(date("2022年2月16日").as_deref(), Some("2022-02-16"));
        assert_eq!(date("二〇二二年二月十六日").as_deref(), Some("2022-02-16"));
        assert_eq!(date("2022.12.6 ").as_deref(), Some("2022-12-06"));
        assert_eq!(date("2022年13月16日"), None);
    }

    /// The patterns of the two date forms, which a date ends the text with.
    static DATE_PATTERNS: std::sync::LazyLock<[regex::Regex; 2]> = std::sync::LazyLock::new(|| {
        [
            r"((?:19|20)\d\d)\s*[年\-./／]\s*(\d{1,2})\s*[月\-./／]\s*(\d{1,2})\s*日?\s*$",
            r"([〇零○Ｏ一二三四五六七八九]{4})\s*年\s*([一二三四五六七八九十]{1,2})\s*月\s*([一二三四五六七八九十]{1,3})\s*日\s*$",
        ]
        .map(|p| regex::Regex::new(p).unwrap())
    });

    /// The date that ends `tail`, by the definition: the first pattern that matches the
    /// end of the text, whose numbers must then be read.
    fn date_by_patterns(tail: &str) -> Option<(Range<usize>, String)> {
        let trimmed = tail.trim_end_matches(is_space);
        let [digits, chinese] = &*DATE_PATTERNS;
        if let Some(c) = digits.captures(trimmed) {
            let whole = c.get(0)?;
            let iso = iso(c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?)?;
            return Some((
                whole.start()..whole.start() + whole.as_str().trim_end().len(),
                iso,
            ));
        }
        let c = chinese.captures(trimmed)?;
        let whole = c.get(0)?;
        let year = u32::from(crate::header::year_value(&c[1])?);
        let month = u32::try_from(parse_number(&c[2])?.numerator()).ok()?;
        let day = u32::try_from(parse_number(&c[3])?.numerator()).ok()?;
        Some((
            whole.start()..whole.start() + whole.as_str().trim_end().len(),
            iso(year, month, day)?,
        ))
    }

    #[test]
    fn dates_are_read_as_the_patterns_read_them() {
        for text in [
            "坪山区群团工作部2022-2-16",
            "局 2024年 1月5日",
            "12022 / 11 ／ 30 日 ",
            "二〇二二年二月十六日",
            "十二〇二二 年 十二 月 三十一 日",
            "２０２２年１月５日",
            "2022-1-٣",
            "2022年1月5日\u{200b}",
            "2022年1月5\u{3000}日",
            "2022-1-123",
            "2022-1-012",
            "202-1-5",
            "Ｏ零二年一月五日",
            "二〇二二年一十二月五日",
            "2022-001-1",
            "2022\u{200b}年1月5日",
            "二〇二二年\u{feff}二月十六日",
            "二〇二二年二月十十十日",
        ] {
            assert_eq!(date_at_end(text), date_by_patterns(text), "{text}");
        }
    }

    proptest::proptest! {
        /// The date read back from the end is the one the patterns find, on texts made of
        /// the parts of dates of both forms, each there or not, and other chars.
        #[test]
        fn the_date_is_the_one_the_patterns_find(
            text in "[年月日0-9a。二 ]{0,3}(2022|1999|202|20٣٣|二〇二二|○一九九|Ｏ零二|二〇二十)?[ 　\u{200b}]?[年./／-]?[ ]?(1|12|012|０|٣|二|十|十二|一十二)?[ ]?[月./／-]?(6|16|012|十六|三十一|十十十|٣|²)?[ ]?[日号]?[ 　\n。a\u{feff}]{0,2}",
        ) {
            proptest::prop_assert_eq!(date_at_end(&text), date_by_patterns(&text));
        }
    }
}
