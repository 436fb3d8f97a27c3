//! Table tests on sentences written for these tests (no article text): one
//! case per line. Each text is split into sentences at newlines so the cases
//! do not depend on the sentence splitter.

use super::*;
use crate::doc::{EntityKind as K, Paragraph, Sentence, Span};
use std::sync::OnceLock;

fn lexicon() -> &'static ActorLexicon {
    static L: OnceLock<ActorLexicon> = OnceLock::new();
    L.get_or_init(|| ActorLexicon::builtin().expect("built-in lexicon compiles"))
}

/// A document with one sentence per line, all in one paragraph.
fn doc_of(text: &str) -> Doc {
    let mut d = Doc::default();
    let mut pos = 0;
    let lines: Vec<&str> = text.split('\n').collect();
    d.text = lines.join(" ");
    for l in lines {
        d.sentences.push(Sentence {
            span: Span::new(pos, pos + l.len()),
            paragraph: 0,
            tokens: Span::new(0, 0),
        });
        pos += l.len() + 1;
    }
    d.paragraphs.push(Paragraph {
        span: Span::new(0, d.text.len()),
        section: None,
        headline: false,
    });
    recognise(&mut d, lexicon());
    d
}

/// Name, code and kind of the entity the last mention with exactly this text points to.
fn resolved(d: &Doc, mention: &str) -> Option<(String, Option<String>, K)> {
    d.mentions
        .iter()
        .rev()
        .find(|m| d.slice(m.span) == mention)
        .map(|m| {
            let e = &d.entities[m.entity];
            (e.name.clone(), e.code.clone(), e.kind)
        })
}

fn dump(d: &Doc) -> String {
    let mut s = String::new();
    for m in &d.mentions {
        let e = &d.entities[m.entity];
        s.push_str(&format!(
            "\n  {:?} -> {} {:?} {:?} {:?}",
            d.slice(m.span),
            e.name,
            e.code,
            e.kind,
            m.kind
        ));
    }
    s
}

/// `case!(text, mention, entity name, code, kind)`: the mention resolves to that entity.
macro_rules! case {
    ($text:expr, $mention:expr, $name:expr, $code:expr, $kind:expr) => {{
        let d = doc_of($text);
        let got = resolved(&d, $mention);
        let want: Option<&str> = $code;
        assert_eq!(
            got.as_ref().map(|g| (g.0.as_str(), g.1.as_deref(), g.2)),
            Some(($name, want, $kind)),
            "in {:?}{}",
            $text,
            dump(&d)
        );
    }};
}

/// `none!(text, mention)`: no mention with this text.
macro_rules! none {
    ($text:expr, $mention:expr) => {{
        let d = doc_of($text);
        assert!(
            resolved(&d, $mention).is_none(),
            "in {:?}{}",
            $text,
            dump(&d)
        );
    }};
}

#[test]
fn states_demonyms_and_metonyms() {
    case!(
        "Japan protested on Friday.",
        "Japan",
        "Japan",
        Some("JPN"),
        K::State
    );
    case!(
        "Brazilians protested in the capital.",
        "Brazilians",
        "Brazilians",
        Some("BRA"),
        K::Group
    );
    case!(
        "Russians protested against the decision.",
        "Russians",
        "Russians",
        Some("RUS"),
        K::Group
    );
    case!(
        "The Kremlin said the talks had failed.",
        "The Kremlin",
        "Russia",
        Some("RUS"),
        K::State
    );
    case!(
        "Beijing rejected the claims on Monday.",
        "Beijing",
        "China",
        Some("CHN"),
        K::State
    );
    case!(
        "Talks were held in Beijing last week.",
        "Beijing",
        "Beijing",
        None,
        K::Place
    );
    case!(
        "Downing Street said the plan was fair.",
        "Downing Street",
        "United Kingdom",
        Some("GBR"),
        K::State
    );
    case!(
        "The White House declined to comment.",
        "The White House",
        "United States",
        Some("USA"),
        K::State
    );
    case!(
        "Ministers met at the White House on Friday.",
        "the White House",
        "White House",
        None,
        K::Place
    );
    case!(
        "Türkiye closed its airspace.",
        "Türkiye",
        "Turkey",
        Some("TUR"),
        K::State
    );
    case!(
        "Turkey summoned the Swedish envoy.",
        "Turkey",
        "Turkey",
        Some("TUR"),
        K::State
    );
    case!(
        "Turkey summoned the Swedish envoy.",
        "envoy",
        "Swedish envoy",
        Some("SWEGOV"),
        K::Person
    );
    case!(
        "Chad expelled the French ambassador.",
        "Chad",
        "Chad",
        Some("TCD"),
        K::State
    );
    case!(
        "Chad expelled the French ambassador.",
        "ambassador",
        "French ambassador",
        Some("FRAGOV"),
        K::Person
    );
    case!(
        "Georgia accused Moscow of provocation.",
        "Georgia",
        "Georgia",
        Some("GEO"),
        K::State
    );
    case!(
        "Georgia accused Moscow of provocation.",
        "Moscow",
        "Russia",
        Some("RUS"),
        K::State
    );
    case!(
        "Jordan said it would reopen the border crossing.",
        "Jordan",
        "Jordan",
        Some("JOR"),
        K::State
    );
    case!(
        "Moscow and Kyiv agreed to swap prisoners.",
        "Kyiv",
        "Ukraine",
        Some("UKR"),
        K::State
    );
    case!(
        "Relations between Tehran and the West soured.",
        "the West",
        "West",
        Some("WST"),
        K::Group
    );
    case!(
        "Interests sections in Havana and Washington will become embassies.",
        "Washington",
        "Washington",
        None,
        K::Place
    );
    case!(
        "Moscow-based analysts disagreed.",
        "Moscow",
        "Moscow",
        None,
        K::Place
    );
    case!(
        "Soldiers arrived from Lagos on Tuesday.",
        "Lagos",
        "Lagos",
        None,
        K::Place
    );
}

#[test]
fn names_that_look_like_places() {
    case!(
        "Jordan Peterson spoke at the event.",
        "Jordan Peterson",
        "Jordan Peterson",
        None,
        K::Person
    );
    case!(
        "Chad Smith said the band would tour.",
        "Chad Smith",
        "Chad Smith",
        None,
        K::Person
    );
    none!("Jordan Peterson spoke at the event.", "Jordan");
    none!("They ate turkey at the embassy.", "turkey");
    none!("Tell us more about the plan.", "us");
    case!(
        "The US will respond, he said.",
        "US",
        "United States",
        Some("USA"),
        K::State
    );
    case!(
        "Victoria Nuland met the minister.",
        "Victoria Nuland",
        "Victoria Nuland",
        None,
        K::Person
    );
    case!(
        "The delegation stayed in Sao Paulo.",
        "Sao Paulo",
        "Sao Paulo",
        None,
        K::Place
    );
    case!(
        "The talks resumed in Geneva on Monday.",
        "Geneva",
        "Geneva",
        None,
        K::Place
    );
}

#[test]
fn hyphenated_and_adjectival_forms() {
    case!(
        "Russian-backed separatists attacked the town.",
        "Russian",
        "Russia",
        Some("RUS"),
        K::State
    );
    case!(
        "Russian-backed separatists attacked the town.",
        "separatists",
        "separatists",
        None,
        K::Group
    );
    case!(
        "The U.S.-led coalition struck targets.",
        "U.S.",
        "United States",
        Some("USA"),
        K::State
    );
    case!(
        "Russia has not received any official notification.",
        "Russia",
        "Russia",
        Some("RUS"),
        K::State
    );
    none!(
        "Russia has not received any official notification.",
        "official"
    );
    none!(
        "They agreed on a reduction of military activity.",
        "military"
    );
    case!(
        "A massive Russian buildup of troops worried Kyiv.",
        "Russian",
        "Russia",
        Some("RUS"),
        K::State
    );
}

#[test]
fn organisations() {
    case!(
        "NATO said it would respond.",
        "NATO",
        "NATO",
        Some("IGOWSTNAT"),
        K::Organization
    );
    case!(
        "The European Union imposed new sanctions.",
        "European Union",
        "European Union",
        Some("IGOEUREEC"),
        K::Organization
    );
    case!(
        "The African Union suspended Mali.",
        "African Union",
        "African Union",
        Some("IGOAFRAFU"),
        K::Organization
    );
    case!(
        "The African Union suspended Mali.",
        "Mali",
        "Mali",
        Some("MLI"),
        K::State
    );
    case!(
        "ASEAN leaders met in Jakarta.",
        "ASEAN",
        "Association of Southeast Asian Nations",
        Some("IGOSEAASN"),
        K::Organization
    );
    case!(
        "The OSCE sent observers to the region.",
        "OSCE",
        "Organization for Security and Co-operation in Europe",
        Some("IGOEURSCE"),
        K::Organization
    );
    case!(
        "The World Health Organization warned of a new variant.",
        "World Health Organization",
        "World Health Organization",
        Some("IGOUNOHLHWHO"),
        K::Organization
    );
    case!(
        "The IMF approved a loan to Pakistan.",
        "IMF",
        "International Monetary Fund",
        Some("IGOBUSIMF"),
        K::Organization
    );
    case!(
        "OPEC agreed to cut output.",
        "OPEC",
        "Organization of the Petroleum Exporting Countries",
        Some("IGOBUSOPC"),
        K::Organization
    );
    case!(
        "The UN Security Council met on Tuesday.",
        "UN Security Council",
        "UN Security Council",
        Some("IGOUNO"),
        K::Organization
    );
    case!(
        "Amnesty International condemned the arrests.",
        "Amnesty International",
        "Amnesty International",
        Some("NGOHRIAMN"),
        K::Organization
    );
    case!(
        "Reuters could not verify the report.",
        "Reuters",
        "Reuters",
        Some("GBRMED"),
        K::Organization
    );
    case!(
        "Hezbollah fired rockets across the border.",
        "Hezbollah",
        "Hezbollah",
        Some("LBNREB"),
        K::Organization
    );
    case!(
        "The Western military bloc held drills.",
        "The Western military bloc",
        "NATO",
        Some("IGOWSTNAT"),
        K::Organization
    );
    case!(
        "The State Department issued a warning.",
        "State Department",
        "State Department",
        Some("USAGOV"),
        K::Organization
    );
    case!(
        "The Bundestag approved the budget.",
        "Bundestag",
        "Bundestag",
        Some("DEULEG"),
        K::Organization
    );
}

#[test]
fn compositional_codes() {
    case!(
        "Kenyan President William Ruto met reporters.",
        "President William Ruto",
        "William Ruto",
        Some("KENGOV"),
        K::Person
    );
    case!(
        "Indian Prime Minister Narendra Modi arrived in Paris.",
        "Prime Minister Narendra Modi",
        "Narendra Modi",
        Some("INDGOV"),
        K::Person
    );
    case!(
        "Indian Prime Minister Narendra Modi arrived in Paris.",
        "Paris",
        "Paris",
        None,
        K::Place
    );
    case!(
        "Maria Petrova, a Russian Foreign Ministry spokeswoman, said the talks were over.",
        "Maria Petrova",
        "Maria Petrova",
        Some("RUSGOV"),
        K::Person
    );
    case!(
        "Erik Lund, the NATO secretary general, said allies agreed.",
        "Erik Lund",
        "Erik Lund",
        Some("IGOWSTNAT"),
        K::Person
    );
    case!(
        "Anna Weber, Germany's foreign minister, said the talks would go on.",
        "Anna Weber",
        "Anna Weber",
        Some("DEUGOV"),
        K::Person
    );
    case!(
        "The foreign minister of Belgium said the embassy would stay open.",
        "The foreign minister",
        "foreign minister",
        Some("BELGOV"),
        K::Person
    );
    case!(
        "Deniz Kaya, the foreign minister of Turkey, said talks failed.",
        "Deniz Kaya",
        "Deniz Kaya",
        Some("TURGOV"),
        K::Person
    );
    case!(
        "Chinese state news agency Xinhua reported the visit.",
        "Xinhua",
        "Xinhua",
        Some("CHNMED"),
        K::Organization
    );
    case!(
        "Ukrainian state broadcaster Suspilne reported the blast.",
        "state broadcaster Suspilne",
        "Suspilne",
        Some("UKRMED"),
        K::Organization
    );
    case!(
        "French police arrested two men.",
        "police",
        "French police",
        Some("FRACOP"),
        K::Group
    );
    case!(
        "Polish prosecutors opened a case.",
        "prosecutors",
        "Polish prosecutors",
        Some("POLJUD"),
        K::Group
    );
    case!(
        "Israeli troops entered the town.",
        "troops",
        "Israeli troops",
        Some("ISRMIL"),
        K::Group
    );
    case!(
        "Ukrainian officials said the line held.",
        "officials",
        "Ukrainian officials",
        Some("UKRGOV"),
        K::Group
    );
    case!(
        "A senior Iranian official said the deal was dead.",
        "official",
        "Iranian official",
        Some("IRNGOV"),
        K::Person
    );
    case!(
        "The Iranian Foreign Ministry said the deal was dead.",
        "Foreign Ministry",
        "Iranian Foreign Ministry",
        Some("IRNGOV"),
        K::Organization
    );
    case!(
        "Venezuela's Supreme Court ruled against the law.",
        "Supreme Court",
        "Venezuela's Supreme Court",
        Some("VENJUD"),
        K::Organization
    );
    case!(
        "Hungarian lawmakers voted against the bill.",
        "lawmakers",
        "Hungarian lawmakers",
        Some("HUNLEG"),
        K::Group
    );
    case!(
        "Syrian rebels seized the road.",
        "rebels",
        "Syrian rebels",
        Some("SYRREB"),
        K::Group
    );
    case!(
        "Egyptian security forces raided the office.",
        "security forces",
        "Egyptian security forces",
        Some("EGYCOP"),
        K::Group
    );
    case!(
        "Saudi Crown Prince Mohammed bin Salman met the envoy.",
        "Crown Prince Mohammed bin Salman",
        "Mohammed bin Salman",
        Some("SAUELI"),
        K::Person
    );
    case!(
        "Czech Television showed the footage.",
        "Television",
        "Czech Television",
        Some("CZEMED"),
        K::Organization
    );
    case!(
        "Cuba's Communist government welcomed the deal.",
        "government",
        "Cuba's Communist government",
        Some("CUBGOV"),
        K::Organization
    );
    case!(
        "The Kenyan government denied the report.",
        "government",
        "Kenyan government",
        Some("KENGOV"),
        K::Organization
    );
    case!(
        "The Dutch defence ministry confirmed the flight.",
        "defence ministry",
        "Dutch defence ministry",
        Some("NLDMIL"),
        K::Organization
    );
    case!(
        "Dr Amina Yusuf said the clinic was full.",
        "Dr Amina Yusuf",
        "Amina Yusuf",
        None,
        K::Person
    );
}

#[test]
fn nationality_versus_affiliation() {
    // A diplomat OF a state posted AT an organisation keeps the state's code.
    case!("Ivan Petrov, Bulgaria's deputy permanent representative to the United Nations, said the vote was unfair.", "Ivan Petrov", "Ivan Petrov", Some("BGRGOV"), K::Person);
    case!(
        "Li Wei, China's ambassador to NATO, said the visit was useful.",
        "Li Wei",
        "Li Wei",
        Some("CHNGOV"),
        K::Person
    );
    case!(
        "Li Wei, China's ambassador to NATO, said the visit was useful.",
        "NATO",
        "NATO",
        Some("IGOWSTNAT"),
        K::Organization
    );
    // A legislature body gives LEG and its country.
    case!("Petra Novak, the deputy chairwoman of the Duma's foreign affairs committee, said the vote was fair.", "Petra Novak", "Petra Novak", Some("RUSLEG"), K::Person);
    // Organisation spokespeople carry the organisation's code.
    case!(
        "Marta Ruiz, an EU spokeswoman, said the bloc would act.",
        "Marta Ruiz",
        "Marta Ruiz",
        Some("IGOEUREEC"),
        K::Person
    );
    // The embassy is a place; as a diplomatic post it carries its state's code.
    case!(
        "The liaison office was hosted at the Belgian embassy.",
        "embassy",
        "Belgian embassy",
        Some("BELGOV"),
        K::Place
    );
    case!(
        "The liaison office was hosted at the Belgian embassy.",
        "Belgian",
        "Belgium",
        Some("BEL"),
        K::State
    );
    case!(
        "The Kenyan embassy in Washington issued visas.",
        "Washington",
        "Washington",
        None,
        K::Place
    );
    // Reverse appositive: description first, then the name.
    case!(
        "The chief of the Dutch mission, Anna de Vries, would meet the minister.",
        "Anna de Vries",
        "Anna de Vries",
        Some("NLDGOV"),
        K::Person
    );
    // A press office speaks for its organisation.
    case!(
        "The NATO press office said no letter had arrived.",
        "press office",
        "NATO",
        Some("IGOWSTNAT"),
        K::Organization
    );
    case!(
        "Russia's mission to the OSCE was closed.",
        "mission",
        "Russia's mission",
        Some("RUSGOV"),
        K::Organization
    );
    case!(
        "The RIA news agency quoted the ministry.",
        "RIA",
        "RIA Novosti",
        Some("RUSMED"),
        K::Organization
    );
}

#[test]
fn surnames_titles_and_pronouns() {
    case!(
        "Kenyan President William Ruto arrived in Addis Ababa.\nRuto said the talks went well.",
        "Ruto",
        "William Ruto",
        Some("KENGOV"),
        K::Person
    );
    case!("Pedro Alvarez, the Spanish prime minister, said the plan was fair.\nHe added that talks would go on.", "He", "Pedro Alvarez", Some("ESPGOV"), K::Person);
    case!("Lena Berg, a Swedish government spokeswoman, said the border was open.\n“We will keep it open,” she said.", "she", "Lena Berg", Some("SWEGOV"), K::Person);
    case!("Australian Foreign Minister Jane Holt met her counterpart.\nThe minister said ties were strong.", "The minister", "Jane Holt", Some("AUSGOV"), K::Person);
    case!(
        "Mr Okafor met the delegation.\nHe said the visit was useful.",
        "He",
        "Okafor",
        None,
        K::Person
    );
    case!(
        "Ms Okafor met the delegation.\nHe said nothing.",
        "Ms Okafor",
        "Okafor",
        None,
        K::Person
    );
    case!(
        "Minister Tanaka met the envoy.\nTanaka said the visit was useful.",
        "Tanaka",
        "Tanaka",
        None,
        K::Person
    );
    case!(
        "Czech police arrested two suspects.\nThey said the men had fled.",
        "They",
        "Czech police",
        Some("CZECOP"),
        K::Group
    );
    case!(
        "“We will not back down,” said Hungarian Foreign Minister Zoltan Varga.",
        "We",
        "Hungary",
        Some("HUN"),
        K::State
    );
    case!("Kenyan President William Ruto said Kenya would send troops, including a senior commander.\n“We are ready,” he said.", "he", "William Ruto", Some("KENGOV"), K::Person);
    // any part of a name links: surname first, given name used alone
    case!(
        "Chinese President Xi Jinping arrived in Hanoi.\nXi said the visit was historic.",
        "Xi",
        "Xi Jinping",
        Some("CHNGOV"),
        K::Person
    );
    case!(
        "Thai Prime Minister Srettha Thavisin met the envoy.\nMr Srettha said ties were strong.",
        "Mr Srettha",
        "Srettha Thavisin",
        Some("THAGOV"),
        K::Person
    );
    case!(
        "Ethiopian Prime Minister Abiy Ahmed flew to Asmara.\nPremier Abiy thanked his hosts.",
        "Premier Abiy",
        "Abiy Ahmed",
        Some("ETHGOV"),
        K::Person
    );
    // a part two people share links to neither
    case!(
        "Chinese Premier Li Qiang met Li Hui in Beijing.\nLi said the talks went well.",
        "Li",
        "Li",
        None,
        K::Person
    );
    case!(
        "Jane Holt met Peter Kim in Seoul.\nKim said the meeting was useful.",
        "Kim",
        "Peter Kim",
        None,
        K::Person
    );
}

#[test]
fn organisation_anaphora() {
    case!(
        "NATO expelled eight diplomats.\nThe alliance said they were spies.",
        "The alliance",
        "NATO",
        Some("IGOWSTNAT"),
        K::Organization
    );
    case!(
        "The European Union imposed sanctions.\nThe bloc said more would follow.",
        "The bloc",
        "European Union",
        Some("IGOEUREEC"),
        K::Organization
    );
    case!(
        "Anna Lind, a NATO spokeswoman, said the organization had taken note.",
        "the organization",
        "NATO",
        Some("IGOWSTNAT"),
        K::Organization
    );
    case!(
        "The World Health Organization warned of a new wave.\nThe agency urged caution.",
        "The agency",
        "World Health Organization",
        Some("IGOUNOHLHWHO"),
        K::Organization
    );
    case!(
        "The IAEA sent inspectors.\nThe watchdog said access was denied.",
        "The watchdog",
        "International Atomic Energy Agency",
        Some("IGOUNOIAE"),
        K::Organization
    );
    case!("The Iranian Foreign Ministry said the deal was dead.\nThe ministry added that talks could resume.", "The ministry", "Iranian Foreign Ministry", Some("IRNGOV"), K::Organization);
    case!(
        "NATO and the EU met in Brussels.\nThe alliance said the bloc's plans were clear.",
        "the bloc",
        "European Union",
        Some("IGOEUREEC"),
        K::Organization
    );
    none!("The alliance said nothing.", "The alliance");
}

#[test]
fn possessive_pronouns() {
    case!(
        "Poland will close its consulate in Kaliningrad.",
        "consulate",
        "Poland's consulate",
        Some("POLGOV"),
        K::Place
    );
    case!(
        "Poland will recall its ambassador.",
        "ambassador",
        "Poland's ambassador",
        Some("POLGOV"),
        K::Person
    );
    case!(
        "Poland will recall its ambassador.",
        "its",
        "Poland",
        Some("POL"),
        K::State
    );
    case!(
        "NATO said its military representative would leave.",
        "military representative",
        "NATO's military representative",
        Some("IGOWSTNAT"),
        K::Person
    );
    case!(
        "Russia will halt the work of its representative office.",
        "representative office",
        "Russia's representative office",
        Some("RUSGOV"),
        K::Organization
    );
}

#[test]
fn possessive_phrase_owners() {
    case!("Hamas said it accepted the plan.\nThe militant group's political bureau chief, Khalil Haddad, said the movement wanted guarantees.", "Khalil Haddad", "Khalil Haddad", Some("PSEREB"), K::Person);
    case!("The Iranian Foreign Ministry said the deal was dead.\nThe ministry's spokesman said talks could resume.", "spokesman", "Iranian Foreign Ministry's spokesman", Some("IRNGOV"), K::Person);
    case!(
        "Egyptian intelligence chief Omar Nabil met the envoy.",
        "intelligence chief Omar Nabil",
        "Omar Nabil",
        Some("EGYSPY"),
        K::Person
    );
    case!(
        "“The ball is in their court,” Mr. al-Hassan told reporters.",
        "Mr. al-Hassan",
        "al-Hassan",
        None,
        K::Person
    );
    case!(
        "Houthi spokesman Yahya Salem said the group fired a missile.",
        "the group",
        "Houthis",
        Some("YEMREB"),
        K::Organization
    );
}

#[test]
fn pronoun_preferences() {
    // The previous sentence's subject wins over an earlier speaker.
    case!("Maduro said the opposition leader, Maria Lopez, was a puppet.\nMs Lopez rejected the claim.\nShe said voters wanted free elections.", "She", "Maria Lopez", None, K::Person);
    // A speaker two sentences back wins over a person named in passing.
    case!("Lavin said the talks would go on.\nThe meeting will take place in the capital, with the French envoy present.\n“We are ready,” he said.", "he", "Lavin", None, K::Person);
    // "he said" after a quotation skips people named inside it.
    case!("Czech Prime Minister Jan Novy said the blast was aimed at a shipment.\n“This was an attack on goods stored for a Bulgarian arms trader,” he said.", "he", "Jan Novy", Some("CZEGOV"), K::Person);
    // The last role before the name decides it is a person.
    case!("Beijing's foreign ministry spokesperson Mao Lin said the ships had intruded.\n“Stop the provocations,” she said.", "she", "Mao Lin", Some("CHNGOV"), K::Person);
    case!(
        "A spokeswoman for the Organization of American States said the body would meet.",
        "A spokeswoman",
        "spokeswoman",
        Some("IGOOAS"),
        K::Person
    );
    case!(
        "The UN envoy for Syria said the talks stalled.",
        "envoy",
        "UN envoy",
        Some("IGOUNO"),
        K::Person
    );
}

#[test]
fn seats_and_people_as_owners() {
    case!(
        "Kremlin spokesman Igor Petrov told reporters that Moscow would respond.",
        "spokesman Igor Petrov",
        "Igor Petrov",
        Some("RUSGOV"),
        K::Person
    );
    case!(
        "A Pentagon spokesman said the drills would go ahead.",
        "spokesman",
        "Pentagon spokesman",
        Some("USAMIL"),
        K::Person
    );
    case!("German Chancellor Karl Brandt met the envoy.\nMr Brandt's spokesman, Uwe Lenz, said the talks went well.", "Uwe Lenz", "Uwe Lenz", Some("DEUGOV"), K::Person);
    case!(
        "Ukrainian President Ivan Koval's office welcomed the decision.",
        "office",
        "Ivan Koval's office",
        Some("UKRGOV"),
        K::Organization
    );
    case!(
        "Several lawmakers from the Greens spoke.",
        "Greens",
        "Greens",
        None,
        K::Group
    );
}

#[test]
fn counterparts_and_bodies() {
    case!(
        "Speaking alongside his Polish counterpart, Adam Nowak, the minister said Europe must act.",
        "Adam Nowak",
        "Adam Nowak",
        Some("POLGOV"),
        K::Person
    );
    case!("Adam Nowak, the Polish foreign minister, spoke first.\n“We must take responsibility,” Nowak said.", "We", "Poland", Some("POL"), K::State);
    case!(
        "South Korea's Joint Chiefs of Staff said the missile flew 800 km.",
        "Joint Chiefs of Staff",
        "South Korea's Joint Chiefs of Staff",
        Some("KORMIL"),
        K::Organization
    );
    case!(
        "Senators met representatives of the Ukrainian parliament.",
        "representatives",
        "representatives",
        Some("UKRLEG"),
        K::Group
    );
}

#[test]
fn unknown_names_by_context() {
    case!(
        "The Ministry of Emergency Situations said the fire was out.",
        "Ministry of Emergency Situations",
        "Ministry of Emergency Situations",
        None,
        K::Organization
    );
    case!(
        "The blast hit Vrbetice on Sunday.\nPolice in Vrbetice sealed the site.",
        "Vrbetice",
        "Vrbetice",
        None,
        K::Place
    );
    case!(
        "Tom Hale said the vote was close.",
        "Tom Hale",
        "Tom Hale",
        None,
        K::Person
    );
    none!("Restoration of ties would be slow.", "Restoration");
    none!("The Cold War ended decades ago.", "Cold War");
    case!(
        "The Military Liaison Mission was closed.",
        "The Military Liaison Mission",
        "Military Liaison Mission",
        None,
        K::Organization
    );
}

#[test]
fn title_case_headlines_make_no_names() {
    none!(
        "Russia Halts Its Mission At NATO, Shuts Alliance Office",
        "Halts"
    );
    case!(
        "Russia Halts Its Mission At NATO, Shuts Alliance Office",
        "NATO",
        "NATO",
        Some("IGOWSTNAT"),
        K::Organization
    );
}

/// Arbitrary text never panics and every mention slices on char boundaries.
#[test]
fn arbitrary_text_is_safe() {
    let pieces = [
        "Russia",
        "’s",
        "'s",
        " ",
        "  ",
        ",",
        ".",
        "-",
        "“",
        "”",
        "the ",
        "a ",
        "U.S.",
        "NATO",
        "Lungescu",
        "é",
        "Ж",
        "🙂",
        "said",
        "he",
        "its",
        "of",
        "Foreign Minister",
        "Moscow",
        "\n",
        "the alliance",
        "Ms",
        "embassy",
        "’",
        "'",
        "Dr",
        "in",
        "Chad",
        "—",
        "ambassador",
    ];
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    for _ in 0..400 {
        let mut t = String::new();
        for _ in 0..(seed % 40) {
            seed = seed
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            t.push_str(pieces[(seed >> 33) as usize % pieces.len()]);
        }
        let t = t.replace("\\n", "\n");
        let d = doc_of(&t);
        for w in d.mentions.windows(2) {
            assert!(
                w[0].span.end <= w[1].span.start,
                "overlapping mentions in {t:?}"
            );
        }
        for m in &d.mentions {
            assert!(
                m.span.start < m.span.end && m.span.end <= d.text.len(),
                "{t:?}"
            );
            assert!(d.text.is_char_boundary(m.span.start) && d.text.is_char_boundary(m.span.end));
            assert!(m.entity < d.entities.len());
        }
    }
}

#[test]
fn national_branches_and_diplomats_to_bodies() {
    // A nationality re-homes a non-state armed group or party to its country.
    case!(
        "Pakistani Taliban fighters attacked a checkpoint.",
        "Taliban",
        "Pakistani Taliban",
        Some("PAKREB"),
        K::Organization
    );
    case!(
        "Pakistani Taliban fighters attacked a checkpoint.",
        "fighters",
        "Taliban fighters",
        Some("PAKREB"),
        K::Group
    );
    case!(
        "The Pakistani Taliban claimed the attack.",
        "Taliban",
        "Pakistani Taliban",
        Some("PAKREB"),
        K::Organization
    );
    case!(
        "Lebanese Hezbollah fighters crossed the border.",
        "Hezbollah",
        "Hezbollah",
        Some("LBNREB"),
        K::Organization
    );
    case!(
        "The Taliban claimed the attack.",
        "The Taliban",
        "Taliban",
        Some("AFGREB"),
        K::Organization
    );
    // International bodies keep their code, but a state's diplomat to one is the state's.
    case!(
        "The Russian NATO envoy said the talks failed.",
        "envoy",
        "NATO envoy",
        Some("RUSGOV"),
        K::Person
    );
    case!(
        "A German NATO spokeswoman said allies agreed.",
        "spokeswoman",
        "NATO spokeswoman",
        Some("IGOWSTNAT"),
        K::Person
    );
    case!(
        "The Russian NATO envoy said the talks failed.",
        "NATO",
        "NATO",
        Some("IGOWSTNAT"),
        K::Organization
    );
    case!(
        "Russia's NATO envoy said the talks failed.",
        "envoy",
        "NATO envoy",
        Some("RUSGOV"),
        K::Person
    );
    case!(
        "Afghan Taliban leaders met in Doha.",
        "Taliban",
        "Taliban",
        Some("AFGREB"),
        K::Organization
    );
    case!(
        "Kenyan al-Shabaab recruits crossed the border.",
        "al-Shabaab",
        "Kenyan al-Shabaab",
        Some("KENREB"),
        K::Organization
    );
    // Not directly before it: no re-homing.
    case!(
        "A Pakistani court tried the Taliban commander.",
        "the Taliban",
        "Taliban",
        Some("AFGREB"),
        K::Organization
    );
}

#[test]
fn roles_take_their_country_from_context() {
    // The sentence before names one country: the domestic role is its.
    case!("Kenya's president said the vote was fair.\nThe foreign ministry said it would summon the envoy.", "The foreign ministry", "foreign ministry", Some("KENGOV"), K::Organization);
    case!(
        "Chilean troops crossed the river.\nThe defence minister said the border was calm.",
        "The defence minister",
        "defence minister",
        Some("CHLMIL"),
        K::Person
    );
    case!(
        "Brazil closed the road.\nPolice said two people were hurt.",
        "Police",
        "Police",
        Some("BRACOP"),
        K::Group
    );
    // A titled name with no country in its phrase takes the context's, as a bare role does.
    case!(
        "Crowds filled the streets of Conakry, where President Alpha Conde was detained.",
        "President Alpha Conde",
        "Alpha Conde",
        Some("GINGOV"),
        K::Person
    );
    case!(
        "Peru closed its border on Monday.\nForeign Minister Elena Ruiz said it would reopen soon.",
        "Foreign Minister Elena Ruiz",
        "Elena Ruiz",
        Some("PERGOV"),
        K::Person
    );
    case!(
        "Kenya and Uganda held talks.\nPresident Amos Kiprop said the talks went well.",
        "President Amos Kiprop",
        "Amos Kiprop",
        None,
        K::Person
    );
    // A place right after the role gives its country.
    case!(
        "The foreign ministry in Nairobi said the border was open.",
        "The foreign ministry",
        "foreign ministry",
        Some("KENGOV"),
        K::Organization
    );
    case!(
        "Ana Cruz of the United States would meet the foreign minister in Havana.",
        "the foreign minister",
        "foreign minister",
        Some("CUBGOV"),
        K::Person
    );
    case!(
        "In Nairobi, the foreign ministry said the border was open.",
        "the foreign ministry",
        "foreign ministry",
        Some("KENGOV"),
        K::Organization
    );
    // A dateline counts for the country of the place.
    case!("NAIROBI - The talks resumed on Monday.\nThe rain stopped.\nThe roads opened.\nThe shops opened.\nThe interior ministry said the curfew was over.", "The interior ministry", "interior ministry", Some("KENGOV"), K::Organization);
    // Nothing national nearby: the article so far decides.
    case!("Peru's president spoke on Monday.\nPeru's army moved north.\nThe rain stopped.\nThe roads opened.\nThe shops opened.\nThe interior minister said the curfew was over.", "The interior minister", "interior minister", Some("PERGOV"), K::Person);
    case!("Peru's president met Chile's president on Monday.\nThe rain stopped.\nThe roads opened.\nThe shops opened.\nThe interior minister said the curfew was over.", "The interior minister", "interior minister", None, K::Person);
    // The sentence's subject outweighs a country it acts on.
    case!("Chile on Monday expelled 12 Peruvian diplomats, the state news agency quoted the foreign ministry as saying.", "the foreign ministry", "foreign ministry", Some("CHLGOV"), K::Organization);
    case!(
        "Kenya and Uganda signed the deal, the foreign ministry said.",
        "the foreign ministry",
        "foreign ministry",
        None,
        K::Organization
    );
    // Two countries competing equally: no code.
    case!(
        "Kenya and Uganda signed the deal.\nThe foreign ministry said it was fair.",
        "The foreign ministry",
        "foreign ministry",
        None,
        K::Organization
    );
    case!(
        "Kenya's president met Uganda's president.\nThe defence minister said the border was calm.",
        "The defence minister",
        "defence minister",
        None,
        K::Person
    );
    // Diplomatic roles are often foreign: no code from context.
    case!(
        "Kenya closed the road.\nThe ambassador said the embassy was open.",
        "The ambassador",
        "ambassador",
        None,
        K::Person
    );
    // A stated owner always wins.
    case!(
        "Kenya closed the road.\nThe Ugandan foreign ministry said it was fair.",
        "foreign ministry",
        "Ugandan foreign ministry",
        Some("UGAGOV"),
        K::Organization
    );
    // The opposition is seldom the leading country's own.
    case!("Norway's envoy left.\nChile expelled two Norwegian diplomats for meeting opposition leaders.", "opposition leaders", "opposition leaders", None, K::Group);
    // No country in context: nothing to give.
    case!(
        "The foreign ministry said the talks were over.",
        "The foreign ministry",
        "foreign ministry",
        None,
        K::Organization
    );
}

/// The entity name and code the `nth` mention with exactly this text points
/// to after the quotes stage has linked first-person pronouns.
fn quoted(text: &str, mention: &str, nth: usize) -> Option<(String, Option<String>)> {
    let mut d = doc_of(text);
    crate::quotes::attribute(&mut d);
    d.mentions
        .iter()
        .filter(|m| d.slice(m.span) == mention)
        .nth(nth)
        .map(|m| {
            let e = &d.entities[m.entity];
            (e.name.clone(), e.code.clone())
        })
}

/// Text, mention, which occurrence, expected (entity name, code).
type QuotedCase<'a> = (&'a str, &'a str, usize, Option<(&'a str, Option<&'a str>)>);

#[test]
fn first_person_in_quotations() {
    let cases: &[QuotedCase] = &[
        ("\"I will not resign,\" said Kenyan President William Ruto.", "I", 0, Some(("William Ruto", Some("KENGOV")))),
        ("\"My door is open,\" Ana Cruz, the Chilean foreign minister, said.", "My", 0, Some(("Ana Cruz", Some("CHLGOV")))),
        ("\"We will answer,\" said Chilean Foreign Minister Ana Cruz.", "We", 0, Some(("Chile", Some("CHL")))),
        ("Ana Cruz, the Chilean foreign minister, said: \"They told me nothing and our embassy is closed.\"", "me", 0, Some(("Ana Cruz", Some("CHLGOV")))),
        ("Ana Cruz, the Chilean foreign minister, said: \"They told me nothing and our embassy is closed.\"", "our", 0, Some(("Chile", Some("CHL")))),
        // A spokesman's "we" is the body he speaks for, not a state.
        ("\"We hold the town,\" said Omar Ali, a Taliban spokesman.", "We", 0, Some(("Taliban", Some("AFGREB")))),
        ("\"We are united,\" said Eva Holm, a NATO spokeswoman.", "We", 0, Some(("NATO", Some("IGOWSTNAT")))),
        ("\"I am sure,\" said Eva Holm, a NATO spokeswoman.", "I", 0, Some(("Eva Holm", Some("IGOWSTNAT")))),
        // A person coded by no body: "we" is the speaker.
        ("\"We will go,\" said Eva Holm.", "We", 0, Some(("Eva Holm", None))),
        // Outside quotation marks, "I" is not linked to anyone.
        ("I met Ana Cruz, the Chilean foreign minister, on Monday.", "I", 0, None),
        // "US" in capitals is the United States.
        ("\"The US will help,\" said Chilean Foreign Minister Ana Cruz.", "US", 0, Some(("United States", Some("USA")))),
    ];
    for (text, mention, nth, want) in cases {
        let got = quoted(text, mention, *nth);
        let got = got.as_ref().map(|(n, c)| (n.as_str(), c.as_deref()));
        assert_eq!(got, *want, "{mention:?} in {text:?}");
    }
}

#[test]
fn coordinated_owners_make_one_group_each() {
    case!(
        "French and German officials met in Rome.",
        "officials",
        "German officials",
        Some("DEUGOV"),
        K::Group
    );
    case!(
        "French and German officials met in Rome.",
        "French",
        "French officials",
        Some("FRAGOV"),
        K::Group
    );
    case!(
        "Kenyan, Ugandan and Tanzanian troops crossed the border.",
        "Kenyan",
        "Kenyan troops",
        Some("KENMIL"),
        K::Group
    );
    case!(
        "Kenyan, Ugandan and Tanzanian troops crossed the border.",
        "Ugandan",
        "Ugandan troops",
        Some("UGAMIL"),
        K::Group
    );
    case!(
        "Kenyan, Ugandan and Tanzanian troops crossed the border.",
        "troops",
        "Tanzanian troops",
        Some("TZAMIL"),
        K::Group
    );
    case!(
        "The foreign ministers of France and Germany said the plan was fair.",
        "The foreign ministers",
        "foreign ministers",
        Some("FRAGOV"),
        K::Group
    );
    case!(
        "The foreign ministers of France and Germany said the plan was fair.",
        "France",
        "foreign ministers",
        Some("FRAGOV"),
        K::Group
    );
    case!(
        "The foreign ministers of France and Germany said the plan was fair.",
        "Germany",
        "foreign ministers of Germany",
        Some("DEUGOV"),
        K::Group
    );
    case!(
        "The foreign ministers of Peru, Chile or Bolivia will attend.",
        "Bolivia",
        "foreign ministers of Bolivia",
        Some("BOLGOV"),
        K::Group
    );
    case!(
        "U.S. and Russian officials met in Geneva.",
        "U.S.",
        "U.S. officials",
        Some("USAGOV"),
        K::Group
    );
    case!(
        "The French and German foreign ministers met in Paris.",
        "French",
        "French foreign ministers",
        Some("FRAGOV"),
        K::Group
    );
    // Not coordinated owners: left alone.
    case!(
        "Russia and Chinese officials met in Geneva.",
        "Russia",
        "Russia",
        Some("RUS"),
        K::State
    );
    case!(
        "The foreign ministers of France met Germany on Monday.",
        "Germany",
        "Germany",
        Some("DEU"),
        K::State
    );
    case!(
        "French officials and German troops met in Rome.",
        "French",
        "France",
        Some("FRA"),
        K::State
    );
    case!(
        "The foreign minister of France said the plan was fair.",
        "France",
        "France",
        Some("FRA"),
        K::State
    );
}
