//! # gongwen — reading Chinese government work summaries
//!
//! gongwen turns a 工作总结, 工作计划 or 政府工作报告 into a typed tree: the report, its
//! sections (achievements, problems, plans), their themes, the items (sentences and
//! clauses) of each theme, and the numeric indicators in every text (`200余场`,
//! `近2.5万人次`, `92.18%`, `同比增长6.5%`). Every node carries a byte [`Span`] into the
//! source, and every text is a slice of it.
//!
//! The pipeline: marks (one pass that finds every char that is not running Han text) and
//! markers → outline (which markers are headings, and their levels) → items →
//! indicators; title, years and signature around it.
//!
//! ```
//! let source = "坪山区群团工作部2021年工作总结和2022年工作思路\n\
//!               一、2021年工作成绩\n\
//!               ——围绕“基础更实”，着力推动党建工作。开展活动共200余场，覆盖群众34万人次。\n\
//!               二、2022年工作思路\n\
//!               （一）聚焦“产业之城”。绑定率达到100%。\n";
//! let report = gongwen::parse(source);
//! assert_eq!(report.review_year, Some(2021));
//! let theme = &report.sections[0].themes[0];
//! assert_eq!(theme.keywords, ["基础更实"]);
//! let found = &theme.items[0].indicators[0];
//! assert_eq!((found.text.as_ref(), found.value.to_string()), ("200余场", "200".to_string()));
//! assert_eq!(found.approx, gongwen::Approx::Over);
//! assert_eq!(report.sections[1].kind, gongwen::SectionKind::Plans);
//! ```
#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod chars;
mod decode;
mod header;
mod indicators;
mod lexicon;
mod markers;
mod marks;
mod number;
mod numerals;
mod outline;
mod report;
mod sentences;
mod signature;
mod sorted;
mod span;
#[doc(hidden)]
pub mod stages;
mod tree;
mod validate;
mod words;

pub use decode::{DecodeError, Decoded, Encoding, decode};
pub use number::Number;
pub use numerals::parse_number;
pub use span::Span;
pub use tree::{
    Approx, Change, Diagnostic, DiagnosticCode, Direction, Indicator, IndicatorKind, Report, Role,
    Section, SectionKind, Signature, Text, Theme,
};
pub use validate::{Violation, validate};

/// The README's example runs as a doctest.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctest;

/// Parses a report. Never fails and never panics: oddities go to
/// [`Report::diagnostics`].
pub fn parse(source: &str) -> Report<'_> {
    report::build(source)
}

/// The numeric indicators of a piece of text on its own, read as achieved values; spans
/// are byte offsets into `text`.
///
/// ```
/// let found = gongwen::indicators("覆盖青少年近2.5万人次，获得五一劳动奖章2人。");
/// let texts: Vec<&str> = found.iter().map(|i| i.text.as_ref()).collect();
/// assert_eq!(texts, ["近2.5万人次", "2人"]);
/// ```
pub fn indicators(text: &str) -> Vec<Indicator<'_>> {
    let whole = 0..text.len();
    let marks = marks::Kinds::of(text, whole.clone());
    let guards = sentences::protected(&marks.quotes, whole.clone());
    let shields = indicators::shields(text, whole.clone(), &marks.numerals, &guards);
    let mut cursor = indicators::Cursor::new(&marks.numerals, &shields, whole.clone());
    indicators::scan(text, 0, Role::Achieved, &mut cursor)
}
