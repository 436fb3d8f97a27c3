//! Table tests for the quotation stage: one line per case.

use super::testdoc::{doc, DocBuilder};
use super::*;
use crate::doc::{EntityKind as K, Gender};

/// The cast every case may mention.
fn cast(b: DocBuilder) -> DocBuilder {
    b.entity(
        "Jane Doe",
        K::Person,
        "USAGOV",
        Some(Gender::Female),
        &["Jane Doe", "Doe", "@the secretary"],
    )
    .entity(
        "John Smith",
        K::Person,
        "GBRGOV",
        Some(Gender::Male),
        &["John Smith", "Smith"],
    )
    .entity(
        "Ivan Petrenko",
        K::Person,
        "RUSGOV",
        None,
        &["Ivan Petrenko", "Petrenko"],
    )
    .entity(
        "NATO",
        K::Organization,
        "IGOWSTNAT",
        None,
        &["NATO", "@the alliance"],
    )
    .entity(
        "Russia",
        K::State,
        "RUS",
        None,
        &["Russia", "Moscow", "~Russian"],
    )
    .entity(
        "Russian Foreign Ministry",
        K::Organization,
        "RUSGOV",
        None,
        &["Russian Foreign Ministry"],
    )
    .entity("Interfax", K::Organization, "RUSMED", None, &["Interfax"])
    .entity(
        "United States",
        K::State,
        "USA",
        None,
        &["United States", "~U.S.", "Washington"],
    )
    .entity("protesters", K::Group, "", None, &["protesters"])
}

fn run(text: &str) -> Vec<(String, String, String)> {
    let mut d = cast(doc(text)).build();
    attribute(&mut d);
    d.quotes
        .iter()
        .map(|q| {
            let k = match q.kind {
                QuoteKind::Direct => "d",
                QuoteKind::Indirect => "i",
            };
            (
                k.to_string(),
                d.slice(q.span).to_string(),
                q.speaker.name.clone().unwrap_or_default(),
            )
        })
        .collect()
}

type Want = &'static [(&'static str, &'static str, &'static str)];

fn check(cases: &[(&str, Want)]) {
    let mut failed = Vec::new();
    for (text, want) in cases {
        let got = run(text);
        let want: Vec<(String, String, String)> = want
            .iter()
            .map(|(a, b, c)| (a.to_string(), b.to_string(), c.to_string()))
            .collect();
        if got != want {
            failed.push(format!(
                "\n  text: {text}\n  want: {want:?}\n  got:  {got:?}"
            ));
        }
    }
    assert!(
        failed.is_empty(),
        "{} of {} cases failed:{}",
        failed.len(),
        cases.len(),
        failed.concat()
    );
}

#[test]
fn direct_attribution_after() {
    check(&[
        ("“We will not back down,” Doe said.", &[("d", "We will not back down,", "Jane Doe")]),
        ("“We will not back down,” said Doe.", &[("d", "We will not back down,", "Jane Doe")]),
        ("“We will not back down,” Jane Doe said on Monday.", &[("d", "We will not back down,", "Jane Doe")]),
        ("“We will not back down,” said Jane Doe, the secretary of state.", &[("d", "We will not back down,", "Jane Doe")]),
        ("\"We will not back down,\" Smith told reporters.", &[("d", "We will not back down,", "John Smith")]),
        ("“We will not back down,” Smith, who leads the delegation, said.", &[("d", "We will not back down,", "John Smith")]),
        ("“We will not back down”, Smith said.", &[("d", "We will not back down", "John Smith")]),
        ("“We will not back down!” Smith shouted.", &[("d", "We will not back down!", "John Smith")]),
        ("“Will you back down?” Smith asked.", &[("d", "Will you back down?", "John Smith")]),
        ("“We will not back down,” the alliance said in a statement.", &[("d", "We will not back down,", "NATO")]),
        ("“We will not back down,” said the NATO press office.", &[("d", "We will not back down,", "NATO press office")]),
        ("“We will not back down,” Doe added, without giving details.", &[("d", "We will not back down,", "Jane Doe")]),
        ("“We will not back down,” according to Petrenko.", &[("d", "We will not back down,", "Ivan Petrenko")]),
        ("“We will not back down,” the statement read.", &[("d", "We will not back down,", "statement")]),
        ("“We will not back down,” Doe went on.", &[("d", "We will not back down,", "Jane Doe")]),
        ("“We will not back down,” Doe continued.", &[("d", "We will not back down,", "Jane Doe")]),
        ("“We condemn this decision,” Foreign Ministry spokeswoman Jane Doe said in a statement.", &[("d", "We condemn this decision,", "Jane Doe")]),
        ("“We condemn this decision,” Petrenko was quoted as saying by Interfax.", &[("d", "We condemn this decision,", "Ivan Petrenko")]),
        ("“We condemn this decision,” Andrew Black was quoted as saying.", &[("d", "We condemn this decision,", "Andrew Black")]),
        ("“We are ready,” the minister, who told parliament last week that the talks had failed, said.", &[("d", "We are ready,", "minister"), ("i", "the talks had failed", "minister")]),
        ("“Why should we wait any longer?” Petrenko asked.", &[("d", "Why should we wait any longer?", "Ivan Petrenko")]),
        ("“We condemn this decision,” Doe said, according to a transcript released by her office.", &[("d", "We condemn this decision,", "Jane Doe")]),
        ("“We will not back down,” Doe wrote on social media.", &[("d", "We will not back down,", "Jane Doe")]),
        ("“The talks have failed and we regret it,” Russian Foreign Minister Ivan Petrenko said.", &[("d", "The talks have failed and we regret it,", "Ivan Petrenko")]),
    ]);
}

#[test]
fn direct_attribution_before() {
    check(&[
        ("Doe said: “We will not back down.”", &[("d", "We will not back down.", "Jane Doe")]),
        ("Doe said, “We will not back down.”", &[("d", "We will not back down.", "Jane Doe")]),
        ("Smith told reporters: “We will not back down.”", &[("d", "We will not back down.", "John Smith")]),
        ("Petrenko warned that “any attack will be answered in kind”.", &[("d", "any attack will be answered in kind", "Ivan Petrenko")]),
        ("Prague expelled the envoys, prompting Russia to vow to “make the authors of this provocation pay”.", &[("d", "make the authors of this provocation pay", "Russia")]),
        ("Smith said on Monday that the government, which has faced criticism from opposition parties and rights groups over its handling of the crisis, would “do everything necessary to protect our citizens”.", &[("i", "the government, which has faced criticism from opposition parties and rights groups over its handling of the crisis, would “do everything necessary to protect our citizens”", "John Smith"), ("d", "do everything necessary to protect our citizens", "John Smith")]),
        ("Doe described the deal as “a step in the right direction”.", &[("d", "a step in the right direction", "Jane Doe")]),
        ("Smith said the plan was “a recipe for endless war in the region”.", &[("i", "the plan was “a recipe for endless war in the region”", "John Smith"), ("d", "a recipe for endless war in the region", "John Smith")]),
        ("According to Doe, “nothing has been decided yet.”", &[("d", "nothing has been decided yet.", "Jane Doe")]),
        ("Interfax quoted Petrenko as saying: “The decision is final.”", &[("d", "The decision is final.", "Ivan Petrenko")]),
        ("The protesters chanted “Peace now, no more war” outside the embassy.", &[("d", "Peace now, no more war", "protesters")]),
        ("Protesters chanted: “We want our jobs back!”", &[("d", "We want our jobs back!", "Protesters")]),
    ]);
}

#[test]
fn direct_split_and_continued() {
    check(&[
        ("“We regret the move,” Doe said. “But we remain open to dialogue.”", &[("d", "We regret the move,", "Jane Doe"), ("d", "But we remain open to dialogue.", "Jane Doe")]),
        ("“We regret the move,” Doe said, “but we remain open to dialogue.”", &[("d", "We regret the move,", "Jane Doe"), ("d", "but we remain open to dialogue.", "Jane Doe")]),
        ("“We regret the move,” said Smith. “We remain open to dialogue.” “Our door is open.”", &[("d", "We regret the move,", "John Smith"), ("d", "We remain open to dialogue.", "John Smith"), ("d", "Our door is open.", "John Smith")]),
        ("“They keep accusing us of everything,” Petrenko said.\n\n“NATO, I guess, has crossed a line.”", &[("d", "They keep accusing us of everything,", "Ivan Petrenko"), ("d", "NATO, I guess, has crossed a line.", "Ivan Petrenko")]),
        ("Smith said: “The first part of my answer is long.\n\n“And the second part is longer still,” he added.", &[("d", "The first part of my answer is long.", "John Smith"), ("d", "And the second part is longer still,", "John Smith")]),
        ("“This first paragraph opens a long statement by the minister.\n\n“It closes here, in the second,” Smith said.", &[("d", "This first paragraph opens a long statement by the minister.", "John Smith"), ("d", "It closes here, in the second,", "John Smith")]),
        ("“We will not leave.” Smith added that the troops would stay until the spring.", &[("d", "We will not leave.", "John Smith"), ("i", "the troops would stay until the spring", "John Smith")]),
        ("“We made progress,” said Smith. His counterpart, Ivan Petrenko, was more blunt: “There is no deal, and there will be none.”", &[("d", "We made progress,", "John Smith"), ("d", "There is no deal, and there will be none.", "Ivan Petrenko")]),
        ("'It is a mess,' one delegate said of the atmosphere in the room, adding that both sides had dug in.", &[("d", "It is a mess,", "one delegate"), ("i", "both sides had dug in", "one delegate")]),
        ("Smith urged them to “seize the moment” and said he would convene a new round in March.", &[("i", "he would convene a new round in March", "John Smith")]),
        ("Jane Doe arrived on Monday.\n\n“We came to listen. We came to help. We will stay as long as we are needed,” she said.", &[("d", "We came to listen. We came to help. We will stay as long as we are needed,", "Jane Doe")]),
        ("“We are ready to sign today,” said Smith, adding: “The ball is in their court.”", &[("d", "We are ready to sign today,", "John Smith"), ("d", "The ball is in their court.", "John Smith")]),
        ("“We will win” was the slogan of the day, organisers said.", &[("i", "“We will win” was the slogan of the day", "organisers"), ("d", "We will win", "organisers")]),
        ("“We are ready.” Smith then flew to Paris, where he met ministers from seven countries for talks.", &[("d", "We are ready.", "")]),
        ("“We regret it,” Doe said. “Absolutely.”", &[("d", "We regret it,", "Jane Doe"), ("d", "Absolutely.", "Jane Doe")]),
        // an unattributed quotation continues from the actor just named (coding manual)
        ("Doe spoke first.\n\n“We stand with our allies in every way we can.”", &[("d", "We stand with our allies in every way we can.", "Jane Doe")]),
    ]);
}

#[test]
fn direct_marks_and_nesting() {
    check(&[
        (
            "'We will formally announce the agreement tomorrow,' a senior U.S. official said.",
            &[(
                "d",
                "We will formally announce the agreement tomorrow,",
                "senior U.S. official",
            )],
        ),
        (
            "‘We will formally announce the agreement tomorrow,’ a senior U.S. official said.",
            &[(
                "d",
                "We will formally announce the agreement tomorrow,",
                "senior U.S. official",
            )],
        ),
        (
            "“He told me ‘we will never leave’ and I believed him,” Doe said.",
            &[(
                "d",
                "He told me ‘we will never leave’ and I believed him,",
                "Jane Doe",
            )],
        ),
        (
            "'He told me \"we will never leave\" and I believed him,' Doe said.",
            &[(
                "d",
                "He told me \"we will never leave\" and I believed him,",
                "Jane Doe",
            )],
        ),
        (
            "«We will never accept these terms», Petrenko said.",
            &[("d", "We will never accept these terms", "Ivan Petrenko")],
        ),
        (
            "“He said he would come, but he never did,” Smith said.",
            &[(
                "d",
                "He said he would come, but he never did,",
                "John Smith",
            )],
        ),
        (
            "“The alliance’s members’ patience is not unlimited,” Doe said.",
            &[(
                "d",
                "The alliance’s members’ patience is not unlimited,",
                "Jane Doe",
            )],
        ),
        (
            "\"We have said many times that we are ready,\" Smith said.",
            &[(
                "d",
                "We have said many times that we are ready,",
                "John Smith",
            )],
        ),
    ]);
}

#[test]
fn scare_quotes_and_titles_are_not_statements() {
    check(&[
        ("Moscow called the accusation “absurd” on Sunday.", &[]),
        (
            "Moscow called the accusation “absurd and baseless” on Sunday.",
            &[],
        ),
        ("The so-called “peace plan” was rejected by NATO.", &[]),
        ("He read “War and Peace” twice.", &[]),
        (
            "The “Partnership for Peace Programme” was launched in 1994.",
            &[],
        ),
        (
            "Doe dismissed what she called “fake news” from Moscow.",
            &[],
        ),
        ("“No,” Smith said.", &[("d", "No,", "John Smith")]),
        ("“Never again.”", &[("d", "Never again.", "")]),
        ("It was a hit in the ’90s and beyond.", &[]),
        ("The ministers’ meeting ended early.", &[]),
        (
            "Moscow launched what it calls a “special military operation in the east” last year.",
            &[("d", "special military operation in the east", "Russia")],
        ),
        (
            "The so-called “coalition of the willing nations” met in Paris.",
            &[],
        ),
        (
            "Doe called for “an immediate and unconditional ceasefire”.",
            &[("d", "an immediate and unconditional ceasefire", "Jane Doe")],
        ),
        ("Moscow has called the accusation “absurd”.", &[]),
        (
            "The plan, dubbed “the road to a lasting peace”, was rejected.",
            &[],
        ),
        (
            "It became known as “the war of the three borders” in the region.",
            &[],
        ),
    ]);
}

#[test]
fn reported_speech_forms() {
    check(&[
        ("Doe said the talks would resume next week.", &[("i", "the talks would resume next week", "Jane Doe")]),
        ("Doe said that the talks would resume next week.", &[("i", "the talks would resume next week", "Jane Doe")]),
        ("Doe said on Monday that the talks would resume next week.", &[("i", "the talks would resume next week", "Jane Doe")]),
        ("Petrenko said at a news conference in Geneva on Monday that Russia would respond.", &[("i", "Russia would respond", "Ivan Petrenko")]),
        ("The talks would resume next week, Doe said.", &[("i", "The talks would resume next week", "Jane Doe")]),
        ("The talks would resume next week, Doe said on Monday.", &[("i", "The talks would resume next week", "Jane Doe")]),
        ("The talks would resume next week, said Doe.", &[("i", "The talks would resume next week", "Jane Doe")]),
        ("The talks would resume next week, said Jane Doe on Monday, in a sign of progress.", &[("i", "The talks would resume next week", "Jane Doe")]),
        ("According to Doe, the talks would resume next week.", &[("i", "the talks would resume next week", "Jane Doe")]),
        ("The talks would resume next week, according to Doe.", &[("i", "The talks would resume next week", "Jane Doe")]),
        ("According to a statement from the Russian Foreign Ministry, the talks would resume.", &[("i", "the talks would resume", "Russian Foreign Ministry")]),
        ("Smith told reporters the talks would resume next week.", &[("i", "the talks would resume next week", "John Smith")]),
        ("Smith told reporters that the talks would resume next week.", &[("i", "the talks would resume next week", "John Smith")]),
        ("Smith told the BBC on Monday that the talks would resume.", &[("i", "the talks would resume", "John Smith")]),
        ("Petrenko told a meeting of the Security Council on Friday that the talks would resume.", &[("i", "the talks would resume", "Ivan Petrenko")]),
        ("Smith told members of parliament the talks would resume next week.", &[("i", "the talks would resume next week", "John Smith")]),
        ("Interfax reported that the talks would resume next week.", &[("i", "the talks would resume next week", "Interfax")]),
        ("Interfax reported late on Monday that the talks would resume next week.", &[("i", "the talks would resume next week", "Interfax")]),
        ("Doe noted that the talks had resumed.", &[("i", "the talks had resumed", "Jane Doe")]),
        ("Doe added that the talks had resumed.", &[("i", "the talks had resumed", "Jane Doe")]),
        ("Doe warned that the talks could collapse.", &[("i", "the talks could collapse", "Jane Doe")]),
        ("Doe warned Moscow that the talks could collapse.", &[("i", "the talks could collapse", "Jane Doe")]),
        ("Smith insisted the talks could still succeed.", &[("i", "the talks could still succeed", "John Smith")]),
        ("Smith stressed that the talks could still succeed.", &[("i", "the talks could still succeed", "John Smith")]),
        ("Russia claimed the drills were purely defensive.", &[("i", "the drills were purely defensive", "Russia")]),
        ("Russia denied that its troops had crossed the border.", &[("i", "its troops had crossed the border", "Russia")]),
        ("Smith pointed out that the treaty had expired.", &[("i", "the treaty had expired", "John Smith")]),
        ("Smith believes the treaty has expired.", &[("i", "the treaty has expired", "John Smith")]),
        ("NATO fears that the treaty has expired.", &[("i", "the treaty has expired", "NATO")]),
        ("The drills will continue, the alliance added.", &[("i", "The drills will continue", "NATO")]),
        ("The drills will continue, Smith told reporters.", &[("i", "The drills will continue", "John Smith")]),
        ("Moscow expelled two diplomats, Interfax quoted the Russian Foreign Ministry as saying.", &[("i", "Moscow expelled two diplomats", "Russian Foreign Ministry")]),
        ("Interfax quoted Petrenko as saying that the drills would continue.", &[("i", "the drills would continue", "Ivan Petrenko")]),
        ("Petrenko was quoted as saying that the drills would continue.", &[("i", "the drills would continue", "Ivan Petrenko")]),
        ("The drills will continue into next month, the agency said, citing Petrenko.", &[("i", "The drills will continue into next month", "Ivan Petrenko")]),
        ("NATO issued a statement on Monday, saying the drills would continue.", &[("i", "the drills would continue", "NATO")]),
        // a participle gives the reason for the act, not a statement (issue 12)
        ("NATO expelled eight Russian diplomats, accusing them of secretly working as intelligence officers.", &[]),
        ("Lebanon shut its schools for a week, citing a fuel shortage.", &[]),
        ("The court adjourned the trial until May, citing the absence of the defendant.", &[]),
        ("Fiji suspended the talks, blaming the delegation for the leak.", &[]),
        ("Officials in Moscow accused them of espionage.", &[("i", "espionage", "Officials in Moscow")]),
        ("Russia accused the alliance of building up troops on its border.", &[("i", "building up troops on its border", "Russia")]),
        ("Petrenko has denied that the vote was rigged and has accused the West of fomenting unrest in the capital.", &[("i", "the vote was rigged", "Ivan Petrenko"), ("i", "fomenting unrest in the capital", "Ivan Petrenko")]),
        ("Doe said the alliance had taken note of the decision and expressed regret about the move.", &[("i", "the alliance had taken note of the decision", "Jane Doe")]),
        ("Smith said the deal was dead and warned that sanctions would follow.", &[("i", "the deal was dead", "John Smith"), ("i", "sanctions would follow", "John Smith")]),
        ("BRUSSELS (Reuters) - The ministers agreed to impose new sanctions, diplomats said.", &[("i", "The ministers agreed to impose new sanctions", "diplomats")]),
        ("KYIV — The ministers agreed to impose new sanctions, diplomats said.", &[("i", "The ministers agreed to impose new sanctions", "diplomats")]),
        ("NATO members protest that the treaty was broken.", &[]),
        ("It followed opposition protests that the bloc described as brutal.", &[]),
        ("The opposition leader, who fled to Lithuania in August, told reporters in Vilnius she welcomed the decision.", &[("i", "she welcomed the decision", "opposition leader")]),
        ("Doe has repeatedly said that the sanctions will stay.", &[("i", "the sanctions will stay", "Jane Doe")]),
        ("Officials say the sanctions will stay in place.", &[("i", "the sanctions will stay in place", "Officials")]),
        ("Smith says the sanctions will stay in place.", &[("i", "the sanctions will stay in place", "John Smith")]),
        ("In case of urgent matters, Doe said NATO could call the embassy.", &[("i", "NATO could call the embassy", "Jane Doe")]),
        ("Jane Doe, the secretary of state, said the talks would resume next week.", &[("i", "the talks would resume next week", "Jane Doe")]),
        ("Jane Doe, the secretary of state, said on Monday the talks would resume.", &[("i", "the talks would resume", "Jane Doe")]),
        ("Smith said late on Sunday night the talks had collapsed.", &[("i", "the talks had collapsed", "John Smith")]),
        ("Regional governor Petro Shevchuk said at least 12 civilians had been killed.", &[("i", "at least 12 civilians had been killed", "Regional governor Petro Shevchuk")]),
        ("Doe said on Sunday that her country would not cede territory, rejecting the ceasefire plan.", &[("i", "her country would not cede territory", "Jane Doe")]),
        ("Smith said the deal would hold, including the clauses on prisoners.", &[("i", "the deal would hold, including the clauses on prisoners", "John Smith")]),
        ("“We want a ceasefire. That is different,” Smith said, adding that he would call Doe.", &[("d", "We want a ceasefire. That is different,", "John Smith"), ("i", "he would call Doe", "John Smith")]),
    ]);
}

#[test]
fn reported_speech_negatives() {
    check(&[
        ("Doe did not say when the talks would resume.", &[]),
        ("Smith declined to say whether the talks would resume.", &[]),
        ("The report said nothing.", &[]),
        (
            "Obama will deliver a note from the president to Castro.",
            &[],
        ),
        ("The state of the talks is unclear.", &[]),
        ("His claims were rejected by the ministry.", &[]),
        ("Petrenko was told to leave the country within a week.", &[]),
        ("The reported attack happened on Sunday.", &[]),
        (
            "NATO stripped eight Russian diplomats of their accreditation this month.",
            &[],
        ),
        ("Doe arrived in Moscow on Monday.", &[]),
    ]);
}

#[test]
fn speakers_linked_to_entities() {
    check(&[
        // pronouns
        ("Jane Doe arrived in Kyiv on Monday.\n\n“We stand with you,” she said.", &[("d", "We stand with you,", "Jane Doe")]),
        ("Jane Doe met John Smith on Monday. “We stand with you,” she said.", &[("d", "We stand with you,", "Jane Doe")]),
        ("Jane Doe met John Smith on Monday. “We stand with you,” he said.", &[("d", "We stand with you,", "John Smith")]),
        ("Jane Doe toured the base on Friday. She met the troops. The visit was brief. “We will stand with you for as long as it takes,” she said.", &[("d", "We will stand with you for as long as it takes,", "Jane Doe")]),
        ("Smith said the talks had failed. “We tried everything we could,” he added.", &[("i", "the talks had failed", "John Smith"), ("d", "We tried everything we could,", "John Smith")]),
        ("NATO rejected the demand. It said the alliance would not change its policy.", &[("i", "the alliance would not change its policy", "NATO")]),
        ("The protesters gathered outside the embassy. They said the war had to end.", &[("i", "the war had to end", "protesters")]),
        // organisations, offices, spokespeople
        ("The talks are over, said the NATO press office.", &[("i", "The talks are over", "NATO press office")]),
        ("Russian state agency Interfax reported that the talks had failed.", &[("i", "the talks had failed", "Interfax")]),
        ("NATO met on Monday. A spokeswoman said the meeting had been productive.", &[("i", "the meeting had been productive", "NATO spokeswoman")]),
        ("A NATO spokeswoman said the meeting had been productive.", &[("i", "the meeting had been productive", "NATO spokeswoman")]),
        ("Moscow said the decision was final.", &[("i", "the decision was final", "Russia")]),
        ("The Russian Foreign Ministry said in a statement that the decision was final.", &[("i", "the decision was final", "Russian Foreign Ministry")]),
        ("A senior U.S. official said the decision was final.", &[("i", "the decision was final", "senior U.S. official")]),
        // two speakers in one paragraph
        ("Doe said the deal was fair, while Smith said it was a mistake.", &[("i", "the deal was fair", "Jane Doe"), ("i", "it was a mistake", "John Smith")]),
        ("“The deal is fair,” Doe said. “It is a mistake,” Smith replied.", &[("d", "The deal is fair,", "Jane Doe"), ("d", "It is a mistake,", "John Smith")]),
        ("Doe said the deal was fair. Smith, however, said it was a mistake.", &[("i", "the deal was fair", "Jane Doe"), ("i", "it was a mistake", "John Smith")]),
        // speakers the actor stage missed keep the phrase
        ("“These statements show no will for peace,” Kremlin spokesman Dmitry Orlov told journalists.\n\nHe added: “The operation will continue.”", &[("d", "These statements show no will for peace,", "Kremlin spokesman Dmitry Orlov"), ("d", "The operation will continue.", "Kremlin spokesman Dmitry Orlov")]),
        ("The State Department said it was “studying the proposal very carefully”, while a senior official, speaking on condition of anonymity, said the plan had serious flaws.", &[("d", "studying the proposal very carefully", "State Department"), ("i", "the plan had serious flaws", "senior official")]),
        ("The troops will stay, a senior defense official told reporters.\n\n“This is a prudent step,” the official said.", &[("i", "The troops will stay", "senior defense official"), ("d", "This is a prudent step,", "senior defense official")]),
        ("Jane Doe welcomed the move. Speaking to reporters in Kyiv, she said her government was grateful.", &[("i", "her government was grateful", "Jane Doe")]),
        ("Smith said the talks had failed.\n\nJane Doe welcomed the move. Later, she said her government was grateful.", &[("i", "the talks had failed", "John Smith"), ("i", "her government was grateful", "Jane Doe")]),
        ("Local police said two people had been detained.", &[("i", "two people had been detained", "Local police")]),
        ("“We are ready to talk,” Andrew Black, a Canadian negotiator, said.", &[("d", "We are ready to talk,", "Andrew Black")]),
        ("Ukrainian officials said the shelling had stopped overnight.", &[("i", "the shelling had stopped overnight", "Ukrainian officials")]),
    ]);
}

#[test]
fn actor_stage_pronoun_links_are_used() {
    // the actor stage linked "he" to Petrenko: that wins over the nearest person
    let text = "Petrenko met Smith in Geneva. “We agreed on nothing,” he said.";
    let mut d = doc(text)
        .entity(
            "Ivan Petrenko",
            K::Person,
            "RUSGOV",
            None,
            &["Petrenko", "!he"],
        )
        .entity(
            "John Smith",
            K::Person,
            "GBRGOV",
            Some(Gender::Male),
            &["Smith"],
        )
        .build();
    attribute(&mut d);
    assert_eq!(d.quotes.len(), 1);
    assert_eq!(d.quotes[0].speaker.name.as_deref(), Some("Ivan Petrenko"));
    assert_eq!(d.quotes[0].speaker.code.as_deref(), Some("RUSGOV"));
    assert_eq!(d.quotes[0].speaker.entity, Some(0));
    // without the link, the subject-most compatible person of the paragraph
    let mut d = doc(text)
        .entity("Ivan Petrenko", K::Person, "RUSGOV", None, &["Petrenko"])
        .entity(
            "John Smith",
            K::Person,
            "GBRGOV",
            Some(Gender::Male),
            &["Smith"],
        )
        .build();
    attribute(&mut d);
    assert_eq!(d.quotes[0].speaker.name.as_deref(), Some("Ivan Petrenko"));
}

#[test]
fn speaker_codes_and_entities() {
    // (text, speaker name, code, entity name)
    let cases: &[(&str, &str, &str, &str)] = &[
        (
            "The ministry said in a statement that the envoy had been recalled.",
            "Russian Foreign Ministry",
            "RUSGOV",
            "Russian Foreign Ministry",
        ),
        (
            "“The envoy has been recalled,” a NATO spokeswoman said.",
            "NATO spokeswoman",
            "IGOWSTNAT",
            "NATO",
        ),
        (
            "Russian officials said the envoy had been recalled.",
            "Russian officials",
            "RUSGOV",
            "Russia",
        ),
        (
            "U.S. police said the envoy had been detained.",
            "U.S. police",
            "USACOP",
            "United States",
        ),
        (
            // a state speaks through its government (coding manual: speaker_code
            // joins state and sector)
            "Moscow said the envoy had been recalled.",
            "Russia",
            "RUSGOV",
            "Russia",
        ),
        (
            "“The envoy has been recalled,” Doe said.",
            "Jane Doe",
            "USAGOV",
            "Jane Doe",
        ),
    ];
    for (text, name, code, entity) in cases {
        let mut d = cast(doc(&format!(
            "The Russian Foreign Ministry met on Friday.\n\n{text}"
        )))
        .build();
        attribute(&mut d);
        let q = d
            .quotes
            .last()
            .unwrap_or_else(|| panic!("no quote in {text:?}"));
        assert_eq!(q.speaker.name.as_deref(), Some(*name), "{text}");
        assert_eq!(q.speaker.code.as_deref(), Some(*code), "{text}");
        let e = q.speaker.entity.map(|e| d.entities[e].name.as_str());
        assert_eq!(e, Some(*entity), "{text}");
    }
}

#[test]
fn quote_at_and_sentences() {
    let mut d = cast(doc(
        "Doe arrived. “We will stay. We will not leave,” she said.",
    ))
    .build();
    attribute(&mut d);
    let q = &d.quotes[0];
    assert_eq!(q.sentences, vec![1, 2]);
    assert_eq!(quote_at(&d, q.span.start), Some(0));
    assert_eq!(quote_at(&d, q.span.end), None);
    assert_eq!(quote_at(&d, 0), None);
}

#[test]
fn report_groups_by_speaker() {
    let mut d = cast(doc(
        "“We regret it,” Doe said. Smith said the plan had failed. “It is over,” Doe added.",
    ))
    .build();
    attribute(&mut d);
    let mut out = String::new();
    report(&d, &mut out);
    let doe = out.find("Jane Doe [USAGOV]").expect("Doe heading");
    let smith = out.find("John Smith [GBRGOV]").expect("Smith heading");
    assert!(doe < smith, "{out}");
    assert_eq!(
        out.matches("Jane Doe").count(),
        1,
        "one heading per speaker: {out}"
    );
    assert!(out.contains("direct   “It is over,”"), "{out}");
    assert!(out.contains("reported the plan had failed"), "{out}");
}
