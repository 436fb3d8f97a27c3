//! Cleaning and segmentation of the shared articles (read from `shared/` at
//! test time; skipped with a message when it is absent).

use attache::clean::clean;
use attache::input::RawArticle;
use attache::segment::segment;
use attache::Doc;
use std::path::PathBuf;

/// The shared folder: `$ATTACHE_SHARED`, or `shared` beside the checkout
/// (`../shared` from the repository, or one level further up from a worktree).
fn shared() -> Option<PathBuf> {
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    std::env::var_os("ATTACHE_SHARED")
        .map(PathBuf::from)
        .into_iter()
        .chain([
            manifest.join("../../../shared"),
            manifest.join("../../../../shared"),
        ])
        .find(|p| p.join("articles").is_dir() || p.join("gold").is_dir())
}

fn read_shared(rel: &str) -> Option<String> {
    let Some(dir) = shared() else {
        eprintln!("skipped: the shared folder is absent");
        return None;
    };
    match std::fs::read_to_string(dir.join(rel)) {
        Ok(s) => Some(s),
        Err(e) => {
            eprintln!("skipped: {rel}: {e}");
            None
        }
    }
}

fn analyse(raw: RawArticle) -> Doc {
    let mut doc = clean(raw);
    segment(&mut doc);
    doc
}

fn sentences(doc: &Doc) -> Vec<&str> {
    (0..doc.sentences.len())
        .map(|i| doc.sentence_text(i))
        .collect()
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[test]
fn seed_wrapped_in_a_web_page_gives_the_same_body() {
    let Some(seed) = read_shared("articles/00_seed_chinadaily_russia_nato.txt") else {
        return;
    };
    let plain = analyse(RawArticle::plain("seed.txt", seed.clone()));
    // The file's blank-line separated blocks: outlet, headline, byline, then
    // the body paragraphs, headings and trailing aggregator lines.
    let blocks: Vec<&str> = seed
        .split("\n\n")
        .map(str::trim)
        .filter(|b| !b.is_empty())
        .collect();
    assert!(blocks.len() > 4);
    let body: String = blocks[3..]
        .iter()
        .map(|b| format!("<p>{}</p>\n", escape(b)))
        .collect();
    let page = format!(
        r##"<!DOCTYPE html>
<html><head><title>{headline} - {outlet}</title>
<meta property="og:site_name" content="{outlet}">
<script>window.dataLayer = ["This script text must not appear."];</script>
<style>.x {{ display: none }}</style></head>
<body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/china">China</a></nav>
<div id="cookie-consent"><p>We use cookies to give you the best experience. By continuing you agree.</p><button>Accept</button></div>
<div class="page">
<article>
<h1>{headline}</h1>
<p class="byline">{byline}</p>
{body}</article>
<div class="related"><p>Another story that is not part of this article at all, with quite a lot of words.</p></div>
</div>
<footer><p>Copyright notice and links.</p><p>Contact us at the newsroom for corrections and complaints.</p></footer>
</body></html>"##,
        outlet = escape(blocks[0]),
        headline = escape(blocks[1]),
        byline = escape(blocks[2]),
    );
    let html = analyse(RawArticle::html("seed.html", page));
    assert_eq!(html.text, plain.text);
    assert_eq!(sentences(&html), sentences(&plain));
    assert_eq!(html.sections, plain.sections);
    assert_eq!(html.paragraphs, plain.paragraphs);
    assert_eq!(html.meta.outlet, plain.meta.outlet);
    assert_eq!(html.meta.headline, plain.meta.headline);
    assert_eq!(html.meta.authors, plain.meta.authors);
    assert_eq!(html.meta.place, plain.meta.place);
    assert_eq!(html.meta.email, plain.meta.email);
}

#[test]
fn gold_01_section_line_headline_and_sentences() {
    let Some(text) = read_shared("gold/articles/01_us_cuba_embassies.txt") else {
        return;
    };
    let doc = analyse(RawArticle::plain("01.txt", text.clone()));
    let first_line = text.lines().next().unwrap_or_default();
    // The section/date line is metadata, not text; the headline is both
    // metadata and the first paragraph (a sentence like any other).
    assert!(!doc.text.contains(first_line));
    assert!(doc
        .meta
        .headline
        .as_deref()
        .is_some_and(|h| text.lines().nth(1) == Some(h)));
    assert_eq!(doc.meta.outlet, None);
    assert_eq!(doc.meta.sections.len(), 2);
    assert!(doc.meta.published.is_some());
    let s = sentences(&doc);
    assert!(doc.paragraphs[0].headline);
    assert_eq!(Some(s[0]), doc.meta.headline.as_deref());
    let paragraphs: Vec<&str> = text
        .split("\n\n")
        .skip(1)
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    // Every paragraph of this article is exactly one sentence.
    assert_eq!(s[1..], paragraphs);
    assert!(s
        .iter()
        .any(|x| x.contains("U.S. officials said on Tuesday")));
    assert!(s.iter().any(|x| x.contains("at 11 a.m on Wednesday.")));
    assert!(s
        .iter()
        .any(|x| x.starts_with('\'') && x.ends_with("official said.")));
}

#[test]
fn gold_07_has_no_header_and_keeps_its_first_line() {
    let Some(text) = read_shared("gold/articles/07_russia_expels_czech_diplomats.txt") else {
        return;
    };
    let doc = analyse(RawArticle::plain("07.txt", text.clone()));
    assert_eq!(
        (&doc.meta.outlet, &doc.meta.headline, &doc.meta.byline),
        (&None, &None, &None)
    );
    let first_line = text.lines().next().unwrap_or_default().trim();
    assert!(doc.text.starts_with(first_line));
    assert_eq!(doc.sentence_text(0), first_line);
    assert_eq!(
        doc.paragraphs.len(),
        text.split("\n\n").filter(|p| !p.trim().is_empty()).count()
    );
    // Sentences: one per paragraph except two paragraphs of two sentences each.
    assert_eq!(doc.sentences.len(), doc.paragraphs.len() + 2);
    for (i, s) in doc.sentences.iter().enumerate() {
        let t = doc.sentence_text(i);
        assert_eq!(t, t.trim());
        assert!(t.ends_with(['.', '”']), "{t:?}");
        let _ = s;
    }
}

#[test]
fn gold_sentences_are_found_verbatim() {
    // Every sentence the gold annotations quote is one of our sentences.
    let Some(dir) = shared().map(|d| d.join("gold")) else {
        eprintln!("skipped: the shared folder is absent");
        return;
    };
    let Ok(entries) = std::fs::read_dir(dir.join("annotations")) else {
        eprintln!("skipped: no gold annotations");
        return;
    };
    let mut checked = 0;
    let mut missed = Vec::new();
    for e in entries.flatten() {
        let path = e.path();
        let name = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default()
            .to_string();
        let (Ok(ann), Ok(text)) = (
            std::fs::read_to_string(&path),
            std::fs::read_to_string(dir.join("articles").join(format!("{name}.txt"))),
        ) else {
            continue;
        };
        let Ok(ann) = serde_json::from_str::<serde_json::Value>(&ann) else {
            continue;
        };
        let doc = analyse(RawArticle::plain(name.clone(), text));
        let ours = sentences(&doc);
        for key in ["events", "channels"] {
            for item in ann[key].as_array().into_iter().flatten() {
                if let Some(s) = item["sentence"].as_str() {
                    checked += 1;
                    if !ours.contains(&s) {
                        missed.push(format!("{name}: {s:?}"));
                    }
                }
            }
        }
    }
    eprintln!(
        "{checked} gold sentences checked, {} not found",
        missed.len()
    );
    // An aggregate, not every item: a segmentation change that costs one
    // sentence of the gold set must still be able to land.
    assert!(
        missed.len() * 50 <= checked,
        "more than 2% of the gold sentences are not our sentences:\n{}",
        missed.join("\n")
    );
}
