//! Candidate headings: markers at line starts, inside running text after a break, glued
//! to an open heading; unmarked heading lines; lead sentences of a report without markers.

use super::{BODY_OPENERS, Boundary, Candidate};
use crate::chars::{
    BmpSet, RunSet, bmp_set, char_at, char_before, is_break, is_han, is_item_end, is_sentence_end,
    is_space, is_trailing_punct, three_byte_code,
};
use crate::lexicon;
use crate::markers::{Family, Marker, bracket_heading, marker, may_open_numbered};
use crate::marks::Marks;
use crate::sentences::HAN_LEADS;
use crate::sorted::Ranges;
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

pub(super) fn candidates(
    text: &str,
    all_lines: &[Range<usize>],
    breaks: &Marks,
    guards: &Ranges,
) -> Vec<Candidate> {
    let mut found = Vec::with_capacity(all_lines.len());
    // Each step looks at the place `pos` after the char `prev` at `at`. Outside an open
    // heading, only a place after a break can start one: the steps go from break to
    // break. Inside an open heading, every place that may start one is looked at (see
    // `next_place_in_heading`). Places only move forward, through the lines in order: the
    // breaks are walked by one cursor.
    let (break_at, break_chars) = breaks.slices(0..text.len());
    let mut next_break = 0;
    // The step at the first break from `pos` on (past the line's end, the line is done).
    let mut break_step = |pos: usize| {
        while break_at.get(next_break).is_some_and(|&m| m < pos) {
            next_break += 1;
        }
        break_at
            .get(next_break)
            .copied()
            .zip(break_chars.get(next_break).copied())
    };
    // The guarded ranges are walked by cursors too: the first that ends after the
    // place, and the first that may end at it.
    let guarded = guards.all();
    let (mut guard, mut tag_ending) = (0, 0);
    for (index, line) in all_lines.iter().enumerate() {
        let first = char_at(text, line.start);
        // Most lines open with no char that may open a marker: they are not read for one.
        let at_start = first
            .filter(|&c| may_open_at(text, line.start, c))
            .and_then(|c| at_place(text, line.start, c, Boundary::LineStart))
            .or_else(|| unmarked(text, all_lines, index));
        // Inline candidates: after a sentence end, a colon or white space, or glued to a
        // heading that has not ended yet (`二、深入打好攻坚战（一）持续推进…`).
        let mut heading_open = at_start.is_some();
        let mut marker_end = at_start.as_ref().map_or(0, |c| c.start + c.marker.len);
        found.extend(at_start);
        // Outside an open heading, every step is at a break.
        let mut step = first.and_then(|first| match (heading_open, is_break(first)) {
            (true, _) => Some(next_place_in_heading(
                text, line.start, first, line.end, marker_end,
            )),
            (false, true) => Some((line.start, first)),
            (false, false) => break_step(line.start + first.len_utf8()),
        });
        while let Some((at, prev)) = step {
            let pos = at + prev.len_utf8();
            if pos >= line.end {
                break;
            }
            // Most places after a break outside a heading hold Han text that may open no
            // marker: only an unmarked heading may start there, after a sentence end (see
            // `sentence_before`), and the char is told by its bytes, not read. After any
            // other break but white space, nothing starts there: the walk goes on at once.
            let han_but_no_marker =
                !heading_open && opens_han_text_but_no_marker(&text.as_bytes()[pos..]);
            if han_but_no_marker && !is_sentence_end(prev) && !is_space(prev) {
                step = break_step(pos);
                continue;
            }
            let quiet = han_but_no_marker && is_sentence_end(prev) && pos >= marker_end;
            let mut candidate = None;
            let c = if quiet {
                // Looked for first: most places hold none, and need no look at the guards.
                candidate = inline_unmarked(text, pos, line.end)
                    .filter(|_| !inside(guarded, pos, &mut guard));
                if candidate.is_none() {
                    // Most hold none: the walk goes on to the next break at once.
                    step = break_step(pos);
                    continue;
                }
                None
            } else {
                let Some(c) = char_at(text, pos) else {
                    break;
                };
                let after_break = is_item_end(prev)
                    || matches!(prev, '：' | ':')
                    || is_space(prev)
                    || (matches!(prev, '）' | ')')
                        && closes_tag(text, pos, guarded, &mut tag_ending))
                    || matches!(prev, '-' | '页') && after_furniture(&text[..pos]);
                if is_item_end(c) {
                    heading_open = false;
                }
                let looked_at = pos >= marker_end && !is_space(c) && (after_break || heading_open);
                if looked_at && !inside(guarded, pos, &mut guard) {
                    let boundary = if after_break {
                        Boundary::Inline
                    } else {
                        Boundary::Glued
                    };
                    let marked = may_open_at(text, pos, c)
                        .then(|| at_place(text, pos, c, boundary))
                        .flatten();
                    // After a sentence end (white space aside), an unmarked heading may
                    // start: the char before `pos` is `prev`, or white space after one.
                    let sentence_before = || match is_space(prev) {
                        false => is_sentence_end(prev),
                        true => text[line.start..pos]
                            .trim_end_matches(is_space)
                            .ends_with(is_sentence_end),
                    };
                    candidate = marked.or_else(|| {
                        (after_break && sentence_before())
                            .then(|| inline_unmarked(text, pos, line.end))
                            .flatten()
                    });
                }
                Some(c)
            };
            if let Some(candidate) = candidate {
                heading_open = true;
                marker_end = candidate.reserved_end();
                found.push(candidate);
            }
            step = match heading_open {
                // The char after a quiet place is read only now: a heading opens there.
                true => c
                    .or_else(|| char_at(text, pos))
                    .map(|c| next_place_in_heading(text, pos, c, line.end, marker_end)),
                false => break_step(pos),
            };
        }
    }
    found
}

/// Whether `bytes` start with Han text (see [`HAN_LEADS`]) whose char may open no marker:
/// told by its bytes, not read.
fn opens_han_text_but_no_marker(bytes: &[u8]) -> bool {
    match *bytes {
        [lead, second, third, ..] => {
            HAN_LEADS.contains(&lead)
                && MARKER_FIRSTS.contains_three_byte([lead, second, third]) == Some(false)
        }
        _ => false,
    }
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
/// `…改造。（责任处室：大气环境处）（二）…`. `ending` is a cursor for [`ending_at`].
fn closes_tag(text: &str, pos: usize, guarded: &[Range<usize>], ending: &mut usize) -> bool {
    ending_at(guarded, pos, ending)
        .is_some_and(|g| char_before(text, g.start).is_some_and(is_item_end))
}

/// The range of `guarded` (sorted, disjoint) that ends at `pos`. `ending`, the index of
/// the first range that may end at or after `pos`, moves forward as `pos` does: steps
/// through a line cost no search.
fn ending_at<'g>(
    guarded: &'g [Range<usize>],
    pos: usize,
    ending: &mut usize,
) -> Option<&'g Range<usize>> {
    // Disjoint sorted ranges have sorted ends.
    while guarded.get(*ending).is_some_and(|g| g.end < pos) {
        *ending += 1;
    }
    guarded.get(*ending).filter(|g| g.end == pos)
}

/// Whether `pos` lies inside a range of `guarded` (sorted, disjoint), not at its ends.
/// `next`, the index of the first range that may end after `pos`, moves forward as `pos`
/// does (see [`ending_at`]).
pub(super) fn inside(guarded: &[Range<usize>], pos: usize, next: &mut usize) -> bool {
    while guarded.get(*next).is_some_and(|g| g.end <= pos) {
        *next += 1;
    }
    guarded.get(*next).is_some_and(|g| g.start < pos)
}

/// Inside an open heading, the first step from the char `prev` at `at` on that can find
/// something: after a break, or before an item end or a char that may open a marker.
/// Every other step finds no candidate and keeps the heading open; so does every step
/// whose place lies before `marker_end`, inside the last candidate's marker or preset
/// text, unless an item end closes the heading there.
fn next_place_in_heading(
    text: &str,
    mut at: usize,
    mut prev: char,
    end: usize,
    marker_end: usize,
) -> (usize, char) {
    let bytes = text.as_bytes();
    loop {
        let pos = at + prev.len_utf8();
        let Some(next) = char_at(text, pos).filter(|_| pos < end) else {
            return (at, prev);
        };
        let stop = match pos >= marker_end {
            true => is_break(prev) || is_item_end(next) || may_open_at(text, pos, next),
            false => is_item_end(next),
        };
        if stop {
            return (at, prev);
        }
        at = pos;
        prev = next;
        // Past the marker, steps between quiet chars (three-byte chars that are no break,
        // no item end and may not open a marker: most Han text) find nothing: a run of
        // them after `prev` is passed over by one lookup each, to the step at its last.
        if pos >= marker_end && !is_break(prev) {
            let run_start = pos + prev.len_utf8();
            let run = LOUD_IN_HEADING.outside_len(&bytes[run_start..end]);
            if let Some(&[lead, second, third]) = run
                .checked_sub(3)
                .and_then(|last| bytes.get(run_start + last..run_start + run))
            {
                if let Some(last) = char::from_u32(three_byte_code(lead, second, third)) {
                    (at, prev) = (run_start + run - 3, last);
                }
            }
        }
    }
}

/// The chars that make a step inside an open heading find something: breaks, item ends
/// and the chars that may open a marker (see [`next_place_in_heading`]).
static LOUD_IN_HEADING: RunSet = RunSet::of(&bmp_set!(|c| is_break(c)
    || is_item_end(c)
    || opens_marker_by_definition(c)));

/// Whether a marker or an appendix word can start with `c`: one bit of [`MARKER_FIRSTS`].
fn may_open_marker(c: char) -> bool {
    MARKER_FIRSTS.contains_code(u32::from(c))
}

/// Whether a candidate may start at `pos`, whose char is `c`: `c` may open a marker and,
/// a figure or numeral, is followed as a numbered marker's is (see [`may_open_numbered`]).
/// Figures and numerals inside headings and after breaks (`2025年`, `一是`) are mostly
/// turned down here, without [`at_place`].
fn may_open_at(text: &str, pos: usize, c: char) -> bool {
    may_open_marker(c)
        && text
            .get(pos + c.len_utf8()..)
            .is_some_and(|after| may_open_numbered(c, after))
}

/// The chars a marker or an appendix word can start with.
const fn opens_marker_by_definition(c: char) -> bool {
    crate::chars::is_chinese_numeral(c)
        || matches!(c, '第' | '附' | '名' | '注' | '（' | '(' | '—' | '－' | '【' | '①'..='⑳' | '0'..='9' | '０'..='９' | '-')
}

/// [`opens_marker_by_definition`] of every char of the Basic Multilingual Plane (no char
/// beyond it opens a marker): one lookup instead of a tree of comparisons for Han text.
static MARKER_FIRSTS: BmpSet = bmp_set!(|c| opens_marker_by_definition(c));

/// The candidate at `pos`, whose char is `first`, if a marker stands there and what
/// follows suits a heading.
fn at_place(text: &str, pos: usize, first: char, boundary: Boundary) -> Option<Candidate> {
    let rest = &text[pos..];
    // Appendix words start with 附, 名 or 注, bracket headings with 【.
    let appendix = matches!(first, '附' | '名' | '注');
    if let Some(len) = appendix.then(|| appendix_word(rest, boundary)).flatten() {
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
    if let Some((len, inner)) = (first == '【').then(|| bracket_heading(rest)).flatten() {
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
    let head_end = after_dash
        .char_indices()
        .nth(40)
        .map_or(after_dash.len(), |(i, _)| i);
    let head = &after_dash[..head_end];
    let dated = after_dash.starts_with(|c: char| c.is_ascii_digit())
        || head.chars().take(4).any(|c| matches!(c, '〇' | '零' | '○'));
    dated || first_line(head).contains("会议上")
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
    // Thirty characters take at most 120 bytes: longer lines are paragraphs.
    if line.len() > 120 || index == 0 {
        return None;
    }
    let line_text = &text[line.clone()];
    // The cheap test first: most short lines end with punctuation.
    if line_text.chars().next_back().is_some_and(is_trailing_punct) {
        return None;
    }
    let next = lines.get(index + 1)?;
    let chars = line_text.chars().count();
    let plausible = (4..=30).contains(&chars)
        && !line_text.contains(is_space)
        && !line_text.ends_with("会议上")
        && line_text.chars().filter(|&c| is_han(c)).count() * 2 > chars;
    // A longer line with a sentence end follows (looked at last: it may be long).
    let body_follows = || {
        let next_text = &text[next.clone()];
        next_text.chars().nth(chars).is_some() && next_text.contains(is_sentence_end)
    };
    (plausible && body_follows()).then_some(Candidate::unmarked(
        line.start,
        Boundary::LineStart,
        None,
    ))
}

/// An unmarked heading inside running text, right after a sentence end: a short phrase
/// without punctuation that ends with a section word and is followed by a new sentence.
#[inline]
fn inline_unmarked(text: &str, pos: usize, limit: usize) -> Option<Candidate> {
    // Most phrases are turned down by the quick walk, before a part word is looked for:
    // only that walk runs at most sentence ends.
    may_turn(&text.as_bytes()[pos..limit])
        .then(|| phrase_heading(text, pos, limit))
        .flatten()
}

/// [`inline_unmarked`] past its quick test: the heading phrase at `pos`, if any.
// Out of line: it runs at few sentence ends, and inlined into the step loop it makes
// every step costlier.
#[inline(never)]
fn phrase_heading(text: &str, pos: usize, limit: usize) -> Option<Candidate> {
    // The phrase: up to thirty chars, to the first punctuation, space or bracket. Part
    // words are Han text: one that starts in the phrase ends in it, unless it runs past
    // the thirtieth char.
    let mut rest = &text.as_bytes()[pos..limit];
    let loud = &*PHRASE_LOUD;
    // Three bytes for each char the phrase may still take: a run of Han text takes them
    // all, and a char of any length takes three.
    let mut budget = 3 * PHRASE_CHARS;
    while budget > 0 {
        // A run of quiet chars (of three bytes, neither a stop nor a part word's first)
        // is passed over, one lookup a char.
        let run = loud.outside_len(&rest[..rest.len().min(budget)]);
        rest = &rest[run..];
        budget -= run;
        if budget == 0 {
            break;
        }
        // The chars from the loud one on that the phrase may take.
        let chars_left = budget / 3;
        budget -= 3;
        match *rest {
            // A loud char of three bytes: a stop, or else the first of a part word.
            [lead @ 0xE0..=0xEF, second, third, ref after @ ..] => {
                if PHRASE_STOPS.contains_three_byte([lead, second, third]) == Some(true) {
                    return None;
                }
                rest = after;
            }
            // A char of another length: a stop, or else no part word's first (part words
            // are Han text, of three-byte chars).
            _ => {
                let c = text[limit - rest.len()..limit].chars().next()?;
                if PHRASE_STOPS.contains_code(u32::from(c)) {
                    return None;
                }
                rest = &rest[c.len_utf8()..];
                // ASCII after it (figures, Latin letters) is read here, not a char a step.
                while let (true, [byte @ 0..=0x7F, after @ ..]) = (budget > 0, rest) {
                    if PHRASE_STOPS.contains_code(u32::from(*byte)) {
                        return None;
                    }
                    rest = after;
                    budget -= 3;
                }
                continue;
            }
        }
        let start = limit - rest.len() - 3;
        let Some(len) = lexicon::part_word_at(&text[start..limit], chars_left) else {
            continue;
        };
        let end = start + len;
        let after = &text[end..];
        let next = after.trim_start_matches(is_space);
        let spaced = next.len() < after.len();
        if spaced
            || next.starts_with(|c: char| c.is_ascii_digit())
            || BODY_OPENERS.iter().any(|o| next.starts_with(o))
        {
            return Some(Candidate::unmarked(pos, Boundary::Inline, Some(pos..end)));
        }
    }
    None
}

/// The most chars a phrase read for an inline unmarked heading takes.
const PHRASE_CHARS: usize = 30;

/// Whether the phrase at the front of `bytes`, the rest of a line, may hold an inline
/// unmarked heading: whether, before a stop and within its first [`PHRASE_CHARS`] chars
/// and the one after them, a char that may follow the heading (white space, a figure, a
/// body opener's first, see [`may_open_body`]) stands right after a char a part word may
/// end with, or the line ends after one. Most sentences reach a comma first, or hold
/// figures after other words: they are told by one lookup a char, and no part word is
/// looked up in them.
// Out of line: it runs once per sentence end.
#[inline(never)]
fn may_turn(bytes: &[u8]) -> bool {
    let window = &bytes[..bytes.len().min(3 * (PHRASE_CHARS + 1))];
    // Whether the char before `at` may end a part word (of three-byte chars).
    let after_part_word = |at: usize| {
        at.checked_sub(3)
            .and_then(|last| window[last..at].try_into().ok())
            .and_then(|last| lexicon::part_word_lasts().contains_three_byte(last))
            == Some(true)
    };
    let mut at = 0;
    loop {
        // A char of another length than three ends the run, as a char of the set does.
        at += PHRASE_TURNS.outside_len(&window[at..]);
        let len = match window[at..] {
            [] => return window.len() == bytes.len() && after_part_word(at),
            [lead @ 0xE0..=0xEF, second, third, ..] => {
                if BARE_STOPS.contains_three_byte([lead, second, third]) == Some(true) {
                    return false;
                }
                3
            }
            // A run of ASCII (figures, Latin letters) is read at once: only its first char
            // may follow a part word, and the others matter only if they are stops.
            [0..=0x7F, ..] => {
                let (run, stopped) = ascii_to_stop(&window[at..]);
                if run == 0 {
                    return false;
                }
                if after_part_word(at) {
                    return true;
                }
                if stopped {
                    return false;
                }
                at += run;
                continue;
            }
            // Chars of two or four bytes are rare: the walk reads them.
            _ => return true,
        };
        if after_part_word(at) {
            return true;
        }
        at += len;
    }
}

/// The length of the run of ASCII chars that `bytes` starts with, up to its first stop
/// that is no white space, and whether such a stop ends it.
fn ascii_to_stop(bytes: &[u8]) -> (usize, bool) {
    for (len, &byte) in bytes.iter().enumerate() {
        if !byte.is_ascii() {
            return (len, false);
        }
        if BARE_STOPS.contains_code(u32::from(byte)) {
            return (len, true);
        }
    }
    (bytes.len(), false)
}

/// The stops that are no white space.
static BARE_STOPS: BmpSet = bmp_set!(|c| is_phrase_stop(c) && !is_space(c));

/// The chars of three bytes that end the quiet run [`may_turn`] passes over: stops and
/// the firsts of body openers.
static PHRASE_TURNS: RunSet = RunSet::of(&bmp_set!(|c| is_phrase_stop(c) || may_open_body(c)));

/// The chars a body opener (see [`BODY_OPENERS`]) may start with.
const fn may_open_body(c: char) -> bool {
    matches!(c, '“' | '今' | '过' | '五' | '一' | '这' | '当')
}

/// The chars at which the walk of a phrase looks: those that end it and those a part word
/// may start with (see [`inline_unmarked`]).
static PHRASE_LOUD: LazyLock<Box<RunSet>> =
    LazyLock::new(|| Box::new(RunSet::of(&PHRASE_STOPS.union(lexicon::part_word_firsts()))));

/// The chars of the Basic Multilingual Plane that end a phrase (see [`is_phrase_stop`]).
static PHRASE_STOPS: BmpSet = bmp_set!(|c| is_phrase_stop(c));

/// Whether `c` ends the phrase an inline unmarked heading is read from.
const fn is_phrase_stop(c: char) -> bool {
    is_trailing_punct(c) || is_space(c) || matches!(c, '（' | '(' | '—')
}

/// The longest lead sentence, in characters, that can stand as a section heading.
const LEAD_CHARS: usize = 30;

/// In a report with no markers at all, the parallel lead sentences that open its
/// paragraphs are its sections: `持之以恒调结构、稳增长，产业发展翻开新篇章。…`. Needs at
/// least two paragraphs that open with a short sentence and go on after it.
pub(super) fn lead_sentences(text: &str, lines: &[Range<usize>]) -> Vec<Candidate> {
    let leads: Vec<Candidate> = lines
        .iter()
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

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// Walking forward finds the range ending at each place and the range around it,
        /// as a search does.
        #[test]
        fn the_cursors_find_the_ranges_at_each_place(
            lengths in proptest::collection::vec((0usize..4, 1usize..4), 0..12),
            steps in proptest::collection::vec(0usize..4, 0..30),
        ) {
            let mut guarded = Vec::new();
            let mut at = 0;
            for (gap, len) in lengths {
                guarded.push(at + gap..at + gap + len);
                at += gap + len;
            }
            let (mut pos, mut ending, mut next) = (0, 0, 0);
            for step in steps {
                pos += step;
                let expected = guarded.iter().find(|g| g.end == pos);
                proptest::prop_assert_eq!(ending_at(&guarded, pos, &mut ending), expected);
                let around = guarded.iter().any(|g| g.start < pos && pos < g.end);
                proptest::prop_assert_eq!(inside(&guarded, pos, &mut next), around);
            }
        }
    }

    proptest::proptest! {
        /// Every step passed over inside an open heading finds nothing: its char is no
        /// item end, and its place lies inside the last marker or neither follows a
        /// break nor may open a marker. The step returned is the first that may.
        #[test]
        fn steps_in_a_heading_skip_only_places_that_find_nothing(
            text in "[（一）1.。：、，王国家a \n]{1,24}",
            marker_end in 0usize..80,
        ) {
            let first = text.chars().next().unwrap();
            let (at, prev) = next_place_in_heading(&text, 0, first, text.len(), marker_end);
            let steps: Vec<(usize, char)> = text.char_indices().collect();
            for pair in steps.windows(2) {
                let [(step_at, step_prev), (pos, c)] = [pair[0], pair[1]];
                let finds_nothing = !is_item_end(c)
                    && (pos < marker_end || !(is_break(step_prev) || may_open_at(&text, pos, c)));
                if step_at == at {
                    proptest::prop_assert!(!finds_nothing);
                    proptest::prop_assert_eq!(step_prev, prev);
                    return Ok(());
                }
                proptest::prop_assert!(finds_nothing);
            }
            // No step found anything: the walk stops at the last char.
            proptest::prop_assert_eq!(Some(&(at, prev)), steps.last());
        }
    }

    proptest::proptest! {
        /// A place whose char may not open a marker holds no candidate, nor does one whose
        /// figure or numeral no marker's punctuation follows: they are turned down before
        /// `at_place` reads them.
        #[test]
        fn only_a_marker_first_opens_a_candidate(
            text in "[一二十两百第附件名词解释注（）()【】①—－1２.．、，：王年是 \n]{1,12}",
        ) {
            let first = text.chars().next().unwrap();
            for boundary in [Boundary::LineStart, Boundary::Inline, Boundary::Glued] {
                if at_place(&text, 0, first, boundary).is_some() {
                    proptest::prop_assert!(may_open_marker(first));
                    proptest::prop_assert!(may_open_at(&text, 0, first));
                }
            }
        }
    }

    /// [`inline_unmarked`] read char by char: the heading text it finds at `pos`.
    fn inline_unmarked_by_definition(text: &str, pos: usize) -> Option<Range<usize>> {
        let phrase = text[pos..].char_indices().take(30).enumerate();
        for (index, (offset, c)) in phrase {
            if is_phrase_stop(c) {
                return None;
            }
            if !lexicon::part_word_firsts().contains_code(u32::from(c)) {
                continue;
            }
            let start = pos + offset;
            let Some(len) = lexicon::part_word_at(&text[start..], 30 - index) else {
                continue;
            };
            let after = &text[start + len..];
            let next = after.trim_start_matches(is_space);
            if next.len() < after.len()
                || next.starts_with(|c: char| c.is_ascii_digit())
                || BODY_OPENERS.iter().any(|o| next.starts_with(o))
            {
                return Some(pos..start + len);
            }
        }
        None
    }

    proptest::proptest! {
        /// The walk by bytes finds what the walk by chars finds.
        #[test]
        fn inline_unmarked_agrees_with_its_definition(
            pieces in proptest::collection::vec(proptest::sample::select(&[
                "工作回顾", "重点工作", "主要", "工作", "今年", "过去", "当前", "王", "一", "，", "。",
                "、", "（", "—", "“", " ", "\u{3000}", "\n", "1", "a", ".", "é", "\u{20000}",
            ][..]), 0..24),
        ) {
            let text = pieces.concat();
            let found = inline_unmarked(&text, 0, text.len()).and_then(|c| c.text);
            proptest::prop_assert_eq!(found, inline_unmarked_by_definition(&text, 0));
        }
    }

    #[test]
    fn han_text_that_may_open_no_marker_is_told_by_its_bytes() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let mut utf8 = [0; 4];
            let bytes = c.encode_utf8(&mut utf8).as_bytes();
            if let [lead, second, third] = *bytes {
                if HAN_LEADS.contains(&lead) {
                    assert!(!is_space(c) && !is_item_end(c), "{c:?}");
                    let told = MARKER_FIRSTS.contains_three_byte([lead, second, third]);
                    assert_eq!(told, Some(may_open_marker(c)), "{c:?}");
                }
            }
        }
    }

    /// What the walk passes over after a break outside a heading, Han text that may open no
    /// marker, opens no marked candidate and closes no item, whatever follows it (an
    /// unmarked one needs a sentence end before it).
    #[test]
    fn han_text_that_may_open_no_marker_opens_no_candidate() {
        for c in (0..=0xFFFF).filter_map(char::from_u32) {
            let text = format!("{c}、王。");
            if !opens_han_text_but_no_marker(text.as_bytes()) {
                continue;
            }
            assert!(!is_item_end(c) && !is_space(c), "{c:?}");
            assert!(!may_open_at(&text, 0, c), "{c:?}");
            for boundary in [Boundary::LineStart, Boundary::Inline, Boundary::Glued] {
                assert!(at_place(&text, 0, c, boundary).is_none(), "{c:?}");
            }
        }
    }

    #[test]
    fn every_body_opener_starts_with_a_char_that_may_open_one() {
        for opener in BODY_OPENERS {
            assert!(opener.chars().next().is_some_and(may_open_body), "{opener}");
        }
    }

    #[test]
    fn the_set_of_phrase_stops_agrees_with_their_definition() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(
                PHRASE_STOPS.contains_code(u32::from(c)),
                is_phrase_stop(c),
                "{c:?}"
            );
        }
    }

    #[test]
    fn the_set_of_marker_firsts_agrees_with_their_definition() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(may_open_marker(c), opens_marker_by_definition(c), "{c:?}");
        }
    }
}
