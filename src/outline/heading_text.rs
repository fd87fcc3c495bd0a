//! Where a heading's text ends and its body begins.

use super::{BODY_OPENERS, Heading};
use crate::chars::{RunSet, bmp_set, is_item_end, is_sentence_end, is_space, is_trailing_punct};
use crate::lexicon;
use crate::marks::Marks;
use crate::sentences::trim;
use crate::sorted::{Ranges, Sorted};
use crate::{Diagnostic, DiagnosticCode, Span};
use std::cell::OnceCell;
use std::iter::Peekable;
use std::ops::Range;
use std::slice::Iter;

/// The heading text after a marker and where the body begins, given that the heading's
/// region ends at `limit`. `breaks` are the break marks of the text, `line_breaks` the
/// line breaks among them.
///
/// A heading alone on its line is the whole line; otherwise it is the first sentence
/// (up to `。；！？：`), unless a space or, for a section, its section word shows that the
/// heading was glued to its body.
pub(super) fn heading_text(
    text: &str,
    h: &Heading,
    limit: usize,
    breaks: &Marks,
    line_breaks: &Sorted<usize>,
    guards: &Ranges,
    diagnostics: &mut Vec<Diagnostic>,
) -> (Option<Range<usize>>, usize) {
    if let Some(inner) = &h.text {
        // A heading found inside another's text ends the text there.
        let inner = inner.start.min(limit)..inner.end.min(limit);
        // After `【…】` its closing bracket; after a lead sentence its `。`.
        let close = text[inner.end..limit]
            .chars()
            .next()
            .filter(|&c| c == '】' || is_sentence_end(c));
        let body_start = inner.end + close.map_or(0, char::len_utf8);
        return (Some(inner), body_start);
    }
    if h.appendix {
        // The appendix is named by its word: `附件1`, `名词解释`, `注释`.
        let end = h.marker_end.min(limit);
        return (Some(h.start..end), end);
    }
    let from = h.marker_end.min(limit);
    let line_end = line_breaks.all()[line_breaks.indices_within(from..limit)]
        .first()
        .copied()
        .unwrap_or(limit);
    let line = trim(text, from..line_end);
    if line.is_empty() {
        return (None, line_end);
    }
    // The protected ranges are looked up once, and only for a line that holds a break
    // the heading may end at.
    let guarded = OnceCell::new();
    let guarded = || *guarded.get_or_init(|| guards.overlapping(line.clone()));
    // Item ends and colons are breaks: only the break marks of the line are looked at.
    let sentence_end = first_unguarded(breaks.chars(line.clone()), guarded, |c| {
        is_item_end(c) || matches!(c, '：' | ':')
    });
    let Some(end) = sentence_end else {
        return (Some(strip_trailing_punct(text, line)), line_end);
    };
    // A space before any punctuation ends a heading glued to its body: `一、主要成效 一年来，…`.
    // The sentence end is punctuation itself.
    let puncts = loud_chars(text, line.start..end);
    let first_punct = first_unguarded(puncts, guarded, is_trailing_punct).unwrap_or(end);
    let first_space = loud_chars(text, line.start..first_punct).find(|&(_, c)| is_space(c));
    if let Some((space, _)) = first_space {
        if text[line.start..space].chars().count() >= 4 {
            return (Some(line.start..space), space);
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

/// The first of `chars` (in order, with their offsets) that matches `pred` outside
/// the protected ranges `guarded` gives, asked for at the first match.
fn first_unguarded<'g>(
    mut chars: impl Iterator<Item = (usize, char)>,
    guarded: impl Fn() -> &'g [Range<usize>],
    pred: impl Fn(char) -> bool,
) -> Option<usize> {
    let mut guard: Option<Peekable<Iter<Range<usize>>>> = None;
    chars.find_map(|(at, c)| {
        if !pred(c) {
            return None;
        }
        let guard = guard.get_or_insert_with(|| guarded().iter().peekable());
        while guard.peek().is_some_and(|g| g.end <= at) {
            guard.next();
        }
        let inside = guard.peek().is_some_and(|g| g.start < at && at < g.end);
        (!inside).then_some(at)
    })
}

/// The chars of `text[range]` with their offsets, but for the runs of three-byte chars
/// that are neither punctuation nor space (most Han text), which are passed over.
fn loud_chars(text: &str, range: Range<usize>) -> impl Iterator<Item = (usize, char)> + '_ {
    let mut at = range.start;
    std::iter::from_fn(move || {
        at += PUNCT_OR_SPACE.outside_len(&text.as_bytes()[at..range.end]);
        let c = text[at..range.end].chars().next()?;
        at += c.len_utf8();
        Some((at - c.len_utf8(), c))
    })
}

/// The chars that may end a heading's text (see [`is_trailing_punct`]) and white space.
static PUNCT_OR_SPACE: RunSet = RunSet::of(&bmp_set!(|c| is_trailing_punct(c) || is_space(c)));

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

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// Passing over quiet runs loses no punctuation or space, in any part of a text.
        #[test]
        fn loud_chars_hold_every_punctuation_and_space(
            text in "[王国，。、 \u{3000}a1.é\u{20000}\n]{0,24}",
            cut in 0usize..30,
        ) {
            let start = text.char_indices().map(|(i, _)| i).nth(cut).unwrap_or(text.len());
            let loud = |&(_, c): &(usize, char)| is_trailing_punct(c) || is_space(c);
            let expected: Vec<(usize, char)> = text[start..]
                .char_indices()
                .map(|(i, c)| (start + i, c))
                .filter(loud)
                .collect();
            let found: Vec<(usize, char)> =
                loud_chars(&text, start..text.len()).filter(loud).collect();
            proptest::prop_assert_eq!(found, expected);
        }
    }
}
