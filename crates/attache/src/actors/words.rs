//! Closed word classes the actor stage relies on: function words that are
//! capitalised at the start of a sentence, name connectors, modifiers that
//! may sit between a nationality and a role, speech verbs, pronouns and the
//! head nouns that tell organisations and places apart.

/// Capitalised words that never start a name (months, days, "I"); "Jan" is
/// also a given name ("Jan Lipavsky"), so only the other abbreviations count.
pub(crate) fn is_non_name_cap(w: &str) -> bool {
    use crate::calendar::{month_number, weekday_index};
    w == "I"
        || (w.starts_with(|c: char| c.is_ascii_uppercase())
            && !w.ends_with('.')
            && ((month_number(w).is_some() && w != "Jan") || weekday_index(w).is_some()))
}

/// Function words and common sentence openers written with a capital.
pub(crate) fn is_stop_cap(w: &str) -> bool {
    matches!(
        w,
        "The"
            | "A"
            | "An"
            | "In"
            | "On"
            | "At"
            | "By"
            | "For"
            | "From"
            | "To"
            | "Of"
            | "And"
            | "But"
            | "Or"
            | "Nor"
            | "If"
            | "When"
            | "While"
            | "As"
            | "After"
            | "Before"
            | "Since"
            | "During"
            | "Although"
            | "Though"
            | "However"
            | "Meanwhile"
            | "Moreover"
            | "Also"
            | "It"
            | "Its"
            | "This"
            | "That"
            | "These"
            | "Those"
            | "There"
            | "Here"
            | "He"
            | "She"
            | "They"
            | "We"
            | "You"
            | "His"
            | "Her"
            | "Their"
            | "Our"
            | "My"
            | "Your"
            | "Who"
            | "What"
            | "Why"
            | "How"
            | "Where"
            | "Which"
            | "According"
            | "Both"
            | "Nearly"
            | "Some"
            | "Many"
            | "Most"
            | "All"
            | "Several"
            | "Other"
            | "Such"
            | "Not"
            | "No"
            | "Yes"
            | "Today"
            | "Yesterday"
            | "Tomorrow"
            | "Last"
            | "Next"
            | "Earlier"
            | "Later"
            | "Then"
            | "Now"
            | "Still"
            | "Yet"
            | "So"
            | "Thus"
            | "Instead"
            | "Despite"
            | "Under"
            | "Over"
            | "With"
            | "Without"
            | "Against"
            | "Between"
            | "Among"
            | "Amid"
            | "Into"
            | "Through"
            | "Across"
            | "Around"
            | "About"
            | "Above"
            | "Below"
            | "Until"
            | "Unlike"
            | "Like"
            | "Even"
            | "Only"
            | "Just"
            | "Already"
            | "Once"
            | "Each"
            | "Every"
            | "Any"
            | "One"
            | "Two"
            | "Three"
            | "Four"
            | "Five"
            | "Six"
            | "Seven"
            | "Eight"
            | "Nine"
            | "Ten"
            | "Asked"
            | "Speaking"
            | "Separately"
            | "Elsewhere"
            | "Further"
            | "Furthermore"
            | "Indeed"
            | "Therefore"
            | "Overall"
            | "Currently"
            | "Recently"
            | "Please"
            | "Well"
            | "Let"
            | "Do"
            | "Does"
            | "Did"
            | "Is"
            | "Are"
            | "Was"
            | "Were"
            | "Will"
            | "Would"
            | "Can"
            | "Could"
            | "Should"
            | "May"
            | "Might"
            | "Must"
            | "Have"
            | "Has"
            | "Had"
            | "Mr"
            | "Mrs"
            | "Ms"
            | "Dr"
            | "Newspapers"
            | "Read"
            | "See"
            | "Photo"
            | "File"
            | "Advertisement"
            | "Related"
            | "Updated"
            | "Editor"
            | "Note"
    )
}

/// Lower-case words that may join the parts of a name.
pub(crate) fn is_name_connector(w: &str) -> bool {
    matches!(
        w,
        "of" | "de"
            | "da"
            | "di"
            | "del"
            | "van"
            | "von"
            | "der"
            | "al"
            | "bin"
            | "ibn"
            | "la"
            | "le"
            | "du"
            | "dos"
            | "das"
    )
}

/// Modifiers allowed between an owner and a role ("Russian *senior* official").
pub(crate) fn is_skip_mod(w: &str) -> bool {
    let l = w.to_ascii_lowercase();
    matches!(
        l.as_str(),
        "senior"
            | "top"
            | "former"
            | "ex"
            | "acting"
            | "interim"
            | "then"
            | "new"
            | "first"
            | "second"
            | "third"
            | "vice"
            | "assistant"
            | "outgoing"
            | "incoming"
            | "current"
            | "longtime"
            | "long-time"
            | "veteran"
            | "leading"
            | "prominent"
            | "influential"
            | "hardline"
            | "moderate"
            | "communist"
            | "socialist"
            | "islamist"
            | "ruling"
            | "local"
            | "regional"
            | "federal"
            | "provincial"
            | "national"
            | "state-run"
            | "state-owned"
            | "official"
            | "chief"
            | "main"
            | "powerful"
            | "key"
            | "independent"
            | "exiled"
            | "jailed"
            | "detained"
            | "imprisoned"
            | "retired"
            | "serving"
            | "elected"
            | "unnamed"
            | "anonymous"
            | "two"
            | "three"
            | "four"
            | "five"
            | "several"
            | "many"
            | "some"
            | "other"
            | "more"
            | "military"
            | "civilian"
            | "armed"
            | "conservative"
            | "liberal"
            | "democratic"
            | "republican"
            | "pro-government"
            | "anti-government"
            | "opposition"
            | "nationalist"
            | "far-right"
            | "far-left"
            | "young"
            | "elderly"
            | "eastern"
            | "western"
            | "northern"
            | "southern"
            | "central"
    )
}

/// Determiners before a noun phrase.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Det {
    /// No determiner.
    None,
    /// "the", "this", "that".
    Definite,
    /// "a", "an", "another".
    Indefinite,
    /// "its", "their": the owner is what the pronoun refers to.
    Possessive,
}

/// The determiner a word is, if it is one.
pub(crate) fn det(w: &str) -> Option<Det> {
    match w.to_ascii_lowercase().as_str() {
        "the" | "this" | "that" | "these" | "those" => Some(Det::Definite),
        "a" | "an" | "another" => Some(Det::Indefinite),
        "its" | "their" => Some(Det::Possessive),
        _ => None,
    }
}

/// Speech verbs used to find who speaks in a sentence.
pub(crate) fn is_speech_verb(w: &str) -> bool {
    matches!(
        w,
        "said"
            | "says"
            | "say"
            | "told"
            | "tells"
            | "added"
            | "adds"
            | "stated"
            | "states"
            | "noted"
            | "notes"
            | "warned"
            | "warns"
            | "announced"
            | "announces"
            | "explained"
            | "insisted"
            | "argued"
            | "claimed"
            | "claims"
            | "wrote"
            | "writes"
            | "asked"
            | "replied"
            | "declared"
            | "reported"
            | "reports"
            | "stressed"
            | "emphasised"
            | "emphasized"
            | "commented"
            | "remarked"
            | "confirmed"
            | "denied"
            | "tweeted"
            | "quoted"
            | "urged"
            | "accused"
            | "called"
            | "saying"
    )
}

/// Speech verbs, auxiliaries and modals: a capitalised word at the start of a
/// sentence followed by one of these is a name ("Obama will announce").
pub(crate) fn is_speech_or_aux(w: &str) -> bool {
    is_speech_verb(w)
        || matches!(
            w,
            "will"
                | "would"
                | "can"
                | "could"
                | "may"
                | "might"
                | "must"
                | "should"
                | "shall"
                | "has"
                | "had"
                | "have"
                | "is"
                | "was"
                | "were"
                | "are"
                | "did"
                | "does"
                | "met"
                | "visited"
                | "arrived"
                | "left"
                | "signed"
                | "spoke"
                | "called"
        )
}

/// Prepositions after which a city is a place, not a government.
pub(crate) fn is_place_prep(w: &str) -> bool {
    matches!(
        w.to_ascii_lowercase().as_str(),
        "in" | "at"
            | "from"
            | "to"
            | "near"
            | "into"
            | "outside"
            | "inside"
            | "around"
            | "across"
            | "toward"
            | "towards"
            | "via"
            | "through"
            | "throughout"
            | "within"
            | "visit"
            | "visited"
            | "visiting"
            | "reach"
            | "reached"
            | "leave"
            | "left"
            | "arrived"
    )
}

/// If `w` is a head noun that makes a capitalised name an organisation, the
/// sector it gives (`Some(None)` for an organisation without a sector).
pub(crate) fn org_head(w: &str) -> Option<Option<&'static str>> {
    let l = w.to_ascii_lowercase();
    Some(match l.as_str() {
        "ministry" | "department" | "office" | "agency" | "commission" | "committee"
        | "council" | "secretariat" | "administration" | "government" | "cabinet"
        | "directorate" | "bureau" | "mission" | "embassy" | "consulate" | "authority" => {
            Some("GOV")
        }
        "parliament" | "assembly" | "senate" | "duma" | "congress" | "chamber" => Some("LEG"),
        "army" | "navy" | "forces" | "corps" | "command" | "brigade" | "battalion" | "regiment"
        | "guard" | "guards" => Some("MIL"),
        "police" | "gendarmerie" => Some("COP"),
        "court" | "tribunal" | "prosecutor's" | "prosecutors" => Some("JUD"),
        "television" | "tv" | "radio" | "news" | "times" | "post" | "daily" | "herald"
        | "journal" | "gazette" | "tribune" | "press" | "broadcasting" | "channel"
        | "telegraph" | "observer" | "magazine" | "media" => Some("MED"),
        "university" | "college" | "school" | "academy" | "institute" => Some("EDU"),
        "bank" | "company" | "corporation" | "corp" | "inc" | "ltd" | "plc" | "group"
        | "holdings" | "airlines" | "industries" | "energy" | "motors" => Some("BUS"),
        "church" | "diocese" | "mosque" | "synagogue" | "patriarchate" => Some("REL"),
        "hospital" | "clinic" => Some("HLH"),
        "party" => None,
        "union" | "federation" | "association" | "organization" | "organisation" | "foundation"
        | "front" | "movement" | "league" | "alliance" | "coalition" | "society" | "service"
        | "centre" | "center" | "fund" | "forum" | "network" | "initiative" | "watch"
        | "brigades" => None,
        _ => return None,
    })
}

/// Head nouns that make a capitalised name a place.
pub(crate) fn is_place_head(w: &str) -> bool {
    matches!(
        w,
        "Street"
            | "Square"
            | "Garden"
            | "Gardens"
            | "Avenue"
            | "Road"
            | "Palace"
            | "House"
            | "Hall"
            | "Airport"
            | "Island"
            | "Islands"
            | "River"
            | "Sea"
            | "Ocean"
            | "Mountains"
            | "Mountain"
            | "Valley"
            | "Region"
            | "Province"
            | "Oblast"
            | "Strait"
            | "Gulf"
            | "Bay"
            | "Lake"
            | "Peninsula"
            | "Base"
            | "Port"
            | "City"
            | "County"
            | "District"
            | "Park"
            | "Bridge"
            | "Canal"
            | "Desert"
            | "Coast"
            | "Plain"
            | "Hills"
            | "Heights"
            | "Castle"
            | "Tower"
            | "Stadium"
            | "Village"
            | "Town"
            | "State"
            | "Territory"
            | "Krai"
            | "Oblast’s"
            | "Prefecture"
    )
}

/// Head nouns of capitalised names that are neither actors nor places
/// ("Cold War", "Paris Agreement").
pub(crate) fn is_thing_head(w: &str) -> bool {
    matches!(
        w,
        "War"
            | "Summit"
            | "Conference"
            | "Treaty"
            | "Agreement"
            | "Accord"
            | "Accords"
            | "Act"
            | "Games"
            | "Cup"
            | "Olympics"
            | "Day"
            | "Year"
            | "Award"
            | "Prize"
            | "Report"
            | "Plan"
            | "Program"
            | "Programme"
            | "Declaration"
            | "Convention"
            | "Charter"
            | "Protocol"
            | "Pact"
            | "Crisis"
            | "Revolution"
            | "Spring"
            | "Doctrine"
            | "Deal"
            | "Talks"
            | "Process"
            | "Format"
            | "Strategy"
            | "Law"
            | "Bill"
            | "Resolution"
            | "Festival"
            | "Week"
            | "Era"
            | "Age"
            | "Index"
            | "English"
            | "Online"
            | "Weekly"
            | "Monthly"
            | "Covid"
            | "COVID"
            | "Covid-19"
            | "COVID-19"
            | "Christmas"
            | "Easter"
            | "Ramadan"
            | "Internet"
            | "Twitter"
            | "Facebook"
            | "Telegram"
            | "Instagram"
    )
}

/// A personal pronoun that may refer to an actor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Pronoun {
    /// he, him, his, himself.
    He,
    /// she, her, hers, herself.
    She,
    /// they, them, their, theirs, themselves.
    They,
    /// we, us, our, ours, ourselves.
    We,
}

/// The pronoun a word is, if it is one (case-insensitive except "US").
pub(crate) fn pronoun(w: &str) -> Option<Pronoun> {
    if w == "US" {
        return None;
    }
    Some(match w.to_ascii_lowercase().as_str() {
        "he" | "him" | "his" | "himself" => Pronoun::He,
        "she" | "her" | "hers" | "herself" => Pronoun::She,
        "they" | "them" | "their" | "theirs" | "themselves" => Pronoun::They,
        "we" | "us" | "our" | "ours" | "ourselves" => Pronoun::We,
        _ => return None,
    })
}

/// Words after a role noun that show the role noun is a noun (a verb, a
/// function word), not an adjective ("police *said*" vs "official *notification*").
pub(crate) fn is_noun_follower(w: &str) -> bool {
    let l = w.to_ascii_lowercase();
    l.ends_with("ed")
        || l.ends_with("ly")
        || (l.ends_with('s') && !l.ends_with("ss"))
        || is_speech_or_aux(&l)
        || matches!(
            l.as_str(),
            "and"
                | "or"
                | "but"
                | "of"
                | "in"
                | "on"
                | "at"
                | "to"
                | "for"
                | "from"
                | "with"
                | "by"
                | "as"
                | "who"
                | "whom"
                | "whose"
                | "which"
                | "that"
                | "than"
                | "not"
                | "no"
                | "be"
                | "been"
                | "being"
                | "do"
                | "also"
                | "then"
                | "say"
                | "tell"
                | "agree"
                | "plan"
                | "want"
                | "need"
                | "hope"
                | "expect"
                | "believe"
                | "think"
                | "know"
                | "see"
                | "meet"
                | "visit"
                | "oppose"
                | "support"
                | "reject"
                | "accept"
                | "deny"
                | "refuse"
                | "continue"
                | "remain"
                | "become"
                | "seek"
                | "try"
                | "keep"
                | "take"
                | "make"
                | "give"
                | "get"
                | "go"
                | "come"
                | "leave"
                | "stay"
                | "would"
                | "ever"
                | "never"
                | "still"
                | "already"
                | "now"
                | "yet"
                | "again"
                | "here"
                | "there"
                | "last"
                | "next"
                | "this"
                | "after"
                | "before"
                | "since"
                | "during"
                | "over"
                | "under"
                | "about"
                | "against"
                | "between"
                | "among"
                | "into"
                | "onto"
                | "upon"
                | "while"
                | "when"
                | "where"
                | "if"
                | "because"
                | "so"
                | "a"
                | "an"
                | "the"
                | "it"
                | "he"
                | "she"
                | "they"
                | "we"
                | "you"
                | "his"
                | "her"
                | "their"
                | "our"
                | "its"
                | "what"
                | "how"
                | "why"
                | "said"
                | "arrive"
                | "ask"
                | "warn"
        )
}

/// A name part written with a lower-case particle ("al-Hayya", "bin-Zayed").
pub(crate) fn is_particle_name(w: &str) -> bool {
    let Some((pre, rest)) = w.split_once('-') else {
        return false;
    };
    matches!(
        pre,
        "al" | "el"
            | "ad"
            | "ar"
            | "as"
            | "ash"
            | "at"
            | "az"
            | "an"
            | "bin"
            | "ibn"
            | "abu"
            | "abd"
            | "bint"
            | "ben"
    ) && rest.chars().next().is_some_and(char::is_uppercase)
}

/// Function words that only carry a capital in title-case lines.
pub(crate) fn is_title_function_word(w: &str) -> bool {
    matches!(
        w,
        "Its"
            | "At"
            | "To"
            | "In"
            | "Of"
            | "And"
            | "For"
            | "On"
            | "With"
            | "As"
            | "By"
            | "Over"
            | "From"
            | "Into"
            | "After"
            | "Is"
            | "Are"
            | "Be"
            | "Will"
            | "Has"
            | "Have"
            | "Its,"
    )
}
