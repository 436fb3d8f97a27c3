//! Snapshot of cleaning + segmentation of the project's own example article:
//! metadata, sections and numbered sentences per paragraph. Refresh with
//! `UPDATE_SNAPSHOTS=1 cargo test -p attache --test snapshot_segmentation`.

use attache::clean::clean;
use attache::input::RawArticle;
use attache::segment::segment;
use std::fmt::Write;
use std::path::PathBuf;

fn render(name: &str, text: String) -> String {
    let mut doc = clean(RawArticle::plain(name, text));
    segment(&mut doc);
    let m = &doc.meta;
    let mut out = String::new();
    let _ = writeln!(out, "outlet: {:?}", m.outlet);
    let _ = writeln!(out, "headline: {:?}", m.headline);
    let _ = writeln!(out, "byline: {:?}", m.byline);
    let _ = writeln!(out, "authors: {:?}", m.authors);
    let _ = writeln!(out, "place: {:?}", m.place);
    let _ = writeln!(out, "email: {:?}", m.email);
    for (i, s) in doc.sentences.iter().enumerate() {
        if let Some(sec) = doc
            .sections
            .iter()
            .find(|x| x.first_paragraph == s.paragraph)
        {
            if doc.sentences[..i]
                .iter()
                .all(|p| p.paragraph != s.paragraph)
            {
                let _ = writeln!(out, "== {}", doc.slice(sec.heading));
            }
        }
        let toks = doc.sentence_tokens(i).len();
        let _ = writeln!(
            out,
            "p{} s{} [{}..{}] {toks} tokens: {}",
            s.paragraph,
            i,
            s.span.start,
            s.span.end,
            doc.slice(s.span)
        );
    }
    for d in &doc.diagnostics {
        let _ = writeln!(out, "{:?}: {}", d.severity, d.message);
    }
    out
}

#[test]
fn example_article_snapshot() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let Ok(text) = std::fs::read_to_string(root.join("examples/ruritania_embassy.txt")) else {
        eprintln!("skipped: examples/ruritania_embassy.txt is absent");
        return;
    };
    let got = render("ruritania_embassy.txt", text);
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots/ruritania_embassy.txt");
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(&path, &got).expect("write snapshot");
        return;
    }
    let want = std::fs::read_to_string(&path).unwrap_or_default();
    assert_eq!(
        got, want,
        "snapshot differs; refresh with UPDATE_SNAPSHOTS=1 if the change is right"
    );
}
