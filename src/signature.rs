//! The closing signature: the organisation and the date, which is normalised to ISO.
//!
//! ```text
//! 坪山区群团工作部2022-2-16
//! ^^^^^^^^^^^^^^^^ ^^^^^^^^^ 2022-02-16
//! ```

use crate::chars::{is_item_end, is_space, is_trailing_punct};
use crate::numerals::parse_number;
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// The longest signature, in characters, from organisation to date.
const MAX_CHARS: usize = 60;

static ARABIC_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"((?:19|20)\d\d)\s*[年\-./／]\s*(\d{1,2})\s*[月\-./／]\s*(\d{1,2})\s*日?\s*$")
        .expect("date regex")
});
static CHINESE_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"([〇零○Ｏ一二三四五六七八九]{4})\s*年\s*([一二三四五六七八九十]{1,2})\s*月\s*([一二三四五六七八九十]{1,3})\s*日\s*$")
        .expect("date regex")
});

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

/// The date that ends `tail` (ignoring trailing space), as its range and ISO form.
fn date_at_end(tail: &str) -> Option<(Range<usize>, String)> {
    let trimmed = tail.trim_end_matches(is_space);
    if let Some(c) = ARABIC_DATE.captures(trimmed) {
        let whole = c.get(0)?;
        let iso = iso(c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?)?;
        return Some((
            whole.start()..whole.start() + whole.as_str().trim_end().len(),
            iso,
        ));
    }
    let c = CHINESE_DATE.captures(trimmed)?;
    let whole = c.get(0)?;
    let year = u32::from(crate::header::year_value(&c[1])?);
    let month = u32::try_from(parse_number(&c[2])?.numerator()).ok()?;
    let day = u32::try_from(parse_number(&c[3])?.numerator()).ok()?;
    Some((
        whole.start()..whole.start() + whole.as_str().trim_end().len(),
        iso(year, month, day)?,
    ))
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
}
