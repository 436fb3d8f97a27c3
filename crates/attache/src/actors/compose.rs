//! Compositional coding: groups a sentence's units into noun phrases
//! (determiner, owners, roles, name) and works out the CAMEO code a phrase
//! gives its head from its parts ("Russian" + "foreign minister" = RUSGOV).

use super::lexicon::{ActorLexicon, OrgKind, RoleKind, Sense};
use super::matcher::{Unit, UnitKind};
use super::words::{self, Det, Pronoun};

/// A noun phrase made of adjacent units.
#[derive(Debug, Clone)]
pub(crate) struct Phrase {
    /// First byte, including a determiner.
    pub start: usize,
    /// End of the last unit (without a possessive ending).
    pub end: usize,
    /// End including a possessive ending.
    pub ext_end: usize,
    /// Determiner.
    pub det: Det,
    /// Indices of the phrase's units (lexicon matches and names).
    pub units: Vec<usize>,
    /// The phrase ends in a possessive.
    pub poss: bool,
    /// The phrase is the first part of a hyphenated compound ("U.S.-led").
    pub hyphen: bool,
}

/// The owner an actor belongs to, as a code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct OwnerCode {
    /// State ISO3 code or organisation code.
    pub code: String,
    /// True when `code` is a bare state code that takes a sector.
    pub state: bool,
    /// ISO3 code of the owner's state, when known.
    pub country: Option<String>,
}

/// Code of an actor from its owner and sector: a state owner takes the
/// sector ("RUS" + "GOV"); an organisation owner keeps its own code.
pub(crate) fn compose(owner: Option<&OwnerCode>, sector: Option<&str>) -> Option<String> {
    let o = owner?;
    if o.state {
        Some(format!("{}{}", o.code, sector.unwrap_or("")))
    } else {
        Some(o.code.clone())
    }
}

/// The owner code a lexicon sense gives as a modifier.
pub(crate) fn sense_owner(lex: &ActorLexicon, s: Sense) -> Option<OwnerCode> {
    match s {
        Sense::Seat(si) => {
            let seat = &lex.seats[si];
            let iso = &lex.countries[seat.country].code;
            Some(OwnerCode {
                code: format!("{iso}{}", seat.sector),
                state: false,
                country: Some(iso.clone()),
            })
        }
        Sense::City(i) => {
            let iso = &lex.countries[lex.cities[i].1].code;
            Some(OwnerCode {
                code: iso.clone(),
                state: true,
                country: Some(iso.clone()),
            })
        }
        Sense::CountryName(c) | Sense::CountryAdj(c) | Sense::People(c) | Sense::Capital(c) => {
            Some(OwnerCode {
                code: lex.countries[c].code.clone(),
                state: true,
                country: Some(lex.countries[c].code.clone()),
            })
        }
        Sense::Org(o) if lex.orgs[o].kind != OrgKind::Place => Some(OwnerCode {
            code: lex.orgs[o].code.clone(),
            state: false,
            country: lex.orgs[o].country.clone(),
        }),
        _ => None,
    }
}

fn role_of(s: Option<Sense>) -> Option<(usize, bool)> {
    match s {
        Some(Sense::Role { role, plural }) => Some((role, plural)),
        _ => None,
    }
}

fn is_owner_sense(s: Sense) -> bool {
    matches!(
        s,
        Sense::CountryName(_)
            | Sense::CountryAdj(_)
            | Sense::Capital(_)
            | Sense::Seat(_)
            | Sense::City(_)
            | Sense::Org(_)
    )
}

/// May unit `b` continue a phrase that ends in unit `a`?
fn joins(lex: &ActorLexicon, a: &Unit, b: &Unit) -> bool {
    if a.hyphen {
        return false;
    }
    match (a.kind, b.kind) {
        (UnitKind::Lex(Sense::Anaphor(_)), _) | (_, UnitKind::Lex(Sense::Anaphor(_))) => false,
        (UnitKind::Lex(Sense::People(_)), _) => false,
        (UnitKind::Lex(Sense::Role { .. }), UnitKind::Lex(Sense::Role { .. })) => !a.poss,
        (UnitKind::Lex(Sense::Role { role, .. }), UnitKind::Name { .. }) => {
            !a.poss && lex.roles[role].kind != RoleKind::Place
        }
        (UnitKind::Lex(Sense::Role { role, .. }), UnitKind::Lex(Sense::Org(_))) => {
            // "state agency Tass", "news agency Reuters".
            !a.poss && matches!(lex.roles[role].kind, RoleKind::Org | RoleKind::Subunit)
        }
        (UnitKind::Lex(sa), UnitKind::Lex(Sense::Role { .. })) => is_owner_sense(sa),
        (UnitKind::Lex(sa), UnitKind::Name { .. }) => is_owner_sense(sa),
        (UnitKind::Name { .. }, UnitKind::Lex(Sense::Role { role, .. })) => {
            !a.poss
                && matches!(
                    lex.roles[role].kind,
                    RoleKind::Org | RoleKind::Subunit | RoleKind::Place
                )
        }
        _ => false,
    }
}

fn word<'a>(text: &'a str, u: &Unit) -> &'a str {
    u.text(text)
}

/// Groups units into phrases; also returns the pronouns (unit index, pronoun).
pub(crate) fn phrases(
    text: &str,
    units: &[Unit],
    lex: &ActorLexicon,
) -> (Vec<Phrase>, Vec<(usize, Pronoun)>) {
    let n = units.len();
    let mut out = Vec::new();
    let mut prons = Vec::new();
    let gap = |a: &Unit, b: &Unit| &text[a.ext_end.min(b.span.start)..b.span.start];
    let mut i = 0;
    while i < n {
        let u = &units[i];
        if u.is_word() {
            if let Some(p) = words::pronoun(word(text, u)) {
                prons.push((i, p));
            }
            i += 1;
            continue;
        }
        // Determiner: walk back over numbers and modifiers.
        let mut det = Det::None;
        let mut start = u.span.start;
        let mut k = i;
        while k > 0 {
            let p = &units[k - 1];
            if !p.is_word() || gap(p, &units[k]) != " " {
                break;
            }
            let w = word(text, p);
            if let Some(d) = words::det(w) {
                det = d;
                start = p.span.start;
                break;
            }
            if words::is_count_word(w) || words::is_skip_mod(w) {
                k -= 1;
                continue;
            }
            break;
        }
        let mut members = vec![i];
        let mut j = i;
        loop {
            let a = &units[j];
            if a.hyphen {
                break;
            }
            let mut k = j + 1;
            let mut lower_words = 0;
            let mut ok = true;
            while k < n && units[k].is_word() {
                let g = gap(&units[k - 1], &units[k]);
                let w = word(text, &units[k]);
                if g != " " && !(k == j + 1 && a.poss && g.is_empty()) {
                    ok = false;
                    break;
                }
                if words::is_skip_mod(w) || words::is_count_word(w) {
                    k += 1;
                    continue;
                }
                // After a possessive owner, up to three plain words may describe the
                // role ("the Federation Council's international affairs commission");
                // after a nationality, two ("Egyptian intelligence chief").
                let owner_unit = a.sense().is_some_and(is_owner_sense);
                let limit = if a.poss {
                    3
                } else if owner_unit {
                    2
                } else {
                    0
                };
                if lower_words < limit
                    && w.chars().all(|c| c.is_lowercase() || c == '-')
                    && words::det(w).is_none()
                    && words::pronoun(w).is_none()
                    && !words::is_noun_follower(w)
                {
                    lower_words += 1;
                    k += 1;
                    continue;
                }
                ok = false;
                break;
            }
            if !ok || k >= n {
                break;
            }
            let g = gap(&units[k - 1], &units[k]);
            let g_ok = g == " " || (k == j + 1 && a.poss && g.is_empty());
            if !g_ok || !joins(lex, a, &units[k]) {
                break;
            }
            if lower_words > 0 && role_of(units[k].sense()).is_none() {
                break;
            }
            members.push(k);
            j = k;
        }
        // A final singular role followed by a plain noun is an adjective
        // ("official notification", "military activity").
        let last = *members.last().unwrap_or(&i);
        if let Some((r, false)) = role_of(units[last].sense()) {
            let next = units.get(last + 1);
            let adjectival = next.is_some_and(|nx| {
                nx.is_word()
                    && gap(&units[last], nx) == " "
                    && word(text, nx)
                        .chars()
                        .next()
                        .is_some_and(char::is_lowercase)
                    && !words::is_noun_follower(word(text, nx))
            }) && !units[last].poss
                && lex.roles[r].kind != RoleKind::Title;
            if adjectival {
                members.pop();
                if members.is_empty() {
                    i = last + 1;
                    continue;
                }
            }
        }
        let lu = &units[*members.last().unwrap_or(&i)];
        out.push(Phrase {
            start,
            end: lu.span.end,
            ext_end: lu.ext_end,
            det,
            units: members.clone(),
            poss: lu.poss,
            hyphen: lu.hyphen,
        });
        i = j + 1;
    }
    (out, prons)
}

/// The parts of a phrase.
#[derive(Debug, Clone, Default)]
pub(crate) struct Parsed {
    /// Modifier units that name an owner (states, organisations), in order.
    pub owners: Vec<usize>,
    /// Role units: (unit, role index, plural).
    pub roles: Vec<(usize, usize, bool)>,
    /// The unknown-name unit, if any.
    pub name: Option<usize>,
    /// The last unit.
    pub head: usize,
}

/// Splits a phrase into owners, roles, name and head.
pub(crate) fn parse(units: &[Unit], p: &Phrase) -> Parsed {
    let head = *p.units.last().unwrap_or(&0);
    let mut out = Parsed {
        head,
        ..Parsed::default()
    };
    for &u in &p.units {
        match units[u].kind {
            UnitKind::Lex(Sense::Role { role, plural }) => out.roles.push((u, role, plural)),
            UnitKind::Name { .. } => out.name = Some(u),
            UnitKind::Lex(s) if u != head && is_owner_sense(s) => out.owners.push(u),
            _ => {}
        }
    }
    out
}

/// The sector a phrase's roles give: the head role's, else the last role with one.
pub(crate) fn sector<'a>(lex: &'a ActorLexicon, parsed: &Parsed) -> Option<&'a str> {
    let head_role = parsed.roles.iter().rev().find(|r| r.0 == parsed.head);
    if let Some(s) = head_role.and_then(|r| lex.roles[r.1].sector.as_deref()) {
        return Some(s);
    }
    // "army deputy spokesperson": a rank before another role gives no sector
    let ranks_only = |i: usize| {
        i + 1 < parsed.roles.len() && words::is_rank_role(&lex.roles[parsed.roles[i].1].phrase)
    };
    parsed
        .roles
        .iter()
        .enumerate()
        .rev()
        .filter(|&(i, _)| !ranks_only(i))
        .find_map(|(_, r)| lex.roles[r.1].sector.as_deref())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compose_rules() {
        let rus = OwnerCode {
            code: "RUS".into(),
            state: true,
            country: Some("RUS".into()),
        };
        let nato = OwnerCode {
            code: "IGOWSTNAT".into(),
            state: false,
            country: None,
        };
        assert_eq!(compose(Some(&rus), Some("GOV")).as_deref(), Some("RUSGOV"));
        assert_eq!(compose(Some(&rus), None).as_deref(), Some("RUS"));
        assert_eq!(
            compose(Some(&nato), Some("GOV")).as_deref(),
            Some("IGOWSTNAT")
        );
        assert_eq!(compose(None, Some("GOV")), None);
    }
}
