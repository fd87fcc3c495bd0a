//! Finding the headings of a report and their levels, from the whole document.
//!
//! Candidates are markers at line starts and, for text flattened onto few lines, markers
//! right after a sentence end or a space. A candidate becomes a heading when the document
//! supports it: a numbered marker inside running text must continue its family's
//! numbering (or open a numbering that continues), and what it heads must contain a full
//! sentence, so that `第一、二季度`, `一、二级` and inline lists stay prose. Levels follow
//! the official order 一、 → （一） → 1. → （1） → ①; `——` and `【…】` headings sit one
//! level below the section.

use crate::chars::{
    char_before, is_han, is_item_end, is_sentence_end, is_space, is_trailing_punct,
};
use crate::lexicon;
use crate::markers::{Family, Marker, bracket_heading, marker};
use crate::sentences::{trim, within};
use crate::{Diagnostic, DiagnosticCode, Span};
use regex::Regex;
use std::collections::HashMap;
use std::ops::Range;
use std::sync::LazyLock;

/// The deepest heading level followed; deeper markers are read as prose.
pub(crate) const MAX_DEPTH: usize = 8;

/// A heading found in the document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Heading {
    pub family: Family,
    pub ordinal: u32,
    /// Where the marker (or the heading line, when unmarked) starts.
    pub start: usize,
    /// Where the marker ends.
    pub marker_end: usize,
    /// The heading text or headline, without marker and final punctuation.
    pub text: Option<Range<usize>>,
    /// Where the body after the heading text begins.
    pub body_start: usize,
    /// 0 for sections, 1 for their themes, and so on.
    pub depth: usize,
    /// An appendix (`附件`, `名词解释`, `注释`) that runs to the end.
    pub appendix: bool,
}

/// How a candidate is placed in its text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Boundary {
    /// First thing on its line.
    LineStart,
    /// After a sentence end, a colon or a space, inside a line.
    Inline,
    /// Right after a heading's text, with nothing between (flattened text).
    Glued,
}

#[derive(Clone, Debug)]
struct Candidate {
    marker: Marker,
    start: usize,
    boundary: Boundary,
    /// The heading text when the candidate already fixes it (`【…】`, an unmarked heading
    /// found inside running text).
    text: Option<Range<usize>>,
    appendix: bool,
}

impl Candidate {
    /// A heading with no marker that starts at `start`.
    fn unmarked(start: usize, boundary: Boundary, text: Option<Range<usize>>) -> Self {
        let marker = Marker {
            family: Family::Unmarked,
            ordinal: 0,
            len: 0,
        };
        Candidate {
            marker,
            start,
            boundary,
            text,
            appendix: false,
        }
    }
}

/// Finds the headings of `text[body]`, in order, with their depths.
pub(crate) fn headings(
    text: &str,
    body: Range<usize>,
    guards: &[Range<usize>],
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<Heading> {
    let candidates = candidates(text, body.clone(), guards);
    let mut accepted = accept(text, body.clone(), candidates, diagnostics);
    if accepted.is_empty() {
        accepted = lead_sentences(text, body.clone());
    }
    let mut headings = nest(accepted, diagnostics);
    for i in 0..headings.len() {
        let limit = headings.get(i + 1).map_or(body.end, |next| next.start);
        let (text_range, body_start) = heading_text(text, &headings[i], limit, guards, diagnostics);
        headings[i].text = text_range;
        headings[i].body_start = body_start;
    }
    headings
}

/// Lines of `text[range]`, trimmed, non-empty.
pub(crate) fn lines(text: &str, range: Range<usize>) -> impl Iterator<Item = Range<usize>> + '_ {
    let base = range.start;
    text[range]
        .split('\n')
        .scan(base, |at, line| {
            let start = *at;
            *at += line.len() + 1;
            Some(trim(text, start..start + line.len()))
        })
        .filter(|r| !r.is_empty())
}

fn candidates(text: &str, body: Range<usize>, guards: &[Range<usize>]) -> Vec<Candidate> {
    let mut found = Vec::new();
    let all_lines: Vec<Range<usize>> = lines(text, body).collect();
    for (index, line) in all_lines.iter().enumerate() {
        let line_text = &text[line.clone()];
        let at_start =
            at(text, line.start, Boundary::LineStart).or_else(|| unmarked(text, &all_lines, index));
        // Inline candidates: after a sentence end, a colon or white space, or glued to a
        // heading that has not ended yet (`二、深入打好攻坚战（一）持续推进…`).
        let mut heading_open = at_start.is_some();
        found.extend(at_start);
        let guarded = within(guards, line.clone());
        let mut guard = guarded.iter().peekable();
        let mut prev: Option<char> = None;
        let mut last_mark: Option<char> = None;
        let mut marker_end = found
            .last()
            .map_or(0, |c: &Candidate| c.start + c.marker.len);
        for (i, c) in line_text.char_indices() {
            // The common case: a Han character after a Han character, no heading open.
            if !heading_open && is_han(c) && prev.is_some_and(is_han) {
                last_mark = prev;
                prev = Some(c);
                continue;
            }
            let pos = line.start + i;
            let after_break = prev
                .is_some_and(|p| is_item_end(p) || matches!(p, '：' | ':') || is_space(p))
                || (matches!(prev, Some('）' | ')')) && closes_tag(text, pos, guarded))
                || prev.is_some_and(|p| matches!(p, '-' | '页')) && after_furniture(&text[..pos]);
            if prev.is_some_and(|p| !is_space(p)) {
                last_mark = prev;
            }
            let prev_was_sentence_end = last_mark.is_some_and(is_sentence_end);
            prev = Some(c);
            if is_item_end(c) {
                heading_open = false;
            }
            if i == 0 || pos < marker_end || is_space(c) || !(after_break || heading_open) {
                continue;
            }
            while guard.peek().is_some_and(|g| g.end <= pos) {
                guard.next();
            }
            if guard.peek().is_some_and(|g| g.start < pos && pos < g.end) {
                continue;
            }
            let boundary = if after_break {
                Boundary::Inline
            } else {
                Boundary::Glued
            };
            let marked = may_open_marker(c)
                .then(|| at(text, pos, boundary))
                .flatten();
            let candidate = marked.or_else(|| {
                (after_break && prev_was_sentence_end)
                    .then(|| inline_unmarked(text, pos, line.end))
                    .flatten()
            });
            if let Some(candidate) = candidate {
                heading_open = true;
                marker_end = candidate.start + candidate.marker.len;
                found.push(candidate);
            }
        }
    }
    found
}

static FURNITURE_END: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:[-—－]\s*\d+\s*[-—－]|第\s*\d+\s*页(?:\s*共\s*\d+\s*页)?)$")
        .expect("furniture regex")
});

/// The length of `text` without the page furniture that ends it, if any.
pub(crate) fn before_furniture(text: &str) -> usize {
    let start = text.char_indices().rev().nth(20).map_or(0, |(i, _)| i);
    FURNITURE_END
        .find(&text[start..])
        .map_or(text.len(), |m| start + m.start())
}

/// Whether `before` ends with page furniture left inside flattened text (`- 1 -`,
/// `第 1 页 共 2 页`): what follows starts afresh.
fn after_furniture(before: &str) -> bool {
    let start = before.char_indices().rev().nth(20).map_or(0, |(i, _)| i);
    FURNITURE_END.is_match(&before[start..])
}

/// Whether `pos` follows a bracketed tag that stands after a sentence end:
/// `…改造。（责任处室：大气环境处）（二）…`.
fn closes_tag(text: &str, pos: usize, guarded: &[Range<usize>]) -> bool {
    // The guarded ranges are disjoint and sorted: the one ending here is the last that
    // starts before `pos`.
    let at = guarded.partition_point(|g| g.start < pos);
    guarded[..at]
        .last()
        .is_some_and(|g| g.end == pos && char_before(text, g.start).is_some_and(is_item_end))
}

/// Whether a marker or an appendix word can start with `c`.
fn may_open_marker(c: char) -> bool {
    crate::chars::is_chinese_numeral(c)
        || matches!(c, '第' | '附' | '名' | '注' | '（' | '(' | '—' | '－' | '【' | '①'..='⑳' | '0'..='9' | '０'..='９' | '-')
}

/// The candidate at `pos`, if a marker stands there and what follows suits a heading.
fn at(text: &str, pos: usize, boundary: Boundary) -> Option<Candidate> {
    let rest = &text[pos..];
    if let Some(len) = appendix_word(rest, boundary) {
        let marker = Marker {
            family: Family::Unmarked,
            ordinal: 0,
            len,
        };
        return Some(Candidate {
            marker,
            start: pos,
            boundary,
            text: None,
            appendix: true,
        });
    }
    if let Some((len, inner)) = bracket_heading(rest) {
        let marker = Marker {
            family: Family::Bracket,
            ordinal: 0,
            len,
        };
        let text = Some(pos + inner.start..pos + inner.end);
        return Some(Candidate {
            marker,
            start: pos,
            boundary,
            text,
            appendix: false,
        });
    }
    let m = marker(rest)?;
    let after = rest[m.len..].trim_start_matches(' ');
    let next = after.chars().next()?;
    let prose_follows = match m.family {
        // `一、二级`, `一、二类`: a list of numerals, not a heading.
        Family::ChineseComma => {
            !crate::chars::is_chinese_numeral(next)
                || !after
                    .chars()
                    .nth(1)
                    .is_some_and(|c| matches!(c, '、' | '级' | '类' | '等' | '档'))
        }
        // `1.5`, `1、2月`: numbers, not headings.
        Family::ArabicDot | Family::ArabicComma => {
            crate::chars::digit_value(next).is_none() && !matches!(next, '%' | '％')
        }
        // `——2026年1月26日在…会议上` is the subtitle of a speech, not a heading.
        Family::Dash => is_han(next) || matches!(next, '“' | '《'),
        _ => true,
    };
    if !prose_follows || is_item_end(next) {
        return None;
    }
    if m.family == Family::Dash && is_speech_subtitle(after) {
        return None;
    }
    // Inside a line, a dash opens a paragraph only after a sentence end, a colon or a
    // space (paragraphs joined by spaces); `团工委——创新广场` is prose.
    if m.family == Family::Dash && boundary == Boundary::Inline {
        let spaced = char_before(text, pos).is_some_and(is_space);
        let before = text[..pos].trim_end_matches(is_space);
        if !spaced
            && !before
                .chars()
                .next_back()
                .is_some_and(|c| is_sentence_end(c) || matches!(c, '：' | ':'))
        {
            return None;
        }
    }
    if m.family == Family::Ordinal && boundary != Boundary::LineStart {
        return None;
    }
    Some(Candidate {
        marker: m,
        start: pos,
        boundary,
        text: None,
        appendix: false,
    })
}

fn first_line(text: &str) -> &str {
    text.split('\n').next().unwrap_or(text)
}

/// `——2026年1月26日在…会议上`, `——二〇二六年一月二十七日在…`: the date line of a speech.
fn is_speech_subtitle(after_dash: &str) -> bool {
    let head: String = after_dash.chars().take(40).collect();
    let dated = after_dash.starts_with(|c: char| c.is_ascii_digit())
        || head.chars().take(4).any(|c| matches!(c, '〇' | '零' | '○'));
    dated || first_line(&head).contains("会议上")
}

/// `附件`, `附件1`, `名词解释`, `注释` standing as a heading: the length of the word.
/// Inside a line, what follows must open the appendix's content (a number, a note
/// marker, a colon, a space, or another appendix word).
fn appendix_word(rest: &str, boundary: Boundary) -> Option<usize> {
    for word in ["附件", "名词解释", "注释"] {
        let Some(after) = rest.strip_prefix(word) else {
            continue;
        };
        // `附件1`, but not the year in `附件2026年…`.
        let year_follows = |t: &str| {
            t.len() >= 7
                && t.is_char_boundary(4)
                && t[..4].bytes().all(|b| b.is_ascii_digit())
                && t[4..].starts_with('年')
        };
        let numbered = word == "附件"
            && after.starts_with(|c: char| c.is_ascii_digit())
            && (!after[1..].starts_with(|c: char| c.is_ascii_digit()) || year_follows(&after[1..]));
        let digit = usize::from(numbered);
        let tail = &after[digit..];
        let alone = match boundary {
            Boundary::LineStart => {
                first_line(tail).trim().is_empty() || tail.starts_with(['：', ':'])
            }
            Boundary::Inline => {
                tail.is_empty()
                    || tail.starts_with(|c: char| {
                        is_space(c)
                            || c.is_ascii_digit()
                            || matches!(c, '：' | ':' | '［' | '[' | '【')
                    })
                    || ["名词解释", "注释"].iter().any(|w| tail.starts_with(w))
            }
            Boundary::Glued => false,
        };
        if alone {
            return Some(word.len() + digit);
        }
    }
    None
}

/// A short line of its own with no marker, followed by a longer paragraph:
/// `“十四五”时期工作回顾`.
fn unmarked(text: &str, lines: &[Range<usize>], index: usize) -> Option<Candidate> {
    let line = lines[index].clone();
    let line_text = &text[line.clone()];
    let next = lines.get(index + 1)?;
    let chars = line_text.chars().count();
    let last = line_text.chars().next_back()?;
    let han = line_text.chars().filter(|&c| is_han(c)).count();
    let body_follows =
        text[next.clone()].chars().count() > chars && text[next.clone()].contains(is_sentence_end);
    let plausible = index > 0
        && (4..=30).contains(&chars)
        && han * 2 > chars
        && !is_trailing_punct(last)
        && !line_text.contains(is_space)
        && !line_text.ends_with("会议上")
        && body_follows;
    plausible.then_some(Candidate::unmarked(line.start, Boundary::LineStart, None))
}

/// Openings of the first sentence after an unmarked heading in flattened text:
/// `“十四五”时期工作回顾“十四五”时期是…`, `2026年重点工作今年是…`.
const BODY_OPENERS: [&str; 8] = [
    "“",
    "今年",
    "过去",
    "五年来",
    "一年来",
    "这一年",
    "当前",
    "今后",
];

/// An unmarked heading inside running text, right after a sentence end: a short phrase
/// without punctuation that ends with a section word and is followed by a new sentence.
fn inline_unmarked(text: &str, pos: usize, limit: usize) -> Option<Candidate> {
    let window_end = text[pos..limit]
        .char_indices()
        .nth(30)
        .map_or(limit, |(i, _)| pos + i);
    let window = &text[pos..window_end];
    let stop = window
        .find(|c: char| is_trailing_punct(c) || is_space(c) || matches!(c, '（' | '(' | '—'))
        .unwrap_or(window.len());
    let phrase = &window[..stop];
    let best = lexicon::part_words_in(phrase).map(|w| w.end).find(|&end| {
        let after = &text[pos + end..];
        let rest = after.trim_start_matches(is_space);
        let spaced = rest.len() < after.len();
        spaced
            || rest.starts_with(|c: char| c.is_ascii_digit())
            || BODY_OPENERS.iter().any(|o| rest.starts_with(o))
    });
    let end = pos + best?;
    Some(Candidate::unmarked(pos, Boundary::Inline, Some(pos..end)))
}

/// The longest lead sentence, in characters, that can stand as a section heading.
const LEAD_CHARS: usize = 30;

/// In a report with no markers at all, the parallel lead sentences that open its
/// paragraphs are its sections: `持之以恒调结构、稳增长，产业发展翻开新篇章。…`. Needs at
/// least two paragraphs that open with a short sentence and go on after it.
fn lead_sentences(text: &str, body: Range<usize>) -> Vec<Candidate> {
    let leads: Vec<Candidate> = lines(text, body)
        .filter_map(|line| {
            let line_text = &text[line.clone()];
            let (end, mark) = line_text
                .char_indices()
                .find(|&(_, c)| is_sentence_end(c))?;
            let lead = &line_text[..end];
            let goes_on = line_text[end + mark.len_utf8()..].contains(is_sentence_end);
            let short = (4..=LEAD_CHARS).contains(&lead.chars().count());
            (short && goes_on && !lead.contains(['：', ':'])).then(|| {
                Candidate::unmarked(
                    line.start,
                    Boundary::LineStart,
                    Some(line.start..line.start + end),
                )
            })
        })
        .collect();
    if leads.len() >= 2 { leads } else { Vec::new() }
}

/// Keeps the candidates the whole document supports.
fn accept(
    text: &str,
    body: Range<usize>,
    candidates: Vec<Candidate>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<Candidate> {
    // Unmarked lines head the top level only when the body opens with them and there are
    // at least two; otherwise a short line is prose (or a split title).
    let first_heading = candidates
        .iter()
        .find(|c| c.marker.family != Family::Dash || c.boundary == Boundary::LineStart);
    let unmarked_count = candidates
        .iter()
        .filter(|c| c.marker.family == Family::Unmarked && !c.appendix)
        .count();
    let unmarked_ok = first_heading
        .is_some_and(|c| c.marker.family == Family::Unmarked && !c.appendix)
        && unmarked_count >= 2;

    // Where each numbered family has an ordinal, to see whether an inline `一、` opens a
    // numbering that continues; where each candidate's family comes next; where
    // sentences and lines end. All looked up by binary search, so that acceptance stays
    // linear on any input.
    let mut positions: HashMap<(Family, u32), Vec<usize>> = HashMap::new();
    for c in &candidates {
        if c.marker.family.is_numbered() {
            positions
                .entry((c.marker.family, c.marker.ordinal))
                .or_default()
                .push(c.start);
        }
    }
    let followed_by = |family: Family, ordinal: u32, after: usize| -> bool {
        positions
            .get(&(family, ordinal))
            .is_some_and(|p| p.partition_point(|&x| x <= after) < p.len())
    };
    let mut next_same = vec![body.end; candidates.len()];
    let mut seen: HashMap<Family, usize> = HashMap::new();
    for (i, c) in candidates.iter().enumerate().rev() {
        if let Some(&next) = seen.get(&c.marker.family) {
            next_same[i] = next;
        }
        // A list opened after a colon (`做法是：一、…`) does not end the heading before it.
        if !(c.marker.ordinal == 1 && after_colon(text, c.start)) {
            seen.insert(c.marker.family, c.start);
        }
    }
    let sentence_ends = Marks::new(text, body.clone(), is_sentence_end);
    let line_breaks = Marks::new(text, body.clone(), |c| c == '\n');

    let mut accepted: Vec<Candidate> = Vec::new();
    let mut last_ordinal: HashMap<Family, u32> = HashMap::new();
    let mut lists: HashMap<Family, u32> = HashMap::new();
    let mut in_appendix = false;
    for (index, c) in candidates.into_iter().enumerate() {
        let family = c.marker.family;
        if c.appendix {
            // `附件2` followed by its title `名词解释` is one heading.
            if accepted
                .last()
                .is_some_and(|prev| prev.appendix && line_breaks.count_in(prev.start..c.start) <= 1)
                && !text[c.start..].starts_with("附件")
            {
                continue;
            }
            in_appendix = true;
            accepted.push(c);
            continue;
        }
        if family == Family::Unmarked {
            if unmarked_ok && !in_appendix {
                accepted.push(c);
            }
            continue;
        }
        if !family.is_numbered() {
            if family != Family::Ordinal || c.boundary == Boundary::LineStart {
                accepted.push(c);
            }
            continue;
        }
        let last = last_ordinal.get(&family).copied().unwrap_or(0);
        let ordinal = c.marker.ordinal;
        let ok = match c.boundary {
            Boundary::LineStart => true,
            Boundary::Inline | Boundary::Glued => {
                // One number may be missing from a numbering (`（二）` → `（四）`).
                let continues = last > 0 && (ordinal == last + 1 || ordinal == last + 2);
                // A first number opens a numbering when more follow, or when it stands
                // right under a heading (`三、2024年工作计划 （一）…`).
                let under_heading = accepted
                    .last()
                    .is_some_and(|p| sentence_ends.count_in(p.start + p.marker.len..c.start) == 0);
                let opens = ordinal == 1
                    && (under_heading
                        || followed_by(family, 2, c.start)
                        || followed_by(family, 3, c.start));
                // What it heads, up to the next marker of its family, holds a full sentence
                // (a heading's body does; an inline list item does not).
                let holds_a_sentence =
                    sentence_ends.count_in(c.start + c.marker.len..next_same[index]) > 0;
                // `主要做法：一、…。二、…。` restarts a numbering in use after a colon: a list,
                // and so are the numbers that follow it.
                let opens_list = ordinal == 1 && last > 0 && after_colon(text, c.start);
                let in_list = lists.get(&family).is_some_and(|&n| ordinal == n + 1);
                if opens_list || in_list {
                    lists.insert(family, ordinal);
                    false
                } else {
                    (continues || opens) && holds_a_sentence
                }
            }
        };
        if !ok {
            continue;
        }
        if ordinal != last + 1 && ordinal != 1 {
            diagnostics.push(Diagnostic {
                code: DiagnosticCode::NumberingGap,
                message: format!("heading number {ordinal} follows {last} in its family"),
                span: Some(Span::new(c.start, c.start + c.marker.len)),
            });
        }
        // A heading of a higher level restarts the numbering of every lower one.
        if let Some(rank) = family.rank() {
            last_ordinal.retain(|f, _| f.rank().is_none_or(|r| r <= rank));
        }
        last_ordinal.insert(family, ordinal);
        accepted.push(c);
    }
    accepted
}

/// Whether `at` follows a colon (white space aside).
fn after_colon(text: &str, at: usize) -> bool {
    text[..at].trim_end_matches(is_space).ends_with(['：', ':'])
}

/// Sorted positions of the chars of a kind (sentence ends, line breaks) in a body.
struct Marks(Vec<usize>);

impl Marks {
    /// The marks of `kind` in `text[body]`; `kind` must only accept ASCII characters or
    /// CJK and full-width punctuation (UTF-8 lead byte 0xE3 or 0xEF), so that only those
    /// bytes need decoding.
    fn new(text: &str, body: Range<usize>, kind: impl Fn(char) -> bool) -> Self {
        let slice = &text[body.clone()];
        Marks(
            slice
                .bytes()
                .enumerate()
                .filter(|&(_, b)| b < 0x80 || b == 0xE3 || b == 0xEF)
                .filter(|&(i, _)| slice[i..].chars().next().is_some_and(&kind))
                .map(|(i, _)| body.start + i)
                .collect(),
        )
    }

    /// How many marks lie in `range`.
    fn count_in(&self, range: Range<usize>) -> usize {
        let from = self.0.partition_point(|&p| p < range.start);
        let to = self.0.partition_point(|&p| p < range.end);
        to.saturating_sub(from)
    }
}

/// Gives every accepted candidate its depth.
fn nest(accepted: Vec<Candidate>, diagnostics: &mut Vec<Diagnostic>) -> Vec<Heading> {
    // The stack holds the family and rank of each open level; dashes, brackets and
    // ordinals rank just below the section they stand in.
    let mut stack: Vec<(Family, u8, bool)> = Vec::new();
    let mut headings = Vec::with_capacity(accepted.len());
    for c in accepted {
        let family = c.marker.family;
        let depth = if c.appendix {
            stack.clear();
            stack.push((family, 0, true));
            0
        } else if let Some(i) = stack
            .iter()
            .position(|&(f, _, appendix)| f == family && !appendix)
        {
            stack.truncate(i + 1);
            i
        } else if let Some(rank) = family.rank() {
            while let Some(&(_, top, appendix)) = stack.last() {
                if !appendix && top >= rank {
                    stack.pop();
                } else {
                    break;
                }
            }
            stack.push((family, rank, false));
            stack.len() - 1
        } else if family == Family::Unmarked {
            stack.clear();
            stack.push((family, 0, false));
            0
        } else {
            stack.truncate(1);
            let rank = stack
                .first()
                .map_or(1, |&(_, r, _)| r.saturating_add(1))
                .max(1);
            // Placed below the section, ranked so that the next numbered family pops it.
            stack.push((family, rank.max(9), false));
            stack.len() - 1
        };
        if depth >= MAX_DEPTH {
            diagnostics.push(Diagnostic {
                code: DiagnosticCode::TooDeep,
                message: format!("heading nested {depth} levels deep is read as prose"),
                span: Some(Span::new(c.start, c.start + c.marker.len)),
            });
            stack.pop();
            continue;
        }
        headings.push(Heading {
            family,
            ordinal: c.marker.ordinal,
            start: c.start,
            marker_end: c.start + c.marker.len,
            text: c.text,
            body_start: c.start + c.marker.len,
            depth,
            appendix: c.appendix,
        });
    }
    headings
}

/// The heading text after a marker and where the body begins, given that the heading's
/// region ends at `limit`.
///
/// A heading alone on its line is the whole line; otherwise it is the first sentence
/// (up to `。；！？：`), unless a space or, for a section, its section word shows that the
/// heading was glued to its body.
fn heading_text(
    text: &str,
    h: &Heading,
    limit: usize,
    guards: &[Range<usize>],
    diagnostics: &mut Vec<Diagnostic>,
) -> (Option<Range<usize>>, usize) {
    if let Some(inner) = &h.text {
        // After `【…】` its closing bracket; after a lead sentence its `。`.
        let close = text[inner.end..limit]
            .chars()
            .next()
            .filter(|&c| c == '】' || is_sentence_end(c));
        return (
            Some(inner.clone()),
            inner.end + close.map_or(0, char::len_utf8),
        );
    }
    if h.appendix {
        // The appendix is named by its word: `附件1`, `名词解释`, `注释`.
        return (Some(h.start..h.marker_end), h.marker_end);
    }
    let from = h.marker_end.min(limit);
    let line_end = text[from..limit].find('\n').map_or(limit, |i| from + i);
    let line = trim(text, from..line_end);
    if line.is_empty() {
        return (None, line_end);
    }
    let guarded = within(guards, line.clone());
    let sentence_end = first_unguarded(text, line.clone(), guarded, |c| {
        is_item_end(c) || matches!(c, '：' | ':')
    });
    let Some(end) = sentence_end else {
        return (Some(strip_trailing_punct(text, line)), line_end);
    };
    // A space before any punctuation ends a heading glued to its body: `一、主要成效 一年来，…`.
    let first_punct =
        first_unguarded(text, line.clone(), guarded, is_trailing_punct).unwrap_or(end);
    if let Some(space) = text[line.start..first_punct].find(is_space) {
        if text[line.start..line.start + space].chars().count() >= 4 {
            return (Some(line.start..line.start + space), line.start + space);
        }
    }
    let sentence = line.start..end;
    // A section heading run into its body: cut after the word that names the section.
    if h.depth == 0 {
        let glued = glued_cut(&text[sentence.clone()]).filter(|&cut| {
            let rest = &text[sentence.start + cut..];
            looks_glued(&text[sentence.clone()])
                || rest.starts_with(|c: char| c.is_ascii_digit())
                || rest.starts_with("一是")
                || BODY_OPENERS.iter().any(|o| rest.starts_with(o))
        });
        if let Some(cut) = glued {
            diagnostics.push(Diagnostic {
                code: DiagnosticCode::GluedHeading,
                message: "heading runs into its body; cut after its section word".into(),
                span: Some(Span::new(h.start, line.start + cut)),
            });
            return (Some(line.start..line.start + cut), line.start + cut);
        }
    }
    let mark = text[end..].chars().next().map_or(0, char::len_utf8);
    (Some(strip_trailing_punct(text, sentence)), end + mark)
}

/// The first char matching `pred` outside protected ranges in `text[range]`.
fn first_unguarded(
    text: &str,
    range: Range<usize>,
    guarded: &[Range<usize>],
    pred: impl Fn(char) -> bool,
) -> Option<usize> {
    let mut guard = guarded.iter().peekable();
    text[range.clone()]
        .char_indices()
        .map(|(i, c)| (range.start + i, c))
        .find_map(|(at, c)| {
            while guard.peek().is_some_and(|g| g.end <= at) {
                guard.next();
            }
            let inside = guard.peek().is_some_and(|g| g.start < at && at < g.end);
            (pred(c) && !inside).then_some(at)
        })
}

fn strip_trailing_punct(text: &str, range: Range<usize>) -> Range<usize> {
    let s = &text[range.clone()];
    let kept = s.trim_end_matches(|c: char| is_trailing_punct(c) || is_space(c) || c == '—');
    range.start..range.start + kept.len()
}

/// A first sentence that reads as a heading glued to prose: long, or with a comma.
fn looks_glued(sentence: &str) -> bool {
    sentence.chars().count() > 30 || sentence.contains('，')
}

/// Where a glued section heading ends: after its last section word within its first 30
/// characters, when prose (not `和`, `及`, `与`) follows.
fn glued_cut(sentence: &str) -> Option<usize> {
    let window_end = sentence
        .char_indices()
        .nth(30)
        .map_or(sentence.len(), |(i, _)| i);
    let comma = sentence.find('，').unwrap_or(sentence.len());
    let window = &sentence[..window_end.min(comma)];
    let words = lexicon::section_words_in(window);
    // The heading runs through the first section word and every word that overlaps it
    // or follows a joining `和`, `及` … (`主要工作成效`, `2021年工作总结和2022年工作思路`).
    let joins = |at: usize| sentence[at..].starts_with(['和', '及', '与', '暨', '、', '的']);
    let mut cut: Option<usize> = None;
    for w in words {
        cut = match cut {
            None => Some(w.end),
            Some(c) if w.start <= c => Some(c.max(w.end)),
            Some(c) if joins(c) && w.start <= c + 30 => Some(w.end),
            Some(_) => break,
        };
    }
    cut.filter(|&c| c < sentence.len() && !joins(c))
}
