//! The CAMEO verb lexicon: reads `data/verbs.txt` (format in its header) into
//! patterns, and indexes every surface form of every trigger for lookup.

use super::cameo;
use super::forms;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// FNV-1a: a fast hasher for the short word keys of the lexicon tables
/// (lookups happen for every token, so SipHash would dominate).
#[derive(Default, Clone, Copy)]
pub struct WordHasher(u64);

impl Hasher for WordHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

/// A hash map keyed by words, hashed with [`WordHasher`].
pub type WordMap<V> = HashMap<String, V, BuildHasherDefault<WordHasher>>;

/// One word of a phrase: exact, or a prefix (`diplomat*`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Word {
    /// Matches the lower-cased token exactly.
    Exact(String),
    /// Matches any lower-cased token starting with this.
    Prefix(String),
}

impl Word {
    fn parse(w: &str) -> Word {
        let w = w.to_lowercase();
        match w.strip_suffix('*') {
            Some(p) => Word::Prefix(p.to_string()),
            None => Word::Exact(w),
        }
    }
    /// True when the lower-cased token matches.
    pub fn matches(&self, token: &str) -> bool {
        // The first byte is compared before the rest: most words differ
        // there, and a library call to compare the bytes costs more.
        let (w, t) = match self {
            Word::Exact(w) if w.len() == token.len() => (w.as_bytes(), token.as_bytes()),
            Word::Prefix(p) if p.len() <= token.len() => {
                (p.as_bytes(), &token.as_bytes()[..p.len()])
            }
            _ => return false,
        };
        w.first() == t.first() && w == t
    }
}

/// A pattern element: alternatives, each a phrase of consecutive words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Element {
    /// The alternatives.
    pub alts: Vec<Vec<Word>>,
}

impl Element {
    /// Length in tokens of the alternative matching at `words[i..]`, if any.
    pub fn match_at(&self, words: &[&str], i: usize) -> Option<usize> {
        self.alts
            .iter()
            .filter(|alt| {
                alt.len() <= words.len().saturating_sub(i)
                    && alt.iter().zip(&words[i..]).all(|(w, t)| w.matches(t))
            })
            .map(Vec::len)
            .max()
    }
}

/// Pattern flags (see the header of `data/verbs.txt`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Flags {
    /// Reciprocal act.
    pub recip: bool,
    /// Target only from the direct object or a with-phrase.
    pub obj: bool,
    /// Target from the object of "from".
    pub from: bool,
    /// Evaluation: source is the speaker, target the evaluated actor.
    pub speaker: bool,
    /// Applies only when negated.
    pub neg: bool,
}

/// What part of speech a trigger is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TriggerKind {
    /// A verb (all inflected forms).
    Verb,
    /// A noun (singular and plural).
    Noun,
    /// An adjective (as written).
    Adjective,
}

/// One lexicon pattern.
#[derive(Clone, Debug, PartialEq)]
pub struct Pattern {
    /// CAMEO code it assigns.
    pub code: String,
    /// Verb, noun or adjective trigger.
    pub kind: TriggerKind,
    /// The trigger lemmas as written.
    pub lemmas: Vec<String>,
    /// Particles that must follow the trigger directly.
    pub particles: Vec<Element>,
    /// Conditions, in order, after the trigger inside the clause.
    pub conds: Vec<Element>,
    /// Flags.
    pub flags: Flags,
    /// 1-based line in the source file.
    pub line: usize,
}

impl Pattern {
    /// Number of elements: longer patterns win.
    pub fn specificity(&self) -> usize {
        1 + self.particles.len() + self.conds.len()
    }
}

/// Which form of the trigger a surface word is (bit set).
pub mod form {
    /// Base form ("meet").
    pub const BASE: u8 = 1;
    /// Third person singular ("meets").
    pub const THIRD: u8 = 2;
    /// Simple past ("met").
    pub const PAST: u8 = 4;
    /// Past participle ("met", "taken").
    pub const PART: u8 = 8;
    /// Gerund ("meeting").
    pub const GERUND: u8 = 16;
    /// Noun or adjective trigger.
    pub const NOMINAL: u8 = 32;
}

/// The compiled verb lexicon.
#[derive(Debug, Default)]
pub struct VerbLexicon {
    /// All patterns in file order.
    pub patterns: Vec<Pattern>,
    /// Surface form → (pattern index, form bits).
    index: WordMap<Vec<(u32, u8)>>,
    /// Every verb form known to any trigger, with its form bits (for verb detection).
    verb_forms: WordMap<u8>,
}

/// Maximum words a `...` gap spans.
pub const GAP: usize = 12;

impl VerbLexicon {
    /// The built-in lexicon files, in load order: the hand-written seed lexicon and the
    /// reviewed WordNet expansion and the act x topic frames generated from it (`tools/lexicon/`).
    pub const BUILTIN_FILES: [(&'static str, &'static str); 3] = [
        ("data/verbs.txt", include_str!("../../../../data/verbs.txt")),
        (
            "data/verbs_wordnet.txt",
            include_str!("../../../../data/verbs_wordnet.txt"),
        ),
        (
            "data/verbs_frames.txt",
            include_str!("../../../../data/verbs_frames.txt"),
        ),
    ];

    /// Compiles the built-in lexicon shipped in `data/verbs.txt`, `data/verbs_wordnet.txt`
    /// and `data/verbs_frames.txt`.
    pub fn builtin() -> crate::Result<VerbLexicon> {
        let (lex, diags) = VerbLexicon::parse_files(&Self::BUILTIN_FILES);
        if let Some((name, d)) = diags.first() {
            return Err(crate::Error::Lexicon {
                name: (*name).into(),
                reason: d.clone(),
            });
        }
        Ok(lex)
    }

    /// Parses a lexicon in the `data/verbs.txt` format. Bad lines are skipped
    /// and described in the returned diagnostics ("line N: reason").
    pub fn parse(text: &str) -> (VerbLexicon, Vec<String>) {
        let (lex, diags) = VerbLexicon::parse_files(&[("", text)]);
        (lex, diags.into_iter().map(|(_, d)| d).collect())
    }

    /// Parses several lexicon files in order into one lexicon: the defines of a file
    /// are in force in the files after it, and a file starts outside any code block.
    /// Diagnostics name their file.
    pub fn parse_files<'a>(files: &[(&'a str, &str)]) -> (VerbLexicon, Vec<(&'a str, String)>) {
        let mut lex = VerbLexicon::default();
        let mut diags = Vec::new();
        let mut defines: HashMap<String, String> = HashMap::new();
        for &(name, text) in files {
            let mut file_diags = Vec::new();
            lex.parse_text(text, &mut defines, &mut file_diags);
            diags.extend(file_diags.into_iter().map(|d| (name, d)));
        }
        (lex, diags)
    }

    fn parse_text(
        &mut self,
        text: &str,
        defines: &mut HashMap<String, String>,
        diags: &mut Vec<String>,
    ) {
        let lex = self;
        let mut code: Option<String> = None;
        for (n, raw) in text.lines().enumerate() {
            let line_no = n + 1;
            let line = raw.split('#').next().unwrap_or("").trim();
            if line.is_empty() {
                continue;
            }
            if let Some(rest) = line.strip_prefix("define ") {
                let mut it = rest.split_whitespace();
                match (it.next(), it.next()) {
                    (Some(name), Some(val)) => {
                        defines.insert(name.to_string(), val.to_string());
                    }
                    _ => diags.push(format!("line {line_no}: define needs a name and a value")),
                }
                continue;
            }
            if let Some(rest) = line.strip_prefix("==") {
                let c = rest.split_whitespace().next().unwrap_or("");
                if cameo::lookup(c).is_none() {
                    diags.push(format!("line {line_no}: unknown cameo code {c:?}"));
                    code = None;
                } else {
                    code = Some(c.to_string());
                }
                continue;
            }
            let Some(c) = code.clone() else {
                diags.push(format!("line {line_no}: pattern outside a code block"));
                continue;
            };
            match parse_pattern(line, defines) {
                Ok((kind, lemmas, particles, conds, flags)) => {
                    let idx = lex.patterns.len() as u32;
                    for lemma in &lemmas {
                        lex.add_forms(lemma, kind, idx);
                    }
                    lex.patterns.push(Pattern {
                        code: c,
                        kind,
                        lemmas,
                        particles,
                        conds,
                        flags,
                        line: line_no,
                    });
                }
                Err(e) => diags.push(format!("line {line_no}: {e}")),
            }
        }
    }

    fn add_forms(&mut self, lemma: &str, kind: TriggerKind, idx: u32) {
        let mut add = |w: String, bits: u8| {
            let v = self.index.entry(w).or_default();
            match v.iter_mut().find(|(i, _)| *i == idx) {
                Some(e) => e.1 |= bits,
                None => v.push((idx, bits)),
            }
        };
        match kind {
            TriggerKind::Verb => {
                let f = forms::inflect(lemma);
                add(f.base.clone(), form::BASE);
                add(f.third.clone(), form::THIRD);
                add(f.past.clone(), form::PAST);
                add(f.participle.clone(), form::PART);
                add(f.gerund.clone(), form::GERUND);
                if f.base == "be" {
                    for w in ["am", "are", "'s", "’s"] {
                        add(w.to_string(), form::BASE);
                    }
                    add("were".into(), form::PAST);
                }
                for (w, b) in [
                    (f.base, form::BASE),
                    (f.third, form::THIRD),
                    (f.past, form::PAST),
                    (f.participle, form::PART),
                    (f.gerund, form::GERUND),
                ] {
                    *self.verb_forms.entry(w).or_default() |= b;
                }
            }
            TriggerKind::Noun => {
                let base = lemma.trim_end_matches('*').to_lowercase();
                add(format!("{base}s"), form::NOMINAL);
                add(format!("{base}es"), form::NOMINAL);
                if let Some(stem) = base.strip_suffix('y') {
                    add(format!("{stem}ies"), form::NOMINAL);
                }
                add(base, form::NOMINAL);
            }
            TriggerKind::Adjective => add(lemma.to_lowercase(), form::NOMINAL),
        }
    }

    /// Patterns whose trigger has this surface form (lower case), with form bits.
    pub fn candidates(&self, word: &str) -> &[(u32, u8)] {
        self.index.get(word).map(Vec::as_slice).unwrap_or(&[])
    }

    /// Form bits when `word` is a form of some lexicon verb.
    pub fn verb_form(&self, word: &str) -> Option<u8> {
        self.verb_forms.get(word).copied()
    }

    /// The codes that have at least one pattern.
    pub fn codes(&self) -> std::collections::BTreeSet<&str> {
        self.patterns.iter().map(|p| p.code.as_str()).collect()
    }
}

type Parsed = (TriggerKind, Vec<String>, Vec<Element>, Vec<Element>, Flags);

fn parse_element(s: &str, defines: &HashMap<String, String>) -> Result<Element, String> {
    let mut alts = Vec::new();
    for alt in s.split('|') {
        let alt = alt.trim();
        if let Some(name) = alt.strip_prefix('$') {
            let val = defines
                .get(name)
                .ok_or_else(|| format!("undefined word class ${name}"))?;
            alts.extend(
                val.split('|')
                    .map(|w| w.split_whitespace().map(Word::parse).collect::<Vec<_>>()),
            );
        } else if !alt.is_empty() {
            alts.push(alt.split_whitespace().map(Word::parse).collect());
        }
    }
    if alts.is_empty() {
        return Err(format!("empty element in {s:?}"));
    }
    Ok(Element { alts })
}

fn parse_pattern(line: &str, defines: &HashMap<String, String>) -> Result<Parsed, String> {
    let mut flags = Flags::default();
    let mut body = Vec::new();
    for w in line.split_whitespace() {
        match w {
            "@recip" => flags.recip = true,
            "@obj" => flags.obj = true,
            "@from" => flags.from = true,
            "@speaker" => flags.speaker = true,
            "@neg" => flags.neg = true,
            f if f.starts_with('@') => return Err(format!("unknown flag {f}")),
            _ => body.push(w),
        }
    }
    let body = body.join(" ");
    let mut segs = body.split("...").map(str::trim);
    let head = segs.next().unwrap_or("");
    let mut head_words = head.split_whitespace();
    let trig = head_words.next().ok_or("empty pattern")?;
    let (kind, trig) = if let Some(t) = trig.strip_prefix("n:") {
        (TriggerKind::Noun, t)
    } else if let Some(t) = trig.strip_prefix("a:") {
        (TriggerKind::Adjective, t)
    } else {
        (TriggerKind::Verb, trig)
    };
    let lemmas: Vec<String> = trig
        .split('|')
        .filter(|s| !s.is_empty())
        .map(str::to_lowercase)
        .collect();
    if lemmas.is_empty() {
        return Err("empty trigger".into());
    }
    if kind == TriggerKind::Verb && lemmas.iter().any(|l| l.contains('*')) {
        return Err(format!("verb trigger {trig:?} cannot be a prefix"));
    }
    let particles = head_words
        .map(|w| parse_element(w, defines))
        .collect::<Result<Vec<_>, _>>()?;
    let conds = segs
        .filter(|s| !s.is_empty())
        .map(|s| parse_element(s, defines))
        .collect::<Result<Vec<_>, _>>()?;
    Ok((kind, lemmas, particles, conds, flags))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_parses_without_diagnostics() {
        let (seed, diags) = VerbLexicon::parse(VerbLexicon::BUILTIN_FILES[0].1);
        assert!(diags.is_empty(), "{diags:?}");
        assert!(seed.patterns.len() > 500, "{}", seed.patterns.len());
        let (lex, diags) = VerbLexicon::parse_files(&VerbLexicon::BUILTIN_FILES);
        assert!(diags.is_empty(), "{diags:?}");
        // pattern lines in the data files (not generated inflections)
        assert!(lex.patterns.len() >= MIN_PATTERNS, "{}", lex.patterns.len());
    }

    /// The pattern lines the built-in files reach (see tools/lexicon/README.md).
    const MIN_PATTERNS: usize = 8700;

    #[test]
    fn wordnet_file_carries_provenance() {
        // every pattern line of the generated file says where it came from
        for (n, line) in VerbLexicon::BUILTIN_FILES[1..]
            .iter()
            .flat_map(|(_, text)| text.lines().enumerate())
        {
            let body = line.split('#').next().unwrap_or("").trim();
            if body.is_empty() || body.starts_with("==") || body.starts_with("define ") {
                continue;
            }
            assert!(
                line.contains("# wn: ") || line.contains("# frame: "),
                "line {}: {line}",
                n + 1
            );
        }
    }

    #[test]
    fn every_cameo_code_has_a_pattern() {
        let lex = VerbLexicon::builtin().expect("builtin lexicon");
        let have = lex.codes();
        let missing: Vec<&str> = cameo::all()
            .iter()
            .map(|c| c.code)
            .filter(|c| !have.contains(c))
            .collect();
        assert!(missing.is_empty(), "codes without patterns: {missing:?}");
    }

    #[test]
    fn bad_lines_are_reported_and_skipped() {
        let text = "define X a|b\nmeet\n== 999 nothing\nmeet\n== 040 Consult\nmeet @bogus\nmeet ... $Y\nmeet ... $X\n";
        let (lex, diags) = VerbLexicon::parse(text);
        assert_eq!(lex.patterns.len(), 1);
        let joined = diags.join("; ");
        for want in [
            "line 2: pattern outside",
            "line 3: unknown cameo code",
            "line 6: unknown flag",
            "line 7: undefined word class",
        ] {
            assert!(joined.contains(want), "{joined}");
        }
    }

    #[test]
    fn surface_forms_index_triggers() {
        let lex = VerbLexicon::builtin().expect("builtin lexicon");
        for w in [
            "expelled",
            "expels",
            "met",
            "meeting",
            "accusing",
            "stripped",
            "sanctions",
            "regrets",
        ] {
            assert!(!lex.candidates(w).is_empty(), "{w}");
        }
        assert!(lex.candidates("banana").is_empty());
    }

    #[test]
    fn elements_match_phrases_and_prefixes() {
        let e = parse_element("state of emergency|diplomat*", &HashMap::new()).expect("element");
        let words = ["the", "state", "of", "emergency", "diplomats"];
        assert_eq!(e.match_at(&words, 1), Some(3));
        assert_eq!(e.match_at(&words, 4), Some(1));
        assert_eq!(e.match_at(&words, 0), None);
    }
}
