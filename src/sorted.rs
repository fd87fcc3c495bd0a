//! Sorted positions and ranges of a document, looked up by range. Every pass asks for
//! the ranges of a document in order, so each lookup gallops from where the last one
//! ended instead of searching the whole list: a lookup right after the last costs a few
//! comparisons, and one out of order (inside or before the last) a binary search.

use std::cell::Cell;
use std::ops::Range;

/// Sorted, disjoint ranges: quotes and brackets, shields.
pub(crate) type Ranges = Sorted<Range<usize>>;

/// Sorted items with a lookup hint.
pub(crate) struct Sorted<T> {
    items: Vec<T>,
    /// Where the last lookup ended.
    hint: Cell<usize>,
}

impl<T> Sorted<T> {
    /// `items`, which must be sorted for the lookups' predicates.
    pub(crate) fn new(items: Vec<T>) -> Self {
        Sorted {
            items,
            hint: Cell::new(0),
        }
    }

    /// Adds items after all others (they must keep them sorted).
    pub(crate) fn extend_from_slice(&mut self, items: &[T])
    where
        T: Clone,
    {
        self.items.extend_from_slice(items);
    }

    /// All items, in order.
    pub(crate) fn all(&self) -> &[T] {
        &self.items
    }

    /// The indices of the items from the first that is not `before` to the first that is
    /// not `before_end` (both predicates hold for a prefix of the items).
    fn between(
        &self,
        before: impl Fn(&T) -> bool,
        before_end: impl Fn(&T) -> bool,
    ) -> Range<usize> {
        let hint = self.hint.get().min(self.items.len());
        let from = if self.items[..hint].last().is_none_or(&before) {
            gallop(&self.items, hint, before)
        } else {
            self.items.partition_point(before)
        };
        let to = gallop(&self.items, from, before_end);
        self.hint.set(to);
        from..to
    }
}

impl Sorted<usize> {
    /// The indices of the positions inside `range`.
    pub(crate) fn indices_within(&self, range: Range<usize>) -> Range<usize> {
        self.between(|&at| at < range.start, |&at| at < range.end)
    }
}

impl Sorted<Range<usize>> {
    /// The ranges (sorted and disjoint) that overlap `range`.
    pub(crate) fn overlapping(&self, range: Range<usize>) -> &[Range<usize>] {
        &self.items[self.between(|r| r.end <= range.start, |r| r.start < range.end)]
    }
}

/// Whether `range` lies inside one of the sorted, disjoint `ranges`.
pub(crate) fn inside(ranges: &[Range<usize>], range: Range<usize>) -> bool {
    let at = ranges.partition_point(|r| r.start <= range.start);
    ranges[..at].last().is_some_and(|r| range.end <= r.end)
}

/// The most items a lookup steps over one by one before it gallops.
const STEPPED: usize = 8;

/// `sorted.partition_point(pred)` for a point known to lie at or after `from`, found by
/// steps that double from there.
pub(crate) fn gallop<T>(sorted: &[T], from: usize, pred: impl Fn(&T) -> bool) -> usize {
    // Most lookups move over a few items: those are stepped over one by one.
    let near = sorted.get(from..).unwrap_or_default();
    let stepped = near.iter().take(STEPPED).take_while(|x| pred(x)).count();
    if stepped < STEPPED {
        return from + stepped;
    }
    let mut low = from + STEPPED;
    let mut step = 1;
    while let Some(x) = sorted.get(low + step - 1) {
        if !pred(x) {
            break;
        }
        low += step;
        step *= 2;
    }
    let high = (low + step - 1).min(sorted.len());
    low + sorted[low..high].partition_point(pred)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_ranges_in_order_and_out_of_order() {
        let ranges = Sorted::new(vec![0..3, 5..8, 10..12]);
        assert_eq!(ranges.overlapping(6..11), [5..8, 10..12]);
        assert_eq!(ranges.overlapping(8..10), [] as [Range<usize>; 0]);
        assert_eq!(ranges.overlapping(0..1).first(), Some(&(0..3)));
        assert_eq!(ranges.overlapping(12..20), [] as [Range<usize>; 0]);
        let empty: Sorted<usize> = Sorted::new(Vec::new());
        assert!(empty.indices_within(0..5).is_empty());
    }

    proptest::proptest! {
        /// Any sequence of lookups finds what a binary search finds.
        #[test]
        fn lookups_agree_with_binary_search(
            mut positions in proptest::collection::vec(0usize..100, 0..50),
            lookups in proptest::collection::vec((0usize..110, 0usize..30), 1..20),
        ) {
            positions.sort_unstable();
            let sorted = Sorted::new(positions.clone());
            for (start, len) in lookups {
                let from = positions.partition_point(|&p| p < start);
                let to = positions.partition_point(|&p| p < start + len).max(from);
                proptest::prop_assert_eq!(sorted.indices_within(start..start + len), from..to);
            }
        }
    }
}
