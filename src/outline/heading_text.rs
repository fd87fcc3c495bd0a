//! Where a heading's text ends and its body begins.

use super::candidates::inside;
use super::{BODY_OPENERS, Heading};
use crate::chars::{RunSet, bmp_set, is_item_end, is_sentence_end, is_space, is_trailing_punct};
use crate::lexicon;
use crate::marks::Marks;
use crate::sentences::{trim, trim_start};
use crate::sorted::Ranges;
use crate::{Diagnostic, DiagnosticCode, Span};
use std::cell::OnceCell;
use std::ops::Range;

/// The heading text after a marker and where the body begins, given that the heading's
/// region ends at `limit`. `breaks` are the break marks of the text.
///
/// A heading alone on its line is the whole line; otherwise it is the first sentence
/// (up to `。；！？：`), unless a space or, for a section, its section word shows that the
/// heading was glued to its body.
pub(super) fn heading_text(
    text: &str,
    h: &Heading,
    limit: usize,
    breaks: &Marks,
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
    // The protected ranges are looked up once, and only for a line that holds a break
    // the heading may end at. Each walk below asks about places in order, with a cursor
    // of its own.
    let guarded = OnceCell::new();
    let guarded = || *guarded.get_or_init(|| guards.overlapping(from..limit));
    let unguarded = |at: usize, next: &mut usize| !inside(guarded(), at, next);
    // One walk of the breaks from `from` finds where the line ends (at a line break) and
    // where its first sentence does (at an item end or a colon outside quotes and
    // brackets), whichever comes first.
    let (break_at, break_chars) = breaks.slices_from(from);
    let mut next_guard = 0;
    let mut line_end = limit;
    let mut sentence_end = None;
    for (&at, &c) in break_at.iter().zip(break_chars) {
        if at >= limit {
            break;
        }
        if c == '\n' {
            line_end = at;
            break;
        }
        if (is_item_end(c) || matches!(c, '：' | ':')) && unguarded(at, &mut next_guard) {
            sentence_end = Some(at);
            break;
        }
    }
    let Some(end) = sentence_end else {
        let line = trim(text, from..line_end);
        if line.is_empty() {
            return (None, line_end);
        }
        return (Some(strip_trailing_punct(text, line)), line_end);
    };
    // The line holds the sentence end: it starts after the white space before that.
    let line = trim_start(text, from..end);
    // A space before any punctuation ends a heading glued to its body: `一、主要成效 一年来，…`.
    // The sentence end is punctuation itself: the walk ends there at the latest.
    let mut next_guard = 0;
    let first_space = loud_chars(text, line.clone())
        .find(|&(at, c)| is_space(c) || is_trailing_punct(c) && unguarded(at, &mut next_guard))
        .filter(|&(_, c)| is_space(c));
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

    /// [`heading_text`] of a heading below the sections, read char by char: the text of
    /// the line after the marker, up to its first sentence end outside quotes and
    /// brackets, or to a space before any punctuation.
    fn heading_text_by_definition(
        text: &str,
        from: usize,
        limit: usize,
        guards: &[Range<usize>],
    ) -> (Option<Range<usize>>, usize) {
        let line_end = text[from..limit].find('\n').map_or(limit, |i| from + i);
        let line = trim(text, from..line_end);
        if line.is_empty() {
            return (None, line_end);
        }
        let guarded = |at: usize| guards.iter().any(|g| g.start < at && at < g.end);
        let unguarded_at = |range: Range<usize>, pred: &dyn Fn(char) -> bool| {
            text[range.clone()]
                .char_indices()
                .map(|(i, c)| (range.start + i, c))
                .find(|&(at, c)| pred(c) && !guarded(at))
                .map(|(at, _)| at)
        };
        let is_end = |c: char| is_item_end(c) || matches!(c, '：' | ':');
        let Some(end) = unguarded_at(line.clone(), &is_end) else {
            return (Some(strip_trailing_punct(text, line)), line_end);
        };
        let first_punct = unguarded_at(line.start..end, &is_trailing_punct).unwrap_or(end);
        let first_space = text[line.start..first_punct].find(is_space);
        if let Some(space) = first_space.map(|i| line.start + i) {
            if text[line.start..space].chars().count() >= 4 {
                return (Some(line.start..space), space);
            }
        }
        let mark = text[end..].chars().next().map_or(0, char::len_utf8);
        (
            Some(strip_trailing_punct(text, line.start..end)),
            end + mark,
        )
    }

    proptest::proptest! {
        /// One walk of the breaks finds the heading text that reading the line finds,
        /// wherever the marker ends and the heading's region does.
        #[test]
        fn heading_text_agrees_with_its_definition(
            text in "[王国（）“”。；：:，、 \u{3000}\n]{0,30}",
            marker_end in 0usize..40,
            limit in 0usize..40,
        ) {
            let at = |n: usize| text.char_indices().map(|(i, _)| i).nth(n).unwrap_or(text.len());
            let (marker_end, limit) = (at(marker_end), at(limit));
            let kinds = crate::marks::Kinds::of(&text, 0..text.len());
            let guards = crate::sentences::protected(&kinds.quotes, 0..text.len());
            let heading = Heading {
                family: crate::markers::Family::ChineseParen,
                ordinal: 1,
                start: 0,
                marker_end,
                text: None,
                body_start: marker_end,
                depth: 1,
                appendix: false,
            };
            let found =
                heading_text(&text, &heading, limit, &kinds.breaks, &guards, &mut Vec::new());
            let from = marker_end.min(limit);
            let expected = heading_text_by_definition(&text, from, limit, guards.all());
            proptest::prop_assert_eq!(found, expected);
        }
    }
}
