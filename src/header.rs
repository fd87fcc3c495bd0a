//! The report's title, organisation and years.
//!
//! ```text
//! 坪山区群团工作部2021年工作总结和2022年工作思路
//! ^^^^^^^^^^^^^^^^ organization   ^^^^ review   ^^^^ plan
//! ```

use crate::chars::{is_space, is_trailing_punct};
use crate::outline::lines;
use std::ops::Range;

/// Words that name a report's genre; a first line with one of them is its title.
const GENRE: [&str; 12] = [
    "工作总结",
    "总结",
    "工作计划",
    "计划",
    "工作思路",
    "思路",
    "工作要点",
    "要点",
    "工作报告",
    "报告",
    "打算",
    "安排",
];

/// Genre words that look back on a year, and those that plan one.
const REVIEW_WORDS: [&str; 4] = ["总结", "回顾", "情况", "成效"];
const PLAN_WORDS: [&str; 6] = ["计划", "思路", "要点", "打算", "安排", "规划"];

/// A year named before `年`: `2021年`, `二〇二二年`.
struct YearMention<'t> {
    /// The year and its `年`.
    range: Range<usize>,
    /// The year's four digits or numerals.
    digits: &'t str,
}

/// The years named in `text`, in order: four digits (`19xx`, `20xx`) or four Chinese
/// numerals (`一九xx`, `二〇xx`) right before `年`. A report names a year in its title and
/// in a few headings: the `年`s are found, and the four chars before each looked at.
fn year_mentions(text: &str) -> impl Iterator<Item = YearMention<'_>> {
    text.match_indices('年').filter_map(move |(at, _)| {
        let start = text[..at].char_indices().rev().nth(3)?.0;
        let digits = &text[start..at];
        is_year(digits).then_some(YearMention {
            range: start..at + '年'.len_utf8(),
            digits,
        })
    })
}

/// Whether `digits` are four that write a year: `2021`, `二〇二二`.
fn is_year(digits: &str) -> bool {
    let chinese_digit = |c: char| {
        matches!(
            c,
            '〇' | '零' | '○' | '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九'
        )
    };
    let mut chars = digits.chars();
    let [Some(a), Some(b), Some(c), Some(d), None] = [(); 5].map(|()| chars.next()) else {
        return false;
    };
    let arabic =
        matches!((a, b), ('1', '9') | ('2', '0')) && c.is_ascii_digit() && d.is_ascii_digit();
    let chinese = matches!(a, '一' | '二') && [b, c, d].into_iter().all(chinese_digit);
    arabic || chinese
}

/// A year written in digits or in Chinese numerals: `2022`, `二〇二二`.
pub(crate) fn year_value(digits: &str) -> Option<u16> {
    digits.chars().try_fold(0u16, |acc, c| {
        let d = match c {
            '0'..='9' => c as u16 - '0' as u16,
            '〇' | '零' | '○' | 'Ｏ' => 0,
            _ => u16::from(crate::chars::chinese_digit(c)?),
        };
        acc.checked_mul(10)?.checked_add(d)
    })
}

/// The title's byte range in `text[body]`: the first line when it names the report, or,
/// for text flattened onto one line, the phrase that ends with the genre word.
pub(crate) fn title(text: &str, body: Range<usize>) -> Option<Range<usize>> {
    let first = lines(text, body).next()?;
    let line = &text[first.clone()];
    if crate::markers::marker(line).is_some() {
        // `一、工作成效…` opens the body: the report has no title line.
        return None;
    }
    let chars = line.chars().count();
    if chars <= 60 && GENRE.iter().any(|g| line.contains(g)) {
        return Some(first.start..first.start + line.trim_end_matches(is_trailing_punct).len());
    }
    // Flattened: the title ends at a genre word that is not joined to more title
    // (`…总结和2022年工作思路`), preferring one that a space, a dash or a year follows.
    let window_end = line.char_indices().nth(60).map_or(line.len(), |(i, _)| i);
    let window = &line[..window_end];
    let mut ends: Vec<(bool, usize)> = Vec::new();
    for g in GENRE {
        for (at, _) in window.match_indices(g) {
            let end = at + g.len();
            let after = &line[end..];
            let joins = after.starts_with(['和', '及', '与', '暨', '、', '（', '(', '的'])
                || GENRE.iter().any(|h| after.starts_with(h));
            let clear = after.starts_with(|c: char| is_space(c) || c.is_ascii_digit() || c == '—');
            if !joins {
                ends.push((!clear, end));
            }
        }
    }
    ends.sort();
    ends.first().map(|&(_, end)| first.start..first.start + end)
}

/// The organisation named at the front of the title (`坪山区群团工作部2021年…`), or
/// between its year and `政府工作报告` (`2026年甘肃省政府工作报告` → `甘肃省政府`).
pub(crate) fn organization(text: &str, title: Range<usize>) -> Option<Range<usize>> {
    let t = &text[title.clone()];
    let year = year_mentions(t).next().map(|y| y.range);
    let genre_at = first_genre_word(t)?;
    let range = match year {
        Some(y) if y.start > 0 => 0..y.start,
        Some(y) => y.end..genre_at.max(y.end),
        None => 0..genre_at,
    };
    // `关于2023年…的报告`, `XX局关于2023年…`: 关于 belongs to the title, not the body.
    let org = t[range.clone()]
        .trim_start_matches("关于")
        .trim_end_matches("关于")
        .trim_matches(is_space);
    // `2024年全市教育工作要点`: 全市 is the scope of the work, not who wrote it.
    let scope = org.strip_prefix('全').is_some_and(|rest| {
        rest.starts_with(['省', '市', '县', '区', '州', '盟', '旗', '镇', '乡', '街'])
    });
    if org.chars().count() < 2 || scope {
        return None;
    }
    let start = title.start + range.start + t[range.clone()].find(org)?;
    Some(start..start + org.len())
}

/// Where the first genre word of `title` starts. Each char is tested against the
/// words' first chars before any word is compared: one search per word cost more.
fn first_genre_word(title: &str) -> Option<usize> {
    title
        .char_indices()
        .find(|&(at, c)| {
            GENRE_FIRSTS.contains(&c) && GENRE.iter().any(|g| title[at..].starts_with(g))
        })
        .map(|(at, _)| at)
}

/// The first chars of the [`GENRE`] words.
const GENRE_FIRSTS: [char; 8] = ['工', '总', '计', '思', '要', '报', '打', '安'];

/// `我代表梅溪县人民政府，向大会报告工作`: the organisation a speech is given for.
pub(crate) fn speaker_organization(text: &str, preamble: Range<usize>) -> Option<Range<usize>> {
    let p = &text[preamble.clone()];
    let at = p.find("我代表")? + "我代表".len();
    let rest = &p[at..];
    let end = rest.find(['，', '向', ',', '。'])?;
    let org = &rest[..end];
    (org.contains("政府") && org.chars().count() >= 3)
        .then(|| preamble.start + at..preamble.start + at + end)
}

/// The years the title reviews and plans: `2021年工作总结和2022年工作思路` → (2021, 2022);
/// `2026年…政府工作报告` → (2025, 2026); a year whose summary comes before a plan
/// reviews it and plans the next (`2023年工作总结和下一步工作计划` → (2023, 2024)), or the
/// rest of it when the summary is of part of it (`2024年上半年工作总结和下半年工作打算` →
/// (2024, 2024)).
pub(crate) fn title_years(title: &str) -> (Option<u16>, Option<u16>) {
    let mut review = None;
    let mut plan = None;
    let years: Vec<(usize, u16)> = year_mentions(title)
        .filter_map(|y| Some((y.range.end, year_value(y.digits)?)))
        .collect();
    for (i, &(end, year)) in years.iter().enumerate() {
        let next = years.get(i + 1).map_or(title.len(), |&(e, _)| e);
        let tail = &title[end..next.max(end)];
        if title.contains("政府工作报告") && years.len() == 1 {
            return (year.checked_sub(1), Some(year));
        }
        let first = |words: &[&str]| words.iter().filter_map(|w| tail.find(w)).min();
        let reviewed = first(&REVIEW_WORDS).or_else(|| tail.find("报告"));
        match (reviewed, first(&PLAN_WORDS)) {
            (Some(r), Some(p)) if r < p => {
                review = review.or(Some(year));
                plan = plan.or(plan_after(year, title));
            }
            (_, Some(_)) => plan = plan.or(Some(year)),
            (Some(_), None) => review = review.or(Some(year)),
            (None, None) => {}
        }
    }
    (review, plan)
}

/// The year planned after a review of `year` with no year of its own: the next, or the
/// same when `title` reviews part of it (`上半年`, `前三季度`, `1-6月`).
pub(crate) fn plan_after(year: u16, title: &str) -> Option<u16> {
    if ["上半年", "季度", "月"].iter().any(|w| title.contains(w)) {
        Some(year)
    } else {
        year.checked_add(1)
    }
}

/// The first year named in a heading: `2022年工作思路` → 2022.
pub(crate) fn heading_year(heading: &str) -> Option<u16> {
    // Most headings name no year: one search for `年` turns them down.
    if !heading.contains('年') {
        return None;
    }
    year_value(year_mentions(heading).next()?.digits)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_genre_firsts_are_the_first_chars_of_the_genre_words() {
        let mut firsts: Vec<char> = GENRE.iter().filter_map(|g| g.chars().next()).collect();
        firsts.sort_unstable();
        firsts.dedup();
        let mut listed = GENRE_FIRSTS.to_vec();
        listed.sort_unstable();
        assert_eq!(firsts, listed);
    }

    #[test]
    fn years_are_four_digits_or_numerals_right_before_nian() {
        fn years(text: &str) -> Vec<(&str, Option<u16>)> {
            year_mentions(text)
                .map(|y| (&text[y.range], year_value(y.digits)))
                .collect()
        }
        assert_eq!(
            years("2021年工作总结和2022年度工作思路"),
            [("2021年", Some(2021)), ("2022年", Some(2022))]
        );
        assert_eq!(years("二〇二二年计划"), [("二〇二二年", Some(2022))]);
        assert_eq!(years("连续12年、1850年、3021年、二十二年"), []);
        assert_eq!(heading_year("四、2022年工作思路"), Some(2022));
        assert_eq!(
            title_years("2021年工作总结和2022年工作思路"),
            (Some(2021), Some(2022))
        );
        assert_eq!(
            title_years("2023年工作总结和下一步工作计划"),
            (Some(2023), Some(2024))
        );
        assert_eq!(
            title_years("2024年上半年工作总结和下半年工作打算"),
            (Some(2024), Some(2024))
        );
        assert_eq!(title_years("关于2023年安排的报告"), (None, Some(2023)));
    }

    #[test]
    fn the_organization_stands_before_the_year_or_between_it_and_the_genre() {
        fn org(title: &str) -> Option<&str> {
            organization(title, 0..title.len()).map(|r| &title[r])
        }
        assert_eq!(
            org("坪山区群团工作部2021年工作总结"),
            Some("坪山区群团工作部")
        );
        assert_eq!(org("2026年甘肃省政府工作报告"), Some("甘肃省政府"));
        assert_eq!(org("关于2023年安排的报告"), None);
        assert_eq!(org("2024年全市教育工作要点"), None);
        assert_eq!(org("全国妇联2024年工作要点"), Some("全国妇联"));
    }
}
