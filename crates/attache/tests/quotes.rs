//! Integration tests of the quotation stage through the whole engine: our own
//! example sentences, offsets that always slice, and the shared gold articles
//! (skipped when `../shared` is absent).

use attache::doc::QuoteKind;
use attache::input::RawArticle;
use attache::pipeline::Engine;
use attache::quotes;

fn engine() -> &'static Engine {
    static ENGINE: std::sync::OnceLock<Engine> = std::sync::OnceLock::new();
    ENGINE.get_or_init(|| Engine::builder().build().expect("engine builds"))
}

fn analyse(text: &str) -> attache::Doc {
    engine().analyse(RawArticle::plain("test", text))
}

#[test]
fn statements_through_the_engine() {
    // (text, kind, quoted content, a word the speaker name must hold)
    let cases: &[(&str, QuoteKind, &str, &str)] = &[
        (
            "“We will never accept these terms,” Maria Kovacs said on Monday.",
            QuoteKind::Direct,
            "We will never accept these terms,",
            "Kovacs",
        ),
        (
            "The talks will resume next week, Maria Kovacs said.",
            QuoteKind::Indirect,
            "The talks will resume next week",
            "Kovacs",
        ),
        (
            "Maria Kovacs said on Monday that the talks would resume.",
            QuoteKind::Indirect,
            "the talks would resume",
            "Kovacs",
        ),
        (
            "According to the interior ministry, three people were detained.",
            QuoteKind::Indirect,
            "three people were detained",
            "ministry",
        ),
        (
            "'We will formally announce the deal tomorrow,' a senior official said.",
            QuoteKind::Direct,
            "We will formally announce the deal tomorrow,",
            "official",
        ),
    ];
    for (text, kind, content, who) in cases {
        let doc = analyse(text);
        let q = doc
            .quotes
            .iter()
            .find(|q| q.kind == *kind && doc.slice(q.span) == *content);
        let q = q.unwrap_or_else(|| {
            panic!(
                "no {kind:?} quote {content:?} in {text:?}: {:?}",
                doc.quotes
            )
        });
        let name = q.speaker.name.clone().unwrap_or_default();
        assert!(name.contains(who), "speaker {name:?} for {text:?}");
        assert!(!q.sentences.is_empty(), "sentences filled for {text:?}");
    }
}

/// Speakers the actor stage knows come out with their actor codes.
#[test]
fn speakers_carry_actor_codes() {
    // (text, quoted content, code prefix)
    let cases: &[(&str, &str, &str)] = &[
        ("NATO said in a statement that its forces would stay in the region.", "its forces would stay in the region", "IGO"),
        ("“We will respond to any provocation,” the Russian foreign ministry said.", "We will respond to any provocation,", "RUS"),
        ("Russia expelled two diplomats on Monday.\n\n“They acted against our interests,” the foreign ministry said.", "They acted against our interests,", "RUS"),
    ];
    for (text, content, code) in cases {
        let doc = analyse(text);
        let q = doc.quotes.iter().find(|q| doc.slice(q.span) == *content);
        let q = q.unwrap_or_else(|| panic!("no quote {content:?} in {text:?}: {:?}", doc.quotes));
        let got = q.speaker.code.clone().unwrap_or_default();
        assert!(got.starts_with(code), "code {got:?} for {text:?}");
    }
}

#[test]
fn scare_quotes_are_not_reported_and_quote_at_finds_statements() {
    let doc = analyse("Moscow called the charge “absurd”. “We reject these accusations entirely,” Maria Kovacs said.");
    assert!(doc.quotes.iter().all(|q| doc.slice(q.span) != "absurd"));
    let q = doc
        .quotes
        .iter()
        .position(|q| doc.slice(q.span).starts_with("We reject"))
        .expect("direct quote found");
    let inside = doc.quotes[q].span.start + 3;
    assert_eq!(quotes::quote_at(&doc, inside), Some(q));
    assert_eq!(quotes::quote_at(&doc, 0), None);
    let mut report = String::new();
    quotes::report(&doc, &mut report);
    assert!(
        report.contains("Kovacs") && report.contains("We reject"),
        "{report}"
    );
}

#[test]
fn spans_always_slice_on_odd_input() {
    // a small deterministic generator of awkward texts: stray marks, apostrophes, verbs
    let pieces = [
        "“",
        "”",
        "\"",
        "'",
        "‘",
        "’",
        "«",
        "»",
        "said",
        "told",
        "according to",
        "he",
        "she",
        "NATO",
        ",",
        ".",
        ":",
        "\n\n",
        "Smith",
        "that",
        "the",
        "ministry",
        "as saying",
        "quoted",
        "?",
        "!",
        "U.S.",
        "é",
        "—",
        "on Monday",
        "expelled",
        "embassy",
        "Russia",
        "NATO’s",
        "2021",
        "last week",
        "(",
        ")",
    ];
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    for _ in 0..600 {
        let mut text = String::new();
        for _ in 0..40 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            text.push_str(pieces[(seed % pieces.len() as u64) as usize]);
            if seed.is_multiple_of(3) {
                text.push(' ');
            }
        }
        let doc = analyse(&text);
        for q in &doc.quotes {
            assert!(
                q.span.start < q.span.end && q.span.end <= doc.text.len(),
                "{text:?}"
            );
            assert!(
                doc.text.is_char_boundary(q.span.start) && doc.text.is_char_boundary(q.span.end),
                "{text:?}"
            );
        }
    }
}

/// The shared gold articles: every direct quotation found, with its speaker.
#[test]
fn gold_direct_quotations() {
    let shared = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/gold");
    let Ok(dir) = std::fs::read_dir(format!("{shared}/annotations")) else {
        println!("skipped: {shared} is absent");
        return;
    };
    let engine = engine();
    let norm = |s: &str| {
        s.replace(['“', '”'], "\"")
            .replace(['‘', '’'], "'")
            .to_lowercase()
    };
    let mut checked = 0;
    let (mut missed, mut wrong) = (Vec::new(), Vec::new());
    for entry in dir.flatten() {
        let path = entry.path();
        let Some(stem) = path.file_stem().and_then(|s| s.to_str()) else {
            continue;
        };
        let gold: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&path).expect("annotation reads"))
                .expect("annotation parses");
        let text = std::fs::read_to_string(format!("{shared}/articles/{stem}.txt"))
            .expect("article reads");
        let doc = engine.analyse(RawArticle::plain(stem, text));
        for g in gold["quotes"].as_array().into_iter().flatten() {
            if g["kind"] != "direct" || g["optional"] == true {
                continue;
            }
            let want = norm(g["text"].as_str().unwrap_or_default());
            let want = want.trim_end_matches('.');
            let hit = doc
                .quotes
                .iter()
                .find(|q| q.kind == QuoteKind::Direct && norm(doc.slice(q.span)).contains(want));
            checked += 1;
            let Some(q) = hit else {
                missed.push(format!("{stem}: missed direct quote {want:?}"));
                continue;
            };
            let speaker = g["speaker"].as_str().unwrap_or_default();
            let surname = speaker
                .split(['(', ' '])
                .rfind(|w| w.chars().next().is_some_and(char::is_uppercase))
                .unwrap_or(speaker);
            let name = q.speaker.name.clone().unwrap_or_default();
            let code_ok = g["speaker_code"]
                .as_str()
                .is_some_and(|c| q.speaker.code.as_deref().is_some_and(|p| p.starts_with(c)));
            // a name made only of the gold name's words ("Hu" for "Hu Jintao": surname first)
            let caps = |s: &str| -> Vec<String> {
                s.split(|c: char| !c.is_alphanumeric() && c != '-' && c != '\'')
                    .filter(|w| w.len() > 1 && w.chars().next().is_some_and(char::is_uppercase))
                    .map(str::to_lowercase)
                    .collect()
            };
            let (pw, gw) = (caps(&name), caps(speaker));
            let same_person = !pw.is_empty() && pw.iter().all(|w| gw.contains(w));
            if !(name.contains(surname) || code_ok || same_person) {
                wrong.push(format!(
                    "{stem}: speaker {name:?} for {want:?} (gold {speaker:?})"
                ));
            }
        }
    }
    assert!(checked > 0);
    // Aggregates over the whole gold set (as .ci/floors.py), not every item.
    eprintln!(
        "{checked} gold direct quotations, {} missed, {} with a wrong speaker",
        missed.len(),
        wrong.len()
    );
    assert!(
        missed.len() * 20 <= checked,
        "quotation recall below 0.95:\n{}",
        missed.join("\n")
    );
    assert!(
        wrong.len() * 5 <= checked - missed.len(),
        "speaker accuracy below 0.8:\n{}",
        wrong.join("\n")
    );
}
