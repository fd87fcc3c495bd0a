//! The stages of [`crate::parse`], each run on its own so that a bench can time it and a
//! slowdown shows where it is (`cargo bench --bench parse -- stages`). Not part of the
//! stable API.
//!
//! ```
//! let source = "工作总结\n一、工作成效\n开展活动200余场。覆盖群众34万人次。\n";
//! let stages = gongwen::stages::Stages::new(source);
//! assert_eq!(stages.structure(), 1);
//! assert_eq!(stages.items(), 2);
//! assert_eq!(stages.indicators(), 2);
//! ```

use crate::report::{Document, Layout};
use crate::sentences::split;
use crate::{Role, indicators};
use std::ops::Range;

/// A report with the input of every stage computed once.
pub struct Stages<'a> {
    source: &'a str,
    title: Option<Range<usize>>,
    body: Range<usize>,
    doc: Document<'a>,
    /// Where items are read: the preamble and what follows each heading.
    regions: Vec<Range<usize>>,
    /// Every item.
    items: Vec<Range<usize>>,
}

impl<'a> Stages<'a> {
    /// Runs every stage once on `source`.
    pub fn new(source: &'a str) -> Self {
        let (title, body) = Layout::of(source).map_or((None, 0..0), |l| (l.title, l.body));
        let doc = Document::new(source, body.clone(), title.clone(), &mut Vec::new());
        let headings = doc.headings(body.clone(), &mut Vec::new());
        let starts = headings.iter().map(|h| h.start).chain([body.end]);
        let region_starts = [body.start]
            .into_iter()
            .chain(headings.iter().map(|h| h.body_start));
        let regions: Vec<Range<usize>> = region_starts
            .zip(starts)
            .map(|(start, end)| start.min(end)..end)
            .collect();
        let mut items = Vec::new();
        for r in &regions {
            let guards = doc.guards.overlapping(r.clone());
            split(source, &doc.marks.breaks, r.clone(), guards, &mut items);
        }
        Stages {
            source,
            title,
            body,
            doc,
            regions,
            items,
        }
    }

    /// The lexical pass (marks, lines, quotes and brackets, shields, ignored lines);
    /// returns the number of lines.
    pub fn lexical(&self) -> usize {
        let doc = Document::new(
            self.source,
            self.body.clone(),
            self.title.clone(),
            &mut Vec::new(),
        );
        doc.lines.len()
    }

    /// The outline: which markers are headings, and their levels; returns the number of
    /// headings.
    pub fn structure(&self) -> usize {
        self.doc.headings(self.body.clone(), &mut Vec::new()).len()
    }

    /// Cutting the text under every heading into items, into one buffer as
    /// [`crate::parse`] does; returns the number of items.
    pub fn items(&self) -> usize {
        let mut items = Vec::new();
        self.regions
            .iter()
            .map(|r| {
                items.clear();
                let guards = self.doc.guards.overlapping(r.clone());
                split(
                    self.source,
                    &self.doc.marks.breaks,
                    r.clone(),
                    guards,
                    &mut items,
                );
                items.len()
            })
            .sum()
    }

    /// Reading the indicators of every item; returns the number of indicators.
    pub fn indicators(&self) -> usize {
        let (numerals, shields) = (&self.doc.marks.numerals, &self.doc.shields);
        let mut cursor = indicators::Cursor::new(numerals, shields, self.body.clone());
        self.items
            .iter()
            .map(|r| {
                let text = &self.source[r.clone()];
                indicators::scan(text, r.start, Role::Achieved, &mut cursor).len()
            })
            .sum()
    }
}
