//! Cross-article event merging: when several articles (or several sentences)
//! report the same real-world event, the store keeps one event with a mention
//! count and all its sources, as GDELT does (NumMentions, NumArticles,
//! NumSources).
//!
//! **The rule.** Two event mentions are the same event when they have
//! 1. the same source actor code and the same target actor code (exact codes;
//!    a missing actor counts as its own value),
//! 2. the same CAMEO root code (first two digits), and
//! 3. days within [`WINDOW_DAYS`] of each other, chained: mentions on days
//!    1, 3 and 5 are one event, since each is within the window of the next.
//!
//! A mention's day is the event date the text gives when it names a day, else
//! the article's publication date. Mentions with no day at all merge only with
//! mentions of the same article (same dyad and root).
//!
//! The result does not depend on the order in which articles arrive: clusters
//! are the connected components of the "within the window" relation, and a
//! merged event's id and its representative values come from its members
//! alone (the earliest mention, then the most frequent full code).

use chrono::NaiveDate;
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, BTreeSet};

/// Mentions whose days are at most this many days apart (chained) are one event.
pub const WINDOW_DAYS: i64 = 3;

/// One event mention, as the merge sees it. All mentions given to
/// [`merge_key`] share one (source, target, root) key.
#[derive(Clone, Debug, PartialEq)]
pub struct MergeInput {
    /// Day used for merging.
    pub day: Option<NaiveDate>,
    /// Store id of the article.
    pub article_id: i64,
    /// Content hash of the article (a stable identity across stores).
    pub article_hash: String,
    /// Index of the event in the article.
    pub index: i64,
    /// Outlet of the article ("" when unknown: each unknown-outlet article then counts as one source).
    pub outlet: Option<String>,
    /// Full CAMEO code of the mention.
    pub cameo: String,
    /// URL or origin of the article.
    pub url: Option<String>,
}

/// A merged event.
#[derive(Clone, Debug, PartialEq)]
pub struct Merged {
    /// Stable id: from the key and the earliest member.
    pub id: i64,
    /// Indices into the input of its members, earliest first.
    pub members: Vec<usize>,
    /// First day.
    pub first_day: Option<NaiveDate>,
    /// Last day.
    pub last_day: Option<NaiveDate>,
    /// For an undated event: its one article.
    pub undated_article: Option<i64>,
    /// The most frequent full code (ties: the smallest).
    pub cameo: String,
    /// Member count.
    pub num_mentions: i64,
    /// Distinct articles.
    pub num_articles: i64,
    /// Distinct outlets (articles without an outlet count one each).
    pub num_sources: i64,
    /// URL of the earliest member's article.
    pub source_url: Option<String>,
}

/// Merges the mentions of one (source, target, root) key into events.
pub fn merge_key(key: (&str, &str, &str), mentions: &[MergeInput]) -> Vec<Merged> {
    let mut order: Vec<usize> = (0..mentions.len()).collect();
    // Dated first, by day; then a stable identity so the output never depends on input order.
    order.sort_by(|&a, &b| {
        let (x, y) = (&mentions[a], &mentions[b]);
        (x.day.is_none(), x.day, &x.article_hash, x.index).cmp(&(
            y.day.is_none(),
            y.day,
            &y.article_hash,
            y.index,
        ))
    });
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut undated: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    let mut last_day: Option<NaiveDate> = None;
    for i in order {
        let m = &mentions[i];
        match m.day {
            Some(day) => {
                let joins = last_day.is_some_and(|l| (day - l).num_days() <= WINDOW_DAYS);
                match groups.last_mut() {
                    Some(g) if joins => g.push(i),
                    _ => groups.push(vec![i]),
                }
                last_day = Some(day);
            }
            None => undated.entry(&m.article_hash).or_default().push(i),
        }
    }
    groups.extend(undated.into_values());
    groups
        .into_iter()
        .map(|members| summarise(key, mentions, members))
        .collect()
}

fn summarise(key: (&str, &str, &str), mentions: &[MergeInput], members: Vec<usize>) -> Merged {
    let first = &mentions[members[0]];
    let mut h = Sha256::new();
    for part in [
        key.0,
        key.1,
        key.2,
        &first.article_hash,
        &first.index.to_string(),
    ] {
        h.update(part.as_bytes());
        h.update([0]);
    }
    let digest = h.finalize();
    let mut id_bytes = [0u8; 8];
    id_bytes.copy_from_slice(&digest[..8]);
    // Positive and within JavaScript's exact integer range (53 bits).
    let id = (u64::from_be_bytes(id_bytes) >> 11) as i64;

    let mut codes: BTreeMap<&str, usize> = BTreeMap::new();
    let mut articles = BTreeSet::new();
    let mut outlets = BTreeSet::new();
    for &i in &members {
        let m = &mentions[i];
        *codes.entry(m.cameo.as_str()).or_default() += 1;
        articles.insert(m.article_hash.as_str());
        match m.outlet.as_deref().filter(|o| !o.is_empty()) {
            Some(o) => outlets.insert(format!("o:{o}")),
            None => outlets.insert(format!("a:{}", m.article_hash)),
        };
    }
    let best = codes
        .iter()
        .map(|(c, n)| (*n, *c))
        .max_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(a.1)));
    let days: Vec<NaiveDate> = members.iter().filter_map(|&i| mentions[i].day).collect();
    Merged {
        id,
        first_day: days.first().copied(),
        last_day: days.last().copied(),
        undated_article: first.day.is_none().then_some(first.article_id),
        cameo: best.map(|b| b.1.to_string()).unwrap_or_default(),
        num_mentions: members.len() as i64,
        num_articles: articles.len() as i64,
        num_sources: outlets.len() as i64,
        source_url: first.url.clone(),
        members,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(day: Option<&str>, article: &str, outlet: &str, cameo: &str) -> MergeInput {
        MergeInput {
            day: day.and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok()),
            article_id: article.len() as i64,
            article_hash: article.into(),
            index: 0,
            outlet: (!outlet.is_empty()).then(|| outlet.into()),
            cameo: cameo.into(),
            url: Some(format!("{article}.txt")),
        }
    }

    /// (num_mentions, num_articles, num_sources) of one merged event.
    type Counts = (i64, i64, i64);

    /// (mentions, expected counts per event)
    #[test]
    fn merge_table() {
        let key = ("RUS", "USA", "16");
        #[rustfmt::skip]
        let cases: Vec<(Vec<MergeInput>, Vec<Counts>)> = vec![
            (vec![m(Some("2024-01-01"), "a", "X", "161")], vec![(1, 1, 1)]),
            // same day, two outlets
            (vec![m(Some("2024-01-01"), "a", "X", "161"), m(Some("2024-01-02"), "b", "Y", "161")], vec![(2, 2, 2)]),
            // exactly the window apart: merged; one more day: not
            (vec![m(Some("2024-01-01"), "a", "X", "161"), m(Some("2024-01-04"), "b", "X", "161")], vec![(2, 2, 1)]),
            (vec![m(Some("2024-01-01"), "a", "X", "161"), m(Some("2024-01-05"), "b", "X", "161")], vec![(1, 1, 1), (1, 1, 1)]),
            // chained: 1, 4, 7 are one event
            (vec![m(Some("2024-01-07"), "c", "X", "161"), m(Some("2024-01-01"), "a", "X", "161"), m(Some("2024-01-04"), "b", "Y", "161")], vec![(3, 3, 2)]),
            // undated: merge only within one article
            (vec![m(None, "a", "X", "161"), m(None, "a", "X", "162"), m(None, "b", "X", "161")], vec![(2, 1, 1), (1, 1, 1)]),
            // unknown outlets count one source per article
            (vec![m(Some("2024-01-01"), "a", "", "161"), m(Some("2024-01-01"), "b", "", "161")], vec![(2, 2, 2)]),
        ];
        for (mentions, want) in cases {
            let got: Vec<_> = merge_key(key, &mentions)
                .iter()
                .map(|e| (e.num_mentions, e.num_articles, e.num_sources))
                .collect();
            assert_eq!(got, want, "{mentions:?}");
        }
    }

    #[test]
    fn result_does_not_depend_on_order() {
        let a = vec![
            m(Some("2024-01-01"), "a", "X", "161"),
            m(Some("2024-01-03"), "b", "Y", "163"),
            m(Some("2024-01-03"), "c", "Y", "163"),
            m(Some("2024-02-01"), "d", "Z", "160"),
        ];
        let mut b = a.clone();
        b.reverse();
        let strip = |v: Vec<Merged>, input: &[MergeInput]| -> Vec<(i64, String, Vec<String>)> {
            v.into_iter()
                .map(|e| {
                    let mut hs: Vec<String> = e
                        .members
                        .iter()
                        .map(|&i| input[i].article_hash.clone())
                        .collect();
                    hs.sort();
                    (e.id, e.cameo, hs)
                })
                .collect()
        };
        let key = ("RUS", "USA", "16");
        let x = strip(merge_key(key, &a), &a);
        assert_eq!(x, strip(merge_key(key, &b), &b));
        assert_eq!(x[0].1, "163");
        assert!(x.iter().all(|e| e.0 > 0));
    }
}
