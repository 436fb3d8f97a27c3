//! Places: a gazetteer of national capitals, every city of 500,000 people or
//! more and the countries, with ISO 3166 alpha-3 codes and coordinates
//! (`data/places.tsv`, generated from GeoNames by `tools/gazetteer.py`), and
//! the location phrases of a sentence ("at the NATO headquarters in
//! Brussels", "in Moscow").

use crate::doc::{Doc, EntityKind};
use std::collections::HashMap;
use std::sync::OnceLock;

const PLACES_TSV: &str = include_str!("../../../data/places.tsv");

/// What kind of place a gazetteer entry is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PlaceKind {
    /// A national capital.
    Capital,
    /// Another city.
    City,
    /// A country.
    Country,
}

/// One gazetteer entry.
#[derive(Clone, Debug, PartialEq)]
pub struct Place {
    /// The name as GeoNames gives it ("Moscow").
    pub name: String,
    /// Capital, city or country.
    pub kind: PlaceKind,
    /// ISO 3166 alpha-3 code of the country ("RUS").
    pub country: String,
    /// Latitude and longitude in decimal degrees (`None` for countries).
    pub coords: Option<(f64, f64)>,
    /// Population.
    pub population: u64,
}

/// A line of the gazetteer file that could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlaceDiagnostic {
    /// 1-based line number.
    pub line: usize,
    /// What was wrong.
    pub reason: String,
}

/// The gazetteer: places with a lookup by name and alternate name.
#[derive(Debug, Default)]
pub struct Gazetteer {
    places: Vec<Place>,
    by_name: HashMap<String, usize>,
}

fn key(name: &str) -> String {
    name.trim()
        .trim_start_matches("the ")
        .trim_start_matches("The ")
        .to_lowercase()
        .replace(['’', '\''], "'")
}

impl Gazetteer {
    /// The built-in gazetteer, compiled once per process.
    pub fn builtin() -> &'static Gazetteer {
        static G: OnceLock<Gazetteer> = OnceLock::new();
        G.get_or_init(|| Gazetteer::parse(PLACES_TSV).0)
    }

    /// Reads a gazetteer in the `data/places.tsv` format. Bad lines are
    /// skipped and reported; the good ones are kept.
    pub fn parse(tsv: &str) -> (Gazetteer, Vec<PlaceDiagnostic>) {
        let mut g = Gazetteer::default();
        let mut diags = Vec::new();
        let mut alternates: Vec<(String, usize)> = Vec::new();
        for (i, line) in tsv.lines().enumerate() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').collect();
            if cols.len() < 6 {
                diags.push(PlaceDiagnostic {
                    line: i + 1,
                    reason: format!("expected at least 6 columns, found {}", cols.len()),
                });
                continue;
            }
            let kind = match cols[1] {
                "capital" => PlaceKind::Capital,
                "city" => PlaceKind::City,
                "country" => PlaceKind::Country,
                other => {
                    diags.push(PlaceDiagnostic {
                        line: i + 1,
                        reason: format!("unknown place kind {other:?}"),
                    });
                    continue;
                }
            };
            let coords = match (cols[3].parse::<f64>(), cols[4].parse::<f64>()) {
                (Ok(a), Ok(b)) => Some((a, b)),
                _ => None,
            };
            let idx = g.places.len();
            g.places.push(Place {
                name: cols[0].to_string(),
                kind,
                country: cols[2].to_string(),
                coords,
                population: cols[5].parse().unwrap_or(0),
            });
            g.by_name.entry(key(cols[0])).or_insert(idx);
            if let Some(alts) = cols.get(6) {
                for a in alts.split('|').filter(|a| !a.is_empty()) {
                    alternates.push((key(a), idx));
                }
            }
        }
        // Primary names win over alternates; among alternates the first
        // (most populous, as the file is ordered) wins.
        for (k, idx) in alternates {
            g.by_name.entry(k).or_insert(idx);
        }
        (g, diags)
    }

    /// Number of places.
    pub fn len(&self) -> usize {
        self.places.len()
    }

    /// True when there are no places.
    pub fn is_empty(&self) -> bool {
        self.places.is_empty()
    }

    /// The place with this name or alternate name (case-insensitive; a
    /// leading "the" is ignored).
    pub fn lookup(&self, name: &str) -> Option<&Place> {
        self.by_name.get(&key(name)).map(|&i| &self.places[i])
    }

    /// The location a phrase in `text` gives: the last "in X" / "at X" where X
    /// is a capitalised name of up to three words found in the gazetteer.
    /// Returns the byte range of the name (relative to `text`) and the place.
    pub fn locate<'a>(&'a self, text: &str) -> Option<(usize, usize, &'a Place)> {
        self.locations(text).into_iter().last()
    }

    /// Every "in X" / "at X" location in `text`, in order (see [`Gazetteer::locate`]).
    pub fn locations<'a>(&'a self, text: &str) -> Vec<(usize, usize, &'a Place)> {
        let mut out = Vec::new();
        let words: Vec<(usize, &str)> = word_spans(text);
        let mut i = 0;
        while i < words.len() {
            let w = words[i].1;
            if matches!(w, "in" | "at" | "In" | "At" | "from" | "to") {
                let mut j = i + 1;
                if j < words.len() && matches!(words[j].1, "the" | "The") {
                    j += 1;
                }
                let mut best: Option<(usize, usize, &Place)> = None;
                for len in (1..=3).rev() {
                    if j + len > words.len() {
                        continue;
                    }
                    let run = &words[j..j + len];
                    if !run
                        .iter()
                        .all(|(_, w)| w.chars().next().is_some_and(|c| c.is_uppercase()))
                    {
                        continue;
                    }
                    let s = run[0].0;
                    let e = run[len - 1].0 + run[len - 1].1.len();
                    // Followed by another capitalised word: part of a longer name.
                    if words.get(j + len).is_some_and(|(o, w)| {
                        *o == e + 1 && w.chars().next().is_some_and(|c| c.is_uppercase())
                    }) {
                        continue;
                    }
                    if let Some(p) = self.lookup(&text[s..e]) {
                        best = Some((s, e, p));
                        break;
                    }
                }
                if let Some(b) = best {
                    out.push(b);
                }
            }
            i += 1;
        }
        out
    }
}

/// Gives each event without a location the place its sentence names with
/// "in X" / "at X" (a gazetteer place, or a place the actor stage found),
/// the one nearest the trigger, preferring one after it. Reads `sentences`,
/// `mentions`, `entities`, `events`; fills `events[].location`.
pub fn locate_events(doc: &mut Doc) {
    let ix = crate::index::Index::new(doc);
    locate_events_with(doc, &ix);
}

/// [`locate_events`] with an [`Index`](crate::index::Index) of `doc`'s
/// mentions as they are.
pub fn locate_events_with(doc: &mut Doc, ix: &crate::index::Index) {
    let g = Gazetteer::builtin();
    let mut found: Vec<Option<String>> = Vec::with_capacity(doc.events.len());
    for e in &doc.events {
        if e.location.is_some() {
            found.push(None);
            continue;
        }
        let Some(s) = doc.sentences.get(e.sentence) else {
            found.push(None);
            continue;
        };
        let text = &doc.text[s.span.start..s.span.end];
        let mut cands: Vec<(usize, String)> = g
            .locations(text)
            .into_iter()
            .map(|(a, _, p)| (s.span.start + a, p.name.clone()))
            .collect();
        for m in ix.mentions_in(doc, e.sentence) {
            let is_place = doc
                .entities
                .get(m.entity)
                .is_some_and(|x| x.kind == EntityKind::Place);
            let before = doc.text[s.span.start..m.span.start].trim_end();
            if is_place && (before.ends_with(" in") || before.ends_with(" at")) {
                cands.push((m.span.start, doc.slice(m.span).to_string()));
            }
        }
        let t = e.trigger.start;
        let best = cands
            .into_iter()
            .min_by_key(|(at, _)| if *at >= t { (0, at - t) } else { (1, t - at) })
            .map(|(_, name)| name);
        found.push(best);
    }
    for (e, l) in doc.events.iter_mut().zip(found) {
        if l.is_some() {
            e.location = l;
        }
    }
}

/// Words of `text` with their byte offsets (letters, digits, inner '.', '-' and apostrophes).
fn word_spans(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut last_end = 0;
    for (i, c) in text.char_indices() {
        let inner = matches!(c, '.' | '-' | '\'' | '’') && start.is_some();
        if c.is_alphanumeric() || inner {
            if start.is_none() {
                start = Some(i);
            }
            last_end = i + c.len_utf8();
        } else if let Some(s) = start.take() {
            out.push((s, text[s..last_end].trim_end_matches(['.', '-', '\'', '’'])));
        }
    }
    if let Some(s) = start {
        out.push((s, text[s..last_end].trim_end_matches(['.', '-', '\'', '’'])));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_has_capitals_cities_and_countries() {
        let g = Gazetteer::builtin();
        assert!(g.len() > 1500, "{}", g.len());
        for (name, iso, kind) in [
            ("Moscow", "RUS", PlaceKind::Capital),
            ("Brussels", "BEL", PlaceKind::Capital),
            ("Havana", "CUB", PlaceKind::Capital),
            ("Prague", "CZE", PlaceKind::Capital),
            ("Washington", "USA", PlaceKind::Capital),
            ("Canberra", "AUS", PlaceKind::Capital),
            ("Ouagadougou", "BFA", PlaceKind::Capital),
            ("Lagos", "NGA", PlaceKind::City),
            ("Mumbai", "IND", PlaceKind::City),
            ("Geneva", "CHE", PlaceKind::City),
            ("Belgium", "BEL", PlaceKind::Country),
            ("the Czech Republic", "CZE", PlaceKind::Country),
        ] {
            let p = g.lookup(name).unwrap_or_else(|| panic!("{name} missing"));
            assert_eq!((p.country.as_str(), p.kind), (iso, kind), "{name}");
        }
        let m = g.lookup("moscow").and_then(|p| p.coords);
        assert!(
            m.is_some_and(|(lat, lon)| (55.0..56.5).contains(&lat) && (37.0..38.5).contains(&lon))
        );
    }

    #[test]
    fn alternates_resolve() {
        let g = Gazetteer::builtin();
        assert_eq!(g.lookup("Kiev").map(|p| p.country.as_str()), Some("UKR"));
        assert_eq!(g.lookup("Peking").map(|p| p.country.as_str()), Some("CHN"));
    }

    #[test]
    fn locate_in_sentences() {
        let g = Gazetteer::builtin();
        let cases = [
            (
                "halt its office at the NATO headquarters in Brussels by next month",
                Some("Brussels"),
            ),
            ("close the liaison mission in Moscow", Some("Moscow")),
            (
                "NATO could liaise via the Russian ambassador in Belgium.",
                Some("Belgium"),
            ),
            (
                "The two sides met in New York City on Monday.",
                Some("New York City"),
            ),
            ("Talks were held in Geneva.", Some("Geneva")),
            ("in Government circles the mood was grim", None),
            ("He said it in English.", None),
        ];
        for (text, want) in cases {
            let got = g.locate(text).map(|(s, e, _)| &text[s..e]);
            assert_eq!(got, want, "{text}");
        }
    }

    #[test]
    fn events_get_the_nearest_location() {
        let mut doc = crate::markup::doc(
            "{Russia|RUS} will halt its office at the {NATO|IGOWSTNAT} headquarters in Brussels. || {Obama|USAGOV|person} and {Castro|CUBGOV|person} met in Panama in April. || They talked.",
            None,
        );
        for (si, trig) in [(0, "halt"), (1, "met"), (2, "talked")] {
            let s = doc.sentences[si].span;
            let off = s.start + doc.slice(s).find(trig).unwrap_or(0);
            doc.events.push(crate::doc::Event {
                sentence: si,
                source: None,
                target: None,
                source_entity: None,
                target_entity: None,
                cameo: "040".into(),
                trigger: crate::Span::new(off, off + trig.len()),
                status: crate::doc::EventStatus::Asserted,
                date: None,
                quote: None,
                location: None,
                target_inferred: false,
            });
        }
        locate_events(&mut doc);
        let got: Vec<Option<&str>> = doc.events.iter().map(|e| e.location.as_deref()).collect();
        assert_eq!(got, vec![Some("Brussels"), Some("Panama"), None]);
    }

    #[test]
    fn bad_lines_are_reported_and_skipped() {
        let (g, d) = Gazetteer::parse(
            "# header\nA\tcity\tAAA\t1\t2\t3\t\nbroken line\nB\tvillage\tBBB\t\t\t0\t\n",
        );
        assert_eq!(g.len(), 1);
        assert_eq!(d.len(), 2);
        assert_eq!(d[0].line, 3);
    }
}
