//! Closed word classes the actor stage relies on: function words that are
//! capitalised at the start of a sentence, name connectors, modifiers that
//! may sit between a nationality and a role, speech verbs, pronouns and the
//! head nouns that tell organisations and places apart. The words are in
//! `data/actor_words.txt`; the functions here keep how each class is matched
//! (as written or lower-cased, whole word or particle before a hyphen).

crate::wordclass::word_classes!("../../../../data/actor_words.txt", {
    STOP_CAPS = "stop_caps",
    NAME_CONNECTORS = "name_connectors",
    SKIP_MODIFIERS = "skip_modifiers",
    DEFINITE = "definite",
    INDEFINITE = "indefinite",
    POSSESSIVE = "possessive",
    SPEECH_VERBS = "speech_verbs",
    AUX_AND_MOVEMENT = "aux_and_movement",
    PLACE_PREPOSITIONS = "place_prepositions",
    ORG_GOV = "org_gov",
    ORG_LEG = "org_leg",
    ORG_MIL = "org_mil",
    ORG_COP = "org_cop",
    ORG_JUD = "org_jud",
    ORG_MED = "org_med",
    ORG_EDU = "org_edu",
    ORG_BUS = "org_bus",
    ORG_REL = "org_rel",
    ORG_HLH = "org_hlh",
    ORG_HEADS = "org_heads",
    PLACE_HEADS = "place_heads",
    THING_HEADS = "thing_heads",
    PRONOUN_HE = "pronoun_he",
    PRONOUN_SHE = "pronoun_she",
    PRONOUN_THEY = "pronoun_they",
    PRONOUN_WE = "pronoun_we",
    NOUN_FOLLOWERS = "noun_followers",
    NAME_PARTICLES = "name_particles",
    TITLE_FUNCTION_WORDS = "title_function_words",
    REBEL_SECTORS = "rebel_sectors",
    STATE_SECTORS = "state_sectors",
    SCENE_ROLES = "scene_roles",
    RANK_ROLES = "rank_roles",
    DIPLOMATIC_STEMS = "diplomatic_stems",
    PLACE_NOUNS = "place_nouns",
    NAME_PART_PARTICLES = "name_part_particles",
    GENERIC_ORG_HEADS = "generic_org_heads",
    GROUP_NUMBERS = "group_numbers",
    ANAPHOR_DETERMINERS = "anaphor_determiners",
    SURNAME_MONTHS = "surname_months",
    COUNT_WORDS = "count_words",
    ENVOY_STEMS = "envoy_stems",
    FIRST_SINGULAR = "first_singular",
    FIRST_PLURAL = "first_plural",
});

use class::*;

/// Whether `w` (as written) is in a class of `bits`.
fn is(w: &str, bits: u64) -> bool {
    words().is(w, bits)
}

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
    is(w, STOP_CAPS)
}

/// Lower-case words that may join the parts of a name.
pub(crate) fn is_name_connector(w: &str) -> bool {
    is(w, NAME_CONNECTORS)
}

/// Modifiers allowed between an owner and a role ("Russian *senior* official").
pub(crate) fn is_skip_mod(w: &str) -> bool {
    is(&w.to_ascii_lowercase(), SKIP_MODIFIERS)
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
    let m = words().mask(&w.to_ascii_lowercase());
    if m & DEFINITE != 0 {
        Some(Det::Definite)
    } else if m & INDEFINITE != 0 {
        Some(Det::Indefinite)
    } else if m & POSSESSIVE != 0 {
        Some(Det::Possessive)
    } else {
        None
    }
}

/// Speech verbs used to find who speaks in a sentence.
pub(crate) fn is_speech_verb(w: &str) -> bool {
    is(w, SPEECH_VERBS)
}

/// Speech verbs, auxiliaries and modals: a capitalised word at the start of a
/// sentence followed by one of these is a name ("Obama will announce").
pub(crate) fn is_speech_or_aux(w: &str) -> bool {
    is(w, SPEECH_VERBS | AUX_AND_MOVEMENT)
}

/// Prepositions after which a city is a place, not a government.
pub(crate) fn is_place_prep(w: &str) -> bool {
    is(&w.to_ascii_lowercase(), PLACE_PREPOSITIONS)
}

/// If `w` is a head noun that makes a capitalised name an organisation, the
/// sector it gives (`Some(None)` for an organisation without a sector).
pub(crate) fn org_head(w: &str) -> Option<Option<&'static str>> {
    const SECTORS: [(u64, &str); 10] = [
        (ORG_GOV, "GOV"),
        (ORG_LEG, "LEG"),
        (ORG_MIL, "MIL"),
        (ORG_COP, "COP"),
        (ORG_JUD, "JUD"),
        (ORG_MED, "MED"),
        (ORG_EDU, "EDU"),
        (ORG_BUS, "BUS"),
        (ORG_REL, "REL"),
        (ORG_HLH, "HLH"),
    ];
    let m = words().mask(&w.to_ascii_lowercase());
    if let Some((_, code)) = SECTORS.iter().find(|(bit, _)| m & bit != 0) {
        return Some(Some(code));
    }
    (m & ORG_HEADS != 0).then_some(None)
}

/// Head nouns that make a capitalised name a place.
pub(crate) fn is_place_head(w: &str) -> bool {
    is(w, PLACE_HEADS)
}

/// Head nouns of capitalised names that are neither actors nor places
/// ("Cold War", "Paris Agreement").
pub(crate) fn is_thing_head(w: &str) -> bool {
    is(w, THING_HEADS)
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
    let m = words().mask(&w.to_ascii_lowercase());
    [
        (PRONOUN_HE, Pronoun::He),
        (PRONOUN_SHE, Pronoun::She),
        (PRONOUN_THEY, Pronoun::They),
        (PRONOUN_WE, Pronoun::We),
    ]
    .into_iter()
    .find(|(bit, _)| m & bit != 0)
    .map(|(_, p)| p)
}

/// Words after a role noun that show the role noun is a noun (a verb, a
/// function word), not an adjective ("police *said*" vs "official *notification*").
pub(crate) fn is_noun_follower(w: &str) -> bool {
    let l = w.to_ascii_lowercase();
    l.ends_with("ed")
        || l.ends_with("ly")
        || (l.ends_with('s') && !l.ends_with("ss"))
        || is(&l, SPEECH_VERBS | AUX_AND_MOVEMENT | NOUN_FOLLOWERS)
}

/// A name part written with a lower-case particle ("al-Hayya", "bin-Zayed").
pub(crate) fn is_particle_name(w: &str) -> bool {
    let Some((pre, rest)) = w.split_once('-') else {
        return false;
    };
    is(pre, NAME_PARTICLES) && rest.chars().next().is_some_and(char::is_uppercase)
}

/// Function words that only carry a capital in title-case lines.
pub(crate) fn is_title_function_word(w: &str) -> bool {
    is(w, TITLE_FUNCTION_WORDS)
}

/// A first-person singular pronoun other than "I" ("me", "my"); `w` lower-cased.
pub(crate) fn is_first_singular(w: &str) -> bool {
    is(w, FIRST_SINGULAR)
}

/// A first-person plural pronoun ("we", "our"); `w` lower-cased.
pub(crate) fn is_first_plural(w: &str) -> bool {
    is(w, FIRST_PLURAL)
}

/// Sectors of a foreign organisation that a country adjective re-homes
/// ("Syrian" before a Turkish-coded rebel group).
pub(crate) fn is_rebel_sector(s: &str) -> bool {
    is(s, REBEL_SECTORS)
}

/// Sectors of a state: government, military, legislature, judiciary, police,
/// intelligence.
pub(crate) fn is_state_sector(s: &str) -> bool {
    is(s, STATE_SECTORS)
}

/// Whether the holders of a role belong to where the story happens ("resident").
pub(crate) fn is_scene_role(phrase: &str) -> bool {
    is(phrase, SCENE_ROLES)
}

/// Whether a role only ranks the role after it ("deputy").
pub(crate) fn is_rank_role(phrase: &str) -> bool {
    is(phrase, RANK_ROLES)
}

/// Whether a role phrase is diplomatic (contains "ambassador", "envoy", ...).
pub(crate) fn is_diplomatic_role(phrase: &str) -> bool {
    words()
        .members(DIPLOMATIC_STEMS)
        .iter()
        .any(|w| phrase.contains(w))
}

/// Whether a role phrase is a state's envoy to an organisation ("the Russian
/// NATO envoy").
pub(crate) fn is_envoy_role(phrase: &str) -> bool {
    words()
        .members(ENVOY_STEMS)
        .iter()
        .any(|w| phrase.contains(w))
}

/// Nouns before "of" that make the next name a place ("region of").
pub(crate) fn is_place_noun(w: &str) -> bool {
    is(w, PLACE_NOUNS)
}

/// Particles of names not registered as name parts ("al", "bin", "van"); `w`
/// lower-cased.
pub(crate) fn is_name_part_particle(w: &str) -> bool {
    is(w, NAME_PART_PARTICLES)
}

/// Organisation head nouns that may refer back to any organisation.
pub(crate) fn is_generic_org_head(w: &str) -> bool {
    is(w, GENERIC_ORG_HEADS)
}

/// Numbers and quantifiers skipped before a group noun.
pub(crate) fn is_group_number(w: &str) -> bool {
    w.chars().next().is_some_and(|c| c.is_ascii_digit()) || is(w, GROUP_NUMBERS)
}

/// Numbers and quantifiers inside a noun phrase.
pub(crate) fn is_count_word(w: &str) -> bool {
    w.chars().next().is_some_and(|c| c.is_ascii_digit()) || is(w, COUNT_WORDS)
}

/// Determiners after which an organisation head noun refers back ("the
/// bloc"), any case.
pub(crate) fn is_anaphor_det(w: &str) -> bool {
    is(&w.to_ascii_lowercase(), ANAPHOR_DETERMINERS)
}

/// Capitalised months and modals that are a surname after a first name
/// ("Theresa May").
pub(crate) fn is_surname_month(w: &str) -> bool {
    is(w, SURNAME_MONTHS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_keep_their_matching() {
        assert!(is_stop_cap("The") && !is_stop_cap("the"));
        assert!(is_skip_mod("Senior") && is_place_prep("IN"));
        assert_eq!(det("Its"), Some(Det::Possessive));
        assert_eq!(org_head("Ministry"), Some(Some("GOV")));
        assert_eq!(org_head("party"), Some(None));
        assert_eq!(org_head("minister"), None);
        assert_eq!(pronoun("Her"), Some(Pronoun::She));
        assert_eq!(pronoun("US"), None);
        assert!(is_place_head("Oblast’s") && is_title_function_word("Its,"));
        assert!(is_particle_name("al-Hayya") && !is_particle_name("al-hayya"));
        assert!(
            is_noun_follower("said")
                && is_noun_follower("will")
                && !is_noun_follower("notification")
        );
        assert!(is_diplomatic_role("deputy ambassador") && is_group_number("12"));
    }
}
