//! English verb inflection: every surface form of a verb lemma (base, third
//! person singular, past, past participle, gerund), from spelling rules and a
//! table of irregular verbs. Used to compile lexicons written as lemmas.

/// The inflected forms of one verb.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VerbForms {
    /// The lemma ("expel").
    pub base: String,
    /// Third person singular present ("expels").
    pub third: String,
    /// Simple past ("expelled").
    pub past: String,
    /// Past participle ("expelled", "taken").
    pub participle: String,
    /// Gerund / present participle ("expelling").
    pub gerund: String,
}

impl VerbForms {
    /// All distinct forms, base first.
    pub fn all(&self) -> Vec<&str> {
        let mut v: Vec<&str> = Vec::with_capacity(5);
        for f in [
            &self.base,
            &self.third,
            &self.past,
            &self.participle,
            &self.gerund,
        ] {
            if !v.contains(&f.as_str()) {
                v.push(f);
            }
        }
        v
    }
}

/// Irregular verbs: lemma, past, past participle (third person and gerund are regular
/// except where [`inflect`] says otherwise).
const IRREGULAR: &[(&str, &str, &str)] = &[
    ("arise", "arose", "arisen"),
    ("be", "was", "been"),
    ("bear", "bore", "borne"),
    ("beat", "beat", "beaten"),
    ("become", "became", "become"),
    ("begin", "began", "begun"),
    ("bid", "bid", "bid"),
    ("bind", "bound", "bound"),
    ("blow", "blew", "blown"),
    ("break", "broke", "broken"),
    ("bring", "brought", "brought"),
    ("build", "built", "built"),
    ("burn", "burned", "burnt"),
    ("buy", "bought", "bought"),
    ("cast", "cast", "cast"),
    ("catch", "caught", "caught"),
    ("choose", "chose", "chosen"),
    ("come", "came", "come"),
    ("cut", "cut", "cut"),
    ("deal", "dealt", "dealt"),
    ("do", "did", "done"),
    ("draw", "drew", "drawn"),
    ("drive", "drove", "driven"),
    ("eat", "ate", "eaten"),
    ("fall", "fell", "fallen"),
    ("feel", "felt", "felt"),
    ("fight", "fought", "fought"),
    ("find", "found", "found"),
    ("flee", "fled", "fled"),
    ("fly", "flew", "flown"),
    ("forbid", "forbade", "forbidden"),
    ("forecast", "forecast", "forecast"),
    ("forget", "forgot", "forgotten"),
    ("forgive", "forgave", "forgiven"),
    ("freeze", "froze", "frozen"),
    ("get", "got", "gotten"),
    ("give", "gave", "given"),
    ("go", "went", "gone"),
    ("grow", "grew", "grown"),
    ("hang", "hanged", "hanged"),
    ("have", "had", "had"),
    ("hear", "heard", "heard"),
    ("hide", "hid", "hidden"),
    ("hit", "hit", "hit"),
    ("hold", "held", "held"),
    ("hurt", "hurt", "hurt"),
    ("keep", "kept", "kept"),
    ("know", "knew", "known"),
    ("lay", "laid", "laid"),
    ("lead", "led", "led"),
    ("leave", "left", "left"),
    ("lend", "lent", "lent"),
    ("let", "let", "let"),
    ("lose", "lost", "lost"),
    ("make", "made", "made"),
    ("mean", "meant", "meant"),
    ("meet", "met", "met"),
    ("mislead", "misled", "misled"),
    ("overrun", "overran", "overrun"),
    ("overthrow", "overthrew", "overthrown"),
    ("pay", "paid", "paid"),
    ("put", "put", "put"),
    ("quit", "quit", "quit"),
    ("read", "read", "read"),
    ("rebuild", "rebuilt", "rebuilt"),
    ("rid", "rid", "rid"),
    ("ride", "rode", "ridden"),
    ("rise", "rose", "risen"),
    ("run", "ran", "run"),
    ("say", "said", "said"),
    ("see", "saw", "seen"),
    ("seek", "sought", "sought"),
    ("sell", "sold", "sold"),
    ("send", "sent", "sent"),
    ("set", "set", "set"),
    ("shake", "shook", "shaken"),
    ("shoot", "shot", "shot"),
    ("show", "showed", "shown"),
    ("shut", "shut", "shut"),
    ("sink", "sank", "sunk"),
    ("sit", "sat", "sat"),
    ("slay", "slew", "slain"),
    ("speak", "spoke", "spoken"),
    ("spend", "spent", "spent"),
    ("split", "split", "split"),
    ("spread", "spread", "spread"),
    ("stand", "stood", "stood"),
    ("steal", "stole", "stolen"),
    ("stick", "stuck", "stuck"),
    ("strike", "struck", "struck"),
    ("strive", "strove", "striven"),
    ("swear", "swore", "sworn"),
    ("sweep", "swept", "swept"),
    ("take", "took", "taken"),
    ("teach", "taught", "taught"),
    ("tear", "tore", "torn"),
    ("tell", "told", "told"),
    ("think", "thought", "thought"),
    ("throw", "threw", "thrown"),
    ("undergo", "underwent", "undergone"),
    ("understand", "understood", "understood"),
    ("undertake", "undertook", "undertaken"),
    ("uphold", "upheld", "upheld"),
    ("upset", "upset", "upset"),
    ("wage", "waged", "waged"),
    ("wake", "woke", "woken"),
    ("wear", "wore", "worn"),
    ("win", "won", "won"),
    ("withdraw", "withdrew", "withdrawn"),
    ("withhold", "withheld", "withheld"),
    ("write", "wrote", "written"),
];

/// Verbs of more than one syllable stressed on the last, which double their
/// final consonant ("expel" → "expelled").
const DOUBLE_FINAL: &[&str] = &[
    "abet", "acquit", "admit", "commit", "compel", "confer", "control", "deter", "embed", "equip",
    "expel", "extol", "incur", "occur", "omit", "patrol", "permit", "prefer", "propel", "rebel",
    "recur", "refer", "regret", "repel", "submit", "transfer", "transmit", "unplug", "outstrip",
    "kidnap", "worship",
];

fn is_vowel_char(c: char) -> bool {
    c.is_ascii() && is_vowel(c as u8)
}

fn is_vowel(c: u8) -> bool {
    matches!(c, b'a' | b'e' | b'i' | b'o' | b'u')
}

/// True when the final consonant doubles before -ed/-ing.
fn doubles(lemma: &str) -> bool {
    let b = lemma.as_bytes();
    if b.len() < 3 || !b.iter().all(u8::is_ascii_lowercase) {
        return false;
    }
    let n = b.len();
    if n >= 4 && b[n - 4] == b'q' && b[n - 3] == b'u' && is_vowel(b[n - 2]) && !is_vowel(b[n - 1]) {
        return true; // "quit", "equip": "qu" counts as a consonant
    }
    let (c1, v, c2) = (b[n - 3], b[n - 2], b[n - 1]);
    if !(!is_vowel(c1) && is_vowel(v) && !is_vowel(c2)) || matches!(c2, b'w' | b'x' | b'y') {
        return false;
    }
    if DOUBLE_FINAL.contains(&lemma) {
        return true;
    }
    // a particle prefix over a doubling monosyllable ("overstep", "sidestep",
    // "upset", "outbid", "mishit"): stress stays on the last syllable
    const PREFIXES: [&str; 9] = [
        "over", "under", "out", "up", "down", "side", "back", "fore", "mis",
    ];
    if PREFIXES.iter().any(|p| {
        lemma.strip_prefix(p).is_some_and(|rest| {
            rest.len() >= 3 && !rest.starts_with(is_vowel_char) && doubles(rest)
        })
    }) {
        return true;
    }
    // one vowel group only: a monosyllable ("ban", "stop", "plan")
    let groups = b
        .windows(2)
        .filter(|w| !is_vowel(w[0]) && is_vowel(w[1]))
        .count()
        + usize::from(is_vowel(b[0]));
    groups == 1 && c1 != b'q'
}

fn third_person(lemma: &str) -> String {
    let b = lemma.as_bytes();
    if lemma == "be" {
        return "is".into();
    }
    if lemma == "have" {
        return "has".into();
    }
    if lemma.ends_with('s')
        || lemma.ends_with('x')
        || lemma.ends_with('z')
        || lemma.ends_with("ch")
        || lemma.ends_with("sh")
        || (lemma.ends_with('o') && !lemma.ends_with("oo"))
    {
        return format!("{lemma}es");
    }
    if b.len() >= 2 && b[b.len() - 1] == b'y' && !is_vowel(b[b.len() - 2]) {
        return format!("{}ies", &lemma[..lemma.len() - 1]);
    }
    format!("{lemma}s")
}

fn regular_past(lemma: &str) -> String {
    let b = lemma.as_bytes();
    if lemma.ends_with('e') {
        return format!("{lemma}d");
    }
    if b.len() >= 2 && b[b.len() - 1] == b'y' && !is_vowel(b[b.len() - 2]) {
        return format!("{}ied", &lemma[..lemma.len() - 1]);
    }
    if lemma.ends_with('c') {
        return format!("{lemma}ked");
    }
    if doubles(lemma) {
        return format!("{lemma}{}ed", &lemma[lemma.len() - 1..]);
    }
    format!("{lemma}ed")
}

fn gerund(lemma: &str) -> String {
    if lemma == "be" {
        return "being".into();
    }
    if let Some(stem) = lemma.strip_suffix("ie") {
        return format!("{stem}ying");
    }
    if lemma.ends_with('e')
        && !lemma.ends_with("ee")
        && !lemma.ends_with("ye")
        && !lemma.ends_with("oe")
        && lemma.len() > 2
    {
        return format!("{}ing", &lemma[..lemma.len() - 1]);
    }
    if lemma.ends_with('c') {
        return format!("{lemma}king");
    }
    if doubles(lemma) {
        return format!("{lemma}{}ing", &lemma[lemma.len() - 1..]);
    }
    format!("{lemma}ing")
}

/// Inflects a verb lemma (lower case, one word) into its forms.
///
/// ```
/// let f = attache::events::forms::inflect("expel");
/// assert_eq!((f.third.as_str(), f.past.as_str(), f.gerund.as_str()), ("expels", "expelled", "expelling"));
/// assert_eq!(attache::events::forms::inflect("meet").past, "met");
/// ```
pub fn inflect(lemma: &str) -> VerbForms {
    let lemma = lemma.trim().to_lowercase();
    let (past, participle) = match IRREGULAR.iter().find(|(l, _, _)| *l == lemma) {
        Some((_, p, pp)) => (p.to_string(), pp.to_string()),
        None => {
            // compounds of irregular verbs: "re-take", "overtake", "foresee"
            match IRREGULAR
                .iter()
                .filter(|(l, _, _)| l.len() >= 3 && lemma.len() > l.len() && lemma.ends_with(l))
                .max_by_key(|(l, _, _)| l.len())
            {
                Some((l, p, pp))
                    if [
                        "re", "over", "under", "out", "with", "fore", "up", "mis", "un",
                    ]
                    .contains(&&lemma[..lemma.len() - l.len()]) =>
                {
                    let stem = &lemma[..lemma.len() - l.len()];
                    (format!("{stem}{p}"), format!("{stem}{pp}"))
                }
                _ => {
                    let p = regular_past(&lemma);
                    (p.clone(), p)
                }
            }
        }
    };
    VerbForms {
        third: third_person(&lemma),
        gerund: gerund(&lemma),
        past,
        participle,
        base: lemma,
    }
}

/// Every surface form of a lemma, including "were"/"are"/"am" for "be".
pub fn surface_forms(lemma: &str) -> Vec<String> {
    let f = inflect(lemma);
    let mut v: Vec<String> = f.all().into_iter().map(String::from).collect();
    if f.base == "be" {
        v.extend(["am", "are", "were"].map(String::from));
    }
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inflection_table() {
        // lemma, third, past, participle, gerund
        let cases = [
            ("accuse", "accuses", "accused", "accused", "accusing"),
            ("expel", "expels", "expelled", "expelled", "expelling"),
            ("ban", "bans", "banned", "banned", "banning"),
            ("halt", "halts", "halted", "halted", "halting"),
            ("deny", "denies", "denied", "denied", "denying"),
            ("stay", "stays", "stayed", "stayed", "staying"),
            ("reach", "reaches", "reached", "reached", "reaching"),
            ("veto", "vetoes", "vetoed", "vetoed", "vetoing"),
            ("meet", "meets", "met", "met", "meeting"),
            ("seek", "seeks", "sought", "sought", "seeking"),
            (
                "withdraw",
                "withdraws",
                "withdrew",
                "withdrawn",
                "withdrawing",
            ),
            ("strip", "strips", "stripped", "stripped", "stripping"),
            ("visit", "visits", "visited", "visited", "visiting"),
            ("offer", "offers", "offered", "offered", "offering"),
            ("regret", "regrets", "regretted", "regretted", "regretting"),
            ("free", "frees", "freed", "freed", "freeing"),
            ("tie", "ties", "tied", "tied", "tying"),
            ("panic", "panics", "panicked", "panicked", "panicking"),
            ("retake", "retakes", "retook", "retaken", "retaking"),
            ("be", "is", "was", "been", "being"),
            ("fix", "fixes", "fixed", "fixed", "fixing"),
            ("open", "opens", "opened", "opened", "opening"),
            (
                "threaten",
                "threatens",
                "threatened",
                "threatened",
                "threatening",
            ),
            ("bomb", "bombs", "bombed", "bombed", "bombing"),
            ("kidnap", "kidnaps", "kidnapped", "kidnapped", "kidnapping"),
            ("quit", "quits", "quit", "quit", "quitting"),
            (
                "overstep",
                "oversteps",
                "overstepped",
                "overstepped",
                "overstepping",
            ),
            (
                "sidestep",
                "sidesteps",
                "sidestepped",
                "sidestepped",
                "sidestepping",
            ),
            ("outbid", "outbids", "outbid", "outbid", "outbidding"),
            (
                "overlook",
                "overlooks",
                "overlooked",
                "overlooked",
                "overlooking",
            ),
            ("upstage", "upstages", "upstaged", "upstaged", "upstaging"),
        ];
        for (l, t, p, pp, g) in cases {
            let f = inflect(l);
            assert_eq!(
                (
                    f.third.as_str(),
                    f.past.as_str(),
                    f.participle.as_str(),
                    f.gerund.as_str()
                ),
                (t, p, pp, g),
                "{l}"
            );
        }
    }

    #[test]
    fn forms_are_distinct() {
        assert_eq!(inflect("cut").all(), vec!["cut", "cuts", "cutting"]);
        assert!(surface_forms("be").contains(&"were".to_string()));
    }
}
