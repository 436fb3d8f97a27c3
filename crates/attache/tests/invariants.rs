//! Property tests: on any input, cleaning and segmentation never panic and
//! every span slices the text it claims (a small deterministic generator, no
//! extra dependencies).

use attache::clean::clean;
use attache::input::RawArticle;
use attache::segment::segment;
use attache::Doc;

/// xorshift64*: deterministic pseudo-random numbers.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[(self.next() % items.len() as u64) as usize]
    }
}

const PIECES: &[&str] = &[
    "The",
    "minister",
    "said",
    "Mr.",
    "U.S.",
    "a.m",
    "p.m.",
    "Jan.",
    "No.",
    "3.5",
    "1,200",
    "$4bn",
    "V.",
    "Russia’s",
    "Cuba's",
    "don't",
    "“",
    "”",
    "\"",
    "'",
    "‘",
    "’",
    "«",
    "»",
    "(",
    ")",
    "[",
    "]",
    ".",
    ",",
    "?",
    "!",
    "...",
    "…",
    ";",
    ":",
    "—",
    "-",
    " ",
    " ",
    " ",
    " ",
    "\n",
    "\n\n",
    "\r\n",
    "\t",
    "\u{00A0}",
    "\u{200B}",
    "é",
    "́",
    "日本",
    "😀",
    "By",
    "By Jane Roe",
    "Newspapers in English",
    "|",
    "©",
    "@",
    "a@b.org",
    "https://x.org/a",
    "<p>",
    "</p>",
    "<br>",
    "<h2>",
    "</h2>",
    "<script>",
    "</script>",
    "&amp;",
    "<div class=\"share\">",
    "</div>",
    "<article>",
    "</article>",
    "{",
    "}",
    "\u{FFFD}",
    "\u{0}",
    "\u{7}",
];

fn check(doc: &Doc, input: &str) {
    let t = &doc.text;
    let ok = |s: attache::Span| {
        s.start <= s.end
            && s.end <= t.len()
            && t.is_char_boundary(s.start)
            && t.is_char_boundary(s.end)
    };
    for p in &doc.paragraphs {
        assert!(ok(p.span), "paragraph span {:?} in {input:?}", p.span);
        assert!(!doc.slice(p.span).is_empty());
    }
    for s in &doc.sections {
        assert!(ok(s.heading), "{input:?}");
        assert!(s.first_paragraph <= doc.paragraphs.len());
    }
    let mut last_end = 0;
    for (i, s) in doc.sentences.iter().enumerate() {
        assert!(ok(s.span), "sentence span {:?} in {input:?}", s.span);
        assert!(s.span.start >= last_end, "overlap in {input:?}");
        last_end = s.span.end;
        let text = doc.slice(s.span);
        assert!(
            !text.is_empty() && text == text.trim(),
            "{text:?} in {input:?}"
        );
        assert!(
            doc.paragraphs[s.paragraph].span.contains(s.span),
            "{input:?}"
        );
        let toks = doc.sentence_tokens(i);
        assert!(!toks.is_empty());
        assert_eq!(toks[0].span.start, s.span.start);
        assert_eq!(toks[toks.len() - 1].span.end, s.span.end);
        for tok in toks {
            assert!(
                ok(tok.span) && !tok.span.is_empty() && s.span.contains(tok.span),
                "{input:?}"
            );
            assert_eq!(tok.sentence, i);
            assert!(
                !doc.slice(tok.span).starts_with(char::is_whitespace),
                "{input:?}"
            );
        }
    }
    assert!(
        doc.tokens
            .windows(2)
            .all(|w| w[0].span.end <= w[1].span.start),
        "{input:?}"
    );
}

#[test]
fn random_inputs_keep_the_invariants() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for round in 0..3000 {
        let n = (rng.next() % 60) as usize;
        let input: String = (0..n).map(|_| rng.pick(PIECES)).collect();
        let raw = if round % 3 == 0 {
            RawArticle::html("fuzz.html", input.clone())
        } else {
            RawArticle::plain("fuzz.txt", input.clone())
        };
        let mut doc = clean(raw);
        segment(&mut doc);
        check(&doc, &input);
    }
}

#[test]
fn random_bytes_never_panic_the_readers() {
    const BYTES: &[&[u8]] = &[
        b"{",
        b"}",
        b"\"text\"",
        b":",
        b"\"",
        b",",
        b"\n",
        b"\r\n",
        b"\0",
        b"\xFF",
        b"\xC3",
        b"\xA9",
        b"<html>",
        b"<p>",
        b"x",
        b" ",
        b"\"id\":1",
        b"\"published\":\"2021-10-19\"",
        b"\\u00e9",
        b"\\",
        b"\xEF\xBB\xBF",
        b"\xFF\xFE",
    ];
    let mut rng = Rng(0x1234_5678_9ABC_DEF1);
    for _ in 0..2000 {
        let n = (rng.next() % 40) as usize;
        let bytes: Vec<u8> = (0..n)
            .flat_map(|_| {
                BYTES[(rng.next() % BYTES.len() as u64) as usize]
                    .iter()
                    .copied()
            })
            .collect();
        if let Ok(articles) = attache::input::read_stream("-", std::io::Cursor::new(bytes)) {
            for a in articles.flatten() {
                let mut doc = clean(a);
                segment(&mut doc);
                check(&doc, "(bytes)");
            }
        }
    }
}
