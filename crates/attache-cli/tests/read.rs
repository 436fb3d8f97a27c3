//! `attache read` end to end: the built binary run in a temporary folder.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

/// A fresh temporary folder for one test.
fn temp_dir(test: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("attache-cli-{}-{test}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

fn attache(dir: &Path, args: &[&str], stdin: Option<&[u8]>) -> Run {
    let mut child = Command::new(env!("CARGO_BIN_EXE_attache"))
        .args(args)
        .current_dir(dir)
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run attache");
    if let Some(input) = stdin {
        let mut pipe = child.stdin.take().expect("stdin");
        pipe.write_all(input).expect("write stdin");
    }
    let out = child.wait_with_output().expect("wait");
    let run = Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    };
    assert!(!run.stderr.contains("panicked"), "panic: {}", run.stderr);
    run
}

fn json_lines(s: &str) -> Vec<serde_json::Value> {
    s.lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not json ({e}): {l}")))
        .collect()
}

fn shared() -> Option<PathBuf> {
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    std::env::var_os("ATTACHE_SHARED")
        .map(PathBuf::from)
        .into_iter()
        .chain([
            manifest.join("../../../shared"),
            manifest.join("../../../../shared"),
        ])
        .find(|p| p.join("articles").is_dir())
}

fn examples() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../examples")
}

const ARTICLE: &str = "Example Wire\n\nTwo states restore ties\n\nBy Jane Roe in Geneva\n\nThe two states restored diplomatic ties on Monday, officials said.\n\nEmbassies will reopen next month.\n";

#[test]
fn seed_article_json() {
    let Some(shared) = shared() else {
        eprintln!("skipped: the shared folder is absent");
        return;
    };
    let seed = shared.join("articles/00_seed_chinadaily_russia_nato.txt");
    if !seed.is_file() {
        eprintln!("skipped: {} is absent", seed.display());
        return;
    }
    let dir = temp_dir("seed");
    let seed = seed.to_string_lossy().into_owned();
    let r = attache(&dir, &["read", &seed, "--format", "json"], None);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let docs = json_lines(&r.stdout);
    assert_eq!(docs.len(), 1);
    let d = &docs[0];
    let a = &d["article"];
    assert_eq!(a["outlet"], "China Daily");
    assert_eq!(
        a["headline"],
        "Russia halts its mission at NATO, shuts alliance’s office"
    );
    assert_eq!(a["authors"], serde_json::json!(["REN QI"]));
    assert_eq!(a["place"], "Moscow");
    assert_eq!(a["email"], "renqi@chinadaily.com.cn");
    assert!(a["byline"].as_str().is_some_and(|b| b.contains("REN QI")));
    let text = a["text"].as_str().expect("text");
    // The headline is the first paragraph of the text (coded like any sentence).
    assert!(
        text.starts_with(
            "Russia halts its mission at NATO, shuts alliance’s office\n\nRussia plans to cease"
        ),
        "{text}"
    );
    assert!(text.ends_with("on the bloc’s behalf."), "{text}");
    for boiler in [
        "Newspapers in English",
        "Newspapers from Hong Kong",
        "China Daily",
        "REN QI",
    ] {
        assert!(!text.contains(boiler), "{boiler:?} in text");
    }
    // "Advance notification" is a section heading: a line of the text, not a sentence.
    assert!(text.contains("\n\nAdvance notification\n\n"));
    let sections = d["sections"].as_array().expect("sections");
    assert_eq!(sections.len(), 1);
    assert_eq!(sections[0]["heading"], "Advance notification");
    let sentences: Vec<&str> = d["sentences"]
        .as_array()
        .expect("sentences")
        .iter()
        .map(|s| {
            let (start, end) = (
                s["start"].as_u64().unwrap_or(0) as usize,
                s["end"].as_u64().unwrap_or(0) as usize,
            );
            text.get(start..end).expect("offsets on char boundaries")
        })
        .collect();
    assert_eq!(sentences.len(), 22, "{sentences:#?}");
    for s in &sentences {
        assert_eq!(*s, s.trim());
        assert_ne!(*s, "Advance notification");
    }
    assert!(sentences
        .iter()
        .any(|s| s.starts_with("“NATO is not interested") && s.ends_with("joint work.")));
    assert!(sentences
        .iter()
        .any(|s| s.starts_with("If this is so, then") && s.ends_with("future,” he said.")));
    assert!(sentences.contains(&"“NATO’s policy toward Russia remains consistent,” she said."));
    assert!(sentences.contains(&"“NATO, I guess, has stepped over a certain line.”"));
    assert_eq!(sentences[0].split_whitespace().next(), Some("Russia"));
    assert_eq!(
        sentences[0],
        "Russia halts its mission at NATO, shuts alliance’s office"
    );
    assert!(sentences[21].ends_with("on the bloc’s behalf."));
}

#[test]
fn example_article_and_feed() {
    let dir = temp_dir("examples");
    let ex = examples();
    let txt = ex
        .join("ruritania_embassy.txt")
        .to_string_lossy()
        .into_owned();
    let feed = ex.join("feed.jsonl").to_string_lossy().into_owned();
    let r = attache(&dir, &["read", &txt, &feed, "--format", "json"], None);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let docs = json_lines(&r.stdout);
    assert_eq!(docs.len(), 3);
    assert_eq!(docs[0]["article"]["outlet"], "Harbour Gazette");
    assert!(!docs[0]["article"]["text"]
        .as_str()
        .unwrap_or_default()
        .contains("Share this"));
    assert_eq!(docs[1]["article"]["id"], "ex-1");
    assert_eq!(docs[1]["article"]["published"], "2026-03-04");
    assert_eq!(docs[2]["article"]["id"], "ex-2");
    // The text report.
    let r = attache(&dir, &["read", &txt], None);
    assert_eq!(r.code, 0);
    assert!(r.stdout.contains("Harbour Gazette"));
    assert!(r.stdout.contains("== Fallback contacts =="));
}

#[test]
fn published_flag_sets_the_date() {
    let dir = temp_dir("published");
    std::fs::write(dir.join("a.txt"), ARTICLE).expect("write");
    let r = attache(
        &dir,
        &[
            "read",
            "a.txt",
            "--format",
            "json",
            "--published",
            "2026-01-02",
        ],
        None,
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let d = &json_lines(&r.stdout)[0];
    assert_eq!(d["article"]["published"], "2026-01-02");
    assert_eq!(d["article"]["outlet"], "Example Wire");
    assert_eq!(d["article"]["authors"], serde_json::json!(["Jane Roe"]));
    let r = attache(&dir, &["read", "a.txt", "--published", "January"], None);
    assert_eq!(r.code, 2);
}

#[test]
fn stdin_is_sniffed() {
    let dir = temp_dir("stdin");
    let r = attache(
        &dir,
        &["read", "-", "--format", "json"],
        Some(ARTICLE.as_bytes()),
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        json_lines(&r.stdout)[0]["article"]["headline"],
        "Two states restore ties"
    );
    let feed = b"{\"id\":\"s1\",\"text\":\"One sentence here.\"}\n{\"id\":\"s2\",\"text\":\"Another one. And more.\"}\n";
    let r = attache(&dir, &["read", "-", "--format", "json"], Some(feed));
    assert_eq!(r.code, 0, "{}", r.stderr);
    let docs = json_lines(&r.stdout);
    assert_eq!(docs.len(), 2);
    assert_eq!(docs[1]["article"]["id"], "s2");
    assert_eq!(docs[1]["sentences"].as_array().map(Vec::len), Some(2));
    let html = b"<!DOCTYPE html><html><head><meta property=\"og:site_name\" content=\"Wire\"></head><body><nav>Menu</nav><article><h1>Ties restored</h1><p>The two states restored ties.</p></article></body></html>";
    let r = attache(&dir, &["read", "-", "--format", "json"], Some(html));
    assert_eq!(r.code, 0, "{}", r.stderr);
    let d = &json_lines(&r.stdout)[0];
    assert_eq!(
        d["article"]["text"],
        "Ties restored\n\nThe two states restored ties."
    );
    assert_eq!(d["article"]["outlet"], "Wire");
    assert_eq!(d["article"]["headline"], "Ties restored");
    let r = attache(&dir, &["read", "-"], Some(b""));
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("empty input"), "{}", r.stderr);
}

#[test]
fn missing_file_is_named_and_others_still_processed() {
    let dir = temp_dir("missing");
    std::fs::write(dir.join("good.txt"), ARTICLE).expect("write");
    let r = attache(
        &dir,
        &["read", "nope.txt", "good.txt", "--format", "json"],
        None,
    );
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("nope.txt: no such file"), "{}", r.stderr);
    assert_eq!(json_lines(&r.stdout).len(), 1);
}

#[test]
fn directory_is_refused() {
    let dir = temp_dir("directory");
    std::fs::create_dir(dir.join("sub")).expect("mkdir");
    let r = attache(&dir, &["read", "sub"], None);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("sub: is a directory"), "{}", r.stderr);
}

#[test]
fn empty_file_is_refused() {
    let dir = temp_dir("empty");
    std::fs::write(dir.join("empty.txt"), "").expect("write");
    std::fs::write(dir.join("blank.txt"), " \n\n\t\n").expect("write");
    let r = attache(&dir, &["read", "empty.txt", "blank.txt"], None);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("empty.txt: empty file"), "{}", r.stderr);
    assert!(r.stderr.contains("blank.txt: empty file"), "{}", r.stderr);
}

#[test]
fn binary_file_is_refused() {
    let dir = temp_dir("binary");
    std::fs::write(dir.join("image.png"), b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").expect("write");
    let r = attache(&dir, &["read", "image.png"], None);
    assert_eq!(r.code, 1);
    assert!(
        r.stderr
            .contains("image.png: binary file (NUL byte at offset 8)"),
        "{}",
        r.stderr
    );
    assert!(r.stdout.is_empty());
}

#[test]
fn invalid_utf8_is_decoded_lossily_with_a_warning() {
    let dir = temp_dir("utf8");
    let mut bytes = b"The minister left Z".to_vec();
    bytes.extend_from_slice(b"\xFCrich on Monday. He returned on Friday.");
    std::fs::write(dir.join("latin1.txt"), &bytes).expect("write");
    let r = attache(&dir, &["read", "latin1.txt", "--format", "json"], None);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stderr.contains("latin1.txt: invalid utf-8 at byte 19"),
        "{}",
        r.stderr
    );
    let d = &json_lines(&r.stdout)[0];
    assert!(d["article"]["text"]
        .as_str()
        .is_some_and(|t| t.contains("Z\u{FFFD}rich")));
    assert_eq!(d["sentences"].as_array().map(Vec::len), Some(2));
}

#[test]
fn too_large_file_is_refused_before_reading() {
    let dir = temp_dir("large");
    let f = std::fs::File::create(dir.join("huge.txt")).expect("create");
    // A sparse file: no disk or memory is used.
    f.set_len(100 * 1024 * 1024).expect("set_len");
    drop(f);
    let r = attache(&dir, &["read", "huge.txt"], None);
    assert_eq!(r.code, 1);
    assert!(
        r.stderr
            .contains("huge.txt: file too large: 104857600 bytes"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("32 MiB"), "{}", r.stderr);
}

#[test]
fn malformed_feed_lines_are_named_and_others_processed() {
    let dir = temp_dir("feed");
    std::fs::write(
        dir.join("feed.jsonl"),
        "{\"id\":\"a\",\"text\":\"First article.\"}\n{\"id\":\"b\",\"text\":\n{\"id\":\"c\"}\n\n{\"id\":\"d\",\"text\":\"Last article.\",\"published\":\"2021-10-19T10:00:00Z\"}\n",
    )
    .expect("write");
    let r = attache(&dir, &["read", "feed.jsonl", "--format", "json"], None);
    assert_eq!(r.code, 1);
    assert!(
        r.stderr.contains("feed.jsonl:2: malformed json"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr.contains("feed.jsonl:3: missing \"text\""),
        "{}",
        r.stderr
    );
    let docs = json_lines(&r.stdout);
    let ids: Vec<&str> = docs
        .iter()
        .filter_map(|d| d["article"]["id"].as_str())
        .collect();
    assert_eq!(ids, ["a", "d"]);
    assert_eq!(docs[1]["article"]["published"], "2021-10-19");
}

#[test]
fn unknown_format_is_a_usage_error() {
    let dir = temp_dir("format");
    std::fs::write(dir.join("a.txt"), ARTICLE).expect("write");
    let r = attache(&dir, &["read", "a.txt", "--format", "yaml"], None);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("yaml"), "{}", r.stderr);
    assert!(r.stdout.is_empty());
    let r = attache(&dir, &["read"], None);
    assert_eq!(r.code, 2);
}

#[test]
fn help_documents_bad_input() {
    let r = attache(&std::env::temp_dir(), &["read", "--help"], None);
    assert_eq!(r.code, 0);
    assert!(r.stdout.contains("lossily"), "{}", r.stdout);
    assert!(r.stdout.contains("32 MiB"), "{}", r.stdout);
}

#[test]
fn page_without_article_text_is_an_error() {
    let dir = temp_dir("notext");
    std::fs::write(
        dir.join("nav.html"),
        "<html><body><nav><a href=\"/\">Home</a></nav><footer>Copyright</footer></body></html>",
    )
    .expect("write");
    std::fs::write(dir.join("good.txt"), ARTICLE).expect("write");
    let r = attache(
        &dir,
        &["read", "nav.html", "good.txt", "--format", "json"],
        None,
    );
    assert_eq!(r.code, 1);
    assert!(
        r.stderr.contains("nav.html: no article text found"),
        "{}",
        r.stderr
    );
    assert_eq!(json_lines(&r.stdout).len(), 1);
}

#[test]
fn html_file_by_extension() {
    let dir = temp_dir("html");
    std::fs::write(
        dir.join("page.htm"),
        "<html><head><title>Envoy expelled | Wire</title></head><body><div class=\"cookie-notice\">Accept cookies</div><p>The envoy was expelled on Friday.</p><footer>Copyright</footer></body></html>",
    )
    .expect("write");
    let r = attache(&dir, &["read", "page.htm", "--format", "json"], None);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let d = &json_lines(&r.stdout)[0];
    assert_eq!(
        d["article"]["text"],
        "Envoy expelled\n\nThe envoy was expelled on Friday."
    );
    assert_eq!(d["article"]["headline"], "Envoy expelled");
}
