//! Conflicting claims from hand-marked statements (see `attache::markup`):
//! one line per case, the expected conflicts as the sorted speaker codes of
//! their claims.

use attache::{conflicts, markup};

fn run(text: &str) -> Vec<Vec<String>> {
    let mut doc = markup::doc(text, Some("2021-10-20"));
    conflicts::detect(&mut doc);
    doc.conflicts
        .iter()
        .map(|c| {
            let mut v: Vec<String> = c
                .claims
                .iter()
                .map(|k| k.code.clone().unwrap_or_else(|| "?".into()))
                .collect();
            v.sort();
            v.dedup();
            v
        })
        .collect()
}

macro_rules! cases {
    ($($name:ident: $text:expr => [$([$($code:expr),*]),*];)*) => {
        $(#[test] fn $name() {
            let want: Vec<Vec<String>> = vec![$(vec![$($code.to_string()),*]),*];
            assert_eq!(run($text), want, "{}", $text);
        })*
    };
}

cases! {
    // Notification vs. nothing received (converse predicates).
    notified_vs_not_received: "{Lavrov|RUSGOV|person,s} said [[{Russia|RUS} notified {NATO|IGOWSTNAT} of its actions in advance]]. || [[“We have not received any official communication on the issues he raised,”]] said the {NATO press office|IGOWSTNAT|org,s}." => [["IGOWSTNAT", "RUSGOV"]];
    informed_vs_not_informed: "{Ankara|TUR|metonym,s} said [[it informed {Baghdad|IRQ|metonym} before the operation]]. || {Iraq|IRQ|s} said [[it was not informed by {Turkey|TUR}]]." => [["IRQ", "TUR"]];
    notice_vs_no_notice: "{Washington|USA|metonym,s} said [[{it|USA|pronoun} gave notice to {Moscow|RUS|metonym} of the test]]. || {The Kremlin|RUSGOV|org,s} said [[{Russia|RUS} had not received any notification]]." => [["RUSGOV", "USA"]];
    haven_t_received: "{Serbia|SRB|s} said [[{it|SRB|pronoun} notified {Kosovo|XKX} of the closure]]. || {Pristina|XKX|metonym,s} said [[we haven't received any notification from {Belgrade|SRB|metonym}]]." => [["SRB", "XKX"]];
    both_say_notified: "{Lavrov|RUSGOV|person,s} said [[{Russia|RUS} notified {NATO|IGOWSTNAT} in advance]]. || {Stoltenberg|IGOWSTNAT|person,s} said [[{NATO|IGOWSTNAT} was notified by {Russia|RUS}]]." => [];
    same_speaker_no_conflict: "{Lavrov|RUSGOV|person,s} said [[{Russia|RUS} notified {NATO|IGOWSTNAT}]]. || {Lavrov|RUSGOV|person,s} said [[{NATO|IGOWSTNAT} has not received any notification from {Ukraine|UKR}]]." => [];
    different_recipients: "{Paris|FRA|metonym,s} said [[{France|FRA} informed {Germany|DEU} of the plan]]. || {Rome|ITA|metonym,s} said [[{Italy|ITA} had not been informed]]." => [];
    // Attacks.
    attacked_vs_no_attack: "{Kyiv|UKR|metonym,s} said [[{Russian|RUS|demonym} forces attacked the port]]. || {Moscow|RUS|metonym,s} said [[no attack took place]]." => [["RUS", "UKR"]];
    struck_vs_did_not_strike: "{Israel|ISR|s} said [[{Hezbollah|LBNREB|org} struck the base]]. || {Hezbollah|LBNREB|org,s} said [[{it|LBNREB|pronoun} did not attack the base]]." => [["ISR", "LBNREB"]];
    shelled_vs_denied_shelling: "{Armenia|ARM|s} said [[{Azerbaijani|AZE|demonym} troops shelled the village]]. || {Baku|AZE|metonym,s} said [[{its|AZE|pronoun} troops never shelled the village]]." => [["ARM", "AZE"]];
    attack_no_strike_phrase: "{The ministry|SYRGOV|org,s} said [[{Turkish|TUR|demonym} jets bombed the town]]. || {Ankara|TUR|metonym,s} said [[there was no attack]]." => [["SYRGOV", "TUR"]];
    two_attack_reports_agree: "{Kyiv|UKR|metonym,s} said [[{Russian|RUS|demonym} forces attacked the port]]. || {The UN|IGOUNO|org,s} said [[{Russian|RUS|demonym} forces struck the port]]." => [];
    // Agreements.
    agreed_vs_no_agreement: "{The White House|USAGOV|org,s} said [[the two sides agreed on a prisoner swap]]. || {Tehran|IRN|metonym,s} said [[there is no agreement]]." => [["IRN", "USAGOV"]];
    reached_deal_vs_no_deal: "{Ethiopia|ETH|s} said [[{it|ETH|pronoun} reached a deal with {Egypt|EGY}]]. || {Cairo|EGY|metonym,s} said [[no deal was reached]]." => [["EGY", "ETH"]];
    signed_vs_not_agreed: "{Belgrade|SRB|metonym,s} said [[{Serbia|SRB} signed an agreement with {Kosovo|XKX}]]. || {Pristina|XKX|metonym,s} said [[{Kosovo|XKX} has not agreed to anything]]." => [["SRB", "XKX"]];
    agreement_both_positive: "{Moscow|RUS|metonym,s} said [[{Russia|RUS} and {Turkey|TUR} reached an agreement]]. || {Ankara|TUR|metonym,s} said [[an agreement was reached]]." => [];
    // Dialogue.
    not_interested_vs_open: "[[“{NATO|IGOWSTNAT} is not interested in any equitable dialogue,”]] {he|RUSGOV|pronoun,s} said. || [[“We remain open to dialogue,”]] {she|IGOWSTNAT|pronoun,s} said." => [["IGOWSTNAT", "RUSGOV"]];
    refuses_talks_vs_ready: "{Seoul|KOR|metonym,s} said [[{Pyongyang|PRK|metonym} refuses to talk]]. || {North Korea|PRK|s} said [[{it|PRK|pronoun} is ready for talks]]." => [["KOR", "PRK"]];
    open_vs_not_open: "{Caracas|VEN|metonym,s} said [[{Venezuela|VEN} is open to dialogue]]. || {The opposition|VENOPP|group,s} said [[the government is not open to dialogue]]." => [["VEN", "VENOPP"]];
    not_ready_vs_ready: "{Washington|USA|metonym,s} said [[{Iran|IRN} is not ready to negotiate]]. || {Tehran|IRN|metonym,s} said [[we are ready to negotiate]]." => [["IRN", "USA"]];
    dialogue_different_subjects: "{Berlin|DEU|metonym,s} said [[{Germany|DEU} is open to dialogue]]. || {Minsk|BLR|metonym,s} said [[{Poland|POL} is not interested in dialogue]]." => [];
    // Involvement and rebuttals.
    alleged_involvement_called_absurd: "{Polish|POL|demonym} {Prime Minister Nowak|POLGOV|person,s} said [[the arson had been aimed at a warehouse]]. || Ministers will discuss {Russia|RUS}’s alleged involvement in the arson, an accusation {Moscow|RUS|metonym} has called “absurd”." => [["POLGOV", "RUS"]];
    denied_involvement: "{Kyiv|UKR|metonym,s} said [[{Russia|RUS} was behind the blast]]. || {Moscow|RUS|metonym,s} said [[{Russia|RUS} had nothing to do with the blast]]." => [["RUS", "UKR"]];
    rejected_allegations: "{London|GBR|metonym,s} said [[{Russia|RUS} was responsible for the poisoning]]. || {Moscow|RUS|metonym} rejected the allegations as baseless." => [["GBR", "RUS"]];
    involved_vs_not_involved: "{Israel|ISR|s} said [[{Iran|IRN} was involved in the attack]]. || {Tehran|IRN|metonym,s} said [[{Iran|IRN} was not involved in the attack]]." => [["IRN", "ISR"]];
    denies_responsibility_statement: "{Officials|NGAGOV|org,s} said [[{the group|NGAREB|group} carried out the bombing]]. || {The group|NGAREB|group,s} said [[{it|NGAREB|pronoun} denied responsibility for the bombing]]." => [["NGAGOV", "NGAREB"]];
    rebuttal_without_event: "{Moscow|RUS|metonym} dismissed the accusations as absurd." => [];
    // Withdrawal and ceasefire.
    withdrew_vs_still_present: "{Moscow|RUS|metonym,s} said [[{Russian|RUS|demonym} troops withdrew from the border]]. || {NATO|IGOWSTNAT|s} said [[{Russian|RUS|demonym} troops have not withdrawn]]." => [["IGOWSTNAT", "RUS"]];
    violated_vs_respected: "{Baku|AZE|metonym,s} said [[{Armenia|ARM} violated the ceasefire]]. || {Yerevan|ARM|metonym,s} said [[{Armenia|ARM} respected the ceasefire]]." => [["ARM", "AZE"]];
    // Without the quotation stage: cues read here.
    fallback_cues_notify: "{Lavrov|RUSGOV|person} said {Russia|RUS} notified {NATO|IGOWSTNAT} of its plans. || “We have not received any official communication,” said the {NATO press office|IGOWSTNAT|org}." => [["IGOWSTNAT", "RUSGOV"]];
    fallback_continuing_quote: "{Lungescu|IGOWSTNAT|person} said {NATO|IGOWSTNAT} regrets the move. || “We remain open to dialogue.” || {Lavrov|RUSGOV|person} said {NATO|IGOWSTNAT} is not interested in dialogue." => [["IGOWSTNAT", "RUSGOV"]];
    unrelated_statements: "{Paris|FRA|metonym,s} said [[{France|FRA} will send aid]]. || {Berlin|DEU|metonym,s} said [[talks will continue]]." => [];
    // Compositional notification patterns: verb in any form, modifiers, a communication noun.
    variant_received_no_formal_notice: "{Oslo|NOR|metonym,s} said [[{Norway|NOR} warned {Chile|CHL} in advance]]. || {Santiago|CHL|metonym,s} said [[{it|CHL|pronoun} received no formal notice]]." => [["CHL", "NOR"]];
    variant_did_not_get_written_warning: "{Rome|ITA|metonym,s} said [[{Italy|ITA} informed {Malta|MLT} of the transfer]]. || {Valletta|MLT|metonym,s} said [[{it|MLT|pronoun} did not get any written warning]]." => [["ITA", "MLT"]];
    variant_has_yet_to_receive: "{Lima|PER|metonym,s} said [[{Peru|PER} notified {Ecuador|ECU} last week]]. || {Quito|ECU|metonym,s} said [[{Ecuador|ECU} has yet to receive a note from {Lima|PER|metonym}]]." => [["ECU", "PER"]];
    variant_was_never_told: "{Accra|GHA|metonym,s} said [[{Ghana|GHA} informed {Togo|TGO} before closing the border]]. || {Lome|TGO|metonym,s} said [[{Togo|TGO} was never told]]." => [["GHA", "TGO"]];
    variant_without_receiving: "{Canberra|AUS|metonym,s} said [[{Australia|AUS} alerted {Fiji|FJI}]]. || {Suva|FJI|metonym,s} said [[{Fiji|FJI} acted without receiving prior notifications]]." => [["AUS", "FJI"]];
    variant_got_messages_agree: "{Berlin|DEU|metonym,s} said [[{Germany|DEU} notified {Austria|AUT}]]. || {Vienna|AUT|metonym,s} said [[{Austria|AUT} got several messages from {Berlin|DEU|metonym}]]." => [];
    // Dialogue patterns with modifiers and other dialogue nouns.
    variant_interested_in_serious_talks: "{Tehran|IRN|metonym,s} said [[{Iran|IRN} is interested in serious talks]]. || {Washington|USA|metonym,s} said [[{Iran|IRN} is not interested in any negotiations]]." => [["IRN", "USA"]];
    variant_open_to_joint_work: "{Minsk|BLR|metonym,s} said [[{Belarus|BLR} remains open to joint work]]. || {Vilnius|LTU|metonym,s} said [[{Belarus|BLR} refused any cooperation]]." => [["BLR", "LTU"]];
    variant_door_open_vs_refused: "[[“The door to dialogue is still open,”]] {she|NOR|pronoun,s} said. || {Caracas|VEN|metonym,s} said [[{Norway|NOR} has refused any talks]]." => [["NOR", "VEN"]];
    // Negative cases: other topics, the same speaker, a negation outside the verb group.
    variant_different_topic: "{Oslo|NOR|metonym,s} said [[{Norway|NOR} notified {Chile|CHL}]]. || {Santiago|CHL|metonym,s} said [[{it|CHL|pronoun} did not receive any aid]]." => [];
    variant_same_speaker: "{Oslo|NOR|metonym,s} said [[{Norway|NOR} notified {Chile|CHL}]]. || {Oslo|NOR|metonym,s} said [[{Chile|CHL} received no note from {Norway|NOR}]]." => [];
    variant_negation_elsewhere: "{Oslo|NOR|metonym,s} said [[{Norway|NOR} notified {Chile|CHL}]]. || {Santiago|CHL|metonym,s} said [[officials who did not travel received a formal note]]." => [];
    tass_joins_conflict: "{Lavrov|RUSGOV|person,s} said [[{Russia|RUS} notified {NATO|IGOWSTNAT} in advance]]. || {Tass|RUSMED|org,s} reported [[{NATO|IGOWSTNAT} has not received any official notification from {Russia|RUS} yet]]. || [[“We have not received any official communication,”]] said the {NATO press office|IGOWSTNAT|org,s}." => [["IGOWSTNAT", "RUSGOV", "RUSMED"]];
}

#[test]
fn claims_carry_sentence_span_and_speaker() {
    let mut doc = markup::doc(
        "{Lavrov|RUSGOV|person,s} said [[{Russia|RUS} notified {NATO|IGOWSTNAT} of its actions in advance]]. || [[“We have not received any official communication,”]] said the {NATO press office|IGOWSTNAT|org,s}.",
        Some("2021-10-20"),
    );
    conflicts::detect(&mut doc);
    assert_eq!(doc.conflicts.len(), 1);
    let c = &doc.conflicts[0];
    assert!(c.topic.contains("notified"), "{}", c.topic);
    assert_eq!(c.claims[0].sentence, 0);
    assert_eq!(c.claims[0].speaker.as_deref(), Some("Lavrov"));
    assert!(doc.slice(c.claims[0].span).contains("notified"));
    assert_eq!(c.claims[1].sentence, 1);
    assert!(doc.slice(c.claims[1].span).contains("received"));
    let mut out = String::new();
    conflicts::report(&doc, &mut out);
    assert!(out.contains("Conflicting claims"), "{out}");
}

cases! {
    denied_that_attacked: "{Russia|RUS|s} denied [[that {its|RUS|pronoun} troops had attacked the hospital]]. || {Ukraine|UKR|s} said [[the strike killed 12 people]]." => [["RUS", "UKR"]];
    denied_cue_fallback: "{Russia|RUS} denied that its troops attacked the hospital. || {Ukraine|UKR} said the strike killed 12 people." => [["RUS", "UKR"]];
    rejected_claims_agreement: "{Tehran|IRN|metonym,s} said [[{Iran|IRN} reached an agreement with the {IAEA|IGOUNOIAEA|org}]]. || The {IAEA|IGOUNOIAEA|org,s} rejected [[that an agreement was reached]]." => [["IGOUNOIAEA", "IRN"]];
}

/// Through the whole engine (actors and quotations found by their stages).
#[test]
fn through_the_engine() {
    let engine = attache::Engine::builder().build().expect("engine");
    let cases: &[(&str, &[&str])] = &[
        ("Kyiv said Russian forces attacked the port on Saturday. Moscow said no attack took place.", &["RUS", "UKR"]),
        ("The White House said the two sides agreed on a prisoner swap. Tehran said there was no agreement.", &["IRN", "USA"]),
        ("Ankara said it informed Baghdad before the operation. Iraq's foreign ministry said it was not informed by Turkey.", &["IRQ", "TUR"]),
        ("London said Russia was responsible for the poisoning. Moscow rejected the allegations as baseless.", &["GBR", "RUS"]),
        ("Paris said France will send aid. Berlin said talks will continue.", &[]),
    ];
    for (text, want) in cases {
        let mut raw = attache::input::RawArticle::plain("case", *text);
        raw.meta.published = chrono::NaiveDate::from_ymd_opt(2021, 10, 20);
        let doc = engine.analyse(raw);
        let mut got: Vec<String> = doc
            .conflicts
            .iter()
            .flat_map(|k| k.claims.iter())
            .filter_map(|c| {
                c.code
                    .as_deref()
                    .map(|x| x.chars().take(3).collect::<String>())
            })
            .collect();
        got.sort();
        got.dedup();
        assert_eq!(got, want.to_vec(), "{text}");
    }
}

cases! {
    incursion_denied: "[[“This is a serious violation of our territory,”]] {the minister|GHAGOV|person,s} said. || {Togo|TGO|s} denied [[that its troops had crossed the border]]." => [["GHAGOV", "TGO"]];
}

// Mutual accusations: one sentence, each side asserting what the other denies.
cases! {
    accuse_each_other: "{India|IND|s} and {Pakistan|PAK|s} often accuse each other of violating the ceasefire." => [["IND", "PAK"]];
    blame_one_another: "{Armenia|ARM|s} and {Azerbaijan|AZE|s} blamed one another for the renewed shelling." => [["ARM", "AZE"]];
    traded_accusations: "{Moscow|RUS|metonym} and {Kyiv|UKR|metonym} traded accusations over the attack on the dam." => [["RUS", "UKR"]];
    both_countries_are_the_dyad: "{Thailand|THA|s} shelled a {Cambodian|KHM|demonym} post. || {Cambodia|KHM|s} fired back at {Thailand|THA}. || Both countries accused each other of starting the clash." => [["KHM", "THA"]];
    accused_a_third_party: "{India|IND|s} accused {Pakistan|PAK} of violating the ceasefire." => [];
    agreed_each_other: "{Kenya|KEN|s} and {Uganda|UGA|s} thanked each other for the talks." => [];
}
