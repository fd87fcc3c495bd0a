//! Checking a report's spans against its source: the invariants every tree keeps.

use crate::{Report, Span, Text, Theme};
use std::fmt;

/// A broken invariant: which node, and what is wrong with its span.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Violation {
    /// A path to the node, such as `sections[1].themes[0].items[2]`.
    pub path: String,
    /// What is wrong.
    pub problem: String,
}

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.problem)
    }
}

/// Checks that every span of `report` lies in `source` on character boundaries, that
/// every text is the slice its span covers, that children lie inside their parents and
/// that siblings come in order without overlapping.
///
/// ```
/// let source = "一、工作成效\n完成23个社区换届。";
/// let report = gongwen::parse(source);
/// assert!(gongwen::validate(&report, source).is_empty());
/// ```
pub fn validate(report: &Report<'_>, source: &str) -> Vec<Violation> {
    let mut check = Checker {
        source,
        found: Vec::new(),
    };
    let whole = Span::new(0, source.len());
    for (name, t) in [
        ("title", &report.title),
        ("organization", &report.organization),
    ] {
        if let Some(t) = t {
            check.text(name, t, whole);
        }
    }
    check.texts("preamble", &report.preamble, whole);
    let mut previous_end = 0;
    for (i, s) in report.sections.iter().enumerate() {
        let path = format!("sections[{i}]");
        check.span(&path, s.span, whole);
        check.order(&path, previous_end, s.span);
        previous_end = s.span.end;
        if let Some(h) = &s.heading {
            check.text(&format!("{path}.heading"), h, s.span);
        }
        check.texts(&format!("{path}.intro"), &s.intro, s.span);
        for (k, p) in s.problems.iter().enumerate() {
            check.span(&format!("{path}.problems[{k}]"), *p, s.span);
        }
        check.themes(&path, &s.themes, s.span);
    }
    if let Some(sig) = &report.signature {
        check.span("signature", sig.span, whole);
        for t in sig.organization.iter().chain(&sig.date_text) {
            check.text("signature", t, sig.span);
        }
    }
    check.found
}

struct Checker<'s> {
    source: &'s str,
    found: Vec<Violation>,
}

impl Checker<'_> {
    fn fail(&mut self, path: &str, problem: String) {
        self.found.push(Violation {
            path: path.to_string(),
            problem,
        });
    }

    fn span(&mut self, path: &str, span: Span, parent: Span) {
        if span.slice(self.source).is_none() {
            self.fail(
                path,
                format!("span {span} is out of bounds or not on character boundaries"),
            );
        } else if !parent.contains(span) {
            self.fail(
                path,
                format!("span {span} is not inside its parent {parent}"),
            );
        }
    }

    fn order(&mut self, path: &str, previous_end: usize, span: Span) {
        if span.start < previous_end {
            self.fail(path, format!("span {span} overlaps or precedes its previous sibling (ending at {previous_end})"));
        }
    }

    fn text(&mut self, path: &str, t: &Text<'_>, parent: Span) {
        self.span(path, t.span, parent);
        if t.span.slice(self.source) != Some(t.text.as_ref()) {
            self.fail(
                path,
                format!("text {:?} is not the slice of its span {}", t.text, t.span),
            );
        }
        let mut previous_end = t.span.start;
        for (k, ind) in t.indicators.iter().enumerate() {
            let p = format!("{path}.indicators[{k}]");
            self.span(&p, ind.span, t.span);
            self.order(&p, previous_end, ind.span);
            previous_end = ind.span.end;
            if ind.span.slice(self.source) != Some(ind.text.as_ref()) {
                self.fail(
                    &p,
                    format!(
                        "text {:?} is not the slice of its span {}",
                        ind.text, ind.span
                    ),
                );
            }
        }
    }

    fn texts(&mut self, path: &str, texts: &[Text<'_>], parent: Span) {
        let mut previous_end = parent.start;
        for (k, t) in texts.iter().enumerate() {
            let p = format!("{path}[{k}]");
            self.text(&p, t, parent);
            self.order(&p, previous_end, t.span);
            previous_end = t.span.end;
        }
    }

    fn themes(&mut self, path: &str, themes: &[Theme<'_>], parent: Span) {
        let mut previous_end = parent.start;
        for (k, theme) in themes.iter().enumerate() {
            let p = format!("{path}.themes[{k}]");
            self.span(&p, theme.span, parent);
            self.order(&p, previous_end, theme.span);
            previous_end = theme.span.end;
            if let Some(h) = &theme.headline {
                self.text(&format!("{p}.headline"), h, theme.span);
            }
            self.texts(&format!("{p}.items"), &theme.items, theme.span);
            self.themes(&p, &theme.themes, theme.span);
        }
    }
}
