//! Channel changes from hand-marked sentences (see `attache::markup`): one
//! line per case, the expected changes as `HOLDER>HOST change`.

use attache::{channels, dates, markup};

fn run(text: &str, published: Option<&str>) -> Vec<String> {
    let mut doc = markup::doc(text, published);
    dates::resolve(&mut doc);
    channels::track(&mut doc);
    let mut got: Vec<String> = doc
        .channels
        .iter()
        .map(|c| {
            format!(
                "{}>{} {}",
                c.holder.as_deref().unwrap_or("?"),
                c.host.as_deref().unwrap_or("?"),
                channels::change_name(c.change)
            )
        })
        .collect();
    got.sort();
    got
}

macro_rules! cases {
    ($($name:ident: $text:expr => [$($want:expr),*];)*) => {
        $(#[test] fn $name() {
            let mut want: Vec<String> = vec![$($want.to_string()),*];
            want.sort();
            assert_eq!(run($text, Some("2021-10-20")), want, "{}", $text);
        })*
    };
}

cases! {
    // Suspensions and closures.
    halt_own_office_at_igo: "{Russia|RUS} will halt the activities of its representative office at the {NATO|IGOWSTNAT} headquarters in Brussels." => ["RUS>IGOWSTNAT suspended"];
    suspend_mission_to: "{Serbia|SRB} suspended its mission to the {European Union|IGOEEC}." => ["SRB>IGOEEC suspended"];
    close_other_sides_mission: "{Russia|RUS} will also close the {alliance|IGOWSTNAT|nominal}’s liaison mission in Moscow." => ["IGOWSTNAT>RUS closed"];
    close_two_coordinated: "{Russia|RUS} will close the {bloc|IGOWSTNAT|nominal}’s liaison mission, which was set up in 2002, and information bureau in Moscow." => ["IGOWSTNAT>RUS closed", "IGOWSTNAT>RUS closed"];
    close_embassy_in_capital: "{Britain|GBR} closed its embassy in Tehran on Friday." => ["GBR>IRN closed"];
    shut_down_consulate: "{China|CHN} ordered the {United States|USA} to shut down its consulate in Chengdu." => ["USA>CHN closed"];
    close_consulate_demonym: "{Washington|USA|metonym} closed the {Chinese|CHN|demonym} consulate in Houston." => ["CHN>USA closed"];
    closure_nominal: "The closure of the {Lithuanian|LTU|demonym} embassy in Minsk was announced by {Belarus|BLR}." => ["LTU>BLR closed"];
    suspension_nominal_to: "{Officials|RUS} welcomed the suspension of {Russia|RUS}’s mission to {NATO|IGOWSTNAT}." => ["RUS>IGOWSTNAT suspended"];
    termination_nominal_two: "{He|RUS|pronoun} praised the termination of the {NATO|IGOWSTNAT} information office and liaison mission in Moscow." => ["IGOWSTNAT>RUS closed", "IGOWSTNAT>RUS closed"];
    passive_closed: "The {Canadian|CAN|demonym} embassy in Riyadh was closed by {Saudi Arabia|SAU}." => ["CAN>SAU closed"];
    embassy_subject_closes: "The {US|USA} embassy in Kabul will close on Tuesday." => ["USA>AFG closed"];
    freeze_office: "{Taiwan|TWN} froze the work of its trade office in {Fiji|FJI}." => [];
    terminate_representation: "{Lithuania|LTU} terminated the representation of {Belarus|BLR} in Vilnius." => ["BLR>LTU closed"];
    suspend_embassy_operations: "{Spain|ESP} suspended operations at its embassy in Kyiv." => ["ESP>UKR suspended"];
    halt_consular_services: "The {Indian|IND|demonym} embassy in Kabul halted work on Sunday." => ["IND>AFG suspended"];
    downgrade_mission: "{Israel|ISR} downgraded its mission in Ankara after the raid." => ["ISR>TUR suspended"];
    close_all_consulates: "{Russia|RUS} closed all {US|USA|demonym} consulates on its territory." => ["USA>RUS closed"];
    // Reopenings and openings.
    reopen_both_directions: "The {United States|USA} and {Cuba|CUB} agreed to reopen embassies in each other's capitals." => ["CUB>USA reopened", "USA>CUB reopened"];
    restore_embassy: "{Saudi Arabia|SAU} restored its embassy in Doha." => ["SAU>QAT reopened"];
    reopen_consulate: "{India|IND} will reopen its consulate in Kandahar next month." => ["IND>AFG reopened"];
    reopened_passive: "The {Turkish|TUR|demonym} embassy in Cairo was reopened on Monday." => ["TUR>EGY reopened"];
    resume_work_mission: "{Iran|IRN} resumed the work of its diplomatic mission in Riyadh." => ["IRN>SAU reopened"];
    open_new_embassy: "{Israel|ISR} opened an embassy in Abu Dhabi on Tuesday." => ["ISR>ARE established"];
    establish_liaison_office: "{South Korea|KOR} and {North Korea|PRK} will establish liaison offices in each other's capitals." => ["KOR>PRK established", "PRK>KOR established"];
    open_then_reopen_fold: "{Japan|JPN} and {Mongolia|MNG} agreed to reopen embassies. || The two states will open embassies within weeks, {Japan|JPN} said." => ["JPN>MNG reopened", "MNG>JPN reopened"];
    set_up_office: "{Kenya|KEN} set up a liaison office at the {African Union|IGOAFRAU}." => ["KEN>IGOAFRAU established"];
    // Staff expulsions.
    expel_demonym_diplomats: "{Russia|RUS} on Sunday expelled 20 {Czech|CZE|demonym} diplomats." => ["CZE>RUS staff_expelled"];
    order_out: "{Prague|CZE|metonym} had on Saturday ordered out 18 {Russian|RUS|demonym} diplomats." => ["RUS>CZE staff_expelled"];
    expel_no_nationality: "The {United States|USA} hit {Moscow|RUS|metonym} with sanctions and expelled 10 diplomats." => ["RUS>USA staff_expelled"];
    expel_participle_chain: "It coincides with the {United States|USA} hitting {Moscow|RUS|metonym} with sanctions and expelling 10 diplomats." => ["RUS>USA staff_expelled"];
    persona_non_grata: "{Poland|POL} declared two {Belarusian|BLR|demonym} diplomats persona non grata." => ["BLR>POL staff_expelled"];
    ordered_to_leave: "{Mali|MLI} ordered the {French|FRA|demonym} ambassador to leave the country within 72 hours." => ["FRA>MLI staff_expelled"];
    gave_hours_to_leave: "{Slovakia|SVK} gave three {Russian|RUS|demonym} diplomats 72 hours to leave." => ["RUS>SVK staff_expelled"];
    expelled_passive_by: "Two {Dutch|NLD|demonym} diplomats were expelled by {Russia|RUS}." => ["NLD>RUS staff_expelled"];
    expulsion_of_nominal: "{Berlin|DEU|metonym} condemned the expulsion of four {German|DEU|demonym} diplomats from {Moscow|RUS|metonym}." => ["DEU>RUS staff_expelled"];
    expel_ambassador: "{Niger|NER} expelled the {French|FRA|demonym} ambassador." => ["FRA>NER staff_expelled"];
    expel_embassy_staff: "{Estonia|EST} expelled a {Russian|RUS|demonym} embassy staff member on Monday." => ["RUS>EST staff_expelled"];
    kick_out_officials: "{Ukraine|UKR} kicked out three {Hungarian|HUN|demonym} officials." => ["HUN>UKR staff_expelled"];
    expel_reciprocal: "{Austria|AUT} expelled a {Russian|RUS|demonym} diplomat, and {Russia|RUS} expelled an {Austrian|AUT|demonym} diplomat." => ["AUT>RUS staff_expelled", "RUS>AUT staff_expelled"];
    // Accreditation.
    stripped_accreditation: "{NATO|IGOWSTNAT} stripped eight {Russian|RUS|demonym} mission members of their accreditations this month." => ["RUS>IGOWSTNAT accreditation_revoked"];
    revoke_accreditation_of: "{China|CHN} revoked the accreditation of three {Wall Street Journal|USAMED|org} journalists." => ["USAMED>CHN accreditation_revoked"];
    withdraw_accreditation: "{Belarus|BLR} withdrew the accreditation of {Swedish|SWE|demonym} diplomats." => ["SWE>BLR accreditation_revoked"];
    cancelled_credentials: "The {Venezuelan|VEN|demonym} diplomats had their credentials cancelled by {Colombia|COL}." => ["VEN>COL accreditation_revoked"];
    // Recalls.
    recall_ambassador_to: "{Germany|DEU} recalled its ambassador to {Turkey|TUR}." => ["DEU>TUR ambassador_recalled"];
    recall_ambassador_from: "{France|FRA} recalled its ambassador from {Australia|AUS} on Friday." => ["FRA>AUS ambassador_recalled"];
    recall_ambassador_in_city: "{Italy|ITA} recalled its ambassador in Paris for consultations." => ["ITA>FRA ambassador_recalled"];
    recall_envoy_other: "{Lithuania|LTU} recalled its envoy as tensions with {China|CHN} rose." => ["LTU>CHN ambassador_recalled"];
    withdraw_diplomats: "{Canada|CAN} withdrew its diplomats from {Venezuela|VEN}." => ["CAN>VEN ambassador_recalled"];
    pulled_ambassador: "{Algeria|DZA} pulled its ambassador from Madrid." => ["DZA>ESP ambassador_recalled"];
    recalled_passive: "The {Saudi|SAU|demonym} ambassador to {Lebanon|LBN} was recalled on Friday." => ["SAU>LBN ambassador_recalled"];
    // Fallback contacts.
    liaise_via_ambassador: "In case of urgent matters, {Lavrov|RUSGOV|person} said {NATO|IGOWSTNAT} could liaise via the {Russian|RUS|demonym} ambassador in Belgium." => ["RUS>IGOWSTNAT fallback_designated"];
    envoy_maintain_contact: "An envoy from an {EU|IGOEUREEC} member state in Minsk may still maintain urgent contacts with the {Belarusian|BLR|demonym} authorities on the {bloc|IGOEUREEC|nominal}’s behalf." => ["IGOEUREEC>BLR fallback_designated"];
    communicate_through_embassy: "{Washington|USA|metonym} can communicate through the {Swiss|CHE|demonym} embassy in Tehran." => ["CHE>USA fallback_designated"];
    contact_through_envoy: "The {Sudanese|SDN|demonym} envoy in Geneva will maintain contact with the {UN|IGOUNO}." => ["SDN>IGOUNO fallback_designated"];
    // Inflected and modified fallback forms, not enumerated phrases.
    envoy_maintained_regular_contacts: "The {Swiss|CHE|demonym} envoy in Caracas maintained regular contacts with the {Venezuelan|VEN|demonym} authorities." => ["CHE>VEN fallback_designated"];
    embassy_keeps_close_contact: "The {Italian|ITA|demonym} embassy in Damascus keeps close contact with {Syria|SYR}." => ["ITA>SYR fallback_designated"];
    embassy_acts_as_intermediary: "The {Swedish|SWE|demonym} embassy in Pyongyang acted as the main intermediary for {Canada|CAN}." => ["SWE>CAN fallback_designated"];
    // Coordinated channels each with their own determiner.
    close_coordinated_with_determiners: "{Norway|NOR} will close its embassy and its information bureau in {Venezuela|VEN}." => ["NOR>VEN closed", "NOR>VEN closed"];
    // Modifiers before the channel noun recognised by form, not by a list.
    close_long_standing_consulate: "{Chile|CHL} closed its long-standing consulate in {Peru|PER}." => ["CHL>PER closed"];
    suspend_historic_embassy: "{Chile|CHL} suspended its historic embassy in {Peru|PER}." => ["CHL>PER suspended"];
    // Plurals of every channel noun, listed or not.
    close_information_centres: "{Chile|CHL} closed its information centres in {Peru|PER}." => ["CHL>PER closed"];
    expel_defence_attaches: "{Peru|PER} expelled two {Chilean|CHL|demonym} defence attaches." => ["CHL>PER staff_expelled"];
    close_coordinated_with_own_determiners: "{Chile|CHL} will close its embassy and all its consulates in {Peru|PER}." => ["CHL>PER closed", "CHL>PER closed"];
    hotline_liaise: "Both militaries can liaise through the {US|USA|demonym} hotline with {Russia|RUS}." => ["USA>RUS fallback_designated"];
    // Negative cases: no channel change.
    closes_border_not_channel: "{Poland|POL} closed its border with {Belarus|BLR}." => [];
    embassy_statement: "The {Russian|RUS|demonym} embassy in Washington said the sanctions were unlawful." => [];
    summit_opened: "{Putin|RUSGOV|person} opened the summit in Sochi." => [];
    remain_open_dialogue: "{NATO|IGOWSTNAT} said it would remain open to dialogue with {Russia|RUS}." => [];
    cease_engagement: "{Russia|RUS} plans to cease its diplomatic engagement with {NATO|IGOWSTNAT}." => [];
    restore_ties_only: "{Iran|IRN} and {Saudi Arabia|SAU} agreed to restore diplomatic ties." => [];
    press_office_speaker: "The {NATO press office|IGOWSTNAT|org} said it had not received any notification from {Russia|RUS}." => [];
    ambassador_met: "The {Russian|RUS|demonym} ambassador met {Chinese|CHN|demonym} officials in Beijing." => [];
    opening_without_actors: "The department must give notice before opening an embassy." => [];
    expulsions_no_object: "{Russia|RUS} retaliated for diplomatic expulsions by {Prague|CZE|metonym}." => [];
    relative_clause_not_change: "The {Danish|DNK|demonym} office, which was opened in 2010, moved to a new building." => [];
}

#[test]
fn details_location_hosted_established_date() {
    let mut doc = markup::doc(
        "{Ahmadi|IRNGOV|person,s} said on Monday that talks were over. || {Iran|IRN} will also close the {union|IGOEUREEC|nominal}’s liaison mission, which was established in 2005 and hosted at the Finnish embassy, and information bureau in Tehran.",
        Some("2021-10-20"),
    );
    dates::resolve(&mut doc);
    channels::track(&mut doc);
    assert_eq!(doc.channels.len(), 2, "{:#?}", doc.channels);
    let c = &doc.channels[0];
    assert_eq!(c.kind, "liaison mission");
    assert_eq!(c.location.as_deref(), Some("Tehran"));
    assert_eq!(c.hosted_at.as_deref(), Some("Finnish embassy"));
    assert_eq!(c.established.as_deref(), Some("2005"));
    assert_eq!(c.date.as_deref(), Some("2021-10-18"));
    assert_eq!(doc.channels[1].kind, "information office");
}

#[test]
fn date_from_the_sentence_wins() {
    let mut doc = markup::doc(
        "{Lavrov|RUSGOV|person} said {Russia|RUS} will halt the work of its mission to {NATO|IGOWSTNAT} by early next month.",
        Some("2021-10-20"),
    );
    dates::resolve(&mut doc);
    channels::track(&mut doc);
    assert_eq!(doc.channels.len(), 1);
    assert_eq!(doc.channels[0].date.as_deref(), Some("2021-11"));
    assert_eq!(doc.channels[0].location, None);
}

#[test]
fn coordinated_future_clause_keeps_its_own_date() {
    let mut doc = markup::doc(
        "{Chile|CHL} has recalled its ambassador to {Peru|PER} and will suspend the work of its embassy in Lima from next week, {Foreign Minister Ana Soto|CHLGOV|person} said on Tuesday.",
        Some("2021-10-20"),
    );
    dates::resolve(&mut doc);
    channels::track(&mut doc);
    let mut got: Vec<(String, Option<String>)> = doc
        .channels
        .iter()
        .map(|c| (channels::change_name(c.change).to_string(), c.date.clone()))
        .collect();
    got.sort();
    assert_eq!(
        got,
        vec![
            (
                "ambassador_recalled".to_string(),
                Some("2021-10-19".to_string())
            ),
            ("suspended".to_string(), Some("2021-W43".to_string())),
        ]
    );
}

#[test]
fn state_at_a_date_follows_changes() {
    use attache::channels::{channel_state_at, ChannelStatus};
    use chrono::NaiveDate;
    let mut doc = markup::doc(
        "{Russia|RUS} will halt its mission to {NATO|IGOWSTNAT} by early next month. || {NATO|IGOWSTNAT} stripped eight {Russian|RUS|demonym} mission members of their accreditation this month. || {NATO|IGOWSTNAT} could liaise via the {Russian|RUS|demonym} ambassador in Belgium.",
        Some("2021-10-20"),
    );
    dates::resolve(&mut doc);
    channels::track(&mut doc);
    let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date");
    let now = channel_state_at(&doc.channels, ("RUS", "IGOWSTNAT"), d("2021-10-20"));
    let mission = now
        .iter()
        .find(|s| s.kind == "permanent mission")
        .expect("mission");
    assert_eq!(mission.status, ChannelStatus::Open);
    assert_eq!(mission.pending.len(), 1);
    let staff = now
        .iter()
        .find(|s| s.kind == "accredited staff")
        .expect("staff");
    assert_eq!(staff.status, ChannelStatus::Reduced);
    assert!(now.iter().any(|s| s.status == ChannelStatus::Fallback));
    let later = channel_state_at(&doc.channels, ("IGOWSTNAT", "RUS"), d("2021-11-15"));
    let mission = later
        .iter()
        .find(|s| s.kind == "permanent mission")
        .expect("mission");
    assert_eq!(mission.status, ChannelStatus::Suspended);
    assert_eq!(mission.since.as_deref(), Some("2021-11"));
    let mut report = String::new();
    channels::report(&doc, &mut report);
    assert!(report.contains("Relations"), "{report}");
    assert!(report.contains("fallback contacts"), "{report}");
}

cases! {
    descriptor_resolves_to_last_igo: "{NATO|IGOWSTNAT} expelled diplomats last week. || {Russia|RUS} will close the bloc’s liaison mission in Moscow." => ["IGOWSTNAT>RUS closed"];
    descriptor_union: "The {European Union|IGOEEC|org} criticised the move. || {Belarus|BLR} suspended the union’s delegation in Minsk." => ["IGOEEC>BLR suspended"];
    behalf_descriptor: "{NATO|IGOWSTNAT} regrets the move. || An envoy of a member state may keep in touch with the {Russian|RUS|demonym} side on the alliance’s behalf." => ["IGOWSTNAT>RUS fallback_designated"];
}

cases! {
    igo_headquarters_as_place: "{Russia|RUS} will halt its representative office at the {NATO headquarters|IGOWSTNAT|place} in Brussels." => ["RUS>IGOWSTNAT suspended"];
    mission_to_un_in_geneva: "{Eritrea|ERI} closed its permanent mission to the {United Nations|IGOUNO|org} in Geneva." => ["ERI>IGOUNO closed"];
    moscow_as_metonym_location: "{Russia|RUS} will close the {alliance|IGOWSTNAT|nominal}’s information office in {Moscow|RUS|metonym}." => ["IGOWSTNAT>RUS closed"];
}

cases! {
    ambassador_as_person_mention: "{NATO|IGOWSTNAT} could liaise via the {Russian|RUS|demonym} {ambassador|RUSGOV|person,nominal} in Belgium." => ["RUS>IGOWSTNAT fallback_designated"];
    envoy_as_person_mention: "{An envoy||person,nominal} from a {NATO|IGOWSTNAT} member state may keep in touch with the {Russian|RUS|demonym} {side|RUS|nominal}." => ["IGOWSTNAT>RUS fallback_designated"];
}

cases! {
    // the coding manual's convention: severing relations is also a channel change (relations, closed)
    its_is_the_agent_not_the_last_country: "{Ukraine|UKR} severed ties with {Russia|RUS} and closed {its|RUS|pronoun} embassy in Moscow." => ["UKR>RUS closed", "UKR>RUS closed"];
    recall_as_a_noun: "{Kenya|KEN} announced the withdrawal of {its|KEN|pronoun} ambassador from {Uganda|UGA}." => ["KEN>UGA ambassador_recalled"];
    relations_severed: "{Bahrain|BHR} broke off diplomatic relations with {Iran|IRN} on Monday." => ["BHR>IRN closed"];
    relations_suspended: "{Niger|NER} suspended all ties with {France|FRA}." => ["NER>FRA suspended"];
    relations_history_is_no_change: "{Chile|CHL} restored ties severed in 1973 by {Peru|PER}." => [];
    relations_not_cut: "{Mexico|MEX} stopped short of severing relations with {Cuba|CUB}." => [];
    their_bilateral: "The {United States|USA} and {Vietnam|VNM} reopened {their|RUSGOV|pronoun} consulates on Friday." => ["USA>VNM reopened", "VNM>USA reopened"];
    restore_ambassadors_bilateral: "{Japan|JPN} and {South Korea|KOR} agreed to restore their ambassadors to each other's capitals." => ["JPN>KOR reopened", "KOR>JPN reopened"];
    keep_open_is_not_opening: "The {EU|IGOEEC|org} said it would keep its delegation in Caracas open." => [];
    ordered_out_split: "{Prague|CZE|metonym} ordered 18 {Russian|RUS|demonym} diplomats out of the country." => ["RUS>CZE staff_expelled"];
    told_out_is_not_expulsion: "{Moscow|RUS|metonym} told {Czech|CZE|demonym} reporters it was out of the question." => [];
    withdrew_from_country: "{Beijing|CHN|metonym} downgraded relations with {Vilnius|LTU|metonym} and withdrew {its|LTU|pronoun} ambassador from {Lithuania|LTU}." => ["CHN>LTU ambassador_recalled"];
    kremlin_would_expel: "{The Kremlin|RUS|metonym} said on Thursday it would expel 10 {US|USA} diplomats in response to {Washington|USA|metonym}'s sanctions." => ["USA>RUS staff_expelled"];
}

#[test]
fn included_parts_are_named() {
    let mut doc = markup::doc(
        "{Russia|RUS} will halt its representative office at {NATO|IGOWSTNAT} by early next month, including its military representative.",
        Some("2021-10-20"),
    );
    dates::resolve(&mut doc);
    channels::track(&mut doc);
    assert_eq!(doc.channels.len(), 1, "{:?}", doc.channels);
    assert!(
        doc.channels[0]
            .name
            .ends_with("including its military representative"),
        "{}",
        doc.channels[0].name
    );
}

/// Through the whole engine (the actor stage finds the actors): one article
/// per line, the expected changes as `HOLDER>HOST change` by country code.
#[test]
fn through_the_engine() {
    let engine = attache::Engine::builder().build().expect("engine");
    let cases: &[(&str, &[&str])] = &[
        (
            "Britain closed its embassy in Tehran on Friday.",
            &["GBR>IRN closed"],
        ),
        (
            "Washington closed the Chinese consulate in Houston last week.",
            &["CHN>USA closed"],
        ),
        (
            "Poland declared two Belarusian diplomats persona non grata on Tuesday.",
            &["BLR>POL staff_expelled"],
        ),
        (
            "Germany recalled its ambassador to Turkey for consultations.",
            &["DEU>TUR ambassador_recalled"],
        ),
        (
            "India will reopen its consulate in Kandahar next month.",
            &["IND>AFG reopened"],
        ),
        (
            "Two Dutch diplomats were expelled by Russia.",
            &["NLD>RUS staff_expelled"],
        ),
        (
            "Slovakia gave three Russian diplomats 72 hours to leave.",
            &["RUS>SVK staff_expelled"],
        ),
        (
            "Serbia suspended its mission to the European Union.",
            &["SRB>IGO suspended"],
        ),
        (
            "The United States and Vietnam reopened their consulates on Friday.",
            &["USA>VNM reopened", "VNM>USA reopened"],
        ),
        ("Poland closed its border with Belarus.", &[]),
        (
            "The Russian embassy in Washington said the sanctions were unlawful.",
            &[],
        ),
    ];
    for (text, want) in cases {
        let mut raw = attache::input::RawArticle::plain("case", *text);
        raw.meta.published = chrono::NaiveDate::from_ymd_opt(2021, 10, 20);
        let doc = engine.analyse(raw);
        let mut got: Vec<String> = doc
            .channels
            .iter()
            .map(|c| {
                let p3 = |x: &Option<String>| {
                    x.as_deref()
                        .unwrap_or("?")
                        .chars()
                        .take(3)
                        .collect::<String>()
                };
                format!(
                    "{}>{} {}",
                    p3(&c.holder),
                    p3(&c.host),
                    channels::change_name(c.change)
                )
            })
            .collect();
        got.sort();
        assert_eq!(got, want.to_vec(), "{text}");
    }
}

#[test]
fn events_fill_parties_the_text_leaves_open() {
    use attache::doc::{Event, EventStatus, Span};
    let mut doc = markup::doc("The diplomats were expelled on Sunday.", Some("2021-04-18"));
    let off = doc.text.find("expelled").unwrap_or(0);
    doc.events.push(Event {
        sentence: 0,
        source: Some("CZE".into()),
        target: Some("RUS".into()),
        source_entity: None,
        target_entity: None,
        cameo: "161".into(),
        trigger: Span::new(off, off + 8),
        status: EventStatus::Asserted,
        date: None,
        quote: None,
        location: None,
        target_inferred: false,
    });
    dates::resolve(&mut doc);
    channels::track(&mut doc);
    let got: Vec<(Option<&str>, Option<&str>)> = doc
        .channels
        .iter()
        .map(|c| (c.holder.as_deref(), c.host.as_deref()))
        .collect();
    assert_eq!(got, vec![(Some("RUS"), Some("CZE"))]);
    assert_eq!(doc.channels[0].date.as_deref(), Some("2021-04-18"));
}

cases! {
    handled_through_embassy: "{Ruritania|USA} said urgent matters will be handled through the {Swiss|CHE|demonym} embassy in Havana." => ["CHE>USA fallback_designated"];
}

cases! {
    // Diplomatic ranks and the post they serve at.
    first_secretary_of_embassy: "{Poland|POL} expelled the second secretary of the {Russian|RUS|demonym} embassy in Warsaw." => ["RUS>POL staff_expelled"];
    counsellor_persona_non_grata: "{Kenya|KEN} declared the counsellor at the {Somali|SOM|demonym} embassy persona non grata." => ["SOM>KEN staff_expelled"];
    // Orders to leave, evacuations, size cuts, downgrades.
    must_leave_the_country: "{Saudi Arabia|SAU} said all {Iranian|IRN|demonym} diplomats must leave the country within 48 hours." => ["IRN>SAU staff_expelled"];
    has_to_leave: "The {Russian|RUS|demonym} ambassador has to leave {Estonia|EST} by Friday." => ["RUS>EST staff_expelled"];
    evacuated_diplomats_close_post: "{Saudi|SAU|demonym} diplomats have already been evacuated from {Tehran|IRN|metonym}." => ["SAU>IRN closed"];
    evacuated_embassy: "{Britain|GBR} evacuated its embassy in {Kabul|AFG|metonym}." => ["GBR>AFG closed"];
    size_of_embassy_cut: "{Britain|GBR} cut the size of the {Russian|RUS|demonym} embassy in {London|GBR|metonym}." => ["RUS>GBR staff_expelled"];
    downgrade_to_charge: "{Russia|RUS} lowered its relations with {Estonia|EST} to the level of chargé d'affaires." => ["RUS>EST ambassador_recalled"];
    lowered_expectations: "{Russia|RUS} lowered its expectations for the talks with {Estonia|EST}." => [];
    // Mirrored acts.
    followed_suit: "{Thailand|THA} recalled its ambassador from {Cambodia|KHM}, and {Cambodia|KHM} followed suit." => ["KHM>THA ambassador_recalled", "THA>KHM ambassador_recalled"];
    responded_in_kind: "{Germany|DEU} closed the {Iranian|IRN|demonym} consulates; {Iran|IRN} responded in kind." => ["DEU>IRN closed", "IRN>DEU closed"];
    // A pronoun for the channel.
    after_it_was_closed: "{Britain|GBR} reopened its embassy in {Tehran|IRN|metonym}, four years after it was closed." => ["GBR>IRN closed", "GBR>IRN reopened"];
}

/// The stages that read the syntax layer (the tagger's verbs, the tree's
/// agents, appointments) need the full default pipeline.
fn run_full(text: &str) -> Vec<String> {
    let engine = attache::Engine::builder().build().expect("engine");
    let doc = engine.analyse(attache::input::RawArticle::plain("t", text));
    let mut got: Vec<String> = doc
        .channels
        .iter()
        .map(|c| {
            format!(
                "{}>{} {}",
                c.holder.as_deref().unwrap_or("?"),
                c.host.as_deref().unwrap_or("?"),
                channels::change_name(c.change)
            )
        })
        .collect();
    got.sort();
    got
}

#[test]
fn full_pipeline_channels() {
    let cases: &[(&str, &[&str])] = &[
        // "expel" is the tagger's verb, not a modifier of the envoy
        (
            "Thailand said it would expel Cambodia's envoy in Bangkok.",
            &["KHM>THA staff_expelled"],
        ),
        // an appointment after a recall fills the post again
        (
            "Ethiopia recalled its ambassador from Eritrea in 1998. Ethiopia has appointed Redwan Hussein as ambassador to Eritrea last July.",
            &["ETH>ERI ambassador_recalled", "ETH>ERI reopened"],
        ),
        // with no break reported, an appointment changes no channel
        ("Ghana appointed Kofi Mensah as ambassador to Togo.", &[]),
    ];
    for (text, want) in cases {
        let want: Vec<String> = want.iter().map(|s| s.to_string()).collect();
        assert_eq!(run_full(text), want, "{text}");
    }
}

#[test]
fn status_of_changes() {
    use attache::doc::EventStatus::*;
    let engine = attache::Engine::builder().build().expect("engine");
    let cases = [
        ("Russia expelled the US ambassador.", Some(Asserted)),
        (
            "Thailand said it would expel Cambodia's envoy in Bangkok.",
            Some(Intended),
        ),
        (
            "Mexico announced it will recall its ambassador from Cuba.",
            Some(Intended),
        ),
        (
            "Germany could close the Iranian consulates if the talks fail.",
            Some(Hypothetical),
        ),
        (
            "Russia threatened to expel the US ambassador.",
            Some(Hypothetical),
        ),
        (
            "All Iranian diplomats must leave the country within 48 hours, Saudi Arabia said.",
            Some(Asserted),
        ),
        // a change said not to have happened is no change
        ("Russia did not expel the US ambassador.", None),
    ];
    for (text, want) in cases {
        let doc = engine.analyse(attache::input::RawArticle::plain("t", text));
        assert_eq!(doc.channels.first().map(|c| c.status), want, "{text}");
    }
}

#[test]
fn only_asserted_changes_move_the_state() {
    use attache::doc::EventStatus;
    let engine = attache::Engine::builder().build().expect("engine");
    let text = "On 3 March 2021 Germany closed the Iranian consulate in Hamburg. \
                Later, Germany said it would reopen the Iranian consulate in Hamburg.";
    let mut doc = engine.analyse(attache::input::RawArticle::plain("t", text));
    assert!(
        doc.channels
            .iter()
            .any(|c| c.status == EventStatus::Intended),
        "{:?}",
        doc.channels
    );
    let day = chrono::NaiveDate::from_ymd_opt(2021, 3, 10).expect("date");
    let state = channels::channel_state_at(&doc.channels, ("DEU", "IRN"), day);
    let labels: Vec<&str> = state.iter().map(|s| s.status.label()).collect();
    assert_eq!(labels, vec!["closed"], "{:?}", doc.channels);
    // once the reopening is asserted (and dated after the closure), it moves the state
    for c in doc.channels.iter_mut() {
        if c.status != EventStatus::Asserted {
            c.status = EventStatus::Asserted;
            c.date = Some("2021-03-08".into());
        }
    }
    let state = channels::channel_state_at(&doc.channels, ("DEU", "IRN"), day);
    let labels: Vec<&str> = state.iter().map(|s| s.status.label()).collect();
    assert_eq!(labels, vec!["open"], "{:?}", doc.channels);
}
