//! The built-in actor lexicon: states, organisations and role nouns read from
//! the TSV files under `data/actors/`, compiled once into an anchored
//! aho-corasick automaton (leftmost-longest, ASCII case-insensitive, with a
//! case check afterwards so that proper names stay case-sensitive).

use crate::doc::{Gender, Span};
use crate::error::{Error, Result};
use aho_corasick::{
    AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, Anchored, Input, MatchKind, StartKind,
};
use std::collections::HashMap;

const COUNTRIES: &str = include_str!("../../../../data/actors/countries.tsv");
const ORGANISATIONS: &str = include_str!("../../../../data/actors/organisations.tsv");
const ROLES: &str = include_str!("../../../../data/actors/roles.tsv");
const CITIES: &str = include_str!("../../../../data/actors/cities.tsv");

/// A state or territory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Country {
    /// ISO 3166 alpha-3 code ("RUS").
    pub code: String,
    /// Canonical English name ("Russia").
    pub name: String,
}

/// What kind of actor an organisation entry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OrgKind {
    /// An organisation (IGO, NGO, ministry, agency, legislature, outlet).
    Organization,
    /// A collective actor ("the West").
    Group,
    /// A region that is mostly a place ("Europe").
    Place,
}

/// An organisation or region with a fixed code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Organisation {
    /// CAMEO-style code ("IGOWSTNAT", "RUSLEG").
    pub code: String,
    /// Canonical name ("NATO").
    pub name: String,
    /// Organisation, group or place.
    pub kind: OrgKind,
    /// Head nouns a later definite description may use ("alliance", "bloc").
    pub anaphora: Vec<String>,
    /// ISO3 code of the state it belongs to, for national bodies.
    pub country: Option<String>,
}

/// What a role noun names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RoleKind {
    /// One person ("foreign minister").
    Person,
    /// A collective ("police").
    Group,
    /// An organisation ("foreign ministry").
    Org,
    /// A part of its owner that speaks for it ("press office").
    Subunit,
    /// A building or post ("embassy").
    Place,
    /// The state itself ("the Russian side").
    State,
    /// A title before a name ("Mr", "Gen.").
    Title,
    /// A noun that only refers back to a person who bore the matching title
    /// ("the general" after "Lt. Gen. Kim"); it never introduces anyone.
    Anaphor,
}

/// A role noun or title.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Role {
    /// The role as written in the lexicon ("foreign minister").
    pub phrase: String,
    /// CAMEO sector code it gives ("GOV"), if any.
    pub sector: Option<String>,
    /// Person, group, organisation, subunit, place, state or title.
    pub kind: RoleKind,
    /// Gender the noun shows ("spokeswoman").
    pub gender: Option<Gender>,
    /// For a title, the noun a later definite description uses for its holder
    /// ("Gen." -> "general"), if any.
    pub noun: Option<String>,
}

/// A seat of power that stands for a state's government ("the Kremlin").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Seat {
    /// Index into [`ActorLexicon::countries`].
    pub country: usize,
    /// Sector it speaks for ("GOV"; "MIL" for the Pentagon).
    pub sector: String,
}

/// What a matched phrase means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sense {
    /// A state's name ("Russia").
    CountryName(usize),
    /// A state's adjective ("Russian").
    CountryAdj(usize),
    /// A state's people ("Russians").
    People(usize),
    /// A capital or government city ("Moscow").
    Capital(usize),
    /// A seat of power ("the Kremlin"): index into [`ActorLexicon::seats`].
    Seat(usize),
    /// A city that is not a seat of government ("Geneva"): index into
    /// [`ActorLexicon::cities`].
    City(usize),
    /// An organisation ("NATO").
    Org(usize),
    /// A role noun; `plural` for generated plural forms.
    Role {
        /// Index into [`ActorLexicon::roles`].
        role: usize,
        /// True for plural forms ("ministers").
        plural: bool,
    },
    /// An organisation head noun used anaphorically ("alliance").
    Anaphor(usize),
}

/// A lexicon match in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LexMatch {
    /// Bytes matched.
    pub span: Span,
    /// What they mean.
    pub sense: Sense,
}

#[derive(Debug, Clone)]
struct Form {
    text: String,
    sense: Sense,
}

/// The compiled built-in actor lexicon (countries, organisations, roles).
#[derive(Debug, Default)]
pub struct ActorLexicon {
    /// States and territories.
    pub countries: Vec<Country>,
    /// Organisations and regions.
    pub orgs: Vec<Organisation>,
    /// Role nouns and titles.
    pub roles: Vec<Role>,
    /// Seats of power.
    pub seats: Vec<Seat>,
    /// Cities: (canonical name, index into `countries`).
    pub cities: Vec<(String, usize)>,
    /// Organisation head nouns usable as anaphora ("alliance", "bloc").
    pub anaphors: Vec<String>,
    forms: Vec<Vec<Form>>,
    patterns: Vec<String>,
    keys: HashMap<String, usize>,
    automaton: Option<AhoCorasick>,
}

fn column(s: &str) -> Vec<&str> {
    if s.trim() == "-" || s.trim().is_empty() {
        return Vec::new();
    }
    s.split('|')
        .map(str::trim)
        .filter(|x| !x.is_empty())
        .collect()
}

fn lines(src: &str) -> impl Iterator<Item = (usize, Vec<&str>)> {
    src.lines().enumerate().filter_map(|(i, l)| {
        let l = l.trim_end_matches('\r');
        (!l.trim().is_empty() && !l.starts_with('#')).then(|| (i + 1, l.split('\t').collect()))
    })
}

fn bad(name: &str, line: usize, reason: &str) -> Error {
    Error::Lexicon {
        name: format!("{name}:{line}"),
        reason: reason.to_string(),
    }
}

/// English plural of a role phrase: the word before " of " or the last word.
pub(crate) fn plural(phrase: &str) -> Option<String> {
    if phrase.contains('\'') || phrase.contains('’') || phrase.contains("-in-") {
        return None;
    }
    let (head, rest) = match phrase.find(" of ") {
        Some(i) => (&phrase[..i], &phrase[i..]),
        None => (phrase, ""),
    };
    let (before, last) = match head.rfind(' ') {
        Some(i) => (&head[..=i], &head[i + 1..]),
        None => ("", head),
    };
    let p = if let Some(stem) = last.strip_suffix("man") {
        format!("{stem}men")
    } else if let Some(stem) = last.strip_suffix("person") {
        format!("{stem}people")
    } else if last.ends_with('y')
        && !last.ends_with("ay")
        && !last.ends_with("ey")
        && !last.ends_with("oy")
    {
        format!("{}ies", &last[..last.len() - 1])
    } else if last.ends_with('s')
        || last.ends_with("sh")
        || last.ends_with("ch")
        || last.ends_with('x')
    {
        format!("{last}es")
    } else {
        format!("{last}s")
    };
    Some(format!("{before}{p}{rest}"))
}

/// True when `text` is an acceptable spelling of lexicon form `form`:
/// upper-case letters in the form must be upper case in the text, lower-case
/// ones may be either ("Foreign Minister" matches "foreign minister", but
/// "chad" does not match "Chad").
fn case_ok(form: &str, text: &str) -> bool {
    form.chars().zip(text.chars()).all(|(f, t)| {
        if f.is_uppercase() {
            f == t
        } else {
            f.eq_ignore_ascii_case(&t)
        }
    })
}

impl ActorLexicon {
    /// Compiles the built-in lexicon shipped under `data/actors/`.
    pub fn builtin() -> Result<ActorLexicon> {
        let mut lex = ActorLexicon::parse(COUNTRIES, ORGANISATIONS, ROLES)?;
        lex.read_cities(CITIES)?;
        lex.compile()?;
        Ok(lex)
    }

    /// Compiles a lexicon from the text of the three TSV files.
    pub fn from_sources(countries: &str, orgs: &str, roles: &str) -> Result<ActorLexicon> {
        let mut lex = ActorLexicon::parse(countries, orgs, roles)?;
        lex.compile()?;
        Ok(lex)
    }

    fn parse(countries: &str, orgs: &str, roles: &str) -> Result<ActorLexicon> {
        let mut lex = ActorLexicon::default();
        for (line, cols) in lines(countries) {
            if cols.len() != 6 {
                return Err(bad(
                    "countries.tsv",
                    line,
                    "expected 6 tab-separated columns",
                ));
            }
            let names = column(cols[1]);
            let Some(first) = names.first() else {
                return Err(bad("countries.tsv", line, "no name"));
            };
            let ci = lex.countries.len();
            lex.countries.push(Country {
                code: cols[0].trim().to_string(),
                name: first.trim_start_matches("the ").to_string(),
            });
            for n in names {
                lex.add_form(n, Sense::CountryName(ci));
            }
            for n in column(cols[2]) {
                lex.add_form(n, Sense::CountryAdj(ci));
            }
            for n in column(cols[3]) {
                lex.add_form(n, Sense::People(ci));
            }
            for n in column(cols[4]) {
                lex.add_form(n, Sense::Capital(ci));
            }
            for n in column(cols[5]) {
                let (n, sector) = n.split_once('@').unwrap_or((n, "GOV"));
                let si = lex.seats.len();
                lex.seats.push(Seat {
                    country: ci,
                    sector: sector.to_string(),
                });
                lex.add_form(n, Sense::Seat(si));
            }
        }
        let iso: std::collections::HashSet<String> =
            lex.countries.iter().map(|c| c.code.clone()).collect();
        let mut anaphors: Vec<String> = Vec::new();
        for (line, cols) in lines(orgs) {
            if cols.len() != 4 {
                return Err(bad(
                    "organisations.tsv",
                    line,
                    "expected 4 tab-separated columns",
                ));
            }
            let kind = match cols[1].trim() {
                "organization" => OrgKind::Organization,
                "group" => OrgKind::Group,
                "place" => OrgKind::Place,
                _ => return Err(bad("organisations.tsv", line, "unknown kind")),
            };
            let code = cols[0].trim().to_string();
            let country = code
                .get(..3)
                .filter(|c| iso.contains(*c))
                .map(str::to_string);
            let anaphora: Vec<String> = column(cols[3]).iter().map(|s| s.to_string()).collect();
            for a in &anaphora {
                if !anaphors.contains(a) {
                    anaphors.push(a.clone());
                }
            }
            for group in cols[2].split(';') {
                let names = column(group);
                let Some(first) = names.first() else {
                    return Err(bad("organisations.tsv", line, "no name"));
                };
                let oi = lex.orgs.len();
                lex.orgs.push(Organisation {
                    code: code.clone(),
                    name: first.trim_start_matches("the ").to_string(),
                    kind,
                    anaphora: anaphora.clone(),
                    country: country.clone(),
                });
                for n in names {
                    lex.add_form(n, Sense::Org(oi));
                }
            }
        }
        let mut role_keys = std::collections::HashSet::new();
        let mut plurals = Vec::new();
        for (line, cols) in lines(roles) {
            if cols.len() != 4 && cols.len() != 5 {
                return Err(bad(
                    "roles.tsv",
                    line,
                    "expected 4 or 5 tab-separated columns",
                ));
            }
            let kind = match cols[2].trim() {
                "person" => RoleKind::Person,
                "group" => RoleKind::Group,
                "org" => RoleKind::Org,
                "subunit" => RoleKind::Subunit,
                "place" => RoleKind::Place,
                "state" => RoleKind::State,
                "title" => RoleKind::Title,
                "anaphor" => RoleKind::Anaphor,
                _ => return Err(bad("roles.tsv", line, "unknown kind")),
            };
            let gender = match cols[3].trim() {
                "m" => Some(Gender::Male),
                "f" => Some(Gender::Female),
                _ => None,
            };
            let sector = Some(cols[1].trim())
                .filter(|s| *s != "-" && !s.is_empty())
                .map(str::to_string);
            let noun = cols
                .get(4)
                .map(|c| c.trim())
                .filter(|c| *c != "-" && !c.is_empty())
                .map(str::to_lowercase);
            if noun.is_some() && kind != RoleKind::Title {
                return Err(bad(
                    "roles.tsv",
                    line,
                    "only a title names a noun (5th column)",
                ));
            }
            let phrase = cols[0].trim().to_string();
            let ri = lex.roles.len();
            role_keys.insert(phrase.to_ascii_lowercase());
            lex.add_form(
                &phrase,
                Sense::Role {
                    role: ri,
                    plural: false,
                },
            );
            if kind == RoleKind::Person {
                if let Some(p) = plural(&phrase) {
                    plurals.push((p, ri));
                }
            }
            lex.roles.push(Role {
                phrase,
                sector,
                kind,
                gender,
                noun,
            });
        }
        for (p, ri) in plurals {
            if !role_keys.contains(&p.to_ascii_lowercase()) {
                lex.add_form(
                    &p,
                    Sense::Role {
                        role: ri,
                        plural: true,
                    },
                );
            }
        }
        for (ai, a) in anaphors.iter().enumerate() {
            if !role_keys.contains(a.as_str()) {
                lex.add_form(a, Sense::Anaphor(ai));
            }
        }
        lex.anaphors = anaphors;
        Ok(lex)
    }

    /// Adds the cities of a `cities.tsv` text and recompiles the matcher.
    pub fn add_cities(&mut self, src: &str) -> Result<()> {
        self.read_cities(src)?;
        self.compile()
    }

    fn read_cities(&mut self, src: &str) -> Result<()> {
        for (line, cols) in lines(src) {
            if cols.len() != 2 {
                return Err(bad("cities.tsv", line, "expected 2 tab-separated columns"));
            }
            let Some(ci) = self.countries.iter().position(|c| c.code == cols[0].trim()) else {
                return Err(bad("cities.tsv", line, "unknown state code"));
            };
            let names = column(cols[1]);
            let Some(first) = names.first() else {
                return Err(bad("cities.tsv", line, "no name"));
            };
            let i = self.cities.len();
            self.cities.push((first.to_string(), ci));
            for n in names {
                self.add_form(n, Sense::City(i));
            }
        }
        Ok(())
    }

    /// Adds one surface form (and its curly-apostrophe variant).
    fn add_form(&mut self, text: &str, sense: Sense) {
        let mut variants = vec![text.to_string()];
        if text.contains('\'') {
            variants.push(text.replace('\'', "’"));
        }
        for v in variants {
            let key = v.to_ascii_lowercase();
            let id = match self.keys.get(&key) {
                Some(&id) => id,
                None => {
                    self.patterns.push(key.clone());
                    self.forms.push(Vec::new());
                    self.keys.insert(key, self.patterns.len() - 1);
                    self.patterns.len() - 1
                }
            };
            if !self.forms[id]
                .iter()
                .any(|f| f.text == v && f.sense == sense)
            {
                self.forms[id].push(Form { text: v, sense });
            }
        }
    }

    fn compile(&mut self) -> Result<()> {
        // A contiguous NFA: a few thousand patterns searched only anchored at
        // word starts, so a full DFA's build time and memory buy nothing.
        let automaton = AhoCorasickBuilder::new()
            .kind(Some(AhoCorasickKind::ContiguousNFA))
            .match_kind(MatchKind::LeftmostLongest)
            .ascii_case_insensitive(true)
            .start_kind(StartKind::Anchored)
            .build(&self.patterns)
            .map_err(|e| Error::Lexicon {
                name: "actors".into(),
                reason: e.to_string(),
            })?;
        self.automaton = Some(automaton);
        Ok(())
    }

    /// Number of distinct surface forms compiled into the matcher.
    pub fn pattern_count(&self) -> usize {
        self.forms.len()
    }

    /// Heap bytes used by the compiled automaton.
    pub fn automaton_bytes(&self) -> usize {
        self.automaton.as_ref().map_or(0, |a| a.memory_usage())
    }

    /// The longest lexicon phrase starting exactly at byte `pos` of `text`
    /// and ending on a word boundary, if any.
    pub fn match_at(&self, text: &str, pos: usize) -> Option<LexMatch> {
        let ac = self.automaton.as_ref()?;
        let input = Input::new(text)
            .span(pos..text.len())
            .anchored(Anchored::Yes);
        let m = ac.find(input)?;
        let end = m.end();
        if text[end..]
            .chars()
            .next()
            .is_some_and(char::is_alphanumeric)
        {
            return None;
        }
        let matched = &text[pos..end];
        // "the West" inside "the West African nation": the longer name after the
        // article wins
        if matched.len() > 4
            && matched
                .get(..4)
                .is_some_and(|a| a.eq_ignore_ascii_case("the "))
        {
            if let Some(inner) = self.match_at(text, pos + 4) {
                if inner.span.end > end {
                    return None;
                }
            }
        }
        let form = self.forms[m.pattern().as_usize()]
            .iter()
            .find(|f| case_ok(&f.text, matched))?;
        Some(LexMatch {
            span: Span::new(pos, end),
            sense: form.sense,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plurals() {
        for (s, p) in [
            ("minister", "ministers"),
            ("spokesman", "spokesmen"),
            ("spokesperson", "spokespeople"),
            ("secretary", "secretaries"),
            ("attorney", "attorneys"),
            (
                "minister of foreign affairs",
                "ministers of foreign affairs",
            ),
            ("deputy chairman", "deputy chairmen"),
            ("press office", "press offices"),
            ("witness", "witnesses"),
        ] {
            assert_eq!(plural(s).as_deref(), Some(p), "{s}");
        }
    }

    #[test]
    fn case_rules() {
        assert!(case_ok("foreign minister", "Foreign Minister"));
        assert!(case_ok("Chad", "Chad"));
        assert!(!case_ok("Chad", "chad"));
        assert!(!case_ok("US", "us"));
    }

    #[test]
    fn builtin_sizes() {
        let lex = ActorLexicon::builtin().unwrap();
        assert!(lex.countries.len() >= 200, "{}", lex.countries.len());
        assert!(lex.orgs.len() >= 150, "{}", lex.orgs.len());
        assert!(lex.roles.len() >= 300, "{}", lex.roles.len());
    }

    #[test]
    fn matches_on_boundaries_and_case() {
        let lex = ActorLexicon::builtin().unwrap();
        let t = "Russian troops";
        let m = lex.match_at(t, 0).unwrap();
        assert_eq!(&t[m.span.start..m.span.end], "Russian");
        assert!(matches!(m.sense, Sense::CountryAdj(_)));
        assert!(lex.match_at("Russiaville", 0).is_none());
        // the article's name gives way to a longer one after it
        let t = "the West African nation";
        assert!(lex.match_at(t, 0).is_none());
        assert_eq!(lex.match_at(t, 4).map(|m| m.span), Some(Span::new(4, 16)));
        assert!(lex.match_at("the West condemned it", 0).is_some());
        // a name whose fifth byte is inside a character
        assert!(lex.match_at("Lomé and Accra", 0).is_some());
        for t in ["Lomé", "Thé", "théâtre", "Ωmega", "the é"] {
            let _ = lex.match_at(t, 0);
        }
        assert!(lex.match_at("turkey dinner", 0).is_none());
        let t = "the Western military bloc’s";
        let m = lex.match_at(t, 0).unwrap();
        assert_eq!(&t[m.span.start..m.span.end], "the Western military bloc");
        assert!(matches!(m.sense, Sense::Org(_)));
    }
}
