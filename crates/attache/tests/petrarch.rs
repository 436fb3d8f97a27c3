//! PETRARCH compatibility: the coder on our own sentences with small
//! hand-written dictionaries, and (when ../shared is present) the Phoenix and
//! validation dictionaries and PETRARCH's unit-test suite.

use attache::petrarch::{validate, Dictionaries};
use attache::Engine;
use chrono::NaiveDate;
use std::path::PathBuf;

const ACTORS: &str = "\
# fictional states for these tests
WIDGETLAND [WGT]
+WIDGETIAN
GADGETIA [GDG]
+GADGETIAN
SPROCKETIA [SPR]
+SPROCKETIAN
COGSWORTH_ISLANDS [COG]
THE_TINKERS [TK1/TK2]
BARON_LEVER
+LEVER
  [WGTGOV 20100101-20141231]
  [WGTELI > 20141231]
  [WGT]
<!-- a comment block
with # signs -->
UNION_OF_GEARS [IGOGRS]
";

const AGENTS: &str = "\
!PERSON! = MAN, WOMAN
PRESIDENT [~GOV]
FOREIGN_MINISTER [~GOVFRM]
SPOKES!PERSON! [~GOV]
SOLDIER [~MIL]
POLICE {} [~COP]
STUDENT [~EDU]
GOVERNMENT [~GOV]
MEDICS_UNLIMITED {} [NGO~]
OFFICIAL [~GOV]
DIPLOMAT [~GOV]
";

const VERBS: &str = "\
&MONEY
+COINS
+GOLD BARS

--- CONDEMN [122] ---
CONDEMN
DENOUNCE
- * ^ FOR ABUSE [1221]

--- VISIT [042:043] ---
VISIT
ARRIVE

--- MEET [036:036] ---
MEET {MET}
- % * [036:036]

--- GIVE [070] ---
GIVE {GAVE GIVEN}
- * &MONEY [071]
- * FOOD_AID [0733]

--- FREE [066] ---
FREE
- + * FROM $ [066]

--- ARREST [173] ---
ARREST

--- ATTACK [190] ---
ATTACK

--- SAY [010] ---
SAID
SAY

--- PROMISE [050] ---
PROMISE

--- EXPEL [173] ---
EXPEL
- PLANS_* [1731]

--- SEEK [091] ---
SEEK

--- BREAK [161] ---
BREAK {BROKE BROKEN}
+BREAK_OFF {+BROKE_OFF +BROKEN_OFF} [1612]
- * TREATY [1613]

--- SUSPEND [---] ---
SUSPEND
- * TALKS [1614]
";

const DISCARDS: &str = "FOOTBALL\n+VOLCANO\n";

fn dicts() -> Dictionaries {
    let mut d = Dictionaries::default();
    let mut diags = Vec::new();
    d.read_actors("t.actors", ACTORS, &mut diags);
    d.read_agents("t.agents", AGENTS, &mut diags);
    d.read_verbs("t.verbs", VERBS, &mut diags);
    d.read_discards("t.discards", DISCARDS, &mut diags);
    assert!(diags.is_empty(), "{diags:?}");
    d
}

fn show(events: &[(String, String, String)]) -> String {
    let mut v: Vec<String> = events
        .iter()
        .map(|(s, t, c)| format!("{s}>{t}:{c}"))
        .collect();
    v.sort();
    v.join(" ")
}

#[test]
fn codes_our_sentences() {
    let d = dicts();
    // (sentence, date, expected events sorted "SRC>TGT:CODE", space-separated)
    let cases: &[(&str, &str, &str)] = &[
        // simple subject-verb-object
        ("Widgetland condemned Gadgetia on Friday.", "", "WGT>GDG:122"),
        ("Widgetland denounced Gadgetia.", "", "WGT>GDG:122"),
        // no target, no event; no source, no event
        ("Widgetland condemned the decision.", "", ""),
        ("The crowd condemned Gadgetia.", "", ""),
        // agents after and before the actor, possessive, redundancy
        ("The Widgetian foreign minister condemned Gadgetia.", "", "WGTGOVFRM>GDG:122"),
        ("Gadgetia's president visited Sprocketia.", "", "GDGGOV>SPR:042 SPR>GDGGOV:043"),
        ("Medics Unlimited Widgetland staff condemned Gadgetia.", "", "NGOWGT>GDG:122"),
        ("Widgetland government officials condemned Gadgetia.", "", "WGTGOV>GDG:122"),
        // agent phrases through of/in/from, distributed over a compound
        ("Soldiers from Gadgetia attacked Sprocketia.", "", "GDGMIL>SPR:190"),
        (
            "Police in Widgetland and Gadgetia arrested Sprocketian students.",
            "",
            "GDGCOP>SPREDU:173 WGTCOP>SPREDU:173",
        ),
        // an agent without an actor gives ---
        ("Police arrested Widgetian students.", "", "---COP>WGTEDU:173"),
        // compound source and target, comma list closed by "and"
        (
            "Widgetland and Gadgetia condemned Sprocketia, the Cogsworth Islands and The Tinkers.",
            "",
            "GDG>COG:122 GDG>SPR:122 GDG>TK1:122 GDG>TK2:122 WGT>COG:122 WGT>SPR:122 WGT>TK1:122 WGT>TK2:122",
        ),
        // a comma without "and" is an apposition, not a list
        ("Widgetland condemned Gadgetia, its old rival.", "", "WGT>GDG:122"),
        // paired codes and a compound source meeting among itself
        ("Widgetland and Gadgetia met on Monday.", "", "GDG>WGT:036 WGT>GDG:036"),
        // synsets, closed connectors and patterns
        ("Widgetland will give gold bars to Gadgetia.", "", "WGT>GDG:071"),
        ("Widgetland will give gold and bars to Gadgetia.", "", "WGT>GDG:070"),
        ("Widgetland gave food aid to Gadgetia.", "", "WGT>GDG:0733"),
        ("Widgetland gave food and aid to Gadgetia.", "", "WGT>GDG:070"),
        // ^ skips a phrase, $ and + bind source and target against the word order
        ("Widgetland condemned Gadgetian guards for abuse of Sprocketia.", "", "WGT>GDG:1221"),
        ("Widgetland condemned Gadgetian guards for neglect.", "", "WGT>GDG:122"),
        ("Gadgetian prisoners were freed from Widgetland.", "", "WGT>GDG:066"),
        // passive with "by"
        ("Gadgetia was condemned by Widgetland.", "", "WGT>GDG:122"),
        ("Gadgetia was sharply condemned by Widgetland.", "", "WGT>GDG:122"),
        // multi-word verbs and irregular forms
        ("Widgetland broke off ties with Gadgetia.", "", "WGT>GDG:1612"),
        ("Widgetland has broken the treaty with Gadgetia.", "", "WGT>GDG:1613"),
        // a null default code codes only through a pattern
        ("Widgetland suspended cooperation with Gadgetia.", "", ""),
        ("Widgetland suspended talks with Gadgetia.", "", "WGT>GDG:1614"),
        // a verb form after a determiner is a noun
        ("Widgetland condemned the attack on Gadgetia.", "", "WGT>GDG:122"),
        ("The brief visit by Widgetland ended.", "", ""),
        // a final reporting clause is left out
        ("Widgetland condemned Gadgetia, a Sprocketian official said.", "", "WGT>GDG:122"),
        // complements are not coded again; coordinated verbs share the subject
        ("Widgetland promised to visit Gadgetia.", "", "WGT>GDG:050"),
        (
            "Widgetland condemned Gadgetia and promised aid to Sprocketia.",
            "",
            "WGT>GDG:122 WGT>SPR:050",
        ),
        // the target is not looked for in a later subordinate clause
        ("Widgetland and Gadgetia met after rebels attacked Sprocketia.", "", "GDG>WGT:036 WGT>GDG:036"),
        ("Widgetland met Gadgetia after rebels attacked Sprocketia.", "", "GDG>WGT:036 WGT>GDG:036"),
        // the infinitive marker is transparent to a closed connector
        ("Widgetland plans to expel Gadgetian diplomats.", "", "WGT>GDGGOV:1731"),
        ("Widgetland plans quickly to expel Gadgetian diplomats.", "", "WGT>GDGGOV:173"),
        // irregular forms the dictionary does not list
        ("Widgetland sought help from Gadgetia.", "", "WGT>GDG:091"),
        // a fronted prepositional phrase is not the subject
        ("In Gadgetia, the Widgetian president condemned Sprocketia.", "", "WGTGOV>SPR:122"),
        // a dictionary verb in an irregular past form after a role noun
        ("The Gadgetia government said nothing to Widgetland.", "", "GDGGOV>WGT:010"),
        ("The Gadgetia president met Widgetland officials.", "", "GDGGOV>WGTGOV:036 WGTGOV>GDGGOV:036"),
        // a headline in capitals
        ("WIDGETLAND CONDEMNS GADGETIA", "", "WGT>GDG:122"),
        // reported speech: the reported clause has its own subject and event
        ("Widgetland said Gadgetia will condemn Sprocketia.", "", "GDG>SPR:122 WGT>GDG:010"),
        ("Widgetland said that Gadgetia condemned Sprocketia.", "", "GDG>SPR:122 WGT>GDG:010"),
        // ... but an infinitive or a participle is a complement
        ("Widgetland said Gadgetia's plan to condemn Sprocketia failed.", "", "WGT>GDG:010"),
        // date-ranged actor codes
        ("Baron Lever condemned Gadgetia.", "2012-05-01", "WGTGOV>GDG:122"),
        ("Lever condemned Gadgetia.", "2016-05-01", "WGTELI>GDG:122"),
        ("Lever condemned Gadgetia.", "2001-05-01", "WGT>GDG:122"),
        ("Lever condemned Gadgetia.", "", "WGT>GDG:122"),
        // "former" office-holders are elites
        ("Former Widgetian officials condemned Gadgetia.", "", "WGTELI>GDG:122"),
        // an actor never codes an event with itself
        ("Widgetland condemned Widgetland.", "", ""),
        // an international organisation
        ("The Union of Gears condemned Gadgetia.", "", "IGOGRS>GDG:122"),
        // modals are not verbs; contractions split
        ("Widgetland won't give coins to Gadgetia.", "", "WGT>GDG:071"),
    ];
    let mut failures = Vec::new();
    for (text, day, want) in cases {
        let date = NaiveDate::parse_from_str(day, "%Y-%m-%d").ok();
        let got = show(&d.code_text(text, date));
        if got != *want {
            failures.push(format!("{text}\n   want {want:?}\n   got  {got:?}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

#[test]
fn status_from_the_verb_group() {
    use attache::doc::EventStatus::*;
    let d = dicts();
    let cases = [
        ("Widgetland condemned Gadgetia.", Asserted),
        ("Widgetland did not condemn Gadgetia.", Negated),
        ("Widgetland will condemn Gadgetia.", Intended),
        ("Widgetland could condemn Gadgetia.", Hypothetical),
        ("Widgetland is about to condemn Gadgetia.", Intended),
        ("Widgetland plans to condemn Gadgetia.", Intended),
        ("Widgetland was seen to condemn Gadgetia.", Asserted),
    ];
    for (text, want) in cases {
        let mut doc = attache::Doc {
            text: text.to_string(),
            ..Default::default()
        };
        attache::petrarch::code(&mut doc, &d);
        assert_eq!(doc.events.first().map(|e| e.status), Some(want), "{text}");
    }
}

#[test]
fn discards_in_documents() {
    let d = dicts();
    let engine_doc = |text: &str| {
        let mut doc = attache::Doc {
            text: text.to_string(),
            ..Default::default()
        };
        attache::petrarch::code(&mut doc, &d);
        doc.events.len()
    };
    assert_eq!(engine_doc("Widgetland condemned Gadgetia."), 1);
    // A sentence discard without segmentation covers the whole text here.
    assert_eq!(
        engine_doc("Widgetland condemned Gadgetia over football."),
        0
    );
    assert_eq!(
        engine_doc("After the volcano Widgetland condemned Gadgetia."),
        0
    );
}

#[test]
fn bad_dictionary_lines_are_reported_not_fatal() {
    let mut d = Dictionaries::default();
    let mut diags = Vec::new();
    d.read_actors(
        "bad.actors",
        "GOOD [GGG]\nBROKEN [X 2001-2\nOTHER [OTH]\nNOCODE\n",
        &mut diags,
    );
    d.read_verbs(
        "bad.verbs",
        "- * ORPHAN [010]\n--- HIT [190] ---\nHIT\n- HIT HARD [19x9]\n- NO VERB [190]\n",
        &mut diags,
    );
    d.read_agents("bad.agents", "CHIEF\nBOSS [~GOV]\n", &mut diags);
    let lines: Vec<String> = diags.iter().map(|x| x.to_string()).collect();
    assert!(
        lines.iter().any(|l| l.starts_with("bad.actors:2:")),
        "{lines:?}"
    );
    assert!(
        lines.iter().any(|l| l.starts_with("bad.actors:4:")),
        "{lines:?}"
    );
    assert!(
        lines.iter().any(|l| l.starts_with("bad.verbs:1:")),
        "{lines:?}"
    );
    assert!(
        lines.iter().any(|l| l.starts_with("bad.verbs:4:")),
        "{lines:?}"
    );
    assert!(
        lines.iter().any(|l| l.starts_with("bad.verbs:5:")),
        "{lines:?}"
    );
    assert!(
        lines.iter().any(|l| l.starts_with("bad.agents:1:")),
        "{lines:?}"
    );
    assert_eq!(
        show(&d.code_text("Good boss hit Other.", None)),
        "GGGGOV>OTH:190"
    );
}

fn shared() -> Option<PathBuf> {
    // ../shared beside the repository (CI), or beside the worktrees folder.
    let base = env!("CARGO_MANIFEST_DIR");
    let candidates = [
        format!("{base}/../../../shared/petrarch"),
        format!("{base}/../../../../shared/petrarch"),
    ];
    let found = candidates.iter().map(PathBuf::from).find(|p| p.is_dir());
    if found.is_none() {
        println!("skipped: no shared/petrarch folder at {candidates:?}");
    }
    found
}

#[test]
fn unit_test_suite_from_text_alone() {
    let Some(dir) = shared() else { return };
    let engine = Engine::builder()
        .builtin(false)
        .dict_dir(dir.join("validate"))
        .build()
        .expect("validation dictionaries load");
    let xml = std::fs::read_to_string(dir.join("PETR.UnitTest.dev.xml")).expect("suite readable");
    let report = validate::run(&xml, &engine);
    let (p, f) = (report.passed(), report.failed());
    println!("{p} passed, {f} failed");
    assert!(p + f >= 130, "records read: {}", p + f);
    assert!(p as f64 >= 0.85 * (p + f) as f64, "{}", report.render());
    assert!(report.problems.is_empty(), "{:?}", report.problems);
}

#[test]
fn phoenix_dictionaries_load() {
    let Some(dir) = shared() else { return };
    let t = std::time::Instant::now();
    let (d, diags) = Dictionaries::load(&dir.join("phoenix")).expect("phoenix loads");
    println!("phoenix: {:?}, {} diagnostics", t.elapsed(), diags.len());
    assert!(d.actors.names.len() > 30_000, "{}", d.actors.names.len());
    assert!(d.agents.phrases.len() > 1_000);
    assert!(d.verbs.pattern_count() > 4_000);
    assert!(diags.len() < 50, "{diags:#?}");
    // Date-ranged codes pick the right one for the article's date.
    let date = |s| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
    let one = |text: &str, day| d.code_text(text, date(day));
    assert!(one("Russia condemned France.", "2015-01-01")
        .iter()
        .any(|(s, t, _)| s == "RUS" && t == "FRA"));
}

#[test]
fn no_panic_on_odd_input() {
    let d = dicts();
    let pieces = [
        "Widgetland",
        "Gadgetia",
        "condemned",
        "the",
        ",",
        "and",
        "of",
        "'s",
        "’",
        "n't",
        "-",
        "--",
        ".",
        "U.S.",
        "by",
        "was",
        "met",
        "(",
        ")",
        "«",
        "é",
        "中文",
        "_",
        "&",
        "%",
        "$",
        "*",
        "[",
        "]",
        "police",
        "former",
        "0",
        "1,000",
        "anti-",
        "Former",
        "\n",
        "  ",
        "said",
        "broke",
        "off",
        "gold",
        "bars",
    ];
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    for _ in 0..3000 {
        let mut text = String::new();
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        let n = ((seed >> 33) % 14) as usize;
        for _ in 0..n {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            text.push_str(pieces[(seed % pieces.len() as u64) as usize]);
            if (seed >> 7) & 3 != 0 {
                text.push(' ');
            }
        }
        let mut doc = attache::Doc {
            text: text.clone(),
            ..Default::default()
        };
        attache::petrarch::code(&mut doc, &d);
        for e in &doc.events {
            assert!(
                doc.text.get(e.trigger.start..e.trigger.end).is_some(),
                "{text:?}"
            );
        }
        for m in &doc.mentions {
            assert!(doc.text.get(m.span.start..m.span.end).is_some(), "{text:?}");
        }
        for t in attache::petrarch::tokens::tokenize(&text, 0) {
            assert!(text.get(t.span.start..t.span.end).is_some(), "{text:?}");
        }
    }
}
