//! Actor recognition on the seed article, read from ../shared at test time
//! (skipped when absent). Nothing here is special-cased in the code: the
//! lexicons list no people, and these entities come from their context.

use attache::doc::{Doc, EntityKind};
use attache::input::RawArticle;
use attache::pipeline::Engine;
use std::path::PathBuf;
use std::time::Instant;

/// The shared folder: `../shared` beside the checkout (main or a worktree).
fn seed() -> Option<String> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    for up in ["../../../shared", "../../../../shared"] {
        let p = root
            .join(up)
            .join("articles/00_seed_chinadaily_russia_nato.txt");
        if let Ok(s) = std::fs::read_to_string(&p) {
            return Some(s);
        }
    }
    println!("skipping: the seed article under ../shared was not found");
    None
}

fn has(doc: &Doc, name: &str, code: Option<&str>, kind: EntityKind) -> bool {
    doc.entities
        .iter()
        .any(|e| e.name == name && e.code.as_deref() == code && e.kind == kind)
}

/// Entity name of the first mention with text `text` followed by `after`.
fn mention_before(doc: &Doc, text: &str, after: &str) -> Option<String> {
    doc.mentions
        .iter()
        .find(|m| doc.slice(m.span) == text && doc.text[m.span.end..].starts_with(after))
        .map(|m| doc.entities[m.entity].name.clone())
}

#[test]
fn seed_entities_and_resolution() {
    let Some(text) = seed() else { return };
    let engine = Engine::builder().build().expect("engine");
    let doc = engine.analyse(RawArticle::plain("seed", text));
    let listing: Vec<String> = doc
        .entities
        .iter()
        .map(|e| format!("{} {:?} {:?}", e.name, e.code, e.kind))
        .collect();
    let listing = listing.join("\n");
    use EntityKind::*;
    for (name, code, kind) in [
        ("Russia", Some("RUS"), State),
        ("NATO", Some("IGOWSTNAT"), Organization),
        ("Sergey Lavrov", Some("RUSGOV"), Person),
        ("Vladimir Jabarov", Some("RUSLEG"), Person),
        ("Andrei Belousov", Some("RUSGOV"), Person),
        ("Oana Lungescu", Some("IGOWSTNAT"), Person),
        ("TASS", Some("RUSMED"), Organization),
        ("Russian Foreign Ministry", Some("RUSGOV"), Organization),
        ("United Nations", Some("IGOUNO"), Organization),
        ("Belgium", Some("BEL"), State),
        ("Moscow", None, Place),
        ("Brussels", None, Place),
        ("New York", None, Place),
        ("Geneva", None, Place),
    ] {
        assert!(
            has(&doc, name, code, kind),
            "missing {name} {code:?} {kind:?} in\n{listing}"
        );
    }
    assert_eq!(
        mention_before(&doc, "he", " said").as_deref(),
        Some("Sergey Lavrov")
    );
    assert_eq!(
        mention_before(&doc, "she", " said").as_deref(),
        Some("Oana Lungescu")
    );
    for anaphor in ["the organization", "the alliance", "the bloc"] {
        assert_eq!(
            mention_before(&doc, anaphor, "").as_deref(),
            Some("NATO"),
            "{anaphor}"
        );
    }
    // Surnames link to the full name; no separate "Lavrov" entity.
    assert!(
        !doc.entities.iter().any(|e| e.name == "Lavrov"),
        "{listing}"
    );
    // Every mention slices the text it claims and points to an entity.
    for m in &doc.mentions {
        assert!(m.span.start < m.span.end && m.span.end <= doc.text.len());
        assert!(m.entity < doc.entities.len());
    }
}

#[test]
fn lexicon_build_time_and_size() {
    let t = Instant::now();
    let lex = attache::actors::ActorLexicon::builtin().expect("lexicon");
    let took = t.elapsed();
    println!(
        "actor lexicon: {} states, {} organisations, {} roles, {} surface forms, {} KiB automaton, built in {took:?}",
        lex.countries.len(),
        lex.orgs.len(),
        lex.roles.len(),
        lex.pattern_count(),
        lex.automaton_bytes() / 1024
    );
    assert!(lex.countries.len() >= 195 && lex.orgs.len() >= 150 && lex.roles.len() >= 300);
}

#[test]
fn seed_actor_stage_speed() {
    let Some(text) = seed() else { return };
    let engine = Engine::builder().build().expect("engine");
    let doc = engine.analyse(RawArticle::plain("seed", text));
    let mut d = doc.clone();
    let n = 200;
    let t = Instant::now();
    for _ in 0..n {
        d.entities.clear();
        d.mentions.clear();
        attache::actors::recognise(&mut d, actors_lexicon());
    }
    let per = t.elapsed() / n;
    let sps = doc.sentences.len() as f64 / per.as_secs_f64();
    println!("actors: {per:?} per seed article, {sps:.0} sentences/s");
    assert!(!d.entities.is_empty());
}

fn actors_lexicon() -> &'static attache::actors::ActorLexicon {
    static L: std::sync::OnceLock<attache::actors::ActorLexicon> = std::sync::OnceLock::new();
    L.get_or_init(|| attache::actors::ActorLexicon::builtin().expect("lexicon"))
}

/// Sentences written for this test, repeated to make long documents.
const PARAGRAPH: &str = "Kenyan President William Ruto arrived in Addis Ababa on Tuesday. \
Ruto said the talks with Ethiopian Prime Minister Abiy Mesfin went well. \
“We are ready,” he said. The African Union welcomed the meeting, and the bloc said it would send observers. \
Lena Berg, a Swedish government spokeswoman, said Stockholm supported the plan. \
She added that Swedish diplomats would travel to Nairobi.\n\n";

fn actors_time(copies: usize) -> (std::time::Duration, usize) {
    let engine = Engine::builder().build().expect("engine");
    let doc = engine.analyse(RawArticle::plain("long", PARAGRAPH.repeat(copies)));
    let mut d = doc.clone();
    let t = Instant::now();
    for _ in 0..3 {
        d.entities.clear();
        d.mentions.clear();
        attache::actors::recognise(&mut d, actors_lexicon());
    }
    (t.elapsed() / 3, doc.sentences.len())
}

#[test]
fn actor_stage_scales_linearly() {
    let (small, n_small) = actors_time(50);
    let (large, n_large) = actors_time(400);
    println!(
        "actors: {n_small} sentences in {small:?}, {n_large} sentences in {large:?} ({:.0} sentences/s)",
        n_large as f64 / large.as_secs_f64()
    );
    // Eight times the text may take at most about eight times as long (with slack for noise).
    assert!(large < small * 20, "{small:?} vs {large:?}");
}
