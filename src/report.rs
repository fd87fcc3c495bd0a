//! Putting the tree together: title and preamble, sections and themes from the outline,
//! items from the sentences, indicators from each text, and the signature.

use crate::chars::is_space;
use crate::indicators::Cursor;
use crate::lexicon;
use crate::markers::{self, Family};
use crate::marks::{Kinds, Marks};
use crate::outline::{self, Heading};
use crate::sentences::{HAN_LEADS, LineBreaks, protected, runs_on, split_at, trim};
use crate::sorted::{Ranges, Sorted, gallop, inside};
use crate::{
    Diagnostic, DiagnosticCode, Report, Role, Section, SectionKind, Signature, Span, Text, Theme,
};
use crate::{header, indicators, signature};
use regex::Regex;
use std::borrow::Cow;
use std::ops::Range;
use std::sync::LazyLock;

/// Builds the report tree of `source`.
pub(crate) fn build(source: &str) -> Report<'_> {
    let mut report = Report::default();
    let Some(Layout {
        title,
        body,
        signature,
    }) = Layout::of(source)
    else {
        report.diagnostics.push(Diagnostic {
            code: DiagnosticCode::Empty,
            message: "the input has no text".into(),
            span: None,
        });
        return report;
    };
    let mut diagnostics = Vec::new();
    let doc = Document::new(source, body.clone(), title.clone(), &mut diagnostics);
    let headings = doc.headings(body.clone(), &mut diagnostics);
    if headings.is_empty() {
        diagnostics.push(Diagnostic {
            code: DiagnosticCode::NoHeadings,
            message: "no heading found; the whole body is read as preamble".into(),
            span: None,
        });
    }

    let preamble_end = headings.first().map_or(body.end, |h| h.start);
    let mut walk = doc.walk(body.clone(), &headings);
    report.preamble = doc.texts(body.start..preamble_end, Some(Role::Achieved), &mut walk);

    // Years from the title and the section headings' words, then kinds with them.
    let facts: Vec<HeadingFacts> = headings
        .iter()
        .filter(|h| h.depth == 0)
        .map(|h| HeadingFacts::of(h.text.clone().map_or("", |r| &source[r])))
        .collect();
    let title_text = title.clone().map_or("", |t| &source[t]);
    let (review_year, plan_year) = years(title_text, &facts);
    let kinds = section_kinds(&facts, review_year, plan_year);

    let mut kinds = kinds.into_iter();
    report.sections.reserve_exact(tops(&headings).count());
    for (index, end) in tops(&headings) {
        let h = &headings[index];
        let region_end = headings.get(end).map_or(body.end, |next| next.start);
        let kind = kinds.next().unwrap_or_default();
        let children = &headings[index + 1..end];
        let intro_end = children.first().map_or(region_end, |c| c.start);
        let role = if h.appendix {
            let heading = h.text.clone().map_or("", |r| &source[r]);
            let body = &source[h.body_start.min(intro_end)..intro_end];
            appendix_role(heading, body, plan_year)
        } else if kind == SectionKind::Plans {
            Some(Role::Target)
        } else {
            Some(Role::Achieved)
        };
        report.sections.push(Section {
            kind,
            marker: marker_of(source, h),
            heading: h.text.clone().map(|r| doc.text(r, role, &mut walk)),
            intro: doc.texts(h.body_start.min(intro_end)..intro_end, role, &mut walk),
            themes: doc.themes(children, region_end, role, &mut walk),
            problems: if kind == SectionKind::Problems {
                Vec::new()
            } else {
                let region = h.body_start.min(region_end)..region_end;
                problem_passages(source, region, children, &doc.marks.openers)
            },
            span: span_of(source, h.start..region_end),
        });
    }

    report.review_year = review_year;
    report.plan_year = plan_year;
    report.organization = title
        .clone()
        .and_then(|t| header::organization(source, t))
        .filter(|r| !matches!(&source[r.clone()], "政府" | "人民政府"))
        .or_else(|| header::speaker_organization(source, body.start..preamble_end))
        .or_else(|| signature.as_ref().and_then(|s| s.organization.clone()))
        .map(|r| doc.text(r, None, &mut walk));
    report.title = title.map(|r| Text {
        text: Cow::Borrowed(&source[r.clone()]),
        span: r.into(),
        indicators: Vec::new(),
    });
    report.signature = signature.map(|s| Signature {
        organization: s.organization.map(|r| Text {
            text: Cow::Borrowed(&source[r.clone()]),
            span: r.into(),
            indicators: Vec::new(),
        }),
        date: Some(s.date),
        date_text: Some(Text {
            text: Cow::Borrowed(&source[s.date_text.clone()]),
            span: s.date_text.into(),
            indicators: Vec::new(),
        }),
        span: s.span.into(),
    });
    report.diagnostics = diagnostics;
    report
}

/// The role of the indicators of an appendix, by its heading (`附件1`, `名词解释`) or, when
/// that is only `附件N`, by the first line of its `body`: none in a glossary (`名词解释`,
/// `注释`: its numerals define names), targets in a list for the plan year (`附件` /
/// `2026年省十件民生实事`), achieved values otherwise.
fn appendix_role(heading: &str, body: &str, plan_year: Option<u16>) -> Option<Role> {
    let first_line = body
        .lines()
        .map(|line| line.trim_matches(is_space))
        .find(|line| !line.is_empty())
        .unwrap_or("");
    let named = [heading, first_line];
    if named
        .iter()
        .any(|name| matches!(*name, "名词解释" | "注释"))
    {
        None
    } else if plan_year.is_some()
        && named
            .iter()
            .any(|name| header::heading_year(name) == plan_year)
    {
        Some(Role::Target)
    } else {
        Some(Role::Achieved)
    }
}

/// Where the title, the body and the signature of a report stand.
pub(crate) struct Layout {
    pub title: Option<Range<usize>>,
    /// What lies between title and signature, without closing page furniture.
    pub body: Range<usize>,
    pub signature: Option<signature::Found>,
}

impl Layout {
    /// The layout of `source`; `None` when it holds no text.
    pub(crate) fn of(source: &str) -> Option<Self> {
        let start = source.len() - source.trim_start_matches(is_space).len();
        let text = start..source.len();
        if source[text.clone()].trim_matches(is_space).is_empty() {
            return None;
        }
        let title = header::title(source, text.clone());
        let after_title = title.as_ref().map_or(text.start, |t| t.end);
        let body_end = end_before_furniture(source, after_title..text.end);
        let signature = signature::find(source, after_title..body_end);
        let body = after_title..signature.as_ref().map_or(body_end, |s| s.span.start);
        Some(Layout {
            title,
            body,
            signature,
        })
    }
}

/// The source with what every node needs: its marks, the guarded quotes and brackets,
/// where numerals are names, and the lines left out of the tree.
pub(crate) struct Document<'a> {
    pub source: &'a str,
    /// The marks of the body by kind, found once.
    pub marks: Kinds,
    /// The body's lines, trimmed, non-empty.
    pub lines: Vec<Range<usize>>,
    /// Where the body's lines break.
    pub line_breaks: Sorted<usize>,
    /// Quotes and brackets, found once for the whole body.
    pub guards: Ranges,
    /// Where numerals are names (see [`indicators::shields`]).
    pub shields: Ranges,
    /// Page furniture and repeated titles, sorted.
    pub ignored: Vec<Range<usize>>,
}

impl<'a> Document<'a> {
    /// The lexical pass over `source[body]`: marks, quotes, shields and ignored lines.
    pub(crate) fn new(
        source: &'a str,
        body: Range<usize>,
        title: Option<Range<usize>>,
        diagnostics: &mut Vec<Diagnostic>,
    ) -> Self {
        let marks = Kinds::of(source, body.clone());
        let line_breaks = outline::line_breaks(&marks.breaks, body.clone());
        let lines = outline::lines_at_breaks(source, line_breaks.all(), body.clone());
        let guards = protected(&marks.quotes, body.clone());
        Document {
            source,
            shields: indicators::shields(source, body.clone(), &marks.numerals, &guards),
            guards,
            marks,
            ignored: ignored_lines(source, &lines, title, diagnostics),
            lines,
            line_breaks,
        }
    }

    /// The headings of `body`, without those on ignored lines.
    pub(crate) fn headings(
        &self,
        body: Range<usize>,
        diagnostics: &mut Vec<Diagnostic>,
    ) -> Vec<Heading> {
        outline::headings(
            self.source,
            body,
            &self.lines,
            &self.line_breaks,
            &self.marks.breaks,
            &self.guards,
            diagnostics,
        )
        .into_iter()
        .filter(|h| !inside(&self.ignored, h.start..h.start + 1))
        .collect()
    }

    /// A walk through the texts of `body` (see [`Walk`]), from its start.
    fn walk(&self, body: Range<usize>, headings: &[Heading]) -> Walk<'_> {
        let (break_at, break_chars) = self.marks.breaks.slices(body.clone());
        Walk {
            line_breaks: self.line_breaks(headings),
            numerals: Cursor::new(&self.marks.numerals, &self.shields, body.clone()),
            break_at,
            break_chars,
            next_break: 0,
            guards: self.guards.all(),
            next_guard: 0,
            last_end: body.start,
            items: Vec::new(),
        }
    }

    /// What the line breaks of the document do to items: they end them, unless most
    /// lines of prose (that hold no heading and are not ignored) run on into the next,
    /// as in text with hard line wraps.
    fn line_breaks(&self, headings: &[Heading]) -> LineBreaks<'_> {
        let mut heading_starts = headings.iter().map(|h| h.start).peekable();
        let (mut prose, mut running_on) = (0, 0);
        for line in &self.lines {
            let mut holds_heading = false;
            while heading_starts.next_if(|&start| start < line.end).is_some() {
                holds_heading = true;
            }
            if holds_heading || inside(&self.ignored, line.clone()) {
                continue;
            }
            let text = &self.source[trim(self.source, line.clone())];
            let Some(last) = text.chars().next_back() else {
                continue;
            };
            prose += 1;
            running_on += usize::from(runs_on(last));
        }
        if prose >= WRAPPED_LINES && 2 * running_on >= prose {
            LineBreaks::Wrap {
                ignored: &self.ignored,
            }
        } else {
            LineBreaks::EndItems
        }
    }

    /// A text node with its indicators, read with `role` (`None`: not read), with the
    /// numeral marks and shields handed out by `walk`.
    fn text(&self, range: Range<usize>, role: Option<Role>, walk: &mut Walk) -> Text<'a> {
        let text = &self.source[range.clone()];
        let indicators = role.map_or_else(Vec::new, |role| {
            indicators::scan(text, range.start, role, &mut walk.numerals)
        });
        Text {
            text: Cow::Borrowed(text),
            span: range.into(),
            indicators,
        }
    }

    /// The items of `source[range]`, without ignored lines.
    fn texts(&self, range: Range<usize>, role: Option<Role>, walk: &mut Walk) -> Vec<Text<'a>> {
        if range.is_empty() {
            return Vec::new();
        }
        walk.split(self.source, range);
        let mut items = std::mem::take(&mut walk.items);
        // Filtered first, so that the texts are collected into a Vec of the right size;
        // most reports have no ignored line, and their items are not looked at.
        if !self.ignored.is_empty() {
            items.retain(|r| !inside(&self.ignored, r.clone()));
        }
        let texts = items
            .iter()
            .map(|r| self.text(r.clone(), role, walk))
            .collect();
        walk.items = items;
        texts
    }

    /// The themes for the flat run of `headings` (all below one parent), nested by depth.
    fn themes(
        &self,
        headings: &[Heading],
        parent_end: usize,
        role: Option<Role>,
        walk: &mut Walk,
    ) -> Vec<Theme<'a>> {
        let mut out = Vec::with_capacity(tops(headings).count());
        for (index, end) in tops(headings) {
            let h = &headings[index];
            let region_end = headings.get(end).map_or(parent_end, |next| next.start);
            let children = &headings[index + 1..end];
            let items_end = children.first().map_or(region_end, |c| c.start);
            out.push(Theme {
                marker: marker_of(self.source, h),
                headline: h.text.clone().map(|r| self.text(r, role, walk)),
                keywords: h
                    .text
                    .clone()
                    .map(|r| keywords(self.source, r, &self.marks.quotes))
                    .unwrap_or_default(),
                items: self.texts(h.body_start.min(items_end)..items_end, role, walk),
                themes: self.themes(children, region_end, role, walk),
                span: span_of(self.source, h.start..region_end),
            });
        }
        out
    }
}

/// Where the reading of a document's texts stands. The texts are read in the order they
/// stand: each region finds its breaks and guards, each text its numeral marks and
/// shields, by a few steps from where the last ended instead of a lookup.
struct Walk<'d> {
    /// The numeral marks and shields, handed out text by text.
    numerals: Cursor<'d>,
    /// The breaks of the body, their chars, and the first that may lie in the next region.
    break_at: &'d [usize],
    break_chars: &'d [char],
    next_break: usize,
    /// The guards of the body, and the first that may overlap the next region.
    guards: &'d [Range<usize>],
    next_guard: usize,
    /// Where the last region ended.
    last_end: usize,
    /// What a line break does to an item.
    line_breaks: LineBreaks<'d>,
    /// The items of a region, between [`split_at`] and the texts: one buffer for all.
    items: Vec<Range<usize>>,
}

impl Walk<'_> {
    /// Cuts the region `source[range]` into items, into `self.items`.
    fn split(&mut self, source: &str, range: Range<usize>) {
        if range.start < self.last_end {
            // Out of order: searched for from the start.
            (self.next_break, self.next_guard) = (0, 0);
        }
        self.last_end = range.end;
        self.next_break = gallop(self.break_at, self.next_break, |&at| at < range.start);
        self.next_guard = gallop(self.guards, self.next_guard, |g| g.end <= range.start);
        let from = self.next_break;
        self.items.clear();
        self.next_break += split_at(
            source,
            &self.break_at[from..],
            &self.break_chars[from..],
            range,
            &self.guards[self.next_guard..],
            self.line_breaks,
            &mut self.items,
        );
    }
}

/// The fewest lines of prose from which a document may be told to have hard line wraps.
const WRAPPED_LINES: usize = 8;

/// The headings at the top of the flat run `headings` (those that no heading before
/// them nests), each as its index and the index one past its subtree.
fn tops(headings: &[Heading]) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut index = 0;
    std::iter::from_fn(move || {
        let top = index;
        index = (top < headings.len()).then(|| subtree_end(headings, top))?;
        Some((top, index))
    })
}

/// Index one past the last heading nested under `headings[index]`.
fn subtree_end(headings: &[Heading], index: usize) -> usize {
    let depth = headings[index].depth;
    headings[index + 1..]
        .iter()
        .position(|h| h.depth <= depth)
        .map_or(headings.len(), |p| index + 1 + p)
}

fn marker_of<'a>(source: &'a str, h: &Heading) -> Option<Cow<'a, str>> {
    match h.family {
        Family::Unmarked => None,
        Family::Bracket => Some(Cow::Borrowed("【")),
        _ => Some(Cow::Borrowed(
            source[h.start..h.marker_end].trim_end_matches(' '),
        )),
    }
}

/// The “quoted” terms of the headline `source[headline]`, in order: from each `“` to the
/// first `”` after it. Read at the `quotes` marks, which hold both: a search for `“` trips
/// on every char of Han text, whose lead byte is that of `“`.
fn keywords<'a>(source: &'a str, headline: Range<usize>, quotes: &Marks) -> Vec<Cow<'a, str>> {
    let mut out = Vec::new();
    let mut open = None;
    for (at, c) in quotes.chars(headline) {
        match (open, c) {
            (None, '“') => open = Some(at + '“'.len_utf8()),
            (Some(start), '”') => {
                out.push(Cow::Borrowed(&source[start..at]));
                open = None;
            }
            _ => {}
        }
    }
    out
}

/// Passages about problems in a section without a problems heading: from the sentence
/// with the opening phrase to the end of its paragraph (or the next heading). `openers`
/// holds the marks where an opening phrase may start.
fn problem_passages(
    source: &str,
    region: Range<usize>,
    headings: &[Heading],
    openers: &Marks,
) -> Vec<Span> {
    let mut found = Vec::new();
    // The first opening phrase of each line opens a passage.
    for (at, line_end) in first_problem_openers(source, region.clone(), openers) {
        let line_start = source[region.start..at]
            .rfind('\n')
            .map_or(region.start, |i| region.start + i + 1);
        let sentence_start = source[line_start..at]
            .rfind(|c: char| crate::chars::is_item_end(c))
            .map_or(line_start, |i| {
                line_start
                    + i
                    + source[line_start + i..]
                        .chars()
                        .next()
                        .map_or(0, char::len_utf8)
            });
        // The passage ends at the line's end or at the first heading after the phrase.
        let next_heading = headings.partition_point(|h| h.start <= at);
        let end = headings
            .get(next_heading)
            .map_or(line_end, |h| h.start.min(line_end));
        let passage = trim(source, sentence_start..end);
        if !passage.is_empty() {
            found.push(passage.into());
        }
    }
    found
}

/// Where the first phrase that opens a passage about problems starts on each line of
/// `source[region]`, tried at the `openers` marks (in `其他方面也存在一些问题`, at `存`),
/// and where its line ends.
fn first_problem_openers<'a>(
    source: &'a str,
    region: Range<usize>,
    openers: &'a Marks,
) -> impl Iterator<Item = (usize, usize)> + 'a {
    let mut line_end = region.start;
    let (marks, _) = openers.slices(region.clone());
    marks.iter().filter_map(move |&at| {
        if at < line_end || !lexicon::problem_opener_at(&source[at..region.end]) {
            return None;
        }
        line_end = source[at..region.end]
            .find('\n')
            .map_or(region.end, |i| at + i);
        Some((at, line_end))
    })
}

/// The span of a node: its range without trailing white space (its start is a marker's).
fn span_of(source: &str, range: Range<usize>) -> Span {
    let kept = source[range.clone()].trim_end_matches(is_space);
    Span::new(range.start, range.start + kept.len())
}

static FURNITURE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:[-—－–\s]*\d+[-—－–\s]*|第\s*\d+\s*页.*|共\s*\d+\s*页.*|\d+\s*/\s*\d+|[\d.]+)$",
    )
    .expect("furniture regex")
});

/// Whether a (trimmed) line is page furniture: `- 2 -`, `第 1 页 共 2 页`, `3/12`, or the
/// buttons of the web page a report was copied from (`【打印本页】【关闭窗口】`).
///
/// Lines that cannot be furniture are turned down by their first chars: the regex, which
/// `$` anchors, reads a line from its end, the whole of a paragraph that opens with `第`.
fn is_furniture(line: &str) -> bool {
    let might = match line.as_bytes().first() {
        None => false,
        // Han text (U+4000–U+9FFF, told by its lead byte) opens furniture only as `第 1 页`
        // and `共 2 页`, with a digit after the first char, and then any text.
        Some(lead) if HAN_LEADS.contains(lead) => {
            line.strip_prefix(['第', '共']).is_some_and(|page| {
                page.trim_start_matches(is_space)
                    .starts_with(char::is_numeric)
            })
        }
        Some(_) if line.starts_with('【') => return markers::is_web_buttons_line(line),
        // The other forms hold nothing but furniture chars: lines that open like them
        // (`——2023年`, `2. 加快`) are turned down within a few chars.
        Some(_) => line.chars().all(is_furniture_char),
    };
    might && FURNITURE.is_match(line)
}

/// Whether `c` may stand in a furniture line other than `第…页`: a digit, a dash, white
/// space, a slash or a dot (a superset of what [`FURNITURE`] allows there).
fn is_furniture_char(c: char) -> bool {
    matches!(c, '-' | '—' | '－' | '–' | '/' | '.')
        || c.is_ascii_digit()
        || is_space(c)
        // Han text, the commonest line start, is decided before the Unicode tables.
        || (!crate::chars::is_han(c) && c.is_numeric())
}

/// The end of `range` before any page furniture lines that close it (`- 2 -`).
fn end_before_furniture(source: &str, range: Range<usize>) -> usize {
    let mut end = range.end;
    // The lines from the last back, while they are furniture.
    let mut line_end = range.end;
    for line in source[range.clone()].rsplit('\n') {
        let line_start = line_end - line.len();
        let line = trim(source, line_start..line_end);
        line_end = line_start.saturating_sub(1);
        if line.is_empty() {
            continue;
        }
        if !is_furniture(&source[line.clone()]) {
            break;
        }
        end = line.start;
    }
    // In flattened text the furniture ends the line: `…东港区应急管理局2024年1月5日- 2 -`.
    let kept = source[range.start..end].trim_end_matches(is_space);
    range.start + outline::before_furniture(kept)
}

/// Lines that are page furniture (`- 1 -`, `第 1 页 共 2 页`), stray numerals or a repeated
/// title: left out of the tree, each with a diagnostic.
fn ignored_lines(
    source: &str,
    lines: &[Range<usize>],
    title: Option<Range<usize>>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<Range<usize>> {
    let title_text = title.map(|t| &source[t]);
    let mut out = Vec::new();
    for line in lines.iter().cloned() {
        let l = &source[line.clone()];
        let furniture = is_furniture(l);
        let repeated_title = title_text.is_some_and(|t| t == l);
        if furniture || repeated_title {
            diagnostics.push(Diagnostic {
                code: DiagnosticCode::Ignored,
                message: if furniture {
                    format!("page furniture left out: {l}")
                } else {
                    "repeated title left out".into()
                },
                span: Some(line.clone().into()),
            });
            out.push(line);
        }
    }
    out
}

/// What a section heading says of itself: the kind its words name, and its year.
#[derive(Clone, Copy)]
struct HeadingFacts {
    words: Option<SectionKind>,
    year: Option<u16>,
}

impl HeadingFacts {
    fn of(heading: &str) -> Self {
        HeadingFacts {
            words: lexicon::section_kind_words(heading).map(|(k, _)| k),
            year: header::heading_year(heading),
        }
    }
}

/// The years reviewed and planned, from the title and then the section headings.
fn years(title: &str, headings: &[HeadingFacts]) -> (Option<u16>, Option<u16>) {
    let (mut review, mut plan) = header::title_years(title);
    let year_of = |kind: SectionKind| {
        headings
            .iter()
            .filter(|h| h.words == Some(kind))
            .find_map(|h| h.year)
    };
    review = review.or_else(|| year_of(SectionKind::Achievements));
    plan = plan.or_else(|| year_of(SectionKind::Plans)).or_else(|| {
        let later = headings
            .iter()
            .filter_map(|h| h.year)
            .find(|&y| review.is_some_and(|r| y > r));
        later.or_else(|| {
            headings
                .iter()
                .any(|h| h.words == Some(SectionKind::Plans))
                .then(|| review.and_then(|r| header::plan_after(r, title)))
                .flatten()
        })
    });
    (review, plan)
}

/// The kind of each section: its words, its year, or the kind of the section before
/// (in a plan-only report, plans; in a review-only report, achievements).
fn section_kinds(
    headings: &[HeadingFacts],
    review: Option<u16>,
    plan: Option<u16>,
) -> Vec<SectionKind> {
    let plan_only = review.is_none() && plan.is_some();
    let review_only = review.is_some() && plan.is_none();
    let mut out: Vec<SectionKind> = Vec::with_capacity(headings.len());
    for &HeadingFacts { words, year } in headings {
        let kind = match words {
            Some(k @ (SectionKind::Problems | SectionKind::Other)) => k,
            _ if year.is_some() && year == plan => SectionKind::Plans,
            _ if year.is_some() && year == review => SectionKind::Achievements,
            Some(k) => k,
            None if plan_only || out.last() == Some(&SectionKind::Plans) => SectionKind::Plans,
            None if review_only => SectionKind::Achievements,
            None => SectionKind::Other,
        };
        out.push(kind);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn han_text_is_never_numeric_so_furniture_needs_no_table_for_it() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            if crate::chars::is_han(c) {
                assert!(!c.is_numeric(), "{c:?}");
            }
        }
        assert!(is_furniture("- 2 -"));
        assert!(is_furniture("第 1 页 共 2 页"));
        assert!(is_furniture("３/12"));
        assert!(!is_furniture("一、工作成效"));
    }

    /// Every form of furniture but `第…页` and `共…页` opens with a furniture char; no
    /// char of the Han lead bytes is one, so a line they open is none (the proptest
    /// below holds `第…页` and `共…页` to the regex).
    #[test]
    fn no_char_of_the_han_leads_opens_furniture() {
        let han_leads = (0x4000..=0x9FFF).filter_map(char::from_u32);
        for c in han_leads.filter(|c| !matches!(c, '第' | '共')) {
            assert!(HAN_LEADS.contains(&c.to_string().as_bytes()[0]), "{c:?}");
            assert!(!is_furniture_char(c), "{c:?}");
        }
    }

    /// The first problem opener of each line of `text[region]`, by the definition: a
    /// search of each line for every phrase.
    fn first_openers_by_search(text: &str, region: Range<usize>) -> Vec<usize> {
        let mut line_start = region.start;
        let mut found = Vec::new();
        for line in text[region].split('\n') {
            let first = lexicon::problem_openers()
                .filter_map(|p| line.find(p))
                .min();
            found.extend(first.map(|at| line_start + at));
            line_start += line.len() + 1;
        }
        found
    }

    /// The first problem openers found at the marks of `text[region]`.
    fn first_openers_at_marks(text: &str, region: Range<usize>) -> Vec<usize> {
        let marks = Kinds::of(text, 0..text.len());
        first_problem_openers(text, region, &marks.openers)
            .map(|(at, _)| at)
            .collect()
    }

    #[test]
    fn finds_the_first_problem_opener_of_each_line() {
        let text =
            "我们也清醒看到，发展还存在一些困难和问题。\n（一）经济运行仍然存在压力\n不足十项";
        let at = |phrase: &str| text.find(phrase).unwrap();
        let expected = [at("清醒看到"), at("仍然存在")];
        assert_eq!(first_openers_at_marks(text, 0..text.len()), expected);
        assert_eq!(first_openers_by_search(text, 0..text.len()), expected);
        // A phrase that runs past the region's end is not found.
        let cut = at("看到");
        assert_eq!(first_openers_at_marks(text, 0..cut), []);
    }

    /// Phrases, their chars and pieces, line breaks and other chars: texts in which
    /// problem openers stand whole, cut, overlapping and side by side.
    fn opener_pieces() -> Vec<&'static str> {
        let mut pieces = vec!["\n", "，", "。", " ", "a", "1", "王", "é", "\u{20000}"];
        for phrase in lexicon::problem_openers() {
            let (first, last) = (phrase.chars().next(), phrase.chars().next_back());
            let (first, last) = (
                first.map_or(0, char::len_utf8),
                last.map_or(0, char::len_utf8),
            );
            pieces.extend([phrase, &phrase[first..], &phrase[..phrase.len() - last]]);
            pieces.extend(
                phrase
                    .char_indices()
                    .map(|(i, c)| &phrase[i..i + c.len_utf8()]),
            );
        }
        pieces
    }

    /// The “quoted” terms of `headline`, by the definition: a search for each `“` and the
    /// first `”` after it.
    fn keywords_by_search(headline: &str) -> Vec<&str> {
        let mut out = Vec::new();
        let mut rest = headline;
        while let Some(open) = rest.find('“') {
            let after = &rest[open + '“'.len_utf8()..];
            let Some(close) = after.find('”') else {
                break;
            };
            out.push(&after[..close]);
            rest = &after[close + '”'.len_utf8()..];
        }
        out
    }

    #[test]
    fn keywords_are_the_quoted_terms() {
        let text = "围绕“基础更实”“服务更优”，推进“一网通办";
        let marks = Kinds::of(text, 0..text.len());
        assert_eq!(
            keywords(text, 0..text.len(), &marks.quotes),
            ["基础更实", "服务更优"]
        );
    }

    proptest::proptest! {
        /// The keywords read at the quote marks are those a search finds, in any part of
        /// the text.
        #[test]
        fn keywords_are_those_a_search_finds(
            text in "[“”‘’（）王a \n]{0,24}",
            cuts in (0usize..30, 0usize..30),
        ) {
            let boundary = |n: usize| text.char_indices().map(|(i, _)| i).nth(n).unwrap_or(text.len());
            let (start, end) = (boundary(cuts.0.min(cuts.1)), boundary(cuts.0.max(cuts.1)));
            let marks = Kinds::of(&text, 0..text.len());
            proptest::prop_assert_eq!(
                keywords(&text, start..end, &marks.quotes),
                keywords_by_search(&text[start..end])
            );
        }
    }

    proptest::proptest! {
        /// The furniture test turns down only lines that the regex turns down.
        #[test]
        fn furniture_is_what_the_regex_matches(
            line in "[-—－–/. 　\t0-9０-９٣²一第共页王a]{0,12}|[第共][ 　]{0,2}[0-9٣²一]{0,2}[ 　]{0,2}页?[王 1]{0,3}",
        ) {
            proptest::prop_assert_eq!(is_furniture(&line), FURNITURE.is_match(&line));
        }
    }

    proptest::proptest! {
        /// The openers found at the marks are those a search of each line finds, in any
        /// part of the text.
        #[test]
        fn first_problem_openers_are_those_a_search_finds(
            pieces in proptest::collection::vec(proptest::sample::select(opener_pieces()), 0..16),
            cuts in (0usize..80, 0usize..80),
        ) {
            let text = pieces.concat();
            let boundary = |n: usize| text.char_indices().map(|(i, _)| i).nth(n).unwrap_or(text.len());
            let (start, end) = (boundary(cuts.0.min(cuts.1)), boundary(cuts.0.max(cuts.1)));
            proptest::prop_assert_eq!(
                first_openers_at_marks(&text, start..end),
                first_openers_by_search(&text, start..end)
            );
        }
    }
}
