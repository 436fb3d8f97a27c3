//! Lookups over a [`Doc`]'s layers that the stages share, so that no stage
//! scans a whole layer for each sentence or word: the cost of the pipeline
//! stays linear in the article's length.
//!
//! [`Index::new`] costs one pass over the mentions, quotes, events and time
//! expressions. It borrows nothing: a stage builds it from the `Doc` as the
//! stage begins and drops it when it changes a layer the index covers (the
//! layers are plain `Vec`s, so an index kept in the `Doc` could go stale
//! unseen). Every lookup gives what the scan it replaces gave, in the same
//! order.

use crate::doc::{Doc, Event, Mention, Quote, Span, Timex};

/// Item indices grouped by sentence (compressed rows: one offset per sentence
/// into one list), each sentence's items in layer order.
#[derive(Clone, Debug, Default)]
pub struct BySentence {
    /// `items[starts[s]..starts[s + 1]]` are sentence `s`'s items.
    starts: Vec<u32>,
    items: Vec<u32>,
}

impl BySentence {
    /// Groups `pairs` of (sentence, item) given in item order; pairs whose
    /// sentence is `>= sentences` are left out.
    fn build(sentences: usize, pairs: impl Iterator<Item = (usize, usize)> + Clone) -> BySentence {
        let mut starts = vec![0u32; sentences + 1];
        for (s, _) in pairs.clone() {
            if s < sentences {
                starts[s + 1] += 1;
            }
        }
        for s in 0..sentences {
            starts[s + 1] += starts[s];
        }
        let mut next = starts.clone();
        let mut items = vec![0u32; starts[sentences] as usize];
        for (s, i) in pairs {
            if s < sentences {
                items[next[s] as usize] = i as u32;
                next[s] += 1;
            }
        }
        BySentence { starts, items }
    }

    /// The items of sentence `s`, in layer order (none for a sentence out of range).
    pub fn get(&self, s: usize) -> impl DoubleEndedIterator<Item = usize> + ExactSizeIterator + '_ {
        let r = match (self.starts.get(s), self.starts.get(s + 1)) {
            (Some(&a), Some(&b)) => a as usize..b as usize,
            _ => 0..0,
        };
        self.items[r].iter().map(|&i| i as usize)
    }

    /// True when sentence `s` has at least one item.
    pub fn any(&self, s: usize) -> bool {
        self.get(s).len() > 0
    }
}

/// Which of a list of spans overlap a query span, in list order, without a
/// scan of the list: the spans' starts must not decrease along the list (then
/// a prefix maximum of their ends bounds the search); otherwise the lookups
/// fall back to a scan.
#[derive(Clone, Debug, Default)]
pub struct Overlaps {
    starts: Vec<usize>,
    ends: Vec<usize>,
    /// `max_end[i]` is the largest end among spans `0..=i`.
    max_end: Vec<usize>,
    sorted: bool,
}

impl Overlaps {
    /// Indexes `spans` (in list order).
    pub fn new(spans: impl Iterator<Item = Span>) -> Overlaps {
        let (mut starts, mut ends, mut max_end) = (Vec::new(), Vec::new(), Vec::new());
        let mut sorted = true;
        for s in spans {
            sorted &= starts.last().is_none_or(|&l: &usize| l <= s.start);
            let m = max_end.last().map_or(s.end, |&m: &usize| m.max(s.end));
            starts.push(s.start);
            ends.push(s.end);
            max_end.push(m);
        }
        Overlaps {
            starts,
            ends,
            max_end,
            sorted,
        }
    }

    fn overlaps(&self, i: usize, q: Span) -> bool {
        self.starts[i] < q.end && q.start < self.ends[i]
    }

    /// The spans overlapping `q` ([`Span::overlaps`]), in list order.
    pub fn all(&self, q: Span) -> impl Iterator<Item = usize> + '_ {
        let (from, to) = if self.sorted {
            // Spans from `to` on start at or after q.end; before `from`, every
            // span ends at or before q.start.
            let to = self.starts.partition_point(|&s| s < q.end);
            let from = self.max_end[..to].partition_point(|&m| m <= q.start);
            (from, to)
        } else {
            (0, self.starts.len())
        };
        (from..to).filter(move |&i| self.overlaps(i, q))
    }

    /// The first span overlapping `q`, in list order.
    pub fn first(&self, q: Span) -> Option<usize> {
        self.all(q).next()
    }
}

/// The per-sentence and by-offset indexes of one state of a [`Doc`].
#[derive(Clone, Debug, Default)]
pub struct Index {
    /// Mentions by their `sentence`.
    pub mentions: BySentence,
    /// Quotes by each sentence they list in `sentences`.
    pub quotes: BySentence,
    /// Events by their `sentence`.
    pub events: BySentence,
    /// Time expressions by their `sentence`.
    pub timexes: BySentence,
    /// Mentions by byte offset.
    pub mention_spans: Overlaps,
    /// Quotes by byte offset.
    pub quote_spans: Overlaps,
}

impl Index {
    /// Indexes the layers of `doc` as they are now.
    pub fn new(doc: &Doc) -> Index {
        let n = doc.sentences.len();
        Index {
            mentions: BySentence::build(
                n,
                doc.mentions
                    .iter()
                    .enumerate()
                    .map(|(i, m)| (m.sentence, i)),
            ),
            quotes: BySentence::build(
                n,
                doc.quotes
                    .iter()
                    .enumerate()
                    .flat_map(|(i, q)| q.sentences.iter().map(move |&s| (s, i))),
            ),
            events: BySentence::build(
                n,
                doc.events.iter().enumerate().map(|(i, e)| (e.sentence, i)),
            ),
            timexes: BySentence::build(
                n,
                doc.timexes.iter().enumerate().map(|(i, t)| (t.sentence, i)),
            ),
            mention_spans: Overlaps::new(doc.mentions.iter().map(|m| m.span)),
            quote_spans: Overlaps::new(doc.quotes.iter().map(|q| q.span)),
        }
    }

    /// The mentions of sentence `si` (by their `sentence`), in text order:
    /// what [`Doc::mentions_in`] gives.
    pub fn mentions_in<'d>(
        &'d self,
        doc: &'d Doc,
        si: usize,
    ) -> impl Iterator<Item = &'d Mention> + 'd {
        self.mentions.get(si).map(move |i| &doc.mentions[i])
    }

    /// The quotes listing sentence `si` in their `sentences`, in text order.
    pub fn quotes_in<'d>(
        &'d self,
        doc: &'d Doc,
        si: usize,
    ) -> impl Iterator<Item = &'d Quote> + 'd {
        self.quotes.get(si).map(move |i| &doc.quotes[i])
    }

    /// The events of sentence `si`, in layer order.
    pub fn events_in<'d>(
        &'d self,
        doc: &'d Doc,
        si: usize,
    ) -> impl Iterator<Item = &'d Event> + 'd {
        self.events.get(si).map(move |i| &doc.events[i])
    }

    /// The time expressions of sentence `si`, in layer order.
    pub fn timexes_in<'d>(
        &'d self,
        doc: &'d Doc,
        si: usize,
    ) -> impl Iterator<Item = &'d Timex> + 'd {
        self.timexes.get(si).map(move |i| &doc.timexes[i])
    }

    /// The first mention (in text order) overlapping `span`: what
    /// `doc.mentions.iter().position(|m| m.span.overlaps(span))` gives.
    pub fn mention_at(&self, span: Span) -> Option<usize> {
        self.mention_spans.first(span)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn by_sentence_keeps_layer_order() {
        let b = BySentence::build(3, [(2, 0), (0, 1), (2, 2), (5, 3), (0, 4)].into_iter());
        assert_eq!(b.get(0).collect::<Vec<_>>(), vec![1, 4]);
        assert_eq!(b.get(1).count(), 0);
        assert_eq!(b.get(2).collect::<Vec<_>>(), vec![0, 2]);
        assert_eq!(b.get(3).count(), 0);
        assert!(b.any(2) && !b.any(1));
    }

    #[test]
    fn overlaps_match_a_scan() {
        // sorted starts, nested and empty spans
        let spans = [
            (0, 3),
            (2, 9),
            (4, 5),
            (4, 4),
            (6, 7),
            (10, 12),
            (11, 11),
            (12, 20),
        ];
        let spans: Vec<Span> = spans.iter().map(|&(a, b)| Span::new(a, b)).collect();
        let mut shuffled = spans.clone();
        shuffled.swap(1, 6);
        for list in [&spans, &shuffled] {
            let o = Overlaps::new(list.iter().copied());
            for a in 0..22 {
                for b in a..22 {
                    let q = Span::new(a, b);
                    let want: Vec<usize> =
                        (0..list.len()).filter(|&i| list[i].overlaps(q)).collect();
                    assert_eq!(o.all(q).collect::<Vec<_>>(), want, "{q:?}");
                    assert_eq!(o.first(q), want.first().copied());
                }
            }
        }
    }
}
