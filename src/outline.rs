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
use crate::sorted::Ranges;
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
    lines: &[Range<usize>],
    breaks: &Marks,
    guards: &Ranges,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<Heading> {
    let candidates = candidates::candidates(text, lines, breaks, guards);
    let mut accepted = acceptance::accept(text, body.clone(), breaks, &candidates, diagnostics);
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

/// Lines of `text[range]`, trimmed, non-empty, cut where `breaks` (marks that
/// [`crate::chars::is_break`] keeps) hold a line break: as [`lines`] gives them, without
/// another search of the text.
pub(crate) fn lines_at_breaks(
    text: &str,
    breaks: &Marks,
    range: Range<usize>,
) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = range.start;
    let ends = breaks
        .chars(range.clone())
        .filter(|&(_, c)| c == '\n')
        .map(|(at, _)| at);
    for end in ends.chain([range.end]) {
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
