//! Cutting a stretch of prose into items: sentences and clauses cut after `。；！？`,
//! never inside quotes or brackets, and at line breaks.
//!
//! ```text
//! 提供大学生（含港澳台大学生）实习岗位66个；开展公益课程30次；
//! ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ ^^^^^^^^^^^^^^^^^^
//! ```
//!
//! Real text leaves marks open: a quote or bracket that does not close on its line within
//! [`MAX_QUOTE`] bytes protects nothing, so it cannot swallow the rest of a report.

use crate::chars::{closer_of, is_han, is_item_end, is_space};
use crate::marks::Marks;
use crate::sorted::{Ranges, inside};
use std::ops::{Range, RangeInclusive};

/// The longest stretch, in bytes, that a quote or bracket may protect.
pub(crate) const MAX_QUOTE: usize = 600;

/// Byte ranges (outermost only, sorted) enclosed by matching quotes or brackets in
/// `range`, found from its `quotes` (the quote, bracket and line-break marks, see
/// [`crate::marks::Kinds`]); each from its opening mark to the end of its closing mark.
pub(crate) fn protected(quotes: &Marks, range: Range<usize>) -> Ranges {
    // At most one range for two marks.
    let mut outer = Vec::with_capacity(quotes.slices(range.clone()).0.len() / 2);
    each_enclosed(quotes, range, |enclosed| {
        keep_outermost(&mut outer, enclosed)
    });
    Ranges::new(outer)
}

/// Calls `found` with each range enclosed by matching marks among `quotes` in `range`,
/// in the order they close. Ranges never cross: closing a mark drops the marks opened
/// after it.
fn each_enclosed(quotes: &Marks, range: Range<usize>, mut found: impl FnMut(Range<usize>)) {
    let mut open: Vec<(usize, char)> = Vec::new();
    for (at, c) in quotes.chars(range) {
        if c == '\n' {
            open.clear();
            continue;
        }
        if let Some(pos) = open.iter().rposition(|&(_, closer)| closer == c) {
            let (start, _) = open[pos];
            open.truncate(pos);
            if at - start <= MAX_QUOTE {
                found(start..at + c.len_utf8());
            }
            continue;
        }
        if let Some(closer) = closer_of(c) {
            // Marks far behind can no longer be closed usefully; drop them so the stack stays small.
            open.retain(|&(start, _)| at - start <= MAX_QUOTE);
            if open.len() < 32 {
                open.push((at, closer));
            }
        }
    }
}

/// Adds `enclosed` to the sorted, outermost ranges `outer`, which it closes after: as
/// ranges never cross, it holds those that start after it, dropped, and follows the
/// others.
fn keep_outermost(outer: &mut Vec<Range<usize>>, enclosed: Range<usize>) {
    while outer.last().is_some_and(|r| r.start > enclosed.start) {
        outer.pop();
    }
    outer.push(enclosed);
}

/// Splits `text[range]` into items: trimmed, non-empty byte ranges in order, added to
/// `items` (a buffer that the caller reuses, so that no region allocates its own).
/// `breaks` are the marks of the text that [`crate::chars::is_break`] keeps (line breaks
/// and item ends among them), `guards` its quotes and brackets (see [`protected`]).
pub(crate) fn split(
    text: &str,
    breaks: &Marks,
    range: Range<usize>,
    guards: &[Range<usize>],
    items: &mut Vec<Range<usize>>,
) {
    let (at, chars) = breaks.slices(range.clone());
    // Each break ends at most one item.
    items.reserve(at.len() + 1);
    split_at(text, at, chars, range, guards, LineBreaks::EndItems, items);
}

/// What a line break does to an item.
#[derive(Clone, Copy)]
pub(crate) enum LineBreaks<'i> {
    /// Ends it: text published a paragraph a line, the common form.
    EndItems,
    /// Ends it only where a paragraph ends (see [`is_wrap`]): text with hard line wraps,
    /// extracted from a PDF, in which the `ignored` lines (page furniture, repeated
    /// titles) still end items.
    Wrap { ignored: &'i [Range<usize>] },
}

/// [`split`] at the breaks `at` (with their `chars`), which start with the first inside
/// `range` and may run past its end, and with the guards from one that ends before or
/// inside `range` on; returns how many of the breaks lie inside `range`. A walk through
/// the regions of a document in order hands them out without a lookup for each.
pub(crate) fn split_at(
    text: &str,
    at: &[usize],
    chars: &[char],
    range: Range<usize>,
    guards: &[Range<usize>],
    line_breaks: LineBreaks,
    items: &mut Vec<Range<usize>>,
) -> usize {
    let mut guard = guards.iter().peekable();
    let mut start = range.start;
    // Where the last item ended, when a char that is no white space follows it.
    let mut known_first: Option<usize> = None;
    let mut inside_range = 0;
    let breaks = at.iter().zip(chars).take_while(|&(&at, _)| at < range.end);
    for (&at, &c) in breaks {
        inside_range += 1;
        if at < start {
            continue;
        }
        while guard.peek().is_some_and(|g| g.end <= at) {
            guard.next();
        }
        let inside = guard.peek().is_some_and(|g| g.start <= at && at < g.end);
        if c == '\n' {
            let wraps = match line_breaks {
                LineBreaks::EndItems => false,
                LineBreaks::Wrap { ignored } => !inside && is_wrap(text, at, range.end, ignored),
            };
            if wraps {
                continue;
            }
            push_trimmed(text, start..at, items);
            start = at + 1;
        } else if is_item_end(c) && !inside {
            let mut end = at + c.len_utf8();
            // Most items are followed by Han text or a line break, which neither close
            // them nor open a tag: both are told by their first byte, not read. Han text
            // is no white space; a line break is.
            let next = text.as_bytes()[end..range.end].first();
            let han = next.is_some_and(|lead| HAN_LEADS.contains(lead));
            if han || next == Some(&b'\n') {
                push_item(text, start..end, known_first, items);
                start = end;
                known_first = han.then_some(end);
                continue;
            }
            // `。。` and `。”` stay with the item they close.
            let mut next = text[end..range.end].chars().next();
            while let Some(closing) = next.filter(|&c| closes_item(c)) {
                end += closing.len_utf8();
                next = text[end..range.end].chars().next();
            }
            // So does a tag in brackets: `。（责任单位：…）`.
            if let Some(tag_end) = matches!(next, Some('（' | '('))
                .then(|| responsibility_tag_end(text, end, range.end))
                .flatten()
            {
                end = tag_end;
                next = None;
            }
            push_item(text, start..end, known_first, items);
            start = end;
            known_first = next.filter(|&c| !is_space(c)).map(|_| end);
        }
    }
    push_trimmed(text, start..range.end, items);
    inside_range
}

/// Whether the line break at `at` wraps a sentence that runs on: the line ends inside a
/// clause (see [`runs_on`]), the next, before `limit`, does not open with a marker
/// (`1.`, `（二）`, `一是`), and neither is an `ignored` line.
fn is_wrap(text: &str, at: usize, limit: usize, ignored: &[Range<usize>]) -> bool {
    let line_end = text[..at].trim_end_matches(is_space);
    let next = text[at..limit].trim_start_matches(is_space);
    let next_at = limit - next.len();
    let is_ignored = |pos: usize| inside(ignored, pos..pos + 1);
    line_end.chars().next_back().is_some_and(runs_on)
        && !next.is_empty()
        && crate::markers::marker(next).is_none()
        && !is_ignored(line_end.len().saturating_sub(1))
        && !is_ignored(next_at)
}

/// Whether a line that ends with `c` ends inside a clause: with Han text, a letter, a
/// digit, `，` or `、`.
pub(crate) fn runs_on(c: char) -> bool {
    is_han(c) || c.is_ascii_alphanumeric() || matches!(c, '，' | '、')
}

/// The lead bytes of U+4000–U+9FFF (the unified Han chars and most of extension A): no
/// char of theirs closes an item, opens a tag or is white space, so [`split`] reads none
/// after an item end.
pub(crate) const HAN_LEADS: RangeInclusive<u8> = 0xE4..=0xE9;

/// Whether `c`, right after an item end, stays with that item: `。。`, `。”`.
fn closes_item(c: char) -> bool {
    is_item_end(c) || matches!(c, '”' | '’' | '」' | '』')
}

/// `。（责任单位：区发展改革局）`: a bracketed tag with a colon right after an item's end
/// belongs to that item. Returns the end of the tag.
fn responsibility_tag_end(text: &str, at: usize, limit: usize) -> Option<usize> {
    let rest = text.get(at..limit)?;
    let open = rest.chars().next()?;
    if !matches!(open, '（' | '(') {
        return None;
    }
    let close = if open == '（' { '）' } else { ')' };
    let mut window_end = MAX_QUOTE.min(rest.len());
    while !rest.is_char_boundary(window_end) {
        window_end -= 1;
    }
    let window = &rest[..window_end];
    let inner_end = window.find(close)?;
    let inner = &rest[open.len_utf8()..inner_end];
    let is_tag = inner.len() <= 200
        && !inner.contains('\n')
        && (inner.contains('：') || inner.contains(':'))
        && (inner.contains("责任")
            || inner.contains("牵头")
            || inner.contains("单位")
            || inner.contains("处室"));
    is_tag.then_some(at + inner_end + close.len_utf8())
}

/// Pushes the item `range`, which ends with its mark (or a closing mark or tag), never
/// with white space: only its start is trimmed, unless its first char, where
/// `known_first` stands, is known to be no white space.
fn push_item(
    text: &str,
    range: Range<usize>,
    known_first: Option<usize>,
    items: &mut Vec<Range<usize>>,
) {
    items.push(match known_first {
        Some(first_at) if first_at == range.start => range,
        _ => trim_start(text, range),
    });
}

fn push_trimmed(text: &str, range: Range<usize>, items: &mut Vec<Range<usize>>) {
    // An item that ends its line leaves nothing before the line break.
    if range.is_empty() {
        return;
    }
    let r = trim(text, range);
    if !r.is_empty() {
        items.push(r);
    }
}

/// `range` without leading white space.
pub(crate) fn trim_start(text: &str, range: Range<usize>) -> Range<usize> {
    // Most ranges start with Han text or CJK punctuation: told by its bytes.
    let first = text.as_bytes()[range.clone()].first_chunk();
    if first.is_some_and(|&first| is_cjk_but_no_space(first)) {
        return range;
    }
    range.end - text[range.clone()].trim_start_matches(is_space).len()..range.end
}

/// `range` without trailing white space.
fn trim_end(text: &str, range: Range<usize>) -> Range<usize> {
    // Most ranges end with Han text or CJK punctuation: told by its bytes.
    let last = text.as_bytes()[range.clone()].last_chunk();
    if last.is_some_and(|&last| is_cjk_but_no_space(last)) {
        return range;
    }
    range.start..range.start + text[range.clone()].trim_end_matches(is_space).len()
}

/// `range` without leading and trailing white space (empty at its start if it holds
/// nothing else).
pub(crate) fn trim(text: &str, range: Range<usize>) -> Range<usize> {
    let trimmed = trim_start(text, range.clone());
    if trimmed.is_empty() {
        return range.start..range.start;
    }
    trim_end(text, trimmed)
}

/// Whether the three bytes `char` are a char from U+3000 to U+FFFF (a lead byte from `E3`
/// to `EF`: Han text, CJK and full-width punctuation) other than white space, of which
/// there are two there: the ideographic space and the byte-order mark. In a text, three
/// bytes that start with such a lead are one whole char, and the bytes before and after
/// them char boundaries.
fn is_cjk_but_no_space(char: [u8; 3]) -> bool {
    matches!(char[0], 0xE3..=0xEF) && char != [0xE3, 0x80, 0x80] && char != [0xEF, 0xBB, 0xBF]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn items(text: &str) -> Vec<&str> {
        let marks = crate::marks::Kinds::of(text, 0..text.len());
        let guards = protected(&marks.quotes, 0..text.len());
        let mut found = Vec::new();
        split(text, &marks.breaks, 0..text.len(), guards.all(), &mut found);
        found.into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn cuts_after_item_marks_and_keeps_them() {
        assert_eq!(items("甲。乙；丙！丁？"), ["甲。", "乙；", "丙！", "丁？"]);
    }

    #[test]
    fn never_cuts_inside_quotes_or_brackets() {
        assert_eq!(
            items("宣传“居家。防疫”。其次。"),
            ["宣传“居家。防疫”。", "其次。"]
        );
        assert_eq!(items("设立（含A；B）站点。"), ["设立（含A；B）站点。"]);
    }

    #[test]
    fn an_unclosed_quote_does_not_swallow_the_rest() {
        assert_eq!(
            items("获评“三八红旗手1个。\n下一句。"),
            ["获评“三八红旗手1个。", "下一句。"]
        );
    }

    proptest::proptest! {
        /// The outermost ranges kept as they close are those of all ranges found, sorted.
        #[test]
        fn the_ranges_kept_are_the_outermost(
            text in "[“”‘’（）()【】《》王\n]{0,30}",
        ) {
            let marks = crate::marks::Kinds::of(&text, 0..text.len());
            let mut all = Vec::new();
            each_enclosed(&marks.quotes, 0..text.len(), |r| all.push(r));
            all.sort_by_key(|r| (r.start, std::cmp::Reverse(r.end)));
            let mut expected: Vec<Range<usize>> = Vec::new();
            for r in all {
                if expected.last().is_none_or(|last| last.end <= r.start) {
                    expected.push(r);
                }
            }
            let kept = protected(&marks.quotes, 0..text.len());
            proptest::prop_assert_eq!(kept.all(), &expected[..]);
        }
    }

    proptest::proptest! {
        /// Items are trimmed and not empty, and only white space lies between them.
        #[test]
        fn items_are_trimmed_and_cover_the_text(
            pieces in proptest::collection::vec(proptest::sample::select(&[
                "王", "。", "；", "”", "（", "）", "（责任单位：局）", "(牵头单位:局)", " ",
                "\u{3000}", "\n",
            ][..]), 0..24),
        ) {
            let text = pieces.concat();
            let marks = crate::marks::Kinds::of(&text, 0..text.len());
            let guards = protected(&marks.quotes, 0..text.len());
            let mut items = Vec::new();
            split(&text, &marks.breaks, 0..text.len(), guards.all(), &mut items);
            let mut end = 0;
            for item in items {
                proptest::prop_assert!(!item.is_empty());
                proptest::prop_assert_eq!(trim(&text, item.clone()), item.clone());
                proptest::prop_assert!(text[end..item.start].trim_matches(is_space).is_empty());
                end = item.end;
            }
            proptest::prop_assert!(text[end..].trim_matches(is_space).is_empty());
        }
    }

    #[test]
    fn no_char_told_by_its_first_byte_is_read_after_an_item_end() {
        let mut told = 0;
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let mut utf8 = [0; 4];
            if HAN_LEADS.contains(&c.encode_utf8(&mut utf8).as_bytes()[0]) {
                assert!(
                    !closes_item(c) && !matches!(c, '（' | '(') && !is_space(c),
                    "{c:?}"
                );
                told += 1;
            }
        }
        assert_eq!(told, 0x6000);
        assert!(!closes_item('\n') && is_space('\n'));
    }

    #[test]
    fn cjk_chars_told_by_their_bytes_are_no_white_space() {
        let mut told = 0;
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let mut utf8 = [0; 4];
            if let Ok(&char) = <&[u8; 3]>::try_from(c.encode_utf8(&mut utf8).as_bytes()) {
                if is_cjk_but_no_space(char) {
                    assert!(!is_space(c), "{c:?}");
                    told += 1;
                }
            }
        }
        assert_eq!(told, 0x10000 - 0x3000 - 0x800 - 2);
    }

    #[test]
    fn keeps_responsibility_tags_with_their_item() {
        assert_eq!(
            items("推进改革。（责任单位：区发展改革局）完善机制。"),
            ["推进改革。（责任单位：区发展改革局）", "完善机制。"]
        );
        // After the marks that close the item.
        assert_eq!(
            items("推进改革。”（牵头单位：区发展改革局）完善机制。"),
            ["推进改革。”（牵头单位：区发展改革局）", "完善机制。"]
        );
    }
}
