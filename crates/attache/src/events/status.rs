//! Event status from the verb group and its context, and the code changes a
//! governing verb brings ("threatened to expel" is a threat, "refused to meet"
//! a rejection, "will meet" an intent to meet).

use crate::doc::EventStatus;

/// What governs a trigger: the verb before its "to" ("plans to", "threatened to").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Control {
    /// plan, intend, want, decide, prepare, be set/due/going to.
    Intend,
    /// vow, pledge, promise.
    Promise,
    /// propose, suggest, offer.
    Propose,
    /// threaten, warn.
    Threaten,
    /// refuse, decline, reject.
    Refuse,
    /// try, attempt, seek.
    Try,
    /// agree.
    Agree,
    /// Anything else (continue, begin, need, ...).
    Other,
}

/// The class of a governing verb lemma, if it is one.
pub fn control_class(lemma: &str) -> Option<Control> {
    Some(match lemma {
        "plan" | "intend" | "want" | "like" | "love" | "decide" | "prepare" | "aim" | "hope"
        | "expect" | "set" | "due" | "going" | "poised" | "move" | "wish" | "mean" | "resolve"
        | "determine" | "ready" | "willing" => Control::Intend,
        "vow" | "pledge" | "promise" | "swear" | "commit" => Control::Promise,
        "propose" | "suggest" | "offer" | "volunteer" => Control::Propose,
        "threaten" | "warn" => Control::Threaten,
        "refuse" | "decline" | "reject" | "fail" => Control::Refuse,
        "try" | "attempt" | "seek" | "struggle" => Control::Try,
        "agree" | "consent" => Control::Agree,
        "continue" | "begin" | "start" | "need" | "keep" | "able" | "likely" | "unlikely"
        | "prompt" | "force" | "allow" | "urge" | "ask" => Control::Other,
        _ => return None,
    })
}

/// Facts about a trigger's verb group and clause that decide its status.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Cues {
    /// "not", "n't", "never", "no".
    pub negated: bool,
    /// will, shall, 'll, is to.
    pub future: bool,
    /// could, may, might, should; or an if/unless clause.
    pub hypothetical: bool,
    /// "would".
    pub would: bool,
    /// The governing verb, if any.
    pub control: Option<Control>,
    /// Inside a statement (quote or reported speech) by another actor.
    pub reported: bool,
    /// The sentence reports speech (so "would" is a reported future).
    pub in_reported_speech: bool,
}

/// Decides the status of an event from its cues.
pub fn decide(c: &Cues) -> EventStatus {
    if c.negated {
        return EventStatus::Negated;
    }
    match c.control {
        Some(Control::Refuse) => return EventStatus::Negated,
        Some(Control::Propose) => return EventStatus::Proposed,
        Some(Control::Intend | Control::Promise | Control::Agree) => return EventStatus::Intended,
        Some(Control::Try) => return EventStatus::Hypothetical,
        _ => {}
    }
    if c.hypothetical || (c.would && !c.in_reported_speech) {
        return EventStatus::Hypothetical;
    }
    if c.future || c.would {
        return EventStatus::Intended;
    }
    if c.reported {
        return EventStatus::Reported;
    }
    EventStatus::Asserted
}

/// The 03x intent code for a cooperative act (roots 04–08) that is only intended.
pub fn intent_code(code: &str) -> Option<&'static str> {
    let root = code.get(..2)?;
    Some(match (root, code) {
        (_, "045") => "039",
        ("04", _) => "036",
        (_, "057") => "030",
        ("05", _) => "032",
        (_, "061") => "0311",
        (_, "062") => "0312",
        (_, "063") => "0313",
        (_, "064") => "0314",
        ("06", _) => "031",
        (_, "071") => "0331",
        (_, "072") => "0332",
        (_, "073") => "0333",
        (_, "074") => "0334",
        ("07", _) => "033",
        (_, "081" | "0811" | "0812" | "0813" | "0814") => "0351",
        (_, "082") => "0352",
        (_, "083") => "034",
        (_, "0831") => "0341",
        (_, "0832") => "0342",
        (_, "0833") => "0343",
        (_, "0834") => "0344",
        (_, "084" | "0841" | "0842") => "0353",
        (_, "085") => "0354",
        (_, "086" | "0861" | "0862" | "0863") => "0355",
        (_, "087" | "0871" | "0872" | "0873" | "0874") => "0356",
        ("08", _) => "035",
        _ => return None,
    })
}

/// The threat code for a conflictual act that is only threatened.
pub fn threat_code(code: &str) -> Option<&'static str> {
    let root: u8 = code.get(..2)?.parse().ok()?;
    if root < 14 {
        return None;
    }
    Some(match code {
        "161" | "160" => "1313",
        "162" | "1621" | "1622" | "1623" => "1311",
        "163" => "1312",
        "164" => "134",
        "165" => "135",
        "166" | "1661" | "1662" | "1663" => "136",
        "172" => "132",
        "1721" => "1321",
        "1722" => "1322",
        "1723" => "1323",
        "1724" => "1324",
        "175" => "137",
        "191" => "1381",
        "192" => "1382",
        "190" | "193" | "194" | "195" => "1384",
        "204" | "2041" | "2042" => "1385",
        _ if (18..=20).contains(&root) => "138",
        _ if root == 14 => "133",
        _ => "130",
    })
}

/// The rejection code for a cooperative act that is refused.
pub fn refusal_code(code: &str) -> Option<&'static str> {
    let root = code.get(..2)?;
    Some(match (root, code) {
        ("04", _) => "125",
        ("06", "061") => "1211",
        ("06", "062") => "1212",
        ("06", "063") => "1213",
        ("06", "064") => "1214",
        ("06", _) => "121",
        ("07", _) => "122",
        ("08", "084" | "0841" | "0842") => "1243",
        ("08", "085") => "1244",
        ("08", "086" | "0861" | "0862" | "0863") => "1245",
        ("08", "087" | "0871" | "0872" | "0873" | "0874") => "1246",
        ("08", _) => "124",
        ("03", "036") => "125",
        ("03", "0311") => "1211",
        ("03", "0312") => "1212",
        ("03", "031") => "121",
        ("03" | "05", _) => "120",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_table() {
        let base = Cues::default();
        let cases = [
            (base, EventStatus::Asserted),
            (
                Cues {
                    negated: true,
                    future: true,
                    ..base
                },
                EventStatus::Negated,
            ),
            (
                Cues {
                    future: true,
                    ..base
                },
                EventStatus::Intended,
            ),
            (
                Cues {
                    control: Some(Control::Intend),
                    ..base
                },
                EventStatus::Intended,
            ),
            (
                Cues {
                    control: Some(Control::Propose),
                    ..base
                },
                EventStatus::Proposed,
            ),
            (
                Cues {
                    hypothetical: true,
                    ..base
                },
                EventStatus::Hypothetical,
            ),
            (
                Cues {
                    would: true,
                    ..base
                },
                EventStatus::Hypothetical,
            ),
            (
                Cues {
                    would: true,
                    in_reported_speech: true,
                    ..base
                },
                EventStatus::Intended,
            ),
            (
                Cues {
                    reported: true,
                    ..base
                },
                EventStatus::Reported,
            ),
            (
                Cues {
                    control: Some(Control::Refuse),
                    ..base
                },
                EventStatus::Negated,
            ),
        ];
        for (cues, want) in cases {
            assert_eq!(decide(&cues), want, "{cues:?}");
        }
    }

    #[test]
    fn code_maps() {
        assert_eq!(intent_code("040"), Some("036"));
        assert_eq!(intent_code("057"), Some("030"));
        assert_eq!(intent_code("0841"), Some("0353"));
        assert_eq!(intent_code("161"), None);
        assert_eq!(threat_code("161"), Some("1313"));
        assert_eq!(threat_code("190"), Some("1384"));
        assert_eq!(threat_code("040"), None);
        assert_eq!(refusal_code("040"), Some("125"));
        assert_eq!(refusal_code("036"), Some("125"));
        assert_eq!(refusal_code("112"), None);
        for c in [
            "036", "030", "0353", "1313", "1384", "125", "1246", "133", "130", "138",
        ] {
            assert!(super::super::cameo::lookup(c).is_some(), "{c}");
        }
    }
}
