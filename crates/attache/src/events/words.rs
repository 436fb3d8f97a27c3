//! The closed word classes of the event coder (`data/coder_words.txt`, format
//! in its header): function words and the small verb classes the shallow rules
//! and the tree walks read. One lookup gives a word's classes as a bit mask.

crate::wordclass::word_classes!("../../../../data/coder_words.txt", {
    DETERMINERS = "determiners",
    PREPOSITIONS = "prepositions",
    LOCATIVE = "locative",
    PLACE_PREPOSITIONS = "place_prepositions",
    TARGET_PREPOSITIONS = "target_prepositions",
    ADVERBS = "adverbs",
    NEGATIONS = "negations",
    MODALS_HYPO = "modals_hypo",
    FUTURE = "future",
    BE = "be",
    HAVE_DO = "have_do",
    CLAUSE_STOP = "clause_stop",
    REGION_STOP = "region_stop",
    PARENTHETICAL = "parenthetical",
    PRONOUNS_SPEAKER = "pronouns_speaker",
    PRONOUNS_OBJECT = "pronouns_object",
    APPEAL = "appeal",
    REPORTING = "reporting",
    AGENTIVE = "agentive",
    CONTROL = "control",
    CONTROL_ADJECTIVES = "control_adjectives",
    DENIAL = "denial",
    REJECTION = "rejection",
    ACCUSATIONS = "accusations",
    DYAD_NOUNS = "dyad_nouns",
    OWN_SIDE = "own_side",
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_read_as_written() {
        let w = words();
        assert!(w.is("the", class::DETERMINERS));
        assert!(w.is(";", class::CLAUSE_STOP));
        assert!(w.is(",", class::REGION_STOP));
        assert!(!w.is("expel", class::PREPOSITIONS));
        assert_eq!(w.find("against", class::PREPOSITIONS), Some("against"));
        assert!(w.list("reporting").contains(&"say"));
        assert!(w.list("control").contains(&"threaten"));
    }
}
