//! Finding the headings of a report and their levels, from the whole document.
//!
//! Candidates are markers at line starts and, for text flattened onto few lines, markers
//! right after a sentence end or a space. A candidate becomes a heading when the document
//! supports it: a numbered marker inside running text must continue its family's
//! numbering (or open a numbering that continues), and what it heads must contain a full
//! sentence, so that `第一、二季度`, `一、二级` and inline lists stay prose. Levels follow
//! the official order 一、 → （一） → 1. → （1） → ①; `——` and `【…】` headings sit one
//! level below the section.

mod acceptance;
mod candidates;
mod heading_text;

pub(crate) use candidates::before_furniture;

use crate::markers::{Family, Marker};
use crate::marks::Marks;
use crate::sentences::trim;
use crate::sorted::{Ranges, Sorted};
use crate::{Diagnostic, DiagnosticCode, Span};
use std::ops::Range;

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
    /// Where its marker or preset text ends: no other heading starts before.
    fn reserved_end(&self) -> usize {
        self.text
            .as_ref()
            .map_or(self.start + self.marker.len, |t| t.end)
    }

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

/// Finds the headings of `text[body]`, in order, with their depths. `lines` and
/// `line_breaks` are those of the body (see [`lines_at_breaks`]).
pub(crate) fn headings(
    text: &str,
    body: Range<usize>,
    lines: &[Range<usize>],
    line_breaks: &Sorted<usize>,
    breaks: &Marks,
    guards: &Ranges,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<Heading> {
    let candidates = candidates::candidates(text, lines, breaks, guards);
    let mut accepted = acceptance::accept(
        text,
        body.clone(),
        breaks,
        line_breaks,
        &candidates,
        diagnostics,
    );
    if accepted.is_empty() {
        accepted = candidates::lead_sentences(text, lines);
    }
    let mut headings = nest(accepted, diagnostics);
    for i in 0..headings.len() {
        let limit = headings.get(i + 1).map_or(body.end, |next| next.start);
        let (text_range, body_start) =
            heading_text::heading_text(text, &headings[i], limit, breaks, guards, diagnostics);
        headings[i].text = text_range;
        headings[i].body_start = body_start;
    }
    headings
}

/// Where lines break in `text[range]`: the line breaks among its `breaks` (marks that
/// [`crate::chars::is_break`] keeps), found without another search of the text.
pub(crate) fn line_breaks(breaks: &Marks, range: Range<usize>) -> Sorted<usize> {
    let (at, chars) = breaks.slices(range);
    // Counted first: the vector is allocated once, at its size.
    let mut ends = Vec::with_capacity(chars.iter().filter(|&&c| c == '\n').count());
    // Thirty-two breaks at a time, told by one bit each (the comparisons run side by
    // side): most breaks are no line breaks, and a block costs a few instructions and each
    // line break in it a step, where a walk tested every break on its own.
    let blocks = chars.chunks_exact(BLOCK);
    let rest = blocks.remainder();
    for (block, at) in blocks.zip(at.chunks_exact(BLOCK)) {
        let mut bits = block
            .iter()
            .enumerate()
            .fold(0u32, |bits, (i, &c)| bits | u32::from(c == '\n') << i);
        while bits != 0 {
            ends.push(at[bits.trailing_zeros() as usize]);
            bits &= bits - 1;
        }
    }
    let rest_at = &at[at.len() - rest.len()..];
    ends.extend(
        rest_at
            .iter()
            .zip(rest)
            .filter(|&(_, &c)| c == '\n')
            .map(|(&at, _)| at),
    );
    Sorted::new(ends)
}

/// The breaks [`line_breaks`] tells apart at a time: one bit each of a `u32`.
const BLOCK: usize = 32;

/// Lines of `text[range]`, trimmed, non-empty, cut at its `line_breaks` (see
/// [`line_breaks`]): as [`lines`] gives them.
pub(crate) fn lines_at_breaks(
    text: &str,
    line_breaks: &[usize],
    range: Range<usize>,
) -> Vec<Range<usize>> {
    let mut out = Vec::with_capacity(line_breaks.len() + 1);
    let mut start = range.start;
    for &end in line_breaks.iter().chain([&range.end]) {
        let line = trim(text, start..end);
        if !line.is_empty() {
            out.push(line);
        }
        start = end + 1;
    }
    out
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::marks::Kinds;

    proptest::proptest! {
        /// The lines cut at the line-break marks are those a search of the text finds,
        /// in any part of it (of blocks of breaks and a rest).
        #[test]
        fn lines_at_breaks_are_the_lines(
            text in "[王，。 \u{3000}\n]{0,150}",
            cut in 0usize..40,
        ) {
            let start = text.char_indices().map(|(i, _)| i).nth(cut).unwrap_or(text.len());
            let range = start..text.len();
            let kinds = Kinds::of(&text, range.clone());
            let breaks = line_breaks(&kinds.breaks, range.clone());
            let newlines: Vec<usize> = text[range.clone()]
                .match_indices('\n')
                .map(|(i, _)| start + i)
                .collect();
            proptest::prop_assert_eq!(breaks.all(), &newlines[..]);
            let expected: Vec<Range<usize>> = lines(&text, range.clone()).collect();
            proptest::prop_assert_eq!(lines_at_breaks(&text, breaks.all(), range), expected);
        }
    }
}
