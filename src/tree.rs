//! The typed tree of a report: every node has a [`Span`] into the source.
//!
//! ```text
//! Report ─ title, organization, review_year, plan_year, preamble, signature
//!   └ Section (kind, marker, heading, intro)
//!       └ Theme (marker, headline, keywords, items)
//!           └ Theme …            deeper levels nest
//! Text (heading, headline, item) ─ indicators
//! ```

use crate::{Number, Span};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

/// A parsed report. Fields are in reading order; every text borrows the source.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Report<'a> {
    /// The first line when it names the report: `坪山区群团工作部2021年工作总结和2022年工作思路`.
    #[serde(borrow)]
    pub title: Option<Text<'a>>,
    /// The body that wrote the report: `坪山区群团工作部`.
    #[serde(borrow)]
    pub organization: Option<Text<'a>>,
    /// The year the report looks back on.
    pub review_year: Option<u16>,
    /// The year the report plans for.
    pub plan_year: Option<u16>,
    /// Sentences between the title and the first section.
    #[serde(borrow)]
    pub preamble: Vec<Text<'a>>,
    /// The top-level parts of the body.
    #[serde(borrow)]
    pub sections: Vec<Section<'a>>,
    /// The closing organisation and date.
    #[serde(borrow)]
    pub signature: Option<Signature<'a>>,
    /// Anything odd the parser noticed and how it decided.
    pub diagnostics: Vec<Diagnostic>,
}

/// A top-level heading and everything under it: `一、2021年工作成绩`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Section<'a> {
    /// What the section reports.
    pub kind: SectionKind,
    /// The heading's marker as written (`一、`), `None` for an unmarked heading.
    #[serde(borrow)]
    pub marker: Option<Cow<'a, str>>,
    /// The heading after the marker, without trailing punctuation: `2021年工作成绩`.
    #[serde(borrow)]
    pub heading: Option<Text<'a>>,
    /// Sentences between the heading and the first theme.
    #[serde(borrow)]
    pub intro: Vec<Text<'a>>,
    /// The headings one level down.
    #[serde(borrow)]
    pub themes: Vec<Theme<'a>>,
    /// Passages that state problems without a heading of their own
    /// (`但也存在一些问题：一是……`), from their opening sentence to the end of the paragraph.
    #[serde(default)]
    pub problems: Vec<Span>,
    /// From the marker to the end of the section's last item.
    pub span: Span,
}

/// A heading below section level (`——围绕“基础更实”，…`, `（一）…`, `1.…`) and its body.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Theme<'a> {
    /// The marker as written: `——`, `（一）`, `1.`; `None` for an unmarked heading.
    #[serde(borrow)]
    pub marker: Option<Cow<'a, str>>,
    /// The first sentence (or the heading line) without marker and final `。`.
    #[serde(borrow)]
    pub headline: Option<Text<'a>>,
    /// The “quoted” terms of the headline, in order: `基础更实`.
    #[serde(borrow)]
    pub keywords: Vec<Cow<'a, str>>,
    /// The sentences and clauses of the body after the headline.
    #[serde(borrow)]
    pub items: Vec<Text<'a>>,
    /// Deeper headings (`（一）` → `1.` → `（1）` → `①`).
    #[serde(borrow)]
    pub themes: Vec<Theme<'a>>,
    /// From the marker to the end of the theme's last item.
    pub span: Span,
}

/// A stretch of source text — a heading, headline, item or name — with the
/// indicators found in it. `&source[span] == text` always holds.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Text<'a> {
    /// The text, borrowed from the source.
    #[serde(borrow)]
    pub text: Cow<'a, str>,
    /// Where it stands in the source.
    pub span: Span,
    /// Numeric indicators inside this text, in order.
    #[serde(borrow, default)]
    pub indicators: Vec<Indicator<'a>>,
}

/// The closing lines: `坪山区群团工作部2022-2-16`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Signature<'a> {
    /// The organisation that signs.
    #[serde(borrow)]
    pub organization: Option<Text<'a>>,
    /// The date in ISO form, `2022-02-16`, from `2022-2-16`, `2022年2月16日` or `二〇二二年二月十六日`.
    pub date: Option<String>,
    /// The date as written.
    #[serde(borrow)]
    pub date_text: Option<Text<'a>>,
    /// From the organisation to the end of the date.
    pub span: Span,
}

/// The part of a report a section belongs to.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SectionKind {
    /// What was achieved: 工作成绩, 主要成效, 工作回顾 ….
    Achievements,
    /// Problems and shortcomings: 存在问题, 不足 ….
    Problems,
    /// What will be done: 工作思路, 工作计划, 重点工作, 目标任务 ….
    Plans,
    /// Anything else (appendices, notes, general requirements).
    #[default]
    Other,
}

/// A quantity the report claims: `近2.5万人次`.
///
/// ```text
/// 覆盖青少年近2.5万人次
///          ^^^^^^^^^^^ value 25000, unit 人次, approx nearly
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Indicator<'a> {
    /// The indicator as written, from its approximation word or first digit to
    /// its unit or trailing approximation word.
    #[serde(borrow)]
    pub text: Cow<'a, str>,
    /// Where it stands in the source.
    pub span: Span,
    /// The amount with the magnitude folded in (the low end of a range).
    pub value: Number,
    /// The high end of a range (`3-5个`), otherwise `None`.
    pub max: Option<Number>,
    /// The normalised unit (`人次`, `元`, `%`, `百分点`), `None` when none follows.
    #[serde(borrow)]
    pub unit: Option<Cow<'a, str>>,
    /// How the amount is qualified (余, 近, 约, 不足 …).
    pub approx: Approx,
    /// What sort of quantity this is.
    pub kind: IndicatorKind,
    /// For a change (`同比增长6.5%`): its direction and basis.
    pub change: Option<Change<'a>>,
    /// A target (in a plans section) or an achieved value.
    pub role: Role,
}

/// How an amount is qualified.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Approx {
    /// No qualifier (达, 共, 累计 do not qualify).
    #[default]
    Exact,
    /// 余 多 逾 超 超过 以上 上千 上万 过万 突破.
    Over,
    /// 近 将近 接近.
    Nearly,
    /// 约 大约 左右 上下.
    About,
    /// 不足 不到 低于 以下 以内.
    Under,
}

/// What sort of quantity an indicator is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IndicatorKind {
    /// A number of things: `23个`, `34万人次`.
    Count,
    /// A measured amount, or a number with no unit: `17.5万小时`, `7.5万`.
    Amount,
    /// Money: `2568万元`, `5000万美元`.
    Money,
    /// A percentage or per-mille: `92.18%`, `百分之五`, `千分之三`.
    Percent,
    /// Percentage points: `3个百分点`.
    PercentagePoints,
    /// A multiple: `1.2倍`.
    Multiple,
    /// A fraction: `1/3`, `三分之一`, `九成`.
    Fraction,
}

/// The change an indicator measures: `同比增长6.5%`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Change<'a> {
    /// Up or down.
    pub direction: Direction,
    /// The verb as written: `增长`, `下降`.
    #[serde(borrow)]
    pub verb: Cow<'a, str>,
    /// What it is compared with, as written: `同比`, `环比`, `比上年`.
    #[serde(borrow)]
    pub basis: Option<Cow<'a, str>>,
}

/// Direction of a change.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// 增长 提高 增加 上升 ….
    Increase,
    /// 下降 减少 降低 ….
    Decrease,
}

/// Whether an indicator is a goal or a result.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// A value reported as achieved.
    #[default]
    Achieved,
    /// A value set as a target: it stands in a plans section, or in an appendix that
    /// lists the plan year's work (`附件` / `2026年民生实事`).
    Target,
}

/// Something odd in the input and how the parser decided.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    /// What kind of oddity.
    pub code: DiagnosticCode,
    /// A sentence for a person.
    pub message: String,
    /// Where, when it is somewhere.
    pub span: Option<Span>,
}

/// The kinds of [`Diagnostic`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum DiagnosticCode {
    /// The input has no text.
    Empty,
    /// No heading was found; the body is read as a single part.
    NoHeadings,
    /// Heading numbers skip or restart (`（二）` → `（四）`).
    NumberingGap,
    /// A line that looks like page furniture or a repeated title was left out of the tree.
    Ignored,
    /// A heading whose end had to be guessed (no punctuation, no line break).
    GluedHeading,
    /// A quote or bracket that never closes.
    Unbalanced,
    /// A number too large to hold exactly.
    Overflow,
    /// Nesting deeper than the parser follows.
    TooDeep,
}
