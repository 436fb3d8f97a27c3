//! Reader for PETRARCH/TABARI agent dictionaries: roles that add sector codes
//! to an actor ("Arnor cleric" → `ARN` + `~REL` = `ARNREL`).
//!
//! ```text
//! !PERSON! = MAN, MEN, WOMAN, WOMEN        a substitution set
//! CONGRESS!PERSON! [~LEG]                  expands to CONGRESSMAN, CONGRESSMEN, …
//! PRESIDENT [~GOV]                         `~X`: X follows the actor code
//! MSF {} [NGO~]                            `X~`: X precedes it; `{}`: no plural
//! GOLDEN_GOOSE {GOLDEN_GEESE} [~GGS]       `{…}`: the plural forms
//! ```
//! Without braces the regular plural of the last word is added.

use super::dictfile::{brackets, lines, phrase_words, Diagnostics};
use super::phrases::PhraseIndex;
use std::collections::HashMap;

/// An agent's code and where it goes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Agent {
    /// Sector code(s), e.g. `GOV`, `GOVMED`.
    pub code: String,
    /// True for `X~` (before the actor code), false for `~X` (after).
    pub prefix: bool,
}

/// The agents of one or more agent files.
#[derive(Debug, Default)]
pub struct AgentDict {
    /// Agent phrases (singular and plural forms).
    pub phrases: PhraseIndex<Agent>,
}

/// The regular English plural of an upper-case noun.
pub fn plural(word: &str) -> String {
    let b = word.as_bytes();
    let vowel = |c: u8| b"AEIOU".contains(&c);
    if let Some(stem) = word.strip_suffix("MAN") {
        return format!("{stem}MEN");
    }
    if word.ends_with('S')
        || word.ends_with('X')
        || word.ends_with('Z')
        || word.ends_with("CH")
        || word.ends_with("SH")
    {
        format!("{word}ES")
    } else if b.len() > 1 && word.ends_with('Y') && !vowel(b[b.len() - 2]) {
        format!("{}IES", &word[..word.len() - 1])
    } else {
        format!("{word}S")
    }
}

fn expand(phrase: &str, sets: &HashMap<String, Vec<String>>) -> Vec<String> {
    let Some(start) = phrase.find('!') else {
        return vec![phrase.to_string()];
    };
    let Some(len) = phrase[start + 1..].find('!') else {
        return vec![phrase.to_string()];
    };
    let name = &phrase[start..start + len + 2];
    match sets.get(name) {
        Some(alts) => alts
            .iter()
            .flat_map(|a| expand(&phrase.replacen(name, a, 1), sets))
            .collect(),
        None => vec![phrase.to_string()],
    }
}

impl AgentDict {
    /// Reads one agent file into the dictionary.
    pub fn read(&mut self, text: &str, diags: &mut Diagnostics<'_>) {
        let mut sets: HashMap<String, Vec<String>> = HashMap::new();
        for (no, line) in lines(text) {
            let line = line.trim();
            if line.starts_with('!') {
                if let Some((name, alts)) = line.split_once('=') {
                    let alts = alts.split(',').map(|a| a.trim().to_uppercase());
                    sets.insert(
                        name.trim().to_uppercase(),
                        alts.filter(|a| !a.is_empty()).collect(),
                    );
                    continue;
                }
            }
            let (head, parts) = match brackets(line) {
                Ok(x) => x,
                Err(e) => {
                    diags.push(no, e);
                    continue;
                }
            };
            let Some(code) = parts.first() else {
                diags.push(no, format!("agent {:?} has no code", head.trim()));
                continue;
            };
            let code = code.replace(' ', "").to_uppercase();
            let agent = if let Some(c) = code.strip_prefix('~') {
                Agent {
                    code: c.to_string(),
                    prefix: false,
                }
            } else if let Some(c) = code.strip_suffix('~') {
                Agent {
                    code: c.to_string(),
                    prefix: true,
                }
            } else {
                diags.push(no, format!("agent code [{code}] has no ~"));
                Agent {
                    code,
                    prefix: false,
                }
            };
            if agent.code.is_empty() {
                diags.push(no, "empty agent code");
                continue;
            }
            let (phrase, forms) = match head.find('{') {
                Some(p) => {
                    let inner = head[p + 1..].split('}').next().unwrap_or("");
                    (&head[..p], Some(inner))
                }
                None => (head, None),
            };
            for variant in expand(&phrase.trim().to_uppercase(), &sets) {
                let words = phrase_words(&variant);
                if words.is_empty() {
                    diags.push(no, "empty agent phrase");
                    continue;
                }
                self.phrases.insert(&words, agent.clone());
                match forms {
                    None => {
                        let mut pl = words.clone();
                        if let Some(last) = pl.last_mut() {
                            *last = plural(last);
                        }
                        self.phrases.insert(&pl, agent.clone());
                    }
                    Some(list) => {
                        for f in list.split_whitespace() {
                            self.phrases
                                .insert(&phrase_words(&f.to_uppercase()), agent.clone());
                        }
                    }
                }
            }
        }
    }

    /// The longest agent phrase at `tokens[i]`.
    pub fn match_at<S: AsRef<str>>(&self, tokens: &[S], i: usize) -> Option<(usize, &Agent)> {
        self.phrases.longest_at(tokens, i)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    #[test]
    fn plurals() {
        let cases = [
            ("SOLDIER", "SOLDIERS"),
            ("CONGRESS", "CONGRESSES"),
            ("AUTHORITY", "AUTHORITIES"),
            ("ATTORNEY", "ATTORNEYS"),
            ("SPOKESMAN", "SPOKESMEN"),
            ("CHURCH", "CHURCHES"),
        ];
        for (s, p) in cases {
            assert_eq!(plural(s), p);
        }
    }

    #[test]
    fn reads_agents() {
        let mut list = Vec::new();
        let mut d = AgentDict::default();
        d.read(
            "!P! = MAN, WOMAN\nCHAIR!P! [~GOV]\nGOLDEN_GOOSE {GOLDEN_GEESE} [~GGS]\nMSF {} [NGO~]\nCLERIC [~REL]\nBROKEN\n",
            &mut Diagnostics::new(Path::new("t.agents"), &mut list),
        );
        assert_eq!(list.len(), 1, "{list:?}");
        type Case<'a> = (&'a [&'a str], Option<(&'a str, bool)>);
        let cases: &[Case] = &[
            (&["CHAIRWOMAN"], Some(("GOV", false))),
            (&["CHAIRMEN"], Some(("GOV", false))),
            (&["GOLDEN", "GEESE"], Some(("GGS", false))),
            (&["GOLDEN", "GOOSES"], None),
            (&["MSF"], Some(("NGO", true))),
            (&["MSFS"], None),
            (&["CLERICS"], Some(("REL", false))),
        ];
        for (toks, want) in cases {
            let got = d
                .match_at(toks, 0)
                .map(|(_, a)| (a.code.as_str(), a.prefix));
            assert_eq!(got, *want, "{toks:?}");
        }
    }
}
