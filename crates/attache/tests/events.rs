//! Event coding on sentences written for these tests. Actors are injected by a
//! small stub (a fixed name table) so the coder is tested independently of the
//! actor stage; quotations are injected where a case needs a speaker.

use attache::doc::{
    Doc, Entity, EntityKind, EventStatus, Mention, MentionKind, Quote, QuoteKind, Span, Speaker,
};
use attache::events::{self, VerbLexicon};
use attache::input::RawArticle;
use attache::{clean, segment};
use std::sync::OnceLock;

/// surface, code, entity kind, mention kind
const ACTORS: &[(&str, &str, EntityKind, MentionKind)] = {
    use EntityKind::*;
    use MentionKind::*;
    &[
        ("the United States", "USA", State, Name),
        ("United States", "USA", State, Name),
        ("the United Nations", "IGOUNO", Organization, Name),
        ("UN", "IGOUNO", Organization, Name),
        ("the European Union", "IGOEUREEC", Organization, Name),
        ("EU", "IGOEUREEC", Organization, Name),
        ("NATO", "IGOWSTNAT", Organization, Name),
        ("the alliance", "IGOWSTNAT", Organization, Nominal),
        ("IMF", "IGOWSTIMF", Organization, Name),
        ("the Czech Republic", "CZE", State, Name),
        ("the United Arab Emirates", "ARE", State, Name),
        ("the Philippines", "PHL", State, Name),
        ("the Netherlands", "NLD", State, Name),
        ("Saudi Arabia", "SAU", State, Name),
        ("South Korea", "KOR", State, Name),
        ("North Korea", "PRK", State, Name),
        ("Sri Lanka", "LKA", State, Name),
        ("Hong Kong", "HKG", State, Name),
        ("Russia", "RUS", State, Name),
        ("Peru", "PER", State, Name),
        ("the OAS", "IGOOAS", Organization, Name),
        ("Ankara", "TUR", Place, Metonym),
        ("Belarusian", "BLR", State, Demonym),
        ("Greece", "GRC", State, Name),
        ("Russian", "RUS", State, Demonym),
        ("Moscow", "RUS", Place, Metonym),
        ("the Kremlin", "RUSGOV", Organization, Metonym),
        ("Tass", "RUSMED", Organization, Name),
        ("Putin", "RUSGOV", Person, Name),
        ("China", "CHN", State, Name),
        ("Chinese", "CHN", State, Demonym),
        ("Beijing", "CHN", Place, Metonym),
        ("Washington", "USA", Place, Metonym),
        ("American", "USA", State, Demonym),
        ("Obama", "USAGOV", Person, Name),
        ("Cuba", "CUB", State, Name),
        ("Castro", "CUBGOV", Person, Name),
        ("Prague", "CZE", Place, Metonym),
        ("Czech", "CZE", State, Demonym),
        ("Iran", "IRN", State, Name),
        ("Iranian", "IRN", State, Demonym),
        ("Israel", "ISR", State, Name),
        ("Israeli", "ISR", State, Demonym),
        ("Ukraine", "UKR", State, Name),
        ("Ukrainian", "UKR", State, Demonym),
        ("France", "FRA", State, Name),
        ("French", "FRA", State, Demonym),
        ("Macron", "FRAGOV", Person, Name),
        ("Germany", "DEU", State, Name),
        ("German", "DEU", State, Demonym),
        ("Germany's", "DEU", State, Name),
        ("Britain", "GBR", State, Name),
        ("British", "GBR", State, Demonym),
        ("Japan", "JPN", State, Name),
        ("Japanese", "JPN", State, Demonym),
        ("India", "IND", State, Name),
        ("Indian", "IND", State, Demonym),
        ("Pakistan", "PAK", State, Name),
        ("Turkey", "TUR", State, Name),
        ("Turkish", "TUR", State, Demonym),
        ("Lebanon", "LBN", State, Name),
        ("Egypt", "EGY", State, Name),
        ("Qatar", "QAT", State, Name),
        ("Hamas", "PSEREB", Group, Name),
        ("Palestine", "PSE", State, Name),
        ("Palestinian", "PSE", State, Demonym),
        ("Venezuela", "VEN", State, Name),
        ("Venezuela's", "VEN", State, Name),
        ("Colombia", "COL", State, Name),
        ("Vietnam", "VNM", State, Name),
        ("Georgian", "GEO", State, Demonym),
        ("Ethiopia", "ETH", State, Name),
        ("Chile", "CHL", State, Name),
        ("Argentina", "ARG", State, Name),
        ("Kenya", "KEN", State, Name),
        ("Kenyan", "KEN", State, Demonym),
        ("Uganda", "UGA", State, Name),
        ("Spain", "ESP", State, Name),
        ("Ghana", "GHA", State, Name),
        ("Brazil", "BRA", State, Name),
        ("Ecuador", "ECU", State, Name),
        ("Australian", "AUS", State, Demonym),
        ("Australia", "AUS", State, Name),
        ("Mali", "MLI", State, Name),
        ("Armenia", "ARM", State, Name),
        ("Armenian", "ARM", State, Demonym),
        ("Azerbaijan", "AZE", State, Name),
        ("Syria", "SYR", State, Name),
        ("Syrian", "SYR", State, Demonym),
        ("Malaysian", "MYS", State, Demonym),
        ("Serbia", "SRB", State, Name),
        ("Serb", "SRB", State, Demonym),
        ("Serbs", "SRB", State, Demonym),
        ("Kosovo", "KSV", State, Name),
        ("Lithuania", "LTU", State, Name),
        ("Belarus", "BLR", State, Name),
        ("Sweden", "SWE", State, Name),
        ("Hungary", "HUN", State, Name),
        ("Greek", "GRC", State, Demonym),
        ("Nigeria", "NGA", State, Name),
        ("Myanmar", "MMR", State, Name),
        ("Bulgarian", "BGR", State, Demonym),
        ("Polish", "POL", State, Demonym),
        ("Poland", "POL", State, Name),
        ("Bosnian", "BIH", State, Demonym),
        ("Taiwan", "TWN", State, Name),
        ("Canada", "CAN", State, Name),
        ("Mexico", "MEX", State, Name),
        ("Italy", "ITA", State, Name),
        ("Afghan", "AFG", State, Demonym),
        ("the Taliban", "AFGINS", Group, Name),
        ("Saudi", "SAU", State, Demonym),
        ("Paris", "FRA", Place, Name),
        ("Berlin", "DEU", Place, Name),
        ("Nairobi", "KEN", Place, Name),
        ("Vienna", "AUT", Place, Name),
        ("Panama", "PAN", State, Name),
        ("London", "GBR", Place, Name),
        ("Istanbul", "TUR", Place, Name),
        ("Ladakh", "IND", Place, Name),
        ("Ghouta", "SYR", Place, Name),
    ]
};

fn lexicon() -> &'static VerbLexicon {
    static L: OnceLock<VerbLexicon> = OnceLock::new();
    L.get_or_init(|| VerbLexicon::builtin().expect("built-in lexicon"))
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// Segments `text` and injects actor mentions from [`ACTORS`] (longest first,
/// on word boundaries) and, when `speaker` is given, a direct quotation for
/// text between curly quotation marks said by that actor code.
fn doc_for(text: &str, speaker: Option<&str>) -> Doc {
    let mut doc = clean::clean(RawArticle::plain("test", text));
    segment::segment(&mut doc);
    let mut taken = vec![false; doc.text.len()];
    let mut found: Vec<(usize, usize, usize)> = Vec::new();
    let mut order: Vec<usize> = (0..ACTORS.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(ACTORS[i].0.len()));
    for ai in order {
        let name = ACTORS[ai].0;
        let capital = name.strip_prefix("the ").map(|r| format!("The {r}"));
        for name in std::iter::once(name).chain(capital.as_deref()) {
            let mut from = 0;
            while let Some(off) = doc.text[from..].find(name) {
                let s = from + off;
                let e = s + name.len();
                from = s + 1;
                let before = doc.text[..s]
                    .chars()
                    .next_back()
                    .is_none_or(|c| !is_word_char(c));
                let after = doc.text[e..]
                    .chars()
                    .next()
                    .is_none_or(|c| !is_word_char(c));
                if before && after && !taken[s..e].iter().any(|&t| t) {
                    taken[s..e].iter_mut().for_each(|t| *t = true);
                    found.push((s, e, ai));
                }
            }
        }
    }
    found.sort();
    for (s, e, ai) in found {
        let (_, code, kind, mkind) = ACTORS[ai];
        let entity = match doc
            .entities
            .iter()
            .position(|x| x.code.as_deref() == Some(code) && x.kind == kind)
        {
            Some(i) => i,
            None => {
                doc.entities.push(Entity {
                    id: doc.entities.len(),
                    name: ACTORS[ai].0.to_string(),
                    code: Some(code.to_string()),
                    kind,
                    roles: Vec::new(),
                    gender: None,
                    country: Some(code[..3].to_string()),
                });
                doc.entities.len() - 1
            }
        };
        let Some(sentence) = doc.sentence_at(s) else {
            continue;
        };
        doc.mentions.push(Mention {
            entity,
            span: Span::new(s, e),
            sentence,
            kind: mkind,
        });
    }
    if let Some(code) = speaker {
        if let (Some(a), Some(b)) = (doc.text.find('“'), doc.text.find('”')) {
            let span = Span::new(a + '“'.len_utf8(), b);
            let sentences = (0..doc.sentences.len())
                .filter(|&i| doc.sentences[i].span.overlaps(span))
                .collect();
            let entity = doc
                .entities
                .iter()
                .position(|x| x.code.as_deref() == Some(code));
            doc.quotes.push(Quote {
                span,
                kind: QuoteKind::Direct,
                speaker: Speaker {
                    name: None,
                    code: Some(code.to_string()),
                    entity,
                },
                cue: None,
                sentences,
            });
        }
    }
    events::code(&mut doc, lexicon());
    doc
}

fn coded(doc: &Doc) -> Vec<String> {
    let mut v: Vec<String> = doc
        .events
        .iter()
        .map(|e| {
            format!(
                "{} {} {}",
                e.source.as_deref().unwrap_or("-"),
                e.cameo,
                e.target.as_deref().unwrap_or("-")
            )
        })
        .collect();
    v.sort();
    v
}

fn check(cases: &[(&str, &[&str])], speaker: Option<&str>) -> usize {
    let mut failures = Vec::new();
    for (text, want) in cases {
        let doc = doc_for(text, speaker);
        let got = coded(&doc);
        let mut want: Vec<String> = want.iter().map(|s| s.to_string()).collect();
        want.sort();
        if got != want {
            failures.push(format!("{text}\n    want {want:?}\n    got  {got:?}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
    cases.len()
}

#[test]
fn root_01_to_05_statements_appeals_intents_consultations_cooperation() {
    check(
        &[
            // 01 make statement
            (
                "Russia declined to comment on the report about China.",
                &["RUS 011 CHN"],
            ),
            (
                "Iran expressed concern about Israel's nuclear programme.",
                &["IRN 012 ISR"],
            ),
            (
                "China expressed optimism about talks with the United States.",
                &["CHN 013 USA"],
            ),
            (
                "Japan is considering new measures against North Korea.",
                &["JPN 014 PRK"],
            ),
            (
                "Hamas claimed responsibility for the rocket fire on Israel.",
                &["PSEREB 015 ISR"],
            ),
            (
                "Moscow denied any involvement in the poisoning.",
                &["RUS 016 -"],
            ),
            (
                "The Kremlin called the accusations by Britain absurd.",
                &["RUSGOV 016 GBR"],
            ),
            (
                "Germany expressed condolences to Turkey after the earthquake.",
                &["DEU 018 TUR"],
            ),
            (
                "Canada shares the concerns of Australia about the vote.",
                &["CAN 019 AUS"],
            ),
            (
                "Japan has not received any formal notice from China.",
                &["JPN 010 CHN"],
            ),
            (
                // a policy is not a statement: no event
                "China's policy towards Taiwan has not changed.",
                &[],
            ),
            // 02 appeal
            (
                "Lebanon appealed to France for humanitarian aid.",
                &["LBN 0233 FRA"],
            ),
            ("Ukraine asked Germany for more weapons.", &["UKR 0232 DEU"]),
            (
                "The United Nations urged Russia and Ukraine to agree to a ceasefire.",
                &["IGOUNO 0256 RUS", "IGOUNO 0256 UKR"],
            ),
            (
                "Turkey proposes that Ankara and Greece agree on de-escalation steps.",
                &["TUR 0256 GRC"],
            ),
            (
                "China called on the United States to resume talks.",
                &["CHN 026 USA"],
            ),
            (
                "Egypt urged Israel to release the prisoners.",
                &["EGY 0253 ISR"],
            ),
            (
                "The European Union called for the release of detained journalists in Iran.",
                &["IGOEUREEC 0253 IRN"],
            ),
            (
                "Washington urged Beijing to ease sanctions on Australian wine.",
                &["USA 0254 CHN"],
            ),
            ("Pakistan asked China for a loan.", &["PAK 0231 CHN"]),
            (
                "The United States urged Venezuela's president to step down.",
                &["USA 0241 VEN"],
            ),
            // 03 express intent to cooperate
            (
                "Japan pledged economic aid to the Philippines.",
                &["JPN 0331 PHL"],
            ),
            (
                "India offered to mediate between Russia and Ukraine.",
                &["IND 039 RUS", "IND 039 UKR"],
            ),
            (
                "Iran is ready to resume talks with the United States.",
                &["IRN 036 USA"],
            ),
            (
                "Japan remains open to dialogue with North Korea.",
                &["JPN 036 PRK"],
            ),
            (
                "Turkey agreed to accept mediation by Qatar.",
                &["TUR 038 QAT"],
            ),
            (
                "Cuba will meet the United States next week.",
                &["CUB 036 USA", "USA 036 CUB"],
            ),
            (
                "Israel agreed to release 50 Palestinian prisoners.",
                &["ISR 0353 PSE"],
            ),
            (
                "China vowed to deepen economic cooperation with Vietnam.",
                &["CHN 0311 VNM"],
            ),
            (
                "Russia promised to lift the ban on Georgian wine.",
                &["RUS 0351 GEO"],
            ),
            (
                "Ethiopia expressed willingness to negotiate with Egypt.",
                &["ETH 036 EGY"],
            ),
            (
                "The French president will travel to Germany next week.",
                &["FRA 036 DEU"],
            ),
            // 04 consult
            (
                "Putin and Macron met in Vienna.",
                &["FRAGOV 040 RUSGOV", "RUSGOV 040 FRAGOV"],
            ),
            (
                "The Chinese foreign minister met his Indian counterpart in Moscow.",
                &["CHN 040 IND", "IND 040 CHN"],
            ),
            (
                "Putin spoke by phone with Macron.",
                &["FRAGOV 041 RUSGOV", "RUSGOV 041 FRAGOV"],
            ),
            (
                // a visit is also its hosting (gold README: 042 and 043, visitor and host)
                "The Israeli prime minister visited Washington on Monday.",
                &["ISR 042 USA", "USA 043 ISR"],
            ),
            (
                "Germany hosted the Ukrainian president in Berlin.",
                &["DEU 043 UKR", "UKR 042 DEU"],
            ),
            (
                "Qatar mediated between Hamas and Israel.",
                &["QAT 045 ISR", "QAT 045 PSEREB"],
            ),
            (
                "Iran and the European Union held talks in Vienna.",
                &["IGOEUREEC 040 IRN", "IRN 040 IGOEUREEC"],
            ),
            (
                "Russia notified NATO of its decision.",
                &["RUS 040 IGOWSTNAT"],
            ),
            (
                "Chile consulted Argentina about the border.",
                &["ARG 040 CHL", "CHL 040 ARG"],
            ),
            (
                "Indian officials negotiated with Pakistan for three days.",
                &["IND 046 PAK", "PAK 046 IND"],
            ),
            // 05 diplomatic cooperation
            ("France praised Germany's decision.", &["FRA 051 DEU"]),
            (
                "Ecuador and Colombia have reached an agreement to restore diplomatic ties.",
                &["COL 054 ECU", "ECU 054 COL"],
            ),
            (
                "Israel and the United Arab Emirates signed a peace agreement.",
                &["ARE 057 ISR", "ISR 057 ARE"],
            ),
            (
                "Japan apologized to South Korea for the remarks.",
                &["JPN 055 KOR"],
            ),
            ("Kenya defended Uganda's decision.", &["KEN 052 UGA"]),
            ("Spain recognized Palestine.", &["ESP 054 PSE"]),
            ("China welcomed the decision by Pakistan.", &["CHN 051 PAK"]),
            (
                "Egypt and Israel normalized relations in 1980.",
                &["EGY 050 ISR", "ISR 050 EGY"],
            ),
        ],
        None,
    );
}

#[test]
fn root_06_to_10_material_cooperation_aid_yield_investigate_demand() {
    check(
        &[
            // 06
            (
                "Russia and China will hold joint military exercises.",
                &["CHN 0312 RUS", "RUS 0312 CHN"],
            ),
            (
                "Germany shared intelligence with France.",
                &["DEU 064 FRA", "FRA 064 DEU"],
            ),
            (
                "Brazil extradited two suspects to Argentina.",
                &["BRA 063 ARG"],
            ),
            (
                "Japan will invest in Indian infrastructure.",
                &["JPN 0311 IND"],
            ),
            (
                "The United States cooperated with Mexico on the investigation.",
                &["MEX 063 USA", "USA 063 MEX"],
            ),
            // 07
            (
                "Japan provided humanitarian aid to Turkey.",
                &["JPN 073 TUR"],
            ),
            (
                "The United States sent weapons to Ukraine.",
                &["USA 072 UKR"],
            ),
            (
                "The IMF granted a loan to Sri Lanka.",
                &["IGOWSTIMF 071 LKA"],
            ),
            (
                "Ecuador granted asylum to the Australian activist.",
                &["ECU 075 AUS"],
            ),
            ("France deployed peacekeepers to Mali.", &["FRA 074 MLI"]),
            // 08
            ("Iran released the British sailors.", &["IRN 0841 GBR"]),
            (
                "The United States lifted sanctions on Cuba.",
                &["USA 085 CUB"],
            ),
            (
                "Russia withdrew its troops from the border with Ukraine.",
                &["RUS 0874 UKR"],
            ),
            (
                "Armenia and Azerbaijan declared a ceasefire.",
                &["ARM 0871 AZE", "AZE 0871 ARM"],
            ),
            (
                "Syria allowed UN inspectors to visit the site.",
                &["SYR 0862 IGOUNO"],
            ),
            ("Israel returned the remains to Lebanon.", &["ISR 0842 LBN"]),
            (
                "Turkey eased restrictions on Syrian refugees.",
                &["TUR 081 SYR"],
            ),
            // 09
            (
                "The Netherlands investigated the downing of the Malaysian airliner.",
                &["NLD 090 MYS"],
            ),
            ("Ukraine investigated Russian war crimes.", &["UKR 094 RUS"]),
            (
                "Germany is investigating the attack on the Israeli embassy.",
                &["DEU 093 ISR"],
            ),
            // 10
            (
                "Russia demanded the release of its citizens from Ukraine.",
                &["RUS 1053 UKR"],
            ),
            (
                "Iran demanded that the United States lift its sanctions.",
                &["IRN 1054 USA"],
            ),
            ("China demanded an apology from Japan.", &["CHN 102 JPN"]),
            (
                "The United States demanded that Russia withdraw its troops.",
                &["USA 1056 RUS"],
            ),
            ("Serbia demanded talks with Kosovo.", &["SRB 106 KSV"]),
        ],
        None,
    );
}

#[test]
fn root_11_to_15_disapprove_reject_threaten_protest_force_posture() {
    check(
        &[
            // 11
            ("France condemned the attack on the Israeli embassy.", &["FRA 111 ISR"]),
            ("Iran criticized Saudi Arabia.", &["IRN 111 SAU"]),
            ("The United States accused China of cyber espionage.", &["USA 1125 CHN"]),
            ("Ukraine accused Russia of war crimes.", &["UKR 1124 RUS"]),
            ("The EU stripped five Iranian mission members of their accreditations, accusing them of spying.", &["IGOEUREEC 1125 IRN", "IGOEUREEC 161 IRN"]),
            ("Lithuania blamed Belarus for the migrant crisis.", &["LTU 112 BLR"]),
            ("Sweden summoned the Chinese ambassador.", &["SWE 114 CHN"]),
            ("Ukraine sued Russia at the international court.", &["UKR 115 RUS"]),
            ("A Russian court convicted two Ukrainian sailors.", &["RUS 116 UKR"]),
            ("Israel rejected the accusations from Turkey.", &["ISR 016 TUR"]),
            ("Iran, which denies the charge, accused Israel of sabotage.", &["IRN 016 ISR", "IRN 1125 ISR"]),
            // 12
            ("Venezuela rejected the proposal from Colombia.", &["VEN 127 COL"]),
            ("North Korea refused to meet with the United States.", &["PRK 125 USA"]),
            ("Hungary vetoed the EU statement on China.", &["HUN 129 IGOEUREEC"]),
            ("Iran defied the United Nations.", &["IRN 128 IGOUNO"]),
            ("Russia rejected talks with Ukraine.", &["RUS 125 UKR"]),
            ("Israel refused to release the Palestinian prisoners.", &["ISR 1243 PSE"]),
            // 13
            ("Russia threatened to expel American diplomats.", &["RUS 1313 USA"]),
            ("China threatened sanctions against Lithuania.", &["CHN 1312 LTU"]),
            ("North Korea threatened to attack South Korea.", &["PRK 1384 KOR"]),
            ("Iran warned of retaliation against Israel.", &["IRN 130 ISR"]),
            ("The United States gave Iran an ultimatum.", &["USA 139 IRN"]),
            ("Hamas threatened Israel.", &["PSEREB 130 ISR"]),
            // 14
            ("Greek workers went on strike over pension cuts.", &["GRC 1432 -"]),
            ("Palestinian prisoners went on hunger strike.", &["PSE 142 -"]),
            ("Iranian students boycotted the elections.", &["IRN 1434 -"]),
            ("Kenyan protesters rioted in Nairobi.", &["KEN 145 -"]),
            ("French farmers blocked highways near Paris.", &["FRA 144 -"]),
            // 15
            ("Russia deployed troops to the border with Ukraine.", &["RUS 154 UKR"]),
            ("China mobilized its forces near Taiwan.", &["CHN 154 TWN"]),
            ("NATO strengthened its deterrence in Poland.", &["IGOWSTNAT 150 POL"]),
            ("India put its army on high alert along the border with Pakistan.", &["IND 152 PAK"]),
            ("Turkey deployed riot police in Istanbul.", &["TUR 153 -"]),
            ("The massive Chinese buildup of troops near Taiwan alarmed Japan.", &["CHN 154 TWN"]),
        ],
        None,
    );
}

#[test]
fn root_16_to_20_reduce_relations_coerce_assault_fight_mass_violence() {
    check(
        &[
            // 16
            (
                "Poland on Friday expelled 12 Belarusian diplomats.",
                &["POL 161 BLR"],
            ),
            (
                "Beijing had on Tuesday ordered out four Japanese diplomats.",
                &["CHN 161 JPN"],
            ),
            (
                "Peru plans to cease its diplomatic engagement with the OAS.",
                &["PER 161 IGOOAS"],
            ),
            (
                "Serbia will close the alliance's liaison office in Belgrade.",
                &["SRB 161 IGOWSTNAT"],
            ),
            (
                "The United States imposed sanctions on Russia.",
                &["USA 163 RUS"],
            ),
            ("Washington hit Beijing with new tariffs.", &["USA 163 CHN"]),
            (
                "Argentina recalled its ambassador from Israel.",
                &["ARG 161 ISR"],
            ),
            (
                "Germany suspended military aid to Turkey.",
                &["DEU 1622 TUR"],
            ),
            (
                "Colombia broke off negotiations with Venezuela.",
                &["COL 164 VEN"],
            ),
            (
                "The Czech Republic expelled Russian diplomats.",
                &["CZE 161 RUS"],
            ),
            (
                "Iran halted the activities of its mission at the EU headquarters.",
                &["IRN 161 IGOEUREEC"],
            ),
            // 17
            (
                "Greek prosecutors charged two Turkish men with smuggling.",
                &["GRC 173 TUR"],
            ),
            ("Iran arrested a French tourist.", &["IRN 173 FRA"]),
            ("Belarus deported two Polish journalists.", &["BLR 174 POL"]),
            ("China banned Australian coal.", &["CHN 172 AUS"]),
            (
                "Nigeria seized a tanker belonging to Greece.",
                &["NGA 1711 GRC"],
            ),
            ("Myanmar imposed a curfew.", &["MMR 1723 -"]),
            ("Iranian forces cracked down on protesters.", &["IRN 175 -"]),
            // 18
            (
                "The Taliban killed three Afghan soldiers.",
                &["AFGINS 1823 AFG"],
            ),
            (
                "Russian agents tried to assassinate a Bulgarian arms dealer.",
                &["RUS 185 BGR"],
            ),
            // 19
            ("Russia invaded Ukraine in February.", &["RUS 190 UKR"]),
            ("Israel bombed Hamas positions.", &["ISR 195 PSEREB"]),
            ("Azerbaijan shelled Armenian villages.", &["AZE 194 ARM"]),
            (
                "China occupied islands claimed by Vietnam.",
                &["CHN 192 VNM"],
            ),
            (
                "Russia violated the ceasefire with Ukraine.",
                &["RUS 196 UKR"],
            ),
            ("Egypt closed its border with Israel.", &["EGY 191 ISR"]),
            // 20
            (
                "Syria used chemical weapons against civilians in Ghouta.",
                &["SYR 2041 -"],
            ),
            ("North Korea detonated a nuclear device.", &["PRK 2042 -"]),
            ("Serb forces massacred Bosnian civilians.", &["SRB 202 BIH"]),
            ("Myanmar expelled thousands of villagers.", &["MMR 201 -"]),
        ],
        None,
    );
}

#[test]
fn passives_negation_coordination_relative_clauses_and_no_event_sentences() {
    check(
        &[
            // passives
            (
                "Twenty Czech diplomats were expelled by Russia.",
                &["RUS 161 CZE"],
            ),
            ("Eight Russian diplomats were expelled.", &["- 161 RUS"]),
            (
                "The Russian ambassador was summoned by Poland.",
                &["POL 114 RUS"],
            ),
            (
                "Two Iranian officials were arrested in Germany.",
                &["- 173 IRN"],
            ),
            ("Ukraine was invaded by Russia.", &["RUS 190 UKR"]),
            // negation
            (
                "Russia did not expel the British diplomats.",
                &["RUS 161 GBR"],
            ),
            ("China has never recognized Taiwan.", &["CHN 054 TWN"]),
            // hypothetical
            (
                "If Iran enriches more uranium, Israel could attack its facilities.",
                &["ISR 190 IRN"],
            ),
            ("Russia may expel more diplomats.", &["RUS 161 -"]),
            // coordination
            (
                "Russia and China criticized the United States.",
                &["CHN 111 USA", "RUS 111 USA"],
            ),
            (
                "Britain expelled diplomats from Russia and Iran.",
                &["GBR 161 IRN", "GBR 161 RUS"],
            ),
            (
                "France, Germany and Italy condemned the coup in Mali.",
                &["DEU 111 MLI", "FRA 111 MLI", "ITA 111 MLI"],
            ),
            (
                "Russia expelled Czech diplomats and closed the Czech consulate.",
                &["RUS 161 CZE"],
            ),
            (
                "Iran arrested a British journalist and accused him of spying.",
                &["IRN 1125 GBR", "IRN 173 GBR"],
            ),
            // reported speech codes the content, not the saying
            (
                "Officials in Beijing said China will halt the work of its mission to the EU.",
                &["CHN 161 IGOEUREEC"],
            ),
            (
                "Tass reported that Turkey has not received any letter from Greece.",
                &["TUR 010 GRC"],
            ),
            // appositions, relative clauses, appeal contents, gerund clauses, mutual acts
            (
                "Iran, Syria's main ally, condemned Israel.",
                &["IRN 111 ISR"],
            ),
            (
                "Egypt and Qatar, which have ties with Israel, urged restraint.",
                &["EGY 0256 -", "QAT 0256 -"],
            ),
            (
                // one appeal, coded by its content (judicial cooperation, 063): no RUS event
                "Germany asked Russia to cooperate with the investigation.",
                &["DEU 0213 RUS"],
            ),
            (
                "Moscow might respond by expelling German diplomats.",
                &["RUS 161 DEU"],
            ),
            (
                "India and Pakistan agreed to observe a ceasefire.",
                &["IND 0356 PAK", "PAK 0356 IND"],
            ),
            (
                "The United States is preparing sanctions against Iran.",
                &["USA 163 IRN"],
            ),
            (
                "China, which has not condemned Russia's invasion, called for peace talks.",
                &["CHN 026 -", "CHN 111 RUS"],
            ),
            (
                "South Korea has ruled out providing weapons to Ukraine.",
                &["KOR 122 UKR"],
            ),
            (
                "Japan is considering sending aid to Turkey.",
                &["JPN 014 TUR", "JPN 070 TUR"],
            ),
            // no event
            ("The weather in Moscow was cold on Monday.", &[]),
            ("Russia is the largest country in the world.", &[]),
            ("The meeting room was empty.", &[]),
            ("China's economy grew by five percent last year.", &[]),
            ("The agreement text runs to 40 pages.", &[]),
            ("Analysts in London said the talks were complex.", &[]),
            ("Gunmen abducted two Chinese engineers.", &[]),
            ("A car bomb exploded near the Turkish embassy.", &[]),
            (
                "The Indian economy is expected to grow faster than China's.",
                &[],
            ),
            ("Tourists from Japan visited the museum.", &["JPN 042 -"]),
        ],
        None,
    );
}

#[test]
fn quotations_are_coded_for_their_speaker() {
    check(
        &[
            ("“We will not negotiate with Ukraine,” the minister said.", &["RUS 046 UKR", "UKR 046 RUS"]),
            // the reported accusation is Ukraine's act, not the minister's criticism
            ("“Ukraine keeps accusing Russia of aggression,” the minister said.", &["UKR 1123 RUS"]),
            ("“Ukraine, I think, has crossed a red line,” the minister said.", &["RUS 111 UKR"]),
            // a negated intent predicate is a refusal to talk (125); the quote names no partner
            ("“Ukraine is not interested in any dialogue,” the minister said.", &["UKR 125 -"]),
            ("“We have strengthened our air defence after Ukraine's aggressive drills,” the minister said.", &["RUS 1123 UKR", "RUS 150 UKR"]),
        ],
        Some("RUS"),
    );
}

#[test]
fn status_is_decided_from_the_verb_group_and_context() {
    use EventStatus::*;
    let cases: &[(&str, EventStatus)] = &[
        ("Russia expelled two Czech diplomats.", Asserted),
        ("Russia did not expel the Czech diplomats.", Negated),
        ("Russia has not expelled the Czech diplomats.", Negated),
        ("Russia didn't expel the Czech diplomats.", Negated),
        ("Russia will expel two Czech diplomats.", Intended),
        ("Russia plans to expel two Czech diplomats.", Intended),
        ("Russia is set to expel two Czech diplomats.", Intended),
        ("Russia could expel two Czech diplomats.", Hypothetical),
        ("Russia may expel two Czech diplomats.", Hypothetical),
        (
            "If talks fail, Russia will expel two Czech diplomats.",
            Hypothetical,
        ),
        ("Russia proposed to hold talks with Ukraine.", Proposed),
        (
            "Tass reported that Poland stripped Russian diplomats of their accreditations.",
            Reported,
        ),
        ("Russia refused to meet Ukraine.", Asserted),
        (
            "Moscow might respond by expelling German diplomats.",
            Hypothetical,
        ),
        (
            "The United States is preparing sanctions against Iran.",
            Intended,
        ),
    ];
    let mut failures = Vec::new();
    for (text, want) in cases {
        let doc = doc_for(text, None);
        let got: Vec<EventStatus> = doc.events.iter().map(|e| e.status).collect();
        if got.first() != Some(want) {
            failures.push(format!(
                "{text}: want {want:?}, got {got:?} {:?}",
                coded(&doc)
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn triggers_quotes_and_report() {
    let doc = doc_for(
        "“Ukraine keeps accusing Russia of aggression,” the minister said.",
        Some("RUS"),
    );
    let e = doc.events.first().expect("an event");
    assert_eq!(doc.slice(e.trigger), "accusing");
    assert_eq!(e.quote, Some(0));
    let doc = doc_for("Poland on Friday expelled 12 Belarusian diplomats.", None);
    let mut out = String::new();
    events::report(&doc, &mut out);
    assert!(
        out.contains("POL —161 Reduce or break diplomatic relations→ BLR (asserted, undated)"),
        "{out}"
    );
    assert!(
        out.contains("Poland on Friday expelled 12 Belarusian diplomats."),
        "{out}"
    );
    for ev in &doc.events {
        assert!(doc.text.get(ev.trigger.start..ev.trigger.end).is_some());
    }
}

#[test]
fn odd_input_never_panics_and_triggers_slice_the_text() {
    let odd = [
        "",
        "Russia",
        "- - - Russia - expelled - -",
        "Russia's didn't won't can't ’s ' t n't",
        "“ Russia ” expelled “ ” ' ' NATO’s “",
        "Russia expelled 🚀 diplomats from Ukraine — and China, which, who, that.",
        "by by by Russia by expelling by",
        "Russia, , , , and and and Ukraine met.",
        "to to to Russia to to expel to",
        "de-escalation - - de- -escalation Russia proposes de-",
        "Россия expelled Україна diplomats; Russia: expelled.",
        "If if if Russia could could not never no expel.",
    ];
    for text in odd {
        for speaker in [None, Some("RUS")] {
            let doc = doc_for(text, speaker);
            for e in &doc.events {
                assert!(
                    doc.text.get(e.trigger.start..e.trigger.end).is_some(),
                    "{text}"
                );
                assert!(e.sentence < doc.sentences.len(), "{text}");
            }
        }
    }
}
