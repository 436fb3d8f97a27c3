//! The teacher's label scheme (spaCy's English scheme), fixed in code so every
//! layer and model agrees on the ids: fine (Penn) tags, Universal POS tags,
//! dependency relations and entity types. Models store label names and map
//! them to these ids when they load.

macro_rules! label_enum {
    ($(#[$meta:meta])* $name:ident, $table:ident { $($variant:ident = $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
        #[repr(u8)]
        #[allow(missing_docs)]
        pub enum $name {
            #[default]
            $($variant),+
        }

        /// Every label's name, in id order.
        pub const $table: &[&str] = &[$($text),+];

        impl $name {
            /// Every label, in id order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The label's name in the teacher's scheme.
            pub fn as_str(self) -> &'static str {
                $table[self as usize]
            }

            /// The label with this name, if the scheme has it.
            pub fn parse(s: &str) -> Option<$name> {
                $table.iter().position(|t| *t == s).map(|i| $name::ALL[i])
            }

            /// The label with this id.
            pub fn from_id(id: u8) -> Option<$name> {
                $name::ALL.get(id as usize).copied()
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }
    };
}

label_enum!(
    /// Universal POS tags (UD v2). The first, `X`, is the default.
    Upos, UPOS_NAMES {
        X = "X", Adj = "ADJ", Adp = "ADP", Adv = "ADV", Aux = "AUX", Cconj = "CCONJ", Det = "DET",
        Intj = "INTJ", Noun = "NOUN", Num = "NUM", Part = "PART", Pron = "PRON", Propn = "PROPN",
        Punct = "PUNCT", Sconj = "SCONJ", Sym = "SYM", Verb = "VERB", Space = "SPACE",
    }
);

label_enum!(
    /// Fine (Penn Treebank, OntoNotes) tags as spaCy's English models use them.
    /// The first, `XX`, is the default.
    Tag, TAG_NAMES {
        Xx = "XX", Dollar = "$", CloseQuote = "''", Comma = ",", Lrb = "-LRB-", Rrb = "-RRB-",
        Period = ".", Colon = ":", Add = "ADD", Afx = "AFX", Cc = "CC", Cd = "CD", Dt = "DT",
        Ex = "EX", Fw = "FW", Hyph = "HYPH", In = "IN", Jj = "JJ", Jjr = "JJR", Jjs = "JJS",
        Ls = "LS", Md = "MD", Nfp = "NFP", Nn = "NN", Nnp = "NNP", Nnps = "NNPS", Nns = "NNS",
        Pdt = "PDT", Pos = "POS", Prp = "PRP", PrpS = "PRP$", Rb = "RB", Rbr = "RBR", Rbs = "RBS",
        Rp = "RP", Sym = "SYM", To = "TO", Uh = "UH", Vb = "VB", Vbd = "VBD", Vbg = "VBG",
        Vbn = "VBN", Vbp = "VBP", Vbz = "VBZ", Wdt = "WDT", Wp = "WP", WpS = "WP$", Wrb = "WRB",
        Sp = "_SP", OpenQuote = "``",
    }
);

label_enum!(
    /// Dependency relations of spaCy's English scheme (ClearNLP-style). The
    /// first, `Dep`, is the default (unclassified dependent).
    Dep, DEP_NAMES {
        Dep = "dep", Root = "ROOT", Acl = "acl", Acomp = "acomp", Advcl = "advcl", Advmod = "advmod",
        Agent = "agent", Amod = "amod", Appos = "appos", Attr = "attr", Aux = "aux",
        Auxpass = "auxpass", Case = "case", Cc = "cc", Ccomp = "ccomp", Compound = "compound",
        Conj = "conj", Csubj = "csubj", Csubjpass = "csubjpass", Dative = "dative", Det = "det",
        Dobj = "dobj", Expl = "expl", Intj = "intj", Mark = "mark", Meta = "meta", Neg = "neg",
        Nmod = "nmod", Npadvmod = "npadvmod", Nsubj = "nsubj", Nsubjpass = "nsubjpass",
        Nummod = "nummod", Oprd = "oprd", Parataxis = "parataxis", Pcomp = "pcomp", Pobj = "pobj",
        Poss = "poss", Preconj = "preconj", Predet = "predet", Prep = "prep", Prt = "prt",
        Punct = "punct", Quantmod = "quantmod", Relcl = "relcl", Xcomp = "xcomp",
    }
);

label_enum!(
    /// Entity types of the OntoNotes scheme spaCy's English models use. The
    /// first, `None`, marks a token outside every entity.
    EntType, ENT_NAMES {
        None = "", Person = "PERSON", Norp = "NORP", Fac = "FAC", Org = "ORG", Gpe = "GPE",
        Loc = "LOC", Product = "PRODUCT", Event = "EVENT", WorkOfArt = "WORK_OF_ART", Law = "LAW",
        Language = "LANGUAGE", Date = "DATE", Time = "TIME", Percent = "PERCENT", Money = "MONEY",
        Quantity = "QUANTITY", Ordinal = "ORDINAL", Cardinal = "CARDINAL",
    }
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for t in Tag::ALL {
            assert_eq!(Tag::parse(t.as_str()), Some(*t));
        }
        for d in Dep::ALL {
            assert_eq!(Dep::parse(d.as_str()), Some(*d));
        }
        for u in Upos::ALL {
            assert_eq!(Upos::parse(u.as_str()), Some(*u));
        }
        assert_eq!(EntType::parse("GPE"), Some(EntType::Gpe));
        assert_eq!(Tag::parse("NNP"), Some(Tag::Nnp));
        assert_eq!(Dep::parse("nsubjpass"), Some(Dep::Nsubjpass));
        assert_eq!(Dep::parse("nonsense"), None);
        assert_eq!(Tag::from_id(Tag::Vbd as u8), Some(Tag::Vbd));
    }
}
