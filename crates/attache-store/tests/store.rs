//! The store test suite, run against SQLite and (when `ATTACHE_TEST_POSTGRES`
//! names a server, e.g. `postgres://postgres@127.0.0.1:55432/attache_test`)
//! PostgreSQL. Each test gets a fresh database.

use attache::doc::*;
use attache::input::RawArticle;
use attache_store::export::{self, Format, Table};
use attache_store::*;
use chrono::NaiveDate;
use std::sync::atomic::{AtomicU32, Ordering};

/// A fresh database: the returned guard drops it (PostgreSQL) or its folder (SQLite).
enum Fresh {
    Sqlite(#[allow(dead_code)] tempfile::TempDir),
    Postgres { admin: String, name: String },
}

impl Drop for Fresh {
    fn drop(&mut self) {
        if let Fresh::Postgres { admin, name } = self {
            if let Ok(mut c) = postgres::Client::connect(admin, postgres::NoTls) {
                let _ = c.batch_execute(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"));
            }
        }
    }
}

fn sqlite_db() -> (String, Fresh) {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite:{}", dir.path().join("t.db").display());
    (url, Fresh::Sqlite(dir))
}

fn postgres_db() -> Option<(String, Fresh)> {
    let Ok(admin) = std::env::var("ATTACHE_TEST_POSTGRES") else {
        eprintln!("ATTACHE_TEST_POSTGRES is not set: skipping the PostgreSQL run of this test");
        return None;
    };
    static N: AtomicU32 = AtomicU32::new(0);
    let name = format!(
        "attache_t{}_{}",
        std::process::id(),
        N.fetch_add(1, Ordering::SeqCst)
    );
    let mut c = postgres::Client::connect(&admin, postgres::NoTls)
        .expect("connect to ATTACHE_TEST_POSTGRES");
    c.batch_execute(&format!("CREATE DATABASE {name}")).unwrap();
    let base = admin.rsplit_once('/').map(|(b, _)| b).unwrap_or(&admin);
    Some((format!("{base}/{name}"), Fresh::Postgres { admin, name }))
}

/// Runs a check on each back end.
macro_rules! both {
    ($($name:ident),* $(,)?) => {
        mod sqlite_backend { $( #[test] fn $name() { let (url, _g) = super::sqlite_db(); super::$name(&url); } )* }
        mod postgres_backend { $( #[test] fn $name() { if let Some((url, _g)) = super::postgres_db() { super::$name(&url); } } )* }
    };
}

both!(
    stores_every_layer_once,
    merges_events_across_articles,
    filters_events,
    searches_articles_and_quotes,
    channels_and_state,
    timeline_by_month_and_root,
    reprocess_replaces_analysis,
    exports_round_trip,
    keeps_inferred_targets,
);

/// A tiny analysed article written by hand: `text` with `events` given as
/// (source, target, cameo, trigger word, date).
fn article(
    name: &str,
    outlet: &str,
    published: &str,
    text: &str,
    events: &[(&str, &str, &str, &str, Option<&str>)],
) -> NewArticle {
    let mut raw = RawArticle::plain(name, text);
    raw.meta.published = NaiveDate::parse_from_str(published, "%Y-%m-%d").ok();
    raw.meta.outlet = Some(outlet.into());
    let mut doc = Doc {
        text: text.into(),
        meta: raw.meta.clone(),
        ..Doc::default()
    };
    doc.meta.headline = Some(format!("Headline of {name}"));
    doc.sentences.push(Sentence {
        span: Span::new(0, text.len()),
        paragraph: 0,
        tokens: Span::new(0, 0),
    });
    for (s, t, code, trig, date) in events {
        let at = text.find(trig).expect("trigger in text");
        doc.events.push(Event {
            sentence: 0,
            source: Some(s.to_string()),
            target: Some(t.to_string()),
            source_entity: None,
            target_entity: None,
            cameo: code.to_string(),
            trigger: Span::new(at, at + trig.len()),
            status: EventStatus::Asserted,
            date: date.map(str::to_string),
            quote: None,
            location: None,
            target_inferred: false,
        });
    }
    NewArticle::new(&raw, doc)
}

fn with_quote(mut a: NewArticle, quoted: &str, speaker: &str, code: &str) -> NewArticle {
    let at = a.doc.text.find(quoted).expect("quote in text");
    a.doc.entities.push(Entity {
        id: 0,
        name: speaker.into(),
        code: Some(code.into()),
        kind: EntityKind::Person,
        roles: vec!["spokeswoman".into()],
        gender: None,
        country: None,
    });
    a.doc.mentions.push(Mention {
        entity: 0,
        span: Span::new(0, 5),
        sentence: 0,
        kind: MentionKind::Name,
    });
    a.doc.quotes.push(Quote {
        span: Span::new(at, at + quoted.len()),
        kind: QuoteKind::Direct,
        speaker: Speaker {
            name: Some(speaker.into()),
            code: Some(code.into()),
            entity: Some(0),
        },
        cue: None,
        sentences: vec![0],
    });
    a
}

fn with_channel(
    mut a: NewArticle,
    holder: &str,
    host: &str,
    change: ChannelChangeKind,
    date: &str,
) -> NewArticle {
    a.doc.channels.push(ChannelChange {
        holder: Some(holder.into()),
        host: Some(host.into()),
        name: format!("{holder} embassy in {host}"),
        kind: "embassy".into(),
        change,
        date: Some(date.into()),
        sentence: 0,
        location: None,
        hosted_at: None,
        established: None,
        status: attache::doc::EventStatus::Asserted,
    });
    a
}

fn corpus() -> Vec<NewArticle> {
    vec![
        with_quote(
            article(
                "a.txt",
                "Harbour Gazette",
                "2024-03-04",
                "Ruritania expelled two Bordurian diplomats, the ministry said. \"We will not tolerate interference,\" said Mira Holt.",
                &[("RUR", "BOR", "1663", "expelled", Some("2024-03-03"))],
            ),
            "We will not tolerate interference",
            "Mira Holt",
            "RURGOV",
        ),
        article(
            "b.txt",
            "Example Wire",
            "2024-03-05",
            "Bordurian diplomats were expelled by Ruritania on Sunday.",
            &[("RUR", "BOR", "1663", "expelled", Some("2024-03-03"))],
        ),
        with_channel(
            article(
                "c.txt",
                "Example Wire",
                "2024-04-20",
                "Ruritania closed its embassy in Borduria and praised Genovia.",
                &[
                    ("RUR", "BOR", "161", "closed", None),
                    ("RUR", "GEN", "051", "praised", None),
                ],
            ),
            "RUR",
            "BOR",
            ChannelChangeKind::Closed,
            "2024-04-19",
        ),
        with_channel(
            article(
                "d.txt",
                "Harbour Gazette",
                "2024-06-01",
                "Borduria reopened talks with Ruritania, which reopened its embassy.",
                &[("BORGOV", "RUR", "036", "reopened", None)],
            ),
            "RUR",
            "BOR",
            ChannelChangeKind::Reopened,
            "2024-05-30",
        ),
    ]
}

fn fill(url: &str) -> Box<dyn Store> {
    let mut s = open(url).unwrap();
    let out = s.insert_batch(&corpus()).unwrap();
    assert_eq!(
        out,
        BatchOutcome {
            inserted: 4,
            skipped: 0
        }
    );
    s
}

fn d(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
}

fn stores_every_layer_once(url: &str) {
    let mut s = fill(url);
    let c = s.counts().unwrap();
    assert_eq!(
        (
            c.articles,
            c.sentences,
            c.quotes,
            c.event_mentions,
            c.channels,
            c.entities,
            c.mentions
        ),
        (4, 4, 1, 5, 2, 1, 1)
    );
    // Same content again: nothing changes, even from another file name.
    let again = s.insert_batch(&corpus()).unwrap();
    assert_eq!(
        again,
        BatchOutcome {
            inserted: 0,
            skipped: 4
        }
    );
    assert_eq!(s.counts().unwrap(), c);
    // Reopening applies no migration twice and keeps everything.
    drop(s);
    let mut s = open(url).unwrap();
    assert_eq!(s.counts().unwrap(), c);
    let hashes: Vec<String> = corpus()
        .iter()
        .map(|a| a.hash.clone())
        .chain(["nope".to_string()])
        .collect();
    assert_eq!(s.known_hashes(&hashes).unwrap().len(), 4);

    let list = s.search_articles(None, Page::all()).unwrap();
    assert_eq!(list.len(), 4);
    assert_eq!(list[0].origin, "d.txt", "newest first");
    let a = list.iter().find(|a| a.origin == "a.txt").unwrap();
    let view = s.article(a.id).unwrap().unwrap();
    assert!(view.text.starts_with("Ruritania expelled"));
    assert_eq!(view.quotes[0].speaker_code.as_deref(), Some("RURGOV"));
    assert_eq!(view.events[0].trigger, "expelled");
    let t = &view.events[0];
    assert_eq!(
        &view.text[t.trigger_start as usize..t.trigger_end as usize],
        "expelled"
    );
    assert_eq!(view.entities[0].roles, vec!["spokeswoman".to_string()]);
    assert!(s.article(-5).unwrap().is_none());
}

fn merges_events_across_articles(url: &str) {
    let mut s = fill(url);
    // a and b report one expulsion (same dyad, root, day): one event, two sources.
    let ev = s
        .events(
            &EventFilter {
                code: Some("16".into()),
                ..Default::default()
            },
            Page::all(),
        )
        .unwrap();
    let expel: Vec<_> = ev.iter().filter(|e| e.cameo == "1663").collect();
    assert_eq!(expel.len(), 1, "{ev:?}");
    let e = expel[0];
    assert_eq!((e.num_mentions, e.num_articles, e.num_sources), (2, 2, 2));
    assert_eq!(e.date.as_deref(), Some("2024-03-03"));
    // c's closure (root 16, same dyad) is six weeks later: its own event.
    assert_eq!(ev.len(), 2);
    let (row, mentions) = s.event(e.id).unwrap().unwrap();
    assert_eq!(&row, e);
    assert_eq!(mentions.len(), 2);
    assert_eq!(s.counts().unwrap().events, 4);

    // A third article, inserted later, joins the event; ids stay put.
    let late = article(
        "e.txt",
        "Third Post",
        "2024-03-06",
        "Ruritania's expulsion of the diplomats drew protests.",
        &[("RUR", "BOR", "1663", "expulsion", None)],
    );
    s.insert_batch(&[late]).unwrap();
    let (row, mentions) = s.event(e.id).unwrap().unwrap();
    assert_eq!(
        (row.num_mentions, row.num_sources, mentions.len()),
        (3, 3, 3)
    );
    assert_eq!(row.last_date.as_deref(), Some("2024-03-06"));
}

fn filters_events(url: &str) {
    let mut s = fill(url);
    let q = |s: &mut Box<dyn Store>, f: EventFilter| -> Vec<String> {
        s.events(&f, Page::all())
            .unwrap()
            .into_iter()
            .map(|e| e.cameo)
            .collect()
    };
    let dyad = |a: &str, b: &str| Some((a.to_string(), b.to_string()));
    #[rustfmt::skip]
    let cases: Vec<(EventFilter, Vec<&str>)> = vec![
        (EventFilter::default(), vec!["1663", "161", "051", "036"]),
        (EventFilter { actor: Some("gen".into()), ..Default::default() }, vec!["051"]),
        (EventFilter { actor: Some("BOR".into()), ..Default::default() }, vec!["1663", "161", "036"]),
        (EventFilter { dyad: dyad("BOR", "RUR"), ..Default::default() }, vec!["1663", "161", "036"]),
        (EventFilter { dyad: dyad("RUR", "GEN"), ..Default::default() }, vec!["051"]),
        (EventFilter { code: Some("0".into()), ..Default::default() }, vec!["051", "036"]),
        (EventFilter { from: d("2024-04-01"), to: d("2024-04-30"), ..Default::default() }, vec!["161", "051"]),
        (EventFilter { to: d("2024-03-31"), ..Default::default() }, vec!["1663"]),
        (EventFilter { actor: Some("%".into()), ..Default::default() }, vec![]),
    ];
    for (f, want) in cases {
        assert_eq!(q(&mut s, f.clone()), want, "{f:?}");
    }
    let m = s
        .event_mentions(
            &EventFilter {
                actor: Some("BORGOV".into()),
                ..Default::default()
            },
            Page::all(),
        )
        .unwrap();
    assert_eq!(m.len(), 1);
    assert_eq!(m[0].trigger, "reopened");
    assert_eq!(
        m[0].day.as_deref(),
        Some("2024-06-01"),
        "undated: the publication day"
    );
    // Pagination.
    let p1 = s
        .events(
            &EventFilter::default(),
            Page {
                offset: 0,
                limit: 2,
            },
        )
        .unwrap();
    let p2 = s
        .events(
            &EventFilter::default(),
            Page {
                offset: 2,
                limit: 2,
            },
        )
        .unwrap();
    assert_eq!((p1.len(), p2.len()), (2, 2));
    assert_ne!(p1[0].id, p2[0].id);
}

fn keeps_inferred_targets(url: &str) {
    let mut s = open(url).unwrap();
    let mut a = article(
        "e.txt",
        "Example Wire",
        "2024-07-01",
        "Ruritania recalled its envoy. Genovia praised the move.",
        &[
            ("RUR", "BOR", "161", "recalled", None),
            ("GEN", "RUR", "051", "praised", None),
        ],
    );
    a.doc.events[0].target_inferred = true;
    s.insert_batch(&[a]).unwrap();
    let mut m = s
        .event_mentions(&EventFilter::default(), Page::all())
        .unwrap();
    m.sort_by_key(|m| m.index);
    let got: Vec<(&str, bool)> = m
        .iter()
        .map(|m| (m.cameo.as_str(), m.target_inferred))
        .collect();
    assert_eq!(got, [("161", true), ("051", false)]);
    // the flag is a column of the mentions export
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("mentions.csv");
    export::export(s.as_mut(), Table::Mentions, Format::Csv, &path).unwrap();
    let csv = std::fs::read_to_string(&path).unwrap();
    let mut lines = csv.lines();
    assert!(
        lines.next().unwrap_or("").ends_with(",target_inferred"),
        "{csv}"
    );
    let flags: Vec<&str> = lines.filter_map(|l| l.rsplit(',').next()).collect();
    assert_eq!(flags.iter().filter(|f| **f == "1").count(), 1, "{csv}");
}

fn searches_articles_and_quotes(url: &str) {
    let mut s = fill(url);
    let titles = |s: &mut Box<dyn Store>, q: &str| -> Vec<String> {
        let mut v: Vec<String> = s
            .search_articles(Some(q), Page::all())
            .unwrap()
            .into_iter()
            .map(|a| a.origin)
            .collect();
        v.sort();
        v
    };
    assert_eq!(titles(&mut s, "embassy"), vec!["c.txt", "d.txt"]);
    assert_eq!(
        titles(&mut s, "Bordurian diplomats"),
        vec!["a.txt", "b.txt"]
    );
    assert_eq!(titles(&mut s, "EXPELLED sunday"), vec!["b.txt"]);
    assert_eq!(
        titles(&mut s, "\"unbalanced (quote OR"),
        Vec::<String>::new()
    );
    assert_eq!(
        titles(&mut s, "headline").len(),
        4,
        "headlines are searched too"
    );

    let qf = |s: &mut Box<dyn Store>, f: QuoteFilter| s.quotes(&f, Page::all()).unwrap().len();
    assert_eq!(qf(&mut s, QuoteFilter::default()), 1);
    assert_eq!(
        qf(
            &mut s,
            QuoteFilter {
                actor: Some("RUR".into()),
                ..Default::default()
            }
        ),
        1
    );
    assert_eq!(
        qf(
            &mut s,
            QuoteFilter {
                actor: Some("BOR".into()),
                ..Default::default()
            }
        ),
        0
    );
    assert_eq!(
        qf(
            &mut s,
            QuoteFilter {
                speaker: Some("holt".into()),
                ..Default::default()
            }
        ),
        1
    );
    assert_eq!(
        qf(
            &mut s,
            QuoteFilter {
                text: Some("tolerate".into()),
                ..Default::default()
            }
        ),
        1
    );
    assert_eq!(
        qf(
            &mut s,
            QuoteFilter {
                text: Some("embassy".into()),
                ..Default::default()
            }
        ),
        0
    );
    assert_eq!(
        qf(
            &mut s,
            QuoteFilter {
                from: d("2024-03-05"),
                ..Default::default()
            }
        ),
        0
    );
}

fn channels_and_state(url: &str) {
    let mut s = fill(url);
    let dyad = Some(("BOR".to_string(), "RUR".to_string()));
    let all = s
        .channels(
            &ChannelFilter {
                dyad: dyad.clone(),
                ..Default::default()
            },
            Page::all(),
        )
        .unwrap();
    assert_eq!(
        all.iter().map(|c| c.change.as_str()).collect::<Vec<_>>(),
        vec!["closed", "reopened"]
    );
    for (as_of, want) in [
        (d("2024-05-01"), vec!["closed"]),
        (d("2024-06-30"), vec!["reopened"]),
        (d("2024-01-01"), vec![]),
        (None, vec!["reopened"]),
    ] {
        let state = channel_state_at(&all, as_of);
        assert_eq!(
            state.iter().map(|c| c.change.as_str()).collect::<Vec<_>>(),
            want,
            "{as_of:?}"
        );
    }
    let none = s
        .channels(
            &ChannelFilter {
                actor: Some("GEN".into()),
                ..Default::default()
            },
            Page::all(),
        )
        .unwrap();
    assert!(none.is_empty());
}

fn timeline_by_month_and_root(url: &str) {
    let mut s = fill(url);
    let t = s
        .timeline(&EventFilter {
            dyad: Some(("RUR".into(), "BOR".into())),
            ..Default::default()
        })
        .unwrap();
    let got: Vec<(String, String, i64, i64)> = t
        .into_iter()
        .map(|r| (r.period, r.root, r.events, r.mentions))
        .collect();
    assert_eq!(
        got,
        vec![
            ("2024-03".into(), "16".into(), 1, 2),
            ("2024-04".into(), "16".into(), 1, 1),
            ("2024-06".into(), "03".into(), 1, 1),
        ]
    );
}

fn reprocess_replaces_analysis(url: &str) {
    let mut s = fill(url);
    assert!(s
        .stale_articles(attache::ENGINE_VERSION, 100)
        .unwrap()
        .is_empty());
    let stale = s.stale_articles("0.0.0-other", 100).unwrap();
    assert_eq!(stale.len(), 4);
    let raw = raw_from_stored(&stale[0]);
    assert_eq!(raw.origin, "a.txt");
    // New analysis of a.txt: the expulsion now coded as 1661, no quote.
    let redo = article(
        "a.txt",
        "Harbour Gazette",
        "2024-03-04",
        &raw.content,
        &[("RUR", "BOR", "1661", "expelled", Some("2024-03-03"))],
    );
    s.replace_analysis(&[(stale[0].id, redo.doc)], "9.9.9")
        .unwrap();
    assert_eq!(s.stale_articles("9.9.9", 100).unwrap().len(), 3);
    let c = s.counts().unwrap();
    assert_eq!((c.articles, c.quotes, c.event_mentions), (4, 0, 5));
    let ev = s
        .events(
            &EventFilter {
                to: d("2024-03-31"),
                ..Default::default()
            },
            Page::all(),
        )
        .unwrap();
    assert_eq!(ev.len(), 1);
    assert_eq!(ev[0].num_mentions, 2);
    assert!(s
        .quotes(
            &QuoteFilter {
                text: Some("tolerate".into()),
                ..Default::default()
            },
            Page::all()
        )
        .unwrap()
        .is_empty());
}

fn exports_round_trip(url: &str) {
    use parquet::basic::Type as Physical;
    use parquet::file::reader::{FileReader, SerializedFileReader};
    let mut s = fill(url);
    let dir = tempfile::tempdir().unwrap();
    for (table, rows) in [
        (Table::Events, 4),
        (Table::Mentions, 5),
        (Table::Quotes, 1),
        (Table::Channels, 2),
    ] {
        let pq = dir.path().join("t.parquet");
        assert_eq!(
            export::export(s.as_mut(), table, Format::Parquet, &pq).unwrap(),
            rows
        );
        let reader = SerializedFileReader::new(std::fs::File::open(&pq).unwrap()).unwrap();
        let meta = reader.metadata().file_metadata();
        assert_eq!(meta.num_rows(), rows as i64, "{table:?}");
        let fields = meta.schema_descr();
        let cols = export::columns(table);
        assert_eq!(fields.num_columns(), cols.len());
        for (i, (name, kind)) in cols.iter().enumerate() {
            let c = fields.column(i);
            assert_eq!(c.name(), *name);
            let want = match kind {
                export::Kind::Int => Physical::INT64,
                export::Kind::Real => Physical::DOUBLE,
                export::Kind::Text => Physical::BYTE_ARRAY,
            };
            assert_eq!(c.physical_type(), want, "{name}");
        }
        // Every row reads back.
        assert_eq!(reader.get_row_iter(None).unwrap().count(), rows as usize);

        let csv = dir.path().join("t.csv");
        export::export(s.as_mut(), table, Format::Csv, &csv).unwrap();
        let mut r = csv::Reader::from_path(&csv).unwrap();
        assert_eq!(r.headers().unwrap().len(), cols.len());
        assert_eq!(r.records().count(), rows as usize);

        let jl = dir.path().join("t.jsonl");
        export::export(s.as_mut(), table, Format::Jsonl, &jl).unwrap();
        let text = std::fs::read_to_string(&jl).unwrap();
        assert_eq!(text.lines().count(), rows as usize);
        for line in text.lines() {
            let v: serde_json::Value = serde_json::from_str(line).unwrap();
            assert!(v.is_object());
        }
    }
    // GDELT columns of the merged expulsion.
    let csv = dir.path().join("e.csv");
    export::export(s.as_mut(), Table::Events, Format::Csv, &csv).unwrap();
    let mut r = csv::Reader::from_path(&csv).unwrap();
    let h = r.headers().unwrap().clone();
    let first = r.records().next().unwrap().unwrap();
    let get = |k: &str| {
        first
            .get(h.iter().position(|x| x == k).unwrap())
            .unwrap()
            .to_string()
    };
    assert_eq!(get("SQLDATE"), "20240303");
    assert_eq!(get("MonthYear"), "202403");
    assert_eq!(get("Actor1Code"), "RUR");
    assert_eq!(get("EventRootCode"), "16");
    assert_eq!(get("EventBaseCode"), "166");
    assert_eq!(get("NumMentions"), "2");
    assert_eq!(get("NumSources"), "2");
}
