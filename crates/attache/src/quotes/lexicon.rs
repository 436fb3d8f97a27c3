//! The speech-verb lexicon: every tense form of the speech and cognition verbs in
//! `data/speech_verbs.txt`, generated from the lemmas and the irregular forms the
//! file lists, compiled once into a lower-case form table.

use crate::error::Error;
use std::collections::HashMap;

/// The built-in list (see its header for the format).
const BUILTIN: &str = include_str!("../../../../data/speech_verbs.txt");

/// Whether a verb reports speech or thought.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VerbClass {
    /// Said, wrote, announced.
    Speech,
    /// Believes, fears, expects.
    Cognition,
}

/// How a verb takes its reported content.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Frame {
    /// A clause with or without "that".
    Bare,
    /// Only a "that" clause (or a quotation).
    That,
    /// An addressee, then a clause with or without "that" ("told reporters").
    ObjBare,
    /// An optional addressee, then a "that" clause ("assured allies that").
    ObjThat,
    /// The speaker is the object ("quoted X as saying", "citing X").
    Quote,
    /// An accused party, then "of"/"for" and the charge ("accused Y of spying").
    Accuse,
}

/// The grammatical form a surface word has.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Form {
    /// The lemma ("say").
    Base,
    /// Third person singular ("says").
    Third,
    /// Simple past ("said").
    Past,
    /// Past participle ("said", "written").
    Participle,
    /// Present participle ("saying").
    Ing,
}

/// One surface form of a speech verb.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VerbForm {
    /// Index into [`SpeechLexicon::lemmas`].
    pub lemma: usize,
    /// The forms this surface word can be (a word can be both past and participle).
    pub forms: Vec<Form>,
    /// The particle that must follow ("out" in "point out"), if any.
    pub particle: Option<String>,
}

/// A verb of the lexicon.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Lemma {
    /// The base form ("say", "point out").
    pub text: String,
    /// Speech or cognition.
    pub class: VerbClass,
    /// How it takes its content.
    pub frame: Frame,
}

/// The compiled speech-verb lexicon: surface form (lower case) to lemma.
#[derive(Clone, Debug, Default)]
pub struct SpeechLexicon {
    /// The verbs.
    pub lemmas: Vec<Lemma>,
    forms: HashMap<String, Vec<VerbForm>>,
}

/// A problem with one line of a lexicon file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LineDiagnostic {
    /// 1-based line number.
    pub line: usize,
    /// What was wrong, lower case.
    pub reason: String,
}

impl SpeechLexicon {
    /// The built-in lexicon from `data/speech_verbs.txt`.
    pub fn builtin() -> crate::Result<SpeechLexicon> {
        let (lex, diags) = SpeechLexicon::parse(BUILTIN);
        match diags.first() {
            Some(d) => Err(Error::Lexicon {
                name: "speech_verbs.txt".into(),
                reason: format!("line {}: {}", d.line, d.reason),
            }),
            None => Ok(lex),
        }
    }

    /// Reads a lexicon in the `speech_verbs.txt` format. Bad lines are skipped and
    /// reported; the good ones are kept.
    pub fn parse(text: &str) -> (SpeechLexicon, Vec<LineDiagnostic>) {
        let mut lex = SpeechLexicon::default();
        let mut diags = Vec::new();
        for (i, raw) in text.lines().enumerate() {
            let line = raw.split('#').next().unwrap_or("").trim();
            if line.is_empty() {
                continue;
            }
            match parse_line(line) {
                Ok((lemma, irregular)) => lex.add(lemma, &irregular),
                Err(reason) => diags.push(LineDiagnostic {
                    line: i + 1,
                    reason,
                }),
            }
        }
        (lex, diags)
    }

    fn add(&mut self, lemma: Lemma, irregular: &[(String, String)]) {
        let id = self.lemmas.len();
        let mut words = lemma.text.split_whitespace();
        let head = words.next().unwrap_or("").to_string();
        let particle: Option<String> = {
            let rest: Vec<&str> = words.collect();
            (!rest.is_empty()).then(|| rest.join(" "))
        };
        let get = |k: &str| {
            irregular
                .iter()
                .find(|(key, _)| key == k)
                .map(|(_, v)| v.clone())
        };
        let past = get("past").unwrap_or_else(|| regular_past(&head));
        let table = [
            (Form::Base, head.clone()),
            (
                Form::Third,
                get("s").unwrap_or_else(|| regular_third(&head)),
            ),
            (Form::Past, past.clone()),
            (Form::Participle, get("pp").unwrap_or(past)),
            (Form::Ing, get("ing").unwrap_or_else(|| regular_ing(&head))),
        ];
        for (form, surface) in table {
            let entry = self.forms.entry(surface).or_default();
            match entry.iter_mut().find(|f| f.lemma == id) {
                Some(f) => f.forms.push(form),
                None => entry.push(VerbForm {
                    lemma: id,
                    forms: vec![form],
                    particle: particle.clone(),
                }),
            }
        }
        self.lemmas.push(lemma);
    }

    /// The verb forms a lower-case word can be.
    pub fn lookup(&self, lower: &str) -> &[VerbForm] {
        self.forms.get(lower).map(Vec::as_slice).unwrap_or(&[])
    }

    /// The lemma of a verb form.
    pub fn lemma(&self, form: &VerbForm) -> &Lemma {
        &self.lemmas[form.lemma]
    }

    /// Number of distinct surface forms.
    pub fn len(&self) -> usize {
        self.forms.len()
    }

    /// True when the lexicon holds no verbs.
    pub fn is_empty(&self) -> bool {
        self.forms.is_empty()
    }
}

type ParsedLine = (Lemma, Vec<(String, String)>);

fn parse_line(line: &str) -> Result<ParsedLine, String> {
    let cols: Vec<&str> = line.split('|').map(str::trim).collect();
    if cols.len() < 3 {
        return Err(format!(
            "expected at least 3 columns separated by '|', found {}",
            cols.len()
        ));
    }
    let text = cols[0].to_lowercase();
    if text.is_empty() || !text.chars().all(|c| c.is_ascii_lowercase() || c == ' ') {
        return Err(format!("bad lemma {:?}", cols[0]));
    }
    let class = match cols[1] {
        "speech" => VerbClass::Speech,
        "cognition" => VerbClass::Cognition,
        other => return Err(format!("unknown class {other:?}")),
    };
    let frame = match cols[2] {
        "bare" => Frame::Bare,
        "that" => Frame::That,
        "obj-bare" => Frame::ObjBare,
        "obj-that" => Frame::ObjThat,
        "quote" => Frame::Quote,
        "accuse" => Frame::Accuse,
        other => return Err(format!("unknown frame {other:?}")),
    };
    let mut irregular = Vec::new();
    for pair in cols
        .get(3)
        .map(|c| c.split_whitespace())
        .into_iter()
        .flatten()
    {
        match pair.split_once('=') {
            Some((k @ ("s" | "past" | "pp" | "ing"), v)) if !v.is_empty() => {
                irregular.push((k.to_string(), v.to_lowercase()))
            }
            _ => {
                return Err(format!(
                    "bad form {pair:?} (expected s=, past=, pp= or ing=)"
                ))
            }
        }
    }
    Ok((Lemma { text, class, frame }, irregular))
}

fn is_vowel(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u')
}

/// Ends in a consonant followed by "y" ("deny", not "say").
fn consonant_y(w: &str) -> bool {
    let mut rev = w.chars().rev();
    rev.next() == Some('y') && rev.next().is_some_and(|c| !is_vowel(c))
}

/// Third person singular by the regular rules.
pub fn regular_third(w: &str) -> String {
    if consonant_y(w) {
        format!("{}ies", &w[..w.len() - 1])
    } else if ["s", "x", "z", "ch", "sh"].iter().any(|e| w.ends_with(e)) {
        format!("{w}es")
    } else {
        format!("{w}s")
    }
}

/// Simple past by the regular rules.
pub fn regular_past(w: &str) -> String {
    if consonant_y(w) {
        format!("{}ied", &w[..w.len() - 1])
    } else if w.ends_with('e') {
        format!("{w}d")
    } else {
        format!("{w}ed")
    }
}

/// Present participle by the regular rules.
pub fn regular_ing(w: &str) -> String {
    if let Some(stem) = w.strip_suffix("ie") {
        format!("{stem}ying")
    } else if w.ends_with('e')
        && !w.ends_with("ee")
        && !w.ends_with("ye")
        && !w.ends_with("oe")
        && w.len() > 2
    {
        format!("{}ing", &w[..w.len() - 1])
    } else {
        format!("{w}ing")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regular_forms() {
        let cases = [
            // lemma, third, past, ing
            ("say", "says", "sayed", "saying"),
            ("deny", "denies", "denied", "denying"),
            ("stress", "stresses", "stressed", "stressing"),
            ("note", "notes", "noted", "noting"),
            ("warn", "warns", "warned", "warning"),
            ("vow", "vows", "vowed", "vowing"),
            ("agree", "agrees", "agreed", "agreeing"),
            ("reach", "reaches", "reached", "reaching"),
            ("tie", "ties", "tied", "tying"),
        ];
        for (w, s, past, ing) in cases {
            assert_eq!(regular_third(w), s, "{w}");
            assert_eq!(regular_past(w), past, "{w}");
            assert_eq!(regular_ing(w), ing, "{w}");
        }
    }

    #[test]
    fn builtin_has_enough_verbs_and_all_forms() {
        let lex = SpeechLexicon::builtin().expect("builtin lexicon parses");
        assert!(lex.lemmas.len() >= 80, "only {} verbs", lex.lemmas.len());
        let cases = [
            ("said", "say", Form::Past),
            ("says", "say", Form::Third),
            ("saying", "say", Form::Ing),
            ("told", "tell", Form::Past),
            ("wrote", "write", Form::Past),
            ("written", "write", Form::Participle),
            ("denied", "deny", Form::Past),
            ("admitted", "admit", Form::Past),
            ("pointed", "point out", Form::Past),
            ("thought", "think", Form::Past),
            ("believes", "believe", Form::Third),
            ("warning", "warn", Form::Ing),
            ("quoted", "quote", Form::Past),
            ("swore", "swear", Form::Past),
            ("sworn", "swear", Form::Participle),
        ];
        for (surface, lemma, form) in cases {
            let hit = lex.lookup(surface);
            assert!(
                hit.iter()
                    .any(|f| lex.lemma(f).text == lemma && f.forms.contains(&form)),
                "{surface} -> {lemma} {form:?}: {hit:?}"
            );
        }
        assert!(lex.lookup("table").is_empty());
        assert_eq!(lex.lookup("pointed")[0].particle.as_deref(), Some("out"));
    }

    #[test]
    fn bad_lines_are_reported_and_skipped() {
        let text = "say | speech | bare | past=said\nfoo | speech\nbar | nonsense | bare\nbaz | speech | bare | past\nwarn | speech | obj-that\n";
        let (lex, diags) = SpeechLexicon::parse(text);
        assert_eq!(lex.lemmas.len(), 2);
        let lines: Vec<usize> = diags.iter().map(|d| d.line).collect();
        assert_eq!(lines, vec![2, 3, 4]);
        assert!(diags
            .iter()
            .all(|d| d.reason.chars().next().is_some_and(char::is_lowercase)));
    }
}
