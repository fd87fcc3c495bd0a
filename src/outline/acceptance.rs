//! Which candidates the whole document supports: numberings that continue, headings that
//! head a full sentence, inline lists left as prose.

use super::{Boundary, Candidate};
use crate::chars::{is_sentence_end, is_space};
use crate::markers::Family;
use crate::marks::Marks;
use crate::sorted::Sorted;
use crate::{Diagnostic, DiagnosticCode, Span};
use std::cell::OnceCell;
use std::ops::Range;

/// Keeps the candidates the whole document supports.
pub(super) fn accept(
    text: &str,
    body: Range<usize>,
    breaks: &Marks,
    line_breaks: &Sorted<usize>,
    candidates: &[Candidate],
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
    // sentences and lines end. All looked up by a comparison or a binary search, so that
    // acceptance stays linear on any input.
    // Per family (indexed by `family as usize`): where its last second and its last third
    // number stand, which is all that opening a numbering asks (whether one follows).
    let mut last_second_and_third = [[None::<usize>; 2]; Family::ALL.len()];
    for c in candidates {
        if c.marker.family.is_numbered() && matches!(c.marker.ordinal, 2 | 3) {
            let last =
                &mut last_second_and_third[c.marker.family as usize][c.marker.ordinal as usize - 2];
            *last = (*last).max(Some(c.start));
        }
    }
    let followed_by = |family: Family, ordinal: u32, after: usize| -> bool {
        last_second_and_third[family as usize][ordinal as usize - 2].is_some_and(|x| x > after)
    };
    let mut next_same = vec![body.end; candidates.len()];
    // Whether each candidate is a first number after a colon (`做法是：一、…`).
    let mut first_after_colon = vec![false; candidates.len()];
    let mut seen: [Option<usize>; Family::ALL.len()] = [None; Family::ALL.len()];
    for (i, c) in candidates.iter().enumerate().rev() {
        let family = c.marker.family as usize;
        if let Some(next) = seen[family] {
            next_same[i] = next;
        }
        first_after_colon[i] = c.marker.ordinal == 1 && after_colon(text, c.start);
        // A list opened after a colon does not end the heading before it.
        if !first_after_colon[i] {
            seen[family] = Some(c.start);
        }
    }
    // Built at the first look: a document may have no candidate that needs it.
    let sentence_ends = OnceCell::new();
    let sentence_ends = || sentence_ends.get_or_init(|| sentence_ends_of(breaks, body.clone()));

    let mut accepted: Vec<Candidate> = Vec::with_capacity(candidates.len());
    // The last number accepted in each family (0: none), and the last number of a list
    // (numbers after a colon) in each.
    let mut last_ordinal = [0u32; Family::ALL.len()];
    let mut lists: [Option<u32>; Family::ALL.len()] = [None; Family::ALL.len()];
    let mut in_appendix = false;
    for (index, c) in candidates.iter().enumerate() {
        let family = c.marker.family;
        if c.appendix {
            // `附件2` followed by its title `名词解释` is one heading.
            if accepted.last().is_some_and(|prev| {
                prev.appendix && line_breaks.indices_within(prev.start..c.start).len() <= 1
            }) && !text[c.start..].starts_with("附件")
            {
                continue;
            }
            in_appendix = true;
            accepted.push(c.clone());
            continue;
        }
        if family == Family::Unmarked {
            if unmarked_ok && !in_appendix {
                accepted.push(c.clone());
            }
            continue;
        }
        if !family.is_numbered() {
            if family != Family::Ordinal || c.boundary == Boundary::LineStart {
                accepted.push(c.clone());
            }
            continue;
        }
        let last = last_ordinal[family as usize];
        let ordinal = c.marker.ordinal;
        let ok = match c.boundary {
            Boundary::LineStart => true,
            Boundary::Inline | Boundary::Glued => {
                // `主要做法：一、…。二、…。` restarts a numbering in use after a colon: a list,
                // and so are the numbers that follow it.
                let opens_list = last > 0 && first_after_colon[index];
                let in_list = lists[family as usize].is_some_and(|n| ordinal == n + 1);
                if opens_list || in_list {
                    lists[family as usize] = Some(ordinal);
                    continue;
                }
                // What it heads, up to the next marker of its family, holds a full sentence
                // (a heading's body does; an inline list item does not).
                let holds_a_sentence = || {
                    !sentence_ends()
                        .indices_within(c.start + c.marker.len..next_same[index])
                        .is_empty()
                };
                // One number may be missing from a numbering (`（二）` → `（四）`).
                let continues = last > 0 && (ordinal == last + 1 || ordinal == last + 2);
                // A first number opens a numbering when more follow, or when it stands
                // right under a heading (`三、2024年工作计划 （一）…`).
                let under_heading = || {
                    accepted.last().is_some_and(|p| {
                        sentence_ends()
                            .indices_within(p.start + p.marker.len..c.start)
                            .is_empty()
                    })
                };
                let opens = || {
                    ordinal == 1
                        && (under_heading()
                            || followed_by(family, 2, c.start)
                            || followed_by(family, 3, c.start))
                };
                holds_a_sentence() && (continues || opens())
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
            for (lower, last) in Family::ALL.iter().zip(&mut last_ordinal) {
                if lower.rank().is_some_and(|r| r > rank) {
                    *last = 0;
                }
            }
        }
        last_ordinal[family as usize] = ordinal;
        accepted.push(c.clone());
    }
    accepted
}

/// Whether `at` follows a colon (white space aside).
fn after_colon(text: &str, at: usize) -> bool {
    let before = text[..at].chars().rev().find(|&c| !is_space(c));
    before.is_some_and(|c| matches!(c, '：' | ':'))
}

/// Where sentences end in `body`, from its breaks.
fn sentence_ends_of(breaks: &Marks, body: Range<usize>) -> Sorted<usize> {
    let (at, chars) = breaks.slices(body);
    // Most breaks are sentence ends.
    let mut ends = Vec::with_capacity(at.len());
    ends.extend(
        at.iter()
            .zip(chars)
            .filter(|&(_, &c)| is_sentence_end(c))
            .map(|(&at, _)| at),
    );
    Sorted::new(ends)
}
