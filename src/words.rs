//! Short word lists that the indicator reader looks for right before or right after a
//! number (`近`, `以上`, `同比增长`, `至`), each word with what it says.
//!
//! ```text
//! 同比增长6.5%左右
//! ^^^^^^^^    ^^^^
//! ```
//!
//! Most numbers stand beside none of the words, so each list knows at compile time the
//! chars its words end and start with: text beside no such char is turned down with one
//! char decoded, and only the rest is compared with the words.

/// Words with what each says (`T`), in the order they are tried.
pub(crate) struct Words<T: 'static, const N: usize> {
    entries: [(&'static str, T); N],
    /// The first char of each word.
    firsts: [char; N],
    /// The last char of each word.
    lasts: [char; N],
    /// The words by the hash of their first and of their last char (see [`EdgeIndex`]).
    by_first: EdgeIndex,
    by_last: EdgeIndex,
}

impl<T: Copy, const N: usize> Words<T, N> {
    /// The list of `entries`; every word must be non-empty, and there are at most 64.
    pub(crate) const fn new(entries: [(&'static str, T); N]) -> Self {
        let mut firsts = ['\0'; N];
        let mut lasts = ['\0'; N];
        let mut i = 0;
        while i < N {
            firsts[i] = first_char(entries[i].0);
            lasts[i] = last_char(entries[i].0);
            i += 1;
        }
        Words {
            entries,
            firsts,
            lasts,
            by_first: EdgeIndex::of(&firsts),
            by_last: EdgeIndex::of(&lasts),
        }
    }

    /// The first char of each word.
    pub(crate) const fn firsts(&self) -> &[char; N] {
        &self.firsts
    }

    /// The last char of each word.
    pub(crate) const fn lasts(&self) -> &[char; N] {
        &self.lasts
    }

    /// The first of the words that `text` ends with: `同比增长` ends with `增长`.
    // Inlined, like `starting`: the index turns most texts down, where a call would
    // cost more than the test.
    #[inline]
    pub(crate) fn ending(&self, text: &str) -> Option<(&'static str, T)> {
        let last = text.chars().next_back()?;
        let candidates = self.by_last.entries(last);
        self.first_at_edge(candidates, last, &self.lasts, |w| text.ends_with(w))
    }

    /// The first of the words that `text` starts with: `左右的` starts with `左右`.
    #[inline]
    pub(crate) fn starting(&self, text: &str) -> Option<(&'static str, T)> {
        let first = text.chars().next()?;
        let candidates = self.by_first.entries(first);
        self.first_at_edge(candidates, first, &self.firsts, |w| text.starts_with(w))
    }

    /// The first of the `candidates` (a bit for each entry, in list order) whose word
    /// has `c` at the edge that `edges` hold for each word, and `fits` the text.
    #[inline]
    fn first_at_edge(
        &self,
        mut candidates: u64,
        c: char,
        edges: &[char; N],
        fits: impl Fn(&str) -> bool,
    ) -> Option<(&'static str, T)> {
        while candidates != 0 {
            let i = candidates.trailing_zeros() as usize;
            candidates &= candidates - 1;
            if edges[i] == c && fits(self.entries[i].0) {
                return Some(self.entries[i]);
            }
        }
        None
    }

    /// The words, in order.
    #[cfg(test)]
    pub(crate) fn words(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.entries.iter().map(|&(w, _)| w)
    }
}

/// The entries of a word list by a hash of their first (or last) char: for each of 64
/// hashes, a bit for each entry whose char has it. One load gives the entries that a
/// char may stand at the edge of, in list order; for most chars there are none.
#[derive(Clone, Copy)]
struct EdgeIndex([u64; 64]);

impl EdgeIndex {
    const fn of(edges: &[char]) -> Self {
        assert!(edges.len() <= 64, "a word list holds at most 64 words");
        let mut index = [0; 64];
        let mut i = 0;
        while i < edges.len() {
            index[Self::hash(edges[i])] |= 1 << i;
            i += 1;
        }
        EdgeIndex(index)
    }

    /// The top six bits of the char's code point times an odd constant.
    const fn hash(c: char) -> usize {
        ((c as u32).wrapping_mul(0x9E37_79B1) >> 26) as usize
    }

    /// The entries whose edge char has the hash of `c`, a bit each.
    fn entries(&self, c: char) -> u64 {
        self.0[Self::hash(c)]
    }
}

impl<const N: usize> Words<(), N> {
    /// The list of `words`, which say nothing but that they stand there.
    pub(crate) const fn of(words: [&'static str; N]) -> Self {
        let mut entries = [("", ()); N];
        let mut i = 0;
        while i < N {
            entries[i].0 = words[i];
            i += 1;
        }
        Words::new(entries)
    }
}

/// The first char of `word`, at compile time.
const fn first_char(word: &str) -> char {
    let bytes = word.as_bytes();
    let mut end = 1;
    while end < bytes.len() && bytes[end] & 0xC0 == 0x80 {
        end += 1;
    }
    decode(bytes, 0, end)
}

/// The last char of `word`, at compile time.
const fn last_char(word: &str) -> char {
    let bytes = word.as_bytes();
    let mut start = bytes.len() - 1;
    while bytes[start] & 0xC0 == 0x80 {
        start -= 1;
    }
    decode(bytes, start, bytes.len())
}

/// The char that the UTF-8 sequence `bytes[start..end]` encodes.
const fn decode(bytes: &[u8], start: usize, end: usize) -> char {
    let len = end - start;
    let mut code = if len == 1 {
        bytes[start] as u32
    } else {
        (bytes[start] & (0x7F >> len)) as u32
    };
    let mut i = start + 1;
    while i < end {
        code = (code << 6) | (bytes[i] & 0x3F) as u32;
        i += 1;
    }
    match char::from_u32(code) {
        Some(c) => c,
        None => panic!("a word is UTF-8"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const WORDS: Words<u8, 4> = Words::new([("以上", 1), ("上", 2), ("a½", 3), ("€", 4)]);

    #[test]
    fn the_ends_of_the_words_are_known_at_compile_time() {
        assert_eq!(WORDS.firsts, ['以', '上', 'a', '€']);
        assert_eq!(WORDS.lasts, ['上', '上', '½', '€']);
        // Each word is indexed by its edge chars.
        for (i, (first, last)) in WORDS.firsts.into_iter().zip(WORDS.lasts).enumerate() {
            assert_ne!(WORDS.by_first.entries(first) & 1 << i, 0, "{first}");
            assert_ne!(WORDS.by_last.entries(last) & 1 << i, 0, "{last}");
        }
    }

    #[test]
    fn finds_the_first_word_that_fits_in_list_order() {
        assert_eq!(WORDS.ending("一千人以上"), Some(("以上", 1)));
        assert_eq!(WORDS.ending("上"), Some(("上", 2)));
        assert_eq!(WORDS.ending("xa½"), Some(("a½", 3)));
        assert_eq!(WORDS.ending("以上下"), None);
        assert_eq!(WORDS.ending(""), None);
        assert_eq!(WORDS.starting("以上的"), Some(("以上", 1)));
        assert_eq!(WORDS.starting("€5"), Some(("€", 4)));
        assert_eq!(WORDS.starting("以下"), None);
        assert_eq!(WORDS.starting(""), None);
    }
}
