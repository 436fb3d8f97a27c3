//! The dates, channels and conflicts stages never panic and keep their spans
//! inside the text, whatever the input (pseudo-random sentences built from
//! tricky pieces: curly quotes, multi-byte letters, dates, channel words).

use attache::input::RawArticle;
use attache::Engine;

const PIECES: &[&str] = &[
    "“",
    "”",
    "’s",
    "—",
    "é",
    "Ü",
    ",",
    ";",
    ":",
    ".",
    " ",
    " ",
    " ",
    "\n\n",
    "Russia",
    "NATO",
    "Moscow",
    "Brussels",
    "said",
    "on Monday",
    "late on Friday",
    "next month",
    "early",
    "in 2002",
    "October 16, 2014",
    "16 October",
    "2021-10-18",
    "two months later",
    "expelled",
    "20",
    "Czech",
    "diplomats",
    "embassy",
    "mission",
    "closed",
    "halt",
    "reopen",
    "liaise via",
    "ambassador",
    "envoy",
    "the",
    "its",
    "which was established",
    "hosted at",
    "accreditation",
    "stripped",
    "not",
    "received",
    "notified",
    "absurd",
    "accusation",
    "explosion",
    "persona non grata",
    "to leave",
    "ordered",
    "recalled",
    "on",
    "behalf",
    "bloc’s",
    "we",
    "remain open to dialogue",
    "is not interested in dialogue",
    "by",
    "from",
    "with",
    "May",
    "March",
    "Monday’s",
    "1990s",
];

#[test]
fn random_text_never_panics() {
    let engine = Engine::builder().build().expect("engine");
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for _ in 0..300 {
        let n = (next() % 60) as usize + 1;
        let mut text = String::new();
        for _ in 0..n {
            text.push_str(PIECES[(next() % PIECES.len() as u64) as usize]);
            if next() % 3 == 0 {
                text.push(' ');
            }
        }
        let mut raw = RawArticle::plain("fuzz", &text);
        if next() % 2 == 0 {
            raw.meta.published = chrono::NaiveDate::from_ymd_opt(2021, 10, 20);
        }
        let doc = engine.analyse(raw);
        for t in &doc.timexes {
            assert!(doc.text.get(t.span.start..t.span.end).is_some(), "{text:?}");
        }
        for c in &doc.channels {
            assert!(c.sentence < doc.sentences.len());
        }
        for k in &doc.conflicts {
            for c in &k.claims {
                assert!(doc.text.get(c.span.start..c.span.end).is_some(), "{text:?}");
            }
        }
        let _ = attache::report::to_text(&doc);
    }
}
