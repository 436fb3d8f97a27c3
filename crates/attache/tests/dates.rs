//! Dates over whole documents: time expressions per sentence, "later"
//! anchored on the last explicit date, and the event-dating rule (timex in
//! the sentence, else the date of the reporting statement, else none).

use attache::doc::{Event, EventStatus, Span};
use attache::{dates, markup};

fn event_at(doc: &attache::Doc, sentence: usize, trigger: &str) -> Event {
    let s = doc.sentences[sentence].span;
    let off = doc.text[s.start..s.end]
        .find(trigger)
        .expect("trigger in sentence")
        + s.start;
    Event {
        sentence,
        source: None,
        target: None,
        source_entity: None,
        target_entity: None,
        cameo: "161".into(),
        trigger: Span::new(off, off + trigger.len()),
        status: EventStatus::Asserted,
        date: None,
        quote: None,
        location: None,
        target_inferred: false,
    }
}

#[test]
fn events_take_the_nearest_timex_then_the_statement_date() {
    let mut doc = markup::doc(
        "{Russia|RUS} plans to cut ties with {NATO|IGOWSTNAT}, said {Foreign Minister Sergey Lavrov|RUSGOV|person} on Monday. || {NATO|IGOWSTNAT} expelled eight {Russian|RUS|demonym} diplomats this month. || {Lavrov|RUSGOV|person} said {Russia|RUS} will close its mission to {NATO|IGOWSTNAT}. || {Russia|RUS} will also shut the alliance office in Moscow. || {A deputy|RUSLEG|person} said the decisions were correct.",
        Some("2021-10-20"),
    );
    doc.events = vec![
        event_at(&doc, 0, "cut"),
        event_at(&doc, 1, "expelled"),
        event_at(&doc, 2, "close"),
        event_at(&doc, 3, "shut"),
        event_at(&doc, 4, "said"),
    ];
    dates::resolve(&mut doc);
    let got: Vec<Option<&str>> = doc.events.iter().map(|e| e.date.as_deref()).collect();
    assert_eq!(
        got,
        vec![
            Some("2021-10-18"), // the reporting clause's Monday
            Some("2021-10"),    // this month
            Some("2021-10-18"), // Lavrov's statement dated by his earlier one
            Some("2021-10-18"), // continues that statement
            None,               // an undated statement: no publication-date fallback
        ]
    );
}

#[test]
fn event_date_already_set_is_kept() {
    let mut doc = markup::doc(
        "{Cuba|CUB} reopened its embassy on Monday.",
        Some("2015-07-01"),
    );
    let mut e = event_at(&doc, 0, "reopened");
    e.date = Some("2015-07-20".into());
    doc.events = vec![e];
    dates::resolve(&mut doc);
    assert_eq!(doc.events[0].date.as_deref(), Some("2015-07-20"));
}

#[test]
fn no_publication_date_leaves_relative_dates_unresolved() {
    let mut doc = markup::doc(
        "{Russia|RUS} expelled two diplomats on Sunday. || The blast happened on October 16, 2014.",
        None,
    );
    dates::resolve(&mut doc);
    let vals: Vec<Option<&str>> = doc.timexes.iter().map(|t| t.value.as_deref()).collect();
    assert_eq!(vals, vec![None, Some("2014-10-16")]);
}

#[test]
fn seed_article_dates_when_present() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/articles/00_seed_chinadaily_russia_nato.txt"
    );
    let Ok(text) = std::fs::read_to_string(path) else {
        println!("skipping: {path} is absent");
        return;
    };
    let engine = attache::Engine::builder().build().expect("engine");
    let mut raw = attache::input::RawArticle::plain("seed", &text);
    raw.meta.published = chrono::NaiveDate::from_ymd_opt(2021, 10, 20);
    let doc = engine.analyse(raw);
    let values: Vec<&str> = doc
        .timexes
        .iter()
        .filter_map(|t| t.value.as_deref())
        .collect();
    for want in ["2021-10-18", "2021-10", "2021-11", "2002"] {
        assert!(values.contains(&want), "{want} missing from {values:?}");
    }
}

#[test]
fn relative_clause_dates_stay_in_their_clause() {
    let mut doc = markup::doc(
        "{Russia|RUS} will close the liaison mission, which was established in 2002, on Friday.",
        Some("2021-10-20"),
    );
    let mut close = event_at(&doc, 0, "close");
    close.status = EventStatus::Asserted;
    let est = event_at(&doc, 0, "established");
    doc.events = vec![close, est];
    dates::resolve(&mut doc);
    let got: Vec<Option<&str>> = doc.events.iter().map(|e| e.date.as_deref()).collect();
    assert_eq!(got, vec![Some("2021-10-22"), Some("2002")]);
}

#[test]
fn announced_acts_take_the_announcement_date() {
    let mut doc = markup::doc(
        "{Lavrov|RUSGOV|person} said on Monday that {Russia|RUS} will halt its mission by early next month.",
        Some("2021-10-20"),
    );
    let mut halt = event_at(&doc, 0, "halt");
    halt.status = EventStatus::Intended;
    doc.events = vec![halt];
    dates::resolve(&mut doc);
    assert_eq!(doc.events[0].date.as_deref(), Some("2021-10-18"));
}

/// A time expression dates only the act of its own clause, and a future time
/// never dates a past or perfect act: one line per case (text, trigger, date).
#[test]
fn time_expressions_belong_to_their_clause() {
    let cases: &[(&str, &str, Option<&str>)] = &[
        // the coordinated future clause owns "next week"; the recall takes the statement date
        ("{Chile|CHL} has recalled its envoy to {Peru|PER} and will close its consulate from next week, {the minister|CHLGOV|person} said on Tuesday.", "recalled", Some("2021-10-19")),
        ("{Chile|CHL} has recalled its envoy to {Peru|PER} and will close its consulate from next week, {the minister|CHLGOV|person} said on Tuesday.", "close", Some("2021-W43")),
        // a past act with only a future time and no statement date: undated
        ("{Chile|CHL} expelled two diplomats before talks next week.", "expelled", None),
        // a past time in the same clause still dates it
        ("{Chile|CHL} expelled two diplomats on Monday.", "expelled", Some("2021-10-18")),
        // coordination of past verbs: each keeps its own time
        ("{Chile|CHL} closed its embassy last month and expelled the ambassador on Monday.", "closed", Some("2021-09")),
        ("{Chile|CHL} closed its embassy last month and expelled the ambassador on Monday.", "expelled", Some("2021-10-18")),
        ("{Chile|CHL} recalled its envoy and expelled two diplomats on Monday.", "recalled", Some("2021-10-18")),
        // a future act keeps its future time
        ("{Chile|CHL} will reopen its embassy next week.", "reopen", Some("2021-W43")),
        ("{Chile|CHL} said on Monday it is to be recalled next week.", "recalled", Some("2021-W43")),
    ];
    for (text, trigger, want) in cases {
        let mut doc = markup::doc(text, Some("2021-10-20"));
        doc.events = vec![event_at(&doc, 0, trigger)];
        dates::resolve(&mut doc);
        assert_eq!(doc.events[0].date.as_deref(), *want, "{trigger}: {text}");
    }
}
