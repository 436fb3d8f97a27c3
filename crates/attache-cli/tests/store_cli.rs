//! `attache ingest`, `query` and `export` through the real binary, each test
//! in its own temporary folder.

use attache_store::{EventFilter, Page};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

fn attache(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_attache"))
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::null())
        .output()
        .expect("attache runs")
}

fn examples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples")
}

/// Short made-up news items, each different.
fn write_corpus(dir: &Path, n: usize) {
    std::fs::create_dir_all(dir.join("nested")).unwrap();
    let states = [
        "Ruritania",
        "Borduria",
        "Genovia",
        "Syldavia",
        "Freedonia",
        "Latveria",
    ];
    for i in 0..n {
        let a = states[i % states.len()];
        let b = states[(i / states.len() + 1 + i) % states.len()];
        let text = format!(
            "Example Wire\n\n{a} recalls envoy, item {i}\n\n{a} recalled its ambassador from {b} on Monday, \
             the foreign ministry said in statement number {i}. \"We regret this step,\" a spokesman said. \
             Talks between {a} and {b} are expected to resume in {} weeks.\n",
            i % 7 + 2
        );
        let sub = if i % 3 == 0 { "nested" } else { "" };
        std::fs::write(dir.join(sub).join(format!("item{i:04}.txt")), text).unwrap();
    }
}

/// Everything a store holds, independent of row ids and insertion order.
fn snapshot(db: &str) -> (attache_store::Counts, Vec<String>) {
    let mut s = attache_store::open(db).unwrap();
    let counts = s.counts().unwrap();
    let mut rows: Vec<String> = s
        .search_articles(None, Page::all())
        .unwrap()
        .into_iter()
        .map(|a| {
            let v = s.article(a.id).unwrap().unwrap();
            let mut v = serde_json::to_value(&v).unwrap();
            // Ids and ingest order differ between stores; content must not.
            v["article"]["id"] = serde_json::Value::Null;
            for list in ["quotes", "events", "channels"] {
                if let Some(items) = v[list].as_array_mut() {
                    for it in items {
                        it["id"] = serde_json::Value::Null;
                        it["article_id"] = serde_json::Value::Null;
                    }
                }
            }
            v.to_string()
        })
        .collect();
    let events = s.events(&EventFilter::default(), Page::all()).unwrap();
    rows.extend(
        events
            .into_iter()
            .map(|e| serde_json::to_string(&e).unwrap()),
    );
    rows.sort();
    (counts, rows)
}

fn count(db: &str) -> u64 {
    attache_store::open(db)
        .map(|mut s| s.counts().map(|c| c.articles).unwrap_or(0))
        .unwrap_or(0)
}

#[test]
fn ingest_twice_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let ex = examples();
    let first = attache(dir.path(), &["ingest", ex.to_str().unwrap()]);
    assert!(
        first.status.success(),
        "{}",
        String::from_utf8_lossy(&first.stderr)
    );
    let out = String::from_utf8_lossy(&first.stdout);
    assert!(out.contains("into sqlite:attache.db"), "{out}");
    assert!(out.contains("attache serve"), "says where to look: {out}");
    assert!(
        first.stderr.is_empty(),
        "no progress bar in a pipe: {}",
        String::from_utf8_lossy(&first.stderr)
    );
    let db = format!("sqlite:{}", dir.path().join("attache.db").display());
    let before = snapshot(&db);
    assert!(before.0.articles >= 2);
    let second = attache(dir.path(), &["ingest", ex.to_str().unwrap()]);
    assert!(second.status.success());
    assert!(String::from_utf8_lossy(&second.stdout).contains("ingested 0 new article(s)"));
    assert_eq!(snapshot(&db), before);
}

#[test]
fn killed_ingest_resumes_to_the_same_store() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    write_corpus(&corpus, 600);
    let c = corpus.to_str().unwrap();
    let whole = format!("sqlite:{}", dir.path().join("whole.db").display());
    let out = attache(dir.path(), &["ingest", c, "--db", &whole, "--batch", "3"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let want = snapshot(&whole);
    assert_eq!(want.0.articles, 600);

    let cut = format!("sqlite:{}", dir.path().join("cut.db").display());
    let mut killed_midway = false;
    // Kill at different points; each time the next run must finish the job.
    for kill_after in [1u64, 60, 300] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_attache"))
            .args(["ingest", c, "--db", &cut, "--batch", "3"])
            .current_dir(dir.path())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let start = Instant::now();
        let base = count(&cut);
        loop {
            if child.try_wait().unwrap().is_some() {
                break;
            }
            if count(&cut) >= base + kill_after || start.elapsed() > Duration::from_secs(60) {
                child.kill().unwrap();
                break;
            }
            std::thread::sleep(Duration::from_millis(2));
        }
        child.wait().unwrap();
        let n = count(&cut);
        if n < 600 {
            killed_midway = true;
        }
    }
    assert!(
        killed_midway,
        "the ingest was never interrupted: make the corpus bigger"
    );
    let rerun = attache(dir.path(), &["ingest", c, "--db", &cut, "--batch", "3"]);
    assert!(
        rerun.status.success(),
        "{}",
        String::from_utf8_lossy(&rerun.stderr)
    );
    assert_eq!(snapshot(&cut), want);
}

#[test]
fn bad_articles_are_reported_and_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("in");
    write_corpus(&corpus, 3);
    std::fs::write(corpus.join("empty.txt"), "  \n").unwrap();
    std::fs::write(corpus.join("binary.txt"), [0xff, 0xfe, 0x00, 0x41]).unwrap();
    // A gzip'd article and a corrupt gzip file.
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    std::io::Write::write_all(
        &mut gz,
        b"Genovia opened an embassy in Syldavia on Tuesday, officials said.",
    )
    .unwrap();
    std::fs::write(corpus.join("zipped.txt.gz"), gz.finish().unwrap()).unwrap();
    std::fs::write(corpus.join("broken.jsonl.gz"), b"not gzip at all").unwrap();
    // A feed with a bad line between two good ones, plain and gzip'd.
    let feed = "{\"id\": \"f1\", \"outlet\": \"Example Wire\", \"published\": \"2024-02-01\", \"text\": \"Latveria closed its consulate in Genovia on Monday.\"}\n\
                {\"id\": \"f2\", \"text\": \n\
                {\"id\": \"f3\", \"text\": \"Freedonia praised Syldavia for its mediation on Friday.\"}\n";
    std::fs::write(corpus.join("feed.jsonl"), feed).unwrap();
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    std::io::Write::write_all(
        &mut gz,
        feed.replace("Monday", "Sunday")
            .replace("Friday", "Saturday")
            .as_bytes(),
    )
    .unwrap();
    std::fs::write(corpus.join("feed2.jsonl.gz"), gz.finish().unwrap()).unwrap();
    let out = attache(
        dir.path(),
        &["ingest", corpus.to_str().unwrap(), "missing-folder"],
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    for name in [
        "empty.txt",
        "broken.jsonl.gz",
        "missing-folder",
        "feed.jsonl:2",
        "feed2.jsonl.gz:2",
    ] {
        assert!(err.contains(name), "{name} reported: {err}");
    }
    let db = format!("sqlite:{}", dir.path().join("attache.db").display());
    let mut s = attache_store::open(&db).unwrap();
    let found = s
        .search_articles(Some("Syldavia opened"), Page::all())
        .unwrap();
    assert_eq!(found.len(), 1, "the gzip'd article is in");
    let feed = s.search_articles(Some("mediation"), Page::all()).unwrap();
    assert_eq!(feed.len(), 2, "good feed lines are in, plain and gzip'd");
    assert!(feed.iter().all(|a| a.ext_id.as_deref() == Some("f3")));
    let dated = s
        .search_articles(Some("Latveria consulate Monday"), Page::all())
        .unwrap();
    assert_eq!(dated[0].published.as_deref(), Some("2024-02-01"));
    assert_eq!(dated[0].outlet.as_deref(), Some("Example Wire"));
    assert!(s.counts().unwrap().articles >= 4, "the good ones are in");
}

#[test]
fn query_and_export_formats() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("in");
    write_corpus(&corpus, 5);
    assert!(attache(dir.path(), &["ingest", corpus.to_str().unwrap()])
        .status
        .success());
    // Articles as text, JSON Lines and CSV.
    let text = attache(dir.path(), &["query", "articles", "--text", "ambassador"]);
    assert!(text.status.success());
    let t = String::from_utf8_lossy(&text.stdout);
    assert!(t.lines().next().unwrap().starts_with("id"), "{t}");
    assert_eq!(t.lines().count(), 2 + 5);
    let json = attache(
        dir.path(),
        &["query", "articles", "--format", "json", "--limit", "3"],
    );
    let lines: Vec<serde_json::Value> = String::from_utf8_lossy(&json.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 3);
    assert!(lines[0]["hash"].as_str().unwrap().len() == 64);
    let csv = attache(dir.path(), &["query", "articles", "--format", "csv"]);
    assert_eq!(String::from_utf8_lossy(&csv.stdout).lines().count(), 1 + 5);
    for what in ["events", "mentions", "quotes", "channels", "timeline"] {
        let o = attache(
            dir.path(),
            &["query", what, "--dyad", "RUR,BOR", "--from", "2020-01-01"],
        );
        assert!(
            o.status.success(),
            "{what}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
    }
    // Usage errors exit 2.
    assert_eq!(
        attache(dir.path(), &["query", "events", "--dyad", "RUR"])
            .status
            .code(),
        Some(2)
    );
    assert_eq!(
        attache(dir.path(), &["query", "events", "--from", "yesterday"])
            .status
            .code(),
        Some(2)
    );
    // Exports.
    for (fmt, flag) in [
        ("jsonl", None),
        ("csv", Some("--quotes")),
        ("parquet", Some("--channels")),
        ("parquet", None),
    ] {
        let out = dir.path().join(format!("out.{fmt}"));
        let mut args = vec!["export", "--format", fmt, "--output", out.to_str().unwrap()];
        args.extend(flag);
        let o = attache(dir.path(), &args);
        assert!(
            o.status.success(),
            "{fmt}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
        assert!(out.exists());
    }
    let header = std::fs::read_to_string(dir.path().join("out.csv")).unwrap();
    assert!(header.starts_with("id,article_id,index,date,kind,speaker_name"));
    let pq = std::fs::read(dir.path().join("out.parquet")).unwrap();
    assert_eq!(&pq[..4], b"PAR1");
    // A bad store URL is an error, not a panic.
    let o = attache(dir.path(), &["query", "events", "--db", "mysql://x"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("unsupported database url"));
}

#[test]
fn reprocess_reanalyses_articles_of_another_engine_version() {
    let dir = tempfile::tempdir().unwrap();
    let ex = examples();
    assert!(attache(dir.path(), &["ingest", ex.to_str().unwrap()])
        .status
        .success());
    let db = format!("sqlite:{}", dir.path().join("attache.db").display());
    let want = snapshot(&db);
    {
        // Pretend an older engine analysed two articles (and got them wrong).
        let mut s = attache_store::open(&db).unwrap();
        let all = s.stale_articles("no-such-version", 2).unwrap();
        let stale: Vec<(i64, attache::Doc)> = all
            .iter()
            .map(|a| {
                let doc = attache::Doc {
                    text: "stale analysis".into(),
                    ..Default::default()
                };
                (a.id, doc)
            })
            .collect();
        s.replace_analysis(&stale, "0.0.0-old").unwrap();
    }
    assert_ne!(snapshot(&db), want);
    let plain = attache(dir.path(), &["ingest", ex.to_str().unwrap()]);
    assert!(
        String::from_utf8_lossy(&plain.stdout).contains("--reprocess"),
        "suggests --reprocess"
    );
    let out = attache(dir.path(), &["ingest", "--reprocess"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("2 re-analysed"));
    assert_eq!(snapshot(&db), want);
}

#[test]
fn postgres_store_holds_the_same_as_sqlite() {
    let Ok(admin) = std::env::var("ATTACHE_TEST_POSTGRES") else {
        eprintln!("ATTACHE_TEST_POSTGRES is not set: skipping the PostgreSQL ingest test");
        return;
    };
    let name = format!("attache_cli_{}", std::process::id());
    let mut c = postgres::Client::connect(&admin, postgres::NoTls).unwrap();
    c.batch_execute(&format!("DROP DATABASE IF EXISTS {name}"))
        .unwrap();
    c.batch_execute(&format!("CREATE DATABASE {name}")).unwrap();
    let base = admin.rsplit_once('/').map(|(b, _)| b).unwrap_or(&admin);
    let pg = format!("{base}/{name}");

    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("in");
    write_corpus(&corpus, 40);
    let ex = examples();
    let paths = [corpus.to_str().unwrap(), ex.to_str().unwrap()];
    let lite = format!("sqlite:{}", dir.path().join("a.db").display());
    for db in [&lite, &pg] {
        let o = attache(
            dir.path(),
            &["ingest", paths[0], paths[1], "--db", db, "--batch", "7"],
        );
        assert!(
            o.status.success(),
            "{db}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
    }
    let (a, b) = (snapshot(&lite), snapshot(&pg));
    assert_eq!(a.0, b.0);
    assert_eq!(a.1, b.1);
    drop(c.batch_execute(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)")));
}
