//! The closed word classes of the quotation stage (`data/quote_words.txt`,
//! format in its header): function words, adverbials, auxiliaries and the head
//! nouns of speaker phrases. Read with [`super::phrase::is_in`].

crate::wordclass::word_classes!("../../../../data/quote_words.txt", {
    DETERMINERS = "determiners",
    PRONOUNS = "pronouns",
    PREVERB = "preverb",
    ADVERBIAL = "adverbial",
    AFTER_STOP = "after_stop",
    CLAUSE_WORDS = "clause_words",
    COORDINATORS = "coordinators",
    SEGMENT_OPENERS = "segment_openers",
    BE = "be",
    LY_NOT_ADVERBS = "ly_not_adverbs",
    NAMING = "naming",
    COLON_VERBS = "colon_verbs",
    DOC_NOUNS = "doc_nouns",
    BARE_NOT_CONTENT = "bare_not_content",
    VERB_PREPOSITIONS = "verb_prepositions",
    TIME_UNITS = "time_units",
    AS_SAYING = "as_saying",
    AUXILIARIES = "auxiliaries",
    NOT_PARTICIPIAL = "not_participial",
    ABBREVIATIONS = "abbreviations",
    ORG_HEADS = "org_heads",
    SPOKES_HEADS = "spokes_heads",
    HEAD_PREPOSITIONS = "head_prepositions",
    APPOSITIVE_OPENERS = "appositive_openers",
    ROLE_WORDS = "role_words",
    STATE_OFFICES = "state_offices",
    SPOKES_OF_ORG = "spokes_of_org",
    AFTER_OBJECT = "after_object",
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_read_as_written() {
        let w = words();
        assert!(w.is("the", class::DETERMINERS) && !w.is("The", class::DETERMINERS));
        assert!(w.is("so-called", class::NAMING) && w.is("messrs", class::ABBREVIATIONS));
    }
}
